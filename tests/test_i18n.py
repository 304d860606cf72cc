"""Tests for the language module: catalogs, Babel formatting, plural rules."""

from __future__ import annotations

import re
import string

import pytest
from babel.numbers import format_decimal

from conflictkit import _i18n as i18n
from conflictkit._i18n._catalog import CATALOG


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_every_text_has_english_and_french_with_the_same_placeholders(key):
    en, fr = CATALOG[key]
    en_forms = en.values() if isinstance(en, dict) else [en]
    fr_forms = fr.values() if isinstance(fr, dict) else [fr]
    assert all(text.strip() for text in [*en_forms, *fr_forms])
    plural = [f.get("other") if isinstance(f, dict) else f for f in (en, fr)]
    assert _fields(plural[0]) == _fields(plural[1]), key
    # a singular may say less ("with one client": the count, the name in the
    # list), never something the plural does not
    for text in [*en_forms, *fr_forms]:
        assert _fields(text) <= _fields(plural[0]), (key, text)
    if isinstance(en, dict) or isinstance(fr, dict):
        assert "other" in (en if isinstance(en, dict) else {"other": en})
        assert "other" in (fr if isinstance(fr, dict) else {"other": fr})


def test_plural_rules_are_cldr_ones():
    # French: 0 and 1 are singular; English: only 1
    assert i18n.t("n_disputes", "fr", count=0) == "0 litige"
    assert i18n.t("n_disputes", "fr", count=1) == "1 litige"
    assert i18n.t("n_disputes", "fr", count=2) == "2 litiges"
    assert i18n.t("n_disputes", "en", count=0) == "0 disputes"
    assert i18n.t("n_disputes", "en", count=1) == "1 dispute"
    assert i18n.t("n_days", "fr", count=1.5) == "1,5 jour"


def test_numbers_match_babel_and_never_use_an_exponent():
    for value in (3.6e-06, 0.000123, 0.0329, 1.07, 12.4, 1500.0, 2.5e9):
        for lang in ("en", "fr"):
            text = i18n.number(value, lang)
            assert not re.search(r"\d[eE]", text)
            assert float(text.replace("\u202f", "").replace(",", "." if lang == "fr"
                                                            else "")) == pytest.approx(
                value, rel=0.01)  # fmt: skip
    assert i18n.number(1234567, "fr") == format_decimal(1234567, locale="fr")
    assert i18n.number(float("nan"), "en") == i18n.MISSING


def test_percent_money_dates_and_p_values():
    assert i18n.percent(0.3123, "fr") == "31\xa0%"
    assert i18n.percent(0.3123, "en", digits=1) == "31.2%"
    assert i18n.percent(0.0004, "en") == "< 1%"
    assert i18n.percent(0, "en") == "0%"
    assert i18n.money(578230, "fr") == "578\u202f230\xa0€"
    assert i18n.money(578230, "en", "$") == "$578,230"
    assert i18n.money(578230, "fr", "£") == "578\u202f230\xa0£GB"
    assert i18n.date("2024-03-07", "fr") == "07/03/2024"
    assert i18n.date("2024-03-07", "en") == "7 Mar 2024"
    assert i18n.p_value(3.6e-06, "en") == "p < 0.001"
    assert i18n.p_value(0.0312, "fr") == "p = 0,03"
    assert i18n.p_value(0.0049, "en") == "p = 0.005"
    assert i18n.p_value(0.5, "en", name="q") == "q = 0.50"


def test_default_language_follows_the_locale():
    assert i18n.default_lang({"LC_ALL": "fr_CA.UTF-8", "LANG": "en_US"}) == "fr"
    assert i18n.default_lang({"LANG": "fr_FR.UTF-8"}) == "fr"
    assert i18n.default_lang({"LANG": "de_DE"}) == "en"
    assert i18n.default_lang({}) == "en"
    assert i18n.resolve_lang(None) in ("en", "fr")
    with pytest.raises(ValueError, match="lang"):
        i18n.resolve_lang("de")


def test_labels_of_values_practices_and_verdicts():
    assert i18n.label("written_scope", "fr") == "Périmètre écrit"
    assert i18n.label("falling", "fr") == "en baisse"
    assert i18n.label("no clear change", "fr") == "pas de changement net"
    assert i18n.label("payment", "fr") == "Paiement"
    assert i18n.label("Acme", "fr") == "Acme"  # free text unchanged


def test_warnings_are_translated_with_agreement_or_replaced():
    text = i18n.warning_text(
        "1 row rejected (1 of 14 dispute rows, 0 of 8 mission rows); see ...", "fr"
    )
    assert text.startswith("1 ligne rejetée (1 litige sur 14, 0 mission sur 8)")
    unknown = "something nobody translated"
    assert i18n.warning_text(unknown, "en") == unknown
    assert unknown not in i18n.warning_text(unknown, "fr")
    assert i18n.warning_text(unknown, "fr", keep_unknown=True) == unknown


def test_exposure_warnings_of_issue_11_read_in_french():
    """The warnings naming disputes left out for want of mission-days read
    in French in a French report (the trend's said 'une remarque n'a pas de
    traduction'); each count agrees with its noun."""
    import warnings

    import pandas as pd

    import conflictkit as ck

    h = ck.make_history(seed=3)
    gone = sorted(h.missions["client"].unique())[:10]
    d = h.disputes.assign(
        mission_id=h.disputes["mission_id"].mask(h.disputes["client"].isin(gone))
    )
    m = h.missions[~h.missions["client"].isin(gone)]
    h2 = ck.History.from_frames(d, m, as_of=h.as_of)
    one = ck.History.from_frames(
        pd.DataFrame({"client": ["A", "B"], "opened_at": ["2024-02-01"] * 2}),
        pd.DataFrame({"mission_id": ["M1"], "client": ["A"],
                      "started_at": ["2024-01-01"], "days": [20.0]}),
        as_of="2024-12-31",
    )  # fmt: skip
    for run in (lambda: ck.trend_summary(h2), lambda: ck.dispute_rates(h2, by=None),
                lambda: ck.dispute_rates(one)):  # fmt: skip
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            run()
        notes = [str(w.message) for w in caught
                 if issubclass(w.category, ck.ConflictkitWarning)]  # fmt: skip
        assert notes
        for note in notes:
            french = i18n.warning_text(note, "fr")
            assert "n'a pas de traduction" not in french, note
            assert "disputes" not in french
    assert (
        i18n.warning_text(
            "1 dispute belongs to 1 client without any mission-days; their rates are "
            "NaN.",
            "fr",
        )
        == "1 client sans aucun jour de mission (1 litige) : taux non calculable."
    )
