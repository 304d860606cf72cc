"""Progress bars appear on long work only."""

from conflictkit._progress import MIN_STEPS, progress


def test_short_work_shows_no_bar(capsys):
    assert list(progress(range(10), total=10, desc="short")) == list(range(10))
    assert "short" not in capsys.readouterr().err


def test_long_work_shows_a_bar_and_yields_everything(capsys):
    n = MIN_STEPS + 1
    assert sum(1 for _ in progress(range(n), total=n, desc="Kaplan-Meier")) == n
    assert "Kaplan-Meier" in capsys.readouterr().err
