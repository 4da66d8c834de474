"""Outside engines (LanguageTool, Harper), filtered by draftlint's own word knowledge.

``run_engines`` is called by the engine after the built-in rules.  An engine that cannot run
is skipped with one notice for the whole run (not one per file), and the built-in rules'
results stand.  Engine findings then pass three filters:

* a spelling finding stands only where our word model also doubts the word (at the severity
  ours gives it); on a word we know, or a name the draft uses, it is dropped;
* a readability nag (sentence length) is dropped: the RD rules own that judgement;
* a finding on the same span as a built-in violation is merged into it (``source`` names both).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from draftlint.drafts.document import Document, Span
from draftlint.engines.base import EngineFinding, EngineUnavailable
from draftlint.violation import Severity, Violation

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
    settings = {name: config.section(name) for name in ENGINE_NAMES}
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


def engine_violations(
    document: Document,
    findings: list[tuple[str, EngineFinding]],
    builtin: list[Violation],
    judge: Callable[[Span], Severity | None],
) -> list[Violation]:
    """Filter engine findings and merge them with the built-in violations; returns all."""
    by_span = {(v.span.start, v.span.end): i for i, v in enumerate(builtin)}
    merged = list(builtin)
    seen: set[tuple[int, int, str]] = set()
    for engine, finding in findings:
        if finding.is_readability:
            continue
        severity = _default_severity(finding.code)
        if finding.is_spelling:
            ours = judge(finding.span)
            if ours is None:
                continue  # a word we know, or a name of the draft
            severity = min(severity, ours)  # our doubt about a word caps theirs
        span = document.to_source(finding.span)
        key = (span.start, span.end)
        if key in by_span:
            i = by_span[key]
            v = merged[i]
            if engine not in v.source.split("+"):
                merged[i] = _with_source(v, engine, finding)
            continue
        if (span.start, span.end, finding.code) in seen:
            continue
        seen.add((span.start, span.end, finding.code))
        line, column = document.line_col(span.start)
        end_line, end_column = document.line_col(span.end)
        merged.append(
            Violation(
                path=document.path,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                code=finding.code,
                name=finding.rule_id,
                severity=severity,
                span=span,
                message=finding.message,
                suggestions=finding.suggestions,
                fix=None,
                source=engine,
            )
        )
    merged.sort(key=lambda v: (v.span.start, v.span.end, v.code))
    return merged


def _default_severity(code: str) -> Severity:
    from draftlint.registry import engine_rules

    rule = engine_rules().get(code)
    return rule.severity if rule else Severity.INFO


def _with_source(v: Violation, engine: str, finding: EngineFinding) -> Violation:
    from dataclasses import replace

    suggestions = v.suggestions + tuple(s for s in finding.suggestions if s not in v.suggestions)
    return replace(v, source=f"{v.source}+{engine}", suggestions=suggestions[:5])
