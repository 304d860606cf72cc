"""Which of the user's headers stands for which canonical column.

Headers are matched, in order, through ``columns=`` (the user's word wins),
the canonical names themselves, the aliases of the table
(:data:`~conflictkit.io.vocabulary.TABLE_ALIASES`), the shared aliases
(:data:`~conflictkit.io.vocabulary.COLUMN_ALIASES`) and, for a header whose
meaning depends on the language (``Issue``), the values of the column. Every
header left over is accounted for: named in one warning, with the canonical
names it might stand for, and kept in ``history.unused_columns``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..model import DISPUTE_COLUMNS, MISSION_COLUMNS
from . import _causes as C
from .vocabulary import AMBIGUOUS_HEADERS, COLUMN_ALIASES, TABLE_ALIASES, normalize

__all__ = [
    "ColumnMap",
    "check_columns_argument",
    "map_columns",
    "missions_columns_message",
    "unused_message",
]

_CANONICAL = {**DISPUTE_COLUMNS, **MISSION_COLUMNS}
_DATE_WORDS = {"le", "date", "on", "at", "du", "depuis", "when", "quand", "jour"}
_AMOUNT_WORDS = {"montant", "amount", "somme", "total", "prix", "price", "eur"}


@dataclass
class ColumnMap:
    """``found``: canonical name -> header; ``unused``: header -> suggestions."""

    found: dict[str, str] = field(default_factory=dict)
    unused: dict[str, list[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def header(self, name: str) -> str:
        """The user's header for a canonical column (the name if it has none)."""
        return self.found.get(name, name)


def check_columns_argument(
    columns: dict[str, str] | None, headers: Iterable[str]
) -> dict[str, str]:
    """Check ``columns=``: known targets, one source per target, headers that exist."""
    columns = dict(columns or {})
    unknown = set(columns.values()) - set(_CANONICAL)
    if unknown:
        raise ValueError(
            f"`columns` maps onto unknown names {sorted(unknown)}; the canonical "
            f"names are {sorted(_CANONICAL)}"
        )
    by_target: dict[str, list[str]] = {}
    for header, target in columns.items():
        by_target.setdefault(target, []).append(header)
    twice = {t: h for t, h in by_target.items() if len(h) > 1}
    if twice:
        target, headers_ = next(iter(twice.items()))
        raise ValueError(
            f"`columns` maps {' and '.join(map(repr, headers_))} both onto "
            f"{target!r}: one column per name; map the other one elsewhere or "
            "leave it out"
        )
    have = list(headers)
    missing = [h for h in columns if h not in have]
    if missing:
        close = difflib.get_close_matches(missing[0], have, n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ValueError(
            f"`columns` names {missing[0]!r}, which is not a header of the file"
            f"{hint}; the headers are {', '.join(map(repr, have))}"
        )
    return columns


def _alias(header: str, table: str) -> str | None:
    norm = normalize(header)
    snake = norm.replace(" ", "_")
    if snake in _CANONICAL:
        return snake
    return TABLE_ALIASES.get(table, {}).get(norm) or COLUMN_ALIASES.get(norm)


def _fits(values: pd.Series, target: str, cause_map: Any) -> float:
    """The share of a column's distinct values that read as ``target``."""
    sample = values.dropna().drop_duplicates().head(200)
    if sample.empty:
        return 0.0
    if target == "causes":
        _, _, _, problems = C.parse_causes(sample, cause_map=cause_map)
    else:
        vocab, enum, what = C.LABELS[target]
        _, problems = C.parse_label(
            sample, vocab=vocab, enum=enum, dtype=_CANONICAL[target], what=what
        )
    return 1 - len(problems) / len(sample)


def _suggestions(header: str, canonical: dict[str, Any], taken: set[str]) -> list[str]:
    norm = normalize(header)
    words = set(norm.split())
    keys = {**{n.replace("_", " "): n for n in canonical}, **COLUMN_ALIASES}
    keys = {k: v for k, v in keys.items() if v in canonical}
    close = difflib.get_close_matches(norm, list(keys), n=3, cutoff=0.75)
    out = [keys[k] for k in close]
    if words & _DATE_WORDS:
        out += [n for n, t in canonical.items() if str(t).startswith("datetime64")]
    if words & _AMOUNT_WORDS:
        out += [n for n in canonical if n.startswith("amount")]
    # names not yet taken first, each once
    ranked = [n for n in out if n not in taken] + [n for n in out if n in taken]
    return list(dict.fromkeys(ranked))[:2]


def map_columns(
    frame: pd.DataFrame,
    table: str,
    columns: dict[str, str],
    *,
    cause_map: Any = None,
) -> ColumnMap:
    """Map one table's headers onto its canonical columns."""
    canonical = DISPUTE_COLUMNS if table == "disputes" else MISSION_COLUMNS
    result = ColumnMap()
    targets: dict[str, str | None] = {}
    for header in frame.columns:
        if header in columns:
            targets[header] = columns[header]
        else:
            targets[header] = _alias(header, table)
    # ``primary_cause`` alone stands for the causes; beside a causes column
    # (as in ``history.disputes``) it is derived from it, and skipped.
    has_causes = "causes" in targets.values()
    ambiguous: list[str] = []
    for header, target in targets.items():
        if target == "primary_cause":
            if has_causes:
                continue
            target = "causes"
        if target is None and normalize(header) in AMBIGUOUS_HEADERS:
            ambiguous.append(header)
            continue
        if target is None or target not in canonical:
            result.unused[header] = []  # unknown, or a column of the other table
            continue
        if target in result.found:
            if header in columns and result.found[target] not in columns:
                result.found[target] = header  # the user's word wins over an alias
                continue
            if result.found[target] in columns:
                continue
            result.problems.append(
                f"the columns {result.found[target]!r} and {header!r} both mean "
                f"{target!r}: rename one, or pass columns={{...}} to choose"
            )
            continue
        result.found[target] = header
    for header in ambiguous:
        options = [
            t for t in AMBIGUOUS_HEADERS[normalize(header)]
            if t in canonical and t not in result.found
        ]  # fmt: skip
        fits = {t: _fits(frame[header], t, cause_map) for t in options}
        best = max(fits, key=fits.__getitem__, default=None)
        if best is not None and fits[best] >= 0.5:
            result.found[best] = header
        else:
            result.unused[header] = options
    taken = set(result.found)
    for header, options in result.unused.items():
        result.unused[header] = options or _suggestions(header, canonical, taken)
    return result


def unused_message(unused: dict[str, list[str]], table: str) -> str:
    """One warning naming every unused column and what it might stand for."""
    parts = []
    for header, options in unused.items():
        maybe = " or ".join(options)
        parts.append(f"{header!r}" + (f" ({maybe}?)" if maybe else ""))
    n = len(unused)
    first, options = next(
        ((h, o) for h, o in unused.items() if o), next(iter(unused.items()))
    )
    example = options[0] if options else "notes"
    where = "" if table == "disputes" else " of the missions table"
    return (
        f"{n} column{'s are' if n != 1 else ' is'} not used{where}: "
        f"{', '.join(parts)}. {'They are' if n != 1 else 'It is'} kept as read "
        "(see history.unused_columns); to use one, pass "
        f"columns={{{first!r}: {example!r}}}"
    )


def missions_columns_message(
    unused: dict[str, list[str]],
) -> tuple[str | None, list[str]]:
    """The unused headers of a disputes file that name a missions column.

    A practice (``written_scope``, ``checkins``...) is recorded once per
    mission, so a disputes file's ``Périmètre écrit`` is not a dispute column
    to map onto ``notes``: one warning says where it belongs.

    Returns
    -------
    tuple
        The warning (None when there are none) and the headers it names.

    Examples
    --------
    >>> unused = {"Périmètre écrit": [], "Tarif": []}
    >>> message, headers = missions_columns_message(unused)
    >>> headers
    ['Périmètre écrit']
    >>> message.split(": ")[1]
    "'Périmètre écrit' (written_scope); a practice is recorded once per mission"
    """
    found = {}
    for header in unused:
        target = _alias(header, "missions")
        if target in MISSION_COLUMNS and target not in DISPUTE_COLUMNS:
            found[header] = target
    if not found:
        return None, []
    n = len(found)
    names = ", ".join(f"{h!r} ({t})" for h, t in found.items())
    return (
        f"{n} column{'s belong' if n != 1 else ' belongs'} to the missions table, "
        f"not to the disputes: {names}; a practice is recorded once per mission: "
        f"put {'them' if n != 1 else 'it'} in the missions file (missions= or "
        "--missions)"
    ), list(found)


def names_client_and_date(cells: list[str], columns: dict[str, str] | None) -> bool:
    """Does this row name a client column and a date column of a dispute log?

    Through ``columns`` (the user's mapping) or the reader's vocabulary,
    English and French: the test :func:`._files.read_raw` uses to find the
    header below a title line.

    Examples
    --------
    >>> names_client_and_date(["Client", "Date d'ouverture", "Cause"], None)
    True
    >>> names_client_and_date(["Suivi des litiges 2024", "", ""], None)
    False
    >>> names_client_and_date(["Société X", "Quand"], {"Quand": "opened_at"})
    False
    """
    columns = columns or {}
    fields = {
        columns.get(c.strip(), _alias(c.strip(), "disputes"))
        for c in cells
        if isinstance(c, str) and c.strip()
    }
    return "client" in fields and bool({"opened_at", "resolved_at"} & fields)
