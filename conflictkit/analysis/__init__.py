"""Analyses of a dispute history: each takes a History and returns a DataFrame.

The implementations live in private modules, re-exported here.
"""

from ._changes import change_points
from ._cooccurrence import cause_cooccurrence
from ._counts import cause_counts
from ._effects import handling_effects, prevention_effects
from ._incidence import outcome_incidence
from ._outcomes import outcomes_by_cause
from ._profiles import client_profiles
from ._rates import dispute_rates
from ._recommendations import recommendations
from ._recurring import recurring_causes
from ._survival import survival_curves, time_to_resolution
from ._trends import cause_trend, trend_summary

__all__: list[str] = [
    "cause_cooccurrence",
    "change_points",
    "cause_counts",
    "cause_trend",
    "client_profiles",
    "dispute_rates",
    "handling_effects",
    "outcome_incidence",
    "outcomes_by_cause",
    "prevention_effects",
    "recommendations",
    "recurring_causes",
    "survival_curves",
    "time_to_resolution",
    "trend_summary",
]
