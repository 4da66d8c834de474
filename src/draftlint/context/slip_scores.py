"""Real-word slips, scored: each confusion-set word against the other members of its sets.

The confusion sets are data (``rules/lists/confusion-sets.txt``). A candidate's evidence is the
log10 likelihood ratio of the window of two words either side with the alternative against the
word as written (trigrams with Katz backoff); ``context_slips`` decides which to report.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

import numpy as np

from draftlint.context.batch import Batch, Steps, build_batch, drive
from draftlint.context.model import OOV, NgramModel, get_model
from draftlint.data_files import read_list, rules_path

# -- confusion sets ------------------------------------------------------------------------------

CONFUSION_FILE = "confusion-sets.txt"


def _confusion_path() -> Path:
    return rules_path(f"lists/{CONFUSION_FILE}")


def parse_confusion_sets(text: str) -> dict[str, tuple[str, ...]]:
    """word -> its alternatives (union over every set holding the word), from the list format."""
    alternatives: dict[str, set[str]] = {}
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        words = line.split()
        if len(words) < 2 or len(set(words)) != len(words) or any(w != w.lower() for w in words):
            raise ValueError(
                f"{CONFUSION_FILE}:{lineno}: need two or more distinct lowercase words"
            )
        for w in words:
            alternatives.setdefault(w, set()).update(x for x in words if x != w)
    return {w: tuple(sorted(alts)) for w, alts in alternatives.items()}


@functools.cache
def confusion_sets() -> dict[str, tuple[str, ...]]:
    """The built-in confusion sets (``rules/lists/confusion-sets.txt``)."""
    return parse_confusion_sets(_confusion_path().read_text(encoding="utf-8"))


# -- candidates beyond the list -------------------------------------------------------------------
#
# A slip of the keyboard turns a frequent word into another real word one edit away ("the" ->
# "he", "for" -> "fir", "from" -> "form", "and" -> "ad"); no list holds them all. So besides
# the listed sets, every word one edit (insertion, deletion, substitution, transposition) from
# one of the model's most frequent words has that word as an alternative. The same n-gram
# evidence scores both; the generated pairs have decision weights of their own ("edit").

#: The alternatives offered: this many of the model's most probable words (alphabetic).
FREQUENT_ALTERNATIVES = 300
#: Pairs that are grammar or style choices, not slips (a/an: the article before a vowel sound).
NOT_SLIPS = frozenset({frozenset({"a", "an"})})
_INFLECTIONS = ("s", "es", "d", "ed", "'s")


def is_inflection(a: str, b: str) -> bool:
    """ "year"/"years", "use"/"used": one word's inflection of the other, not a slip."""
    short, long = sorted((a, b), key=len)
    return any(long == short + ending for ending in _INFLECTIONS)


def _deletes(word: str) -> set[str]:
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def _one_edit(a: str, b: str) -> bool:
    """Optimal-string-alignment distance 1: one insertion, deletion, substitution or swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


class SlipCandidates(Mapping[str, tuple[str, ...]]):
    """word -> its alternatives: the listed sets' members, plus the frequent words one edit
    away. Generated lazily per word (a deletion index over the frequent words), so asking
    costs microseconds and nothing is built for words never met."""

    def __init__(
        self,
        listed: Mapping[str, tuple[str, ...]],
        model: NgramModel,
        dialect_pairs: frozenset[frozenset[str]],
        exclude: Mapping[str, tuple[str, ...]] | None = None,
        unknown: str = "known",
    ) -> None:
        self.listed = listed
        # which observed words get generated alternatives: those the model knows ("known"),
        # those it does not ("only": a string outside its 72,000 words that a frequent word
        # one edit away would fit, "ks" for "is"), or both ("also")
        self.unknown = unknown
        self.exclude = exclude or {}
        self.model = model
        self.dialect_pairs = dialect_pairs
        frequent = [w for w in model.words[: FREQUENT_ALTERNATIVES * 2] if w.isalpha()]
        self.frequent = frequent[:FREQUENT_ALTERNATIVES]
        self._keys: dict[str, list[str]] = {}
        for word in self.frequent:
            for key in _deletes(word):
                self._keys.setdefault(key, []).append(word)
        self._cache: dict[str, tuple[str, ...]] = {}

    def _generated(self, word: str) -> tuple[str, ...]:
        if len(word) < 2 or not word.isalpha():
            return ()
        known = word in self.model.ids
        if (self.unknown == "known" and not known) or (self.unknown == "only" and known):
            return ()
        near = {a for key in _deletes(word) for a in self._keys.get(key, ())}
        return tuple(
            sorted(
                a
                for a in near
                if len(a) > 1
                and _one_edit(word, a)
                and not is_inflection(word, a)
                and frozenset({word, a}) not in NOT_SLIPS
                and frozenset({word, a}) not in self.dialect_pairs
                and a not in self.exclude.get(word, ())
            )
        )

    def __getitem__(self, word: str) -> tuple[str, ...]:
        if word not in self:  # fills the cache
            raise KeyError(word)
        return self._cache[word]

    def __contains__(self, word: object) -> bool:
        got = self._cache.get(word)  # type: ignore[arg-type]
        if got is None:
            if not isinstance(word, str):
                return False
            got = self._cache[word] = tuple(
                dict.fromkeys([*self.listed.get(word, ()), *self._generated(word)])
            )
        return bool(got)

    def __iter__(self) -> Iterator[str]:
        return iter(self.listed)  # the generated words are not enumerated

    def __len__(self) -> int:
        return len(self.listed)


@functools.cache
def dialect_pairs() -> frozenset[frozenset[str]]:
    """colour/color and the like: the US model would take the British one for a slip."""
    return frozenset(
        frozenset(entry.split("\t")[:2]) for entry in read_list("lists/dialect-variants.tsv")
    )


@functools.cache
def slip_candidates() -> SlipCandidates:
    """The listed confusion sets with the frequent words one edit away (see above)."""
    return SlipCandidates(confusion_sets(), get_model(), dialect_pairs())


@functools.cache
def batch_candidates() -> SlipCandidates:
    """What a batch marks for scoring: every pass's words, the model's unknown ones too."""
    return SlipCandidates(confusion_sets(), get_model(), dialect_pairs(), unknown="also")


@functools.cache
def unknown_candidates() -> SlipCandidates:
    """Alternatives of the words the model does not know: judged apart (``slips.scan``)."""
    return SlipCandidates({}, get_model(), dialect_pairs(), unknown="only")


@functools.cache
def edit_candidates() -> SlipCandidates:
    """Only the generated alternatives, those the listed sets do not already offer: they are
    judged by weights of their own ("edit"), so the listed pairs keep theirs."""
    return SlipCandidates({}, get_model(), dialect_pairs(), exclude=confusion_sets())


#: (confusions, model) -> word -> (alternatives in the model, ids of the word and of them)
_ROWS: dict[tuple[int, int], dict[str, tuple[list[str], list[int]]]] = {}

#: candidates for a slip whose best alternative scores below this (log10 ratio at bigram level,
#: over the word and the one after) are not scored with trigrams
SLIP_MIN_BIGRAM_LLR = -1.0

# -- real-word slips -----------------------------------------------------------------------------


class SlipScores(NamedTuple):
    """Per confusion-set word found: its best alternative and the evidence (arrays)."""

    sentence: np.ndarray  # sentence number
    token: np.ndarray  # token index in the sentence
    word: list[str]
    alternative: list[str]  # best alternative
    llr: np.ndarray  # log10 P(window | alternative) - log10 P(window | word)
    left: np.ndarray  # the part of llr from the word's own probability given the two before
    right: np.ndarray  # the part from the (up to) two words after
    orig_order: np.ndarray  # sum of the n-gram orders that scored the window with the word
    alt_order: np.ndarray  # ... with the alternative
    oov_near: np.ndarray  # a neighbour within one word is unknown to the model
    second: np.ndarray  # llr of the second-best alternative (-inf if none)


def score_slips(
    sentences: Sequence[Sequence[str]],
    *,
    model: NgramModel | None = None,
    confusions: Mapping[str, tuple[str, ...]] | None = None,
) -> SlipScores:
    """Score every confusion-set word of the sentences against each of its alternatives."""
    model = model or get_model()
    confusions = confusions if confusions is not None else confusion_sets()
    b = build_batch(sentences, model, confusions)
    return drive(model, [slip_steps(b, model, confusions)])[0]  # type: ignore[no-any-return]


def slip_steps(
    b: Batch, model: NgramModel, confusions: Mapping[str, tuple[str, ...]]
) -> Steps[SlipScores]:
    ids = b.ids
    rows_cand: list[int] = []
    rows_var: list[int] = []
    alt_names: list[list[str]] = []
    b = b._replace(slips=[slip for slip in b.slips if slip[3] in confusions])
    rows = _ROWS.setdefault((id(confusions), id(model)), {})
    for c, (_pos, _s, _t, word) in enumerate(b.slips):
        got = rows.get(word)
        if got is None:  # the word's alternatives and model ids, once per process
            names = [a for a in confusions[word] if a in model.ids]
            got = rows[word] = (names, [model.ids.get(word, OOV), *(model.ids[a] for a in names)])
        alt_names.append(got[0])
        rows_cand.extend([c] * len(got[1]))
        rows_var.extend(got[1])
    empty = SlipScores(*(np.zeros(0, int),) * 2, [], [], *(np.zeros(0),) * 7)
    if not rows_cand:
        return empty
    cand = np.array(rows_cand)
    var = np.array(rows_var, np.int64)
    pos = np.array([p for p, _s, _t, _w in b.slips])[cand]
    a1 = ids[pos - 1]
    b1 = ids[pos + 1]
    # stage 1, bigram level: P(v | a1) P(b1 | v) for each variant v. A candidate goes on only
    # if an alternative comes near the word as written (most uses of "to", "in", "is" ... are
    # nowhere near), and the two bigram rows found here serve the trigram scoring below.
    bi_av, bi_vb = (yield {"bi": [(a1, var), (var, b1)]})["bi"]
    bigram = model.logprob_rows(a1, var, bi_av, np.full(len(var), -1)) + model.logprob_rows(
        var, b1, bi_vb, np.full(len(var), -1)
    )
    heads = np.flatnonzero(np.r_[True, cand[1:] != cand[:-1]])
    bigram_llr = bigram - bigram[heads][cand]
    bigram_llr[heads] = -np.inf
    best_bigram = np.full(len(heads), -np.inf)
    np.maximum.at(best_bigram, cand, bigram_llr)
    live = best_bigram >= SLIP_MIN_BIGRAM_LLR
    if not live.any():
        return empty
    if not live.all():
        keep = live[cand]
        live_ids = np.flatnonzero(live)
        renumber = np.cumsum(live) - 1
        cand, var, pos = renumber[cand[keep]], var[keep], pos[keep]
        a1, b1, bi_av, bi_vb = a1[keep], b1[keep], bi_av[keep], bi_vb[keep]
        slips = [b.slips[c] for c in live_ids]
        alt_names = [alt_names[c] for c in live_ids]
    else:
        slips = b.slips
    first = b.start[pos]
    last = b.end[pos]
    n = len(ids)
    a2 = np.where(pos - 2 >= first, ids[np.maximum(pos - 2, 0)], OOV)
    has_b2 = pos + 2 <= last
    b2 = np.where(has_b2, ids[np.minimum(pos + 2, n - 1)], OOV)
    # stage 2, trigram level: P(v | a2 a1) P(b1 | a1 v) P(b2 | v b1), sharing the rows above
    found = yield {"bi": [(b1, b2)], "ctx": [(np.where(a1 >= 0, a2, OOV), a1)]}
    (bi_bb,), (ctx_a,) = found["bi"], found["ctx"]
    scored = yield {
        "rows": [
            (a1, var, bi_av, ctx_a),
            (var, b1, bi_vb, model.ctx_of_bigrams(bi_av)),
            (b1, b2, bi_bb, model.ctx_of_bigrams(bi_vb)),
        ]
    }
    lp = np.stack([r[0] for r in scored["rows"]])
    order = np.stack([r[1] for r in scored["rows"]])
    R = len(cand)
    lp = lp.reshape(3, R)
    order = order.reshape(3, R)
    lp[2] = np.where(has_b2, lp[2], 0.0)
    order[2] = np.where(has_b2, order[2], 0)
    total = lp.sum(axis=0)
    right = lp[1] + lp[2]
    ords = order.sum(axis=0)
    # the first row of each candidate is the word as written
    heads = np.flatnonzero(np.r_[True, cand[1:] != cand[:-1]])
    base_total = total[heads][cand]
    llr = total - base_total
    llr[heads] = -np.inf
    # best alternative per candidate
    best = np.full(len(heads), -1)
    second = np.full(len(heads), -np.inf)
    order_idx = np.lexsort((-llr, cand))  # by candidate, best first
    starts = np.searchsorted(cand[order_idx], np.arange(len(heads)))
    best = order_idx[starts]
    counts = np.diff(np.r_[heads, R]) - 1
    has_second = counts >= 2
    second[has_second] = llr[order_idx[np.minimum(starts + 1, R - 1)]][has_second]
    valid = counts >= 1
    best = np.where(valid, best, heads)
    alt = [alt_names[c][best[c] - heads[c] - 1] if valid[c] else "" for c in range(len(heads))]
    oov = (a1[heads] < 0) | (b1[heads] < 0)
    return SlipScores(
        sentence=np.array([s for _p, s, _t, _w in slips]),
        token=np.array([t for _p, _s, t, _w in slips]),
        word=[w for _p, _s, _t, w in slips],
        alternative=alt,
        llr=np.where(valid, llr[best], -np.inf),
        left=lp[0][best] - lp[0][heads],
        right=right[best] - right[heads],
        orig_order=ords[heads].astype(float),
        alt_order=ords[best].astype(float),
        oov_near=oov.astype(float),
        second=second,
    )
