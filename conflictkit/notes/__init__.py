"""Free-text notes: suggesting causes for disputes, or none.

Owns the cause classifier (``CauseClassifier``, a scikit-learn estimator; the
bundled model, ``default_classifier``; ``suggest_causes``), its hashed n-gram
features (``_features``), its hand-written cues (``_cues``), the cleaning of
notes and cause labels (``_text``), the bundled labelled corpus
(``load_example_notes``) and the mapping of real corpora onto causes used to
build and measure the bundled model (``_corpus``). Uses the data model and the
``io`` vocabulary.
"""

from ._classifier import CauseClassifier, default_classifier, load_example_notes
from ._suggest import suggest_causes

__all__ = [
    "CauseClassifier",
    "default_classifier",
    "load_example_notes",
    "suggest_causes",
]
