"""Titles, axis labels and legends of the plots."""

from __future__ import annotations

PLOTS: dict = {
    "plot.change_title": (
        "Dispute rate after the most likely change date",
        "Taux de litiges après la date de changement la plus probable",
    ),
    "plot.rr_change": (
        "Rate ratio after / before (log scale)",
        "Rapport de taux après / avant (échelle log)",
    ),
    "plot.since": ("since {date}: {verdict}", "depuis {date} : {verdict}"),
    "plot.km_grey": ("grey: all disputes", "en gris : tous les litiges"),
    "plot.partial": ("partial", "partielle"),
    "plot.all": ("All causes", "Toutes causes"),
    "plot.disputes": ("Disputes", "Litiges"),
    "plot.cause": ("Cause", "Cause"),
    "plot.client": ("Client", "Client"),
    "plot.unlabelled": ("No cause", "Sans cause"),
    "plot.counts_title": ("Disputes by cause (Pareto)", "Litiges par cause (Pareto)"),
    "plot.cumulative": ("Cumulative share", "Part cumulée"),
    "plot.trend_title": ("Causes over the career", "Causes au fil de la carrière"),
    "plot.period": ("Period", "Période"),
    "plot.few_days": ("too few days worked", "trop peu de jours"),
    "plot.rate_100": (
        "Disputes per 100 mission-days",
        "Litiges pour 100 jours de mission",
    ),
    "plot.summary_title": (
        "Yearly change in the dispute rate",
        "Évolution annuelle du taux de litiges",
    ),
    "plot.rr_year": (
        "Rate ratio per year (log scale)",
        "Rapport de taux par an (échelle log)",
    ),
    "plot.falling": ("falling", "en baisse"),
    "plot.rising": ("rising", "en hausse"),
    "plot.stable": ("stable", "stable"),
    "plot.fewer": ("fewer disputes", "moins de litiges"),
    "plot.more": ("more disputes", "plus de litiges"),
    "plot.cooc_title": (
        "Causes cited together in one dispute",
        "Causes citées ensemble dans un litige",
    ),
    "plot.lift_title": (
        "Causes together: lift (1 = chance)",
        "Causes ensemble : lift (1 = hasard)",
    ),
    "plot.lift": ("Lift", "Lift"),
    "plot.recurring_title": (
        "Disputes per client and cause",
        "Litiges par client et par cause",
    ),
    "plot.recurring": ("Recurring", "Récurrent"),
    "plot.top_lanes": (
        "the {top} of {n} clients with the most disputes",
        "les {top} clients sur {n} qui ont le plus de litiges",
    ),
    "plot.top_clients": (
        "{top} of {n} clients, most disputes first",
        "{top} clients sur {n}, les plus litigieux en premier",
    ),
    "plot.timeline_title": ("Disputes per client", "Litiges par client"),
    "plot.opened": ("Opened", "Ouverture"),
    "plot.open": ("Still open", "Encore ouvert"),
    "plot.as_of": ("as of {date}", "au {date}"),
    "plot.opened_as_of": (
        "Opened (dotted line: the data as of {date})",
        "Ouverture (pointillés : données au {date})",
    ),
    "plot.km_title": ("Time to resolution", "Délai de règlement"),
    "plot.days_open": ("Days since opened", "Jours depuis l'ouverture"),
    "plot.share_open": ("Share still open", "Part encore ouverte"),
    "plot.censored": ("Still open (censored)", "Encore ouvert (censuré)"),
    "plot.axis_cut": (
        "axis cut; the longest dispute lasted {days} days",
        "axe coupé ; le plus long litige a duré {days} jours",
    ),
    "plot.outcomes_title": ("How disputes ended", "Issue des litiges"),
    "plot.outcomes_few": (
        "hatched:\ntoo few to tell\n(fewer than {need})",
        "hachuré :\ntrop peu pour conclure\n(moins de {need})",
    ),
    "plot.outcome_share": ("Share of resolved disputes", "Part des litiges résolus"),
    "plot.prevention_title": (
        "Dispute rate with vs without each practice",
        "Taux de litiges avec ou sans chaque pratique",
    ),
    "plot.rr": (
        "Rate ratio, with / without (log scale)",
        "Rapport de taux, avec / sans (échelle log)",
    ),
    "plot.handling_title": (
        "Handling a dispute: with vs without each habit",
        "Gestion d'un litige : avec ou sans chaque habitude",
    ),
    "plot.median_days": (
        "Median days to resolution",
        "Délai médian de règlement (jours)",
    ),
    "plot.agreement": ("Share ending in agreement", "Part conclue par un accord"),
    "plot.retention": ("Share of clients kept", "Part des clients conservés"),
    "plot.with": ("With", "Avec"),
    "plot.without": ("Without", "Sans"),
    "plot.not_reached": ("not reached", "non atteint"),
    "plot.no_data": ("no data", "pas de données"),
}
