"""The readability scores of a text's Counts: textstat's formulas, and the Scores they give.

Every formula, constant and operation order is textstat's (0.7.8 and 0.7.13), so the floats
equal textstat's bit for bit; the counts come from ``readability.measure``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from draftlint.readability.words import LINSEAR_WEIGHT, first_words, packed_counts, unpack

LINSEAR_WORDS = 100  # Linsear Write reads the first 100 words only (textstat strict_upper)


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
        room = LINSEAR_WORDS - head_words
        if room > 0 and other.head:
            head = head + first_words(other.head, room)
            head_words += min(room, other.head_words)
            head_sentences = head_sentences + truncate(other.head_sentences, room)
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
        return scores_of(self)

    @property
    def formula_sentences(self) -> int:
        """``Scores.sentences`` without computing the scores."""
        return sentence_count(self.sentences, self.length)

    @property
    def flesch_kincaid_grade(self) -> float:
        """``Scores.flesch_kincaid_grade`` without computing the other scores (cheap)."""
        return flesch(self)[1]


def truncate(sentence_words: Iterable[int], n: int) -> tuple[int, ...]:
    """Words per sentence, keeping only the first n words in all."""
    out = []
    for count in sentence_words:
        if n <= 0:
            break
        out.append(min(count, n))
        n -= count
    return tuple(out)


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


def sentence_count(counted: int, length: int) -> int:
    """The sentence count of the formulas, from the sentences of 3+ words in a text of ``length``
    characters."""
    return max(1, counted) if length else 0  # textstat: 0 for "", else at least 1


def scores_of(c: Counts) -> Scores:
    """Every score of the counts (``Counts.scores``)."""
    # Formulas, constants and the order of operations are textstat's, for bit-equal floats.
    n_sent = sentence_count(c.sentences, c.length)
    wps = _div(c.words, n_sent)
    fre, fkg = flesch(c)
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


def flesch(c: Counts) -> tuple[float, float]:
    """Flesch Reading Ease and Flesch-Kincaid grade."""
    wps = _div(c.words, sentence_count(c.sentences, c.length))
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
    packed = packed_counts(c.head)
    weight = unpack(packed, LINSEAR_WEIGHT)  # easy words x 1 + hard words x 3
    # textstat counts the sentences of " ".join(first tokens): none when there is no token.
    n_sent = sentence_count(sum(1 for n in c.head_sentences if n > 2), len(c.head))
    if not n_sent:
        return 0.0
    number = float(weight / n_sent)
    if number <= 20:
        number -= 2
    return number / 2
