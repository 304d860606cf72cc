"""One dispute row read and checked in pure Python, for the journal.

The journal logs one row at a time (``conflictkit add``, ``resolve``,
``edit``), and loading pandas to check it would cost ten times more than
everything else the command does. This module reads such a row with the
reader's rules — the same vocabulary (:mod:`.vocabulary`, :mod:`._words`), the
same patterns and the same order of steps as :mod:`._parse`, :mod:`._causes`,
:mod:`._checks` and :mod:`._validate` — and returns the values to store only
when it is sure the full validator (:meth:`conflictkit.History.from_frames`)
accepts the row and stores the same values. Anything else — a value it does
not recognise, and every invalid row — returns None, and the caller runs the
full validator, whose problem texts are the only ones a user ever sees: this
module writes none, so the two cannot disagree on what is wrong.

``tests/test_single_row.py`` pins it to the full validator: random rows of
messy values (French spellings, ``dd/mm/yyyy``, ``7 avril 2024``, ``1 234,50
€``, placeholders, future dates, unknown causes) must be accepted here only if
the full validator accepts them, with the same stored values; and the values
people type on the command line must be accepted here, without pandas.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from enum import StrEnum
from functools import lru_cache
from typing import Any

from .._labels import Cause, Contract, Escalation, Outcome, Severity
from ._words import Vocabulary
from .vocabulary import (
    BOOLEANS,
    CAUSE_SEPARATORS,
    CAUSES,
    CONTRACTS,
    ESCALATIONS,
    MONTHS,
    OUTCOMES,
    PENDING_OUTCOMES,
    PLACEHOLDERS,
    SEVERITIES,
    normalize,
)

__all__ = ["dispute_values", "mission_values"]


class _Unsure(Exception):
    """The row may be invalid, or read otherwise: the full validator decides."""


# The patterns of :mod:`._parse`, written again here because that module loads
# pandas; tests/test_single_row.py checks they are the same.
_QUOTED = re.compile(r'^(?:"(.*)"|\'(.*)\'|“(.*)”|«\s*(.*?)\s*»)$', re.S)
_CURRENCY = re.compile(r"(?i)(€|\$|£|eur(os?)?|usd|gbp|chf|ht|ttc)")
_SPACES = re.compile(r"[\s\u00a0\u202f']")
_TIME_ZONE = r"(?<=\d)(?:Z|[+-]\d\d:?\d\d)$"
_NUMERIC_DATE = r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$"
_DAY_MONTH_YEAR = r"^(\d{1,2})(?:er|st|nd|rd|th)? ([a-z]+) (\d{4})$"
_MONTH_DAY_YEAR = r"^([a-z]+) (\d{1,2})(?:st|nd|rd|th)? (\d{4})$"
_PLACEHOLDER_CELLS = frozenset(
    {v for p in PLACEHOLDERS for v in (p, p.lower(), p.upper(), p.title())}
)
_PLACEHOLDER_KEYS = frozenset(normalize(p) for p in PLACEHOLDERS)

# What this module is sure of: plain ASCII numbers and ISO dates. Other
# spellings the full validator may read (``1e3``, ``2024-2-5``) go to it.
_PLAIN_NUMBER = re.compile(r"[0-9]{1,12}(?:\.[0-9]{1,3})?")
#: Characters of an amount this module reads (the regular expressions of
#: ``parse_number`` treat other spaces and digits differently under pyarrow).
_AMOUNT_CHARS = frozenset(map(chr, range(0x20, 0x7F))) | {"€", "£", "\u00a0", "\u202f"}
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
#: Dates before this are refused by the reader (io/_checks.py ``EARLIEST``).
_EARLIEST = dt.date(1970, 1, 1)
_MAX_INT = 2**53


# ------------------------------------------------------------------ cells
def _text(value: Any) -> str | None:
    """A cell as stripped text (None if empty), as ``_parse._text`` reads it."""
    if value is None:
        return None
    if isinstance(value, bool):
        text = str(value)
    elif isinstance(value, int):
        text = str(value)
    elif isinstance(value, str):
        text = value
    else:
        raise _Unsure
    text = text.strip()
    return text or None


def _unquote(text: str) -> str:
    found = _QUOTED.match(text)
    if found is None:
        return text
    return next(g for g in found.groups() if g is not None).strip()


def _is_placeholder(text: str) -> bool:
    norm = normalize(text)
    return norm == "" or norm in _PLACEHOLDER_KEYS


def _cleaned(value: Any) -> str | None:
    """A value as ``_parse._factorize`` sees it: unquoted, placeholders None."""
    text = _text(value)
    if text is None:
        return None
    text = _unquote(text)
    return None if _is_placeholder(text) else text


def _clean_text(value: Any) -> str | None:
    """An id or a client, as ``_parse.clean_text`` reads it."""
    text = _text(value)
    if text is None:
        return None
    if text in _PLACEHOLDER_CELLS or text.startswith(('"', "'", "“", "«")):
        return _cleaned(text)
    return text


def _notes(value: Any) -> str | None:
    """Free text keeps its spaces; empty or a placeholder is None."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Unsure
    return None if value == "" or _clean_text(value) is None else value


def _boolean(value: Any) -> int | None:
    if isinstance(value, bool):
        return int(value)
    if value is not None and not isinstance(value, int | str):
        raise _Unsure
    text = _cleaned(value)
    if text is None:
        return None
    found = BOOLEANS.get(normalize(text))
    if found is None:
        raise _Unsure
    return int(found)


def _number(value: Any, *, integer: bool = False) -> float | int | None:
    """An amount (or a whole number) of at least 0, as ``parse_number`` reads it."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise _Unsure
    if isinstance(value, int):
        if abs(value) > _MAX_INT:
            raise _Unsure
        number = float(value)
    elif isinstance(value, float):
        if math.isnan(value):
            return None
        number = value
    elif isinstance(value, str):
        read = _number_text(value)
        if read is None:
            return None
        number = read
    else:
        raise _Unsure
    if not math.isfinite(number) or number < 0:
        raise _Unsure
    if integer:
        if number != math.floor(number) or number > _MAX_INT:
            raise _Unsure
        return int(number)
    return number


def _number_text(value: str) -> float | None:
    text = value.strip()
    if not text:
        return None
    if _PLAIN_NUMBER.fullmatch(text):
        return float(text)
    u = _cleaned(text)
    if u is None:
        return None
    if not _AMOUNT_CHARS.issuperset(u):
        raise _Unsure
    cleaned = _CURRENCY.sub("", u).strip()
    t = _SPACES.sub("", cleaned)
    if (
        re.search(r",\d{1,2}$|,\d{4,}$", t)
        or re.search(r"\d\.\d{3}(?:\.\d{3})*,", t)
        or re.search(r"\d[\s\u00a0\u202f]\d{3}\b", cleaned)
    ):
        cleaned = _SPACES.sub("", cleaned).replace(".", "").replace(",", ".")
    else:
        cleaned = _SPACES.sub("", cleaned).replace(",", "")
    if not _PLAIN_NUMBER.fullmatch(cleaned):
        raise _Unsure
    return float(cleaned)


# ------------------------------------------------------------------ dates
def _date_text(value: Any) -> str | None:
    """A date cell as text; a date object as ``parse_dates`` writes it."""
    if isinstance(value, dt.datetime | dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        if day < _EARLIEST:
            raise _Unsure
        return day.isoformat()
    if value is not None and not isinstance(value, str):
        raise _Unsure
    text = _cleaned(value)
    if text is not None and any(c.isdigit() and not c.isascii() for c in text):
        raise _Unsure
    return text


def _order(text: str | None) -> tuple[bool | None, str | None]:
    """``_parse.date_order`` of a column of one value."""
    if text is None:
        return None, None
    found = re.match(_NUMERIC_DATE, text)
    if found is None:
        return None, None
    a, b = int(found[1]), int(found[2])
    if a > 12 and b > 12:
        raise _Unsure  # the full validator reports it
    if a > 12 or b > 12:
        return a > 12, None
    return (None, text) if a != b else (True, None)


def _orders(texts: Mapping[str, str | None]) -> dict[str, bool | None]:
    """Day-first or not per date column, as ``_validate._check_table_dates``."""
    found = {name: _order(text) for name, text in texts.items()}
    decided = {order for order, _ in found.values() if order is not None}
    borrowed = next(iter(decided)) if len(decided) == 1 else None
    out: dict[str, bool | None] = {}
    for name, (order, example) in found.items():
        if order is None and borrowed is not None:
            order = borrowed
        elif order is None and example is not None:
            raise _Unsure  # reads both ways: a problem of the whole table
        out[name] = order
    return out


def _day(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise _Unsure from None


def _parse_date(text: str | None, dayfirst: bool | None) -> dt.date | None:
    """``_parse.parse_dates`` of one value, for dates this module is sure of."""
    if text is None:
        return None
    local = re.sub(_TIME_ZONE, "", text)
    if re.fullmatch(r"\d+(?:[.,]\d+)?", text) and not re.fullmatch(r"\d{8}", text):
        raise _Unsure  # a number, not a date
    if iso := _ISO_DATE.fullmatch(local):
        return _day(int(iso[1]), int(iso[2]), int(iso[3]))
    if any(c.isdigit() for c in local) and re.match(r"^[0-9]{4}", local):
        raise _Unsure  # another ISO 8601 spelling: pandas decides
    if found := re.match(_NUMERIC_DATE, text):
        a, b, year = int(found[1]), int(found[2]), int(found[3])
        if year < 100:
            year += 2000 if year < 70 else 1900
        day, month = (a, b) if dayfirst in (True, None) else (b, a)
        return _day(year, month, day)
    norm = normalize(text)
    for pattern, d_at, m_at in ((_DAY_MONTH_YEAR, 1, 2), (_MONTH_DAY_YEAR, 2, 1)):
        found = re.match(pattern, norm)
        if found and found[m_at] in MONTHS:
            return _day(int(found[3]), MONTHS[found[m_at]], int(found[d_at]))
    raise _Unsure


def _dates(row: Mapping[str, Any], names: tuple[str, str]) -> list[dt.date | None]:
    texts = {name: _date_text(row.get(name)) for name in names}
    orders = _orders(texts)
    out = [_parse_date(texts[name], orders[name]) for name in names]
    if any(d is not None and d < _EARLIEST for d in out):
        raise _Unsure
    return out


# ------------------------------------------------------------------ labels
@lru_cache(maxsize=8)
def _labels(enum: type[StrEnum]) -> Vocabulary[Any]:
    """The words of a label column, as ``_causes._label_vocabulary`` builds them."""
    vocabs: dict[type[StrEnum], Mapping[str, Any]] = {
        Severity: SEVERITIES, Escalation: ESCALATIONS, Outcome: OUTCOMES,
        Contract: CONTRACTS,
    }  # fmt: skip
    vocab = vocabs[enum]
    table: dict[str, Any] = {m.value: m for m in enum}
    table.update(vocab)
    if enum is Outcome:
        table.update(dict.fromkeys(PENDING_OUTCOMES))
    return Vocabulary(table)


def _label(value: Any, enum: type[StrEnum]) -> str | None:
    if value is not None and not isinstance(value, str):
        raise _Unsure
    text = _cleaned(value)
    if text is None:
        return None
    found = _labels(enum).lookup(normalize(text))
    if found.problem is not None:
        raise _Unsure
    return None if found.value is None else str(found.value.value)


@lru_cache(maxsize=1)
def _cause_words() -> Vocabulary[tuple[Cause, ...]]:
    """The default cause table of ``_causes._cause_table(None)``."""
    table: dict[str, tuple[Cause, ...]] = {c.value: (c,) for c in Cause}
    table.update({k: (v,) for k, v in CAUSES.items()})
    return Vocabulary(table)


def _causes(value: Any) -> str | None:
    """``payment;tone`` as ``_causes._read_cell`` reads a cell, primary first."""
    if value is not None and not isinstance(value, str):
        raise _Unsure
    raw = _cleaned(value)
    if raw is None:
        return None
    words = _cause_words()
    whole = words.exact.get(normalize(raw))
    parts = [raw] if whole is not None else re.split(CAUSE_SEPARATORS, raw)
    found: list[str] = []
    for part in parts:
        if not part.strip() or _is_placeholder(part):
            continue
        causes = words.exact.get(normalize(part))
        if causes is None:
            hit = words.lookup(normalize(part))
            if hit.problem is not None:
                raise _Unsure
            causes = hit.value
        for cause in causes or ():
            if cause.value not in found:
                found.append(cause.value)
    return ";".join(found) or None


# ------------------------------------------------------------------ rows
def mission_values(row: Mapping[str, Any]) -> dict[str, Any] | None:
    """A stored mission row as the validator reads it, or None if unsure.

    ``row`` holds what the journal stores (0/1 for yes/no); the yes/no values
    are read as ``Journal`` hands them to the validator (1 and 0, else none).
    """
    try:
        mission_id, client = (
            _clean_text(row.get("mission_id")),
            _clean_text(row.get("client")),
        )
        started, ended = _dates(row, ("started_at", "ended_at"))
        if mission_id is None or client is None or started is None:
            raise _Unsure
        if ended is not None and ended < started:
            raise _Unsure
        values: dict[str, Any] = {
            "mission_id": mission_id,
            "client": client,
            "started_at": started.isoformat(),
            "ended_at": None if ended is None else ended.isoformat(),
            "contract": _label(row.get("contract"), Contract),
        }
        for c in ("days", "daily_rate", "checkin_every_days"):
            values[c] = _number(row.get(c))
        for c in ("via_intermediary", "written_scope", "meeting_minutes"):
            v = row.get(c)
            values[c] = int(v) if v in (0, 1) else None  # as .map({1: .., 0: ..})
        return values
    except _Unsure:
        return None


def dispute_values(
    row: Mapping[str, Any],
    mission: Mapping[str, Any] | None,
    today: dt.date,
) -> dict[str, Any] | None:
    """The stored values of one dispute row, or None to ask the full validator.

    Parameters
    ----------
    row : mapping
        The canonical dispute columns (``dispute_id`` … ``notes``, without
        ``primary_cause``), as :meth:`Journal.add` builds them.
    mission : mapping or None
        The stored row of the mission ``row`` names (None: it names none, or
        one the journal does not have).
    today : datetime.date
        No date may be after it.

    Returns
    -------
    dict or None
        What the journal stores (ISO dates, 0/1, floats, ``payment;tone``),
        or None when the row may be invalid or read otherwise by the full
        validator.

    Examples
    --------
    >>> import datetime as dt
    >>> values = dispute_values(
    ...     {"dispute_id": "D-0001", "client": " Acme ", "opened_at": "25/02/2024",
    ...      "causes": "facture impayée", "amount_at_stake": "1 234,50 €"},
    ...     None, dt.date(2024, 3, 1),
    ... )
    >>> values["client"], values["opened_at"], values["causes"]
    ('Acme', '2024-02-25', 'payment')
    >>> values["amount_at_stake"]
    1234.5
    >>> dispute_values({"dispute_id": "D-0001", "client": "Acme",
    ...                 "opened_at": "2024-02-25", "causes": "scoop"},
    ...                None, dt.date(2024, 3, 1)) is None  # the validator says why
    True
    """
    try:
        return _dispute(row, mission, today)
    except _Unsure:
        return None


def _dispute(
    row: Mapping[str, Any], mission: Mapping[str, Any] | None, today: dt.date
) -> dict[str, Any]:
    opened, resolved = _dates(row, ("opened_at", "resolved_at"))
    values: dict[str, Any] = {
        "dispute_id": _clean_text(row.get("dispute_id")),
        "client": _clean_text(row.get("client")),
        "mission_id": _clean_text(row.get("mission_id")),
        "opened_at": None if opened is None else opened.isoformat(),
        "resolved_at": None if resolved is None else resolved.isoformat(),
        "causes": _causes(row.get("causes")),
        "severity": _label(row.get("severity"), Severity),
        "escalation": _label(row.get("escalation"), Escalation),
        "outcome": _label(row.get("outcome"), Outcome),
        "client_retained": _boolean(row.get("client_retained")),
        "amount_at_stake": _number(row.get("amount_at_stake")),
        "amount_recovered": _number(row.get("amount_recovered")),
        "options_proposed": _number(row.get("options_proposed"), integer=True),
        "followup_sent": _boolean(row.get("followup_sent")),
        "notes": _notes(row.get("notes")),
    }
    if values["dispute_id"] is None or values["client"] is None or opened is None:
        raise _Unsure
    if resolved is not None and resolved < opened:
        raise _Unsure
    if opened > today or (resolved is not None and resolved > today):
        raise _Unsure
    # the mission is checked too (a dispute may not refer to a rejected one)
    linked = None if mission is None else mission_values(mission)
    if mission is not None and linked is None:
        raise _Unsure
    if values["mission_id"] is not None and (
        linked is None
        or linked["mission_id"] != values["mission_id"]
        or linked["client"] != values["client"]
    ):
        raise _Unsure
    return values
