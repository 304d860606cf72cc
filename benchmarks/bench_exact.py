"""The exact stratified path of prevention_effects: cost monotone in size.

Times ``prevention_effects`` (within clients, the default) on a small
history spread thin (about 5,000 disputes over 8,000 clients: every cell
has at most 400 disputes, so every cell takes the exact stratified path,
with thousands of one-dispute strata) and on a large one (about 5 million
disputes: the cells take the Mantel-Haenszel path). The small one must not
cost more than the large one. Prints both times (best of ``--repeat``) and
their ratio (target <= 1).

Run: ``python benchmarks/bench_exact.py [--large N] [--repeat R]``.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_analyses import build  # noqa: E402

import conflictkit as ck  # noqa: E402


def best(history: ck.History, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        ck.prevention_effects(history)
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", type=int, default=5_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        small = ck.make_history(n_clients=8000, rate_scale=0.11, seed=1)
        large = build(args.large)
        t_small = best(small, args.repeat)
        t_large = best(large, args.repeat)
    print(
        f"small: {len(small.disputes):,} disputes over "
        f"{small.missions['client'].nunique():,} clients: {t_small:.2f} s"
    )
    print(
        f"large: {len(large.disputes):,} disputes over "
        f"{large.missions['client'].nunique():,} clients: {t_large:.2f} s"
    )
    print(f"ratio small / large: {t_small / t_large:.2f} (target <= 1)")


if __name__ == "__main__":
    main()
