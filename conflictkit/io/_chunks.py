"""Reading and validating a large table chunk by chunk, with the reader's rules.

:func:`raw_chunks` cuts a CSV/TSV file (at record ends, outside quotes) or a
Parquet file (by record batches) into :class:`RawTable` pieces whose row
numbers are those of the whole file; :func:`validate_chunk` types and checks
one piece with the functions :func:`conflictkit.read_history` uses
(``_validate``, ``_checks``), and splits it into typed valid rows and the
rejected rows as read. What only the whole table can tell (an id used twice
in different chunks, a dispute's mission) is checked afterwards by
:mod:`._scan`, on the typed rows.
"""

from __future__ import annotations

import codecs
import itertools
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from ..errors import DisputeDataError
from ..model import STRING_DTYPE
from ._checks import Checker, check_dates
from ._columns import ColumnMap
from ._encoding import _utf16_without_bom
from ._files import read_raw
from ._raw import RawTable, ReadLimits, raw_from_frame, regular_file
from ._text import _sniff_delimiter, quoted_fields, unclosed_quote
from ._validate import (
    _check_table_dates,
    _parse_disputes,
    _parse_missions,
    _prepare,
    _split_rejected,
)

__all__ = ["ChunkState", "raw_chunks", "validate_chunk"]

_TEXT = {".csv", ".tsv", ".txt"}


def raw_chunks(path: Path, chunk_rows: int) -> Iterator[RawTable]:
    """The table in ``path`` as consecutive raw pieces of about ``chunk_rows``."""
    regular_file(path)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        yield from _parquet_chunks(path, chunk_rows)
    elif suffix in _TEXT:
        yield from _text_chunks(path, chunk_rows)
    else:
        raise DisputeDataError(
            f"scan_history reads CSV, TSV and Parquet files, not {suffix!r}: use "
            "ck.read_history for workbooks and JSON",
            str(path),
        )


def _parquet_chunks(path: Path, chunk_rows: int) -> Iterator[RawTable]:
    import pyarrow.parquet as pq

    from ._formats import _parquet_column

    source = str(path)
    try:
        # pre_buffer (the default) keeps every column chunk read so far in
        # Arrow's pool until the file is closed (0.6 GB after 20M disputes)
        file = pq.ParquetFile(path, pre_buffer=False)
        batches = file.iter_batches(batch_size=chunk_rows)
        offset = 0
        for batch in batches:
            columns = {
                name: _parquet_column(name, pa.chunked_array([col]), source)
                for name, col in zip(batch.schema.names, batch.columns, strict=True)
            }
            frame = pa.table(columns).to_pandas(
                types_mapper={pa.string(): pd.StringDtype("pyarrow"),
                              pa.large_string(): pd.StringDtype("pyarrow")}.get
            )  # fmt: skip
            raw = raw_from_frame(frame, source)
            raw.rows = raw.rows + offset
            offset += len(frame)
            yield raw
    except (pa.ArrowException, OSError) as err:
        raise DisputeDataError(f"the file is not valid Parquet: {err}", source) from err


def _text_chunks(path: Path, chunk_rows: int) -> Iterator[RawTable]:
    """Cut the file at record ends (an even number of quotes before the cut),
    each piece read by the reader of :func:`read_history` with the header.

    A UTF-16 file (Excel's "Unicode text") is first copied as UTF-8, a block
    at a time, so the pieces are cut and read as in any other file. A piece
    never ends with an empty line (the reader drops those at a file's end,
    where they are not rows): empty lines lead the next piece, so each record
    keeps the number :func:`read_history` gives it.
    """
    source = str(path)
    with tempfile.TemporaryDirectory(prefix="conflictkit-") as tmp:
        text = _as_utf8(path, Path(tmp) / "utf8.csv", source)
        piece_path = Path(tmp) / f"piece{path.suffix.lower()}"
        with open(text, "rb") as f:
            sample = f.read(65536).decode("utf-8", errors="ignore")
            delim = _sniff_delimiter(sample, path.suffix.lower())
            f.seek(0)
            header = f.readline()
            offset = 0  # records before the piece
            rest = b""
            while True:
                block = f.readlines(max(1, chunk_rows) * 64)
                data = rest + b"".join(block)
                if not block and not data.strip(b"\r\n"):  # the line ends ending it
                    return
                cut = _cut(data, delim) if block else len(data)
                if cut == 0:  # a quote still open, or only empty lines: read on
                    rest = data
                    continue
                piece, rest = data[:cut], data[cut:]
                piece_path.write_bytes(header + piece)
                raw = read_raw(piece_path, limits=ReadLimits())["disputes"]
                raw.source = source
                n_records = _n_records(raw)
                raw.rows = raw.rows + offset
                for p in raw.problems:
                    if isinstance(p["row"], int | np.integer) and p["row"] > 0:
                        p["row"] = int(p["row"]) + offset
                raw.blank = [(a + offset, b + offset) for a, b in raw.blank]
                offset += n_records
                yield raw
                if not block and not rest:
                    return


def _as_utf8(path: Path, copy: Path, source: str) -> Path:
    """``path`` itself, or for a UTF-16 file its text copied to ``copy`` as UTF-8.

    The text is decoded a block at a time (Python's incremental decoder, so
    a character cut between two blocks is kept whole); the BOM is left out.
    """
    with open(path, "rb") as f:
        head = f.read(4096)
        if head.startswith(codecs.BOM_UTF16_LE):
            encoding, bom = "utf-16-le", len(codecs.BOM_UTF16_LE)
        elif head.startswith(codecs.BOM_UTF16_BE):
            encoding, bom = "utf-16-be", len(codecs.BOM_UTF16_BE)
        elif (bare := _utf16_without_bom(head)) is not None:
            encoding, bom = bare, 0
        else:
            return path
        f.seek(bom)
        decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
        read = 0  # bytes read after the BOM
        with open(copy, "wb") as out:
            for block in itertools.chain(iter(lambda: f.read(1 << 22), b""), [b""]):
                # the decoder keeps the bytes of a character cut at a block's end
                start = read - len(decoder.getstate()[0])
                try:
                    text = decoder.decode(block, final=not block)
                except UnicodeDecodeError as err:
                    raise DisputeDataError(
                        f"the file is not valid {encoding} text (byte "
                        f"{start + err.start}): {err.reason}",
                        source,
                    ) from err
                out.write(text.encode("utf-8"))
                read += len(block)
    return copy


def _cut(data: bytes, delim: str) -> int:
    """End of the last complete record in ``data`` that is not an empty line
    (0 if there is none).

    When every quote belongs to a quoted field (or opens the last one, still
    open), a line end outside them has an even number of quotes before it; a
    quote inside unquoted text (``27"``) breaks that count, and then the
    quoted fields are walked one by one.
    """
    if b'"' in data:
        outside = quoted_fields(delim, runs=True).sub(b"", data)  # quotes left:
        # the quote of a field still open, or quotes inside unquoted text
        strays = outside.count(b'"')
        if strays > 1 or (strays == 1 and unclosed_quote(outside, delim) < 0):
            return _cut_walking(data, quoted_fields(delim), delim)
    end = len(data)
    quotes = data.count(b'"')  # quotes before ``end``
    while end > 0:
        at = data.rfind(b"\n", 0, end)
        if at < 0:
            return 0
        quotes -= data.count(b'"', at, end)
        if quotes % 2 == 0 and _ends_record(data, at):
            return at + 1
        end = at
    return 0


def _cut_walking(data: bytes, quoted: re.Pattern[bytes], delim: str) -> int:
    """:func:`_cut` for text holding quotes outside quoted fields."""
    best = 0
    done = 0  # end of the last quoted field
    for match in quoted.finditer(data):
        best = _last_end(data, done, match.start()) or best
        done = match.end()
    # a quote opening a field that never closes: its record is incomplete
    unclosed = unclosed_quote(data, delim, done)
    return _last_end(data, done, len(data) if unclosed < 0 else unclosed) or best


def _last_end(data: bytes, start: int, end: int) -> int:
    """End of the last line end in ``data[start:end]`` that ends a record that
    is not an empty line (0 if none)."""
    while end > start:
        at = data.rfind(b"\n", start, end)
        if at < 0:
            return 0
        if _ends_record(data, at):
            return at + 1
        end = at
    return 0


def _ends_record(data: bytes, at: int) -> bool:
    """Whether the line end at ``at`` ends a line that is not empty."""
    last = at - 1 if at > 0 and data[at - 1] == 0x0D else at  # \r\n
    return last > 0 and data[last - 1] not in b"\r\n"


def _n_records(raw: RawTable) -> int:
    """Records in a piece (header not counted): its last row number - 1."""
    numbers = [int(raw.rows.max()) if len(raw.rows) else 1]
    numbers += [int(p["row"]) for p in raw.problems if pd.notna(p["row"])]
    numbers += [b for _, b in raw.blank]
    return max(numbers) - 1


@dataclass
class ChunkState:
    """What the first chunk settles for the others, and running totals."""

    table: str
    columns: dict[str, str]
    cause_map: Any
    dayfirst: bool | None
    as_of: pd.Timestamp | None
    #: {canonical: header} settled by the first chunk
    found: dict[str, str] | None = None
    notes: list[str] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    unused: list[str] = field(default_factory=list)
    generated_ids: bool = False
    n_read: int = 0


def validate_chunk(
    raw: RawTable, state: ChunkState, first_id: int, id_width: int
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Type and check one piece as ``read_history(errors="collect")`` would.

    Returns the typed valid rows (with their ``row`` number), the rejected
    rows as read (indexed by row, with ``problems``), the failures (one row
    per problem) and the ids of every row (``row``, id, kept), for the checks
    across chunks. ``first_id`` numbers generated dispute ids.
    """
    state.n_read += len(raw.rows) + len(raw.problems)
    state.n_read += sum(b - a + 1 for a, b in raw.blank)  # blank rows read too
    first = state.found is None
    columns = (
        state.columns
        if first
        else {header: name for name, header in (state.found or {}).items()}
    )
    notes: list[str] = []
    raw, colmap = _prepare(
        raw, state.table, columns, state.cause_map, None, state.skipped, notes
    )
    if first:
        state.found = dict(colmap.found)
        state.unused = list(colmap.unused)
        state.notes += notes
        if state.dayfirst is None:
            state.dayfirst = _settled_order(raw, colmap, state.table)
    else:  # the same headers map the same way; only skipped rows are news
        colmap = ColumnMap(dict(state.found or {}), {}, [])
        state.notes += [n for n in notes if "skipped" in n]
    id_col = "dispute_id" if state.table == "disputes" else "mission_id"
    checker = Checker(state.table, raw, id_col, colmap.found)
    if state.table == "disputes":
        typed, long = _parse_disputes(
            raw, colmap, state.cause_map, checker, state.dayfirst
        )
        if checker.generated_ids:
            state.generated_ids = True
            numbers = np.arange(first_id, first_id + len(typed))
            typed["dispute_id"] = pd.array(
                [f"D-{i:0{id_width}d}" for i in numbers], dtype=typed["client"].dtype
            )
        dates: tuple[str, ...] = ("opened_at", "resolved_at")
    else:
        typed = _parse_missions(raw, colmap, checker, state.dayfirst)
        long = None
        dates = ("started_at", "ended_at")
    check_dates(typed, checker, dates, state.as_of)
    failures = checker.failures(typed[id_col])
    if failures["row"].isna().any():  # a problem with the file, not a row
        raise DisputeDataError(failures.reset_index(drop=True), raw.source)
    ids = pd.DataFrame(
        {
            "row": raw.rows.to_numpy(),
            "id": typed[id_col].astype(STRING_DTYPE).to_numpy(dtype=object),
            "client": typed["client"].astype(STRING_DTYPE).to_numpy(dtype=object),
        }
    )
    kept, _, rejected = _split_rejected(typed, checker, long)
    ids["kept"] = np.isin(ids["row"].to_numpy(), rejected.index.to_numpy(), invert=True)
    kept = kept.assign(row=raw.rows.to_numpy()[_positions(typed, kept)])
    return kept, rejected, failures, ids


def _positions(typed: pd.DataFrame, kept: pd.DataFrame) -> np.ndarray:
    return np.asarray(typed.index.get_indexer(kept.index), dtype=np.intp)


def _settled_order(raw: RawTable, colmap: ColumnMap, table: str) -> bool | None:
    """The day/month order the first chunk settles, kept for the next ones."""
    names = ("opened_at", "resolved_at") if table == "disputes" else (
        "started_at", "ended_at")  # fmt: skip
    orders = _check_table_dates(raw.frame, colmap.found, names, None)
    decided = {o for o, _ in orders.values() if o is not None}
    return next(iter(decided)) if len(decided) == 1 else None
