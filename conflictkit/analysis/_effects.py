"""What went with fewer disputes? Prevention and handling practices.

- :func:`prevention_effects`: dispute rate per 100 mission-days with versus
  without each mission practice, as a rate ratio with an exact interval.
- :func:`handling_effects`: with versus without each way of handling a
  dispute, time to resolution (censoring respected), agreement, retention.

Neither is adjusted for the other practices: a practice that goes with
others takes their credit too (prevention effects are compared within
clients, so easier clients do not). Read them as leads to check.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike
from scipy import special, stats

from .._labels import AGREEMENT, Contract, Verdict
from ..errors import ConflictkitWarning, NotApplicableError, SmallSampleWarning
from ..model import History
from ._common import ALL, cause_positions, check_choice, check_history, warn_small
from ._exact import MAX_EXACT_EVENTS, exact_stratified_rate_ratio
from ._survival import _check_confidence_level, km_median
from ._verdicts import detectable_ratio, q_values, verdict_column, verdicts

__all__ = ["handling_effects", "prevention_effects"]

#: Fewer disputes than this attached to missions earns a SmallSampleWarning.
MIN_DISPUTES = 10

PREVENTION_COLUMNS = [
    "practice",
    "cause",
    "disputes_with",
    "days_with",
    "disputes_without",
    "days_without",
    "rate_ratio",
    "ci_low",
    "ci_high",
    "p_value",
    "q_value",
    "detectable_ratio",
    "verdict",
    "missions_with",
    "missions_without",
]
#: The verdicts a with/without comparison can reach.
EFFECT_VERDICTS = (
    Verdict.LOWER,
    Verdict.HIGHER,
    Verdict.NO_CLEAR_CHANGE,
    Verdict.TOO_FEW,
)

HANDLING_COLUMNS = [
    "practice",
    "n_with",
    "n_without",
    "n_unknown",
    "median_days_with",
    "median_days_without",
    "logrank_p",
    "agreement_with",
    "agreement_without",
    "agreement_p",
    "retention_with",
    "retention_without",
    "retention_p",
    "logrank_q",
    "agreement_q",
    "retention_q",
    "q_value",
    "time_verdict",
    "agreement_verdict",
    "retention_verdict",
    "detectable_ratio",
]


# ------------------------------------------------------------------ prevention
def _mission_practices(m: pd.DataFrame) -> dict[str, pd.Series]:
    """Each recorded practice as a nullable boolean per mission (NA = unknown).

    A practice whose column is absent or entirely empty was not recorded: it
    is left out (unknown is not none). Where ``checkin_every_days`` is
    recorded, an empty cell keeps its documented meaning: no check-ins.
    """
    practices = {}
    for name, column in (
        ("written_scope", "written_scope"),
        ("meeting_minutes", "meeting_minutes"),
        ("regular_checkins", "checkin_every_days"),
        ("via_intermediary", "via_intermediary"),
    ):
        if column not in m.columns or not m[column].notna().any():
            continue
        values = m[column]
        if column == "checkin_every_days":
            values = values.notna().astype("boolean")
        practices[name] = values
    contract = m["contract"] if "contract" in m.columns else None
    if contract is not None and contract.notna().any():
        for c in Contract:
            practices[f"contract_{c.value}"] = (
                (contract == c.value).astype("boolean").mask(contract.isna())
            )
    return practices


def recorded_practices(history: History) -> list[str]:
    """The prevention practices the missions record (none without missions).

    Examples
    --------
    >>> import conflictkit as ck
    >>> recorded_practices(ck.load_example())[:3]
    ['written_scope', 'meeting_minutes', 'regular_checkins']
    """
    m = history.missions
    return [] if m is None or not len(m) else list(_mission_practices(m))


def rate_ratio_test(
    k1: ArrayLike,
    d1: ArrayLike,
    k2: ArrayLike,
    d2: ArrayLike,
    *,
    confidence_level: float = 0.95,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Exact conditional comparison of Poisson rates ``k1/d1`` and ``k2/d2``.

    Given ``k = k1 + k2``, ``k1`` is Binomial(k, d1 / (d1 + d2)) when the rates
    are equal. The interval is Clopper-Pearson's for that proportion (beta
    quantiles), mapped to the rate ratio by ``p / (1 - p) * d2 / d1``, and
    the p-value is the central one, twice the smaller binomial tail (capped
    at 1), so the two always agree: the p-value is below ``1 -
    confidence_level`` exactly when the interval excludes 1. When every
    event falls on one side the ratio is the median-unbiased estimate (the
    proportion whose chance of so extreme a split is 1/2), and the open side
    of the interval is NaN. Works elementwise on arrays. Returns
    ``(rate_ratio, ci_low, ci_high, p_value)``, NaN where an exposure is 0
    or there is no event.
    """
    scalar = all(np.ndim(x) == 0 for x in (k1, d1, k2, d2))
    k1, d1, k2, d2 = np.broadcast_arrays(
        np.atleast_1d(np.asarray(k1, dtype=np.int64)),
        np.asarray(d1, dtype=float),
        np.asarray(k2, dtype=np.int64),
        np.asarray(d2, dtype=float),
    )
    k = k1 + k2
    ok = (d1 > 0) & (d2 > 0) & (k > 0)
    alpha = 1 - confidence_level
    with np.errstate(divide="ignore", invalid="ignore"):
        share = d1 / (d1 + d2)
        p_low = np.where(k1 > 0, stats.beta.ppf(alpha / 2, k1, k2 + 1), np.nan)
        p_high = np.where(k2 > 0, stats.beta.ppf(1 - alpha / 2, k1 + 1, k2), np.nan)
        safe_k = np.maximum(k, 1)
        p_hat = np.where(
            k2 == 0,
            0.5 ** (1 / safe_k),  # P(K1 = k) = p**k = 1/2
            np.where(k1 == 0, 1 - 0.5 ** (1 / safe_k), k1 / safe_k),
        )
        scale = d2 / d1
        ratio = p_hat / (1 - p_hat) * scale
        low = p_low / (1 - p_low) * scale
        high = p_high / (1 - p_high) * scale
        lower_tail = stats.binom.cdf(k1, k, share)
        upper_tail = stats.binom.sf(k1 - 1, k, share)
    p_value = np.minimum(1.0, 2 * np.minimum(lower_tail, upper_tail))
    nan = np.where(ok, 1.0, np.nan)
    out = (ratio * nan, low * nan, high * nan, p_value * nan)
    if scalar:
        return tuple(float(a[0]) for a in out)  # type: ignore[return-value]
    return out


def _stratum_sums(codes: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """Sum the rows of ``values`` (missions x cells) per stratum code."""
    return np.column_stack(
        [np.bincount(codes, values[:, j], minlength=n) for j in range(values.shape[1])]
    ).reshape(n, values.shape[1])


def mantel_haenszel_rate_ratio(
    a: np.ndarray,
    t1: np.ndarray,
    b: np.ndarray,
    t0: np.ndarray,
    *,
    confidence_level: float = 0.95,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Rate ratio pooled over strata (Mantel-Haenszel), per column.

    ``a`` and ``b`` are events with and without, shape (strata, cells);
    ``t1`` and ``t0`` the exposures, shape (strata,). The interval uses the
    Greenland-Robins (1985) variance of the log ratio, valid with many sparse
    strata; the p-value is the Mantel-Haenszel chi-square test (1 df).
    Strata lacking either exposure add nothing. Returns ``(rate_ratio,
    ci_low, ci_high, p_value)``, NaN where no stratum has both exposures and
    an event.
    """
    t1, t0 = np.asarray(t1, float)[:, None], np.asarray(t0, float)[:, None]
    t = np.where(t1 + t0 > 0, t1 + t0, 1.0)
    m = a + b
    r = (a * t0 / t).sum(axis=0)
    s = (b * t1 / t).sum(axis=0)
    v = (m * t1 * t0 / t**2).sum(axis=0)
    e = (m * t1 / t).sum(axis=0)
    z = special.ndtri(0.5 + confidence_level / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(s > 0, r / s, np.inf)
        se = np.sqrt(v / (r * s))
        low = np.where(r > 0, ratio * np.exp(-z * se), 0.0)
        high = np.where((r > 0) & (s > 0), ratio * np.exp(z * se), np.inf)
        p = stats.chi2.sf((a.sum(axis=0) - e) ** 2 / v, 1)
    nan = np.where(v > 0, 1.0, np.nan)
    ratio, low, high = (
        np.where(np.isfinite(x) & (x > 0), x, np.nan) for x in (ratio, low, high)
    )
    return ratio * nan, low * nan, high * nan, p * nan


def _stratified_test(
    a: np.ndarray,
    t1: np.ndarray,
    b: np.ndarray,
    t0: np.ndarray,
    *,
    confidence_level: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Exact stratified results where a cell has few disputes, else Mantel-Haenszel."""
    out = mantel_haenszel_rate_ratio(a, t1, b, t0, confidence_level=confidence_level)
    informative = (t1 > 0) & (t0 > 0)
    events = (a + b)[informative].sum(axis=0)
    small = np.flatnonzero((events > 0) & (events <= MAX_EXACT_EVENTS))
    if small.size:
        exact = exact_stratified_rate_ratio(
            a[:, small], t1, b[:, small], t0, confidence_level=confidence_level
        )
        for whole, part in zip(out, exact, strict=True):
            whole[small] = part
    return out


def prevention_effects(
    history: History,
    *,
    stratify: str | None = "client",
    confidence_level: float = 0.95,
    min_disputes: int = MIN_DISPUTES,
) -> pd.DataFrame:
    """Dispute rates with versus without each mission practice, per cause.

    For each practice, missions are split into those that had it and those
    that did not (missions where it is unknown are left out), and the
    disputes per mission-day are compared as a rate ratio with a confidence
    interval and a p-value. A ratio below 1 means the practice went with
    fewer disputes; an association, not proof that it prevents them. A
    practice whose column is absent or entirely empty was not recorded and
    gets no row (unknown is not none). By default the comparison is made
    *within* clients: a client's missions with the practice against the
    same client's missions without it, pooled over clients. It is not
    adjusted for the other practices.

    Why within clients: some clients are far more dispute-prone than others
    (the recurring causes of :func:`recurring_causes`), and a pooled
    comparison blames whichever practice their missions happened to have.
    On :func:`make_history` careers of 40 clients (a few with one cause at 6
    times the baseline), the pooled test flags 17.5% of the practice x cause
    cells with no planted effect at p < 0.05. Within clients, measured with
    ``benchmarks/power_prevention.py`` on 200 careers: 4.8% of 7,761 cells
    (4.9% of 9,097 with 80 clients). The price is power: the planted
    protective practice (half the scope disputes with a written scope) has
    an upper bound below 1 in 45% of 40-client careers (70% with 80), and
    the verdict ``lower`` in 10% (32%): the table holds about 41 tests, and
    a lone effect needs a p-value near 0.05 / 41 to pass
    Benjamini–Hochberg; the planted one rests on about 60 scope disputes
    (median p-value 0.08 with 40 clients, 0.01 with 80). A practice every
    mission of a client shares says nothing within that client.

    Within clients, a cell with at most 400 disputes gets exact results: the
    conditional distribution of the disputes with the practice, a sum of
    binomials over clients, computed exactly, with mid-p tails (half the
    probability of the observed count in each), inverted for the interval
    (its p-value is below 5% exactly when the 95% interval excludes 1), and
    the conditional maximum likelihood ratio. The plain exact tails held
    their level with room to spare (3.2% of null cells below 0.05 with 40
    clients, 3.5% with 80) and lost power for it (upper bound below 1 in
    38% of 40-client careers, 68% with 80; verdict in 8% and 29%). Larger
    cells get the Mantel-Haenszel ratio, Greenland-Robins interval and
    Mantel-Haenszel test.

    Verdicts: a cell with fewer than ``min_disputes`` disputes that can be
    compared (in clients with missions both ways, within clients) is *too
    few to tell* and gets no test. The other p-values get Benjamini–Hochberg
    q-values across the whole table (every practice and cause); ``lower`` or
    ``higher`` needs a q-value below ``1 - confidence_level``.

    Parameters
    ----------
    history : History
        The disputes and their missions; disputes are attached to missions by
        ``mission_id``.
    stratify : {"client", None}, default="client"
        ``"client"`` compares missions of the same client only (see above);
        clients whose missions all had, or all lacked, the practice add
        nothing, and the counts and days columns stay the totals. ``None``
        pools all missions: exact conditional test of two Poisson rates
        (binomial test, Clopper-Pearson interval), which assumes every
        mission-day equally prone to disputes.
    confidence_level : float, default=0.95
        Level of the interval of the rate ratio; ``1 - confidence_level`` is
        also the level the q-values must be below for a verdict.
    min_disputes : int, default=10
        The documented minimum of comparable disputes in a cell for a test.

    Returns
    -------
    pandas.DataFrame
        One row per practice and cause (every :class:`Cause`, then ``"all"``
        counting each dispute once), with columns:

        - ``practice``: ``written_scope``, ``meeting_minutes``,
          ``regular_checkins`` (``checkin_every_days`` filled in),
          ``via_intermediary``, and ``contract_fixed_price``,
          ``contract_time_and_materials``, ``contract_retainer`` (that
          contract versus the other two);
        - ``cause``;
        - ``disputes_with``, ``days_with``, ``disputes_without``,
          ``days_without``: disputes and mission-days in each group;
        - ``rate_ratio``: rate with over rate without, within clients by
          default; when every dispute falls on one side, the exact
          median-unbiased estimate (never 0 or infinite);
        - ``ci_low``, ``ci_high``: its confidence interval (NaN on a side
          the data do not bound);
        - ``p_value``: two-sided test of a ratio of 1 (it agrees with the
          interval);
        - ``q_value``: Benjamini–Hochberg q-value across the table;
        - ``detectable_ratio``: the rate ratio (or its inverse) these
          disputes and mission-days would show with 80% power;
        - ``verdict``: a :class:`Verdict`, ``lower``, ``higher``, ``no clear
          change`` or ``too few to tell``;
        - ``missions_with``, ``missions_without``.

        The ratio, interval, p- and q-values are NaN when the cell is too few
        to tell, a group has no mission-days or the cell has no dispute.

    Raises
    ------
    NotApplicableError
        If the history has no missions.

    Warns
    -----
    ConflictkitWarning
        When disputes have no ``mission_id`` or one not among the missions
        (they are left out; the warning gives their number).
    SmallSampleWarning
        When fewer than 10 disputes are attached to missions, or when a
        practice is always (or never) used, so there is nothing to compare.

    Examples
    --------
    Pooled over clients (each client here has missions of one kind only, so
    a within-client comparison has nothing to compare), a scope framed in
    writing went with half the scope disputes (3 in 100 days against 9 in
    150); twelve disputes are enough for a test, not for a verdict:

    >>> import pandas as pd
    >>> import conflictkit as ck
    >>> missions = pd.DataFrame({
    ...     "mission_id": ["M1", "M2", "M3"], "client": ["A", "B", "B"],
    ...     "started_at": ["2024-01-01"] * 3, "days": [100.0, 100.0, 50.0],
    ...     "contract": ["fixed_price", "retainer", "time_and_materials"],
    ...     "written_scope": [True, False, False],
    ...     "meeting_minutes": [True, False, True],
    ...     "via_intermediary": [False, True, False],
    ...     "checkin_every_days": [7, None, 14]})
    >>> disputes = pd.DataFrame({
    ...     "client": ["A"] * 3 + ["B"] * 9, "mission_id": ["M1"] * 3 + ["M2"] * 9,
    ...     "opened_at": ["2024-03-01"] * 12, "causes": ["scope"] * 12})
    >>> h = ck.History.from_frames(disputes, missions)
    >>> effects = ck.prevention_effects(h, stratify=None)
    >>> scope = effects.query("practice == 'written_scope' and cause == 'scope'")
    >>> scope[["disputes_with", "days_with", "disputes_without", "days_without"]]
       disputes_with  days_with  disputes_without  days_without
    0              3      100.0                 9         150.0
    >>> scope[["rate_ratio", "ci_low", "ci_high", "p_value", "verdict"]].round(3)
       rate_ratio  ci_low  ci_high  p_value          verdict
    0         0.5   0.087    2.004    0.451  no clear change
    """
    history = check_history(history)
    _check_confidence_level(confidence_level)
    check_choice("stratify", stratify, [None, "client"])
    if not history.has_missions:
        raise NotApplicableError(
            "prevention_effects compares dispute rates per mission-day, but the "
            "history has no missions. Pass missions=... to ck.read_history or "
            "ck.History.from_frames (one row per mission, with mission_id, "
            "client, started_at, days and the practice columns)."
        )
    m = history.missions
    assert m is not None
    d = history.disputes
    n_m = len(m)
    mpos = pd.Index(m["mission_id"]).get_indexer(d["mission_id"])
    no_id = int(d["mission_id"].isna().sum())
    unknown = int((mpos < 0).sum()) - no_id
    if no_id or unknown:
        parts = []
        if no_id:
            parts.append(f"{no_id} have no mission_id")
        if unknown:
            parts.append(f"{unknown} cite a mission_id not among the missions")
        warnings.warn(
            f"{no_id + unknown} of {len(d)} disputes left out of "
            f"prevention_effects: {' and '.join(parts)}.",
            ConflictkitWarning,
            stacklevel=2,
        )
    attached = int((mpos >= 0).sum())
    warn_small(attached, MIN_DISPUTES, "disputes attached to missions")

    # disputes per mission x cause (last column: every dispute once)
    causes = history.causes
    cpos = cause_positions(history)
    labels = [str(c) for c in causes["cause"].cat.categories]
    n_c = len(labels)
    cm = np.where(cpos >= 0, mpos[np.maximum(cpos, 0)], -1)
    ccode = np.asarray(causes["cause"].cat.codes)
    ok = (cm >= 0) & (ccode >= 0)
    per_cause = np.bincount(cm[ok] * n_c + ccode[ok], minlength=n_m * n_c).reshape(
        n_m, n_c
    )
    per_all = np.bincount(mpos[mpos >= 0], minlength=n_m)
    counts = np.column_stack([per_cause, per_all])
    days = m["days"].to_numpy(dtype=float, na_value=0.0)

    parts = []
    tests = []
    informative: list[np.ndarray] = []
    null_info: list[np.ndarray] = []
    lopsided = []
    cause_labels = [*labels, ALL]
    strata, clients = pd.factorize(m["client"])
    n_s = len(clients)
    for practice, flag in _mission_practices(m).items():
        with_ = flag.fillna(False).to_numpy(dtype=bool)
        without = (~flag).fillna(False).to_numpy(dtype=bool)
        k_with, k_without = counts[with_].sum(axis=0), counts[without].sum(axis=0)
        d_with, d_without = float(days[with_].sum()), float(days[without].sum())
        if d_with <= 0 or d_without <= 0:
            lopsided.append(practice)
        if stratify is None:
            pooled = d_with / (d_with + d_without) if d_with + d_without else np.nan
            comparable = d_with > 0 and d_without > 0
            informative.append(np.where(comparable, k_with + k_without, 0))
            null_info.append((k_with + k_without) * pooled * (1 - pooled))
            tests.append(
                rate_ratio_test(
                    k_with, d_with, k_without, d_without,
                    confidence_level=confidence_level,
                )
            )  # fmt: skip
        else:
            a = _stratum_sums(strata[with_], counts[with_], n_s)
            t1 = np.bincount(strata[with_], days[with_], minlength=n_s)
            b = _stratum_sums(strata[without], counts[without], n_s)
            t0 = np.bincount(strata[without], days[without], minlength=n_s)
            both = (t1 > 0) & (t0 > 0)
            share = np.where(both, t1 / np.where(both, t1 + t0, 1.0), 0.0)
            informative.append(((a + b) * both[:, None]).sum(axis=0))
            null_info.append(((a + b) * (share * (1 - share))[:, None]).sum(axis=0))
            tests.append(
                _stratified_test(a, t1, b, t0, confidence_level=confidence_level)
            )
        parts.append(
            pd.DataFrame(
                {
                    "practice": practice,
                    "cause": cause_labels,
                    "disputes_with": k_with,
                    "days_with": d_with,
                    "disputes_without": k_without,
                    "days_without": d_without,
                    "missions_with": int(with_.sum()),
                    "missions_without": int(without.sum()),
                }
            )
        )
    if not parts:
        return _empty_prevention()
    out = pd.concat(parts, ignore_index=True)
    ratio, low, high, p = (np.concatenate(t) for t in zip(*tests, strict=True))
    n_informative = np.concatenate(informative)
    too_few = n_informative < min_disputes
    for values in (ratio, low, high, p):
        values[too_few] = np.nan  # decided before the test: no verdict
    out = out.assign(rate_ratio=ratio, ci_low=low, ci_high=high, p_value=p)
    out["q_value"] = q_values(p)
    with np.errstate(divide="ignore"):
        se_null = 1 / np.sqrt(np.concatenate(null_info))
    out["detectable_ratio"] = detectable_ratio(
        np.where(n_informative > 0, se_null, np.nan), alpha=1 - confidence_level
    )
    effect = np.log(np.where(ratio > 0, ratio, np.nan))
    v = verdicts(
        out["q_value"],
        effect,
        too_few,
        alpha=1 - confidence_level,
        up=Verdict.HIGHER,
        down=Verdict.LOWER,
    )
    out["verdict"] = verdict_column(v, EFFECT_VERDICTS)
    if lopsided:
        warnings.warn(
            f"{len(lopsided)} practice(s) cannot be compared because every "
            f"mission (or none) used them: {', '.join(lopsided)}. Their ratios "
            "are NaN.",
            SmallSampleWarning,
            stacklevel=2,
        )
    return out[PREVENTION_COLUMNS].astype(
        {"disputes_with": "int64", "disputes_without": "int64"}
    )


def _empty_prevention() -> pd.DataFrame:
    """No practice recorded: a table with the columns and no row."""
    out = pd.DataFrame({c: pd.Series([], dtype=float) for c in PREVENTION_COLUMNS})
    out["practice"] = out["practice"].astype(object)
    out["cause"] = out["cause"].astype(object)
    out["verdict"] = verdict_column(np.array([], dtype=object), EFFECT_VERDICTS)
    return out.astype(
        {
            "disputes_with": "int64",
            "disputes_without": "int64",
            "missions_with": "int64",
            "missions_without": "int64",
        }
    )


# -------------------------------------------------------------------- handling
def _share_test(
    hit: np.ndarray,
    known: np.ndarray,
    with_: np.ndarray,
    without: np.ndarray,
    minimum: int,
) -> tuple[float, float, float]:
    """Shares among known values in each group, and Fisher's exact p-value."""
    a = int((hit & known & with_).sum())
    n1 = int((known & with_).sum())
    b = int((hit & known & without).sum())
    n2 = int((known & without).sum())
    share1 = a / n1 if n1 else np.nan
    share2 = b / n2 if n2 else np.nan
    if min(n1, n2) < minimum:  # too few to tell: no test
        return share1, share2, np.nan
    p = stats.fisher_exact([[a, n1 - a], [b, n2 - b]]).pvalue
    return share1, share2, float(p)


def handling_effects(
    history: History,
    *,
    confidence_level: float = 0.95,
    min_disputes: int = MIN_DISPUTES,
) -> pd.DataFrame:
    """Time to resolution, agreement and retention with versus without each habit.

    The field advice says to offer the client several options and to sum up
    in writing once a dispute is settled. For each habit, disputes where it
    was followed are compared with those where it was not (disputes where it
    is not recorded are left out and counted in ``n_unknown``):

    - time to resolution: Kaplan-Meier medians (open disputes censored at
      ``as_of``) and a log-rank test;
    - agreement (amicable or compromise) among resolved disputes with a
      recorded outcome, and Fisher's exact test;
    - client retained, among disputes where it is recorded, and Fisher's
      exact test.

    A follow-up is only sent once a dispute is settled, so its time-to-
    resolution comparison describes rather than explains; its interest is
    in retention.

    Parameters
    ----------
    history : History
        The disputes.
    confidence_level : float, default=0.95
        Passed to the Kaplan-Meier estimator (the medians do not depend on
        it); ``1 - confidence_level`` is the level q-values must be below for
        a verdict.
    min_disputes : int, default=10
        The documented minimum: a comparison with fewer disputes in a group
        is too few to tell and gets no test.

    Returns
    -------
    pandas.DataFrame
        One row per habit: ``options_proposed`` (more than one option
        proposed, versus one or none) and ``followup_sent``, with columns
        ``practice``, ``n_with``, ``n_without``, ``n_unknown``,
        ``median_days_with``, ``median_days_without`` (``inf`` when more
        than half are still open), ``logrank_p``, ``agreement_with``,
        ``agreement_without``, ``agreement_p``, ``retention_with``,
        ``retention_without`` and ``retention_p``; then the
        Benjamini–Hochberg q-values of the three tests across the table
        (``logrank_q``, ``agreement_q``, ``retention_q``), ``q_value`` (the
        smallest of the row's three: whether anything in it holds up), and
        a :class:`Verdict` per comparison, ``time_verdict`` (``lower`` =
        settled sooner), ``agreement_verdict`` and ``retention_verdict``
        (``lower``, ``higher``, ``no clear change``, or ``too few to tell``
        when a group has fewer than ``min_disputes``: no test is run). Values of
        a group with no dispute are NaN. A habit whose column is absent or
        entirely empty was not recorded and has no row. Last,
        ``detectable_ratio``: what the time-to-settle comparison could have
        seen, the factor by which disputes with the habit would have to
        settle faster (or slower) for the log-rank test to find it four times
        in five at that level, from the settled disputes (Schoenfeld's
        approximation: the log hazard ratio has a standard error of
        ``1 / sqrt(D p (1 - p))`` with ``D`` settled disputes and ``p`` the
        share with the habit); NaN when too few to tell.

    Warns
    -----
    SmallSampleWarning
        When a group has fewer than 10 disputes, or none at all (the habit
        always, or never, followed).

    Examples
    --------
    >>> import pandas as pd
    >>> import conflictkit as ck
    >>> h = ck.History.from_frames(pd.DataFrame({
    ...     "client": ["A"] * 20, "opened_at": ["2024-01-01"] * 20,
    ...     "resolved_at": [f"2024-01-{d:02d}" for d in range(2, 22)],
    ...     "options_proposed": [3] * 10 + [1] * 10,
    ...     "followup_sent": [True, False] * 10}))
    >>> out = ck.handling_effects(h)
    >>> out[["practice", "n_with", "n_without", "median_days_with",
    ...      "median_days_without"]]
               practice  n_with  n_without  median_days_with  median_days_without
    0  options_proposed      10         10               5.0                 15.0
    1     followup_sent      10         10               9.0                 10.0
    """
    history = check_history(history)
    _check_confidence_level(confidence_level)
    d = history.disputes
    if d["options_proposed"].isna().all() and d["followup_sent"].isna().all():
        raise NotApplicableError(
            "handling_effects compares disputes with and without several options"
            " proposed and a written follow-up, but no dispute records either:"
            " fill in options_proposed and followup_sent."
        )
    resolved = d["resolved_at"].notna().to_numpy()
    if not resolved.all() and pd.isna(history.as_of):
        raise ValueError(
            "The history has open disputes but no `as_of` date to censor them "
            "at. Build it with History.from_frames(..., as_of=...)."
        )
    end = d["resolved_at"].where(resolved, history.as_of)
    days = ((end - d["opened_at"]).dt.total_seconds() / 86400.0).to_numpy(float)
    agree_known = resolved & d["outcome"].notna().to_numpy()
    agree = d["outcome"].isin([o.value for o in AGREEMENT]).to_numpy()
    ret_known = d["client_retained"].notna().to_numpy()
    retained = d["client_retained"].fillna(False).to_numpy(dtype=bool)

    habits = {
        name: flag
        for name, flag in (
            ("options_proposed", d["options_proposed"] > 1),
            ("followup_sent", d["followup_sent"]),
        )
        if d[name].notna().any()  # never recorded: not a habit you lacked
    }
    rows = []
    small = []
    se_null = []
    for practice, flag in habits.items():
        with_ = flag.fillna(False).to_numpy(dtype=bool)
        without = (~flag).fillna(False).to_numpy(dtype=bool)
        n1, n2 = int(with_.sum()), int(without.sum())
        if min(n1, n2) < MIN_DISPUTES:
            small.append((practice, min(n1, n2)))
        med1 = km_median(
            days[with_], resolved[with_], confidence_level=confidence_level
        )
        med2 = km_median(
            days[without], resolved[without], confidence_level=confidence_level
        )
        logrank_p = np.nan
        if min(n1, n2) >= min_disputes and (
            resolved[with_].any() or resolved[without].any()
        ):
            x = stats.CensoredData(
                uncensored=days[with_ & resolved], right=days[with_ & ~resolved]
            )
            y = stats.CensoredData(
                uncensored=days[without & resolved], right=days[without & ~resolved]
            )
            with np.errstate(divide="ignore", invalid="ignore"):  # no event: NaN
                logrank_p = float(stats.logrank(x, y).pvalue)
        # Schoenfeld: under no effect the log hazard ratio has a standard
        # error of 1 / sqrt(D p (1 - p)), D settled disputes, p the share with
        events = int(resolved[with_ | without].sum())
        share = n1 / (n1 + n2) if n1 + n2 else np.nan
        info = events * share * (1 - share)
        se_null.append(1 / np.sqrt(info) if np.isfinite(logrank_p) and info > 0
                       else np.nan)  # fmt: skip
        rows.append(
            (practice, n1, n2, len(d) - n1 - n2, med1[0], med2[0], logrank_p,
             *_share_test(agree, agree_known, with_, without, min_disputes),
             *_share_test(retained, ret_known, with_, without, min_disputes))
        )  # fmt: skip
    out = pd.DataFrame(rows, columns=HANDLING_COLUMNS[:13])
    tests = ["logrank", "agreement", "retention"]
    q = q_values(out[[f"{t}_p" for t in tests]].to_numpy(dtype=float))
    q = q.reshape(len(out), 3)
    for j, test in enumerate(tests):
        out[f"{test}_q"] = q[:, j]
    out["q_value"] = np.nanmin(np.where(np.isnan(q), np.inf, q), axis=1)
    out["q_value"] = out["q_value"].replace(np.inf, np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):
        effects = {
            "time": np.log(out["median_days_with"] / out["median_days_without"]),
            "agreement": out["agreement_with"] - out["agreement_without"],
            "retention": out["retention_with"] - out["retention_without"],
        }
    for j, (name, effect) in enumerate(effects.items()):
        v = verdicts(
            q[:, j],
            np.nan_to_num(effect.to_numpy(dtype=float), nan=0.0, posinf=1, neginf=-1),
            np.isnan(out[f"{tests[j]}_p"].to_numpy(dtype=float)),
            alpha=1 - confidence_level,
            up=Verdict.HIGHER,
            down=Verdict.LOWER,
        )
        out[f"{name}_verdict"] = verdict_column(v, EFFECT_VERDICTS)
    out["detectable_ratio"] = detectable_ratio(
        np.array(se_null, dtype=float), alpha=1 - confidence_level
    )
    if small:
        practice, n = min(small, key=lambda s: s[1])
        what = f"disputes in the smaller group of {practice!r}"
        if len(small) > 1:
            what += f" (both habits have a group under {MIN_DISPUTES})"
        warn_small(n, MIN_DISPUTES, what)
    return out
