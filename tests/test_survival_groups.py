"""Kaplan-Meier for all groups at once, checked against scipy.stats.ecdf per group.

The oracle is scipy itself, called here group by group (``ecdf`` on
``CensoredData`` and its log-log band), plus counts by hand; and the former
per-group path, whose frames must come out the same (survival to the last
bit, the bands to 1e-12: pandas' grouped cumsum is Kahan-compensated).
"""

from __future__ import annotations

import dataclasses
import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import conflictkit as ck
from conflictkit.analysis._km_groups import _group_then_day_order, km_groups
from conflictkit.analysis._survival import (
    _factorize_sorted,
    _group_column,
    _survival_curves_per_group,
    _time_to_resolution_per_group,
)

AS_OF = pd.Timestamp("2024-12-31")


def history_of(days, resolved, clients) -> ck.History:
    """Disputes lasting ``days`` (whole days), open ones censored at AS_OF."""
    days = np.asarray(days, dtype=int)
    resolved = np.asarray(resolved, dtype=bool)
    opened = pd.to_datetime(
        np.where(
            resolved, pd.Timestamp("2020-01-01"), AS_OF - pd.to_timedelta(days, "D")
        )
    )
    closed = pd.Series(opened + pd.to_timedelta(days, "D")).where(resolved)
    frame = pd.DataFrame(
        {"client": clients, "opened_at": opened, "resolved_at": closed}
    )
    return ck.History.from_frames(frame, as_of=AS_OF)


def random_groups(rng, n_groups=1000):
    """Durations over ``n_groups`` clients of every awkward kind.

    Sizes from 1 to 60 (a tenth of the groups have one dispute), a tenth all
    open, a tenth all resolved, whole days from a short range (many ties,
    across resolved and open too), zero durations in about one row in twelve.
    """
    sizes = rng.integers(1, 61, n_groups)
    sizes[rng.random(n_groups) < 0.1] = 1
    kind = rng.choice(["mixed", "open", "resolved"], n_groups, p=[0.8, 0.1, 0.1])
    days, resolved, clients = [], [], []
    for i, (n, k) in enumerate(zip(sizes, kind, strict=True)):
        span = int(rng.integers(1, 40))
        days.append(rng.integers(0, span, n))
        share = {"open": 0.0, "resolved": 1.0}.get(k, rng.uniform(0.1, 0.95))
        resolved.append(rng.random(n) < share)
        clients += [f"C{i:04d}"] * n
    return np.concatenate(days), np.concatenate(resolved), clients, sizes, kind


def scipy_curve(days, resolved, confidence_level=0.95):
    """scipy's curve (and band, filled as lifelines draws it) for one group."""
    res = stats.ecdf(
        stats.CensoredData(uncensored=days[resolved], right=days[~resolved])
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        ci = res.sf.confidence_interval(confidence_level, method="log-log")
    s = res.sf.probabilities
    edge = (s == 0) | (s == 1)
    lo = np.where(np.isnan(ci.low.probabilities) & edge, s, ci.low.probabilities)
    hi = np.where(np.isnan(ci.high.probabilities) & edge, s, ci.high.probabilities)
    return res.sf.quantiles, s, lo, hi


def first_at_half(t, values):
    hit = np.flatnonzero(values <= 0.5 + 1e-12)
    return t[hit[0]] if hit.size else np.inf


@pytest.fixture(scope="module")
def thousand_groups():
    rng = np.random.default_rng(20261127)
    days, resolved, clients, sizes, kind = random_groups(rng)
    return history_of(days, resolved, clients), days, resolved, clients, sizes, kind


class TestThousandRandomGroups:
    def test_the_draw_has_every_awkward_case(self, thousand_groups):
        _, days, resolved, clients, sizes, kind = thousand_groups
        assert (sizes == 1).sum() >= 50
        assert (kind == "open").sum() >= 50
        assert (kind == "resolved").sum() >= 50
        assert (days == 0).sum() >= 100
        frame = pd.DataFrame({"c": clients, "d": days, "r": resolved})
        tied = frame.groupby(["c", "d"])["r"].agg(["size", "nunique"])
        assert (tied["nunique"] == 2).sum() >= 100  # resolved and open on one day

    def test_curves_are_scipy_ecdf_per_group(self, thousand_groups):
        h, days, resolved, clients, _, _ = thousand_groups
        curves = ck.survival_curves(h, by="client")
        clients = np.asarray(clients)
        checked = 0
        for client, curve in curves.groupby("group", sort=False):
            rows = clients == client
            t, s, lo, hi = scipy_curve(days[rows].astype(float), resolved[rows])
            if t[0] > 0:  # the curve starts at day 0, survival 1
                assert curve.iloc[0][
                    ["days", "survival", "ci_low", "ci_high"]
                ].tolist() == [0, 1, 1, 1]
                curve = curve.iloc[1:]
            np.testing.assert_array_equal(curve["days"], t)
            np.testing.assert_array_equal(curve["survival"], s)
            np.testing.assert_allclose(curve["ci_low"], lo, rtol=1e-12, atol=0)
            np.testing.assert_allclose(curve["ci_high"], hi, rtol=1e-12, atol=0)
            checked += 1
        assert checked == 1000

    def test_counts_per_day_by_hand(self, thousand_groups):
        h, days, resolved, clients, _, _ = thousand_groups
        curves = ck.survival_curves(h, by="client")
        frame = pd.DataFrame(
            {"group": clients, "days": days.astype(float), "r": resolved}
        )
        at_risk = [
            int(((frame["group"] == g) & (frame["days"] >= t)).sum())
            for g, t in zip(curves["group"][:500], curves["days"][:500], strict=True)
        ]
        assert curves["at_risk"][:500].tolist() == at_risk
        per_day = frame.groupby(["group", "days"])["r"].agg(["sum", "size"])
        merged = curves.merge(
            per_day, left_on=["group", "days"], right_index=True, how="left"
        )
        merged[["sum", "size"]] = merged[["sum", "size"]].fillna(0)  # the added day 0
        assert merged["n_resolved"].eq(merged["sum"]).all()
        assert merged["n_censored"].eq(merged["size"] - merged["sum"]).all()

    def test_medians_read_off_scipy_curves(self, thousand_groups):
        h, days, resolved, clients, sizes, _ = thousand_groups
        with pytest.warns(ck.SmallSampleWarning):
            table = ck.time_to_resolution(h, by="client").set_index("group")
        clients = np.asarray(clients)
        for client, row in table.iterrows():
            rows = clients == client
            t, s, lo, hi = scipy_curve(days[rows].astype(float), resolved[rows])
            assert row["n"] == rows.sum()
            assert row["n_open"] == (~resolved[rows]).sum()
            assert row["median_days"] == first_at_half(t, s)
            assert row["ci_low"] == first_at_half(t, lo)
            assert row["ci_high"] == first_at_half(t, hi)
        # all-open groups never reach one half; one-dispute resolved ones at once
        assert np.isinf(table["median_days"]).sum() >= 50

    @pytest.mark.parametrize("confidence_level", [0.8, 0.95])
    def test_frames_equal_the_former_per_group_path(
        self, thousand_groups, confidence_level
    ):
        h = thousand_groups[0]
        kw = {"by": "client", "confidence_level": confidence_level}
        pd.testing.assert_frame_equal(
            ck.survival_curves(h, **kw),
            _survival_curves_per_group(h, **kw),
            check_exact=False,
            rtol=1e-12,
            atol=0,
        )
        with pytest.warns(ck.SmallSampleWarning, match="groups have fewer"):
            new = ck.time_to_resolution(h, **kw)
        with pytest.warns(ck.SmallSampleWarning, match="groups have fewer"):
            old = _time_to_resolution_per_group(h, **kw)
        pd.testing.assert_frame_equal(new, old, check_exact=False, rtol=1e-12, atol=0)


@pytest.mark.parametrize(
    "by", [None, "cause", "primary_cause", "client", "severity", "outcome", "opened_at"]
)
def test_every_grouping_of_the_example_equals_the_former_path(by):
    # categorical groups never seen, labels of several dtypes, missing values
    h = ck.load_example()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ck.SmallSampleWarning)
        pd.testing.assert_frame_equal(
            ck.time_to_resolution(h, by=by), _time_to_resolution_per_group(h, by=by),
            check_exact=False, rtol=1e-12, atol=0,
        )  # fmt: skip
    pd.testing.assert_frame_equal(
        ck.survival_curves(h, by=by),
        _survival_curves_per_group(h, by=by),
        check_exact=False,
        rtol=1e-12,
        atol=0,
    )


def test_clock_times_and_causes_equal_the_former_path(rng):
    # durations in fractions of days (opened and resolved at clock times)
    n = 3000
    opened = pd.Timestamp("2022-01-01") + pd.to_timedelta(
        rng.integers(0, 8 * 10**7, n), "s"
    )
    closed = opened + pd.to_timedelta(rng.exponential(20 * 86400, n).round(), "s")
    frame = pd.DataFrame(
        {
            "client": rng.choice([f"C{i}" for i in range(400)], n),
            "opened_at": opened,
            "resolved_at": pd.Series(closed).where(rng.random(n) > 0.25),
            "causes": rng.choice(["scope", "payment;tone", "deadlines;scope;trust"], n),
        }
    )
    h = ck.History.from_frames(frame, as_of=AS_OF)
    assert (h.durations()["duration_days"] % 1 != 0).mean() > 0.9
    assert h.disputes["resolved_at"].isna().any()
    for by in ("client", "cause", None):
        pd.testing.assert_frame_equal(
            ck.survival_curves(h, by=by),
            _survival_curves_per_group(h, by=by),
            check_exact=False,
            rtol=1e-12,
            atol=0,
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ck.SmallSampleWarning)
            new = ck.time_to_resolution(h, by=by)
            old = _time_to_resolution_per_group(h, by=by)
        pd.testing.assert_frame_equal(new, old, check_exact=False, rtol=1e-12, atol=0)


class TestCensoring:
    def test_open_disputes_stay_in_their_group_censored_at_as_of(self):
        # client A: 10 resolved within a week, 12 open for 30 days: more than
        # half still open, the median is not reached (dropping the open ones
        # would give 3 days). Client B, the same durations all resolved: 30.
        days = [1, 2, 3, 3, 3, 4, 4, 5, 6, 7] + [30] * 12
        h = history_of(
            days * 2, [True] * 10 + [False] * 12 + [True] * 22, ["A"] * 22 + ["B"] * 22
        )
        table = ck.time_to_resolution(h, by="client").set_index("group")
        assert table.loc["A", ["n", "n_open"]].tolist() == [22, 12]
        assert table.loc["A", "median_days"] == np.inf
        assert table.loc["B", ["n", "n_open"]].tolist() == [22, 0]
        assert table.loc["B", "median_days"] == 30
        curves = ck.survival_curves(h, by="client")
        a = curves[curves["group"] == "A"]
        assert a["n_censored"].sum() == 12
        assert a["n_resolved"].sum() == 10
        assert a["at_risk"].iloc[-1] == 12

    def test_all_open_group_is_flat_at_one_with_its_band(self):
        h = history_of(
            [5, 5, 9] + [2] * 10, [False] * 3 + [True] * 10, ["A"] * 3 + ["B"] * 10
        )
        curves = ck.survival_curves(h, by="client")
        a = curves[curves["group"] == "A"]
        assert a["days"].tolist() == [0, 5, 9]
        assert a[["survival", "ci_low", "ci_high"]].eq(1).all().all()
        assert a["at_risk"].tolist() == [3, 3, 1]

    def test_zero_durations_start_the_curve_without_a_second_day_zero(self):
        h = history_of([0, 0, 0, 4], [True, True, False, True], ["A"] * 4)
        curve = ck.survival_curves(h, by="client")
        assert curve["days"].tolist() == [0, 4]
        assert curve["at_risk"].tolist() == [4, 1]
        assert curve["n_resolved"].tolist() == [2, 1]
        assert curve["n_censored"].tolist() == [1, 0]
        np.testing.assert_allclose(curve["survival"], [0.5, 0.0])
        with pytest.warns(ck.SmallSampleWarning):
            assert ck.time_to_resolution(h, by="client")["median_days"].iloc[0] == 0

    def test_missing_duration_is_refused_with_a_reason(self):
        h = history_of([1, 2], [True, True], ["A", "B"])
        d = h.disputes.copy()
        d.loc[0, "opened_at"] = pd.NaT
        broken = dataclasses.replace(h, disputes=d)
        with pytest.raises(ValueError, match="durations are missing"):
            ck.time_to_resolution(broken, by="client")


class TestEngine:
    def test_rows_outside_any_group_are_left_out(self):
        days = np.array([1.0, 2, 3, 4])
        resolved = np.array([True, True, True, True])
        c = km_groups(days, resolved, np.array([0, -1, 0, 2]), 3)
        assert c["group"].tolist() == [0, 0, 2]
        assert c["size"].tolist() == [2, 0, 1]
        assert c["survival"].tolist() == [0.5, 0.0, 0.0]

    def test_no_rows_gives_empty_curves(self):
        c = km_groups(np.array([]), np.array([], bool), np.array([], np.intp), 2)
        assert c["days"].size == 0
        assert c["size"].tolist() == [0, 0]

    @pytest.mark.parametrize("confidence_level", [0.8, 0.95])
    def test_day_zero_rows_are_the_curves_with_day_zero_put_in(
        self, rng, confidence_level
    ):
        # groups starting past day 0 (censored or not), at day 0 (no row
        # added), one group with no row at all; the curves without day 0,
        # with a (0, 1, 1, 1, n, 0, 0) row put in front of each by hand
        n = 4000
        codes = rng.integers(0, 300, n)
        codes[codes == 7] = 8
        days = rng.integers(0, 30, n).astype(float)
        days[codes < 40] += 1  # these start past day 0 whatever the draw
        resolved = rng.random(n) < np.where(codes % 3 == 0, 1.0, 0.7)
        kw = {"confidence_level": confidence_level}
        plain = km_groups(days, resolved, codes, 300, **kw)
        zero = km_groups(days, resolved, codes, 300, day_zero=True, **kw)
        names = [k for k in plain if k not in ("size", "n_open")]
        curves = pd.DataFrame({k: plain[k] for k in names})
        starts = curves.groupby("group").head(1)
        starts = starts[starts["days"] > 0]
        added = pd.DataFrame(
            {
                "group": starts["group"],
                "days": 0.0,
                "survival": 1.0,
                "ci_low": 1.0,
                "ci_high": 1.0,
                "at_risk": plain["size"][starts["group"]],
                "n_resolved": 0,
                "n_censored": 0,
            }
        )
        expected = (
            pd.concat([added, curves])
            .sort_values(["group", "days"], kind="stable")
            .reset_index(drop=True)
        )
        assert 0 < len(added) < plain["size"].astype(bool).sum()
        pd.testing.assert_frame_equal(
            pd.DataFrame({k: zero[k] for k in names}), expected, check_exact=True
        )
        assert zero["size"].tolist() == plain["size"].tolist()
        assert zero["n_open"].tolist() == plain["n_open"].tolist()


class TestOrderAndLabels:
    @pytest.mark.parametrize("n_groups", [1, 7, 70_000, 5_000_000])
    def test_rows_sorted_by_group_then_duration_like_lexsort(self, rng, n_groups):
        # codes past 65,535 take a second 16-bit pass, past 2**32 a third
        codes = rng.integers(0, n_groups, 3000) * (1 if n_groups < 10**6 else 997)
        days = np.round(rng.exponential(10, 3000), 1)
        order = _group_then_day_order(codes, days)
        expected = np.lexsort((days, codes))
        np.testing.assert_array_equal(codes[order], codes[expected])
        np.testing.assert_array_equal(days[order], days[expected])

    @pytest.mark.parametrize(
        "values",
        [
            pd.array(["b", "a", None, "c", "a", "é", "B"], dtype="string[pyarrow]"),
            pd.array([3, 1, None, 2, 1], dtype="Int64"),
            pd.array([True, False, None, True], dtype="boolean"),
            pd.to_datetime(["2024-03-01", "2024-01-01", None, "2024-01-01"]),
            np.array([2.5, np.nan, 1.0, 2.5]),
            np.array(["b", 1, "a", 1, None], dtype=object),  # pandas' own path
            pd.array([None, None], dtype="string[pyarrow]"),
        ],
    )
    def test_sorted_factorize_is_pandas_factorize_sorted(self, values):
        col = pd.Series(values)
        codes, labels = _factorize_sorted(col)
        want_codes, want_labels = pd.factorize(col, sort=True)
        np.testing.assert_array_equal(codes, want_codes)
        pd.testing.assert_index_equal(labels, pd.Index(want_labels))

    @pytest.mark.parametrize(
        "labels",
        [
            pd.Index(["b", "a", "é", "c"], dtype="string[pyarrow]"),
            pd.Index(["b", "a", "é", "c"], dtype=object),
            pd.Index(
                pd.to_datetime(["2024-03-01", "2024-01-01", "2024-02-01", "2025-01-01"])
            ),
            pd.Index([3, 1, 2, 7], dtype="Int64"),
            pd.Index([2.5, 1.0, 0.5, 4.0]),
            pd.Index([True, False], dtype="boolean"),
            pd.Index(["x", 1, 2.5, "y"], dtype=object),
            # dates but for the label with no row: datetime64, not object
            pd.Index([pd.Timestamp("2024-01-01"), "x", pd.Timestamp("2024-02-01")]),
            pd.CategoricalIndex(["scope", "tone", "trust", "payment"]).categories,
        ],
    )
    def test_group_column_is_what_pandas_infers_from_a_label_per_row(self, labels):
        # as the frame was built before: one Python label per row; a label
        # with no row must not change the dtype
        sizes = np.array([2, 0, 1, 3])[: len(labels)]
        groups = np.repeat(np.arange(len(labels)), sizes)
        per_row = np.asarray(list(labels), dtype=object)[groups]
        expected = pd.DataFrame({"group": per_row})
        got = pd.DataFrame({"group": _group_column(labels, groups, sizes)})
        pd.testing.assert_frame_equal(got, expected, check_exact=True)
        assert list(map(type, got["group"])) == list(map(type, expected["group"]))
