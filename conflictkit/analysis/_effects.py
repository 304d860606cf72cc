"""Does what the freelancer does work? Prevention and handling practices.

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

from .._labels import AGREEMENT, Contract
from ..errors import ConflictkitWarning, SmallSampleWarning
from ..model import History
from ._common import ALL, cause_positions, check_choice, check_history, warn_small
from ._exact import MAX_EXACT_EVENTS, exact_stratified_rate_ratio
from ._survival import _check_confidence_level, km_median

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
    "missions_with",
    "missions_without",
]

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
]


# ------------------------------------------------------------------ prevention
def _mission_practices(m: pd.DataFrame) -> dict[str, pd.Series]:
    """Each practice as a nullable boolean per mission (NA = unknown)."""
    practices = {
        "written_scope": m["written_scope"],
        "meeting_minutes": m["meeting_minutes"],
        "regular_checkins": m["checkin_every_days"].notna(),
        "via_intermediary": m["via_intermediary"],
    }
    contract = m["contract"]
    for c in Contract:
        practices[f"contract_{c.value}"] = (
            (contract == c.value).astype("boolean").mask(contract.isna())
        )
    return practices


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
    are equal: the p-value is the two-sided binomial test
    (:func:`scipy.stats.binomtest`) and the interval is Clopper-Pearson's for
    that proportion (beta quantiles), mapped to the rate ratio by
    ``p / (1 - p) * d2 / d1``. Works elementwise on arrays. Returns
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
        p_low = np.where(k1 > 0, stats.beta.ppf(alpha / 2, k1, k2 + 1), 0.0)
        p_high = np.where(k2 > 0, stats.beta.ppf(1 - alpha / 2, k1 + 1, k2), 1.0)
        scale = d2 / d1
        ratio = np.where(k2 > 0, (k1 / d1) / (k2 / d2), np.inf)
        low = p_low / (1 - p_low) * scale
        high = np.where(p_high < 1, p_high / (1 - p_high) * scale, np.inf)
    p_value = np.full(k.shape, np.nan)
    for i in np.flatnonzero(ok):  # binomtest is scalar: one call per cell
        p_value[i] = stats.binomtest(
            int(k1[i]), int(k[i]), d1[i] / (d1[i] + d2[i])
        ).pvalue
    nan = np.where(ok, 1.0, np.nan)
    out = (ratio * nan, low * nan, high * nan, p_value)
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
) -> pd.DataFrame:
    """Dispute rates with versus without each mission practice, per cause.

    For each practice, missions are split into those that had it and those
    that did not (missions where it is unknown are left out), and the
    disputes per mission-day are compared as a rate ratio with a confidence
    interval and a p-value. A ratio below 1 means fewer disputes with the
    practice. By default the comparison is made *within* clients: a
    client's missions with the practice against the same client's missions
    without it, pooled over clients. It is not adjusted for the other
    practices.

    Why within clients: some clients are far more dispute-prone than others
    (the recurring causes of :func:`recurring_causes`), and a pooled
    comparison blames whichever practice their missions happened to have.
    On :func:`make_history` careers of 40 clients (a few with one cause at 6
    times the baseline), the pooled test flags 17.5% of the practice x cause
    cells with no planted effect at p < 0.05; within clients, 2.1%. The
    price is power: the planted protective practice is found (upper bound
    below 1) in 50% of such careers within clients against 80% pooled (75%
    against 80% with 80 clients; 30 and 20 seeds). A practice every mission
    of a client shares says nothing within that client.

    Within clients, a cell with at most 400 disputes gets exact results: the
    conditional distribution of the disputes with the practice, a sum of
    binomials over clients, computed exactly and inverted for the
    interval (its p-value is below 5% exactly when the 95% interval excludes
    1), and the conditional maximum likelihood ratio. Larger cells get the
    Mantel-Haenszel ratio, Greenland-Robins interval and Mantel-Haenszel
    test.

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
        Level of the interval of the rate ratio.

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
        - ``rate_ratio``: rate with over rate without (``inf`` when there is
          no dispute without), within clients by default;
        - ``ci_low``, ``ci_high``: its confidence interval;
        - ``p_value``: two-sided test of a ratio of 1;
        - ``missions_with``, ``missions_without``.

        The ratio, interval and p-value are NaN when a group has no
        mission-days or the cell has no dispute at all.

    Raises
    ------
    ValueError
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
    writing halves the scope disputes (3 in 100 days
    against 9 in 150), though with so few disputes the interval is wide:

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
    >>> scope[["rate_ratio", "ci_low", "ci_high", "p_value"]].round(3)
       rate_ratio  ci_low  ci_high  p_value
    0         0.5   0.087    2.004    0.384
    """
    history = check_history(history)
    _check_confidence_level(confidence_level)
    check_choice("stratify", stratify, [None, "client"])
    if not history.has_missions:
        raise ValueError(
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
            tests.append(
                rate_ratio_test(
                    k_with, d_with, k_without, d_without,
                    confidence_level=confidence_level,
                )
            )  # fmt: skip
        else:
            tests.append(
                _stratified_test(
                    _stratum_sums(strata[with_], counts[with_], n_s),
                    np.bincount(strata[with_], days[with_], minlength=n_s),
                    _stratum_sums(strata[without], counts[without], n_s),
                    np.bincount(strata[without], days[without], minlength=n_s),
                    confidence_level=confidence_level,
                )
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
    out = pd.concat(parts, ignore_index=True)
    ratio, low, high, p = (np.concatenate(t) for t in zip(*tests, strict=True))
    out = out.assign(rate_ratio=ratio, ci_low=low, ci_high=high, p_value=p)
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


# -------------------------------------------------------------------- handling
def _share_test(
    hit: np.ndarray, known: np.ndarray, with_: np.ndarray, without: np.ndarray
) -> tuple[float, float, float]:
    """Shares among known values in each group, and Fisher's exact p-value."""
    a = int((hit & known & with_).sum())
    n1 = int((known & with_).sum())
    b = int((hit & known & without).sum())
    n2 = int((known & without).sum())
    share1 = a / n1 if n1 else np.nan
    share2 = b / n2 if n2 else np.nan
    if n1 == 0 or n2 == 0:
        return share1, share2, np.nan
    p = stats.fisher_exact([[a, n1 - a], [b, n2 - b]]).pvalue
    return share1, share2, float(p)


def handling_effects(
    history: History, *, confidence_level: float = 0.95
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
        it).

    Returns
    -------
    pandas.DataFrame
        One row per habit: ``options_proposed`` (more than one option
        proposed, versus one or none) and ``followup_sent``, with columns
        ``practice``, ``n_with``, ``n_without``, ``n_unknown``,
        ``median_days_with``, ``median_days_without`` (``inf`` when more
        than half are still open), ``logrank_p``, ``agreement_with``,
        ``agreement_without``, ``agreement_p``, ``retention_with``,
        ``retention_without`` and ``retention_p``. Values of a group with no
        dispute, and tests that need both groups, are NaN.

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
        "options_proposed": d["options_proposed"] > 1,
        "followup_sent": d["followup_sent"],
    }
    rows = []
    small = []
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
        if n1 and n2 and (resolved[with_].any() or resolved[without].any()):
            x = stats.CensoredData(
                uncensored=days[with_ & resolved], right=days[with_ & ~resolved]
            )
            y = stats.CensoredData(
                uncensored=days[without & resolved], right=days[without & ~resolved]
            )
            with np.errstate(divide="ignore", invalid="ignore"):  # no event: NaN
                logrank_p = float(stats.logrank(x, y).pvalue)
        rows.append(
            (practice, n1, n2, len(d) - n1 - n2, med1[0], med2[0], logrank_p,
             *_share_test(agree, agree_known, with_, without),
             *_share_test(retained, ret_known, with_, without))
        )  # fmt: skip
    out = pd.DataFrame(rows, columns=HANDLING_COLUMNS)
    if small:
        practice, n = min(small, key=lambda s: s[1])
        what = f"disputes in the smaller group of {practice!r}"
        if len(small) > 1:
            what += f" (both habits have a group under {MIN_DISPUTES})"
        warn_small(n, MIN_DISPUTES, what)
    return out
