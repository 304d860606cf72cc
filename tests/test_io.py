"""Reading messy dispute logs: formats, spellings, and every bad row reported."""

from __future__ import annotations

import codecs
import warnings

import numpy as np
import pandas as pd
import pytest

import conflictkit as ck
from conflictkit import Cause, DisputeDataError, History

FRENCH_CSV = (
    "N°;Client;Ouvert le;Résolu le;Motif;Gravité;Issue du litige;Montant en jeu;"
    "Suivi envoyé;Commentaire\n"
    "L-1;Société Générale des Eaux;07/04/2021;21/04/2021;Retard de paiement;"
    "élevée;compromis;1 500,00 €;oui;Relance n°3, toujours rien\n"
    "L-2;Atelier Dupré;25/05/2021;;Périmètre + ton directif;moyenne;;"
    "800;non;Il veut une version mobile en plus\n"
    "L-3;Atelier Dupré;3 juin 2021;1er juillet 2021;Délais;faible;amiable;"
    "12,5;x;Planning glissé\n"
)


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def frame(**cols):
    n = len(next(iter(cols.values()), [0]))
    base = {"client": ["Acme"] * n, "opened_at": ["2024-01-10"] * n}
    base.update(cols)
    return pd.DataFrame(base)


# ---------------------------------------------------------------- formats
class TestFrenchSpreadsheet:
    @pytest.mark.parametrize("encoding", ["cp1252", "utf-8", "utf-8-sig", "utf-16"])
    def test_reads_semicolon_csv_in_every_encoding(self, tmp_path, encoding):
        path = write(tmp_path, "litiges.csv", FRENCH_CSV, encoding)
        h = ck.read_history(path, columns={"N°": "dispute_id"})
        d = h.disputes
        assert d["dispute_id"].tolist() == ["L-1", "L-2", "L-3"]
        assert d["client"].iloc[0] == "Société Générale des Eaux"
        assert d["opened_at"].dt.strftime("%Y-%m-%d").tolist() == [
            "2021-04-07",
            "2021-05-25",
            "2021-06-03",
        ]
        assert d["resolved_at"].iloc[2] == pd.Timestamp("2021-07-01")
        assert d["primary_cause"].tolist() == ["payment", "scope", "deadlines"]
        assert d["causes"].iloc[1] == "scope;tone"
        assert d["severity"].tolist() == ["high", "medium", "low"]
        assert d["outcome"].tolist()[::2] == ["compromise", "amicable"]
        assert d["amount_at_stake"].tolist() == [1500.0, 800.0, 12.5]
        assert d["followup_sent"].tolist() == [True, False, True]
        assert d["notes"].iloc[0] == "Relance n°3, toujours rien"

    def test_long_causes_table_lists_every_cause_with_the_primary_first(self, tmp_path):
        h = ck.read_history(write(tmp_path, "l.csv", FRENCH_CSV, "cp1252"))
        c = h.causes
        assert list(c.columns) == ["dispute_id", "cause", "is_primary"]
        two = c[c["dispute_id"] == h.disputes["dispute_id"].iloc[1]]
        assert two["cause"].tolist() == ["scope", "tone"]
        assert two["is_primary"].tolist() == [True, False]

    def test_open_dispute_is_censored_at_the_latest_date(self, tmp_path):
        h = ck.read_history(write(tmp_path, "l.csv", FRENCH_CSV))
        assert h.as_of == pd.Timestamp("2021-07-01")
        dur = h.durations()
        assert dur["resolved"].tolist() == [True, False, True]
        assert (
            dur["duration_days"].iloc[1]
            == (pd.Timestamp("2021-07-01") - pd.Timestamp("2021-05-25")).days
        )

    def test_tab_separated(self, tmp_path):
        text = "client\topened_at\tcauses\nA\t2024-01-01\tpayment, tone\n"
        h = ck.read_history(write(tmp_path, "x.tsv", text))
        assert h.disputes["causes"].iloc[0] == "payment;tone"


def test_cp1252_bytes_after_a_long_ascii_start_are_still_decoded(tmp_path):
    rows = "".join(f"client {i},2024-01-01,payment\n" for i in range(5000))
    text = "client,opened_at,causes\n" + rows + "Société Générale,2024-01-02,délais\n"
    h = ck.read_history(write(tmp_path, "late.csv", text, "cp1252"))
    assert len(h) == 5001
    assert h.disputes["client"].iloc[-1] == "Société Générale"
    assert h.disputes["primary_cause"].iloc[-1] == "deadlines"


def test_us_dates_are_decided_from_the_unambiguous_values(tmp_path):
    text = "client,opened_at\nA,4/7/2021\nB,12/25/2021\nC,1/2/2022\n"
    h = ck.read_history(write(tmp_path, "us.csv", text))
    assert h.disputes["opened_at"].tolist() == [
        pd.Timestamp("2021-04-07"),
        pd.Timestamp("2021-12-25"),
        pd.Timestamp("2022-01-02"),
    ]


def test_ambiguous_date_column_says_how_to_choose(tmp_path):
    text = "client,opened_at\nA,03/04/2021\nB,05/06/2021\n"
    path = write(tmp_path, "amb.csv", text)
    with pytest.raises(DisputeDataError, match=r"'opened_at'.*pass dayfirst=True"):
        ck.read_history(path)
    h = ck.read_history(path, dayfirst=False)
    assert h.disputes["opened_at"].iloc[0] == pd.Timestamp("2021-03-04")


def test_ambiguous_column_borrows_the_order_of_the_other_date_column(tmp_path):
    text = "client,opened_at,resolved_at\nA,03/04/2021,25/04/2021\n"
    h = ck.read_history(write(tmp_path, "d.csv", text))
    assert h.disputes["opened_at"].iloc[0] == pd.Timestamp("2021-04-03")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-04-07", "2021-04-07"),
        ("7 avril 2021", "2021-04-07"),
        ("1er mai 2021", "2021-05-01"),
        ("April 7, 2021", "2021-04-07"),
        ("7 Apr 2021", "2021-04-07"),
        ("17 août 2021", "2021-08-17"),
        ("17/08/21", "2021-08-17"),
    ],
)
def test_date_spellings(text, expected):
    h = History.from_frames(frame(opened_at=[text]))
    assert h.disputes["opened_at"].iloc[0] == pd.Timestamp(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 500,00 €", 1500.0),
        ("1\u202f500,50", 1500.5),
        ("1,500.00", 1500.0),
        ("€1500", 1500.0),
        ("$2,300", 2300.0),
        ("1.500,25 EUR", 1500.25),
        ("12", 12.0),
    ],
)
def test_amount_spellings(text, expected):
    h = History.from_frames(frame(amount_at_stake=[text]))
    assert h.disputes["amount_at_stake"].iloc[0] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("périmètre", ["scope"]),
        ("PERIMETRE", ["scope"]),
        ("cahier des charges", ["scope"]),
        ("hors périmètre", ["scope"]),
        ("scope creep", ["scope"]),
        ("délais", ["deadlines"]),
        ("retard de livraison", ["deadlines"]),
        ("planning", ["deadlines"]),
        ("retard de paiement", ["payment"]),
        ("facture impayée", ["payment"]),
        ("late payment", ["payment"]),
        ("ton directif", ["tone"]),
        ("confiance", ["trust"]),
        ("méfiance", ["trust"]),
        ("autre", ["other"]),
        ("payment;tone", ["payment", "tone"]),
        ("payment, tone", ["payment", "tone"]),
        ("payment|tone", ["payment", "tone"]),
        ("payment/tone", ["payment", "tone"]),
        ("payment + tone", ["payment", "tone"]),
        ("Paiement; paiement", ["payment"]),
        ("retard de paiement client", ["payment"]),
    ],
)
def test_cause_spellings(text, expected):
    h = History.from_frames(frame(causes=[text]))
    assert h.causes["cause"].tolist() == expected
    assert h.disputes["primary_cause"].iloc[0] == expected[0]


def test_cause_map_extends_the_vocabulary_as_a_dict_or_a_function():
    df = frame(causes=["souci de licence", "payment"])
    with pytest.raises(DisputeDataError, match="'souci de licence' is not a cause"):
        History.from_frames(df)
    h = History.from_frames(df, cause_map={"Souci de licence": "scope"})
    assert h.disputes["primary_cause"].tolist() == ["scope", "payment"]
    h = History.from_frames(
        df, cause_map=lambda s: Cause.SCOPE if "licence" in s.lower() else None
    )
    assert h.disputes["primary_cause"].tolist() == ["scope", "payment"]


@pytest.mark.parametrize(
    ("column", "texts", "expected"),
    [
        ("outcome", ["amiable", "Compromis", "concédé", "gain de cause", "abandonné"],
         ["amicable", "compromise", "conceded", "prevailed", "abandoned"]),
        ("severity", ["faible", "Moyenne", "élevée", "critique"],
         ["low", "medium", "high", "critical"]),
        ("escalation", ["dialogue", "proposition", "médiation", "tribunal"],
         ["dialogue", "proposal", "mediation", "court"]),
        ("client_retained", ["oui", "non", "Yes", "x"], [True, False, True, True]),
    ],
)  # fmt: skip
def test_label_spellings(column, texts, expected):
    df = frame(**{column: texts}, resolved_at=["2024-02-01"] * len(texts))
    got = History.from_frames(df).disputes[column].tolist()
    assert got == expected


def test_unlabelled_disputes_are_kept_and_counted():
    h = History.from_frames(frame(causes=["payment", None, "  "]))
    assert len(h) == 3
    assert h.disputes["primary_cause"].isna().sum() == 2
    assert len(h.causes) == 1
    assert "2 unlabelled" in repr(h)
    assert len(h.unlabelled()) == 2


def test_typed_frames_built_in_code_are_accepted():
    df = pd.DataFrame(
        {
            "client": ["A", "B"],
            "opened_at": pd.to_datetime(["2024-01-01", "2024-02-01"]),
            "causes": [[Cause.PAYMENT, Cause.TONE], ("scope",)],
            "amount_at_stake": [100, 2.5],
            "followup_sent": [True, False],
        }
    )
    h = History.from_frames(df)
    assert h.causes["cause"].tolist() == ["payment", "tone", "scope"]
    assert h.disputes["amount_at_stake"].tolist() == [100.0, 2.5]
    assert h.disputes["followup_sent"].tolist() == [True, False]


def test_from_frames_does_not_mutate_its_input():
    df = frame(causes=["retard de paiement"], amount_at_stake=["1 500 €"])
    before = df.copy(deep=True)
    History.from_frames(df)
    pd.testing.assert_frame_equal(df, before)


def test_a_history_rebuilds_from_its_own_frames():
    h = History.from_frames(
        frame(causes=["payment;tone", None], client=["A", "B"]), MISSIONS.iloc[:0]
    )
    again = History.from_frames(h.disputes, h.missions, as_of=h.as_of)
    pd.testing.assert_frame_equal(again.disputes, h.disputes)
    pd.testing.assert_frame_equal(again.causes, h.causes)


def test_extra_columns_are_kept_named_and_listed(tmp_path):
    text = "client,opened_at,Projet\nA,2024-01-01,Refonte site\n"
    with pytest.warns(ck.ConflictkitWarning, match="1 column is not used: 'Projet'"):
        h = ck.read_history(write(tmp_path, "x.csv", text))
    assert h.disputes["Projet"].iloc[0] == "Refonte site"
    assert h.unused_columns == ("Projet",)


def test_explicit_as_of_and_disputes_after_it(tmp_path):
    df = frame(opened_at=["2024-01-10", "2024-06-01"])
    h = History.from_frames(df.iloc[:1], as_of="2024-03-01")
    assert h.as_of == pd.Timestamp("2024-03-01")
    with pytest.raises(DisputeDataError, match=r"row 3 .*'opened_at': is after as_of"):
        History.from_frames(df, as_of="2024-03-01")


# ---------------------------------------------------------------- bad input
def test_every_bad_row_is_reported_at_once_with_row_column_value_and_reason():
    df = pd.DataFrame(
        {
            "dispute_id": ["D-1", "D-2", "D-3", "D-1", "D-5", "D-6"],
            "client": ["A", "", "B", "C", "D", "E"],
            "opened_at": ["2023-02-10", "2023-02-10", "2023-02-30", "2023-01-01",
                          "2023-02-10", "2023-02-10"],
            "resolved_at": ["2023-01-04", None, None, None, None, None],
            "causes": ["payment", "payment", "scoop", "tone", "tone", "tone"],
            "outcome": [None, None, None, None, "amiable", None],
            "amount_at_stake": [None, None, None, None, None, "-5"],
        }
    )  # fmt: skip
    with pytest.raises(DisputeDataError) as info:
        History.from_frames(df)
    f = info.value.failures
    assert list(f.columns) == [
        "table",
        "row",
        "dispute_id",
        "column",
        "value",
        "problem",
        "header",
    ]
    got = set(zip(f["row"], f["column"], strict=True))
    assert got == {
        (2, "resolved_at"),
        (3, "client"),
        (4, "opened_at"),
        (4, "causes"),
        (5, "dispute_id"),
        (7, "amount_at_stake"),
    }
    msg = str(info.value)
    assert "row 4 (dispute_id='D-3'), column 'causes': 'scoop' is not a cause" in msg
    assert "(did you mean 'scope'?)" in msg
    assert "2023-01-04 is before opened_at 2023-02-10" in msg
    assert "duplicated: the same id is in row 2" in msg
    assert f.loc[f["column"] == "amount_at_stake", "value"].item() == "-5"


def test_collect_keeps_good_rows_and_rejects_bad_rows_untouched(tmp_path):
    text = (
        "client;opened_at;causes;amount_at_stake\n"
        "A;2024-01-01;payment;1 000\n"
        "B;2024-13-01;payment;10\n"
        "C;2024-01-03;scoop;10\n"
        "D;2024-01-04;tone;10\n"
    )
    path = write(tmp_path, "x.csv", text)
    with pytest.warns(ck.ConflictkitWarning, match="2 rows rejected") as record:
        h = ck.read_history(path, errors="collect")
    assert record[0].filename == __file__  # points at the caller, not the library
    assert h.disputes["client"].tolist() == ["A", "D"]
    assert h.rejected.index.tolist() == [3, 4]
    assert h.rejected.loc[3, "opened_at"] == "2024-13-01"  # untouched text
    assert "'scoop' is not a cause" in h.rejected.loc[4, "problems"]
    assert set(h.causes["dispute_id"]) == set(h.disputes["dispute_id"])


def test_corrupted_file_accounts_for_every_row(tmp_path):
    lines = ["dispute_id,client,opened_at,resolved_at,causes,outcome"]
    rng = np.random.default_rng(3)
    n = 300
    for i in range(n):
        kind = rng.integers(0, 8)
        row = [f"D-{i}", f"client {i % 7}", "2024-01-05", "2024-01-20", "payment",
               "amiable"]  # fmt: skip
        if kind == 1:
            row[2] = "not a date"
        elif kind == 2:
            row[3] = "2023-12-31"
        elif kind == 3:
            row[4] = "scoop"
        elif kind == 4:
            row.append("extra field")
        elif kind == 5:
            row[1] = ""
        lines.append(",".join(row))
    lines.insert(50, "D-dup,client 1,2024-01-05,,tone,")
    lines.insert(51, "D-dup,client 1,2024-01-05,,tone,")
    path = write(tmp_path, "broken.csv", "\n".join(lines) + "\n")
    with pytest.warns(ck.ConflictkitWarning):
        h = ck.read_history(path, errors="collect")
    rows_read = len(lines) - 1
    assert len(h.disputes) + len(h.rejected) == rows_read
    assert len(h.rejected) > 50
    assert h.rejected.index.is_unique
    assert set(h.rejected.index) | set(range(2, rows_read + 2)) == set(
        range(2, rows_read + 2)
    )
    extra = h.rejected["problems"].str.contains("7 fields where the header has 6")
    assert extra.sum() == sum(ln.endswith("extra field") for ln in lines)


def test_too_many_fields_names_the_row(tmp_path):
    path = write(tmp_path, "x.csv", "client,opened_at\nA,2024-01-01\nB,2024-01-02,x\n")
    with pytest.raises(
        DisputeDataError, match=r"row 3: 3 fields where the header has 2"
    ):
        ck.read_history(path)


def test_unclosed_quote_names_the_row(tmp_path):
    text = (
        'client,opened_at,notes\nA,2024-01-01,ok\nB,2024-01-02,"oops\nC,2024-01-03,x\n'
    )
    with pytest.raises(DisputeDataError, match=r"row 3: unclosed quote"):
        ck.read_history(write(tmp_path, "x.csv", text))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"   \n\n", "the file is empty"),
        (b"client,opened_at\nA\x00B,2024-01-01\n", "NUL bytes"),
        (bytes(range(256)) * 20, "NUL bytes|binary"),
        (b"\x89PNG\r\n\x1a\n" + bytes([3, 4, 5, 6, 7, 8]) * 400, "binary"),
    ],
)
def test_unreadable_files_raise_a_clear_error(tmp_path, content, message):
    with pytest.raises(DisputeDataError, match=message):
        ck.read_history(write(tmp_path, "x.csv", content))


def test_missing_required_column_lists_the_headers_found(tmp_path):
    path = write(tmp_path, "x.csv", "qui,quand\nA,2024-01-01\n")
    with pytest.raises(DisputeDataError, match=r"required column 'client' is missing"):
        ck.read_history(path)
    h = ck.read_history(path, columns={"qui": "client", "quand": "opened_at"})
    assert h.disputes["client"].tolist() == ["A"]


def test_bad_errors_argument():
    with pytest.raises(ValueError, match="The value for `errors` must be one of"):
        History.from_frames(frame(), errors="ignore")


# ---------------------------------------------------------------- missions
MISSIONS = pd.DataFrame(
    {
        "mission_id": ["M1", "M2", "M3"],
        "client": ["Acme", "Acme", "Beta"],
        "started_at": ["2024-01-01", "2024-03-01", "2024-01-15"],
        "ended_at": ["2024-01-31", None, "2024-01-19"],
        "contract": ["forfait", "régie", "retainer"],
        "written_scope": ["oui", "non", None],
        "checkin_every_days": ["7", None, "14"],
    }
)


def test_missions_days_are_business_days_when_absent():
    d = frame(mission_id=["M1"], opened_at=["2024-01-10"])
    h = History.from_frames(d, MISSIONS, as_of="2024-03-29")
    m = h.missions.set_index("mission_id")
    assert m.loc["M1", "days"] == 23  # January 2024 has 23 weekdays
    assert m.loc["M3", "days"] == 5
    assert m.loc["M2", "days"] == 21  # ongoing: to as_of
    assert m["contract"].tolist() == ["fixed_price", "time_and_materials", "retainer"]
    assert m["written_scope"].tolist()[:2] == [True, False]


def test_dispute_mission_links_are_checked():
    d = pd.DataFrame(
        {
            "client": ["Acme", "Acme", "Acme"],
            "opened_at": ["2024-01-10"] * 3,
            "mission_id": ["M1", "M9", "M3"],
        }
    )
    with pytest.raises(DisputeDataError) as info:
        History.from_frames(d, MISSIONS)
    msg = str(info.value)
    assert "row 3 (dispute_id='D-0002'), column 'mission_id': no mission" in msg
    assert "row 4 (dispute_id='D-0003'), column 'mission_id': belongs to client" in msg


def test_a_dispute_of_a_rejected_mission_is_rejected_too():
    m = MISSIONS.assign(started_at=["2024-01-01", "2024-03-01", "yesterday"])
    d = frame(client=["Beta", "Acme"], mission_id=["M3", "M1"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ck.ConflictkitWarning)
        h = History.from_frames(d, m, errors="collect")
    assert h.disputes["mission_id"].tolist() == ["M1"]
    assert "rejected in missions row 4" in h.rejected.loc[2, "problems"]
    assert h.rejected_missions.index.tolist() == [4]


# ---------------------------------------------------------------- CFPB export
def test_real_cfpb_export_reads_with_columns_and_cause_map():
    """A real public export nobody here wrote (see tests/data/SOURCE.md)."""
    from pathlib import Path

    path = Path(__file__).parent / "data" / "cfpb_complaints_excerpt.csv"
    raw = pd.read_csv(path, dtype=str)
    issue_map = {
        "Loan modification,collection,foreclosure": "payment",
        "Loan servicing, payments, escrow account": "payment",
        "Incorrect information on credit report": "trust",
        "Cont'd attempts collect debt not owed": "payment",
        "Communication tactics": "tone",
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ck.ConflictkitWarning)
        h = ck.read_history(
            path,
            columns={
                "company": "client",
                "date_received": "opened_at",
                "date_sent_to_company": "resolved_at",
                "complaint_id": "dispute_id",
            },
            errors="collect",
        )
    n_rejected = 0 if h.rejected is None else len(h.rejected)
    assert len(h.disputes) + n_rejected == len(raw)
    # the sent date is a day before the received date in a few rows: rejected
    lag = pd.to_datetime(raw["date_sent_to_company"]) < pd.to_datetime(
        raw["date_received"]
    )
    assert n_rejected == int(lag.sum())
    # US dates without zero padding
    first = raw.iloc[0]
    row = h.disputes.set_index("dispute_id").loc[first["complaint_id"]]
    assert row["opened_at"] == pd.to_datetime(first["date_received"], format="%m/%d/%Y")
    assert "issue" in h.disputes.columns  # unmapped columns kept

    # causes through cause_map: an issue cell holds commas, so the whole cell
    # is offered to the function before it is split.
    with pytest.warns(ck.ConflictkitWarning, match="14 columns are not used"):
        h2 = ck.read_history(
            path,
            columns={"company": "client", "date_received": "opened_at",
                     "issue": "causes", "complaint_id": "dispute_id"},
            cause_map=lambda s: issue_map.get(s.strip(), Cause.OTHER),
        )  # fmt: skip
    assert len(h2) == len(raw)
    expected = raw["issue"].map(issue_map).fillna("other")
    got = h2.disputes.set_index("dispute_id").loc[raw["complaint_id"], "primary_cause"]
    assert got.astype(str).tolist() == expected.tolist()


_ = codecs


def test_xlsx_with_typed_cells_and_french_sheet_names(tmp_path):
    """A workbook typed by hand in a spreadsheet: real dates, numbers, booleans."""
    import datetime as dt

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Litiges"
    ws.append(["Client", "Ouvert le", "Résolu le", "Motif", "Montant en jeu",
               "Suivi envoyé", "Mission"])  # fmt: skip
    ws.append(["Acme", dt.datetime(2021, 4, 7), dt.date(2021, 4, 21),
               "Retard de paiement", 1500.5, True, "M1"])  # fmt: skip
    ws.append(["Acme", dt.datetime(2021, 5, 25), None, "périmètre", 800, False,
               "M1"])  # fmt: skip
    ms = wb.create_sheet("Missions")
    ms.append(["Mission", "Client", "Début", "Fin", "Contrat", "Périmètre écrit"])
    ms.append(["M1", "Acme", dt.datetime(2021, 3, 1), None, "Régie", "oui"])
    path = tmp_path / "journal.xlsx"
    wb.save(path)
    h = ck.read_history(path)
    d = h.disputes
    assert d["opened_at"].tolist() == [pd.Timestamp("2021-04-07"),
                                       pd.Timestamp("2021-05-25")]  # fmt: skip
    assert d["resolved_at"].iloc[0] == pd.Timestamp("2021-04-21")
    assert d["amount_at_stake"].tolist() == [1500.5, 800.0]
    assert d["followup_sent"].tolist() == [True, False]
    assert d["primary_cause"].tolist() == ["payment", "scope"]
    m = h.missions
    assert m["contract"].tolist() == ["time_and_materials"]
    assert m["written_scope"].tolist() == [True]
    assert m["days"].iloc[0] > 0  # ongoing: business days up to as_of


def test_an_undecided_date_column_borrows_the_order_of_a_decided_one():
    df = pd.DataFrame(
        {
            "client": ["A", "B"],
            "opened_at": ["03/04/2021", "05/06/2021"],
            "resolved_at": ["04/04/2021", "07/08/2021"],
        }
    )
    with pytest.raises(DisputeDataError, match="'03/04/2021' read both"):
        History.from_frames(df)
    decided = df.assign(opened_at=["03/04/2021", "25/06/2021"])
    h = History.from_frames(decided)
    assert h.disputes["resolved_at"].tolist() == [
        pd.Timestamp("2021-04-04"),
        pd.Timestamp("2021-08-07"),
    ]


def test_too_few_fields_agrees_with_one(tmp_path):
    path = write(tmp_path, "x.csv", "client,opened_at\nA,2024-01-01\nB\n")
    with pytest.warns(ck.ConflictkitWarning):
        h = ck.read_history(path, errors="collect")
    problem = h.rejected["problems"].iloc[0]
    assert "1 field where the header has 2" in problem
    from conflictkit._i18n._problems import problem_text

    assert problem_text(problem, "fr") == "1 champ alors que l'en-tête en a 2"


def test_missions_with_the_reports_french_practice_labels(tmp_path):
    # the report's own labels, typed back as headers (Excel FR: ';' and cp1252)
    disputes = write(
        tmp_path, "litiges.csv",
        "Client;Date du litige;Mission\nAcme;15/03/2024;M1\n", "cp1252",
    )  # fmt: skip
    missions = write(
        tmp_path, "missions.csv",
        "Mission;Client;Début;Périmètre écrit;Comptes rendus;Points réguliers\n"
        "M1;Acme;13/03/2024;oui;non;7\n"
        "M2;Acme;20/06/2024;non;oui;\n", "cp1252",
    )  # fmt: skip
    h = ck.read_history(disputes, missions=missions)
    m = h.missions.set_index("mission_id")
    assert m.loc["M1", "checkin_every_days"] == 7
    assert pd.isna(m.loc["M2", "checkin_every_days"])  # unknown, not 0
    assert list(m["written_scope"]) == [True, False]
    assert list(m["meeting_minutes"]) == [False, True]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_practice_label_of_the_report_reads_as_its_column(lang):
    from conflictkit._i18n import t
    from conflictkit.io._columns import _alias

    columns = {"written_scope": "written_scope", "meeting_minutes": "meeting_minutes",
               "regular_checkins": "checkin_every_days"}  # fmt: skip
    for practice, column in columns.items():
        assert _alias(t(f"practice.{practice}", lang), "missions") == column
