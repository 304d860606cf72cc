"""Write the realistic test files of tests/data/ (run once; the bytes are committed).

Each file imitates what freelancers and their tools really write: an Excel
"CSV (séparateur : point-virgule)" export in Windows-1252 with CRLF and the
``;;;;;;`` rows Excel leaves after the data, a UTF-8 file with a BOM and ISO
dates wrapped in quotes, a workbook with empty rows and a TOTAL line, an
accounts-receivable export where only some invoices are disputed, a French
accounting export, a DOS (cp850) export, a double-encoded file. The real
French text comes from the Allociné reviews (MIT; see SOURCE.md).

Run: ``python tests/data/make_corpus.py`` from the repository root.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from pathlib import Path

HERE = Path(__file__).parent
REALDATA = Path(
    "/work/shared/realdata/fr-allocine-sentiment/allocine_reviews_sample.csv"
)


def excel_fr_cp1252() -> None:
    """A freelancer's log saved by French Excel as 'CSV (point-virgule)'."""
    rows = [
        [
            "N°",
            "Client",
            "Début",
            "Réglé le",
            "Motif",
            "Issue",
            "Gravité",
            "Montant",
            "Récupéré",
            "Commentaire",
        ],
        [
            "L-001",
            "Société Générale des Eaux",
            "07/04/2021",
            "21/04/2021",
            "paiement en retard",
            "compromis",
            "élevée",
            "1 500,00 €",
            "750,00 €",
            "Relance n°3, toujours rien",
        ],
        [
            "L-002",
            "Atelier Dupré",
            "25/05/2021",
            "",
            "devis contesté",
            "en cours",
            "moyenne",
            "800",
            "",
            "Il veut une version mobile en plus",
        ],
        [
            "L-003",
            "Boulangerie Lefèvre",
            "03/06/2021",
            "01/07/2021",
            "retard de livraison",
            "amiable",
            "faible",
            "N/A",
            "néant",
            "Planning glissé d'une semaine",
        ],
        [
            "L-004",
            "Crèche Les Hirondelles",
            "14/09/2021",
            "30/09/2021",
            "facture en retard",
            "gain de cause",
            "",
            "2 350,50 €",
            "2 350,50 €",
            "Payé après mise en demeure",
        ],
        [
            "L-005",
            "Atelier Dupré",
            "02/11/2021",
            "",
            "ton condescendant",
            "-",
            "",
            "-",
            "",
            "Réunion tendue, propos déplacés",
        ],
        [
            "L-006",
            "Société Générale des Eaux",
            "18/01/2022",
            "",
            "N/A",
            "en cours",
            "",
            "",
            "",
            "Cause à déterminer",
        ],
        [
            "L-007",
            "Boulangerie Lefèvre",
            "27/02/2022",
            "15/03/2022",
            "retard de paiement; ton directif",
            "perdu",
            "haute",
            "980,00 €",
            "0,00 €",
            "Facture passée en perte",
        ],
        ["TOTAL", "", "", "", "", "", "", "5 630,50 €", "3 100,50 €", ""],
    ]
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    text = out.getvalue()
    text += ";;;;;;;;;\r\n" * 3
    (HERE / "fr_excel_cp1252.csv").write_bytes(text.encode("cp1252"))


def excel_fr_cp1252_with_errors() -> None:
    """The same kind of export, typed in a hurry: rows a reader must reject.

    Every mistake is one people make in a spreadsheet kept by hand: a date
    that does not exist (31/02), a resolution typed before the opening, a
    cause with a typo, an amount with the letter O for a zero, a negative
    amount, an id copied twice, a client left as ``N/A``, a severity and a
    "client kept" answer outside the lists, and one row with two mistakes.
    """
    header = ["N°", "Client", "Début", "Réglé le", "Motif", "Issue", "Gravité",
              "Montant", "Client conservé", "Commentaire"]  # fmt: skip
    rows = [
        header,
        ["L-101", "Société Générale des Eaux", "07/04/2021", "21/04/2021",
         "paiement en retard", "compromis", "élevée", "1 500,00 €", "oui",
         "Relance n°3, toujours rien"],
        ["L-102", "Atelier Dupré", "31/02/2022", "", "devis contesté", "en cours",
         "moyenne", "800", "", "Il veut une version mobile en plus"],
        ["L-103", "Boulangerie Lefèvre", "03/06/2021", "01/05/2021",
         "retard de livraison", "amiable", "faible", "", "oui",
         "Planning glissé d'une semaine"],
        ["L-104", "Crèche Les Hirondelles", "14/09/2021", "30/09/2021",
         "retard de paiment", "gain de cause", "", "2 350,50 €", "non",
         "Payé après mise en demeure"],
        ["L-105", "Atelier Dupré", "02/11/2021", "", "ton condescendant", "-", "",
         "1 2OO €", "", "Réunion tendue, propos déplacés"],
        ["L-101", "Société Générale des Eaux", "18/01/2022", "", "délais", "en cours",
         "", "", "", "Copié-collé de la première ligne"],
        ["L-107", "N/A", "27/02/2022", "15/03/2022", "retard de paiement; ton directif",
         "perdu", "haute", "980,00 €", "non", "Facture passée en perte"],
        ["L-108", "Atelier Dupré", "12/04/2022", "", "périmètre", "", "très grave",
         "-150 €", "peut-être", "Avoir à déduire ?"],
        ["L-109", "Boulangerie Lefèvre", "3O/05/2022", "", "confiance en berne", "",
         "moyenne", "600", "", "Deux erreurs sur la même ligne"],
        ["L-110", "Crèche Les Hirondelles", "20/06/2022", "04/07/2022", "délais",
         "amiable", "faible", "450,00 €", "oui", "Livraison décalée d'une semaine"],
        ["TOTAL", "", "", "", "", "", "", "5 450,50 €", "", ""],
    ]  # fmt: skip
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    text = out.getvalue() + ";;;;;;;;;\r\n" * 2
    (HERE / "fr_excel_cp1252_erreurs.csv").write_bytes(text.encode("cp1252"))


def utf8_bom_quoted_dates() -> None:
    """An export from a web tool: UTF-8 with a BOM, ISO timestamps kept in quotes."""
    out = io.StringIO()
    w = csv.writer(out, delimiter=",", lineterminator="\n")
    w.writerow(["ticket", "customer", "created", "closed", "reason", "result",
                "notes"])  # fmt: skip
    w.writerow(["T-88", "Nova Voyages", '"2022-07-13T10:59:23Z"',
                '"2022-07-20T08:00:00Z"', "late payment", "compromise",
                "Paid half, rest in August"])  # fmt: skip
    w.writerow(["T-91", "Atelier Conseil", '"2022-08-02T14:30:00Z"', "", "scope creep",
                "", "New pages \u201cjust one more\u201d"])  # fmt: skip
    w.writerow(["T-97", "Nova Voyages", '"2022-09-15T09:12:44Z"', "null",
                "None", "", "No cause recorded"])  # fmt: skip
    (HERE / "en_utf8_bom_quoted_dates.csv").write_bytes(
        b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")
    )


def workbook_with_blank_rows_and_total() -> None:
    """A workbook kept by hand: French sheet names, empty rows, a TOTAL line."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Litiges"
    ws.append(["Client", "Ouvert le", "Date de règlement", "Objet", "Résultat",
               "Montant en jeu", "Client conservé"])  # fmt: skip
    ws.append(["Acme", dt.datetime(2023, 1, 9), dt.datetime(2023, 2, 1),
               "Retard de paiment", "compromis", 1200.0, "oui"])  # fmt: skip
    ws.append(["Acme", dt.datetime(2023, 3, 14), None, "hors périmètre", None, 450,
               "oui"])  # fmt: skip
    ws.append([])  # an empty row typed in the middle
    ws.append(["Nova", dt.datetime(2023, 5, 2), dt.datetime(2023, 5, 30),
               "délais", "amiable", None, "non"])  # fmt: skip
    ws.append([])
    ws.append(["TOTAL", None, None, None, None, "=SUM(F2:F5)", None])
    brouillon = wb.create_sheet("Brouillon")
    for i in range(50):
        brouillon.append([f"idée {i}", i])
    ms = wb.create_sheet("Missions")
    ms.append(["Mission", "Client", "Début", "Fin", "TJM"])
    ms.append(["M1", "Acme", dt.datetime(2022, 12, 1), None, 550])
    wb.save(HERE / "fr_classeur_lignes_vides_total.xlsx")


def accounts_receivable() -> None:
    """An accounting tool's receivables export: only 'Disputed = Yes' are disputes."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(["Invoice No", "Customer", "Invoice Date", "Due Date", "Paid On",
                "Amount", "Disputed", "Dispute Reason", "Memo"])  # fmt: skip
    data = [
        [
            "INV-1001",
            "Brightline Ltd",
            "01/15/2024",
            "02/14/2024",
            "02/10/2024",
            "$4,200.00",
            "No",
            "",
            "",
        ],
        [
            "INV-1002",
            "Harbor & Co",
            "01/22/2024",
            "02/21/2024",
            "",
            "$1,850.00",
            "Yes",
            "Late payment",
            "Chased 3 times",
        ],
        [
            "INV-1003",
            "Brightline Ltd",
            "02/03/2024",
            "03/04/2024",
            "03/29/2024",
            "$2,400.00",
            "Yes",
            "Out of scope",
            "Extra pages billed",
        ],
        [
            "INV-1004",
            "Kestrel Apps",
            "02/19/2024",
            "03/20/2024",
            "03/18/2024",
            "$950.00",
            "No",
            "",
            "",
        ],
        [
            "INV-1005",
            "Harbor & Co",
            "03/01/2024",
            "03/31/2024",
            "",
            "$3,100.00",
            "Yes",
            "No",
            "Disputed but reason not given",
        ],
        [
            "INV-1006",
            "Kestrel Apps",
            "03/12/2024",
            "04/11/2024",
            "04/30/2024",
            "$1,275.50",
            "Yes",
            "Rude emails",
            "",
        ],
    ]
    for row in data:
        w.writerow(row)
    w.writerow(["", "", "", "", "", "$13,775.50", "", "", ""])
    (HERE / "en_accounts_receivable.csv").write_bytes(out.getvalue().encode("utf-8"))


def dos_export_cp850() -> None:
    """An old DOS accounting tool's export, in code page 850."""
    text = (
        "Client;Date litige;Date de clôture;Nature;Montant\r\n"
        "Garage Hébert;12/10/2020;02/11/2020;impayé;1 250,00\r\n"
        "Café de la Gare;05/01/2021;;délai;300,00\r\n"
        "Ébénisterie Müller;17/03/2021;30/03/2021;périmètre;2 000,00\r\n"
    )
    (HERE / "fr_dos_cp850.csv").write_bytes(text.encode("cp850"))


def double_encoded() -> None:
    """A cp1252 file opened as UTF-8 and saved again: 'Début' became 'DÃ©but'."""
    text = (
        "Client;Ouvert le;Motif\n"
        "Société Générale;07/04/2021;délais\n"
        "Crèche Les Hirondelles;25/05/2021;périmètre\n"
    )
    garbled = text.encode("utf-8").decode("cp1252").encode("utf-8")
    (HERE / "fr_double_encoded.csv").write_bytes(garbled)


def allocine_notes() -> None:
    """Real French prose (Allociné reviews) as the notes of a cp1252 log."""
    with REALDATA.open(encoding="utf-8", newline="") as f:
        reviews = [r["text"] for r in csv.DictReader(f)]
    picked = []
    for text in reviews:
        short = " ".join(text.split())[:300]
        try:
            short.encode("cp1252")
        except UnicodeEncodeError:
            continue
        if any("\u0080" <= ch <= "\u009f" for ch in short):
            continue
        picked.append(short)
        if len(picked) == 40:
            break
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")
    w.writerow(["Client", "Ouvert le", "Motif", "Commentaire"])
    causes = ["délais", "paiement", "périmètre", "ton", "confiance"]
    for i, text in enumerate(picked):
        w.writerow([f"Client {i % 7}", f"{1 + i % 28:02d}/0{1 + i % 9}/2022",
                    causes[i % 5], text])  # fmt: skip
    (HERE / "fr_allocine_notes_cp1252.csv").write_bytes(out.getvalue().encode("cp1252"))
    # the real review that was already garbled in its source (an 'œ' read as
    # a C1 control character): the file must be refused, not read
    bad = next(t for t in reviews if "\u009c" in t)
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\n")
    w.writerow(["Client", "Ouvert le", "Commentaire"])
    w.writerow(["Client 1", "2022-03-01", " ".join(bad.split())[:400]])
    (HERE / "fr_allocine_mojibake.csv").write_bytes(out.getvalue().encode("utf-8"))


#: One French log, saved three ways below (Excel "Texte Unicode", a
#: PowerShell UTF-16 export, Excel "CSV (point-virgule)"): notes typed with
#: Alt+Enter hold line breaks, two dates are wrong after them, a row is left
#: empty in the middle. Spreadsheet rows: header 1, L-001 row 2, ...
MULTILINE_LOG = [
    ["N°", "Client", "Début", "Réglé le", "Motif", "Issue", "Montant",
     "Commentaire"],
    ["L-001", "Société Générale des Eaux", "21/04/2021", "30/04/2021",
     "paiement en retard", "compromis", "1 500,00 €",
     "Relance n°3\nToujours rien au 28/04"],
    ["L-002", "Atelier Dupré", "25/05/2021", "", "devis contesté", "en cours",
     "800", "Il veut une version mobile en plus.\n\nDevis v2 envoyé le 27/05"],
    ["L-003", "Boulangerie Lefèvre", "14/06/2021", "01/07/2021",
     "retard de livraison", "amiable", "N/A", "RAS"],
    ["L-004", "Crèche Les Hirondelles", "15/09/2021", "30/09/2021",
     "ton condescendant", "compromis", "2 300,00 €",
     "Réunion tendue ;\ncompte rendu envoyé\nle lendemain"],
    ["L-005", "Garage Moreau", "18/10/2021", "02/11/2021",
     "paiement en retard", "gagné", "950", "écran 27\" livré en retard"],
    ["L-006", "Atelier Dupré", "31/02/2022", "", "périmètre",
     "en cours", "1 200", "Date à vérifier\n(bon de commande ?)"],
    ["", "", "", "", "", "", "", ""],
    ["L-007", "Société Générale des Eaux", "16/03/2022", "18/04/2022",
     "paiement en retard", "perdu", "3 000,00 €",
     "Mise en demeure\nAR reçu le 25/03\nAucun paiement"],
    ["L-008", "Cabinet Roux", "17/05/2022", "20/05/2022", "délais",
     "amiable", "", ""],
    ["L-009", "Garage Moreau", "3O/05/2022", "", "paiement en retard",
     "en cours", "450", "Relance\nRelance 2"],
    ["L-010", "Boulangerie Lefèvre", "20/06/2022", "22/07/2022",
     "confiance", "compromis", "600", "Il doute du chiffrage"],
    ["L-011", "Cabinet Roux", "13/09/2022", "", "paiement en retard",
     "en cours", "1 100", "Facture F-2022-31\nrelancée 2 fois"],
    ["L-012", "Crèche Les Hirondelles", "14/10/2022", "28/10/2022",
     "devis contesté", "amiable", "700", "RAS"],
]  # fmt: skip


def _log_text(delimiter: str, quoting: int) -> str:
    """The log as a spreadsheet writes it: CRLF between rows, LF inside cells."""
    out = io.StringIO()
    w = csv.writer(out, delimiter=delimiter, lineterminator="\r\n", quoting=quoting)
    w.writerows(MULTILINE_LOG)
    return out.getvalue()


def excel_unicode_text_utf16() -> None:
    """Excel's "Texte Unicode (*.txt)": UTF-16 LE with a BOM, tabs, CRLF."""
    text = _log_text("\t", csv.QUOTE_MINIMAL)
    text += "\t" * 7 + "\r\n"  # a row of the used range left empty at the end
    (HERE / "fr_excel_texte_unicode_utf16.txt").write_bytes(
        codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    )


def powershell_utf16_crlf() -> None:
    """PowerShell ``Export-Csv -Encoding Unicode``: UTF-16 LE with a BOM,
    commas, every field quoted, CRLF."""
    text = _log_text(",", csv.QUOTE_ALL)  # the empty row: "","",...
    (HERE / "fr_export_powershell_utf16.csv").write_bytes(
        codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    )


def excel_cp1252_multiline() -> None:
    """Excel "CSV (point-virgule)", Windows-1252, with ``;;;;;;;`` rows after
    the data, then touched up by hand: the inch mark of L-005 unquoted (as
    tools that quote only separators and line breaks write it) and an empty
    line before L-009."""
    text = _log_text(";", csv.QUOTE_MINIMAL)
    text = text.replace('"écran 27"" livré en retard"', 'écran 27" livré en retard')
    # a line left empty when the file was touched up in Notepad: row 11
    text = text.replace("\r\nL-009;", "\r\n\r\nL-009;")
    text += ";" * 7 + "\r\n"
    text += ";" * 7 + "\r\n"
    text += "\r\n"  # the line end a text editor leaves
    (HERE / "fr_excel_cp1252_multiligne.csv").write_bytes(text.encode("cp1252"))


if __name__ == "__main__":
    excel_fr_cp1252()
    excel_fr_cp1252_with_errors()
    utf8_bom_quoted_dates()
    workbook_with_blank_rows_and_total()
    accounts_receivable()
    dos_export_cp850()
    double_encoded()
    allocine_notes()
    excel_unicode_text_utf16()
    powershell_utf16_crlf()
    excel_cp1252_multiline()
