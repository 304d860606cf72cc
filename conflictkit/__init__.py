"""conflictkit: learn from disputes with clients.

Load a dispute log (``read_history``), then ask which causes keep coming back
with which clients, whether things improve over a career, how long disputes
take to settle, what they cost and whether prevention works. Everything a user
needs is importable from here: ``import conflictkit as ck``.

>>> import conflictkit as ck
>>> history = ck.load_example()
>>> len(history), len(history.missions), str(history.as_of.date())
(203, 142, '2026-01-01')
>>> int(ck.recurring_causes(history)["recurring"].sum())
4
"""

from ._labels import Cause, Contract, Escalation, Outcome, Severity, label
from .analysis import (
    cause_cooccurrence,
    cause_counts,
    cause_trend,
    client_profiles,
    dispute_rates,
    handling_effects,
    outcomes_by_cause,
    prevention_effects,
    recommendations,
    recurring_causes,
    survival_curves,
    time_to_resolution,
    trend_summary,
)
from .anonymize import anonymize  # the function shadows the module name
from .classify import CauseClassifier, load_example_notes, suggest_causes
from .datasets import load_example, make_history
from .errors import ConflictkitWarning, DisputeDataError, SmallSampleWarning
from .io import read_history, write_history
from .journal import Journal
from .model import History
from .plotting import (
    CAUSE_COLORS,
    plot_cause_cooccurrence,
    plot_cause_counts,
    plot_cause_trend,
    plot_handling_effects,
    plot_outcomes_by_cause,
    plot_prevention_effects,
    plot_recurring_causes,
    plot_time_to_resolution,
    plot_timeline,
    plot_trend_summary,
)
from .report import build_report

__version__ = "0.1.0"

__all__ = [
    "CAUSE_COLORS",
    "Cause",
    "CauseClassifier",
    "ConflictkitWarning",
    "Contract",
    "DisputeDataError",
    "Escalation",
    "History",
    "Journal",
    "Outcome",
    "Severity",
    "SmallSampleWarning",
    "anonymize",
    "build_report",
    "cause_cooccurrence",
    "cause_counts",
    "cause_trend",
    "client_profiles",
    "dispute_rates",
    "handling_effects",
    "label",
    "load_example",
    "load_example_notes",
    "make_history",
    "outcomes_by_cause",
    "plot_cause_cooccurrence",
    "plot_cause_counts",
    "plot_cause_trend",
    "plot_handling_effects",
    "plot_outcomes_by_cause",
    "plot_prevention_effects",
    "plot_recurring_causes",
    "plot_time_to_resolution",
    "plot_timeline",
    "plot_trend_summary",
    "prevention_effects",
    "read_history",
    "recommendations",
    "recurring_causes",
    "suggest_causes",
    "survival_curves",
    "time_to_resolution",
    "trend_summary",
    "write_history",
]
