"""Reading and writing dispute histories, with validation at the boundary.

``read_history`` reads CSV/TSV (delimiter and encoding detected), XLSX, JSON
and Parquet, maps the user's headers onto the canonical columns, parses
French and English spellings, and validates every row. Every problem is
reported with its row (as a spreadsheet shows it: the header is row 1), its
column, its value and the reason. Nothing is dropped silently: rows read =
rows kept + rows rejected.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import _parse as P
from ._files import RawTable, _raw_from_frame, read_raw
from ._labels import Contract, Escalation, Outcome, Severity
from .errors import FAILURE_COLUMNS, ConflictkitWarning, DisputeDataError
from .model import (
    DISPUTE_COLUMNS,
    MISSION_COLUMNS,
    REQUIRED_DISPUTE_COLUMNS,
    REQUIRED_MISSION_COLUMNS,
    STRING_DTYPE,
    History,
    empty_causes,
)
from .vocabulary import (
    BOOLEANS,
    COLUMN_ALIASES,
    CONTRACTS,
    ESCALATIONS,
    OUTCOMES,
    SEVERITIES,
    normalize,
)

__all__ = ["read_history", "write_history"]

_ERRORS = ("raise", "collect")


def read_history(
    path: str | Path,
    *,
    missions: str | Path | None = None,
    columns: dict[str, str] | None = None,
    cause_map: Any = None,
    errors: str = "raise",
    as_of: Any = None,
    dayfirst: bool | None = None,
) -> History:
    """Read a dispute log (and optionally its missions) into a :class:`History`.

    Parameters
    ----------
    path : str or Path
        A CSV or TSV file (delimiter ``,`` ``;`` or tab and encoding UTF-8,
        UTF-8 with BOM, cp1252 or UTF-16 are detected), an XLSX workbook (a
        ``disputes`` sheet and optionally a ``missions`` sheet, else the first
        sheet), a JSON file (a list of records, or an object with
        ``"disputes"`` and ``"missions"`` lists) or a Parquet file.
    missions : str or Path, optional
        The missions table, in any of the same formats. Without it, an XLSX or
        JSON file's own missions table is used when present.
    columns : dict, optional
        Maps your headers onto the canonical names, e.g.
        ``{"Société": "client", "Motif": "causes"}``. Common French and English
        headers are recognised without it.
    cause_map : dict or callable, optional
        Extra spellings of causes: ``{"retard facture": "payment"}``, or a
        function taking a spelling and returning a cause (or None to fall
        back on the built-in table in :mod:`conflictkit.vocabulary`).
    errors : {"raise", "collect"}, default="raise"
        ``"raise"``: raise :class:`DisputeDataError` listing every problem.
        ``"collect"``: keep the valid rows, put every invalid row, untouched,
        in ``history.rejected`` (``history.rejected_missions``) with its
        problems, and warn with the count.
    as_of : date-like, optional
        The date open disputes are censored at. By default, the latest date
        found in the data.
    dayfirst : bool, optional
        How to read numeric dates such as ``03/04/2021``. By default it is
        decided per column from the values that can only be read one way
        (``25/04/2021``); a column where every value reads both ways is an
        error asking for this argument.

    Returns
    -------
    History
        The validated history.

    Raises
    ------
    DisputeDataError
        With ``errors="raise"``, when any row has a problem; always, when the
        file itself cannot be read (empty, binary, not a table).

    Examples
    --------
    A French spreadsheet export: semicolons, cp1252, French headers and words.

    >>> import pathlib, tempfile
    >>> import conflictkit as ck
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "litiges.csv"
    >>> _ = path.write_bytes(
    ...     "Client;Ouvert le;Résolu le;Motif;Montant en jeu\\n"
    ...     "Acme;07/04/2021;21/04/2021;Retard de paiement;1 500,00 €\\n"
    ...     "Acme;25/05/2021;;périmètre + ton directif;\\n".encode("cp1252"))
    >>> h = ck.read_history(path)
    >>> h.disputes[["client", "opened_at", "causes", "amount_at_stake"]]
      client  opened_at      causes  amount_at_stake
    0   Acme 2021-04-07     payment           1500.0
    1   Acme 2021-05-25  scope;tone              NaN
    """
    _check_errors(errors)
    tables = read_raw(path)
    if missions is not None:
        mtables = read_raw(missions)
        tables["missions"] = mtables.get("missions") or mtables["disputes"]
    return _validate_tables(
        tables["disputes"],
        tables.get("missions"),
        as_of=as_of,
        columns=columns,
        cause_map=cause_map,
        errors=errors,
        dayfirst=dayfirst,
        stacklevel=3,
        source=str(path),
    )


def _check_errors(errors: str) -> None:
    if errors not in _ERRORS:
        raise ValueError(
            f"The value for `errors` must be one of {list(_ERRORS)}, but "
            f"{errors!r} was passed."
        )


def _validate_frames(
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
    _check_errors(errors)
    if not isinstance(disputes, pd.DataFrame):
        raise TypeError(
            f"`disputes` must be a pandas DataFrame, not {type(disputes).__name__}"
        )
    raw_d = _raw_from_frame(disputes, source or "disputes frame")
    raw_m = None
    if missions is not None:
        if not isinstance(missions, pd.DataFrame):
            raise TypeError(
                f"`missions` must be a pandas DataFrame, not {type(missions).__name__}"
            )
        raw_m = _raw_from_frame(missions, "missions frame")
    return _validate_tables(
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


# ---------------------------------------------------------------- validation
class _Checker:
    """Collects the problems of one table, row by row and column by column."""

    def __init__(self, table: str, raw: RawTable, id_col: str) -> None:
        self.table = table
        self.raw = raw
        self.id_col = id_col
        self.parts: list[pd.DataFrame] = []
        self.file_problems: list[str] = []

    def add(self, column: str | None, problems: pd.Series, values: pd.Series) -> None:
        if len(problems) == 0:
            return
        idx = problems.index
        self.parts.append(
            pd.DataFrame(
                {
                    "pos": idx.to_numpy(),
                    "column": column,
                    "value": _as_text(values.reindex(idx)),
                    "problem": problems.to_numpy(dtype=object),
                }
            )
        )

    def add_mask(
        self, column: str, mask: pd.Series, values: pd.Series, problem: Any
    ) -> None:
        if not mask.any():
            return
        problems = (
            problem[mask]
            if isinstance(problem, pd.Series)
            else pd.Series(problem, index=mask.index[mask.to_numpy()])
        )
        self.add(column, problems, values)

    def failures(self, ids: pd.Series | None) -> pd.DataFrame:
        rows = [
            {"table": self.table, "row": pd.NA, "dispute_id": pd.NA, "column": pd.NA,
             "value": pd.NA, "problem": p}
            for p in self.file_problems
        ]  # fmt: skip
        rows += [
            {"table": self.table, "row": p["row"], "dispute_id": pd.NA,
             "column": p["column"], "value": p["value"], "problem": p["problem"]}
            for p in self.raw.problems
        ]  # fmt: skip
        out = [pd.DataFrame(rows, columns=FAILURE_COLUMNS)] if rows else []
        if self.parts:
            f = pd.concat(self.parts, ignore_index=True)
            pos = f.pop("pos").to_numpy()
            f.insert(0, "row", self.raw.rows.to_numpy()[pos])
            key = (
                ids.to_numpy(dtype=object)[pos]
                if ids is not None
                else np.full(len(f), pd.NA, dtype=object)
            )
            f.insert(1, "dispute_id", key)
            f.insert(0, "table", self.table)
            out.append(f.sort_values(["row"], kind="stable"))
        if not out:
            return pd.DataFrame(columns=FAILURE_COLUMNS)
        both = pd.concat(out, ignore_index=True)[FAILURE_COLUMNS]
        # file-level problems first, then in the order of the rows
        return both.sort_values("row", na_position="first", kind="stable").reset_index(
            drop=True
        )

    def bad_positions(self) -> np.ndarray:
        if not self.parts:
            return np.array([], dtype=np.int64)
        return np.unique(np.concatenate([p["pos"].to_numpy() for p in self.parts]))


def _as_text(values: pd.Series) -> np.ndarray:
    out = values.astype(object).to_numpy()
    return (
        np.asarray([None if pd.isna(v) else str(v) for v in out], dtype=object)
        if (len(out) < 10_000)
        else values.astype("string").to_numpy(dtype=object)
    )


def _map_columns(
    frame: pd.DataFrame,
    canonical: dict[str, Any],
    columns: dict[str, str] | None,
    checker: _Checker,
) -> dict[str, str]:
    """Return {canonical name: header in the file} for this table."""
    columns = columns or {}
    unknown = set(columns.values()) - set(DISPUTE_COLUMNS) - set(MISSION_COLUMNS)
    if unknown:
        raise ValueError(
            f"`columns` maps onto unknown names {sorted(unknown)}; the canonical "
            f"names are {sorted(set(DISPUTE_COLUMNS) | set(MISSION_COLUMNS))}"
        )
    targets: dict[str, str | None] = {}
    for header in frame.columns:
        target = columns.get(header)
        if target is None and header not in columns:
            norm = normalize(header)
            snake = norm.replace(" ", "_")
            target = snake if snake in canonical else COLUMN_ALIASES.get(norm)
        targets[header] = target
    # ``primary_cause`` alone stands for the causes; beside a causes column
    # (as in ``history.disputes``) it is derived from it, and skipped.
    has_causes = "causes" in targets.values()
    found: dict[str, str] = {}
    for header, target in targets.items():
        if target == "primary_cause":
            if has_causes:
                continue
            target = "causes"
        if target is None or target not in canonical:
            continue
        if target in found:
            if header in columns and found[target] not in columns:
                found[target] = header  # an explicit mapping wins over an alias
                continue
            if found[target] in columns:
                continue
            checker.file_problems.append(
                f"the columns {found[target]!r} and {header!r} both mean "
                f"{target!r}: rename one, or pass columns={{...}} to choose"
            )
            continue
        found[target] = header
    return found


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


def _check_table_dates(
    frame: pd.DataFrame, found: dict[str, str], names: tuple[str, ...], dayfirst: Any
) -> dict[str, bool | None]:
    """Decide day-first or month-first per date column (see read_history)."""
    orders: dict[str, bool | None] = {}
    problems: dict[str, str] = {}
    for name in names:
        if name not in found:
            continue
        try:
            orders[name] = P.date_order(frame[found[name]])
        except P.AmbiguousDates:
            problems[name] = "mixed"
    decided = {v for v in orders.values() if v is not None}
    for name, order in orders.items():
        if dayfirst is not None:
            orders[name] = dayfirst
        elif order is None:
            orders[name] = decided.pop() if len(decided) == 1 else None
    return {**orders, **dict.fromkeys(problems)}


def _validate_tables(
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
) -> History:
    """Type and check both tables; ``stacklevel`` points warnings at the user."""
    explicit_as_of = None if as_of is None else pd.Timestamp(as_of)
    if explicit_as_of is not None and pd.isna(explicit_as_of):
        raise ValueError(
            f"The value for `as_of` must be a date, but {as_of!r} was passed."
        )
    m_checker = None
    missions = None
    if raw_m is not None:
        m_checker = _Checker("missions", raw_m, "mission_id")
        missions = _parse_missions(raw_m, columns, m_checker, dayfirst)
    d_checker = _Checker("disputes", raw_d, "dispute_id")
    disputes, long = _parse_disputes(raw_d, columns, cause_map, d_checker, dayfirst)

    if explicit_as_of is not None:
        after = disputes["opened_at"] > explicit_as_of
        d_checker.add_mask(
            "opened_at", after, disputes["opened_at"].dt.date,
            f"is after as_of ({explicit_as_of.date()})",
        )  # fmt: skip

    if missions is not None and m_checker is not None:
        _check_mission_links(disputes, missions, d_checker, m_checker)

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
    # as_of: explicit, or the latest date in the data that was kept
    history_as_of = explicit_as_of
    if history_as_of is None:
        dates = [disputes["opened_at"].max(), disputes["resolved_at"].max()]
        if missions is not None:
            dates += [missions["started_at"].max(), missions["ended_at"].max()]
        dates = [d for d in dates if not pd.isna(d)]
        history_as_of = max(dates) if dates else pd.Timestamp("NaT")
    if missions is not None:
        missions = _fill_days(missions, history_as_of)
    long = long.drop(columns="pos").reset_index(drop=True)
    return History(
        disputes=disputes.reset_index(drop=True),
        causes=long,
        missions=None if missions is None else missions.reset_index(drop=True),
        as_of=pd.Timestamp(history_as_of),
        rejected=rejected,
        rejected_missions=rejected_m,
        source=source,
    )


def _split_rejected(
    typed: pd.DataFrame, checker: _Checker, long: pd.DataFrame | None
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
    rejected = raw.frame.iloc[bad].copy()
    rejected.index = pd.Index(raw.rows.to_numpy()[bad], name="row")
    if raw.problems:
        structural = pd.DataFrame(
            {"_raw_line": [p["value"] for p in raw.problems]},
            index=pd.Index([p["row"] for p in raw.problems], name="row"),
        )
        rejected = pd.concat([rejected, structural])
    rejected["problems"] = msgs.reindex(rejected.index).to_numpy()
    rejected = rejected.sort_index()
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
    checker: _Checker,
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
            order = orders.get(name)
            values, problems = P.parse_dates(s, dayfirst=order)
            if order is None and not pd.api.types.is_datetime64_any_dtype(s.dtype):
                amb = _ambiguous(s)
                if len(amb):
                    checker.file_problems.append(
                        f"column {found[name]!r}: dates such as {amb.iloc[0]!r} "
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
                values = values.mask(values == "")
            else:
                values = P._text(s).astype(STRING_DTYPE)
            problems = pd.Series([], dtype=object)
        else:
            vocab, enum, what = _LABELS[name]
            values, problems = P.parse_label(
                s, vocab=vocab, enum=enum, dtype=dtype, what=what
            )
        checker.add(name, problems, s)
        out[name] = values
    return out


_LABELS: dict[str, tuple[Any, Any, str]] = {
    "severity": (SEVERITIES, Severity, "a severity"),
    "escalation": (ESCALATIONS, Escalation, "an escalation step"),
    "outcome": (OUTCOMES, Outcome, "an outcome"),
    "contract": (CONTRACTS, Contract, "a contract type"),
}


def _ambiguous(s: pd.Series) -> pd.Series:
    """The distinct values of a date column that read both day- and month-first."""
    _, uniques = P._factorize(P._text(s))
    u = pd.Series(uniques, dtype="string")
    parts = u.str.extract(P._NUMERIC_DATE)
    a = pd.to_numeric(parts[0], errors="coerce")
    b = pd.to_numeric(parts[1], errors="coerce")
    return u[((a <= 12) & (b <= 12) & (a != b)).fillna(False).astype(bool)]


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
    columns: dict[str, str] | None,
    cause_map: Any,
    checker: _Checker,
    dayfirst: Any,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    frame = raw.frame
    found = _map_columns(frame, DISPUTE_COLUMNS, columns, checker)
    checker.file_problems += _missing_required(found, REQUIRED_DISPUTE_COLUMNS, frame)
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
    if "causes" in found:
        primary, joined, long, problems = P.parse_causes(
            frame[found["causes"]], cause_map=cause_map
        )
        checker.add("causes", problems, frame[found["causes"]])
        parsed["primary_cause"], parsed["causes"] = primary, joined
    else:
        long = empty_causes().rename(columns={"dispute_id": "pos"})
        long["pos"] = long["pos"].astype("int64")
    cols = _assemble(n, frame.index, parsed, DISPUTE_COLUMNS)
    # extra columns, kept as they were read
    used = set(found.values())
    for header in frame.columns:
        if header not in used and header not in cols:
            cols[header] = frame[header]
    disputes = pd.DataFrame(cols, index=frame.index)
    _check_disputes(disputes, frame, found, checker)
    long = long.assign(
        dispute_id=disputes["dispute_id"].to_numpy()[long["pos"].to_numpy()]
    )
    long["dispute_id"] = long["dispute_id"].astype(STRING_DTYPE)
    return disputes, long[["pos", "dispute_id", "cause", "is_primary"]]


def _raw_col(
    frame: pd.DataFrame, found: dict[str, str], name: str, typed: pd.Series
) -> pd.Series:
    """The column as the user wrote it, or the typed one if it was absent."""
    return frame[found[name]] if name in found else typed


def _check_disputes(
    d: pd.DataFrame, frame: pd.DataFrame, found: dict[str, str], checker: _Checker
) -> None:
    ids = d["dispute_id"]
    raw_id = _raw_col(frame, found, "dispute_id", ids)
    checker.add_mask(
        "dispute_id", ids.isna(), raw_id, "is empty: every dispute needs an id"
    )
    dup = ids.duplicated(keep="first") & ids.notna()
    if dup.any():
        first_row = pd.Series(checker.raw.rows.to_numpy(), index=d.index)[
            ~ids.duplicated(keep="first")
        ]
        first_by_id = pd.Series(
            first_row.to_numpy(), index=ids[first_row.index].to_numpy()
        )
        msgs = "duplicated: the same id is in row " + ids[dup].map(first_by_id).astype(
            str
        )
        checker.add_mask("dispute_id", dup, raw_id, msgs)
    checker.add_mask(
        "client", d["client"].isna(), _raw_col(frame, found, "client", d["client"]),
        "is empty: every dispute needs a client",
    )  # fmt: skip
    opened = d["opened_at"]
    if "opened_at" in found:
        raw_open = frame[found["opened_at"]]
        checker.add_mask(
            "opened_at", P._text(raw_open).isna() if raw_open.dtype != "datetime64[ns]"
            else raw_open.isna(), raw_open, "is empty: when did the dispute surface?",
        )  # fmt: skip
    before = d["resolved_at"] < opened
    if before.any():
        msgs = (
            d["resolved_at"].dt.strftime("%Y-%m-%d")
            + " is before opened_at "
            + opened.dt.strftime("%Y-%m-%d")
        )
        checker.add_mask("resolved_at", before, d["resolved_at"].dt.date, msgs)
    open_with_outcome = d["resolved_at"].isna() & d["outcome"].notna()
    if "resolved_at" in found:
        # an unparseable resolved_at is already reported; don't pile on
        open_with_outcome &= P._text(frame[found["resolved_at"]]).isna() | (
            frame[found["resolved_at"]].isna()
        )
    checker.add_mask(
        "outcome", open_with_outcome, _raw_col(frame, found, "outcome", d["outcome"]),
        "an open dispute (no resolved_at) cannot have an outcome yet; add the "
        "resolution date or clear the outcome",
    )  # fmt: skip


def _parse_missions(
    raw: RawTable, columns: dict[str, str] | None, checker: _Checker, dayfirst: Any
) -> pd.DataFrame:
    frame = raw.frame
    found = _map_columns(frame, MISSION_COLUMNS, columns, checker)
    checker.file_problems += _missing_required(found, REQUIRED_MISSION_COLUMNS, frame)
    if checker.file_problems:
        raise DisputeDataError(checker.failures(None), raw.source)
    parsed = _parse_common(
        "missions", frame, found, checker, dayfirst, MISSION_COLUMNS,
        ("started_at", "ended_at"),
    )  # fmt: skip
    if checker.file_problems:
        raise DisputeDataError(checker.failures(None), raw.source)
    m = pd.DataFrame(_assemble(len(frame), frame.index, parsed, MISSION_COLUMNS))
    ids = m["mission_id"]
    raw_id = frame[found["mission_id"]]
    checker.add_mask(
        "mission_id", ids.isna(), raw_id, "is empty: every mission needs an id"
    )
    dup = ids.duplicated(keep="first") & ids.notna()
    checker.add_mask("mission_id", dup, raw_id, "duplicated mission id")
    checker.add_mask(
        "client", m["client"].isna(), frame[found["client"]],
        "is empty: every mission needs a client",
    )  # fmt: skip
    checker.add_mask(
        "started_at", P._text(frame[found["started_at"]]).isna()
        if frame[found["started_at"]].dtype != "datetime64[ns]"
        else frame[found["started_at"]].isna(),
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


def _arrow(s: pd.Series) -> pa.ChunkedArray:
    """The pyarrow array behind a pyarrow-backed string column."""
    return pa.chunked_array(s.astype(STRING_DTYPE).array._pa_array)  # type: ignore[attr-defined]


def _check_mission_links(
    d: pd.DataFrame, m: pd.DataFrame, checker: _Checker, m_checker: _Checker
) -> None:
    has = d["mission_id"].notna()
    if not has.any():
        return
    # Look every dispute's mission up once (a pyarrow hash lookup): its
    # position in the missions table, or null when there is no such mission.
    first = ~m["mission_id"].duplicated(keep="first").to_numpy()
    m_ids = m["mission_id"][first]
    pos = pc.index_in(_arrow(d["mission_id"]), value_set=_arrow(m_ids).combine_chunks())
    pos = pos.to_numpy(zero_copy_only=False)
    unknown = has & pd.Series(np.isnan(pos.astype(float)), index=d.index)
    checker.add_mask(
        "mission_id", unknown, d["mission_id"],
        "no mission with this id in the missions table",
    )  # fmt: skip
    found = np.flatnonzero(~unknown.to_numpy() & has.to_numpy())
    take = pos[found].astype(np.int64)
    m_client = m["client"][first].to_numpy(dtype=object)[take]
    d_client = d["client"].to_numpy(dtype=object)[found]
    differs = pd.isna(m_client) | (m_client != d_client)
    if differs.any():
        where = d.index[found[differs]]
        msgs = pd.Series(
            [
                f"belongs to client {mc!r}, not to this dispute's client {dc!r}"
                for mc, dc in zip(m_client[differs], d_client[differs], strict=True)
            ],
            index=where,
            dtype=object,
        )
        checker.add("mission_id", msgs, d["mission_id"])
    bad_m = m_checker.bad_positions()
    if len(bad_m):
        rows = m_checker.raw.rows.to_numpy()
        bad_row_by_id = pd.Series(rows[bad_m], index=m["mission_id"].iloc[bad_m])
        bad_row_by_id = bad_row_by_id[bad_row_by_id.index.notna()]
        hit = has & d["mission_id"].isin(bad_row_by_id.index)
        if hit.any():
            rows_hit = d["mission_id"][hit].map(
                bad_row_by_id[~bad_row_by_id.index.duplicated()]
            )
            msgs = "refers to a mission rejected in missions row " + rows_hit.astype(
                str
            )
            checker.add("mission_id", msgs.astype(object), d["mission_id"])


# ---------------------------------------------------------------- writing
def write_history(
    history: History, path: str | Path, *, missions: str | Path | None = None
) -> list[Path]:
    """Write a history to CSV, TSV, XLSX, JSON or Parquet (by the file suffix).

    Causes are written as ``payment;tone`` (primary first), dates as ISO,
    booleans as ``true``/``false``. An XLSX or JSON file holds both tables;
    for CSV, TSV and Parquet the missions go to ``missions=`` (by default
    ``<name>_missions.<suffix>`` beside ``path``). Text cells that a
    spreadsheet would run as a formula (starting with ``=``, ``+``, ``-`` or
    ``@``) are written with a leading apostrophe, which reading removes.

    Parameters
    ----------
    history : History
        The history to write.
    path : str or Path
        The disputes file; its suffix chooses the format.
    missions : str or Path, optional
        Where to write the missions table for CSV, TSV and Parquet.

    Returns
    -------
    list of Path
        The files written.

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> h = History.from_frames(pd.DataFrame({"client": ["Acme"],
    ...     "opened_at": ["2024-01-10"], "causes": ["paiement"]}))
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "log.csv"
    >>> [p.name for p in write_history(h, out)]
    ['log.csv']
    >>> read_history(out).disputes["primary_cause"].tolist()
    ['payment']
    """
    path = Path(path)
    suffix = path.suffix.lower()
    d = _for_file(history.disputes, DISPUTE_COLUMNS, suffix)
    m = (
        _for_file(history.missions, MISSION_COLUMNS, suffix)
        if history.missions is not None
        else None
    )
    written = [path]
    if suffix in (".csv", ".tsv", ".txt"):
        sep = "\t" if suffix == ".tsv" else ","
        d.to_csv(path, index=False, sep=sep, encoding="utf-8")
        if m is not None:
            mpath = Path(missions) if missions else _sibling(path)
            m.to_csv(mpath, index=False, sep=sep, encoding="utf-8")
            written.append(mpath)
    elif suffix == ".xlsx":
        with pd.ExcelWriter(path, engine="openpyxl") as xl:
            d.to_excel(xl, sheet_name="disputes", index=False)
            if m is not None:
                m.to_excel(xl, sheet_name="missions", index=False)
    elif suffix == ".json":
        doc = {"disputes": _records(d)}
        if m is not None:
            doc["missions"] = _records(m)
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    elif suffix == ".parquet":
        d.to_parquet(path, index=False)
        if m is not None:
            mpath = Path(missions) if missions else _sibling(path)
            m.to_parquet(mpath, index=False)
            written.append(mpath)
    else:
        raise ValueError(
            f"Cannot write {suffix!r} files: use .csv, .tsv, .xlsx, .json or .parquet"
        )
    return written


def _sibling(path: Path) -> Path:
    return path.with_name(f"{path.stem}_missions{path.suffix}")


def _records(frame: pd.DataFrame) -> list[dict]:
    return json.loads(frame.to_json(orient="records", force_ascii=False))


def _for_file(
    frame: pd.DataFrame, canonical: dict[str, Any], suffix: str
) -> pd.DataFrame:
    out = frame.drop(columns=["primary_cause"], errors="ignore").copy()
    for name, dtype in canonical.items():
        if name not in out.columns:
            continue
        col = out[name]
        if pd.api.types.is_datetime64_any_dtype(col.dtype):
            out[name] = col.dt.strftime("%Y-%m-%d").astype(STRING_DTYPE)
        elif dtype == "boolean":
            out[name] = col.map({True: "true", False: "false"}).astype(STRING_DTYPE)
        elif isinstance(col.dtype, pd.CategoricalDtype):
            out[name] = col.astype(STRING_DTYPE)
    if suffix != ".parquet":
        for name in out.columns:
            if isinstance(out[name].dtype, pd.StringDtype) or out[name].dtype == object:
                out[name] = _defuse_formulas(out[name])
    return out


def _defuse_formulas(s: pd.Series) -> pd.Series:
    """Prefix cells a spreadsheet would run as a formula with an apostrophe."""
    text = s.astype(STRING_DTYPE)
    risky = text.str.match(r"^[=+\-@\t\r]|^'", na=False)
    # a number such as -12.5 is data, not a formula
    numeric = pd.to_numeric(text.where(risky), errors="coerce").notna()
    risky &= ~numeric
    if not risky.any():
        return s
    return text.mask(risky, "'" + text)
