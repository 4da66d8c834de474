"""Readability of a Document: its prose paragraphs and sentences measured once, shared.

``readability_of(document)`` is computed on first use and kept on the Document, so the RD
rules, the JSON report, ``--statistics`` and ``draftlint stats`` read the same numbers and
nothing is counted twice.

What is measured.  The Document's prose only: code, markup and comments are already gone,
and inline objects (code spans, images; U+FFFC in the prose) are dropped here.  Titles are
left out too: a heading, and any block of at most TITLE_WORDS words without a sentence-final
mark (a plain-text title line, a byline, a caption, a list fragment, a table cell).  The
formulas assume sentences: a five-word title counted as a sentence lowers the average
sentence length, while textstat's own reading (no full stop, so it runs into the next
sentence) raises it.  Neither is what a reader meets, so titles count for neither.

Sentences come from the draft's splitter (``document.analysis.sentences``), so "U.S." and
"H.R." do not end a sentence; the words of a sentence are counted as the formulas count them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from draftlint.drafts.document import OBJECT
from draftlint.readability.measure import measure, sentences_words
from draftlint.readability.profiles import Targets, targets_from
from draftlint.readability.scores import Counts, Scores

if TYPE_CHECKING:
    from draftlint.drafts.document import Document

#: A block of at most this many words that does not end a sentence is a title, not prose.
TITLE_WORDS = 20
FINAL_MARKS = (".", "?", "!", ":", "\u2026")
CLOSERS = "\"'\u201d\u2019)] \t\n"
_SLOT = "_readability"


@dataclass(frozen=True, slots=True)
class SentenceLength:
    start: int  # prose offsets of the whole sentence
    end: int
    words: int


@dataclass(frozen=True)
class ParagraphReadability:
    paragraph: int  # index into document.analysis.paragraphs
    start: int  # prose offsets
    end: int
    counts: Counts
    sentences: tuple[SentenceLength, ...]

    @property
    def words(self) -> int:
        return self.counts.words

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade of the paragraph alone."""
        return self.counts.flesch_kincaid_grade

    @cached_property
    def scores(self) -> Scores:
        """Every score of the paragraph alone (computed on demand: the rules need only grade)."""
        return self.counts.scores()


@dataclass(frozen=True, slots=True)
class DocumentReadability:
    paragraphs: tuple[ParagraphReadability, ...]  # the measured ones, in order
    counts: Counts
    scores: Scores

    @property
    def sentences(self) -> tuple[SentenceLength, ...]:
        return tuple(s for p in self.paragraphs for s in p.sentences)


def readability_of(document: Document) -> DocumentReadability:
    """The document's readability, computed once and kept on the Document."""
    store = document.__dict__
    if _SLOT not in store:
        store[_SLOT] = _measure_document(document)
    return store[_SLOT]  # type: ignore[no-any-return]


def _measure_document(document: Document) -> DocumentReadability:
    analysis = document.analysis
    prose = document.prose
    has_objects = OBJECT in prose
    by_paragraph: dict[int, list[tuple[int, int]]] = {}
    for sentence in analysis.sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append((sentence.start, sentence.end))
    measured = []
    for index, paragraph in enumerate(analysis.paragraphs):
        if paragraph.kind in ("heading", "title"):
            continue
        text = prose[paragraph.start : paragraph.end]
        if has_objects:
            text = text.replace(OBJECT, " ")
        spans = by_paragraph.get(index, [])
        words = sentences_words([_clean(prose[start:end], has_objects) for start, end in spans])
        counts = measure(text, words_per_sentence=words)
        if _is_title(text, counts.words):
            continue
        sentences = tuple(
            SentenceLength(start, end, n) for (start, end), n in zip(spans, words, strict=True)
        )
        measured.append(
            ParagraphReadability(index, paragraph.start, paragraph.end, counts, sentences)
        )
    total = sum((p.counts for p in measured), Counts())
    return DocumentReadability(tuple(measured), total, total.scores())


def _clean(text: str, has_objects: bool) -> str:
    return text.replace(OBJECT, " ") if has_objects else text


def _is_title(text: str, words: int) -> bool:
    return words <= TITLE_WORDS and not text.rstrip(CLOSERS).endswith(FINAL_MARKS)


# ---------------------------------------------------------------------------- report data

#: The document scores in the report, in this order.
REPORTED_SCORES = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "dale_chall",
    "automated_readability_index",
    "linsear_write",
    "consensus_grade",
    "words",
    "sentences",
    "avg_sentence_length",
    "reading_time_s",
    "reading_minutes",
)


def report_data(document: Document, settings: Mapping[str, Any] | Targets) -> dict[str, Any]:
    """The ``readability`` object of a file in the JSON report (see report/json_schema.json).

    ``settings``: the config's [tool.draftlint.readability] table, or Targets.
    """
    targets = settings if isinstance(settings, Targets) else targets_from(settings)
    found = readability_of(document)
    scores = found.scores.as_dict()
    paragraphs = []
    for p in found.paragraphs:
        span = document.to_source((p.start, p.end))
        paragraphs.append(
            {
                "start": span.start,
                "end": span.end,
                "line": document.line_col(span.start)[0],
                "words": p.counts.words,
                "sentences": p.counts.formula_sentences,
                "grade": p.grade,
            }
        )
    return {
        "profile": targets.profile,
        "scores": {name: scores[name] for name in REPORTED_SCORES},
        "targets": targets.as_dict(),
        "paragraphs": paragraphs,
    }
