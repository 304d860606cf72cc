"""A dispute journal: an embedded SQLite database to log disputes as they happen.

The journal stores the canonical columns as text (ISO dates, ``payment;tone``
causes), numbers and 0/1 booleans. Every write is checked with the same rules
as :func:`conflictkit.read_history` before anything is stored, runs in one
``BEGIN IMMEDIATE`` transaction and is recorded in an audit table (who, when,
before, after) that :meth:`Journal.changes` shows and :meth:`Journal.undo`
reverts. The database uses write-ahead logging with a busy timeout, so two
processes logging at once lose nothing; reading opens it read-only and never
waits for a writer. The file is private to its owner (``0600``).
"""

from __future__ import annotations

import builtins
import datetime as dt
import os
import sqlite3
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConflictkitWarning
from ..io._single import dispute_values
from . import _store as S
from ._store import (
    _BOOL,
    _DISPUTE_STORED,
    _MISSION_STORED,
    _ROW_COLUMNS,
    JournalError,
    _error,
    _exists,
    _insert,
    _next_id,
    _next_number,
    content_hash,
    sqlite_errors,
)

if TYPE_CHECKING:  # pandas is imported by the methods that need it: logging a
    # dispute (add, resolve, edit) does not, so the command line answers fast
    import pandas as pd

    from ..model import History

__all__ = ["Journal", "JournalError", "default_journal_path"]

#: Environment variable that moves the default journal.
ENV_VAR = "CONFLICTKIT_JOURNAL"
SCHEMA_VERSION = S.SCHEMA_VERSION


def default_journal_path() -> Path:
    """Where the journal lives unless told otherwise.

    Returns
    -------
    Path
        ``$CONFLICTKIT_JOURNAL`` if set, else ``journal.sqlite`` in the user's
        data directory (``platformdirs.user_data_dir("conflictkit")``:
        ``~/.local/share/conflictkit`` on Linux).

    Examples
    --------
    >>> default_journal_path().name
    'journal.sqlite'
    """
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("conflictkit")) / "journal.sqlite"


def _today() -> pd.Timestamp:
    import pandas as pd

    return pd.Timestamp.today().normalize()


def _frame(
    conn: sqlite3.Connection | None,
    table: str,
    where: str = "",
    params: tuple = (),
) -> pd.DataFrame:
    import pandas as pd

    columns = _DISPUTE_STORED if table == "disputes" else _MISSION_STORED
    rows: list = []
    if conn is not None:
        order = "opened_at, rowid" if table == "disputes" else "started_at, rowid"
        rows = conn.execute(
            f"SELECT {', '.join(columns)} FROM {table} {where} ORDER BY {order}",
            params,
        ).fetchall()
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    for c in _BOOL.intersection(columns):
        frame[c] = frame[c].map({1: True, 0: False}).astype("boolean")
    return frame


def _checked_dispute(
    row: dict[str, Any], mission: dict[str, Any] | None, source: str
) -> dict[str, Any]:
    """One dispute row checked by ``History.from_frames`` (and no date after
    today); its stored values. ``mission``: the stored row of the mission it
    names, None if it names none or one the journal does not have."""
    import pandas as pd

    from ._frames import _future_dates, _stored, _validate

    missions = None
    if mission is not None:
        missions = pd.DataFrame([mission], dtype=object)
        for c in _BOOL.intersection(missions.columns):
            missions[c] = missions[c].map({1: True, 0: False}).astype("boolean")
    elif row.get("mission_id") is not None:
        # a valid mission no id can name, so the id is checked against none
        # (its client is not a placeholder: it would be reported as empty)
        missions = pd.DataFrame(
            {
                "mission_id": ["\x00none"],
                "client": ["\x00none"],
                "started_at": ["2000-01-01"],
            }
        )
    typed = _validate(pd.DataFrame([row], dtype=object), missions, source=source)
    disputes = typed.disputes
    _future_dates(disputes, "disputes", _today())
    return dict(zip(_DISPUTE_STORED, _stored(disputes, _DISPUTE_STORED)[0],
                    strict=True))  # fmt: skip


class Journal:
    """Log disputes as they happen, in a local SQLite database.

    Parameters
    ----------
    path : str or Path, optional
        The database file, created on first write (``0600``, in a folder
        created ``0700``). By default :func:`default_journal_path` (the
        ``CONFLICTKIT_JOURNAL`` environment variable, else the user's data
        directory). A file that is not a conflictkit journal is refused and
        left unchanged.
    timeout : float, default=60
        Seconds a write waits for another writer before giving up with a
        :class:`JournalError`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> journal = Journal(pathlib.Path(tempfile.mkdtemp()) / "journal.sqlite")
    >>> journal.add("Acme", opened_at="2024-03-01", causes="facture impayée")
    'D-0001'
    >>> journal.resolve("d-0001", resolved_at="2024-03-20", outcome="compromise")
    >>> journal.list()[["dispute_id", "client", "primary_cause", "outcome"]]
      dispute_id client primary_cause     outcome
    0     D-0001   Acme       payment  compromise
    >>> journal.history(as_of="2024-04-01")
    <History: 1 disputes (0 open), 1 clients, as of 2024-04-01>
    """

    #: Statements run on each new write connection (tests use it).
    _pragmas: tuple[str, ...] = ()

    def __init__(self, path: str | Path | None = None, *, timeout: float = 60) -> None:
        self.path = Path(path).expanduser() if path is not None else None
        self.timeout = timeout
        self._conn: sqlite3.Connection | None = None
        self._pid: int | None = None

    def __repr__(self) -> str:
        return f"Journal({str(self._path)!r})"

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection (it reopens on the next call).

        A ``with`` block closes it on exit.

        Examples
        --------
        >>> import pathlib, tempfile
        >>> import conflictkit as ck
        >>> tmp = tempfile.TemporaryDirectory()
        >>> path = pathlib.Path(tmp.name) / "journal.sqlite"
        >>> with ck.Journal(path) as journal:
        ...     journal.add("Acme", opened_at="2024-03-01", causes="payment")
        'D-0001'
        >>> len(journal.list())  # reopened for this call
        1
        >>> journal.close()
        >>> tmp.cleanup()
        """
        conn, self._conn = getattr(self, "_conn", None), None
        if conn is not None and self._pid == os.getpid():
            conn.close()

    @property
    def _path(self) -> Path:
        return self.path if self.path is not None else default_journal_path()

    # ------------------------------------------------------------ connection
    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection | None]:
        """A read-only view (``None``: no journal yet); takes no lock."""
        path = self._path
        if self._conn is not None and self._pid == os.getpid():
            with sqlite_errors(path):
                yield self._conn  # this process already writes: same view
            return
        conn = S.open_for_reading(path, timeout=self.timeout)
        try:
            with sqlite_errors(path):
                yield conn
        finally:
            if conn is not None:
                conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken before reading (``BEGIN IMMEDIATE``)."""
        path = self._path
        # one connection per process (a forked child opens its own)
        if self._conn is None or self._pid != os.getpid():
            self._conn = S.open_for_writing(
                path, timeout=self.timeout, pragmas=self._pragmas
            )
            self._pid = os.getpid()
        with sqlite_errors(path), S.transaction(self._conn) as conn:
            yield conn

    @property
    def schema_version(self) -> int:
        """The schema version of the database file (0 if there is none yet).

        Writing to a journal made by an older conflictkit migrates it to the
        current version; a newer one is refused.

        Examples
        --------
        >>> import pathlib, tempfile
        >>> import conflictkit as ck
        >>> tmp = tempfile.TemporaryDirectory()
        >>> journal = ck.Journal(pathlib.Path(tmp.name) / "journal.sqlite")
        >>> journal.add("Acme", opened_at="2024-03-01")
        'D-0001'
        >>> journal.schema_version
        3
        >>> journal.close()
        >>> tmp.cleanup()
        """
        with self._read() as conn:
            if conn is None:
                return 0
            return int(conn.execute("PRAGMA user_version").fetchone()[0])

    # ------------------------------------------------------------ reading
    def history(self, *, as_of: Any = None) -> History:
        """The journal as a :class:`History`, checked like a file.

        Parameters
        ----------
        as_of : date-like, optional
            Censoring date for open disputes. By default today, or the latest
            date in the journal if that is later.

        Returns
        -------
        History
            Built with :meth:`History.from_frames`; ``source`` is the database.

        Examples
        --------
        >>> import pathlib, tempfile
        >>> import conflictkit as ck
        >>> tmp = tempfile.TemporaryDirectory()
        >>> journal = ck.Journal(pathlib.Path(tmp.name) / "journal.sqlite")
        >>> journal.add("Acme", opened_at="2024-03-01", causes="payment")
        'D-0001'
        >>> history = journal.history(as_of="2024-07-01")
        >>> history
        <History: 1 disputes (1 open), 1 clients, as of 2024-07-01>
        >>> history.disputes["primary_cause"].tolist()
        ['payment']
        >>> journal.close()
        >>> tmp.cleanup()
        """
        with self._read() as conn:
            disputes = _frame(conn, "disputes")
            missions = _frame(conn, "missions")
        return self._history(disputes, missions, as_of)

    def _history(
        self, disputes: pd.DataFrame, missions: pd.DataFrame, as_of: Any
    ) -> History:
        import pandas as pd

        from ..model import History
        from ._frames import _with_source

        if as_of is None:
            today = _today()
            dates = pd.concat(
                [
                    pd.to_datetime(disputes[c], format="ISO8601")
                    for c in ("opened_at", "resolved_at")
                ]
                + [
                    pd.to_datetime(missions[c], format="ISO8601")
                    for c in ("started_at", "ended_at")
                ]
            )
            latest = dates.max()
            as_of = today if pd.isna(latest) or latest <= today else None
        history = History.from_frames(
            disputes, missions if len(missions) else None, as_of=as_of
        )
        return _with_source(history, str(self._path))

    def list(self, *, open_only: bool = False) -> pd.DataFrame:
        """The logged disputes, oldest first.

        Parameters
        ----------
        open_only : bool, default=False
            Only the disputes not resolved yet (selected in the database, so
            a long journal is not read in full).

        Returns
        -------
        pandas.DataFrame
            ``history().disputes``: one row per dispute with the canonical
            columns (``dispute_id``, ``client``, ``opened_at``, ``resolved_at``,
            ``primary_cause``, ``causes``, ``outcome``, ...).

        Examples
        --------
        >>> import pathlib, tempfile
        >>> import conflictkit as ck
        >>> tmp = tempfile.TemporaryDirectory()
        >>> journal = ck.Journal(pathlib.Path(tmp.name) / "journal.sqlite")
        >>> journal.add("Acme", opened_at="2024-03-01", causes="payment")
        'D-0001'
        >>> journal.add("Nova", opened_at="2024-04-02", causes="scope")
        'D-0002'
        >>> journal.resolve("D-0001", resolved_at="2024-03-20", outcome="amicable")
        >>> journal.list(open_only=True)[["dispute_id", "client"]]
          dispute_id client
        0     D-0002   Nova
        >>> journal.close()
        >>> tmp.cleanup()
        """
        if not open_only:
            return self.history().disputes
        with self._read() as conn:
            disputes = _frame(conn, "disputes", "WHERE resolved_at IS NULL")
            missions = _frame(
                conn,
                "missions",
                "WHERE mission_id IN (SELECT mission_id FROM disputes "
                "WHERE resolved_at IS NULL)",
            )
        return self._history(disputes, missions, None).disputes

    def changes(
        self, dispute_id: str | None = None, *, lang: str = "en"
    ) -> pd.DataFrame:
        """Every change made to the journal, oldest first (the audit table).

        Parameters
        ----------
        dispute_id : str, optional
            Only the changes of this dispute (or mission) id, in any case.
        lang : {"en", "fr"}, default "en"
            The language of the ``changes`` column: English shows the values
            as stored (``None``, ``'amicable'``); French as read (« vide »,
            « À l'amiable », dates as 27/11/2026), field names unchanged.

        Returns
        -------
        pandas.DataFrame
            Columns ``operation`` (one number per command: an import is one
            operation), ``at`` (UTC), ``who``, ``action`` (``add``,
            ``resolve``, ``edit``, ``delete``, ``import``, ``add_mission``,
            ``end_mission``, ``undo``), ``table``, ``id``, ``changes`` (the
            fields that changed, ``field: before -> after``) and ``undone``.

        Examples
        --------
        >>> import pathlib, tempfile
        >>> import conflictkit as ck
        >>> tmp = tempfile.TemporaryDirectory()
        >>> journal = ck.Journal(pathlib.Path(tmp.name) / "journal.sqlite")
        >>> journal.add("Acme", opened_at="2024-03-01", causes="payment")
        'D-0001'
        >>> journal.edit("D-0001", notes="called them")
        >>> journal.changes()[["operation", "action", "id", "changes"]]
           operation action      id                       changes
        0          1    add  D-0001                         added
        1          2   edit  D-0001  notes: None -> 'called them'
        >>> journal.close()
        >>> tmp.cleanup()
        """
        import pandas as pd

        columns = ["operation", "at", "who", "action", "table", "id", "changes",
                   "undone"]  # fmt: skip
        with self._read() as conn:
            rows: builtins.list = []
            if conn is not None and S.has_audit(conn):
                sql = (
                    "SELECT operation, at, who, action, target, key, before, after, "
                    "undone FROM audit"
                )
                params: tuple = ()
                if dispute_id is not None:
                    sql += " WHERE key = ? COLLATE NOCASE"
                    params = (dispute_id,)
                rows = conn.execute(sql + " ORDER BY change", params).fetchall()
        out = [
            (op, at, user, action, table, key, S.describe(before, after, lang), bool(u))
            for op, at, user, action, table, key, before, after, u in rows
        ]
        frame = pd.DataFrame(out, columns=columns)
        frame["at"] = pd.to_datetime(frame["at"], utc=True, format="ISO8601")
        return frame

    # ------------------------------------------------------------ writing
    def add(
        self,
        client: str,
        *,
        opened_at: Any = None,
        causes: str | builtins.list[str] | None = None,
        notes: str | None = None,
        mission_id: str | None = None,
        severity: str | None = None,
        escalation: str | None = None,
        amount_at_stake: float | None = None,
        options_proposed: int | None = None,
        resolved_at: Any = None,
        outcome: str | None = None,
        client_retained: bool | None = None,
        amount_recovered: float | None = None,
        followup_sent: bool | None = None,
        dispute_id: str | None = None,
    ) -> str:
        """Log a dispute; return its id.

        Every value is read as :func:`conflictkit.read_history` reads a
        spreadsheet cell (``"facture impayée"`` is a payment cause,
        ``"7 avril 2024"`` a date), and checked with the same rules.

        Parameters
        ----------
        client : str
            Who the dispute is with.
        opened_at : date-like, optional
            When it surfaced; today by default. A date after today is refused.
        causes : str or list of str, optional
            ``"payment;tone"`` or ``["payment", "tone"]``, primary first.
        notes, mission_id, severity, escalation, amount_at_stake, \
options_proposed, resolved_at, outcome, client_retained, \
amount_recovered, followup_sent : optional
            The other columns of a dispute (see ``DESIGN.md``). A mission id
            is matched in any case.
        dispute_id : str, optional
            Your own id; by default the next free ``D-0001``, ``D-0002``...

        Returns
        -------
        str
            The dispute id.

        Raises
        ------
        DisputeDataError
            If a value is invalid (an unknown cause, a resolution before the
            opening, a date after today, an unknown mission...) or the id is
            already taken (in any case). Nothing is stored then.
        JournalError
            If the journal file cannot be written.

        Examples
        --------
        >>> import pathlib, tempfile
        >>> import conflictkit as ck
        >>> tmp = tempfile.TemporaryDirectory()
        >>> journal = ck.Journal(pathlib.Path(tmp.name) / "journal.sqlite")
        >>> journal.add("Acme", opened_at="2024-03-01", causes="facture impayée")
        'D-0001'
        >>> journal.add(
        ...     "Nova", opened_at="2024-04-02", causes=["scope", "tone"],
        ...     severity="high",
        ... )
        'D-0002'
        >>> journal.list()[["dispute_id", "client", "causes", "severity"]]
          dispute_id client      causes severity
        0     D-0001   Acme     payment      NaN
        1     D-0002   Nova  scope;tone     high
        >>> journal.close()
        >>> tmp.cleanup()
        """
        if opened_at is None:
            opened_at = dt.date.today()
        if isinstance(causes, list | tuple):
            causes = ";".join(str(c) for c in causes)
        row = {
            "dispute_id": dispute_id if dispute_id is not None else "D-0000",
            "client": client,
            "mission_id": mission_id,
            "opened_at": opened_at,
            "resolved_at": resolved_at,
            "causes": causes,
            "severity": severity,
            "escalation": escalation,
            "outcome": outcome,
            "client_retained": client_retained,
            "amount_at_stake": amount_at_stake,
            "amount_recovered": amount_recovered,
            "options_proposed": options_proposed,
            "followup_sent": followup_sent,
            "notes": notes,
        }
        # check before taking the write lock: validation is the slow part;
        # only the mission it names is read, not all of them
        with self._read() as conn:
            values = self._checked(conn, row, "new dispute")
        with self._write() as conn:
            if dispute_id is None:
                values["dispute_id"] = _next_id(conn)  # inside the transaction
            self._still_there(conn, values)
            values["source_file"] = None
            values["content_hash"] = content_hash([values[c] for c in _DISPUTE_STORED])
            S.insert_row(conn, "disputes", values, _ROW_COLUMNS, "add",
                         taken=dispute_id)  # fmt: skip
        return str(values["dispute_id"])

    def _checked(
        self, conn: sqlite3.Connection | None, row: dict[str, Any], source: str
    ) -> dict[str, Any]:
        """Validate one dispute row against the mission it names (if any)."""
        mission = None
        if row.get("mission_id") is not None and conn is not None:
            mission = S.fetch_row(conn, "missions", str(row["mission_id"]))
            if mission is not None:
                row = {**row, "mission_id": mission["mission_id"]}  # stored case
        # read in pure Python when it is sure of the row (no pandas to load);
        # otherwise, and for every invalid row, the full validator decides
        values = dispute_values(row, mission, dt.date.today())
        if values is None:
            values = _checked_dispute(row, mission, source)
        return values

    @staticmethod
    def _still_there(conn: sqlite3.Connection, values: dict[str, Any]) -> None:
        """The mission checked before the lock was taken still exists."""
        m = values.get("mission_id")
        if m is not None and not _exists(conn, "missions", "mission_id", m):
            raise _error(f"mission_id {m!r}: no mission with this id in the journal")

    def _dispute(self, conn: sqlite3.Connection, dispute_id: str) -> dict[str, Any]:
        found = S.fetch_row(conn, "disputes", dispute_id)
        if found is None:
            raise KeyError(f"no dispute {dispute_id!r} in the journal")
        return found

    def _update(
        self,
        conn: sqlite3.Connection,
        before: dict[str, Any],
        changes: dict[str, Any],
        action: str,
    ) -> None:
        row = {c: before[c] for c in _DISPUTE_STORED}
        row.update(changes)
        values = self._checked(conn, row, "new dispute")
        self._still_there(conn, values)
        after = {**values, "source_file": before["source_file"]}
        after["content_hash"] = content_hash([values[c] for c in _DISPUTE_STORED])
        S.update_row(conn, "disputes", before, after, _ROW_COLUMNS, action)

    def resolve(
        self,
        dispute_id: str,
        *,
        resolved_at: Any = None,
        outcome: str | None = None,
        client_retained: bool | None = None,
        amount_recovered: float | None = None,
        followup_sent: bool | None = None,
        force: bool = False,
    ) -> None:
        """Record how a dispute ended.

        Parameters
        ----------
        dispute_id : str
            The dispute, in any case (``d-0002`` finds ``D-0002``).
        resolved_at : date-like, optional
            When it was settled; today by default. A date after today is
            refused.
        outcome : str, optional
            ``amicable``, ``compromise``, ``conceded``, ``prevailed`` or
            ``abandoned`` (French spellings are accepted).
        client_retained, amount_recovered, followup_sent : optional
            Left unchanged when not given.
        force : bool, default=False
            Overwrite the resolution of a dispute already resolved; without
            it that is refused.

        Raises
        ------
        KeyError
            If no dispute has this id.
        DisputeDataError
            If a value is invalid (e.g. resolved before it was opened), or
            the dispute is already resolved and ``force`` is not set.

        Examples
        --------
        >>> import pathlib, tempfile
        >>> import conflictkit as ck
        >>> tmp = tempfile.TemporaryDirectory()
        >>> journal = ck.Journal(pathlib.Path(tmp.name) / "journal.sqlite")
        >>> journal.add("Acme", opened_at="2024-03-01", causes="payment")
        'D-0001'
        >>> journal.resolve("D-0001", resolved_at="2024-03-20", outcome="à l'amiable")
        >>> journal.list()[["dispute_id", "resolved_at", "outcome"]]
          dispute_id resolved_at   outcome
        0     D-0001  2024-03-20  amicable
        >>> journal.close()
        >>> tmp.cleanup()
        """
        if resolved_at is None:
            resolved_at = dt.date.today()
        changes = {
            "resolved_at": resolved_at,
            "outcome": outcome,
            "client_retained": client_retained,
            "amount_recovered": amount_recovered,
            "followup_sent": followup_sent,
        }
        changes = {k: v for k, v in changes.items() if v is not None}
        with self._write() as conn:
            before = self._dispute(conn, dispute_id)
            if before["resolved_at"] is not None and not force:
                raise _error(
                    f"dispute {before['dispute_id']!r} is already resolved (on "
                    f"{before['resolved_at']}, outcome {before['outcome']}); "
                    "use force=True (--force) to overwrite its resolution"
                )
            self._update(conn, before, changes, "resolve")

    def edit(self, dispute_id: str, **changes: Any) -> None:
        """Change fields of a logged dispute.

        Parameters
        ----------
        dispute_id : str
            The dispute, in any case.
        **changes
            Canonical columns and their new values (``notes="..."``,
            ``causes="scope;tone"``, ``opened_at="2024-03-02"``...), read and
            checked as :meth:`add` does; ``None`` empties a field.

        Raises
        ------
        KeyError
            If no dispute has this id.
        TypeError
            If a name is not a column of a dispute (``dispute_id`` cannot be
            changed).
        DisputeDataError
            If the edited dispute would be invalid; nothing is changed then.

        Examples
        --------
        >>> import pathlib, tempfile
        >>> import conflictkit as ck
        >>> tmp = tempfile.TemporaryDirectory()
        >>> journal = ck.Journal(pathlib.Path(tmp.name) / "journal.sqlite")
        >>> journal.add("Acme", opened_at="2024-03-01", causes="payment")
        'D-0001'
        >>> journal.edit("d-0001", causes="scope;payment", severity="high")
        >>> journal.list()[["dispute_id", "causes", "severity"]]
          dispute_id         causes severity
        0     D-0001  scope;payment     high
        >>> journal.close()
        >>> tmp.cleanup()
        """
        unknown = sorted(set(changes) - set(_DISPUTE_STORED[1:]))
        if unknown:
            raise TypeError(
                f"cannot edit {', '.join(map(repr, unknown))}: the fields are "
                + ", ".join(_DISPUTE_STORED[1:])
            )
        if isinstance(changes.get("causes"), list | tuple):
            changes["causes"] = ";".join(map(str, changes["causes"]))
        with self._write() as conn:
            self._update(conn, self._dispute(conn, dispute_id), changes, "edit")

    def delete(self, dispute_id: str) -> str:
        """Delete a dispute (:meth:`undo` brings it back).

        Parameters
        ----------
        dispute_id : str
            The dispute, in any case.

        Returns
        -------
        str
            The id as stored.

        Raises
        ------
        KeyError
            If no dispute has this id.

        Examples
        --------
        >>> import pathlib, tempfile
        >>> import conflictkit as ck
        >>> tmp = tempfile.TemporaryDirectory()
        >>> journal = ck.Journal(pathlib.Path(tmp.name) / "journal.sqlite")
        >>> journal.add("Acme", opened_at="2024-03-01")
        'D-0001'
        >>> journal.delete("d-0001")
        'D-0001'
        >>> len(journal.list())
        0
        >>> journal.undo()
        'delete D-0001'
        >>> journal.list()["dispute_id"].tolist()
        ['D-0001']
        >>> journal.close()
        >>> tmp.cleanup()
        """
        with self._write() as conn:
            before = self._dispute(conn, dispute_id)
            key = before["dispute_id"]
            conn.execute("DELETE FROM disputes WHERE dispute_id = ?", (key,))
            S.audit(conn, S.next_operation(conn), "delete", "disputes",
                    [(key, before, None)])  # fmt: skip
        return str(key)

    def undo(self) -> str | None:
        """Undo the latest change not undone yet (again for the one before).

        Returns
        -------
        str or None
            What was undone (``"delete D-0004"``, ``"import 120 rows"``), or
            None if there is nothing left to undo.

        Raises
        ------
        DisputeDataError
            If undoing would break the journal (a mission that disputes now
            refer to, an id taken since); nothing is changed then.

        Examples
        --------
        >>> import pathlib, tempfile
        >>> import conflictkit as ck
        >>> tmp = tempfile.TemporaryDirectory()
        >>> journal = ck.Journal(pathlib.Path(tmp.name) / "journal.sqlite")
        >>> journal.add("Acme", opened_at="2024-03-01")
        'D-0001'
        >>> journal.undo()
        'add D-0001'
        >>> journal.undo() is None
        True
        >>> journal.close()
        >>> tmp.cleanup()
        """
        with self._write() as conn:
            return S.undo_last(conn)

    def add_mission(
        self,
        mission_id: str,
        *,
        client: str,
        started_at: Any,
        ended_at: Any = None,
        days: float | None = None,
        daily_rate: float | None = None,
        contract: str | None = None,
        via_intermediary: bool | None = None,
        written_scope: bool | None = None,
        checkin_every_days: float | None = None,
        meeting_minutes: bool | None = None,
    ) -> str:
        """Log a mission (the exposure disputes are measured against).

        Parameters
        ----------
        mission_id : str
            A unique id (in any case), which disputes refer to with
            ``mission_id=``.
        client : str
            The client.
        started_at : date-like
            The first day (not after today).
        ended_at, days, daily_rate, contract, via_intermediary, \
written_scope, checkin_every_days, meeting_minutes : optional
            The other columns of a mission (see ``DESIGN.md``).

        Returns
        -------
        str
            The mission id as stored (spaces around it trimmed).

        Raises
        ------
        DisputeDataError
            If a value is invalid or the id is already taken.

        Examples
        --------
        >>> import pathlib, tempfile
        >>> import conflictkit as ck
        >>> tmp = tempfile.TemporaryDirectory()
        >>> journal = ck.Journal(pathlib.Path(tmp.name) / "journal.sqlite")
        >>> journal.add_mission(
        ...     "M-01", client="Acme", started_at="2024-01-08", ended_at="2024-06-28"
        ... )
        'M-01'
        >>> journal.add(
        ...     "Acme", opened_at="2024-05-13", causes="deadlines", mission_id="m-01"
        ... )
        'D-0001'
        >>> journal.history(as_of="2024-07-01")
        <History: 1 disputes (1 open), 1 clients, 1 missions, as of 2024-07-01>
        >>> journal.close()
        >>> tmp.cleanup()
        """
        row = {
            "mission_id": mission_id,
            "client": client,
            "started_at": started_at,
            "ended_at": ended_at,
            "days": days,
            "daily_rate": daily_rate,
            "contract": contract,
            "via_intermediary": via_intermediary,
            "written_scope": written_scope,
            "checkin_every_days": checkin_every_days,
            "meeting_minutes": meeting_minutes,
        }
        from ._rows import checked_mission

        values = checked_mission(row)
        with self._write() as conn:
            S.insert_row(conn, "missions", values, _MISSION_STORED, "add_mission",
                         taken=mission_id)  # fmt: skip
        return str(values["mission_id"])

    def end_mission(self, mission_id: str, *, ended_at: Any = None) -> None:
        """Record the last day of a mission (today by default).

        Parameters
        ----------
        mission_id : str
            The mission, in any case.
        ended_at : date-like, optional
            Its last day; not before it started nor after today.

        Raises
        ------
        KeyError
            If no mission has this id.
        DisputeDataError
            If the date is invalid.

        Examples
        --------
        >>> import pathlib, tempfile
        >>> import conflictkit as ck
        >>> tmp = tempfile.TemporaryDirectory()
        >>> journal = ck.Journal(pathlib.Path(tmp.name) / "journal.sqlite")
        >>> journal.add_mission("M-01", client="Acme", started_at="2024-01-08")
        'M-01'
        >>> journal.end_mission("m-01", ended_at="2024-06-28")
        >>> journal.history().missions["ended_at"].dt.date.astype(str).tolist()
        ['2024-06-28']
        >>> journal.close()
        >>> tmp.cleanup()
        """
        from ._rows import checked_mission

        if ended_at is None:
            ended_at = _today()
        with self._write() as conn:
            before = S.fetch_row(conn, "missions", mission_id)
            if before is None:
                raise KeyError(f"no mission {mission_id!r} in the journal")
            after = checked_mission({**before, "ended_at": ended_at})
            after["days"] = before["days"]  # derived when read if not given
            S.update_row(conn, "missions", before, after, _MISSION_STORED,
                         "end_mission")  # fmt: skip

    def import_file(
        self,
        path: str | Path,
        *,
        allow_duplicates: bool = False,
        **read_history_kwargs: Any,
    ) -> History:
        """Add the disputes (and missions) of a file not logged yet, all or nothing.

        Importing is idempotent: each row keeps its source file and a hash of
        its content, so importing the same file again adds nothing (with a
        warning saying how many rows were already there).

        Parameters
        ----------
        path : str or Path
            A dispute log in any format :func:`conflictkit.read_history`
            reads.
        allow_duplicates : bool, default=False
            Add the rows of a file without ids even when the journal already
            holds the same disputes.
        **read_history_kwargs
            Passed to :func:`conflictkit.read_history` (``missions=``,
            ``columns=``, ``cause_map=``, ``errors=``...). With
            ``errors="collect"`` the valid rows are imported and the
            returned history lists the rejected ones.

        Returns
        -------
        History
            The disputes added (under their ids in the journal) and what the
            file had that was rejected.

        Raises
        ------
        DisputeDataError
            If the file has problems, a date after today, or ids the journal
            holds for other disputes; nothing is imported then. When the file
            had no ids (``read_history`` generated them, as
            ``History.generated_ids`` says) the new disputes are numbered
            after the journal's instead.

        Examples
        --------
        >>> import pathlib, tempfile, warnings
        >>> import conflictkit as ck
        >>> tmp = tempfile.TemporaryDirectory()
        >>> journal = ck.Journal(pathlib.Path(tmp.name) / "journal.sqlite")
        >>> import pandas as pd
        >>> log = pathlib.Path(tmp.name) / "log.csv"
        >>> pd.DataFrame({
        ...     "client": ["Orbis", "Orbis"], "opened_at": ["2024-06-03", "2024-06-17"],
        ...     "causes": ["retard de paiement", "scope"]}).to_csv(log, index=False)
        >>> journal.import_file(log)
        <History: 2 disputes (2 open), 1 clients, as of 2024-06-17>
        >>> journal.list()[["dispute_id", "primary_cause"]]
          dispute_id primary_cause
        0     D-0001       payment
        1     D-0002         scope
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     again = journal.import_file(log)
        >>> len(again), str(caught[0].message)
        (0, '2 disputes of log.csv were already in the journal and were not imported again (allow_duplicates=True adds them)')
        >>> journal.close()
        >>> tmp.cleanup()
        """  # noqa: E501
        from ..io import read_history
        from ..model import DISPUTE_COLUMNS
        from . import _rows as R
        from ._frames import _future_dates, _renumbered, _stored

        read = read_history(path, **read_history_kwargs)
        disputes = read.disputes
        extra = [c for c in disputes.columns if c not in DISPUTE_COLUMNS]
        if extra:
            warnings.warn(
                f"{len(disputes)} disputes imported without their columns "
                f"{', '.join(map(repr, extra))}: the journal keeps only the "
                "canonical columns",
                ConflictkitWarning,
                stacklevel=2,
            )
        today = _today()
        _future_dates(disputes, "disputes", today, str(path))
        if read.missions is not None:
            _future_dates(read.missions, "missions", today, str(path))
        generated = read.generated_ids
        source = str(Path(path).resolve())
        rows = _stored(disputes, _DISPUTE_STORED)
        hashes = [content_hash(r) for r in rows]
        with self._write() as conn:
            keep, already = R.new_rows(
                conn, rows, hashes, generated=generated,
                allow_duplicates=allow_duplicates, source=str(path),
            )  # fmt: skip
            missions, m_already = R.new_missions(conn, read.missions, str(path))
            kept = disputes.iloc[keep]
            ids = kept["dispute_id"].astype(str).tolist()
            if generated:
                start = _next_number(conn)
                ids = [f"D-{start + i:04d}" for i in range(len(kept))]
            stored = [
                (ids[i], *rows[k][1:], source, hashes[k]) for i, k in enumerate(keep)
            ]
            R.check_mission_links(conn, kept, missions, str(path))
            op = S.next_operation(conn)
            if missions is not None and len(missions):
                R.insert_missions(conn, missions, op)
            _insert(conn, "disputes", stored, _ROW_COLUMNS)
            S.audit(conn, op, "import", "disputes", [
                (r[0], None, dict(zip(_ROW_COLUMNS, r, strict=True))) for r in stored
            ])  # fmt: skip
        if already or m_already:
            name = Path(path).name
            what = [f"{already} disputes"] if already else []
            what += [f"{m_already} missions"] if m_already else []
            warnings.warn(
                f"{' and '.join(what)} of {name} were already in the journal and "
                "were not imported again (allow_duplicates=True adds them)",
                ConflictkitWarning,
                stacklevel=2,
            )
        out = read
        if len(keep) < len(disputes):
            out = R.subset(read, keep)
        if generated and len(keep):
            old = out.disputes["dispute_id"].astype(str).tolist()
            out = _renumbered(out, dict(zip(old, ids, strict=True)))
        return out

    def export(
        self, path: str | Path, **write_history_kwargs: Any
    ) -> builtins.list[Path]:
        """Write the journal to CSV, TSV, XLSX, JSON or Parquet.

        Parameters
        ----------
        path : str or Path
            The file; its suffix chooses the format (see
            :func:`conflictkit.write_history`, which also makes CSV and XLSX
            cells safe to open in a spreadsheet).
        **write_history_kwargs
            Passed to :func:`conflictkit.write_history`.

        Returns
        -------
        list of Path
            The files written.

        Examples
        --------
        >>> import pathlib, tempfile
        >>> import conflictkit as ck
        >>> tmp = tempfile.TemporaryDirectory()
        >>> journal = ck.Journal(pathlib.Path(tmp.name) / "journal.sqlite")
        >>> journal.add("Acme", opened_at="2024-03-01", causes="payment")
        'D-0001'
        >>> files = journal.export(pathlib.Path(tmp.name) / "disputes.xlsx")
        >>> [f.name for f in files]
        ['disputes.xlsx']
        >>> journal.close()
        >>> tmp.cleanup()
        """
        from ..io import write_history

        return write_history(self.history(), path, **write_history_kwargs)
