"""Reading and validating: ``read_history`` from CSV and Parquet, time and peak memory.

Generates ``--disputes`` disputes (1,000,000 by default) and ``--missions``
missions (100,000) and writes them as CSV and as Parquet (the Parquet file
typed as an engine writes it: dates, numbers and booleans typed, text as
strings). Then, ``--repeat`` times, alternating, each case in a fresh child
process (so that its peak resident memory is its own):

- baseline: a hand-written reader doing the same parsing and checks directly
  with pyarrow and pandas on the CSV (dates, causes, labels, booleans,
  amounts; unique ids, non-empty client, resolution after opening, no
  outcome on an open dispute, amounts >= 0, mission exists and belongs to the
  client);
- ``ck.read_history(disputes.csv, missions=missions.csv)``, with every step
  of reading real spreadsheets (encoding and mojibake check, placeholders and
  quotes, blank and total rows, header accounting, dates before 1970) on the
  path;
- ``ck.read_history(disputes.parquet, missions=missions.parquet)``.

It prints, as medians over the runs, the time of each, the peak resident
memory above the start of the child (after imports) relative to the loaded
frames (``disputes``, ``causes`` and ``missions``, ``memory_usage(deep=True)``;
target <= 2.5), and the time ratios read_history / hand-written (CSV, target
<= 1.5) and Parquet / CSV (target <= 1), with the machine's load average,
since other work may share the cores. Run: ``python benchmarks/bench_read.py``.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import statistics
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

import conflictkit as ck

CAUSES = ["scope", "deadlines", "payment", "tone", "trust", "other"]
OUTCOMES = ["amicable", "compromise", "conceded", "prevailed", "abandoned"]


def generate(folder: Path, n: int, n_missions: int, seed: int = 0) -> tuple[Path, Path]:
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    clients = np.array([f"client {i}" for i in range(n_missions // 5)], dtype=object)
    m_client = rng.integers(0, len(clients), n_missions)
    start = np.datetime64("2012-01-01") + rng.integers(0, 4000, n_missions)
    end = start + rng.integers(5, 300, n_missions)
    missions = pa.table(
        {
            "mission_id": [f"M{i}" for i in range(n_missions)],
            "client": clients[m_client],
            "started_at": pd.Series(start).dt.strftime("%Y-%m-%d"),
            "ended_at": pd.Series(end).dt.strftime("%Y-%m-%d"),
            "daily_rate": rng.integers(300, 900, n_missions).astype(str),
            "contract": rng.choice(["fixed_price", "time_and_materials", "retainer"],
                                   n_missions),
            "written_scope": rng.choice(["true", "false"], n_missions),
            "meeting_minutes": rng.choice(["true", "false"], n_missions),
        }
    )  # fmt: skip
    mission = rng.integers(0, n_missions, n)
    opened = start[mission] + rng.integers(0, 60, n)
    resolved = opened + rng.integers(0, 90, n)
    is_open = rng.random(n) < 0.05
    res_text = pd.Series(resolved).dt.strftime("%Y-%m-%d").to_numpy(dtype=object)
    res_text[is_open] = None
    combos = np.array(CAUSES + ["payment;tone", "scope;deadlines", "trust;tone"])
    outcome = rng.choice(OUTCOMES, n).astype(object)
    outcome[is_open] = None
    disputes = pa.table(
        {
            "dispute_id": [f"D{i}" for i in range(n)],
            "client": clients[m_client[mission]],
            "mission_id": [f"M{i}" for i in mission],
            "opened_at": pd.Series(opened).dt.strftime("%Y-%m-%d"),
            "resolved_at": pa.array(res_text, type=pa.string()),
            "causes": combos[rng.integers(0, len(combos), n)],
            "severity": rng.choice(["low", "medium", "high", "critical"], n),
            "outcome": pa.array(outcome, type=pa.string()),
            "amount_at_stake": np.round(rng.gamma(2, 800, n), 2).astype(str),
            "followup_sent": rng.choice(["true", "false"], n),
        }
    )
    dpath, mpath = folder / "disputes.csv", folder / "missions.csv"
    pacsv.write_csv(disputes, dpath)
    pacsv.write_csv(missions, mpath)
    for path in (dpath, mpath):  # typed, as an engine writes Parquet
        pq.write_table(pacsv.read_csv(path), path.with_suffix(".parquet"))
    return dpath, mpath


def _labels(s: pd.Series, allowed: list[str]) -> pd.Series:
    codes, uniques = pd.factorize(s)
    cat = pd.Categorical.from_codes(codes, categories=[str(u) for u in uniques])
    return pd.Series(cat.set_categories(allowed), index=s.index)


def handwritten(dpath: Path, mpath: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The same parsing and checks, written directly with pyarrow and pandas.

    pyarrow infers the ISO dates, numbers and booleans of this clean file
    itself; the labels and causes are parsed once per distinct value.
    """
    strings = {pa.string(): pd.StringDtype("pyarrow")}.get
    d = pacsv.read_csv(dpath).to_pandas(types_mapper=strings)
    m = pacsv.read_csv(mpath).to_pandas(types_mapper=strings)
    for col in ("started_at", "ended_at"):
        m[col] = m[col].astype("datetime64[ns]")
    m["daily_rate"] = m["daily_rate"].astype("float64")
    m["contract"] = _labels(m["contract"], ["fixed_price", "time_and_materials",
                                            "retainer"])  # fmt: skip
    for col in ("written_scope", "meeting_minutes"):
        m[col] = m[col].astype("boolean")
    m["days"] = np.busday_count(
        m["started_at"].to_numpy().astype("datetime64[D]"),
        m["ended_at"].to_numpy().astype("datetime64[D]") + 1,
    ).astype(float)
    for col in ("opened_at", "resolved_at"):
        d[col] = d[col].astype("datetime64[ns]")
    codes, uniques = pd.factorize(d["causes"])
    split = [u.split(";") for u in uniques]
    primary = np.array([s[0] for s in split], dtype=object)[codes]
    d["primary_cause"] = pd.Categorical(primary, categories=CAUSES)
    entries = pd.DataFrame(
        [(i, c, j == 0) for i, s in enumerate(split) for j, c in enumerate(s)],
        columns=["u", "cause", "is_primary"],
    )
    long = pd.DataFrame({"pos": np.arange(len(d)), "u": codes}).merge(entries, on="u")
    long["dispute_id"] = d["dispute_id"].to_numpy()[long["pos"].to_numpy()]
    d["severity"] = _labels(d["severity"], ["low", "medium", "high", "critical"])
    d["outcome"] = _labels(d["outcome"], OUTCOMES)
    d["amount_at_stake"] = d["amount_at_stake"].astype("float64")
    d["followup_sent"] = d["followup_sent"].astype("boolean")
    problems = (
        d["dispute_id"].duplicated()
        | d["client"].isna()
        | d["opened_at"].isna()
        | (d["resolved_at"] < d["opened_at"])
        | (d["resolved_at"].isna() & d["outcome"].notna())
        | (d["amount_at_stake"] < 0)
        | d["primary_cause"].isna()
    )
    owner = pd.Series(m["client"].to_numpy(), index=m["mission_id"].to_numpy())
    linked = d["mission_id"].map(owner)
    problems |= linked.isna() | (linked != d["client"])
    assert not problems.any()
    return d, m


def csv_library(dpath: Path, mpath: Path) -> ck.History:
    return ck.read_history(dpath, missions=mpath)


def parquet_library(dpath: Path, mpath: Path) -> ck.History:
    return ck.read_history(
        dpath.with_suffix(".parquet"), missions=mpath.with_suffix(".parquet")
    )


CASES = {
    "hand-written (CSV)": handwritten,
    "read_history CSV": csv_library,
    "read_history Parquet": parquet_library,
}


def _vm(field: str) -> int:
    """A /proc/self/status figure in bytes (VmHWM is reset by exec, unlike
    ru_maxrss, which a spawned child inherits from its parent)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    raise RuntimeError(field)


def _run(name: str, dpath: Path, mpath: Path, q: mp.Queue) -> None:
    """One case in a fresh process: its time, peak memory and loaded frames."""
    with open("/proc/self/statm") as f:  # current resident set, in pages
        before = int(f.read().split()[1]) * resource.getpagesize()
    t0 = time.perf_counter()
    result = CASES[name](dpath, mpath)
    elapsed = time.perf_counter() - t0
    frames = (
        result
        if isinstance(result, tuple)
        else (result.disputes, result.causes, result.missions)
    )
    size = sum(f.memory_usage(deep=True).sum() for f in frames)
    q.put((elapsed, _vm("VmHWM") - before, int(size)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--disputes", type=int, default=1_000_000)
    parser.add_argument("--missions", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--folder", default=str(Path(__file__).parent / "_data"))
    args = parser.parse_args()
    dpath, mpath = generate(Path(args.folder), args.disputes, args.missions)
    mb = (dpath.stat().st_size + mpath.stat().st_size) / 1e6
    pq_mb = sum(p.with_suffix(".parquet").stat().st_size for p in (dpath, mpath)) / 1e6
    print(
        f"{args.disputes:,} disputes, {args.missions:,} missions "
        f"({mb:.0f} MB CSV, {pq_mb:.0f} MB Parquet)"
    )
    ctx = mp.get_context("spawn")
    runs: dict[str, list[tuple[float, int, int]]] = {name: [] for name in CASES}
    loads = [os.getloadavg()[0]]
    for _ in range(args.repeat):
        for name in CASES:
            q = ctx.Queue()
            p = ctx.Process(target=_run, args=(name, dpath, mpath, q))
            p.start()
            runs[name].append(q.get())
            p.join()
            loads.append(os.getloadavg()[0])
    med: dict[str, tuple[float, float]] = {}
    for name, got in runs.items():
        secs = statistics.median(t for t, _, _ in got)
        peak = statistics.median(m for _, m, _ in got)
        size = got[0][2]
        med[name] = (secs, peak / size)
        print(
            f"{name:22s} {secs:6.2f} s  peak {peak / 1e6:6.0f} MB = "
            f"{peak / size:.2f}x the loaded frames ({size / 1e6:.0f} MB)  "
            f"(runs: {', '.join(f'{t:.2f} s' for t, _, _ in got)})"
        )
    csv_t, par_t = med["read_history CSV"][0], med["read_history Parquet"][0]
    print(
        f"medians of {args.repeat} runs, each in a fresh process; load average "
        f"(1 min) during the runs {min(loads):.2f}-{max(loads):.2f} on "
        f"{os.cpu_count()} cores"
    )
    print(
        f"time read_history CSV / hand-written = "
        f"{csv_t / med['hand-written (CSV)'][0]:.2f}  (target <= 1.5)"
    )
    print(f"time read_history Parquet / CSV = {par_t / csv_t:.2f}  (target <= 1)")
    print(
        f"peak / loaded frames: CSV {med['read_history CSV'][1]:.2f}, Parquet "
        f"{med['read_history Parquet'][1]:.2f}  (target <= 2.5)"
    )


if __name__ == "__main__":
    main()
