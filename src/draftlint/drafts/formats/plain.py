"""Plain text: every line is prose, paragraphs are separated by blank lines.

A line holding only an HTML comment directive (``<!-- draftlint-disable SP101 -->``) is not
prose, so plain text takes the same suppression comments as Markdown and HTML.
"""

from __future__ import annotations

import re

from draftlint.drafts.document import Block, Comment, Document, ProseBuilder

_BLANK_LINES = re.compile(r"(?:[ \t]*(?:\r\n|\n|\r(?!\n))){2,}")
_DIRECTIVE_LINE = re.compile(r"^[ \t]*<!--(.*?)-->[ \t]*(?:\r\n|\n|\r|$)", re.M)


def parse(path: str, text: str) -> Document:
    comments = tuple(
        Comment(m.start(), m.end(), m.group(1).strip())
        for m in _DIRECTIVE_LINE.finditer(text)
        if "draftlint" in m.group(1)
    )
    if not comments:
        # The fast, common case: the prose is the text itself and offsets need no map.
        return Document(path, text, "text", text, tuple(_paragraphs(text, 0, len(text))))
    builder = ProseBuilder(text)
    pos = 0
    for comment in comments:
        _add_paragraphs(builder, text, pos, comment.start)
        pos = comment.end
    _add_paragraphs(builder, text, pos, len(text))
    return builder.build(path, "text", comments)


def _paragraphs(text: str, start: int, end: int) -> list[Block]:
    blocks = []
    pos = start
    for m in _BLANK_LINES.finditer(text, start, end):
        if text[pos : m.start()].strip():
            blocks.append(Block("paragraph", *_trim(text, pos, m.start())))
        pos = m.end()
    if text[pos:end].strip():
        blocks.append(Block("paragraph", *_trim(text, pos, end)))
    return blocks


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\r\n\ufeff":
        start += 1
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    return start, end


def _add_paragraphs(builder: ProseBuilder, text: str, start: int, end: int) -> None:
    for block in _paragraphs(text, start, end):
        builder.verbatim(block.start, block.end)
        builder.end_block("paragraph")
