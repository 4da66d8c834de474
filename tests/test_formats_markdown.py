"""Markdown source format: what is prose, and exact offsets back into the original file."""

from __future__ import annotations

from pathlib import Path

import pytest
from format_checks import assert_exact, assert_map_sane, position, source_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from draftlint.drafts.document import BLOCK_SEPARATOR, OBJECT, Document
from draftlint.drafts.formats import markdown
from draftlint.drafts.formats import parse as parse_any

FIXTURE = Path(__file__).parent / "fixtures" / "formats" / "article.md"


def read_fixture(newline: str = "\n") -> str:
    return FIXTURE.read_text("utf-8").replace("\n", newline)


def parse(text: str) -> Document:
    return markdown.parse("draft.md", text)


# ------------------------------------------------------------------------ the fixture
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_every_word_maps_back_exactly(newline: str) -> None:
    doc = parse(read_fixture(newline))
    assert assert_exact(doc) > 120
    assert_map_sane(doc)


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize(
    ("needle", "nth", "line", "column"),
    [
        ("Zoë", 0, 8, 23),  # non-ASCII
        ("Brontë", 0, 8, 27),
        ("Institute", 0, 9, 47),  # link text
        ("Tuesday", 0, 14, 53),  # blockquote
        ("Nested", 0, 17, 5),  # nested blockquote
        ("thresholds", 0, 24, 17),  # nested ordered list
        ("and the note", 0, 26, 6),  # list continuation line
        ("slash", 0, 31, 94),  # after an escaped backslash
        ("cut", 1, 46, 16),  # table cell after an escaped pipe
        ("here", 0, 49, 27),  # after a tab
        ("before", 0, 49, 47),  # after an emoji
        ("soft", 0, 51, 7),  # after a backslash hard break
    ],
)
def test_positions(newline: str, needle: str, nth: int, line: int, column: int) -> None:
    doc = parse(read_fixture(newline))
    assert position(doc, needle, nth) == (line, column)
    assert source_of(doc, needle, nth) == needle


def test_what_is_not_prose() -> None:
    doc = parse(read_fixture())
    for absent in [
        "frontmattertag",  # front matter
        "title:",
        "example.org",  # URLs: link, autolink, reference definition
        "linktitle",  # link title
        "Reftitle",  # reference definition title
        "tbl",  # reference label
        "secretcode",  # inline code
        "chartalt",  # image alt text
        "img/chart",
        "fencedcode",  # fenced code
        "indentedcode",  # indented code
        "htmlblockprose",  # HTML block
        "aside",
        "inline note",  # comments
        "draftlint-disable",
        "**",  # markup
        "#",
        "](",
        "[ ]",  # task box
        "[x]",
        "---",
    ]:
        assert absent not in doc.prose, absent


def test_block_kinds() -> None:
    doc = parse(read_fixture())
    first_words = [(b.kind, doc.prose[b.start : b.end].split()[0]) for b in doc.blocks]
    assert first_words == [
        ("heading", "Budget"),
        ("paragraph", "The"),
        ("blockquote", "The"),
        ("blockquote", "Nested"),
        ("heading", "Key"),
        ("list-item", "Spending"),
        ("list-item", "Taxes:"),
        ("list-item", "income"),
        ("list-item", "fuel"),
        ("list-item", "check"),
        ("list-item", "call"),
        ("paragraph", "Run"),
        ("table-cell", "Measure"),
        ("table-cell", "Cost"),
        ("table-cell", "Fuel"),
        ("table-cell", "£1bn"),
        ("table-cell", "Income"),
        ("table-cell", "£2bn"),
        ("paragraph", "Last"),
    ]
    for block in doc.blocks:
        assert doc.prose[block.start : block.end].strip() == doc.prose[block.start : block.end]
        assert BLOCK_SEPARATOR not in doc.prose[block.start : block.end]


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_comments_are_collected(newline: str) -> None:
    doc = parse(read_fixture(newline))
    assert [c.body for c in doc.comments] == ["draftlint-disable SP101", "inline note"]
    for comment in doc.comments:
        raw = doc.text[comment.start : comment.end]
        assert raw.startswith("<!--") and raw.endswith("-->")
    assert doc.line_col(doc.comments[0].start) == (12, 1)
    assert doc.line_col(doc.comments[1].start) == (49, 62)


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_inline_objects_escapes_and_entities(newline: str) -> None:
    doc = parse(read_fixture(newline))
    assert "Run \ufffc to rebuild the charts, then open \ufffc in the viewer." in doc.prose
    assert source_of(doc, OBJECT, 0) == "`make secretcode`"
    assert source_of(doc, OBJECT, 1) == '![chartalt](img/chart.png "Figure 1")'
    assert source_of(doc, OBJECT, 2) == "<https://example.org/rawdata>"
    assert "escaped *asterisks* and back\\slash" in doc.prose
    assert source_of(doc, "*") == "\\*"
    assert source_of(doc, "\\") == "\\\\"
    assert source_of(doc, "\u201csenior") == "&ldquo;senior"
    assert source_of(doc, "\u00a0per") == "&nbsp;per"
    assert source_of(doc, "2\u00a0per cent.") == "2&nbsp;per cent."


def test_links_keep_their_text_only() -> None:
    doc = parse(read_fixture())
    assert "Analysts at the Institute\nexpect" in doc.prose
    assert "see the table\nand the note below" in doc.prose
    assert source_of(doc, "the table") == "the table"
    text = "[one](</a b> \"t (1)\") [two](u 'x') [three][r] [four][] [r] [no ref] [](e)\n\n"
    doc = parse(text + "[r]: /u\n[four]: </f> 'Four'\n")
    assert doc.prose == "one two three four r [no ref]"
    assert_exact(doc)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_line_breaks_keep_the_line_structure(newline: str) -> None:
    text = newline.join(["A first line   ", "   indented second  ", "third\\", "fourth", ""])
    doc = parse(text)
    assert doc.prose == "A first line\nindented second\nthird\nfourth"
    for i, ch in enumerate(doc.prose):
        if ch == "\n":
            span = doc.to_source((i, i + 1))
            assert doc.text[span.start : span.end] == newline
    assert position(doc, "fourth") == (4, 1)


def test_headings() -> None:
    doc = parse("# Title *one* #\n\nSetext  two\nlines\n===\n\n## Closing ###   \n")
    assert doc.prose == "Title one\n\nSetext  two\nlines\n\nClosing"
    assert [b.kind for b in doc.blocks] == ["heading"] * 3
    assert position(doc, "Closing") == (7, 4)
    assert position(doc, "lines") == (4, 1)


def test_nested_containers() -> None:
    text = (
        "> - quoted item\n>   > quote in item\n>   lazy line\n\n"
        "1. outer\n   - inner\n\n     loose\n"
    )
    doc = parse(text)
    kinds = [(b.kind, doc.prose[b.start : b.end]) for b in doc.blocks]
    assert kinds == [
        ("list-item", "quoted item"),
        ("blockquote", "quote in item\nlazy line"),
        ("list-item", "outer"),
        ("list-item", "inner"),
        ("list-item", "loose"),
    ]
    assert_exact(doc)
    assert position(doc, "lazy") == (3, 5)
    assert position(doc, "loose") == (8, 6)


def test_tabs_nbsp_and_wide_characters() -> None:
    text = ">\tquoted\ttab\n-\titem with\u00a0nbsp 😀 émoji’s\n\tcontinued\n"
    doc = parse(text)
    assert doc.prose == "quoted\ttab\n\nitem with\u00a0nbsp 😀 émoji’s\ncontinued"
    assert assert_exact(doc) == 8
    assert source_of(doc, "\t") == "\t"
    assert position(doc, "émoji’s") == (2, 20)
    assert position(doc, "continued") == (3, 2)


def test_front_matter_yaml_and_toml() -> None:
    for text in [
        "---\ntitle: Secret\n---\nBody text.\n",
        "---\r\ntitle: Secret\r\n...\r\nBody text.\r\n",
        "+++\ntitle = 'Secret'\n+++\n\nBody text.\n",
        "\ufeff---\ntitle: Secret\n---\nBody text.\n",
    ]:
        doc = parse(text)
        assert doc.prose == "Body text.", text
        assert source_of(doc, "Body") == "Body"
    # Only at the very top and only when closed.
    assert "Secret" in parse("Intro\n\n---\ntitle: Secret\n---\n").prose
    assert parse("---\nnot closed\n").prose == "not closed"
    assert parse("---\ntitle: x\n---").prose == ""


def test_byte_order_mark_is_not_prose() -> None:
    doc = parse("\ufeff# Title\n\nText.\n")
    assert doc.prose == "Title\n\nText."
    assert doc.blocks[0].kind == "heading"
    assert position(doc, "Title") == (1, 3)  # the BOM is no column


def test_code_and_html_blocks_are_not_prose() -> None:
    text = (
        "Before.\n\n~~~\ncode one\n~~~\n\n    code two\n\n<table><tr><td>\ncell html\n"
        "</td></tr></table>\n\n<!--\nmulti-line draftlint-disable\n-->\nAfter.\n"
    )
    doc = parse(text)
    assert doc.prose == "Before.\n\nAfter."
    assert [c.body for c in doc.comments] == ["multi-line draftlint-disable"]
    assert position(doc, "After") == (16, 1)


def test_inline_html() -> None:
    doc = parse("Some <b>bold</b> text <!-- note --> and<br>a break, an <img src=x> image.\n")
    assert doc.prose == "Some bold text and\na break, an \ufffc image."
    assert source_of(doc, "\n") == "<br>"
    assert source_of(doc, OBJECT) == "<img src=x>"
    assert [c.body for c in doc.comments] == ["note"]


def test_code_spans_with_backtick_runs() -> None:
    doc = parse("> Use ``a ` b`` or `x\n> y` and\n> `q` end\n")
    assert doc.prose == "Use \ufffc or \ufffc and\n\ufffc end"
    assert source_of(doc, OBJECT) == "``a ` b``"
    assert source_of(doc, OBJECT, 1) == "`x\n> y`"
    assert source_of(doc, OBJECT, 2) == "`q`"


def test_images_with_brackets_and_links_around_them() -> None:
    doc = parse('See ![a [b] c](i.png "t") and [![x](y.png)](z) here.\n')
    assert doc.prose == "See \ufffc and \ufffc here."
    assert source_of(doc, OBJECT) == '![a [b] c](i.png "t")'


def test_objects_alone_make_no_block() -> None:
    doc = parse("![figure](f.png)\n\n`code()`\n\n| `a` | b |\n|---|---|\n")
    assert doc.prose == "b"
    assert [b.kind for b in doc.blocks] == ["table-cell"]


def test_table_cells() -> None:
    doc = parse("> | a | b \\| c |  d  |\n> |:-|-:|---|\n> | x |  | `y` z |\n")
    cells = [doc.prose[b.start : b.end] for b in doc.blocks]
    assert cells == ["a", "b | c", "d", "x", "\ufffc z"]
    assert position(doc, "c") == (1, 14)
    assert position(doc, "z") == (3, 16)
    assert source_of(doc, "|") == "|"


def test_strikethrough_and_emphasis_markers_dropped() -> None:
    doc = parse("A ~~struck~~ and __strong__ and _em_ and a * star.\n")
    assert doc.prose == "A struck and strong and em and a * star."
    assert position(doc, "star") == (1, 46)


def test_empty_and_blank() -> None:
    assert parse("").prose == ""
    assert parse("\n\n  \n").blocks == ()


def test_dispatch_by_suffix() -> None:
    assert parse_any("notes.md", "*Hi*").prose == "Hi"
    assert parse_any("notes.markdown", "*Hi*").format == "markdown"


# ------------------------------------------------------------------------------- fuzz
_PIECES = st.sampled_from(
    [*"ab é’😀\t\r\n\\*_`[]()<>!#-=|&;:/\"'~+.1\u00a0\x00"]
    + ["&amp;", "&#8217;", "<!--", "-->", "```", "    ", "\r\n", "](", "http://x.y", "<br>"]
    + ["---\n", "+++\n", "- ", "> ", "1. ", "| a |", "|---|", "[x]: /u\n", "[x]", "[ ] "]
)
_TEXTS = st.one_of(st.lists(_PIECES, max_size=40).map("".join), st.text(max_size=40))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_fuzz_never_raises_and_maps_in_bounds(text: str) -> None:
    doc = parse(text)
    assert_map_sane(doc)
