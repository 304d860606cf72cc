"""Reading invoices: ``read_invoices`` against a hand-written pyarrow+pandas version.

Generates ``--invoices`` invoices (1,000,000 by default) as an invoicing tool
exports them (number, client, invoice date, due date, payment date, total,
amount paid, status), then times, in the same run and alternating:

- baseline: a hand-written version doing the same derivation directly with
  pyarrow and pandas: read and type the columns, check the invoice numbers
  are unique, every invoice has a client, no date is after ``as_of``, no
  due date before its invoice, map the statuses, then the rules (paid after
  the due date, unpaid past due at ``as_of``, flagged disputed; opened at
  the due date, resolved at payment, paid in full -> prevailed, amount
  recovered), the payment disputes and their causes, the missions (one per
  client and month, invoices counted) and the per-invoice table (late, days
  after the due date, mission, dispute);
- conflictkit: ``ck.read_invoices(invoices.csv, as_of=...)``.

It prints the best of ``--repeat`` runs for each and their ratio (target
<= 1.5), and checks that both found the same disputes and missions. Run:
``python benchmarks/bench_invoices.py``.
"""

from __future__ import annotations

import argparse
import gc
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

import conflictkit as ck

AS_OF = pd.Timestamp("2024-12-31")
STATUSES = {
    "paid": "paid",
    "sent": "open",
    "overdue": "overdue",
    "partial": "partial",
    "disputed": "disputed",
}


def generate(folder: Path, n: int, seed: int = 0) -> Path:
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    clients = np.array([f"Client {i} SAS" for i in range(n // 20)], dtype=object)
    issued = np.datetime64("2015-01-01") + rng.integers(0, 3400, n)
    due = issued + 30
    # 29% paid late, mostly within two weeks (Bonsai 2018); 5% still unpaid
    late = rng.random(n) < 0.29
    delay = np.where(
        late, rng.gamma(1.5, 8, n).astype(int) + 1, -rng.integers(0, 20, n)
    )
    paid = due + delay
    unpaid = rng.random(n) < 0.05
    amount = np.round(rng.gamma(2, 1500, n), 2)
    status = np.where(
        unpaid, np.where(due < np.datetime64("2024-12-31"), "overdue", "sent"), "paid"
    ).astype(object)
    disputed = rng.random(n) < 0.01
    status[disputed] = "disputed"
    paid_text = pd.Series(paid).dt.strftime("%Y-%m-%d").to_numpy(dtype=object)
    paid_text[unpaid] = None
    paid_amount = np.where(unpaid, 0.0, amount)
    table = pa.table(
        {
            "Invoice Number": [f"INV-{i:07d}" for i in range(n)],
            "Customer Name": clients[rng.integers(0, len(clients), n)],
            "Invoice Date": pd.Series(issued).dt.strftime("%Y-%m-%d"),
            "Due Date": pd.Series(due).dt.strftime("%Y-%m-%d"),
            "Last Payment Date": pa.array(paid_text, type=pa.string()),
            "Total": amount.astype(str),
            "Amount Paid": paid_amount.astype(str),
            "Invoice Status": status.astype(str),
        }
    )
    path = folder / "invoices.csv"
    pacsv.write_csv(table, path)
    return path


def handwritten(path: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The same derivation written directly with pyarrow and pandas."""
    strings = {pa.string(): pd.StringDtype("pyarrow")}.get
    t = pacsv.read_csv(
        path,
        convert_options=pacsv.ConvertOptions(
            column_types={
                "Invoice Number": pa.string(),
                "Total": pa.float64(),
                "Amount Paid": pa.float64(),
            }
        ),
    ).to_pandas(types_mapper=strings)
    for col in ("Invoice Date", "Due Date", "Last Payment Date"):
        t[col] = t[col].astype("datetime64[ns]")
    issued = t["Invoice Date"]
    problems = (
        t["Invoice Number"].duplicated()
        | t["Customer Name"].isna()
        | (issued > AS_OF)
        | (t["Last Payment Date"] > AS_OF)
        | (t["Due Date"] < issued)
    )
    codes, uniques = pd.factorize(t["Invoice Status"])
    st = np.array([STATUSES[u] for u in uniques], dtype=object)[codes]
    amount, paid_amt = t["Total"], t["Amount Paid"]
    paid_at, due = t["Last Payment Date"], t["Due Date"]
    full = (st == "paid") | (paid_amt >= amount).to_numpy()
    settled = full & (st != "partial")
    flagged = st == "disputed"
    open_debt = ~settled
    late = (settled & (paid_at > due).to_numpy()) | (
        open_debt & (due < AS_OF).to_numpy()
    )
    is_dispute = late | flagged
    problems |= is_dispute & (paid_at < issued)
    assert not problems.any()
    d = t[is_dispute]
    opened = due.where(late, t["Invoice Date"])[is_dispute]
    resolved = paid_at.where(settled)[is_dispute]
    outcome = pd.Categorical(
        np.where(settled & full, "prevailed", None)[is_dispute],
        categories=["amicable", "compromise", "conceded", "prevailed", "abandoned"],
    )
    month = t["Invoice Date"].dt.to_period("M")
    mission_id = (t["Customer Name"] + " " + month.astype(str)).astype(
        "string[pyarrow]"
    )
    disputes = pd.DataFrame(
        {
            "dispute_id": "INV-" + d["Invoice Number"].str.slice(4),
            "client": d["Customer Name"],
            "mission_id": mission_id[is_dispute],
            "opened_at": opened,
            "resolved_at": resolved,
            "primary_cause": pd.Categorical(["payment"] * len(d)),
            "outcome": outcome,
            "amount_at_stake": d["Total"],
            "amount_recovered": d["Amount Paid"],
        }
    ).reset_index(drop=True)
    missions = (
        pd.DataFrame(
            {
                "mission_id": mission_id,
                "client": t["Customer Name"],
                "started_at": month.dt.start_time,
                "ended_at": month.dt.end_time.dt.normalize(),
            }
        )
        .groupby("mission_id", sort=False, observed=True)
        .agg(
            client=("client", "first"),
            started_at=("started_at", "min"),
            ended_at=("ended_at", "max"),
            days=("client", "size"),
        )
        .reset_index()
    )
    causes = pd.DataFrame(
        {
            "dispute_id": disputes["dispute_id"],
            "cause": pd.Categorical(["payment"] * len(d)),
            "is_primary": True,
        }
    )
    # the per-invoice table: late or not, days after the due date (to payment,
    # or to as_of while unpaid), its mission and its dispute
    stop = paid_at.where(settled, AS_OF)
    invoices = pd.DataFrame(
        {
            "invoice_id": t["Invoice Number"],
            "client": t["Customer Name"],
            "late": late,
            "days_late": (stop - due).dt.days,
            "mission_id": mission_id,
            "dispute_id": ("INV-" + t["Invoice Number"].str.slice(4)).where(is_dispute),
        }
    )
    assert len(causes) == len(disputes)
    assert len(invoices) == len(t)
    return disputes, missions


def library(path: Path) -> ck.History:
    return ck.read_invoices(path, as_of=AS_OF)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--invoices", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--folder", default=str(Path(__file__).parent / "_data"))
    args = parser.parse_args()
    path = generate(Path(args.folder), args.invoices)
    print(f"{args.invoices:,} invoices ({path.stat().st_size / 1e6:.0f} MB CSV)")
    times: dict[str, list[float]] = {"handwritten": [], "library": []}
    results = {}
    for _ in range(args.repeat):
        for name, fn in (("handwritten", handwritten), ("library", library)):
            gc.collect()
            t0 = time.perf_counter()
            results[name] = fn(path)
            times[name].append(time.perf_counter() - t0)
    d, m = results["handwritten"]
    h = results["library"]
    assert len(d) == len(h.disputes), (len(d), len(h.disputes))
    assert len(m) == len(h.missions), (len(m), len(h.missions))
    assert d["opened_at"].sort_values().tolist() == sorted(h.disputes["opened_at"])
    assert d["outcome"].value_counts().equals(h.disputes["outcome"].value_counts())
    assert m["days"].sum() == h.missions["days"].sum()
    base, lib = min(times["handwritten"]), min(times["library"])
    print(f"{len(d):,} payment disputes, {len(m):,} missions (both agree)")
    print(f"hand-written pyarrow+pandas: {base:6.2f} s (best of {args.repeat})")
    print(f"ck.read_invoices:            {lib:6.2f} s (best of {args.repeat})")
    print(f"ratio read_invoices / hand-written = {lib / base:.2f}  (target <= 1.5)")


if __name__ == "__main__":
    main()
