"""The cascade behind the GR1 parse rules: cheap cues pick sentences, the parser reads only those.

Parsing costs about 100 µs a word, several times everything else a default run does, so a
sentence is parsed only when a cue in its words says a parse rule may have something to say:

- agreement (GR103): a number-marked verb (is/are, was/were, has/have, does/do and their
  negatives) after a pronoun of the other number, or after a subject cue of the other number
  earlier in its clause ("any agreement he were to reach ... are");
- stray comma (GR104): the sentence's first word is one that takes no comma and a comma
  follows it ("Whatever, the differences");
- missing subject (GR105): a finite auxiliary that follows a prepositional phrase opening its
  clause ("and beyond his personal popularity is experiencing").

Headlines and quoted speech are never cued: titles drop words on purpose and a quotation is
the speaker's grammar. One parse of all the cued sentences of a document serves every rule.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from draftlint.drafts.analysis import Sentence, Token
from draftlint.drafts.document import Document
from draftlint.drafts.facts import cached, headline_paragraphs
from draftlint.syntax.parser import Word, parse

#: a number-marked verb and the same verb in the other number
FLIPPED = {
    "is": "are", "are": "is", "was": "were", "were": "was", "has": "have", "have": "has",
    "does": "do", "do": "does", "isn't": "aren't", "aren't": "isn't", "wasn't": "weren't",
    "weren't": "wasn't", "hasn't": "haven't", "haven't": "hasn't", "doesn't": "don't",
    "don't": "doesn't",
}  # fmt: skip
PLURAL_FORMS = frozenset("are were have do aren't weren't haven't don't".split())
SINGULAR_FORMS = frozenset("is was has does isn't wasn't hasn't doesn't".split())
AGREEING = PLURAL_FORMS | SINGULAR_FORMS
#: log10: a verb is cued when its other number makes the words around it this much likelier
#: to the n-gram model ("the market have risen": has); the parse then finds its subject
LOCAL_MARGIN = 1.0
_SINGULAR_PRONOUNS = frozenset(("he", "she", "it"))
_PLURAL_PRONOUNS = frozenset(("they", "we", "you"))
#: determiners that mark their noun singular or plural
SINGULAR_DETERMINERS = frozenset("a an any each every this another either neither".split())
PLURAL_DETERMINERS = frozenset("these those many several both few".split())
#: The closed classes a stray comma can follow (prepositions, subordinating conjunctions,
#: determiners): the cue; the parse's tag of the word decides.
GOVERNING_WORDS = frozenset(
    "about above across after against along although amid among an and any around as at a "
    "because before behind below beneath beside besides between beyond both but by despite "
    "during each either every for from his her if in inside into its like many most my "
    "near neither no of on once onto our over per several since some than that the their "
    "these this those though through throughout to toward towards under underneath unless "
    "unlike until upon via whatever whenever whereas whether whichever while whilst whoever "
    "with within without your".split()
)
#: words that close the clause a cue must sit in
_CLAUSE_BREAK = frozenset(",;:()\u2013\u2014")
_CLAUSE_WORDS = frozenset("and but or that which who whom whose because although while if".split())
PREPOSITIONS = frozenset(
    "beyond besides despite after before during with without among amid within across "
    "behind beneath above below under over through throughout against".split()
)
_FINITE_AUX = frozenset("is are was were has have had".split())
_WORDISH = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*$")


@dataclass(frozen=True)
class ParsedSentence:
    """A cued sentence's parse; ``offset`` turns a Word's offsets into prose offsets."""

    offset: int
    words: list[Word]


def _quoted(document: Document) -> list[tuple[int, int]]:
    return [(q.start, q.end) for q in document.analysis.quotations]


def _inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def agreement_cue(words: Sequence[str]) -> bool:
    """Whether some number-marked verb disagrees with a cue of number before it."""
    for i, word in enumerate(words):
        if word not in AGREEING:
            continue
        plural = word in PLURAL_FORMS
        before = words[i - 1] if i else ""
        if (before in _SINGULAR_PRONOUNS and plural) or (before in _PLURAL_PRONOUNS and not plural):
            return True
        if before == "i" and word in ("is", "has", "does", "isn't", "hasn't", "doesn't"):
            return True
        for j in range(i - 2, max(-1, i - 16), -1):  # the subject cue, back to a clause break
            cue = words[j]
            if cue in _CLAUSE_BREAK or cue in _CLAUSE_WORDS:
                break
            if plural and cue in SINGULAR_DETERMINERS:
                return True
            if not plural and cue in PLURAL_DETERMINERS:
                return True
    return False


def comma_cue(words: Sequence[str]) -> bool:
    """A comma after the first word: the parse says whether that word governs what follows."""
    return len(words) > 3 and words[1] == "," and words[0] in GOVERNING_WORDS


def subject_cue(words: Sequence[str]) -> bool:
    """A finite auxiliary after a prepositional phrase that opens its clause."""
    for i, word in enumerate(words):
        if word not in PREPOSITIONS or not (i == 0 or words[i - 1] in ("and", "but", ",")):
            continue
        for j in range(i + 2, min(len(words), i + 7)):
            if words[j] in _FINITE_AUX:
                return True
            if words[j] in _CLAUSE_BREAK:
                break
    return False


#: Parse every sentence, not only the cued ones: for benchmarks that measure what the cues miss.
PARSE_EVERY_SENTENCE = False


#: frequent words in -est that are no superlatives: not cued
_EST_NOUNS = frozenset(
    "interest request protest contest harvest conquest manifest arrest suggest invest "
    "digest honest modest".split()
)
_ADVERBS = frozenset("also not still never now then soon already just only even".split())
MODALS = frozenset("will would can could may might shall should must".split())


def dropped_cue(words: Sequence[str]) -> bool:
    """A modal before a past participle ("will also replaced"), or a superlative after a
    preposition with no determiner ("one of biggest")."""
    for i, word in enumerate(words[:-1]):
        if word in MODALS:
            nxt = words[i + 1]
            if (nxt.endswith("ly") or nxt in _ADVERBS) and i + 2 < len(words):
                nxt = words[i + 2]
            if nxt.endswith("ed") and not nxt.endswith("eed") and len(nxt) > 4:
                return True
        elif word in ("of", "in", "on", "at", "for", "among"):
            nxt = words[i + 1]
            if nxt.endswith("est") and len(nxt) > 5 and nxt not in _EST_NOUNS:
                return True
    return False


def _cued(words: Sequence[str]) -> bool:
    return agreement_cue(words) or comma_cue(words) or subject_cue(words) or dropped_cue(words)


_PERSONAL = frozenset(("he", "she", "it", "they", "we"))
_SIBILANT = ("s", "sh", "ch", "x", "z", "o")


def other_number(verb: str) -> str | None:
    """The present tense of a regular verb in the other number: goes <-> go, tries <-> try."""
    if verb in FLIPPED:
        return FLIPPED[verb]
    if verb.endswith("ies") and len(verb) > 4:
        return verb[:-3] + "y"
    if verb.endswith("es") and verb[:-2].endswith(_SIBILANT):
        return verb[:-2]
    if verb.endswith("s") and not verb.endswith(("ss", "us", "is")):
        return verb[:-1]
    if verb.endswith(_SIBILANT):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def local_agreement_cues(sentences: Sequence[Sequence[str]]) -> set[int]:
    """The sentences in which some be/have/do form scores better in the other number: the
    log10 probability of its trigram window (the verb and the two words after it) with the
    verb flipped beats the window as written by ``LOCAL_MARGIN``. One vectorised lookup."""
    from draftlint.context.model import OOV, get_model

    model = get_model()
    rows: list[tuple[int, int, int, int, int, int, int]] = []
    for k, words in enumerate(sentences):
        ids = [model.bos, model.bos, *(model.word_id(w) for w in words), model.eos, model.eos]
        for i, word in enumerate(words):
            if word in FLIPPED and "'" not in word:
                other = FLIPPED[word]
            elif i and words[i - 1] in _PERSONAL and word.isalpha() and len(word) > 2:
                other = other_number(word)  # "he go", "they goes": any verb after a pronoun
            else:
                continue
            j = i + 2  # in ids
            flip = model.word_id(other) if other else OOV
            if ids[j - 1] == OOV or ids[j] == OOV or flip == OOV:
                continue  # an unknown word: the model cannot tell
            rows.append((k, ids[j - 2], ids[j - 1], ids[j], flip, ids[j + 1], ids[j + 2]))
    if not rows:
        return set()
    import numpy as np

    table = np.array(rows, dtype=np.int64)
    a, b, verb, flip, c, d = (table[:, n] for n in range(1, 7))

    def window(v: np.ndarray) -> np.ndarray:
        return model.logprob_ids(a, b, v) + model.logprob_ids(b, v, c) + model.logprob_ids(v, c, d)

    gain = window(flip) - window(verb)
    return {int(k) for k in table[gain > LOCAL_MARGIN, 0]}


def parsed_sentences(document: Document) -> list[ParsedSentence]:
    """The parses of the document's cued sentences (empty when the parser cannot load)."""

    def build(doc: Document) -> list[ParsedSentence]:
        analysis = doc.analysis
        headlines = headline_paragraphs(doc)
        quoted = _quoted(doc)
        prose = doc.prose
        candidates: list[tuple[Sentence, list[str]]] = []
        for sentence in analysis.sentences:
            if sentence.paragraph in headlines or _inside(quoted, sentence.start, sentence.end):
                continue
            tokens: list[Token] = analysis.tokens[sentence.first_token : sentence.last_token]
            candidates.append((sentence, [t.text.lower() for t in tokens]))
        local = local_agreement_cues([words for _, words in candidates])
        chosen: list[tuple[int, str]] = []
        for k, (sentence, words) in enumerate(candidates):
            if not (PARSE_EVERY_SENTENCE or k in local or _cued(words)):
                continue
            # a no-break space parses as a word break only when it is a plain space (same length)
            text = prose[sentence.start : sentence.end].replace("\u00a0", " ")
            chosen.append((sentence.start, text))
        if not chosen:
            return []
        parses = parse([text for _, text in chosen])
        if parses is None:
            return []
        return [
            ParsedSentence(start, words) for (start, _), words in zip(chosen, parses, strict=True)
        ]

    return cached(document, "parsed-sentences", build)


def quoted_spans(document: Document) -> list[tuple[int, int]]:
    return cached(document, "quoted-spans", _quoted)


def is_quoted(document: Document, start: int, end: int) -> bool:
    return _inside(quoted_spans(document), start, end)


def is_word(text: str) -> bool:
    return bool(_WORDISH.match(text))
