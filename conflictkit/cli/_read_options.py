"""The options every command that reads a dispute log shares.

``--columns "Motif=causes,Réglé le=resolved_at"``, ``--cause-map FILE``
(CSV or JSON of spelling -> cause; an empty cause means "no cause"),
``--dayfirst`` / ``--monthfirst`` and ``--skip-bad-rows`` (``errors="collect"``:
the bad rows are left out and counted). They become keyword arguments of
:func:`conflictkit.read_history`.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path
from typing import Any

__all__ = ["add_read_options", "parse_columns", "read_cause_map", "read_options"]


def parse_columns(text: str) -> dict[str, str]:
    """``"Motif=causes,Réglé le=resolved_at"`` -> ``{"Motif": "causes", ...}``.

    Examples
    --------
    >>> parse_columns("Motif=causes, Réglé le=resolved_at")
    {'Motif': 'causes', 'Réglé le': 'resolved_at'}
    """
    out: dict[str, str] = {}
    for pair in text.split(","):
        if not pair.strip():
            continue
        header, sep, target = pair.rpartition("=")
        if not sep or not header.strip() or not target.strip():
            raise argparse.ArgumentTypeError(
                f"expected HEADER=name pairs separated by commas, such as "
                f"'Motif=causes,Réglé le=resolved_at', not {pair.strip()!r}"
            )
        out[header.strip()] = target.strip()
    return out


def read_cause_map(path: str) -> dict[str, Any]:
    """A cause map file: JSON ``{"spelling": "cause"}`` or a two-column CSV.

    In a CSV the first column is the spelling, the second the cause(s); a
    first row ``spelling,cause`` (any header words) is skipped when its second
    cell is not a cause. An empty cause (or JSON ``null``) means "no cause".
    """
    from ..io._causes import as_causes

    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise argparse.ArgumentTypeError(
            f"cannot read the cause map {path!r}: {err}"
        ) from err
    if file.suffix.lower() == ".json":
        try:
            table = json.loads(text)
        except json.JSONDecodeError as err:
            raise argparse.ArgumentTypeError(
                f"the cause map {path!r} is not valid JSON: {err}"
            ) from err
        if not isinstance(table, dict):
            raise argparse.ArgumentTypeError(
                f"the cause map {path!r} must be a JSON object of spelling -> cause"
            )
        rows = [(str(k), v) for k, v in table.items()]
    else:
        delimiter = ";" if text.count(";") > text.count(",") else ","
        rows = [
            (r[0], r[1] if len(r) > 1 else "")
            for r in csv.reader(text.splitlines(), delimiter=delimiter)
            if r and r[0].strip()
        ]
    out: dict[str, Any] = {}
    for i, (spelling, cause) in enumerate(rows):
        value = None if cause is None or not str(cause).strip() else cause
        try:
            as_causes(value)
        except ValueError as err:
            if i == 0 and file.suffix.lower() != ".json":
                continue  # a header row
            raise argparse.ArgumentTypeError(
                f"the cause map {path!r}, spelling {spelling!r}: {err}"
            ) from err
        out[spelling] = value
    return out


def add_read_options(parser: argparse.ArgumentParser) -> None:
    """Add the reading options to a command's parser."""
    parser.add_argument(
        "--columns",
        type=parse_columns,
        metavar="HEADER=name,...",
        help="map your headers onto conflictkit's names, e.g. "
        "'Motif=causes,Réglé le=resolved_at'",
    )
    parser.add_argument(
        "--cause-map",
        type=read_cause_map,
        metavar="FILE",
        help="a CSV (spelling,cause) or JSON file of extra cause spellings; an "
        "empty cause means 'no cause'",
    )
    order = parser.add_mutually_exclusive_group()
    order.add_argument(
        "--dayfirst",
        dest="dayfirst",
        action="store_const",
        const=True,
        help="read 03/04/2021 as 3 April",
    )
    order.add_argument(
        "--monthfirst",
        dest="dayfirst",
        action="store_const",
        const=False,
        help="read 03/04/2021 as March 4",
    )
    parser.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="leave out the rows with problems (they are counted and named) "
        "instead of stopping",
    )


def read_options(args: argparse.Namespace) -> dict[str, Any]:
    """The keyword arguments of ``read_history`` the options ask for."""
    return {
        "columns": getattr(args, "columns", None),
        "cause_map": getattr(args, "cause_map", None),
        "dayfirst": getattr(args, "dayfirst", None),
        "errors": "collect" if getattr(args, "skip_bad_rows", False) else "raise",
    }


def log_parser(
    *, optional: bool = False, journal: str | None = None
) -> argparse.ArgumentParser:
    """The arguments that name a dispute log, as a parent parser.

    ``PATH``, ``--missions`` and the reading options; ``optional``: PATH may
    be left out (the bundled example); ``journal``: what the command does
    with the journal given by ``--journal`` instead of a file ("summarise").
    """
    parser = argparse.ArgumentParser(add_help=False)
    if optional:
        parser.add_argument(
            "path", nargs="?", help="the dispute log (CSV, XLSX, JSON...)"
        )
    else:
        parser.add_argument("path", help="the dispute log")
    parser.add_argument("--missions", help="the missions table")
    add_read_options(parser)
    if journal is not None:
        parser.add_argument(
            "--journal",
            nargs="?",
            const="",
            metavar="PATH",
            help=f"{journal} the journal instead of a file (its default location "
            "when PATH is left out)",
        )
    return parser
