"""Damaged files: read_history raises DisputeDataError, never anything else.

Random bytes and randomly damaged CSV exports, in every format the reader
knows. ``derandomize`` keeps the examples the same from run to run, so CI
never turns red on a new random draw; run with a ``--hypothesis-seed`` to
explore further.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import conflictkit as ck
from conflictkit import model

SUFFIXES = [".csv", ".tsv", ".txt", ".json", ".xlsx", ".parquet"]
CLEAN = (
    "dispute_id,client,opened_at,resolved_at,causes,outcome,amount_at_stake\n"
    'D1,Acme,2024-01-05,2024-01-20,payment,amiable,"1 500,00 €"\n'
    "D2,Acme,07/03/2024,,scope;tone,,800\n"
    'D3,"Dupré, SA",7 avril 2024,2024-05-01,délais,compromis,12.5\n'
).encode()
NASTY = list(b"\",;\t\n\r\x00\xff\xe9='|") + [ord("a"), ord("1")]


@st.composite
def damaged(draw):
    data = bytearray(CLEAN)
    for _ in range(draw(st.integers(1, 12))):
        pos = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["set", "insert", "delete"]))
        byte = draw(st.sampled_from(NASTY))
        if action == "set":
            data[pos] = byte
        elif action == "insert":
            data.insert(pos, byte)
        else:
            del data[pos]
    return bytes(data)


def read(data: bytes, suffix: str, errors: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"log{suffix}"
        path.write_bytes(data)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ck.ConflictkitWarning)
            try:
                history = ck.read_history(path, errors=errors)
            except ck.DisputeDataError as err:
                message = str(err)
                history = None
    if history is None:
        assert message  # a message that says what is wrong
        return
    assert isinstance(history, ck.History)


FUZZ = settings(
    max_examples=40,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.mark.parametrize("suffix", SUFFIXES)
@FUZZ
@given(data=st.binary(max_size=300))
def test_random_bytes_raise_only_dispute_data_errors(suffix, data):
    read(data, suffix, "raise")


@pytest.mark.parametrize("errors", ["raise", "collect"])
@FUZZ
@given(data=damaged())
def test_damaged_exports_raise_only_dispute_data_errors(errors, data):
    read(data, ".csv", errors)


ODD_VALUES = [
    None, float("nan"), pd.NaT, "", " ", "abc", 1, 2.5, -3, True, False,
    "2024-01-01", "07/04/2021", dt.date(2024, 1, 1), dt.datetime(2024, 1, 1, 5),
    pd.Timestamp("2024-01-01", tz="Europe/Paris"), "payment;tone", ["scope"],
    ("x",), "1 500,00 €", "oui", "amiable", "low", 10**20, float("inf"), "é" * 50,
]  # fmt: skip
DISPUTE_COLUMNS = list(model.DISPUTE_COLUMNS)
MISSION_COLUMNS = list(model.MISSION_COLUMNS)


@st.composite
def odd_frames(draw, columns, required):
    n = draw(st.integers(0, 4))
    chosen = draw(st.lists(st.sampled_from(columns), min_size=1, unique=True))
    if draw(st.booleans()):
        chosen = list(dict.fromkeys([*required, *chosen]))
    return pd.DataFrame(
        {c: draw(st.lists(st.sampled_from(ODD_VALUES), min_size=n, max_size=n))
         for c in chosen}
    )  # fmt: skip


@pytest.mark.parametrize("errors", ["raise", "collect"])
@FUZZ
@given(
    disputes=odd_frames(DISPUTE_COLUMNS, ["client", "opened_at"]),
    missions=st.none() | odd_frames(MISSION_COLUMNS, ["mission_id", "client",
                                                      "started_at"]),
)  # fmt: skip
def test_frames_of_odd_values_raise_only_dispute_data_errors(
    errors, disputes, missions
):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ck.ConflictkitWarning)
        try:
            history = ck.History.from_frames(disputes, missions, errors=errors)
        except ck.DisputeDataError:
            return
    n_rejected = 0 if history.rejected is None else len(history.rejected)
    assert len(history.disputes) + n_rejected == len(disputes)


def test_tz_aware_dates_keep_their_local_date():
    paris = pd.Timestamp("2024-01-01 00:30", tz="Europe/Paris")  # 2023-12-31 UTC
    objects = ck.History.from_frames(
        pd.DataFrame({"client": ["A"], "opened_at": pd.Series([paris], dtype=object)})
    )
    typed = ck.History.from_frames(
        pd.DataFrame({"client": ["A"], "opened_at": [paris]})
    )
    assert objects.disputes["opened_at"].dt.date.tolist() == [dt.date(2024, 1, 1)]
    assert typed.disputes["opened_at"].dt.date.tolist() == [dt.date(2024, 1, 1)]
