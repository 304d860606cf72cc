"""How disputes end, as competing risks: the Aalen–Johansen cumulative incidence."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .._labels import AGREEMENT, Escalation, Outcome
from ..model import History
from ._common import ALL, cause_positions, check_choice, check_history

__all__ = ["ENDS", "INCIDENCE_COLUMNS", "outcome_incidence"]

#: The ways a dispute can end, competing with one another. ``court``: it was
#: resolved after reaching court (whatever the outcome); ``not recorded``:
#: resolved, outcome unknown (kept apart so it inflates no other end).
ENDS = ("agreement", "prevailed", "conceded", "abandoned", "court", "not recorded")
ENDS_DTYPE = pd.CategoricalDtype(list(ENDS))
INCIDENCE_COLUMNS = ["end", "horizon_days", "incidence", "n_disputes", "n_ended"]


def _end_codes(history: History) -> np.ndarray:
    """The end of each dispute as a code into :data:`ENDS`; -1 while open."""
    d = history.disputes
    outcome = d["outcome"].astype("string")
    code = np.full(len(d), ENDS.index("not recorded"), dtype=np.int64)
    agreed = outcome.isin([str(o) for o in AGREEMENT]).to_numpy(dtype=bool)
    code[agreed] = ENDS.index("agreement")
    for name in ("prevailed", "conceded", "abandoned"):
        code[(outcome == str(Outcome(name))).fillna(False).to_numpy(dtype=bool)] = (
            ENDS.index(name)
        )
    court = (d["escalation"].astype("string") == str(Escalation.COURT)).fillna(False)
    code[court.to_numpy(dtype=bool)] = ENDS.index("court")
    code[d["resolved_at"].isna().to_numpy()] = -1
    return code


def aalen_johansen(
    group: np.ndarray,
    time: np.ndarray,
    end: np.ndarray,
    horizons: Sequence[float] | np.ndarray,
    n_ends: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cumulative incidence of each end at each horizon, per group code.

    ``end`` is -1 for a censored (open) dispute. At each distinct time of a
    group, with ``n`` disputes still running just before it and ``d_k``
    ending there by end ``k``, the incidence of ``k`` grows by ``S(t-) d_k /
    n``, where ``S`` is the Kaplan–Meier probability of still running (all
    ends together); disputes censored at a time count as running at it.

    Returns ``(incidence, n_ended, n_disputes)``: incidence and ends observed
    by each horizon, shaped (groups, horizons, ends), and group sizes.
    """
    n_groups = int(group.max()) + 1 if len(group) else 0
    frame = pd.DataFrame({"g": group, "t": time, "e": end})
    counts = frame.groupby(["g", "t", "e"], sort=True).size().unstack("e", fill_value=0)
    for k in range(-1, n_ends):
        if k not in counts.columns:
            counts[k] = 0
    counts = counts[list(range(-1, n_ends))]
    events = counts[list(range(n_ends))].to_numpy(dtype=float)
    leaving = counts.to_numpy(dtype=float).sum(axis=1)
    g = counts.index.get_level_values("g").to_numpy()
    t = counts.index.get_level_values("t").to_numpy(dtype=float)
    size = np.bincount(group, minlength=n_groups).astype(float)
    left_before = pd.Series(leaving).groupby(g).cumsum().to_numpy() - leaving
    at_risk = size[g] - left_before
    d = events.sum(axis=1)
    step = 1.0 - d / at_risk
    surv_after = pd.Series(step).groupby(g).cumprod().to_numpy()
    surv_before = _shifted(surv_after, g)
    jumps = surv_before[:, None] * events / at_risk[:, None]
    cif = pd.DataFrame(jumps).groupby(g).cumsum().to_numpy()
    ended = pd.DataFrame(events).groupby(g).cumsum().to_numpy()
    h = np.asarray(horizons, dtype=float)
    incidence = np.zeros((n_groups, len(h), n_ends))
    n_ended = np.zeros((n_groups, len(h), n_ends))
    starts = np.searchsorted(g, np.arange(n_groups), side="left")
    stops = np.searchsorted(g, np.arange(n_groups), side="right")
    for code in range(n_groups):  # one searchsorted per group, vectorised in h
        lo, hi = starts[code], stops[code]
        at = np.searchsorted(t[lo:hi], h, side="right") - 1
        ok = at >= 0
        incidence[code, ok] = cif[lo:hi][at[ok]]
        n_ended[code, ok] = ended[lo:hi][at[ok]]
    return incidence, n_ended, size


def _shifted(values: np.ndarray, group: np.ndarray) -> np.ndarray:
    """The previous value within each group (1 at a group's first row)."""
    out = np.ones_like(values)
    same = np.r_[False, group[1:] == group[:-1]]
    out[1:][same[1:]] = values[:-1][same[1:]]
    return out


def outcome_incidence(
    history: History,
    *,
    by: str | None = "cause",
    horizons: Sequence[float] = (7, 30, 90),
) -> pd.DataFrame:
    """Share of disputes ended each way within 7, 30, 90 days, open ones censored.

    The ends compete: a dispute settled by agreement can no longer be
    conceded. Counting only the disputes already closed would overstate
    every end (the long ones are still open), and treating the other ends as
    censoring, as a Kaplan–Meier curve per end would, overstates them too.
    The Aalen–Johansen estimator does neither: the probability of ending by
    ``k`` within ``h`` days sums, over the times a dispute ended, the
    probability of still running just before (Kaplan–Meier, all ends
    together) times the share of those still running that ended by ``k``
    then. Disputes still open at ``history.as_of`` count as running until
    then (right-censored).

    Parameters
    ----------
    history : History
        The disputes (``opened_at``, ``resolved_at``, ``outcome``,
        ``escalation``).
    by : {"cause", "client", None}, default="cause"
        One group per cause (a dispute counts once per cause it cites;
        unlabelled disputes are left out), per client, or all disputes
        together.
    horizons : sequence of float, default=(7, 30, 90)
        Days since the opening at which the incidence is read.

    Returns
    -------
    pandas.DataFrame
        One row per group, end and horizon, with columns: ``by`` (when
        given; ``"all"`` for every dispute when ``by="cause"`` is asked, as
        the last group), ``end`` (``agreement`` = amicable or compromise,
        ``prevailed``, ``conceded``, ``abandoned``, ``court`` = resolved
        after reaching court whatever the outcome, ``not recorded`` =
        resolved without a recorded outcome), ``horizon_days``,
        ``incidence`` (the probability of having ended that way by then),
        ``n_disputes`` (in the group) and ``n_ended`` (ended that way by then,
        as observed). Within a group and horizon, the incidences plus the
        probability of still running sum to 1.

    Examples
    --------
    Four disputes: two agreed after 5 and 20 days, one conceded after 10,
    one still open after 30 days (censored):

    >>> import pandas as pd
    >>> import conflictkit as ck
    >>> h = ck.History.from_frames(pd.DataFrame({
    ...     "client": ["A"] * 4,
    ...     "opened_at": ["2024-01-01"] * 4,
    ...     "resolved_at": ["2024-01-06", "2024-01-11", "2024-01-21", None],
    ...     "outcome": ["amicable", "conceded", "compromise", None]}),
    ...     as_of="2024-01-31")
    >>> out = ck.outcome_incidence(h, by=None, horizons=(30,))
    >>> out.set_index("end").loc[["agreement", "conceded"], "incidence"].tolist()
    [0.5, 0.25]

    Agreement: 1/4 at day 5, then half of those still running at day 20
    (probability 1/2 by then); conceded: 3/4 still running at day 10, one in
    three of them conceded.
    """
    history = check_history(history)
    check_choice("by", by, ["cause", "client", None])
    h = np.asarray(list(horizons), dtype=float)
    if h.ndim != 1 or not len(h) or not np.isfinite(h).all() or (h < 0).any():
        raise ValueError(
            "The value for `horizons` must be a non-empty sequence of days >= 0, "
            f"but {horizons!r} was passed."
        )
    durations = history.durations()
    time = durations["duration_days"].to_numpy(dtype=float)
    end = _end_codes(history)
    end = np.where(durations["resolved"].to_numpy(), end, -1)
    n_ends = len(ENDS)
    if by is None:
        group = np.zeros(len(time), dtype=np.int64)
        labels: list[str] = [ALL]
    elif by == "client":
        group, uniques = pd.factorize(history.disputes["client"], sort=True)
        labels = [str(u) for u in uniques]
    else:
        causes = history.causes
        pos = cause_positions(history)
        code = np.asarray(causes["cause"].cat.codes, dtype=np.int64)
        ok = (pos >= 0) & (code >= 0)
        labels = [*(str(c) for c in causes["cause"].cat.categories), ALL]
        every = np.arange(len(time))
        group = np.r_[code[ok], np.full(len(time), len(labels) - 1)]
        rows = np.r_[pos[ok], every]
        time, end = time[rows], end[rows]
    group = np.asarray(group, dtype=np.int64)
    keep = np.isfinite(time)
    incidence, n_ended, size = aalen_johansen(
        group[keep], time[keep], end[keep], h, n_ends
    )
    size = np.r_[size, np.zeros(len(labels) - len(size))]
    if len(incidence) < len(labels):  # groups without any dispute
        pad = len(labels) - len(incidence)
        incidence = np.r_[incidence, np.full((pad, len(h), n_ends), np.nan)]
        n_ended = np.r_[n_ended, np.zeros((pad, len(h), n_ends))]
    incidence[size == 0] = np.nan
    n_g = len(labels)
    out = pd.DataFrame(
        {
            "end": pd.Categorical.from_codes(
                np.tile(np.arange(n_ends), n_g * len(h)), dtype=ENDS_DTYPE
            ),
            "horizon_days": np.tile(np.repeat(h, n_ends), n_g),
            "incidence": incidence.reshape(-1),
            "n_disputes": np.repeat(size, len(h) * n_ends).astype(np.int64),
            "n_ended": n_ended.reshape(-1).astype(np.int64),
        },
        columns=INCIDENCE_COLUMNS,
    )
    if by is not None:
        values = np.repeat(np.asarray(labels, dtype=object), len(h) * n_ends)
        out.insert(0, by, values)
    return out
