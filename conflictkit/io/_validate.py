"""Validation at the boundary: type both tables and check every row.

Used by :func:`conflictkit.read_history` (on text read from a file) and
:meth:`conflictkit.History.from_frames` (on frames built in code), so both
apply the same rules.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from ..errors import ConflictkitWarning, DisputeDataError
from ..model import (
    DISPUTE_COLUMNS,
    MISSION_COLUMNS,
    REQUIRED_DISPUTE_COLUMNS,
    REQUIRED_MISSION_COLUMNS,
    STRING_DTYPE,
    History,
    empty_causes,
)
from . import _causes as C
from . import _parse as P
from ._checks import Checker, check_dates, check_disputes, check_mission_links
from ._columns import (
    ColumnMap,
    check_columns_argument,
    map_columns,
    missions_columns_message,
    unused_message,
)
from ._raw import RawTable, raw_from_frame, title_like
from ._rows import (
    BLANK,
    TOTAL,
    WHERE,
    apply_where,
    skip_totals,
    skipped_message,
    title_message,
)
from .vocabulary import BOOLEANS

_ERRORS = ("raise", "collect")


def check_errors(errors: str) -> None:
    if errors not in _ERRORS:
        raise ValueError(
            f"The value for `errors` must be one of {list(_ERRORS)}, but "
            f"{errors!r} was passed."
        )


def validate_frames(
    disputes: pd.DataFrame,
    missions: pd.DataFrame | None,
    *,
    as_of: Any,
    columns: dict[str, str] | None,
    cause_map: Any,
    errors: str,
    source: str | None,
    dayfirst: bool | None = None,
) -> History:
    check_errors(errors)
    if not isinstance(disputes, pd.DataFrame):
        raise TypeError(
            f"`disputes` must be a pandas DataFrame, not {type(disputes).__name__}"
        )
    raw_d = raw_from_frame(disputes, source or "disputes frame")
    raw_m = None
    if missions is not None:
        if not isinstance(missions, pd.DataFrame):
            raise TypeError(
                f"`missions` must be a pandas DataFrame, not {type(missions).__name__}"
            )
        raw_m = raw_from_frame(missions, "missions frame")
    return validate_tables(
        raw_d,
        raw_m,
        as_of=as_of,
        columns=columns,
        cause_map=cause_map,
        errors=errors,
        dayfirst=dayfirst,
        stacklevel=4,
        source=source,
    )


def _missing_required(
    found: dict[str, str], required: tuple[str, ...], frame: pd.DataFrame
) -> list[str]:
    missing = [c for c in required if c not in found]
    return [
        f"the required column {c!r} is missing (columns found: "
        f"{', '.join(map(repr, frame.columns))}); name it {c!r} or pass "
        f"columns={{'your header': {c!r}}}"
        for c in missing
    ]


def _title_first(frame: pd.DataFrame) -> list[str]:
    """Why a table read from its first line has no header: a title there."""
    first = [str(c) for c in frame.columns]
    # a line of a text file with its other cells empty ("Titre;;;;")
    empty = [c for c in first if c.startswith("(column ")]
    if not empty or not title_like(first):
        return []
    named = next(c for c in first if c.strip())
    return [
        f"the first line {named!r} looks like a title, not a header, and the header"
        " is read from the first line here: remove the title line(s) above the"
        " header (read_history looks for the header below a title)"
    ]


def _check_table_dates(
    frame: pd.DataFrame, found: dict[str, str], names: tuple[str, ...], dayfirst: Any
) -> dict[str, tuple[bool | None, str | None]]:
    """Decide day-first or month-first per date column (see read_history).

    Returns ``{column: (order, example)}``: an undecided column borrows the
    order of the table's other date columns when they agree; ``example`` is a
    value that reads both ways, for the error when it stays undecided.
    """
    found_orders: dict[str, tuple[bool | None, str | None]] = {}
    for name in names:
        if name not in found:
            continue
        try:
            found_orders[name] = P.date_order(frame[found[name]])
        except P.AmbiguousDates:
            found_orders[name] = (None, None)  # rows that fail say which
    decided = {order for order, _ in found_orders.values() if order is not None}
    borrowed = next(iter(decided)) if len(decided) == 1 else None
    out: dict[str, tuple[bool | None, str | None]] = {}
    for name, (order, example) in found_orders.items():
        if dayfirst is not None:
            out[name] = (dayfirst, None)
        elif order is None and borrowed is not None:
            out[name] = (borrowed, None)
        else:
            out[name] = (order, example)
    return out


def _prepare(
    raw: RawTable,
    table: str,
    columns: dict[str, str],
    cause_map: Any,
    where: str | Callable[[pd.DataFrame], Any] | None,
    skipped: dict[str, int],
    notes: list[str],
) -> tuple[RawTable, ColumnMap]:
    """Map the headers; take out the blank, total and ``where=`` rows."""
    colmap = map_columns(raw.frame, table, columns, cause_map=cause_map)
    date = "opened_at" if table == "disputes" else "started_at"
    raw, totals = skip_totals(raw, colmap.found.get(date))
    n_blank = sum(b - a + 1 for a, b in raw.blank)
    for reason, n in ((BLANK, n_blank), (TOTAL, len(totals))):
        if n:
            skipped[reason] = skipped.get(reason, 0) + n
    message = skipped_message(raw.blank, totals, table)
    if message is not None:
        notes.append(message)
    if where is not None:
        raw, n_where = apply_where(raw, where)
        if n_where:
            skipped[WHERE] = n_where
    if isinstance(where, str):  # the columns a query names are accounted for
        for header in list(colmap.unused):
            if header in where:
                del colmap.unused[header]
    elsewhere: list[str] = []
    if table == "disputes":  # a practice column belongs to the missions
        message, elsewhere = missions_columns_message(colmap.unused)
        if message is not None:
            notes.append(message)
    rest = {h: o for h, o in colmap.unused.items() if h not in elsewhere}
    if rest:
        notes.append(unused_message(rest, table))
    return raw, colmap


def validate_tables(
    raw_d: RawTable,
    raw_m: RawTable | None,
    *,
    as_of: Any,
    columns: dict[str, str] | None,
    cause_map: Any,
    errors: str,
    dayfirst: bool | None,
    source: str | None,
    stacklevel: int,
    where: str | Callable[[pd.DataFrame], Any] | None = None,
) -> History:
    """Type and check both tables; ``stacklevel`` points warnings at the user."""
    explicit_as_of = None if as_of is None else pd.Timestamp(as_of)
    if explicit_as_of is not None and pd.isna(explicit_as_of):
        raise ValueError(
            f"The value for `as_of` must be a date, but {as_of!r} was passed."
        )
    if dayfirst not in (None, True, False):
        raise ValueError(
            f"The value for `dayfirst` must be True, False or None, but "
            f"{dayfirst!r} was passed."
        )
    headers = list(raw_d.frame.columns)
    if raw_m is not None:
        headers += list(raw_m.frame.columns)
    columns = check_columns_argument(columns, headers)
    skipped: dict[str, int] = {}
    notes: list[str] = []
    found_below = title_message(raw_d.title, raw_d.header_row)
    if found_below is not None:
        notes.append(found_below)
    unused: list[str] = []
    m_checker = None
    missions = None
    if raw_m is not None:
        raw_m, m_map = _prepare(raw_m, "missions", columns, None, None, skipped, notes)
        unused += list(m_map.unused)
        m_checker = Checker("missions", raw_m, "mission_id", m_map.found)
        missions = _parse_missions(raw_m, m_map, m_checker, dayfirst)
    raw_d, d_map = _prepare(raw_d, "disputes", columns, cause_map, where, skipped,
                            notes)  # fmt: skip
    unused = [*d_map.unused, *(u for u in unused if u not in d_map.unused)]
    d_checker = Checker("disputes", raw_d, "dispute_id", d_map.found)
    disputes, long = _parse_disputes(raw_d, d_map, cause_map, d_checker, dayfirst)
    check_dates(disputes, d_checker, ("opened_at", "resolved_at"), explicit_as_of)
    labels_note = C.cause_map_message(d_checker.cause_labels)
    if labels_note is not None:
        notes.append(labels_note)
    spellings = client_spellings_message(disputes["client"])
    if spellings is not None:
        notes.append(spellings)
    if missions is not None and m_checker is not None:
        check_dates(missions, m_checker, ("started_at", "ended_at"), explicit_as_of)
        check_mission_links(disputes, missions, d_checker, m_checker)
    for note in notes:
        warnings.warn(note, ConflictkitWarning, stacklevel=stacklevel)

    d_fail = d_checker.failures(disputes["dispute_id"])
    m_fail = (
        m_checker.failures(missions["mission_id"])
        if m_checker is not None and missions is not None
        else None
    )
    failures = (
        pd.concat([f for f in (m_fail, d_fail) if f is not None and len(f)])
        if (len(d_fail) or (m_fail is not None and len(m_fail)))
        else None
    )
    # Problems with the file itself (no row) raise even with errors="collect".
    if failures is not None and (errors == "raise" or failures["row"].isna().any()):
        raise DisputeDataError(failures.reset_index(drop=True), source)

    rejected = rejected_m = None
    if errors == "collect":
        disputes, long, rejected = _split_rejected(disputes, d_checker, long)
        if missions is not None and m_checker is not None:
            missions, _, rejected_m = _split_rejected(missions, m_checker, None)
        n_rej = len(rejected) + (len(rejected_m) if rejected_m is not None else 0)
        if n_rej:
            warnings.warn(
                f"{n_rej} row{'s' if n_rej != 1 else ''} rejected "
                f"({len(rejected)} of {len(raw_d.rows) + len(raw_d.problems)} "
                "dispute rows"
                + (
                    f", {len(rejected_m)} of {len(raw_m.rows) + len(raw_m.problems)}"
                    " mission rows"
                    if raw_m is not None and rejected_m is not None
                    else ""
                )
                + "); see history.rejected for the rows and their problems",
                ConflictkitWarning,
                stacklevel=stacklevel,
            )
    # as_of: explicit, or the latest date among the rows kept
    history_as_of = explicit_as_of
    if history_as_of is None:
        dates = [disputes["opened_at"].max(), disputes["resolved_at"].max()]
        if missions is not None:
            dates += [missions["started_at"].max(), missions["ended_at"].max()]
        dates = [d for d in dates if not pd.isna(d)]
        history_as_of = max(dates) if dates else pd.Timestamp("NaT")
    if missions is not None:
        missions = _fill_days(missions, history_as_of)
    causes = pd.DataFrame(
        {
            "dispute_id": long["dispute_id"].array,
            "cause": long["cause"].array,
            "is_primary": long["is_primary"].to_numpy(dtype=bool),
        },
        copy=False,
    )
    return History(
        disputes=_renumbered(disputes),
        causes=causes,
        missions=None if missions is None else _renumbered(missions),
        as_of=pd.Timestamp(history_as_of),
        rejected=rejected,
        rejected_missions=rejected_m,
        source=source,
        generated_ids=d_checker.generated_ids,
        unused_columns=tuple(unused),
        skipped=skipped,
    )


def client_spellings_message(clients: pd.Series) -> str | None:
    """One warning naming the clients written in several ways, or None.

    ``SARL Bernard`` and ``Sarl Bernard``, ``Atelier Dupré`` and ``Atelier
    Dupre`` are counted as different clients, as written: nothing is merged
    behind the user's back, but the user is told (the key is the one
    :meth:`History.combine` matches clients with).

    Examples
    --------
    >>> names = pd.Series(["SARL Bernard", "Sarl Bernard", "Acme", "Atelier Dupré",
    ...                    "Atelier Dupre", "Sarl Bernard"])
    >>> print(client_spellings_message(names))
    2 clients are written in more than one way and counted apart: 'SARL Bernard' \
and 'Sarl Bernard'; 'Atelier Dupré' and 'Atelier Dupre'. If two \
spellings are one client, write it the same way in every row
    """
    from ._combine import client_key

    names = pd.Series(clients.dropna().unique()).astype(object)
    if len(names) < 2:
        return None
    keys = client_key(names)
    twice = keys.duplicated(keep=False)
    if not twice.any():
        return None
    groups = [list(g) for _, g in names[twice].groupby(keys[twice], sort=False)]
    n = len(groups)
    shown = "; ".join(" and ".join(map(repr, g)) for g in groups[:5])
    more = "; ..." if n > 5 else ""
    return (
        f"{n} client{'s are' if n != 1 else ' is'} written in more than one way "
        f"and counted apart: {shown}{more}. If two spellings are one client, "
        "write it the same way in every row"
    )


def _renumbered(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame numbered 0, 1, 2...: in place, where ``reset_index`` copies."""
    frame.index = pd.RangeIndex(len(frame))
    return frame


def _split_rejected(
    typed: pd.DataFrame, checker: Checker, long: pd.DataFrame | None
) -> tuple[pd.DataFrame, pd.DataFrame | None, pd.DataFrame]:
    raw = checker.raw
    bad = checker.bad_positions()
    fails = checker.failures(None)
    fails = fails[fails["row"].notna()]
    msgs = (
        fails.assign(
            text=np.where(
                fails["column"].notna(),
                "column "
                + fails["column"].astype(str)
                + ": "
                + fails["problem"].astype(str),
                fails["problem"].astype(str),
            )
        )
        .groupby("row", sort=True)["text"]
        .agg("; ".join)
    )
    rejected = raw.restored(raw.frame.iloc[bad].copy())
    rejected.index = pd.Index(raw.rows.to_numpy()[bad], name="row")
    if raw.problems:
        structural = pd.DataFrame(
            {"_raw_line": [p["value"] for p in raw.problems]},
            index=pd.Index([p["row"] for p in raw.problems], name="row"),
        )
        rejected = pd.concat([rejected, structural])
    rejected["problems"] = msgs.reindex(rejected.index).to_numpy()
    rejected = rejected.sort_index()
    # which of the user's headers is which column (anonymize needs it)
    rejected.attrs["canonical"] = {h: c for c, h in checker.found.items()}
    keep = np.ones(len(typed), dtype=bool)
    keep[bad] = False
    kept = typed.iloc[np.flatnonzero(keep)]
    if long is not None:
        long = long[keep[long["pos"].to_numpy()]]
    return kept, long, rejected


def _parse_common(
    kind: str,
    frame: pd.DataFrame,
    found: dict[str, str],
    checker: Checker,
    dayfirst: Any,
    canonical: dict[str, Any],
    date_cols: tuple[str, ...],
) -> dict[str, pd.Series]:
    out: dict[str, pd.Series] = {}
    orders = _check_table_dates(frame, found, date_cols, dayfirst)
    for name, dtype in canonical.items():
        if name not in found or name in ("causes", "primary_cause"):
            continue
        s = frame[found[name]]
        if name in date_cols:
            order, example = orders.get(name, (None, None))
            values, problems = P.parse_dates(s, dayfirst=order)
            if order is None and example is not None:
                checker.file_problems.append(
                    f"column {found[name]!r}: dates such as {example!r} "
                    "read both as day/month and month/day, and no value settles "
                    "it; pass dayfirst=True (07/04/2021 = 7 April) or "
                    "dayfirst=False (= July 4)"
                )
        elif dtype == "boolean":
            values, problems = P.parse_bool(s, vocab=BOOLEANS)
        elif dtype in ("float64", "Int64"):
            what = (
                "a number of days"
                if name in ("days", "checkin_every_days")
                else ("a whole number" if dtype == "Int64" else "an amount")
            )
            values, problems = P.parse_number(s, integer=dtype == "Int64", what=what)
        elif dtype is STRING_DTYPE:
            if name == "notes":  # free text keeps its spaces; an empty cell is NA
                values = s.astype(STRING_DTYPE)
                values = values.mask((values == "") | P.clean_text(values).isna())
            else:
                values = P.clean_text(s).astype(STRING_DTYPE)
            problems = pd.Series([], dtype=object)
        else:
            vocab, enum, what = C.LABELS[name]
            values, problems = C.parse_label(
                s, vocab=vocab, enum=enum, dtype=dtype, what=what
            )
        checker.add(name, problems, s)
        out[name] = values
        if name in date_cols or dtype is not STRING_DTYPE:
            checker.raw.compact(found[name])
        del s
        _release()
    return out


def _release() -> None:
    """Give back to the system the memory Arrow freed while parsing a column:
    its allocator keeps it otherwise, and the peak would add every column's."""
    pa.default_memory_pool().release_unused()


def _assemble(
    n: int, index: pd.Index, parsed: dict[str, pd.Series], canonical: dict[str, Any]
) -> dict[str, Any]:
    cols: dict[str, Any] = {}
    for name, dtype in canonical.items():
        if name in parsed:
            cols[name] = parsed[name]
        else:
            cols[name] = (
                pd.Series(np.full(n, np.datetime64("NaT"), dtype=dtype), index=index)
                if isinstance(dtype, np.dtype)
                else pd.Series(index=index, dtype=dtype)
            )
    return cols


def _parse_disputes(
    raw: RawTable,
    colmap: ColumnMap,
    cause_map: Any,
    checker: Checker,
    dayfirst: Any,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    frame = raw.frame
    found = colmap.found
    checker.file_problems += colmap.problems
    checker.found = found
    checker.file_problems += _missing_required(found, REQUIRED_DISPUTE_COLUMNS, frame)
    if not raw.title_searched and not {"client", "opened_at"} & set(found):
        checker.file_problems += _title_first(frame)
    if checker.file_problems:
        raise DisputeDataError(checker.failures(None), raw.source)
    parsed = _parse_common(
        "disputes", frame, found, checker, dayfirst, DISPUTE_COLUMNS,
        ("opened_at", "resolved_at"),
    )  # fmt: skip
    if checker.file_problems:
        raise DisputeDataError(checker.failures(None), raw.source)
    n = len(frame)
    if "dispute_id" not in found:
        width = max(4, len(str(n)))
        ids = pd.Series(
            [f"D-{i:0{width}d}" for i in range(1, n + 1)], index=frame.index
        ).astype(STRING_DTYPE)
        parsed["dispute_id"] = ids
        checker.generated_ids = True
    if "causes" in found:
        primary, joined, long, problems = C.parse_causes(
            frame[found["causes"]], cause_map=cause_map, labels=checker.cause_labels
        )
        checker.add("causes", problems, frame[found["causes"]])
        raw.compact(found["causes"])
        _release()
        parsed["primary_cause"], parsed["causes"] = primary, joined
    else:
        long = empty_causes().rename(columns={"dispute_id": "pos"})
        long["pos"] = long["pos"].astype("int64")
    cols = _assemble(n, frame.index, parsed, DISPUTE_COLUMNS)
    # extra columns, kept as they were read
    used = set(found.values())
    for header in frame.columns:
        if header not in used and header not in cols:
            cols[header] = raw.as_read(header)
    # copy=False: one block per column, not a consolidated copy of them all
    disputes = pd.DataFrame(cols, index=frame.index, copy=False)
    check_disputes(disputes, frame, found, checker)
    _release()
    # each cause row's dispute id, taken in Arrow (no Python string per row)
    ids = disputes["dispute_id"].astype(STRING_DTYPE).array._pa_array  # type: ignore[attr-defined]
    long = pd.DataFrame(
        {
            "pos": long["pos"].to_numpy(),
            "dispute_id": pd.arrays.ArrowStringArray(
                ids.take(pa.array(long["pos"].to_numpy()))
            ),
            "cause": long["cause"].array,
            "is_primary": long["is_primary"].to_numpy(),
        },
        copy=False,
    )
    return disputes, long


def _parse_missions(
    raw: RawTable, colmap: ColumnMap, checker: Checker, dayfirst: Any
) -> pd.DataFrame:
    frame = raw.frame
    found = colmap.found
    checker.file_problems += colmap.problems
    checker.found = found
    checker.file_problems += _missing_required(found, REQUIRED_MISSION_COLUMNS, frame)
    if checker.file_problems:
        raise DisputeDataError(checker.failures(None), raw.source)
    parsed = _parse_common(
        "missions", frame, found, checker, dayfirst, MISSION_COLUMNS,
        ("started_at", "ended_at"),
    )  # fmt: skip
    if checker.file_problems:
        raise DisputeDataError(checker.failures(None), raw.source)
    m = pd.DataFrame(
        _assemble(len(frame), frame.index, parsed, MISSION_COLUMNS), copy=False
    )
    ids = m["mission_id"]
    raw_id = frame[found["mission_id"]]
    checker.add_mask(
        "mission_id", ids.isna(), raw_id, "is empty: every mission needs an id"
    )
    dup = P.duplicated(ids) & ids.notna()
    checker.add_mask("mission_id", dup, raw_id, "duplicated mission id")
    checker.add_mask(
        "client", m["client"].isna(), frame[found["client"]],
        "is empty: every mission needs a client",
    )  # fmt: skip
    checker.add_mask(
        "started_at", m["started_at"].isna() & ~checker.flagged("started_at"),
        frame[found["started_at"]], "is empty: when did the mission start?",
    )  # fmt: skip
    before = m["ended_at"] < m["started_at"]
    if before.any():
        msgs = (
            m["ended_at"].dt.strftime("%Y-%m-%d")
            + " is before started_at "
            + m["started_at"].dt.strftime("%Y-%m-%d")
        )
        checker.add_mask("ended_at", before, m["ended_at"].dt.date, msgs)
    return m


def _fill_days(m: pd.DataFrame, as_of: Any) -> pd.DataFrame:
    """Derive ``days`` as business days between the dates where it is empty."""
    missing = m["days"].isna() & m["started_at"].notna()
    if not missing.any():
        return m
    start = m.loc[missing, "started_at"].to_numpy().astype("datetime64[D]")
    end_ts = m.loc[missing, "ended_at"].fillna(as_of)
    end = end_ts.to_numpy().astype("datetime64[D]") + np.timedelta64(1, "D")
    end = np.maximum(end, start)
    m = m.copy()
    m.loc[missing, "days"] = np.busday_count(start, end).astype(float)
    return m
