"""Rows of the journal: what an import adds, and missions.

Private to :mod:`conflictkit.journal`: the functions here run inside a write
transaction of :class:`~conflictkit.journal.Journal` and take its connection.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..model import History
from ._frames import _empty_disputes, _future_dates, _stored, _stored_frame, _validate
from ._store import _DISPUTE_STORED, _MISSION_STORED, _error, _insert, audit


# ---------------------------------------------------------------- missions
def checked_mission(row: dict[str, Any]) -> dict[str, Any]:
    """Validate one mission row; its stored values (``days`` None if derived)."""
    frame = pd.DataFrame([row], dtype=object)
    derived = row.get("days") is None
    if derived:
        frame = frame.drop(columns="days")  # derived from the dates when read
    checked = _validate(_empty_disputes(), frame, source="new mission")
    stored = checked.missions
    assert stored is not None  # a mission row was validated
    _future_dates(stored, "missions", pd.Timestamp.today().normalize())
    if derived:
        stored = stored.assign(days=np.nan)
    return dict(zip(_MISSION_STORED, _stored(stored, _MISSION_STORED)[0], strict=True))


def new_missions(
    conn: sqlite3.Connection, missions: pd.DataFrame | None, source: str
) -> tuple[pd.DataFrame | None, int]:
    """The missions of a file not in the journal yet, and how many were."""
    if missions is None or not len(missions):
        return missions, 0
    ongoing = missions["ended_at"].isna()
    # days of ongoing missions grow: derive them when reading
    missions = missions.assign(days=missions["days"].mask(ongoing))
    stored = _stored(missions, _MISSION_STORED)
    have = {
        r[0].casefold(): tuple(r)
        for r in conn.execute(f"SELECT {', '.join(_MISSION_STORED)} FROM missions")
    }
    keep, clash = [], []
    for i, row in enumerate(stored):
        old = have.get(str(row[0]).casefold())
        if old is None:
            keep.append(i)
        elif _same(old[1:], row[1:]):
            continue  # imported before
        else:
            clash.append(row[0])
    if clash:
        said = (
            "1 mission id is already in the journal for another mission: "
            if len(clash) == 1
            else f"{len(clash)} mission ids are already in the journal for other "
            "missions: "
        )
        raise _error(said + ", ".join(map(repr, clash[:10])), source)
    return missions.iloc[keep], len(stored) - len(keep)


def _same(a: Sequence[Any], b: Sequence[Any]) -> bool:
    return all(
        (x is None and y is None)
        or (x is not None and y is not None and (x == y or _close(x, y)))
        for x, y in zip(a, b, strict=True)
    )


def _close(x: Any, y: Any) -> bool:
    try:
        return bool(np.isclose(float(x), float(y)))
    except (TypeError, ValueError):
        return False


def insert_missions(
    conn: sqlite3.Connection, missions: pd.DataFrame, operation: int
) -> None:
    rows = _stored(missions, _MISSION_STORED)
    _insert(conn, "missions", rows)
    audit(conn, operation, "import", "missions", [
        (r[0], None, dict(zip(_MISSION_STORED, r, strict=True))) for r in rows
    ])  # fmt: skip


def check_mission_links(
    conn: sqlite3.Connection,
    disputes: pd.DataFrame,
    missions: pd.DataFrame | None,
    source: str,
) -> None:
    """New disputes may refer to missions logged earlier: check those links."""
    named = disputes["mission_id"].dropna().astype(str).unique().tolist()
    if not named:
        return
    # only the missions the file names (in chunks: SQLite caps parameters)
    known = []
    for start in range(0, len(named), 900):
        chunk = named[start : start + 900]
        marks = ", ".join("?" * len(chunk))
        known += conn.execute(
            f"SELECT {', '.join(_MISSION_STORED)} FROM missions "
            f"WHERE mission_id IN ({marks})",
            chunk,
        ).fetchall()
    if not known:
        return  # read_history already checked against the file's own missions
    frames = [pd.DataFrame(known, columns=_MISSION_STORED, dtype=object)]
    if missions is not None:
        frames.append(_stored_frame(missions, _MISSION_STORED))
    all_missions = pd.concat(frames, ignore_index=True)
    for c in ("written_scope", "via_intermediary", "meeting_minutes"):
        all_missions[c] = all_missions[c].map({1: True, 0: False}).astype("boolean")
    _validate(_stored_frame(disputes, _DISPUTE_STORED), all_missions, source=source)


# ---------------------------------------------------------------- imports
def new_rows(
    conn: sqlite3.Connection,
    rows: list[tuple],
    hashes: list[str],
    *,
    generated: bool,
    allow_duplicates: bool,
    source: str,
) -> tuple[list[int], int]:
    """Positions of the file's rows to add, and how many were there already.

    Without ids of its own, a file's row is already there when the journal
    holds a row with the same content (counting repeats: a file with a
    dispute twice and a journal with it once adds it once). With ids, a row
    is already there when its id holds the same content; an id holding other
    content is a clash and refuses the import.
    """
    if generated:
        if allow_duplicates:
            return list(range(len(rows))), 0
        have = Counter(h for (h,) in _select_in(conn, "content_hash", hashes))
        keep = []
        for i, h in enumerate(hashes):
            if have[h] > 0:
                have[h] -= 1
            else:
                keep.append(i)
        return keep, len(rows) - len(keep)
    ids = [str(r[0]) for r in rows]
    stored = {
        str(k).casefold(): h
        for k, h in _select_in(conn, "dispute_id", ids, also="dispute_id")
    }
    keep, clash = [], []
    for i, (key, h) in enumerate(zip(ids, hashes, strict=True)):
        old = stored.get(key.casefold(), None)
        if key.casefold() not in stored:
            keep.append(i)
        elif old != h:
            clash.append(key)
    if clash:
        if len(clash) == 1:
            said = f"1 dispute id is already in the journal: {clash[0]!r} (for "
            raise _error(said + "another dispute)", source)
        raise _error(
            f"{len(clash)} dispute ids are already in the journal: "
            + ", ".join(map(repr, clash[:10]))
            + (" ..." if len(clash) > 10 else "")
            + " (for other disputes)",
            source,
        )
    return keep, len(rows) - len(keep)


def _select_in(
    conn: sqlite3.Connection, column: str, values: list[str], *, also: str = ""
) -> list[tuple]:
    """``content_hash`` (and ``also``) of the disputes whose ``column`` is in
    ``values`` (ids compared in any case)."""
    out: list[tuple] = []
    wanted = f"{also}, content_hash" if also else "content_hash"
    collate = " COLLATE NOCASE" if column == "dispute_id" else ""
    unique = list(dict.fromkeys(values))
    for start in range(0, len(unique), 900):
        chunk = unique[start : start + 900]
        marks = ", ".join("?" * len(chunk))
        out += conn.execute(
            f"SELECT {wanted} FROM disputes WHERE {column}{collate} IN ({marks})",
            chunk,
        ).fetchall()
    return out


def subset(history: History, keep: list[int]) -> History:
    """``history`` reduced to the disputes at positions ``keep``."""
    disputes = history.disputes.iloc[keep].reset_index(drop=True)
    ids = set(disputes["dispute_id"].astype(str))
    causes = history.causes[history.causes["dispute_id"].astype(str).isin(ids)]
    return dataclasses.replace(
        history, disputes=disputes, causes=causes.reset_index(drop=True)
    )
