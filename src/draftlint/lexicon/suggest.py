"""Ranking spelling suggestions: a small linear model over edit, sound and frequency features.

``Lexicon.candidates`` gathers the words near a typo (within two edits, and those that sound
alike: the ``skeleton`` index); this module says which of them the writer most likely meant.

Weighted edit cost and word frequency alone (``zipf - 4.5 * cost``) rank well for the typos of
practised writers (the Wikipedia lists), but poor spellers (the Birkbeck corpus) spell by ear,
leave out letters and whole syllables, and seldom get the first or last letter wrong.  So the
score also counts how far apart the two words sound (``skeleton``), whether the ends match,
how many letter pairs and triples they share, and whether the candidate is longer than what
was typed.

The weights were fitted (softmax over each typo's candidates) on a tuning sample of Birkbeck
rows kept apart from the sample that ``bench/lexicon_bench.py misspellings`` reports, plus half
of the Wikipedia lists; see ``bench/lexicon_bench.py fit`` and ``misspellings --tune``.
"""

from __future__ import annotations

from functools import lru_cache

from draftlint.lexicon.edits import skeleton

#: Per unit of zipf (log10 frequency), and again per unit up to zipf 3: rare words need more
#: evidence, common words are not endlessly likelier.
W_ZIPF = 1.31
W_ZIPF_LOW = 1.25
ZIPF_CAP = 3.0
#: Per unit of weighted edit cost, and per unit of cost per typed letter.
W_COST = -1.97
W_COST_PER_LETTER = -1.51
#: Per edit between the sound skeletons, and a bonus when they are the same.
W_SOUND = -0.95
W_SAME_SOUND = 0.77
#: A name (no lowercase use) offered for a lowercase typo.
W_NAME = -3.01
W_FIRST = -0.47  # same first letter (on top of W_PREFIX, which counts it too)
W_LAST = 0.16  # same last letter
W_LENGTH = -0.65  # per letter of length difference
W_LONGER = 1.77  # the word is longer than the typo: letters left out are the commonest slip
#: Shared letter pairs and triples (Dice coefficient, ends marked): chunks spelt right count
#: even when the edits between them are many.
W_PAIRS = 2.58
W_TRIPLES = -1.48
#: Per letter of common beginning and ending (up to four).
W_PREFIX = 0.54
W_SUFFIX = 0.2


#: The weights in the order of ``features``; ``bench/lexicon_bench.py fit`` refits them.
WEIGHTS = (
    W_ZIPF,
    W_ZIPF_LOW,
    W_COST,
    W_COST_PER_LETTER,
    W_SOUND,
    W_SAME_SOUND,
    W_NAME,
    W_FIRST,
    W_LAST,
    W_LENGTH,
    W_LONGER,
    W_PAIRS,
    W_TRIPLES,
    W_PREFIX,
    W_SUFFIX,
)


@lru_cache(maxsize=1024)
def _grams(word: str) -> tuple[frozenset[str], frozenset[str]]:
    w = "<" + word + ">"
    return (
        frozenset(w[i : i + 2] for i in range(len(w) - 1)),
        frozenset(w[i : i + 3] for i in range(len(w) - 2)),
    )


def _common(a: str, b: str, most: int = 4) -> int:
    n = 0
    while n < most and n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def features(
    q: str, key: str, zipf: float, cost: float, name: bool, sound: int | None = None
) -> tuple[float, ...]:
    """What ``score`` weighs, in the order of ``WEIGHTS``.  ``sound``: the edits between
    the skeletons, when the caller has them."""
    if sound is None:
        from draftlint.lexicon.compiled import osa_distance  # noqa: PLC0415 - not at start-up

        sound = osa_distance(skeleton(q), skeleton(key))
    diff = len(key) - len(q)
    q2, q3 = _grams(q)
    k2, k3 = _grams(key)
    return (
        zipf,
        min(zipf, ZIPF_CAP),
        cost,
        cost / len(q),
        sound,
        sound == 0,
        name,
        key[:1] == q[:1],
        key[-1:] == q[-1:],
        abs(diff),
        diff > 0,
        2 * len(q2 & k2) / (len(q2) + len(k2)),
        2 * len(q3 & k3) / (len(q3) + len(k3)),
        _common(q, key),
        _common(q[::-1], key[::-1]),
    )


def score(
    q: str, key: str, zipf: float, cost: float, name: bool, sound: int | None = None
) -> float:
    """How likely ``key`` (frequency ``zipf``, weighted edit cost ``cost``) was meant by the
    lowercase typo ``q``; higher is better.  ``name``: a name offered for a lowercase typo."""
    feats = features(q, key, zipf, cost, name, sound)
    return sum(w * f for w, f in zip(WEIGHTS, feats, strict=True))
