"""Reading and writing: files -> text tables -> typed, checked frames.

This stage owns everything between a user's file and a :class:`~conflictkit.History`:
encodings and delimiters (``_files``), the French and English vocabulary of
causes, outcomes, booleans, months and headers (``vocabulary``), vectorised
parsing of dates, amounts and labels (``_parse``), the row rules and the failure
report (``_checks``, ``_validate``), and ``read_history`` / ``write_history``
(``_read``). It imports the data model and nothing from the later stages.
"""

from ._raw import ReadLimits
from ._read import read_history, write_history

__all__ = ["ReadLimits", "read_history", "write_history"]
