"""Client profiles: exposure, disputes, causes, money, shrunk rate, tested risk."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from .. import _i18n as i18n
from .._labels import CAUSE_DTYPE, Verdict, check_lang, label
from ..model import STRING_DTYPE, History
from ._common import check_history
from ._recurring import _N_CAUSES, _Cells, _recurring_of, _warn_cells
from ._verdicts import q_values, verdict_column

#: The verdicts of the test of a client's dispute rate against the others'
#: (one-sided: is it higher?).
RATE_VERDICTS = (Verdict.HIGHER, Verdict.NO_CLEAR_CHANGE, Verdict.TOO_FEW)

__all__ = ["client_profiles", "shrunk_rates"]

RISK_DTYPE = pd.CategoricalDtype(["low", "medium", "high"], ordered=True)

#: The false discovery rate at which a client's dispute rate counts as high.
RATE_ALPHA = 0.05

PROFILE_COLUMNS = [
    "client",
    "n_missions",
    "mission_days",
    "n_disputes",
    "rate_per_100_days",
    "shrunk_rate_per_100_days",
    "rate_q_value",
    "rate_verdict",
    "top_cause",
    "recurring_causes",
    "n_open",
    "amount_at_stake",
    "amount_recovered",
    "last_dispute_at",
    "risk",
    "risk_reason",
]

_CAUSES = list(CAUSE_DTYPE.categories)


def _plural(n: np.ndarray, key: str, lang: str) -> pd.Series:
    """``"2 open disputes"``, ``"1 open dispute"``: one text per distinct count.

    The forms and the plural rule come from :mod:`conflictkit._i18n`
    (French ``2 litiges ouverts``, ``1 cause récurrente``).
    """
    counts = pd.Series(n.astype(np.int64))
    texts = {c: i18n.t(key, lang, count=int(c)) for c in counts.unique()}
    # object dtype even when there is no client (an empty map is float)
    return counts.map(texts).astype(object)


def _reason(key: str, lang: str) -> str:
    """A phrase of ``risk_reason`` (from :mod:`conflictkit._i18n`)."""
    return i18n.t(f"reason.{key}", lang)


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


def shrunk_rates(n: np.ndarray, exposure: np.ndarray) -> np.ndarray:
    """Empirical-Bayes (Poisson-gamma) rates per unit of exposure, per client.

    Marshall's (1991) moment estimator: with the pooled rate ``m = sum n /
    sum E``, the exposure-weighted variance of the crude rates ``s2`` and
    the mean exposure ``E_bar``, the variance of the true rates is ``A =
    max(0, s2 - m / E_bar)``, and each rate is pulled towards ``m`` by
    ``A / (A + m / E)``: the posterior mean under a gamma prior of mean
    ``m`` and variance ``A``. Two disputes on a short mission move a client
    little; two hundred mission-days speak for themselves. NaN without
    exposure.

    Examples
    --------
    >>> shrunk_rates(np.array([2, 10, 0]), np.array([10.0, 200.0, 100.0])).round(4)
    array([0.0726, 0.0482, 0.0106])
    """
    n = np.asarray(n, dtype=float)
    e = np.asarray(exposure, dtype=float)
    out = np.full(n.shape, np.nan)
    ok = e > 0
    if not ok.any() or n[ok].sum() == 0:
        out[ok] = 0.0
        return out
    m = n[ok].sum() / e[ok].sum()
    crude = n[ok] / e[ok]
    s2 = float((e[ok] * (crude - m) ** 2).sum() / e[ok].sum())
    a = max(0.0, s2 - m / e[ok].mean())
    weight = a / (a + m / e[ok]) if a > 0 else np.zeros(ok.sum())
    out[ok] = m + weight * (crude - m)
    return out


def rate_p_values(n: np.ndarray, exposure: np.ndarray) -> np.ndarray:
    """One-sided exact p-values: is the client's dispute rate above the others'?

    Conditional on all disputes, a client's count is binomial with its share
    of the mission-days when its rate equals everyone else's (the exact
    conditional comparison of two Poisson rates, client against the rest).
    NaN for clients without mission-days, or with fewer than two clients.

    Examples
    --------
    >>> rate_p_values(np.array([6, 1, 1]), np.array([100.0, 100.0, 100.0])).round(3)
    array([0.02 , 0.961, 0.961])
    """
    n = np.asarray(n)
    e = np.asarray(exposure, dtype=float)
    ok = e > 0
    p = np.full(n.shape, np.nan)
    total = int(n[ok].sum())
    if ok.sum() < 2 or total == 0:
        return p
    p[ok] = stats.binom.sf(n[ok] - 1, total, e[ok] / e[ok].sum())
    return p


def _rate_q_values(n: np.ndarray, exposure: np.ndarray) -> np.ndarray:
    """BH q-values, across clients, of :func:`rate_p_values`."""
    return q_values(rate_p_values(n, exposure))


def client_profiles(
    history: History, *, lang: str = "en", recurring: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Summarise each client: exposure, disputes, causes, money and risk.

    Parameters
    ----------
    history : History
        The disputes and, when known, the missions.
    lang : {"en", "fr"}, default="en"
        Language of the ``risk_reason`` sentences (the other columns hold
        values, the same in both languages).
    recurring : pandas.DataFrame, optional
        The table :func:`recurring_causes` returns for this history with its
        default thresholds, when it is computed already (the report shares
        one); computed here otherwise.

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
        - ``shrunk_rate_per_100_days``: the same, pulled towards your
          overall rate by an empirical-Bayes (Poisson-gamma) estimate (see
          :func:`shrunk_rates`): what to expect next from a client known by
          a few missions;
        - ``rate_q_value``: Benjamini–Hochberg q-value, across clients, of
          the exact one-sided test that the client's dispute rate is above
          the other clients' (NaN without missions);
        - ``rate_verdict`` (categorical :class:`~conflictkit.Verdict`):
          ``higher`` when ``rate_q_value`` is below 0.05; ``too few to
          tell`` when the client cannot be tested, decided before the test
          (no mission-days, or no missions or no disputes in the history);
          ``no clear change`` otherwise, which does not mean the client's
          rate is like the others';
        - ``top_cause``: the cause cited most often (ties: the one more often
          primary, then taxonomy order); missing when nothing is labelled;
        - ``recurring_causes``: the client's recurring causes as found by
          :func:`recurring_causes` with its defaults, strongest first, joined
          with ``";"`` (``"payment;scope"``), or ``""``;
        - ``n_open``: disputes still open at ``as_of``;
        - ``amount_at_stake``, ``amount_recovered``: sums over the client's
          disputes; 0 for a client without dispute, NaN when none of its
          disputes records an amount (and for every client when the column
          was never filled in: unknown is not none);
        - ``last_dispute_at``: when its latest dispute was opened;
        - ``risk`` (ordered categorical ``low`` < ``medium`` < ``high``) and
          ``risk_reason``, a short sentence giving the reasons.

        Sorted by risk (high first), then disputes (most first), then client.

    Notes
    -----
    The risk rules are deliberately simple:

    - **high**: at least two recurring causes, or one recurring cause and
      either an open dispute or a high dispute rate;
    - **medium**: one recurring cause, or an open dispute, or (with missions)
      a high dispute rate: ``rate_q_value`` below 0.05, a test, never a
      ratio computed on two disputes;
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
    check_history(history, out_of_core=True)
    check_lang(lang)
    cells = _Cells(history)
    _warn_cells(cells, stacklevel=4)
    rec = _recurring_of(history, cells, recurring)
    n = len(cells.clients)
    if cells.per_client is not None:  # out of core: the engine's sums per client
        per = cells.per_client
        n_disputes, n_open, at_stake, recovered, last, n_primary, n_all = (
            _engine_columns(per, cells, n)
        )
    else:
        n_disputes, n_open, at_stake, recovered, last, n_primary = _client_columns(
            history, cells, n
        )
        n_all = len(history.disputes)
    # top cause: most cited, ties broken by primary citations, then taxonomy order
    score = cells.counts * (n_all + 1) + n_primary
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
        shrunk = 100.0 * shrunk_rates(n_disputes, days)
        rate_q = _rate_q_values(n_disputes, days)
        high_rate = np.nan_to_num(rate_q, nan=1.0) < RATE_ALPHA
    else:
        n_missions = pd.array([pd.NA] * n, dtype="Int64")
        days = np.full(n, np.nan)
        rate = np.full(n, np.nan)
        rel = np.full(n, np.nan)
        shrunk = np.full(n, np.nan)
        rate_q = np.full(n, np.nan)
        high_rate = np.zeros(n, dtype=bool)

    rate_verdict = np.where(
        high_rate,
        Verdict.HIGHER,
        np.where(np.isnan(rate_q), Verdict.TOO_FEW, Verdict.NO_CLEAR_CHANGE),
    )
    high = (n_rec >= 2) | ((n_rec >= 1) & ((n_open >= 1) | high_rate))
    medium = ~high & ((n_rec == 1) | (n_open >= 1) | high_rate)
    risk = np.where(high, "high", np.where(medium, "medium", "low"))

    # the reason, assembled column-wise rather than client by client
    causes_list = _cause_names(names, lang)
    part_rec = _plural(n_rec, "n_recurring_causes", lang) + " (" + causes_list + ")"
    part_open = _plural(n_open, "n_open_disputes", lang)
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
            "shrunk_rate_per_100_days": shrunk,
            "rate_q_value": rate_q,
            "rate_verdict": verdict_column(rate_verdict, RATE_VERDICTS),
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


def _number(x: np.ndarray, fmt: str, lang: str) -> np.ndarray:
    """Numbers with ``fmt``'s decimals, written by :mod:`conflictkit._i18n`."""
    digits = int(fmt.strip("%.f") or 0)
    return np.array([i18n.number(v, lang, digits=digits) for v in np.asarray(x)],
                    dtype=object)  # fmt: skip


def _client_columns(history: History, cells: _Cells, n: int) -> tuple[Any, ...]:
    """Per client: disputes, open ones, amounts, latest opening, primary causes."""
    d = history.disputes
    codes = cells.dispute_codes
    n_disputes = np.bincount(codes, minlength=n)
    is_open = d["resolved_at"].isna().to_numpy()
    n_open = np.bincount(codes[is_open], minlength=n)
    at_stake = _sum_by(codes, d["amount_at_stake"], n)
    recovered = _sum_by(codes, d["amount_recovered"], n)
    # nothing at stake without a dispute, but only where amounts are recorded
    # at all: a column nobody filled in stays NaN (unknown is not none)
    if d["amount_at_stake"].notna().any():
        at_stake[n_disputes == 0] = 0.0
    if d["amount_recovered"].notna().any():
        recovered[n_disputes == 0] = 0.0
    # latest opening per client; NaT is the smallest int64, so clients
    # without disputes keep it
    opened = d["opened_at"].to_numpy(dtype="datetime64[ns]").view(np.int64)
    last = np.full(n, np.iinfo(np.int64).min, dtype=np.int64)
    np.maximum.at(last, codes, opened)
    last = last.view("datetime64[ns]")
    primary = np.asarray(d["primary_cause"].cat.codes, dtype=np.int64)
    has_primary = primary >= 0
    n_primary = np.bincount(
        codes[has_primary] * _N_CAUSES + primary[has_primary],
        minlength=n * _N_CAUSES,
    ).reshape(n, _N_CAUSES)
    return n_disputes, n_open, at_stake, recovered, last, n_primary


def _engine_columns(per: pd.DataFrame, cells: _Cells, n: int) -> tuple[Any, ...]:
    """:func:`_client_columns` from the engine's sums per client (out of core)."""
    at = per.index.to_numpy()
    n_disputes = np.zeros(n, dtype=np.int64)
    n_disputes[at] = per["n_disputes"].to_numpy(np.int64)
    n_open = np.zeros(n, dtype=np.int64)
    n_open[at] = per["n_open"].to_numpy(np.int64)
    sums = []
    for total, seen in (("at_stake", "n_stake"), ("recovered", "n_recovered")):
        values = np.full(n, np.nan)
        has = per[seen].to_numpy(np.int64) > 0
        values[at[has]] = per[total].to_numpy(float, na_value=np.nan)[has]
        if has.any():  # recorded somewhere: a client without disputes has 0
            values[n_disputes == 0] = 0.0
        sums.append(values)
    last = np.full(n, np.iinfo(np.int64).min, dtype=np.int64)
    opened = pd.to_datetime(per["last_opened"]).to_numpy(dtype="datetime64[ns]")
    last[at] = opened.view(np.int64)
    assert cells.n_primary is not None  # set with per_client
    n_all = int(n_disputes.sum())
    return (n_disputes, n_open, sums[0], sums[1], last.view("datetime64[ns]"),
            cells.n_primary, n_all)  # fmt: skip
