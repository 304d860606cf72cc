"""From p-values to words: q-values, the four verdicts, what could be detected.

Every analysis that reports a family of tests goes through here, so the rule
is written once:

1. **Too few to tell** is decided *before* any test, from a documented
   minimum of disputes (or exposure). Such rows get no p-value at all.
2. The remaining p-values of the family get Benjamini–Hochberg q-values.
3. A row whose q-value is below the level gets a direction (``rising`` /
   ``falling``, or ``lower`` / ``higher``); any other row is ``no clear
   change``, and its ``detectable_ratio`` says what the data could have
   seen: the rate ratio a test at that level would find four times in five.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike
from scipy import special, stats

from .._labels import Verdict

__all__ = [
    "DETECTABLE_POWER",
    "detectable_ratio",
    "q_values",
    "verdict_column",
    "verdicts",
]

#: The power at which ``detectable_ratio`` is computed.
DETECTABLE_POWER = 0.8


def q_values(p_values: ArrayLike) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values over the finite entries.

    NaN (untested rows: too few to tell, nothing to compare) stays NaN and
    does not count in the family.

    Examples
    --------
    >>> q_values([0.01, np.nan, 0.04, 0.03]).round(3).tolist()
    [0.03, nan, 0.04, 0.04]
    """
    p = np.asarray(p_values, dtype=float)
    q = np.full(p.shape, np.nan)
    tested = np.isfinite(p)
    if tested.any():
        q[tested] = stats.false_discovery_control(
            np.clip(p[tested], 0.0, 1.0), method="bh"
        )
    return q


def verdicts(
    q: ArrayLike,
    effect: ArrayLike,
    too_few: ArrayLike,
    *,
    alpha: float = 0.05,
    up: Verdict = Verdict.RISING,
    down: Verdict = Verdict.FALLING,
) -> np.ndarray:
    """The four-valued verdict of each row, as an object array of Verdict.

    Parameters
    ----------
    q : array
        Q-values (NaN: not tested).
    effect : array
        The signed effect: positive means ``up`` (a log rate ratio, a
        slope), negative ``down``.
    too_few : array of bool
        Rows below the minimum, decided before testing.
    alpha : float, default=0.05
        The level the q-value must be below.
    up, down : Verdict
        The words for each side.

    Examples
    --------
    >>> [str(v) for v in verdicts([0.01, 0.2, np.nan], [-1.0, 2.0, 0.0],
    ...                           [False, False, True])]
    ['falling', 'no clear change', 'too few to tell']
    """
    q = np.asarray(q, dtype=float)
    effect = np.asarray(effect, dtype=float)
    too_few = np.asarray(too_few, dtype=bool)
    clear = np.nan_to_num(q, nan=1.0) < alpha
    out = np.full(q.shape, Verdict.NO_CLEAR_CHANGE, dtype=object)
    out[clear & (effect > 0)] = up
    out[clear & (effect < 0)] = down
    out[too_few] = Verdict.TOO_FEW
    return out


def verdict_column(values: np.ndarray, members: tuple[Verdict, ...]) -> pd.Categorical:
    """The verdicts as a categorical whose categories are ``members``' values."""
    return pd.Categorical(
        [str(v) for v in values], categories=[m.value for m in members]
    )


def detectable_ratio(se: ArrayLike, *, alpha: float = 0.05) -> np.ndarray:
    """Rate ratio a two-sided test at ``alpha`` finds with 80% power.

    ``se`` is the standard error of the log rate ratio under no effect; the
    answer is ``exp((z(1 - alpha/2) + z(0.8)) * se)``, a factor above 1 (a
    ratio of at least this, or at most its inverse, would be found four
    times in five). NaN where ``se`` is not finite.

    Examples
    --------
    With 100 disputes split evenly, the log ratio has a standard error of
    0.2: a ratio of 1.75 (or 0.57) is what such data can show.

    >>> float(detectable_ratio(0.2).round(2))
    1.75
    """
    se = np.asarray(se, dtype=float)
    z = special.ndtri(1 - alpha / 2) + special.ndtri(DETECTABLE_POWER)
    with np.errstate(invalid="ignore", over="ignore"):
        return np.where(np.isfinite(se) & (se >= 0), np.exp(z * se), np.nan)
