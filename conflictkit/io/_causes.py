"""Labels and causes, read through the vocabulary (see :mod:`._words`).

Each distinct spelling is looked up once: exactly, then by its words in any
order, then by the longest known phrases it holds. A spelling that is only
close to a known one is a problem whose message carries the suggestion; it is
never filed under another label.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from enum import StrEnum
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from .._labels import CAUSE_DTYPE, Cause, Contract, Escalation, Outcome, Severity
from ._parse import (
    Problems,
    _factorize,
    _problems_from,
    _text,
    categorical_from_uniques,
    is_placeholder,
)
from ._words import Vocabulary
from .vocabulary import (
    CAUSE_SEPARATORS,
    CAUSES,
    CONTRACTS,
    ESCALATIONS,
    OUTCOMES,
    PENDING_OUTCOMES,
    SEVERITIES,
    normalize,
)

__all__ = ["LABELS", "as_causes", "parse_causes", "parse_label"]


def _did_you_mean(found: Any) -> str:
    suggestion = found.suggestion
    if suggestion is None or suggestion == ():
        return ""
    if isinstance(suggestion, tuple):  # causes
        name = ";".join(str(c) for c in suggestion)
    else:
        name = str(suggestion)
    near = found.near
    seen_as = f", as in {near!r}" if near and near != name else ""
    return f" (did you mean {name!r}{seen_as}?)"


# --------------------------------------------------------------------- labels
@lru_cache(maxsize=16)
def _label_vocabulary(enum: type[StrEnum], items: tuple[tuple[str, Any], ...]) -> Any:
    table: dict[str, Any] = {m.value: m for m in enum}
    table.update(dict(items))
    if enum.__name__ == "Outcome":
        table.update(dict.fromkeys(PENDING_OUTCOMES))  # "en cours": no outcome yet
    return Vocabulary(table)


def parse_label(
    s: pd.Series,
    *,
    vocab: Mapping[str, StrEnum],
    enum: type[StrEnum],
    dtype: pd.CategoricalDtype,
    what: str,
) -> tuple[pd.Series, Problems]:
    """Parse a column of labels (outcome, severity, escalation, contract)."""
    words = _label_vocabulary(enum, tuple(vocab.items()))
    text = _text(s)
    codes, uniques = _factorize(text)
    parsed: list[str | None] = []
    msgs: list[str | None] = []
    expected = ", ".join(m.value for m in enum)
    for raw in uniques:
        found = words.lookup(normalize(raw))
        parsed.append(None if found.value is None else found.value.value)
        if found.problem is None:
            msgs.append(None)
        elif found.problem.startswith("reads as"):
            msgs.append(f"{raw!r} {found.problem}: which one?")
        else:
            msgs.append(
                f"{raw!r} is not {what}; expected one of {expected}"
                f"{_did_you_mean(found)}"
            )
    out = pd.Series(categorical_from_uniques(parsed, codes, dtype), index=s.index)
    return out, _problems_from(s.index, codes, pd.Series(msgs, dtype=object))


CauseMap = Mapping[str, Any] | Callable[[str], Any] | None
_NO_CAUSE: tuple[Cause, ...] = ()


def as_causes(value: Any) -> tuple[Cause, ...] | None:
    """A ``cause_map`` value as causes: one, several, ``()`` for none, or None.

    Examples
    --------
    >>> as_causes("paiement; ton")
    (<Cause.PAYMENT: 'payment'>, <Cause.TONE: 'tone'>)
    >>> as_causes("")
    ()
    """
    if value is None:
        return None
    if isinstance(value, Cause):
        return (value,)
    if isinstance(value, list | tuple | set | frozenset):
        parts = [str(v) for v in value]
    else:
        parts = re.split(CAUSE_SEPARATORS, str(value))
    out: list[Cause] = []
    for part in parts:
        norm = normalize(part)
        if not norm:
            continue
        cause = CAUSES.get(norm) or next(
            (c for c in Cause if normalize(c.value) == norm), None
        )
        if cause is None:
            raise ValueError(
                f"The values of `cause_map` must be causes ({', '.join(Cause)}), "
                f"several of them, or None for no cause, but {value!r} was passed."
            )
        if cause not in out:
            out.append(cause)
    return tuple(out)


def _cause_table(cause_map: Mapping[str, Any] | None) -> dict[str, tuple[Cause, ...]]:
    table: dict[str, tuple[Cause, ...]] = {c.value: (c,) for c in Cause}
    table.update({k: (v,) for k, v in CAUSES.items()})
    if cause_map is not None:
        for key, value in cause_map.items():
            causes = as_causes(value)
            table[str(key)] = _NO_CAUSE if causes is None else causes
    return table


_DEFAULT_CAUSES: Vocabulary[tuple[Cause, ...]] | None = None


def _cause_vocabulary(cause_map: CauseMap) -> Vocabulary[tuple[Cause, ...]]:
    global _DEFAULT_CAUSES
    if isinstance(cause_map, Mapping):
        return Vocabulary(_cause_table(cause_map))
    if _DEFAULT_CAUSES is None:
        _DEFAULT_CAUSES = Vocabulary(_cause_table(None))
    return _DEFAULT_CAUSES


def _read_cell(
    raw: str, words: Vocabulary[tuple[Cause, ...]], call: Callable[[str], Any] | None
) -> tuple[list[str], list[str]]:
    """The causes of one distinct cell, and the problems of its parts."""
    expected = ", ".join(c.value for c in Cause)

    def mapped(text: str) -> tuple[Cause, ...] | None:
        if call is not None:
            got = as_causes(call(text.strip()))
            if got is not None:
                return got
        found = words.exact.get(normalize(text))
        return found

    # The whole cell first (a label may hold a comma), then its parts.
    whole = mapped(raw)
    parts = [raw] if whole is not None else re.split(CAUSE_SEPARATORS, raw)
    found: list[str] = []
    bad: list[str] = []
    for part in parts:
        if not part.strip() or is_placeholder(part):
            continue
        causes = mapped(part)
        if causes is None:
            hit = words.lookup(normalize(part))
            if hit.problem is None:
                causes = hit.value
            elif hit.problem.startswith("reads as"):
                bad.append(
                    f"{part.strip()!r} {hit.problem}: separate several causes with ';'"
                )
                continue
            else:
                bad.append(
                    f"{part.strip()!r} is not a cause; expected one of {expected}"
                    f"{_did_you_mean(hit)}"
                )
                continue
        for cause in causes or ():
            if cause.value not in found:
                found.append(cause.value)
    return found, bad


def parse_causes(
    s: pd.Series, *, cause_map: CauseMap = None
) -> tuple[pd.Series, pd.Series, pd.DataFrame, Problems]:
    """Parse a causes column: ``"payment;tone"``, ``"Retard de paiement"``, lists.

    Returns
    -------
    primary : Series (categorical Cause)
    joined : Series (category, canonical ``"payment;tone"``)
    long : DataFrame with ``pos`` (row position), ``cause`` and ``is_primary``
    problems : Series of messages
    """
    if s.dtype == object:
        is_list = s.map(lambda v: isinstance(v, list | tuple | set | frozenset))
        if is_list.any():
            s = s.copy()
            s[is_list] = s[is_list].map(lambda v: ";".join(map(str, v)))
    words = _cause_vocabulary(cause_map)
    call = cause_map if callable(cause_map) else None
    text = _text(s)
    codes, uniques = _factorize(text)
    joined_u: list[str | None] = []
    msgs: list[str | None] = []
    ent_u: list[int] = []
    ent_cause: list[str] = []
    ent_primary: list[bool] = []
    for i, raw in enumerate(uniques):
        found, bad = _read_cell(raw, words, call)
        msgs.append("; ".join(bad) if bad else None)
        joined_u.append(";".join(found) if found and not bad else None)
        if found and not bad:
            ent_u.extend([i] * len(found))
            ent_cause.extend(found)
            ent_primary.extend([True] + [False] * (len(found) - 1))
    # categories as pd.Categorical infers them: the values seen, sorted
    joined_dtype = pd.CategoricalDtype(sorted({j for j in joined_u if j}))
    joined = categorical_from_uniques(joined_u, codes, joined_dtype)
    primary_u = [j.split(";")[0] if j else None for j in joined_u]
    primary = categorical_from_uniques(primary_u, codes, CAUSE_DTYPE)
    # The long form without a merge or a sort: each row's entries are those
    # of its distinct value, already in order (primary first).
    # (a last entry for code -1, missing: no entries)
    per_u = np.bincount(np.asarray(ent_u, dtype=np.int64), minlength=len(uniques))
    start_u = np.append(np.cumsum(per_u) - per_u, 0)
    per_u = np.append(per_u, 0).astype(np.int32)
    per_row = per_u[codes]
    row_start = np.cumsum(per_row, dtype=np.int64)
    row_start -= per_row
    pos = np.repeat(np.arange(len(codes), dtype=np.int64), per_row)
    # entry of each cause row: its value's first entry + its rank in the row
    entry = np.repeat(start_u[codes] - row_start, per_row)
    del row_start, per_row
    entry += np.arange(len(entry), dtype=np.int64)
    cause_codes = np.asarray(
        [CAUSE_DTYPE.categories.get_loc(c) for c in ent_cause], dtype=np.int8
    )
    long = pd.DataFrame(
        {
            "pos": pos,
            "cause": pd.Categorical.from_codes(cause_codes[entry], dtype=CAUSE_DTYPE),
            "is_primary": np.asarray(ent_primary, dtype=bool)[entry],
        },
        copy=False,
    )
    return (
        pd.Series(primary, index=s.index),
        pd.Series(joined, index=s.index),
        long,
        _problems_from(s.index, codes, pd.Series(msgs, dtype=object)),
    )


#: The label columns: their spellings, their enum and how a problem names them.
LABELS: dict[str, tuple[Any, Any, str]] = {
    "severity": (SEVERITIES, Severity, "a severity"),
    "escalation": (ESCALATIONS, Escalation, "an escalation step"),
    "outcome": (OUTCOMES, Outcome, "an outcome"),
    "contract": (CONTRACTS, Contract, "a contract type"),
}
