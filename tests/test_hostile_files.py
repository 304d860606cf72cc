"""Hostile files end cleanly and bounded: a DisputeDataError, quickly, never a hang."""

from __future__ import annotations

import json
import os
import zipfile

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import conflictkit as ck
from conflictkit import DisputeDataError
from conflictkit.io import ReadLimits


def test_a_fifo_is_refused_at_once_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "log.csv"
    os.mkfifo(fifo)
    with pytest.raises(DisputeDataError, match=r"named pipe \(FIFO\), not a regular"):
        ck.read_history(fifo)


def test_a_link_to_a_device_is_refused(tmp_path):
    link = tmp_path / "zero.csv"
    link.symlink_to("/dev/zero")
    with pytest.raises(DisputeDataError, match="is a device, not a regular file"):
        ck.read_history(link)


def test_a_folder_is_refused(tmp_path):
    folder = tmp_path / "log.csv"
    folder.mkdir()
    with pytest.raises(DisputeDataError, match="is a folder"):
        ck.read_history(folder)


def test_size_cap_is_checked_before_reading(tmp_path):
    path = tmp_path / "big.csv"
    path.write_text("client,opened_at\n" + "Acme,2024-01-01\n" * 100)
    with pytest.raises(DisputeDataError, match=r"more than the limit of 1,000"):
        ck.read_history(path, limits=ReadLimits(max_bytes=1_000))


def test_row_cap_is_checked_before_parsing(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("client,opened_at\n" + "Acme,2024-01-01\n" * 50)
    with pytest.raises(DisputeDataError, match=r"more than 10 rows"):
        ck.read_history(path, limits=ReadLimits(max_rows=10))
    assert len(ck.read_history(path, limits=ReadLimits(max_rows=50))) == 50


def test_column_cap(tmp_path):
    path = tmp_path / "wide.csv"
    header = ",".join(["client", "opened_at"] + [f"c{i}" for i in range(30)])
    path.write_text(header + "\nA,2024-01-01" + "," * 30 + "\n")
    with pytest.raises(DisputeDataError, match=r"32 columns, more than the limit"):
        ck.read_history(path, limits=ReadLimits(max_columns=20))


def _workbook_with_far_cell(path, *, far_row: int, far_col: str) -> None:
    """A tiny workbook declaring A1:XFD1048576 with a value far away."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Litiges"
    ws.append(["client", "opened_at"])
    ws.append(["Acme", "2024-01-10"])
    ws[f"{far_col}{far_row}"] = "x"
    wb.save(path)


def test_xlsx_far_cell_is_trimmed_not_allocated(tmp_path):
    path = tmp_path / "far.xlsx"
    _workbook_with_far_cell(path, far_row=1_048_576, far_col="XFD")
    with pytest.warns(ck.ConflictkitWarning, match="blank rows"):
        with pytest.raises(DisputeDataError) as info:
            ck.read_history(path)
    f = info.value.failures
    assert f["row"].tolist() == [1_048_576]
    assert "beyond the header" in f["problem"].item()
    with pytest.warns(ck.ConflictkitWarning) as record:
        h = ck.read_history(path, errors="collect")
    assert len(h) == 1
    assert h.rejected.index.tolist() == [1_048_576]
    assert h.skipped == {"blank rows": 1_048_573}
    assert any("1,048,573 blank rows" in str(w.message) for w in record)


def test_xlsx_reads_only_the_sheets_it_needs(tmp_path, monkeypatch):
    from openpyxl import Workbook

    from conflictkit.io import _formats

    wb = Workbook()
    wb.active.title = "Brouillon"
    wb.active.append(["idée", "n"])
    ws = wb.create_sheet("Litiges")
    ws.append(["client", "opened_at"])
    ws.append(["Acme", "2024-01-10"])
    path = tmp_path / "book.xlsx"
    wb.save(path)
    read: list[str] = []
    original = _formats._read_sheet

    def spy(book, sheet, limits, source):
        read.append(sheet.title)
        return original(book, sheet, limits, source)

    monkeypatch.setattr(_formats, "_read_sheet", spy)
    assert len(ck.read_history(path)) == 1
    assert read == ["Litiges"]


def test_xlsx_declared_unpacked_size_is_capped(tmp_path):
    path = tmp_path / "log.xlsx"
    _workbook_with_far_cell(path, far_row=3, far_col="C")
    with pytest.raises(DisputeDataError, match="the workbook unpacks to"):
        ck.read_history(path, limits=ReadLimits(max_bytes=5_000))


def test_not_a_zip_named_xlsx(tmp_path):
    path = tmp_path / "log.xlsx"
    path.write_bytes(b"client,opened_at\nA,2024-01-01\n")
    with pytest.raises(DisputeDataError, match="not an XLSX file"):
        ck.read_history(path)


def test_a_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "log.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(DisputeDataError, match="the workbook cannot be read"):
        ck.read_history(path)


def test_json_nested_deeply_is_a_clean_error(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(DisputeDataError, match="nested too deeply|not a table"):
        ck.read_history(path)


def test_json_list_cells_are_causes(tmp_path):
    path = tmp_path / "log.json"
    path.write_text(json.dumps([
        {"client": "Acme", "opened_at": "2024-01-10", "causes": ["paiement", "ton"]},
        {"client": "Nova", "opened_at": "2024-02-01", "causes": []},
        {"client": "Nova", "opened_at": "2024-03-01", "causes": None,
         "extra": {"a": 1}},
    ]))  # fmt: skip
    with pytest.warns(ck.ConflictkitWarning, match="'extra'"):
        h = ck.read_history(path)
    assert h.disputes["causes"].tolist()[0] == "payment;tone"
    assert h.disputes["primary_cause"].isna().tolist() == [False, True, True]
    assert h.disputes["extra"].iloc[2] == '{"a": 1}'


def test_invalid_json_names_the_reason(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('[{"client": "A",')
    with pytest.raises(DisputeDataError, match="not valid JSON"):
        ck.read_history(path)


def test_parquet_binary_column_that_is_text_is_read(tmp_path):
    path = tmp_path / "log.parquet"
    table = pa.table({"client": pa.array([b"Acme"], pa.binary()),
                      "opened_at": ["2024-01-10"]})  # fmt: skip
    pq.write_table(table, path)
    assert ck.read_history(path).disputes["client"].tolist() == ["Acme"]


def test_parquet_binary_column_that_is_not_text_is_a_clean_error(tmp_path):
    path = tmp_path / "log.parquet"
    table = pa.table({"client": pa.array([b"\xff\xfe\x00"], pa.binary()),
                      "opened_at": ["2024-01-10"]})  # fmt: skip
    pq.write_table(table, path)
    with pytest.raises(DisputeDataError, match="'client' holds binary data"):
        ck.read_history(path)


def test_parquet_list_column_is_causes(tmp_path):
    path = tmp_path / "log.parquet"
    table = pa.table({"client": ["Acme"], "opened_at": ["2024-01-10"],
                      "causes": [["payment", "tone"]]})  # fmt: skip
    pq.write_table(table, path)
    assert ck.read_history(path).disputes["causes"].tolist() == ["payment;tone"]


def test_damaged_parquet_is_a_clean_error(tmp_path):
    path = tmp_path / "log.parquet"
    path.write_bytes(b"PAR1" + b"\x00" * 64 + b"PAR1")
    with pytest.raises(DisputeDataError, match="not valid Parquet"):
        ck.read_history(path)


def test_a_notes_cell_over_a_megabyte_is_read(tmp_path):
    note = "Très long compte rendu. " * 100_000  # 2.4 MB, with newlines around
    frame = pd.DataFrame({"client": ["Acme", "Nova"],
                          "opened_at": ["2024-01-10", "2024-01-11"],
                          "notes": ["\n" + note + "\n", "court"]})  # fmt: skip
    path = tmp_path / "big_cell.csv"
    frame.to_csv(path, index=False)
    h = ck.read_history(path)
    assert len(h.disputes["notes"].iloc[0]) == len(note) + 2
    assert h.disputes["notes"].iloc[1] == "court"


def test_empty_client_on_a_dispute_and_its_mission_is_reported_not_a_crash():
    d = pd.DataFrame({"client": [None], "opened_at": ["2024-01-10"],
                      "mission_id": ["M1"]})  # fmt: skip
    m = pd.DataFrame({"mission_id": ["M1"], "client": [None],
                      "started_at": ["2024-01-01"]})  # fmt: skip
    with pytest.raises(DisputeDataError) as info:
        ck.History.from_frames(d, m)
    problems = info.value.failures["problem"].tolist()
    assert any("every dispute needs a client" in p for p in problems)
    assert any("every mission needs a client" in p for p in problems)
