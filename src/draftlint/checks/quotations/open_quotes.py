"""The writer's words inside an unclosed quotation: what shows that its closing mark was lost.

News copy leaves a quotation open on purpose in two places (a multi-paragraph quotation, and a
speaker's next sentence reopened without closing the one before); QT101 tells a lost closing
mark from those by what the open quotation runs over:

- an attribution after a comma, "?" or "!" ('"We tried, said Mr Lee.', '"Why now? he asked.'),
  with a name, a pronoun, a noun phrase or an appositive ('Jane Smith, the firm's director,
  said'), or the reporter's inverted one with a title ('... said Mr Prettejohn, who');
- a later sentence of the reporter's: a name, he/she or "the firm" on a reporting verb
  ('Moore said he is confident', 'However, he admitted'), "according to", or the speaker's own
  surname (speakers do not name themselves);
- the speaker's voice ending: a sentence in the first or second person, then two long ones in
  neither;
- a reopening quotation that another speaker's name attributes.
"""

from __future__ import annotations

import functools
import itertools
import re

from draftlint.drafts.document import Document
from draftlint.drafts.quotation_marks import Quotation
from draftlint.drafts.speech import WEAK_VERBS, speech, speech_cues

#: ", said Mr Snow." / ", the firm told Reuters.": a comma, up to four words, a speech verb
_WORD = re.compile(r"[\w'\u2019-]+")
_CLAUSE_END = re.compile('[.,;:!?"\u201c\u201d]')
#: a speaker quoting their own words ("..., I told him.") is no attribution
_THIRD_PERSON = frozenset("he she they it".split())


@functools.cache
def _attribution_verbs() -> frozenset[str]:
    words, _phrases = speech_cues()
    # the cues' nouns ("the council's spokesperson said") are no verbs
    return frozenset(w for w in words if w not in WEAK_VERBS and not w.startswith("spokes"))


def is_fragment(prose: str, quote: Quotation, paragraph_start: int) -> bool:
    """A quotation opened inside the writer's sentence on a lower-case word ('had been "ambitious
    and'), or on any word after one that is not a speech verb ('called it "Project Fear'): a
    fragment, which news copy never reopens at the next sentence or paragraph."""
    i = quote.start
    while i > paragraph_start and prose[i - 1].isspace():
        i -= 1
    if not (i > paragraph_start and prose[i - 1].isalnum()):
        return False
    if prose[quote.start + 1 : quote.start + 2].islower():
        return True
    words, _phrases = speech_cues()
    before = _WORD.findall(prose, max(paragraph_start, i - 40), i)
    return bool(before) and before[-1].lower() not in words | {"that"}


#: words that cannot stand in ", said the network's spokesman Scott Grogin." after the verb: a
#: speaker's own clause goes on ("..., he told them we would go")
_CLAUSE_WORDS = frozenset(
    "i we you me us it he she they that this to was is are were would will had has have not "
    "and but or so".split()
)
#: before a verb that ends its sentence (", the council's spokesperson said."): not a speaker
#: ("..., as the manager said.", "..., which is what we said.")
_NOT_SPEAKER = frozenset("i we you as which what who that and but or so if when".split())
_QUOTE_CHARS = "'\u2018\u2019\"\u201c\u201d"
#: reporting verbs that a reporter's own sentence is built on ("Moore said he is confident",
#: "He says evidence ...", "Mr Johnson told BBC Radio 4")
_REPORTING = frozenset(
    "said says told tells added adds explained explains argued argues insisted insists warned "
    "warns stressed stresses admitted admits claimed claims replied".split()
)
#: where an attribution follows the quoted words: a comma, or "?" and "!" before a lower-case
#: word ("Why now? he asked.")
_ATTRIBUTION_POINT = re.compile(r",|[?!](?=\s+[a-z])")
_DETERMINERS = frozenset("the a an his her its their".split())
_TOKEN = re.compile(r"[\w'\u2019-]+|,")
#: "Janie Hendrix, the guitarist's stepsister, said": a name, an appositive and the verb
_APPOSITIVE = re.compile(
    r"(?:[A-Z][\w'\u2019&.-]*\s+){0,3}[A-Z][\w'\u2019.-]*,\s+"
    r"(?:[^,;:!?.\"\u201c\u201d]|\.(?=\S)){2,60}?,?\s+(?:said|says|told|added)\b"
)
#: skipped between a subject and its verb ("McClaren had said", "Mr Lee has also said")
_BETWEEN = frozenset("has have had also then later again earlier previously recently".split())
#: capitalised words that begin a sentence without being a name
_FUNCTION = frozenset(
    "The A An But And Or So Yet It This That These Those There Here In On At For If When While "
    "As After Before However Meanwhile Still Then Some Many Most No Not Both Each Every All "
    "Earlier Later Now What Why How Who We I You They He She His Her Its Their Our My Your".split()
)
#: the reporter's inverted attribution with a title ("... and change now said Mr Prettejohn"),
#: not a speaker's "I said Mr Lee should go"
_INVERTED = re.compile(
    r"(?<!\bI )(?<!\bwe )(?<!\byou )\b(?:said|says|added|asked)\s+"
    r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Lord|Lady|Dame)\.?\s+[A-Z][\w'\u2019-]*"
)
#: after a reporting verb: the speaker recounting ("he told me", "he said to us")
_RECOUNTED = frozenset("me us you him her them to".split())
_RECOUNTED_WORDS = re.compile("[,:]?\\s*['\u2018]")
_SENTENCE_END = re.compile("(?<=[.?!\u2026])['\u2019)\\]]*\\s+(?=[\"\u201c\u2018'(A-Z0-9])")


def _sentences(run: str) -> list[tuple[int, int]]:
    """The sentences of a quotation's text, as (start, end) offsets into it."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(run):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(run)))
    return spans


def _comma_attribution(run: str, cut: int, stop: int) -> str | None:
    """An attribution after a comma in ``run[cut:stop]`` (", said Mr Lee", ", he added", ", the
    minister told MPs", "? he asked"): the closing mark before the comma was lost."""
    verbs = _attribution_verbs()
    for comma in _ATTRIBUTION_POINT.finditer(run[cut:stop]):
        start = cut + comma.start()
        # ", John Houlihan, editor of Computerandvideogames.com told BBC News."
        appositive = _APPOSITIVE.match(run, start + 2)
        if appositive and run[start + 1 : start + 2] == " ":
            clause = _CLAUSE_END.search(run, appositive.end())
            end = clause.start() if clause else len(run)
            after = _WORD.findall(run, appositive.end(), end)
            if (
                (end == len(run) or run[end] in ".!?")
                and not any(w.lower() in _CLAUSE_WORDS for w in after[:8])
                and len(after) <= 8
            ):
                return run[start + 1 : end].strip()
        # the verb may come first or after up to four words (", he added", ", said Mr Lee")
        found = (w for w in _WORD.finditer(run, start + 1) if w.group().strip(_QUOTE_CHARS))
        words = list(itertools.islice(found, 5))
        for k, word in enumerate(words):
            if _CLAUSE_END.search(run, start + 1, word.start()):
                break
            if word.group() not in verbs:
                if k == 0 and word.group() in WEAK_VERBS:
                    # ", agreed Mr Morgenstern.": a weak verb first, then only a name
                    clause = _CLAUSE_END.search(run, word.end())
                    end = clause.start() if clause else len(run)
                    name = _WORD.findall(run, word.end(), end)
                    if (
                        (end == len(run) or run[end] in ".!?")
                        and 0 < len(name) <= 4
                        and all(w[:1].isupper() for w in name)
                    ):
                        return run[start + 1 : end].strip()
                continue
            before = [w.group() for w in words[:k]]
            clause = _CLAUSE_END.search(run, word.end())
            end = clause.start() if clause else len(run)
            after = _WORD.findall(run, word.end(), end)
            ends_sentence = end == len(run) or run[end] in ".!?"
            if not before and not after and not ends_sentence:
                break  # "to lump them in with, say, Burma, is": a parenthesis, no attribution
            # ", said Mr Lee", ", he added", ", the minister told MPs": the verb first, or
            # after a pronoun or a name; not "..., but they say routinely that"
            speaker = not before or (
                (len(before) == 1 and before[0].lower() in _THIRD_PERSON)
                or (before[-1][:1].isupper() and before[-1] != "I")
            )
            # ", the council's spokesperson said.", ", a Jive spokeswoman said at the time.": a
            # noun phrase, the verb and at most a few words end the sentence
            if not speaker and ends_sentence and len(after) <= 4 and before:
                speaker = (
                    before[0].lower() in _DETERMINERS or before[0][:1].isupper()
                ) and not any(w.lower() in _NOT_SPEAKER | _CLAUSE_WORDS for w in before + after)
            if not speaker:
                break
            if len(after) > 4 and not (
                # ", said Oscars communications director John Pavlik.", ", Mr Walsh told AP news
                # agency on Wednesday.": a longer noun phrase, to the end of the sentence
                ends_sentence
                and len(after) <= 8
                and not any(w.lower() in _CLAUSE_WORDS for w in after)
            ):
                break  # a speaker's own clause goes on: no attribution
            return run[start + 1 : end].strip()
    return None


def _reporters_sentence(run: str, start: int, stop: int) -> str | None:
    """A sentence in the reporter's words inside a quotation: its subject a name, he/she/they
    or "the firm" on a reporting verb ("Moore said he is confident", "However, he admitted
    the show...", "But the firm said"), or "according to"; speakers quote themselves ("I
    said") and recount ("he told me")."""
    sentence = run[start:stop]
    if "according to" in sentence:
        return "according to"
    if appositive := _APPOSITIVE.match(sentence):
        return appositive.group().strip()  # "Janie Hendrix, the guitarist's stepsister, said"
    matches = list(_TOKEN.finditer(sentence))
    tokens = [m.group() for m in matches]
    for k, word in enumerate(tokens):
        if word not in _REPORTING or k == 0:
            continue
        j = k - 1
        while j > 0 and tokens[j] in _BETWEEN:
            j -= 1
        subject = tokens[j]
        while j > 0 and tokens[j - 1][:1].isupper() and subject[:1].isupper():
            j -= 1  # "Jack Straw said": the name's first word
        previous = tokens[j - 1] if j > 0 else ","
        if k + 1 < len(tokens) and tokens[k + 1].lower() in _RECOUNTED:
            continue
        if _RECOUNTED_WORDS.match(sentence, matches[k].end()):
            continue  # "He said 'can I take it please?'": a speaker recounting words
        if previous.lower() in ("what", "that", "as"):
            continue  # "what Jack Straw said about"
        opens = previous in (",", "But", "And", "So")  # the subject opens a clause
        if (
            (opens and subject.lower() in ("he", "she"))
            or (subject[:1].isupper() and subject not in _FUNCTION)
            or (
                # "The firm said", "But a spokesman says": a noun opening the sentence
                j >= 1
                and tokens[j - 1] in ("The", "A", "An", "the", "a", "an")
                and (j == 1 or (j == 2 and tokens[0] in ("But", "And")))
                and subject.islower()
            )
        ):
            return " ".join(t for t in tokens[max(0, j - 1) : k + 1] if t != ",")
    return None


def speaker_before(
    document: Document, quote: Quotation, since: int | None = None, full: bool = False
) -> str | None:
    """The surname of the last speaker named in the quotation's paragraph before it ('...,"
    said Robson. "It is when...', 'Houllier said: "If a good club...'), after ``since`` when
    given; with ``full``, only one named in full or with a title ("Mr Lee")."""
    spoken = speech(document)
    start = document.blocks[quote.paragraph].start
    if since is not None:
        start = max(start, since)
    surname = None
    for cue in spoken.cues:
        if cue.start >= quote.start:
            break
        if cue.start >= start and (speaker := spoken.speaker(document, cue)):
            if not full or speaker.full or speaker.honorific:
                surname = speaker.surname
    return surname


def _speaker_after(document: Document, quote: Quotation) -> str | None:
    """The surname of the speaker named right after ``quote`` closes ('...," said Ken Mayland',
    '...," Robson added'), if any."""
    prose = document.prose
    if not quote.closed or prose[quote.end - 2 : quote.end - 1] not in ",?!\u2014-":
        return None  # '...." Chancellor Gordon Brown said:' names the next one's speaker
    spoken = speech(document)
    for cue in spoken.cues:
        if cue.start >= quote.end:
            gap = prose[quote.end : cue.start]
            if len(gap) > 40 or any(c in gap for c in '.!?"\u201c\u201d'):
                return None
            speaker = spoken.speaker(document, cue)
            return speaker.surname if speaker else None
    return None


def other_speaker(document: Document, quote: Quotation) -> bool:
    """Whether the quotation that reopens ``quote`` is attributed to another speaker than the
    one named before ``quote``."""
    quotations = document.analysis.quotations
    following = next((q for q in quotations if q.start >= quote.end), None)
    # the next quotation of the paragraph, or the one that opens the next paragraph
    if following is None or following.paragraph not in (quote.paragraph, quote.paragraph + 1):
        return False
    # the speaker named between the quotation before and this one, in full: "said Claude
    # Veron-Reville", not "said the American" or "in north-west London, said he"
    previous = max((q.end for q in quotations if q.end <= quote.start), default=None)
    before = speaker_before(document, quote, previous, full=True)
    after = _speaker_after(document, following)
    return before is not None and after is not None and before != after


#: a speaker's voice: the first and second person, contractions ("I", "we're", "don't")
_VOICE = re.compile(
    r"\b(?:I|I'm|I've|I'd|I'll|we|We|we're|We're|we've|We've|we'll|We'll|we'd|We'd|our|Our|ours|"
    r"us|my|My|me|mine|myself|ourselves|you|You|your|Your|yours|yourself|you're|You're|let's|"
    r"Let's)\b|n't\b|'(?:re|ll|ve|d)\b|\u2019(?:re|ll|ve|d)\b|n\u2019t\b"
)
#: fewer words than this and a sentence says nothing of whose voice it is ("The race was mine.")
_VOICELESS_WORDS = 8


def _voice_ends(run: str, sentences: list[tuple[int, int]]) -> str | None:
    """The reporter's words after the speaker's: a sentence in the first or second person, then
    two long ones in a row in neither ('"I am very pleased we have secured this delay. The
    charts are run by The Official UK Charts Company, a joint venture between...'), as the
    reporter writes."""
    voiced = [
        bool(_VOICE.search(run, a, b)) or len(_WORD.findall(run, a, b)) < _VOICELESS_WORDS
        for a, b in sentences
    ]
    for k in range(1, len(sentences) - 1):
        if any(voiced[:k]) and not voiced[k] and not voiced[k + 1]:
            start, stop = sentences[k]
            return " ".join(_WORD.findall(run, start, stop)[:4]) + " ..."
    return None


def writers_words(prose: str, quote: Quotation, speaker: str | None = None) -> str | None:
    """The writer's words that an unclosed quotation runs over, if it shows them: an
    attribution after a comma ('"It is a recovery, said the minister.'), a sentence of the
    reporter's ('"We tried. Moore said he was confident...'), one that names the speaker
    ('..." said Robson. "It is when you learn. Robson was speaking after...': speakers do not
    name themselves) or the speaker's voice ending (see ``_voice_ends``), as at most seven
    words. Its closing mark was lost."""
    run = prose[quote.start + 1 : quote.end].rstrip()
    named = re.compile(rf"\b{re.escape(speaker)}(?:'s|\u2019s)?\b") if speaker else None
    sentences = _sentences(run)
    for k, (start, stop) in enumerate(sentences):
        found = _comma_attribution(run, start, stop)
        if not found and (inverted := _INVERTED.search(run, start, stop)):
            found = inverted.group()
        if not found and k:
            found = _reporters_sentence(run, start, stop)
            if not found and named and (mention := named.search(run, start, stop)):
                found = " ".join(_WORD.findall(run, start, mention.end())[-4:])
        if found:
            words = found.split()
            return found if len(words) <= 7 else " ".join(words[:6]) + " ..."
    return _voice_ends(run, sentences)
