"""GR103-GR105: agreement, a stray comma and a missing subject, read from a dependency parse.

The n-gram model sees three words at a time; these defects lie further apart ("any agreement
he were to reach with a controversial leader such as Putin on policy issues are sure"), so
the rules read the parse that ``parsed.parsed_sentences`` makes of the cued sentences. Each
rule names its exceptions where the parse alone would raise a false alarm.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache

from draftlint.checks.grammar.parsed import (
    AFTER_MODAL,
    DETERMINERS,
    FLIPPED,
    OF_OPENERS,
    PLURAL_FORMS,
    QUANTIFIERS,
    SPEECH_VERBS,
    WH_TO,
    ParsedSentence,
    is_quoted,
    other_number,
    parsed_sentences,
    to_infinitive_words,
)
from draftlint.data_files import read_list
from draftlint.drafts.document import Document, Span
from draftlint.rule import Context, rule
from draftlint.syntax.parser import Word
from draftlint.violation import Finding, Severity

_SUBJECTS = ("nsubj", "nsubjpass")
_FINITE_TAGS = frozenset(("VBZ", "VBP", "VBD"))
#: words before a 'were' that make it a subjunctive ("if he were", "as though it were")
_SUBJUNCTIVE = frozenset("if though wish suppose supposing imagine rather whether unless".split())
#: words that make a plain verb a mandative subjunctive ("insists that he have a say")
_MANDATIVE = frozenset(
    "insist insists insisted demand demands demanded require requires required recommend "
    "recommends recommended suggest suggests suggested propose proposes proposed urge urges "
    "urged ask asks asked essential important vital necessary lest".split()
)
#: tags of a first word that governs the words after it (preposition, subordinator, determiner)
_GOVERNORS = frozenset(("IN", "DT", "WDT", "PRP$", "PDT"))
#: tags that open a noun phrase: the words a stray comma separates from their governor
_PHRASE_START = frozenset("DT PDT PRP$ NN NNS NNP NNPS JJ JJR JJS CD".split())
_FINITE = frozenset((*FLIPPED, "had"))
_POSSESSIVE_SUBJECT = {"his": "he", "her": "she", "its": "it", "their": "they", "our": "we"}


@cache
def collective_nouns() -> frozenset[str]:
    return frozenset(read_list("lists/collective-nouns.txt"))


@cache
def comma_openers() -> frozenset[str]:
    return frozenset(read_list("lists/comma-openers.txt"))


@cache
def singular_plurals() -> frozenset[str]:
    return frozenset(read_list("lists/singular-plurals.txt"))


@cache
def two_object_verbs() -> frozenset[str]:
    return frozenset(read_list("lists/two-object-verbs.txt"))


@cache
def unchanged_past_verbs() -> frozenset[str]:
    return frozenset(read_list("lists/unchanged-past-verbs.txt"))


def _unquoted(document: Document, sentence: ParsedSentence, word: Word) -> Span | None:
    """The word's span in the prose, or None inside quoted speech (the speaker's grammar)."""
    start, end = sentence.offset + word.start, sentence.offset + word.end
    return None if is_quoted(document, start, end) else Span(start, end)


def _case(model: str, word: str) -> str:
    return word.capitalize() if model[:1].isupper() else word


def _subject(words: Sequence[Word], i: int) -> int | None:
    """The one subject of the verb at ``i`` (or of the verb it is an auxiliary of)."""
    host = words[i].head if words[i].dep in ("aux", "auxpass") else i
    found = [
        k
        for k, w in enumerate(words)
        if w.dep in _SUBJECTS and k != host and (w.head == host or w.head == i)
    ]
    return found[0] if len(found) == 1 else None


def subject_number(words: Sequence[Word], s: int) -> str | None:
    """'singular', 'plural', 'first' (I) or None when the number is not sure."""
    subject = words[s]
    low = subject.lower
    if any(w.head == s and w.dep in ("conj", "cc") for w in words):
        return None  # "Trump and Putin are"
    if subject.tag == "PRP":
        if low in ("he", "she", "it"):
            return "singular"
        if low in ("they", "we", "you"):
            return "plural"
        return "first" if low == "i" else None
    if subject.tag == "NN":
        if low in collective_nouns() or not subject.text.isalpha() or not subject.text.islower():
            return None  # a collective, or a name the tagger took for a noun ("REM have")
        # "a number of people are", "the rest of the votes were": the verb follows the 'of'
        if any(w.head == s and w.dep == "prep" and w.lower == "of" for w in words):
            return None
        return "singular"
    if subject.tag == "NNS":
        if s > 0 and words[s - 1].tag == "VBG" and words[s - 1].head in (s, words[s].head):
            return None  # "catching balls is": the gerund's phrase is the subject, singular
        if _bare_ing_modifier(words, s):
            return None  # "how consuming cars affects": a gerund the tagger took for an adjective
        return None if low in singular_plurals() or not low.isalpha() else "plural"
    return None


def _bare_ing_modifier(words: Sequence[Word], s: int) -> bool:
    """An -ing word opening the noun's phrase ("consuming cars", "Counseling sufferers"): read
    as a gerund with its object, the phrase is singular, so its number is not sure."""
    if s == 0:
        return False
    ing = words[s - 1]
    if not (ing.lower.endswith("ing") and ing.tag in ("JJ", "NN", "VBG") and ing.head == s):
        return False
    # the -ing word opens the phrase: the word before it modifies neither it nor the noun
    # ("the rising prices", "the most interesting pieces" are plural)
    return s == 1 or words[s - 2].head not in (s, s - 1)


def _unjoined_and(words: Sequence[Word], s: int, i: int) -> bool:
    """An 'and' near the subject that joins bare nouns ("gas and fuel oil"): with its own
    determiner after it ("the effort and the minister") it starts another phrase."""
    for k in range(max(1, s - 4), i):
        if (
            words[k].lower == "and"
            and k + 1 < len(words)
            and words[k + 1].tag not in ("DT", "PRP$")
        ):
            if words[k - 1].tag.startswith("NN") or words[k - 1].tag == "VBG":
                return True
    return False


def _existential_subject(words: Sequence[Word], i: int) -> int | None:
    """The noun that 'there is/are' introduces: the verb's first attribute after it."""
    found = [k for k in range(i + 1, len(words)) if words[k].head == i and words[k].dep == "attr"]
    return found[0] if found else None


def _existential_wrong(words: Sequence[Word], i: int, s: int, plural: bool) -> bool:
    """'There is many reasons', 'there are a problem'; not 'there is a lot of people', 'there
    are more than one way', 'there is a cat and a dog', nor a collective or -ics noun."""
    noun = words[s]
    if not noun.text.isalpha() or not noun.text.islower():
        return False
    children = [w for w in words if w.head == s]
    if any(
        w.dep in ("conj", "quantmod") or (w.dep == "prep" and w.lower == "of") for w in children
    ):
        return False
    if noun.tag == "NNS" and not plural:
        return noun.lower not in singular_plurals()
    if noun.tag == "NN" and plural and noun.lower not in collective_nouns():
        return any(w.dep == "det" and w.lower in ("a", "an", "one", "another") for w in children)
    return False


_DEMONSTRATIVES = {"this": "these", "these": "this", "that": "those", "those": "that"}
#: plurals that "this" may go with in edited prose ("this data", "this media")
_THIS_PLURALS = frozenset(("data", "media", "criteria"))


def after_modal(words: Sequence[Word]) -> Iterator[tuple[int, int]]:
    """(verb, modal) indexes of the finite be/have/do forms, and of the other verbs with a
    present's -s, that follow a modal: 'he will has been' (have), 'it could is' (be), 'it
    will only gets worse' (get). The tagger tells the modal from a noun ('his will is',
    'a can is'); a question's subject may come between them only as a pronoun, which is no
    adverb, so 'can it is' is not read."""
    for i, verb in enumerate(words):
        if i == 0 or not (
            (verb.lower in AFTER_MODAL and verb.tag in _FINITE_TAGS)
            or (verb.tag == "VBZ" and verb.lower not in FLIPPED and verb.text.isalpha())
        ):
            continue
        m = i - 1
        if words[m].tag == "RB" and m:
            m -= 1  # "will not has", "would also was"
        if words[m].tag == "MD" and (m == 0 or words[m - 1].tag not in _BEFORE_NOUN):
            yield i, m


def _written(words: Sequence[Word], i: int) -> str:
    """The word as the draft writes it: the parser splits "won't" into "wo" and "n't"."""
    after = words[i + 1] if i + 1 < len(words) else None
    if after is not None and after.start == words[i].end and after.lower in ("n't", "n’t"):
        return words[i].text + after.text
    return words[i].text


#: Tags before a word that make it a noun whatever the tagger says: "free will was", "his
#: will is", "the can was", "Bush's will".
_BEFORE_NOUN = frozenset(("JJ", "JJR", "JJS", "DT", "PRP$", "POS", "CD"))


def determiner_disagreements(words: Sequence[Word]) -> Iterator[int]:
    """Indexes of demonstratives whose noun is of the other number ("this medicines", "these
    week"); not "these data", "this news", "those who", nor a number between ("these two")."""
    for i, det in enumerate(words):
        if det.lower not in _DEMONSTRATIVES or det.dep != "det":
            continue
        n = det.head
        if n <= i or not words[n].text.isalpha() or not words[n].text.islower():
            continue
        if any(w.head == n and w.tag == "CD" for w in words):
            continue  # "these 10 years"
        noun, plural = words[n], det.lower in ("these", "those")
        if noun.tag == "NNS" and not plural:
            if noun.lower not in singular_plurals() and noun.lower not in _THIS_PLURALS:
                yield i
        elif noun.tag == "NN" and plural and noun.lower not in collective_nouns():
            if not noun.lower.endswith("s") and noun.lower not in ("kind", "sort", "type"):
                yield i


def disagreements(words: Sequence[Word]) -> Iterator[tuple[int, int]]:
    """(verb, subject) indexes of the number-marked verbs that disagree with their subject."""
    lowered = [w.lower for w in words]
    for i, verb in enumerate(words):
        low = lowered[i]
        if low in FLIPPED:
            if verb.tag not in _FINITE_TAGS:
                continue  # "will have", "what does it do": a base form agrees with nothing
            plural = low in PLURAL_FORMS
        elif verb.tag in ("VBZ", "VBP") and low.isalpha() and verb.dep != "aux":
            if lowered[i - 1] in (",", "and", "or"):
                continue  # "the sights, sounds and ...": a noun in a list, tagged as a verb
            plural = verb.tag == "VBP"  # a present tense of any other verb: go / goes
        else:
            continue
        if any(w.head == i and w.dep == "expl" for w in words[:i]):
            s = _existential_subject(words, i)
            if s is not None and _existential_wrong(words, i, s, plural):
                yield i, s
            continue
        s = _subject(words, i)
        if s is None or s > i:
            continue  # no single subject, or an inversion ("were he to", a question)
        number = subject_number(words, s)
        if number == "first":
            wrong = low in ("is", "has", "does", "isn't", "hasn't", "doesn't") or (
                low not in FLIPPED and not plural
            )
        elif number == "singular":
            wrong = plural
        elif number == "plural":
            wrong = not plural
        else:
            continue
        if not wrong:
            continue
        if number == "singular" and words[s].tag == "NN" and _unjoined_and(words, s, i):
            continue  # "gas and fuel oil are": a coordination the parse did not join
        before = set(lowered[:i])
        if low in ("were", "weren't") and before & _SUBJUNCTIVE:
            continue
        if low in ("have", "do") and before & _MANDATIVE:
            continue  # "insists that he have a say"
        if low not in FLIPPED and (
            (plural and (before & _MANDATIVE or low in unchanged_past_verbs()))
            or lowered[i - 1] == "not"
        ):
            # "asked that she leave", "that he not possess": a subjunctive; "he quit": a past
            # the tagger took for a present
            continue
        yield i, s


@rule(
    "GR103",
    "subject-verb-agreement",
    Severity.WARNING,
    "A verb that does not agree with its subject in number (he were, the agreement ... are).",
    what="A finite form of be, have or do whose subject, found by a dependency parse of the "
    "sentence, is of the other number: a singular noun or he/she/it with 'are', 'were', "
    "'have', 'do'; a plural noun or they/we/you with 'is', 'was', 'has', 'does'; 'I is'. The "
    "subject may stand far from the verb, across a relative clause or a prepositional phrase; "
    "after 'there', the noun it introduces is the subject ('there is many reasons', 'there "
    "are a problem'; not 'there is a lot of people' or 'there are more than one way'). "
    "Also a demonstrative and its noun of different numbers ('this medicines', 'these "
    "week'; not 'these data', 'this news', 'these two'), and a finite be, have or do, or "
    "any verb's present -s, after a modal, which takes the plain verb ('he will has been': "
    "have; 'it could is': be; 'could means': mean; not "
    "'his will is' or 'free will was', where a determiner or an adjective makes it a noun). "
    "Let through: collective nouns that British English reads as plural (rules/lists/"
    "collective-nouns.txt: 'the government are'), plurals that take a singular verb "
    "(singular-plurals.txt: 'news', 'politics'), a noun with an 'of' phrase ('a number of "
    "people are'), subjects joined by 'and', a gerund and its object ('catching balls is'), "
    "the subjunctive 'were' after if, though or wish, a plain verb after insist, require or "
    "demand ('demanded he pay') or after 'not' ('that he not possess'), a past spelt as the "
    "present (unchanged-past-verbs.txt: 'he quit', 'it cost'), an -ing word with no "
    "determiner that may be a gerund with its object ('how consuming cars affects'), quoted "
    "speech and headlines. Only sentences whose words give a cue of "
    "disagreement are parsed: the 3-gram model prefers the verb in the other number, or a "
    "noun whose ending gives its number stands right before it ('the discussions was').",
    why="Agreement slips appear when a sentence is rewritten and its subject changes; the "
    "eye pairs the verb with the nearest noun, not with its subject.",
    bad="Any agreement he reaches with Putin on policy issues are sure to draw scrutiny.",
    good="Any agreement he reaches with Putin on policy issues is sure to draw scrutiny.",
)
def subject_verb_agreement(document: Document, context: Context) -> Iterator[Finding]:
    for sentence in parsed_sentences(document):
        words = sentence.words
        for i, s in disagreements(words):
            verb = words[i]
            other = other_number(verb.lower)
            if other is None or _unquoted(document, sentence, words[s]) is None:
                continue  # a quoted subject ('"if he were" are let through') is a mention
            found = _suggesting(
                document,
                sentence,
                verb,
                other,
                f"{verb.text!r} does not agree with its subject {words[s].text!r}",
            )
            if found is not None:
                yield found
        for i, m in after_modal(words):
            verb = words[i]
            found = _suggesting(
                document,
                sentence,
                verb,
                AFTER_MODAL.get(verb.lower) or other_number(verb.lower) or verb.lower,
                f"{verb.text!r} after the modal {_written(words, m)!r}: a modal takes the plain "
                "verb",
            )
            if found is not None:
                yield found
        for i in determiner_disagreements(words):
            det = words[i]
            found = _suggesting(
                document,
                sentence,
                det,
                _DEMONSTRATIVES[det.lower],
                f"{det.text!r} does not agree with its noun {words[det.head].text!r}",
            )
            if found is not None:
                yield found


def _suggesting(
    document: Document, sentence: ParsedSentence, word: Word, fixed: str, message: str
) -> Finding | None:
    """A finding on ``word`` that suggests ``fixed`` (in the word's case), or None inside
    quoted speech."""
    span = _unquoted(document, sentence, word)
    if span is None:
        return None
    fixed = _case(word.text, fixed)
    return Finding(span, f"{message}; did you mean {fixed!r}?", (fixed,))


@rule(
    "GR104",
    "stray-comma",
    Severity.WARNING,
    "A comma after a sentence's first word that governs what follows (Whatever, the ...).",
    what="A comma right after a sentence-opening preposition, subordinating conjunction or "
    "determiner (tagged so by the parse: whatever, although, because, despite, if, in, on, "
    "at, as, his, the ...) when the next word opens the phrase the first word governs "
    "('Whatever, the differences, both ...', 'On, Monday, ...'). Let through: words that "
    "also stand alone as adverbs or interjections (before, after, besides, once, so, no, "
    "like ... in rules/lists/comma-openers.txt), a parenthetical after the comma ('If, as "
    "expected, ...', 'This, he said, is ...'), quoted speech and headlines.",
    why="The comma cuts the opening word from its phrase and makes the reader stumble.",
    bad="Whatever, the differences, both presidents may need each other.",
    good="Whatever the differences, both presidents may need each other.",
    fixable=True,
)
def stray_comma(document: Document, context: Context) -> Iterator[Finding]:
    for sentence in parsed_sentences(document):
        words = sentence.words
        if len(words) < 4 or not stray_comma_after_first(words):
            continue
        span = _unquoted(document, sentence, words[1])
        if span is None:
            continue
        yield Finding(
            span,
            f"stray comma after {words[0].text!r}: it cuts the word from '{words[2].text} ...'",
            fix="",
        )


def stray_comma_after_first(words: Sequence[Word]) -> bool:
    first, after = words[0], words[2]
    if words[1].text != "," or first.tag not in _GOVERNORS or first.lower in comma_openers():
        return False
    if after.tag == "PRP":  # "If, you ...": a clause; "This, he said, is ...": a parenthesis
        return first.tag == "IN" and first.lower not in ("whatever", "whichever")
    return after.tag in _PHRASE_START


def _pronouns_for(words: Sequence[Word], i: int) -> tuple[str, ...]:
    """The subjects a clause most likely lost, best first: the last possessive or personal
    pronoun before it; after a speech verb, the speaker's pronouns; else by the verb's number."""
    for w in reversed(words[:i]):
        if w.lower in _POSSESSIVE_SUBJECT:
            return (_POSSESSIVE_SUBJECT[w.lower],)
        if w.lower in ("he", "she", "it", "they", "we"):
            return (w.lower,)
    if words[i].lower in PLURAL_FORMS:
        return ("they",)
    if words[i - 1].lower in SPEECH_VERBS:
        return ("he", "she", "it")  # "Jane Russell said [she] was impressed"
    return ("it",)


#: the finite auxiliaries and modals a reported clause may open with ("said [he] was")
_REPORTED = frozenset("is was are were has had have will would could can should may might".split())


def opens_clause(words: Sequence[Word], i: int) -> bool:
    """Whether words[i] ("if") opens a clause of its own: the parse makes it the marker of a
    finite verb whose subject starts right after it ("if the fall of the dollar kept
    eating", "if court orders to allow access were defied", "if Basle fail to beat"). Then
    "in" in its place would leave that verb without a subject; a slip for "in" reads as a
    phrase ("if the fall of 2004, prices rose": the subject is elsewhere)."""
    word = words[i]
    if word.dep != "mark" or word.head <= i:
        return False
    head = word.head
    finite = words[head].tag in (*_FINITE_TAGS, "MD") or any(
        w.head == head and w.dep in ("aux", "auxpass") and w.tag in (*_FINITE_TAGS, "MD")
        for w in words
    )
    if not finite:
        return False
    for s, w in enumerate(words):
        if w.head == head and w.dep in (*_SUBJECTS, "expl") and i < s < head:
            return _leftmost(words, s) == i + 1
    return False


def _leftmost(words: Sequence[Word], s: int) -> int:
    """The first word of words[s]'s subtree (a word is in it when its chain of heads reaches s;
    the chain stops at the root, its own head, and is cut at the sentence's length)."""
    for n in range(s):
        k = n
        for _ in range(len(words)):
            if k == s or words[k].head == k:
                break
            k = words[k].head
        if k == s:
            return n
    return s


def _has_subject(words: Sequence[Word], *heads: int) -> bool:
    return any(w.head in heads and w.dep in (*_SUBJECTS, "expl", "csubj") for w in words)


def missing_subjects(words: Sequence[Word]) -> Iterator[int]:
    """Indexes of finite verbs with no subject right after a clause-opening prepositional
    phrase ("and beyond his popularity is experiencing" reads the phrase as the subject), or
    right after a speech verb ("Mr Smith said was happy")."""
    lowered = [w.lower for w in words]
    for i in range(1, len(words)):
        verb, speech = words[i], words[i - 1]
        if speech.lower not in SPEECH_VERBS or speech.tag not in ("VBD", "VBZ", "VBP"):
            continue
        if verb.lower not in _REPORTED or speech.dep in ("relcl", "csubj", "acl"):
            continue  # "the memory Brown says keeps returning": a relative clause
        if verb.lower in ("had", "were", "should") and i + 1 < len(words):
            if words[i + 1].tag in ("DT", "PRP", "NNP", "PRP$"):
                continue  # "said had the government not acted": an inverted condition
        if {"what", "all", "everything", "whatever"} & set(lowered[:i]):
            continue  # "what he said was true": the clause is the subject
        host = verb.head if verb.dep in ("aux", "auxpass") else i
        if words[host].head == i - 1 and not _has_subject(words, host, i):
            yield i
    for i, verb in enumerate(words):
        if i < 2 or verb.tag not in _FINITE_TAGS or verb.lower not in _FINITE:
            continue
        if verb.dep not in ("aux", "auxpass"):
            continue  # a main verb may have its subject after it ("Among the targets are ...")
        host = verb.head
        if words[host].dep in ("relcl", "acl", "pcomp", "xcomp", "csubj", "amod"):
            continue
        if _has_subject(words, host, i):
            continue
        previous = words[i - 1]
        if previous.dep != "pobj" or previous.tag not in ("NN", "NNS"):
            continue
        p = previous.head
        if words[p].tag != "IN" or p == 0 or words[p - 1].lower not in ("and", "but"):
            continue  # a sentence's opening phrase often lacks its comma ("In 2004 profits")
        yield i


@rule(
    "GR105",
    "missing-subject",
    Severity.WARNING,
    "A clause whose verb has no subject (and beyond his popularity is ..., she said was ...).",
    what="A finite auxiliary ('is experiencing', 'has shown') that a dependency parse gives "
    "no subject, right after a prepositional phrase that opens a clause after 'and' or "
    "'but': the subject was dropped ('and beyond his personal popularity [he] is experiencing lower ratings'). "
    "The same for a reported clause with no subject right after a speech verb ('Jane Russell "
    "said was impressed'), unless the speech verb's clause is itself the subject ('what he "
    "said was true') or the clause is an inverted condition ('said had the government "
    "acted'). The suggestion inserts the pronoun the sentence points to (the last "
    "possessive before it: 'his' gives 'he'). Relative clauses, verbs that share a subject with the verb "
    "before ('came and is staying'), quoted speech and headlines are let through.",
    why="A dropped subject makes the phrase before the verb read as its subject, which "
    "changes or breaks the sentence.",
    bad="The economy is weak and beyond his popularity is facing lower ratings.",
    good="The economy is weak and beyond his popularity he is facing lower ratings.",
)
def missing_subject(document: Document, context: Context) -> Iterator[Finding]:
    for sentence in parsed_sentences(document):
        words = sentence.words
        for i in missing_subjects(words):
            verb = words[i]
            span = _unquoted(document, sentence, verb)
            if span is None:
                continue
            pronouns = _pronouns_for(words, i)
            yield Finding(
                span,
                f"{verb.text!r} has no subject; a word may be missing: "
                f"{words[i - 1].text} {pronouns[0]} {verb.text}?",
                tuple(f"{p} {verb.text}" for p in pronouns),
            )


_BE_FORMS = frozenset("is are was were am be been being 's 're".split())
_SUPERLATIVE_IDIOMS = frozenset(("least", "best", "most", "worst", "latest", "earliest"))


def dropped_words(words: Sequence[Word]) -> Iterator[tuple[int, str]]:
    """(index of the word before the gap, the word to insert) where the parse shows a hole:
    a past participle right after a modal ("will [be] replaced", "could [be] limited"), a
    superlative after a preposition with no determiner ("one of [the] biggest outbreaks"), a
    base verb after a word that takes a to-infinitive ("decided [to] join"), a quantifier
    before a determiner ("one [of] the most")."""
    takes_to = to_infinitive_words()
    for i, word in enumerate(words[:-1]):
        nxt = words[i + 1]
        if word.lower in takes_to and nxt.tag == "VB" and nxt.text.islower():
            if i and words[i - 1].lower in ("most", "more", "very", "quite"):
                continue  # "will most likely make": an adverb
            if word.lower != "going" or (i and words[i - 1].lower in _BE_FORMS):
                yield i, "to"
            continue
        if nxt.lower in OF_OPENERS and _lost_of(words, i):
            yield i, "of"
            continue
        if word.lower in WH_TO and _lost_to_after_wh(words, i):
            yield i, "to"
            continue
        if word.lower in QUANTIFIERS and nxt.lower in DETERMINERS and word.text.islower():
            # "one the most", "some the players"; not "the one the team chose", "one the web
            # writes" (a relative clause: a singular noun and its verb follow)
            after = words[i + 2] if i + 2 < len(words) else None
            if i and words[i - 1].tag in ("DT", "JJ", "PRP$", "CD"):
                continue
            if after is None or after.tag not in ("JJS", "RBS", "NNS"):
                continue
            if nxt.tag in ("DT", "PRP$") and word.dep != "det":
                yield i, "of"
            continue
        if word.tag == "MD":
            j = i + 2 if words[i + 1].tag == "RB" else i + 1  # "will also replaced"
            after = words[j] if j < len(words) else None
            # a participle or an adjective in -ed right after a modal: "could [be] limited"
            if (
                after
                and after.lower != "been"
                and (
                    after.tag == "VBN"
                    or (after.tag in ("JJ", "VBD") and after.lower.endswith("ed"))
                )
            ):
                yield j - 1, "be"
        elif word.tag == "IN" and words[i + 1].tag == "JJS":
            if word.lower == "of" and not (i and words[i - 1].lower in QUANTIFIERS):
                continue  # "of gravest concern" is an idiom; "one of biggest" is not
            sup = words[i + 1]
            if sup.lower in _SUPERLATIVE_IDIOMS or not sup.text.islower():
                continue
            if any(w.head == i + 1 and w.dep in ("det", "poss") for w in words):
                continue
            head = words[sup.head]
            if sup.dep == "amod" and head.tag in ("NN", "NNS") and sup.head > i + 1:
                yield i, "the"


def _lost_to_after_wh(words: Sequence[Word], i: int) -> bool:
    """A question word before a bare verb with no subject of its own: "unsure how [to] deal",
    "choose when [to] use"; not "how come", "when need be", nor a question ("how do you")."""
    wh, verb = words[i], words[i + 1]
    if not i or verb.tag not in ("VB", "VBP") or not verb.text.islower():
        return False
    if verb.lower in _WH_IDIOMS or wh.head != i + 1:
        return False
    return not any(w.head == i + 1 and w.dep in ("nsubj", "nsubjpass", "expl") for w in words)


_WH_IDIOMS = frozenset(("come", "need", "do", "be", "have", "say"))


def _lost_of(words: Sequence[Word], i: int) -> bool:
    """Whether the noun phrase after the common noun ``words[i]`` reads as its lost "of"
    phrase ("the top [of] the table", "a bit [of] a glitch"): both nouns have determiners and
    the parse gives the second the very role of the first (two subjects or two objects of one
    verb, which no clause has) or hangs it off the first as an apposition. Any other role is
    a reading of its own: a clause's subject ("the day the music died", "in this portrait the
    landscape suggests"), a shifted object ("create in the viewers a false sense"), a second
    object ("gave the man the keys"), a time phrase ("rose 10% the previous month")."""
    noun, det = words[i], words[i + 1]
    if noun.tag not in ("NN", "NNS") or not noun.text.islower() or det.tag not in ("DT", "PRP$"):
        return False
    if noun.dep in ("npadvmod", "tmod", "dative", "oprd"):
        return False  # "showed the representative the device": two objects
    if not any(w.head == i and w.dep in ("det", "poss") for w in words[:i]):
        return False  # "the top", "a bit", "either side": the noun opens a phrase of its own
    head = words[det.head]
    if det.head <= i + 1 or head.tag not in ("NN", "NNS") or not head.text.islower():
        return False
    if head.lower in _TIME_NOUNS or det.head + 1 >= len(words):
        return False  # "180,000 tonnes this year"; or the words after the phrase are unseen
    twin = head.dep == noun.dep and head.head == noun.head  # the very role of the noun
    if twin and noun.dep in ("nsubj", "nsubjpass"):
        # "the remainder the band played": two subjects of one verb, when the first opens the
        # sentence (not "within minutes of beginning a run my head is clear")
        return _opens_sentence(words, i)
    if words[det.head + 1].tag in (*_FINITE_TAGS, "MD"):
        return False  # a clause: "the cost this increase will bring", "a run my head is clear"
    if twin:
        # two objects only of a verb that takes one ("send the instructor an e-mail", "named
        # him the winner" take two)
        if noun.dep == "dobj":
            return words[noun.head].lower not in two_object_verbs()
        return noun.dep in ("attr", "pobj")
    return head.dep in ("appos", "npadvmod", "dep") and head.head == i


def _opens_sentence(words: Sequence[Word], i: int) -> bool:
    """Whether the phrase of the noun ``words[i]`` is the first thing in its sentence."""
    first = min((k for k, w in enumerate(words[:i]) if w.head == i), default=i)
    return all(w.tag in ("``", "''", "-LRB-", ":") for w in words[:first])


#: the head of a time phrase, which follows a noun with no "of" ("rose 10% the previous month")
_TIME_NOUNS = frozenset(
    "time times day days week weeks weekend month months year years decade century season "
    "term quarter half morning afternoon evening night summer winter spring autumn hour "
    "minute moment period".split()
)


def parsed_holes(document: Document) -> Iterator[tuple[Word, str, Word]]:
    """(word before, word to insert, word after) for every hole the parses show; the Words'
    offsets are the document's prose offsets. Quoted speech is skipped."""
    for sentence in parsed_sentences(document):
        words = sentence.words
        for i, word in dropped_words(words):
            before, after = words[i], words[i + 1]
            start, end = sentence.offset + before.start, sentence.offset + after.end
            if is_quoted(document, start, end):
                continue
            yield (
                before._replace(start=start, end=sentence.offset + before.end),
                word,
                after._replace(start=sentence.offset + after.start, end=end),
            )


RULES = (subject_verb_agreement, stray_comma, missing_subject)
