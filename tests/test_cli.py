"""Tests for the ``conflictkit`` command."""

from __future__ import annotations

import re
import subprocess
import sys

import pandas as pd
import pytest

import conflictkit as ck
from conflictkit.cli import build_parser, main
from conflictkit.journal import Journal

COMMANDS = [
    "summary",
    "report",
    "validate",
    "suggest",
    "add",
    "resolve",
    "list",
    "import",
    "export",
    "edit",
    "delete",
    "undo",
    "history",
    "mission",
]


@pytest.fixture
def bad_csv(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "client,opened_at,causes\nAcme,2024-01-01,payment\n"
        "Acme,2024-01-05,scoop\nGlobex,someday,tone\n"
    )
    return path


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert f"usage: conflictkit {command}" in out
    assert "--lang" in out


def test_parser_lists_every_command():
    text = build_parser().format_help()
    for command in COMMANDS:
        assert command in text


def test_python_m_conflictkit_help_runs_in_a_subprocess():
    run = subprocess.run(
        [sys.executable, "-m", "conflictkit", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0
    assert "usage: conflictkit" in run.stdout
    assert "report" in run.stdout


def test_summary_still_prints_the_table(capsys):
    assert main(["summary"]) == 0
    out = capsys.readouterr().out
    assert "Disputes per client and cause" in out
    header = out.splitlines()[3].split()
    assert header == ["Scope", "Deadlines", "Payment", "Tone", "Trust", "Other",
                      "Total"]  # fmt: skip


def test_summary_in_french_names_the_causes_in_french(capsys):
    assert main(["summary", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "Litiges par client et par cause" in out
    assert "Périmètre" in out
    assert "Délais" in out
    assert "deadlines" not in out


class TestValidate:
    def test_clean_file_exits_0(self, tmp_path, capsys):
        path = tmp_path / "ok.csv"
        path.write_text("client,opened_at,causes\nAcme,2024-01-01,payment\n")
        assert main(["validate", str(path)]) == 0
        assert "no problems (1 dispute)." in capsys.readouterr().out

    def test_bad_rows_are_listed_as_a_table_and_exit_1(self, bad_csv, capsys):
        assert main(["validate", str(bad_csv)]) == 1
        out = capsys.readouterr().out
        assert "2 problems in 2 rows" in out
        lines = out.splitlines()
        header = lines[1].split()
        assert header == ["row", "column", "value", "problem"]
        assert lines[2].split()[:3] == ["3", "causes", "scoop"]
        assert lines[3].split()[:3] == ["4", "opened_at", "someday"]

    def test_french_headers(self, bad_csv, capsys):
        assert main(["validate", str(bad_csv), "--lang", "fr"]) == 1
        out = capsys.readouterr().out
        assert "2 problèmes dans 2 lignes" in out
        assert out.splitlines()[1].split() == ["ligne", "colonne", "valeur", "problème"]

    def test_missing_file_exits_2(self, tmp_path, capsys):
        assert main(["validate", str(tmp_path / "nope.csv")]) == 2
        assert "error" in capsys.readouterr().err


class TestJournalCommands:
    def test_add_resolve_list(self, jpath, capsys):
        assert main(["add", "Acme", "--journal", jpath, "--opened-at", "2024-01-10",
                     "--cause", "facture impayée", "--cause", "tone",
                     "--amount", "1 500 €"]) == 0  # fmt: skip
        assert "Logged D-0001" in capsys.readouterr().out
        assert main(["add", "Globex", "--journal", jpath, "--opened-at",
                     "2024-02-01"]) == 0  # fmt: skip
        assert main(["resolve", "D-0001", "--journal", jpath, "--outcome",
                     "compromis", "--resolved-at", "2024-02-01",
                     "--retained", "oui"]) == 0  # fmt: skip
        capsys.readouterr()
        assert main(["list", "--journal", jpath, "--lang", "fr"]) == 0
        out = capsys.readouterr().out
        assert "Paiement;Ton" in out
        assert "Compromis" in out
        assert "ouvert le" in out
        assert main(["list", "--journal", jpath, "--open"]) == 0
        out = capsys.readouterr().out
        assert "Globex" in out
        assert "Acme" not in out
        h = Journal(jpath).history()
        assert h.disputes["amount_at_stake"][0] == 1500.0
        assert bool(h.disputes["client_retained"][0]) is True

    def test_add_with_a_bad_cause_exits_1_and_stores_nothing(self, jpath, capsys):
        assert main(["add", "Acme", "--journal", jpath, "--cause", "scoop"]) == 1
        assert "'scoop' is not a cause" in capsys.readouterr().err
        assert main(["list", "--journal", jpath]) == 0
        assert "The journal is empty." in capsys.readouterr().out

    def test_resolve_unknown_id_exits_2(self, jpath, capsys):
        code = main(["resolve", "D-9", "--journal", jpath, "--outcome", "amicable"])
        assert code == 2
        assert "no dispute 'D-9'" in capsys.readouterr().err

    def test_journal_environment_variable(self, tmp_path, monkeypatch, capsys):
        path = tmp_path / "env.sqlite"
        monkeypatch.setenv("CONFLICTKIT_JOURNAL", str(path))
        assert main(["add", "Acme", "--opened-at", "2024-01-10"]) == 0
        assert path.exists()

    def test_import_and_export(self, jpath, tmp_path, bad_csv, capsys):
        good = tmp_path / "good.csv"
        good.write_text(
            "client,opened_at,causes,notes\nAcme,2024-01-01,payment,=1+1\n"
            "Globex,2024-02-01,scope,\n"
        )
        assert main(["import", str(good), "--journal", jpath]) == 0
        assert "Imported 2 disputes" in capsys.readouterr().out
        assert main(["import", str(bad_csv), "--journal", jpath]) == 1
        out = tmp_path / "out.csv"
        assert main(["export", str(out), "--journal", jpath]) == 0
        text = out.read_text()
        assert "'=1+1" in text  # cannot run as a formula in a spreadsheet
        back = ck.read_history(out)
        assert back.disputes["notes"][0] == "=1+1"
        assert len(back) == 2


def test_xlsx_export_cannot_run_formulas_and_reads_back(jpath, tmp_path, capsys):
    import openpyxl

    for client, notes in [("=cmd|' /C calc'!A0", "+33 6 12 34 56 78"),
                          ("@SUM(1)", "-2 jours")]:  # fmt: skip
        assert main(["add", client, "--journal", jpath, "--opened-at",
                     "2024-01-10", "--notes", notes]) == 0  # fmt: skip
    out = tmp_path / "out.xlsx"
    assert main(["export", str(out), "--journal", jpath]) == 0
    sheet = openpyxl.load_workbook(out)["disputes"]
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = {c.value for c in cells if isinstance(c.value, str)}
    assert "'=cmd|' /C calc'!A0" in texts
    assert "'@SUM(1)" in texts
    back = ck.read_history(out).disputes
    assert sorted(back["client"]) == sorted(["=cmd|' /C calc'!A0", "@SUM(1)"])
    assert sorted(back["notes"]) == sorted(["+33 6 12 34 56 78", "-2 jours"])


def test_suggest_lists_unlabelled_disputes(tmp_path, capsys):
    path = tmp_path / "log.csv"
    path.write_text(
        "client,opened_at,causes,notes\n"
        "Acme,2024-01-01,payment,invoice unpaid\n"
        'Acme,2024-02-01,,"Facture impayée depuis 60 jours, relance envoyée"\n'
        "Globex,2024-03-01,,\n"
    )
    assert main(["suggest", str(path), "--lang", "fr"]) == 0
    captured = capsys.readouterr()
    out, err = captured.out, captured.err
    assert "Causes suggérées pour 1 litige qui" in out
    assert err.startswith(
        "avertissement : Aucune suggestion possible sans notes : 1 litige sans cause"
    )
    row = out.splitlines()[2]
    assert row.split()[:2] == ["D-0002", "Acme"]
    assert "Paiement (" in row


def test_suggest_with_every_dispute_labelled(tmp_path, capsys):
    path = tmp_path / "log.csv"
    path.write_text("client,opened_at,causes\nAcme,2024-01-01,payment\n")
    assert main(["suggest", str(path)]) == 0
    assert "nothing to suggest" in capsys.readouterr().out


def test_suggest_in_french_says_its_warnings_in_french(tmp_path, capsys):
    from test_report import english_words

    rows = [
        "client;ouvert le;causes;notes",
        "Acme;12/03/2024;;Le client refuse de payer la facture depuis deux mois",
        "Acme;15/04/2024;;Il m'a parlé sur un ton très agressif en réunion",
        "Nova;02/05/2024;périmètre;Demande de fonctionnalités hors contrat",
        "Nova;20/06/2024;;",
    ]
    path = tmp_path / "mes-litiges.csv"
    path.write_bytes("\r\n".join(rows).encode("cp1252"))
    assert main(["suggest", str(path), "--lang", "fr"]) == 0
    out, err = capsys.readouterr()
    assert "avertissement : Litiges avec une cause et des notes : 1 seulement" in err
    assert "Aucune suggestion possible sans notes : 1 litige sans cause" in err
    notes = "\n".join(r.split(";")[-1] for r in rows)
    assert english_words(err) == [], err
    assert english_words(out.replace("D-000", "").replace(notes, "")) == [], out


# ---------------------------------------------------------------- journal, daily
def _run(*argv):
    return main([str(a) for a in argv])


class TestDailyUse:
    @pytest.mark.parametrize(
        ("typed", "options", "expected"),
        [
            ("25/02/2024", [], "2024-02-25"),
            ("7 avril 2024", [], "2024-04-07"),
            ("April 7, 2024", [], "2024-04-07"),
            ("03/04/2024", ["--lang", "fr"], "2024-04-03"),
            ("03/04/2024", ["--dayfirst"], "2024-04-03"),
            ("2024-02-25", [], "2024-02-25"),
        ],
    )
    def test_opened_at_as_people_type_it(self, jpath, typed, options, expected):
        assert _run("add", "Acme", "--journal", jpath, "--opened-at", typed,
                    *options) == 0  # fmt: skip
        assert str(Journal(jpath).list()["opened_at"][0].date()) == expected

    def test_yesterday_in_both_languages(self, jpath):
        import datetime as dt

        for word in ("hier", "yesterday"):
            assert _run("add", "Acme", "--journal", jpath, "--opened-at", word) == 0
        yesterday = pd.Timestamp(dt.date.today() - dt.timedelta(days=1))
        assert Journal(jpath).list()["opened_at"].tolist() == [yesterday] * 2

    def test_a_french_locale_reads_day_first(self, jpath, monkeypatch):
        monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
        assert _run("add", "A", "--journal", jpath, "--opened-at", "03/04/2024") == 0
        assert str(Journal(jpath).list()["opened_at"][0].date()) == "2024-04-03"

    def test_a_date_that_reads_both_ways_asks(self, jpath, capsys, monkeypatch):
        monkeypatch.delenv("LC_ALL", raising=False)
        monkeypatch.setenv("LANG", "en_US.UTF-8")
        assert _run("add", "A", "--journal", jpath, "--opened-at", "03/04/2024") == 2
        err = capsys.readouterr().err
        assert "reads as 3 April or March 4: add --dayfirst" in err
        assert not Journal(jpath).path.exists()

    def test_a_date_after_today_is_refused(self, jpath, capsys):
        assert _run("add", "A", "--journal", jpath, "--opened-at", "2099-01-01") == 1
        assert "2099-01-01 is after today" in capsys.readouterr().err

    def test_edit_delete_undo_history(self, jpath, capsys):
        _run("add", "Acme", "--journal", jpath, "--opened-at", "2024-01-10")
        assert _run("edit", "d-0001", "--journal", jpath, "--notes", "relancé",
                    "--cause", "scope") == 0  # fmt: skip
        assert _run("resolve", "d-0001", "--journal", jpath, "--outcome",
                    "amicable", "--resolved-at", "2024-02-01") == 0  # fmt: skip
        capsys.readouterr()
        assert _run("resolve", "D-0001", "--journal", jpath, "--outcome",
                    "conceded") == 1  # fmt: skip
        assert "already resolved" in capsys.readouterr().err
        assert _run("resolve", "D-0001", "--journal", jpath, "--outcome", "conceded",
                    "--resolved-at", "2024-02-02", "--force") == 0  # fmt: skip
        assert _run("delete", "D-0001", "--journal", jpath) == 0
        assert "undo" in capsys.readouterr().out
        assert Journal(jpath).list().empty
        assert _run("undo", "--journal", jpath) == 0
        assert "Undone: delete D-0001" in capsys.readouterr().out
        assert Journal(jpath).list()["outcome"].tolist() == ["conceded"]
        assert _run("history", "d-0001", "--journal", jpath) == 0
        out = capsys.readouterr().out
        for action in ("add", "edit", "resolve", "delete", "undo"):
            assert action in out
        assert "notes: None -> 'relancé'" in out
        # French: the actions, the values and the dates as a French reader reads them
        assert _run("history", "d-0001", "--journal", jpath, "--lang", "fr") == 0
        out = capsys.readouterr().out
        assert "modifications" in out
        for action in ("ajout", "modification", "clôture", "suppression",
                       "annulation"):  # fmt: skip
            assert action in out
        assert "notes : vide → « relancé »" in out
        assert "resolved_at : 01/02/2024 → 02/02/2024" in out
        assert "outcome : À l'amiable → Concédé" in out

    def test_journal_errors_in_french_under_lang_fr(self, tmp_path, capsys):
        from test_report import english_words

        jpath = tmp_path / "j.sqlite"
        assert _run("add", "Total", "--journal", jpath, "--opened-at",
                    "2024-01-10") == 0  # fmt: skip
        capsys.readouterr()
        for argv in (
            ("add", "Acme", "--cause", "scoop"),
            ("add", "Acme", "--opened-at", "2099-01-01"),
            ("edit", "D-0001", "--opened-at", ""),  # the client reads "Total"
        ):
            assert _run(*argv, "--journal", jpath, "--lang", "fr") == 1
            err = capsys.readouterr().err
            assert err.startswith("erreur : 1 problème dans « ")
            # the client, cause and column names are the user's or canonical
            words = english_words(err.replace("opened_at", "").replace("scoop", ""))
            assert words == [], err
        assert Journal(jpath).list()["client"].tolist() == ["Total"]

    def test_journal_commands_in_french_under_lang_fr(self, tmp_path, capsys):
        """Every journal command, its refusals and its notes: no English word."""
        import shutil
        import sqlite3

        from test_report import english_words

        from conflictkit.model import DISPUTE_COLUMNS, MISSION_COLUMNS

        j = tmp_path / "k.sqlite"
        csv = tmp_path / "tableau.csv"
        csv.write_text("dispute_id,client,opened_at,causes\n"
                       "X-1,Beta,2025-01-02,scope\nX-2,Beta,2025-02-03,payment\n",
                       encoding="utf-8")  # fmt: skip
        notdb = tmp_path / "pas_un_journal.sqlite"
        notdb.write_text("bonjour " * 20, encoding="utf-8")
        newer = tmp_path / "futur.sqlite"
        steps = [  # (argv, exit code)
            (("add", "Acme", "--opened-at", "hier", "--cause", "paiement"), 0),
            (("resolve", "D-0001", "--outcome", "amicable"), 0),
            (("resolve", "D-0001", "--outcome", "conceded"), 1),
            (("resolve", "D-0099", "--outcome", "amicable"), 2),
            (("edit", "D-0001", "--notes", "relancé", "--severity", "high"), 0),
            (("edit", "D-0001"), 2),
            (("add", "Acme", "--id", "d-0001"), 1),
            (("add", "Acme", "--opened-at", "31/02/2024"), 2),
            (("add", "Acme", "--opened-at", "demain"), 2),
            (("list",), 0),
            (("delete", "D-0001"), 0),
            (("undo",), 0),
            (
                (
                    "mission",
                    "add",
                    "M-1",
                    "--client",
                    "Acme",
                    "--started-at",
                    "01/10/2024",
                ),
                0,
            ),  # fmt: skip
            (("mission", "end", "M-1", "--ended-at", "15/10/2024"), 0),
            (("mission", "end", "M-9"), 2),
            (("add", "Acme", "--mission", "M-9"), 1),
            (("import", csv), 0),
            (("import", csv), 0),  # already there: a note
            (("export", tmp_path / "sortie.csv"), 0),
            (("undo",), 0),  # the import
            (("history",), 0),
            (("summary",), 0),
        ]
        out = []
        for argv, code in steps:
            assert _run(*argv, "--journal", j, "--lang", "fr") == code, argv
            got = capsys.readouterr()
            out.append(got.out + got.err)
        shutil.copy(j, newer)
        with sqlite3.connect(newer) as conn:
            conn.execute("PRAGMA user_version = 99")
        conn.close()
        for journal in (notdb, newer):
            assert _run("list", "--journal", journal, "--lang", "fr") == 2
            err = capsys.readouterr().err
            assert re.match(r"erreur : (?:« |le journal « )", err), err
            out.append(err)
        text = "\n".join(out)
        assert "erreur:" not in text
        assert "avertissement:" not in text
        expected = [
            "déjà clos (le ", "issue : à l'amiable", "aucun litige « D-0099 »",
            "aucune mission « M-9 »", "n'est pas un journal conflictkit",
            "mettez conflictkit à jour", "suppression de D-0001",
            "import de 2 lignes", "2 litiges de tableau.csv étaient déjà",
            "terminée le 15/10/2024", "ended_at : vide → 15/10/2024",
            "notes : vide → « relancé »", "severity : vide → Élevée",
            "ajout de mission", "ce jour n'existe pas",
        ]  # fmt: skip
        for french in expected:
            assert french in text, (french, text)
        # canonical column names, SQLite's own words, ids and file names are no
        # English sentences; everything else must be French
        shown = re.sub(r"\(SQLite : [^)]*\)|\S+\.(?:csv|sqlite)\b", " ", text)
        for column in sorted({*DISPUTE_COLUMNS, *MISSION_COLUMNS}, key=len,
                             reverse=True):  # fmt: skip
            shown = re.sub(rf"\b{column}\b", " ", shown)
        assert english_words(shown) == [], text

    def test_edit_without_a_field_exits_2(self, jpath, capsys):
        _run("add", "Acme", "--journal", jpath, "--opened-at", "2024-01-10")
        assert _run("edit", "D-0001", "--journal", jpath) == 2
        assert "Nothing to change" in capsys.readouterr().err

    def test_missions_and_summary_from_the_journal(self, jpath, capsys):
        assert _run("mission", "add", "M-1", "--client", "Acme", "--started-at",
                    "2024-01-08", "--written-scope", "oui", "--journal",
                    jpath) == 0  # fmt: skip
        assert _run("add", "Acme", "--journal", jpath, "--opened-at", "2024-02-01",
                    "--mission", "m-1", "--cause", "délais") == 0  # fmt: skip
        assert _run("mission", "end", "m-1", "--ended-at", "30/06/2024",
                    "--journal", jpath) == 0  # fmt: skip
        capsys.readouterr()
        assert _run("summary", "--journal", jpath, "--lang", "fr") == 0
        out = capsys.readouterr().out
        assert "1 mission," in out  # the summary line in French, singular
        assert "Délais" in out
        h = Journal(jpath).history()
        assert str(h.missions["ended_at"][0].date()) == "2024-06-30"

    def test_importing_twice_says_how_many_were_there(self, jpath, tmp_path, capsys):
        f = tmp_path / "f.csv"
        f.write_text("client,opened_at\nA,2024-01-01\nB,2024-01-02\n")
        assert _run("import", f, "--journal", jpath) == 0
        assert _run("import", f, "--journal", jpath) == 0
        captured = capsys.readouterr()
        assert "Imported 0 disputes" in captured.out
        assert "2 disputes of f.csv were already in the journal" in captured.err
        assert _run("import", f, "--journal", jpath, "--allow-duplicates") == 0
        assert len(Journal(jpath).list()) == 4


class TestJournalFileErrors:
    def test_another_applications_database_exits_2_untouched(self, tmp_path, capsys):
        import sqlite3

        path = tmp_path / "app.db"
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE t (x)")
        before = path.read_bytes()
        for argv in (["list"], ["add", "A"], ["summary"], ["history"]):
            assert _run(*argv, "--journal", path) == 2
            assert "another application" in capsys.readouterr().err
        assert path.read_bytes() == before

    def test_a_busy_journal_exits_2_with_the_cause(self, jpath, capsys, monkeypatch):
        import sqlite3

        _run("add", "A", "--journal", jpath, "--opened-at", "2024-01-10")
        monkeypatch.setattr(Journal, "__init__", _short_timeout(Journal.__init__))
        writer = sqlite3.connect(jpath, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")
        try:
            assert _run("list", "--journal", jpath) == 0  # reading does not wait
            assert _run("add", "B", "--journal", jpath) == 2
        finally:
            writer.execute("ROLLBACK")
            writer.close()
        err = capsys.readouterr().err
        assert "is busy" in err
        assert "SQLite: database is locked" in err
        assert "Traceback" not in err


def _short_timeout(init):
    def patched(self, path=None, *, timeout=60):
        init(self, path, timeout=0.2)

    return patched


class TestNoControlCharacters:
    EVIL = "Acme\x1b]0;pwned\x07\x1b[31m\u202eevil\rX"

    def test_list_strips_control_characters(self, jpath, capsys):
        assert _run("add", self.EVIL, "--journal", jpath, "--opened-at",
                    "2024-01-10") == 0  # fmt: skip
        capsys.readouterr()
        assert _run("list", "--journal", jpath) == 0
        out = capsys.readouterr().out
        assert "\x1b" not in out
        assert "\r" not in out
        assert "\u202e" not in out
        assert "Acme]0;pwned[31mevil X" in out
        assert Journal(jpath).list()["client"][0] == self.EVIL  # stored as typed

    def test_validate_strips_control_characters(self, tmp_path, capsys):
        path = tmp_path / "log.csv"
        path.write_text("client,opened_at,causes\nA,2024-01-01,\x1b[2Jscoop\n")
        assert _run("validate", path) == 1
        captured = capsys.readouterr()
        assert "\x1b" not in captured.out + captured.err
        assert "[2Jscoop" in captured.out


def test_help_and_argument_errors_import_nothing_heavy():
    code = (
        "import sys\n"
        "from conflictkit.cli import main\n"
        "for argv in (['--help'], ['add', '--help'], ['add'], ['nope']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = {'pandas', 'numpy', 'scipy', 'matplotlib', 'sklearn', 'pyarrow'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert run.stdout.strip().splitlines()[-1] == "[]"


def test_export_takes_output_option_or_positional(jpath, tmp_path, capsys):
    assert main(["add", "Acme", "--journal", jpath, "--opened-at", "2024-01-10"]) == 0
    by_option = tmp_path / "by_option.csv"
    assert main(["export", "-o", str(by_option), "--journal", jpath]) == 0
    assert main(["export", "--output", str(tmp_path / "long.csv"),
                 "--journal", jpath]) == 0  # fmt: skip
    positional = tmp_path / "positional.csv"
    assert main(["export", str(positional), "--journal", jpath]) == 0
    assert by_option.read_text() == positional.read_text()
    assert (tmp_path / "long.csv").read_text() == positional.read_text()
    capsys.readouterr()
    with pytest.raises(SystemExit) as both:
        main(["export", str(positional), "-o", str(by_option), "--journal", jpath])
    assert both.value.code == 2
    assert "not allowed with" in capsys.readouterr().err
    with pytest.raises(SystemExit) as neither:
        main(["export", "--journal", jpath])
    assert neither.value.code == 2
    assert "-o/--output" in capsys.readouterr().err


def test_list_with_only_missions_says_no_dispute_yet(jpath, capsys):
    for mission in ("M1", "M2"):
        args = ["mission", "add", mission, "--client", "Acme",
                "--started-at", "2024-01-01", "--journal", jpath]  # fmt: skip
        assert main(args) == 0
    capsys.readouterr()
    assert main(["list", "--journal", jpath]) == 0
    out = capsys.readouterr().out.strip()
    assert out == "No dispute yet; the journal holds 2 missions."
    assert main(["list", "--journal", jpath, "--lang", "fr"]) == 0
    out = capsys.readouterr().out.strip()
    assert out == "Aucun litige pour l'instant ; le journal contient 2 missions."
