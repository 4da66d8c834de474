"""The kinds that judge a text whole rather than find tokens: capitalization and metric.

``capitalization`` holds one block (a heading, say) against a case style; ``metric`` evaluates
a formula over the whole document's counts (the pack runner calls its ``measure``, not ``run``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from draftlint.packs.kinds.base import (
    FILE_START,
    Hit,
    action_of,
    as_strings,
    exceptions_pattern,
    found_in,
)
from draftlint.packs.vale import text as vt
from draftlint.packs.vale.regex import compile_pattern
from draftlint.packs.vale.vocabulary import Vocabulary


# ------------------------------------------------------------------- capitalization
@dataclass
class Capitalization:
    fields: Mapping[str, Any]
    vocab: Vocabulary
    excepted: Any = field(init=False)
    custom: Any = field(init=False, default=None)

    def __post_init__(self) -> None:
        f = self.fields
        use_vocab = bool(f.get("vocab", True))
        self.excepted = exceptions_pattern(as_strings(f.get("exceptions")), self.vocab, use_vocab)
        self.exceptions = as_strings(f.get("exceptions")) + (
            list(self.vocab.accepted) if use_vocab else []
        )
        match = str(f.get("match", ""))
        if match not in ("$title", "$sentence", "$lower", "$upper"):
            self.custom = compile_pattern(match)

    def _verdict(self, text: str) -> tuple[str, bool]:
        f = self.fields
        match = str(f.get("match", ""))
        threshold = float(f.get("threshold", 0) or 0) or 0.8
        prefix = str(f.get("prefix", "") or "")
        body = text
        if prefix:
            lead = re.match(prefix, text)
            if lead:
                body = text[lead.end() :]
        if match == "$title":
            style = str(f.get("style", "AP"))
            expected = vt.title_case(body, style, self.exceptions)
            return expected, vt.is_title_case(
                body, style, self.excepted, self.exceptions, threshold
            )
        if match == "$sentence":
            indicators = as_strings(f.get("indicators"))
            return vt.is_sentence_case(body, indicators, self.excepted, self.exceptions, threshold)
        if match == "$lower":
            return text.lower(), text == text.lower() or found_in(self.excepted, text)
        if match == "$upper":
            return text.upper(), text == text.upper() or found_in(self.excepted, text)
        return match, bool(self.custom.search(text)) or found_in(self.excepted, text)

    def run(self, text: str, state: dict[str, Any]) -> list[Hit]:
        stripped = text.strip()
        if not stripped:
            return []
        lead = len(text) - len(text.lstrip())
        expected, ok = self._verdict(stripped)
        if ok:
            return []
        message = vt.go_sprintf(str(self.fields.get("message", "")), stripped, expected)
        name, _ = action_of(self.fields)
        suggestions = (
            (expected,)
            if name == "replace" and self.fields.get("match") in ("$title", "$sentence")
            else ()
        )
        return [Hit(lead, lead + len(stripped), message, suggestions)]


# --------------------------------------------------------------------------- metric
@dataclass
class Metric:
    """A formula over the document's counts; evaluated by the pack runner (document-wide)."""

    fields: Mapping[str, Any]
    vocab: Vocabulary
    formula: Any = field(init=False)
    condition: str = field(init=False)

    def __post_init__(self) -> None:
        self.formula = vt.parse_formula(str(self.fields.get("formula", "")))
        self.condition = str(self.fields.get("condition", "")).strip()
        vt.parse_formula("0 " + self.condition)  # a bad condition fails at load time

    def measure(self, variables: Mapping[str, float]) -> Hit | None:
        value = vt.evaluate(self.formula, variables)
        if not isinstance(value, (int, float)) or value != value:  # nan: nothing to say
            return None
        verdict = vt.evaluate(vt.parse_formula(f"{float(value)!r} {self.condition}"), variables)
        if not verdict:
            return None
        return Hit(
            FILE_START,
            FILE_START,
            vt.go_sprintf(str(self.fields.get("message", "")), f"{value:.2f}"),
        )

    def run(self, text: str, state: dict[str, Any]) -> list[Hit]:
        return []
