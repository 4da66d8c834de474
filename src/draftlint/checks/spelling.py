"""SP1xx unknown words (typos) and SP2xx words on the reject list."""

from __future__ import annotations

from collections.abc import Iterator

from draftlint.drafts.analysis import Token
from draftlint.drafts.document import Document, Span
from draftlint.lexicon.edits import osa_distance
from draftlint.lexicon.judge import judgements, severity_for
from draftlint.lexicon.names import Verdict
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
    "letter, a first vowel for a vowel or a first consonant for one of the same sound "
    '("surfishent", "exzeptable", "kontente"); an unlisted regular '
    "form "
    '("hypergrowth", "hereditaries") is not. A doubtful lowercase word is a warning when '
    "a candidate one edit away (not an inflection of it) makes its sentence far likelier, "
    'by the 3-gram model GR101 reads ("the drak fairy tale": dark); and a slip of one word '
    'is told before a doubtful split into two ("latetest": latest, not late test). A '
    "capitalised string the web writes rarely, used once, is a warning when a far more "
    "frequent capitalised word one edit away makes its sentence far likelier by the same "
    'model ("held on Sanday": Sunday; "Councillor Sanday Patel" is a name). A capitalised '
    "string the web never writes, used once, one cheap edit (a dropped, doubled or swapped "
    "letter) from a far more frequent capitalised word is a warning even after a first name "
    'or a title ("Tyler Prry": Perry); one the web writes rarely is a name ("Barry '
    'Sheerman") unless two of its letters are swapped ("Tony Llyod": Lloyd) or it is one '
    'of the most frequent capitalised words with a letter left out ("Britan"). The '
    "severity follows the confidence: error when sure, warning when likely, info when only "
    "possible.",
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
        if verdict.kind == "typo" and severity_for(verdict.confidence) < Severity.WARNING:
            verdict = _weighed_in_context(document, token, verdict, context.settings.sensitivity)
        suggestions = verdict.suggestions[:5]
        hint = f"; did you mean {suggestions[0]!r}?" if suggestions else ""
        yield Finding(
            Span(token.start, token.end),
            f"unknown word {token.text!r}{hint}",
            suggestions,
            severity=severity_for(verdict.confidence),
        )


#: How many of a doubtful word's candidates are weighed in its sentence.
_CANDIDATES = 5


def _weighed_in_context(
    document: Document, token: Token, verdict: Verdict, sensitivity: float
) -> Verdict:
    """A doubtful lowercase word (a note) is a slip (a warning) when a candidate one edit
    away makes its window in the sentence far likelier ("the drak fairy tale": dark), by the
    evidence GR101 asks of a word the n-gram model does not know (``context.slips.
    unknown_threshold``, moved by the sensitivity as there); that candidate then comes first."""
    if not token.text.islower():
        return verdict  # a capitalised word mid-sentence is a name before it is a slip
    from draftlint.context import slips  # noqa: PLC0415 - numpy and the model, when needed
    from draftlint.context.fit import fit_gains  # noqa: PLC0415
    from draftlint.context.sensitivity import sensitivity_level  # noqa: PLC0415
    from draftlint.context.slip_scores import is_inflection  # noqa: PLC0415
    from draftlint.context.words import model_texts  # noqa: PLC0415

    # One edit away only: further candidates are the word model's guesses, and a context
    # that favours one of them ("grassroot" -> "great") says nothing of a slip. Nor an
    # inflection ("grassroot" -> "grassroots"): the form written is a word's variant.
    candidates = [
        c
        for c in verdict.suggestions[:_CANDIDATES]
        if c.isalpha()
        and c.islower()
        and osa_distance(token.text, c) == 1
        and not is_inflection(token.text, c)
    ]
    analysis = document.analysis
    k = analysis.sentence_at(token.start)
    if not candidates or k is None:
        return verdict
    sentence = analysis.sentences[k]
    tokens = analysis.tokens[sentence.first_token : sentence.last_token]
    texts = model_texts(tokens)
    gains = fit_gains(
        texts, analysis.token_index_at(token.start) - sentence.first_token, candidates
    )
    best = max(range(len(candidates)), key=gains.__getitem__)
    if gains[best] < slips.unknown_threshold(sensitivity_level(sensitivity)):
        return verdict
    first = candidates[best]
    rest = tuple(c for c in verdict.suggestions if c != first)
    return verdict._replace(confidence=max(verdict.confidence, 0.5), suggestions=(first, *rest))


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
