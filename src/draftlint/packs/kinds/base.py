"""The parts every data-rule kind shares: its Hit and Vale's regexes.

A kind returns Hits in its block's own offsets; the Vocabulary is what a Vale config adds to
every rule (``packs.vale.vocabulary``).  The regexes are built exactly as Vale builds them (word template
``\\b(?:...)\\b``, ``(?i)``, exceptions as ``(?-i)`` alternatives) and compiled by
:mod:`draftlint.packs.vale.regex`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from draftlint.packs.vale.regex import compile_pattern
from draftlint.packs.vale.vocabulary import WORD_TEMPLATE, Vocabulary

#: A Hit at this start means "the top of the file" (Vale's 1:1 for a count or a metric).
FILE_START = -1


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()
    #: True when Vale places the alert by searching the block for its text (consistency).
    search: bool = False


def dispatch(alternatives: list[str], ignorecase: bool, wrap: str = "{}") -> str:
    """``a|b|c`` arranged so that the engine tries only the alternatives that can start here.

    Python's ``re`` tries every alternative at every position; a style with hundreds of
    terms (proselint.Needless) spent most of a run doing that.  When every alternative starts
    with a plain letter or digit, they are grouped behind a one-character look-ahead on that
    first character.  Alternatives with different first characters never match at the same
    position and the order within a group is kept, so what matches is exactly what the plain
    alternation matches.
    """
    return dispatch_order(alternatives, ignorecase, wrap)[0]


def dispatch_order(
    alternatives: list[str], ignorecase: bool, wrap: str = "{}"
) -> tuple[str, list[int]]:
    """dispatch's pattern and the order the alternatives appear in it (capture groups!)."""
    plain = "|".join(wrap.format(a) for a in alternatives), list(range(len(alternatives)))
    if len(alternatives) < 16:
        return plain
    groups: dict[str, list[int]] = {}
    for n, alternative in enumerate(alternatives):
        first = _first_char(alternative)
        if first is None:
            return plain
        groups.setdefault(first.lower() if ignorecase else first, []).append(n)
    parts, order = [], []
    for key, members in groups.items():
        chars = re.escape(key) + (
            re.escape(key.upper()) if ignorecase and key.upper() != key else ""
        )
        parts.append(f"(?=[{chars}])(?:{'|'.join(wrap.format(alternatives[n]) for n in members)})")
        order.extend(members)
    return "|".join(parts), order


def _first_char(alternative: str) -> str | None:
    """The plain ASCII letter or digit every match of ``alternative`` starts with, if any."""
    if alternative.startswith("(?:") and alternative.endswith(")") and "(" not in alternative[3:]:
        inner = [_first_char(part) for part in alternative[3:-1].split("|")]
        return inner[0] if inner and None not in inner and len(set(inner)) == 1 else None
    first = alternative[:1]
    if first.isascii() and first.isalnum() and alternative[1:2] not in ("?", "*", "+", "{"):
        return first
    return None


def as_strings(value: Any) -> list[str]:
    """A field that may be one value or a list, as a list of strings (None: empty)."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [str(value)]


def exceptions_pattern(terms: Sequence[str], vocab: Vocabulary, use_vocab: bool) -> Any:
    """Vale's updateExceptions: a word-bounded, case-sensitive alternation (or None)."""
    terms = list(terms) + (list(vocab.accepted) if use_vocab else [])
    if not terms:
        return None
    terms.sort(key=len, reverse=True)
    # Vale marks each term (?-i) so that one term's (?i) cannot spread to the others; with no
    # (?i) anywhere the marks change nothing, and Python compiles a long list far faster
    # without them.
    if any("(?i" in t for t in terms):
        terms = [t if t.startswith("(?i)") else f"(?-i){t}" for t in terms]
    return compile_pattern(WORD_TEMPLATE % "|".join(terms))


def phrases_pattern(terms: Sequence[str], vocab: Vocabulary, use_vocab: bool) -> Any:
    """Multi-word exceptions: a finding inside one of them is excused (Vale #1035)."""
    terms = list(terms) + (list(vocab.accepted) if use_vocab else [])
    phrases = [t for t in terms if " " in t or "\t" in t or "\\s" in t]
    if not phrases:
        return None
    try:
        return compile_pattern(r"(?i)\b(?:" + "|".join(phrases) + r")\b")
    except ValueError:
        return None


def found_in(pattern: Any, text: str) -> bool:
    """Does an optional pattern (None when a rule has no exceptions) match in ``text``?"""
    return pattern is not None and pattern.search(text) is not None


def within_phrase(phrases: Any, text: str, start: int, end: int) -> bool:
    """Does one match of the optional phrases pattern cover ``text[start:end]``?"""
    if phrases is None:
        return False
    return any(m.start() <= start and end <= m.end() for m in phrases.finditer(text))


def action_of(fields: Mapping[str, Any]) -> tuple[str, list[str]]:
    """A rule's ``action``: its name and params (``replace`` gives suggestions)."""
    action = fields.get("action") or {}
    if not isinstance(action, Mapping):
        return "", []
    return str(action.get("name") or ""), as_strings(action.get("params"))
