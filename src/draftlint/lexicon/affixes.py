"""Suffixes that are also words: read by the run-together check and by the lexicon build.

Kept apart from ``lexicon.names`` because ``tools/build_lexicon.py`` builds the compound-head
flags with it, so the shipped tables' recipe depends on this list and on nothing else there.
"""

from __future__ import annotations

#: Tails that are productive suffixes, making derivations rather than run-togethers
#: ("kickable", "tieless", "goalwards"), and no compound's second word.
SUFFIX_WORDS = frozenset(
    "ally able ably less ness ship ment wards ward hood like wise fold some ism ist ful dom let".split()
)
