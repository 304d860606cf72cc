"""Tests for anonymize: stable pseudonyms, scrubbed notes, unchanged numbers."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import conflictkit as ck
from conflictkit._anonymize import anonymize, scrub_text


@pytest.fixture(scope="module")
def example():
    return ck.load_example()


@pytest.fixture(scope="module")
def shared(example):
    return anonymize(example, salt="mediator 2026")


def _small(notes, client="Zénith Mobility"):
    return ck.History.from_frames(
        pd.DataFrame(
            {
                "dispute_id": [f"X{i}" for i in range(len(notes))],
                "client": [client] * len(notes),
                "opened_at": ["2024-01-10"] * len(notes),
                "causes": ["payment"] * len(notes),
                "notes": notes,
            }
        )
    )


class TestPseudonyms:
    def test_same_salt_gives_same_pseudonyms(self, example, shared):
        again = anonymize(example, salt="mediator 2026")
        pd.testing.assert_frame_equal(again.disputes, shared.disputes)
        pd.testing.assert_frame_equal(again.missions, shared.missions)

    def test_different_salt_gives_different_pseudonyms(self, example, shared):
        other = anonymize(example, salt="agency")
        assert not set(other.disputes["client"]) & set(shared.disputes["client"])
        assert not set(other.disputes["dispute_id"]) & set(
            shared.disputes["dispute_id"]
        )

    def test_client_pseudonym_is_hmac_sha256_of_the_name(self, example, shared):
        import hashlib
        import hmac

        name = example.disputes["client"].iloc[0]
        digest = hmac.new(b"mediator 2026", name.encode(), hashlib.sha256)
        expected = "Client " + digest.hexdigest().upper()[:6]
        assert shared.disputes["client"].iloc[0] == expected

    def test_names_and_ids_are_gone_and_mapping_is_one_to_one(self, example, shared):
        d, a = example.disputes, shared.disputes
        assert not set(d["client"]) & set(a["client"])
        assert not set(d["dispute_id"]) & set(a["dispute_id"])
        assert not set(d["mission_id"].dropna()) & set(a["mission_id"].dropna())
        assert a["client"].str.fullmatch(r"Client [0-9A-F]{6,}").all()
        pairs = pd.DataFrame({"old": d["client"], "new": a["client"]}).drop_duplicates()
        assert pairs["old"].is_unique
        assert pairs["new"].is_unique
        assert a["dispute_id"].is_unique
        assert a["mission_id"].isna().equals(d["mission_id"].isna())

    def test_ids_agree_across_tables(self, shared):
        assert set(shared.causes["dispute_id"]) <= set(shared.disputes["dispute_id"])
        linked = shared.disputes["mission_id"].dropna()
        assert linked.isin(shared.missions["mission_id"]).all()
        m = shared.missions.set_index("mission_id")["client"]
        linked_rows = shared.disputes.dropna(subset=["mission_id"])
        assert (linked_rows["mission_id"].map(m) == linked_rows["client"]).all()

    def test_input_is_not_modified(self, example):
        before = example.disputes.copy()
        anonymize(example, salt="s")
        pd.testing.assert_frame_equal(example.disputes, before)

    @pytest.mark.parametrize("salt", ["", b""])
    def test_empty_salt_is_refused(self, example, salt):
        with pytest.raises(ValueError, match="must not be empty"):
            anonymize(example, salt=salt)

    def test_salt_is_required(self, example):
        with pytest.raises(TypeError):
            anonymize(example)  # type: ignore[call-arg]

    def test_planted_and_source_are_dropped(self, shared):
        assert shared.planted is None
        assert shared.source is None


class TestNotes:
    @pytest.mark.parametrize(
        "phone",
        [
            "06 12 34 56 78",
            "06.12.34.56.78",
            "06-12-34-56-78",
            "0612345678",
            "+33 6 12 34 56 78",
            "+33612345678",
            "+33 (0)6 12 34 56 78",
            "0033 6 12 34 56 78",
            "01 42 68 53 00",
            "+1 415 555 0100",
            "+1-415-555-0100",
            "+44 20 7946 0958",
            "(415) 555-0100",
        ],
    )
    def test_phone_numbers_are_replaced(self, phone):
        out = scrub_text(pd.Series([f"Appelé au {phone}, sans réponse."]))
        assert out[0] == "Appelé au [phone], sans réponse."

    @pytest.mark.parametrize(
        "text",
        [
            "Amount: 10550 EUR.",
            "Facture du 2024-01-10 pour 1 500,00 €",
            "Version 1.2 livrée le 07/04/2021",
            "Retard de 14 jours, 3 relances",
            "Budget +15 000 € validé, +3 jours",
            "Ticket 12345678 ouvert",
        ],
    )
    def test_numbers_that_are_not_phones_are_kept(self, text):
        assert scrub_text(pd.Series([text]))[0] == text

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("write to jean.dupont+cc@acme-conseil.fr now", "write to [email] now"),
            ("voir https://acme.fr/devis?id=3.", "voir [url]."),
            ("voir http://intranet.local/page", "voir [url]"),
            ("sur www.acme.com, page 2", "sur [url], page 2"),
            ("le site acme-conseil.fr/contact", "le site [url]"),
        ],
    )
    def test_emails_and_urls_are_replaced(self, text, expected):
        assert scrub_text(pd.Series([text]))[0] == expected

    def test_client_name_is_replaced_in_any_case_and_accents(self):
        h = _small(
            [
                "Réunion avec Zénith Mobility hier",
                "ZENITH MOBILITY ne répond plus",
                "zénith-mobility a payé",
                "Zénith Mobilityx is another word",
                None,
            ]
        )
        a = anonymize(h, salt="k")
        who = a.disputes["client"].iloc[0]
        notes = a.disputes["notes"].tolist()
        assert notes[0] == f"Réunion avec {who} hier"
        assert notes[1] == f"{who} ne répond plus"
        assert notes[2] == f"{who} a payé"
        # "Zénith" alone still names the client (a distinctive word of it)
        assert notes[3] == f"{who} Mobilityx is another word"
        assert pd.isna(notes[4])

    def test_other_clients_named_in_notes_are_replaced_too(self):
        h = ck.History.from_frames(
            pd.DataFrame(
                {
                    "client": ["Acme", "Globex"],
                    "opened_at": ["2024-01-10", "2024-02-01"],
                    "notes": ["Acme compared us to Globex", "no names here"],
                }
            )
        )
        a = anonymize(h, salt="k")
        acme, globex = a.disputes["client"].tolist()
        assert a.disputes["notes"][0] == f"{acme} compared us to {globex}"
        assert a.disputes["notes"][1] == "no names here"

    def test_rejected_rows_are_scrubbed(self):
        frame = pd.DataFrame(
            {
                "client": ["Acme", "Acme"],
                "opened_at": ["2024-01-10", "not a date"],
                "notes": ["fine", "call Acme on 06 12 34 56 78"],
            }
        )
        with pytest.warns(ck.ConflictkitWarning, match="1 row rejected"):
            h = ck.History.from_frames(frame, errors="collect")
        a = anonymize(h, salt="k")
        rej = a.rejected
        assert len(rej) == 1
        text = " ".join(str(v) for v in rej.iloc[0].tolist())
        assert "Acme" not in text
        assert "06 12" not in text
        assert rej["client"].iloc[0] == a.disputes["client"].iloc[0]


class TestSameNumbers:
    def _names(self, example, shared):
        return dict(
            zip(shared.disputes["client"], example.disputes["client"], strict=True)
        )

    def test_cause_counts_are_unchanged(self, example, shared):
        with pytest.warns(ck.ConflictkitWarning, match="cite no cause"):
            before = ck.cause_counts(example)
        with pytest.warns(ck.ConflictkitWarning, match="cite no cause"):
            after = ck.cause_counts(shared)
        pd.testing.assert_frame_equal(after, before)

    def test_recurring_causes_are_unchanged_after_mapping_names(self, example, shared):
        names = self._names(example, shared)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ck.ConflictkitWarning)
            before = ck.recurring_causes(example)
            after = ck.recurring_causes(shared)
        after = after.assign(client=after["client"].map(names).astype(str))
        key = ["client", "cause"]
        before = before.assign(client=before["client"].astype(str))
        before = before.sort_values(key).reset_index(drop=True)
        after = after.sort_values(key).reset_index(drop=True)
        pd.testing.assert_frame_equal(after, before, check_dtype=False)

    def test_time_to_resolution_by_client_is_unchanged(self, example, shared):
        names = self._names(example, shared)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ck.ConflictkitWarning)
            before = ck.time_to_resolution(example, by="client")
            after = ck.time_to_resolution(shared, by="client")
            overall = ck.time_to_resolution(shared)
            expected = ck.time_to_resolution(example)
        after = after.assign(group=after["group"].map(names).astype(str))
        before = before.assign(group=before["group"].astype(str))
        before = before.sort_values("group").reset_index(drop=True)
        after = after.sort_values("group").reset_index(drop=True)
        pd.testing.assert_frame_equal(after, before, check_dtype=False)
        pd.testing.assert_frame_equal(overall, expected)


# ---------------------------------------------------------------- nothing left
PII = {
    "iban": "FR76 3000 6000 0112 3456 7890 189",
    "iban_compact": "GB29NWBK60161331926819",
    "bic": "BNPAFRPPXXX",
    "siret": "732 829 320 00074",
    "siren": "SIREN 552100554",
    "vat": "FR40303265045",
    "nir": "1 84 12 75 123 456 78",
    "address_fr": "12 bis, rue de la Paix, 75002 Paris",
    "address_en": "221B Baker Street, London NW1 6XE",
    "phone_us": "555-123-4567",
    "phone_paren": "(415) 555-0100",
    "phone_intl": "+44 20 7946 0958",
    "phone_00": "0049 30 1234567",
    "phone_fr": "06 12 34 56 78",
    "fullwidth_phone": "０６ １２ ３４ ５６ ７８",
    "skype": "skype: jean.dupont42",
    "skype_live": "live:jdupont_1",
    "handle": "@jdupont",
    "email": "jean.dupont@saphir-conseil.fr",
    "url": "https://saphir-conseil.fr/contact",
}
#: the tokens that must not survive anywhere
SECRETS = [
    "3000 6000", "NWBK6016", "BNPAFRPP", "732 829 320", "552100554",
    "303265045", "75 123 456", "rue de la Paix", "Baker Street", "555-123-4567",
    "555-0100", "7946 0958", "1234567", "12 34 56 78", "１２", "jean.dupont42",
    "jdupont", "saphir", "Saphir", "SAPHIR", "Zénith", "Zenith", "Quetzal",
    "M-LEAK-1", "D-LEAK-7", "REJ-ID-9", "Hortensia",
]  # fmt: skip


@pytest.fixture(scope="module")
def leaky(tmp_path_factory):
    """A history full of personal data, rejected rows with the user's headers."""
    tmp = tmp_path_factory.mktemp("leaky")
    notes = [f"{k}: {v}" for k, v in PII.items()]
    notes += [
        "Saphir relance encore",  # part of a client's name
        "ＳＡＰＨＩＲ a rappelé",  # fullwidth
        "Vu Zénith et Quetzal ce matin",
        "RDV chez Hortensia Labs",
    ]
    n = len(notes)
    path = tmp / "log.csv"
    rows = ["Identifiant;Société;Mission;Ouvert le;Motif;Notes"]
    clients = ["Saphir Conseil", "Zénith Mobility", "Quetzal Group", "Hortensia Labs"]
    for i, note in enumerate(notes):
        ident = "D-LEAK-7" if i == 0 else f"D{i}"
        client = clients[i % 4]
        mission = "M-LEAK-1" if client == "Saphir Conseil" else ""
        rows.append(f"{ident};{client};{mission};2024-01-{i + 1:02d};paiement;{note}")
    # rejected rows: a bad date and a bad cause, with a client, ids and PII
    rows.append("REJ-ID-9;Saphir Conseil;M-LEAK-1;someday;paiement;IBAN "
                + PII["iban"])  # fmt: skip
    rows.append("D-x;Hortensia Labs;;2024-02-01;Saphir;tel 555-123-4567")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    missions = tmp / "missions.csv"
    missions.write_text(
        "mission_id,client,started_at\nM-LEAK-1,Saphir Conseil,2023-12-01\n"
        "D-LEAK-7,Quetzal Group,2023-12-01\n"  # an id that is also a dispute id
    )
    with pytest.warns(ck.ConflictkitWarning, match="rejected"):
        history = ck.read_history(
            path, missions=missions, errors="collect",
            columns={"Société": "client", "Identifiant": "dispute_id"},
        )  # fmt: skip
    assert len(history) == n
    assert len(history.rejected) == 2
    return history, anonymize(history, salt="s3cret"), tmp


def _leaks(text):
    return [s for s in SECRETS if s in text]


class TestNothingLeftBehind:
    def test_frames(self, leaky):
        _, shared, _ = leaky
        frames = [shared.disputes, shared.causes, shared.missions, shared.rejected]
        text = "\n".join(f.astype(str).to_csv() for f in frames)
        assert _leaks(text) == []

    @pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json"])
    def test_files(self, leaky, suffix):
        import zipfile

        _, shared, tmp = leaky
        written = ck.write_history(shared, tmp / f"shared{suffix}")
        for path in written:
            if suffix == ".xlsx":
                with zipfile.ZipFile(path) as z:
                    text = "\n".join(z.read(n).decode("utf-8") for n in z.namelist()
                                     if n.endswith(".xml"))  # fmt: skip
            else:
                text = path.read_text(encoding="utf-8")
            assert _leaks(text) == [], path.name

    def test_report(self, leaky):
        _, shared, tmp = leaky
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            path = ck.build_report(shared, tmp / "report.html")
        assert _leaks(path.read_text(encoding="utf-8")) == []

    def test_every_kind_of_detail_has_its_placeholder(self, leaky):
        _, shared, _ = leaky
        notes = dict(zip(PII, shared.disputes["notes"], strict=False))
        expected = {
            "iban": "[iban]", "iban_compact": "[iban]", "bic": "[bic]",
            "siret": "[company-id]", "siren": "[company-id]", "vat": "[vat]",
            "nir": "[nir]", "address_fr": "[address]", "address_en": "[address]",
            "phone_us": "[phone]", "phone_paren": "[phone]", "phone_intl": "[phone]",
            "phone_00": "[phone]", "phone_fr": "[phone]", "fullwidth_phone": "[phone]",
            "skype": "[handle]", "skype_live": "[handle]", "handle": "[handle]",
            "email": "[email]", "url": "[url]",
        }  # fmt: skip
        for k, placeholder in expected.items():
            assert placeholder in notes[k], (k, notes[k])

    def test_rejected_rows_use_the_same_pseudonyms(self, leaky):
        original, shared, _ = leaky
        rej = shared.rejected
        names = dict(zip(original.disputes["client"], shared.disputes["client"],
                         strict=True))  # fmt: skip
        assert set(rej["Société"]) == {names["Saphir Conseil"], names["Hortensia Labs"]}
        missions = set(shared.disputes["mission_id"].dropna())
        assert set(rej["Mission"].dropna()) == missions
        assert rej["Identifiant"].str.startswith("D-").all()
        problems = " ".join(rej["problems"])
        assert "someday" in problems  # what was wrong is still said
        assert "Saphir" not in problems

    def test_dispute_and_mission_ids_have_separate_pseudonyms(self, leaky):
        original, shared, _ = leaky
        d_pos = original.disputes["dispute_id"].tolist().index("D-LEAK-7")
        m_pos = original.missions["mission_id"].tolist().index("D-LEAK-7")
        d = shared.disputes["dispute_id"][d_pos]
        m = shared.missions["mission_id"][m_pos]
        assert d[2:] != m[2:]

    def test_common_words_of_a_name_stay(self):
        h = _small(["le conseil a été donné", "group meeting"], client="Saphir Conseil")
        a = anonymize(h, salt="k")
        assert a.disputes["notes"].tolist() == [
            "le conseil a été donné",
            "group meeting",
        ]


@pytest.mark.parametrize(
    "text",
    ["paid 1 500,00 € on 2024-03-01", "invoice F-2024-031", "15 jours de retard",
     "+15 000 €", "version 3.2.1", "DEADLINE today", "1500 euros", "call at 14:30"],
)  # fmt: skip
def test_ordinary_text_is_kept(text):
    from conflictkit._anonymize import scrub_text

    assert scrub_text(pd.Series([text]))[0] == text
