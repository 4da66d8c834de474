"""Per-document facts that several editorial rules (QT2xx, CN1xx-CN3xx) read.

A rule runs once per Document, but the attribution, name and consistency rules share their
groundwork (which tokens are sentence-initial, which paragraphs are headlines); computing it
once and keeping it on the Document keeps these rules fast together.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from draftlint.drafts.document import Document

T = TypeVar("T")

_OPENING_MARKS = "\"\u201c\u201e\u2018'(["


def cached(document: Document, key: str, build: Callable[[Document], T]) -> T:
    """``build(document)`` once per Document, kept in its ``__dict__`` like a cached_property."""
    slot = "_editorial_" + key
    store = document.__dict__
    if slot not in store:
        store[slot] = build(document)
    return store[slot]  # type: ignore[no-any-return]


def is_cached(document: Document, key: str) -> bool:
    """Whether ``cached(document, key, ...)`` has been built (or filled ahead) already."""
    return "_editorial_" + key in document.__dict__


def headline_paragraphs(document: Document) -> frozenset[int]:
    """Paragraphs that are headings or read like one: short and without a closing full stop.

    In plain text a title line is a paragraph like any other; its words are capitalised by
    style and its quotations are labels, so name and quotation rules leave it alone.
    """
    return cached(document, "headlines", _headlines)


def _headlines(document: Document) -> frozenset[int]:
    analysis = document.analysis
    prose = document.prose
    found = set()
    for index, paragraph in enumerate(analysis.paragraphs):
        if paragraph.kind == "heading":
            found.add(index)
            continue
        text = prose[paragraph.start : paragraph.end].rstrip().rstrip("\"\u201d\u2019')]")
        words = paragraph.last_token - paragraph.first_token
        if words <= 20 and not text.endswith((".", "?", "!", ":", "\u2026")):
            found.add(index)
    return frozenset(found)


def sentence_initial(document: Document) -> frozenset[int]:
    """Token indexes of words that open a sentence, or a quotation or clause after a colon.

    Such a word is capitalised by position, so its capital says nothing about it being a name.
    """
    return cached(document, "initial", _initial)


def _initial(document: Document) -> frozenset[int]:
    analysis = document.analysis
    tokens = analysis.tokens
    prose = document.prose
    found = set()
    for sentence in analysis.sentences:
        for i in range(sentence.first_token, sentence.last_token):
            if tokens[i].kind not in ("punct", "symbol", "object"):
                found.add(i)
                break
    for i, token in enumerate(tokens):
        if token.kind != "word" or i == 0:
            continue
        before = prose[max(0, token.start - 3) : token.start].rstrip()
        if before and (before[-1] in _OPENING_MARKS or before[-1] == ":"):
            found.add(i)
    return frozenset(found)


def is_capitalised(text: str) -> bool:
    """ "Putin", "McMaster", "O'Neill"; not "NATO", "iPhone" or "the"."""
    return text[:1].isupper() and any(c.islower() for c in text[1:])


def strip_possessive(text: str) -> str:
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            return text[: -len(suffix)]
    return text
