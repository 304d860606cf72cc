"""Tests for build_report, summarize and ``conflictkit report``/``template``."""

from __future__ import annotations

import dataclasses
import html as htmllib
import os
import re
import shutil
import subprocess
import warnings
from pathlib import Path

import pandas as pd
import pytest

import conflictkit as ck
from conflictkit import _i18n as i18n
from conflictkit._i18n._report import SECTION_KEYS
from conflictkit.cli import main
from conflictkit.report import build_report

#: A French Excel export typed by hand, with eight rows a reader must reject.
MESSY_FR = Path(__file__).parent / "data" / "fr_excel_cp1252_erreurs.csv"

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:|ftp:)?//""", re.I)

#: English words that must not appear in the visible text of a French report or
#: of the command's French messages (whole words, any case).
ENGLISH = [
    "the", "and", "with", "without", "of", "disputes", "dispute", "rising",
    "falling", "stable", "available", "rows", "row", "more", "cite", "cites",
    "recurring", "share", "all", "per", "days", "day", "outcome", "scope",
    "payment", "deadlines", "trust", "tone", "history", "warning", "error",
    "freq", "unlabelled", "clients kept", "not", "no", "yes", "how", "read",
    "this", "written", "missions with", "too few", "settled", "open", "still",
    "rate", "ratio", "likely", "range", "median", "problems", "problem",
]  # fmt: skip


def visible_text(page: str) -> str:
    """The text a reader sees: no CSS, no embedded images, no tags."""
    page = re.sub(r"<style>.*?</style>", " ", page, flags=re.S)
    page = re.sub(r'src="data:[^"]*"', "", page)
    page = re.sub(r"<[^>]+>", " ", page)
    # file names (Source: disputes.csv) are the user's, in any language
    return re.sub(r"\S+\.(?:csv|xlsx|html|sqlite)\b", " ", htmllib.unescape(page))


def english_words(text: str) -> list[str]:
    found = []
    for word in ENGLISH:
        if re.search(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text, re.I):
            found.append(word)
    return found


@pytest.fixture(scope="module")
def example():
    return ck.load_example()


@pytest.fixture(scope="module")
def reports(example, tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    paths = {
        lang: build_report(example, out / f"report_{lang}.html", lang=lang)
        for lang in ("en", "fr")
    }
    return {lang: (p, p.read_text(encoding="utf-8")) for lang, p in paths.items()}


def eight_disputes() -> ck.History:
    """A career of 8 disputes with 3 clients over 7 months, no missions."""
    return ck.History.from_frames(
        pd.DataFrame(
            {
                "client": [
                    "Acme",
                    "Acme",
                    "Bolt",
                    "Cera",
                    "Acme",
                    "Bolt",
                    "Cera",
                    "Acme",
                ],  # fmt: skip
                "opened_at": pd.date_range("2024-01-05", periods=8, freq="27D"),
                "resolved_at": [
                    *pd.date_range("2024-01-20", periods=7, freq="27D"),
                    None,
                ],  # fmt: skip
                "causes": [
                    "payment",
                    "scope",
                    "tone",
                    "payment",
                    "payment;tone",
                    "deadlines",
                    "trust",
                    "payment",
                ],  # fmt: skip
            }
        ),
        as_of="2024-09-01",
    )


# ------------------------------------------------------------------ structure
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_report_has_every_section_title_in_its_language(reports, lang):
    path, text = reports[lang]
    assert path.exists()
    assert f'<html lang="{lang}">' in text
    for key in SECTION_KEYS:
        title = htmllib.escape(i18n.t(f"section.{key}", lang))
        assert f'<section id="{key}"><h2>{title}</h2>' in text


def test_report_is_self_contained(reports):
    for _, text in reports.values():
        assert not EXTERNAL.search(text)
        assert "<script" not in text
        assert "<link" not in text
        assert "@media print" in text
        srcs = re.findall(r'src="([^"]*)"', text)
        assert all(s.startswith("data:image/png;base64,") for s in srcs)


def test_report_embeds_one_image_per_plot(reports):
    # Pareto, trend, client heatmap, resolution (small multiples), outcomes,
    # prevention, handling
    for _, text in reports.values():
        assert text.count('<img alt="') == 7


def test_figures_are_drawn_at_twice_the_displayed_resolution(reports):
    import base64
    import io

    from PIL import Image

    text = reports["en"][1]
    for width, data in re.findall(r'width="(\d+)" src="data:image/png;base64,([^"]+)"',
                                  text):  # fmt: skip
        image = Image.open(io.BytesIO(base64.b64decode(data)))
        assert image.width == pytest.approx(2 * int(width), abs=2)


def test_every_figure_and_table_has_a_how_to_read_line(reports):
    text = reports["en"][1]
    for key in ("causes", "trend", "clients", "recurring", "resolution",
                "outcomes", "prevention", "handling", "recommendations"):  # fmt: skip
        section = text[text.index(f'<section id="{key}">') :]
        section = section[: section.index("</section>")]
        shown = section.count("<figure>") + section.count('<div class="table-wrap">')
        folded = section.count("<details>")
        reads = section.count('<p class="read">')
        assert reads >= 1, key
        assert shown - folded <= 2 * reads, key


def test_glossary_explains_the_statistical_words_in_both_languages(reports):
    for lang, (_, text) in reports.items():
        glossary = visible_text(text[text.index('<section id="glossary">') :])
        for term in ("p", "q", "median", "km", "ci", "rate_ratio", "open"):
            assert i18n.t(f"term.{term}", lang) in glossary
    assert "Benjamini–Hochberg" in visible_text(reports["fr"][1])


def test_report_html_is_well_formed(reports):
    from html.parser import HTMLParser

    void = {"meta", "img", "br", "hr", "link", "input"}

    class Checker(HTMLParser):
        def __init__(self):
            super().__init__()
            self.stack, self.errors, self.ids = [], [], []

        def handle_starttag(self, tag, attrs):
            if tag == "section":
                self.ids.append(dict(attrs)["id"])
            if tag not in void:
                self.stack.append(tag)

        def handle_endtag(self, tag):
            if not self.stack or self.stack.pop() != tag:
                self.errors.append(tag)

    for _, text in reports.values():
        checker = Checker()
        checker.feed(text)
        assert checker.errors == []
        assert checker.stack == []
        assert checker.ids == list(SECTION_KEYS)


# ------------------------------------------------------------------ numbers
def test_no_scientific_notation_and_p_values_read_as_p_below(reports):
    for _, text in reports.values():
        seen = visible_text(text)
        assert not re.search(r"\d[eE][-+]?\d", seen)
    assert "< 0.001" in visible_text(reports["en"][1])
    assert "< 0,001" in visible_text(reports["fr"][1])


def test_cards_agree_with_the_history_and_the_tables(reports, example):
    d = example.disputes
    text = reports["en"][1]
    assert f'<span class="n">{len(d)}</span>disputes' in text
    n_clients = d["client"].nunique()
    assert f'<span class="n">{n_clients}</span>clients with disputes' in text
    stake = f"€{d['amount_at_stake'].sum():,.0f}"
    assert f'<span class="n">{stake}</span>at stake' in text
    # the clients table lists exactly the clients of the card, none cut
    clients = text[text.index('<section id="clients">') :]
    clients = clients[: clients.index("</section>")]
    rows = re.findall(r"<tr><td>([^<]+)</td>", clients)
    assert sorted(map(htmllib.unescape, rows)) == sorted(d["client"].unique())


def test_french_report_writes_french_numbers_dates_and_money(reports, example):
    text = visible_text(reports["fr"][1])
    total = example.disputes["amount_at_stake"].sum()
    assert i18n.money(total, "fr") in text  # 578 230 €
    assert re.search(r"\d+\u202f\d{3}\xa0€", text)
    assert re.search(r"\d+\xa0%", text)
    assert "01/01/2026" in text
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", text)  # no ISO dates


def test_currency_option_is_used_for_every_amount(example, tmp_path):
    text = build_report(example, tmp_path / "r.html", currency="CHF").read_text()
    seen = visible_text(text)
    assert "CHF\xa0578,230" in seen
    assert "€" not in seen


def test_long_tables_fold_the_rest_without_cutting_a_row(reports, example):
    text = reports["en"][1]
    clients = text[text.index('<section id="clients">') :]
    clients = clients[: clients.index("</section>")]
    assert "<details><summary>Show the other" in clients
    assert "more rows" not in text


def test_outcomes_table_is_reduced_with_the_rest_in_details(reports):
    text = reports["en"][1]
    outcomes = text[text.index('<section id="outcomes">') :]
    outcomes = outcomes[: outcomes.index("</section>")]
    first = outcomes[outcomes.index("<table>") : outcomes.index("</table>")]
    assert first.count("<th") <= 8
    assert "%" in first
    assert "€" in first
    assert "<details><summary>More columns" in outcomes


# ------------------------------------------------------------------ French
def test_french_report_has_no_english_words(reports):
    text = visible_text(reports["fr"][1])
    assert english_words(text) == []


def test_french_report_agrees_in_gender_and_number(reports):
    text = visible_text(reports["fr"][1])
    for wrong in ("risque Élevée", "1 problèmes", "1 lignes", "1 litiges",
                  "Élevée", "Moyenne", "0 litiges"):  # fmt: skip
        assert not re.search(rf"(?<![\d\w]){wrong}", text), wrong
    assert re.search(r"\bélevé\b|\bmoyen\b|\bfaible\b", text)


def test_french_report_on_a_messy_french_file(tmp_path):
    """Rejected rows, their problems and the reader's notes, all in French."""
    with pytest.warns(ck.ConflictkitWarning):
        history = ck.read_history(MESSY_FR, errors="collect")
    assert len(history.rejected) == 8
    page = build_report(history, tmp_path / "r.html", lang="fr").read_text()
    text = visible_text(page)
    assert english_words(text) == []
    quality = text[text.index(i18n.t("section.quality", "fr")) :]
    for french in (
        "colonne « Début » : « 31/02/2022 » n'est pas une date",
        "colonne « Motif » : « retard de paiment » n'est pas une cause",
        "(vouliez-vous dire « paiement », comme dans « retard de paiement » ?)",
        "colonne « N° » : en double : le même identifiant figure à la ligne 2",
        "colonne « Réglé le » : le 01/05/2021 précède l'ouverture du litige",
        "« peut-être » n'est pas une valeur oui/non ; valeurs attendues : oui/non,"
        " x, 1/0 ; colonne « Montant » : doit être ≥ 0",
    ):
        assert french in quality, french
    for wrong in ("1 lignes", "8 ligne ", "1 litiges", "0 litiges"):
        assert not re.search(rf"(?<![\d\w]){wrong}", text), wrong
    # what a person reading it noticed: the problems come first in the rejected
    # table; no section says more than two disputes can tell
    rejected = page[page.index('<section id="quality">') :]
    head = rejected[rejected.index("<thead>") : rejected.index("</thead>")]
    assert head.index("problèmes") < head.index("N°") < head.index("Début")
    assert "Aucune cause ne revient" not in text
    assert "2 litiges citent une cause ; il en faut au moins 20" in text
    assert "Pas encore de conseil : 2 litiges citent une cause" in text
    resolution = page[page.index('<section id="resolution">') :]
    resolution = resolution[: resolution.index("</section>")]
    assert ("chaque courbe" in resolution) == ("<img" in resolution)
    outcomes = page[page.index('<section id="outcomes">') :]
    outcomes = visible_text(outcomes[: outcomes.index("</details>")])
    assert "0 €" not in outcomes  # "Récupéré" was never a column: unknown
    assert "Périmètre" not in outcomes  # a cause nobody cited: no row
    # the English report keeps the reader's own texts, word for word
    english = build_report(history, tmp_path / "en.html").read_text()
    for problem in history.rejected["problems"]:
        assert htmllib.escape(problem) in english


def test_report_on_a_french_excel_file_shows_unknown_amounts_and_open_medians(
    tmp_path,
):
    """Seen on fr_excel_cp1252.csv: the only deadlines dispute has 'N/A' at
    stake and the only scope one no recovered amount, shown as '0 €'; a
    cause whose dispute is still open had a median of '∞' and a range
    '∞ – ∞'."""
    with pytest.warns(ck.ConflictkitWarning):
        history = ck.read_history(MESSY_FR.with_name("fr_excel_cp1252.csv"))
    for lang, cause, reached in (("fr", "Délais", "non atteint"),
                                 ("en", "Deadlines", "not reached")):  # fmt: skip
        page = build_report(history, tmp_path / f"{lang}.html", lang=lang).read_text()
        outcomes = page[page.index('<section id="outcomes">') :]
        outcomes = outcomes[: outcomes.index("</table>")]
        row = outcomes[outcomes.index(cause) :]
        cells = re.findall(r"<td[^>]*>([^<]*)</td>", row[: row.index("</tr>")])
        money = [c for c in cells if "€" in c or c == i18n.MISSING]
        assert money[:2] == [i18n.MISSING, i18n.MISSING], cells  # at stake, recovered
        resolution = page[page.index('<section id="resolution">') :]
        resolution = visible_text(resolution[: resolution.index("</section>")])
        assert "∞" not in resolution
        assert reached in resolution
        assert "≥ 14" in resolution  # all causes: 28 days, upper bound open
        # no missions: the last year's bar is not blanked for want of days
        # worked, and the note does not say it could be
        trend = visible_text(page[page.index('<section id="trend">') :])
        assert i18n.t("read.partial_count", lang, days="")[:20] in trend
        assert "days were worked" not in trend
        assert "jours y ont" not in trend


def test_every_problem_of_the_reader_has_a_french_text():
    """Bad input of every kind read, and each problem it gives translated."""
    from conflictkit._i18n._problems import is_known
    from conflictkit.errors import DisputeDataError

    disputes = pd.DataFrame({
        "dispute_id": ["D1", "D1", None, "D4", "D5", "D6", "D7", "D8", "D9"],
        "client": ["Acme", "Acme", "Bolt", None, "Bolt", "Acme", "Acme", "Bolt",
                   "Acme"],
        "opened_at": ["2024-01-10", "31/02/2024", "2024-02-01", "2024-03-01", "",
                      "1500", "1901-01-01", "2030-01-01", "2024-05-01"],
        "resolved_at": ["2024-01-05", "", "", "", "", "", "", "", ""],
        "causes": ["paiment", "scope", "délais;trsut", "paiement et périmètre", "tone",
                   "trust", "other", "payment", "scope"],
        "outcome": ["compromise", "wonn", "", "", "", "", "", "", ""],
        "severity": ["high", "", "extreme", "", "", "", "", "", ""],
        "amount_at_stake": ["12O", "-5", "inf", "", "", "", "", "", ""],
        "client_retained": ["maybe", "", "", "", "", "", "", "", ""],
        "mission_id": ["M1", "M9", "M2", "", "", "", "", "", "M3"],
    })  # fmt: skip
    missions = pd.DataFrame({
        "mission_id": ["M1", "M2", "M2", "M3", None],
        "client": ["Acme", "Acme", "Bolt", "Acme", "Acme"],
        "started_at": ["2023-01-01", "2023-01-01", "2023-01-01", "", "2023-01-01"],
        "ended_at": ["2022-12-01", "", "", "", ""],
        "days": ["10", "2.5", "x", "", ""],
    })  # fmt: skip
    with pytest.raises(DisputeDataError) as caught:
        ck.History.from_frames(disputes, missions, as_of="2025-01-01")
    problems = caught.value.failures["problem"]
    assert len(problems) >= 20
    unknown = [p for p in problems if not is_known(p)]
    assert unknown == []
    with pytest.warns(ck.ConflictkitWarning):
        history = ck.History.from_frames(disputes, missions, as_of="2025-01-01",
                                          errors="collect")  # fmt: skip
    for joined in [*history.rejected["problems"],
                   *history.rejected_missions["problems"]]:  # fmt: skip
        french = i18n.problem_text(joined, "fr")
        assert is_known(joined), joined
        # the headers of these frames are the canonical names (outcome)
        assert english_words(re.sub(r"colonne \w+ :", "", french)) == [], french
    # file problems: a required column missing, dates that read both ways
    for bad in (
        pd.DataFrame({"client": ["Acme"]}),
        pd.DataFrame(
            {"client": ["Acme", "Bolt"], "opened_at": ["03/04/2024", "05/06/2024"]}
        ),  # fmt: skip
    ):
        with pytest.raises(DisputeDataError) as caught:
            ck.History.from_frames(bad)
        for problem in caught.value.failures["problem"]:
            assert is_known(problem), problem


def test_french_report_on_a_small_file_has_no_english_words(tmp_path):
    text = build_report(eight_disputes(), tmp_path / "r.html", lang="fr").read_text()
    assert english_words(visible_text(text)) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "{log}", "-o", "{out}"],
        ["validate", "{log}"],
        ["validate", "{bad}"],
        ["validate", "{messy}"],
        ["summary", "{messy}", "--skip-bad-rows"],
        ["report", "{messy}", "-o", "{out}", "--skip-bad-rows"],
        ["template", "-o", "{xlsx}"],
        ["summary", "{log}"],
    ],
)
def test_french_cli_messages_have_no_english_words(tmp_path, capsys, argv):
    log = tmp_path / "log.csv"
    log.write_text(
        "client,opened_at,resolved_at,causes,outcome\n"
        "Acme,2024-01-10,2024-01-20,paiement,compromis\n"
        "Acme,2024-03-02,,scope;tone,\n"
    )
    bad = tmp_path / "bad.csv"
    bad.write_text("client,opened_at\nAcme,2024-01-10\n,2024-02-01\n")
    paths = {"log": log, "out": tmp_path / "r.html", "bad": bad,
             "xlsx": tmp_path / "t.xlsx", "messy": MESSY_FR}  # fmt: skip
    args = [a.format(**paths) for a in argv]
    main([*args, "--lang", "fr"])
    out = capsys.readouterr()
    said = (out.out + out.err).replace(str(tmp_path), "").replace(str(MESSY_FR), "")
    assert english_words(said) == [], said
    if argv[:2] == ["validate", "{messy}"]:
        # every problem of the reader, each in French: one line per problem
        assert "8 lignes" in said
        assert "n'est pas une date" in said
        assert "vouliez-vous dire « paiement »" in said
        assert "le 01/05/2021 précède l'ouverture du litige (le 03/06/2021)" in said
    if argv[0] == "report":
        page = visible_text((tmp_path / "r.html").read_text(encoding="utf-8"))
        assert english_words(page) == []


def test_a_french_locale_makes_the_cli_speak_french(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert main(["template", "-o", str(tmp_path / "t.xlsx")]) == 0
    assert "Modèle écrit dans" in capsys.readouterr().out


# ------------------------------------------------------------------ summary
def test_summary_opens_the_report(reports):
    for _lang, (_, text) in reports.items():
        glance = text.index('<ul class="glance">')
        assert glance < text.index('<section id="causes">')
        n = text[glance : text.index("</ul>", glance)].count("<li")
        assert 3 <= n <= 6


def test_summary_names_the_planted_recurring_clients(example):
    s = ck.summarize(example)
    sentence = s.loc[s["topic"] == "recurring", "sentence"].iloc[0]
    for planted in example.planted["recurring"]:
        assert planted["client"] in sentence
        assert planted["cause"] in sentence
    french = ck.summarize(example, lang="fr")
    sentence = french.loc[french["topic"] == "recurring", "sentence"].iloc[0]
    assert all(p["client"] in sentence for p in example.planted["recurring"])
    # the first action, saying whether it rests on the user's data or not
    assert "Votre historique suggère, pour" in sentence or (
        "Ce que conseillent les praticiens pour cette cause, pour" in sentence
    )


@pytest.mark.parametrize("seed", [2, 3])
def test_summary_names_what_the_recurring_test_finds_on_other_careers(seed):
    history = ck.make_history(n_clients=40, years=12, seed=seed)
    found = ck.recurring_causes(history).query("recurring")
    s = ck.summarize(history)
    sentence = s.loc[s["topic"] == "recurring", "sentence"].iloc[0]
    planted = {p["client"] for p in history.planted["recurring"]}
    named = {c for c in found["client"] if c in sentence}
    # the test's strongest findings are named, and they are planted clients
    assert named
    assert named <= set(found["client"])
    strongest = found.sort_values("q_value")["client"].iloc[0]
    assert strongest in named
    assert strongest in planted


def test_summary_says_not_enough_data_on_an_eight_dispute_career():
    s = ck.summarize(eight_disputes())
    assert len(s) >= 3
    few = s[~s["enough_data"]]
    assert set(few["topic"]) >= {"causes", "recurring", "trend", "prevention"}
    assert all(t.startswith("Not enough data to tell") for t in few["sentence"])
    french = ck.summarize(eight_disputes(), lang="fr")
    assert french["sentence"].str.startswith("Pas assez de données").sum() >= 4


@pytest.mark.filterwarnings("ignore:.*cite no cause:conflictkit.ConflictkitWarning")
def test_summary_sentences_carry_their_numbers(example):
    s = ck.summarize(example).set_index("topic")["sentence"]
    counts = ck.cause_counts(example)
    top = int(counts["n_disputes"].max())
    assert f"{top} disputes" in s["causes"]
    median = ck.time_to_resolution(example)["median_days"].iloc[0]
    assert f"{median:.0f} days" in s["resolution"]
    # the planted fading cause: a step down (change_points), dated after 2016
    assert "the cause tone changed around" in s["trend"]
    assert re.search(r"around \d+ \w+ 20(1[6-9]|20)", s["trend"])


def test_summary_of_an_empty_history_says_so():
    h = ck.History.from_frames(pd.DataFrame({"client": [], "opened_at": []}))
    s = ck.summarize(h, lang="fr")
    assert not s["enough_data"].any()
    assert s["sentence"].iloc[0].startswith("Pas assez de données")


# ------------------------------------------------------------------ filters
def test_period_and_clients_filter_the_report(example, tmp_path):
    text = build_report(
        example, tmp_path / "r.html", since="2024-01-01", until="2024-12-31",
        clients=["Iris Labs", "Forge Studio"],
    ).read_text()  # fmt: skip
    d = example.disputes
    kept = d[d["opened_at"].between("2024-01-01", "2024-12-31")
             & d["client"].isin(["Iris Labs", "Forge Studio"])]  # fmt: skip
    assert f'<span class="n">{len(kept)}</span>disputes' in text
    seen = visible_text(text)
    assert "Disputes opened from 1 Jan 2024 to 31 Dec 2024" in seen
    assert "Atelier Conseil" not in seen


def test_summary_compares_the_period_with_the_one_before(example, tmp_path):
    text = build_report(example, tmp_path / "r.html", since="2025-01-01",
                        until="2025-12-31").read_text()  # fmt: skip
    d = example.disputes
    now = d["opened_at"].between("2025-01-01", "2025-12-31").sum()
    before = d["opened_at"].between("2024-01-01", "2024-12-31").sum()
    glance = visible_text(text[text.index('<ul class="glance">') :])
    # the example records missions in both years: rates are compared
    assert f"From 1 Jan 2025 to 31 Dec 2025: {now} disputes over" in glance
    assert f"against {before} over" in glance
    assert "per day worked" in glance


def test_bad_filters_are_refused(example, tmp_path):
    with pytest.raises(ValueError, match="until"):
        build_report(example, tmp_path / "r.html", since="2025-01-01",
                     until="2024-01-01")  # fmt: skip
    with pytest.raises(ValueError, match="No client named 'Nobody'"):
        build_report(example, tmp_path / "r.html", clients=["Nobody"])
    with pytest.raises(ValueError, match="since"):
        build_report(example, tmp_path / "r.html", since="not a date")


def test_cli_report_options(tmp_path, monkeypatch):
    import conflictkit.report as report

    seen = {}

    def fake(history, path, **kwargs):
        seen.update(kwargs)
        return path

    monkeypatch.setattr(report, "build_report", fake)
    argv = ["report", "-o", str(tmp_path / "r.html"), "--since", "2024-01-01",
            "--until", "2024-06-30", "--client", "Iris Labs", "--client",
            "Forge Studio", "--currency", "$", "--lang", "en"]  # fmt: skip
    assert main(argv) == 0
    assert seen == {"lang": "en", "since": "2024-01-01", "until": "2024-06-30",
                    "clients": ["Iris Labs", "Forge Studio"],
                    "currency": "$"}  # fmt: skip


def test_cli_report_refuses_an_unknown_client(tmp_path, capsys):
    code = main(["report", "--client", "Nobody", "-o", str(tmp_path / "r.html"),
                 "--lang", "fr"])  # fmt: skip
    assert code == 2
    assert "aucun client nommé 'Nobody'" in capsys.readouterr().err


# ------------------------------------------------------------------ missing data
def test_without_missions_the_sections_say_what_to_record(example, tmp_path):
    h = dataclasses.replace(example, missions=None)
    text = build_report(h, tmp_path / "r.html").read_text()
    prevention = text[text.index('<section id="prevention">') :]
    prevention = prevention[: prevention.index("</section>")]
    assert '<p class="missing">' in prevention
    assert "conflictkit template" in prevention
    assert "<img" not in prevention
    assert text.count('<img alt="') == 6


def test_a_small_file_shows_no_empty_sections(tmp_path):
    h = eight_disputes()
    text = build_report(h, tmp_path / "r.html").read_text()
    for key in ("outcomes", "prevention", "handling"):
        section = text[text.index(f'<section id="{key}">') :]
        section = section[: section.index("</section>")]
        assert '<p class="missing">' in section, key
        assert "<img" not in section, key
        assert "<table" not in section, key
    assert "&lt;NA&gt;" not in text
    assert "<NA>" not in visible_text(text)


def test_a_bug_in_an_analysis_is_not_hidden(example, tmp_path, monkeypatch):
    import conflictkit.analysis as analysis

    def broken(history, **kwargs):
        raise RuntimeError("a real bug")

    monkeypatch.setattr(analysis, "outcomes_by_cause", broken)
    with pytest.raises(RuntimeError, match="a real bug"):
        build_report(example, tmp_path / "r.html")


def test_data_quality_lists_rejected_rows_and_escapes_text(tmp_path):
    frame = pd.DataFrame(
        {
            "client": ["<script>alert(1)</script>", "Acme", "Acme"],
            "opened_at": ["2024-01-10", "2024-02-01", "not a date"],
            "resolved_at": ["2024-01-20", None, None],
            "causes": ["payment", "scoop", "tone"],
        }
    )
    with pytest.warns(ck.ConflictkitWarning, match="2 rows rejected"):
        h = ck.History.from_frames(frame, errors="collect")
    text = build_report(h, tmp_path / "r.html").read_text()
    quality = text[text.index('<section id="quality">') :]
    assert "2 rows of the file were rejected" in quality
    assert "scoop" in quality
    assert "not a date" in quality
    assert "<script>" not in text
    assert "&lt;script&gt;" in text


def test_bad_lang_is_refused(example, tmp_path):
    with pytest.raises(ValueError, match="lang"):
        build_report(example, tmp_path / "r.html", lang="de")


def test_empty_history_gives_a_report_without_figures(tmp_path):
    h = ck.History.from_frames(pd.DataFrame({"client": [], "opened_at": []}))
    text = build_report(h, tmp_path / "r.html", lang="fr").read_text()
    assert "<img" not in text
    assert text.count("Aucun litige dans cette sélection") == len(SECTION_KEYS) - 3
    assert '<span class="n">0</span>litige' in text


# ------------------------------------------------------------------ CLI, browser
def test_cli_report_writes_a_file(tmp_path, capsys):
    log = tmp_path / "log.csv"
    log.write_text(
        "client,opened_at,resolved_at,causes,outcome\n"
        "Acme,2024-01-10,2024-01-20,paiement,compromis\n"
        "Acme,2024-03-02,,scope;tone,\n"
        "Globex,2024-04-01,2024-04-09,délais,amicable\n"
    )
    out = tmp_path / "rapport.html"
    assert main(["report", str(log), "-o", str(out), "--lang", "fr"]) == 0
    assert "Rapport écrit dans" in capsys.readouterr().out
    text = out.read_text()
    assert "Causes récurrentes" in text
    assert '<span class="n">3</span>litiges' in text


def test_cli_report_defaults_to_the_example(tmp_path, monkeypatch):
    import conflictkit.report as report

    seen = {}

    def fake(history, path, **kwargs):
        seen.update(n=len(history), path=str(path), lang=kwargs["lang"])
        return path

    monkeypatch.setattr(report, "build_report", fake)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert main(["report"]) == 0
    assert seen == {"n": len(ck.load_example()), "path": "report.html", "lang": "en"}


def test_cli_report_on_the_journal(tmp_path, monkeypatch):
    from conflictkit.journal import Journal

    path = tmp_path / "j.sqlite"
    monkeypatch.setenv("CONFLICTKIT_JOURNAL", str(path))
    journal = Journal()
    journal.add("Acme", opened_at="2024-01-10", causes="payment")
    journal.add("Acme", opened_at="2024-02-10", causes="tone")
    out = tmp_path / "r.html"
    assert main(["report", "--journal", "-o", str(out), "--lang", "en"]) == 0
    text = out.read_text()
    assert '<span class="n">2</span>disputes' in text
    assert "j.sqlite" in text


def _chromium():
    names = ("/usr/bin/chromium", "chromium", "chromium-headless-shell",
             "chromium-browser", "google-chrome")  # fmt: skip
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


# CI installs chromium (.ci/run) and sets CONFLICTKIT_REQUIRE_BROWSER=1, so
# there the test runs or fails; elsewhere it is skipped without a browser.
@pytest.mark.skipif(
    _chromium() is None and not os.environ.get("CONFLICTKIT_REQUIRE_BROWSER"),
    reason="no headless browser: install chromium (Debian: apt-get install "
    "chromium) to check the report in a real browser",
)
def test_report_renders_in_headless_chromium(reports):
    path, _ = reports["fr"]
    run = subprocess.run(
        [_chromium(), "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--dump-dom", path.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    dom = run.stdout
    for key in SECTION_KEYS:
        assert htmllib.escape(i18n.t(f"section.{key}", "fr")) in dom
    assert dom.count("<img") == 7


def test_client_names_that_look_like_maths_do_not_stop_the_report(tmp_path):
    import warnings

    import pandas as pd

    names = ["$x^$", "Ke$ha $Corp", "Z" * 1_000_000]
    n = 9
    h = ck.History.from_frames(pd.DataFrame({
        "client": [names[i % 3] for i in range(n)],
        "opened_at": [f"2024-0{1 + i}-10" for i in range(n)],
        "causes": ["payment", "scope", "tone"] * 3,
    }))  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        path = ck.build_report(h, tmp_path / "r.html")
    page = path.read_text(encoding="utf-8")
    clients = page[page.index('<section id="clients">') :]
    clients = clients[: clients.index("</section>")]
    assert "<img" in clients  # the heatmap, with the client names, was drawn
    assert "ParseFatalException" not in page


def test_report_figures_have_no_text_below_10_points(example, tmp_path, monkeypatch):
    from matplotlib.text import Text

    import conflictkit.report._html as H

    sizes = []
    embed = H.figure

    def spy(fig, alt):
        for text in fig.findobj(Text):
            if text.get_visible() and text.get_text().strip():
                sizes.append((text.get_fontsize(), text.get_text()))
        return embed(fig, alt)

    monkeypatch.setattr(H, "figure", spy)
    build_report(example, tmp_path / "r.html", lang="fr")
    assert len(sizes) > 100
    small = [s for s in sizes if s[0] < 10]
    assert small == [], sorted(small)[:5]


@pytest.mark.parametrize(
    ("lang", "undated", "skipped", "unused"),
    [
        ("en", "1 dispute has an outcome but no resolution date", "1 row of the "
         "file is not a dispute and was skipped (blank rows: 1)",
         "'Commentaire interne'"),
        ("fr", "1 litige a une issue mais pas de date de règlement", "1 ligne du "
         "fichier n'est pas un litige et a été ignorée (lignes vides : 1)",
         "« Commentaire interne »"),
    ],
)  # fmt: skip
def test_report_says_what_the_reader_set_aside(
    tmp_path, lang, undated, skipped, unused
):
    # an ending with no date, a blank Excel row and a column nobody mapped are
    # not problems, but the report says each of them (nothing unsaid)
    log = tmp_path / "log.csv"
    log.write_text(
        "Client;Ouvert le;Causes;Issue;Réglé le;Commentaire interne\n"
        "A;01/02/2024;paiement;compromis;;x\nB;03/02/2024;délais;;10/02/2024;y\n"
        ";;;;;\n",
        encoding="cp1252",
    )
    with pytest.warns(ck.ConflictkitWarning):
        history = ck.read_history(log, dayfirst=True)
    out = build_report(history, tmp_path / "r.html", lang=lang)
    text = htmllib.unescape(out.read_text(encoding="utf-8"))
    assert undated in text
    assert skipped in text
    assert unused in text


def test_report_computes_recurring_causes_once(example, tmp_path, monkeypatch):
    """The summary, the clients, their profiles and the advice share one table."""
    from conflictkit.analysis import _recurring

    calls = []
    real = _recurring._recurring_frame

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(_recurring, "_recurring_frame", counted)
    text = build_report(example, tmp_path / "r.html").read_text(encoding="utf-8")
    assert len(calls) == 1
    # and what it found reached every section that uses it
    summary = ck.summarize(example)
    sentence = summary.loc[summary["topic"] == "recurring", "sentence"].iloc[0]
    assert htmllib.escape(sentence) in text
    profiles = ck.client_profiles(example)
    assert profiles.equals(
        ck.client_profiles(example, recurring=ck.recurring_causes(example))
    )


def _count_calls(monkeypatch, func):
    """Replace ``func`` in every conflictkit module that holds it; count calls."""
    import sys

    calls = []

    def counted(*args, **kwargs):
        calls.append(1)
        return func(*args, **kwargs)

    for name, module in list(sys.modules.items()):
        if name == "conflictkit" or name.startswith("conflictkit."):
            for attr, value in list(vars(module).items()):
                if value is func:
                    monkeypatch.setattr(module, attr, counted)
    return calls


def test_report_runs_prevention_trends_and_change_points_once(
    example, tmp_path, monkeypatch
):
    """The summary, the trend and prevention sections and the advice share them.

    Before: prevention_effects ran 4 times per report (summary, its advice,
    the prevention section, the recommendations), trend_summary and
    change_points twice each (summary and trend section).
    """
    from conflictkit import analysis

    counts = {
        name: _count_calls(monkeypatch, getattr(analysis, name))
        for name in ("prevention_effects", "trend_summary", "change_points")
    }
    text = build_report(example, tmp_path / "r.html").read_text(encoding="utf-8")
    assert {k: len(v) for k, v in counts.items()} == {
        "prevention_effects": 1, "trend_summary": 1, "change_points": 1
    }  # fmt: skip
    # and the sections still say what the analyses found
    summary = ck.summarize(example)
    for topic in ("trend", "prevention", "recurring"):
        sentence = summary.loc[summary["topic"] == topic, "sentence"].iloc[0]
        assert htmllib.escape(sentence) in text
    recs = ck.recommendations(example)
    assert htmllib.escape(recs["evidence"].iloc[0]) in text


def test_verdict_tables_say_what_the_data_could_have_detected(reports):
    """Each row with 'no clear change' says what could have been seen (issue
    11): the trend, change point, prevention and handling tables show
    detectable_ratio."""
    for lang, (_, page) in reports.items():
        header = i18n.t("header.detectable_ratio", lang)
        for section in ("trend", "prevention", "handling"):
            part = page[page.index(f'<section id="{section}">') :]
            part = part[: part.index("</section>")]
            heads = re.findall(r"<th[^>]*>([^<]*)</th>", part)
            want = 2 if section == "trend" else 1
            assert heads.count(header) >= want, (lang, section, heads)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_practices_nobody_recorded_are_said_to_be_not_recorded(example, tmp_path, lang):
    """Missions without practice columns gave an empty forest plot and two
    empty tables; a practice column left out was not mentioned at all."""
    bare = example.missions[["mission_id", "client", "started_at", "ended_at", "days"]]
    h = ck.History.from_frames(example.disputes, bare, as_of=example.as_of)
    page = build_report(h, tmp_path / "bare.html", lang=lang).read_text()
    section = page[page.index('<section id="prevention">') :]
    section = section[: section.index("</section>")]
    assert "<img" not in section
    assert "<table" not in section
    want = i18n.t("na.practices_not_recorded", lang)
    assert htmllib.escape(want)[:60] in section
    s = ck.summarize(h, lang=lang)
    sentence = s.loc[s["topic"] == "prevention", "sentence"].iloc[0]
    assert sentence == i18n.t("sum.prevention_not_recorded", lang)
    # one practice left out: compared for the others, named as not recorded
    some = example.missions.drop(columns="meeting_minutes")
    h = ck.History.from_frames(example.disputes, some, as_of=example.as_of)
    page = build_report(h, tmp_path / "some.html", lang=lang).read_text()
    section = page[page.index('<section id="prevention">') :]
    section = visible_text(section[: section.index("</section>")])
    line = i18n.t("prevention.not_recorded", lang,
                  practices=i18n.label("meeting_minutes", lang).lower())  # fmt: skip
    assert line in section


def test_summary_and_advice_count_a_client_s_disputes_alike(example):
    """'trust, 13 of 22' in the summary and 'trust in 13 of 21' in the advice
    counted different things (all disputes, those citing a cause): both now
    count the client's disputes that cite a cause, and say so."""
    d = example.disputes
    labelled = d["dispute_id"].isin(example.causes["dispute_id"])
    assert (~labelled).any()  # else the two counts could not differ
    for lang in ("en", "fr"):
        s = ck.summarize(example, lang=lang)
        sentence = s.loc[s["topic"] == "recurring", "sentence"].iloc[0]
        recs = ck.recommendations(example, lang=lang)
        rec = ck.recurring_causes(example)
        hits = rec[rec["recurring"]].sort_values("q_value", kind="stable")
        client = hits["client"].iloc[0]
        k = int(hits["n_disputes"].iloc[0])
        n_cite = int(labelled[d["client"] == client].sum())
        assert n_cite < int((d["client"] == client).sum())
        said = "of its" if lang == "en" else "de ses"
        cite = "that cite a cause" if lang == "en" else "qui citent une cause"
        assert f"{k} {said} {n_cite} " in sentence
        assert cite in sentence
        evidence = recs.loc[recs["client"] == client, "evidence"].iloc[0]
        assert f"{k} {said} {n_cite} " in evidence
        assert cite in evidence


def test_a_prevention_table_from_elsewhere_is_refused(example):
    with pytest.raises(ValueError, match="prevention_effects"):
        ck.recommendations(example, prevention=pd.DataFrame({"practice": ["x"]}))
    effects = ck.prevention_effects(example)
    no_scope = example.missions.drop(columns="written_scope")
    other = ck.History.from_frames(example.disputes, no_scope, as_of=example.as_of)
    with pytest.raises(ValueError, match="written_scope"):
        ck.summarize(other, prevention=effects)
    mine = ck.recommendations(example, prevention=effects)
    assert mine.equals(ck.recommendations(example))


def test_a_recurring_table_from_elsewhere_is_refused(example):
    other = eight_disputes()
    with pytest.warns(ck.SmallSampleWarning):
        theirs = ck.recurring_causes(other)
    assert not theirs["client"].isin(example.disputes["client"]).all()
    with pytest.raises(ValueError, match="same history"):
        ck.recommendations(example, recurring=theirs)
    with pytest.raises(ValueError, match="recurring_causes"):
        ck.client_profiles(example, recurring=pd.DataFrame({"client": ["Acme"]}))


def _planted_career(per_year: dict[int, tuple[int, int]], *, missions: bool = True):
    """Disputes and mission-days per year: {year: (disputes, mission-days)}."""
    d_rows, m_rows = [], []
    for year, (n, days) in per_year.items():
        for i in range(n):
            d_rows.append({"client": f"C{i % 3}",
                           "opened_at": f"{year}-{1 + i % 12:02d}-{1 + i % 27:02d}",
                           "causes": ["payment", "scope", "tone"][i % 3]})  # fmt: skip
        for j in range(days // 50):
            m_rows.append({"mission_id": f"M{year}-{j}", "client": f"C{j % 3}",
                           "started_at": f"{year}-{1 + j % 11:02d}-01",
                           "ended_at": f"{year}-{2 + j % 11:02d}-01",
                           "days": 50})  # fmt: skip
    m = pd.DataFrame(m_rows) if missions and m_rows else None
    return ck.History.from_frames(pd.DataFrame(d_rows), m, as_of="2024-12-31")


def _period_sentence(history, lang="en"):
    from conflictkit.report._select import select

    selected, period, before = select(history, since="2024-01-01", until="2024-12-31")
    s = ck.summarize(selected, lang=lang, period=period, before=before)
    row = s[s["topic"] == "period"].iloc[0]
    return row["sentence"], bool(row["enough_data"])


def _two_sided_p(k1, d1, k2, d2):
    """Twice the smaller binomial tail, by hand (the exact test of two rates)."""
    from scipy.stats import binom

    k, share = k1 + k2, d1 / (d1 + d2)
    return min(1.0, 2 * min(binom.cdf(k1, k, share), binom.sf(k1 - 1, k, share)))


def test_period_comparison_uses_rates_when_missions_cover_both_periods():
    # twice the disputes, twice the days worked: the same rate
    busier = _planted_career({2023: (10, 200), 2024: (20, 400)})
    text, enough = _period_sentence(busier)
    assert enough
    assert "20 disputes over 400 mission-days (5.0 per 100 days)" in text
    assert "against 10 over 200 (5.0 per 100)" in text
    assert "+0% per day worked" in text or "0% per day worked" in text
    assert "which could be chance (p = 1.00)" in text
    assert "+100%" not in text  # the count doubled; the rate did not
    # the same days worked, three times the disputes: a clear change
    worse = _planted_career({2023: (8, 400), 2024: (24, 400)})
    text, _ = _period_sentence(worse)
    assert "+200% per day worked, a clear change" in text
    p = _two_sided_p(24, 400, 8, 400)
    assert i18n.p_value(p, "en") in text
    french, _ = _period_sentence(worse, "fr")
    assert "+200\xa0% par jour travaillé, un changement net" in french
    assert english_words(french) == []


def test_period_comparison_counts_and_says_so_without_missions_for_both():
    no_missions = _planted_career({2023: (10, 200), 2024: (20, 400)}, missions=False)
    text, _ = _period_sentence(no_missions)
    assert "20 disputes, against 10" in text
    assert "(+100%)" in text
    assert "These are counts" in text
    # missions recorded in 2024 only: no rate for 2023, so counts again
    only_now = _planted_career({2023: (10, 0), 2024: (20, 400)})
    text, _ = _period_sentence(only_now)
    assert "These are counts" in text
    assert "per day worked" not in text


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "an association in your history, not proof"),
    ("fr", "une association dans votre historique, pas la preuve"),
])  # fmt: skip
def test_a_practice_that_went_with_fewer_disputes_is_an_association(lang, words):
    """The summary said 'Keep it up.' ('Continuez.') after a practice that went
    with fewer disputes, as if the practice had been shown to work."""
    h = ck.make_history(n_clients=80, seed=0)  # planted: a written scope, 0.5
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        s = ck.summarize(h, lang=lang)
    sentence = s.loc[s["topic"] == "prevention", "sentence"].iloc[0]
    assert i18n.label("written_scope", lang) in sentence
    assert words in sentence
    assert "Keep it up" not in sentence
    assert "Continuez" not in sentence
