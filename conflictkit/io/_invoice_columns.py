"""Headers and cells of invoicing exports: from text to typed invoice fields.

Finds the header row (below a report's title lines if need be), maps the
headers of common invoicing tools onto the invoice fields
(:mod:`conflictkit.io.invoice_vocabulary`), and parses each column with the
reader's own parsers (dates, amounts, yes/no, statuses, payment terms),
reporting every cell that cannot be read. Used by :mod:`._invoices`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..model import STRING_DTYPE
from . import _parse as P
from ._checks import Checker
from ._files import read_raw
from ._raw import RawTable
from ._validate import _check_table_dates
from .invoice_vocabulary import (
    INVOICE_ALIASES,
    INVOICE_FIELDS,
    INVOICE_STATUSES,
    UNIT_WORDS,
)
from .vocabulary import BOOLEANS, normalize

_DATES = ("issued_at", "due_at", "paid_at", "closed_at", "period_start", "period_end")
_AMOUNTS = ("amount", "line_amount", "amount_paid", "balance", "written_off")
_TIMES = ("days", "hours", "quantity")
#: Fields that describe one line of a line-item export (summed per invoice).
_LINE_FIELDS = ("line_amount", "days", "hours", "quantity", "unit")
#: Aliases that give way when a more specific header means the same field
#: (Zoho has "Invoice ID" and "Invoice Number"; Stripe "Customer" (an id)
#: and "Customer Name", "Amount Due" and "Total", "Created" and "Date").
_WEAK = {
    "invoice id",
    "customer",
    "name",
    "amount due",
    "created",
    "created utc",
    "date",
    "montant",
    "reference",
    "details",
    "num",
    "no",
    "voided at utc",
}
_NO_DELAY = {
    "due on receipt",
    "due upon receipt",
    "upon receipt",
    "on receipt",
    "a reception",
    "a reception de facture",
    "comptant",
    "immediate",
}


# ------------------------------------------------------------------ titles
def _read_below_title(path: Path, columns: dict[str, str]) -> RawTable:
    """Read the table; reports often put a title above the header row.

    Accounting reports (an A/R aging report, an invoice list) start with a few
    lines such as the company name and "As of 31/12/2024", and workbooks a
    title such as "Factures 2024" in A1 only. If the first row names no client
    or date column, the first of the next lines that does is taken as the
    header, and the row numbers stay those of the file.
    """
    return read_raw(path, header_at=lambda cells: _looks_like_header(cells, columns))[
        "disputes"
    ]


def _looks_like_header(cells: list[str], columns: dict[str, str]) -> bool:
    """Does this row name a client column and a date column?"""
    fields = {columns.get(c, INVOICE_ALIASES.get(normalize(c))) for c in cells if c}
    return "client" in fields and bool({"issued_at", "due_at"} & fields)


# ----------------------------------------------------------------- headers
def _missing(name: str, frame: pd.DataFrame) -> str:
    return (
        f"no column for {name!r} (columns found: "
        f"{', '.join(map(repr, frame.columns))}); pass "
        f"columns={{'your header': {name.split(chr(39))[0]!r}}}"
    )


def _map_columns(
    frame: pd.DataFrame, columns: dict[str, str] | None, checker: Checker
) -> dict[str, str]:
    """Return {invoice field: header in the file}."""
    columns = columns or {}
    unknown = set(columns.values()) - set(INVOICE_FIELDS)
    if unknown:
        raise ValueError(
            f"`columns` maps onto unknown names {sorted(unknown)}; the invoice "
            f"fields are {sorted(INVOICE_FIELDS)}"
        )
    found: dict[str, str] = {}
    weak: dict[str, str] = {}
    for header in frame.columns:
        if header in columns:
            target = columns[header]
            if target in found and found[target] in columns:
                checker.file_problems.append(
                    f"columns= maps both {found[target]!r} and {header!r} onto "
                    f"{target!r}"
                )
            found[target] = header
            continue
        norm = normalize(header)
        snake = norm.replace(" ", "_")
        alias = INVOICE_ALIASES.get(norm, snake if snake in INVOICE_FIELDS else None)
        if alias is None:
            continue
        target = alias
        if norm in _WEAK:
            weak.setdefault(target, header)
            continue
        if target in found:
            if found[target] in columns:
                continue
            checker.file_problems.append(
                f"the columns {found[target]!r} and {header!r} both mean "
                f"{target!r} ({INVOICE_FIELDS[target]}): pass columns={{...}} "
                "to choose"
            )
            continue
        found[target] = header
    for target, header in weak.items():
        found.setdefault(target, header)
    return found


# ----------------------------------------------------------------- parsing
def _parse_rows(
    frame: pd.DataFrame, found: dict[str, str], checker: Checker, dayfirst: Any
) -> pd.DataFrame:
    """One typed column per field found (row level, before grouping)."""
    out: dict[str, pd.Series] = {}
    orders = _check_table_dates(frame, found, _DATES, dayfirst)
    for name, header in found.items():
        s = frame[header]
        if name in _DATES:
            order, example = orders.get(name, (None, None))
            values, problems = P.parse_dates(s, dayfirst=order)
            values = values.dt.normalize()  # invoices are dated by the day
            if order is None and example is not None:
                checker.file_problems.append(
                    f"column {header!r}: dates such as {example!r} read both as "
                    "day/month and month/day, and no value settles it; pass "
                    "dayfirst=True (07/04/2021 = 7 April) or dayfirst=False (= July 4)"
                )
        elif name in _AMOUNTS:
            values, problems = P.parse_number(
                s, minimum=None if name in ("amount", "balance", "line_amount") else 0.0
            )
        elif name in _TIMES:
            values, problems = P.parse_number(s, what=f"a number of {name}")
        elif name == "days_late":
            values, problems = P.parse_number(s, minimum=None, what="a number of days")
        elif name == "terms_days":
            values, problems = _parse_terms(s)
        elif name == "disputed":
            values, problems = P.parse_bool(s, vocab=BOOLEANS)
        elif name == "status":
            values, problems = _parse_words(
                s,
                INVOICE_STATUSES,
                "an invoice status",
                "paid, partial, open, overdue, disputed, written off, void, draft",
            )
        elif name == "unit":
            values, problems = _parse_words(s, UNIT_WORDS, None, "")
        else:  # invoice_id, client
            values, problems = P._text(s).astype(STRING_DTYPE), P._no_problems()
        checker.add(name, problems, s)
        out[name] = values
    rows = pd.DataFrame(out, index=frame.index)
    if "client" in rows:
        no_client = rows["client"].isna()
        if no_client.any():  # the messages, for those rows only
            dates = [rows[c][no_client] for c in ("issued_at", "due_at") if c in rows]
            undated = np.logical_and.reduce([d.isna().to_numpy() for d in dates])
            message = pd.Series(
                np.where(
                    undated,
                    "is empty, and so are the dates: a title, section or total "
                    "row? It is not an invoice; errors='collect' sets such rows "
                    "aside",
                    "is empty: every invoice needs a client",
                ),
                index=rows.index[no_client.to_numpy()],
            ).reindex(rows.index)
            checker.add_mask("client", no_client, frame[found["client"]], message)
    return rows


def _parse_words(
    s: pd.Series, vocab: dict[str, str], what: str | None, expected: str
) -> tuple[pd.Series, pd.Series]:
    """Map words through a vocabulary; unknown words are problems if ``what`` is set."""
    text = P._text(s)
    codes, uniques = P._factorize(text)
    norm = [normalize(u) for u in uniques]
    vals = np.asarray([vocab.get(n) for n in norm], dtype=object)
    if what is None:
        msgs = pd.Series([None] * len(uniques), dtype=object)
    else:
        msgs = pd.Series(
            [
                None if v is not None else f"{u!r} is not {what} (expected {expected})"
                for u, v in zip(uniques, vals, strict=True)
            ],
            dtype=object,
        )
    out = pd.Series(P._take(vals, codes, None), index=s.index, dtype=object)
    return out.astype(STRING_DTYPE), P._problems_from(s.index, codes, msgs)


_TERMS = re.compile(r"(\d+)")


def _parse_terms(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """``30``, ``Net 30``, ``30 jours``, ``Due on Receipt`` (0) -> days."""
    text = P._text(s)
    codes, uniques = P._factorize(text)
    vals: list[float] = []
    msgs: list[str | None] = []
    for u in uniques:
        norm = normalize(u)
        m = _TERMS.search(norm)
        if norm in _NO_DELAY:
            vals.append(0.0)
            msgs.append(None)
        elif m and not re.search(r"fin de mois|end of month|eom", norm):
            vals.append(float(m.group(1)))
            msgs.append(None)
        else:
            vals.append(np.nan)
            msgs.append(
                f"{u!r} is not payment terms we can turn into days "
                "(e.g. 30, Net 30, 30 jours, due on receipt)"
            )
    out = pd.Series(
        P._take(np.asarray(vals, dtype=float), codes, np.nan), index=s.index
    )
    return out, P._problems_from(s.index, codes, pd.Series(msgs, dtype=object))
