# ruff: noqa: E501  (one row of the sample per line, as in the spreadsheet)
"""Build ``datasets/my-disputes.xlsx``: the French template, filled in by hand.

The sample of ``notebooks/00-your-own-data.ipynb``: what a freelancer two and
a half years in might have typed into ``conflictkit template --lang fr``.
Written here rather than simulated, with what real logs have: a cause
misspelt (``paiment``), a date typed the wrong way round (resolved before
opened), empty cells where nothing was recorded, French words for outcomes and
yes/no. Run from the repository root: ``python datasets/make_own_data.py``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

import conflictkit as ck

OUT = Path(__file__).with_name("my-disputes.xlsx")

D = dt.date
# id, client, mission, opened, resolved, causes, gravité, escalade, issue,
# client conservé, en jeu, récupéré, options, suivi, notes
DISPUTES = [
    ("L01", "Boulangerie Martin", "M1", D(2023, 3, 14), D(2023, 3, 30), "paiement", "moyenne", "dialogue", "à l'amiable", "oui", 1800, 1800, 1, "oui", "Facture de février payée avec 3 semaines de retard"),
    ("L02", "Studio Pixel", "M2", D(2023, 5, 2), D(2023, 5, 20), "périmètre", "élevée", "proposition", "compromis", "oui", 2400, 1200, 2, "oui", "Ajout d'un module non prévu au devis"),
    ("L03", "Boulangerie Martin", "M1", D(2023, 6, 5), D(2023, 7, 12), "paiement;ton", "élevée", "proposition", "compromis", "oui", 2100, 1600, 2, "non", "Relances ignorées, échange tendu au téléphone"),
    ("L04", "Cabinet Roux", "M3", D(2023, 9, 18), D(2023, 9, 25), "délais", "faible", "dialogue", "à l'amiable", "oui", None, None, 1, "oui", "Livraison décalée d'une semaine"),
    ("L05", "Studio Pixel", "M2", D(2023, 10, 3), D(2023, 11, 15), "périmètre;délais", "moyenne", "proposition", "compromis", "oui", 3000, 1500, 3, "oui", "Refonte demandée en cours de sprint"),
    ("L06", "Boulangerie Martin", "M4", D(2024, 1, 9), D(2024, 3, 1), "paiment", "élevée", "médiation", "concédé", "non", 2600, 900, 1, "non", "Facture contestée puis payée en partie"),
    ("L07", "Agence Nord", "M5", D(2024, 2, 12), D(2024, 2, 20), "confiance", "faible", "dialogue", "à l'amiable", "oui", None, None, 1, "oui", "Le client voulait voir l'avancement chaque jour"),
    ("L08", "Cabinet Roux", "M3", D(2024, 4, 2), D(2024, 3, 28), "délais", "moyenne", "dialogue", "compromis", "oui", 800, 400, 2, "oui", "Date de résolution saisie à l'envers"),
    ("L09", "Studio Pixel", "M6", D(2024, 6, 20), D(2024, 7, 5), "périmètre", "moyenne", "proposition", "compromis", "oui", 1500, 1000, 2, "oui", "Écrans supplémentaires hors périmètre"),
    ("L10", "Boulangerie Martin", "M4", D(2024, 9, 10), D(2024, 11, 4), "paiement", "critique", "tribunal", "gain de cause", "non", 3200, 3200, 1, "oui", "Injonction de payer"),
    ("L11", "Agence Nord", "M5", D(2024, 11, 5), D(2024, 11, 12), "ton", "faible", "dialogue", "à l'amiable", "oui", None, None, None, None, "Mail sec du chef de projet"),
    ("L12", "Studio Pixel", "M6", D(2025, 2, 3), D(2025, 2, 21), "périmètre", "moyenne", "proposition", "compromis", "oui", 1200, 800, 2, "oui", "Nouvelle demande sans avenant"),
    ("L13", "Cabinet Roux", "M7", D(2025, 4, 14), None, "délais;confiance", "moyenne", "proposition", None, None, 1000, None, 2, None, "Retard du client sur les validations, toujours en cours"),
    ("L14", "Boulangerie Martin", "M8", D(2025, 6, 2), None, "paiement", "élevée", "médiation", None, None, 2800, None, 1, None, "Deux factures impayées"),
]  # fmt: skip
# id, client, début, fin, jours, tjm, contrat, intermédiaire, périmètre écrit,
# points réguliers (jours), comptes rendus
MISSIONS = [
    ("M1", "Boulangerie Martin", D(2023, 1, 9), D(2023, 7, 28), 60, 450, "forfait", "non", "non", None, "non"),
    ("M2", "Studio Pixel", D(2023, 3, 1), D(2023, 12, 15), 120, 500, "régie", "oui", "non", 14, "non"),
    ("M3", "Cabinet Roux", D(2023, 9, 1), D(2024, 6, 30), 90, 520, "régie", "non", "oui", 7, "oui"),
    ("M4", "Boulangerie Martin", D(2023, 11, 6), D(2024, 10, 31), 70, 450, "forfait", "non", "non", None, "non"),
    ("M5", "Agence Nord", D(2024, 1, 15), D(2024, 12, 20), 110, 550, "régie", "oui", "oui", 7, "oui"),
    ("M6", "Studio Pixel", D(2024, 5, 13), D(2025, 3, 28), 95, 520, "forfait", "oui", "oui", 14, "non"),
    ("M7", "Cabinet Roux", D(2025, 1, 6), None, 80, 540, "régie", "non", "oui", 7, "oui"),
    ("M8", "Boulangerie Martin", D(2025, 3, 3), None, 40, 450, "forfait", "non", "non", None, "non"),
]  # fmt: skip


def main() -> None:
    ck.write_template(OUT, lang="fr")
    book = load_workbook(OUT)
    for sheet_name, rows in (("litiges", DISPUTES), ("missions", MISSIONS)):
        sheet = book[sheet_name]
        for i, row in enumerate(rows, start=2):
            for j, value in enumerate(row, start=1):
                if value is not None:
                    sheet.cell(row=i, column=j, value=value)
    book.save(OUT)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
