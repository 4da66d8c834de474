"""The Document: a source file's decoded text and the prose inside it.

Every format (plain text, Markdown, HTML) turns its source into the same shape:

* ``text`` - the file's decoded text, untouched.  Every reported offset indexes it.
* ``prose`` - the prose only, one block after another, separated by a blank line.  Markup,
  code and comments are gone; inline code, images and autolinks become one OBJECT character
  (U+FFFC) so that the words around them stay apart.  Rules read ``prose``.
* a map from each prose character back to the source span it came from, so that a span
  found in ``prose`` becomes an exact span of ``text``.  For plain text the two are the same
  string and the map is the identity, which keeps the common case fast.

Keeping one prose string per document (rather than one per block) lets document-wide rules
(consistency, names) and window rules (sentences, n-grams) share a single tokenisation.
"""

from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass, field
from functools import cached_property

from draftlint.drafts.analysis import Analysis
from draftlint.drafts.spans import BLOCK_SEPARATOR, OBJECT, Block, Comment, Span

__all__ = ["BLOCK_SEPARATOR", "OBJECT", "Block", "Comment", "Document", "Span"]


@dataclass
class Document:
    path: str
    text: str
    format: str  # "text" | "markdown" | "html"
    prose: str
    blocks: tuple[Block, ...]
    comments: tuple[Comment, ...] = ()
    # Per prose character: its source start and source end.  None means identity.
    _src_start: array | None = field(default=None, repr=False)
    _src_end: array | None = field(default=None, repr=False)

    # ----------------------------------------------------------------- positions
    @cached_property
    def line_starts(self) -> list[int]:
        """Offsets at which each line of ``text`` starts (see :func:`line_starts`)."""
        return line_starts(self.text)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a source offset.

        A byte-order mark is not a column: editors do not show it, so on the first line of a
        file that starts with one, columns count from the character after it.  (Offsets still
        count it: they index the decoded text, BOM included.)
        """
        starts = self.line_starts
        line = bisect.bisect_right(starts, offset) - 1
        column = offset - starts[line] + 1
        if line == 0 and offset > 0 and self.text.startswith("\ufeff"):
            column -= 1
        return line + 1, column

    def to_source(self, span: Span | tuple[int, int]) -> Span:
        """Map a span of ``prose`` to the span of ``text`` it came from."""
        start, end = span
        if self._src_start is None:
            return Span(start, end)
        assert self._src_end is not None
        n = len(self.prose)
        if n == 0:
            return Span(0, 0)
        start = min(max(start, 0), n)
        end = min(max(end, start), n)
        if start == end:
            pos = self._src_start[start] if start < n else self._src_end[n - 1]
            return Span(pos, pos)
        return Span(self._src_start[start], self._src_end[end - 1])

    def to_prose(self, offset: int) -> int:
        """The prose index of the first prose character at or after a source offset."""
        if self._src_start is None:
            return offset
        return bisect.bisect_left(self._src_start, offset)

    # ------------------------------------------------------------------ analysis
    @cached_property
    def analysis(self) -> Analysis:
        """Tokens, sentences, paragraphs and quotations, computed once and shared by rules."""
        return Analysis(self.prose, self.blocks)

    @property
    def identity_mapped(self) -> bool:
        return self._src_start is None


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of ``text`` starts.

    A line ends at "\\n", at "\\r\\n" or at a lone "\\r", as editors (and LSP) count them.
    """
    starts = [0]
    i = 0
    n = len(text)
    while True:
        j = _next_line_break(text, i)
        if j < 0:
            break
        step = 2 if text.startswith("\r\n", j) else 1
        i = j + step
        starts.append(i)
        if i >= n:
            break
    return starts


def _next_line_break(text: str, start: int) -> int:
    n = text.find("\n", start)
    r = text.find("\r", start)
    if r < 0:
        return n
    if n < 0:
        return r
    return min(n, r)


class ProseBuilder:
    """Builds a Document's prose and its map back to the source, block by block.

    Formats call :meth:`verbatim` for source text that is prose as it stands,
    :meth:`replace` for prose that stands for a differently spelled source span (an HTML
    entity, a backslash escape, a placeholder for inline code), then :meth:`end_block`.
    A block that holds only white space is dropped.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self._starts = array("q")
        self._ends = array("q")
        self._blocks: list[Block] = []
        self._length = 0
        self._block_start = 0  # prose offset where the open block starts
        self._block_parts = 0  # index in _parts where the open block starts
        self._last_source_end = 0

    def verbatim(self, start: int, end: int) -> None:
        """Add ``source[start:end]`` as prose, character for character."""
        if end <= start:
            return
        self._parts.append(self.source[start:end])
        self._starts.extend(range(start, end))
        self._ends.extend(range(start + 1, end + 1))
        self._length += end - start
        self._last_source_end = end

    def replace(self, prose: str, start: int, end: int) -> None:
        """Add ``prose`` as standing for ``source[start:end]`` (each character maps to it all)."""
        if not prose:
            return
        self._parts.append(prose)
        self._starts.extend([start] * len(prose))
        self._ends.extend([end] * len(prose))
        self._length += len(prose)
        self._last_source_end = end

    @property
    def block_text(self) -> str:
        return "".join(self._parts[self._block_parts :])

    def end_block(self, kind: str) -> None:
        """Close the open block (dropped when blank) and start the next."""
        if not self.block_text.strip():
            self._drop_open_block()
            return
        self._blocks.append(Block(kind, self._block_start, self._length))
        # The separator maps to the end of this block in the source.
        pos = self._last_source_end
        self._parts.append(BLOCK_SEPARATOR)
        self._starts.extend([pos] * len(BLOCK_SEPARATOR))
        self._ends.extend([pos] * len(BLOCK_SEPARATOR))
        self._length += len(BLOCK_SEPARATOR)
        self._block_start = self._length
        self._block_parts = len(self._parts)

    def _drop_open_block(self) -> None:
        del self._parts[self._block_parts :]
        del self._starts[self._block_start :]
        del self._ends[self._block_start :]
        self._length = self._block_start

    def build(self, path: str, fmt: str, comments: tuple[Comment, ...] = ()) -> Document:
        self._drop_open_block()
        prose = "".join(self._parts)
        if prose.endswith(BLOCK_SEPARATOR):  # no separator after the last block
            cut = len(prose) - len(BLOCK_SEPARATOR)
            prose = prose[:cut]
            del self._starts[cut:]
            del self._ends[cut:]
        return Document(
            path=path,
            text=self.source,
            format=fmt,
            prose=prose,
            blocks=tuple(self._blocks),
            comments=comments,
            _src_start=self._starts,
            _src_end=self._ends,
        )
