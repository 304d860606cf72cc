"""Matrix plots: causes cited together, and disputes per client and cause."""

from __future__ import annotations

from typing import Any

import matplotlib.colors as mcolors
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import MaxNLocator

from .._labels import Cause, label
from ._common import (
    ALL_SPINES,
    cause_color,
    check_choice,
    dress,
    require_columns,
    row_fontsize,
    setup,
    text,
    text_label,
)

__all__ = ["plot_cause_cooccurrence", "plot_recurring_causes"]


def _cause_ticks(ax: Axes, causes: list[str], lang: str, *, x: bool, y: bool) -> None:
    """Cause labels as tick labels, each in its cause's colour."""
    names = [label(c, lang) for c in causes]
    pos = np.arange(len(causes))
    if x:
        ax.set_xticks(pos, names, rotation=30, ha="right", rotation_mode="anchor")
        for tick, cause in zip(ax.get_xticklabels(), causes, strict=True):
            tick.set_color(cause_color(cause))
            tick.set_fontweight("bold")
    if y:
        ax.set_yticks(pos, names)
        for tick, cause in zip(ax.get_yticklabels(), causes, strict=True):
            tick.set_color(cause_color(cause))
            tick.set_fontweight("bold")


def _annotate_cells(
    ax: Axes, image: Any, values: np.ndarray, fmt: str, fontsize: float = 10.0
) -> None:
    """Write each finite value in its cell, in black or white for contrast."""
    if fontsize < 5:  # too small to read: the shading says enough
        return
    cmap, norm = image.get_cmap(), image.norm
    for (i, j), v in np.ndenumerate(values):
        if not np.isfinite(v):
            continue
        r, g, b, _ = cmap(norm(v))
        dark = 0.299 * r + 0.587 * g + 0.114 * b < 0.5
        ax.text(
            j,
            i,
            format(v, fmt),
            ha="center",
            va="center",
            fontsize=fontsize,
            color="white" if dark else "black",
        )


def plot_cause_cooccurrence(
    cooccurrence: pd.DataFrame,
    *,
    ax: Axes | None = None,
    lang: str = "en",
    value: str = "n_disputes",
    colorbar: bool = True,
    **kwargs: Any,
) -> Axes:
    """Draw the cause x cause matrix of disputes citing both causes.

    Parameters
    ----------
    cooccurrence : pandas.DataFrame
        The output of :func:`~conflictkit.cause_cooccurrence`.
    ax : matplotlib.axes.Axes, optional
        Where to draw; the current axes by default.
    lang : {"en", "fr"}, default="en"
        Language of the labels.
    value : {"n_disputes", "lift"}, default="n_disputes"
        Counts of disputes citing both causes, or the lift (1 = as often as
        chance, centred on white).
    colorbar : bool, default=True
        Add a colour bar beside the matrix.
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.imshow`.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import conflictkit as ck
    >>> history = ck.load_example()
    >>> cooc = ck.cause_cooccurrence(history)
    >>> ax = ck.plot_cause_cooccurrence(cooc, value="lift")
    """
    ax = setup(ax, lang)
    check_choice("value", value, ["n_disputes", "lift"])
    require_columns(cooccurrence, ["cause_a", "cause_b", value], "cause_cooccurrence")
    causes = [c.value for c in Cause]
    index = {c: i for i, c in enumerate(causes)}
    fill = 0.0 if value == "n_disputes" else np.nan
    matrix = np.full((len(causes), len(causes)), fill)
    a = [index[str(c)] for c in cooccurrence["cause_a"]]
    b = [index[str(c)] for c in cooccurrence["cause_b"]]
    v = cooccurrence[value].to_numpy(dtype=float)
    matrix[a, b] = v
    matrix[b, a] = v
    np.fill_diagonal(matrix, np.nan)
    if value == "lift":
        top = np.nanmax(matrix[np.isfinite(matrix)], initial=1.0)
        norm = mcolors.TwoSlopeNorm(vcenter=1.0, vmin=0.0, vmax=max(top, 2.0))
        opts = {"cmap": "RdBu_r", "norm": norm}
        fmt, title = ".2f", text("lift_title", lang)
    else:
        opts = {"cmap": "Blues", "vmin": 0}
        fmt, title = ".0f", text("cooc_title", lang)
    image = ax.imshow(np.ma.masked_invalid(matrix), **{**opts, **kwargs})
    _annotate_cells(ax, image, matrix, fmt)
    _cause_ticks(ax, causes, lang, x=True, y=True)
    ax.tick_params(length=0)
    dress(ax, title=title, spines=ALL_SPINES)
    if colorbar:
        bar = ax.figure.colorbar(image, ax=ax, shrink=0.8)
        bar.set_label(text("lift" if value == "lift" else "disputes", lang))
        if value == "n_disputes":
            bar.locator = MaxNLocator(integer=True)
            bar.update_ticks()
    return ax


def plot_recurring_causes(
    recurring: pd.DataFrame,
    *,
    ax: Axes | None = None,
    lang: str = "en",
    top: int | None = 20,
    **kwargs: Any,
) -> Axes:
    """Draw a client x cause heatmap of disputes, recurring cells outlined.

    Clients are sorted by their number of disputes (most first); a cell is
    outlined in bold when the cause is recurring for the client.

    Parameters
    ----------
    recurring : pandas.DataFrame
        The output of :func:`~conflictkit.recurring_causes`.
    ax : matplotlib.axes.Axes, optional
        Where to draw; the current axes by default.
    lang : {"en", "fr"}, default="en"
        Language of the labels.
    top : int or None, default=20
        Show only the ``top`` clients with the most disputes (``None``: all).
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.imshow`.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import conflictkit as ck
    >>> history = ck.load_example()
    >>> ax = ck.plot_recurring_causes(ck.recurring_causes(history))
    """
    ax = setup(ax, lang)
    require_columns(
        recurring, ["client", "cause", "n_disputes", "recurring"], "recurring_causes"
    )
    if top is not None and (not isinstance(top, int | np.integer) or top < 1):
        raise ValueError(f"`top` must be a positive integer or None, not {top!r}.")
    frame = pd.DataFrame(
        {
            "client": recurring["client"].astype(str).to_numpy(),
            "cause": recurring["cause"].astype(str).to_numpy(),
            "n": recurring["n_disputes"].to_numpy(dtype=float),
            "recurring": recurring["recurring"].fillna(False).to_numpy(dtype=float),
        }
    )
    counts = frame.pivot_table(
        index="client", columns="cause", values="n", aggfunc="sum"
    )
    flags = frame.pivot_table(
        index="client", columns="cause", values="recurring", aggfunc="max"
    )
    causes = [c.value for c in Cause]
    counts = counts.reindex(columns=causes).fillna(0.0)
    flags = flags.reindex(index=counts.index, columns=causes).fillna(0.0) > 0
    totals = counts.sum(axis=1)
    order = sorted(counts.index, key=lambda c: (-totals[c], c))
    n_clients = len(order)
    if top is not None:
        order = order[:top]
    if not order:  # no labelled dispute: say so rather than draw an empty grid
        ax.set_title(text("recurring_title", lang))
        ax.text(0.5, 0.5, text("no_data", lang), ha="center", va="center",
                transform=ax.transAxes, color="0.4")  # fmt: skip
        ax.set_xticks([])
        ax.set_yticks([])
        return ax
    counts = counts.loc[order]
    flags = flags.loc[order]
    values = counts.to_numpy()
    image = ax.imshow(
        np.where(values > 0, values, np.nan),
        **{
            "cmap": "Greys",
            "vmin": 0,
            "vmax": max(values.max(initial=1), 1) * 1.4,
            "aspect": "auto",
            **kwargs,
        },
    )
    shown = np.where(values > 0, values, np.nan)
    fontsize = row_fontsize(ax, len(order))
    _annotate_cells(ax, image, shown, ".0f", fontsize=min(fontsize, 10.0))
    rows, cols = np.nonzero(flags.to_numpy())
    for i, j in zip(rows, cols, strict=True):
        ax.add_patch(
            Rectangle(
                (j - 0.5, i - 0.5),
                1,
                1,
                fill=False,
                edgecolor=cause_color(causes[j]),
                linewidth=3,
                zorder=3,
            )
        )
    _cause_ticks(ax, causes, lang, x=True, y=False)
    ax.set_yticks(
        np.arange(len(order)), [text_label(c) for c in order],
        fontsize=max(fontsize, 4.0),
    )  # fmt: skip
    ax.set_xticks(np.arange(len(causes) + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(len(order) + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="white", linewidth=1)
    ax.tick_params(which="both", length=0)
    title = text("recurring_title", lang)
    if len(order) < n_clients:
        title += "\n" + text("top_clients", lang, top=len(order), n=n_clients)
    handle = Patch(
        facecolor="white",
        edgecolor="black",
        linewidth=2.5,
        label=text("recurring", lang),
    )
    dress(
        ax,
        title=title,
        xlabel=text("cause", lang),
        ylabel=text("client", lang),
        spines=ALL_SPINES,
        legend={"handles": [handle]} if len(rows) else None,
    )
    return ax
