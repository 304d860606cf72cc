"""Exceptions and warnings raised by conflictkit."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported when an error is built: the CLI starts without it
    import pandas as pd

__all__ = [
    "ConflictkitWarning",
    "DisputeDataError",
    "NotApplicableError",
    "SmallSampleWarning",
]

FAILURE_COLUMNS = ["table", "row", "dispute_id", "column", "value", "problem"]
#: The reader adds the user's own header of each column (``Motif`` for causes).
READ_FAILURE_COLUMNS = [*FAILURE_COLUMNS, "header"]


class ConflictkitWarning(UserWarning):
    """Something in the data deserves a look; the message says how many rows.

    The base class of every warning conflictkit emits, so one filter can
    turn them all into errors, or silence them.

    Examples
    --------
    >>> import warnings
    >>> import conflictkit as ck
    >>> issubclass(ck.SmallSampleWarning, ck.ConflictkitWarning)
    True
    >>> with warnings.catch_warnings():  # e.g. a batch job that logs elsewhere
    ...     warnings.simplefilter("ignore", ck.ConflictkitWarning)
    ...     history = ck.load_example()
    """


class SmallSampleWarning(ConflictkitWarning):
    """Too few disputes for the question asked; read the result with care.

    Examples
    --------
    Two disputes in a single year cannot show a trend:

    >>> import warnings
    >>> import pandas as pd
    >>> import conflictkit as ck
    >>> history = ck.History.from_frames(pd.DataFrame({
    ...     "client": ["A", "B"], "opened_at": ["2024-01-01", "2024-02-01"],
    ...     "causes": ["payment", "tone"]}), as_of="2024-06-01")
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     table = ck.trend_summary(history)
    >>> [w.category.__name__ for w in caught]
    ['SmallSampleWarning']
    """


class NotApplicableError(ValueError):
    """This analysis does not apply to these data (no missions, no dates...).

    Raised by an analysis whose inputs are missing from the history, as
    opposed to a bug or bad input: the report catches this error, and only
    this one, to replace a section by a line saying what is missing and how to
    record it. The message says both.

    Examples
    --------
    >>> import conflictkit as ck
    >>> err = ck.NotApplicableError("no missions: record them to get rates")
    >>> isinstance(err, ValueError)
    True
    """


class DisputeDataError(ValueError):
    """The input has problems; every one is listed, with its row and column.

    Parameters
    ----------
    failures : pandas.DataFrame or str
        The problems, one row each, with the columns listed under
        ``failures`` below; or a single message about the whole input.
    source : str, optional
        The file the problems were found in; None for frames built in code.
    max_lines : int, default=20
        How many problems the message lists; all of them stay in
        ``failures``.

    Attributes
    ----------
    failures : pandas.DataFrame
        One row per problem, with columns ``table`` (``"disputes"`` or
        ``"missions"``), ``row`` (as a spreadsheet shows it: the header is row
        1; missing when the problem concerns the whole file), ``dispute_id``,
        ``column`` (the canonical name), ``value`` and ``problem``; from the
        reader, also ``header`` (the column's header in the file, e.g.
        ``Motif`` for ``causes``).
    source : str or None
        The file the problems were found in; None for frames built in code.

    Examples
    --------
    >>> import pandas as pd
    >>> import conflictkit as ck
    >>> log = pd.DataFrame(
    ...     {"client": ["Acme", "Nova"], "opened_at": ["2024-03-01", "31/02/2024"]}
    ... )
    >>> try:
    ...     ck.History.from_frames(log)
    ... except ck.DisputeDataError as err:
    ...     print(err.failures[["row", "column", "value"]])
       row     column       value
    0    3  opened_at  31/02/2024
    """

    def __init__(
        self,
        failures: pd.DataFrame | str,
        source: str | None = None,
        *,
        max_lines: int = 20,
    ) -> None:
        import pandas as pd

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


def format_failure(
    rec: dict,
    *,
    row: str = "row",
    column: str = "column",
    quote: Callable[[Any], str] = repr,
    id_sep: str = "=",
    colon: str = ": ",
    number: Callable[[int], str] = str,
) -> str:
    """One failure as a line: ``row 14 (dispute_id='D-31'), column 'x': ...``.

    The words, quotes, separators and number format are those of English by
    default; ``conflictkit._i18n`` passes the French ones.
    """
    import pandas as pd

    parts = []
    if rec.get("table") == "missions":
        parts.append("missions")
    if pd.notna(rec.get("row")):
        where = f"{row} {number(int(rec['row']))}"
        if pd.notna(rec.get("dispute_id")) and rec.get("dispute_id") != "":
            key = "mission_id" if rec.get("table") == "missions" else "dispute_id"
            where += f" ({key}{id_sep}{quote(rec['dispute_id'])})"
        parts.append(where)
    if pd.notna(rec.get("column")):
        header = rec.get("header")
        if header is not None and pd.notna(header) and header != rec["column"]:
            parts.append(f"{column} {quote(header)} ({rec['column']})")
        else:
            parts.append(f"{column} {quote(rec['column'])}")
    prefix = ", ".join(parts)
    return f"{prefix}{colon}{rec['problem']}" if prefix else str(rec["problem"])
