"""Tests for write_template and ``conflictkit template``."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook

import conflictkit as ck
from conflictkit.cli import main


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_empty_template_reads_back_as_an_empty_history(tmp_path, lang):
    path = ck.write_template(tmp_path / "log.xlsx", lang=lang)
    history = ck.read_history(path)
    assert len(history) == 0
    assert history.missions is not None
    assert len(history.missions) == 0


def test_french_template_has_french_headers_drop_downs_and_formats(tmp_path):
    book = load_workbook(ck.write_template(tmp_path / "log.xlsx", lang="fr"))
    assert book.sheetnames == ["mode d'emploi", "litiges", "missions"]
    disputes = book["litiges"]
    headers = [c.value for c in disputes[1]]
    assert headers[:5] == [
        "id litige",
        "client",
        "id mission",
        "ouvert le",
        "résolu le",
    ]
    lists = {str(rule.sqref).split(":")[0].rstrip("0123456789"): rule.formula1
             for rule in disputes.data_validations.dataValidation}  # fmt: skip
    assert "périmètre" in lists["F"]
    assert "paiement" in lists["F"]
    assert "gain de cause" in lists["I"]  # outcome
    assert lists["J"] == '"oui,non"'  # client kept
    assert disputes["D2"].number_format == "dd/mm/yyyy"
    assert disputes["K2"].number_format == "#,##0.00"
    assert "Une ligne par litige" in book["mode d'emploi"]["A3"].value


def test_filled_template_reads_back_with_every_drop_down_value(tmp_path):
    path = ck.write_template(tmp_path / "log.xlsx", lang="fr")
    book = load_workbook(path)
    sheet = book["litiges"]
    rows = [
        ["L1", "Acme", "M1", "07/03/2024", "20/03/2024", "périmètre;délais", "élevée",
         "médiation", "gain de cause", "oui", 1500.5, 1000, 2, "non", "note"],
        ["L2", "Acme", "M1", "08/04/2024", None, "confiance", "critique", "tribunal",
         None, None, None, None, None, None, None],
        ["L3", "Bolt", None, "09/05/2024", "10/05/2024", "ton", "faible", "dialogue",
         "à l'amiable", "non", None, None, 1, "oui", None],
    ]  # fmt: skip
    for i, row in enumerate(rows, start=2):
        for j, value in enumerate(row, start=1):
            sheet.cell(row=i, column=j, value=value)
    m = book["missions"]
    for j, value in enumerate(["M1", "Acme", "01/01/2024", "30/06/2024", 60, 500,
                               "régie", "non", "oui", 7, "non"], start=1):  # fmt: skip
        m.cell(row=2, column=j, value=value)
    book.save(path)
    h = ck.read_history(path)
    d = h.disputes.set_index("dispute_id")
    assert d.loc["L1", "opened_at"] == pd.Timestamp("2024-03-07")
    assert d.loc["L1", "causes"] == "scope;deadlines"
    assert str(d.loc["L1", "severity"]) == "high"
    assert str(d.loc["L1", "outcome"]) == "prevailed"
    assert d.loc["L1", "amount_at_stake"] == 1500.5
    assert pd.isna(d.loc["L2", "outcome"])
    assert pd.isna(d.loc["L2", "amount_at_stake"])
    assert str(d.loc["L3", "outcome"]) == "amicable"
    assert bool(h.missions.loc[0, "written_scope"]) is True
    assert str(h.missions.loc[0, "contract"]) == "time_and_materials"


def test_template_needs_an_xlsx_path(tmp_path):
    with pytest.raises(ValueError, match=r"\.xlsx"):
        ck.write_template(tmp_path / "log.csv")


def test_bundled_sample_is_the_filled_french_template():
    from pathlib import Path

    path = Path(__file__).parents[1] / "datasets" / "my-disputes.xlsx"
    with pytest.raises(ck.DisputeDataError, match="'paiment' is not a cause"):
        ck.read_history(path)
    with pytest.warns(ck.ConflictkitWarning, match="1 row rejected"):
        h = ck.read_history(path, errors="collect", cause_map={"paiment": "payment"})
    assert len(h) == 13
    assert len(h.missions) == 8
    assert len(h.rejected) == 1
    assert "L08" in h.rejected.to_string()


def test_cli_template(tmp_path, capsys):
    out = tmp_path / "t.xlsx"
    assert main(["template", "--lang", "en", "-o", str(out)]) == 0
    assert "Template written to" in capsys.readouterr().out
    assert load_workbook(out).sheetnames == [
        "how to fill this in",
        "disputes",
        "missions",
    ]
