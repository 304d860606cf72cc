"""The ``conflictkit`` command: a thin wrapper over the library.

Subcommands: ``summary``, ``report``, ``validate``, ``suggest`` and the
journal's ``add``, ``resolve``, ``list``, ``import``, ``export``. Each has
``--help``; ``--lang fr`` prints French.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from ._labels import label

if TYPE_CHECKING:  # imported lazily at run time, to start fast
    from .journal import Journal
    from .model import History

__all__ = ["build_parser", "main"]

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


def _t(key: str, lang: str, **kwargs: Any) -> str:
    en, fr = _TEXT[key]
    return (fr if lang == "fr" else en).format(**kwargs)


def _headers(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    i = 1 if lang == "fr" else 0
    return frame.rename(columns={k: v[i] for k, v in _HEADERS.items()})


def _print_table(frame: pd.DataFrame, lang: str) -> None:
    with pd.option_context(
        "display.max_rows", 500, "display.width", 160, "display.max_colwidth", 70
    ):
        print(_headers(frame, lang).to_string(index=False))


def _load(path: str | None, missions: str | None) -> History:
    from .io import read_history

    if path is None:
        from .datasets import load_example

        return load_example()
    return read_history(path, missions=missions)


# ------------------------------------------------------------------ commands
def _summary(args: argparse.Namespace) -> int:
    history = _load(args.path, args.missions)
    causes = history.causes.merge(
        history.disputes[["dispute_id", "client"]], on="dispute_id"
    )
    total = "Total"
    table = pd.crosstab(causes["client"], causes["cause"], margins=True,
                        margins_name=total)  # fmt: skip
    table = table.sort_values(total, ascending=False)
    table.columns = [label(c, args.lang) for c in table.columns]
    table.columns.name = None
    table.index.name = "Client"
    print(history)
    print()
    print(_t("per_client", args.lang))
    with pd.option_context("display.max_rows", 200, "display.width", 120):
        print(table.to_string())
    return 0


def _report(args: argparse.Namespace) -> int:
    from .report import build_report

    if args.journal is not None:
        if args.path is not None:
            raise SystemExit("error: give PATH or --journal, not both")
        from .journal import Journal

        history = Journal(args.journal or None).history()
    else:
        history = _load(args.path, args.missions)
    path = build_report(history, args.output, lang=args.lang)
    print(_t("report_written", args.lang, path=path))
    return 0


def _validate(args: argparse.Namespace) -> int:
    from .errors import DisputeDataError
    from .io import read_history

    try:
        history = read_history(args.path, missions=args.missions)
    except DisputeDataError as err:
        failures = err.failures
        rows = failures.dropna(subset=["row"])
        if len(rows) < len(failures):
            print(_t("file_problem", args.lang, path=args.path))
        else:
            n_rows = len(rows[["table", "row"]].drop_duplicates())
            print(_t("problems", args.lang, path=args.path, n=len(failures),
                     rows=n_rows))  # fmt: skip
        table = failures.assign(row=failures["row"].astype("Int64"))
        if table["table"].eq("disputes").all():
            table = table.drop(columns="table")
        _print_table(table.drop(columns="dispute_id").fillna(""), args.lang)
        return 1
    m = ""
    if history.missions is not None:
        m = _t("n_missions", args.lang, n=len(history.missions))
    print(_t("clean", args.lang, path=args.path, n=len(history), m=m))
    return 0


def _suggest(args: argparse.Namespace) -> int:
    from .classify import suggest_causes

    history = _load(args.path, args.missions)
    if history.unlabelled().empty:
        print(_t("no_unlabelled", args.lang))
        return 0
    scores = suggest_causes(history)
    picked = scores[scores["suggested"]]
    names = {c: label(c, args.lang) for c in picked["cause"].astype(str).unique()}
    text = (
        picked["cause"].astype(str).map(names)
        + " ("
        + picked["probability"].map("{:.0%}".format)
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
    print(_t("suggested", args.lang, n=len(table)))
    _print_table(table[["dispute_id", "client", "suggested_causes", "notes"]],
                 args.lang)  # fmt: skip
    return 0


def _journal(args: argparse.Namespace) -> Journal:
    from .journal import Journal

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
    print(_t("added", args.lang, id=dispute_id, journal=journal._path))
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
    print(_t("resolved", args.lang, id=args.dispute_id))
    return 0


def _list(args: argparse.Namespace) -> int:
    disputes = _journal(args).list(open_only=args.open)
    if disputes.empty:
        print(_t("empty", args.lang))
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
    _print_table(table, args.lang)
    return 0


def _import(args: argparse.Namespace) -> int:
    journal = _journal(args)
    read = journal.import_file(args.path, missions=args.missions)
    m = ""
    if read.missions is not None:
        m = _t("n_missions", args.lang, n=len(read.missions))
    print(_t("imported", args.lang, n=len(read), m=m, journal=journal._path))
    return 0


def _export(args: argparse.Namespace) -> int:
    written = _journal(args).export(args.path)
    print(_t("exported", args.lang, paths=", ".join(map(str, written))))
    return 0


# ------------------------------------------------------------------ parser
def _bool(text: str) -> bool:
    from .vocabulary import BOOLEANS, normalize

    value = BOOLEANS.get(normalize(text))
    if value is None:
        raise argparse.ArgumentTypeError(f"expected yes or no, not {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``conflictkit`` command."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--lang",
        choices=["en", "fr"],
        default="en",
        help="language of the output (default: en)",
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

    p = command(
        "summary",
        "print the disputes per client and cause",
        "Print the disputes per client and cause of a dispute log "
        "(the bundled example career without PATH).",
    )
    p.add_argument("path", nargs="?", help="the dispute log (CSV, XLSX, JSON...)")
    p.add_argument("--missions", help="the missions table")
    p.set_defaults(func=_summary)

    p = command(
        "report",
        "write a self-contained HTML report",
        "Write one HTML file with every analysis of a dispute log (the bundled "
        "example career without PATH); it opens offline and prints well.",
    )
    p.add_argument("path", nargs="?", help="the dispute log (CSV, XLSX, JSON...)")
    p.add_argument("--missions", help="the missions table")
    p.add_argument(
        "--journal",
        nargs="?",
        const="",
        metavar="PATH",
        help="report on the journal instead of a file (its default location "
        "when PATH is left out)",
    )
    p.add_argument(
        "-o", "--output", default="report.html", help="where to write the report"
    )
    p.set_defaults(func=_report)

    p = command(
        "validate",
        "check a dispute log and list every problem",
        "Check a dispute log with the rules of read_history and print every "
        "problem (row, column, value, problem). Exit code 0 when the file is "
        "clean, 1 when rows would be rejected.",
    )
    p.add_argument("path", help="the dispute log")
    p.add_argument("--missions", help="the missions table")
    p.set_defaults(func=_validate)

    p = command(
        "suggest",
        "suggest causes for disputes that cite none",
        "Suggest causes, from their notes, for the disputes of a log that cite "
        "no cause (a classifier trained on labelled notes; check them).",
    )
    p.add_argument("path", help="the dispute log")
    p.add_argument("--missions", help="the missions table")
    p.set_defaults(func=_suggest)

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
    p.add_argument("--retained", type=_bool, help="did the client stay (yes/no)")
    p.add_argument("--recovered", help="money recovered")
    p.add_argument("--followup", type=_bool, help="written follow-up sent (yes/no)")
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
        missing or a dispute id unknown.
    """
    from .errors import ConflictkitWarning, DisputeDataError

    args = build_parser().parse_args(argv)
    err_word = _t("error", args.lang)
    warn_word = "avertissement" if args.lang == "fr" else "warning"
    try:
        # the library's warnings are for the user: print them plainly
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ConflictkitWarning)
            code = int(args.func(args))
        for w in caught:
            if issubclass(w.category, ConflictkitWarning):
                print(f"{warn_word}: {w.message}", file=sys.stderr)
            else:  # not ours: pass it on untouched
                warnings.warn_explicit(
                    w.message, w.category, w.filename, w.lineno, source=w.source
                )
        return code
    except DisputeDataError as err:
        print(f"{err_word}: {err}", file=sys.stderr)
        return 1
    except (FileNotFoundError, KeyError) as err:
        message = err.args[0] if isinstance(err, KeyError) and err.args else err
        print(f"{err_word}: {message}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
