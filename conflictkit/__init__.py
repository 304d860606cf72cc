"""conflictkit: learn from disputes with clients.

Load a dispute log (``read_history``), then ask which causes keep coming back
with which clients, whether things improve over a career, how long disputes
take to settle, what they cost and whether prevention works.

>>> import conflictkit as ck
>>> history = ck.load_example()   # doctest: +SKIP
"""

from ._labels import Cause, Contract, Escalation, Outcome, Severity, label

# -- datasets (make_history, load_example)
from .datasets import load_example, make_history

# isort: split
# -- analyses
from .analysis import (
    cause_cooccurrence,
    cause_counts,
    cause_trend,
    dispute_rates,
    trend_summary,
)
from .analysis import (  # time to resolution, outcomes, effects
    handling_effects,
    outcomes_by_cause,
    prevention_effects,
    survival_curves,
    time_to_resolution,
)

# isort: split
from .analysis import (  # recurring causes, client profiles, recommendations
    client_profiles,
    recommendations,
    recurring_causes,
)

# isort: split
from .errors import ConflictkitWarning, DisputeDataError, SmallSampleWarning
from .io import read_history, write_history
from .model import History

# isort: split
# -- plots
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

# isort: split
# -- notes classifier
from .classify import CauseClassifier, load_example_notes, suggest_causes

# isort: split
# -- sharing (anonymize, build_report, Journal)
from .anonymize import anonymize  # the function shadows the module name
from .journal import Journal
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
