"""Tests for change_points and plot_change_points (conflictkit/analysis/_changes.py).

The statistic is checked against statsmodels (a restricted Poisson fit per
candidate date, each client's efficient score for the step) and the p-value
against an enumeration of every sign flip by hand; calibration and power on
simulated careers.
"""

from __future__ import annotations

import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import integrate, optimize, stats

import conflictkit as ck

START = pd.Timestamp("2019-01-01")
N_MONTHS = 48


def small_career(drop: float = 0.3, seed: int = 5):
    """8 clients, one 20-day mission a month each over 4 years; payment
    disputes fall to ``drop`` times their rate from 2021 for every client."""
    rng = np.random.default_rng(seed)
    missions, disputes = [], []
    for c in range(8):
        client = f"C{c}"
        rate = rng.gamma(2.0, 0.05)  # per mission-day
        for k in range(N_MONTHS):
            if rng.random() < 0.3:  # not every month
                continue
            month = START + pd.DateOffset(months=k)
            mid = f"{client}-{k}"
            missions.append((mid, client, month, month + pd.Timedelta(days=27), 20.0))
            factor = drop if month >= pd.Timestamp("2021-01-01") else 1.0
            for _ in range(rng.poisson(20 * rate * factor)):
                day = month + pd.Timedelta(days=int(rng.integers(0, 28)))
                disputes.append((client, mid, day, "payment"))
    m = pd.DataFrame(
        missions, columns=["mission_id", "client", "started_at", "ended_at", "days"]
    )
    d = pd.DataFrame(disputes, columns=["client", "mission_id", "opened_at", "causes"])
    h = ck.History.from_frames(d, missions=m, as_of="2022-12-31")
    m["k"] = (m["started_at"].dt.year - 2019) * 12 + m["started_at"].dt.month - 1
    d["k"] = (d["opened_at"].dt.year - 2019) * 12 + d["opened_at"].dt.month - 1
    cells = m.groupby(["client", "k"], as_index=False)["days"].sum()
    y = d.groupby(["client", "k"]).size().rename("y")
    cells = cells.merge(y, on=["client", "k"], how="left").fillna({"y": 0})
    return h, cells


def hand_statistic(cells, boundary, delta=0.0):
    """The scan's standardised score of a step ``exp(delta)`` at ``boundary``
    (month index): see :func:`hand_score`."""
    score, variance, _, _ = hand_score(cells, boundary, delta)
    return score / np.sqrt(variance)


def hand_score(cells, boundary, delta=0.0):
    """The scan's score of a step ``exp(delta)`` at ``boundary``, its
    variance, the frailty variance and the fitted rate, from statsmodels:
    within clients, a Poisson GLM with one intercept per client (restricted
    fit, efficient score of the step); between clients, a negative binomial
    GLM of the clients' totals with the moment estimate of the frailty
    variance (restricted fit, efficient score of each client's share of
    exposure after the date)."""
    after = (cells["k"].to_numpy() >= boundary).astype(float)
    days = cells["days"].to_numpy()
    dummies = pd.get_dummies(cells["client"]).to_numpy(float)
    offset = np.log(days) + delta * after
    fe = sm.GLM(cells["y"], dummies, family=sm.families.Poisson(), offset=offset)
    restricted = fe.fit(tol=1e-12)
    full = sm.GLM(
        cells["y"], np.c_[dummies, after], family=sm.families.Poisson(), offset=offset
    )
    params = np.r_[restricted.params, 0.0]
    within = full.score(params)[-1]
    info = -full.hessian(params)
    v_within = info[-1, -1] - info[-1, :-1] @ np.linalg.solve(
        info[:-1, :-1], info[:-1, -1]
    )
    totals = (
        cells.assign(e_before=days * (1 - after), e_after=days * after)
        .groupby("client")[["y", "days", "e_before", "e_after"]]
        .sum()
    )
    n, e = totals["y"].to_numpy(), totals["days"].to_numpy()
    mu = n.sum() / e.sum() * e
    phi = max(0.0, (((n - mu) ** 2 - n).sum()) / (mu**2).sum())
    exposure = totals["e_before"] + np.exp(delta) * totals["e_after"]
    share = (np.exp(delta) * totals["e_after"] / exposure).to_numpy()
    family = (
        sm.families.NegativeBinomial(alpha=phi) if phi > 0 else sm.families.Poisson()
    )
    nb0 = sm.GLM(n, np.ones((len(n), 1)), family=family, offset=np.log(exposure))
    fit = nb0.fit(tol=1e-13)
    nb = sm.GLM(
        n, np.c_[np.ones(len(n)), share], family=family, offset=np.log(exposure)
    )
    params = np.r_[fit.params, 0.0]
    # the score in the step: d log mu_c / d delta = share_c
    score = nb.score(params)
    info = -nb.hessian(params)
    between = score[1] - info[1, 0] / info[0, 0] * score[0]
    v_between = info[1, 1] - info[1, 0] ** 2 / info[0, 0]
    rate = float(np.exp(fit.params[0]))
    return within + between, v_within + v_between, phi, rate


def marginal_loglik(cells, boundary, delta, rate, phi):
    """Log-likelihood of the client x month counts when each client's
    Poisson rates are ``rate * u * days`` (times ``exp(delta)`` from
    ``boundary`` on) and ``u`` is gamma with mean 1 and variance ``phi``,
    integrated over ``u`` numerically, client by client (scipy quad)."""
    total = 0.0
    for _, c in cells.groupby("client"):
        days = c["days"].to_numpy() * np.exp(delta * (c["k"].to_numpy() >= boundary))
        y = c["y"].to_numpy()

        def log_f(u, y=y, days=days):
            return stats.poisson.logpmf(y, rate * u * days).sum() + stats.gamma.logpdf(
                u, 1 / phi, scale=phi
            )

        top = optimize.minimize_scalar(
            lambda x: -log_f(np.exp(x)), bounds=(-10, 5), method="bounded"
        )
        peak = -top.fun
        value, _ = integrate.quad(
            lambda u, top=peak: np.exp(log_f(u) - top),
            0,
            np.inf,
            epsabs=0,
            epsrel=1e-12,
        )
        total += np.log(value) + peak
    return total


class TestChangePoints:
    def test_columns(self):
        h, _ = small_career()
        out = ck.change_points(h, min_segment=12)
        assert list(out.columns) == [
            "cause", "n_disputes", "changed_at", "rate_before", "rate_after",
            "rate_ratio", "ci_low", "ci_high", "p_value", "q_value",
            "detectable_ratio", "direction",
        ]  # fmt: skip
        assert out["cause"].astype(str).tolist() == [
            *[c.value for c in ck.Cause],
            "all",
        ]
        assert len(ck.change_points(h, by=None, min_segment=12)) == 1

    def test_date_and_estimate_by_hand(self):
        h, cells = small_career()
        row = ck.change_points(h, min_segment=12).set_index("cause").loc["payment"]
        boundaries = range(12, N_MONTHS - 12 + 1)
        stat = np.array([hand_statistic(cells, b) for b in boundaries])
        best = int(np.argmax(np.abs(stat)))
        assert row["changed_at"] == START + pd.DateOffset(months=boundaries[best])
        assert row["direction"] == ck.Verdict.FALLING
        # the estimate solves the same score
        at = hand_statistic(cells, boundaries[best], np.log(row["rate_ratio"]))
        assert at == pytest.approx(0.0, abs=1e-6)
        # rates before and after, per 100 mission-days, by hand
        after = cells["k"] >= boundaries[best]
        before_rate = cells.loc[~after, "y"].sum() / cells.loc[~after, "days"].sum()
        after_rate = cells.loc[after, "y"].sum() / cells.loc[after, "days"].sum()
        assert row["rate_before"] == pytest.approx(100 * before_rate)
        assert row["rate_after"] == pytest.approx(100 * after_rate)

    def test_score_is_that_of_the_frailty_likelihood(self):
        # within + between clients is the derivative in the step of the
        # likelihood in which every client has a gamma level (its months
        # given its total, times its total): the two parts add with no
        # weight to choose, given the frailty variance
        _, cells = small_career()  # payment disputes only
        boundary, h = 24, 1e-4
        score, _, phi, rate = hand_score(cells, boundary)
        assert phi > 0

        def loglik(d):
            return marginal_loglik(cells, boundary, d, rate, phi)

        derivative = (loglik(h) - loglik(-h)) / (2 * h)
        assert derivative == pytest.approx(score, rel=1e-5)
        # and the rate is the likelihood's under no change
        at = [
            marginal_loglik(cells, boundary, 0.0, rate * f, phi) for f in (0.999, 1.001)
        ]
        assert abs(at[1] - at[0]) < 1e-4 * abs(score)

    def test_interval_inverts_the_same_test_at_the_date(self):
        h, cells = small_career()
        row = ck.change_points(h, min_segment=12).set_index("cause").loc["payment"]
        boundary = (row["changed_at"].year - 2019) * 12 + row["changed_at"].month - 1

        def p_at(delta):
            return 2 * stats.norm.sf(abs(hand_statistic(cells, boundary, delta)))

        for bound, inside in ((row["ci_low"], 1), (row["ci_high"], -1)):
            b = np.log(bound)
            assert p_at(b + inside * 1e-4) >= 0.05
            assert p_at(b - inside * 1e-4) < 0.05

    def test_too_few_disputes_is_too_few_to_tell(self):
        h, _ = small_career()
        out = ck.change_points(h, min_segment=12).set_index("cause")
        assert out.loc["tone", "n_disputes"] == 0
        assert out.loc["tone", "direction"] == ck.Verdict.TOO_FEW
        assert (
            out.loc[["tone"], ["changed_at", "p_value", "q_value"]]
            .isna()
            .all(axis=None)
        )

    def test_no_date_with_room_on_both_sides(self):
        h, _ = small_career()
        out = ck.change_points(h, min_segment=30)  # 4 years < 2 x 30 months
        assert out["p_value"].isna().all()
        # nothing was tested: too few to tell, not "no clear change"
        assert (out["direction"] == ck.Verdict.TOO_FEW).all()

    def test_one_client_is_too_few_to_tell_whatever_its_disputes(self):
        h, _ = small_career()
        one = h.disputes["client"] == "C0"
        d = h.disputes[one].copy()
        m = h.missions[h.missions["client"] == "C0"].copy()
        h1 = ck.History.from_frames(d, m, as_of=h.as_of)
        out = ck.change_points(h1, min_segment=12)
        assert out["n_disputes"].max() >= 10  # enough disputes, one client
        assert out["p_value"].isna().all()
        assert (out["direction"] == ck.Verdict.TOO_FEW).all()

    def test_needs_missions(self):
        d = pd.DataFrame({"client": ["A"], "opened_at": ["2024-01-01"]})
        with pytest.raises(ck.NotApplicableError, match="no missions"):
            ck.change_points(ck.History.from_frames(d))

    def test_rejects_bad_arguments(self):
        h, _ = small_career()
        with pytest.raises(ValueError, match="`by` must be one of"):
            ck.change_points(h, by="client")
        with pytest.raises(ValueError, match="`min_segment`"):
            ck.change_points(h, min_segment=1.5)

    def test_same_answer_twice(self):
        h = ck.make_history(n_clients=30, seed=2)
        pd.testing.assert_frame_equal(ck.change_points(h), ck.change_points(h))


def _careers(n, n_clients):
    null, planted = [], []
    for seed in range(n):
        h = ck.make_history(n_clients=n_clients, seed=seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ck.ConflictkitWarning)
            out = ck.change_points(h, n_resamples=199).set_index("cause")
        cause = h.planted["fading_cause"]["cause"]
        date = pd.Timestamp(h.planted["fading_cause"]["after"])
        r = out.loc[cause]
        planted.append(
            (r["q_value"] < 0.05 and r["rate_ratio"] < 1,
             abs((r["changed_at"] - date).days) <= 366)
        )  # fmt: skip
        null += list(out.drop(index=[cause, "all"])["p_value"])
    return np.array(null), np.array(planted)


def test_false_alarms_on_causes_without_a_change():
    null, _ = _careers(42, 40)
    null = null[~np.isnan(null)]  # causes too few to tell have no p-value
    assert len(null) >= 200
    share = np.mean(null < 0.05)
    # benchmarks/power_change_points.py, 100 careers: 4.7% of 492 cells (40
    # clients), 4.5% of those with a client at 6 times the rate; 0.6% below
    # 0.01, and uniform p-values (Kolmogorov-Smirnov p = 0.22)
    assert 0.02 <= share <= 0.07, share
    # not only the 5% tail: the whole null distribution is roughly uniform
    assert 0.13 <= np.mean(null < 0.2) <= 0.27
    assert stats.kstest(null, "uniform").pvalue > 0.01


def heavy_client_career(seed: int):
    """12 clients with their own rates, none changing; one of them, at 6 times
    the payment rate, works every month of the first two years, then leaves:
    the pooled payment rate falls although no client changed."""
    rng = np.random.default_rng(seed)
    missions, disputes = [], []
    for c in range(12):
        rate = rng.gamma(2.0, 0.02) * (6.0 if c == 0 else 1.0)
        for k in range(24 if c == 0 else N_MONTHS):
            if c and rng.random() < 0.3:
                continue
            month = START + pd.DateOffset(months=k)
            mid = f"C{c}-{k}"
            missions.append((mid, f"C{c}", month, month + pd.Timedelta(days=27), 20.0))
            for _ in range(rng.poisson(20 * rate)):
                day = month + pd.Timedelta(days=int(rng.integers(0, 28)))
                disputes.append((f"C{c}", mid, day, "payment"))
    m = pd.DataFrame(
        missions, columns=["mission_id", "client", "started_at", "ended_at", "days"]
    )
    d = pd.DataFrame(disputes, columns=["client", "mission_id", "opened_at", "causes"])
    return ck.History.from_frames(d, missions=m, as_of="2022-12-31")


def test_a_heavy_client_coming_and_going_is_not_a_change():
    p = [
        ck.change_points(heavy_client_career(seed), min_segment=12, n_resamples=199)
        .set_index("cause")
        .loc["payment", "p_value"]
        for seed in range(40)
    ]
    # benchmarks/power_change_points.py, 200 seeds: see the docstring of
    # change_points (the pooled wild cluster bootstrap it replaced: 10%)
    assert np.mean(np.array(p) < 0.05) <= 0.075
    assert stats.kstest(p, "uniform").pvalue > 0.01


def test_finds_and_dates_the_planted_fading_cause():
    _, planted = _careers(10, 80)
    found, dated = planted[:, 0], planted[:, 0] & planted[:, 1]
    # benchmarks/power_change_points.py, 100 careers of 80 clients: see the
    # docstring of change_points
    assert found.sum() >= 6
    assert dated.sum() >= 4


class TestPlotChangePoints:
    def test_one_row_per_cause_with_date_and_verdict(self):
        h, _ = small_career()
        out = ck.change_points(h, min_segment=12)
        ax = ck.plot_change_points(out)
        labels = [t.get_text() for t in ax.get_yticklabels()]
        assert len(labels) == len(out)
        notes = [t.get_text() for t in ax.texts]
        when = out.set_index("cause").loc["payment", "changed_at"]
        month = ck._i18n.date(when, "en", "yMMM")  # "May 2020", through Babel
        assert f"since {month}: falling" in notes
        assert "too few to tell" in notes
        assert ax.get_xscale() == "log"
        plt.close("all")

    def test_french(self):
        h, _ = small_career()
        ax = ck.plot_change_points(ck.change_points(h, min_segment=12), lang="fr")
        notes = [t.get_text() for t in ax.texts]
        assert any(n.startswith("depuis ") and "en baisse" in n for n in notes)
        assert "trop peu pour conclure" in notes
        plt.close("all")
