"""Matching a cell's words against the vocabulary: phrases, word order, typos.

A spelling is matched, in this order, on its normalised text (``"retard de
paiement"``), then on its content words in any order (``"paiement en retard"``
has the words of ``"retard de paiement"``), then on the longest known phrases
it contains (``"retard de paiement client"``). A word that is only *close* to
a known one (``"paiment"``) never lets a shorter phrase win (``"retard"`` would
read as deadlines): the value is reported, with the reading its corrected words
would give as a suggestion.
"""

from __future__ import annotations

import difflib
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from .vocabulary import STOPWORDS, normalize

__all__ = ["Lookup", "Vocabulary", "content_words"]

V = TypeVar("V", bound=Hashable)

#: How close a word must be to a known word to count as a typo of it.
_WORD_CUTOFF = 0.8
#: Words shorter than this are never read as typos (``"ton"`` vs ``"tone"``).
_MIN_TYPO_LENGTH = 4


def _name(value: object) -> str:
    if isinstance(value, tuple):  # several causes
        return ";".join(map(str, value))
    return str(value)


def content_words(norm: str) -> tuple[str, ...]:
    """The words that carry meaning, sorted: word order and ``de``/``of`` ignored.

    Examples
    --------
    >>> content_words("paiement en retard")
    ('paiement', 'retard')
    >>> content_words("retard de paiement")
    ('paiement', 'retard')
    """
    words = norm.split()
    kept = [w for w in words if w not in STOPWORDS]
    return tuple(sorted(kept or words))


@dataclass(frozen=True)
class Lookup(Generic[V]):
    """What a spelling reads as: ``value``, or ``problem`` (with a suggestion)."""

    value: V | None
    problem: str | None = None
    suggestion: V | None = None
    #: the known spelling the suggestion comes from (``"retard de paiement"``)
    near: str | None = None


class Vocabulary(Generic[V]):
    """A table of spellings -> values, matched as the module docstring says."""

    def __init__(self, table: Mapping[str, V]) -> None:
        self.exact: dict[str, V] = {}
        self.by_words: dict[tuple[str, ...], V] = {}
        self.phrase: dict[tuple[str, ...], str] = {}
        for spelling, value in table.items():
            norm = normalize(spelling)
            self.exact[norm] = value
            self.by_words[content_words(norm)] = value
            self.phrase.setdefault(content_words(norm), norm)
        self.words = sorted({w for key in self.by_words for w in key})
        self._phrases = sorted(self.by_words, key=len, reverse=True)

    def conflicts(self) -> dict[tuple[str, ...], set[V]]:
        """Content-word keys that two spellings give different values (a bug)."""
        seen: dict[tuple[str, ...], set[V]] = {}
        for norm, value in self.exact.items():
            seen.setdefault(content_words(norm), set()).add(value)
        return {k: v for k, v in seen.items() if len(v) > 1}

    def _within(self, words: tuple[str, ...]) -> tuple[set[V], set[str]]:
        """Values of the longest known phrases inside ``words``; words left over."""
        have = set(words)
        hits = [k for k in self._phrases if set(k) <= have]
        longest = [k for k in hits if not any(set(k) < set(o) for o in hits if o != k)]
        used = {w for k in longest for w in k}
        return {self.by_words[k] for k in longest}, have - used

    def _typo_of(self, word: str) -> str | None:
        if len(word) < _MIN_TYPO_LENGTH or word in self.words:
            return None
        close = difflib.get_close_matches(word, self.words, n=1, cutoff=_WORD_CUTOFF)
        return close[0] if close else None

    def lookup(self, norm: str) -> Lookup[V]:
        """Read one normalised spelling."""
        if norm in self.exact:
            return Lookup(self.exact[norm])
        words = content_words(norm)
        if words in self.by_words:
            return Lookup(self.by_words[words])
        values, left = self._within(words)
        typos = {w: t for w in left if (t := self._typo_of(w)) is not None}
        if len(values) == 1 and not typos:
            return Lookup(next(iter(values)))
        if len(values) > 1 and not typos:
            names = " and ".join(sorted(map(_name, values)))
            return Lookup(None, f"reads as both {names}", None)
        value, near = self.suggest(norm, typos)
        return Lookup(None, "unknown", value, near)

    def suggest(
        self, norm: str, typos: Mapping[str, str] | None = None
    ) -> tuple[V | None, str | None]:
        """The value the spelling would have with its typos corrected, and the
        known spelling it comes from; ``(None, None)`` if there is none."""
        words = content_words(norm)
        if typos is None:
            typos = {w: t for w in words if (t := self._typo_of(w)) is not None}
        fixed = tuple(sorted(typos.get(w, w) for w in words))
        if fixed in self.by_words:
            return self.by_words[fixed], self.phrase[fixed]
        values, _ = self._within(fixed)
        if len(values) == 1 and typos:
            return next(iter(values)), None
        # a short value close to a whole known phrase ("scoop" -> "scope")
        close = difflib.get_close_matches(
            " ".join(words), [" ".join(k) for k in self._phrases], n=1, cutoff=0.75
        )
        if close:
            key = tuple(close[0].split())
            return self.by_words[key], self.phrase[key]
        return None, None
