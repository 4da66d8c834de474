"""WS1xx: missing spaces - words run together and sentences glued at their punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from draftlint.checks.spelling import severity_for
from draftlint.drafts.document import Document, Span
from draftlint.lexicon.judge import judgements
from draftlint.rule import Context, rule
from draftlint.violation import Finding, Severity

#: A split this sure is applied by --fix; below it the split is only suggested.
CERTAIN_SPLIT = 0.85


def _joined(document: Document, context: Context, camel: bool) -> Iterator[Finding]:
    for judgement in judgements(document, context.settings.vocabularies):
        verdict = judgement.verdict
        if verdict.kind != "joined" or not verdict.suggestions:
            continue
        token = judgement.token
        head = verdict.suggestions[0].split(" ", 1)[0]
        is_camel = head[:1].isupper() and token.text[len(head) : len(head) + 1].isupper()
        if is_camel != camel:
            continue
        split = verdict.suggestions[0]
        yield Finding(
            Span(token.start, token.end),
            f"{token.text!r} looks like two words run together: {split!r}",
            (split,),
            fix=split if verdict.confidence >= CERTAIN_SPLIT else None,
            severity=severity_for(verdict.confidence),
        )


@rule(
    "WS101",
    "run-together-capitalised-words",
    Severity.ERROR,
    "Two capitalised words (names) written as one.",
    what="A camel-case word that the dictionary does not know and that splits into two known "
    "words or names, such as a first name and a surname, also inside a hyphenated word "
    '("SanFrancisco-based"). A first name, a title or a demonym run into a capitalised '
    'string no dictionary knows is a warning ("AnatolyTyukanov", "DrVancheshwar"), and so is '
    '"The" run into a name the web does not write so ("TheAviator"). Real '
    "camel-case names (McMaster, MacArthur, DeSantis, YouTube, iPhone, JPMorgan) are words, "
    "not joins.",
    why="A lost space between names survives spell checkers that skip capitalised words.",
    bad="US Secretary of State RexTillerson declined to comment.",
    good="US Secretary of State Rex Tillerson declined to comment.",
    fixable=True,
)
def run_together_capitalised(document: Document, context: Context) -> Iterator[Finding]:
    return _joined(document, context, camel=True)


@rule(
    "WS102",
    "run-together-words",
    Severity.ERROR,
    "Two lowercase words written as one.",
    what="An unknown word that splits into two known words with high probability, and better "
    "than any single-word correction explains it, or a contraction or possessive run into "
    'the word after it ("We\'veseen", "doesn\'tmatter", "Blair\'sgovernment"). Only a note '
    "when it may be a closed "
    'compound the dictionary lacks (a first word that starts closed compounds, "carmaking"; '
    'not a determiner or an -ed or -ing form, "othermagazines", "movingcars") '
    'or a name (a capitalised string, "Corkman"); a letter three times in a row is in no '
    'word ("fulllegal"). A word ending in a suffix ("kickable", "tieless") is a derivation, '
    "not two words, unless the part before it is a function word or an -ed or -ing form, "
    'which suffixes other than -ness, -wise and -like do not follow ("fromsome", '
    '"accusedsome").',
    why="Words run together are a common keying and editing slip (a space lost when a word is "
    "deleted beside it).",
    bad="They cast doubt on Russia altogethergrouping Russia with others.",
    good="They cast doubt on Russia altogether grouping Russia with others.",
    fixable=True,
)
def run_together_words(document: Document, context: Context) -> Iterator[Finding]:
    return _joined(document, context, camel=False)


# "month.The", "2004.It", "said,that": a word (not an initial or an abbreviation), the mark,
# and straight on a word.  Lookbehind keeps domains, file names and dotted abbreviations out;
# the tokens confirm that neither side is part of a URL, an e-mail address or a number.
_GLUED_STOP = re.compile(
    r"(?<![\w.@/\\-])([^\W\d_]*[a-z]{2}|\d{2,})([.?!])([A-Z][a-z]+)\b(?![.@/])"
)
_GLUED_COMMA = re.compile(r"(?<![\w.@/\\-])([^\W\d_]*[a-z]{2})([,;])([A-Za-z][a-z]+)\b(?![.@/(])")


@rule(
    "WS103",
    "missing-space-after-punctuation",
    Severity.ERROR,
    "No space after a full stop, question mark, exclamation mark, comma or semicolon.",
    what='A word glued to the next one by its punctuation: "month.The", "said,that", '
    '"Hodgson,Martin", "Naude,economist" (after a comma each side is a known word or a '
    "capitalised name). Never "
    "flagged: abbreviations (U.S., e.g., H.R.), decimals (3.5), initials, file names, "
    'domains, URLs, e-mail addresses and lowercase strings that are no words ("usr,grp").',
    why="The missing space is easy to miss on screen and obvious in print.",
    bad="The vote failed last month.The house rose.",
    good="The vote failed last month. The house rose.",
    fixable=True,
)
def missing_space_after_punctuation(document: Document, context: Context) -> Iterator[Finding]:
    prose = document.prose
    analysis = None
    for pattern in (_GLUED_STOP, _GLUED_COMMA):
        for match in pattern.finditer(prose):
            analysis = analysis or document.analysis
            left = analysis.tokens[analysis.token_index_at(match.start())]
            if left.start != match.start() or left.kind not in ("word", "number"):
                continue  # inside a URL, e-mail address, handle or longer token
            if pattern is _GLUED_COMMA:
                from draftlint.lexicon.judge import lexicon_for

                lexicon = lexicon_for(context.settings.vocabularies)
                left_word, right_word = match.group(1), match.group(3)
                # each side a word or a name: "Aramburu,and", "country,Agence", "Hodgson,Martin"
                if not all(
                    lexicon.is_word(side) or side[:1].isupper() for side in (left_word, right_word)
                ):
                    continue  # "abc,def" in a formula or a code: not two words
            mark = match.group(2)
            at = match.start(2)
            yield Finding(
                Span(at, at + 1),
                f"no space after {mark!r}",
                (f"{mark} ",),
                fix=f"{mark} ",
            )


RULES = (run_together_capitalised, run_together_words, missing_space_after_punctuation)
