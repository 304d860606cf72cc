"""outcomes_by_cause, checked by hand on a small history."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

import conflictkit as ck

COLUMNS = [
    "cause",
    "n_disputes",
    "n_resolved",
    "n_outcome_known",
    "share_amicable",
    "share_compromise",
    "share_conceded",
    "share_prevailed",
    "share_abandoned",
    "share_agreement",
    "n_escalation_known",
    "reached_proposal",
    "reached_mediation",
    "reached_court",
    "n_retention_known",
    "retention",
    "amount_at_stake",
    "amount_recovered",
    "recovery_rate",
]


@pytest.fixture
def history():
    """Ten disputes whose per-cause answers can be checked by eye."""
    frame = pd.DataFrame(
        {
            "client": list("AABBCCDDEE"),
            "opened_at": ["2024-01-01"] * 10,
            "resolved_at": [
                "2024-01-05", "2024-01-10", None, "2024-01-20", "2024-01-03",
                None, "2024-01-09", "2024-01-11", "2024-01-30", "2024-01-04",
            ],
            "causes": [
                "payment", "scope;tone", "payment", "deadlines", None,
                "scope", "payment;scope", "tone", "trust", "payment",
            ],
            "outcome": [
                "amicable", "compromise", None, "abandoned", "amicable",
                None, None, "conceded", "prevailed", "amicable",
            ],
            "escalation": [
                "dialogue", "proposal", "mediation", "court", None,
                "dialogue", "proposal", "dialogue", "mediation", "dialogue",
            ],
            "client_retained": [
                True, False, None, True, True, False, True, None, False, True,
            ],
            "amount_at_stake": [1000, 500, 200, None, 0, 300, 100, 50, 20, 10],
            "amount_recovered": [1000, 250, 0, None, 0, None, 100, 0, 20, 10],
        }
    )  # fmt: skip
    return ck.History.from_frames(frame, as_of="2024-02-01")


def table(history):
    with pytest.warns(ck.SmallSampleWarning, match="Only 7 resolved disputes"):
        return ck.outcomes_by_cause(history).set_index("cause")


def test_outcomes_by_cause_has_the_documented_columns_and_rows(history):
    with pytest.warns(ck.SmallSampleWarning):
        out = ck.outcomes_by_cause(history)
    assert list(out.columns) == COLUMNS
    assert out["cause"].tolist() == [*(str(c) for c in ck.Cause), "all"]


def test_payment_row_by_hand(history):
    # payment: disputes 0, 2 (open), 6 (no outcome), 9
    row = table(history).loc["payment"]
    assert row["n_disputes"] == 4
    assert row["n_resolved"] == 3
    assert row["n_outcome_known"] == 2
    assert row["share_amicable"] == 1.0
    assert row["share_agreement"] == 1.0
    # escalation: dialogue, mediation, proposal, dialogue
    assert row["n_escalation_known"] == 4
    assert row["reached_proposal"] == 0.5
    assert row["reached_mediation"] == 0.25
    assert row["reached_court"] == 0.0
    # retained: True, unknown, True, True
    assert (row["n_retention_known"], row["retention"]) == (3, 1.0)
    assert row["amount_at_stake"] == 1310
    assert row["amount_recovered"] == 1110
    # resolved with both amounts: 1000/1000, 100/100, 10/10 (the open one
    # is left out of the rate)
    assert row["recovery_rate"] == 1.0


def test_unknown_values_are_left_out_of_denominators(history):
    row = table(history).loc["scope"]
    # scope: 1 (compromise), 5 (open, nothing known), 6 (resolved, no outcome)
    assert (row["n_disputes"], row["n_resolved"], row["n_outcome_known"]) == (3, 2, 1)
    assert row["share_compromise"] == 1.0
    # recovered unknown for dispute 5: rate over disputes 1 and 6 only
    assert row["recovery_rate"] == pytest.approx(350 / 600)
    assert row["amount_at_stake"] == 900


def test_all_row_counts_each_dispute_once_unlabelled_included(history):
    out = table(history)
    row = out.loc["all"]
    assert row["n_disputes"] == 10
    assert out.drop(index="all")["n_disputes"].sum() == 11  # two causes cited twice
    assert row["n_outcome_known"] == 7
    assert row["share_amicable"] == pytest.approx(3 / 7)
    assert row["share_agreement"] == pytest.approx(4 / 7)
    assert row["reached_court"] == pytest.approx(1 / 9)
    assert row["retention"] == pytest.approx(5 / 8)
    assert row["amount_at_stake"] == 2180


def test_outcome_shares_sum_to_one_where_known(history):
    out = table(history)
    shares = out[
        [c for c in COLUMNS if c.startswith("share_") and c != "share_agreement"]
    ]
    known = out["n_outcome_known"] > 0
    np.testing.assert_allclose(shares[known].sum(axis=1), 1.0)


def test_cause_never_seen_has_zeros_and_nan_shares(history):
    row = table(history).loc["other"]
    assert row["n_disputes"] == 0
    assert np.isnan(row["share_agreement"])
    assert np.isnan(row["retention"])
    assert np.isnan(row["recovery_rate"])
    assert row["amount_at_stake"] == 0


def test_no_warning_with_enough_outcomes():
    frame = pd.DataFrame(
        {
            "client": ["A"] * 12,
            "opened_at": ["2024-01-01"] * 12,
            "resolved_at": ["2024-01-09"] * 12,
            "causes": ["tone"] * 12,
            "outcome": ["compromise"] * 9 + ["conceded"] * 3,
        }
    )
    out = ck.outcomes_by_cause(ck.History.from_frames(frame)).set_index("cause")
    assert out.loc["tone", "share_agreement"] == 0.75
    assert out.loc["tone", "n_escalation_known"] == 0
    assert np.isnan(out.loc["tone", "reached_proposal"])


def test_one_dispute_warns_and_still_answers():
    frame = pd.DataFrame({"client": ["A"], "opened_at": ["2024-01-01"]})
    with pytest.warns(ck.SmallSampleWarning, match="Only 0 resolved"):
        out = ck.outcomes_by_cause(ck.History.from_frames(frame))
    assert out.set_index("cause").loc["all", "n_disputes"] == 1


def test_outcomes_by_cause_does_not_mutate_the_history(history):
    before = history.disputes.copy(), history.causes.copy()
    table(history)
    pd.testing.assert_frame_equal(history.disputes, before[0])
    pd.testing.assert_frame_equal(history.causes, before[1])


def test_cause_table_in_any_order_gives_the_same_answer(history):
    # the long cause table is joined to the disputes by dispute_id, whatever
    # its order (the fast path for the usual layout is checked, not assumed)
    shuffled = dataclasses.replace(
        history, causes=history.causes.sample(frac=1, random_state=3)
    )
    pd.testing.assert_frame_equal(table(shuffled), table(history))


def test_a_cause_whose_amounts_were_never_recorded_shows_nan_not_zero():
    # seen on a French Excel file: 'N/A' at stake for the only deadlines
    # dispute, no recovered amount for the only scope one; both read as 0 €
    frame = pd.DataFrame(
        {
            "client": ["A", "B", "C", "C"],
            "opened_at": ["2024-01-01"] * 4,
            "resolved_at": ["2024-01-09", None, "2024-01-20", "2024-01-21"],
            "causes": ["payment", "scope", "deadlines", "payment;tone"],
            "amount_at_stake": [1500, 800, None, 980],
            "amount_recovered": [750, None, None, 0],
        }
    )
    h = ck.History.from_frames(frame, as_of="2024-02-01")
    with pytest.warns(ck.SmallSampleWarning):
        out = ck.outcomes_by_cause(h).set_index("cause")
    assert np.isnan(out.loc["deadlines", "amount_at_stake"])
    assert np.isnan(out.loc["deadlines", "amount_recovered"])
    assert out.loc["scope", "amount_at_stake"] == 800
    assert np.isnan(out.loc["scope", "amount_recovered"])
    # a recorded 0 stays 0; recorded amounts add up
    assert out.loc["tone", "amount_recovered"] == 0
    assert out.loc["payment", "amount_at_stake"] == 2480
    assert out.loc["all", "amount_recovered"] == 750
    # a cause nobody cited: nothing at stake, as amounts are recorded
    assert out.loc["trust", "amount_at_stake"] == 0
