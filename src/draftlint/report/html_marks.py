"""The HTML report's draft text: each block as pieces of text with the findings nested in it as
marks (see the module docstring of ``report.html`` for why they nest and split)."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from draftlint.drafts.document import OBJECT, Document, Span
from draftlint.report.html_text import invisible, shorten


class Piece(NamedTuple):
    """One step of a block's markup, rendered by the template.

    kind: "t" text, "o" open a mark (``mark`` set), "c" close a mark, "x" an inline object
    (``text`` is its source), "i" an invisible character (``text`` is its U+ name).
    """

    kind: str
    text: str = ""
    mark: Mark | None = None


class Mark(NamedTuple):
    fid: int
    family: str
    family_class: str
    severity: str
    head: bool
    point: bool  # a zero-width finding: an empty mark that shows where it is
    lift: int = 0  # how many levels of marks nest inside this one (their underlines stack)
    wide: bool = False  # a sentence, paragraph or draft: drawn as its badge until chosen


@dataclass
class BlockView:
    id: str
    kind: str
    pieces: list[Piece]


def block_pieces(
    document: Document, spans: list[Span], findings: list[dict[str, Any]]
) -> list[list[Piece]]:
    """The pieces of every block, each finding clipped to the blocks it covers.

    A finding that covers no block's text (one in the blank line between two blocks, or an
    empty span) becomes a point mark where it starts, so that no finding is lost.
    """
    blocks = document.blocks
    starts = [b.start for b in blocks]
    per_block: list[list[tuple[int, int, int]]] = [[] for _ in blocks]
    for n, (start, end) in enumerate(spans):
        first = max(bisect.bisect_right(starts, start) - 1, 0)
        placed = False
        i = first
        while start < end and i < len(blocks) and blocks[i].start < end:
            s, e = max(start, blocks[i].start), min(end, blocks[i].end)
            if s < e:
                per_block[i].append((s, e, n))
                placed = True
            i += 1
        if not placed:
            at = min(max(start, blocks[first].start), blocks[first].end)
            per_block[first].append((at, at, n))
    marks = [(f["id"], f["family"], f["fclass"], f["severity"], f["wide"]) for f in findings]
    keep_newlines = document.format == "text"
    headed: set[int] = set()
    return [
        _nest(document, b.start, b.end, items, marks, keep_newlines, headed)
        for b, items in zip(blocks, per_block, strict=True)
    ]


def _nest(
    document: Document,
    start: int,
    end: int,
    items: list[tuple[int, int, int]],
    marks: list[tuple[int, str, str, str, bool]],
    keep_newlines: bool,
    headed: set[int],
) -> list[Piece]:
    """Properly nested markup for ``prose[start:end]`` with a mark per item (s, e, n).

    ``headed`` holds the findings whose first fragment (their head) is already out.
    """
    opens: dict[int, list[tuple[int, int]]] = defaultdict(list)
    closes: dict[int, set[int]] = defaultdict(set)
    points: dict[int, list[int]] = defaultdict(list)
    for s, e, n in items:
        if s == e:
            points[s].append(n)
        else:
            opens[s].append((e, n))
            closes[e].add(n)
    out: list[Piece] = []

    def open_mark(n: int, point: bool = False) -> None:
        fid, family, family_class, severity, wide = marks[n]
        head = fid not in headed
        headed.add(fid)
        out.append(
            Piece("o", mark=Mark(fid, family, family_class, severity, head, point, wide=wide))
        )

    stack: list[int] = []
    pos = start
    for p in sorted({start, end, *opens, *closes, *points}):
        if p > pos:
            out.extend(_text_pieces(document, pos, p, keep_newlines))
            pos = p
        ending = closes.get(p)
        if ending:
            left = sum(1 for n in stack if n in ending)
            reopen: list[int] = []
            while left:
                top = stack.pop()
                out.append(Piece("c"))
                if top in ending:
                    left -= 1
                else:
                    reopen.append(top)
            for n in reversed(reopen):  # crossing spans: continue the outer ones
                open_mark(n)
                stack.append(n)
        for n in points.get(p, ()):
            open_mark(n, point=True)
            out.append(Piece("c"))
        for _e, n in sorted(opens.get(p, ()), key=lambda en: (-en[0], en[1])):  # longest outermost
            open_mark(n)
            stack.append(n)
    return _lift(out)


_MAX_LIFT = 3


def _lift(pieces: list[Piece]) -> list[Piece]:
    """Tell each mark how deep the marks inside it nest, so its underline can sit below theirs.

    Computed here rather than with CSS ``:has()``, which makes the browser re-check every
    ancestor of thousands of marks on each style change.
    """
    opened: list[int] = []
    height: dict[int, int] = {}
    for i, piece in enumerate(pieces):
        if piece.kind == "o":
            opened.append(i)
            height[i] = 0
        elif piece.kind == "c":
            j = opened.pop()
            if opened:
                height[opened[-1]] = max(height[opened[-1]], height[j] + 1)
    for i, h in height.items():
        mark = pieces[i].mark
        if h and mark is not None:
            pieces[i] = Piece("o", mark=mark._replace(lift=min(h, _MAX_LIFT)))
    return pieces


def _text_pieces(document: Document, start: int, end: int, keep_newlines: bool) -> Iterable[Piece]:
    """Prose as the editor sees it: objects and invisible characters made visible."""
    prose = document.prose
    run = start
    for i in range(start, end):
        ch = prose[i]
        if ch == OBJECT:
            if run < i:
                yield Piece("t", _lines(prose[run:i], keep_newlines))
            source = document.to_source(Span(i, i + 1))
            yield Piece("x", shorten(document.text[source.start : source.end]) or "\u25a1")
            run = i + 1
        elif invisible(ch):
            if run < i:
                yield Piece("t", _lines(prose[run:i], keep_newlines))
            yield Piece("i", f"U+{ord(ch):04X}")
            run = i + 1
    if run < end:
        yield Piece("t", _lines(prose[run:end], keep_newlines))


def _lines(text: str, keep_newlines: bool) -> str:
    # Markdown and HTML line breaks inside a paragraph are soft: the rendered text flows.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text if keep_newlines else text.replace("\n", " ")


_CONTAINERS = {"list-item": "ul", "blockquote": "blockquote", "table-cell": "cells"}


def groups(
    index: int, document: Document, pieces: list[list[Piece]]
) -> list[tuple[str, list[BlockView]]]:
    """Blocks in order, consecutive list items / quotes / cells gathered in one container."""
    groups: list[tuple[str, list[BlockView]]] = []
    for n, (block, items) in enumerate(zip(document.blocks, pieces, strict=True)):
        container = _CONTAINERS.get(block.kind, "")
        view = BlockView(f"d{index}-b{n}", block.kind, items)
        if container and groups and groups[-1][0] == container:
            groups[-1][1].append(view)
        else:
            groups.append((container, [view]))
    return groups
