"""write_history then read_history gives back the same history, in every format."""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import conflictkit as ck
from conflictkit import Cause, Contract, Escalation, History, Outcome, Severity
from conflictkit.io._encoding import mojibake
from conflictkit.io._parse import is_placeholder, unquote

FORMATS = [".csv", ".tsv", ".xlsx", ".json", ".parquet"]

text = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="\r"
    ),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() == s and s != "")
# By design (issue 10): text that reads as encoded twice ("Ã©") is refused,
# a placeholder ("N/A", "-") is a missing value, quotes around a value go.
text = text.filter(
    lambda s: (
        mojibake(s, certain=True) is None and not is_placeholder(s) and unquote(s) == s
    )
)
dates = st.dates(min_value=pd.Timestamp("2000-01-01").date(),
                 max_value=pd.Timestamp("2030-12-31").date())  # fmt: skip
causes = st.lists(st.sampled_from(list(Cause)), min_size=0, max_size=3, unique=True)
maybe = st.one_of


@st.composite
def histories(draw):
    n_missions = draw(st.integers(1, 4))
    clients = draw(st.lists(text, min_size=1, max_size=3, unique=True))
    missions = []
    for i in range(n_missions):
        start = draw(dates)
        missions.append(
            {
                "mission_id": f"M{i}",
                "client": draw(st.sampled_from(clients)),
                "started_at": start.isoformat(),
                "ended_at": draw(maybe(st.none(), st.just(start.isoformat()))),
                "days": draw(maybe(st.none(), st.floats(0, 500).map(round))),
                "contract": draw(maybe(st.none(), st.sampled_from(list(Contract)))),
                "written_scope": draw(maybe(st.none(), st.booleans())),
                "checkin_every_days": draw(maybe(st.none(), st.sampled_from([7, 14]))),
            }
        )
    disputes = []
    for i in range(draw(st.integers(1, 6))):
        m = draw(st.sampled_from(missions))
        opened = draw(dates)
        resolved = draw(maybe(st.none(), st.just(opened)))
        disputes.append(
            {
                "dispute_id": draw(text) + f"#{i}",
                "client": m["client"],
                "mission_id": m["mission_id"],
                "opened_at": opened.isoformat(),
                "resolved_at": None if resolved is None else resolved.isoformat(),
                "causes": ";".join(draw(causes)) or None,
                "severity": draw(maybe(st.none(), st.sampled_from(list(Severity)))),
                "escalation": draw(maybe(st.none(), st.sampled_from(list(Escalation)))),
                "outcome": None
                if resolved is None
                else draw(maybe(st.none(), st.sampled_from(list(Outcome)))),
                "amount_at_stake": draw(
                    maybe(st.none(), st.floats(0, 1e6).map(lambda x: round(x, 2)))
                ),
                "options_proposed": draw(maybe(st.none(), st.integers(0, 5))),
                "followup_sent": draw(maybe(st.none(), st.booleans())),
                "notes": draw(maybe(st.none(), text)),
            }
        )
    return History.from_frames(
        pd.DataFrame(disputes), pd.DataFrame(missions), as_of="2031-01-01"
    )


def assert_same(a: History, b: History) -> None:
    pd.testing.assert_frame_equal(a.disputes, b.disputes)
    pd.testing.assert_frame_equal(a.causes, b.causes)
    pd.testing.assert_frame_equal(a.missions, b.missions)
    assert a.as_of == b.as_of


@pytest.mark.parametrize("suffix", FORMATS)
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=histories())
def test_write_then_read_gives_back_the_same_history(suffix, history):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"log{suffix}"
        written = ck.write_history(history, path)
        missions = written[1] if len(written) > 1 else None
        back = ck.read_history(path, missions=missions, as_of=history.as_of)
    assert_same(history, back)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_exported_cells_cannot_run_as_formulas(tmp_path, suffix):
    notes = ["=HYPERLINK(\"http://x\")", "+33 6 12 34 56 78", "-5 days late",
             "@boss", "'quoted", "-12.5", "plain"]  # fmt: skip
    h = History.from_frames(
        pd.DataFrame(
            {
                "client": ["=cmd|' /C calc'!A0"] * len(notes),
                "opened_at": ["2024-01-01"] * len(notes),
                "notes": notes,
            }
        )
    )
    path = tmp_path / f"out{suffix}"
    ck.write_history(h, path)
    if suffix == ".csv":
        raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    else:
        raw = pd.read_excel(path, dtype=str, keep_default_na=False)
    risky = raw["notes"].str.match(r"^[=+\-@]") & (raw["notes"] != "-12.5")
    assert not risky.any()
    assert not raw["client"].str.startswith("=").any()
    back = ck.read_history(path)
    assert back.disputes["notes"].tolist() == notes
    assert back.disputes["client"].iloc[0] == "=cmd|' /C calc'!A0"


@pytest.mark.parametrize("suffix", FORMATS)
def test_placeholders_read_as_missing_in_every_format(tmp_path, suffix):
    """'NA', 'null' or 'None' typed in a cell mean no value (issue 10), in every
    format alike; words that merely start like them stay words."""
    notes = ["NA", "null", "None", "n/a", None, "Nadia", "non"]
    h = pd.DataFrame(
        {"client": ["Acme"] * 7, "opened_at": ["2024-01-01"] * 7, "notes": notes}
    )
    path = tmp_path / f"log{suffix}"
    ck.write_history(History.from_frames(h), path)
    back = ck.read_history(path).disputes
    assert back["notes"].isna().tolist() == [True] * 5 + [False, False]
    assert back["notes"].tolist()[5:] == ["Nadia", "non"]


# Any text a person (or a hostile file) may put in a cell: control
# characters, line breaks of every kind, lines that start like formulas,
# apostrophes and what looks like Excel's own _xHHHH_ escapes.
wild_text = (
    st.lists(
        st.one_of(
            st.characters(codec="utf-8", exclude_categories=("Cs",)),
            st.sampled_from(
                [
                    "\r",
                    "\n",
                    "\r\n",
                    "=",
                    "+",
                    "-",
                    "@",
                    "'",
                    "\t",
                    "_x000D_",
                    "_x005F_",
                    "\x1b",
                    "\x00",
                    "\ufffe",
                ]
            ),
        ),  # fmt: skip
        min_size=1,
        max_size=20,
    )
    .map("".join)
    .filter(lambda s: s.strip() == s and s != "")
    # by design (issue 10): mojibake refused, placeholders missing, quotes gone
    .filter(
        lambda s: (
            mojibake(s, certain=True) is None
            and not is_placeholder(s)
            and unquote(s) == s
        )
    )
)


def _not_a_known_header(header: str) -> bool:
    from conflictkit.io._columns import _alias
    from conflictkit.io.vocabulary import AMBIGUOUS_HEADERS, normalize

    return (
        _alias(header, "disputes") is None
        and normalize(header) not in AMBIGUOUS_HEADERS
    )


@pytest.mark.parametrize("suffix", FORMATS)
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(notes=st.lists(wild_text, min_size=1, max_size=5), client=wild_text,
       header=wild_text.filter(lambda s: not set(s) & set("\r\n\x00"))
       .filter(_not_a_known_header))  # fmt: skip
def test_any_text_reads_back_identical(suffix, notes, client, header):
    n = len(notes)
    frame = pd.DataFrame(
        {"client": [client] * n, "opened_at": ["2024-01-01"] * n, "notes": notes,
         header: notes}  # an extra column of the user's, under any header
    )  # fmt: skip
    if header in ("client", "opened_at", "notes"):
        frame = frame.drop(columns=header)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ck.ConflictkitWarning)  # the extra column
        _read_back(suffix, frame, notes, client, n)


def _read_back(suffix, frame, notes, client, n):
    history = History.from_frames(frame, as_of="2024-06-01")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"log{suffix}"
        if suffix in (".csv", ".tsv") and "\x00" in "".join([*notes, client]):
            # a text table cannot hold NUL: said plainly, nothing half-written
            with pytest.raises(ValueError, match="NUL character"):
                ck.write_history(history, path)
            return
        ck.write_history(history, path)
        back = ck.read_history(path, as_of=history.as_of)
    assert back.disputes["notes"].tolist() == notes
    assert back.disputes["client"].tolist() == [client] * n
    assert back.disputes.columns.tolist() == history.disputes.columns.tolist()


def test_a_bare_carriage_return_cannot_start_a_live_line(tmp_path):
    notes = ["ok\r=cmd|' /C calc'!A0", "a\n+1", "x\r\n@SUM(1)", "b\n'c"]
    with pytest.warns(ck.ConflictkitWarning, match="not used"):  # its header
        h = History.from_frames(pd.DataFrame(
            {"client": ["Acme"] * 4, "opened_at": ["2024-01-01"] * 4,
             "notes": notes, "=HYPERLINK(1)": ["x"] * 4}
        ))  # fmt: skip
    path = tmp_path / "out.csv"
    ck.write_history(h, path)
    data = path.read_bytes()
    # every record ends with CRLF; no line of the file starts like a formula
    lines = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
    assert not [line for line in lines if line[:1] in (b"=", b"+", b"-", b"@")]
    assert b"\"'ok\r'=cmd" in data  # quoted, and guarded after the break
    assert b"'=HYPERLINK(1)" in data.splitlines()[0]
    with pytest.warns(ck.ConflictkitWarning, match="not used"):  # its header
        back = ck.read_history(path).disputes
    assert back["notes"].tolist() == notes
    assert "=HYPERLINK(1)" in back.columns


def test_xlsx_keeps_line_breaks_as_they_were(tmp_path):
    notes = ["line 1\r\nline 2", "mac\rline", "unix\nline", "tab\there\x1b[31m"]
    h = History.from_frames(pd.DataFrame(
        {"client": ["Acme"] * 4, "opened_at": ["2024-01-01"] * 4, "notes": notes}
    ))  # fmt: skip
    path = tmp_path / "out.xlsx"
    ck.write_history(h, path)
    assert ck.read_history(path).disputes["notes"].tolist() == notes
