"""Inline suppression: ``<!-- draftlint-disable ... -->`` comments and ``[sic]``.

Directives (in Markdown and HTML comments, and in plain text on a line of their own):

* ``<!-- draftlint-disable SP101 WS -->`` ... ``<!-- draftlint-enable -->`` - a region;
  without codes, every rule; ``draftlint-enable CODE`` re-enables only that code.
* ``<!-- draftlint-disable-next-line SP101 -->`` - the line after the comment.

``[sic]`` right after a word excuses any finding on that word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from draftlint.drafts.document import Document
from draftlint.violation import Violation

_DIRECTIVE = re.compile(r"^\s*draftlint-(disable-next-line|disable|enable)\b([^>]*)$", re.S)
_SIC = re.compile(r"[ \t\u00a0]?\[sic\]", re.I)


@dataclass(frozen=True)
class SuppressedRange:
    start: int  # source offsets, end exclusive
    end: int
    codes: tuple[str, ...]  # empty: every code
    #: codes enabled again inside a region that disabled every code ("disable" ... "enable SP")
    exempt: tuple[str, ...] = ()

    def covers(self, violation: Violation) -> bool:
        if not (self.start <= violation.span.start < self.end):
            return False
        code = violation.code
        if any(code.startswith(c) for c in self.exempt):
            return False
        return not self.codes or any(code.startswith(c) for c in self.codes)


def _codes(rest: str) -> tuple[str, ...]:
    return tuple(c for c in re.split(r"[\s,]+", rest.strip()) if c)


def suppressed_ranges(document: Document) -> list[SuppressedRange]:
    ranges: list[SuppressedRange] = []
    # (start, codes disabled or () for all, codes enabled again in an all-codes region)
    open_regions: list[tuple[int, tuple[str, ...], tuple[str, ...]]] = []
    end_of_text = len(document.text)
    for comment in document.comments:
        match = _DIRECTIVE.match(comment.body)
        if match is None:
            continue
        kind, codes = match.group(1), _codes(match.group(2))
        if kind == "disable-next-line":
            line, _ = document.line_col(comment.end - 1)
            starts = document.line_starts
            if line < len(starts):
                next_start = starts[line]
                next_end = starts[line + 1] if line + 1 < len(starts) else end_of_text
                ranges.append(SuppressedRange(next_start, next_end, codes))
        elif kind == "disable":
            open_regions.append((comment.end, codes, ()))
        else:  # enable: ends the regions it names (all of them without codes)
            still_open = []
            for start, region_codes, exempt in open_regions:
                if codes and region_codes and not set(region_codes) & set(codes):
                    still_open.append((start, region_codes, exempt))  # not named: goes on
                    continue
                ranges.append(SuppressedRange(start, comment.start, region_codes, exempt))
                if not codes:
                    continue
                if region_codes:  # the codes not enabled stay disabled
                    remaining = tuple(c for c in region_codes if c not in codes)
                    if remaining:
                        still_open.append((comment.end, remaining, ()))
                else:  # everything was disabled: everything but these codes still is
                    still_open.append((comment.end, (), tuple(dict.fromkeys(exempt + codes))))
            open_regions = still_open
    for start, region_codes, exempt in open_regions:
        ranges.append(SuppressedRange(start, end_of_text, region_codes, exempt))
    return ranges


def is_sic(document: Document, violation: Violation) -> bool:
    """True when the flagged text is followed by ``[sic]``."""
    return _SIC.match(document.text, violation.span.end) is not None


def filter_suppressed(document: Document, violations: list[Violation]) -> list[Violation]:
    ranges = suppressed_ranges(document) if document.comments else []
    check_sic = "[sic]" in document.text.lower()
    if not ranges and not check_sic:
        return violations
    return [
        v
        for v in violations
        if not any(r.covers(v) for r in ranges) and not (check_sic and is_sic(document, v))
    ]
