"""The checks of a chunked read that need the whole table, run with DuckDB.

Each chunk is checked on its own by :mod:`._chunks`; what spans chunks is
checked here on every row's id, client and row number, with the messages of
:mod:`._checks` and :mod:`._validate`: an id used by an earlier row (rejected
rows included, as in memory), a dispute whose mission is unknown, belongs to
another client or was rejected. The rows that fail are moved from the typed
rows to the rejected ones; the others make the final Parquet files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import READ_FAILURE_COLUMNS

__all__ = ["MEMORY_LIMIT", "connect", "cross_checks"]


#: DuckDB's memory for a query; beyond it, it spills to the work folder.
MEMORY_LIMIT = "1GB"


def connect(duckdb: Any, work: Path) -> Any:
    """A DuckDB connection held to :data:`MEMORY_LIMIT`, spilling to ``work``."""
    con = duckdb.connect()
    spill = work / "spill"
    spill.mkdir(exist_ok=True)
    con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    con.execute(f"SET temp_directory = {_sql_path(spill)}")
    # rows are put back in order by (file, row) where order matters
    con.execute("SET preserve_insertion_order = false")
    return con


def _sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _duplicates(con: Any, ids: Path, message: str) -> pd.DataFrame:
    """Kept rows whose id an earlier row (kept or not) already had."""
    first = (
        "'duplicated: the same id is in row ' || first_row::VARCHAR"
        if message == "dispute"
        else "'duplicated mission id'"
    )
    return (
        con.sql(
            f"""
        WITH ids AS (
            SELECT * FROM read_parquet({_sql_path(ids)}) WHERE id IS NOT NULL
        ), twice AS (
            SELECT id FROM ids GROUP BY id HAVING count(*) > 1
        ), ranked AS (  -- the window runs on the few ids used twice only
            SELECT *, first_value(row) OVER w AS first_row,
                      row_number() OVER w AS k
            FROM ids SEMI JOIN twice USING (id)
            WINDOW w AS (PARTITION BY id ORDER BY file, row)
        )
        SELECT file, row, id, {first} AS problem, id AS value
        FROM ranked WHERE k > 1 AND kept
        """
        )
        .to_arrow_table()
        .to_pandas()
    )


def _links(con: Any, d_typed: Path, m_ids: Path, bad_m: pd.DataFrame) -> pd.DataFrame:
    """Kept disputes whose mission is unknown, another client's, or rejected."""
    con.register("bad_missions", bad_m)
    return (
        con.sql(
            f"""
        WITH m AS (
            SELECT id, arg_min(client, (file, row)) AS client
            FROM read_parquet({_sql_path(m_ids)}) WHERE id IS NOT NULL GROUP BY id
        ), bad AS (
            SELECT id, arg_min(row, (file, row)) AS row
            FROM bad_missions GROUP BY id
        ), d AS (
            SELECT file, row, dispute_id, client, mission_id
            FROM read_parquet({_sql_path(d_typed)}) WHERE mission_id IS NOT NULL
        )
        SELECT d.file, d.row, d.dispute_id AS id, d.mission_id AS value,
               'no mission with this id in the missions table' AS problem
        FROM d ANTI JOIN m ON d.mission_id = m.id
        UNION ALL
        SELECT d.file, d.row, d.dispute_id, d.mission_id,
               'belongs to client ' || '''' || m.client || ''', not to this '
               || 'dispute''s client ''' || d.client || ''''
        FROM d JOIN m ON d.mission_id = m.id
        WHERE m.client IS NOT NULL AND d.client IS NOT NULL AND m.client <> d.client
        UNION ALL
        SELECT d.file, d.row, d.dispute_id, d.mission_id,
               'refers to a mission rejected in missions row ' || bad.row::VARCHAR
        FROM d JOIN bad ON d.mission_id = bad.id
        """
        )
        .to_arrow_table()
        .to_pandas()
    )


def _move(
    con: Any, table: Any, failures: pd.DataFrame, side: Path | None, final: Path
) -> pd.DataFrame | None:
    """Write the final typed rows; report the failing ones and send them to ``side``.

    ``failures`` has ``file``, ``row``, ``id``, ``column``, ``value`` and
    ``problem``, one row per problem.
    """
    failures = failures.sort_values(["file", "row"], kind="stable")
    con.register("failing", failures[["file", "row"]].drop_duplicates())
    typed = f"read_parquet({_sql_path(table.typed)})"
    con.execute(
        f"COPY (SELECT * FROM {typed} ANTI JOIN failing USING (file, row)) "
        f"TO {_sql_path(final)} (FORMAT parquet)"
    )
    if not len(failures):
        return None
    bad = (
        con.sql(
            f"SELECT * FROM {typed} SEMI JOIN failing USING (file, row) "
            "ORDER BY file, row"
        )
        .to_arrow_table()
        .to_pandas()
    )
    found = table.state.found or {}
    table.n_rejected += len(bad)
    report = pd.DataFrame(
        {
            "table": table.name,
            "row": failures["row"].to_numpy(),
            "dispute_id": failures["id"].to_numpy(dtype=object)
            if table.name == "disputes"
            else pd.NA,
            "column": failures["column"].to_numpy(),
            "value": failures["value"].astype("string").to_numpy(dtype=object),
            "problem": failures["problem"].to_numpy(),
            "header": [found.get(c, c) for c in failures["column"]],
        },
        columns=READ_FAILURE_COLUMNS,
    )
    if side is not None:
        texts = (
            failures.assign(
                text="column " + failures["column"] + ": " + failures["problem"]
            )
            .groupby(["file", "row"], sort=True)["text"]
            .agg("; ".join)
        )
        by_header = {v: k for k, v in found.items()}
        out = pd.DataFrame(
            {
                "file": [str(table.files[i]) for i in bad["file"]],
                "row": bad["row"].to_numpy(),
                "problems": texts.reindex(
                    pd.MultiIndex.from_arrays([bad["file"], bad["row"]])
                ).to_numpy(),
            }
        )
        for h in table.headers:
            name = by_header.get(h, h)
            out[h] = (
                bad[name].astype("string").to_numpy(dtype=object)
                if name in bad.columns
                else None
            )
        out.to_csv(side, mode="a", header=not side.exists(), index=False)
    return report


def cross_checks(
    duckdb: Any,
    work: Path,
    d_table: Any,
    m_table: Any | None,
    side: Path | None,
    m_side: Path | None,
) -> pd.DataFrame | None:
    """Run the checks across chunks; write ``disputes.parquet`` (and missions)."""
    con = connect(duckdb, work)
    reports = []
    try:
        bad_m = None
        if m_table is not None:
            m_dup = _duplicates(con, m_table.ids, "mission").assign(column="mission_id")
            reports.append(
                _move(con, m_table, m_dup, m_side, work / "missions.parquet")
            )
            in_chunk = (
                con.sql(
                    f"SELECT id, row, file FROM read_parquet({_sql_path(m_table.ids)}) "
                    "WHERE NOT kept AND id IS NOT NULL"
                )
                .to_arrow_table()
                .to_pandas()
            )
            bad_m = pd.concat([in_chunk, m_dup[["id", "row", "file"]]])
            bad_m = bad_m.astype({"id": object, "row": "int64", "file": "int64"})
        parts = [_duplicates(con, d_table.ids, "dispute").assign(column="dispute_id")]
        if m_table is not None:
            links = _links(con, d_table.typed, m_table.ids, bad_m)
            parts.append(links.assign(column="mission_id"))
        failures = pd.concat(parts, ignore_index=True)
        reports.append(_move(con, d_table, failures, side, work / "disputes.parquet"))
    finally:
        con.close()
    found = [r for r in reports if r is not None and len(r)]
    return pd.concat(found, ignore_index=True) if found else None
