"""Free-text notes: suggesting causes for disputes that cite none.

Owns the cause classifier (``CauseClassifier``, a scikit-learn estimator, and
``suggest_causes``), its hand-written cue lexicon (``_cues``), the cleaning of
notes and cause labels (``_text``) and the bundled labelled corpus
(``load_example_notes``). Uses the data model and the ``io`` vocabulary.
"""

from ._classifier import CauseClassifier, load_example_notes, suggest_causes

__all__ = ["CauseClassifier", "load_example_notes", "suggest_causes"]
