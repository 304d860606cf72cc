"""Suggest causes from the free-text notes of disputes, in French and English.

:class:`CauseClassifier` is a scikit-learn estimator that learns causes from
labelled notes (character and word n-grams, one logistic regression per
cause); :func:`suggest_causes` uses it to propose causes for the disputes of a
history that have notes but no cause; :func:`load_example_notes` returns the
labelled corpus it learns from by default.

Nothing here downloads a model or loads a pickle: the default model is trained
on the bundled CSV corpus when it is needed (about a second).
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer, MultiLabelBinarizer
from sklearn.utils.validation import check_is_fitted

from .._labels import CAUSE_DTYPE
from .._resources import data_path
from ..errors import ConflictkitWarning
from ..model import STRING_DTYPE, History
from ._cues import cue_counts
from ._text import _ALL_CAUSES, _causes, _suggested, _texts

__all__ = ["CauseClassifier", "load_example_notes", "suggest_causes"]

#: Below this many labelled disputes with notes, a history's own notes are not
#: added to the default training corpus.
MIN_USER_NOTES = 30


def load_example_notes() -> pd.DataFrame:
    """Load the labelled corpus of dispute notes the classifier learns from.

    1,162 short notes such as a freelancer writes in a dispute log, 579 in
    French and 583 in English, each labelled with one or more causes (the
    primary first; 236 notes, 20%, cite several). Every cause is cited by
    226 to 251 notes. They were written by the conflictkit project, not taken
    from real clients: hand-written notes for every cause in many styles
    (terse, angry, formal, with typos, without accents, mixing languages,
    with amounts and dates, quoting the client), hand-written notes with
    several causes, and pairs of notes joined into one; neutral context
    (client, date, amount at stake) and surface noise (typos, accents
    dropped, case) were added at random, independently of the cause.
    ``datasets/make_notes.py`` builds it and ``datasets/README.md`` tells
    how.

    A fixed quarter of the notes (292) form the ``test`` split, drawn per
    primary cause. Notes that share a sentence (a French note and its English
    counterpart, a joined note and its parts) share a ``group`` and always
    fall on the same side of the split, so no sentence of a test note appears
    in a training note; use ``group`` for grouped cross-validation
    (``sklearn.model_selection.GroupKFold``).

    Returns
    -------
    pandas.DataFrame
        One row per note, with columns ``note_id`` (string), ``text``
        (string), ``lang`` (categorical, ``"fr"`` or ``"en"``), ``causes``
        (string, ``;``-separated :class:`~conflictkit.Cause` values, primary
        first), ``split`` (categorical, ``"train"`` or ``"test"``) and
        ``group`` (string).

    Examples
    --------
    >>> notes = load_example_notes()
    >>> notes.shape
    (1162, 6)
    >>> notes.groupby("split", observed=True).size().to_dict()
    {'train': 870, 'test': 292}
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


class CauseClassifier(BaseEstimator):
    """Learn dispute causes from free-text notes, in French and English.

    Character n-grams (within word boundaries, accents stripped, lower case)
    make the model robust to typos, casing and missing accents; word n-grams
    add whole words and short phrases; a small bilingual lexicon of cue words
    per cause (``cues``) helps with words the training notes never used. One
    logistic regression per cause (one-vs-rest, liblinear) gives a
    probability for each cause, so a note can cite several causes. It uses
    scikit-learn alone and downloads nothing; training on the bundled corpus
    takes about a second.

    Parameters
    ----------
    threshold : float, default=0.5
        ``predict`` returns every cause whose probability reaches it; a note
        where none does gets its most probable cause.
    C : float, default=10.0
        Inverse regularisation strength of the logistic regressions.
    ngram_range : tuple of int, default=(2, 5)
        Lengths of the character n-grams.
    word_ngram_range : tuple of int or None, default=(1, 2)
        Lengths of the word n-grams added to the character n-grams; ``None``
        uses characters alone.
    cues : bool, default=True
        Add, per cause, the number of its cue words the note contains (see
        ``conflictkit.notes._cues``) to the features.
    class_weight : "balanced" or None, default="balanced"
        Weighting of the positive notes of each cause (``"balanced"``
        compensates for causes cited by few notes).
    max_iter : int, default=1000
        Iterations of the solver.
    random_state : int or None, default=None
        Seeds the order in which the solver visits the notes (liblinear);
        results barely depend on it, fix it for exact reproducibility.

    Attributes
    ----------
    classes_ : numpy.ndarray of str
        The causes seen in training, in the taxonomy's order; the columns of
        ``predict_proba``.
    pipeline_ : sklearn.pipeline.Pipeline
        The fitted features and one-vs-rest model.
    binarizer_ : sklearn.preprocessing.MultiLabelBinarizer
        Maps tuples of causes to the indicator matrix.

    Examples
    --------
    >>> import conflictkit as ck
    >>> notes = ck.load_example_notes()
    >>> train = notes[notes["split"] == "train"]
    >>> clf = ck.CauseClassifier().fit(train["text"], train["causes"])
    >>> clf.predict(["Facture impayee depuis 3 mois", "PM yelled at me again"])
    array([('payment',), ('tone',)], dtype=object)
    """

    def __init__(
        self,
        *,
        threshold: float = 0.5,
        C: float = 10.0,
        ngram_range: tuple[int, int] = (2, 5),
        word_ngram_range: tuple[int, int] | None = (1, 2),
        cues: bool = True,
        class_weight: str | None = "balanced",
        max_iter: int = 1000,
        random_state: int | None = None,
    ) -> None:
        self.threshold = threshold
        self.C = C
        self.ngram_range = ngram_range
        self.word_ngram_range = word_ngram_range
        self.cues = cues
        self.class_weight = class_weight
        self.max_iter = max_iter
        self.random_state = random_state

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        # Input is a 1-D collection of texts, not a numeric 2-D array.
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.target_tags.required = True
        return tags

    def _check_threshold(self) -> None:
        if not 0.0 < float(self.threshold) <= 1.0:
            raise ValueError(
                "The value for `threshold` must be in (0, 1], but "
                f"{self.threshold!r} was passed."
            )

    def _make_pipeline(self) -> Pipeline:
        chars = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=tuple(self.ngram_range),
            strip_accents="unicode",
            lowercase=True,
            sublinear_tf=True,
        )
        parts: list[tuple[str, Any]] = [("chars", chars)]
        if self.word_ngram_range is not None:
            words = TfidfVectorizer(
                analyzer="word",
                ngram_range=tuple(self.word_ngram_range),
                strip_accents="unicode",
                lowercase=True,
                sublinear_tf=True,
            )
            parts.append(("words", words))
        if self.cues:
            parts.append(("cues", FunctionTransformer(cue_counts)))
        features = FeatureUnion(parts)
        model = LogisticRegression(
            C=self.C,
            solver="liblinear",
            dual=True,
            class_weight=self.class_weight,
            max_iter=self.max_iter,
            random_state=self.random_state,
        )
        return Pipeline([("features", features), ("model", OneVsRestClassifier(model))])

    def fit(self, notes: Any, causes: Any) -> CauseClassifier:
        """Learn the causes of labelled notes.

        Parameters
        ----------
        notes : list of str, pandas.Series or numpy.ndarray
            The texts, one per note.
        causes : sequence
            Per note, its causes: a list, tuple or set of
            :class:`~conflictkit.Cause` values, or a string such as
            ``"payment;tone"``. French and English spellings the readers
            accept (``"retard de paiement"``) work too.

        Returns
        -------
        CauseClassifier
            The fitted estimator (``self``).

        Examples
        --------
        >>> import conflictkit as ck
        >>> clf = ck.CauseClassifier().fit(
        ...     ["Invoice still unpaid after 60 days", "Facture impayée depuis 3 mois",
        ...      "The client shouted at me in the meeting", "Ton très agressif"],
        ...     ["payment", "payment", "tone", "tone"],
        ... )
        >>> clf.classes_.tolist()
        ['payment', 'tone']
        """
        self._check_threshold()
        texts = _texts(notes)
        labels = _causes(causes, len(texts))
        seen = {c for tup in labels for c in tup}
        classes = [c for c in _ALL_CAUSES if c in seen]
        if len(classes) < 2:
            raise ValueError(
                f"The training notes cite only {classes}; at least two different "
                "causes are needed to learn to tell them apart."
            )
        self.binarizer_ = MultiLabelBinarizer(classes=classes)
        y = self.binarizer_.fit_transform(labels)
        self.pipeline_ = self._make_pipeline().fit(texts, y)
        self.classes_ = np.array(classes, dtype=object)
        return self

    def predict_proba(self, notes: Any) -> np.ndarray:
        """Probability of each cause for each note (one-vs-rest).

        Parameters
        ----------
        notes : list of str, pandas.Series or numpy.ndarray
            The texts.

        Returns
        -------
        numpy.ndarray
            Shape ``(n_notes, n_causes)``, columns in the order of
            ``classes_``. Rows need not sum to one: a note can cite several
            causes.

        Examples
        --------
        >>> import conflictkit as ck
        >>> clf = ck.CauseClassifier().fit(
        ...     ["Invoice still unpaid after 60 days", "Facture impayée depuis 3 mois",
        ...      "The client shouted at me in the meeting", "Ton très agressif"],
        ...     ["payment", "payment", "tone", "tone"],
        ... )
        >>> clf.predict_proba(["facture en retard", "he was rude"]).round(1)
        array([[0.8, 0.2],
               [0.3, 0.7]])
        """
        check_is_fitted(self, "pipeline_")
        texts = _texts(notes)
        if not texts:
            return np.empty((0, len(self.classes_)))
        return self.pipeline_.predict_proba(texts)

    def predict(self, notes: Any) -> np.ndarray:
        """The causes of each note, most probable first.

        Parameters
        ----------
        notes : list of str, pandas.Series or numpy.ndarray
            The texts.

        Returns
        -------
        numpy.ndarray of tuples
            Object array, one tuple of cause values per note: every cause
            whose probability reaches ``threshold``, or the most probable one
            when none does.

        Examples
        --------
        >>> import conflictkit as ck
        >>> clf = ck.CauseClassifier().fit(
        ...     ["Invoice still unpaid after 60 days", "Facture impayée depuis 3 mois",
        ...      "The client shouted at me in the meeting", "Ton très agressif"],
        ...     ["payment", "payment", "tone", "tone"],
        ... )
        >>> clf.predict(["facture en retard", "he was rude"])
        array([('payment',), ('tone',)], dtype=object)
        """
        self._check_threshold()
        proba = self.predict_proba(notes)
        keep = _suggested(proba, self.threshold)
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
            The true causes of each note (as in :meth:`fit`).

        Returns
        -------
        float
            Micro-F1 over all (note, cause) pairs, between 0 and 1.

        Examples
        --------
        >>> import conflictkit as ck
        >>> clf = ck.CauseClassifier().fit(
        ...     ["Invoice still unpaid after 60 days", "Facture impayée depuis 3 mois",
        ...      "The client shouted at me in the meeting", "Ton très agressif"],
        ...     ["payment", "payment", "tone", "tone"],
        ... )
        >>> clf.score(["facture en retard", "he was rude"], ["payment", "tone"])
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


#: At most this many of a history's own labelled notes join the default
#: training corpus (drawn with a fixed seed), to keep training to seconds.
MAX_USER_NOTES = 20_000
#: Notes are scored in chunks of this many, so memory stays flat.
_CHUNK = 50_000
_N_FOLDS = 5

SUGGESTION_COLUMNS = ["dispute_id", "cause", "probability", "suggested", "labelled"]


def _fit_default(texts: list[str], causes: list[str]) -> CauseClassifier:
    return CauseClassifier(random_state=0).fit(texts, causes)


def _proba(classifier: Any, texts: pd.Series) -> np.ndarray:
    """``predict_proba`` in chunks, so memory stays flat on long logs."""
    parts = [
        np.asarray(classifier.predict_proba(texts.iloc[i : i + _CHUNK].tolist()))
        for i in range(0, len(texts), _CHUNK)
    ]
    return np.vstack(parts) if parts else np.empty((0, len(classifier.classes_)))


def suggest_causes(
    history: History,
    *,
    classifier: Any = None,
    threshold: float = 0.5,
    include_labelled: bool = False,
) -> pd.DataFrame:
    """Suggest causes for disputes from their notes, without touching labels.

    Each unlabelled dispute that has notes gets a probability for every cause;
    the causes at or above ``threshold`` (or the most probable one when none
    is) are suggested. With ``include_labelled=True`` the disputes you
    labelled are scored too, so you can spot where your labels and the notes
    disagree. The history is never modified: copy the suggestions you accept
    into your log yourself.

    Parameters
    ----------
    history : History
        The disputes; ``disputes["notes"]``, ``disputes["primary_cause"]``
        and ``causes`` are read.
    classifier : CauseClassifier or None, default=None
        A fitted classifier (any fitted estimator with ``predict_proba`` and
        ``classes_`` made of :class:`~conflictkit.Cause` values). By default a
        :class:`CauseClassifier` is trained on the bundled corpus
        (:func:`load_example_notes`, all of it), plus the history's own
        labelled notes when at least 30 labelled disputes have notes (at most
        20,000 of them). With ``include_labelled=True``, a labelled dispute is
        then scored by a model trained without its own note (5-fold
        cross-fitting), so that a disagreement is not hidden by the model
        having learned your label.
    threshold : float, default=0.5
        Probability from which a cause is suggested.
    include_labelled : bool, default=False
        Also score the disputes that already cite causes.

    Returns
    -------
    pandas.DataFrame
        One row per scored dispute and cause, with columns ``dispute_id``,
        ``cause`` (categorical), ``probability`` (float), ``suggested``
        (bool) and ``labelled`` (bool: the dispute already cites this cause;
        always False for unlabelled disputes). Disputes come in the order of
        ``history.disputes``, each with its causes by decreasing probability.

    Warns
    -----
    ConflictkitWarning
        When disputes that would be scored have no notes (they are left out);
        the message gives their number.

    Examples
    --------
    >>> import pandas as pd
    >>> import conflictkit as ck
    >>> h = ck.History.from_frames(pd.DataFrame({
    ...     "client": ["Acme", "Acme", "Bolt"],
    ...     "opened_at": ["2024-01-10", "2024-02-01", "2024-03-05"],
    ...     "causes": [None, "tone", None],
    ...     "notes": ["Facture impayée depuis 60 jours, 3e relance",
    ...               "Il m'a crié dessus en réunion",
    ...               "Client keeps adding features that were not in the quote"],
    ... }))
    >>> s = ck.suggest_causes(h)
    >>> s.loc[s["suggested"], ["dispute_id", "cause"]].to_numpy().tolist()
    [['D-0001', 'payment'], ['D-0003', 'scope']]
    """
    if not isinstance(history, History):
        raise TypeError(
            f"`history` must be a History, not {type(history).__name__}; build "
            "one with ck.read_history or ck.History.from_frames."
        )
    if not 0.0 < float(threshold) <= 1.0:
        raise ValueError(
            "The value for `threshold` must be in (0, 1], but "
            f"{threshold!r} was passed."
        )
    if classifier is not None:
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
        warnings.warn(
            f"{n_silent} {which}dispute(s) without notes could not be scored "
            "and are not in the result.",
            ConflictkitWarning,
            stacklevel=2,
        )
    rows = np.flatnonzero(wanted & has_note)
    if classifier is None:
        proba, classes = _default_proba(d, notes, has_note & labelled, rows)
    else:
        proba = _proba(classifier, notes.iloc[rows])

    k = len(classes)
    ids = d["dispute_id"].to_numpy(dtype=object)[rows]
    cause = np.tile(classes, len(rows))
    prob = proba.ravel().astype(float)
    suggested = _suggested(proba, float(threshold)).ravel()
    cited = pd.MultiIndex.from_arrays(
        [history.causes["dispute_id"].astype(str), history.causes["cause"].astype(str)]
    )
    is_cited = pd.MultiIndex.from_arrays([np.repeat(ids, k), cause]).isin(cited)
    order = np.lexsort((-prob, np.repeat(np.arange(len(rows)), k)))
    return pd.DataFrame(
        {
            "dispute_id": pd.array(np.repeat(ids, k)[order], dtype=STRING_DTYPE),
            "cause": pd.Categorical(cause[order], dtype=CAUSE_DTYPE),
            "probability": prob[order],
            "suggested": suggested[order],
            "labelled": np.asarray(is_cited, dtype=bool)[order],
        },
        columns=SUGGESTION_COLUMNS,
    )


def _default_proba(
    d: pd.DataFrame, notes: pd.Series, own: np.ndarray, rows: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Train the default model and score the disputes ``rows``.

    ``own`` marks the labelled disputes with notes. When there are enough, the
    model learns from them too, and those of them being scored are scored by
    models trained without their own note (``_N_FOLDS``-fold cross-fitting).
    """
    corpus = load_example_notes()
    base_t = corpus["text"].tolist()
    base_c = corpus["causes"].tolist()
    own_rows = np.flatnonzero(own)
    if len(own_rows) < MIN_USER_NOTES:
        model = _fit_default(base_t, base_c)
        return _proba(model, notes.iloc[rows]), model.classes_.astype(str)
    rng = np.random.default_rng(0)
    if len(own_rows) > MAX_USER_NOTES:
        own_rows = np.sort(rng.choice(own_rows, MAX_USER_NOTES, replace=False))
    own_t = np.asarray(notes.iloc[own_rows].tolist(), dtype=object)
    own_c = np.asarray(d["causes"].iloc[own_rows].astype(str).tolist(), dtype=object)
    model = _fit_default(base_t + own_t.tolist(), base_c + own_c.tolist())
    learned = np.isin(rows, own_rows)
    proba = np.empty((len(rows), len(model.classes_)))
    proba[~learned] = _proba(model, notes.iloc[rows[~learned]])
    if learned.any():
        fold = rng.permutation(len(own_rows)) % _N_FOLDS
        scored = np.isin(own_rows, rows)
        for f in range(_N_FOLDS):
            keep = fold != f
            target = ~keep & scored
            if not target.any():
                continue
            m = _fit_default(
                base_t + own_t[keep].tolist(), base_c + own_c[keep].tolist()
            )
            where = np.searchsorted(rows, own_rows[target])
            proba[where] = _proba(m, notes.iloc[own_rows[target]])
    return proba, model.classes_.astype(str)
