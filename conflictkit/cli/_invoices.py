"""Commands that start from invoices: ``import-invoices`` and ``report --invoices``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

# Messages of these commands, in English and French.
_TEXT = {
    "imported": (
        "{path}: {added} new payment disputes, {updated} updated, {unchanged} "
        "already in {journal}",
        "{path} : {added} nouveaux litiges de paiement, {updated} mis à jour, "
        "{unchanged} déjà dans {journal}",
    ),
    "missions": (
        "missions: {added} new, {updated} updated",
        "missions : {added} nouvelles, {updated} mises à jour",
    ),
    "no_days": (
        "the export does not say the days billed: its {n} missions (counted in "
        "invoices) are not stored as mission-days",
        "l'export ne dit pas les jours facturés : ses {n} missions (comptées en "
        "factures) ne sont pas enregistrées comme jours de mission",
    ),
    "merged": (
        "merged with the dispute log: {n} payment disputes counted once, {c} "
        "client spellings matched",
        "fusion avec le journal de litiges : {n} litiges de paiement comptés une "
        "fois, {c} orthographes de client rapprochées",
    ),
    "per_invoice": (
        "exposure is counted in invoices (the export does not say the days "
        "billed): rates are per 100 invoices, not per 100 mission-days",
        "l'exposition est comptée en factures (l'export ne dit pas les jours "
        "facturés) : les taux sont pour 100 factures, pas pour 100 jours de mission",
    ),
}


def _say(key: str, lang: str, **kwargs: Any) -> str:
    en, fr = _TEXT[key]
    return (fr if lang == "fr" else en).format(**kwargs)


def _read_kwargs(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "grace_days": args.grace_days,
        "as_of": args.as_of,
        "dayfirst": args.dayfirst,
        "errors": "collect" if args.skip_bad_rows else "raise",
    }


def _import_invoices(args: argparse.Namespace) -> int:
    from ..journal import Journal
    from ..journal._invoices import import_invoices

    journal = Journal(args.journal)
    done = import_invoices(journal, args.path, **_read_kwargs(args))
    print(
        _say(
            "imported",
            args.lang,
            path=args.path,
            added=done.added,
            updated=done.updated,
            unchanged=done.unchanged,
            journal=journal._path,
        )
    )
    if done.missions_skipped:
        print(_say("no_days", args.lang, n=done.missions_skipped))
    elif done.missions_added or done.missions_updated:
        print(
            _say(
                "missions",
                args.lang,
                added=done.missions_added,
                updated=done.missions_updated,
            )
        )
    return 0


def _report(
    args: argparse.Namespace, plain: Callable[[argparse.Namespace], int]
) -> int:
    """``report``, with the disputes of ``--invoices`` merged in when given."""
    if args.invoices is None:
        return plain(args)
    from ..io import read_invoices
    from ._common import load

    history = read_invoices(args.invoices, **_read_kwargs(args))
    if args.journal is not None or args.path is not None:
        if args.journal is not None:
            from ..journal import Journal

            log = Journal(args.journal or None).history()
        else:
            log = load(args.path, args.missions)
        history = log.combine(history)
        merged = history.merged
        assert merged is not None
        print(
            _say(
                "merged",
                args.lang,
                n=int((merged["kind"] == "same payment dispute").sum()),
                c=int((merged["kind"] == "client spelling").sum()),
            )
        )
    missions = history.missions
    if missions is not None and "exposure_unit" in missions:
        if (missions["exposure_unit"] == "invoices").any():
            print(_say("per_invoice", args.lang))
    from ._report import write_report

    return write_report(history, args)


def _add_reading_options(p: argparse.ArgumentParser, *, shared: bool = True) -> None:
    """The invoice options; ``shared=False`` where the parser already has the
    reader's own (``--dayfirst``, ``--monthfirst``, ``--skip-bad-rows``)."""
    p.add_argument(
        "--grace-days",
        type=float,
        default=0,
        help="days after the due date before a payment counts as late (default 0)",
    )
    p.add_argument(
        "--as-of", help="the date of the export (default: the latest date in it)"
    )
    if not shared:
        return
    order = p.add_mutually_exclusive_group()
    order.add_argument(
        "--dayfirst",
        dest="dayfirst",
        action="store_true",
        default=None,
        help="read 03/04/2024 as 3 April",
    )
    order.add_argument(
        "--monthfirst",
        dest="dayfirst",
        action="store_false",
        help="read 03/04/2024 as March 4",
    )
    p.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="keep the invoices without problems instead of stopping",
    )


def add_commands(
    command: Callable[..., argparse.ArgumentParser],
    journal: argparse.ArgumentParser,
    sub: Any,
) -> None:
    """Register ``import-invoices`` and the ``--invoices`` option of ``report``."""
    p = command(
        "import-invoices",
        "turn an invoicing export into payment disputes in the journal",
        "Read an invoicing export (FreshBooks, Zoho, QuickBooks, Stripe, "
        "Pennylane, Abby, Indy, Tiime...): late, unpaid or disputed invoices "
        "become payment disputes in the journal. Run it again on a newer export: "
        "only what is new is added, and disputes already logged get only what "
        "they lacked (the payment date, the outcome).",
        (journal,),
    )
    p.add_argument("path", help="the invoicing export (CSV, XLSX, JSON...)")
    _add_reading_options(p)
    p.set_defaults(func=_import_invoices)

    report = sub.choices["report"]
    report.add_argument(
        "--invoices",
        metavar="FILE",
        help="an invoicing export: its late, unpaid or disputed invoices are "
        "merged into the report (alone, or with PATH or --journal)",
    )
    _add_reading_options(report, shared=False)
    plain = report.get_default("func")
    report.set_defaults(func=lambda args: _report(args, plain))
