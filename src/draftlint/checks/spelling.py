"""SP1xx unknown words (typos) and SP2xx words on the reject list."""

from __future__ import annotations

from collections.abc import Iterator

from draftlint.drafts.document import Document, Span
from draftlint.lexicon.judge import judgements, severity_for
from draftlint.rule import Context, rule
from draftlint.violation import Finding, Severity


@rule(
    "SP101",
    "unknown-word",
    Severity.ERROR,
    "A word that is not English and not a name: a typo.",
    what="A word neither the dictionary (US and UK spellings, inflections, abbreviations, "
    "numbers) nor the draft's own names explain, and that is a likely slip of a known word. "
    "Names are learned from the draft (used mid-sentence, repeated, introduced by a title or "
    "first name), so Peskov or McMaster are not flagged. A lowercase string that no word list "
    "or web count knows and that no regular prefix or ending reads as a word is a warning "
    "even two or three edits from the common word it misses, if it keeps that word's first "
    'letter ("surfishent"); an unlisted regular form '
    '("hypergrowth", "hereditaries") is not. The severity follows the confidence: '
    "error when sure, warning when likely, info when only possible.",
    why="Typos are the slips readers notice first and trust least.",
    bad="Whaterver the expectations, the summit went ahead.",
    good="Whatever the expectations, the summit went ahead.",
)
def unknown_word(document: Document, context: Context) -> Iterator[Finding]:
    for judgement in judgements(document, context.settings.vocabularies):
        verdict = judgement.verdict
        if verdict.kind not in ("typo", "unknown"):
            continue
        token = judgement.token
        suggestions = verdict.suggestions[:5]
        hint = f"; did you mean {suggestions[0]!r}?" if suggestions else ""
        yield Finding(
            Span(token.start, token.end),
            f"unknown word {token.text!r}{hint}",
            suggestions,
            severity=severity_for(verdict.confidence),
        )


@rule(
    "SP201",
    "rejected-word",
    Severity.ERROR,
    "A word the project's vocabulary rejects.",
    what="A word on draftlint's reject list (rules/lists/rejected-words.txt: irregardless, "
    "supposably ...) or rejected by one of the config's vocabularies (a line 'wrong -> right' "
    "or '!wrong'), with the preferred form as the suggestion.",
    why="House style lists words it never wants in print (a deprecated spelling, a banned "
    "term); the linter holds every draft to it.",
    bad="Irregardless of the vote, the talks went on.",
    good="Regardless of the vote, the talks went on.",
)
def rejected_word(document: Document, context: Context) -> Iterator[Finding]:
    for judgement in judgements(document, context.settings.vocabularies):
        if judgement.verdict.kind != "rejected":
            continue
        token = judgement.token
        preferred = tuple(s for s in judgement.verdict.suggestions if s)
        message = f"{token.text!r} is rejected by the project vocabulary"
        if preferred:
            message += f"; use {preferred[0]!r}"
        yield Finding(Span(token.start, token.end), message, preferred)


RULES = (unknown_word, rejected_word)
