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

from __future__ import annotations

import functools
import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__ as __version__

if TYPE_CHECKING:  # what type checkers and IDEs see; at run time, see __getattr__
    from ._anonymize import anonymize
    from ._labels import Cause, Contract, Escalation, Outcome, Severity, Verdict, label
    from .analysis import (
        cause_cooccurrence,
        cause_counts,
        cause_trend,
        change_points,
        client_profiles,
        dispute_rates,
        handling_effects,
        outcome_incidence,
        outcomes_by_cause,
        prevention_effects,
        recommendations,
        recurring_causes,
        survival_curves,
        time_to_resolution,
        trend_summary,
    )
    from .datasets import load_example, make_history
    from .errors import (
        ConflictkitWarning,
        DisputeDataError,
        NotApplicableError,
        SmallSampleWarning,
    )
    from .io import (
        read_history,
        read_invoices,
        scan_history,
        write_history,
        write_template,
    )
    from .journal import Journal
    from .model import History
    from .notes import (
        CauseClassifier,
        default_classifier,
        load_example_notes,
        suggest_causes,
    )
    from .plotting import (
        CAUSE_COLORS,
        plot_cause_cooccurrence,
        plot_cause_counts,
        plot_cause_trend,
        plot_change_points,
        plot_handling_effects,
        plot_outcomes_by_cause,
        plot_prevention_effects,
        plot_recurring_causes,
        plot_time_to_resolution,
        plot_timeline,
        plot_trend_summary,
    )
    from .report import build_report, summarize

# Each public name and the module that defines it. They are imported on first
# use (PEP 562), so `import conflictkit` and the command line start without
# loading scipy, matplotlib or scikit-learn until a function needs them.
_LAZY: dict[str, str] = {
    "Cause": "._labels",
    "Contract": "._labels",
    "Escalation": "._labels",
    "Outcome": "._labels",
    "Severity": "._labels",
    "Verdict": "._labels",
    "label": "._labels",
    "ConflictkitWarning": ".errors",
    "DisputeDataError": ".errors",
    "NotApplicableError": ".errors",
    "SmallSampleWarning": ".errors",
    "History": ".model",
    "read_history": ".io",
    "read_invoices": ".io",
    "scan_history": ".io",
    "write_history": ".io",
    "write_template": ".io",
    "load_example": ".datasets",
    "make_history": ".datasets",
    "cause_cooccurrence": ".analysis",
    "cause_counts": ".analysis",
    "cause_trend": ".analysis",
    "change_points": ".analysis",
    "outcome_incidence": ".analysis",
    "client_profiles": ".analysis",
    "dispute_rates": ".analysis",
    "handling_effects": ".analysis",
    "outcomes_by_cause": ".analysis",
    "prevention_effects": ".analysis",
    "recommendations": ".analysis",
    "recurring_causes": ".analysis",
    "survival_curves": ".analysis",
    "time_to_resolution": ".analysis",
    "trend_summary": ".analysis",
    "CAUSE_COLORS": ".plotting",
    "plot_cause_cooccurrence": ".plotting",
    "plot_cause_counts": ".plotting",
    "plot_cause_trend": ".plotting",
    "plot_change_points": ".plotting",
    "plot_handling_effects": ".plotting",
    "plot_outcomes_by_cause": ".plotting",
    "plot_prevention_effects": ".plotting",
    "plot_recurring_causes": ".plotting",
    "plot_time_to_resolution": ".plotting",
    "plot_timeline": ".plotting",
    "plot_trend_summary": ".plotting",
    "CauseClassifier": ".notes",
    "load_example_notes": ".notes",
    "default_classifier": ".notes",
    "suggest_causes": ".notes",
    "build_report": ".report",
    "summarize": ".report",
    "Journal": ".journal",
    "anonymize": "._anonymize",
}

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
    "NotApplicableError",
    "Outcome",
    "Severity",
    "SmallSampleWarning",
    "Verdict",
    "anonymize",
    "build_report",
    "cause_cooccurrence",
    "cause_counts",
    "cause_trend",
    "change_points",
    "client_profiles",
    "default_classifier",
    "dispute_rates",
    "handling_effects",
    "label",
    "load_example",
    "load_example_notes",
    "make_history",
    "outcome_incidence",
    "outcomes_by_cause",
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
    "prevention_effects",
    "read_history",
    "read_invoices",
    "recommendations",
    "recurring_causes",
    "scan_history",
    "suggest_causes",
    "summarize",
    "survival_curves",
    "time_to_resolution",
    "trend_summary",
    "write_history",
    "write_template",
]


#: The runtime dependencies every stage reads data with (import names).
_NEEDED = ("pandas", "numpy", "pyarrow")


@functools.cache  # a success is remembered; a failure is raised each time
def _check_dependencies() -> None:
    """Say which runtime dependencies are missing and how to install them.

    ``import conflictkit`` loads no stage, so a Python without pandas (the
    source folder run by another interpreter) would otherwise fail at first
    use deep inside a reader with a bare ``No module named 'pandas'``.
    """
    import importlib.util
    import sys

    missing = [m for m in _NEEDED if importlib.util.find_spec(m) is None]
    if missing:
        raise ModuleNotFoundError(
            f"conflictkit needs {', '.join(missing)}, which this Python "
            f"({sys.executable}) does not have: install conflictkit with pip "
            "(`pip install conflictkit`, or `pip install -e .` in its source "
            "folder), which brings its dependencies.",
            name=missing[0],
        )


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'conflictkit' has no attribute {name!r}")
    if module not in ("._labels", ".errors"):  # those two need none of them
        _check_dependencies()
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
