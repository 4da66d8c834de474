"""Context checks on one sentence's tokens with the n-gram model: real-word slips, dropped words.

Pure functions over ``list[str]`` (one sentence's tokens, as the tokenizer gives them: words,
numbers, punctuation); they know nothing of documents or findings, so a rule (GR101, GR102)
turns their ``(index, word, score)`` tuples into findings.

- :func:`find_real_word_slips`: a word of a confusion set (``ad`` / ``and`` / ``an``) where
  another member is far more probable in its context ("political ad institutional").
- :func:`find_dropped_words`: a function word very likely missing between two words ("the rest of
  summit", "continue offer").

This module decides; the evidence comes from ``context_slip_scores`` and ``context_gap_scores``
(log10 likelihood ratios over a window of two words either side: trigrams with Katz backoff),
over a batch built by ``context_batch``. Whether a candidate is reported is decided by a small
logistic model over that evidence (``data/ngram/context_weights.json``, fitted by
``bench/context_bench.py --train``), then, for slips, by the sentence-level guards of
``context_guards``. ``sensitivity`` (0..1 or low / medium / high) picks the threshold: the
default 0.5 aims at about 0.07 slips and 0.1 dropped-word notes per 1,000 words of edited news
prose.

Speed: :func:`scan` checks many sentences at once, and both checks' lookups go to the model in
a few batches (see ``context_batch.drive``): a document costs a fixed ~1.5 ms of numpy calls
plus ~5 us a word. Most candidates are dismissed before any trigram is looked up: slips whose
alternatives score far below the word at bigram level, and gaps no function word could fill
(the pair tables).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import NamedTuple

import numpy as np

from draftlint.context.batch import build_batch, drive
from draftlint.context.gap_scores import (
    DROPPABLE,
    GAP_MAX_BIGRAM_LP,
    INSERTABLE,
    GapScores,
    gap_steps,
    score_gaps,
)
from draftlint.context.guards import fits_as_written
from draftlint.context.model import OOV, NgramModel, get_model
from draftlint.context.sensitivity import DEFAULT_SENSITIVITY, Sensitivity, sensitivity_level
from draftlint.context.slip_scores import (
    CONFUSION_FILE,
    SlipScores,
    batch_candidates,
    confusion_sets,
    edit_candidates,
    parse_confusion_sets,
    score_slips,
    slip_candidates,
    slip_steps,
    unknown_candidates,
)
from draftlint.data_files import data_dir

__all__ = [
    "CONFUSION_FILE",
    "DROPPABLE",
    "GAP_MAX_BIGRAM_LP",
    "INSERTABLE",
    "DroppedWord",
    "GapScores",
    "Slip",
    "SlipScores",
    "confusion_sets",
    "find_dropped_words",
    "find_real_word_slips",
    "gap_features",
    "parse_confusion_sets",
    "scan",
    "score_gaps",
    "score_slips",
    "slip_candidates",
    "slip_features",
]


class Slip(NamedTuple):
    """Token ``index`` is probably a slip for ``alternative``; ``score`` is the log10 ratio."""

    index: int
    alternative: str
    score: float
    unknown: bool = False  # the word is outside the model's vocabulary (see _decide_unknown)


class DroppedWord(NamedTuple):
    """``word`` is probably missing before token ``index``; ``score`` is the log10 ratio."""

    index: int
    word: str
    score: float


# -- decisions -----------------------------------------------------------------------------------
#
# Each candidate's evidence becomes a logistic score (weights fitted by ``bench/context_bench.py
# --train`` on errors injected into half of the bbc_news dev articles, stored in
# ``data/ngram/context_weights.json``); a candidate is reported when its score clears the
# threshold that gave the target false-alarm rate on clean text. ``sensitivity`` picks that rate.

WEIGHTS_FILE = data_dir() / "ngram" / "context_weights.json"

SLIP_FEATURES = (
    "llr",
    "left",
    "right",
    "min_side",
    "orig_order",
    "alt_order",
    "oov_near",
    "second",
    "uni_word",
    "uni_alt",
)
GAP_FEATURES = (
    "gain",
    "second",
    "margin",
    "bigram_lp",
    "bigram_unseen",
    "p_ins",
    "p_b0_with",
    "p_b1_with",
    "p_b0_without",
    "p_b1_without",
    "tri_ins_ctx",
    "tri_b0_with",
    "tri_b1_with",
    "tri_b0_without",
    "tri_b1_without",
    "bi_ins_ctx",
    "bi_b0_with",
    "bi_b1_with",
    "bi_b0_without",
    "bi_b1_without",
    "uni_before",
    "uni_after",
    "function_before",
    "function_after",
    "cap_after",
    "digit_after",
    "cap_before",
    "digit_before",
)

#: findings per 1,000 words of clean text aimed at by sensitivity 0.5, per check; each step of
#: 0.5 in sensitivity multiplies the rate by 10 (0 -> a tenth, 1 -> ten times). The dropped-word
#: rate counts every note on the training text; about 6 in 10 of them (12 of 20) were words
#: missing from the published articles, so its real false-alarm rate is below the slips'.
TARGET_RATE = {"slip": 0.07, "gap": 0.1, "edit": 0.06}


def slip_features(sc: SlipScores, model: NgramModel | None = None) -> np.ndarray:
    """The evidence of :func:`score_slips` as a matrix, columns as in ``SLIP_FEATURES``."""
    model = model or get_model()
    word_ids = np.array([model.ids[w] for w in sc.word], np.int64)
    alt_ids = np.array([model.ids.get(a, OOV) for a in sc.alternative], np.int64)
    return (
        np.column_stack(
            [
                sc.llr,
                sc.left,
                sc.right,
                np.minimum(sc.left, sc.right),
                sc.orig_order,
                sc.alt_order,
                sc.oov_near,
                np.maximum(sc.second, -10.0),
                model.unigram_logp(word_ids),
                model.unigram_logp(alt_ids),
            ]
        )
        .astype(np.float64)
        .reshape(len(sc.word), len(SLIP_FEATURES))
    )


def gap_features(gs: GapScores, model: NgramModel | None = None) -> np.ndarray:
    """The evidence of :func:`score_gaps` as a matrix, columns as in ``GAP_FEATURES``."""
    model = model or get_model()
    function = _function_words(model)
    second = np.maximum(gs.second, -5.0)
    cols = [
        gs.gain,
        second,
        gs.gain - second,
        np.nan_to_num(gs.bigram_lp, nan=-7.0),
        np.isnan(gs.bigram_lp),
    ]
    cols += [gs.parts[:, k] for k in (0, 1, 2, 3, 4)]
    cols += [gs.orders[:, k] == 3 for k in (0, 1, 2, 3, 4)]
    cols += [gs.orders[:, k] == 2 for k in (0, 1, 2, 3, 4)]
    before, after = gs.ids[:, 1], gs.ids[:, 3]
    cols += [
        model.unigram_logp(before),
        model.unigram_logp(after),
        function[before] & (before >= 0),  # (both are known words at a gap)
        function[after] & (after >= 0),
    ]
    cols += [(gs.shape >> k) & 1 for k in (0, 1, 2, 3)]
    return np.column_stack([np.asarray(c, np.float64) for c in cols]).reshape(
        len(gs.word), len(GAP_FEATURES)
    )


@functools.cache
def _function_words(model: NgramModel) -> np.ndarray:
    """Per model id: is the word one of DROPPABLE (a boolean array, to index with ids)."""
    table = np.zeros(len(model.words), bool)
    table[[model.ids[w] for w in DROPPABLE if w in model.ids]] = True
    return table


@functools.cache
def _weights() -> dict:
    import json

    return json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))


def _logits(kind: str, features: np.ndarray, labels: Sequence[str]) -> np.ndarray:
    w = _weights()[kind]
    if list(w["features"]) != list(GAP_FEATURES if kind == "gap" else SLIP_FEATURES):
        raise ValueError(f"{WEIGHTS_FILE.name}: {kind} features do not match this code")
    bias = w["bias"]
    slope = w.get("slope", {})
    return (
        w["intercept"]
        + features @ np.asarray(w["weights"], np.float64)
        + np.array([bias.get(x, 0.0) for x in labels], np.float64)
        + np.array([slope.get(x, 0.0) for x in labels], np.float64) * features[:, 0]
    )


@functools.cache
def _threshold(kind: str, level: float) -> float:
    """Logit threshold for a sensitivity level, from the calibration table (log-rate scale)."""
    rate = TARGET_RATE[kind] * 10.0 ** (2.0 * (level - 0.5))
    table = _weights()[kind]["calibration"]  # [[false alarms per 1k words, logit], ...]
    rates = np.log10([r for r, _ in table])
    logits = [z for _, z in table]
    order = np.argsort(rates)
    return float(np.interp(np.log10(rate), rates[order], np.asarray(logits)[order]))


def _decide_slips(
    sc: SlipScores,
    sentences: Sequence[Sequence[str]],
    level: float,
    model: NgramModel,
    kind: str = "slip",
) -> list[tuple[int, Slip]]:
    """The scored candidates that clear the threshold and that no guard of
    :mod:`draftlint.context.guards` vetoes, as (sentence, slip) in order. ``kind`` names the
    weights: "slip" for the listed confusion sets, "edit" for the generated alternatives."""
    if not len(sc.word) or kind not in _weights():
        return []
    z = _logits(kind, slip_features(sc, model), _slip_labels(sc))
    found = []
    for k in np.flatnonzero((z >= _threshold(kind, level)) & np.isfinite(sc.llr)):
        s, t = int(sc.sentence[k]), int(sc.token[k])
        alt = sc.alternative[k]
        if fits_as_written(sentences[s], t, sc.word[k], alt, model):
            continue
        if sentences[s][t][:1].isupper():
            alt = alt[:1].upper() + alt[1:]
        found.append((s, Slip(t, alt, round(float(sc.llr[k]), 3))))
    return found


#: An observed word the model does not know is a slip of a frequent word one edit away when
#: the alternative makes the window this much likelier (log10, at sensitivity 0.5; each 0.1
#: of sensitivity moves it by UNKNOWN_LLR_STEP), and fits the words after it too.
UNKNOWN_MIN_LLR = 5.0
UNKNOWN_LLR_STEP = 0.4


def unknown_threshold(level: float) -> float:
    """The log10 likelihood ratio a frequent word one edit away must reach at a sensitivity
    level (0..1) to call a word the model cannot judge a slip of it."""
    return UNKNOWN_MIN_LLR - UNKNOWN_LLR_STEP * 10 * (level - 0.5)


def _decide_unknown(
    uc: SlipScores, sentences: Sequence[Sequence[str]], level: float, model: NgramModel
) -> list[tuple[int, Slip]]:
    """Slips among the words outside the model ("ks" for "is", "tb" for "to"). The model
    charges an unknown word a flat probability, so the learned weights of the other passes
    do not apply; a plain threshold on the likelihood ratio does, set on the tuning half."""
    if not len(uc.word):
        return []
    threshold = unknown_threshold(level)
    keep = (uc.llr >= threshold) & (uc.right >= 0) & np.isfinite(uc.llr)
    found = []
    for k in np.flatnonzero(keep):
        s, t = int(uc.sentence[k]), int(uc.token[k])
        if fits_as_written(sentences[s], t, uc.word[k], uc.alternative[k], model):
            continue
        found.append((s, Slip(t, uc.alternative[k], round(float(uc.llr[k]), 3), unknown=True)))
    return found


def _decide_gaps(gs: GapScores, level: float, model: NgramModel) -> list[tuple[int, DroppedWord]]:
    """The scored gaps that clear the threshold, as (sentence, dropped word) in order."""
    if not len(gs.word):
        return []
    z = _logits("gap", gap_features(gs, model), gs.word)
    return [
        (
            int(gs.sentence[k]),
            DroppedWord(int(gs.token[k]), gs.word[k], round(float(gs.gain[k]), 3)),
        )
        for k in np.flatnonzero(z >= _threshold("gap", level))
    ]


def _slip_labels(sc: SlipScores) -> list[str]:
    return [f"{w}>{a}" for w, a in zip(sc.word, sc.alternative, strict=True)]


def scan(
    sentences: Sequence[Sequence[str]],
    sensitivity: Sensitivity = DEFAULT_SENSITIVITY,
    *,
    model: NgramModel | None = None,
    confusions: Mapping[str, tuple[str, ...]] | None = None,
) -> list[tuple[list[Slip], list[DroppedWord]]]:
    """Both checks over many sentences at once (one batch of lookups: the fast path).

    Returns, per sentence, its real-word slips and its dropped words.
    """
    level = sensitivity_level(sensitivity)
    model = model or get_model()
    out: list[tuple[list[Slip], list[DroppedWord]]] = []
    for chunk in _chunks(sentences):
        out += _scan(chunk, level, model, confusions)
    return out


#: A batch holds at most about this many tokens: each sentence is scored on its own, so a
#: long document is scanned in pieces with the same results, and the (gap x word) grids of
#: the dropped-word check stay a few MB instead of growing with the document (1.5 GB for a
#: single file of a million words). At 20,000 a batch's arrays peaked at about 14 MB; at
#: 8,000 the peak RSS of the 853 dev articles falls by 11 MB and the CPU time does not move
#: (a batch's fixed cost is already small beside 8,000 tokens of lookups).
CHUNK_TOKENS = 8_000


def _chunks(sentences: Sequence[Sequence[str]]) -> list[Sequence[Sequence[str]]]:
    chunks: list[Sequence[Sequence[str]]] = []
    first = size = 0
    for i, sentence in enumerate(sentences):
        if size and size + len(sentence) > CHUNK_TOKENS:
            chunks.append(sentences[first:i])
            first, size = i, 0
        size += len(sentence)
    chunks.append(sentences[first:])
    return chunks


def _scan(
    sentences: Sequence[Sequence[str]],
    level: float,
    model: NgramModel,
    confusions: Mapping[str, tuple[str, ...]] | None,
) -> list[tuple[list[Slip], list[DroppedWord]]]:
    generated = confusions is None  # the default: listed sets and generated alternatives
    listed = confusion_sets() if confusions is None else confusions
    out: list[tuple[list[Slip], list[DroppedWord]]] = [([], []) for _ in sentences]
    if not sentences:
        return out
    b = build_batch(sentences, model, batch_candidates() if generated else listed)
    steps = [slip_steps(b, model, listed), gap_steps(b, model, INSERTABLE, GAP_MAX_BIGRAM_LP)]
    if generated:
        steps.append(slip_steps(b, model, edit_candidates()))
        if any(word not in model.ids for _p, _s, _t, word in b.slips):
            # most documents have none: the pass's fixed cost (its arrays, its rounds of
            # lookups) is then not paid at all
            steps.append(slip_steps(b, model, unknown_candidates()))
    sc, gs, *generated_scores = drive(model, steps)
    edits, unknown = generated_scores[:1], generated_scores[1:]
    for s, slip in _decide_slips(sc, sentences, level, model):
        out[s][0].append(slip)
    for ec in edits:  # a word the listed pass flagged is not flagged twice
        for s, slip in _decide_slips(ec, sentences, level, model, "edit"):
            if sentences[s][slip.index][:1].isupper():
                continue  # "Herve", "Bening" opening a sentence: names the model knows as words
            if all(found.index != slip.index for found in out[s][0]):
                out[s][0].append(slip)
                out[s][0].sort(key=lambda x: x.index)
    for uc in unknown:  # words outside the model: no other pass scored them
        for s, slip in _decide_unknown(uc, sentences, level, model):
            out[s][0].append(slip)
            out[s][0].sort(key=lambda x: x.index)
    for s, gap in _decide_gaps(gs, level, model):
        out[s][1].append(gap)
    return out


def find_real_word_slips(
    tokens: Sequence[str],
    sensitivity: Sensitivity = DEFAULT_SENSITIVITY,
    *,
    model: NgramModel | None = None,
    confusions: Mapping[str, tuple[str, ...]] | None = None,
) -> list[Slip]:
    """Confusion-set words of one sentence for which another member is far more probable.

    ``tokens`` are the sentence's tokens (words, numbers, punctuation); returns ``(token index,
    alternative in the token's case, log10 likelihood ratio)``, in token order.
    """
    return scan([tokens], sensitivity, model=model, confusions=confusions)[0][0]


def find_dropped_words(
    tokens: Sequence[str],
    sensitivity: Sensitivity = DEFAULT_SENSITIVITY,
    *,
    model: NgramModel | None = None,
) -> list[DroppedWord]:
    """Gaps of one sentence where a function word is very likely missing.

    Returns ``(index of the token the word belongs before, word, log10 gain of inserting it)``.
    """
    level = sensitivity_level(sensitivity)
    model = model or get_model()
    b = build_batch([tokens], model, {})
    gs = drive(model, [gap_steps(b, model, INSERTABLE, GAP_MAX_BIGRAM_LP)])[0]
    return [gap for _s, gap in _decide_gaps(gs, level, model)]
