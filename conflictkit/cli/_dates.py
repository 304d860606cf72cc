"""Dates typed on the command line: ``25/02/2024``, ``7 avril 2024``, ``hier``.

Private to :mod:`conflictkit.cli`. Imports nothing heavy: the CLI reads a
date before it knows whether it will need pandas.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata

__all__ = ["french_locale", "parse_cli_date"]

_RELATIVE = {
    "today": 0, "aujourd hui": 0, "auj": 0, "now": 0, "maintenant": 0,
    "yesterday": 1, "hier": 1,
    "day before yesterday": 2, "the day before yesterday": 2, "avant hier": 2,
}  # fmt: skip
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:er|st|nd|rd|th)? ([a-z]+)\.? (\d{4})$")
_MONTH_DAY = re.compile(r"^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$")


def french_locale() -> bool:
    """Whether the user's locale (``LC_ALL``, ``LC_TIME``, ``LANG``) is French."""
    for var in ("LC_ALL", "LC_TIME", "LANG"):
        value = os.environ.get(var)
        if value:
            return value.lower().startswith("fr")
    return False


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[’'`\-]", " ", text)
    return re.sub(r"\s+", " ", text.replace(",", " , ")).replace(" ,", ",").strip()


def parse_cli_date(
    text: str, *, dayfirst: bool | None = None, today: dt.date | None = None
) -> str:
    """Read a date as a person types it; return it as ``YYYY-MM-DD``.

    Parameters
    ----------
    text : str
        ``2024-02-25``, ``25/02/2024``, ``02/25/2024``, ``7 avril 2024``,
        ``April 7, 2024``, ``today``/``aujourd'hui``, ``yesterday``/``hier``,
        ``avant-hier``.
    dayfirst : bool, optional
        How to read ``03/04/2024``: True day first, False month first. None:
        a date that reads both ways is an error asking for ``--dayfirst``
        (the command passes True under ``--lang fr`` or a French locale).
    today : datetime.date, optional
        The date relative words count from (today by default).

    Returns
    -------
    str
        The ISO date.

    Raises
    ------
    ValueError
        If the text is not a date, or reads both ways and ``dayfirst`` is None.

    Examples
    --------
    >>> parse_cli_date("2024-02-25")
    '2024-02-25'
    >>> parse_cli_date("25/02/2024")
    '2024-02-25'
    >>> parse_cli_date("7 avril 2024")
    '2024-04-07'
    >>> parse_cli_date("hier", today=__import__("datetime").date(2024, 3, 1))
    '2024-02-29'
    >>> parse_cli_date("03/04/2024", dayfirst=True)
    '2024-04-03'
    """
    from ..io.vocabulary import MONTHS

    today = today or dt.date.today()
    folded = _fold(text)
    if folded in _RELATIVE:
        return (today - dt.timedelta(days=_RELATIVE[folded])).isoformat()
    plain = text.strip()
    if m := _ISO.match(plain):
        y, mo, d = (int(g) for g in m.groups())
        return _date(text, y, mo, d)
    if m := _NUMERIC.match(plain):
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        y = y + 2000 if len(m[3]) == 2 else y
        if a > 12 or (dayfirst is True and b <= 12):
            return _date(text, y, b, a)
        if b > 12 or dayfirst is False:
            return _date(text, y, a, b)
        if a == b:
            return _date(text, y, a, b)
        raise ValueError(
            f"{text!r} reads as {a} {_month_name(b)} or {_month_name(a)} {b}: "
            f"add --dayfirst (day first), or write it {y}-{b:02d}-{a:02d}"
        )
    m = _DAY_MONTH.match(folded)
    if m and m[2] in MONTHS:
        return _date(text, int(m[3]), MONTHS[m[2]], int(m[1]))
    m = _MONTH_DAY.match(folded)
    if m and m[1] in MONTHS:
        return _date(text, int(m[3]), MONTHS[m[1]], int(m[2]))
    raise ValueError(
        f"{text!r} is not a date: write 2024-02-25, 25/02/2024, 7 avril 2024, "
        "April 7 2024, today or yesterday (aujourd'hui, hier)"
    )


def _month_name(month: int) -> str:
    return dt.date(2000, month, 1).strftime("%B")


def _date(text: str, year: int, month: int, day: int) -> str:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError as err:
        raise ValueError(f"{text!r} is not a date ({err})") from None
