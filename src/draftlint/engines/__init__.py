"""Outside engines (LanguageTool, Harper), filtered by draftlint's own word knowledge.

``outside_findings`` is called by ``run.lint`` after the built-in rules; what passes is placed
by the same builder as a rule's findings, suppressed with them and then merged.  An engine that cannot run
is skipped with one notice for the whole run (not one per file), and the built-in rules'
results stand.  Engine findings then pass three filters:

* a spelling finding stands only where our word model also doubts the word (at the severity
  ours gives it); on a word we know, or a name the draft uses, it is dropped;
* a readability nag (sentence length) is dropped: the RD rules own that judgement;
* a finding on the same span as a built-in violation is merged into it (``source`` names both).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from draftlint.drafts.document import Document, Span
from draftlint.engines.base import EngineFinding, EngineUnavailable
from draftlint.engines.rules import ENGINE_RULES
from draftlint.violation import Finding, Severity, Violation

ENGINE_NAMES = ("languagetool", "harper")


class Engine(Protocol):
    name: str

    def check(self, document: Document) -> list[EngineFinding]: ...

    def close(self) -> None: ...


class EngineSession:
    """The engines of one run: created lazily, skipped for the rest of the run once failed."""

    def __init__(
        self,
        names: Sequence[str],
        settings: dict[str, Any],
        dialect: str,
        notify: Callable[[str], None],
    ) -> None:
        unknown = [n for n in names if n not in ENGINE_NAMES]
        if unknown:
            raise ValueError(
                f"unknown engine {unknown[0]!r} (choose from {', '.join(ENGINE_NAMES)})"
            )
        self.names = list(dict.fromkeys(names))
        self.settings = settings
        self.dialect = dialect
        self.notify = notify
        self._engines: dict[str, Engine] = {}
        self.skipped: dict[str, str] = {}

    def _engine(self, name: str) -> Engine:
        if name not in self._engines:
            if name == "languagetool":
                from draftlint.engines.languagetool import LanguageToolEngine

                self._engines[name] = LanguageToolEngine(
                    self.settings.get("languagetool", {}), self.dialect
                )
            else:
                from draftlint.engines.harper import HarperEngine

                self._engines[name] = HarperEngine(self.settings.get("harper", {}), self.dialect)
        return self._engines[name]

    def findings(self, document: Document) -> list[tuple[str, EngineFinding]]:
        results: list[tuple[str, EngineFinding]] = []
        for name in self.names:
            if name in self.skipped:
                continue
            try:
                results.extend((name, f) for f in self._engine(name).check(document))
            except EngineUnavailable as exc:
                self.skipped[name] = str(exc)
                self.notify(f"{name} skipped: {exc}; the built-in rules ran")
        return results

    def close(self) -> None:
        for engine in self._engines.values():
            engine.close()


_SESSIONS: dict[tuple[Any, ...], EngineSession] = {}


def session_for(config: Any, notify: Callable[[str], None]) -> EngineSession:
    """The engines of this process for a config: built once, so a dead server is tried once."""
    settings = {name: config.engine_section(name) for name in ENGINE_NAMES}
    key = (
        tuple(config.engines),
        config.dialect,
        repr(sorted((k, sorted(v.items())) for k, v in settings.items())),
    )
    session = _SESSIONS.get(key)
    if session is None:
        session = _SESSIONS[key] = EngineSession(config.engines, settings, config.dialect, notify)
    session.notify = notify  # notices go to the file being linted now
    return session


def close_sessions() -> None:
    for session in _SESSIONS.values():
        session.close()
    _SESSIONS.clear()


@dataclass(frozen=True)
class Outside:
    """An engine's finding that passed the filters: a Finding like a rule's, and its code."""

    engine: str
    code: str  # LT1xx / HP1xx
    name: str  # the engine's own rule id
    finding: Finding  # prose coordinates; severity: the code's default, capped by our doubt


def outside_findings(
    findings: list[tuple[str, EngineFinding]], judge: Callable[[Span], Severity | None]
) -> list[Outside]:
    """Drop the readability nags and the spelling findings on words we know."""
    out = []
    for engine, finding in findings:
        if finding.is_readability:
            continue
        severity = _DEFAULT_SEVERITY.get(finding.code, Severity.INFO)
        if finding.is_spelling:
            ours = judge(finding.span)
            if ours is None:
                continue  # a word we know, or a name of the draft
            severity = min(severity, ours)  # our doubt about a word caps theirs
        out.append(
            Outside(
                engine,
                finding.code,
                finding.rule_id,
                Finding(finding.span, finding.message, finding.suggestions, severity=severity),
            )
        )
    return out


def merge_outside(builtin: list[Violation], outside: list[Violation]) -> list[Violation]:
    """The built-in violations with the engines' merged in: one on the same span as a built-in
    one adds its engine to ``source`` and its suggestions; the same finding twice is one."""
    by_span = {(v.span.start, v.span.end): i for i, v in enumerate(builtin)}
    merged = list(builtin)
    seen: set[tuple[int, int, str]] = set()
    for v in outside:
        key = (v.span.start, v.span.end)
        if key in by_span:
            i = by_span[key]
            if v.source not in merged[i].source.split("+"):
                merged[i] = _with_source(merged[i], v)
            continue
        if (*key, v.code) in seen:
            continue
        seen.add((*key, v.code))
        merged.append(v)
    return merged


#: The default severity of each engine code (engines/rules.py).
_DEFAULT_SEVERITY = {rule.code: rule.severity for rule in ENGINE_RULES}


def _with_source(v: Violation, other: Violation) -> Violation:
    suggestions = v.suggestions + tuple(s for s in other.suggestions if s not in v.suggestions)
    return replace(v, source=f"{v.source}+{other.source}", suggestions=suggestions[:5])
