"""Reading and writing: files -> text tables -> typed, checked frames.

This stage owns everything between a user's file and a :class:`~conflictkit.History`:
encodings and delimiters (``_files``), the French and English vocabulary of
causes, outcomes, booleans, months and headers (``vocabulary``), vectorised
parsing of dates, amounts and labels (``_parse``), the row rules and the failure
report (``_checks``, ``_validate``; ``_single`` reads one journal row the
same way without pandas), and ``read_history`` / ``write_history``
(``_read``); ``read_invoices`` turns an invoicing export into payment disputes
and exposure (``_invoices``, ``_invoice_columns``, ``_invoice_rules``, with the
tools' headers in ``invoice_vocabulary``), ``_combine`` merges two histories
(``History.combine``), ``scan_history`` validates files too large for memory
in chunks and keeps them on disk for DuckDB (``_scan``, ``_chunks``,
``_cross``), and ``_template`` writes the spreadsheet to start a log
from. It imports the data model and nothing from the later stages.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # at run time, see __getattr__
    from ._invoices import read_invoices
    from ._raw import ReadLimits
    from ._read import read_history, write_history
    from ._scan import ScanHistory, scan_history
    from ._template import write_template

__all__ = [
    "ReadLimits",
    "ScanHistory",
    "read_history",
    "read_invoices",
    "scan_history",
    "write_history",
    "write_template",
]

# Imported on first use (PEP 562): the vocabulary is plain data, and the
# command line reads dates and labels with it before pandas is needed.
_LAZY = {
    "ReadLimits": "._raw",
    "read_history": "._read",
    "read_invoices": "._invoices",
    "ScanHistory": "._scan",
    "scan_history": "._scan",
    "write_history": "._read",
    "write_template": "._template",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
