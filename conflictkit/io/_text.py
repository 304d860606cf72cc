"""Reading delimited text files (CSV, TSV) into text tables with pyarrow.

The encoding is decided by :mod:`._encoding`, the delimiter sniffed from the
first lines; every cell is read as text. Rows that cannot be read as rows (too
many fields, an unclosed quote) are reported as problems with their row
number; blank rows (an empty line, or ``;;;;;;`` as Excel writes after the
data) are skipped and recorded, not read as disputes.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from ..errors import DisputeDataError
from ..model import STRING_DTYPE
from ._encoding import decode_bytes, legacy_bytes
from ._raw import RawTable, ReadLimits, check_headers, read_bytes, undo_formula_guard

__all__ = ["quoted_fields", "read_text_table", "unclosed_quote"]

_DELIMITERS = [",", ";", "\t", "|"]
#: pyarrow's block size when a cell is larger than its default (1 MB): the
#: whole file in one block, up to what pyarrow accepts.
_MAX_BLOCK = (1 << 31) - 1


def _sniff_delimiter(text: str, suffix: str) -> str:
    if suffix == ".tsv":
        return "\t"
    best, best_score = ",", (-1, -1)
    for delim in _DELIMITERS:
        # records as csv reads them: quoted line breaks stay inside a cell, and
        # only \r and \n end a line (not \x1c-\x1e, as str.splitlines has it)
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
        try:
            rows = [r for _, r in zip(range(50), reader, strict=False)]
        except csv.Error:
            continue
        widths = [len(r) for r in rows if any(c.strip(" ;,\t|") for c in r)]
        if not widths or widths[0] < 2:
            continue
        same = sum(w == widths[0] for w in widths)
        score = (same, widths[0])
        if score > best_score:
            best, best_score = delim, score
    return best


#: A quoted field: ``""`` inside is a quote; possessive, so a doubled quote
#: is never taken back to close the field early.
_FIELD = rb'"[^"]*+(?:""[^"]*+)*+"'


def quoted_fields(delim: str, *, runs: bool = False) -> re.Pattern[bytes]:
    """A quoted field as the reader sees one: a quote opens it only at the
    start of a field (``27" screen`` is text). ``runs=True``: quoted fields
    one after the other, as one match (fewer matches in a file that quotes
    every field)."""
    seps = re.escape(delim.encode()) + rb"\r\n"
    # the quote first, then what precedes it: re finds the quotes quickly
    first = rb'"(?<![^' + seps + rb']")' + _FIELD[1:]
    if runs:
        return re.compile(first + rb"(?:[" + seps + rb"]++" + _FIELD + rb")*+")
    return re.compile(first)


def unclosed_quote(data: bytes, delim: str, start: int = 0) -> int:
    """Where a quote opens a field in ``data[start:]`` and never closes (-1 if
    none): quotes inside unquoted text (``27"``) open nothing."""
    quoted = quoted_fields(delim)
    done = start
    for match in quoted.finditer(data, start):
        done = match.end()
    opening = quoted.pattern[: quoted.pattern.index(b")") + 1]  # '"(?<!...)'
    found = re.compile(opening).search(data, done)
    return -1 if found is None else found.start()


def _blank_ranges(numbers: np.ndarray) -> list[tuple[int, int]]:
    """Sorted row numbers as ``(first, last)`` runs."""
    if not len(numbers):
        return []
    breaks = np.flatnonzero(np.diff(numbers) != 1)
    starts = np.concatenate([[0], breaks + 1])
    ends = np.concatenate([breaks, [len(numbers) - 1]])
    pairs = zip(starts, ends, strict=True)
    return [(int(numbers[s]), int(numbers[e])) for s, e in pairs]


def _last_record_end(data: bytes) -> int:
    """Where the text ends, line ends after the last record left out."""
    end = len(data)
    while end and data[end - 1] in b"\r\n":
        end -= 1
    return end


def read_text_table(
    path: Path, limits: ReadLimits, *, compact: bool = False, skip_lines: int = 0
) -> RawTable:
    """Read a delimited text file into a text table (pyarrow, all strings).

    With ``compact=True``, a column with few distinct values (dates, labels)
    is kept as codes of them, block by block as the file is parsed, so the
    text of the whole file is never held at once; it is a categorical column
    of the frame, restored as text for the rejected rows.

    ``skip_lines``: the header is on that line (0-based) of the decoded text,
    the lines above it (a title) are not read; row numbers then count from
    it, and the caller adds ``skip_lines`` back.
    """
    source = str(path)
    data, encoding = decode_bytes(read_bytes(path, limits), source)
    for _ in range(skip_lines):
        data = data[data.index(b"\n") + 1 :]
    # Line ends after the last record are not rows (spaces or tabs are: the
    # last record may end with empty cells): parsed up to the last record,
    # through a view of the bytes, not a copy of them.
    end = _last_record_end(data)
    if end > limits.max_rows:  # a smaller file cannot have too many rows
        limits.check_rows(data.count(b"\n", 0, end), source)
    sample = data[:65536].decode("utf-8", errors="ignore")
    delim = _sniff_delimiter(sample, path.suffix.lower())
    try:
        header_line = next(
            csv.reader(io.StringIO(sample, newline=""), delimiter=delim), []
        )
    except csv.Error as err:
        raise DisputeDataError(f"the header row cannot be read: {err}", source) from err
    names = [h.strip() for h in header_line]
    if not any(names):
        raise DisputeDataError("the file has no header row", source)
    limits.check_columns(len(names), source)
    # a header cell left empty (";;" at its end): named by position for now
    names = [n or f"(column {i + 1})" for i, n in enumerate(names)]
    check_headers(names, source)
    invalid: list[pacsv.InvalidRow] = []
    blank_extra: list[int] = []

    def on_invalid(row: pacsv.InvalidRow) -> str:
        if not row.text.strip(delim + " \t\r\n"):
            # ";;;;;;" wider than the header: a blank row (its number is known
            # only when parsing single-threaded; -1 asks for that pass)
            blank_extra.append(row.number if row.number is not None else -1)
            return "skip"
        invalid.append(row)
        return "skip"

    def parse(threads: bool, block_size: int | None = None) -> pa.Table:
        read = pacsv.ReadOptions(use_threads=threads, column_names=names, skip_rows=1)
        if block_size is not None:
            read.block_size = block_size
        reader = pacsv.open_csv(
            pa.BufferReader(pa.py_buffer(memoryview(data)[:end])),
            read_options=read,
            parse_options=pacsv.ParseOptions(
                delimiter=delim,
                newlines_in_values=True,
                ignore_empty_lines=False,
                invalid_row_handler=on_invalid,
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.large_string() for n in names},  # pandas' own
                null_values=[""],
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
            ),
        )
        return _blocks(reader, names) if compact else reader.read_all()

    block: int | None = None
    try:
        for attempt in range(3):
            try:
                table = parse(True, block)
                break
            except pa.ArrowInvalid as err:
                invalid.clear()
                blank_extra.clear()
                if "straddling" in str(err) and block is None:
                    block = min(end + 1, _MAX_BLOCK)  # a cell over 1 MB
                elif "UTF8" in str(err) and encoding == "utf-8" and attempt < 2:
                    data, encoding = legacy_bytes(data[:end], source)
                    end = _last_record_end(data)
                else:
                    raise
        if invalid or blank_extra:  # parse again, single-threaded, for row numbers
            invalid.clear()
            blank_extra.clear()
            table = parse(False, block)
    except pa.ArrowInvalid as err:
        raise DisputeDataError(
            f"the file cannot be read as a table: {err}", source
        ) from err
    return _assemble(table, invalid, blank_extra, data, delim, source)


#: The fewest rows a first block must have for its columns to be kept as codes.
COMPACT_FROM = 64


def _blocks(reader: pacsv.CSVStreamingReader, names: list[str]) -> pa.Table:
    """The file block by block: columns with few distinct values (decided on
    the first block) dictionary-encoded as they come."""
    chunks: list[list[pa.Array]] = [[] for _ in names]
    encode: list[bool] | None = None
    for batch in reader:
        if encode is None:
            encode = [
                len(batch) >= COMPACT_FROM
                and pc.count_distinct(batch.column(i)).as_py() <= len(batch) // 4
                for i in range(len(names))
            ]
        for i, column in enumerate(batch.columns):
            chunks[i].append(pc.dictionary_encode(column) if encode[i] else column)
        del batch
    kinds = [
        pa.dictionary(pa.int32(), pa.large_string()) if encode and encode[i]
        else pa.large_string()
        for i in range(len(names))
    ]  # fmt: skip
    return pa.table(
        [pa.chunked_array(c, type=t) for c, t in zip(chunks, kinds, strict=True)],
        names=names,
    ).unify_dictionaries()


def _column(column: pa.ChunkedArray) -> Any:
    if pa.types.is_dictionary(column.type):
        return column.to_pandas()  # a Categorical of the distinct texts
    return pd.arrays.ArrowStringArray(column)


def _assemble(
    table: pa.Table,
    invalid: list[pacsv.InvalidRow],
    blank_extra: list[int],
    data: bytes,
    delim: str,
    source: str,
) -> RawTable:
    frame = pd.DataFrame(
        {name: _column(table.column(i)) for i, name in enumerate(table.column_names)},
        copy=False,
    )
    compacted = {
        name: STRING_DTYPE
        for name in frame.columns
        if isinstance(frame[name].dtype, pd.CategoricalDtype)
    }
    del table
    frame = undo_formula_guard(frame)
    problems: list[dict] = []
    # Spreadsheet row numbers: records are numbered from 2 (the header is 1);
    # the invalid ones are skipped in ``frame`` and reported as problems.
    n_total = len(frame) + len(invalid) + len(blank_extra)
    bad_numbers = list(blank_extra)
    for k, row in enumerate(invalid):
        number = row.number if row.number is not None else -(k + 1)
        bad_numbers.append(number)
        problems.append(
            {"row": number, "column": pd.NA, "value": row.text[:200],
             "problem": _invalid_problem(row, delim)}
        )  # fmt: skip
    if (
        data.count(b'"') % 2 == 1
        and unclosed_quote(data, delim) >= 0  # not a 27" in a cell
        and len(frame)
        and not any("unclosed quote" in p["problem"] for p in problems)
    ):
        # An odd number of quotes: a quote opened in the last record ran to the
        # end of the file and swallowed what followed.
        last = frame.iloc[-1]
        text = delim.join("" if pd.isna(v) else str(v) for v in last)
        lines = text.count("\n") + 1  # the line ends of the rows it swallowed
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
    # blank rows: every cell empty or spaces
    empty = frame.isna().all(axis=1) if len(frame.columns) else None
    if empty is not None and empty.any():
        blank_extra = sorted([*blank_extra, *rows[empty].tolist()])
        frame, rows = frame[~empty], rows[~empty]
    # columns without a header and without a value: not columns at all
    unnamed = [c for c in frame.columns if c.startswith("(column ")]
    frame = frame.drop(columns=[c for c in unnamed if frame[c].isna().all()])
    return RawTable(
        frame.reset_index(drop=True),
        rows.reset_index(drop=True),
        problems,
        source,
        _blank_ranges(np.asarray(sorted(blank_extra), dtype=np.int64)),
        {k: v for k, v in compacted.items() if k in frame.columns},
    )


def _invalid_problem(row: pacsv.InvalidRow, delim: str) -> str:
    text = row.text
    if row.actual_columns < row.expected_columns and "\n" in text:
        lines = text.count("\n") + 1
        return (
            f"unclosed quote: this row runs into the next {lines - 1} lines of "
            "the file, which could not be read as rows. Close the quote (or "
            'double a quote inside a cell: "")'
        )
    if row.actual_columns > row.expected_columns:
        return (
            f"{row.actual_columns} fields where the header has "
            f"{row.expected_columns}: a stray {delim!r} in a cell? Quote the cell"
        )
    if row.actual_columns == 1:
        return f"1 field where the header has {row.expected_columns}"
    return f"{row.actual_columns} fields where the header has {row.expected_columns}"
