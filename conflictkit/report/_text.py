"""The words and formatting of the HTML report, in English and French.

Section titles, sentences, the tables' column headers, the CSS, and the
number, date and table formatting.

Private to :mod:`conflictkit.report`.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .._labels import Verdict, label

#: Section ids and their titles in English and French.
SECTIONS: dict[str, tuple[str, str]] = {
    "summary": ("At a glance", "En bref"),
    "causes": ("Causes", "Causes"),
    "trend": ("Over the career", "Au fil de la carrière"),
    "clients": ("Clients", "Clients"),
    "recurring": ("Recurring causes", "Causes récurrentes"),
    "resolution": ("Time to resolution", "Délai de résolution"),
    "outcomes": ("Outcomes", "Issues"),
    "prevention": ("Prevention", "Prévention"),
    "handling": ("Handling", "Conduite des litiges"),
    "recommendations": ("Recommendations", "Recommandations"),
    "quality": ("Data quality", "Qualité des données"),
}

_TEXT: dict[str, tuple[str, str]] = {
    "title": ("Disputes with clients", "Litiges avec les clients"),
    "as_of": ("Data as of {date}", "Données au {date}"),
    "source": ("Source: {source}", "Source : {source}"),
    "contents": ("Contents", "Sommaire"),
    "disputes": ("disputes", "litiges"),
    "clients": ("clients", "clients"),
    "open": ("still open", "encore ouverts"),
    "missions": ("missions", "missions"),
    "at_stake": ("money at stake", "montant en jeu"),
    "recovered": ("money recovered", "montant récupéré"),
    "period": ("from {start} to {end}", "du {start} au {end}"),
    "causes_text": (
        "How often each cause is cited (a dispute counts once per cause it "
        "cites), most frequent first, with the cumulative share.",
        "Nombre de citations de chaque cause (un litige compte une fois par "
        "cause citée), de la plus fréquente à la moins fréquente, avec la part "
        "cumulée.",
    ),
    "trend_text": (
        "Disputes per year and cause, and whether each cause is rising or "
        "falling over the career (rate ratio per year).",
        "Litiges par an et par cause, et l'évolution de chaque cause au fil de "
        "la carrière (rapport de taux par an).",
    ),
    "clients_text": (
        "Disputes per client and cause; outlined cells are causes that recur "
        "with that client.",
        "Litiges par client et par cause ; les cases encadrées sont les causes "
        "récurrentes avec ce client.",
    ),
    "recurring_text": (
        "Causes over-represented with a client against your own baseline "
        "(exact test, Benjamini-Hochberg q-value), with the median gap between "
        "repeats.",
        "Causes sur-représentées avec un client par rapport à votre propre "
        "référence (test exact, q-valeur de Benjamini-Hochberg), avec l'écart "
        "médian entre deux répétitions.",
    ),
    "no_recurring": (
        "No cause recurs with any client.",
        "Aucune cause ne revient avec un client.",
    ),  # fmt: skip
    "resolution_text": (
        "Share of disputes still open after a number of days (Kaplan-Meier; "
        "open disputes are censored at the data date, not dropped).",
        "Part des litiges encore ouverts après un nombre de jours "
        "(Kaplan-Meier ; les litiges ouverts sont censurés à la date des "
        "données, pas écartés).",
    ),
    "outcomes_text": (
        "How disputes ended, the furthest escalation reached, client retention "
        "and money recovered, per cause.",
        "Comment les litiges se sont terminés, l'escalade atteinte, la "
        "fidélisation du client et l'argent récupéré, par cause.",
    ),
    "prevention_text": (
        "Dispute rate per mission-day with versus without each practice, "
        "comparing each client's missions with the same client's other "
        "missions (rate ratio below 1: fewer disputes with the practice).",
        "Taux de litiges par jour de mission avec et sans chaque pratique, en "
        "comparant les missions d'un client avec les autres missions du même "
        "client (rapport de taux inférieur à 1 : moins de litiges avec la "
        "pratique).",
    ),
    "no_missions": (
        "No missions table: rates and prevention effects need the missions.",
        "Pas de table des missions : les taux et les effets de la prévention "
        "en ont besoin.",
    ),
    "handling_text": (
        "With versus without proposing options and following up in writing: "
        "time to resolution, agreement and client retention.",
        "Avec ou sans propositions d'options et suivi écrit : délai de "
        "résolution, accord et fidélisation du client.",
    ),
    "recommendations_text": (
        "Preventive actions for each client's recurring causes.",
        "Actions préventives pour les causes récurrentes de chaque client.",
    ),
    "no_recommendations": ("No recommendation.", "Aucune recommandation."),
    "rejected": (
        "{n} rows of the file were rejected and are not in the analyses:",
        "{n} lignes du fichier ont été rejetées et ne sont pas analysées :",
    ),
    "rejected_missions": (
        "{n} mission rows were rejected:",
        "{n} lignes de missions ont été rejetées :",
    ),
    "no_rejected": ("No row was rejected.", "Aucune ligne rejetée."),
    "unlabelled": (
        "{n} disputes cite no cause (conflictkit suggest can propose some).",
        "{n} litiges ne citent aucune cause (conflictkit suggest peut en proposer).",
    ),
    "warnings": ("Notes on the analyses:", "Remarques sur les analyses :"),
    "from_invoices": (
        "{d} of the {n} invoices read are payment disputes: paid late, unpaid past "
        "their due date, written off or flagged as disputed.",
        "{d} des {n} factures lues sont des litiges de paiement : payées en retard, "
        "impayées après l'échéance, passées en perte ou signalées contestées.",
    ),
    "per_invoice": (
        "Exposure is counted in invoices (the export does not say the days billed): "
        "rates labelled per 100 mission-days are per 100 invoices.",
        "L'exposition est comptée en factures (l'export ne dit pas les jours "
        "facturés) : les taux notés pour 100 jours de mission sont pour 100 factures.",
    ),
    "merged": (
        "Two sources were merged; what was counted once:",
        "Deux sources ont été fusionnées ; ce qui n'a été compté qu'une fois :",
    ),
    "no_disputes": ("No dispute to analyse yet.", "Aucun litige à analyser."),
    "unavailable": ("Not available: {reason}", "Indisponible : {reason}"),
    "generated": (
        "Made with conflictkit {version}.",
        "Produit avec conflictkit {version}.",
    ),  # fmt: skip
}

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222;
  line-height: 1.45; }
h1 { margin-bottom: .2rem; }
h2 { border-bottom: 2px solid #ddd; padding-bottom: .2rem; margin-top: 2.2rem; }
.meta { color: #666; margin-top: 0; }
nav ol { columns: 2; }
.cards { display: flex; flex-wrap: wrap; gap: .8rem; }
.card { border: 1px solid #ddd; border-radius: 6px; padding: .6rem 1rem;
  min-width: 8rem; }
.card .n { font-size: 1.6rem; font-weight: 600; display: block; }
figure { margin: 1rem 0; }
figure img { max-width: 100%; height: auto; }
table { border-collapse: collapse; font-size: .85rem; margin: .8rem 0; }
th, td { border: 1px solid #ddd; padding: .25rem .5rem; text-align: left;
  vertical-align: top; }
th { background: #f4f4f4; }
td.num, th.num { text-align: right; }
.note { color: #555; font-size: .9rem; }
@media print {
  body { max-width: none; margin: 0; font-size: 10pt; }
  nav { display: none; }
  h2 { break-before: auto; break-after: avoid; }
  section, figure, table { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


# ------------------------------------------------------------------ formatting
def _p(text: str, cls: str | None = None) -> str:
    """A paragraph of already-escaped text."""
    attr = f' class="{cls}"' if cls else ""
    return f"<p{attr}>{text}</p>"


def _money(x: float, lang: str) -> str:
    if pd.isna(x):
        return "–"
    text = f"{x:,.0f}"
    return text.replace(",", "\u202f") if lang == "fr" else text


def _date(ts: Any, lang: str) -> str:
    ts = pd.Timestamp(ts)
    return ts.strftime("%d/%m/%Y") if lang == "fr" else ts.strftime("%Y-%m-%d")


def _number(v: float, *, p_value: bool = False, lang: str = "en") -> str:
    """Short display of a number: 3 significant digits, no exponent below 1e6.

    French writes ``0,33`` and ``1 500``.

    Examples
    --------
    >>> _number(1500.0), _number(1500.0, lang="fr"), _number(0.3333, lang="fr")
    ('1,500', '1\u202f500', '0,333')
    """
    if pd.isna(v):
        return ""
    if p_value:
        out = f"{v:.2g}"
    elif abs(v) >= 1000:
        out = f"{v:,.0f}"
    elif float(v).is_integer():
        out = f"{v:.0f}"
    else:
        out = f"{v:.3g}" if abs(v) < 100 else f"{v:.1f}"
    if lang == "fr":
        out = out.replace(",", "\u202f").replace(".", ",")
    return out


_LABELLED = ("cause", "primary_cause", "top_cause", "outcome", "group", "risk")

#: Column headers of the tables, in English and French.
HEADERS: dict[str, tuple[str, str]] = {
    "action": ("action", "action"),
    "agreement_p": ("agreement p", "p accord"),
    "agreement_with": ("agreement with", "accord avec"),
    "agreement_without": ("agreement without", "accord sans"),
    "amount_at_stake": ("at stake", "en jeu"),
    "amount_recovered": ("recovered", "récupéré"),
    "cause": ("cause", "cause"),
    "ci_high": ("CI high", "IC haut"),
    "ci_low": ("CI low", "IC bas"),
    "client": ("client", "client"),
    "cumulative_share": ("cumulative share", "part cumulée"),
    "days_with": ("mission-days with", "jours de mission avec"),
    "days_without": ("mission-days without", "jours de mission sans"),
    "direction": ("direction", "tendance"),
    "disputes_with": ("disputes with", "litiges avec"),
    "disputes_without": ("disputes without", "litiges sans"),
    "evidence": ("evidence", "constat"),
    "expected": ("expected", "attendu"),
    "group": ("group", "groupe"),
    "last_dispute_at": ("last dispute", "dernier litige"),
    "logrank_p": ("log-rank p", "p log-rank"),
    "median_days": ("median days", "jours (médiane)"),
    "median_days_with": ("median days with", "jours (médiane) avec"),
    "median_days_without": ("median days without", "jours (médiane) sans"),
    "median_gap_days": ("median gap (days)", "écart médian (jours)"),
    "mission_days": ("mission-days", "jours de mission"),
    "missions_with": ("missions with", "missions avec"),
    "missions_without": ("missions without", "missions sans"),
    "n": ("n", "n"),
    "n_disputes": ("disputes", "litiges"),
    "n_escalation_known": ("escalation known", "escalade connue"),
    "n_missions": ("missions", "missions"),
    "n_open": ("open", "ouverts"),
    "n_outcome_known": ("outcome known", "issue connue"),
    "n_resolved": ("resolved", "clos"),
    "n_retention_known": ("retention known", "fidélisation connue"),
    "n_unknown": ("unknown", "inconnus"),
    "n_with": ("with", "avec"),
    "n_without": ("without", "sans"),
    "p_value": ("p-value", "p-valeur"),
    "practice": ("practice", "pratique"),
    "priority": ("priority", "priorité"),
    "q_value": ("q-value", "q-valeur"),
    "rate_per_100_days": ("per 100 mission-days", "pour 100 jours de mission"),
    "rate_ratio": ("rate ratio", "rapport de taux"),
    "rate_ratio_per_year": ("rate ratio per year", "rapport de taux par an"),
    "reached_court": ("reached court", "jusqu'au tribunal"),
    "reached_mediation": ("reached mediation", "jusqu'à la médiation"),
    "reached_proposal": ("reached proposal", "jusqu'à la proposition"),
    "recovery_rate": ("recovery rate", "taux de récupération"),
    "recurring_causes": ("recurring causes", "causes récurrentes"),
    "retention": ("client kept", "client conservé"),
    "retention_p": ("retention p", "p fidélisation"),
    "retention_with": ("client kept with", "client conservé avec"),
    "retention_without": ("client kept without", "client conservé sans"),
    "risk": ("risk", "risque"),
    "risk_reason": ("why", "pourquoi"),
    "share": ("share", "part"),
    "share_abandoned": ("abandoned", "abandon"),
    "share_agreement": ("agreement", "accord"),
    "share_amicable": ("amicable", "à l'amiable"),
    "share_compromise": ("compromise", "compromis"),
    "share_conceded": ("conceded", "concédé"),
    "share_prevailed": ("prevailed", "obtenu gain de cause"),
    "slope": ("slope", "pente"),
    "top_cause": ("top cause", "cause principale"),
    "row": ("row", "ligne"),
    "problems": ("problems", "problèmes"),
}
_VERDICTS = frozenset(v.value for v in Verdict)
_DIRECTIONS = {
    "rising": ("rising", "en hausse"),
    "falling": ("falling", "en baisse"),
    "stable": ("stable", "stable"),
}


def _value_labels(col: str, values: pd.Series, lang: str) -> dict[str, str]:
    """Display names of the distinct values of a labelled column."""
    try:
        from ..plotting._common import group_label, practice_label
    except ImportError:  # pragma: no cover - plotting helpers absent
        group_label = practice_label = label  # type: ignore[assignment]
    i = 1 if lang == "fr" else 0
    out = {}
    for v in values.dropna().unique():
        if col == "practice":
            out[v] = practice_label(v, lang)
        elif col == "direction" and v in _VERDICTS:
            out[v] = label(Verdict(v), lang)
        elif col == "direction":
            out[v] = _DIRECTIONS.get(v, (v, v))[i]
        else:
            out[v] = group_label(v, lang)
    return out


def _table(frame: pd.DataFrame, lang: str, *, max_rows: int) -> str:
    """An escaped HTML table: labels and headers translated, numbers rounded."""
    out = frame.head(max_rows).copy()
    for col in out.columns:
        s = out[col]
        if col == "recurring_causes":  # "payment;scope": each cause's name
            text = s.astype("string")
            shown = {
                v: ", ".join(label(c, lang) for c in v.split(";") if c)
                for v in text.dropna().unique()
            }
            out[col] = text.map(shown)
        elif col in (*_LABELLED, "practice", "direction") and not (
            pd.api.types.is_numeric_dtype(s)
        ):
            text = s.astype("string")
            out[col] = text.map(_value_labels(col, text, lang))
        elif pd.api.types.is_float_dtype(s):
            p_like = col in ("p_value", "q_value") or col.endswith("_p")
            out[col] = s.map(lambda v, p=p_like: _number(v, p_value=p, lang=lang))
        elif pd.api.types.is_datetime64_any_dtype(s):
            out[col] = s.dt.strftime("%Y-%m-%d")
        elif pd.api.types.is_bool_dtype(s) or str(s.dtype) == "boolean":
            out[col] = s.astype("string")
    i = 1 if lang == "fr" else 0
    out = out.rename(columns={k: v[i] for k, v in HEADERS.items()})
    table = out.to_html(escape=True, index=False, na_rep="", border=0)
    more = len(frame) - len(out)
    if more > 0:
        word = "lignes de plus" if lang == "fr" else "more rows"
        table += _p(f"… {more} {word}", "note")
    return table
