"""The data model: column names, dtypes and the :class:`History` container.

A history is two tidy tables (``disputes`` and the optional ``missions``),
the long form ``causes`` (one row per dispute and cause it cites) and the date
``as_of`` at which open disputes are right-censored.

Unknown is not none. A column that is absent or entirely empty was not
recorded: a mission practice never recorded (``written_scope``,
``meeting_minutes``, ``checkin_every_days``, ``via_intermediary``,
``contract``) gives no prevention comparison and no advice, and an amount
never recorded stays NaN, never 0. Where a column is recorded, an empty
cell keeps its documented meaning (an empty ``checkin_every_days`` on a
mission means no regular check-ins; an empty ``written_scope`` is unknown
for that mission).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ._labels import (
    AGREEMENT,
    CAUSE_DTYPE,
    CONTRACT_DTYPE,
    ESCALATION_DTYPE,
    OUTCOME_DTYPE,
    SEVERITY_DTYPE,
    Cause,
    Contract,
    Escalation,
    Outcome,
    Severity,
    label,
)

__all__ = [
    "AGREEMENT",
    "CAUSE_DTYPE",
    "CONTRACT_DTYPE",
    "DISPUTE_COLUMNS",
    "ESCALATION_DTYPE",
    "MISSION_COLUMNS",
    "OUTCOME_DTYPE",
    "SEVERITY_DTYPE",
    "STRING_DTYPE",
    "Cause",
    "Contract",
    "Escalation",
    "History",
    "Outcome",
    "Severity",
    "label",
]

#: Text columns are pyarrow-backed strings: compact and fast at 10 million rows.
STRING_DTYPE = pd.StringDtype("pyarrow")
DATE_DTYPE = np.dtype("datetime64[ns]")

#: Canonical dispute columns in memory, in order, with their dtypes. ``causes``
#: holds every cited cause as ``"payment;tone"`` (primary first) and
#: ``primary_cause`` the first of them; both are empty for unlabelled disputes.
DISPUTE_COLUMNS: dict[str, Any] = {
    "dispute_id": STRING_DTYPE,
    "client": STRING_DTYPE,
    "mission_id": STRING_DTYPE,
    "opened_at": DATE_DTYPE,
    "resolved_at": DATE_DTYPE,
    "primary_cause": CAUSE_DTYPE,
    "causes": "category",
    "severity": SEVERITY_DTYPE,
    "escalation": ESCALATION_DTYPE,
    "outcome": OUTCOME_DTYPE,
    "client_retained": "boolean",
    "amount_at_stake": "float64",
    "amount_recovered": "float64",
    "options_proposed": "Int64",
    "followup_sent": "boolean",
    "notes": STRING_DTYPE,
}

#: Canonical mission columns in memory, in order, with their dtypes.
MISSION_COLUMNS: dict[str, Any] = {
    "mission_id": STRING_DTYPE,
    "client": STRING_DTYPE,
    "started_at": DATE_DTYPE,
    "ended_at": DATE_DTYPE,
    "days": "float64",
    "daily_rate": "float64",
    "contract": CONTRACT_DTYPE,
    "via_intermediary": "boolean",
    "written_scope": "boolean",
    "checkin_every_days": "float64",
    "meeting_minutes": "boolean",
}

#: Columns a disputes table must have (``dispute_id`` is generated if absent).
REQUIRED_DISPUTE_COLUMNS = ("client", "opened_at")
REQUIRED_MISSION_COLUMNS = ("mission_id", "client", "started_at")


@dataclass(frozen=True, eq=False)
class History:
    """A freelancer's (or many freelancers') disputes, validated and typed.

    Build one with :func:`conflictkit.read_history`,
    :meth:`History.from_frames`, :func:`conflictkit.load_example` or
    :func:`conflictkit.make_history`; the constructor itself does not validate.

    Attributes
    ----------
    disputes : pandas.DataFrame
        One row per dispute, columns as in :data:`DISPUTE_COLUMNS` (plus any
        extra columns the source had, kept as text).
    causes : pandas.DataFrame
        Long form: one row per (``dispute_id``, ``cause``) with ``is_primary``.
        Unlabelled disputes have no row here.
    missions : pandas.DataFrame or None
        One row per engagement, columns as in :data:`MISSION_COLUMNS`; ``days``
        is filled in (business days between the dates, up to ``as_of`` for
        ongoing missions) where the source left it empty.
    as_of : pandas.Timestamp
        Open disputes are right-censored at this date.
    rejected : pandas.DataFrame or None
        With ``errors="collect"``: the rejected dispute rows exactly as read,
        indexed by their row number in the file, with a ``problems`` column.
    rejected_missions : pandas.DataFrame or None
        The same for the missions table.
    planted : dict or None
        For generated histories, the patterns :func:`make_history` planted.
    source : str or None
        Where the history was read from.
    generated_ids : bool
        True when the file had no ``dispute_id`` column and the reader made
        the ids up (``D-0001``, ``D-0002``...): they name nothing outside
        this history.
    invoices : pandas.DataFrame or None
        For histories read by :func:`conflictkit.read_invoices`: one row per
        invoice (``invoice_id``, ``client``, ``issued_at``, ``due_at``,
        ``paid_at``, ``amount``, ``amount_paid``, ``status``, ``counted``,
        ``disputed``, ``late``, ``days_late``, ``days_billed``,
        ``dispute_id``, ``mission_id``, ``row``, ``lines``).
    merged : pandas.DataFrame or None
        For histories made by :meth:`combine`: what was merged (``kind``,
        ``kept``, ``dropped``, ``client``, ``detail``).
    unused_columns : tuple of str
        The source's columns that were neither mapped nor recognised (kept
        as they were read in ``disputes`` or ``missions``).
    skipped : dict
        Rows read that are not disputes, by reason: ``"blank rows"``,
        ``"total rows"``, ``"left out by where="``. Rows read = rows kept +
        rows rejected + rows skipped.

    Examples
    --------
    >>> import conflictkit as ck
    >>> history = ck.load_example()
    >>> history
    <History: 203 disputes (2 open), 32 clients, 8 unlabelled, 142 missions, \
as of 2026-01-01>
    >>> history.causes.columns.tolist()
    ['dispute_id', 'cause', 'is_primary']
    """

    disputes: pd.DataFrame
    causes: pd.DataFrame
    missions: pd.DataFrame | None = None
    as_of: pd.Timestamp = field(default_factory=lambda: pd.Timestamp("NaT"))
    rejected: pd.DataFrame | None = None
    rejected_missions: pd.DataFrame | None = None
    planted: dict[str, Any] | None = None
    source: str | None = None
    generated_ids: bool = False
    invoices: pd.DataFrame | None = None
    merged: pd.DataFrame | None = None
    unused_columns: tuple[str, ...] = ()
    skipped: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_frames(
        cls,
        disputes: pd.DataFrame,
        missions: pd.DataFrame | None = None,
        *,
        as_of: Any = None,
        columns: dict[str, str] | None = None,
        cause_map: Any = None,
        errors: str = "raise",
        dayfirst: bool | None = None,
    ) -> History:
        """Validate frames built in code, with the same rules as files.

        Parameters
        ----------
        disputes : pandas.DataFrame
            One row per dispute. Values may be typed (dates, numbers, lists of
            causes) or text as a spreadsheet would hold it (``"payment;tone"``,
            ``"07/04/2021"``, ``"1 500,00 €"``).
        missions : pandas.DataFrame, optional
            One row per mission.
        as_of : date-like, optional
            Censoring date for open disputes; by default the latest date in
            the data.
        columns : dict, optional
            Maps your column names onto the canonical ones.
        cause_map : dict or callable, optional
            Extra spellings of causes (see :func:`conflictkit.read_history`).
        errors : {"raise", "collect"}, default="raise"
            What to do with invalid rows.
        dayfirst : bool, optional
            How to read numeric dates written as text (``03/04/2021``); by
            default decided per column as :func:`conflictkit.read_history`
            does.

        Returns
        -------
        History
            The validated history.

        Examples
        --------
        >>> import pandas as pd
        >>> h = History.from_frames(pd.DataFrame({
        ...     "client": ["Acme", "Acme"],
        ...     "opened_at": ["2024-01-10", "2024-03-02"],
        ...     "resolved_at": ["2024-01-20", None],
        ...     "causes": ["retard de paiement", "scope;tone"],
        ... }))
        >>> h.disputes["primary_cause"].tolist()
        ['payment', 'scope']
        >>> str(h.as_of.date())
        '2024-03-02'
        """
        from .io._validate import validate_frames

        return validate_frames(
            disputes,
            missions,
            as_of=as_of,
            columns=columns,
            cause_map=cause_map,
            errors=errors,
            dayfirst=dayfirst,
            source=None,
        )

    def combine(self, other: History) -> History:
        """Merge another history into this one, counting nothing twice.

        Meant for a dispute log and the disputes read from invoices
        (:func:`conflictkit.read_invoices`), it works for any two histories:

        - the same client under two spellings is one client: case, accents,
          punctuation and legal forms (SAS, SARL, Inc, Ltd, GmbH...) are
          ignored; the first spelling seen (the log's) is kept;
        - a payment dispute already in the log for the same client, over
          overlapping dates (opened to resolved, or to ``as_of``), is kept
          once: the log's, which takes the invoice's amounts if it had none;
        - missions of the same client over overlapping dates count their days
          once; exposure counted in invoices is not added to mission-days;
        - ids used by both are renamed.

        Each of these decisions is a row of ``merged`` (columns ``kind``,
        ``kept``, ``dropped``, ``client``, ``detail``).

        Parameters
        ----------
        other : History
            The history to merge in.

        Returns
        -------
        History
            The merged history, censored at the later ``as_of`` of the two.

        Examples
        --------
        >>> import pandas as pd
        >>> log = History.from_frames(pd.DataFrame({
        ...     "client": ["Acme SAS"], "opened_at": ["2024-02-05"],
        ...     "resolved_at": ["2024-02-25"], "causes": ["retard de paiement"]}))
        >>> invoices = History.from_frames(pd.DataFrame({
        ...     "dispute_id": ["INV-F-001", "INV-F-007"], "client": ["ACME", "ACME"],
        ...     "opened_at": ["2024-02-01", "2024-06-01"],
        ...     "resolved_at": ["2024-02-20", None], "causes": ["payment", "payment"]}))
        >>> both = log.combine(invoices)
        >>> both.disputes[["dispute_id", "client"]]
          dispute_id    client
        0     D-0001  Acme SAS
        1  INV-F-007  Acme SAS
        >>> both.merged[["kind", "kept", "dropped"]]
                           kind      kept    dropped
        0       client spelling  Acme SAS       ACME
        1  same payment dispute    D-0001  INV-F-001
        """
        from .io._combine import combine

        return combine(self, other)

    # ------------------------------------------------------------------ views
    def __len__(self) -> int:
        return len(self.disputes)

    def __repr__(self) -> str:
        n = len(self.disputes)
        d = self.disputes
        n_open = int((d["resolved_at"].isna() & d["outcome"].isna()).sum())
        n_clients = self.disputes["client"].nunique()
        parts = [f"{n} disputes ({n_open} open)", f"{n_clients} clients"]
        n_unlabelled = int(self.disputes["primary_cause"].isna().sum())
        if n_unlabelled:
            parts.append(f"{n_unlabelled} unlabelled")
        if self.missions is not None:
            parts.append(f"{len(self.missions)} missions")
        if self.rejected is not None and len(self.rejected):
            parts.append(f"{len(self.rejected)} rejected rows")
        n_skipped = sum(self.skipped.values())
        if n_skipped:
            parts.append(f"{n_skipped} rows skipped")
        as_of = "NaT" if pd.isna(self.as_of) else self.as_of.date().isoformat()
        return f"<History: {', '.join(parts)}, as of {as_of}>"

    def _repr_html_(self) -> str:
        """A small summary table for Jupyter: sizes, dates and the top causes."""
        import html

        d = self.disputes
        rows = [("disputes", f"{len(d):,}")]
        rows.append(
            (
                "open (censored at as_of)",
                f"{int((d['resolved_at'].isna() & d['outcome'].isna()).sum()):,}",
            )
        )
        rows.append(("clients", f"{d['client'].nunique():,}"))
        if len(d):
            first, last = d["opened_at"].min(), d["opened_at"].max()
            if pd.notna(first):
                rows.append(("opened", f"{first.date()} to {last.date()}"))
        as_of = "NaT" if pd.isna(self.as_of) else str(self.as_of.date())
        rows.append(("as of", as_of))
        rows.append(("unlabelled", f"{int(d['primary_cause'].isna().sum()):,}"))
        counts = self.causes["cause"].value_counts()
        top = ", ".join(f"{c} {n}" for c, n in counts[counts > 0].head(3).items())
        if top:
            rows.append(("top causes", top))
        if self.missions is not None:
            days = float(self.missions["days"].sum())
            rows.append(("missions", f"{len(self.missions):,} ({days:,.0f} days)"))
        for name, table in (("rejected rows", self.rejected),
                            ("rejected missions", self.rejected_missions)):  # fmt: skip
            if table is not None and len(table):
                rows.append((name, f"{len(table):,} (see history.{name.split()[0]})"))
        body = "".join(
            f"<tr><th style='text-align:left'>{html.escape(k)}</th>"
            f"<td style='text-align:left'>{html.escape(v)}</td></tr>"
            for k, v in rows
        )
        return f"<table><caption>conflictkit History</caption>{body}</table>"

    @property
    def has_missions(self) -> bool:
        """Whether exposure (missions) is known.

        Examples
        --------
        >>> import conflictkit as ck
        >>> ck.load_example().has_missions
        True
        """
        return self.missions is not None and len(self.missions) > 0

    def durations(self) -> pd.DataFrame:
        """Return the days from opening to resolution, open ones censored at ``as_of``.

        Returns
        -------
        pandas.DataFrame
            Indexed like ``disputes``, with ``dispute_id``, ``duration_days``
            (float) and ``resolved`` (bool; False = right-censored at
            ``as_of``), the shape lifelines and scikit-survival expect.
            A dispute that has an outcome but no resolution date ended on a
            day nobody recorded: it has no duration and is left out.

        Examples
        --------
        >>> import pandas as pd
        >>> h = History.from_frames(pd.DataFrame({
        ...     "client": ["A", "B"], "opened_at": ["2024-01-01", "2024-01-05"],
        ...     "resolved_at": ["2024-01-11", None]}), as_of="2024-02-04")
        >>> h.durations()[["duration_days", "resolved"]].values.tolist()
        [[10.0, True], [30.0, False]]
        """
        d = self.disputes
        d = d[d["resolved_at"].notna() | d["outcome"].isna()]
        resolved = d["resolved_at"].notna()
        end = d["resolved_at"].where(resolved, self.as_of)
        days = (end - d["opened_at"]).dt.total_seconds() / 86400.0
        return pd.DataFrame(
            {
                "dispute_id": d["dispute_id"],
                "duration_days": days.astype("float64"),
                "resolved": resolved.to_numpy(dtype=bool),
            },
            index=d.index,
        )

    def unlabelled(self) -> pd.DataFrame:
        """Return the disputes that cite no cause (candidates for ``suggest_causes``).

        Returns
        -------
        pandas.DataFrame
            The rows of ``disputes`` whose ``primary_cause`` is missing, with
            their original index and every column.

        Examples
        --------
        >>> import conflictkit as ck
        >>> ck.load_example().unlabelled()[["dispute_id", "client"]].head(2)
           dispute_id           client
        11      D0012     Nova Voyages
        49      D0050  Atelier Conseil
        """
        return self.disputes[self.disputes["primary_cause"].isna()]


def empty_causes() -> pd.DataFrame:
    """An empty long-form causes table with the right dtypes."""
    return pd.DataFrame(
        {
            "dispute_id": pd.Series([], dtype=STRING_DTYPE),
            "cause": pd.Series([], dtype=CAUSE_DTYPE),
            "is_primary": pd.Series([], dtype=bool),
        }
    )


def agreement(outcome: pd.Series) -> pd.Series:
    """True where the outcome is an agreement (amicable or compromise)."""
    return outcome.isin([str(o) for o in AGREEMENT])


__all__ += ["agreement", "empty_causes"]
