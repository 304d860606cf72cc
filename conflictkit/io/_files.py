"""Reading raw tables from files: which reader, and cells as text.

:func:`read_raw` picks the reader by the file's suffix (text files in
:mod:`._text`, workbooks, JSON and Parquet in :mod:`._formats`) and returns
text tables keyed by table name. Typing and validation happen in
:mod:`._validate`.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from ..errors import DisputeDataError
from ._raw import (
    RawTable,
    ReadLimits,
    as_text_frame,
    raw_from_frame,
    regular_file,
)

__all__ = ["RawTable", "ReadLimits", "as_text_frame", "raw_from_frame", "read_raw"]

_TEXT_SUFFIXES = {".csv", ".tsv", ".txt", ""}
_EXCEL_SUFFIXES = {".xlsx", ".xlsm"}


#: How many of a file's first lines may be a title above the header.
TITLE_LINES = 30


def read_raw(
    path: str | Path,
    *,
    limits: ReadLimits | None = None,
    compact: bool = False,
    header_at: Callable[[list[str]], bool] | None = None,
) -> dict[str, RawTable]:
    """Read a file into text tables keyed by table name (``"disputes"``...).

    ``compact=True``: a CSV column with few distinct values may be read as a
    categorical column (see :func:`._text.read_text_table`).

    ``header_at``: does a row (its cells as text) look like the disputes
    table's header? When the first row does not, the first of the next
    :data:`TITLE_LINES` rows it accepts is taken as the header of a CSV or
    XLSX file: the lines above are a title (``Suivi des litiges 2024;;;;``,
    or a title in A1 alone), kept in the table's ``title``; row numbers stay
    those of the file. When it accepts none, or when a line above the one it
    accepts fills more cells (that line is a header the test does not know,
    not a title: a data row below it that happens to name a client and a date
    is not taken for the header), the file is read as it is.
    """
    path = Path(path)
    tables = _read_raw(path, limits=limits, compact=compact)
    first = [str(c) for c in tables["disputes"].frame.columns]
    if header_at is None or header_at(first):
        return tables
    tables["disputes"].title_searched = True
    suffix = path.suffix.lower()
    if suffix in _TEXT_SUFFIXES:
        found = _text_below_title(path, header_at, limits, compact)
        if found is not None:
            tables["disputes"] = found
    elif suffix in _EXCEL_SUFFIXES:
        from ._formats import read_excel

        found_t = read_excel(path, limits or ReadLimits(), header_at)
        if header_at(list(found_t["disputes"].frame.columns)):
            return found_t
    return tables


def _text_below_title(
    path: Path,
    header_at: Callable[[list[str]], bool],
    limits: ReadLimits | None,
    compact: bool,
) -> RawTable | None:
    """The table of a text file read from the first of its first lines that
    ``header_at`` accepts, with the file's row numbers; None if it accepts none."""
    from . import _text
    from ._encoding import decode_bytes

    data, _ = decode_bytes(path.read_bytes(), str(path))
    lines = data.split(b"\n", TITLE_LINES)
    for k, line in enumerate(lines[1:TITLE_LINES], start=1):
        text = line.decode("utf-8", errors="replace").strip()
        delimiter = max((",", ";", "\t", "|"), key=text.count)
        cells = _split(text, delimiter)
        if not header_at(cells):
            continue
        filled = sum(1 for c in cells if c.strip())
        if any(_filled(above, delimiter) > filled for above in lines[:k]):
            return None  # a line above fills more cells: it is the header
        table = _text.read_text_table(
            path, limits or ReadLimits(), compact=compact, skip_lines=k
        )
        for problem in table.problems:
            problem["row"] = problem["row"] + k
        title = []
        for n, above in enumerate(lines[:k], start=1):
            words = above.decode("utf-8", errors="replace").strip()
            words = " ".join(w for w in words.split(delimiter) if w.strip())
            if words.strip():
                title.append((n, words.strip()))
        # the blank rows below the header are skipped rows of the file
        blank = [(a + k, b + k) for a, b in table.blank]
        return RawTable(table.frame, table.rows + k, table.problems, str(path),
                        blank, table.compacted, title=title,
                        header_row=k + 1)  # fmt: skip
    return None


def _filled(line: bytes, delimiter: str) -> int:
    cells = _split(line.decode("utf-8", errors="replace").strip(), delimiter)
    return sum(1 for c in cells if c.strip())


def _split(text: str, delimiter: str) -> list[str]:
    """A line's cells; none when it is no CSV line (a stray carriage return)."""
    try:
        return next(csv.reader([text], delimiter=delimiter), [])
    except csv.Error:
        return []


def _read_raw(
    path: Path, *, limits: ReadLimits | None, compact: bool
) -> dict[str, RawTable]:
    from . import _formats, _text

    limits = limits or ReadLimits()
    regular_file(path)  # a folder, a FIFO or a device: refused before opening
    suffix = path.suffix.lower()
    if suffix in _EXCEL_SUFFIXES:
        return _formats.read_excel(path, limits)
    if suffix == ".json":
        return _formats.read_json(path, limits)
    if suffix == ".parquet":
        return _formats.read_parquet(path, limits)
    if suffix in _TEXT_SUFFIXES:
        return {"disputes": _text.read_text_table(path, limits, compact=compact)}
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
