"""scan_history: chunked validation with read_history's rules, and the analyses
out of core giving the same frames as in memory (to 1e-9)."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import conflictkit as ck

DATA = Path(__file__).parent / "data"

#: (analysis, keyword arguments) compared on both paths.
CASES = [
    ("cause_counts", {}),
    ("cause_counts", {"by": "client"}),
    ("cause_counts", {"by": "year"}),
    ("cause_counts", {"by": "quarter", "primary_only": True}),
    ("cause_counts", {"by": "month"}),
    ("cause_counts", {"by": "severity"}),
    ("cause_trend", {}),
    ("cause_trend", {"freq": "ME"}),
    ("trend_summary", {}),
    ("trend_summary", {"freq": "QE", "variance": "quasi"}),
    ("dispute_rates", {}),
    ("dispute_rates", {"by": None}),
    ("dispute_rates", {"by": "written_scope"}),
    ("recurring_causes", {}),
    ("time_to_resolution", {}),
    ("time_to_resolution", {"by": "cause"}),
    ("time_to_resolution", {"by": "client"}),
    ("time_to_resolution", {"by": "severity"}),
    ("outcomes_by_cause", {}),
    ("client_profiles", {}),
    ("client_profiles", {"lang": "fr"}),
]


def run(name, history, kwargs):
    """The analysis' frame and the kinds of warnings it gave."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = getattr(ck, name)(history, **kwargs)
    return out, sorted({w.category.__name__ for w in caught})


def assert_same(name, memory, scan, kwargs):
    a, wa = run(name, memory, kwargs)
    b, wb = run(name, scan, kwargs)
    pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-9, atol=0)
    assert wa == wb


def quiet(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ck.ConflictkitWarning)
        return fn(*args, **kwargs)


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """A generated career written to Parquet, read both ways (several chunks)."""
    folder = tmp_path_factory.mktemp("scan")
    h = ck.make_history(n_clients=40, years=6, seed=3)
    ck.write_history(h, folder / "log.parquet")
    d, m = folder / "log.parquet", folder / "log_missions.parquet"
    memory = ck.read_history(d, missions=m)
    scan = ck.scan_history(d, missions=m, chunk_rows=97)
    return memory, scan


@pytest.mark.parametrize(("name", "kwargs"), CASES)
def test_analyses_out_of_core_equal_in_memory(planted, name, kwargs):
    memory, scan = planted
    assert_same(name, memory, scan, kwargs)


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [c for c in CASES if c[0] != "dispute_rates"],
)
def test_analyses_without_missions_equal_in_memory(tmp_path, name, kwargs):
    h = ck.load_example()
    ck.write_history(h, tmp_path / "log.csv")
    memory = ck.read_history(tmp_path / "log.csv", as_of="2026-01-01")
    scan = ck.scan_history(tmp_path / "log.csv", as_of="2026-01-01", chunk_rows=50)
    assert scan.as_of == memory.as_of
    assert_same(name, memory, scan, kwargs)


def test_median_gaps_taken_a_slice_of_clients_at_a_time(planted, monkeypatch):
    from conflictkit.analysis import _outofcore

    memory, scan = planted
    monkeypatch.setattr(_outofcore, "GAP_ROWS", 10)  # about 7 slices here
    assert_same("recurring_causes", memory, scan, {})


@pytest.mark.parametrize("by", [None, "cause", "client", "severity"])
def test_durations_taken_whole_groups_a_batch_at_a_time(planted, monkeypatch, by):
    from conflictkit.analysis import _outofcore

    memory, scan = planted
    monkeypatch.setattr(_outofcore, "DURATION_ROWS", 7)
    batches = list(_outofcore.duration_batches(scan, by))
    gids = [b["gid"] for b in batches]
    if by in ("client", "severity"):
        assert len(batches) > 3
    # sorted by group, no group split between two batches, no row lost
    every = np.concatenate(gids)
    assert (np.diff(every) >= 0).all()
    assert all(a[-1] < b[0] for a, b in zip(gids, gids[1:], strict=False))
    assert sum(int(b["n"].sum()) for b in batches) == int(
        scan.query(
            "SELECT count(*) AS n FROM "
            + ("causes" if by == "cause" else "disputes")
            + " WHERE resolved_at IS NOT NULL OR outcome IS NULL"
        )["n"][0]
    )
    assert_same("time_to_resolution", memory, scan, {"by": by})
    assert_same("time_to_resolution", memory, scan, {"by": by, "confidence_level": 0.8})


def test_generated_career_matches_row_for_row(planted):
    memory, scan = planted
    assert len(scan) == len(memory) == scan.n_read
    assert scan.as_of == memory.as_of
    back = scan.collect()
    pd.testing.assert_frame_equal(
        back.disputes.drop(columns="causes"),
        memory.disputes.drop(columns="causes"),
    )


# ------------------------------------------------------------- messy files
def _messy(folder: Path) -> tuple[Path, Path]:
    """A spreadsheet export with problems spread over several chunks."""
    h = ck.make_history(n_clients=12, years=3, seed=5)
    d = h.disputes.drop(columns=["primary_cause"]).copy()
    d = d.astype(dict.fromkeys(d.columns, object))
    for c in ("opened_at", "resolved_at"):
        d[c] = h.disputes[c].dt.strftime("%d/%m/%Y").astype(object)
    d.loc[3, "opened_at"] = "31/02/2021"  # no such day
    d.loc[10, "causes"] = "scoop"  # not a cause
    d.loc[25, "dispute_id"] = d.loc[2, "dispute_id"]  # used again, later chunk
    d.loc[40, "resolved_at"] = "01/01/1990"  # before opened_at
    d.loc[41, "client"] = None
    d.loc[44, "mission_id"] = "M-NOPE"  # no such mission
    other = h.missions.loc[h.missions["client"] != d.loc[47, "client"], "mission_id"]
    d.loc[47, "mission_id"] = other.iloc[0]  # another client's mission
    m = h.missions.copy()
    m.loc[5, "started_at"] = pd.NaT  # a mission rejected: its disputes follow
    d.loc[d["mission_id"] == m.loc[5, "mission_id"], "notes"] = "linked to bad m"
    m.loc[9, "mission_id"] = m.loc[1, "mission_id"]  # duplicated mission id
    rows = d.to_dict("records")
    rows.insert(30, dict.fromkeys(d.columns))  # a blank row
    path = folder / "export.csv"
    pd.DataFrame(rows).to_csv(path, sep=";", index=False, encoding="cp1252")
    mpath = folder / "missions.csv"
    m.to_csv(mpath, sep=";", index=False, date_format="%d/%m/%Y", encoding="cp1252")
    return path, mpath


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    folder = tmp_path_factory.mktemp("messy")
    path, mpath = _messy(folder)
    memory = quiet(ck.read_history, path, missions=mpath, errors="collect")
    side = folder / "rejected.csv"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ck.ConflictkitWarning)
        scan = ck.scan_history(
            path, missions=mpath, rejected=side, chunk_rows=8, dayfirst=True
        )
    messages = [str(w.message) for w in caught]
    assert any("rows rejected" in m and str(side) in m for m in messages)
    return memory, scan, side


def test_messy_file_rejects_the_same_rows(messy):
    memory, scan, side = messy
    rejected = pd.read_csv(side)
    assert sorted(rejected["row"]) == sorted(memory.rejected.index)
    assert scan.n_rejected == len(memory.rejected)
    assert scan.n_rejected_missions == len(memory.rejected_missions)
    # rows read = rows kept + rows rejected + rows skipped
    assert scan.n_read == len(scan) + scan.n_rejected + sum(scan.skipped.values())
    assert scan.skipped == memory.skipped == {"blank rows": 1}
    assert len(scan) == len(memory)


def test_messy_file_names_each_problem(messy):
    memory, _, side = messy
    rejected = pd.read_csv(side).set_index("row")
    for row, problems in memory.rejected["problems"].items():
        for part in problems.split("; "):  # every problem read_history names
            if "refers to a mission" in part or "duplicated" in part:
                continue  # named once the whole file is read: checked below
            assert part.split(": ", 1)[-1] in rejected.loc[row, "problems"]
    assert rejected["problems"].str.contains("duplicated: the same id is in row").any()
    assert rejected["problems"].str.contains("no mission with this id").any()
    assert rejected["problems"].str.contains("belongs to client").any()
    assert rejected["problems"].str.contains("refers to a mission rejected").any()
    missions = pd.read_csv(side.with_name("rejected_missions.csv"))
    assert missions["problems"].str.contains("duplicated mission id").any()


@pytest.mark.parametrize(("name", "kwargs"), CASES[::2])
def test_messy_file_analyses_equal_in_memory(messy, name, kwargs):
    memory, scan, _ = messy
    assert_same(name, memory, scan, kwargs)


def test_problems_raise_without_a_rejected_file(tmp_path):
    path, mpath = _messy(tmp_path)
    with pytest.raises(ck.DisputeDataError, match=r"row 5\b.*31/02/2021"):
        quiet(ck.scan_history, path, missions=mpath, chunk_rows=8, dayfirst=True)


def test_real_cfpb_export_out_of_core(tmp_path):
    """A public CFPB export nobody here wrote (tests/data/SOURCE.md)."""
    path = DATA / "cfpb_complaints_excerpt.csv"
    columns = {
        "company": "client",
        "date_received": "opened_at",
        "date_sent_to_company": "resolved_at",
        "complaint_id": "dispute_id",
        "issue": "causes",
    }
    issue_map = {
        "Loan modification,collection,foreclosure": "payment",
        "Incorrect information on credit report": "trust",
        "Communication tactics": "tone",
    }

    def cause_map(s):
        return issue_map.get(s.strip(), ck.Cause.OTHER)

    memory = quiet(ck.read_history, path, columns=columns, cause_map=cause_map,
                   errors="collect")  # fmt: skip
    side = tmp_path / "rejected.csv"
    scan = quiet(ck.scan_history, path, columns=columns, cause_map=cause_map,
                 rejected=side, chunk_rows=40)  # fmt: skip
    assert scan.n_rejected == len(memory.rejected) > 0  # sent before received
    assert sorted(pd.read_csv(side)["row"]) == sorted(memory.rejected.index)
    assert scan.unused_columns == memory.unused_columns
    for name, kwargs in [("cause_counts", {"by": "client"}),
                         ("time_to_resolution", {"by": "cause"}),
                         ("recurring_causes", {})]:  # fmt: skip
        assert_same(name, memory, scan, kwargs)


def test_french_excel_export_out_of_core():
    """cp1252, semicolons, day-first dates, blank rows and a TOTAL line."""
    path = DATA / "fr_excel_cp1252.csv"
    memory = quiet(ck.read_history, path)
    scan = quiet(ck.scan_history, path, chunk_rows=3)
    assert scan.skipped == memory.skipped == {"blank rows": 3, "total rows": 1}
    back = scan.collect()
    assert back.disputes["dispute_id"].tolist() == [f"L-00{i}" for i in range(1, 8)]
    assert back.disputes["client"].iloc[0] == "Société Générale des Eaux"
    np.testing.assert_array_equal(
        back.disputes["amount_at_stake"], memory.disputes["amount_at_stake"]
    )


# ------------------------------------------ one log saved three real ways
#: The same French log (tests/data/SOURCE.md) saved as Excel's "Texte
#: Unicode" (UTF-16 LE, BOM, tabs), by PowerShell's Export-Csv -Encoding
#: Unicode (UTF-16 LE, BOM, CRLF, every field quoted) and as Excel's cp1252
#: CSV touched up by hand (``;;;;;;;`` rows, an empty line, an unquoted 27").
#: Notes typed with Alt+Enter hold line breaks. The rows a spreadsheet
#: shows: L-006 (31/02/2022) on row 7, L-009 (3O/05/2022) on row 11, or 12
#: below the empty line; the blank rows each file holds.
SAVED_THREE_WAYS = {
    "fr_excel_texte_unicode_utf16.txt": ([7, 11], {"blank rows": 2}),
    "fr_export_powershell_utf16.csv": ([7, 11], {"blank rows": 1}),
    "fr_excel_cp1252_multiligne.csv": ([7, 12], {"blank rows": 4}),
}


@pytest.mark.parametrize("chunk_rows", [1, 2, 3, 5])
@pytest.mark.parametrize("name", list(SAVED_THREE_WAYS))
def test_utf16_and_multiline_exports_number_rows_as_read_history(
    tmp_path, name, chunk_rows
):
    """Pieces of 64 to 320 bytes: line breaks in notes and blank rows fall
    across their edges, and the rejected rows keep their spreadsheet rows."""
    path = DATA / name
    rows, skipped = SAVED_THREE_WAYS[name]
    memory = quiet(ck.read_history, path, errors="collect")
    side = tmp_path / "rejected.csv"
    scan = quiet(ck.scan_history, path, rejected=side, chunk_rows=chunk_rows)
    rejected = pd.read_csv(side, dtype=str, keep_default_na=False)
    assert rejected["row"].astype(int).tolist() == rows
    assert memory.rejected.index.tolist() == rows
    assert rejected["N°"].tolist() == ["L-006", "L-009"]
    assert rejected["problems"].tolist() == memory.rejected["problems"].tolist()
    assert set(rejected["file"]) == {str(path)}  # the file read, not a copy
    assert scan.skipped == memory.skipped == skipped
    assert scan.n_read == len(scan) + scan.n_rejected + sum(skipped.values())
    back = scan.collect().disputes
    pd.testing.assert_frame_equal(
        back.drop(columns="causes"), memory.disputes.drop(columns="causes")
    )
    assert (
        back["notes"].iloc[3] == "Réunion tendue ;\ncompte rendu envoyé\nle lendemain"
    )
    assert back["notes"].iloc[4] == 'écran 27" livré en retard'


def test_the_three_saves_read_alike():
    """The log read from each file is the same log."""
    first, *others = (
        quiet(ck.read_history, DATA / name, errors="collect")
        for name in SAVED_THREE_WAYS
    )
    assert len(first.disputes) == 10
    for other in others:
        pd.testing.assert_frame_equal(other.disputes, first.disputes)


def test_broken_utf16_file_is_refused_as_read_history_refuses_it(tmp_path):
    """A UTF-16 export cut short in the middle of a character (a copy that
    did not finish): the same message on both paths."""
    data = (DATA / "fr_excel_texte_unicode_utf16.txt").read_bytes()
    path = tmp_path / "cut.txt"
    path.write_bytes(data[: len(data) // 2 * 2 - 701])  # an odd number of bytes
    with pytest.raises(ck.DisputeDataError) as memory:
        quiet(ck.read_history, path)
    with pytest.raises(ck.DisputeDataError) as scan:
        quiet(ck.scan_history, path, chunk_rows=2)
    assert "not valid utf-16-le text" in str(scan.value)
    assert str(scan.value) == str(memory.value)


# ------------------------------------------------------------------ errors
def test_other_analyses_ask_for_collect(planted):
    _, scan = planted
    for fn in (ck.cause_cooccurrence, ck.prevention_effects, ck.survival_curves):
        with pytest.raises(TypeError, match=r"history\.collect\(where="):
            fn(scan)


def test_collect_brings_a_filter_into_memory(planted):
    memory, scan = planted
    client = memory.disputes["client"].iloc[0]
    part = scan.collect(where=f"client = '{client}'")
    assert isinstance(part, ck.History)
    assert len(part) == int((memory.disputes["client"] == client).sum())
    assert set(part.missions["client"]) <= {client}
    later = scan.collect(where="opened_at >= DATE '2016-01-01'")
    kept = memory.disputes["opened_at"] >= "2016-01-01"
    assert later.disputes["dispute_id"].tolist() == (
        memory.disputes.loc[kept, "dispute_id"].tolist()
    )
    assert len(ck.cause_cooccurrence(later)) > 0  # runs in memory


def test_missing_engine_says_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "duckdb", None)  # import duckdb fails
    with pytest.raises(ImportError, match=r'pip install "conflictkit\[scale\]"'):
        ck.scan_history(tmp_path / "log.parquet")


def test_bad_arguments_are_named(tmp_path):
    with pytest.raises(ValueError, match="`chunk_rows` must be a positive integer"):
        ck.scan_history(tmp_path / "x.parquet", chunk_rows=0)
    with pytest.raises(FileNotFoundError, match="No file matches"):
        ck.scan_history(str(tmp_path / "*.parquet"))
    (tmp_path / "log.json").write_text("[]")
    with pytest.raises(ck.DisputeDataError, match="use ck.read_history"):
        ck.scan_history(tmp_path / "log.json")


def test_temporary_files_go_with_the_object(tmp_path):
    ck.write_history(ck.load_example(), tmp_path / "log.parquet")
    scan = quiet(ck.scan_history, tmp_path / "log.parquet")
    folder = scan.workdir
    assert (folder / "disputes.parquet").exists()
    scan.close()
    assert not folder.exists()


# ---------------------------------------------------------------- progress
@pytest.fixture
def bars(monkeypatch):
    """Every progress bar scan_history makes, recorded instead of drawn."""
    import tqdm.auto

    made = []

    class Recorder:
        def __init__(self, **kwargs):
            self.kwargs, self.total, self.n = kwargs, kwargs["total"], 0
            self.descriptions, self.postfix, self.closed = [], None, False
            made.append(self)

        def update(self, rows):
            self.n += rows

        def set_description_str(self, text):
            self.descriptions.append(text)

        def set_postfix_str(self, text, refresh=True):
            self.postfix = text

        def refresh(self):
            pass

        def close(self):
            self.closed = True

    monkeypatch.setattr(tqdm.auto, "tqdm", Recorder)
    return made


def test_progress_counts_every_row_read(tmp_path, bars, monkeypatch):
    from conflictkit.io import _scan

    chunks = []
    validate = _scan.validate_chunk
    monkeypatch.setattr(
        _scan, "validate_chunk", lambda raw, *a: chunks.append(raw) or validate(raw, *a)
    )
    path, mpath = _messy(tmp_path)
    scan = quiet(ck.scan_history, path, missions=mpath, rejected=tmp_path / "r.csv",
                 chunk_rows=8, dayfirst=True)  # fmt: skip
    (bar,) = bars
    n_missions = len(pd.read_csv(mpath, sep=";", encoding="cp1252"))
    rows = len(pd.read_csv(path, sep=";", encoding="cp1252"))  # the blank row too
    assert scan.n_read == rows
    # the total announced is the rows in the files, and every one is counted
    assert bar.kwargs["total"] == bar.total == bar.n == rows + n_missions
    assert len(chunks) > 4
    assert bar.postfix == f"chunk {len(chunks)}"
    assert bar.kwargs["disable"] is None  # tqdm: quiet when not a terminal
    assert bar.descriptions == [
        "scan_history: missions",
        "scan_history: disputes",
        "scan_history: checks across chunks (ids, missions)",
    ]
    assert bar.closed


def test_progress_total_is_the_records_read_when_cells_span_lines(tmp_path, bars):
    h = ck.load_example()
    d = h.disputes.copy()
    d["notes"] = d["notes"].astype(object)
    d.loc[:4, "notes"] = "first line\nsecond line"  # five quoted line breaks
    path = tmp_path / "log.csv"
    d.drop(columns="primary_cause").to_csv(path, index=False)
    scan = quiet(ck.scan_history, path, as_of="2026-01-01", chunk_rows=40)
    (bar,) = bars
    assert bar.kwargs["total"] == len(d) + 5  # lines, before reading
    assert bar.total == bar.n == scan.n_read == len(d)  # records, once read


def test_progress_false_makes_no_bar(tmp_path, bars):
    ck.write_history(ck.load_example(), tmp_path / "log.parquet")
    scan = ck.scan_history(tmp_path / "log.parquet", progress=False, chunk_rows=50)
    assert len(scan) == 203
    assert bars == []
    with pytest.raises(ValueError, match="`progress` must be True or False"):
        ck.scan_history(tmp_path / "log.parquet", progress="no")


def test_progress_bar_drawn_in_a_terminal_only(tmp_path, capsys, monkeypatch):
    import io

    ck.write_history(ck.load_example(), tmp_path / "log.parquet")
    ck.scan_history(tmp_path / "log.parquet", chunk_rows=50)
    assert "scan_history" not in capsys.readouterr().err  # not a terminal

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    ck.scan_history(tmp_path / "log.parquet", chunk_rows=50)
    drawn = terminal.getvalue()
    assert "scan_history" in drawn
    assert "/203" in drawn
    assert " rows" in drawn


def test_parquet_chunks_do_not_hold_the_whole_file_in_arrow_memory(tmp_path):
    # pyarrow's pre_buffer read every row group ahead and kept what it read
    # until the file was closed: 0.6 GB of Arrow memory after 20M disputes
    import pyarrow as pa
    import pyarrow.parquet as pq

    from conflictkit.io._chunks import raw_chunks

    n, group = 60_000, 2_000
    rng = np.random.default_rng(0)
    table = pa.table(
        {
            "dispute_id": [f"D{i:07d}" for i in range(n)],
            "notes": [f"{x:x}" for x in rng.integers(0, 2**62, n)],  # no repeats
        }
    )
    path = tmp_path / "log.parquet"
    pq.write_table(table, path, row_group_size=group)
    del table
    before = pa.total_allocated_bytes()  # what other tests hold
    held = []
    for raw in raw_chunks(path, group):
        held.append(pa.total_allocated_bytes() - before)
        del raw
    assert len(held) == n // group
    # a chunk at a time: far less than the file (1.4 MB compressed)
    assert max(held) < path.stat().st_size / 2
