"""Tests for the example career and the history generator.

The planted patterns are checked against direct computations on the
generated tables (counts divided by mission-days, by hand), with
statsmodels as the independent oracle (Poisson regression with an exposure
offset, Kaplan-Meier medians).
"""

import json

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import stats
from statsmodels.duration.survfunc import SurvfuncRight

import conflictkit as ck
from conflictkit import Cause
from conflictkit._resources import data_path
from conflictkit.datasets import EXAMPLE_PARAMS

AGREEMENT = ["amicable", "compromise"]
PLANTED_KEYS = {
    "seed",
    "n_clients",
    "years",
    "start",
    "as_of",
    "rate_scale",
    "base_rates",
    "recurring",
    "protective_practice",
    "fading_cause",
    "faster_handling",
    "followup_retention",
    "no_effect",
    "unlabelled_share",
}


@pytest.fixture(scope="module")
def example():
    return ck.load_example()


@pytest.fixture(scope="module")
def big():
    """A large career (about 14,000 disputes): ratios are precise here."""
    return ck.make_history(n_clients=1500, seed=11, rate_scale=2)


def long_form(history):
    """One row per (dispute, cause) with the dispute's client, mission, date."""
    cols = ["dispute_id", "client", "mission_id", "opened_at"]
    return history.causes.merge(history.disputes[cols], on="dispute_id")


def recurring_clients(history):
    return {r["client"] for r in history.planted["recurring"]}


def rate_ratio(events, missions, flag):
    """Rate per mission-day where ``flag`` is true over where it is false."""
    flagged = events["mission_id"].isin(missions.loc[flag, "mission_id"])
    with_days = missions.loc[flag, "days"].sum()
    without_days = missions.loc[~flag, "days"].sum()
    return (flagged.sum() / with_days) / ((~flagged).sum() / without_days)


def busdays_before(missions, date, as_of):
    """Business days of each mission before ``date``, and in all."""
    start = missions["started_at"].to_numpy("datetime64[D]")
    stop = missions["ended_at"].fillna(as_of).to_numpy("datetime64[D]") + 1
    cut = np.clip(np.datetime64(date.date(), "D"), start, stop)
    return np.busday_count(start, cut), np.busday_count(start, stop)


# ---------------------------------------------------------------- generator
def test_make_history_same_seed_gives_identical_history():
    a = ck.make_history(n_clients=30, years=6, seed=3)
    b = ck.make_history(n_clients=30, years=6, seed=3)
    pd.testing.assert_frame_equal(a.disputes, b.disputes)
    pd.testing.assert_frame_equal(a.missions, b.missions)
    pd.testing.assert_frame_equal(a.causes, b.causes)
    assert a.planted == b.planted
    assert a.as_of == b.as_of


def test_make_history_different_seeds_differ():
    a = ck.make_history(n_clients=30, years=6, seed=3)
    b = ck.make_history(n_clients=30, years=6, seed=4)
    assert not a.missions["started_at"].equals(b.missions["started_at"])
    assert not a.disputes["opened_at"].equals(b.disputes["opened_at"])


def test_make_history_returns_canonical_columns_and_dtypes(big):
    from conflictkit.model import DISPUTE_COLUMNS, MISSION_COLUMNS

    assert list(big.disputes.columns) == list(DISPUTE_COLUMNS)
    assert list(big.missions.columns) == list(MISSION_COLUMNS)
    for name, dtype in DISPUTE_COLUMNS.items():
        assert big.disputes[name].dtype == dtype, name
    for name, dtype in MISSION_COLUMNS.items():
        assert big.missions[name].dtype == dtype, name


def test_planted_is_json_ready_with_documented_keys(big):
    planted = big.planted
    assert set(planted) == PLANTED_KEYS
    assert json.loads(json.dumps(planted)) == planted
    assert len(planted["recurring"]) == 150  # one client in ten
    assert planted["protective_practice"] == {
        "column": "written_scope",
        "cause": "scope",
        "rate_ratio": 0.5,
    }
    assert planted["fading_cause"]["cause"] == Cause.TONE
    assert planted["fading_cause"]["after"] == "2020-01-01"
    base = ck.make_history(n_clients=10, years=3).planted["base_rates"]
    assert planted["base_rates"] == pytest.approx({c: 2 * r for c, r in base.items()})
    clients = set(big.missions["client"])
    assert recurring_clients(big) <= clients


def test_every_dispute_refers_to_a_mission_of_its_client(big):
    d = big.disputes.merge(
        big.missions[["mission_id", "client"]],
        on="mission_id",
        how="left",
        suffixes=("", "_of_mission"),
    )
    assert d["mission_id"].notna().all()
    assert (d["client"] == d["client_of_mission"]).all()


def test_dispute_dates_fall_within_or_near_their_mission(big):
    d = big.disputes.merge(big.missions, on="mission_id", suffixes=("", "_m"))
    end = d["ended_at"].fillna(big.as_of)
    assert (d["opened_at"] >= d["started_at"]).all()
    # Payment disputes surface a few weeks after the work, never months.
    assert (d["opened_at"] <= end + pd.Timedelta(days=100)).all()
    within = d["opened_at"] <= end
    not_payment = d["primary_cause"].notna() & (d["primary_cause"] != Cause.PAYMENT)
    assert within[not_payment].all()
    assert d["opened_at"].max() <= big.as_of
    assert (d["resolved_at"].dropna() <= big.as_of).all()


def test_mission_practices_vary_between_missions(big):
    m = big.missions
    assert set(m["checkin_every_days"].dropna().unique()) == {7.0, 14.0}
    assert m["checkin_every_days"].isna().mean() == pytest.approx(0.4, abs=0.05)
    assert set(m["contract"].unique()) == {
        "fixed_price",
        "time_and_materials",
        "retainer",
    }
    for practice in ["written_scope", "meeting_minutes", "via_intermediary"]:
        assert 0.15 < m[practice].mean() < 0.85, practice
    assert m["daily_rate"].between(400, 900).all()
    assert m["days"].gt(0).all()


def test_base_rates_are_recovered_per_100_mission_days(big):
    planted = big.planted
    m = big.missions
    plain = m[~m["written_scope"] & ~m["client"].isin(recurring_clients(big))]
    events = long_form(big)
    events = events[events["mission_id"].isin(plain["mission_id"])]
    observed = events.groupby("cause", observed=True).size() / plain["days"].sum()
    labelled = 1 - planted["unlabelled_share"]
    for cause in ["scope", "deadlines", "payment", "trust"]:
        expected = planted["base_rates"][cause] / 100 * labelled
        assert observed[cause] == pytest.approx(expected, rel=0.1), cause


def test_written_scope_halves_scope_rate_and_nothing_else(big):
    m = big.missions[~big.missions["client"].isin(recurring_clients(big))]
    events = long_form(big)
    flag = m["written_scope"].to_numpy(dtype=bool)
    for cause, expected in [("scope", 0.5), ("deadlines", 1), ("payment", 1)]:
        cited = events[
            (events["cause"] == cause) & events["mission_id"].isin(m["mission_id"])
        ]
        assert rate_ratio(cited, m, flag) == pytest.approx(expected, abs=0.1), cause


def test_written_scope_effect_matches_a_poisson_regression(big):
    m = big.missions
    events = long_form(big)
    scope = events[events["cause"] == Cause.SCOPE]
    counts = scope.groupby("mission_id").size().reindex(m["mission_id"], fill_value=0)
    recurring = {(r["client"], r["cause"]) for r in big.planted["recurring"]}
    scope_clients = {c for c, cause in recurring if cause == Cause.SCOPE}
    x = pd.DataFrame(
        {
            "written_scope": m["written_scope"].to_numpy(dtype=float),
            "recurring": m["client"].isin(scope_clients).to_numpy(dtype=float),
        }
    )
    fit = sm.GLM(
        counts.to_numpy(),
        sm.add_constant(x),
        family=sm.families.Poisson(),
        offset=np.log(m["days"].to_numpy()),
    ).fit()
    low, high = np.exp(fit.conf_int().loc["written_scope"])
    assert low < 0.5 < high
    assert np.exp(fit.params["recurring"]) == pytest.approx(6, rel=0.25)


def test_fading_cause_rate_drops_fourfold_after_the_date(big):
    fade = pd.Timestamp(big.planted["fading_cause"]["after"])
    m = big.missions
    before, total = busdays_before(m, fade, big.as_of)
    days_before = (m["days"] * before / total).sum()
    days_after = m["days"].sum() - days_before
    events = long_form(big)
    for cause, expected in [("tone", 0.25), ("deadlines", 1.0)]:
        dates = events.loc[events["cause"] == cause, "opened_at"]
        rate_before = (dates < fade).sum() / days_before
        rate_after = (dates >= fade).sum() / days_after
        assert rate_after / rate_before == pytest.approx(expected, abs=0.1), cause


def test_recurring_pairs_have_six_times_the_baseline_rate(big):
    events = long_form(big)
    m = big.missions
    exposure = m.groupby("client")["days"].sum()
    rec = pd.DataFrame(big.planted["recurring"])
    others = ~events["client"].isin(rec["client"])
    other_days = m.loc[~m["client"].isin(rec["client"]), "days"].sum()
    for cause, pairs in rec.groupby("cause"):
        baseline = (others & (events["cause"] == cause)).sum() / other_days
        hits = (events["cause"] == cause) & events["client"].isin(pairs["client"])
        ratio = hits.sum() / (exposure[pairs["client"]].sum() * baseline)
        # scope pairs include written-scope missions, which halve the rate
        assert 4 < ratio < 7.5, cause


def test_several_options_halve_time_to_settle_and_raise_agreement(big):
    d = big.disputes
    dur = big.durations()
    many = (d["options_proposed"] > 1).to_numpy(dtype=bool)
    medians = []
    for group in (many, ~many):
        km = SurvfuncRight(
            dur.loc[group, "duration_days"].to_numpy(float),
            dur.loc[group, "resolved"].to_numpy(float),
        )
        # the first day the curve is at or below one half (statsmodels'
        # quantile() wants strictly below; lifelines, and we, at or below)
        medians.append(km.surv_times[np.flatnonzero(km.surv_prob <= 0.5)[0]])
    assert medians[0] / medians[1] == pytest.approx(0.5, abs=0.1)
    resolved = dur["resolved"].to_numpy()
    agree = d["outcome"].isin(AGREEMENT).to_numpy()
    planted = big.planted["faster_handling"]
    assert agree[resolved & many].mean() == pytest.approx(
        planted["agreement_with"], abs=0.03
    )
    assert agree[resolved & ~many].mean() == pytest.approx(
        planted["agreement_without"], abs=0.03
    )


def test_followup_goes_with_client_retention(big):
    d = big.disputes.dropna(subset=["followup_sent"])
    kept = d.groupby("followup_sent")["client_retained"].mean()
    planted = big.planted["followup_retention"]
    assert kept[True] == pytest.approx(planted["retention_with"], abs=0.03)
    assert kept[False] == pytest.approx(planted["retention_without"], abs=0.03)


# -------------------------------------------------------------- calibration
def test_about_eighty_percent_of_resolved_disputes_end_in_agreement(big, example):
    for history in (big, example):
        resolved = history.disputes["resolved_at"].notna()
        share = history.disputes.loc[resolved, "outcome"].isin(AGREEMENT).mean()
        assert share == pytest.approx(0.8, abs=0.08)


def test_payment_disputes_are_mostly_short(big, example):
    for history in (big, example):
        dur = history.durations()
        pay = (history.disputes["primary_cause"] == Cause.PAYMENT).to_numpy()
        days = dur.loc[pay & dur["resolved"].to_numpy(), "duration_days"]
        assert days.median() <= 14
        assert days.quantile(0.75) <= 20


def test_mediation_and_court_are_rare(big):
    share = big.disputes["escalation"].value_counts(normalize=True)
    assert share["mediation"] < 0.08
    assert share["court"] < 0.02
    assert share["dialogue"] > 0.5


def test_open_disputes_have_no_outcome_and_run_to_as_of(big):
    d = big.disputes
    is_open = d["resolved_at"].isna()
    assert is_open.sum() > 10
    assert d.loc[is_open, "outcome"].isna().all()
    assert d.loc[is_open, "client_retained"].isna().all()
    assert d.loc[~is_open, "outcome"].notna().all()
    # Open disputes are the recent ones (or the long, escalated ones).
    recent = d.loc[is_open, "opened_at"] > big.as_of - pd.Timedelta(days=365)
    assert recent.mean() > 0.8


def test_unlabelled_disputes_keep_their_notes(big):
    d = big.disputes
    unlabelled = d["primary_cause"].isna()
    assert unlabelled.mean() == pytest.approx(0.03, abs=0.01)
    assert d.loc[unlabelled, "causes"].isna().all()
    assert d.loc[unlabelled, "notes"].notna().all()
    assert not big.causes["dispute_id"].isin(d.loc[unlabelled, "dispute_id"]).any()


def test_notes_are_in_french_and_english(big):
    notes = big.disputes["notes"].dropna()
    # accents or French function words mark French notes
    french = notes.str.contains(r"[éèàçêô]| (?:le|la|du|des|de|les|en|au|aux) ")
    # 70% of clients write in French, and 10% of notes switch language
    assert french.mean() == pytest.approx(0.7 * 0.9 + 0.3 * 0.1, abs=0.05)
    assert notes.str.contains("Invoice unpaid after the due date.").any()
    assert notes.str.contains("Facture impayée après l'échéance.").any()


def test_some_disputes_cite_two_causes_primary_first(big):
    two = big.causes.groupby("dispute_id").size()
    assert 0.05 < (two == 2).mean() < 0.2
    assert big.causes.groupby("dispute_id")["is_primary"].sum().eq(1).all()
    pairs = big.disputes["causes"].dropna().astype(str)
    lead = pairs.str.split(";").str[0]
    labelled = big.disputes["primary_cause"].notna()
    assert (lead == big.disputes.loc[labelled, "primary_cause"].astype(str)).all()


def test_rate_scale_multiplies_the_cause_counts():
    low = ck.make_history(n_clients=300, seed=5)
    high = ck.make_history(n_clients=300, seed=5, rate_scale=3)
    assert low.missions["days"].equals(high.missions["days"])
    assert len(high.causes) / len(low.causes) == pytest.approx(3, rel=0.1)


def test_as_of_cuts_the_history_and_leaves_missions_ongoing():
    h = ck.make_history(n_clients=40, seed=2, as_of="2019-06-30")
    as_of = pd.Timestamp("2019-06-30")
    assert h.as_of == as_of
    assert h.planted["as_of"] == "2019-06-30"
    assert h.missions["started_at"].max() <= as_of
    assert h.disputes["opened_at"].max() <= as_of
    assert h.missions["ended_at"].dropna().max() <= as_of


def test_make_history_rejects_bad_arguments():
    with pytest.raises(ValueError, match="`n_clients` must be at least 1"):
        ck.make_history(n_clients=0)
    with pytest.raises(ValueError, match="`years` and `rate_scale` must be"):
        ck.make_history(rate_scale=0)
    with pytest.raises(ValueError, match=r"`as_of` \(2013-01-01\) must be after"):
        ck.make_history(as_of="2013-01-01")


def test_tiny_history_without_disputes_is_valid():
    h = ck.make_history(n_clients=1, years=0.5, rate_scale=0.01)
    assert len(h.disputes) == 0
    assert h.has_missions


# ------------------------------------------------------------------ example
def test_load_example_has_the_documented_size(example):
    d, m = example.disputes, example.missions
    assert 150 <= len(d) <= 250
    assert m["client"].nunique() == 40
    assert set(d["client"]) <= set(m["client"])
    years = (d["opened_at"].max() - d["opened_at"].min()).days / 365.25
    assert 10 <= years <= 12
    assert example.as_of == pd.Timestamp("2026-01-01")
    assert d["resolved_at"].isna().sum() >= 2
    assert d["primary_cause"].isna().sum() >= 1


def test_load_example_equals_what_make_example_regenerates(example):
    fresh = ck.make_history(**EXAMPLE_PARAMS)
    pd.testing.assert_frame_equal(
        example.disputes, fresh.disputes, check_categorical=False
    )
    pd.testing.assert_frame_equal(
        example.missions, fresh.missions, check_categorical=False
    )
    pd.testing.assert_frame_equal(example.causes, fresh.causes, check_categorical=False)
    assert example.planted == fresh.planted
    assert example.as_of == fresh.as_of


def test_example_recurring_pairs_pass_an_exact_test(example):
    """Each planted pair stands out with an exact Poisson test, BH-adjusted."""
    events = long_form(example)
    m = example.missions
    exposure = m.groupby("client")["days"].sum()
    rate = events.groupby("cause", observed=True).size() / m["days"].sum()
    counts = (
        events.groupby(["client", "cause"], observed=True)
        .size()
        .unstack(fill_value=0)
        .reindex(index=exposure.index, fill_value=0)
    )
    expected = np.outer(exposure, rate[counts.columns])
    p = stats.poisson.sf(counts.to_numpy() - 1, expected)
    q = pd.DataFrame(
        stats.false_discovery_control(p.ravel()).reshape(p.shape),
        index=counts.index,
        columns=counts.columns.astype(str),
    )
    for pair in example.planted["recurring"]:
        assert q.loc[pair["client"], pair["cause"]] < 0.05, pair
    assert (q < 0.05).sum().sum() == len(example.planted["recurring"])


def test_example_shows_the_fading_cause_and_the_protective_practice(example):
    events = long_form(example)
    fade = pd.Timestamp(example.planted["fading_cause"]["after"])
    tone = events.loc[events["cause"] == Cause.TONE, "opened_at"]
    assert (tone >= fade).sum() * 3 < (tone < fade).sum()
    m = example.missions
    scope = events[events["cause"] == Cause.SCOPE]
    assert rate_ratio(scope, m, m["written_scope"].to_numpy(dtype=bool)) < 0.7


def test_example_files_are_small_plain_csv():
    disputes, missions = data_path("disputes.csv"), data_path("missions.csv")
    for path in (disputes, missions):
        assert path.stat().st_size < 200_000
        text = path.read_text(encoding="utf-8")  # UTF-8, no BOM
        assert not text.startswith("\ufeff")
    raw = pd.read_csv(disputes, dtype=str, keep_default_na=False)
    assert list(raw.columns[:5]) == [
        "dispute_id",
        "client",
        "mission_id",
        "opened_at",
        "resolved_at",
    ]
    assert raw["opened_at"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    assert set(raw["followup_sent"]) == {"true", "false", ""}
    assert raw["causes"].str.contains(";").any()
    planted = json.loads(data_path("planted.json").read_text(encoding="utf-8"))
    assert set(planted) == PLANTED_KEYS
