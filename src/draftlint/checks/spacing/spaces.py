"""WS2xx: extra or odd spaces - double spaces, stray no-break spaces, space before punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from draftlint.drafts.document import Document, Span
from draftlint.rule import Context, rule
from draftlint.violation import Finding, Severity

NBSP = "\u00a0"
# Two or more horizontal spaces (space, nbsp, narrow nbsp, thin space ...) between two
# non-space characters on one line.
_SPACE_RUN = re.compile(r"(?<=\S)[ \u00a0\u202f\u2009]{2,}(?=\S)")
_SENTENCE_END = '.?!:\u2026"\u201d\u2019)'
# A no-break space is conventional next to a number ("10\u00a0km", "p.\u00a05"), after a short
# title or initial ("Mr\u00a0Smith"), and around dashes and French-style punctuation.
_CONVENTIONAL_BEFORE = re.compile(
    r"(?:\d|\b(?:[A-Z][a-z]{0,3}\.?|[A-Z]\.|No\.|p\.|pp\.|§|¶)|[\u2013\u2014\u00ab])$"
)
_CONVENTIONAL_AFTER = re.compile(r"^(?:\d|[\u2013\u2014%:;!?\u00bb\u20ac$\u00a3]|[A-Z]\b)")
# Spaces then a mark then white space; the character before the spaces is checked apart (a
# look-behind tried at every position of the text costs more than the rest of the rule).
_SPACE_BEFORE_PUNCT = re.compile(r"[ \t\u00a0]+(?P<mark>[,;:.?!])(?=\s|$)")
_WORD_END = re.compile(r"[^\W_]|[\u201d\u2019\"')\]]")


@rule(
    "WS201",
    "multiple-spaces",
    Severity.WARNING,
    "Two or more spaces inside a sentence.",
    what="A run of two or more spaces (no-break spaces included) between words of a sentence.",
    why="Doubled spaces are keying slips or paste debris; they show in print as uneven gaps.",
    bad="The meeting  lasted two hours.",
    good="The meeting lasted two hours.",
    fixable=True,
)
def multiple_spaces(document: Document, context: Context) -> Iterator[Finding]:
    prose = document.prose
    for match in _SPACE_RUN.finditer(prose):
        before = prose[match.start() - 1]
        if before in _SENTENCE_END and NBSP not in match.group():
            continue  # two spaces after a full stop: an old typing convention, not a slip
        run = match.group().replace(NBSP, "\u00b7nbsp\u00b7")
        yield Finding(
            Span(match.start(), match.end()),
            f"{len(match.group())} spaces in a row ({run!r}); use one",
            (" ",),
            fix=" ",
        )


@rule(
    "WS202",
    "stray-no-break-space",
    Severity.WARNING,
    "A no-break space inside running prose.",
    what="A no-break space (U+00A0) between two ordinary words, where a plain space belongs.",
    why="Pasted from a web page or word processor, no-break spaces glue words together, "
    "break line wrapping and defeat search.",
    bad="The scheduled\u00a0thirty-minute chat.",
    good="The scheduled thirty-minute chat.",
    fixable=True,
)
def stray_no_break_space(document: Document, context: Context) -> Iterator[Finding]:
    prose = document.prose
    start = prose.find(NBSP)
    while start >= 0:
        end = start + 1
        # Part of a longer run of spaces: WS201 reports the whole run.
        if not (prose[start - 1 : start] in (" ", NBSP) or prose[end : end + 1] in (" ", NBSP)):
            before = prose[max(0, start - 8) : start]
            after = prose[end : end + 4]
            if before and after and not before[-1].isspace() and not after[0].isspace():
                if not _CONVENTIONAL_BEFORE.search(before) and not _CONVENTIONAL_AFTER.match(after):
                    yield Finding(
                        Span(start, end),
                        "no-break space inside running prose; use a plain space",
                        (" ",),
                        fix=" ",
                    )
        start = prose.find(NBSP, end)


@rule(
    "WS203",
    "space-before-punctuation",
    Severity.WARNING,
    "A space before a comma, semicolon, colon, full stop, question or exclamation mark.",
    what="White space between a word and the punctuation mark that follows it.",
    why="English sets , ; : . ? ! tight against the word before; a space there is a slip.",
    bad="He declined , then left .",
    good="He declined, then left.",
    fixable=True,
)
def space_before_punctuation(document: Document, context: Context) -> Iterator[Finding]:
    prose = document.prose
    for match in _SPACE_BEFORE_PUNCT.finditer(prose):
        if match.start() == 0 or not _WORD_END.match(prose, match.start() - 1):
            continue
        mark = match.group("mark")
        after = match.start("mark")
        if prose.startswith("..", after) or re.match(r"\.\s\.", prose[after : after + 3]):
            continue  # an ellipsis, spaced or not
        yield Finding(
            Span(match.start(), match.start("mark")),
            f"space before {mark!r}",
            ("",),
            fix="",
        )


RULES = (multiple_spaces, stray_no_break_space, space_before_punctuation)
