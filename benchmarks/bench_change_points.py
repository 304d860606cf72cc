"""change_points at platform scale: time, peak memory, and what a dense
client x month layout would have held.

Builds a history with about ``--clients`` clients (``make_history``), runs
``change_points`` (every cause, then ``by=None``) and prints its time, its
peak memory traced by ``tracemalloc`` relative to the loaded frames, and
the size of one dense clients x months matrix of floats (the layout the
scan used before the shares after each date were stored sparse: it needed
several such matrices per cause).

Run: ``python benchmarks/bench_change_points.py [--clients N]``.
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

from bench_analyses import frames_size  # noqa: E402

import conflictkit as ck  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=60_000)
    args = parser.parse_args()
    t0 = time.perf_counter()
    h = ck.make_history(n_clients=args.clients, seed=1)
    n_clients = h.missions["client"].nunique()
    span = h.missions["started_at"].max() - h.missions["started_at"].min()
    n_months = int(span.days / 30.4) + 1
    print(
        f"history: {len(h.disputes):,} disputes, {n_clients:,} clients, "
        f"~{n_months} months (built in {time.perf_counter() - t0:.1f} s)"
    )
    size = frames_size(h)
    print(f"loaded frames: {size / 1e6:.0f} MB")
    print(f"one dense clients x months matrix: {n_clients * n_months * 8 / 1e6:.0f} MB")
    for label, kwargs in (("every cause", {}), ("by=None", {"by": None})):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            gc.collect()
            t0 = time.perf_counter()
            ck.change_points(h, **kwargs)
            took = time.perf_counter() - t0
            gc.collect()
            tracemalloc.start()
            ck.change_points(h, **kwargs)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        print(
            f"change_points ({label}): {took:.1f} s, peak memory "
            f"{peak / 1e6:.0f} MB = {peak / size:.2f} x the loaded frames"
        )


if __name__ == "__main__":
    main()
