"""Double quotation marks paired into quotations, one paragraph at a time.

One pairing serves every rule (QT101 unclosed quotations, QT104 stray closing marks, and the
attribution rules through ``checks/speech.py``), so that they agree on where a quotation ends.

- Curly marks say which way they face.
- A straight mark's neighbours tell: after a space or an opening bracket and before a word it
  opens; after a word and before a space or punctuation it closes. A mark that is glued on
  both sides or spaced on both alternates with the one before.
- An opening mark met inside an open quotation after the end of a sentence ends that one as
  *continued*: news copy reopens a quotation at each new sentence of the same speaker without
  closing the one before (``"We tried. "It failed," he said.``), and a paragraph break lost in
  extraction leaves the multi-paragraph convention inside one paragraph.
- An opening mark met mid-sentence inside an open quotation opens a quotation within it
  (``said: "He was the "Father of the House" then."``); its marks pair up and are not
  reported. When the outer one is then never closed, that is the lost closing mark
  (``called it "absurd and "dangerous".``).
- A closing mark with no quotation open is *stray*: its opening mark was lost. So is the second
  of two straight marks in a row (``""unfair"``).

Single quotes are left alone: they double as apostrophes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKS = re.compile('["\u201c\u201d\u201e]')
_CURLY_OPEN = "\u201c\u201e"
_CURLY_CLOSE = "\u201d"
#: a straight mark after a space or one of these (and before a non-space) can open; the colon is
#: for 'it reads:"No man...' with its space lost
_OPEN_BEFORE = "([{\u2014\u2013-/\u2018':"
#: a straight mark after a non-space and before a space or one of these can close
_CLOSE_AFTER = ".,;:!?)]}\u2014\u2013-/\u2019'\u2026"
_SENTENCE_FINAL = ".!?\u2026"


@dataclass(frozen=True)
class Quotation:
    """A run of text between quotation marks, both marks included in ``start``/``end``.

    A quotation that is never closed ends where its paragraph ends or, when *continued*, at
    the last non-space before the mark that reopens it.
    """

    start: int
    end: int
    open_mark: str
    close_mark: str | None  # None when the quotation is never closed
    paragraph: int
    continued: bool = False  # ended by an opening mark after the end of a sentence

    @property
    def closed(self) -> bool:
        return self.close_mark is not None


@dataclass(frozen=True)
class QuotationMarks:
    """The quotations of a text and its stray closing marks (offsets of the marks)."""

    quotations: list[Quotation]
    stray_closing: list[int]  # closing marks with no quotation open, and doubled marks


def _opens(prose: str, i: int, start: int, end: int, inside: bool) -> bool:
    """Whether the mark at ``i`` opens (else it closes); ``inside``: a quotation is open."""
    c = prose[i]
    if c in _CURLY_OPEN:
        return True
    if c == _CURLY_CLOSE:
        return False
    before = prose[i - 1] if i > start else " "
    after = prose[i + 1] if i + 1 < end else " "
    can_open = (before.isspace() or before in _OPEN_BEFORE) and not after.isspace()
    can_close = not before.isspace() and (after.isspace() or after in _CLOSE_AFTER)
    if can_open != can_close:
        return can_open
    return not inside  # glued on both sides or spaced on both: marks alternate


def _ends_sentence(prose: str, start: int, stop: int) -> bool:
    """Whether ``prose[start:stop]`` ends a sentence (closing single quotes and brackets aside)."""
    while stop > start and prose[stop - 1] in "\u2019')]":
        stop -= 1
    return stop > start and prose[stop - 1] in _SENTENCE_FINAL


def pair_quotation_marks(prose: str, start: int, end: int, paragraph: int) -> QuotationMarks:
    """Quotations and stray closing marks of the paragraph ``prose[start:end]``."""
    quotations: list[Quotation] = []
    stray: list[int] = []
    open_at: int | None = None
    open_mark = ""
    nested = False  # a quotation opened mid-sentence inside the open one, not yet closed
    for match in _MARKS.finditer(prose, start, end):
        i = match.start()
        mark = match.group()
        if mark == '"' and open_at == i - 1 and prose[open_at] == '"':
            stray.append(i)  # a doubled mark: '""unfair"'
            continue
        if _opens(prose, i, start, end, open_at is not None):
            if open_at is None:
                open_at, open_mark = i, mark
                continue
            stop = i
            while stop > open_at + 1 and prose[stop - 1].isspace():
                stop -= 1
            if not _ends_sentence(prose, open_at + 1, stop):
                nested = True  # 'the "Father of the House" and': the inner marks pair up
                continue
            quotations.append(Quotation(open_at, stop, open_mark, None, paragraph, True))
            open_at, open_mark, nested = i, mark, False
        elif nested:
            nested = False
        elif open_at is not None:
            quotations.append(Quotation(open_at, i + 1, open_mark, mark, paragraph))
            open_at = None
        else:
            stray.append(i)
    if open_at is not None:
        quotations.append(Quotation(open_at, end, open_mark, None, paragraph))
    return QuotationMarks(quotations, stray)
