"""The aggregates the analyses need, asked of DuckDB for a :class:`ScanHistory`.

Each function here reduces the disputes on disk to a small table (counts per
group and cause, sums of outcome indicators, durations per group with their
counts, ...) and hands it to the analysis, which runs the same statistics as
on a history in memory. Group labels are rebuilt in memory with the dtypes of
``history.disputes`` and sorted by the same pandas calls, so the frames come
out the same.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd

from .._labels import AGREEMENT, CAUSE_DTYPE, Escalation, Outcome
from ..io._scan import ScanHistory
from ..model import DISPUTE_COLUMNS, STRING_DTYPE

__all__ = [
    "column_values",
    "dispute_columns",
    "is_scan",
    "quote",
    "sql_list",
]

_CAUSES = [str(c) for c in CAUSE_DTYPE.categories]
#: Cause citations per slice of clients when DuckDB computes gaps (a window).
GAP_ROWS = 4_000_000


def is_scan(history: object) -> bool:
    """Whether ``history`` is kept on disk (a :class:`ScanHistory`)."""
    return isinstance(history, ScanHistory)


def quote(name: str) -> str:
    """A column name as a SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def sql_list(values: list[str]) -> str:
    """``['a', 'b']`` as a SQL list literal."""
    return "[" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + "]"


def cause_code(column: str = "cause") -> str:
    """SQL: the position of a cause in :data:`CAUSE_DTYPE` (0-based, NULL if none)."""
    return f"(list_position({sql_list(_CAUSES)}, {column}) - 1)"


def dispute_columns(history: Any) -> list[str]:
    """The dispute columns, as ``history.disputes.columns`` would list them."""
    names = history.query("SELECT * FROM disputes LIMIT 0").columns
    return [c for c in names if c not in ("row", "file")]


def column_values(values: Any, name: str) -> pd.Series:
    """Values of a dispute column from DuckDB, with the in-memory dtype."""
    dtype = DISPUTE_COLUMNS.get(name, STRING_DTYPE)
    s = pd.Series(values)
    if isinstance(dtype, pd.CategoricalDtype):
        return s.astype(object).where(s.notna(), None).astype(dtype)
    if isinstance(dtype, np.dtype):
        return pd.to_datetime(s).astype(dtype)
    if str(dtype) == "category":
        return s.astype("category")
    return s.astype(dtype)


# ------------------------------------------------------------- cause counts
def cause_count_rows(
    history: Any, group: str | None, primary_only: bool
) -> pd.DataFrame:
    """Disputes per (group, cause code): columns ``g`` (if grouped), ``c``, ``n``."""
    source = "disputes" if primary_only else "causes"
    column = "primary_cause" if primary_only else "cause"
    g = "" if group is None else f"{group} AS g, "
    return history.query(
        f"SELECT {g}{cause_code(column)} AS c, count(*) AS n FROM {source} "
        f"WHERE {column} IS NOT NULL GROUP BY ALL"
    )


def n_unlabelled(history: Any) -> tuple[int, int]:
    """(disputes citing no cause, all disputes)."""
    row = history.query(
        "SELECT count(*) FILTER (WHERE primary_cause IS NULL) AS u, count(*) AS n "
        "FROM disputes"
    )
    return int(row["u"][0]), int(row["n"][0])


# ----------------------------------------------------------------- outcomes
def outcome_sums(history: Any) -> dict[str, np.ndarray]:
    """The sums ``outcomes_by_cause`` makes, per cause then for every dispute."""
    steps = [str(e) for e in Escalation]
    esc = f"(list_position({sql_list(steps)}, escalation) - 1)"
    both = (
        "resolved_at IS NOT NULL AND amount_at_stake IS NOT NULL "
        "AND amount_recovered IS NOT NULL"
    )
    agree = sql_list([str(o) for o in AGREEMENT])
    metrics = {
        "n_disputes": "count(*)",
        "n_resolved": "count(resolved_at)",
        "n_outcome_known": "count(outcome)",
        **{f"share_{o}": f"count(*) FILTER (WHERE outcome = '{o}')" for o in Outcome},
        "share_agreement": f"count(*) FILTER (WHERE list_contains({agree}, outcome))",
        "n_escalation_known": "count(escalation)",
        **{
            f"reached_{s}": f"count(*) FILTER (WHERE {esc} >= {i})"
            for i, s in enumerate(steps)
            if i > 0
        },
        "n_retention_known": "count(client_retained)",
        "retention": "count(*) FILTER (WHERE client_retained)",
        "amount_at_stake": "coalesce(sum(amount_at_stake), 0)",
        "amount_recovered": "coalesce(sum(amount_recovered), 0)",
        "_n_stake": "count(amount_at_stake)",
        "_n_recovered": "count(amount_recovered)",
        "_stake_both": f"coalesce(sum(amount_at_stake) FILTER (WHERE {both}), 0)",
        "_recovered_both": f"coalesce(sum(amount_recovered) FILTER (WHERE {both}), 0)",
    }
    select = ", ".join(f"{expr}::DOUBLE AS {quote(k)}" for k, expr in metrics.items())
    per = history.query(
        f"SELECT {cause_code()} AS c, {select} FROM causes GROUP BY ALL"
    )
    total = history.query(f"SELECT {select} FROM disputes")
    k = len(_CAUSES)
    at = per["c"].to_numpy(dtype=np.int64)
    out = {}
    for name in metrics:
        values = np.zeros(k + 1)
        values[at] = per[name].to_numpy(dtype=float)
        values[k] = float(total[name][0])
        out[name] = values
    return out


# -------------------------------------------------------------------- rates
def client_dispute_counts(history: Any) -> pd.Series:
    """Disputes per client (index: client names, with the in-memory dtype)."""
    t = history.query("SELECT client, count(*) AS n FROM disputes GROUP BY client")
    return pd.Series(
        t["n"].to_numpy(dtype=np.int64),
        index=pd.Index(column_values(t["client"], "client")),
        name="count",
    )


def mission_dispute_counts(history: Any) -> pd.DataFrame:
    """Disputes per ``mission_id`` (NULL: no mission named)."""
    return history.query(
        "SELECT mission_id, count(*) AS n FROM disputes GROUP BY mission_id"
    )


# ---------------------------------------------------------------- durations
#: Rows (a group's distinct durations with their counts) handed on at a time:
#: Kaplan-Meier runs on whole groups, a batch of them at a time, so memory
#: stays bounded however many clients x durations there are.
DURATION_ROWS = 1_000_000


def _duration_sql(history: Any, by: str | None) -> tuple[str, str]:
    """The CTE numbering the groups (``k``: ``g``, ``gid``) and the rows' query."""
    as_of = history.as_of
    end = (
        "resolved_at"
        if pd.isna(as_of)
        else f"coalesce(resolved_at, TIMESTAMP '{pd.Timestamp(as_of).isoformat()}')"
    )
    ns = f"(epoch_ns({end}) - epoch_ns(opened_at))"
    known = "(resolved_at IS NOT NULL OR outcome IS NULL)"
    g, source = {None: ("0", "disputes"), "cause": ("cause", "causes")}.get(
        by, (quote(by or ""), "disputes")
    )
    keys = (
        f"WITH k AS (SELECT g, (row_number() OVER (ORDER BY g)) - 1 AS gid "
        f"FROM (SELECT DISTINCT {g} AS g FROM {source}))"
    )
    # count first (an aggregate spills to disk), then number the groups
    rows = f"""{keys}, a AS (
        SELECT {g} AS g, {ns} AS ns, resolved_at IS NOT NULL AS resolved,
               count(*)::BIGINT AS n
        FROM {source} WHERE {known} GROUP BY ALL
    )
    SELECT k.gid::INTEGER AS gid, a.ns, a.resolved, a.n
    FROM a JOIN k ON a.g IS NOT DISTINCT FROM k.g
    ORDER BY gid, ns
    """
    return keys, rows


def duration_groups(history: Any, by: str | None) -> tuple[pd.Series, pd.Series | None]:
    """The value of each group number ``gid`` of :func:`duration_batches`, and
    the distinct values over every dispute (None for causes: labels then include
    groups whose disputes all have no known duration, as in memory)."""
    keys, _ = _duration_sql(history, by)
    con = history.connect()
    try:
        values = con.sql(f"{keys} SELECT gid, g FROM k ORDER BY gid").to_arrow_table()
    finally:
        con.close()
    g_values = values.column("g").to_pandas()
    return g_values, None if by == "cause" else g_values.dropna()


def _reader(relation: Any, batch_rows: int) -> Any:
    """The rows of a DuckDB relation as Arrow record batches, streamed."""
    stream = getattr(relation, "to_arrow_reader", None)  # DuckDB >= 1.4
    if stream is None:
        stream = relation.fetch_arrow_reader
    return stream(batch_rows)


def duration_batches(history: Any, by: str | None) -> Iterator[dict[str, np.ndarray]]:
    """Durations in ns per group with their counts, whole groups at a time.

    Yields arrays ``gid`` (the group's number, see :func:`duration_groups`),
    ``ns``, ``resolved`` and ``n``, sorted by ``gid`` then ``ns``, about
    :data:`DURATION_ROWS` rows at a time; a group is never split between
    batches. Groups travel as numbers: a client name per distinct duration
    would cost gigabytes, and DuckDB streams the sorted rows (spilling to
    disk) instead of handing them over at once.
    """
    _, sql = _duration_sql(history, by)
    names = {"gid": np.intp, "ns": np.int64, "resolved": bool, "n": np.int64}
    con = history.connect()
    try:
        carry: dict[str, np.ndarray] | None = None
        for batch in _reader(con.sql(sql), DURATION_ROWS):
            part = {
                name: np.asarray(
                    batch.column(name).to_numpy(zero_copy_only=False), dtype=dtype
                )
                for name, dtype in names.items()
            }
            if carry is not None:
                part = {k: np.concatenate((carry[k], v)) for k, v in part.items()}
            gid = part["gid"]
            if not gid.size:
                continue
            # the last group may go on in the next batch: hand on the others
            cut = int(np.searchsorted(gid, gid[-1]))
            if cut:
                yield {k: v[:cut] for k, v in part.items()}
            carry = {k: v[cut:] for k, v in part.items()}
        if carry is not None and carry["gid"].size:
            yield carry
    finally:
        con.close()


# ------------------------------------------------- clients x causes (recurring)
def client_cause_rows(history: Any) -> dict[str, pd.DataFrame]:
    """Per client: cause citations, labelled disputes, and what profiles need.

    ``cells``: ``client``, ``c`` (cause code), ``n``, ``n_primary`` (disputes
    citing it first) and ``gap`` (median days between consecutive disputes
    citing it, from whole seconds, as in memory); ``clients``: ``client``,
    ``n_disputes``, ``n_labelled``, ``n_open``, sums and counts of the
    amounts, and the latest ``opened_at``.
    """
    cells = history.query(
        f"""
        SELECT client, {cause_code()} AS c, count(*) AS n,
               count(*) FILTER (WHERE cause = primary_cause) AS n_primary
        FROM causes WHERE cause IS NOT NULL GROUP BY ALL
        """
    )
    # DuckDB's windows do not spill to disk: the gaps are taken a slice of
    # clients at a time, each slice well within the memory limit
    n_slices = max(1, -(-int(cells["n"].sum()) // GAP_ROWS))
    gaps = []
    for i in range(n_slices):
        gaps.append(
            history.query(
                f"""
                WITH c AS (
                    SELECT client, {cause_code()} AS c,
                           epoch_ns(opened_at) // 1000000000 AS secs
                    FROM causes
                    WHERE cause IS NOT NULL AND hash(client) % {n_slices} = {i}
                ), g AS (
                    SELECT client, c, secs - lag(secs) OVER (
                        PARTITION BY client, c ORDER BY secs) AS gap
                    FROM c
                )
                SELECT client, c, median(gap / 86400.0) AS gap
                FROM g GROUP BY client, c
                """
            )
        )
    cells = cells.merge(pd.concat(gaps), on=["client", "c"], how="left")
    clients = history.query(
        """
        SELECT client, count(*) AS n_disputes,
               count(primary_cause) AS n_labelled,
               count(*) FILTER (WHERE resolved_at IS NULL) AS n_open,
               sum(amount_at_stake) AS at_stake, count(amount_at_stake) AS n_stake,
               sum(amount_recovered) AS recovered,
               count(amount_recovered) AS n_recovered,
               max(opened_at) AS last_opened
        FROM disputes GROUP BY client
        """
    )
    return {"cells": cells, "clients": clients}


# ------------------------------------------------------------------- trends
def trend_rows(
    history: Any, unit: str, *, with_missions: bool
) -> tuple[pd.DataFrame, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Rows the trend analyses weigh, and their cause citations.

    Rows are disputes per period ``p`` (truncated to ``unit``), and with
    missions per client (``client``) and period of their mission's end
    ``lp`` (NaT: no mission named), counted in ``n``. Citations are (row,
    cause code, count). Clients travel as numbers, named once at the end.
    """
    if with_missions:
        as_of = pd.Timestamp(history.as_of)
        end = (
            "m.ended_at"
            if pd.isna(as_of)
            else f"coalesce(m.ended_at, TIMESTAMP '{as_of.isoformat()}')"
        )
        base = f"""
            WITH k AS (SELECT client, (row_number() OVER (ORDER BY client)) - 1
                              AS cid FROM (SELECT DISTINCT client FROM disputes)),
            b AS (
                SELECT k.cid, date_trunc('{unit}', d.opened_at) AS p,
                       CASE WHEN m.mission_id IS NOT NULL
                            THEN date_trunc('{unit}', {end}) END AS lp,
                       d.causes
                FROM disputes AS d JOIN k ON d.client IS NOT DISTINCT FROM k.client
                LEFT JOIN missions AS m ON d.mission_id = m.mission_id
            )"""
        keys = ["cid", "p", "lp"]
    else:
        base = f"WITH b AS (SELECT date_trunc('{unit}', opened_at) AS p, causes "
        base += "FROM disputes)"
        keys = ["p"]
    cols = ", ".join(keys)
    con = history.connect()
    try:
        rows = (
            con.sql(
                f"{base} SELECT {cols}, count(*) AS n FROM b GROUP BY ALL "
                f"ORDER BY {cols}"
            )
            .to_arrow_table()
            .to_pandas()
        )
        cited = (
            con.sql(
                f"""{base}
            SELECT {cols}, {cause_code("c")} AS c, count(*) AS n
            FROM (SELECT {cols}, unnest(string_split(causes, ';')) AS c
                  FROM b WHERE causes IS NOT NULL)
            GROUP BY ALL
            """
            )
            .to_arrow_table()
            .to_pandas()
        )
        names = None
        if with_missions:
            names = (
                con.sql(
                    "SELECT client FROM (SELECT DISTINCT client FROM disputes) "
                    "ORDER BY client"
                )
                .to_arrow_table()
                .to_pandas()["client"]
            )
    finally:
        con.close()
    row_of = pd.MultiIndex.from_frame(rows[keys]).get_indexer(
        pd.MultiIndex.from_frame(cited[keys])
    )
    citations = (
        np.asarray(row_of, dtype=np.intp),
        cited["c"].to_numpy(dtype=np.int64),
        cited["n"].to_numpy(dtype=np.int64),
    )
    if names is not None:
        clients = column_values(names, "client")
        rows["client"] = clients.take(rows["cid"].to_numpy()).reset_index(drop=True)
    return rows, citations
