"""The ``conflictkit`` command's help and argparse's own words, in French.

The English texts live next to the options they describe (in
``conflictkit/cli``) and are printed unchanged; under ``--lang fr`` each is
looked up here by its exact English wording. A help text added in English
without its French here is found by the test suite (``tests/test_cli_help.py``
walks every parser). Nothing here imports more than ``re``: ``--help`` must
answer at once.
"""

from __future__ import annotations

import re

__all__ = ["HELP_FR", "ARGPARSE_FR", "argparse_error_fr"]

_DAYFIRST_FR = "lire 03/04/2024 comme le 3 avril"
_MONTHFIRST_FR = "lire 03/04/2024 comme le 4 mars"

#: English help text -> French help text (descriptions and ``help=``).
HELP_FR: dict[str, str] = {
    # the command and its list of commands
    "Learn from your disputes with clients.":
        "Tirer les leçons de vos litiges avec vos clients.",
    "show this help message and exit": "afficher cette aide et quitter",
    "print the disputes per client and cause":
        "afficher les litiges par client et par cause",
    "check a dispute log and list every problem":
        "vérifier un relevé de litiges et en lister chaque problème",
    "suggest causes for disputes that cite none":
        "suggérer des causes aux litiges qui n'en citent aucune",
    "write a self-contained HTML report": "écrire un rapport HTML autonome",
    "write an empty spreadsheet to fill in": "écrire un classeur vide à remplir",
    "log a dispute in the journal": "enregistrer un litige dans le journal",
    "record how a dispute ended": "enregistrer l'issue d'un litige",
    "change fields of a dispute": "modifier des champs d'un litige",
    "delete a dispute (undo brings it back)":
        "supprimer un litige (undo le rétablit)",
    "undo the latest change to the journal":
        "annuler la dernière modification du journal",
    "show who changed what in the journal, and when":
        "montrer qui a modifié quoi dans le journal, et quand",
    "list the journal's disputes": "lister les litiges du journal",
    "add a spreadsheet's disputes to the journal":
        "ajouter au journal les litiges d'un tableur",
    "write the journal to a file": "écrire le journal dans un fichier",
    "log a mission, or its end": "enregistrer une mission, ou sa fin",
    "turn an invoicing export into payment disputes in the journal":
        "changer un export de facturation en litiges de paiement dans le journal",
    # options shared by several commands
    "language of the output (default: French under a French locale, else English)":
        "langue des messages (par défaut : le français sous une locale "
        "française, sinon l'anglais)",
    "the dispute log (CSV, XLSX, JSON...)":
        "le relevé de litiges (CSV, XLSX, JSON…)",
    "the dispute log": "le relevé de litiges",
    "the missions table": "la table des missions",
    "map your headers onto conflictkit's names, e.g. "
    "'Motif=causes,Réglé le=resolved_at'":
        "faire correspondre vos en-têtes aux noms de conflictkit, par exemple "
        "'Motif=causes,Réglé le=resolved_at'",
    "a CSV (spelling,cause) or JSON file of extra cause spellings; an empty "
    "cause means 'no cause'":
        "un fichier CSV (graphie,cause) ou JSON de graphies de causes en plus ; "
        "une cause vide veut dire « aucune cause »",
    "read 03/04/2021 as 3 April": "lire 03/04/2021 comme le 3 avril",
    "read 03/04/2021 as March 4": "lire 03/04/2021 comme le 4 mars",
    "read 03/04/2024 as 3 April": _DAYFIRST_FR,
    "read 03/04/2024 as March 4": _MONTHFIRST_FR,
    "leave out the rows with problems (they are counted and named) instead of "
    "stopping":
        "écarter les lignes à problème (elles sont comptées et nommées) au lieu "
        "de s'arrêter",
    "summarise the journal instead of a file (its default location when PATH "
    "is left out)":
        "résumer le journal au lieu d'un fichier (à son emplacement par défaut "
        "si PATH est omis)",
    "report on the journal instead of a file (its default location when PATH "
    "is left out)":
        "rendre compte du journal au lieu d'un fichier (à son emplacement par "
        "défaut si PATH est omis)",
    "the journal database (default: $CONFLICTKIT_JOURNAL, else journal.sqlite "
    "in your user data directory)":
        "la base du journal (par défaut : $CONFLICTKIT_JOURNAL, sinon "
        "journal.sqlite dans votre dossier de données utilisateur)",
    # summary, validate, suggest
    "Print the disputes per client and cause of a dispute log (the bundled "
    "example career without PATH).":
        "Afficher les litiges par client et par cause d'un relevé de litiges "
        "(la carrière d'exemple fournie si PATH est omis).",
    "Check a dispute log with the rules of read_history and print every "
    "problem (row, column, value, problem). Exit code 0 when the file is "
    "clean, 1 when rows would be rejected.":
        "Vérifier un relevé de litiges selon les règles de read_history et "
        "afficher chaque problème (ligne, colonne, valeur, problème). Code de "
        "sortie 0 si le fichier est sans problème, 1 si des lignes seraient "
        "rejetées.",
    "Suggest causes, from their notes, for the disputes of a log that cite no "
    "cause (a classifier trained on labelled notes; check them).":
        "Suggérer des causes, d'après leurs notes, aux litiges d'un relevé qui "
        "n'en citent aucune (un classifieur entraîné sur des notes étiquetées ; "
        "à vérifier).",
    # report, template, invoices
    "Write one HTML file with every analysis of a dispute log (the bundled "
    "example career without PATH); it opens offline and prints well. It opens "
    "with a few sentences on what your history says.":
        "Écrire un fichier HTML avec toutes les analyses d'un relevé de litiges "
        "(la carrière d'exemple fournie si PATH est omis) ; il s'ouvre hors "
        "ligne et s'imprime bien. Il commence par quelques phrases sur ce que "
        "dit votre historique.",
    "where to write the report": "où écrire le rapport",
    "only disputes opened on or after DATE (e.g. 2025-01-01); the summary "
    "compares the period with the one just before it":
        "seulement les litiges ouverts à partir de DATE (par exemple "
        "2025-01-01) ; le résumé compare la période à celle qui la précède",
    "only disputes opened up to DATE": "seulement les litiges ouverts jusqu'à DATE",
    "only this client (repeat for several)":
        "seulement ce client (à répéter pour plusieurs)",
    "currency of the amounts: a symbol (€, $, £) or a code (CHF); default: €":
        "monnaie des montants : un symbole (€, $, £) ou un code (CHF) ; par "
        "défaut : €",
    "an invoicing export: its late, unpaid or disputed invoices are merged "
    "into the report (alone, or with PATH or --journal)":
        "un export de facturation : ses factures en retard, impayées ou "
        "contestées sont ajoutées au rapport (seul, ou avec PATH ou --journal)",
    "days after the due date before a payment counts as late (default 0)":
        "jours après l'échéance avant qu'un paiement compte comme en retard "
        "(par défaut 0)",
    "the date of the export (default: the latest date in it)":
        "la date de l'export (par défaut : la plus récente qu'il contient)",
    "Write an Excel workbook to start a dispute log from: a disputes sheet and "
    "a missions sheet with the expected columns (in --lang), drop-down lists, "
    "date and amount formats, and a sheet on how to fill it in. `conflictkit "
    "report FILE.xlsx` reads it back.":
        "Écrire un classeur Excel pour commencer un relevé de litiges : une "
        "feuille des litiges et une feuille des missions avec les colonnes "
        "attendues (dans la langue de --lang), des listes déroulantes, des "
        "formats de date et de montant, et une feuille expliquant comment le "
        "remplir. `conflictkit report FICHIER.xlsx` le relit.",
    "the .xlsx file to write": "le fichier .xlsx à écrire",
    "Read an invoicing export (FreshBooks, Zoho, QuickBooks, Stripe, "
    "Pennylane, Abby, Indy, Tiime...): late, unpaid or disputed invoices "
    "become payment disputes in the journal. Run it again on a newer export: "
    "only what is new is added, and disputes already logged get only what they "
    "lacked (the payment date, the outcome).":
        "Lire un export de facturation (FreshBooks, Zoho, QuickBooks, Stripe, "
        "Pennylane, Abby, Indy, Tiime…) : les factures en retard, impayées ou "
        "contestées deviennent des litiges de paiement dans le journal. Sur un "
        "export plus récent, seules les nouveautés sont ajoutées, et les litiges "
        "déjà enregistrés ne reçoivent que ce qui leur manquait (la date de "
        "paiement, l'issue).",
    "the invoicing export (CSV, XLSX, JSON...)":
        "l'export de facturation (CSV, XLSX, JSON…)",
    "keep the invoices without problems instead of stopping":
        "garder les factures sans problème au lieu de s'arrêter",
    # the journal
    "Log a dispute in the journal; prints its id.":
        "Enregistrer un litige dans le journal ; affiche son identifiant.",
    "read 03/04/2024 as 3 April (the default under --lang fr or a French "
    "locale); dates such as 25/02/2024, 7 avril 2024, yesterday or hier are "
    "read either way":
        "lire 03/04/2024 comme le 3 avril (par défaut sous --lang fr ou une "
        "locale française) ; les dates comme 25/02/2024, 7 avril 2024 ou hier "
        "se lisent de toute façon",
    "who the dispute is with": "avec qui est le litige",
    "when it surfaced (default: today; not after today): 2024-02-25, "
    "25/02/2024, '7 avril 2024', yesterday, hier":
        "quand il est apparu (par défaut : aujourd'hui ; pas après aujourd'hui) "
        ": 2024-02-25, 25/02/2024, '7 avril 2024', hier, aujourd'hui",
    "a cause (scope, deadlines, payment, tone, trust, other, or a French or "
    "English synonym); repeat for several, the first is the primary":
        "une cause (périmètre, délais, paiement, ton, confiance, autre, ou un "
        "synonyme en français ou en anglais) ; à répéter pour plusieurs, la "
        "première est la principale",
    "free text": "texte libre",
    "the mission id": "l'identifiant de la mission",
    "low, medium, high or critical": "faible, moyenne, élevée ou critique",
    "dialogue, proposal, mediation or court":
        "dialogue, proposition, médiation ou tribunal",
    "money at stake": "montant en jeu",
    "options proposed to the client": "nombre d'options proposées au client",
    "your own dispute id (default: the next D-NNNN)":
        "votre propre identifiant du litige (par défaut : le D-NNNN suivant)",
    "Record the resolution of a dispute of the journal (refused if it is "
    "already resolved, unless --force).":
        "Enregistrer la résolution d'un litige du journal (refusé s'il est déjà "
        "clos, sauf avec --force).",
    "the dispute, in any case (see `list`)":
        "le litige, en majuscules ou minuscules (voir `list`)",
    "when it was settled (default: today)":
        "quand il a été réglé (par défaut : aujourd'hui)",
    "amicable, compromise, conceded, prevailed or abandoned":
        "amiable, compromis, concession, gain de cause ou abandon",
    "did the client stay (yes/no)": "le client est-il resté (oui/non)",
    "money recovered": "montant récupéré",
    "written follow-up sent (yes/no)": "suivi écrit envoyé (oui/non)",
    "overwrite an earlier resolution": "remplacer une résolution antérieure",
    "Change fields of a dispute of the journal, checked like a new one; an "
    "empty value (--notes '') empties a field. `undo` reverts it.":
        "Modifier des champs d'un litige du journal, vérifiés comme pour un "
        "nouveau ; une valeur vide (--notes '') vide le champ. `undo` annule.",
    "the dispute, in any case": "le litige, en majuscules ou minuscules",
    "the client": "le client",
    "when it surfaced": "quand il est apparu",
    "when it was settled": "quand il a été réglé",
    "how it ended": "son issue",
    "did the client stay": "le client est-il resté",
    "written follow-up sent": "suivi écrit envoyé",
    "Delete a dispute of the journal; `conflictkit undo` brings it back.":
        "Supprimer un litige du journal ; `conflictkit undo` le rétablit.",
    "Undo the latest change (add, resolve, edit, delete, import, mission); "
    "again for the one before.":
        "Annuler la dernière modification (add, resolve, edit, delete, import, "
        "mission) ; relancer pour la précédente.",
    "Show the journal's audit table: every change, who made it and when, with "
    "the fields before and after.":
        "Montrer la table d'audit du journal : chaque modification, qui l'a "
        "faite et quand, avec les champs avant et après.",
    "only this dispute (or mission)": "seulement ce litige (ou cette mission)",
    "List the journal's disputes.": "Lister les litiges du journal.",
    "only the open disputes": "seulement les litiges en cours",
    "Add the disputes (and missions) of a file to the journal: all or "
    "nothing, checked with the rules of read_history. Importing a file again "
    "adds only the rows not there yet.":
        "Ajouter au journal les litiges (et missions) d'un fichier : tout ou "
        "rien, vérifiés selon les règles de read_history. Importer à nouveau un "
        "fichier n'ajoute que les lignes absentes.",
    "add a file's disputes even if the journal has them already":
        "ajouter les litiges d'un fichier même si le journal les contient déjà",
    "Write the journal to CSV, TSV, XLSX, JSON or Parquet (by the suffix); CSV "
    "and XLSX cells are safe to open in a spreadsheet.":
        "Écrire le journal en CSV, TSV, XLSX, JSON ou Parquet (selon "
        "l'extension) ; les cellules CSV et XLSX s'ouvrent sans danger dans un "
        "tableur.",
    "the file to write": "le fichier à écrire",
    "the file to write (instead of path)": "le fichier à écrire (au lieu de path)",
    "Log a mission (the exposure disputes are measured against) with `mission "
    "add`, and its last day with `mission end`.":
        "Enregistrer une mission (ce à quoi les litiges sont rapportés) avec "
        "`mission add`, et son dernier jour avec `mission end`.",
    "log a mission": "enregistrer une mission",
    "record a mission's last day": "enregistrer le dernier jour d'une mission",
    "Log a mission.": "Enregistrer une mission.",
    "a unique id, which disputes refer to":
        "un identifiant unique, auquel les litiges renvoient",
    "its first day (default: today)": "son premier jour (par défaut : aujourd'hui)",
    "its last day, if it is over": "son dernier jour, si elle est finie",
    "days worked (default: from the dates)":
        "jours travaillés (par défaut : d'après les dates)",
    "daily rate": "taux journalier",
    "fixed_price, time_and_materials or retainer":
        "forfait, régie ou abonnement",
    "via an agency (yes/no)": "via une agence (oui/non)",
    "scope in writing": "périmètre écrit",
    "days between regular check-ins": "jours entre deux points réguliers",
    "meeting minutes sent": "comptes rendus de réunion envoyés",
    "Record the last day of a mission.": "Enregistrer le dernier jour d'une mission.",
    "the mission, in any case": "la mission, en majuscules ou minuscules",
    "its last day (default: today)": "son dernier jour (par défaut : aujourd'hui)",
}  # fmt: skip

#: argparse's own words (section titles, the usage prefix).
ARGPARSE_FR: dict[str, str] = {
    "usage: ": "utilisation : ",
    "positional arguments": "arguments positionnels",
    "options": "options",
    "optional arguments": "options",
}

_OS_ERRORS_FR = {
    "No such file or directory": "fichier introuvable",
    "Permission denied": "accès refusé",
    "Is a directory": "c'est un dossier",
    "Not a directory": "un élément du chemin n'est pas un dossier",
}
_CAUSES_FR = "périmètre, délais, paiement, ton, confiance, autre"

# why a cause map cannot be read, as Python or conflictkit says it
_DETAILS_FR: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.S), fr)
    for p, fr in (
        (r"^\[Errno \d+\] (?P<why>[^:]*)(?:: .*)?$", "{why}"),
        (r"^'(?P<codec>[\w-]+)' codec can't decode byte (?P<byte>\S+) in "
         r"position (?P<pos>\d+).*$",
         "le texte n'est pas en {codec} (octet {byte} à la position {pos})"),
        (r"^.*: line (?P<line>\d+) column (?P<col>\d+) \(char \d+\)$",
         "erreur de syntaxe ligne {line}, colonne {col}"),
        (r"^The values of `cause_map` must be causes .*, but (?P<v>.*) was "
         r"passed\.$",
         "{v} n'est pas une cause ; causes attendues : " + _CAUSES_FR
         + " (vide : aucune cause)"),
    )
]  # fmt: skip


def _detail_fr(detail: str) -> str:
    for pattern, french in _DETAILS_FR:
        if m := pattern.match(detail):
            parts = m.groupdict()
            if "why" in parts:
                parts["why"] = _OS_ERRORS_FR.get(parts["why"], parts["why"])
            return french.format(**parts)
    return detail


_ERRORS_FR: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.S), fr)
    for p, fr in (
        (r"^the following arguments are required: (?P<a>.*)$",
         "ces arguments sont obligatoires : {a}"),
        (r"^invalid choice: (?P<v>.*) \(choose from (?P<c>.*)\)$",
         "choix invalide : {v} (au choix : {c})"),
        (r"^expected one argument$", "une valeur attendue"),
        (r"^expected at most one argument$", "au plus une valeur attendue"),
        (r"^expected at least one argument$", "au moins une valeur attendue"),
        (r"^unrecognized arguments: (?P<a>.*)$", "arguments non reconnus : {a}"),
        (r"^not allowed with argument (?P<a>.*)$",
         "incompatible avec l'argument {a}"),
        (r"^one of the arguments (?P<a>.*) is required$",
         "l'un de ces arguments est obligatoire : {a}"),
        (r"^ambiguous option: (?P<o>\S+) could match (?P<m>.*)$",
         "option ambiguë : {o} peut désigner {m}"),
        (r"^ignored explicit argument (?P<a>.*)$",
         "argument explicite ignoré : {a}"),
        (r"^invalid int value: (?P<v>.*)$", "nombre entier attendu, pas {v}"),
        (r"^invalid \S+ value: (?P<v>.*)$", "valeur invalide : {v}"),
        (r"^expected yes or no, not (?P<v>.*)$", "oui ou non attendu, pas {v}"),
        (r"^expected HEADER=name pairs separated by commas, such as "
         r"(?P<e>'.*?'), not (?P<v>.*)$",
         "paires EN-TÊTE=nom séparées par des virgules attendues, comme {e}, "
         "pas {v}"),
        (r"^cannot read the cause map (?P<f>.*?): (?P<d>.*)$",
         "impossible de lire la table des causes {f} : {d}"),
        (r"^the cause map (?P<f>.*?) is not valid JSON: (?P<d>.*)$",
         "la table des causes {f} n'est pas du JSON valide : {d}"),
        (r"^the cause map (?P<f>.*?) must be a JSON object of spelling -> cause$",
         "la table des causes {f} doit être un objet JSON graphie -> cause"),
        (r"^the cause map (?P<f>.*?), spelling (?P<s>.*?): (?P<d>.*)$",
         "la table des causes {f}, graphie {s} : {d}"),
        (r"^(?P<v>.*) is not a date \(expected e\.g\. 2025-01-31\)$",
         "{v} n'est pas une date (attendu par exemple : 2025-01-31)"),
    )
]  # fmt: skip
_ARGUMENT = re.compile(r"^argument (.+?): (.*)$", re.S)


def argparse_error_fr(message: str) -> str:
    """The French of an argparse error message (English kept if unknown).

    Examples
    --------
    >>> argparse_error_fr("the following arguments are required: client")
    'ces arguments sont obligatoires : client'
    >>> argparse_error_fr("argument --retained: expected yes or no, not 'peut-être'")
    "argument --retained : oui ou non attendu, pas 'peut-être'"
    """
    prefix = ""
    if m := _ARGUMENT.match(message):
        prefix, message = f"argument {m[1]} : ", m[2]
    for pattern, french in _ERRORS_FR:
        if m := pattern.match(message):
            parts = m.groupdict()
            if "d" in parts:
                parts["d"] = _detail_fr(parts["d"])
            return prefix + french.format(**parts)
    return prefix + message
