"""The cause classifier: hashed n-grams and cues, one calibrated regression per cause.

:class:`CauseClassifier` is a scikit-learn estimator that learns causes from
labelled notes, "no cause" included; :func:`load_example_notes` returns the
hand-written labelled corpus; :func:`default_classifier` loads the bundled
model, fitted once by ``datasets/make_cause_model.py`` on that corpus and on
real, licensed corpora (``datasets/README.md``), from plain arrays.

Nothing here downloads a model or loads a pickle: the bundled model is a
NumPy ``.npz`` file of plain arrays, read with ``allow_pickle=False``.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.special import expit
from sklearn.base import BaseEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import MultiLabelBinarizer
from sklearn.utils.validation import check_is_fitted

from .._resources import data_path
from ..model import STRING_DTYPE
from ._cues import CUE_FEATURES, cue_matrix
from ._features import BITS, Stream, hashed_features
from ._text import _ALL_CAUSES, _causes, _suggested, _texts

__all__ = ["CauseClassifier", "default_classifier", "load_example_notes"]

#: Identifies the layout of the arrays in a saved model.
MODEL_FORMAT = "conflictkit-cause-model/1"
#: File name of the bundled model, in ``datasets/`` (``conflictkit/data/``).
MODEL_FILE = "cause_model.npz"
#: Notes are featurised and scored at most this many at a time...
CHUNK = 4_000
#: ... and at most about this many characters at a time (a longer note is a
#: chunk of its own), so memory stays flat and a long note costs per character
#: what a short one does.
CHUNK_CHARS = 200_000
#: Held-out notes per cause needed (positives and negatives) to calibrate.
_MIN_HELD_OUT = 5


def load_example_notes() -> pd.DataFrame:
    """Load the hand-written labelled notes the classifier learns from.

    1,451 short notes such as a freelancer writes in a dispute log or sends a
    client, 719 in French and 732 in English. 1,192 cite one or more causes
    (the primary first; 237 cite several) and 259 cite none: ordinary
    messages (thanks, scheduling, approvals, payments made, neutral status
    updates, content-free jottings such as "RAS" or "see minutes"), many of
    them using the words of the causes without any dispute. They were
    written by the conflictkit project, not taken from real clients:
    hand-written notes in many styles (terse, angry, formal, with typos,
    without accents, mixing languages, quoting the client), notes with
    several causes, hostile client messages quoted word for word, pairs of
    notes joined into one and courteous messages
    wrapped around a cause ("Merci pour le virement. Par contre ...").
    ``datasets/make_notes.py`` builds it and ``datasets/README.md`` tells
    how. The bundled model also learns from real corpora nobody here wrote
    (``datasets/README.md`` lists them); their text is not shipped.

    A fixed quarter of the notes form the ``test`` split. Notes that share a
    sentence share a ``group`` and always fall on the same side of the split;
    use ``group`` for grouped cross-validation
    (``sklearn.model_selection.GroupKFold``).

    Returns
    -------
    pandas.DataFrame
        One row per note, with columns ``note_id`` (string), ``text``
        (string), ``lang`` (categorical, ``"fr"`` or ``"en"``), ``causes``
        (string, ``;``-separated :class:`~conflictkit.Cause` values, primary
        first; empty for no cause), ``split`` (categorical, ``"train"`` or
        ``"test"``) and ``group`` (string).

    Examples
    --------
    >>> notes = load_example_notes()
    >>> notes.shape
    (1451, 6)
    >>> int((notes["causes"] == "").sum())
    259
    >>> notes.groupby("split", observed=True).size().to_dict()
    {'train': 1092, 'test': 359}
    """
    notes = pd.read_csv(data_path("notes.csv"), dtype=str, keep_default_na=False)
    return pd.DataFrame(
        {
            "note_id": notes["note_id"].astype(STRING_DTYPE),
            "text": notes["text"].astype(STRING_DTYPE),
            "lang": pd.Categorical(notes["lang"], categories=["fr", "en"]),
            "causes": notes["causes"].astype(STRING_DTYPE),
            "split": pd.Categorical(notes["split"], categories=["train", "test"]),
            "group": notes["group"].astype(STRING_DTYPE),
        }
    )


def _chunks(texts: list[str]) -> list[tuple[int, int]]:
    """``(start, stop)`` of consecutive chunks of ``texts``: at most ``CHUNK``
    notes and, unless one note alone exceeds it, ``CHUNK_CHARS`` characters."""
    if not texts:
        return []
    ends = np.cumsum([len(t) + 1 for t in texts])
    bounds, start, base = [], 0, 0
    while start < len(texts):
        stop = int(np.searchsorted(ends, base + CHUNK_CHARS, side="right"))
        stop = min(max(stop, start + 1), start + CHUNK, len(texts))
        bounds.append((start, stop))
        base, start = int(ends[stop - 1]), stop
    return bounds


def _design(
    texts: list[str], bits: int, cues: bool
) -> tuple[sp.csr_matrix, np.ndarray]:
    """Features of the texts, and which texts have any letter or digit."""
    stream = Stream(texts)
    x = hashed_features(stream, bits=bits)
    readable = np.diff(x.indptr) > 0
    if cues:
        x = sp.hstack([x, sp.csr_matrix(cue_matrix(stream))], format="csr")
    return x, readable


def _threshold_for(
    p: np.ndarray, y: np.ndarray, w: np.ndarray, precision: float
) -> float:
    """The lowest probability from which the held-out precision reaches ``precision``.

    1.0 when no cut-off reaches it with at least 3 true positives: the cause is
    then never suggested.
    """
    order = np.argsort(-p, kind="stable")
    p, y, w = p[order], y[order], w[order]
    tp = np.cumsum(w * y)
    fp = np.cumsum(w * (1 - y))
    n_tp = np.cumsum(y)
    # evaluate only at the last of tied probabilities
    last = np.append(p[1:] != p[:-1], True)
    ok = last & (tp / np.maximum(tp + fp, 1e-12) >= precision) & (n_tp >= 3)
    if not ok.any():
        return 1.0
    return float(p[np.flatnonzero(ok)[-1]])


class CauseClassifier(BaseEstimator):
    """Learn dispute causes, or the absence of any, from notes in French and English.

    Features are hashed character n-grams (3 to 5 letters within words,
    accents stripped, lower case), words and word pairs, plus hand-written
    cues (``cues``): hostility against courtesy (insults, profanity, threats,
    thanks/merci, negation, imperatives, shouting) and the vocabulary of each
    cause. One logistic regression per cause (one-vs-rest) gives a score; a
    note can cite several causes, or none.

    When there are enough labelled notes, a share of them (whole ``groups``,
    ``calibration_share``) is held out of the regressions: on it each cause's
    score is calibrated into a probability (Platt scaling, a one-feature
    logistic regression) and the cause's decision threshold is set to the
    lowest probability from which the held-out precision reaches
    ``precision``. ``predict`` then returns, per note, the causes that reach
    their threshold, and an empty tuple when none does ("no cause", or not
    enough to tell). A note without a letter or digit gets probability 0
    for every cause.

    Parameters
    ----------
    precision : float, default=0.8
        Precision on held-out notes that each cause's threshold is chosen to
        reach (``threshold="auto"``).
    threshold : "auto" or float, default="auto"
        ``"auto"`` uses the per-cause thresholds chosen on held-out notes
        (0.5 when too few notes were held out to choose); a number is used for
        every cause.
    C : float, default=4.0
        Inverse regularisation strength of the regressions.
    bits : int, default=17
        The n-grams are hashed into ``2**bits`` columns.
    cues : bool, default=True
        Add the cue features (``conflictkit.notes._cues``).
    class_weight : "balanced" or None, default="balanced"
        Weighting of the notes that cite each cause against those that do not.
    calibration_share : float, default=0.2
        Share of the notes (whole groups) held out to calibrate and choose the
        thresholds; 0 turns calibration off (probabilities are then the
        regressions' own, thresholds 0.5).
    max_iter : int, default=1000
        Iterations of the solver.
    random_state : int or None, default=None
        Seeds the held-out draw and the solver.

    Attributes
    ----------
    classes_ : numpy.ndarray of str
        The causes seen in training, in the taxonomy's order; the columns of
        ``predict_proba``.
    coef_ : numpy.ndarray of shape (n_causes, n_features)
        Weights of the regressions (float32).
    intercept_ : numpy.ndarray of shape (n_causes,)
    calibration_ : numpy.ndarray of shape (n_causes, 2)
        Slope and offset applied to each score before the logistic function.
    thresholds_ : numpy.ndarray of shape (n_causes,)
        Per-cause decision thresholds on the calibrated probabilities.
    calibrated_ : bool
        Whether calibration and thresholds come from held-out notes.
    held_out_ : dict
        Number of held-out notes and, per cause, held-out positives
        (empty when not calibrated).

    Examples
    --------
    >>> import conflictkit as ck
    >>> notes = ck.load_example_notes()
    >>> train = notes[notes["split"] == "train"]
    >>> clf = ck.CauseClassifier(random_state=0).fit(
    ...     train["text"], train["causes"], groups=train["group"])
    >>> clf.predict(["Facture impayée depuis 3 mois, troisième relance",
    ...              "Merci pour la démo, à jeudi !"])
    array([('payment',), ()], dtype=object)
    """

    def __init__(
        self,
        *,
        precision: float = 0.8,
        threshold: str | float = "auto",
        C: float = 4.0,
        bits: int = BITS,
        cues: bool = True,
        class_weight: str | None = "balanced",
        calibration_share: float = 0.2,
        max_iter: int = 1000,
        random_state: int | None = None,
    ) -> None:
        self.precision = precision
        self.threshold = threshold
        self.C = C
        self.bits = bits
        self.cues = cues
        self.class_weight = class_weight
        self.calibration_share = calibration_share
        self.max_iter = max_iter
        self.random_state = random_state

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        # Input is a 1-D collection of texts, not a numeric 2-D array.
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.target_tags.required = True
        return tags

    def _check_params(self) -> None:
        if self.threshold != "auto" and not 0.0 < float(self.threshold) <= 1.0:
            raise ValueError(
                "The value for `threshold` must be 'auto' or in (0, 1], but "
                f"{self.threshold!r} was passed."
            )
        if not 0.0 < float(self.precision) < 1.0:
            raise ValueError(
                f"The value for `precision` must be in (0, 1), but {self.precision!r} "
                "was passed."
            )
        if not 0.0 <= float(self.calibration_share) < 1.0:
            raise ValueError(
                "The value for `calibration_share` must be in [0, 1), but "
                f"{self.calibration_share!r} was passed."
            )

    def _regression(self) -> LogisticRegression:
        return LogisticRegression(
            C=self.C,
            solver="liblinear",
            dual=True,
            class_weight=self.class_weight,
            max_iter=self.max_iter,
            random_state=self.random_state,
        )

    def fit(
        self,
        notes: Any,
        causes: Any,
        *,
        groups: Any = None,
        sample_weight: Any = None,
    ) -> CauseClassifier:
        """Learn the causes of labelled notes, "no cause" included.

        Parameters
        ----------
        notes : list of str, pandas.Series or numpy.ndarray
            The texts, one per note.
        causes : sequence
            Per note, its causes: a list, tuple or set of
            :class:`~conflictkit.Cause` values, or a string such as
            ``"payment;tone"`` (French and English spellings the readers accept
            work too). An empty string or tuple means the note cites no cause;
            a missing value (None, NaN) is an error, as an unknown label is not
            "no cause".
        groups : sequence or None, default=None
            Notes of one group (near-duplicates, one conversation, one source
            document) are held out together; by default each note is its own
            group.
        sample_weight : sequence of float or None, default=None
            Weight of each note in the regressions and the calibration.

        Returns
        -------
        CauseClassifier
            The fitted estimator (``self``).

        Examples
        --------
        >>> import conflictkit as ck
        >>> clf = ck.CauseClassifier().fit(
        ...     ["Invoice still unpaid after 60 days", "Facture impayée depuis 3 mois",
        ...      "The client shouted at me in the meeting", "Merci, à demain"],
        ...     ["payment", "payment", "tone", ""],
        ... )
        >>> clf.classes_.tolist(), clf.calibrated_
        (['payment', 'tone'], False)
        """
        self._check_params()
        texts = _texts(notes)
        labels = _causes(causes, len(texts))
        seen = {c for tup in labels for c in tup}
        classes = [c for c in _ALL_CAUSES if c in seen]
        if not classes:
            raise ValueError(
                "None of the training notes cites a cause; at least one cause is "
                "needed to learn anything."
            )
        y = MultiLabelBinarizer(classes=classes).fit_transform(labels)
        always = [c for c, col in zip(classes, y.T, strict=True) if col.all()]
        if always:
            raise ValueError(
                f"Every training note cites {always}; notes without it (or without "
                "any cause) are needed to learn when it is absent."
            )
        n = len(texts)
        w = (
            np.ones(n)
            if sample_weight is None
            else np.asarray(sample_weight, dtype=float).reshape(-1)
        )
        if len(w) != n:
            raise ValueError(
                f"`sample_weight` has {len(w)} values for {n} notes; give one per note."
            )
        g = np.arange(n) if groups is None else np.asarray(groups, dtype=object)
        if len(g) != n:
            raise ValueError(
                f"`groups` has {len(g)} values for {n} notes; give one per note."
            )
        x = sp.vstack(
            [self._features(texts[i:j])[0] for i, j in _chunks(texts)]
            or [
                sp.csr_matrix(
                    (0, (1 << int(self.bits)) + self.cues * len(CUE_FEATURES))
                )
            ],
            format="csr",
        )
        x_fit = x
        fit_rows, held = np.arange(n), np.array([], dtype=int)
        if self.calibration_share > 0 and len(np.unique(g)) >= 10:
            split = GroupShuffleSplit(
                n_splits=1,
                test_size=float(self.calibration_share),
                random_state=self.random_state,
            )
            a, b = next(split.split(np.zeros(n), groups=g))
            pos_a, pos_b = y[a].sum(0), y[b].sum(0)
            if (
                (pos_b >= _MIN_HELD_OUT).all()
                and ((len(b) - pos_b) >= _MIN_HELD_OUT).all()
                and (pos_a > 0).all()
                and (pos_a < len(a)).all()
            ):
                fit_rows, held = a, b
        k = len(classes)
        d = x.shape[1]
        coef = np.zeros((k, d), dtype=np.float32)
        intercept = np.zeros(k)
        for j in range(k):
            model = self._regression().fit(
                x_fit[fit_rows], y[fit_rows, j], sample_weight=w[fit_rows]
            )
            coef[j] = model.coef_[0, :d]
            intercept[j] = model.intercept_[0]
        self.classes_ = np.array(classes, dtype=object)
        self.coef_ = coef
        self.intercept_ = intercept
        self.calibration_ = np.tile([1.0, 0.0], (k, 1))
        self.thresholds_ = np.full(k, 0.5)
        self.calibrated_ = len(held) > 0
        self.held_out_: dict[str, Any] = {}
        if self.calibrated_:
            scores = self._scores(x[held])
            for j in range(k):
                platt = LogisticRegression(C=1e4).fit(
                    scores[:, [j]], y[held, j], sample_weight=w[held]
                )
                self.calibration_[j] = (platt.coef_[0, 0], platt.intercept_[0])
            proba = self._calibrate(scores)
            self.thresholds_ = np.array(
                [
                    _threshold_for(proba[:, j], y[held, j], w[held], self.precision)
                    for j in range(k)
                ]
            )
            self.held_out_ = {
                "n_notes": int(len(held)),
                "positives": dict(zip(classes, y[held].sum(0).tolist(), strict=True)),
            }
        return self

    def _features(self, texts: list[str]) -> tuple[sp.csr_matrix, np.ndarray]:
        return _design(texts, int(self.bits), bool(self.cues))

    def _scores(self, x: sp.csr_matrix) -> np.ndarray:
        return np.asarray(x @ self.coef_.T, dtype=float) + self.intercept_

    def _calibrate(self, scores: np.ndarray) -> np.ndarray:
        return expit(scores * self.calibration_[:, 0] + self.calibration_[:, 1])

    def decision_function(self, notes: Any) -> np.ndarray:
        """Calibrated log-odds of each cause (``logit`` of ``predict_proba``).

        Parameters
        ----------
        notes : list of str, pandas.Series or numpy.ndarray
            The texts.

        Returns
        -------
        numpy.ndarray
            Shape ``(n_notes, n_causes)``; ``-inf`` for notes without any
            letter or digit.

        Examples
        --------
        >>> import conflictkit as ck
        >>> clf = ck.default_classifier()
        >>> clf.decision_function(["Invoice unpaid for 90 days", ""]).shape
        (2, 6)
        """
        check_is_fitted(self, "coef_")
        texts = _texts(notes)
        out = np.empty((len(texts), len(self.classes_)))
        for i, j in _chunks(texts):
            x, readable = self._features(texts[i:j])
            s = self._scores(x) * self.calibration_[:, 0] + self.calibration_[:, 1]
            s[~readable] = -np.inf
            out[i:j] = s
        return out

    def _proba_and_features(
        self, texts: list[str]
    ) -> tuple[np.ndarray, sp.csr_matrix, np.ndarray]:
        """Probabilities, hashed n-grams and cues of ``texts`` (chunked), so a
        second stage need not compute the features again."""
        check_is_fitted(self, "coef_")
        proba, grams, cues = [], [], []
        for i, j in _chunks(texts):
            stream = Stream(texts[i:j])
            x = hashed_features(stream, bits=int(self.bits))
            q = cue_matrix(stream)
            full = sp.hstack([x, sp.csr_matrix(q)], format="csr") if self.cues else x
            s = self._calibrate(self._scores(full))
            s[np.diff(x.indptr) == 0] = 0.0
            proba.append(s)
            grams.append(x)
            cues.append(q)
        if not proba:
            width = (1 << int(self.bits), len(CUE_FEATURES))
            return (
                np.empty((0, len(self.classes_))),
                sp.csr_matrix((0, width[0]), dtype=np.float32),
                np.empty((0, width[1])),
            )
        return np.vstack(proba), sp.vstack(grams, format="csr"), np.vstack(cues)

    def predict_proba(self, notes: Any) -> np.ndarray:
        """Calibrated probability of each cause for each note (one-vs-rest).

        Parameters
        ----------
        notes : list of str, pandas.Series or numpy.ndarray
            The texts.

        Returns
        -------
        numpy.ndarray
            Shape ``(n_notes, n_causes)``, columns in the order of
            ``classes_``. Rows need not sum to one: a note can cite several
            causes, or none.

        Examples
        --------
        >>> import conflictkit as ck
        >>> clf = ck.default_classifier()
        >>> p = clf.predict_proba(["Invoice unpaid for 90 days, third reminder", ""])
        >>> bool(dict(zip(clf.classes_, p[0]))["payment"] > 0.5), float(p[1].max())
        (True, 0.0)
        """
        return expit(self.decision_function(notes))

    def _thresholds(self) -> np.ndarray:
        if self.threshold == "auto":
            return np.asarray(self.thresholds_, dtype=float)
        return np.full(len(self.classes_), float(self.threshold))

    def predict(self, notes: Any) -> np.ndarray:
        """The causes of each note, most probable first; ``()`` for none.

        Parameters
        ----------
        notes : list of str, pandas.Series or numpy.ndarray
            The texts.

        Returns
        -------
        numpy.ndarray of tuples
            Object array, one tuple of cause values per note: the causes whose
            probability reaches their threshold, most probable first; an empty
            tuple when none does.

        Examples
        --------
        >>> import conflictkit as ck
        >>> clf = ck.default_classifier()
        >>> clf.predict(["Invoice unpaid for 90 days, third reminder",
        ...              "Thanks for the demo, see you Thursday", ""])
        array([('payment',), (), ()], dtype=object)
        """
        self._check_params()
        proba = self.predict_proba(notes)
        keep = _suggested(proba, self._thresholds())
        order = np.argsort(-proba, axis=1, kind="stable")
        ranked = self.classes_[order]
        kept = np.take_along_axis(keep, order, axis=1)
        out = np.empty(len(proba), dtype=object)
        out[:] = [tuple(r[k]) for r, k in zip(ranked, kept, strict=True)]
        return out

    def score(self, notes: Any, causes: Any) -> float:
        """Micro-averaged F1 of the predicted causes against ``causes``.

        Parameters
        ----------
        notes : list of str, pandas.Series or numpy.ndarray
            The texts.
        causes : sequence
            The true causes of each note (as in :meth:`fit`; empty for none).

        Returns
        -------
        float
            Micro-F1 over all (note, cause) pairs, between 0 and 1; a note
            rightly given no cause adds nothing, one wrongly given a cause
            adds a false positive.

        Examples
        --------
        >>> import conflictkit as ck
        >>> clf = ck.default_classifier()
        >>> clf.score(["Invoice unpaid for 90 days, third reminder", "Merci !"],
        ...           ["payment", ""])
        1.0
        """
        texts = _texts(notes)
        truth = _causes(causes, len(texts))
        binarizer = MultiLabelBinarizer(classes=list(_ALL_CAUSES))
        return float(
            f1_score(
                binarizer.fit_transform(truth),
                binarizer.transform(self.predict(texts)),
                average="micro",
                zero_division=0.0,
            )
        )

    def save(self, path: str | Path) -> Path:
        """Write the fitted model as plain arrays in a NumPy ``.npz`` file.

        The file holds ``format`` (``"conflictkit-cause-model/1"``),
        ``classes`` (str), ``coef`` (float16, causes x features: the hashed
        n-grams then the cues), ``intercept``, ``calibration`` (slope and
        offset per cause), ``thresholds``, ``precision``, ``bits``, ``cues``
        and ``cue_features`` (names of the cue columns); nothing is pickled.

        Parameters
        ----------
        path : str or pathlib.Path
            Where to write (``.npz`` is added by NumPy if missing).

        Returns
        -------
        pathlib.Path
            The path written.

        Examples
        --------
        >>> import tempfile, pathlib, conflictkit as ck
        >>> clf = ck.default_classifier()
        >>> with tempfile.TemporaryDirectory() as d:
        ...     p = clf.save(pathlib.Path(d) / "model.npz")
        ...     again = ck.CauseClassifier.load(p)
        >>> bool((again.thresholds_ == clf.thresholds_).all())
        True
        """
        check_is_fitted(self, "coef_")
        path = Path(path)
        np.savez_compressed(
            path,
            format=np.array(MODEL_FORMAT),
            classes=np.array(self.classes_, dtype=str),
            coef=self.coef_.astype(np.float16),
            intercept=self.intercept_,
            calibration=self.calibration_,
            thresholds=self.thresholds_,
            precision=np.array(float(self.precision)),
            bits=np.array(int(self.bits)),
            cues=np.array(bool(self.cues)),
            cue_features=np.array(CUE_FEATURES if self.cues else (), dtype=str),
            calibrated=np.array(bool(self.calibrated_)),
        )
        return path if path.suffix == ".npz" else path.with_suffix(".npz")

    @classmethod
    def load(cls, path: str | Path) -> CauseClassifier:
        """Read a model written by :meth:`save` (plain arrays, no pickle).

        Parameters
        ----------
        path : str or pathlib.Path
            The ``.npz`` file.

        Returns
        -------
        CauseClassifier
            A fitted classifier.

        Examples
        --------
        >>> from conflictkit.notes._classifier import MODEL_FILE
        >>> from conflictkit._resources import data_path
        >>> clf = CauseClassifier.load(data_path(MODEL_FILE))
        >>> clf.classes_.tolist()
        ['scope', 'deadlines', 'payment', 'tone', 'trust', 'other']
        """
        with np.load(path, allow_pickle=False) as z:
            if str(z["format"]) != MODEL_FORMAT:
                raise ValueError(
                    f"{path} is not a conflictkit cause model of format "
                    f"{MODEL_FORMAT!r} (it says {str(z['format'])!r})."
                )
            cues = bool(z["cues"])
            if cues and tuple(z["cue_features"].tolist()) != CUE_FEATURES:
                raise ValueError(
                    f"{path} was fitted with other cue features than this version of "
                    "conflictkit computes; refit it (datasets/make_cause_model.py)."
                )
            clf = cls(precision=float(z["precision"]), bits=int(z["bits"]), cues=cues)
            clf.classes_ = np.array(z["classes"].tolist(), dtype=object)
            clf.coef_ = z["coef"].astype(np.float32)
            clf.intercept_ = z["intercept"].astype(float)
            clf.calibration_ = z["calibration"].astype(float)
            clf.thresholds_ = z["thresholds"].astype(float)
            clf.calibrated_ = bool(z["calibrated"])
            clf.held_out_ = {}
        return clf


def default_classifier() -> CauseClassifier:
    """The bundled cause model, read once per process from plain arrays.

    Fitted by ``datasets/make_cause_model.py`` on the hand-written notes of
    :func:`load_example_notes` and on real corpora (code-review and
    Wikipedia toxicity, politeness, support queries, consumer complaints,
    French toxicity, emotions and reviews; ``datasets/README.md``), with
    calibration and per-cause thresholds chosen on held-out notes for a
    precision of 0.85 (``datasets/make_cause_model.py`` says why). Do not
    modify it: it is shared.

    Returns
    -------
    CauseClassifier
        A fitted classifier.

    Examples
    --------
    >>> import conflictkit as ck
    >>> ck.default_classifier() is ck.default_classifier()
    True
    """
    return _load_default()


@functools.cache
def _load_default() -> CauseClassifier:
    return CauseClassifier.load(data_path(MODEL_FILE))
