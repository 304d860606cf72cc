"""What every command shares: its messages (through :mod:`conflictkit._i18n`),
tables on the terminal, loading a file (or the bundled example) and yes/no
arguments."""

from __future__ import annotations

import argparse
import re
from typing import TYPE_CHECKING, Any

from .. import _i18n as i18n

if TYPE_CHECKING:  # imported lazily at run time, to start fast
    import pandas as pd

    from ..model import History

# control characters (terminal escapes, bidi overrides...) never reach the
# terminal from data: line breaks and tabs become spaces, the rest goes
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e"
                      r"\u2066-\u2069\ufeff]")  # fmt: skip
_BREAKS = re.compile(r"[\t\n\r\x0b\x0c\u2028\u2029]+")


def clean(text: object) -> str:
    """``text`` as it may be printed: no control characters, one line."""
    return _CONTROL.sub("", _BREAKS.sub(" ", str(text)))


# the library's messages point to Python (``history.rejected``,
# ``columns={...}``); on the command line, they point to the options instead
_PYTHON_POINTERS = [
    (re.compile(r"; see history\.skipped for the counts"), ""),
    (
        re.compile(r" \(see history\.unused_columns\); to use one, pass columns=\{"
                   r"'([^']*)': '([^']*)'\}"),
        r"; to use one, pass --columns '\1=\2'",
    ),
    (
        re.compile(r"; see history\.rejected for the rows and their problems"),
        "; conflictkit validate lists them with their problems",
    ),
    (re.compile(r"\(allow_duplicates=True adds (them|it)\)"),
     r"(--allow-duplicates adds \1)"),
    (
        re.compile(r"pass columns=\{'your header': '([^']*)'\}"),
        r"pass --columns 'your header=\1'",
    ),
    (
        re.compile(r"passez columns=\{'votre en-tête': « ([^»]*) »\}"),
        r"passez --columns 'votre en-tête=\1'",
    ),
    (re.compile(r" \(columns= ou --columns\)"), " (--columns)"),
    (
        re.compile(r"\(or None for no cause\) with cause_map=\{.*?\}; a cause map"
                   r" file holds"),
        "(an empty cause for no cause) with --cause-map FILE, a CSV file of",
    ),
    (
        re.compile(r"\(ou à None pour aucune cause\) avec cause_map=\{.*?\} ; un"
                   r" fichier de correspondance des causes contient"),
        "(une cause vide pour aucune cause) avec --cause-map FICHIER, un fichier"
        " CSV qui contient",
    ),
]  # fmt: skip


def command_line_words(text: str) -> str:
    """A library message as the command line says it: options, not Python.

    Examples
    --------
    >>> text = command_line_words("1 column is not used: 'Tarif'. It is kept "
    ...     "as read (see history.unused_columns); to use one, pass "
    ...     "columns={'Tarif': 'amount_at_stake'}")
    >>> text.split("; ")[1]
    "to use one, pass --columns 'Tarif=amount_at_stake'"
    """
    for pattern, replacement in _PYTHON_POINTERS:
        text = pattern.sub(replacement, text)
    return text


def say(key: str, lang: str, /, count: float | None = None, **kwargs: Any) -> str:
    """A message of the command in ``lang`` (from :mod:`conflictkit._i18n`).

    Messages with a singular and a plural agree with ``count``, else with
    ``n`` when given.
    """
    if count is None and isinstance(kwargs.get("n"), int):
        count = kwargs["n"]
    if count is not None:
        kwargs.setdefault("count", count)
    return i18n.t(f"cli.{key}", lang, count=count, **{k: v for k, v in kwargs.items()
                                                     if k != "count"})  # fmt: skip


def error_line(word: str, message: object, lang: str) -> str:
    """``error: message`` in ``lang``: the word from the catalog (``cli.error``,
    ``cli.warning``), French's space before the colon, and a library message
    (English) through its template in :mod:`conflictkit._i18n` when it has one.
    """
    text = command_line_words(i18n.problem_text(str(message), lang))
    colon = " : " if lang == "fr" else ": "
    return f"{say(word, lang)}{colon}{clean(text)}"


def _headers(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    names = {c: i18n.t(f"cli.header.{c}", lang) for c in frame.columns
             if i18n.has(f"cli.header.{c}")}  # fmt: skip
    return frame.rename(columns=names)


def print_table(frame: pd.DataFrame, lang: str) -> None:
    """Print a table: headers in ``lang``, text on the left, numbers on the right.

    Every row is printed (no ``...``): a problem or a dispute left out of
    the listing would be a thing unsaid.
    """
    import pandas as pd

    frame = _headers(frame, lang)
    columns: list[list[str]] = []
    right: list[bool] = []
    for c in frame.columns:
        s = frame[c]
        is_text = s.dtype == object or isinstance(s.dtype, pd.StringDtype)
        right.append(not is_text)
        cells = ["" if pd.isna(v) else clean(v) for v in s.astype(object)]
        columns.append([clean(c), *cells])
    widths = [max(map(len, col)) for col in columns]
    for i in range(len(frame) + 1):
        line = "  ".join(
            col[i].rjust(w) if r else col[i].ljust(w)
            for col, w, r in zip(columns, widths, right, strict=True)
        )
        print(line.rstrip())


def load(path: str | None, missions: str | None, **read_options: Any) -> History:
    from ..io import read_history

    if path is None:
        from ..datasets import load_example

        return load_example()
    return read_history(path, missions=missions, **read_options)


def parse_bool(text: str) -> bool:
    from ..io.vocabulary import BOOLEANS, normalize

    value = BOOLEANS.get(normalize(text))
    if value is None:
        raise argparse.ArgumentTypeError(f"expected yes or no, not {text!r}")
    return value
