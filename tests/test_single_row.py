"""The journal's pure-Python reading of one row, pinned to the full validator.

``conflictkit.io._single`` reads a row the journal logs (``add``, ``resolve``,
``edit``) without pandas, and answers only when it is sure; the full validator
(``History.from_frames``, through ``journal._journal._checked_dispute``)
decides every other row and writes every problem text. These tests hold the
two together: random messy rows are accepted by the fast reading only if the
full validator accepts them, with the same stored values; the values people
type are accepted by the fast reading; and ``conflictkit add`` loads no heavy
library.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import conflictkit as ck
from conflictkit._labels import Contract, Outcome, Severity
from conflictkit.io import _causes as C
from conflictkit.io import _checks, _single
from conflictkit.io import _parse as P
from conflictkit.io.vocabulary import CONTRACTS, OUTCOMES, SEVERITIES
from conflictkit.journal import _journal, _store
from conflictkit.model import DISPUTE_COLUMNS, MISSION_COLUMNS

TODAY = dt.date.today()
HEAVY = ("pandas", "numpy", "pyarrow", "scipy", "matplotlib", "sklearn")


def _full(row, mission):
    """The full validator's answer: stored values, or the problem text."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return _journal._checked_dispute(row, mission, "new dispute")
        except ck.DisputeDataError as err:
            return str(err)


def _same_as_full(row, mission=None):
    fast = _single.dispute_values(row, mission, TODAY)
    full = _full(row, mission)
    if fast is not None:
        assert full == fast, (row, mission)
    return fast, full


# ------------------------------------------------------------ the same rules
def test_the_patterns_are_the_readers():
    for name in ("_QUOTED", "_CURRENCY", "_SPACES"):
        assert getattr(_single, name).pattern == getattr(P, name).pattern, name
    for name in ("_TIME_ZONE", "_NUMERIC_DATE", "_DAY_MONTH_YEAR", "_MONTH_DAY_YEAR"):
        assert getattr(_single, name) == getattr(P, name), name
    assert _single._PLACEHOLDER_CELLS == set(P._PLACEHOLDER_CELLS)
    assert _single._PLACEHOLDER_KEYS == P._PLACEHOLDER_KEYS
    assert _single._EARLIEST == _checks.EARLIEST.date()


def test_the_vocabulary_is_the_readers():
    for enum, vocab in ((Severity, SEVERITIES), (Outcome, OUTCOMES),
                        (Contract, CONTRACTS)):  # fmt: skip
        full = C._label_vocabulary(enum, tuple(vocab.items()))
        assert _single._labels(enum).exact == full.exact
    assert _single._cause_words().exact == C._cause_vocabulary(None).exact


def test_the_stored_columns_are_the_models():
    sql = {"float64": "REAL", "Int64": "INTEGER", "boolean": "INTEGER"}
    expect = {c: sql.get(str(t), "TEXT") for c, t in DISPUTE_COLUMNS.items()
              if c != "primary_cause"}  # fmt: skip
    assert _store._SQL_TYPES == expect
    assert list(_store._SQL_TYPES) == list(expect)
    assert _store._MISSION_TYPES == {
        c: sql.get(str(t), "TEXT") for c, t in MISSION_COLUMNS.items()
    }
    both = {**DISPUTE_COLUMNS, **MISSION_COLUMNS}
    assert {c for c, t in both.items() if t == "boolean"} == _store._BOOL


# ------------------------------------------------------------ random rows
def _day(offset: int) -> dt.date:
    return TODAY + dt.timedelta(days=offset)


_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%y", "%d-%m-%Y",
                 "%Y%m%d", "%d %B %Y", "%B %d %Y", "%Y-%m")  # fmt: skip
dates = st.one_of(
    st.sampled_from([
        None, "", "N/A", "-", "2024-02-25", "25/02/2024", "02/25/2024",
        "03/04/2024", "04/04/2024", "7 avril 2024", "1er mars 2024",
        "7 février 2024", "April 7 2024", "hier", "31/02/2024", "2024-2-5",
        "20240225", "2024-02", "12-02-24", "05.03.24", "1969-12-31", "1970-01-01",
        "2024-02-25T10:00", "2024-02-25Z", "2024-02-25+01:00", '"2024-02-25"',
        " 2024-02-25 ", "2024", "44123", "25/02/2024 ", "13/13/2024",
        "٢٠٢٤-٠٢-٢٥", _day(0).isoformat(), _day(1).isoformat(),
        _day(-1).strftime("%d/%m/%Y"), _day(1).strftime("%d/%m/%Y"),
    ]),
    st.dates(min_value=dt.date(1960, 1, 1), max_value=_day(3)),
    st.tuples(
        st.dates(min_value=dt.date(1965, 1, 1), max_value=_day(3)),
        st.sampled_from(_DATE_FORMATS),
    ).map(lambda d: d[0].strftime(d[1])),
    st.datetimes(min_value=dt.datetime(1969, 12, 1), max_value=dt.datetime(2030, 1, 1)),
    st.text(alphabet="0123456789/-. ", max_size=11),
)  # fmt: skip
texts = st.one_of(
    st.sampled_from([
        None, "", "  ", "Acme", " Acme ", '"Acme"', "«Nova»", "'x'", "N/A", "n/a",
        "N/a", "-", "...", "Total", "Saphir Conseil", "NaN", "inconnu", 123, True,
    ]),
    st.text(max_size=6),
)  # fmt: skip
causes = st.one_of(
    st.sampled_from([
        None, "", "payment", "facture impayée", "retard de paiement", "scope;tone",
        "hors périmètre", "scoop", "paiment", "délais, ton", "N/A", "autre",
        "payment;;tone", "une cause inconnue", '"scope"', "payment / scope",
        "Retard de paiement client", "délais;délais", "ton|confiance", "-", 5,
    ]),
    st.text(max_size=12),
)  # fmt: skip
labels = st.sampled_from([
    None, "", "high", "élevée", "Haute", "critique", "low", "moyenne", "x",
    "amicable", "à l'amiable", "compromis", "en cours", "gagné", "abandon",
    "mediation", "médiation", "tribunal", "court", "proposal", "N/A", "hight",
])  # fmt: skip
booleans = st.sampled_from(
    [None, True, False, "oui", "non", "yes", "x", "1", "0", "peut-être", 1, 0, 2,
     "N/A", "Vrai", " non ", 1.0]
)  # fmt: skip
amounts = st.one_of(
    st.sampled_from([
        None, "", "1 234,50 €", "1234.50", "1,234.50", "€1500", "1.234,50", "12",
        "-5", "abc", "N/A", 1500, 12.5, -3.0, float("nan"), float("inf"), "1e3",
        "1 500", "0", "3,5", "1500 € HT", "12.345", True, "1\u202f234,5 €",
        "1\u2009234.5", "0.1", "00012", "12.3456", "inf", "nan", "+5", "'12'",
    ]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(2**60), max_value=2**60),
    st.text(alphabet="0123456789 ,.€$-", max_size=10),
)  # fmt: skip
options = st.sampled_from(
    [None, 0, 2, "3", "2.5", -1, "deux", 3.0, "N/A", 2.5, "1 000", 2**60]
)
notes = st.one_of(
    st.sampled_from([None, "", "  ", "called them", " spaced ", "N/A", '"N/A"',
                     "n/a", "line\nbreak"]),
    st.text(max_size=10),
)  # fmt: skip
missions = st.one_of(
    st.none(),
    st.fixed_dictionaries({
        "mission_id": st.sampled_from(["M-01", "m-01", " M-02"]),
        "client": st.sampled_from(["Acme", "Acme", "Nova", " Acme", "N/A"]),
        "started_at": st.sampled_from(
            ["2024-01-01", "2023-06-01", "2025-13-01", "01/02/2024", "1960-01-01",
             "2022-03-04"]
        ),
        "ended_at": st.sampled_from([None, "2024-06-30", "2023-01-01"]),
        "days": st.sampled_from([None, 12.0, -1.0]),
        "daily_rate": st.sampled_from([None, 500.0, 0.0, "abc"]),
        "contract": st.sampled_from([None, "fixed_price", "forfait", "nope"]),
        "via_intermediary": st.sampled_from([None, 0, 1, 2]),
        "written_scope": st.sampled_from([None, 0, 1]),
        "checkin_every_days": st.sampled_from([None, 7.0]),
        "meeting_minutes": st.sampled_from([None, 1]),
    }),
)  # fmt: skip


past = st.dates(min_value=dt.date(1970, 1, 1), max_value=TODAY)
#: Values the full validator accepts, in the spellings people use.
VALID = {
    "dispute_id": st.sampled_from(["D-0000", "d-0001", " X1 ", "Q-7"]),
    "client": st.sampled_from(
        ["Acme", " Acme ", '"Acme"', "Saphir Conseil", "«Nova»", 123, "N/a", "Été"]
    ),
    "opened_at": st.one_of(
        past.map(dt.date.isoformat),
        past,
        st.tuples(
            past,
            st.sampled_from(
                ["%d/%m/%Y", "%d %B %Y", "%B %d %Y", "%d.%m.%Y", "%d/%m/%y"]
            ),
        ).map(lambda d: d[0].strftime(d[1])),
        st.sampled_from(
            [
                "7 avril 2024",
                "1er mars 2024",
                "7 février 2024",
                "25/02/2024",
                "2024-02-25",
                '"2024-02-25"',
            ]
        ),
    ),  # fmt: skip
    "resolved_at": st.sampled_from([None, None, "", "N/A", TODAY.isoformat()]),
    "causes": st.sampled_from(
        [
            None,
            "",
            "payment",
            "facture impayée",
            "retard de paiement",
            "scope;tone",
            "hors périmètre",
            "délais, ton",
            "N/A",
            "autre",
            "payment;;tone",
            '"scope"',
            "payment / scope",
            "Retard de paiement client",
            "ton|confiance",
        ]
    ),
    "severity": st.sampled_from(
        [None, "", "high", "élevée", "critique", "low", "moyenne", "N/A"]
    ),
    "escalation": st.sampled_from(
        [None, "mediation", "médiation", "tribunal", "dialogue", "proposal"]
    ),
    "outcome": st.sampled_from(
        [None, "amicable", "à l'amiable", "compromis", "en cours", "abandoned"]
    ),
    "client_retained": st.sampled_from(
        [None, True, False, "oui", "non", "x", "1", 0, 1, " non ", "N/A", "Vrai"]
    ),
    "amount_at_stake": st.one_of(
        st.sampled_from(
            [
                None,
                "",
                "1 234,50 €",
                "1234.50",
                "1,234.50",
                "€1500",
                "1.234,50",
                "12",
                "N/A",
                1500,
                12.5,
                "1 500",
                "0",
                "3,5",
                "1500 € HT",
                "12.345",
                "1\u202f234,5 €",
                "0.1",
                "00012",
                "'12'",
                float("nan"),
                "nan",
            ]
        ),
        st.floats(min_value=0, max_value=1e9),
        st.integers(min_value=0, max_value=10**9),
        st.decimals(min_value=0, max_value=10**6, places=2).map(str),
        st.decimals(min_value=0, max_value=10**6, places=2).map(
            lambda d: f"{d:,.2f}".replace(",", " ").replace(".", ",") + " €"
        ),
    ),  # fmt: skip
    "amount_recovered": st.sampled_from([None, "300", "1 000,00", 0.0]),
    "options_proposed": st.sampled_from([None, 0, 2, "3", 3.0, "N/A"]),
    "followup_sent": st.sampled_from([None, True, "oui", "no", "0"]),
    "notes": notes,  # any note is valid
}
#: Anything, valid or not.
MESSY = {
    "dispute_id": st.sampled_from(["", None, "N/A", '"Q"', "-"]),
    "client": texts,
    "opened_at": dates,
    "resolved_at": dates,
    "causes": causes,
    "severity": labels,
    "escalation": labels,
    "outcome": labels,
    "client_retained": booleans,
    "amount_at_stake": amounts,
    "amount_recovered": amounts,
    "options_proposed": options,
    "followup_sent": booleans,
    "notes": notes,
}


@st.composite
def rows(draw):
    """A row with a few messy values (often none), the rest valid."""
    messy = draw(st.sets(st.sampled_from(sorted(MESSY)), max_size=3))
    row = {c: draw((MESSY if c in messy else VALID)[c]) for c in VALID}
    row["mission_id"] = None
    mission = draw(missions)
    link = draw(st.sampled_from(["none", "mission", "mission", "unknown"]))
    if mission is not None and link != "none":
        row["mission_id"] = mission["mission_id"]  # as Journal._checked does
        if draw(st.booleans()):
            row["client"] = mission["client"]
    elif link == "unknown":
        row["mission_id"] = draw(st.sampled_from(["M-404", "N/A", '"M-01"']))
    return row, mission


_TYPICAL = {
    "dispute_id": "D-0000", "client": "Acme", "mission_id": None,
    "opened_at": "2024-02-25", "resolved_at": None, "causes": "payment",
    "severity": None, "escalation": None, "outcome": None,
    "client_retained": None, "amount_at_stake": None, "amount_recovered": None,
    "options_proposed": None, "followup_sent": None, "notes": None,
}  # fmt: skip
_MISSION = {
    "mission_id": "M-01", "client": "Acme", "started_at": "2024-01-01",
    "ended_at": None, "days": None, "daily_rate": 500.0, "contract": "fixed_price",
    "via_intermediary": 0, "written_scope": 1, "checkin_every_days": None,
    "meeting_minutes": None,
}  # fmt: skip


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(rows())
@example(({**_TYPICAL, "opened_at": "7 avril 2024", "causes": "délais, ton"}, None))
@example(({**_TYPICAL, "amount_at_stake": "1 234,50 €"}, None))
@example(({**_TYPICAL, "opened_at": "03/04/2024", "resolved_at": "25/04/2024"}, None))
@example(({**_TYPICAL, "opened_at": _day(1).isoformat()}, None))
@example(({**_TYPICAL, "mission_id": "M-01", "client": "Nova"}, _MISSION))
@example(({**_TYPICAL, "mission_id": "N/A"}, None))
@example(({**_TYPICAL, "notes": "x"}, {**_MISSION, "days": -1.0}))
def test_fast_reading_accepts_only_what_the_validator_accepts(case):
    row, mission = case
    _same_as_full(row, mission)


# ------------------------------------------------------------ what people type
@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"client": " Saphir Conseil ", "causes": "facture impayée"},
        {"opened_at": "25/02/2024", "causes": "Retard de paiement; ton"},
        {"opened_at": "7 avril 2024", "causes": "hors périmètre"},
        {"opened_at": dt.date(2024, 2, 25), "causes": ["scope", "tone"]},
        {"opened_at": _day(0).isoformat(), "causes": None},
        {"amount_at_stake": "1 234,50 €", "amount_recovered": "€1,200.00"},
        {"amount_at_stake": 1500, "options_proposed": 2, "notes": "  as typed "},
        {"severity": "élevée", "escalation": "médiation", "outcome": "compromis",
         "resolved_at": "2024-03-20", "client_retained": "oui", "followup_sent": 1},
        {"outcome": "en cours", "notes": "N/A", "client": '"Acme"'},
        {"mission_id": "M-01", "opened_at": "2024-02-01"},
    ],
)  # fmt: skip
def test_what_people_type_takes_the_fast_reading(changes):
    row = {**_TYPICAL, **changes}
    if isinstance(row["causes"], list):
        row["causes"] = ";".join(row["causes"])  # as Journal.add joins them
    fast, full = _same_as_full(row, _MISSION if row["mission_id"] else None)
    assert fast is not None, full


@pytest.mark.parametrize(
    ("changes", "column", "value", "reason"),
    [
        ({"causes": "scoop"}, "causes", "scoop", "is not a cause"),
        ({"opened_at": "31/02/2024"}, "opened_at", "31/02/2024", "is not a date"),
        ({"severity": "hight"}, "severity", "hight", "is not a severity"),
        # a week ahead, not tomorrow: the cases are built when the tests are
        # collected, and a run that crosses midnight made tomorrow today
        ({"opened_at": _day(7).isoformat()}, "opened_at", _day(7).isoformat(),
         "is after today"),
    ],
)  # fmt: skip
def test_an_invalid_row_is_explained_by_the_full_validator(
    changes, column, value, reason
):
    row = {**_TYPICAL, **changes}
    fast, full = _same_as_full(row)
    assert fast is None
    assert f"column '{column}'" in full
    assert value in full
    assert reason in full


def test_an_unknown_mission_is_the_only_problem_reported():
    # the stand-in mission it is checked against was itself reported as
    # having an empty client (a placeholder), and "N/A" as a mission was refused
    _, full = _same_as_full({**_TYPICAL, "mission_id": "M-404"})
    assert full.splitlines() == [
        "1 problem in 'new dispute'",
        "  column 'mission_id': no mission with this id in the missions table",
    ]
    fast, full = _same_as_full({**_TYPICAL, "mission_id": "N/A"})
    assert fast is not None
    assert fast["mission_id"] is None


# ------------------------------------------------------------ no heavy import
def _conflictkit(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "CONFLICTKIT_JOURNAL": str(tmp_path / "j.sqlite"),
           "LANG": "C.UTF-8"}  # fmt: skip
    env.pop("LC_ALL", None)
    return subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "conflictkit", *argv],
        capture_output=True, text=True, env=env, cwd=tmp_path,
    )  # fmt: skip


def _imported(run: subprocess.CompletedProcess) -> set[str]:
    names = set()
    for line in run.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return names


def test_add_resolve_and_edit_load_no_heavy_library(tmp_path):
    # the journal exists, with a mission the dispute refers to
    ck.Journal(tmp_path / "j.sqlite").add_mission(
        "M-01", client="Acme", started_at="2024-01-08"
    )
    for argv in (
        ("add", "Acme", "--opened-at", "25/02/2024", "--cause", "facture impayée",
         "--amount", "1 234,50 €", "--mission", "m-01", "--severity", "élevée"),
        ("resolve", "d-0001", "--outcome", "compromis", "--resolved-at", "hier",
         "--retained", "oui"),
        ("edit", "D-0001", "--notes", "called them", "--cause", "payment",
         "--cause", "tone"),
    ):  # fmt: skip
        run = _conflictkit(tmp_path, *argv)
        assert run.returncode == 0, run.stderr[-2000:]
        imported = _imported(run)
        assert "conflictkit" in imported  # -X importtime did report
        assert not imported.intersection(HEAVY), (argv, imported & set(HEAVY))
    listed = ck.Journal(tmp_path / "j.sqlite").list()
    assert listed[["client", "causes", "outcome", "notes"]].iloc[0].tolist() == [
        "Acme", "payment;tone", "compromise", "called them"]  # fmt: skip
    assert listed["amount_at_stake"].iloc[0] == 1234.5


def test_an_invalid_add_still_names_row_column_value_and_reason(tmp_path):
    run = _conflictkit(tmp_path, "add", "Acme", "--cause", "scoop", "--amount", "x")
    assert run.returncode == 1
    err = "\n".join(
        line for line in run.stderr.splitlines() if not line.startswith("import time")
    )
    assert "2 problems in 'new dispute'" in err
    assert "column 'causes': 'scoop' is not a cause" in err
    assert "did you mean 'scope'" in err
    assert "column 'amount_at_stake': 'x' is not an amount" in err
