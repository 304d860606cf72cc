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
from collections.abc import Iterator, Sequence
from typing import Any, NoReturn

from . import _analysis, _invoices, _journal, _report
from ._common import clean, command_line_words, error_line, say

__all__ = ["argv_lang", "build_parser", "main"]


class _FrenchFormatter(argparse.HelpFormatter):
    """argparse's help with a French usage prefix."""

    def add_usage(
        self, usage: Any, actions: Any, groups: Any, prefix: Any = None
    ) -> None:
        if prefix is None:
            from .._i18n._cli_help import ARGPARSE_FR

            prefix = ARGPARSE_FR["usage: "]
        super().add_usage(usage, actions, groups, prefix)

    def start_section(self, heading: str | None) -> None:
        # French puts a space before the colon argparse adds
        super().start_section(f"{heading} " if heading else heading)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors speak the language of its help."""

    lang = "en"

    def error(self, message: str) -> NoReturn:
        if self.lang != "fr":
            super().error(message)
        from .._i18n._cli_help import argparse_error_fr

        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog} : erreur : {argparse_error_fr(message)}\n")


def _parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """``parser`` and every subcommand's parser under it."""
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):  # aliases once
                yield from _parsers(sub)


def _in_french(parser: argparse.ArgumentParser) -> None:
    """Every help text, section title, usage line and error in French."""
    from .._i18n._cli_help import ARGPARSE_FR, HELP_FR

    def fr(text: str | None) -> str | None:
        return HELP_FR.get(text, text) if text else text

    for p in _parsers(parser):
        p.lang = "fr"  # type: ignore[attr-defined]
        p.formatter_class = _FrenchFormatter
        p.description = fr(p.description)
        for group in p._action_groups:
            if group.title:
                group.title = ARGPARSE_FR.get(group.title, group.title)
        for action in p._actions:
            action.help = fr(action.help)
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    choice.help = fr(choice.help)


def argv_lang(argv: Sequence[str]) -> str:
    """The language the command line asks for, read before parsing it.

    The last ``--lang fr`` / ``--lang=fr`` (or ``--la fr``, abbreviated as
    argparse allows) wins, as argparse would have it; without one, the
    locale's (:func:`conflictkit._i18n.default_lang`).

    Examples
    --------
    >>> argv_lang(["add", "Acme", "--lang", "fr"]), argv_lang(["--lang=en"])
    ('fr', 'en')
    """
    from .._i18n import LANGS, default_lang

    lang = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        name, eq, value = arg.partition("=")
        if len(name) < 3 or not "--lang".startswith(name):  # --la as argparse
            continue
        if not eq:
            value = argv[i + 1] if i + 1 < len(argv) else ""
        if value in LANGS:
            lang = value
    return lang or default_lang()


def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    """The argument parser of the ``conflictkit`` command, its help in ``lang``."""
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
    parser: argparse.ArgumentParser = _Parser(
        prog="conflictkit",
        description="Learn from your disputes with clients.",
    )
    # ``conflictkit --lang fr --help``: read by argv_lang, hidden from the help
    parser.add_argument(
        "--lang",
        choices=["en", "fr"],
        default=argparse.SUPPRESS,
        help=argparse.SUPPRESS,
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
    if lang == "fr":
        _in_french(parser)
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
        0 on success (or when the reader of a pipe stops reading), 1 when
        the data have problems, 2 when a file is missing, a dispute id
        unknown, an argument unreadable or the journal file unusable (busy,
        read-only, full disk, damaged, not a journal).
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    lang = argv_lang(argv)
    args = build_parser(lang).parse_args(argv)  # before any heavy import

    from .._i18n import warning_text
    from ..errors import ConflictkitWarning, DisputeDataError

    if args.lang is None:
        args.lang = lang
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
                message = command_line_words(message)
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
        text = "\n".join(
            clean(command_line_words(line)) for line in message.splitlines()
        )
        print(f"{err_word}{text}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # the reader stopped reading (`conflictkit list | head`): the output
        # it wanted was printed; stop quietly, and keep Python's last flush
        # of stdout from failing again
        import os

        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):  # stdout without a file descriptor
            pass
        return 0
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
