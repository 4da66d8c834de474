"""Harper through harper-py (the optional extra ``draftlint[harper]``): fast and offline."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from draftlint.drafts.document import Document, Span
from draftlint.engines.base import EngineFinding, EngineUnavailable

#: Harper lint kind -> our code.  Unknown kinds fall to HP199.
KIND_CODES: dict[str, str] = {
    "Spelling": "HP101",
    "Agreement": "HP102",
    "Grammar": "HP102",
    "WordChoice": "HP103",
    "Usage": "HP103",
    "Eggcorn": "HP103",
    "Malapropism": "HP103",
    "Punctuation": "HP104",
    "Formatting": "HP105",
    "Capitalization": "HP106",
    "Style": "HP107",
    "Enhancement": "HP107",
    "Redundancy": "HP107",
    "Repetition": "HP108",
    "Miscellaneous": "HP199",
}
_DIALECTS = {
    "en-US": "AMERICAN",
    "en-GB": "BRITISH",
    "en-AU": "AUSTRALIAN",
    "en-CA": "CANADIAN",
    "en-IN": "INDIAN",
}


class HarperEngine:
    name = "harper"
    _linters: dict[str, Any] = {}  # built once per dialect per process: construction costs ~1 s

    def __init__(self, settings: Mapping[str, Any], dialect: str) -> None:
        self.dialect = settings.get("dialect") or (dialect if dialect in _DIALECTS else "en-US")

    def _linter(self) -> Any:
        try:
            import harper
        except ImportError:
            raise EngineUnavailable(
                "harper-py is not installed (pip install 'draftlint[harper]')"
            ) from None
        if self.dialect not in self._linters:
            self._linters[self.dialect] = harper.Linter(
                getattr(harper.Dialect, _DIALECTS[self.dialect])
            )
        return self._linters[self.dialect]

    def close(self) -> None:
        pass

    def check(self, document: Document) -> list[EngineFinding]:
        import harper

        linter = self._linter()
        prose = document.prose
        findings = []
        # Harper reads the prose as plain text: markup is already gone, and its spans are
        # code points, as ours are.  organized_lints keys each lint by the rule that made it.
        by_rule = linter.organized_lints(prose, language=harper.Language.PLAINTEXT)
        for rule_name, lints in sorted(by_rule.items()):
            for lint in lints:
                kind = lint.lint_kind
                findings.append(
                    EngineFinding(
                        span=Span(lint.span.start, lint.span.end),
                        code=KIND_CODES.get(kind, "HP199"),
                        rule_id=rule_name,
                        message=lint.message,
                        suggestions=tuple(s.replacement_text for s in lint.suggestions[:5]),
                        is_spelling=kind == "Spelling",
                        is_readability=kind == "Readability",
                    )
                )
        findings.sort(key=lambda f: (f.span.start, f.span.end, f.rule_id))
        return findings
