"""The rules that turn invoices into payment disputes and missions.

One row per invoice in, three tables out (all vectorised): the disputes
(late, unpaid past due, written off or flagged disputed), their long-form
causes (``payment``), and the missions (one per client and billing period),
plus the per-invoice table kept as ``history.invoices``. See
:func:`conflictkit.read_invoices` for the rules in words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .._labels import CAUSE_DTYPE, OUTCOME_DTYPE
from ..model import DISPUTE_COLUMNS, MISSION_COLUMNS, STRING_DTYPE, empty_causes

__all__ = ["derive"]

#: Statuses that are not a debt anyone owes: kept, but not counted.
_NOT_COUNTED = ("void", "draft", "credit_note")

#: Columns of ``history.invoices``, in order.
INVOICE_TABLE = [
    "invoice_id",
    "client",
    "issued_at",
    "due_at",
    "paid_at",
    "amount",
    "amount_paid",
    "status",
    "counted",
    "disputed",
    "late",
    "days_late",
    "days_billed",
    "dispute_id",
    "mission_id",
    "row",
    "lines",
]


def _col(inv: Any, name: str, dtype: Any) -> pd.Series:
    if name in inv:
        return inv[name]
    if dtype == "datetime64[ns]":
        return pd.Series(pd.NaT, index=inv.index, dtype="datetime64[ns]")
    return pd.Series(
        pd.NA if dtype == STRING_DTYPE else np.nan, index=inv.index, dtype=dtype
    )


class Columns(dict):  # type: ignore[type-arg]
    """Equal-length columns by name: a table that never copies or consolidates.

    The rules add some twenty columns to a million invoices; a DataFrame would
    stack same-dtype columns into 2D blocks (a copy) each time it consolidates.
    """

    def __init__(self, columns: dict[str, Any], n: int) -> None:
        super().__init__(columns)
        self.n = n
        self.index = pd.RangeIndex(n)

    def __len__(self) -> int:  # the number of rows, as for a DataFrame
        return self.n

    @property
    def columns(self) -> list[str]:
        return list(self.keys())

    def take(self, mask: np.ndarray) -> Columns:
        return Columns(
            {k: v[mask].reset_index(drop=True) for k, v in self.items()},
            int(mask.sum()),
        )


@dataclass
class Tables:
    disputes: pd.DataFrame
    causes: pd.DataFrame
    missions: pd.DataFrame | None
    invoices: pd.DataFrame
    notes: list[str] = field(default_factory=list)


@dataclass
class Derived:
    """The per-invoice decisions, and the problems they revealed."""

    inv: Columns
    as_of: pd.Timestamp
    problems: list[tuple[str, pd.Series, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def tables(self, keep: np.ndarray) -> Tables:
        inv = self.inv if keep.all() else self.inv.take(keep)
        missions, mission_ids, unit_notes = _missions(inv, self.as_of)
        notes = []
        for col, text in (
            (
                "_no_date_paid",
                "paid invoices have no payment date: whether they were "
                "paid late is unknown (they are not counted as disputes)",
            ),
            (
                "_undated_due",
                "invoices have no due date (nor payment terms): whether "
                "they were paid late is unknown",
            ),
            (
                "_stuck",
                "written-off or credited invoices have no date of write-off: "
                "their disputes stay open (censored at as_of)",
            ),
        ):
            count = int(inv[col].sum())
            if count:
                notes.append(f"{count} {text}")
        is_dispute = inv["is_dispute"].to_numpy(dtype=bool)
        disputes = _disputes(inv, mission_ids)
        added = {
            "mission_id": mission_ids.array,
            "dispute_id": _scatter(disputes["dispute_id"], is_dispute).array,
        }
        causes = empty_causes()
        if len(disputes):
            causes = pd.DataFrame(
                {
                    "dispute_id": disputes["dispute_id"].to_numpy(),
                    "cause": pd.Categorical(
                        ["payment"] * len(disputes), dtype=CAUSE_DTYPE
                    ),
                    "is_primary": np.ones(len(disputes), dtype=bool),
                }
            ).astype({"dispute_id": STRING_DTYPE})
        table = pd.DataFrame(
            {c: added[c] if c in added else inv[c].array for c in INVOICE_TABLE}
        )
        return Tables(disputes, causes, missions, table, notes + unit_notes)


def derive(frame: pd.DataFrame, *, grace: float, as_of: pd.Timestamp) -> Derived:
    """Decide, per invoice, whether it is counted, late, disputed, and how it ended."""
    n = len(frame)
    inv = Columns({c: frame[c].reset_index(drop=True) for c in frame.columns}, n)
    out = Derived(inv, as_of)
    d = inv
    new: dict[str, Any] = {}  # the columns added, assigned at once at the end
    status = _col(d, "status", STRING_DTYPE).astype(object)
    amount = _col(d, "amount", "float64")
    status = status.where(~(amount < 0).to_numpy(), "credit_note")  # a negative total
    new["status"] = pd.Series(status, index=d.index).astype(STRING_DTYPE)
    st = status.fillna("").astype(str).to_numpy()  # "" = the export does not say
    counted = ~np.isin(st, _NOT_COUNTED)
    new["counted"] = counted

    issued = _col(d, "issued_at", "datetime64[ns]")
    due = _col(d, "due_at", "datetime64[ns]")
    terms = _col(d, "terms_days", "float64")
    if terms.notna().any():
        due = due.fillna(issued + pd.to_timedelta(terms, unit="D"))
    new["due_at"] = due
    paid_at = _col(d, "paid_at", "datetime64[ns]")
    closed_at = _col(d, "closed_at", "datetime64[ns]")
    paid_amt = _col(d, "amount_paid", "float64")
    balance = _col(d, "balance", "float64")
    days_late_col = _col(d, "days_late", "float64")

    # what was paid: the amount paid, else total - balance, else the total of a paid one
    recovered = paid_amt.copy()
    recovered = recovered.fillna(amount - balance)
    is_paid_status = st == "paid"
    recovered = recovered.fillna(amount.where(is_paid_status))
    written = st == "written_off"
    credited = st == "credited"
    closed_other = written | credited
    # fully paid, and whether the export says it was in full
    full_by_amounts = (balance.notna() & (balance <= 0) & amount.notna()) | (
        paid_amt.notna() & amount.notna() & (paid_amt >= amount)
    )
    known_full = is_paid_status | full_by_amounts.to_numpy()
    partial = (st == "partial") | ((recovered > 0) & (recovered < amount)).to_numpy()
    unsettled_status = np.isin(st, ("open", "overdue", "partial", "disputed"))
    settled = (known_full & ~closed_other) | (
        paid_at.notna().to_numpy() & ~partial & ~unsettled_status & ~closed_other
    )
    # a days-late column stands for the payment date when that is missing
    if days_late_col.notna().any():
        paid_at = paid_at.fillna(
            (due + pd.to_timedelta(days_late_col, unit="D")).where(
                pd.Series(settled, index=d.index)
            )
        )
    new["paid_at"] = paid_at
    new["amount_paid"] = recovered

    threshold = due + pd.Timedelta(days=grace)
    end = pd.Series(paid_at.where(pd.Series(settled, index=d.index)), index=d.index)
    end = end.where(~pd.Series(closed_other, index=d.index), closed_at)
    paid_late = settled & (paid_at > threshold).to_numpy()
    paid_late |= (
        settled & (days_late_col > grace).to_numpy() & paid_at.isna().to_numpy()
    )
    closed_late = closed_other & (closed_at > threshold).to_numpy()
    open_debt = counted & ~settled & ~closed_other
    unpaid_late = open_debt & (threshold < as_of).to_numpy()
    flagged = (st == "disputed") | _col(d, "disputed", "boolean").fillna(
        False
    ).to_numpy(dtype=bool)
    late = paid_late | unpaid_late | closed_late
    is_dispute = counted & (late | flagged | written | (st == "overdue"))
    new["disputed"] = flagged
    # late: True/False where it can be judged, missing where it cannot
    judged = due.notna().to_numpy() & (
        settled & paid_at.notna().to_numpy()
        | open_debt
        | closed_other & closed_at.notna().to_numpy()
    )
    new["late"] = pd.array(
        np.where((judged | late) & counted, late, None), dtype="boolean"
    )
    # days after the due date: to payment (or write-off), else to as_of (censored)
    stop = end.fillna(
        pd.Series(as_of, index=d.index).where(pd.Series(open_debt, index=d.index))
    )
    new["days_late"] = ((stop - due).dt.total_seconds() / 86400).where(
        pd.Series(counted, index=d.index)
    )
    new["days_late"] = new["days_late"].fillna(
        days_late_col.where(pd.Series(counted, index=d.index))
    )

    opened = threshold.where(pd.Series(late, index=d.index), issued.fillna(due))
    # a write-off: since the due date if it was passed by then, else the invoice date
    passed = (threshold <= closed_at) | (closed_at.isna() & (threshold < as_of))
    opened = opened.where(
        ~pd.Series(written & ~late, index=d.index),
        threshold.where(passed, issued.fillna(due)),
    )
    resolved = end.where(~pd.Series(open_debt, index=d.index))
    new["opened_at"], new["resolved_at"] = opened, resolved
    new["is_dispute"] = is_dispute

    # outcomes: only what the export says
    outcome = np.full(n, None, dtype=object)
    outcome[settled & known_full] = "prevailed"
    outcome[written & (recovered > 0).to_numpy()] = "compromise"
    outcome[written & ~(recovered > 0).to_numpy()] = "abandoned"
    outcome[credited & (recovered > 0).to_numpy()] = "compromise"
    outcome[credited & ~(recovered > 0).to_numpy()] = "conceded"
    outcome[resolved.isna().to_numpy()] = None
    new["outcome"] = pd.Categorical(outcome, dtype=OUTCOME_DTYPE)
    reasons = [
        "disputed by the client",
        "written off",
        "credited after the due date",
        "paid late",
        "partly paid, rest overdue",
        "unpaid past due",
        "overdue by its status",
    ]
    conditions = [flagged, written, credited & late, paid_late,
                  unpaid_late & partial, unpaid_late]  # fmt: skip
    code = np.select(conditions, np.arange(len(conditions), dtype=np.int8), 6)
    new["reason"] = pd.Categorical.from_codes(code.astype(np.int8), reasons)

    # problems the rules reveal, reported on the invoice's first row
    idx = d.index
    no_due = is_dispute & due.isna().to_numpy() & ~flagged & ~written
    out.problems.append(
        (
            "due_at",
            pd.Series(no_due, index=idx),
            "the invoice is overdue by its status, but the row has no due date (nor "
            "payment terms) to say since when; add the due date",
        )
    )
    no_open = is_dispute & opened.isna().to_numpy() & ~no_due
    out.problems.append(
        (
            "issued_at",
            pd.Series(no_open, index=idx),
            "the invoice is disputed but has neither an invoice date nor a due date",
        )
    )
    before = (resolved < opened).to_numpy() & is_dispute
    out.problems.append(
        (
            "paid_at",
            pd.Series(before, index=idx),
            "is before the invoice date: a payment cannot precede the invoice",
        )
    )
    due_before = (due < issued).to_numpy()
    out.problems.append(
        ("due_at", pd.Series(due_before, index=idx), "is before the invoice date")
    )

    new["_no_date_paid"] = counted & settled & paid_at.isna().to_numpy()
    new["_undated_due"] = counted & due.isna().to_numpy() & ~is_dispute
    new["_stuck"] = is_dispute & closed_other & closed_at.isna().to_numpy()
    # one new frame (one copy), rather than a column at a time
    out.inv = Columns(
        {
            **{c: inv[c] for c in inv.columns if c not in new},
            **{
                k: v if isinstance(v, pd.Series) else pd.Series(v, index=inv.index)
                for k, v in new.items()
            },
        },
        n,
    )
    return out


def _missions(
    inv: Columns, as_of: pd.Timestamp
) -> tuple[pd.DataFrame | None, pd.Series, list[str]]:
    """One mission per client and billing period (or per invoice when undated)."""
    notes: list[str] = []
    counted = inv["counted"].to_numpy(dtype=bool)
    if not counted.any():
        return None, pd.Series(pd.NA, index=inv.index, dtype=STRING_DTYPE), notes
    # select column by column: indexing the whole frame would copy every column
    c = _Rows(inv, counted)
    issued = c["issued_at"]
    p_start = _col(c, "period_start", "datetime64[ns]")
    p_end = _col(c, "period_end", "datetime64[ns]")
    explicit = (p_start.notna() & p_end.notna()).to_numpy()
    dated = issued.notna().to_numpy() & ~explicit
    undated = ~explicit & ~dated
    # integer keys: (client, month) for dated invoices, (client, period) for
    # explicit periods, the invoice itself when undated; ids are formatted
    # once per mission, not per invoice
    client_code, clients = pd.factorize(c["client"])
    n_c = len(client_code)
    month = (
        issued.dt.year.to_numpy(dtype=float) * 12
        + issued.dt.month.to_numpy(dtype=float)
        - 1
    )
    period = np.zeros(n_c, dtype=np.int64)
    period[dated] = month[dated].astype(np.int64)
    base = int(period.max(initial=0)) + 1
    if explicit.any():
        pair, _ = pd.factorize(
            pd.MultiIndex.from_arrays([p_start[explicit], p_end[explicit]])
        )
        period[explicit] = base + pair
        base += int(pair.max(initial=-1)) + 1
    period[undated] = base + np.arange(int(undated.sum()))
    width = int(period.max(initial=0)) + 1
    codes, first = pd.factorize(client_code.astype(np.int64) * width + period)
    first_pos = pd.Series(np.arange(n_c)).groupby(codes).first().to_numpy()
    m_month = month[first_pos]
    m_client = pd.Series(pd.Index(clients).take(client_code[first_pos]))
    kind = np.where(explicit[first_pos], 1, np.where(undated[first_pos], 2, 0))
    label = np.empty(len(first_pos), dtype=object)
    is_month = kind == 0
    if is_month.any():
        mm = m_month[is_month].astype(np.int64)
        years = pa.array(mm // 12).cast(pa.string())
        months = pc.utf8_lpad(pa.array(mm % 12 + 1).cast(pa.string()), 2, "0")
        month_labels = pc.binary_join_element_wise(years, months, "-")
        if not is_month.all():
            label[is_month] = month_labels.to_numpy(zero_copy_only=False)
    if (kind == 1).any():
        at = first_pos[kind == 1]
        label[kind == 1] = (
            p_start.iloc[at].dt.strftime("%Y-%m-%d").to_numpy(dtype=object)
            + ".."
            + p_end.iloc[at].dt.strftime("%Y-%m-%d").to_numpy(dtype=object)
        )
    if (kind == 2).any():
        at = first_pos[kind == 2]
        number = c["invoice_id"].iloc[at].astype(object)
        row = "row " + c["row"].iloc[at].astype(str)
        label[kind == 2] = ("invoice " + number.fillna(row).astype(str)).to_numpy()
    client_arr = _arrow(m_client)
    labels = (
        month_labels.cast(client_arr.type)  # the usual case: skip the objects
        if is_month.all()
        else pa.array(label, client_arr.type)
    )
    ids = pd.Series(
        pd.arrays.ArrowStringArray(
            pc.binary_join_element_wise(
                client_arr, labels, pa.scalar(" ", client_arr.type)
            )
        )
    )
    per_invoice = np.full(len(inv), -1, dtype=np.int64)
    per_invoice[counted] = codes
    mission_ids = _scatter(ids, per_invoice >= 0, per_invoice)
    # a mission's dates are those of its first invoice's period: the same for
    # every invoice of it (a month, an explicit period, or one undated invoice)
    f_issued = issued.iloc[first_pos].reset_index(drop=True)
    month_start = f_issued.dt.to_period("M").dt.start_time
    f_explicit = pd.Series(explicit[first_pos])
    f_due = c["due_at"].iloc[first_pos].reset_index(drop=True)
    start = (
        p_start.iloc[first_pos].reset_index(drop=True).where(f_explicit, month_start)
    ).fillna(f_due)
    stop = (
        p_end.iloc[first_pos]
        .reset_index(drop=True)
        .where(f_explicit, month_start + pd.offsets.MonthEnd(0))
    ).fillna(f_due)
    days = c["days_billed"]
    by_days = bool(days.notna().all())
    if days.notna().any() and not by_days:
        notes.append(
            f"{int(days.isna().sum())} of {len(days)} invoices do not say the days or "
            "hours billed: exposure is counted in invoices for all of them"
        )
    n_m = len(first_pos)
    count = np.bincount(codes, minlength=n_m)
    amount = c["amount"].to_numpy(dtype=float)
    billed = np.bincount(codes, weights=np.nan_to_num(amount), minlength=n_m)
    any_amount = np.bincount(codes, weights=~np.isnan(amount), minlength=n_m) > 0
    m = pd.DataFrame(
        {
            "mission_id": ids,
            "client": m_client,
            "started_at": start,
            "ended_at": stop,
            "days": np.bincount(
                codes, weights=days.to_numpy(dtype=float), minlength=n_m
            )
            if by_days
            else count.astype(float),
            "invoices": count,
            "billed": np.where(any_amount, billed, np.nan),
        }
    )
    if not pd.isna(as_of):
        m["ended_at"] = m["ended_at"].where(m["ended_at"] <= as_of, as_of)
        m["ended_at"] = m["ended_at"].where(
            m["ended_at"] >= m["started_at"], m["started_at"]
        )
    out = pd.DataFrame(index=m.index)
    for name, dtype in MISSION_COLUMNS.items():
        if name in m:
            out[name] = m[name].astype(dtype) if name != "contract" else m[name]
        elif isinstance(dtype, np.dtype):
            out[name] = pd.Series(pd.NaT, index=m.index, dtype=dtype)
        else:
            out[name] = pd.Series(index=m.index, dtype=dtype)
    out["invoices"] = m["invoices"].astype("int64")
    out["billed"] = m["billed"].astype("float64")
    out["exposure_unit"] = "days" if by_days else "invoices"
    return out, mission_ids, notes


class _Rows:
    """Some rows of a frame, column by column (no copy of the whole frame)."""

    def __init__(self, frame: Columns, mask: np.ndarray) -> None:
        self.frame, self.mask = frame, mask

    def __getitem__(self, name: str) -> pd.Series:
        return self.frame[name][self.mask].reset_index(drop=True)

    def __contains__(self, name: str) -> bool:
        return name in self.frame


def _arrow(s: pd.Series) -> pa.ChunkedArray:
    # already a ChunkedArray: pa.chunked_array() of one fails on pyarrow 15
    return s.astype(STRING_DTYPE).array._pa_array  # type: ignore[attr-defined,no-any-return]


def _scatter(
    values: pd.Series, where: np.ndarray, positions: np.ndarray | None = None
) -> pd.Series:
    """A string column as long as ``where``: ``values`` in order (or taken at
    ``positions``) where it is True, missing elsewhere (a pyarrow take)."""
    if positions is None:
        positions = np.cumsum(where) - 1
    idx = pa.array(np.where(where, positions, 0), mask=~where)
    arr = _arrow(values)
    if len(arr) == 0:
        arr = pa.chunked_array([pa.array([None], pa.string())])
        idx = pa.array(
            np.zeros(len(where), dtype=np.int64), mask=np.ones(len(where), bool)
        )
    return pd.Series(pd.arrays.ArrowStringArray(arr.take(idx)))


def _disputes(inv: Columns, mission_ids: pd.Series) -> pd.DataFrame:
    is_dispute = inv["is_dispute"].to_numpy(dtype=bool)
    d = _Rows(inv, is_dispute)
    n = int(is_dispute.sum())
    number = _arrow(d["invoice_id"])
    text = number.type

    def lit(value: str) -> pa.Scalar:
        return pa.scalar(value, text)

    has_prefix = pc.starts_with(pc.utf8_upper(number), "INV")
    prefixed = pc.binary_join_element_wise(lit("INV-"), number, lit(""))
    ids = pc.if_else(pc.fill_null(has_prefix, False), number, prefixed)
    by_row = pc.binary_join_element_wise(
        lit("INV-row-"), pa.array(d["row"].to_numpy()).cast(text), lit("")
    )
    ids = pc.coalesce(ids, by_row)
    cols: dict[str, Any] = {
        "dispute_id": pd.arrays.ArrowStringArray(ids),
        "client": d["client"].astype(STRING_DTYPE).array,
        "mission_id": mission_ids[is_dispute].array,
        "opened_at": d["opened_at"].to_numpy(dtype="datetime64[ns]"),
        "resolved_at": d["resolved_at"].to_numpy(dtype="datetime64[ns]"),
        "primary_cause": pd.Categorical.from_codes(
            np.full(n, CAUSE_DTYPE.categories.get_loc("payment")), dtype=CAUSE_DTYPE
        ),
        "causes": pd.Categorical.from_codes(np.zeros(n, dtype=np.int8), ["payment"]),
        "outcome": d["outcome"].array,
        "amount_at_stake": d["amount"].to_numpy(dtype="float64"),
        "amount_recovered": d["amount_paid"].to_numpy(dtype="float64"),
        "notes": d["reason"].astype(STRING_DTYPE).array,
    }
    out: dict[str, Any] = {}
    for name, dtype in DISPUTE_COLUMNS.items():
        if name in cols:
            out[name] = cols[name]
        elif isinstance(dtype, np.dtype):
            out[name] = np.full(n, np.datetime64("NaT"), dtype=dtype)
        else:
            out[name] = pd.Series(index=range(n), dtype=dtype).array
    return pd.DataFrame(out)
