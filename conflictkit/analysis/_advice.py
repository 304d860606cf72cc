"""Which general actions go with each cause, and the practice each relies on.

The texts (English and French) are in :mod:`conflictkit._i18n._advice`, like
every word a user reads; this module says only which action goes with which
cause. :data:`CAUSE_ACTIONS` maps each :class:`~conflictkit.Cause` to general
preventive actions, each tagged with the mission practice it relies on (the
name :func:`conflictkit.prevention_effects` uses, or None): a practice the
user's own data contradict drops the action. :data:`PRACTICE_ACTIONS` lists
the practices with an action of their own, said when the user's data support
them. Adding advice is one line here and its two texts in the catalog.
"""

from __future__ import annotations

from typing import NamedTuple

from .. import _i18n as i18n
from .._labels import Cause

__all__ = ["CAUSE_ACTIONS", "PRACTICE_ACTIONS", "Advice"]


class Advice(NamedTuple):
    """A general preventive action and the practice it relies on."""

    #: The :func:`~conflictkit.prevention_effects` practice, or None.
    practice: str | None
    #: The key of its text in :mod:`conflictkit._i18n` (``advice.scope.1``).
    key: str

    def text(self, lang: str) -> str:
        """The action in ``lang``."""
        return i18n.t(self.key, lang)


def _actions(cause: Cause, *practices: str | None) -> list[Advice]:
    return [
        Advice(practice, f"advice.{cause.value}.{i}")
        for i, practice in enumerate(practices, start=1)
    ]


CAUSE_ACTIONS: dict[Cause, list[Advice]] = {
    Cause.SCOPE: _actions(Cause.SCOPE, "written_scope", None),
    Cause.DEADLINES: _actions(Cause.DEADLINES, None, "regular_checkins"),
    Cause.PAYMENT: _actions(Cause.PAYMENT, None, None, None),
    Cause.TONE: _actions(Cause.TONE, None, None),
    Cause.TRUST: _actions(Cause.TRUST, "regular_checkins", "meeting_minutes"),
    Cause.OTHER: _actions(Cause.OTHER, None, None),
}

#: The practices with an action of their own (``advice.do.<practice>``).
PRACTICE_ACTIONS: tuple[str, ...] = (
    "written_scope",
    "regular_checkins",
    "meeting_minutes",
    "via_intermediary",
    "contract_fixed_price",
    "contract_time_and_materials",
    "contract_retainer",
)
