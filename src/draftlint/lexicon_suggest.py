"""Ranking spelling suggestions: a small linear model over edit, sound and frequency features.

``Lexicon.candidates`` gathers the words near a typo (within two edits, and those that sound
alike: the ``skeleton`` index); this module says which of them the writer most likely meant.

Weighted edit cost and word frequency alone (``zipf - 4.5 * cost``) rank well for the typos of
practised writers (the Wikipedia lists), but poor spellers (the Birkbeck corpus) spell by ear,
leave out letters and whole syllables, and seldom get the first or last letter wrong.  So the
score also counts how far apart the two words sound (``skeleton``), whether the ends match, and
whether the candidate is longer than what was typed.

The weights were fitted (softmax over each typo's candidates) on a tuning sample of Birkbeck
rows kept apart from the sample that ``bench/lexicon_bench.py misspellings`` reports, plus half
of the Wikipedia lists; see ``bench/lexicon_bench.py misspellings --tune``.
"""

from __future__ import annotations

from draftlint.lexicon_edits import osa_distance, skeleton

#: Per unit of zipf (log10 frequency), and again per unit up to zipf 3: rare words need more
#: evidence, common words are not endlessly likelier.
W_ZIPF = 1.36
W_ZIPF_LOW = 0.97
ZIPF_CAP = 3.0
#: Per unit of weighted edit cost, and per unit of cost per typed letter.
W_COST = -2.72
W_COST_PER_LETTER = -0.74
#: Per edit between the sound skeletons, and a bonus when they are the same.
W_SOUND = -1.01
W_SAME_SOUND = 0.57
#: A name (no lowercase use) offered for a lowercase typo.
W_NAME = -2.06
W_FIRST = 0.38  # same first letter
W_LAST = 0.48  # same last letter
W_LENGTH = -0.68  # per letter of length difference
W_LONGER = 1.81  # the word is longer than the typo: letters left out are the commonest slip


def score(q: str, key: str, zipf: float, cost: float, name: bool) -> float:
    """How likely ``key`` (frequency ``zipf``, weighted edit cost ``cost``) was meant by the
    lowercase typo ``q``; higher is better.  ``name``: a name offered for a lowercase typo."""
    sound = osa_distance(skeleton(q), skeleton(key))
    diff = len(key) - len(q)
    return (
        W_ZIPF * zipf
        + W_ZIPF_LOW * min(zipf, ZIPF_CAP)
        + W_COST * cost
        + W_COST_PER_LETTER * cost / len(q)
        + W_SOUND * sound
        + (W_SAME_SOUND if sound == 0 else 0.0)
        + (W_NAME if name else 0.0)
        + (W_FIRST if key[:1] == q[:1] else 0.0)
        + (W_LAST if key[-1:] == q[-1:] else 0.0)
        + W_LENGTH * abs(diff)
        + (W_LONGER if diff > 0 else 0.0)
    )
