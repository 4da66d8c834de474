"""Inline directives: draftlint-disable / -enable regions, disable-next-line, and [sic].

Each case lints a draft with a typo on several lines and checks exactly which lines still
report it, so a directive that does nothing, or too much, fails.
"""

from __future__ import annotations

import pytest

from draftlint.config.settings import Config
from draftlint.run.lint import lint_text

CONFIG = Config(select=("SP101", "GR201"))
TYPO = "They will recieve the votes."  # SP101 (a lowercase typo, however often written)
DOUBLE = "The the talks went on."  # GR201


def lines_with(text: str, code: str, path: str = "draft.md") -> list[int]:
    result = lint_text(text, path, None, CONFIG)
    return [v.line for v in result.violations if v.code == code]


def test_without_directives_every_line_reports() -> None:
    text = "\n\n".join([TYPO] * 3) + "\n"
    assert lines_with(text, "SP101") == [1, 3, 5]


def test_disable_next_line_covers_that_line_only() -> None:
    text = f"{TYPO}\n\n<!-- draftlint-disable-next-line SP101 -->\n{TYPO}\n\n{TYPO}\n"
    assert lines_with(text, "SP101") == [1, 6]


def test_disable_next_line_with_other_codes_leaves_this_one() -> None:
    text = f"<!-- draftlint-disable-next-line GR201 -->\n{TYPO}\n"
    assert lines_with(text, "SP101") == [2]


def test_disable_next_line_without_codes_covers_every_rule() -> None:
    text = f"<!-- draftlint-disable-next-line -->\n{TYPO} {DOUBLE}\n\n{DOUBLE}\n"
    assert lines_with(text, "SP101") == [] and lines_with(text, "GR201") == [4]


def test_a_region_ends_at_enable() -> None:
    text = (
        f"{TYPO}\n\n<!-- draftlint-disable SP101 -->\n\n{TYPO}\n\n{TYPO}\n\n"
        f"<!-- draftlint-enable SP101 -->\n\n{TYPO}\n"
    )
    assert lines_with(text, "SP101") == [1, 11]


def test_a_region_without_enable_runs_to_the_end() -> None:
    text = f"{TYPO}\n\n<!-- draftlint-disable -->\n\n{TYPO}\n\n{DOUBLE}\n"
    assert lines_with(text, "SP101") == [1] and lines_with(text, "GR201") == []


def test_enable_with_a_code_reenables_only_that_code() -> None:
    text = (
        f"<!-- draftlint-disable SP101 GR201 -->\n\n{TYPO} {DOUBLE}\n\n"
        f"<!-- draftlint-enable SP101 -->\n\n{TYPO} {DOUBLE}\n"
    )
    assert lines_with(text, "SP101") == [7]
    assert lines_with(text, "GR201") == []  # still disabled after the enable of SP101


def test_enable_with_a_code_after_disabling_everything() -> None:
    text = (
        f"<!-- draftlint-disable -->\n\n{TYPO} {DOUBLE}\n\n"
        f"<!-- draftlint-enable SP101 -->\n\n{TYPO} {DOUBLE}\n"
    )
    assert lines_with(text, "SP101") == [7]
    assert lines_with(text, "GR201") == []  # only SP101 was enabled again


def test_a_prefix_disables_a_family() -> None:
    text = f"<!-- draftlint-disable SP -->\n\n{TYPO} {DOUBLE}\n"
    assert lines_with(text, "SP101") == [] and lines_with(text, "GR201") == [3]


@pytest.mark.parametrize("path", ["draft.txt", "draft.md", "draft.html"])
def test_directives_in_every_format(path: str) -> None:
    if path.endswith(".html"):
        text = f"<p>{TYPO}</p>\n<!-- draftlint-disable-next-line SP101 -->\n<p>{TYPO}</p>\n"
        expected = [1]
    else:
        text = f"{TYPO}\n\n<!-- draftlint-disable-next-line SP101 -->\n{TYPO}\n"
        expected = [1]
    assert lines_with(text, "SP101", path) == expected


def test_sic_excuses_the_word_before_it() -> None:
    text = f"{TYPO}\n\n\u201cThey will recieve [sic] the votes,\u201d he wrote.\n"
    assert lines_with(text, "SP101") == [1]


def test_a_directive_in_prose_is_not_one() -> None:
    # only a comment is a directive: the words in a sentence are prose
    text = f"Type draftlint-disable-next-line to skip a line.\n{TYPO}\n"
    assert lines_with(text, "SP101", "draft.txt") == [2]
