"""Storage of the dispute journal: the SQLite schema and the row helpers.

The tables' DDL and the migrations that create them, and the functions that
turn typed canonical frames into the rows SQLite stores (ISO text, 0/1,
floats) and back into checked :class:`History` objects. Private to
:mod:`conflictkit.journal`.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import numpy as np
import pandas as pd

from ..errors import FAILURE_COLUMNS, DisputeDataError
from ..model import DISPUTE_COLUMNS, MISSION_COLUMNS, History

_DISPUTE_STORED = [c for c in DISPUTE_COLUMNS if c != "primary_cause"]
_MISSION_STORED = list(MISSION_COLUMNS)
_BOOL = {c for c, t in {**DISPUTE_COLUMNS, **MISSION_COLUMNS}.items() if t == "boolean"}
_SQL_TYPE = {"float64": "REAL", "Int64": "INTEGER", "boolean": "INTEGER"}


def _ddl(table: str, columns: list[str], key: str, required: tuple[str, ...]) -> str:
    dtypes = {**DISPUTE_COLUMNS, **MISSION_COLUMNS}
    cols = []
    for c in columns:
        sql_type = _SQL_TYPE.get(str(dtypes[c]), "TEXT")
        extra = " PRIMARY KEY" if c == key else (" NOT NULL" if c in required else "")
        cols.append(f"{c} {sql_type}{extra}")
    cols.append("logged_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))")
    return f"CREATE TABLE {table} ({', '.join(cols)})"


#: Migrations: ``version -> SQL statements`` taking the schema from
#: ``version - 1`` to ``version``. Version 1 creates the tables.
MIGRATIONS: dict[int, list[str]] = {
    1: [
        _ddl("disputes", _DISPUTE_STORED, "dispute_id", ("client", "opened_at")),
        _ddl("missions", _MISSION_STORED, "mission_id", ("client", "started_at")),
        "CREATE INDEX disputes_client ON disputes (client)",
        "CREATE INDEX disputes_opened ON disputes (opened_at)",
    ],
}


# ---------------------------------------------------------------- helpers
def _error(message: str, source: str | None = None) -> DisputeDataError:
    return DisputeDataError(message, source)


def _validate(
    disputes: pd.DataFrame, missions: pd.DataFrame | None, *, source: str
) -> History:
    """``History.from_frames`` with errors that do not cite spreadsheet rows."""
    try:
        return History.from_frames(disputes, missions)
    except DisputeDataError as err:
        failures = err.failures.copy()
        if len(disputes) == 1 or source.startswith("new"):
            failures["row"] = pd.NA
        raise DisputeDataError(failures[FAILURE_COLUMNS], source) from None


def _empty_disputes() -> pd.DataFrame:
    return pd.DataFrame({"client": [], "opened_at": []}, dtype=object)


def _exists(conn: sqlite3.Connection, table: str, key: str, value: Any) -> bool:
    sql = f"SELECT 1 FROM {table} WHERE {key} = ?"
    return conn.execute(sql, (value,)).fetchone() is not None


def _next_number(conn: sqlite3.Connection) -> int:
    (top,) = conn.execute(
        "SELECT MAX(CAST(substr(dispute_id, 3) AS INTEGER)) FROM disputes "
        "WHERE dispute_id GLOB 'D-[0-9]*'"
    ).fetchone()
    return int(top or 0) + 1


def _next_id(conn: sqlite3.Connection) -> str:
    """The next free ``D-NNNN``; called inside the write transaction."""
    n = _next_number(conn)
    while _exists(conn, "disputes", "dispute_id", f"D-{n:04d}"):
        n += 1
    return f"D-{n:04d}"


def _stored_frame(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Typed canonical columns -> what SQLite stores (ISO text, 0/1, floats)."""
    out = {}
    for c in columns:
        if c not in frame.columns:
            out[c] = pd.Series([None] * len(frame), dtype=object, index=frame.index)
            continue
        s = frame[c]
        if pd.api.types.is_datetime64_any_dtype(s.dtype):
            s = s.dt.strftime("%Y-%m-%d")
        elif c in _BOOL:
            s = s.astype("boolean").astype("Int64")
        elif isinstance(s.dtype, pd.CategoricalDtype | pd.StringDtype):
            s = s.astype(object)
        s = s.astype(object)
        out[c] = s.where(s.notna(), None)
    return pd.DataFrame(out, index=frame.index)


def _stored(frame: pd.DataFrame, columns: list[str]) -> list[tuple]:
    stored = _stored_frame(frame, columns)
    values = stored.to_numpy(dtype=object)
    # numpy scalars -> Python values sqlite3 understands
    return [tuple(_py(v) for v in row) for row in values]


def _py(value: Any) -> Any:
    return value.item() if isinstance(value, np.generic) else value


def _insert(conn: sqlite3.Connection, table: str, rows: list[tuple]) -> None:
    columns = _DISPUTE_STORED if table == "disputes" else _MISSION_STORED
    marks = ", ".join("?" * len(columns))
    conn.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows
    )


def _with_source(history: History, source: str) -> History:
    import dataclasses

    return dataclasses.replace(history, source=source)


def _renumbered(history: History, mapping: dict[str, str]) -> History:
    import dataclasses

    disputes = history.disputes.assign(
        dispute_id=history.disputes["dispute_id"].map(mapping).astype("string[pyarrow]")
    )
    causes = history.causes.assign(
        dispute_id=history.causes["dispute_id"].map(mapping).astype("string[pyarrow]")
    )
    return dataclasses.replace(history, disputes=disputes, causes=causes)
