"""Text tables as read, the limits that bound reading, and safe file access.

Every reader returns :class:`RawTable`: text cells (dates typed by a workbook
keep their type), each record's row number as a spreadsheet shows it (header =
row 1), the structural problems found (a row with too many fields...) and the
blank rows skipped. A file is read only if it is a regular file within
:class:`ReadLimits`, checked before any parsing starts.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import DisputeDataError

__all__ = [
    "RawTable",
    "ReadLimits",
    "as_text_frame",
    "check_headers",
    "raw_from_frame",
    "read_bytes",
    "regular_file",
    "undo_formula_guard",
    "xlsx_unescape",
]


@dataclass(frozen=True)
class ReadLimits:
    """Bounds checked before a file is parsed, so a hostile file ends quickly.

    Parameters
    ----------
    max_bytes : int, default=4 GiB
        The largest file read (for an XLSX workbook: its unpacked size).
    max_rows : int, default=50,000,000
        The most rows a table may have.
    max_columns : int, default=1,000
        The most columns a table may have.

    Examples
    --------
    >>> from conflictkit.io import ReadLimits
    >>> ReadLimits(max_rows=1_000).max_rows
    1000
    """

    max_bytes: int = 4 << 30
    max_rows: int = 50_000_000
    max_columns: int = 1_000

    def check_rows(self, n: int, source: str) -> None:
        if n > self.max_rows:
            raise DisputeDataError(
                f"the table has more than {self.max_rows:,} rows (the limit); pass "
                "limits=ReadLimits(max_rows=...) to read it anyway",
                source,
            )

    def check_columns(self, n: int, source: str) -> None:
        if n > self.max_columns:
            raise DisputeDataError(
                f"the table has {n:,} columns, more than the limit of "
                f"{self.max_columns:,}; pass limits=ReadLimits(max_columns=...) to "
                "read it anyway",
                source,
            )

    def check_bytes(self, n: int, source: str, what: str = "the file is") -> None:
        if n > self.max_bytes:
            raise DisputeDataError(
                f"{what} {n:,} bytes, more than the limit of {self.max_bytes:,}; "
                "pass limits=ReadLimits(max_bytes=...) to read it anyway",
                source,
            )


#: The most cells a title line fills ("Suivi des litiges 2024;;;;": one).
TITLE_CELLS = 2


def title_like(cells: list[str]) -> bool:
    """Could this first row be a title: few cells, the others left empty?

    Examples
    --------
    >>> title_like(["Suivi des litiges 2024", "(column 2)", "(column 3)"])
    True
    >>> title_like(["Pour qui", "Quand", "Cause"])
    False
    """
    named = [c for c in cells if c.strip() and not re.fullmatch(r"\(?column \d+\)?", c)]
    return len(named) <= TITLE_CELLS


@dataclass
class RawTable:
    """A table as read: text cells, spreadsheet row numbers, structural problems.

    ``blank`` lists the blank rows skipped, as ``(first, last)`` row ranges.
    """

    frame: pd.DataFrame
    rows: pd.Series
    problems: list[dict] = field(default_factory=list)
    source: str = ""
    blank: list[tuple[int, int]] = field(default_factory=list)
    #: columns kept as categories once typed (the text of a few distinct
    #: values, not of every row), with the dtype they were read with
    compacted: dict[str, object] = field(default_factory=dict)
    #: the lines above the header taken as a title and skipped, as
    #: ``(row, text)``; empty when the header is the first row
    title: list[tuple[int, str]] = field(default_factory=list)
    #: the row the header was read from (as a spreadsheet numbers it)
    header_row: int = 1
    #: whether the reader looked for the header below a title (read_raw with
    #: ``header_at``); a table read from its first line only did not
    title_searched: bool = False

    def compact(self, header: str) -> None:
        """Keep a typed column's text as codes of its distinct values.

        The text stays for the rejected rows and the problems; a column of
        dates or labels has few distinct values, so this frees most of it.
        """
        s = self.frame[header]
        if not (isinstance(s.dtype, pd.StringDtype) and s.dtype.storage == "pyarrow"):
            return
        codes, uniques = pd.factorize(s, use_na_sentinel=True)
        if len(uniques) > len(s) // 4:  # mostly distinct: nothing to gain
            return
        self.compacted[header] = s.dtype
        self.frame[header] = pd.Categorical.from_codes(
            codes, dtype=pd.CategoricalDtype(pd.Index(uniques, dtype=object))
        )

    def as_read(self, header: str) -> pd.Series:
        """A column as it was read (text, if it is kept as codes)."""
        s = self.frame[header]
        if header in self.compacted and isinstance(s.dtype, pd.CategoricalDtype):
            return s.astype(self.compacted[header])  # type: ignore[call-overload]
        return s

    def restored(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Rows of ``frame`` with the compacted columns as they were read."""
        for header, dtype in self.compacted.items():
            if header in frame.columns and isinstance(
                frame[header].dtype, pd.CategoricalDtype
            ):
                frame[header] = frame[header].astype(dtype)  # type: ignore[call-overload]
        return frame


def regular_file(path: Path) -> os.stat_result:
    """The file's status, if it is a regular file; a clear error otherwise."""
    source = str(path)
    try:
        st = path.stat()  # follows symbolic links: a link to /dev/zero is a device
    except FileNotFoundError:
        raise FileNotFoundError(f"No such file: {source!r}") from None
    except OSError as err:
        raise DisputeDataError(f"the file cannot be opened: {err}", source) from err
    if stat.S_ISDIR(st.st_mode):
        raise DisputeDataError(f"{source!r} is a folder, not a file", source)
    if not stat.S_ISREG(st.st_mode):
        kind = (
            "a named pipe (FIFO)" if stat.S_ISFIFO(st.st_mode)
            else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
            else "a socket" if stat.S_ISSOCK(st.st_mode)
            else "not a regular file"
        )  # fmt: skip
        raise DisputeDataError(
            f"{source!r} is {kind}, not a regular file: only files are read", source
        )
    return st


def read_bytes(path: Path, limits: ReadLimits) -> bytes:
    """The content of a regular file, refused beyond ``limits.max_bytes``."""
    source = str(path)
    st = regular_file(path)
    limits.check_bytes(st.st_size, source)
    try:
        with open(path, "rb", opener=_no_block) as f:
            data = f.read(limits.max_bytes + 1)
    except OSError as err:
        raise DisputeDataError(f"the file cannot be read: {err}", source) from err
    limits.check_bytes(len(data), source)
    return data


def _no_block(path: str, flags: int) -> int:
    # if the path was swapped for a FIFO after the check, do not wait for a writer
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def check_headers(names: list[str], source: str) -> None:
    seen: dict[str, int] = {}
    for i, name in enumerate(names):
        if name in seen:
            raise DisputeDataError(
                f"the header has the column {name!r} twice (columns {seen[name] + 1} "
                f"and {i + 1}): rename one of them",
                source,
            )
        seen[name] = i


def raw_from_frame(frame: pd.DataFrame, source: str) -> RawTable:
    names = [str(c).strip() for c in frame.columns]
    check_headers(names, source)
    frame = frame.copy()
    frame.columns = names
    frame = frame.reset_index(drop=True)
    rows = pd.Series(np.arange(2, len(frame) + 2), index=frame.index, dtype="int64")
    return RawTable(frame, rows, [], source)


#: What ``write_history`` guards with an apostrophe (see ``_defuse_formulas``).
_RISKY = r"[=+\-@\t\r']"


def _unguard(text: pd.Series) -> pd.Series:
    """``text`` without the apostrophes ``write_history`` put before the cell
    and before each line that starts like a formula."""
    text = text.astype(pd.StringDtype("pyarrow"))
    if not text.str.startswith("'").any():
        return text
    inner = text.str.contains(rf"[\r\n]'{_RISKY}", na=False)
    guarded = text.str.match(rf"^'{_RISKY}", na=False) | (
        text.str.startswith("'", na=False) & inner
    )
    if not guarded.any():
        return text
    python = text[guarded].astype(pd.StringDtype("python")).str.slice(1)
    done = python.str.replace(rf"([\r\n])'(?={_RISKY})", r"\1", regex=True)
    return text.mask(guarded, done.astype(text.dtype))


def undo_formula_guard(frame: pd.DataFrame) -> pd.DataFrame:
    """Remove the apostrophes ``write_history`` puts in formula-like cells
    and headers."""
    for col in frame.columns:
        s = frame[col]
        if isinstance(s.dtype, pd.CategoricalDtype):  # text read as codes
            guarded = pd.Series(s.cat.categories, dtype=object).str.startswith("'")
            if not guarded.any():
                continue
            s = frame[col] = s.astype(pd.StringDtype("pyarrow"))
        if not (isinstance(s.dtype, pd.StringDtype) or s.dtype == object):
            continue
        text = s.astype(pd.StringDtype("pyarrow"))
        if not text.str.startswith("'").any():
            continue
        done = _unguard(text)
        changed = done.ne(text).fillna(False).astype(bool)
        if changed.any():
            frame[col] = s.mask(changed, done)
    names = [str(c) for c in frame.columns]
    if any(n.startswith("'") for n in names):
        frame.columns = _unguard(pd.Series(names, dtype=object)).tolist()
    return frame


_XLSX_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def xlsx_unescape(value: object) -> object:
    """A character an XLSX file holds as ``_xHHHH_`` (as Excel writes them)."""
    if isinstance(value, str) and "_x" in value:
        return _XLSX_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)
    return value


def _cell_text(value: object) -> object:
    if value is None or isinstance(value, str) or hasattr(value, "year"):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        return ";".join(str(v) for v in value)  # a list of causes
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):  # an array-like: never a missing scalar
        pass
    return str(value)


def as_text_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Cells as text, as a spreadsheet shows them (dates keep their type)."""
    out = {}
    for col in frame.columns:
        s = frame[col]
        if pd.api.types.is_datetime64_any_dtype(s.dtype):
            out[str(col)] = s
        elif s.dtype == object and pd.api.types.infer_dtype(s, skipna=True) in (
            "string",
            "empty",
        ):
            out[str(col)] = s  # text already: no per-cell pass
        elif s.dtype == object:
            out[str(col)] = s.map(_cell_text, na_action=None)
        else:
            out[str(col)] = s.astype("string")
    return undo_formula_guard(pd.DataFrame(out, index=frame.index))
