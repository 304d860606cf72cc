"""The words of invoicing exports: headers, statuses and units, French and English.

Data only, read by :func:`conflictkit.read_invoices`. Keys are normalised
(:func:`conflictkit.io.vocabulary.normalize`: lower case, no accents, no
punctuation), so ``"Date d'échéance"``, ``"DATE D ECHEANCE"`` and
``"date_d_echeance"`` are one key.

Where each header comes from
----------------------------
``INVOICE_SOURCES`` names, for each tool, the export it was taken from and
where that export is documented. Two kinds of evidence:

- *file*: a real export file, headers copied as they are;
- *docs*: the tool's help pages or API reference name the fields, but no
  export file was seen; the spellings follow those pages.

A header not listed is kept, untouched, as an unused column
(``history.invoices`` keeps it); ``columns={"My header": "due_at"}`` maps
anything else.
"""

from __future__ import annotations

__all__ = [
    "HOURS_PER_DAY",
    "LEGAL_FORMS",
    "INVOICE_ALIASES",
    "INVOICE_FIELDS",
    "INVOICE_SOURCES",
    "INVOICE_STATUSES",
    "UNIT_WORDS",
]

#: What each canonical invoice field means (the targets of ``columns=``).
INVOICE_FIELDS: dict[str, str] = {
    "invoice_id": "the invoice number",
    "client": "who was invoiced",
    "issued_at": "the invoice date",
    "due_at": "the due date",
    "terms_days": "payment terms in days (Net 30 = 30), to derive a missing due date",
    "paid_at": "when it was paid (the last payment, for several)",
    "closed_at": "when it was written off, voided or credited",
    "amount": "the invoice total (tax included when the export has both)",
    "line_amount": "one line's total, in line-item exports (summed per invoice)",
    "amount_paid": "how much was paid",
    "balance": "how much is still owed",
    "written_off": "how much was written off",
    "status": "the invoice status (paid, overdue, disputed, void...)",
    "disputed": "a yes/no flag: the client disputes the invoice",
    "days_late": "days paid after the due date, as the export computed it",
    "days": "days worked that the invoice bills",
    "hours": "hours worked that the invoice bills",
    "quantity": "a line's quantity; days or hours only with a unit column",
    "unit": "the unit of the quantity (day, hour, jour, heure...)",
    "period_start": "start of the period the invoice bills",
    "period_end": "end of the period the invoice bills",
}

#: Tool -> (kind of evidence, what was seen, where). See the module docstring.
INVOICE_SOURCES: dict[str, tuple[str, str, str]] = {
    "FreshBooks": (
        "file",
        "invoices CSV, one row per line item: Client Name, Invoice #, Date Issued, "
        "Invoice Status, Date Paid, Item Name, Rate, Quantity, Line Total, Currency",
        "github.com/invoiceninja/invoiceninja tests/Feature/Import/"
        "freshbooks_invoices.csv, read by app/Import/Transformer/Freshbooks/"
        "InvoiceTransformer.php",
    ),
    "Zoho Invoice": (
        "file",
        "invoices CSV, one row per line item: Invoice Date, Invoice Number, Invoice "
        "Status, Customer Name, Due Date, Quantity, Usage unit, Item Total, Total, "
        "Balance, Payment Terms, Last Payment Date, WriteOff Date, WriteOff Amount",
        "github.com/invoiceninja/invoiceninja tests/Feature/Import/zoho_invoices.csv, "
        "read by app/Import/Transformer/Zoho/InvoiceTransformer.php",
    ),
    "Invoice Ninja": (
        "file",
        "invoice report CSV: Number, Client, Date, Due Date, Amount, Balance, Paid "
        "to Date, Status (labels of the report keys, lang/en/texts.php)",
        "github.com/invoiceninja/invoiceninja app/Export/CSV/InvoiceExport.php and "
        "BaseExport.php::buildHeader",
    ),
    "Invoice2go": (
        "file",
        "DocumentDate, DocumentNumber, Name, DocumentStatus, DatePaid, TotalAmount, "
        "BalanceDueAmount, AmountPaidAmount",
        "github.com/invoiceninja/invoiceninja tests/Feature/Import/i2g_invoices.csv",
    ),
    "Invoicely": (
        "file",
        'Date, Due, Details, Client, Status, Total ("Jan 28 2021", "1,020.00")',
        "github.com/invoiceninja/invoiceninja tests/Feature/Import/"
        "invoicely_invoices.csv",
    ),
    "QuickBooks Online": (
        "docs",
        "Invoice number, Customer, Invoice date, Due date, Terms, Item Quantity, "
        "Item Rate, Item Amount (the headers its invoice import maps by itself); "
        "Open balance / Balance Due in its receivables reports",
        "quickbooks.intuit.com/learn-support/en-ca/sales-and-invoicing/"
        "do-we-need-to-map-field-everytime-when-import-invoices/01/394876",
    ),
    "Stripe": (
        "docs",
        "Number, Customer Name, Amount Due, Amount Paid, Amount Remaining, Status "
        "(draft, open, paid, uncollectible, void), Created (UTC), Due Date (UTC), "
        "Paid At (UTC)",
        "docs.stripe.com/api/invoices/object (fields amount_due, amount_paid, "
        "amount_remaining, due_date, status, status_transitions.paid_at)",
    ),
    "Pennylane": (
        "docs",
        "invoice_number, label, date, deadline, amount, remaining_amount_with_tax, "
        "paid, status (API field names; French labels Date d'échéance, Reste à payer)",
        "pennylane.readme.io (customer invoices API reference)",
    ),
    "Abby": (
        "docs",
        "statuses Finalisé, En retard, Payé, paiement partiel; a payment has a "
        "Montant TTC and a Date de l'encaissement",
        "aide.abby.fr/fr/articles/10309180",
    ),
    "Indy": (
        "docs",
        "status Payée once an 'Encaissement facture' is linked",
        "wikicompta.indy.fr/fr/articles/7227662",
    ),
    "Tiime": (
        "docs",
        "lines with Désignation, Quantité, Unité (heure, jour...), Prix unitaire, "
        "Montant HT; invoices are cancelled ('annulée'), never deleted",
        "support.tiime.fr/fr/articles/6225199, help.tiime.fr/hc/fr/articles/"
        "360000325549",
    ),
    "Henrri": (
        "docs",
        "date d'échéance of each invoice (no export layout documented)",
        "support.henrri.com/hc/fr/articles/360002708017",
    ),
}

#: Header spellings (normalised) -> canonical invoice field.
INVOICE_ALIASES: dict[str, str] = {
    # the invoice number
    "invoice id": "invoice_id",
    "invoice number": "invoice_id",  # Zoho, QuickBooks, Wave
    "invoice no": "invoice_id",
    "invoice": "invoice_id",  # FreshBooks "Invoice #" normalises to "invoice"
    "number": "invoice_id",  # Invoice Ninja, Stripe
    "num": "invoice_id",  # QuickBooks reports
    "no": "invoice_id",
    "documentnumber": "invoice_id",  # Invoice2go
    "document number": "invoice_id",
    "details": "invoice_id",  # Invoicely
    "facture": "invoice_id",
    "numero": "invoice_id",
    "numero de facture": "invoice_id",
    "n facture": "invoice_id",
    "n de facture": "invoice_id",
    "no facture": "invoice_id",
    "num facture": "invoice_id",
    "reference": "invoice_id",
    "reference facture": "invoice_id",
    "invoice_number": "invoice_id",
    # the client
    "client": "client",  # Invoice Ninja, Invoicely
    "client name": "client",  # FreshBooks
    "customer": "client",  # QuickBooks
    "customer name": "client",  # Zoho, Stripe
    "name": "client",  # Invoice2go
    "nom du client": "client",
    "nom client": "client",
    "raison sociale": "client",
    "societe": "client",
    "tiers": "client",
    "destinataire": "client",
    # the invoice date
    "date": "issued_at",  # Invoice Ninja, Invoicely, Pennylane
    "date issued": "issued_at",  # FreshBooks
    "invoice date": "issued_at",  # Zoho, QuickBooks
    "issue date": "issued_at",
    "issued": "issued_at",
    "issued at": "issued_at",
    "documentdate": "issued_at",  # Invoice2go
    "created": "issued_at",
    "created utc": "issued_at",  # Stripe
    "date utc": "issued_at",  # Stripe (older exports)
    "date de facture": "issued_at",
    "date facture": "issued_at",
    "date de facturation": "issued_at",
    "date d emission": "issued_at",
    "date emission": "issued_at",
    "emise le": "issued_at",
    "date de creation": "issued_at",  # Abby
    # the due date
    "due date": "due_at",  # Zoho, QuickBooks, Invoice Ninja
    "due": "due_at",  # Invoicely
    "due date utc": "due_at",  # Stripe
    "due on": "due_at",
    "deadline": "due_at",  # Pennylane
    "date d echeance": "due_at",
    "echeance": "due_at",
    "date echeance": "due_at",
    "date limite de paiement": "due_at",
    "a payer avant le": "due_at",
    # payment terms
    "payment terms": "terms_days",  # Zoho (a number of days)
    "terms": "terms_days",  # QuickBooks ("Net 30")
    "delai de paiement": "terms_days",
    "conditions de paiement": "terms_days",
    # when it was paid
    "date paid": "paid_at",  # FreshBooks
    "datepaid": "paid_at",  # Invoice2go
    "paid date": "paid_at",
    "paid on": "paid_at",
    "paid at": "paid_at",
    "paid at utc": "paid_at",  # Stripe
    "payment date": "paid_at",
    "last payment date": "paid_at",  # Zoho
    "payee le": "paid_at",
    "paye le": "paid_at",
    "reglee le": "paid_at",
    "date de paiement": "paid_at",
    "date paiement": "paid_at",
    "date de reglement": "paid_at",
    "date d encaissement": "paid_at",
    "date de l encaissement": "paid_at",  # Abby
    "encaissee le": "paid_at",
    # written off, voided, credited
    "writeoff date": "closed_at",  # Zoho
    "write off date": "closed_at",
    "marked uncollectible at utc": "closed_at",  # Stripe
    "voided at utc": "closed_at",  # Stripe
    "date de passage en perte": "closed_at",
    "date d annulation": "closed_at",
    # the amount
    "total": "amount",  # Zoho, Invoicely
    "amount": "amount",  # Invoice Ninja
    "invoice total": "amount",  # Wave
    "invoice amount": "amount",
    "totalamount": "amount",  # Invoice2go
    "amount due": "amount",  # Stripe: the total asked, before payments
    "total ttc": "amount",
    "montant ttc": "amount",
    "montant": "amount",
    "montant total": "amount",
    "total facture": "amount",
    # one line's amount (line-item exports)
    "line total": "line_amount",  # FreshBooks
    "item total": "line_amount",  # Zoho
    "item amount": "line_amount",  # QuickBooks
    "line amount": "line_amount",
    "montant ligne": "line_amount",
    # paid so far
    "amount paid": "amount_paid",  # Stripe
    "paid to date": "amount_paid",  # Invoice Ninja
    "amountpaidamount": "amount_paid",  # Invoice2go
    "invoice paid": "amount_paid",  # Wave
    "montant paye": "amount_paid",
    "montant regle": "amount_paid",
    "montant encaisse": "amount_paid",
    "deja paye": "amount_paid",
    # still owed
    "balance": "balance",  # Zoho, Invoice Ninja
    "balance due": "balance",  # Invoice Ninja, QuickBooks
    "open balance": "balance",  # QuickBooks reports
    "amount remaining": "balance",  # Stripe
    "balancedueamount": "balance",  # Invoice2go
    "outstanding": "balance",
    "amount outstanding": "balance",
    "remaining amount": "balance",
    "remaining amount with tax": "balance",  # Pennylane
    "reste a payer": "balance",
    "restant du": "balance",
    "reste du": "balance",
    "solde": "balance",
    "solde du": "balance",
    "montant restant": "balance",
    "montant du": "balance",
    # written off
    "writeoff amount": "written_off",  # Zoho
    "write off amount": "written_off",
    "written off": "written_off",
    "montant passe en perte": "written_off",
    "perte": "written_off",
    # status
    "status": "status",  # Invoice Ninja, Invoicely, Stripe, Pennylane
    "invoice status": "status",  # FreshBooks, Zoho
    "documentstatus": "status",  # Invoice2go
    "state": "status",
    "statut": "status",
    "etat": "status",
    "statut de paiement": "status",
    "statut paiement": "status",
    # disputed flag
    "disputed": "disputed",
    "dispute": "disputed",
    "in dispute": "disputed",
    "litige": "disputed",
    "en litige": "disputed",
    "contestee": "disputed",
    "conteste": "disputed",
    "contestation": "disputed",
    # days late as computed by the export
    "days late": "days_late",
    "days overdue": "days_late",
    "days past due": "days_late",
    "past due": "days_late",  # QuickBooks aging detail
    "jours de retard": "days_late",
    "retard jours": "days_late",
    "retard en jours": "days_late",
    "nombre de jours de retard": "days_late",
    # days or hours billed
    "days": "days",
    "days worked": "days",
    "jours": "days",
    "jours factures": "days",
    "nombre de jours": "days",
    "nb jours": "days",
    "jours travailles": "days",
    "hours": "hours",
    "hours worked": "hours",
    "heures": "hours",
    "nombre d heures": "hours",
    "quantity": "quantity",  # FreshBooks, Zoho
    "item quantity": "quantity",  # QuickBooks
    "qty": "quantity",
    "quantite": "quantity",  # Tiime
    "qte": "quantity",
    "usage unit": "unit",  # Zoho
    "unit": "unit",
    "unite": "unit",  # Tiime
    # billing period
    "period start": "period_start",
    "period start utc": "period_start",  # Stripe
    "period end": "period_end",
    "period end utc": "period_end",  # Stripe
    "debut de periode": "period_start",
    "fin de periode": "period_end",
    "periode du": "period_start",
    "periode au": "period_end",
}

#: Status words (normalised) -> what the export says about the invoice.
#: ``open`` = sent and not settled; ``overdue`` = the tool says it is late;
#: ``void``, ``draft`` = not an invoice anyone owes (not counted at all).
INVOICE_STATUSES: dict[str, str] = {
    "paid": "paid",
    "paid in full": "paid",
    "closed": "paid",
    "succeeded": "paid",
    "payee": "paid",
    "paye": "paid",
    "reglee": "paid",
    "regle": "paid",
    "encaissee": "paid",
    "soldee": "paid",
    "acquittee": "paid",
    "auto paid": "paid",  # FreshBooks
    "autopaid": "paid",
    "partial": "partial",
    "partially paid": "partial",
    "partly paid": "partial",
    "partiellement payee": "partial",
    "partiellement paye": "partial",
    "partiellement reglee": "partial",
    "paiement partiel": "partial",
    "sent": "open",
    "approved": "open",  # Invoice Ninja
    "failed": "open",  # FreshBooks: a card payment that failed
    "retry": "open",
    "viewed": "open",
    "open": "open",
    "outstanding": "open",
    "unpaid": "open",
    "due": "open",
    "pending": "open",
    "awaiting payment": "open",
    "upcoming": "open",
    "finalise": "open",
    "finalisee": "open",
    "envoyee": "open",
    "envoye": "open",
    "a payer": "open",
    "en attente": "open",
    "en attente de paiement": "open",
    "non payee": "open",
    "impayee": "open",
    "a venir": "open",
    "overdue": "overdue",
    "late": "overdue",
    "past due": "overdue",
    "en retard": "overdue",
    "retard": "overdue",
    "echue": "overdue",
    "disputed": "disputed",
    "in dispute": "disputed",
    "dispute": "disputed",
    "litige": "disputed",
    "en litige": "disputed",
    "contestee": "disputed",
    "uncollectible": "written_off",
    "written off": "written_off",
    "write off": "written_off",
    "bad debt": "written_off",
    "irrecouvrable": "written_off",
    "passee en perte": "written_off",
    "perte": "written_off",
    "credited": "credited",
    "credit note": "credited",
    "reversed": "credited",  # Invoice Ninja
    "avoir": "credited",
    "annulee par avoir": "credited",
    "void": "void",
    "voided": "void",
    "cancelled": "void",
    "canceled": "void",
    "deleted": "void",
    "annulee": "void",
    "annule": "void",
    "draft": "draft",
    "brouillon": "draft",
    "unsent": "draft",
}

#: Unit words (normalised) -> "day" or "hour"; other units say nothing of time.
UNIT_WORDS: dict[str, str] = {
    "day": "day",
    "days": "day",
    "d": "day",
    "jour": "day",
    "jours": "day",
    "j": "day",
    "jour homme": "day",
    "jh": "day",
    "man day": "day",
    "hour": "hour",
    "hours": "hour",
    "h": "hour",
    "hr": "hour",
    "hrs": "hour",
    "heure": "hour",
    "heures": "hour",
    "labor hours": "hour",  # Invoice2go unit_type labor_hours
}

#: Legal forms (normalised) ignored when matching client names: "Acme SAS",
#: "ACME Corp." and "Acme" are one client. Dotted forms ("S.A.R.L.") are glued
#: back ("sarl") before the match.
LEGAL_FORMS: frozenset[str] = frozenset(
    {
        # France, Belgium, Switzerland, Luxembourg
        "sas",
        "sasu",
        "sarl",
        "eurl",
        "sa",
        "sci",
        "scop",
        "scp",
        "snc",
        "selarl",
        "selas",
        "sem",
        "ei",
        "eirl",
        "gie",
        "sprl",
        "srl",
        "asbl",
        "cie",
        "et cie",
        # English-speaking countries
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "llp",
        "lp",
        "plc",
        "corp",
        "corporation",
        "co",
        "company",
        "pty",
        # elsewhere in Europe
        "gmbh",
        "ag",
        "kg",
        "bv",
        "nv",
        "spa",
        "sl",
        "oy",
        "ab",
        "as",
        "aps",
    }
)

#: Hours that make one day worked, to turn an hours column into days.
HOURS_PER_DAY = 8.0
