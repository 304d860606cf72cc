"""Commands of the journal: add, resolve, list, import, export."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from .._labels import label
from ._common import parse_bool, print_table, say

if TYPE_CHECKING:  # imported lazily at run time, to start fast
    from ..journal import Journal


def _journal(args: argparse.Namespace) -> Journal:
    from ..journal import Journal

    return Journal(args.journal)


def _add(args: argparse.Namespace) -> int:
    journal = _journal(args)
    causes = ";".join(args.cause) if args.cause else None
    dispute_id = journal.add(
        args.client,
        opened_at=args.opened_at,
        causes=causes,
        notes=args.notes,
        mission_id=args.mission,
        severity=args.severity,
        escalation=args.escalation,
        amount_at_stake=args.amount,
        options_proposed=args.options,
        dispute_id=args.id,
    )
    print(say("added", args.lang, id=dispute_id, journal=journal._path))
    return 0


def _resolve(args: argparse.Namespace) -> int:
    journal = _journal(args)
    journal.resolve(
        args.dispute_id,
        resolved_at=args.resolved_at,
        outcome=args.outcome,
        client_retained=args.retained,
        amount_recovered=args.recovered,
        followup_sent=args.followup,
    )
    print(say("resolved", args.lang, id=args.dispute_id))
    return 0


def _list(args: argparse.Namespace) -> int:
    disputes = _journal(args).list(open_only=args.open)
    if disputes.empty:
        print(say("empty", args.lang))
        return 0
    cols = ["dispute_id", "client", "opened_at", "resolved_at", "causes", "outcome"]
    table = disputes[cols].copy()
    for c in ("opened_at", "resolved_at"):
        table[c] = table[c].dt.strftime("%Y-%m-%d").fillna("")
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
    read = journal.import_file(args.path, missions=args.missions)
    m = ""
    if read.missions is not None:
        m = say("n_missions", args.lang, n=len(read.missions))
    print(say("imported", args.lang, n=len(read), m=m, journal=journal._path))
    return 0


def _export(args: argparse.Namespace) -> int:
    written = _journal(args).export(args.path)
    print(say("exported", args.lang, paths=", ".join(map(str, written))))
    return 0


def add_commands(
    command: Callable[..., argparse.ArgumentParser],
    journal: argparse.ArgumentParser,
) -> None:
    """Register this family's subcommands; ``journal`` is the ``--journal`` parent."""
    p = command(
        "add",
        "log a dispute in the journal",
        "Log a dispute in the journal; prints its id.",
        (journal,),
    )
    p.add_argument("client", help="who the dispute is with")
    p.add_argument("--opened-at", help="when it surfaced (default: today)")
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
    p.add_argument("--id", help="your own dispute id (default: the next D-NNNN)")
    p.set_defaults(func=_add)

    p = command(
        "resolve",
        "record how a dispute ended",
        "Record the resolution of a dispute of the journal.",
        (journal,),
    )
    p.add_argument("dispute_id", help="the dispute (see `conflictkit list`)")
    p.add_argument("--resolved-at", help="when it was settled (default: today)")
    p.add_argument(
        "--outcome",
        required=True,
        help="amicable, compromise, conceded, prevailed or abandoned",
    )
    p.add_argument("--retained", type=parse_bool, help="did the client stay (yes/no)")
    p.add_argument("--recovered", help="money recovered")
    p.add_argument(
        "--followup", type=parse_bool, help="written follow-up sent (yes/no)"
    )
    p.set_defaults(func=_resolve)

    p = command(
        "list", "list the journal's disputes", "List the journal's disputes.",
        (journal,),
    )  # fmt: skip
    p.add_argument("--open", action="store_true", help="only the open disputes")
    p.set_defaults(func=_list)

    p = command(
        "import",
        "add a spreadsheet's disputes to the journal",
        "Add every dispute (and mission) of a file to the journal: all or "
        "nothing, checked with the rules of read_history.",
        (journal,),
    )
    p.add_argument("path", help="the dispute log (CSV, XLSX, JSON...)")
    p.add_argument("--missions", help="the missions table")
    p.set_defaults(func=_import)

    p = command(
        "export",
        "write the journal to a file",
        "Write the journal to CSV, TSV, XLSX, JSON or Parquet (by the suffix); "
        "CSV and XLSX cells are safe to open in a spreadsheet.",
        (journal,),
    )
    p.add_argument("path", help="the file to write")
    p.set_defaults(func=_export)
