"""Tests for cause_counts and cause_cooccurrence (conflictkit/analysis/_counts.py,
conflictkit/analysis/_cooccurrence.py)."""

from __future__ import annotations

import copy
import itertools

import numpy as np
import pandas as pd
import pytest

import conflictkit as ck
from conflictkit import Cause


def small_history() -> ck.History:
    """Five disputes, two clients, three years; one dispute is unlabelled.

    Acme:   2022-03 payment;tone   2023-01 payment   2023-05 scope;deadlines
    Globex: 2023-02 payment        2024-07 (no cause)
    """
    return ck.History.from_frames(
        pd.DataFrame(
            {
                "dispute_id": ["D1", "D2", "D3", "D4", "D5"],
                "client": ["Acme", "Acme", "Acme", "Globex", "Globex"],
                "opened_at": [
                    "2022-03-10",
                    "2023-01-05",
                    "2023-05-20",
                    "2023-02-14",
                    "2024-07-01",
                ],
                "causes": [
                    "payment;tone",
                    "payment",
                    "scope;deadlines",
                    "payment",
                    None,
                ],
                "severity": ["low", "high", "high", None, "low"],
            }
        )
    )


def labelled_history() -> ck.History:
    """The small history without its unlabelled dispute."""
    h = small_history()
    d = h.disputes[h.disputes["primary_cause"].notna()]
    return ck.History(disputes=d, causes=h.causes, as_of=h.as_of)


def random_history(rng, n=400) -> ck.History:
    """A larger random history, for checks against plain pandas."""
    causes = [c.value for c in Cause]
    labels = []
    for _ in range(n):
        k = rng.choice([0, 1, 1, 2, 3])
        labels.append(";".join(rng.choice(causes, size=k, replace=False)) or None)
    return ck.History.from_frames(
        pd.DataFrame(
            {
                "client": rng.choice(["A", "B", "C", "D", "E"], size=n),
                "opened_at": pd.Timestamp("2018-01-01")
                + pd.to_timedelta(rng.integers(0, 6 * 365, size=n), unit="D"),
                "causes": labels,
            }
        )
    )


def counts_of(table: pd.DataFrame) -> dict:
    return dict(zip(table["cause"].astype(str), table["n_disputes"], strict=True))


class TestCauseCounts:
    def test_counts_a_dispute_once_per_cause_it_cites(self):
        out = ck.cause_counts(labelled_history())
        assert counts_of(out) == {
            "payment": 3,
            "tone": 1,
            "scope": 1,
            "deadlines": 1,
            "trust": 0,
            "other": 0,
        }
        # 6 citations in all: payment 3/6, then ties in Cause order
        assert out["cause"].astype(str).tolist() == [
            "payment",
            "scope",
            "deadlines",
            "tone",
            "trust",
            "other",
        ]
        np.testing.assert_allclose(out["share"], [0.5, 1 / 6, 1 / 6, 1 / 6, 0, 0])
        np.testing.assert_allclose(
            out["cumulative_share"], [0.5, 2 / 3, 5 / 6, 1, 1, 1]
        )
        assert out["cause"].dtype == ck.model.CAUSE_DTYPE

    def test_primary_only_counts_each_dispute_once(self):
        out = ck.cause_counts(labelled_history(), primary_only=True)
        assert counts_of(out)["payment"] == 3
        assert counts_of(out)["scope"] == 1
        assert counts_of(out)["tone"] == 0
        assert out["n_disputes"].sum() == 4

    def test_warns_with_the_number_of_unlabelled_disputes_left_out(self):
        with pytest.warns(ck.ConflictkitWarning, match="1 of 5 disputes cite no cause"):
            out = ck.cause_counts(small_history())
        assert out["n_disputes"].sum() == 6

    def test_per_client_in_pareto_order_within_each_client(self):
        with pytest.warns(ck.ConflictkitWarning):
            out = ck.cause_counts(small_history(), by="client")
        assert list(out.columns) == [
            "client",
            "cause",
            "n_disputes",
            "share",
            "cumulative_share",
        ]
        acme = out[out["client"] == "Acme"]
        assert acme["cause"].astype(str).tolist()[:4] == [
            "payment",
            "scope",
            "deadlines",
            "tone",
        ]
        assert acme["n_disputes"].tolist()[:4] == [2, 1, 1, 1]
        assert acme["cumulative_share"].iloc[-1] == pytest.approx(1.0)
        globex = out[out["client"] == "Globex"]
        assert counts_of(globex)["payment"] == 1
        assert globex["share"].iloc[0] == 1.0
        assert out["client"].dtype == ck.model.STRING_DTYPE
        assert out["client"].tolist() == ["Acme"] * 6 + ["Globex"] * 6

    def test_per_year_uses_the_opening_date_and_integer_years(self):
        out = ck.cause_counts(labelled_history(), by="year")
        assert sorted(out["year"].unique().tolist()) == [2022, 2023]
        y2023 = out[out["year"] == 2023]
        assert counts_of(y2023) == {
            "payment": 2,
            "scope": 1,
            "deadlines": 1,
            "tone": 0,
            "trust": 0,
            "other": 0,
        }

    def test_per_quarter_and_month_label_groups_with_periods(self):
        out = ck.cause_counts(labelled_history(), by="quarter")
        assert out["quarter"].unique().tolist() == [
            pd.Period("2022Q1"),
            pd.Period("2023Q1"),
            pd.Period("2023Q2"),
        ]
        q1 = out[out["quarter"] == pd.Period("2023Q1")]
        assert counts_of(q1)["payment"] == 2
        months = ck.cause_counts(labelled_history(), by="month")
        assert months["month"].iloc[0] == pd.Period("2022-03", freq="M")
        assert months["month"].nunique() == 4

    def test_any_dispute_column_can_group_and_missing_values_form_a_group(self):
        with pytest.warns(ck.ConflictkitWarning):
            out = ck.cause_counts(small_history(), by="severity")
        # D4 (payment) has no severity: it forms its own group
        missing = out[out["severity"].isna()]
        assert counts_of(missing)["payment"] == 1
        high = out[out["severity"] == "high"]
        assert counts_of(high) == {
            "payment": 1,
            "scope": 1,
            "deadlines": 1,
            "tone": 0,
            "trust": 0,
            "other": 0,
        }
        # "low" has D1 (payment;tone) and the unlabelled D5
        assert counts_of(out[out["severity"] == "low"])["tone"] == 1

    def test_rejects_an_unknown_grouping_with_the_options(self):
        with pytest.raises(ValueError, match=r"The value for `by` must be one of"):
            ck.cause_counts(labelled_history(), by="week")

    def test_all_unlabelled_gives_an_empty_table_and_a_warning(self):
        h = ck.History.from_frames(
            pd.DataFrame({"client": ["A", "B"], "opened_at": ["2024-01-01"] * 2})
        )
        with pytest.warns(ck.ConflictkitWarning, match="2 of 2"):
            out = ck.cause_counts(h)
        assert out.empty
        assert list(out.columns) == [
            "cause",
            "n_disputes",
            "share",
            "cumulative_share",
        ]
        with pytest.warns(ck.ConflictkitWarning):
            assert ck.cause_counts(h, by="client").empty

    def test_one_dispute(self):
        h = ck.History.from_frames(
            pd.DataFrame(
                {"client": ["A"], "opened_at": ["2024-01-01"], "causes": ["trust"]}
            )
        )
        out = ck.cause_counts(h, by="client")
        assert out["n_disputes"].tolist() == [1, 0, 0, 0, 0, 0]
        assert out["cause"].iloc[0] == Cause.TRUST

    def test_matches_a_plain_pandas_count(self, rng):
        h = random_history(rng)
        with pytest.warns(ck.ConflictkitWarning):
            out = ck.cause_counts(h, by="client")
        joined = h.causes.merge(h.disputes[["dispute_id", "client"]], on="dispute_id")
        expected = joined.groupby(["client", "cause"], observed=False).size()
        got = out.set_index(["client", "cause"])["n_disputes"]
        pd.testing.assert_series_equal(
            got.sort_index(), expected.sort_index(), check_names=False
        )
        assert (out.groupby("client")["n_disputes"].diff().dropna() <= 0).all()

    def test_does_not_mutate_the_history(self):
        h = small_history()
        before = copy.deepcopy(h)
        with pytest.warns(ck.ConflictkitWarning):
            ck.cause_counts(h, by="month")
        pd.testing.assert_frame_equal(h.disputes, before.disputes)
        pd.testing.assert_frame_equal(h.causes, before.causes)


class TestCauseCooccurrence:
    def test_counts_pairs_share_and_lift_by_hand(self):
        with pytest.warns(ck.SmallSampleWarning, match="Only 4 labelled disputes"):
            out = ck.cause_cooccurrence(small_history())
        # labelled: D1 payment+tone, D2 payment, D3 scope+deadlines, D4 payment
        assert out[["cause_a", "cause_b"]].astype(str).values.tolist() == [
            ["scope", "deadlines"],
            ["payment", "tone"],
        ]
        assert out["n_disputes"].tolist() == [1, 1]
        np.testing.assert_allclose(out["share"], [0.25, 0.25])
        # lift(scope, deadlines) = (1/4) / ((1/4) (1/4)) = 4
        # lift(payment, tone)   = (1/4) / ((3/4) (1/4)) = 4/3
        np.testing.assert_allclose(out["lift"], [4.0, 4 / 3])

    def test_min_count_zero_lists_all_fifteen_pairs(self):
        with pytest.warns(ck.SmallSampleWarning):
            out = ck.cause_cooccurrence(small_history(), min_count=0)
        assert len(out) == 15
        assert (out["cause_a"].cat.codes < out["cause_b"].cat.codes).all()
        never = out[(out["cause_a"] == Cause.TRUST) & (out["cause_b"] == Cause.OTHER)]
        assert never["n_disputes"].item() == 0
        assert np.isnan(never["lift"].item())
        with pytest.warns(ck.SmallSampleWarning):
            assert ck.cause_cooccurrence(small_history(), min_count=2).empty

    def test_matches_a_self_merge_on_dispute_id(self, rng):
        h = random_history(rng)
        out = ck.cause_cooccurrence(h)
        c = h.causes[["dispute_id", "cause"]].astype({"cause": str})
        pairs = c.merge(c, on="dispute_id")
        pairs = pairs[pairs["cause_x"] < pairs["cause_y"]]
        n_lab = c["dispute_id"].nunique()
        p = c.groupby("cause")["dispute_id"].nunique() / n_lab
        for a, b in itertools.combinations(sorted(p.index), 2):
            n_ab = ((pairs["cause_x"] == a) & (pairs["cause_y"] == b)).sum()
            row = out[
                ((out["cause_a"] == a) & (out["cause_b"] == b))
                | ((out["cause_a"] == b) & (out["cause_b"] == a))
            ]
            if n_ab == 0:
                assert row.empty
                continue
            assert row["n_disputes"].item() == n_ab
            assert row["share"].item() == pytest.approx(n_ab / n_lab)
            assert row["lift"].item() == pytest.approx(n_ab / n_lab / (p[a] * p[b]))
        assert out["n_disputes"].is_monotonic_decreasing

    def test_no_labelled_dispute_gives_an_empty_table(self):
        h = ck.History.from_frames(
            pd.DataFrame({"client": ["A"], "opened_at": ["2024-01-01"]})
        )
        with pytest.warns(ck.SmallSampleWarning, match="Only 0"):
            out = ck.cause_cooccurrence(h)
        assert out.empty
        assert list(out.columns) == [
            "cause_a",
            "cause_b",
            "n_disputes",
            "share",
            "lift",
        ]

    def test_rejects_a_negative_min_count(self):
        with pytest.raises(ValueError, match="min_count"):
            ck.cause_cooccurrence(small_history(), min_count=-1)
