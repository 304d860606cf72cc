"""Tests for dispute_rates (conflictkit/analysis/_rates.py)."""

from __future__ import annotations

import copy

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.stats.rates import confint_poisson

import conflictkit as ck

MISSIONS = pd.DataFrame(
    {
        "mission_id": ["m1", "m2", "m3", "m4"],
        "client": ["Acme", "Acme", "Globex", "Initech"],
        "started_at": ["2022-01-03", "2022-06-01", "2022-03-01", "2023-01-02"],
        "ended_at": ["2022-04-29", "2022-12-16", "2022-09-30", "2023-02-24"],
        "days": [80.0, 120.0, 100.0, 40.0],
        "contract": ["fixed_price", "fixed_price", "time_and_materials", None],
        "via_intermediary": [True, False, False, True],
    }
)


def history(*, missions=MISSIONS) -> ck.History:
    """Acme: 3 disputes in 200 days; Globex: 1 in 100; Initech: 0 in 40.

    One Globex dispute has no mission_id.
    """
    return ck.History.from_frames(
        pd.DataFrame(
            {
                "client": ["Acme", "Acme", "Acme", "Globex", "Globex"],
                "mission_id": ["m1", "m2", "m2", "m3", None],
                "opened_at": [
                    "2022-02-01",
                    "2022-07-01",
                    "2022-11-01",
                    "2022-05-01",
                    "2022-10-15",
                ],
                "causes": ["payment", "scope", "scope;tone", "tone", "trust"],
            }
        ),
        missions=missions,
        as_of="2023-06-30",
    )


def garwood(n, exposure, alpha=0.05):
    """Exact Poisson interval, written out independently of the library."""
    lo = 0.0 if n == 0 else stats.chi2.ppf(alpha / 2, 2 * n) / 2
    hi = stats.chi2.ppf(1 - alpha / 2, 2 * n + 2) / 2
    return 100 * lo / exposure, 100 * hi / exposure


def test_rates_per_client_with_exact_intervals():
    out = ck.dispute_rates(history())
    assert list(out.columns) == [
        "client",
        "n_disputes",
        "exposure_days",
        "rate_per_100_days",
        "ci_low",
        "ci_high",
    ]
    assert out["client"].tolist() == ["Acme", "Globex", "Initech"]
    assert out["n_disputes"].tolist() == [3, 2, 0]
    np.testing.assert_allclose(out["exposure_days"], [200.0, 100.0, 40.0])
    np.testing.assert_allclose(out["rate_per_100_days"], [1.5, 2.0, 0.0])
    for r in out.itertuples():
        lo, hi = garwood(r.n_disputes, r.exposure_days)
        assert r.ci_low == pytest.approx(lo, rel=1e-12)
        assert r.ci_high == pytest.approx(hi, rel=1e-12)
        sm_lo, sm_hi = confint_poisson(r.n_disputes, r.exposure_days, method="exact-c")
        assert r.ci_low == pytest.approx(100 * sm_lo, rel=1e-9, abs=1e-12)
        assert r.ci_high == pytest.approx(100 * sm_hi, rel=1e-9)


def test_a_client_with_exposure_but_no_dispute_gets_zero_and_a_finite_bound():
    out = ck.dispute_rates(history())
    initech = out[out["client"] == "Initech"].iloc[0]
    assert initech["rate_per_100_days"] == 0.0
    assert initech["ci_low"] == 0.0
    # the classic 3.689 events for zero observed, at 95 %
    assert initech["ci_high"] == pytest.approx(100 * 3.6889 / 40.0, rel=1e-4)


def test_overall_rate_counts_every_dispute_over_every_mission_day():
    out = ck.dispute_rates(history(), by=None)
    assert list(out.columns) == [
        "n_disputes",
        "exposure_days",
        "rate_per_100_days",
        "ci_low",
        "ci_high",
    ]
    assert out["n_disputes"].item() == 5
    assert out["exposure_days"].item() == 340.0
    assert out["ci_high"].item() == pytest.approx(garwood(5, 340.0)[1])


def test_by_a_mission_column_links_disputes_through_mission_id():
    with pytest.warns(ck.ConflictkitWarning, match="1 of 5 disputes have no known"):
        out = ck.dispute_rates(history(), by="contract")
    assert out["contract"].astype(object).tolist()[:2] == [
        "fixed_price",
        "time_and_materials",
    ]
    assert out["contract"].isna().iloc[2]  # m4 has no contract type
    assert out["n_disputes"].tolist() == [3, 1, 0]
    np.testing.assert_allclose(out["exposure_days"], [200.0, 100.0, 40.0])


def test_by_via_intermediary_keeps_the_boolean_groups():
    with pytest.warns(ck.ConflictkitWarning):
        out = ck.dispute_rates(history(), by="via_intermediary")
    assert out["via_intermediary"].tolist() == [False, True]
    # False: m2 (2 disputes) + m3 (1) over 220 days; True: m1 (1) + m4 over 120
    assert out["n_disputes"].tolist() == [3, 1]
    np.testing.assert_allclose(out["exposure_days"], [220.0, 120.0])


def test_alpha_sets_the_interval_level():
    narrow = ck.dispute_rates(history(), by=None, alpha=0.5)
    wide = ck.dispute_rates(history(), by=None)
    assert narrow["ci_high"].item() < wide["ci_high"].item()
    assert narrow["ci_low"].item() == pytest.approx(garwood(5, 340.0, 0.5)[0])


def test_a_client_with_disputes_but_no_mission_has_nan_rates_and_a_warning():
    missions = MISSIONS[MISSIONS["client"] != "Globex"]
    h = ck.History.from_frames(
        pd.DataFrame(
            {
                "client": ["Acme", "Globex"],
                "opened_at": ["2022-02-01", "2022-05-01"],
            }
        ),
        missions=missions,
    )
    with pytest.warns(ck.ConflictkitWarning, match="1 dispute belongs to 1 client"):
        out = ck.dispute_rates(h)
    globex = out[out["client"] == "Globex"].iloc[0]
    assert globex["n_disputes"] == 1
    assert globex["exposure_days"] == 0.0
    assert np.isnan(globex["rate_per_100_days"])
    assert np.isnan(globex["ci_high"])


def test_without_missions_says_what_to_pass():
    h = history(missions=None)
    with pytest.raises(ValueError, match=r"no missions\. Pass missions=\.\.\."):
        ck.dispute_rates(h)


def test_rejects_a_by_that_is_not_a_mission_column():
    with pytest.raises(ValueError, match=r"The value for `by` must be one of"):
        ck.dispute_rates(history(), by="severity")


def test_one_client_one_dispute():
    h = ck.History.from_frames(
        pd.DataFrame(
            {"client": ["A"], "mission_id": ["m"], "opened_at": ["2024-01-05"]}
        ),
        missions=pd.DataFrame(
            {
                "mission_id": ["m"],
                "client": ["A"],
                "started_at": ["2024-01-01"],
                "days": [10.0],
            }
        ),
    )
    out = ck.dispute_rates(h)
    assert out["rate_per_100_days"].item() == 10.0
    assert out["ci_low"].item() == pytest.approx(garwood(1, 10.0)[0])


def test_does_not_mutate_the_history():
    h = history()
    before = copy.deepcopy(h)
    with pytest.warns(ck.ConflictkitWarning):
        ck.dispute_rates(h, by="contract")
    pd.testing.assert_frame_equal(h.disputes, before.disputes)
    pd.testing.assert_frame_equal(h.missions, before.missions)


def test_overall_rate_counts_only_disputes_with_exposure_and_names_the_rest():
    # A worked 100 days and had 1 dispute; B had 1.5 x as many but no mission
    missions = pd.DataFrame(
        {"mission_id": ["m1"], "client": ["A"], "started_at": ["2024-01-01"],
         "days": [100.0]}
    )  # fmt: skip
    disputes = pd.DataFrame(
        {"client": ["A", "B", "B"], "opened_at": ["2024-02-01"] * 3,
         "mission_id": ["m1", None, None]}
    )  # fmt: skip
    h = ck.History.from_frames(disputes, missions, as_of="2024-12-31")
    with pytest.warns(ck.ConflictkitWarning, match=r"2 of 3 disputes .* \(B\)"):
        out = ck.dispute_rates(h, by=None)
    assert out.loc[0, "n_disputes"] == 1
    assert out.loc[0, "rate_per_100_days"] == pytest.approx(1.0)  # not 3.0


def test_overall_rate_with_some_clients_missions_removed_stays_near_the_truth():
    full = ck.make_history(seed=3)
    m = full.missions
    dropped = m["client"].drop_duplicates().iloc[:10]
    d = full.disputes.drop(columns=["primary_cause"])
    d.loc[d["client"].isin(dropped), "mission_id"] = None
    partial = ck.History.from_frames(d, m[~m["client"].isin(dropped)], as_of=full.as_of)
    with pytest.warns(ck.ConflictkitWarning, match="left out of the overall rate"):
        rate = ck.dispute_rates(partial, by=None).loc[0, "rate_per_100_days"]
    truth = ck.dispute_rates(full, by=None).loc[0, "rate_per_100_days"]
    # dividing every dispute by the remaining days gave 14.4 against 7.4
    assert rate == pytest.approx(truth, rel=0.35)
