"""Cause counts per period and the trend of each cause over a career."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from scipy import optimize, special, stats

from .._labels import CAUSE_DTYPE
from ..errors import ConflictkitWarning
from ..model import History
from ._common import ALL, check_choice, check_history, mission_days_in_periods
from ._common import warn_small as _warn_small

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


def _as_of(history: History) -> pd.Timestamp:
    if pd.notna(history.as_of):
        return pd.Timestamp(history.as_of)
    d = history.disputes
    return pd.Timestamp(max(d["opened_at"].max(), d["resolved_at"].max()))


def _period_table(
    history: History, freq: str
) -> tuple[pd.DatetimeIndex, np.ndarray, np.ndarray, np.ndarray | None]:
    """Periods, counts per period x cause, all disputes per period, exposure.

    Periods run from the first period holding a dispute or mission-days to
    the last one, or to ``as_of`` if later. Exposure is None without missions.
    """
    d = history.disputes
    opened = period_start(d["opened_at"], freq)
    # observation runs to as_of: quiet periods up to then count as zeros
    bounds = [period_start([_as_of(history)], freq)[0]]
    bounds += [opened.min(), opened.max()] if len(opened) else []
    e_start = e_days = None
    if history.has_missions:
        e = mission_days_in_periods(history, freq=freq)
        e = e.groupby("period", sort=True)["exposure_days"].sum()
        e_start = pd.PeriodIndex(e.index).start_time.to_numpy(dtype="datetime64[ns]")
        e_days = e.to_numpy(dtype=float)
        bounds += [e_start.min(), e_start.max()] if len(e_start) else []
    if bounds:
        periods = pd.date_range(
            min(bounds), max(bounds), freq=_PERIOD_START_FREQ[freq], unit="ns"
        )
    else:  # no dispute and no exposure
        periods = pd.DatetimeIndex([], dtype="datetime64[ns]")
    n_periods = len(periods)
    k = len(CAUSE_DTYPE.categories)
    p_of_dispute = periods.get_indexer(opened)
    all_counts = np.bincount(p_of_dispute, minlength=n_periods).astype(np.int64)

    c = history.causes
    cause_code = np.asarray(c["cause"].astype(CAUSE_DTYPE).cat.codes, dtype=np.int64)
    pos = pd.Index(d["dispute_id"]).get_indexer(c["dispute_id"])
    ok = (pos >= 0) & (cause_code >= 0)
    p_of_cause = p_of_dispute[pos[ok]]
    counts = np.bincount(
        p_of_cause * k + cause_code[ok], minlength=n_periods * k
    ).reshape(n_periods, k)
    exposure = None
    if e_start is not None:
        exposure = np.zeros(n_periods)
        exposure[periods.get_indexer(e_start)] = e_days
    return periods, counts.astype(np.int64), all_counts, exposure


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
    periods, counts, _, exposure = _period_table(history, freq)
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


# --------------------------------------------------------------- Poisson trend
def _profile_deviance(b: float, y: np.ndarray, t: np.ndarray, log_e: np.ndarray):
    """Deviance from the boundary fit at slope ``b``, intercept profiled out."""
    n = y.sum()
    lse = special.logsumexp(log_e + b * t)
    ll = (y * log_e).sum() + b * (y * t).sum() + n * (np.log(n) - lse) - n
    return 2.0 * ((n * np.log(n) - n) - ll)


def _boundary_fit(y, t, log_e, sign, crit):
    """Every dispute in the first (sign=-1) or last (+1) period: the MLE slope
    is infinite; give the likelihood-ratio p-value and a profile bound."""
    dev0 = _profile_deviance(0.0, y, t, log_e)
    p = float(stats.chi2.sf(dev0, 1))
    f = lambda b: _profile_deviance(b, y, t, log_e) - crit  # noqa: E731
    # f -> -crit as b -> sign * inf and grows in the other direction.
    near, far = -sign * 1.0, sign * 1.0
    while f(near) < 0:
        near *= 2.0
    while f(far) > 0:
        far *= 2.0
    bound = optimize.brentq(f, far, near) if sign < 0 else optimize.brentq(f, near, far)
    slope = sign * np.inf
    if sign < 0:
        return slope, 0.0, float(np.exp(bound)), p
    return slope, float(np.exp(bound)), np.inf, p


def poisson_trend(
    y: np.ndarray, t: np.ndarray, log_e: np.ndarray, *, alpha: float = 0.05
) -> tuple[float, float, float, float, float]:
    """Poisson regression ``log E[y] = a + b t + log_e`` fitted by Newton.

    Returns ``(slope, se, ci_low, ci_high, p_value)``: the slope ``b``, its
    standard error from the inverse Fisher information, the Wald interval of
    ``exp(b)`` at level ``1 - alpha`` and the Wald p-value (the same numbers as
    a statsmodels Poisson GLM with ``offset=log_e``). When every count sits in
    the first or last period the slope is infinite; the p-value is then the
    likelihood-ratio one and the finite bound a profile-likelihood one.
    """
    y = np.asarray(y, dtype=float)
    t = np.asarray(t, dtype=float)
    log_e = np.asarray(log_e, dtype=float)
    nan5 = (np.nan,) * 5
    n = y.sum()
    if n == 0 or len(y) < 2 or np.ptp(t) == 0:
        return nan5
    crit = float(stats.chi2.ppf(1 - alpha, 1))
    t_mean_y = (y * t).sum() / n
    span = np.ptp(t)
    if t_mean_y <= t.min() + 1e-12 * span:
        slope, lo, hi, p = _boundary_fit(y, t, log_e, -1, crit)
        return slope, np.inf, lo, hi, p
    if t_mean_y >= t.max() - 1e-12 * span:
        slope, lo, hi, p = _boundary_fit(y, t, log_e, 1, crit)
        return slope, np.inf, lo, hi, p
    x = np.column_stack([np.ones_like(t), t - t.mean()])

    def loglik(beta: np.ndarray) -> float:
        eta = x @ beta + log_e
        return float((y * eta).sum() - np.exp(eta).sum())

    beta = np.array([np.log(n) - special.logsumexp(log_e), 0.0])
    ll = loglik(beta)
    for _ in range(200):
        mu = np.exp(x @ beta + log_e)
        step = np.linalg.solve((x * mu[:, None]).T @ x, x.T @ (y - mu))
        scale = 1.0
        while True:
            new = beta + scale * step
            ll_new = loglik(new)
            if ll_new >= ll - 1e-10 * abs(ll) or scale < 1e-10:
                break
            scale /= 2.0
        beta, ll = new, ll_new
        if np.max(np.abs(scale * step)) < 1e-12:
            break
    mu = np.exp(x @ beta + log_e)
    cov = np.linalg.inv((x * mu[:, None]).T @ x)
    slope, se = float(beta[1]), float(np.sqrt(cov[1, 1]))
    z = float(stats.norm.ppf(1 - alpha / 2))
    p = float(2 * stats.norm.sf(abs(slope) / se))
    return slope, se, float(np.exp(slope - z * se)), float(np.exp(slope + z * se)), p


def trend_summary(
    history: History, *, freq: str = "YE", alpha: float = 0.05
) -> pd.DataFrame:
    """Test, cause by cause, whether disputes become rarer or more frequent.

    A Poisson regression of the dispute counts per period on time, with the
    log of the exposure as offset: mission-days worked in the period when the
    history has missions (so a busier year is not mistaken for a worse one);
    without missions, the calendar days observed in the period (every period
    counts in full except the last, which stops at ``history.as_of``, so a
    year still in progress does not look like a fall). Periods with no
    exposure are left out (with a warning if disputes fall in them).

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
        - ``ci_low``, ``ci_high``: Wald confidence interval of the rate ratio;
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
    periods, counts, all_counts, exposure = _period_table(history, freq)
    if exposure is None:
        starts = periods.to_numpy()
        ends = np.append(starts[1:], np.datetime64("NaT", "ns"))
        if len(periods):
            ends[-1] = pd.Timestamp(periods[-1]) + pd.tseries.frequencies.to_offset(
                _PERIOD_START_FREQ[freq]
            )
        stop = np.minimum(ends, np.datetime64(_as_of(history) + pd.Timedelta(1, "D")))
        exposure = np.clip((stop - starts) / np.timedelta64(1, "D"), 0, None)
    months = periods.year * 12 + periods.month
    t = (np.asarray(months, dtype=float) - (months.min() if len(months) else 0)) / 12
    keep = exposure > 0
    lost = int(all_counts[~keep].sum())
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
    ys = [*counts.T, all_counts]
    rows = []
    for y in ys:
        y_fit = y[keep]
        fit = poisson_trend(y_fit, t, log_e, alpha=alpha) if n_fit >= 2 else None
        slope, _, lo, hi, p = fit if fit is not None else (np.nan,) * 5
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
