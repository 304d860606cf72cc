"""read_invoices and History.combine, on exports written in each tool's layout.

Each fixture in ``tests/data/invoices/`` copies the header, encoding, date and
number formats of one tool's export (see ``README.md`` there and
``conflictkit.io.invoice_vocabulary.INVOICE_SOURCES``). The answers below are
worked out by hand from the rows, in the comments beside each assertion.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import conflictkit as ck
from conflictkit.io._combine import client_key
from conflictkit.io.invoice_vocabulary import INVOICE_ALIASES, INVOICE_SOURCES

DATA = Path(__file__).parent / "data" / "invoices"


def read(name: str, **kwargs) -> ck.History:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ck.ConflictkitWarning)
        return ck.read_invoices(DATA / name, **kwargs)


def disputes(h: ck.History) -> dict[str, tuple]:
    """{dispute_id: (opened, resolved or None, outcome or None, at stake, recovered)}"""
    out = {}
    for r in h.disputes.itertuples():
        out[r.dispute_id] = (
            str(r.opened_at.date()),
            None if pd.isna(r.resolved_at) else str(r.resolved_at.date()),
            None if pd.isna(r.outcome) else str(r.outcome),
            None if pd.isna(r.amount_at_stake) else float(r.amount_at_stake),
            None if pd.isna(r.amount_recovered) else float(r.amount_recovered),
        )
    return out


def rows_accounted(h: ck.History, n_rows: int) -> bool:
    """Rows read = rows kept + rows rejected + rows skipped (blank lines)."""
    kept = int(h.invoices["lines"].sum())
    rejected = 0 if h.rejected is None else len(h.rejected)
    return kept + rejected + sum(h.skipped.values()) == n_rows


# ------------------------------------------------------------------ layouts
def test_freshbooks_line_items_without_due_dates():
    h = read("freshbooks_invoices.csv", as_of="2024-06-30")
    # 6 line rows, invoice 0000101 has 2 lines: 5 invoices
    assert len(h.invoices) == 5
    assert rows_accounted(h, 6)
    inv = h.invoices.set_index("invoice_id")
    assert inv.loc["0000101", "amount"] == 3000.0 + 120.0  # lines summed
    # no due date column: only the invoice FreshBooks marks "disputed" is a
    # dispute, opened at its invoice date, still open, nothing known paid
    assert disputes(h) == {
        "INV-0000102": ("2024-02-01", None, None, 2600.0, None),
    }
    assert inv["late"].isna().all()  # lateness cannot be judged
    # the draft counts neither as dispute nor as exposure; quantities have no
    # unit, so exposure is in invoices: Atelier Dupré 2024-01 and 2024-04,
    # Northwind 2024-02 and 2024-03
    assert not inv.loc["0000104", "counted"]
    assert sorted(h.missions["mission_id"]) == [
        "Atelier Dupré 2024-01",
        "Atelier Dupré 2024-04",
        "Northwind Ltd 2024-02",
        "Northwind Ltd 2024-03",
    ]
    assert (h.missions["exposure_unit"] == "invoices").all()
    assert h.missions["days"].sum() == 4.0


def test_freshbooks_says_lateness_is_unknown_without_due_dates():
    with pytest.warns(ck.ConflictkitWarning, match="3 invoices have no due date"):
        ck.read_invoices(DATA / "freshbooks_invoices.csv", as_of="2024-06-30")


def test_zoho_line_items_days_and_hours_and_balances():
    h = read("zoho_invoices.csv", as_of="2024-07-01")
    assert len(h.invoices) == 6
    assert rows_accounted(h, 7)
    # INV-000001: due 2024-02-09, last payment 2024-03-01 (21 days late),
    #   balance 0 of 3600 -> paid in full -> prevailed, recovered 3600
    # INV-000002: paid 2024-03-10, due 2024-03-13 -> on time, no dispute
    # INV-000003: overdue, balance 1800 of 1800, due 2024-04-04 -> open, 0 paid
    # INV-000004: partially paid, balance 1200 of 2400, due 2024-04-19 -> open
    # INV-000005: void; INV-000006: due 2024-07-10, after as_of
    assert disputes(h) == {
        "INV-000001": ("2024-02-09", "2024-03-01", "prevailed", 3600.0, 3600.0),
        "INV-000003": ("2024-04-04", None, None, 1800.0, 0.0),
        "INV-000004": ("2024-04-19", None, None, 2400.0, 1200.0),
    }
    # days: INV-000001 = 5 days + 8 hours = 6; Helios 2024-03 = 3 + 4 days
    m = h.missions.set_index("mission_id")["days"]
    assert m.to_dict() == {
        "Orbis SARL 2024-01": 6.0,
        "Orbis SARL 2024-02": 4.0,
        "Helios Inc 2024-03": 7.0,
        "Orbis SARL 2024-06": 2.0,
    }
    assert (h.missions["exposure_unit"] == "days").all()
    # days late: to payment, or to as_of for unpaid (88 = 4 April to 1 July)
    late = h.invoices.set_index("invoice_id")["days_late"]
    assert late["INV-000001"] == 21
    assert late["INV-000002"] == -3
    assert late["INV-000003"] == 88


def test_invoice_ninja_report_balances_without_payment_dates():
    with pytest.warns(ck.ConflictkitWarning, match="1 paid invoices have no payment"):
        h = ck.read_invoices(DATA / "invoiceninja_invoices.csv", as_of="2024-06-30")
    # 0001 paid (balance 0) but when is unknown: not a dispute
    # 0002 sent, balance 2000, due 2024-03-16 -> unpaid past due
    # 0003 partial, 600 paid of 1000, due 2024-04-14 -> open, 600 recovered
    # 0004 due 2024-07-01 after as_of; 0005 cancelled
    assert disputes(h) == {
        "INV-0002": ("2024-03-16", None, None, 2000.0, 0.0),
        "INV-0003": ("2024-04-14", None, None, 1000.0, 600.0),
    }
    assert h.invoices.set_index("invoice_id").loc["0005", "status"] == "void"


def test_quickbooks_us_dates_terms_and_grace_days():
    h = read("quickbooks_invoices.csv", as_of="2024-06-30", grace_days=5)
    assert rows_accounted(h, 5)
    inv = h.invoices.set_index("invoice_id")
    # 1002 has no due date: Net 30 from 5 Feb 2024 -> 6 March; lines 1500 + 300
    assert inv.loc["1002", "due_at"] == pd.Timestamp("2024-03-06")
    assert inv.loc["1002", "amount"] == 1800.0
    # opened at due + 5 days of grace; 1003: 2400 - open balance 1000 = 1400 paid
    assert disputes(h) == {
        "INV-1002": ("2024-03-11", None, None, 1800.0, 0.0),
        "INV-1003": ("2024-04-18", None, None, 2400.0, 1400.0),
    }
    # 03/14/2024 settles the order: month first
    assert inv.loc["1003", "issued_at"] == pd.Timestamp("2024-03-14")


def test_stripe_statuses_write_offs_and_date_times():
    h = read("stripe_invoices.csv", as_of="2024-06-30")
    # 0001 paid 12 Feb, due 1 Feb (times dropped) -> late, prevailed
    # 0002 paid the day before its due date
    # 0003 uncollectible on 20 May after 300 of 1200 paid -> compromise
    # 0004 open, due 1 May -> unpaid; 0005 void; the draft has no number
    assert disputes(h) == {
        "INV-7F3A21-0001": ("2024-02-01", "2024-02-12", "prevailed", 4000.0, 4000.0),
        "INV-7F3A21-0003": ("2024-03-16", "2024-05-20", "compromise", 1200.0, 300.0),
        "INV-7F3A21-0004": ("2024-05-01", None, None, 1200.0, 0.0),
    }
    # "Customer Name" wins over the "Customer" id, "Total" over "Amount Due"
    assert set(h.disputes["client"]) == {"Kite Labs", "Quill & Co"}
    assert h.invoices["counted"].sum() == 4


def test_pennylane_workbook_with_typed_cells():
    h = read("pennylane_factures.xlsx", as_of="2024-09-30")
    # F-2024-001 paid 15 March, due 1 March -> 14 days late, Payée -> prevailed
    # F-2024-003 En retard since 30 April; F-2024-004 half paid, due 30 June
    # F-2024-005 Annulée; F-2024-006 À venir (due 1 October)
    assert disputes(h) == {
        "INV-F-2024-001": ("2024-03-01", "2024-03-15", "prevailed", 6000.0, 6000.0),
        "INV-F-2024-003": ("2024-04-30", None, None, 900.0, 0.0),
        "INV-F-2024-004": ("2024-06-30", None, None, 900.0, 450.0),
    }
    assert h.invoices.set_index("invoice_id").loc["F-2024-005", "status"] == "void"


def test_abby_cp1252_euro_amounts_and_grace():
    h = read("abby_factures.csv", as_of="2024-12-31", grace_days=7)
    # FA-2024-01 paid 5 days late: within the 7 days of grace
    # FA-2024-02 paid 17 days late -> opened 16 March + 7 = 23 March
    # FA-2024-03 En retard since 31 March + 7; no amounts paid known
    assert disputes(h) == {
        "INV-FA-2024-02": ("2024-03-23", "2024-04-02", "prevailed", 2400.0, 2400.0),
        "INV-FA-2024-03": ("2024-04-07", None, None, 1150.5, None),
    }
    assert h.invoices.set_index("invoice_id").loc["FA-2024-05", "status"] == "draft"


def test_indy_utf8_bom_and_due_on_as_of_is_not_late():
    h = read("indy_factures.csv", as_of="2024-10-31")
    assert disputes(h) == {
        "INV-2024-002": ("2024-04-03", "2024-04-29", "prevailed", 3600.0, 3600.0),
        "INV-2024-003": ("2024-05-02", None, None, 1800.0, None),
    }
    # 2024-004 is due on as_of itself: not yet late
    assert not h.invoices.set_index("invoice_id").loc["2024-004", "late"]


def test_tiime_lines_in_days_and_hours():
    h = read("tiime_factures.csv", as_of="2024-08-31")
    assert rows_accounted(h, 4)
    # F24-010: 4 jours + 8 heures = 5 days; the invoice total is TTC, not HT
    assert h.missions.set_index("mission_id")["days"].to_dict() == {
        "Ateliers Vidal 2024-06": 5.0,
        "Ateliers Vidal 2024-07": 6.0,
    }
    assert disputes(h) == {
        "INV-F24-010": ("2024-07-10", "2024-07-25", "prevailed", 3216.0, 3216.0),
        "INV-F24-011": ("2024-07-31", None, None, 3960.0, None),
    }


def test_henrri_two_digit_years_that_read_both_ways_ask_for_dayfirst():
    with pytest.raises(ck.DisputeDataError, match="dayfirst"):
        ck.read_invoices(DATA / "henrri_factures.csv")


def test_henrri_litige_flag():
    h = read("henrri_factures.csv", as_of="2024-06-30", dayfirst=True)
    # H-0043 late and disputed: opened at the due date; paid, but with no
    #   status or amount paid, how it ended is unknown (not invented)
    # H-0044 unpaid and disputed: open since its due date
    # H-0045 disputed but paid on time: opened at the invoice date
    assert disputes(h) == {
        "INV-H-0043": ("2024-03-06", "2024-03-12", None, 1080.0, None),
        "INV-H-0044": ("2024-04-03", None, None, 1080.0, None),
        "INV-H-0045": ("2024-06-03", "2024-06-10", None, 1080.0, None),
    }


def test_hand_kept_spreadsheet_collects_bad_rows_and_accounts_for_every_row():
    with pytest.warns(ck.ConflictkitWarning) as caught:
        h = ck.read_invoices(DATA / "suivi_factures_excel.csv", errors="collect")
    messages = [str(w.message) for w in caught]
    assert any("1 of 5 rows rejected" in m for m in messages)
    # the two ';;;;;;;' lines Excel leaves are skipped, counted and named
    assert any("2 blank rows (rows 4, 8)" in m for m in messages), messages
    assert h.skipped == {"blank rows": 2}
    assert rows_accounted(h, 7)
    assert list(h.rejected.index) == [5]
    problems = h.rejected["problems"]
    assert "'31/02/2023' is not a date" in problems[5]
    # '?' for an amount is a placeholder: the amount is unknown, not a problem
    assert h.invoices.set_index("invoice_id").loc["2023-10", "amount"] is pd.NA or (
        pd.isna(h.invoices.set_index("invoice_id").loc["2023-10", "amount"])
    )
    # the rejected rows are kept untouched
    assert h.rejected.loc[5, "Payée le"] == "31/02/2023"
    # 2023-07 paid 26 days late; 2023-10 unpaid; 2023-11 flagged "Litige: oui"
    assert disputes(h) == {
        "INV-2023-07": ("2023-08-02", "2023-08-28", None, 4500.0, None),
        "INV-2023-11": ("2023-11-02", None, None, 2750.0, None),
        # unpaid past its due date, amount '?': a dispute whose stake is unknown
        "INV-2023-10": ("2023-11-01", None, None, None, None),
    }
    # the Jours column is empty for 2023-10, so exposure is counted in invoices
    # for all of them (said in a warning), never days for some and 0 for others
    assert any("exposure is counted in invoices" in m for m in messages)
    assert h.missions["days"].sum() == 4
    assert set(h.missions["exposure_unit"]) == {"invoices"}


def test_the_same_file_raises_with_every_problem_by_default():
    with pytest.raises(ck.DisputeDataError) as err:
        ck.read_invoices(DATA / "suivi_factures_excel.csv")
    f = err.value.failures
    assert sorted(f["row"].dropna().astype(int).unique()) == [5]
    assert set(f["table"]) == {"invoices"}


def test_a_receivables_report_with_a_title_above_its_header():
    # QuickBooks' A/R Aging Detail: company, title and date above the header,
    # a section row, a subtotal and a total among the invoices
    with pytest.raises(ck.DisputeDataError, match="a title, section or total row"):
        ck.read_invoices(DATA / "quickbooks_ar_aging_detail.csv", as_of="2024-12-31")
    h = read("quickbooks_ar_aging_detail.csv", as_of="2024-12-31", errors="collect")
    # rows keep their numbers in the file: the header is line 5
    assert list(h.invoices["row"]) == [7, 8]
    assert {6, 9} <= set(h.rejected.index)
    # the 6 lines below the header: 2 invoices, the rejected ones and the
    # blank line 10 (skipped: it was lost before the header was found)
    assert h.skipped == {"blank rows": 1}
    assert rows_accounted(h, 6)
    # open balances past due: 1042 fully unpaid, 1045 with 1000 of 2400 open
    assert disputes(h) == {
        "INV-1042": ("2024-12-05", None, None, 1250.0, 0.0),
        "INV-1045": ("2024-11-27", None, None, 2400.0, 1400.0),
    }


#: make_titled.py: the same sheet with "Factures 2024" / "Invoices 2024" in
#: A1 only, row 2 empty, the header in row 3, as the workbook and as Excel's
#: CSV export of it.
TITLED = [
    "fr_factures_titre_a1.xlsx",
    "fr_factures_titre_a1.csv",
    "en_factures_titre_a1.xlsx",
    "en_factures_titre_a1.csv",
]


def _titled_as_expected(h: ck.History, typo: str) -> None:
    """Worked out by hand for the sheet at 30 June 2024: F-2024-001 paid 35
    days late, F-2024-003 unpaid since 12 April, F-2024-006 paid 26 days late;
    F-2024-005's date (no 31 April) rejected on its spreadsheet row 8."""
    assert list(h.invoices["row"]) == [4, 5, 6, 7, 9]
    assert h.rejected.index.tolist() == [8]
    assert f"{typo!r} is not a date" in h.rejected["problems"].iloc[0]
    assert rows_accounted(h, 6)
    assert sorted(disputes(h).values()) == [
        ("2024-02-14", "2024-03-20", "prevailed", 1200.0, 1200.0),  # "Payée"
        ("2024-04-12", None, None, 2400.0, None),  # paid so far: not said
        ("2024-06-02", "2024-06-28", "prevailed", 1500.0, 1500.0),
    ]


@pytest.mark.parametrize("name", TITLED)
def test_a_title_in_a1_only_is_not_taken_as_the_header(name):
    h = read(name, as_of="2024-06-30", errors="collect")
    _titled_as_expected(h, "31/04/2024" if name.startswith("fr") else "4/31/2024")


def test_a_title_line_without_separators_is_not_taken_as_the_header(tmp_path):
    """The CSV export with its title line cut to the title (a hand edit, or a
    script that writes no empty cells): the first line has one field."""
    data = (DATA / "fr_factures_titre_a1.csv").read_bytes()
    path = tmp_path / "factures.csv"
    path.write_bytes(data.replace(b"Factures 2024;;;;;;", b"Factures 2024", 1))
    h = read(path, as_of="2024-06-30", errors="collect")
    _titled_as_expected(h, "31/04/2024")


# ------------------------------------------------------------------- rules
def write(tmp_path: Path, text: str, name: str = "f.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_line_that_disagrees_with_its_invoice_rejects_the_whole_invoice(tmp_path):
    path = write(
        tmp_path,
        (
            "Invoice Number,Customer Name,Invoice Date,Due Date,Quantity,"
            "Item Total,Total\n"
            "A-1,Acme,2024-01-01,2024-01-31,2,200,300\n"
            "A-1,Acme,2024-01-01,2024-02-15,1,100,300\n"
            "A-2,Acme,2024-02-01,2024-03-02,1,100,100\n"
        ),
    )
    with pytest.warns(ck.ConflictkitWarning):
        h = ck.read_invoices(path, errors="collect", as_of="2024-02-20")
    assert list(h.rejected.index) == [2, 3]
    assert "differs from the first line" in h.rejected.loc[3, "problems"]
    assert (
        "another line of this invoice has a problem (row 3)"
        in h.rejected.loc[2, "problems"]
    )
    assert list(h.invoices["invoice_id"]) == ["A-2"]


def test_duplicated_invoice_numbers_without_line_columns_are_problems(tmp_path):
    path = write(
        tmp_path,
        (
            "Number,Client,Date,Due Date,Amount\n"
            "7,Acme,2024-01-01,2024-01-31,100\n7,Acme,2024-01-01,2024-01-31,100\n"
        ),
    )
    with pytest.raises(ck.DisputeDataError, match="duplicated invoice number.*row 2"):
        ck.read_invoices(path)


def test_unknown_status_is_named_with_what_is_expected(tmp_path):
    path = write(tmp_path, "Client,Date,Status\nAcme,2024-01-01,en cours de relance\n")
    with pytest.raises(
        ck.DisputeDataError, match="'en cours de relance' is not an invoice status"
    ):
        ck.read_invoices(path)


def test_overdue_status_without_any_due_date_cannot_be_dated(tmp_path):
    path = write(tmp_path, "Client,Date,Status\nAcme,2024-01-01,overdue\n")
    with pytest.raises(ck.DisputeDataError, match="no due date"):
        ck.read_invoices(path, as_of="2024-03-01")


def test_missing_client_column_names_the_columns_found(tmp_path):
    path = write(tmp_path, "Numéro,Date,Total\n1,2024-01-01,100\n")
    with pytest.raises(ck.DisputeDataError, match=r"no column for 'client'.*'Numéro'"):
        ck.read_invoices(path)


def test_columns_maps_any_header_and_rejects_unknown_fields(tmp_path):
    path = write(
        tmp_path, "Qui,Quand,Pour quand,Réglé\nAcme,2024-01-01,2024-01-31,2024-03-01\n"
    )
    h = ck.read_invoices(
        path,
        columns={
            "Qui": "client",
            "Quand": "issued_at",
            "Pour quand": "due_at",
            "Réglé": "paid_at",
        },
    )
    assert disputes(h) == {"INV-row-2": ("2024-01-31", "2024-03-01", None, None, None)}
    with pytest.raises(ValueError, match="unknown names"):
        ck.read_invoices(path, columns={"Qui": "customer"})


def test_grace_days_must_be_a_non_negative_number(tmp_path):
    path = write(tmp_path, "Client,Date\nAcme,2024-01-01\n")
    with pytest.raises(ValueError, match="grace_days"):
        ck.read_invoices(path, grace_days=-1)


def test_hours_become_days_and_missing_days_fall_back_to_invoices(tmp_path):
    path = write(
        tmp_path,
        (
            "Client,Date,Due Date,Heures\nAcme,2024-01-05,2024-02-04,16\n"
            "Acme,2024-01-20,2024-02-19,4\nAcme,2024-02-05,2024-03-06,\n"
        ),
    )
    with pytest.warns(
        ck.ConflictkitWarning, match="1 of 3 invoices do not say the days"
    ):
        h = ck.read_invoices(path, as_of="2024-02-10")
    # one day unknown: every mission counts invoices (never a mix of units)
    assert h.missions.set_index("mission_id")["days"].to_dict() == {
        "Acme 2024-01": 2.0,
        "Acme 2024-02": 1.0,
    }
    path = write(
        tmp_path,
        (
            "Client,Date,Due Date,Heures\nAcme,2024-01-05,2024-02-04,16\n"
            "Acme,2024-01-20,2024-02-19,4\n"
        ),
    )
    h = ck.read_invoices(path, as_of="2024-02-10")
    assert h.missions["days"].tolist() == [2.5]  # (16 + 4) / 8
    assert h.missions["exposure_unit"].tolist() == ["days"]


def test_as_of_defaults_to_the_latest_event_and_censors_unpaid_invoices(tmp_path):
    path = write(
        tmp_path,
        (
            "Client,Date,Échéance,Payée le\nAcme,2024-01-01,2024-01-31,2024-02-20\n"
            "Acme,2024-02-01,2024-03-02,\nAcme,2024-03-05,2024-04-04,\n"
        ),
    )
    h = ck.read_invoices(path)
    assert h.as_of == pd.Timestamp("2024-03-05")  # the latest invoice date
    # the second invoice is unpaid 3 days past due on 5 March: open dispute,
    # its duration censored at as_of
    d = h.durations().set_index(h.disputes["dispute_id"])
    assert d.loc["INV-row-3", "duration_days"] == 3.0
    assert not d.loc["INV-row-3", "resolved"]
    assert d.loc["INV-row-2", "duration_days"] == 20.0


def test_invoice_after_as_of_is_a_problem(tmp_path):
    path = write(tmp_path, "Client,Date,Due Date\nAcme,2024-05-01,2024-05-31\n")
    with pytest.raises(ck.DisputeDataError, match="after as_of"):
        ck.read_invoices(path, as_of="2024-04-01")


def test_payment_before_the_invoice_date_is_a_problem(tmp_path):
    path = write(
        tmp_path,
        "Client,Date,Due Date,Paid On,Disputed\n"
        "Acme,2024-05-01,2024-05-31,2024-04-01,yes\n",
    )
    with pytest.raises(ck.DisputeDataError, match="before the invoice date"):
        ck.read_invoices(path, as_of="2024-06-01")


def test_written_off_with_nothing_paid_is_abandoned_and_credited_is_conceded(tmp_path):
    path = write(
        tmp_path,
        (
            "Number,Client,Date,Due Date,Total,Amount Paid,Status,WriteOff Date\n"
            "1,Acme,2024-01-01,2024-01-31,500,0,written off,2024-04-01\n"
            "2,Acme,2024-01-01,2024-01-31,500,0,credited,2024-03-01\n"
            "3,Acme,2024-01-01,2024-01-31,500,,written off,\n"
        ),
    )
    with pytest.warns(ck.ConflictkitWarning, match="1 written-off or credited"):
        h = ck.read_invoices(path, as_of="2024-06-01")
    assert disputes(h) == {
        "INV-1": ("2024-01-31", "2024-04-01", "abandoned", 500.0, 0.0),
        "INV-2": ("2024-01-31", "2024-03-01", "conceded", 500.0, 0.0),
        # no date of write-off: the dispute stays open, no outcome invented
        "INV-3": ("2024-01-31", None, None, 500.0, None),
    }


def test_every_alias_points_to_a_field_and_every_tool_has_a_source():
    from conflictkit.io.invoice_vocabulary import INVOICE_FIELDS

    assert set(INVOICE_ALIASES.values()) <= set(INVOICE_FIELDS)
    assert {
        "FreshBooks",
        "Invoice Ninja",
        "QuickBooks Online",
        "Zoho Invoice",
        "Stripe",
        "Pennylane",
        "Indy",
        "Abby",
        "Henrri",
        "Tiime",
    } <= set(INVOICE_SOURCES)
    for tool, (kind, seen, where) in INVOICE_SOURCES.items():
        assert kind in ("file", "docs"), tool
        assert seen, tool
        assert where, tool


# ----------------------------------------------------------------- combine
def test_client_key_ignores_case_accents_punctuation_and_legal_forms():
    names = pd.Series(
        ["ACME Corp.", "Acmé SAS", "acme", "Orbis S.A.R.L.", "Orbis", "Quill & Co"]
    )
    assert client_key(names).tolist() == [
        "acme",
        "acme",
        "acme",
        "orbis",
        "orbis",
        "quill",
    ]
    # a legal form alone is a name, not nothing
    assert client_key(pd.Series(["SARL"])).tolist() == ["sarl"]


def test_combine_counts_a_payment_dispute_once_and_reports_the_merge():
    log = ck.History.from_frames(
        pd.DataFrame(
            {
                "dispute_id": ["D-1", "D-2", "D-3"],
                "client": ["Helios", "Helios", "Orbis SARL"],
                "opened_at": ["2024-04-10", "2024-05-01", "2024-02-15"],
                "resolved_at": ["2024-04-30", None, "2024-02-20"],
                "causes": ["retard de paiement", "scope", "paiement;ton"],
            }
        ),
        as_of="2024-06-30",
    )
    inv = read("zoho_invoices.csv", as_of="2024-07-01")
    both = log.combine(inv)
    # INV-000003 (Helios Inc, from 4 April, open) overlaps D-1 (payment, 10-30
    #   April): kept once, as D-1. INV-000004 (from 19 April) overlaps D-1 too.
    # INV-000001 (Orbis SARL, 9 Feb - 1 March) overlaps D-3 (15-20 Feb).
    # D-2 cites scope only: nothing to merge with.
    merged = both.merged
    same = merged[merged["kind"] == "same payment dispute"]
    assert sorted(zip(same["kept"], same["dropped"], strict=True)) == [
        ("D-1", "INV-000003"),
        ("D-1", "INV-000004"),
        ("D-3", "INV-000001"),
    ]
    assert sorted(both.disputes["dispute_id"]) == ["D-1", "D-2", "D-3"]
    # "Helios Inc" is the log's "Helios"; the log's spelling is kept
    spelling = merged[merged["kind"] == "client spelling"]
    assert ("Helios", "Helios Inc") in set(
        zip(spelling["kept"], spelling["dropped"], strict=True)
    )
    assert set(both.disputes["client"]) == {"Helios", "Orbis SARL"}
    # the log had no amounts: D-3 takes the invoice's
    d3 = both.disputes.set_index("dispute_id").loc["D-3"]
    assert d3["amount_at_stake"] == 3600.0
    # causes follow the disputes kept; as_of is the later one
    assert set(both.causes["dispute_id"]) <= set(both.disputes["dispute_id"])
    assert both.as_of == pd.Timestamp("2024-07-01")
    # the log has no missions: the invoices' exposure is used as is
    assert len(both.missions) == 4


def test_combine_keeps_exposure_in_days_once():
    log = ck.History.from_frames(
        pd.DataFrame(
            {
                "client": ["Orbis"],
                "opened_at": ["2024-01-20"],
                "causes": ["scope"],
                "mission_id": ["M1"],
            }
        ),
        pd.DataFrame(
            {
                "mission_id": ["M1"],
                "client": ["Orbis"],
                "started_at": ["2024-01-01"],
                "ended_at": ["2024-02-29"],
                "days": [30],
            }
        ),
        as_of="2024-07-01",
    )
    inv = read("zoho_invoices.csv", as_of="2024-07-01")
    both = log.combine(inv)
    # Orbis 2024-01 and 2024-02 (6 + 4 days) fall in M1: counted once, as M1;
    # Orbis 2024-06 and Helios 2024-03 are added
    assert sorted(both.missions["mission_id"]) == [
        "Helios Inc 2024-03",
        "M1",
        "Orbis SARL 2024-06",
    ]
    assert both.missions["days"].sum() == 30 + 7 + 2
    exposure = both.merged[both.merged["kind"] == "same exposure"]
    assert set(exposure["dropped"]) == {"Orbis SARL 2024-01", "Orbis SARL 2024-02"}
    # INV-000001's mission now points at M1
    assert both.disputes.set_index("dispute_id").loc["INV-000001", "mission_id"] == "M1"


def test_combine_does_not_add_invoice_counts_to_mission_days():
    log = ck.History.from_frames(
        pd.DataFrame(
            {"client": ["Kite"], "opened_at": ["2024-01-20"], "causes": ["scope"]}
        ),
        pd.DataFrame(
            {
                "mission_id": ["M1"],
                "client": ["Kite"],
                "started_at": ["2023-06-01"],
                "ended_at": ["2023-12-31"],
                "days": [90],
            }
        ),
    )
    inv = read("stripe_invoices.csv", as_of="2024-06-30")
    both = log.combine(inv)
    assert both.missions["mission_id"].tolist() == ["M1"]
    assert (both.merged["kind"] == "exposure").sum() == 1


def test_combined_history_runs_the_analyses():
    log = ck.load_example()
    inv = read("pennylane_factures.xlsx", as_of="2024-09-30")
    both = log.combine(inv)
    assert len(both) == len(log) + 3
    before = ck.time_to_resolution(log, by="cause").set_index("group")
    after = ck.time_to_resolution(both, by="cause").set_index("group")
    # three more payment disputes (Pennylane's 001, 003, 004), two still open
    assert after.loc["payment", "n"] == before.loc["payment", "n"] + 3
    assert after.loc["payment", "n_open"] == before.loc["payment", "n_open"] + 2


def test_ids_used_by_both_histories_are_renamed():
    a = ck.History.from_frames(
        pd.DataFrame(
            {"client": ["A"], "opened_at": ["2024-01-01"], "causes": ["scope"]}
        )
    )
    b = ck.History.from_frames(
        pd.DataFrame({"client": ["B"], "opened_at": ["2024-01-02"], "causes": ["tone"]})
    )
    both = a.combine(b)
    assert both.disputes["dispute_id"].tolist() == ["D-0001", "D-0001-2"]
    assert both.causes.set_index("dispute_id").loc["D-0001-2", "cause"] == "tone"
    assert np.array_equal(both.merged["kind"].to_numpy(), ["renamed id"])


def test_anonymize_does_not_carry_the_invoice_table_or_the_merge_report():
    inv = read("pennylane_factures.xlsx", as_of="2024-09-30")
    both = ck.load_example().combine(inv)
    shared = ck.anonymize(both, salt="s3cret")
    assert shared.invoices is None
    assert shared.merged is None
    names = set(inv.invoices["client"]) | set(both.disputes["client"])
    assert not names & set(shared.disputes["client"])


def test_overlap_agrees_with_a_brute_force_search():
    from conflictkit.io._combine import _overlap

    rng = np.random.default_rng(3)
    for _ in range(20):
        n_q, n_r = rng.integers(1, 40), rng.integers(1, 40)
        qk, rk = rng.integers(0, 4, n_q), rng.integers(0, 4, n_r)
        qs, rs = rng.integers(0, 100, n_q), rng.integers(0, 100, n_r)
        qe, re = qs + rng.integers(0, 15, n_q), rs + rng.integers(0, 15, n_r)
        hit = _overlap(qk, qs, qe, rk, rs, re)
        for i in range(n_q):
            found = [
                j
                for j in range(n_r)
                if rk[j] == qk[i] and rs[j] <= qe[i] and re[j] >= qs[i]
            ]
            if found:
                j = hit[i]
                assert j in found
            else:
                assert hit[i] == -1


@pytest.mark.parametrize("suffix", [".json", ".parquet"])
def test_json_and_parquet_exports_read_like_csv(tmp_path, suffix):
    frame = pd.read_csv(DATA / "invoiceninja_invoices.csv", dtype=str)
    path = tmp_path / f"invoices{suffix}"
    if suffix == ".json":
        frame.to_json(path, orient="records")
    else:
        frame.to_parquet(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ck.ConflictkitWarning)
        h = ck.read_invoices(path, as_of="2024-06-30")
    assert sorted(h.disputes["dispute_id"]) == ["INV-0002", "INV-0003"]
