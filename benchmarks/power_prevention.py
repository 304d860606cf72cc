"""False alarms and power of prevention_effects on simulated careers.

``make_history`` plants one protective practice (missions with a written
scope have half the scope disputes) and several practices with no effect
on any rate. For each number of clients and seed, prevention_effects (within
clients, the default) is run and the script prints:

- the share of cells without a planted effect (every practice x cause but
  written_scope x scope and written_scope x all) with p < 0.05 and with
  q < 0.05;
- the share of careers where written_scope x scope has ``ci_high < 1``
  (p < 0.05) and where its verdict is ``lower`` (q < 0.05);
- the number of tests in the Benjamini–Hochberg family (median).

Run: ``python benchmarks/power_prevention.py [n_seeds] [n_clients ...]``
(default 200 seeds, 40 and 80 clients).
"""

from __future__ import annotations

import sys
import time
import warnings

import numpy as np

import conflictkit as ck


def run(n_seeds: int, n_clients: int, **kwargs) -> dict[str, float]:
    null_p, null_q, found_p, found_q, family, the_p = [], [], 0, 0, [], []
    for seed in range(n_seeds):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            h = ck.make_history(n_clients=n_clients, seed=seed)
            out = ck.prevention_effects(h, **kwargs)
        planted = (out["practice"] == "written_scope") & out["cause"].isin(
            ["scope", "all"]
        )
        rest = out[~planted & out["p_value"].notna()]
        null_p += list(rest["p_value"])
        null_q += list(rest["q_value"])
        row = out[(out["practice"] == "written_scope") & (out["cause"] == "scope")]
        found_p += bool((row["ci_high"] < 1).any())
        found_q += bool((row["verdict"] == "lower").any())
        the_p += list(row["p_value"])
        family.append(int(out["p_value"].notna().sum()))
    null_p, null_q = np.array(null_p), np.array(null_q)
    return {
        "null_cells": len(null_p),
        "null_p05": float(np.mean(null_p < 0.05)),
        "null_q05": float(np.mean(null_q < 0.05)),
        "ci_high_below_1": found_p / n_seeds,
        "lower": found_q / n_seeds,
        "family": float(np.median(family)),
        "median_p": float(np.nanmedian(the_p)),
    }


def main() -> None:
    n_seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    sizes = [int(x) for x in sys.argv[2:]] or [40, 80]
    for n_clients in sizes:
        t0 = time.perf_counter()
        r = run(n_seeds, n_clients)
        print(
            f"{n_clients} clients, {n_seeds} careers: no effect: p < 0.05 in "
            f"{r['null_p05']:.1%} of {r['null_cells']} cells (q < 0.05: "
            f"{r['null_q05']:.1%}); written scope x scope: ci_high < 1 in "
            f"{r['ci_high_below_1']:.0%}, verdict lower in {r['lower']:.0%} "
            f"(median p {r['median_p']:.3f}; {r['family']:.0f} tests in the "
            f"family) [{time.perf_counter() - t0:.0f} s]",
            flush=True,
        )


if __name__ == "__main__":
    main()
