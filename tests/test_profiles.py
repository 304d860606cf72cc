"""Tests for client_profiles and recommendations (conflictkit/analysis/_profiles.py,
texts in conflictkit/analysis/_advice.py)."""

from __future__ import annotations

import copy
import math
import warnings

import numpy as np
import pandas as pd
import pytest

import conflictkit as ck
from conflictkit import Cause
from conflictkit.analysis._advice import CAUSE_ACTIONS, PRACTICE_GAPS
from conflictkit.datasets import make_history

# Acme (6, 1 open): scope x4, scope;payment, payment   -> scope 5 of 6
# Bolt (4):         deadlines, tone, payment, trust
# Cera (2 + 1 unlabelled): tone;deadlines, trust, (none)
# Labelled N = 12; totals: scope 5, payment 3, deadlines 2, tone 2, trust 2.
ROWS = [
    ("Acme", "2023-01-10", "2023-01-20", "scope", 1000.0, 800.0),
    ("Acme", "2023-02-10", "2023-02-20", "scope", 500.0, 500.0),
    ("Acme", "2023-03-10", "2023-03-20", "scope", None, None),
    ("Acme", "2023-04-10", "2023-04-20", "scope", None, None),
    ("Acme", "2023-05-10", None, "scope;payment", 2000.0, None),
    ("Acme", "2023-06-10", "2023-06-20", "payment", None, None),
    ("Bolt", "2023-01-15", "2023-01-25", "deadlines", None, None),
    ("Bolt", "2023-02-15", "2023-02-25", "tone", None, None),
    ("Bolt", "2023-03-15", "2023-03-25", "payment", None, None),
    ("Bolt", "2023-04-15", "2023-04-25", "trust", None, None),
    ("Cera", "2023-01-20", "2023-01-30", "tone;deadlines", 300.0, 0.0),
    ("Cera", "2023-02-20", "2023-02-28", "trust", None, None),
    ("Cera", "2023-03-20", "2023-03-30", None, None, None),
]


def disputes_frame() -> pd.DataFrame:
    client, opened, resolved, causes, stake, recovered = zip(*ROWS, strict=True)
    return pd.DataFrame(
        {
            "dispute_id": [f"D{i}" for i in range(1, len(ROWS) + 1)],
            "client": client,
            "opened_at": opened,
            "resolved_at": resolved,
            "causes": causes,
            "amount_at_stake": stake,
            "amount_recovered": recovered,
        }
    )


def missions_frame() -> pd.DataFrame:
    """Acme 60 + 40 days without written scope; Dune 500 days, no dispute."""
    return pd.DataFrame(
        {
            "mission_id": ["M1", "M2", "M3", "M4", "M5"],
            "client": ["Acme", "Acme", "Bolt", "Cera", "Dune"],
            "started_at": ["2022-12-01"] * 5,
            "ended_at": ["2023-06-30"] * 5,
            "days": [60.0, 40.0, 300.0, 100.0, 500.0],
            "written_scope": [False, False, True, True, True],
            "meeting_minutes": [False, False, True, True, False],
            "checkin_every_days": [None, None, 7.0, 14.0, 7.0],
        }
    )


def history(*, missions: bool = True) -> ck.History:
    return ck.History.from_frames(
        disputes_frame(), missions_frame() if missions else None, as_of="2023-07-01"
    )


def profiles(h: ck.History) -> dict[str, pd.Series]:
    return {row.client: row for row in ck.client_profiles(h).itertuples(index=False)}


class TestClientProfiles:
    def test_one_row_per_client_including_those_without_disputes(self):
        p = ck.client_profiles(history())
        assert list(p["client"]) == ["Acme", "Cera", "Bolt", "Dune"]
        assert list(p.columns) == [
            "client",
            "n_missions",
            "mission_days",
            "n_disputes",
            "rate_per_100_days",
            "top_cause",
            "recurring_causes",
            "n_open",
            "amount_at_stake",
            "amount_recovered",
            "last_dispute_at",
            "risk",
            "risk_reason",
        ]

    def test_exposure_disputes_and_rates_by_hand(self):
        p = profiles(history())
        assert p["Acme"].n_missions == 2
        assert p["Acme"].mission_days == 100.0
        assert p["Acme"].n_disputes == 6
        assert p["Acme"].rate_per_100_days == pytest.approx(6.0)
        # the unlabelled dispute counts as a dispute
        assert p["Cera"].n_disputes == 3
        assert p["Cera"].rate_per_100_days == pytest.approx(3.0)
        assert p["Dune"].n_disputes == 0
        assert p["Dune"].rate_per_100_days == 0.0

    def test_open_disputes_money_and_last_dispute(self):
        p = profiles(history())
        assert p["Acme"].n_open == 1
        assert p["Acme"].amount_at_stake == 3500.0
        assert p["Acme"].amount_recovered == 1300.0
        assert p["Acme"].last_dispute_at == pd.Timestamp("2023-06-10")
        # disputes without any amount recorded: unknown, not zero
        assert math.isnan(p["Bolt"].amount_at_stake)
        assert p["Cera"].amount_recovered == 0.0
        assert p["Dune"].amount_at_stake == 0.0
        assert pd.isna(p["Dune"].last_dispute_at)

    def test_top_cause_breaks_ties_by_primary_then_taxonomy(self):
        p = profiles(history())
        assert p["Acme"].top_cause == Cause.SCOPE
        # Cera cites tone, deadlines and trust once each; deadlines is never
        # primary, tone comes before trust in the taxonomy
        assert p["Cera"].top_cause == Cause.TONE
        assert p["Bolt"].top_cause == Cause.DEADLINES
        assert pd.isna(p["Dune"].top_cause)

    def test_recurring_causes_come_from_recurring_causes(self):
        h = history()
        r = ck.recurring_causes(h)
        flagged = r.loc[r["recurring"], ["client", "cause"]].astype(str)
        assert flagged.values.tolist() == [["Acme", "scope"]]
        p = profiles(h)
        assert p["Acme"].recurring_causes == "scope"
        assert p["Bolt"].recurring_causes == ""

    def test_risk_levels_and_reasons_follow_the_documented_rules(self):
        p = profiles(history())
        # overall rate: 13 disputes over 1,000 mission-days = 1.3 per 100
        assert p["Acme"].risk == "high"
        assert p["Acme"].risk_reason == (
            "1 recurring cause (scope); 1 open dispute; 4.6× your overall dispute rate"
        )
        assert p["Cera"].risk == "medium"
        assert p["Cera"].risk_reason == "2.3× your overall dispute rate"
        assert p["Bolt"].risk == "low"
        assert p["Bolt"].risk_reason == "no recurring cause and no open dispute"
        assert p["Dune"].risk == "low"
        assert p["Dune"].risk_reason == "no dispute"

    def test_two_recurring_causes_make_a_client_high_risk(self):
        rows = (
            [("Acme", "payment")] * 6
            + [("Acme", "scope")] * 6
            + [("B", c) for c in ["tone", "trust", "deadlines", "other"] * 6]
        )
        d = pd.DataFrame(
            {
                "client": [c for c, _ in rows],
                "opened_at": pd.date_range("2020-01-01", periods=len(rows), freq="W"),
                "resolved_at": pd.date_range("2020-01-03", periods=len(rows), freq="W"),
                "causes": [k for _, k in rows],
            }
        )
        p = ck.client_profiles(ck.History.from_frames(d))
        acme = p[p["client"] == "Acme"].iloc[0]
        assert acme["recurring_causes"] in {"payment;scope", "scope;payment"}
        assert acme["risk"] == "high"
        assert acme["risk_reason"].startswith("2 recurring causes (")

    def test_without_missions_exposure_is_missing_not_zero(self):
        p = ck.client_profiles(history(missions=False))
        assert "Dune" not in set(p["client"])
        assert p["n_missions"].isna().all()
        assert p["mission_days"].isna().all()
        assert p["rate_per_100_days"].isna().all()
        # without exposure, Acme's scope is not significant over 15 cells
        acme = p[p["client"] == "Acme"].iloc[0]
        assert acme["recurring_causes"] == ""
        assert acme["risk"] == "medium"
        assert acme["risk_reason"] == "1 open dispute"

    def test_all_unlabelled_still_profiles_every_client(self):
        h = ck.History.from_frames(
            pd.DataFrame(
                {
                    "client": ["Acme", "Bolt"],
                    "opened_at": ["2024-01-01", "2024-02-01"],
                    "causes": [None, None],
                }
            )
        )
        with pytest.warns(ck.SmallSampleWarning, match="Only 0 labelled"):
            p = ck.client_profiles(h)
        assert list(p["client"]) == ["Acme", "Bolt"]
        assert list(p["risk_reason"]) == ["1 open dispute"] * 2
        assert p["top_cause"].isna().all()
        assert (p["recurring_causes"] == "").all()

    def test_does_not_mutate_the_history(self):
        h = history()
        before = [copy.deepcopy(t) for t in (h.disputes, h.causes, h.missions)]
        ck.client_profiles(h)
        ck.recommendations(h, lang="fr")
        for old, new in zip(before, (h.disputes, h.causes, h.missions), strict=True):
            pd.testing.assert_frame_equal(old, new)


class TestRecommendations:
    def test_practice_gap_comes_first_with_its_evidence(self):
        r = ck.recommendations(history())
        assert list(r.columns) == ["client", "cause", "action", "evidence", "priority"]
        assert set(r["client"]) == {"Acme"}
        assert (r["cause"] == Cause.SCOPE).all()
        assert r.loc[0, "action"] == PRACTICE_GAPS[Cause.SCOPE].action[0]
        assert list(r["action"][1:]) == [a[0] for a in CAUSE_ACTIONS[Cause.SCOPE]]
        # expected 5 x 0.1 = 0.5, p = 0.1**5, q = 20 cells x 1e-5 = 2e-4
        assert r.loc[0, "evidence"] == (
            "scope in 5 of 6 disputes, 10.0× your baseline (q < 0.001); "
            "2 of 2 missions without a written scope"
        )
        assert (r["priority"] == 1).all()

    def test_french_text_has_accents_labels_and_decimal_commas(self):
        r = ck.recommendations(history(), lang="fr")
        assert r.loc[0, "evidence"] == (
            "périmètre dans 5 litiges sur 6, 10,0× votre référence (q < 0,001) ; "
            "2 missions sur 2 sans périmètre écrit"
        )
        assert r.loc[1, "action"].startswith("Cadrer le périmètre par écrit")
        assert all(any(ch in a for ch in "éèàç") for a in r["action"])
        assert Cause.SCOPE.label("fr").lower() in r.loc[2, "evidence"]

    def test_no_gap_action_when_the_practice_was_in_place(self):
        m = missions_frame()
        m["written_scope"] = True
        h = ck.History.from_frames(disputes_frame(), m, as_of="2023-07-01")
        r = ck.recommendations(h)
        assert list(r["action"]) == [a[0] for a in CAUSE_ACTIONS[Cause.SCOPE]]
        assert "missions without" not in r.loc[0, "evidence"]

    def test_general_advice_on_the_most_frequent_cause_when_nothing_recurs(self):
        r = ck.recommendations(history(missions=False))
        assert set(r["client"]) == {"all"}
        assert (r["cause"] == Cause.SCOPE).all()
        assert list(r["action"]) == [a[0] for a in CAUSE_ACTIONS[Cause.SCOPE]]
        assert r.loc[0, "evidence"] == (
            "scope in 5 of 12 disputes (42%), your most frequent cause; "
            "no client has a recurring cause"
        )
        fr = ck.recommendations(history(missions=False), lang="fr")
        assert fr.loc[0, "evidence"].startswith(
            "périmètre dans 5 litiges sur 12 (42 %), votre cause la plus fréquente"
        )

    def test_priority_ranks_cells_by_q_value(self):
        # two recurring cells of different strength
        rows = (
            [("Acme", "payment")] * 8
            + [("Bolt", "tone")] * 4
            + [("C", c) for c in ["scope", "trust", "deadlines", "other"] * 5]
        )
        d = pd.DataFrame(
            {
                "client": [c for c, _ in rows],
                "opened_at": pd.date_range("2020-01-01", periods=len(rows), freq="W"),
                "causes": [k for _, k in rows],
            }
        )
        h = ck.History.from_frames(d)
        rec = ck.recurring_causes(h)
        hits = rec[rec["recurring"]].sort_values("q_value")
        r = ck.recommendations(h)
        order = r.drop_duplicates(["client", "cause"])
        assert list(order["client"]) == list(hits["client"])
        assert list(order["priority"]) == list(range(1, len(hits) + 1))
        assert r["priority"].is_monotonic_increasing
        n_actions = {c: len(CAUSE_ACTIONS[Cause(c)]) for c in ("payment", "tone")}
        assert len(r) == sum(n_actions[str(c)] for c in hits["cause"])

    def test_all_unlabelled_gives_no_recommendation(self):
        h = ck.History.from_frames(
            pd.DataFrame(
                {"client": ["Acme"], "opened_at": ["2024-01-01"], "causes": [None]}
            )
        )
        with pytest.warns(ck.SmallSampleWarning):
            r = ck.recommendations(h)
        assert r.empty
        assert list(r.columns) == ["client", "cause", "action", "evidence", "priority"]

    def test_rejects_an_unknown_language(self):
        with pytest.raises(ValueError, match=r"`lang` must be one of \['en', 'fr'\]"):
            ck.recommendations(history(), lang="de")

    def test_every_cause_has_actions_in_both_languages(self):
        for cause in Cause:
            assert CAUSE_ACTIONS[cause], cause
            for en, fr in CAUSE_ACTIONS[cause]:
                assert en.endswith(".")
                assert fr.endswith(".")
                assert en != fr

    def test_recommends_for_planted_recurring_clients(self):
        h = make_history(seed=2, n_clients=40)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ck.SmallSampleWarning)
            rec = ck.recurring_causes(h)
            r = ck.recommendations(h)
        flagged = rec[rec["recurring"]]
        got = set(zip(r["client"], r["cause"].astype(str), strict=True))
        want = set(zip(flagged["client"], flagged["cause"].astype(str), strict=True))
        assert got == want
        assert len(want) >= 2
        assert np.isin(r["priority"], np.arange(1, len(want) + 1)).all()


def test_risk_reasons_in_french():
    h = ck.load_example()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ck.ConflictkitWarning)
        en = ck.client_profiles(h)
        fr = ck.client_profiles(h, lang="fr")
    # the values are the same; only the sentences change language
    pd.testing.assert_frame_equal(en.drop(columns="risk_reason"),
                                  fr.drop(columns="risk_reason"))  # fmt: skip
    assert fr["risk_reason"].str.contains("cause récurrente").any()
    assert not fr["risk_reason"].str.contains("recurring|dispute").any()
    with pytest.raises(ValueError, match="`lang` must be one of"):
        ck.client_profiles(h, lang="de")
