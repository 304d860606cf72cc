"""Time to resolution: Kaplan-Meier checked against lifelines and by hand.

lifelines caps pandas below 3, so its results for the inputs below are stored
in data/oracles/survival.json (with the inputs and its version); see
data/oracles/README.md to regenerate them.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import conflictkit as ck
from conflictkit.analysis._survival import km_curve

AS_OF = pd.Timestamp("2024-12-31")


def history_from_durations(days, resolved, **columns):
    """A history whose disputes last ``days`` (open ones censored at AS_OF)."""
    days = np.asarray(days, dtype=int)
    resolved = np.asarray(resolved, dtype=bool)
    start = pd.Timestamp("2024-01-01")
    opened = np.where(
        resolved,
        start,
        AS_OF - pd.to_timedelta(days, "D"),
    )
    opened = pd.to_datetime(opened)
    closed = pd.Series(opened + pd.to_timedelta(days, "D")).where(resolved)
    frame = pd.DataFrame(
        {
            "client": columns.pop("client", ["Acme"] * len(days)),
            "opened_at": opened,
            "resolved_at": closed,
            **columns,
        }
    )
    return ck.History.from_frames(frame, as_of=AS_OF)


# Ties between resolutions, between censorings, and across the two; no exact
# 0.5 plateau (see test_median_is_first_day_at_one_half_exactly).
TIES_DAYS = [3, 3, 5, 5, 5, 8, 8, 10, 12, 12, 12, 15, 20, 20, 25, 30, 30, 41]
TIES_RESOLVED = [1, 1, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1]


ORACLE = json.loads(
    (Path(__file__).parent / "data" / "oracles" / "survival.json").read_text("utf-8")
)


def stored(values):
    """A stored list of numbers as floats ("inf" and "nan" included)."""
    return np.asarray(values, dtype=float)


def lifelines_fit(confidence_level=0.95):
    """lifelines' KaplanMeierFitter(alpha=1 - level) on TIES_DAYS, TIES_RESOLVED."""
    return ORACLE["ties"]["bands"][repr(confidence_level)]


def test_oracle_inputs_are_the_tests_inputs():
    # the stored results are lifelines' for exactly these inputs
    ties = ORACLE["ties"]
    assert (ties["days"], ties["resolved"]) == (TIES_DAYS, TIES_RESOLVED)
    assert set(ties["bands"]) == {"0.95", "0.8", "0.99"}
    assert len(ORACLE["random_samples"]["samples"]) == 30
    assert ORACLE["versions"]["lifelines"]


class TestAgainstLifelines:
    def test_survival_and_band_match_lifelines_to_1e9(self):
        h = history_from_durations(TIES_DAYS, TIES_RESOLVED)
        curve = ck.survival_curves(h)
        km = lifelines_fit()
        np.testing.assert_array_equal(curve["days"], stored(km["timeline"]))
        np.testing.assert_allclose(
            curve["survival"], stored(km["survival"]), rtol=0, atol=1e-9
        )
        np.testing.assert_allclose(
            curve["ci_low"], stored(km["ci_low"]), rtol=0, atol=1e-9
        )
        np.testing.assert_allclose(
            curve["ci_high"], stored(km["ci_high"]), rtol=0, atol=1e-9
        )

    def test_event_table_matches_lifelines(self):
        h = history_from_durations(TIES_DAYS, TIES_RESOLVED)
        curve = ck.survival_curves(h)
        table = ORACLE["ties"]["event_table"]
        np.testing.assert_array_equal(curve["at_risk"], table["at_risk"])
        np.testing.assert_array_equal(curve["n_resolved"], table["observed"])
        np.testing.assert_array_equal(curve["n_censored"], table["censored"])

    def test_median_and_its_interval_match_lifelines(self):
        h = history_from_durations(TIES_DAYS, TIES_RESOLVED)
        row = ck.time_to_resolution(h).iloc[0]
        # km.median_survival_time_ and median_survival_times(km.confidence_interval_)
        median = float(ORACLE["ties"]["median"])
        ci = stored(ORACLE["ties"]["median_ci"])
        assert row["median_days"] == median
        assert row["ci_low"] == ci[0]
        assert row["ci_high"] == ci[1]

    @pytest.mark.parametrize("confidence_level", [0.8, 0.99])
    def test_confidence_level_matches_lifelines_alpha(self, confidence_level):
        h = history_from_durations(TIES_DAYS, TIES_RESOLVED)
        curve = ck.survival_curves(h, confidence_level=confidence_level)
        km = lifelines_fit(confidence_level)
        np.testing.assert_allclose(
            curve["ci_low"], stored(km["ci_low"]), rtol=0, atol=1e-9
        )
        np.testing.assert_allclose(
            curve["ci_high"], stored(km["ci_high"]), rtol=0, atol=1e-9
        )

    def test_random_samples_match_lifelines(self):
        # 30 samples drawn by make_lifelines_oracles.py (1 to 59 disputes,
        # days 0..19, 10 % to 100 % resolved) with lifelines' curves
        for km in ORACLE["random_samples"]["samples"]:
            days = stored(km["days"])
            resolved = np.asarray(km["resolved"], dtype=bool)
            curve = km_curve(days, resolved)
            np.testing.assert_array_equal(curve["days"], stored(km["timeline"]))
            np.testing.assert_allclose(
                curve["survival"], stored(km["survival"]), atol=1e-9
            )
            for name in ["ci_low", "ci_high"]:
                np.testing.assert_allclose(curve[name], stored(km[name]), atol=1e-9)


class TestByHand:
    def test_five_disputes_by_hand(self):
        # days 2, 4, 4 (open), 6, 9 (open): S(2) = 4/5, S(4) = 4/5 * 3/4 = 0.6,
        # S(6) = 0.6 * 1/2 = 0.3, and the open one at 9 leaves S at 0.3.
        h = history_from_durations([2, 4, 4, 6, 9], [1, 1, 0, 1, 0])
        curve = ck.survival_curves(h)
        assert curve["days"].tolist() == [0, 2, 4, 6, 9]
        np.testing.assert_allclose(curve["survival"], [1, 0.8, 0.6, 0.3, 0.3])
        assert curve["at_risk"].tolist() == [5, 5, 4, 2, 1]
        assert curve["n_resolved"].tolist() == [0, 1, 1, 1, 0]
        assert curve["n_censored"].tolist() == [0, 0, 1, 0, 1]
        with pytest.warns(ck.SmallSampleWarning, match="Only 5 disputes"):
            table = ck.time_to_resolution(h)
        assert table[["group", "n", "n_open"]].values.tolist() == [["all", 5, 2]]
        assert table["median_days"].iloc[0] == 6

    def test_median_is_first_day_at_one_half_exactly(self):
        # 4 resolved on days 1..4: S(2) = 3/4 * 2/3 = 1/2 exactly. lifelines
        # computes exp(log 3/4 + log 2/3) = 0.49999999999999994 here but can
        # land just above 1/2 on other data; the median is day 2 either way.
        h = history_from_durations([1, 2, 3, 4], [1, 1, 1, 1])
        with pytest.warns(ck.SmallSampleWarning):
            table = ck.time_to_resolution(h)
        assert table["median_days"].iloc[0] == 2

    def test_open_disputes_are_censored_not_dropped_nor_resolved(self):
        days = [5, 6, 7, 50, 60, 70, 80, 90, 100, 110]
        resolved = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0]
        table = ck.time_to_resolution(history_from_durations(days, resolved))
        assert table["n"].iloc[0] == 10
        assert table["n_open"].iloc[0] == 7
        # 7 of 10 still open after 110 days: the median is not reached
        # (dropping them would give 6 days, counting them resolved 60).
        assert table["median_days"].iloc[0] == np.inf

    def test_all_disputes_open_gives_medians_not_reached(self):
        h = history_from_durations([10] * 12, [0] * 12)
        table = ck.time_to_resolution(h)
        row = table.iloc[0]
        assert (row["n"], row["n_open"]) == (12, 12)
        assert row["median_days"] == np.inf
        assert row["ci_low"] == np.inf
        assert row["ci_high"] == np.inf
        curve = ck.survival_curves(h)
        assert curve["survival"].eq(1).all()
        assert curve["n_censored"].sum() == 12

    def test_one_dispute_warns_and_gives_its_duration(self):
        h = history_from_durations([7], [1])
        with pytest.warns(ck.SmallSampleWarning, match="Only 1 disputes"):
            table = ck.time_to_resolution(h)
        assert table["median_days"].iloc[0] == 7


class TestGroups:
    def test_by_cause_counts_a_dispute_under_each_cause_it_cites(self):
        h = history_from_durations(
            [2, 4, 6, 8],
            [1, 1, 1, 0],
            causes=["payment;scope", "payment", "scope", "tone"],
        )
        with pytest.warns(ck.SmallSampleWarning):
            table = ck.time_to_resolution(h, by="cause")
        assert table["group"].tolist() == [str(c) for c in ck.Cause]
        n = table.set_index("group")["n"]
        assert n.to_dict() == {
            "scope": 2, "deadlines": 0, "payment": 2, "tone": 1, "trust": 0, "other": 0
        }  # fmt: skip
        payment = table.set_index("group").loc["payment"]
        assert payment["median_days"] == 2  # S(2) = 1/2

    def test_cause_never_seen_has_zero_count_and_nan_median(self):
        h = history_from_durations([3] * 10, [1] * 10, causes=["payment"] * 10)
        table = ck.time_to_resolution(h, by="cause").set_index("group")
        assert table.loc["trust", "n"] == 0
        assert np.isnan(table.loc["trust", "median_days"])
        assert table.loc["payment", "median_days"] == 3
        assert set(ck.survival_curves(h, by="cause")["group"]) == {"payment"}

    def test_by_primary_cause_counts_each_dispute_once(self):
        h = history_from_durations(
            [2] * 10 + [9] * 10,
            [1] * 20,
            causes=["payment;scope"] * 10 + ["scope"] * 10,
        )
        table = ck.time_to_resolution(h, by="primary_cause").set_index("group")
        assert table.loc["payment", "n"] == 10
        assert table.loc["scope", "n"] == 10
        assert table.loc["scope", "median_days"] == 9

    def test_by_client_gives_one_row_per_client(self):
        h = history_from_durations([1, 2, 3] * 4, [1] * 12, client=["B", "A", "C"] * 4)
        with pytest.warns(ck.SmallSampleWarning, match="3 groups have fewer"):
            table = ck.time_to_resolution(h, by="client")
        assert table["group"].tolist() == ["A", "B", "C"]
        assert table["median_days"].tolist() == [2, 1, 3]

    def test_curves_give_the_medians_of_the_table(self):
        h = history_from_durations(TIES_DAYS, TIES_RESOLVED, client=["A", "B"] * 9)
        with pytest.warns(ck.SmallSampleWarning):
            table = ck.time_to_resolution(h, by="client").set_index("group")
        curves = ck.survival_curves(h, by="client")
        assert list(curves.columns) == [
            "group", "days", "survival", "ci_low", "ci_high",
            "at_risk", "n_resolved", "n_censored",
        ]  # fmt: skip
        for client, curve in curves.groupby("group"):
            first = curve.loc[curve["survival"] <= 0.5, "days"].min()
            assert table.loc[client, "median_days"] == first

    def test_result_combines_like_any_frame(self):
        # nothing in .attrs trips pandas when it merges or reshapes the table
        h = history_from_durations(TIES_DAYS, TIES_RESOLVED)
        table = ck.time_to_resolution(h)
        assert table.attrs == {}
        table.merge(table, on="group").melt(id_vars="group")
        table.astype({"n": float})

    def test_unknown_by_names_the_options(self):
        h = history_from_durations([1], [1])
        with pytest.raises(ValueError, match=r"`by` must be None or one of .*'cause'"):
            ck.time_to_resolution(h, by="colour")

    def test_bad_confidence_level_is_refused(self):
        h = history_from_durations([1], [1])
        with pytest.raises(ValueError, match="confidence_level"):
            ck.survival_curves(h, confidence_level=95)

    def test_not_a_history_is_refused(self):
        with pytest.raises(TypeError, match="History"):
            ck.time_to_resolution(pd.DataFrame({"x": [1]}))


def test_time_to_resolution_does_not_mutate_the_history():
    h = history_from_durations(TIES_DAYS, TIES_RESOLVED, causes=["scope"] * 18)
    before = h.disputes.copy(), h.causes.copy()
    ck.time_to_resolution(h, by="cause")
    ck.survival_curves(h, by="primary_cause")
    pd.testing.assert_frame_equal(h.disputes, before[0])
    pd.testing.assert_frame_equal(h.causes, before[1])


def test_by_cause_does_not_depend_on_the_order_of_the_cause_table():
    h = history_from_durations(
        TIES_DAYS, TIES_RESOLVED, causes=["scope;payment", "tone", "payment"] * 6
    )
    shuffled = dataclasses.replace(h, causes=h.causes.sample(frac=1, random_state=1))
    with pytest.warns(ck.SmallSampleWarning):
        expected = ck.time_to_resolution(h, by="cause")
    with pytest.warns(ck.SmallSampleWarning):
        got = ck.time_to_resolution(shuffled, by="cause")
    pd.testing.assert_frame_equal(got, expected)
