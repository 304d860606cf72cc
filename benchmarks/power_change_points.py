"""Power and false alarms of change_points on simulated careers.

For each seed, ``make_history(n_clients=..., seed=seed)`` plants a fourfold
drop of one cause (tone) in mid-career; the other causes have no change
(some have a client at 6 times the rate, whose missions come and go).

Printed, per number of clients:

- the ceiling: an oracle that knows the planted date and tests the step
  there, within clients (exact stratified conditional test, each client
  against its own mission-days) and pooled (exact conditional binomial, all
  clients together: valid here because the tone rate has no heavy client);
- ``change_points``: share of careers where the planted cause gets a change
  with q < 0.05 dated within 12 months of the truth (and found at all), and
  the share of causes without a change with p < 0.05 and with q < 0.05
  (all of them, and those with a heavy client).

Run: ``python benchmarks/power_change_points.py [n_seeds] [n_clients ...]``
(default 100 seeds, 40 and 80 clients; a few minutes each).
"""

from __future__ import annotations

import sys
import time
import warnings

import numpy as np
import pandas as pd
from scipy import stats

import conflictkit as ck
from conflictkit.analysis._exact import exact_stratified_rate_ratio
from conflictkit.analysis._trends import exposure_cells


def oracle(h: ck.History) -> tuple[bool, bool]:
    """Within-client and pooled exact tests of the step at the planted date."""
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
    return bool(p[0] < 0.05 and r[0] < 1), bool(
        pooled < 0.05 and y_after.sum() / n.sum() < share
    )


def run(n_seeds: int, n_clients: int, method=ck.change_points) -> dict[str, float]:
    within = pooled = found = dated = found_p = dated_p = 0
    null_p, null_q, heavy = [], [], []
    for seed in range(n_seeds):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ck.ConflictkitWarning)
            h = ck.make_history(n_clients=n_clients, seed=seed)
            out = method(h).set_index("cause")
        f = h.planted["fading_cause"]
        w, p = oracle(h)
        within += w
        pooled += p
        r = out.loc[f["cause"]]
        hit = bool(r["q_value"] < 0.05 and r["rate_ratio"] < 1)
        found += hit
        near = abs((r["changed_at"] - pd.Timestamp(f["after"])).days) <= 366
        dated += hit and bool(near)
        hit_p = bool(r["p_value"] < 0.05 and r["rate_ratio"] < 1)
        found_p += hit_p
        dated_p += hit_p and bool(near)
        rest = out.drop(index=[f["cause"], "all"]).dropna(subset=["p_value"])
        null_p += list(rest["p_value"])
        null_q += list(rest["q_value"])
        recurring = {x["cause"] for x in h.planted["recurring"]}
        heavy += [str(c) in recurring for c in rest.index]
    null_p, null_q, heavy = map(np.array, (null_p, null_q, heavy))
    return {
        "oracle_within": within / n_seeds,
        "oracle_pooled": pooled / n_seeds,
        "found": found / n_seeds,
        "dated": dated / n_seeds,
        "found_p": found_p / n_seeds,
        "dated_p": dated_p / n_seeds,
        "null_cells": len(null_p),
        "null_p05": float(np.mean(null_p < 0.05)),
        "null_q05": float(np.mean(null_q < 0.05)),
        "heavy_cells": int(heavy.sum()),
        "heavy_p05": float(np.mean(null_p[heavy] < 0.05)),
    }


def main() -> None:
    n_seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    sizes = [int(x) for x in sys.argv[2:]] or [40, 80]
    for n_clients in sizes:
        t0 = time.perf_counter()
        r = run(n_seeds, n_clients)
        print(
            f"{n_clients} clients, {n_seeds} careers: ceiling (oracle at the "
            f"planted date) within clients {r['oracle_within']:.0%}, pooled "
            f"{r['oracle_pooled']:.0%}; change_points found {r['found']:.0%}, "
            f"dated within 12 months {r['dated']:.0%} (at p < 0.05 instead of "
            f"q: {r['found_p']:.0%} and {r['dated_p']:.0%}); no change: p < 0.05 in "
            f"{r['null_p05']:.1%} of {r['null_cells']} cells (q < 0.05: "
            f"{r['null_q05']:.1%}), {r['heavy_p05']:.1%} of the "
            f"{r['heavy_cells']} with a heavy client "
            f"[{time.perf_counter() - t0:.0f} s]",
            flush=True,
        )


if __name__ == "__main__":
    main()
