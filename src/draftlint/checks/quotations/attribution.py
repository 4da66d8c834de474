"""QT2xx attribution (who said it, how it is said) and QT103 punctuation placement at quotes.

All of these read the shared speech analysis (checks/speech.py): quotations paired the way
news copy writes them, speech cues outside quotations, speakers next to attribution verbs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from draftlint.checks.consistency.names import introductions, name_runs
from draftlint.data_files import read_list
from draftlint.drafts.document import Document, Span
from draftlint.drafts.facts import headline_paragraphs
from draftlint.drafts.speech import PAST, PRESENT, Cue, Quote, speech
from draftlint.rule import Context, rule
from draftlint.violation import Finding, Severity

#: A quotation of fewer words is a phrase, a scare quote or a term, not a statement.
MIN_WORDS = 5
_QUOTE_OPENERS = '"\u201c\u201e'
_PRONOUNS = frozenset("he she they we i there".split())
#: Between the halves of a split quotation: ' Crystal continued, referring to the scenes, '.
_SPLIT = re.compile(r"\s[^\"\u201c\u201d]{1,100},\s*$")
#: Before a noun, not a verb: "the claims that", "of claims that", "his admission".
_DETERMINERS = frozenset(
    "the a an these those this that his her their its our my your such any no new recent earlier "
    "similar false repeated of about over against amid despite with to for by from on in "
    "among".split()
)


@cache
def loaded_verbs() -> dict[str, str]:
    pairs = {}
    for entry in read_list("lists/loaded-attribution-verbs.txt"):
        loaded, neutral = entry.split("\t")
        pairs[loaded] = neutral
    return pairs


# ---------------------------------------------------------------------------- QT201
@rule(
    "QT201",
    "unattributed-quotation",
    Severity.WARNING,
    "A direct quotation with no speaker.",
    what="A quotation of five or more words (option min-words) standing as its own sentence, or "
    'after a colon with no name or pronoun before it, with no speech verb or "according to" '
    "(rules/lists/speech-verbs.txt) outside quotation marks in its sentence or the sentence before "
    'or after, that does not go on from an attributed quotation of its paragraph ("...," he '
    'said. "More.") or the one before. Quotations inside the writer\'s own sentence (phrases, '
    "signs, titles, scare quotes) are left alone; a paragraph gets one finding, at its first "
    "unattributed quotation.",
    why="A quotation without a source cannot be checked and reads as the writer's own claim in "
    "someone else's voice; attribution is the first thing an editor asks for.",
    bad='The talks collapsed. "We have no specific agenda for the meeting." The ministers left.',
    good='The talks collapsed. "We have no specific agenda for the meeting," McMaster said.',
)
def unattributed_quotation(document: Document, context: Context) -> Iterator[Finding]:
    try:
        minimum = int(context.options.get("min-words", MIN_WORDS))
    except (TypeError, ValueError):
        minimum = MIN_WORDS  # a bad option value must not crash the run
    found = speech(document)
    headlines = headline_paragraphs(document)
    reported: set[int] = set()
    for i, quote in enumerate(found.quotes):
        if quote.words < minimum or quote.title_like or quote.paragraph in headlines:
            continue
        if found.attributed[i] or found.continued[i] or quote.paragraph in reported:
            continue
        reported.add(quote.paragraph)  # one finding per paragraph: one attribution mends the run
        yield Finding(
            Span(quote.start, quote.start + 1),
            f"quotation of {quote.words} words has no speaker: no attribution such as 'said' "
            "in its sentence or the one before or after",
        )


# ---------------------------------------------------------------------------- QT202
def _attributes_speech(document: Document, cue: Cue) -> bool:
    """The verb introduces speech: "claimed that", "claimed: \"...\"", "\"...,\" he claimed"."""
    prose = document.prose
    tokens = document.analysis.tokens
    if cue.token > 0 and (
        tokens[cue.token - 1].text.lower() in _DETERMINERS
        or tokens[cue.token - 1].text.endswith(("'s", "\u2019s", "s'"))
    ):
        return False  # a noun: "the claims that he lied", "Obama's claims that"
    after = prose[cue.end : cue.end + 4].lstrip(" ,:")
    if after[:1] in _QUOTE_OPENERS:
        return True
    nxt = tokens[cue.token + 1].text.lower() if cue.token + 1 < len(tokens) else ""
    if nxt == "that" or nxt in _PRONOUNS:
        return True
    before = prose[max(0, cue.start - 40) : cue.start]
    for mark in ("\u201d", '"'):
        at = before.rfind(mark)
        if at >= 1 and before[at - 1] in ",!?" and len(before[at + 1 :].split()) <= 3:
            return True
    return False


@rule(
    "QT202",
    "loaded-attribution-verb",
    Severity.INFO,
    "An attribution verb that takes sides.",
    what='"claimed", "admitted", "insisted", "conceded", "alleged", "boasted" and '
    '"confessed" (rules/lists/loaded-attribution-verbs.txt) used to introduce what someone said: '
    'followed by "that", a pronoun or a quotation, or right after one.',
    why='AP advises "said": it is neutral. "Claimed" tells the reader to doubt the speaker, '
    '"admitted" that there was something to confess; in commentary that judgement should be '
    "argued, not slipped into a verb.",
    bad="Tillerson claimed that the president did not accept the assurance.",
    good="Tillerson said that the president did not accept the assurance.",
)
def loaded_attribution_verb(document: Document, context: Context) -> Iterator[Finding]:
    verbs = loaded_verbs()
    for cue in speech(document).cues:
        neutral = verbs.get(cue.text)
        if neutral is None or not _attributes_speech(document, cue):
            continue
        word = document.prose[cue.start : cue.end]
        suggestion = neutral.capitalize() if word[0].isupper() else neutral
        yield Finding(
            Span(cue.start, cue.end),
            f"'{word}' judges the speaker; '{neutral}' is neutral",
            (suggestion,),
        )


# ---------------------------------------------------------------------------- QT203
@rule(
    "QT203",
    "said-says-mixed",
    Severity.INFO,
    'Attributions in both "said" and "says".',
    what='A draft that attributes with both "said" and "says" outside quotations; the less used '
    "tense is reported.",
    why="News copy attributes in the past tense, features often in the present; switching within "
    "one piece makes the timeline wobble.",
    bad='"We will win," Smith said. "It is close," Jones says.',
    good='"We will win," Smith said. "It is close," Jones said.',
)
def said_says_mixed(document: Document, context: Context) -> Iterator[Finding]:
    headlines = headline_paragraphs(document)
    paragraphs = document.analysis.sentences
    cues = [
        c
        for c in speech(document).cues
        if c.text in (PAST, PRESENT) and paragraphs[c.sentence].paragraph not in headlines
    ]
    past = [c for c in cues if c.text == PAST]
    present = [c for c in cues if c.text == PRESENT]
    if not past or not present:
        return
    if len(past) != len(present):
        minority, usual = (past, PRESENT) if len(past) < len(present) else (present, PAST)
    else:  # a tie: the tense the draft opened with is its tense
        minority, usual = (present, PAST) if past[0].start < present[0].start else (past, PRESENT)
    counts = f"{max(len(past), len(present))} to {min(len(past), len(present))}"
    for cue in minority:
        word = document.prose[cue.start : cue.end]
        yield Finding(
            Span(cue.start, cue.end),
            f"'{word}' in a draft that mostly attributes with '{usual}' ({counts})",
            (usual.capitalize() if word[0].isupper() else usual,),
        )


# ---------------------------------------------------------------------------- QT204
@rule(
    "QT204",
    "speaker-not-introduced",
    Severity.WARNING,
    "A quotation attributed by surname before the full name is given.",
    what='A speaker named by surname alone ("Mr Beith said", "Tillerson said") in the sentence '
    "of a quotation, when the draft gives the full name only later (a warning), or never gives it "
    'although it writes "Mr Beith" (info: news style lets the famous go without). A surname '
    "without a title that never gets a full name could be an organisation and is left alone.",
    why="Readers meet a quoted person by full name and role first; a surname from nowhere sends "
    "them searching the text for who is speaking.",
    bad='"We will fight on," Mr Beith said. The Liberal Democrat Alan Beith later left.',
    good='"We will fight on," Alan Beith said. Mr Beith later left.',
)
def speaker_not_introduced(document: Document, context: Context) -> Iterator[Finding]:
    found = speech(document)
    if not found.quotes:
        return
    introduced = introductions(document)
    titled = {r.surname for r in name_runs(document) if r.honorific}
    quote_sentences = set()
    for quote in found.quotes:
        if quote.words >= 3 and not quote.title_like:  # speech, not a scare quote or a title
            quote_sentences.update(range(quote.first_sentence, quote.last_sentence + 1))
    reported: set[str] = set()
    for cue in found.cues:
        if cue.sentence not in quote_sentences or " " in cue.text:
            continue
        speaker = found.speaker(document, cue)
        if speaker is None or speaker.full:
            continue
        surname = speaker.surname
        if surname in reported:
            continue
        token = speaker.names[-1]
        first_full = introduced.get(surname)
        title = f"{speaker.honorific} " if speaker.honorific else ""
        if first_full is not None and first_full < token.start:
            continue
        severity = None
        if first_full is not None:
            line = document.line_col(document.to_source(Span(first_full, first_full)).start)[0]
            message = f"{title}{surname} is quoted before the full name is given (line {line})"
        elif speaker.honorific or surname in titled:
            # Info only: news style lets the very famous go without ("Mr Blair said").
            message = f"{title}{surname} is quoted but never introduced by full name"
            severity = Severity.INFO
        else:
            continue
        reported.add(surname)
        start = token.start - len(title) if speaker.honorific else token.start
        yield Finding(Span(start, token.start + len(surname)), message, severity=severity)


# ---------------------------------------------------------------------------- QT103
@rule(
    "QT103",
    "quote-punctuation-placement",
    Severity.WARNING,
    "Commas and full stops both inside and outside closing quotation marks.",
    what="A draft that puts the comma or full stop after a quoted fragment inside the closing mark "
    '(American style: the "working dialogue," he said) in some places and outside it (logical '
    'style: the "working dialogue", he said) in others. Only a fragment quoted inside the '
    "writer's sentence counts as evidence for the inside style: both styles put the stop inside "
    'a quoted whole sentence and before "he said". The less used style is reported.',
    why="Either convention is fine; both in one piece look like two editors who never met.",
    bad='He called it a "working dialogue," and a "first acquaintance", nothing more.',
    good='He called it a "working dialogue," and a "first acquaintance," nothing more.',
)
def quote_punctuation_placement(document: Document, context: Context) -> Iterator[Finding]:
    prose = document.prose
    found = speech(document)
    inside: list[int] = []
    outside: list[int] = []
    analysis = document.analysis
    previous: Quote | None = None
    for quote in found.quotes:
        # The second half of a split quotation ('"We will," he said, "go on."') ends a sentence
        # the speaker began: its stop is inside in both styles.
        resumed = (
            previous is not None
            and previous.closed
            and previous.last_sentence == quote.first_sentence
            and prose[previous.end - 2] == ","
            and _SPLIT.match(prose, previous.end, quote.start) is not None
        )
        previous = quote
        if not quote.closed:
            continue
        sentence_start = analysis.sentences[quote.first_sentence].start
        embedded = bool(
            prose[sentence_start : quote.start].strip()
        )  # words of the writer's before it
        close = quote.end - 1
        if (
            quote.end < len(prose)
            and prose[quote.end] in ",."
            and not prose[quote.end + 1 : quote.end + 2].isalnum()
        ):
            outside.append(quote.end)
            continue
        first = prose[quote.inner_start : quote.inner_start + 1]
        inner = prose[quote.inner_start : close]
        # A quotation running over several sentences ends with its own full stop.
        single = quote.first_sentence == quote.last_sentence
        if (
            prose[close - 1] in ",."
            and first.islower()
            and embedded
            and single
            and not resumed
            and not inner.endswith(("...", "\u2026"))
        ):
            inside.append(close - 1)
    if not inside or not outside:
        return
    if len(inside) != len(outside):
        minority, style = (inside, "inside") if len(inside) < len(outside) else (outside, "outside")
    else:  # a tie: the style the draft opened with is its style
        minority, style = (outside, "outside") if inside[0] < outside[0] else (inside, "inside")
    other = "outside" if style == "inside" else "inside"
    counts = f"{max(len(inside), len(outside))} to {min(len(inside), len(outside))}"
    for at in minority:
        yield Finding(
            Span(at, at + 1),
            f"'{prose[at]}' {style} the closing quotation mark; elsewhere the "
            f"draft puts it {other} ({counts})",
        )


RULES = (
    quote_punctuation_placement,
    unattributed_quotation,
    loaded_attribution_verb,
    said_says_mixed,
    speaker_not_introduced,
)
