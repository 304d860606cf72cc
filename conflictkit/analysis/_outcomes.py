"""How disputes end, per cause: outcome, escalation, retention and money."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._labels import AGREEMENT, CAUSE_DTYPE, Escalation, Outcome
from ..model import History
from ._common import ALL, cause_positions, check_history, warn_small
from ._outofcore import is_scan, outcome_sums

__all__ = ["outcomes_by_cause"]

#: Fewer resolved disputes with a known outcome than this earns a warning.
MIN_OUTCOMES = 10

_OUTCOMES = list(Outcome)
_STEPS = list(Escalation)[1:]  # "reached dialogue" is every dispute


def _share(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1), np.nan)


def _dispute_metrics(d: pd.DataFrame) -> dict[str, np.ndarray]:
    """Per-dispute indicator and amount columns (float), summed per group."""
    resolved = d["resolved_at"].notna().to_numpy()
    outcome = d["outcome"]
    ocodes = np.asarray(outcome.cat.codes)
    ocats = list(outcome.cat.categories)
    # an outcome says the dispute ended, with or without its date
    known = ocodes >= 0
    ecodes = np.asarray(d["escalation"].cat.codes)
    ecats = list(d["escalation"].cat.categories)
    retained = d["client_retained"]
    r_known = retained.notna().to_numpy()
    r_true = retained.fillna(False).to_numpy(dtype=bool)
    stake = d["amount_at_stake"].to_numpy(dtype=float)
    recovered = d["amount_recovered"].to_numpy(dtype=float)
    both = resolved & ~np.isnan(stake) & ~np.isnan(recovered)
    m: dict[str, np.ndarray] = {
        "n_disputes": np.ones(len(d)),
        "n_resolved": resolved,
        "n_outcome_known": known,
    }
    agree = np.zeros(len(d), dtype=bool)
    for o in _OUTCOMES:
        hit = known & (ocodes == ocats.index(o.value))
        m[f"share_{o.value}"] = hit
        if o in AGREEMENT:
            agree |= hit
    m["share_agreement"] = agree
    m["n_escalation_known"] = ecodes >= 0
    for step in _STEPS:
        m[f"reached_{step.value}"] = ecodes >= ecats.index(step.value)
    m["n_retention_known"] = r_known
    m["retention"] = r_known & r_true
    m["amount_at_stake"] = np.nan_to_num(stake)
    m["amount_recovered"] = np.nan_to_num(recovered)
    m["_n_stake"] = ~np.isnan(stake)
    m["_n_recovered"] = ~np.isnan(recovered)
    m["_stake_both"] = np.where(both, stake, 0.0)
    m["_recovered_both"] = np.where(both, recovered, 0.0)
    return {k: np.asarray(v, dtype=float) for k, v in m.items()}


def outcomes_by_cause(history: History) -> pd.DataFrame:
    """How disputes ended, per cause: outcomes, escalation, retention, money.

    A dispute counts under every cause it cites; the ``all`` row counts each
    dispute once (unlabelled ones included), so the cause rows add up to
    more than it when disputes cite several causes. Unknown values (empty
    ``outcome``, ``escalation``, ``client_retained`` or amounts) are left out
    of the denominators, and the ``n_*_known`` columns say how many were
    known.

    Parameters
    ----------
    history : History
        The disputes.

    Returns
    -------
    pandas.DataFrame
        One row per :class:`Cause` (in the taxonomy's order, causes never
        seen included with zero counts and NaN shares) and a last row
        ``"all"``, with columns:

        - ``cause``;
        - ``n_disputes``, ``n_resolved``;
        - ``n_outcome_known``: disputes whose outcome is recorded (an
          outcome says the dispute ended, even when its date is unknown);
        - ``share_amicable``, ``share_compromise``, ``share_conceded``,
          ``share_prevailed``, ``share_abandoned``: each outcome's share of
          ``n_outcome_known`` (they sum to 1);
        - ``share_agreement``: share amicable or compromise;
        - ``n_escalation_known``: disputes whose furthest step is recorded;
        - ``reached_proposal``, ``reached_mediation``, ``reached_court``:
          share of those that got at least that far;
        - ``n_retention_known``, ``retention``: share of disputes after which
          the client was kept, among those where it is recorded;
        - ``amount_at_stake``, ``amount_recovered``: totals of the recorded
          amounts, open disputes included; NaN when none of the cause's
          disputes records one (unknown is not none), 0 for a cause nobody
          cited when amounts are recorded elsewhere;
        - ``recovery_rate``: total recovered over total at stake, among
          resolved disputes where both amounts are recorded (NaN when that
          total at stake is 0).

    Warns
    -----
    SmallSampleWarning
        When fewer than 10 resolved disputes have a recorded outcome.

    Examples
    --------
    >>> import pandas as pd
    >>> import conflictkit as ck
    >>> h = ck.History.from_frames(pd.DataFrame({
    ...     "client": ["A"] * 10,
    ...     "opened_at": ["2024-01-01"] * 10,
    ...     "resolved_at": ["2024-02-01"] * 10,
    ...     "causes": ["payment"] * 6 + ["scope"] * 4,
    ...     "outcome": ["amicable"] * 5 + ["abandoned"] * 5}))
    >>> t = ck.outcomes_by_cause(h)
    >>> t[["cause", "n_disputes", "share_agreement"]].round(2)
           cause  n_disputes  share_agreement
    0      scope           4             0.00
    1  deadlines           0              NaN
    2    payment           6             0.83
    3       tone           0              NaN
    4      trust           0              NaN
    5      other           0              NaN
    6        all          10             0.50
    """
    history = check_history(history, out_of_core=True)
    labels = [str(c) for c in CAUSE_DTYPE.categories]
    sums = outcome_sums(history) if is_scan(history) else _sums(history)
    out = pd.DataFrame({"cause": [*labels, ALL]})
    for name in ("n_disputes", "n_resolved", "n_outcome_known"):
        out[name] = sums[name].astype(np.int64)
    for o in _OUTCOMES:
        out[f"share_{o.value}"] = _share(
            sums[f"share_{o.value}"], sums["n_outcome_known"]
        )
    out["share_agreement"] = _share(sums["share_agreement"], sums["n_outcome_known"])
    out["n_escalation_known"] = sums["n_escalation_known"].astype(np.int64)
    for step in _STEPS:
        name = f"reached_{step.value}"
        out[name] = _share(sums[name], sums["n_escalation_known"])
    out["n_retention_known"] = sums["n_retention_known"].astype(np.int64)
    out["retention"] = _share(sums["retention"], sums["n_retention_known"])
    for name, seen in (("amount_at_stake", "_n_stake"),
                       ("amount_recovered", "_n_recovered")):  # fmt: skip
        # unknown is not none: no recorded amount among a cause's disputes is
        # NaN, not 0; a cause nobody cited has 0 when amounts are recorded
        recorded = sums[seen] > 0
        nobody = (sums["n_disputes"] == 0) & recorded[-1]
        out[name] = np.where(recorded | nobody, sums[name], np.nan)
    out["recovery_rate"] = _share(sums["_recovered_both"], sums["_stake_both"])
    warn_small(
        int(sums["n_outcome_known"][-1]),
        MIN_OUTCOMES,
        "resolved disputes with a recorded outcome",
    )
    return out


def _sums(history: History) -> dict[str, np.ndarray]:
    """Each metric summed per cause (taxonomy order), then over every dispute."""
    d = history.disputes
    metrics = _dispute_metrics(d)
    causes = history.causes
    pos = cause_positions(history)
    keep = pos >= 0
    pos = pos[keep]
    codes = np.asarray(causes["cause"].astype(CAUSE_DTYPE).cat.codes)[keep]
    ok = codes >= 0
    pos, codes = pos[ok], codes[ok]
    g = len(CAUSE_DTYPE.categories)
    return {
        name: np.append(np.bincount(codes, weights=col[pos], minlength=g), col.sum())
        for name, col in metrics.items()
    }
