"""A dispute log with a title above its header, as people keep them.

The files are built as Excel writes them: a cp1252 ``;`` CSV whose first line
is the title followed by the empty cells of the other columns
(``Suivi des litiges 2024;;;;``), a workbook with the title alone in A1 and
the header in row 3, a title followed by an empty line. The rows rejected
keep the numbers the spreadsheet shows.
"""

from __future__ import annotations

import warnings

import openpyxl
import pytest

import conflictkit as ck
from conflictkit._i18n import warning_text
from conflictkit._i18n._problems import error_text

HEADER = "Client;Date d'ouverture;Cause;Date de résolution;Montant en jeu"
ROWS = [
    "Atelier Dupré;07/04/2024;Retard de paiement;21/04/2024;1 500,00 €",
    "SARL Bernard;12/05/2024;périmètre;;",
    ";;;;",
    "Nova;31/11/2024;ton;;",  # no day 31 in November: rejected
    "Nova;03/06/2024;délais;18/06/2024;800",
]


def _csv(tmp_path, lines, name="litiges.csv"):
    path = tmp_path / name
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def _read(path, **kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        history = ck.read_history(path, errors="collect", **kw)
    return history, [str(w.message) for w in caught]


def _rejected_rows(history):
    return sorted(int(r) for r in history.rejected.index)


def test_cp1252_csv_with_a_title_line_of_empty_cells(tmp_path):
    path = _csv(tmp_path, ["Suivi des litiges 2024;;;;", HEADER, *ROWS])
    history, said = _read(path)
    assert list(history.disputes["client"]) == [
        "Atelier Dupré",
        "SARL Bernard",
        "Nova",
    ]
    assert history.disputes["amount_at_stake"].iloc[0] == 1500.0
    # the title is row 1, the header row 2: the Nova of 31/11 is on row 6
    assert _rejected_rows(history) == [6]
    note = next(m for m in said if m.startswith("the header is on row"))
    assert note == (
        "the header is on row 2: the title above it was skipped "
        "(row 1: 'Suivi des litiges 2024')"
    )
    assert warning_text(note, "fr") == (
        "l'en-tête est à la ligne 2 : le titre au-dessus a été ignoré "
        "(ligne 1 : « Suivi des litiges 2024 »)"
    )
    # the ;;;; line is row 5 of the file
    assert any("blank row (row 5)" in m for m in said), said


def test_title_then_an_empty_line(tmp_path):
    path = _csv(tmp_path, ["Suivi des litiges 2024", "", HEADER, *ROWS])
    history, said = _read(path)
    assert len(history.disputes) == 3
    assert _rejected_rows(history) == [7]
    assert (
        "the header is on row 3: the title above it was skipped "
        "(row 1: 'Suivi des litiges 2024')"
    ) in said


def test_two_title_lines_are_both_named(tmp_path):
    path = _csv(
        tmp_path,
        ["Jean Martin, consultant;;;;", "Export du 02/12/2024;;;;", HEADER, *ROWS],
    )
    history, said = _read(path)
    assert _rejected_rows(history) == [7]
    note = next(m for m in said if m.startswith("the header is on row 3"))
    assert "row 1: 'Jean Martin, consultant'; row 2: 'Export du 02/12/2024'" in note
    assert "ligne 1 : « Jean Martin, consultant » ; ligne 2 :" in warning_text(
        note, "fr"
    )


def test_workbook_with_the_title_alone_in_a1(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Litiges"
    sheet["A1"] = "Suivi des litiges 2024"
    sheet.append([])
    sheet.append(HEADER.split(";"))
    for line in ROWS:
        cells = [c or None for c in line.split(";")]
        if any(cells):
            sheet.append(cells)
        else:
            sheet.append([])
    path = tmp_path / "litiges.xlsx"
    book.save(path)
    history, said = _read(path)
    assert list(history.disputes["client"]) == [
        "Atelier Dupré",
        "SARL Bernard",
        "Nova",
    ]
    # header row 3, data rows 4.., the empty row 6, the Nova of 31/11 on row 7
    assert _rejected_rows(history) == [7]
    assert (
        "the header is on row 3: the title above it was skipped "
        "(row 1: 'Suivi des litiges 2024')"
    ) in said
    assert not any("beyond the header" in m for m in said)


def test_header_named_through_columns(tmp_path):
    path = _csv(
        tmp_path,
        [
            "Suivi des litiges 2024;;;;",
            "Donneur d'ordre;Quand;Cause;Réglé le;Montant en jeu",
            *ROWS,
        ],
    )
    history, said = _read(
        path, columns={"Donneur d'ordre": "client", "Quand": "opened_at"}
    )
    assert len(history.disputes) == 3
    assert _rejected_rows(history) == [6]


def test_a_file_without_title_is_read_as_before(tmp_path):
    path = _csv(tmp_path, [HEADER, *ROWS])
    history, said = _read(path)
    assert len(history.disputes) == 3
    assert _rejected_rows(history) == [5]
    assert not any("title" in m for m in said)


def test_a_data_row_that_looks_like_a_header_is_not_taken_for_one(tmp_path):
    # the header names its columns in words the reader does not know; the
    # first data row holds "Client" and "Date d'ouverture" as values
    lines = [
        "Pour qui;Quand;Cause;Réglé le;Montant en jeu",
        "Client;Date d'ouverture;ton;;",
        *ROWS,
    ]
    path = _csv(tmp_path, lines)
    with pytest.raises(ck.DisputeDataError) as err:
        ck.read_history(path)
    failures = err.value.failures
    assert failures["row"].isna().all()
    assert "the required column 'client' is missing" in failures["problem"].iloc[0]
    assert "'Pour qui'" in failures["problem"].iloc[0]
    # with the mapping, that row is a dispute whose date cannot be read, row 2
    history, _ = _read(path, columns={"Pour qui": "client", "Quand": "opened_at"})
    assert _rejected_rows(history) == [2, 6]


def test_no_row_names_a_client_and_a_date_the_old_message_in_french(tmp_path):
    path = _csv(
        tmp_path,
        [
            "Suivi des litiges 2024;;;;",
            "Société;Quand;Cause;;",
            "Acme;07/04/2024;ton;;",
        ],
    )
    with pytest.raises(ck.DisputeDataError) as err:
        ck.read_history(path)
    failures = err.value.failures
    assert "'Suivi des litiges 2024', '(column 2)'" in failures["problem"].iloc[0]
    french = error_text(failures, str(path), "fr")
    assert french is not None
    assert "'(colonne 2)', '(colonne 3)'" in french
    assert "(column" not in french


def test_cli_validate_under_french(tmp_path, capsys):
    from conflictkit.cli import main

    path = _csv(tmp_path, ["Suivi des litiges 2024;;;;", HEADER, *ROWS])
    main(["--lang", "fr", "validate", str(path)])
    out = capsys.readouterr()
    text = out.out + out.err
    assert "l'en-tête est à la ligne 2 : le titre au-dessus a été ignoré" in text
    line = next(x for x in text.splitlines() if "31/11/2024" in x)
    assert line.split()[0] == "6", line


def test_scan_history_refuses_a_title_line_and_says_why(tmp_path):
    path = _csv(tmp_path, ["Suivi des litiges 2024;;;;", HEADER, *ROWS])
    with pytest.raises(ck.DisputeDataError) as err:
        ck.scan_history(path)
    problems = list(err.value.failures["problem"])
    assert problems[-1] == (
        "the first line 'Suivi des litiges 2024' looks like a title, not a header,"
        " and the header is read from the first line here: remove the title"
        " line(s) above the header (read_history looks for the header below a"
        " title)"
    )
    french = error_text(err.value.failures, str(path), "fr")
    assert french is not None
    assert "la première ligne « Suivi des litiges 2024 » ressemble à un titre" in (
        french
    )
    # without the title, scan_history reads it: the bad date on row 5
    path = _csv(tmp_path, [HEADER, *ROWS], name="sans_titre.csv")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(ck.DisputeDataError) as err:
            ck.scan_history(path, progress=False)
    assert err.value.failures["row"].tolist() == [5]
    assert err.value.failures["value"].tolist() == ["31/11/2024"]


def test_a_workbook_data_row_that_looks_like_a_header_is_not_taken_for_one(
    tmp_path,
):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Pour qui", "Quand", "Cause", "Réglé le", "Montant en jeu"])
    sheet.append(["Client", "Date d'ouverture", "ton"])
    sheet.append(["Nova", "03/06/2024", "délais", "18/06/2024", 800])
    path = tmp_path / "litiges.xlsx"
    book.save(path)
    with pytest.raises(ck.DisputeDataError) as err:
        ck.read_history(path)
    assert "'Pour qui', 'Quand'" in err.value.failures["problem"].iloc[0]
    history, said = _read(path, columns={"Pour qui": "client", "Quand": "opened_at"})
    assert _rejected_rows(history) == [2]
    assert list(history.disputes["client"]) == ["Nova"]
    assert not any("title" in m for m in said)


def test_a_stray_carriage_return_in_the_first_lines_is_no_header(tmp_path):
    # found by test_fuzz: a line the csv module refuses while looking for
    # the header is not a header; the file's own problems are reported
    path = tmp_path / "damaged.csv"
    path.write_bytes(
        b'"spute_id,client,opened_at,resolved_at,causes,outcome,amount_at_stake\n'
        b"D\r,Acme,2024-01-05,2024-01-20,payment,amiable,800\n"
        b"D2,Acme,07/03/2024,,scope;tone,,800\n"
    )
    with pytest.raises(ck.DisputeDataError):
        ck.read_history(path, errors="collect")
