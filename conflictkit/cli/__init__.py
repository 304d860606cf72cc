"""The ``conflictkit`` command: a thin wrapper over the library.

Subcommands: ``summary``, ``report``, ``template``, ``validate``, ``suggest``,
the journal's ``add``, ``resolve``, ``edit``, ``delete``, ``undo``,
``history``, ``list``, ``import``, ``export``, ``mission add|end``, and
``import-invoices`` (``report --invoices`` merges an invoicing export in). Each
has ``--help``; ``--lang fr`` prints French, as does a French locale
(``LANG=fr_FR.UTF-8``) by default.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence

from . import _analysis, _invoices, _journal, _report
from ._common import clean, error_line, say

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``conflictkit`` command."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--lang",
        choices=["en", "fr"],
        default=None,
        help="language of the output (default: French under a French locale, "
        "else English)",
    )
    journal = argparse.ArgumentParser(add_help=False)
    journal.add_argument(
        "--journal",
        metavar="PATH",
        help="the journal database (default: $CONFLICTKIT_JOURNAL, else "
        "journal.sqlite in your user data directory)",
    )
    parser = argparse.ArgumentParser(
        prog="conflictkit",
        description="Learn from your disputes with clients.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(
        name: str,
        help: str,
        description: str,
        parents: Sequence[argparse.ArgumentParser] = (),
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(
            name, help=help, description=description, parents=[common, *parents]
        )
        return p

    _analysis.add_commands(command)
    _report.add_commands(command)
    _journal.add_commands(command, journal)
    _invoices.add_commands(command, journal, sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    Parameters
    ----------
    argv : sequence of str, optional
        The arguments (``sys.argv[1:]`` by default).

    Returns
    -------
    int
        0 on success, 1 when the data have problems, 2 when a file is
        missing, a dispute id unknown, an argument unreadable or the journal
        file unusable (busy, read-only, full disk, damaged, not a journal).
    """
    args = build_parser().parse_args(argv)  # before any heavy import

    from .._i18n import default_lang, warning_text
    from ..errors import ConflictkitWarning, DisputeDataError

    if args.lang is None:
        args.lang = default_lang()
    # French puts a space before the colon
    colon = " : " if args.lang == "fr" else ": "
    err_word = say("error", args.lang) + colon
    warn_word = say("warning", args.lang) + colon
    try:
        # the library's warnings are for the user: print them plainly
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ConflictkitWarning)
            code = int(args.func(args))
        for w in caught:
            if issubclass(w.category, ConflictkitWarning):
                message = warning_text(str(w.message), args.lang, keep_unknown=True)
                print(f"{warn_word}{clean(message)}", file=sys.stderr)
            else:  # not ours: pass it on untouched
                warnings.warn_explicit(
                    w.message, w.category, w.filename, w.lineno, source=w.source
                )
        return code
    except DisputeDataError as err:
        # data from files never reaches the terminal as control characters
        from .._i18n._problems import error_text

        message = error_text(err.failures, err.source, args.lang) or str(err)
        text = "\n".join(clean(line) for line in message.splitlines())
        print(f"{err_word}{text}", file=sys.stderr)
        return 1
    except (FileNotFoundError, KeyError) as err:
        shown = err.args[0] if isinstance(err, KeyError) and err.args else err
        print(error_line("error", shown, args.lang), file=sys.stderr)
        return 2
    except RuntimeError as err:
        store = sys.modules.get("conflictkit.journal._store")
        if store is None or not isinstance(err, store.JournalError):
            raise
        print(error_line("error", err, args.lang), file=sys.stderr)  # the file
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
