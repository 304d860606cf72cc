"""Storage of the dispute journal: the SQLite file, its schema and row helpers.

What makes the file safe to hold personal data: it is created ``0600`` in a
folder created ``0700``; it carries an SQLite ``application_id`` marker, and a
file without it is inspected read-only and refused unless it is an empty
database or a journal written before the marker existed; reading opens the
file read-only and never takes the write lock; and every SQLite failure
becomes one :class:`JournalError` naming the file and the real cause.
Private to :mod:`conflictkit.journal`.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import sqlite3
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..errors import DisputeDataError

#: The stored columns and their SQLite types: the canonical columns of
#: :data:`conflictkit.model.DISPUTE_COLUMNS` and ``MISSION_COLUMNS`` (less
#: ``primary_cause``, the first of ``causes``), written out so that opening
#: the journal needs no pandas; ``tests/test_journal.py`` checks they agree.
_SQL_TYPES: dict[str, str] = {
    "dispute_id": "TEXT", "client": "TEXT", "mission_id": "TEXT",
    "opened_at": "TEXT", "resolved_at": "TEXT", "causes": "TEXT",
    "severity": "TEXT", "escalation": "TEXT", "outcome": "TEXT",
    "client_retained": "INTEGER", "amount_at_stake": "REAL",
    "amount_recovered": "REAL", "options_proposed": "INTEGER",
    "followup_sent": "INTEGER", "notes": "TEXT",
}  # fmt: skip
_MISSION_TYPES: dict[str, str] = {
    "mission_id": "TEXT", "client": "TEXT", "started_at": "TEXT",
    "ended_at": "TEXT", "days": "REAL", "daily_rate": "REAL", "contract": "TEXT",
    "via_intermediary": "INTEGER", "written_scope": "INTEGER",
    "checkin_every_days": "REAL", "meeting_minutes": "INTEGER",
}  # fmt: skip
_DISPUTE_STORED = list(_SQL_TYPES)
_MISSION_STORED = list(_MISSION_TYPES)
#: Yes/no columns, stored 0/1.
_BOOL = frozenset(
    {"client_retained", "followup_sent", "via_intermediary", "written_scope",
     "meeting_minutes"}
)  # fmt: skip
_DATES = ("opened_at", "resolved_at", "started_at", "ended_at")

#: ``PRAGMA application_id`` of a conflictkit journal (``"ckjl"``).
APPLICATION_ID = 0x636B6A6C
#: The SQLite file header (the first 16 bytes of every database).
_HEADER = b"SQLite format 3\x00"


class JournalError(RuntimeError):
    """The journal file cannot be used: busy, read-only, full, damaged, foreign.

    The message names the file and says what to do; the SQLite error it comes
    from is kept as ``__cause__`` and quoted at the end of the message.
    """


def _ddl(table: str, columns: list[str], key: str, required: tuple[str, ...]) -> str:
    types = {**_SQL_TYPES, **_MISSION_TYPES}
    cols = []
    for c in columns:
        sql_type = types[c]
        extra = " PRIMARY KEY" if c == key else (" NOT NULL" if c in required else "")
        cols.append(f"{c} {sql_type}{extra}")
    cols.append("logged_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))")
    return f"CREATE TABLE {table} ({', '.join(cols)})"


#: Migrations: ``version -> SQL statements`` taking the schema from
#: ``version - 1`` to ``version``. Version 1 creates the tables; version 2
#: adds where each dispute came from and its content hash (idempotent
#: imports), case-insensitive id lookups and the audit table; version 3
#: indexes the number of ``D-NNNN`` ids, so the next one is found without
#: reading every id (:func:`_next_number`'s expression, word for word).
MIGRATIONS: dict[int, list[str]] = {
    1: [
        _ddl("disputes", _DISPUTE_STORED, "dispute_id", ("client", "opened_at")),
        _ddl("missions", _MISSION_STORED, "mission_id", ("client", "started_at")),
        "CREATE INDEX disputes_client ON disputes (client)",
        "CREATE INDEX disputes_opened ON disputes (opened_at)",
    ],
    2: [
        "ALTER TABLE disputes ADD COLUMN source_file TEXT",
        "ALTER TABLE disputes ADD COLUMN content_hash TEXT",
        "CREATE INDEX disputes_hash ON disputes (content_hash)",
        "CREATE INDEX disputes_id_nocase ON disputes (dispute_id COLLATE NOCASE)",
        "CREATE INDEX missions_id_nocase ON missions (mission_id COLLATE NOCASE)",
        "CREATE INDEX disputes_open ON disputes (resolved_at) "
        "WHERE resolved_at IS NULL",
        "CREATE TABLE audit ("
        " change INTEGER PRIMARY KEY,"
        " operation INTEGER NOT NULL,"
        " at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),"
        " who TEXT, action TEXT NOT NULL, target TEXT NOT NULL, key TEXT,"
        " before TEXT, after TEXT, undone INTEGER NOT NULL DEFAULT 0)",
        "CREATE INDEX audit_operation ON audit (operation)",
        "CREATE INDEX audit_key ON audit (key COLLATE NOCASE)",
        # rows logged before version 2: hashed by _backfill_hashes
    ],
    3: [
        "CREATE INDEX disputes_id_number ON disputes "
        "(CAST(substr(dispute_id, 3) AS INTEGER)) WHERE dispute_id LIKE 'D-%'",
    ],
}
SCHEMA_VERSION = max(MIGRATIONS)

#: Columns of the disputes table beyond the canonical ones.
_META = ("source_file", "content_hash")
_ROW_COLUMNS = [*_DISPUTE_STORED, *_META]


# ---------------------------------------------------------------- the file
def _sqlite_message(err: sqlite3.Error, path: Path) -> str:
    """One clear sentence for an SQLite failure, with the real cause quoted."""
    name = getattr(err, "sqlite_errorname", "") or ""
    text = str(err)
    where = str(path)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        what = (
            f"The journal {where!r} is busy: another program is writing to it. "
            "Try again in a moment"
        )
    elif name.startswith("SQLITE_READONLY") or "readonly" in text:
        what = (
            f"The journal {where!r} is read-only (the file or its folder cannot "
            "be written): reading works, changes need write access"
        )
    elif name == "SQLITE_FULL" or "disk is full" in text:
        what = (
            f"The disk holding the journal {where!r} is full: nothing was changed; "
            "free some space and try again"
        )
    elif name in ("SQLITE_NOTADB", "SQLITE_CORRUPT") or "not a database" in text:
        what = (
            f"The journal {where!r} is damaged or is not a database: nothing was "
            "changed; restore it from a backup or choose another --journal"
        )
    elif name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        what = (
            f"The journal {where!r} cannot be opened (does its folder exist, "
            "and can it be written?)"
        )
    elif name.startswith("SQLITE_IOERR") or "I/O" in text:
        what = f"The journal {where!r} could not be read or written (I/O error)"
    else:
        what = f"The journal {where!r} could not be used"
    return f"{what}. (SQLite: {text})"


@contextmanager
def sqlite_errors(path: Path) -> Iterator[None]:
    """Turn any :class:`sqlite3.Error` into a :class:`JournalError`."""
    try:
        yield
    except sqlite3.Error as err:
        raise JournalError(_sqlite_message(err, path)) from err


def _uri(path: Path, mode: str) -> str:
    return f"file:{quote(str(path.resolve()))}?mode={mode}"


def _make_folder(folder: Path) -> None:
    """Create ``folder`` (and missing parents) private to the user: ``0700``."""
    missing = []
    for p in (folder, *folder.parents):
        if p.exists():
            break
        missing.append(p)
    for p in reversed(missing):
        with suppress(FileExistsError):
            p.mkdir(mode=0o700)
        os.chmod(p, 0o700)  # mkdir's mode goes through the umask


def _private(path: Path) -> None:
    """Make an existing file readable by its owner only (if we own it)."""
    with suppress(OSError):
        st = path.stat()
        if st.st_uid == os.geteuid() and stat.S_IMODE(st.st_mode) & 0o077:
            os.chmod(path, 0o600)


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal")]


def inspect(path: Path) -> str:
    """What ``path`` holds: ``"missing"``, ``"new"``, ``"journal"`` or refuse.

    Only reads: the header bytes, then (when the marker is absent) the schema
    through a read-only connection. A file that is not a conflictkit journal
    raises :class:`JournalError` and is left byte-for-byte unchanged.
    """
    try:
        with open(path, "rb") as f:
            head = f.read(100)
    except FileNotFoundError:
        return "missing"
    except OSError as err:
        raise JournalError(f"The journal {str(path)!r} cannot be read: {err}") from err
    if not head:
        return "new"  # an empty file: SQLite makes a database of it
    if not head.startswith(_HEADER) or len(head) < 100:
        raise JournalError(
            f"{str(path)!r} is not a conflictkit journal (not an SQLite database): "
            "it was left untouched; choose another --journal"
        )
    if int.from_bytes(head[68:72], "big") == APPLICATION_ID:
        return "journal"
    # no marker in the header: a journal from before the marker, an empty
    # database, or (the header may lag behind a WAL) ask SQLite, read-only
    with sqlite_errors(path):
        conn = sqlite3.connect(_uri(path, "ro"), uri=True, isolation_level=None)
        try:
            app = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {
                r[0]
                for r in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                )
            }
        finally:
            conn.close()
    if app == APPLICATION_ID:
        return "journal"
    if app == 0 and version == 0 and not tables:
        return "new"
    if app == 0 and version == 1 and tables == {"disputes", "missions"}:
        return "journal"  # written by conflictkit before the marker
    listed = ", ".join(sorted(tables)) or "none"
    raise JournalError(
        f"{str(path)!r} is an SQLite database of another application "
        f"(application_id {app:#x}, user_version {version}, tables: {listed}): "
        "conflictkit left it untouched; choose another --journal"
    )


def open_for_writing(
    path: Path, *, timeout: float, pragmas: Sequence[str] = ()
) -> sqlite3.Connection:
    """Open (creating it ``0600`` if needed) the journal to read and write."""
    state = inspect(path)
    if state == "missing":
        _make_folder(path.parent)
        try:
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:  # another process created it just now
            pass
        except OSError as err:
            raise JournalError(
                f"The journal {str(path)!r} cannot be created: {err}"
            ) from err
        state = inspect(path)
    for p in (path, *_sidecars(path)):
        _private(p)  # older journals were 0644; SQLite copies the mode to -wal
    try:  # a read-only file would fail later with a vaguer message
        os.close(os.open(path, os.O_RDWR))
    except PermissionError as err:
        raise JournalError(_sqlite_message(sqlite3.OperationalError(
            f"readonly: {err.strerror}"), path)) from err  # fmt: skip
    with sqlite_errors(path):
        conn = sqlite3.connect(
            _uri(path, "rw"), uri=True, timeout=timeout, isolation_level=None
        )
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            for pragma in pragmas:
                conn.execute(pragma)
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn, path)
        except BaseException:
            conn.close()
            raise
    for p in _sidecars(path):
        _private(p)
    return conn


def open_for_reading(path: Path, *, timeout: float) -> sqlite3.Connection | None:
    """Open the journal read-only (``None`` if there is no journal yet).

    No write lock is taken and nothing is migrated: the canonical columns
    read the same in every schema version this release knows.
    """
    state = inspect(path)
    if state in ("missing", "new"):
        return None
    with sqlite_errors(path):
        try:
            conn = sqlite3.connect(
                _uri(path, "ro"), uri=True, timeout=timeout, isolation_level=None
            )
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.OperationalError:
            # a WAL journal whose -shm cannot be created (read-only folder):
            # nobody can be writing it then, read it as immutable
            conn = sqlite3.connect(
                _uri(path, "ro") + "&immutable=1", uri=True, isolation_level=None
            )
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            conn.close()
            raise _newer(path, version)
    return conn


def _newer(path: Path, version: int) -> JournalError:
    return JournalError(
        f"The journal {str(path)!r} has schema version {version}, newer than "
        f"this conflictkit understands ({SCHEMA_VERSION}); upgrade conflictkit."
    )


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the schema to :data:`SCHEMA_VERSION` (creating it if new)."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise _newer(path, version)
    if version == SCHEMA_VERSION:
        return
    with transaction(conn):
        version = conn.execute("PRAGMA user_version").fetchone()[0]  # under lock
        for step in range(version + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[step]:
                conn.execute(statement)
            if step == 2:
                _backfill_hashes(conn)
            conn.execute(f"PRAGMA user_version = {step}")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, taken before reading (``BEGIN IMMEDIATE``).

    If it fails, it is rolled back unless SQLite already did (a full disk
    does): the error raised is always the first one.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise


# ---------------------------------------------------------------- hashes
def content_hash(values: Sequence[Any]) -> str:
    """A hash of one stored dispute row, its id left out (``_DISPUTE_STORED``)."""
    text = json.dumps(list(values[1:]), ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _backfill_hashes(conn: sqlite3.Connection) -> None:
    rows = conn.execute(
        f"SELECT rowid, {', '.join(_DISPUTE_STORED)} FROM disputes"
    ).fetchall()
    conn.executemany(
        "UPDATE disputes SET content_hash = ? WHERE rowid = ?",
        [(content_hash(r[1:]), r[0]) for r in rows],
    )


# ---------------------------------------------------------------- audit
def who() -> str:
    """The user name recorded in the audit table."""
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment
        return str(os.getuid()) if hasattr(os, "getuid") else "?"


def next_operation(conn: sqlite3.Connection) -> int:
    (top,) = conn.execute("SELECT MAX(operation) FROM audit").fetchone()
    return int(top or 0) + 1


def audit(
    conn: sqlite3.Connection,
    operation: int,
    action: str,
    target: str,
    rows: Sequence[tuple[str | None, dict | None, dict | None]],
) -> None:
    """Record changed rows: ``(key, before, after)``, ``None`` for no row."""
    user = who()

    def dump(row: dict | None) -> str | None:
        return None if row is None else json.dumps(row, ensure_ascii=False)

    conn.executemany(
        "INSERT INTO audit (operation, who, action, target, key, before, after) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(operation, user, action, target, k, dump(b), dump(a)) for k, b, a in rows],
    )


def has_audit(conn: sqlite3.Connection) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit'"
        ).fetchone()
        is not None
    )


def describe(before: str | None, after: str | None, lang: str = "en") -> str:
    """``field: before -> after`` for the fields that changed.

    In English the values are written with ``repr`` (the audit as stored);
    another ``lang`` writes them as a person reads them (see
    :func:`_shown`), field names staying canonical.
    """
    if lang != "en":
        from .. import _i18n as i18n

        def word(key: str) -> str:
            return i18n.t(f"cli.change.{key}", lang)
    else:

        def word(key: str) -> str:
            return key.replace("_", " ")

    if before is None:
        return word("added")
    if after is None:
        return word("deleted")
    b, a = json.loads(before), json.loads(after)
    changed = [
        f"{k}: {b.get(k)!r} -> {a.get(k)!r}"
        if lang == "en"
        else _shown_change(k, b.get(k), a.get(k), lang)
        for k in a
        if k not in ("content_hash", "source_file") and b.get(k) != a.get(k)
    ]
    return ("; " if lang == "en" else " ; ").join(changed) or word("no_change")


def _shown_change(field: str, before: Any, after: Any, lang: str) -> str:
    from .. import _i18n as i18n

    return i18n.t(
        "cli.change.field",
        lang,
        field=field,
        before=_shown(field, before, lang),
        after=_shown(field, after, lang),
    )


#: Fields whose values are canonical names with a label in every language.
_LABELLED = ("causes", "outcome", "severity", "escalation", "contract")


def _shown(field: str, value: Any, lang: str) -> str:
    """A stored value in ``lang``: empty, a date, a label, yes/no, a number, text."""
    from .. import _i18n as i18n

    if value is None or value == "":
        return i18n.t("cli.change.empty", lang)
    if isinstance(value, bool) or (
        field in ("client_retained", "followup_sent", "via_intermediary",
                  "written_scope", "meeting_minutes") and value in (0, 1)
    ):  # fmt: skip
        return i18n.t(f"value.{bool(value)}", lang)
    if isinstance(value, int | float):
        return i18n.number(value, lang)
    text = str(value)
    if field.endswith(("_at",)) and len(text) >= 10 and text[4] == "-":
        return i18n.date(text[:10], lang)
    if field in _LABELLED:
        return ";".join(i18n.label(v, lang) for v in text.split(";") if v)
    return f"« {text} »" if lang == "fr" else repr(text)


def undo_last(conn: sqlite3.Connection) -> str | None:
    """Revert the latest operation not undone yet; describe it."""
    found = conn.execute(
        "SELECT operation, action FROM audit WHERE undone = 0 AND action != 'undo' "
        "ORDER BY operation DESC LIMIT 1"
    ).fetchone()
    if found is None:
        return None
    operation, action = found
    changes = conn.execute(
        "SELECT change, target, key, before, after FROM audit WHERE operation = ? "
        "ORDER BY change DESC",
        (operation,),
    ).fetchall()
    undo_op = next_operation(conn)
    logged = []
    for _change, target, key, before, after in changes:  # newest first
        id_col = "dispute_id" if target == "disputes" else "mission_id"
        columns = _ROW_COLUMNS if target == "disputes" else _MISSION_STORED
        if before is None:  # it was added: remove it
            if target == "missions":
                used = conn.execute(
                    "SELECT dispute_id FROM disputes WHERE mission_id = ? LIMIT 1",
                    (key,),
                ).fetchone()
                if used is not None:
                    raise _error(
                        f"cannot undo {action}: dispute {used[0]!r} refers to "
                        f"mission {key!r} now"
                    )
            conn.execute(f"DELETE FROM {target} WHERE {id_col} = ?", (key,))
        else:
            row = json.loads(before)
            if after is None:  # it was deleted: put it back
                taken = conn.execute(
                    f"SELECT 1 FROM {target} WHERE {id_col} = ? COLLATE NOCASE",
                    (key,),
                ).fetchone()
                if taken is not None:
                    raise _error(f"cannot undo {action}: {key!r} is taken now")
                _insert(conn, target, [tuple(row.get(c) for c in columns)], columns)
            else:  # it was changed: change it back
                sets = ", ".join(f"{c} = ?" for c in columns[1:])
                conn.execute(
                    f"UPDATE {target} SET {sets} WHERE {id_col} = ?",
                    [*(row.get(c) for c in columns[1:]), key],
                )
        logged.append((key, after and json.loads(after), before and json.loads(before)))
    conn.execute("UPDATE audit SET undone = 1 WHERE operation = ?", (operation,))
    audit(conn, undo_op, "undo", changes[0][1], logged)
    if len(changes) == 1:
        return f"{action} {changes[0][2]}"
    return f"{action} {len(changes)} rows"


def fetch_row(conn: sqlite3.Connection, table: str, key: str) -> dict[str, Any] | None:
    """The stored row whose id is ``key`` (any case; an exact match first)."""
    id_col = "dispute_id" if table == "disputes" else "mission_id"
    columns = _DISPUTE_STORED + list(_META) if table == "disputes" else _MISSION_STORED
    found = conn.execute(
        f"SELECT {', '.join(columns)} FROM {table} "
        f"WHERE {id_col} = ? COLLATE NOCASE ORDER BY {id_col} = ? DESC LIMIT 1",
        (key, key),
    ).fetchone()
    return None if found is None else dict(zip(columns, found, strict=True))


# ---------------------------------------------------------------- helpers
def _error(message: str, source: str | None = None) -> DisputeDataError:
    return DisputeDataError(message, source)


def _exists(conn: sqlite3.Connection, table: str, key: str, value: Any) -> bool:
    sql = f"SELECT 1 FROM {table} WHERE {key} = ? COLLATE NOCASE"
    return conn.execute(sql, (value,)).fetchone() is not None


def _next_number(conn: sqlite3.Connection) -> int:
    """One more than the largest number of a ``D-`` id (in any case, gaps and
    ids typed by the user included). The query is the expression and the
    condition of the index ``disputes_id_number``, so SQLite reads its last
    entry instead of every id: keep them alike. Inside a write transaction."""
    (top,) = conn.execute(_NEXT_SQL).fetchone()
    return int(top or 0) + 1


#: Named, since SQLite would rather scan the ``D-`` range of
#: ``disputes_id_nocase`` (every ``D-`` id) for the LIKE; the journal is
#: migrated before any write, so the index is there.
_NEXT_SQL = (
    "SELECT MAX(CAST(substr(dispute_id, 3) AS INTEGER)) FROM disputes "
    "INDEXED BY disputes_id_number WHERE dispute_id LIKE 'D-%'"
)


def _next_id(conn: sqlite3.Connection) -> str:
    """The next free ``D-NNNN``; called inside the write transaction."""
    n = _next_number(conn)
    while _exists(conn, "disputes", "dispute_id", f"D-{n:04d}"):
        n += 1
    return f"D-{n:04d}"


def _insert(
    conn: sqlite3.Connection,
    table: str,
    rows: list[tuple],
    columns: Sequence[str] | None = None,
) -> None:
    if columns is None:
        columns = _DISPUTE_STORED if table == "disputes" else _MISSION_STORED
    marks = ", ".join("?" * len(columns))
    conn.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows
    )


def insert_row(
    conn: sqlite3.Connection,
    table: str,
    values: dict[str, Any],
    columns: Sequence[str],
    action: str,
    *,
    taken: str | None = None,
) -> None:
    """Insert one checked row and record it in the audit table.

    ``taken``: the id as the user gave it (None when generated): refused if
    the journal holds it already, in any case and as stored (``" X1 "`` is
    ``X1``); the first of ``columns`` is the id column.
    """
    id_col = columns[0]
    if taken is not None and _exists(conn, table, id_col, values[id_col]):
        raise _error(f"{id_col} {values[id_col]!r} is already in the journal")
    _insert(conn, table, [tuple(values[c] for c in columns)], columns)
    audit(conn, next_operation(conn), action, table, [(values[id_col], None, values)])


def update_row(
    conn: sqlite3.Connection,
    table: str,
    before: dict[str, Any],
    after: dict[str, Any],
    columns: Sequence[str],
    action: str,
) -> None:
    """Replace the stored row ``before`` by ``after`` and record the change."""
    id_col = columns[0]
    sets = ", ".join(f"{c} = ?" for c in columns[1:])
    conn.execute(
        f"UPDATE {table} SET {sets} WHERE {id_col} = ?",
        [*(after[c] for c in columns[1:]), before[id_col]],
    )
    audit(conn, next_operation(conn), action, table, [(before[id_col], before, after)])
