"""A causes cell holding a source's own label (CFPB issues with commas).

The excerpt is a real export nobody here wrote (tests/data/SOURCE.md); the
cause map is the one SOURCE.md of cfpb-2013-snakecase suggests for its top
issues.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

import conflictkit as ck
from conflictkit import DisputeDataError, History
from conflictkit.cli import main
from conflictkit.io._causes import parse_causes

EXCERPT = Path(__file__).parent / "data" / "cfpb_complaints_excerpt.csv"
COLUMNS = {"company": "client", "date_received": "opened_at", "issue": "causes"}
SUGGESTED = {
    "Loan modification,collection,foreclosure": "payment",
    "Loan servicing, payments, escrow account": "payment",
    "Incorrect information on credit report": "trust",
    "Cont'd attempts collect debt not owed": "payment",
    "Communication tactics": "tone",
}


def _read(**kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        h = ck.read_history(EXCERPT, columns=COLUMNS, errors="collect", **kwargs)
    return h, [str(w.message) for w in caught]


def test_each_issue_label_is_one_problem_with_its_whole_value():
    raw = pd.read_csv(EXCERPT, dtype=str)
    h, notes = _read()
    rejected = h.rejected
    assert len(h.disputes) + len(rejected) == len(raw)
    # kept: the few labels the vocabulary reads as a whole ("Communication
    # tactics" as tone); none of them is a label split on its commas
    kept = raw.loc[raw["complaint_id"].isin(h.disputes["complaint_id"]), "issue"]
    assert not kept.str.contains("[,;/|]").any()
    assert len(h.disputes) < 20
    assert "Loan servicing, payments, escrow account" in set(rejected["issue"])
    for value, problems in zip(rejected["issue"], rejected["problems"], strict=True):
        # one problem, naming the whole cell, "expected one of" said once
        assert problems.count("is not a cause") == 1, problems
        assert problems.count("expected one of") == 1, problems
        assert repr(value) in problems, problems
    # "payments" inside a label is not read as the cause payment
    assert "'escrow account'" not in " ".join(rejected["problems"])
    # one note suggests a cause map, with an example line, not one per row
    hints = [n for n in notes if "cause_map=" in n]
    assert len(hints) == 1
    # counted: the labels of more than one word ("Rewards" may be a typo)
    several = rejected["issue"].str.contains(r"\w\W+\w").sum()
    assert 0 < len(rejected) - several < 10
    assert hints[0].startswith(f"{several} rows hold ")
    assert "'Loan modification,collection,foreclosure' (" in hints[0]
    assert '"Loan modification,collection,foreclosure",other' in hints[0]


def test_the_suggested_cause_map_reads_the_labels_it_covers(tmp_path):
    raw = pd.read_csv(EXCERPT, dtype=str)
    file = tmp_path / "cfpb_causes.csv"
    pd.DataFrame({"label": list(SUGGESTED), "cause": list(SUGGESTED.values())}).to_csv(
        file, index=False
    )
    from conflictkit.cli._read_options import read_cause_map

    h, _ = _read(cause_map=read_cause_map(str(file)))
    covered = raw["issue"].isin(list(SUGGESTED))
    assert covered.sum() > 50
    kept = h.disputes.set_index("complaint_id")["primary_cause"].astype(str)
    # 0 rejected rows among the labels the map covers, each read as mapped
    ids = raw.loc[covered, "complaint_id"]
    assert ids.isin(kept.index).all()
    assert kept.loc[ids].tolist() == raw.loc[covered, "issue"].map(SUGGESTED).tolist()
    assert set(h.rejected["issue"]) <= set(raw.loc[~covered, "issue"])


@pytest.mark.parametrize(
    ("text", "causes"),
    [
        ("scope, payment", ["scope", "payment"]),
        ("Retard de paiement, ton directif", ["payment", "tone"]),
        ("délai / périmètre", ["deadlines", "scope"]),
    ],
)
def test_lists_of_causes_still_split(text, causes):
    h = History.from_frames(
        pd.DataFrame({"client": ["A"], "opened_at": ["2024-01-05"], "causes": [text]})
    )
    assert h.causes["cause"].astype(str).tolist() == causes


def test_typos_in_a_list_are_each_suggested_and_expected_said_once():
    s = pd.Series(["paiment; délai", "paiment; dlai"])
    _, joined, _, problems = parse_causes(s)
    assert joined.isna().all()
    one, two = problems.loc[0], problems.loc[1]
    assert one.count("expected one of") == 1
    assert "did you mean 'payment'" in one
    assert "délai" not in one
    assert two.count("expected one of") == 1
    assert "did you mean 'payment'" in two
    assert "did you mean 'deadlines'" in two


def test_a_french_label_with_commas_is_one_problem():
    label = "Désaccord sur la recette, le PV, les réserves"
    df = pd.DataFrame(
        {"client": ["A"] * 3, "opened_at": ["2024-01-05"] * 3, "causes": [label] * 3}
    )
    with (
        pytest.warns(
            ck.ConflictkitWarning, match="3 rows hold 1 label that is not a"
        ) as caught,
        pytest.raises(DisputeDataError) as err,
    ):
        History.from_frames(df)
    from conflictkit._i18n import warning_text

    note = next(str(w.message) for w in caught if "rows hold" in str(w.message))
    assert warning_text(note, "fr").startswith(
        f"3 lignes portent 1 libellé qui n'est pas une cause, par exemple « {label} »"
        " (3 lignes) : "
    )
    problems = err.value.failures["problem"].tolist()
    assert (
        problems
        == [
            f"'{label}' is not a cause; expected one of scope, deadlines, payment,"
            " tone, trust, other"
        ]
        * 3
    )
    h = History.from_frames(df, cause_map={label: "scope"})
    assert h.disputes["primary_cause"].astype(str).tolist() == ["scope"] * 3
    from conflictkit._i18n import problem_text

    assert problem_text(problems[0], "fr").startswith(f"« {label} » n'est pas une")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_validate_suggests_the_cause_map_once(capsys, lang):
    args = [f"{k}={v}" for k, v in COLUMNS.items()]
    code = main(["validate", str(EXCERPT), "--columns", ",".join(args), "--lang", lang])
    assert code == 1
    err = capsys.readouterr()
    text = err.out + err.err
    assert text.count("--cause-map FI") == 1
    assert "cause_map=" not in text
    word = "expected one of" if lang == "en" else "causes attendues"
    for line in text.splitlines():
        assert line.count(word) <= 1, line
    if lang == "fr":
        assert "libellés qui ne sont pas des causes" in text
        assert "(une cause vide pour aucune cause) avec --cause-map FICHIER" in text
