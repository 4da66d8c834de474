"""QT1xx: quotation marks - unclosed and unopened quotations, straight and curly marks mixed."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from draftlint.drafts.document import Document, Span
from draftlint.drafts.quotation_marks import Quotation
from draftlint.drafts.speech import WEAK_VERBS, speech_cues
from draftlint.rule import Context, rule
from draftlint.violation import Finding, Severity

_OPENING = '\u201c\u201e"'


#: ", said Mr Snow." / ", the firm told Reuters.": a comma, up to four words, a speech verb
_WORD = re.compile(r"[\w'\u2019-]+")
_CLAUSE_END = re.compile('[.,;:!?"\u201c\u201d]')
#: a speaker quoting their own words ("..., I told him.") is no attribution
_THIRD_PERSON = frozenset("he she they it".split())


@functools.cache
def _attribution_verbs() -> frozenset[str]:
    words, _phrases = speech_cues()
    return frozenset(w for w in words if w not in WEAK_VERBS)


def _is_fragment(prose: str, quote: Quotation, paragraph_start: int) -> bool:
    """A quotation opened inside the writer's sentence on a lower-case word ('had been "ambitious
    and'): a fragment, which news copy never reopens at the next sentence."""
    if not prose[quote.start + 1 : quote.start + 2].islower():
        return False
    i = quote.start
    while i > paragraph_start and prose[i - 1].isspace():
        i -= 1
    return i > paragraph_start and prose[i - 1].isalnum()


def _attribution_inside(prose: str, quote: Quotation, first: bool = False) -> str | None:
    """The attribution that the last sentence of an unclosed quotation holds ('"It is a
    recovery, said the minister. "Growth...'), or with ``first`` its first sentence ('"It is
    a recovery, said the minister. Growth is back.'), when it holds one: the closing mark
    before the comma was lost."""
    run = prose[quote.start + 1 : quote.end].rstrip()
    if first:
        ends = [i for i in (run.find(m) for m in (". ", "? ", "! ")) if i >= 0]
        cut, stop = -1, min(ends, default=len(run))
    else:
        cut = max(run.rfind(mark, 0, len(run) - 1) for mark in (". ", "? ", "! "))
        stop = len(run)
    verbs = _attribution_verbs()
    for comma in re.finditer(",", run[cut + 1 : stop]):
        start = cut + 1 + comma.start()
        # the verb may come first or after up to four words (", he added", ", said Mr Lee")
        words = list(_WORD.finditer(run, start + 1))[:5]
        for k, word in enumerate(words):
            if _CLAUSE_END.search(run, start + 1, word.start()):
                break
            if word.group() in verbs:
                before = [w.group() for w in words[:k]]
                # ", said Mr Lee", ", he added", ", the minister told MPs": the verb first,
                # or after a pronoun or a name; not "..., but they say routinely that"
                if before and not (
                    (len(before) == 1 and before[0].lower() in _THIRD_PERSON)
                    or (before[-1][:1].isupper() and before[-1] != "I")
                ):
                    break
                clause = _CLAUSE_END.search(run, word.end())
                end = clause.start() if clause else len(run)
                if len(_WORD.findall(run, word.end(), end)) > 4:
                    break  # a speaker's own clause goes on: no attribution
                return run[start + 1 : end].strip()
    return None


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
    'that runs on over its own attribution ("We tried, said Mr Lee. "It failed.").',
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
        fragment = _is_fragment(prose, quote, paragraphs[quote.paragraph].start)
        if quote.continued:
            if fragment:
                message = "quoted fragment opened here is not closed before the next quotation"
            elif attribution := (
                _attribution_inside(prose, quote) or _attribution_inside(prose, quote, first=True)
            ):
                message = f"quotation opened here is not closed before {attribution!r}"
            elif not _reopened_after_sentence(prose, quote.end):
                # 'went on to warn: "...' : the writer's own words came between
                message = "quotation opened here is not closed before the next quotation"
            else:
                continue  # reopened at the next sentence of the same speaker
        elif attribution := _attribution_inside(prose, quote, first=True):
            # '"It is my tribute, said Spacey. He sings...': the mark before the comma was lost
            message = f"quotation opened here is not closed before {attribution!r}"
        else:
            following = quote.paragraph + 1
            if following < len(paragraphs) and not fragment:
                start = paragraphs[following].start
                if (
                    prose[start : start + 1] in _OPENING
                    and prose[quote.end : quote.end + 1] != "\u201c"
                ):
                    continue  # a multi-paragraph quotation: each paragraph reopens the quote
            message = "quotation opened here is never closed in its paragraph"
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
