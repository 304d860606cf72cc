"""The spellings conflictkit understands in files, in French and English.

Everything here is data. Keys are *normalised* spellings: lower case, accents
removed, punctuation turned into spaces, runs of spaces collapsed (see
:func:`normalize`), so ``"Délais"``, ``"DELAIS"`` and ``"délais."`` all match
the key ``"delais"``. Users extend the cause table with
``read_history(..., cause_map={"my spelling": "scope"})`` or a callable.

To add a spelling, add one line to the right table below and a test.
"""

from __future__ import annotations

import re
import unicodedata

from .._labels import Cause, Contract, Escalation, Outcome, Severity

__all__ = [
    "BOOLEANS",
    "CAUSES",
    "CAUSE_SEPARATORS",
    "COLUMN_ALIASES",
    "CONTRACTS",
    "ESCALATIONS",
    "MONTHS",
    "OUTCOMES",
    "SEVERITIES",
    "normalize",
]

_PUNCT = re.compile(r"[^\w]+", flags=re.UNICODE)


def normalize(text: str) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces.

    Examples
    --------
    >>> normalize("  Facture IMPAYÉE !")
    'facture impayee'
    >>> normalize("hors-périmètre")
    'hors perimetre'
    """
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _PUNCT.sub(" ", text.casefold()).replace("_", " ")
    return " ".join(text.split())


#: Separators between several causes in one cell: ``payment;tone``.
CAUSE_SEPARATORS = r"[;,|/+\n]"

#: Cause spellings (normalised) -> Cause. The canonical values map to themselves.
CAUSES: dict[str, Cause] = {
    # scope: an ill-defined project, scope creep, unclear specifications
    "scope": Cause.SCOPE,
    "project scope": Cause.SCOPE,
    "scope creep": Cause.SCOPE,
    "out of scope": Cause.SCOPE,
    "requirements": Cause.SCOPE,
    "unclear requirements": Cause.SCOPE,
    "specifications": Cause.SCOPE,
    "specs": Cause.SCOPE,
    "change request": Cause.SCOPE,
    "ill defined project": Cause.SCOPE,
    "perimetre": Cause.SCOPE,
    "hors perimetre": Cause.SCOPE,
    "perimetre flou": Cause.SCOPE,
    "perimetre du projet": Cause.SCOPE,
    "cahier des charges": Cause.SCOPE,
    "cdc": Cause.SCOPE,
    "perimetre mal defini": Cause.SCOPE,
    "projet mal defini": Cause.SCOPE,
    "derive du perimetre": Cause.SCOPE,
    "specifications floues": Cause.SCOPE,
    "besoin": Cause.SCOPE,
    "modes de fonctionnement": Cause.SCOPE,
    "ways of working": Cause.SCOPE,
    # deadlines: disagreement on dates, late delivery, planning
    "deadlines": Cause.DEADLINES,
    "deadline": Cause.DEADLINES,
    "delays": Cause.DEADLINES,
    "delay": Cause.DEADLINES,
    "late delivery": Cause.DEADLINES,
    "schedule": Cause.DEADLINES,
    "timeline": Cause.DEADLINES,
    "planning": Cause.DEADLINES,
    "delais": Cause.DEADLINES,
    "delai": Cause.DEADLINES,
    "retard": Cause.DEADLINES,
    "retards": Cause.DEADLINES,
    "retard de livraison": Cause.DEADLINES,
    "echeances": Cause.DEADLINES,
    "echeance": Cause.DEADLINES,
    "calendrier": Cause.DEADLINES,
    # payment: unpaid or late invoices
    "payment": Cause.PAYMENT,
    "payments": Cause.PAYMENT,
    "late payment": Cause.PAYMENT,
    "unpaid invoice": Cause.PAYMENT,
    "unpaid": Cause.PAYMENT,
    "invoice": Cause.PAYMENT,
    "invoicing": Cause.PAYMENT,
    "billing": Cause.PAYMENT,
    "non payment": Cause.PAYMENT,
    "paiement": Cause.PAYMENT,
    "paiements": Cause.PAYMENT,
    "retard de paiement": Cause.PAYMENT,
    "facture": Cause.PAYMENT,
    "factures": Cause.PAYMENT,
    "facture impayee": Cause.PAYMENT,
    "factures impayees": Cause.PAYMENT,
    "impaye": Cause.PAYMENT,
    "impayes": Cause.PAYMENT,
    "facturation": Cause.PAYMENT,
    "reglement": Cause.PAYMENT,
    "honoraires": Cause.PAYMENT,
    # tone: a too directive tone, rudeness, communication style
    "tone": Cause.TONE,
    "directive tone": Cause.TONE,
    "rude": Cause.TONE,
    "rudeness": Cause.TONE,
    "communication": Cause.TONE,
    "attitude": Cause.TONE,
    "ton": Cause.TONE,
    "ton directif": Cause.TONE,
    "ton trop directif": Cause.TONE,
    "agressivite": Cause.TONE,
    "irrespect": Cause.TONE,
    # trust: the client's lack of trust, micromanagement, suspicion
    "trust": Cause.TRUST,
    "lack of trust": Cause.TRUST,
    "distrust": Cause.TRUST,
    "mistrust": Cause.TRUST,
    "micromanagement": Cause.TRUST,
    "confiance": Cause.TRUST,
    "manque de confiance": Cause.TRUST,
    "defiance": Cause.TRUST,
    "mefiance": Cause.TRUST,
    "micro management": Cause.TRUST,
    "soupcons": Cause.TRUST,
    # other
    "other": Cause.OTHER,
    "misc": Cause.OTHER,
    "miscellaneous": Cause.OTHER,
    "autre": Cause.OTHER,
    "autres": Cause.OTHER,
    "divers": Cause.OTHER,
}

OUTCOMES: dict[str, Outcome] = {
    "amicable": Outcome.AMICABLE,
    "amicably": Outcome.AMICABLE,
    "cleared up": Outcome.AMICABLE,
    "resolved amicably": Outcome.AMICABLE,
    "amiable": Outcome.AMICABLE,
    "a l amiable": Outcome.AMICABLE,
    "accord amiable": Outcome.AMICABLE,
    "malentendu dissipe": Outcome.AMICABLE,
    "compromise": Outcome.COMPROMISE,
    "compromis": Outcome.COMPROMISE,
    "settlement": Outcome.COMPROMISE,
    "accord": Outcome.COMPROMISE,
    "transaction": Outcome.COMPROMISE,
    "conceded": Outcome.CONCEDED,
    "gave in": Outcome.CONCEDED,
    "concession": Outcome.CONCEDED,
    "concede": Outcome.CONCEDED,
    "cede": Outcome.CONCEDED,
    "j ai cede": Outcome.CONCEDED,
    "prevailed": Outcome.PREVAILED,
    "won": Outcome.PREVAILED,
    "gain de cause": Outcome.PREVAILED,
    "obtenu gain de cause": Outcome.PREVAILED,
    "gagne": Outcome.PREVAILED,
    "abandoned": Outcome.ABANDONED,
    "dropped": Outcome.ABANDONED,
    "written off": Outcome.ABANDONED,
    "abandonne": Outcome.ABANDONED,
    "abandon": Outcome.ABANDONED,
    "sans suite": Outcome.ABANDONED,
    "passe en perte": Outcome.ABANDONED,
}

ESCALATIONS: dict[str, Escalation] = {
    "dialogue": Escalation.DIALOGUE,
    "discussion": Escalation.DIALOGUE,
    "talk": Escalation.DIALOGUE,
    "echange": Escalation.DIALOGUE,
    "proposal": Escalation.PROPOSAL,
    "proposition": Escalation.PROPOSAL,
    "offer": Escalation.PROPOSAL,
    "mediation": Escalation.MEDIATION,
    "mediator": Escalation.MEDIATION,
    "mediateur": Escalation.MEDIATION,
    "court": Escalation.COURT,
    "courts": Escalation.COURT,
    "lawsuit": Escalation.COURT,
    "litigation": Escalation.COURT,
    "tribunal": Escalation.COURT,
    "tribunaux": Escalation.COURT,
    "justice": Escalation.COURT,
    "prud hommes": Escalation.COURT,
    "injonction de payer": Escalation.COURT,
}

SEVERITIES: dict[str, Severity] = {
    "low": Severity.LOW,
    "minor": Severity.LOW,
    "faible": Severity.LOW,
    "basse": Severity.LOW,
    "bas": Severity.LOW,
    "mineure": Severity.LOW,
    "medium": Severity.MEDIUM,
    "moderate": Severity.MEDIUM,
    "moyenne": Severity.MEDIUM,
    "moyen": Severity.MEDIUM,
    "moderee": Severity.MEDIUM,
    "high": Severity.HIGH,
    "major": Severity.HIGH,
    "elevee": Severity.HIGH,
    "eleve": Severity.HIGH,
    "haute": Severity.HIGH,
    "forte": Severity.HIGH,
    "grave": Severity.HIGH,
    "critical": Severity.CRITICAL,
    "critique": Severity.CRITICAL,
    "bloquant": Severity.CRITICAL,
    "bloquante": Severity.CRITICAL,
}

CONTRACTS: dict[str, Contract] = {
    "fixed price": Contract.FIXED_PRICE,
    "fixed": Contract.FIXED_PRICE,
    "fixed fee": Contract.FIXED_PRICE,
    "forfait": Contract.FIXED_PRICE,
    "au forfait": Contract.FIXED_PRICE,
    "prix fixe": Contract.FIXED_PRICE,
    "time and materials": Contract.TIME_AND_MATERIALS,
    "time materials": Contract.TIME_AND_MATERIALS,
    "t m": Contract.TIME_AND_MATERIALS,
    "tm": Contract.TIME_AND_MATERIALS,
    "daily rate": Contract.TIME_AND_MATERIALS,
    "regie": Contract.TIME_AND_MATERIALS,
    "en regie": Contract.TIME_AND_MATERIALS,
    "tjm": Contract.TIME_AND_MATERIALS,
    "retainer": Contract.RETAINER,
    "abonnement": Contract.RETAINER,
    "forfait mensuel": Contract.RETAINER,
}

BOOLEANS: dict[str, bool] = {
    "true": True,
    "yes": True,
    "y": True,
    "1": True,
    "x": True,
    "oui": True,
    "o": True,
    "vrai": True,
    "false": False,
    "no": False,
    "n": False,
    "0": False,
    "non": False,
    "faux": False,
}

#: Month names and abbreviations (normalised) -> month number.
MONTHS: dict[str, int] = {
    "janvier": 1, "janv": 1, "january": 1, "jan": 1,
    "fevrier": 2, "fevr": 2, "fev": 2, "february": 2, "feb": 2,
    "mars": 3, "march": 3, "mar": 3,
    "avril": 4, "avr": 4, "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juin": 6, "june": 6, "jun": 6,
    "juillet": 7, "juil": 7, "july": 7, "jul": 7,
    "aout": 8, "august": 8, "aug": 8,
    "septembre": 9, "sept": 9, "september": 9, "sep": 9,
    "octobre": 10, "oct": 10, "october": 10,
    "novembre": 11, "nov": 11, "november": 11,
    "decembre": 12, "dec": 12, "december": 12,
}  # fmt: skip

#: Header spellings (normalised) -> canonical column, for both tables. Headers
#: not listed here are kept as extra columns; ``columns=`` maps anything else.
COLUMN_ALIASES: dict[str, str] = {
    "id": "dispute_id",
    "dispute": "dispute_id",
    "dispute id": "dispute_id",
    "id litige": "dispute_id",
    "litige": "dispute_id",
    "numero": "dispute_id",
    "client": "client",
    "customer": "client",
    "client name": "client",
    "nom du client": "client",
    "mission": "mission_id",
    "mission id": "mission_id",
    "id mission": "mission_id",
    "opened": "opened_at",
    "opened at": "opened_at",
    "opened on": "opened_at",
    "date opened": "opened_at",
    "ouvert le": "opened_at",
    "date d ouverture": "opened_at",
    "date ouverture": "opened_at",
    "date": "opened_at",
    "resolved": "resolved_at",
    "resolved at": "resolved_at",
    "resolved on": "resolved_at",
    "closed": "resolved_at",
    "closed at": "resolved_at",
    "date resolved": "resolved_at",
    "resolu le": "resolved_at",
    "date de resolution": "resolved_at",
    "date resolution": "resolved_at",
    "clos le": "resolved_at",
    "cause": "causes",
    "causes": "causes",
    "motif": "causes",
    "motifs": "causes",
    "cause s": "causes",
    "severity": "severity",
    "gravite": "severity",
    "escalation": "escalation",
    "escalade": "escalation",
    "outcome": "outcome",
    "issue du litige": "outcome",
    "resultat": "outcome",
    "client retained": "client_retained",
    "client conserve": "client_retained",
    "amount": "amount_at_stake",
    "amount at stake": "amount_at_stake",
    "montant": "amount_at_stake",
    "montant en jeu": "amount_at_stake",
    "montant en litige": "amount_at_stake",
    "amount recovered": "amount_recovered",
    "montant recupere": "amount_recovered",
    "options proposed": "options_proposed",
    "options proposees": "options_proposed",
    "followup sent": "followup_sent",
    "follow up sent": "followup_sent",
    "suivi envoye": "followup_sent",
    "compte rendu envoye": "followup_sent",
    "notes": "notes",
    "note": "notes",
    "commentaire": "notes",
    "commentaires": "notes",
    "remarques": "notes",
    "started at": "started_at",
    "debut": "started_at",
    "date de debut": "started_at",
    "ended at": "ended_at",
    "fin": "ended_at",
    "date de fin": "ended_at",
    "jours": "days",
    "days": "days",
    "daily rate": "daily_rate",
    "tjm": "daily_rate",
    "taux journalier": "daily_rate",
    "contract": "contract",
    "contrat": "contract",
    "type de contrat": "contract",
    "via intermediary": "via_intermediary",
    "via intermediaire": "via_intermediary",
    "intermediaire": "via_intermediary",
    "written scope": "written_scope",
    "perimetre ecrit": "written_scope",
    "checkin every days": "checkin_every_days",
    "points reguliers jours": "checkin_every_days",
    "meeting minutes": "meeting_minutes",
    "comptes rendus": "meeting_minutes",
}
