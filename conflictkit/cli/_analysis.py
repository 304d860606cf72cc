"""Commands that read a dispute log: summary, validate, suggest.

``report`` and ``template`` live in :mod:`._report`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from .. import _i18n as i18n
from ._common import clean, command_line_words, load, print_table, say
from ._read_options import log_parser, read_options

if TYPE_CHECKING:  # pandas is imported inside each command, to start fast
    import pandas as pd

if TYPE_CHECKING:
    from ..model import History


def _history_line(history: History, lang: str) -> str:
    """The sizes of a history in one line, in ``lang``."""
    d = history.disputes
    n_open = int(d["resolved_at"].isna().sum())
    parts = [
        i18n.t("n_disputes", lang, count=len(d))
        + f" ({i18n.t('n_open', lang, count=n_open)})",
        i18n.t("n_clients", lang, count=d["client"].nunique()),
    ]
    n_unlabelled = int(d["primary_cause"].isna().sum())
    if n_unlabelled:
        parts.append(i18n.t("n_unlabelled", lang, count=n_unlabelled))
    if history.missions is not None:
        parts.append(i18n.t("n_missions", lang, count=len(history.missions)))
    if history.rejected is not None and len(history.rejected):
        parts.append(i18n.t("n_rejected_rows", lang, count=len(history.rejected)))
    if history.as_of == history.as_of:  # not NaT
        parts.append(say("as_of", lang, date=i18n.date(history.as_of, lang)))
    return ", ".join(parts)


def _summary(args: argparse.Namespace) -> int:
    import pandas as pd

    from .._labels import label

    if getattr(args, "journal", None) is not None:
        from ._journal import journal_history

        history = journal_history(args)
    else:
        history = load(args.path, args.missions, **read_options(args))
    causes = history.causes.merge(
        history.disputes[["dispute_id", "client"]], on="dispute_id"
    )
    total = "Total"
    table = pd.crosstab(causes["client"], causes["cause"], margins=True,
                        margins_name=total)  # fmt: skip
    table = table.sort_values(total, ascending=False)
    table.columns = [label(c, args.lang) for c in table.columns]
    table.columns.name = None
    table.index = table.index.map(clean)
    table.index.name = "Client"
    print(_history_line(history, args.lang))
    print()
    print(say("per_client", args.lang))
    with pd.option_context("display.max_rows", 200, "display.width", 120):
        print(table.to_string())
    return 0


def _validate(args: argparse.Namespace) -> int:
    from ..errors import DisputeDataError
    from ..io import read_history

    options = read_options(args)
    options["errors"] = "raise"  # validate lists every problem
    try:
        history = read_history(args.path, missions=args.missions, **options)
    except DisputeDataError as err:
        failures = err.failures
        rows = failures.dropna(subset=["row"])
        if len(rows) < len(failures):
            print(say("file_problem", args.lang, path=args.path))
        else:
            n_rows = len(rows[["table", "row"]].drop_duplicates())
            problems = i18n.t("n_problems", args.lang, count=len(failures))
            rows_text = i18n.t("n_rows", args.lang, count=n_rows)
            print(say("problems", args.lang, n_rows, path=args.path,
                      problems=problems, rows=rows_text))  # fmt: skip
        _print_failures(failures, args.lang)
        # with --skip-bad-rows, rows with problems would only be left out
        file_level = len(rows) < len(failures)
        return 0 if args.skip_bad_rows and not file_level else 1
    except FileNotFoundError:
        raise  # exit code 2, as for every command
    except (ValueError, OSError) as err:  # a bad option or an unreadable file
        print(say("file_problem", args.lang, path=args.path))
        print(f"  {command_line_words(i18n.problem_text(str(err), args.lang))}")
        return 1
    m = ""
    if history.missions is not None:
        m = say("n_missions", args.lang, n=len(history.missions))
    print(say("clean", args.lang, path=args.path, n=len(history), m=m))
    return 0


def _print_failures(failures: pd.DataFrame, lang: str) -> None:
    """The failures as a table, naming each column by the user's header."""
    table = failures.astype(object).where(failures.notna(), "")
    table["row"] = [str(int(r)) if r != "" else "" for r in table["row"]]
    table["problem"] = [
        command_line_words(i18n.problem_text(p, lang)) for p in table["problem"]
    ]
    if "header" in table.columns:
        table["column"] = [
            h if not c or h in ("", c) else f"{h} ({c})"
            for c, h in zip(table["column"], table["header"], strict=True)
        ]
        table = table.drop(columns="header")
    if table["table"].eq("disputes").all():
        table = table.drop(columns="table")
    print_table(table.drop(columns="dispute_id"), lang)


def _probability(p: float, lang: str) -> str:
    """A classifier's probability as a percentage that never reads as certain.

    ``0.996`` is ``> 99%`` (French ``> 99 %``), not ``100%``: a suggestion
    is never sure.
    """
    if p < 1 and round(p, 2) >= 1:
        return "> " + i18n.percent(0.99, lang)
    return i18n.percent(p, lang)


def _suggest(args: argparse.Namespace) -> int:
    from .._labels import label
    from ..notes import suggest_causes

    history = load(args.path, args.missions, **read_options(args))
    if history.unlabelled().empty:
        print(say("no_unlabelled", args.lang))
        return 0
    scores = suggest_causes(history)
    picked = scores[scores["suggested"]]
    if picked.empty:  # nothing to go on (no notes): say so, no table
        print(say("suggested", args.lang, n=0))
        return 0
    names = {c: label(c, args.lang) for c in picked["cause"].astype(str).unique()}
    text = (
        picked["cause"].astype(str).map(names)
        + " ("
        + picked["probability"].map(lambda p: _probability(p, args.lang))
        + ")"
    )
    per_dispute = (
        text.groupby(picked["dispute_id"].astype(str), sort=False)
        .agg("; ".join)
        .rename("suggested_causes")
    )
    d = history.disputes.assign(dispute_id=history.disputes["dispute_id"].astype(str))
    table = d.set_index("dispute_id").loc[per_dispute.index, ["client", "notes"]]
    table = table.assign(
        suggested_causes=per_dispute,
        notes=table["notes"].astype("string").str.slice(0, 60),
    ).reset_index()
    print(say("suggested", args.lang, n=len(table)))
    print_table(table[["dispute_id", "client", "suggested_causes", "notes"]],
                 args.lang)  # fmt: skip
    return 0


def add_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    """Register this family's subcommands with ``command(name, help, description)``."""
    p = command(
        "summary",
        "print the disputes per client and cause",
        "Print the disputes per client and cause of a dispute log "
        "(the bundled example career without PATH).",
        (log_parser(optional=True, journal="summarise"),),
    )
    p.set_defaults(func=_summary)

    p = command(
        "validate",
        "check a dispute log and list every problem",
        "Check a dispute log with the rules of read_history and print every "
        "problem (row, column, value, problem). Exit code 0 when the file is "
        "clean, 1 when rows would be rejected.",
        (log_parser(),),
    )
    p.set_defaults(func=_validate)

    p = command(
        "suggest",
        "suggest causes for disputes that cite none",
        "Suggest causes, from their notes, for the disputes of a log that cite "
        "no cause (a classifier trained on labelled notes; check them).",
        (log_parser(),),
    )
    p.set_defaults(func=_suggest)
