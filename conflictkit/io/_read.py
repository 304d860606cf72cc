"""Reading and writing dispute histories, with validation at the boundary.

``read_history`` reads CSV/TSV (delimiter and encoding detected), XLSX, JSON
and Parquet, maps the user's headers onto the canonical columns, parses
French and English spellings, and validates every row. Every problem is
reported with its row (as a spreadsheet shows it: the header is row 1), its
column, its value and the reason. Nothing is dropped silently: rows read =
rows kept + rows rejected.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from ..model import DISPUTE_COLUMNS, MISSION_COLUMNS, STRING_DTYPE, History
from ._columns import names_client_and_date
from ._files import ReadLimits, read_raw
from ._validate import check_errors, validate_tables

__all__ = ["read_history", "write_history"]


def read_history(
    path: str | Path,
    *,
    missions: str | Path | None = None,
    columns: dict[str, str] | None = None,
    cause_map: Any = None,
    errors: str = "raise",
    as_of: Any = None,
    dayfirst: bool | None = None,
    where: str | Callable[[pd.DataFrame], Any] | None = None,
    limits: ReadLimits | None = None,
) -> History:
    """Read a dispute log (and optionally its missions) into a :class:`History`.

    Parameters
    ----------
    path : str or Path
        A CSV or TSV file (delimiter ``,`` ``;`` ``|`` or tab; encoding UTF-8,
        UTF-8 with BOM or UTF-16, else Windows-1252, then the DOS and Mac code
        pages, whichever reads the text without mojibake; a file whose text
        reads garbled every way is refused), an XLSX workbook (a ``disputes``
        or ``litiges`` sheet and optionally a ``missions`` sheet, else the
        first sheet; other sheets are not read), a JSON file (a list of
        records, or an object with ``"disputes"`` and ``"missions"`` lists; a
        list in a cell is a list of causes) or a Parquet file. Only regular
        files are read: a folder, a named pipe or a device is refused at once.
    missions : str or Path, optional
        The missions table, in any of the same formats. Without it, an XLSX or
        JSON file's own missions table is used when present.
    columns : dict, optional
        Maps your headers onto the canonical names, e.g.
        ``{"Société": "client", "Motif": "causes"}``. Common French and English
        headers are recognised without it (``Motif``, ``Objet`` -> causes,
        ``Réglé le`` -> resolved_at, ``Issue``, ``Résultat`` -> outcome, see
        :data:`conflictkit.io.vocabulary.COLUMN_ALIASES`). Two headers mapped
        onto one name is an error. A column neither mapped nor recognised is
        kept as it is, named in a :class:`ConflictkitWarning` with the names
        it might stand for, and listed in ``history.unused_columns``.
    cause_map : dict or callable, optional
        Extra spellings of causes: ``{"retard facture": "payment"}``; a value
        may be several causes (``"payment;tone"``) or None for "no cause"
        (``{"No": None}``). Or a function taking a spelling and returning a
        cause, several, an empty tuple for no cause, or None to fall back on
        the built-in table in :mod:`conflictkit.io.vocabulary`.
    errors : {"raise", "collect"}, default="raise"
        ``"raise"``: raise :class:`DisputeDataError` listing every problem.
        ``"collect"``: keep the valid rows, put every invalid row, untouched,
        in ``history.rejected`` (``history.rejected_missions``) with its
        problems, and warn with the count.
    as_of : date-like, optional
        The date open disputes are censored at. By default, the latest date
        among the rows kept. A date after it is a problem, as is any date
        before 1970 (often a number read as a date).
    dayfirst : bool, optional
        How to read numeric dates such as ``03/04/2021``. By default it is
        decided per column from the values that can only be read one way
        (``25/04/2021``); a column where every value reads both ways is an
        error asking for this argument.
    where : str or callable, optional
        Keeps only the rows that are disputes, applied to the rows as read
        (every cell text, headers as in the file): a pandas query such as
        ``"Disputed == 'Yes'"`` (backquotes around headers with spaces) or a
        function taking that frame and returning a boolean mask. The rows
        it leaves out are counted in ``history.skipped``.
    limits : ReadLimits, optional
        The largest file, and the most rows and columns, read (by default 4
        GiB, 50 million rows, 1,000 columns; see
        :class:`conflictkit.io.ReadLimits`); checked before parsing.

    Notes
    -----
    Cells such as ``N/A``, ``-``, ``néant``, ``None`` or ``null`` are missing
    values (:data:`conflictkit.io.vocabulary.PLACEHOLDERS`); quotes written
    around a value (``"2022-07-13"`` inside the cell) are removed. Blank rows
    (an empty line, ``;;;;;;``) and total lines (``TOTAL`` with no date) are
    not disputes: they are skipped, counted in ``history.skipped`` and named
    in a warning. A dispute with an outcome but no resolution date has ended
    on a day nobody recorded: it counts in outcomes and is left out of
    durations. Rows read = rows kept + rows rejected + rows skipped.

    A title above the header (``Suivi des litiges 2024;;;;``, a title in A1
    of a workbook, followed or not by an empty line) is skipped: the header is
    the first of the first 30 rows that names a client and a date column
    (through ``columns`` or the common headers), unless a row above it fills
    more cells. A warning names the header's row and the title lines; row
    numbers stay those of the file.

    Returns
    -------
    History
        The validated history.

    Raises
    ------
    DisputeDataError
        With ``errors="raise"``, when any row has a problem; always, when the
        file itself cannot be read (empty, binary, not a table).

    Examples
    --------
    A French spreadsheet export: semicolons, cp1252, French headers and words.

    >>> import pathlib, tempfile
    >>> import conflictkit as ck
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "litiges.csv"
    >>> _ = path.write_bytes(
    ...     "Client;Ouvert le;Résolu le;Motif;Montant en jeu\\n"
    ...     "Acme;07/04/2021;21/04/2021;Retard de paiement;1 500,00 €\\n"
    ...     "Acme;25/05/2021;;périmètre + ton directif;\\n".encode("cp1252"))
    >>> h = ck.read_history(path)
    >>> h.disputes[["client", "opened_at", "causes", "amount_at_stake"]]
      client  opened_at      causes  amount_at_stake
    0   Acme 2021-04-07     payment           1500.0
    1   Acme 2021-05-25  scope;tone              NaN
    """
    check_errors(errors)
    tables = read_raw(
        path,
        limits=limits,
        compact=True,
        header_at=lambda cells: names_client_and_date(cells, columns),
    )
    if missions is not None:
        mtables = read_raw(missions, limits=limits, compact=True)
        tables["missions"] = mtables.get("missions", mtables["disputes"])
    return validate_tables(
        tables["disputes"],
        tables.get("missions"),
        as_of=as_of,
        columns=columns,
        cause_map=cause_map,
        errors=errors,
        dayfirst=dayfirst,
        where=where,
        stacklevel=3,
        source=str(path),
    )


# ---------------------------------------------------------------- writing
def write_history(
    history: History, path: str | Path, *, missions: str | Path | None = None
) -> list[Path]:
    """Write a history to CSV, TSV, XLSX, JSON or Parquet (by the file suffix).

    Causes are written as ``payment;tone`` (primary first), dates as ISO,
    booleans as ``true``/``false``. An XLSX or JSON file holds both tables;
    for CSV, TSV and Parquet the missions go to ``missions=`` (by default
    ``<name>_missions.<suffix>`` beside ``path``). Text cells and headers that
    a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``
    or ``@``, or with such a line inside) are written with an apostrophe
    before the cell and before each such line, which reading removes. CSV
    and TSV records end with CRLF and every cell holding a line break is
    quoted; XLSX keeps line breaks and control characters (as Excel writes
    them, ``_x000D_``). What is written reads back identical.

    Parameters
    ----------
    history : History
        The history to write.
    path : str or Path
        The disputes file; its suffix chooses the format.
    missions : str or Path, optional
        Where to write the missions table for CSV, TSV and Parquet.

    Returns
    -------
    list of Path
        The files written.

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> h = History.from_frames(pd.DataFrame({"client": ["Acme"],
    ...     "opened_at": ["2024-01-10"], "causes": ["paiement"]}))
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "log.csv"
    >>> [p.name for p in write_history(h, out)]
    ['log.csv']
    >>> read_history(out).disputes["primary_cause"].tolist()
    ['payment']
    """
    path = Path(path)
    suffix = path.suffix.lower()
    d = _for_file(history.disputes, DISPUTE_COLUMNS, suffix)
    m = (
        _for_file(history.missions, MISSION_COLUMNS, suffix)
        if history.missions is not None
        else None
    )
    written = [path]
    if suffix in (".csv", ".tsv", ".txt"):
        for table in (d, m):
            _no_nul(table, path)
        sep = "\t" if suffix == ".tsv" else ","
        # CRLF ends records, so a cell holding a bare \r or \n is quoted
        d.to_csv(path, index=False, sep=sep, encoding="utf-8", lineterminator="\r\n")
        if m is not None:
            mpath = Path(missions) if missions else _sibling(path)
            m.to_csv(
                mpath, index=False, sep=sep, encoding="utf-8", lineterminator="\r\n"
            )
            written.append(mpath)
    elif suffix == ".xlsx":
        with pd.ExcelWriter(path, engine="openpyxl") as xl:
            _xlsx_escape(d).to_excel(xl, sheet_name="disputes", index=False)
            if m is not None:
                _xlsx_escape(m).to_excel(xl, sheet_name="missions", index=False)
    elif suffix == ".json":
        doc = {"disputes": _records(d)}
        if m is not None:
            doc["missions"] = _records(m)
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    elif suffix == ".parquet":
        d.to_parquet(path, index=False)
        if m is not None:
            mpath = Path(missions) if missions else _sibling(path)
            m.to_parquet(mpath, index=False)
            written.append(mpath)
    else:
        raise ValueError(
            f"Cannot write {suffix!r} files: use .csv, .tsv, .xlsx, .json or .parquet"
        )
    return written


def _sibling(path: Path) -> Path:
    return path.with_name(f"{path.stem}_missions{path.suffix}")


def _records(frame: pd.DataFrame) -> list[dict]:
    return json.loads(frame.to_json(orient="records", force_ascii=False))


def _for_file(
    frame: pd.DataFrame, canonical: dict[str, Any], suffix: str
) -> pd.DataFrame:
    out = frame.drop(columns=["primary_cause"], errors="ignore").copy()
    for name, dtype in canonical.items():
        if name not in out.columns:
            continue
        col = out[name]
        if pd.api.types.is_datetime64_any_dtype(col.dtype):
            out[name] = col.dt.strftime("%Y-%m-%d").astype(STRING_DTYPE)
        elif dtype == "boolean":
            out[name] = col.map({True: "true", False: "false"}).astype(STRING_DTYPE)
        elif isinstance(col.dtype, pd.CategoricalDtype):
            out[name] = col.astype(STRING_DTYPE)
    if suffix != ".parquet":
        for name in out.columns:
            if isinstance(out[name].dtype, pd.StringDtype) or out[name].dtype == object:
                out[name] = _defuse_formulas(out[name])
        out = _defuse_headers(out)
    return out


#: What makes a spreadsheet run a cell, at the start of the cell or of any
#: line in it; the apostrophe itself, so that the guard can be undone.
_RISKY = r"[=+\-@\t\r']"


def _defuse_formulas(s: pd.Series) -> pd.Series:
    """Guard cells a spreadsheet would run as a formula with an apostrophe.

    A cell is guarded when it, or any line in it, starts with ``=``, ``+``,
    ``-``, ``@``, a tab, a carriage return or an apostrophe (numbers such as
    ``-12.5`` are data): an apostrophe goes before the cell and after each
    line break followed by one of those. Reading removes exactly these.
    """
    text = s.astype(STRING_DTYPE)
    risky = text.str.contains(rf"(?:^|[\r\n]){_RISKY}", na=False)
    # a number such as -12.5 is data, not a formula
    numeric = pd.to_numeric(text.where(risky), errors="coerce").notna()
    risky &= ~numeric
    if not risky.any():
        return s
    python = text[risky].astype(pd.StringDtype("python"))  # look-ahead: Python re
    guarded = "'" + python.str.replace(rf"([\r\n])(?={_RISKY})", r"\1'", regex=True)
    return text.mask(risky, guarded.astype(STRING_DTYPE))


def _no_nul(frame: pd.DataFrame | None, path: Path) -> None:
    """A text table cannot hold NUL: readers (ours too) take it for binary."""
    if frame is None:
        return
    for name in [*frame.columns, None]:
        col = pd.Series(frame.columns, dtype=object) if name is None else frame[name]
        if not (isinstance(col.dtype, pd.StringDtype) or col.dtype == object):
            continue
        hit = col.astype(STRING_DTYPE).str.contains("\x00", regex=False, na=False)
        if hit.any():
            where = "a header" if name is None else f"column {str(name)!r}"
            raise ValueError(
                f"Cannot write {path.name}: {where} holds a NUL character "
                f"(row {int(hit.to_numpy().argmax())} of the table), which a CSV "
                "or TSV file cannot hold; write .xlsx, .json or .parquet instead"
            )


def _defuse_headers(frame: pd.DataFrame) -> pd.DataFrame:
    names = _defuse_formulas(pd.Series([str(c) for c in frame.columns], dtype=object))
    return frame.set_axis(names.tolist(), axis=1)


#: Characters an XLSX file cannot hold as such: XML 1.0 forbids most control
#: characters, and reading turns \r\n into \n. Written as Excel does,
#: ``_xHHHH_`` (and a literal ``_xHHHH_`` as ``_x005F_xHHHH_``).
_XLSX_UNSAFE = r"_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]"


def _xlsx_escape(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for name in out.columns:
        col = out[name]
        if isinstance(col.dtype, pd.StringDtype) or col.dtype == object:
            text = col.astype(pd.StringDtype("python"))
            unsafe = text.str.contains(_XLSX_UNSAFE, na=False)
            if unsafe.any():
                done = text[unsafe].str.replace(
                    _XLSX_UNSAFE, lambda m: f"_x{ord(m.group()):04X}_", regex=True
                )
                out[name] = text.mask(unsafe, done).astype(STRING_DTYPE)
    names = pd.Series([str(c) for c in out.columns], dtype=pd.StringDtype("python"))
    escaped = names.str.replace(
        _XLSX_UNSAFE, lambda m: f"_x{ord(m.group()):04X}_", regex=True
    )
    return out.set_axis(escaped.tolist(), axis=1)
