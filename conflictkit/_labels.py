"""Enumerations of the dispute taxonomy and their display names.

Each label has a value (what files store) and a display name in English and
French. ``label(member, lang)`` returns the display name; plots, the report and
recommendations call it with ``lang="en"`` or ``lang="fr"``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "LANGS",
    "Cause",
    "Contract",
    "Escalation",
    "Outcome",
    "Severity",
    "Verdict",
    "check_lang",
    "label",
]

LANGS = ("en", "fr")


class _Labelled(StrEnum):
    """A StrEnum whose members have an English and a French display name."""

    def label(self, lang: str = "en") -> str:
        """Return the display name in ``lang`` (``"en"`` or ``"fr"``).

        Parameters
        ----------
        lang : {"en", "fr"}, default="en"
            The language of the display name.

        Returns
        -------
        str
            The display name, e.g. for plot labels and the report.

        Examples
        --------
        >>> Cause.PAYMENT.label(), Outcome.COMPROMISE.label("fr")
        ('Payment', 'Compromis')
        """
        return label(self, lang)


class Cause(_Labelled):
    """Why a dispute happened. Values are what files store.

    Examples
    --------
    >>> Cause("payment").label("fr")
    'Paiement'
    """

    SCOPE = "scope"
    DEADLINES = "deadlines"
    PAYMENT = "payment"
    TONE = "tone"
    TRUST = "trust"
    OTHER = "other"


class Outcome(_Labelled):
    """How a resolved dispute ended.

    Examples
    --------
    >>> Outcome("compromise") is Outcome.COMPROMISE
    True
    >>> Outcome.COMPROMISE.label("fr")
    'Compromis'
    """

    AMICABLE = "amicable"
    COMPROMISE = "compromise"
    CONCEDED = "conceded"
    PREVAILED = "prevailed"
    ABANDONED = "abandoned"


class Escalation(_Labelled):
    """The furthest step a dispute reached, in order.

    Examples
    --------
    >>> Escalation("mediation") is Escalation.MEDIATION
    True
    >>> Escalation.MEDIATION.label("fr")
    'Médiation'
    """

    DIALOGUE = "dialogue"
    PROPOSAL = "proposal"
    MEDIATION = "mediation"
    COURT = "court"


class Severity(_Labelled):
    """How serious a dispute was, in order.

    Examples
    --------
    >>> Severity("high") is Severity.HIGH
    True
    >>> Severity.HIGH.label("fr")
    'Élevée'
    """

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class Contract(_Labelled):
    """The kind of contract a mission was run under.

    Examples
    --------
    >>> Contract("fixed_price") is Contract.FIXED_PRICE
    True
    >>> Contract.FIXED_PRICE.label("fr")
    'Forfait'
    """

    FIXED_PRICE = "fixed_price"
    TIME_AND_MATERIALS = "time_and_materials"
    RETAINER = "retainer"


class Verdict(_Labelled):
    """What a test concludes about one row of a result, in words.

    ``RISING``/``FALLING`` (trends, change points) and ``LOWER``/``HIGHER``
    (comparisons such as a rate with versus without a practice) are given only
    when the evidence holds after correcting for the family of tests (a
    q-value); ``NO_CLEAR_CHANGE`` when it does not; ``TOO_FEW`` when there are
    too few disputes or too little exposure to test at all, decided before any
    test is run (absence of evidence is not evidence of absence).

    Examples
    --------
    >>> Verdict("too few to tell").label("fr")
    'trop peu pour conclure'
    >>> Verdict.FALLING.label("fr")
    'en baisse'
    """

    RISING = "rising"
    FALLING = "falling"
    LOWER = "lower"
    HIGHER = "higher"
    NO_CLEAR_CHANGE = "no clear change"
    TOO_FEW = "too few to tell"


# Agreement = the dispute ended with both sides agreeing (field advice: seek a
# compromise, keep it amicable).
AGREEMENT = frozenset({Outcome.AMICABLE, Outcome.COMPROMISE})

_DISPLAY: dict[StrEnum, tuple[str, str]] = {
    Cause.SCOPE: ("Scope", "Périmètre"),
    Cause.DEADLINES: ("Deadlines", "Délais"),
    Cause.PAYMENT: ("Payment", "Paiement"),
    Cause.TONE: ("Tone", "Ton"),
    Cause.TRUST: ("Trust", "Confiance"),
    Cause.OTHER: ("Other", "Autre"),
    Outcome.AMICABLE: ("Amicable", "À l'amiable"),
    Outcome.COMPROMISE: ("Compromise", "Compromis"),
    Outcome.CONCEDED: ("Conceded", "Concédé"),
    Outcome.PREVAILED: ("Prevailed", "Gain de cause"),
    Outcome.ABANDONED: ("Abandoned", "Abandonné"),
    Escalation.DIALOGUE: ("Dialogue", "Dialogue"),
    Escalation.PROPOSAL: ("Proposal", "Proposition"),
    Escalation.MEDIATION: ("Mediation", "Médiation"),
    Escalation.COURT: ("Court", "Tribunal"),
    Severity.LOW: ("Low", "Faible"),
    Severity.MEDIUM: ("Medium", "Moyenne"),
    Severity.HIGH: ("High", "Élevée"),
    Severity.CRITICAL: ("Critical", "Critique"),
    Contract.FIXED_PRICE: ("Fixed price", "Forfait"),
    Contract.TIME_AND_MATERIALS: ("Time and materials", "Régie"),
    Contract.RETAINER: ("Retainer", "Abonnement"),
    Verdict.RISING: ("rising", "en hausse"),
    Verdict.FALLING: ("falling", "en baisse"),
    Verdict.LOWER: ("lower", "plus bas"),
    Verdict.HIGHER: ("higher", "plus haut"),
    Verdict.NO_CLEAR_CHANGE: ("no clear change", "pas de changement net"),
    Verdict.TOO_FEW: ("too few to tell", "trop peu pour conclure"),
}


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is supported, else raise a ValueError naming it."""
    if lang not in LANGS:
        raise ValueError(
            f"The value for `lang` must be one of {list(LANGS)}, "
            f"but {lang!r} was passed."
        )
    return lang


def label(value: StrEnum | str, lang: str = "en") -> str:
    """Return the display name of a taxonomy value in English or French.

    Parameters
    ----------
    value : Cause, Outcome, Escalation, Severity, Contract or str
        A member, or its stored value (``"payment"``). Unknown strings are
        returned unchanged, so free labels such as ``"all"`` pass through.
    lang : {"en", "fr"}, default="en"
        The language of the display name.

    Returns
    -------
    str
        The display name.

    Examples
    --------
    >>> label("deadlines", "fr")
    'Délais'
    >>> label(Outcome.COMPROMISE)
    'Compromise'
    """
    check_lang(lang)
    member = value
    if not isinstance(value, StrEnum):
        member = _BY_VALUE.get(str(value))  # type: ignore[assignment]
        if member is None:
            return str(value)
    en, fr = _DISPLAY[member]  # type: ignore[index]
    return fr if lang == "fr" else en


_BY_VALUE: dict[str, StrEnum] = {str(m): m for m in _DISPLAY}

#: The pandas dtype of each label column, made on first use (PEP 562): the
#: labels themselves are plain data, and the command line reads them without
#: loading pandas.
_DTYPES: dict[str, tuple[type[StrEnum], bool]] = {
    "CAUSE_DTYPE": (Cause, False),
    "OUTCOME_DTYPE": (Outcome, False),
    "ESCALATION_DTYPE": (Escalation, True),
    "SEVERITY_DTYPE": (Severity, True),
    "CONTRACT_DTYPE": (Contract, False),
    "VERDICT_DTYPE": (Verdict, False),
}

if TYPE_CHECKING:
    CAUSE_DTYPE: pd.CategoricalDtype
    OUTCOME_DTYPE: pd.CategoricalDtype
    ESCALATION_DTYPE: pd.CategoricalDtype
    SEVERITY_DTYPE: pd.CategoricalDtype
    CONTRACT_DTYPE: pd.CategoricalDtype
    VERDICT_DTYPE: pd.CategoricalDtype


def __getattr__(name: str) -> Any:
    if name not in _DTYPES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import pandas as pd

    enum, ordered = _DTYPES[name]
    dtype = pd.CategoricalDtype([m.value for m in enum], ordered=ordered)
    globals()[name] = dtype  # made once: the same object on every use
    return dtype
