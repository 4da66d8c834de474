"""HTML source format: text nodes as prose, exact offsets back into the original file."""

from __future__ import annotations

from pathlib import Path

import pytest
from format_checks import assert_exact, assert_map_sane, position, source_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from draftlint.drafts.document import BLOCK_SEPARATOR, OBJECT, Document
from draftlint.drafts.formats import html
from draftlint.drafts.formats import parse as parse_any

FIXTURE = Path(__file__).parent / "fixtures" / "formats" / "article.html"


def read_fixture(newline: str = "\n") -> str:
    return FIXTURE.read_text("utf-8").replace("\n", newline)


def parse(text: str) -> Document:
    return html.parse("draft.html", text)


# ------------------------------------------------------------------------ the fixture
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_every_word_maps_back_exactly(newline: str) -> None:
    doc = parse(read_fixture(newline))
    assert assert_exact(doc) > 100
    assert_map_sane(doc)


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize(
    ("needle", "line", "column"),
    [
        ("changed", 5, 34),  # <title>, after an entity
        ("Zoë", 13, 27),  # non-ASCII, indented paragraph
        ("Institute", 14, 108),  # link text
        ("Tuesday", 17, 81),  # blockquote > p
        ("thresholds", 21, 26),  # nested list
        ("A new line", 25, 3),  # after <br>
        ("there", 25, 64),  # after a numeric reference
        ("Costs", 28, 14),  # caption
        ("Figure", 32, 40),  # figcaption
        ("\there", 33, 31),  # a tab
        ("before", 33, 52),  # after an emoji
    ],
)
def test_positions(newline: str, needle: str, line: int, column: int) -> None:
    doc = parse(read_fixture(newline))
    assert position(doc, needle) == (line, column)
    assert source_of(doc, needle) == needle


def test_what_is_not_prose() -> None:
    doc = parse(read_fixture())
    for absent in [
        "secretstyle",  # <style>
        "secretscript",  # <script>
        "not prose",
        "secretcode",  # <code>
        "secretalt",  # attributes
        "example.org",
        "IFS",
        "headline",
        "utf-8",
        "secretpre",  # <pre>
        "secrettemplate",  # <template>
        "secretnoscript",  # <noscript>
        "inline note",  # comments
        "draftlint-disable",
        "DOCTYPE",
        "<",
        ">",
    ]:
        assert absent not in doc.prose, absent
    # Every reference is decoded: the one "&" left is the <title>'s "&amp;".
    assert doc.prose.count("&") == 1
    assert source_of(doc, "&") == "&amp;"


def test_block_kinds() -> None:
    doc = parse(read_fixture())
    first_words = [(b.kind, doc.prose[b.start : b.end].split()[0]) for b in doc.blocks]
    assert first_words == [
        ("title", "Budget"),
        ("heading", "Budget"),
        ("paragraph", "The"),
        ("blockquote", "The"),
        ("list-item", "Spending"),
        ("list-item", "Taxes:"),
        ("list-item", "income"),
        ("list-item", "fuel"),
        ("paragraph", "Run"),
        ("caption", "Costs"),
        ("table-cell", "Measure"),
        ("table-cell", "Cost"),
        ("table-cell", "Fuel"),
        ("table-cell", "£1bn"),
        ("caption", "Figure"),  # the <img> before it is an OBJECT alone: no block
        ("paragraph", "Last"),
    ]
    for block in doc.blocks:
        text = doc.prose[block.start : block.end]
        assert text.strip() == text
        assert BLOCK_SEPARATOR not in text


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_comments_are_collected(newline: str) -> None:
    doc = parse(read_fixture(newline))
    assert [c.body for c in doc.comments] == ["draftlint-disable SP101", "inline note"]
    for comment in doc.comments:
        raw = doc.text[comment.start : comment.end]
        assert raw.startswith("<!--") and raw.endswith("-->")
    assert doc.line_col(doc.comments[0].start) == (11, 3)
    assert doc.line_col(doc.comments[1].start) == (33, 67)


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_references_objects_and_breaks(newline: str) -> None:
    doc = parse(read_fixture(newline))
    assert "“done” — but" in doc.prose
    assert source_of(doc, "“done”") == "&ldquo;done&rdquo;"
    assert source_of(doc, "—") == "&mdash;"
    assert source_of(doc, "£3bn\u00a0next") == "&pound;3bn&nbsp;next"
    assert source_of(doc, "’s here") == "&#8217;s here"
    assert source_of(doc, "’s there") == "&#x2019;s there"
    assert "Run \ufffc to rebuild the charts, then open \ufffc in the viewer.\nA new" in doc.prose
    assert source_of(doc, OBJECT) == "<code>make secretcode</code>"
    assert source_of(doc, OBJECT, 1) == '<img src="img/chart.png" alt="secretalt">'
    assert source_of(doc, "viewer.\n") == "viewer.<br>"
    # Layout inside a paragraph: a line break and its indentation become one "\n".
    assert "said the deal was “done” — but the\nnumbers tell" in doc.prose
    assert source_of(doc, "the\nnumbers") == f"the{newline}    numbers"
    index = doc.prose.index("the\nnumbers") + 3
    assert source_of(doc, "\n", doc.prose.count("\n", 0, index)) == newline


# ----------------------------------------------------------------------- small cases
def test_white_space() -> None:
    doc = parse("<p>\n   A  double\tand\u00a0nbsp,\n   next   line.  \n</p>\n\n<p>  </p>")
    assert doc.prose == "A  double\tand\u00a0nbsp,\nnext   line."
    assert [b.kind for b in doc.blocks] == ["paragraph"]
    assert position(doc, "next") == (3, 4)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_line_ends(newline: str) -> None:
    text = newline.join(["<ul>", "  <li>one", "  two</li>", "  <li>three</li>", "</ul>", ""])
    doc = parse(text)
    assert doc.prose == "one\ntwo\n\nthree"
    assert source_of(doc, "\n") == newline
    assert position(doc, "three") == (4, 7)
    assert position(doc, "two") == (3, 3)


def test_character_references() -> None:
    text = "<p>A &amp B &copy; &#169; &#xA9; &nosuch; &ampfoo; &#; AT&T &#8217;</p>"
    doc = parse(text)
    assert doc.prose == "A & B © © © &nosuch; &foo; &#; AT&T ’"
    assert assert_exact(doc) == 6
    assert source_of(doc, "&", 0) == "&amp"
    assert source_of(doc, "©", 1) == "&#169;"
    assert source_of(doc, "&foo;") == "&ampfoo;"
    assert source_of(doc, "&nosuch;") == "&nosuch;"
    assert_map_sane(doc)


def test_breaks() -> None:
    doc = parse("<p>a<br>\n   b<br/><br>c<wbr>d</p>")
    assert doc.prose == "a\nb\n\ncd"
    assert source_of(doc, "\n") == "<br>"
    assert source_of(doc, "\n", 1) == "<br/>"


def test_blocks_and_inline_elements() -> None:
    doc = parse(
        "<div>Loose <span>text</span> here<p>para <b>bold</b></p>tail</div>"
        "<ul><li>one<li>two</ul><dl><dt>term<dd>meaning</dl>"
        "<h2>Title <small>sub</small></h2><P CLASS=x>Upper</P>"
    )
    assert [(b.kind, doc.prose[b.start : b.end]) for b in doc.blocks] == [
        ("paragraph", "Loose text here"),
        ("paragraph", "para bold"),
        ("paragraph", "tail"),
        ("list-item", "one"),
        ("list-item", "two"),
        ("list-item", "term"),
        ("list-item", "meaning"),
        ("heading", "Title sub"),
        ("paragraph", "Upper"),
    ]
    assert_exact(doc)


def test_code_and_other_objects() -> None:
    doc = parse(
        "<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd> or run <code>x<b>y</b></code>now.</p>"
        "<p>Broken <code>unclosed</p><p>next</p><p><svg><text>drawn</text></svg> done</p>"
    )
    assert (
        doc.prose == "Press \ufffc+\ufffc or run \ufffcnow.\n\nBroken \ufffc\n\nnext\n\n\ufffc done"
    )
    assert source_of(doc, OBJECT, 2) == "<code>x<b>y</b></code>"
    assert source_of(doc, OBJECT, 3) == "<code>unclosed"


def test_skipped_elements_nest() -> None:
    doc = parse(
        "<p>a</p><pre>x<pre>y</pre>z</pre><p>b</p><template><template></template>t</template>"
    )
    assert doc.prose == "a\n\nb"  # "z" is in the outer <pre>, "t" in the outer <template>


def test_inline_comment_does_not_make_a_double_space() -> None:
    doc = parse("<p>one <!-- note --> two<!--x-->three</p>")
    assert doc.prose == "one twothree"
    assert [c.body for c in doc.comments] == ["note", "x"]


def test_byte_order_mark_and_empty() -> None:
    doc = parse("\ufeff<p>bom</p>")
    assert doc.prose == "bom"
    assert position(doc, "bom") == (1, 4)  # the BOM is no column
    assert parse("").prose == ""
    assert parse("<html>\n  <body>\n  </body>\n</html>\n").blocks == ()


def test_dispatch_by_suffix() -> None:
    assert parse_any("page.html", "<p>Hi</p>").prose == "Hi"
    assert parse_any("page.htm", "<p>Hi</p>").format == "html"


# ------------------------------------------------------------------------------- fuzz
_PIECES = st.sampled_from(
    [*"ab é’😀\t\r\n<>/&;#=\"'!-x\u00a0\x00\ufeff"]
    + ["<p>", "</p>", "<code>", "</code>", "<pre>", "</pre>", "<br>", "<br/>", "<img src=x>"]
    + ["&amp;", "&nbsp;", "&#8217;", "&#x2019;", "&#;", "&amp", "<!--", "-->", "<!-- c -->"]
    + ["<li>", "<script>", "</script>", "<td>", "<![CDATA[x]]>", "<!DOCTYPE html>", "<?pi?>"]
    + ["<a href='u'>", "</a>", "<em>", "</em>", "<svg>", "</svg>", "<p/>", "</br>", "<h1>"]
)
_TEXTS = st.one_of(st.lists(_PIECES, max_size=40).map("".join), st.text(max_size=40))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_fuzz_never_raises_and_maps_in_bounds(text: str) -> None:
    doc = parse(text)
    assert_map_sane(doc)
