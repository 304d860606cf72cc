"""The report on a small messy first log: no verdict without evidence (issue 11).

``fr_petit_journal_cp1252.csv`` is the first log a new user brought: eight
disputes, causes on three, one client written two ways, no missions. Every
level, share and time the report shows on so few is labelled "too few to
tell", in English and French.
"""

from __future__ import annotations

import html as htmllib
import re
import warnings
from pathlib import Path

import pytest

import conflictkit as ck
from conflictkit.report import build_report

SMALL = Path(__file__).parent / "data" / "fr_petit_journal_cp1252.csv"


def text_of(page: str) -> str:
    page = re.sub(r"<style>.*?</style>", " ", page, flags=re.S)
    page = re.sub(r'src="data:[^"]*"', "", page)
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", page)))


def section(page: str, key: str) -> str:
    found = re.search(rf'<section id="{key}">(.*?)</section>', page, flags=re.S)
    assert found, key
    return found.group(1)


def rows(fragment: str) -> list[list[str]]:
    """The body rows of the tables in an HTML fragment, as visible text."""
    return [
        [text_of(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]
        for tr in re.findall(r"<tr>(.*?)</tr>", fragment, flags=re.S)
        if "<td" in tr
    ]


@pytest.fixture(scope="module")
def small() -> ck.History:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ck.read_history(SMALL)


@pytest.fixture(scope="module")
def pages(small, tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("small")
    return {
        lang: build_report(small, out / f"{lang}.html", lang=lang).read_text("utf-8")
        for lang in ("en", "fr")
    }


@pytest.mark.parametrize(
    ("lang", "few", "levels"),
    [("en", "too few to tell", {"low", "medium", "high"}),
     ("fr", "trop peu pour conclure", {"faible", "moyen", "élevé"})],
)  # fmt: skip
def test_client_risk_is_too_few_to_tell_without_a_test(pages, lang, few, levels):
    # no missions (no rate to test) and 3 disputes citing a cause (recurring
    # causes need 20): one open dispute is a fact, not a "medium" risk
    table = rows(section(pages[lang], "clients"))
    assert len(table) == 6
    risk = [r[-2] for r in table]
    assert set(risk) == {few}, risk
    assert not levels & set(risk)
    why = [r[-1] for r in table]
    assert any("1" in w for w in why)  # the facts stay: "1 open dispute"


def test_client_risk_kept_where_a_test_backs_it(tmp_path):
    # the example career: missions and enough labelled disputes, so the
    # levels rest on tests and are shown
    page = build_report(ck.load_example(), tmp_path / "r.html").read_text("utf-8")
    risk = {r[-2] for r in rows(section(page, "clients"))}
    assert risk & {"low", "medium", "high"}


@pytest.mark.parametrize(
    ("lang", "few", "group"),
    [
        ("en", "too few to tell", "Deadlines"),
        ("fr", "trop peu pour conclure", "Délais"),
    ],
)
def test_time_to_settle_of_two_disputes_is_too_few_to_tell(pages, lang, few, group):
    # two settled disputes (5 and 29 days): the median and its range stay
    # visible, labelled; the 5 settled of all causes are a finding (as in the
    # summary, MIN_RESOLVED)
    part = section(pages[lang], "resolution")
    table = {r[0]: r for r in rows(part)}
    assert table[group][-1] == few
    assert "5" in table[group]  # the numbers are kept
    first = next(iter(table))
    assert table[first][-1] != few
    assert "5" in text_of(part.split("</table>")[-1])  # the note names the minimum


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_outcome_bars_below_the_minimum_are_hatched_and_say_so(small, lang):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from conflictkit import _i18n as i18n
    from conflictkit._labels import Verdict

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = ck.outcomes_by_cause(small)
    fig, ax = plt.subplots()
    ck.plot_outcomes_by_cause(out, ax=ax, lang=lang, min_n=5)
    few = i18n.label(Verdict.TOO_FEW, lang)
    # deadlines and payment: 2 known outcomes each; all causes: 5
    ends = [t.get_text() for t in ax.texts if t.get_text().startswith("n = ")]
    assert sorted(ends) == ["n = 2", "n = 2", "n = 5"]
    hatched = [p for p in ax.patches if p.get_hatch() and p.get_width() > 0]
    assert {round(p.get_y() + p.get_height() / 2) for p in hatched} == {1, 2}
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any(few in t for t in legend)
    plt.close(fig)


@pytest.mark.parametrize(
    ("lang", "few"), [("en", "too few to tell"), ("fr", "trop peu pour conclure")]
)
def test_outcomes_table_labels_small_groups(pages, lang, few):
    # outcomes_by_cause wants 10 known outcomes (MIN_OUTCOMES): 2, 2 and 5
    part = section(pages[lang], "outcomes")
    table = rows(part.split("</table>")[0])
    assert [r[-1] for r in table] == [few, few, few]
    assert "10" in text_of(part)


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", ("5 of the 8 disputes", "3 of the 6 clients")),
     ("fr", ("5 des 8 litiges", "3 des 6 clients"))],
)  # fmt: skip
def test_disputes_and_clients_left_out_of_the_figures_are_counted(pages, lang, words):
    # 5 of 8 disputes cite no cause: not in the career bars (which add up to
    # 4), and 3 of the 6 clients have no cause recorded: not in the heatmap
    career, clients = words
    assert career in text_of(section(pages[lang], "trend"))
    assert clients in text_of(section(pages[lang], "clients"))


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "2 clients are written in more than one way"),
     ("fr", "2 clients écrits de plusieurs façons")],
)  # fmt: skip
def test_data_quality_shows_the_readers_warnings(tmp_path, lang, said):
    from conflictkit.cli import main

    # the new user's second file: a column of the missions in the disputes
    # file, two clients written two ways, a day November does not have
    log = tmp_path / "litiges.csv"
    log.write_bytes(
        SMALL.read_bytes().replace(b"Atelier Dupr\xe9;12/03", b"Atelier Dupre;12/03")
    )
    out = tmp_path / "r.html"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert main(["report", str(log), "--lang", lang, "-o", str(out)]) == 0
    quality = text_of(section(out.read_text("utf-8"), "quality"))
    assert said in quality
    assert "'SARL Bernard'" in quality or "« SARL Bernard »" in quality
    # shown once, not again with the blank row the section already counts
    assert quality.count("Sarl Bernard") == 1


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_unused_columns_note_names_the_command_option(tmp_path, lang):
    log = tmp_path / "litiges.csv"
    lines = SMALL.read_text("cp1252").splitlines()
    lines = [lines[0] + ";Devis"] + [
        line + ";D-12" for line in lines[1:] if line.strip(";")
    ]
    log.write_text("\n".join(lines) + "\n", encoding="cp1252")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        h = ck.read_history(log)
    assert h.unused_columns == ("Devis",)
    page = build_report(h, tmp_path / "r.html", lang=lang).read_text("utf-8")
    quality = text_of(section(page, "quality"))
    assert "--columns 'Devis=" in quality
