"""Who says what: quotations, speech cues and speakers, worked out once per Document.

The QT2xx rules (checks/attribution.py) and QT103 read this.  Quotations are those of
``Analysis.quotations`` (paired in :mod:`draftlint.drafts.quotation_marks`, as for QT101).

A *speech cue* is a word or phrase of rules/lists/speech-verbs.txt ("said", "according to")
standing outside every quotation.  Speakers are read next to an attribution verb: the
capitalised run before it ("Mr Thomas said", "Dmitry Peskov, remarked") or, after a closing
quotation mark, the one after it ("…," said economy minister Heizo Takenaka).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from draftlint.data_files import read_list
from draftlint.drafts.analysis import Token
from draftlint.drafts.document import Document
from draftlint.drafts.facts import cached, headline_paragraphs, is_capitalised, strip_possessive

#: Titles that stand before a surname alone ("Mr Beith"); "Sir"/"Lord" go with first names.
HONORIFICS = frozenset("Mr Mrs Ms Miss Dr Prof Mr. Mrs. Ms. Dr. Prof.".split())
#: Words skipped between a speaker and the verb ("Mr Thomas has also said").
_BETWEEN = frozenset(
    "has have had also then later again earlier previously recently once further himself "
    "herself itself themselves today yesterday".split()
)
#: Capitalised words that begin a sentence without being part of a name.
_FUNCTION = frozenset(
    "The A An But And Or So Yet He She It They We I You This That These Those There Here In On "
    "At For If When While As After Before However Meanwhile Still Then His Her Its Their Our My "
    "Your Some Many Most No Not Both Each Every All Earlier Later Now Speaking Asked".split()
)
#: Cues that attribute a quotation but also have other senses ("maintained the status quo",
#: "called for talks"): they count for QT201, but a name beside them is no sure speaker.
WEAK_VERBS = frozenset(
    "maintain maintained maintains call called calling calls describe described describes "
    "describing dubbed termed branded labelled labeled cited quoted quoting confirmed "
    "promise promised promises "
    "pledge pledged vow vowed hailed praised criticised criticized accused continue continued "
    "agree agreed comment observe observed counter demand demanded demands spoke speaks speaking "
    "smiled smiles laughed laughs predict predicted predicts interview".split()
)
#: Attribution verbs whose tense QT203 compares.
PAST, PRESENT = "said", "says"


@dataclass(frozen=True)
class Quote:
    start: int  # the opening mark
    end: int  # after the closing mark; where the next quotation opens when never closed
    closed: bool
    paragraph: int
    words: int
    title_like: bool
    first_sentence: int
    last_sentence: int

    @property
    def inner_start(self) -> int:
        return self.start + 1

    @property
    def inner_end(self) -> int:
        return self.end - 1 if self.closed else self.end


@dataclass(frozen=True)
class Cue:
    token: int  # index of the cue's first token
    start: int
    end: int
    text: str  # lowercase, as listed ("said", "according to")
    sentence: int


@dataclass(frozen=True)
class Speaker:
    names: tuple[Token, ...]  # the capitalised run, honorifics removed
    honorific: str | None  # "Mr" when the run was "Mr Beith"
    cue: Cue

    @property
    def surname(self) -> str:
        return strip_possessive(self.names[-1].text)

    @property
    def full(self) -> bool:
        return len(self.names) >= 2


@dataclass
class Speech:
    quotes: list[Quote]
    cues: list[Cue]
    attributed: list[bool]  # per quote: a cue in its sentence or the one before or after
    continued: list[bool]  # per quote: goes on from an attributed quotation
    _quote_starts: list[int]

    def in_quote(self, offset: int) -> bool:
        i = bisect.bisect_right(self._quote_starts, offset) - 1
        return i >= 0 and self.quotes[i].start <= offset < self.quotes[i].end

    def speaker(self, document: Document, cue: Cue) -> Speaker | None:
        return _speaker(document, self, cue)


@cache
def speech_cues() -> tuple[frozenset[str], dict[str, tuple[tuple[str, ...], ...]]]:
    """Single-word cues, and phrases keyed by their first word."""
    words: set[str] = set()
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for entry in read_list("lists/speech-verbs.txt"):
        parts = tuple(entry.lower().split())
        if len(parts) == 1:
            words.add(parts[0])
        else:
            phrases.setdefault(parts[0], []).append(parts)
    return frozenset(words), {k: tuple(v) for k, v in phrases.items()}


def speech(document: Document) -> Speech:
    return cached(document, "speech", _build)


_SMALL = frozenset("of the and in on a an to for at by with from or".split())


def _title_like(tokens: list[Token]) -> bool:
    """ "Things Go Better with Coke", "No More Mr Nasty": a title, not speech."""
    words = [t.text for t in tokens if t.kind == "word"]
    content = [w for w in words if w.lower() not in _SMALL]
    if not content:
        return False
    capitals = sum(1 for w in content if w[0].isupper())
    return capitals / len(content) >= 0.75


def _build(document: Document) -> Speech:
    analysis = document.analysis
    prose = document.prose
    tokens = analysis.tokens
    sentence_starts = [s.start for s in analysis.sentences]

    def sentence_of(offset: int) -> int:
        return max(0, bisect.bisect_right(sentence_starts, offset) - 1)

    quotes: list[Quote] = []
    for quotation in analysis.quotations:
        start, end = quotation.start, quotation.end
        inner = tokens[analysis.token_index_at(start + 1) : analysis.token_index_at(end)]
        words = sum(1 for t in inner if t.kind in ("word", "number", "abbrev"))
        quotes.append(
            Quote(
                start,
                end,
                quotation.closed,
                quotation.paragraph,
                words,
                _title_like(inner),
                sentence_of(start),
                sentence_of(max(start, end - 1)),
            )
        )
    quote_starts = [q.start for q in quotes]

    def inside(offset: int) -> bool:
        i = bisect.bisect_right(quote_starts, offset) - 1
        return i >= 0 and quotes[i].start < offset < quotes[i].end

    words, phrases = speech_cues()
    cues: list[Cue] = []
    for i, token in enumerate(tokens):
        if token.kind != "word":
            continue
        lower = token.text.lower()
        text: str | None = None
        end = token.end
        if lower in words:
            text = lower
        if lower in phrases:
            for phrase in phrases[lower]:
                following = tokens[i : i + len(phrase)]
                if len(following) == len(phrase) and all(
                    t.text.lower() == p for t, p in zip(following, phrase, strict=True)
                ):
                    text, end = " ".join(phrase), following[-1].end
                    break
        if text is not None and not inside(token.start):
            cues.append(Cue(i, token.start, end, text, sentence_of(token.start)))

    cue_sentences = {c.sentence for c in cues}
    attributed = []
    for q in quotes:
        if any(s in cue_sentences for s in range(q.first_sentence - 1, q.last_sentence + 2)):
            attributed.append(True)
            continue
        sentence = analysis.sentences[q.first_sentence]
        lead = [
            t
            for t in tokens[sentence.first_token : analysis.token_index_at(q.start)]
            if t.kind in ("word", "number", "abbrev") and not inside(t.start)
        ]
        if prose[sentence.start : q.start].rstrip().endswith(":"):
            # "Sir Alex Ferguson: "It was ...", "His message was: "Please ...": the clause
            # before the colon names who speaks.
            attributed.append(any(_personal(t, i == 0) for i, t in enumerate(lead)))
        else:
            # A quotation inside the writer's own sentence ("fighting "criminal copyright
            # theft"", "under the words "How can they ..."", "the answers are "I'm afraid"")
            # cites a phrase, a sign, a document or an imagined voice; the source, if any, is
            # named around it. Only a quotation standing as its own sentence is a speaker's.
            attributed.append(bool(lead) or _subject_of_writers_sentence(prose, q))
    # A run of reopened quotations ("A. "B. "C," she said.) is one speaker's: attributed as one.
    group_start = 0
    for i in range(1, len(quotes) + 1):
        chained = (
            i < len(quotes)
            and not quotes[i - 1].closed
            and quotes[i].paragraph == quotes[i - 1].paragraph
            and not prose[quotes[i - 1].end : quotes[i].start].strip()
        )
        if not chained:
            if any(attributed[group_start:i]):
                for j in range(group_start, i):
                    attributed[j] = True
            group_start = i
    continued = [False] * len(quotes)
    previous_paragraph_speaks = False
    for i, quote in enumerate(quotes):
        same = i > 0 and quotes[i - 1].paragraph == quote.paragraph
        if same:
            continued[i] = attributed[i - 1] or continued[i - 1]
        else:
            paragraph = analysis.paragraphs[quote.paragraph]
            opens_paragraph = not prose[paragraph.start : quote.start].strip()
            previous_paragraph_speaks = (
                i > 0
                and quotes[i - 1].paragraph == quote.paragraph - 1
                and (attributed[i - 1] or continued[i - 1] or not quotes[i - 1].closed)
            )
            continued[i] = opens_paragraph and previous_paragraph_speaks
    return Speech(quotes, cues, attributed, continued, quote_starts)


def _subject_of_writers_sentence(prose: str, quote: Quote) -> bool:
    """ "Taking responsibility for tough choices" is this year's theme: a quoted phrase that the
    writer's sentence goes on from, with no stop or comma of its own before the closing mark."""
    if not quote.closed or prose[quote.end - 2] in ",.;:!?\u2026":
        return False
    return prose[quote.end : quote.end + 4].lstrip()[:1].islower()


_PERSONAL = frozenset("he she they i we his her their my our".split())


def _personal(token: Token, first: bool) -> bool:
    """A pronoun or a name: a capitalised word that is not just a sentence's first word."""
    if token.text.lower() in _PERSONAL:
        return True
    return _name_token(token) and not (first and token.text in _FUNCTION)


# -------------------------------------------------------------------------- speakers
def _name_token(token: Token) -> bool:
    if token.kind == "abbrev":  # an initial ("George W. Bush") or "H.R."
        return token.text[0].isupper() and len(token.text) <= 4
    if token.kind == "word" and len(token.text) == 1:
        return token.text.isupper() and token.text != "I"  # "George W Bush"
    return token.kind == "word" and is_capitalised(token.text)


def _adjacent(prose: str, left: Token, right: Token) -> bool:
    gap = prose[left.end : right.start]
    return gap == " " or (gap == "" and left.kind == "abbrev")


def _speaker(document: Document, speech: Speech, cue: Cue) -> Speaker | None:
    if " " in cue.text or cue.text in WEAK_VERBS:  # "according to X" names a source
        return None
    analysis = document.analysis
    tokens = analysis.tokens
    prose = document.prose
    sentence = analysis.sentences[cue.sentence]
    if sentence.paragraph in headline_paragraphs(document):
        return None
    # Left: "Mr Thomas said", "Tillerson then claimed", "Dmitry Peskov, remarked".
    i = cue.token - 1
    skipped = 0
    while (
        i >= sentence.first_token
        and skipped < 2
        and tokens[i].kind == "word"
        and (
            tokens[i].text in _BETWEEN
            or (tokens[i].text.endswith("ly") and tokens[i].text.islower())
        )
    ):
        i -= 1
        skipped += 1
    if i >= sentence.first_token and tokens[i].text == "," and i - 1 >= sentence.first_token:
        i -= 1  # an appositive: "The Press Secretary ..., Dmitry Peskov, remarked"
    run: list[Token] = []
    while (
        i >= sentence.first_token
        and _name_token(tokens[i])
        and (not run or _adjacent(prose, tokens[i], run[0]))
    ):
        run.insert(0, tokens[i])
        i -= 1
    if not run:
        # Right, after a closing quotation: '"...," said economy minister Heizo Takenaka'.
        before = prose[max(0, cue.start - 3) : cue.start]
        if not re.search('[,!?]["\u201d]\\s*$|["\u201d],\\s*$', before):
            return None
        j = cue.token + 1
        lowercase = 0
        while (
            j < sentence.last_token
            and tokens[j].kind == "word"
            and tokens[j].text.islower()
            and lowercase < 4
        ):
            j += 1
            lowercase += 1
        while (
            j < sentence.last_token
            and _name_token(tokens[j])
            and (not run or _adjacent(prose, run[-1], tokens[j]))
        ):
            run.append(tokens[j])
            j += 1
    while run and run[0].text in _FUNCTION:
        run.pop(0)
    honorific = None
    if run and run[0].text in HONORIFICS:
        honorific = run.pop(0).text.rstrip(".")
    if not run or any(t.text.isupper() and t.kind == "word" and len(t.text) > 1 for t in run):
        return None  # "BBC said", "NATO said": an organisation
    return Speaker(tuple(run), honorific, cue)
