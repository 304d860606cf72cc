"""The "at a glance" sentences: each finding with its numbers, or "not enough data"."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .. import _i18n as i18n
from ..model import History

__all__ = ["summarize"]

#: Fewest labelled disputes for a "most frequent cause" or a recurring cause.
MIN_CAUSES = 10
#: Fewest labelled disputes before "no cause recurs" means something.
MIN_RECURRING = 20
#: Fewest settled disputes for a median time to settle.
MIN_RESOLVED = 5
#: Fewest disputes, and years covered, for a trend.
MIN_TREND = 20
#: Fewest disputes, in a period and the one before, to give the change in %.
MIN_COMPARE = 20
#: Fewest disputes to compare mission practices.
MIN_PREVENTION = 30
#: How many recurring clients a sentence names before "and N more".
MAX_NAMED = 4

SUMMARY_COLUMNS = ["topic", "sentence", "enough_data"]


@dataclass(frozen=True)
class Period:
    """The chosen period, for the comparison with the one before it."""

    start: pd.Timestamp | None
    end: pd.Timestamp | None


def summarize(
    history: History,
    *,
    lang: str = "en",
    period: Period | None = None,
    before: History | None = None,
    recurring: pd.DataFrame | None = None,
    prevention: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The main findings of a dispute history, in a few plain sentences.

    Each sentence gives a finding with its numbers, built from the analyses
    (most frequent cause and its share, clients with a recurring cause and
    what your own history suggests doing, rising or falling causes, time to
    settle, the practices that went with fewer disputes), or says "not
    enough data to tell" when the history is too small for that question.
    The same sentences open the report of :func:`conflictkit.build_report`.

    Parameters
    ----------
    history : History
        The disputes (and missions, for the rates and prevention).
    lang : {"en", "fr"}, default="en"
        Language of the sentences.
    period, before : optional
        Used by the report to compare a chosen period with the one before it.
    recurring : pandas.DataFrame, optional
        The table :func:`conflictkit.recurring_causes` returns for this
        history with its defaults, when it is computed already (the report
        shares one); computed here otherwise.
    prevention : pandas.DataFrame, optional
        The same for :func:`conflictkit.prevention_effects` with its
        defaults.

    Returns
    -------
    pandas.DataFrame
        One row per finding, with columns ``topic`` (``"period"``,
        ``"causes"``, ``"recurring"``, ``"trend"``, ``"resolution"``,
        ``"prevention"``), ``sentence`` (str, in ``lang``) and
        ``enough_data`` (bool: False when the sentence says there is not
        enough data to tell).

    Examples
    --------
    >>> import conflictkit as ck
    >>> s = ck.summarize(ck.load_example())
    >>> s.loc[s["topic"] == "recurring", "sentence"].iloc[0][:48]
    'With 4 clients the same cause keeps coming back:'
    """
    from ..analysis._common import check_history

    check_history(history)
    lang = i18n.check_lang(lang)
    shared: dict[str, Any] = {}
    if recurring is not None:
        shared["recurring"] = recurring
    if prevention is not None:
        from ..analysis._recommendations import checked_prevention

        shared["prevention"] = checked_prevention(history, prevention)
    return summary_rows(history, lang=lang, period=period, before=before,
                        shared=shared)  # fmt: skip


def summary_rows(
    history: History,
    *,
    lang: str,
    period: Period | None,
    before: History | None,
    shared: dict[str, Any],
) -> pd.DataFrame:
    """:func:`summarize` with the analyses its caller computed already.

    ``shared`` maps ``"recurring"``, ``"prevention"``, ``"trend"`` (the
    :func:`~conflictkit.trend_summary` table) and ``"changes"`` (the
    :func:`~conflictkit.change_points` one) to their results for
    ``history`` with their defaults; None means the analysis does not apply
    (:class:`~conflictkit.NotApplicableError`); a missing key, computed here.
    The report runs each analysis once and passes it to every section.
    """
    rows: list[tuple[str, str, bool]] = []
    if period is not None:
        rows.append(("period", *_compare(history, before, period, lang)))
    if len(history) == 0:
        rows.append(("causes", i18n.t("sum.no_disputes", lang), False))
    else:
        with warnings.catch_warnings():
            # the sentences themselves say when data are too few
            warnings.simplefilter("ignore")
            rows.append(("causes", *_causes(history, lang)))
            rows.append(("recurring", *_recurring(history, lang, shared)))
            rows.append(("trend", *_trend(history, lang, shared)))
            rows.append(("resolution", *_resolution(history, lang)))
            rows.append(("prevention", *_prevention(history, lang, shared)))
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS).astype(
        {"topic": "string", "sentence": "string", "enough_data": bool}
    )


def _join(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return i18n.t("list_and", lang, a=", ".join(items[:-1]), b=items[-1])


def _cause(value: object, lang: str) -> str:
    return i18n.label(value, lang).lower()


def _n(count: int, lang: str) -> str:
    return i18n.t("n_disputes", lang, count=count)


# ------------------------------------------------------------------ the findings
def _causes(history: History, lang: str) -> tuple[str, bool]:
    from ..analysis import cause_counts

    counts = cause_counts(history)
    n = int(history.causes["dispute_id"].nunique())
    if n == 0:
        return i18n.t("sum.causes_none", lang), False
    if n < MIN_CAUSES:
        text = i18n.t("sum.causes_few", lang, count=n, n=_n(n, lang), need=MIN_CAUSES)
        return text, False
    k = int(counts["n_disputes"].max())
    top = counts.loc[counts["n_disputes"] == k, "cause"]
    quoted = "« {} »" if lang == "fr" else "{}"
    names = [quoted.format(_cause(c, lang)) for c in top]
    text = i18n.t(
        "sum.causes" if len(names) == 1 else "sum.causes_tie",
        lang,
        count=k,
        cause=_cause(top.iloc[0], lang),
        causes=_join(names, lang),
        n=i18n.number(n, lang),
        share=i18n.percent(k / n, lang),
    )
    return text, True


def _shared(shared: dict[str, Any], key: str, func: Any, history: History) -> Any:
    """The analysis ``key`` from ``shared``, or ``func(history)`` (None: n/a)."""
    from ..errors import NotApplicableError

    if key not in shared:
        try:
            shared[key] = func(history)
        except NotApplicableError:
            shared[key] = None
    return shared[key]


def _recurring(history: History, lang: str, shared: dict[str, Any]) -> tuple[str, bool]:
    from ..analysis import recommendations, recurring_causes

    n_labelled = int(history.causes["dispute_id"].nunique())
    rec = _shared(shared, "recurring", recurring_causes, history)
    hits = rec[rec["recurring"].astype(bool)].sort_values("q_value", kind="stable")
    if hits.empty:
        if n_labelled < MIN_RECURRING:
            text = i18n.t("sum.recurring_few", lang, count=n_labelled,
                          n=_n(n_labelled, lang), need=MIN_RECURRING)  # fmt: skip
            return text, False
        return i18n.t("sum.recurring_none", lang, n=_n(n_labelled, lang)), True
    # the client's disputes that cite a cause: the count recurring_causes
    # tests and recommendations' evidence gives (unlabelled ones cite nothing)
    labelled = history.disputes["dispute_id"].isin(history.causes["dispute_id"])
    per_client = history.disputes.loc[labelled, "client"].astype(str).value_counts()
    clients = list(dict.fromkeys(hits["client"].astype(str)))
    items: list[str] = []
    for client in clients[:MAX_NAMED]:
        first = hits[hits["client"].astype(str) == client].iloc[0]
        items.append(
            i18n.t(
                "sum.recurring_item" if items else "sum.recurring_item_first",
                lang,
                client=client,
                cause=_cause(first["cause"], lang),
                k=i18n.number(int(first["n_disputes"]), lang),
                n=i18n.number(int(per_client.get(client, 0)), lang),
            )
        )
    if len(clients) > MAX_NAMED:
        items.append(i18n.t("sum.recurring_more", lang, count=len(clients) - MAX_NAMED))
    prevention = None
    if history.has_missions:
        from ..analysis import prevention_effects

        prevention = _shared(shared, "prevention", prevention_effects, history)
    recs = recommendations(history, lang=lang, recurring=rec, prevention=prevention)
    mine = recs[recs["client"].astype(str) == clients[0]]
    first = (mine if len(mine) else recs).iloc[0]
    # advice resting on the user's own data (a practice their missions lacked)
    # is said to be; the field advice for the cause is called that
    general = "basis" in recs.columns and str(first["basis"]) == "general advice"
    advice = i18n.t(
        "sum.advice_general" if general else "sum.advice_yours",
        lang,
        client=clients[0],
        action=str(first["action"]),
    )
    text = i18n.t(
        "sum.recurring",
        lang,
        count=len(clients),
        items=_join(items, lang) if len(clients) <= MAX_NAMED else ", ".join(items),
        advice=advice,
    )
    return text, True


def _verdict(value: object) -> str:
    return str(value)


def _trend(history: History, lang: str, shared: dict[str, Any]) -> tuple[str, bool]:
    from ..analysis import trend_summary

    d = history.disputes
    span_days = (d["opened_at"].max() - d["opened_at"].min()).days
    if len(d) < MIN_TREND or span_days < 2 * 365:
        reason = (
            i18n.t("sum.reason_count", lang, n=_n(len(d), lang))
            if len(d) < MIN_TREND
            else i18n.t("sum.reason_span", lang)
        )
        return i18n.t("sum.trend_few", lang, reason=reason), False
    summary = _shared(shared, "trend", trend_summary, history)
    if summary is None:
        return i18n.t("sum.trend_none", lang), True
    is_all = summary["cause"].astype(str) == "all"
    clear = summary[
        ~is_all & summary["direction"].astype(str).isin(["rising", "falling"])
    ]
    items = []
    for row in clear.sort_values("p_value").itertuples():
        items.append(
            i18n.t(
                "sum.trend_one",
                lang,
                cause=_cause(row.cause, lang),
                verdict=i18n.label(_verdict(row.direction), lang),
                per_year=i18n.ratio(row.rate_ratio_per_year, lang),
                p=i18n.p_value(
                    row.q_value if "q_value" in clear.columns else row.p_value,
                    lang,
                    name="q" if "q_value" in clear.columns else "p",
                ),
            )
        )
    items += _changes(history, lang, shared, exclude={str(c) for c in clear["cause"]})
    if items:
        return i18n.t("sum.trend", lang, items=_join(items, lang)), True
    overall = summary[is_all]
    if len(overall) and _verdict(overall["direction"].iloc[0]) in ("rising", "falling"):
        row = overall.iloc[0]
        text = i18n.t(
            "sum.trend_overall",
            lang,
            verdict=i18n.label(_verdict(row["direction"]), lang),
            per_year=i18n.ratio(row["rate_ratio_per_year"], lang),
            # the verdict comes from the q-value: say that one
            p=i18n.p_value(row["q_value"], lang, name="q")
            if "q_value" in overall.columns
            else i18n.p_value(row["p_value"], lang),
        )
        return text, True
    return i18n.t("sum.trend_none", lang), True


def _changes(
    history: History, lang: str, shared: dict[str, Any], *, exclude: set[str]
) -> list[str]:
    """Causes whose rate clearly stepped up or down at a date (change_points)."""
    from .. import analysis

    changes = _shared(shared, "changes", analysis.change_points, history)
    if changes is None:  # no missions: no rates to compare
        return []
    clear = changes[
        changes["direction"].astype(str).isin(["rising", "falling"])
        & (changes["cause"].astype(str) != "all")
        & ~changes["cause"].astype(str).isin(exclude)
    ]
    return [
        i18n.t(
            "sum.trend_since",
            lang,
            cause=_cause(row.cause, lang),
            date=i18n.date(row.changed_at, lang),
            before=i18n.number(row.rate_before, lang, digits=1),
            after=i18n.number(row.rate_after, lang, digits=1),
            q=i18n.p_value(row.q_value, lang, name="q"),
        )
        for row in clear.sort_values("q_value").itertuples()
    ]


def _resolution(history: History, lang: str) -> tuple[str, bool]:
    from ..analysis import time_to_resolution

    d = history.disputes
    n_resolved = int(d["resolved_at"].notna().sum())
    if n_resolved < MIN_RESOLVED:
        text = i18n.t(
            "sum.resolution_few",
            lang,
            count=n_resolved,
            n=i18n.number(n_resolved, lang),
            need=MIN_RESOLVED,
        )
        return text, False
    row = time_to_resolution(history).iloc[0]
    n_open = int(row["n_open"])
    median = row["median_days"]
    if pd.isna(median):
        return i18n.t("sum.resolution_few", lang, count=n_resolved,
                      n=i18n.number(n_resolved, lang),
                      need=MIN_RESOLVED), False  # fmt: skip
    days = i18n.t("n_days", lang, count=float(median))
    if pd.isna(row["ci_high"]) or not np.isfinite(row["ci_high"]):
        return i18n.t("sum.resolution_unbounded", lang, days=days), True
    text = i18n.t(
        "sum.resolution",
        lang,
        days=days,
        low=i18n.number(row["ci_low"], lang),
        high=i18n.t("n_days", lang, count=float(row["ci_high"])),
        open=i18n.t("sum.resolution_open", lang, count=n_open),
    )
    return text, True


def _prevention(
    history: History, lang: str, shared: dict[str, Any]
) -> tuple[str, bool]:
    from scipy.stats import false_discovery_control

    from ..analysis import prevention_effects

    if not history.has_missions:
        return i18n.t("sum.prevention_no_missions", lang), False
    if len(history) < MIN_PREVENTION:
        text = i18n.t("sum.prevention_few", lang, n=_n(len(history), lang),
                      need=MIN_PREVENTION)  # fmt: skip
        return text, False
    effects = _shared(shared, "prevention", prevention_effects, history)
    if effects is None:
        return i18n.t("sum.prevention_no_missions", lang), False
    if not len(effects):  # missions, but no practice recorded in them
        return i18n.t("sum.prevention_not_recorded", lang), False
    effects = effects[np.isfinite(effects["p_value"].astype(float))]
    if effects.empty:
        return i18n.t("sum.prevention_no_missions", lang), False
    if "q_value" in effects.columns:
        q = effects["q_value"].astype(float).to_numpy()
    else:  # a family of tests: Benjamini-Hochberg over every row
        q = false_discovery_control(effects["p_value"].astype(float).to_numpy())
    clear = effects[q < 0.05]
    overall = clear[clear["cause"].astype(str) == "all"]
    if len(overall):
        clear = overall
    fewer: list[str] = []
    more: list[str] = []
    for row in clear.itertuples():
        name = i18n.label(row.practice, lang)
        if str(row.cause) != "all":
            name += f" ({_cause(row.cause, lang)})"
        item = i18n.t(
            "sum.prevention_item",
            lang,
            practice=name,
            ratio=i18n.ratio(row.rate_ratio, lang),
            low=i18n.number(row.ci_low, lang, digits=2),
            high=i18n.number(row.ci_high, lang, digits=2),
        )
        (fewer if row.rate_ratio < 1 else more).append(item)
    parts = []
    if fewer:
        parts.append(i18n.t("sum.prevention_fewer", lang, items=_join(fewer, lang)))
    if more:
        parts.append(i18n.t("sum.prevention_more", lang, items=_join(more, lang)))
    if not parts:
        return i18n.t("sum.prevention_none", lang), True
    return " ".join(parts), True


def _mission_days(history: History, start: Any, end: Any) -> float:
    """Mission-days worked in ``[start, end]`` (0 without missions or days)."""
    from ._select import _clip_missions

    m = history.missions
    if m is None or "days" not in m.columns or not len(m):
        return 0.0
    clipped = _clip_missions(m, start, end, None, history.as_of)
    return float(clipped["days"].sum(min_count=1) or 0.0)


def _compare(
    history: History, before: History | None, period: Period, lang: str
) -> tuple[str, bool]:
    """The chosen period against the same length of time just before it.

    When missions cover both periods, rates are compared (disputes per 100
    mission-days, with the exact test of two Poisson rates): a busier period
    is not a worse one. Otherwise counts are compared, and the sentence says
    it compares counts only.
    """
    opened = history.disputes["opened_at"]
    start = period.start if period.start is not None else opened.min()
    end = period.end if period.end is not None else history.as_of
    count = int(((opened >= start) & (opened <= end)).sum())
    n = _n(count, lang)
    first, last = i18n.date(start, lang), i18n.date(end, lang)
    if before is None:
        text = i18n.t("sum.compare_unknown", lang, n=n, start=first, end=last)
        return text, False
    m = len(before)
    days = _mission_days(history, start, end)
    days_before = _mission_days(before, None, None)
    if days > 0 and days_before > 0 and count + m > 0:
        return _compare_rates(count, days, m, days_before, first, last, lang)
    counts_only = " " + i18n.t("sum.compare_counts_only", lang)
    if m == 0:
        text = i18n.t("sum.compare_none_before", lang, n=n, start=first, end=last)
        return text + counts_only, True
    if count + m < MIN_COMPARE:
        text = i18n.t("sum.compare_few", lang, n=n, m=i18n.number(m, lang),
                      start=first, end=last)  # fmt: skip
        return text + counts_only, False
    change = (count - m) / m
    sign = "+" if change > 0 else ""
    text = i18n.t(
        "sum.compare",
        lang,
        n=n,
        m=i18n.number(m, lang),
        change=sign + i18n.percent(change, lang),
        start=first,
        end=last,
    )
    return text + counts_only, True


def _compare_rates(
    count: int,
    days: float,
    m: int,
    days_before: float,
    first: str,
    last: str,
    lang: str,
) -> tuple[str, bool]:
    """Disputes per 100 mission-days now and before, and whether that differs."""
    from ..analysis._effects import rate_ratio_test

    ratio, low, high, p = rate_ratio_test(count, days, m, days_before)
    rate, rate_before = 100 * count / days, 100 * m / days_before
    change = rate / rate_before - 1 if rate_before > 0 else np.inf
    sign = "+" if change > 0 else ""
    clear = bool(p < 0.05)
    text = i18n.t(
        "sum.compare_rates",
        lang,
        n=_n(count, lang),
        days=i18n.number(days, lang, digits=0),
        rate=i18n.number(rate, lang, digits=1),
        m=i18n.number(m, lang),
        days_before=i18n.number(days_before, lang, digits=0),
        rate_before=i18n.number(rate_before, lang, digits=1),
        change=(sign + i18n.percent(change, lang)) if np.isfinite(change) else "",
        verdict=i18n.t("sum.compare_clear" if clear else "sum.compare_chance", lang),
        p=i18n.p_value(p, lang),
        start=first,
        end=last,
    )
    return text, True
