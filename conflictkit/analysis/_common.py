"""Helpers shared by the analyses: argument checks, exposure, the long cause table."""

from __future__ import annotations

import warnings
from collections.abc import Iterable

import numpy as np
import pandas as pd

from .._labels import Cause
from ..errors import NotApplicableError, SmallSampleWarning
from ..model import History

__all__ = [
    "ALL",
    "OUT_OF_CORE",
    "check_choice",
    "check_history",
    "cause_positions",
    "cause_rows",
    "exposure_days",
    "mission_days_in_periods",
    "warn_small",
]

#: The label used for "every cause together" in per-cause tables.
ALL = "all"


#: The analyses that accept a history kept on disk (``ck.scan_history``).
OUT_OF_CORE = (
    "cause_counts",
    "cause_trend",
    "trend_summary",
    "dispute_rates",
    "recurring_causes",
    "time_to_resolution",
    "outcomes_by_cause",
    "client_profiles",
)


def check_history(history: object, *, out_of_core: bool = False) -> History:
    """Raise a TypeError unless ``history`` is a :class:`History`.

    With ``out_of_core=True`` a :class:`~conflictkit.io._scan.ScanHistory`
    (kept on disk) is accepted too; without, it gets an error saying how to
    bring the part needed into memory.
    """
    from ..io._scan import ScanHistory

    if isinstance(history, ScanHistory):
        if out_of_core:
            return history  # type: ignore[return-value]
        raise TypeError(
            "This analysis needs the disputes in memory, but got a ScanHistory "
            "(kept on disk by ck.scan_history); only "
            f"{', '.join(OUT_OF_CORE)} run out of core. Bring the disputes you "
            "need into memory with a filter, e.g. "
            "history.collect(where=\"client = 'Acme'\") or "
            "history.collect(where=\"opened_at >= DATE '2024-01-01'\"), and "
            "pass that History."
        )
    if not isinstance(history, History):
        raise TypeError(
            "Expected a conflictkit History as the first argument, but got "
            f"{type(history).__name__}. Build one with ck.read_history(path) or "
            "ck.History.from_frames(df)."
        )
    return history


def check_choice(name: str, value: object, options: Iterable[object]) -> None:
    """Raise the seaborn-style error for an argument outside its options."""
    options = list(options)
    if value not in options:
        raise ValueError(
            f"The value for `{name}` must be one of {options}, "
            f"but {value!r} was passed."
        )


def warn_small(n: int, minimum: int, what: str, *, stacklevel: int = 3) -> bool:
    """Warn with :class:`SmallSampleWarning` when ``n < minimum``; return whether."""
    if n < minimum:
        warnings.warn(
            f"Only {n} {what}: too few for a reliable answer (at least {minimum} "
            "wanted). Read the intervals, not the point estimates.",
            SmallSampleWarning,
            stacklevel=stacklevel,
        )
        return True
    return False


def cause_rows(history: History, *, columns: Iterable[str] = ()) -> pd.DataFrame:
    """The long cause table joined with dispute columns (``client``, ``opened_at``...).

    One row per (dispute, cause it cites); unlabelled disputes are absent.
    ``cause`` keeps the categorical dtype with every :class:`Cause`, so groupby
    with ``observed=False`` yields causes never seen as zero.
    """
    cols = ["dispute_id", *[c for c in columns if c != "dispute_id"]]
    d = history.disputes[cols]
    return history.causes.merge(d, on="dispute_id", how="left", validate="m:1")


def cause_positions(history: History) -> np.ndarray:
    """Row position in ``history.disputes`` of each row of ``history.causes``.

    -1 where the dispute is not found. Joining on ``dispute_id`` strings costs
    about a second per million disputes; the long table normally lists each
    dispute's causes in dispute order (as the ``causes`` column spells them),
    so that layout is tried first and checked, not assumed, before falling
    back to the join.
    """
    d, c = history.disputes, history.causes
    spelled = d["causes"] if "causes" in d.columns else None
    if isinstance(getattr(spelled, "dtype", None), pd.CategoricalDtype):
        assert spelled is not None
        per_value = np.array(
            [len(str(v).split(";")) for v in spelled.cat.categories] or [0],
            dtype=np.int64,
        )
        codes = np.asarray(spelled.cat.codes)
        n_causes = np.where(codes >= 0, per_value[np.maximum(codes, 0)], 0)
        if int(n_causes.sum()) == len(c):
            pos = np.repeat(np.arange(len(d), dtype=np.intp), n_causes)
            same = d["dispute_id"].array.take(pos) == c["dispute_id"].array
            try:
                if np.asarray(same, dtype=bool).all():
                    return pos
            except (TypeError, ValueError):  # missing ids: take the slow path
                pass
    return np.asarray(
        pd.Index(d["dispute_id"]).get_indexer(c["dispute_id"]), dtype=np.intp
    )


def exposure_days(history: History, *, by: str | None = "client") -> pd.Series:
    """Mission-days of exposure, in total (``by=None``) or per ``by`` column.

    Raises
    ------
    ValueError
        If the history has no missions: rates need exposure.
    """
    if not history.has_missions:
        raise ValueError(
            "This analysis needs exposure (mission-days), but the history has no "
            "missions. Pass missions=... to ck.read_history or History.from_frames."
        )
    m = history.missions
    assert m is not None
    if by is None:
        return pd.Series({"all": float(m["days"].sum())})
    return m.groupby(by, observed=True, sort=True)["days"].sum()


def mission_days_in_periods(history: History, *, freq: str = "YE") -> pd.DataFrame:
    """Split each mission's days across calendar periods.

    Days are spread in proportion to the calendar days a mission spends in each
    period (``freq`` as in :func:`pandas.period_range`, e.g. ``"YE"``, ``"QE"``,
    ``"ME"``). Ongoing missions run to ``as_of``.

    Returns
    -------
    pandas.DataFrame
        Columns ``period`` (pandas Period), ``client`` and ``exposure_days``.
    """
    m = history.missions
    if m is None or len(m) == 0:
        raise NotApplicableError(
            "This needs missions (exposure), but the history has none."
        )
    start = m["started_at"].to_numpy()
    end = m["ended_at"].fillna(history.as_of).to_numpy()
    end = np.maximum(end, start)
    pfreq = pd.tseries.frequencies.to_offset(freq)
    first = pd.Timestamp(start.min()).to_period(pfreq)
    last = pd.Timestamp(end.max()).to_period(pfreq)
    periods = pd.period_range(first, last, freq=pfreq)
    bounds_lo = periods.start_time.to_numpy()
    bounds_hi = (periods.end_time + pd.Timedelta(1, "ns")).to_numpy()
    # One row per (mission, period it overlaps): a mission spans a run of
    # consecutive periods, so the pairs are few even with monthly periods and
    # 100,000 missions (a dense missions x periods grid is not).
    base = periods[0].ordinal
    i0 = pd.PeriodIndex(pd.DatetimeIndex(start), freq=pfreq).asi8 - base
    i1 = pd.PeriodIndex(pd.DatetimeIndex(end), freq=pfreq).asi8 - base
    span = i1 - i0 + 1
    mission = np.repeat(np.arange(len(m)), span)
    first_pair = np.repeat(np.cumsum(span) - span, span)
    period = i0[mission] + (np.arange(span.sum()) - first_pair)
    lo = np.maximum(start[mission], bounds_lo[period])
    hi = np.minimum(end[mission] + np.timedelta64(1, "D"), bounds_hi[period])
    overlap = np.clip((hi - lo) / np.timedelta64(1, "D"), 0, None)
    total = np.bincount(mission, weights=overlap, minlength=len(m))[mission]
    share = np.divide(overlap, total, out=np.zeros_like(overlap), where=total > 0)
    days = share * m["days"].to_numpy(dtype=float)[mission]
    long = pd.DataFrame(
        {
            "period": periods[period],
            "client": m["client"].to_numpy()[mission],
            "exposure_days": days,
        }
    )
    long = long[long["exposure_days"] > 0]
    return long.groupby(["period", "client"], sort=True, as_index=False)[
        "exposure_days"
    ].sum()


_ = Cause  # re-exported for the analysis modules
