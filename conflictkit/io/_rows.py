"""Rows that are not disputes: blank rows, total lines, rows left out by ``where=``.

They are taken out of the table before it is typed, and counted by reason
(``history.skipped``), so that rows read = rows kept + rows rejected + rows
skipped. Blank and total rows are named in one warning; the rows ``where=``
leaves out were asked for, and are only counted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from ._raw import RawTable
from .vocabulary import TOTAL_LABELS, normalize

__all__ = ["BLANK", "TOTAL", "WHERE", "apply_where", "skip_totals", "skipped_message"]

BLANK = "blank rows"
TOTAL = "total rows"
WHERE = "left out by where="


def _subset(raw: RawTable, keep: np.ndarray) -> RawTable:
    return RawTable(
        raw.frame[keep].reset_index(drop=True),
        raw.rows[keep].reset_index(drop=True),
        raw.problems,
        raw.source,
        raw.blank,
        raw.compacted,
    )


def skip_totals(raw: RawTable, date_header: str | None) -> tuple[RawTable, list[int]]:
    """Take out total lines: a cell reads ``TOTAL`` and the row has no date.

    Returns the table without them and their row numbers.
    """
    frame = raw.frame
    if date_header is None or frame.empty:
        return raw, []
    no_date = frame[date_header].isna().to_numpy()
    if not no_date.any():
        return raw, []
    candidates = frame[no_date]
    is_total = np.zeros(len(candidates), dtype=bool)
    for col in candidates.columns:
        cells = candidates[col]
        if not (
            isinstance(cells.dtype, pd.StringDtype | pd.CategoricalDtype)
            or cells.dtype == object
        ):
            continue
        is_total |= np.fromiter(
            (isinstance(v, str) and normalize(v) in TOTAL_LABELS for v in cells),
            dtype=bool,
            count=len(cells),
        )
    if not is_total.any():
        return raw, []
    where = np.flatnonzero(no_date)[is_total]
    keep = np.ones(len(frame), dtype=bool)
    keep[where] = False
    return _subset(raw, keep), raw.rows.to_numpy()[where].tolist()


def apply_where(
    raw: RawTable, where: str | Callable[[pd.DataFrame], Any]
) -> tuple[RawTable, int]:
    """Keep the rows ``where`` selects; return the table and how many it left out."""
    # the cells as text, as read (columns kept as codes turned back)
    frame = raw.restored(raw.frame.copy()) if raw.compacted else raw.frame
    try:
        if callable(where):
            mask = where(frame.copy())
        elif isinstance(where, str):
            mask = frame.eval(where)
        else:
            raise TypeError(type(where).__name__)
    except (ValueError, TypeError, KeyError, NameError, SyntaxError) as err:
        raise ValueError(
            f"The value for `where` could not be applied to the rows: "
            f"{type(err).__name__}: {err}. The cells are text as read (compare "
            "with 'Yes', not True), the headers as in the file "
            f"({', '.join(map(repr, frame.columns))}; put `backquotes` around "
            "those with spaces)."
        ) from err
    mask = pd.Series(mask) if not isinstance(mask, pd.Series) else mask
    if len(mask) != len(frame) or not (
        pd.api.types.is_bool_dtype(mask.dtype) or mask.dtype == object
    ):
        raise ValueError(
            "The value for `where` must select rows: a query such as "
            "\"Disputed == 'Yes'\" or a function returning one True/False per row, "
            f"but it gave {type(mask).__name__} of {len(mask)} values for "
            f"{len(frame)} rows."
        )
    try:
        keep = mask.astype("boolean").fillna(False).to_numpy(dtype=bool)
    except (TypeError, ValueError) as err:
        raise ValueError(
            "The value for `where` must give True or False per row, but it gave "
            f"values such as {mask.dropna().iloc[0]!r}."
        ) from err
    return _subset(raw, keep), int((~keep).sum())


def _ranges(numbers: list[int]) -> str:
    numbers = sorted(numbers)
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return _join_runs(runs)


def _join_runs(runs: list[tuple[int, int]]) -> str:
    shown = [f"{a:,}" if a == b else f"{a:,}–{b:,}" for a, b in runs[:5]]
    more = ", ..." if len(runs) > 5 else ""
    return ", ".join(shown) + more


def skipped_message(
    blank: list[tuple[int, int]], totals: list[int], table: str
) -> str | None:
    """One warning line for the blank and total rows skipped, or None."""
    parts = []
    n_blank = sum(b - a + 1 for a, b in blank)
    if n_blank:
        s = "s" if n_blank != 1 else ""
        parts.append(f"{n_blank:,} blank row{s} (row{s} {_join_runs(blank)})")
    if totals:
        s = "s" if len(totals) != 1 else ""
        parts.append(f"{len(totals)} total row{s} (row{s} {_ranges(totals)})")
    if not parts:
        return None
    where = " of the missions table" if table == "missions" else ""
    holds = "it holds" if n_blank + len(totals) == 1 else "they hold"
    return (
        f"skipped {' and '.join(parts)}{where}: {holds} no record; see "
        "history.skipped for the counts"
    )


def title_message(title: list[tuple[int, str]], header_row: int) -> str | None:
    """The warning line for the title lines skipped above the header, or None.

    Examples
    --------
    >>> print(title_message([(1, "Suivi 2024")], 3))
    the header is on row 3: the title above it was skipped (row 1: 'Suivi 2024')
    """
    if not title:
        return None
    lines = "; ".join(
        f"row {n}: {(text if len(text) <= 60 else text[:57] + '...')!r}"
        for n, text in title
    )
    return (
        f"the header is on row {header_row}: the title above it was skipped ({lines})"
    )
