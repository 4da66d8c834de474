"""Positions are exact: CRLF, tabs, BOM, non-ASCII and no-break spaces."""

from __future__ import annotations

from draftlint.config.settings import Config
from draftlint.run.lint import lint_text

WS = Config(select=("WS201", "GR201"))


def located(text: str) -> list[tuple[str, int, int, str]]:
    result = lint_text(text, "t.txt", "text", WS)
    return [(v.code, v.line, v.column, text[v.span.start : v.span.end]) for v in result.violations]


def test_crlf_lines_and_columns() -> None:
    text = "First line.\r\nSecond  line.\r\n\r\nThe the end.\r\n"
    assert located(text) == [("WS201", 2, 7, "  "), ("GR201", 4, 1, "The the")]


def test_lone_cr_counts_as_a_line_break() -> None:
    assert located("One.\rTwo  words.\r")[0][:3] == ("WS201", 2, 4)


def test_tabs_and_non_ascii_count_as_one_column() -> None:
    assert located("\tCafé — résumé  ok.\n") == [("WS201", 1, 15, "  ")]


def test_bom_is_kept_in_offsets() -> None:
    text = "\ufeffThe  end.\n"
    ((code, line, column, flagged),) = located(text)
    # offsets count the BOM (they index the decoded text); columns do not, as editors show it
    assert (line, column, flagged) == (1, 4, "  ")


def test_astral_characters_are_one_column() -> None:
    assert located("😀 ok  then.\n") == [("WS201", 1, 5, "  ")]


def test_single_crlf_does_not_split_a_paragraph() -> None:
    from draftlint.drafts import formats

    document = formats.parse("a.txt", "One line\r\ngoes on.\r\n\r\nNext.\r\n", "text")
    assert [document.text[b.start : b.end] for b in document.blocks] == [
        "One line\r\ngoes on.",
        "Next.",
    ]
