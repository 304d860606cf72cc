"""The History container: its views and how it shows in a notebook."""

from __future__ import annotations

import warnings

import pandas as pd

import conflictkit as ck


def test_repr_and_html_summary_show_sizes_dates_and_rejected_rows():
    frame = pd.DataFrame(
        {
            "client": ["A", "A", "B", ""],
            "opened_at": ["2024-01-10", "2024-02-01", "2024-03-05", "2024-03-06"],
            "resolved_at": ["2024-01-20", None, None, None],
            "causes": ["payment", "payment;tone", None, "scope"],
        }
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ck.ConflictkitWarning)
        h = ck.History.from_frames(frame, errors="collect", as_of="2024-04-01")
    assert repr(h) == (
        "<History: 3 disputes (2 open), 2 clients, 1 unlabelled, "
        "1 rejected rows, as of 2024-04-01>"
    )
    page = h._repr_html_()
    assert (
        "<th style='text-align:left'>disputes</th><td style='text-align:left'>3<"
        in page
    )
    assert "2024-01-10 to 2024-03-05" in page
    assert "payment 2, tone 1" in page
    assert "1 (see history.rejected)" in page


def test_html_summary_of_an_empty_history():
    h = ck.History.from_frames(
        pd.DataFrame({"client": pd.Series([], dtype=str),
                      "opened_at": pd.Series([], dtype=str)})
    )  # fmt: skip
    page = h._repr_html_()
    assert "<td style='text-align:left'>0</td>" in page
    assert "NaT" in page
    assert "top causes" not in page
