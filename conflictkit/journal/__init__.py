"""The journal: a SQLite file where a freelancer logs disputes day to day.

``_journal`` holds :class:`Journal` (add, resolve, edit, delete, undo, import,
export, read back as a :class:`~conflictkit.History`, checked with the same
rules as a spreadsheet); ``_store`` the file (private permissions, the
``application_id`` marker, read-only opening, one clear error per SQLite
failure), the schema and its migrations, the audit table and undo;
``_frames`` the rows as pandas frames; ``_rows`` what an import adds. Logging
one dispute loads no pandas: ``io._single`` reads the row when it is sure,
the full validator otherwise. Uses ``io``.
"""

from ._journal import SCHEMA_VERSION, Journal, default_journal_path
from ._store import JournalError

__all__ = ["SCHEMA_VERSION", "Journal", "JournalError", "default_journal_path"]
