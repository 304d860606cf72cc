"""Row numbers of bad rows when blank lines sit after the header and in the middle.

A spreadsheet numbers every line of a CSV file (the header is row 1, a blank
line or a ``;;;;`` row is a row too, a cell holding a line break is one row):
the rows named in problems, in ``history.rejected`` and in the warning about
skipped rows must be those numbers, whatever blank lines come before them.
"""

from __future__ import annotations

import warnings

import pytest
from openpyxl import Workbook

import conflictkit as ck

DISPUTES = [
    "dispute_id;client;opened_at;resolved_at;causes",  # 1
    "",  # 2 blank, right after the header
    "",  # 3 blank
    "D1;Acme;2021-01-05;2021-01-20;payment",  # 4
    ";;;;",  # 5 as Excel writes an empty row
    "D2;Acme;not a date;;scope",  # 6
    "",  # 7
    "D3;Acme;2021-02-05;2021-01-20;tone",  # 8 resolved before opened
    "D4;Acme;2021-03-05;;payment;extra;x",  # 9 too many fields
    ";;;;;;;",  # 10 wider than the header
    "D5;;2021-03-05;;payment",  # 11 no client
    "   ",  # 12 spaces only
    'D6;Acme;2021-04-05;;"zzzz"',  # 13 not a cause
]


def _read(fn, path, **kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        history = fn(path, errors="collect", **kw)
    return history, [str(w.message) for w in caught]


@pytest.mark.parametrize("newline", ["\r\n", "\n"])
def test_read_history_names_the_rows_a_spreadsheet_shows(tmp_path, newline):
    path = tmp_path / "log.csv"
    path.write_text(newline.join(DISPUTES) + newline, encoding="utf-8")
    history, messages = _read(ck.read_history, path)
    assert history.rejected.index.tolist() == [6, 8, 9, 11, 13]
    assert history.disputes["dispute_id"].tolist() == ["D1"]
    assert history.skipped == {"blank rows": 6}
    assert any("rows 2–3, 5, 7, 10, 12" in m for m in messages)
    # the same numbers in the error raised without errors="collect"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ck.ConflictkitWarning)  # blank rows
        with pytest.raises(ck.DisputeDataError) as err:
            ck.read_history(path)
    assert err.value.failures["row"].tolist() == [6, 8, 9, 11, 13]


def test_a_cell_on_two_lines_is_one_row(tmp_path):
    path = tmp_path / "log.csv"
    lines = ["dispute_id,client,opened_at,notes", "", 'D1,Acme,2021-01-05,"two',
             'lines"', "", "D2,Acme,bad,", ",,,", "D3,,2021-01-05,"]  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    history, messages = _read(ck.read_history, path)
    # rows: header 1, blank 2, D1 3 (two lines), blank 4, D2 5, ",,," 6, D3 7
    assert history.rejected.index.tolist() == [5, 7]
    assert any("rows 2, 4, 6" in m for m in messages)


INVOICES = [
    "Invoice;Client;Issued;Due;Paid;Amount",
    "",
    "F1;Acme;2024-01-01;2024-01-31;2024-02-10;100",
    ";;;;;",
    "F2;Acme;bad;2024-01-31;;100",
    "",
    "F3;;2024-01-01;2024-01-31;;100",
]


@pytest.mark.parametrize("title", [0, 3])
def test_read_invoices_names_the_rows_and_counts_the_blank_ones(tmp_path, title):
    # an aging report may put a title (and a blank line) above the header
    lines = ["ACME report", "As of 31/12/2024", ""][:title] + INVOICES
    path = tmp_path / "invoices.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    history, messages = _read(ck.read_invoices, path)
    assert history.rejected.index.tolist() == [5 + title, 7 + title]
    # the blank rows below the header are counted, not lost
    assert history.skipped == {"blank rows": 3}
    rows = ", ".join(str(n + title) for n in (2, 4, 6))
    note = next(m for m in messages if "blank rows" in m)
    assert f"rows {rows})" in note
    assert "missions" not in note  # an invoice list has no missions table


def test_read_invoices_workbook_with_a_title_counts_blank_rows_below_the_header(
    tmp_path,
):
    book = Workbook()
    sheet = book.active
    # a title row as wide as the table (a narrower one, or one with empty
    # cells, is refused as a header before the title is looked for), row 2
    # empty, the header on row 3
    title = ["ACME", "A/R aging", "as of", "31/12/2024", "EUR", "page 1"]
    for j, value in enumerate(title, start=1):
        sheet.cell(row=1, column=j, value=value)
    for j, name in enumerate(INVOICES[0].split(";"), start=1):
        sheet.cell(row=3, column=j, value=name)
    data = {5: INVOICES[2], 7: INVOICES[4], 9: INVOICES[6]}  # 4, 6, 8 empty
    for row, line in data.items():
        for j, value in enumerate(line.split(";"), start=1):
            sheet.cell(row=row, column=j, value=value or None)
    path = tmp_path / "invoices.xlsx"
    book.save(path)
    history, _ = _read(ck.read_invoices, path)
    assert history.rejected.index.tolist() == [7, 9]
    assert history.skipped == {"blank rows": 3}  # rows 4, 6 and 8, not row 2
