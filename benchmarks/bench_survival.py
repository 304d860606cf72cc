"""Kaplan-Meier per client against per cause, and against the former loop.

Builds one history with ``ck.make_history`` (about ``--disputes`` disputes
over ``--clients`` clients, 200,000 over 60,000 by default), then times, in
the same run, ``time_to_resolution`` and ``survival_curves`` with
``by="cause"`` and ``by="client"`` (median of ``--repeat`` runs, alternated),
``by=None``, and the former path that called ``scipy.stats.ecdf`` once per
group (``_time_to_resolution_per_group``...; per client median of
``--old-repeat``, 1 by default as it takes about a minute; all skipped with
``--old-repeat 0``). It checks that both paths give the same frames and
prints (with the load average at the start and the end):

- ``old/new`` per grouping (all disputes, per cause, per client): how much
  faster the one-pass path is than the loop;
- ``by client / by cause``: the cost of one curve per client relative to one
  per cause on the same history (target <= 3).

Run: ``python benchmarks/bench_survival.py [--disputes N] [--clients N]``.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import time
import warnings
from collections.abc import Callable

import pandas as pd

import conflictkit as ck
from conflictkit.analysis._survival import (
    _survival_curves_per_group,
    _time_to_resolution_per_group,
)


def build(n_disputes: int, n_clients: int, seed: int = 1) -> ck.History:
    """About ``n_disputes`` disputes over ``n_clients`` clients who have any.

    ``make_history`` gives some clients no dispute: the dispute rate is set
    by bisection on small probes so that disputes per client who has any
    match, then enough clients are drawn for ``n_clients`` of them to have one.
    """
    target = n_disputes / n_clients
    low, high = 0.01, 50.0
    for _ in range(12):
        scale = (low * high) ** 0.5
        d = ck.make_history(n_clients=2000, years=12, seed=seed, rate_scale=scale)
        per_active = len(d.disputes) / max(d.disputes["client"].nunique(), 1)
        low, high = (scale, high) if per_active < target else (low, scale)
    active = d.disputes["client"].nunique() / 2000
    return ck.make_history(
        n_clients=round(n_clients / active), years=12, seed=seed, rate_scale=scale
    )


def timed(fn: Callable[[], pd.DataFrame]) -> tuple[float, float, pd.DataFrame]:
    """CPU seconds and wall seconds ``fn`` took (and its result).

    The table shows CPU time: the machine is shared, and other jobs' load
    stretches wall times by up to 3x at random; everything here runs on one
    thread, so CPU time is the work done. The wall-time ratio client / cause
    is printed too.
    """
    gc.collect()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ck.ConflictkitWarning)
        t0, w0 = time.process_time(), time.perf_counter()
        out = fn()
        return time.process_time() - t0, time.perf_counter() - w0, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--disputes", type=int, default=200_000)
    parser.add_argument("--clients", type=int, default=60_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--old-repeat", type=int, default=1)
    args = parser.parse_args()

    print(f"load average at start: {os.getloadavg()[0]:.2f}")
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
    groupings = {"all": None, "cause": "cause", "client": "client"}
    print(
        f"\nCPU s, median of {args.repeat}\n"
        f"{'function':<20} {'by':<7} {'new':>8} {'old':>8} {'old/new':>8}"
    )
    ratios = {}
    for name, (new, old) in functions.items():
        cpus: dict[str, list[float]] = {label: [] for label in groupings}
        walls: dict[str, list[float]] = {label: [] for label in groupings}
        results = {}
        for _ in range(args.repeat):
            for label, by in groupings.items():
                cpu, elapsed, results[label] = timed(
                    lambda new=new, by=by: new(h, by=by)
                )
                cpus[label].append(cpu)
                walls[label].append(elapsed)
        median = {label: statistics.median(cpus[label]) for label in groupings}
        wall = {label: statistics.median(walls[label]) for label in groupings}
        for label, by in groupings.items():
            line = f"{name:<20} {label:<7} {median[label]:>8.3f}"
            repeat = args.old_repeat if by == "client" else args.repeat
            if args.old_repeat > 0:
                old_cpus = []
                for _ in range(repeat):
                    cpu, _, former = timed(lambda old=old, by=by: old(h, by=by))
                    old_cpus.append(cpu)
                pd.testing.assert_frame_equal(
                    results[label], former, check_exact=False, rtol=1e-12, atol=0
                )
                old_median = statistics.median(old_cpus)
                line += f" {old_median:>8.3f} {old_median / median[label]:>8.2f}"
            print(line)
        ratios[name] = (
            median["client"] / median["cause"],
            wall["client"] / wall["cause"],
        )
    print("\nby client / by cause, same history, same run (target <= 3):")
    for name, (cpu_ratio, wall_ratio) in ratios.items():
        print(f"  {name:<20} {cpu_ratio:.2f} CPU time, {wall_ratio:.2f} wall time")
    print(
        "old: the former path, scipy.stats.ecdf once per group; frames checked "
        "equal to 1e-12 (survival to the last bit)."
    )
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
