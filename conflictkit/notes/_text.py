"""Checking the notes and causes given to the cause classifier.

Private to :mod:`conflictkit.notes`: texts must be a 1-D collection of
strings, causes one entry per text (a collection of causes or an ``"a;b"``
string, spelled as the readers accept; an empty entry means "no cause"), and
a probability matrix becomes the suggested causes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from .._labels import Cause
from ..io.vocabulary import CAUSE_SEPARATORS, CAUSES, normalize

#: Every cause, in the taxonomy's order.
_ALL_CAUSES = tuple(c.value for c in Cause)
_SEPARATORS = re.compile(CAUSE_SEPARATORS)


def _texts(notes: Any) -> list[str]:
    """Validate texts: a 1-D collection of strings without missing values."""
    if isinstance(notes, str):
        raise TypeError(
            "`notes` must be a collection of texts (a list or a Series), not a "
            "single string; wrap it in a list."
        )
    if isinstance(notes, pd.DataFrame) and notes.shape[1] == 1:
        notes = notes.iloc[:, 0]
    values = np.asarray(notes, dtype=object)
    if values.ndim == 2 and values.shape[1] == 1:
        values = values[:, 0]
    if values.ndim != 1:
        raise ValueError(
            "`notes` must be one-dimensional (one text per note), but an array "
            f"of shape {values.shape} was passed."
        )
    missing = pd.isna(values)
    if missing.any():
        rows = np.flatnonzero(missing)
        raise ValueError(
            f"{len(rows)} of the {len(values)} notes are missing (positions "
            f"{rows[:10].tolist()}); drop them or replace them with ''."
        )
    return [str(v) for v in values]


def _parse_one(value: Any) -> tuple[str, ...]:
    if value is None or (not isinstance(value, Iterable) and pd.isna(value)):
        raise ValueError(
            "A cause label is missing (None or NaN). A note that cites no cause "
            "is labelled with an empty string or an empty tuple; a note whose "
            "cause nobody recorded is not a training example: drop it."
        )
    if isinstance(value, str):
        parts = _SEPARATORS.split(value)
    elif isinstance(value, Iterable):
        parts = list(value)
    else:
        parts = [value]
    out: list[str] = []
    for part in parts:
        norm = normalize(part)
        if not norm:
            continue
        cause = CAUSES.get(norm)
        if cause is None:
            raise ValueError(
                f"{part!r} is not a cause; expected one of {list(_ALL_CAUSES)}."
            )
        if cause.value not in out:
            out.append(cause.value)
    return tuple(out)


def _causes(causes: Any, n: int) -> list[tuple[str, ...]]:
    """Per text, a tuple of Cause values (primary first); empty for no cause."""
    if isinstance(causes, str):
        raise TypeError(
            "`causes` must hold one entry per text (a list of lists or of "
            "'a;b' strings), not a single string."
        )
    parsed = [_parse_one(v) for v in causes]
    if len(parsed) != n:
        raise ValueError(
            f"`notes` has {n} texts but `causes` has {len(parsed)} entries; "
            "give one collection of causes per text."
        )
    return parsed


def _suggested(proba: np.ndarray, thresholds: np.ndarray | float) -> np.ndarray:
    """Causes whose probability reaches their threshold; none may reach it."""
    return np.asarray(proba) >= np.asarray(thresholds, dtype=float)
