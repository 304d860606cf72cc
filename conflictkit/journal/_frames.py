"""The journal's rows as pandas frames: typed columns <-> what SQLite stores.

Private to :mod:`conflictkit.journal`, and imported only by what needs pandas
(reading the journal back, imports, the full validator): logging one dispute
from the command line does not load it.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd

from ..errors import FAILURE_COLUMNS, DisputeDataError
from ..model import History
from ._store import _BOOL, _DATES


def _validate(
    disputes: pd.DataFrame, missions: pd.DataFrame | None, *, source: str
) -> History:
    """``History.from_frames`` with errors that do not cite spreadsheet rows."""
    try:
        with warnings.catch_warnings():
            if len(disputes) == 1:  # refused below instead
                warnings.filterwarnings("ignore", "skipped 1 total row")
            history = History.from_frames(disputes, missions)
    except DisputeDataError as err:
        failures = err.failures.copy()
        if len(disputes) == 1 or source.startswith("new"):
            failures["row"] = pd.NA
        raise DisputeDataError(failures[FAILURE_COLUMNS], source) from None
    if len(disputes) == 1 and history.disputes.empty:
        # the reader skips a row with no date whose cell reads "Total" as a
        # sheet's total line; one row given on its own is a dispute
        row = disputes.iloc[0]
        failure = {
            "row": pd.NA,
            "table": "disputes",
            "dispute_id": row.get("dispute_id"),
            "column": "opened_at",
            "value": "",
            "problem": "is empty: when did the dispute surface?",
        }
        raise DisputeDataError(pd.DataFrame([failure])[FAILURE_COLUMNS], source)
    return history


def _future_dates(
    frame: pd.DataFrame, table: str, today: pd.Timestamp, source: str = "journal"
) -> None:
    """Refuse dates after today: the journal logs what has happened."""
    failures = []
    for c in _DATES:
        if c not in frame.columns:
            continue
        late = pd.to_datetime(frame[c], format="ISO8601") > today
        for pos in np.flatnonzero(late.to_numpy(dtype=bool)):
            row = frame.iloc[pos]
            failures.append(
                {
                    "row": pd.NA,
                    "table": table,
                    "dispute_id": row.get("dispute_id", row.get("mission_id")),
                    "column": c,
                    "value": str(row[c])[:10],
                    "problem": f"{str(row[c])[:10]} is after today "
                    f"({today.date()}): the journal only logs what has happened",
                }
            )
    if failures:
        frame_ = pd.DataFrame(failures)
        raise DisputeDataError(frame_[FAILURE_COLUMNS], source)


def _empty_disputes() -> pd.DataFrame:
    return pd.DataFrame({"client": [], "opened_at": []}, dtype=object)


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
