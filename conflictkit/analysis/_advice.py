"""Recommendation texts, as data, in English and French.

The actions come from field advice for freelancers on handling client
disagreements (see ``DESIGN.md``): keep emotions in check and stay diplomatic,
find the real cause by listening and rephrasing, propose several options and
seek a compromise (a mediator, then the courts, only as last resorts), and
prevent the next dispute with regular check-ins, written minutes after
meetings and a scope framed in writing from the start.

:data:`CAUSE_ACTIONS` maps each :class:`~conflictkit.Cause` to general
preventive actions, each tagged with the mission practice it relies on (the
name :func:`conflictkit.prevention_effects` uses, or None): a practice the
user's own data contradict drops the action. :data:`PRACTICE_ACTIONS` is
what to say when the user's data support a practice, :data:`PRACTICE_NAMES`
how to name it in a sentence, and :data:`EVIDENCE` the sentences that give
the numbers. Each text is an ``(english, french)`` pair; adding advice is one
line here.
"""

from __future__ import annotations

from typing import NamedTuple

from .._labels import Cause

__all__ = [
    "CAUSE_ACTIONS",
    "EVIDENCE",
    "PRACTICE_ACTIONS",
    "PRACTICE_NAMES",
    "Advice",
    "text",
]


class Advice(NamedTuple):
    """A general preventive action and the practice it relies on."""

    #: The :func:`~conflictkit.prevention_effects` practice, or None.
    practice: str | None
    #: The action, ``(english, french)``.
    action: tuple[str, str]


CAUSE_ACTIONS: dict[Cause, list[Advice]] = {
    Cause.SCOPE: [
        Advice(
            "written_scope",
            (
                "Frame the scope in writing at the start of each mission: deliverables,"
                " what is out of scope, acceptance criteria.",
                "Cadrer le périmètre par écrit dès le début de chaque mission :"
                " livrables,"
                " ce qui est hors périmètre, critères de recette.",
            ),
        ),
        Advice(
            None,
            (
                "Agree on a change-request process: every new request is written down,"
                " estimated and accepted before work starts.",
                "Convenir d'un processus de demande de changement : toute nouvelle"
                " demande"
                " est écrite, chiffrée et acceptée avant d'être réalisée.",
            ),
        ),
    ],
    Cause.DEADLINES: [
        Advice(
            None,
            (
                "Share a written schedule with buffers and named milestones, and update"
                " it when the plan changes.",
                "Partager un planning écrit avec des marges et des jalons nommés, et le"
                " mettre à jour quand le plan change.",
            ),
        ),
        Advice(
            "regular_checkins",
            (
                "Hold regular check-ins (weekly or every two weeks) to surface delays"
                " early.",
                "Tenir des points réguliers (chaque semaine ou toutes les deux"
                " semaines)"
                " pour signaler les retards au plus tôt.",
            ),
        ),
    ],
    Cause.PAYMENT: [
        Advice(
            None,
            (
                "Ask for a deposit before starting and invoice by milestone rather than"
                " at the end.",
                "Demander un acompte avant de commencer et facturer par jalon plutôt"
                " qu'en fin de mission.",
            ),
        ),
        Advice(
            None,
            (
                "Shorten payment terms and send reminders on a fixed schedule (due"
                " date,"
                " +7 days, +14 days).",
                "Raccourcir les délais de paiement et relancer selon un calendrier fixe"
                " (échéance, +7 jours, +14 jours).",
            ),
        ),
        Advice(
            None,
            (
                "When an invoice stays unpaid, propose several options (instalments,"
                " partial delivery) and seek a compromise; a mediator, then the courts,"
                " only as last resorts.",
                "Quand une facture reste impayée, proposer plusieurs options"
                " (échéancier,"
                " livraison partielle) et rechercher un compromis ; la médiation, puis"
                " les tribunaux, seulement en dernier recours.",
            ),
        ),
    ],
    Cause.TONE: [
        Advice(
            None,
            (
                "Move heated exchanges to writing and answer after a pause, staying"
                " diplomatic and keeping emotions in check.",
                "Passer à l'écrit quand les échanges s'échauffent et répondre après un"
                " temps de recul, en restant diplomate et en gardant son calme.",
            ),
        ),
        Advice(
            None,
            (
                "Listen and rephrase the client's request before answering, to find the"
                " real cause of the friction.",
                "Écouter et reformuler la demande du client avant de répondre, pour"
                " trouver la cause réelle de la friction.",
            ),
        ),
    ],
    Cause.TRUST: [
        Advice(
            "regular_checkins",
            (
                "Hold regular check-ins and show progress openly (demos, shared"
                " board).",
                "Tenir des points réguliers et montrer l'avancement en toute"
                " transparence"
                " (démonstrations, tableau partagé).",
            ),
        ),
        Advice(
            "meeting_minutes",
            (
                "Send written minutes after each meeting: decisions, owners, dates.",
                "Envoyer un compte rendu écrit après chaque réunion : décisions,"
                " responsables, dates.",
            ),
        ),
    ],
    Cause.OTHER: [
        Advice(
            None,
            (
                "Listen and rephrase to name the real cause of these disputes, then"
                " record it so the next ones can be prevented.",
                "Écouter et reformuler pour nommer la cause réelle de ces litiges, puis"
                " la noter pour prévenir les suivants.",
            ),
        ),
        Advice(
            None,
            (
                "Hold a short review with the client after each dispute and send a"
                " written summary of what was agreed.",
                "Faire un court bilan avec le client après chaque litige et envoyer un"
                " résumé écrit de ce qui a été convenu.",
            ),
        ),
    ],
}

#: What to do when the user's own missions support a practice.
PRACTICE_ACTIONS: dict[str, tuple[str, str]] = {
    "written_scope": (
        "Frame the scope in writing before each mission: deliverables, what is"
        " out of scope, acceptance criteria.",
        "Cadrer le périmètre par écrit avant chaque mission : livrables, ce qui"
        " est hors périmètre, critères de recette.",
    ),
    "regular_checkins": (
        "Hold regular check-ins (weekly or every two weeks).",
        "Tenir des points réguliers (chaque semaine ou toutes les deux semaines).",
    ),
    "meeting_minutes": (
        "Send written minutes after each meeting: decisions, owners, dates.",
        "Envoyer un compte rendu écrit après chaque réunion : décisions,"
        " responsables, dates.",
    ),
    "via_intermediary": (
        "Work through the agency or platform rather than directly.",
        "Passer par l'agence ou la plateforme plutôt qu'en direct.",
    ),
    "contract_fixed_price": (
        "Prefer a fixed-price contract.",
        "Privilégier un contrat au forfait.",
    ),
    "contract_time_and_materials": (
        "Prefer a time-and-materials contract.",
        "Privilégier un contrat en régie.",
    ),
    "contract_retainer": (
        "Prefer a retainer.",
        "Privilégier un abonnement.",
    ),
}

#: How a practice reads inside a sentence.
PRACTICE_NAMES: dict[str, tuple[str, str]] = {
    "written_scope": ("a written scope", "un périmètre écrit"),
    "regular_checkins": ("regular check-ins", "des points réguliers"),
    "meeting_minutes": ("written minutes", "des comptes rendus écrits"),
    "via_intermediary": ("an intermediary", "un intermédiaire"),
    "contract_fixed_price": ("a fixed-price contract", "un contrat au forfait"),
    "contract_time_and_materials": (
        "a time-and-materials contract",
        "un contrat en régie",
    ),
    "contract_retainer": ("a retainer", "un abonnement"),
}

#: Evidence sentences. ``recurring``: a client's recurring cause;
#: ``supported``: a practice the user's data support (``pct`` fewer);
#: ``contradicted``: one they contradict; ``general``: an action from the
#: field advice, not tested on the user's data; ``frequent``: the most
#: frequent cause when nothing recurs; ``gap``: missions of the client
#: without the practice. ``{s}`` is the plural mark of the count before it.
EVIDENCE: dict[str, tuple[str, str]] = {
    "recurring": (
        "{cause} in {k} of {n} disputes, {ratio}× the other clients' rate (q {q})",
        "{cause} dans {k} litige{s} sur {n}, {ratio}× le taux des autres"
        " clients (q {q})",
    ),
    "supported": (
        "in your missions, {practice} went with {pct}% fewer {cause} disputes"
        " (rate ratio {ratio}, 95% CI {interval})",
        "dans vos missions, {practice} s'accompagne de {pct} % de litiges"
        " « {cause} » en moins (rapport de taux {ratio}, IC 95 % {interval})",
    ),
    "contradicted": (
        "your data do not support {practice} here: it went with {ratio}× the"
        " {cause} disputes (95% CI {interval}), so it is not recommended",
        "vos données ne soutiennent pas {practice} ici : cela s'accompagne de"
        " {ratio}× plus de litiges « {cause} » (IC 95 % {interval}) ; ce"
        " n'est donc pas recommandé",
    ),
    "general": (
        "general field advice, not tested on your data",
        "conseil général de terrain, non vérifié sur vos données",
    ),
    "frequent": (
        "{cause} in {k} of {n} disputes ({share}), your most frequent cause;"
        " no client has a recurring cause",
        "{cause} dans {k} litige{s} sur {n} ({share}), votre cause la plus"
        " fréquente ; aucun client n'a de cause récurrente",
    ),
    "gap": (
        "{n} of {total} of this client's missions without it",
        "{n} mission{s} sur {total} de ce client sans cela",
    ),
}


def text(pair: tuple[str, str], lang: str) -> str:
    """Pick the English or French text of a ``(english, french)`` pair."""
    return pair[1] if lang == "fr" else pair[0]
