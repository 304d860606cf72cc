"""Reading raw tables from files: which reader, and cells as text.

:func:`read_raw` picks the reader by the file's suffix (text files in
:mod:`._text`, workbooks, JSON and Parquet in :mod:`._formats`) and returns
text tables keyed by table name. Typing and validation happen in
:mod:`._validate`.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import DisputeDataError
from ._raw import RawTable, ReadLimits, as_text_frame, raw_from_frame, regular_file

__all__ = ["RawTable", "ReadLimits", "as_text_frame", "raw_from_frame", "read_raw"]

_TEXT_SUFFIXES = {".csv", ".tsv", ".txt", ""}
_EXCEL_SUFFIXES = {".xlsx", ".xlsm"}


def read_raw(
    path: str | Path, *, limits: ReadLimits | None = None, compact: bool = False
) -> dict[str, RawTable]:
    """Read a file into text tables keyed by table name (``"disputes"``...).

    ``compact=True``: a CSV column with few distinct values may be read as a
    categorical column (see :func:`._text.read_text_table`).
    """
    from . import _formats, _text

    path = Path(path)
    limits = limits or ReadLimits()
    regular_file(path)  # a folder, a FIFO or a device: refused before opening
    suffix = path.suffix.lower()
    if suffix in _EXCEL_SUFFIXES:
        return _formats.read_excel(path, limits)
    if suffix == ".json":
        return _formats.read_json(path, limits)
    if suffix == ".parquet":
        return _formats.read_parquet(path, limits)
    if suffix in _TEXT_SUFFIXES:
        return {"disputes": _text.read_text_table(path, limits, compact=compact)}
    if suffix == ".xls":
        raise DisputeDataError(
            "the old .xls format is not supported: save the workbook as .xlsx "
            "or export it to CSV",
            str(path),
        )
    raise DisputeDataError(
        f"unknown file type {suffix!r}: expected .csv, .tsv, .txt, .xlsx, .json "
        "or .parquet",
        str(path),
    )
