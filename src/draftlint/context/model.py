"""A compact English 3-gram model: Katz-backoff log-probabilities from compact numpy arrays.

The data (``draftlint/data/ngram``) is CMU Sphinx's generic US-English trigram model compiled by
``tools/build_ngram_model.py``; see ``SOURCE.md`` there. Its vocabulary is lowercase ASR text:
words with attached apostrophes (``don't``, ``it's``, ``president's``), acronyms spelled as
letters (``u. s.``), no digits and no punctuation. :func:`draftlint.context.words.lm_words` maps a
draft's token to that form. Probabilities are log10, as in ARPA files.

Lookups are vectorised: :meth:`NgramModel.logprob_ids` takes arrays of word ids, so a rule scores
all the positions of a sentence (or a document) with a handful of ``np.searchsorted`` calls.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

import numpy as np

from draftlint.data_files import data_dir

DATA_DIR = data_dir() / "ngram"

#: id of a word the model does not know
OOV = -1
#: log10 probability charged for an unknown word (it cancels out when two variants are compared)
OOV_LOGP = -7.0

_SHIFT32 = np.uint64(32)
_LOW32 = np.uint64(0xFFFFFFFF)
_TABLES = ("bi", "ctx", "tri")
#: keys per block of the two-level lookup (16 uint32 = one cache line)
_BLOCK = 16
#: what pads a bucket to a whole number of blocks: above every stored low half (ids are fewer
#: than their bits allow, so no key's low half is all ones)
_PAD = np.uint32(0xFFFFFFFF)
#: the set bits of every byte
_POP8 = np.array([bin(b).count("1") for b in range(256)], np.int32)


def _header(f: BinaryIO, path: Path) -> tuple[tuple[int, ...], np.dtype[Any]]:
    """The shape and dtype of an .npy file open at its start; leaves it at the data."""
    version = np.lib.format.read_magic(f)
    if version == (1, 0):
        shape, fortran, dtype = np.lib.format.read_array_header_1_0(f)
    else:
        shape, fortran, dtype = np.lib.format.read_array_header_2_0(f)
    if fortran:
        raise ValueError(f"{path}: expected a C-ordered array")
    return shape, dtype


def _read_rows(path: Path, rows: Sequence[int]) -> np.ndarray:
    """Some rows of a 2-D .npy table, read from the file one by one: a memory map would keep
    every page it touched resident beside the copy."""
    with path.open("rb") as f:
        (height, width), dtype = _header(f, path)
        data = f.tell()
        out = np.empty((len(rows), width), dtype)
        for n, row in enumerate(rows):
            if not 0 <= row < height:
                raise IndexError(f"{path}: no row {row}")
            f.seek(data + row * width * dtype.itemsize)
            if f.readinto(memoryview(out[n]).cast("B")) != out[n].nbytes:
                raise ValueError(f"{path}: truncated")
    return out


class _Keys(NamedTuple):
    """A table's sorted uint64 keys as the file stores them, 32-bit halves in buckets of the
    same high half, laid out for the two-level search of :meth:`NgramModel._find`: each
    bucket's low halves padded to whole blocks, so no block holds two buckets."""

    packed: np.ndarray  # uint32: the buckets' low halves, one after the other, padded
    upper: np.ndarray  # uint64 per block: (its bucket << 32) | its first low half
    bucket: np.ndarray  # per block: its bucket
    shift: np.ndarray  # per bucket: where its rows start in ``packed`` less its first row


def _read_keys(path: Path, starts: np.ndarray) -> _Keys:
    """The key halves of a table read straight into their padded layout: half the memory of
    full uint64 keys, and no memory map of the file left resident beside them."""
    starts = np.asarray(starts, np.int64)
    counts = np.diff(starts)
    padded = (counts // _BLOCK + 1) * _BLOCK  # at least one pad per bucket
    base = np.concatenate([[0], np.cumsum(padded)])
    packed = np.full(int(base[-1]), _PAD, np.uint32)
    with path.open("rb") as f:
        shape, dtype = _header(f, path)
        if dtype != np.uint32 or shape != (int(starts[-1]),):
            raise ValueError(f"{path}: expected {int(starts[-1])} uint32 keys")
        for b, n in enumerate(counts.tolist()):
            view = packed[base[b] : base[b] + n]
            if f.readinto(memoryview(view).cast("B")) != view.nbytes:
                raise ValueError(f"{path}: truncated")
    blocks = (padded // _BLOCK).tolist()
    bucket = np.repeat(np.arange(len(counts), dtype=np.uint64), blocks)
    upper = (bucket << _SHIFT32) | packed[::_BLOCK].astype(np.uint64)
    if len(counts) >= 1 << 16:
        raise ValueError(f"{path}: more buckets than a block's bucket number holds")
    return _Keys(packed, upper, bucket.astype(np.uint16), base[:-1] - starts[:-1])


class NgramModel:
    """A loaded model; get the shared instance with :func:`get_model`."""

    def __init__(self, directory: Path = DATA_DIR) -> None:
        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
        if meta.get("format") != 1:
            raise ValueError(f"{directory}: unsupported n-gram format {meta.get('format')!r}")
        self.meta = meta
        self._shift = np.uint64(meta["id_bits"])
        words = (directory / "vocab.txt").read_text(encoding="utf-8").split("\n")
        if words and words[-1] == "":
            words.pop()
        self.words: list[str] = words
        self.ids: dict[str, int] = {w: i for i, w in enumerate(words)}
        self.bos = self.ids["<s>"]
        self.eos = self.ids["</s>"]

        def load(name: str) -> np.ndarray:
            # a plain ndarray view of the memory map: no np.memmap overhead on every slice
            return np.load(directory / f"{name}.npy", mmap_mode="r").view(np.ndarray)

        self._uni_logp = np.asarray(load("uni_logp"), np.float64)
        self._uni_bow = np.asarray(load("uni_bow"), np.float64)
        # keys stored as 32-bit halves with bucket starts, read on first use
        self._starts = {name: np.asarray(load(f"{name}_start")) for name in _TABLES}
        self._keys: dict[str, _Keys] = {}
        self._bi_ctx: tuple[np.ndarray, np.ndarray] | None = None
        self._bi_logp = load("bi_logp")
        self._ctx_bow = load("ctx_bow")
        self._tri_logp = load("tri_logp")
        self._ctx_shift = np.uint64(meta["ctx_bits"])
        book = np.asarray(load("codebook"), np.float64)
        self._book_bi, self._book_bow, self._book_tri = book[0], book[1], book[2]
        self._directory = directory
        self._pairs: dict[tuple[str, ...], tuple[np.ndarray, np.ndarray]] = {}

    # -- words -------------------------------------------------------------------------------
    def word_id(self, word: str) -> int:
        """Id of an LM word (already normalised, see ``ngram_words.lm_words``), or ``OOV``."""
        return self.ids.get(word, OOV)

    def __contains__(self, word: object) -> bool:
        return word in self.ids

    def pair_rows(self, words: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """``(left, right)``, arrays of shape ``(len(words), V)``: log10 P(x | w) and
        log10 P(w | x) for each ``x`` of ``words`` and every word ``w``, ``-inf`` where that
        bigram is not explicit in the model. ``words`` must be among ``meta["pair_words"]``.
        The values are float16 as stored (half the memory): take the cells you need, then
        widen them (``.astype(np.float32)``) before adding them up.
        """
        key = tuple(words)
        if key not in self._pairs:
            known = self.meta.get("pair_words", [])
            missing = [w for w in key if w not in known]
            if missing:
                raise KeyError(f"no pair table for {missing}: rebuild with --derived-only")
            rows = [known.index(w) for w in key]
            self._pairs[key] = (
                _read_rows(self._directory / "pair_left.npy", rows),
                _read_rows(self._directory / "pair_right.npy", rows),
            )
        return self._pairs[key]

    # -- lookups -----------------------------------------------------------------------------
    def _find(self, table: str, keys: np.ndarray) -> np.ndarray:
        """Row of each uint64 key in table ``bi``, ``ctx`` or ``tri``, or -1.

        A two-level search: the first key of every block of ``_BLOCK`` keys (a small array that
        stays in cache) says which block, and the block's low halves are then compared whole.
        A plain binary search over the key array waits on a cache miss at each of its ~20
        steps; this touches two or three cache lines, fetched in parallel (0.55 s instead of
        0.9 s of lookups per 94k words of news). A key is found when its block is of its own
        bucket (high half) and holds its low half.
        """
        k = self._table_keys(table)
        flat = keys.reshape(-1)
        if flat.size == 0:
            return np.full(keys.shape, -1, np.int64)
        block = np.searchsorted(k.upper, flat, side="right") - 1
        np.maximum(block, 0, out=block)
        low = (flat & _LOW32).astype(np.uint32)
        rows = k.packed.reshape(-1, _BLOCK)[block]
        count = (rows < low[:, None]).sum(axis=1)
        bucket = k.bucket[block]
        hit = (count < _BLOCK) & ((flat >> _SHIFT32) == bucket)
        hit[hit] = rows[hit, count[hit]] == low[hit]
        row = block * _BLOCK + count - k.shift[bucket]
        return np.where(hit, row, -1).reshape(keys.shape)

    def _table_keys(self, table: str) -> _Keys:
        if table not in self._keys:
            self._keys[table] = _read_keys(
                self._directory / f"{table}_key.npy", self._starts[table]
            )
        return self._keys[table]

    def ctx_of_bigrams(self, rows: np.ndarray) -> np.ndarray:
        """The trigram-context row of each bigram row (-1 where the bigram is no context).

        In an ARPA model every trigram context is also a bigram, so a caller that has looked up
        the bigram (w1, w2) gets the context (w1, w2) for free (the map is built on first use,
        about 20 ms: each context's key is looked up among the bigrams).
        """
        if self._bi_ctx is None:
            k = self._table_keys("ctx")
            starts = self._starts["ctx"]
            keys = np.concatenate(
                [
                    (np.uint64(b) << _SHIFT32)
                    | k.packed[int(start) + int(shift) : int(end) + int(shift)].astype(np.uint64)
                    for b, (start, end, shift) in enumerate(
                        zip(starts[:-1], starts[1:], k.shift, strict=True)
                    )
                ]
            )
            pos = self._find("bi", keys)
            ok = pos >= 0
            # which bigram rows are contexts, as bits, and per byte how many contexts come
            # before it: a context's row is the rank of its bigram's bit (1.2 MB, where a map
            # from every bigram row took 8 MB). That holds because every context is a bigram
            # and both tables are sorted by the same keys.
            if not ok.all() or not (np.diff(pos) > 0).all():
                raise ValueError("n-gram tables: the trigram contexts are not bigrams in order")
            bits = np.zeros(int(self._starts["bi"][-1]), bool)
            bits[pos] = True
            packed = np.packbits(bits, bitorder="little")
            before = np.concatenate([[0], np.cumsum(_POP8[packed])[:-1]]).astype(np.int32)
            self._bi_ctx = (packed, before)
        packed, before = self._bi_ctx
        rows = np.asarray(rows, np.int64)
        safe = np.maximum(rows, 0)
        byte, bit = safe >> 3, (safe & 7).astype(np.uint8)
        cell = packed[byte]
        rank = before[byte] + _POP8[cell & ((np.uint8(1) << bit) - np.uint8(1))]
        return np.where((rows >= 0) & ((cell >> bit) & 1).astype(bool), rank, -1)

    def _pair_keys(self, w1: np.ndarray, w2: np.ndarray) -> np.ndarray:
        return (np.maximum(w1, 0).astype(np.uint64) << self._shift) | np.maximum(w2, 0).astype(
            np.uint64
        )

    def find_bigrams(self, w1: np.ndarray, w2: np.ndarray) -> np.ndarray:
        """Row of each explicit bigram (w1, w2), -1 where absent or a word is OOV."""
        w1 = np.asarray(w1, np.int64)
        w2 = np.asarray(w2, np.int64)
        ok = (w1 >= 0) & (w2 >= 0)
        return np.where(ok, self._find("bi", self._pair_keys(w1, w2)), -1)

    def find_contexts(self, w1: np.ndarray, w2: np.ndarray) -> np.ndarray:
        """Row of each trigram context (w1, w2), -1 where absent or a word is OOV."""
        w1 = np.asarray(w1, np.int64)
        w2 = np.asarray(w2, np.int64)
        ok = (w1 >= 0) & (w2 >= 0)
        return np.where(ok, self._find("ctx", self._pair_keys(w1, w2)), -1)

    def _find_tri(self, ctx: np.ndarray, w3: np.ndarray) -> np.ndarray:
        ok = (ctx >= 0) & (w3 >= 0)
        keys = (np.maximum(w3, 0).astype(np.uint64) << self._ctx_shift) | np.maximum(ctx, 0).astype(
            np.uint64
        )
        return np.where(ok, self._find("tri", keys), -1)

    def find_trigrams(self, w1: np.ndarray, w2: np.ndarray, w3: np.ndarray) -> np.ndarray:
        """Row of each explicit trigram (w1, w2, w3), -1 where absent."""
        w1, w2, w3 = (np.asarray(x, np.int64) for x in (w1, w2, w3))
        return self._find_tri(self.find_contexts(w1, w2), w3)

    def logprob_ids(
        self, h2: np.ndarray, h1: np.ndarray, w: np.ndarray, *, orders: bool = False
    ) -> np.ndarray | tuple[np.ndarray, np.ndarray]:
        """log10 P(w | h2 h1) for arrays of ids, with Katz backoff as ARPA defines it.

        ``h2 = OOV`` shortens the history to one word, ``h1 = OOV`` to none (an unknown word
        breaks the context); ``w = OOV`` scores ``OOV_LOGP``. With ``orders=True`` also returns
        the order of the n-gram that supplied each probability (3, 2, 1; 0 for an OOV ``w``).
        """
        h2, h1, w = np.broadcast_arrays(
            np.asarray(h2, np.int64), np.asarray(h1, np.int64), np.asarray(w, np.int64)
        )
        bi = self.find_bigrams(h1, w)
        ctx = self.find_contexts(np.where(h1 >= 0, h2, OOV), h1)
        return self.logprob_rows(h1, w, bi, ctx, orders=orders)

    def logprob_rows(
        self,
        h1: np.ndarray,
        w: np.ndarray,
        bi: np.ndarray,
        ctx: np.ndarray,
        *,
        orders: bool = False,
    ) -> np.ndarray | tuple[np.ndarray, np.ndarray]:
        """log10 P(w | h2 h1) as :meth:`logprob_ids`, for a caller that already knows ``bi``,
        the row of the bigram (h1, w), and ``ctx``, the context row of (h2, h1) (-1 where
        absent): only the trigram is looked up. Callers that score many variants of one
        position share those rows (see :meth:`ctx_of_bigrams`).
        """
        h1, w, bi, ctx = (np.asarray(x, np.int64) for x in (h1, w, bi, ctx))
        known = w >= 0
        # P(w | h1) = bigram if present, else bow(h1) + P(w)
        has_bi = bi >= 0
        p = np.where(
            has_bi,
            self._book_bi[self._bi_logp[np.maximum(bi, 0)]],
            self._uni_logp[np.maximum(w, 0)]
            + np.where(h1 >= 0, self._uni_bow[np.maximum(h1, 0)], 0.0),
        )
        # P(w | h2 h1) = trigram if present, else bow(h2 h1) + P(w | h1)
        has_ctx = ctx >= 0
        has_tri = np.zeros(p.shape, bool)
        if has_ctx.any():
            tri = self._find_tri(ctx, w)
            has_tri = tri >= 0
            p = np.where(
                has_tri,
                self._book_tri[self._tri_logp[np.maximum(tri, 0)]],
                p + np.where(has_ctx, self._book_bow[self._ctx_bow[np.maximum(ctx, 0)]], 0.0),
            )
        p = np.where(known, p, OOV_LOGP)
        if orders:
            return p, np.where(known, np.where(has_tri, 3, np.where(has_bi, 2, 1)), 0)
        return p

    def bigram_logp(self, rows: np.ndarray) -> np.ndarray:
        """log10 P(w2 | w1) of explicit bigram rows (from :meth:`find_bigrams`)."""
        return self._book_bi[self._bi_logp[np.asarray(rows)]]

    def backoff_weight(self, ids: np.ndarray) -> np.ndarray:
        """log10 backoff weight of one-word contexts (0 for an unknown word: no context)."""
        ids = np.asarray(ids, np.int64)
        return np.where(ids >= 0, self._uni_bow[np.maximum(ids, 0)], 0.0)

    def unigram_logp(self, ids: np.ndarray) -> np.ndarray:
        ids = np.asarray(ids, np.int64)
        return np.where(ids >= 0, self._uni_logp[np.maximum(ids, 0)], OOV_LOGP)

    # -- convenience -------------------------------------------------------------------------
    def logprob(self, w1: str | None, w2: str | None, w3: str) -> float:
        """log10 P(w3 | w1 w2) for LM words; ``None`` (or an unknown word) shortens the history."""
        ids = [OOV if w is None else self.word_id(w) for w in (w1, w2, w3)]
        lp = self.logprob_ids(np.array([ids[0]]), np.array([ids[1]]), np.array([ids[2]]))
        return float(lp[0])  # type: ignore[index]

    def sequence_ids(
        self, words: Sequence[str], *, bos: bool = True, eos: bool = True
    ) -> np.ndarray:
        """Ids of LM words, with ``<s>`` / ``</s>`` added."""
        ids = [self.word_id(w) for w in words]
        return np.array(([self.bos] if bos else []) + ids + ([self.eos] if eos else []), np.int64)

    def position_logprobs(self, ids: np.ndarray) -> np.ndarray:
        """log10 P(ids[j] | ids[j-2] ids[j-1]) for j = 1 .. len-1 (ids[0] is a start: <s>)."""
        ids = np.asarray(ids, np.int64)
        n = len(ids)
        if n < 2:
            return np.zeros(0)
        h2 = np.concatenate([[OOV], ids[: n - 2]])
        return self.logprob_ids(h2, ids[: n - 1], ids[1:])

    def window_logprob(self, words: Sequence[str], start: int, end: int) -> float:
        """Sum of log10 P(word | two before) over ``words[start:end]`` in a sentence.

        ``words`` are LM words of one sentence; ``<s>`` precedes it and ``end == len(words) + 1``
        includes ``</s>``. Comparing this window for two variants of a sentence (a word swapped,
        a word inserted) is a log-likelihood ratio in which everything outside cancels.
        """
        ids = self.sequence_ids(words)
        lp = self.position_logprobs(ids)  # lp[k] scores ids[k + 1] = words[k] (or </s>)
        return float(lp[max(start, 0) : max(min(end, len(lp)), 0)].sum())

    def sentence_logprob(self, words: Sequence[str]) -> float:
        """log10 P(<s> words </s>)."""
        return float(self.position_logprobs(self.sequence_ids(words)).sum())


@functools.cache
def get_model() -> NgramModel:
    """The bundled model, loaded once (about 30 MB on disk; its keys are read into memory on
    first use, the probabilities memory-mapped)."""
    return NgramModel()


def logprob(w1: str | None, w2: str | None, w3: str) -> float:
    """log10 P(w3 | w1 w2) from the bundled model (LM words: lowercase, see
    ``ngram_words.lm_words``)."""
    return get_model().logprob(w1, w2, w3)
