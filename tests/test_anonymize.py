"""Tests for anonymize: stable pseudonyms, scrubbed notes, unchanged numbers."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import conflictkit as ck
from conflictkit.anonymize import anonymize, scrub_text


@pytest.fixture(scope="module")
def example():
    return ck.load_example()


@pytest.fixture(scope="module")
def shared(example):
    return anonymize(example, salt="mediator 2026")


def _small(notes):
    return ck.History.from_frames(
        pd.DataFrame(
            {
                "dispute_id": [f"X{i}" for i in range(len(notes))],
                "client": ["Zénith Mobility"] * len(notes),
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
        assert notes[3] == "Zénith Mobilityx is another word"
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
