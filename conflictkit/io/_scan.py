"""Out-of-core histories: validate in chunks, keep the rows on disk, query with DuckDB.

:func:`scan_history` reads CSV or Parquet files chunk by chunk, validates each
chunk with the rules of :func:`conflictkit.read_history` (:mod:`._chunks`),
checks what needs the whole table (ids used twice, disputes' missions) with
DuckDB on the typed rows, and keeps the valid rows in a Parquet file in a
temporary folder. The analyses that accept a :class:`ScanHistory` ask DuckDB
for the few aggregates they need and run their usual statistics on them.
DuckDB is an optional dependency: ``pip install "conflictkit[scale]"``.
"""

from __future__ import annotations

import glob
import os
import shutil
import tempfile
import warnings
import weakref
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import ConflictkitWarning, DisputeDataError
from ..model import DISPUTE_COLUMNS, MISSION_COLUMNS, History
from . import _cross
from ._chunks import ChunkState, raw_chunks, validate_chunk
from ._columns import check_columns_argument
from ._cross import MEMORY_LIMIT, connect
from ._progress import RowsBar

__all__ = ["ScanHistory", "engine", "scan_history"]

#: The most problems collected before giving up when ``rejected`` is not given.
_MAX_FAILURES = 1000

_ARROW_TYPES: dict[str, pa.DataType] = {
    "float64": pa.float64(),
    "Int64": pa.int64(),
    "boolean": pa.bool_(),
}


def engine() -> Any:
    """The ``duckdb`` module, or an ImportError saying how to install it."""
    try:
        import duckdb
    except ImportError as err:
        raise ImportError(
            "scan_history needs DuckDB, an optional dependency: install it with "
            'pip install "conflictkit[scale]" (or pip install duckdb). To work in '
            "memory instead, use ck.read_history."
        ) from err
    return duckdb


def _schema(canonical: dict[str, Any], extras: Sequence[str]) -> pa.Schema:
    fields = []
    for name, dtype in canonical.items():
        if isinstance(dtype, np.dtype):
            kind: pa.DataType = pa.timestamp("ns")
        else:
            kind = _ARROW_TYPES.get(str(dtype), pa.string())
        fields.append(pa.field(name, kind))
    fields += [pa.field(name, pa.string()) for name in extras]
    fields.append(pa.field("row", pa.int64()))
    fields.append(pa.field("file", pa.int32()))
    return pa.schema(fields)


def _arrow_table(frame: pd.DataFrame, schema: pa.Schema) -> pa.Table:
    columns = []
    for f in schema:
        s = frame[f.name] if f.name in frame.columns else pd.Series(
            [None] * len(frame), dtype=object)  # fmt: skip
        if pa.types.is_string(f.type) and not pd.api.types.is_string_dtype(s.dtype):
            s = s.astype("string")
        elif pa.types.is_timestamp(f.type):
            s = pd.to_datetime(s).astype("datetime64[ns]")
        columns.append(pa.array(s, type=f.type, from_pandas=True))
    return pa.Table.from_arrays(columns, schema=schema)


def _files(spec: Any, what: str) -> list[Path]:
    """A path, a glob (``"exports/*.parquet"``) or a list of them."""
    specs = [spec] if isinstance(spec, str | os.PathLike) else list(spec)
    out: list[Path] = []
    for item in specs:
        text = str(item)
        if any(ch in text for ch in "*?["):
            hits = sorted(glob.glob(text))
            if not hits:
                raise FileNotFoundError(f"No file matches {text!r} ({what})")
            out += [Path(h) for h in hits]
        else:
            out.append(Path(text))
    if not out:
        raise ValueError(f"The value for `{what}` names no file.")
    for p in out:
        if not p.exists():
            raise FileNotFoundError(f"No such file: {str(p)!r}")
    return out


class _Table:
    """One table read in chunks: typed rows and ids to Parquet, rejected rows."""

    def __init__(self, name: str, files: list[Path], workdir: Path, state: ChunkState):
        self.name = name
        self.files = files
        self.state = state
        self.typed = workdir / f"{name}_checked.parquet"
        self.ids = workdir / f"{name}_ids.parquet"
        self.failures: list[pd.DataFrame] = []
        self.n_failures = 0
        self.n_rejected = 0
        self.rejected_frames: list[pd.DataFrame] = []
        self.headers: list[str] = []

    def run(
        self, chunk_rows: int, rejected: Path | None, id_width: int, bar: RowsBar
    ) -> None:
        writer = id_writer = None
        next_id = 1
        header_written = False
        try:
            for number, path in enumerate(self.files):
                for raw in raw_chunks(path, chunk_rows):
                    if not self.headers:
                        self.headers = [str(c) for c in raw.frame.columns]
                    n_read = self.state.n_read
                    kept, bad, fails, ids = validate_chunk(
                        raw, self.state, next_id, id_width
                    )
                    bar.step(self.state.n_read - n_read)
                    next_id += len(ids)
                    if writer is None:
                        canonical = (
                            DISPUTE_COLUMNS if self.name == "disputes"
                            else MISSION_COLUMNS
                        )  # fmt: skip
                        extras = [c for c in kept.columns
                                  if c not in canonical and c != "row"]  # fmt: skip
                        schema = _schema(canonical, extras)
                        writer = pq.ParquetWriter(self.typed, schema)
                        id_schema = pa.schema(
                            [("row", pa.int64()), ("id", pa.string()),
                             ("client", pa.string()), ("kept", pa.bool_()),
                             ("file", pa.int32())]
                        )  # fmt: skip
                        id_writer = pq.ParquetWriter(self.ids, id_schema)
                    assert id_writer is not None
                    writer.write_table(
                        _arrow_table(kept.assign(file=number), writer.schema)
                    )
                    id_writer.write_table(
                        _arrow_table(ids.assign(file=number), id_writer.schema)
                    )
                    if len(bad):
                        self.n_rejected += len(bad)
                        if rejected is None:
                            if self.n_failures < _MAX_FAILURES:
                                self.failures.append(fails)
                            self.n_failures += len(fails)
                        else:
                            out = _rejected_rows(bad, path, self.headers)
                            out.to_csv(
                                rejected, mode="a" if header_written else "w",
                                header=not header_written, index=False,
                            )  # fmt: skip
                            header_written = True
        finally:
            if writer is not None:
                writer.close()
            if id_writer is not None:
                id_writer.close()
            # the chunks' buffers are freed, but Arrow's allocator keeps their
            # pages (0.25 GB after 10 chunks) beside DuckDB's for the checks
            pa.default_memory_pool().release_unused()
        if writer is None:
            raise DisputeDataError("the table has no rows", str(self.files[0]))


def _rejected_rows(bad: pd.DataFrame, path: Path, headers: list[str]) -> pd.DataFrame:
    """Rejected rows as read, with their file, row number and problems."""
    cells = bad.reindex(columns=[*headers, "_raw_line"])
    out = pd.DataFrame(
        {
            "file": str(path),
            "row": bad.index.to_numpy(),
            "problems": bad["problems"].to_numpy(),
        }
    )
    for c in cells.columns:
        out[c] = cells[c].astype("string").to_numpy(dtype=object)
    return out


class ScanHistory:
    """A dispute history kept on disk and analysed out of core (DuckDB).

    Made by :func:`conflictkit.scan_history`; the analyses that accept it
    (``cause_counts``, ``cause_trend``, ``trend_summary``, ``dispute_rates``,
    ``recurring_causes``, ``time_to_resolution``, ``outcomes_by_cause``,
    ``client_profiles``) return the same frames as on the history in memory.
    For the others, :meth:`collect` brings a filtered part into memory.

    Attributes
    ----------
    as_of : pandas.Timestamp
        Open disputes are right-censored at this date.
    n_read, n_rejected : int
        Dispute rows read and rejected (rows read = kept + rejected + skipped).
    n_rejected_missions : int
        Mission rows rejected.
    rejected_path : Path or None
        The file the rejected rows were written to.
    skipped : dict
        Rows read that are not disputes, by reason (blank rows, total rows).
    unused_columns : tuple of str
        Headers neither mapped nor recognised (kept as text).
    source : str
        What was read.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> import conflictkit as ck
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "log.csv"
    >>> _ = ck.write_history(ck.load_example(), path)
    >>> scan = ck.scan_history(path, as_of="2026-01-01")
    >>> len(scan), scan.n_read, scan.n_rejected
    (203, 203, 0)
    >>> part = scan.collect(where="client = 'Nova Voyages'")
    >>> len(part)
    13
    >>> scan.close()
    """

    def __init__(
        self,
        workdir: Path,
        *,
        disputes: Path,
        missions: Path | None,
        as_of: pd.Timestamp,
        counts: dict[str, Any],
        owned: bool,
    ) -> None:
        self.workdir = workdir
        self.disputes_path = disputes
        self.missions_path = missions
        self.as_of = as_of
        self.source: str = counts["source"]
        self.n_read: int = counts["n_read"]
        self.n_rejected: int = counts["n_rejected"]
        self.n_rejected_missions: int = counts["n_rejected_missions"]
        self.rejected_path: Path | None = counts["rejected_path"]
        self.skipped: dict[str, int] = counts["skipped"]
        self.unused_columns: tuple[str, ...] = counts["unused"]
        self.generated_ids: bool = counts["generated_ids"]
        #: DuckDB's memory for one query (it spills to disk beyond)
        self.memory_limit = MEMORY_LIMIT
        self._missions: pd.DataFrame | None = None
        self._len: int | None = None
        self._finalizer = (
            weakref.finalize(self, shutil.rmtree, str(workdir), True) if owned else None
        )

    # ------------------------------------------------------------ engine
    def connect(self) -> Any:
        """A DuckDB connection with views ``disputes``, ``causes``, ``missions``."""
        con = connect(engine(), self.workdir)
        con.execute(f"SET memory_limit = '{self.memory_limit}'")
        con.execute(
            "CREATE VIEW disputes AS SELECT * FROM "
            f"read_parquet('{self.disputes_path}')"
        )
        # one row per (dispute, cause it cites); causes hold "payment;tone"
        con.execute(
            "CREATE VIEW causes AS SELECT *, unnest(string_split(causes, ';')) "
            "AS cause FROM disputes WHERE causes IS NOT NULL"
        )
        if self.missions_path is not None:
            con.execute(
                "CREATE VIEW missions AS SELECT * FROM "
                f"read_parquet('{self.missions_path}')"
            )
        return con

    def query(self, sql: str) -> pd.DataFrame:
        """Run ``sql`` on the views ``disputes``, ``causes`` and ``missions``."""
        con = self.connect()
        try:
            table = con.sql(sql).to_arrow_table()
        finally:
            con.close()
        return table.to_pandas()

    @property
    def has_missions(self) -> bool:
        """Whether exposure (missions) is known."""
        return self.missions is not None and len(self.missions) > 0

    @property
    def missions(self) -> pd.DataFrame | None:
        """The missions, in memory (one row per engagement: far fewer than disputes)."""
        if self.missions_path is None:
            return None
        if self._missions is None:
            from ._validate import _fill_days

            m = _typed(pq.read_table(self.missions_path), MISSION_COLUMNS)
            self._missions = _fill_days(m, self.as_of).reset_index(drop=True)
        return self._missions

    def __len__(self) -> int:
        if self._len is None:
            self._len = int(self.query("SELECT count(*) AS n FROM disputes")["n"][0])
        return self._len

    def __repr__(self) -> str:
        parts = [f"{len(self):,} disputes on disk"]
        if self.missions is not None:
            parts.append(f"{len(self.missions):,} missions")
        if self.n_rejected:
            parts.append(f"{self.n_rejected:,} rejected rows")
        as_of = "NaT" if pd.isna(self.as_of) else self.as_of.date().isoformat()
        return f"<ScanHistory: {', '.join(parts)}, as of {as_of}>"

    def collect(self, where: str | None = None) -> History:
        """Bring the disputes ``where`` selects into memory, as a :class:`History`.

        Parameters
        ----------
        where : str, optional
            A SQL condition on the canonical columns, e.g.
            ``"client = 'Acme'"`` or ``"opened_at >= DATE '2024-01-01'"``.
            Without it, every dispute (mind the memory).

        Returns
        -------
        History
            The selected disputes, the missions of their clients, the same
            ``as_of``.
        """
        sql = "SELECT * FROM disputes" + (f" WHERE {where}" if where else "")
        sql += " ORDER BY file, row"
        d = self.query(sql)
        d = d.drop(columns=["row", "file", "primary_cause"], errors="ignore")
        m = self.missions
        if m is not None and where:
            m = m[m["client"].isin(d["client"].dropna().unique())]
        return History.from_frames(d, m, as_of=self.as_of)

    def close(self) -> None:
        """Remove the temporary files now (also done when the object goes)."""
        if self._finalizer is not None:
            self._finalizer()


def _typed(table: pa.Table, canonical: dict[str, Any]) -> pd.DataFrame:
    """Typed rows read back with the in-memory dtypes."""
    frame = table.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow")}.get)
    for name, dtype in canonical.items():
        if name in frame.columns and str(frame[name].dtype) != str(dtype):
            frame[name] = frame[name].astype(dtype)
    return frame.drop(columns=["row", "file"], errors="ignore")


def scan_history(
    disputes: Any,
    missions: Any = None,
    *,
    columns: dict[str, str] | None = None,
    cause_map: Any = None,
    as_of: Any = None,
    dayfirst: bool | None = None,
    rejected: str | Path | None = None,
    chunk_rows: int = 500_000,
    workdir: str | Path | None = None,
    progress: bool = True,
) -> ScanHistory:
    """Read disputes too many for memory into a :class:`ScanHistory` (out of core).

    The files are read and validated in chunks of ``chunk_rows`` rows with
    the rules of :func:`read_history`; the valid rows are kept typed in a
    Parquet file in a temporary folder, and the analyses that accept a
    ScanHistory ask DuckDB for the aggregates they need (counts per client,
    cause and period, exposure, durations per group...), then run the same
    statistics as in memory: the same frames, to the last digits.

    Parameters
    ----------
    disputes : str, Path or list
        A CSV/TSV or Parquet file, a glob such as ``"exports/*.parquet"``,
        or a list of them (read in that order).
    missions : str, Path or list, optional
        The missions, the same way. They are validated in chunks too, and
        held in memory for the analyses that need exposure (one row per
        engagement).
    columns, cause_map, as_of, dayfirst
        As in :func:`read_history`. The first chunk settles how headers map
        and, unless ``dayfirst`` is given, the day/month order of text
        dates; the other chunks are read the same way.
    rejected : str or Path, optional
        A CSV file to write the rejected rows to, as read, with their file,
        row number and problems (the missions' ones go to
        ``<name>_missions.csv`` beside it). Without it, any problem raises
        :class:`DisputeDataError`, as ``read_history`` does.
    chunk_rows : int, default=500,000
        Rows validated at a time: memory grows with it.
    workdir : str or Path, optional
        Where to keep the validated rows (by default a temporary folder,
        removed with the object).
    progress : bool, default=True
        Show a progress bar in a notebook or a terminal: rows validated out
        of the rows in the files, the chunk, the rate and the time left
        (then the checks across chunks, which take about a third of the
        time and have no time left of their own). Nothing is shown when the
        output is not a terminal (a log file, a CI job); ``False`` turns the
        bar off everywhere.

    Returns
    -------
    ScanHistory
        Rows read = rows kept + ``n_rejected`` + rows in ``skipped``.

    Raises
    ------
    ImportError
        If DuckDB is not installed (``pip install "conflictkit[scale]"``).
    DisputeDataError
        Without ``rejected``, when any row has a problem; always, when a
        file cannot be read.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> import conflictkit as ck
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = ck.write_history(ck.load_example(), folder / "log.parquet")
    >>> scan = ck.scan_history(folder / "log.parquet",
    ...                        missions=folder / "log_missions.parquet",
    ...                        as_of="2026-01-01")
    >>> scan
    <ScanHistory: 203 disputes on disk, 142 missions, as of 2026-01-01>
    >>> ck.recurring_causes(scan).equals(ck.recurring_causes(ck.load_example()))
    True

    Without the progress bar (e.g. in a script whose output is kept):

    >>> quiet = ck.scan_history(folder / "log.parquet", progress=False)
    >>> len(quiet)
    203
    """
    engine()
    if (
        isinstance(chunk_rows, bool)
        or not isinstance(chunk_rows, int)
        or chunk_rows < 1
    ):
        raise ValueError(
            f"The value for `chunk_rows` must be a positive integer, but "
            f"{chunk_rows!r} was passed."
        )
    if not isinstance(progress, bool):
        raise ValueError(
            f"The value for `progress` must be True or False, but {progress!r} "
            "was passed."
        )
    explicit = None if as_of is None else pd.Timestamp(as_of)
    if explicit is not None and pd.isna(explicit):
        raise ValueError(
            f"The value for `as_of` must be a date, but {as_of!r} was passed."
        )
    d_files = _files(disputes, "disputes")
    m_files = _files(missions, "missions") if missions is not None else []
    owned = workdir is None
    work = (
        Path(tempfile.mkdtemp(prefix="conflictkit-scan-"))
        if workdir is None
        else Path(workdir)
    )
    work.mkdir(parents=True, exist_ok=True)
    try:
        return _scan(d_files, m_files, work, owned, columns=columns,
                     cause_map=cause_map, as_of=explicit, dayfirst=dayfirst,
                     rejected=None if rejected is None else Path(rejected),
                     chunk_rows=chunk_rows, progress=progress)  # fmt: skip
    except BaseException:
        if owned:
            shutil.rmtree(work, ignore_errors=True)
        raise


def _scan(
    d_files: list[Path],
    m_files: list[Path],
    work: Path,
    owned: bool,
    *,
    columns: dict[str, str] | None,
    cause_map: Any,
    as_of: pd.Timestamp | None,
    dayfirst: bool | None,
    rejected: Path | None,
    chunk_rows: int,
    progress: bool,
) -> ScanHistory:
    columns = check_columns_argument(columns, list(columns or {}))  # targets
    sizes = {"disputes": _sizes(d_files), "missions": _sizes(m_files)}
    bar = RowsBar(
        sizes["disputes"][1] + sizes["missions"][1], enabled=progress,
        desc="scan_history",
    )  # fmt: skip
    try:
        return _scan_into(
            d_files, m_files, work, owned, bar, sizes, columns=columns,
            cause_map=cause_map, as_of=as_of, dayfirst=dayfirst,
            rejected=rejected, chunk_rows=chunk_rows,
        )  # fmt: skip
    finally:
        bar.close()


def _scan_into(
    d_files: list[Path],
    m_files: list[Path],
    work: Path,
    owned: bool,
    bar: RowsBar,
    sizes: dict[str, tuple[int, int]],
    *,
    columns: dict[str, str],
    cause_map: Any,
    as_of: pd.Timestamp | None,
    dayfirst: bool | None,
    rejected: Path | None,
    chunk_rows: int,
) -> ScanHistory:
    tables = {}
    m_rejected = (
        rejected.with_name(f"{rejected.stem}_missions{rejected.suffix or '.csv'}")
        if rejected is not None
        else None
    )
    for name, files, side in (("missions", m_files, m_rejected),
                              ("disputes", d_files, rejected)):  # fmt: skip
        if not files:
            continue
        state = ChunkState(name, columns, cause_map if name == "disputes" else None,
                           dayfirst, as_of)  # fmt: skip
        table = _Table(name, files, work, state)
        bar.describe(f"scan_history: {name}")
        table.run(chunk_rows, side, max(4, len(str(sizes[name][0]))), bar)
        tables[name] = table
    bar.finish_rows()
    d_table, m_table = tables["disputes"], tables.get("missions")
    if rejected is None:
        fails = [f for t in tables.values() for f in t.failures]
        if fails:
            raise DisputeDataError(
                pd.concat(fails, ignore_index=True).head(_MAX_FAILURES),
                ", ".join(str(p) for p in d_files),
            )
    duckdb = engine()
    bar.describe("scan_history: checks across chunks (ids, missions)")
    extra = _cross.cross_checks(duckdb, work, d_table, m_table, rejected, m_rejected)
    if rejected is None and extra is not None:
        raise DisputeDataError(extra, ", ".join(str(p) for p in d_files))
    for t in tables.values():
        for note in t.state.notes:
            warnings.warn(note, ConflictkitWarning, stacklevel=4)
    n_rej = d_table.n_rejected
    n_rej_m = m_table.n_rejected if m_table is not None else 0
    if n_rej or n_rej_m:
        warnings.warn(
            f"{n_rej + n_rej_m:,} rows rejected ({n_rej:,} of "
            f"{d_table.state.n_read:,} dispute rows"
            + (f", {n_rej_m:,} mission rows" if m_table is not None else "")
            + f"); see {rejected} for the rows and their problems",
            ConflictkitWarning,
            stacklevel=4,
        )
    history_as_of = as_of if as_of is not None else _latest(duckdb, work, m_table)
    return ScanHistory(
        work,
        disputes=work / "disputes.parquet",
        missions=work / "missions.parquet" if m_table is not None else None,
        as_of=pd.Timestamp(history_as_of),
        owned=owned,
        counts={
            "source": ", ".join(str(p) for p in d_files),
            "n_read": d_table.state.n_read,
            "n_rejected": n_rej,
            "n_rejected_missions": n_rej_m,
            "rejected_path": rejected if (n_rej or n_rej_m) else None,
            "skipped": d_table.state.skipped,
            "unused": tuple(d_table.state.unused)
            + (tuple(m_table.state.unused) if m_table is not None else ()),
            "generated_ids": d_table.state.generated_ids,
        },
    )


def _sizes(files: list[Path]) -> tuple[int, int]:
    """The row count that sets the digits of generated ids (``D-0001``), as
    read_history counts it (a text file's line breaks), and the records to
    read (a text file's lines but its header; its last line may have no break).
    """
    n = records = 0
    for p in files:
        if p.suffix.lower() == ".parquet":
            rows = pq.ParquetFile(p).metadata.num_rows
            n += rows
            records += rows
            continue
        breaks, last = 0, b"\n"
        with open(p, "rb") as f:
            for block in iter(lambda: f.read(1 << 24), b""):
                breaks += block.count(b"\n")
                last = block[-1:]
        n += breaks
        records += max(0, breaks - 1 + (last != b"\n"))
    return n, records


def _latest(duckdb: Any, work: Path, m_table: _Table | None) -> Any:
    """The latest date among the rows kept (read_history's default as_of)."""
    con = connect(duckdb, work)
    try:
        parts = [
            f"SELECT greatest(max(opened_at), max(resolved_at)) AS t "
            f"FROM read_parquet('{work / 'disputes.parquet'}')"
        ]
        if m_table is not None:
            parts.append(
                f"SELECT greatest(max(started_at), max(ended_at)) AS t "
                f"FROM read_parquet('{work / 'missions.parquet'}')"
            )
        row = con.execute(
            f"SELECT max(t) FROM ({' UNION ALL '.join(parts)})"
        ).fetchone()
    finally:
        con.close()
    return pd.NaT if row is None or row[0] is None else row[0]
