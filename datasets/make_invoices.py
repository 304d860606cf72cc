"""Write ``notebook-invoices.csv``: five years of a freelancer's invoices.

A French invoicing export as such tools write it (semicolons, cp1252,
``dd/mm/yyyy``, ``1 500,00 €``, statuses ``Payée`` / ``En retard`` /
``Envoyée`` / ``Passée en perte``), for ``notebooks/07-from-invoices.ipynb``.
It is simulated, with patterns planted so the notebook can show them:

- Garage Martin SARL paid late more often than not until mid-2023, then
  mostly on time (a change the trend and change-point analyses should see);
- Helios Inc paid on time until 2024, then later and later;
- Mairie de Sète (a public body) pays 30 to 60 days late, all along;
- Boulangerie Petit is sometimes late, and one invoice was written off;
- Studio Nomade and Orbis SARL pay on time, with rare exceptions.

Late payments follow published figures loosely: about 29% of freelance
invoices are paid late, most within two weeks (Bonsai, 2018). Run
``python datasets/make_invoices.py`` to write the file again (same seed, same
file).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

SEED = 7
START, END = pd.Timestamp("2021-01-01"), pd.Timestamp("2025-12-31")

# client -> (p(an invoice a month), amount, p(late) before, after, when, delay)
CLIENTS = {
    "Garage Martin SARL": (0.9, 2400, 0.75, 0.08, "2023-07-01", 20),
    "Helios Inc": (0.7, 4200, 0.05, 0.75, "2024-01-01", 25),
    "Mairie de Sète": (0.5, 3600, 0.70, 0.70, "2023-01-01", 40),
    "Boulangerie Petit": (0.35, 900, 0.30, 0.30, "2023-01-01", 12),
    "Studio Nomade": (0.7, 5400, 0.06, 0.06, "2023-01-01", 8),
    "Orbis SARL": (0.4, 3000, 0.05, 0.05, "2023-01-01", 6),
}


def main() -> None:
    rng = np.random.default_rng(SEED)
    rows = []
    number = 0
    months = pd.date_range(START, END, freq="MS")
    for month in months:
        for client, (p_inv, amount, before, after, when, delay) in CLIENTS.items():
            if rng.random() > p_inv:
                continue
            number += 1
            issued = month + pd.Timedelta(days=int(rng.integers(0, 5)))
            due = issued + pd.Timedelta(days=30)
            p_late = before if issued < pd.Timestamp(when) else after
            if client == "Helios Inc" and issued >= pd.Timestamp(when):
                delay = 25 + (issued - pd.Timestamp(when)).days // 20
            total = round(amount * rng.uniform(0.7, 1.3), 2)
            if rng.random() < p_late:
                paid = due + pd.Timedelta(days=int(rng.gamma(2.0, delay / 2.0)) + 1)
            else:
                paid = due - pd.Timedelta(days=int(rng.integers(0, 12)))
            status = "Payée"
            if paid > END:  # not paid by the export date
                paid = None
                status = "En retard" if due < END else "Envoyée"
            rows.append(
                [
                    f"F-{issued:%Y}-{number:03d}",
                    client,
                    issued,
                    due,
                    status,
                    paid,
                    total,
                ]
            )
    frame = pd.DataFrame(
        rows,
        columns=[
            "N° facture",
            "Client",
            "Date de facture",
            "Date d'échéance",
            "Statut",
            "Payée le",
            "Montant TTC",
        ],
    )
    # one write-off: a small client's invoice never paid, written off
    target = frame.index[
        (frame["Client"] == "Boulangerie Petit")
        & (frame["Date de facture"].dt.year == 2022)
    ][0]
    frame.loc[target, ["Statut", "Payée le"]] = ["Passée en perte", None]
    # one invoice the client contests, paid once settled
    contested = frame.index[
        (frame["Client"] == "Helios Inc") & (frame["Date de facture"].dt.year == 2025)
    ][0]
    frame["Litige"] = ""
    frame.loc[contested, "Litige"] = "oui"
    for col in ("Date de facture", "Date d'échéance", "Payée le"):
        frame[col] = pd.to_datetime(frame[col]).dt.strftime("%d/%m/%Y").fillna("")
    frame["Montant TTC"] = frame["Montant TTC"].map(
        lambda v: f"{v:,.2f} €".replace(",", " ").replace(".", ",")
    )
    path = Path(__file__).parent / "notebook-invoices.csv"
    frame.to_csv(path, sep=";", index=False, encoding="cp1252")
    print(f"{len(frame)} invoices written to {path}")


if __name__ == "__main__":
    main()
