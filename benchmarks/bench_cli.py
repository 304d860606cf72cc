"""Start-up of the command line and latency of the journal, as ratios.

Prints, measured in one run, with the machine's load average before and
after (medians of several runs each, wall time of the whole process):

- ``conflictkit --help``, an argument error, ``conflictkit add`` and
  ``conflictkit list --open`` on a journal of 100,000 disputes and 5,000
  missions, each run in turn with ``python -c "import pandas"`` and given as
  the median ratio pair by pair (targets: ``--help`` and argument errors at
  most 0.5x), with both absolute times;
- ``conflictkit add`` end to end again, against its target of 0.2 s, in wall
  time and in CPU time (user + system: what the process costs, which a busy
  machine stretches less);
- ``Journal.add`` with a mission in a running process, and
  ``Journal.list(open_only=True)`` (selected in SQL) against reading the whole
  journal.

``--before SRC`` times the same commands with the conflictkit source tree
``SRC`` (e.g. an older release unpacked with ``git archive``) for a
before/after comparison.

    python benchmarks/bench_cli.py [--disputes 100000] [--missions 5000]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _run(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of ``argv``: CPU time
    hardly depends on how busy the shared machine is, wall time does."""
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # run from elsewhere: the current folder would shadow PYTHONPATH
    done = subprocess.run(
        argv, env=env, capture_output=True, check=False, cwd=tempfile.gettempdir()
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 2) or b"Traceback" in done.stderr:
        raise SystemExit(f"{argv} failed:\n{done.stderr.decode()[-2000:]}")
    used = after.ru_utime - cpu.ru_utime + after.ru_stime - cpu.ru_stime
    return elapsed, used


def _median(
    argv: list[str], n: int, env: dict[str, str] | None = None
) -> tuple[float, float]:
    runs = [_run(argv, env) for _ in range(n)]
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def _paired(
    argv: list[str], baseline: list[str], n: int, env: dict[str, str] | None = None
) -> tuple[float, float, float, float]:
    """``argv`` and ``baseline`` in turn, n times each (after one warm-up of
    each): the median wall time of each, the median of the wall-time ratios
    pair by pair (which holds when the machine's speed drifts during the run),
    and the median CPU-time ratio."""
    _run(argv, env), _run(baseline, env)
    pairs = [(_run(argv, env), _run(baseline, env)) for _ in range(n)]
    return (
        statistics.median(a[0] for a, _ in pairs),
        statistics.median(b[0] for _, b in pairs),
        statistics.median(a[0] / b[0] for a, b in pairs),
        statistics.median(a[1] / b[1] for a, b in pairs),
    )


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


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
    pandas = [py, "-c", "import pandas"]
    n = args.repeat

    print(f"machine: {_load()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        d, m = _make_files(folder, args.disputes, args.missions)
        for name, src in trees.items():
            env = {**os.environ, "PYTHONPATH": src, "LANG": "C.UTF-8"}
            env.pop("LC_ALL", None)
            # compiled once, as an installed package is (pandas is): bytecode
            # goes to a folder of the run's, the source tree stays untouched
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(folder / f"pycache-{name}")
            journal = folder / f"{name}.sqlite"
            env["CONFLICTKIT_JOURNAL"] = str(journal)
            ck = [py, "-m", "conflictkit"]
            t, _ = _run([*ck, "import", str(d), "--missions", str(m)], env)
            print(f"[{name}] import of {args.disputes:,} disputes and "
                  f"{args.missions:,} missions: {t:.1f} s")  # fmt: skip
            commands = {
                "conflictkit --help": [*ck, "--help"],
                "argument error (add without a client)": [*ck, "add"],
                "conflictkit add (a mission, a cause, an amount)": [
                    *ck, "add", "Client 1", "--opened-at", "2020-01-03",
                    "--mission", "m00001", "--cause", "retard de paiement",
                    "--amount", "1 234,50 €",
                ],
                "conflictkit list --open": [*ck, "list", "--open"],
            }  # fmt: skip
            print(f"[{name}] wall time, median of {n} runs each, paired with as many "
                  "runs of `python -c 'import pandas'` (the yardstick):")  # fmt: skip
            for what, argv in commands.items():
                cmd_s, pandas_s, ratio, cpu_ratio = _paired(argv, pandas, n, env)
                print(f"[{name}]   {what}: {cmd_s:.3f} s; import pandas "
                      f"{pandas_s:.3f} s; ratio {ratio:.2f}x (CPU time: "
                      f"{cpu_ratio:.2f}x)")  # fmt: skip
            cli_add = commands["conflictkit add (a mission, a cause, an amount)"]
            add_s, add_cpu = _median(cli_add, n, env)
            print(f"[{name}] conflictkit add end to end: {add_s:.3f} s wall, "
                  f"{add_cpu:.3f} s CPU (target 0.2 s)")  # fmt: skip
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
                "import pandas\n"  # add loads none: its import is not timed in list
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
            add_in, open_s, n_open, all_s, n_all = map(float, out)
            print(f"[{name}] Journal.add with a mission, in process: {add_in:.4f} s")
            print(f"[{name}] Journal.list(open_only=True): {open_s:.3f} s for "
                  f"{int(n_open):,} rows; the whole journal: {all_s:.3f} s for "
                  f"{int(n_all):,} rows ({open_s / all_s:.2f}x)")  # fmt: skip
    print(f"machine: {_load()}")


if __name__ == "__main__":
    main()
