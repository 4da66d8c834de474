"""The hot inner loops of suggestion search, in compiled code (numpy, rapidfuzz).

``lexicon.store`` and ``lexicon.edits`` stay the reference: the build script reads them
(their hashes are part of the lexicon's recipe, see data/lexicon/MANIFEST.json) and the tests
check these versions against them.

* ``IndexSearch.lookup``: a typo's query is a few thousand keys (``edits.query_keys``); they
  are hashed in one pass and bisected in one numpy call, in sorted order (one walk over the
  table, few cache misses) instead of one ``bisect`` per key.
* ``osa_distance``: rapidfuzz's OSA, the same restricted Damerau distance as
  ``edits.osa_distance``, with the same contract for ``limit``.
"""

from __future__ import annotations

from collections.abc import Collection
from zlib import crc32

import numpy as np
from rapidfuzz.distance import OSA

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
