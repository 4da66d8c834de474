"""The hot inner loops of suggestion search, in compiled code (numpy, rapidfuzz).

``lexicon.store`` and ``lexicon.edits`` stay the reference: the build script reads them
(their hashes are part of the lexicon's recipe, see data/lexicon/MANIFEST.json) and the tests
check these versions against them.

* ``IndexSearch.lookup``: a typo's query is a few thousand keys (``edits.query_keys``); they
  are hashed in one pass and bisected in one numpy call, in sorted order (one walk over the
  table, few cache misses) instead of one ``bisect`` per key.
* ``weighted_distances``: ``edits.weighted_distance`` from one typo to many words at once
  (the few hundred a typo's index search finds), as numpy rows.
* ``osa_distance``: rapidfuzz's OSA, the same restricted Damerau distance as
  ``edits.osa_distance``, with the same contract for ``limit``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from zlib import crc32

import numpy as np
from rapidfuzz.distance import OSA

from draftlint.lexicon.edits import TRANSPOSE, _extra_costs, _omit_costs, _sub_row
from draftlint.lexicon.store import MultiIndex


class IndexSearch:
    """``MultiIndex.lookup`` for many keys at once; same answers."""

    __slots__ = ("hashes", "offsets")

    def __init__(self, index: MultiIndex) -> None:
        self.hashes = np.frombuffer(index.hashes, dtype=np.uint32)
        self.offsets = np.frombuffer(index.offsets, dtype=np.uint32)

    def lookup(self, keys: Collection[str], into: set[int]) -> None:
        """Add to ``into`` the offsets filed under any of ``keys``."""
        wanted = np.fromiter(map(crc32, map(str.encode, keys)), dtype=np.uint32, count=len(keys))
        wanted.sort()
        lo = np.searchsorted(self.hashes, wanted, "left")
        hi = np.searchsorted(self.hashes, wanted, "right")
        hit = hi > lo
        if not hit.any():
            return
        lo, counts = lo[hit], (hi - lo)[hit]
        # rows lo .. hi-1 of every hit, flattened: each run's start repeated, plus 0, 1, 2 ...
        firsts = np.repeat(lo - (np.cumsum(counts) - counts), counts)
        into.update(self.offsets[firsts + np.arange(int(counts.sum()))].tolist())


def osa_distance(a: str, b: str, limit: int = 99) -> int:
    """``edits.osa_distance``: plain optimal-string-alignment distance; once it must exceed
    ``limit``, some value over ``limit``."""
    return OSA.distance(a, b, score_cutoff=limit if limit < 99 else None)


def weighted_distances(typo: str, words: Sequence[str], limit: float) -> list[float]:
    """``[edits.weighted_distance(typo, w, limit) for w in words]`` for the words it finds
    within ``limit``, in one numpy pass over all the words; a word further away (or one the
    reference gives up on, row by row, past ``limit``) gets ``inf``.

    The table is filled as the reference fills it (the same additions and minima in the
    same order, in float64), one row of every word at a time, so each cost is the very
    float the reference returns and ranks and thresholds do not move.
    """
    k = len(words)
    if not k:
        return []
    m = len(typo)
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=k)
    n_max = int(lengths.max())
    codes = np.full((k, n_max), -1, np.int64)
    omit = np.zeros((k, n_max))
    subs = np.zeros((k, n_max, m))
    for r, word in enumerate(words):
        n = len(word)
        codes[r, :n] = list(map(ord, word))
        omit[r, :n] = _omit_costs(word)
        if m and n:
            subs[r, :n] = [_sub_row(word[i], typo, i == 0) for i in range(n)]
    typo_codes = [ord(c) for c in typo]
    extra = _extra_costs(typo)
    first_row = [0.0] * (m + 1)
    for j in range(1, m + 1):
        first_row[j] = first_row[j - 1] + extra[j - 1]
    prev = np.tile(np.array(first_row), (k, 1))
    prev2 = prev
    out = np.full(k, np.inf)
    out[lengths == 0] = prev[lengths == 0, m]
    alive = np.ones(k, bool)
    for i in range(1, n_max + 1):
        om = omit[:, i - 1]
        cur = np.empty((k, m + 1))
        cur[:, 0] = prev[:, 0] + om
        wc = codes[:, i - 1]
        for j in range(1, m + 1):
            v = prev[:, j - 1] + subs[:, i - 1, j - 1]
            np.minimum(v, prev[:, j] + om, out=v)
            np.minimum(v, cur[:, j - 1] + extra[j - 1], out=v)
            if i > 1 and j > 1:
                tc = typo_codes[j - 1]
                swap = (wc == typo_codes[j - 2]) & (codes[:, i - 2] == tc) & (wc != tc)
                if swap.any():
                    np.minimum(v, np.where(swap, prev2[:, j - 2] + TRANSPOSE, np.inf), out=v)
            cur[:, j] = v
        row = i <= lengths
        alive &= ~(row & (cur.min(axis=1) > limit))  # the reference returns here
        done = alive & (lengths == i)
        out[done] = cur[done, m]
        prev2, prev = prev, cur
    return out.tolist()
