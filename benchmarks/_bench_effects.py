"""Time to resolution, outcomes and effects: conflictkit against plain pandas/scipy.

``CASES`` lists ``(name, library, handwritten)``: two callables taking a
History that compute the same table, the second written directly in
pandas/numpy/scipy on ``history.disputes``, ``history.causes`` and
``history.missions`` without any conflictkit analysis code (joins by id with
``merge``, groups with ``groupby``, the same scipy estimators and tests).
``benchmarks/bench_analyses.py`` times each pair on a large history.

Time one case alone with ``python benchmarks/bench_analyses.py --only NAME``.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from _quiet import quiet  # benchmarks/ is on sys.path when run
from scipy import stats

import conflictkit as ck

CAUSES = ["scope", "deadlines", "payment", "tone", "trust", "other"]
OUTCOMES = ["amicable", "compromise", "conceded", "prevailed", "abandoned"]
STEPS = ["proposal", "mediation", "court"]


# ----------------------------------------------------- hand-written: survival
def _durations(d: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    resolved = d["resolved_at"].notna()
    end = d["resolved_at"].fillna(as_of)
    days = (end - d["opened_at"]).dt.total_seconds() / 86400
    return pd.DataFrame(
        {"dispute_id": d["dispute_id"], "days": days, "resolved": resolved}
    )


def _first_half(t: np.ndarray, s: np.ndarray) -> float:
    hit = np.flatnonzero(s <= 0.5 + 1e-12)
    return float(t[hit[0]]) if hit.size else np.inf


def _km(t: np.ndarray, e: np.ndarray, curve: bool = True):
    res = stats.ecdf(stats.CensoredData(uncensored=t[e], right=t[~e]))
    q, s = res.sf.quantiles, res.sf.probabilities
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        ci = res.sf.confidence_interval(0.95, method="log-log")
    lo = np.where(np.isnan(ci.low.probabilities), s, ci.low.probabilities)
    hi = np.where(np.isnan(ci.high.probabilities), s, ci.high.probabilities)
    row = (len(t), int((~e).sum()), _first_half(q, s), _first_half(q, lo))
    row = (*row, _first_half(q, hi))
    if not curve:
        return row, None
    counts = (
        pd.DataFrame({"days": t, "resolved": e})
        .groupby("days")["resolved"]
        .agg(["size", "sum"])
    )
    at_risk = len(t) - np.concatenate(([0], counts["size"].cumsum().to_numpy()[:-1]))
    if q[0] > 0:  # the curve starts at day 0
        q, s, lo, hi = (np.r_[1.0 if a is not q else 0.0, a] for a in (q, s, lo, hi))
        at_risk = np.r_[len(t), at_risk]
        counts = pd.concat([pd.DataFrame({"size": [0], "sum": [0]}), counts])
    frame = pd.DataFrame(
        {
            "days": q,
            "survival": s,
            "ci_low": lo,
            "ci_high": hi,
            "at_risk": at_risk,
            "n_resolved": counts["sum"].to_numpy(),
            "n_censored": (counts["size"] - counts["sum"]).to_numpy(),
        }
    )
    return row, frame


def _km_table(groups) -> pd.DataFrame:
    rows = []
    for name, g in groups:
        row, _ = _km(g["days"].to_numpy(), g["resolved"].to_numpy(), curve=False)
        rows.append((name, *row))
    return pd.DataFrame(
        rows, columns=["group", "n", "n_open", "median_days", "ci_low", "ci_high"]
    )


def hand_survival_curves_by_cause(h: ck.History) -> pd.DataFrame:
    dur = _durations(h.disputes, h.as_of)
    long = h.causes[["dispute_id", "cause"]].merge(dur, on="dispute_id")
    curves = []
    for name, g in long.groupby("cause", observed=True):
        _, curve = _km(g["days"].to_numpy(), g["resolved"].to_numpy())
        curves.append(curve.assign(group=name))
    return pd.concat(curves, ignore_index=True)


def hand_time_to_resolution(h: ck.History) -> pd.DataFrame:
    return _km_table([("all", _durations(h.disputes, h.as_of))])


def hand_time_to_resolution_by_cause(h: ck.History) -> pd.DataFrame:
    dur = _durations(h.disputes, h.as_of)
    long = h.causes[["dispute_id", "cause"]].merge(dur, on="dispute_id")
    return _km_table(long.groupby("cause", observed=True))


def hand_time_to_resolution_by_client(h: ck.History) -> pd.DataFrame:
    dur = _durations(h.disputes, h.as_of).assign(client=h.disputes["client"])
    return _km_table(dur.groupby("client"))


# ----------------------------------------------------- hand-written: outcomes
def hand_outcomes_by_cause(h: ck.History) -> pd.DataFrame:
    d = h.disputes
    resolved = d["resolved_at"].notna()
    known = resolved & d["outcome"].notna()
    x = pd.DataFrame({"dispute_id": d["dispute_id"], "n_disputes": 1})
    x["n_resolved"] = resolved
    x["n_outcome_known"] = known
    for o in OUTCOMES:
        x[f"o_{o}"] = known & (d["outcome"] == o)
    x["o_agreement"] = known & d["outcome"].isin(["amicable", "compromise"])
    x["n_escalation_known"] = d["escalation"].notna()
    for step in STEPS:
        x[f"e_{step}"] = d["escalation"] >= step
    x["n_retention_known"] = d["client_retained"].notna()
    x["r_true"] = d["client_retained"].fillna(False).astype(bool)
    x["amount_at_stake"] = d["amount_at_stake"].fillna(0)
    x["amount_recovered"] = d["amount_recovered"].fillna(0)
    both = resolved & d["amount_at_stake"].notna() & d["amount_recovered"].notna()
    x["stake_both"] = d["amount_at_stake"].where(both, 0)
    x["recovered_both"] = d["amount_recovered"].where(both, 0)
    long = h.causes[["dispute_id", "cause"]].merge(x, on="dispute_id")
    sums = long.drop(columns="dispute_id").groupby("cause", observed=False).sum()
    sums.index = sums.index.astype(str)
    sums.loc["all"] = x.drop(columns="dispute_id").sum()
    out = pd.DataFrame(index=sums.index)
    for c in ["n_disputes", "n_resolved", "n_outcome_known"]:
        out[c] = sums[c]
    for o in [*OUTCOMES, "agreement"]:
        out[f"share_{o}"] = sums[f"o_{o}"] / sums["n_outcome_known"]
    out["n_escalation_known"] = sums["n_escalation_known"]
    for step in STEPS:
        out[f"reached_{step}"] = sums[f"e_{step}"] / sums["n_escalation_known"]
    out["n_retention_known"] = sums["n_retention_known"]
    out["retention"] = sums["r_true"] / sums["n_retention_known"]
    out["amount_at_stake"] = sums["amount_at_stake"]
    out["amount_recovered"] = sums["amount_recovered"]
    out["recovery_rate"] = sums["recovered_both"] / sums["stake_both"]
    return out.rename_axis("cause").reset_index()


# ---------------------------------------------------- hand-written: effects
def _mission_counts(h: ck.History) -> tuple[pd.DataFrame, list[str]]:
    """Practices, days, client and disputes per cause of each mission."""
    m = h.missions
    practices = {
        "written_scope": m["written_scope"],
        "meeting_minutes": m["meeting_minutes"],
        "regular_checkins": m["checkin_every_days"].notna().astype("boolean"),
        "via_intermediary": m["via_intermediary"],
    }
    for c in ["fixed_price", "time_and_materials", "retainer"]:
        practices[f"contract_{c}"] = (
            (m["contract"] == c).astype("boolean").mask(m["contract"].isna())
        )
    flags = pd.DataFrame(practices).assign(
        mission_id=m["mission_id"], client=m["client"], days=m["days"]
    )
    d = h.disputes[["dispute_id", "mission_id"]].dropna()
    long = h.causes[["dispute_id", "cause"]].merge(d, on="dispute_id")
    per_cause = long.groupby(["mission_id", "cause"], observed=False).size()
    per_mission = per_cause.unstack("cause", fill_value=0)
    per_mission.columns = per_mission.columns.astype(str)
    # outer: a mission may have only unlabelled disputes
    per_mission = pd.concat(
        [per_mission, d.groupby("mission_id").size().rename("all")], axis=1
    )
    counts = flags.merge(per_mission, on="mission_id", how="left").fillna(
        dict.fromkeys([*CAUSES, "all"], 0)
    )
    return counts, list(practices)


def hand_prevention_effects(h: ck.History) -> pd.DataFrame:
    counts, practices = _mission_counts(h)
    rows = []
    for practice in practices:
        groups = counts.groupby(practice)[[*CAUSES, "all", "days"]].sum()
        for cause in [*CAUSES, "all"]:
            k1, k2 = int(groups.loc[True, cause]), int(groups.loc[False, cause])
            d1, d2 = groups.loc[True, "days"], groups.loc[False, "days"]
            if k1 + k2 == 0:
                rows.append((practice, cause, k1, d1, k2, d2, *[np.nan] * 4))
                continue
            test = stats.binomtest(k1, k1 + k2, d1 / (d1 + d2))
            ci = test.proportion_ci(0.95, method="exact")
            ratio = (k1 / d1) / (k2 / d2) if k2 else np.inf
            hi = ci.high / (1 - ci.high) * d2 / d1 if ci.high < 1 else np.inf
            lo = ci.low / (1 - ci.low) * d2 / d1
            rows.append((practice, cause, k1, d1, k2, d2, ratio, lo, hi, test.pvalue))
    return pd.DataFrame(
        rows,
        columns=[
            "practice", "cause", "disputes_with", "days_with", "disputes_without",
            "days_without", "rate_ratio", "ci_low", "ci_high", "p_value",
        ],
    )  # fmt: skip


def hand_prevention_effects_by_client(h: ck.History) -> pd.DataFrame:
    counts, practices = _mission_counts(h)
    cols = [*CAUSES, "all"]
    rows = []
    for practice in practices:
        g = (
            counts.dropna(subset=[practice])
            .groupby(["client", practice])[[*cols, "days"]]
            .sum()
            .unstack(practice, fill_value=0)
        )
        t1, t0 = g[("days", True)], g[("days", False)]
        t = (t1 + t0).where(t1 + t0 > 0, 1)
        for cause in cols:
            a, b = g[(cause, True)], g[(cause, False)]
            r, s_ = (a * t0 / t).sum(), (b * t1 / t).sum()
            v = ((a + b) * t1 * t0 / t**2).sum()
            e = ((a + b) * t1 / t).sum()
            if v == 0:
                rows.append((practice, cause, *[np.nan] * 4))
                continue
            ratio = r / s_ if s_ > 0 else np.inf
            se = np.sqrt(v / (r * s_)) if r > 0 and s_ > 0 else np.inf
            lo = ratio * np.exp(-1.959964 * se) if r > 0 else 0.0
            hi = ratio * np.exp(1.959964 * se) if r > 0 and s_ > 0 else np.inf
            p = stats.chi2.sf((a.sum() - e) ** 2 / v, 1)
            rows.append((practice, cause, ratio, lo, hi, p))
    return pd.DataFrame(
        rows,
        columns=["practice", "cause", "rate_ratio", "ci_low", "ci_high", "p_value"],
    )


def _shares(hit: pd.Series, known: pd.Series, flag: pd.Series):
    a = (hit & known)[flag].sum()
    n1 = known[flag].sum()
    b = (hit & known)[~flag].sum()
    n2 = known[~flag].sum()
    p = stats.fisher_exact([[a, n1 - a], [b, n2 - b]]).pvalue
    return a / n1, b / n2, p


def hand_handling_effects(h: ck.History) -> pd.DataFrame:
    d = h.disputes
    dur = _durations(d, h.as_of)
    agree_known = dur["resolved"] & d["outcome"].notna()
    agree = d["outcome"].isin(["amicable", "compromise"])
    ret_known = d["client_retained"].notna()
    retained = d["client_retained"].fillna(False).astype(bool)
    rows = []
    for practice, flag in [
        ("options_proposed", d["options_proposed"] > 1),
        ("followup_sent", d["followup_sent"]),
    ]:
        keep = flag.notna()
        f = flag.fillna(False).astype(bool)
        w, wo = (keep & f).to_numpy(), (keep & ~f).to_numpy()
        t, e = dur["days"].to_numpy(), dur["resolved"].to_numpy()
        (_, _, med1, _, _), _ = _km(t[w], e[w], curve=False)
        (_, _, med2, _, _), _ = _km(t[wo], e[wo], curve=False)
        lr = stats.logrank(
            stats.CensoredData(uncensored=t[w & e], right=t[w & ~e]),
            stats.CensoredData(uncensored=t[wo & e], right=t[wo & ~e]),
        ).pvalue
        sub = keep.to_numpy()
        rows.append(
            (practice, int(w.sum()), int(wo.sum()), int((~sub).sum()), med1, med2, lr,
             *_shares(agree[sub], agree_known[sub], f[sub]),
             *_shares(retained[sub], ret_known[sub], f[sub]))
        )  # fmt: skip
    return pd.DataFrame(
        rows,
        columns=[
            "practice", "n_with", "n_without", "n_unknown", "median_days_with",
            "median_days_without", "logrank_p", "agreement_with",
            "agreement_without", "agreement_p", "retention_with",
            "retention_without", "retention_p",
        ],
    )  # fmt: skip


# -------------------------------------------------------------- the library
CASES = [
    ("time_to_resolution", quiet(ck.time_to_resolution), hand_time_to_resolution),
    (
        "time_to_resolution(by='cause')",
        quiet(lambda h: ck.time_to_resolution(h, by="cause")),
        hand_time_to_resolution_by_cause,
    ),
    (
        "time_to_resolution(by='client')",
        quiet(lambda h: ck.time_to_resolution(h, by="client")),
        hand_time_to_resolution_by_client,
    ),
    (
        "survival_curves(by='cause')",
        quiet(lambda h: ck.survival_curves(h, by="cause")),
        hand_survival_curves_by_cause,
    ),
    ("outcomes_by_cause", quiet(ck.outcomes_by_cause), hand_outcomes_by_cause),
    (
        "prevention_effects(stratify=None)",
        quiet(lambda h: ck.prevention_effects(h, stratify=None)),
        hand_prevention_effects,
    ),
    (
        "prevention_effects (within clients)",
        quiet(ck.prevention_effects),
        hand_prevention_effects_by_client,
    ),
    ("handling_effects", quiet(ck.handling_effects), hand_handling_effects),
]
