"""What rules find and what the engine reports."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import NamedTuple

from draftlint.drafts.document import Span


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        """``"warning"`` -> Severity.WARNING; raises ValueError naming the choices."""
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {value!r} (expected error, warning or info)"
            ) from None


class Finding(NamedTuple):
    """One problem a rule found, in the coordinates of ``Document.prose``.

    ``fix`` is a replacement for the span that cannot change the meaning (a safe fix);
    ``suggestions`` are what the writer probably meant, best first.  ``placed`` is for the
    few findings that sit where the prose has no text (an HTML attribute, a Vale alert at the
    top of the file or at the start of a line): their place in the file's text, used as is.
    """

    span: Span
    message: str
    suggestions: tuple[str, ...] = ()
    fix: str | None = None
    severity: Severity | None = None  # a rule may lower or raise its own default by confidence
    placed: Span | None = None


@dataclass(frozen=True, order=True)
class Violation:
    """A Finding placed in a file: source offsets, 1-based line/column, code and severity."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: Severity
    span: Span  # offsets into the file's decoded text, end exclusive
    message: str
    suggestions: tuple[str, ...] = ()
    fix: str | None = None
    source: str = "draftlint"  # the engine that found it: draftlint, languagetool, harper

    @property
    def fixable(self) -> bool:
        return self.fix is not None

    @property
    def family(self) -> str:
        return self.code[:2]
