"""GR1xx: real-word slips and dropped words, judged by a compact n-gram model of English.

Both rules read one scan of the document (``context_slips.scan`` over every sentence at
once: one batch of model lookups), made ahead for a whole group of files when the runner lints
them together (``prefetch_scans``).  The model and numpy load only when a GR1 rule runs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from draftlint.checks.grammar.syntax import opens_clause, parsed_holes
from draftlint.context.words import model_texts
from draftlint.drafts.document import Document, Span
from draftlint.drafts.facts import cached, headline_paragraphs, is_cached
from draftlint.lexicon.judge import lexicon_for
from draftlint.rule import Context, rule
from draftlint.syntax.parser import parse
from draftlint.violation import Finding, Severity

#: The rules that read ``_scan``: a group of documents is scanned ahead (``prefetch_scans``)
#: only for those where one of them runs.
SCAN_READERS = frozenset(("GR101", "GR102"))


def _slot(sensitivity: float) -> str:
    return f"context-scan-{sensitivity!r}"


def _sentences(document: Document) -> tuple[list[list[str]], list[list[int]]]:
    """The document's sentences as the model reads them, and their token indexes."""
    analysis = document.analysis
    headlines = headline_paragraphs(document)
    sentences: list[list[int]] = []
    for sentence in analysis.sentences:
        if sentence.paragraph in headlines:
            continue  # titles drop their function words on purpose
        sentences.append(list(range(sentence.first_token, sentence.last_token)))
    # Symbols ("Marks & Spencer") and URLs stay in the sentence as a comma: the model reads no
    # word there, and no gap beside one is a dropped word. An inline object (code, an image)
    # stands for words the model cannot see: it reads an unknown word there.
    texts = [model_texts(analysis.tokens[i] for i in indexes) for indexes in sentences]
    return texts, sentences


Scanned = list[tuple[list[Any], list[Any], list[int]]]


def _scanned(results: Sequence[tuple[list[Any], list[Any]]], sentences: list[list[int]]) -> Scanned:
    """The scan's (slips, dropped words) of each sentence, with the sentence's token indexes."""
    return [
        (slips, dropped, indexes)
        for (slips, dropped), indexes in zip(results, sentences, strict=True)
    ]


def _scan(document: Document, sensitivity: float) -> Scanned:
    """Per sentence: its slips, its dropped words and the token indexes they refer to."""

    def build(doc: Document) -> Scanned:
        from draftlint.context.slips import scan

        texts, sentences = _sentences(doc)
        return _scanned(scan(texts, sensitivity) if texts else [], sentences)

    return cached(document, _slot(sensitivity), build)


def prefetch_scans(documents: Sequence[tuple[Document, float]]) -> None:
    """Scan the sentences of several documents (each with its sensitivity) in one call per
    sensitivity and keep each document's results where ``_scan`` finds them.

    A scan's fixed cost (its rounds of numpy lookups) is most of it on a document of a few
    hundred words, and each sentence is scored on its own, so the results are those of a scan
    per document at about a third of the cost. A document whose sentences cannot be read is
    left out (its rule raises on it as it would alone); if the scan raises, nothing is kept and
    each document is scanned alone, inside its rules.
    """
    if not documents:
        return  # no GR1 rule runs: the model and numpy are not even imported
    from draftlint.context.slips import scan

    by_level: dict[float, list[tuple[Document, list[list[str]], list[list[int]]]]] = {}
    for document, sensitivity in documents:
        if is_cached(document, _slot(sensitivity)):
            continue
        try:
            texts, sentences = _sentences(document)
        except Exception:  # noqa: BLE001, S112 - raised again, by the rule, on this document
            continue
        by_level.setdefault(sensitivity, []).append((document, texts, sentences))
    for sensitivity, todo in by_level.items():
        try:
            results = scan([text for _, texts, _ in todo for text in texts], sensitivity)
        except Exception:  # noqa: BLE001, S112 - each document tries again alone, in its rules
            continue
        at = 0
        for document, texts, sentences in todo:
            got = _scanned(results[at : at + len(texts)], sentences)
            at += len(texts)
            cached(document, _slot(sensitivity), lambda _, got=got: got)


#: Slips the n-gram window cannot judge and a parse can: "if" opening a clause whose verb
#: comes far after it ("if the fall of the dollar kept eating": the model sees "if the fall"
#: and prefers "in"). A word here is parsed in its sentence before it is reported (rarely: a
#: few in a hundred articles); the context guards have let it through already when they could.
PARSE_CONFIRMED = frozenset(("if",))


def _parse_clears(document: Document, start: int, end: int, at: int) -> bool:
    """Whether the parse of prose[start:end] shows the word at ``at`` used as written; False
    when the parser cannot load (the n-gram finding stands, as without the parser)."""
    text = document.prose[start:end].replace("\u00a0", " ")
    parses = parse([text])
    if not parses:
        return False
    words = parses[0]
    for i, word in enumerate(words):
        if word.start == at - start:
            return opens_clause(words, i)
    return False


@rule(
    "GR101",
    "real-word-slip",
    Severity.WARNING,
    "A real word that is probably a slip for a similar one (ad for and, form for from).",
    what="A real word where a similar word is far more probable in its context, judged by a "
    "3-gram model of English. The similar words are those of the listed confusion sets "
    "(and/ad/an, of/or/off, form/from, than/then, their/there, its/it's, to/too, lose/loose, "
    "affect/effect ... in rules/lists/confusion-sets.txt) and, for any word, the 300 most "
    "frequent words one edit away (fir/for, he/the, top/to), except inflections, "
    "dialect pairs and a/an (a capitalised word is weighed against the listed sets only). "
    "A lowercase word the model does not know at all (a dictionary word such as 'ks' or 'tb', "
    "rare in edited prose) is a slip when a frequent word one edit away makes its context far "
    "likelier ('Robinson ks the right man': is). "
    "The threshold follows the sensitivity setting. A few uses the model cannot see are "
    "let through: a correction that would double the word beside it ('the then Lord "
    "Chancellor' is no slip for 'the the'), 'nor' after 'neither' or another negative, "
    "'than' after a comparative, 'if' opening a clause (its verb found by a dependency parse "
    "when it comes far after: 'if the fall of the dollar kept eating'), 'too' before a "
    "comma, 'now' after a modal or 'have', 'or' in a list or between two like nouns, 'an' "
    "opening an apposition or before an initialism such as 'IAEA'.",
    why="A slip that makes a real word passes every spell checker and reaches print.",
    bad="Putin faces much less political ad institutional pressure.",
    good="Putin faces much less political and institutional pressure.",
)
def real_word_slip(document: Document, context: Context) -> Iterator[Finding]:
    """The n-gram scan's slips; a few are first read by the parser (``PARSE_CONFIRMED``)."""
    tokens = document.analysis.tokens
    lexicon = None
    for slips, _, indexes in _scan(document, context.settings.sensitivity):
        for slip in slips:
            token = tokens[indexes[slip.index]]
            if slip.unknown:
                # a word the model does not know: SP101's when no dictionary knows it either
                # ("lasp"), and the writer's own when their vocabulary lists it
                lexicon = lexicon or lexicon_for(context.settings.vocabularies)
                if not lexicon.is_word(token.text) or lexicon.is_accepted(token.text):
                    continue
            elif token.text.lower() in PARSE_CONFIRMED and _parse_clears(
                document, tokens[indexes[0]].start, tokens[indexes[-1]].end, token.start
            ):
                continue
            yield Finding(
                Span(token.start, token.end),
                f"{token.text!r} is probably a slip for {slip.alternative!r} here",
                (slip.alternative,),
            )


@rule(
    "GR102",
    "dropped-word",
    # A note, not a warning: a 3-gram model finds only a few dropped words (7% of those
    # deleted, bench/quality.py), and on clean news about 4 in 10 of its notes are not slips.
    Severity.INFO,
    "A function word (the, to, of, a ...) that is very likely missing.",
    what="A gap between two words where a short function word is missing, judged by a 3-gram "
    "model of English from several signals (the pair across the gap is unseen or improbable, "
    "and the inserted word makes known pairs on both sides). Where a dependency parse shows "
    "the hole it is a warning: 'to' after a verb that takes an infinitive or a question word "
    "('continue [to] offer', 'unsure how [to] deal'), 'be' after a modal ('could [be] "
    "limited'), 'the' in 'one of [the] harshest', 'of' after a quantifier ('one [of] the "
    "most') or between two noun phrases that the parse gives one role ('the remainder [of] "
    "the band played', 'the top [of] the table'); a relative clause ('the songs the band "
    "played'), two objects ('send the instructor an e-mail') and an opening phrase without "
    "its comma are let through.",
    why="Words dropped in editing leave sentences that read as broken.",
    bad="They will continue offer help to the region.",
    good="They will continue to offer help to the region.",
)
def dropped_word(document: Document, context: Context) -> Iterator[Finding]:
    seen: set[int] = set()
    # first the holes a parse shows (warnings), then the n-gram model's notes
    for before, word, after in parsed_holes(document):
        seen.add(after.start)
        yield Finding(
            Span(before.start, after.end),
            f"a word is missing: {before.text} {word} {after.text}",
            (f"{before.text} {word} {after.text}",),
            severity=Severity.WARNING,
        )
    tokens = document.analysis.tokens
    for _, dropped, indexes in _scan(document, context.settings.sensitivity):
        for gap in dropped:
            after = tokens[indexes[gap.index]]
            if after.start in seen:
                continue
            before = tokens[indexes[gap.index - 1]] if gap.index > 0 else after
            yield Finding(
                Span(before.start, after.end),
                f"a word may be missing: {before.text} {gap.word} {after.text}?",
                (f"{before.text} {gap.word} {after.text}",),
            )


RULES = (real_word_slip, dropped_word)
