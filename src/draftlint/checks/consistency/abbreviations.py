"""CN304 abbreviation used before it is spelled out; CN305 abbreviation spelled out twice.

A definition is an expansion beside the abbreviation in brackets, either way round:
"Equal Opportunities Commission (EOC)" or "the MPC (the Bank of England's Monetary Policy
Committee)".  The expansion must give the abbreviation's letters as the initials of its words
(small words such as "of" and "and" may be skipped, hyphenated parts may count), so a bracket
that merely follows a name is no definition.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from draftlint.data_files import read_list
from draftlint.drafts.analysis import Token
from draftlint.drafts.document import Document, Span
from draftlint.drafts.facts import cached, headline_paragraphs
from draftlint.rule import Context, rule
from draftlint.violation import Finding, Severity

_BRACKETED = re.compile(r"\(([A-Z][A-Z&]{1,7})s?\)")
_ABBREVIATION = re.compile(r"^[A-Z][A-Z&]{1,7}s?$")
_SMALL = frozenset("of and the for on in to at de du la von van & a an".split())


@cache
def well_known() -> frozenset[str]:
    return frozenset(read_list("lists/well-known-abbreviations.txt"))


@dataclass(frozen=True)
class Definition:
    abbreviation: str
    span: Span  # the expansion and the abbreviation, brackets included
    abbreviation_span: Span


def _initials(words: list[str]) -> set[str]:
    """Every way the words can spell initials: small words optional, hyphen parts optional."""
    options = {""}
    for word in words:
        parts = [p for p in word.split("-") if p]
        firsts = {word[0]}
        if len(parts) > 1:
            firsts.add("".join(p[0] for p in parts))
        if word.lower() in _SMALL:
            firsts.add("")
        options = {o + f for o in options for f in firsts}
        if len(options) > 256:
            break
    return {o.upper() for o in options}


def _spells(tokens: list[Token], abbreviation: str, from_end: bool) -> Token | None:
    """The first word of the last (or first) k words that spell the abbreviation, for some k."""
    letters = (
        abbreviation.rstrip("s")
        if abbreviation.endswith("s") and abbreviation[:-1].isupper()
        else abbreviation
    )
    letters = letters.replace("&", "")
    words = [t for t in tokens if t.kind in ("word", "abbrev")]
    for k in range(len(letters), min(len(words), len(letters) * 2 + 2) + 1):
        chosen = words[-k:] if from_end else words[:k]
        if (
            chosen
            and chosen[0].text.lower() not in _SMALL
            and letters in _initials([t.text for t in chosen])
        ):
            return chosen[0]
    return None


def definitions(document: Document) -> list[Definition]:
    return cached(document, "definitions", _definitions)


def _definitions(document: Document) -> list[Definition]:
    prose = document.prose
    analysis = document.analysis
    tokens = analysis.tokens
    found: list[Definition] = []
    for m in _BRACKETED.finditer(prose):
        abbreviation = m.group(1)
        first = analysis.token_index_at(m.start())
        window = [t for t in tokens[max(0, first - 2 * len(abbreviation) - 2) : first]]
        sentence = analysis.sentence_at(m.start())
        if sentence is not None:
            window = [t for t in window if t.start >= analysis.sentences[sentence].start]
        first_word = _spells(window, abbreviation, from_end=True)
        if first_word is not None:
            found.append(
                Definition(
                    abbreviation, Span(first_word.start, m.end()), Span(m.start(1), m.end(1))
                )
            )
    # "the MPC (the Bank of England's Monetary Policy Committee)"
    for m in re.finditer(r"\b([A-Z][A-Z&]{1,7})s? \(([^()]{3,120})\)", prose):
        inner_start = m.start(2)
        inner = [
            t
            for t in tokens[
                analysis.token_index_at(inner_start) : analysis.token_index_at(m.end(2))
            ]
        ]
        words = [t for t in inner if t.kind in ("word", "abbrev")]
        for cut in range(len(words)):
            if _spells(words[cut:], m.group(1), from_end=False) is not None:
                found.append(
                    Definition(m.group(1), Span(m.start(), m.end() + 1), Span(m.start(1), m.end(1)))
                )
                break
    found.sort(key=lambda d: d.span.start)
    return found


def _uses(document: Document, abbreviation: str, defined: list[Definition]) -> list[Token]:
    """The abbreviation in running text: headlines use abbreviations before any definition."""
    inside = [d.span for d in defined]
    analysis = document.analysis
    headlines = headline_paragraphs(document)
    index = _words_by_text(document)
    written = sorted(index.get(abbreviation, []) + index.get(abbreviation + "s", []))
    tokens = analysis.tokens
    return [
        t
        for t in (tokens[i] for i in written)
        if not any(s.start <= t.start < s.end for s in inside)
        and analysis.sentences[analysis.sentence_at(t.start) or 0].paragraph not in headlines
    ]


def _words_by_text(document: Document) -> dict[str, list[int]]:
    """Token indexes of the draft's words that could be an abbreviation (two capitals
    first), by their text, in order: looking up each defined abbreviation costs a dict
    look-up, not a walk over the whole draft (which made a long file's cost grow with its
    length times its abbreviations)."""

    def build(doc: Document) -> dict[str, list[int]]:
        index: dict[str, list[int]] = {}
        for i, t in enumerate(doc.analysis.tokens):
            if t.kind == "word" and t.text[:2].isupper():  # what ``definitions`` can define
                index.setdefault(t.text, []).append(i)
        return index

    return cached(document, "words-by-text", build)


def _line(document: Document, offset: int) -> int:
    return document.line_col(document.to_source(Span(offset, offset)).start)[0]


@rule(
    "CN304",
    "abbreviation-before-definition",
    Severity.WARNING,
    "An abbreviation used before the draft spells it out.",
    what='An abbreviation such as "EOC" that appears before its definition "Equal Opportunities '
    'Commission (EOC)". Abbreviations every reader knows (NATO, US, UN, BBC ...: '
    "rules/lists/well-known-abbreviations.txt) are left alone.",
    why="The definition has to come at the first use, or the reader meets letters that mean "
    "nothing yet.",
    bad="The EOC said pay was unequal. The Equal Opportunities Commission (EOC) wants change.",
    good="The Equal Opportunities Commission (EOC) said pay was unequal. The EOC wants change.",
)
def abbreviation_before_definition(document: Document, context: Context) -> Iterator[Finding]:
    if "(" not in document.prose:
        return
    found = definitions(document)
    known = well_known()
    seen: set[str] = set()
    for definition in found:
        abbreviation = definition.abbreviation
        if abbreviation in seen or abbreviation in known:
            continue
        seen.add(abbreviation)
        uses = [t for t in _uses(document, abbreviation, found) if t.start < definition.span.start]
        if uses:
            first = uses[0]
            yield Finding(
                Span(first.start, first.end),
                f"'{first.text}' is used before it is spelled out "
                f"(line {_line(document, definition.span.start)})",
            )


@rule(
    "CN305",
    "abbreviation-defined-twice",
    Severity.INFO,
    "An abbreviation spelled out a second time.",
    what="A second definition of an abbreviation the draft already spelled out "
    '("Equal Opportunities Commission (EOC)" twice).',
    why="After the first definition the abbreviation alone is enough; defining it again suggests "
    "paragraphs moved or pasted from another piece.",
    bad="The Equal Opportunities Commission (EOC) met. Women earn less, says the Equal "
    "Opportunities Commission (EOC).",
    good="The Equal Opportunities Commission (EOC) met. Women earn less, says the EOC.",
)
def abbreviation_defined_twice(document: Document, context: Context) -> Iterator[Finding]:
    if "(" not in document.prose:
        return
    known = well_known()
    first: dict[str, Definition] = {}
    for definition in definitions(document):
        if definition.abbreviation in known:
            continue
        earlier = first.setdefault(definition.abbreviation, definition)
        if earlier is not definition:
            yield Finding(
                definition.span,
                f"'{definition.abbreviation}' is spelled out again (first at line "
                f"{_line(document, earlier.span.start)}); use the abbreviation alone",
                (definition.abbreviation,),
            )


__all__ = ["definitions", "Definition"]
RULES = (abbreviation_before_definition, abbreviation_defined_twice)
