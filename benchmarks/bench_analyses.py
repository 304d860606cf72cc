"""Each analysis against the same computation hand-written in pandas/scipy.

Builds one large history (about ``--disputes`` disputes, 1,000,000 by
default, and its missions) with ``ck.make_history``, then for every case in
``_bench_counts.CASES``, ``_bench_recurring.CASES`` and
``_bench_effects.CASES`` times the conflictkit function and the hand-written
pandas/scipy version alternately, in the same run, and prints the best of
``--repeat`` runs of each and their ratio (target <= 1.5 for each).

It also prints each analysis's peak memory while it runs (numpy and pandas
allocations, traced by ``tracemalloc``; pyarrow's own buffers are not seen)
relative to the loaded frames (target <= 2).

Run: ``python benchmarks/bench_analyses.py [--disputes N] [--only NAME]``.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import tracemalloc
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import _bench_counts
import _bench_effects
import _bench_recurring

import conflictkit as ck


def build(n_disputes: int, seed: int = 1) -> ck.History:
    """A history with about ``n_disputes`` disputes (make_history, denser rate)."""
    probe = ck.make_history(n_clients=200, years=12, seed=seed, rate_scale=10)
    per_client = max(len(probe.disputes) / 200, 1)
    n_clients = max(int(n_disputes / per_client), 1)
    return ck.make_history(n_clients=n_clients, years=12, seed=seed, rate_scale=10)


def best_of(fn, history: ck.History, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn(history)
        times.append(time.perf_counter() - t0)
    return min(times)


def frames_size(history: ck.History) -> int:
    """Bytes held by the loaded frames (disputes, causes, missions)."""
    frames = [history.disputes, history.causes, history.missions]
    return int(sum(f.memory_usage(deep=True).sum() for f in frames if f is not None))


def peak_memory(fn, history: ck.History) -> int:
    """Peak bytes allocated (numpy/pandas, via tracemalloc) while ``fn`` runs."""
    gc.collect()
    tracemalloc.start()
    try:
        fn(history)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--disputes", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default=None, help="run the cases containing this")
    args = parser.parse_args()
    t0 = time.perf_counter()
    history = build(args.disputes)
    n_missions = 0 if history.missions is None else len(history.missions)
    print(
        f"history: {len(history.disputes):,} disputes, {n_missions:,} missions "
        f"(built in {time.perf_counter() - t0:.1f} s)"
    )
    cases = [*_bench_counts.CASES, *_bench_recurring.CASES, *_bench_effects.CASES]
    if args.only:
        cases = [c for c in cases if args.only in c[0]]
    size = frames_size(history)
    print(f"loaded frames: {size / 1e6:.0f} MB")
    print(
        f"{'analysis':34s} {'pandas':>9s} {'conflictkit':>12s} {'ratio':>6s}"
        f" {'peak mem / frames':>18s}"
    )
    worst = worst_mem = 0.0
    for name, library, handwritten in cases:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            base = lib = float("inf")
            for _ in range(args.repeat):  # alternate, so load hits both alike
                base = min(base, best_of(handwritten, history, 1))
                lib = min(lib, best_of(library, history, 1))
            mem = peak_memory(library, history) / size
        ratio = lib / base
        worst, worst_mem = max(worst, ratio), max(worst_mem, mem)
        flag = "" if ratio <= 1.5 and mem <= 2 else "  <-- above target"
        print(f"{name:34s} {base:8.3f}s {lib:11.3f}s {ratio:6.2f} {mem:18.2f}{flag}")
    print(f"worst time ratio: {worst:.2f} (target <= 1.5 for each)")
    print(f"worst peak memory / loaded frames: {worst_mem:.2f} (target <= 2)")


if __name__ == "__main__":
    main()
