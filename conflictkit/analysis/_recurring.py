"""Recurring causes per client: exact tests against the freelancer's own baseline."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from scipy import stats

from .._labels import CAUSE_DTYPE, Verdict
from ..errors import ConflictkitWarning
from ..model import STRING_DTYPE, History
from ._common import check_history, warn_small
from ._effects import rate_ratio_test
from ._outofcore import client_cause_rows, column_values, is_scan
from ._verdicts import verdict_column

__all__ = ["recurring_causes"]

#: Below this many labelled disputes, recurring_causes warns.
MIN_LABELLED = 10

_N_CAUSES = len(CAUSE_DTYPE.categories)

RECURRING_COLUMNS = [
    "client",
    "cause",
    "n_disputes",
    "expected",
    "rate_ratio",
    "ci_low",
    "ci_high",
    "p_value",
    "q_value",
    "recurring",
    "median_gap_days",
    "verdict",
]

#: The verdicts a client x cause cell can reach: the test is one-sided (is
#: the cause over-represented with this client?), so never ``lower``.
RECURRING_VERDICTS = (Verdict.HIGHER, Verdict.NO_CLEAR_CHANGE, Verdict.TOO_FEW)


class _Cells:
    """Client codes and the client x cause count matrix, shared with profiles."""

    #: median gap of each cell, when an engine computed them (out of core)
    gaps: np.ndarray | None = None
    #: per-client sums the engine computed for client_profiles (out of core)
    per_client: pd.DataFrame | None = None
    n_primary: np.ndarray | None = None

    def __init__(self, history: History) -> None:
        if is_scan(history):
            self._from_engine(history)
            return
        d = history.disputes
        m = history.missions if history.has_missions else None
        # one factorization of every client name (disputes, then missions);
        # pyarrow's hash encoding, then the few uniques sorted by name
        names = d["client"]
        if m is not None:
            names = pd.concat([names, m["client"]], ignore_index=True)
        codes, uniques = pd.factorize(names)
        if (codes < 0).any():
            raise ValueError(
                f"{int((codes < 0).sum())} disputes or missions have no client; "
                "build the history with ck.History.from_frames to validate it."
            )
        uniques = pd.Index(uniques, dtype=STRING_DTYPE)
        order = uniques.argsort()
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        codes = rank[codes]
        clients = uniques[order]
        dispute_codes = codes[: len(d)]
        mission_codes = codes[len(d) :] if m is not None else None
        self.clients = clients
        self.dispute_codes = np.asarray(dispute_codes, dtype=np.int64)
        self.mission_codes = mission_codes
        n_clients = len(clients)

        c = history.causes
        pos = _dispute_positions(d, c)
        cause_codes = np.asarray(c["cause"].cat.codes, dtype=np.int64)
        keep = (pos >= 0) & (cause_codes >= 0)
        if not keep.all():
            pos, cause_codes = pos[keep], cause_codes[keep]
        #: dispute position of each cause row, and its cell (client * C + cause)
        self.pos = pos
        self.cell = self.dispute_codes[pos] * _N_CAUSES + cause_codes
        self.counts = np.bincount(self.cell, minlength=n_clients * _N_CAUSES).reshape(
            n_clients, _N_CAUSES
        )
        labelled = np.zeros(len(d), dtype=bool)
        labelled[pos] = True
        self.labelled = labelled
        #: labelled disputes per client
        self.n_labelled = np.bincount(self.dispute_codes[labelled], minlength=n_clients)
        self.exposure = None
        if m is not None:
            assert mission_codes is not None  # set above whenever m is not None
            self.exposure = np.bincount(
                mission_codes,
                weights=m["days"].to_numpy(dtype=float, na_value=0.0),
                minlength=n_clients,
            )

    def _from_engine(self, history: Any) -> None:
        """The same cells from DuckDB's counts per client and cause."""
        rows = client_cause_rows(history)
        cells, per = rows["cells"], rows["clients"]
        m = history.missions if history.has_missions else None
        names = column_values(per["client"], "client")
        if m is not None:
            names = pd.concat([names, m["client"]], ignore_index=True)
        if names.isna().any():
            raise ValueError(
                f"{int(names.isna().sum())} disputes or missions have no client; "
                "build the history with ck.History.from_frames to validate it."
            )
        uniques = pd.Index(pd.unique(names), dtype=STRING_DTYPE)
        clients = uniques[uniques.argsort()]
        n_clients = len(clients)
        self.clients = clients
        at = clients.get_indexer(column_values(per["client"], "client"))
        self.per_client = per.assign(code=at).set_index("code").sort_index()
        code = clients.get_indexer(column_values(cells["client"], "client"))
        self.cell = code.astype(np.int64) * _N_CAUSES + cells["c"].to_numpy(np.int64)
        size = n_clients * _N_CAUSES
        self.counts = (
            np.bincount(self.cell, weights=cells["n"].to_numpy(float), minlength=size)
            .astype(np.int64)
            .reshape(n_clients, _N_CAUSES)
        )
        self.n_primary = (
            np.bincount(
                self.cell, weights=cells["n_primary"].to_numpy(float), minlength=size
            )
            .astype(np.int64)
            .reshape(n_clients, _N_CAUSES)
        )
        self.gaps = np.full(size, np.nan)
        self.gaps[self.cell] = cells["gap"].to_numpy(dtype=float, na_value=np.nan)
        self.n_labelled = np.bincount(
            at, weights=per["n_labelled"].to_numpy(float), minlength=n_clients
        ).astype(np.int64)
        self.exposure = None
        self.mission_codes = None
        if m is not None:
            self.mission_codes = np.asarray(
                clients.get_indexer(m["client"]), dtype=np.int64
            )
            self.exposure = np.bincount(
                self.mission_codes,
                weights=m["days"].to_numpy(dtype=float, na_value=0.0),
                minlength=n_clients,
            )


def _dispute_positions(d: pd.DataFrame, c: pd.DataFrame) -> np.ndarray:
    """Row position in ``d`` of each cause row's dispute (-1 if absent).

    Histories read by conflictkit list causes in dispute order (primary
    first), so the positions are guessed from the runs of equal ids and
    checked in one vectorized comparison; otherwise, or if the check fails, a
    hash lookup in pyarrow (twice as fast as a merge or ``Index.get_indexer``
    on a million string ids).
    """
    ids_c = pa.array(c["dispute_id"], type=pa.large_string())
    ids_d = pa.array(d["dispute_id"], type=pa.large_string())
    n = len(ids_c)
    if n and ids_c.null_count == 0:
        labelled = np.flatnonzero(d["primary_cause"].notna().to_numpy())
        new = np.ones(n, dtype=bool)
        new[1:] = pc.not_equal(ids_c[1:], ids_c[:-1]).to_numpy(zero_copy_only=False)
        run = np.cumsum(new) - 1
        if run[-1] + 1 == len(labelled):
            guess = labelled[run]
            same = pc.equal(ids_c, ids_d.take(pa.array(guess)))
            if same.null_count == 0 and pc.all(same).as_py():
                return guess.astype(np.int64)
    pos = pc.index_in(ids_c, value_set=ids_d)
    return pos.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)


def _tests(cells: _Cells) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Expected counts, one-sided exact p-values and BH q-values per cell.

    Cells of clients that cannot be tested (disputes but no exposure) get NaN.
    The BH family is every testable client x every cause cited at least once,
    cells with no dispute counting with p = 1.
    """
    k = cells.counts
    shape = k.shape
    expected = np.full(shape, np.nan)
    p = np.full(shape, np.nan)
    if cells.exposure is not None:
        testable = cells.exposure > 0
        n_c = k[testable].sum(axis=0)
        with np.errstate(divide="ignore", invalid="ignore"):  # no exposure: NaN
            share = cells.exposure / cells.exposure[testable].sum()
        expected[testable] = share[testable, None] * n_c[None, :]
    else:
        testable = cells.n_labelled > 0
        n_c = k.sum(axis=0)
        n_total = cells.n_labelled.sum()
        if n_total > 0:
            expected[testable] = cells.n_labelled[testable, None] * n_c / n_total
    seen = n_c > 0
    family = testable[:, None] & seen[None, :]
    p[family] = 1.0
    hit = family & (k > 0)
    rows, cols = np.nonzero(hit)
    kk = k[rows, cols]
    if cells.exposure is not None:
        # conditional on the cause's total, a client's count is binomial with
        # the client's share of exposure (the exact test for Poisson rates)
        p[rows, cols] = stats.binom.sf(kk - 1, n_c[cols], share[rows])
    else:
        # conditional on both margins, hypergeometric (Fisher's exact test)
        p[rows, cols] = stats.hypergeom.sf(
            kk - 1, n_total, n_c[cols], cells.n_labelled[rows]
        )
    p = np.clip(p, 0.0, 1.0)
    q = np.full(shape, np.nan)
    if family.any():
        q[family] = stats.false_discovery_control(p[family], method="bh")
    return expected, p, q


def _versus_others(
    cells: _Cells, flat: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rate ratio of each cell against the *other* clients, with an exact interval.

    With missions: the client's disputes citing the cause per mission-day
    over the other (testable) clients' ones; without: per labelled dispute.
    The interval is the exact conditional (Clopper-Pearson) one of
    :func:`rate_ratio_test`; NaN for untestable clients or without others.
    """
    client_idx, cause_idx = np.divmod(flat, _N_CAUSES)
    k = cells.counts
    if cells.exposure is not None:
        testable = cells.exposure > 0
        size = np.where(testable, cells.exposure, 0.0)
    else:
        testable = cells.n_labelled > 0
        size = cells.n_labelled.astype(float)
    totals = k[testable].sum(axis=0)
    kk = k.ravel()[flat]
    own = size[client_idx]
    others = size[testable].sum() - own
    k_others = totals[cause_idx] - kk
    ratio, low, high, _ = rate_ratio_test(kk, own, k_others, others)
    bad = ~testable[client_idx]
    for values in (ratio, low, high):
        values[bad] = np.nan
    return ratio, low, high


def _median_gaps(cells: _Cells, opened: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Median days between consecutive disputes of each cell (NaN below two)."""
    out = np.full(cells.counts.size, np.nan)
    sel = wanted[cells.cell]
    if not sel.any():
        return out
    cell = cells.cell[sel]
    # whole seconds since the first dispute; one int64 sort key (cell, time)
    # sorts about three times faster than a lexsort on two keys
    secs = opened[cells.pos[sel]] // 1_000_000_000
    secs = secs - secs.min()
    if secs.max() < 2**32 and cell.max() < 2**30:
        key = np.sort((cell << 32) | secs)
        cell, when = key >> 32, key & (2**32 - 1)
    else:  # pragma: no cover - careers longer than 136 years
        order = np.lexsort((secs, cell))
        cell, when = cell[order], secs[order]
    same = cell[1:] == cell[:-1]
    gaps = (np.diff(when)[same]).astype(np.float64) / 86_400.0
    med = pd.Series(gaps).groupby(cell[1:][same], sort=False).median()
    out[med.index.to_numpy()] = med.to_numpy()
    return out


def recurring_causes(
    history: History, *, min_disputes: int = 2, alpha: float = 0.05
) -> pd.DataFrame:
    """Find the causes that keep coming back with the same client.

    A cause is recurring for a client when it appears in at least
    ``min_disputes`` of that client's disputes and is over-represented against
    the freelancer's own baseline, by an exact one-sided test corrected for
    multiple testing (Benjamini–Hochberg) across all client × cause cells.

    The baseline depends on what is known:

    - **with missions** (exposure): under no client effect, disputes citing
      cause *c* fall on clients in proportion to their mission-days. The
      expected count is the cause's total × the client's share of exposure,
      and, conditional on the cause's total, the client's count is
      Binomial(total, share): the exact conditional test for Poisson rates. A
      client with many disputes only because you worked a lot for them is not
      flagged. Clients with disputes but no mission-days cannot be tested
      (NaN, with a warning); causes are totalled over the testable clients.
    - **without missions**: the only denominator is the client's own disputes.
      The expected count is the client's labelled disputes × the share of all
      labelled disputes citing *c* (equivalently the cause's total × the
      client's share of disputes), and the test is Fisher's exact test of the
      client against everyone else (hypergeometric, conditional on both
      margins). It asks whether the *mix* of a client's disputes leans towards
      a cause, not whether the client has many disputes. Unlike a binomial test
      against the overall share, it does not count the client's own disputes in
      its baseline: with a single client nothing can be over-represented.

    Unlabelled disputes (no cause) are left out of both counts and baselines.

    Parameters
    ----------
    history : History
        The disputes (``client``, ``opened_at``, the long ``causes`` table)
        and, when known, the missions (``client``, ``days``).
    min_disputes : int, default=2
        A cause must appear in at least this many of a client's disputes to be
        called recurring, whatever its p-value.
    alpha : float, default=0.05
        False discovery rate for the Benjamini–Hochberg procedure.

    Returns
    -------
    pandas.DataFrame
        One row per client × cause cited at least once by that client, with
        columns:

        - ``client``, ``cause`` (categorical :class:`~conflictkit.Cause`);
        - ``n_disputes``: the client's disputes citing the cause;
        - ``expected``: the count expected from your baseline (see above);
        - ``rate_ratio``: the client's rate of the cause (per mission-day,
          or per labelled dispute without missions) over the *other*
          clients' rate, so a client is not compared with itself; the
          exact median-unbiased estimate when the others have none;
        - ``ci_low``, ``ci_high``: its exact conditional (Clopper-Pearson)
          interval at 95%, NaN on a side the data do not bound;
        - ``p_value``: exact one-sided p-value for over-representation;
        - ``q_value``: Benjamini–Hochberg adjusted p-value. The family is every
          testable client × every cause cited in the history, cells with no
          dispute counting with p = 1 (they are not returned), so the q-values
          do not depend on which cells happened to be seen;
        - ``recurring``: ``n_disputes >= min_disputes`` and
          ``q_value <= alpha``;
        - ``median_gap_days``: median days between consecutive disputes of the
          client citing the cause (by ``opened_at``); NaN with one dispute;
        - ``verdict`` (categorical :class:`~conflictkit.Verdict`): ``higher``
          where ``recurring``; ``too few to tell`` below ``min_disputes``
          disputes or for a client that cannot be tested (no mission-days),
          decided before any test; ``no clear change`` otherwise, which is
          not evidence that the cause is not over-represented.

        Recurring rows come first, then by increasing p-value.

    Warns
    -----
    SmallSampleWarning
        With fewer than 10 labelled disputes.
    ConflictkitWarning
        When some clients have disputes but no mission-days.

    Examples
    --------
    >>> import pandas as pd
    >>> import conflictkit as ck
    >>> h = ck.History.from_frames(pd.DataFrame({
    ...     "client": ["Acme"] * 4 + ["Bolt"] * 4 + ["Cera"] * 4,
    ...     "opened_at": pd.date_range("2023-01-01", periods=12, freq="MS"),
    ...     "causes": ["payment"] * 4 + ["scope", "tone", "deadlines", "trust"] * 2,
    ... }))
    >>> r = ck.recurring_causes(h)
    >>> r[["client", "cause", "n_disputes", "recurring"]].head(2)
      client    cause  n_disputes  recurring
    0   Acme  payment           4       True
    1   Bolt    scope           1      False
    >>> print(f"p = {r.p_value[0]:.4f}, q = {r.q_value[0]:.3f}, "
    ...       f"gap = {r.median_gap_days[0]:.0f} days")
    p = 0.0020, q = 0.030, gap = 31 days
    """
    check_history(history, out_of_core=True)
    _check_thresholds(min_disputes, alpha)
    cells = _Cells(history)
    _warn_cells(cells, stacklevel=4)
    return _recurring_frame(history, cells, min_disputes=min_disputes, alpha=alpha)


def _recurring_of(
    history: History, cells: _Cells, recurring: pd.DataFrame | None
) -> pd.DataFrame:
    """The recurring causes of ``history`` with the default thresholds.

    ``recurring`` is that table computed already (by the caller of
    :func:`client_profiles` or :func:`recommendations`, such as the report,
    which needs it three times): it is checked and used as it is; None
    computes it.
    """
    if recurring is None:
        return _recurring_frame(history, cells, min_disputes=2, alpha=0.05)
    if not isinstance(recurring, pd.DataFrame) or list(recurring.columns) != list(
        RECURRING_COLUMNS
    ):
        raise ValueError(
            "The value for `recurring` must be the table returned by "
            "recurring_causes(history), with its columns "
            f"{RECURRING_COLUMNS}."
        )
    if recurring["cause"].dtype != CAUSE_DTYPE:
        raise ValueError(
            "The value for `recurring` must be the table returned by "
            "recurring_causes(history): its `cause` column is not the categorical "
            "of causes."
        )
    unknown = ~recurring["client"].isin(cells.clients)
    if unknown.any():
        raise ValueError(
            "The value for `recurring` must come from the same history: client "
            f"{recurring['client'][unknown].iloc[0]!r} is not in it."
        )
    return recurring


def _check_thresholds(min_disputes: object, alpha: object) -> None:
    if (
        isinstance(min_disputes, bool)
        or not isinstance(min_disputes, int | np.integer)
        or min_disputes < 1
    ):
        raise ValueError(
            "The value for `min_disputes` must be a positive integer, but "
            f"{min_disputes!r} was passed."
        )
    if not isinstance(alpha, float | int) or not 0 < alpha < 1:
        raise ValueError(
            f"The value for `alpha` must be between 0 and 1, but {alpha!r} was passed."
        )


def _warn_cells(cells: _Cells, *, stacklevel: int) -> None:
    """Warn when labelled disputes are few or some clients lack exposure."""
    warn_small(
        int(cells.n_labelled.sum()),
        MIN_LABELLED,
        "labelled disputes",
        stacklevel=stacklevel,
    )
    if cells.exposure is not None:
        blind = (cells.exposure <= 0) & (cells.n_labelled > 0)
        if blind.any():
            names = ", ".join(map(str, cells.clients[blind][:5]))
            more = "" if blind.sum() <= 5 else ", ..."
            warnings.warn(
                f"{int(blind.sum())} clients ({names}{more}) have "
                f"{int(cells.n_labelled[blind].sum())} labelled disputes but no "
                "mission-days, so their causes cannot be tested (NaN). Add their "
                "missions to compare them with the others.",
                ConflictkitWarning,
                stacklevel=stacklevel - 1,
            )


def _recurring_frame(
    history: History, cells: _Cells, *, min_disputes: int, alpha: float
) -> pd.DataFrame:
    expected, p, q = _tests(cells)
    k = cells.counts
    flat = np.flatnonzero(k.ravel() > 0)
    kk = k.ravel()[flat]
    exp = expected.ravel()[flat]
    ratio, low, high = _versus_others(cells, flat)
    pp = p.ravel()[flat]
    qq = q.ravel()[flat]
    recurring = (kk >= min_disputes) & (qq <= alpha)
    too_few = (kk < min_disputes) | np.isnan(pp)
    verdict = np.where(
        recurring,
        Verdict.HIGHER,
        np.where(too_few, Verdict.TOO_FEW, Verdict.NO_CLEAR_CHANGE),
    )
    wanted = np.zeros(k.size, dtype=bool)
    wanted[flat[kk >= 2]] = True
    if cells.gaps is not None:  # computed by the engine (out of core)
        gaps = np.where(wanted, cells.gaps, np.nan)[flat]
    else:
        opened = history.disputes["opened_at"].to_numpy(dtype="datetime64[ns]")
        gaps = _median_gaps(cells, opened.view(np.int64), wanted)[flat]
    client_idx, cause_idx = np.divmod(flat, _N_CAUSES)
    # recurring first, then p-value (NaN last), more disputes, client, cause
    order = np.lexsort(
        (cause_idx, client_idx, -kk, np.nan_to_num(pp, nan=2.0), ~recurring)
    )
    return pd.DataFrame(
        {
            "client": pd.array(
                cells.clients.to_numpy()[client_idx[order]], dtype=STRING_DTYPE
            ),
            "cause": pd.Categorical.from_codes(cause_idx[order], dtype=CAUSE_DTYPE),
            "n_disputes": kk[order].astype(np.int64),
            "expected": exp[order],
            "rate_ratio": ratio[order],
            "ci_low": low[order],
            "ci_high": high[order],
            "p_value": pp[order],
            "q_value": qq[order],
            "recurring": recurring[order],
            "median_gap_days": gaps[order],
            "verdict": verdict_column(verdict[order], RECURRING_VERDICTS),
        },
        columns=RECURRING_COLUMNS,
    )
