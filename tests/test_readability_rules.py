"""The RD rules, the readability of a Document and its report data (JSON, --statistics).

textstat is the reference for the numbers: it is fed the same prose, with the full stops that
draftlint's splitter does not treat as sentence ends ("U.S.", "H.R.", "George W. Bush")
swapped for a mark textstat strips the same way but does not split at.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from draftlint.cli import main
from draftlint.config.discovery import load_config
from draftlint.config.settings import Config, ConfigError
from draftlint.drafts import formats
from draftlint.drafts.document import OBJECT, Document
from draftlint.readability.document import readability_of, report_data
from draftlint.readability.measure import measure
from draftlint.readability.profiles import PROFILES, targets_from
from draftlint.run.lint import lint_text
from draftlint.violation import Severity

SCHEMA = json.loads(
    (Path(__file__).parent.parent / "src/draftlint/report/json_schema.json").read_text()
)
REFERENCE = {
    "flesch_reading_ease": "flesch_reading_ease",
    "flesch_kincaid_grade": "flesch_kincaid_grade",
    "gunning_fog": "gunning_fog",
    "smog_index": "smog_index",
    "coleman_liau_index": "coleman_liau_index",
    "dale_chall": "dale_chall_readability_score",
    "automated_readability_index": "automated_readability_index",
    "linsear_write": "linsear_write_formula",
    "words": "lexicon_count",
    "sentences": "sentence_count",
    "avg_sentence_length": "words_per_sentence",
    "reading_time_s": "reading_time",
}
_MASK = "\u00b7"  # textstat strips it like "." but never ends a sentence at it


@pytest.fixture(scope="module")
def textstat():
    import textstat

    assert textstat.__version__ < (0, 7, 10), "textstat >= 0.7.10 downloads NLTK's cmudict"
    return textstat


def measured_prose(document: Document) -> tuple[str, str]:
    """The prose the scores are computed on, as one text, and the same text with every
    .!? that does not end one of draftlint's sentences masked (same length)."""
    prose = document.prose
    found = readability_of(document)
    keep = set()  # offsets of the marks that end a sentence
    for sentence in found.sentences:
        tail = re.search(
            r"[.?!\u2026]+[\"'\u2019\u201d)\]]*$", prose[sentence.start : sentence.end]
        )
        if tail:
            keep.update(range(sentence.start + tail.start(), sentence.end))
    texts, masked = [], []
    for p in found.paragraphs:
        chars = [
            _MASK if c in ".!?" and i not in keep else c
            for i, c in enumerate(prose[p.start : p.end], start=p.start)
        ]
        texts.append(prose[p.start : p.end].replace(OBJECT, " "))
        masked.append("".join(chars).replace(OBJECT, " "))
    return "\n\n".join(texts), "\n\n".join(masked)


def parse(text: str, fmt: str = "text") -> Document:
    return formats.parse({"text": "x.txt", "markdown": "x.md", "html": "x.html"}[fmt], text, fmt)


# ------------------------------------------------------------------- equal to textstat
MARKDOWN = """\
# Officials meet in Ottawa

Officials from the U.S. and Canada met in Ottawa on Monday. They agreed on a plan that
*neither side* had proposed, with the help of `config.yaml` and [a map](https://x.invalid).

- First, the border crossings will stay open all night during the summer.
- Second, the costs will be shared.

```
code that is never prose. Not. Even. Here.
```

> Mr. Smith, who chaired the talks, said: "We will see what happens next."
"""
HTML = """\
<html><head><title>Officials meet in Ottawa</title></head><body>
<h1>Officials meet</h1>
<p>Officials from the U.S. and Canada met in Ottawa on Monday. They agreed on a plan
that <em>neither side</em> had proposed, with the help of <code>config.yaml</code>.</p>
<ul><li>First, the border crossings will stay open all night during the summer.</li></ul>
<script>var x = "not. prose. at. all.";</script>
<p>Mr. Smith, who chaired the talks, said: &ldquo;We will see what happens next.&rdquo;</p>
</body></html>
"""
PLAIN = """\
Officials meet in Ottawa

Officials from the U.S. and Canada met in Ottawa on Monday. They agreed on a plan that
neither side had proposed.

Mr. Smith, who chaired the talks, said: "We will see what happens next." Nobody
disagreed, and George W. Bush was not mentioned once.
"""


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("seed", "text"), ("plain", "text"), ("markdown", "markdown"), ("html", "html")],
)
def test_scores_equal_textstat_on_the_same_prose(textstat, seed_path, name, fmt):
    text = {"seed": None, "plain": PLAIN, "markdown": MARKDOWN, "html": HTML}[name]
    document = parse(text if text is not None else seed_path.read_text("utf-8"), fmt)
    prose, masked = measured_prose(document)
    ours = readability_of(document).scores
    # Masking changes nothing textstat counts but its sentences ...
    for count in ("lexicon_count", "syllable_count", "letter_count", "char_count"):
        assert getattr(textstat, count)(masked) == getattr(textstat, count)(prose)
    assert textstat.sentence_count(masked) == ours.sentences
    # ... and on it every score is textstat's, bit for bit.
    for field, function in REFERENCE.items():
        assert getattr(ours, field) == getattr(textstat, function)(masked), field
    assert ours.consensus_grade == textstat.text_standard(masked, float_output=True)


def test_prose_measured_leaves_out_code_markup_and_titles():
    for fmt, text in (("markdown", MARKDOWN), ("html", HTML)):
        prose, _ = measured_prose(parse(text, fmt))
        assert "Officials meet" not in prose  # heading and <title>
        assert "code that is never prose" not in prose and "not. prose" not in prose
        assert "config.yaml" not in prose and "https" not in prose
        assert "*" not in prose and "<" not in prose and "&" not in prose
        assert "neither side had proposed" in prose and "during the summer." in prose
    prose, _ = measured_prose(parse(PLAIN))
    assert not prose.startswith("Officials meet in Ottawa")  # a plain-text title line
    assert prose.startswith("Officials from the U.S.")


def test_abbreviations_do_not_end_sentences(textstat):
    document = parse(PLAIN)
    prose, _ = measured_prose(document)
    # textstat splits at "U.S.", "Mr." and "W." and finds more sentences than there are.
    assert readability_of(document).scores.sentences == 4
    assert textstat.sentence_count(prose) > 4


def test_a_long_unpunctuated_block_is_prose_not_a_title():
    line = " ".join(["word"] * 25)
    assert [p.words for p in readability_of(parse(line + "\n")).paragraphs] == [25]
    assert readability_of(parse("A short title line\n")).paragraphs == ()
    assert [p.words for p in readability_of(parse("It rained.\n")).paragraphs] == [2]


def test_document_counts_are_the_sum_of_its_paragraphs(seed_path):
    document = parse(seed_path.read_text("utf-8"))
    found = readability_of(document)
    prose, _ = measured_prose(document)
    sentences = [document.prose[s.start : s.end] for s in found.sentences]
    assert found.scores == measure(prose, sentences).scores()
    assert sum(p.words for p in found.paragraphs) == found.scores.words


# ------------------------------------------------------------------------ RD101 on the seed
# The seed's sentences of 40 words or more, read off the draft by hand: (opening, close).
SEED_LONG = [
    (
        "Advertised by both sides ahead of time",
        "the nature of cooperation regarding the war in Syria.",
    ),
    (
        "Eight months after the U.S. election, Trump",
        "and admitting that Russia was\u00a0likely to blame.",
    ),
    (
        "Following the meeting, in which no official",
        "didn\u2019t do any hacking in U.S. election.\u201d",
    ),
    (
        "Tillerson then claimed that Trump",
        "simply an intractable disagreement at this point.\u201d",
    ),
    (
        "There were various such instances in the past",
        "assuage Russian concerns following his own election.",
    ),
    (
        "Yet selective policy agreements do not make",
        "annexing a province of Ukraine and fueling a civil war there.",
    ),
    (
        "While a certain overlap of policy interests",
        "and that poses a danger especially for Trump.",
    ),
]


def test_seed_long_sentences_reported_with_exact_spans(seed_path, textstat):
    text = seed_path.read_text("utf-8")
    result = lint_text(text, "seed.txt", "text", Config(select=("RD101",)))
    found = {(v.span.start, v.span.end): v for v in result.violations}
    for opening, close in SEED_LONG:
        start = text.index(opening)
        end = text.index(close, start) + len(close)
        sentence = text[start:end]
        words = textstat.lexicon_count(sentence)
        assert words >= 40, sentence
        assert (start, end) in found, f"not reported: {sentence[:60]}"
        v = found[(start, end)]
        assert text[v.span.start : v.span.end] == sentence
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        assert (v.line, v.column) == (line, column)
        assert f"sentence of {words} words" in v.message
    # Every report is a whole sentence over the limit, and no 40+-word sentence is missed.
    for start, end in found:
        sentence = text[start:end]
        assert textstat.lexicon_count(sentence) > 35
        assert re.match(r"[A-Z]", sentence) and re.search(r"[.!?][\u201d\u2019\"]?$", sentence)
        assert text[start - 1] in " \n" and text[end] in " \n"
    over_40 = [
        v for v in result.violations if int(re.search(r"of (\d+) words", v.message).group(1)) >= 40
    ]
    assert len(over_40) == len(SEED_LONG)


def test_rd101_is_a_warning_from_half_as_long_again():
    sentence = " ".join(["word"] * 52) + "."
    result = lint_text(sentence + "\n", "x.txt", "text", Config(select=("RD101",)))
    assert [v.severity for v in result.violations] == [Severity.INFO]  # 52 words: under 1.5 x 35
    result = lint_text("Now " + sentence + "\n", "x.txt", "text", Config(select=("RD101",)))
    assert [v.severity for v in result.violations] == [Severity.WARNING]
    # The config's severity still has the last word.
    config = Config(select=("RD101",), severity=(("RD1", Severity.INFO),))
    assert [
        v.severity for v in lint_text("Now " + sentence + "\n", "x.txt", "text", config).violations
    ] == [Severity.INFO]


# ------------------------------------------------------------------------ targets, config
def _rd(text: str, code: str, **readability: object) -> list:
    config = Config(select=(code,), readability=targets_from(readability))
    return lint_text(text, "x.txt", "text", config).violations


def test_profile_and_explicit_numbers_set_the_limits():
    sentence = " ".join(["word"] * 32) + ".\n"  # 32 words
    assert _rd(sentence, "RD101") == []  # commentary: 35
    assert len(_rd(sentence, "RD101", profile="news")) == 1  # news: 30
    assert _rd(sentence, "RD101", profile="news", max_sentence_words=32) == []
    assert len(_rd(sentence, "RD101", max_sentence_words=31)) == 1
    paragraph = "The cat sat on the mat. " * 16 + "\n"  # 96 words
    assert _rd(paragraph, "RD102") == []
    assert len(_rd(paragraph, "RD102", profile="news")) == 1  # 75
    assert len(_rd(paragraph, "RD102", max_paragraph_words=95)) == 1


def test_rd201_grade_range_from_config():
    text = "The cat sat on the mat and looked at the dog. " * 12 + "\n"  # 132 easy words
    scores = readability_of(parse(text)).scores
    grade = scores.flesch_kincaid_grade
    assert grade < 8 and scores.words == 132
    assert "below the commentary target 8\u201312" in _rd(text, "RD201")[0].message
    assert _rd(text, "RD201", grade_min=grade - 0.1) == []
    assert "below the general target 6\u20139" in _rd(text, "RD201", profile="general")[0].message
    assert _rd(text, "RD201", profile="general", grade_min=grade) == []  # the range is inclusive
    assert _rd(text, "RD201", min_document_words=133) == []  # too short to judge
    assert len(_rd(text, "RD201", min_document_words=132)) == 1


def test_targets_follow_the_profiles():
    for name, profile in PROFILES.items():
        targets = targets_from({"profile": name})
        assert (
            targets.grade == profile.grade
            and targets.max_sentence_words == profile.max_sentence_words
        )
        assert targets.paragraph_grade_max == profile.grade[1] + 4
    assert targets_from({}).profile == "commentary"
    with pytest.raises(ValueError, match="unknown readability profile"):
        targets_from({"profile": "poetry"})


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        (
            '[tool.draftlint]\nselect = ["RD"]\n\n[tool.draftlint.readability]\nprofile = "newz"\n',
            5,
            "unknown readability profile 'newz' (choose from general, news, commentary, technical)",
        ),
        (
            '[tool.draftlint.readability]\nprofile = "news"\nmax_sentence_word = 30\n',
            3,
            "unknown readability setting 'max_sentence_word'",
        ),
        (
            '[tool.draftlint]\nreadability = {grade_max = "twelve"}\n',
            2,
            "readability.grade_max must be a number",
        ),
        (
            "[tool.draftlint.readability]\ngrade_min = 9\ngrade_max = 7\n",
            2,
            "grade_min (9) is above grade_max (7)",
        ),
    ],
)
def test_bad_readability_config_is_an_error_with_its_line(tmp_path, capsys, body, line, message):
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n\n' + body, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.line == line + 3 and message in info.value.message
    draft = tmp_path / "d.txt"
    draft.write_text("Hello there.\n", encoding="utf-8")
    assert main(["check", str(draft)]) == 2
    assert f"{path}:{line + 3}: " in capsys.readouterr().err


def test_good_readability_config_is_accepted(tmp_path):
    path = tmp_path / ".draftlint.toml"
    path.write_text(
        '[readability]\nprofile = "technical"\nmax_sentence_words = 28\ngrade_max = 15.5\n'
    )
    config = load_config(path)
    targets = config.readability
    assert (targets.profile, targets.max_sentence_words, targets.grade) == (
        "technical",
        28,
        (10.0, 15.5),
    )


# ------------------------------------------------------------------- computed once, shared
def test_readability_is_computed_once_per_document(monkeypatch):
    import draftlint.readability.document as module

    calls = []
    original = module._measure_document

    def counting(document):
        calls.append(document)
        return original(document)

    monkeypatch.setattr(module, "_measure_document", counting)
    result = lint_text(PLAIN * 3, "x.txt", "text", Config(select=("RD",)))
    assert len(calls) == 1 and result.readability["scores"]["words"] > 0


# ------------------------------------------------------------------- report data and spans
@pytest.mark.parametrize(
    ("fmt", "text", "paragraphs"),
    [
        ("text", PLAIN, ["Officials from the U.S.", "Mr. Smith, who chaired"]),
        (
            "markdown",
            MARKDOWN,
            ["Officials from the U.S.", "First, the border", "Second, the costs", "Mr. Smith, who"],
        ),
        ("html", HTML, ["Officials from the U.S.", "First, the border", "Mr. Smith, who"]),
    ],
)
def test_paragraph_spans_map_back_to_the_file(fmt, text, paragraphs):
    data = lint_text(text, f"x.{fmt}", fmt, Config(select=("RD",))).readability
    jsonschema.validate(
        {
            "version": 1,
            "tool": {"name": "draftlint", "version": "0"},
            "summary": {"files": 1, "violations": 0, "error": 0, "warning": 0, "info": 0},
            "files": [
                {
                    "path": "x",
                    "format": fmt,
                    "words": 1,
                    "error": None,
                    "readability": data,
                    "violations": [],
                }
            ],
        },
        SCHEMA,
    )
    assert [p["start"] for p in data["paragraphs"]] == [
        text.index(opening) for opening in paragraphs
    ]
    ends = {  # where each paragraph ends in the source, found by hand
        "Officials from the U.S.": (
            "proposed."
            if fmt == "text"
            else "(https://x.invalid)."
            if fmt == "markdown"
            else "</code>."
        ),
        "First, the border": "summer.",
        "Second, the costs": "shared.",
        "Mr. Smith, who": (
            "once." if fmt == "text" else 'next."' if fmt == "markdown" else "&rdquo;"
        ),
        "Mr. Smith, who chaired": "once.",
    }
    for p, opening in zip(data["paragraphs"], paragraphs, strict=True):
        close = ends[opening]
        assert p["end"] == text.index(close, p["start"]) + len(close), (
            opening,
            text[p["start"] : p["end"]],
        )
        assert p["line"] == text.count("\n", 0, p["start"]) + 1
        assert p["words"] > 0 and p["sentences"] >= 1


def test_report_data_scores_and_targets(seed_path):
    document = parse(seed_path.read_text("utf-8"))
    data = report_data(document, {"profile": "news"})
    scores = readability_of(document).scores
    assert data["profile"] == "news" and data["targets"]["grade"] == [6, 10]
    assert data["scores"]["flesch_kincaid_grade"] == scores.flesch_kincaid_grade
    assert (
        data["scores"]["sentences"]
        == scores.sentences
        == len([s for s in readability_of(document).sentences if s.words > 2])
    )
    assert json.loads(json.dumps(data)) == data


def test_statistics_flag_prints_one_line_per_file(tmp_path, capsys):
    draft = tmp_path / "d.txt"
    draft.write_text(PLAIN, encoding="utf-8")
    assert main(["check", "--select", "RD", str(draft)]) == 0
    assert "readability:" not in capsys.readouterr().out
    assert main(["check", "--select", "RD", "--statistics", str(draft)]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if "readability:" in line]
    scores = readability_of(parse(PLAIN)).scores
    assert lines == [
        f"{draft}: readability: {scores.words} words, {scores.sentences} sentences "
        f"({scores.avg_sentence_length:.1f} words each), Flesch-Kincaid grade "
        f"{scores.flesch_kincaid_grade:.1f} (below the commentary target 8-12), reading ease "
        f"{scores.flesch_reading_ease:.1f}, consensus grade {scores.consensus_grade:.0f}, "
        f"{scores.reading_minutes:.1f} min"
    ]


def test_readme_profiles_table_matches_the_profiles():
    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    rows = re.findall(
        r"^\| `(\w+)` \| ([^|]+) \| ([\d.]+)–([\d.]+) \| ([\d.]+)–([\d.]+) \| ≤ ([\d.]+) words \| "
        r"(\d+) words \| (\d+) words \|$",
        readme,
        re.M,
    )
    assert {row[0] for row in rows} == set(PROFILES)
    for name, summary, g0, g1, e0, e1, avg, sentence, paragraph in rows:
        p = PROFILES[name]
        assert summary == p.summary
        assert (float(g0), float(g1), float(e0), float(e1)) == (*p.grade, *p.reading_ease)
        assert (float(avg), int(sentence), int(paragraph)) == (
            p.max_avg_sentence_words,
            p.max_sentence_words,
            p.max_paragraph_words,
        )
