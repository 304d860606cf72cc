"""The journal: a SQLite file where a freelancer logs disputes day to day.

``_journal`` holds :class:`Journal` (add, resolve, import, export, read back as a
:class:`~conflictkit.History`, checked with the same rules as a spreadsheet);
``_store`` the schema, its migrations and the row helpers. Uses ``io``.
"""

from ._journal import SCHEMA_VERSION, Journal, default_journal_path

__all__ = ["SCHEMA_VERSION", "Journal", "default_journal_path"]
