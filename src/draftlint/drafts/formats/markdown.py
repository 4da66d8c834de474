"""Markdown: CommonMark (markdown-it-py) with GFM tables and strikethrough -> Document.

Prose blocks and their kinds:

* ``heading`` - ATX or Setext heading text (no ``#`` marks, no underline);
* ``paragraph`` - a paragraph outside any container;
* ``blockquote`` / ``list-item`` - a paragraph whose innermost container is a block quote or
  a list item (so a quoted list's items are ``list-item``, a quote inside an item is
  ``blockquote``);
* ``table-cell`` - one GFM table cell (header or body).

Not prose: code blocks and fences, HTML blocks, front matter (``---`` YAML or ``+++`` TOML
on the first line), comments, link destinations and titles, reference definitions and a
task-list box (``[ ]``/``[x]``).  Inline code, images, autolinks and inline ``<img>``
become one OBJECT character; emphasis marks and other inline HTML vanish (``<br>`` is a
"\\n"); escapes and entities become the character they stand for, mapped to their whole
source spelling.  A line break inside a paragraph is one "\\n" mapped to the source line end
("\\r\\n" included); the indentation and trailing spaces around it are layout and are dropped,
as is white space at the edges of a block.  A block of nothing but OBJECTs (a figure, a code
span alone in a table cell) has no prose and is left out.  Comments, block or inline, are
collected for the suppression directives.

markdown-it-py reports only line ranges, so the offsets are recovered here in two steps:
each inline token's ``content`` (its lines with container prefixes stripped) is located line
by line in the source, and then the inline children are walked with a cursor over that
content, measuring links, images and code spans with markdown-it's own rules in silent mode.
When a step fails on odd input the code searches forward or drops the piece; it never raises
and never maps prose backwards.

Why ``commonmark`` + table + strikethrough rather than ``gfm-like``: gfm-like also turns on
linkify, which needs the extra linkify-it-py package; typographer stays off so that the prose
keeps the writer's own quotes and dashes.

This module walks the blocks (``parse``).  The parser, its input and line offsets are
``markdown_source``; an inline token mapped to the source is ``markdown_inline``; adding a
block's pieces to the builder is ``formats.blocks``, shared with HTML.
"""

from __future__ import annotations

import re
from typing import Any

from draftlint.drafts.document import Comment, Document, ProseBuilder
from draftlint.drafts.formats.markdown_inline import InlineMapper
from draftlint.drafts.formats.markdown_source import SourceLines, markdown_parser, parser_input

_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_CONTAINERS = {"blockquote_open": "blockquote", "list_item_open": "list-item"}


def parse(path: str, text: str) -> Document:
    source = text.replace("\x00", "\ufffd")  # what markdown-it reads; offsets are unchanged
    lines = SourceLines(source)
    env: dict[str, Any] = {}
    tokens = markdown_parser().parse(parser_input(source, lines), env)
    builder = ProseBuilder(text)
    comments: list[Comment] = []
    inline = InlineMapper(source, lines, builder, comments, env)
    containers: list[str] = []
    row: tuple[int, int] = (-1, 0)  # (table row line, cursor on it)
    for i, tok in enumerate(tokens):
        kind = tok.type
        if kind in _CONTAINERS:
            containers.append(_CONTAINERS[kind])
        elif kind in ("blockquote_close", "list_item_close"):
            if containers:
                containers.pop()
        elif kind == "html_block" and tok.map:
            start, end = lines.start(tok.map[0]), lines.start(tok.map[1])
            for m in _COMMENT.finditer(source, start, end):
                comments.append(Comment(m.start(), m.end(), m.group(1).strip()))
        elif kind == "inline" and tok.map and i:
            opener = tokens[i - 1].type
            if opener == "heading_open":
                inline.add(tok, "heading")
            elif opener in ("th_open", "td_open"):
                line = tok.map[0]
                cursor = row[1] if row[0] == line else lines.start(line)
                end = inline.add(tok, "table-cell", cursor)
                pipe = source.find("|", end, lines.end(line))  # the pipe closing this cell
                row = (line, pipe + 1 if pipe >= 0 else end)
            else:
                task = (
                    bool(containers)
                    and containers[-1] == "list-item"
                    and (tokens[i - 2].type == "list_item_open" if i > 1 else False)
                )
                inline.add(tok, containers[-1] if containers else "paragraph", task=task)
    comments.sort(key=lambda c: (c.start, c.end))
    return builder.build(path, "markdown", tuple(comments))
