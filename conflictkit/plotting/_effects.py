"""Plots of outcomes per cause and of the effects of practices and habits."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch

from .. import _i18n as i18n
from .._labels import Cause, Outcome, label
from ._common import (
    OUTCOME_COLORS,
    cause_color,
    check_choice,
    dress,
    forest,
    group_label,
    number,
    percent_formatter,
    practice_label,
    require_columns,
    setup,
    text,
)

__all__ = [
    "plot_handling_effects",
    "plot_outcomes_by_cause",
    "plot_prevention_effects",
]


def plot_outcomes_by_cause(
    outcomes: pd.DataFrame,
    *,
    ax: Axes | None = None,
    lang: str = "en",
    min_n: int = 10,
    **kwargs: Any,
) -> Axes:
    """Draw how disputes ended, per cause, as horizontal stacked bars of shares.

    One bar per cause with a recorded outcome (then "all" at the bottom),
    split into the outcomes' shares; the number of disputes with a known
    outcome is written at the end of each bar. A bar resting on fewer than
    ``min_n`` known outcomes is pale and hatched, and the legend says this
    means "too few to tell": 50 % of two disputes is not a share.

    Parameters
    ----------
    outcomes : pandas.DataFrame
        The output of :func:`~conflictkit.outcomes_by_cause`.
    ax : matplotlib.axes.Axes, optional
        Where to draw; the current axes by default.
    lang : {"en", "fr"}, default="en"
        Language of the labels.
    min_n : int, default=10
        Fewest known outcomes for a bar to be drawn as a finding (the
        minimum :func:`~conflictkit.outcomes_by_cause` warns under).
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.barh`.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import conflictkit as ck
    >>> history = ck.load_example()
    >>> ax = ck.plot_outcomes_by_cause(ck.outcomes_by_cause(history))
    """
    ax = setup(ax, lang)
    shares = [f"share_{o.value}" for o in Outcome]
    require_columns(
        outcomes, ["cause", "n_outcome_known", *shares], "outcomes_by_cause"
    )
    known = outcomes["n_outcome_known"].to_numpy(dtype=float) > 0
    rows = outcomes[known]
    causes = [str(c) for c in rows["cause"]]
    y = np.arange(len(causes))[::-1]
    left = np.zeros(len(causes))
    n = rows["n_outcome_known"].to_numpy(dtype=int)
    few = n < min_n
    for outcome, column in zip(Outcome, shares, strict=True):
        width = rows[column].fillna(0.0).to_numpy(dtype=float)
        bars = ax.barh(
            y,
            width,
            left=left,
            color=OUTCOME_COLORS[outcome],
            label=label(outcome, lang),
            **{"height": 0.7, "edgecolor": "white", "linewidth": 0.8, **kwargs},
        )
        for bar, small in zip(bars, few, strict=True):
            if small:  # too few to tell: pale and hatched
                bar.set_alpha(0.45)
                bar.set_hatch("///")
        ax.bar_label(
            bars,
            labels=[number(w, ".0%", lang) if w >= 0.07 else "" for w in width],
            label_type="center",
            fontsize="small",
        )
        left = left + width
    names = [group_label(c, lang) for c in causes]
    ax.set_yticks(y, names)
    for tick, cause in zip(ax.get_yticklabels(), causes, strict=True):
        if cause != "all":
            tick.set_color(cause_color(cause))
        tick.set_fontweight("bold")
    for yi, ni in zip(y, n, strict=True):
        ax.text(1.01, yi, f"n = {ni}", va="center", fontsize="small", color="0.3")
    # the legend from plain swatches (a hatched first bar would lend its look)
    handles = [Patch(color=OUTCOME_COLORS[o], label=label(o, lang)) for o in Outcome]
    if few.any():  # the legend says what the hatching means
        handles.append(Patch(facecolor="white", edgecolor="0.4", hatch="///",
                             label=text("outcomes_few", lang, need=min_n)))  # fmt: skip
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(percent_formatter(lang))
    dress(
        ax,
        title=text("outcomes_title", lang),
        xlabel=text("outcome_share", lang),
        legend={"handles": handles, "bbox_to_anchor": (1.16, 1.0)}
        if len(causes)
        else None,
    )
    return ax


def plot_prevention_effects(
    effects: pd.DataFrame,
    *,
    ax: Axes | None = None,
    lang: str = "en",
    cause: str = "all",
    **kwargs: Any,
) -> Axes:
    """Draw a forest plot of dispute rate ratios, with versus without each practice.

    One row per practice: the rate ratio (with / without) and its confidence
    interval on a log axis, with a reference line at 1 (no difference). Left
    of the line, the practice went with fewer disputes. Filled points have a
    verdict of ``lower`` or ``higher`` (a q-value below 0.05); the ratio and
    interval are written on the right.

    Parameters
    ----------
    effects : pandas.DataFrame
        The output of :func:`~conflictkit.prevention_effects`.
    ax : matplotlib.axes.Axes, optional
        Where to draw; the current axes by default.
    lang : {"en", "fr"}, default="en"
        Language of the labels.
    cause : str or Cause, default="all"
        The rows to draw: every dispute (``"all"``) or the disputes citing
        one cause.
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.errorbar`.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import conflictkit as ck
    >>> history = ck.load_example()
    >>> effects = ck.prevention_effects(history)
    >>> ax = ck.plot_prevention_effects(effects, cause="scope")
    """
    ax = setup(ax, lang)
    require_columns(
        effects,
        ["practice", "cause", "rate_ratio", "ci_low", "ci_high", "verdict"],
        "prevention_effects",
    )
    check_choice("cause", str(cause), [c.value for c in Cause] + ["all"])
    cause = str(cause)
    rows = effects[effects["cause"].astype(str).to_numpy() == cause]
    practices = [str(p) for p in rows["practice"]]
    y = np.arange(len(practices))[::-1]
    ratio = rows["rate_ratio"].to_numpy(dtype=float)
    low = rows["ci_low"].to_numpy(dtype=float)
    high = rows["ci_high"].to_numpy(dtype=float)
    notes = [
        f"{number(r, '.2f', lang)} [{number(lo, '.2f', lang)}–"
        f"{number(hi, '.2f', lang)}]"
        if np.isfinite([r, lo, hi]).all()
        else ""
        for r, lo, hi in zip(ratio, low, high, strict=True)
    ]
    # filled where the verdict (from q-values) is a clear difference
    significant = [str(v) in ("lower", "higher") for v in rows["verdict"]]
    forest(
        ax, y, ratio, low, high, [cause] * len(y), notes, lang, kwargs,
        filled=significant,
    )  # fmt: skip
    ax.set_yticks(y, [practice_label(pr, lang) for pr in practices])
    title = text("prevention_title", lang) + f" — {group_label(cause, lang)}"
    dress(ax, title=title, xlabel=text("rr", lang), spines=())
    return ax


def plot_handling_effects(
    effects: pd.DataFrame,
    *,
    ax: Axes | None = None,
    lang: str = "en",
    value: str = "median_days",
    **kwargs: Any,
) -> Axes:
    """Draw paired bars with versus without each habit of handling disputes.

    Parameters
    ----------
    effects : pandas.DataFrame
        The output of :func:`~conflictkit.handling_effects`.
    ax : matplotlib.axes.Axes, optional
        Where to draw; the current axes by default.
    lang : {"en", "fr"}, default="en"
        Language of the labels.
    value : {"median_days", "agreement", "retention"}, default="median_days"
        Median days to resolution (a median not reached is marked so), share
        of disputes ending in agreement, or share of clients kept. Each pair
        is labelled with its q-value (``logrank_q``, ``agreement_q``,
        ``retention_q``), or its p-value when the table has no q.
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.barh`.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import conflictkit as ck
    >>> history = ck.load_example()
    >>> ax = ck.plot_handling_effects(ck.handling_effects(history))
    """
    ax = setup(ax, lang)
    check_choice("value", value, ["median_days", "agreement", "retention"])
    p_column = "logrank_p" if value == "median_days" else f"{value}_p"
    columns = ["practice", f"{value}_with", f"{value}_without", p_column]
    require_columns(effects, columns, "handling_effects")
    practices = [str(p) for p in effects["practice"]]
    y = np.arange(len(practices))[::-1].astype(float)
    height = 0.38
    with_v = effects[f"{value}_with"].to_numpy(dtype=float)
    without_v = effects[f"{value}_without"].to_numpy(dtype=float)
    finite_all = np.concatenate([with_v, without_v])
    finite_all = finite_all[np.isfinite(finite_all)]
    top = finite_all.max() if finite_all.size else 1.0
    opts = {"height": height, "edgecolor": "white", **kwargs}
    pairs = [
        (with_v, y + height / 2, "#0072B2", text("with", lang)),
        (without_v, y - height / 2, "#BBBBBB", text("without", lang)),
    ]
    for values, pos, color, name in pairs:
        shown = np.where(np.isfinite(values), values, 0.0)
        bars = ax.barh(pos, shown, color=color, label=name, **opts)
        spec = ".0f" if value == "median_days" else ".0%"
        labels = [
            number(v, spec, lang)
            if np.isfinite(v)
            else text("not_reached" if v == np.inf else "no_data", lang)
            for v in values
        ]
        ax.bar_label(bars, labels=labels, padding=3, fontsize="small")
    # the q-value when the table has it: the verdicts and the report's table
    # are drawn from it, and a p beside them would read as a second answer
    q_column = p_column[:-2] + "_q"
    name = "q" if q_column in effects.columns else "p"
    p = effects[q_column if name == "q" else p_column].to_numpy(dtype=float)
    for yi, pi in zip(y, p, strict=True):
        if np.isfinite(pi):
            ax.text(
                1.01, yi, i18n.p_value(pi, lang, name=name),
                transform=ax.get_yaxis_transform(),
                va="center", fontsize="small", color="0.3",
            )  # fmt: skip
    ax.set_yticks(y, [practice_label(pr, lang) for pr in practices])
    ax.set_xlim(0, (top * 1.25 or 1.0) if value == "median_days" else 1.12)
    if value != "median_days":
        ax.xaxis.set_major_formatter(percent_formatter(lang))
    dress(ax, title=text("handling_title", lang), xlabel=text(value, lang),
          legend={"bbox_to_anchor": (1.12, 1.0)})  # fmt: skip
    return ax
