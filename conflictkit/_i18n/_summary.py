"""The "at a glance" sentences of :func:`conflictkit.summarize` and the report."""

from __future__ import annotations

SUMMARY: dict = {
    "sum.causes": (
        {
            "one": "Your most frequent cause is {cause}: {count} dispute of the {n}"
            " that cite a cause ({share}).",
            "other": "Your most frequent cause is {cause}: {count} disputes of the"
            " {n} that cite a cause ({share}).",
        },
        {
            "one": "Votre cause la plus fréquente est « {cause} » : {count} litige"
            " sur les {n} qui citent une cause ({share}).",
            "other": "Votre cause la plus fréquente est « {cause} » : {count}"
            " litiges sur les {n} qui citent une cause ({share}).",
        },
    ),
    "sum.causes_tie": (
        "Your most frequent causes, tied, are {causes}: {count} disputes each of"
        " the {n} that cite a cause ({share} each).",
        "Vos causes les plus fréquentes sont {causes}, à égalité : {count}"
        " litiges chacune sur les {n} qui citent une cause ({share} chacune).",
    ),
    "sum.causes_few": (
        {
            "one": "Not enough data to tell which cause comes first: only {n}"
            " cites a cause (at least {need} are needed).",
            "other": "Not enough data to tell which cause comes first: only {n}"
            " cite a cause (at least {need} are needed).",
        },
        {
            "one": "Pas assez de données pour dire quelle cause domine : seul {n}"
            " cite une cause (il en faut au moins {need}).",
            "other": "Pas assez de données pour dire quelle cause domine : seuls"
            " {n} citent une cause (il en faut au moins {need}).",
        },
    ),
    "sum.causes_none": (
        "Not enough data to tell which cause comes first: no dispute cites a cause.",
        "Pas assez de données pour dire quelle cause domine : aucun litige ne"
        " cite de cause.",
    ),
    "sum.recurring": (
        {
            "one": "With one client the same cause keeps coming back: {items}."
            " {advice}",
            "other": "With {count} clients the same cause keeps coming back:"
            " {items}. {advice}",
        },
        {
            "one": "Avec un client, la même cause revient : {items}. {advice}",
            "other": "Avec {count} clients, la même cause revient : {items}. {advice}",
        },
    ),
    "sum.advice_yours": (
        "Your own history suggests, for {client}: {action}",
        "Votre historique suggère, pour {client} : {action}",
    ),
    "sum.advice_general": (
        "What the field advice says for that cause, for {client}: {action}",
        "Ce que conseillent les praticiens pour cette cause, pour {client} : {action}",
    ),
    # the first client's item says what the two numbers count (the same
    # count as recommendations' evidence); the others repeat the pattern
    "sum.recurring_item_first": (
        "{client} ({cause} in {k} of its {n} disputes that cite a cause)",
        "{client} (« {cause} » dans {k} de ses {n} litiges qui citent une cause)",
    ),
    "sum.recurring_item": (
        "{client} ({cause} in {k} of {n})",
        "{client} (« {cause} » dans {k} sur {n})",
    ),
    "sum.recurring_more": (
        {"one": "and {count} more", "other": "and {count} more"},
        {"one": "et {count} autre", "other": "et {count} autres"},
    ),
    "sum.recurring_none": (
        "No cause keeps coming back with a particular client ({n} checked).",
        "Aucune cause ne revient avec un client en particulier ({n} vérifiés).",
    ),
    "sum.recurring_few": (
        {
            "one": "Not enough data to tell whether a cause keeps coming back with"
            " a client: {n} cites a cause (at least {need} are needed).",
            "other": "Not enough data to tell whether a cause keeps coming back"
            " with a client: {n} cite a cause (at least {need} are needed).",
        },
        {
            "one": "Pas assez de données pour dire si une cause revient avec un"
            " client : {n} cite une cause (il en faut au moins {need}).",
            "other": "Pas assez de données pour dire si une cause revient avec un"
            " client : {n} citent une cause (il en faut au moins {need}).",
        },
    ),
    "sum.trend_one": (
        "the cause {cause} is {verdict} ({per_year} a year, {p})",
        "la cause « {cause} » est {verdict} ({per_year} par an, {p})",
    ),
    "sum.trend_since": (
        "the cause {cause} changed around {date}: from {before} to {after}"
        " disputes per 100 days worked ({q})",
        "la cause « {cause} » a changé vers le {date} : de {before} à {after}"
        " litiges pour 100 jours travaillés ({q})",
    ),
    "sum.trend": (
        "Over your career, {items}.",
        "Au fil de votre carrière, {items}.",
    ),
    "sum.trend_overall": (
        "Over your career, your dispute rate is {verdict} ({per_year} a year,"
        " {p}), and no single cause shows a clear change.",
        "Au fil de votre carrière, votre taux de litiges est {verdict}"
        " ({per_year} par an, {p}), sans évolution nette d'une cause en"
        " particulier.",
    ),
    "sum.trend_none": (
        "Over your career, no cause shows a clear rise or fall.",
        "Au fil de votre carrière, aucune cause n'est nettement en hausse ou en"
        " baisse.",
    ),
    "sum.trend_few": (
        "Not enough data to tell whether things are getting better or worse: {reason}.",
        "Pas assez de données pour dire si la situation s'améliore ou se"
        " dégrade : {reason}.",
    ),
    "sum.reason_span": (
        "the disputes cover less than two years",
        "les litiges couvrent moins de deux ans",
    ),
    "sum.reason_count": (
        "{n} is too few for a trend",
        "{n}, c'est trop peu pour une tendance",
    ),
    "sum.resolution": (
        "Half of your disputes were settled within {days} (median, likely"
        " between {low} and {high}); {open}.",
        "La moitié de vos litiges ont été réglés en {days} ou moins (médiane,"
        " vraisemblablement entre {low} et {high}) ; {open}.",
    ),
    "sum.resolution_open": (
        {"one": "{count} is still open", "other": "{count} are still open"},
        {"one": "{count} est encore ouvert", "other": "{count} sont encore ouverts"},
    ),
    "sum.resolution_few": (
        "Not enough data to tell how long disputes take to settle: {n} settled"
        " (at least {need} are needed).",
        {
            "one": "Pas assez de données pour dire combien de temps prend un"
            " règlement : {n} réglé (il en faut au moins {need}).",
            "other": "Pas assez de données pour dire combien de temps prend un"
            " règlement : {n} réglés (il en faut au moins {need}).",
        },
    ),
    "sum.resolution_unbounded": (
        "Half of your disputes took more than {days} to settle, and the upper"
        " end cannot be told yet.",
        "La moitié de vos litiges ont mis plus de {days} à se régler, et la"
        " borne haute ne peut pas encore être estimée.",
    ),
    "sum.prevention_fewer": (
        "Missions with this practice went with fewer disputes: {items}; an"
        " association in your history, not proof that the practice prevents them.",
        "Les missions avec cette pratique se sont accompagnées de moins de"
        " litiges : {items} ; une association dans votre historique, pas la"
        " preuve que la pratique les évite.",
    ),
    "sum.prevention_more": (
        "Missions with this practice went with more disputes: {items}.",
        "Les missions avec cette pratique se sont accompagnées de plus de"
        " litiges : {items}.",
    ),
    "sum.prevention_item": (
        "{practice} ({ratio} the rate without it, likely {low} to {high})",
        "{practice} ({ratio} le taux sans, vraisemblablement de {low} à {high})",
    ),
    "sum.prevention_none": (
        "None of the practices you recorded went clearly with fewer or more"
        " disputes yet.",
        "Aucune des pratiques que vous notez ne va encore nettement avec moins"
        " ou plus de litiges.",
    ),
    "sum.prevention_few": (
        "Not enough data to tell what goes with fewer disputes: {n} is too few"
        " to compare practices (at least {need} are needed).",
        "Pas assez de données pour dire ce qui va avec moins de litiges : {n},"
        " c'est trop peu pour comparer les pratiques (il en faut au moins {need}).",
    ),
    "sum.prevention_not_recorded": (
        "Not enough data to tell what goes with fewer disputes: your missions"
        " record none of the practices (written scope, check-ins, minutes), and"
        " a practice nobody recorded is unknown, not unused.",
        "Pas assez de données pour dire ce qui va avec moins de litiges : vos"
        " missions ne notent aucune pratique (périmètre écrit, points réguliers,"
        " comptes rendus), et une pratique que personne n'a notée est inconnue,"
        " pas absente.",
    ),
    "sum.prevention_no_missions": (
        "Not enough data to tell what goes with fewer disputes: record your"
        " missions and the practices used (written scope, check-ins, minutes).",
        "Pas assez de données pour dire ce qui va avec moins de litiges : notez"
        " vos missions et les pratiques utilisées (périmètre écrit, points"
        " réguliers, comptes rendus).",
    ),
    "sum.compare": (
        "From {start} to {end}: {n}, against {m} in the same length of time just"
        " before ({change}).",
        "Du {start} au {end} : {n}, contre {m} sur la même durée juste avant"
        " ({change}).",
    ),
    "sum.compare_rates": (
        "From {start} to {end}: {n} over {days} mission-days ({rate} per 100"
        " days), against {m} over {days_before} ({rate_before} per 100) in the same"
        " length of time just before: {change} per day worked, {verdict} ({p}).",
        "Du {start} au {end} : {n} pour {days} jours de mission ({rate} pour 100"
        " jours),"
        " contre {m} pour {days_before} ({rate_before} pour 100) sur la même durée"
        " juste avant : {change} par jour travaillé, {verdict} ({p}).",
    ),
    "sum.compare_clear": ("a clear change", "un changement net"),
    "sum.compare_chance": ("which could be chance", "ce qui peut tenir au hasard"),
    "sum.compare_counts_only": (
        "These are counts: without mission-days for both periods, a busier"
        " period cannot be told from a worse one.",
        "Ce sont des nombres de litiges : sans jours de mission sur les deux"
        " périodes, une période plus chargée ne se distingue pas d'une période"
        " pire.",
    ),
    "sum.compare_few": (
        "From {start} to {end}: {n}, against {m} in the same length of time just"
        " before; too few to tell whether that is a real change.",
        "Du {start} au {end} : {n}, contre {m} sur la même durée juste avant ;"
        " trop peu pour dire si le changement est réel.",
    ),
    "sum.compare_none_before": (
        "From {start} to {end}: {n}, and none in the same length of time just before.",
        "Du {start} au {end} : {n}, et aucun sur la même durée juste avant.",
    ),
    "sum.compare_unknown": (
        "From {start} to {end}: {n}; no data covers the same length of time just"
        " before, so there is nothing to compare with.",
        "Du {start} au {end} : {n} ; aucune donnée ne couvre la même durée juste"
        " avant, il n'y a donc rien à comparer.",
    ),
    "sum.no_disputes": (
        "Not enough data to tell anything yet: no dispute is recorded.",
        "Pas assez de données pour conclure quoi que ce soit : aucun litige"
        " n'est enregistré.",
    ),
    "topic.compare": ("period", "période"),
    "topic.causes": ("causes", "causes"),
    "topic.recurring": ("clients", "clients"),
    "topic.trend": ("trend", "tendance"),
    "topic.resolution": ("time to settle", "délai de règlement"),
    "topic.prevention": ("prevention", "prévention"),
}
