"""Exceptions and warnings raised by conflictkit."""

from __future__ import annotations

import pandas as pd

__all__ = ["ConflictkitWarning", "DisputeDataError", "SmallSampleWarning"]

FAILURE_COLUMNS = ["table", "row", "dispute_id", "column", "value", "problem"]


class ConflictkitWarning(UserWarning):
    """Something in the data deserves a look; the message says how many rows."""


class SmallSampleWarning(ConflictkitWarning):
    """Too few disputes for the question asked; read the result with care."""


class DisputeDataError(ValueError):
    """The input has problems; every one is listed, with its row and column.

    Attributes
    ----------
    failures : pandas.DataFrame
        One row per problem, with columns ``table`` (``"disputes"`` or
        ``"missions"``), ``row`` (as a spreadsheet shows it: the header is row
        1; missing when the problem concerns the whole file), ``dispute_id``,
        ``column``, ``value`` and ``problem``.
    source : str or None
        The file (or ``"frame"``) the problems were found in.
    """

    def __init__(
        self,
        failures: pd.DataFrame | str,
        source: str | None = None,
        *,
        max_lines: int = 20,
    ) -> None:
        if isinstance(failures, str):
            failures = pd.DataFrame(
                [
                    {
                        "table": "disputes",
                        "row": pd.NA,
                        "dispute_id": pd.NA,
                        "column": pd.NA,
                        "value": pd.NA,
                        "problem": failures,
                    }
                ],
                columns=FAILURE_COLUMNS,
            )
        self.failures = failures.reset_index(drop=True)
        self.source = source
        super().__init__(self._message(max_lines))

    def _message(self, max_lines: int) -> str:
        n = len(self.failures)
        where = f" in {self.source!r}" if self.source else ""
        head = f"{n} problem{'s' if n != 1 else ''}{where}"
        lines = [head]
        for rec in self.failures.head(max_lines).itertuples(index=False):
            lines.append("  " + format_failure(rec._asdict()))
        if n > max_lines:
            lines.append(
                f"  ... and {n - max_lines} more: see the `.failures` DataFrame"
                " of this error."
            )
        return "\n".join(lines)


def format_failure(rec: dict) -> str:
    """One failure as a line: ``row 14 (dispute_id='D-31'), column 'x': ...``."""
    parts = []
    if rec.get("table") == "missions":
        parts.append("missions")
    if pd.notna(rec.get("row")):
        row = f"row {int(rec['row'])}"
        if pd.notna(rec.get("dispute_id")) and rec.get("dispute_id") != "":
            key = "mission_id" if rec.get("table") == "missions" else "dispute_id"
            row += f" ({key}={rec['dispute_id']!r})"
        parts.append(row)
    if pd.notna(rec.get("column")):
        parts.append(f"column {rec['column']!r}")
    prefix = ", ".join(parts)
    return f"{prefix}: {rec['problem']}" if prefix else str(rec["problem"])
