"""Importing an invoicing export into the journal, as often as one likes.

Each payment dispute read by :func:`conflictkit.read_invoices` has an id made
from its invoice number (``INV-F-2024-003``), so importing the same export
again, or next month's export, adds only what is new: new disputes are
inserted; a dispute already in the journal gets only what it lacked (the
payment date once the invoice is paid, the amount recovered, the outcome),
never overwriting what the journal holds (except the amount recovered,
which only grows). Missions (one per client and month)
are stored when the export says the days billed; counted in invoices, they
are not mission-days and are left out of the journal.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from ._store import (
    _DISPUTE_STORED,
    _MISSION_STORED,
    _insert,
    _stored,
    _stored_frame,
    _validate,
)

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
    with journal._write() as conn:
        if missions is not None:
            have = pd.DataFrame(
                conn.execute(
                    f"SELECT {', '.join(_MISSION_STORED)} FROM missions"
                ).fetchall(),
                columns=_MISSION_STORED,
                dtype=object,
            )
            known = missions["mission_id"].isin(set(have["mission_id"]))
            new_m = missions[~known]
            if len(new_m):
                _insert(conn, "missions", _stored(new_m, _MISSION_STORED))
                m_added = len(new_m)
            old = _stored_frame(missions[known], _MISSION_STORED).set_index(
                "mission_id"
            )
            if len(old):
                stored = have.set_index("mission_id").loc[old.index]
                cols = ["ended_at", "days"]
                changed = (
                    old[cols].astype(str).to_numpy()
                    != stored[cols].astype(str).to_numpy()
                ).any(axis=1)
                rows = [(r.ended_at, r.days, mid) for mid, r in old[changed].iterrows()]
                conn.executemany(
                    "UPDATE missions SET ended_at = ?, days = ? WHERE mission_id = ?",
                    rows,
                )
                m_updated = len(rows)
        stored_cols = ["dispute_id", *_FILLABLE]
        have_d = pd.DataFrame(
            conn.execute(f"SELECT {', '.join(stored_cols)} FROM disputes").fetchall(),
            columns=stored_cols,
            dtype=object,
        ).set_index("dispute_id")
        known = disputes["dispute_id"].isin(set(have_d.index))
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
            _insert(conn, "disputes", _stored(new_d, _DISPUTE_STORED))
        updated = 0
        old_d = _stored_frame(disputes[known], stored_cols).set_index("dispute_id")
        for col in _FILLABLE:
            if not len(old_d):
                break
            before = have_d.loc[old_d.index, col]
            fill = old_d[col].notna() & before.isna()
            if col == "amount_recovered":  # money recovered only grows
                grew = pd.to_numeric(old_d[col]) > pd.to_numeric(before)
                fill |= grew.fillna(False).astype(bool)
            fills = [(v, i) for i, v in old_d.loc[fill, col].items()]
            if fills:
                conn.executemany(
                    f"UPDATE disputes SET {col} = ? WHERE dispute_id = ?", fills
                )
        if len(old_d):
            was = have_d.loc[old_d.index, list(_FILLABLE)]
            gained = (old_d[list(_FILLABLE)].notna() & was.isna()).any(axis=1)
            grew = pd.to_numeric(old_d["amount_recovered"]) > pd.to_numeric(
                was["amount_recovered"]
            )
            updated = int((gained | grew.fillna(False).astype(bool)).sum())
        unchanged = int(known.sum()) - updated
    return InvoiceImport(
        read=read,
        added=int((~known).sum()),
        updated=updated,
        unchanged=unchanged,
        missions_added=m_added,
        missions_updated=m_updated,
        missions_skipped=skipped,
    )
