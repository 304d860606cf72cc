"""A trend test that keeps its size when one client dominates a cause.

The slope of a Poisson trend (``log rate = a + b t``, exposure offset) is
tested with a wild cluster bootstrap of the restricted score (Kline and
Santos, 2012), clusters being clients: under ``b = b0`` the intercept is
refitted, each client's contribution ``s_c`` to the score of ``b`` is
computed, and the observed ``|sum s_c|`` is compared with ``|sum w_c s_c|``
over sign flips ``w_c = ±1`` (Rademacher weights): all ``2**G`` of them
with up to 12 clients (an exact randomization distribution), else a fixed
set of draws. A client whose missions come and go carries its own disputes
with it under every flip, so its weight in the trend is in the reference
distribution instead of being read as a change of the freelancer.

Measured on 300 simulated 40-client careers (``make_history``, causes with
no trend, 1,500 cells): share of p < 0.05 of 4.9% (4.8% on causes with a
client at 6 times the rate), against 9.3% (11.0%) for the client-clustered
sandwich with Student's t on G - 1 degrees of freedom, 7.0% (7.4%) for
CR2 with Bell–McCaffrey degrees of freedom, and 9.9% (11.9%) for
quasi-Poisson; the planted fading cause was found in 69% of careers
(sandwich 68%, CR2 67%, quasi-Poisson 54%; a within-client test keeps its
size but finds 22%).

The interval of ``exp(b)`` inverts the same test (the values ``b0`` it does
not reject), so the p-value is below ``alpha`` exactly when the interval
excludes 1.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np
from scipy import special

from ._poisson import median_unbiased_slope, poisson_trend

__all__ = [
    "BOOTSTRAP_MAX_CLIENTS",
    "ENUMERATE_MAX_CLIENTS",
    "MIN_CLUSTERS",
    "ClusterCells",
    "sign_flips",
    "wild_cluster_trend",
]

#: Below this many clients with exposure, clustering cannot be assessed.
MIN_CLUSTERS = 6
#: Up to this many clients, every sign flip is used (exact).
ENUMERATE_MAX_CLIENTS = 12
#: Above this many clients, the flips' distribution is replaced by its
#: normal limit (a cluster-robust score test).
BOOTSTRAP_MAX_CLIENTS = 2000
_MAX_LOG_RATIO = 10.0  # bounds beyond exp(±10) a year are reported as NaN


class ClusterCells(NamedTuple):
    """Client x period cells with exposure: the data of the trend test."""

    client: np.ndarray  # client code of each cell, 0..G-1
    period: np.ndarray  # period number of each cell (position in ``t``)
    exposure: np.ndarray  # mission-days of the cell
    n_clients: int


class WildFit(NamedTuple):
    """Slope, its inverted-test interval, p-value and null standard error."""

    slope: float
    ci_low: float
    ci_high: float
    p_value: float
    se_null: float


def sign_flips(
    n_clients: int, *, n_resamples: int, random_state: int
) -> np.ndarray | None:
    """The Rademacher weights, rows = resamples; None beyond the bootstrap."""
    if n_clients > BOOTSTRAP_MAX_CLIENTS:
        return None
    if n_clients <= ENUMERATE_MAX_CLIENTS:
        codes = np.arange(2**n_clients)[:, None] >> np.arange(n_clients)
        return (2.0 * (codes & 1) - 1.0).astype(float)
    rng = np.random.default_rng(random_state)
    return rng.choice(np.array([-1.0, 1.0]), size=(n_resamples, n_clients))


def _scores(b0: float, y: np.ndarray, cells: ClusterCells, t: np.ndarray) -> np.ndarray:
    """Each client's score for the slope at ``b = b0``, intercept refitted."""
    w = np.exp(b0 * (t - t.mean()))
    ew = cells.exposure * w[cells.period]
    tc = t[cells.period]
    total = ew.sum()
    t_bar = (ew * tc).sum() / total
    expected = y.sum() * ew / total
    return np.bincount(
        cells.client, weights=(y - expected) * (tc - t_bar), minlength=cells.n_clients
    )


def _p_value(s: np.ndarray, flips: np.ndarray | None) -> float:
    observed = abs(s.sum())
    if flips is None:
        v = float((s**2).sum())
        return float(2 * special.ndtr(-observed / np.sqrt(v))) if v > 0 else 1.0
    tol = 1e-9 * max(observed, np.abs(s).sum(), 1e-300)
    hits = int((np.abs(flips @ s) >= observed - tol).sum())
    if len(flips) == 2 ** flips.shape[1]:  # every flip: exact
        return hits / len(flips)
    return (1 + hits) / (1 + len(flips))


def _mle(y_p: np.ndarray, e_p: np.ndarray, t: np.ndarray) -> float:
    """Pooled Poisson MLE of the slope; median-unbiased at the boundary.

    When every dispute sits in the first (or last) period the MLE is
    infinite; the exact conditional distribution then gives the
    median-unbiased estimate, the slope at which such an extreme split has
    probability 1/2: ``P(all n in that period) = pi(b)**n``.
    """
    n = y_p.sum()
    if y_p[np.argmin(t)] == n or y_p[np.argmax(t)] == n:
        return median_unbiased_slope(y_p, t, np.log(e_p))
    return float(poisson_trend(y_p, t, np.log(e_p)).slope)


def _bound(
    p_at: Callable[[float], float], start: float, sign: float, alpha: float
) -> float:
    """The last slope from ``start`` towards ``sign`` that the test accepts."""
    inside, step = start, 0.02
    outside = np.nan
    while abs(start + sign * step) <= _MAX_LOG_RATIO:
        b = start + sign * step
        if p_at(b) < alpha:
            outside = b
            break
        inside, step = b, step * 2.0
    if np.isnan(outside):
        return np.nan
    for _ in range(40):
        mid = (inside + outside) / 2
        if p_at(mid) < alpha:
            outside = mid
        else:
            inside = mid
        if abs(outside - inside) < 1e-7:
            break
    return (inside + outside) / 2


def wild_cluster_trend(
    y: np.ndarray,
    cells: ClusterCells,
    t: np.ndarray,
    flips: np.ndarray | None,
    *,
    alpha: float = 0.05,
) -> WildFit:
    """Test and interval of the yearly slope by the wild cluster score bootstrap.

    Parameters
    ----------
    y : numpy.ndarray
        Disputes of each cell of ``cells``.
    cells : ClusterCells
        Client x period cells with exposure.
    t : numpy.ndarray
        Time in years of each period.
    flips : numpy.ndarray or None
        Sign flips from :func:`sign_flips` (None: the normal limit).
    alpha : float, default=0.05
        The interval is at level ``1 - alpha``.

    Returns
    -------
    WildFit
        ``slope`` (pooled MLE, or median-unbiased when every dispute sits in
        the first or last period), the interval bounds of the slope (NaN on
        a side the data do not bound), ``p_value`` and ``se_null``, the
        standard error of the slope under no trend (the larger of the
        Poisson and the client-clustered one), for ``detectable_ratio``.
    """
    y = np.asarray(y, dtype=float)
    n = y.sum()
    if n == 0:
        return WildFit(np.nan, np.nan, np.nan, np.nan, np.nan)
    y_p = np.bincount(cells.period, weights=y, minlength=len(t))
    e_p = np.bincount(cells.period, weights=cells.exposure, minlength=len(t))
    slope = _mle(y_p, e_p, t)

    def p_at(b0: float) -> float:
        return _p_value(_scores(b0, y, cells, t), flips)

    s0 = _scores(0.0, y, cells, t)
    share = e_p / e_p.sum()
    info = n * float((share * (t - (share * t).sum()) ** 2).sum())
    se_null = np.nan
    if info > 0:
        se_null = max(np.sqrt(1 / info), np.sqrt((s0**2).sum()) / info)
    p = _p_value(s0, flips)
    low = _bound(p_at, slope, -1.0, alpha)
    high = _bound(p_at, slope, 1.0, alpha)
    return WildFit(slope, low, high, p, float(se_null))
