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

__all__ = ["BITS", "Stream", "hashed_features"]

#: Number of hashed columns is 2**BITS.
BITS = 17
CHAR_NGRAMS = (3, 4, 5)

_P = np.uint64(0x100000001B3)  # FNV-1 64-bit prime, multiplier of the rolling hash
_P_INV = np.uint64(pow(0x100000001B3, -1, 2**64))  # its inverse modulo 2**64
_MIX = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing before taking the top bits
_WORD_SEED = np.uint64(0x51ED27)
_PAIR_SEED = np.uint64(0x2545F491)
SPACE, BREAK, SEP = 32, 2, 1  # boundary codes: between words, sentences, notes

# byte -> code: a-z (A-Z lowered) kept, every digit -> "0", the note separator,
# sentence punctuation and line breaks -> BREAK, anything else -> SPACE
_TABLE = np.full(256, SPACE, dtype=np.uint8)
_TABLE[ord("a") : ord("z") + 1] = np.arange(ord("a"), ord("z") + 1)
_TABLE[ord("A") : ord("Z") + 1] = np.arange(ord("a"), ord("z") + 1)
_TABLE[ord("0") : ord("9") + 1] = ord("0")
_TABLE[[ord(c) for c in ".!?:;\n"]] = BREAK
_TABLE[0] = SEP
_RANK = np.zeros(256, dtype=np.uint8)  # which boundary wins in a run of them
_RANK[[SPACE, BREAK, SEP]] = [1, 2, 3]
_WINNER = np.array([0, SPACE, BREAK, SEP], dtype=np.uint8)


def _powers(base: np.uint64, n: int) -> np.ndarray:
    """base**0 .. base**(n-1) modulo 2**64."""
    out = np.full(max(n, 1), base, dtype=np.uint64)
    out[0] = 1
    return np.cumprod(out)  # wraps modulo 2**64, as intended


class Stream:
    """A chunk of notes as one array of codes, with what both feature kinds need.

    ``raw`` is the chunk in ASCII before lower-casing (for capitals and
    exclamation marks, with ``raw_note`` the note of each byte); ``codes``
    has one boundary code (SPACE, BREAK or SEP) between words; position 0 is
    a boundary before the first note. ``note`` is the note of each position
    (a separator closes its note), ``starts`` the positions where words begin.
    """

    def __init__(self, texts: list[str]) -> None:
        self.n = len(texts)
        big = "\x00".join(t.replace("\x00", " ") for t in texts) + "\x00"
        big = big.replace("\u2019", "'")
        raw = unicodedata.normalize("NFKD", big).encode("ascii", "ignore")
        self.raw = np.frombuffer(raw, dtype=np.uint8)
        self.raw_note = np.cumsum(self.raw == 0) - (self.raw == 0)
        c = np.concatenate((np.array([SPACE], dtype=np.uint8), _TABLE[self.raw]))
        # runs of spaces and breaks become one code (a break if the run has one)
        soft = (c == SPACE) | (c == BREAK)
        run_start = soft & ~np.concatenate(([False], soft[:-1]))
        run_id = np.cumsum(run_start) - 1
        best = (
            np.maximum.reduceat(np.where(soft, _RANK[c], 0), np.flatnonzero(run_start))
            if soft.any()
            else None
        )
        if best is not None:
            c = np.where(soft, _WINNER[best[np.maximum(run_id, 0)]], c)
        c = c[~soft | run_start]
        # a separator is the boundary: no space or break right before or after it
        sep = c == SEP
        soft = (c == SPACE) | (c == BREAK)
        near = np.concatenate(((sep[1:]), [False])) | np.concatenate(
            ([False], sep[:-1])
        )
        near[0] = False
        c = c[~(soft & near)]
        self.codes = c
        self.bound = _RANK[c] > 0
        is_sep = c == SEP
        self.note = np.cumsum(is_sep) - is_sep
        self.starts = np.flatnonzero(
            ~self.bound & np.concatenate(([True], self.bound[:-1]))
        )
        self.v = np.where(self.bound, np.uint8(SPACE), c).astype(np.uint64)
        self._prefix: np.ndarray | None = None

    def window_hash(self, at: np.ndarray, length: int) -> np.ndarray:
        """Polynomial hash of ``v[at : at + length]`` (all within the stream)."""
        if self._prefix is None:
            n = len(self.v)
            inv = _powers(_P_INV, n)
            self._pw = _powers(_P, n + 1)
            # H[j] = sum_{t<j} v[t] P^(j-1-t) = P^(j-1) * sum_{t<j} v[t] P^-t
            acc = np.concatenate(([np.uint64(0)], np.cumsum(self.v * inv)))
            self._prefix = acc
        acc, pw = self._prefix, self._pw
        # sum_{t=a}^{a+L-1} v[t] P^(a+L-1-t) = P^(a+L-1) * (acc[a+L] - acc[a])
        return pw[at + length - 1] * (acc[at + length] - acc[at])


def _bucket(h: np.ndarray, bits: int) -> np.ndarray:
    return ((h * _MIX) >> np.uint64(64 - bits)).astype(np.int32)


def _block(
    rows: list[np.ndarray], cols: list[np.ndarray], n: int, bits: int
) -> sp.csr_matrix:
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


def _counts(
    texts: list[str] | Stream, bits: int
) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """Raw counts of character n-grams and of words and word pairs."""
    st = texts if isinstance(texts, Stream) else Stream(list(texts))
    n, v, bound, note = st.n, st.v, st.bound, st.note
    starts_at_sep = st.codes == SEP
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

    word_start = st.starts
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


_POWERS = _powers(_P, 64)


def _unit(m: sp.csr_matrix) -> sp.csr_matrix:
    m.data = 1.0 + np.log(m.data)
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags((1.0 / norms).astype(np.float32)) @ m)


def hashed_features(texts: list[str] | Stream, bits: int = BITS) -> sp.csr_matrix:
    """Hashed, sublinear, unit-length n-gram features, one row per text.

    Examples
    --------
    >>> x = hashed_features(["Facture impayée", "facture impayee", ""], bits=10)
    >>> x.shape
    (3, 1024)
    >>> bool(abs(x[0] - x[1]).sum() == 0), x[2].nnz
    (True, 0)
    """
    st = texts if isinstance(texts, Stream) else Stream(list(texts))
    if st.n == 0:
        return sp.csr_matrix((0, 1 << bits), dtype=np.float32)
    chars, words = _counts(st, bits)
    return sp.csr_matrix(_unit(chars) + _unit(words), dtype=np.float32)
