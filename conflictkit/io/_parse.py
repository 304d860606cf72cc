"""Vectorized parsers for the values found in dispute logs.

Every parser takes one column (a Series of text as read from a file, or of
already typed values when built in code) and returns ``(values, problems)``:
the typed Series, and a Series of problem messages indexed by the rows that
failed. Text is parsed once per *distinct* value (``pd.factorize``), then
mapped back, so a column of 10 million cells with a few thousand distinct
spellings costs a few thousand parses.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Any, TypeAlias, TypeVar

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pandas.api.types import (
    is_bool_dtype,
    is_datetime64_any_dtype,
    is_numeric_dtype,
)

from .vocabulary import MONTHS, PLACEHOLDERS, normalize

__all__ = [
    "AmbiguousDates",
    "parse_bool",
    "parse_dates",
    "parse_number",
]

Problems: TypeAlias = pd.Series
_E = TypeVar("_E", bound=StrEnum)
_ARROW_STRING = pd.StringDtype("pyarrow")
_EMPTY = pd.Series([], dtype=object)


def _no_problems() -> pd.Series:
    return _EMPTY.copy()


def _text(s: pd.Series) -> pd.Series:
    """The column as stripped text (pyarrow strings), empty cells as missing."""
    if isinstance(s.dtype, pd.CategoricalDtype) and pd.api.types.infer_dtype(
        s.cat.categories, skipna=True
    ) in ("string", "empty"):
        # text kept as codes (see RawTable.compact): taken in Arrow, not
        # through a Python object per cell
        names = pa.array(s.cat.categories.astype(object), type=pa.large_string())
        codes = s.cat.codes.to_numpy()
        taken = pa.chunked_array([names.take(pa.array(codes, mask=codes < 0))])
        s = pd.Series(pd.arrays.ArrowStringArray(taken), index=s.index)
    elif not (isinstance(s.dtype, pd.StringDtype) and s.dtype.storage == "pyarrow"):
        s = s.astype(_ARROW_STRING)
    # already a ChunkedArray: pa.chunked_array() of one fails on pyarrow 15
    arr = s.array._pa_array  # type: ignore[attr-defined]
    trimmed = pc.utf8_trim_whitespace(arr)
    if (
        pc.all(pc.equal(trimmed, arr)).as_py() is not False
        and not pc.any(pc.equal(arr, "")).as_py()
    ):
        # nothing to trim, no empty cell: the column itself, not a copy of it
        return pd.Series(pd.arrays.ArrowStringArray(arr), index=s.index)
    trimmed = pc.if_else(pc.equal(trimmed, ""), pa.scalar(None, arr.type), trimmed)
    return pd.Series(pd.arrays.ArrowStringArray(trimmed), index=s.index)


#: Placeholders as typed, in the cases people type them, for a vectorised test
_PLACEHOLDER_CELLS = sorted(
    {v for p in PLACEHOLDERS for v in (p, p.lower(), p.upper(), p.title())}
)
_PLACEHOLDER_KEYS = frozenset(normalize(p) for p in PLACEHOLDERS)
_QUOTED = re.compile(r'^(?:"(.*)"|\'(.*)\'|“(.*)”|«\s*(.*?)\s*»)$', re.S)


def is_placeholder(text: str) -> bool:
    """Whether a cell means "no value" (``N/A``, ``-``, ``néant``...).

    Examples
    --------
    >>> [is_placeholder(t) for t in ["N/A", "néant", "—", "non", "0"]]
    [True, True, True, False, False]
    """
    norm = normalize(text)
    return norm == "" or norm in _PLACEHOLDER_KEYS


def unquote(text: str) -> str:
    """The value without quotes written around it: ``"2022-07-13"`` -> 2022-07-13."""
    found = _QUOTED.match(text)
    if found is None:
        return text
    return next(g for g in found.groups() if g is not None).strip()


def _clean(value: Any) -> Any:
    """A distinct cell value with quotes removed; None if it is a placeholder."""
    if not isinstance(value, str):
        return value
    value = unquote(value)
    return None if is_placeholder(value) else value


def _factorize(s: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """Codes and distinct values, placeholders folded into missing (code -1)."""
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    cleaned = [_clean(u) for u in np.asarray(uniques, dtype=object)]
    if any(c is None or c is not u for c, u in zip(cleaned, uniques, strict=True)):
        # re-factorize the cleaned values so equal ones share a code
        missing = np.array([c is None for c in cleaned] + [True])
        codes = np.where(missing[codes], -1, codes)
        kept, inverse = np.unique(
            np.asarray([c if c is not None else "" for c in cleaned], dtype=object),
            return_inverse=True,
        )
        codes = np.where(codes >= 0, inverse[np.maximum(codes, 0)], -1)
        return codes, pd.Series(kept, dtype=object)
    return codes, pd.Series(cleaned, dtype=object)


def clean_text(s: pd.Series) -> pd.Series:
    """A text column (ids, clients) stripped, unquoted, placeholders missing.

    Vectorised: the rare cells that start with a quote or look like a
    placeholder are the only ones looked at one by one.
    """
    text = _text(s)
    arr = text.array._pa_array  # type: ignore[attr-defined]  # (pyarrow 15: no re-wrap)
    odd = pc.is_in(arr, value_set=pa.array(_PLACEHOLDER_CELLS, pa.string()))
    for quote in ('"', "'", "“", "«"):
        odd = pc.or_(odd, pc.starts_with(arr, quote))
    odd = pc.fill_null(odd, False)
    if not pc.any(odd).as_py():
        return text
    mask = odd.to_numpy(zero_copy_only=False)
    fixed = text[mask].map(_clean).astype(_ARROW_STRING)
    out = text.copy()
    out[mask] = fixed
    return out


def _take(per_unique: np.ndarray, codes: np.ndarray, fill: Any) -> np.ndarray:
    """Map per-unique results back to rows; code -1 (missing) gets ``fill``."""
    out = (
        np.take(per_unique, np.where(codes < 0, 0, codes))
        if len(per_unique)
        else (np.full(len(codes), fill, dtype=per_unique.dtype))
    )
    if (codes < 0).any():
        out = out.copy()
        out[codes < 0] = fill
    return out


def _problems_from(
    index: pd.Index, codes: np.ndarray, unique_msgs: pd.Series
) -> pd.Series:
    """Per-row problems from per-unique messages (None = fine)."""
    # a last entry for code -1 (missing): never a problem
    bad_u = np.append(unique_msgs.notna().to_numpy(dtype=bool), False)
    if not bad_u.any():
        return _no_problems()
    row_bad = bad_u[codes]
    msgs = unique_msgs.to_numpy(dtype=object)[codes[row_bad]]
    return pd.Series(msgs, index=index[row_bad], dtype=object)


# --------------------------------------------------------------------- booleans
def parse_bool(
    s: pd.Series, *, vocab: Mapping[str, bool]
) -> tuple[pd.Series, Problems]:
    """Parse ``oui``/``non``, ``yes``/``no``, ``x``, ``1``/``0``, ``true``/``false``."""
    if is_bool_dtype(s.dtype):
        return s.astype("boolean"), _no_problems()
    text = _text(s)
    codes, uniques = _factorize(text)
    norm = [normalize(u) for u in uniques]
    vals = np.asarray([vocab.get(n) for n in norm], dtype=object)
    msgs = pd.Series(
        [
            None
            if v is not None
            else f"{u!r} is not a yes/no value; expected oui/non, yes/no, x, 1/0"
            for u, v in zip(uniques, vals, strict=True)
        ],
        dtype=object,
    )
    # per distinct value, then taken to the rows (no Python object per row)
    truth = np.asarray([v is True for v in vals], dtype=bool)
    unknown = np.asarray([v is None for v in vals] + [True], dtype=bool)
    out = pd.arrays.BooleanArray(
        _take(truth, codes, False), unknown[np.where(codes < 0, -1, codes)]
    )
    return pd.Series(out, index=s.index), _problems_from(s.index, codes, msgs)


# --------------------------------------------------------------------- numbers
_CURRENCY = re.compile(r"(?i)(€|\$|£|eur(os?)?|usd|gbp|chf|ht|ttc)")
_SPACES = re.compile(r"[\s\u00a0\u202f']")


def _decimal_comma_column(texts: pd.Series) -> bool:
    """Does this column write decimals with a comma (``1 500,00``)?"""
    t = texts.str.replace(_SPACES, "", regex=True)
    has_comma_decimals = t.str.contains(r",\d{1,2}$|,\d{4,}$", regex=True)
    has_dot_thousands = t.str.contains(r"\d\.\d{3}(?:\.\d{3})*,", regex=True)
    has_space_thousands = texts.str.contains(r"\d[\s\u00a0\u202f]\d{3}\b", regex=True)
    return bool(
        has_comma_decimals.any() or has_dot_thousands.any() or has_space_thousands.any()
    )


def parse_number(
    s: pd.Series,
    *,
    minimum: float | None = 0.0,
    integer: bool = False,
    what: str = "an amount",
) -> tuple[pd.Series, Problems]:
    """Parse ``1 500,00 €``, ``1,500.00``, ``€1500``, ``12``; check the minimum."""
    dtype = "Int64" if integer else "float64"
    if is_numeric_dtype(s.dtype) and not is_bool_dtype(s.dtype):
        values = pd.Series(s, dtype="float64")
        codes = None
        msgs = None
    elif (fast := _plain_numbers(s)) is not None:
        values, codes, msgs = fast, None, None
    else:
        text = _text(s)
        codes, uniques = _factorize(text)
        u = pd.Series(uniques, dtype="string")
        cleaned = u.str.replace(_CURRENCY, "", regex=True).str.strip()
        if _decimal_comma_column(cleaned):
            cleaned = cleaned.str.replace(_SPACES, "", regex=True)
            cleaned = cleaned.str.replace(".", "", regex=False)
            cleaned = cleaned.str.replace(",", ".", regex=False)
        else:
            cleaned = cleaned.str.replace(_SPACES, "", regex=True)
            cleaned = cleaned.str.replace(",", "", regex=False)
        num = pd.to_numeric(cleaned, errors="coerce").astype("float64")
        msgs = pd.Series(
            np.where(num.isna(), "'" + u.astype(object) + f"' is not {what}", None),
            dtype=object,
        )
        values = pd.Series(
            _take(num.to_numpy(dtype=float), codes, np.nan), index=s.index
        )
    problems = []
    if codes is not None and msgs is not None:
        problems.append(_problems_from(s.index, codes, msgs))
    infinite = values.notna() & ~np.isfinite(values.to_numpy(dtype=float, na_value=0.0))
    if infinite.any():
        problems.append(
            pd.Series("is not a finite number", index=values.index[infinite])
        )
        values = values.where(~infinite)
    finite = values.notna()
    if minimum is not None:
        low = finite & (values < minimum)
        if low.any():
            problems.append(
                pd.Series(
                    f"must be ≥ {minimum:g}", index=values.index[low], dtype=object
                )
            )
    if integer:
        frac = finite & (values != np.floor(values.fillna(0)))
        if frac.any():
            problems.append(
                pd.Series("must be a whole number", index=values.index[frac])
            )
        huge = finite & (values.abs() > 2**53)
        if huge.any():
            problems.append(pd.Series("is too large", index=values.index[huge]))
        values = values.where(~frac & ~huge)
        values = values.round().astype(dtype)
    return values, _join_problems(problems)


def _plain_numbers(s: pd.Series) -> pd.Series | None:
    """Numbers written plainly (``1500.5``) parse in one pyarrow cast, else None."""
    text = _text(s)
    try:
        arr = pc.cast(text.array._pa_array, pa.float64())  # type: ignore[attr-defined]
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    return pd.Series(arr.to_numpy(), index=s.index, dtype="float64")


def _join_problems(parts: list[pd.Series]) -> pd.Series:
    parts = [p for p in parts if len(p)]
    if not parts:
        return _no_problems()
    if len(parts) == 1:
        return parts[0]
    both = pd.concat(parts)
    return both.groupby(level=0, sort=False).agg("; ".join)


# --------------------------------------------------------------------- dates
class AmbiguousDates(ValueError):
    """A date column could be day-first or month-first."""


_TIME_ZONE = r"(?<=\d)(?:Z|[+-]\d\d:?\d\d)$"
_NUMERIC_DATE = r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$"
_DAY_MONTH_YEAR = r"^(\d{1,2})(?:er|st|nd|rd|th)? ([a-z]+) (\d{4})$"
_MONTH_DAY_YEAR = r"^([a-z]+) (\d{1,2})(?:st|nd|rd|th)? (\d{4})$"


def date_order(s: pd.Series) -> tuple[bool | None, str | None]:
    """How a column writes numeric dates, from its unambiguous values.

    Returns ``(order, example)``: ``order`` is True (day-first), False
    (month-first) or None (undecided); when undecided, ``example`` is a value
    that reads both ways (``"03/04/2021"``), if any. Raises
    :class:`AmbiguousDates` if both orders appear.
    """
    if is_datetime64_any_dtype(s.dtype):
        return None, None
    _, uniques = _factorize(_text(s))
    u = pd.Series(uniques, dtype="string")
    parts = u.str.extract(_NUMERIC_DATE).dropna()
    if parts.empty:
        return None, None
    a = parts[0].astype(int)
    b = parts[1].astype(int)
    dayfirst = bool((a > 12).any())
    monthfirst = bool((b > 12).any())
    if dayfirst and monthfirst:
        raise AmbiguousDates("both day-first and month-first dates appear")
    if dayfirst or monthfirst:
        return dayfirst, None
    both_ways = a != b
    if both_ways.any():
        return None, str(u[both_ways[both_ways].index[0]])
    return True, None  # every value reads the same both ways


def parse_dates(
    s: pd.Series, *, dayfirst: bool | None = None
) -> tuple[pd.Series, Problems]:
    """Parse ISO, ``dd/mm/yyyy`` or ``mm/dd/yyyy``, ``7 avril 2021``, ``April 7, 2021``.

    ``dayfirst`` decides the order of numeric dates; with None the caller has
    made sure the column is unambiguous (see :func:`date_order`).
    """
    if is_datetime64_any_dtype(s.dtype):
        out = pd.Series(s)
        if getattr(out.dt, "tz", None) is not None:
            out = out.dt.tz_localize(None)  # keep the local date and time
        return out.astype("datetime64[ns]"), _no_problems()
    if s.dtype == object and pd.api.types.infer_dtype(s, skipna=True) != "string":
        # datetime.date / Timestamp objects built in code, mixed with text
        # (a column of text alone, the usual case, skips this per-cell pass)
        is_obj_date = s.map(
            lambda v: hasattr(v, "year") and not isinstance(v, str) and v is not pd.NaT
        )
        if is_obj_date.any():
            s = s.copy()
            # each value's own date and time, tz-aware ones in their local time
            s[is_obj_date] = s[is_obj_date].map(
                lambda v: (
                    pd.Timestamp(v).tz_localize(None).strftime("%Y-%m-%d")
                    if pd.Timestamp(v).tzinfo is not None
                    else pd.Timestamp(v).strftime("%Y-%m-%d")
                )
            )
    text = _text(s)
    codes, uniques = _factorize(text)
    u = pd.Series(uniques, dtype="string")
    # a time zone (Z, +02:00) is dropped: the local date and time are kept
    local = u.str.replace(_TIME_ZONE, "", regex=True)
    # a plain number is not a date (2021, 1500, 44123 read as years or days)
    number = u.str.fullmatch(r"\d+(?:[.,]\d+)?") & ~u.str.fullmatch(r"\d{8}")
    parsed = pd.to_datetime(local.mask(number), format="ISO8601", errors="coerce")
    todo = parsed.isna()
    no_such_day = pd.Series(dtype=object)
    if todo.any():
        num = u[todo].str.extract(_NUMERIC_DATE).dropna()
        if len(num):
            a, b, y = num[0].astype(int), num[1].astype(int), num[2].astype(int)
            y = y.where(y >= 100, y + np.where(y < 70, 2000, 1900))
            day, month = (a, b) if dayfirst in (True, None) else (b, a)
            parsed[num.index] = _from_parts(y, month, day)
            failed = parsed[num.index].isna()
            no_such_day = _no_such_day(y, month, day, failed)
            # no such month this way (04/30 day-first): the other way?
            swap = failed & ~month.between(1, 12) & day.between(1, 12)
            if swap.any():
                other_way = _other_way(
                    y[swap], day[swap], month[swap], dayfirst in (True, None)
                )
                no_such_day = pd.concat([no_such_day, other_way])
        todo = parsed.isna()
        norm = u[todo].map(normalize, na_action="ignore").astype("string")
        for pattern, order in ((_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy")):
            found = norm.str.extract(pattern).dropna()
            if len(found):
                d_col, m_col = (0, 1) if order == "dmy" else (1, 0)
                month = found[m_col].map(MONTHS)
                ok = month.notna()
                found = found[ok]
                parsed[found.index] = _from_parts(
                    found[2].astype(int),
                    month[ok].astype(int),
                    found[d_col].astype(int),
                )
    msgs = pd.Series(
        np.where(
            parsed.isna(),
            "'"
            + u.astype(object)
            + "' is not a date ("
            + np.where(number.fillna(False), "a number; ", "")
            + "expected e.g. 2021-04-07, 07/04/2021 or 7 avril 2021)",
            None,
        ),
        dtype=object,
    )
    if len(no_such_day):  # 31/11/2023: the day the month does not have
        is_hint = no_such_day.str.startswith("read ")
        msgs[no_such_day.index] = (
            "'"
            + u[no_such_day.index].astype(object)
            + "' is not a date"
            + np.where(is_hint, " " + no_such_day, " (" + no_such_day + ")")
        )
    values = _take(parsed.to_numpy(dtype="datetime64[ns]"), codes, np.datetime64("NaT"))
    return (
        pd.Series(values, index=s.index, dtype="datetime64[ns]"),
        _problems_from(s.index, codes, msgs),
    )


def _no_such_day(
    year: pd.Series, month: pd.Series, day: pd.Series, failed: pd.Series
) -> pd.Series:
    """Why a day and month that look right make no date: the month is shorter.

    ``31/11/2023`` gives ``there is no day 31 in month 11 of 2023, which has
    30 days``; only the dates that failed with a month of 1 to 12 and a day
    of 1 to 31 get a reason.
    """
    ok = failed & month.between(1, 12) & day.between(1, 31)
    if not ok.any():
        return pd.Series(dtype=object)
    y, m, d = year[ok], month[ok], day[ok]
    first = _from_parts(y, m, pd.Series(1, index=y.index))
    days = first.dt.days_in_month
    return (
        "there is no day " + d.astype(str) + " in month " + m.astype(str)
        + " of " + y.astype(str) + ", which has " + days.astype(str) + " days"
    )  # fmt: skip


def _other_way(
    year: pd.Series, month: pd.Series, day: pd.Series, dayfirst: bool
) -> pd.Series:
    """Why a date read one way fails, when read the other way it is one.

    ``04/30/2024`` read day-first has no month 30; read month-first it is
    30 April, and the reason names the option that reads it so. When the
    other way has no such day either (``04/31/2024``), the reason is that
    one (April has 30 days).
    """
    parsed = _from_parts(year, month, day)
    short = _no_such_day(year, month, day, parsed.isna())
    ok = parsed.notna()
    way, other = ("day", "month") if dayfirst else ("month", "day")
    option = "--monthfirst (dayfirst=False" if dayfirst else "--dayfirst (dayfirst=True"
    hint = (
        f"read {way}-first, but reads as "
        + parsed[ok].dt.strftime("%Y-%m-%d").astype(object)
        + f" {other}-first: if the column is {other}-first, pass {option} in"
        " Python)"
    )
    return pd.concat([short, hint])


def _from_parts(year: pd.Series, month: pd.Series, day: pd.Series) -> pd.Series:
    frame = pd.DataFrame({"year": year, "month": month, "day": day})
    return pd.to_datetime(frame, errors="coerce")


def categorical_from_uniques(
    per_unique: list[Any], codes: np.ndarray, dtype: pd.CategoricalDtype
) -> pd.Categorical:
    """Rows' categories from one value per distinct spelling (None = missing):
    the category codes are taken per row, no Python object per row."""
    lookup = {c: i for i, c in enumerate(dtype.categories)}
    # a last entry for code -1 (missing); small codes, taken once
    unique_codes = np.asarray(
        [lookup.get(v, -1) if v is not None else -1 for v in per_unique] + [-1],
        dtype=np.int8 if len(lookup) < 127 else np.int32,
    )
    return pd.Categorical.from_codes(unique_codes[codes], dtype=dtype)


def duplicated(s: pd.Series) -> pd.Series:
    """``s.duplicated(keep="first")``, hashed as integer codes: on pyarrow
    strings pandas would make a Python object per cell."""
    if isinstance(s.dtype, pd.StringDtype) and s.dtype.storage == "pyarrow":
        arr = s.array._pa_array  # type: ignore[attr-defined]
        if not _repeats(arr):
            # every id once (the usual case): only the missing ones repeat
            missing = arr.is_null().to_numpy(zero_copy_only=False)
            seen = missing.copy()
            if missing.any():
                seen[int(missing.argmax())] = False
            return pd.Series(seen, index=s.index)
    codes, _ = pd.factorize(s, use_na_sentinel=True)
    return pd.Series(codes, index=s.index).duplicated(keep="first")


def _repeats(arr: pa.ChunkedArray, step: int = 1 << 18) -> bool:
    """Whether a value (not a missing one) appears twice.

    Sorted order, then neighbours compared a slice at a time: a hash table of
    every value (``count_distinct``) costs several times the column at 1M
    rows, and seconds.
    """
    order = pc.sort_indices(arr)
    previous = None
    for start in range(0, len(order), step):
        part = arr.take(order.slice(start, step))
        if previous is not None:
            part = pa.chunked_array([previous, *part.chunks])
        if (
            len(part) > 1
            and pc.any(pc.equal(part.slice(1), part.slice(0, len(part) - 1))).as_py()
        ):
            return True
        previous = part.slice(len(part) - 1).combine_chunks()
    return False
