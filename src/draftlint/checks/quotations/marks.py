"""QT1xx: quotation marks - unclosed and unopened quotations, straight and curly marks mixed."""

from __future__ import annotations

import re
from collections.abc import Iterator

from draftlint.checks.quotations.open_quotes import (
    is_fragment,
    other_speaker,
    speaker_before,
    writers_words,
)
from draftlint.drafts.document import Document, Span
from draftlint.rule import Context, rule
from draftlint.violation import Finding, Severity

_OPENING = '\u201c\u201e"'
_OTHER_SPEAKER = "quotation opened here is not closed before another speaker's quotation"


def _reopened_after_sentence(prose: str, mark: int) -> bool:
    """The next quotation opens right after a sentence's end (". "), as a speaker's next
    sentence does; not after a colon, a comma or the writer's words ("he warned: ")."""
    i = mark
    while i > 0 and prose[i - 1] in " \t\u00a0":
        i -= 1
    while i > 0 and prose[i - 1] in "'\u2019":  # ... ridiculous.' "But
        i -= 1
    return i > 0 and prose[i - 1] in ".?!\u2026"


@rule(
    "QT101",
    "unclosed-quotation",
    Severity.ERROR,
    "A quotation opened and never closed within its paragraph.",
    what="An opening quotation mark with no closing mark before the paragraph ends. Two "
    "conventions are not flagged: a quotation that runs on into a paragraph opening with a "
    "quotation mark, and one reopened at the next sentence of the same speaker without being "
    'closed ("We tried. "It failed," he said.). Neither applies to a fragment quoted inside the '
    'writer\'s sentence (had been "ambitious and ground-breaking. "...), nor to a quotation '
    'that runs on over the writer\'s words: its own attribution ("We tried, said Mr Lee. "It '
    'failed.", "Why now? he asked.), a sentence of the reporter\'s ("We tried. Moore said he was '
    'confident. "It failed."), one that names the speaker, as speakers do not name themselves, '
    "or, after a sentence in the first or second person (I, we, you), two long ones in neither; "
    'nor when the quotation that reopens it is another speaker\'s ("Winter is here. "Fears eased," '
    "said Deborah White.).",
    why="A lost closing mark leaves the reader unsure where the speaker's words end.",
    bad='He said "we have no agenda. Then he left.',
    good='He said "we have no agenda." Then he left.',
)
def unclosed_quotation(document: Document, context: Context) -> Iterator[Finding]:
    prose = document.prose
    paragraphs = document.blocks  # block i is paragraph i; blocks need no tokens
    for quote in document.analysis.quotations:
        if quote.closed:
            continue
        fragment = is_fragment(prose, quote, paragraphs[quote.paragraph].start)
        if quote.continued:
            if fragment:
                message = "quoted fragment opened here is not closed before the next quotation"
            elif attribution := writers_words(prose, quote, speaker_before(document, quote)):
                message = f"quotation opened here is not closed before {attribution!r}"
            elif other_speaker(document, quote):
                # '"Prices will fall. Oil rose last week. "Fears eased," said Ms White.': the
                # quotation reopened is another speaker's, not this one going on
                message = _OTHER_SPEAKER
            elif not _reopened_after_sentence(prose, quote.end):
                # 'went on to warn: "...' : the writer's own words came between
                message = "quotation opened here is not closed before the next quotation"
            else:
                continue  # reopened at the next sentence of the same speaker
        elif attribution := writers_words(prose, quote, speaker_before(document, quote)):
            # '"It is my tribute, said Spacey. He sings...': the mark before the comma was lost
            message = f"quotation opened here is not closed before {attribution!r}"
        else:
            following = quote.paragraph + 1
            message = "quotation opened here is never closed in its paragraph"
            if following < len(paragraphs) and not fragment:
                start = paragraphs[following].start
                if (
                    prose[start : start + 1] in _OPENING
                    and prose[quote.end : quote.end + 1] != "\u201c"
                ):
                    if not other_speaker(document, quote):
                        continue  # a multi-paragraph quotation: each paragraph reopens it
                    message = _OTHER_SPEAKER
        yield Finding(Span(quote.start, quote.start + 1), message)


@rule(
    "QT104",
    "unopened-quotation",
    Severity.ERROR,
    "A closing quotation mark with no quotation open.",
    what="A closing double quotation mark (\u201d, or a straight mark after a word and before a "
    "space or punctuation) when no quotation is open in its paragraph, because the opening mark "
    'was lost; and the second of two straight marks in a row (""unfair").',
    why="Without its opening mark the reader cannot tell where the quoted words begin.",
    bad='The plan is a step forward," he said.',
    good='"The plan is a step forward," he said.',
    fixable=True,  # the doubled mark only
)
def unopened_quotation(document: Document, context: Context) -> Iterator[Finding]:
    prose = document.prose
    for offset in document.analysis.stray_closing_marks:
        mark = prose[offset]
        if offset > 0 and prose[offset - 1] == mark:
            yield Finding(Span(offset - 1, offset + 1), "doubled quotation mark", (mark,), mark)
        else:
            yield Finding(
                Span(offset, offset + 1),
                "closing quotation mark with no quotation open in its paragraph",
            )


@rule(
    "QT102",
    "mixed-quotation-marks",
    Severity.WARNING,
    "Straight and curly double quotation marks mixed in one draft.",
    what='Double quotation marks of the less used style (straight " or curly \u201c \u201d) in a draft '
    "that mostly uses the other.",
    why="Mixed marks show text pasted from different sources and look careless in print.",
    bad='\u201cWe have no agenda,\u201d he said. "It is up to the president."',
    good="\u201cWe have no agenda,\u201d he said. \u201cIt is up to the president.\u201d",
)
def mixed_quotation_marks(document: Document, context: Context) -> Iterator[Finding]:
    prose = document.prose
    if '"' not in prose or ("\u201c" not in prose and "\u201d" not in prose):
        return
    straight = [m.start() for m in re.finditer('"', prose)]
    curly = [m.start() for m in re.finditer("[\u201c\u201d]", prose)]
    if len(curly) >= len(straight):
        minority, style, counts = straight, "straight", (len(curly), len(straight))
        suggestion = "\u201c or \u201d"
    else:
        minority, style, counts = curly, "curly", (len(straight), len(curly))
        suggestion = '"'
    majority = "curly" if style == "straight" else "straight"
    for i in minority:
        yield Finding(
            Span(i, i + 1),
            f"{style} quotation mark in a draft that uses {majority} ones ({counts[0]} to {counts[1]})",
            (suggestion,) if style == "curly" else (),
        )


RULES = (unclosed_quotation, mixed_quotation_marks, unopened_quotation)
