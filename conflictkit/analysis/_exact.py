"""Exact test and interval for a rate ratio stratified by client.

Within each stratum (client), given the number of disputes ``m_i`` on its
missions, the number on missions *with* the practice is binomial with
probability ``p_i(θ) = θ t1_i / (θ t1_i + t0_i)``, where ``t1_i`` and ``t0_i``
are the mission-days with and without and ``θ`` the common rate ratio. The
total ``S`` over strata is then a sum of independent binomials, whose
distribution is computed exactly (generating functions, through an FFT).
Inverting its two tails gives
an exact interval and a two-sided p-value that always agree (the p-value is
below ``1 - confidence_level`` exactly when the interval excludes 1); the
estimate is the conditional maximum likelihood one. With a single stratum
this is the usual exact conditional (Clopper-Pearson) comparison of two
Poisson rates.

It is used where a freelancer needs it: few disputes in many small strata,
where the large-sample Mantel-Haenszel interval and test can disagree.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy import optimize

__all__ = ["MAX_EXACT_EVENTS", "exact_stratified_rate_ratio"]

#: Above this many disputes in a cell, the exact distribution is slow and the
#: large-sample (Mantel-Haenszel) results are accurate: use those instead.
MAX_EXACT_EVENTS = 400

_LOG_BOUND = 30.0  # search log(θ) in [-30, 30]


def _distribution(m: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Probabilities of S = 0..sum(m) for a sum of Binomial(m_i, p_i).

    The product of the binomials' generating functions, evaluated at the
    roots of unity and turned back into probabilities by an FFT: one
    vectorized pass, whatever the number of strata.
    """
    n = int(m.sum()) + 1
    z = np.exp(2j * np.pi * np.arange(n) / n)
    log_gf = (m[:, None] * np.log(1 - p[:, None] + p[:, None] * z[None, :])).sum(0)
    pmf = np.fft.fft(np.exp(log_gf)).real / n
    return np.clip(pmf, 0.0, None)


def _probabilities(theta: float, t1: np.ndarray, t0: np.ndarray) -> np.ndarray:
    return theta * t1 / (theta * t1 + t0)


def _tails(
    log_theta: float, m: np.ndarray, t1: np.ndarray, t0: np.ndarray, s: int
) -> tuple[float, float]:
    """P(S <= s) and P(S >= s) under the rate ratio exp(log_theta)."""
    pmf = _distribution(m, _probabilities(np.exp(log_theta), t1, t0))
    return float(pmf[: s + 1].sum()), float(pmf[s:].sum())


def _solve(f: Callable[[float], float], target: float) -> float:
    """exp of the root of f(log θ) = target on the search interval."""
    lo, hi = -_LOG_BOUND, _LOG_BOUND
    f_lo, f_hi = f(lo) - target, f(hi) - target
    if f_lo * f_hi > 0:
        return np.nan  # beyond exp(±30): not bounded by these data
    return float(np.exp(optimize.brentq(lambda x: f(x) - target, lo, hi, xtol=1e-10)))


def _one_cell(
    a: np.ndarray, b: np.ndarray, t1: np.ndarray, t0: np.ndarray, alpha: float
) -> tuple[float, float, float, float]:
    m = (a + b).astype(np.int64)
    keep = (m > 0) & (t1 > 0) & (t0 > 0)
    if not keep.any():
        return np.nan, np.nan, np.nan, np.nan
    m, t1, t0 = m[keep], t1[keep], t0[keep]
    s = int(a[keep].sum())
    total = int(m.sum())

    def mean(log_theta: float) -> float:
        return float((m * _probabilities(np.exp(log_theta), t1, t0)).sum())

    if s == 0:  # the MLE is 0: median-unbiased estimate, P(S <= 0) = 1/2
        estimate = _solve(lambda x: -_tails(x, m, t1, t0, s)[0], -0.5)
    elif s == total:  # the MLE is infinite: P(S >= total) = 1/2
        estimate = _solve(lambda x: _tails(x, m, t1, t0, s)[1], 0.5)
    else:
        estimate = _solve(mean, s)
    # a side the data do not bound is NaN, never 0 or infinity
    low = np.nan if s == 0 else _solve(lambda x: _tails(x, m, t1, t0, s)[1], alpha / 2)
    high = (
        np.nan
        if s == total
        else _solve(lambda x: -_tails(x, m, t1, t0, s)[0], -alpha / 2)
    )
    at_one = _tails(0.0, m, t1, t0, s)
    p_value = min(1.0, 2 * min(at_one))
    return estimate, low, high, p_value


def exact_stratified_rate_ratio(
    a: np.ndarray,
    t1: np.ndarray,
    b: np.ndarray,
    t0: np.ndarray,
    *,
    confidence_level: float = 0.95,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Exact stratified rate ratio, interval and p-value, per column.

    Parameters
    ----------
    a, b : numpy.ndarray
        Events with and without the practice, shape (strata, cells).
    t1, t0 : numpy.ndarray
        Exposure (mission-days) with and without, shape (strata,).
    confidence_level : float, default=0.95
        Level of the interval.

    Returns
    -------
    tuple of numpy.ndarray
        ``(rate_ratio, ci_low, ci_high, p_value)``, one value per cell; NaN
        where no stratum has exposure both ways and a dispute. When every
        dispute falls on one side the ratio is the median-unbiased estimate
        (never 0 or infinite) and the open side of the interval is NaN.

    Examples
    --------
    One stratum: the exact conditional (Clopper-Pearson) comparison.

    >>> import numpy as np
    >>> r, lo, hi, p = exact_stratified_rate_ratio(
    ...     np.array([[3]]), np.array([100.0]), np.array([[9]]), np.array([150.0]))
    >>> np.round([r[0], lo[0], hi[0], p[0]], 3).tolist()
    [0.5, 0.087, 2.004, 0.451]
    """
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    t1 = np.asarray(t1, dtype=float)
    t0 = np.asarray(t0, dtype=float)
    alpha = 1 - confidence_level
    cells = [_one_cell(a[:, j], b[:, j], t1, t0, alpha) for j in range(a.shape[1])]
    ratio, low, high, p = (np.array(x, dtype=float) for x in zip(*cells, strict=True))
    return ratio, low, high, p
