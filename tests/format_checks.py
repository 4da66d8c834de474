"""Checks shared by the format tests: exact mapping of prose back onto the source."""

from __future__ import annotations

import re

from draftlint.drafts.document import Document

WORD = re.compile(r"\w+")


def source_of(doc: Document, needle: str, nth: int = 0) -> str:
    """The source text behind the ``nth`` occurrence of ``needle`` in the prose."""
    index = -1
    for _ in range(nth + 1):
        index = doc.prose.index(needle, index + 1)
    span = doc.to_source((index, index + len(needle)))
    return doc.text[span.start : span.end]


def position(doc: Document, needle: str, nth: int = 0) -> tuple[int, int]:
    index = -1
    for _ in range(nth + 1):
        index = doc.prose.index(needle, index + 1)
    return doc.line_col(doc.to_source((index, index + 1)).start)


def assert_exact(doc: Document) -> int:
    """Every word of the prose maps back onto the same word in the source; returns the count."""
    words = 0
    for m in WORD.finditer(doc.prose):
        span = doc.to_source((m.start(), m.end()))
        assert doc.text[span.start : span.end] == m.group(), (m.group(), doc.line_col(span.start))
        words += 1
    return words


def assert_map_sane(doc: Document) -> None:
    """The map is total, in bounds, in order, and one-char spans are the very same char."""
    assert doc._src_start is not None and doc._src_end is not None
    assert len(doc._src_start) == len(doc._src_end) == len(doc.prose)
    last_start = last_end = 0
    for i, (start, end) in enumerate(zip(doc._src_start, doc._src_end, strict=True)):
        assert 0 <= start <= end <= len(doc.text), (i, start, end)
        assert start >= last_start and end >= last_end, (i, start, end)
        last_start, last_end = start, end
        if end == start + 1 and doc.prose[i] != "\n":
            assert doc.text[start] == doc.prose[i], (i, doc.prose[i], doc.text[start])
    for comment in doc.comments:
        assert 0 <= comment.start <= comment.end <= len(doc.text)
