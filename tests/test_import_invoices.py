"""``conflictkit import-invoices`` and ``conflictkit report --invoices``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import conflictkit as ck
from conflictkit.cli import main

DATA = Path(__file__).parent / "data" / "invoices"


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    return tmp_path / "journal.sqlite"


def test_import_invoices_twice_adds_nothing_the_second_time(journal, capsys):
    zoho = str(DATA / "zoho_invoices.csv")
    args = ["import-invoices", zoho, "--journal", str(journal), "--as-of", "2024-07-01"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "3 new payment disputes, 0 updated, 0 already in" in out
    assert "missions: 4 new, 0 updated" in out
    assert main(args) == 0
    assert "0 new payment disputes, 0 updated, 3 already in" in capsys.readouterr().out
    j = ck.Journal(journal)
    h = j.history(as_of="2024-07-01")
    j.close()
    assert sorted(h.disputes["dispute_id"]) == [
        "INV-000001",
        "INV-000003",
        "INV-000004",
    ]
    assert h.missions["days"].sum() == 6 + 4 + 7 + 2


def test_a_newer_export_fills_what_the_journal_lacked_and_keeps_what_it_had(
    journal, tmp_path, capsys
):
    older = tmp_path / "march.csv"
    older.write_text(
        "Number,Client,Date,Due Date,Amount,Balance,Status\n"
        "0002,Acme Corp,2024-02-15,2024-03-16,2000.00,2000.00,Sent\n"
        "0003,Acme Corp,2024-02-20,2024-03-21,500.00,500.00,Sent\n",
        encoding="utf-8",
    )
    assert (
        main(
            [
                "import-invoices",
                str(older),
                "--journal",
                str(journal),
                "--as-of",
                "2024-04-30",
            ]
        )
        == 0
    )
    capsys.readouterr()
    # the freelancer settles INV-0003 by hand in the journal meanwhile
    j = ck.Journal(journal)
    j.resolve("INV-0003", resolved_at="2024-05-02", outcome="compromis")
    j.close()
    newer = tmp_path / "june.csv"
    newer.write_text(
        "Number,Client,Date,Due Date,Amount,Balance,Status,Paid On\n"
        "0002,Acme Corp,2024-02-15,2024-03-16,2000.00,0.00,Paid,2024-05-20\n"
        "0003,Acme Corp,2024-02-20,2024-03-21,500.00,0.00,Paid,2024-05-25\n"
        "0004,Acme Corp,2024-04-01,2024-05-01,900.00,900.00,Sent,\n",
        encoding="utf-8",
    )
    assert (
        main(
            [
                "import-invoices",
                str(newer),
                "--journal",
                str(journal),
                "--as-of",
                "2024-06-30",
                "--lang",
                "fr",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    # 0004 is new; 0002 gets its payment; 0003 keeps the journal's resolution
    # but its amount recovered grows from 0 to 500
    assert "1 nouveaux litiges de paiement, 2 mis à jour, 0 déjà dans" in out
    assert "ne sont pas enregistrées comme jours de mission" in out
    j = ck.Journal(journal)
    d = j.history(as_of="2024-06-30").disputes.set_index("dispute_id")
    j.close()
    assert str(d.loc["INV-0002", "resolved_at"].date()) == "2024-05-20"
    assert str(d.loc["INV-0002", "outcome"]) == "prevailed"
    assert str(d.loc["INV-0003", "resolved_at"].date()) == "2024-05-02"
    assert str(d.loc["INV-0003", "outcome"]) == "compromise"
    assert d.loc["INV-0003", "amount_recovered"] == 500.0
    assert pd.isna(d.loc["INV-0004", "resolved_at"])


def test_import_invoices_with_problems_imports_nothing(journal, capsys):
    bad = str(DATA / "suivi_factures_excel.csv")
    assert main(["import-invoices", bad, "--journal", str(journal)]) == 1
    assert "not a date" in capsys.readouterr().err
    assert (
        main(["import-invoices", bad, "--journal", str(journal), "--skip-bad-rows"])
        == 0
    )
    j = ck.Journal(journal)
    # 2023-07 paid late, 2023-10 unpaid past due (amount '?': unknown), 2023-11
    # flagged disputed; 2023-09 (paid on 31/02) is the rejected row
    assert sorted(j.list()["dispute_id"]) == [
        "INV-2023-07",
        "INV-2023-10",
        "INV-2023-11",
    ]
    j.close()


def test_report_from_invoices_alone_says_its_denominator(tmp_path, capsys):
    out = tmp_path / "r.html"
    stripe = str(DATA / "stripe_invoices.csv")
    assert (
        main(["report", "--invoices", stripe, "--as-of", "2024-06-30", "-o", str(out)])
        == 0
    )
    assert "rates are per 100 invoices" in capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    assert "3 of the 6 invoices read are payment disputes" in text
    assert "rates labelled per 100 mission-days are per 100 invoices" in text


def test_report_merges_invoices_with_a_dispute_log(tmp_path, capsys):
    log = tmp_path / "litiges.csv"
    log.write_text(
        "Client;Ouvert le;Résolu le;Motif\n"
        "HELIOS;10/04/2024;30/04/2024;retard de paiement\n"
        "Orbis;15/05/2024;;périmètre\n",
        encoding="cp1252",
    )
    shutil.copy(DATA / "zoho_invoices.csv", tmp_path / "zoho.csv")
    out = tmp_path / "r.html"
    assert (
        main(
            [
                "report",
                str(log),
                "--invoices",
                str(tmp_path / "zoho.csv"),
                "--as-of",
                "2024-07-01",
                "-o",
                str(out),
                "--lang",
                "fr",
            ]
        )
        == 0
    )
    said = capsys.readouterr().out
    # HELIOS (log) = Helios Inc (Zoho): INV-000003 and INV-000004 overlap the
    # log's payment dispute of 10-30 April; Orbis = Orbis SARL
    assert "2 litiges de paiement comptés une fois, 2 orthographes" in said
    text = out.read_text(encoding="utf-8")
    assert "Deux sources ont été fusionnées" in text


def test_an_invoice_import_is_audited_and_undone_whole(journal, capsys):
    zoho = str(DATA / "zoho_invoices.csv")
    assert main(["import-invoices", zoho, "--journal", str(journal),
                 "--as-of", "2024-07-01"]) == 0  # fmt: skip
    j = ck.Journal(journal)
    assert len(j.list()) == 3
    changes = j.changes()
    assert set(changes["action"]) == {"import"}
    # 4 missions and 3 disputes added in one operation, taken back together
    assert j.undo() == "import 7 rows"
    assert len(j.list()) == 0
    j.close()
