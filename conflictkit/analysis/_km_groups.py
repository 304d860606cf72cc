"""Kaplan-Meier for every group at once: one sort, no Python loop over groups.

The numbers are those of :func:`scipy.stats.ecdf` run on each group on its
own, bit for bit: the same formulas in the same order of operations. scipy
takes two routes, and so does this module, group by group: a group with no
censored duration gets ``1 - (resolved so far) / n``, one with some gets the
product of ``(n_i - d_i) / n_i``. Greenwood's sum and the log-log band
(``exp(-exp(log(-log S) +/- z se))``) follow ``EmpiricalDistributionFunction``.

Running products and sums restart at each group. ``ufunc.accumulate`` is a
plain left-to-right loop (unlike ``sum``'s pairwise reduction), so a group's
running product is the same whether computed alone or down one column of a
2-D block; groups are padded into blocks of similar length (sizes within a
factor of two), so the Python loop runs over at most ~log2(largest group)
blocks and padding at most doubles the memory. pandas' ``groupby().cumprod()``
would do for the products, but its float sums are Kahan-compensated and drift
from scipy's in the last bits.

Rows are ordered by group, then duration, with one sort of the durations and
stable 16-bit radix passes on the group codes (see ``_group_then_day_order``).
"""

from __future__ import annotations

import numpy as np
from scipy import special

__all__ = [
    "Segments",
    "first_per_group",
    "km_groups",
    "segmented_accumulate",
    "with_day_zero",
]


class Segments:
    """Consecutive segments of given sizes, laid out for running products/sums.

    Segments of similar length (sizes in ``[2**(k-1), 2**k)``) share one 2-D
    block, one segment per column, padded at the end; the layout is computed
    once and serves every :meth:`accumulate`. Padding at most doubles memory.

    Examples
    --------
    >>> seg = Segments(np.array([2, 0, 3]))
    >>> seg.accumulate(np.add, np.array([1.0, 2, 3, 4, 5]), fill=0.0).tolist()
    [1.0, 3.0, 3.0, 7.0, 12.0]
    """

    def __init__(self, sizes: np.ndarray, segment: np.ndarray | None = None) -> None:
        """``segment``, if known, gives each element's segment (saves a repeat)."""
        sizes = np.asarray(sizes, dtype=np.int64)
        used = np.flatnonzero(sizes > 0)
        # bit length of each size (small ints: a stable sort is a radix sort)
        width_class = np.frexp(sizes[used].astype(float))[1].astype(np.uint8)
        order = np.argsort(width_class, kind="stable")
        sorted_class = width_class[order]
        change = np.ones(used.size, dtype=bool)
        change[1:] = sorted_class[1:] != sorted_class[:-1]
        first = np.flatnonzero(change)
        n_cols = np.diff(np.append(first, used.size))  # segments per block
        n_rows = (
            np.maximum.reduceat(sizes[used][order], first)
            if used.size
            else np.zeros(0, dtype=np.int64)
        )
        block_start = np.cumsum(n_rows * n_cols) - n_rows * n_cols
        # element i, at offset j = i - (its segment's first element) in it,
        # goes to row j, column col of its block: block_start + j * width + col
        block_of = np.repeat(np.arange(first.size), n_cols)
        col = np.arange(used.size) - first[block_of]
        width = np.zeros(sizes.size, dtype=np.int64)
        base = np.zeros(sizes.size, dtype=np.int64)
        width[used[order]] = n_cols[block_of]
        seg_first = np.cumsum(sizes) - sizes
        base[used[order]] = block_start[block_of] + col
        base -= seg_first * width
        if segment is None:
            segment = np.repeat(np.arange(sizes.size), sizes)
        self._to_block = base[segment] + np.arange(segment.size) * width[segment]
        self._blocks = list(
            zip(block_start.tolist(), n_rows.tolist(), n_cols.tolist(), strict=True)
        )
        self._padded = int((n_rows * n_cols).sum())

    def accumulate(
        self, ufunc: np.ufunc, values: np.ndarray, *, fill: float
    ) -> np.ndarray:
        """``ufunc.accumulate`` of each segment alone, bit for bit.

        ``fill`` is the ufunc's identity, put in the padding.
        """
        buf = np.full(self._padded, fill, dtype=values.dtype)
        buf[self._to_block] = values
        for start, rows, cols in self._blocks:
            block = buf[start : start + rows * cols].reshape(rows, cols)
            # down each column: the same left-to-right loop as on the segment
            ufunc.accumulate(block, axis=0, out=block)
        return buf[self._to_block]


def segmented_accumulate(
    ufunc: np.ufunc, values: np.ndarray, sizes: np.ndarray, *, fill: float
) -> np.ndarray:
    """``ufunc.accumulate`` restarted at each of consecutive segments.

    ``values`` is cut into consecutive segments of ``sizes`` (which sum to
    its length); each output segment equals ``ufunc.accumulate`` of that
    segment alone, bit for bit. ``fill`` is the ufunc's identity (pads).

    Examples
    --------
    >>> segmented_accumulate(np.add, np.array([1.0, 2, 3, 4, 5]), np.array([2, 3]),
    ...                      fill=0.0).tolist()
    [1.0, 3.0, 3.0, 7.0, 12.0]
    """
    return Segments(sizes).accumulate(ufunc, values, fill=fill)


def _group_then_day_order(codes: np.ndarray, days: np.ndarray) -> np.ndarray:
    """Positions sorting rows by group code (>= 0), then duration.

    One sort of the durations, then stable sorts on the group codes 16 bits
    at a time (numpy sorts 16-bit integers stably by radix, in linear time):
    about twice as fast as ``np.lexsort``, for many groups as for few.
    """
    order = np.argsort(days)
    top = int(codes.max()) if codes.size else 0
    shift = 0
    while top >> shift:
        digit = ((codes[order] >> shift) & 0xFFFF).astype(np.uint16)
        order = order[np.argsort(digit, kind="stable")]
        shift += 16
    return order


def km_groups(
    days: np.ndarray,
    resolved: np.ndarray,
    codes: np.ndarray,
    n_groups: int,
    *,
    confidence_level: float = 0.95,
) -> dict[str, np.ndarray]:
    """Kaplan-Meier curves of ``n_groups`` groups in one pass.

    ``codes`` gives each duration's group (0 to ``n_groups - 1``; -1 = in no
    group, left out). Returns arrays with one entry per group and distinct
    duration, sorted by group then duration: ``group`` (its code), ``days``,
    ``survival``, ``ci_low``, ``ci_high``, ``at_risk``, ``n_resolved``,
    ``n_censored``; plus ``size`` and ``n_open``, one entry per group. No day
    0 is added (see :func:`with_day_zero`). Where the band is undefined
    (survival 1 before any resolution, 0 after the last) it equals the
    survival, as lifelines draws it.

    Examples
    --------
    >>> c = km_groups(np.array([2.0, 4, 4, 1]), np.array([True, True, False, True]),
    ...               np.array([0, 0, 0, 1]), 2)
    >>> c["group"].tolist(), c["days"].tolist(), c["survival"].round(3).tolist()
    ([0, 0, 1], [2.0, 4.0, 1.0], [0.667, 0.333, 0.0])
    """
    days = np.asarray(days, dtype=float)
    resolved = np.asarray(resolved, dtype=bool)
    codes = np.asarray(codes, dtype=np.intp)
    keep = codes >= 0
    if not keep.all():
        days, resolved, codes = days[keep], resolved[keep], codes[keep]
    if np.isnan(days).any():
        raise ValueError(
            "Some durations are missing (NaN): every dispute needs an opening "
            "date, and open ones an `as_of` date to be censored at."
        )
    order = _group_then_day_order(codes, days)
    t, g, died = days[order], codes[order], resolved[order]
    size = np.bincount(g, minlength=n_groups).astype(np.int64)
    n_died = np.bincount(g[died], minlength=n_groups).astype(np.int64)

    # first row of each distinct (group, duration) and how many rows it spans
    new = np.ones(t.size, dtype=bool)
    new[1:] = (g[1:] != g[:-1]) | (t[1:] != t[:-1])
    first = np.flatnonzero(new)
    span = np.diff(np.append(first, t.size))
    gu = g[first]
    group_end = np.cumsum(size)
    n = group_end[gu] - first  # at risk just before each distinct duration
    d = (
        np.add.reduceat(died.astype(np.int64), first)
        if first.size
        else np.zeros(0, dtype=np.int64)
    )
    segments = Segments(np.bincount(gu, minlength=n_groups), gu)

    # scipy: no censoring -> 1 - events / n; some -> cumprod((n - d) / n)
    censored = (size - n_died)[gu] > 0
    events = first + span - (group_end - size)[gu]  # resolved up to and at t
    s = np.where(
        censored,
        segments.accumulate(np.multiply, (n - d) / n, fill=1.0),
        1 - events / size[gu],
    )
    with np.errstate(divide="ignore", invalid="ignore"):  # n == d: inf, as scipy
        greenwood = segments.accumulate(np.add, d / (n * (n - d)), fill=0.0)
    # scipy's band is NaN where S is 1 (nobody resolved yet) or 0 (everyone):
    # it is S there, as lifelines draws it; compute it only strictly between
    inner = np.flatnonzero((s > 0) & (s < 1))
    log_s = np.log(s[inner])
    se = np.sqrt(1 / log_s**2 * greenwood[inner])
    z = special.ndtri(1 / 2 + np.asarray(confidence_level)[()] / 2)
    lnl_points = np.log(-log_s)
    z_se = z * se
    low, high = s.copy(), s.copy()
    low[inner] = np.clip(np.exp(-np.exp(lnl_points + z_se)), 0, 1)
    high[inner] = np.clip(np.exp(-np.exp(lnl_points - z_se)), 0, 1)
    return {
        "group": gu,
        "days": t[first],
        "survival": s,
        "ci_low": low,
        "ci_high": high,
        "at_risk": n,
        "n_resolved": d,
        "n_censored": span - d,
        "size": size,
        "n_open": size - n_died,
    }


def with_day_zero(curves: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Start each group's curve at day 0 (survival 1, everyone at risk).

    Groups whose first duration is already 0 keep their curve as is.
    """
    gu, t = curves["group"], curves["days"]
    starts = np.flatnonzero(np.r_[True, gu[1:] != gu[:-1]]) if gu.size else gu
    starts = starts[t[starts] > 0]
    grp = gu[starts]
    added = {
        "group": grp,
        "days": np.zeros(grp.size),
        "survival": np.ones(grp.size),
        "ci_low": np.ones(grp.size),
        "ci_high": np.ones(grp.size),
        "at_risk": curves["size"][grp],
        "n_resolved": np.zeros(grp.size, dtype=np.int64),
        "n_censored": np.zeros(grp.size, dtype=np.int64),
    }
    # each row moves down by the day-0 rows added up to its group's start
    shift = np.zeros(gu.size, dtype=np.int64)
    shift[starts] = 1
    moved = np.arange(gu.size) + np.cumsum(shift)
    at = starts + np.arange(starts.size)
    out = {}
    for name, value in added.items():
        column = np.empty(gu.size + starts.size, dtype=curves[name].dtype)
        column[moved] = curves[name]
        column[at] = value
        out[name] = column
    out["size"], out["n_open"] = curves["size"], curves["n_open"]
    return out


def first_per_group(
    group: np.ndarray, days: np.ndarray, hit: np.ndarray, n_groups: int
) -> np.ndarray:
    """Per group, the first ``days`` where ``hit`` holds; ``inf`` if none.

    Rows are sorted by group then day. Groups with no row get ``inf`` too
    (the caller marks empty groups).
    """
    out = np.full(n_groups, np.inf)
    rows = np.flatnonzero(hit)
    g = group[rows]
    firsts = rows[np.r_[True, g[1:] != g[:-1]]] if rows.size else rows
    out[group[firsts]] = days[firsts]
    return out
