"""Plots of the analyses: each ``plot_<analysis>`` draws its output on an Axes.

Every function takes the DataFrame returned by the analysis of the same name,
draws on ``ax`` (the current axes by default), labels everything in English
(``lang="en"``) or French (``lang="fr"``) and returns the Axes. None calls
``plt.show()`` or creates a figure. A cause has the same colour in every plot
(:data:`CAUSE_COLORS`).

>>> import matplotlib
>>> import conflictkit as ck
>>> ck.CAUSE_COLORS["payment"]
'#009E73'
"""

from ._causes import (
    plot_cause_counts,
    plot_cause_trend,
    plot_change_points,
    plot_trend_summary,
)
from ._common import CAUSE_COLORS, OUTCOME_COLORS, UNLABELLED_COLOR
from ._effects import (
    plot_handling_effects,
    plot_outcomes_by_cause,
    plot_prevention_effects,
)
from ._matrix import plot_cause_cooccurrence, plot_recurring_causes
from ._time import plot_time_to_resolution, plot_timeline

__all__ = [
    "CAUSE_COLORS",
    "OUTCOME_COLORS",
    "UNLABELLED_COLOR",
    "plot_cause_cooccurrence",
    "plot_cause_counts",
    "plot_cause_trend",
    "plot_change_points",
    "plot_handling_effects",
    "plot_outcomes_by_cause",
    "plot_prevention_effects",
    "plot_recurring_causes",
    "plot_time_to_resolution",
    "plot_timeline",
    "plot_trend_summary",
]
