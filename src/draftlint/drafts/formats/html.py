"""HTML: text nodes -> Document, with the stdlib ``html.parser`` (no extra dependency).

Prose blocks and their kinds (the innermost element that names one decides, as in Markdown):

* ``heading`` (h1-h6), ``list-item`` (li, dt, dd), ``blockquote``, ``table-cell`` (td, th),
  ``caption`` (caption, figcaption), ``title`` (the document's <title>);
* ``paragraph`` - anything else, e.g. text in <p>, <div> or <section>.

Any block-level start or end tag closes the open block; inline elements (a, em, span ...)
do not.  Not prose: attributes, comments, doctype, and the content of script, style,
template, noscript, textarea and pre.  Inline code (code, kbd, samp), images, media, svg and
math become one OBJECT character, like Markdown's inline code and images, so the words
around them stay apart; <br> is a "\\n".  Character references become the character they
stand for, mapped to the whole reference (``&nbsp;`` is a real U+00A0 in the prose).

White space: a run of white space holding a line break is layout (source indentation), so it
becomes one "\\n" mapped to the line break (none right after a <br>); other runs (double
spaces typed inside a line) are kept verbatim for the spacing rules; white space at the edges
of a block is dropped, and so is a block of nothing but OBJECTs.  After "word <!-- c -->" the
next leading space is dropped, so a comment does not leave a double space behind.

Offsets: the parser runs with ``convert_charrefs=False`` so each data chunk is the source
text itself, and every event's ``getpos()`` (line counted by "\\n" only, column in
characters) is turned into an offset of the text as given, CRLF included.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from draftlint.drafts.document import OBJECT, Comment, Document, ProseBuilder
from draftlint.drafts.formats.blocks import Piece, add_block

#: Elements whose start and end close the open block.
BLOCKS = frozenset(
    "address article aside blockquote body caption dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html legend li "
    "main nav ol p pre section summary table tbody td tfoot th thead title tr ul".split()
)
#: Elements whose content is never prose and leaves no trace.
SKIPPED = frozenset("script style template noscript textarea pre".split())
#: Elements that stand in the prose as one OBJECT character, content and all.
OBJECTS = frozenset("code kbd samp svg math video audio iframe object canvas".split())
#: Void elements that stand in the prose as one OBJECT character.
VOID_OBJECTS = frozenset("img input embed".split())
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_KINDS = {
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), "heading"),
    **dict.fromkeys(("li", "dt", "dd"), "list-item"),
    **dict.fromkeys(("td", "th"), "table-cell"),
    **dict.fromkeys(("caption", "figcaption"), "caption"),
    "blockquote": "blockquote",
    "title": "title",
}
_LAYOUT = " \t\r\n\f"
_BROKEN_SPACE = re.compile(r"[ \t\f]*(\r\n|\r|\n)[ \t\r\n\f]*")


def parse(path: str, text: str) -> Document:
    parser = _Parser(text)
    try:
        parser.feed(text)
        parser.close()
    except Exception:  # html.parser on odd input: keep what was read so far
        pass
    parser.flush()
    return parser.builder.build(path, "html", tuple(parser.comments))


class _Parser(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.builder = ProseBuilder(text)
        self.comments: list[Comment] = []
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._open: list[str] = []  # open block elements, for the block kind
        self._skip: list[str] = []
        self._object: list[str] = []
        self._object_start = 0
        self._pieces: list[Piece] = []
        self._eat_space = False  # after "word <!-- c -->", drop the next leading space

    # ------------------------------------------------------------------ positions
    def _here(self) -> int:
        line, column = self.getpos()
        starts = self._line_starts
        return min(starts[min(line, len(starts)) - 1] + column, len(self.text))

    # --------------------------------------------------------------------- events
    def handle_starttag(self, tag: str, attrs: object) -> None:
        start = self._here()
        self._start(tag, start, start + len(self.get_starttag_text() or ""))

    def handle_startendtag(self, tag: str, attrs: object) -> None:
        start = self._here()
        end = start + len(self.get_starttag_text() or "")
        self._start(tag, start, end)
        if tag not in VOID:
            self._end(tag, start, end)

    def handle_endtag(self, tag: str) -> None:
        start = self._here()
        end = self.text.find(">", start) + 1 or len(self.text)
        self._end(tag, start, end)

    def handle_data(self, data: str) -> None:
        if self._skip or self._object:
            return
        start = self._here()
        if not self.text.startswith(data, start):  # never seen; never copy the wrong text
            start = self.text.find(data, start)
            if start < 0:
                return
        if start == 0 and data.startswith("\ufeff"):
            data, start = data[1:], 1
        if self._eat_space:
            kept = data.lstrip(_LAYOUT)
            start, data = start + len(data) - len(kept), kept
        pos = start
        for m in _BROKEN_SPACE.finditer(self.text, start, start + len(data)):
            self._add(self.text[pos : m.start()], pos, m.start(), True)
            if m.start() > pos or not self._pieces or self._pieces[-1][0] != "\n":
                self._add("\n", m.start(1), m.end(1), False)  # not after a <br>
            pos = m.end()
        self._add(self.text[pos : start + len(data)], pos, start + len(data), True)

    def handle_entityref(self, name: str) -> None:
        self._reference(1 + len(name))

    def handle_charref(self, name: str) -> None:
        self._reference(2 + len(name))

    def handle_comment(self, data: str) -> None:
        start = self._here()
        if not self.text.startswith("<!--", start):
            return  # a bogus comment such as "</3>" or "<!x>": nothing to read in it
        after = start + 4 + len(data)
        if self.text.startswith("-->", after):
            end = after + 3
        else:
            end = self.text.find(">", after) + 1 or len(self.text)
        self.comments.append(Comment(start, end, data.strip()))
        # "a <!-- x --> b" reads as "a b", not as a double space.
        self._eat_space = bool(self._pieces) and self._pieces[-1][0][-1:] in (" ", "\t")

    # ------------------------------------------------------------------- elements
    def _start(self, tag: str, start: int, end: int) -> None:
        self._eat_space = False
        if self._skip:
            if tag in SKIPPED:
                self._skip.append(tag)
            return
        if self._object:
            if tag not in BLOCKS:
                if tag in OBJECTS:
                    self._object.append(tag)
                return
            self._close_object(start)
        if tag in BLOCKS:
            self.flush()
            if tag not in VOID:
                self._open.append(tag)
        if tag in SKIPPED:
            self._skip.append(tag)
        elif tag in OBJECTS:
            self._object.append(tag)
            self._object_start = start
        elif tag == "br":
            self._add("\n", start, end, False)
        elif tag in VOID_OBJECTS:
            self._add(OBJECT, start, end, False)

    def _end(self, tag: str, start: int, end: int) -> None:
        self._eat_space = False
        if self._skip:
            if tag not in self._skip:
                return
            del self._skip[_last_index(self._skip, tag) :]
            if self._skip or tag not in BLOCKS:
                return
        elif self._object:
            if tag in self._object:
                del self._object[_last_index(self._object, tag) :]
                if not self._object:
                    self._add(OBJECT, self._object_start, end, False)
                return
            if tag not in BLOCKS:
                return
            self._close_object(start)
        if tag in BLOCKS:
            self.flush()
            if tag in self._open:
                del self._open[_last_index(self._open, tag) :]

    def _close_object(self, end: int) -> None:
        """A block boundary inside <code> (unclosed, or bad nesting) ends the object."""
        self._object.clear()
        self._add(OBJECT, self._object_start, max(end, self._object_start), False)

    def _reference(self, length: int) -> None:
        if self._skip or self._object:
            return
        start = self._here()
        end = start + length
        if self.text.startswith(";", end):
            end += 1
        raw = self.text[start:end]
        self._eat_space = False
        if not raw.startswith("&"):
            return
        decoded = html.unescape(raw)
        # "&ampfoo;" is "&" + "foo;": only the legacy "&amp" prefix is a reference.
        same = 0
        while same < min(len(raw), len(decoded)) - 1 and raw[-1 - same] == decoded[-1 - same]:
            same += 1
        cut = end - same
        self._add(decoded[: len(decoded) - same], start, cut, decoded == raw)
        self._add(raw[len(raw) - same :], cut, end, True)

    # ---------------------------------------------------------------------- prose
    def _add(self, prose: str, start: int, end: int, verbatim: bool) -> None:
        if prose:
            self._eat_space = False
            self._pieces.append((prose, start, end, verbatim))

    def flush(self) -> None:
        """Close the open block."""
        pieces, self._pieces = self._pieces, []
        kind = next((_KINDS[t] for t in reversed(self._open) if t in _KINDS), "paragraph")
        add_block(self.builder, pieces, kind)


def _last_index(items: list[str], item: str) -> int:
    return len(items) - 1 - items[::-1].index(item)
