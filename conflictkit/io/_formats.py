"""Reading XLSX workbooks, JSON and Parquet files into text tables, bounded.

Each reader turns its library's own exceptions into a
:class:`~conflictkit.DisputeDataError` naming the file and the reason, and
checks :class:`ReadLimits` before the bulk of the work: the unpacked size of
a workbook, a Parquet file's row and column counts from its metadata. A
workbook is read sheet by sheet, only the sheets needed, cell by cell as
stored (a declared dimension such as ``A1:XFD1048576`` allocates nothing).
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import DisputeDataError
from ._raw import (
    RawTable,
    ReadLimits,
    as_text_frame,
    check_headers,
    raw_from_frame,
    read_bytes,
    regular_file,
    xlsx_unescape,
)

__all__ = ["read_excel", "read_json", "read_parquet"]

#: Sheet names (case-folded) that hold each table, in order of preference.
SHEETS = {
    "disputes": ("disputes", "litiges", "disputes.csv"),
    "missions": ("missions", "missions.csv"),
}
_EXCEL_MAX_ROW = 1_048_576


# ---------------------------------------------------------------- XLSX
def read_excel(
    path: Path,
    limits: ReadLimits,
    header_at: Callable[[list[str]], bool] | None = None,
) -> dict[str, RawTable]:
    """The tables of a workbook. ``header_at``: which row is the disputes
    sheet's header (the first of its first rows it accepts; rows above it
    are a title); by default, the first row that is not empty."""
    source = str(path)
    read_bytes_size(path, limits)
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise DisputeDataError(
            f"the workbook cannot be read: it is not an XLSX file ({err})", source
        ) from err
    limits.check_bytes(unpacked, source, "the workbook unpacks to")
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many kinds on damaged files
        raise DisputeDataError(
            f"the workbook cannot be read: {type(err).__name__}: {err}", source
        ) from err
    try:
        if not book.sheetnames:
            raise DisputeDataError("the workbook has no sheet", source)
        by_name = {name.strip().casefold(): name for name in book.sheetnames}
        chosen: dict[str, str] = {}
        for table, aliases in SHEETS.items():
            name = next((by_name[a] for a in aliases if a in by_name), None)
            if name is not None:
                chosen[table] = name
        if "disputes" not in chosen:
            chosen["disputes"] = book.sheetnames[0]
        out = {}
        for table, name in chosen.items():
            found = {"header_at": header_at} if table == "disputes" else {}
            out[table] = _read_sheet(
                book, book[name], limits, f"{source} [{name}]",
                **{k: v for k, v in found.items() if v is not None},
            )  # fmt: skip
        return out
    except DisputeDataError:
        raise
    except (Exception, RecursionError) as err:  # a damaged sheet: any parser error
        raise DisputeDataError(
            f"the workbook cannot be read: {type(err).__name__}: {err}", source
        ) from err
    finally:
        book.close()


def read_bytes_size(path: Path, limits: ReadLimits) -> int:
    st = regular_file(path)
    limits.check_bytes(st.st_size, str(path))
    return st.st_size


def _cells(book: Any, sheet: Any) -> Any:
    """(row number, {column number: value}) for each row stored in the sheet."""
    from openpyxl.worksheet._reader import WorkSheetParser

    with sheet._get_source() as src:
        parser = WorkSheetParser(
            src,
            sheet._shared_strings,
            data_only=True,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        for number, cells in parser.parse():
            yield (
                number,
                {
                    c["column"]: xlsx_unescape(c["value"])
                    for c in cells
                    if c["value"] is not None
                    and not (isinstance(c["value"], str) and not c["value"].strip())
                },
            )


def _column_letter(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)


#: How many of a sheet's first rows may be a title above the header.
TITLE_ROWS = 30


def _from_header(
    rows: Any,
    header_at: Callable[[list[str]], bool],
    title: list[tuple[int, str]] | None = None,
) -> Any:
    """The rows from the first of the first :data:`TITLE_ROWS` non-empty rows
    that ``header_at`` accepts (the title above left out, and put in ``title``
    as ``(row, text)``); all of them if it accepts none, or if a row above the
    one it accepts fills more cells (a header it does not know)."""
    seen: list[tuple[int, dict[int, Any]]] = []
    for number, values in rows:
        if not values:
            continue
        if header_at([str(v) for v in values.values() if isinstance(v, str)]):
            if any(len(cells) > len(values) for _, cells in seen):
                seen.append((number, values))
                break  # a row above fills more cells: it is the header
            if title is not None:
                title.extend(
                    (n, " ".join(str(v).strip() for v in cells.values()))
                    for n, cells in seen
                )
            yield number, values
            yield from rows
            return
        seen.append((number, values))
        if len(seen) == TITLE_ROWS:
            break
    yield from seen
    yield from rows


def _read_sheet(
    book: Any,
    sheet: Any,
    limits: ReadLimits,
    source: str,
    header_at: Callable[[list[str]], bool] | None = None,
) -> RawTable:
    header: list[str] | None = None
    width = header_row = 0
    numbers: list[int] = []
    records: list[list[Any]] = []
    problems: list[dict] = []
    blank: list[tuple[int, int]] = []
    last = 0
    rows = _cells(book, sheet)
    title: list[tuple[int, str]] = []
    if header_at is not None:
        rows = _from_header(rows, header_at, title)
    for number, values in rows:
        if number > _EXCEL_MAX_ROW:
            raise DisputeDataError(
                f"the sheet {sheet.title!r} has a row numbered {number:,}, beyond "
                f"the {_EXCEL_MAX_ROW:,} rows a worksheet can hold: the file is "
                "damaged",
                source,
            )
        if header is None:
            if not values:
                continue
            width = max(values)
            limits.check_columns(width, source)
            header = [str(values.get(j, "")).strip() for j in range(1, width + 1)]
            last = header_row = number
            continue
        if not values:
            continue  # counted with the gap below, once the next data row comes
        if number > last + 1:
            blank.append((last + 1, number - 1))
        last = number
        beyond = [j for j in values if j > width]
        if beyond:
            j = min(beyond)
            problems.append(
                {"row": number, "column": pd.NA, "value": str(values[j])[:200],
                 "problem": f"a value in column {_column_letter(j)}, beyond the "
                 f"header (which ends at column {_column_letter(width)}): give "
                 "the column a header, or clear the cell"}
            )  # fmt: skip
            continue
        numbers.append(number)
        limits.check_rows(len(numbers), source)
        records.append([values.get(j) for j in range(1, width + 1)])
    if header is None:
        raise DisputeDataError(f"the sheet {sheet.title!r} is empty", source)
    check_headers(header, source)
    frame = (
        pd.DataFrame.from_records(records, columns=header)
        if records
        else (pd.DataFrame({h: pd.Series([], dtype=object) for h in header}))
    )
    # rows above the header (a title) are not data; numbers stay as shown
    frame = as_text_frame(frame)
    rows = pd.Series(np.asarray(numbers, dtype="int64"), index=frame.index)
    return RawTable(frame, rows, problems, source, blank, title=title,
                    header_row=header_row)  # fmt: skip


# ---------------------------------------------------------------- JSON
def read_json(path: Path, limits: ReadLimits) -> dict[str, RawTable]:
    source = str(path)
    data = read_bytes(path, limits)
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise DisputeDataError(f"the file is not valid JSON: {err}", source) from err
    except RecursionError as err:
        raise DisputeDataError(
            "the file is not a table: its JSON is nested too deeply", source
        ) from err
    tables = doc if isinstance(doc, dict) and "disputes" in doc else {"disputes": doc}
    out = {}
    for name in ("disputes", "missions"):
        records = tables.get(name)
        if records is None:
            continue
        if not isinstance(records, list) or not all(
            isinstance(r, dict) for r in records
        ):
            raise DisputeDataError(
                f"{name!r} must be a list of records (objects), one per row", source
            )
        limits.check_rows(len(records), source)
        keys: dict[str, None] = {}
        for record in records:
            keys.update(dict.fromkeys(record))
            limits.check_columns(len(keys), source)
        frame = pd.DataFrame.from_records(records, columns=list(keys))
        frame = frame.astype(object).apply(_json_cells)
        out[name] = raw_from_frame(as_text_frame(frame), source)
    if "disputes" not in out:
        raise DisputeDataError("the JSON file holds no 'disputes' records", source)
    return out


def _json_cell(value: Any) -> Any:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):  # a list of causes: "payment;tone"
        return ";".join("" if v is None else str(_json_cell(v)) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float) and np.isnan(value):
        return None
    return str(value)


def _json_cells(column: pd.Series) -> pd.Series:
    if pd.api.types.infer_dtype(column, skipna=True) in ("string", "empty"):
        return column
    return column.map(_json_cell)


# ---------------------------------------------------------------- Parquet
def read_parquet(path: Path, limits: ReadLimits) -> dict[str, RawTable]:
    import pyarrow.parquet as pq

    source = str(path)
    read_bytes_size(path, limits)
    try:
        parquet = pq.ParquetFile(path)
        meta = parquet.metadata
        limits.check_rows(meta.num_rows, source)
        limits.check_columns(meta.num_columns, source)
        schema = parquet.schema_arrow
        names = [str(c).strip() for c in schema.names]
        check_headers(names, source)
        # Column by column, each turned into its pandas column before the
        # next is read: the file is never held twice in memory.
        columns = {}
        for i, name in enumerate(names):
            column = parquet.read(columns=[schema.names[i]]).column(0)
            columns[name] = _to_pandas(_parquet_column(name, column, source))
            del column
    except DisputeDataError:
        raise
    except (pa.ArrowException, OSError, ValueError) as err:
        raise DisputeDataError(f"the file is not valid Parquet: {err}", source) from err
    frame = pd.DataFrame(columns, copy=False)
    rows = pd.Series(np.arange(2, len(frame) + 2), dtype="int64")
    return {"disputes": RawTable(frame, rows, [], source)}


def _to_pandas(column: pa.ChunkedArray) -> Any:
    """One Arrow column as a pandas column, without a round trip through Python."""
    kind = column.type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        # large strings are what pandas keeps: cast once here, not per use
        return pd.arrays.ArrowStringArray(column.cast(pa.large_string()))
    if pa.types.is_date(kind) or pa.types.is_timestamp(kind):
        tz = getattr(kind, "tz", None)
        as_ns = pa.timestamp("ns", tz=tz)
        try:
            column = column.cast(as_ns)  # raises for dates beyond 1677-2262
        except pa.ArrowInvalid:
            # read as text, so that each such date is reported on its row
            return pd.arrays.ArrowStringArray(column.cast(pa.large_string()))
        return column.to_pandas()
    if pa.types.is_boolean(kind):
        values = pc.fill_null(column, False).to_numpy()
        return pd.arrays.BooleanArray(values, pc.is_null(column).to_numpy())
    return column.to_pandas()


def _parquet_column(name: str, column: pa.ChunkedArray, source: str) -> Any:
    kind = column.type
    if pa.types.is_dictionary(kind):
        column = column.cast(kind.value_type)
        kind = column.type
    if pa.types.is_binary(kind) or pa.types.is_large_binary(kind):
        try:
            return column.cast(pa.string())
        except pa.ArrowInvalid as err:
            raise DisputeDataError(
                f"the column {name!r} holds binary data, not text", source
            ) from err
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        try:
            text = column.cast(pa.list_(pa.string()))
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as err:
            raise DisputeDataError(
                f"the column {name!r} holds lists of {kind.value_type}, not text",
                source,
            ) from err
        return pc.binary_join(text, ";")
    if pa.types.is_nested(kind):
        raise DisputeDataError(
            f"the column {name!r} holds {kind}, not text, numbers or dates", source
        )
    return column
