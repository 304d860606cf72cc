"""Dispute rates per 100 mission-days, with exact Poisson intervals."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pandas.api.types import is_string_dtype
from scipy import stats

from ..errors import ConflictkitWarning
from ..model import History
from ._common import check_choice, check_history, exposure_days
from ._outofcore import client_dispute_counts, is_scan, mission_dispute_counts

__all__ = ["dispute_rates", "lookup", "poisson_rate_ci"]


def lookup(values: pd.Series, keys: pd.Series) -> np.ndarray:
    """Position in ``keys`` (unique) of each of ``values``; -1 where absent.

    Uses pyarrow's hash lookup for text (several times faster than
    ``Index.get_indexer`` on pyarrow strings), pandas otherwise.
    """
    if is_string_dtype(values.dtype) and is_string_dtype(keys.dtype):
        try:
            v = pa.array(values.array)
            k = pa.array(keys.array).cast(v.type)
            found = pc.index_in(v, value_set=k)
            return pc.fill_null(found, -1).to_numpy().astype(np.intp)
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
            pass
    return np.asarray(pd.Index(keys).get_indexer(values), dtype=np.intp)


def poisson_rate_ci(
    n: np.ndarray, exposure: np.ndarray, *, alpha: float = 0.05, per: float = 100.0
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rate per ``per`` units of exposure with its exact (Garwood) interval.

    The bounds are ``chi2.ppf(alpha/2, 2n)/2`` and ``chi2.ppf(1-alpha/2,
    2n+2)/2`` events, divided by the exposure; with 0 events the lower bound
    is 0 and the upper one stays finite. NaN where the exposure is not
    positive.

    Examples
    --------
    >>> rate, lo, hi = poisson_rate_ci([0], [100.0])
    >>> round(float(hi[0]), 3)
    3.689
    """
    n = np.asarray(n, dtype=float)
    e = np.asarray(exposure, dtype=float)
    lo_events = np.where(
        n > 0, stats.chi2.ppf(alpha / 2, 2 * np.maximum(n, 1)) / 2, 0.0
    )
    hi_events = stats.chi2.ppf(1 - alpha / 2, 2 * n + 2) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = np.where(e > 0, per / e, np.nan)
    return n * scale, lo_events * scale, hi_events * scale


def dispute_rates(
    history: History, *, by: str | None = "client", alpha: float = 0.05
) -> pd.DataFrame:
    """Compute the dispute rate per 100 mission-days, with exact Poisson intervals.

    Parameters
    ----------
    history : History
        Disputes and missions (the missions are the exposure).
    by : str or None, default="client"
        ``"client"``; ``None`` for a single overall rate (counting only the
        disputes of clients with mission-days: the others are named in a
        warning, never divided by someone else's days); or any mission
        column (``"contract"``, ``"via_intermediary"``, ``"written_scope"``,
        ``"mission_id"``...), in which case disputes are attributed to groups
        through their ``mission_id`` and disputes without a known mission are
        left out (with a warning saying how many). A missing value forms its
        own group.
    alpha : float, default=0.05
        The intervals are at level ``1 - alpha``.

    Returns
    -------
    pandas.DataFrame
        One row per group, in sorted order, with columns ``by`` (when given),
        ``n_disputes``, ``exposure_days``, ``rate_per_100_days``, ``ci_low``
        and ``ci_high`` (Garwood's exact interval, per 100 days). Groups with
        exposure but no dispute have a rate of 0 and a finite upper bound;
        clients with disputes but no mission have NaN rates (and a warning).

    Raises
    ------
    ValueError
        If the history has no missions: without exposure, a rate is not
        defined (use :func:`cause_counts` for plain counts).

    Examples
    --------
    >>> import pandas as pd
    >>> import conflictkit as ck
    >>> h = ck.History.from_frames(
    ...     pd.DataFrame({"client": ["A", "A"], "mission_id": ["m1", "m1"],
    ...                   "opened_at": ["2024-02-01", "2024-03-01"]}),
    ...     missions=pd.DataFrame({"mission_id": ["m1", "m2"],
    ...                            "client": ["A", "B"],
    ...                            "started_at": ["2024-01-01", "2024-01-01"],
    ...                            "days": [100.0, 50.0]}))
    >>> ck.dispute_rates(h).round(3)
      client  n_disputes  exposure_days  rate_per_100_days  ci_low  ci_high
    0      A           2          100.0                2.0   0.242    7.225
    1      B           0           50.0                0.0   0.000    7.378
    """
    history = check_history(history, out_of_core=True)
    if not 0 < alpha < 1:
        raise ValueError(f"`alpha` must be between 0 and 1, but {alpha!r} was passed.")
    if not history.has_missions:
        raise ValueError(
            "dispute_rates needs exposure (mission-days), but the history has no "
            "missions. Pass missions=... to ck.read_history or "
            "ck.History.from_frames, or use ck.cause_counts for plain counts."
        )
    scan = is_scan(history)
    d = None if scan else history.disputes
    m = history.missions
    assert m is not None
    check_choice("by", by, [None, "client", *[c for c in m.columns if c != "client"]])
    if by is None:
        # only the disputes of clients with mission-days: the others have no
        # denominator here, and dividing them by other clients' days would
        # inflate the rate
        e_by = exposure_days(history, by="client")
        if d is None:  # out of core: disputes per client, not per dispute
            n_by = client_dispute_counts(history)
            has = n_by.index.isin(e_by.index[e_by > 0])
            n_covered, n_all = int(n_by[has].sum()), int(n_by.sum())
            lost = n_by.index[~has].astype(str)
        else:
            covered = d["client"].isin(e_by.index[e_by > 0]).to_numpy()
            n_covered, n_all = int(covered.sum()), len(d)
            lost = d.loc[~covered, "client"].astype(str)
        if n_covered < n_all:
            names = pd.unique(lost)
            shown = ", ".join(names[:5]) + (", ..." if len(names) > 5 else "")
            warnings.warn(
                f"{n_all - n_covered} of {n_all} disputes are left out of the "
                f"overall rate: their {len(names)} clients ({shown}) have no "
                "mission-days. Add their missions to count them.",
                ConflictkitWarning,
                stacklevel=2,
            )
        n = np.array([n_covered])
        e = np.array([float(e_by.sum())])
        groups = None
    elif by == "client":
        e_by = exposure_days(history, by="client")
        n_by = (
            client_dispute_counts(history)
            if d is None
            else d["client"].value_counts(sort=False)
        )
        groups = e_by.index.union(n_by.index).sort_values()
        e = e_by.reindex(groups, fill_value=0.0).to_numpy(dtype=float)
        n = n_by.reindex(groups, fill_value=0).to_numpy(dtype=np.int64)
        orphan = (e <= 0) & (n > 0)
        if orphan.any():
            k, c = int(n[orphan].sum()), int(orphan.sum())
            disputes = "1 dispute belongs" if k == 1 else f"{k} disputes belong"
            clients = "1 client" if c == 1 else f"{c} clients"
            warnings.warn(
                f"{disputes} to {clients} without any mission-days; their rates "
                "are NaN.",
                ConflictkitWarning,
                stacklevel=2,
            )
    else:
        gcode, groups = pd.factorize(m[by], sort=True, use_na_sentinel=False)
        e = np.bincount(
            gcode, weights=m["days"].to_numpy(dtype=float), minlength=len(groups)
        )
        if d is None:  # out of core: disputes per mission
            per = mission_dispute_counts(history)
            ids = per["mission_id"].astype(m["mission_id"].dtype)
            weight = per["n"].to_numpy(dtype=np.int64)
        else:
            ids, weight = d["mission_id"], np.ones(len(d), dtype=np.int64)
        pos = lookup(ids, m["mission_id"])
        linked = pos >= 0
        n_lost = int(weight[~linked].sum())
        if n_lost:
            warnings.warn(
                f"{n_lost} of {int(weight.sum())} disputes have no known mission_id "
                f"and are left out of the rates by {by!r}.",
                ConflictkitWarning,
                stacklevel=2,
            )
        n = np.bincount(
            gcode[pos[linked]], weights=weight[linked], minlength=len(groups)
        ).astype(np.int64)
    rate, lo, hi = poisson_rate_ci(n, e, alpha=alpha)
    out = pd.DataFrame(
        {
            "n_disputes": np.asarray(n, dtype=np.int64),
            "exposure_days": np.asarray(e, dtype=float),
            "rate_per_100_days": rate,
            "ci_low": lo,
            "ci_high": hi,
        }
    )
    if groups is not None:
        out.insert(0, by, groups)
    return out
