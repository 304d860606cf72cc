"""Reading and writing: files -> text tables -> typed, checked frames.

This stage owns everything between a user's file and a :class:`~conflictkit.History`:
encodings and delimiters (``_files``), the French and English vocabulary of
causes, outcomes, booleans, months and headers (``vocabulary``), vectorised
parsing of dates, amounts and labels (``_parse``), the row rules and the failure
report (``_checks``, ``_validate``), and ``read_history`` / ``write_history``
(``_read``); ``read_invoices`` turns an invoicing export into payment disputes
and exposure (``_invoices``, ``_invoice_columns``, ``_invoice_rules``, with the
tools' headers in ``invoice_vocabulary``), ``_combine`` merges two histories
(``History.combine``), and ``_template`` writes the spreadsheet to start a log
from. It imports the data model and nothing from the later stages.
"""

from ._invoices import read_invoices
from ._raw import ReadLimits
from ._read import read_history, write_history
from ._template import write_template

__all__ = [
    "ReadLimits",
    "read_history",
    "read_invoices",
    "write_history",
    "write_template",
]
