"""Since when did it get better? The most likely date a cause's rate changed.

For each cause, every month boundary ``tau`` leaving at least
``min_segment`` months on each side is scored by the score test of a step
in the exposure-adjusted rate at ``tau`` in a model where each client has
its own level (a gamma frailty ``u_c``: Poisson disputes per client-month
at ``rate * u_c * mission-days``, times the step after ``tau``). The score
has two parts:

- *within clients*: given its total, each client's disputes fall in months
  in proportion to its mission-days; the step is seen in how many fall
  after ``tau`` against that share (the conditional, Mantel-Haenszel-like
  comparison, which no client's level can move);
- *between clients*: clients whose mission-days lie mostly after ``tau``
  should have fewer disputes in all; each client weighs
  ``1 / (1 + phi mu_c)`` (negative binomial), ``phi`` the estimated
  variance of the frailties, so a heavy client counts by how far its level
  is from the others, not by its number of disputes. Without spread
  between clients (``phi = 0``) the score is the pooled Poisson one; with
  much, it tends to the within-client one.

The standardised score ``Z(tau)`` is maximised over dates. Its p-value
accounts for the search: the share of careers simulated under no change
(frailties from the fitted gamma, Poisson disputes per client-month, the
same exposure) whose largest ``|Z|`` is as large (a parametric bootstrap).

Measured with ``benchmarks/power_change_points.py`` on 100 ``make_history``
careers each (see :func:`change_points` for the figures). The ceiling: an
oracle that knows the planted date and tests the step there within clients
only finds it in 27% of 40-client careers and 57% of 80-client ones (mid-p
tails; the clients whose missions straddle the date carry a quarter of the
information); tested pooled, 85% and 98%. Comparing within clients only is
therefore not enough to date the change "in most careers"; the between
part brings back the information while a heavy client's missions coming and
going stay harmless (3% of p < 0.05 on 200 careers built for it, against 10%
for the wild cluster bootstrap of the pooled score this replaced).

Where the rest of the power goes, with 40 clients (same benchmark):

- the two parts are the two factors of the frailty model's likelihood (the
  months of each client's disputes given its total, and the totals), so
  their scores add with no weight to choose; the only loss is the frailty
  variance, estimated under no change and inflated by the change itself
  (median 0.13 on the planted cause, whose clients do not differ): at the
  planted date the combined score finds the drop at p < 0.05 / 7 in 57% of
  careers, the pooled one in 63%. Re-estimating the variance with the step
  at each date (its least value over the dates, or its value at the best
  one) did not gain power (36% against 39% at p < 0.05 / 7): the
  simulated maxima grow as much;
- the search over dates: a pooled scan *told* that clients do not differ
  (simulated as pure Poisson; it gives 31% of p < 0.05 on the causes
  without a change, so it cannot be used) finds the drop at p < 0.05 in 74%
  of careers (oracle: 85%), dates it within 12 months in 54%. For this
  test, a quarterly grid of dates or ``min_segment=36`` (giving up the
  first and last three years) gained at most 6 points at p < 0.05 and 4
  at p < 0.05 / 7;
- the q-value: with seven rows of which the drop is usually the only
  discovery, q < 0.05 asks p < 0.05 / 7 of it. There the oracle at the
  date finds it in 63% of careers, the idealised scan in 41% (dated: 28%),
  ``change_points`` in 38% (28%). Even a scan weighted towards mid-career
  (the unstandardised pooled score, also told that clients do not differ)
  dated it in only 43%: with 40 clients, dating the planted drop with
  q < 0.05 in most careers was out of reach of every test measured that
  has to find the date, including those told what this one cannot know.

With 80 clients, ``change_points`` does it in 75% (idealised scan: 69%).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd
from scipy import optimize, sparse, special

from .._labels import Verdict
from ..errors import NotApplicableError
from ..model import History
from ._common import ALL, check_choice, check_history
from ._effects import rate_ratio_test
from ._trends import TREND_CAUSE_DTYPE, exposure_cells
from ._verdicts import detectable_ratio, q_values, verdict_column, verdicts
from ._wild import MIN_CLUSTERS, ClusterCells, _bound

__all__ = ["CHANGE_COLUMNS", "change_points"]

CHANGE_COLUMNS = [
    "cause",
    "n_disputes",
    "changed_at",
    "rate_before",
    "rate_after",
    "rate_ratio",
    "ci_low",
    "ci_high",
    "p_value",
    "q_value",
    "detectable_ratio",
    "direction",
]
#: Below this many disputes of a cause, no change point is searched.
MIN_CHANGE_DISPUTES = 10
CHANGE_VERDICTS = (
    Verdict.RISING,
    Verdict.FALLING,
    Verdict.NO_CLEAR_CHANGE,
    Verdict.TOO_FEW,
)
_CELL_DRAWS = 2_000_000  # simulated disputes per chunk of resamples (memory)
#: Simulated disputes (or clients, if more) per cause at most, over all the
#: resamples: beyond, fewer resamples (99 at least).
_MAX_DRAWS = 20_000_000
_LAMBDA_STEPS = 50
_MAX_LOG = 10.0  # rate ratios searched within exp(±10)


class _Design(NamedTuple):
    """Each client's share of its mission-days after each candidate date.

    Stored without a dense clients x dates matrix: the share is 1 at every
    date up to the client's first month (``first``: how many dates), 0
    after its last one, and in between (``partial``, sparse) a fraction.
    """

    first: sparse.csr_array  # clients x (dates + 1): 1 at the number of
    # dates at which all the client's exposure is after
    partial: sparse.csr_array  # clients x dates, the fractional shares
    exposure: np.ndarray  # each client's mission-days
    dates: np.ndarray  # candidate boundaries (index of the first month after)

    def times(self, x: np.ndarray, power: int = 1) -> np.ndarray:
        """``x @ share**power`` for rows ``x`` (samples x clients)."""
        counts = np.asarray((self.first.T @ x.T).T)
        full = np.cumsum(counts[:, ::-1], axis=1)[:, ::-1][:, 1:]
        q = self.partial if power == 1 else self.partial.power(power)
        return full + np.asarray((q.T @ x.T).T)

    def spread(self, x: np.ndarray) -> np.ndarray:
        """``x @ (share * (1 - share))``: only the fractional shares count."""
        q = self.partial
        return np.asarray(((q - q.power(2)).T @ x.T).T)

    def column(self, j: int) -> np.ndarray:
        """Every client's share after date ``j``."""
        col = self.partial[:, [j]].toarray().ravel()
        return np.where(self.first.indices > j, 1.0, col)


def _design(
    cells: ClusterCells, e_client: np.ndarray, dates: np.ndarray, n_months: int
) -> _Design:
    """The shares after each date, from the client x month cells."""
    g = cells.n_clients
    order = np.lexsort((cells.period, cells.client))
    client, period = cells.client[order], cells.period[order]
    cum = np.cumsum(cells.exposure[order])
    start = np.r_[0, np.cumsum(np.bincount(client, minlength=g))]
    cum = cum - np.r_[0.0, cum][start[client]]  # per client, months up to each
    lo = np.full(g, n_months)
    hi = np.full(g, -1)
    np.minimum.at(lo, client, period)
    np.maximum.at(hi, client, period)
    first = np.searchsorted(dates, lo, side="right")  # dates <= first month
    stop = np.searchsorted(dates, hi, side="right")  # dates <= last month
    width = np.maximum(stop - first, 0)
    who = np.repeat(np.arange(g), width)
    at = np.arange(width.sum()) - np.repeat(np.cumsum(width) - width, width)
    date_index = first[who] + at
    key = client.astype(np.int64) * (n_months + 1) + period
    last = np.searchsorted(key, who * (n_months + 1) + dates[date_index]) - 1
    before = cum[last]
    values = 1.0 - before / e_client[who]
    partial = sparse.csr_array((values, (who, date_index)), shape=(g, len(dates)))
    onehot = sparse.csr_array(
        (np.ones(g), first, np.arange(g + 1)), shape=(g, len(dates) + 1)
    )
    return _Design(onehot, partial, e_client, dates)


def _dispersion_and_rate(
    n: np.ndarray, exposure: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Moment estimate of the clients' frailty variance ``phi`` (gamma
    frailty: ``Var N_c = mu_c + phi mu_c**2``), then the common rate that
    solves the negative binomial score equation given ``phi``; per row."""
    rate0 = n.sum(axis=1, keepdims=True) / exposure.sum()
    mu = rate0 * exposure
    spread = (mu**2).sum(axis=1, keepdims=True)
    excess = ((n - mu) ** 2 - n).sum(axis=1, keepdims=True)
    phi = np.maximum(
        0.0, np.divide(excess, spread, out=np.zeros_like(excess), where=spread > 0)
    )
    rate = rate0
    for _ in range(_LAMBDA_STEPS):  # Newton on sum (n - rate E) / (1 + phi rate E)
        denom = 1.0 + phi * rate * exposure
        f = ((n - rate * exposure) / denom).sum(axis=1, keepdims=True)
        slope = (exposure * (1.0 + phi * n) / denom**2).sum(axis=1, keepdims=True)
        step = np.divide(f, slope, out=np.zeros_like(f), where=slope > 0)
        new = np.clip(rate + step, rate / 2, rate * 2)  # f falls: stay positive
        done = np.all(np.abs(new - rate) <= 1e-12 * rate)
        rate = new
        if done:
            break
    return phi, rate


def _scan(after: np.ndarray, n: np.ndarray, design: _Design) -> np.ndarray:
    """The standardised score of a step at every date, one row per sample.

    ``after``: disputes after each date (samples x dates); ``n``: each
    client's disputes (samples x clients). The score adds the comparison of
    each client with itself (given its total, its disputes fall in months
    in proportion to its exposure) and the comparison between clients of a
    negative binomial (gamma frailty) model, whose weights
    ``1 / (1 + phi mu_c)`` shrink to nothing for a client far from the
    others: a heavy client's missions coming and going weigh by its
    frailty, not by its disputes.
    """
    phi, rate = _dispersion_and_rate(n, design.exposure)
    mu = rate * design.exposure
    w = 1.0 / (1.0 + phi * mu)
    r = w * (n - mu)
    wm = w * mu
    m1, m2 = design.times(r), design.times(wm)
    s1, s2 = r.sum(axis=1, keepdims=True), wm.sum(axis=1, keepdims=True)
    mean_share = np.divide(m2, s2, out=np.zeros_like(m2), where=s2 > 0)
    between = m1 - mean_share * s1
    v_between = design.times(wm, 2) - 2 * mean_share * m2 + mean_share**2 * s2
    within = after - design.times(n)
    v = design.spread(n) + v_between
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(v > 1e-12, (within + between) / np.sqrt(v), 0.0)


def _p_value(
    observed: float,
    cells: ClusterCells,
    design: _Design,
    n: np.ndarray,
    n_months: int,
    n_resamples: int,
    random_state: int,
) -> float:
    """Share of careers simulated without change whose largest statistic
    over dates is as large (a parametric bootstrap of the null model).

    Each simulated career draws a frailty per client from the fitted gamma,
    the client's disputes from a Poisson of ``rate * frailty * mission-days``,
    and the month of each dispute from the client's months in proportion to
    their mission-days (the same as Poisson disputes per client-month, at a
    cost that follows the disputes, not the client-months).
    """
    phi, rate = _dispersion_and_rate(n[None, :], design.exposure)
    phi_, rate_ = float(phi[0, 0]), float(rate[0, 0])
    rng = np.random.default_rng(random_state)
    g = cells.n_clients
    # each client's months as a run of cumulative shares: client + share
    order = np.lexsort((cells.period, cells.client))
    client, period = cells.client[order], cells.period[order]
    cum = np.cumsum(cells.exposure[order])
    start = np.r_[0, np.cumsum(np.bincount(client, minlength=g))]
    before = np.r_[0.0, cum][start[client]]
    key = client + (cum - before) / design.exposure[client]
    key[np.r_[start[1:] - 1]] = np.arange(g) + 1.0  # each run ends exactly
    per_sample = max(float(n.sum()), float(g))
    n_resamples = max(min(n_resamples, int(_MAX_DRAWS // per_sample)), 99)
    chunk = max(1, min(n_resamples, int(_CELL_DRAWS // per_sample)))
    hits = done = 0
    while done < n_resamples:
        r = min(chunk, n_resamples - done)
        frailty = rng.gamma(1 / phi_, phi_, (r, g)) if phi_ > 0 else np.ones((r, g))
        n_sim = rng.poisson(rate_ * frailty * design.exposure)
        flat = n_sim.ravel()
        sample = np.repeat(np.arange(r * g) // g, flat)
        who = np.repeat(np.tile(np.arange(g), r), flat)
        at = np.searchsorted(key, who + rng.random(len(who)), side="right")
        months = np.bincount(
            sample * n_months + period[np.minimum(at, len(key) - 1)],
            minlength=r * n_months,
        ).reshape(r, n_months)
        after = _after(months.astype(float), design.dates)
        largest = np.abs(_scan(after, n_sim.astype(float), design)).max(axis=1)
        hits += int((largest >= observed - 1e-9).sum())
        done += r
    return (1 + hits) / (1 + done)


def _after(months: np.ndarray, dates: np.ndarray) -> np.ndarray:
    """Disputes in the months from each boundary on (rows: samples)."""
    tail = np.cumsum(months[:, ::-1], axis=1)[:, ::-1]
    tail = np.c_[tail, np.zeros(len(tail))]
    return tail[:, dates]


def _between_information(
    n: np.ndarray, exposure: np.ndarray, share: np.ndarray, phi: float
) -> float:
    """Information on the step from the comparison between clients."""
    _, rate = _dispersion_and_rate(n[None, :], exposure)
    mu = float(rate[0, 0]) * exposure
    wm = mu / (1.0 + phi * mu)
    mean_share = (wm * share).sum() / wm.sum()
    return float((wm * (share - mean_share) ** 2).sum())


def _step_score(
    delta: float,
    after: float,
    n: np.ndarray,
    e_before: np.ndarray,
    e_after: np.ndarray,
    phi: float,
) -> tuple[float, float]:
    """The scan's score of a step ``exp(delta)`` at one date, and its
    variance (the rate refitted under that step)."""
    theta = np.exp(delta)
    total = e_before + theta * e_after
    share = np.divide(theta * e_after, total, out=np.zeros_like(total), where=total > 0)
    rate = n.sum() / total.sum()
    for _ in range(_LAMBDA_STEPS):
        w = 1.0 / (1.0 + phi * rate * total)
        new = (w * n).sum() / (w * total).sum()
        if abs(new - rate) <= 1e-13 * rate:
            rate = new
            break
        rate = new
    mu = rate * total
    w = 1.0 / (1.0 + phi * mu)
    mean_share = (w * mu * share).sum() / (w * mu).sum()
    score = after - (n * share).sum() + (w * (n - mu) * (share - mean_share)).sum()
    v = (n * share * (1 - share)).sum() + (w * mu * (share - mean_share) ** 2).sum()
    return float(score), float(v)


def change_points(
    history: History,
    *,
    by: str | None = "cause",
    min_segment: int = 24,
    alpha: float = 0.05,
    min_disputes: int = MIN_CHANGE_DISPUTES,
    n_resamples: int = 999,
    random_state: int = 0,
) -> pd.DataFrame:
    """Find, cause by cause, the date when the dispute rate most likely changed.

    "Is it getting better?" is answered by :func:`trend_summary`; this asks
    *since when*. Each month boundary leaving at least ``min_segment``
    months on each side is a candidate date, scored by the test of a step in
    the exposure-adjusted rate at that date; the date with the largest
    score is kept. Disputes cluster by client, and a heavy client whose
    missions come and go moves the pooled rate although no client changed:
    the score compares each client with itself, and compares clients with
    one another through a model in which each has its own level (negative
    binomial), so a heavy client weighs by how far it is from the others,
    not by its number of disputes. The p-value is that of the *largest*
    score over all dates among careers simulated without change, which
    accounts for the search over dates. P-values get Benjamini–Hochberg
    q-values across the rows.

    Measured with ``benchmarks/power_change_points.py`` on 100
    ``make_history`` careers of 40 clients (a fourfold drop of one cause in
    mid-career; the other causes without change, most with a client at 6
    times the rate): 4.7% of p < 0.05 on the 492 causes without change
    (4.5% of those with a heavy client); the planted drop got q < 0.05 in
    38% of careers and was dated within 12 months in 28% (p < 0.05: 72%
    and 55%). With 80 clients: 5.0% of 500; 86% and 75%. The wild cluster
    bootstrap of the pooled score this replaced: 5.3% and 6.0%; 34% and 23%
    with 40 clients, 85% and 63% with 80. With 40 clients the data allow
    little more: knowing the date, a test within clients only finds the
    drop in 27% of careers (mid-p; 57% with 80), a pooled one in 85% (98%);
    at the level q < 0.05 asks of a single discovery among the seven rows
    (p < 0.05 / 7), the pooled oracle finds 63%, and a pooled scan told
    that clients do not differ (which gives 31% false alarms on the causes
    without a change) dates the drop in 28%, as this one does: dating it in
    most 40-client careers was out of reach of every test measured that has
    to search the date (see the module notes). The p-values of the causes
    without a change are close to uniform (0.6% below 0.01 with 40 clients,
    1.0% with 80; Kolmogorov–Smirnov p = 0.22 and 0.60). On careers where
    one client at 6 times the rate works only the first two years, 3% of
    p < 0.05 over 200 careers (the replaced test: 10%).

    Parameters
    ----------
    history : History
        The disputes and their missions (exposure is required).
    by : {"cause", None}, default="cause"
        One row per :class:`Cause` then ``"all"`` (every dispute once), or
        only ``"all"``.
    min_segment : int, default=24
        Months of history required on each side of a candidate date (dates
        near the ends of a career are seen through few clients and
        missions).
    alpha : float, default=0.05
        The level the q-value must be below for a direction; the interval of
        the rate ratio is at ``1 - alpha``.
    min_disputes : int, default=10
        The documented minimum: with fewer disputes (that have exposure), or
        fewer than 6 clients with missions, or a career shorter than
        ``min_segment`` months on both sides of any date, a cause is too few
        to tell and nothing is searched.
    n_resamples : int, default=999
        Careers simulated without change for the p-value (fewer, but at
        least 99, when a cause's disputes, or clients if more, times the
        resamples would exceed 20 million: with 60,000 clients, 333).
    random_state : int, default=0
        Seed of the simulations: the same history gives the same answer.

    Returns
    -------
    pandas.DataFrame
        One row per cause (then ``"all"``), with columns:

        - ``cause``; ``n_disputes``: disputes counted (their client had
          mission-days in the month they were opened, or they were opened
          after their mission ended: see :func:`trend_summary`);
        - ``changed_at``: the first day of the first month after the change;
        - ``rate_before``, ``rate_after``: disputes per 100 mission-days,
          all clients, before and after that date;
        - ``rate_ratio``: after over before, the value that zeroes the same
          score (a heavy client does not drag it); when a side has no
          dispute, the exact median-unbiased pooled value; ``ci_low``,
          ``ci_high``: its interval *at that date*, inverting the same test
          with its normal reference (it does not account for the search;
          the p-value does); NaN on a side the data do not bound;
        - ``p_value``: of the largest score over all candidate dates;
          ``q_value``: Benjamini–Hochberg across the rows;
        - ``detectable_ratio``: the rate ratio (or its inverse) a test at
          that date would find with 80% power;
        - ``direction``: a :class:`Verdict` (``falling``: fewer disputes
          after the date).

        Rows below the minimum, or without room for a date, have NaN.

    Raises
    ------
    NotApplicableError
        Without missions: the rates need each client's mission-days.

    Examples
    --------
    >>> import conflictkit as ck
    >>> h = ck.make_history(n_clients=80, seed=1)
    >>> h.planted["fading_cause"]["after"]
    '2020-01-01'
    >>> cp = ck.change_points(h).set_index("cause")
    >>> str(cp.loc["tone", "changed_at"].date()), str(cp.loc["tone", "direction"])
    ('2019-09-01', 'falling')
    """
    history = check_history(history)
    check_choice("by", by, ["cause", None])
    if not 0 < alpha < 1:
        raise ValueError(f"`alpha` must be between 0 and 1, but {alpha!r} was passed.")
    if isinstance(min_segment, bool) or not isinstance(min_segment, int | np.integer):
        raise ValueError(
            "The value for `min_segment` must be a positive number of months, "
            f"but {min_segment!r} was passed."
        )
    if not history.has_missions:
        raise NotApplicableError(
            "change_points compares dispute rates per mission-day, but the "
            "history has no missions. Record them (missions=... in "
            "ck.read_history) to date changes."
        )
    table, ex = exposure_cells(history, "ME")
    cells = ex.cells
    assert cells is not None  # there are missions
    n_months = len(ex.t)
    # boundary k puts the first k months with exposure before the date
    months_in = np.round(ex.t * 12).astype(np.int64)
    allowed = np.zeros(n_months + 1, dtype=bool)
    if n_months:
        calendar = np.r_[months_in, months_in[-1] + 1]
        allowed = (calendar - months_in[0] >= min_segment) & (
            months_in[-1] + 1 - calendar >= min_segment
        )
        allowed[[0, n_months]] = False
    g = cells.n_clients
    e_client = np.bincount(cells.client, weights=cells.exposure, minlength=g)
    dates = np.flatnonzero(allowed)
    design = _design(cells, e_client, dates, n_months)

    n_causes = table.counts.shape[1]
    codes = [n_causes] if by is None else [*range(n_causes), n_causes]
    rows = []
    for code in codes:
        cited = (
            table.cause_rows[table.cause_code == code]
            if code < n_causes
            else np.arange(len(history))
        )
        cited = cited[ex.used[cited]] if len(cited) else cited
        dispute_cell = ex.dispute_index[cited]
        n = len(cited)
        row: dict[str, object] = {"n_disputes": n}
        if n < min_disputes or not len(dates) or g < MIN_CLUSTERS:
            rows.append(row)
            continue
        n_client = np.bincount(cells.client[dispute_cell], minlength=g).astype(float)
        months = np.bincount(cells.period[dispute_cell], minlength=n_months)
        after = _after(months[None, :].astype(float), dates)
        z = _scan(after, n_client[None, :], design)[0]
        if not np.any(z != 0):
            rows.append(row)
            continue
        j = int(np.argmax(np.abs(z)))
        p = _p_value(
            float(abs(z[j])),
            cells,
            design,
            n_client,
            n_months,
            n_resamples,
            random_state,
        )
        phi = float(_dispersion_and_rate(n_client[None, :], e_client)[0][0, 0])
        share = design.column(j)
        e_a = share * e_client
        e_b = e_client - e_a
        after_n, before_n = float(after[0, j]), float(n - after[0, j])

        def score_at(
            delta: float,
            y1: float = after_n,
            n_c: np.ndarray = n_client,
            e0: np.ndarray = e_b,
            e1: np.ndarray = e_a,
            phi_: float = phi,
        ) -> tuple[float, float]:
            return _step_score(delta, y1, n_c, e0, e1, phi_)

        def p_at(delta: float) -> float:
            score, v = score_at(delta)
            return float(2 * special.ndtr(-abs(score) / np.sqrt(v))) if v > 0 else 1.0

        # the estimate solves the same score (the pooled ratio would not
        # discount a heavy client); with no dispute on a side, the exact
        # median-unbiased pooled value
        ratio = float(
            rate_ratio_test(int(after_n), e_a.sum(), int(before_n), e_b.sum())[0]
        )
        if after_n > 0 and before_n > 0:
            lo_, hi_ = score_at(-_MAX_LOG)[0], score_at(_MAX_LOG)[0]
            if lo_ > 0 > hi_:
                ratio = float(
                    np.exp(
                        optimize.brentq(lambda x: score_at(x)[0], -_MAX_LOG, _MAX_LOG)
                    )
                )
        start = np.log(ratio)
        low = _bound(p_at, start, -1.0, alpha)
        high = _bound(p_at, start, 1.0, alpha)
        info = float((n_client * share * (1 - share)).sum())
        between = _between_information(n_client, e_client, share, phi)
        row.update(
            changed_at=ex.periods[dates[j]],
            rate_before=100 * before_n / e_b.sum(),
            rate_after=100 * after_n / e_a.sum(),
            rate_ratio=ratio,
            ci_low=np.exp(low),
            ci_high=np.exp(high),
            p_value=p,
            se=1 / np.sqrt(info + between),
        )
        rows.append(row)
    out = pd.DataFrame(rows, columns=["n_disputes", *CHANGE_COLUMNS[2:9], "se"])
    out["changed_at"] = pd.to_datetime(out["changed_at"])
    labels = [ALL] if by is None else list(TREND_CAUSE_DTYPE.categories)
    out.insert(0, "cause", pd.Categorical(labels, dtype=TREND_CAUSE_DTYPE))
    out["q_value"] = q_values(out["p_value"])
    out["detectable_ratio"] = detectable_ratio(out["se"].astype(float), alpha=alpha)
    # a row with no test (too few disputes, fewer than 6 clients, a career
    # too short for min_segment on both sides) was decided before any test
    too_few = (out["n_disputes"].to_numpy() < min_disputes) | out[
        "p_value"
    ].isna().to_numpy()
    effect = np.log(out["rate_ratio"].astype(float).where(out["rate_ratio"] > 0))
    v = verdicts(out["q_value"], effect, too_few, alpha=alpha)
    out["direction"] = verdict_column(v, CHANGE_VERDICTS)
    return out[CHANGE_COLUMNS].astype({"n_disputes": "int64"})
