"""GR101's guards: sentence-level evidence, out of the trigram model's sight, that a word fits as
written (``draftlint.context.guards``).

Each Okay sentence is one the model alone flags, shown by running the check with the guards
switched off; the guard must be what clears it. Each slip sentence has the same word in a
context where it is wrong, and must still be flagged with the guards on.
"""

from __future__ import annotations

import re

import pytest

from draftlint.context import guards as context_guards
from draftlint.context import slips as cs
from draftlint.context.model import get_model


def tokens(sentence: str) -> list[str]:
    return re.findall(r"\w+(?:['’.-]\w+)*|[^\w\s]", sentence)


def flagged(sentence: str) -> list[tuple[str, str]]:
    toks = tokens(sentence)
    return [(toks[s.index], s.alternative) for s in cs.find_real_word_slips(toks)]


@pytest.mark.parametrize(
    ("sentence", "word", "alternative"),
    [
        # "too" before a comma: "to" does not end a clause
        ("In the north, too, say farmers, the harvest has improved this year.", "too", "to"),
        # "if", a subject and a finite verb: a condition, not "in"
        ("The choir may also sing if a church can be found close to the square.", "if", "in"),
        # "nor" after "neither", or after another negative
        ("The bill was neither read by the committee nor listed for debate.", "nor", "not"),
        (
            "It is not known who the buyers are, nor exactly why they paid so much.",
            "nor",
            "not",
        ),
        # "than" after a comparative the model sees followed by "than"
        ("The rebels have a stronger claim than the army to the valley.", "than", "that"),
        # "or" in a list, after a comma
        ("Prices are open to review, revision, or negation by the regulator.", "or", "of"),
        # "or" between two nouns of one kind
        ("The integration or inclusion of such tools does not imply an endorsement.", "or", "of"),
        # "an" opening an apposition
        (
            "The costs of diabetes, an obesity-linked illness, keep rising.",
            "an",
            "and",
        ),
        # "now" after a modal or "have": both readings are English
        ("Economists think the firm could now survive a fall in sales.", "now", "not"),
        ("The bakery had handed out its coupons but had now stopped.", "now", "not"),
        # "an" before an initialism that takes it
        ("An IAEA spokesman said the plant was safe.", "An", "And"),
        # "if" before a bare noun and a finite verb
        ("Prices will fall if demand is weak this winter.", "if", "in"),
        # "then" after an "if" clause
        (
            "If the mayor is giving the unions the deal he promised, then he is breaking his word.",
            "then",
            "that",
        ),
    ],
)
def test_guard_clears_what_the_model_alone_flags(
    sentence: str, word: str, alternative: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert flagged(sentence) == []
    monkeypatch.setattr(cs, "fits_as_written", lambda *args: False)
    assert (word, alternative) in flagged(sentence)


@pytest.mark.parametrize(
    ("sentence", "word", "alternative"),
    [
        ("They went too the market on Sunday.", "too", "to"),
        ("This if the record Mr Blair will have to defend.", "if", "is"),
        ("I do nor agree with the sanction.", "nor", "not"),
        ("He said than the bill would pass.", "than", "that"),
        ("He is one or the best players in the world.", "or", "of"),
        ("He made millions or pounds from the sale of the firm.", "or", "of"),
        ("The firm did now give a figure for the extent of profits.", "now", "not"),
        ("The talks were political an economic.", "an", "and"),
        ("Sony an IBM want to make sure their chips win.", "an", "and"),
        ("But if will have to sustain interest beyond the launch.", "if", "it"),
    ],
)
def test_slips_in_the_same_words_are_still_found(
    sentence: str, word: str, alternative: str
) -> None:
    assert (word, alternative) in flagged(sentence)


def test_guards_read_only_what_they_say() -> None:
    model = get_model()
    fits = context_guards.fits_as_written
    # a comma after the word rules out only alternatives that never precede one
    assert fits(tokens("me too , said"), 1, "too", "to", model)
    assert not fits(tokens("one off , said"), 1, "off", "of", model)  # "of" may end a clause
    # "if" needs a subject opener after it and a finite verb before the clause ends
    assert fits(tokens("Leeds if a buyer were found"), 1, "if", "in", model)
    assert not fits(tokens("Leeds if a buyer , were found"), 1, "if", "in", model)
    assert not fits(tokens("farm if North Wales will grow"), 1, "if", "in", model)
    assert not fits(tokens("It if a plan that would last"), 1, "if", "is", model)
    # "nor": not straight after an auxiliary or "or" ("whether or nor")
    assert not fits(tokens("it is not so and it does nor help"), 7, "nor", "not", model)
    assert not fits(tokens("not sure whether or nor"), 4, "nor", "not", model)
    # "than" cannot end a clause, whatever comes before
    assert not fits(tokens("more of than ."), 2, "than", "that", model)
