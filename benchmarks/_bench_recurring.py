"""Recurring causes, client profiles, recommendations: conflictkit against pandas.

``CASES`` lists ``(name, library, handwritten)``: two callables taking a
History that compute the same table, the second written directly in
pandas/numpy/scipy on ``history.disputes``, ``history.causes`` and
``history.missions`` without any conflictkit analysis code.
``benchmarks/bench_analyses.py`` times each pair on a large history.

Time one case alone with ``python benchmarks/bench_analyses.py --only NAME``.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
from _quiet import quiet  # benchmarks/ is on sys.path when run
from scipy import stats

import conflictkit as ck

CAUSES = ["scope", "deadlines", "payment", "tone", "trust", "other"]


# ------------------------------------------------------------- hand-written
def _cells(h: ck.History) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The cause rows with client and date, and the client x cause counts."""
    x = h.causes[["dispute_id", "cause"]].merge(
        h.disputes[["dispute_id", "client", "opened_at"]], on="dispute_id"
    )
    k = x.groupby(["client", "cause"], observed=True).size().rename("n_disputes")
    return x, k.reset_index()


def hand_recurring_causes(
    h: ck.History, min_disputes: int = 2, alpha: float = 0.05
) -> pd.DataFrame:
    x, k = _cells(h)
    if h.missions is not None and len(h.missions):
        expo = h.missions.groupby("client")["days"].sum()
        expo = expo[expo > 0]
        k = k[k["client"].isin(expo.index)].copy()
        total = k.groupby("cause", observed=True)["n_disputes"].sum()
        share = k["client"].map(expo / expo.sum()).to_numpy()
        n_c = k["cause"].map(total).to_numpy(dtype=np.int64)
        k["expected"] = n_c * share
        k["p_value"] = stats.binom.sf(k["n_disputes"] - 1, n_c, share)
        n_family = len(expo) * int((total > 0).sum())
    else:
        labelled = x.drop_duplicates("dispute_id").groupby("client").size()
        total = k.groupby("cause", observed=True)["n_disputes"].sum()
        n_i = k["client"].map(labelled).to_numpy()
        n_c = k["cause"].map(total).to_numpy(dtype=np.int64)
        n = labelled.sum()
        k["expected"] = n_i * n_c / n
        k["p_value"] = stats.hypergeom.sf(k["n_disputes"] - 1, n, n_c, n_i)
        n_family = len(labelled) * int((total > 0).sum())
    k["rate_ratio"] = k["n_disputes"] / k["expected"]
    p = np.concatenate([k["p_value"].to_numpy(), np.ones(n_family - len(k))])
    k["q_value"] = stats.false_discovery_control(p)[: len(k)]
    k["recurring"] = (k["n_disputes"] >= min_disputes) & (k["q_value"] <= alpha)
    x = x.sort_values(["client", "cause", "opened_at"])
    gap = x.groupby(["client", "cause"], observed=True)["opened_at"].diff()
    x["gap"] = gap.dt.total_seconds() / 86400
    med = x.groupby(["client", "cause"], observed=True)["gap"].median()
    k = k.merge(med.rename("median_gap_days").reset_index(), on=["client", "cause"])
    return k.sort_values(
        ["recurring", "p_value"], ascending=[False, True], ignore_index=True
    )


def hand_client_profiles(h: ck.History) -> pd.DataFrame:
    rec = hand_recurring_causes(h)
    d = h.disputes
    g = d.groupby("client")
    p = pd.DataFrame(
        {
            "n_disputes": g.size(),
            "n_open": d["resolved_at"].isna().groupby(d["client"]).sum(),
            "amount_at_stake": g["amount_at_stake"].sum(min_count=1),
            "amount_recovered": g["amount_recovered"].sum(min_count=1),
            "last_dispute_at": g["opened_at"].max(),
        }
    )
    m = h.missions
    if m is not None and len(m):
        gm = m.groupby("client")["days"].agg(["size", "sum"])
        gm.columns = ["n_missions", "mission_days"]
        p = gm.join(p, how="outer")
        p["n_disputes"] = p["n_disputes"].fillna(0)
        p["rate_per_100_days"] = 100 * p["n_disputes"] / p["mission_days"]
        overall = 100 * p["n_disputes"].sum() / p["mission_days"].sum()
        high_rate = (p["rate_per_100_days"] >= 2 * overall) & (p["n_disputes"] >= 2)
    else:
        high_rate = pd.Series(False, index=p.index)
    n = h.causes.merge(d[["dispute_id", "client"]], on="dispute_id")
    top = n.groupby(["client", "cause"], observed=True).size().reset_index(name="k")
    top = top.sort_values(["client", "k"], ascending=[True, False])
    p["top_cause"] = top.drop_duplicates("client").set_index("client")["cause"]
    hits = rec[rec["recurring"]]
    names = hits.groupby("client")["cause"].agg(lambda s: ";".join(s.astype(str)))
    p["recurring_causes"] = names.reindex(p.index).fillna("")
    n_rec = hits.groupby("client").size().reindex(p.index).fillna(0)
    n_open = p["n_open"].fillna(0)
    high = (n_rec >= 2) | ((n_rec >= 1) & (n_open >= 1))
    medium = (n_rec == 1) | (n_open >= 1) | high_rate
    p["risk"] = np.where(high, "high", np.where(medium, "medium", "low"))
    reason = (
        n_rec.astype(int).astype(str)
        + " recurring causes ("
        + p["recurring_causes"]
        + "); "
        + n_open.astype(int).astype(str)
        + " open disputes"
    )
    p["risk_reason"] = reason
    return p.reset_index().sort_values(
        ["risk", "n_disputes"], ascending=False, ignore_index=True
    )


ACTIONS = {c: [f"{c} action {i}" for i in range(2)] for c in CAUSES}


def hand_recommendations(h: ck.History) -> pd.DataFrame:
    rec = hand_recurring_causes(h)
    hits = rec[rec["recurring"]].sort_values(["q_value", "rate_ratio"])
    hits = hits.assign(priority=np.arange(1, len(hits) + 1))
    labelled = h.causes.merge(h.disputes[["dispute_id", "client"]])
    n_i = labelled.drop_duplicates("dispute_id").groupby("client").size()
    evidence = [
        f"{c} in {k} of {n} disputes, {r:.1f}× your baseline (q = {q:.2g})"
        for c, k, n, r, q in zip(
            hits["cause"].astype(str),
            hits["n_disputes"],
            hits["client"].map(n_i),
            hits["rate_ratio"],
            hits["q_value"],
            strict=True,
        )
    ]
    hits = hits.assign(evidence=evidence)
    m = h.missions
    if m is not None and len(m):
        lacking = (~m["written_scope"].fillna(True)).groupby(m["client"]).sum()
        known = m["written_scope"].notna().groupby(m["client"]).sum()
        gap = (hits["cause"] == "scope") & (
            2 * hits["client"].map(lacking) >= hits["client"].map(known)
        )
        hits.loc[gap, "evidence"] = (
            hits.loc[gap, "evidence"] + "; missions without a written scope"
        )
    hits["action"] = hits["cause"].astype(str).map(ACTIONS)
    out = hits.explode("action")
    return out[["client", "cause", "action", "evidence", "priority"]].reset_index(
        drop=True
    )


def _without_missions(h: ck.History) -> ck.History:
    return dataclasses.replace(h, missions=None)


# -------------------------------------------------------------- the library
CASES = [
    ("recurring_causes", quiet(ck.recurring_causes), hand_recurring_causes),
    (
        "recurring_causes (no missions)",
        quiet(lambda h: ck.recurring_causes(_without_missions(h))),
        lambda h: hand_recurring_causes(_without_missions(h)),
    ),
    ("client_profiles", quiet(ck.client_profiles), hand_client_profiles),
    ("recommendations", quiet(ck.recommendations), hand_recommendations),
    (
        "recommendations(lang='fr')",
        quiet(lambda h: ck.recommendations(h, lang="fr")),
        hand_recommendations,
    ),
]
