"""Tests of the notes classifier: corpus, estimator contract, accuracy, suggestions."""

from __future__ import annotations

import copy
import importlib.util
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.metrics import f1_score, recall_score
from sklearn.model_selection import GridSearchCV, GroupKFold, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, MultiLabelBinarizer
from sklearn.utils import estimator_checks as checks

import conflictkit as ck
import conflictkit.notes._classifier as classify_module
from conflictkit import Cause, CauseClassifier, load_example_notes, suggest_causes

CAUSES = [c.value for c in Cause]
MAKE_NOTES = Path(__file__).resolve().parents[1] / "datasets" / "make_notes.py"


def _split(causes: pd.Series) -> list[list[str]]:
    return [s.split(";") for s in causes]


@pytest.fixture(scope="module")
def notes():
    return load_example_notes()


@pytest.fixture(scope="module")
def train(notes):
    return notes[notes["split"] == "train"].reset_index(drop=True)


@pytest.fixture(scope="module")
def test_notes(notes):
    return notes[notes["split"] == "test"].reset_index(drop=True)


@pytest.fixture(scope="module")
def fitted(train):
    """Trained on the training split only: what the held-out figures measure."""
    return CauseClassifier(random_state=0).fit(train["text"], train["causes"])


@pytest.fixture(scope="module")
def full(notes):
    """Trained on the whole corpus, as suggest_causes does by default."""
    return CauseClassifier(random_state=0).fit(notes["text"], notes["causes"])


# ---------------------------------------------------------------- the corpus
class TestCorpus:
    def test_columns_and_dtypes(self, notes):
        assert list(notes.columns) == [
            "note_id",
            "text",
            "lang",
            "causes",
            "split",
            "group",
        ]
        assert notes["note_id"].is_unique
        assert notes["text"].dtype == "string"
        assert list(notes["lang"].cat.categories) == ["fr", "en"]
        assert list(notes["split"].cat.categories) == ["train", "test"]
        assert notes.notna().all().all()

    def test_size_and_languages_are_balanced(self, notes):
        assert len(notes) >= 800
        share_fr = (notes["lang"] == "fr").mean()
        assert 0.45 <= share_fr <= 0.55

    def test_every_cause_is_well_represented_and_valid(self, notes):
        cited = pd.Series([c for cs in _split(notes["causes"]) for c in cs])
        assert set(cited) == set(CAUSES)
        counts = cited.value_counts()
        assert counts.min() >= 0.12 * len(notes), counts.to_dict()
        for lang in ("fr", "en"):
            sub = notes[notes["lang"] == lang]
            primary = sub["causes"].str.split(";").str[0].value_counts()
            assert primary.min() >= 60, (lang, primary.to_dict())

    def test_about_a_fifth_of_notes_cite_several_causes(self, notes):
        several = notes["causes"].str.contains(";")
        assert 0.15 <= several.mean() <= 0.3
        # no cause is cited twice in one note
        assert all(len(set(cs)) == len(cs) for cs in _split(notes["causes"]))

    def test_test_split_is_a_quarter_per_language_and_primary_cause(self, notes):
        primary = notes["causes"].str.split(";").str[0]
        share = (
            (notes["split"] == "test")
            .groupby([notes["lang"], primary], observed=True)
            .mean()
        )
        assert share.between(0.2, 0.32).all(), share.to_dict()
        assert 0.22 <= (notes["split"] == "test").mean() <= 0.28

    def test_no_sentence_is_shared_across_the_split(self, notes, train, test_notes):
        # a group (a note, its translation, a joined note and its parts) never
        # straddles the split, and no test text repeats a training text
        sides = notes.groupby("group")["split"].nunique()
        assert (sides == 1).all()
        assert not set(test_notes["text"].str.lower()) & set(train["text"].str.lower())

    def test_late_payment_is_labelled_payment_not_deadlines(self, notes):
        late_pay = notes[
            notes["text"].str.lower().str.contains("retard de paiement|late payment")
        ]
        assert len(late_pay) >= 3
        assert late_pay["causes"].str.contains("payment").all()

    @pytest.mark.skipif(not MAKE_NOTES.exists(), reason="needs a source checkout")
    def test_csv_is_what_make_notes_builds(self, notes):
        spec = importlib.util.spec_from_file_location("make_notes", MAKE_NOTES)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        built = module.build_notes()
        assert built["text"].tolist() == notes["text"].tolist()
        assert built["causes"].tolist() == notes["causes"].tolist()
        assert built["split"].tolist() == notes["split"].astype(str).tolist()


# ------------------------------------------------------ the estimator contract
# scikit-learn's estimator checks feed numeric 2-D arrays, which a text model
# cannot take (its tags say so, and `parametrize_with_checks` then skips it
# with a SkipTestWarning). These are the checks that do not need data; the
# contract they would have checked with data (fit returns self, unfitted
# errors, no mutation of inputs, no parameter overwritten by fit) is tested
# explicitly below, on texts.
DATA_FREE_CHECKS = [
    checks.check_estimator_cloneable,
    checks.check_estimator_repr,
    checks.check_no_attributes_set_in_init,
    checks.check_parameters_default_constructible,
    checks.check_get_params_invariance,
    checks.check_set_params,
    checks.check_do_not_raise_errors_in_init_or_set_params,
    checks.check_valid_tag_types,
    checks.check_estimator_tags_renamed,
    checks.check_mixin_order,
]


class TestEstimatorContract:
    @pytest.mark.parametrize("check", DATA_FREE_CHECKS, ids=lambda c: c.__name__)
    def test_scikit_learn_checks_that_apply(self, check):
        check("CauseClassifier", CauseClassifier())

    def test_init_stores_parameters_unchanged(self):
        params = {
            "threshold": 0.3,
            "C": 2.0,
            "ngram_range": (1, 3),
            "word_ngram_range": None,
            "cues": False,
            "class_weight": None,
            "max_iter": 50,
            "random_state": 7,
        }
        clf = CauseClassifier(**params)
        assert clf.get_params() == params
        assert not [k for k in vars(clf) if k.endswith("_")]

    def test_set_params_round_trip_and_clone(self, fitted):
        clf = CauseClassifier().set_params(C=3.0, threshold=0.4)
        assert clf.get_params()["C"] == 3.0
        assert clf.get_params()["threshold"] == 0.4
        twin = clone(fitted)
        assert twin.get_params() == fitted.get_params()
        assert not hasattr(twin, "pipeline_")

    def test_unfitted_estimator_raises_not_fitted(self):
        clf = CauseClassifier()
        with pytest.raises(NotFittedError):
            clf.predict(["facture impayée"])
        with pytest.raises(NotFittedError):
            clf.predict_proba(["facture impayée"])

    def test_fit_returns_self_and_sets_learned_attributes(self, train):
        clf = CauseClassifier(random_state=0)
        params = clf.get_params()
        sub = train.head(200)
        assert clf.fit(sub["text"], sub["causes"]) is clf
        assert clf.get_params() == params
        assert list(clf.classes_) == CAUSES
        assert hasattr(clf, "pipeline_")
        assert hasattr(clf, "binarizer_")

    def test_fit_and_predict_do_not_mutate_inputs(self, train):
        texts = train["text"].head(150).copy()
        causes = [list(c) for c in _split(train["causes"].head(150))]
        texts_before, causes_before = texts.copy(), [list(c) for c in causes]
        clf = CauseClassifier(random_state=0).fit(texts, causes)
        clf.predict(texts)
        pd.testing.assert_series_equal(texts, texts_before)
        assert causes == causes_before

    def test_accepts_lists_tuples_sets_strings_and_synonyms(self, train):
        sub = train.head(200)
        as_strings = sub["causes"].tolist()
        as_tuples = [tuple(c) for c in _split(sub["causes"])]
        upper = [s.upper() for s in as_strings]
        as_sets = [set(cs) for cs in _split(sub["causes"])]
        french = [
            s.replace("payment", "retard de paiement").replace("trust", "confiance")
            for s in as_strings
        ]
        probas = [
            CauseClassifier(random_state=0)
            .fit(sub["text"].tolist(), labels)
            .predict_proba(["relance facture"])
            for labels in (as_strings, as_tuples, upper, french)
        ]
        for other in probas[1:]:
            np.testing.assert_allclose(other, probas[0])
        # sets lose the primary-first order but not the labels
        clf = CauseClassifier(random_state=0).fit(sub["text"], as_sets)
        np.testing.assert_allclose(clf.predict_proba(["relance facture"]), probas[0])

    def test_bad_inputs_are_reported(self, train):
        sub = train.head(50)
        with pytest.raises(ValueError, match="'scoop' is not a cause"):
            CauseClassifier().fit(sub["text"], ["scoop"] * 50)
        with pytest.raises(ValueError, match="50 texts but `causes` has 49"):
            CauseClassifier().fit(sub["text"], sub["causes"].head(49))
        with pytest.raises(ValueError, match=r"1 of the 3 notes are missing"):
            CauseClassifier().fit(["a", None, "c"], ["tone", "scope", "tone"])
        with pytest.raises(TypeError, match="not a single string"):
            CauseClassifier().fit("facture", ["payment"])
        with pytest.raises(ValueError, match="no cause"):
            CauseClassifier().fit(["a", "b"], ["tone", ""])
        with pytest.raises(ValueError, match="at least two different causes"):
            CauseClassifier().fit(["a", "b"], ["tone", "tone"])
        with pytest.raises(ValueError, match=r"`threshold` must be in \(0, 1\]"):
            CauseClassifier(threshold=0).fit(sub["text"], sub["causes"])

    def test_predict_proba_has_one_column_per_cause(self, fitted, test_notes):
        proba = fitted.predict_proba(test_notes["text"])
        assert proba.shape == (len(test_notes), len(CAUSES))
        assert ((proba >= 0) & (proba <= 1)).all()
        assert fitted.predict_proba([]).shape == (0, len(CAUSES))

    def test_predict_returns_tuples_of_causes_most_probable_first(
        self, fitted, test_notes
    ):
        texts = test_notes["text"].head(40)
        pred = fitted.predict(texts)
        proba = fitted.predict_proba(texts)
        assert pred.dtype == object
        assert pred.shape == (40,)
        for tup, row in zip(pred, proba, strict=True):
            assert isinstance(tup, tuple)
            assert len(tup) >= 1
            assert set(tup) <= set(CAUSES)
            p = [row[CAUSES.index(c)] for c in tup]
            assert p == sorted(p, reverse=True)
            assert tup[0] == CAUSES[int(row.argmax())]
            # every cause at or above the threshold, and only those (or the top)
            above = {CAUSES[i] for i in np.flatnonzero(row >= 0.5)}
            assert set(tup) == (above or {CAUSES[int(row.argmax())]})

    def test_threshold_one_gives_exactly_the_most_probable_cause(self, fitted):
        clf = copy.deepcopy(fitted).set_params(threshold=1.0)
        assert all(len(t) == 1 for t in clf.predict(["facture impayée", "ton sec"]))

    def test_score_is_micro_f1(self, fitted, test_notes):
        texts, causes = test_notes["text"], test_notes["causes"]
        truth = MultiLabelBinarizer(classes=CAUSES).fit_transform(_split(causes))
        pred = MultiLabelBinarizer(classes=CAUSES).fit_transform(fitted.predict(texts))
        tp = (truth & pred).sum()
        by_hand = 2 * tp / (truth.sum() + pred.sum())
        assert fitted.score(texts, causes) == pytest.approx(by_hand)

    def test_works_in_a_pipeline(self, train):
        sub = train.head(300)
        pipe = Pipeline(
            [
                ("strip", FunctionTransformer(lambda x: [t.strip() for t in x])),
                ("clf", CauseClassifier(random_state=0)),
            ]
        ).fit(sub["text"].tolist(), sub["causes"].tolist())
        assert pipe.predict(["  facture impayée  "])[0][0] == Cause.PAYMENT
        assert 0 < pipe.score(sub["text"].tolist(), sub["causes"].tolist()) <= 1

    def test_grid_search_and_grouped_cross_validation(self, train):
        sub = train.head(300)
        search = GridSearchCV(
            CauseClassifier(random_state=0),
            {"C": [1.0, 10.0], "threshold": [0.4, 0.5]},
            cv=3,
        ).fit(sub["text"].tolist(), sub["causes"].tolist())
        assert search.best_params_["C"] in (1.0, 10.0)
        assert 0.3 < search.best_score_ <= 1
        assert search.best_estimator_.predict(["ton agressif"])[0]
        scores = cross_val_score(
            CauseClassifier(random_state=0),
            sub["text"].tolist(),
            sub["causes"].tolist(),
            groups=sub["group"].tolist(),
            cv=GroupKFold(3),
        )
        assert scores.shape == (3,)
        assert (scores > 0.3).all()


# ------------------------------------------------------------ how well it does
class TestAccuracy:
    def test_held_out_targets(self, fitted, test_notes):
        """Micro-F1 >= 0.8, every cause recall >= 0.7, languages within 0.1."""
        binarizer = MultiLabelBinarizer(classes=CAUSES)
        truth = binarizer.fit_transform(_split(test_notes["causes"]))
        pred = binarizer.transform(fitted.predict(test_notes["text"]))
        assert f1_score(truth, pred, average="micro") >= 0.8
        recall = recall_score(truth, pred, average=None)
        assert recall.min() >= 0.7, dict(zip(CAUSES, recall.round(2), strict=True))
        by_lang = {
            lang: f1_score(truth[m], pred[m], average="micro")
            for lang in ("fr", "en")
            if (m := (test_notes["lang"] == lang).to_numpy()).any()
        }
        assert abs(by_lang["fr"] - by_lang["en"]) <= 0.1, by_lang

    @pytest.mark.parametrize(
        "text",
        ["facture impayee", "FACTURE IMPAYÉE", "Facture impayée", "factrue impayée"],
    )
    def test_robust_to_accents_case_and_typos(self, fitted, text):
        assert fitted.predict([text])[0][0] == Cause.PAYMENT

    def test_late_payment_is_payment_and_late_delivery_deadlines(self, fitted):
        pay, late = fitted.predict(["Retard de paiement", "Retard de livraison"])
        assert pay[0] == Cause.PAYMENT
        assert late[0] == Cause.DEADLINES

    @pytest.mark.parametrize(
        ("text", "cause"),
        [
            ("Il réclame des fonctionnalités absentes du devis initial.", "scope"),
            ("They want features that were never part of the agreed scope.", "scope"),
            (
                "La date de livraison a encore été avancée, planning intenable.",
                "deadlines",
            ),
            (
                "The deadline got moved up again, the schedule is impossible.",
                "deadlines",
            ),
            ("Toujours aucun virement pour la facture de juin.", "payment"),
            ("Still no transfer for the June invoice.", "payment"),
            ("Il m'a parlé sur un ton très agressif devant tout le monde.", "tone"),
            ("He was rude and aggressive with me in front of everyone.", "tone"),
            ("Le client doute de mon travail et vérifie tout derrière moi.", "trust"),
            ("The client doesn't trust my work and double-checks everything.", "trust"),
            (
                "Le client refuse de signer la clause de propriété intellectuelle.",
                "other",
            ),
            ("I caught covid and had to stop for ten days.", "other"),
        ],
    )
    def test_a_french_and_an_english_example_per_cause(self, fitted, text, cause):
        assert fitted.predict([text])[0][0] == cause

    @pytest.mark.parametrize(
        "text",
        [
            "Facture impayée depuis deux mois, et il me crie dessus au téléphone.",
            "Invoice still unpaid after two months, and he yelled at me on the phone.",
        ],
    )
    def test_a_note_can_get_several_causes(self, fitted, text):
        assert {"payment", "tone"} <= set(fitted.predict([text])[0])


# ---------------------------------------------------------------- suggestions
WORD = "Kwazulbrik"  # an in-house word the bundled corpus never uses


def _history(n_extra: int = 0, probe: bool = False) -> ck.History:
    """Five hand-written disputes, plus ``n_extra`` labelled "trust" notes with
    an in-house word and, with ``probe``, an unlabelled note using it."""
    disputes = pd.DataFrame(
        {
            "dispute_id": ["D1", "D2", "D3", "D4", "D5"],
            "client": ["Acme", "Acme", "Bolt", "Bolt", "Cerise"],
            "opened_at": [
                "2024-01-10",
                "2024-02-01",
                "2024-03-05",
                "2024-04-01",
                "2024-05-01",
            ],
            "causes": [None, "tone", None, "payment;tone", None],
            "notes": [
                "Facture impayée depuis 60 jours, 3e relance",
                "Third reminder for the invoice, still not paid.",
                "Client keeps adding features that were not in the quote",
                "Il m'a crié dessus quand j'ai relancé la facture",
                None,
            ],
        }
    )
    extra = pd.DataFrame(
        {
            "dispute_id": [f"X{i:02d}" for i in range(n_extra)],
            "client": "Zeta",
            "opened_at": "2024-06-01",
            "causes": "trust",
            "notes": [f"Encore un {WORD}, n°{i}" for i in range(n_extra)],
        }
    )
    parts = [disputes, extra]
    if probe:
        parts.append(
            pd.DataFrame(
                {
                    "dispute_id": ["P1"],
                    "client": ["Zeta"],
                    "opened_at": ["2024-07-01"],
                    "causes": [None],
                    "notes": [f"{WORD} !"],
                }
            )
        )
    return ck.History.from_frames(pd.concat(parts, ignore_index=True))


class TestSuggestCauses:
    def test_scores_unlabelled_disputes_with_notes_and_warns_about_the_rest(self, full):
        history = _history()
        with pytest.warns(ck.ConflictkitWarning, match="1 unlabelled dispute"):
            s = suggest_causes(history, classifier=full)
        assert list(s.columns) == [
            "dispute_id",
            "cause",
            "probability",
            "suggested",
            "labelled",
        ]
        assert s["dispute_id"].unique().tolist() == ["D1", "D3"]
        assert (s.groupby("dispute_id").size() == len(CAUSES)).all()
        assert isinstance(s["cause"].dtype, pd.CategoricalDtype)
        assert s["suggested"].dtype == bool
        assert s["labelled"].dtype == bool
        assert not s["labelled"].any()
        top = s.groupby("dispute_id").head(1).set_index("dispute_id")["cause"]
        assert top.to_dict() == {"D1": "payment", "D3": "scope"}

    def test_probabilities_match_the_classifier_and_are_sorted(self, full):
        history = _history()
        with pytest.warns(ck.ConflictkitWarning):
            s = suggest_causes(history, classifier=full, threshold=0.3)
        proba = full.predict_proba(history.disputes["notes"].iloc[[0, 2]])
        expected = pd.DataFrame(proba, index=["D1", "D3"], columns=CAUSES).stack()
        got = s.set_index(["dispute_id", "cause"])["probability"]
        for (d, c), p in got.items():
            assert p == pytest.approx(expected[(d, c)])
        for _, g in s.groupby("dispute_id", sort=False):
            assert g["probability"].is_monotonic_decreasing
            keep = (g["probability"] >= 0.3) | (
                g["probability"] == g["probability"].max()
            )
            assert (g["suggested"] == keep).all()

    def test_never_modifies_the_history(self, full):
        history = _history()
        disputes, causes = history.disputes.copy(), history.causes.copy()
        with pytest.warns(ck.ConflictkitWarning):
            suggest_causes(history, classifier=full, include_labelled=True)
        pd.testing.assert_frame_equal(history.disputes, disputes)
        pd.testing.assert_frame_equal(history.causes, causes)

    def test_include_labelled_marks_cited_causes_and_shows_disagreements(self, full):
        with pytest.warns(ck.ConflictkitWarning, match="^1 dispute"):
            s = suggest_causes(_history(), classifier=full, include_labelled=True)
        assert s["dispute_id"].unique().tolist() == ["D1", "D2", "D3", "D4"]
        cited = s[s["labelled"]].groupby("dispute_id")["cause"].apply(set)
        assert cited.to_dict() == {"D2": {"tone"}, "D4": {"payment", "tone"}}
        # D2 is labelled tone but its note is about an unpaid invoice
        d2 = s[s["dispute_id"] == "D2"]
        assert d2.iloc[0]["cause"] == "payment"
        assert not d2.iloc[0]["labelled"]
        assert not d2.loc[d2["cause"] == "tone", "suggested"].item()

    def test_default_classifier_learns_from_enough_labelled_notes(self):
        def probe_trust(n):
            with pytest.warns(ck.ConflictkitWarning):
                s = suggest_causes(_history(n, probe=True))
            p1 = s[s["dispute_id"] == "P1"].set_index("cause")["probability"]
            return p1["trust"], p1.idxmax()

        few, _ = probe_trust(27)  # 27 + 2 = 29 labelled notes: corpus only
        many, top = probe_trust(40)
        assert top == "trust"
        assert many > few + 0.2

    def test_labelled_notes_are_scored_by_models_that_did_not_learn_them(
        self, monkeypatch
    ):
        fit, proba = classify_module._fit_default, classify_module._proba
        leaks = []

        def recording_fit(texts, causes):
            model = fit(texts, causes)
            model.seen_texts_ = set(texts)
            return model

        def checking_proba(model, texts):
            leaks.append(set(texts) & model.seen_texts_)
            return proba(model, texts)

        monkeypatch.setattr(classify_module, "_fit_default", recording_fit)
        monkeypatch.setattr(classify_module, "_proba", checking_proba)
        with pytest.warns(ck.ConflictkitWarning):
            s = suggest_causes(_history(40, probe=True), include_labelled=True)
        assert len(leaks) == 6  # the full model, then one per fold
        assert not any(leaks)
        x = s[s["dispute_id"].str.startswith("X")]
        assert x["dispute_id"].nunique() == 40
        # out of fold, each still learned the word from the 32 others
        assert (x.groupby("dispute_id").head(1)["cause"] == "trust").all()

    def test_no_candidate_gives_an_empty_frame_with_the_columns(self, full):
        history = ck.History.from_frames(
            pd.DataFrame(
                {
                    "client": ["A"],
                    "opened_at": ["2024-01-01"],
                    "causes": ["tone"],
                    "notes": ["rude"],
                }
            )
        )
        s = suggest_causes(history, classifier=full)
        assert s.empty
        assert list(s.columns) == [
            "dispute_id",
            "cause",
            "probability",
            "suggested",
            "labelled",
        ]

    def test_bad_arguments_are_reported(self, full):
        history = _history()
        with pytest.raises(TypeError, match="must be a History"):
            suggest_causes(history.disputes, classifier=full)
        with pytest.raises(ValueError, match="`threshold` must be in"):
            suggest_causes(history, classifier=full, threshold=1.5)
        with pytest.raises(NotFittedError):
            suggest_causes(history, classifier=CauseClassifier())
        odd = copy.deepcopy(full)
        odd.classes_ = np.array(list("abcdef"), dtype=object)
        with pytest.raises(ValueError, match="not causes"):
            suggest_causes(history, classifier=odd)
