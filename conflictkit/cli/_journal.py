"""Commands of the journal: add, resolve, edit, delete, undo, history, list,
import, export and mission add|end.

Nothing heavy is imported until a command runs: the parser is built from
argparse alone, so ``--help`` and argument errors answer at once.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ._common import clean, error_line, parse_bool, print_table, say
from ._dates import french_locale, parse_cli_date
from ._read_options import add_read_options, read_options

if TYPE_CHECKING:  # imported lazily at run time, to start fast
    from ..journal import Journal
    from ..model import History


def _say(key: str, lang: str, **kwargs: Any) -> str:
    """A message of this family, from :mod:`conflictkit._i18n` (``cli.*``)."""
    return say(key, lang, **kwargs)


def _journal(args: argparse.Namespace) -> Journal:
    from ..journal import Journal

    return Journal(args.journal or None)


def journal_history(args: argparse.Namespace) -> History:
    """The journal named by ``--journal`` as a History (``summary --journal``)."""
    if getattr(args, "path", None) is not None:
        raise SystemExit(error_line("error", say("path_or_journal", args.lang),
                                    args.lang))  # fmt: skip
    return _journal(args).history()


def _date(args: argparse.Namespace, value: str | None) -> str | None:
    """A date typed by the user, as ISO (day first under French)."""
    if value is None:
        return None
    dayfirst = args.dayfirst or (True if args.lang == "fr" or french_locale() else None)
    try:
        return parse_cli_date(value, dayfirst=dayfirst)
    except ValueError as err:
        raise _UsageError(str(err)) from None


class _UsageError(Exception):
    """A value on the command line that cannot be read (exit code 2)."""


# ------------------------------------------------------------------ commands
def _add(args: argparse.Namespace) -> int:
    journal = _journal(args)
    causes = ";".join(args.cause) if args.cause else None
    dispute_id = journal.add(
        args.client,
        opened_at=_date(args, args.opened_at),
        causes=causes,
        notes=args.notes,
        mission_id=args.mission,
        severity=args.severity,
        escalation=args.escalation,
        amount_at_stake=args.amount,
        options_proposed=args.options,
        dispute_id=args.id,
    )
    print(clean(say("added", args.lang, id=dispute_id, journal=journal._path)))
    return 0


def _resolve(args: argparse.Namespace) -> int:
    journal = _journal(args)
    journal.resolve(
        args.dispute_id,
        resolved_at=_date(args, args.resolved_at),
        outcome=args.outcome,
        client_retained=args.retained,
        amount_recovered=args.recovered,
        followup_sent=args.followup,
        force=args.force,
    )
    # the dispute as the journal spells it, and the day it was settled on
    # (today unless --resolved-at said otherwise): nothing chosen unsaid.
    # No pandas here: add, resolve and edit start fast
    import datetime as dt

    from babel.dates import format_date

    from .. import _i18n as i18n

    with journal._read() as conn:
        row = journal._dispute(conn, args.dispute_id) if conn is not None else None
    if row is None or not row.get("resolved_at"):  # resolve found it just before
        print(clean(_say("resolved", args.lang, id=args.dispute_id)))
        return 0
    day = dt.date.fromisoformat(str(row["resolved_at"])[:10])
    when = format_date(
        day, i18n._DATE_FORMATS[args.lang], locale=i18n._locale(args.lang)
    )
    print(clean(_say("resolved_on", args.lang, id=row["dispute_id"], date=when)))
    return 0


#: ``edit`` options -> journal columns (dates are read like --opened-at).
_EDITABLE = {
    "client": "client",
    "opened_at": "opened_at",
    "resolved_at": "resolved_at",
    "cause": "causes",
    "notes": "notes",
    "mission": "mission_id",
    "severity": "severity",
    "escalation": "escalation",
    "outcome": "outcome",
    "amount": "amount_at_stake",
    "recovered": "amount_recovered",
    "options": "options_proposed",
    "retained": "client_retained",
    "followup": "followup_sent",
}


def _edit(args: argparse.Namespace) -> int:
    changes: dict[str, Any] = {}
    for option, column in _EDITABLE.items():
        value = getattr(args, option)
        if value is None:
            continue
        if option == "cause":
            value = ";".join(value)
        if isinstance(value, str) and value.strip() == "":
            value = None  # --notes "" empties the field
        elif option in ("opened_at", "resolved_at"):
            value = _date(args, value)
        changes[column] = value
    if not changes:
        raise _UsageError(_say("nothing_to_edit", args.lang))
    _journal(args).edit(args.dispute_id, **changes)
    print(clean(_say("edited", args.lang, id=args.dispute_id)))
    return 0


def _delete(args: argparse.Namespace) -> int:
    key = _journal(args).delete(args.dispute_id)
    print(clean(_say("deleted", args.lang, id=key)))
    return 0


def _undo(args: argparse.Namespace) -> int:
    what = _journal(args).undo()
    if what is None:
        print(_say("nothing_to_undo", args.lang))
    else:
        print(clean(_say("undone", args.lang, what=_undone(what, args.lang))))
    return 0


def _undone(what: str, lang: str) -> str:
    """What ``undo`` reverted (``delete D-0001``, ``import 2 rows``) in ``lang``."""
    import re

    from .. import _i18n as i18n

    if lang == "en":
        return what
    action, _, rest = what.partition(" ")
    name = _action(action, lang)
    rows = re.fullmatch(r"(\d+) rows", rest)
    if rows:
        return say("undone_rows", lang, count=int(rows[1]), action=name)
    return say("undone_one", lang, action=name, id=rest) if i18n.has(
        f"cli.action.{action}") else what  # fmt: skip


def _action(name: str, lang: str) -> str:
    """An action of the audit table (``add``, ``resolve``...) in ``lang``."""
    from .. import _i18n as i18n

    key = f"cli.action.{name}"
    return i18n.t(key, lang) if i18n.has(key) else name


def _history(args: argparse.Namespace) -> int:
    from .. import _i18n as i18n

    log = _journal(args).changes(args.dispute_id, lang=args.lang)
    if log.empty:
        print(_say("no_changes", args.lang))
        return 0
    if args.lang == "en":
        at = log["at"].dt.strftime("%Y-%m-%d %H:%M:%S")
    else:  # the day as the language writes it, then the time
        at = log["at"].map(lambda ts: f"{i18n.date(ts, args.lang)} {ts:%H:%M:%S}")
    log = log.assign(
        at=at,
        action=log["action"].map(lambda a: _action(a, args.lang)),
        undone=log["undone"].map({True: "x", False: ""}),
        changes=log["changes"].str.slice(0, 120),
    ).drop(columns="table")
    print_table(log, args.lang)  # headers from the catalog (cli.header.*)
    return 0


def _list(args: argparse.Namespace) -> int:
    import pandas as pd

    from .. import _i18n as i18n
    from .._labels import label

    journal = _journal(args)
    disputes = journal.list(open_only=args.open)
    if disputes.empty:  # with --open, an empty listing is not an empty journal
        empty = not args.open or journal.list().empty
        missions = journal.history().missions if empty else None
        if not empty:
            print(say("no_open", args.lang))
        elif missions is not None and len(missions):
            print(say("no_dispute_yet", args.lang, n=len(missions)))
        else:
            print(say("empty", args.lang))
        return 0
    cols = ["dispute_id", "client", "opened_at", "resolved_at", "causes", "outcome"]
    table = disputes[cols].copy()
    for c in ("opened_at", "resolved_at"):
        if args.lang == "en":
            table[c] = table[c].dt.strftime("%Y-%m-%d").fillna("")
        else:  # dd/mm/yyyy in French, through Babel
            table[c] = ["" if pd.isna(v) else i18n.date(v, args.lang) for v in table[c]]
    for c in ("causes", "outcome"):
        values = table[c].astype("string").fillna("")
        shown = {  # one translation per distinct value, not per row
            v: ";".join(label(x, args.lang) for x in v.split(";") if x)
            for v in values.unique()
        }
        table[c] = values.map(shown)
    print_table(table, args.lang)
    return 0


def _import(args: argparse.Namespace) -> int:
    journal = _journal(args)
    read = journal.import_file(
        args.path,
        missions=args.missions,
        allow_duplicates=args.allow_duplicates,
        **read_options(args),
    )
    m = ""
    if read.missions is not None:
        m = say("n_missions", args.lang, n=len(read.missions))
    print(clean(say("imported", args.lang, n=len(read), m=m, journal=journal._path)))
    return 0


def _export(args: argparse.Namespace) -> int:
    written = _journal(args).export(args.output or args.path)
    print(clean(say("exported", args.lang, paths=", ".join(map(str, written)))))
    return 0


def _mission_add(args: argparse.Namespace) -> int:
    mission_id = _journal(args).add_mission(
        args.mission_id,
        client=args.client,
        started_at=_date(args, args.started_at) or _date(args, "today"),
        ended_at=_date(args, args.ended_at),
        days=args.days,
        daily_rate=args.daily_rate,
        contract=args.contract,
        via_intermediary=args.intermediary,
        written_scope=args.written_scope,
        checkin_every_days=args.checkin_every,
        meeting_minutes=args.minutes,
    )
    print(clean(_say("mission_added", args.lang, id=mission_id)))
    return 0


def _mission_end(args: argparse.Namespace) -> int:
    ended = _date(args, args.ended_at or "today")
    _journal(args).end_mission(args.mission_id, ended_at=ended)
    from .. import _i18n as i18n

    shown = ended if args.lang == "en" else i18n.date(ended, args.lang)
    print(clean(_say("mission_ended", args.lang, id=args.mission_id, date=shown)))
    return 0


def run(func: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run a journal command; a journal that cannot be used is exit code 2."""
    import sys

    from ..journal import JournalError

    try:
        return func(args)
    except (JournalError, _UsageError) as err:
        print(error_line("error", err, args.lang), file=sys.stderr)
        return 2


def _runs(func: Callable[[argparse.Namespace], int]) -> Callable[..., int]:
    def command(args: argparse.Namespace) -> int:
        return run(func, args)

    command.__name__ = func.__name__
    return command


# ------------------------------------------------------------------ parser
def add_commands(
    command: Callable[..., argparse.ArgumentParser],
    journal: argparse.ArgumentParser,
) -> None:
    """Register this family's subcommands; ``journal`` is the ``--journal`` parent."""
    dates = argparse.ArgumentParser(add_help=False)
    dates.add_argument(
        "--dayfirst",
        action="store_true",
        default=None,
        help="read 03/04/2024 as 3 April (the default under --lang fr or a "
        "French locale); dates such as 25/02/2024, 7 avril 2024, yesterday or "
        "hier are read either way",
    )
    parents = (journal, dates)

    p = command(
        "add", "log a dispute in the journal",
        "Log a dispute in the journal; prints its id.", parents,
    )  # fmt: skip
    p.add_argument("client", help="who the dispute is with")
    p.add_argument(
        "--opened-at",
        help="when it surfaced (default: today; not after today): 2024-02-25, "
        "25/02/2024, '7 avril 2024', yesterday, hier",
    )
    _dispute_options(p)
    p.add_argument("--id", help="your own dispute id (default: the next D-NNNN)")
    p.set_defaults(func=_runs(_add))

    p = command(
        "resolve", "record how a dispute ended",
        "Record the resolution of a dispute of the journal (refused if it is "
        "already resolved, unless --force).", parents,
    )  # fmt: skip
    p.add_argument("dispute_id", help="the dispute, in any case (see `list`)")
    _resolution_options(
        p,
        resolved_at="when it was settled (default: today)",
        outcome="amicable, compromise, conceded, prevailed or abandoned",
        yes_no=" (yes/no)",
        required=True,
    )
    p.add_argument(
        "--force", action="store_true", help="overwrite an earlier resolution"
    )
    p.set_defaults(func=_runs(_resolve))

    p = command(
        "edit", "change fields of a dispute",
        "Change fields of a dispute of the journal, checked like a new one; "
        "an empty value (--notes '') empties a field. `undo` reverts it.",
        parents,
    )  # fmt: skip
    p.add_argument("dispute_id", help="the dispute, in any case")
    p.add_argument("--client", help="the client")
    p.add_argument("--opened-at", help="when it surfaced")
    _resolution_options(
        p, resolved_at="when it was settled", outcome="how it ended", yes_no="",
        required=False,
    )  # fmt: skip
    _dispute_options(p)
    p.set_defaults(func=_runs(_edit))

    def simple(
        name: str, help: str, description: str, func: Callable[..., int]
    ) -> argparse.ArgumentParser:
        """A command of the journal alone: ``--journal`` and ``--lang``."""
        p = command(name, help, description, (journal,))
        p.set_defaults(func=_runs(func))
        return p

    p = simple(
        "delete", "delete a dispute (undo brings it back)",
        "Delete a dispute of the journal; `conflictkit undo` brings it back.",
        _delete,
    )  # fmt: skip
    p.add_argument("dispute_id", help="the dispute, in any case")
    simple(
        "undo", "undo the latest change to the journal",
        "Undo the latest change (add, resolve, edit, delete, import, mission); "
        "again for the one before.", _undo,
    )  # fmt: skip
    p = simple(
        "history", "show who changed what in the journal, and when",
        "Show the journal's audit table: every change, who made it and when, "
        "with the fields before and after.", _history,
    )  # fmt: skip
    p.add_argument("dispute_id", nargs="?", help="only this dispute (or mission)")
    p = simple(
        "list", "list the journal's disputes", "List the journal's disputes.", _list
    )
    p.add_argument("--open", action="store_true", help="only the open disputes")

    p = simple(
        "import", "add a spreadsheet's disputes to the journal",
        "Add the disputes (and missions) of a file to the journal: all or "
        "nothing, checked with the rules of read_history. Importing a file "
        "again adds only the rows not there yet.", _import,
    )  # fmt: skip
    p.add_argument("path", help="the dispute log (CSV, XLSX, JSON...)")
    p.add_argument("--missions", help="the missions table")
    add_read_options(p)
    p.add_argument(
        "--allow-duplicates",
        action="store_true",
        help="add a file's disputes even if the journal has them already",
    )
    p = simple(
        "export", "write the journal to a file",
        "Write the journal to CSV, TSV, XLSX, JSON or Parquet (by the suffix); "
        "CSV and XLSX cells are safe to open in a spreadsheet.", _export,
    )  # fmt: skip
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("path", nargs="?", help="the file to write")
    where.add_argument("-o", "--output", help="the file to write (instead of path)")

    p = command(
        "mission", "log a mission, or its end",
        "Log a mission (the exposure disputes are measured against) with "
        "`mission add`, and its last day with `mission end`.", (journal,),
    )  # fmt: skip
    sub = p.add_subparsers(dest="mission_command", required=True, metavar="ACTION")
    m = sub.add_parser(
        "add", help="log a mission", description="Log a mission.",
        parents=[journal, dates],
    )  # fmt: skip
    m.add_argument("mission_id", help="a unique id, which disputes refer to")
    m.add_argument("--client", required=True, help="the client")
    m.add_argument("--started-at", help="its first day (default: today)")
    m.add_argument("--ended-at", help="its last day, if it is over")
    m.add_argument("--days", help="days worked (default: from the dates)")
    m.add_argument("--daily-rate", help="daily rate")
    m.add_argument("--contract", help="fixed_price, time_and_materials or retainer")
    m.add_argument("--intermediary", type=parse_bool, help="via an agency (yes/no)")
    m.add_argument("--written-scope", type=parse_bool, help="scope in writing")
    m.add_argument("--checkin-every", help="days between regular check-ins")
    m.add_argument("--minutes", type=parse_bool, help="meeting minutes sent")
    m.set_defaults(func=_runs(_mission_add))
    m = sub.add_parser(
        "end", help="record a mission's last day",
        description="Record the last day of a mission.", parents=[journal, dates],
    )  # fmt: skip
    m.add_argument("mission_id", help="the mission, in any case")
    m.add_argument("--ended-at", help="its last day (default: today)")
    m.set_defaults(func=_runs(_mission_end))
    for action in sub.choices.values():  # --lang after the action too
        if not any(a.dest == "lang" for a in action._actions):
            action.add_argument(
                "--lang", choices=["en", "fr"], default=argparse.SUPPRESS,
                help="language of the output (default: French under a French locale, "
                "else English)",
            )  # fmt: skip


def _resolution_options(
    p: argparse.ArgumentParser,
    *,
    resolved_at: str,
    outcome: str,
    yes_no: str,
    required: bool,
) -> None:
    """How a dispute ended (``resolve`` requires ``--outcome``, ``edit`` not)."""
    p.add_argument("--resolved-at", help=resolved_at)
    p.add_argument("--outcome", required=required, help=outcome)
    p.add_argument("--retained", type=parse_bool, help=f"did the client stay{yes_no}")
    p.add_argument("--recovered", help="money recovered")
    p.add_argument(
        "--followup", type=parse_bool, help=f"written follow-up sent{yes_no}"
    )


def _dispute_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--cause",
        action="append",
        help="a cause (scope, deadlines, payment, tone, trust, other, or a French "
        "or English synonym); repeat for several, the first is the primary",
    )
    p.add_argument("--notes", help="free text")
    p.add_argument("--mission", help="the mission id")
    p.add_argument("--severity", help="low, medium, high or critical")
    p.add_argument("--escalation", help="dialogue, proposal, mediation or court")
    p.add_argument("--amount", help="money at stake")
    p.add_argument("--options", type=int, help="options proposed to the client")
