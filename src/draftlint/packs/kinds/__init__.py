"""The data-rule kinds: Vale's extension points, each a small matcher over one block of text.

A kind is built from a rule's YAML fields (Vale's names and defaults) and the run's vocabulary,
then ``run(text, state)`` returns Hits in the block's own offsets.  ``state`` is one dict per
rule and document, for the kinds whose verdict depends on earlier blocks (``conditional``
remembers definitions, ``consistency`` the variants seen), as Vale keeps them per file.

This module is the registry: which kinds exist and the fields each one takes.  The kinds
live in ``kind_matchers`` (tokens in one block), ``kind_stateful`` (verdicts that remember
earlier blocks) and ``kind_whole_text`` (a block or the document judged whole), built on
``kind_base`` (Hit, Vocabulary, and the regexes built exactly as Vale builds them).  Their
public names are re-exported here, where the pack loader and the Vale config import them.
"""

from __future__ import annotations

from draftlint.packs.kinds.base import FILE_START, Hit
from draftlint.packs.kinds.matchers import Existence, Occurrence, Repetition, Substitution
from draftlint.packs.kinds.stateful import Conditional, Consistency
from draftlint.packs.kinds.whole_text import Capitalization, Metric
from draftlint.packs.vale.vocabulary import NONWORD_TEMPLATE, WORD_TEMPLATE, Vocabulary

__all__ = [
    "COMMON_KEYS",
    "FILE_START",
    "KINDS",
    "KIND_KEYS",
    "NONWORD_TEMPLATE",
    "REQUIRED_KEYS",
    "UNSUPPORTED_KINDS",
    "WORD_TEMPLATE",
    "Capitalization",
    "Conditional",
    "Consistency",
    "Existence",
    "Hit",
    "Metric",
    "Occurrence",
    "Repetition",
    "Substitution",
    "Vocabulary",
]

#: extends -> kind class.  Vale's other kinds (spelling, sequence, script, readability) are
#: recognised and skipped with a note by the pack loader.
KINDS: dict[str, type] = {
    "existence": Existence,
    "substitution": Substitution,
    "occurrence": Occurrence,
    "repetition": Repetition,
    "consistency": Consistency,
    "conditional": Conditional,
    "capitalization": Capitalization,
    "metric": Metric,
}
UNSUPPORTED_KINDS = ("spelling", "sequence", "script", "readability")

COMMON_KEYS = frozenset(
    {
        "extends",
        "message",
        "description",
        "level",
        "limit",
        "link",
        "scope",
        "action",
        "name",
        "selector",
        "matchcase",
        "tests",
    }
)
#: Vale's fields per kind (mapstructure names, lower-cased); anything else is an error.
KIND_KEYS: dict[str, frozenset[str]] = {
    "existence": frozenset(
        {"raw", "tokens", "exceptions", "append", "ignorecase", "nonword", "vocab"}
    ),
    "substitution": frozenset(
        {"exceptions", "swap", "ignorecase", "nonword", "vocab", "capitalize", "pos"}
    ),
    "occurrence": frozenset({"token", "max", "min", "ignorecase"}),
    "repetition": frozenset({"tokens", "max", "ignorecase", "alpha", "vocab", "exceptions"}),
    "consistency": frozenset({"either", "nonword", "ignorecase"}),
    "conditional": frozenset({"exceptions", "first", "second", "ignorecase", "vocab"}),
    "capitalization": frozenset(
        {"match", "style", "exceptions", "indicators", "threshold", "vocab", "prefix"}
    ),
    "metric": frozenset({"formula", "condition"}),
}
#: Keys a kind cannot work without.
REQUIRED_KEYS: dict[str, tuple[str, ...]] = {
    "substitution": ("swap",),
    "occurrence": ("token",),
    "repetition": ("tokens",),
    "consistency": ("either",),
    "conditional": ("first", "second"),
    "capitalization": ("match",),
    "metric": ("formula", "condition"),
}
