"""Start-up of the command line and latency of the journal, as ratios.

Prints, measured in one run (medians of several runs each):

- ``conflictkit --help`` and an argument error, against ``python -c "import
  pandas"`` (target: at most 0.5x);
- ``Journal.add`` with a mission, and ``conflictkit add`` end to end, on a
  journal of 100,000 disputes and 5,000 missions (target for ``add``: 0.2 s);
- ``list --open`` (selected in SQL) against reading the whole journal.

``--before SRC`` times the same commands with the conflictkit source tree
``SRC`` (e.g. an older release unpacked with ``git archive``) for a
before/after comparison.

    python benchmarks/bench_cli.py [--disputes 100000] [--missions 5000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _run(argv: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    # run from elsewhere: the current folder would shadow PYTHONPATH
    subprocess.run(
        argv, env=env, capture_output=True, check=False, cwd=tempfile.gettempdir()
    )
    return time.perf_counter() - start


def _median(argv: list[str], n: int, env: dict[str, str] | None = None) -> float:
    return statistics.median(_run(argv, env) for _ in range(n))


def _make_files(folder: Path, n_disputes: int, n_missions: int) -> tuple[Path, Path]:
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(0)
    clients = [f"Client {i}" for i in range(400)]
    start = pd.Timestamp("2010-01-01") + pd.to_timedelta(
        rng.integers(0, 4000, n_missions), unit="D"
    )
    missions = pd.DataFrame({
        "mission_id": [f"M{i:05d}" for i in range(n_missions)],
        "client": [clients[i % len(clients)] for i in range(n_missions)],
        "started_at": start.strftime("%Y-%m-%d"),
        "ended_at": (start + pd.Timedelta(days=200)).strftime("%Y-%m-%d"),
    })  # fmt: skip
    which = rng.integers(0, n_missions, n_disputes)
    opened = start[which] + pd.to_timedelta(rng.integers(0, 150, n_disputes), unit="D")
    resolved = (opened + pd.Timedelta(days=20)).strftime("%Y-%m-%d").to_numpy(object)
    resolved[rng.random(n_disputes) < 0.02] = None  # 2% still open
    disputes = pd.DataFrame(
        {
            "client": missions["client"].to_numpy()[which],
            "mission_id": missions["mission_id"].to_numpy()[which],
            "opened_at": opened.strftime("%Y-%m-%d"),
            "resolved_at": resolved,
            "causes": rng.choice(
                ["payment", "scope;tone", "deadlines", "trust"], n_disputes
            ),  # fmt: skip
        }
    )
    disputes["outcome"] = np.where(disputes["resolved_at"].isna(), None, "amicable")
    d, m = folder / "disputes.csv", folder / "missions.csv"
    disputes.to_csv(d, index=False)
    missions.to_csv(m, index=False)
    return d, m


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--disputes", type=int, default=100_000)
    parser.add_argument("--missions", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--before", help="an older conflictkit source tree")
    args = parser.parse_args()
    py = sys.executable
    trees = {"now": str(Path(__file__).resolve().parents[1])}
    if args.before:
        trees = {"before": args.before, **trees}

    pandas_s = _median([py, "-c", "import pandas"], args.repeat)
    print(f"python -c 'import pandas': {pandas_s:.3f} s (the yardstick)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        d, m = _make_files(folder, args.disputes, args.missions)
        for name, src in trees.items():
            env = {**os.environ, "PYTHONPATH": src}
            ck = [py, "-m", "conflictkit"]
            helps = _median([*ck, "--help"], args.repeat, env)
            wrong = _median([*ck, "add"], args.repeat, env)  # no client: usage error
            print(f"[{name}] conflictkit --help: {helps:.3f} s = "
                  f"{helps / pandas_s:.2f}x import pandas")  # fmt: skip
            print(f"[{name}] argument error:     {wrong:.3f} s = "
                  f"{wrong / pandas_s:.2f}x import pandas")  # fmt: skip
            journal = folder / f"{name}.sqlite"
            env["CONFLICTKIT_JOURNAL"] = str(journal)
            t = _run([*ck, "import", str(d), "--missions", str(m)], env)
            print(f"[{name}] import of {args.disputes:,} disputes and "
                  f"{args.missions:,} missions: {t:.1f} s")  # fmt: skip
            code = (
                "import statistics, sys, time\n"
                "from conflictkit.journal import Journal\n"
                "j = Journal(sys.argv[1])\n"
                "j.add('Client 1', opened_at='2020-01-01', mission_id='M00001')\n"
                "ts = []\n"
                "for i in range(int(sys.argv[2])):\n"
                "    t = time.perf_counter()\n"
                "    j.add('Client 1', opened_at='2020-01-02', causes='payment',\n"
                "          mission_id='M00001', notes=str(i))\n"
                "    ts.append(time.perf_counter() - t)\n"
                "t = time.perf_counter(); n_open = len(j.list(open_only=True))\n"
                "t_open = time.perf_counter() - t\n"
                "t = time.perf_counter(); n_all = len(j.list())\n"
                "t_all = time.perf_counter() - t\n"
                "print(statistics.median(ts), t_open, n_open, t_all, n_all)\n"
            )
            out = subprocess.run(
                [py, "-c", code, str(journal), "15"], env=env, capture_output=True,
                text=True, check=True, cwd=tempfile.gettempdir(),
            ).stdout.split()  # fmt: skip
            add_s, open_s, n_open, all_s, n_all = map(float, out)
            print(f"[{name}] Journal.add with a mission: {add_s:.3f} s "
                  f"(target 0.2 s: {add_s / 0.2:.2f}x)")  # fmt: skip
            cli_add = _median(
                [*ck, "add", "Client 1", "--opened-at", "2020-01-03", "--mission",
                 "M00001", "--cause", "payment"], max(3, args.repeat // 2), env,
            )  # fmt: skip
            print(f"[{name}] conflictkit add end to end: {cli_add:.3f} s = "
                  f"{cli_add / pandas_s:.2f}x import pandas")  # fmt: skip
            print(f"[{name}] list --open: {open_s:.3f} s for {int(n_open):,} rows; "
                  f"the whole journal: {all_s:.3f} s for {int(n_all):,} rows "
                  f"({open_s / all_s:.2f}x)")  # fmt: skip


if __name__ == "__main__":
    main()
