"""Recommendations built from the user's own results, and labelled as such."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .. import _i18n as i18n
from .._labels import CAUSE_DTYPE, Cause, check_lang, label
from ..model import STRING_DTYPE, History
from ._advice import CAUSE_ACTIONS
from ._common import ALL, check_history
from ._effects import (
    PREVENTION_COLUMNS,
    _mission_practices,
    prevention_effects,
    recorded_practices,
)
from ._profiles import _number
from ._recurring import _Cells, _recurring_of, _warn_cells

__all__ = ["BASIS", "RECOMMENDATION_COLUMNS", "recommendations"]

RECOMMENDATION_COLUMNS = [
    "client",
    "cause",
    "action",
    "basis",
    "practice",
    "evidence",
    "priority",
]
#: Where a recommendation comes from.
BASIS = ("your data", "general advice")
BASIS_DTYPE = pd.CategoricalDtype(list(BASIS))
_YOURS, _GENERAL = BASIS
_CAUSES = list(CAUSE_DTYPE.categories)


def _q_text(q: float, lang: str) -> str:
    """``"= 0.01"`` or ``"< 0.001"``, written by :mod:`conflictkit._i18n`."""
    return i18n.p_value(q, lang, name="")[1:]


def _num(x: float, lang: str, fmt: str = "%.2f") -> str:
    return str(_number(np.array([x]), fmt, lang)[0])


def _effects(
    history: History, prevention: pd.DataFrame | None = None
) -> pd.DataFrame | None:
    """``prevention_effects`` within clients, or None without recorded practices.

    ``prevention`` is that table computed already (by the report, which needs
    it for the summary and its own section too): it is checked and used as
    it is. Its own warnings (disputes without a mission...) are the business
    of :func:`prevention_effects`; here they would repeat.
    """
    if not history.has_missions:
        return None
    if prevention is not None:
        effects = checked_prevention(history, prevention)
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            effects = prevention_effects(history)
    return effects if len(effects) else None


def checked_prevention(history: History, prevention: object) -> pd.DataFrame:
    """``prevention`` if it is :func:`prevention_effects`' table for ``history``.

    Checked as far as can be without recomputing it: its columns, and only
    practices this history's missions record.
    """
    if not isinstance(prevention, pd.DataFrame) or list(prevention.columns) != list(
        PREVENTION_COLUMNS
    ):
        raise ValueError(
            "The value for `prevention` must be the table returned by "
            f"prevention_effects(history), with its columns {PREVENTION_COLUMNS}."
        )
    unknown = set(prevention["practice"].astype(str)) - set(recorded_practices(history))
    if unknown:
        raise ValueError(
            "The value for `prevention` must come from the same history: practice "
            f"{sorted(unknown)[0]!r} is not recorded in its missions."
        )
    return prevention


def _gaps(history: History, cells: _Cells) -> dict[str, np.ndarray]:
    """Per recorded practice: (lacking, known) missions per client."""
    m = history.missions
    if m is None or cells.mission_codes is None:
        return {}
    n = len(cells.clients)
    out = {}
    for practice, flag in _mission_practices(m).items():
        known = flag.notna().to_numpy()
        lacking = (~flag).fillna(False).to_numpy(dtype=bool)
        out[practice] = np.stack(
            [
                np.bincount(cells.mission_codes[lacking], minlength=n),
                np.bincount(cells.mission_codes[known], minlength=n),
            ],
            axis=1,
        )
    return out


def _practice_sentence(row: pd.Series, key: str, cause: str, lang: str) -> str:
    ratio = float(row["rate_ratio"])
    low, high = float(row["ci_low"]), float(row["ci_high"])
    if np.isnan(low):  # a side the data do not bound
        interval = f"≤ {_num(high, lang)}"
    elif np.isnan(high):
        interval = f"≥ {_num(low, lang)}"
    else:
        interval = f"{_num(low, lang)}–{_num(high, lang)}"
    return i18n.t(
        f"evidence.{key}",
        lang,
        practice=i18n.t(f"advice.name.{row['practice']}", lang),
        cause=label(cause, lang).lower(),
        pct=_num(100 * (1 - ratio), lang, "%.0f"),
        ratio=_num(ratio, lang),
        interval=interval,
    )


def _cell_rows(
    client: str,
    cause: str,
    finding: str,
    effects: pd.DataFrame | None,
    gap: dict[str, np.ndarray],
    client_code: int | None,
    lang: str,
) -> list[dict[str, object]]:
    """The recommendations for one (client, cause): data first, then advice."""
    sep = " ; " if lang == "fr" else "; "
    rows: list[dict[str, object]] = []
    contradicted: dict[str, str] = {}
    supported: list[str] = []
    # only the practices the field advice names for this cause: testing
    # every practice against every cause would find some by chance
    linked = {a.practice for a in CAUSE_ACTIONS[Cause(cause)] if a.practice}
    if effects is not None:
        mine = effects[
            (effects["cause"].astype(str) == cause) & effects["practice"].isin(linked)
        ]
        for _, row in mine.iterrows():
            practice = str(row["practice"])
            if row["ci_high"] < 1:
                supported.append(practice)
                evidence = _practice_sentence(row, "supported", cause, lang)
                if finding:
                    evidence = finding + sep + evidence
                if client_code is not None and practice in gap:
                    lacking, known = gap[practice][client_code]
                    if known:
                        evidence += sep + i18n.t(
                            "evidence.gap",
                            lang,
                            count=int(lacking),
                            n=int(lacking),
                            total=int(known),
                        )
                rows.append(
                    {
                        "action": i18n.t(f"advice.do.{practice}", lang),
                        "basis": _YOURS,
                        "practice": practice,
                        "evidence": evidence,
                    }
                )
            elif row["ci_low"] > 1:
                contradicted[practice] = _practice_sentence(
                    row, "contradicted", cause, lang
                )
    general = i18n.t("evidence.general", lang)
    against = sep.join(contradicted.values())
    for advice in CAUSE_ACTIONS[Cause(cause)]:
        if advice.practice in contradicted or advice.practice in supported:
            continue
        parts = [p for p in (finding, general, against) if p]
        rows.append(
            {
                "action": advice.text(lang),
                "basis": _GENERAL,
                "practice": advice.practice,
                "evidence": sep.join(parts),
            }
        )
    for row in rows:
        row["client"], row["cause"] = client, cause
    return rows


def recommendations(
    history: History,
    *,
    lang: str = "en",
    recurring: pd.DataFrame | None = None,
    prevention: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Suggest preventive actions, saying which rest on your own data.

    For each client's recurring cause (found by :func:`recurring_causes`
    with its defaults), most urgent first:

    1. **your data**: a mission practice the field advice names for that
       cause (a written scope for scope, regular check-ins for deadlines and
       trust, written minutes for trust) whose rate ratio for that cause, in
       your own missions compared within clients (:func:`prevention_effects`),
       has a 95% interval entirely below 1. Only those practices are
       considered: trying every practice on every cause would find some by
       chance (in 22% of simulated careers, one with no planted effect).
       The evidence gives the ratio, its interval, and how many of the
       client's missions lacked the practice. This is an association in
       your history, not proof that the practice prevents disputes.
    2. **general advice**: the field advice for freelancers for that cause
       (frame the scope in writing, change requests, a written schedule,
       regular check-ins, written minutes, deposits and milestone invoices,
       moving heated exchanges to writing, listening and rephrasing, several
       options and a compromise before a mediator or the courts), labelled
       as advice and never presented as a finding. An action relying on a
       practice your data contradict (interval entirely above 1) is left
       out and the contradiction is stated in the evidence.

    When no client has a recurring cause, the rows are for client ``"all"``
    and your most frequent cause, built the same way. A practice never
    recorded (absent or entirely empty column) never yields a ``"your
    data"`` row: unknown is not none.

    Parameters
    ----------
    history : History
        The disputes and, when known, the missions.
    lang : {"en", "fr"}, default="en"
        Language of ``action`` and ``evidence``.
    recurring : pandas.DataFrame, optional
        The table :func:`recurring_causes` returns for this history with its
        default thresholds, when it is computed already (the report shares
        one); computed here otherwise.
    prevention : pandas.DataFrame, optional
        The table :func:`prevention_effects` returns for this history with
        its defaults, when it is computed already (the report shares one);
        computed here otherwise.

    Returns
    -------
    pandas.DataFrame
        One row per action, with columns ``client`` (or ``"all"``),
        ``cause`` (categorical :class:`~conflictkit.Cause`), ``action``,
        ``basis`` (``"your data"`` or ``"general advice"``), ``practice``
        (the :func:`prevention_effects` practice the action relies on, or
        missing), ``evidence`` (the numbers, in words) and ``priority`` (int,
        1 = most urgent: client x cause cells ranked by q-value, then rate
        ratio; the actions of a cell share it). Sorted by priority, your data
        first within a cell.

    Warns
    -----
    SmallSampleWarning
        With fewer than 10 labelled disputes.

    Examples
    --------
    >>> import pandas as pd
    >>> import conflictkit as ck
    >>> h = ck.History.from_frames(pd.DataFrame({
    ...     "client": ["Acme"] * 4 + ["Bolt"] * 4 + ["Cera"] * 4,
    ...     "opened_at": pd.date_range("2023-01-01", periods=12, freq="MS"),
    ...     "causes": ["payment"] * 4 + ["scope", "tone", "deadlines", "trust"] * 2,
    ... }))
    >>> r = ck.recommendations(h, lang="fr")
    >>> r.loc[0, ["client", "cause", "basis"]].tolist()
    ['Acme', 'payment', 'general advice']
    >>> r.loc[0, "evidence"]
    'paiement dans 4 de ses 4 litiges qui citent une cause, 10,6× le taux des \
autres clients (q = 0,03) ; conseil général de terrain, non vérifié sur vos données'
    """
    check_history(history)
    check_lang(lang)
    cells = _Cells(history)
    _warn_cells(cells, stacklevel=4)
    rec = _recurring_of(history, cells, recurring)
    effects = _effects(history, prevention)
    gap = _gaps(history, cells)
    hits = rec[rec["recurring"]]
    rows: list[dict[str, object]] = []
    if len(hits):
        order = np.lexsort((-hits["rate_ratio"].to_numpy(), hits["q_value"].to_numpy()))
        hits = hits.iloc[order]
        for priority, (_, hit) in enumerate(hits.iterrows(), start=1):
            client, cause = str(hit["client"]), str(hit["cause"])
            code = int(cells.clients.get_loc(client))
            k = int(hit["n_disputes"])
            finding = i18n.t(
                "evidence.recurring",
                lang,
                count=k,
                cause=label(cause, lang).lower(),
                k=k,
                n=int(cells.n_labelled[code]),
                ratio=_num(float(hit["rate_ratio"]), lang, "%.1f"),
                q=_q_text(float(hit["q_value"]), lang),
            )
            for row in _cell_rows(client, cause, finding, effects, gap, code, lang):
                rows.append({**row, "priority": priority})
    else:
        total = cells.counts.sum(axis=0)
        n_lab = int(cells.labelled.sum())
        if n_lab == 0:
            return _frame([])
        top = int(total.argmax())
        share = _num(100.0 * total[top] / n_lab, lang, "%.0f")
        finding = i18n.t(
            "evidence.frequent",
            lang,
            count=int(total[top]),
            cause=label(_CAUSES[top], lang).lower(),
            k=int(total[top]),
            n=n_lab,
            share=f"{share}{' %' if lang == 'fr' else '%'}",
        )
        for row in _cell_rows(ALL, _CAUSES[top], finding, effects, {}, None, lang):
            rows.append({**row, "priority": 1})
    return _frame(rows)


def _frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=RECOMMENDATION_COLUMNS)
    rank = (out["basis"] != _YOURS).to_numpy(dtype=int)
    out = out.iloc[np.lexsort((rank, out["priority"].to_numpy(dtype=np.int64)))]
    return pd.DataFrame(
        {
            "client": pd.array(out["client"].astype(str), dtype=STRING_DTYPE),
            "cause": pd.Categorical(out["cause"], dtype=CAUSE_DTYPE),
            "action": pd.array(out["action"].astype(str), dtype=STRING_DTYPE),
            "basis": pd.Categorical(out["basis"], dtype=BASIS_DTYPE),
            "practice": pd.array(
                out["practice"].where(out["practice"].notna(), None),
                dtype=STRING_DTYPE,
            ),
            "evidence": pd.array(out["evidence"].astype(str), dtype=STRING_DTYPE),
            "priority": out["priority"].to_numpy(dtype=np.int64),
        },
        columns=RECOMMENDATION_COLUMNS,
    ).reset_index(drop=True)
