"""Reading invoicing exports: invoices become payment disputes and exposure.

:func:`read_invoices` reads the file with the same machinery as
:func:`conflictkit.read_history` (encodings, delimiters, spreadsheet row
numbers, one report of every problem); :mod:`._invoice_columns` finds the
header row, recognises the headers of common invoicing tools and types each
column; this module groups line-item exports into invoices and hands them to
:mod:`._invoice_rules`, which decides which invoices are payment disputes and
builds the missions (the exposure).
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..errors import ConflictkitWarning, DisputeDataError
from ..model import STRING_DTYPE, History
from ._checks import Checker
from ._invoice_columns import (
    _DATES,
    _LINE_FIELDS,
    _map_columns,
    _missing,
    _parse_rows,
    _read_below_title,
)
from ._invoice_rules import derive
from ._raw import RawTable
from ._rows import BLANK, skipped_message
from ._validate import _split_rejected, check_errors
from .invoice_vocabulary import (
    HOURS_PER_DAY,
    INVOICE_FIELDS,
)

__all__ = ["read_invoices"]


def read_invoices(
    path: str | Path,
    *,
    columns: dict[str, str] | None = None,
    dayfirst: bool | None = None,
    grace_days: float = 0,
    as_of: Any = None,
    errors: str = "raise",
) -> History:
    """Read an invoicing export: late, unpaid or disputed invoices become disputes.

    Start from the records a freelancer already has. Every invoice that was
    paid after its due date plus ``grace_days``, that is still unpaid past it
    at ``as_of``, that was written off, or that the export flags as disputed
    becomes a **payment** dispute:

    - ``opened_at``: the due date plus ``grace_days`` (the invoice date for
      an invoice flagged as disputed that was not late);
    - ``resolved_at``: the payment date (the write-off or credit date for
      those), empty while it is unpaid (censored at ``as_of``);
    - ``amount_at_stake``: the invoice total; ``amount_recovered``: what was
      paid, when the export says it (an amount paid, a balance, or a "paid"
      status with the total);
    - ``outcome``: only what the export says: paid in full ->
      ``prevailed``; written off after a partial payment -> ``compromise``,
      with nothing paid -> ``abandoned``; credited (cancelled by a credit
      note) -> ``conceded``; a payment date without amounts or status leaves
      it unknown. It is never guessed.

    Every invoice also counts as **exposure**: one mission per client and
    billing period (the calendar month of the invoice date, or the period the
    export names), or one per invoice when the invoice date is unknown. Its
    ``days`` are the days billed when the export says them (a days or hours
    column, or a quantity with a day/hour unit; 8 hours make a day) for every
    invoice; otherwise ``days`` counts **invoices**, and
    ``missions["exposure_unit"]`` says ``"invoices"``: dispute rates are then
    per 100 invoices, not per 100 mission-days.

    Drafts, void and cancelled invoices and credit notes are kept in
    ``history.invoices`` but count neither as disputes nor as exposure.

    Parameters
    ----------
    path : str or Path
        A CSV/TSV (any delimiter and encoding :func:`read_history` reads),
        XLSX (first sheet), JSON or Parquet export. Line-item exports (one row
        per invoice line, as FreshBooks and Zoho write them) are grouped by
        invoice number. A report whose header row sits below a title (an A/R
        aging report) is read from that header; rows keep their numbers.
    columns : dict, optional
        Maps your headers onto the invoice fields: ``invoice_id``, ``client``,
        ``issued_at``, ``due_at``, ``terms_days``, ``paid_at``,
        ``closed_at``, ``amount``, ``line_amount``, ``amount_paid``,
        ``balance``, ``written_off``, ``status``, ``disputed``,
        ``days_late``, ``days``, ``hours``, ``quantity``, ``unit``,
        ``period_start``, ``period_end``. The headers of FreshBooks, Zoho
        Invoice, Invoice Ninja, QuickBooks, Stripe, Invoice2go, Invoicely,
        Pennylane, Abby, Indy, Tiime and Henrri are recognised without it (see
        :mod:`conflictkit.io.invoice_vocabulary` for each header's source).
    dayfirst : bool, optional
        How to read ``03/04/2021``; by default decided from the dates that
        read only one way, as in :func:`read_history`.
    grace_days : float, default=0
        Days after the due date before a payment counts as late.
    as_of : date-like, optional
        The date of the export: unpaid invoices are judged, and open disputes
        censored, at this date. By default, the latest invoice, payment or
        write-off date in the file (pass the export date when you know it).
    errors : {"raise", "collect"}, default="raise"
        As in :func:`read_history`: ``"collect"`` keeps the invoices without
        problems and puts every row of the others, untouched, in
        ``history.rejected``. Rows read = rows kept + rows rejected.

    Returns
    -------
    History
        ``disputes`` (payment disputes), ``missions`` (exposure),
        ``invoices`` (one row per invoice read, with ``status``, ``late``,
        ``days_late``, ``dispute_id``, ``mission_id``, ``row`` and ``lines``,
        the file rows it came from) and ``rejected``.

    Raises
    ------
    DisputeDataError
        With ``errors="raise"`` when any row has a problem; always when the
        file cannot be read or lacks a client or any date column.

    See Also
    --------
    read_history : read a dispute log.
    History.combine : merge a dispute log with the disputes from invoices.

    Examples
    --------
    A French export (semicolons, cp1252, decimal commas):

    >>> import pathlib, tempfile
    >>> import conflictkit as ck
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "factures.csv"
    >>> _ = path.write_bytes((
    ...     "N° facture;Client;Date de facture;Échéance;Statut;Payée le;Montant TTC\\n"
    ...     "F-001;Acme SAS;02/01/2024;01/02/2024;Payée;20/02/2024;1 200,00 €\\n"
    ...     "F-002;Acme SAS;01/02/2024;02/03/2024;Payée;01/03/2024;800,00 €\\n"
    ...     "F-003;Orbis;01/03/2024;31/03/2024;En retard;;2 400,00 €\\n"
    ... ).encode("cp1252"))
    >>> h = ck.read_invoices(path, as_of="2024-04-30")
    >>> h.disputes[["dispute_id", "client", "opened_at", "resolved_at", "outcome"]]
      dispute_id    client  opened_at resolved_at    outcome
    0  INV-F-001  Acme SAS 2024-02-01  2024-02-20  prevailed
    1  INV-F-003     Orbis 2024-03-31         NaT        NaN
    >>> h.missions[["mission_id", "days", "exposure_unit"]]
             mission_id  days exposure_unit
    0  Acme SAS 2024-01   1.0      invoices
    1  Acme SAS 2024-02   1.0      invoices
    2     Orbis 2024-03   1.0      invoices
    """
    check_errors(errors)
    try:
        grace = float(grace_days)
    except (TypeError, ValueError):
        grace = float("nan")
    if not np.isfinite(grace) or grace < 0:
        raise ValueError(
            f"The value for `grace_days` must be a number of days ≥ 0, but "
            f"{grace_days!r} was passed."
        )
    explicit_as_of = None if as_of is None else pd.Timestamp(as_of)
    if explicit_as_of is not None and pd.isna(explicit_as_of):
        raise ValueError(
            f"The value for `as_of` must be a date, but {as_of!r} was passed."
        )
    raw = _read_below_title(Path(path), columns or {})
    return _read_table(
        raw,
        columns=columns,
        dayfirst=dayfirst,
        grace=grace,
        as_of=explicit_as_of,
        errors=errors,
        source=str(path),
    )


def _read_table(
    raw: RawTable,
    *,
    columns: dict[str, str] | None,
    dayfirst: bool | None,
    grace: float,
    as_of: pd.Timestamp | None,
    errors: str,
    source: str,
) -> History:
    frame = raw.frame
    checker = Checker("invoices", raw, "invoice_id")
    found = _map_columns(frame, columns, checker)
    if "client" not in found:
        checker.file_problems.append(_missing("client", frame))
    if not {"issued_at", "due_at"} & set(found):
        checker.file_problems.append(_missing("issued_at' or 'due_at", frame))
    if checker.file_problems:
        raise DisputeDataError(checker.failures(None), source)
    rows = _parse_rows(frame, found, checker, dayfirst)
    if checker.file_problems:
        raise DisputeDataError(checker.failures(None), source)
    rows["row"] = raw.rows.to_numpy()
    inv, pos_of = _group(rows, found, checker)
    inv = _complete(inv)
    if as_of is None:
        dates = [inv[c].max() for c in ("issued_at", "paid_at", "closed_at")]
        dates = [d for d in dates if not pd.isna(d)]
        history_as_of = max(dates) if dates else pd.Timestamp("NaT")
    else:
        history_as_of = as_of
        for name in ("issued_at", "paid_at", "closed_at"):
            after = inv[name] > as_of
            if after.any():
                _flag(
                    checker,
                    pos_of,
                    after,
                    name,
                    rows,
                    found,
                    f"is after as_of ({as_of.date()})",
                )
    result = derive(inv, grace=grace, as_of=history_as_of)
    for name, mask, message in result.problems:
        _flag(checker, pos_of, mask, name, rows, found, message)
    _spread_to_lines(checker, rows, inv, pos_of)

    failures = checker.failures(rows.get("invoice_id"))
    if len(failures) and (errors == "raise" or failures["row"].isna().any()):
        raise DisputeDataError(failures.reset_index(drop=True), source)
    rejected = None
    keep_inv = np.ones(len(inv), dtype=bool)
    if errors == "collect":
        _, _, rejected = _split_rejected(rows, checker, None)
        bad_rows = checker.bad_positions()
        keep_inv = ~np.isin(np.arange(len(inv)), np.unique(pos_of.codes[bad_rows]))
        if len(rejected):
            n_read = len(raw.rows) + len(raw.problems)
            warnings.warn(
                f"{len(rejected)} of {n_read} rows rejected; see history.rejected "
                "for the rows and their problems",
                ConflictkitWarning,
                stacklevel=3,
            )
    skipped: dict[str, int] = {}
    n_blank = sum(b - a + 1 for a, b in raw.blank)
    if n_blank:  # blank lines a spreadsheet leaves: counted and named, not lost
        skipped[BLANK] = n_blank
        message = skipped_message(raw.blank, [], "invoices")
        if message is not None:
            warnings.warn(message, ConflictkitWarning, stacklevel=3)
    tables = result.tables(keep_inv)
    for message in tables.notes:
        warnings.warn(message, ConflictkitWarning, stacklevel=3)
    return History(
        disputes=tables.disputes,
        causes=tables.causes,
        missions=tables.missions,
        as_of=pd.Timestamp(history_as_of),
        rejected=rejected,
        source=source,
        invoices=tables.invoices,
        skipped=skipped,
    )


def _complete(inv: pd.DataFrame) -> pd.DataFrame:
    """Add the fields the export lacks, empty (unknown, never zero)."""
    for name in INVOICE_FIELDS:
        if name in inv:
            continue
        if name in _DATES:
            inv[name] = pd.Series(pd.NaT, index=inv.index, dtype="datetime64[ns]")
        elif name in ("invoice_id", "client", "status", "unit"):
            inv[name] = pd.Series(pd.NA, index=inv.index, dtype=STRING_DTYPE)
        elif name == "disputed":
            inv[name] = pd.Series(pd.NA, index=inv.index, dtype="boolean")
        else:
            inv[name] = np.nan
    return inv


# ---------------------------------------------------------------- grouping
#: Invoice-level fields: every line of an invoice must agree on them.
_INVOICE_LEVEL = (
    "client",
    "issued_at",
    "due_at",
    "terms_days",
    "paid_at",
    "closed_at",
    "amount",
    "amount_paid",
    "balance",
    "written_off",
    "status",
    "disputed",
    "days_late",
    "period_start",
    "period_end",
)


def _group(
    rows: pd.DataFrame, found: dict[str, str], checker: Checker
) -> tuple[pd.DataFrame, pd.Categorical]:
    """One row per invoice; ``pos_of`` maps each file row to its invoice."""
    n = len(rows)
    if "invoice_id" not in rows:
        codes = np.arange(n)
    else:
        ids = rows["invoice_id"]
        codes, _ = pd.factorize(ids, use_na_sentinel=True)
        # rows without a number are invoices of their own
        missing = codes < 0
        if missing.any():
            codes = codes.copy()
            codes[missing] = codes.max(initial=-1) + 1 + np.arange(int(missing.sum()))
        codes, _ = pd.factorize(codes)  # in order of first appearance
    n_inv = int(codes.max(initial=-1)) + 1
    line_level = [c for c in _LINE_FIELDS if c in rows]
    repeated = n_inv < n
    if repeated and not line_level:
        dup = rows["invoice_id"].duplicated(keep="first") & rows["invoice_id"].notna()
        first_row = pd.Series(rows["row"].to_numpy(), index=rows.index)[
            ~rows["invoice_id"].duplicated()
        ]
        by_id = pd.Series(
            first_row.to_numpy(), index=rows["invoice_id"][first_row.index].to_numpy()
        )
        msgs = "duplicated invoice number: the same number is in row " + rows[
            "invoice_id"
        ][dup].map(by_id).astype(str)
        checker.add_mask("invoice_id", dup, rows["invoice_id"], msgs)
    pos_of = pd.Categorical.from_codes(codes, categories=np.arange(max(n_inv, 0)))
    if not repeated:
        inv = rows.reset_index(drop=True)
        inv["lines"] = 1
        if "line_amount" in inv and "amount" not in inv:
            inv["amount"] = inv["line_amount"]
        inv["days_billed"] = _line_days(rows).to_numpy()
        return inv, pos_of
    key = pd.Series(codes, index=rows.index)
    g = rows.groupby(key, sort=True)
    inv = g.first()
    inv["row"] = g["row"].min()
    inv["lines"] = g.size()
    for name in _INVOICE_LEVEL:
        if name not in rows:
            continue
        first = inv[name].to_numpy()[codes]
        col = rows[name]
        differs = col.notna().to_numpy() & pd.notna(first) & (col.to_numpy() != first)
        if differs.any():
            mask = pd.Series(differs, index=rows.index)
            checker.add_mask(
                name,
                mask,
                rows[name],
                "differs from the first line of the same invoice ("
                + pd.Series(first, index=rows.index).astype(str)
                + "): every line of an invoice must agree",
            )
    if "line_amount" in rows:
        inv["line_amount"] = g["line_amount"].sum(min_count=1)
        if "amount" not in inv:
            inv["amount"] = inv["line_amount"]
    inv["days_billed"] = _line_days(rows).groupby(key).sum(min_count=1)
    return inv.reset_index(drop=True), pos_of


def _line_days(rows: pd.DataFrame) -> pd.Series:
    """Days billed per row: days, else hours / 8, else a quantity with a time unit."""
    per_row = pd.Series(np.nan, index=rows.index)
    if "quantity" in rows and "unit" in rows:
        q = rows["quantity"]
        unit = rows["unit"].astype(object)
        per_row = per_row.mask((unit == "day").to_numpy(dtype=bool), q)
        per_row = per_row.mask((unit == "hour").to_numpy(dtype=bool), q / HOURS_PER_DAY)
    if "hours" in rows:
        per_row = per_row.mask(rows["hours"].notna(), rows["hours"] / HOURS_PER_DAY)
    if "days" in rows:
        per_row = per_row.mask(rows["days"].notna(), rows["days"])
    return per_row


def _flag(
    checker: Checker,
    pos_of: pd.Categorical,
    inv_mask: pd.Series | np.ndarray,
    name: str,
    rows: pd.DataFrame,
    found: dict[str, str],
    message: Any,
) -> None:
    """Report an invoice-level problem on the first row of each invoice."""
    mask = np.asarray(inv_mask, dtype=bool)
    if not mask.any():
        return
    codes = np.asarray(pos_of.codes)
    first = ~pd.Series(codes).duplicated().to_numpy()
    row_mask = first & mask[codes]
    values = rows[name] if name in rows else pd.Series(pd.NA, index=rows.index)
    if isinstance(message, pd.Series):
        message = pd.Series(message.to_numpy()[codes], index=rows.index)[row_mask]
    checker.add_mask(name, pd.Series(row_mask, index=rows.index), values, message)


def _spread_to_lines(
    checker: Checker, rows: pd.DataFrame, inv: pd.DataFrame, pos_of: pd.Categorical
) -> None:
    """A problem on one line rejects the whole invoice: say so on its other lines."""
    bad = checker.bad_positions()
    if not len(bad):
        return
    codes = np.asarray(pos_of.codes)
    bad_inv = np.unique(codes[bad])
    others = np.isin(codes, bad_inv)
    others[bad] = False
    if not others.any():
        return
    first_bad = pd.Series(rows["row"].to_numpy()[bad]).groupby(codes[bad]).min()
    msgs = pd.Series(
        "another line of this invoice has a problem (row "
        + pd.Series(codes[others]).map(first_bad).astype(str).to_numpy()
        + "): the invoice is rejected whole",
        index=rows.index[others],
    )
    name = "invoice_id" if "invoice_id" in rows else "client"
    checker.add(name, msgs.astype(object), rows[name])
