"""The report and the spreadsheet to start from: ``report`` and ``template``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from ._common import error_line, load, say
from ._read_options import log_parser, read_options

if TYPE_CHECKING:  # imported lazily at run time, to start fast
    from ..model import History


def _date(text: str) -> str:
    """A date argument, checked now so a typo is an argparse error."""
    import pandas as pd

    try:
        ok = not pd.isna(pd.Timestamp(text))
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date (expected e.g. 2025-01-31)"
        )
    return text


def _report(args: argparse.Namespace) -> int:
    if args.journal is not None:
        if args.path is not None:
            message = say("path_or_journal", args.lang)
            raise SystemExit(error_line("error", message, args.lang))
        from ..journal import Journal

        history = Journal(args.journal or None).history()
    else:
        import warnings

        from ..errors import ConflictkitWarning

        # the reader's warnings go to the terminal and into the report
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ConflictkitWarning)
            history = load(args.path, args.missions, **read_options(args))
        for w in caught:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
        read = [str(w.message) for w in caught
                if issubclass(w.category, ConflictkitWarning)]  # fmt: skip
        return write_report(history, args, read_warnings=read)
    return write_report(history, args)


def write_report(
    history: History, args: argparse.Namespace, read_warnings: list[str] | None = None
) -> int:
    """Check ``--client`` against the history, then write the report."""
    from ..report import build_report

    if args.client:
        known = set(history.disputes["client"].astype(str))
        if history.missions is not None:
            known |= set(history.missions["client"].astype(str))
        unknown = [c for c in args.client if c not in known]
        if unknown:
            names = ", ".join(map(repr, unknown))
            message = (
                say("unknown_client", args.lang, names=names,
                    known=", ".join(sorted(known)))
                if known  # an empty log (a fresh template) has no client at all
                else say("no_client_yet", args.lang, names=names)
            )  # fmt: skip
            print(error_line("error", message, args.lang), file=sys.stderr)
            return 2
    extra = {"read_warnings": read_warnings} if read_warnings else {}
    path = build_report(
        history,
        args.output,
        lang=args.lang,
        since=args.since,
        until=args.until,
        clients=args.client,
        currency=args.currency,
        **extra,
    )
    print(say("report_written", args.lang, path=path))
    return 0


def _template(args: argparse.Namespace) -> int:
    from ..io import write_template

    path = write_template(args.output, lang=args.lang)
    print(say("template_written", args.lang, path=path))
    return 0


def add_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    """Register ``report`` and ``template`` with ``command(name, help, ...)``."""
    p = command(
        "report",
        "write a self-contained HTML report",
        "Write one HTML file with every analysis of a dispute log (the bundled "
        "example career without PATH); it opens offline and prints well. It "
        "opens with a few sentences on what your history says.",
        (log_parser(optional=True, journal="report on"),),
    )
    p.add_argument(
        "-o", "--output", default="report.html", help="where to write the report"
    )
    p.add_argument(
        "--since",
        type=_date,
        metavar="DATE",
        help="only disputes opened on or after DATE (e.g. 2025-01-01); the "
        "summary compares the period with the one just before it",
    )
    p.add_argument(
        "--until", type=_date, metavar="DATE", help="only disputes opened up to DATE"
    )
    p.add_argument(
        "--client",
        action="append",
        metavar="NAME",
        help="only this client (repeat for several)",
    )
    p.add_argument(
        "--currency",
        default="€",
        help="currency of the amounts: a symbol (€, $, £) or a code (CHF); default: €",
    )
    p.set_defaults(func=_report)

    p = command(
        "template",
        "write an empty spreadsheet to fill in",
        "Write an Excel workbook to start a dispute log from: a disputes sheet "
        "and a missions sheet with the expected columns (in --lang), drop-down "
        "lists, date and amount formats, and a sheet on how to fill it in. "
        "`conflictkit report FILE.xlsx` reads it back.",
    )
    p.add_argument(
        "-o", "--output", default="disputes.xlsx", help="the .xlsx file to write"
    )
    p.set_defaults(func=_template)
