"""A Poisson regression of counts on time, with an exposure offset.

Small and exact on purpose: two parameters (intercept and slope), fitted by
Newton's method, so statsmodels is not needed at run time (the tests check
every number against it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np
from scipy import optimize, special, stats

__all__ = ["MIN_CLUSTERS", "VARIANCES", "TrendFit", "poisson_trend"]

#: How the uncertainty of the slope can be estimated.
VARIANCES = ("client", "quasi", "poisson")
#: Below this many clients, a client-clustered variance is not trusted.
MIN_CLUSTERS = 10

#: ``scores(x, rate)``: each client's score contributions, an array (clients
#: x 2), given the design ``x`` (periods x 2) and the fitted rate per period.
ClusterScores = Callable[[np.ndarray, np.ndarray], np.ndarray]


class TrendFit(NamedTuple):
    """The slope of a Poisson trend, with its interval and test."""

    slope: float
    se: float
    ci_low: float
    ci_high: float
    p_value: float
    variance: str


NAN_FIT = TrendFit(np.nan, np.nan, np.nan, np.nan, np.nan, "")


def _profile_deviance(
    b: float, y: np.ndarray, t: np.ndarray, log_e: np.ndarray
) -> float:
    """Deviance from the boundary fit at slope ``b``, intercept profiled out."""
    n = y.sum()
    lse = special.logsumexp(log_e + b * t)
    ll = (y * log_e).sum() + b * (y * t).sum() + n * (np.log(n) - lse) - n
    return float(2.0 * ((n * np.log(n) - n) - ll))


def _boundary_fit(
    y: np.ndarray, t: np.ndarray, log_e: np.ndarray, sign: int, crit: float
) -> TrendFit:
    """Every count in the first (sign=-1) or last (+1) period: the MLE slope is
    infinite; give the likelihood-ratio p-value and a profile-likelihood bound.
    """
    p = float(stats.chi2.sf(_profile_deviance(0.0, y, t, log_e), 1))

    def f(b: float) -> float:
        return _profile_deviance(b, y, t, log_e) - crit

    # f -> -crit as b -> sign * inf, and grows the other way
    near, far = -sign * 1.0, sign * 1.0
    while f(near) < 0:
        near *= 2.0
    while f(far) > 0:
        far *= 2.0
    bound = float(np.exp(optimize.brentq(f, min(near, far), max(near, far))))
    # the MLE is infinite: give the exact conditional, median-unbiased slope
    slope = median_unbiased_slope(y, t, log_e)
    if sign < 0:
        return TrendFit(slope, np.nan, np.nan, bound, p, "likelihood ratio")
    return TrendFit(slope, np.nan, bound, np.nan, p, "likelihood ratio")


def median_unbiased_slope(y: np.ndarray, t: np.ndarray, log_e: np.ndarray) -> float:
    """The slope at which every dispute falling where they fell has probability 1/2.

    Given the total ``n``, the counts per period are multinomial with
    probabilities ``pi_p(b)`` proportional to ``exp(log_e_p + b t_p)``; when
    all ``n`` sit in the first (or last) period, the maximum likelihood slope
    is infinite and the exact conditional median-unbiased estimate solves
    ``pi(b) ** n = 1/2`` for that period.
    """
    n = float(y.sum())
    end = int(np.argmin(t)) if y[np.argmin(t)] == n else int(np.argmax(t))
    tc = t - t.mean()

    def g(b: float) -> float:
        lse = special.logsumexp(log_e + b * tc)
        return float(n * (log_e[end] + b * tc[end] - lse) - np.log(0.5))

    half = 1.0  # g is monotone: widen [-half, half] until it changes sign
    while g(-half) * g(half) > 0 and half < 1e6:
        half *= 2.0
    return float(optimize.brentq(g, -half, half))


def poisson_trend(
    y: np.ndarray,
    t: np.ndarray,
    log_e: np.ndarray,
    *,
    alpha: float = 0.05,
    variance: str = "poisson",
    cluster_scores: ClusterScores | None = None,
) -> TrendFit:
    """Fit ``log E[y] = a + b t + log_e`` and test ``b = 0``.

    Parameters
    ----------
    y, t, log_e : array
        Counts, time (years) and log exposure, one value per period.
    alpha : float, default=0.05
        The interval of ``exp(b)`` is at level ``1 - alpha``.
    variance : {"poisson", "quasi", "client"}, default="poisson"
        ``"poisson"``: the inverse Fisher information and a normal reference
        (statsmodels' Poisson GLM). ``"quasi"``: when the Pearson dispersion
        ``X2 / (n - 2)`` exceeds 1, the standard error is scaled by its root
        and the reference is Student's t with ``n - 2`` degrees of freedom
        (statsmodels' ``fit(scale="X2", use_t=True)``). ``"client"``: the
        sandwich variance clustered by client, ``B M B`` with ``M = G/(G-1)
        sum_c s_c s_c'`` over the ``G`` clients' scores, never below the
        Poisson one, with Student's t on ``G - 1`` degrees of freedom; it
        needs ``cluster_scores`` and at least :data:`MIN_CLUSTERS` clients,
        else ``"quasi"`` is used.
    cluster_scores : callable, optional
        ``cluster_scores(x, rate)`` returns each client's score contributions
        (clients x 2) for the design ``x`` and the fitted rate per period.

    Returns
    -------
    TrendFit
        ``slope``, ``se``, the interval of ``exp(slope)``, the two-sided
        p-value and the variance actually used. All NaN without any count.
        When every count sits in the first or last period the slope is
        infinite; the p-value is then the likelihood-ratio one and the finite
        bound a profile-likelihood one.
    """
    y = np.asarray(y, dtype=float)
    t = np.asarray(t, dtype=float)
    log_e = np.asarray(log_e, dtype=float)
    n = y.sum()
    if n == 0 or len(y) < 2 or np.ptp(t) == 0:
        return NAN_FIT
    t_mean_y = (y * t).sum() / n
    span = np.ptp(t)
    crit = float(stats.chi2.ppf(1 - alpha, 1))
    if t_mean_y <= t.min() + 1e-12 * span:
        return _boundary_fit(y, t, log_e, -1, crit)
    if t_mean_y >= t.max() - 1e-12 * span:
        return _boundary_fit(y, t, log_e, 1, crit)
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
        while True:  # step halving keeps every step uphill
            new = beta + scale * step
            ll_new = loglik(new)
            if ll_new >= ll - 1e-10 * abs(ll) or scale < 1e-10:
                break
            scale /= 2.0
        beta, ll = new, ll_new
        if np.max(np.abs(scale * step)) < 1e-12:
            break
    mu = np.exp(x @ beta + log_e)
    bread = np.linalg.inv((x * mu[:, None]).T @ x)
    slope, se = float(beta[1]), float(np.sqrt(bread[1, 1]))
    ref = stats.norm
    used = "poisson"
    if variance == "client" and cluster_scores is not None:
        s = cluster_scores(x, np.exp(x @ beta))
        g = len(s)
        if g >= MIN_CLUSTERS:
            meat = s.T @ s * (g / (g - 1))
            se = max(se, float(np.sqrt((bread @ meat @ bread)[1, 1])))
            ref, used = stats.t(g - 1), "client"
    if variance in ("quasi", "client") and used == "poisson" and len(y) > 2:
        df = len(y) - 2
        phi = float(((y - mu) ** 2 / mu).sum() / df)
        used = "quasi"
        if phi > 1:
            se *= np.sqrt(phi)
            ref = stats.t(df)
    z = float(ref.ppf(1 - alpha / 2))
    p = float(2 * ref.sf(abs(slope) / se))
    lo, hi = float(np.exp(slope - z * se)), float(np.exp(slope + z * se))
    return TrendFit(slope, se, lo, hi, p, used)
