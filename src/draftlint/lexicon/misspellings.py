"""Known misspellings: codespell's dictionary of common misspellings, read where it is installed.

wordfreq counts strings people write, misspellings included ("millitary", "accomodate" have a
frequency), so frequency alone lets a common misspelling pass as a rare word. A well-kept
public list settles those: codespell's ``dictionary.txt`` (about 65,000 ``wrong->right``
entries, maintained by the codespell project, data under CC BY-SA 3.0), read from the
installed ``codespell`` package at run time, never copied into this repository.

Only the main dictionary is used: its ``_rare``, ``_usage``, ``_informal`` and ``_code``
lists hold real words that are only *often* mistakes, and ``en-GB_to_en-US`` is a dialect
choice, not a misspelling. An entry the lexicon knows as a word ("despatched", "combatting")
is left to the lexicon: British and rare-but-right spellings are never called misspellings.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from draftlint.data_files import SortedLines


@cache
def listed_misspellings() -> SortedLines | None:
    """codespell's ``wrong->right`` lines; None when codespell is not installed.

    Read lazily (once per process, and only when a draft has a word the lexicon does not
    know) and kept as one string (4 MB less than a dict); each field is read on lookup."""
    try:
        text = (
            resources.files("codespell_lib")
            .joinpath("data", "dictionary.txt")
            .read_text(encoding="utf-8")
        )
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return None
    return SortedLines([line for line in text.splitlines() if "->" in line])


def listed_field(word: str) -> str | None:
    """codespell's raw corrections field for exactly ``word``, or None."""
    table = listed_misspellings()
    return None if table is None else table.after(word + "->")


def listed_correction(word: str) -> tuple[str, ...] | None:
    """The list's corrections of ``word`` in its case ("Febuary" -> ("February",)), or None."""
    if not word.isalpha():
        return None
    field = listed_field(word) or listed_field(word.lower()) or listed_field(word.capitalize())
    if field is None:
        return None
    # codespell's own reading: with a comma, what follows the last one is a reason (empty
    # for "fo->of, for, to,", meaning: ask, don't auto-fix) and the rest the corrections
    if "," in field:
        field = field[: field.rfind(",")]
    corrections = tuple(_in_case_of(word, c.strip()) for c in field.split(",") if c.strip())
    return corrections or None


def _in_case_of(typed: str, correction: str) -> str:
    if typed.isupper() and len(typed) > 1:
        return correction.upper()
    if typed[:1].isupper():
        return correction[:1].upper() + correction[1:]
    return correction
