"""GR2xx: the same word twice in a row."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from draftlint.data_files import read_list
from draftlint.document import Document, Span
from draftlint.rule import Context, rule
from draftlint.violation import Finding, Severity


@cache
def legitimate_doubles() -> frozenset[str]:
    return frozenset(read_list("lists/legitimate-doubles.txt"))


@rule(
    "GR201",
    "repeated-word",
    Severity.ERROR,
    "The same word twice in a row.",
    what="A word repeated with only white space between, within one sentence "
    "(\"the the\"); legitimate doubles such as \"had had\" and \"that that\" are allowed.",
    why="Doubled words survive proofreading because the eye skips the second one.",
    bad="The meeting raised the the question.",
    good="The meeting raised the question.",
    fixable=True,
)
def repeated_word(document: Document, context: Context) -> Iterator[Finding]:
    analysis = document.analysis
    prose = document.prose
    allowed = legitimate_doubles()
    tokens = analysis.tokens
    for sentence in analysis.sentences:
        for i in range(sentence.first_token, sentence.last_token - 1):
            first, second = tokens[i], tokens[i + 1]
            if first.kind != "word" or second.kind != "word":
                continue
            if first.text.lower() != second.text.lower():
                continue
            gap = prose[first.end : second.start]
            if not gap or gap.strip() or "\n\n" in gap:
                continue  # punctuation between ("no, no") or a blank line
            word = first.text.lower()
            if word in allowed:
                continue
            if first.text[0].isupper() and second.text[0].isupper() and not analysis.is_sentence_initial(i):
                continue  # a name such as "Bora Bora" or "Duran Duran"
            yield Finding(
                Span(first.start, second.end),
                f"repeated word {second.text!r}",
                (first.text,),
                fix=first.text,
            )


RULES = (repeated_word,)
