"""Tests for cause_trend and trend_summary (conflictkit/analysis/_trends.py)."""

from __future__ import annotations

import copy
import itertools
import warnings

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import optimize, stats

import conflictkit as ck
from conflictkit import Cause

# Disputes per year and cause in the hand-written career below.
PAYMENT = {2020: 3, 2021: 2, 2022: 1, 2023: 0}
SCOPE = {2020: 1, 2021: 1, 2022: 2, 2023: 2}
TONE = {2021: 1}
# Mission-days per year: every mission lies within one calendar year.
EXPOSURE = {2020: 100.0, 2021: 120.0, 2022: 150.0, 2023: 50.0}

MISSIONS = pd.DataFrame(
    {
        "mission_id": ["m1", "m2", "m3", "m4"],
        "client": ["Acme", "Acme", "Globex", "Globex"],
        "started_at": ["2020-02-01", "2021-03-01", "2022-01-10", "2023-01-05"],
        "ended_at": ["2020-06-30", "2021-09-30", "2022-12-01", "2023-03-31"],
        "days": [100.0, 120.0, 150.0, 50.0],
    }
)


def career(*, missions=True, as_of="2023-12-31") -> ck.History:
    rows = []
    for cause, per_year in [("payment", PAYMENT), ("scope", SCOPE), ("tone", TONE)]:
        for year, n in per_year.items():
            for i in range(n):
                rows.append((f"{year}-0{i + 2}-15", cause))
    d = pd.DataFrame(rows, columns=["opened_at", "causes"])
    # each dispute with the client worked for that year (exposure matches)
    d["client"] = np.where(d["opened_at"] < "2022", "Acme", "Globex")
    return ck.History.from_frames(
        d, missions=MISSIONS if missions else None, as_of=as_of
    )


def statsmodels_trend(counts, exposure, t, *, quasi=True):
    """The oracle: a Poisson GLM with a log-exposure offset; quasi-Poisson
    (Pearson scale, t reference) when asked and overdispersed."""
    model = sm.GLM(
        np.asarray(counts, dtype=float),
        sm.add_constant(np.asarray(t, dtype=float)),
        family=sm.families.Poisson(),
        offset=np.log(np.asarray(exposure, dtype=float)),
    )
    fit = model.fit(tol=1e-12)
    if quasi and fit.pearson_chi2 / fit.df_resid > 1:
        fit = model.fit(tol=1e-12, scale="X2", use_t=True)
    ci = np.exp(fit.conf_int()[1])
    return fit.params[1], fit.pvalues[1], ci


def pearson_dispersion(counts, exposure, t):
    fit = sm.GLM(
        np.asarray(counts, dtype=float),
        sm.add_constant(np.asarray(t, dtype=float)),
        family=sm.families.Poisson(),
        offset=np.log(np.asarray(exposure, dtype=float)),
    ).fit(tol=1e-12)
    return fit.pearson_chi2 / fit.df_resid


def twelve_clients():
    """12 clients with very different rates, a falling trend; and its cells."""
    rng = np.random.default_rng(1)
    missions, disputes = [], []
    for i in range(12):
        client, mult = f"C{i:02d}", rng.gamma(0.3, 3.0)
        years = rng.choice(range(2018, 2023), size=rng.integers(1, 4), replace=False)
        for year in sorted(years):
            days = float(rng.integers(20, 120))
            mid = f"{client}-{year}"
            missions.append((mid, client, f"{year}-03-01", f"{year}-10-31", days))
            n = rng.poisson(days / 100 * 3 * mult * 0.85 ** (year - 2018))
            month = rng.integers(3, 10, size=n)
            disputes += [(client, mid, f"{year}-0{m}-15", "payment") for m in month]
    m = pd.DataFrame(
        missions, columns=["mission_id", "client", "started_at", "ended_at", "days"]
    )
    d = pd.DataFrame(disputes, columns=["client", "mission_id", "opened_at", "causes"])
    h = ck.History.from_frames(d, missions=m, as_of="2022-12-31")
    m["year"] = pd.to_datetime(m["started_at"]).dt.year
    d["year"] = pd.to_datetime(d["opened_at"]).dt.year
    cells = m.groupby(["client", "year"], as_index=False)["days"].sum()
    y = d.groupby(["client", "year"]).size().rename("y")
    cells = cells.merge(y, on=["client", "year"], how="left").fillna({"y": 0})
    return h, cells


def wild_p(cells, b0):
    """The oracle: restricted fit (slope fixed at b0) by statsmodels, each
    client's efficient score for the slope, and all 2**G sign flips."""
    t = cells["year"].to_numpy() - 2018.0
    offset = np.log(cells["days"].to_numpy()) + b0 * t
    restricted = sm.GLM(
        cells["y"], np.ones((len(cells), 1)), family=sm.families.Poisson(),
        offset=offset,
    ).fit(tol=1e-12)  # fmt: skip
    full = sm.GLM(
        cells["y"], sm.add_constant(t), family=sm.families.Poisson(), offset=offset
    )
    params = np.array([restricted.params.iloc[0], 0.0])
    score = full.score_obs(params)
    info = -full.hessian(params)
    efficient = score[:, 1] - info[1, 0] / info[0, 0] * score[:, 0]
    per_client = cells.assign(s=efficient).groupby("client")["s"].sum().to_numpy()
    observed = abs(per_client.sum())
    flips = np.array(list(itertools.product([-1, 1], repeat=len(per_client))))
    return float(np.mean(np.abs(flips @ per_client) >= observed - 1e-9))


def row(summary, cause):
    return summary[summary["cause"] == cause].iloc[0]


class TestCauseTrend:
    def test_lists_every_year_and_cause_with_zeros(self):
        out = ck.cause_trend(career(missions=False))
        assert list(out.columns) == ["period", "cause", "n_disputes"]
        assert len(out) == 4 * 6
        assert out["period"].dt.year.unique().tolist() == [2020, 2021, 2022, 2023]
        assert (out["period"].dt.day_of_year == 1).all()
        payment = out[out["cause"] == Cause.PAYMENT]
        assert payment["n_disputes"].tolist() == [3, 2, 1, 0]
        trust = out[out["cause"] == Cause.TRUST]
        assert trust["n_disputes"].tolist() == [0, 0, 0, 0]

    def test_runs_to_as_of_so_quiet_recent_years_show_as_zeros(self):
        out = ck.cause_trend(career(missions=False, as_of="2025-03-01"))
        assert out["period"].dt.year.unique().tolist() == list(range(2020, 2026))
        assert out.loc[out["period"].dt.year >= 2024, "n_disputes"].sum() == 0

    def test_adds_exposure_and_rate_per_100_mission_days(self):
        out = ck.cause_trend(career())
        scope = out[out["cause"] == Cause.SCOPE]
        np.testing.assert_allclose(scope["exposure_days"], list(EXPOSURE.values()))
        np.testing.assert_allclose(
            scope["rate_per_100_days"], [1.0, 100 / 120, 200 / 150, 4.0]
        )

    def test_quarters_start_on_the_first_day_of_the_quarter(self):
        out = ck.cause_trend(career(missions=False), freq="quarter")
        periods = out["period"].drop_duplicates()
        assert len(periods) == 4 * 4  # 2020Q1 to as_of, 2023Q4
        assert set(periods.dt.month) == {1, 4, 7, 10}
        assert (periods.dt.day == 1).all()
        q = out[(out["period"] == "2020-01-01") & (out["cause"] == Cause.PAYMENT)]
        assert q["n_disputes"].item() == 2  # 2020-02-15 and 2020-03-15

    def test_month_alias_gives_the_same_table_as_me(self):
        h = career(missions=False)
        pd.testing.assert_frame_equal(
            ck.cause_trend(h, freq="month"), ck.cause_trend(h, freq="ME")
        )

    def test_rejects_an_unknown_freq_naming_the_options(self):
        with pytest.raises(ValueError, match=r"`freq` must be one of .*'W' was"):
            ck.cause_trend(career(), freq="W")

    def test_spreads_a_mission_across_the_years_it_spans(self):
        h = ck.History.from_frames(
            pd.DataFrame(
                {"client": ["A"], "opened_at": ["2021-06-01"], "causes": ["tone"]}
            ),
            missions=pd.DataFrame(
                {
                    "mission_id": ["m1"],
                    "client": ["A"],
                    "started_at": ["2020-12-02"],
                    "ended_at": ["2021-01-30"],
                    "days": [40.0],
                }
            ),
        )
        out = ck.cause_trend(h)
        e = out.drop_duplicates("period")["exposure_days"].to_numpy()
        # 30 calendar days in 2020, 30 in 2021: the 40 days split evenly
        np.testing.assert_allclose(e, [20.0, 20.0])

    def test_does_not_mutate_the_history(self):
        h = career()
        before = copy.deepcopy(h)
        ck.cause_trend(h, freq="QE")
        ck.trend_summary(h)
        pd.testing.assert_frame_equal(h.disputes, before.disputes)
        pd.testing.assert_frame_equal(h.causes, before.causes)
        pd.testing.assert_frame_equal(h.missions, before.missions)


class TestTrendSummary:
    @pytest.mark.parametrize("variance", ["poisson", "quasi"])
    def test_matches_a_statsmodels_poisson_glm_with_exposure_offset(self, variance):
        out = ck.trend_summary(career(), variance=variance, min_disputes=1)
        t = [0, 1, 2, 3]
        for cause, per_year in [("payment", PAYMENT), ("scope", SCOPE)]:
            counts = [per_year.get(y, 0) for y in EXPOSURE]
            slope, p, ci = statsmodels_trend(
                counts, list(EXPOSURE.values()), t, quasi=variance == "quasi"
            )
            r = row(out, cause)
            assert r["slope"] == pytest.approx(slope, rel=1e-6)
            assert r["rate_ratio_per_year"] == pytest.approx(np.exp(slope), rel=1e-6)
            assert r["p_value"] == pytest.approx(p, rel=1e-6)
            assert r["ci_low"] == pytest.approx(ci[0], rel=1e-6)
            assert r["ci_high"] == pytest.approx(ci[1], rel=1e-6)
            assert r["n_disputes"] == sum(per_year.values())

    def test_quasi_poisson_widens_the_interval_only_when_overdispersed(self):
        # payment: 2, 12, 1, 14, 0, 11 disputes in equal years, far too jumpy for
        # a Poisson; scope: 5, 5, 6, 4, 5, 5, steadier than a Poisson.
        payment = [2, 12, 1, 14, 0, 11]
        scope = [5, 5, 6, 4, 5, 5]
        rows = []
        for i, (n_pay, n_scope) in enumerate(zip(payment, scope, strict=True)):
            rows += [(f"{2015 + i}-03-01", "payment")] * n_pay
            rows += [(f"{2015 + i}-04-01", "scope")] * n_scope
        d = pd.DataFrame(rows, columns=["opened_at", "causes"]).assign(client="A")
        h = ck.History.from_frames(d, as_of="2020-12-31")
        quasi = ck.trend_summary(h)
        pois = ck.trend_summary(h, variance="poisson")
        days = [365, 366, 365, 365, 365, 366]
        t = np.arange(6)
        assert pearson_dispersion(payment, days, t) > 4
        assert pearson_dispersion(scope, days, t) < 1
        slope, p, ci = statsmodels_trend(payment, days, t)
        assert row(quasi, "payment")["p_value"] == pytest.approx(p, rel=1e-6)
        assert row(quasi, "payment")["ci_low"] == pytest.approx(ci[0], rel=1e-6)
        assert row(quasi, "payment")["p_value"] > row(pois, "payment")["p_value"]
        pd.testing.assert_series_equal(row(quasi, "scope"), row(pois, "scope"))

    def test_client_variance_is_the_wild_cluster_score_bootstrap_by_hand(self):
        # 12 clients with very different dispute rates, missions within a year
        h, cells = twelve_clients()
        out = row(ck.trend_summary(h, min_disputes=1), "payment")
        t = cells["year"].to_numpy() - 2018.0
        log_days = np.log(cells["days"].to_numpy())
        pooled = sm.GLM(
            cells["y"], sm.add_constant(t), family=sm.families.Poisson(),
            offset=log_days,
        ).fit(tol=1e-12)  # fmt: skip
        assert out["slope"] == pytest.approx(pooled.params.iloc[1], rel=1e-6)
        assert out["p_value"] == pytest.approx(wild_p(cells, 0.0), rel=1e-12)
        # the interval inverts the same test: it flips at each bound
        for bound, inside in ((out["ci_low"], 1), (out["ci_high"], -1)):
            b = np.log(bound)
            assert wild_p(cells, b + inside * 1e-4) >= 0.05
            assert wild_p(cells, b - inside * 1e-4) < 0.05
        assert (out["p_value"] < 0.05) == (not out["ci_low"] <= 1 <= out["ci_high"])

    def test_rejects_an_unknown_variance(self):
        with pytest.raises(ValueError, match="`variance` must be one of"):
            ck.trend_summary(career(), variance="negbin")

    def test_without_missions_uses_calendar_days_so_a_partial_year_is_fair(self):
        out = ck.trend_summary(
            career(missions=False, as_of="2023-06-30"), min_disputes=1
        )
        days = [366, 365, 365, 181]  # 2023 observed up to June 30th
        counts = list(SCOPE.values())
        slope, p, ci = statsmodels_trend(counts, days, [0, 1, 2, 3])
        r = row(out, "scope")
        assert r["slope"] == pytest.approx(slope, rel=1e-6)
        assert r["p_value"] == pytest.approx(p, rel=1e-6)
        assert r["ci_high"] == pytest.approx(ci[1], rel=1e-6)

    def test_quarterly_counts_give_a_slope_per_year(self):
        h = career(missions=False)
        out = ck.trend_summary(h, freq="QE", min_disputes=1)
        opened = h.disputes.loc[h.disputes["primary_cause"] == "scope", "opened_at"]
        quarters = pd.period_range("2020Q1", "2023Q4", freq="Q")
        counts = opened.dt.to_period("Q").value_counts().reindex(quarters, fill_value=0)
        days = (quarters.end_time - quarters.start_time).days + 1
        slope, p, _ = statsmodels_trend(counts, days, np.arange(len(quarters)) / 4)
        assert row(out, "scope")["slope"] == pytest.approx(slope, rel=1e-6)
        assert row(out, "scope")["p_value"] == pytest.approx(p, rel=1e-6)

    def test_lists_every_cause_then_all_with_the_columns_promised(self):
        out = ck.trend_summary(career())
        assert list(out.columns) == [
            "cause",
            "n_disputes",
            "slope",
            "rate_ratio_per_year",
            "ci_low",
            "ci_high",
            "p_value",
            "q_value",
            "detectable_ratio",
            "direction",
        ]
        assert out["cause"].astype(str).tolist() == [*[c.value for c in Cause], "all"]
        assert row(out, "all")["n_disputes"] == 6 + 6 + 1
        assert set(out["direction"].cat.categories) == {v.value for v in ck.Verdict} - {
            "lower",
            "higher",
        }

    def test_a_cause_never_cited_is_too_few_to_tell_not_stable(self):
        r = row(ck.trend_summary(career()), "trust")
        assert r["n_disputes"] == 0
        assert np.isnan(r["slope"])
        assert np.isnan(r["p_value"])
        assert r["direction"] == ck.Verdict.TOO_FEW

    def test_below_the_minimum_no_test_is_run(self):
        # 13 disputes in all, 6 per cause: only "all" reaches 10
        out = ck.trend_summary(career())
        few = out[out["n_disputes"] < 10]
        assert (few["direction"] == ck.Verdict.TOO_FEW).all()
        assert (
            few[["slope", "ci_low", "ci_high", "p_value", "q_value"]]
            .isna()
            .all(axis=None)
        )
        assert row(out, "all")["direction"] != ck.Verdict.TOO_FEW
        assert np.isfinite(row(out, "all")["p_value"])

    def test_q_values_are_benjamini_hochberg_over_the_tested_rows(self):
        out = ck.trend_summary(career(), min_disputes=1)
        tested = out["p_value"].notna()
        expected = stats.false_discovery_control(out.loc[tested, "p_value"])
        np.testing.assert_allclose(out.loc[tested, "q_value"], expected)

    def test_detectable_ratio_by_hand(self):
        # Poisson, no trend: se = 1 / sqrt(n Var_w(t)), w the exposure shares
        out = ck.trend_summary(career(), variance="poisson", min_disputes=1)
        e = np.array(list(EXPOSURE.values()))
        w = e / e.sum()
        t = np.arange(4.0)
        var = (w * (t - (w * t).sum()) ** 2).sum()
        se = 1 / np.sqrt(6 * var)
        z = stats.norm.ppf(0.975) + stats.norm.ppf(0.8)
        assert row(out, "scope")["detectable_ratio"] == pytest.approx(np.exp(z * se))

    def test_a_single_year_warns_and_gives_nan(self):
        h = ck.History.from_frames(
            pd.DataFrame(
                {
                    "client": ["A", "B"],
                    "opened_at": ["2024-02-01", "2024-05-01"],
                    "causes": ["payment", "tone"],
                }
            )
        )
        with pytest.warns(ck.SmallSampleWarning, match=r"Only 1 period"):
            out = ck.trend_summary(h)
        assert out["slope"].isna().all()
        assert (out["direction"] == ck.Verdict.TOO_FEW).all()

    def test_a_cause_seen_only_in_the_first_year_gets_a_finite_exact_estimate(
        self,
    ):
        d = pd.DataFrame(
            {
                "client": ["Acme"] * 5 + ["Globex"] * 2,
                "opened_at": ["2020-01-10", "2020-02-10", "2020-03-10", "2020-04-10"]
                + [f"{y}-05-01" for y in (2021, 2022, 2023)],
                "causes": ["trust"] * 4 + ["scope"] * 3,
            }
        )
        h = ck.History.from_frames(d, missions=MISSIONS, as_of="2023-12-31")
        r = row(ck.trend_summary(h, min_disputes=1), "trust")
        e = np.array(list(EXPOSURE.values()))
        t = np.arange(4.0)
        # every dispute in year 0: the LR statistic is 2 n log(sum E / E_0)
        lr = 2 * 4 * np.log(e.sum() / e[0])

        # exact conditional, median-unbiased: P(all 4 in year 0 | b) = 1/2
        def log_p_first(b):
            return 4 * (np.log(e[0]) - np.log((e * np.exp(b * t)).sum())) - np.log(0.5)

        median_unbiased = optimize.brentq(log_p_first, -20, 20)
        assert np.isfinite(r["slope"])
        assert r["slope"] == pytest.approx(median_unbiased, rel=1e-6)
        assert r["rate_ratio_per_year"] > 0
        assert r["p_value"] == pytest.approx(stats.chi2.sf(lr, 1), rel=1e-9)
        assert r["direction"] == ck.Verdict.FALLING
        assert 0 < r["ci_high"] < 1  # significant, so the bound excludes 1
        assert np.isnan(r["ci_low"])  # unbounded below: NaN, never 0 or inf

    def test_no_infinite_value_ever_leaves(self):
        for seed in range(5):
            h = ck.make_history(n_clients=8, years=3, seed=seed, rate_scale=0.5)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ck.ConflictkitWarning)
                out = ck.trend_summary(h, min_disputes=1)
            numbers = out.select_dtypes("number").to_numpy(dtype=float)
            assert not np.isinf(numbers).any()

    def test_finds_a_clear_rise_and_a_clear_fall(self):
        rows = []
        for i, year in enumerate(range(2015, 2023)):
            rows += [(f"{year}-03-01", "payment")] * (1 + 3 * i)
            rows += [(f"{year}-04-01", "scope")] * (25 - 3 * i)
        d = pd.DataFrame(rows, columns=["opened_at", "causes"]).assign(client="A")
        out = ck.trend_summary(ck.History.from_frames(d, as_of="2022-12-31"))
        assert row(out, "payment")["direction"] == "rising"
        assert row(out, "payment")["ci_low"] > 1
        assert row(out, "scope")["direction"] == "falling"
        assert row(out, "scope")["ci_high"] < 1
        assert row(out, "tone")["direction"] == ck.Verdict.TOO_FEW

    def test_warns_about_disputes_in_years_without_mission_days(self):
        d = pd.DataFrame(
            {
                "client": "Acme",
                "opened_at": ["2020-03-01", "2022-03-01", "2024-03-01"],
                "causes": ["payment"] * 3,
            }
        )
        h = ck.History.from_frames(d, missions=MISSIONS, as_of="2024-12-31")
        # Acme worked in 2020 and 2021 only (Globex had 2022-2023, nobody 2024)
        with pytest.warns(
            ck.ConflictkitWarning, match=r"2 of 3 disputes are left out .* Acme"
        ):
            out = ck.trend_summary(h, min_disputes=1)
        assert row(out, "payment")["n_disputes"] == 1  # what was used

    def test_a_client_without_missions_does_not_inflate_the_rate(self):
        # B has disputes but no mission: dividing them by A's days would
        # show A's flat history as a rise; they are left out and named
        missions = pd.DataFrame(
            {"mission_id": [f"m{y}" for y in range(2018, 2024)], "client": "A",
             "started_at": [f"{y}-01-01" for y in range(2018, 2024)],
             "ended_at": [f"{y}-12-31" for y in range(2018, 2024)],
             "days": 100.0}
        )  # fmt: skip
        rows = [("A", f"{y}-0{m}-10") for y in range(2018, 2024) for m in (3, 6)]
        rows += [("B", f"2023-0{m}-10") for m in range(1, 9)]
        d = pd.DataFrame(rows, columns=["client", "opened_at"]).assign(causes="scope")
        h = ck.History.from_frames(d, missions=missions, as_of="2023-12-31")
        with pytest.warns(ck.ConflictkitWarning, match=r"8 of 20 .* B"):
            out = ck.trend_summary(h)
        assert row(out, "scope")["n_disputes"] == 12
        assert row(out, "scope")["rate_ratio_per_year"] == pytest.approx(1.0)
        with pytest.warns(ck.ConflictkitWarning, match=r"8 of 20 .* B"):
            yearly = ck.cause_trend(h)
        scope = yearly[yearly["cause"] == "scope"]
        assert scope["n_disputes"].tolist() == [2] * 6  # B's 8 are not A's
        assert scope["rate_per_100_days"].tolist() == pytest.approx([2.0] * 6)

    def test_rejects_an_alpha_outside_zero_one(self):
        with pytest.raises(ValueError, match="alpha"):
            ck.trend_summary(career(), alpha=5)


def _null_and_planted_cells(n_careers, n_clients):
    """p-values of causes without a trend, and the planted fading cause's rows."""
    null, fading = [], []
    for seed in range(n_careers):
        h = ck.make_history(n_clients=n_clients, seed=seed)
        out = ck.trend_summary(h).set_index("cause")
        cause = h.planted["fading_cause"]["cause"]
        fading.append(out.loc[cause])
        dominated = {r["cause"] for r in h.planted["recurring"]}
        for c in out.index.drop([cause, "all"]):
            null.append((out.loc[c, "p_value"], c in dominated))
    return pd.DataFrame(null, columns=["p", "dominated"]), pd.DataFrame(fading)


@pytest.fixture(scope="module")
def cells():
    return _null_and_planted_cells(40, 40)


class TestCalibration:
    """False alarms on causes with no trend, and power on the planted one.

    Measured on 300 careers of 40 clients (1,500 cells): 4.9% of p < 0.05
    (4.8% where one client has 6 times the rate); the client-clustered
    sandwich it replaces gave 9.3% (11.0%). Here, 40 careers: 200 cells.
    """

    def test_false_alarms_stay_near_five_percent(self, cells):
        null, _ = cells
        assert len(null) >= 200
        share = (null["p"] < 0.05).mean()
        assert 0.02 <= share <= 0.07, share

    def test_false_alarms_stay_low_where_one_client_dominates(self, cells):
        null, _ = cells
        dominated = null[null["dominated"]]
        assert len(dominated) >= 150
        assert (dominated["p"] < 0.05).mean() <= 0.07

    def test_finds_the_planted_fading_cause_in_most_careers(self, cells):
        _, fading = cells
        # measured: 69% of 300 careers at p < 0.05 (sandwich: 68%)
        assert (fading["p_value"] < 0.05).mean() >= 0.55
        assert (fading["direction"] == ck.Verdict.RISING).sum() == 0
        assert (fading["rate_ratio_per_year"] < 1).mean() >= 0.9


def test_trends_of_an_empty_history_without_missions_are_empty_not_errors():
    empty = ck.History.from_frames(
        pd.DataFrame({"client": pd.Series([], dtype=str),
                      "opened_at": pd.Series([], dtype=str)})
    )  # fmt: skip
    assert len(ck.cause_trend(empty)) == 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ck.ConflictkitWarning)
        summary = ck.trend_summary(empty)
    assert (summary["n_disputes"] == 0).all()
    assert (summary["direction"] == ck.Verdict.TOO_FEW).all()


def test_mission_days_are_split_across_periods_by_calendar_days():
    from conflictkit.analysis._common import mission_days_in_periods

    missions = pd.DataFrame(
        {"mission_id": ["M1", "M2"], "client": ["A", "B"],
         "started_at": ["2023-12-15", "2024-02-01"],
         "ended_at": ["2024-01-14", "2024-04-30"], "days": [22.0, 60.0]}
    )  # fmt: skip
    disputes = pd.DataFrame({"client": ["A"], "opened_at": ["2024-01-02"]})
    h = ck.History.from_frames(disputes, missions, as_of="2024-05-01")
    monthly = mission_days_in_periods(h, freq="ME").set_index(["period", "client"])
    days = monthly["exposure_days"]
    # M1: 17 calendar days in December, 14 in January
    assert days[(pd.Period("2023-12", "M"), "A")] == pytest.approx(22 * 17 / 31)
    assert days[(pd.Period("2024-01", "M"), "A")] == pytest.approx(22 * 14 / 31)
    # M2: February (29 days), March (31), April (30) of 90 calendar days
    assert days[(pd.Period("2024-03", "M"), "B")] == pytest.approx(60 * 31 / 90)
    assert days.sum() == pytest.approx(82.0)
    yearly = mission_days_in_periods(h, freq="YE")
    assert yearly["exposure_days"].sum() == pytest.approx(82.0)
