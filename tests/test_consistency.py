"""CN1xx (US/U.S., dialect), CN301 hyphenation, CN302-CN303 numbers, CN304-CN305 abbreviations."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from draftlint.checks.consistency.variants import dialect_pairs
from draftlint.config.settings import Config, NumberStyle
from draftlint.data_files import read_list, rules_path
from draftlint.run.lint import lint_text
from draftlint.violation import Severity

ROOT = Path(__file__).resolve().parent.parent
SCOWL = Path("/usr/share/dict/scowl")


def lint(text: str, *codes: str, **config: object):
    return lint_text(text, "t.txt", "text", Config(select=codes, **config)).violations


def found(text: str, *codes: str, **config: object) -> list[str]:
    return [text[v.span.start : v.span.end] for v in lint(text, *codes, **config)]


# ---------------------------------------------------------------------------- CN101
def test_dotted_families_are_counted_apart() -> None:
    text = "The U.S. envoy met EU and UN officials; U.S. aid and the U.N. role.\n"
    assert found(text, "CN101") == ["U.N."]  # UN and U.N. tie: the form used first wins


def test_us_in_capitals_is_a_pronoun() -> None:
    assert found("The U.S. envoy left. TALK TO US NOW, the banner said.\n", "CN101") == []


# ---------------------------------------------------------------------------- CN102
AMERICAN_DRAFT = (
    "The defense plans were theorized, the fueling stopped and the talks were cancelling.\n"
)


def test_auto_dialect_reports_the_minority() -> None:
    assert found(AMERICAN_DRAFT, "CN102") == ["cancelling"]


@pytest.mark.parametrize(
    ("dialect", "expected"),
    [
        ("en-US", ["cancelling"]),
        ("en-GB", ["defense", "fueling"]),  # -ize alone is Oxford British: not reported
    ],
)
def test_configured_dialect(dialect: str, expected: list[str]) -> None:
    assert found(AMERICAN_DRAFT, "CN102", dialect=dialect) == expected


def test_tie_reports_nothing_in_auto() -> None:
    assert found("The colour was fine but the color was not.\n", "CN102") == []


def test_ise_spellings_are_evidence_of_a_british_draft() -> None:
    # one American spelling against three -ise words: the American one is the odd one out
    text = "Sceptics were few; skeptical groups organised, civilised and recognised it.\n"
    assert found(text, "CN102") == ["skeptical"]
    # and -ise words in a draft that is American on other evidence are reported
    text = "The defense of the center was theorized, the color gray; they organised it.\n"
    assert found(text, "CN102") == ["organised"]


def test_ise_ize_mix_in_a_british_draft() -> None:
    text = "The colour of the centre: we organise, we realise, we recognize.\n"
    assert found(text, "CN102") == ["recognize"]


@pytest.mark.parametrize(
    "text",
    [
        "The programme and the program ran; the licence and the license; tyre, tire; metre, meter.",
        "The British judgment was given at the Labour Party conference in the colour hall.",
        "Labor unions met. The Labour Party met. Labour said nothing in the colour room.",
    ],
)
def test_words_valid_in_both_dialects_are_not_compared(text: str) -> None:
    assert found(text + "\n", "CN102") == []


def test_suggestion_keeps_capital() -> None:
    violations = lint("Colour was the issue. The color was gray and the center held.\n", "CN102")
    assert [v.suggestions for v in violations] == [("Color",)]


def test_variant_pairs_are_well_formed() -> None:
    both = {"program", "practice", "license", "tire", "meter", "check", "story", "draft", "curb"}
    rows = [entry.split("\t") for entry in read_list("lists/dialect-variants.tsv")]
    assert len(rows) > 2000
    for row in rows:
        assert len(row) == 3, row
        gb, us, category = row
        assert gb != us and gb.isalpha() and us.isalpha() and gb.islower() and us.islower()
        assert us not in both and gb not in both
    header = rules_path("lists/dialect-variants.tsv").read_text("utf-8")[:2000]
    assert "SCOWL" in header and "Permission to use" in header  # source and licence recorded
    pairs = dialect_pairs()
    assert pairs["cancelling"][:2] == ("GB", "canceling")
    assert pairs["defense"][:2] == ("US", "defence")
    assert "judgment" not in pairs  # a reviewed exception


@pytest.mark.skipif(
    not (SCOWL / "american-words.10").exists() or importlib.util.find_spec("breame") is None,
    reason="needs the SCOWL word lists (apt-get install scowl) and breame (pip install breame)",
)
def test_variant_pairs_are_generated_not_typed(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    import build_variant_pairs

    out = tmp_path / "pairs.tsv"
    assert build_variant_pairs.main(["--breame", "--out", str(out)]) == 0
    committed = rules_path("lists/dialect-variants.tsv").read_text("utf-8")
    assert out.read_text("utf-8") == committed


# ---------------------------------------------------------------------------- CN301
def test_hyphenation_exceptions_and_spaced_forms() -> None:
    assert (
        found(
            "He will re-sign the deal and then resign. It was long-term, in the long term.\n",
            "CN301",
        )
        == []
    )
    assert found("The ceasefire and the ceasefire, then a cease fire.\n", "CN301") == ["cease fire"]
    assert found("The e-mail, the e-mail and the Email.\n", "CN301") == ["Email"]


# ---------------------------------------------------------------------------- CN302
def test_spelled_number_severity_follows_the_mix() -> None:
    mixed = lint("The thirty-minute meeting ended 70 years of policy.\n", "CN302")
    alone = lint("The thirty-minute meeting ended.\n", "CN302")
    assert [(v.severity, v.suggestions) for v in mixed] == [(Severity.WARNING, ("30-minute",))]
    assert [v.severity for v in alone] == [Severity.INFO]


@pytest.mark.parametrize(
    "text",
    [
        "Seventy years of policy ended.",  # a sentence opening
        "He made the top ten again.",
        "It cost £3 on 3 May; Radio 4 said 3% of 3-1 wins were aged 3 years old.",
        "Between 5 and 15 people came.",
        "In its twenty-first year the fifty-fifty draw ran.",
    ],
)
def test_figures_and_words_every_style_accepts(text: str) -> None:
    assert found(text + "\n", "CN302") == []


def test_number_style_config() -> None:
    text = "The thirty-minute meeting had 3 speakers.\n"
    assert found(text, "CN302") == ["thirty-minute", "3"]
    assert found(text, "CN302", numbers=NumberStyle(style="chicago")) == []
    assert found(text, "CN302", numbers=NumberStyle(style="off")) == []


# ---------------------------------------------------------------------------- CN303
def test_percent_majority_and_preference() -> None:
    text = "Up 2% and 3% and 4 per cent.\n"
    assert found(text, "CN303") == ["per cent"]
    assert found(text, "CN303", numbers=NumberStyle(percent="per cent")) == ["%", "%"]


# ----------------------------------------------------------------------- CN304-CN305
def test_abbreviation_definitions() -> None:
    text = (
        "The DTI said no. The Department of Trade and Industry (DTI) met. "
        "Later the Department of Trade and Industry (DTI) spoke.\n"
    )
    assert found(text, "CN304") == ["DTI"]
    assert found(text, "CN305") == ["Department of Trade and Industry (DTI)"]


def test_brackets_that_are_not_definitions() -> None:
    text = (
        "Mr Smith (AP) spoke. The AP said more. Growth (GDP) rose and NATO met the "
        "North Atlantic Treaty Organization (NATO).\n"
    )
    assert found(text, "CN304", "CN305") == []
