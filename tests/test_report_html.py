"""The HTML report without a browser: structure, exact highlights, escaping, readability.

The page is parsed with a strict tree builder (every end tag must close the element on top
of the stack), so a mis-nested highlight fails here before it can confuse a browser.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from draftlint.cli import main
from draftlint.drafts.document import Span
from draftlint.report.html import document_for, embed_json, render_html
from draftlint.run.lint import FileResult, lint_text
from draftlint.run.runner import lint_paths
from draftlint.violation import Severity, Violation

ROOT = Path(__file__).resolve().parent.parent
XSS = ROOT / "tests" / "fixtures" / "xss"
VOID = {"meta", "input", "br", "img", "link", "hr", "wbr", "col", "source", "area", "base", "embed"}
#: Every element the report itself writes. A draft that smuggles in any other tag fails.
OWN_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "a",
    "header",
    "div",
    "strong",
    "fieldset",
    "legend",
    "label",
    "input",
    "span",
    "select",
    "option",
    "output",
    "p",
    "kbd",
    "main",
    "section",
    "h2",
    "h3",
    "h4",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "details",
    "summary",
    "ol",
    "li",
    "figure",
    "svg",
    "rect",
    "line",
    "text",
    "figcaption",
    "article",
    "ul",
    "blockquote",
    "mark",
    "code",
    "aside",
    "button",
    "b",
    "script",
}


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())


class Tree(HTMLParser):
    """A strict DOM: end tags must match, so nesting errors raise."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.stack = [self.root]
        self.feed(markup)
        self.close()
        assert len(self.stack) == 1, f"unclosed: {[n.tag for n in self.stack[1:]]}"

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, dict(attrs), self.stack[-1]))

    def handle_endtag(self, tag):
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data):
        self.stack[-1].children.append(data)

    def find(self, predicate) -> list[Node]:
        return [n for n in self.root.iter() if predicate(n)]


def cells(row: Node) -> list[Node]:
    return [c for c in row.children if isinstance(c, Node)]


def heads(tree: Tree) -> list[Node]:
    return tree.find(lambda n: n.tag == "mark" and "head" in n.classes())


def violation(
    result: FileResult,
    start: int,
    end: int,
    code: str = "WS201",
    message: str = "m",
    name: str = "multiple-spaces",
    suggestions: tuple[str, ...] = (),
) -> Violation:
    doc = document_for(result)  # runs keep the text, not the Document
    assert doc is not None
    line, column = doc.line_col(start)
    end_line, end_column = doc.line_col(end)
    return Violation(
        result.path,
        line,
        column,
        end_line,
        end_column,
        code,
        name,
        Severity.WARNING,
        Span(start, end),
        message,
        suggestions,
    )


# --------------------------------------------------------------------------- the CLI
def test_cli_writes_the_report_to_a_file_and_to_stdout(tmp_path, seed_path, capsys):
    out = tmp_path / "report.html"
    assert main(["check", str(seed_path), "--format", "html", "-o", str(out)]) == 1
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    capsys.readouterr()
    assert main(["check", str(seed_path), "--format", "html"]) == 1
    assert capsys.readouterr().out == page


def test_one_head_highlight_per_finding_in_the_json_of_the_same_run(tmp_path, seed_path, capsys):
    draft = tmp_path / "overlap.txt"
    draft.write_text(
        "He said \u201cwe have the  the agenda , then he left.\n\nIt went to to  the the  end.\n"
    )
    paths = [str(seed_path), str(draft)]
    main(["check", *paths, "--format", "json"])
    expected = sum(len(f["violations"]) for f in json.loads(capsys.readouterr().out)["files"])
    main(["check", *paths, "--format", "html"])
    tree = Tree(capsys.readouterr().out)
    found = heads(tree)
    assert expected > 5
    assert len(found) == expected
    assert sorted(int(n.attrs["data-f"]) for n in found) == list(range(expected))
    assert len(tree.find(lambda n: n.tag == "li" and "finding" in n.classes())) == expected


# ---------------------------------------------------------------- the draft as written
def test_plain_text_renders_every_paragraph_exactly(tmp_path):
    text = "A title\n\nFirst  paragraph with the the slip.\nA second line.\n\n\n908\n\nLast one ."
    result = lint_text(text, "draft.txt")
    tree = Tree(render_html([result]))
    blocks = tree.find(lambda n: "blk" in n.classes())
    doc = result.document
    assert [b.text() for b in blocks] == [doc.prose[b.start : b.end] for b in doc.blocks]
    assert "\n" in blocks[1].text()  # the writer's line break in plain text is kept


def test_windows_line_ends_are_line_breaks_not_invisible_characters():
    result = lint_text("First line\r\nsecond  line.\r\n\r\nNext the the end.\r\n", "draft.txt")
    tree = Tree(render_html([result]))
    assert not tree.find(lambda n: "inv" in n.classes())
    doc = result.document
    expected = [doc.prose[b.start : b.end].replace("\r\n", "\n") for b in doc.blocks]
    assert [n.text() for n in tree.find(lambda n: "blk" in n.classes())] == expected
    assert sorted(n.text() for n in heads(tree)) == ["  ", "the the"]


def test_markdown_keeps_headings_quotes_and_lists():
    text = (
        "# The title\n\nA *stressed* paragraph with the the slip.\n\n"
        "> A quoted line.\n\n- one\n- two\n"
    )
    tree = Tree(render_html([lint_text(text, "draft.md")]))
    article = tree.find(lambda n: n.tag == "article")[0]
    kinds = [(n.tag, n.text()) for n in article.iter() if "blk" in n.classes()]
    assert kinds == [
        ("h3", "The title"),
        ("p", "A stressed paragraph with the the slip."),
        ("p", "A quoted line."),
        ("li", "one"),
        ("li", "two"),
    ]
    assert tree.find(lambda n: n.tag == "blockquote")[0].text() == "A quoted line."
    assert len(heads(tree)) == 1 and heads(tree)[0].text() == "the the"


def test_invisible_characters_and_objects_are_shown():
    result = lint_text("The cease\u200bfire held with `code` in it.\n", "draft.md")
    tree = Tree(render_html([result]))
    inv = tree.find(lambda n: "inv" in n.classes())
    assert [n.text() for n in inv] == ["U+200B"]
    assert inv[0].parent.tag == "mark"  # the AR102 highlight holds the made-visible character
    assert [n.text() for n in tree.find(lambda n: "obj" in n.classes())] == ["`code`"]


def test_long_findings_are_wide_and_short_ones_are_not():
    text = "A sentence long enough to run past the eighty characters that a wide mark needs, yes."
    result = lint_text(text, "draft.txt", rules={})
    result.violations = [violation(result, 0, len(text)), violation(result, 2, 10)]
    tree = Tree(render_html([result]))
    assert ["wide" in n.classes() for n in heads(tree)] == [True, False]
    data = json.loads(tree.find(lambda n: n.attrs.get("id") == "dl-data")[0].text())
    assert [f["wide"] for f in data["findings"]] == [True, False]


def covering(tree: Tree, block: Node, start: int) -> dict[int, set[int]]:
    """Prose offset -> ids of the marks around that character, walking one block."""
    cover: dict[int, set[int]] = {}
    pos = start

    def walk(node: Node, open_ids: set[int]) -> None:
        nonlocal pos
        for child in node.children:
            if isinstance(child, str):
                for _ in child:
                    cover[pos] = set(open_ids)
                    pos += 1
            else:
                ids = open_ids | ({int(child.attrs["data-f"])} if child.tag == "mark" else set())
                walk(child, ids)

    walk(block, set())
    return cover


TEXT = "Alpha beta gamma.\n\nDelta  epsilon zeta.\n\nEta theta iota kappa lambda."


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(TEXT)), st.integers(0, 12)), min_size=1, max_size=8))
def test_overlapping_findings_nest_and_none_is_lost(spans):
    """Crossing, nested, identical, empty and between-paragraph spans all keep their text."""
    result = lint_text(TEXT, "draft.txt", rules={})
    result.violations = [violation(result, s, min(s + n, len(TEXT))) for s, n in spans]
    tree = Tree(render_html([result]))  # raises on mis-nested marks
    doc = result.document
    found = heads(tree)
    assert sorted(int(n.attrs["data-f"]) for n in found) == list(range(len(spans)))
    cover: dict[int, set[int]] = {}
    for node, block in zip(tree.find(lambda n: "blk" in n.classes()), doc.blocks, strict=True):
        assert node.text() == doc.prose[block.start : block.end]
        cover.update(covering(tree, node, block.start))
    for fid, (s, n) in enumerate(spans):
        e = min(s + n, len(TEXT))
        expected = {p for p in range(s, e) if any(b.start <= p < b.end for b in doc.blocks)}
        assert {p for p, ids in cover.items() if fid in ids} == expected
        if not expected:  # a point: one empty mark where the finding is
            marks = tree.find(
                lambda m, fid=fid: m.tag == "mark" and m.attrs.get("data-f") == str(fid)
            )
            assert len(marks) == 1 and marks[0].text() == "" and "pt" in marks[0].classes()


# ------------------------------------------------------------------------------ safety
def test_xss_payloads_render_as_text(tmp_path):
    payload = '"><img src=x onerror=alert(1)>'
    draft = tmp_path / f"{payload}.txt"
    draft.write_text((XSS / "payloads.txt").read_text(encoding="utf-8"), encoding="utf-8")
    results = lint_paths([str(draft), str(XSS / "payloads.md"), str(XSS / "payloads.html")])
    results = sorted(results, key=lambda r: r.path != str(draft))  # the planted file first
    results[0].violations.append(
        violation(
            results[0],
            0,
            8,
            code="ZZ999",
            name="</script><script>alert(2)</script>",
            message="<script>alert(3)</script> {{ 7*7 }} </textarea>",
            suggestions=("javascript:alert(4)",),
        )
    )
    results[0].readability = {"profile": "<img src=x onerror=alert(5)>", "document": {"grade": 9.0}}
    page = render_html(results)
    tree = Tree(page)
    tags = {n.tag for n in tree.root.iter()} - {"#root"}
    assert tags <= OWN_TAGS, f"tags from the draft: {tags - OWN_TAGS}"
    for node in tree.root.iter():
        assert not any(name.startswith("on") for name in node.attrs), (node.tag, node.attrs)
        assert (node.attrs.get("href") or "#").startswith("#"), node.attrs
        assert "javascript:" not in (node.attrs.get("src") or "")
    scripts = tree.find(lambda n: n.tag == "script")
    assert [s.attrs.get("type") for s in scripts] == ["application/json", None]
    data = json.loads(scripts[0].text())
    planted = [f for f in data["findings"] if f["code"] == "ZZ999"]
    assert [f["message"] for f in planted] == ["<script>alert(3)</script> {{ 7*7 }} </textarea>"]
    assert data["rules"]["ZZ999"]["why"] == ""  # an unknown rule: no doc, no crash
    body = tree.find(lambda n: n.tag == "main")[0].text()
    assert '<script>window.__xss = 1; alert("script tag")</script>' in body
    assert "Template syntax: {{ 7*7 }} and {% if true %}yes{% endif %} and ${7*7}" in body
    assert payload in body  # the file name, as text
    assert "<img src=x onerror=alert(5)>" in body
    assert (
        "<script>window.__xss=14</script>" in body and "{{ 7*7 }} and {% raw %}" in body
    )  # HTML draft
    assert (
        "window.__xss = 12" not in body and "window.__xss=20" not in body
    )  # script, comment: not prose


def test_embedded_json_cannot_end_its_script_element():
    value = "</script><!-- <script> & \u2028"
    embedded = str(embed_json({"v": value}))
    assert not set("<>&") & set(embedded)
    assert json.loads(embedded) == {"v": value}


def test_content_security_policy_pins_the_inline_script_and_style(seed_path):
    page = render_html(lint_paths([str(seed_path)]))
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    csp = csp.replace("&#39;", "'")
    assert "default-src 'none'" in csp
    for tag in ("script", "style"):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", page, re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "http://" not in page.split("<script>")[0].split("<style>")[0]
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", page)


# ------------------------------------------------------------------------- readability
def test_no_readability_data_is_said_so(seed_path):
    results = lint_paths([str(seed_path)])
    results[0].readability = {}
    assert "No readability data." in render_html(results)


def test_readability_scores_targets_and_paragraph_chart():
    text = "One short paragraph.\n\nA second paragraph here.\n\nA third."
    result = lint_text(text, "draft.txt", rules={})
    result.readability = {
        "document": {"flesch_kincaid_grade": 12.4, "flesch_reading_ease": 55.0, "words": 9},
        "targets": {"grade": [8, 12], "reading_ease": {"min": 40, "max": 60}},
        "paragraphs": [
            {"span": [0, 20], "grade": 6.0, "words": 3},
            {"start": 22, "end": 46, "grade": 14.5, "words": 4},
            {"span": {"start": 48, "end": 56}, "grade": 2.0, "words": 2},
        ],
    }
    tree = Tree(render_html([result]))
    rows = {cells(r)[0].text(): r.text() for r in tree.find(lambda n: n.tag == "tr")}
    assert "8\u201312" in rows["Flesch-Kincaid grade"] and "above" in rows["Flesch-Kincaid grade"]
    assert "within" in rows["Flesch reading ease"]
    bars = tree.find(lambda n: n.tag == "rect" and "bar" in n.classes())
    assert len(bars) == 3
    assert ["over" in b.classes() for b in bars] == [False, True, False]
    links = [b.parent.attrs["href"] for b in bars]
    assert links == ["#d0-b0", "#d0-b1", "#d0-b2"]


def test_the_engines_readability_data_is_drawn(seed_path):
    """Whatever the readability module reports (when it reports): a bar per paragraph entry."""
    result = lint_paths([str(seed_path)])[0]
    data = result.readability
    if not data.get("paragraphs"):
        pytest.skip("the engine reports no per-paragraph readability yet")
    tree = Tree(render_html([result]))
    bars = tree.find(lambda n: n.tag == "rect" and "bar" in n.classes())
    assert len(bars) == len(data["paragraphs"])
    ids = {n.attrs.get("id") for n in tree.root.iter()}
    assert all(b.parent.tag == "a" and b.parent.attrs["href"][1:] in ids for b in bars)
    scores = tree.find(lambda n: n.tag == "table" and "scores" in n.classes())
    assert scores, "no score table"


def test_long_sentences_are_listed_with_a_link_to_their_paragraph():
    long = " ".join(["word"] * 45) + "."
    result = lint_text(f"Short one.\n\n{long} Short again.", "draft.txt", rules={})
    tree = Tree(render_html([result]))
    listed = [
        n for n in tree.find(lambda n: n.tag == "li") if n.parent and "long" in n.parent.classes()
    ]
    assert len(listed) == 1 and "45 words" in listed[0].text()
    assert listed[0].children[0].attrs["href"] == "#d0-b1"


# ---------------------------------------------------------------------- several drafts
def test_index_lists_every_draft_with_counts_and_unreadable_ones(tmp_path, seed_path):
    results = lint_paths([str(seed_path), str(XSS / "payloads.txt"), str(tmp_path / "missing.txt")])
    tree = Tree(render_html(results))
    rows = tree.find(
        lambda n: (
            n.tag == "tr"
            and n.parent.tag == "tbody"
            and n.parent.parent.attrs.get("class") == "index"
        )
    )
    assert len(rows) == 3
    by_path = {cells(r)[0].text().split(" (")[0]: r for r in rows}
    seed_cells = cells(by_path[str(seed_path)])
    warnings = sum(
        1
        for v in results[[r.path for r in results].index(str(seed_path))].violations
        if v.severity is Severity.WARNING
    )
    assert seed_cells[3].text() == str(warnings)  # draft, words, error, warning ...
    assert "no such file" in by_path[str(tmp_path / "missing.txt")].text()


def test_a_dropped_document_is_parsed_again_from_the_runs_text(seed_path, tmp_path):
    """Cached and worker results carry no Document; the page must look the same, and it is
    made from the text the run linted, not from the file (which may have changed since)."""
    draft = tmp_path / "draft.txt"
    draft.write_text(seed_path.read_text("utf-8"), "utf-8")
    kept = lint_paths([str(draft)])
    dropped = lint_paths([str(draft)])
    dropped[0].document = None
    draft.write_text("Rewritten since.\n", "utf-8")
    assert render_html(dropped) == render_html(kept)
    assert "Whaterver" in render_html(dropped)


def test_a_worker_result_carries_the_text_and_no_document(seed_path):
    (result,) = lint_paths([str(seed_path)], jobs=2)
    assert result.document is None and result.text == seed_path.read_text("utf-8")


def test_findings_without_a_document_are_still_listed():
    result = lint_text("The the end.", "draft.txt")
    assert result.violations
    result.document = None
    result.text = None  # a result made by hand, without the text it was linted from
    tree = Tree(render_html([result]))
    assert len(tree.find(lambda n: n.tag == "li" and "finding" in n.classes())) == len(
        result.violations
    )
    assert "not available" in tree.find(lambda n: n.tag == "article")[0].text()


@pytest.mark.parametrize("name", ["report.html.j2", "report.css", "report.js"])
def test_templates_are_package_data(name):
    from importlib import resources

    assert resources.files("draftlint.report").joinpath("templates", name).is_file()
