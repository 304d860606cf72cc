"""Counts, trends, rates and co-occurrence: conflictkit against plain pandas/scipy.

``CASES`` lists ``(name, library, handwritten)``: two callables taking a
History that compute the same table, the second written directly in
pandas/numpy/scipy on ``history.disputes``, ``history.causes`` and
``history.missions`` without any conflictkit analysis code.
``benchmarks/bench_analyses.py`` times each pair on a large history.

Time one case alone with ``python benchmarks/bench_analyses.py --only NAME``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from _quiet import quiet  # benchmarks/ is on sys.path when run
from scipy import optimize, stats

import conflictkit as ck

CAUSES = ["scope", "deadlines", "payment", "tone", "trust", "other"]


# ------------------------------------------------------------- hand-written
def _pareto(n: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    n = n.sort_values([*by, "n_disputes"], ascending=[True] * len(by) + [False])
    total = n.groupby(by, observed=True)["n_disputes"].transform("sum")
    n["share"] = n["n_disputes"] / total
    n["cumulative_share"] = n.groupby(by, observed=True)["share"].cumsum()
    return n.reset_index(drop=True)


def hand_cause_counts(h: ck.History) -> pd.DataFrame:
    n = h.causes["cause"].value_counts().rename("n_disputes").reset_index()
    n["share"] = n["n_disputes"] / n["n_disputes"].sum()
    n["cumulative_share"] = n["share"].cumsum()
    return n


def hand_cause_counts_by_client(h: ck.History) -> pd.DataFrame:
    c = h.causes[["dispute_id", "cause"]].merge(
        h.disputes[["dispute_id", "client"]], on="dispute_id"
    )
    n = c.groupby(["client", "cause"], observed=True).size()
    return _pareto(n.rename("n_disputes").reset_index(), ["client"])


def hand_cause_counts_by_year(h: ck.History) -> pd.DataFrame:
    d = h.disputes[["dispute_id", "opened_at"]]
    c = h.causes[["dispute_id", "cause"]].merge(d, on="dispute_id")
    c["year"] = c["opened_at"].dt.year
    n = c.groupby(["year", "cause"], observed=True).size()
    return _pareto(n.rename("n_disputes").reset_index(), ["year"])


def _hand_cell_exposure(m: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """Mission-days per client and year, spread by calendar days."""
    start = m["started_at"]
    end = m["ended_at"].fillna(as_of).clip(lower=start)
    years = np.arange(start.dt.year.min(), end.dt.year.max() + 1)
    lo = pd.to_datetime([f"{y}-01-01" for y in years]).to_numpy()
    hi = pd.to_datetime([f"{y + 1}-01-01" for y in years]).to_numpy()
    s = start.to_numpy()[:, None]
    e = (end + pd.Timedelta(days=1)).to_numpy()[:, None]
    overlap = np.clip(
        (np.minimum(e, hi) - np.maximum(s, lo)) / np.timedelta64(1, "D"), 0, None
    )
    share = overlap / np.maximum(overlap.sum(axis=1, keepdims=True), 1e-300)
    days = pd.DataFrame(share * m["days"].to_numpy()[:, None], columns=years)
    days["client"] = m["client"].to_numpy()
    cells = days.melt(id_vars="client", var_name="year", value_name="exposure_days")
    cells = cells[cells["exposure_days"] > 0]
    return cells.groupby(["client", "year"], as_index=False)["exposure_days"].sum()


def _hand_year_exposure(m: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series:
    cells = _hand_cell_exposure(m, as_of)
    return cells.groupby("year")["exposure_days"].sum()


def hand_cause_trend(h: ck.History) -> pd.DataFrame:
    d = h.disputes[["dispute_id", "opened_at"]]
    c = h.causes[["dispute_id", "cause"]].merge(d, on="dispute_id")
    c["year"] = c["opened_at"].dt.year
    n = c.groupby(["year", "cause"], observed=False).size().rename("n_disputes")
    e = _hand_year_exposure(h.missions, h.as_of)
    years = pd.RangeIndex(
        min(e.index.min(), c["year"].min()), max(e.index.max(), c["year"].max()) + 1
    )
    idx = pd.MultiIndex.from_product(
        [years, n.index.levels[1]], names=["year", "cause"]
    )
    out = n.reindex(idx, fill_value=0).reset_index()
    out["exposure_days"] = e.reindex(out["year"], fill_value=0.0).to_numpy()
    out["rate_per_100_days"] = (
        100 * out["n_disputes"] / out["exposure_days"].where(out["exposure_days"] > 0)
    )
    return out


def _hand_poisson(y: np.ndarray, t: np.ndarray, e: np.ndarray) -> tuple:
    x = np.column_stack([np.ones_like(t), t - t.mean()])
    off = np.log(e)

    def nll(b):
        eta = x @ b + off
        return np.exp(eta).sum() - y @ eta, x.T @ (np.exp(eta) - y)

    b0 = np.array([np.log(y.sum() / e.sum()), 0.0])
    b = optimize.minimize(nll, b0, jac=True, method="BFGS", options={"gtol": 1e-10}).x
    mu = np.exp(x @ b + off)
    bread = np.linalg.inv((x * mu[:, None]).T @ x)
    return b, x, bread


def _hand_robust_score_p(b0, y, e, t_cell, client, n_clients) -> float:
    """Cluster-robust score test of the slope ``b0`` (intercept refitted):
    each client's score, normal reference (the limit of the wild cluster
    bootstrap that trend_summary uses beyond 2,000 clients)."""
    ew = e * np.exp(b0 * t_cell)
    t_bar = (ew * t_cell).sum() / ew.sum()
    expected = y.sum() * ew / ew.sum()
    s = pd.Series((y - expected) * (t_cell - t_bar)).groupby(client).sum()
    s = s.to_numpy()
    v = (s**2).sum()
    return float(2 * stats.norm.sf(abs(s.sum()) / np.sqrt(v))) if v > 0 else 1.0


def _hand_bound(p_at, start: float, sign: float, alpha: float = 0.05) -> float:
    """The slope where the test's p-value crosses ``alpha`` (scipy brentq)."""
    step = 0.02
    while abs(step) < 10:
        if p_at(start + sign * step) < alpha:
            return optimize.brentq(
                lambda b: p_at(b) - alpha, start, start + sign * step, xtol=1e-8
            )
        step *= 2
    return np.nan


def hand_trend_summary(h: ck.History) -> pd.DataFrame:
    """Yearly Poisson trend per cause; p-value and interval from the
    client-clustered score test (what trend_summary computes with more than
    2,000 clients: the normal limit of its wild cluster bootstrap)."""
    d = h.disputes[["dispute_id", "client", "opened_at"]]
    c = h.causes[["dispute_id", "cause"]].merge(d, on="dispute_id")
    c["year"] = c["opened_at"].dt.year
    cells = _hand_cell_exposure(h.missions, h.as_of)
    e = cells.groupby("year")["exposure_days"].sum()
    t_mean = e.index.to_numpy(float).mean()
    n = c.groupby(["cause", "client", "year"], observed=True).size().rename("y")
    n = n.reset_index()
    n = n[n["year"].isin(e.index)]
    rows = []
    for cause, g in n.groupby("cause", observed=True):
        y = g.groupby("year")["y"].sum().reindex(e.index, fill_value=0)
        t = e.index.to_numpy(float)
        b, _, _ = _hand_poisson(y.to_numpy(float), t, e.to_numpy())
        # disputes per client-year cell with exposure (cells without any: 0)
        cc = cells.merge(g[["client", "year", "y"]], on=["client", "year"], how="left")
        yc = cc["y"].fillna(0).to_numpy(float)
        tc = cc["year"].to_numpy(float) - t_mean
        codes = pd.factorize(cc["client"])[0]
        ec = cc["exposure_days"].to_numpy()

        def p_at(b0, yc=yc, ec=ec, tc=tc, codes=codes):
            return _hand_robust_score_p(b0, yc, ec, tc, codes, codes.max() + 1)

        slope = b[1]
        lo, hi = _hand_bound(p_at, slope, -1.0), _hand_bound(p_at, slope, 1.0)
        rows.append(
            (
                cause,
                int(yc.sum()),
                slope,
                np.exp(slope),
                np.exp(lo),
                np.exp(hi),
                p_at(0.0),
            )
        )
    columns = ["cause", "n_disputes", "slope", "rate_ratio_per_year"]
    return pd.DataFrame(rows, columns=[*columns, "ci_low", "ci_high", "p_value"])


def hand_dispute_rates(h: ck.History) -> pd.DataFrame:
    e = h.missions.groupby("client")["days"].sum().rename("exposure_days")
    n = h.disputes["client"].value_counts().rename("n_disputes")
    out = pd.concat([n, e], axis=1).fillna(0).sort_index()
    k = out["n_disputes"]
    out["rate_per_100_days"] = 100 * k / out["exposure_days"]
    out["ci_low"] = 100 * stats.chi2.ppf(0.025, 2 * k) / 2 / out["exposure_days"]
    out["ci_high"] = 100 * stats.chi2.ppf(0.975, 2 * k + 2) / 2 / out["exposure_days"]
    return out.reset_index()


def hand_dispute_rates_by_contract(h: ck.History) -> pd.DataFrame:
    m = h.missions
    e = m.groupby("contract", observed=True)["days"].sum().rename("exposure_days")
    d = h.disputes[["mission_id"]].merge(m[["mission_id", "contract"]], on="mission_id")
    n = d["contract"].value_counts().rename("n_disputes")
    out = pd.concat([n, e], axis=1).fillna(0)
    k = out["n_disputes"]
    out["rate_per_100_days"] = 100 * k / out["exposure_days"]
    out["ci_low"] = 100 * stats.chi2.ppf(0.025, 2 * k) / 2 / out["exposure_days"]
    out["ci_high"] = 100 * stats.chi2.ppf(0.975, 2 * k + 2) / 2 / out["exposure_days"]
    return out.reset_index()


def hand_cause_cooccurrence(h: ck.History) -> pd.DataFrame:
    c = h.causes[["dispute_id", "cause"]]
    n_lab = c["dispute_id"].nunique()
    p = c["cause"].value_counts() / n_lab
    pairs = c.merge(c, on="dispute_id", suffixes=("_a", "_b"))
    pairs = pairs[pairs["cause_a"].cat.codes < pairs["cause_b"].cat.codes]
    n = (
        pairs.groupby(["cause_a", "cause_b"], observed=True)
        .size()
        .rename("n_disputes")
        .reset_index()
    )
    n["share"] = n["n_disputes"] / n_lab
    n["lift"] = n["share"] / (
        p.reindex(n["cause_a"]).to_numpy() * p.reindex(n["cause_b"]).to_numpy()
    )
    return n.sort_values("n_disputes", ascending=False, ignore_index=True)


# -------------------------------------------------------------- the library
CASES = [
    ("cause_counts", quiet(ck.cause_counts), hand_cause_counts),
    (
        "cause_counts(by='client')",
        quiet(lambda h: ck.cause_counts(h, by="client")),
        hand_cause_counts_by_client,
    ),
    (
        "cause_counts(by='year')",
        quiet(lambda h: ck.cause_counts(h, by="year")),
        hand_cause_counts_by_year,
    ),
    ("cause_trend", quiet(ck.cause_trend), hand_cause_trend),
    ("trend_summary", quiet(ck.trend_summary), hand_trend_summary),
    ("dispute_rates", quiet(ck.dispute_rates), hand_dispute_rates),
    (
        "dispute_rates(by='contract')",
        quiet(lambda h: ck.dispute_rates(h, by="contract")),
        hand_dispute_rates_by_contract,
    ),
    ("cause_cooccurrence", quiet(ck.cause_cooccurrence), hand_cause_cooccurrence),
]
