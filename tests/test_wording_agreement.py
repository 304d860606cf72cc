"""English messages agree in number with their count (and French follows)."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import conflictkit as ck
from conflictkit._i18n import warning_text


def _messages(call):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    return [str(w.message) for w in caught]


def test_two_blank_rows_hold_no_record(tmp_path):
    f = tmp_path / "two.csv"
    f.write_text("client,opened_at\nAcme,2024-01-05\n,\n,\nBeta,2024-02-01\n")
    said = next(m for m in _messages(lambda: ck.read_history(f)) if "skipped" in m)
    assert said.startswith("skipped 2 blank rows (rows 3–4): they hold no record")
    assert warning_text(said, "fr").endswith(
        "elles ne contiennent aucun enregistrement."
    )


def test_one_skipped_row_is_it(tmp_path):
    f = tmp_path / "one.csv"
    f.write_text("client,opened_at\nAcme,2024-01-05\n,\nBeta,2024-02-01\n")
    said = next(m for m in _messages(lambda: ck.read_history(f)) if "skipped" in m)
    assert said.startswith("skipped 1 blank row (row 3): it holds no record")
    assert warning_text(said, "fr").startswith("1 ligne vide (ligne 3) ignorée : elle")


@pytest.mark.parametrize(
    ("notes", "expected", "french"),
    [
        (["", "Late invoice"], "1 unlabelled dispute without notes could not be"
         " scored and is not in the result.", "1 litige sans cause hors"),
        (["", ""], "2 unlabelled disputes without notes could not be scored and"
         " are not in the result.", "2 litiges sans cause hors"),
    ],
)  # fmt: skip
def test_disputes_without_notes_agree(notes, expected, french):
    h = ck.History.from_frames(
        pd.DataFrame(
            {
                "client": ["A", "B"],
                "opened_at": ["2024-01-05", "2024-02-01"],
                "notes": notes,
            }
        )
    )
    said = _messages(lambda: ck.suggest_causes(h))
    assert expected in said
    assert french in warning_text(expected, "fr")


@pytest.mark.parametrize(
    ("labelled", "expected"),
    [
        (0, "None of your disputes is labelled and has notes: too few"),
        (1, "Only 1 of your disputes is labelled and has notes: too few"),
        (2, "Only 2 of your disputes are labelled and have notes: too few"),
    ],
)
def test_too_few_labelled_disputes_agree(labelled, expected):
    causes = ["payment"] * labelled + [None] * (3 - labelled)
    h = ck.History.from_frames(
        pd.DataFrame(
            {
                "client": ["A", "B", "C"],
                "opened_at": ["2024-01-05", "2024-02-01", "2024-03-01"],
                "causes": causes,
                "notes": ["Late invoice", "Scope grew", "Rude email"],
            }
        )
    )
    said = _messages(lambda: ck.suggest_causes(h))
    found = [m for m in said if "labelled and ha" in m]
    assert len(found) == 1
    assert found[0].startswith(expected)
    assert warning_text(found[0], "fr") != warning_text("unknown message", "fr")
