"""The vocabulary: phrases, word order, typos reported with a suggestion,
placeholders."""

from __future__ import annotations

import pandas as pd
import pytest

from conflictkit import DisputeDataError, History
from conflictkit.io import vocabulary as V
from conflictkit.io._causes import _cause_vocabulary, _label_vocabulary
from conflictkit.io._parse import is_placeholder
from conflictkit.io._words import content_words
from conflictkit.model import (
    MISSION_COLUMNS,
    Contract,
    Escalation,
    Outcome,
    Severity,
)


def frame(**cols):
    n = len(next(iter(cols.values())))
    base = {"client": ["Acme"] * n, "opened_at": ["2024-01-10"] * n}
    base.update(cols)
    return pd.DataFrame(base)


def causes_of(text):
    h = History.from_frames(frame(causes=[text]))
    return h.causes["cause"].astype(str).tolist()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("paiement en retard", ["payment"]),
        ("facture en retard", ["payment"]),
        ("retard de paiement", ["payment"]),
        ("Retard de Paiement client", ["payment"]),
        ("retard de payement", ["payment"]),
        ("retard de livraison", ["deadlines"]),
        ("livraison en retard", ["deadlines"]),
        ("devis contesté", ["scope"]),
        ("devis", ["scope"]),
        ("ton condescendant", ["tone"]),
        ("condescending tone", ["tone"]),
        ("late invoice", ["payment"]),
        ("perte de confiance", ["trust"]),
        ("N/A", []),
        ("retard de paiement; ton directif", ["payment", "tone"]),
    ],
)
def test_phrases_in_any_word_order(text, expected):
    assert causes_of(text) == expected


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("retard de paiment", "did you mean 'payment', as in 'retard de paiement'?"),
        ("paiment en retard", "did you mean 'payment'"),
        ("retard de livraisn", "did you mean 'deadlines'"),
        ("perimetre flout", "did you mean 'scope'"),
        ("scoop", "did you mean 'scope'?"),
    ],
)
def test_a_typo_is_reported_with_a_suggestion_never_filed_elsewhere(text, suggestion):
    with pytest.raises(DisputeDataError) as info:
        History.from_frames(frame(causes=[text]))
    problem = info.value.failures["problem"].item()
    assert f"{text!r} is not a cause" in problem
    assert suggestion in problem


def test_two_causes_in_one_phrase_ask_for_a_separator():
    with pytest.raises(DisputeDataError, match="reads as both deadlines and tone"):
        History.from_frames(frame(causes=["retard et ton agressif"]))


@pytest.mark.parametrize(
    "text",
    ["N/A", "n/a", "NA", "#N/A", "None", "null", "-", "—", "néant", "Néant",
     "sans objet", "NÉANT", "?", "  ", "non renseigné"],
)  # fmt: skip
def test_placeholders_are_missing_in_every_column(text):
    df = frame(
        causes=[text],
        outcome=[text],
        amount_at_stake=[text],
        resolved_at=[text],
        followup_sent=[text],
        notes=[text],
        mission_id=[text],
    )
    d = History.from_frames(df).disputes
    row = d.iloc[0]
    for col in ("primary_cause", "outcome", "amount_at_stake", "resolved_at",
                "followup_sent", "notes", "mission_id"):  # fmt: skip
        assert pd.isna(row[col]), col


def test_a_placeholder_client_is_an_empty_client():
    with pytest.raises(DisputeDataError, match="'client': is empty"):
        History.from_frames(frame(client=["N/A"]))


@pytest.mark.parametrize("text", ["non", "0", "no", "nan bread", "Nadia"])
def test_words_that_merely_look_like_placeholders_are_not(text):
    assert not is_placeholder(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("perdu", "conceded"), ("en cours", None), ("En cours", None),
     ("pending", None), ("gain de cause", "prevailed"),
     ("accord trouvé", "compromise")],
)  # fmt: skip
def test_outcome_phrases(text, expected):
    df = frame(outcome=[text], resolved_at=["2024-02-01"])
    got = History.from_frames(df).disputes["outcome"].iloc[0]
    assert (None if pd.isna(got) else got) == expected


def test_every_cause_spelling_reads_as_its_cause_one_by_one():
    words = _cause_vocabulary(None)
    for spelling, cause in V.CAUSES.items():
        assert words.lookup(V.normalize(spelling)).value == (cause,), spelling


def test_no_two_spellings_share_their_words_with_different_meanings():
    assert _cause_vocabulary(None).conflicts() == {}
    for table, enum in ((V.OUTCOMES, Outcome),):
        assert _label_vocabulary(enum, tuple(table.items())).conflicts() == {}


def test_vocabulary_keys_are_normalised():
    for table in (V.CAUSES, V.OUTCOMES, V.SEVERITIES, V.ESCALATIONS, V.CONTRACTS,
                  V.COLUMN_ALIASES, V.BOOLEANS):  # fmt: skip
        for key in table:
            assert V.normalize(key) == key, key
    for key in V.PENDING_OUTCOMES | V.TOTAL_LABELS:
        assert V.normalize(key) == key, key


def test_word_order_and_small_words_are_ignored():
    assert content_words("paiement en retard") == content_words("retard de paiement")


def test_placeholders_are_never_vocabulary():
    for key in map(V.normalize, V.PLACEHOLDERS):
        assert key not in V.CAUSES, key
        assert key not in V.OUTCOMES, key


@pytest.mark.parametrize(
    ("header", "target"),
    [("Issue", "outcome"), ("Résultat", "outcome"), ("Réglé le", "resolved_at"),
     ("Date de règlement", "resolved_at"), ("Motif", "causes"), ("Objet", "causes"),
     ("Montant", "amount_at_stake"), ("Début", "opened_at"), ("Société", "client"),
     ("N°", "dispute_id")],
)  # fmt: skip
def test_known_french_and_english_headers_are_recognised(header, target):
    values = {
        "outcome": "compromis", "resolved_at": "2024-02-01", "causes": "paiement",
        "amount_at_stake": "100", "opened_at": "2024-01-10", "client": "Acme",
        "dispute_id": "L-1",
    }  # fmt: skip
    df = frame(**{header: [values[target]]})
    if target in ("opened_at", "client"):
        df = df.drop(columns=[target])
    if target == "outcome":
        df["resolved_at"] = "2024-02-01"
    h = History.from_frames(df)
    assert h.unused_columns == ()
    got = h.disputes[target if target != "causes" else "primary_cause"].iloc[0]
    assert str(got) in {"compromise", "payment", "100.0", "Acme", "L-1"} or (
        got == pd.Timestamp(values[target])
    )


def test_english_issue_column_of_complaints_is_not_read_as_an_outcome():
    df = frame(Issue=["Loan servicing, payments", "Incorrect information"])
    with pytest.warns(Warning, match=r"'Issue' \(outcome or causes\?\)"):
        h = History.from_frames(df)
    assert h.disputes["outcome"].isna().all()
    assert h.unused_columns == ("Issue",)


@pytest.mark.parametrize(
    ("table", "enum"),
    [(V.OUTCOMES, Outcome), (V.SEVERITIES, Severity), (V.ESCALATIONS, Escalation),
     (V.CONTRACTS, Contract)],
)  # fmt: skip
def test_every_label_spelling_reads_as_its_label_one_by_one(table, enum):
    words = _label_vocabulary(enum, tuple(table.items()))
    assert words.conflicts() == {}
    for spelling, member in table.items():
        assert words.lookup(V.normalize(spelling)).value == member, spelling
    for spelling in V.PENDING_OUTCOMES if enum is Outcome else ():
        found = words.lookup(spelling)
        assert (found.value, found.problem) == (None, None), spelling


@pytest.mark.parametrize("header", sorted(V.COLUMN_ALIASES))
def test_every_header_alias_is_recognised_one_by_one(header):
    from conflictkit.io._columns import _alias

    table = "missions" if V.COLUMN_ALIASES[header] in MISSION_COLUMNS else "disputes"
    expected = V.TABLE_ALIASES[table].get(header, V.COLUMN_ALIASES[header])
    assert _alias(header, table) == expected
