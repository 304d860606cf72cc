"""Plots of cause counts and of their trends over a career."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from .._labels import Cause, Verdict, label
from ._common import (
    ALL_COLOR,
    cause_color,
    dress,
    forest,
    group_label,
    month_label,
    percent_formatter,
    require_columns,
    setup,
    text,
)

__all__ = [
    "plot_cause_counts",
    "plot_cause_trend",
    "plot_change_points",
    "plot_trend_summary",
]


def plot_cause_counts(
    counts: pd.DataFrame, *, ax: Axes | None = None, lang: str = "en", **kwargs: Any
) -> Axes:
    """Draw a Pareto chart of the disputes per cause.

    Bars per cause, most frequent first, each in its cause's colour, and the
    cumulative share of the citations as a line on a second y-axis (in %).

    Parameters
    ----------
    counts : pandas.DataFrame
        The output of :func:`~conflictkit.cause_counts`. A table per group
        (``by=...``) is summed over the groups.
    ax : matplotlib.axes.Axes, optional
        Where to draw; the current axes by default.
    lang : {"en", "fr"}, default="en"
        Language of the labels.
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.bar`.

    Returns
    -------
    matplotlib.axes.Axes
        The axes of the bars (the cumulative line is on its twin).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> import conflictkit as ck
    >>> h = ck.History.from_frames(pd.DataFrame({
    ...     "client": ["A", "A", "B", "B"],
    ...     "opened_at": ["2024-01-10", "2024-02-01", "2024-02-03", "2024-03-05"],
    ...     "causes": ["payment", "payment;tone", "scope", "payment"]}))
    >>> fig, ax = plt.subplots()
    >>> ax = ck.plot_cause_counts(ck.cause_counts(h), ax=ax, lang="fr")
    >>> [t.get_text() for t in ax.get_xticklabels()][:3]
    ['Paiement', 'Périmètre', 'Ton']
    >>> [int(p.get_height()) for p in ax.patches]
    [3, 1, 1, 0, 0, 0]
    >>> plt.close(fig)
    """
    ax = setup(ax, lang)
    require_columns(counts, ["cause", "n_disputes"], "cause_counts")
    totals = counts.groupby("cause", observed=True, sort=False)["n_disputes"].sum()
    causes = [c.value for c in Cause if c.value in totals.index]
    n = np.array([totals[c] for c in causes], dtype=float)
    order = np.argsort(-n, kind="stable")
    causes = [causes[i] for i in order]
    n = n[order]
    x = np.arange(len(causes))
    bars = ax.bar(
        x,
        n,
        color=[cause_color(c) for c in causes],
        **{"edgecolor": "white", **kwargs},
    )
    ax.bar_label(bars, fmt="%d", padding=2, fontsize="small")
    ax.set_xticks(x, [label(c, lang) for c in causes])
    ax.set_ylim(0, max(n.max() if n.size else 1, 1) * 1.12)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    dress(ax, title=text("counts_title", lang), xlabel=text("cause", lang),
          ylabel=text("disputes", lang), spines=["top"])  # fmt: skip

    twin = ax.twinx()
    total = n.sum()
    cumulative = np.cumsum(n) / total * 100 if total else np.zeros_like(n)
    twin.plot(x, cumulative, color=ALL_COLOR, marker="o", markersize=4)
    twin.set_ylim(0, 105)
    twin.yaxis.set_major_formatter(percent_formatter(lang, scale=100))
    dress(twin, ylabel=text("cumulative", lang), spines=["top"])
    return ax


def _period_ticks(periods: pd.DatetimeIndex, lang: str) -> tuple[np.ndarray, list[str]]:
    """Tick positions and labels: every year, or the first period of each year."""
    x = np.arange(len(periods))
    if len(periods) == 0:
        return x, []
    yearly = (periods.month == 1).all() and (periods.day == 1).all()
    if not yearly:
        starts = np.flatnonzero(periods.month == 1)
        if len(starts) < 2:  # less than two years: label every period
            return x, [month_label(p, lang) for p in periods]
        x = starts
    step = max(1, int(np.ceil(len(x) / 15)))
    x = x[::step]
    return x, [str(periods[i].year) for i in x]


def plot_cause_trend(
    trend: pd.DataFrame,
    *,
    ax: Axes | None = None,
    lang: str = "en",
    rate: bool | None = None,
    as_of: Any = None,
    **kwargs: Any,
) -> Axes:
    """Draw cause frequencies over a career as stacked bars per period.

    Parameters
    ----------
    trend : pandas.DataFrame
        The output of :func:`~conflictkit.cause_trend`.
    ax : matplotlib.axes.Axes, optional
        Where to draw; the current axes by default.
    lang : {"en", "fr"}, default="en"
        Language of the labels.
    rate : bool, optional
        Plot disputes per 100 mission-days (``True``) or counts (``False``).
        By default rates when the trend has them (the history had missions).
        A period with less than a tenth of the median exposure (such as a
        year holding only ``as_of``) is left blank and marked "too few days
        worked", since its rate would dwarf every other.
    as_of : date-like, optional
        The date the history is observed at (``history.as_of``). A last
        period that is not over at that date is hatched and labelled
        "partial", so a short period is not read as a quiet one.
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.bar`.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import conflictkit as ck
    >>> history = ck.load_example()
    >>> ax = ck.plot_cause_trend(ck.cause_trend(history))
    """
    ax = setup(ax, lang)
    require_columns(trend, ["period", "cause", "n_disputes"], "cause_trend")
    has_rate = "rate_per_100_days" in trend.columns
    if rate is None:
        rate = has_rate
    if rate and not has_rate:
        raise ValueError(
            "rate=True needs a trend computed with missions (a "
            "'rate_per_100_days' column); pass rate=False to plot counts."
        )
    column = "rate_per_100_days" if rate else "n_disputes"
    table = trend.pivot_table(
        index="period", columns="cause", values=column, aggfunc="sum", observed=False
    ).fillna(0.0)
    periods = pd.DatetimeIndex(table.index)
    x = np.arange(len(periods))
    thin = np.zeros(len(periods), dtype=bool)
    if rate:
        # A period with a few days worked (e.g. the one holding as_of) gives a
        # huge, meaningless rate: leave it out and say so.
        exposure = trend.groupby("period")["exposure_days"].first()
        exposure = exposure.reindex(table.index).to_numpy(dtype=float)
        positive = exposure[np.isfinite(exposure) & (exposure > 0)]
        floor = 0.1 * np.median(positive) if positive.size else 0.0
        thin = ~(np.isfinite(exposure) & (exposure >= floor) & (exposure > 0))
        table.iloc[thin] = 0.0
    partial = np.zeros(len(periods), dtype=bool)
    if as_of is not None and len(periods) >= 2 and not pd.isna(as_of):
        step = periods[-1] - periods[-2]
        partial[-1] = periods[-1] + step > pd.Timestamp(as_of) + pd.Timedelta(days=1)
        partial &= ~thin
    bottom = np.zeros(len(periods))
    for cause in Cause:
        if cause.value not in table.columns:
            continue
        values = table[cause.value].to_numpy(dtype=float)
        if not values.any():
            continue
        bars = ax.bar(
            x,
            values,
            bottom=bottom,
            color=cause_color(cause),
            label=label(cause, lang),
            **{"width": 0.8, "edgecolor": "white", "linewidth": 0.5, **kwargs},
        )
        for i in np.flatnonzero(partial).tolist():
            bars.patches[i].set_hatch("///")
            bars.patches[i].set_alpha(0.55)
        bottom = bottom + values
    if partial.any():  # room above the tallest bar for its label
        ax.set_ylim(top=max(ax.get_ylim()[1], 1.15 * float(bottom.max())))
    for i in np.flatnonzero(partial).tolist():
        ax.annotate(
            text("partial", lang),
            (i, bottom[i]),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize="small",
            color="0.3",
        )
    for i in np.flatnonzero(thin).tolist():
        ax.text(
            i,
            0.02,
            text("few_days", lang),
            transform=ax.get_xaxis_transform(),
            rotation=90,
            ha="center",
            va="bottom",
            fontsize="small",
            color="0.4",
        )
    ticks, labels = _period_ticks(periods, lang)
    ax.set_xticks(ticks, labels)
    if len(ticks) and len(ticks) < len(periods):
        ax.set_xticks(x, minor=True)
    ax.set_xlim(-0.6, len(x) - 0.4)
    if not rate:
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    has_legend = bool(ax.get_legend_handles_labels()[0])
    dress(
        ax,
        title=text("trend_title", lang),
        xlabel=text("period", lang),
        ylabel=text("rate_100" if rate else "disputes", lang),
        legend={"title": text("cause", lang)} if has_legend else None,
    )
    return ax


def plot_trend_summary(
    summary: pd.DataFrame, *, ax: Axes | None = None, lang: str = "en", **kwargs: Any
) -> Axes:
    """Draw the yearly rate ratio per cause, with its interval, as a forest plot.

    One row per cause (then "all"), the point at ``rate_ratio_per_year`` with
    its confidence interval, on a log axis with a reference line at 1 (no
    change). Filled points are clear trends (``rising`` or ``falling``: a
    q-value below the level), hollow ones not; causes too few to tell say so.

    Parameters
    ----------
    summary : pandas.DataFrame
        The output of :func:`~conflictkit.trend_summary`.
    ax : matplotlib.axes.Axes, optional
        Where to draw; the current axes by default.
    lang : {"en", "fr"}, default="en"
        Language of the labels.
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.errorbar`.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import conflictkit as ck
    >>> history = ck.load_example()
    >>> ax = ck.plot_trend_summary(ck.trend_summary(history))
    """
    ax = setup(ax, lang)
    require_columns(
        summary,
        ["cause", "rate_ratio_per_year", "ci_low", "ci_high", "direction"],
        "trend_summary",
    )
    causes = [str(c) for c in summary["cause"]]
    y = np.arange(len(causes))[::-1]
    ratio = summary["rate_ratio_per_year"].to_numpy(dtype=float)
    low = summary["ci_low"].to_numpy(dtype=float)
    high = summary["ci_high"].to_numpy(dtype=float)
    forest(
        ax,
        y,
        ratio,
        low,
        high,
        causes,
        summary["direction"],
        lang,
        kwargs,
        fewer="falling",
        more="rising",
    )
    ax.set_yticks(y, [group_label(c, lang) for c in causes])
    # the forest has bared its spines already
    dress(ax, title=text("summary_title", lang), xlabel=text("rr_year", lang),
          spines=())  # fmt: skip
    return ax


def plot_change_points(
    changes: pd.DataFrame,
    *,
    ax: Axes | None = None,
    lang: str = "en",
    **kwargs: Any,
) -> Axes:
    """Draw, per cause, the rate ratio after / before its most likely change date.

    One row per cause (then "all"): the rate ratio after over before the
    date found by :func:`~conflictkit.change_points`, with its interval at
    that date, on a log axis with a reference line at 1 (no change). The
    note on the right gives the verdict, with the date of a clear change in
    the words of ``lang``; filled points are clear changes (a q-value below
    the level, the search over dates accounted for).

    Parameters
    ----------
    changes : pandas.DataFrame
        The output of :func:`~conflictkit.change_points`.
    ax : matplotlib.axes.Axes, optional
        Where to draw; the current axes by default.
    lang : {"en", "fr"}, default="en"
        Language of the labels.
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.errorbar`.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import conflictkit as ck
    >>> history = ck.make_history(seed=4)
    >>> ax = ck.plot_change_points(ck.change_points(history))
    """
    ax = setup(ax, lang)
    require_columns(
        changes,
        ["cause", "changed_at", "rate_ratio", "ci_low", "ci_high", "direction"],
        "change_points",
    )
    causes = [str(c) for c in changes["cause"]]
    y = np.arange(len(causes))[::-1]
    ratio = changes["rate_ratio"].to_numpy(dtype=float)
    verdict = [str(v) for v in changes["direction"]]
    notes: list[str] = []
    for when, v, r in zip(changes["changed_at"], verdict, ratio, strict=True):
        if pd.isna(when) or not np.isfinite(r) or v not in ("rising", "falling"):
            # too few to tell, nothing to date, or no clear change: a date
            # would read as a change that the data do not show
            notes.append(v)
        else:
            shown = label(Verdict(v), lang)
            notes.append(
                text("since", lang, date=month_label(when, lang), verdict=shown)
            )
    forest(
        ax,
        y,
        ratio,
        changes["ci_low"].to_numpy(dtype=float),
        changes["ci_high"].to_numpy(dtype=float),
        causes,
        notes,
        lang,
        kwargs,
        filled=[v in ("rising", "falling") for v in verdict],
    )
    ax.set_yticks(y, [group_label(c, lang) for c in causes])
    dress(ax, title=text("change_title", lang), xlabel=text("rr_change", lang),
          spines=())  # fmt: skip
    return ax
