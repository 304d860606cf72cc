"""Tests for the dispute journal (SQLite)."""

from __future__ import annotations

import multiprocessing
import sqlite3
import time
from pathlib import Path

import pandas as pd
import pytest

import conflictkit as ck
from conflictkit.journal import (
    SCHEMA_VERSION,
    Journal,
    JournalError,
    default_journal_path,
)

DATA = Path(__file__).parent / "data"


@pytest.fixture
def journal(tmp_path):
    return Journal(tmp_path / "journal.sqlite")


def _count(journal):
    if not journal.path.exists():
        return 0
    with sqlite3.connect(f"file:{journal.path}?mode=ro", uri=True) as conn:
        return conn.execute("SELECT COUNT(*) FROM disputes").fetchone()[0]


class TestLocation:
    def test_default_is_in_the_user_data_dir(self, monkeypatch):
        import platformdirs

        monkeypatch.delenv("CONFLICTKIT_JOURNAL", raising=False)
        expected = platformdirs.user_data_dir("conflictkit")
        assert str(default_journal_path()) == f"{expected}/journal.sqlite"

    def test_environment_variable_moves_the_default(self, monkeypatch, tmp_path):
        monkeypatch.setenv("CONFLICTKIT_JOURNAL", str(tmp_path / "mine.sqlite"))
        journal = Journal()
        journal.add("Acme", opened_at="2024-01-10")
        assert (tmp_path / "mine.sqlite").exists()

    def test_explicit_path_wins_over_the_environment(self, monkeypatch, tmp_path):
        monkeypatch.setenv("CONFLICTKIT_JOURNAL", str(tmp_path / "env.sqlite"))
        Journal(tmp_path / "sub" / "arg.sqlite").add("Acme", opened_at="2024-01-10")
        assert (tmp_path / "sub" / "arg.sqlite").exists()
        assert not (tmp_path / "env.sqlite").exists()


class TestSchema:
    def test_new_journal_has_the_current_schema_version(self, journal):
        assert journal.schema_version == 0  # reading creates nothing
        journal.add("Acme", opened_at="2024-01-10")
        assert journal.schema_version == SCHEMA_VERSION == 3

    def test_uses_write_ahead_logging(self, journal):
        journal.add("Acme", opened_at="2024-01-10")
        with sqlite3.connect(journal.path) as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"

    def test_journal_from_a_newer_release_is_refused(self, tmp_path):
        path = tmp_path / "future.sqlite"
        Journal(path).add("Acme", opened_at="2024-01-10")
        with sqlite3.connect(path) as conn:
            conn.execute("PRAGMA user_version = 99")
        for call in (Journal(path).list, lambda: Journal(path).add("B")):
            with pytest.raises(JournalError, match="schema version 99, newer"):
                call()

    def test_migrations_run_from_the_stored_version(self, tmp_path, monkeypatch):
        from conflictkit.journal import _store

        path = tmp_path / "old.sqlite"
        Journal(path).add("Acme", opened_at="2024-01-10")
        now = _store.SCHEMA_VERSION
        monkeypatch.setitem(
            _store.MIGRATIONS, now + 1, ["ALTER TABLE disputes ADD COLUMN mood TEXT"]
        )
        monkeypatch.setattr(_store, "SCHEMA_VERSION", now + 1)
        j = Journal(path)
        assert len(j.list()) == 1  # reading does not migrate
        assert j.schema_version == now
        j.add("Nova", opened_at="2024-01-11")
        assert j.schema_version == now + 1
        assert len(j.list()) == 2
        with sqlite3.connect(path) as conn:
            cols = [r[1] for r in conn.execute("PRAGMA table_info(disputes)")]
        assert "mood" in cols


class TestNextId:
    """The next ``D-NNNN`` comes from an index (schema 3), by today's rule."""

    def test_a_journal_written_with_schema_2_is_migrated(self, tmp_path):
        """tests/data/journal_v2.sqlite was written by the code of schema 2
        (SOURCE.md): generated ids, D-0042 and X1 typed, d-0050 typed in lower
        case, D-0060 typed then deleted. That code gave D-0052 next."""
        import shutil

        path = tmp_path / "journal.sqlite"
        shutil.copy(DATA / "journal_v2.sqlite", path)
        journal = Journal(path)
        assert journal.schema_version == 2
        assert sorted(journal.list()["dispute_id"]) == [
            "D-0001", "D-0002", "D-0042", "D-0051", "X1", "d-0050"]  # fmt: skip
        assert journal.add("Atelier Dupré", opened_at="2023-08-01") == "D-0052"
        assert journal.schema_version == SCHEMA_VERSION == 3
        with sqlite3.connect(path) as conn:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "disputes_id_number" in names
        assert len(journal.changes()) == 9  # the old audit trail is kept
        # typed ids, deletions and gaps count as they did
        assert journal.add("Acme", opened_at="2024-01-01", dispute_id="D-0100")
        assert journal.add("Acme", opened_at="2024-01-02") == "D-0101"
        journal.delete("D-0101")
        assert journal.add("Acme", opened_at="2024-01-03") == "D-0101"
        journal.delete("D-0100")
        assert journal.add("Acme", opened_at="2024-01-04") == "D-0102"

    def test_the_index_gives_what_reading_every_id_gives(self, journal):
        from conflictkit.journal import _store

        journal.add("Acme", opened_at="2024-01-10")
        odd = ["D-12abc", "D-", "D-x", "d-0031", "D- 7", "D-1e3", "X1", "D-0009.5",
               "DD-99", "D_77", "D-0000", "D-+40", "D--5"]  # fmt: skip
        for text in odd:
            journal.add("Acme", opened_at="2024-01-10", dispute_id=text)
        with sqlite3.connect(journal.path) as conn:
            by_index = _store._next_number(conn)
            plan = str(
                conn.execute(f"EXPLAIN QUERY PLAN {_store._NEXT_SQL}").fetchall()
            )
            every_id = conn.execute(  # the rule as it was, reading every id
                "SELECT MAX(CAST(substr(dispute_id, 3) AS INTEGER)) FROM disputes "
                "NOT INDEXED WHERE dispute_id LIKE 'D-%'"
            ).fetchone()[0]
        assert "disputes_id_number" in plan  # the index is read, not the table
        assert by_index == int(every_id or 0) + 1
        assert by_index == 41  # D-+40: SQLite reads "+40" as 40, as it did


class TestAddResolve:
    def test_add_returns_sequential_ids_and_stores_typed_values(self, journal):
        first = journal.add(
            "Acme",
            opened_at="7 avril 2024",
            causes="facture impayée;ton directif",
            notes="Relance",
            severity="haute",
            amount_at_stake="1 500,00 €",
        )
        second = journal.add("Globex", opened_at="2024-05-01", causes=["scope"])
        assert (first, second) == ("D-0001", "D-0002")
        d = journal.list()
        assert d["primary_cause"].tolist() == ["payment", "scope"]
        assert d["causes"].astype(str).tolist() == ["payment;tone", "scope"]
        assert d["opened_at"][0] == pd.Timestamp("2024-04-07")
        assert d["amount_at_stake"][0] == 1500.0
        assert d["severity"][0] == "high"

    def test_opened_at_defaults_to_today(self, journal):
        journal.add("Acme")
        assert journal.list()["opened_at"][0] == pd.Timestamp.today().normalize()

    def test_unknown_cause_is_refused_and_nothing_is_stored(self, journal):
        with pytest.raises(ck.DisputeDataError, match=r"'scoop' is not a cause"):
            journal.add("Acme", opened_at="2024-01-10", causes="scoop")
        assert _count(journal) == 0

    def test_duplicate_id_is_refused(self, journal):
        journal.add("Acme", opened_at="2024-01-10", dispute_id="X1")
        with pytest.raises(ck.DisputeDataError, match="'X1' is already in"):
            journal.add("Acme", opened_at="2024-01-11", dispute_id="X1")
        assert _count(journal) == 1

    def test_an_outcome_without_date_is_ended_on_an_unknown_day(self, journal):
        # issue 10: many logs record how a dispute ended but not the day
        i = journal.add("Acme", opened_at="2024-01-10", outcome="amicable")
        d = journal.history().disputes.set_index("dispute_id").loc[i]
        assert d["outcome"] == "amicable"
        assert pd.isna(d["resolved_at"])

    def test_resolve_records_the_outcome(self, journal):
        i = journal.add("Acme", opened_at="2024-01-10", causes="payment")
        journal.resolve(
            i,
            resolved_at="2024-02-01",
            outcome="compromis",
            client_retained=True,
            amount_recovered=300,
        )
        d = journal.list()
        assert d["resolved_at"][0] == pd.Timestamp("2024-02-01")
        assert d["outcome"][0] == ck.Outcome.COMPROMISE
        assert bool(d["client_retained"][0]) is True
        assert d["amount_recovered"][0] == 300.0
        assert journal.list(open_only=True).empty

    def test_resolve_before_opening_is_refused_and_row_unchanged(self, journal):
        i = journal.add("Acme", opened_at="2024-01-10")
        with pytest.raises(ck.DisputeDataError, match="is before opened_at"):
            journal.resolve(i, resolved_at="2023-12-01", outcome="amicable")
        assert journal.list()["resolved_at"].isna().all()

    def test_resolve_unknown_id_raises_key_error(self, journal):
        with pytest.raises(KeyError, match="no dispute 'D-9'"):
            journal.resolve("D-9", resolved_at="2024-01-01", outcome="amicable")

    def test_list_open_only(self, journal):
        a = journal.add("Acme", opened_at="2024-01-10")
        journal.add("Acme", opened_at="2024-01-12")
        journal.resolve(a, resolved_at="2024-01-20", outcome="amicable")
        assert journal.list(open_only=True)["dispute_id"].tolist() == ["D-0002"]


class TestMissions:
    def test_disputes_link_to_logged_missions(self, journal):
        journal.add_mission(
            "M1", client="Acme", started_at="2024-01-01", written_scope="oui"
        )
        journal.add("Acme", opened_at="2024-02-01", mission_id="M1")
        h = journal.history(as_of="2024-03-01")
        assert h.has_missions
        assert bool(h.missions["written_scope"][0]) is True
        # days of an ongoing mission are derived up to as_of, not frozen
        later = journal.history(as_of="2024-06-01")
        assert later.missions["days"][0] > h.missions["days"][0]

    def test_unknown_mission_is_refused(self, journal):
        journal.add_mission("M1", client="Acme", started_at="2024-01-01")
        with pytest.raises(ck.DisputeDataError, match="no mission with this id"):
            journal.add("Acme", opened_at="2024-02-01", mission_id="M2")

    def test_duplicate_mission_is_refused(self, journal):
        journal.add_mission("M1", client="Acme", started_at="2024-01-01")
        with pytest.raises(ck.DisputeDataError, match="'M1' is already in"):
            journal.add_mission("M1", client="Acme", started_at="2024-01-01")


class TestImportExport:
    def test_import_then_export_round_trips_the_example(self, journal, tmp_path):
        example = ck.load_example()
        src = tmp_path / "example.xlsx"
        ck.write_history(example, src)
        journal.import_file(src)
        out = tmp_path / "out.csv"
        written = journal.export(out)
        assert [p.name for p in written] == ["out.csv", "out_missions.csv"]
        back = ck.read_history(out, missions=written[1], as_of=example.as_of)
        cols = ["dispute_id", "client", "opened_at", "resolved_at", "causes"]
        expected = example.disputes.sort_values(["opened_at", "dispute_id"])
        got = back.disputes.sort_values(["opened_at", "dispute_id"])
        pd.testing.assert_frame_equal(
            got[cols].reset_index(drop=True),
            expected[cols].reset_index(drop=True),
            check_dtype=False,
            check_categorical=False,
        )
        assert len(back.missions) == len(example.missions)
        assert back.disputes["amount_at_stake"].sum() == pytest.approx(
            example.disputes["amount_at_stake"].sum()
        )

    def test_import_is_all_or_nothing(self, journal, tmp_path):
        journal.add("Acme", opened_at="2024-01-10")
        bad = tmp_path / "bad.csv"
        bad.write_text(
            "client,opened_at,causes\nA,2024-01-01,payment\nB,2024-01-02,scoop\n"
        )
        with pytest.raises(ck.DisputeDataError, match=r"row 3 .*'scoop'"):
            journal.import_file(bad)
        assert _count(journal) == 1

    def test_import_with_clashing_ids_is_refused(self, journal, tmp_path):
        journal.add("Acme", opened_at="2024-01-10", dispute_id="X1")
        f = tmp_path / "f.csv"
        f.write_text("dispute_id,client,opened_at\nX2,A,2024-01-01\nX1,B,2024-01-02\n")
        with pytest.raises(ck.DisputeDataError, match="already in the journal: 'X1'"):
            journal.import_file(f)
        assert _count(journal) == 1

    def test_an_id_typed_with_spaces_or_another_case_clashes_as_stored(self, journal):
        journal.add("Acme", opened_at="2024-01-10", dispute_id="X1")
        for typed in (" X1 ", "x1", " x1"):
            with pytest.raises(ck.DisputeDataError, match="is already in the journal"):
                journal.add("Acme", opened_at="2024-01-11", dispute_id=typed)
        assert journal.add_mission(" M1 ", client="Acme", started_at="2024-01-01") == (
            "M1"
        )
        with pytest.raises(ck.DisputeDataError, match="'m1' is already in the journal"):
            journal.add_mission("m1", client="Acme", started_at="2024-01-01")
        assert _count(journal) == 1

    def test_files_without_ids_are_renumbered_after_the_journal(
        self, journal, tmp_path
    ):
        f = tmp_path / "f.csv"
        f.write_text("client,opened_at\nA,2024-01-01\nB,2024-01-02\n")
        journal.add("Z", opened_at="2024-01-01")
        journal.import_file(f)
        ids = journal.list()["dispute_id"].tolist()
        assert sorted(ids) == ["D-0001", "D-0002", "D-0003"]
        assert journal.add("C", opened_at="2024-03-01") == "D-0004"

    def test_import_collect_keeps_good_rows_and_returns_rejected(
        self, journal, tmp_path
    ):
        f = tmp_path / "f.csv"
        f.write_text("client,opened_at,causes\nA,2024-01-01,payment\nB,x,scope\n")
        with pytest.warns(ck.ConflictkitWarning, match="1 row rejected"):
            read = journal.import_file(f, errors="collect")
        assert len(read.rejected) == 1
        assert _count(journal) == 1

    def test_export_defuses_formulas_and_reads_back(self, journal, tmp_path):
        journal.add("=HYPERLINK(1)", opened_at="2024-01-10", notes="@SUM(A1)")
        journal.add("Acme", opened_at="2024-01-11", notes="-12 jours; +3")
        out = tmp_path / "out.csv"
        journal.export(out)
        text = out.read_text()
        assert "'=HYPERLINK(1)" in text
        assert "'@SUM(A1)" in text
        back = ck.read_history(out)
        assert back.disputes["client"][0] == "=HYPERLINK(1)"
        assert back.disputes["notes"].tolist() == ["@SUM(A1)", "-12 jours; +3"]


# ---------------------------------------------------------------- safety
def _snapshot(path):
    return {p.name: p.read_bytes() for p in path.parent.iterdir()}


class TestPersonalData:
    def test_new_journal_is_private_to_its_owner(self, tmp_path):
        path = tmp_path / "new" / "deeper" / "journal.sqlite"
        journal = Journal(path)
        journal.add("Acme", opened_at="2024-01-10")
        assert oct(path.stat().st_mode & 0o777) == "0o600"
        for folder in (path.parent, path.parent.parent):
            assert oct(folder.stat().st_mode & 0o777) == "0o700"
        sidecars = [p for p in path.parent.iterdir() if p.name != path.name]
        assert sidecars  # the WAL and its index exist while the journal is open
        for p in sidecars:
            assert oct(p.stat().st_mode & 0o777) == "0o600", p.name
        journal.close()

    def test_an_older_world_readable_journal_is_made_private(self, tmp_path):
        path = tmp_path / "journal.sqlite"
        Journal(path).add("Acme", opened_at="2024-01-10")
        path.chmod(0o644)
        Journal(path).add("Nova", opened_at="2024-01-11")
        assert oct(path.stat().st_mode & 0o777) == "0o600"

    def test_an_existing_folder_keeps_its_mode(self, tmp_path):
        tmp_path.chmod(0o755)
        Journal(tmp_path / "journal.sqlite").add("Acme", opened_at="2024-01-10")
        assert oct(tmp_path.stat().st_mode & 0o777) == "0o755"

    def test_the_file_carries_the_conflictkit_marker(self, journal):
        journal.add("Acme", opened_at="2024-01-10")
        with sqlite3.connect(journal.path) as conn:
            app = conn.execute("PRAGMA application_id").fetchone()[0]
        assert app == 0x636B6A6C

    @pytest.mark.parametrize("command", ["list", "add", "history", "schema"])
    def test_another_applications_database_is_refused_and_unchanged(
        self, tmp_path, command
    ):
        path = tmp_path / "other" / "app.db"
        path.parent.mkdir()
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
            conn.execute("INSERT INTO contacts VALUES ('Ann', '555-0100')")
        before = _snapshot(path)
        journal = Journal(path)
        calls = {
            "list": journal.list,
            "add": lambda: journal.add("Acme", opened_at="2024-01-10"),
            "history": journal.history,
            "schema": lambda: journal.schema_version,
        }
        with pytest.raises(JournalError, match="another application.*contacts"):
            calls[command]()
        journal.close()
        assert _snapshot(path) == before

    def test_an_empty_database_with_a_user_version_is_not_ours(self, tmp_path):
        path = tmp_path / "other.db"
        with sqlite3.connect(path) as conn:
            conn.execute("PRAGMA user_version = 7")
        before = _snapshot(path)
        with pytest.raises(JournalError, match="another application"):
            Journal(path).add("Acme", opened_at="2024-01-10")
        assert _snapshot(path) == before

    @pytest.mark.parametrize(
        "content", [b"client,opened_at\nAcme,2024-01-01\n", b"\x00" * 4096]
    )
    def test_a_file_that_is_not_sqlite_is_refused_and_unchanged(
        self, tmp_path, content
    ):
        path = tmp_path / "journal.sqlite"
        path.write_bytes(content)
        for call in (Journal(path).list, lambda: Journal(path).add("A")):
            with pytest.raises(JournalError, match="not an SQLite database"):
                call()
        assert _snapshot(path) == {"journal.sqlite": content}

    def test_a_journal_from_before_the_marker_is_adopted(self, tmp_path):
        from conflictkit.journal import _store

        path = tmp_path / "v1.sqlite"
        with sqlite3.connect(path) as conn:  # what release 0.1 wrote
            for statement in _store.MIGRATIONS[1]:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO disputes (dispute_id, client, opened_at, causes) "
                "VALUES ('D-0001', 'Acme', '2024-01-10', 'payment')"
            )
            conn.execute("PRAGMA user_version = 1")
        journal = Journal(path)
        assert journal.list()["dispute_id"].tolist() == ["D-0001"]
        assert journal.schema_version == 1  # reading changed nothing
        assert journal.add("Acme", opened_at="2024-01-10", causes="payment")
        assert journal.schema_version == SCHEMA_VERSION
        # the old row got its content hash: importing it again adds nothing
        f = tmp_path / "f.csv"
        f.write_text("client,opened_at,causes\nAcme,2024-01-10,payment\n")
        with pytest.warns(ck.ConflictkitWarning, match="1 disputes of f.csv were"):
            journal.import_file(f)
        assert _count(journal) == 2


class TestReadOnly:
    def test_reading_a_missing_journal_creates_nothing(self, tmp_path):
        path = tmp_path / "sub" / "journal.sqlite"
        assert Journal(path).list().empty
        assert Journal(path).changes().empty
        assert not path.parent.exists()

    def test_reading_leaves_the_file_unchanged(self, journal):
        journal.add("Acme", opened_at="2024-01-10")
        journal.close()
        with sqlite3.connect(journal.path) as conn:  # fold the WAL in
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before = journal.path.read_bytes()
        assert len(Journal(journal.path).list()) == 1
        assert journal.path.read_bytes() == before

    def test_reading_does_not_wait_for_a_writer(self, journal):
        journal.add("Acme", opened_at="2024-01-10")
        journal.close()
        writer = sqlite3.connect(journal.path, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")  # holds the write lock
        writer.execute(
            "INSERT INTO disputes (dispute_id, client, opened_at) "
            "VALUES ('X', 'B', '2024-01-11')"
        )
        try:
            reader = Journal(journal.path, timeout=0.2)
            assert reader.list()["dispute_id"].tolist() == ["D-0001"]
            with pytest.raises(JournalError, match="busy.*SQLite: database is locked"):
                reader.add("Nova", opened_at="2024-01-12")
        finally:
            writer.execute("ROLLBACK")
            writer.close()

    def test_a_read_only_journal_can_be_listed_but_not_written(self, tmp_path):
        import os
        import subprocess

        folder = tmp_path / "ro"
        folder.mkdir()
        path = folder / "journal.sqlite"
        Journal(path).add("Acme", opened_at="2024-01-10")
        Journal(path).close()
        # root ignores file modes: make the file and folder immutable instead
        as_root = os.geteuid() == 0
        if as_root:
            subprocess.run(["chattr", "+i", str(path), str(folder)], check=True)
        else:
            path.chmod(0o400)
            folder.chmod(0o500)
        try:
            assert Journal(path).list()["client"].tolist() == ["Acme"]
            with pytest.raises(JournalError, match="read-only") as err:
                Journal(path).add("Nova", opened_at="2024-01-11")
            assert "SQLite:" in str(err.value)
        finally:
            if as_root:
                subprocess.run(["chattr", "-i", str(path), str(folder)], check=True)
            else:
                folder.chmod(0o700)
                path.chmod(0o600)


class TestSqliteFailures:
    def test_a_full_disk_reports_the_real_cause(self, journal, monkeypatch):
        journal.add("Acme", opened_at="2024-01-10")
        journal.close()
        pages = sqlite3.connect(journal.path).execute("PRAGMA page_count").fetchone()
        # the database may not grow: what SQLite says on a full disk
        monkeypatch.setattr(
            Journal, "_pragmas", (f"PRAGMA max_page_count = {pages[0]}",)
        )
        big = "x" * 200_000
        with pytest.raises(JournalError, match="disk .* is full") as err:
            journal.add("Nova", opened_at="2024-01-11", notes=big)
        assert "database or disk is full" in str(err.value)
        assert "rollback" not in str(err.value)  # not masked by a second error
        assert isinstance(err.value.__cause__, sqlite3.Error)
        assert _count(journal) == 1

    def test_a_damaged_journal_is_one_clear_error(self, journal):
        journal.add("Acme", opened_at="2024-01-10")
        journal.close()
        with sqlite3.connect(journal.path) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        data = bytearray(journal.path.read_bytes())
        data[100:4096] = b"\xff" * (4096 - 100)  # scribble over the schema page
        journal.path.write_bytes(bytes(data))
        with pytest.raises(JournalError, match="damaged"):
            Journal(journal.path).list()


# ---------------------------------------------------------------- operations
def _csv(tmp_path, text, name="f.csv"):
    path = tmp_path / name
    path.write_text(text)
    return path


class TestIdempotentImport:
    def test_importing_the_same_file_twice_adds_nothing(self, journal, tmp_path):
        f = _csv(tmp_path, "client,opened_at\nA,2024-01-01\nB,2024-01-02\n")
        assert len(journal.import_file(f)) == 2
        with pytest.warns(ck.ConflictkitWarning, match="2 disputes of f.csv were"):
            again = journal.import_file(f)
        assert len(again) == 0
        assert _count(journal) == 2

    def test_rows_remember_their_source_file_and_content_hash(self, journal, tmp_path):
        f = _csv(tmp_path, "client,opened_at\nA,2024-01-01\n")
        journal.import_file(f)
        with sqlite3.connect(journal.path) as conn:
            source, digest = conn.execute(
                "SELECT source_file, content_hash FROM disputes"
            ).fetchone()
        assert source == str(f.resolve())
        assert len(digest) == 64

    def test_a_grown_file_adds_only_its_new_rows(self, journal, tmp_path):
        f = _csv(tmp_path, "client,opened_at\nA,2024-01-01\nB,2024-01-02\n")
        journal.import_file(f)
        f.write_text("client,opened_at\nA,2024-01-01\nB,2024-01-02\nC,2024-01-03\n")
        with pytest.warns(ck.ConflictkitWarning, match="2 disputes"):
            added = journal.import_file(f)
        assert added.disputes["dispute_id"].tolist() == ["D-0003"]
        assert sorted(journal.list()["client"]) == ["A", "B", "C"]

    def test_repeated_rows_are_counted(self, journal, tmp_path):
        # a file holding the same dispute twice: both are kept, once
        twice = "client,opened_at\nA,2024-01-01\nA,2024-01-01\n"
        f = _csv(tmp_path, twice)
        journal.import_file(f)
        with pytest.warns(ck.ConflictkitWarning, match="2 disputes"):
            journal.import_file(f)
        assert _count(journal) == 2
        f.write_text(twice + "A,2024-01-01\n")
        with pytest.warns(ck.ConflictkitWarning, match="2 disputes"):
            journal.import_file(f)
        assert _count(journal) == 3

    def test_allow_duplicates_adds_them_again(self, journal, tmp_path):
        f = _csv(tmp_path, "client,opened_at\nA,2024-01-01\n")
        journal.import_file(f)
        journal.import_file(f, allow_duplicates=True)
        assert journal.list()["dispute_id"].tolist() == ["D-0001", "D-0002"]

    def test_own_ids_that_look_generated_are_never_renumbered(self, journal, tmp_path):
        # the user's own ids D-0001, D-0002 clash with the journal's: refused,
        # not silently renumbered (the History says the ids were not generated)
        journal.add("Z", opened_at="2024-01-05")
        f = _csv(
            tmp_path, "dispute_id,client,opened_at\nD-0001,A,2024-01-01\n"
            "D-0002,B,2024-01-02\n",
        )  # fmt: skip
        assert ck.read_history(f).generated_ids is False
        with pytest.raises(
            ck.DisputeDataError, match="already in the journal: 'D-0001'"
        ):
            journal.import_file(f)
        assert _count(journal) == 1

    def test_own_ids_imported_again_are_already_there(self, journal, tmp_path):
        f = _csv(tmp_path, "dispute_id,client,opened_at\nX1,A,2024-01-01\n")
        journal.import_file(f)
        with pytest.warns(ck.ConflictkitWarning, match="1 disputes"):
            journal.import_file(f)
        g = _csv(tmp_path, "dispute_id,client,opened_at\nx1,B,2024-01-01\n", "g.csv")
        with pytest.raises(ck.DisputeDataError, match="'x1'"):
            journal.import_file(g)  # same id in another case, other content
        assert _count(journal) == 1

    def test_missions_imported_again_are_already_there(self, journal, tmp_path):
        example = ck.load_example()
        src = tmp_path / "example.xlsx"
        ck.write_history(example, src)
        journal.import_file(src)
        with pytest.warns(ck.ConflictkitWarning, match="203 disputes and 142 missions"):
            journal.import_file(src)
        h = journal.history()
        assert (len(h), len(h.missions)) == (203, 142)

    def test_a_file_with_a_date_after_today_is_refused(self, journal, tmp_path):
        f = _csv(tmp_path, "client,opened_at\nA,2024-01-01\nB,2099-01-02\n")
        with pytest.raises(ck.DisputeDataError, match="2099-01-02.*after today"):
            journal.import_file(f)
        assert _count(journal) == 0


class TestEditing:
    def test_resolving_a_resolved_dispute_needs_force(self, journal):
        i = journal.add("Acme", opened_at="2024-01-10")
        journal.resolve(i, resolved_at="2024-02-01", outcome="amicable")
        with pytest.raises(ck.DisputeDataError, match="already resolved.*force"):
            journal.resolve(i, resolved_at="2024-03-01", outcome="conceded")
        assert journal.list()["outcome"].tolist() == ["amicable"]
        journal.resolve(i, resolved_at="2024-03-01", outcome="conceded", force=True)
        assert journal.list()["outcome"].tolist() == ["conceded"]

    def test_ids_are_found_in_any_case(self, journal):
        journal.add_mission("M-01", client="Acme", started_at="2024-01-01")
        i = journal.add("Acme", opened_at="2024-01-10", mission_id="m-01")
        assert journal.list()["mission_id"].tolist() == ["M-01"]  # stored case
        journal.resolve(i.lower(), resolved_at="2024-02-01", outcome="amicable")
        assert journal.list()["outcome"].tolist() == ["amicable"]
        with pytest.raises(ck.DisputeDataError, match="'d-0001' is already in"):
            journal.add("Acme", opened_at="2024-01-10", dispute_id="d-0001")
        with pytest.raises(ck.DisputeDataError, match="'m-01' is already in"):
            journal.add_mission("m-01", client="Acme", started_at="2024-01-01")

    @pytest.mark.parametrize(
        ("call", "column"),
        [
            (lambda j: j.add("A", opened_at="2099-01-01"), "opened_at"),
            (
                lambda j: j.resolve(
                    "D-0001", resolved_at="2099-01-01", outcome="amicable"
                ),
                "resolved_at",
            ),  # fmt: skip
            (lambda j: j.edit("D-0001", opened_at="2099-01-01"), "opened_at"),
            (
                lambda j: j.add_mission("M", client="A", started_at="2099-01-01"),
                "started_at",
            ),  # fmt: skip
        ],
    )
    def test_dates_after_today_are_refused(self, journal, call, column):
        journal.add("Acme", opened_at="2024-01-10")
        with pytest.raises(ck.DisputeDataError, match="after today") as err:
            call(journal)
        assert err.value.failures["column"].tolist() == [column]
        assert journal.list()["opened_at"].tolist() == [pd.Timestamp("2024-01-10")]

    def test_edit_checks_the_whole_row(self, journal):
        i = journal.add("Acme", opened_at="2024-01-10", causes="payment")
        journal.edit(i, causes="périmètre;paiement", notes="relancé")
        d = journal.list()
        assert d["causes"].astype(str).tolist() == ["scope;payment"]
        assert d["notes"].tolist() == ["relancé"]
        with pytest.raises(ck.DisputeDataError, match="'scoop' is not a cause"):
            journal.edit(i, causes="scoop")
        with pytest.raises(TypeError, match="cannot edit 'colour'"):
            journal.edit(i, colour="red")
        journal.edit(i, notes=None)
        assert journal.list()["notes"].isna().all()

    @pytest.mark.parametrize("client", ["Acme", "Total", "TOTAL"])
    def test_emptying_the_opening_date_is_refused_for_any_client(self, journal, client):
        # a row with no date whose cell reads "Total" is a sheet's total line
        # to the file reader; one row given on its own is a dispute all the same
        i = journal.add(client, opened_at="2024-01-10", causes="scope")
        with pytest.raises(ck.DisputeDataError, match="is empty") as err:
            journal.edit(i, opened_at=None)
        assert err.value.failures["column"].tolist() == ["opened_at"]
        assert journal.list()["opened_at"].tolist() == [pd.Timestamp("2024-01-10")]

    def test_delete_then_undo_brings_it_back(self, journal):
        journal.add("Acme", opened_at="2024-01-10", notes="first")
        i = journal.add("Nova", opened_at="2024-01-11")
        before = journal.list()
        assert journal.delete(i.lower()) == i
        assert journal.list()["dispute_id"].tolist() == ["D-0001"]
        assert journal.undo() == f"delete {i}"
        pd.testing.assert_frame_equal(journal.list(), before)
        with pytest.raises(KeyError, match="no dispute 'D-9'"):
            journal.delete("D-9")

    def test_undo_walks_back_every_kind_of_change(self, journal, tmp_path):
        journal.add_mission("M1", client="Acme", started_at="2024-01-01")
        i = journal.add("Acme", opened_at="2024-01-10", mission_id="M1")
        journal.edit(i, notes="x")
        journal.resolve(i, resolved_at="2024-02-01", outcome="amicable")
        journal.import_file(_csv(tmp_path, "client,opened_at\nB,2024-01-01\n"))
        journal.end_mission("M1", ended_at="2024-03-01")
        steps = [journal.undo() for _ in range(6)]
        assert steps == ["end_mission M1", "import D-0002", f"resolve {i}",
                         f"edit {i}", f"add {i}", "add_mission M1"]  # fmt: skip
        assert journal.undo() is None
        h = journal.history()
        assert len(h) == 0
        assert h.missions is None

    def test_undoing_a_mission_still_in_use_is_refused(self, journal):
        journal.add_mission("M1", client="Acme", started_at="2024-01-01")
        journal.undo()
        journal.add_mission("M1", client="Acme", started_at="2024-01-01")
        journal.add("Acme", opened_at="2024-01-10", mission_id="M1")
        journal.delete("D-0001")
        journal.undo()  # the delete
        journal.undo()  # the add
        assert journal.undo() == "add_mission M1"

    def test_the_audit_table_says_who_changed_what_and_when(self, journal):
        import getpass

        i = journal.add("Acme", opened_at="2024-01-10", notes="a")
        journal.edit(i, notes="b")
        journal.delete(i)
        journal.undo()
        log = journal.changes(i.lower())
        assert log["action"].tolist() == ["add", "edit", "delete", "undo"]
        assert log["changes"].tolist()[:3] == ["added", "notes: 'a' -> 'b'", "deleted"]
        assert log["undone"].tolist() == [False, False, True, False]
        assert set(log["who"]) == {getpass.getuser()}
        age = pd.Timestamp.now(tz="UTC") - log["at"]
        assert (age < pd.Timedelta(minutes=5)).all()

    def test_end_mission_defaults_to_today_and_checks_dates(self, journal):
        journal.add_mission("M1", client="Acme", started_at="2024-01-01")
        with pytest.raises(ck.DisputeDataError, match="before"):
            journal.end_mission("M1", ended_at="2023-12-01")
        journal.end_mission("m1")
        ended = journal.history().missions["ended_at"][0]
        assert ended == pd.Timestamp.today().normalize()
        with pytest.raises(KeyError, match="no mission 'M2'"):
            journal.end_mission("M2")

    def test_list_open_reads_only_the_open_disputes(self, journal, monkeypatch):
        from conflictkit.journal import _journal

        for day in range(1, 6):
            journal.add("Acme", opened_at=f"2024-01-0{day}")
        for i in ("D-0001", "D-0002", "D-0004"):
            journal.resolve(i, resolved_at="2024-01-20", outcome="amicable")
        seen = []
        frame = _journal._frame

        def spy(conn, table, where="", params=()):
            out = frame(conn, table, where, params)
            seen.append((table, len(out)))
            return out

        monkeypatch.setattr(_journal, "_frame", spy)
        assert journal.list(open_only=True)["dispute_id"].tolist() == [
            "D-0003", "D-0005"]  # fmt: skip
        assert ("disputes", 2) in seen
        assert ("disputes", 5) not in seen


# ---------------------------------------------------------------- processes
def _add_many(path, worker, n, barrier):
    journal = Journal(path)
    journal.list(open_only=True)  # imports done before the start
    barrier.wait(timeout=120)  # every process writes during the same seconds
    for i in range(n):
        journal.add(f"Client {worker}", opened_at="2024-01-10", notes=f"{worker}-{i}")
        # a person pauses between two disputes; without a pause SQLite's busy
        # handler (waiters sleep, the writer takes the lock straight back) can
        # let one 10 ms writer run its 200 adds before the others get a turn
        time.sleep(0.002)


def test_four_processes_writing_at_once_lose_nothing(tmp_path):
    path = tmp_path / "shared.sqlite"
    Journal(path).add("Seed", opened_at="2024-01-01")  # create the schema first
    Journal(path).delete("D-0001")
    ctx = multiprocessing.get_context("spawn")
    workers, n = 4, 200
    barrier = ctx.Barrier(workers)
    procs = [
        ctx.Process(target=_add_many, args=(path, w, n, barrier))
        for w in range(1, workers + 1)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=600)
    assert [p.exitcode for p in procs] == [0] * workers
    d = Journal(path).list()
    assert len(d) == workers * n
    assert d["dispute_id"].is_unique
    # they wrote while the others were writing: their rows interleave
    order = d.sort_values("dispute_id")["client"].tolist()
    assert len(set(order[:n])) > 1
    expected = sorted(f"{w}-{i}" for w in range(1, workers + 1) for i in range(n))
    assert sorted(d["notes"]) == expected
    assert len(Journal(path).changes()) == 2 + workers * n


_IMPORT = """
import sys
from conflictkit.journal import Journal
Journal(sys.argv[1]).import_file(sys.argv[2])
"""


def test_a_kill_during_a_large_import_leaves_all_or_nothing(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    n = 100_000
    days = pd.date_range("2015-01-01", periods=3000).strftime("%Y-%m-%d")
    big = pd.DataFrame({
        "client": [f"Client {i % 97}" for i in range(n)],
        "opened_at": [days[i % len(days)] for i in range(n)],
        "causes": ["payment;scope"] * n, "notes": [f"note {i}" for i in range(n)],
    })  # fmt: skip
    src = tmp_path / "big.csv"
    big.to_csv(src, index=False)
    path = tmp_path / "journal.sqlite"
    Journal(path).add("Before", opened_at="2024-01-01")
    Journal(path).close()
    proc = subprocess.Popen([sys.executable, "-c", _IMPORT, str(path), str(src)])
    wal = path.with_name(path.name + "-wal")
    deadline = time.monotonic() + 300
    # kill it while it writes: once the write-ahead log has grown
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > 1_000_000:
            break
        time.sleep(0.01)
    assert proc.poll() is None, "the import ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    journal = Journal(path)
    assert journal.list()["client"].tolist() == ["Before"]
    journal.import_file(src)  # the journal still works: the import is whole
    assert _count(journal) == n + 1


def test_one_clashing_id_is_said_in_the_singular(journal, tmp_path):
    from conflictkit._i18n._problems import problem_text

    journal.add("Acme", opened_at="2024-01-10", dispute_id="X1")
    f = _csv(
        tmp_path, "dispute_id,client,opened_at\nX2,A,2024-01-01\nX1,B,2024-01-02\n"
    )
    english = "1 dispute id is already in the journal: 'X1' (for another dispute)"
    with pytest.raises(ck.DisputeDataError) as refused:
        journal.import_file(f)
    assert english in str(refused.value)
    assert problem_text(english, "fr") == (
        "1 identifiant de litige figure déjà dans le journal, pour un autre"
        " litige : « X1 »"
    )
    journal.add_mission("M1", client="Acme", started_at="2024-01-01")
    m = _csv(tmp_path, "mission_id,client,started_at\nM1,Globex,2024-02-01\n", "m.csv")
    f = _csv(tmp_path, "dispute_id,client,opened_at\nX3,A,2024-01-01\n", "g.csv")
    english = "1 mission id is already in the journal for another mission: 'M1'"
    with pytest.raises(ck.DisputeDataError) as refused:
        journal.import_file(f, missions=m)
    assert english in str(refused.value)
    assert problem_text(english, "fr") == (
        "1 identifiant de mission figure déjà dans le journal, pour une autre"
        " mission : « M1 »"
    )
