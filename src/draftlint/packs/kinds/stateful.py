"""The kinds whose verdict depends on earlier blocks: consistency and conditional.

They keep what they have seen in the ``state`` dict the pack runner passes, one per rule and
document (as Vale keeps it per file): ``consistency`` the variants seen, ``conditional`` the
terms defined.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from draftlint.packs.kinds.base import (
    Hit,
    as_strings,
    exceptions_pattern,
    found_in,
    phrases_pattern,
    within_phrase,
)
from draftlint.packs.vale import text as vt
from draftlint.packs.vale.regex import compile_pattern
from draftlint.packs.vale.vocabulary import NONWORD_TEMPLATE, Vocabulary


# ---------------------------------------------------------------------- consistency
@dataclass
class Consistency:
    fields: Mapping[str, Any]
    vocab: Vocabulary
    steps: list[tuple[Any, tuple[str, str]]] = field(init=False)

    def __post_init__(self) -> None:
        f = self.fields
        template = NONWORD_TEMPLATE if f.get("nonword", False) else self.vocab.word_template
        self.steps = []
        for n, (first, second) in enumerate((f.get("either") or {}).items()):
            names = (f"v{n}a", f"v{n}b")
            regex = template % f"(?P<{names[0]}>{first})|(?P<{names[1]}>{second})"
            if f.get("ignorecase", False):
                regex = "(?i)" + regex
            self.steps.append((compile_pattern(regex), names))

    def run(self, text: str, state: dict[str, Any]) -> list[Hit]:
        seen: set[str] = state.setdefault("seen", set())
        message = str(self.fields.get("message", ""))
        hits = []
        for pattern, names in self.steps:
            last: tuple[int, int] | None = None
            for m in pattern.finditer(text):
                for name in names:
                    if m.start(name) >= 0:
                        seen.add(name)
                        last = m.span(name)
            if last is not None and names[0] in seen and names[1] in seen:
                observed = text[last[0] : last[1]]
                hits.append(Hit(last[0], last[1], vt.go_sprintf(message, observed), search=True))
        return hits


# ---------------------------------------------------------------------- conditional
@dataclass
class Conditional:
    fields: Mapping[str, Any]
    vocab: Vocabulary
    first: Any = field(init=False)
    second: Any = field(init=False)
    grouped: bool = field(init=False)
    excepted: Any = field(init=False)
    phrases: Any = field(init=False)

    def __post_init__(self) -> None:
        f = self.fields
        second = str(f.get("second", ""))
        # Vale compiles both patterns as written: ``ignorecase`` does not reach them.
        self.second = compile_pattern(second)
        self.first = compile_pattern(str(f.get("first", "")))
        self.grouped = second.count("(") > second.count("(?") + second.count("\\(")
        use_vocab = bool(f.get("vocab", True))
        self.excepted = exceptions_pattern(as_strings(f.get("exceptions")), self.vocab, use_vocab)
        self.phrases = phrases_pattern(as_strings(f.get("exceptions")), self.vocab, use_vocab)

    def run(self, text: str, state: dict[str, Any]) -> list[Hit]:
        message = str(self.fields.get("message", ""))
        defined: set[str] = state.setdefault("defined", set())
        if not self.grouped:
            if self.second.search(text):
                return []
        else:
            for m in self.second.finditer(text):
                defined.update(g for g in m.groups() if g)
        hits = []
        for m in self.first.finditer(text):
            s = m.group()
            if self.grouped and s in defined:
                continue
            if found_in(self.excepted, s) or within_phrase(self.phrases, text, m.start(), m.end()):
                continue
            hits.append(Hit(m.start(), m.end(), vt.go_sprintf(message, s)))
        return hits
