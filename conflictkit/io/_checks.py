"""Row checks of dispute and mission tables, and the failure report they fill.

A :class:`Checker` collects every problem of one table (row, column, value,
reason) without stopping at the first; :mod:`._validate` runs the parsers and
these checks, then raises or splits off the rejected rows.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import READ_FAILURE_COLUMNS as FAILURE_COLUMNS
from ..model import (
    STRING_DTYPE,
)
from ._parse import duplicated
from ._raw import RawTable


class Checker:
    """Collects the problems of one table, row by row and column by column."""

    def __init__(
        self,
        table: str,
        raw: RawTable,
        id_col: str,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.table = table
        self.raw = raw
        self.id_col = id_col
        #: canonical name -> the user's header, to name it in the report
        self.headers = dict(headers or {})
        self.parts: list[pd.DataFrame] = []
        self.file_problems: list[str] = []
        #: the reader made the ids up (the table had no id column)
        self.generated_ids = False
        #: {canonical name: the user's header}, once the headers are mapped
        self.found: dict[str, str] = {}
        #: cells of the causes column read as one label that is not a cause
        self.cause_labels: dict[str, int] = {}

    def flagged(self, column: str) -> np.ndarray:
        """Positions that already have a problem in ``column`` (a bool mask)."""
        out = np.zeros(len(self.raw.rows), dtype=bool)
        for part in self.parts:
            hit = part.loc[part["column"] == column, "pos"].to_numpy()
            out[hit] = True
        return out

    def add(self, column: str | None, problems: pd.Series, values: pd.Series) -> None:
        if len(problems) == 0:
            return
        idx = problems.index
        self.parts.append(
            pd.DataFrame(
                {
                    "pos": idx.to_numpy(),
                    "column": column,
                    "value": _as_text(values.reindex(idx)),
                    "problem": problems.to_numpy(dtype=object),
                }
            )
        )

    def add_mask(
        self, column: str, mask: pd.Series, values: pd.Series, problem: Any
    ) -> None:
        if not mask.any():
            return
        problems = (
            problem[mask]
            if isinstance(problem, pd.Series)
            else pd.Series(problem, index=mask.index[mask.to_numpy()])
        )
        self.add(column, problems, values)

    def failures(self, ids: pd.Series | None) -> pd.DataFrame:
        rows = [
            {"table": self.table, "row": pd.NA, "dispute_id": pd.NA, "column": pd.NA,
             "value": pd.NA, "problem": p, "header": pd.NA}
            for p in self.file_problems
        ]  # fmt: skip
        rows += [
            {"table": self.table, "row": p["row"], "dispute_id": pd.NA,
             "column": p["column"], "value": p["value"], "problem": p["problem"],
             "header": pd.NA}
            for p in self.raw.problems
        ]  # fmt: skip
        out = [pd.DataFrame(rows, columns=FAILURE_COLUMNS)] if rows else []
        if self.parts:
            f = pd.concat(self.parts, ignore_index=True)
            pos = f.pop("pos").to_numpy()
            f.insert(0, "row", self.raw.rows.to_numpy()[pos])
            key = (
                ids.to_numpy(dtype=object)[pos]
                if ids is not None
                else np.full(len(f), pd.NA, dtype=object)
            )
            f.insert(1, "dispute_id", key)
            f.insert(0, "table", self.table)
            f["header"] = f["column"].map(lambda c: self.headers.get(c, c))
            out.append(f.sort_values(["row"], kind="stable"))
        if not out:
            return pd.DataFrame(columns=FAILURE_COLUMNS)
        both = pd.concat(out, ignore_index=True)[FAILURE_COLUMNS]
        # file-level problems first, then in the order of the rows
        return both.sort_values("row", na_position="first", kind="stable").reset_index(
            drop=True
        )

    def bad_positions(self) -> np.ndarray:
        if not self.parts:
            return np.array([], dtype=np.int64)
        return np.unique(np.concatenate([p["pos"].to_numpy() for p in self.parts]))


def _as_text(values: pd.Series) -> np.ndarray:
    """The failing values as text, for the report (missing ones as NA)."""
    return values.astype("string").to_numpy(dtype=object)


def _raw_col(
    frame: pd.DataFrame, found: dict[str, str], name: str, typed: pd.Series
) -> pd.Series:
    """The column as the user wrote it, or the typed one if it was absent."""
    return frame[found[name]] if name in found else typed


def check_disputes(
    d: pd.DataFrame, frame: pd.DataFrame, found: dict[str, str], checker: Checker
) -> None:
    ids = d["dispute_id"]
    raw_id = _raw_col(frame, found, "dispute_id", ids)
    checker.add_mask(
        "dispute_id", ids.isna(), raw_id, "is empty: every dispute needs an id"
    )
    seen = duplicated(ids)
    dup = seen & ids.notna()
    if dup.any():
        first_row = pd.Series(checker.raw.rows.to_numpy(), index=d.index)[~seen]
        first_by_id = pd.Series(
            first_row.to_numpy(), index=ids[first_row.index].to_numpy()
        )
        msgs = "duplicated: the same id is in row " + ids[dup].map(first_by_id).astype(
            str
        )
        checker.add_mask("dispute_id", dup, raw_id, msgs)
    checker.add_mask(
        "client", d["client"].isna(), _raw_col(frame, found, "client", d["client"]),
        "is empty: every dispute needs a client",
    )  # fmt: skip
    opened = d["opened_at"]
    if "opened_at" in found:
        checker.add_mask(
            "opened_at", opened.isna() & ~checker.flagged("opened_at"),
            frame[found["opened_at"]], "is empty: when did the dispute surface?",
        )  # fmt: skip
    before = d["resolved_at"] < opened
    if before.any():
        msgs = (
            d["resolved_at"].dt.strftime("%Y-%m-%d")
            + " is before opened_at "
            + opened.dt.strftime("%Y-%m-%d")
        )
        checker.add_mask("resolved_at", before, d["resolved_at"].dt.date, msgs)
    # An outcome without a resolution date is accepted: the dispute ended on a
    # day nobody recorded (counted in outcomes, left out of durations).


#: Dates before this are not dates of a dispute log (a number read as a date?).
EARLIEST = pd.Timestamp("1970-01-01")


def check_dates(
    typed: pd.DataFrame,
    checker: Checker,
    names: tuple[str, ...],
    as_of: pd.Timestamp | None,
) -> None:
    """Dates before 1970, or an opening after an explicit ``as_of``, are problems."""
    for name in names:
        values = typed[name]
        early = values < EARLIEST
        if early.any():
            checker.add_mask(
                name, early, values.dt.date,
                "is before 1970: is it a date? (a number or an amount read as "
                "a date, a mistyped year?)",
            )  # fmt: skip
        # a dispute opened (a mission started) after as_of is a typo or a wrong
        # as_of; a resolution after it is the future seen from as_of: censored
        if as_of is not None and name in ("opened_at", "started_at"):
            after = values > as_of
            if after.any():
                checker.add_mask(
                    name, after, values.dt.date,
                    f"is after as_of ({as_of.date()}): a mistyped year, or pass a "
                    "later as_of",
                )  # fmt: skip


def _arrow(s: pd.Series) -> pa.ChunkedArray:
    """The pyarrow array behind a pyarrow-backed string column."""
    # already a ChunkedArray: pa.chunked_array() of one fails on pyarrow 15
    arr: pa.ChunkedArray = s.astype(STRING_DTYPE).array._pa_array  # type: ignore[attr-defined]
    return arr


def check_mission_links(
    d: pd.DataFrame, m: pd.DataFrame, checker: Checker, m_checker: Checker
) -> None:
    has = d["mission_id"].notna()
    if not has.any():
        return
    # Look every dispute's mission up once (a pyarrow hash lookup): its
    # position in the missions table, or null when there is no such mission.
    first = ~duplicated(m["mission_id"]).to_numpy()
    m_ids = m["mission_id"][first]
    found_at = pc.index_in(
        _arrow(d["mission_id"]), value_set=_arrow(m_ids).combine_chunks()
    )
    no_mission = found_at.is_null().to_numpy(zero_copy_only=False)
    pos = pc.fill_null(found_at, -1).to_numpy()
    del found_at
    unknown = has & pd.Series(no_mission, index=d.index)
    checker.add_mask(
        "mission_id", unknown, d["mission_id"],
        "no mission with this id in the missions table",
    )  # fmt: skip
    found = np.flatnonzero(~unknown.to_numpy() & has.to_numpy())
    # Clients compared as integer codes (no Python string, no copy of the
    # text per dispute); an empty client on either side is reported on its
    # own row already.
    m_client = _arrow(m["client"][first]).combine_chunks()
    names = pc.unique(m_client)
    m_code = pc.fill_null(pc.index_in(m_client, value_set=names), -1).to_numpy()
    d_arrow = _arrow(d["client"])
    d_code = pc.fill_null(pc.index_in(d_arrow, value_set=names), -2).to_numpy()
    d_known = ~d_arrow.is_null().to_numpy(zero_copy_only=False)
    m_row = m_code[pos[found]]
    differs = (m_row >= 0) & d_known[found] & (m_row != d_code[found])
    if differs.any():
        where = d.index[found[differs]]
        m_names = m_client.take(pa.array(pos[found[differs]])).to_pylist()
        d_names = d_arrow.take(pa.array(found[differs])).to_pylist()
        msgs = pd.Series(
            [
                f"belongs to client {mc!r}, not to this dispute's client {dc!r}"
                for mc, dc in zip(m_names, d_names, strict=True)
            ],
            index=where,
            dtype=object,
        )
        checker.add("mission_id", msgs, d["mission_id"])
    bad_m = m_checker.bad_positions()
    if len(bad_m):
        rows = m_checker.raw.rows.to_numpy()
        bad_row_by_id = pd.Series(rows[bad_m], index=m["mission_id"].iloc[bad_m])
        bad_row_by_id = bad_row_by_id[bad_row_by_id.index.notna()]
        hit = has & d["mission_id"].isin(bad_row_by_id.index)
        if hit.any():
            rows_hit = d["mission_id"][hit].map(
                bad_row_by_id[~bad_row_by_id.index.duplicated()]
            )
            msgs = "refers to a mission rejected in missions row " + rows_hit.astype(
                str
            )
            checker.add("mission_id", msgs.astype(object), d["mission_id"])
