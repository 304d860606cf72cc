"""The corpus of tests/data: files shaped like what freelancers and their tools
really write (see tests/data/SOURCE.md), read right or refused loudly."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

import conflictkit as ck

DATA = Path(__file__).parent / "data"


def read(name, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ck.ConflictkitWarning)
        history = ck.read_history(DATA / name, **kwargs)
    return history, [str(w.message) for w in caught]


class TestFrenchExcelExport:
    """cp1252, semicolons, CRLF, `;;;;;;` rows, a TOTAL line, placeholders."""

    def test_every_dispute_is_read_and_nothing_else(self):
        h, messages = read("fr_excel_cp1252.csv")
        d = h.disputes
        assert d["dispute_id"].tolist() == [f"L-00{i}" for i in range(1, 8)]
        assert d["client"].iloc[0] == "Société Générale des Eaux"
        assert h.skipped == {"blank rows": 3, "total rows": 1}
        assert "3 blank rows (rows 10–12) and 1 total row (row 9)" in messages[0]
        assert h.unused_columns == ()

    def test_french_phrases_become_causes(self):
        d = read("fr_excel_cp1252.csv")[0].disputes
        causes = d["causes"].astype(object)
        assert causes.where(causes.notna(), None).tolist() == [
            "payment", "scope", "deadlines", "payment", "tone", None,
            "payment;tone",
        ]  # fmt: skip

    def test_issue_is_the_outcome_and_en_cours_is_open(self):
        d = read("fr_excel_cp1252.csv")[0].disputes
        outcome = d["outcome"].astype(object)
        assert outcome.where(outcome.notna(), None).tolist() == [
            "compromise", None, "amicable", "prevailed", None, None, "conceded",
        ]  # fmt: skip

    def test_placeholders_are_missing_amounts_not_zero(self):
        d = read("fr_excel_cp1252.csv")[0].disputes
        assert d["amount_at_stake"].tolist()[:2] == [1500.0, 800.0]
        assert d["amount_at_stake"].isna().tolist()[2] is True  # "N/A"
        assert pd.isna(d["amount_recovered"].iloc[2])  # "néant"
        assert d["amount_recovered"].iloc[6] == 0.0  # a real zero stays zero

    def test_regle_le_is_the_resolution_date(self):
        d = read("fr_excel_cp1252.csv")[0].disputes
        assert d["resolved_at"].iloc[0] == pd.Timestamp("2021-04-21")
        assert d["opened_at"].iloc[0] == pd.Timestamp("2021-04-07")


def test_utf8_bom_export_with_quoted_iso_timestamps():
    h, messages = read("en_utf8_bom_quoted_dates.csv")
    d = h.disputes
    assert messages == []
    assert d["dispute_id"].tolist() == ["T-88", "T-91", "T-97"]
    assert d["opened_at"].iloc[0] == pd.Timestamp("2022-07-13 10:59:23")
    assert d["resolved_at"].iloc[0] == pd.Timestamp("2022-07-20 08:00:00")
    assert pd.isna(d["resolved_at"].iloc[2])  # "null"
    assert d["primary_cause"].astype(object).tolist()[:2] == ["payment", "scope"]
    assert pd.isna(d["primary_cause"].iloc[2])  # "None": no cause recorded
    assert d["notes"].iloc[1] == "New pages \u201cjust one more\u201d"  # kept


def test_workbook_with_empty_rows_total_and_a_typo():
    h, messages = read("fr_classeur_lignes_vides_total.xlsx", errors="collect")
    assert h.disputes["client"].tolist() == ["Acme", "Nova"]
    assert h.skipped == {"blank rows": 2, "total rows": 1}
    assert "2 blank rows (rows 4, 6) and 1 total row (row 7)" in messages[0]
    # "Retard de paiment": reported with its suggestion, not read as deadlines
    problem = h.rejected.loc[2, "problems"]
    assert "'Retard de paiment' is not a cause" in problem
    assert "did you mean 'payment', as in 'retard de paiement'?" in problem
    assert h.missions["daily_rate"].tolist() == [550.0]
    assert h.disputes["client_retained"].tolist() == [True, False]


def test_accounts_receivable_export_keeps_only_disputed_invoices():
    h, messages = read(
        "en_accounts_receivable.csv",
        columns={"Customer": "client", "Invoice Date": "opened_at",
                 "Paid On": "resolved_at", "Invoice No": "dispute_id"},
        where="Disputed == 'Yes'",
        cause_map={"No": None, "Rude emails": "tone"},
    )  # fmt: skip
    d = h.disputes
    assert d["dispute_id"].tolist() == ["INV-1002", "INV-1003", "INV-1005", "INV-1006"]
    assert d["primary_cause"].astype(object).where(d["primary_cause"].notna(),
                                                   None).tolist() == [
        "payment", "scope", None, "tone"]  # fmt: skip
    assert d["amount_at_stake"].tolist() == [1850.0, 2400.0, 3100.0, 1275.5]
    # the total line has no customer and no date: it is left out by where=
    assert h.skipped == {"left out by where=": 3}
    assert any("'Due Date'" in m for m in messages)  # named, not silently kept
    assert h.unused_columns == ("Due Date",)


def test_dos_export_names_columns_by_their_french_headers():
    h, messages = read("fr_dos_cp850.csv")
    assert messages == []
    assert h.disputes["resolved_at"].notna().tolist() == [True, False, True]
    assert h.disputes["amount_at_stake"].tolist() == [1250.0, 300.0, 2000.0]


def test_every_corpus_file_is_read_or_refused_loudly():
    refused = {"fr_double_encoded.csv", "fr_allocine_mojibake.csv"}
    for path in sorted(DATA.glob("*")):
        if path.suffix not in {".csv", ".xlsx"}:
            continue
        if path.name in refused:
            with pytest.raises(ck.DisputeDataError, match="garbled"):
                ck.read_history(path)
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ck.ConflictkitWarning)
            kwargs = {"errors": "collect"}
            if path.name.startswith("cfpb"):
                kwargs["columns"] = {"company": "client", "date_received": "opened_at"}
            if path.name.startswith("en_accounts"):
                kwargs["columns"] = {"Customer": "client", "Invoice Date": "opened_at"}
            h = ck.read_history(path, **kwargs)
        assert len(h) > 0, path.name
