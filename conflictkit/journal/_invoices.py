"""Importing an invoicing export into the journal, as often as one likes.

Each payment dispute read by :func:`conflictkit.read_invoices` has an id made
from its invoice number (``INV-F-2024-003``), so importing the same export
again, or next month's export, adds only what is new: new disputes are
inserted; a dispute already in the journal gets only what it lacked (the
payment date once the invoice is paid, the amount recovered, the outcome),
never overwriting what the journal holds (except the amount recovered,
which only grows). Every change is in the journal's audit table, so
``Journal.undo`` takes an import back whole. Missions (one per client and month)
are stored when the export says the days billed; counted in invoices, they
are not mission-days and are left out of the journal.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import _rows as R
from . import _store as S
from ._frames import _stored, _stored_frame, _validate
from ._store import _DISPUTE_STORED, _MISSION_STORED, _insert

if TYPE_CHECKING:
    from ..model import History
    from ._journal import Journal

__all__ = ["InvoiceImport", "import_invoices"]

#: Dispute columns an import may fill in when the journal has them empty.
_FILLABLE = ("resolved_at", "outcome", "amount_at_stake", "amount_recovered")


@dataclass
class InvoiceImport:
    """What an import did: the history read, and the counts of each change."""

    read: History
    added: int
    updated: int
    unchanged: int
    missions_added: int
    missions_updated: int
    missions_skipped: int


def import_invoices(
    journal: Journal, path: str | Path, **read_invoices_kwargs: Any
) -> InvoiceImport:
    """Import the payment disputes (and missions in days) of an invoicing export."""
    from ..io import read_invoices

    read = read_invoices(path, **read_invoices_kwargs)
    disputes = read.disputes
    missions = read.missions
    in_days = (
        missions is not None
        and len(missions) > 0
        and (missions["exposure_unit"] == "days").all()
    )
    skipped = 0
    if not in_days:
        skipped = 0 if missions is None else len(missions)
        missions = None
        disputes = disputes.assign(
            mission_id=pd.Series(
                pd.NA, index=disputes.index, dtype=disputes["mission_id"].dtype
            )
        )
    m_added = m_updated = 0
    source = str(Path(path).resolve())
    with journal._write() as conn:
        op = S.next_operation(conn)
        if missions is not None:
            have = {r[0] for r in conn.execute("SELECT mission_id FROM missions")}
            known_m = missions["mission_id"].isin(have).to_numpy()
            if (~known_m).any():
                R.insert_missions(conn, missions[~known_m], op)
                m_added = int((~known_m).sum())
            stored_m = _stored_frame(missions[known_m], _MISSION_STORED)
            changes = []
            for row in stored_m.itertuples(index=False):
                before = S.fetch_row(conn, "missions", row.mission_id)
                assert before is not None
                after = {**before, "ended_at": row.ended_at, "days": row.days}
                if str(after) != str(before):
                    changes.append((row.mission_id, before, after))
            for key, _, after in changes:
                conn.execute(
                    "UPDATE missions SET ended_at = ?, days = ? WHERE mission_id = ?",
                    (after["ended_at"], after["days"], key),
                )
            S.audit(conn, op, "import", "missions", changes)
            m_updated = len(changes)
        have_d = {r[0] for r in conn.execute("SELECT dispute_id FROM disputes")}
        known = disputes["dispute_id"].isin(have_d)
        new_d = disputes[~known]
        if len(new_d):
            all_missions = pd.DataFrame(
                conn.execute(
                    f"SELECT {', '.join(_MISSION_STORED)} FROM missions"
                ).fetchall(),
                columns=_MISSION_STORED,
                dtype=object,
            )
            _validate(
                _stored_frame(new_d, _DISPUTE_STORED),
                all_missions if len(all_missions) else None,
                source=str(path),
            )
            rows = _stored(new_d, _DISPUTE_STORED)
            stored = [(*r, source, S.content_hash(r)) for r in rows]
            columns = [*_DISPUTE_STORED, *S._META]
            _insert(conn, "disputes", stored, columns)
            S.audit(conn, op, "import", "disputes", [
                (r[0], None, dict(zip(columns, r, strict=True))) for r in stored
            ])  # fmt: skip
        # disputes already logged: fill what they lack, the amount recovered grows
        updated = []
        for row in _stored_frame(disputes[known], _DISPUTE_STORED).to_dict("records"):
            before = S.fetch_row(conn, "disputes", row["dispute_id"])
            assert before is not None
            after = dict(before)
            for col in _FILLABLE:
                if row[col] is not None and before[col] is None:
                    after[col] = row[col]
            new_amount, old_amount = row["amount_recovered"], before["amount_recovered"]
            if new_amount is not None and old_amount is not None:
                after["amount_recovered"] = max(float(new_amount), float(old_amount))
            if after != before:
                updated.append((row["dispute_id"], before, after))
        for key, _, after in updated:
            sets = ", ".join(f"{c} = ?" for c in _FILLABLE)
            conn.execute(
                f"UPDATE disputes SET {sets} WHERE dispute_id = ?",
                [*(after[c] for c in _FILLABLE), key],
            )
        S.audit(conn, op, "import", "disputes", updated)
    unchanged = int(known.sum()) - len(updated)
    return InvoiceImport(
        read=read,
        added=int((~known).sum()),
        updated=len(updated),
        unchanged=unchanged,
        missions_added=m_added,
        missions_updated=m_updated,
        missions_skipped=skipped,
    )
