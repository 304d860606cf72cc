"""One self-contained HTML report of a dispute history, in English or French.

Figures are embedded as PNG (at twice the screen's density) and the CSS is
inline, so the file opens offline, can be mailed to a mediator and prints
cleanly. Every word comes from :mod:`conflictkit._i18n`.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from .. import _i18n as i18n
from .._i18n._glossary import TERMS
from .._i18n._report import SECTION_KEYS
from .._labels import Verdict
from ..errors import ConflictkitWarning, NotApplicableError, SmallSampleWarning
from ..model import History
from . import _html as H
from ._select import select
from ._summary import (
    MIN_CAUSES,
    MIN_PREVENTION,
    MIN_RECURRING,
    MIN_RESOLVED,
    MIN_TREND,
    summary_rows,
)

__all__ = ["build_report"]

#: Font sizes of the report's figures, in points at the displayed size; the
#: figures are drawn at their displayed size, so nothing is below 10 pt.
FONTS: dict[str, Any] = {
    "font.size": 12.5,
    "axes.titlesize": 13,
    "axes.labelsize": 12,
    "xtick.labelsize": 11,
    "ytick.labelsize": 11,
    "legend.fontsize": 11,
    "legend.title_fontsize": 11,
}

#: Columns of the tables the report shows (the analyses return more).
_TREND_COLUMNS = ["cause", "n_disputes", "rate_ratio_per_year", "ci_low", "ci_high",
                  "q_value", "direction", "detectable_ratio"]  # fmt: skip
_CHANGE_COLUMNS = ["cause", "changed_at", "rate_before", "rate_after", "rate_ratio",
                   "ci_low", "ci_high", "q_value", "direction",
                   "detectable_ratio"]  # fmt: skip
_PROFILE_COLUMNS = ["client", "n_disputes", "rate_per_100_days", "recurring_causes",
                    "n_open", "amount_at_stake", "last_dispute_at", "risk",
                    "risk_reason"]  # fmt: skip
_RECURRING_COLUMNS = ["client", "cause", "n_disputes", "expected", "rate_ratio",
                      "q_value", "median_gap_days"]  # fmt: skip
_OUTCOME_COLUMNS = ["cause", "n_outcome_known", "share_agreement", "retention",
                    "amount_at_stake", "amount_recovered", "recovery_rate",
                    "verdict"]  # fmt: skip
_PREVENTION_COLUMNS = ["practice", "cause", "disputes_with", "disputes_without",
                       "rate_ratio", "ci_low", "ci_high", "q_value",
                       "p_value", "verdict", "detectable_ratio"]  # fmt: skip
_RECOMMENDATION_COLUMNS = ["priority", "client", "cause", "action", "basis",
                           "evidence"]  # fmt: skip


def build_report(
    history: History,
    path: str | Path = "report.html",
    *,
    lang: str = "en",
    since: Any = None,
    until: Any = None,
    clients: Iterable[str] | str | None = None,
    currency: str = "€",
    read_warnings: Iterable[str] = (),
) -> Path:
    """Write every analysis of a history to one self-contained HTML file.

    The report opens with "at a glance": a few sentences giving the main
    findings with their numbers (see :func:`conflictkit.summarize`), then one
    section per question, each figure and table followed by a line saying
    how to read it, and a glossary of the words used. A section whose data
    are missing (no missions, no outcomes recorded...) is replaced by one
    line saying what is missing and how to record it.

    The file needs nothing else: figures are embedded PNG images, the CSS is
    inline and nothing is fetched from the network, so it opens offline and
    can be sent to a mediator or an agency (see :func:`conflictkit.anonymize`
    first). It prints cleanly.

    Parameters
    ----------
    history : History
        The disputes (and missions, for rates and prevention effects).
    path : str or Path, default="report.html"
        Where to write the report.
    lang : {"en", "fr"}, default="en"
        Language of every text, number and date.
    since, until : date-like, optional
        Report on the disputes opened in this period (both ends included).
        The summary compares it with the same length of time just before:
        disputes per 100 mission-days (with the exact test of two rates)
        when missions cover both periods, else counts, saying so.
        Without either, it compares the last twelve months with the twelve
        before (when the history covers two years).
    clients : str or list of str, optional
        Report on these clients only.
    currency : str, default="€"
        The currency of the amounts: a symbol (``"€"``, ``"$"``, ``"£"``) or
        an ISO code (``"CHF"``).
    read_warnings : iterable of str, default=()
        The warnings :func:`~conflictkit.read_history` gave when reading
        the file (their messages: clients written two ways, a column of the
        missions in the disputes file...); the data quality section lists
        them in ``lang``. ``conflictkit report`` passes them.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    ValueError
        For an unknown ``lang``, a date that cannot be read, ``until`` before
        ``since`` or a client the history does not have.

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
    >>> build_report(h, out, lang="fr", clients=["Acme"]).name
    'report.html'
    """
    lang = i18n.check_lang(lang)
    if not isinstance(history, History):
        raise TypeError(f"`history` must be a History, not {type(history).__name__}")
    selected, period, before = select(history, since=since, until=until,
                                      clients=clients)  # fmt: skip
    report = _Report(selected, lang, currency)
    report.read_warnings = [str(w) for w in read_warnings]
    report.filters = _filters(since, until, clients, lang)
    report.run(period, before)
    path = Path(path)
    path.write_text(report.html(), encoding="utf-8")
    return path


def _filters(since: Any, until: Any, clients: Any, lang: str) -> list[str]:
    out = []
    if since is not None and until is not None:
        out.append(i18n.t("report.filter_period", lang, start=i18n.date(since, lang),
                          end=i18n.date(until, lang)))  # fmt: skip
    elif since is not None:
        out.append(i18n.t("report.filter_since", lang, start=i18n.date(since, lang)))
    elif until is not None:
        out.append(i18n.t("report.filter_until", lang, end=i18n.date(until, lang)))
    if clients is not None:
        names = [clients] if isinstance(clients, str) else list(clients)
        out.append(i18n.t("report.filter_clients", lang, clients=", ".join(names)))
    return out


class _Report:
    """Collects the sections' HTML; analyses run with their warnings recorded."""

    def __init__(self, history: History, lang: str, currency: str) -> None:
        self.h = history
        self.lang = lang
        self.currency = currency
        self.body: dict[str, list[str]] = {k: [] for k in SECTION_KEYS}
        self.notes: dict[str, list[str]] = {}
        self.few: list[str] = []
        self.filters: list[str] = []
        #: what the reader warned about when reading the file
        self.read_warnings: list[str] = []
        #: analyses several sections read, run once (see ``_shared``)
        self.shared: dict[str, Any] = {}

    # -------------------------------------------------------------- helpers
    def t(self, key: str, /, count: float | None = None, **kwargs: Any) -> str:
        return H.esc(i18n.t(key, self.lang, count=count, **kwargs))

    def add(self, section: str, fragment: str) -> None:
        self.body[section].append(fragment)

    def read(self, section: str, key: str, **kwargs: Any) -> None:
        """The one line under a figure or table saying how to read it."""
        self.add(section, H.p(self.t(key, **kwargs), "read"))

    def missing(self, section: str, key: str, n: int | None = None,
                **kwargs: Any) -> None:  # fmt: skip
        """The line that replaces a section whose data are missing or too few."""
        if n is not None:
            kwargs["n"] = i18n.t("n_disputes", self.lang, count=n)
        self.add(section, H.p(self.t(key, count=n, **kwargs), "missing"))

    def compute(self, section: str, func: Callable[..., Any], *args: Any,
                **kwargs: Any) -> Any:  # fmt: skip
        """Run an analysis with its warnings recorded.

        Returns None when it does not apply to these data
        (:class:`~conflictkit.NotApplicableError`); any other error is a bug
        and propagates.
        """
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                result = func(*args, **kwargs)
            except NotApplicableError:
                result = None
        for w in caught:
            self._note(section, w)
        return result

    def _note(self, section: str, w: warnings.WarningMessage) -> None:
        if issubclass(w.category, SmallSampleWarning):
            if section not in self.few:
                self.few.append(section)
            return
        if not issubclass(w.category, ConflictkitWarning):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
            return
        message = str(w.message)
        if "cite no cause" in message:  # said once, in the data quality section
            return
        bucket = self.notes.setdefault(section, [])
        if message not in bucket:
            bucket.append(message)

    def figure(
        self,
        section: str,
        plot: Callable[..., Any],
        data: Any,
        *,
        size: tuple[float, float] = (8.5, 4.4),
        **kwargs: Any,
    ) -> None:
        """Draw ``plot(data, ax=...)`` on a new figure and embed it."""
        import matplotlib as mpl
        from matplotlib.figure import Figure

        with mpl.rc_context(FONTS):  # type: ignore[arg-type]
            fig = Figure(figsize=size, layout="constrained")
            ax = fig.add_subplot()
            plot(data, ax=ax, lang=self.lang, **kwargs)
            alt = i18n.t(f"section.{section}", self.lang)
            self.add(section, H.figure(fig, alt))

    def table(self, section: str, frame: pd.DataFrame, columns: list[str] | None = None,
              **kwargs: Any) -> None:  # fmt: skip
        if columns is not None:
            frame = frame[[c for c in columns if c in frame.columns]]
        for count in ("n_disputes", "n"):  # a cause nobody cited: no row
            if count in frame.columns and len(frame) > 1:
                frame = frame[frame[count] > 0]
        self.add(section, H.table(frame, self.lang, currency=self.currency, **kwargs))

    # -------------------------------------------------------------- sections
    def run(self, period: Any, before: History | None) -> None:
        from ..analysis import recurring_causes

        h = self.h
        # computed once, for the summary, the clients, their profiles and
        # the recommendations
        recurring = self.compute("clients", recurring_causes, h) if len(h) else None
        self.shared = self._shared(recurring)
        self.summary(period, before)
        if len(h) == 0:
            for key in SECTION_KEYS:
                if key not in ("summary", "quality", "glossary"):
                    self.missing(key, "report.no_disputes")
            self.quality()
            self.glossary()
            return
        self.causes()
        self.trend()
        self.clients(recurring)
        self.recurring(recurring)
        self.resolution()
        self.outcomes()
        self.prevention()
        self.handling()
        self.recommendations(recurring)
        self.quality()
        self.glossary()

    def _shared(self, recurring: pd.DataFrame | None) -> dict[str, Any]:
        """The analyses several sections use, each run once (issue 11).

        The summary, the trend section and the recommendations read the
        same tables; each analysis's warnings are noted under the section
        that shows it (the summary says for itself when data are too few).
        """
        from ..analysis import change_points, prevention_effects, trend_summary

        h = self.h
        shared: dict[str, Any] = {"recurring": recurring}
        if not len(h):
            return shared
        d = h.disputes
        span = (d["opened_at"].max() - d["opened_at"].min()).days
        if len(d) >= MIN_TREND and span >= 2 * 365:
            shared["trend"] = self.compute("trend", trend_summary, h)
            shared["changes"] = self.compute("trend", change_points, h)
        if h.has_missions:
            if len(h) >= MIN_PREVENTION:
                shared["prevention"] = self.compute("prevention", prevention_effects, h)
            else:  # the section says there are too few; only the advice reads it
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    shared["prevention"] = prevention_effects(h)
        return shared

    def summary(self, period: Any, before: History | None) -> None:
        lang = self.lang
        sentences = self.compute("summary", summary_rows, self.h, lang=lang,
                                 period=period, before=before,
                                 shared=self.shared)  # fmt: skip
        items = "".join(
            f"<li{'' if ok else ' class=few'}>{H.esc(s)}</li>"
            for s, ok in zip(
                sentences["sentence"], sentences["enough_data"], strict=True
            )  # fmt: skip
        )
        self.add("summary", f'<ul class="glance">{items}</ul>')
        d = self.h.disputes
        n_clients = int(d["client"].nunique())
        n_open = int(d["resolved_at"].isna().sum())
        cards = [
            (i18n.number(len(d), lang), self.t("card.disputes", count=len(d))),
            (i18n.number(n_clients, lang), self.t("card.clients", count=n_clients)),
            (i18n.number(n_open, lang), self.t("card.open", count=n_open)),
        ]
        if self.h.missions is not None:
            n = len(self.h.missions)
            cards.append((i18n.number(n, lang), self.t("card.missions", count=n)))
        for col, key in (("amount_at_stake", "card.at_stake"),
                         ("amount_recovered", "card.recovered")):  # fmt: skip
            values = d[col]
            shown = (
                i18n.money(values.sum(), lang, self.currency)
                if values.notna().any()
                else i18n.t("card.not_recorded", lang)
            )
            cards.append((shown, self.t(key)))
        html_cards = "".join(
            f'<div class="card"><span class="n">{H.esc(n)}</span>{what}</div>'
            for n, what in cards
        )
        self.add("summary", f'<div class="cards">{html_cards}</div>')
        if len(d):
            start, end = d["opened_at"].min(), d["opened_at"].max()
            period = self.t("report.period", start=i18n.date(start, lang),
                            end=i18n.date(end, lang))  # fmt: skip
            self.add("summary", H.p(period))

    def causes(self) -> None:
        from ..analysis import cause_counts
        from ..plotting import plot_cause_counts

        counts = self.compute("causes", cause_counts, self.h)
        if counts is None or counts.empty:
            self.missing("causes", "na.no_causes")
            return
        self.figure("causes", plot_cause_counts, counts, size=(8.5, 4.2))
        self.read("causes", "read.causes_fig")

    def trend(self) -> None:
        from ..analysis import cause_trend
        from ..plotting import plot_cause_trend

        trend = self.compute("trend", cause_trend, self.h)
        if trend is not None:
            # periods after the chosen ones hold neither disputes nor days worked
            per = trend.groupby("period")
            used = per["n_disputes"].sum() > 0
            if "exposure_days" in trend.columns:
                used |= per["exposure_days"].first().fillna(0) > 0
            last = used[used].index.max() if used.any() else None
            trend = trend[trend["period"] <= last] if last is not None else trend
        if trend is None or trend["period"].nunique() < 2:
            self.missing("trend", "na.too_short")
            return
        self.figure("trend", plot_cause_trend, trend, size=(8.5, 4.2),
                    as_of=self.h.as_of)  # fmt: skip
        rate = "rate_per_100_days" in trend.columns
        self.read("trend", "read.trend_fig_rate" if rate else "read.trend_fig_count")
        d = self.h.disputes
        n_unlabelled = int(d["primary_cause"].isna().sum())
        if n_unlabelled:  # unknown is not none: say who is not in the bars
            self.read("trend", "read.trend_unlabelled", count=n_unlabelled,
                      n=i18n.number(n_unlabelled, self.lang),
                      total=i18n.number(len(d), self.lang))  # fmt: skip
        last = pd.Timestamp(trend["period"].max())
        as_of = self.h.as_of
        if not pd.isna(as_of) and last + pd.DateOffset(years=1) > as_of + pd.Timedelta(
            days=1
        ):
            days = max((as_of - last).days + 1, 1)
            key = "read.partial" if rate else "read.partial_count"
            self.read("trend", key, days=i18n.t("n_days", self.lang, count=days))
        d = self.h.disputes
        span = (d["opened_at"].max() - d["opened_at"].min()).days
        if len(d) < MIN_TREND or span < 2 * 365:
            self.missing("trend", "na.too_few_trend", n=len(d), need=MIN_TREND)
            return
        summary = self.shared["trend"]
        if summary is not None:
            self.table("trend", summary, _TREND_COLUMNS)
            self.read("trend", "read.trend_table")
        changes = self.shared["changes"]
        if changes is not None and len(changes):
            self.table("trend", changes, _CHANGE_COLUMNS)
            self.read("trend", "read.change_table")

    def clients(self, recurring: pd.DataFrame | None) -> None:
        from ..analysis import client_profiles
        from ..plotting import plot_recurring_causes

        if recurring is not None and len(recurring):
            n = min(self.h.disputes["client"].nunique(), 20)
            self.figure("clients", plot_recurring_causes, recurring,
                        size=(8.5, 2.2 + 0.36 * n))  # fmt: skip
            self.read("clients", "read.clients_fig")
            total = int(self.h.disputes["client"].nunique())
            cited = recurring.loc[recurring["n_disputes"] > 0, "client"]
            shown = min(int(cited.nunique()), 20)
            if shown < total:  # which clients the grid leaves out, and why
                key = "read.clients_fig_top" if shown == 20 else "read.clients_fig_some"
                self.read("clients", key, count=total,
                          shown=i18n.number(shown, self.lang),
                          total=i18n.number(total, self.lang))  # fmt: skip
        profiles = self.compute("clients", client_profiles, self.h, lang=self.lang,
                                recurring=recurring)  # fmt: skip
        if profiles is not None:
            with_disputes = self._tested_risk(profiles[profiles["n_disputes"] > 0])
            if not self.h.has_missions:
                with_disputes = with_disputes.drop(columns="rate_per_100_days")
            self.table("clients", with_disputes, _PROFILE_COLUMNS)
            self.read("clients", "read.profiles_table")
            if (with_disputes["risk"] == "too_few").any():
                n = int(self.h.causes["dispute_id"].nunique())
                self.read("clients", "read.profiles_too_few", need=MIN_RECURRING,
                          n=i18n.t("n_disputes", self.lang, count=n))  # fmt: skip

    def _tested_risk(self, profiles: pd.DataFrame) -> pd.DataFrame:
        """A risk level only where a test backs it; "too few to tell" elsewhere.

        A level rests on a recurring cause or a dispute rate found higher
        (``rate_verdict``); without either, it is shown only when the client
        could be tested: its rate against the others' (missions), or its
        causes (enough disputes citing one for recurring causes). Otherwise
        one open dispute would read as a "medium" risk (issue 11).
        """
        verdict = profiles["rate_verdict"].astype(object)
        backed = (profiles["recurring_causes"].fillna("") != "") | (
            verdict == Verdict.HIGHER
        )
        n_labelled = int(self.h.causes["dispute_id"].nunique())
        testable = (verdict != Verdict.TOO_FEW) | (n_labelled >= MIN_RECURRING)
        risk = profiles["risk"].astype(object).where(backed | testable, "too_few")
        return profiles.assign(risk=risk)

    def recurring(self, recurring: pd.DataFrame | None) -> None:
        if recurring is None:
            self.missing("recurring", "na.no_causes")
            return
        rec = recurring[recurring["recurring"].astype(bool)]
        if rec.empty:
            n = int(self.h.causes["dispute_id"].nunique())
            if n < MIN_RECURRING:  # "none" on a handful would be a guess
                self.missing("recurring", "na.too_few_recurring", n=n,
                             need=MIN_RECURRING)  # fmt: skip
            else:
                self.add("recurring", H.p(self.t("no_recurring")))
            return
        self.table("recurring", rec, _RECURRING_COLUMNS)
        self.read("recurring", "read.recurring_table")

    def resolution(self) -> None:
        from ..analysis import survival_curves, time_to_resolution

        if self.h.disputes["resolved_at"].notna().sum() == 0:
            self.missing("resolution", "na.no_resolved")
            return
        overall = self.compute("resolution", survival_curves, self.h)
        by_cause = self.compute("resolution", survival_curves, self.h, by="cause")
        table = self.compute("resolution", time_to_resolution, self.h, by="cause")
        total = self.compute("resolution", time_to_resolution, self.h)
        settled: dict[str, int] = {}
        if table is not None:
            settled = dict(zip(table["group"].astype(str),
                               table["n"] - table["n_open"], strict=True))  # fmt: skip
        if overall is not None and by_cause is not None:
            if self._resolution_figure(overall, by_cause, settled):
                self.read("resolution", "read.resolution_fig")
        if table is not None and total is not None:
            both = pd.concat([total, table], ignore_index=True)
            few = (both["n"] - both["n_open"]) < MIN_RESOLVED
            if few[both["n"] > 0].any():
                # the median of two settled disputes is not a finding: the
                # numbers stay, labelled (as the summary does, MIN_RESOLVED)
                both["verdict"] = pd.Series(
                    [Verdict.TOO_FEW if f else None for f in few], dtype=object
                )
            self.table("resolution", both)
            self.read("resolution", "read.resolution_table")
            if "verdict" in both.columns:
                self.read("resolution", "read.resolution_few", need=MIN_RESOLVED)

    def _resolution_figure(
        self, overall: pd.DataFrame, by_cause: pd.DataFrame, settled: dict[str, int]
    ) -> bool:
        """Small multiples: one panel per cause with its band, all disputes in grey.

        Returns whether there was a cause to draw (three settled disputes).
        """
        import matplotlib as mpl
        from matplotlib.figure import Figure

        from ..plotting import plot_time_to_resolution

        n_per = by_cause.groupby(by_cause["group"].astype(str))["at_risk"].first()
        causes = [c for c in n_per.sort_values(ascending=False).index if n_per[c] >= 3][
            :6
        ]
        if not causes:
            return False
        curves = pd.concat([overall, by_cause], ignore_index=True)
        cols = 3 if len(causes) > 4 else min(len(causes), 2)
        rows = -(-len(causes) // cols)
        with mpl.rc_context(FONTS):  # type: ignore[arg-type]
            fig = Figure(figsize=(8.5, 0.6 + 3.0 * rows), layout="constrained")
            axes = fig.subplots(rows, cols, sharex=True, sharey=True, squeeze=False)
            right = float(curves.loc[curves["survival"] > 0.05, "days"].max()) * 1.1
            for ax, cause in zip(axes.flat, causes, strict=False):
                draw = {"ax": ax, "lang": self.lang, "max_days": right}
                plot_time_to_resolution(curves, groups=["all"], band=False,
                                        color="0.6", **draw)  # fmt: skip
                plot_time_to_resolution(curves, groups=[cause], **draw)
                title = f"{i18n.label(cause, self.lang)} (n = {int(n_per[cause])})"
                if settled.get(cause, MIN_RESOLVED) < MIN_RESOLVED:
                    title += "\n" + i18n.label(Verdict.TOO_FEW, self.lang)
                ax.set_title(title)
                ax.set_xlabel("")
                ax.set_ylabel("")
                if ax.get_legend() is not None:
                    ax.get_legend().remove()
            for ax in list(axes.flat)[len(causes) :]:
                ax.set_visible(False)
            fig.supxlabel(i18n.t("plot.days_open", self.lang))
            fig.supylabel(i18n.t("plot.share_open", self.lang))
            fig.suptitle(i18n.t("plot.km_title", self.lang)
                         + " — " + i18n.t("plot.km_grey", self.lang))  # fmt: skip
            self.add(
                "resolution", H.figure(fig, i18n.t("section.resolution", self.lang))
            )
        return True

    def outcomes(self) -> None:
        from ..analysis import outcomes_by_cause
        from ..analysis._outcomes import MIN_OUTCOMES
        from ..plotting import plot_outcomes_by_cause

        outcomes = self.compute("outcomes", outcomes_by_cause, self.h)
        if outcomes is None or outcomes["n_outcome_known"].sum() == 0:
            self.missing("outcomes", "na.no_outcomes")
            return
        if "n_disputes" in outcomes.columns:  # causes nobody cited: no row
            outcomes = outcomes[outcomes["n_disputes"] > 0]
        d = self.h.disputes
        for col in ("amount_at_stake", "amount_recovered"):
            if col in outcomes.columns and d[col].isna().all():
                # never recorded: unknown, not 0 €
                outcomes = outcomes.assign(**{col: float("nan")})
                if "recovery_rate" in outcomes.columns:
                    outcomes = outcomes.assign(recovery_rate=float("nan"))
        few = outcomes["n_outcome_known"] < MIN_OUTCOMES
        if few.any():  # shares of two disputes are not a finding
            outcomes = outcomes.assign(verdict=pd.Series(
                [Verdict.TOO_FEW if f else None for f in few],
                index=outcomes.index, dtype=object))  # fmt: skip
        self.figure("outcomes", plot_outcomes_by_cause, outcomes,
                    min_n=MIN_OUTCOMES)  # fmt: skip
        self.read("outcomes", "read.outcomes_fig")
        if few.any():
            self.read("outcomes", "read.outcomes_few", need=MIN_OUTCOMES)
        self.table("outcomes", outcomes, _OUTCOME_COLUMNS)
        self.read("outcomes", "read.outcomes_table")
        rest = [
            c for c in outcomes.columns if c not in _OUTCOME_COLUMNS or c == "cause"
        ]
        full = H.table(outcomes[rest], self.lang, currency=self.currency)
        self.add("outcomes", H.folded(self.t("report.more_columns"), full))

    def prevention(self) -> None:
        from ..plotting import plot_prevention_effects

        if self.h.has_missions and len(self.h) < MIN_PREVENTION:
            self.missing("prevention", "na.too_few_prevention", n=len(self.h),
                         need=MIN_PREVENTION)  # fmt: skip
            return
        effects = self.shared.get("prevention")
        if effects is None:
            self.missing("prevention", "na.no_missions")
            return
        if not len(effects):  # unknown is not none: nothing recorded to compare
            self.missing("prevention", "na.practices_not_recorded")
            return
        self.figure("prevention", plot_prevention_effects, effects)
        self.read("prevention", "read.prevention_fig")
        overall = effects["cause"].astype(str) == "all"
        # q-values when the analysis gives them (a family of tests), else p
        columns = [c for c in _PREVENTION_COLUMNS if c in effects.columns]
        if "q_value" in columns:
            columns.remove("p_value")
        self.table("prevention", effects[overall], [c for c in columns if c != "cause"])
        self.read("prevention", "read.prevention_table")
        per_cause = H.table(effects.loc[~overall, columns], self.lang,
                            currency=self.currency)  # fmt: skip
        self.add("prevention", H.folded(self.t("report.per_cause"), per_cause))
        self._unrecorded_practices(effects)

    def _unrecorded_practices(self, effects: pd.DataFrame) -> None:
        """Name the practices the missions do not record (not compared)."""
        shown = set(effects["practice"].astype(str))
        missing = [
            i18n.label(p, self.lang).lower()
            for p in (
                "written_scope",
                "regular_checkins",
                "meeting_minutes",
                "via_intermediary",
            )  # fmt: skip
            if p not in shown
        ]
        if not any(p.startswith("contract_") for p in shown):
            missing.append(i18n.t("value.contract", self.lang))
        if missing:
            line = self.t("prevention.not_recorded", practices=", ".join(missing))
            self.add("prevention", H.p(line))

    def handling(self) -> None:
        from ..analysis import handling_effects
        from ..plotting import plot_handling_effects

        handling = self.compute("handling", handling_effects, self.h)
        if handling is None:
            self.missing("handling", "na.no_handling")
            return
        self.figure("handling", plot_handling_effects, handling, size=(8.5, 4.0))
        self.read("handling", "read.handling_fig")
        self.add("handling", H.paired_table(handling, self.lang))
        self.read("handling", "read.handling_table")

    def recommendations(self, recurring: pd.DataFrame | None) -> None:
        from ..analysis import recommendations

        recs = self.compute("recommendations", recommendations, self.h,
                            lang=self.lang, recurring=recurring,
                            prevention=self.shared.get("prevention"))  # fmt: skip
        if recs is None or recs.empty:
            self.add("recommendations", H.p(self.t("no_recommendations")))
            return
        n = int(self.h.causes["dispute_id"].nunique())
        if (recs["client"].astype(str) == "all").all() and n < MIN_CAUSES:
            # advice on "your most frequent cause" when too few cite one to
            # say which comes first (the summary says so too)
            self.missing("recommendations", "na.too_few_recommendations", n=n,
                         need=MIN_CAUSES)  # fmt: skip
            return
        self.table("recommendations", recs, _RECOMMENDATION_COLUMNS)
        self.read("recommendations", "read.recommendations_table")

    def quality(self) -> None:
        h = self.h
        if h.rejected is not None and len(h.rejected):
            n = len(h.rejected)
            self.add("quality", H.p(self.t("quality.rejected", count=n)))
            self.table("quality", self._rejected(h.rejected))
            self.read("quality", "read.rejected_table")
        else:
            self.add("quality", H.p(self.t("quality.no_rejected")))
        if h.rejected_missions is not None and len(h.rejected_missions):
            n = len(h.rejected_missions)
            self.add("quality", H.p(self.t("quality.rejected_missions", count=n)))
            self.table("quality", self._rejected(h.rejected_missions))
        n_unlabelled = int(h.disputes["primary_cause"].isna().sum())
        if n_unlabelled:
            self.add("quality", H.p(self.t("quality.unlabelled", count=n_unlabelled)))
        if self.few:
            self.add("quality", H.p(self.t("quality.few")))
        self._reading_notes()
        self._reader_warnings()
        self._invoice_notes()
        if self.notes:
            items = "".join(
                "<li>" + self.t("quality.note_in",
                                section=i18n.t(f"section.{section}", self.lang),
                                message=self._note_text(message)) + "</li>"
                for section, messages in self.notes.items()
                for message in messages
            )  # fmt: skip
            self.add("quality", f'<p>{self.t("quality.notes")}</p><ul class="note">'
                     f"{items}</ul>")  # fmt: skip

    def _rejected(self, rejected: pd.DataFrame) -> pd.DataFrame:
        """The rejected rows as read, their problems in the report's language."""
        out = rejected.reset_index(names="row")
        # the reader names columns canonically (opened_at); the user's header
        # (Début) is what the table above shows
        headers = {c: h for h, c in rejected.attrs.get("canonical", {}).items()}
        if "problems" in out.columns:
            out["problems"] = [
                i18n.problem_text(p, self.lang, headers=headers)
                for p in out["problems"].astype(object)
            ]
            # what is wrong first, then the row as the file has it
            rest = [c for c in out.columns if c not in ("row", "problems")]
            out = out[["row", "problems", *rest]]
        return out

    def _note_text(self, message: str) -> str:
        """A warning in the report's language (its English text otherwise)."""
        return i18n.warning_text(message, self.lang)

    def glossary(self) -> None:
        items = "".join(
            f"<dt>{self.t(f'term.{term}')}</dt><dd>{self.t(f'def.{term}')}</dd>"
            for term in TERMS
        )
        self.add("glossary", f'<dl class="glossary">{items}</dl>')

    def _reading_notes(self) -> None:
        """What the reader set aside without rejecting it: nothing unsaid."""
        h = self.h
        d = h.disputes
        undated = int((d["outcome"].notna() & d["resolved_at"].isna()).sum())
        if undated:
            self.add("quality", H.p(self.t("quality.undated", count=undated)))
        if h.skipped:
            colon = " : " if self.lang == "fr" else ": "
            reasons = ", ".join(
                i18n.t(f"quality.skipped.{reason}", self.lang)
                + colon
                + i18n.number(n, self.lang)
                for reason, n in h.skipped.items()
            )
            total = sum(h.skipped.values())
            self.add("quality", H.p(self.t("quality.skipped", count=total,
                                           reasons=reasons)))  # fmt: skip
        if h.unused_columns:
            names = ", ".join(f"« {c} »" if self.lang == "fr" else f"'{c}'"
                              for c in h.unused_columns)  # fmt: skip
            self.add("quality", H.p(self.t("quality.unused", names=names,
                                           header=h.unused_columns[0])))  # fmt: skip

    def _reader_warnings(self) -> None:
        """What the reader warned about (clients written two ways...), once.

        Skipped and rejected rows are said above already, with their counts.
        """
        said = ("skipped ", "see history.rejected")
        shown = [
            w for w in dict.fromkeys(self.read_warnings)
            if not w.startswith(said[0]) and said[1] not in w
        ]  # fmt: skip
        if shown:
            items = "".join(f"<li>{H.esc(self._note_text(w))}</li>" for w in shown)
            self.add("quality", f'<p>{self.t("quality.read_warnings")}</p>'
                     f'<ul class="note">{items}</ul>')  # fmt: skip

    def _invoice_notes(self) -> None:
        """Where the disputes came from invoices: how many, and the denominator."""
        h = self.h
        if h.invoices is not None:
            n_disputes = int(h.invoices["dispute_id"].notna().sum())
            self.add("quality", H.p(self.t("quality.from_invoices", n=len(h.invoices),
                                          d=n_disputes)))  # fmt: skip
        m = h.missions
        if m is not None and "exposure_unit" in m:
            if (m["exposure_unit"] == "invoices").any():
                self.add("quality", H.p(self.t("quality.per_invoice"), "note"))
        if h.merged is not None and len(h.merged):
            self.add("quality", H.p(self.t("quality.merged")))
            self.table("quality", h.merged)

    # -------------------------------------------------------------- output
    def html(self) -> str:
        from .._version import __version__

        h = self.h
        meta = []
        if not pd.isna(h.as_of):
            meta.append(self.t("report.as_of", date=i18n.date(h.as_of, self.lang)))
        if h.source:
            meta.append(self.t("report.source", source=Path(h.source).name))
        meta += [H.esc(f) for f in self.filters]
        toc = "".join(
            f'<li><a href="#{key}">{self.t(f"section.{key}")}</a></li>'
            for key in SECTION_KEYS
        )
        sections = "".join(
            f'<section id="{key}"><h2>{self.t(f"section.{key}")}</h2>'
            + "\n".join(self.body[key])
            + "</section>\n"
            for key in SECTION_KEYS
        )
        title = self.t("report.title")
        return (
            f'<!DOCTYPE html>\n<html lang="{self.lang}">\n<head>\n'
            '<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{title}</title>\n<style>{H.CSS}</style>\n</head>\n<body>\n"
            f"<h1>{title}</h1>\n"
            f'<p class="meta">{" · ".join(meta)}</p>\n'
            f"<nav><h2>{self.t('report.contents')}</h2><ol>{toc}</ol></nav>\n"
            f"{sections}"
            f'<footer class="note">{self.t("report.generated", version=__version__)}'
            "</footer>\n</body>\n</html>\n"
        )
