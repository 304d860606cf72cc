"""Plots over time: the timeline of disputes and the time they take to settle."""

from __future__ import annotations

from typing import Any

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.typing import ColorType

from .. import _i18n as i18n
from .._labels import Cause, label
from ..model import History
from ._common import (
    CAUSE_COLORS,
    UNLABELLED_COLOR,
    DateFormatter,
    check_choice,
    dress,
    group_label,
    percent_formatter,
    require_columns,
    row_fontsize,
    setup,
    text,
    text_label,
)

__all__ = ["plot_time_to_resolution", "plot_timeline"]


def plot_timeline(
    history: History,
    *,
    ax: Axes | None = None,
    lang: str = "en",
    clients: list[str] | None = None,
    top: int | None = 30,
    **kwargs: Any,
) -> Axes:
    """Draw every dispute on a timeline, one lane per client.

    A marker at ``opened_at`` in the colour of the primary cause (grey when
    the dispute cites none) and a line to ``resolved_at``. A dispute still
    open is a hollow marker with a dashed line up to ``history.as_of``.

    Parameters
    ----------
    history : History
        The disputes.
    ax : matplotlib.axes.Axes, optional
        Where to draw; the current axes by default.
    lang : {"en", "fr"}, default="en"
        Language of the labels.
    clients : list of str, optional
        The clients to show, top to bottom. By default the ``top`` clients
        with the most disputes, in the order of their first dispute.
    top : int or None, default=30
        How many clients to show when ``clients`` is not given (``None``:
        all).
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.scatter` for the markers.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> import conflictkit as ck
    >>> h = ck.History.from_frames(pd.DataFrame({
    ...     "client": ["Bolt", "Acme", "Acme"],
    ...     "opened_at": ["2024-01-10", "2024-02-01", "2024-05-03"],
    ...     "resolved_at": ["2024-01-30", None, "2024-05-10"],
    ...     "causes": ["payment", "scope", None]}), as_of="2024-06-30")
    >>> fig, ax = plt.subplots()
    >>> ax = ck.plot_timeline(h, ax=ax)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Bolt', 'Acme']
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['Scope', 'Payment', 'No cause', 'Still open']
    >>> plt.close(fig)
    """
    ax = setup(ax, lang)
    if not isinstance(history, History):
        raise TypeError(f"Expected a History, got {type(history).__name__}.")
    if top is not None and (not isinstance(top, int | np.integer) or top < 1):
        raise ValueError(f"`top` must be a positive integer or None, not {top!r}.")
    d = history.disputes
    if len(d) == 0:  # nothing to draw: say so rather than draw empty lanes
        ax.text(0.5, 0.5, text("no_data", lang), ha="center", va="center",
                transform=ax.transAxes, color="0.4")  # fmt: skip
        ax.set_xticks([])
        ax.set_yticks([])
        return ax
    client = d["client"].astype(str)
    n_clients = client.nunique()
    if clients is None:
        stats = pd.DataFrame({"client": client, "opened_at": d["opened_at"]})
        stats = stats.groupby("client").agg(
            n=("opened_at", "size"), first=("opened_at", "min")
        )
        chosen = stats.sort_values(["n", "first"], ascending=[False, True])
        if top is not None:
            chosen = chosen.head(top)
        lanes = list(chosen.sort_values(["first", "n"]).index)
    else:
        lanes = [str(c) for c in clients]
        unknown = sorted(set(lanes) - set(client))
        if unknown:
            raise ValueError(f"No dispute with client(s) {unknown}.")
    lane_of = pd.Series(np.arange(len(lanes), dtype=float), index=lanes)
    keep = client.isin(lanes).to_numpy()
    y = lane_of.reindex(client[keep]).to_numpy()
    opened = d["opened_at"].to_numpy()[keep]
    resolved = d["resolved_at"].to_numpy()[keep]
    is_open = np.isnat(resolved)
    end = np.where(is_open, np.datetime64(history.as_of, "ns"), resolved)
    cause = d["primary_cause"].astype("string").fillna("").to_numpy()[keep]
    colors = np.array([CAUSE_COLORS.get(c, UNLABELLED_COLOR) for c in cause])

    x0, x1 = mdates.date2num(opened), mdates.date2num(end)
    closed = ~is_open
    ax.hlines(y[closed], x0[closed], x1[closed], colors=colors[closed], lw=2.5)
    ax.hlines(
        y[is_open], x0[is_open], x1[is_open], colors=colors[is_open], lw=1.5,
        linestyles="--",
    )  # fmt: skip
    groups = [(c.value, label(c, lang)) for c in Cause]
    groups.append(("", text("unlabelled", lang)))
    marker_opts = {"s": 36, "zorder": 3, "linewidths": 0.6, **kwargs}
    handles = []
    for value, name in groups:
        rows = cause == value
        if not rows.any():
            continue
        color = CAUSE_COLORS.get(value, UNLABELLED_COLOR)
        done = rows & closed
        if done.any():
            ax.scatter(
                x0[done], y[done], color=color, edgecolors="white", **marker_opts
            )
        pending = rows & is_open
        if pending.any():
            ax.scatter(
                x0[pending], y[pending], facecolors="white", edgecolors=color,
                **{**marker_opts, "linewidths": 2},
            )  # fmt: skip
        handles.append(
            Line2D(
                [], [], marker="o", ls="", color=color, mec="white", ms=7, label=name
            )
        )
    if is_open.any():
        handles.append(
            Line2D(
                [], [], marker="o", ls="--", color="0.3", mfc="white", ms=7,
                label=text("open", lang),
            )
        )  # fmt: skip
    as_of = mdates.date2num(np.datetime64(history.as_of, "ns"))
    ax.axvline(as_of, color="0.5", ls=":", lw=1)
    # the date of the data in the axis label: above the axes it ran into a
    # two-line title
    as_of_text = text("opened_as_of", lang, date=i18n.date(history.as_of, lang))
    ax.xaxis_date()
    locator = mdates.AutoDateLocator(minticks=4, maxticks=12)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(DateFormatter(lang))
    ax.set_yticks(np.arange(len(lanes)), [text_label(c) for c in lanes])
    ax.set_ylim(len(lanes) - 0.5, -0.5)
    ax.tick_params(axis="y", labelsize=max(row_fontsize(ax, len(lanes)), 4.0))
    ax.grid(axis="y", color="0.92", lw=0.8, zorder=0)
    ax.set_axisbelow(True)
    title = text("timeline_title", lang)
    if clients is None and len(lanes) < n_clients:
        title += "\n" + text("top_lanes", lang, top=len(lanes), n=n_clients)
    dress(
        ax,
        title=title,
        xlabel=as_of_text,
        ylabel=text("client", lang),
        legend={"handles": handles, "title": text("cause", lang)} if handles else None,
    )
    return ax


def _curves(result: pd.DataFrame) -> pd.DataFrame:
    """The Kaplan-Meier curves of a survival_curves or time_to_resolution table."""
    if isinstance(result, pd.DataFrame) and "survival" not in result.columns:
        curves = result.attrs.get("curves")
        if isinstance(curves, pd.DataFrame):
            return curves
        if {"median_days", "group"} <= set(result.columns):
            raise ValueError(
                "This table holds the medians only; plot the curves instead: "
                "ck.plot_time_to_resolution(ck.survival_curves(history, by=...))."
            )
    required = ["group", "days", "survival", "ci_low", "ci_high", "n_censored"]
    require_columns(result, required, "survival_curves")
    return result


def plot_time_to_resolution(
    curves: pd.DataFrame,
    *,
    ax: Axes | None = None,
    lang: str = "en",
    groups: list[Any] | None = None,
    band: bool = True,
    max_days: float | str | None = "auto",
    **kwargs: Any,
) -> Axes:
    """Draw Kaplan-Meier curves of the share of disputes still open.

    One step curve per group with its pointwise confidence band, and a tick
    ``|`` where disputes still open at ``as_of`` were censored.

    Parameters
    ----------
    curves : pandas.DataFrame
        The output of :func:`~conflictkit.survival_curves` (or a
        :func:`~conflictkit.time_to_resolution` table carrying them in
        ``.attrs["curves"]``).
    ax : matplotlib.axes.Axes, optional
        Where to draw; the current axes by default.
    lang : {"en", "fr"}, default="en"
        Language of the labels.
    groups : list, optional
        The groups to draw, in this order; all by default (keep it to a
        handful, or the curves become unreadable).
    band : bool, default=True
        Shade the confidence band.
    max_days : float, "auto" or None, default="auto"
        Right end of the day axis. ``"auto"`` stops a little after the last
        day at which a drawn curve still has more than 5% of its disputes
        open, so that one very long dispute does not squeeze every curve
        against the left edge; the longest duration is then noted on the
        axes. ``None`` shows every day.
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.step`.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import conflictkit as ck
    >>> history = ck.load_example()
    >>> curves = ck.survival_curves(history, by="primary_cause")
    >>> ax = ck.plot_time_to_resolution(curves, lang="fr")
    """
    ax = setup(ax, lang)
    curves = _curves(curves)
    names = [str(g) for g in pd.unique(curves["group"])]
    if groups is not None:
        wanted = [str(g) for g in groups]
        unknown = [g for g in wanted if g not in names]
        if unknown:
            raise ValueError(
                f"No curve for group(s) {unknown}; the curves have {names}."
            )
        names = wanted
    elif set(names) <= {c.value for c in Cause}:
        names = [c.value for c in Cause if c.value in names]
    key = curves["group"].astype(str)
    cycle = iter(["#000000", "#999999", "#882255", "#117733", "#332288", "#44AA99"])
    for name in names:
        part = curves[key.to_numpy() == name]
        days = part["days"].to_numpy(dtype=float)
        surv = part["survival"].to_numpy(dtype=float)
        color: ColorType | None = CAUSE_COLORS.get(name)
        if color is None:
            color = "#333333" if name == "all" else next(cycle, None)
        n = int(part["at_risk"].iloc[0]) if "at_risk" in part.columns else None
        legend = group_label(name, lang) + (f" (n = {n})" if n is not None else "")
        (line,) = ax.step(
            days, surv, where="post", label=legend, **{"color": color, **kwargs}
        )
        color = line.get_color()
        if band:
            ax.fill_between(
                days,
                part["ci_low"].to_numpy(dtype=float),
                part["ci_high"].to_numpy(dtype=float),
                step="post",
                color=color,
                alpha=0.15,
                linewidth=0,
            )
        censored = part["n_censored"].to_numpy() > 0
        if censored.any():
            ax.plot(
                days[censored], surv[censored], ls="", marker="|", ms=10, mew=1.5,
                color=color,
            )  # fmt: skip
    ax.axhline(0.5, color="0.6", ls=":", lw=1, zorder=0)
    ax.set_ylim(0, 1.03)
    ax.set_xlim(left=0)
    drawn = curves[key.isin(names).to_numpy()]
    longest = float(drawn["days"].max()) if len(drawn) else 0.0
    right: float | None
    if isinstance(max_days, str):
        check_choice("max_days", max_days, ["auto"])
        still_open = drawn.loc[drawn["survival"] > 0.05, "days"]
        right = 1.1 * float(still_open.max()) if len(still_open) else None
        if right is not None and right >= longest:
            right = None
    else:
        right = max_days
    xlabel = text("days_open", lang)
    if right is not None and right > 0:
        ax.set_xlim(0, right)
        if right < longest:
            days = i18n.number(round(longest), lang)
            xlabel += f" ({text('axis_cut', lang, days=days)})"
    ax.yaxis.set_major_formatter(percent_formatter(lang))
    # the legend stays inside, in the corner the falling curves leave empty
    dress(ax, title=text("km_title", lang), xlabel=xlabel,
          ylabel=text("share_open", lang))  # fmt: skip
    handles, _ = ax.get_legend_handles_labels()
    if len(curves) and (curves["n_censored"] > 0).any():
        handles.append(
            Line2D(
                [], [], ls="", marker="|", ms=10, mew=1.5, color="0.3",
                label=text("censored", lang),
            )
        )  # fmt: skip
    if handles:
        ax.legend(handles=handles, loc="upper right", frameon=False)
    return ax
