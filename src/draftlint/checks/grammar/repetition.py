"""GR2xx: the same word twice in a row."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from draftlint.data_files import read_list
from draftlint.drafts.document import Document, Span
from draftlint.rule import Context, rule
from draftlint.violation import Finding, Severity

_DOUBLE = re.compile(r"(?<![\w'\u2019-])([^\W\d_]+)\s+(?i:(\1))(?![\w'\u2019-])")


@cache
def legitimate_doubles() -> frozenset[str]:
    return frozenset(read_list("lists/legitimate-doubles.txt"))


@rule(
    "GR201",
    "repeated-word",
    Severity.ERROR,
    "The same word twice in a row.",
    what="A word repeated with only white space between, within one sentence "
    '("the the"); legitimate doubles such as "had had" and "that that" are allowed.',
    why="Doubled words survive proofreading because the eye skips the second one.",
    bad="The meeting raised the the question.",
    good="The meeting raised the question.",
    fixable=True,
)
def repeated_word(document: Document, context: Context) -> Iterator[Finding]:
    prose = document.prose
    allowed = legitimate_doubles()
    analysis = None
    # The regex finds candidates at C speed; tokens and sentences confirm them.
    for match in _DOUBLE.finditer(prose):
        first_text, second_text = match.group(1), match.group(2)
        word = first_text.lower()
        if word != second_text.lower() or word in allowed:
            continue
        if "\n\n" in prose[match.end(1) : match.start(2)]:
            continue  # a blank line between: two blocks
        analysis = analysis or document.analysis
        index = analysis.token_index_at(match.start())
        tokens = analysis.tokens
        if (
            index + 1 >= len(tokens)
            or tokens[index].start != match.start()
            or tokens[index].kind != "word"
        ):
            continue
        if tokens[index].end != match.end(1) or tokens[index + 1].end != match.end(2):
            continue  # part of a longer token ("re-re", "U.S. U.S.")
        if analysis.sentence_at(match.start()) != analysis.sentence_at(match.start(2)):
            continue
        if first_text[0].isupper() and second_text[0].isupper():
            # a name such as "Bora Bora" or "Duran Duran", at a sentence's start too; a slip
            # there leaves the second word in lower case ("The the meeting")
            continue
        yield Finding(
            Span(match.start(), match.end()),
            f"repeated word {second_text!r}",
            (first_text,),
            fix=first_text,
        )


RULES = (repeated_word,)
