"""Violations as LSP diagnostics, and the quick fixes they offer as code actions."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types as lsp

from draftlint import __version__
from draftlint.drafts.document import Document
from draftlint.report.text import suggestion_text
from draftlint.rule import Rule
from draftlint.rule_docs import render_rule_markdown
from draftlint.run.fix import Edit, candidate_edits, offered_edits, select_edits
from draftlint.server.positions import LineIndex
from draftlint.violation import Severity, Violation

SEVERITIES = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}
FIX_ALL = f"{lsp.CodeActionKind.SourceFixAll.value}.draftlint"
MAX_SUGGESTIONS = 5  # quick fixes per finding: more is noise in an editor's menu


class DocLinks:
    """The documentation link of each rule: ``template`` (an initialisation option such as
    ``https://docs.example.org/rules/{code}``) or, by default, a page written once into the user's
    cache (the same text as ``draftlint rule CODE``) so that the link works offline."""

    def __init__(self, template: str | None = None, folder: Path | None = None) -> None:
        self.template = template
        self.folder = folder or _cache_folder()
        self._written: dict[tuple[str, str], str | None] = {}

    def href(self, rule: Rule | None) -> str | None:
        if rule is None:
            return None
        if self.template:
            return self.template.format(code=rule.code, lower=rule.code.lower())
        key = (rule.origin, rule.code)
        if key not in self._written:
            self._written[key] = self._write(rule)
        return self._written[key]

    def _write(self, rule: Rule) -> str | None:
        page = self.folder / (
            rule.code if rule.origin == "builtin" else f"{rule.code}-{rule.origin}"
        )
        page = page.with_suffix(".md")
        text = render_rule_markdown(rule)
        try:
            if not page.is_file() or page.read_text(encoding="utf-8") != text:
                page.parent.mkdir(parents=True, exist_ok=True)
                temporary = page.with_suffix(f".{os.getpid()}.tmp")
                temporary.write_text(text, encoding="utf-8")
                temporary.replace(page)  # atomic: two servers may write the same page
        except OSError:
            return None  # no link rather than a broken one
        return page.resolve().as_uri()


def _cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")
    try:
        return Path(base) / "draftlint" / __version__ / "rules"
    except RuntimeError:  # no home directory
        return Path(tempfile.gettempdir()) / f"draftlint-{__version__}-rules"


@dataclass
class Linted:
    """One lint of one version of a document: what the code actions are computed from."""

    version: int | None
    text: str
    index: LineIndex
    violations: list[Violation]
    diagnostics: list[lsp.Diagnostic]
    document: Document | None

    @classmethod
    def empty(cls, version: int | None, text: str, encoding: str) -> Linted:
        return cls(version, text, LineIndex(text, encoding), [], [], None)

    def range(self, start: int, end: int) -> lsp.Range:
        (l1, c1), (l2, c2) = self.index.position(start), self.index.position(end)
        return lsp.Range(lsp.Position(l1, c1), lsp.Position(l2, c2))


def diagnostic(v: Violation, linted_range: lsp.Range, href: str | None) -> lsp.Diagnostic:
    return lsp.Diagnostic(
        range=linted_range,
        message=v.message + suggestion_text(v),
        severity=SEVERITIES[v.severity],
        code=v.code,
        code_description=lsp.CodeDescription(href=href) if href else None,
        source="draftlint" if v.source == "draftlint" else f"draftlint ({v.source})",
    )


def build(
    version: int | None,
    text: str,
    encoding: str,
    violations: list[Violation],
    document: Document | None,
    rules: Mapping[str, Rule],
    links: DocLinks,
) -> Linted:
    linted = Linted(version, text, LineIndex(text, encoding), violations, [], document)
    linted.diagnostics = [
        diagnostic(v, linted.range(*v.span), links.href(rules.get(v.code))) for v in violations
    ]
    return linted


def _edit(linted: Linted, uri: str, edits: Iterable[Edit]) -> lsp.WorkspaceEdit:
    text_edits = [lsp.TextEdit(linted.range(e.start, e.end), e.replacement) for e in edits]
    return lsp.WorkspaceEdit(changes={uri: text_edits})


def code_actions(
    linted: Linted, uri: str, start: int, end: int, only: list[str] | None
) -> list[lsp.CodeAction]:
    """The quick fixes of the findings that touch [start, end], then "fix all" when the file
    has safe fixes; ``only`` is the client's filter of kinds (prefixes, as LSP defines)."""

    def wanted(kind: str) -> bool:
        return only is None or any(kind == k or kind.startswith(k + ".") for k in only)

    actions: list[lsp.CodeAction] = []
    if wanted(lsp.CodeActionKind.QuickFix.value):
        for v, diag in zip(linted.violations, linted.diagnostics, strict=True):
            if v.span.end < start or v.span.start > end:
                continue
            for edit in offered_edits(linted.text, v, linted.document)[:MAX_SUGGESTIONS]:
                shown = edit.replacement or "nothing"
                actions.append(
                    lsp.CodeAction(
                        title=f"{v.code}: replace with '{shown}'"
                        if edit.unsafe
                        else f"{v.code}: fix ('{shown}')",
                        kind=lsp.CodeActionKind.QuickFix,
                        diagnostics=[diag],
                        is_preferred=not edit.unsafe,
                        edit=_edit(linted, uri, [edit]),
                    )
                )
    if wanted(FIX_ALL):
        safe = select_edits(candidate_edits(linted.text, linted.violations, False, linted.document))
        if safe:
            actions.append(
                lsp.CodeAction(
                    title=f"draftlint: fix all safe problems ({len(safe)})",
                    kind=FIX_ALL,
                    edit=_edit(linted, uri, safe),
                )
            )
    return actions
