"""The ``conflictkit`` command: a thin wrapper over the library."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import pandas as pd

__all__ = ["main"]


def _load(path: str | None, missions: str | None):
    from .io import read_history

    if path is None:
        from .datasets import load_example

        return load_example()
    return read_history(path, missions=missions)


def _summary(args: argparse.Namespace) -> int:
    history = _load(args.path, args.missions)
    causes = history.causes.merge(
        history.disputes[["dispute_id", "client"]], on="dispute_id"
    )
    table = pd.crosstab(causes["client"], causes["cause"], margins=True,
                        margins_name="total")  # fmt: skip
    table = table.sort_values("total", ascending=False)
    print(history)
    print()
    print("Disputes per client and cause (a dispute counts once per cause it cites)")
    with pd.option_context("display.max_rows", 200, "display.width", 120):
        print(table.to_string())
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``conflictkit`` command."""
    parser = argparse.ArgumentParser(
        prog="conflictkit",
        description="Learn from your disputes with clients.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser(
        "summary",
        help="print the disputes per client and cause",
        description="Print the disputes per client and cause of a dispute log "
        "(the bundled example career without PATH).",
    )
    p.add_argument("path", nargs="?", help="the dispute log (CSV, XLSX, JSON...)")
    p.add_argument("--missions", help="the missions table")
    p.set_defaults(func=_summary)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    from .errors import DisputeDataError

    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except DisputeDataError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except FileNotFoundError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
