"""The hot inner loops of suggestion search, in compiled code (numpy, rapidfuzz).

``lexicon.store`` and ``lexicon.edits`` stay the reference: the build script reads them
(their hashes are part of the lexicon's recipe, see data/lexicon/MANIFEST.json) and the tests
check these versions against them.

* ``IndexSearch.lookup``: a typo's query is a few thousand keys (``edits.query_keys``); they
  are hashed in one pass and searched in a few numpy calls, instead of one ``bisect`` per key,
  in the memory-mapped index file.
* ``weighted_distances``: ``edits.weighted_distance`` from one typo to many words at once
  (the few hundred a typo's index search finds), as numpy rows.
* ``osa_distance``: rapidfuzz's OSA, the same restricted Damerau distance as
  ``edits.osa_distance``, with the same contract for ``limit``.
"""

from __future__ import annotations

import mmap
from collections.abc import Collection, Sequence
from pathlib import Path
from zlib import crc32

import numpy as np
from rapidfuzz.distance import OSA

from draftlint.lexicon.edits import TRANSPOSE, _extra_costs, _omit_costs, _sub_row
from draftlint.lexicon.store import _HEADER, MAGIC, VERSION

#: hashes per block of the two-level search (16 uint32: one cache line)
_BLOCK = 16


class IndexSearch:
    """``MultiIndex.lookup`` for many keys at once; same answers.

    A two-level search, as ``context.model`` does it: the first hash of every block of
    ``_BLOCK`` (a 360 KB array that stays in cache) says which block, and the block is then
    compared whole, so each key costs a cache line or two instead of ~20 cache misses.

    The hashes are the memory-mapped file itself, never copied: its pages are read as the
    searches reach them and stay the page cache's.  A last block shorter than ``_BLOCK`` (none
    in today's index) is searched on its own rather than padded, as a pad needs a copy.
    """

    __slots__ = ("blocks", "count", "hashes", "offsets", "upper")

    def __init__(self, hashes: np.ndarray, offsets: np.ndarray) -> None:
        self.count = len(hashes)
        self.hashes = hashes
        self.blocks = hashes[: self.count // _BLOCK * _BLOCK].reshape(-1, _BLOCK)
        self.upper = hashes[::_BLOCK].copy()
        self.offsets = offsets

    @classmethod
    def open(cls, path: Path) -> IndexSearch:
        """The index ``store.write_index`` wrote to ``path``, memory-mapped."""
        with path.open("rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        # the header as ``MultiIndex.load`` reads it (store.py is left as it is: it is part of
        # the lexicon's recipe, and its checksum would say the tables need a rebuild)
        magic, version, count, _ = _HEADER.unpack_from(mapped)
        if magic != MAGIC or version != VERSION:
            raise ValueError(f"{path}: not a draftlint lexicon index (version {VERSION})")
        # little-endian as written, whatever the machine's order
        hashes = np.frombuffer(mapped, "<u4", count, _HEADER.size)
        offsets = np.frombuffer(mapped, "<u4", count, _HEADER.size + 4 * count)
        return cls(hashes, offsets)

    def lookup(self, keys: Collection[str], into: set[int]) -> None:
        """Add to ``into`` the offsets filed under any of ``keys``."""
        wanted = np.fromiter(map(crc32, map(str.encode, keys)), dtype=np.uint32, count=len(keys))
        wanted.sort()
        # the block whose first hash is the last one below the key; the key's first row is
        # then that block's start plus its hashes below the key (the next block's first
        # hash is not below it), or row 0 for a key at or below every hash
        block = np.searchsorted(self.upper, wanted, "left") - 1
        np.maximum(block, 0, out=block)
        # the keys are sorted, so any that fall in a short last block come last
        whole = int(np.searchsorted(block, len(self.blocks)))
        first = np.empty(len(wanted), np.intp)
        head = block[:whole]
        first[:whole] = head * _BLOCK + (self.blocks[head] < wanted[:whole, None]).sum(axis=1)
        short = len(self.blocks) * _BLOCK
        first[whole:] = short + np.searchsorted(self.hashes[short:], wanted[whole:], "left")
        hit = first < self.count
        hit[hit] = self.hashes[first[hit]] == wanted[hit]
        if not hit.any():
            return
        lo = first[hit]
        hi = np.searchsorted(self.hashes, wanted[hit], "right")
        counts = hi - lo
        # rows lo .. hi-1 of every hit, flattened: each run's start repeated, plus 0, 1, 2 ...
        firsts = np.repeat(lo - (np.cumsum(counts) - counts), counts)
        into.update(self.offsets[firsts + np.arange(int(counts.sum()))].tolist())


def osa_distance(a: str, b: str, limit: int = 99) -> int:
    """``edits.osa_distance``: plain optimal-string-alignment distance; once it must exceed
    ``limit``, some value over ``limit``."""
    return OSA.distance(a, b, score_cutoff=limit if limit < 99 else None)


def weighted_distances(typo: str, words: Sequence[str], limit: float) -> list[float]:
    """``[edits.weighted_distance(typo, w, limit) for w in words]`` for the words it finds
    within ``limit``, in one numpy pass over all the words; a word the reference gives up on
    (a row of its table all past ``limit``) gets ``inf``.

    The table is filled as the reference fills it (the same additions and minima in the
    same order, in float64), one row of every word at a time, so each cost is the very
    float the reference returns and ranks and thresholds do not move.
    """
    costs, peaks = weighted_table(typo, words)
    return np.where(peaks > limit, np.inf, costs).tolist()


def weighted_table(typo: str, words: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """For each word, the weighted distance from it to ``typo`` (``edits.weighted_distance``
    without a limit) and the highest row minimum of its table: the reference with a
    ``limit`` returns the distance when neither is over the limit, and gives up otherwise."""
    k = len(words)
    m = len(typo)
    if not k:
        return np.zeros(0), np.zeros(0)
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
    extra = _extra_costs(typo)
    first_row = [0.0] * (m + 1)
    for j in range(1, m + 1):
        first_row[j] = first_row[j - 1] + extra[j - 1]
    prev = np.tile(np.array(first_row), (k, 1))
    prev2 = prev
    costs = np.full(k, np.inf)
    costs[lengths == 0] = prev[lengths == 0, m]
    peaks = np.full(k, -np.inf)
    # where a swap of two letters may be scored: row i, column j at [:, i - 2, j - 2]
    same = codes[:, :, None] == np.array([ord(c) for c in typo], np.int64)[None, None, :]
    swaps = same[:, 1:, :-1] & same[:, :-1, 1:] & ~same[:, 1:, 1:]
    swap_rows = swaps.any(axis=(0, 2)) if swaps.size else np.zeros(max(n_max - 1, 0), bool)
    for i in range(1, n_max + 1):
        om = omit[:, i - 1]
        # a cell is the least of: substitute (diagonal), omit (from above), swap (two rows
        # up), and type an extra letter (from the left, hence the loop over columns). Minima
        # are exact in any order; each sum is the reference's own.
        best = prev[:, :-1] + subs[:, i - 1, :]
        np.minimum(best, prev[:, 1:] + om[:, None], out=best)
        if i > 1 and m > 1 and swap_rows[i - 2]:
            swap = np.where(swaps[:, i - 2, :], prev2[:, :-2] + TRANSPOSE, np.inf)
            np.minimum(best[:, 1:], swap, out=best[:, 1:])
        cur = np.empty((k, m + 1))
        cur[:, 0] = prev[:, 0] + om
        for j in range(1, m + 1):
            np.minimum(best[:, j - 1], cur[:, j - 1] + extra[j - 1], out=cur[:, j])
        row = i <= lengths
        peaks = np.where(row, np.maximum(peaks, cur.min(axis=1)), peaks)
        done = lengths == i
        costs[done] = cur[done, m]
        prev2, prev = prev, cur
    return costs, peaks
