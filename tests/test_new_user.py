"""What a new user met on a spreadsheet kept by hand and in the journal.

The files are built the way a French freelancer keeps them in Excel: cp1252,
``;`` separators, ``;;;;`` rows, a total line, French headers and typos.
"""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

import conflictkit as ck
from conflictkit._i18n import problem_text
from conflictkit.cli import main
from conflictkit.cli._analysis import _probability

ROWS = [
    "Client;Date ouverture;Date résolution;Cause;Montant (€);Issue;Tarif",
    "Atelier Dupré;07/01/2023;15/02/2023;retard de paiement;1 500,00 €;compromis;450",
    "Atelier Dupré;12/03/2023;;paiment;800;;450",
    "Boulangerie Martin;03/04/2023;20/04/2023;délai;N/A;à l'amiable;",
    ";;;;;;",
    "TOTAL;;;;2 300,00 €;;",
]


def _excel_csv(path: Path, rows: list[str]) -> Path:
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1252"))
    return path


class TestTheCommandLineNamesOptionsNotPython:
    def test_warnings_name_the_options(self, tmp_path, capsys):
        path = _excel_csv(tmp_path / "litiges.csv", ROWS)
        assert main(["summary", str(path), "--skip-bad-rows"]) == 0
        err = capsys.readouterr().err
        assert "history." not in err
        assert "columns={" not in err
        assert "pass --columns 'Tarif=" in err
        assert "1 blank row (row 5) and 1 total row (row 6)" in err
        assert "conflictkit validate lists them with their problems" in err

    @pytest.mark.parametrize(
        ("lang", "expected"),
        [("en", "pass --columns 'your header=client'"),
         ("fr", "passez --columns 'votre en-tête=client'")],
    )  # fmt: skip
    def test_a_missing_column_names_the_option(self, tmp_path, capsys, lang, expected):
        # a title line above a header whose client column has a name the
        # reader does not know (a title alone is skipped: test_read_title.py)
        header = ROWS[0].replace("Client;", "Pour qui;")
        path = _excel_csv(
            tmp_path / "litiges.csv", ["Mes litiges;;", header, *ROWS[1:]]
        )
        assert main(["validate", str(path), "--lang", lang]) == 1
        out = capsys.readouterr().out
        assert expected in out
        assert "columns={" not in out

    def test_importing_again_names_the_option(self, tmp_path, jpath, capsys):
        path = _excel_csv(tmp_path / "litiges.csv", [ROWS[0], ROWS[1], ROWS[3]])
        assert main(["import", str(path), "--journal", jpath]) == 0
        assert main(["import", str(path), "--journal", jpath]) == 0
        err = capsys.readouterr().err
        assert "(--allow-duplicates adds them)" in err
        assert "allow_duplicates=True" not in err


class TestListOpen:
    def test_a_journal_with_only_settled_disputes_is_not_empty(self, jpath, capsys):
        assert main(["add", "Acme", "--journal", jpath, "--opened-at",
                     "2024-01-10"]) == 0  # fmt: skip
        assert main(["resolve", "D-0001", "--journal", jpath, "--outcome",
                     "compromis", "--resolved-at", "2024-02-01"]) == 0  # fmt: skip
        capsys.readouterr()
        assert main(["list", "--journal", jpath, "--open"]) == 0
        assert capsys.readouterr().out.strip() == "No open disputes."
        assert main(["list", "--journal", jpath, "--open", "--lang", "fr"]) == 0
        assert capsys.readouterr().out.strip() == "Aucun litige ouvert."

    def test_an_empty_journal_is_still_called_empty(self, jpath, capsys):
        assert main(["list", "--journal", jpath, "--open"]) == 0
        assert capsys.readouterr().out.strip() == "The journal is empty."


class TestAPracticeColumnInTheDisputesFile:
    def test_it_is_named_as_a_missions_column_not_offered_as_notes(self, tmp_path):
        rows = [ROWS[0] + ";Périmètre écrit", ROWS[1] + ";oui", ROWS[3] + ";non"]
        path = _excel_csv(tmp_path / "litiges.csv", rows)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            history = ck.read_history(path)
        messages = [str(w.message) for w in caught]
        assert any(
            "belongs to the missions table" in m and "(written_scope)" in m
            for m in messages
        )
        assert not any("'Périmètre écrit': 'notes'" in m for m in messages)
        # the other unused column keeps its own warning; both stay as read
        assert any("'Tarif'" in m and "not used" in m for m in messages)
        assert set(history.unused_columns) == {"Tarif", "Périmètre écrit"}

    @pytest.mark.parametrize(
        ("extra", "expected"),
        [(["Périmètre écrit"], "1 colonne relève de la table des missions, pas "
          "des litiges : « Périmètre écrit » (written_scope) ; une pratique "
          "s'enregistre une fois par mission : mettez-la dans le fichier"),
         (["Périmètre écrit", "Comptes rendus"], "2 colonnes relèvent de la "
          "table des missions")],
    )  # fmt: skip
    def test_in_french(self, tmp_path, capsys, extra, expected):
        rows = [
            ROWS[0] + "".join(f";{h}" for h in extra),
            ROWS[1] + ";oui" * len(extra),
            ROWS[3] + ";non" * len(extra),
        ]
        path = _excel_csv(tmp_path / "litiges.csv", rows)
        assert main(["summary", str(path), "--lang", "fr"]) == 0
        err = capsys.readouterr().err
        assert expected in err
        if len(extra) > 1:
            assert "mettez-les dans le fichier" in err
        assert "belongs" not in err


def test_a_french_cause_hint_names_the_spelling_once():
    message = (
        "'paiment' is not a cause; expected one of scope, deadlines, payment, "
        "tone, trust, other (did you mean 'payment', as in 'paiement'?)"
    )
    french = problem_text(message, "fr")
    assert french.endswith("(vouliez-vous dire « paiement » ?)")
    assert "comme dans" not in french
    # where the near spelling differs from the French name, it stays
    scop = message.replace("'paiment'", "'scop'").replace(
        "'payment', as in 'paiement'", "'scope', as in 'scope'"
    )
    assert problem_text(scop, "fr").endswith(
        "(vouliez-vous dire « périmètre », comme dans « scope » ?)"
    )
    assert problem_text(message, "en") == message


@pytest.mark.parametrize(
    ("p", "lang", "expected"),
    [(0.996, "en", "> 99%"), (0.996, "fr", "> 99\u00a0%"), (0.98, "fr", "98\u00a0%"),
     (1.0, "en", "100%"), (0.001, "en", "< 1%")],
)  # fmt: skip
def test_a_suggested_cause_is_never_shown_as_certain(p, lang, expected):
    assert _probability(p, lang) == expected


def test_a_closed_pipe_ends_quietly(tmp_path, jpath):
    assert main(["add", "Acme", "--journal", jpath, "--opened-at", "2024-01-10"]) == 0
    child = subprocess.Popen(
        [sys.executable, "-m", "conflictkit", "list", "--journal", jpath],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    child.stdout.close()  # the reader goes before the command writes
    _, err = child.communicate(timeout=120)
    assert child.returncode == 0
    assert b"Traceback" not in err
    assert b"BrokenPipeError" not in err


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_table_header_of_the_report_is_in_words(tmp_path, lang):
    import re

    rows = [ROWS[0].removesuffix(";Tarif"), *(r.rsplit(";", 1)[0] for r in ROWS[1:])]
    rows[2] = rows[2].replace("paiment", "paiement")
    path = _excel_csv(tmp_path / "litiges.csv", rows)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        history = ck.read_history(path)
        page = ck.build_report(history, tmp_path / "r.html", lang=lang).read_text()
    headers = re.findall(r"<th[^>]*>(.*?)</th>", page, re.S)
    assert headers
    assert [h for h in headers if re.search(r"\w_\w", h)] == []


def test_resolve_says_which_dispute_and_which_day(jpath, capsys):
    from conflictkit import _i18n as i18n

    assert main(["add", "Acme", "--journal", jpath, "--opened-at", "2024-01-10"]) == 0
    assert main(["add", "Nova", "--journal", jpath, "--opened-at", "2024-01-10"]) == 0
    capsys.readouterr()
    # typed in lower case, settled today by default: both said back
    before = i18n.date(pd.Timestamp.today().normalize(), "en")
    argv = ["resolve", "d-0001", "--journal", jpath, "--outcome", "compromis"]
    assert main(argv) == 0
    after = i18n.date(pd.Timestamp.today().normalize(), "en")  # past midnight
    out = capsys.readouterr().out.strip()
    assert out in (f"Resolved D-0001 on {before}", f"Resolved D-0001 on {after}")
    assert main(["resolve", "d-0002", "--journal", jpath, "--outcome", "compromis",
                 "--resolved-at", "05/02/2024", "--lang", "fr"]) == 0  # fmt: skip
    assert capsys.readouterr().out.strip() == "D-0002 clos le 05/02/2024"


class TestClientsWrittenSeveralWays:
    ROWS = [
        "Client;Date ouverture;Cause",
        "SARL Bernard;22/06/2023;ton",
        "Sarl Bernard;01/09/2023;délais",
        "Atelier Dupré;07/01/2023;paiement",
        "Atelier Dupre;13/10/2023;confiance",
        "Boulangerie Martin;03/04/2023;délais",
    ]

    def test_they_are_kept_apart_and_named(self, tmp_path):
        path = _excel_csv(tmp_path / "litiges.csv", self.ROWS)
        with pytest.warns(ck.ConflictkitWarning) as caught:
            history = ck.read_history(path)
        # nothing merged behind the user's back: five spellings, five clients
        assert history.disputes["client"].nunique() == 5
        (message,) = [str(w.message) for w in caught if "one way" in str(w.message)]
        assert message.startswith("2 clients are written in more than one way")
        assert "'SARL Bernard' and 'Sarl Bernard'" in message
        assert "'Atelier Dupré' and 'Atelier Dupre'" in message
        assert "Boulangerie" not in message

    def test_in_french(self, tmp_path, capsys):
        path = _excel_csv(tmp_path / "litiges.csv", self.ROWS)
        assert main(["summary", str(path), "--lang", "fr"]) == 0
        err = capsys.readouterr().err
        assert (
            "avertissement : 2 clients écrits de plusieurs façons et comptés à "
            "part : « SARL Bernard » et « Sarl Bernard » ; « Atelier Dupré » et "
            "« Atelier Dupre ». Si deux orthographes"
        ) in err

    def test_distinct_clients_say_nothing(self, tmp_path):
        rows = [self.ROWS[0], self.ROWS[1], self.ROWS[3], self.ROWS[5]]
        path = _excel_csv(tmp_path / "litiges.csv", rows)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            ck.read_history(path)


@pytest.mark.parametrize(
    ("value", "reason"),
    [("31/11/2023", "there is no day 31 in month 11 of 2023, which has 30 days"),
     ("29/02/2023", "there is no day 29 in month 2 of 2023, which has 28 days"),
     ("29/02/2024", None)],  # 2024 is a leap year: a date
)  # fmt: skip
def test_a_day_the_month_does_not_have_is_named(value, reason):
    frame = pd.DataFrame({"client": ["Acme"], "opened_at": [value]})
    if reason is None:
        history = ck.History.from_frames(frame)
        assert history.disputes["opened_at"][0] == pd.Timestamp("2024-02-29")
        return
    with pytest.warns(ck.ConflictkitWarning, match="1 row rejected"):
        history = ck.History.from_frames(frame, errors="collect")
    (problem,) = history.rejected["problems"]
    assert problem == f"column opened_at: '{value}' is not a date ({reason})"
    french = problem_text(problem.removeprefix("column opened_at: "), "fr")
    day, month, year = value.split("/")
    assert french.startswith(f"« {value} » n'est pas une date (pas de jour {day} ")
    assert f"dans le mois {int(month)} de {year}, qui en compte " in french


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "error: no client named 'Atelier Dupré': this log has no dispute and "
            "no mission yet"),
     ("fr", "erreur : aucun client nommé 'Atelier Dupré' : ce journal n'a encore "
            "ni litige ni mission")],
)  # fmt: skip
def test_a_client_asked_of_a_fresh_template(tmp_path, capsys, lang, expected):
    path = tmp_path / "mes-litiges.xlsx"
    assert main(["template", "--lang", "fr", "-o", str(path)]) == 0
    argv = ["report", str(path), "--client", "Atelier Dupré", "-o",
            str(tmp_path / "r.html"), "--lang", lang]  # fmt: skip
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.strip() == expected


@pytest.mark.parametrize(
    ("value", "dayfirst", "english", "french"),
    [("04/30/2024", True,
      "'04/30/2024' is not a date read day-first, but reads as 2024-04-30"
      " month-first: if the column is month-first, pass --monthfirst"
      " (dayfirst=False in Python)",
      "« 04/30/2024 » n'est pas une date lue jour/mois, mais se lit 30/04/2024"
      " en mois/jour : si la colonne est en mois/jour, passez --monthfirst"
      " (dayfirst=False en Python)"),
     ("30/04/2024", False,
      "'30/04/2024' is not a date read month-first, but reads as 2024-04-30"
      " day-first: if the column is day-first, pass --dayfirst"
      " (dayfirst=True in Python)",
      "« 30/04/2024 » n'est pas une date lue mois/jour, mais se lit 30/04/2024"
      " en jour/mois : si la colonne est en jour/mois, passez --dayfirst"
      " (dayfirst=True en Python)"),
     # April has 30 days: no reading is a date, the month-first one is named
     ("04/31/2024", True,
      "'04/31/2024' is not a date (there is no day 31 in month 4 of 2024,"
      " which has 30 days)", None)],
)  # fmt: skip
def test_a_date_read_the_other_way_says_so(value, dayfirst, english, french):
    frame = pd.DataFrame({"client": ["Acme"], "opened_at": [value]})
    with pytest.warns(ck.ConflictkitWarning, match="1 row rejected"):
        history = ck.History.from_frames(frame, errors="collect", dayfirst=dayfirst)
    (problem,) = history.rejected["problems"]
    assert problem == f"column opened_at: {english}"
    if french is not None:
        assert problem_text(english, "fr") == french
