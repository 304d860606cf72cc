"""The same data read from CSV and from Parquet gives the same history.

Parquet files come two ways: text columns (as a spreadsheet export converted
to Parquet, or ``write_history``) and typed columns (dates, numbers and
booleans typed, as an engine writes them). Either way the frames, the
rejected rows with their problems and row numbers, and the counts read the
same as from the CSV file.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

import conflictkit as ck

DISPUTES = pd.DataFrame(
    {
        "dispute_id": ["D1", "D2", "D3", "D4", "D5", "D6", "D7", "D1", "D9"],
        "client": ["Acme", "Acme", " Orbis ", "Orbis", None, "N/A", "Acme", "Acme",
                   "Orbis"],
        "mission_id": ["M1", "M1", "M2", "M9", "M2", "M2", "M3", "M1", "M2"],
        "opened_at": ["2021-01-05", "25/04/2021", "2021-02-01", "2021-03-01",
                      "2021-03-02", "2021-03-03", "2021-03-04", "2021-03-05",
                      "1901-01-01"],
        "resolved_at": ["2021-01-20", None, "2021-01-01", None, None, None, "bad",
                        None, None],
        "causes": ["payment", "retard de paiement;ton", "scope", "zzz", None,
                   "trust", "délais", "tone", "scope"],
        "severity": ["low", "élevée", "medium", "high", "huge", None, "low", "low",
                     "low"],
        "outcome": ["amicable", None, "compromis", None, None, None, None, None,
                    None],
        "amount_at_stake": ["1500.5", "1 500,00 €", "-3", None, "12", "x", "0", "1",
                            "2"],
        "followup_sent": ["true", "oui", "non", None, "maybe", "x", "1", "0",
                          "false"],
        "Comment": ["a", None, "c", "d", "e", "f", "g", "h", "i"],
    }
)  # fmt: skip
MISSIONS = pd.DataFrame(
    {
        "mission_id": ["M1", "M2", "M3", "M3"],
        "client": ["Acme", "Orbis", "Acme", "Acme"],
        "started_at": ["2020-12-01", "2021-01-01", "2021-02-01", "2021-02-02"],
        "ended_at": ["2021-06-01", None, "2021-01-01", None],
        "daily_rate": ["500", "600", None, "700"],
        "written_scope": ["true", "false", None, "true"],
    }
)


def _read(path, mpath):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ck.ConflictkitWarning)  # rows rejected
        return ck.read_history(path, missions=mpath, errors="collect")


def _same(a: ck.History, b: ck.History, typed: bool = False) -> None:
    """Same frames; from a typed file the rejected cells keep their types, so
    only their rows and problems are compared."""
    tables = ["disputes", "causes", "missions"]
    if typed:
        for name in ("rejected", "rejected_missions"):
            left, right = getattr(a, name), getattr(b, name)
            assert (left is None) == (right is None), name
            if left is not None:
                pd.testing.assert_series_equal(left["problems"], right["problems"])
    else:
        tables += ["rejected", "rejected_missions"]
    for name in tables:
        left, right = getattr(a, name), getattr(b, name)
        assert (left is None) == (right is None), name
        if left is not None:
            pd.testing.assert_frame_equal(left, right, obj=name)
    assert a.as_of == b.as_of
    assert a.skipped == b.skipped
    assert a.unused_columns == b.unused_columns
    assert a.generated_ids == b.generated_ids


def test_text_parquet_reads_like_csv_with_its_rejected_rows(tmp_path):
    paths = {}
    for suffix in (".csv", ".parquet"):
        d, m = tmp_path / f"d{suffix}", tmp_path / f"m{suffix}"
        if suffix == ".csv":
            DISPUTES.to_csv(d, index=False)
            MISSIONS.to_csv(m, index=False)
        else:
            pq.write_table(pa.Table.from_pandas(DISPUTES, preserve_index=False), d)
            pq.write_table(pa.Table.from_pandas(MISSIONS, preserve_index=False), m)
        paths[suffix] = (d, m)
    from_csv, from_parquet = _read(*paths[".csv"]), _read(*paths[".parquet"])
    # something to compare: rows kept, rows rejected in both tables
    assert len(from_csv.disputes) >= 2
    assert from_csv.rejected.index.tolist() == [4, 5, 6, 7, 8, 9, 10]
    assert from_csv.rejected_missions.index.tolist() == [4, 5]
    _same(from_csv, from_parquet)


@pytest.mark.parametrize("n", [2_000])
def test_typed_parquet_reads_like_csv(tmp_path, n):
    rng = np.random.default_rng(3)
    day = np.datetime64("2015-01-01") + rng.integers(0, 3000, n)
    closed = rng.random(n) < 0.8
    resolved = pd.Series(day + rng.integers(0, 90, n)).where(closed)
    resolved[5] = day[5] - 3  # rejected: resolved before opened
    amount = np.where(rng.random(n) < 0.1, np.nan, rng.gamma(2, 500, n).round(2))
    amount[7] = -20.0  # rejected: below 0
    disputes = pa.table(
        {
            "dispute_id": [f"D{i}" for i in range(n)],
            "client": [f"client {i % 97}" for i in range(n)],
            "opened_at": pa.array(day.astype("datetime64[D]"), pa.date32()),
            "resolved_at": pa.array(
                resolved.to_numpy().astype("datetime64[D]"), pa.date32()
            ),
            "causes": rng.choice(["payment", "scope;tone", "trust"], n),
            "amount_at_stake": pa.array(amount, from_pandas=True),
            "followup_sent": pa.array(
                [None if i % 7 == 0 else bool(i % 2) for i in range(n)]
            ),
            "options_proposed": pa.array(
                [None if i % 5 == 0 else i % 4 for i in range(n)], pa.int64()
            ),
        }
    )
    pq.write_table(disputes, tmp_path / "d.parquet")
    pacsv.write_csv(disputes, tmp_path / "d.csv")
    from_csv = _read(tmp_path / "d.csv", None)
    from_parquet = _read(tmp_path / "d.parquet", None)
    assert len(from_csv.disputes) == n - 2
    assert from_csv.rejected.index.tolist() == [7, 9]
    _same(from_csv, from_parquet, typed=True)


def test_columns_read_as_codes_give_the_same_history(tmp_path, monkeypatch):
    """A large CSV keeps its repetitive columns as codes while it is read:
    the history, rejected rows (cells as read), skipped rows and where= are
    the same as when every column is read as text."""
    from conflictkit.io import _text

    n = 600
    rng = np.random.default_rng(5)
    frame = pd.DataFrame(
        {
            "dispute_id": [f"D{i}" for i in range(n)],
            "Client": rng.choice(["Acme", "Orbis", " Nova ", "N/A"], n),
            "opened_at": rng.choice(["2021-01-05", "07/04/2021", "bad", "-"], n),
            "causes": rng.choice(["payment", "'=tone", "zzz", "retard de paiement"], n),
            "severity": rng.choice(["low", "élevée", "huge", None], n),
            "Disputed": rng.choice(["Yes", "No"], n),
            "Team": rng.choice(["north", "south"], n),  # an extra column
        }
    )
    frame.loc[5, ["dispute_id", "Client", "opened_at"]] = [None, "TOTAL", None]
    path = tmp_path / "log.csv"
    frame.to_csv(path, index=False)

    def read():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ck.ConflictkitWarning)
            return ck.read_history(
                path, errors="collect", where="Disputed == 'Yes'", dayfirst=True
            )

    compact = read()
    monkeypatch.setattr(_text, "COMPACT_FROM", 10**9)
    as_text = read()
    assert len(compact.disputes) > 10
    assert len(compact.rejected) > 10
    assert compact.skipped["total rows"] == 1
    assert compact.rejected["opened_at"].dtype == as_text.rejected["opened_at"].dtype
    _same(compact, as_text)
