"""Evidence beyond the n-gram window that a confusion-set word fits as written.

The trigram model sees two words either side and no punctuation, so some uses are out of its
sight: "nor" after an earlier "neither", "than" after "a stronger case", "if" opening a clause
whose verb comes four words later, "too" before a comma. Each guard below vetoes one kind of
GR101 finding on that evidence. They are checked only for candidates the model has already
flagged, so their cost is nothing on clean text.

Every guard was measured before it went in, on the bbc_news/dev articles: the slips it lets
through among errors injected into them (``bench/context_bench.py``), and the false alarms it
removes from the clean copies. Together they took the findings on the clean text from 27 to 18
for 15 of 9,096 slips found; guards that cost more than they saved ("off" before a capitalised
word or after a figure) were dropped.
"""

from __future__ import annotations

from collections.abc import Sequence

from draftlint.ngram import NgramModel

#: words that never stand right before a comma, full stop, colon or semicolon ("the ," "than ."):
#: a written word followed by such a mark cannot be a slip for one of them ("Here, too, say").
#: Not "and", "or" ("and, in particular,") nor the prepositions a clause may end on ("come
#: from.", "used to.", "not that I am aware of,").
NEVER_BEFORE_PUNCTUATION = frozenset("a an the nor than their your its my our if".split())
CLAUSE_PUNCTUATION = frozenset(",.;:!?")

#: finite verbs and auxiliaries: one of these after "if" and its subject, before the clause
#: ends, shows that "if" opens a clause ("if a buyer were found", "if a hall can be booked")
FINITE_MARKERS = frozenset(
    "is are was were am has have had do does did can could will would shall should may might "
    "must 's 're 've 'd 'll n't".split()
)
#: how far after "if" the clause's verb may come
CLAUSE_REACH = 8
#: words that open a subject: the guard trusts "if" only before one of these ("if a buyer were";
#: not "if Leeds will host", a slip for "in" before a name, nor "it if understood")
SUBJECT_OPENERS = frozenset(
    "a an the this these those his her its their our my your some any no every each all "
    "both such many most i you he she it we they there one".split()
)

#: "neither" anywhere before licenses "nor"; another negative does when "nor" does not follow an
#: auxiliary ("will never change the rules nor delay the vote", but "I do nor agree" is a slip)
NEGATIVES = frozenset("not no never nobody none nothing nowhere cannot without n't".split())

#: comparatives that take "than" ("more support than first appears"), besides the words the
#: model itself sees followed by "than" (``THAN_AFTER``)
COMPARATIVES = frozenset("more less fewer rather other otherwise else different".split())
#: log10 P(than | w) above which w counts as a comparative ("stronger", "higher", "larger")
THAN_AFTER = -1.3
#: how far before "than" its comparative may stand, within the clause
COMPARATIVE_REACH = 3


#: a token ending so is a contracted auxiliary ("it's", "don't")
_AUXILIARY_ENDS = ("'s", "'re", "'ve", "'d", "'ll", "n't")


#: endings two coordinated nouns share ("integration or inclusion", "training or coaching")
_NOUN_ENDINGS = ("ion", "ment", "ness", "ity", "ance", "ence", "ing")
#: ", of course", ", of which": "of" after a comma
_OF_AFTER_COMMA = frozenset("course which whom whose".split())


#: letters whose names begin with a vowel sound ("an FBI agent", "an MP")
_VOWEL_SOUND_LETTERS = frozenset("AEFHILMNORSX")
#: words that cannot be a bare subject after "if" (prepositions, conjunctions, adverbs ...)
_FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for with from into onto about as than then that there so not "
    "and or but nor also only even still just now yet very more most less".split()
)


def _vowel_initialism(token: str) -> bool:
    """An initialism read letter by letter that takes "an" ("IAEA", "MP", "FBI")."""
    return (
        len(token) >= 2
        and token.isupper()
        and token.isalpha()
        and token[0] in (_VOWEL_SOUND_LETTERS)
    )


#: a pronoun right before "if" is the subject of a slip for "is" ("It if a good plan")
_SUBJECT_PRONOUNS = frozenset("it this that he she there which who what".split())


def _norm(token: str) -> str:
    return token.lower().replace("\u2019", "'")


def _clause_before(tokens: Sequence[str], index: int, reach: int) -> list[str]:
    """The lowercase tokens before ``index``, back to the clause mark (at most ``reach``)."""
    out: list[str] = []
    for tok in reversed(tokens[max(0, index - reach) : index]):
        if tok in CLAUSE_PUNCTUATION:
            break
        out.append(_norm(tok))
    return out


def _clause_after(tokens: Sequence[str], index: int, reach: int) -> list[str]:
    """The lowercase tokens after ``index``, up to the clause mark (at most ``reach``)."""
    out: list[str] = []
    for tok in tokens[index + 1 : index + 1 + reach]:
        if tok in CLAUSE_PUNCTUATION:
            break
        out.append(_norm(tok))
    return out


def _takes_than(word: str, model: NgramModel) -> bool:
    return word in COMPARATIVES or model.logprob(None, word, "than") >= THAN_AFTER


def fits_as_written(
    tokens: Sequence[str], index: int, word: str, alternative: str, model: NgramModel
) -> bool:
    """True when the sentence shows ``word`` (lowercase, at ``tokens[index]``) is right as
    written, so a GR101 finding proposing ``alternative`` would be a false alarm."""
    after = tokens[index + 1] if index + 1 < len(tokens) else ""
    if after in CLAUSE_PUNCTUATION and alternative in NEVER_BEFORE_PUNCTUATION:
        return True
    if word == "too" and after in CLAUSE_PUNCTUATION:
        return True  # "Here, too, say farmers": "to" does not end a clause
    if word == "or" and alternative == "of":
        # a list: "review, revision, or negation"; a pair of like nouns: "integration or
        # inclusion" (not a plural pair: "millions or pounds" is a slip for "of")
        if index > 0 and tokens[index - 1] == ",":
            return _norm(after) not in _OF_AFTER_COMMA
        before = _norm(tokens[index - 1]) if index else ""
        nxt = _norm(after)
        return any(before.endswith(e) and nxt.endswith(e) for e in _NOUN_ENDINGS)
    if (
        word == "an"
        and alternative == "and"
        and _vowel_initialism(after)
        and (index == 0 or tokens[index - 1].islower())
    ):
        # "An IAEA spokesman": the article, before an initialism read letter by letter (not
        # "Sony an IBM", a slip for "and" between two names)
        return True
    if word == "an" and alternative == "and":
        # an apposition: "diabetes, an obesity-linked illness" (the model, blind to the comma,
        # reads "diabetes and obesity"); not ", an is", where "an" cannot stand
        nxt = _norm(after)
        return (
            index > 0
            and tokens[index - 1] == ","
            and nxt[:1] in ("a", "e", "i", "o", "u")
            and model.logprob(None, "an", nxt) >= model.logprob(None, "and", nxt)
        )
    if word == "now" and alternative == "not":
        # "had now closed", "could now afford": after a modal, "have" or "be" both read well, and
        # the model's preference for "not" there is frequency, not evidence. Not after "do":
        # "did now go" is a slip.
        prev = _norm(tokens[index - 1]) if index else ""
        if prev in ("do", "does", "did") or prev.endswith("n't"):
            return False
        return prev in FINITE_MARKERS or prev.endswith(_AUXILIARY_ENDS)
    if word == "then" and index > 0 and tokens[index - 1] == ",":
        # "If the figures are right, then the budget is short"
        return any(_norm(t) in ("if", "when", "once") for t in tokens[:index])
    if word == "if":
        # a subject, then a finite verb: "if a buyer were"; not "if had agreed" (a slip for
        # "it"), nor "This if the plan the board will adopt" (a subject before: a slip for "is")
        clause = _clause_after(tokens, index, CLAUSE_REACH)
        prev = _norm(tokens[index - 1]) if index else ""
        if not clause or prev in _SUBJECT_PRONOUNS or not tokens[index + 1].islower():
            return False
        if clause[0] in SUBJECT_OPENERS:
            return any(t in FINITE_MARKERS for t in clause[1:])
        # a bare noun as the subject: "if business had been hit", "if demand is weak" (not "if
        # will have", nor "if proposing is", slips for "it will" and "is proposing")
        return (
            len(clause) > 1
            and clause[0].isalpha()
            and clause[0] not in _FUNCTION_WORDS
            and clause[0] not in FINITE_MARKERS
            and not clause[0].endswith("ing")
            and clause[1] in FINITE_MARKERS
        )
    if word == "nor":
        before = [_norm(t) for t in tokens[:index]]
        if "neither" in before:
            return True
        return (
            bool(before)
            and before[-1] not in NEGATIVES
            and before[-1] != "or"  # "whether or nor": "or not"
            and any(t in NEGATIVES for t in before)
            and not before[-1].endswith(_AUXILIARY_ENDS)
            and before[-1] not in FINITE_MARKERS
        )
    if word == "than":
        if after in CLAUSE_PUNCTUATION:
            return False  # "than" cannot end a clause: "more of than." is a slip
        return any(_takes_than(t, model) for t in _clause_before(tokens, index, COMPARATIVE_REACH))
    return False
