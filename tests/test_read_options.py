"""What a real export needs: columns=, cause_map=, where=, dayfirst=, rows skipped,
duplicates, impossible dates, an outcome without a resolution date."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import conflictkit as ck
from conflictkit import DisputeDataError, History


def frame(**cols):
    n = len(next(iter(cols.values())))
    base = {"client": ["Acme"] * n, "opened_at": ["2024-01-10"] * n}
    base.update(cols)
    return pd.DataFrame(base)


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_cause_map_value_none_means_no_cause():
    df = frame(causes=["No", "Late payment", "no"])
    h = History.from_frames(df, cause_map={"No": None})
    assert h.disputes["primary_cause"].isna().tolist() == [True, False, True]


def test_cause_map_value_may_be_several_causes_or_french():
    h = History.from_frames(frame(causes=["souci X"]),
                            cause_map={"souci X": "paiement;ton"})  # fmt: skip
    assert h.causes["cause"].astype(str).tolist() == ["payment", "tone"]


def test_cause_map_with_an_unknown_cause_says_so():
    with pytest.raises(ValueError, match="The values of `cause_map` must be causes"):
        History.from_frames(frame(causes=["x"]), cause_map={"x": "weather"})


def test_where_keeps_only_the_disputes_and_counts_the_rest(tmp_path):
    text = (
        "Customer,Date,Disputed\nA,2024-01-01,Yes\nB,2024-01-02,No\n"
        "C,2024-01-03,Yes\nD,2024-01-04,No\n"
    )
    path = write(tmp_path, "ar.csv", text)
    h = ck.read_history(path, where="Disputed == 'Yes'")
    assert h.disputes["client"].tolist() == ["A", "C"]
    assert h.skipped == {"left out by where=": 2}
    assert "2 rows skipped" in repr(h)
    with pytest.warns(ck.ConflictkitWarning, match="'Disputed'"):  # not named
        h2 = ck.read_history(path, where=lambda rows: rows["Disputed"].eq("Yes"))
    assert h2.disputes["client"].tolist() == ["A", "C"]


def test_where_keeps_row_numbers_as_in_the_file(tmp_path):
    text = "client,opened_at,keep\nA,2024-01-01,y\nB,bad date,n\nC,not a date,y\n"
    with pytest.raises(DisputeDataError) as info, pytest.warns(ck.ConflictkitWarning):
        ck.read_history(write(tmp_path, "x.csv", text), where=lambda r: r.keep == "y")
    assert info.value.failures["row"].tolist() == [4]


def test_bad_where_names_the_headers(tmp_path):
    path = write(tmp_path, "x.csv", "client,opened_at\nA,2024-01-01\n")
    with pytest.raises(ValueError, match=r"`where` could not be applied.*'client'"):
        ck.read_history(path, where="Disputed == 'Yes'")


def test_dayfirst_on_from_frames():
    df = frame(opened_at=["03/04/2021", "05/06/2021"])
    with pytest.raises(DisputeDataError, match="pass dayfirst=True"):
        History.from_frames(df)
    h = History.from_frames(df, dayfirst=True)
    assert h.disputes["opened_at"].tolist() == [pd.Timestamp("2021-04-03"),
                                                pd.Timestamp("2021-06-05")]  # fmt: skip
    h = History.from_frames(df, dayfirst=False)
    assert h.disputes["opened_at"].iloc[0] == pd.Timestamp("2021-03-04")


def test_columns_refuses_two_sources_for_one_target():
    df = frame(Motif=["payment"], Objet=["tone"])
    with pytest.raises(ValueError, match="'Motif' and 'Objet' both onto 'causes'"):
        History.from_frames(df, columns={"Motif": "causes", "Objet": "causes"})


def test_columns_naming_a_header_the_file_lacks_is_an_error():
    df = frame(Motif=["payment"])
    with pytest.raises(ValueError, match=r"'Motiff'.*did you mean 'Motif'"):
        History.from_frames(df, columns={"Motiff": "causes"})


def test_two_known_headers_for_one_column_without_columns_is_a_file_problem():
    df = frame(Motif=["payment"], Objet=["tone"])
    with pytest.raises(DisputeDataError, match="'Motif' and 'Objet' both mean"):
        History.from_frames(df)


def test_an_outcome_without_resolution_date_is_ended_date_unknown():
    df = frame(outcome=["compromis", None], resolved_at=[None, None])
    h = History.from_frames(df, as_of="2024-03-01")
    assert h.disputes["outcome"].tolist()[0] == "compromise"
    assert "(1 open)" in repr(h)
    durations = h.durations()
    assert durations["dispute_id"].tolist() == ["D-0002"]  # the ended one left out
    assert not durations["resolved"].any()


def test_duplicated_id_keeps_the_first_and_names_it(tmp_path):
    text = "id,client,opened_at\nD1,A,2024-01-01\nD2,B,2024-01-02\nD1,C,2024-01-03\n"
    with pytest.warns(ck.ConflictkitWarning, match="1 row rejected"):
        h = ck.read_history(write(tmp_path, "d.csv", text), errors="collect")
    assert h.disputes["client"].tolist() == ["A", "B"]
    assert "the same id is in row 2" in h.rejected.loc[4, "problems"]


@pytest.mark.parametrize(
    ("value", "problem"),
    [("1500", "'1500' is not a date \\(a number"), ("2021", "not a date"),
     ("1899-12-30", "is before 1970"), ("2030-01-01", "is after as_of")],
)  # fmt: skip
def test_impossible_dates_are_problems(value, problem):
    df = frame(opened_at=["2024-01-10", value])
    with pytest.raises(DisputeDataError, match=problem):
        History.from_frames(df, as_of="2024-06-01")


def test_derived_as_of_ignores_rejected_rows(tmp_path):
    text = "client,opened_at,causes\nA,2024-01-01,payment\nB,2031-05-01,scoop\n"
    with pytest.warns(ck.ConflictkitWarning):
        h = ck.read_history(write(tmp_path, "x.csv", text), errors="collect")
    assert h.as_of == pd.Timestamp("2024-01-01")


def test_quoted_iso_timestamps_are_read(tmp_path):
    text = 'client,opened_at\nA,"""2022-07-13T10:59:23Z"""\nB,\'2022-07-14\'\n'
    h = ck.read_history(write(tmp_path, "q.csv", text))
    assert h.disputes["opened_at"].dt.date.astype(str).tolist() == [
        "2022-07-13", "2022-07-14"]  # fmt: skip


def test_quotes_around_a_client_name_are_removed():
    h = History.from_frames(frame(client=['"Acme"', "« Nova »"]))
    assert h.disputes["client"].tolist() == ["Acme", "Nova"]


def test_blank_and_total_rows_are_skipped_and_counted(tmp_path):
    text = (
        "Client;Ouvert le;Montant\nA;13/02/2024;100\n;;\nB;03/02/2024;50\n"
        "TOTAL;;150\n;;;;;;\n"
    )
    path = write(tmp_path, "x.csv", text, "cp1252")
    with pytest.warns(ck.ConflictkitWarning) as record:
        h = ck.read_history(path)
    assert h.disputes["client"].tolist() == ["A", "B"]
    assert h.skipped == {"blank rows": 2, "total rows": 1}
    message = str(record[0].message)
    assert "2 blank rows (rows 3, 6)" in message
    assert "1 total row (row 5)" in message


def test_blank_rows_do_not_fail_errors_raise(tmp_path):
    text = "client,opened_at\nA,2024-01-01\n,\n\nB,2024-01-02\n"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ck.ConflictkitWarning)
        h = ck.read_history(write(tmp_path, "x.csv", text))
    assert len(h) == 2
    assert h.skipped == {"blank rows": 2}


def test_a_number_column_mapped_to_a_date_is_refused(tmp_path):
    text = "client,opened_at,amount\nA,2024-01-01,1500\nB,2024-01-02,2100\n"
    with pytest.raises(DisputeDataError, match=r"'1500' is not a date \(a number"):
        ck.read_history(write(tmp_path, "x.csv", text),
                        columns={"amount": "resolved_at"})  # fmt: skip


def test_errors_name_the_users_header(tmp_path):
    text = "Client;Ouvert le;Motif\nA;13/02/2024;scoop\n"
    with pytest.raises(DisputeDataError, match=r"column 'Motif' \(causes\): 'scoop'"):
        ck.read_history(write(tmp_path, "x.csv", text))


def test_unused_column_warning_suggests_canonical_names(tmp_path):
    text = "Client;Ouvert le;Facturé le\nA;13/02/2024;05/02/2024\n"
    with pytest.warns(ck.ConflictkitWarning, match=r"'Facturé le' \(resolved_at"):
        h = ck.read_history(write(tmp_path, "x.csv", text))
    assert h.unused_columns == ("Facturé le",)


def test_rows_read_are_kept_plus_rejected_plus_skipped(tmp_path):
    text = (
        "client,opened_at,causes,flag\nA,2024-01-01,payment,y\nB,2024-01-02,scoop,y\n"
        ",,,\nC,2024-01-03,tone,n\nTotal,,,\n"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ck.ConflictkitWarning)
        h = ck.read_history(write(tmp_path, "x.csv", text), errors="collect",
                            where="flag == 'y'")  # fmt: skip
    assert len(h) + len(h.rejected) + sum(h.skipped.values()) == 5


def test_an_ended_dispute_without_date_is_in_outcomes_not_in_durations():
    df = frame(
        client=["A", "B", "C", "D"],
        opened_at=["2024-01-01", "2024-01-05", "2024-02-01", "2024-02-10"],
        resolved_at=["2024-01-11", "2024-01-25", None, None],
        outcome=["amiable", "compromis", "abandonné", None],
        causes=["payment"] * 4,
    )
    h = History.from_frames(df, as_of="2024-03-01")
    without = History.from_frames(df.drop(index=2), as_of="2024-03-01")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ck.SmallSampleWarning)  # 3 disputes
        pd.testing.assert_frame_equal(
            ck.time_to_resolution(h), ck.time_to_resolution(without)
        )
        out = ck.outcomes_by_cause(h).set_index("cause")
    assert out.loc["payment", "n_outcome_known"] == 3
    assert out.loc["payment", "share_abandoned"] == pytest.approx(1 / 3)
