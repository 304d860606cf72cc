"""Tests for the ``conflictkit`` command."""

from __future__ import annotations

import subprocess
import sys

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
]


@pytest.fixture
def jpath(tmp_path, monkeypatch):
    monkeypatch.delenv("CONFLICTKIT_JOURNAL", raising=False)
    return str(tmp_path / "journal.sqlite")


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
        assert "no problems (1 disputes)" in capsys.readouterr().out

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
    assert "Causes suggérées pour 1 litiges" in out
    assert err.startswith("avertissement: 1 unlabelled dispute(s) without notes")
    row = out.splitlines()[2]
    assert row.split()[:2] == ["D-0002", "Acme"]
    assert "Paiement (" in row


def test_suggest_with_every_dispute_labelled(tmp_path, capsys):
    path = tmp_path / "log.csv"
    path.write_text("client,opened_at,causes\nAcme,2024-01-01,payment\n")
    assert main(["suggest", str(path)]) == 0
    assert "nothing to suggest" in capsys.readouterr().out
