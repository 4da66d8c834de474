"""Regular derivations the word list leaves out, read back to the word they come from.

SCOWL lists the common forms of each word; rarer regular forms are missing, and on British
news and opinion they were many of SP101's false alarms: a British spelling of an American
entry ("securitisation" for securitization), the plural of an abstract noun ("capitalisations",
"derelictions"), an adverb in -ly ("umbilically"), a prefixed word ("oversexualised"). A
lowercase word is accepted when one of the bases below is a known, common lowercase word. The
rules are regular morphology, so a typo rarely lands on one: "recieve" or "definately" have no
such base.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

#: British endings and the American ones the word list is sure to have. The British "l" doubles
#: only after a single vowel (dial, label, fuel: "dialler", "labelled"), not after "ai", "ea",
#: "oo" ... ("detailled", "appealling" are misspellings).
_BRITISH = (
    (re.compile(r"is(e|es|ed|ing|er|ers|ation|ations)$"), r"iz\1"),  # organise, capitalisation
    (re.compile(r"(?<!ai|ea|oo|ee|ou|oa|ei|au|oi)ll(er|ers|ing|ed)$"), r"l\1"),  # dialler
)
_LONG_VOWEL_LL = re.compile(r"(?:ai|ea|oo|ee|ou|oa|ei|au|oi)ller")
#: noun endings whose plural is regular (the word list omits plurals of rare abstract nouns)
_ABSTRACT = ("tion", "sion", "ment", "ance", "ence", "ism", "ist")
#: adjective endings that take a plain -ly (not -ic: "basicly" is a misspelling of basically)
_ADJECTIVE = ("al", "ful", "ous", "ive", "less")
#: prefixes that join a word without a hyphen ("oversexualised"); short ones ("re", "un",
#: "pre") are left out: "reknown", "untill", "prepair" are misspellings
JOINED_PREFIXES = ("counter", "under", "over", "anti", "non")
_MIN_REST = 6
#: words shorter than this are left to the word list (short typos are too often regular forms)
MIN_LENGTH = 7


def _direct(word: str) -> Iterator[str]:
    for pattern, american in _BRITISH:
        if pattern.search(word):
            yield pattern.sub(american, word)
    if word.endswith("nesses"):
        yield word[:-2]
    elif word.endswith("ities"):
        yield word[:-3] + "y"
    elif word.endswith("s") and word[:-1].endswith(_ABSTRACT):
        yield word[:-1]
    if word.endswith(("ller", "llers")) and not _LONG_VOWEL_LL.search(word):
        verb = word[: word.rindex("ller") + 1]  # of a British agent noun: "diallers", dial
        if len(verb) >= 4:  # "dollers" is no "dol"-er
            yield verb
    if word.endswith(("ably", "ibly")):
        yield word[:-1] + "e"
    elif word.endswith("ly") and word[:-2].endswith(_ADJECTIVE):
        yield word[:-2]


def derivation_bases(word: str) -> Iterator[str]:
    """Words that ``word`` (lowercase letters) regularly derives from, nearest first."""
    if len(word) < MIN_LENGTH or not word.isalpha() or not word.islower():
        return
    yield from _direct(word)
    for prefix in JOINED_PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= _MIN_REST:
            yield rest
            yield from _direct(rest)


#: Endings stripped by ``possible_bases``, each with the endings its stem may take back
#: ("hereditaries" -> heredit+ary, "commoditising" -> commodit+y, "shopping" -> shop).
_LOOSE_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("isations", ("", "e", "y")),
    ("isation", ("", "e", "y")),
    ("ising", ("", "e", "y")),
    ("ised", ("", "e", "y")),
    ("ises", ("", "e", "y")),
    ("ise", ("", "e", "y")),
    ("izing", ("", "e", "y")),
    ("ized", ("", "e", "y")),
    ("ize", ("", "e", "y")),
    ("ities", ("ity", "e", "")),
    ("ity", ("", "e")),
    ("ies", ("y", "ie")),
    ("ied", ("y",)),
    ("ier", ("y",)),
    ("iest", ("y",)),
    ("ily", ("y",)),
    ("ness", ("",)),
    ("ments", ("",)),
    ("ment", ("",)),
    ("ists", ("", "e", "y")),
    ("ist", ("", "e", "y")),
    ("isms", ("", "e", "y")),
    ("ism", ("", "e", "y")),
    ("ings", ("", "e")),
    ("ing", ("", "e")),
    ("ers", ("", "e")),
    ("er", ("", "e")),
    ("ed", ("", "e")),
    ("es", ("", "e")),
    ("ically", ("ic", "ical", "y")),
    ("ably", ("", "e", "able")),
    ("ibly", ("", "e", "ible")),
    ("ability", ("", "e", "able")),
    ("able", ("", "e")),
    ("ible", ("", "e")),
    ("ly", ("", "le")),
    ("s", ("",)),
)
#: a base shorter than this explains too many strings
_LOOSE_MIN_BASE = 4


def possible_bases(word: str) -> Iterator[str]:
    """Words that a lowercase string no list knows could be a regular form of, by looser rules
    than ``derivation_bases``: any common prefix ("hypergrowth", "megaflops"), any regular
    ending with the stem's own ending restored ("hereditaries", "commoditising"), and a doubled
    final consonant ("shopping"). Not evidence that the string is a word: only that it may
    be one, so that a rule which would call it a slip for want of any reading holds back."""
    for prefix in _PREFIXES_FOR_BASES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= _LOOSE_MIN_BASE:
            yield rest
            yield from _endings(rest)
    for prefix in _SHORT_PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= _SHORT_PREFIX_MIN_REST:
            yield from _endings(rest)
    yield from _endings(word)


def _endings(word: str) -> Iterator[str]:
    for ending, restored in _LOOSE_ENDINGS:
        if not word.endswith(ending):
            continue
        stem = word[: len(word) - len(ending)]
        for tail in restored:
            if len(stem) + len(tail) >= _LOOSE_MIN_BASE:
                yield stem + tail
        if len(stem) > _LOOSE_MIN_BASE and stem[-1] == stem[-2]:
            yield stem[:-1]  # "shopping", "admitted"


#: word-forming prefixes (the lexicon's list, without the one- and two-letter ones that a
#: misspelling starts with by chance: "a", "e", "o", "x", "bi", "co", "de", "ex")
_PREFIXES_FOR_BASES = (
    "ante anti bio contra counter cyber eco extra hyper inter intra macro mega micro mid "
    "mini multi neo non over pan para post pre pro pseudo semi sub super trans tri ultra "
    "under uni vice".split()
)
#: prefixes common enough that a misspelling often starts with them ("untill", "reccomend",
#: "dissapoint"): they explain a string only with a long rest that reads back to a word
#: through an ending as well ("unreformable": reform + able)
_SHORT_PREFIXES = ("un", "re", "de", "dis", "mis", "in", "im")
_SHORT_PREFIX_MIN_REST = 7
