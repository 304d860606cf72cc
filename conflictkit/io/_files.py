"""Reading raw tables from files: encodings, delimiters, formats.

Everything here returns text tables (every cell a string or missing), with a
``row`` Series giving each record's row number as a spreadsheet shows it
(header = row 1), plus the structural problems found (a row with too many
fields, an unclosed quote). Typing and validation happen in :mod:`io`.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from ..errors import DisputeDataError

__all__ = ["RawTable", "read_raw"]

_TEXT_SUFFIXES = {".csv", ".tsv", ".txt", ""}
_EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
_DELIMITERS = [",", ";", "\t", "|"]


@dataclass
class RawTable:
    """A table as read: text cells, spreadsheet row numbers, structural problems."""

    frame: pd.DataFrame
    rows: pd.Series
    problems: list[dict] = field(default_factory=list)
    source: str = ""


def read_raw(path: str | Path, *, sheet: str | None = None) -> dict[str, RawTable]:
    """Read a file into text tables keyed by table name (``"disputes"``...)."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"No such file: {str(path)!r}")
    if path.is_dir():
        raise DisputeDataError(f"{str(path)!r} is a folder, not a file", str(path))
    suffix = path.suffix.lower()
    if suffix in _EXCEL_SUFFIXES:
        return _read_excel(path)
    if suffix == ".json":
        return _read_json(path)
    if suffix == ".parquet":
        return _read_parquet(path)
    if suffix in _TEXT_SUFFIXES:
        return {"disputes": read_text_table(path)}
    if suffix == ".xls":
        raise DisputeDataError(
            "the old .xls format is not supported: save the workbook as .xlsx "
            "or export it to CSV",
            str(path),
        )
    raise DisputeDataError(
        f"unknown file type {suffix!r}: expected .csv, .tsv, .txt, .xlsx, .json "
        "or .parquet",
        str(path),
    )


# ----------------------------------------------------------------- text files
def _decode(data: bytes, source: str) -> tuple[bytes, str]:
    """Return the content as UTF-8 bytes and the encoding it was read with."""
    if not data or data.isspace():
        raise DisputeDataError("the file is empty", source)
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :], "utf-8-sig"
    for bom, enc in (
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return _transcode(data[len(bom) :], enc, source), "utf-16"
    head = data[:4096]
    if b"\x00" in head and len(head) > 1:
        # UTF-16 without a BOM: every other byte of ASCII text is NUL.
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if odd > 0.3 * len(head) / 2 and even == 0:
            return _transcode(data, "utf-16-le", source), "utf-16-le"
        if even > 0.3 * len(head) / 2 and odd == 0:
            return _transcode(data, "utf-16-be", source), "utf-16-be"
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise DisputeDataError(
            f"the file contains NUL bytes (first at byte {nul}, line {line}): it "
            "is binary or damaged, not a text table. Export it again as CSV "
            "(UTF-8) or XLSX.",
            source,
        )
    try:
        # Only the start is checked here: pyarrow checks the rest as it parses,
        # and read_text_table comes back to _legacy_decode if that fails.
        data[:65536].decode("utf-8")
        return data, "utf-8"
    except UnicodeDecodeError as err:
        if err.start >= 65536 - 4:  # a character cut at the end of the sample
            return data, "utf-8"
    return _legacy_decode(data, source)


def _legacy_decode(data: bytes, source: str) -> tuple[bytes, str]:
    """Text that is not UTF-8: a Windows or Mac code page, told by its bytes."""
    controls = sum(data[:4096].count(bytes([b])) for b in range(1, 9))
    if controls > 0.05 * min(len(data), 4096):
        raise DisputeDataError(
            "the file looks binary (many control bytes), not a text table", source
        )
    from charset_normalizer import from_bytes

    best = from_bytes(
        data[:65536], cp_isolation=["cp1252", "latin_1", "mac_roman", "cp850"]
    ).best()
    encoding = best.encoding if best is not None else "cp1252"
    return _transcode(data, encoding, source), encoding


def _transcode(data: bytes, encoding: str, source: str) -> bytes:
    try:
        return data.decode(encoding).encode("utf-8")
    except UnicodeDecodeError as err:
        raise DisputeDataError(
            f"the file is not valid {encoding} text (byte {err.start}): {err.reason}",
            source,
        ) from err


def _sniff_delimiter(text: str, suffix: str) -> str:
    if suffix == ".tsv":
        return "\t"
    lines = [ln for ln in text.splitlines()[:50] if ln.strip()]
    best, best_score = ",", (-1, -1)
    for delim in _DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(lines, delimiter=delim)]
        except csv.Error:
            continue
        if not widths or widths[0] < 2:
            continue
        same = sum(w == widths[0] for w in widths)
        score = (same, widths[0])
        if score > best_score:
            best, best_score = delim, score
    return best


def read_text_table(path: Path) -> RawTable:
    """Read a delimited text file into a text table (pyarrow, all strings)."""
    source = str(path)
    data, encoding = _decode(path.read_bytes(), source)
    sample = data[:65536].decode("utf-8", errors="ignore")
    delim = _sniff_delimiter(sample, path.suffix.lower())
    try:
        header_line = next(
            csv.reader(io.StringIO(sample, newline=""), delimiter=delim), []
        )
    except csv.Error as err:
        raise DisputeDataError(f"the header row cannot be read: {err}", source) from err
    names = [h.strip() for h in header_line]
    problems: list[dict] = []
    if not any(names):
        raise DisputeDataError("the file has no header row", source)
    _check_headers(names, source)
    invalid: list[pacsv.InvalidRow] = []

    def on_invalid(row: pacsv.InvalidRow) -> str:
        invalid.append(row)
        return "skip"

    def parse(threads: bool) -> pa.Table:
        return pacsv.read_csv(
            io.BytesIO(data),
            read_options=pacsv.ReadOptions(
                use_threads=threads, column_names=names, skip_rows=1
            ),
            parse_options=pacsv.ParseOptions(
                delimiter=delim, newlines_in_values=True, invalid_row_handler=on_invalid
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                null_values=[""],
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
            ),
        )

    try:
        try:
            table = parse(True)
        except pa.ArrowInvalid as err:
            if "UTF8" not in str(err) or encoding != "utf-8":
                raise
            invalid.clear()
            data, encoding = _legacy_decode(data, source)
            table = parse(True)
        if invalid:  # parse again, single-threaded, to learn their row numbers
            invalid.clear()
            table = parse(False)
    except pa.ArrowInvalid as err:
        raise DisputeDataError(
            f"the file cannot be read as a table: {err}", source
        ) from err
    frame = pd.DataFrame(
        {
            name: pd.arrays.ArrowStringArray(table.column(i))
            for i, name in enumerate(table.column_names)
        }
    )
    frame = _undo_formula_guard(frame)
    # Spreadsheet row numbers: records are numbered from 2 (the header is 1);
    # the invalid ones are skipped in ``frame`` and reported as problems.
    n_total = len(frame) + len(invalid)
    bad_numbers = []
    for k, row in enumerate(invalid):
        number = row.number if row.number is not None else -(k + 1)
        bad_numbers.append(number)
        text = row.text
        if row.actual_columns < row.expected_columns and "\n" in text:
            lines = text.count("\n") + 1
            problem = (
                f"unclosed quote: this row runs into the next {lines - 1} lines of "
                "the file, which could not be read as rows. Close the quote (or "
                'double a quote inside a cell: "")'
            )
        elif row.actual_columns > row.expected_columns:
            problem = (
                f"{row.actual_columns} fields where the header has "
                f"{row.expected_columns}: a stray {delim!r} in a cell? Quote the cell"
            )
        else:
            problem = (
                f"{row.actual_columns} fields where the header has "
                f"{row.expected_columns}"
            )
        problems.append(
            {"row": number, "column": pd.NA, "value": text[:200], "problem": problem}
        )
    if (
        data.count(b'"') % 2 == 1
        and len(frame)
        and not any("unclosed quote" in p["problem"] for p in problems)
    ):
        # An odd number of quotes: a quote opened in the last record ran to the
        # end of the file and swallowed what followed.
        last = frame.iloc[-1]
        text = delim.join("" if pd.isna(v) else str(v) for v in last)
        lines = text.count("\n")
        problems.append(
            {"row": n_total + 1, "column": pd.NA, "value": text[:200],
             "problem": f"unclosed quote: this row runs to the end of the file "
             f"({lines} more lines), which could not be read as rows. Close the "
             'quote (or double a quote inside a cell: "")'}
        )  # fmt: skip
        frame = frame.iloc[:-1]
        bad_numbers.append(n_total + 1)
    all_numbers = np.arange(2, n_total + 2)
    skipped = [b for b in bad_numbers if b > 0]
    kept = np.setdiff1d(all_numbers, skipped)[: len(frame)] if skipped else all_numbers
    rows = pd.Series(kept, index=frame.index, dtype="int64")
    return RawTable(frame, rows, problems, source)


#: What ``write_history`` guards with an apostrophe (see ``_defuse_formulas``).
_RISKY = r"[=+\-@\t\r']"


def _unguard(text: pd.Series) -> pd.Series:
    """``text`` without the apostrophes ``write_history`` put before the cell
    and before each line that starts like a formula."""
    text = text.astype(pd.StringDtype("pyarrow"))
    if not text.str.startswith("'").any():
        return text
    inner = text.str.contains(rf"[\r\n]'{_RISKY}", na=False)
    guarded = text.str.match(rf"^'{_RISKY}", na=False) | (
        text.str.startswith("'", na=False) & inner
    )
    if not guarded.any():
        return text
    python = text[guarded].astype(pd.StringDtype("python")).str.slice(1)
    done = python.str.replace(rf"([\r\n])'(?={_RISKY})", r"\1", regex=True)
    return text.mask(guarded, done.astype(text.dtype))


def _undo_formula_guard(frame: pd.DataFrame) -> pd.DataFrame:
    """Remove the apostrophes ``write_history`` puts in formula-like cells
    and headers."""
    for col in frame.columns:
        s = frame[col]
        if not (isinstance(s.dtype, pd.StringDtype) or s.dtype == object):
            continue
        text = s.astype(pd.StringDtype("pyarrow"))
        if not text.str.startswith("'").any():
            continue
        done = _unguard(text)
        changed = done.ne(text).fillna(False).astype(bool)
        if changed.any():
            frame[col] = s.mask(changed, done)
    names = [str(c) for c in frame.columns]
    if any(n.startswith("'") for n in names):
        frame.columns = _unguard(pd.Series(names, dtype=object)).tolist()
    return frame


_XLSX_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _xlsx_unescape(frame: pd.DataFrame) -> pd.DataFrame:
    """Characters an XLSX file holds as ``_xHHHH_`` (as Excel writes them)."""

    def unescape(value: object) -> object:
        if isinstance(value, str) and "_x" in value:
            return _XLSX_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)
        return value

    out = frame.copy()
    for col in out.columns:
        s = out[col]
        if s.dtype == object:
            has = s.map(lambda v: isinstance(v, str) and "_x" in v)
            if has.any():
                out[col] = s.mask(has, s[has].map(unescape))
    out.columns = [unescape(str(c)) for c in out.columns]
    return out


def _check_headers(names: list[str], source: str) -> None:
    seen: dict[str, int] = {}
    for i, name in enumerate(names):
        if name in seen:
            raise DisputeDataError(
                f"the header has the column {name!r} twice (columns {seen[name] + 1} "
                f"and {i + 1}): rename one of them",
                source,
            )
        seen[name] = i


def _as_text_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Cells as text, as a spreadsheet shows them (dates keep their type)."""
    out = {}
    for col in frame.columns:
        s = frame[col]
        if pd.api.types.is_datetime64_any_dtype(s.dtype):
            out[str(col)] = s
        elif s.dtype == object and pd.api.types.infer_dtype(s, skipna=True) == "string":
            out[str(col)] = s  # text already: no per-cell pass
        elif s.dtype == object:
            out[str(col)] = s.map(
                lambda v: (
                    v
                    if v is None or isinstance(v, str) or hasattr(v, "year")
                    else (v if pd.isna(v) else str(v))
                ),
                na_action="ignore",
            )
        else:
            out[str(col)] = s.astype("string")
    return _undo_formula_guard(pd.DataFrame(out, index=frame.index))


def _raw_from_frame(frame: pd.DataFrame, source: str) -> RawTable:
    names = [str(c).strip() for c in frame.columns]
    _check_headers(names, source)
    frame = frame.copy()
    frame.columns = names
    frame = frame.reset_index(drop=True)
    rows = pd.Series(np.arange(2, len(frame) + 2), index=frame.index, dtype="int64")
    return RawTable(frame, rows, [], source)


# ----------------------------------------------------------------- other formats
def _read_excel(path: Path) -> dict[str, RawTable]:
    source = str(path)
    try:
        # only empty cells are missing: "NA", "null" or "None" typed in a cell
        # are text, as the CSV reader keeps them
        sheets = pd.read_excel(
            path, sheet_name=None, dtype=object, keep_default_na=False
        )
        sheets = {name: _xlsx_unescape(frame) for name, frame in sheets.items()}
    except Exception as err:  # openpyxl raises many kinds on damaged files
        raise DisputeDataError(
            f"the workbook cannot be read: {type(err).__name__}: {err}", source
        ) from err
    if not sheets:
        raise DisputeDataError("the workbook has no sheet", source)
    by_name = {name.strip().casefold(): frame for name, frame in sheets.items()}
    out = {}
    for table, aliases in (
        ("disputes", ("disputes", "litiges", "disputes.csv")),
        ("missions", ("missions", "missions.csv")),
    ):
        for alias in aliases:
            if alias in by_name:
                out[table] = _raw_from_frame(
                    _as_text_frame(by_name[alias]), f"{source} [{alias}]"
                )
                break
    if "disputes" not in out:
        first = next(iter(sheets.values()))
        out["disputes"] = _raw_from_frame(_as_text_frame(first), source)
    return out


def _read_json(path: Path) -> dict[str, RawTable]:
    source = str(path)
    try:
        doc = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise DisputeDataError(f"the file is not valid JSON: {err}", source) from err
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
        frame = pd.DataFrame.from_records(records)
        out[name] = _raw_from_frame(_as_text_frame(frame), source)
    if "disputes" not in out:
        raise DisputeDataError("the JSON file holds no 'disputes' records", source)
    return out


def _read_parquet(path: Path) -> dict[str, RawTable]:
    source = str(path)
    try:
        frame = pd.read_parquet(path)
    except Exception as err:  # pyarrow raises ArrowInvalid, OSError...
        raise DisputeDataError(f"the file is not valid Parquet: {err}", source) from err
    return {"disputes": _raw_from_frame(frame, source)}
