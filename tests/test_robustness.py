"""The engine never crashes and never reports a span outside the text (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from draftlint.config.settings import Config
from draftlint.run.lint import lint_text

PIECES = st.sampled_from(
    [
        "the",
        "The",
        "U.S.",
        " ",
        "  ",
        "\u00a0",
        "\r\n",
        "\n",
        "\n\n",
        "\r",
        "\ufeff",
        '"',
        "\u201c",
        "\u201d",
        "'",
        "\u2019",
        ".",
        ",",
        "?",
        "908",
        "\t",
        "é",
        "😀",
        "\u200b",
        "*",
        "`",
        "#",
        "<",
        ">",
        "&amp;",
        "[",
        "](",
        ")",
        "<!-- draftlint-disable -->",
        "[sic]",
        "-",
        "—",
        "x" * 300,
    ]
)
TEXTS = st.one_of(st.text(max_size=400), st.lists(PIECES, max_size=80).map("".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, fmt=st.sampled_from(["text", "markdown", "html"]))
def test_any_text_lints_with_spans_inside(text: str, fmt: str) -> None:
    suffix = {"text": ".txt", "markdown": ".md", "html": ".html"}[fmt]
    result = lint_text(text, "fuzz" + suffix, fmt, Config())
    lines = text.count("\n") + text.count("\r") + 1
    for v in result.violations:
        assert 0 <= v.span.start <= v.span.end <= len(text), v
        assert 1 <= v.line <= v.end_line <= lines
        assert v.column >= 1 and v.end_column >= 1


def test_very_long_line() -> None:
    text = ("alpha beta " * 10000) + "the the end.\n"
    result = lint_text(text, "long.txt", "text", Config(select=("GR201",)))
    assert [(v.code, v.column) for v in result.violations] == [("GR201", 110001)]


@settings(max_examples=200, deadline=None)
@given(text=TEXTS)
def test_word_count_without_tokens_equals_the_tokens_count(text: str) -> None:
    """word_count() skips building tokens when none are built; both ways count the same."""
    from draftlint.drafts import formats
    from draftlint.drafts.analysis import Analysis

    document = formats.parse("a.txt", text, "text")
    counted = Analysis(document.prose, document.blocks).word_count()
    tokens = Analysis(document.prose, document.blocks).tokens
    assert counted == sum(1 for t in tokens if t.kind in ("word", "number", "abbrev"))
