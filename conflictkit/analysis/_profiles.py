"""Client profiles and preventive recommendations built on recurring causes."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._labels import CAUSE_DTYPE, Cause, check_lang, label
from ..model import STRING_DTYPE, History
from ._advice import CAUSE_ACTIONS, EVIDENCE, PRACTICE_GAPS, text
from ._common import ALL, check_history
from ._recurring import _N_CAUSES, _Cells, _recurring_frame, _warn_cells

__all__ = ["client_profiles", "recommendations"]

RISK_DTYPE = pd.CategoricalDtype(["low", "medium", "high"], ordered=True)

#: A client whose dispute rate is at least this multiple of yours is "medium".
RATE_FACTOR = 2.0

PROFILE_COLUMNS = [
    "client",
    "n_missions",
    "mission_days",
    "n_disputes",
    "rate_per_100_days",
    "top_cause",
    "recurring_causes",
    "n_open",
    "amount_at_stake",
    "amount_recovered",
    "last_dispute_at",
    "risk",
    "risk_reason",
]

RECOMMENDATION_COLUMNS = ["client", "cause", "action", "evidence", "priority"]

_CAUSES = list(CAUSE_DTYPE.categories)


def _plural(n: np.ndarray, word: str) -> pd.Series:
    """``"2 open disputes"``, ``"1 open dispute"``, vectorized.

    A two-word French phrase takes the plural on both words:
    ``"2 litiges ouverts"``.
    """
    s = pd.Series(n.astype(np.int64)).astype(str)
    mark = np.where(n == 1, "", "s")
    words = word.split(" ")
    if len(words) == 2 and word in _FRENCH_PAIRS:
        return s + " " + words[0] + mark + " " + words[1] + mark
    return s + " " + word + mark


#: French two-word phrases whose words both take the plural.
_FRENCH_PAIRS = {"cause récurrente", "litige ouvert"}

#: The phrases of ``risk_reason``, in English and French.
_REASON = {
    "recurring": ("recurring cause", "cause récurrente"),
    "open": ("open dispute", "litige ouvert"),
    "rate": ("× your overall dispute rate", "× votre taux de litiges global"),
    "none": ("no dispute", "aucun litige"),
    "quiet": (
        "no recurring cause and no open dispute",
        "ni cause récurrente ni litige ouvert",
    ),
}


def _reason(key: str, lang: str) -> str:
    en, fr = _REASON[key]
    return fr if lang == "fr" else en


def _cause_names(names: pd.Series, lang: str) -> pd.Series:
    """``"payment;scope"`` as ``"payment, scope"`` (``"paiement, périmètre"``)."""
    if lang == "en":
        return names.str.replace(";", ", ", regex=False)
    shown = {
        u: ", ".join(label(c, lang).lower() for c in u.split(";") if c)
        for u in names.dropna().unique()
    }
    return names.map(shown).astype("string")  # all-NA maps to float otherwise


def _sum_by(codes: np.ndarray, values: pd.Series, n: int) -> np.ndarray:
    """Per-code sum of a float column, NaN where no value is recorded."""
    v = values.to_numpy(dtype=float, na_value=np.nan)
    has = ~np.isnan(v)
    total = np.bincount(codes[has], weights=v[has], minlength=n)
    seen = np.bincount(codes[has], minlength=n)
    return np.where(seen > 0, total, np.nan)


def client_profiles(history: History, *, lang: str = "en") -> pd.DataFrame:
    """Summarise each client: exposure, disputes, causes, money and risk.

    Parameters
    ----------
    history : History
        The disputes and, when known, the missions.
    lang : {"en", "fr"}, default="en"
        Language of the ``risk_reason`` sentences (the other columns hold
        values, the same in both languages).

    Returns
    -------
    pandas.DataFrame
        One row per client (clients with missions but no dispute included),
        with columns:

        - ``client``;
        - ``n_missions`` (nullable int) and ``mission_days``: missing without
          missions;
        - ``n_disputes``: all the client's disputes, labelled or not;
        - ``rate_per_100_days``: disputes per 100 mission-days (NaN without
          missions or mission-days);
        - ``top_cause``: the cause cited most often (ties: the one more often
          primary, then taxonomy order); missing when nothing is labelled;
        - ``recurring_causes``: the client's recurring causes as found by
          :func:`recurring_causes` with its defaults, strongest first, joined
          with ``";"`` (``"payment;scope"``), or ``""``;
        - ``n_open``: disputes still open at ``as_of``;
        - ``amount_at_stake``, ``amount_recovered``: sums over the client's
          disputes; 0 for a client without dispute, NaN when none of its
          disputes records an amount;
        - ``last_dispute_at``: when its latest dispute was opened;
        - ``risk`` (ordered categorical ``low`` < ``medium`` < ``high``) and
          ``risk_reason``, a short sentence giving the reasons.

        Sorted by risk (high first), then disputes (most first), then client.

    Notes
    -----
    The risk rules are deliberately simple:

    - **high**: at least two recurring causes, or one recurring cause and at
      least one open dispute;
    - **medium**: one recurring cause, or an open dispute, or (with missions)
      at least two disputes at a rate at least twice your overall rate
      (disputes per mission-day over all clients with missions);
    - **low**: anything else.

    Warns
    -----
    SmallSampleWarning
        With fewer than 10 labelled disputes (recurring causes need them).

    Examples
    --------
    >>> import pandas as pd
    >>> import conflictkit as ck
    >>> h = ck.History.from_frames(pd.DataFrame({
    ...     "client": ["Acme"] * 4 + ["Bolt"] * 4 + ["Cera"] * 4,
    ...     "opened_at": pd.date_range("2023-01-01", periods=12, freq="MS"),
    ...     "resolved_at": pd.date_range("2023-01-20", periods=12, freq="MS"),
    ...     "causes": ["payment"] * 4 + ["scope", "tone", "deadlines", "trust"] * 2,
    ... }), as_of="2024-01-01")
    >>> p = ck.client_profiles(h)
    >>> p[["client", "n_disputes", "top_cause", "recurring_causes", "risk"]]
      client  n_disputes top_cause recurring_causes    risk
    0   Acme           4   payment          payment  medium
    1   Bolt           4     scope                      low
    2   Cera           4     scope                      low
    >>> p.loc[0, "risk_reason"]
    '1 recurring cause (payment)'
    >>> ck.client_profiles(h, lang="fr").loc[0, "risk_reason"]
    '1 cause récurrente (paiement)'
    """
    check_history(history)
    check_lang(lang)
    cells = _Cells(history)
    _warn_cells(cells, stacklevel=4)
    rec = _recurring_frame(history, cells, min_disputes=2, alpha=0.05)
    d = history.disputes
    n = len(cells.clients)
    codes = cells.dispute_codes

    n_disputes = np.bincount(codes, minlength=n)
    is_open = d["resolved_at"].isna().to_numpy()
    n_open = np.bincount(codes[is_open], minlength=n)
    at_stake = _sum_by(codes, d["amount_at_stake"], n)
    recovered = _sum_by(codes, d["amount_recovered"], n)
    at_stake[n_disputes == 0] = 0.0
    recovered[n_disputes == 0] = 0.0
    # latest opening per client; NaT is the smallest int64, so clients
    # without disputes keep it
    opened = d["opened_at"].to_numpy(dtype="datetime64[ns]").view(np.int64)
    last = np.full(n, np.iinfo(np.int64).min, dtype=np.int64)
    np.maximum.at(last, codes, opened)
    last = last.view("datetime64[ns]")

    # top cause: most cited, ties broken by primary citations, then taxonomy order
    primary = np.asarray(d["primary_cause"].cat.codes, dtype=np.int64)
    has_primary = primary >= 0
    n_primary = np.bincount(
        codes[has_primary] * _N_CAUSES + primary[has_primary],
        minlength=n * _N_CAUSES,
    ).reshape(n, _N_CAUSES)
    score = cells.counts * (len(d) + 1) + n_primary
    top = np.where(cells.counts.sum(axis=1) > 0, score.argmax(axis=1), -1)

    hits = rec[rec["recurring"]]
    idx = cells.clients.get_indexer(hits["client"])
    n_rec = np.bincount(idx, minlength=n)
    # "payment;scope": strongest first (rec is sorted by p-value), built one
    # rank at a time (at most one per cause) rather than client by client
    order = np.argsort(idx, kind="stable")
    idx = idx[order]
    cause_names = np.asarray(_CAUSES, dtype=object)[
        hits["cause"].cat.codes.to_numpy()[order]
    ]
    starts = np.flatnonzero(np.r_[True, idx[1:] != idx[:-1]]) if len(idx) else idx
    rank = np.arange(len(idx)) - np.repeat(starts, np.diff(np.r_[starts, len(idx)]))
    names = np.full(n, "", dtype=object)
    for r in range(_N_CAUSES):
        at = rank == r
        sep = ";" if r else ""
        names[idx[at]] = names[idx[at]] + sep + cause_names[at]
    names = pd.Series(names)

    if cells.exposure is not None:
        assert cells.mission_codes is not None  # set with the exposure
        n_missions = pd.array(np.bincount(cells.mission_codes, minlength=n), "Int64")
        days = cells.exposure
        with np.errstate(divide="ignore", invalid="ignore"):
            rate = np.where(days > 0, 100.0 * n_disputes / days, np.nan)
        with_days = days > 0
        total_days = days[with_days].sum()
        overall = 100.0 * n_disputes[with_days].sum() / total_days if total_days else 0
        rel = rate / overall if overall > 0 else np.full(n, np.nan)
        high_rate = (rel >= RATE_FACTOR) & (n_disputes >= 2)
    else:
        n_missions = pd.array([pd.NA] * n, dtype="Int64")
        days = np.full(n, np.nan)
        rate = np.full(n, np.nan)
        rel = np.full(n, np.nan)
        high_rate = np.zeros(n, dtype=bool)

    high = (n_rec >= 2) | ((n_rec >= 1) & (n_open >= 1))
    medium = ~high & ((n_rec == 1) | (n_open >= 1) | high_rate)
    risk = np.where(high, "high", np.where(medium, "medium", "low"))

    # the reason, assembled column-wise rather than client by client
    causes_list = _cause_names(names, lang)
    part_rec = _plural(n_rec, _reason("recurring", lang)) + " (" + causes_list + ")"
    part_open = _plural(n_open, _reason("open", lang))
    rel_text = pd.Series(_number(np.round(np.nan_to_num(rel), 1), "%.1f", lang))
    part_rate = rel_text + _reason("rate", lang)
    parts = pd.DataFrame(
        {
            "rec": part_rec.where(n_rec > 0, ""),
            "open": part_open.where(n_open > 0, ""),
            "rate": part_rate.where(high_rate, ""),
        }
    )
    reason = parts["rec"]
    for col in ("open", "rate"):
        sep = " ; " if lang == "fr" else "; "
        glue = np.where((reason != "") & (parts[col] != ""), sep, "")
        reason = reason + glue + parts[col]
    quiet = np.where(n_disputes == 0, _reason("none", lang), _reason("quiet", lang))
    reason = reason.where(reason != "", quiet)

    out = pd.DataFrame(
        {
            "client": pd.array(cells.clients.to_numpy(), dtype=STRING_DTYPE),
            "n_missions": n_missions,
            "mission_days": days.astype(float),
            "n_disputes": n_disputes.astype(np.int64),
            "rate_per_100_days": rate,
            "top_cause": pd.Categorical.from_codes(top, dtype=CAUSE_DTYPE),
            "recurring_causes": pd.array(names.to_numpy(), dtype=STRING_DTYPE),
            "n_open": n_open.astype(np.int64),
            "amount_at_stake": at_stake,
            "amount_recovered": recovered,
            "last_dispute_at": last,
            "risk": pd.Categorical(risk, dtype=RISK_DTYPE),
            "risk_reason": pd.array(reason.to_numpy(), dtype=STRING_DTYPE),
        },
        columns=PROFILE_COLUMNS,
    )
    order = np.lexsort((np.arange(n), -n_disputes, -out["risk"].cat.codes.to_numpy()))
    return out.iloc[order].reset_index(drop=True)


# --------------------------------------------------------------- recommendations
def _number(x: np.ndarray, fmt: str, lang: str) -> np.ndarray:
    """Format numbers, with a decimal comma in French."""
    if np.size(x) == 0:  # np.char fails on empty arrays
        return np.array([], dtype=str)
    s = np.char.mod(fmt, x)
    return np.char.replace(s, ".", ",") if lang == "fr" else s


def _q_text(q: np.ndarray, lang: str) -> np.ndarray:
    """``"= 0.01"`` or ``"< 0.001"`` (decimal comma in French)."""
    small = q < 0.001
    shown = np.char.mod("%.2g", np.where(small, 0.001, q))
    # %.2g may write 1e-03 style for tiny values; they are caught by `small`
    out = np.where(small, "< 0.001", np.char.add("= ", shown))
    return np.char.replace(out, ".", ",") if lang == "fr" else out


def _practice_gaps(history: History, cells: _Cells) -> dict[Cause, np.ndarray]:
    """Per cause with a preventive practice: (lacking, known) missions per client.

    Returns an array of shape (n_clients + 1, 2); the last row is all clients.
    A boolean practice is lacking where it is False (missing = unknown, not
    counted); check-ins are lacking where ``checkin_every_days`` is empty.
    """
    m = history.missions
    out: dict[Cause, np.ndarray] = {}
    if cells.exposure is None or m is None:
        return out
    n = len(cells.clients)
    codes = cells.mission_codes
    assert codes is not None  # set with the exposure
    for cause, gap in PRACTICE_GAPS.items():
        col = m[gap.column]
        if gap.column == "checkin_every_days":
            lacking = col.isna().to_numpy()
            known = np.ones(len(m), dtype=bool)
        else:
            known = col.notna().to_numpy()
            lacking = (col == False).fillna(False).to_numpy(dtype=bool)  # noqa: E712
        per = np.stack(
            [
                np.bincount(codes[lacking], minlength=n),
                np.bincount(codes[known], minlength=n),
            ],
            axis=1,
        )
        out[cause] = np.vstack([per, per.sum(axis=0)])
    return out


def recommendations(history: History, *, lang: str = "en") -> pd.DataFrame:
    """Suggest preventive actions for each client's recurring causes.

    For each recurring client × cause found by :func:`recurring_causes` (with
    its defaults), the preventive actions for that cause, taken from field
    advice for freelancers (frame the scope in writing, change requests, a
    written schedule with buffers, regular check-ins, written minutes,
    deposits, milestone invoicing and payment reminders, moving heated
    exchanges to writing, listening and rephrasing, several options and a
    compromise before a mediator or the courts). When missions are known and
    at least half of the client's missions lacked the practice that prevents
    the cause (a written scope for scope; regular check-ins for deadlines;
    written minutes for trust and tone), an action naming that gap comes
    first.

    When no client has a recurring cause, the table gives general advice
    instead: client ``"all"`` and your most frequent cause (with the practice
    gap over all missions, if any), so a history never comes back without a
    suggestion unless nothing is labelled.

    Parameters
    ----------
    history : History
        The disputes and, when known, the missions.
    lang : {"en", "fr"}, default="en"
        Language of ``action`` and ``evidence``.

    Returns
    -------
    pandas.DataFrame
        One row per action, with columns ``client`` (or ``"all"``), ``cause``
        (categorical :class:`~conflictkit.Cause`; its display name in ``lang``
        is in the text), ``action``, ``evidence`` (e.g. "payment in 4 of 6
        disputes, 3.1× your baseline (q = 0.01)", "paiement dans 4 litiges sur
        6, 3,1× votre référence (q = 0,01)"), and ``priority`` (int, 1 = most
        urgent: client × cause cells ranked by q-value, then rate ratio; the
        actions of a cell share its priority). Sorted by priority.

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
    >>> r.loc[0, "evidence"]
    'paiement dans 4 litiges sur 4, 3,0× votre référence (q = 0,03)'
    >>> r.loc[0, "action"][:31]
    'Demander un acompte avant de co'
    """
    check_history(history)
    check_lang(lang)
    cells = _Cells(history)
    _warn_cells(cells, stacklevel=4)
    rec = _recurring_frame(history, cells, min_disputes=2, alpha=0.05)
    gaps = _practice_gaps(history, cells)
    hits = rec[rec["recurring"]]
    if len(hits):
        order = np.lexsort((-hits["rate_ratio"].to_numpy(), hits["q_value"].to_numpy()))
        hits = hits.iloc[order]
        idx = cells.clients.get_indexer(hits["client"])
        cause_codes = hits["cause"].cat.codes.to_numpy()
        k = hits["n_disputes"].to_numpy()
        evidence = _evidence_recurring(
            cause_codes,
            k,
            cells.n_labelled[idx],
            hits["rate_ratio"].to_numpy(),
            hits["q_value"].to_numpy(),
            lang,
        )
        clients = hits["client"].to_numpy()
        priority = np.arange(1, len(hits) + 1)
    else:
        total = cells.counts.sum(axis=0)
        n_lab = int(cells.labelled.sum())
        if n_lab == 0:
            return _empty_recommendations()
        top = int(total.argmax())
        idx = np.array([len(cells.clients)])  # the "all clients" row of gaps
        cause_codes = np.array([top])
        share = _number(np.array([100.0 * total[top] / n_lab]), "%.0f", lang)
        tmpl = text(EVIDENCE["general"], lang)
        evidence = np.array(
            [
                tmpl.format(
                    cause=label(_CAUSES[top], lang).lower(),
                    k=int(total[top]),
                    s=_s(total[top]),
                    n=n_lab,
                    share=f"{share[0]}{' %' if lang == 'fr' else '%'}",
                )
            ],
            dtype=object,
        )
        clients = np.array([ALL], dtype=object)
        priority = np.array([1])

    pieces = []
    for code, cause in enumerate(_CAUSES):
        sel = cause_codes == code
        if not sel.any():
            continue
        member = Cause(cause)
        ev = evidence[sel]
        base = {
            "client": clients[sel],
            "cause": cause,
            "priority": priority[sel],
        }
        rank = 0
        gap = PRACTICE_GAPS.get(member)
        if gap is not None and member in gaps:
            lacking, known = gaps[member][idx[sel]].T
            has_gap = (known > 0) & (2 * lacking >= known)
            if has_gap.any():
                frag = text(gap.evidence, lang)
                sep = " ; " if lang == "fr" else "; "
                with_gap = [
                    f"{e}{sep}{frag.format(n=a, total=b, s=_s(a))}"
                    for e, a, b in zip(ev, lacking, known, strict=True)
                ]
                ev = np.where(has_gap, np.array(with_gap, dtype=object), ev)
                # a client-specific action; the general advice already opens
                # with the practice, so the gap only joins its evidence
                has_gap &= clients[sel] != ALL
                pieces.append(
                    pd.DataFrame(
                        {**base, "action": text(gap.action, lang), "evidence": ev}
                    )[has_gap].assign(_rank=rank)
                )
        for action in CAUSE_ACTIONS[member]:
            rank += 1
            pieces.append(
                pd.DataFrame(
                    {**base, "action": text(action, lang), "evidence": ev}
                ).assign(_rank=rank)
            )
    out = pd.concat(pieces, ignore_index=True)
    out = out.sort_values(["priority", "_rank"], kind="stable", ignore_index=True)
    return pd.DataFrame(
        {
            "client": pd.array(out["client"].astype(str), dtype=STRING_DTYPE),
            "cause": pd.Categorical(out["cause"], dtype=CAUSE_DTYPE),
            "action": pd.array(out["action"], dtype=STRING_DTYPE),
            "evidence": pd.array(out["evidence"], dtype=STRING_DTYPE),
            "priority": out["priority"].to_numpy(dtype=np.int64),
        },
        columns=RECOMMENDATION_COLUMNS,
    )


def _evidence_recurring(
    cause_codes: np.ndarray,
    k: np.ndarray,
    n: np.ndarray,
    ratio: np.ndarray,
    q: np.ndarray,
    lang: str,
) -> np.ndarray:
    """The evidence sentence of each recurring cell (a short, derived table)."""
    tmpl = text(EVIDENCE["recurring"], lang)
    names = [label(c, lang).lower() for c in _CAUSES]
    return np.array(
        [
            tmpl.format(cause=names[c], k=int(kk), s=_s(kk), n=int(nn), ratio=r, q=qq)
            for c, kk, nn, r, qq in zip(
                cause_codes,
                k,
                n,
                _number(ratio, "%.1f", lang),
                _q_text(q, lang),
                strict=True,
            )
        ],
        dtype=object,
    )


def _s(n: int) -> str:
    """The plural mark of a count."""
    return "" if n == 1 else "s"


def _empty_recommendations() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "client": pd.array([], dtype=STRING_DTYPE),
            "cause": pd.Categorical([], dtype=CAUSE_DTYPE),
            "action": pd.array([], dtype=STRING_DTYPE),
            "evidence": pd.array([], dtype=STRING_DTYPE),
            "priority": np.array([], dtype=np.int64),
        },
        columns=RECOMMENDATION_COLUMNS,
    )
