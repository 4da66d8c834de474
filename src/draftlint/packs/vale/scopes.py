"""Vale's scopes over a Document: which stretches of text a pack rule runs on.

Vale names every block it lints with dotted sections: a Markdown paragraph is ``text.md``,
its sentences ``sentence.text.md``, an H2 ``text.heading.h2.md``, a list item ``text.list.md``,
the whole file ``raw.md`` and all the prose together ``summary.md``.  A rule's ``scope`` is a
list of selectors (``heading.h1``, ``~blockquote``, ``paragraph & ~heading``); a selector
matches a block when every one of its sections is among the block's.

The blocks come from ``document.blocks`` (prose coordinates), so every match maps back to its
exact place in the source with ``Document.to_source``.  Two refinements follow Vale:

* a sentence (or paragraph piece) is only offered to a selector that names ``sentence``
  (``paragraph``), so a ``text`` rule does not see the same words twice;
* plain text is one ``text`` block for the whole file, as Vale reads a .txt file.

Heading levels and table headers are not in ``Block.kind``; they are read from the source at
the block's position (``#`` marks or a Setext underline; ``<h2>``; a GFM delimiter row).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from draftlint.drafts.document import OBJECT, Document

_ATX = re.compile(r"[ \t]{0,3}(#{1,6})(?:[ \t]|$)")
_SETEXT = re.compile(r"[ \t]{0,3}(=+|-+)[ \t]*$")
_DELIMITER_ROW = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_HTML_OPEN = re.compile(r"<(h[1-6]|th|td|li|blockquote|caption|figcaption)\b", re.I)

#: Block kinds of the formats -> the sections Vale gives the same block.
KIND_SECTIONS: dict[str, tuple[str, ...]] = {
    "paragraph": ("text",),
    "heading": ("text", "heading"),
    "list-item": ("text", "list"),
    "blockquote": ("text", "blockquote"),
    "table-cell": ("text", "table", "cell"),
    "table-header": ("text", "table", "header"),
    "caption": ("text", "table", "caption"),
}


@dataclass(frozen=True)
class ValeBlock:
    start: int  # prose offsets, or source offsets when ``source``
    end: int
    sections: frozenset[str]
    #: "block", "sentence", "paragraph" (a piece of a text block), "raw" or "summary".
    role: str
    #: True for text read straight from the source: the whole file (raw), image alt text and
    #: front matter values, which are not in the prose.
    source: bool = False


@dataclass(frozen=True)
class Selector:
    parts: tuple[tuple[frozenset[str], bool], ...]  # (sections, negated), AND-ed

    @property
    def wants(self) -> frozenset[str]:
        """Sections named without negation."""
        out: set[str] = set()
        for sections, negated in self.parts:
            if not negated:
                out |= sections
        return frozenset(out)


def parse_scope(scopes: list[str]) -> tuple[Selector, ...]:
    selectors = []
    for scope in scopes:
        parts = []
        for part in scope.split("&"):
            part = part.strip()
            negated = part.startswith("~")
            names = frozenset(p.strip() for p in part.lstrip("~").split(".") if p.strip())
            parts.append((names, negated))
        selectors.append(Selector(tuple(parts)))
    return tuple(selectors)


def matches(selectors: tuple[Selector, ...], block: ValeBlock) -> bool:
    for selector in selectors:
        wants = selector.wants
        if block.role == "sentence" and "sentence" not in wants:
            continue
        if block.role == "paragraph" and "paragraph" not in wants:
            continue
        if _selector_matches(selector, block):
            return True
    return False


def _selector_matches(selector: Selector, block: ValeBlock) -> bool:
    for sections, negated in selector.parts:
        contained = sections <= block.sections
        if negated:
            if contained or block.role in ("raw", "summary"):
                return False
        elif not contained:
            return False
    return True


# ------------------------------------------------------------------------ building
_CACHE_ATTRIBUTE = "_vale_blocks"  # stored on the Document: it is built once per document


def blocks_of(document: Document) -> list[ValeBlock]:
    """The Vale blocks of a document, built once and kept on it."""
    cached = vars(document).get(_CACHE_ATTRIBUTE)
    if cached is None:
        cached = _build(document)
        vars(document)[_CACHE_ATTRIBUTE] = cached
    return cached


def _build(document: Document) -> list[ValeBlock]:
    ext = PurePath(document.path).suffix.lower().lstrip(".")
    extra = frozenset({ext}) if ext else frozenset()
    prose = document.prose
    out: list[ValeBlock] = []
    analysis = document.analysis
    if document.format == "text":
        sections = frozenset({"text"}) | extra
        out.append(ValeBlock(0, len(prose), sections, "block"))
        pos = 0
        for piece in re.split(r"(?<=\n\n)", prose):
            if piece:
                out.append(ValeBlock(pos, pos + len(piece), sections | {"paragraph"}, "paragraph"))
            pos += len(piece)
        for sentence in analysis.sentences:
            out.append(ValeBlock(sentence.start, sentence.end, sections | {"sentence"}, "sentence"))
    else:
        out.extend(_front_matter(document, extra))
        kinds: list[str] = []
        for block in document.blocks:
            sections = frozenset(_sections(document, block.kind, block.start, block.end)) | extra
            kinds.append(block.kind)
            out.append(ValeBlock(block.start, block.end, sections, "block"))
            if block.kind == "paragraph":
                out.append(ValeBlock(block.start, block.end, sections | {"paragraph"}, "paragraph"))
        # Vale splits only plain text blocks into sentences: headings, list items, quotes and
        # cells are linted whole (its fixtures show a heading is not a `sentence`).
        text_sections = frozenset({"text", "sentence"}) | extra
        for sentence in analysis.sentences:
            if sentence.paragraph < len(kinds) and kinds[sentence.paragraph] == "paragraph":
                out.append(ValeBlock(sentence.start, sentence.end, text_sections, "sentence"))
        out.extend(_alt_texts(document, extra))
    out.append(ValeBlock(0, len(document.text), frozenset({"raw"}) | extra, "raw", source=True))
    out.append(ValeBlock(0, len(prose), frozenset({"summary"}) | extra, "summary"))
    return out


# ----------------------------------------------------------- Vale's view of a block
def block_text(document: Document, block: ValeBlock) -> tuple[str, list[int] | None]:
    """The text Vale would lint for a block, and (when it differs) where each char came from.

    Vale masks inline code with one '*' per character of the code, where the prose holds a
    single OBJECT; counts (``occurrence``) and the first-word test of ``capitalization`` need
    the real length.  The map gives, per character of the returned text, its prose offset.
    """
    if block.source:
        return document.text[block.start : block.end], None
    text = document.prose[block.start : block.end]
    if document.format == "markdown" and ("://" in text or "www." in text):
        # goldmark's linkify makes a bare URL a link whose text is its address, and Vale
        # masks such a link: the rules do not see the URL's words.
        text = _BARE_URL.sub(lambda m: "*" * len(m.group()), text)
    if OBJECT not in text:
        return text, None
    parts: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        at = block.start + i
        if ch == OBJECT:
            masked = "*" * _code_length(document, at)
            parts.append(masked)
            where.extend([at] * len(masked))
        else:
            parts.append(ch)
            where.append(at)
    return "".join(parts), where


_BARE_URL = re.compile(r"(?:https?://|www\.)[^\s<>\ufffc]*[^\s<>\ufffc.,;:!?'\")\]]")


def _code_length(document: Document, at: int) -> int:
    """How many characters Vale sees for the inline object at prose offset ``at``."""
    src = document.to_source((at, at + 1))
    raw = document.text[src.start : src.end]
    if raw.startswith("`"):
        ticks = len(raw) - len(raw.lstrip("`"))
        inner = raw[ticks:-ticks] if len(raw) > 2 * ticks else ""
        if inner.startswith(" ") and inner.endswith(" ") and inner.strip():
            inner = inner[1:-1]
        return len(inner)
    if raw.startswith("<") and raw.endswith(">") and "://" in raw:  # an autolink: its URL
        return len(raw) - 2
    return 0  # an image: Vale lints its alt text apart (text.attr.alt)


_MD_IMAGE = re.compile(r"!\[((?:[^\]\\]|\\.)*)\]")
_HTML_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


def _alt_texts(document: Document, extra: frozenset[str]) -> list[ValeBlock]:
    """Image alt texts, which Vale lints as ``text.attr.alt`` blocks (source offsets).

    An image alone in its paragraph leaves nothing in the prose, so the images are found in
    the source: with markdown-it for Markdown (so that code is not mistaken for an image),
    with a tag search for HTML.
    """
    text = document.text
    sections = frozenset({"text", "attr", "alt"}) | extra
    spans: list[tuple[int, int]] = []
    if document.format == "markdown" and "![" in text:
        spans = _markdown_alts(text)
    elif document.format == "html" and "<img" in text.lower():
        for tag in re.finditer(r"<img\b[^>]*>", text, re.I):
            alt = _HTML_ALT.search(tag.group())
            if alt is not None:
                group = 1 if alt.group(1) is not None else 2
                spans.append((tag.start() + alt.start(group), tag.start() + alt.end(group)))
    return [ValeBlock(a, b, sections, "block", source=True) for a, b in spans if b > a]


def _markdown_alts(text: str) -> list[tuple[int, int]]:
    from markdown_it import MarkdownIt  # noqa: PLC0415 - only documents with images

    starts = [0] + [m.end() for m in re.finditer(r"\r\n?|\n", text)]
    spans = []
    for token in MarkdownIt("commonmark").enable("table").parse(text):
        if token.type != "inline" or not token.map or not token.children:
            continue
        low = starts[token.map[0]]
        high = starts[token.map[1]] if token.map[1] < len(starts) else len(text)
        for child in token.children:
            if child.type != "image" or not child.content:
                continue
            found = text.find("![" + child.content, low, high)
            if found >= 0:
                spans.append((found + 2, found + 2 + len(child.content)))
                low = found + 2 + len(child.content)
    return spans


_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*):[ \t]*(.*)$")


def _front_matter(document: Document, extra: frozenset[str]) -> list[ValeBlock]:
    """YAML front matter values, which Vale lints as ``text.frontmatter.<key>``."""
    text = document.text
    if document.format != "markdown" or not text.lstrip("\ufeff").startswith("---"):
        return []
    first = text.find("\n") + 1
    close = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[first:], re.M)
    if not first or close is None:
        return []
    out: list[ValeBlock] = []
    key: str | None = None
    pos = first
    for line in text[first : first + close.start()].splitlines(keepends=True):
        content = line.rstrip("\r\n")
        m = _FRONT_KEY.match(content)
        if m is not None:
            key, value = m.group(1), m.group(2)
            start = pos + m.start(2)
            if value[:1] in "\"'" and value[-1:] == value[:1] and len(value) > 1:
                start, value = start + 1, value[1:-1]
            if value and value[:1] not in "|>[{&*" and not value.startswith("#"):
                out.append(
                    ValeBlock(
                        start,
                        start + len(value),
                        frozenset({"text", "frontmatter", key}) | extra,
                        "block",
                        source=True,
                    )
                )
        elif key is not None and content.startswith((" ", "\t")) and content.strip():
            # a line of a block scalar (description: |)
            lead = len(content) - len(content.lstrip())
            if not content.lstrip().startswith("- "):
                out.append(
                    ValeBlock(
                        pos + lead,
                        pos + len(content),
                        frozenset({"text", "frontmatter", key}) | extra,
                        "block",
                        source=True,
                    )
                )
        pos += len(line)
    return out


def _sections(document: Document, kind: str, start: int, end: int) -> tuple[str, ...]:
    base = KIND_SECTIONS.get(kind, ("text",))
    if kind == "heading":
        level = heading_level(document, start, end)
        return (*base, f"h{level}") if level else base
    if kind == "table-cell" and _is_header_cell(document, start):
        return KIND_SECTIONS["table-header"]
    return base


def heading_level(document: Document, start: int, end: int) -> int | None:
    """1-6 from the source: ATX marks, a Setext underline or the HTML tag."""
    text = document.text
    src = document.to_source((start, end))
    if document.format == "html":
        opened = list(_HTML_OPEN.finditer(text, 0, src.start))
        for m in reversed(opened):
            if m.group(1).lower().startswith("h"):
                return int(m.group(1)[1])
        return None
    line_start = text.rfind("\n", 0, src.start) + 1
    line_end = _line_end(text, src.start)
    atx = _ATX.match(text, line_start, line_end)
    if atx is not None:
        return len(atx.group(1))
    after = _line_end(text, max(src.end - 1, src.start))
    next_start = after + 1
    if text.startswith("\r\n", after):
        next_start = after + 2
    underline = _SETEXT.match(text[next_start : _line_end(text, next_start)])
    if underline is not None:
        return 1 if underline.group(1).startswith("=") else 2
    return None


def _is_header_cell(document: Document, start: int) -> bool:
    text = document.text
    src = document.to_source((start, start + 1)).start
    if document.format == "html":
        opened = [m.group(1).lower() for m in _HTML_OPEN.finditer(text, 0, src)]
        cells = [t for t in opened if t in ("th", "td")]
        return bool(cells) and cells[-1] == "th"
    end = _line_end(text, src)
    following = end + (2 if text.startswith("\r\n", end) else 1)
    return bool(_DELIMITER_ROW.match(text[following : _line_end(text, following)]))


def _line_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find("\n", pos), text.find("\r", pos)) if i >= 0]
    return min(ends) if ends else len(text)
