"""Hashed character and word n-grams of notes, computed with numpy.

Private to :mod:`conflictkit.notes`. A chunk of notes is joined into one
string, lower-cased and stripped of accents in single C-level passes
(``unicodedata.normalize`` then ASCII), mapped to letters, ``0`` for every
digit and spaces; then every character n-gram within a word (3 to 5
characters, padded by the spaces around the word, like scikit-learn's
``char_wb``), every word and every pair of adjacent words is hashed with
vectorised rolling hashes into ``2**bits`` columns. No vocabulary is stored,
so the fitted weights of a model are the whole model, and the cost is linear
in the number of characters (a 10,000-character note costs 1,000 times a
10-character one, no more).

scikit-learn's ``HashingVectorizer`` computes the same kind of features with a
Python analyser per note; this does it in whole-array operations, several
times faster on long chunks (``benchmarks/bench_classifier.py``).

Each block (characters, words) gets sublinear term frequencies
(``1 + log(count)``) and unit length per note; the two blocks are summed into
one hashed space (their hashes are seeded apart). A note without any letter or
digit gets an all-zero row.
"""

from __future__ import annotations

import unicodedata

import numpy as np
import scipy.sparse as sp

__all__ = ["BITS", "hashed_features"]

#: Number of hashed columns is 2**BITS.
BITS = 18
CHAR_NGRAMS = (3, 4, 5)

_P = np.uint64(0x100000001B3)  # FNV-1 64-bit prime, multiplier of the rolling hash
_MIX = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing before taking the top bits
_WORD_SEED = np.uint64(0x51ED27)
_PAIR_SEED = np.uint64(0x2545F491)
_SPACE = np.uint8(ord(" "))
_SEP = np.uint8(1)

# byte -> code: a-z kept, every digit -> "0", the note separator -> 1, else space
_TABLE = np.full(256, ord(" "), dtype=np.uint8)
_TABLE[ord("a") : ord("z") + 1] = np.arange(ord("a"), ord("z") + 1)
_TABLE[ord("0") : ord("9") + 1] = ord("0")
_TABLE[0] = 1
_POWERS = np.cumprod(
    np.concatenate(([np.uint64(1)], np.full(63, _P, dtype=np.uint64)))
)  # wraps modulo 2**64, as intended


def _codes(texts: list[str]) -> np.ndarray:
    """One array of codes for the chunk: words separated by one space, notes by 1."""
    big = "\x00".join(t.replace("\x00", " ") for t in texts) + "\x00"
    raw = unicodedata.normalize("NFKD", big.lower()).encode("ascii", "ignore")
    s = _TABLE[np.frombuffer(raw, dtype=np.uint8)]
    space = s == _SPACE
    prev = np.concatenate(([True], (space | (s == _SEP))[:-1]))
    s = s[~(space & prev)]  # no leading or repeated spaces
    space = s == _SPACE
    nxt = np.concatenate(((s == _SEP)[1:], [True]))
    return s[~(space & nxt)]  # no trailing space before a separator


def _bucket(h: np.ndarray, bits: int) -> np.ndarray:
    return ((h * _MIX) >> np.uint64(64 - bits)).astype(np.int32)


def _block(rows: list[np.ndarray], cols: list[np.ndarray], n: int, bits: int):
    """Sum of count matrices, each from (row, column) pairs with sorted rows."""
    out = sp.csr_matrix((n, 1 << bits), dtype=np.float32)
    for r, c in zip(rows, cols, strict=True):
        indptr = np.zeros(n + 1, dtype=np.int64)
        indptr[1:] = np.cumsum(np.bincount(r, minlength=n))
        m = sp.csr_matrix(
            (np.ones(len(c), dtype=np.float32), c, indptr), shape=(n, 1 << bits)
        )
        m.sum_duplicates()
        out = out + m
    return out


def _counts(texts: list[str], bits: int) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """Raw counts of character n-grams and of words and word pairs."""
    n = len(texts)
    s = _codes(texts)
    is_sep = s == _SEP
    # Position 0 is a boundary before the first note; separators act as spaces.
    v = np.concatenate(([np.uint64(ord(" "))], np.where(is_sep, _SPACE, s)))
    v = v.astype(np.uint64)
    bound = np.concatenate(([True], is_sep | (s == _SPACE)))
    starts_at_sep = np.concatenate(([False], is_sep))
    # the note a position belongs to (a separator closes its note)
    note = np.concatenate(([0], np.cumsum(is_sep) - is_sep))
    n_bound = np.cumsum(bound)
    size = len(v)
    rows, cols = [], []
    for k in CHAR_NGRAMS:
        m = size - k + 1
        if m <= 0:
            continue
        h = np.zeros(m, dtype=np.uint64)
        for j in range(k):
            h = h * _P + v[j : j + m]
        h ^= np.uint64(k)
        # no boundary inside the n-gram (positions 1 .. k-2)
        inside = n_bound[k - 2 : k - 2 + m] - n_bound[:m]
        idx = np.flatnonzero(inside == 0)
        rows.append(note[idx] + starts_at_sep[idx])
        cols.append(_bucket(h[idx], bits))
    chars = _block(rows, cols, n, bits)

    word_start = np.flatnonzero(~bound & np.concatenate(([True], bound[:-1])))
    if len(word_start) == 0:
        return chars, sp.csr_matrix((n, 1 << bits), dtype=np.float32)
    first = np.zeros(size, dtype=bool)
    first[word_start] = True
    word_no = np.cumsum(first) - 1
    pos = np.arange(size) - word_start[np.maximum(word_no, 0)]
    terms = np.where(bound, np.uint64(0), v * _POWERS[np.minimum(pos, 63)])
    wh = np.add.reduceat(terms, word_start) * _MIX + _WORD_SEED
    wrow = note[word_start]
    same = wrow[1:] == wrow[:-1]
    pair = (wh[:-1] * _P) ^ (wh[1:] + _PAIR_SEED)
    words = _block(
        [wrow, wrow[:-1][same]],
        [_bucket(wh, bits), _bucket(pair[same], bits)],
        n,
        bits,
    )
    return chars, words


def _unit(m: sp.csr_matrix) -> sp.csr_matrix:
    m.data = 1.0 + np.log(m.data)
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags((1.0 / norms).astype(np.float32)) @ m)


def hashed_features(texts: list[str], bits: int = BITS) -> sp.csr_matrix:
    """Hashed, sublinear, unit-length n-gram features, one row per text.

    Examples
    --------
    >>> x = hashed_features(["Facture impayée", "facture impayee", ""], bits=10)
    >>> x.shape
    (3, 1024)
    >>> bool(abs(x[0] - x[1]).sum() == 0), x[2].nnz
    (True, 0)
    """
    if not texts:
        return sp.csr_matrix((0, 1 << bits), dtype=np.float32)
    chars, words = _counts(list(texts), bits)
    return sp.csr_matrix(_unit(chars) + _unit(words), dtype=np.float32)
