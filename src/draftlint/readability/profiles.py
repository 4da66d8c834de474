"""Readability targets: the named profiles, the works they cite, and the config that picks one.

``[tool.draftlint.readability]`` names a profile (``profile = "news"``; default: commentary) and
may override any of its numbers.  ``targets_from(section)`` turns that table into the Targets
the RD rules and the reports read; ``problems(section)`` lists what is wrong with one, for
the config to report as ``path:line: message``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

#: The works the profiles draw on; ``Profile.basis`` cites them by key in square brackets.
SOURCES: dict[str, str] = {
    "flesch1949": "Rudolf Flesch, 'A New Readability Yardstick', J. Applied Psychology 32 (1948) "
    "and The Art of Readable Writing (1949), reading-ease table: very easy 90-100 (average "
    "sentence 8 words or less; 4th grade completed), easy 80-90 (11; 5th), fairly easy 70-80 "
    "(14; 6th), standard 60-70 (17; 7th-8th), fairly difficult 50-60 (21; some high school), "
    "difficult 30-50 (25; high school or some college), very difficult 0-30 (29 or more; "
    "college).  textstat's consensus reads the same bands as grades 5, 6, 7, 8-9, 10, 11-12, 13",
    "hart2006": "Jack Hart, A Writer's Coach (2006), on Flesch-Kincaid: writers scoring grade 10 "
    "or less can engage a large, diverse audience",
    "govuk2014": "GOV.UK style guide and GDS blog 'Sentence length: why 25 words is our limit' "
    "(2014): break up sentences over 25 words",
    "austyle": "Australian Government Style Manual, 'Sentence length': average 15 words, no "
    "more than 25",
    "cutts": "Martin Cutts, Oxford Guide to Plain English; Plain English Campaign: average "
    "sentence length 15-20 words",
    "ons": "UK Office for National Statistics style guide: at most three sentences a paragraph",
    "bleyer1913": "Willard Bleyer, Newspaper Writing and Editing (1913): newspaper paragraphs of "
    "50-150 words, against 150-250 in other prose",
    "journalism": "news-writing teaching guides (e.g. University of Houston-Downtown Dateline "
    "guide): paragraphs of one to three sentences",
    "ste100": "ASD-STE100 Simplified Technical English, writing rules: at most 20 words in a "
    "procedural sentence, 25 in a descriptive one, 6 sentences in a paragraph",
    "bbc-dev": "this project's measurement of the 853 BBC News articles of the dev corpus "
    "(bench/readability_bench.py, stand-in splitter): Flesch-Kincaid median 10.8 (quartiles "
    "9.8-11.9), Reading Ease median 54, 10% of sentences over 30 words",
}


@dataclass(frozen=True)
class Profile:
    """A target for one kind of writing.  Ranges are inclusive; ``basis`` says, per field, where
    the number comes from or that it is a judgement."""

    name: str
    summary: str
    grade: tuple[float, float]  # Flesch-Kincaid grade
    reading_ease: tuple[float, float]  # Flesch Reading Ease
    max_avg_sentence_words: float
    max_sentence_words: int
    max_paragraph_words: int
    basis: dict[str, str] = field(hash=False, compare=False)


PROFILES: dict[str, Profile] = {
    p.name: p
    for p in (
        Profile(
            name="general",
            summary="plain language for any adult reader: notices, guides, web pages",
            grade=(6, 9),
            reading_ease=(60, 80),
            max_avg_sentence_words=20,
            max_sentence_words=25,
            max_paragraph_words=100,
            basis={
                "grade": "[flesch1949] 'fairly easy' to 'standard' prose suits readers with "
                "grades 6-8 completed, i.e. reading at grades 7-9. Lower bound 6: judgement",
                "reading_ease": "[flesch1949] 'standard' (60-70) and 'fairly easy' (70-80)",
                "max_avg_sentence_words": "[cutts] [austyle] average 15-20",
                "max_sentence_words": "[govuk2014] [austyle] 25 words",
                "max_paragraph_words": "judgement: [ons] three sentences of about 25 words, "
                "with room to spare",
            },
        ),
        Profile(
            name="news",
            summary="news reports for a broad readership",
            grade=(6, 10),
            reading_ease=(50, 70),
            max_avg_sentence_words=20,
            max_sentence_words=30,
            max_paragraph_words=75,
            basis={
                "grade": "[hart2006] grade 10 or less. Lower bound 6: judgement. Professional "
                "news often runs higher [bbc-dev], so treat the upper bound as a target, "
                "not an error",
                "reading_ease": "[flesch1949] 'standard' (60-70) down to 'fairly difficult' "
                "(50-60); where to stop is a judgement",
                "max_avg_sentence_words": "judgement between [flesch1949] 'standard' 17 words "
                "and [cutts] 20",
                "max_sentence_words": "judgement: [flesch1949] 29+ word sentences are 'very "
                "difficult'; [bbc-dev] 10% of news sentences exceed 30 words",
                "max_paragraph_words": "judgement: [journalism] one to three sentences; "
                "[bleyer1913] 50-150 words",
            },
        ),
        Profile(
            name="commentary",
            summary="opinion and analysis for educated general readers: draftlint's main use",
            grade=(8, 12),
            reading_ease=(40, 65),
            max_avg_sentence_words=22,
            max_sentence_words=35,
            max_paragraph_words=150,
            basis={
                "grade": "judgement: [hart2006] grade 10 is the broad-audience mark; "
                "[flesch1949] beyond high school is 'difficult'",
                "reading_ease": "judgement: [flesch1949] 'fairly difficult' (50-60) into "
                "'difficult' (30-50)",
                "max_avg_sentence_words": "judgement: [flesch1949] 21 words is 'fairly "
                "difficult', 25 'difficult'",
                "max_sentence_words": "judgement: argument needs some longer sentences; "
                "[bbc-dev] 4% of news sentences exceed 35 words",
                "max_paragraph_words": "[bleyer1913] upper end of newspaper paragraphs",
            },
        ),
        Profile(
            name="technical",
            summary="documentation and explainers with unavoidable technical terms",
            grade=(10, 14),
            reading_ease=(30, 60),
            max_avg_sentence_words=20,
            max_sentence_words=25,
            max_paragraph_words=150,
            basis={
                "grade": "judgement: technical terms add syllables that short sentences must "
                "pay for; [flesch1949] 'difficult' prose needs high school or some college",
                "reading_ease": "judgement: [flesch1949] 'difficult' (30-50) to 'fairly "
                "difficult' (50-60)",
                "max_avg_sentence_words": "judgement: [ste100] 20 words is the procedural "
                "maximum; here an average",
                "max_sentence_words": "[ste100] 25 words in descriptive writing",
                "max_paragraph_words": "[ste100] at most 6 sentences, of 25 words at most",
            },
        ),
    )
}


# ---------------------------------------------------------------------------- the config

DEFAULT_PROFILE = "commentary"
#: How far above the top of the grade range a paragraph must be for RD202 (Flesch-Kincaid
#: grades).  Judgement, checked on the dev corpus: see README "Readability".
PARAGRAPH_GRADE_MARGIN = 4.0
#: Flesch tested his formula on 100-word samples; a shorter text's grade swings by several
#: grades with one sentence, so RD201 leaves it alone.
MIN_DOCUMENT_WORDS = 100
#: A paragraph's grade is judged (RD202) from this many words: two sentences or more of
#: ordinary length.
MIN_PARAGRAPH_WORDS = 40

_NUMBER: tuple[tuple[type, ...], str] = ((int, float), "a number")
_WHOLE: tuple[tuple[type, ...], str] = ((int,), "a whole number")
#: Keys of [tool.draftlint.readability]: the types a value may have, and their name for errors.
SETTINGS: dict[str, tuple[tuple[type, ...], str]] = {
    "profile": ((str,), "a string"),
    "grade_min": _NUMBER,
    "grade_max": _NUMBER,
    "max_sentence_words": _WHOLE,
    "max_paragraph_words": _WHOLE,
    "paragraph_grade_max": _NUMBER,
    "min_document_words": _WHOLE,
    "min_paragraph_words": _WHOLE,
}


@dataclass(frozen=True)
class Targets:
    """What the RD rules hold a draft to: a profile's numbers, with the config's overrides."""

    profile: str
    grade: tuple[float, float]  # Flesch-Kincaid grade of the whole draft (RD201)
    reading_ease: tuple[float, float]  # reported, not enforced
    max_avg_sentence_words: float  # reported, not enforced
    max_sentence_words: int  # RD101
    max_paragraph_words: int  # RD102
    paragraph_grade_max: float  # RD202
    min_document_words: int  # RD201 judges no shorter draft
    min_paragraph_words: int  # RD202 judges no shorter paragraph

    def as_dict(self) -> dict[str, Any]:
        """The targets in the JSON report (ranges as [low, high])."""
        return {
            "grade": list(self.grade),
            "reading_ease": list(self.reading_ease),
            "max_avg_sentence_words": self.max_avg_sentence_words,
            "max_sentence_words": self.max_sentence_words,
            "max_paragraph_words": self.max_paragraph_words,
            "paragraph_grade_max": self.paragraph_grade_max,
            "min_document_words": self.min_document_words,
            "min_paragraph_words": self.min_paragraph_words,
        }


def problems(section: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(key, message) for each thing wrong in a [tool.draftlint.readability] table."""
    found: list[tuple[str, str]] = []
    for key, value in section.items():
        expected, kind = SETTINGS.get(key, ((), ""))
        if not expected:
            found.append(
                (key, f"unknown readability setting {key!r} (known: {', '.join(SETTINGS)})")
            )
        elif isinstance(value, bool) or not isinstance(value, expected):
            found.append((key, f"readability.{key} must be {kind}, not {value!r}"))
        elif key == "profile" and value not in PROFILES:
            found.append(
                (key, f"unknown readability profile {value!r} (choose from {', '.join(PROFILES)})")
            )
        elif isinstance(value, (int, float)) and value <= 0:
            found.append((key, f"readability.{key} must be greater than 0, not {value!r}"))
    if not found:
        targets = targets_from(section)
        low, high = targets.grade
        if low > high:
            found.append(
                ("grade_min", f"readability.grade_min ({low:g}) is above grade_max ({high:g})")
            )
    return found


def targets_from(section: Mapping[str, Any]) -> Targets:
    """The Targets of a [tool.draftlint.readability] table (checked by ``problems`` first)."""
    name = section.get("profile", DEFAULT_PROFILE)
    if name not in PROFILES:
        raise ValueError(
            f"unknown readability profile {name!r} (choose from {', '.join(PROFILES)})"
        )
    profile = PROFILES[name]
    grade_min = float(section.get("grade_min", profile.grade[0]))
    grade_max = float(section.get("grade_max", profile.grade[1]))
    return Targets(
        profile=name,
        grade=(grade_min, grade_max),
        reading_ease=profile.reading_ease,
        max_avg_sentence_words=profile.max_avg_sentence_words,
        max_sentence_words=int(section.get("max_sentence_words", profile.max_sentence_words)),
        max_paragraph_words=int(section.get("max_paragraph_words", profile.max_paragraph_words)),
        paragraph_grade_max=float(
            section.get("paragraph_grade_max", grade_max + PARAGRAPH_GRADE_MARGIN)
        ),
        min_document_words=int(section.get("min_document_words", MIN_DOCUMENT_WORDS)),
        min_paragraph_words=int(section.get("min_paragraph_words", MIN_PARAGRAPH_WORDS)),
    )
