"""What every command shares: its messages in English and French, tables on
the terminal, loading a file (or the bundled example) and yes/no arguments."""

from __future__ import annotations

import argparse
import re
from typing import TYPE_CHECKING, Any

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


# Messages of the command itself, in English and French.
_TEXT = {
    "per_client": (
        "Disputes per client and cause (a dispute counts once per cause it cites)",
        "Litiges par client et par cause (un litige compte une fois par cause citée)",
    ),
    "report_written": ("Report written to {path}", "Rapport écrit dans {path}"),
    "clean": (
        "{path}: no problems ({n} disputes{m}).",
        "{path} : aucun problème ({n} litiges{m}).",
    ),
    "n_missions": (", {n} missions", ", {n} missions"),
    "problems": (
        "{path}: {n} problems in {rows} rows; these rows would be rejected:",
        "{path} : {n} problèmes dans {rows} lignes ; ces lignes seraient rejetées :",
    ),
    "file_problem": (
        "{path}: the file cannot be read as a dispute log:",
        "{path} : le fichier ne peut pas être lu comme un journal de litiges :",
    ),
    "no_unlabelled": (
        "Every dispute cites a cause: nothing to suggest.",
        "Chaque litige cite une cause : rien à suggérer.",
    ),
    "suggested": (
        "Suggested causes for {n} disputes that cite none (check them before use):",
        "Causes suggérées pour {n} litiges qui n'en citent aucune (à vérifier) :",
    ),
    "added": ("Logged {id} in {journal}", "{id} enregistré dans {journal}"),
    "resolved": ("Resolved {id}", "{id} clos"),
    "imported": (
        "Imported {n} disputes{m} into {journal}",
        "{n} litiges{m} importés dans {journal}",
    ),
    "exported": ("Wrote {paths}", "Écrit : {paths}"),
    "empty": ("The journal is empty.", "Le journal est vide."),
    "error": ("error", "erreur"),
}

_HEADERS = {
    "row": ("row", "ligne"),
    "table": ("table", "table"),
    "dispute_id": ("dispute_id", "litige"),
    "column": ("column", "colonne"),
    "value": ("value", "valeur"),
    "problem": ("problem", "problème"),
    "client": ("client", "client"),
    "opened_at": ("opened", "ouvert le"),
    "resolved_at": ("resolved", "clos le"),
    "causes": ("causes", "causes"),
    "outcome": ("outcome", "issue"),
    "notes": ("notes", "notes"),
    "suggested_causes": ("suggested causes", "causes suggérées"),
}


def say(key: str, lang: str, **kwargs: Any) -> str:
    en, fr = _TEXT[key]
    return (fr if lang == "fr" else en).format(**kwargs)


def _headers(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    i = 1 if lang == "fr" else 0
    return frame.rename(columns={k: v[i] for k, v in _HEADERS.items()})


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
