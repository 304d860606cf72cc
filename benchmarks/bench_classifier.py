"""How well CauseClassifier finds causes in notes: cross-validated and held out.

Run: ``python benchmarks/bench_classifier.py``. It prints, for the bundled
corpus (``ck.load_example_notes()``):

1. 5-fold cross-validation on the training split, grouped by ``group`` (a
   note, its translation and the joined notes built from it are never split
   across folds, so no sentence is scored by a model that learned it);
2. the held-out figures: trained on the whole training split, scored once on
   the fixed test split;
3. the same two with the cue lexicon turned off (``cues=False``), to show what
   the hand-written lexicon adds;
4. an independent check on notes the corpus author did not write: the
   labelled notes of the example career (``ck.load_example()``), scored by a
   model trained on the whole corpus (what ``suggest_causes`` does).

Each block gives micro-F1 and the recall of every cause, overall and per
language, and the French-English gap. Targets: held-out micro-F1 >= 0.8,
every cause recall >= 0.7, French and English within 0.1.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score, recall_score
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import MultiLabelBinarizer

import conflictkit as ck

CAUSES = [c.value for c in ck.Cause]
BINARIZER = MultiLabelBinarizer(classes=CAUSES).fit([CAUSES])


def indicators(causes) -> np.ndarray:
    """Per note, the 0/1 indicator of each cause (from tuples or 'a;b')."""
    split = [c.split(";") if isinstance(c, str) else list(c) for c in causes]
    return BINARIZER.transform(split)


def figures(truth: np.ndarray, pred: np.ndarray, lang: np.ndarray) -> pd.DataFrame:
    """Micro-F1 and per-cause recall, overall and per language."""
    rows = {}
    for name, mask in [("all", np.ones(len(lang), bool))] + [
        (g, lang == g) for g in ("fr", "en")
    ]:
        t, p = truth[mask], pred[mask]
        rec = recall_score(t, p, average=None, zero_division=0.0)
        rows[name] = {
            "n_notes": int(mask.sum()),
            "micro_f1": f1_score(t, p, average="micro"),
            **{f"recall_{c}": r for c, r in zip(CAUSES, rec, strict=True)},
        }
    return pd.DataFrame(rows).T


def cross_validated(train: pd.DataFrame, **params) -> pd.DataFrame:
    pred = np.zeros((len(train), len(CAUSES)), dtype=int)
    for fit_idx, score_idx in GroupKFold(n_splits=5).split(
        train, groups=train["group"]
    ):
        clf = ck.CauseClassifier(random_state=0, **params).fit(
            train["text"].iloc[fit_idx], train["causes"].iloc[fit_idx]
        )
        pred[score_idx] = indicators(clf.predict(train["text"].iloc[score_idx]))
    return figures(indicators(train["causes"]), pred, train["lang"].to_numpy())


def held_out(train: pd.DataFrame, test: pd.DataFrame, **params) -> pd.DataFrame:
    clf = ck.CauseClassifier(random_state=0, **params).fit(
        train["text"], train["causes"]
    )
    pred = indicators(clf.predict(test["text"]))
    return figures(indicators(test["causes"]), pred, test["lang"].to_numpy())


def show(title: str, table: pd.DataFrame) -> None:
    print(f"\n{title}")
    print(table.to_string(float_format=lambda x: f"{x:.3f}"))
    gap = abs(table.loc["fr", "micro_f1"] - table.loc["en", "micro_f1"])
    print(f"French-English micro-F1 gap: {gap:.3f}")


def main() -> None:
    notes = ck.load_example_notes()
    train = notes[notes["split"] == "train"].reset_index(drop=True)
    test = notes[notes["split"] == "test"].reset_index(drop=True)
    several = notes["causes"].str.contains(";").mean()
    print(
        f"Corpus: {len(notes)} notes ({(notes['lang'] == 'fr').sum()} French, "
        f"{(notes['lang'] == 'en').sum()} English; {several:.0%} cite several "
        f"causes); train {len(train)}, test {len(test)}."
    )

    start = time.perf_counter()
    ck.CauseClassifier(random_state=0).fit(notes["text"], notes["causes"])
    print(f"Training on the whole corpus: {time.perf_counter() - start:.1f} s")

    show(
        "5-fold grouped cross-validation on the training split", cross_validated(train)
    )
    result = held_out(train, test)
    show("Held-out test split (trained on the training split)", result)
    show(
        "Cross-validation, without the cue lexicon", cross_validated(train, cues=False)
    )
    show("Held-out, without the cue lexicon", held_out(train, test, cues=False))

    # Independent check: notes written by the example generator, not the corpus.
    d = ck.load_example().disputes
    d = d[d["notes"].notna() & d["primary_cause"].notna()]
    for cues in (True, False):
        clf = ck.CauseClassifier(random_state=0, cues=cues).fit(
            notes["text"], notes["causes"]
        )
        pred = clf.predict(d["notes"])
        truth = indicators(d["causes"].astype(str))
        primary = np.mean(
            [
                p[0] == c
                for p, c in zip(pred, d["primary_cause"].astype(str), strict=True)
            ]
        )
        print(
            f"\nExample career ({len(d)} labelled notes, cues={cues}): micro-F1 "
            f"{f1_score(truth, indicators(pred), average='micro'):.3f}, primary "
            f"cause right {primary:.1%}"
        )

    overall = result.loc["all"]
    recalls = overall[[f"recall_{c}" for c in CAUSES]]
    gap = abs(result.loc["fr", "micro_f1"] - result.loc["en", "micro_f1"])
    print("\nTargets on the held-out split:")
    print(
        f"  micro-F1 >= 0.80: {overall['micro_f1']:.3f}",
        _ok(overall["micro_f1"] >= 0.8),
    )
    print(f"  every recall >= 0.70: min {recalls.min():.3f}", _ok(recalls.min() >= 0.7))
    print(f"  French-English gap <= 0.10: {gap:.3f}", _ok(gap <= 0.1))


def _ok(passed: bool) -> str:
    return "(met)" if passed else "(MISSED)"


if __name__ == "__main__":
    main()
