"""Tests of the plots: the artists, labels and languages on the Axes, not pixels."""

from __future__ import annotations

import re
import warnings

import matplotlib.colors as mcolors
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PolyCollection
from matplotlib.patches import Rectangle

import conflictkit as ck
from conflictkit import plotting
from conflictkit._labels import Cause


@pytest.fixture(scope="module")
def history():
    return ck.load_example()


@pytest.fixture(scope="module")
def results(history):
    """Every analysis of the example, computed once (their warnings ignored)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {
            "cause_counts": ck.cause_counts(history),
            "cause_trend": ck.cause_trend(history),
            "trend_summary": ck.trend_summary(history),
            "cause_cooccurrence": ck.cause_cooccurrence(history, min_count=0),
            "recurring_causes": ck.recurring_causes(history),
            "survival_curves": ck.survival_curves(history, by="primary_cause"),
            "outcomes_by_cause": ck.outcomes_by_cause(history),
            "prevention_effects": ck.prevention_effects(history),
            "handling_effects": ck.handling_effects(history),
        }


def texts(labels):
    return [t.get_text() for t in labels]


def same_color(a, b):
    return mcolors.to_hex(a) == mcolors.to_hex(b)


def bar_patches(ax):
    return [p for c in ax.containers for p in c.patches]


def cell_texts(ax):
    return [t.get_text() for t in ax.texts]


# name of the plot -> (result key, extra kwargs)
PLOTS = {
    "plot_cause_counts": ("cause_counts", {}),
    "plot_cause_trend": ("cause_trend", {}),
    "plot_trend_summary": ("trend_summary", {}),
    "plot_cause_cooccurrence": ("cause_cooccurrence", {}),
    "plot_recurring_causes": ("recurring_causes", {}),
    "plot_time_to_resolution": ("survival_curves", {}),
    "plot_timeline": ("history", {"top": 10}),
    "plot_outcomes_by_cause": ("outcomes_by_cause", {}),
    "plot_prevention_effects": ("prevention_effects", {}),
    "plot_handling_effects": ("handling_effects", {}),
}


@pytest.fixture(params=sorted(PLOTS))
def plot_case(request, results, history):
    key, kwargs = PLOTS[request.param]
    data = history if key == "history" else results[key]
    return getattr(plotting, request.param), data, kwargs


class TestCommonContract:
    def test_draws_on_the_given_axes_in_each_language(self, plot_case):
        plot, data, kwargs = plot_case
        before = data.copy() if isinstance(data, pd.DataFrame) else None
        fig, (en, fr) = plt.subplots(1, 2)
        figures = plt.get_fignums()
        assert plot(data, ax=en, lang="en", **kwargs) is en
        assert plot(data, ax=fr, lang="fr", **kwargs) is fr
        assert plt.get_fignums() == figures  # no plt.figure()
        assert en.get_title()
        assert fr.get_title()
        assert en.get_title() != fr.get_title()
        if before is not None:
            pd.testing.assert_frame_equal(data, before)  # input not mutated

    def test_draws_on_the_current_axes_when_none_is_given(self, plot_case):
        plot, data, kwargs = plot_case
        _, (_, right) = plt.subplots(1, 2)
        plt.sca(right)
        assert plot(data, **kwargs) is right

    def test_bad_lang_or_table_raises_before_drawing(self, plot_case):
        plot, data, kwargs = plot_case
        _, ax = plt.subplots()
        match = r"The value for `lang` must be one of \['en', 'fr'\], but 'de'"
        with pytest.raises(ValueError, match=match):
            plot(data, ax=ax, lang="de", **kwargs)
        if not isinstance(data, ck.History):
            with pytest.raises(ValueError, match="needs the output of"):
                plot(pd.DataFrame({"x": [1]}), ax=ax, **kwargs)
        assert not ax.has_data()


class TestCauseColors:
    def test_every_cause_has_a_distinct_color(self):
        colors = [mcolors.to_hex(plotting.CAUSE_COLORS[c]) for c in Cause]
        assert len(set(colors)) == len(Cause)

    def test_a_cause_has_the_same_color_in_the_pareto_and_the_trend(self, results):
        _, (left, right) = plt.subplots(1, 2)
        plotting.plot_cause_counts(results["cause_counts"], ax=left)
        plotting.plot_cause_trend(results["cause_trend"], ax=right)
        deadlines = Cause.DEADLINES.label("en")
        (i,) = [
            k for k, t in enumerate(texts(left.get_xticklabels())) if t == deadlines
        ]
        pareto_color = left.containers[0].patches[i].get_facecolor()
        trend_colors = {
            c.get_label(): c.patches[0].get_facecolor() for c in right.containers
        }
        assert same_color(pareto_color, trend_colors[deadlines])
        assert same_color(pareto_color, plotting.CAUSE_COLORS[Cause.DEADLINES])


class TestPlotCauseCounts:
    def test_one_bar_per_cause_in_pareto_order(self, results):
        counts = results["cause_counts"]
        ax = plotting.plot_cause_counts(counts)
        heights = [p.get_height() for p in bar_patches(ax)]
        assert len(heights) == len(Cause)
        assert heights == sorted(heights, reverse=True)
        assert sum(heights) == counts["n_disputes"].sum()

    def test_bars_are_colored_by_their_cause(self, results):
        ax = plotting.plot_cause_counts(results["cause_counts"])
        by_label = {c.label("en"): plotting.CAUSE_COLORS[c] for c in Cause}
        for tick, bar in zip(ax.get_xticklabels(), bar_patches(ax), strict=True):
            assert same_color(bar.get_facecolor(), by_label[tick.get_text()])

    def test_cumulative_line_on_a_twin_axis_ends_at_100_percent(self, results):
        _, ax = plt.subplots()
        plotting.plot_cause_counts(results["cause_counts"], ax=ax)
        twins = [a for a in ax.figure.axes if a is not ax]
        assert len(twins) == 1
        (line,) = twins[0].get_lines()
        y = line.get_ydata()
        assert y[-1] == pytest.approx(100)
        assert np.all(np.diff(y) >= 0)

    def test_french_tick_labels_and_axis_labels(self, results):
        _, ax = plt.subplots()
        plotting.plot_cause_counts(results["cause_counts"], ax=ax, lang="fr")
        ticks = texts(ax.get_xticklabels())
        assert {"Délais", "Périmètre", "Paiement", "Ton", "Confiance", "Autre"} == set(
            ticks
        )
        assert ax.get_ylabel() == "Litiges"
        assert ax.figure.axes[1].get_ylabel() == "Part cumulée"

    def test_counts_per_group_are_summed(self, history):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            per_year = ck.cause_counts(history, by="year")
            overall = ck.cause_counts(history)
        ax = plotting.plot_cause_counts(per_year)
        heights = sorted(p.get_height() for p in bar_patches(ax))
        assert heights == sorted(overall["n_disputes"].astype(float))


class TestPlotCauseTrend:
    def test_stacks_one_bar_container_per_cited_cause(self, results):
        trend = results["cause_trend"]
        ax = plotting.plot_cause_trend(trend)
        cited = trend.groupby("cause", observed=False)["n_disputes"].sum()
        assert len(ax.containers) == int((cited > 0).sum())
        n_periods = trend["period"].nunique()
        assert all(len(c.patches) == n_periods for c in ax.containers)

    def test_rates_by_default_when_missions_are_known(self, results):
        ax = plotting.plot_cause_trend(results["cause_trend"])
        assert ax.get_ylabel() == "Disputes per 100 mission-days"

    def test_counts_on_request_add_up_to_the_table(self, results):
        trend = results["cause_trend"]
        ax = plotting.plot_cause_trend(trend, rate=False, lang="fr")
        assert ax.get_ylabel() == "Litiges"
        assert sum(p.get_height() for p in bar_patches(ax)) == trend["n_disputes"].sum()

    def test_without_missions_counts_are_plotted(self):
        h = ck.History.from_frames(
            pd.DataFrame(
                {
                    "client": ["A", "B", "A"],
                    "opened_at": ["2021-03-01", "2023-05-02", "2023-06-01"],
                    "causes": ["payment", "payment;tone", "scope"],
                }
            )
        )
        ax = plotting.plot_cause_trend(ck.cause_trend(h))
        assert ax.get_ylabel() == "Disputes"
        assert texts(ax.get_xticklabels()) == ["2021", "2022", "2023"]
        with pytest.raises(ValueError, match="rate=True needs"):
            plotting.plot_cause_trend(ck.cause_trend(h), rate=True)

    def test_a_period_with_almost_no_exposure_is_left_blank(self):
        # e.g. a last year holding only as_of: under one mission-day worked
        periods = pd.to_datetime(["2024-01-01", "2025-01-01", "2026-01-01"])
        trend = pd.DataFrame(
            {
                "period": np.repeat(periods, 2),
                "cause": pd.Categorical(["scope", "payment"] * 3),
                "n_disputes": [2, 1, 1, 3, 0, 1],
                "exposure_days": np.repeat([200.0, 180.0, 0.8], 2),
            }
        )
        trend["rate_per_100_days"] = trend["n_disputes"] / trend["exposure_days"] * 100
        ax = plotting.plot_cause_trend(trend)
        last_bars = [c.patches[-1].get_height() for c in ax.containers]
        assert sum(last_bars) == 0
        first_bars = [c.patches[0].get_height() for c in ax.containers]
        assert sum(first_bars) == pytest.approx(1.5)
        assert "too few days worked" in cell_texts(ax)

    def test_legend_names_causes_in_french(self, results):
        ax = plotting.plot_cause_trend(results["cause_trend"], lang="fr")
        legend = texts(ax.get_legend().get_texts())
        assert "Délais" in legend
        assert "Périmètre" in legend
        assert ax.get_xlabel() == "Période"


class TestPlotTrendSummary:
    def test_one_row_per_cause_and_all_with_a_reference_line_at_1(self, results):
        summary = results["trend_summary"]
        ax = plotting.plot_trend_summary(summary)
        assert ax.get_xscale() == "log"
        assert len(ax.get_yticks()) == len(summary)
        refs = [ln for ln in ax.get_lines() if list(ln.get_xdata()) == [1.0, 1.0]]
        assert len(refs) == 1
        assert texts(ax.get_yticklabels())[-1] == "All causes"

    def test_points_sit_at_the_rate_ratios(self, results):
        summary = results["trend_summary"]
        ax = plotting.plot_trend_summary(summary)
        points = sorted(
            c.lines[0].get_xdata()[0] for c in ax.containers if hasattr(c, "lines")
        )
        expected = sorted(summary["rate_ratio_per_year"].dropna())
        assert points == pytest.approx(expected)

    def test_french_labels_and_directions(self, results):
        summary = results["trend_summary"].copy()
        summary.loc[summary["cause"] == "tone", "direction"] = "falling"
        summary.loc[summary["cause"] == "other", "direction"] = "too few to tell"
        ax = plotting.plot_trend_summary(summary, lang="fr")
        assert "Délais" in texts(ax.get_yticklabels())
        assert texts(ax.get_yticklabels())[-1] == "Toutes causes"
        assert "en baisse" in cell_texts(ax)
        assert "trop peu pour conclure" in cell_texts(ax)
        assert "échelle log" in ax.get_xlabel()

    def test_a_cause_never_cited_is_labelled_without_a_point(self, results):
        summary = results["trend_summary"].copy()
        nan_cols = ["rate_ratio_per_year", "ci_low", "ci_high"]
        summary.loc[summary["cause"] == "other", nan_cols] = np.nan
        ax = plotting.plot_trend_summary(summary)
        assert len(ax.containers) == len(summary) - 1
        assert "no data" in cell_texts(ax)


class TestPlotCauseCooccurrence:
    def test_symmetric_annotated_count_matrix(self, results):
        cooc = results["cause_cooccurrence"]
        ax = plotting.plot_cause_cooccurrence(cooc)
        (image,) = ax.get_images()
        matrix = image.get_array()
        assert matrix.shape == (len(Cause), len(Cause))
        assert np.ma.allequal(matrix, matrix.T)
        top = cooc.iloc[0]
        i = list(Cause).index(Cause(str(top["cause_a"])))
        j = list(Cause).index(Cause(str(top["cause_b"])))
        assert matrix[i, j] == top["n_disputes"]
        assert matrix.mask[0, 0]  # the diagonal is blank
        assert str(int(top["n_disputes"])) in cell_texts(ax)

    def test_tick_labels_in_french_colored_by_cause(self, results):
        ax = plotting.plot_cause_cooccurrence(results["cause_cooccurrence"], lang="fr")
        ticks = ax.get_yticklabels()
        assert texts(ticks) == [c.label("fr") for c in Cause]
        assert same_color(ticks[1].get_color(), plotting.CAUSE_COLORS[Cause.DEADLINES])

    def test_lift_is_centred_on_1(self, results):
        ax = plotting.plot_cause_cooccurrence(
            results["cause_cooccurrence"], value="lift", colorbar=False
        )
        (image,) = ax.get_images()
        assert image.norm.vcenter == 1.0
        assert "Lift" in ax.get_title() or "lift" in ax.get_title()

    def test_bad_value_raises(self, results):
        with pytest.raises(ValueError, match=r"The value for `value` must be one of"):
            plotting.plot_cause_cooccurrence(results["cause_cooccurrence"], value="x")


class TestPlotRecurringCauses:
    def test_clients_sorted_by_total_and_recurring_cells_outlined(self, results):
        recurring = results["recurring_causes"]
        ax = plotting.plot_recurring_causes(recurring, top=None)
        totals = recurring.groupby("client")["n_disputes"].sum()
        clients = texts(ax.get_yticklabels())
        assert len(clients) == totals.size
        assert list(totals[clients]) == sorted(totals, reverse=True)
        outlines = [p for p in ax.patches if isinstance(p, Rectangle)]
        assert len(outlines) == int(recurring["recurring"].sum())

    def test_top_keeps_the_clients_with_most_disputes(self, results):
        recurring = results["recurring_causes"]
        ax = plotting.plot_recurring_causes(recurring, top=5)
        clients = texts(ax.get_yticklabels())
        totals = recurring.groupby("client")["n_disputes"].sum()
        assert len(clients) == 5
        assert min(totals[clients]) >= totals.drop(clients).max()
        assert "5 of" in ax.get_title()

    def test_recurring_outline_has_the_cause_color(self, results):
        recurring = results["recurring_causes"]
        ax = plotting.plot_recurring_causes(recurring)
        outline = next(p for p in ax.patches if isinstance(p, Rectangle))
        col = int(round(outline.get_x() + 0.5))
        cause = list(Cause)[col]
        assert same_color(outline.get_edgecolor(), plotting.CAUSE_COLORS[cause])

    def test_french_labels(self, results):
        ax = plotting.plot_recurring_causes(results["recurring_causes"], lang="fr")
        assert "Délais" in texts(ax.get_xticklabels())
        assert texts(ax.get_legend().get_texts()) == ["Récurrent"]

    def test_no_labelled_dispute_says_no_data(self):
        h = ck.History.from_frames(
            pd.DataFrame(
                {"client": ["A", "B"], "opened_at": ["2024-01-10", "2024-02-01"]}
            )
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            recurring = ck.recurring_causes(h)
        ax = plotting.plot_recurring_causes(recurring)
        assert cell_texts(ax) == ["no data"]
        assert not ax.get_images()

    def test_bad_top_raises(self, results):
        with pytest.raises(ValueError, match="`top` must be a positive integer"):
            plotting.plot_recurring_causes(results["recurring_causes"], top=0)


@pytest.fixture(scope="module")
def small_history():
    """Three clients, one dispute still open, one without a cause."""
    return ck.History.from_frames(
        pd.DataFrame(
            {
                "client": ["Acme", "Acme", "Bolt", "Cera", "Cera"],
                "opened_at": [
                    "2023-01-10", "2023-03-01", "2023-02-01", "2023-06-01",
                    "2023-09-01",
                ],
                "resolved_at": [
                    "2023-01-20", "2023-04-01", "2023-02-11", None, "2023-09-05",
                ],
                "causes": ["payment", "deadlines;tone", "scope", "trust", None],
            }
        ),
        as_of="2023-12-31",
    )  # fmt: skip


class TestPlotTimeline:
    def test_one_lane_per_client_in_order_of_first_dispute(self, small_history):
        ax = plotting.plot_timeline(small_history)
        assert texts(ax.get_yticklabels()) == ["Acme", "Bolt", "Cera"]

    def test_markers_colored_by_primary_cause_and_grey_when_unlabelled(
        self, small_history
    ):
        ax = plotting.plot_timeline(small_history)
        colors = {
            mcolors.to_hex(fc)
            for c in ax.collections
            if hasattr(c, "get_offsets") and len(c.get_offsets())
            for fc in list(c.get_facecolors()) + list(c.get_edgecolors())
        }
        assert mcolors.to_hex(plotting.CAUSE_COLORS[Cause.DEADLINES]) in colors
        assert mcolors.to_hex(plotting.UNLABELLED_COLOR) in colors
        legend = texts(ax.get_legend().get_texts())
        assert legend[-2:] == ["No cause", "Still open"]

    def test_open_dispute_is_hollow_and_runs_to_as_of(self, small_history):
        ax = plotting.plot_timeline(small_history)
        hollow = [
            c
            for c in ax.collections
            if c.get_facecolors().size and same_color(c.get_facecolors()[0], "white")
        ]
        assert len(hollow) == 1
        assert same_color(hollow[0].get_edgecolors()[0], plotting.CAUSE_COLORS["trust"])
        dashed = [c for c in ax.collections if c.get_linestyles()[0][1] is not None]
        ((start, _), (end, _)) = dashed[0].get_segments()[0]
        assert mdates.num2date(end).date().isoformat() == "2023-12-31"
        assert mdates.num2date(start).date().isoformat() == "2023-06-01"

    def test_top_and_clients_choose_the_lanes(self, small_history, history):
        ax = plotting.plot_timeline(small_history, clients=["Cera", "Acme"])
        assert texts(ax.get_yticklabels()) == ["Cera", "Acme"]
        _, ax2 = plt.subplots()
        plotting.plot_timeline(history, ax=ax2, top=5, lang="fr")
        assert len(ax2.get_yticks()) == 5
        assert "5 clients sur" in ax2.get_title()
        with pytest.raises(ValueError, match="No dispute with client"):
            plotting.plot_timeline(small_history, clients=["Zed"])

    def test_french_legend(self, small_history):
        ax = plotting.plot_timeline(small_history, lang="fr")
        legend = texts(ax.get_legend().get_texts())
        assert "Délais" in legend
        assert "Encore ouvert" in legend
        assert ax.get_xlabel() == "Ouverture (pointillés : données au 31/12/2023)"


class TestPlotTimeToResolution:
    def test_one_step_curve_band_and_censoring_ticks_per_group(self, small_history):
        curves = ck.survival_curves(small_history)
        ax = plotting.plot_time_to_resolution(curves)
        lines = ax.get_lines()
        steps = [ln for ln in lines if ln.get_drawstyle() == "steps-post"]
        ticks = [ln for ln in lines if ln.get_marker() == "|"]
        assert len(steps) == 1
        assert len(ticks) == 1
        assert list(steps[0].get_ydata()) == pytest.approx(list(curves["survival"]))
        # the open dispute is censored at 213 days (2023-06-01 to 2023-12-31)
        assert list(ticks[0].get_xdata()) == [213.0]
        assert len([c for c in ax.collections if isinstance(c, PolyCollection)]) == 1

    def test_causes_in_their_colors_with_french_legend(self, results):
        curves = results["survival_curves"]
        ax = plotting.plot_time_to_resolution(curves, lang="fr")
        steps = [ln for ln in ax.get_lines() if ln.get_drawstyle() == "steps-post"]
        assert len(steps) == curves["group"].nunique()
        legend = texts(ax.get_legend().get_texts())
        delais = next(i for i, t in enumerate(legend) if t.startswith("Délais"))
        assert same_color(
            steps[delais].get_color(), plotting.CAUSE_COLORS[Cause.DEADLINES]
        )
        assert "Encore ouvert (censuré)" in legend
        assert ax.get_ylabel() == "Part encore ouverte"

    def test_one_very_long_dispute_does_not_squeeze_the_day_axis(self, results):
        curves = results["survival_curves"]
        longest = curves["days"].max()
        ax = plotting.plot_time_to_resolution(curves)
        right = ax.get_xlim()[1]
        still_open = curves.loc[curves["survival"] > 0.05, "days"].max()
        assert still_open <= right < longest
        assert f"the longest dispute lasted {longest:.0f} days" in ax.get_xlabel()
        _, ax = plt.subplots()
        plotting.plot_time_to_resolution(curves, ax=ax, max_days=None)
        assert ax.get_xlim()[1] >= longest
        assert ax.get_xlabel() == "Days since opened"

    def test_groups_selects_and_orders_the_curves(self, results):
        ax = plotting.plot_time_to_resolution(
            results["survival_curves"], groups=["tone", "payment"], band=False
        )
        legend = texts(ax.get_legend().get_texts())
        assert legend[0].startswith("Tone")
        assert legend[1].startswith("Payment")
        assert not ax.collections
        with pytest.raises(ValueError, match="No curve for group"):
            plotting.plot_time_to_resolution(results["survival_curves"], groups=["x"])

    def test_medians_table_points_to_the_curves(self, small_history):
        table = ck.time_to_resolution(small_history.__class__.from_frames(
            pd.DataFrame({"client": ["A"] * 10, "opened_at": ["2024-01-01"] * 10,
                          "resolved_at": ["2024-01-05"] * 10})))  # fmt: skip
        table.attrs.clear()
        with pytest.raises(ValueError, match="survival_curves"):
            plotting.plot_time_to_resolution(table)

    def test_curves_in_attrs_are_used(self, small_history):
        table = pd.DataFrame({"group": ["all"], "median_days": [10.0]})
        table.attrs["curves"] = ck.survival_curves(small_history)
        ax = plotting.plot_time_to_resolution(table)
        assert len(ax.get_lines()) >= 1


class TestPlotOutcomesByCause:
    def test_stacked_shares_per_cause_add_up_to_one(self, results):
        outcomes = results["outcomes_by_cause"]
        ax = plotting.plot_outcomes_by_cause(outcomes)
        assert len(ax.containers) == len(ck.Outcome)
        rows = int((outcomes["n_outcome_known"] > 0).sum())
        assert all(len(c.patches) == rows for c in ax.containers)
        ends = [
            max(c.patches[i].get_x() + c.patches[i].get_width() for c in ax.containers)
            for i in range(rows)
        ]
        assert ends == pytest.approx([1.0] * rows)
        assert texts(ax.get_yticklabels())[-1] == "All causes"

    def test_bar_widths_are_the_outcome_shares(self, results):
        outcomes = results["outcomes_by_cause"]
        ax = plotting.plot_outcomes_by_cause(outcomes)
        compromise = next(
            c for c in ax.containers if c.get_label() == ck.Outcome.COMPROMISE.label()
        )
        payment = outcomes.index[outcomes["cause"].astype(str) == "payment"][0]
        row = list(outcomes.loc[outcomes["n_outcome_known"] > 0].index).index(payment)
        assert compromise.patches[row].get_width() == pytest.approx(
            outcomes.loc[payment, "share_compromise"]
        )

    def test_french_causes_and_outcomes(self, results):
        ax = plotting.plot_outcomes_by_cause(results["outcomes_by_cause"], lang="fr")
        assert "Délais" in texts(ax.get_yticklabels())
        assert texts(ax.get_yticklabels())[-1] == "Toutes causes"
        legend = texts(ax.get_legend().get_texts())
        assert legend[:2] == ["À l'amiable", "Compromis"]
        assert ax.get_xlabel() == "Part des litiges résolus"

    def test_causes_without_outcomes_are_left_out(self, results):
        outcomes = results["outcomes_by_cause"].copy()
        other = outcomes["cause"].astype(str) == "other"
        outcomes.loc[other, "n_outcome_known"] = 0
        ax = plotting.plot_outcomes_by_cause(outcomes)
        assert "Other" not in texts(ax.get_yticklabels())


class TestPlotPreventionEffects:
    def test_french_numbers_use_a_decimal_comma(self, results):
        effects = results["prevention_effects"]
        en = texts(plotting.plot_prevention_effects(effects, lang="en").texts)
        _, ax = plt.subplots()
        fr = texts(plotting.plot_prevention_effects(effects, ax=ax, lang="fr").texts)
        intervals_en = [t for t in en if t.startswith(tuple("0123456789"))]
        intervals_fr = [t for t in fr if t.startswith(tuple("0123456789"))]
        assert intervals_en
        assert all("." in t and "," not in t for t in intervals_en)
        assert intervals_fr == [t.replace(".", ",") for t in intervals_en]
        fig = ax.figure
        fig.canvas.draw()
        ticks = [t for t in texts(ax.get_xticklabels()) if t]
        assert any("," in t for t in ticks)
        assert not any("." in t for t in ticks)

    def test_one_row_per_practice_with_a_reference_line_at_1(self, results):
        effects = results["prevention_effects"]
        ax = plotting.plot_prevention_effects(effects)
        practices = effects.loc[effects["cause"] == "all", "practice"]
        assert len(ax.get_yticks()) == len(practices)
        assert ax.get_xscale() == "log"
        refs = [ln for ln in ax.get_lines() if list(ln.get_xdata()) == [1.0, 1.0]]
        assert len(refs) == 1
        assert texts(ax.get_yticklabels())[0] == "Written scope"

    def test_points_and_intervals_match_the_table(self, results):
        effects = results["prevention_effects"]
        ax = plotting.plot_prevention_effects(effects)
        row = effects[
            (effects["practice"] == "written_scope") & (effects["cause"] == "all")
        ]
        first = ax.containers[0]
        assert first.lines[0].get_xdata()[0] == pytest.approx(row["rate_ratio"].iloc[0])
        (segments,) = [c.get_segments() for c in first.lines[2]]
        (lo, _), (hi, _) = segments[0]
        assert lo == pytest.approx(row["ci_low"].iloc[0])
        assert hi == pytest.approx(row["ci_high"].iloc[0])

    def test_one_cause_is_drawn_in_its_color_in_french(self, results):
        ax = plotting.plot_prevention_effects(
            results["prevention_effects"], cause=Cause.SCOPE, lang="fr"
        )
        points = [c.lines[0] for c in ax.containers]
        assert points
        assert all(
            same_color(p.get_color(), plotting.CAUSE_COLORS[Cause.SCOPE])
            for p in points
        )
        assert "Périmètre" in ax.get_title()
        assert texts(ax.get_yticklabels())[0] == "Périmètre écrit"
        assert "échelle log" in ax.get_xlabel()

    def test_bad_cause_raises(self, results):
        with pytest.raises(ValueError, match=r"The value for `cause` must be one of"):
            plotting.plot_prevention_effects(results["prevention_effects"], cause="x")


class TestPlotHandlingEffects:
    def test_paired_bars_with_and_without(self, results):
        effects = results["handling_effects"]
        ax = plotting.plot_handling_effects(effects)
        with_bars, without_bars = ax.containers
        assert [p.get_width() for p in with_bars] == pytest.approx(
            list(effects["median_days_with"])
        )
        assert texts(ax.get_legend().get_texts()) == ["With", "Without"]
        assert texts(ax.get_yticklabels())[0] == "Several options proposed"

    def test_each_pair_is_labelled_with_the_q_value_the_verdict_uses(self, results):
        # the report's figure said "p = 0.08" beside a table saying q = 0.12
        effects = results["handling_effects"]
        ax = plotting.plot_handling_effects(effects)
        labels = [t.get_text() for t in ax.texts if t.get_text()[:1] in "pq"]
        want = [ck._i18n.p_value(q, "en", name="q") for q in effects["logrank_q"]]
        assert labels == want
        _, ax = plt.subplots()
        ax = plotting.plot_handling_effects(effects, value="retention", ax=ax)
        labels = [t.get_text() for t in ax.texts if t.get_text()[:1] in "pq"]
        assert labels == [
            ck._i18n.p_value(q, "en", name="q") for q in effects["retention_q"]
        ]
        # a table without q-values (built by hand) keeps its p
        bare = effects.drop(columns=["logrank_q"])
        _, ax = plt.subplots()
        ax = plotting.plot_handling_effects(bare, ax=ax)
        assert all(t.get_text().startswith("p") for t in ax.texts
                   if t.get_text()[:1] in "pq")  # fmt: skip

    def test_a_median_not_reached_is_labelled(self, results):
        effects = results["handling_effects"].copy()
        effects.loc[0, "median_days_without"] = np.inf
        ax = plotting.plot_handling_effects(effects, lang="fr")
        assert "non atteint" in [t.get_text() for t in ax.texts]
        assert ax.containers[1].patches[0].get_width() == 0

    def test_agreement_as_shares_in_french(self, results):
        ax = plotting.plot_handling_effects(
            results["handling_effects"], value="agreement", lang="fr"
        )
        assert ax.get_xlabel() == "Part conclue par un accord"
        assert texts(ax.get_legend().get_texts()) == ["Avec", "Sans"]
        with pytest.raises(ValueError, match=r"The value for `value` must be one of"):
            plotting.plot_handling_effects(results["handling_effects"], value="x")


def test_a_cause_has_the_same_color_across_four_plots(results):
    _, axes = plt.subplots(2, 2)
    plotting.plot_cause_counts(results["cause_counts"], ax=axes[0, 0])
    plotting.plot_trend_summary(results["trend_summary"], ax=axes[0, 1])
    plotting.plot_time_to_resolution(results["survival_curves"], ax=axes[1, 0])
    plotting.plot_cause_cooccurrence(results["cause_cooccurrence"], ax=axes[1, 1])
    tone = ck.Cause.TONE.label("en")
    expected = plotting.CAUSE_COLORS[Cause.TONE]
    i = texts(axes[0, 0].get_xticklabels()).index(tone)
    assert same_color(axes[0, 0].containers[0].patches[i].get_facecolor(), expected)
    j = texts(axes[0, 1].get_yticklabels()).index(tone)
    assert same_color(axes[0, 1].containers[j].lines[0].get_color(), expected)
    steps = [ln for ln in axes[1, 0].get_lines() if ln.get_drawstyle() == "steps-post"]
    (line,) = [ln for ln in steps if ln.get_label().startswith(tone)]
    assert same_color(line.get_color(), expected)
    k = texts(axes[1, 1].get_yticklabels()).index(tone)
    assert same_color(axes[1, 1].get_yticklabels()[k].get_color(), expected)


def test_plots_and_cause_colors_are_reexported_by_the_package():
    names = [n for n in plotting.__all__ if n.startswith("plot_")]
    assert len(names) >= 5
    for name in [*names, "CAUSE_COLORS"]:
        assert getattr(ck, name) is getattr(plotting, name)
        assert name in ck.__all__


# ---------------------------------------------------------------- labels are text
def _clients_history(names):
    import pandas as pd

    n = len(names) * 3
    return ck.History.from_frames(pd.DataFrame({
        "client": [names[i % len(names)] for i in range(n)],
        "opened_at": [f"2024-0{1 + i % 9}-1{i % 9}" for i in range(n)],
        "resolved_at": [f"2024-0{1 + i % 9}-2{i % 9}" for i in range(n)],
        "causes": ["payment;scope", "tone", "deadlines"] * len(names),
        "outcome": ["amicable"] * n,
    }))  # fmt: skip


@pytest.mark.parametrize(
    "plot",
    [
        lambda h, ax: ck.plot_recurring_causes(ck.recurring_causes(h), ax=ax),
        lambda h, ax: ck.plot_timeline(h, ax=ax),
        lambda h, ax: ck.plot_time_to_resolution(
            ck.survival_curves(h, by="client"), ax=ax),
    ],
)  # fmt: skip
def test_client_names_are_drawn_as_text(plot):
    import warnings

    from matplotlib.figure import Figure

    names = ["$x^$", "Ke$ha $Corp", "Z" * 1_000_000, "Tab\tand\nbreak"]
    h = _clients_history(names)
    fig = Figure()
    ax = fig.add_subplot()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        plot(h, ax)
    fig.canvas.draw()  # mathtext would fail here on "$x^$"
    texts = [t.get_text() for t in fig.findobj(match=lambda a: hasattr(a, "get_text"))]
    shown = " ".join(texts)
    assert r"Ke\$ha \$Corp" in shown
    assert "Z" * 39 + "…" in shown
    assert "Z" * 41 not in shown
    assert "\n" not in "".join(t for t in texts if "Tab" in t)


def test_text_label_escapes_and_truncates():
    from conflictkit.plotting._common import text_label

    assert text_label("$x^$") == r"\$x^\$"
    assert text_label("a" * 50) == "a" * 39 + "…"
    assert text_label("line\r\nbreak\x1b") == "line break"


def test_cause_trend_marks_a_partial_last_period():
    h = ck.History.from_frames(
        pd.DataFrame({
            "client": ["A"] * 6,
            "opened_at": ["2022-02-01", "2022-06-01", "2023-03-01", "2023-09-01",
                          "2024-01-15", "2024-02-01"],
            "causes": ["payment", "scope"] * 3,
        }),
        as_of="2024-03-01",
    )  # fmt: skip
    _, ax = plt.subplots()
    ck.plot_cause_trend(ck.cause_trend(h), ax=ax, as_of=h.as_of, lang="fr")
    hatched = [p for p in ax.patches if p.get_hatch()]
    assert hatched
    assert {round(p.get_x() + p.get_width() / 2) for p in hatched} == {2}
    assert "partielle" in [t.get_text() for t in ax.texts]
    _, ax = plt.subplots()
    ck.plot_cause_trend(ck.cause_trend(h), ax=ax)  # without as_of: nothing marked
    assert not [p for p in ax.patches if p.get_hatch()]


def _all_texts(ax):
    shown = [ax.get_title(), ax.get_xlabel(), ax.get_ylabel(), *cell_texts(ax)]
    shown += texts(ax.get_xticklabels()) + texts(ax.get_yticklabels())
    return [s for s in shown if s]


def test_dates_are_written_in_the_plot_language(history, small_history):
    """No ISO date in French plots: months and days come from Babel."""
    iso = r"\d{4}-\d{2}"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        changes = ck.change_points(history)
    fig, ax = plt.subplots()
    plotting.plot_change_points(changes, ax=ax, lang="fr")
    notes = [t for t in cell_texts(ax) if t.startswith("depuis ")]
    assert notes, cell_texts(ax)
    clear = changes["direction"].astype(str).isin(["rising", "falling"])
    assert len(notes) == clear.sum()  # no date where nothing clearly changed
    dated = changes[clear].iloc[0]["changed_at"]
    month = ck._i18n.date(dated, "fr", "yMMM")
    assert any(month in n for n in notes), (month, notes)
    assert not any(re.search(iso, s) for s in _all_texts(ax))
    plt.close(fig)

    fig, ax = plt.subplots()
    plotting.plot_timeline(small_history, ax=ax, lang="fr")
    fig.canvas.draw()
    ticks = texts(ax.get_xticklabels())
    french_months = {"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.",
                     "août", "sept.", "oct.", "nov.", "déc."}  # fmt: skip
    assert any(t.split(" ")[0] in french_months for t in ticks), ticks
    assert not any(re.search(r"\b(?:Jan|Feb|Apr|May|Jun|Jul|Aug|Sep|Oct|Dec)\b", t)
                   for t in ticks), ticks  # fmt: skip
    plt.close(fig)

    monthly = ck.cause_trend(small_history, freq="QE")
    fig, ax = plt.subplots()
    plotting.plot_cause_trend(monthly, ax=ax, lang="fr")
    labels = texts(ax.get_xticklabels())
    assert labels
    assert not any(re.search(iso, s) for s in labels), labels
    assert any(t.split(" ")[0] in french_months for t in labels), labels
    plt.close(fig)
