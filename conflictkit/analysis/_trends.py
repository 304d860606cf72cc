"""Cause counts per period and the trend of each cause over a career."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .._labels import CAUSE_DTYPE
from ..errors import ConflictkitWarning
from ..model import History
from ._common import (
    ALL,
    cause_positions,
    check_choice,
    check_history,
    mission_days_in_periods,
)
from ._common import warn_small as _warn_small
from ._poisson import VARIANCES, ClusterScores, poisson_trend

__all__ = ["cause_trend", "trend_summary"]

#: Accepted spellings of ``freq``, mapped onto the pandas offset aliases.
FREQS = {
    "YE": "YE",
    "Y": "YE",
    "year": "YE",
    "QE": "QE",
    "Q": "QE",
    "quarter": "QE",
    "ME": "ME",
    "M": "ME",
    "month": "ME",
}
_MONTHS_PER_PERIOD = {"YE": 12, "QE": 3, "ME": 1}
_PERIOD_START_FREQ = {"YE": "YS", "QE": "QS", "ME": "MS"}
#: Cause column of the trend summary: every cause, then ``"all"``.
TREND_CAUSE_DTYPE = pd.CategoricalDtype([*CAUSE_DTYPE.categories, ALL])


def normalize_freq(freq: str) -> str:
    """Return the pandas alias (``"YE"``, ``"QE"``, ``"ME"``) for ``freq``."""
    check_choice("freq", freq, FREQS)
    return FREQS[freq]


def period_start(dates: pd.Series | np.ndarray, freq: str) -> np.ndarray:
    """First day of the calendar period (year, quarter, month) of each date.

    ``freq`` must already be normalized; the result is ``datetime64[ns]``.
    """
    values = np.asarray(dates, dtype="datetime64[ns]")
    if freq == "YE":
        return values.astype("datetime64[Y]").astype("datetime64[ns]")
    months = values.astype("datetime64[M]")
    if freq == "QE":
        m = months.astype(np.int64)
        months = (m - m % 3).astype("datetime64[M]")
    return months.astype("datetime64[ns]")


def _period_number(
    starts: np.ndarray, periods: pd.DatetimeIndex, freq: str
) -> np.ndarray:
    """Position in ``periods`` (consecutive period starts) of each start."""
    if len(periods) == 0:
        return np.zeros(len(starts), dtype=np.intp)
    months = np.asarray(starts, dtype="datetime64[M]").astype(np.int64)
    first = np.datetime64(periods[0], "M").astype(np.int64)
    return ((months - first) // _MONTHS_PER_PERIOD[freq]).astype(np.intp)


def dispute_positions(history: History) -> np.ndarray:
    """Row in ``history.disputes`` of each row of ``history.causes`` (-1 if none)."""
    if len(history.causes) == 0:
        return np.zeros(0, dtype=np.intp)
    return cause_positions(history)


def _as_of(history: History) -> pd.Timestamp:
    if pd.notna(history.as_of):
        return pd.Timestamp(history.as_of)
    d = history.disputes
    return pd.Timestamp(max(d["opened_at"].max(), d["resolved_at"].max()))


@dataclass(frozen=True)
class _Table:
    """Dispute counts per period, and what the trend test needs beside."""

    periods: pd.DatetimeIndex  # consecutive period starts
    counts: np.ndarray  # periods x causes
    all_counts: np.ndarray  # every dispute once, per period
    exposure: np.ndarray | None  # mission-days per period
    dispute_period: np.ndarray  # period number of each dispute row
    cause_rows: np.ndarray  # dispute row of each labelled cause citation
    cause_code: np.ndarray  # its cause code
    cells: pd.DataFrame | None  # client x period mission-days


def _period_table(history: History, freq: str) -> _Table:
    """Count disputes per period and cause; add exposure with missions.

    Periods run from the first period holding a dispute or mission-days to
    the last one, or to ``as_of`` if later.
    """
    d = history.disputes
    opened = period_start(d["opened_at"], freq)
    # observation runs to as_of: quiet periods up to then count as zeros
    as_of = _as_of(history)
    bounds = [period_start([as_of], freq)[0]] if pd.notna(as_of) else []
    bounds += [opened.min(), opened.max()] if len(opened) else []
    cells = None
    if history.has_missions:
        cells = mission_days_in_periods(history, freq=freq)
        cells["period"] = pd.PeriodIndex(cells["period"]).start_time
        if len(cells):
            bounds += [cells["period"].min(), cells["period"].max()]
    bounds = [b for b in bounds if pd.notna(b)]
    periods = (
        pd.date_range(
            min(bounds), max(bounds), freq=_PERIOD_START_FREQ[freq], unit="ns"
        )
        if bounds
        else pd.DatetimeIndex([], dtype="datetime64[ns]")  # nothing dated at all
    )
    n_periods = len(periods)
    k = len(CAUSE_DTYPE.categories)
    dispute_period = _period_number(opened, periods, freq)
    all_counts = np.bincount(dispute_period, minlength=n_periods).astype(np.int64)

    c = history.causes
    cause_code = np.asarray(c["cause"].astype(CAUSE_DTYPE).cat.codes, dtype=np.int64)
    pos = dispute_positions(history)
    ok = (pos >= 0) & (cause_code >= 0)
    cause_rows, cause_code = pos[ok], cause_code[ok]
    counts = np.bincount(
        dispute_period[cause_rows] * k + cause_code, minlength=n_periods * k
    ).reshape(n_periods, k)
    exposure = None
    if cells is not None:
        cells["number"] = _period_number(cells["period"].to_numpy(), periods, freq)
        exposure = np.bincount(
            cells["number"].to_numpy(),
            weights=cells["exposure_days"].to_numpy(dtype=float),
            minlength=n_periods,
        )
    return _Table(
        periods,
        counts.astype(np.int64),
        all_counts,
        exposure,
        dispute_period,
        cause_rows,
        cause_code,
        cells,
    )


def cause_trend(history: History, *, freq: str = "YE") -> pd.DataFrame:
    """Count disputes per calendar period and cause, with rates when possible.

    Parameters
    ----------
    history : History
        The disputes (and missions, for rates).
    freq : {"YE", "QE", "ME"}, default="YE"
        Calendar years, quarters or months (``"year"``, ``"quarter"``,
        ``"month"``, ``"Y"``, ``"Q"`` and ``"M"`` are accepted too).

    Returns
    -------
    pandas.DataFrame
        One row per period x cause, every period from the first dispute (or
        mission) to ``history.as_of`` (periods without disputes have 0) and
        every :class:`Cause` (causes never cited have 0), in period then cause
        order. Columns:

        - ``period``: the first day of the period (a Timestamp, so it plots
          directly on a date axis);
        - ``cause``: categorical :class:`Cause`;
        - ``n_disputes``: disputes opened in the period citing the cause (a
          dispute counts once per cause it cites; unlabelled disputes are not
          counted);
        - with missions only: ``exposure_days`` (mission-days worked in the
          period, all clients) and ``rate_per_100_days`` (NaN where there was
          no exposure).

    Examples
    --------
    >>> import pandas as pd
    >>> import conflictkit as ck
    >>> h = ck.History.from_frames(pd.DataFrame({
    ...     "client": ["A", "B", "A"],
    ...     "opened_at": ["2021-03-01", "2023-05-02", "2023-06-01"],
    ...     "causes": ["payment", "payment;tone", "scope"]}))
    >>> t = ck.cause_trend(h)
    >>> t[t["cause"] == "payment"].reset_index(drop=True)
          period    cause  n_disputes
    0 2021-01-01  payment           1
    1 2022-01-01  payment           0
    2 2023-01-01  payment           1
    """
    history = check_history(history)
    freq = normalize_freq(freq)
    table = _period_table(history, freq)
    periods, counts, exposure = table.periods, table.counts, table.exposure
    n_periods, k = counts.shape
    out = pd.DataFrame(
        {
            "period": np.repeat(periods.to_numpy(), k),
            "cause": pd.Categorical.from_codes(
                np.tile(np.arange(k), n_periods), dtype=CAUSE_DTYPE
            ),
            "n_disputes": counts.ravel(),
        }
    )
    if exposure is not None:
        e = np.repeat(exposure, k)
        out["exposure_days"] = e
        with np.errstate(divide="ignore", invalid="ignore"):
            out["rate_per_100_days"] = np.where(
                e > 0, 100.0 * out["n_disputes"].to_numpy() / e, np.nan
            )
    return out


def _cluster_scores(
    history: History, table: _Table, keep: np.ndarray
) -> Callable[[np.ndarray], ClusterScores]:
    """Per-client score contributions, for a variance clustered by client.

    Returns ``make(rows)``: given the dispute rows citing a cause, a function
    of ``(x, rate)`` (design and fitted rate over the kept periods) giving
    each client's score ``sum_p x_p (y_cp - rate_p * days_cp)``.
    """
    cells = table.cells
    assert cells is not None
    d_client = history.disputes["client"]
    codes, uniques = pd.factorize(
        pd.concat([d_client, cells["client"]], ignore_index=True)
    )
    n_d = len(d_client)
    dispute_client, cell_client = codes[:n_d], codes[n_d:]
    g = len(uniques)
    fit_number = np.where(keep, np.cumsum(keep) - 1, -1)
    dispute_fit = fit_number[table.dispute_period]
    cell_fit = fit_number[cells["number"].to_numpy()]
    cell_days = cells["exposure_days"].to_numpy(dtype=float)
    active = np.zeros(g, dtype=bool)
    active[cell_client] = True
    active[dispute_client[dispute_fit >= 0]] = True

    def make(rows: np.ndarray) -> ClusterScores:
        rows = rows[dispute_fit[rows] >= 0]
        client, fit = dispute_client[rows], dispute_fit[rows]

        def scores(x: np.ndarray, rate: np.ndarray) -> np.ndarray:
            expected = rate[cell_fit] * cell_days
            s = np.empty((g, 2))
            for j in range(2):
                s[:, j] = np.bincount(client, weights=x[fit, j], minlength=g)
                s[:, j] -= np.bincount(
                    cell_client, weights=x[cell_fit, j] * expected, minlength=g
                )
            return s[active]

        return scores

    return make


def trend_summary(
    history: History,
    *,
    freq: str = "YE",
    alpha: float = 0.05,
    variance: str = "client",
) -> pd.DataFrame:
    """Test, cause by cause, whether disputes become rarer or more frequent.

    A Poisson regression of the dispute counts per period on time, with the
    log of the exposure as offset: mission-days worked in the period when the
    history has missions (so a busier year is not mistaken for a worse one);
    without missions, the calendar days observed in the period (every period
    counts in full except the last, which stops at ``history.as_of``, so a
    year still in progress does not look like a fall). Periods with no
    exposure are left out (with a warning if disputes fall in them).

    Disputes cluster: a difficult client brings several in the years you work
    for them, so yearly counts vary more than a Poisson model allows and a
    plain Poisson test sees career trends that are one client's doing. By
    default the uncertainty is therefore clustered by client (see
    ``variance``).

    Parameters
    ----------
    history : History
        The disputes (and missions, for exposure-adjusted trends).
    freq : {"YE", "QE", "ME"}, default="YE"
        The counting period: calendar years, quarters or months. The slope is
        always per year.
    alpha : float, default=0.05
        Significance level for ``direction``; the interval is at
        ``1 - alpha``.
    variance : {"client", "quasi", "poisson"}, default="client"
        How the uncertainty of the slope is estimated. ``"client"``: a
        sandwich variance clustered by client (never below the Poisson one),
        tested against Student's t with (clients - 1) degrees of freedom;
        it needs missions and at least 10 clients, otherwise ``"quasi"`` is
        used. ``"quasi"``: quasi-Poisson, the standard error widened by the
        square root of the Pearson dispersion when it exceeds 1, against
        Student's t with (periods - 2) degrees of freedom. ``"poisson"``:
        the plain Poisson Wald test, which trusts every dispute to be
        independent.

    Returns
    -------
    pandas.DataFrame
        One row per :class:`Cause` (a dispute counts once per cause it cites)
        then a row ``"all"`` (every dispute once, unlabelled ones included).
        Columns:

        - ``cause``: categorical, the causes then ``"all"``;
        - ``n_disputes``: disputes counted;
        - ``slope``: change in the log rate per year (negative = falling;
          ``-inf`` when every dispute fell in the first period);
        - ``rate_ratio_per_year``: ``exp(slope)``, the yearly factor on the
          rate (0.8 = 20 % fewer each year);
        - ``ci_low``, ``ci_high``: Wald confidence interval of the rate ratio
          (see ``variance``);
        - ``p_value``: Wald test of no trend (likelihood ratio when the slope
          is infinite);
        - ``direction``: ``"rising"`` or ``"falling"`` when
          ``p_value < alpha``, else ``"stable"``.

        A cause never cited gets NaN and ``"stable"``. With fewer than two
        periods of exposure everything is NaN (and a SmallSampleWarning).

    Examples
    --------
    >>> import pandas as pd
    >>> import conflictkit as ck
    >>> h = ck.History.from_frames(pd.DataFrame({
    ...     "client": ["A"] * 7,
    ...     "opened_at": ["2020-02-01", "2020-03-01", "2020-05-01", "2020-09-01",
    ...                   "2021-04-01", "2021-06-01", "2022-08-01"],
    ...     "causes": ["payment"] * 7}), as_of="2022-12-31")
    >>> s = ck.trend_summary(h)
    >>> cols = ["n_disputes", "rate_ratio_per_year", "p_value", "direction"]
    >>> s.loc[s["cause"] == "payment", cols].round(3)
       n_disputes  rate_ratio_per_year  p_value direction
    2           7                0.501    0.183    stable

    Halving every year, but seven disputes cannot show it at the 5 % level.
    """
    history = check_history(history)
    freq = normalize_freq(freq)
    if not 0 < alpha < 1:
        raise ValueError(f"`alpha` must be between 0 and 1, but {alpha!r} was passed.")
    check_choice("variance", variance, VARIANCES)
    table = _period_table(history, freq)
    periods, exposure = table.periods, table.exposure
    if exposure is None:
        starts = periods.to_numpy()
        ends = np.append(starts[1:], np.datetime64("NaT", "ns"))
        if len(periods):
            ends[-1] = pd.Timestamp(periods[-1]) + pd.tseries.frequencies.to_offset(
                _PERIOD_START_FREQ[freq]
            )
        as_of = _as_of(history)
        if pd.notna(as_of):
            ends = np.minimum(ends, np.datetime64(as_of + pd.Timedelta(1, "D")))
        stop = ends
        exposure = np.clip((stop - starts) / np.timedelta64(1, "D"), 0, None)
    months = periods.year * 12 + periods.month
    t = (np.asarray(months, dtype=float) - (months.min() if len(months) else 0)) / 12
    keep = exposure > 0
    lost = int(table.all_counts[~keep].sum())
    if lost:
        warnings.warn(
            f"{lost} disputes were opened in periods without any mission-days and "
            "are left out of the trend (a rate needs exposure).",
            ConflictkitWarning,
            stacklevel=2,
        )
    n_fit = int(keep.sum())
    _warn_small(n_fit, 3, f"period(s) with exposure (freq={freq!r})")
    log_e = np.log(exposure[keep])
    t = t[keep]
    make_scores = None
    if variance == "client" and table.cells is not None and n_fit >= 2:
        make_scores = _cluster_scores(history, table, keep)
    k = table.counts.shape[1]
    ys = [*table.counts.T, table.all_counts]
    rows = []
    for code, y in enumerate(ys):
        fit = None
        if n_fit >= 2:
            scores = None
            if make_scores is not None:
                cited = table.cause_rows[table.cause_code == code]
                scores = make_scores(cited if code < k else np.arange(len(history)))
            fit = poisson_trend(
                y[keep],
                t,
                log_e,
                alpha=alpha,
                variance=variance,
                cluster_scores=scores,
            )
        slope, _, lo, hi, p, _ = fit if fit is not None else (np.nan,) * 6
        rows.append((int(y.sum()), slope, lo, hi, p))
    out = pd.DataFrame(
        rows, columns=["n_disputes", "slope", "ci_low", "ci_high", "p_value"]
    )
    out.insert(
        0,
        "cause",
        pd.Categorical.from_codes(np.arange(len(ys)), dtype=TREND_CAUSE_DTYPE),
    )
    out.insert(3, "rate_ratio_per_year", np.exp(out["slope"]))
    significant = out["p_value"].lt(alpha).to_numpy()
    out["direction"] = np.where(
        significant, np.where(out["slope"] > 0, "rising", "falling"), "stable"
    )
    return out
