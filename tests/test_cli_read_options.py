"""The command line reads what read_history reads: --columns, --cause-map,
--dayfirst/--monthfirst, --skip-bad-rows; validate never prints a traceback."""

from __future__ import annotations

import json

import pytest

from conflictkit.cli import main
from conflictkit.journal import Journal

LOG = (
    "Société;Quand;Motif;Réglé le\n"
    "Acme;03/04/2021;paiement en retard;05/04/2021\n"
    "Nova;05/06/2021;souci X;\n"
    "Nova;07/08/2021;scoop;\n"
)


@pytest.fixture
def log(tmp_path):
    path = tmp_path / "litiges.csv"
    path.write_bytes(LOG.encode("cp1252"))
    return path


@pytest.fixture
def cause_map(tmp_path):
    path = tmp_path / "causes.csv"
    path.write_text("spelling,cause\nsouci X,scope\nscoop,\n", encoding="utf-8")
    return path


OPTIONS = ["--columns", "Quand=opened_at", "--dayfirst"]


@pytest.mark.parametrize("command", ["summary", "validate", "suggest", "report"])
def test_reading_options_reach_read_history(command, log, cause_map, capsys,
                                            tmp_path):  # fmt: skip
    extra = ["-o", str(tmp_path / "r.html")] if command == "report" else []
    code = main([command, str(log), *OPTIONS, "--cause-map", str(cause_map), *extra])
    out = capsys.readouterr().out
    assert code == 0, out
    if command == "validate":
        assert "no problems (3 disputes)" in out


def test_without_the_options_the_problems_name_the_users_headers(log, capsys):
    code = main(["validate", str(log), "--columns", "Quand=opened_at", "--dayfirst"])
    out = capsys.readouterr().out
    assert code == 1
    assert "Motif (causes)" in out
    assert "'souci X' is not a cause" in out


def test_monthfirst_reads_us_dates(log, capsys):
    code = main(["summary", str(log), *OPTIONS[:2], "--monthfirst",
                 "--skip-bad-rows"])  # fmt: skip
    captured = capsys.readouterr()
    assert code == 0
    assert "2 rows rejected" in captured.err  # the count, not a traceback


def test_json_cause_map_with_null_means_no_cause(log, tmp_path, capsys):
    path = tmp_path / "causes.json"
    path.write_text(json.dumps({"souci X": None, "scoop": "scope"}))
    code = main(["validate", str(log), *OPTIONS, "--cause-map", str(path)])
    assert code == 0, capsys.readouterr().out


def test_bad_columns_option_is_a_usage_error(log, capsys):
    with pytest.raises(SystemExit):
        main(["validate", str(log), "--columns", "Motif"])
    assert "HEADER=name" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"qui,quand\nA,2024-01-01\n", "required column 'client' is missing"),
        (b"", "the file is empty"),
        (b"client,opened_at,N\nA,2024-01-01,x\n", "no problems"),
    ],
)
def test_validate_never_prints_a_traceback(tmp_path, capsys, content, message):
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    main(["validate", str(path)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert message in captured.out


def test_validate_with_a_columns_option_naming_no_header(log, capsys):
    code = main(["validate", str(log), "--columns", "Motiff=causes"])
    out = capsys.readouterr().out
    assert code == 1
    assert "did you mean 'Motif'" in out


def test_import_takes_the_reading_options(log, cause_map, tmp_path, capsys):
    journal = tmp_path / "j.sqlite"
    code = main(["import", str(log), "--journal", str(journal), *OPTIONS,
                 "--cause-map", str(cause_map)])  # fmt: skip
    assert code == 0, capsys.readouterr()
    assert len(Journal(journal).history()) == 3
