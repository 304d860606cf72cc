"""Words shared by every output: counts with their plurals, values, verdicts."""

from __future__ import annotations

COMMON: dict = {
    # counts: singular and plural forms by CLDR category (French 0 is singular)
    "n_disputes": (
        {"one": "{count} dispute", "other": "{count} disputes"},
        {"one": "{count} litige", "other": "{count} litiges"},
    ),
    "n_clients": (
        {"one": "{count} client", "other": "{count} clients"},
        {"one": "{count} client", "other": "{count} clients"},
    ),
    "n_missions": (
        {"one": "{count} mission", "other": "{count} missions"},
        {"one": "{count} mission", "other": "{count} missions"},
    ),
    "n_days": (
        {"one": "{count} day", "other": "{count} days"},
        {"one": "{count} jour", "other": "{count} jours"},
    ),
    "n_rows": (
        {"one": "{count} row", "other": "{count} rows"},
        {"one": "{count} ligne", "other": "{count} lignes"},
    ),
    "n_blank_rows": (
        {"one": "{count} blank row", "other": "{count} blank rows"},
        {"one": "{count} ligne vide", "other": "{count} lignes vides"},
    ),
    "n_total_rows": (
        {"one": "{count} total row", "other": "{count} total rows"},
        {"one": "{count} ligne de total", "other": "{count} lignes de total"},
    ),
    "rows_at": (
        {"one": "row {rows}", "other": "rows {rows}"},
        {"one": "ligne {rows}", "other": "lignes {rows}"},
    ),
    "skipped_rows": (
        {
            "one": "skipped {what}{where}: it holds no record; see history.skipped"
            " for the counts",
            "other": "skipped {what}{where}: they hold no record; see"
            " history.skipped for the counts",
        },
        {
            "one": "{what}{where} ignorée : elle ne contient aucun enregistrement.",
            "other": "{what}{where} ignorées : elles ne contiennent aucun"
            " enregistrement.",
        },
    ),
    "n_columns": (
        {"one": "{count} column", "other": "{count} columns"},
        {"one": "{count} colonne", "other": "{count} colonnes"},
    ),
    "n_rejected_rows": (
        {"one": "{count} row rejected", "other": "{count} rows rejected"},
        {"one": "{count} ligne rejetée", "other": "{count} lignes rejetées"},
    ),
    "n_unlabelled": (
        {"one": "{count} without a cause", "other": "{count} without a cause"},
        {"one": "{count} sans cause", "other": "{count} sans cause"},
    ),
    "n_recurring_causes": (
        {"one": "{count} recurring cause", "other": "{count} recurring causes"},
        {"one": "{count} cause récurrente", "other": "{count} causes récurrentes"},
    ),
    "n_open_disputes": (
        {"one": "{count} open dispute", "other": "{count} open disputes"},
        {"one": "{count} litige ouvert", "other": "{count} litiges ouverts"},
    ),
    "n_problems": (
        {"one": "{count} problem", "other": "{count} problems"},
        {"one": "{count} problème", "other": "{count} problèmes"},
    ),
    "n_open": (
        {"one": "{count} still open", "other": "{count} still open"},
        {"one": "{count} encore ouvert", "other": "{count} encore ouverts"},
    ),
    # values shown in tables and plots (taxonomy names come from _labels)
    "value.all": ("All clients", "Tous les clients"),
    "value.all_causes": ("All causes", "Toutes causes"),
    "value.stable": ("no clear change", "pas de changement net"),
    # a median time to settle (or a bound of its interval) when more than
    # half of the disputes are still open at the end of the data
    "value.not_reached": ("not reached", "non atteint"),
    "value.True": ("yes", "oui"),
    "value.False": ("no", "non"),
    # the client risk of client_profiles: "risque" is masculine in French
    "risk.low": ("low", "faible"),
    "risk.medium": ("medium", "moyen"),
    "risk.high": ("high", "élevé"),
    "basis.your data": ("your data", "vos données"),
    "basis.general advice": ("general advice", "conseil général"),
    # the phrases of client_profiles' risk_reason
    "reason.rate": ("× your overall dispute rate", "× votre taux de litiges global"),
    "reason.none": ("no dispute", "aucun litige"),
    "reason.quiet": (
        "no recurring cause and no open dispute",
        "ni cause récurrente ni litige ouvert",
    ),
    # mission and handling practices
    "practice.written_scope": ("Written scope", "Périmètre écrit"),
    "practice.meeting_minutes": ("Meeting minutes", "Comptes rendus de réunion"),
    "practice.regular_checkins": ("Regular check-ins", "Points réguliers"),
    "practice.via_intermediary": ("Via an intermediary", "Via un intermédiaire"),
    "practice.contract_fixed_price": ("Fixed-price contract", "Contrat au forfait"),
    "practice.contract_time_and_materials": (
        "Time-and-materials contract",
        "Contrat en régie",
    ),
    "practice.contract_retainer": ("Retainer contract", "Contrat d'abonnement"),
    "practice.options_proposed": (
        "Several options proposed",
        "Plusieurs options proposées",
    ),
    "practice.followup_sent": ("Written follow-up sent", "Suivi écrit envoyé"),
    "list_and": ("{a} and {b}", "{a} et {b}"),
    "warning": ("warning", "avertissement"),
    "error": ("error", "erreur"),
}
