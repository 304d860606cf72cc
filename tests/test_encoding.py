"""Encodings decided with Western European text in mind; mojibake never accepted."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import conflictkit as ck
from conflictkit import DisputeDataError
from conflictkit.io._encoding import decode_bytes, mojibake

DATA = Path(__file__).parent / "data"
REVIEWS = DATA / "fr_allocine_notes_cp1252.csv"

LOG = (
    "Client;Début;Motif;Commentaire\n"
    "Société Générale;07/04/2021;délais;Crèche, façade, œuvre, déjà vu\n"
    "Boulangerie Lefèvre;25/05/2021;périmètre;Très énervé, « hors délai »\n"
    "Ébénisterie Müller;17/06/2021;paiement;Reçu 1 500 € à l’échéance\n"
)


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_cp1252_french_log_is_not_read_as_a_dos_code_page(tmp_path):
    # cp850 decodes every byte too: "Début" would become "DÚbut"
    h = ck.read_history(write(tmp_path, "l.csv", LOG.encode("cp1252")))
    assert h.disputes["client"].tolist()[0] == "Société Générale"
    assert h.disputes["notes"].iloc[1] == "Très énervé, « hors délai »"


def test_dos_cp850_export_is_decoded_as_cp850():
    h = ck.read_history(DATA / "fr_dos_cp850.csv")
    assert h.disputes["client"].tolist() == [
        "Garage Hébert",
        "Café de la Gare",
        "Ébénisterie Müller",
    ]
    assert h.disputes["primary_cause"].tolist() == ["payment", "deadlines", "scope"]


def test_mac_roman_text_is_decoded_as_mac_roman(tmp_path):
    text = LOG.replace("œ", "oe").replace("’", "'")
    h = ck.read_history(write(tmp_path, "mac.csv", text.encode("mac_roman")))
    assert h.disputes["client"].iloc[2] == "Ébénisterie Müller"


def test_double_encoded_utf8_file_is_refused_with_the_garbled_word():
    with pytest.raises(DisputeDataError, match=r"garbled as utf-8: 'SociÃ©tÃ©'"):
        ck.read_history(DATA / "fr_double_encoded.csv")


def test_real_review_garbled_in_its_source_is_refused():
    """An Allociné review whose 'œ' became a C1 control in the source file."""
    with pytest.raises(DisputeDataError, match=r"garbled .*'dés\\x9cuvrement'"):
        ck.read_history(DATA / "fr_allocine_mojibake.csv")


def test_utf8_read_as_dos_box_drawing_is_refused(tmp_path):
    garbled = LOG.encode("utf-8").decode("cp850").encode("utf-8")
    with pytest.raises(DisputeDataError, match="garbled"):
        ck.read_history(write(tmp_path, "g.csv", garbled))


def test_real_french_prose_in_cp1252_reads_back_identical():
    """40 real Allociné reviews (MIT) as the notes of a cp1252 log."""
    h = ck.read_history(REVIEWS)
    with REVIEWS.open(encoding="cp1252", newline="") as f:
        expected = [r["Commentaire"] for r in csv.DictReader(f, delimiter=";")]
    assert h.disputes["notes"].tolist() == expected
    assert len(expected) == 40


@pytest.mark.parametrize("encoding", ["cp1252", "cp850", "mac_roman", "utf-8"])
def test_real_french_prose_is_decided_right_in_each_encoding(encoding):
    text = REVIEWS.read_bytes().decode("cp1252")
    text = "".join(ch for ch in text if ch.encode(encoding, "ignore"))
    got, used = decode_bytes(text.encode(encoding), "x")
    assert got.decode("utf-8") == text
    assert used in (encoding, "utf-8")


@pytest.mark.parametrize(
    ("text", "garbled"),
    [
        ("Début;Client", None),
        ("aujourd’hui, cœur, Noël, naïve, 3×4", None),
        ("ÉTÉ 2021 À LA CRÈCHE", None),
        ("DÚbut", "'DÚbut' (line 1)"),
        ("pÞriode", "'pÞriode' (line 1)"),
        ("DÃ©but", "'DÃ©but' (line 1)"),
        ("lâ€™offre", "'lâ€™offre' (line 1)"),
        ("D├®but", "'D├®but' (line 1)"),
        ("d‚lai", "'d‚lai' (line 1)"),
        ("x\nfa\u00e7\u0080ade", repr("fa\u00e7\u0080ade") + " (line 2)"),
    ],
)
def test_mojibake_detector(text, garbled):
    assert mojibake(text) == garbled


@pytest.mark.parametrize("text", ["DÚbut", "pÞriode", "d‚lai", "Þórr", "aÉb"])
def test_in_a_certain_encoding_only_double_encoding_is_mojibake(text):
    assert mojibake(text, certain=True) is None


FRENCH_WORDS = [
    "Société", "Générale", "Crèche", "façade", "été", "déjà", "où", "naïf",
    "Noël", "cœur", "Ça", "Île", "hôtel", "forêt", "garçon", "délai", "reçu",
    "périmètre", "Lefèvre", "Müller", "à", "l'échéance", "1 500,00 €",
    "n°3", "Dupré", "Œuvre", "âge", "très", "Zoé", "mi-août", "OK", "12,5",
]  # fmt: skip


def french_text(min_words: int = 1) -> st.SearchStrategy[str]:
    word = st.sampled_from(FRENCH_WORDS).flatmap(
        lambda w: st.sampled_from([w, w.lower(), w.upper(), w.capitalize()])
    )
    return st.lists(word, min_size=min_words, max_size=8).map(" ".join)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(clients=st.lists(french_text(), min_size=1, max_size=6), data=st.data())
def test_any_cp1252_french_text_written_by_pandas_reads_back_identical(
    tmp_path, clients, data
):
    notes = data.draw(st.lists(french_text(), min_size=len(clients),
                               max_size=len(clients)))  # fmt: skip
    frame = pd.DataFrame(
        {
            "client": clients,
            "opened_at": "2024-01-10",
            "notes": notes,
        }
    )
    buffer = io.BytesIO()
    frame.to_csv(buffer, sep=";", index=False, encoding="cp1252")
    path = write(tmp_path, "hyp.csv", buffer.getvalue())
    h = ck.read_history(path)
    assert h.disputes["client"].tolist() == clients
    assert h.disputes["notes"].tolist() == notes
