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

from collections.abc import Callable, Sequence
from typing import NamedTuple

from draftlint.context.model import NgramModel

#: words that never stand right before a comma, full stop, colon or semicolon ("the ," "than ."):
#: a written word followed by such a mark cannot be a slip for one of them ("Here, too, say").
#: Not "and", "or" ("and, in particular,") nor the prepositions a clause may end on ("come
#: from.", "used to.", "not that I am aware of,").
NEVER_BEFORE_PUNCTUATION = frozenset("a an the nor than their your its my our if".split())
CLAUSE_PUNCTUATION = frozenset(",.;:!?")
#: words never written twice in a row: a correction to one of them beside itself would make a
#: doubled word (GR201's kind of error), so it is not a slip for it ("the then Lord
#: Chancellor" is right; "the the" is not). Not "that" nor "had", which may double.
NEVER_DOUBLED = frozenset(
    "a an the of to in on at for from with by into and or nor but than their its your my our "
    "his".split()
)

#: finite verbs and auxiliaries: one of these after "if" and its subject, before the clause
#: ends, shows that "if" opens a clause ("if a buyer were found", "if a hall can be booked")
FINITE_MARKERS = frozenset(
    "is are was were am has have had do does did can could will would shall should may might "
    "must 's 're 've 'd 'll n't".split()
)
#: a token ending so is a contracted auxiliary ("it's", "don't")
AUXILIARY_ENDS = ("'s", "'re", "'ve", "'d", "'ll", "n't")
#: how far after "if" the clause's verb may come
CLAUSE_REACH = 8
#: words that open a subject: the guard trusts "if" before one of these ("if a buyer were"; not
#: "if Leeds will host", a slip for "in" before a name)
SUBJECT_OPENERS = frozenset(
    "a an the this these those his her its their our my your some any no every each all "
    "both such many most i you he she it we they there one".split()
)
#: a pronoun right before "if" is the subject of a slip for "is" ("It if a good plan")
SUBJECT_PRONOUNS = frozenset("it this that he she there which who what".split())
#: words that cannot be a bare subject after "if" (prepositions, conjunctions, adverbs ...)
NOT_SUBJECTS = frozenset(
    "a an the of to in on at by for with from into onto about as than then that there so not "
    "and or but nor also only even still just now yet very more most less".split()
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

#: endings two coordinated nouns share ("integration or inclusion", "training or coaching")
NOUN_ENDINGS = ("ion", "ment", "ness", "ity", "ance", "ence", "ing")
#: ", of course", ", of which": "of" after a comma
OF_AFTER_COMMA = frozenset("course which whom whose".split())

#: letters whose names begin with a vowel sound ("an FBI agent", "an MP")
VOWEL_SOUND_LETTERS = frozenset("AEFHILMNORSX")


class _Context(NamedTuple):
    """The written word's neighbourhood, as each guard reads it."""

    tokens: Sequence[str]
    index: int
    alternative: str
    model: NgramModel

    @property
    def before(self) -> str:
        return _norm(self.tokens[self.index - 1]) if self.index else ""

    @property
    def after(self) -> str:
        return self.tokens[self.index + 1] if self.index + 1 < len(self.tokens) else ""


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


# -- one guard per written word ------------------------------------------------------------------


def _too(c: _Context) -> bool:
    return c.after in CLAUSE_PUNCTUATION  # "Here, too, say farmers": "to" does not end a clause


def _or(c: _Context) -> bool:
    if c.alternative != "of":
        return False
    # a list: "review, revision, or negation"
    if c.before == ",":
        return _norm(c.after) not in OF_AFTER_COMMA
    # a pair of like nouns: "integration or inclusion" (not a plural pair: "millions or pounds"
    # is a slip for "of")
    after = _norm(c.after)
    return any(c.before.endswith(e) and after.endswith(e) for e in NOUN_ENDINGS)


def _an(c: _Context) -> bool:
    if c.alternative != "and":
        return False
    after = c.after
    if (
        len(after) >= 2
        and after.isupper()
        and after.isalpha()
        and after[0] in VOWEL_SOUND_LETTERS
        and (c.index == 0 or c.tokens[c.index - 1].islower())
    ):
        # "An IAEA spokesman": the article, before an initialism read letter by letter (not
        # "Sony an IBM", a slip for "and" between two names)
        return True
    # an apposition: "diabetes, an obesity-linked illness" (the model, blind to the comma,
    # reads "diabetes and obesity"); not ", an is", where "an" cannot stand
    nxt = _norm(after)
    return (
        c.before == ","
        and nxt[:1] in ("a", "e", "i", "o", "u")
        and c.model.logprob(None, "an", nxt) >= c.model.logprob(None, "and", nxt)
    )


def _now(c: _Context) -> bool:
    if c.alternative != "not":
        return False
    # "had now closed", "could now afford": after a modal, "have" or "be" both read well, and
    # the model's preference for "not" there is frequency, not evidence. Not after "do": "did
    # now go" is a slip.
    prev = c.before
    if prev in ("do", "does", "did") or prev.endswith("n't"):
        return False
    return prev in FINITE_MARKERS or prev.endswith(AUXILIARY_ENDS)


def _then(c: _Context) -> bool:
    # "If the figures are right, then the budget is short"
    return c.before == "," and any(_norm(t) in ("if", "when", "once") for t in c.tokens[: c.index])


def _if(c: _Context) -> bool:
    # a subject, then a finite verb: "if a buyer were"; not "if had agreed" (a slip for "it"),
    # nor "This if the plan the board will adopt" (a subject before: a slip for "is")
    clause = _clause_after(c.tokens, c.index, CLAUSE_REACH)
    if not clause or c.before in SUBJECT_PRONOUNS or not c.after.islower():
        return False
    if clause[0] in SUBJECT_OPENERS:
        return any(t in FINITE_MARKERS for t in clause[1:])
    # a bare noun as the subject: "if business had been hit", "if demand is weak" (not "if will
    # have", nor "if proposing is", slips for "it will" and "is proposing")
    return (
        len(clause) > 1
        and clause[0].isalpha()
        and clause[0] not in NOT_SUBJECTS
        and clause[0] not in FINITE_MARKERS
        and not clause[0].endswith("ing")
        and clause[1] in FINITE_MARKERS
    )


def _nor(c: _Context) -> bool:
    before = [_norm(t) for t in c.tokens[: c.index]]
    if "neither" in before:
        return True
    prev = c.before
    return (
        any(t in NEGATIVES for t in before)
        and prev not in NEGATIVES
        and prev != "or"  # "whether or nor": "or not"
        and prev not in FINITE_MARKERS
        and not prev.endswith(AUXILIARY_ENDS)
    )


def _than(c: _Context) -> bool:
    if c.after in CLAUSE_PUNCTUATION:
        return False  # "than" cannot end a clause: "more of than." is a slip
    return any(
        w in COMPARATIVES or c.model.logprob(None, w, "than") >= THAN_AFTER
        for w in _clause_before(c.tokens, c.index, COMPARATIVE_REACH)
    )


GUARDS: dict[str, Callable[[_Context], bool]] = {
    "too": _too,
    "or": _or,
    "an": _an,
    "now": _now,
    "then": _then,
    "if": _if,
    "nor": _nor,
    "than": _than,
}


def fits_as_written(
    tokens: Sequence[str], index: int, word: str, alternative: str, model: NgramModel
) -> bool:
    """True when the sentence shows ``word`` (lowercase, at ``tokens[index]``) is right as
    written, so a GR101 finding proposing ``alternative`` would be a false alarm."""
    c = _Context(tokens, index, alternative, model)
    if c.after in CLAUSE_PUNCTUATION and alternative in NEVER_BEFORE_PUNCTUATION:
        return True
    if alternative in NEVER_DOUBLED and alternative in (c.before, _norm(c.after)):
        return True  # "the then Lord Chancellor" is no slip for "the the"
    guard = GUARDS.get(word)
    return guard is not None and guard(c)
