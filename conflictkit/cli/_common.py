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


def _headers(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    names = {c: i18n.t(f"cli.header.{c}", lang) for c in frame.columns
             if i18n.has(f"cli.header.{c}")}  # fmt: skip
    return frame.rename(columns=names)


def print_table(frame: pd.DataFrame, lang: str) -> None:
    import pandas as pd

    frame = frame.copy()
    for c in frame.columns:
        if frame[c].dtype == object or isinstance(frame[c].dtype, pd.StringDtype):
            frame[c] = frame[c].map(clean, na_action="ignore")
    frame.columns = [clean(c) for c in frame.columns]
    with pd.option_context(
        "display.max_rows", 500, "display.width", 160, "display.max_colwidth", 70
    ):
        print(_headers(frame, lang).to_string(index=False))


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
