"""The bundled n-gram model and the context checks on it (GR101 slips, GR102 dropped words)."""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pytest

from draftlint.context import slips as cs
from draftlint.context.model import DATA_DIR, OOV, get_model, logprob
from draftlint.context.words import lm_words

ROOT = Path(__file__).resolve().parent.parent
CONFUSION_FILE = ROOT / "rules" / "lists" / "confusion-sets.txt"


def tokens(sentence: str) -> list[str]:
    return re.findall(r"\w+(?:['’.-]\w+)*|[^\w\s]", sentence)


# -- the model ---------------------------------------------------------------------------------


def test_model_files_are_small_and_licensed() -> None:
    size = sum(p.stat().st_size for p in DATA_DIR.iterdir() if p.is_file())
    assert size < 50_000_000
    assert "Carnegie Mellon University" in (DATA_DIR / "LICENSE-CMU.txt").read_text()
    assert "build_ngram_model.py" in (DATA_DIR / "SOURCE.md").read_text()


def test_model_loads_once_with_its_vocabulary() -> None:
    model = get_model()
    assert model is get_model()
    assert len(model.words) == 72_547
    assert {"<s>", "</s>", "the", "don't", "u."} <= set(model.ids)
    assert model.word_id("Putin") == OOV  # vocabulary is lowercase


@pytest.mark.parametrize(
    ("w1", "w2", "w3", "arpa"),
    [
        (None, "political", "and", -1.4540),  # explicit bigram
        ("more", "than", "in", -2.5413),  # explicit trigram
        ("rather", "than", "in", -2.1103),
    ],
)
def test_logprob_matches_the_arpa_values(w1: str | None, w2: str, w3: str, arpa: float) -> None:
    assert logprob(w1, w2, w3) == pytest.approx(arpa, abs=0.02)  # 8-bit quantisation


def test_katz_backoff() -> None:
    model = get_model()
    zebra, purple, the = (np.array([model.word_id(w)]) for w in ("zebra", "purple", "the"))
    # no bigram "zebra purple": P(purple | zebra) = bow(zebra) + P(purple)
    assert model.find_bigrams(zebra, purple).tolist() == [-1]
    assert logprob(None, "zebra", "purple") == pytest.approx(
        float(model._uni_bow[zebra[0]] + model._uni_logp[purple[0]]), abs=1e-6
    )
    # no context "purple zebra" (no backoff weight): P(the | purple zebra) = P(the | zebra)
    assert model.find_bigrams(purple, zebra).tolist() == [-1]
    assert logprob("purple", "zebra", "the") == pytest.approx(logprob(None, "zebra", "the"))
    # context "the zebra" exists but not the trigram: its backoff weight is added
    assert model.find_trigrams(the, zebra, purple).tolist() == [-1]
    assert logprob("the", "zebra", "purple") <= logprob(None, "zebra", "purple") + 0.02


def test_lookups_find_every_stored_key_and_nothing_else() -> None:
    model = get_model()
    for table in ("bi", "ctx", "tri"):
        low = np.load(model._directory / f"{table}_key.npy", mmap_mode="r")
        starts = model._starts[table]
        stored = (
            np.repeat(np.arange(len(starts) - 1, dtype=np.uint64), np.diff(starts)) << np.uint64(32)
        ) | low
        sample = np.r_[0, 1, 15, 16, 17, len(stored) // 3, len(stored) - 17, len(stored) - 1]
        assert model._find(table, stored[sample]).tolist() == sample.tolist()
        # between two stored keys, below the first and above the last: absent
        gaps = stored[sample[sample > 0]] - np.uint64(1)
        absent = gaps[~np.isin(gaps, stored)]
        beyond = np.array([stored[-1] + np.uint64(1), np.uint64(2**40)], np.uint64)
        assert (model._find(table, np.r_[absent, beyond]) == -1).all()
        assert model._find(table, np.zeros(0, np.uint64)).shape == (0,)


def test_context_rows_come_free_with_bigram_rows() -> None:
    model = get_model()
    rng = np.random.default_rng(7)
    w1, w2 = rng.integers(0, 2000, 20_000), rng.integers(0, 2000, 20_000)
    via_bigram = model.ctx_of_bigrams(model.find_bigrams(w1, w2))
    assert (via_bigram == model.find_contexts(w1, w2)).all()
    assert (via_bigram >= 0).sum() > 100


def test_pair_tables_agree_with_the_model() -> None:
    model = get_model()
    left, right = model.pair_rows(("the", "to"))
    words = np.arange(0, len(model.words), 97)
    for k, x in enumerate(("the", "to")):
        xs = np.full(len(words), model.word_id(x))
        lp, order = model.logprob_ids(np.full(len(words), OOV), words, xs, orders=True)
        explicit = order >= 2
        assert np.allclose(left[k, words][explicit], lp[explicit], atol=5e-3)  # float16
        assert np.isneginf(left[k, words][~explicit]).all()
        lp, order = model.logprob_ids(np.full(len(words), OOV), xs, words, orders=True)
        explicit = order >= 2
        assert np.allclose(right[k, words][explicit], lp[explicit], atol=5e-3)
    with pytest.raises(KeyError):
        model.pair_rows(("zebra",))


def test_probabilities_are_sane() -> None:
    assert logprob(None, "of", "the") > logprob(None, "of", "of")
    assert logprob("one", "of", "the") > -1.5
    assert logprob(None, "political", "and") > logprob(None, "political", "ad") + 2
    assert -10 < logprob(None, None, "zebra") < -4
    model = get_model()
    whole = model.sentence_logprob(["it", "is", "raining"])
    assert whole < 0 and math.isfinite(whole)
    assert whole > model.sentence_logprob(["raining", "it", "is"])


def test_lm_words_maps_tokens_to_the_model_vocabulary() -> None:
    assert lm_words("Political") == ("political",)
    assert lm_words("don’t") == ("don't",)
    assert lm_words("US") == ("u.", "s.")
    assert lm_words("U.S.") == ("u.", "s.")
    assert lm_words("£600m") == ("six", "hundred", "million", "pounds")
    assert lm_words("1990s") == ("nineteen", "nineties")
    assert lm_words("3.5%") == ("three", "point", "five", "percent")
    assert lm_words("well-worn") == ("well", "worn")
    assert lm_words(",") == ()


# -- confusion sets (data) ---------------------------------------------------------------------


def test_confusion_sets_file_is_well_formed() -> None:
    lines = [ln for ln in CONFUSION_FILE.read_text().splitlines() if ln and not ln.startswith("#")]
    assert lines == sorted(lines), "keep the sets sorted"
    assert len(set(lines)) == len(lines)
    model = get_model()
    for line in lines:
        words = line.split()
        assert len(words) >= 2 and line == " ".join(words) and line == line.lower()
        assert all(w in model for w in words), line
    assert {"and", "an"} <= set(cs.confusion_sets()["ad"])


def test_confusion_sets_reject_bad_lines() -> None:
    with pytest.raises(ValueError, match="2"):
        cs.parse_confusion_sets("ok fine\nlonely\n")
    assert cs.parse_confusion_sets("a b\nb c # note\n")["b"] == ("a", "c")


# -- real-word slips ---------------------------------------------------------------------------

SEED_SENTENCE = (
    "Putin faces much less political ad institutional, but the economy remains in bad shape and "
    "beyond his personal popularity is experiencing lower approval ratings than in the recent past "
    "on several issues."
)


def test_seed_slip_ad_for_and() -> None:
    toks = tokens(SEED_SENTENCE)
    slips = cs.find_real_word_slips(toks)
    assert [(toks[s.index], s.alternative) for s in slips] == [("ad", "and")]
    assert slips[0].score > 2


def test_political_ad_institutional() -> None:
    toks = tokens("Putin faces much less political ad institutional pressure.")
    slips = cs.find_real_word_slips(toks)
    assert [(toks[s.index], s.alternative) for s in slips] == [("ad", "and")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The party launched an ad campaign in the spring.",
        "The aid will take the form of loans and grants.",
        "The project cost more than ten million pounds.",
        "The two countries pursue their own interests.",
        "It is clear that the talks will continue.",
        "It is one of the largest economies in the world.",
        "Their car was parked over there by the station.",
    ],
)
def test_legitimate_uses_are_not_flagged(sentence: str) -> None:
    assert cs.find_real_word_slips(tokens(sentence), "high") == []


@pytest.mark.parametrize(
    ("sentence", "wrong", "right"),
    [
        ("The results were better then expected this year.", "then", "than"),
        ("He said the money came form the government.", "form", "from"),
        ("The company said it's profits would rise.", "it's", "its"),
        ("She wants to go two the meeting tomorrow.", "two", "to"),
    ],
)
def test_slips_are_found(sentence: str, wrong: str, right: str) -> None:
    toks = tokens(sentence)
    slips = cs.find_real_word_slips(toks, "high")
    assert (wrong, right) in [(toks[s.index], s.alternative) for s in slips]


def test_capitalised_slip_keeps_its_case() -> None:
    toks = tokens("Form the start, the plan was doomed.")
    slips = cs.find_real_word_slips(toks, "high")
    assert slips and slips[0].index == 0 and slips[0].alternative == "From"


# -- dropped words -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "before", "word"),
    [
        ("Russia will continue offer assistance to its neighbours.", "offer", "to"),
        ("The economy is now expected grow by 2% this year.", "grow", "to"),
        ("They borrowed large amounts money to finance the deal.", "money", "of"),
    ],
)
def test_dropped_words_are_found(sentence: str, before: str, word: str) -> None:
    toks = tokens(sentence)
    found = cs.find_dropped_words(toks, "high")
    assert (before, word) in [(toks[d.index], d.word) for d in found]


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia will continue to offer assistance to its neighbours.",
        "The meeting overshadowed the rest of the summit.",
        "He said he would resign, and she agreed.",
    ],
)
def test_complete_sentences_have_no_dropped_word(sentence: str) -> None:
    assert cs.find_dropped_words(tokens(sentence)) == []


def test_punctuation_is_no_gap() -> None:
    # "institutional, but" may miss a noun, but a comma is no place for a function word
    toks = tokens("The pressure is political and institutional, but the economy is weak.")
    assert all(toks[d.index - 1] != "," for d in cs.find_dropped_words(toks, 1.0))


@pytest.mark.parametrize(
    ("compound", "split", "gap_word"),
    [
        ("do not have buy-in from your team", "do not have buy in from your team", "buy"),
        ("offers a one-of-a-kind atmosphere", "offers a one of a kind atmosphere", "atmosphere"),
    ],
)
def test_no_gap_beside_a_hyphenated_compound(compound: str, split: str, gap_word: str) -> None:
    # the model reads a compound as its parts ("buy-in" as the verb "buy"); written as separate
    # words the same text is flagged, written as a compound it is not
    toks = tokens(f"But the plan {split}.")
    assert gap_word in [toks[d.index] for d in cs.find_dropped_words(toks)]
    assert cs.find_dropped_words(tokens(f"But the plan {compound}.")) == []


# -- sensitivity and the batch path ------------------------------------------------------------


def test_sensitivity_levels() -> None:
    with pytest.raises(ValueError):
        cs.find_real_word_slips(["a"], "extreme")
    with pytest.raises(ValueError):
        cs.find_dropped_words(["a"], 1.5)
    toks = tokens("The results were better then expected, and the rest of summit was quiet.")
    low = len(cs.find_real_word_slips(toks, "low")) + len(cs.find_dropped_words(toks, "low"))
    high = len(cs.find_real_word_slips(toks, 1.0)) + len(cs.find_dropped_words(toks, 1.0))
    assert low <= high


def test_scan_agrees_with_the_one_sentence_functions() -> None:
    sentences = [tokens(SEED_SENTENCE), tokens("Russia will continue offer help."), [], ["."]]
    batch = cs.scan(sentences, "high")
    for toks, (slips, drops) in zip(sentences, batch, strict=True):
        assert slips == cs.find_real_word_slips(toks, "high")
        assert drops == cs.find_dropped_words(toks, "high")


def test_clitic_tokens_are_joined() -> None:
    # spaCy-style tokens ("it" "'s") score like "it's"
    a = cs.find_real_word_slips(["The", "firm", "said", "it", "'s", "profits", "rose", "."], "high")
    assert [s.alternative for s in a] == []  # "it" is no slip; "'s" is not a word of its own
    assert cs.find_real_word_slips(["Two", "many", "people", "came", "."], "high")


def test_generated_alternatives_are_frequent_words_one_edit_away() -> None:
    from draftlint.context.slip_scores import edit_candidates, slip_candidates

    candidates = slip_candidates()
    assert "for" in candidates["fir"] and "from" in candidates["form"]
    assert {"the", "she"} <= set(candidates["he"])
    assert "and" in candidates["ad"]  # listed, and kept first
    assert "years" not in candidates  # "year"/"years": an inflection, not a slip
    assert "colour" not in candidates  # colour/color: a dialect pair
    assert "a" not in candidates.get("an", ())  # a/an: grammar, not a slip
    # the generated-only view leaves the listed pairs to the listed weights
    assert "and" not in edit_candidates().get("ad", ())
    assert "zzzq" not in candidates
