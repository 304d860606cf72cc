"""A dispute journal: an embedded SQLite database to log disputes as they happen.

The journal stores the canonical columns as text (ISO dates, ``payment;tone``
causes), numbers and 0/1 booleans. Every write is checked with the same rules
as :func:`conflictkit.read_history` before anything is stored, runs in one
``BEGIN IMMEDIATE`` transaction, and the database uses write-ahead logging
with a busy timeout, so two processes logging at once lose nothing.
"""

from __future__ import annotations

import builtins
import os
import sqlite3
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..errors import ConflictkitWarning
from ..model import DISPUTE_COLUMNS, History
from ._store import (
    _BOOL,
    _DISPUTE_STORED,
    _MISSION_STORED,
    MIGRATIONS,
    _empty_disputes,
    _error,
    _exists,
    _insert,
    _next_id,
    _next_number,
    _renumbered,
    _stored,
    _stored_frame,
    _validate,
    _with_source,
)

__all__ = ["Journal", "default_journal_path"]

#: The schema version this release writes; ``PRAGMA user_version`` holds it.
SCHEMA_VERSION = 1
#: Environment variable that moves the default journal.
ENV_VAR = "CONFLICTKIT_JOURNAL"


def default_journal_path() -> Path:
    """Where the journal lives unless told otherwise.

    Returns
    -------
    Path
        ``$CONFLICTKIT_JOURNAL`` if set, else ``journal.sqlite`` in the user's
        data directory (``platformdirs.user_data_dir("conflictkit")``:
        ``~/.local/share/conflictkit`` on Linux).
    """
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("conflictkit")) / "journal.sqlite"


class Journal:
    """Log disputes as they happen, in a local SQLite database.

    Parameters
    ----------
    path : str or Path, optional
        The database file, created on first use. By default
        :func:`default_journal_path` (the ``CONFLICTKIT_JOURNAL`` environment
        variable, else the user's data directory).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> journal = Journal(pathlib.Path(tempfile.mkdtemp()) / "journal.sqlite")
    >>> journal.add("Acme", opened_at="2024-03-01", causes="facture impayée")
    'D-0001'
    >>> journal.resolve("D-0001", resolved_at="2024-03-20", outcome="compromise")
    >>> journal.list()[["dispute_id", "client", "primary_cause", "outcome"]]
      dispute_id client primary_cause     outcome
    0     D-0001   Acme       payment  compromise
    >>> journal.history(as_of="2024-04-01")
    <History: 1 disputes (0 open), 1 clients, as of 2024-04-01>
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path).expanduser() if path is not None else None
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
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # one connection per process (a forked child opens its own)
        if self._conn is None or self._pid != os.getpid():
            path = self._path
            path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: no implicit transactions, ours are explicit
            conn = sqlite3.connect(path, timeout=60, isolation_level=None)
            try:
                conn.execute("PRAGMA busy_timeout = 60000")
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
                self._migrate(conn)
            except BaseException:
                conn.close()
                raise
            self._conn, self._pid = conn, os.getpid()
        yield self._conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken before reading (``BEGIN IMMEDIATE``)."""
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _migrate(self, conn: sqlite3.Connection) -> None:
        """Bring the schema to :data:`SCHEMA_VERSION` (creating it if new)."""
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise RuntimeError(
                    f"The journal {str(self._path)!r} has schema version {version}, "
                    f"newer than this conflictkit understands ({SCHEMA_VERSION}); "
                    "upgrade conflictkit."
                )
            for step in range(version + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[step]:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {step}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        """The schema version of the database file.

        Opening a journal written by an older conflictkit migrates it to the
        current version; a newer one is refused.

        Examples
        --------
        >>> import pathlib, tempfile
        >>> import conflictkit as ck
        >>> tmp = tempfile.TemporaryDirectory()
        >>> journal = ck.Journal(pathlib.Path(tmp.name) / "journal.sqlite")
        >>> journal.schema_version
        1
        >>> journal.close()
        >>> tmp.cleanup()
        """
        with self._connect() as conn:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])

    # ------------------------------------------------------------ reading
    def _frame(self, conn: sqlite3.Connection, table: str) -> pd.DataFrame:
        columns = _DISPUTE_STORED if table == "disputes" else _MISSION_STORED
        order = "opened_at, rowid" if table == "disputes" else "started_at, rowid"
        rows = conn.execute(
            f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}"
        ).fetchall()
        frame = pd.DataFrame(rows, columns=columns, dtype=object)
        for c in _BOOL.intersection(columns):
            frame[c] = frame[c].map({1: True, 0: False}).astype("boolean")
        return frame

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
        with self._connect() as conn:
            disputes = self._frame(conn, "disputes")
            missions = self._frame(conn, "missions")
        if as_of is None:
            today = pd.Timestamp.today().normalize()
            dates = pd.concat(
                [pd.to_datetime(disputes[c]) for c in ("opened_at", "resolved_at")]
                + [pd.to_datetime(missions[c]) for c in ("started_at", "ended_at")]
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
            Only the disputes not resolved yet.

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
        d = self.history().disputes
        if open_only:
            d = d[d["resolved_at"].isna()].reset_index(drop=True)
        return d

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
        ``"07/04/2024"`` a date), and checked with the same rules.

        Parameters
        ----------
        client : str
            Who the dispute is with.
        opened_at : date-like, optional
            When it surfaced; today by default.
        causes : str or list of str, optional
            ``"payment;tone"`` or ``["payment", "tone"]``, primary first.
        notes, mission_id, severity, escalation, amount_at_stake, \
options_proposed, resolved_at, outcome, client_retained, \
amount_recovered, followup_sent : optional
            The other columns of a dispute (see ``DESIGN.md``).
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
            opening, an unknown mission...) or the id is already taken.
            Nothing is stored then.

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
            opened_at = pd.Timestamp.today().normalize()
        if isinstance(causes, list | tuple):
            causes = ";".join(str(c) for c in causes)
        row = {
            "dispute_id": dispute_id,
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
        # check before taking the write lock: validation is the slow part, and
        # missions are only ever added, so a snapshot of them is enough
        row["dispute_id"] = dispute_id if dispute_id is not None else "D-0000"
        with self._connect() as conn:
            typed = self._check(conn, pd.DataFrame([row], dtype=object))
        values = _stored(typed, _DISPUTE_STORED)[0]
        with self._write() as conn:
            if dispute_id is None:
                row["dispute_id"] = _next_id(conn)  # inside the transaction
            elif _exists(conn, "disputes", "dispute_id", dispute_id):
                raise _error(f"dispute_id {dispute_id!r} is already in the journal")
            _insert(conn, "disputes", [(row["dispute_id"], *values[1:])])
        return str(row["dispute_id"])

    def resolve(
        self,
        dispute_id: str,
        *,
        resolved_at: Any = None,
        outcome: str | None = None,
        client_retained: bool | None = None,
        amount_recovered: float | None = None,
        followup_sent: bool | None = None,
    ) -> None:
        """Record how a dispute ended.

        Parameters
        ----------
        dispute_id : str
            The dispute.
        resolved_at : date-like, optional
            When it was settled; today by default.
        outcome : str, optional
            ``amicable``, ``compromise``, ``conceded``, ``prevailed`` or
            ``abandoned`` (French spellings are accepted).
        client_retained, amount_recovered, followup_sent : optional
            Left unchanged when not given.

        Raises
        ------
        KeyError
            If no dispute has this id.
        DisputeDataError
            If a value is invalid (e.g. resolved before it was opened).

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
            resolved_at = pd.Timestamp.today().normalize()
        changes = {
            "resolved_at": resolved_at,
            "outcome": outcome,
            "client_retained": client_retained,
            "amount_recovered": amount_recovered,
            "followup_sent": followup_sent,
        }
        changes = {k: v for k, v in changes.items() if v is not None}
        with self._write() as conn:
            cur = conn.execute(
                f"SELECT {', '.join(_DISPUTE_STORED)} FROM disputes "
                "WHERE dispute_id = ?",
                (dispute_id,),
            )
            found = cur.fetchone()
            if found is None:
                raise KeyError(f"no dispute {dispute_id!r} in the journal")
            row = dict(zip(_DISPUTE_STORED, found, strict=True))
            row.update(changes)
            typed = self._check(conn, pd.DataFrame([row], dtype=object))
            stored = _stored(typed, _DISPUTE_STORED)
            sets = ", ".join(f"{c} = ?" for c in _DISPUTE_STORED[1:])
            conn.execute(
                f"UPDATE disputes SET {sets} WHERE dispute_id = ?",
                [*stored[0][1:], dispute_id],
            )

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
            A unique id, which disputes refer to with ``mission_id=``.
        client : str
            The client.
        started_at : date-like
            The first day.
        ended_at, days, daily_rate, contract, via_intermediary, \
written_scope, checkin_every_days, meeting_minutes : optional
            The other columns of a mission (see ``DESIGN.md``).

        Returns
        -------
        str
            The mission id.

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
        ...     "Acme", opened_at="2024-05-13", causes="deadlines", mission_id="M-01"
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
        with self._write() as conn:
            if _exists(conn, "missions", "mission_id", mission_id):
                raise _error(f"mission_id {mission_id!r} is already in the journal")
            frame = pd.DataFrame([row], dtype=object)
            if days is None:
                frame = frame.drop(columns="days")  # derived from the dates
            checked = _validate(_empty_disputes(), frame, source="new mission")
            stored = checked.missions
            assert stored is not None  # a mission row was validated
            if days is None:  # derived from the dates each time it is read
                stored = stored.assign(days=np.nan)
            _insert(conn, "missions", _stored(stored, _MISSION_STORED))
        return mission_id

    def import_file(self, path: str | Path, **read_history_kwargs: Any) -> History:
        """Add every dispute (and mission) of a file, all or nothing.

        Parameters
        ----------
        path : str or Path
            A dispute log in any format :func:`conflictkit.read_history`
            reads.
        **read_history_kwargs
            Passed to :func:`conflictkit.read_history` (``missions=``,
            ``columns=``, ``cause_map=``, ``errors=``...). With
            ``errors="collect"`` the valid rows are imported and the
            returned history lists the rejected ones.

        Returns
        -------
        History
            What was read from the file.

        Raises
        ------
        DisputeDataError
            If the file has problems, or its ids are already in the journal;
            nothing is imported then. Ids that ``read_history`` generated (the
            file had none) are renumbered after the journal's instead.

        Examples
        --------
        >>> import pathlib, tempfile
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
        >>> journal.close()
        >>> tmp.cleanup()
        """
        from ..io import read_history

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
        with self._write() as conn:
            taken = {r[0] for r in conn.execute("SELECT dispute_id FROM disputes")}
            ids = disputes["dispute_id"]
            clash = ids[ids.isin(taken)]
            if len(clash):
                generated = [f"D-{i:0{max(4, len(str(len(ids))))}d}" for i in
                             range(1, len(ids) + 1)]  # fmt: skip
                if ids.tolist() == generated:
                    start = _next_number(conn)
                    new = [f"D-{start + i:04d}" for i in range(len(ids))]
                    disputes = disputes.assign(dispute_id=new)
                    read = _renumbered(read, dict(zip(ids, new, strict=True)))
                else:
                    raise _error(
                        f"{len(clash)} dispute ids are already in the journal: "
                        + ", ".join(map(repr, clash.head(10).tolist()))
                        + (" ..." if len(clash) > 10 else ""),
                        str(path),
                    )
            missions = read.missions
            if missions is not None and len(missions):
                have = {r[0] for r in conn.execute("SELECT mission_id FROM missions")}
                dup = missions["mission_id"][missions["mission_id"].isin(have)]
                if len(dup):
                    raise _error(
                        f"{len(dup)} mission ids are already in the journal: "
                        + ", ".join(map(repr, dup.head(10).tolist())),
                        str(path),
                    )
            # the new disputes may refer to missions logged earlier
            known = self._frame(conn, "missions")
            if len(known) and disputes["mission_id"].notna().any():
                all_missions = pd.concat(
                    [known, _stored_frame(missions, _MISSION_STORED)]
                    if missions is not None
                    else [known],
                    ignore_index=True,
                )
                _validate(
                    _stored_frame(disputes, _DISPUTE_STORED),
                    all_missions,
                    source=str(path),
                )
            if missions is not None and len(missions):
                # days of ongoing missions grow: derive them when reading
                ongoing = missions["ended_at"].isna()
                missions = missions.assign(days=missions["days"].mask(ongoing))
                _insert(conn, "missions", _stored(missions, _MISSION_STORED))
            _insert(conn, "disputes", _stored(disputes, _DISPUTE_STORED))
        return read

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

    # ------------------------------------------------------------ checks
    def _check(self, conn: sqlite3.Connection, row: pd.DataFrame) -> pd.DataFrame:
        """Validate one dispute row against the logged missions."""
        missions = None
        if row["mission_id"].notna().any():
            known = self._frame(conn, "missions")
            missions = known if len(known) else None
        return _validate(row, missions, source="new dispute").disputes
