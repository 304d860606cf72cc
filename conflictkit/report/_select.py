"""A period or some clients of a history, and the same length of time before it."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from ..model import History
from ._summary import Period

__all__ = ["select"]


def _day(value: Any, name: str) -> pd.Timestamp | None:
    if value is None:
        return None
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError) as err:
        raise ValueError(
            f"The value for `{name}` must be a date such as '2024-01-31', "
            f"but {value!r} was passed."
        ) from err
    if pd.isna(ts):
        raise ValueError(f"The value for `{name}` must be a date, not {value!r}.")
    return ts.tz_localize(None).normalize() if ts.tz is not None else ts.normalize()


def _subset(
    history: History,
    start: pd.Timestamp | None,
    end: pd.Timestamp | None,
    clients: list[str] | None,
) -> History:
    """Disputes opened in ``[start, end]`` (and of ``clients``); missions clipped.

    A dispute keeps everything known about it at ``as_of`` (its resolution
    may come after ``end``). Missions are kept where they overlap the period,
    their dates clipped to it and their days worked scaled to the overlap,
    so rates stay per day worked inside the period.
    """
    d = history.disputes
    keep = np.ones(len(d), dtype=bool)
    if start is not None:
        keep &= (d["opened_at"] >= start).to_numpy()
    if end is not None:
        keep &= (d["opened_at"] <= end).to_numpy()
    if clients is not None:
        keep &= d["client"].astype(str).isin(clients).to_numpy()
    disputes = d[keep].reset_index(drop=True)
    causes = history.causes[history.causes["dispute_id"].isin(disputes["dispute_id"])]
    missions = history.missions
    if missions is not None:
        missions = _clip_missions(missions, start, end, clients, history.as_of)
    return dataclasses.replace(
        history,
        disputes=disputes,
        causes=causes.reset_index(drop=True),
        missions=missions,
    )


def _clip_missions(
    m: pd.DataFrame,
    start: pd.Timestamp | None,
    end: pd.Timestamp | None,
    clients: list[str] | None,
    as_of: pd.Timestamp,
) -> pd.DataFrame:
    keep = np.ones(len(m), dtype=bool)
    if clients is not None:
        keep &= m["client"].astype(str).isin(clients).to_numpy()
    if start is None and end is None:
        return m[keep].reset_index(drop=True)
    began = m["started_at"]
    ended = m["ended_at"].fillna(as_of if not pd.isna(as_of) else began.max())
    lo = began if start is None else began.clip(lower=start)
    hi = ended if end is None else ended.clip(upper=end)
    length = (ended - began).dt.days.clip(lower=1)
    overlap = (hi - lo).dt.days
    keep &= (overlap >= 0).fillna(False).to_numpy()
    out = m.assign(started_at=lo, ended_at=hi.where(m["ended_at"].notna() |
                                                    (hi < ended)))  # fmt: skip
    if "days" in out.columns:
        share = (overlap.clip(lower=0) + 1) / (length + 1)
        out["days"] = out["days"] * share.clip(upper=1.0)
    return out[keep].reset_index(drop=True)


def select(
    history: History,
    *,
    since: Any = None,
    until: Any = None,
    clients: Iterable[str] | str | None = None,
) -> tuple[History, Period | None, History | None]:
    """The chosen part of a history, the period, and the period just before.

    Without ``since`` or ``until``, the period is the last twelve months
    before ``as_of`` when the history covers at least two years (so the
    summary compares this year with the last), and none otherwise.

    Returns
    -------
    (History, Period or None, History or None)
        The selection; the period compared; the same clients over the same
        length of time just before it (None when the data do not reach back
        that far).
    """
    start = _day(since, "since")
    end = _day(until, "until")
    if start is not None and end is not None and end < start:
        raise ValueError(
            f"`until` ({end.date()}) is before `since` ({start.date()}): nothing "
            "to report."
        )
    if isinstance(clients, str):
        clients = [clients]
    chosen = None if clients is None else [str(c) for c in clients]
    if chosen is not None:
        known = set(history.disputes["client"].astype(str))
        if history.missions is not None:
            known |= set(history.missions["client"].astype(str))
        unknown = [c for c in chosen if c not in known]
        if unknown:
            raise ValueError(
                f"No client named {', '.join(map(repr, unknown))} in this history; "
                f"the clients are {', '.join(sorted(known)[:10])}"
                + (" ..." if len(known) > 10 else "")
            )
    selected = _subset(history, start, end, chosen)
    opened = history.disputes["opened_at"]
    if len(opened) == 0:
        return selected, None, None
    first = opened.min()
    if start is None and end is None:
        as_of = history.as_of if not pd.isna(history.as_of) else opened.max()
        if (as_of - first).days < 2 * 365:
            return selected, None, None
        compared = Period(as_of - pd.DateOffset(years=1), as_of)
        before = _subset(
            history,
            as_of - pd.DateOffset(years=2),
            compared.start - pd.Timedelta(days=1),
            chosen,
        )
        return selected, compared, before
    lo = start if start is not None else first
    hi = end if end is not None else (history.as_of if not pd.isna(history.as_of)
                                      else opened.max())  # fmt: skip
    length = hi - lo
    before_end = lo - pd.Timedelta(days=1)
    before_start = before_end - length
    if before_start < first - pd.Timedelta(days=1) and start is None:
        return selected, Period(lo, hi), None
    if before_end < first:
        return selected, Period(lo, hi), None
    before = _subset(history, before_start, before_end, chosen)
    return selected, Period(lo, hi), before
