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
from ._words import Vocabulary, content_words
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

__all__ = ["LABELS", "as_causes", "cause_map_message", "parse_causes", "parse_label"]


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
) -> tuple[list[str], list[str], bool]:
    """The causes of one distinct cell, its problems, and whether it is a label.

    The cell is split on the separators only when every part reads as a
    cause, or nearly (a typo, with its suggestion): ``"scope, payment"`` is
    two causes, while ``"Loan servicing, payments, escrow account"`` is one
    label of the source (its ``payments`` is not the cause payment), reported
    once with the whole cell. The third value says the cell is such a label
    (several words, or several parts), which a ``cause_map`` would read.
    """
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
    if whole is not None:
        return [c.value for c in dict.fromkeys(whole)], [], False
    parts = [
        p.strip()
        for p in re.split(CAUSE_SEPARATORS, raw)
        if p.strip() and not is_placeholder(p)
    ]
    read: list[tuple[str, tuple[Cause, ...] | None, Any]] = []
    for part in parts:
        causes = mapped(part)
        hit = None if causes is not None else words.lookup(normalize(part))
        if hit is not None and hit.problem is None:
            causes, hit = hit.value, None
        if (
            len(parts) > 1
            and hit is not None
            and hit.problem is not None
            and not hit.problem.startswith("reads as")
            and hit.suggestion in (None, ())
        ):
            # a part that is nothing like a cause: the cell is one label
            return (
                [],
                [f"{raw.strip()!r} is not a cause; expected one of {expected}"],
                True,
            )
        read.append((part, causes, hit))
    found: list[str] = []
    bad: list[str] = []
    said_expected = False
    for part, causes, hit in read:
        if hit is not None:
            if hit.problem.startswith("reads as"):
                bad.append(f"{part!r} {hit.problem}: separate several causes with ';'")
            elif said_expected:
                bad.append(f"{part!r} is not a cause{_did_you_mean(hit)}")
            else:
                said_expected = True
                bad.append(
                    f"{part!r} is not a cause; expected one of {expected}"
                    f"{_did_you_mean(hit)}"
                )
            continue
        for cause in causes or ():
            if cause.value not in found:
                found.append(cause.value)
    is_label = (
        len(read) == 1
        and bool(bad)
        and not read[0][2].problem.startswith("reads as")
        and len(content_words(normalize(read[0][0]))) > 1
    )
    return found, bad, is_label


def parse_causes(
    s: pd.Series,
    *,
    cause_map: CauseMap = None,
    labels: dict[str, int] | None = None,
) -> tuple[pd.Series, pd.Series, pd.DataFrame, Problems]:
    """Parse a causes column: ``"payment;tone"``, ``"Retard de paiement"``, lists.

    ``labels``, when given, receives the cells read as one label of the
    source that is not a cause (``"Loan servicing, payments, escrow
    account"``) with their number of rows, for :func:`cause_map_message`.

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
    label_u: list[int] = []
    for i, raw in enumerate(uniques):
        found, bad, is_label = _read_cell(raw, words, call)
        if is_label:
            label_u.append(i)
        msgs.append("; ".join(bad) if bad else None)
        joined_u.append(";".join(found) if found and not bad else None)
        if found and not bad:
            ent_u.extend([i] * len(found))
            ent_cause.extend(found)
            ent_primary.extend([True] + [False] * (len(found) - 1))
    if labels is not None and label_u:
        rows = np.bincount(codes[codes >= 0], minlength=len(uniques))
        for i in label_u:
            key = str(uniques[i]).strip()
            labels[key] = labels.get(key, 0) + int(rows[i])
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


#: From this many rows holding labels of the source, a cause map is suggested.
CAUSE_MAP_ROWS = 3


def cause_map_message(labels: Mapping[str, int]) -> str | None:
    """One note suggesting ``cause_map`` when many rows hold the source's labels.

    ``labels`` is what :func:`parse_causes` collects: the cells read as one
    label that is not a cause, and their number of rows.

    Examples
    --------
    >>> note = cause_map_message({"Billing disputes": 4, "Late fee charged": 1})
    >>> print(note.split(", such as")[0])
    5 rows hold 2 labels that are not causes
    >>> print(note.split("; ")[1])
    a cause map file holds one label,cause per line, e.g. "Billing disputes",other
    >>> cause_map_message({"Billing disputes": 2}) is None
    True
    """
    n = sum(labels.values())
    if n < CAUSE_MAP_ROWS:
        return None
    top = sorted(labels.items(), key=lambda kv: (-kv[1], kv[0]))
    shown = " and ".join(
        f"{label!r} ({k} row{'s' if k != 1 else ''})" for label, k in top[:2]
    )
    first = top[0][0]
    quoted = first.replace('"', '""')
    k = len(labels)
    what = (
        f"{k} labels that are not causes" if k != 1 else "1 label that is not a cause"
    )
    return (
        f"{n} rows hold {what}, such as {shown}: if they are the categories of"
        " your source, map each onto a cause (or None for no cause) with"
        f" cause_map={{{first!r}: 'other'}}; a cause map file holds one"
        f' label,cause per line, e.g. "{quoted}",other'
    )


#: The label columns: their spellings, their enum and how a problem names them.
LABELS: dict[str, tuple[Any, Any, str]] = {
    "severity": (SEVERITIES, Severity, "a severity"),
    "escalation": (ESCALATIONS, Escalation, "an escalation step"),
    "outcome": (OUTCOMES, Outcome, "an outcome"),
    "contract": (CONTRACTS, Contract, "a contract type"),
}
