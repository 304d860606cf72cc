"""Disputes per cause, overall or per group, in Pareto order."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd

from .._labels import CAUSE_DTYPE
from ..errors import ConflictkitWarning
from ..model import History
from ._common import check_choice, check_history
from ._outofcore import (
    cause_count_rows,
    column_values,
    dispute_columns,
    is_scan,
    n_unlabelled,
    quote,
)
from ._trends import dispute_positions, period_start

__all__ = ["cause_counts"]

_PERIODS = {"year": "YE", "quarter": "QE", "month": "ME"}
_PERIOD_CODE = {"YE": "Y", "QE": "Q", "ME": "M"}


def group_values(history: History, by: str) -> pd.Series:
    """The grouping value of each dispute: a dispute column or its period."""
    d = history.disputes
    check_choice("by", by, [None, *_PERIODS, *d.columns])
    if by == "year":
        return d["opened_at"].dt.year.rename("year")
    if by in _PERIODS:
        starts = period_start(d["opened_at"], _PERIODS[by])
        # periods are built from the few distinct starts, not row by row
        codes, uniques = pd.factorize(starts, sort=True)
        labels = pd.PeriodIndex(
            pd.DatetimeIndex(uniques), freq=_PERIOD_CODE[_PERIODS[by]]
        )
        return pd.Series(labels.take(codes), index=d.index, name=by)
    return d[by]


def cause_counts(
    history: History, *, by: str | None = None, primary_only: bool = False
) -> pd.DataFrame:
    """Count disputes per cause, overall or per group, in Pareto order.

    Parameters
    ----------
    history : History
        The disputes; missions are not needed.
    by : str, optional
        ``None`` for one table over the whole history, ``"client"`` (or any
        other dispute column, e.g. ``"severity"``) for one per value,
        ``"year"``, ``"quarter"`` or ``"month"`` for one per calendar period
        of ``opened_at``. A missing value forms its own group.
    primary_only : bool, default=False
        Count each dispute once, under its primary cause, instead of once per
        cause it cites.

    Returns
    -------
    pandas.DataFrame
        Columns ``by`` (when given; for periods the column is named ``year``
        (an int), ``quarter`` or ``month`` (pandas Periods)), ``cause``
        (categorical :class:`Cause`), ``n_disputes``, ``share`` (of the cause
        citations in the group, so shares add up to 1) and
        ``cumulative_share``. Within each group (groups in sorted order) every
        cause appears once, most frequent first (ties in the order of
        :class:`Cause`), causes never cited with 0. Groups holding only
        unlabelled disputes are left out.

    Warns
    -----
    ConflictkitWarning
        When some disputes cite no cause: they are left out, and the message
        says how many (see ``history.unlabelled()`` and ``suggest_causes``).

    Examples
    --------
    >>> import pandas as pd
    >>> import conflictkit as ck
    >>> h = ck.History.from_frames(pd.DataFrame({
    ...     "client": ["A", "A", "B", "B"],
    ...     "opened_at": ["2024-01-10", "2024-02-01", "2024-02-03", "2024-03-05"],
    ...     "causes": ["payment", "payment;tone", "scope", "payment"]}))
    >>> ck.cause_counts(h).head(3)
         cause  n_disputes  share  cumulative_share
    0  payment           3    0.6               0.6
    1    scope           1    0.2               0.8
    2     tone           1    0.2               1.0
    """
    history = check_history(history, out_of_core=True)
    if is_scan(history):
        counts, groups, n_unlabelled, n_all = _scan_counts(history, by, primary_only)
    else:
        counts, groups = _counts(history, by, primary_only)
        n_all = len(history.disputes)
        n_unlabelled = int(history.disputes["primary_cause"].isna().sum())
    if n_unlabelled:
        warnings.warn(
            f"{n_unlabelled} of {n_all} disputes cite no cause and are left out "
            "of the counts; history.unlabelled() lists them and "
            "ck.suggest_causes can propose causes from their notes.",
            ConflictkitWarning,
            stacklevel=2,
        )
    return _pareto(counts, groups, by)


def _counts(
    history: History, by: str | None, primary_only: bool
) -> tuple[np.ndarray, Any]:
    """Counts per group x cause (a matrix) and the group labels (None: no group)."""
    d = history.disputes
    values = None if by is None else group_values(history, by)
    k = len(CAUSE_DTYPE.categories)
    pos: np.ndarray | None
    if primary_only:
        cause_code = np.asarray(d["primary_cause"].astype(CAUSE_DTYPE).cat.codes)
        pos = np.arange(len(d))
    else:
        c = history.causes
        cause_code = np.asarray(c["cause"].astype(CAUSE_DTYPE).cat.codes)
        pos = None if by is None else dispute_positions(history)
    if by is None:
        cause_code = cause_code[cause_code >= 0]
        return np.bincount(cause_code, minlength=k)[None, :], None
    gcode, groups = pd.factorize(values, sort=True, use_na_sentinel=False)
    assert pos is not None  # computed above whenever by is given
    ok = (pos >= 0) & (cause_code >= 0)
    key = gcode[pos[ok]].astype(np.int64) * k + cause_code[ok]
    return np.bincount(key, minlength=len(groups) * k).reshape(-1, k), groups


def _scan_counts(
    history: Any, by: str | None, primary_only: bool
) -> tuple[np.ndarray, Any, int, int]:
    """:func:`_counts` from DuckDB's counts per group and cause (out of core)."""
    k = len(CAUSE_DTYPE.categories)
    check_choice("by", by, [None, *_PERIODS, *dispute_columns(history)])
    n_unl, n_all = n_unlabelled(history)
    if by is None:
        rows = cause_count_rows(history, None, primary_only)
        counts = np.bincount(
            rows["c"].to_numpy(dtype=np.int64),
            weights=rows["n"].to_numpy(dtype=float),
            minlength=k,
        )
        return counts.astype(np.int64)[None, :], None, n_unl, n_all
    expr = {"year": "year(opened_at)", "quarter": "date_trunc('quarter', opened_at)",
            "month": "date_trunc('month', opened_at)"}.get(by, quote(by))  # fmt: skip
    rows = cause_count_rows(history, expr, primary_only)
    values: Any
    if by == "year":
        values = pd.Series(rows["g"].to_numpy(dtype=np.int32), name="year")
    elif by in _PERIODS:
        starts = pd.to_datetime(rows["g"]).to_numpy(dtype="datetime64[ns]")
        codes, uniques = pd.factorize(starts, sort=True)
        labels = pd.PeriodIndex(
            pd.DatetimeIndex(uniques), freq=_PERIOD_CODE[_PERIODS[by]]
        )
        values = pd.Series(labels.take(codes), name=by)
    else:
        values = column_values(rows["g"], by)
    gcode, groups = pd.factorize(values, sort=True, use_na_sentinel=False)
    key = gcode.astype(np.int64) * k + rows["c"].to_numpy(dtype=np.int64)
    counts = np.bincount(
        key, weights=rows["n"].to_numpy(dtype=float), minlength=len(groups) * k
    )
    return counts.astype(np.int64).reshape(-1, k), groups, n_unl, n_all


def _pareto(counts: np.ndarray, groups: Any, by: str | None) -> pd.DataFrame:
    """Each group's causes, most cited first, with shares; empty groups left out."""
    k = len(CAUSE_DTYPE.categories)
    total = counts.sum(axis=1)
    seen = total > 0
    counts, total = counts[seen], total[seen]
    order = np.argsort(-counts, axis=1, kind="stable")
    n = np.take_along_axis(counts, order, axis=1)
    share = n / total[:, None]
    out = pd.DataFrame(
        {
            "cause": pd.Categorical.from_codes(order.ravel(), dtype=CAUSE_DTYPE),
            "n_disputes": n.ravel().astype(np.int64),
            "share": share.ravel(),
            "cumulative_share": np.cumsum(share, axis=1).ravel(),
        }
    )
    if groups is not None:
        kept = np.flatnonzero(seen)
        out.insert(0, by, groups.take(np.repeat(kept, k)).array)
    return out
