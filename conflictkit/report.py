"""One self-contained HTML report of a dispute history, in English or French.

Figures are embedded as base64 PNG and the CSS is inline, so the file opens
offline, can be mailed to a mediator and prints cleanly.
"""

from __future__ import annotations

import base64
import html
import io
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from ._labels import check_lang, label
from .model import History

__all__ = ["build_report"]

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


def build_report(
    history: History, path: str | Path = "report.html", *, lang: str = "en"
) -> Path:
    """Write every analysis of a history to one self-contained HTML file.

    The file needs nothing else: figures are embedded PNG images, the CSS is
    inline and nothing is fetched from the network, so it opens offline and
    can be sent to a mediator or an agency (see :func:`conflictkit.anonymize`
    first). It prints cleanly (print styles avoid splitting figures).

    Parameters
    ----------
    history : History
        The disputes (and missions, for rates and prevention effects).
    path : str or Path, default="report.html"
        Where to write the report.
    lang : {"en", "fr"}, default="en"
        Language of the titles, texts, labels and recommendations.

    Returns
    -------
    Path
        The file written.

    Notes
    -----
    Sections: at a glance (disputes, clients, open, money at stake and
    recovered), causes (Pareto), over the career (trend per cause), clients
    (heatmap and profiles), recurring causes with their evidence, time to
    resolution, outcomes, prevention and handling effects, recommendations,
    and data quality (rejected rows, unlabelled disputes, warnings raised by
    the analyses). A section whose analysis cannot run on this history (for
    example prevention effects without missions) says why instead.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import pandas as pd
    >>> h = History.from_frames(pd.DataFrame({
    ...     "client": ["Acme", "Acme", "Globex"],
    ...     "opened_at": ["2024-01-10", "2024-03-02", "2024-04-01"],
    ...     "resolved_at": ["2024-01-20", None, "2024-04-09"],
    ...     "causes": ["paiement", "scope;tone", "délais"]}))
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "report.html"
    >>> build_report(h, out, lang="fr").name
    'report.html'
    """
    check_lang(lang)
    if not isinstance(history, History):
        raise TypeError(f"`history` must be a History, not {type(history).__name__}")
    r = _Report(history, lang)
    r.run()
    path = Path(path)
    path.write_text(r.html(), encoding="utf-8")
    return path


class _Report:
    """Collects the sections' HTML; each analysis runs with warnings recorded."""

    def __init__(self, history: History, lang: str) -> None:
        self.h = history
        self.lang = lang
        self.body: dict[str, list[str]] = {k: [] for k in SECTIONS}
        self.notes: list[str] = []

    # -------------------------------------------------------------- helpers
    def t(self, key: str, **kwargs: Any) -> str:
        en, fr = _TEXT[key]
        return html.escape((fr if self.lang == "fr" else en).format(**kwargs))

    def add(self, section: str, fragment: str) -> None:
        self.body[section].append(fragment)

    def compute(self, section: str, func: Callable[..., Any], *args: Any,
                **kwargs: Any) -> Any:  # fmt: skip
        """Run an analysis; record its warnings; on failure, say so."""
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                result = func(*args, **kwargs)
            except Exception as err:  # an analysis that cannot run here
                self.add(section, _p(self.t("unavailable", reason=str(err)), "note"))
                result = None
        for w in caught:
            msg = f"{func.__name__}: {w.message}"
            if msg not in self.notes:
                self.notes.append(msg)
        return result

    def figure(
        self,
        section: str,
        plot: str,
        data: Any,
        *,
        size: tuple[float, float] = (8, 4.2),
        **kwargs: Any,
    ) -> bool:
        """Draw ``ck.plot_<...>`` on a new Figure and embed it as PNG."""
        from . import plotting

        func = getattr(plotting, plot, None)
        if func is None or data is None:
            return False
        from matplotlib.figure import Figure

        fig = Figure(figsize=size, layout="constrained")
        ax = fig.add_subplot()
        drawn = self.compute(section, func, data, ax=ax, lang=self.lang, **kwargs)
        if drawn is None:
            return False
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=110)
        fig.clear()
        data64 = base64.b64encode(buf.getvalue()).decode("ascii")
        alt = html.escape(SECTIONS[section][self.lang == "fr"])
        self.add(
            section,
            f'<figure><img alt="{alt}" src="data:image/png;base64,{data64}"></figure>',
        )
        return True

    def table(self, section: str, frame: pd.DataFrame | None, *,
              max_rows: int = 40) -> None:  # fmt: skip
        if frame is None:
            return
        self.add(section, _table(frame, self.lang, max_rows=max_rows))

    # -------------------------------------------------------------- sections
    def run(self) -> None:
        from . import analysis as A

        h, lang = self.h, self.lang
        self.summary()
        if len(h) == 0:
            for key in SECTIONS:
                if key not in ("summary", "quality"):
                    self.add(key, _p(self.t("no_disputes"), "note"))
            self.quality()
            return

        counts = self.compute("causes", A.cause_counts, h)
        self.add("causes", _p(self.t("causes_text")))
        if not self.figure("causes", "plot_cause_counts", counts):
            self.table("causes", counts)

        self.add("trend", _p(self.t("trend_text")))
        trend = self.compute("trend", A.cause_trend, h)
        if not self.figure("trend", "plot_cause_trend", trend, size=(8, 4)):
            self.table("trend", trend)
        summary = self.compute("trend", A.trend_summary, h)
        self.table("trend", summary)

        self.add("clients", _p(self.t("clients_text")))
        recurring = self.compute("clients", A.recurring_causes, h)
        self.figure("clients", "plot_recurring_causes", recurring, size=(8, 6.5))
        profiles = self.compute("clients", A.client_profiles, h, lang=lang)
        self.table("clients", profiles, max_rows=30)

        self.add("recurring", _p(self.t("recurring_text")))
        if recurring is not None:
            rec = recurring[recurring["recurring"].astype(bool)]
            if rec.empty:
                self.add("recurring", _p(self.t("no_recurring")))
            else:
                self.table("recurring", rec.drop(columns="recurring"))

        self.add("resolution", _p(self.t("resolution_text")))
        curves = self.compute("resolution", A.survival_curves, h, by="cause")
        self.figure("resolution", "plot_time_to_resolution", curves)
        self.table("resolution", self.compute("resolution", A.time_to_resolution, h))
        self.table(
            "resolution",
            self.compute("resolution", A.time_to_resolution, h, by="cause"),
        )

        self.add("outcomes", _p(self.t("outcomes_text")))
        outcomes = self.compute("outcomes", A.outcomes_by_cause, h)
        self.figure("outcomes", "plot_outcomes_by_cause", outcomes)
        self.table("outcomes", outcomes)

        self.add("prevention", _p(self.t("prevention_text")))
        if h.has_missions:
            effects = self.compute("prevention", A.prevention_effects, h)
            self.figure("prevention", "plot_prevention_effects", effects)
            if effects is not None:
                overall = effects[effects["cause"].astype(str) == "all"]
                self.table("prevention", overall if len(overall) else effects)
        else:
            self.add("prevention", _p(self.t("no_missions"), "note"))

        self.add("handling", _p(self.t("handling_text")))
        handling = self.compute("handling", A.handling_effects, h)
        self.figure("handling", "plot_handling_effects", handling)
        self.table("handling", handling)

        self.add("recommendations", _p(self.t("recommendations_text")))
        recs = self.compute("recommendations", A.recommendations, h, lang=lang)
        if recs is not None and recs.empty:
            self.add("recommendations", _p(self.t("no_recommendations")))
        else:
            self.table("recommendations", recs, max_rows=60)

        self.quality()

    def summary(self) -> None:
        d = self.h.disputes
        stake = d["amount_at_stake"].sum()
        recovered = d["amount_recovered"].sum()
        cards = [
            (len(d), self.t("disputes")),
            (d["client"].nunique(), self.t("clients")),
            (int(d["resolved_at"].isna().sum()), self.t("open")),
        ]
        if self.h.missions is not None:
            cards.append((len(self.h.missions), self.t("missions")))
        cards += [
            (_money(stake, self.lang), self.t("at_stake")),
            (_money(recovered, self.lang), self.t("recovered")),
        ]
        html_cards = "".join(
            f'<div class="card"><span class="n">{html.escape(str(n))}</span>'
            f"{what}</div>"
            for n, what in cards
        )
        self.add("summary", f'<div class="cards">{html_cards}</div>')
        if len(d):
            start, end = d["opened_at"].min(), d["opened_at"].max()
            self.add("summary", _p(self.t("period", start=_date(start, self.lang),
                                          end=_date(end, self.lang))))  # fmt: skip

    def quality(self) -> None:
        h = self.h
        if h.rejected is not None and len(h.rejected):
            self.add("quality", _p(self.t("rejected", n=len(h.rejected))))
            self.table("quality", h.rejected.reset_index(names="row"), max_rows=100)
        else:
            self.add("quality", _p(self.t("no_rejected")))
        if h.rejected_missions is not None and len(h.rejected_missions):
            n = len(h.rejected_missions)
            self.add("quality", _p(self.t("rejected_missions", n=n)))
            self.table(
                "quality", h.rejected_missions.reset_index(names="row"), max_rows=100
            )
        n_unlabelled = int(h.disputes["primary_cause"].isna().sum())
        if n_unlabelled:
            self.add("quality", _p(self.t("unlabelled", n=n_unlabelled)))
        if self.notes:
            items = "".join(f"<li>{html.escape(n)}</li>" for n in self.notes)
            self.add("quality", f'<p>{self.t("warnings")}</p><ul class="note">'
                     f"{items}</ul>")  # fmt: skip

    # -------------------------------------------------------------- output
    def html(self) -> str:
        from . import __version__

        fr = self.lang == "fr"
        h = self.h
        meta = []
        if not pd.isna(h.as_of):
            meta.append(self.t("as_of", date=_date(h.as_of, self.lang)))
        if h.source:
            meta.append(self.t("source", source=Path(h.source).name))
        toc = "".join(
            f'<li><a href="#{key}">{html.escape(titles[fr])}</a></li>'
            for key, titles in SECTIONS.items()
        )
        sections = "".join(
            f'<section id="{key}"><h2>{html.escape(titles[fr])}</h2>'
            + "\n".join(self.body[key])
            + "</section>\n"
            for key, titles in SECTIONS.items()
        )
        title = self.t("title")
        return (
            f'<!DOCTYPE html>\n<html lang="{self.lang}">\n<head>\n'
            '<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
            f"<h1>{title}</h1>\n"
            f'<p class="meta">{" · ".join(meta)}</p>\n'
            f"<nav><h2>{self.t('contents')}</h2><ol>{toc}</ol></nav>\n"
            f"{sections}"
            f'<footer class="note">{self.t("generated", version=__version__)}'
            "</footer>\n</body>\n</html>\n"
        )


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
_DIRECTIONS = {
    "rising": ("rising", "en hausse"),
    "falling": ("falling", "en baisse"),
    "stable": ("stable", "stable"),
}


def _value_labels(col: str, values: pd.Series, lang: str) -> dict[str, str]:
    """Display names of the distinct values of a labelled column."""
    try:
        from ._plot_common import group_label, practice_label
    except ImportError:  # pragma: no cover - plotting helpers absent
        group_label = practice_label = label  # type: ignore[assignment]
    i = 1 if lang == "fr" else 0
    out = {}
    for v in values.dropna().unique():
        if col == "practice":
            out[v] = practice_label(v, lang)
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
