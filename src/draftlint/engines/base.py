"""What an outside engine (LanguageTool, Harper) gives back, and how it fails."""

from __future__ import annotations

from dataclasses import dataclass

from draftlint.drafts.document import Span


class EngineUnavailable(Exception):
    """The engine cannot run (not installed, server refused, timed out, bad answer).

    Its message is the one line the user sees: which engine was skipped and why.
    """


@dataclass(frozen=True)
class EngineFinding:
    """One finding of an outside engine, in prose coordinates, before filtering."""

    span: Span
    code: str  # LT1xx / HP1xx by category
    rule_id: str  # the engine's own rule id, kept as the violation's name
    message: str
    suggestions: tuple[str, ...]
    is_spelling: bool  # a spelling finding: dropped when our lexicon knows the word
    is_readability: bool  # a sentence-length style nag: defers to the RD rules


def batches(paragraphs: list[tuple[int, int]], limit: int) -> list[tuple[int, int]]:
    """Group consecutive paragraphs into prose ranges of at most ``limit`` characters.

    A paragraph longer than the limit is sent alone.  Sending whole paragraphs keeps the
    engine's sentence detection intact and its offsets a plain shift of ours.
    """
    ranges: list[tuple[int, int]] = []
    start = end = None
    for p_start, p_end in paragraphs:
        if start is None:
            start, end = p_start, p_end
        elif p_end - start <= limit:
            end = p_end
        else:
            ranges.append((start, end))  # type: ignore[arg-type]
            start, end = p_start, p_end
    if start is not None:
        ranges.append((start, end))  # type: ignore[arg-type]
    return ranges
