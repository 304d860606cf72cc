"""Messages and table headers of the ``conflictkit`` command."""

from __future__ import annotations

CLI: dict = {
    "cli.per_client": (
        "Disputes per client and cause (a dispute counts once per cause it cites)",
        "Litiges par client et par cause (un litige compte une fois par cause citée)",
    ),
    "cli.report_written": ("Report written to {path}", "Rapport écrit dans {path}"),
    "cli.clean": (
        {
            "one": "{path}: no problems ({n} dispute{m}).",
            "other": "{path}: no problems ({n} disputes{m}).",
        },
        {
            "one": "{path} : aucun problème ({n} litige{m}).",
            "other": "{path} : aucun problème ({n} litiges{m}).",
        },
    ),
    "cli.n_missions": (
        {"one": ", {n} mission", "other": ", {n} missions"},
        {"one": ", {n} mission", "other": ", {n} missions"},
    ),
    "cli.problems": (
        {
            "one": "{path}: {problems} in {rows}; this row would be rejected:",
            "other": "{path}: {problems} in {rows}; these rows would be rejected:",
        },
        {
            "one": "{path} : {problems} dans {rows} ; cette ligne serait rejetée :",
            "other": "{path} : {problems} dans {rows} ; ces lignes seraient rejetées :",
        },
    ),
    "cli.file_problem": (
        "{path}: the file cannot be read as a dispute log:",
        "{path} : le fichier ne peut pas être lu comme un journal de litiges :",
    ),
    "cli.no_unlabelled": (
        "Every dispute cites a cause: nothing to suggest.",
        "Chaque litige cite une cause : rien à suggérer.",
    ),
    "cli.suggested": (
        {
            "one": "Suggested causes for {n} dispute that cites none (check them"
            " before use):",
            "other": "Suggested causes for {n} disputes that cite none (check them"
            " before use):",
        },
        {
            "one": "Causes suggérées pour {n} litige qui n'en cite aucune (à"
            " vérifier) :",
            "other": "Causes suggérées pour {n} litiges qui n'en citent aucune (à"
            " vérifier) :",
        },
    ),
    "cli.added": ("Logged {id} in {journal}", "{id} enregistré dans {journal}"),
    "cli.resolved": ("Resolved {id}", "{id} clos"),
    "cli.resolved_on": ("Resolved {id} on {date}", "{id} clos le {date}"),
    "cli.imported": (
        {
            "one": "Imported {n} dispute{m} into {journal}",
            "other": "Imported {n} disputes{m} into {journal}",
        },
        {
            "one": "{n} litige{m} importé dans {journal}",
            "other": "{n} litiges{m} importés dans {journal}",
        },
    ),
    "cli.exported": ("Wrote {paths}", "Écrit : {paths}"),
    "cli.empty": ("The journal is empty.", "Le journal est vide."),
    "cli.no_open": ("No open disputes.", "Aucun litige ouvert."),
    "cli.no_dispute_yet": (
        {
            "one": "No dispute yet; the journal holds {n} mission.",
            "other": "No dispute yet; the journal holds {n} missions.",
        },
        {
            "one": "Aucun litige pour l'instant ; le journal contient {n} mission.",
            "other": "Aucun litige pour l'instant ; le journal contient {n} missions.",
        },
    ),
    "cli.error": ("error", "erreur"),
    # the journal's commands
    "cli.edited": ("Edited {id}", "{id} modifié"),
    "cli.deleted": (
        "Deleted {id} (`conflictkit undo` brings it back)",
        "{id} supprimé (`conflictkit undo` le rétablit)",
    ),
    "cli.undone": ("Undone: {what}", "Annulé : {what}"),
    "cli.nothing_to_undo": ("Nothing to undo.", "Rien à annuler."),
    "cli.no_changes": ("No changes recorded.", "Aucune modification enregistrée."),
    "cli.already": (
        {
            "one": "{n} dispute was already in the journal (--allow-duplicates"
            " adds it)",
            "other": "{n} disputes were already in the journal"
            " (--allow-duplicates adds them)",
        },
        {
            "one": "{n} litige était déjà dans le journal (--allow-duplicates"
            " l'ajoute)",
            "other": "{n} litiges étaient déjà dans le journal (--allow-duplicates"
            " les ajoute)",
        },
    ),
    "cli.mission_added": ("Logged mission {id}", "Mission {id} enregistrée"),
    "cli.mission_ended": (
        "Mission {id} ended on {date}",
        "Mission {id} terminée le {date}",
    ),
    "cli.nothing_to_edit": (
        "Nothing to change: give at least one --field value",
        "rien à modifier : donnez au moins une option --champ valeur",
    ),
    "cli.as_of": ("as of {date}", "au {date}"),
    "cli.warning": ("warning", "avertissement"),
    "cli.path_or_journal": (
        "give PATH or --journal, not both",
        "donnez un CHEMIN ou --journal, pas les deux",
    ),
    "cli.unknown_client": (
        "no client named {names} in this log; its clients are: {known}",
        "aucun client nommé {names} dans ce journal ; ses clients sont : {known}",
    ),
    "cli.no_client_yet": (
        "no client named {names}: this log has no dispute and no mission yet",
        "aucun client nommé {names} : ce journal n'a encore ni litige ni mission",
    ),
    "cli.bad_date": (
        "{value!r} is not a date (expected e.g. 2025-01-31)",
        "{value!r} n'est pas une date (par exemple 2025-01-31)",
    ),
}

#: The actions of the journal's audit table (``history``, ``undo``).
CLI_ACTIONS: dict = {
    f"cli.action.{k}": v
    for k, v in {
        "add": ("add", "ajout"),
        "resolve": ("resolve", "clôture"),
        "edit": ("edit", "modification"),
        "delete": ("delete", "suppression"),
        "import": ("import", "import"),
        "add_mission": ("add_mission", "ajout de mission"),
        "end_mission": ("end_mission", "fin de mission"),
        "undo": ("undo", "annulation"),
    }.items()
}

#: The words of the journal's ``history`` and ``undo`` (French only: the
#: English texts are the library's own, printed as they are).
CLI_JOURNAL: dict = {
    "cli.change.added": ("added", "ajouté"),
    "cli.change.deleted": ("deleted", "supprimé"),
    "cli.change.no_change": ("no change", "aucun changement"),
    "cli.change.empty": ("None", "vide"),
    "cli.change.field": (
        "{field}: {before} -> {after}",
        "{field} : {before} → {after}",
    ),
    "cli.undone_one": ("{action} {id}", "{action} de {id}"),
    "cli.undone_rows": (
        "{action} {count} rows",
        {"one": "{action} de {count} ligne", "other": "{action} de {count} lignes"},
    ),
}

CLI_HEADERS: dict = {
    f"cli.header.{k}": v
    for k, v in {
        "row": ("row", "ligne"),
        "table": ("table", "table"),
        "dispute_id": ("dispute_id", "litige"),
        "column": ("column", "colonne"),
        "value": ("value", "valeur"),
        "problem": ("problem", "problème"),
        "client": ("client", "client"),
        "opened_at": ("opened", "ouvert le"),
        "resolved_at": ("resolved", "clos le"),
        "causes": ("causes", "causes"),
        "outcome": ("outcome", "issue"),
        "notes": ("notes", "notes"),
        "suggested_causes": ("suggested causes", "causes suggérées"),
        "Total": ("Total", "Total"),
        "operation": ("#", "n°"),
        "at": ("when (UTC)", "quand (UTC)"),
        "who": ("who", "qui"),
        "action": ("action", "action"),
        "id": ("id", "id"),
        "changes": ("changes", "modifications"),
        "undone": ("undone", "annulé"),
    }.items()
}
