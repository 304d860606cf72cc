"""Shared by the benchmark case modules: run an analysis without its warnings."""

from __future__ import annotations

import warnings
from collections.abc import Callable

import pandas as pd

import conflictkit as ck


def quiet(
    f: Callable[[ck.History], pd.DataFrame],
) -> Callable[[ck.History], pd.DataFrame]:
    """``f`` with conflictkit's warnings (small samples...) silenced."""

    def run(h: ck.History) -> pd.DataFrame:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ck.ConflictkitWarning)
            return f(h)

    return run
