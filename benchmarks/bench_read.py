"""Reading and validating: ``read_history`` against a hand-written pyarrow reader.

Generates ``--disputes`` disputes (1,000,000 by default) and ``--missions``
missions (100,000) as CSV, then times, in the same run and alternating:

- baseline: a hand-written reader doing the same parsing and checks directly
  with pyarrow and pandas (dates, causes, labels, booleans, amounts; unique
  ids, non-empty client, resolution after opening, no outcome on an open
  dispute, amounts >= 0, mission exists and belongs to the client);
- conflictkit: ``ck.read_history(disputes.csv, missions=missions.csv)``, with
  every step of reading real spreadsheets (encoding and mojibake check,
  placeholders and quotes, blank and total rows, header accounting, dates
  before 1970) on the path.

It prints the best of ``--repeat`` runs for each and their ratio (target
<= 1.5), plus peak memory of each in a child process, relative to the size
of the loaded frames. Run: ``python benchmarks/bench_read.py``.
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing as mp
import resource
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

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


def library(dpath: Path, mpath: Path) -> ck.History:
    return ck.read_history(dpath, missions=mpath)


def _vm(field: str) -> int:
    """A /proc/self/status figure in bytes (VmHWM is reset by exec, unlike
    ru_maxrss, which a spawned child inherits from its parent)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    raise RuntimeError(field)


def _peak(fn_name: str, dpath: Path, mpath: Path, q: mp.Queue) -> None:
    fn = {"handwritten": handwritten, "library": library}[fn_name]
    with open("/proc/self/statm") as f:  # current resident set, in pages
        before = int(f.read().split()[1]) * resource.getpagesize() // 1024
    result = fn(dpath, mpath)
    frames = result if isinstance(result, tuple) else (result.disputes, result.missions)
    size = sum(f.memory_usage(deep=True).sum() for f in frames)
    q.put((_vm("VmHWM"), before * 1024, size))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--disputes", type=int, default=1_000_000)
    parser.add_argument("--missions", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--folder", default=str(Path(__file__).parent / "_data"))
    args = parser.parse_args()
    dpath, mpath = generate(Path(args.folder), args.disputes, args.missions)
    mb = (dpath.stat().st_size + mpath.stat().st_size) / 1e6
    print(f"{args.disputes:,} disputes, {args.missions:,} missions ({mb:.0f} MB CSV)")
    times: dict[str, list[float]] = {"handwritten": [], "library": []}
    for _ in range(args.repeat):
        for name, fn in (("handwritten", handwritten), ("library", library)):
            gc.collect()
            t0 = time.perf_counter()
            fn(dpath, mpath)
            times[name].append(time.perf_counter() - t0)
    base, lib = min(times["handwritten"]), min(times["library"])
    print(f"hand-written pyarrow+pandas: {base:6.2f} s (best of {args.repeat})")
    print(f"ck.read_history:             {lib:6.2f} s (best of {args.repeat})")
    print(f"ratio read_history / hand-written = {lib / base:.2f}  (target <= 1.5)")
    ctx = mp.get_context("spawn")
    peaks = {}
    for name in ("handwritten", "library"):
        q = ctx.Queue()
        p = ctx.Process(target=_peak, args=(name, dpath, mpath, q))
        p.start()
        peak, before, size = q.get()
        p.join()
        peaks[name] = peak - before
        print(
            f"peak memory {name:12s}: {(peak - before) / 1e6:7.0f} MB above start, "
            f"{(peak - before) / size:.2f}x the loaded frames ({size / 1e6:.0f} MB)"
        )

    print(
        f"peak memory ratio read_history / hand-written = "
        f"{peaks['library'] / peaks['handwritten']:.2f}"
    )


if __name__ == "__main__":
    main()
