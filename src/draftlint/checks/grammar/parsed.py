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

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate
from typing import Any, NamedTuple

from draftlint.data_files import read_list
from draftlint.drafts.analysis import Sentence, Token
from draftlint.drafts.document import Document
from draftlint.drafts.facts import cached, headline_paragraphs, is_cached
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
LOCAL_MARGIN = 0.7
#: ... and by less when the word before it is a plural noun and the verb singular ("the
#: discussions was", "criminals was using"): the 3-gram model barely tells "discussions was"
#: from "discussions were" (0.6), but the noun's own ending says which number it has.
ADJACENT_MARGIN = 0.2
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


@dataclass(frozen=True)
class ParsedSentence:
    """A cued sentence's parse; ``offset`` turns a Word's offsets into prose offsets."""

    offset: int
    words: list[Word]


class _Quoted(NamedTuple):
    """The quotations' starts, sorted, and the furthest end among those up to each one: a
    span lies inside some quotation iff the quotations starting at or before it reach past
    its end (a bisection, not a scan: long drafts hold thousands of quotations)."""

    starts: list[int]
    reach: list[int]


def _quoted(document: Document) -> _Quoted:
    spans = sorted((q.start, q.end) for q in document.analysis.quotations)
    return _Quoted([a for a, _ in spans], list(accumulate((b for _, b in spans), max)))


def _inside(quoted: _Quoted, start: int, end: int) -> bool:
    k = bisect_right(quoted.starts, start)
    return k > 0 and quoted.reach[k - 1] >= end


def agreement_cues(words: Sequence[str]) -> Iterator[int]:
    """The number-marked verbs that disagree with a cue of number before them."""
    for i, word in enumerate(words):
        if word not in AGREEING:
            continue
        plural = word in PLURAL_FORMS
        before = words[i - 1] if i else ""
        if (before in _SINGULAR_PRONOUNS and plural) or (before in _PLURAL_PRONOUNS and not plural):
            yield i
        elif before == "i" and word in ("is", "has", "does", "isn't", "hasn't", "doesn't"):
            yield i
        elif before == "there" and word in _BE_FINITE:
            # "there is many reasons", "there are a problem": the noun after it disagrees
            after = words[i + 1 : i + 4]
            if plural and after[:1] and after[0] in ("a", "an", "one", "another"):
                yield min(i + 4, len(words) - 1)
            elif not plural and any(_looks_plural(w) or w in PLURAL_DETERMINERS for w in after):
                yield min(i + 4, len(words) - 1)
        else:
            between = False  # a preposition between the cue and the verb
            for j in range(i - 2, max(-1, i - 16), -1):  # the subject cue, back to a clause break
                cue = words[j]
                if cue in _CLAUSE_BREAK or cue in _CLAUSE_WORDS:
                    break
                if cue in (SINGULAR_DETERMINERS if plural else PLURAL_DETERMINERS):
                    yield i
                    break
                between = between or cue in _LINKS
                # "the embargo on arms exports to China are": a noun after 'the' whose ending
                # disagrees with the verb, a phrase away from it
                if between and cue == "the" and _looks_plural(words[j + 1]) != plural:
                    yield i
                    break


#: A modal and its negated forms: the verb after one is a plain infinitive ("will have").
MODALS = frozenset(
    "will would can could shall should may might must won't wouldn't can't cannot couldn't "
    "shan't shouldn't mightn't mustn't".split()
)
#: Finite forms of be, have and do, which never follow a modal, and the plain verb meant.
AFTER_MODAL = {
    "is": "be", "are": "be", "was": "be", "were": "be", "am": "be",
    "has": "have", "had": "have", "does": "do", "did": "do",
}  # fmt: skip
#: What may stand between a modal and its verb: "will not have", "would also be".
_BETWEEN_MODAL = frozenset(
    "not n't also still never always probably certainly surely only just even really ever "
    "then soon".split()
)


def modal_cues(words: Sequence[str]) -> Iterator[int]:
    """'will has been', 'wouldn't is', 'it will only gets': a finite be/have/do form or a word
    with a verb's -s right after a modal (or after a modal and 'not', 'also' ...); the parse
    then tells the modal from the noun ('his will is') and the verb from a noun."""
    for i, word in enumerate(words):
        if i and (word in AFTER_MODAL or (_looks_plural(word) and len(word) > 3)):
            j = i - 1
            if words[j] in _BETWEEN_MODAL and j:
                j -= 1
            if words[j] in MODALS:
                yield i


_BE_FINITE = frozenset("is was are were isn't wasn't aren't weren't".split())
_LINKS = frozenset("of on in to for with by from about at over under against between".split())


def _looks_plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "'s"))


@lru_cache(maxsize=8192)
def _plural_noun(word: str) -> bool:
    """A word that reads as a plural noun by its ending (discussions, papers, forces, times):
    a known word with -s, whose stem is a word too, and not a function word."""
    if len(word) < 4 or not word.isalpha() or not _looks_plural(word) or word in _NOT_NOUNS:
        return False
    from draftlint.lexicon.lexicon import get_lexicon  # noqa: PLC0415

    lexicon = get_lexicon()
    stem = word[:-2] if word.endswith(("ches", "shes", "xes", "sses")) else word[:-1]
    return lexicon.is_word(word) and lexicon.is_word(stem)


@lru_cache(maxsize=8192)
def _singular_noun(word: str) -> bool:
    """A word that reads as a singular noun by its ending (box, confidence, share): a known
    word without -s that takes one (boxes, shares), not a function word."""
    if len(word) < 3 or not word.isalpha() or word.endswith("s"):
        return False
    if word in _NOT_NOUNS or word in _FUNCTION:
        return False
    from draftlint.lexicon.lexicon import get_lexicon  # noqa: PLC0415

    lexicon = get_lexicon()
    plural = word + "es" if word.endswith(("ch", "sh", "x", "z")) else word + "s"
    return lexicon.is_word(word) and lexicon.is_word(plural)


_NOT_NOUNS = frozenset(
    "who whom whose which what were was will would can could may might must should do did "
    "does had has have one two three four five six seven eight nine ten news series".split()
)


def determiner_cues(words: Sequence[str]) -> Iterator[int]:
    """'this medicines', 'these week': a demonstrative and a noun of the other number."""
    for i, word in enumerate(words[:-1]):
        if word in _DEMONSTRATIVES:
            nxt = words[i + 1]
            if not nxt.isalpha() or nxt in _FUNCTION or nxt in AGREEING or nxt in _NOT_NOUNS:
                continue  # "these are", "those who", "this is"
            if _looks_plural(nxt) != (word != "this"):
                yield i + 2


def comma_cues(words: Sequence[str]) -> Iterator[int]:
    """A comma after the first word: the parse says whether that word governs what follows."""
    if len(words) > 3 and words[1] == "," and words[0] in GOVERNING_WORDS:
        yield 2


def subject_cues(words: Sequence[str]) -> Iterator[int]:
    """A finite auxiliary after a prepositional phrase that opens its clause."""
    for i, word in enumerate(words):
        if word not in PREPOSITIONS or not (i == 0 or words[i - 1] in ("and", "but", ",")):
            continue
        for j in range(i + 2, min(len(words), i + 7)):
            if words[j] in _FINITE_AUX:
                yield j
                break
            if words[j] in _CLAUSE_BREAK:
                break
    for i, word in enumerate(words[:-1]):  # "He said was happy": a reported clause, no subject
        if word in SPEECH_VERBS and words[i + 1] in _REPORTED_FINITE:
            yield i + 1


#: speech verbs whose reported clause needs its own subject ("said [he] was")
SPEECH_VERBS = frozenset(
    "said says say added adds claimed claims argued argues insisted insists warned warns "
    "believes believed thinks thought".split()
)
_REPORTED_FINITE = frozenset(
    "is was are were has had have will would could can should may might".split()
)


#: frequent words in -est that are no superlatives: not cued
_EST_NOUNS = frozenset(
    "interest request protest contest harvest conquest manifest arrest suggest invest "
    "digest honest modest".split()
)
_ADVERBS = frozenset("also not still never now then soon already just only even".split())
#: modals before a dropped "be" ("will [be] replaced"): the contracted negatives take none
_PLAIN_MODALS = frozenset("will would can could may might shall should must".split())


#: quantifiers that need "of" before a determiner ("one [of] the most")
QUANTIFIERS = frozenset("one some many most each none several".split())
DETERMINERS = frozenset("the his her their its our my your these those".split())


_FUNCTION = frozenset(
    "to that the a an by in on of for with from at as and or but it him them us me his her "
    "their its this these those more less not so than up out off over into about also still "
    "now then there here be".split()
)


def _bare_verb_shape(word: str) -> bool:
    """A word that could be a bare infinitive: no inflection, no function word."""
    return (
        word.isalpha()
        and word not in _FUNCTION
        and not word.endswith(("s", "ed", "ing", "ly", "tion"))
    )


@cache
def to_infinitive_words() -> frozenset[str]:
    return frozenset(read_list("lists/to-infinitive-verbs.txt"))


def dropped_cues(words: Sequence[str]) -> Iterator[int]:
    """A modal before a past participle ("will also replaced"), a superlative after a
    preposition with no determiner ("one of biggest"), a quantifier before a determiner ("one
    the most"). A missing "to" ("decided join") is cued by the n-gram model: see
    ``local_cues``."""
    for i, word in enumerate(words[:-1]):
        nxt = words[i + 1]
        if word in QUANTIFIERS and nxt in DETERMINERS:
            yield i + 1
        elif word in _PLAIN_MODALS:
            j = i + 2 if (nxt.endswith("ly") or nxt in _ADVERBS) and i + 2 < len(words) else i + 1
            if words[j].endswith("ed") and not words[j].endswith("eed") and len(words[j]) > 4:
                yield j
        elif word in ("of", "in", "on", "at", "for", "among"):
            if nxt.endswith("est") and len(nxt) > 5 and nxt not in _EST_NOUNS:
                yield i + 2  # the noun after the superlative


#: words of context the parse needs after the last cued word (its object, a noun's head)
_AFTER_CUE = 4


_DEMONSTRATIVES = frozenset(("this", "these", "those"))
_CUE_WORDS = AGREEING | _DEMONSTRATIVES


def cued_end(words: Sequence[str]) -> int:
    """How many words of the sentence the parse needs (0: no cue, no parse): up to a few
    words past the last cued word. A prefix parses faster and reads the same there."""
    # (most sentences hold no agreeing verb and no demonstrative: skip those scans)
    present = _CUE_WORDS.intersection(words)
    last = max(
        (
            *(agreement_cues(words) if present & AGREEING else ()),
            *(determiner_cues(words) if present & _DEMONSTRATIVES else ()),
            *comma_cues(words),
            *subject_cues(words),
            *dropped_cues(words),
            *modal_cues(words),
        ),
        default=-1,
    )
    return 0 if last < 0 else min(len(words), last + 1 + _AFTER_CUE)


#: subjects a present-tense verb right after must agree with: personal and indefinite pronouns
_PERSONAL = frozenset(
    "he she it they we someone somebody everyone everybody anyone anybody nobody "
    "everything something nothing".split()
)
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


def local_agreement_cues(sentences: Sequence[Sequence[str]]) -> dict[int, int]:
    """Sentence -> its last be/have/do form (or verb after a pronoun) that scores better in
    the other number: the log10 probability of its trigram window (the verb and the two words
    after it) with the verb flipped beats the window as written by ``LOCAL_MARGIN``. One
    vectorised lookup for the whole document."""
    from draftlint.context.model import OOV, get_model

    model = get_model()
    vocab = model.ids
    rows: list[tuple[int, int, int, int, int, int, int, int, int]] = []
    bos, eos = model.bos, model.eos
    for k, words in enumerate(sentences):
        n = len(words)
        prev = ""
        for i, word in enumerate(words):
            adjacent = False
            if word in FLIPPED:
                other = FLIPPED[word] if "'" not in word else None
                adjacent = _plural_noun(prev) if word in SINGULAR_FORMS else _singular_noun(prev)
            elif (
                prev in _PERSONAL
                or (prev[-1:] == word[-1:] == "s" and _looks_plural(prev) and _looks_plural(word))
            ) and (len(word) > 2 and word.isalpha()):
                other = other_number(word)  # "he go", "they goes": any verb after a pronoun
            else:
                other = None
            prev = word
            if not other:
                continue
            # the ids of the window only (the verb, two words each side): most sentences
            # have no candidate and most words are never looked up
            before = vocab.get(words[i - 1], OOV) if i else bos
            verb = vocab.get(word, OOV)
            flip = model.word_id(other)
            if before == OOV or verb == OOV or flip == OOV:
                continue  # an unknown word: the model cannot tell
            rows.append(
                (
                    k,
                    vocab.get(words[i - 2], OOV) if i > 1 else bos,
                    before,
                    verb,
                    flip,
                    vocab.get(words[i + 1], OOV) if i + 1 < n else eos,
                    vocab.get(words[i + 2], OOV) if i + 2 < n else eos,
                    i,
                    adjacent,
                )
            )
    cued = _insertion_cues(model, sentences)
    if not rows:
        return cued
    import numpy as np

    table = np.array(rows, dtype=np.int64)
    a, b, verb, flip, c, d = (table[:, n] for n in range(1, 7))

    # both variants' three trigrams in one lookup: [verb | flip] x [w-2 w-1 v, w-1 v w+1, v w+1 w+2]
    v = np.concatenate([verb, flip])
    aa, bb, cc, dd = (np.concatenate([x, x]) for x in (a, b, c, d))
    lp = model.logprob_ids(
        np.concatenate([aa, bb, v]), np.concatenate([bb, v, cc]), np.concatenate([v, cc, dd])
    )
    n = len(v)
    window = lp[:n] + lp[n : 2 * n] + lp[2 * n :]
    gain = window[len(verb) :] - window[: len(verb)]
    margin = np.where(table[:, 8] == 1, ADJACENT_MARGIN, LOCAL_MARGIN)
    for k, i in table[gain > margin][:, [0, 7]].tolist():
        cued[k] = max(cued.get(k, 0), i)
    return cued


#: what may open the noun phrase after a noun that lost its "of" ("the top [of] the table")
OF_OPENERS = frozenset(("the", "a", "an", "his", "her", "their", "its", "our", "my", "your"))


#: words before a question word's infinitive ("unsure how [to] deal", "choose when [to] use")
WH_TO = frozenset(("how", "when", "where", "whether", "what", "which"))


def _takes_to(words: Sequence[str], i: int, takes_to: frozenset[str]) -> bool:
    return words[i] in takes_to and _bare_verb_shape(words[i + 1])


def _may_lose_of(words: Sequence[str], i: int) -> bool:
    # a word (maybe a noun) right before a determiner; the parse decides whether it is a noun
    # whose "of" phrase lost its "of" ("a bit [of] a glitch") or the start of a relative clause
    return (
        words[i + 1] in OF_OPENERS
        and len(words[i]) > 2
        and words[i].isalpha()
        and words[i] not in _FUNCTION
    )


def _insertion(words: Sequence[str], i: int, takes_to: frozenset[str]) -> str | None:
    """The function word a parse could show missing after ``words[i]``, if any."""
    if _takes_to(words, i, takes_to) or (words[i] in WH_TO and _bare_verb_shape(words[i + 1])):
        return "to"
    if _may_lose_of(words, i):
        return "of"
    return None


def _insertion_cues(model: Any, sentences: Sequence[Sequence[str]]) -> dict[int, int]:
    """Sentence -> the last gap where a dropped function word is likely enough to parse:
    "to" after a word that takes a to-infinitive or a question word, before what could be a
    bare verb ("decided join", "how deal"), or "of" before a determiner ("the top the
    table"), where the inserted word makes the words around far likelier (log10 gain over
    the window above ``LOCAL_MARGIN``)."""
    import numpy as np

    from draftlint.context.model import OOV

    takes_to = to_infinitive_words()
    rows = []
    for k, words in enumerate(sentences):
        for i, word in enumerate(words[:-1]):
            insert = _insertion(words, i, takes_to)
            if insert is None:
                continue
            p = model.word_id(words[i - 1]) if i else model.bos
            n1 = model.word_id(words[i + 1])
            n2 = model.word_id(words[i + 2]) if i + 2 < len(words) else model.eos
            if n1 != OOV:
                rows.append((k, p, model.word_id(word), n1, n2, i + 1, model.word_id(insert)))
    if not rows:
        return {}
    t = np.array(rows, dtype=np.int64)
    k, p, x, n1, n2, _, tt = (t[:, c] for c in range(7))
    # as written: n1 | p x, n2 | x n1; with the word: w | p x, n1 | x w, n2 | w n1
    lp = model.logprob_ids(
        np.concatenate([p, x, p, x, tt]),
        np.concatenate([x, n1, x, tt, n1]),
        np.concatenate([n1, n2, tt, n1, n2]),
    )
    r = len(t)
    gain = lp[2 * r : 3 * r] + lp[3 * r : 4 * r] + lp[4 * r :] - lp[:r] - lp[r : 2 * r]
    cued: dict[int, int] = {}
    for sentence, i in t[gain > LOCAL_MARGIN][:, [0, 5]].tolist():
        cued[sentence] = max(cued.get(sentence, 0), i)
    return cued


#: The rules that read ``parsed_sentences`` (GR102 through ``syntax.parsed_holes``): a batch is
#: parsed ahead (``prefetch_parses``) only for documents where one of them runs.
READERS = frozenset(("GR102", "GR103", "GR104", "GR105"))
_SLOT = "parsed-sentences"


Candidates = list[tuple[Sentence, list[str]]]


def chosen_sentences(document: Document) -> list[tuple[int, str]]:
    """The cued sentences (a prefix of each, see ``cued_end``) as (prose offset, text to
    parse): the cheap half of ``parsed_sentences``, which runs without the parser."""
    candidates = _candidates(document)
    return _choose(document, candidates, local_agreement_cues([w for _, w in candidates]))


def _chosen_together(documents: Sequence[Document]) -> list[tuple[Document, list[tuple[int, str]]]]:
    """``chosen_sentences`` of each document that can be read, with the local cues of all their
    sentences in one lookup (each sentence is cued on its own words, so the cues are the same;
    a lookup's fixed cost is most of it on one document). A document whose sentences cannot be
    read is left out: its rule raises on it as it would alone; when the lookup raises, every
    document is left out."""
    todo: list[tuple[Document, Candidates]] = []
    for document in documents:
        try:
            todo.append((document, _candidates(document)))
        except Exception:  # noqa: BLE001, S112 - raised again, by the rule, on this document
            continue
    if not todo:
        return []  # the model is not loaded for nothing
    try:
        local = local_agreement_cues([w for _, candidates in todo for _, w in candidates])
    except Exception:  # noqa: BLE001 - each document tries again alone, inside its rules
        return []
    out: list[tuple[Document, list[tuple[int, str]]]] = []
    at = 0
    for document, candidates in todo:
        mine = {k - at: i for k, i in local.items() if at <= k < at + len(candidates)}
        at += len(candidates)
        try:
            out.append((document, _choose(document, candidates, mine)))
        except Exception:  # noqa: BLE001, S112 - raised again, by the rule, on this document
            continue
    return out


def _candidates(document: Document) -> Candidates:
    """The sentences the cues read: not in a headline or a quotation, with their words in
    lowercase."""
    analysis = document.analysis
    headlines = headline_paragraphs(document)
    quoted = quoted_spans(document)
    candidates: Candidates = []
    for sentence in analysis.sentences:
        if sentence.paragraph in headlines or _inside(quoted, sentence.start, sentence.end):
            continue
        tokens: list[Token] = analysis.tokens[sentence.first_token : sentence.last_token]
        candidates.append((sentence, [t.text.lower() for t in tokens]))
    return candidates


def _choose(
    document: Document, candidates: Candidates, local: dict[int, int]
) -> list[tuple[int, str]]:
    analysis = document.analysis
    prose = document.prose
    chosen: list[tuple[int, str]] = []
    for k, (sentence, words) in enumerate(candidates):
        end = max(cued_end(words), min(len(words), local.get(k, -9) + 1 + _AFTER_CUE))
        if end <= 0:
            continue
        stop = (
            sentence.end
            if end >= len(words)
            else analysis.tokens[sentence.first_token + end - 1].end
        )
        # a no-break space parses as a word break only when it is a plain space (same length)
        text = prose[sentence.start : stop].replace("\u00a0", " ")
        chosen.append((sentence.start, text))
    return chosen


def _parsed(document: Document) -> list[ParsedSentence]:
    chosen = chosen_sentences(document)
    if not chosen:
        return []
    parses = parse([text for _, text in chosen])
    if parses is None:
        return []
    return [ParsedSentence(start, words) for (start, _), words in zip(chosen, parses, strict=True)]


def parsed_sentences(document: Document) -> list[ParsedSentence]:
    """The parses of the document's cued sentences (empty when the parser cannot load)."""
    return cached(document, _SLOT, _parsed)


def prefetch_parses(documents: Sequence[Document]) -> None:
    """Parse the cued sentences of several documents in one call and keep each document's
    parses where ``parsed_sentences`` finds them.

    A call to the pipeline costs about 2 ms whatever its size and a document has only one to
    three cued sentences, so one call per document spent more on calls than on parsing; the
    pipeline pads a batch, so a sentence parses the same beside any others. A document whose
    choice raises is left out: its rule then fails on it as it would have alone (a RuleCrash
    naming the rule), and the others keep their parses. When the batch's parse raises, nothing
    is kept and each document parses its own sentences later.
    """
    todo = _chosen_together([d for d in documents if not is_cached(d, _SLOT)])
    texts = [text for _, chosen in todo for _, text in chosen]
    if not texts:
        for document, _ in todo:
            cached(document, _SLOT, lambda _: [])
        return
    try:
        parses = parse(texts)
    except Exception:  # noqa: BLE001 - each document tries again alone, inside its rules
        return
    at = 0
    for document, chosen in todo:
        got: list[ParsedSentence] = []
        if parses is not None:
            got = [ParsedSentence(start, parses[at + n]) for n, (start, _) in enumerate(chosen)]
        at += len(chosen)
        cached(document, _SLOT, lambda _, got=got: got)


def quoted_spans(document: Document) -> _Quoted:
    return cached(document, "quoted-spans", _quoted)


def is_quoted(document: Document, start: int, end: int) -> bool:
    return _inside(quoted_spans(document), start, end)
