"""Advice for freelancers: the actions of ``recommendations`` and their evidence.

The actions come from field advice for freelancers on handling client
disagreements (see ``DESIGN.md``): keep emotions in check and stay diplomatic,
find the real cause by listening and rephrasing, propose several options and
seek a compromise (a mediator, then the courts, only as last resorts), and
prevent the next dispute with regular check-ins, written minutes after
meetings and a scope framed in writing from the start.

``advice.<cause>.<n>`` are the general actions for a cause (which practice
each relies on is said in :mod:`conflictkit.analysis._advice`);
``advice.do.<practice>`` what to do when your own missions support a
practice; ``advice.name.<practice>`` how a practice reads inside a sentence;
``evidence.*`` the sentences that give the numbers.
"""

from __future__ import annotations

ADVICE: dict = {
    "advice.scope.1": (
        "Frame the scope in writing at the start of each mission: deliverables, what"
        " is out of scope, acceptance criteria.",
        "Cadrer le périmètre par écrit dès le début de chaque mission : livrables,"
        " ce qui est hors périmètre, critères de recette.",
    ),
    "advice.scope.2": (
        "Agree on a change-request process: every new request is written down,"
        " estimated and accepted before work starts.",
        "Convenir d'un processus de demande de changement : toute nouvelle demande"
        " est écrite, chiffrée et acceptée avant d'être réalisée.",
    ),
    "advice.deadlines.1": (
        "Share a written schedule with buffers and named milestones, and update it"
        " when the plan changes.",
        "Partager un planning écrit avec des marges et des jalons nommés, et le"
        " mettre à jour quand le plan change.",
    ),
    "advice.deadlines.2": (
        "Hold regular check-ins (weekly or every two weeks) to surface delays early.",
        "Tenir des points réguliers (chaque semaine ou toutes les deux semaines)"
        " pour signaler les retards au plus tôt.",
    ),
    "advice.payment.1": (
        "Ask for a deposit before starting and invoice by milestone rather than at"
        " the end.",
        "Demander un acompte avant de commencer et facturer par jalon plutôt qu'en"
        " fin de mission.",
    ),
    "advice.payment.2": (
        "Shorten payment terms and send reminders on a fixed schedule (due date, +7"
        " days, +14 days).",
        "Raccourcir les délais de paiement et relancer selon un calendrier fixe"
        " (échéance, +7 jours, +14 jours).",
    ),
    "advice.payment.3": (
        "When an invoice stays unpaid, propose several options (instalments, partial"
        " delivery) and seek a compromise; a mediator, then the courts, only as last"
        " resorts.",
        "Quand une facture reste impayée, proposer plusieurs options (échéancier,"
        " livraison partielle) et rechercher un compromis ; la médiation, puis les"
        " tribunaux, seulement en dernier recours.",
    ),
    "advice.tone.1": (
        "Move heated exchanges to writing and answer after a pause, staying"
        " diplomatic and keeping emotions in check.",
        "Passer à l'écrit quand les échanges s'échauffent et répondre après un temps"
        " de recul, en restant diplomate et en gardant son calme.",
    ),
    "advice.tone.2": (
        "Listen and rephrase the client's request before answering, to find the real"
        " cause of the friction.",
        "Écouter et reformuler la demande du client avant de répondre, pour trouver"
        " la cause réelle de la friction.",
    ),
    "advice.trust.1": (
        "Hold regular check-ins and show progress openly (demos, shared board).",
        "Tenir des points réguliers et montrer l'avancement en toute transparence"
        " (démonstrations, tableau partagé).",
    ),
    "advice.trust.2": (
        "Send written minutes after each meeting: decisions, owners, dates.",
        "Envoyer un compte rendu écrit après chaque réunion : décisions,"
        " responsables, dates.",
    ),
    "advice.other.1": (
        "Listen and rephrase to name the real cause of these disputes, then record"
        " it so the next ones can be prevented.",
        "Écouter et reformuler pour nommer la cause réelle de ces litiges, puis la"
        " noter pour prévenir les suivants.",
    ),
    "advice.other.2": (
        "Hold a short review with the client after each dispute and send a written"
        " summary of what was agreed.",
        "Faire un court bilan avec le client après chaque litige et envoyer un"
        " résumé écrit de ce qui a été convenu.",
    ),
    "advice.do.written_scope": (
        "Frame the scope in writing before each mission: deliverables, what is out"
        " of scope, acceptance criteria.",
        "Cadrer le périmètre par écrit avant chaque mission : livrables, ce qui est"
        " hors périmètre, critères de recette.",
    ),
    "advice.do.regular_checkins": (
        "Hold regular check-ins (weekly or every two weeks).",
        "Tenir des points réguliers (chaque semaine ou toutes les deux semaines).",
    ),
    "advice.do.meeting_minutes": (
        "Send written minutes after each meeting: decisions, owners, dates.",
        "Envoyer un compte rendu écrit après chaque réunion : décisions,"
        " responsables, dates.",
    ),
    "advice.do.via_intermediary": (
        "Work through the agency or platform rather than directly.",
        "Passer par l'agence ou la plateforme plutôt qu'en direct.",
    ),
    "advice.do.contract_fixed_price": (
        "Prefer a fixed-price contract.",
        "Privilégier un contrat au forfait.",
    ),
    "advice.do.contract_time_and_materials": (
        "Prefer a time-and-materials contract.",
        "Privilégier un contrat en régie.",
    ),
    "advice.do.contract_retainer": ("Prefer a retainer.", "Privilégier un abonnement."),
    "advice.name.written_scope": ("a written scope", "un périmètre écrit"),
    "advice.name.regular_checkins": ("regular check-ins", "des points réguliers"),
    "advice.name.meeting_minutes": ("written minutes", "des comptes rendus écrits"),
    "advice.name.via_intermediary": ("an intermediary", "un intermédiaire"),
    "advice.name.contract_fixed_price": (
        "a fixed-price contract",
        "un contrat au forfait",
    ),
    "advice.name.contract_time_and_materials": (
        "a time-and-materials contract",
        "un contrat en régie",
    ),
    "advice.name.contract_retainer": ("a retainer", "un abonnement"),
    # the evidence: {count} is the count the French noun agrees with
    # {n}: the client's disputes that cite a cause (the summary's count too)
    "evidence.recurring": (
        "{cause} in {k} of its {n} disputes that cite a cause, {ratio}× the other"
        " clients' rate (q {q})",
        "{cause} dans {k} de ses {n} litiges qui citent une cause, {ratio}× le"
        " taux des autres clients (q {q})",
    ),
    "evidence.supported": (
        "in your missions, {practice} went with {pct}% fewer {cause} disputes"
        " (rate ratio {ratio}, 95% CI {interval})",
        "dans vos missions, {practice} s'accompagne de {pct} % de litiges"
        " « {cause} » en moins (rapport de taux {ratio}, IC 95 % {interval})",
    ),
    "evidence.contradicted": (
        "your data do not support {practice} here: it went with {ratio}× the"
        " {cause} disputes (95% CI {interval}), so it is not recommended",
        "vos données ne soutiennent pas {practice} ici : cela s'accompagne de"
        " {ratio}× plus de litiges « {cause} » (IC 95 % {interval}) ; ce"
        " n'est donc pas recommandé",
    ),
    "evidence.general": (
        "general field advice, not tested on your data",
        "conseil général de terrain, non vérifié sur vos données",
    ),
    "evidence.frequent": (
        "{cause} in {k} of the {n} disputes that cite a cause ({share}), your most"
        " frequent cause; no client has a recurring cause",
        {
            "one": "{cause} dans {k} litige sur les {n} qui citent une cause"
            " ({share}), votre cause la plus fréquente ; aucun client n'a de"
            " cause récurrente",
            "other": "{cause} dans {k} litiges sur les {n} qui citent une cause"
            " ({share}), votre cause la plus fréquente ; aucun client n'a de"
            " cause récurrente",
        },
    ),
    "evidence.gap": (
        "{n} of {total} of this client's missions without it",
        {
            "one": "{n} mission sur {total} de ce client sans cela",
            "other": "{n} missions sur {total} de ce client sans cela",
        },
    ),
}
