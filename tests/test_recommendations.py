"""Tests for recommendations (conflictkit/analysis/_recommendations.py, texts in
conflictkit/analysis/_advice.py): advice follows from the user's own results."""

from __future__ import annotations

import copy
import warnings

import numpy as np
import pandas as pd
import pytest

import conflictkit as ck
from conflictkit import Cause
from conflictkit import _i18n as i18n
from conflictkit.analysis._advice import CAUSE_ACTIONS, PRACTICE_ACTIONS
from conflictkit.datasets import make_history

COLUMNS = ["client", "cause", "action", "basis", "practice", "evidence", "priority"]
CLIENTS = ["Acme", "Bolt", "Cera", "Dune", "Eole", "Faro"]


def career(*, checkins: bool = False) -> ck.History:
    """Six clients, each with a mission with a written scope (no minutes) and
    one without (with minutes), 100 days each.

    Scope disputes only on the missions without a written scope (3 per
    client, 11 for Acme); trust disputes only on the missions with minutes
    (1 per client, 7 for Bolt). Within clients, a written scope went with
    fewer scope disputes; minutes went with more trust disputes.
    """
    missions, disputes = [], []
    for client in CLIENTS:
        for scoped in (True, False):
            mid = f"{client}-{'S' if scoped else 'N'}"
            missions.append((mid, client, scoped, not scoped))
            if not scoped:
                n_scope = 11 if client == "Acme" else 3
                n_trust = 7 if client == "Bolt" else 1
                disputes += [(client, mid, "scope")] * n_scope
                disputes += [(client, mid, "trust")] * n_trust
    m = pd.DataFrame(
        missions, columns=["mission_id", "client", "written_scope", "meeting_minutes"]
    ).assign(started_at="2024-01-01", ended_at="2024-06-30", days=100.0)
    if checkins:
        m["checkin_every_days"] = [7.0, None] * len(CLIENTS)
    d = pd.DataFrame(disputes, columns=["client", "mission_id", "causes"])
    d["opened_at"] = "2024-03-01"
    return ck.History.from_frames(d, m, as_of="2024-12-31")


def rows(r, client, cause):
    return r[(r["client"] == client) & (r["cause"] == cause)]


class TestYourDataOrGeneralAdvice:
    def test_columns_and_types(self):
        r = ck.recommendations(career())
        assert list(r.columns) == COLUMNS
        assert set(r["basis"].cat.categories) == {"your data", "general advice"}
        assert isinstance(r["cause"].dtype, pd.CategoricalDtype)
        assert r["priority"].is_monotonic_increasing

    def test_a_practice_the_data_support_is_your_data_with_its_numbers(self):
        r = ck.recommendations(career())
        effects = ck.prevention_effects(career()).set_index(["practice", "cause"])
        scope = effects.loc[("written_scope", "scope")]
        assert scope["ci_high"] < 1  # what makes it "your data"
        acme = rows(r, "Acme", "scope")
        first = acme.iloc[0]
        assert first["basis"] == "your data"
        assert first["practice"] == "written_scope"
        assert first["action"] == i18n.t("advice.do.written_scope", "en")
        assert "a written scope went with" in first["evidence"]
        assert f"{scope['ci_high']:.2f}" in first["evidence"]
        assert "1 of 2 of this client's missions without it" in first["evidence"]
        # the general advice on scope follows, minus the practice already given
        general = acme[acme["basis"] == "general advice"]
        want = [a.text("en") for a in CAUSE_ACTIONS[Cause.SCOPE]]
        want = [a for a in want if not a.startswith("Frame the scope in writing")]
        assert list(general["action"]) == want
        assert general["evidence"].str.contains("not tested on your data").all()

    def test_a_practice_the_data_contradict_is_not_recommended_and_said_so(self):
        r = ck.recommendations(career())
        effects = ck.prevention_effects(career()).set_index(["practice", "cause"])
        assert effects.loc[("meeting_minutes", "trust"), "ci_low"] > 1
        bolt = rows(r, "Bolt", "trust")
        assert len(bolt)
        assert "meeting_minutes" not in set(bolt["practice"].dropna())
        minutes = [a.text("en") for a in CAUSE_ACTIONS[Cause.TRUST]]
        minutes = [a for a in minutes if "minutes" in a]
        assert not set(minutes) & set(bolt["action"])
        general = bolt[bolt["basis"] == "general advice"]
        assert len(general)
        assert (
            general["evidence"]
            .str.contains("your data do not support written minutes here: it went with")
            .all()
        )
        assert not r["evidence"].str.contains("nan").any()

    def test_a_practice_never_recorded_gives_no_data_row(self):
        # no checkin_every_days column: unknown, not "no check-ins"
        h = career()
        assert h.missions["checkin_every_days"].isna().all()
        effects = ck.prevention_effects(h)
        assert "regular_checkins" not in set(effects["practice"])
        r = ck.recommendations(h)
        data_rows = r[r["basis"] == "your data"]
        assert "regular_checkins" not in set(data_rows["practice"].dropna())
        assert not r["evidence"].str.contains("without regular check-ins").any()
        # recorded, the column yields rows again
        assert "regular_checkins" in set(
            ck.prevention_effects(career(checkins=True))["practice"]
        )

    def test_french(self):
        r = ck.recommendations(career(), lang="fr")
        first = rows(r, "Acme", "scope").iloc[0]
        assert first["action"] == i18n.t("advice.do.written_scope", "fr")
        assert "un périmètre écrit s'accompagne de" in first["evidence"]
        assert "IC 95 %" in first["evidence"]
        general = r[r["basis"] == "general advice"]
        assert general["evidence"].str.contains("non vérifié sur vos données").all()
        # French nouns agree with their count (0 and 1 singular)
        assert "1 mission sur 2 de ce client sans cela" in first["evidence"]
        for wrong in (r"\b[01] litiges\b", r"\b[01] missions\b", r"\b[2-9] litige\b"):
            assert not r["evidence"].str.contains(wrong, regex=True).any(), wrong

    def test_nothing_recurring_gives_advice_on_the_most_frequent_cause(self):
        d = pd.DataFrame(
            {
                "client": ["A", "B", "C"] * 4,
                "opened_at": "2024-01-01",
                "causes": ["scope"] * 6 + ["tone", "trust"] * 3,
            }
        )
        r = ck.recommendations(ck.History.from_frames(d))
        assert set(r["client"]) == {"all"}
        assert (r["cause"] == Cause.SCOPE).all()
        assert (r["basis"] == "general advice").all()
        assert r.loc[0, "evidence"].startswith(
            "scope in 6 of the 12 disputes that cite a cause (50%), your most frequent"
        )

    def test_all_unlabelled_gives_no_recommendation(self):
        h = ck.History.from_frames(
            pd.DataFrame(
                {"client": ["Acme"], "opened_at": ["2024-01-01"], "causes": [None]}
            )
        )
        with pytest.warns(ck.SmallSampleWarning):
            r = ck.recommendations(h)
        assert r.empty
        assert list(r.columns) == COLUMNS

    def test_rejects_an_unknown_language(self):
        with pytest.raises(ValueError, match=r"`lang` must be one of \['en', 'fr'\]"):
            ck.recommendations(career(), lang="de")

    def test_every_cause_has_actions_in_both_languages(self):
        for cause in Cause:
            assert CAUSE_ACTIONS[cause], cause
            for advice in CAUSE_ACTIONS[cause]:
                en, fr = advice.text("en"), advice.text("fr")
                assert en.endswith(".")
                assert fr.endswith(".")
                assert en != fr
                assert advice.practice is None or advice.practice in PRACTICE_ACTIONS

    def test_does_not_mutate_the_history(self):
        h = career()
        before = [copy.deepcopy(t) for t in (h.disputes, h.causes, h.missions)]
        ck.recommendations(h, lang="fr")
        for old, new in zip(before, (h.disputes, h.causes, h.missions), strict=True):
            pd.testing.assert_frame_equal(old, new)


def test_planted_careers_recommend_for_recurring_clients_from_the_data():
    """On make_history careers: every recurring cell gets rows; "your data"
    rows come from the planted written scope far more than from practices
    planted with no effect."""
    planted_practice = no_effect = 0
    n = 12
    for seed in range(n):
        h = make_history(seed=seed, n_clients=40)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ck.ConflictkitWarning)
            rec = ck.recurring_causes(h)
            r = ck.recommendations(h)
        flagged = rec[rec["recurring"]]
        got = set(zip(r["client"], r["cause"].astype(str), strict=True))
        want = set(zip(flagged["client"], flagged["cause"].astype(str), strict=True))
        assert got == want
        data = r[r["basis"] == "your data"]
        planted_practice += int((data["practice"] == "written_scope").any())
        no_effect += int(
            data["practice"]
            .isin(["meeting_minutes", "regular_checkins", "via_intermediary"])
            .any()
        )
    assert np.isin(r["priority"], np.arange(1, len(want) + 1)).all()
    # measured on 100 careers: a "your data" row on the planted written scope
    # in 36%, on a practice planted with no effect in 6% (22% when every
    # practice was tried on every cause); here 5 and 2 of 12
    assert planted_practice >= 3
    assert no_effect <= 3
