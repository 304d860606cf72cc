"""Suggest causes for the disputes of a history from their notes.

The bundled model (:func:`~conflictkit.default_classifier`) scores each note;
when the history has enough disputes labelled by its owner, a small second
stage learns from them on top of it, without refitting the model: per cause,
a naive Bayes model of the owner's own words (hashed n-grams, so in-house
words and client names count) and a logistic regression that blends its
log-odds with the model's and the cue features. Its cross-validated micro-F1
on the owner's labels is reported with the suggestions.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import KFold
from sklearn.preprocessing import StandardScaler
from sklearn.utils.validation import check_is_fitted
from threadpoolctl import threadpool_limits

from .._labels import CAUSE_DTYPE
from ..errors import ConflictkitWarning, SmallSampleWarning
from ..model import STRING_DTYPE, History
from ._classifier import CHUNK, _threshold_for, default_classifier
from ._cues import cue_matrix
from ._features import Stream, hashed_features
from ._text import _ALL_CAUSES, _suggested

__all__ = ["suggest_causes"]

#: Below this many labelled disputes with notes, no second stage is learned.
MIN_USER_NOTES = 30
#: At most this many labelled disputes (drawn with a fixed seed) train it.
MAX_USER_NOTES = 5_000
#: A cause needs this many labelled disputes citing it to be re-learned.
MIN_CAUSE_NOTES = 5
#: Below this cross-validated micro-F1 the suggestions come with a warning.
WEAK_F1 = 0.5
_N_FOLDS = 5

SUGGESTION_COLUMNS = [
    "dispute_id",
    "cause",
    "probability",
    "suggested",
    "labelled",
    "status",
]


def _score(classifier: Any, texts: list[str], features: bool) -> tuple[Any, Any, Any]:
    """Probabilities of ``texts`` and, if asked, their hashed n-grams and cues."""
    if not features:
        parts = [
            np.asarray(classifier.predict_proba(texts[i : i + CHUNK]), dtype=float)
            for i in range(0, len(texts), CHUNK)
        ]
        proba = np.vstack(parts) if parts else np.empty((0, len(classifier.classes_)))
        return proba, None, None
    if hasattr(classifier, "_proba_and_features"):
        return classifier._proba_and_features(texts)
    stream = Stream(texts)
    proba, _, _ = _score(classifier, texts, False)
    return proba, hashed_features(stream), cue_matrix(stream)


def _log_odds(proba: np.ndarray) -> np.ndarray:
    p = np.clip(proba, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def _own_words(x: Any, y: np.ndarray, learned: np.ndarray, x_new: Any) -> np.ndarray:
    """Per cause, multinomial naive Bayes log-odds of ``x_new`` learned from ``x``.

    The same model as scikit-learn's ``MultinomialNB(alpha=0.1)`` fitted on each
    cause against the rest (checked in the tests), for all causes in one sparse
    product instead of one fit per cause.
    """
    alpha = 0.1
    yf = y.astype(np.float32)
    seen = np.unique(x.indices)  # unseen columns share one ratio per cause
    xs = x[:, seen]
    pos = np.asarray(xs.T @ yf).T  # causes x seen features
    neg = np.asarray(xs.sum(axis=0)).ravel() - pos
    n_cols = x.shape[1]
    pos_total = pos.sum(1, keepdims=True) + alpha * n_cols
    neg_total = neg.sum(1, keepdims=True) + alpha * n_cols
    ratio = np.log((pos + alpha) / pos_total) - np.log((neg + alpha) / neg_total)
    unseen = np.log(neg_total / pos_total).ravel()
    n_pos = yf.sum(0)
    prior = np.log(np.maximum(n_pos, 1e-12)) - np.log(np.maximum(len(y) - n_pos, 1e-12))
    mass = np.asarray(x_new.sum(axis=1)).ravel()
    inside = x_new[:, seen]
    seen_mass = np.asarray(inside.sum(axis=1)).ravel()
    out = np.asarray(inside @ ratio.T) + np.outer(mass - seen_mass, unseen) + prior
    out[:, ~learned] = 0.0
    return np.clip(out, -30, 30)


class _SecondStage:
    """One logistic regression per cause on the base log-odds and the cues."""

    def __init__(self, y: np.ndarray) -> None:
        pos = y.sum(0)
        self.learned = (pos >= MIN_CAUSE_NOTES) & (pos <= len(y) - MIN_CAUSE_NOTES)
        self.words: tuple[Any, np.ndarray] = (None, y)  # the owner's n-grams, labels

    def fit(self, z: np.ndarray, y: np.ndarray) -> _SecondStage:
        self.scaler = StandardScaler().fit(z)
        z = self.scaler.transform(z)
        # one BLAS thread: on 25 features, threads only contend (L-BFGS calls
        # BLAS at every step)
        with threadpool_limits(1):
            self.models = self._fit(z, y)
        return self

    def _fit(self, z: np.ndarray, y: np.ndarray) -> dict[int, LogisticRegression]:
        return {
            int(j): LogisticRegression(C=1.0).fit(z, y[:, j])
            for j in np.flatnonzero(self.learned)
            if 0 < y[:, j].sum() < len(y)
        }

    def predict_proba(self, z: np.ndarray, base: np.ndarray) -> np.ndarray:
        out = base.copy()
        z = self.scaler.transform(z)
        for j, model in self.models.items():
            out[:, j] = model.predict_proba(z)[:, 1]
        return out


def _micro_f1(y: np.ndarray, pred: np.ndarray) -> float:
    return float(f1_score(y, pred, average="micro", zero_division=0.0))


def suggest_causes(
    history: History,
    *,
    classifier: Any = None,
    threshold: str | float = "auto",
    include_labelled: bool = False,
    learn: bool = True,
) -> pd.DataFrame:
    """Suggest causes for disputes from their notes, or say it is unsure.

    Each dispute to score that has notes gets a probability for every cause;
    a cause is suggested when its probability reaches its threshold. A
    dispute where no cause does is marked ``"unsure"``: the notes do not say
    enough, and nothing is guessed. The history is never modified: copy the
    suggestions you accept into your log yourself.

    By default the bundled model scores the notes
    (:func:`~conflictkit.default_classifier`, read once per process). When at
    least 30 of your disputes are labelled and have notes, a second stage
    learns from them on top of it (``learn=True``): per cause, a logistic
    regression blending the model's log-odds, the cue features and the log-odds
    of a naive Bayes model of your own words (so in-house words and client
    names count), from at most 5,000 of your labelled disputes; causes you
    cite fewer than 5 times keep the model's probability. The bundled model is
    not refitted. How well this fits *your* labels is measured by 5-fold
    cross-validation and returned (``result.attrs``), with a warning when it
    is weak or cannot be told.

    Parameters
    ----------
    history : History
        The disputes; ``disputes["notes"]``, ``disputes["primary_cause"]``
        and ``causes`` are read.
    classifier : CauseClassifier or None, default=None
        A fitted classifier (any fitted estimator with ``predict_proba`` and
        ``classes_`` made of :class:`~conflictkit.Cause` values); by default
        the bundled model.
    threshold : "auto" or float, default="auto"
        ``"auto"``: per-cause thresholds chosen for the classifier's
        ``precision`` (0.85 for the bundled model) on held-out notes, or, with
        the second stage, on its cross-validated predictions of your labels
        (0.5 for a cause too rare to choose). A number is used for every cause.
    include_labelled : bool, default=False
        Also score the disputes that already cite causes, so you can spot
        where your labels and the notes disagree. Those the second stage
        learned from are scored by the fold that did not see them.
    learn : bool, default=True
        Learn the second stage from your labelled disputes.

    Returns
    -------
    pandas.DataFrame
        One row per scored dispute and cause, with columns ``dispute_id``,
        ``cause`` (categorical), ``probability`` (float), ``suggested``
        (bool), ``labelled`` (bool: the dispute already cites this cause) and
        ``status`` (``"suggested"`` when the dispute has at least one
        suggested cause, ``"unsure"`` otherwise). Disputes come in the order
        of ``history.disputes``, each with its causes by decreasing
        probability. ``result.attrs`` holds ``model`` (``"bundled"`` or
        ``"bundled + your labels"``), ``n_labelled`` (your labelled disputes
        with notes), ``base_micro_f1`` (the classifier alone on them: it never
        saw them), ``cv_micro_f1`` (the second stage, 5-fold cross-validated;
        None without it) and ``thresholds`` (per cause).

    Warns
    -----
    ConflictkitWarning
        When disputes that would be scored have no notes (they are left out),
        or when the micro-F1 on your labels is below 0.5.
    SmallSampleWarning
        When fewer than 30 of your disputes are labelled with notes: too few
        to learn from or to tell how well the suggestions fit your log.

    Examples
    --------
    >>> import warnings
    >>> import pandas as pd
    >>> import conflictkit as ck
    >>> h = ck.History.from_frames(pd.DataFrame({
    ...     "client": ["Acme", "Acme", "Bolt", "Bolt"],
    ...     "opened_at": ["2024-01-10", "2024-02-01", "2024-03-05", "2024-03-09"],
    ...     "causes": [None, "tone", None, None],
    ...     "notes": ["Facture impayée depuis 60 jours, 3e relance",
    ...               "Il m'a crié dessus en réunion",
    ...               "Client keeps adding features that were not in the quote",
    ...               "Call on Tuesday"],
    ... }))
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     s = ck.suggest_causes(h)
    >>> s.loc[s["suggested"], ["dispute_id", "cause"]].to_numpy().tolist()
    [['D-0001', 'payment'], ['D-0003', 'scope']]
    >>> s.groupby("dispute_id")["status"].first().to_dict()
    {'D-0001': 'suggested', 'D-0003': 'suggested', 'D-0004': 'unsure'}
    """
    if not isinstance(history, History):
        raise TypeError(
            f"`history` must be a History, not {type(history).__name__}; build "
            "one with ck.read_history or ck.History.from_frames."
        )
    if threshold != "auto" and not 0.0 < float(threshold) <= 1.0:
        raise ValueError(
            "The value for `threshold` must be 'auto' or in (0, 1], but "
            f"{threshold!r} was passed."
        )
    if classifier is None:
        classifier = default_classifier()
    check_is_fitted(classifier)
    classes = np.asarray(classifier.classes_).astype(str)
    unknown = sorted(set(classes) - set(_ALL_CAUSES))
    if unknown:
        raise ValueError(
            f"The classifier predicts {unknown}, which are not causes; expected "
            f"classes among {list(_ALL_CAUSES)}."
        )
    d = history.disputes
    notes = d["notes"].astype(STRING_DTYPE)
    has_note = (notes.str.strip().str.len() > 0).fillna(False).to_numpy(dtype=bool)
    labelled = d["primary_cause"].notna().to_numpy()
    wanted = np.ones(len(d), dtype=bool) if include_labelled else ~labelled
    n_silent = int((wanted & ~has_note).sum())
    if n_silent:
        which = "" if include_labelled else "unlabelled "
        noun, verb = ("dispute", "is") if n_silent == 1 else ("disputes", "are")
        warnings.warn(
            f"{n_silent} {which}{noun} without notes could not be scored "
            f"and {verb} not in the result.",
            ConflictkitWarning,
            stacklevel=2,
        )
    rows = np.flatnonzero(wanted & has_note)
    ids_all = d["dispute_id"].to_numpy(dtype=object)
    cited = pd.MultiIndex.from_arrays(
        [history.causes["dispute_id"].astype(str), history.causes["cause"].astype(str)]
    )

    own = np.flatnonzero(labelled & has_note)
    n_own = len(own)
    if n_own > MAX_USER_NOTES:
        own = np.sort(np.random.default_rng(0).choice(own, MAX_USER_NOTES, False))
    base_thresholds = (
        np.asarray(classifier._thresholds(), dtype=float)
        if hasattr(classifier, "_thresholds") and threshold == "auto"
        else np.full(len(classes), 0.5 if threshold == "auto" else float(threshold))
    )
    precision = float(getattr(classifier, "precision", 0.8))
    will_learn = learn and n_own >= MIN_USER_NOTES
    p_own, x_own, q_own = _score(classifier, notes.iloc[own].tolist(), will_learn)
    thresholds = base_thresholds
    attrs: dict[str, Any] = {
        "model": "bundled",
        "n_labelled": int(n_own),
        "base_micro_f1": None,
        "cv_micro_f1": None,
    }
    y = np.asarray(
        pd.MultiIndex.from_arrays(
            [np.repeat(ids_all[own], len(classes)), np.tile(classes, len(own))]
        ).isin(cited),
        dtype=bool,
    ).reshape(len(own), len(classes))
    if len(own):
        attrs["base_micro_f1"] = _micro_f1(y, _suggested(p_own, base_thresholds))
    stage: _SecondStage | None = None
    if will_learn:
        stage = _SecondStage(y)
        folds = list(KFold(_N_FOLDS, shuffle=True, random_state=0).split(own))
        # the owner's words: naive Bayes log-odds, cross-fitted on the labelled
        # disputes (each scored by the model of the other folds)
        words_own = np.zeros((len(own), len(classes)))
        for fit_rows, out_rows in folds:
            words_own[out_rows] = _own_words(
                x_own[fit_rows], y[fit_rows], stage.learned, x_own[out_rows]
            )
        z_own = np.hstack([_log_odds(p_own), q_own, words_own])
        oof = p_own.copy()
        for fit_rows, out_rows in folds:
            part = _SecondStage(y).fit(z_own[fit_rows], y[fit_rows])
            part.learned = stage.learned
            oof[out_rows] = part.predict_proba(z_own[out_rows], p_own[out_rows])
        # each fold judged at thresholds chosen on the other folds' predictions
        cv_pred = np.zeros_like(y)
        for _, out_rows in folds:
            rest = np.setdiff1d(np.arange(len(own)), out_rows)
            t = _stage_thresholds(oof[rest], y[rest], precision, threshold)
            cv_pred[out_rows] = _suggested(oof[out_rows], t)
        attrs["cv_micro_f1"] = _micro_f1(y, cv_pred)
        attrs["model"] = "bundled + your labels"
        thresholds = _stage_thresholds(oof, y, precision, threshold)
        stage.fit(z_own, y)
        stage.words = (x_own, y)
    # score the disputes chunk by chunk; those the stage learned from are
    # scored by the fold that did not see them
    proba = np.empty((len(rows), len(classes)))
    in_own = np.isin(rows, own)
    if stage is not None and in_own.any():
        proba[in_own] = oof[np.searchsorted(own, rows[in_own])]
    if not will_learn and in_own.any():
        proba[in_own] = p_own[np.searchsorted(own, rows[in_own])]
    todo = np.flatnonzero(~in_own)
    for i in range(0, len(todo), CHUNK):
        chunk = todo[i : i + CHUNK]
        p, x, q = _score(
            classifier, notes.iloc[rows[chunk]].tolist(), stage is not None
        )
        if stage is not None:
            words = _own_words(*stage.words, stage.learned, x)
            p = stage.predict_proba(np.hstack([_log_odds(p), q, words]), p)
        proba[chunk] = p
    attrs["thresholds"] = dict(zip(classes.tolist(), thresholds.tolist(), strict=True))
    _warn_fit(attrs)

    k = len(classes)
    ids = ids_all[rows]
    cause = np.tile(classes, len(rows))
    prob = proba.ravel().astype(float)
    suggested_m = _suggested(proba, thresholds)
    suggested = suggested_m.ravel()
    status = np.repeat(np.where(suggested_m.any(axis=1), "suggested", "unsure"), k)
    is_cited = pd.MultiIndex.from_arrays([np.repeat(ids, k), cause]).isin(cited)
    order = np.lexsort((-prob, np.repeat(np.arange(len(rows)), k)))
    out = pd.DataFrame(
        {
            "dispute_id": pd.array(np.repeat(ids, k)[order], dtype=STRING_DTYPE),
            "cause": pd.Categorical(cause[order], dtype=CAUSE_DTYPE),
            "probability": prob[order],
            "suggested": suggested[order],
            "labelled": np.asarray(is_cited, dtype=bool)[order],
            "status": pd.Categorical(status[order], categories=["suggested", "unsure"]),
        },
        columns=SUGGESTION_COLUMNS,
    )
    out.attrs.update(attrs)
    return out


def _stage_thresholds(
    proba: np.ndarray, y: np.ndarray, precision: float, threshold: str | float
) -> np.ndarray:
    if threshold != "auto":
        return np.full(y.shape[1], float(threshold))
    w = np.ones(len(y))
    return np.array(
        [
            _threshold_for(proba[:, j], y[:, j].astype(float), w, precision)
            if y[:, j].sum() >= MIN_CAUSE_NOTES
            else 0.5
            for j in range(y.shape[1])
        ]
    )


def _warn_fit(attrs: dict[str, Any]) -> None:
    n = attrs["n_labelled"]
    if n < MIN_USER_NOTES:
        only = {0: "None of your disputes is labelled and has notes",
                1: "Only 1 of your disputes is labelled and has notes"}.get(
            n, f"Only {n} of your disputes are labelled and have notes"
        )  # fmt: skip
        warnings.warn(
            f"{only}: too few "
            f"(fewer than {MIN_USER_NOTES}) to learn from them or to tell how well "
            "the suggestions fit your log. They rest on the bundled model alone.",
            SmallSampleWarning,
            stacklevel=3,
        )
        return
    f1 = (
        attrs["cv_micro_f1"]
        if attrs["cv_micro_f1"] is not None
        else attrs["base_micro_f1"]
    )
    if f1 is not None and f1 < WEAK_F1:
        warnings.warn(
            f"On your {n} labelled disputes the suggestions reach a micro-F1 of "
            f"{f1:.2f} (cross-validated where learned from them): treat them as "
            "hints, not answers.",
            ConflictkitWarning,
            stacklevel=3,
        )
