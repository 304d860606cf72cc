"""Write the invoice lists with a title in A1 (run once; the bytes are committed).

The same sheet, as a freelancer keeps it in Excel, in French and in English:
a title in A1 only ("Factures 2024"), row 2 empty, the header in row 3, typed
dates and amounts, one date typed as text with no such day (row 8). Each is
saved as the workbook (openpyxl) and as Excel's CSV export of it: French
"CSV (point-virgule)" in Windows-1252 with `1 200,00 €` (a no-break space),
English "CSV UTF-8" with a BOM and US dates; Excel pads every row to the
width of the used range (``Factures 2024;;;;;;``).

Run: ``python tests/data/invoices/make_titled.py`` from the repository root.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

HERE = Path(__file__).parent
D = dt.date
ROWS = [  # number, client, issued, due, total, paid, status
    ("F-2024-001", "Atelier Dupré", D(2024, 1, 15), D(2024, 2, 14), 1200.0,
     D(2024, 3, 20), ("Payée", "Paid")),
    ("F-2024-002", "Garage Moreau", D(2024, 2, 1), D(2024, 3, 2), 800.0,
     D(2024, 3, 1), ("Payée", "Paid")),
    ("F-2024-003", "Cabinet Roux", D(2024, 3, 13), D(2024, 4, 12), 2400.0,
     None, ("En retard", "Overdue")),
    ("F-2024-004", "Boulangerie Lefèvre", D(2024, 4, 2), D(2024, 5, 2), 450.0,
     D(2024, 4, 30), ("Payée", "Paid")),
    ("F-2024-005", "Crèche Les Hirondelles", None, D(2024, 5, 31), 980.0,
     None, ("En attente", "Pending")),
    ("F-2024-006", "Atelier Dupré", D(2024, 5, 3), D(2024, 6, 2), 1500.0,
     D(2024, 6, 28), ("Payée", "Paid")),
]  # fmt: skip
LANGS = {
    "fr": {
        "title": "Factures 2024",
        "header": ["N° facture", "Client", "Date d'émission", "Échéance",
                   "Montant TTC", "Payée le", "Statut"],
        "typo": "31/04/2024",
        "date": "%d/%m/%Y",
    },
    "en": {
        "title": "Invoices 2024",
        "header": ["Invoice #", "Customer", "Invoice Date", "Due Date", "Total",
                   "Date Paid", "Status"],
        "typo": "4/31/2024",
        "date": "%-m/%-d/%Y",
    },
}  # fmt: skip


def _cells(lang: str, row: tuple) -> list:
    number, client, issued, due, total, paid, status = row
    typo = LANGS[lang]["typo"]
    return [number, client, issued if issued else typo, due, total, paid,
            status[0 if lang == "fr" else 1]]  # fmt: skip


def workbook(lang: str) -> None:
    spec = LANGS[lang]
    book = Workbook()
    sheet = book.active
    sheet.title = "Factures" if lang == "fr" else "Invoices"
    sheet["A1"] = spec["title"]
    sheet["A1"].font = Font(bold=True, size=14)
    for j, name in enumerate(spec["header"], start=1):
        sheet.cell(3, j, name).font = Font(bold=True)
    for i, row in enumerate(ROWS, start=4):
        for j, value in enumerate(_cells(lang, row), start=1):
            cell = sheet.cell(i, j, value)
            if isinstance(value, dt.date):
                cell.number_format = "DD/MM/YYYY" if lang == "fr" else "M/D/YYYY"
            elif isinstance(value, float):
                cell.number_format = (
                    '#,##0.00 "€"' if lang == "fr" else "#,##0.00"
                )  # fmt: skip
    stamp = dt.datetime(2024, 7, 1, 9, 0)
    book.properties.created = book.properties.modified = stamp
    book.save(HERE / f"{lang}_factures_titre_a1.xlsx")


def csv_export(lang: str) -> None:
    spec = LANGS[lang]
    width = len(spec["header"])
    out = io.StringIO()
    w = csv.writer(out, delimiter=";" if lang == "fr" else ",", lineterminator="\r\n")
    w.writerow([spec["title"]] + [""] * (width - 1))
    w.writerow([""] * width)
    w.writerow(spec["header"])
    for row in ROWS:
        shown = []
        for value in _cells(lang, row):
            if isinstance(value, dt.date):
                value = value.strftime(spec["date"])
            elif isinstance(value, float):
                value = (
                    f"{value:,.2f}".replace(",", "\u00a0").replace(".", ",") + " €"
                    if lang == "fr" else f"{value:,.2f}"
                )  # fmt: skip
            shown.append("" if value is None else value)
        w.writerow(shown)
    text = out.getvalue()
    data = text.encode("cp1252") if lang == "fr" else codecs.BOM_UTF8 + text.encode()
    (HERE / f"{lang}_factures_titre_a1.csv").write_bytes(data)


if __name__ == "__main__":
    for lang in LANGS:
        workbook(lang)
        csv_export(lang)
