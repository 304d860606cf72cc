"""Shared pieces of the plots: colours, bilingual texts and small helpers.

Every plot colours a cause with :data:`CAUSE_COLORS`, so a cause keeps its
colour from one figure to the next. The palette is Okabe and Ito's, which
stays distinguishable with the common forms of colour blindness.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, cast

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, Formatter, FuncFormatter, NullFormatter

from .. import _i18n as i18n
from .._labels import Cause, Outcome, Verdict, check_lang
from ..analysis._common import check_choice  # noqa: F401  (re-exported to plots)

__all__ = ["CAUSE_COLORS", "OUTCOME_COLORS", "UNLABELLED_COLOR"]

#: One colour per cause, the same in every plot (Okabe-Ito palette).
CAUSE_COLORS: dict[str, str] = {
    Cause.SCOPE: "#0072B2",  # blue
    Cause.DEADLINES: "#E69F00",  # orange
    Cause.PAYMENT: "#009E73",  # bluish green
    Cause.TONE: "#D55E00",  # vermillion
    Cause.TRUST: "#CC79A7",  # reddish purple
    Cause.OTHER: "#56B4E9",  # sky blue
}

#: Disputes that cite no cause.
UNLABELLED_COLOR = "#AAAAAA"

#: Outcomes: the two kinds of agreement in blues, the rest apart.
OUTCOME_COLORS: dict[str, str] = {
    Outcome.AMICABLE: "#2166AC",
    Outcome.COMPROMISE: "#92C5DE",
    Outcome.PREVAILED: "#A6D96A",
    Outcome.CONCEDED: "#F4A582",
    Outcome.ABANDONED: "#BDBDBD",
}

#: Colour of the "all" row or curve (not a cause).
ALL_COLOR = "#333333"


def text(key: str, lang: str, **fmt: Any) -> str:
    """Return the plot text ``key`` in ``lang`` (from :mod:`conflictkit._i18n`)."""
    return i18n.t(f"plot.{key}", lang, **fmt)


def practice_label(practice: str, lang: str) -> str:
    """Return the display name of a practice (unknown names unchanged)."""
    return i18n.label(practice, lang)


#: Longest label drawn from the data (a client's name...), in characters.
MAX_LABEL = 40
_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def text_label(value: Any, max_chars: int = MAX_LABEL) -> str:
    """A value from the data as a plot label: plain text, one line, short.

    Matplotlib reads text between two ``$`` as mathematics (a client named
    ``$x^$`` would stop the figure, ``Ke$ha $Corp`` be drawn as maths): every
    ``$`` is escaped. Control characters and line breaks become spaces and a
    label longer than ``max_chars`` ends with an ellipsis.

    Examples
    --------
    >>> print(text_label("Ke$ha $Corp"))
    Ke\\$ha \\$Corp
    >>> text_label("A very long client name " * 3, max_chars=20)
    'A very long client …'
    """
    shown = _BREAKS.sub(" ", str(value)).strip()
    if len(shown) > max_chars:
        shown = shown[: max_chars - 1] + "…"
    return shown.replace("$", r"\$")


def group_label(value: Any, lang: str) -> str:
    """Display name of a cause, an outcome, ``"all"`` or any other value."""
    if str(value) == "all":
        return text("all", lang)
    return text_label(i18n.label(str(value), lang))


def cause_color(value: Any) -> str:
    """Colour of a cause value; ``"all"`` dark grey, anything else grey."""
    if str(value) == "all":
        return ALL_COLOR
    return CAUSE_COLORS.get(str(value), UNLABELLED_COLOR)


def setup(ax: Axes | None, lang: str) -> Axes:
    """Check ``lang`` and return ``ax`` or the current axes."""
    check_lang(lang)
    return plt.gca() if ax is None else ax


def number(value: float, spec: str, lang: str) -> str:
    """Format a number for a label through :mod:`conflictkit._i18n` (Babel).

    ``spec`` is a format specification: ``".0%"`` (a percentage), ``".2f"``
    (fixed decimals), ``".2g"`` or ``"g"`` (about three significant digits,
    never in scientific notation).

    Examples
    --------
    >>> number(0.333, ".2f", "fr"), number(0.45, ".0%", "fr"), number(0.45, ".0%", "en")
    ('0,33', '45\xa0%', '45%')
    """
    if spec.endswith("%"):
        digits = int(spec[1:-1] or 0) if spec.startswith(".") else 0
        return i18n.percent(value, lang, digits=digits)
    if spec.endswith("f") and spec.startswith("."):
        digits = int(spec[1:-1])
        return (
            i18n.number(value, lang, digits=digits)
            if digits
            else i18n.number(round(float(value)), lang)
        )
    return i18n.number(value, lang)


def percent_formatter(lang: str, *, scale: float = 1.0) -> FuncFormatter:
    """Tick labels as percentages in ``lang`` (``45%``, French ``45 %``)."""
    return FuncFormatter(lambda v, _: number(v / scale, ".0%", lang))


class DateFormatter(Formatter):
    """Date ticks in the words of ``lang`` (Babel), as concise as they can be.

    Years alone when every tick is a first of January; months (``Mar``,
    French ``mars``) when every tick is a first of the month, with the year
    at January and at the first tick; else days in their month. Matplotlib's
    own formatters write month names with ``strftime``, in English whatever
    the language.
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, x: float, pos: int | None = None) -> str:
        return i18n.date(mdates.num2date(x), self.lang)

    def format_ticks(self, values: Any) -> list[str]:
        days = [mdates.num2date(v) for v in values]
        if all(d.month == 1 and d.day == 1 for d in days):
            return [i18n.date(d, self.lang, "y") for d in days]
        monthly = all(d.day == 1 for d in days)
        out = []
        for i, d in enumerate(days):
            new_year = i == 0 or d.year != days[i - 1].year
            if monthly:
                skeleton = "y" if d.month == 1 else ("yMMM" if new_year else "MMM")
            else:
                skeleton = "yMMMd" if new_year else "dMMM"
            out.append(i18n.date(d, self.lang, skeleton))
        return out


def month_label(when: Any, lang: str) -> str:
    """A month as a label: ``Mar 2024``, French ``mars 2024``."""
    return i18n.date(when, lang, "yMMM")


def require_columns(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    """Raise a ValueError naming the missing columns and the analysis to use."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(
            f"Expected the DataFrame returned by {what}, got {type(frame).__name__}."
        )
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(
            f"This plot needs the output of {what}; the table has no "
            f"column {', '.join(repr(c) for c in missing)}."
        )


def cause_order(values: Iterable[Any]) -> list[str]:
    """The causes among ``values``, in the order of :class:`Cause`."""
    present = {str(v) for v in values}
    return [c.value for c in Cause if c.value in present]


def outside_legend(ax: Axes, handles: list | None = None, **kwargs: Any) -> None:
    """Place the legend to the right of the axes, out of the data's way."""
    opts: dict[str, Any] = {
        "loc": "upper left",
        "bbox_to_anchor": (1.02, 1.0),
        "borderaxespad": 0.0,
        "frameon": False,
    }
    opts.update(kwargs)
    if handles is None:
        ax.legend(**opts)
    else:
        ax.legend(handles=handles, **opts)


#: Every spine of an axes (heatmaps show none).
ALL_SPINES = ("top", "right", "bottom", "left")


def dress(
    ax: Axes,
    *,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    spines: Iterable[str] = ("top", "right"),
    legend: dict[str, Any] | None = None,
) -> None:
    """The finish every plot shares: title, axis labels, bare spines, legend.

    Texts are already in the plot's language. ``spines`` are hidden
    (:data:`ALL_SPINES` for a heatmap, ``()`` for none); ``legend`` holds
    the options of :func:`outside_legend` (``handles``, ``title``,
    ``bbox_to_anchor``), which places it to the right of the axes, or is
    None for no legend.
    """
    if title is not None:
        ax.set_title(title)
    if xlabel is not None:
        ax.set_xlabel(xlabel)
    if ylabel is not None:
        ax.set_ylabel(ylabel)
    hidden = list(spines)
    if hidden:
        ax.spines[hidden].set_visible(False)
    if legend is not None:
        outside_legend(ax, **legend)


def row_fontsize(ax: Axes, n_rows: int, *, largest: float = 10.0) -> float:
    """A font size (points) that fits ``n_rows`` rows in the axes' height."""
    # typed Figure | SubFigure; only a Figure has a size (as before, axes in a
    # SubFigure are not supported here)
    fig = cast(Figure, ax.figure)
    height = ax.get_position().height * fig.get_size_inches()[1] * 72
    return float(min(largest, 0.7 * height / max(n_rows, 1)))


def finite(values: Any) -> np.ndarray:
    """Boolean mask of the finite entries of ``values`` (as floats)."""
    return np.isfinite(np.asarray(values, dtype=float))


_NICE = np.array(
    [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]
    + [1.25, 1.5, 2, 3, 4, 5, 10, 20, 50, 100]
)


def log_ticks(ax: Axes, lang: str = "en") -> None:
    """Readable ticks (0.5, 1, 2 rather than 5x10^-1) on a log x-axis.

    Round values, 1 always among them, at least a sixth of the axis apart;
    in French with a decimal comma (0,5).
    """
    lo, hi = ax.get_xlim()
    nice = _NICE[(_NICE >= lo) & (_NICE <= hi)]
    gap = np.log10(hi / lo) / 7
    ticks = [1.0] if lo <= 1 <= hi else []
    last = 1.0
    for t in nice[nice > 1]:
        if np.log10(t / last) >= gap:
            ticks.append(t)
            last = t
    last = 1.0
    for t in nice[nice < 1][::-1]:
        if np.log10(last / t) >= gap:
            ticks.append(t)
            last = t
    ax.xaxis.set_major_locator(FixedLocator(sorted(ticks)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: number(v, "g", lang)))
    ax.xaxis.set_minor_formatter(NullFormatter())


#: Verdict values, and those that mark a clear change (filled points).
_VERDICTS = frozenset(v.value for v in Verdict)
_CLEAR = frozenset(
    v.value for v in (Verdict.RISING, Verdict.FALLING, Verdict.LOWER, Verdict.HIGHER)
)


def forest(
    ax: Axes,
    y: np.ndarray,
    ratio: np.ndarray,
    low: np.ndarray,
    high: np.ndarray,
    colors_of: list[str],
    notes: Any,
    lang: str,
    kwargs: dict[str, Any],
    fewer: str = "fewer",
    more: str = "more",
    filled: list[bool] | None = None,
) -> None:
    """Points with intervals on a log x-axis, a line at 1 and a note per row."""
    ok = finite(ratio) & (ratio > 0)
    low = np.where(finite(low) & (low > 0), low, np.nan)
    high = np.where(finite(high), high, np.nan)
    ax.axvline(1.0, color="0.25", linestyle="--", linewidth=1.2, zorder=1)
    notes = list(notes)
    for i in np.flatnonzero(ok):
        color = cause_color(colors_of[i])
        if filled is None:
            full = str(notes[i]) in _CLEAR
        else:
            full = filled[i]
        err = np.array([[ratio[i] - low[i]], [high[i] - ratio[i]]])
        err = np.where(np.isfinite(err), err, 0.0)
        ax.errorbar(
            ratio[i],
            y[i],
            xerr=err,
            **{
                "fmt": "o",
                "color": color,
                "markerfacecolor": color if full else "white",
                "capsize": 3,
                "markersize": 7,
                **kwargs,
            },
        )
    ax.set_xscale("log")
    values = np.concatenate([ratio[ok], low[ok], high[ok]])
    values = values[np.isfinite(values) & (values > 0)]
    lo = min(values.min(), 1.0) if values.size else 0.5
    hi = max(values.max(), 1.0) if values.size else 2.0
    span = max(np.log10(hi / lo), 0.3)
    ax.set_xlim(lo / 10 ** (0.12 * span), hi * 10 ** (0.12 * span))
    log_ticks(ax, lang)
    ax.set_ylim(-0.7, len(y) - 0.3)
    trans = ax.get_yaxis_transform()
    for row in range(len(y)):
        note = notes[row]
        if isinstance(note, str) and note == Verdict.TOO_FEW:
            note = i18n.label(Verdict.TOO_FEW, lang)
        elif isinstance(note, str) and note in _VERDICTS:
            note = i18n.label(note, lang) if ok[row] else text("no_data", lang)
        elif not ok[row]:
            note = text("no_data", lang)
        ax.text(1.02, y[row], str(note), transform=trans, va="center", fontsize="small")
    # which side of the reference line means what, at its foot
    foot = ax.get_xaxis_transform()
    hint: dict[str, Any] = {
        "xy": (1, 0.01),
        "xycoords": foot,
        "textcoords": "offset points",
        "va": "bottom",
        "fontsize": "small",
        "color": "0.3",
    }
    # a fixed gap in points either side of the line, whatever the log span
    ax.annotate("← " + text(fewer, lang), xytext=(-5, 0), ha="right", **hint)
    ax.annotate(text(more, lang) + " →", xytext=(5, 0), ha="left", **hint)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="x", which="major", color="0.9", zorder=0)
