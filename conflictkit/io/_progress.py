"""A progress bar on long reads (tqdm): in notebooks and terminals, quiet elsewhere.

``tqdm.auto`` draws a widget in a notebook and a text bar in a terminal; when
the output is neither (a log file, a pipe, a CI job), nothing is written. The
bar counts rows read, so tqdm's rate and time left are in rows.
"""

from __future__ import annotations

from typing import Any

__all__ = ["RowsBar"]


class RowsBar:
    """Rows read out of ``total``, with the chunk being validated and what is
    being done; off (nothing shown, nothing imported) when ``enabled`` is False.

    Examples
    --------
    >>> bar = RowsBar(10, enabled=False)
    >>> bar.step(4)
    >>> bar.n, bar.chunks
    (4, 1)
    >>> bar.close()
    """

    def __init__(self, total: int, *, enabled: bool, desc: str = "") -> None:
        self.n = 0
        self.chunks = 0
        self.total = total
        self._bar: Any = None
        if enabled:
            from tqdm.auto import tqdm

            # disable=None: tqdm stays quiet when its stream is not a terminal
            self._bar = tqdm(
                total=total, desc=desc, unit=" rows", unit_scale=True,
                disable=None, leave=False, mininterval=0.5, dynamic_ncols=True,
            )  # fmt: skip

    def describe(self, desc: str) -> None:
        """Say what is being done (``"disputes"``, ``"checks across chunks"``)."""
        if self._bar is not None:
            self._bar.set_description_str(desc)

    def step(self, rows: int) -> None:
        """One more chunk validated, of ``rows`` rows."""
        self.n += rows
        self.chunks += 1
        if self._bar is not None:
            self._bar.set_postfix_str(f"chunk {self.chunks:,}", refresh=False)
            self._bar.update(rows)

    def finish_rows(self) -> None:
        """Every row is read: make the total what was read (a CSV's line count
        counts line breaks inside quoted cells too)."""
        self.total = self.n
        if self._bar is not None and self._bar.total != self.n:
            self._bar.total = self.n
            self._bar.refresh()

    def close(self) -> None:
        """Take the bar away."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
