"""Dropped words, scored: every gap between two known words, against the function words that
could fill it.

A gap's evidence is the log10 gain of the window of two words either side with the best word
inserted over the window as written; ``context_slips`` decides which to report.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from draftlint.context.batch import Batch, Steps, build_batch, drive
from draftlint.context.model import OOV, NgramModel, get_model

#: gaps whose bigram the model knows with log10 P(b0 | a1) above this are not scored
GAP_MAX_BIGRAM_LP = -2.0
#: words per gap scored with trigrams: the best by bigram-level gain (17 = every word)
CANDIDATES = 3
#: gaps where no word gains this much (log10, bigram level) are not scored with trigrams
MIN_BIGRAM_GAIN = -1.0

# -- dropped words -------------------------------------------------------------------------------

#: Function words a writer drops most often (and whose absence leaves a grammatical hole); the
#: benchmark deletes these.
DROPPABLE = (
    "the",
    "a",
    "an",
    "to",
    "of",
    "and",
    "is",
    "was",
    "in",
    "on",
    "for",
    "that",
    "be",
    "has",
    "have",
    "he",
    "it",
    "are",
    "with",
    "will",
)
#: The words the dropped-word check tries to insert: DROPPABLE less those whose absence the model
#: cannot tell (inserting "that", "will" or "he" only raised false alarms in the benchmark).
INSERTABLE = tuple(w for w in DROPPABLE if w not in ("that", "will", "he"))


class GapScores(NamedTuple):
    """Per candidate gap: the best word to insert and the evidence (arrays)."""

    sentence: np.ndarray
    token: np.ndarray  # the word would go before this token
    word: list[str]  # best insertion
    gain: np.ndarray  # log10 P(window with the word) - log10 P(window without)
    second: np.ndarray  # gain of the second-best insertion
    bigram_lp: np.ndarray  # log10 P(b0 | a1) if the bigram across the gap is explicit, else nan
    without_order: np.ndarray  # n-gram orders scoring b0 and b1 without the insertion (sum)
    with_order: np.ndarray  # orders scoring x, b0, b1 with it (sum)
    p_ins: np.ndarray  # log10 P(x | a2 a1)
    tri_ins: np.ndarray  # 1.0 if the trigram a1 x b0 is explicit
    parts: np.ndarray  # (G, 5) log10 P of: x|a2 a1, b0|a1 x, b1|x b0 (with); b0|a2 a1, b1|a1 b0
    orders: np.ndarray  # (G, 5) the n-gram orders behind those
    ids: np.ndarray  # (G, 5) a2 a1 x b0 b1
    shape: (
        np.ndarray
    )  # bits: 1 next token capitalised, 2 it has digits, 4 / 8 same for the one before


def _no_gaps() -> GapScores:
    e = np.zeros(0)
    e2 = np.zeros((0, 5))
    return GapScores(e.astype(int), e.astype(int), [], e, e, e, e, e, e, e, e2, e2, e2, e)


def score_gaps(
    sentences: Sequence[Sequence[str]],
    *,
    model: NgramModel | None = None,
    words: Sequence[str] = INSERTABLE,
    max_bigram_lp: float = 0.0,
) -> GapScores:
    """Score inserting each of ``words`` at every gap between two known words.

    Gaps whose bigram is explicit in the model with log10 P(b0 | a1) above ``max_bigram_lp`` are
    skipped (a plausible bigram leaves little room for a missing word).
    """
    model = model or get_model()
    b = build_batch(sentences, model, {})
    return drive(model, [gap_steps(b, model, words, max_bigram_lp)])[0]  # type: ignore[no-any-return]


def gap_steps(
    b: Batch, model: NgramModel, words: Sequence[str], max_bigram_lp: float
) -> Steps[GapScores]:
    ids = b.ids
    if not b.gaps:
        return _no_gaps()
    pos = np.array([g[0] for g in b.gaps])
    sent = np.array([g[1] for g in b.gaps])
    tok = np.array([g[2] for g in b.gaps])
    shape = np.array([g[3] for g in b.gaps])
    (bi,) = (yield {"bi": [(ids[pos - 1], ids[pos])]})["bi"]
    bi_lp = np.where(bi >= 0, model.bigram_logp(np.maximum(bi, 0)), np.nan)
    keep = ~(bi_lp > max_bigram_lp)
    pos, sent, tok, bi_lp, shape = pos[keep], sent[keep], tok[keep], bi_lp[keep], shape[keep]
    bi = bi[keep]
    G = len(pos)
    if G == 0:
        return _no_gaps()
    first = b.start[pos]
    a1 = ids[pos - 1]
    a2 = np.where(pos - 2 >= first, ids[np.maximum(pos - 2, 0)], OOV)
    b0 = ids[pos]
    b1 = ids[pos + 1]  # always exists: </s> at worst
    ins = np.array([model.word_id(w) for w in words], np.int64)
    F = len(ins)
    # stage 1, from the pair tables (no lookups): a word is tried only where the model knows both
    # bigrams it would make (a1 x and x b0; true for 97% of the right insertions), and only the
    # CANDIDATES best by the bigram-level gain go on to the trigram scoring below
    left, right = model.pair_rows(words)
    # (G, F), -inf where a bigram is unknown; the tables are float16, each sum float32
    bigram_gain = left[:, a1].T.astype(np.float32) + right[:, b0].T.astype(np.float32)
    cut = min(CANDIDATES, F)
    top = np.argsort(-bigram_gain, axis=1, kind="stable")[:, :cut]
    # the gain of the best word at bigram level: log10 P(x | a1) P(b0 | x) / P(b0 | a1)
    across = np.where(np.isnan(bi_lp), model.unigram_logp(b0) + model.backoff_weight(a1), bi_lp)
    best_gain = bigram_gain[np.arange(G), top[:, 0]] - across
    known = np.zeros((G, F), bool)
    np.put_along_axis(
        known,
        top,
        np.isfinite(np.take_along_axis(bigram_gain, top, axis=1))
        & (best_gain >= MIN_BIGRAM_GAIN)[:, None],
        1,
    )
    live = known.any(axis=1)
    if not live.all():
        sel = np.flatnonzero(live)
        pos, sent, tok, bi_lp, shape = pos[sel], sent[sel], tok[sel], bi_lp[sel], shape[sel]
        a1, a2, b0, b1, bi = a1[sel], a2[sel], b0[sel], b1[sel], bi[sel]
        known = known[sel]
        G = len(pos)
        if G == 0:
            return _no_gaps()
    # rows k of the (gap, word) grid to score: gap g = k // F, word X
    k = np.flatnonzero(known.reshape(-1))
    g = k // F
    A1, B0, X = a1[g], b0[g], ins[k % F]
    # without the insertion: P(b0 | a2 a1) P(b1 | a1 b0); with x: P(x | a2 a1) P(b0 | a1 x)
    # P(b1 | x b0). The bigram and context rows are shared between the two where they can be.
    found = yield {"bi": [(b0, b1), (A1, X), (X, B0)], "ctx": [(a2, a1)]}
    (bi_bb, bi_ax, bi_xb), (ctx_a,) = found["bi"], found["ctx"]
    scored = yield {
        "rows": [
            (a1, b0, bi, ctx_a),
            (b0, b1, bi_bb, model.ctx_of_bigrams(bi)),
            (A1, X, bi_ax, ctx_a[g]),
            (X, B0, bi_xb, model.ctx_of_bigrams(bi_ax)),
            (B0, b1[g], bi_bb[g], model.ctx_of_bigrams(bi_xb)),
        ]
    }
    (w0, v0), (w1, v1), (x0, y0), (x1, y1), (x2, y2) = scored["rows"]
    lp0 = np.concatenate([w0, w1])
    ord0 = np.concatenate([v0, v1])
    without = w0 + w1
    without_order = v0 + v1
    lp1 = np.concatenate([x0, x1, x2])
    ord1 = np.concatenate([y0, y1, y2])
    n = len(k)
    parts = np.full((3, G * F), -99.0)
    ords = np.zeros((3, G * F), np.int64)
    parts[:, k] = lp1.reshape(3, n)
    ords[:, k] = ord1.reshape(3, n)
    parts = parts.reshape(3, G, F)
    ords = ords.reshape(3, G, F)
    gains = parts.sum(axis=0) - without[:, None]
    order = np.argsort(-gains, axis=1)
    best = order[:, 0]
    rows = np.arange(G)
    second = np.maximum(gains[rows, order[:, 1]] if F > 1 else np.full(G, -50.0), -50.0)
    return GapScores(
        sentence=sent,
        token=tok,
        word=[words[j] for j in best],
        gain=gains[rows, best],
        second=second,
        bigram_lp=bi_lp,
        without_order=without_order.astype(float),
        with_order=ords[:, rows, best].sum(axis=0).astype(float),
        p_ins=parts[0, rows, best],
        tri_ins=(ords[1, rows, best] == 3).astype(float),
        parts=np.stack(
            [parts[0, rows, best], parts[1, rows, best], parts[2, rows, best], lp0[:G], lp0[G:]],
            axis=1,
        ),
        orders=np.stack(
            [ords[0, rows, best], ords[1, rows, best], ords[2, rows, best], ord0[:G], ord0[G:]],
            axis=1,
        ),
        ids=np.stack([a2, a1, ins[best], b0, b1], axis=1),
        shape=shape,
    )
