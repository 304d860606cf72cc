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

from .._labels import check_lang
from ..model import History
from ._text import (
    _CSS,
    _TEXT,
    HEADERS,  # noqa: F401 (re-exported: conflictkit.report.HEADERS)
    SECTIONS,
    _date,
    _money,
    _p,
    _table,
)

__all__ = ["build_report"]


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
        from .. import plotting

        func = getattr(plotting, plot, None)
        if func is None or data is None:
            return False
        from matplotlib.figure import Figure

        def render(data: Any, **kw: Any) -> bytes:
            # drawing happens at savefig: it stays inside the section's guard
            fig = Figure(figsize=size, layout="constrained")
            try:
                func(data, ax=fig.add_subplot(), **kw)
                buf = io.BytesIO()
                fig.savefig(buf, format="png", dpi=110)
                return buf.getvalue()
            finally:
                fig.clear()

        render.__name__ = func.__name__
        png = self.compute(section, render, data, lang=self.lang, **kwargs)
        if png is None:
            return False
        data64 = base64.b64encode(png).decode("ascii")
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
        from .. import analysis as A

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
        self._invoice_notes()
        if self.notes:
            items = "".join(f"<li>{html.escape(n)}</li>" for n in self.notes)
            self.add("quality", f'<p>{self.t("warnings")}</p><ul class="note">'
                     f"{items}</ul>")  # fmt: skip

    def _invoice_notes(self) -> None:
        """Where the disputes came from invoices: how many, and the denominator."""
        h = self.h
        if h.invoices is not None:
            n_disputes = int(h.invoices["dispute_id"].notna().sum())
            self.add("quality", _p(self.t("from_invoices", n=len(h.invoices),
                                          d=n_disputes)))  # fmt: skip
        m = h.missions
        if m is not None and "exposure_unit" in m:
            if (m["exposure_unit"] == "invoices").any():
                self.add("quality", _p(self.t("per_invoice"), "note"))
        if h.merged is not None and len(h.merged):
            self.add("quality", _p(self.t("merged")))
            self.table("quality", h.merged, max_rows=100)

    # -------------------------------------------------------------- output
    def html(self) -> str:
        from .._version import __version__

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
