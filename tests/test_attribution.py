"""QT103, QT2xx (attribution) and CN2xx (names): the seed, the speech analysis, the lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftlint.checks.consistency import names
from draftlint.config.settings import Config
from draftlint.data_files import read_list, rules_path
from draftlint.drafts.formats import parse
from draftlint.drafts.speech import speech, speech_cues
from draftlint.run.lint import lint_text
from draftlint.violation import Severity

SEED = Path(__file__).resolve().parent.parent / "seeds" / "trump-putin-hamburg-commentary.txt"
EDITORIAL = (
    "QT103",
    "QT201",
    "QT202",
    "QT203",
    "QT204",
    "CN101",
    "CN102",
    "CN201",
    "CN202",
    "CN301",
    "CN302",
    "CN303",
    "CN304",
    "CN305",
)


def lint(text: str, *codes: str, **config: object):
    return lint_text(text, "t.txt", "text", Config(select=codes or EDITORIAL, **config)).violations


def found(text: str, *codes: str, **config: object) -> list[tuple[str, str]]:
    return [(v.code, text[v.span.start : v.span.end]) for v in lint(text, *codes, **config)]


# ------------------------------------------------------------------------------ seed
def test_seed_acceptance() -> None:
    text = SEED.read_text("utf-8")
    violations = lint(text)
    got = [(v.code, text[v.span.start : v.span.end]) for v in violations]
    assert not [g for g in got if g[0] == "QT201"], (
        "an attributed quotation of the seed was flagged"
    )
    assert ("QT202", "claimed") in got
    assert [g for g in got if g[0] == "CN101"] == [("CN101", "US"), ("CN101", "US")]
    assert [g for g in got if g[0] == "CN102"] == [("CN102", "cancelling")]
    cancelling = next(v for v in violations if v.code == "CN102")
    assert cancelling.suggestions == ("canceling",)
    assert cancelling.severity is Severity.WARNING


def test_seed_quotations_are_all_attributed() -> None:
    document = parse(str(SEED), SEED.read_text("utf-8"), "text")
    analysis = speech(document)
    long_quotes = [i for i, q in enumerate(analysis.quotes) if q.words >= 5]
    assert len(long_quotes) >= 4
    assert all(analysis.attributed[i] or analysis.continued[i] for i in long_quotes)


# -------------------------------------------------------------------- speech analysis
def test_reopened_quotation_is_one_speakers() -> None:
    text = 'Then he left. "We tried everything we could. "Nothing worked in the end," he said.\n'
    document = parse("t.txt", text, "text")
    analysis = speech(document)
    assert [(q.closed, text[q.start : q.start + 6]) for q in analysis.quotes] == [
        (False, '"We tr'),
        (True, '"Nothi'),
    ]
    assert analysis.attributed == [True, True]


def test_straight_marks_are_paired_by_their_neighbours() -> None:
    text = 'He said "no" and "yes" to the "deal".\n'
    quotes = speech(parse("t.txt", text, "text")).quotes
    assert [text[q.start : q.end] for q in quotes] == ['"no"', '"yes"', '"deal"']


def test_cues_inside_quotations_do_not_attribute() -> None:
    text = 'The talks ended. "Jeremy said he faced an embarrassing problem." They left.\n'
    assert found(text, "QT201") == [("QT201", '"')]


def test_min_words_option() -> None:
    text = 'The talks ended. "We are not happy." They left.\n'
    assert found(text, "QT201") == []
    config = Config(select=("QT201",), rules={"QT201": {"min-words": 3}})
    assert [v.code for v in lint_text(text, "t.txt", "text", config).violations] == ["QT201"]


def test_one_finding_per_paragraph() -> None:
    text = 'It ended. "We are not happy with it at all." Then more. "We will be back here soon."\n'
    assert len(found(text, "QT201")) == 1


def test_quotation_inside_the_writers_sentence_is_a_citation() -> None:
    text = 'He was hailed for his "remarkable visual beauty and technical innovation in film".\n'
    assert found(text, "QT201") == []


# ---------------------------------------------------------------------------- QT202
@pytest.mark.parametrize(
    "text",
    [
        "The claims that he lied were false.",
        "Obama's claims that the video caused it were wrong.",
        "He was admitted to hospital.",
        "The team claimed the title.",
    ],
)
def test_loaded_verb_not_used_for_speech(text: str) -> None:
    assert found(text + "\n", "QT202") == []


def test_loaded_verb_suggestion_keeps_tense_and_case() -> None:
    violations = lint('"We never did," Lavrov insisted. Claiming that, he left.\n', "QT202")
    assert [v.suggestions for v in violations] == [("said",), ("Saying",)]


# ---------------------------------------------------------------------------- QT203
def test_said_says_tie_keeps_the_opening_tense() -> None:
    text = '"We will win," Smith said. "It is close," Jones says.\n'
    assert found(text, "QT203") == [("QT203", "says")]


# ---------------------------------------------------------------------------- QT204
def test_speaker_never_introduced_is_info_before_introduced_is_warning() -> None:
    never = lint('"We will fight on," Mr Beith said.\n', "QT204")
    before = lint('"We will fight on," Mr Beith said. Alan Beith left.\n', "QT204")
    assert [v.severity for v in never] == [Severity.INFO]
    assert [v.severity for v in before] == [Severity.WARNING]


def test_organisation_as_speaker_is_left_alone() -> None:
    assert lint('"We will fight on," Microsoft said. "And win," Reuters said.\n', "QT204") == []


# ---------------------------------------------------------------------------- QT103
def test_split_quotation_is_no_evidence_for_the_inside_style() -> None:
    text = (
        '"We will," he said, "go on fighting." It was a "working dialogue", he added, '
        'a "first acquaintance".\n'
    )
    assert found(text, "QT103") == []


# -------------------------------------------------------------------------- names
@pytest.mark.parametrize(
    ("a", "b", "one"),
    [
        ("Lavrov", "Lavorv", True),
        ("Tillerson", "Tilerson", True),
        ("Dmitry", "Dmitri", True),
        ("Bush", "Busch", True),
        ("Ryan", "Bryan", False),  # an added letter and a changed capital
        ("Lavrov", "Lavrova", True),
        ("Lavrov", "Lavrov", False),
        ("Peskov", "Pesokva", False),
    ],
)
def test_osa_distance(a: str, b: str, one: bool) -> None:
    assert names._osa_distance_is_one(a, b) is one


def test_names_without_word_frequencies_need_shared_context(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Rex Tillerson spoke. Later Tilerson left. Dmitry Peskov and Dmitri Peskov met.\n"
    assert {g[1] for g in found(text, "CN201")} == {"Tilerson", "Dmitri"}
    monkeypatch.setattr(names, "_zipf", lambda: None)
    # Without frequencies an unknown spelling proves nothing; a shared surname still does.
    assert found(text, "CN201") == [("CN201", "Dmitri")]


def test_full_name_repeat_is_skipped_for_two_people_with_one_surname() -> None:
    text = "George Bush met Jeb Bush. Bush left. Later that year George Bush spoke again.\n"
    assert found(text, "CN202") == []


# ------------------------------------------------------------------------- data lists
def _entries(name: str) -> list[str]:
    return read_list(f"lists/{name}")


@pytest.mark.parametrize(
    "name",
    [
        "speech-verbs.txt",
        "loaded-attribution-verbs.txt",
        "well-known-abbreviations.txt",
        "hyphenation-exceptions.txt",
        "hyphenation-spaced.txt",
        "dialect-exceptions.txt",
        "given-names.txt",
        "two-object-verbs.txt",
        "unchanged-past-verbs.txt",
    ],
)
def test_lists_have_source_header_and_no_duplicates(name: str) -> None:
    header = rules_path(f"lists/{name}").read_text("utf-8").split("\n", 12)
    assert any("Source" in line for line in header if line.startswith("#")), (
        f"{name} names no source"
    )
    entries = _entries(name)
    assert entries and len(entries) == len(set(entries)), f"{name} has duplicates"


def test_speech_verb_list_is_sorted_lowercase() -> None:
    entries = _entries("speech-verbs.txt")
    assert entries == sorted(entries)
    assert all(e == e.lower() for e in entries)


def test_every_loaded_verb_is_a_speech_cue() -> None:
    words, _phrases = speech_cues()
    loaded = [entry.split("\t")[0] for entry in _entries("loaded-attribution-verbs.txt")]
    assert set(loaded) <= words, "QT202 reads the loaded verbs among the speech cues"
