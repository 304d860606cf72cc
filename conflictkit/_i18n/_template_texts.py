"""Texts of the spreadsheet template (``conflictkit template``)."""

from __future__ import annotations

TEMPLATE: dict = {
    # the reader finds the sheets by these names (disputes/litiges, missions)
    "template.sheet_disputes": ("disputes", "litiges"),
    "template.sheet_missions": ("missions", "missions"),
    "template.sheet_help": ("how to fill this in", "mode d'emploi"),
    "template.pick": (
        "Pick one of: {options}.",
        "Choisissez parmi : {options}.",
    ),
    "template.help_title": (
        "Your dispute log: how to fill this in",
        "Votre journal des litiges : mode d'emploi",
    ),
    "template.help_1": (
        '1. One row per dispute in the "disputes" sheet: at least the client and'
        " the date it surfaced (opened_at). Leave a cell empty when you do not"
        ' know: empty means unknown, never "no" or 0.',
        "1. Une ligne par litige dans la feuille « litiges » : au moins le client"
        " et la date où il est apparu (ouvert le). Laissez une case vide quand"
        " vous ne savez pas : vide veut dire inconnu, jamais « non » ni 0.",
    ),
    "template.help_2": (
        "2. causes: pick from the list; for several, type them separated by ;"
        " (payment;tone), the main one first.",
        "2. causes : choisissez dans la liste ; pour plusieurs, séparez-les par ;"
        " (paiement;ton), la principale d'abord.",
    ),
    "template.help_3": (
        "3. When the dispute is settled, fill in resolved_at, the outcome and"
        " whether the client stayed (client_retained). An empty resolved_at"
        " means still open.",
        "3. Quand le litige est réglé, remplissez « résolu le », l'issue et si le"
        " client est resté (client conservé). Une date de résolution vide veut"
        " dire encore ouvert.",
    ),
    "template.help_4": (
        "4. Amounts in one currency, without the symbol: 1500.50.",
        "4. Montants dans une seule devise, sans le symbole : 1500,50.",
    ),
    "template.help_5": (
        '5. The "missions" sheet is optional but tells how much you worked for'
        " each client, so disputes can be compared per day worked, and whether"
        " a written scope, regular check-ins or minutes went with fewer"
        " disputes. Use the same mission_id in both sheets.",
        "5. La feuille « missions » est facultative mais dit combien vous avez"
        " travaillé pour chaque client : les litiges sont alors rapportés aux"
        " jours travaillés, et l'on voit si un périmètre écrit, des points"
        " réguliers ou des comptes rendus vont avec moins de litiges. Utilisez"
        " le même identifiant de mission dans les deux feuilles.",
    ),
    "template.help_6": (
        "6. Check the file: conflictkit validate FILE.xlsx (it lists every"
        " problem with its row and column).",
        "6. Vérifiez le fichier : conflictkit validate FICHIER.xlsx --lang fr"
        " (chaque problème est listé avec sa ligne et sa colonne).",
    ),
    "template.help_7": (
        "7. Then: conflictkit report FILE.xlsx -o report.html, or"
        ' ck.read_history("FILE.xlsx") in a notebook.',
        "7. Ensuite : conflictkit report FICHIER.xlsx --lang fr -o rapport.html,"
        ' ou ck.read_history("FICHIER.xlsx") dans un notebook.',
    ),
    "cli.template_written": ("Template written to {path}", "Modèle écrit dans {path}"),
}
