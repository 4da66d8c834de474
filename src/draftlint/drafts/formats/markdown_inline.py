"""One Markdown inline token's prose, mapped character by character to the source.

markdown-it-py gives an inline token's ``content`` (its lines with container prefixes
stripped) and its children, but no offsets.  ``InlineMapper`` locates the content line by line
in the source, then walks the children with a cursor over that content, measuring links,
images and code spans with markdown-it's own rules in silent mode, and adds the block to the
ProseBuilder.  When a step fails on odd input it searches forward or drops the piece; it never
raises and never maps prose backwards.
"""

from __future__ import annotations

import re
from array import array
from typing import TYPE_CHECKING, Any

from markdown_it.rules_inline import StateInline

from draftlint.drafts.document import OBJECT, Comment, ProseBuilder
from draftlint.drafts.formats.blocks import Piece, add_block
from draftlint.drafts.formats.markdown_source import SourceLines, markdown_parser

if TYPE_CHECKING:
    from markdown_it.token import Token

_BR = re.compile(r"<br\s*/?>\Z", re.I)
_IMG = re.compile(r"<img\b", re.I)
_TASK_BOX = ("[ ] ", "[x] ", "[X] ")
_EMPHASIS = {"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"}


class InlineMapper:
    """Adds one inline token's prose to the builder, char by char mapped to the source."""

    def __init__(
        self,
        source: str,
        lines: SourceLines,
        builder: ProseBuilder,
        comments: list[Comment],
        env: dict[str, Any],
    ) -> None:
        self.source = source
        self.lines = lines
        self.builder = builder
        self.comments = comments
        self.env = env
        self.floor = 0  # nothing is ever mapped before this source offset
        # Per content character of the token being added: its source span.
        self.cs = array("q")
        self.ce = array("q")
        self.content = ""
        self._state: StateInline | None = None
        # The walk over the children: cursor in the content, ends of the open links, and
        # whether to drop the next leading space (after "word <!-- c -->").
        self.pos = 0
        self.link_ends: list[int] = []
        self.eat_space = False
        self.after_br = False  # "a<br>" + line end is one line break, not two
        self.pieces: list[Piece] = []

    # ------------------------------------------------------------ content -> source
    def add(self, tok: Token, kind: str, cell_from: int | None = None, task: bool = False) -> int:
        """Add ``tok`` as one block of ``kind``; returns the source offset after its content.

        ``cell_from`` is where a table cell's search starts on its row; ``task`` says the token
        opens a list item, which may start with a task box.
        """
        assert tok.map is not None
        self.content = tok.content
        self._state = None
        self._locate(tok.map[0], tok.map[1], cell_from)
        self.pieces = []
        self._walk(tok.children or [], task)
        add_block(self.builder, self.pieces, kind)
        return self.ce[-1] if len(self.ce) else (cell_from or 0)

    def _locate(self, first: int, last: int, cell_from: int | None) -> None:
        """Fill ``cs``/``ce``: where each character of the content sits in the source."""
        src, lines = self.source, self.lines
        self.cs = cs = array("q")
        self.ce = ce = array("q")
        line = first
        low = cell_from if cell_from is not None else lines.start(first)
        low = max(low, self.floor)
        last = max(min(last, len(lines)), first + 1)
        for n, piece in enumerate(self.content.split("\n")):
            if n:  # the line break between two content lines
                eol = max(lines.end(line - 1), low)
                cs.append(eol)
                ce.append(max(lines.start(line), eol))
                low = max(low, lines.start(line))
            core = piece.lstrip(" \t")
            lead = len(piece) - len(core)
            at, found_line = -1, line
            for candidate in range(line, last):
                lo = max(low, lines.start(candidate))
                hi = lines.end(candidate)
                at = src.find(core, lo, hi) if cell_from is not None else src.rfind(core, lo, hi)
                if at >= 0:
                    found_line = candidate
                    break
            if at < 0:  # markdown-it changed the text (an escaped pipe in a cell...): align
                self._greedy(piece, low, lines.end(line))
                low = ce[-1] if len(ce) else low
                line += 1
                continue
            for _ in range(lead):  # indentation markdown-it made up from a tab
                cs.append(max(at - 1, low))
                ce.append(at)
            cs.extend(range(at, at + len(core)))
            ce.extend(range(at + 1, at + len(core) + 1))
            low = at + len(core)
            line = found_line + 1

    def _greedy(self, piece: str, low: int, high: int) -> None:
        src = self.source
        pos = low
        for ch in piece:
            at = src.find(ch, pos, high)
            if at < 0:
                self.cs.append(pos)
                self.ce.append(pos)
            else:
                self.cs.append(at)
                self.ce.append(at + 1)
                pos = at + 1

    # --------------------------------------------------------------------- emit
    def _text(self, a: int, b: int) -> None:
        """Add content[a:b] as prose, verbatim where the source spells it the same."""
        cs, ce, content, src = self.cs, self.ce, self.content, self.source
        if b > a and cs[a] >= self.floor and src[cs[a] : cs[a] + b - a] == content[a:b]:
            if cs[b - 1] == cs[a] + b - a - 1:  # the common case: one run, spelled the same
                self.floor = cs[a] + b - a
                self.pieces.append((content[a:b], cs[a], self.floor, True))
                return
        j = a
        while j < b:
            start = cs[j]
            k = j
            while (
                k < b
                and cs[k] == start + (k - j)
                and ce[k] == cs[k] + 1
                and src[cs[k]] == content[k]
            ):
                k += 1
            if k > j and start >= self.floor:
                self.floor = start + (k - j)
                self.pieces.append((src[start : self.floor], start, self.floor, True))
            else:
                k = max(k, j + 1)
                self._replace(content[j:k], cs[j], ce[k - 1])
            j = k

    def _replace(self, prose: str, start: int, end: int) -> None:
        start = max(start, self.floor)
        end = max(end, start)
        self.pieces.append((prose, start, end, False))
        self.floor = end

    def _object(self, a: int, b: int) -> None:
        if b > a:
            self._replace(OBJECT, self.cs[a], self.ce[b - 1])

    def _extent(self, pos: int) -> int:
        """End of the inline construct (link, image, code span, HTML) starting at ``pos``."""
        state = self._state
        if state is None:
            state = self._state = StateInline(self.content, markdown_parser(), self.env, [])
        state.pos = pos
        state.posMax = len(self.content)
        try:
            markdown_parser().inline.skipToken(state)
        except Exception:  # markdown-it internals on odd input: measure nothing
            return pos
        return max(state.pos, pos)

    # --------------------------------------------------------------------- walk
    def _walk(self, children: list[Token], task: bool) -> None:
        """Emit the children in order, moving ``pos`` over the content they came from."""
        self.pos = 0
        self.link_ends = []
        self.eat_space = False
        in_autolink = False
        for index, tok in enumerate(children):
            kind = tok.type
            if in_autolink:  # the URL inside <http://...>: already one OBJECT
                in_autolink = kind != "link_close"
                continue
            eat_space, self.eat_space = self.eat_space, False
            after_br, self.after_br = self.after_br, False
            if kind == "text":
                self._on_text(tok.content, eat_space, task and index == 0)
            elif kind == "text_special":  # an escape or an entity
                at = self._seek(tok.markup)
                if at >= 0 and tok.markup:
                    self.pos = at + len(tok.markup)
                    self._replace(tok.content, self.cs[at], self.ce[self.pos - 1])
            elif kind in ("softbreak", "hardbreak"):
                self._on_break(after_br)
            elif kind in _EMPHASIS:
                if self.content.startswith(tok.markup, self.pos):
                    self.pos += len(tok.markup)
            elif kind == "link_open":
                in_autolink = self._on_link_open(tok.markup)
            elif kind == "link_close":
                if self.link_ends:
                    self.pos = max(self.pos, self.link_ends.pop())
            elif kind in ("image", "code_inline"):
                if kind == "code_inline":
                    self.pos = max(self.pos, self._seek(tok.markup))
                end = self._extent(self.pos)
                self._object(self.pos, end)
                self.pos = end
            elif kind == "html_inline":
                self._on_html(tok.content)

    def _seek(self, text: str) -> int:
        """Where ``text`` is in the content: at the cursor, or else the next place (or -1)."""
        if self.content.startswith(text, self.pos):
            return self.pos
        return self.content.find(text, self.pos)

    def _on_text(self, text: str, eat_space: bool, first: bool) -> None:
        if first and text.startswith(_TASK_BOX) and self.content.startswith(text):
            self.pos, text = 4, text[4:]  # "- [x] done": the box is a widget, not prose
        if eat_space:
            kept = text.lstrip(" \t")
            self.pos += len(text) - len(kept)
            text = kept
        at = self._seek(text)
        if at >= 0:
            self._text(at, at + len(text))
            self.pos = at + len(text)

    def _on_break(self, after_br: bool) -> None:
        # The spaces before it, a backslash (hard break) and the next line's indent are markup.
        content, n = self.content, len(self.content)
        j = self.pos
        while j < n and content[j] in " \t\\":
            j += 1
        if j < n and content[j] == "\n":
            if not after_br:
                self._replace("\n", self.cs[j], self.ce[j])
            j += 1
            while j < n and content[j] in " \t":
                j += 1
            self.pos = j

    def _on_link_open(self, markup: str) -> bool:
        """Step into a link's text; an autolink becomes one OBJECT (returns True)."""
        if markup in ("autolink", "linkify"):
            end = self._extent(self.pos)
            self._object(self.pos, end)
            self.pos = end
            return True
        if self.content.startswith("[", self.pos):
            # Where the whole link ends: link_close skips "](url 'title')" or "][ref]".
            self.link_ends.append(self._extent(self.pos))
            self.pos += 1
        else:
            self.link_ends.append(self.pos)
        return False

    def _on_html(self, html: str) -> None:
        at = self._seek(html)
        if at < 0 or not html:
            return
        end = self.pos = at + len(html)
        if html.startswith("<!--"):
            body = html[4:-3] if html.endswith("-->") else html[4:]
            self.comments.append(Comment(self.cs[at], self.ce[end - 1], body.strip()))
            # "a <!-- x --> b" reads as "a b", not as a double space.
            self.eat_space = at > 0 and self.content[at - 1] in " \t"
        elif _BR.match(html):
            self._replace("\n", self.cs[at], self.ce[end - 1])
            self.after_br = True
        elif _IMG.match(html):
            self._object(at, end)
