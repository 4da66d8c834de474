"""draftlint.lexicon.lexicon: word knowledge, suggestions, names and run-together words."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftlint.data_files import data_dir
from draftlint.lexicon.lexicon import get_lexicon
from draftlint.lexicon.names import (
    classify_unknown,
    joined_split,
    learn_names,
    looks_like_name,
    split_joined,
)
from draftlint.lexicon.tokens import is_number, is_skippable

LEX = get_lexicon()
DATA = data_dir() / "lexicon"

SEED_NAMES = [
    "Peskov",
    "Ushakov",
    "McMaster",
    "H.R.",
    "Lavrov",
    "Tillerson",
    "Dmitry",
    "Stent",
    "Hamburg",
    "Georgetown",
]


# ------------------------------------------------------------------------- the seed
@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_names_are_never_typos(name: str) -> None:
    for initial in (False, True):
        verdict = classify_unknown(LEX, name, sentence_initial=initial)
        assert not verdict.is_typo, (name, verdict)
    assert split_joined(LEX, name) is None


def test_seed_typos() -> None:
    v = classify_unknown(LEX, "Whaterver", sentence_initial=True)
    assert v.is_typo and v.confidence >= 0.8 and v.suggestions[0] == "Whatever"
    assert LEX.suggest("Whaterver")[0] == "Whatever"
    assert split_joined(LEX, "RexTillerson") == ["Rex", "Tillerson"]
    assert split_joined(LEX, "altogethergrouping") == ["altogether", "grouping"]
    v = classify_unknown(LEX, "altogethergrouping")
    assert v.is_typo and v.kind == "joined" and v.suggestions == ("altogether grouping",)
    assert v.confidence >= 0.8


def test_seed_draft_has_no_other_flagged_word() -> None:
    seed = Path(__file__).resolve().parent.parent / "seeds" / "trump-putin-hamburg-commentary.txt"
    if not seed.exists():
        pytest.skip("seed draft not present")
    import re

    words = re.findall(r"[\w’'.\-]+", seed.read_text(encoding="utf-8"))
    flagged = set()
    for raw in words:
        tok = raw.rstrip(".") if not re.fullmatch(r"(?:[A-Za-z]\.)+", raw) else raw
        v = classify_unknown(LEX, tok, sentence_initial=True)
        if v.is_typo and v.confidence >= 0.5:
            flagged.add(tok)
    assert flagged == {"Whaterver", "RexTillerson", "altogethergrouping"}


# -------------------------------------------------------------------------- is_word
@pytest.mark.parametrize(
    "word",
    [
        "colour",
        "defence",
        "organise",
        "cancelling",
        "color",
        "defense",
        "organize",
        "canceling",
        "theorised",
        "travelled",
        "programme",
        "Colour",
        "COLOUR",
        "sometimes-partner",
        "post-Cold",
        "cease-fire",
        "non-existent",
        "U.S.-Russia",
        "Trump-Putin",
        "don't",
        "don’t",
        "Putin's",
        "Putin’s",
        "presidents'",
        "it's",
        "We've",
        "can’t",
        "U.S.",
        "H.R.",
        "e.g.",
        "i.e.",
        "a.m.",
        "G-20",
        "NATO",
        "BBC",
        "MPs",
        "G8",
        "Mr.",
        "21st",
        "2nd",
        "113th",
        "£600m",
        "3.5bn",
        "1990s",
        "'90s",
        "10km",
        "5%",
        "$1,000",
        "2004-05",
        "10:30",
        "McMaster",
        "MacArthur",
        "DeSantis",
        "YouTube",
        "iPhone",
        "iPhones",
        "JPMorgan",
        "PlayStation",
        "PowerPoint",
        "O'Neill",
    ],
)
def test_known(word: str) -> None:
    assert LEX.is_word(word), word


@pytest.mark.parametrize(
    "word",
    [
        "Whaterver",
        "whaterver",
        "recieve",
        "definately",
        "teh",
        "seperate",
        "21th",
        "3th",
        "altogethergrouping",
        "RexTillerson",
        "alot",
        "aswell",
        "Peskov",
        "colour-blnd",
    ],
)
def test_unknown(word: str) -> None:
    assert not LEX.is_word(word), word


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("capitalisations", "capitalisation"),  # plural of an abstract noun
        ("oppressions", "oppression"),
        ("sadnesses", "sadness"),
        ("parentally", "parental"),  # adverb of an adjective
        ("unworkably", "unworkable"),
        ("diallers", "dial"),  # British agent noun: the verb, "l" doubled
    ],
)
def test_regular_derivations_of_listed_words_are_words(word: str, base: str) -> None:
    # the word list lacks the derived form itself: the derivation is what accepts it
    lexicon = get_lexicon()
    assert not lexicon._simple(word) and lexicon._simple(base)
    assert LEX.is_word(word)


@pytest.mark.parametrize(
    "word",
    # look like derivations, are misspellings: a short prefix ("untill", "reknown", "prepair"),
    # "l" doubled after a vowel pair ("detailled"), -ly on -ic ("basicly"), a rare base
    # ("finially" from finial)
    # an agent noun needs a verb of four letters or more ("dollers" is no "dol"-er)
    ["untill", "reknown", "prepair", "detailled", "appealling", "basicly", "finially", "dollers"],
)
def test_misspellings_shaped_like_derivations_are_not_words(word: str) -> None:
    assert not LEX.is_word(word)


def test_case_rules() -> None:
    assert LEX.is_word("London") and not LEX.is_word("london")  # a name needs its capital
    assert LEX.is_word("Colour")  # a word may start a sentence
    assert LEX.is_word("NASA") and LEX.is_word("ABCDE")  # short all-capitals: acronyms


def test_numbers() -> None:
    for good in ("5", "5.5", "-3", "£5", "€3.2bn", "100m", "5pm", "1st", "11th", "22nd", "80s"):
        assert is_number(good), good
    for bad in ("11st", "2th", "5xyz", "abc"):
        assert not is_number(bad), bad


def test_skippable() -> None:
    for tok in (
        "https://example.com/a",
        "www.bbc.co.uk",
        "someone@example.org",
        "@handle",
        "#hashtag",
        "report.pdf",
        "snake_case_name",
        "os.path.join",
        "getElementById",
        "main()",
        "bbc.co.uk",
    ):
        assert is_skippable(tok), tok
    for tok in ("e.g.", "U.S.", "colour", "McMaster", "don't"):
        assert not is_skippable(tok), tok


# -------------------------------------------------------------------------- suggest
@pytest.mark.parametrize(
    ("typo", "first"),
    [
        ("Whaterver", "Whatever"),
        ("recieve", "receive"),
        ("definately", "definitely"),
        ("teh", "the"),
        ("seperate", "separate"),
        ("accomodate", "accommodate"),
        ("goverment", "government"),
        ("thier", "their"),
        ("untill", "until"),
        ("occured", "occurred"),
        ("RECIEVE", "RECEIVE"),
        ("Beleive", "Believe"),
    ],
)
def test_suggest_first(typo: str, first: str) -> None:
    assert LEX.suggest(typo)[0] == first


def test_suggest_limit_and_order() -> None:
    got = LEX.suggest("beleive", limit=3)
    assert len(got) <= 3 and got[0] == "believe"
    scored = LEX.candidates("beleive")
    assert [s.score for s in scored] == sorted((s.score for s in scored), reverse=True)


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("probly", "probably"),  # a syllable left out
        ("diffrent", "different"),
        ("intresting", "interesting"),
        ("libary", "library"),
        ("freternely", "fraternal"),  # spelt by ear: three edits, one sound skeleton
        ("govemont", "government"),  # skeletons two edits apart: gvmnt / gvrnmnt
        ("embassrest", "embarrassed"),  # mbsrst / mbrsd
        ("comsecption", "conception"),
    ],
)
def test_suggest_poor_spellers(typo: str, meant: str) -> None:
    assert meant in LEX.suggest(typo, limit=3)


def test_sound_keys_meet_skeletons_two_edits_apart() -> None:
    from draftlint.lexicon.edits import skeleton, sound_keys

    def meet(typo: str, word: str) -> bool:
        return bool(sound_keys(skeleton(typo), query=True) & sound_keys(skeleton(word)))

    assert meet("govemont", "government")  # the word's skeleton has two more letters
    assert meet("embassrest", "embarrassed")  # one more and one changed
    assert meet("freternely", "fraternally")
    assert not meet("govemont", "embarrassed")


def test_suggest_score_prefers_longer_sound_alike() -> None:
    from draftlint.lexicon.suggest import score

    # same cost and frequency: the word that sounds the same and is longer wins
    assert score("probly", "probably", 4.0, 1.0, False) > score("probly", "prob", 4.0, 1.0, False)
    assert score("teh", "the", 5.0, 0.5, False) > score("teh", "the", 5.0, 0.5, True)


# --------------------------------------------------------------------- split_joined
@pytest.mark.parametrize(
    ("joined", "parts"),
    [
        ("altogethergrouping", ["altogether", "grouping"]),
        ("RexTillerson", ["Rex", "Tillerson"]),
        ("TonyBlair", ["Tony", "Blair"]),
        ("theirfamilies", ["their", "families"]),
        ("ofthe", ["of", "the"]),
        ("alot", ["a", "lot"]),
        ("aswell", ["as", "well"]),
    ],
)
def test_split_joined(joined: str, parts: list[str]) -> None:
    assert split_joined(LEX, joined) == parts


@pytest.mark.parametrize(
    ("joined", "parts"),
    [
        ("fromsome", ["from", "some"]),  # a suffix makes no word of a function word
        ("othermagazines", ["other", "magazines"]),  # a determiner heads no compound
        ("movingcars", ["moving", "cars"]),  # an inflected form heads no compound
    ],
)
def test_a_head_that_starts_no_closed_compound_makes_a_sure_join(
    joined: str, parts: list[str]
) -> None:
    split = joined_split(LEX, joined)
    assert split is not None and split.parts == parts and split.confidence >= 0.8, split


def test_a_rare_plural_of_a_common_word_is_a_part_of_a_split() -> None:
    # "telecoms" is rare in the word lists, "telecom" is not: its plural may head a join
    assert split_joined(LEX, "telecomsindustry") == ["telecoms", "industry"]


def test_an_inflected_form_before_a_suffix_is_two_words() -> None:
    # "-some" makes words of stems ("troublesome"), never of an -ed form: "accused some"
    assert split_joined(LEX, "accusedsome") == ["accused", "some"]
    assert split_joined(LEX, "toysome") is None  # a stem before the suffix: a derivation
    # the suffixes that do follow an inflection keep the derivation reading
    assert split_joined(LEX, "steppedness") is None


def test_competing_splits_go_to_the_likelier_pair_of_words() -> None:
    # by the parts' frequencies alone "these a" and "games how" win; as words in a row,
    # "the sea" does, and "game show" is a closed compound the web writes: not flagged
    assert split_joined(LEX, "thesea") == ["the", "sea"]
    assert split_joined(LEX, "gameshow") is None


@pytest.mark.parametrize(
    "word",
    [
        "McMaster",
        "MacArthur",
        "DeSantis",
        "YouTube",
        "iPhone",
        "JPMorgan",
        "PlayStation",
        "PowerPoint",
        "EastEnders",
        "together",
        "nevertheless",
        "whatever",
        "Peskov",
        "recieve",
        "kickable",
        "tieless",
    ],
)
def test_no_false_split(word: str) -> None:
    assert split_joined(LEX, word) is None, word


# ---------------------------------------------------------------------------- names
def test_learn_names_and_variants() -> None:
    tokens = [
        ("Press", True, False),
        ("Secretary", False, True),
        ("Dmitry", False, True),
        ("Peskov", False, True),
        ("said", False, False),
        ("Tillerson", True, False),
        ("Tillerson", True, False),
        ("met", False, False),
        ("Tillersen", False, False),
        ("Whatever", True, False),
        ("Whatever", True, False),
        ("RexTillerson", False, False),
    ]
    names = learn_names(LEX, tokens)
    assert {"Dmitry", "Peskov", "Tillerson"} <= names
    assert "Tillersen" not in names and "Whatever" not in names and "RexTillerson" not in names
    assert classify_unknown(LEX, "RexTillerson", False, names).kind == "joined"
    v = classify_unknown(LEX, "Tillersen", False, names)
    assert v.is_typo and v.kind == "name-variant" and v.suggestions == ("Tillerson",)
    assert not classify_unknown(LEX, "Peskov", True, names).is_typo


def test_looks_like_name() -> None:
    assert looks_like_name(LEX, "Peskov")
    assert looks_like_name(LEX, "Ushakov")
    assert not looks_like_name(LEX, "Whaterver")
    assert not looks_like_name(LEX, "colour")


def test_classify_kinds() -> None:
    assert classify_unknown(LEX, "colour").kind == "word"
    assert classify_unknown(LEX, "https://example.com").kind == "skip"
    v = classify_unknown(LEX, "recieve")
    assert v.is_typo and v.suggestions[0] == "receive"
    assert classify_unknown(LEX, "Peskov’s").kind == "name"


# ------------------------------------------------------------------------- vocab
def test_accept_and_reject_vocabularies() -> None:
    custom = LEX.with_vocab(accept={"Peskov", "draftlint"}, reject={"whilst": "while"})
    assert custom.is_word("Peskov") and custom.is_word("draftlint") and custom.is_word("Draftlint")
    assert not custom.is_word("whilst") and LEX.is_word("whilst")
    v = classify_unknown(custom, "whilst")
    assert v.is_typo and v.kind == "rejected" and v.suggestions == ("while",)
    assert custom.suggest("whilst") == ["while"]
    assert not LEX.is_word("draftlint")  # the shared lexicon is untouched
    assert custom.suggest("Peskob")[0] == "Peskov"


# ---------------------------------------------------------------------------- zipf
def test_zipf() -> None:
    assert LEX.zipf("the") > 7 and 4 < LEX.zipf("whatever") < 6
    assert LEX.zipf("whaterver") == 0.0
    assert LEX.zipf("Whatever") == LEX.zipf("whatever")


# ---------------------------------------------------------------------------- data
def test_camelcase_list_is_sorted_unique_and_camel() -> None:
    lines = (DATA / "camelcase_names.txt").read_text(encoding="utf-8").splitlines()
    entries = [line for line in lines if line and not line.startswith("#")]
    assert entries == sorted(set(entries))
    for entry in entries:
        assert any(c.isupper() for c in entry[1:]), entry


def test_extra_words_list_is_sorted_unique() -> None:
    lines = (DATA / "extra_words.txt").read_text(encoding="utf-8").splitlines()
    entries = [line for line in lines if line and not line.startswith("#")]
    assert entries == sorted(set(entries))


def test_source_notes_exist() -> None:
    text = (DATA / "SOURCE.md").read_text(encoding="utf-8")
    assert "SCOWL" in text and "wordfreq" in text and "CC BY-SA" in text


def test_loaded_once() -> None:
    assert get_lexicon() is get_lexicon()


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        # two known words run together that the web never writes as one: a brand is
        # possible, so a warning, not an error
        ("Show business is booming. A new venture, called PodShow, helps people.\n", "WARNING"),
        (
            "Works began. Alan Schwartz is head of SpeechWorks, a division of a larger firm.\n",
            "WARNING",
        ),
        # a brand the web writes as one word: a note
        ("The park, EuroDisney, opened late.\n", "INFO"),
        # a phrase run together ("Prime Minister"): sure
        ("The Minister spoke first. Later the PrimeMinister agreed.\n", "ERROR"),
        # the web writes these run together too, but the phrase a hundred times as often
        ("Exports to the MiddleEast rose.\n", "WARNING"),
        ("Shares fell in NewYork trade.\n", "WARNING"),
        # ... or some thirty times as often ("Cape Town" 3.6 on the zipf scale, "CapeTown" 2.2)
        ("The opera was shot in CapeTown last year.\n", "WARNING"),
        ("They won the GrandSlam in March.\n", "WARNING"),
        # the article fuses with no name the web does not write so ...
        ("Oscar contenders TheAviator and Ray lead.\n", "WARNING"),
        # ... and a brand that fuses it is written so on the web: a note
        ("The site TheStreet reported it.\n", "INFO"),
    ],
)
def test_camel_join_severity_follows_the_evidence(text: str, severity: str) -> None:
    from draftlint.config.settings import Config
    from draftlint.run.lint import lint_text

    found = lint_text(text, "draft.txt", config=Config(select=("WS101",))).violations
    assert [(v.code, v.severity.name) for v in found] == [("WS101", severity)]


@pytest.mark.parametrize(
    "brand", ["YouTube", "PlayStation", "MasterCard", "ThyssenKrupp", "BlackBerry", "PowerPoint"]
)
def test_brands_the_web_writes_as_one_are_not_joins(brand: str) -> None:
    from draftlint.config.settings import Config
    from draftlint.run.lint import lint_text

    text = f"Sales at {brand} rose.\n"
    found = lint_text(text, "draft.txt", config=Config(select=("WS101",))).violations
    assert [v.severity.name for v in found] in ([], ["INFO"])


# ------------------------------------------------------------- listed misspellings
def test_listed_misspellings_come_from_codespell_in_the_typed_case() -> None:
    from draftlint.lexicon.misspellings import listed_correction

    assert listed_correction("millitary") == ("military",)
    assert listed_correction("Febuary") == ("February",)
    assert listed_correction("FEBUARY") == ("FEBRUARY",)
    assert listed_correction("fo")[:2] == ("of", "for")  # trailing comma: a reason, not a word
    assert listed_correction("military") is None


def test_sorted_lines_find_what_a_scan_of_the_lines_finds() -> None:
    """``SortedLines.after`` against the plain reading (the first line, in sorted order, that
    starts with the prefix), for prefixes around every stride boundary and beyond both ends."""
    import random

    from draftlint.data_files import SortedLines

    rng = random.Random(3)
    lines = sorted({"".join(rng.choices("abcd ", k=rng.randint(1, 6))) for _ in range(900)})
    table = SortedLines(list(reversed(lines)))

    def scan(prefix: str) -> str | None:
        return next((line[len(prefix) :] for line in lines if line.startswith(prefix)), None)

    probes = {"", "\x00", "zzz", "dddddddd", *(line[:k] for line in lines for k in (1, 2, 3))}
    probes |= {lines[i] + "a" for i in range(0, len(lines), SortedLines.STRIDE // 2)}
    assert len(table) == len(lines) and [table[i] for i in range(len(lines))] == lines
    assert all(table.after(p) == scan(p) for p in probes)


def test_the_compact_list_reads_every_entry_as_the_file_gives_it() -> None:
    """The list is kept as one sorted string (``data_files.SortedLines``): each of its 65,000
    entries reads back its own field, and a word that only starts entries reads nothing."""
    from importlib import resources

    from draftlint.lexicon.misspellings import listed_field

    text = resources.files("codespell_lib").joinpath("data", "dictionary.txt").read_text("utf-8")
    entries = dict(line.split("->", 1) for line in text.splitlines() if "->" in line)
    assert len(entries) > 60_000
    assert all(listed_field(wrong) == field for wrong, field in entries.items())
    for absent in ("", "a", "abandonned-", "zzzzzz", "military"):
        assert absent in entries or listed_field(absent) is None


def test_a_listed_misspelling_is_an_error_with_the_list_first_unless_accepted() -> None:
    from draftlint.lexicon.names import classify_unknown

    verdict = classify_unknown(LEX, "controll")
    assert verdict.is_typo and verdict.confidence >= 0.8 and verdict.suggestions[0] == "control"
    accepting = LEX.with_vocab(accept={"controll"})
    assert not classify_unknown(accepting, "controll").is_typo


def test_without_codespell_the_list_is_empty_and_nothing_breaks(monkeypatch) -> None:
    from draftlint.lexicon import misspellings

    def missing(_name: str) -> None:
        raise ModuleNotFoundError("codespell_lib")

    misspellings.listed_misspellings.cache_clear()
    monkeypatch.setattr(misspellings.resources, "files", missing)
    try:
        assert misspellings.listed_correction("millitary") is None
    finally:
        misspellings.listed_misspellings.cache_clear()


def test_capital_slip_of_a_frequent_capitalised_word_but_not_of_a_name() -> None:
    from draftlint.lexicon.names import capital_slip

    for typed, meant in (("Wednesdy", "Wednesday"), ("Briastol", "Bristol"), ("Apirl", "April")):
        slip = capital_slip(LEX, typed)
        assert slip is not None and slip.suggestions[0] == meant, typed
    for name in ("Peskov", "Ushakov", "Parul", "Brittan", "Paes"):
        assert capital_slip(LEX, name) is None, name


def test_run_together_phrases_are_warned_and_web_brands_noted() -> None:
    from draftlint.lexicon.names import joined_split

    for phrase in ("NorthernIreland", "AssociatedPress", "PrimeMinister"):
        assert joined_split(LEX, phrase).confidence >= 0.8, phrase  # a phrase: sure
    assert 0.5 <= joined_split(LEX, "AutoLinks").confidence < 0.8  # no phrase: a warning
    assert joined_split(LEX, "EuroDisney").confidence < 0.5  # the web writes it: a note
    assert joined_split(LEX, "badweather").confidence >= 0.5  # "bad" heads compounds, but
    assert joined_split(LEX, "carmaking").confidence < 0.5  # "car making" is no phrase
    assert joined_split(LEX, "megaflops") is None  # a prefix, not a word


@pytest.mark.parametrize("typo", ["plsudits", "upsurgw", "snappwrs", "blacllists"])
def test_an_unwritten_string_one_edit_from_a_rare_word_is_a_warning(typo: str) -> None:
    verdict = classify_unknown(LEX, typo)
    assert verdict.is_typo and verdict.confidence >= 0.5


@pytest.mark.parametrize(
    ("word", "form"),
    [("trailblazed", "trailblazer"), ("teraflop", "teraflops"), ("chea", "cheap")],
)
def test_unlisted_forms_and_short_strings_stay_notes(word: str, form: str) -> None:
    verdict = classify_unknown(LEX, word)
    assert form in verdict.suggestions and verdict.confidence < 0.5


def test_a_rarely_written_string_is_a_capital_slip_only_cheaply_near_a_very_common_word() -> None:
    from draftlint.lexicon.names import capital_slip

    # the web writes these a little (another language's word, a misspelling) ...
    for typed, meant in (("Desember", "December"), ("Londen", "London"), ("Russain", "Russian")):
        assert 1.0 <= LEX.zipf(typed) < 1.5, typed
        slip = capital_slip(LEX, typed)
        assert slip is not None and slip.suggestions[0] == meant, typed
    # ... a string written more often than that is a name of its own, however near
    for name in ("Irland", "Parul"):
        assert LEX.zipf(name) >= 1.5 and capital_slip(LEX, name) is None, name


@pytest.mark.parametrize("typo", ["negoshiated", "catastrofic", "hospitall"])
def test_an_unwritten_long_string_two_edits_from_a_common_word_is_a_warning(typo: str) -> None:
    verdict = classify_unknown(LEX, typo)
    assert verdict.is_typo and verdict.confidence >= 0.5, verdict


@pytest.mark.parametrize(
    "word",
    ["surfishent", "enfusiasem", "insternents", "deteverd", "exzeptable", "kontente", "kwestion"],
)
def test_a_string_nothing_reads_as_a_word_is_a_slip_however_far(word: str) -> None:
    # spelt by ear, two or more edits from the word meant, and unknown to the web; a first
    # vowel spelt by ear ("exzeptable": acceptable), or a first consonant of the same sound
    # ("kontente": content), keeps the word within reach
    verdict = classify_unknown(get_lexicon(), word)
    assert verdict.is_typo and verdict.confidence >= 0.5, verdict


@pytest.mark.parametrize("word", ["hypergrowth", "hereditaries", "commoditising", "megaflops"])
def test_an_unlisted_regular_form_is_no_far_slip(word: str) -> None:
    # a prefix or an ending reads it back to a word: an unlisted form, left alone
    verdict = classify_unknown(get_lexicon(), word)
    assert verdict.confidence < 0.5, verdict


def test_a_coined_part_of_two_words_is_read_as_them_not_as_a_far_slip() -> None:
    # "draftlint" is "draft" and "lint": a coinage no list knows reads as the two words run
    # together (a vocabulary entry accepts it), never as a slip of some far word
    verdict = classify_unknown(get_lexicon(), "draftlint-disable")
    assert verdict.kind == "joined" and verdict.suggestions == ("draft lint-disable",), verdict


@pytest.mark.parametrize("word", ["eightplayers", "finalscore", "fourgoals", "millionpeople"])
def test_a_word_that_starts_only_derived_forms_heads_no_compound(word: str) -> None:
    # "eighteen", "finalist", "fourteen", "millionaire" start with the word, but their tails
    # are suffixes, no phrase after it: the run-together is two words, worth a warning
    from draftlint.lexicon.names import joined_split
    from draftlint.lexicon.store import HEAD

    split = joined_split(LEX, word)
    assert split is not None and not LEX.entry(split.parts[0])[1] & HEAD, split
    assert split.confidence >= 0.5, split


@pytest.mark.parametrize("head", ["car", "school", "film", "back", "photo"])
def test_a_word_that_starts_closed_compounds_of_phrases_is_a_compound_head(head: str) -> None:
    # carpark, schoolyard, filmmaker, backbench, photojournalist: "car park" ... are phrases
    from draftlint.lexicon.store import HEAD

    assert LEX.entry(head)[1] & HEAD


@pytest.mark.parametrize("word", ["Marketlane", "Bellhouse"])
def test_a_capitalised_string_of_two_words_is_a_name_first(word: str) -> None:
    # no head of compounds, but a capitalised string no dictionary knows names a place or
    # a firm more often than it runs two words together: a note
    from draftlint.lexicon.names import joined_split
    from draftlint.lexicon.store import HEAD

    split = joined_split(LEX, word)
    assert split is not None and not LEX.entry(split.parts[0].lower())[1] & HEAD, split
    assert split.confidence < 0.5, split


@pytest.mark.parametrize("word", ["newscame", "dealgives", "firstannounced", "callcame"])
def test_a_head_of_compounds_before_a_word_that_is_no_noun_is_a_join(word: str) -> None:
    # "news", "deal", "first" start closed compounds, but a compound ends in a noun
    from draftlint.lexicon.names import joined_split

    split = joined_split(get_lexicon(), word)
    assert split is not None and split.confidence >= 0.5, split


@pytest.mark.parametrize("word", ["carmaking", "passcard", "schoolfriends"])
def test_a_head_of_compounds_before_a_noun_is_only_a_note(word: str) -> None:
    from draftlint.lexicon.names import joined_split

    split = joined_split(get_lexicon(), word)
    assert split is None or split.confidence < 0.5, split


def _camel_severity(text: str) -> list[tuple[str, str]]:
    from draftlint.api import lint_text

    return [
        (text[v.start : v.end], v.severity)
        for v in lint_text(text, "draft.txt").violations
        if v.code == "WS101"
    ]


def test_a_first_name_run_into_a_surname_is_a_warning() -> None:
    assert _camel_severity("The award went to RichardTateson last week.") == [
        ("RichardTateson", "warning")
    ]


@pytest.mark.parametrize("word", ["LeBoff", "ArtWorks"])
def test_a_particle_or_a_brand_of_a_word_stays_a_note(word: str) -> None:
    assert _camel_severity(f"The award went to {word} last week.") in ([], [(word, "info")])


@pytest.mark.parametrize(
    ("word", "meant", "split"),
    [("newsreal", "newsreel", "news real")],
)
def test_a_weak_split_gives_way_to_a_likelier_slip(word: str, meant: str, split: str) -> None:
    verdict = classify_unknown(get_lexicon(), word)
    assert verdict.kind == "typo" and verdict.confidence >= 0.5, verdict
    assert verdict.suggestions[0] == meant and verdict.suggestions[-1] == split


@pytest.mark.parametrize("word", ["carmaking", "passcard"])
def test_a_split_is_not_overruled_by_the_floor_for_unwritten_strings(word: str) -> None:
    # both strings are "unwritten" (web count 0), which alone makes a far slip a warning;
    # but the split explains them, so they stay the join note they were
    verdict = classify_unknown(get_lexicon(), word)
    assert verdict.kind == "joined" and verdict.confidence < 0.5, verdict


def _sp101(text: str) -> list[tuple[str, str, str]]:
    from draftlint.api import lint_text

    return [
        (text[v.start : v.end], v.severity, v.suggestions[0] if v.suggestions else "")
        for v in lint_text(text, "draft.txt").violations
        if v.code == "SP101"
    ]


def test_a_doubtful_word_is_a_slip_where_its_sentence_wants_a_neighbour() -> None:
    # "drak" alone is a note (drake first); "the drak fairy tale" wants "dark"
    assert _sp101("He began his work with Burton in the drak fairy tale.") == [
        ("drak", "warning", "dark")
    ]
    assert _sp101("The lightweight clam shel device opens up.") == [("shel", "warning", "shell")]


def test_a_doubtful_word_stays_a_note_where_the_sentence_says_nothing() -> None:
    got = _sp101("Drak and drak, he wrote.")
    assert got and all(severity == "info" for _, severity, _ in got), got


def test_context_weighs_neither_inflections_nor_far_candidates(monkeypatch) -> None:
    from draftlint.checks import spelling
    from draftlint.context import fit
    from draftlint.drafts import formats
    from draftlint.lexicon.names import Verdict

    weighed: list[list[str]] = []

    def overwhelming(tokens, index, candidates, model=None):
        weighed.append(list(candidates))
        return [99.0 for _ in candidates]  # any candidate weighed would win

    monkeypatch.setattr(fit, "fit_gains", overwhelming)
    text = "They built the grassroot campaign over a year."
    document = formats.parse("draft.txt", text, "text")
    token = next(t for t in document.analysis.tokens if t.text == "grassroot")
    # "grassroots" is the word's inflection, "great" and "grass" are not one edit away
    doubtful = Verdict(True, 0.3, ("grassroots", "great", "grass"), "typo")
    assert spelling._weighed_in_context(document, token, doubtful, "medium") == doubtful
    assert weighed == []
    # a candidate one edit away that is no inflection is weighed, and wins
    near = doubtful._replace(suggestions=("grassroots", "grassboot"))
    got = spelling._weighed_in_context(document, token, near, "medium")
    assert weighed == [["grassboot"]]
    assert got.suggestions[0] == "grassboot" and got.confidence >= 0.5


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("An Indan firm has tested the system.", "Indian"),
        ("The Wensday vote was lost.", "Wednesday"),
    ],
)
def test_a_function_word_opening_the_sentence_introduces_no_name(text: str, meant: str) -> None:
    # "An" is a first name too, but here it is capitalised by position: the slip after it is
    # no name introduced by a first name
    from draftlint.api import lint_text

    hits = [v for v in lint_text(text).violations if v.code == "SP101"]
    assert hits and hits[0].suggestions[0] == meant, hits


@pytest.mark.parametrize(
    ("word", "meant"),
    [
        ("We'veseen", "We've seen"),
        ("doesn'tmatter", "doesn't matter"),
        ("Blair'sgovernment", "Blair's government"),
        ("We\u2019recomfortable", "We\u2019re comfortable"),
    ],
)
def test_a_contraction_run_into_a_word_is_a_join(word: str, meant: str) -> None:
    verdict = classify_unknown(LEX, word)
    assert verdict.kind == "joined" and verdict.confidence >= 0.8, verdict
    assert verdict.suggestions == (meant,), verdict  # the writer's own apostrophe kept


@pytest.mark.parametrize("word", ["rock'n'roll", "O'Neill's", "o'clock", "Hawke'sBay"])
def test_an_apostrophe_inside_a_word_or_name_is_no_contraction_join(word: str) -> None:
    assert classify_unknown(LEX, word).kind != "joined"


def _word_findings(text: str) -> list[tuple[str, str, str]]:
    from draftlint.config.settings import Config
    from draftlint.run.lint import lint_text

    found = lint_text(text, "draft.txt", config=Config(select=("SP", "WS"))).violations
    return [(v.code, v.severity.name, v.suggestions[0] if v.suggestions else "") for v in found]


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        # a first name the US census list lacks, and a demonym, before an unknown surname
        ("A Russian, AnatolyTyukanov, was arrested.\n", "Anatoly Tyukanov"),
        ("He beat ItalianPotito Starace in Rome.\n", "Italian Potito"),
        # a title run into the name it stands before
        ("A spokesman, DrVancheshwar, told the BBC.\n", "Dr Vancheshwar"),
    ],
)
def test_a_name_run_into_an_unknown_surname_is_a_warning(text: str, meant: str) -> None:
    assert _word_findings(text) == [("WS101", "WARNING", meant)]


@pytest.mark.parametrize(
    "text",
    [
        # a coinage of a name and a common word ("care"): not a surname run in
        "Fox viewers asked about ObamaCare again.\n",
        # a surname particle is no first name
        "LG's David VanderWaal explained the statement.\n",
    ],
)
def test_a_name_before_a_word_or_a_particle_is_no_surname_join(text: str) -> None:
    assert [f for f in _word_findings(text) if f[1] != "INFO"] == []


def test_a_camel_join_inside_a_hyphenated_word_is_found() -> None:
    assert _word_findings("The SanFrancisco-based court ruled.\n") == [
        ("WS101", "ERROR", "San Francisco-based")
    ]


def test_a_letter_three_times_in_a_row_is_two_words_whatever_the_head() -> None:
    from draftlint.lexicon.names import joined_split

    # "full" heads closed compounds, and "carmaking"-like strings stay notes; a tripled
    # letter is in no English word, so "fulllegal" is the two words
    split = joined_split(LEX, "fulllegal")
    assert split is not None and split.parts == ["full", "legal"] and split.confidence >= 0.5
    assert _word_findings("They want the fulllegal advice published.\n")[0][:2] == (
        "WS102",
        "ERROR",
    )


def test_a_rare_capitalised_string_is_a_slip_where_its_context_wants_the_common_word() -> None:
    # "Sanday" is written on the web (a place, a surname), so alone it is a name; after "on"
    # the 3-gram model wants "Sunday" far more than an unknown name
    assert LEX.zipf("Sanday") > 1.0
    assert _word_findings("The vote was held on Sanday after the count.\n") == [
        ("SP101", "WARNING", "Sunday")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the same string where the context wants a name, not a day
        "Councillor Sanday Patel spoke to the meeting.\n",
        # written twice: the draft's own name
        "The vote was held on Sanday. Sanday was quiet.\n",
        # an inflection of the common word is a name of its own (the shop)
        "Shares in Dixons rose on Monday.\n",
        # names in a run of names gain little from a common name
        "The star Jadon Sancho scored twice, and Kenna Black sang.\n",
    ],
)
def test_a_rare_capitalised_string_stays_a_name_where_context_says_nothing(text: str) -> None:
    assert _word_findings(text) == []


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        # a first name or a title before a string the web never writes does not make it a
        # name: one cheap edit from a far more common capitalised word, it is a slip
        ("Based on a play by Tyler Prry, who also stars.\n", "Perry"),
        ("Theatre impresario Sir Cameon Mackintosh said so.\n", "Cameron"),
        ("Ospreys player Sonny Parkr has a trapped nerve.\n", "Parker"),
        # written on the web now and then, but two letters swapped: a slip of the keys
        ("Labour MP Tony Llyod was there.\n", "Lloyd"),
        # a letter of a very frequent capitalised word left out
        ("It is what makes Britan great, he said.\n", "Britain"),
        # "Mrs" ends in s: "Mrss" is no inflection of it
        ("The party, said Mrss Spence, was ready.\n", "Mrs"),
    ],
)
def test_an_unwritten_capitalised_string_after_a_first_name_is_a_slip(
    text: str, meant: str
) -> None:
    assert _word_findings(text) == [("SP101", "WARNING", meant)]


@pytest.mark.parametrize(
    "text",
    [
        # the web writes these rarely: a variant of a common name, not a slip of it
        "Committee chairman Barry Sheerman said so.\n",
        "BBC chairman Gavyn Davies resigned.\n",
        # a letter short of a word not frequent enough to outweigh a rare name (Maryland)
        "Economist Ken Mayland said so.\n",
        # unwritten, but a stray consonant from a common name is dearer than a cheap edit
        "Analyst Ray Neidl said so.\n",
        # used twice: the draft's own spelling
        "Tyler Prry wrote it. Prry also stars.\n",
        # a swap from a name not far more frequent than the string ("Amor"): a name
        "The ABN Amro analyst said so.\n",
    ],
)
def test_a_rare_or_repeated_name_near_a_common_one_is_not_a_slip(text: str) -> None:
    assert _word_findings(text) == []


@pytest.mark.parametrize("typed", ["Sanday", "Irland", "Olver", "Deigo", "Kena"])
def test_one_edit_finds_what_the_full_search_finds_one_edit_away(typed: str) -> None:
    from draftlint.lexicon.edits import osa_distance
    from draftlint.lexicon.names import capital_word

    keep = capital_word(LEX)
    full = {c.word for c in LEX.candidates(typed, sound=False) if keep(c.word)}
    full = {w for w in full if osa_distance(typed.lower(), w.lower()) == 1}
    assert full and {w for w, _ in LEX.one_edit(typed, keep)} == full
