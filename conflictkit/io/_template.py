"""An empty workbook to start a dispute log from, in English or French.

Two sheets whose headers are the canonical columns in the chosen language
(``read_history`` maps them back), drop-down lists for the columns that take
a fixed vocabulary, date and amount formats, and a short sheet on how to fill
it in.
"""

from __future__ import annotations

from pathlib import Path

from .. import _i18n as i18n
from .._labels import Cause, Contract, Escalation, Outcome, Severity

__all__ = ["write_template"]

#: Rows prepared with drop-downs and formats.
ROWS = 500

# (canonical column, English header, French header, kind); the French headers
# are spellings the reader knows (conflictkit.io.vocabulary.COLUMN_ALIASES).
_DISPUTES = [
    ("dispute_id", "dispute_id", "id litige", "text"),
    ("client", "client", "client", "text"),
    ("mission_id", "mission_id", "id mission", "text"),
    ("opened_at", "opened_at", "ouvert le", "date"),
    ("resolved_at", "resolved_at", "résolu le", "date"),
    ("causes", "causes", "causes", Cause),
    ("severity", "severity", "gravité", Severity),
    ("escalation", "escalation", "escalade", Escalation),
    ("outcome", "outcome", "issue du litige", Outcome),
    ("client_retained", "client_retained", "client conservé", "bool"),
    ("amount_at_stake", "amount_at_stake", "montant en jeu", "money"),
    ("amount_recovered", "amount_recovered", "montant récupéré", "money"),
    ("options_proposed", "options_proposed", "options proposées", "int"),
    ("followup_sent", "followup_sent", "suivi envoyé", "bool"),
    ("notes", "notes", "notes", "text"),
]
_MISSIONS = [
    ("mission_id", "mission_id", "id mission", "text"),
    ("client", "client", "client", "text"),
    ("started_at", "started_at", "date de début", "date"),
    ("ended_at", "ended_at", "date de fin", "date"),
    ("days", "days", "jours", "number"),
    ("daily_rate", "daily_rate", "taux journalier", "money"),
    ("contract", "contract", "contrat", Contract),
    ("via_intermediary", "via_intermediary", "via intermédiaire", "bool"),
    ("written_scope", "written_scope", "périmètre écrit", "bool"),
    ("checkin_every_days", "checkin_every_days", "points réguliers (jours)", "number"),
    ("meeting_minutes", "meeting_minutes", "comptes rendus", "bool"),
]
_FORMATS = {
    "date": {"en": "yyyy-mm-dd", "fr": "dd/mm/yyyy"},
    "money": {"en": "#,##0.00", "fr": "#,##0.00"},
    "number": {"en": "0.0", "fr": "0.0"},
    "int": {"en": "0", "fr": "0"},
}


def _choices(kind: object, lang: str) -> list[str]:
    if kind == "bool":
        return [i18n.t("value.True", lang), i18n.t("value.False", lang)]
    if lang == "en":
        return [m.value for m in kind]  # type: ignore[attr-defined]
    return [m.label("fr").lower() for m in kind]  # type: ignore[attr-defined]


def write_template(path: str | Path, *, lang: str = "en") -> Path:
    """Write an empty dispute log to fill in, as an Excel workbook.

    The workbook has a disputes sheet and a missions sheet (named in
    ``lang``) whose headers are the columns :func:`conflictkit.read_history`
    expects, in ``lang``; drop-down lists for causes, outcome, severity,
    escalation, contract and yes/no columns; date and amount formats; and a
    "how to fill this in" sheet. ``read_history`` reads it back, filled in
    or empty.

    Parameters
    ----------
    path : str or Path
        The ``.xlsx`` file to write.
    lang : {"en", "fr"}, default="en"
        Language of the sheet names, headers, drop-down values and help.

    Returns
    -------
    Path
        The file written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import conflictkit as ck
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "log.xlsx"
    >>> history = ck.read_history(ck.write_template(out, lang="fr"))
    >>> len(history)
    0
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    lang = i18n.check_lang(lang)
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValueError(
            f"The template is an Excel workbook: give a path ending in .xlsx, "
            f"not {path.name!r}."
        )
    book = Workbook()
    help_sheet = book.active
    assert help_sheet is not None
    help_sheet.title = i18n.t("template.sheet_help", lang)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for table, columns in (("disputes", _DISPUTES), ("missions", _MISSIONS)):
        sheet = book.create_sheet(i18n.t(f"template.sheet_{table}", lang))
        for j, (_, en, fr, kind) in enumerate(columns, start=1):
            letter = get_column_letter(j)
            cell = sheet.cell(row=1, column=j, value=fr if lang == "fr" else en)
            cell.font = bold
            cell.fill = fill
            sheet.column_dimensions[letter].width = 40 if en == "notes" else 18
            cells = f"{letter}2:{letter}{ROWS + 1}"
            if isinstance(kind, str) and kind in _FORMATS:
                for (c,) in sheet[cells]:
                    c.number_format = _FORMATS[kind][lang]
            if not isinstance(kind, str) or kind == "bool":
                options = _choices(kind, lang)
                rule = DataValidation(
                    type="list",
                    formula1='"' + ",".join(options) + '"',
                    allow_blank=True,
                    # several causes go in one cell ("payment;tone"): a
                    # reminder, not a refusal
                    errorStyle="information" if kind is Cause else "stop",
                    showErrorMessage=True,
                    error=i18n.t("template.pick", lang, options=", ".join(options)),
                )
                rule.add(cells)
                sheet.add_data_validation(rule)
        sheet.freeze_panes = "A2"
    lines = [i18n.t("template.help_title", lang), ""]
    lines += [i18n.t(f"template.help_{k}", lang) for k in range(1, 8)]
    for i, line in enumerate(lines, start=1):
        cell = help_sheet.cell(row=i, column=1, value=line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    help_sheet["A1"].font = Font(bold=True, size=14)
    help_sheet.column_dimensions["A"].width = 110
    book.active = 1  # open on the disputes sheet
    book.save(path)
    return path
