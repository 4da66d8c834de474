"""Documentation entries for the codes outside engines report under (LT1xx, HP1xx).

These are not code rules: the engines' own checks produce the findings.  They are listed so
that ``draftlint rules``, ``draftlint rule LT102``, SARIF metadata and the HTML report can
describe every code a run may print, and so config can select, ignore or re-level them.
"""

from __future__ import annotations

from collections.abc import Iterator

from draftlint.drafts.document import Document
from draftlint.rule import Context, Rule, RuleDoc
from draftlint.violation import Finding, Severity


def _no_check(document: Document, context: Context) -> Iterator[Finding]:
    return iter(())


#: Categories whose findings are matters of taste or layout (style, typography, word choice,
#: formatting): notes, not warnings, so that an engine never makes a clean draft fail.
#: Harper's grammar lints (HP102) join them: on clean news most are wrong ("Some 37 countries").
_NOTES = frozenset(
    {
        "LT105",
        "LT107",
        "LT108",
        "LT199",
        "HP102",
        "HP103",
        "HP104",
        "HP105",
        "HP106",
        "HP107",
        "HP199",
    }
)


def _rule(code: str, name: str, engine: str, category: str, bad: str, good: str) -> Rule:
    return Rule(
        code=code,
        name=name,
        severity=Severity.INFO if code in _NOTES else Severity.WARNING,
        summary=f"{engine} finding in its {category} category.",
        doc=RuleDoc(
            what=f"What {engine} reports in its {category} category, after draftlint's filters "
            "(spelling findings on known words and the draft's names dropped; findings at the "
            "same place as a built-in rule merged into it). The violation's name is the "
            f"engine's own rule id. Runs only with --engine {engine.lower()} or the engines key.",
            why=f"{engine} knows many patterns the built-in rules do not cover.",
            bad=bad,
            good=good,
        ),
        check=_no_check,
        origin=engine.lower(),
    )


ENGINE_RULES: tuple[Rule, ...] = (
    _rule(
        "LT101",
        "languagetool-spelling",
        "LanguageTool",
        "typos (TYPOS)",
        "The onee there.",
        "The one there.",
    ),
    _rule(
        "LT102",
        "languagetool-grammar",
        "LanguageTool",
        "grammar (GRAMMAR)",
        "He were late.",
        "He was late.",
    ),
    _rule(
        "LT103",
        "languagetool-confused-words",
        "LanguageTool",
        "confused words (CONFUSED_WORDS)",
        "Their going home.",
        "They're going home.",
    ),
    _rule(
        "LT104",
        "languagetool-punctuation",
        "LanguageTool",
        "punctuation (PUNCTUATION)",
        "However the vote failed.",
        "However, the vote failed.",
    ),
    _rule(
        "LT105",
        "languagetool-typography",
        "LanguageTool",
        "typography (TYPOGRAPHY)",
        "It cost 5 - 10 dollars.",
        "It cost 5\u201310 dollars.",
    ),
    _rule(
        "LT106",
        "languagetool-casing",
        "LanguageTool",
        "casing (CASING)",
        "the vote failed.",
        "The vote failed.",
    ),
    _rule(
        "LT107",
        "languagetool-style",
        "LanguageTool",
        "style (STYLE, REDUNDANCY, PLAIN_ENGLISH)",
        "They returned back.",
        "They returned.",
    ),
    _rule(
        "LT108",
        "languagetool-semantics",
        "LanguageTool",
        "semantics and collocations",
        "On Monday, 3 May 2022.",
        "On Tuesday, 3 May 2022.",
    ),
    _rule(
        "LT199",
        "languagetool-other",
        "LanguageTool",
        "other (MISC and new categories)",
        "The the vote.",
        "The vote.",
    ),
    _rule(
        "HP101",
        "harper-spelling",
        "Harper",
        "Spelling",
        "Whaterver the result.",
        "Whatever the result.",
    ),
    _rule(
        "HP102",
        "harper-grammar",
        "Harper",
        "Agreement and Grammar",
        "There are little ties.",
        "There are few ties.",
    ),
    _rule(
        "HP103",
        "harper-word-choice",
        "Harper",
        "WordChoice, Usage, Eggcorn, Malapropism",
        "For all intensive purposes.",
        "For all intents and purposes.",
    ),
    _rule("HP104", "harper-punctuation", "Harper", "Punctuation", "Really ?", "Really?"),
    _rule("HP105", "harper-formatting", "Harper", "Formatting", "two  spaces", "two spaces"),
    _rule(
        "HP106",
        "harper-capitalization",
        "Harper",
        "Capitalization",
        "the vote failed.",
        "The vote failed.",
    ),
    _rule(
        "HP107",
        "harper-style",
        "Harper",
        "Style, Enhancement, Redundancy",
        "in order to go",
        "to go",
    ),
    _rule("HP108", "harper-repetition", "Harper", "Repetition", "the the vote", "the vote"),
    _rule("HP199", "harper-other", "Harper", "Miscellaneous and new kinds", "(any)", "(any)"),
)
