"""Kaplan-Meier per client against per cause, and against the former loop.

Builds one history with ``ck.make_history`` (about ``--disputes`` disputes
over ``--clients`` clients, 200,000 over 60,000 by default), then times, in
the same run, ``time_to_resolution`` and ``survival_curves`` with
``by="cause"`` and ``by="client"`` (best of ``--repeat`` runs, alternated),
and the former path that called ``scipy.stats.ecdf`` once per client
(``_time_to_resolution_per_group``..., best of ``--old-repeat``; skipped with
``--old-repeat 0``). It checks that both paths give the same frames and
prints:

- ``client / cause``: the cost of one curve per client relative to one per
  cause on the same history (target <= 3);
- ``old / new``: how much faster the one-pass path is than the loop.

Run: ``python benchmarks/bench_survival.py [--disputes N] [--clients N]``.
"""

from __future__ import annotations

import argparse
import gc
import os
import time
import warnings
from collections.abc import Callable

os.environ.setdefault("TQDM_DISABLE", "1")

import pandas as pd  # noqa: E402

import conflictkit as ck  # noqa: E402
from conflictkit.analysis._survival import (  # noqa: E402
    _survival_curves_per_group,
    _time_to_resolution_per_group,
)


def build(n_disputes: int, n_clients: int, seed: int = 1) -> ck.History:
    """About ``n_disputes`` disputes over ``n_clients`` clients (make_history)."""
    probe = ck.make_history(n_clients=500, years=12, seed=seed)
    per_client = max(len(probe.disputes) / 500, 1e-3)
    scale = n_disputes / (per_client * n_clients)
    return ck.make_history(n_clients=n_clients, years=12, seed=seed, rate_scale=scale)


def timed(fn: Callable[[], pd.DataFrame]) -> tuple[float, pd.DataFrame]:
    gc.collect()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ck.ConflictkitWarning)
        t0 = time.perf_counter()
        out = fn()
        return time.perf_counter() - t0, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--disputes", type=int, default=200_000)
    parser.add_argument("--clients", type=int, default=60_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--old-repeat", type=int, default=1)
    args = parser.parse_args()

    t0 = time.perf_counter()
    h = build(args.disputes, args.clients)
    d = h.disputes
    print(
        f"history: {len(d):,} disputes ({int(d['resolved_at'].isna().sum()):,} open), "
        f"{d['client'].nunique():,} clients, {len(h.causes):,} (dispute, cause) rows; "
        f"built in {time.perf_counter() - t0:.1f} s"
    )
    functions = {
        "time_to_resolution": (ck.time_to_resolution, _time_to_resolution_per_group),
        "survival_curves": (ck.survival_curves, _survival_curves_per_group),
    }
    print(
        f"\n{'function':<20} {'cause s':>9} {'client s':>9} {'client/cause':>13}"
        f" {'old client s':>13} {'old/new':>8}"
    )
    for name, (new, old) in functions.items():
        best = {"cause": float("inf"), "client": float("inf")}
        results = {}
        for _ in range(args.repeat):
            for by in best:
                seconds, results[by] = timed(lambda by=by: new(h, by=by))
                best[by] = min(best[by], seconds)
        ratio = best["client"] / best["cause"]
        line = f"{name:<20} {best['cause']:>9.3f} {best['client']:>9.3f} {ratio:>13.2f}"
        if args.old_repeat > 0:
            old_best = float("inf")
            for _ in range(args.old_repeat):
                seconds, former = timed(lambda old=old: old(h, by="client"))
                old_best = min(old_best, seconds)
            pd.testing.assert_frame_equal(results["client"], former, check_exact=True)
            line += f" {old_best:>13.2f} {old_best / best['client']:>8.0f}"
        print(line)
    print(
        "\nclient/cause: target <= 3. old: scipy.stats.ecdf once per client "
        "(frames checked equal to the last bit)."
    )


if __name__ == "__main__":
    main()
