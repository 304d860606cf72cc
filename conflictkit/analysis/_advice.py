"""Recommendation texts, as data, in English and French.

The actions come from field advice for freelancers on handling client
disagreements (see ``DESIGN.md``): keep emotions in check and stay diplomatic,
find the real cause by listening and rephrasing, propose several options and
seek a compromise (a mediator, then the courts, only as last resorts), and
prevent the next dispute with regular check-ins, written minutes after
meetings and a scope framed in writing from the start.

:data:`CAUSE_ACTIONS` maps each :class:`~conflictkit.Cause` to its preventive
actions, most effective first; :data:`PRACTICE_GAPS` maps a cause to the
mission practice that prevents it, with the action to take when a client's
missions lacked it. Each text is a ``(english, french)`` pair. Adding advice is
one line here; :func:`conflictkit.recommendations` reads nothing else.
"""

from __future__ import annotations

from typing import NamedTuple

from .._labels import Cause

__all__ = [
    "CAUSE_ACTIONS",
    "EVIDENCE",
    "PRACTICE_GAPS",
    "PracticeGap",
    "text",
]


class PracticeGap(NamedTuple):
    """A mission practice that prevents a cause, and what to say when it lacks."""

    #: Column of ``history.missions`` (``"checkin_every_days"``: NaN = none).
    column: str
    #: The action, ``(english, french)``.
    action: tuple[str, str]
    #: Evidence fragment, formatted with ``n`` (missions lacking), ``total``
    #: and ``s`` (plural mark of ``n``).
    evidence: tuple[str, str]


CAUSE_ACTIONS: dict[Cause, list[tuple[str, str]]] = {
    Cause.SCOPE: [
        (
            "Frame the scope in writing at the start of each mission: deliverables,"
            " what is out of scope, acceptance criteria.",
            "Cadrer le périmètre par écrit dès le début de chaque mission : livrables,"
            " ce qui est hors périmètre, critères de recette.",
        ),
        (
            "Agree on a change-request process: every new request is written down,"
            " estimated and accepted before work starts.",
            "Convenir d'un processus de demande de changement : toute nouvelle demande"
            " est écrite, chiffrée et acceptée avant d'être réalisée.",
        ),
    ],
    Cause.DEADLINES: [
        (
            "Share a written schedule with buffers and named milestones, and update"
            " it when the plan changes.",
            "Partager un planning écrit avec des marges et des jalons nommés, et le"
            " mettre à jour quand le plan change.",
        ),
        (
            "Hold regular check-ins (weekly or every two weeks) to surface delays"
            " early.",
            "Tenir des points réguliers (chaque semaine ou toutes les deux semaines)"
            " pour signaler les retards au plus tôt.",
        ),
    ],
    Cause.PAYMENT: [
        (
            "Ask for a deposit before starting and invoice by milestone rather than"
            " at the end.",
            "Demander un acompte avant de commencer et facturer par jalon plutôt"
            " qu'en fin de mission.",
        ),
        (
            "Shorten payment terms and send reminders on a fixed schedule (due date,"
            " +7 days, +14 days).",
            "Raccourcir les délais de paiement et relancer selon un calendrier fixe"
            " (échéance, +7 jours, +14 jours).",
        ),
        (
            "When an invoice stays unpaid, propose several options (instalments,"
            " partial delivery) and seek a compromise; a mediator, then the courts,"
            " only as last resorts.",
            "Quand une facture reste impayée, proposer plusieurs options (échéancier,"
            " livraison partielle) et rechercher un compromis ; la médiation, puis"
            " les tribunaux, seulement en dernier recours.",
        ),
    ],
    Cause.TONE: [
        (
            "Move heated exchanges to writing and answer after a pause, staying"
            " diplomatic and keeping emotions in check.",
            "Passer à l'écrit quand les échanges s'échauffent et répondre après un"
            " temps de recul, en restant diplomate et en gardant son calme.",
        ),
        (
            "Listen and rephrase the client's request before answering, to find the"
            " real cause of the friction.",
            "Écouter et reformuler la demande du client avant de répondre, pour"
            " trouver la cause réelle de la friction.",
        ),
    ],
    Cause.TRUST: [
        (
            "Hold regular check-ins and show progress openly (demos, shared board).",
            "Tenir des points réguliers et montrer l'avancement en toute transparence"
            " (démonstrations, tableau partagé).",
        ),
        (
            "Send written minutes after each meeting: decisions, owners, dates.",
            "Envoyer un compte rendu écrit après chaque réunion : décisions,"
            " responsables, dates.",
        ),
    ],
    Cause.OTHER: [
        (
            "Listen and rephrase to name the real cause of these disputes, then"
            " record it so the next ones can be prevented.",
            "Écouter et reformuler pour nommer la cause réelle de ces litiges, puis"
            " la noter pour prévenir les suivants.",
        ),
        (
            "Hold a short review with the client after each dispute and send a"
            " written summary of what was agreed.",
            "Faire un court bilan avec le client après chaque litige et envoyer un"
            " résumé écrit de ce qui a été convenu.",
        ),
    ],
}

PRACTICE_GAPS: dict[Cause, PracticeGap] = {
    Cause.SCOPE: PracticeGap(
        "written_scope",
        (
            "Frame the scope in writing before the next mission with this"
            " client: at least half of its missions so far started without one.",
            "Cadrer le périmètre par écrit avant la prochaine mission avec ce"
            " client : au moins la moitié de ses missions ont démarré sans.",
        ),
        (
            "{n} of {total} missions without a written scope",
            "{n} mission{s} sur {total} sans périmètre écrit",
        ),
    ),
    Cause.DEADLINES: PracticeGap(
        "checkin_every_days",
        (
            "Set up regular check-ins with this client (weekly or every two"
            " weeks): at least half of its missions so far had none.",
            "Mettre en place des points réguliers avec ce client (chaque semaine"
            " ou toutes les deux semaines) : au moins la moitié de ses missions"
            " n'en avaient pas.",
        ),
        (
            "{n} of {total} missions without regular check-ins",
            "{n} mission{s} sur {total} sans points réguliers",
        ),
    ),
    Cause.TRUST: PracticeGap(
        "meeting_minutes",
        (
            "Send written minutes after every meeting with this client: at least"
            " half of its missions so far had none.",
            "Envoyer un compte rendu écrit après chaque réunion avec ce client :"
            " au moins la moitié de ses missions n'en avaient pas.",
        ),
        (
            "{n} of {total} missions without written minutes",
            "{n} mission{s} sur {total} sans compte rendu écrit",
        ),
    ),
    Cause.TONE: PracticeGap(
        "meeting_minutes",
        (
            "Confirm what was said in writing after each meeting with this"
            " client, in neutral terms: at least half of its missions so far had"
            " no written minutes.",
            "Confirmer par écrit, en termes neutres, ce qui a été dit après chaque"
            " réunion avec ce client : au moins la moitié de ses missions"
            " n'avaient pas de compte rendu.",
        ),
        (
            "{n} of {total} missions without written minutes",
            "{n} mission{s} sur {total} sans compte rendu écrit",
        ),
    ),
}

#: Evidence sentences. ``recurring``: a client's recurring cause;
#: ``general``: the freelancer's most frequent cause, when nothing recurs.
#: ``{s}`` is the plural mark of the count before it ("" for 1, else "s").
EVIDENCE: dict[str, tuple[str, str]] = {
    "recurring": (
        "{cause} in {k} of {n} disputes, {ratio}× your baseline (q {q})",
        "{cause} dans {k} litige{s} sur {n}, {ratio}× votre référence (q {q})",
    ),
    "general": (
        "{cause} in {k} of {n} disputes ({share}), your most frequent cause;"
        " no client has a recurring cause",
        "{cause} dans {k} litige{s} sur {n} ({share}), votre cause la plus fréquente ;"
        " aucun client n'a de cause récurrente",
    ),
}


def text(pair: tuple[str, str], lang: str) -> str:
    """Pick the English or French text of a ``(english, french)`` pair."""
    return pair[1] if lang == "fr" else pair[0]
