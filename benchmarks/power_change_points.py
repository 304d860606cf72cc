"""Power and false alarms of change_points on simulated careers.

For each seed, ``make_history(n_clients=..., seed=seed)`` plants a fourfold
drop of one cause (tone) in mid-career; the other causes have no change
(some have a client at 6 times the rate, whose missions come and go).

Printed, per number of clients:

- the ceiling: an oracle that knows the planted date and tests the step
  there, within clients (exact stratified conditional test, each client
  against its own mission-days) and pooled (exact conditional binomial, all
  clients together: valid here because the tone rate has no heavy client);
  within clients with mid-p tails;
- ``change_points``: share of careers where the planted cause gets a change
  with q < 0.05 dated within 12 months of the truth (and found at all), and
  the share of causes without a change with p < 0.05 and with q < 0.05
  (all of them, and those with a heavy client).

Where the power goes (the planted drop must get q < 0.05, and with seven
rows, six causes and "all", of which it is usually the only discovery,
Benjamini–Hochberg asks p < 0.05 / 7 of it), also printed:

- the same oracles at p < 0.05 / 7;
- an idealised scan told that clients do not differ (true of tone here, not
  of the causes with a heavy client): the largest standardised pooled score
  over the same candidate dates, its p-value from careers simulated as pure
  Poisson with the same exposure; its false alarms on the causes without a
  change show why ``change_points`` cannot assume it;
- the null calibration of ``change_points`` on those causes (p < 0.01,
  p < 0.05, Kolmogorov–Smirnov test of uniform p-values) and on careers
  where one client at 6 times the payment rate works only the first two
  years (``heavy_client_career`` of ``tests/test_changes.py``, 12 clients).

Run: ``python benchmarks/power_change_points.py [n_seeds] [n_clients ...]``
(default 100 seeds, 40 and 80 clients; a few minutes each).
"""

from __future__ import annotations

import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

import conflictkit as ck
from conflictkit.analysis._changes import _after
from conflictkit.analysis._exact import exact_stratified_rate_ratio
from conflictkit.analysis._trends import exposure_cells

sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))

from test_changes import heavy_client_career  # noqa: E402

#: Benjamini–Hochberg's level for one discovery among the seven rows.
ALPHA_ONE_OF_SEVEN = 0.05 / 7


def oracle(h: ck.History) -> tuple[float, float, bool, bool]:
    """P-values of the within-client (mid-p) and pooled exact tests of the
    step at the planted date, and whether each shows a drop there."""
    f = h.planted["fading_cause"]
    table, ex = exposure_cells(h, "ME")
    cells = ex.cells
    code = [c.value for c in ck.Cause].index(f["cause"])
    cited = table.cause_rows[table.cause_code == code]
    cited = cited[ex.used[cited]]
    dc = ex.dispute_index[cited]
    k = int(np.searchsorted(ex.periods, pd.Timestamp(f["after"])))
    g = cells.n_clients
    e_after = np.bincount(
        cells.client, weights=cells.exposure * (cells.period >= k), minlength=g
    )
    e_all = np.bincount(cells.client, weights=cells.exposure, minlength=g)
    y_after = np.bincount(cells.client[dc], weights=cells.period[dc] >= k, minlength=g)
    n = np.bincount(cells.client[dc], minlength=g)
    r, _, _, p = exact_stratified_rate_ratio(
        y_after[:, None].astype(int), e_after, (n - y_after)[:, None].astype(int),
        e_all - e_after,
    )  # fmt: skip
    share = e_after.sum() / e_all.sum()
    pooled = stats.binomtest(int(y_after.sum()), int(n.sum()), share).pvalue
    drop_pooled = y_after.sum() / n.sum() < share
    return float(p[0]), float(pooled), bool(r[0] < 1), bool(drop_pooled)


def pooled_scan(
    h: ck.History, n_resamples: int = 999, min_segment: int = 24
) -> dict[str, tuple[float, pd.Timestamp, bool]]:
    """The idealised scan, per cause: (p-value, date, drop?).

    The largest ``|y_after - N s| / sqrt(N s (1 - s))`` over the candidate
    dates of ``change_points`` (``s``: the share of all mission-days after
    the date), against careers simulated as Poisson disputes with one rate
    for every client (each dispute's month drawn in proportion to the
    mission-days), i.e. told that clients do not differ.
    """
    table, ex = exposure_cells(h, "ME")
    cells = ex.cells
    n_months = len(ex.t)
    months_in = np.round(ex.t * 12).astype(np.int64)
    calendar = np.r_[months_in, months_in[-1] + 1]
    allowed = (calendar - months_in[0] >= min_segment) & (
        months_in[-1] + 1 - calendar >= min_segment
    )
    allowed[[0, n_months]] = False
    dates = np.flatnonzero(allowed)
    e_month = np.bincount(cells.period, weights=cells.exposure, minlength=n_months)
    share = _after(e_month[None, :], dates)[0] / e_month.sum()
    rng = np.random.default_rng(0)
    out = {}
    for code, cause in enumerate(c.value for c in ck.Cause):
        cited = table.cause_rows[table.cause_code == code]
        dc = ex.dispute_index[cited[ex.used[cited]]]
        n = len(dc)
        if n < 10:
            continue
        months = np.bincount(cells.period[dc], minlength=n_months)
        sims = rng.multinomial(n, e_month / e_month.sum(), n_resamples)
        after = _after(np.r_[months[None, :], sims].astype(float), dates)
        z = (after - n * share) / np.sqrt(n * share * (1 - share))
        largest = np.abs(z).max(axis=1)
        j = int(np.argmax(np.abs(z[0])))
        p = (1 + (largest[1:] >= largest[0] - 1e-9).sum()) / (1 + n_resamples)
        out[cause] = (float(p), ex.periods[dates[j]], bool(z[0, j] < 0))
    return out


def run(n_seeds: int, n_clients: int, method=ck.change_points) -> dict[str, float]:
    counts: dict[str, int] = {}
    null_p, null_q, heavy, ideal_null = [], [], [], []

    def add(key: str, value: bool) -> None:
        counts[key] = counts.get(key, 0) + bool(value)

    for seed in range(n_seeds):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ck.ConflictkitWarning)
            h = ck.make_history(n_clients=n_clients, seed=seed)
            out = method(h).set_index("cause")
            ideal = pooled_scan(h)
        f = h.planted["fading_cause"]
        date = pd.Timestamp(f["after"])
        p_within, p_pooled, drop, drop_pooled = oracle(h)
        r = out.loc[f["cause"]]
        near = abs((r["changed_at"] - date).days) <= 366
        p_ideal, when, falls = ideal[f["cause"]]
        near_ideal = abs((when - date).days) <= 366
        for level, tag in ((0.05, ""), (ALPHA_ONE_OF_SEVEN, "_bh")):
            add("oracle_within" + tag, p_within < level and drop)
            add("oracle_pooled" + tag, p_pooled < level and drop_pooled)
            add("ideal_found" + tag, p_ideal < level and falls)
            add("ideal_dated" + tag, p_ideal < level and falls and near_ideal)
        hit = bool(r["q_value"] < 0.05 and r["rate_ratio"] < 1)
        add("found", hit)
        add("dated", hit and near)
        hit_p = bool(r["p_value"] < 0.05 and r["rate_ratio"] < 1)
        add("found_p", hit_p)
        add("dated_p", hit_p and near)
        rest = out.drop(index=[f["cause"], "all"]).dropna(subset=["p_value"])
        null_p += list(rest["p_value"])
        null_q += list(rest["q_value"])
        recurring = {x["cause"] for x in h.planted["recurring"]}
        heavy += [str(c) in recurring for c in rest.index]
        ideal_null += [ideal[str(c)][0] for c in rest.index if str(c) in ideal]
    null_p, null_q, heavy = map(np.array, (null_p, null_q, heavy))
    result: dict[str, float] = {k: v / n_seeds for k, v in counts.items()}
    result.update(
        null_cells=len(null_p),
        null_p01=float(np.mean(null_p < 0.01)),
        null_p05=float(np.mean(null_p < 0.05)),
        null_q05=float(np.mean(null_q < 0.05)),
        null_ks=float(stats.kstest(null_p, "uniform").pvalue),
        heavy_cells=int(heavy.sum()),
        heavy_p05=float(np.mean(null_p[heavy] < 0.05)),
        ideal_null_p05=float(np.mean(np.array(ideal_null) < 0.05)),
    )
    return result


def heavy_client_calibration(n_seeds: int) -> tuple[float, float, float]:
    """Share of p < 0.01 and p < 0.05, and the KS p-value of uniformity, of
    change_points on careers where a heavy client leaves after two years."""
    p = []
    for seed in range(n_seeds):
        h = heavy_client_career(seed)
        out = ck.change_points(h, min_segment=12).set_index("cause")
        p.append(out.loc["payment", "p_value"])
    pv = np.array(p)
    return (
        float(np.mean(pv < 0.01)),
        float(np.mean(pv < 0.05)),
        float(stats.kstest(pv, "uniform").pvalue),
    )


def main() -> None:
    n_seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    sizes = [int(x) for x in sys.argv[2:]] or [40, 80]
    for n_clients in sizes:
        t0 = time.perf_counter()
        r = run(n_seeds, n_clients)
        print(
            f"{n_clients} clients, {n_seeds} careers "
            f"[{time.perf_counter() - t0:.0f} s]\n"
            f"  oracle at the planted date, within clients (mid-p): p < 0.05 "
            f"{r['oracle_within']:.0%}, p < 0.05/7 {r['oracle_within_bh']:.0%}; "
            f"pooled: {r['oracle_pooled']:.0%}, {r['oracle_pooled_bh']:.0%}\n"
            f"  idealised pooled scan (told clients do not differ): found "
            f"{r['ideal_found']:.0%} / dated {r['ideal_dated']:.0%} at p < 0.05, "
            f"{r['ideal_found_bh']:.0%} / {r['ideal_dated_bh']:.0%} at p < 0.05/7; "
            f"its p < 0.05 on causes without a change: {r['ideal_null_p05']:.1%}\n"
            f"  change_points: q < 0.05 found {r['found']:.0%}, dated within "
            f"12 months {r['dated']:.0%} (p < 0.05: {r['found_p']:.0%} and "
            f"{r['dated_p']:.0%})\n"
            f"  no change: p < 0.01 in {r['null_p01']:.1%}, p < 0.05 in "
            f"{r['null_p05']:.1%} of {r['null_cells']} cells (KS uniform p = "
            f"{r['null_ks']:.2f}; q < 0.05: {r['null_q05']:.1%}), "
            f"{r['heavy_p05']:.1%} of the {r['heavy_cells']} with a heavy client",
            flush=True,
        )
    t0 = time.perf_counter()
    n_heavy = 2 * n_seeds
    p01, p05, ks = heavy_client_calibration(n_heavy)
    print(
        f"heavy client leaving after two years, {n_heavy} careers of 12 "
        f"clients: p < 0.01 in {p01:.1%}, p < 0.05 in {p05:.1%} (KS uniform "
        f"p = {ks:.2f}) [{time.perf_counter() - t0:.0f} s]",
        flush=True,
    )


if __name__ == "__main__":
    main()
