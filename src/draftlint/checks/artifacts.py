"""AR1xx: artefacts - stray number lines, control and zero-width characters."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from draftlint.drafts.document import Document, Span
from draftlint.rule import Context, rule
from draftlint.violation import Finding, Severity

_BARE_NUMBER = re.compile(r"[\s\-\u2013\u2014]*\d{1,6}[\s\-\u2013\u2014]*")
# Zero-width and direction characters that have no business in English prose.
_INVISIBLE = {
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    "\ufeff": "zero-width no-break space (BOM)",
    "\u00ad": "soft hyphen",
    "\u202a": "left-to-right embedding",
    "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting",
    "\u202d": "left-to-right override",
    "\u202e": "right-to-left override",
    "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate",
    "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate",
}
_INVISIBLE_RE = re.compile("[" + "".join(_INVISIBLE) + "\x00-\x08\x0e-\x1f\x7f-\x9f]")


@rule(
    "AR101",
    "stray-number-line",
    Severity.WARNING,
    "A line holding only a bare number, as left by a page number or word count.",
    what="A paragraph that is nothing but a number, such as a word count or page number "
    "left between the title and the body.",
    why="Numbers on a line of their own are debris from the CMS or a word processor and reach "
    "print unnoticed.",
    bad="Hopes and limits\n\n908\n\nThe meeting began.",
    good="Hopes and limits\n\nThe meeting began.",
)
def stray_number_line(document: Document, context: Context) -> Iterator[Finding]:
    prose = document.prose
    for block in document.blocks:
        if block.kind != "paragraph":
            continue
        text = prose[block.start : block.end]
        if _BARE_NUMBER.fullmatch(text):
            stripped = text.strip()
            offset = block.start + text.index(stripped)
            yield Finding(
                Span(offset, offset + len(stripped)),
                f"stray line holding only {stripped!r}; a leftover page number or word count?",
            )


def _is_emoji(char: str) -> bool:
    return unicodedata.category(char) == "So" or "\U0001f000" <= char <= "\U0001faff"


@rule(
    "AR102",
    "invisible-character",
    Severity.ERROR,
    "A control, zero-width or text-direction character in prose.",
    what="Characters that print as nothing: C0/C1 controls, zero-width spaces and joiners, "
    "soft hyphens, byte-order marks inside the text, bidirectional overrides.",
    why="Invisible characters break search, spell checking and line breaking, and direction "
    "overrides can make text read differently from how it is stored.",
    bad="The cease\u200bfire held.",
    good="The ceasefire held.",
    fixable=True,
)
def invisible_character(document: Document, context: Context) -> Iterator[Finding]:
    prose = document.prose
    for match in _INVISIBLE_RE.finditer(prose):
        i = match.start()
        char = match.group()
        if (
            char == "\u200d"
            and 0 < i < len(prose) - 1
            and (_is_emoji(prose[i - 1]) or _is_emoji(prose[i + 1]))
        ):
            continue  # joins an emoji sequence
        code = ord(char)
        name = _INVISIBLE.get(char, f"control character U+{code:04X}")
        yield Finding(
            Span(i, i + 1), f"invisible character in prose: {name} (U+{code:04X})", ("",), fix=""
        )


RULES = (stray_number_line, invisible_character)
