"""Rules: a check function plus its code, name, default severity and documentation."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from draftlint.config.settings import Settings
from draftlint.drafts.document import Document
from draftlint.violation import Finding, Severity

CODE_PATTERN = re.compile(r"^[A-Z]{2}\d{3}$")

#: Code families (see STYLE.md); a rule's code must start with one of these.
FAMILIES: dict[str, str] = {
    "SP": "spelling",
    "WS": "spacing",
    "GR": "words and grammar",
    "QT": "quotations",
    "CN": "consistency",
    "RD": "readability",
    "ST": "house style",
    "AR": "artefacts",
    "LT": "LanguageTool",
    "HP": "Harper",
    "VL": "Vale-style packs",
}


@dataclass(frozen=True)
class RuleDoc:
    """What a rule flags, why it matters, and a bad example with its good version."""

    what: str
    why: str
    bad: str
    good: str


@dataclass(frozen=True)
class Context:
    """What a check may read besides the document: the run's settings.

    ``options`` holds this rule's own settings from config (``[tool.draftlint.rules.CODE]``),
    ``settings`` the document-wide ones (dialect, sensitivity, vocabularies, readability
    targets ...), typed and validated when the config was read.
    """

    options: Mapping[str, Any] = field(default_factory=dict)
    settings: Settings = field(default_factory=Settings)


CheckFunction = Callable[[Document, Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    doc: RuleDoc
    check: CheckFunction
    fixable: bool = False
    #: Where the rule comes from: "builtin" for code rules, a pack name for data rules.
    origin: str = "builtin"
    #: The file that defines a data rule (its YAML); empty for code rules, whose place is
    #: their check function's (see ``rule_docs.rule_location``).
    source: str = ""

    @property
    def family(self) -> str:
        return self.code[:2]


def rule(
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    *,
    what: str,
    why: str,
    bad: str,
    good: str,
    fixable: bool = False,
) -> Callable[[CheckFunction], Rule]:
    """Decorator that turns a check function into a Rule (register it in its module's RULES)."""

    def wrap(check: CheckFunction) -> Rule:
        return Rule(
            code=code,
            name=name,
            severity=severity,
            summary=summary,
            doc=RuleDoc(what=what, why=why, bad=bad, good=good),
            check=check,
            fixable=fixable,
        )

    return wrap
