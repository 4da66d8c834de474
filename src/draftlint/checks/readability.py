"""RD1xx/RD2xx: readability - long sentences and paragraphs, grades outside the target.

The numbers come from ``readability_of(document)`` (computed once per Document, shared with
the reports) and the targets from ``[tool.draftlint.readability]``: a named profile
(commentary by default) whose numbers any key may override (readability/profiles.py).

Severities, precision first (rates on the 853 BBC News articles of the dev corpus, commentary
profile; see README "Readability"):

* RD101 is info over the limit (35 words: 4.2% of sentences, 42% of articles) and a warning
  from half as long again (53 words: 0.14% of sentences, 2% of articles).  A sentence that
  long is a defect a reader trips over; one of 36 words is a choice an editor weighs.
* RD102, RD201 and RD202 are info: long paragraphs and high grades describe a style, which
  professional copy often has on purpose (the dev corpus's median grade is 10.8).
"""

from __future__ import annotations

from collections.abc import Iterator

from draftlint.drafts.document import Document, Span
from draftlint.readability.document import CLOSERS, FINAL_MARKS, readability_of
from draftlint.rule import Context, rule
from draftlint.violation import Finding, Severity

#: RD101 turns from info into a warning at this multiple of the sentence limit.
SEVERE_SENTENCE = 1.5


def _is_line_block(text: str) -> bool:
    """Lines with no full stop at the end: a plain-text list, an address, verse - not one
    sentence, although the splitter (which never breaks at a line end) reads it as one."""
    return "\n" in text and not text.rstrip(CLOSERS).endswith(FINAL_MARKS)


def _range(grade: tuple[float, float]) -> str:
    return f"{grade[0]:g}\u2013{grade[1]:g}"


@rule(
    "RD101",
    "long-sentence",
    Severity.INFO,
    "A sentence longer than the profile allows (35 words for commentary).",
    what="A sentence with more words than `max_sentence_words` (commentary 35, news 30, general "
    "and technical 25). The span is the whole sentence. It is a warning from half as long again "
    "(53 words for commentary). Lines that end without a full stop (a plain-text list, an "
    "address) are not a sentence and are left alone.",
    why="Comprehension falls as sentences grow: Flesch rated 29 words and more 'very difficult'. "
    "A long sentence usually holds two or three ideas that read better apart.",
    bad="The committee, which had met four times since the spring without reaching any agreement "
    "on the budget, finally voted on Tuesday to delay the repairs to the old bridge until the "
    "engineers had finished their survey of both river banks.",
    good="The committee had met four times since the spring without agreeing on the budget. On "
    "Tuesday it finally voted to delay the repairs to the old bridge. The engineers must first "
    "finish their survey of both river banks.",
)
def long_sentence(document: Document, context: Context) -> Iterator[Finding]:
    limit = context.settings.readability.max_sentence_words
    prose = document.prose
    for sentence in readability_of(document).sentences:
        if sentence.words > limit and not _is_line_block(prose[sentence.start : sentence.end]):
            severe = sentence.words >= limit * SEVERE_SENTENCE
            yield Finding(
                Span(sentence.start, sentence.end),
                f"sentence of {sentence.words} words (limit {limit}); consider splitting it",
                severity=Severity.WARNING if severe else None,
            )


@rule(
    "RD102",
    "long-paragraph",
    Severity.INFO,
    "A paragraph longer than the profile allows (150 words for commentary).",
    what="A prose paragraph with more words than `max_paragraph_words` (commentary and technical "
    "150, general 100, news 75). Titles and headings are not paragraphs here.",
    why="A long paragraph is a wall of text, above all on a phone screen; breaking it where the "
    "argument turns gives the reader a place to rest.",
    bad="The council met on Monday to discuss the budget, which had been delayed twice already "
    "this year. Members argued at length about the cost of repairing the old bridge over the "
    "river. Some said the repairs could wait until the spring, when the weather would be better "
    "and the contractors less busy. Others said the bridge was unsafe today and that every week "
    "of delay put lives at risk. The chair asked the engineers to report back within a month, "
    "and they agreed to do so. Residents who attended the meeting were not impressed by the "
    "delay. One of them said the council had known about the problem for years but had done "
    "nothing about it at all. Another said that people were tired of waiting for answers that "
    "never came. The engineers will publish their findings in the spring, the council said in a "
    "statement after the meeting. Work on the bridge will not start before the summer.",
    good="The council met on Monday to discuss the budget, which had been delayed twice already "
    "this year. Members argued at length about the cost of repairing the old bridge over the "
    "river. Some said the repairs could wait until the spring, when the weather would be better "
    "and the contractors less busy. Others said the bridge was unsafe today and that every week "
    "of delay put lives at risk. The chair asked the engineers to report back within a month, "
    "and they agreed to do so.\n\n"
    "Residents who attended the meeting were not impressed by the delay. One of them said the "
    "council had known about the problem for years but had done nothing about it at all. "
    "Another said that people were tired of waiting for answers that never came. The engineers "
    "will publish their findings in the spring, the council said in a statement after the "
    "meeting. Work on the bridge will not start before the summer.",
)
def long_paragraph(document: Document, context: Context) -> Iterator[Finding]:
    limit = context.settings.readability.max_paragraph_words
    for paragraph in readability_of(document).paragraphs:
        if paragraph.words > limit:
            yield Finding(
                Span(paragraph.start, paragraph.end),
                f"paragraph of {paragraph.words} words (limit {limit}); consider breaking it",
            )


@rule(
    "RD201",
    "grade-outside-target",
    Severity.INFO,
    "The draft's Flesch-Kincaid grade is outside the profile's range (8-12 for commentary).",
    what="A draft of 100 words or more (`min_document_words`) whose Flesch-Kincaid grade, computed "
    "on its prose without titles, is above `grade_max` or below `grade_min` (commentary 8-12, "
    "news 6-10, general 6-9, technical 10-14). The span is the draft's prose.",
    why="The grade estimates the years of schooling a reader needs. Above the range, the draft "
    "loses readers it was written for; well below it, it can read as curt or patronising. "
    "Flesch calibrated on 100-word samples, so shorter drafts are not judged.",
    bad=(
        "Notwithstanding considerable institutional reluctance, the parliamentary committee "
        "recommended a comprehensive reconsideration of intergovernmental responsibilities. "
        "Administrative representatives characterised the recommendations as unnecessarily "
        "complicated and fundamentally incompatible with existing organisational arrangements. "
        "Independent commentators nevertheless considered the proposals a significant improvement "
        "on previous legislative initiatives, particularly regarding accountability and "
        "transparency. Ministerial spokespeople declined to speculate about implementation "
        "timetables, emphasising that substantial consultation with affected municipalities would "
        "necessarily precede any definitive legislative commitment. Opposition politicians "
        "immediately characterised this hesitation as evidence of governmental indecisiveness and "
        "institutional paralysis. Parliamentary scrutiny of the consultation process is "
        "anticipated before the summer recess, although procedural complications could "
        "conceivably intervene."
    ),
    good=(
        "The committee was reluctant, but it still asked for a full review of the jobs shared "
        "between central and local government. Officials said the plan was too complicated and "
        "did not fit the way their departments were run. Outside experts said it was a clear "
        "improvement on earlier bills, above all on openness and on who answers for what. "
        "Ministers would not say when the changes might start, insisting that towns and cities "
        "must be consulted before any law is drafted. The opposition said this showed that the "
        "government could not make up its mind, and asked for a debate in parliament before the "
        "summer."
    ),
)
def grade_outside_target(document: Document, context: Context) -> Iterator[Finding]:
    targets = context.settings.readability
    found = readability_of(document)
    if found.scores.words < targets.min_document_words or not found.paragraphs:
        return
    grade = found.scores.flesch_kincaid_grade
    low, high = targets.grade
    if low <= grade <= high:
        return
    side = "above" if grade > high else "below"
    advice = "shorter sentences and plainer words" if grade > high else "more varied sentences"
    yield Finding(
        Span(found.paragraphs[0].start, found.paragraphs[-1].end),
        f"Flesch-Kincaid grade {grade:.1f} is {side} the {targets.profile} target "
        f"{_range(targets.grade)} (consensus grade {found.scores.consensus_grade:.0f}); "
        f"try {advice}",
    )


@rule(
    "RD202",
    "hard-paragraph",
    Severity.INFO,
    "A paragraph whose grade is far above the target (over 16 for commentary).",
    what="A paragraph of 40 words or more (`min_paragraph_words`) and two sentences or more whose "
    "Flesch-Kincaid grade exceeds `paragraph_grade_max` (by default four grades above the "
    "profile's `grade_max`: 16 for commentary). A one-sentence paragraph is left to RD101.",
    why="A draft can meet its target on average while one paragraph loses the reader; this "
    "points at the paragraph to rewrite first.",
    bad=(
        "Notwithstanding considerable institutional reluctance, the parliamentary committee "
        "recommended a comprehensive reconsideration of intergovernmental responsibilities. "
        "Administrative representatives characterised the recommendations as unnecessarily "
        "complicated and fundamentally incompatible with existing organisational arrangements. "
        "Opposition politicians immediately characterised the hesitation as evidence of "
        "governmental indecisiveness and paralysis."
    ),
    good=(
        "The committee was reluctant, but it still asked for a full review of who does what in "
        "central and local government. Officials said the plan was too complicated and did not "
        "fit the way their departments work. The opposition called the delay a sign of weakness."
    ),
)
def hard_paragraph(document: Document, context: Context) -> Iterator[Finding]:
    targets = context.settings.readability
    for paragraph in readability_of(document).paragraphs:
        if paragraph.words < targets.min_paragraph_words or paragraph.counts.formula_sentences < 2:
            continue
        if paragraph.grade > targets.paragraph_grade_max:
            yield Finding(
                Span(paragraph.start, paragraph.end),
                f"paragraph reads at Flesch-Kincaid grade {paragraph.grade:.1f}, "
                f"far above the {targets.profile} target {_range(targets.grade)}",
            )


RULES = (long_sentence, long_paragraph, grade_outside_target, hard_paragraph)
