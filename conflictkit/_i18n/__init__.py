"""Every word a user reads, in English and French, and how numbers are written.

This package owns the choice of language and the user-facing texts of the
command line, the report, the plots and the advice. Texts live in catalogs
(``_catalog_*.py``), one ``key -> (english, french)`` table per family;
numbers, percentages, amounts, dates and plural forms go through Babel
(CLDR data), so French gets ``1 500,5``, ``31 %``, ``578 230 €``,
``01/03/2024`` and ``1 litige`` / ``2 litiges`` without hand-written rules.

Nothing here imports a stage of the pipeline, so every stage may use it;
Babel and pandas are imported on first use, so that the command line's
``--help`` and its messages start without them.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from ._catalog import CATALOG, Entry

#: The languages of every text (as in :data:`conflictkit._labels.LANGS`).
LANGS = ("en", "fr")


def check_lang(lang: str) -> str:
    """Return ``lang`` if supported, else the ValueError of ``_labels.check_lang``.

    Examples
    --------
    >>> check_lang("fr")
    'fr'
    """
    if lang in LANGS:
        return lang
    from .._labels import check_lang as check  # the one message, said once

    return check(lang)


__all__ = [
    "LANGS",
    "check_lang",
    "date",
    "default_lang",
    "money",
    "number",
    "p_value",
    "percent",
    "plural",
    "problem_text",
    "ratio",
    "resolve_lang",
    "t",
]

#: Currency symbols people type, and the ISO code Babel knows them by.
_CURRENCY_CODES = {"€": "EUR", "$": "USD", "£": "GBP", "CHF": "CHF", "¥": "JPY"}

_DATE_FORMATS = {"en": "d MMM y", "fr": "dd/MM/y"}

#: Shown for a number nobody recorded.
MISSING = "–"


def default_lang(environ: Mapping[str, str] | None = None) -> str:
    """The language of the user's locale: ``"fr"`` for a French one, else ``"en"``.

    Reads ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` in that order, as gettext
    does.

    Examples
    --------
    >>> default_lang({"LANG": "fr_FR.UTF-8"}), default_lang({"LANG": "C"})
    ('fr', 'en')
    """
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def resolve_lang(lang: str | None) -> str:
    """``lang`` checked, or the locale's language when it is None."""
    return default_lang() if lang is None else check_lang(lang)


@lru_cache(maxsize=4)
def _locale(lang: str) -> Any:
    from babel import Locale

    return Locale.parse(check_lang(lang))


def plural(count: float, lang: str) -> str:
    """The CLDR plural category of ``count``: ``"one"`` or ``"other"``.

    French counts 0 and 1 as singular, English only 1.

    Examples
    --------
    >>> plural(0, "fr"), plural(0, "en"), plural(1, "en")
    ('one', 'other', 'one')
    """
    return str(_locale(lang).plural_form(abs(count)))


def _pick(entry: Entry, lang: str, count: float | None) -> str:
    text = entry[1] if lang == "fr" else entry[0]
    if isinstance(text, dict):
        form = plural(count if count is not None else 2, lang)
        return text.get(form, text["other"])
    return text


def t(key: str, lang: str, /, count: float | None = None, **fmt: Any) -> str:
    """The text ``key`` in ``lang``, formatted with ``fmt``.

    Entries with singular and plural forms pick theirs from ``count`` (CLDR
    rules), which is also available to the text as ``{count}``, written
    with :func:`number`.

    Examples
    --------
    >>> t("n_disputes", "fr", count=1), t("n_disputes", "fr", count=1500)
    ('1 litige', '1\\u202f500 litiges')
    >>> t("n_disputes", "en", count=0)
    '0 disputes'
    """
    entry = CATALOG[key]
    text = _pick(entry, check_lang(lang), count)
    if count is not None:
        fmt.setdefault("count", number(count, lang))
    return text.format(**fmt) if fmt else text


def has(key: str) -> bool:
    """Whether the catalog has a text ``key``."""
    return key in CATALOG


def _missing(x: Any) -> bool:
    """None, NaN, NaT or pandas' NA (a value nobody recorded)."""
    if x is None:
        return True
    try:
        return bool(x != x)  # NaN and NaT are not equal to themselves
    except TypeError:  # pandas.NA refuses bool()
        return True


def number(x: Any, lang: str, *, digits: int | None = None) -> str:
    """A number as a person writes it: grouped thousands, no exponent.

    Without ``digits``, about three significant digits (``0.0329``, ``1.07``,
    ``12.4``, ``1,500``); integers stay whole. French writes ``1 500`` and
    ``0,0329``. Missing values print as ``–``.

    Examples
    --------
    >>> number(1500, "fr"), number(0.03291, "en"), number(3.6e-06, "en")
    ('1\\u202f500', '0.0329', '0.0000036')
    >>> number(12.345, "fr", digits=1), number(0.9, "en", digits=2)
    ('12,3', '0.90')
    """
    if _missing(x):
        return MISSING
    value = float(x)
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    fixed = digits is not None
    if digits is None:
        if value == 0 or float(value).is_integer():
            digits = 0
        else:
            digits = max(0, 2 - math.floor(math.log10(abs(value))))
            digits = min(digits, 8)
    from babel.numbers import format_decimal

    value = round(value, digits)
    pattern = "#,##0" + ("." + ("0" if fixed else "#") * digits if digits else "")
    return format_decimal(value, format=pattern, locale=_locale(lang))


def percent(x: Any, lang: str, *, digits: int = 0) -> str:
    """A share (0.31) as a percentage: ``31%``, French ``31 %``.

    A share that is not zero but rounds to it is written ``< 1%``, so a rare
    event never reads as "never".

    Examples
    --------
    >>> percent(0.3123, "en"), percent(0.3123, "fr"), percent(0.001, "en")
    ('31%', '31\\xa0%', '< 1%')
    """
    if _missing(x):
        return MISSING
    from babel.numbers import format_percent

    value = float(x)
    pattern = _locale(lang).percent_formats[None].pattern
    if digits:
        pattern = pattern.replace("0%", "0." + "0" * digits + "%").replace(
            "0\u00a0%", "0." + "0" * digits + "\u00a0%"
        )
    floor = 10.0 ** -(digits + 2)
    if 0 < abs(value) < floor / 2:
        return "< " + format_percent(floor, format=pattern, locale=_locale(lang))
    return format_percent(value, format=pattern, locale=_locale(lang))


def money(x: Any, lang: str, currency: str = "€") -> str:
    """An amount with its currency, rounded to the unit.

    ``currency`` is a symbol (``"€"``, ``"$"``, ``"£"``) or an ISO code
    (``"EUR"``, ``"CHF"``); placement follows the language.

    Examples
    --------
    >>> money(578230, "fr"), money(578230.4, "en"), money(12, "en", "CHF")
    ('578\\u202f230\\xa0€', '€578,230', 'CHF\\xa012')
    """
    if _missing(x):
        return MISSING
    from babel.numbers import format_currency

    code = _CURRENCY_CODES.get(currency, currency)
    pattern = _locale(lang).currency_formats["standard"].pattern
    pattern = pattern.split(";")[0].replace(".00", "")
    text = format_currency(
        round(float(x)),
        code,
        format=pattern,
        locale=_locale(lang),
        currency_digits=False,
    )
    # a symbol made of letters (CHF) needs a space before the digits
    return re.sub(r"^([A-Za-z]+)(?=[-\d])", "\\1\u00a0", text)


def date(ts: Any, lang: str, skeleton: str | None = None) -> str:
    """A date: ``1 Mar 2024`` in English, ``01/03/2024`` in French.

    ``skeleton`` asks for other fields, in the order and words of the
    language (CLDR skeletons): ``"yMMM"`` is a month (``Mar 2024``, French
    ``mars 2024``), ``"MMM"`` a month's short name, ``"dMMM"`` a day in
    its month, ``"y"`` a year.

    Examples
    --------
    >>> date("2024-03-01", "en"), date("2024-03-01", "fr")
    ('1 Mar 2024', '01/03/2024')
    >>> date("2024-02-01", "en", "yMMM"), date("2024-02-01", "fr", "yMMM")
    ('Feb 2024', 'févr. 2024')
    """
    if _missing(ts):
        return MISSING
    import pandas as pd
    from babel.dates import format_date, format_skeleton

    day = pd.Timestamp(ts).date()
    if skeleton is not None:
        return str(format_skeleton(skeleton, day, locale=_locale(lang)))
    return format_date(day, _DATE_FORMATS[lang], locale=_locale(lang))


def p_value(p: Any, lang: str, *, name: str = "p") -> str:
    """A p-value (or q-value, with ``name="q"``) as a person reads it.

    ``p < 0.001`` below a thousandth, else two decimals (three below 0.01).

    Examples
    --------
    >>> p_value(3.6e-06, "en"), p_value(0.0312, "fr"), p_value(0.004, "en", name="q")
    ('p < 0.001', 'p = 0,03', 'q = 0.004')
    """
    if _missing(p):
        return MISSING
    value = float(p)
    if value < 0.001:
        return f"{name} < {number(0.001, lang, digits=3)}"
    return f"{name} = {number(value, lang, digits=3 if value < 0.01 else 2)}"


def ratio(x: Any, lang: str) -> str:
    """A ratio, ``2.1×`` (French ``2,1×``).

    Examples
    --------
    >>> ratio(2.14, "fr")
    '2,1×'
    """
    if _missing(x):
        return MISSING
    value = float(x)
    return number(value, lang, digits=2 if abs(value) < 1 else 1) + "×"


def label(value: Any, lang: str) -> str:
    """Display name of a taxonomy value, a practice, a verdict or ``"all"``.

    Examples
    --------
    >>> label("written_scope", "fr"), label("falling", "fr"), label("all", "en")
    ('Périmètre écrit', 'en baisse', 'All clients')
    """
    for key in (f"value.{value}", f"practice.{value}"):
        if key in CATALOG:
            return t(key, lang)
    from .._labels import label as enum_label

    return enum_label(str(value), lang)


from ._problems import problem_text  # noqa: E402,F401  (the reader's problems)
from ._warnings import warning_text  # noqa: E402,F401  (the report's notes)
