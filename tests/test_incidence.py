"""Tests for outcome_incidence (conflictkit/analysis/_incidence.py): the
Aalen-Johansen estimator against a hand computation and scipy's Kaplan-Meier."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import conflictkit as ck
from conflictkit.analysis._incidence import ENDS

OPENED = pd.Timestamp("2024-01-01")


def history_of(days, outcomes, escalation=None, causes=None, as_of="2024-06-01"):
    n = len(days)
    frame = pd.DataFrame(
        {
            "client": [f"C{i % 3}" for i in range(n)],
            "opened_at": [OPENED] * n,
            "resolved_at": [
                OPENED + pd.Timedelta(days=d) if o is not None else pd.NaT
                for d, o in zip(days, outcomes, strict=True)
            ],
            "outcome": outcomes,
            "causes": causes if causes is not None else ["payment"] * n,
        }
    )
    if escalation is not None:
        frame["escalation"] = escalation
    return ck.History.from_frames(frame, as_of=as_of)


def by_hand(time, end, horizon, kind):
    """The Aalen-Johansen sum written out, one distinct time at a time."""
    surv, cif = 1.0, 0.0
    for t in sorted(set(time[end >= 0])):
        if t > horizon:
            break
        at_risk = np.sum(time >= t)
        ended = np.sum((time == t) & (end >= 0))
        mine = np.sum((time == t) & (end == kind))
        cif += surv * mine / at_risk
        surv *= 1 - ended / at_risk
    return cif


class TestOutcomeIncidence:
    def test_small_example_by_hand(self):
        # 5 agreed (amicable) after 3 days; 10: conceded, 10: compromise
        # (a tie); 20: abandoned; one open, censored at as_of (31 days)
        h = history_of(
            [3, 10, 10, 20, 0],
            ["amicable", "conceded", "compromise", "abandoned", None],
            as_of="2024-02-01",
        )
        out = ck.outcome_incidence(h, by=None, horizons=(7, 15, 30))
        cif = out.set_index(["end", "horizon_days"])["incidence"]
        # day 3: 1 of 5; day 10: 2 of 4 with 4/5 still running; day 20: 1 of 2
        assert cif["agreement", 7] == pytest.approx(1 / 5)
        assert cif["agreement", 15] == pytest.approx(1 / 5 + 4 / 5 * 1 / 4)
        assert cif["conceded", 15] == pytest.approx(4 / 5 * 1 / 4)
        assert cif["abandoned", 30] == pytest.approx(4 / 5 * 2 / 4 * 1 / 2)
        assert cif["abandoned", 15] == 0.0
        n_ended = out.set_index(["end", "horizon_days"])["n_ended"]
        assert n_ended["agreement", 30] == 2
        assert (out["n_disputes"] == 5).all()

    def test_matches_the_sum_written_out_and_scipy_kaplan_meier(self):
        rng = np.random.default_rng(11)
        n = 60
        days = rng.integers(1, 60, n)
        resolved = rng.random(n) < 0.8
        pick = rng.choice(["amicable", "conceded", "prevailed", "abandoned"], n)
        outcomes = [o if r else None for o, r in zip(pick, resolved, strict=True)]
        h = history_of(days, outcomes, as_of="2024-03-01")
        horizons = (7, 14, 30, 45)
        out = ck.outcome_incidence(h, by=None, horizons=horizons)
        d = h.durations()
        time = d["duration_days"].to_numpy()
        codes = {"amicable": 0, "prevailed": 1, "conceded": 2, "abandoned": 3}
        end = np.array([codes[o] if pd.notna(o) else -1 for o in h.disputes["outcome"]])
        end = np.where(d["resolved"].to_numpy(), end, -1)
        table = out.set_index(["end", "horizon_days"])["incidence"]
        for k, name in enumerate(ENDS[:4]):
            for hz in horizons:
                want = by_hand(time, end, hz, k)
                assert table[name, hz] == pytest.approx(want, abs=1e-12)
        # the ends plus "still running" (scipy's Kaplan-Meier) make 1
        km = stats.ecdf(
            stats.CensoredData(uncensored=time[end >= 0], right=time[end < 0])
        )
        for hz in horizons:
            total = out.loc[out["horizon_days"] == hz, "incidence"].sum()
            assert total + km.sf.evaluate(hz) == pytest.approx(1.0, abs=1e-12)

    def test_court_and_unknown_outcomes_are_ends_of_their_own(self):
        h = history_of(
            [5, 5, 8, 12],
            ["prevailed", None, "compromise", "conceded"],
            escalation=["court", "dialogue", "court", "proposal"],
        )
        # the second is open (no resolution): give it one, outcome unknown
        frame = h.disputes.drop(columns=["primary_cause"]).copy()
        frame.loc[1, "resolved_at"] = OPENED + pd.Timedelta(days=5)
        h = ck.History.from_frames(frame, as_of="2024-06-01")
        out = ck.outcome_incidence(h, by=None, horizons=(30,)).set_index("end")
        assert out.loc["court", "n_ended"] == 2  # whatever the outcome
        assert out.loc["not recorded", "n_ended"] == 1
        assert out.loc["prevailed", "n_ended"] == 0
        assert out["incidence"].sum() == pytest.approx(1.0)

    def test_by_cause_counts_each_cause_cited_and_all(self):
        h = history_of(
            [3, 10, 20], ["amicable", "conceded", "amicable"],
            causes=["payment;scope", "scope", "tone"],
        )  # fmt: skip
        out = ck.outcome_incidence(h, horizons=(30,))
        sizes = out.groupby("cause", sort=False)["n_disputes"].first()
        assert sizes["scope"] == 2
        assert sizes["payment"] == 1
        assert sizes["all"] == 3
        assert out.loc[out["cause"] == "trust", "incidence"].isna().all()
        scope = out[out["cause"] == "scope"].set_index("end")["incidence"]
        assert scope["agreement"] == pytest.approx(0.5)

    def test_by_client(self):
        h = history_of([3, 10, 20], ["amicable", "conceded", "amicable"])
        out = ck.outcome_incidence(h, by="client", horizons=(30,))
        assert set(out["client"]) == {"C0", "C1", "C2"}

    def test_rejects_bad_horizons_and_by(self):
        h = history_of([3], ["amicable"])
        with pytest.raises(ValueError, match="`horizons`"):
            ck.outcome_incidence(h, horizons=(-1,))
        with pytest.raises(ValueError, match="`by` must be one of"):
            ck.outcome_incidence(h, by="severity")

    def test_runs_on_the_example(self):
        out = ck.outcome_incidence(ck.load_example())
        assert set(out["horizon_days"]) == {7.0, 30.0, 90.0}
        sums = out.groupby(["cause", "horizon_days"])["incidence"].sum()
        assert (sums.dropna() <= 1 + 1e-12).all()
        # incidence never falls as the horizon grows
        wide = out.pivot_table(
            index=["cause", "end"], columns="horizon_days", values="incidence",
            observed=True,
        )  # fmt: skip
        assert (np.diff(wide.to_numpy(), axis=1) >= -1e-12).all()
