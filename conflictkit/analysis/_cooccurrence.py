"""Which causes are cited together in the same dispute."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse

from .._labels import CAUSE_DTYPE
from ..model import History
from ._common import check_history, warn_small
from ._trends import dispute_positions

__all__ = ["cause_cooccurrence"]

#: Fewer labelled disputes than this and a lift is mostly noise.
MIN_LABELLED = 20


def cause_cooccurrence(history: History, *, min_count: int = 1) -> pd.DataFrame:
    """Count how often two causes are cited in the same dispute.

    Parameters
    ----------
    history : History
        The disputes; only ``history.causes`` is read.
    min_count : int, default=1
        Drop pairs seen in fewer disputes than this (0 keeps all 15 pairs).

    Returns
    -------
    pandas.DataFrame
        One row per unordered pair of distinct causes, sorted by
        ``n_disputes`` descending (ties in cause order), with columns:

        - ``cause_a``, ``cause_b``: categorical :class:`Cause`, ``cause_a``
          before ``cause_b`` in the order of :class:`Cause`;
        - ``n_disputes``: disputes citing both;
        - ``share``: ``n_disputes`` over the labelled disputes;
        - ``lift``: ``P(a and b) / (P(a) P(b))`` among labelled disputes
          (1 = as often as chance; above 1 = they travel together); NaN when
          either cause is never cited.

    Warns
    -----
    SmallSampleWarning
        With fewer than 20 labelled disputes.

    Examples
    --------
    >>> import pandas as pd
    >>> import conflictkit as ck
    >>> h = ck.History.from_frames(pd.DataFrame({
    ...     "client": ["A", "A", "B", "B"],
    ...     "opened_at": ["2024-01-10", "2024-02-01", "2024-02-03", "2024-03-05"],
    ...     "causes": ["payment;tone", "tone;payment", "scope;tone", "payment"]}))
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", ck.SmallSampleWarning)
    ...     ck.cause_cooccurrence(h)
       cause_a cause_b  n_disputes  share      lift
    0  payment    tone           2   0.50  0.888889
    1    scope    tone           1   0.25  1.333333
    """
    history = check_history(history)
    if min_count < 0:
        raise ValueError(
            f"`min_count` must be 0 or more, but {min_count!r} was passed."
        )
    c = history.causes
    k = len(CAUSE_DTYPE.categories)
    cause_code = np.asarray(c["cause"].astype(CAUSE_DTYPE).cat.codes, dtype=np.int64)
    pos = dispute_positions(history)
    ok = (cause_code >= 0) & (pos >= 0)
    # rows of the dispute x cause matrix: the labelled disputes, numbered
    labelled = np.zeros(len(history.disputes) + 1, dtype=bool)
    labelled[pos[ok]] = True
    n_labelled = int(labelled.sum())
    dispute_code = np.cumsum(labelled)[pos[ok]] - 1
    warn_small(n_labelled, MIN_LABELLED, "labelled disputes")
    x = sparse.csr_matrix(
        (np.ones(len(dispute_code), dtype=np.int64), (dispute_code, cause_code[ok])),
        shape=(n_labelled, k),
    )
    x.data = np.minimum(x.data, 1)  # a cause cited twice counts once
    both = (x.T @ x).toarray()
    cited = np.diag(both).astype(float)
    a, b = np.triu_indices(k, 1)
    n = both[a, b]
    with np.errstate(divide="ignore", invalid="ignore"):
        share = n / n_labelled if n_labelled else np.full(len(n), np.nan)
        lift = n * n_labelled / (cited[a] * cited[b])
    out = pd.DataFrame(
        {
            "cause_a": pd.Categorical.from_codes(a, dtype=CAUSE_DTYPE),
            "cause_b": pd.Categorical.from_codes(b, dtype=CAUSE_DTYPE),
            "n_disputes": n.astype(np.int64),
            "share": share,
            "lift": np.where((cited[a] > 0) & (cited[b] > 0), lift, np.nan),
        }
    )
    out = out[out["n_disputes"] >= min_count]
    order = np.argsort(-out["n_disputes"].to_numpy(), kind="stable")
    return out.iloc[order].reset_index(drop=True)
