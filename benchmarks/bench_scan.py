"""Out of core: ``scan_history`` on tens of millions of disputes, time and peak RSS.

Two runs, each printing what it measured:

- ``--mode big`` (50,000,000 disputes by default): writes the disputes to one
  Parquet file in chunks of 1,000,000 (a platform's export: 200,000 clients,
  5 missions each, ten years), validates them with ``ck.scan_history``, then
  runs every analysis that accepts a ScanHistory, printing its time and the
  process' peak RSS while it ran (sampled every 5 ms from /proc; target
  <= 2 GB per analysis). Needs about 6 GB of disk, removed at the end.
- ``--mode compare`` (3,000,000 by default): the same kind of file, read in
  the same process by ``ck.read_history`` then by ``ck.scan_history``, and
  a few analyses on each, with times and peak RSS side by side (the peak of
  each phase, from the RSS at its start).

Run: ``python benchmarks/bench_scan.py --mode compare`` and
``python benchmarks/bench_scan.py --mode big`` (long: ~30 min on 2 cores).
"""

from __future__ import annotations

import argparse
import gc
import shutil
import tempfile
import threading
import time
import warnings
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

import conflictkit as ck

CAUSES = ["scope", "deadlines", "payment", "tone", "trust", "other"]
OUTCOMES = ["amicable", "compromise", "conceded", "prevailed", "abandoned"]
PAGE = 4096


def rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


class Peak:
    """The highest RSS of the process while the block runs (sampled)."""

    def __enter__(self) -> Peak:
        self.start = rss_bytes()
        self.peak = self.start
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        self.t0 = time.perf_counter()
        return self

    def _watch(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_bytes())
            time.sleep(0.005)

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.t0
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_bytes())


def text(*parts: Any) -> pa.Array:
    """Strings joined element-wise (numbers as text), fast."""
    arrays = [
        p if isinstance(p, str) else pc.cast(pa.array(p), pa.string()) for p in parts
    ]
    return pc.binary_join_element_wise(*arrays, "")


def write_parquet(
    folder: Path, n: int, *, n_clients: int, chunk: int = 1_000_000, seed: int = 0
) -> tuple[Path, Path]:
    """``n`` disputes and 5 missions per client, written chunk by chunk."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    per = 5
    m_client = np.repeat(np.arange(n_clients), per)
    j = np.tile(np.arange(per), n_clients)
    start = np.datetime64("2015-01-01") + (j * 730 + rng.integers(0, 60, j.size))
    end = start + 700
    ongoing = j == per - 1
    missions = pa.table(
        {
            "mission_id": text("M", m_client, "-", j),
            "client": text("client ", m_client),
            "started_at": start.astype("datetime64[ms]"),
            "ended_at": pa.array(end.astype("datetime64[ms]"), mask=ongoing),
            "written_scope": rng.random(j.size) < 0.6,
            "contract": rng.choice(["fixed_price", "time_and_materials"], j.size),
        }
    )
    m_path = folder / "missions.parquet"
    pq.write_table(missions, m_path)
    d_path = folder / "disputes.parquet"
    writer = None
    done = 0
    # a platform's clients are uneven: a few have many disputes
    weights = rng.pareto(1.2, n_clients) + 1
    weights /= weights.sum()
    while done < n:
        k = min(chunk, n - done)
        client = rng.choice(n_clients, k, p=weights)
        jm = rng.integers(0, per, k)
        opened = (
            np.datetime64("2015-01-01") + jm * 730 + 60 + rng.integers(0, 600, k)
        ).astype("datetime64[ms]")
        days = np.minimum(rng.exponential(25, k).astype(np.int64), 4000)
        resolved = opened + days.astype("timedelta64[D]")
        is_open = resolved > np.datetime64("2025-12-31")
        c1 = rng.integers(0, 6, k)
        c2 = rng.integers(0, 6, k)
        two = (rng.random(k) < 0.2) & (c1 != c2)
        names = np.array(CAUSES, dtype=object)
        pairs = np.array([[f"{a};{b}" for b in CAUSES] for a in CAUSES], dtype=object)
        causes = np.where(two, pairs[c1, c2], names[c1])
        unlabelled = rng.random(k) < 0.03
        table = pa.table(
            {
                "dispute_id": text("D", np.arange(done, done + k)),
                "client": text("client ", client),
                "mission_id": text("M", client, "-", jm),
                "opened_at": opened,
                "resolved_at": pa.array(resolved, mask=is_open),
                "causes": pa.array(causes, mask=unlabelled),
                "severity": np.array(
                    ["low", "medium", "high", "critical"], dtype=object
                )[rng.integers(0, 4, k)],
                "outcome": pa.array(
                    np.array(OUTCOMES, dtype=object)[rng.integers(0, 5, k)],
                    mask=is_open,
                ),
                "client_retained": pa.array(
                    rng.random(k) < 0.7, mask=rng.random(k) < 0.3
                ),
                "amount_at_stake": pa.array(
                    np.round(rng.gamma(2, 800, k), 2), mask=rng.random(k) < 0.5
                ),
            }
        )
        if writer is None:
            writer = pq.ParquetWriter(d_path, table.schema)
        writer.write_table(table)
        done += k
    assert writer is not None
    writer.close()
    return d_path, m_path


ANALYSES: list[tuple[str, Callable[[Any], Any]]] = [
    ("cause_counts", lambda h: ck.cause_counts(h)),
    ("cause_counts by client", lambda h: ck.cause_counts(h, by="client")),
    ("cause_trend", lambda h: ck.cause_trend(h)),
    ("trend_summary", lambda h: ck.trend_summary(h)),
    ("dispute_rates", lambda h: ck.dispute_rates(h)),
    ("recurring_causes", lambda h: ck.recurring_causes(h)),
    ("time_to_resolution by cause", lambda h: ck.time_to_resolution(h, by="cause")),
    ("time_to_resolution by client", lambda h: ck.time_to_resolution(h, by="client")),
    ("outcomes_by_cause", lambda h: ck.outcomes_by_cause(h)),
    ("client_profiles", lambda h: ck.client_profiles(h)),
]


def measure(label: str, fn: Callable[[], Any]) -> tuple[Any, Peak]:
    gc.collect()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with Peak() as p:
            out = fn()
    print(
        f"{label:32} {p.seconds:8.1f} s   peak RSS {p.peak / 2**30:5.2f} GB "
        f"(+{(p.peak - p.start) / 2**30:.2f} GB over the start)",
        flush=True,
    )
    return out, p


def big(
    n: int, n_clients: int, folder: Path, *, reuse: bool = False, only: Any = None
) -> None:
    d_path, m_path = folder / "disputes.parquet", folder / "missions.parquet"
    if reuse and d_path.exists() and pq.ParquetFile(d_path).metadata.num_rows == n:
        print(f"reusing {d_path} ({n:,} disputes)")
    else:
        with Peak() as p:
            d_path, m_path = write_parquet(folder, n, n_clients=n_clients)
        size = d_path.stat().st_size / 2**30
        print(f"wrote {n:,} disputes ({size:.2f} GB Parquet) in {p.seconds:.0f} s")
    work = folder / "work"
    if reuse and (work / "disputes.parquet").exists():
        scan = reopen(work)  # validated by a former run
        print(f"reusing the rows validated by a former run in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
        scan, _ = measure(
            "scan_history (validate)",
            partial(ck.scan_history, d_path, missions=m_path, workdir=work),
        )
    print(f"  {scan!r}")
    for name, fn in ANALYSES:
        if only and name not in only:
            continue
        measure(name, partial(fn, scan))


def reopen(work: Path) -> Any:
    """The ScanHistory a former run left in ``work`` (benchmarks only)."""
    from conflictkit.io._scan import ScanHistory, _latest, engine

    as_of = _latest(engine(), work, True)
    n = pq.ParquetFile(work / "disputes.parquet").metadata.num_rows
    counts = {"source": str(work), "n_read": n, "n_rejected": 0,
              "n_rejected_missions": 0, "rejected_path": None, "skipped": {},
              "unused": (), "generated_ids": False}  # fmt: skip
    return ScanHistory(
        work,
        disputes=work / "disputes.parquet",
        missions=work / "missions.parquet",
        as_of=as_of,
        counts=counts,
        owned=False,
    )


def run_all(label: str, history: Any) -> dict[str, Any]:
    """Each analysis of COMPARED on ``history``, measured."""
    out = {}
    for name, fn in ANALYSES:
        if name in COMPARED:
            out[name] = measure(f"  {name} ({label})", partial(fn, history))[0]
    return out


COMPARED = {
    "cause_counts by client",
    "cause_trend",
    "recurring_causes",
    "time_to_resolution by cause",
    "time_to_resolution by client",  # Kaplan-Meier a batch of clients at a time
    "outcomes_by_cause",
}


def compare(n: int, n_clients: int, folder: Path) -> None:
    d_path, m_path = write_parquet(folder, n, n_clients=n_clients)
    print(f"{n:,} disputes, {n_clients * 5:,} missions; same process, in turn")
    in_memory, pm = measure(
        "read_history", partial(ck.read_history, d_path, missions=m_path)
    )
    expected = run_all("memory", in_memory)
    del in_memory
    gc.collect()
    scan, ps = measure(
        "scan_history", partial(ck.scan_history, d_path, missions=m_path)
    )
    got = run_all("scan", scan)
    for name, frame in expected.items():
        pd.testing.assert_frame_equal(frame, got[name], rtol=1e-9, atol=0)
    print(f"the {len(got)} analyses give the same frames (to 1e-9)")
    print(
        f"reading: scan/read time {ps.seconds / pm.seconds:.2f}, peak increase "
        f"scan/read {(ps.peak - ps.start) / max(pm.peak - pm.start, 1):.2f}"
    )
    scan.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=["big", "compare"], default="compare")
    parser.add_argument("--disputes", type=int)
    parser.add_argument("--clients", type=int, default=200_000)
    parser.add_argument("--folder", type=Path)
    parser.add_argument(
        "--reuse", action="store_true", help="keep the Parquet files of a former run"
    )
    parser.add_argument("--only", nargs="*", help="run only these analyses")
    args = parser.parse_args()
    n = args.disputes or (50_000_000 if args.mode == "big" else 3_000_000)
    folder = args.folder or Path(tempfile.mkdtemp(prefix="conflictkit-bench-"))
    try:
        if args.mode == "big":
            big(n, args.clients, folder, reuse=args.reuse, only=args.only)
        else:
            compare(n, args.clients, folder)
    finally:
        if not args.reuse:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
