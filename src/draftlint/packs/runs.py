"""Pack rules at work: a data rule's kind run over the blocks its scope names in a document.

Findings are placed as Vale places them (a consistency alert found by searching its block, a
match across markup at the start of its line) and filtered as Vale filters them (comments that
switch a rule off, ignored patterns and classes, skipped scopes, the rule's ``limit``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from draftlint.drafts.document import Span
from draftlint.packs.file_checks import culprit_line
from draftlint.packs.files import PackError, RuleFile, build_kind, scopes_of
from draftlint.packs.kinds.base import FILE_START, Hit
from draftlint.packs.vale.regex import PatternError
from draftlint.packs.vale.scopes import ValeBlock, block_text, blocks_of, matches, parse_scope
from draftlint.packs.vale.vocabulary import Vocabulary
from draftlint.rule import Context
from draftlint.violation import Finding


class PackCheck:
    """The check function of a data rule: its kind run over the blocks its scope names."""

    def __init__(self, rule: RuleFile) -> None:
        self.rule = rule
        self.selectors = parse_scope(scopes_of(rule.fields))
        self._kinds: dict[Vocabulary, Any] = {}

    def kind(self, vocab: Vocabulary) -> Any:
        kind = self._kinds.get(vocab)
        if kind is None:
            try:
                kind = self._kinds[vocab] = build_kind(self.rule, vocab)
            except PatternError as exc:
                raise PackError(
                    self.rule.path, culprit_line(self.rule), f"bad regex: {exc}"
                ) from None
            except ValueError as exc:
                raise PackError(self.rule.path, self.rule.line("formula") or 1, str(exc)) from None
        return kind

    def __call__(self, document: Any, context: Context) -> Iterable[Finding]:
        ini = context.settings.vale
        kind = self.kind(ini.vocabulary if ini is not None else Vocabulary())
        from draftlint.packs.vale import filters as vale_filters  # noqa: PLC0415

        off = vale_filters.switched_off(document, self.rule.code) if document.comments else []
        ignored = vale_filters.ignored_ranges(
            document,
            ini.ignores_for(document.path) if ini is not None else [],
            tuple(ini.ignored_classes) + vale_filters.DEFAULT_CLASSES
            if ini is not None
            else vale_filters.DEFAULT_CLASSES,
            tuple(ini.ignored_scopes) if ini is not None else (),
        )
        skipped = frozenset(ini.skipped_scopes) if ini is not None else frozenset()
        limit = int(self.rule.fields.get("limit") or 0)
        seen: set[int] = set()
        findings: list[Finding] = []
        for finding, matched in self._findings(document, kind, skipped):
            span = finding.placed or document.to_source(finding.span)
            start = span.start
            if (
                start in seen
                or any(o.covers(start, matched) for o in off)
                or any(a <= start < b for a, b in ignored)
            ):
                continue
            seen.add(start)
            findings.append(finding)
            if limit and len(findings) >= limit:
                break
        return findings

    def _findings(
        self, document: Any, kind: Any, skipped: frozenset[str]
    ) -> Iterator[tuple[Finding, str]]:
        if self.rule.extends == "metric":
            yield from self._metric(document, kind)
            return
        state: dict[str, Any] = {}
        for block in blocks_of(document):
            if not matches(self.selectors, block) or (skipped and skipped & block.sections):
                continue
            body, where = block_text(document, block)
            for hit in kind.run(body, state):
                yield (
                    self._finding(document, block, body, where, hit),
                    body[max(hit.start, 0) : max(hit.end, 0)],
                )

    def _finding(
        self, document: Any, block: ValeBlock, body: str, where: list[int] | None, hit: Hit
    ) -> Finding:
        if hit.start == FILE_START:
            return _placed(document, Span(0, 0), hit.message, hit.suggestions)
        start, end = hit.start, hit.end
        if hit.search:  # Vale places these by searching the block for the matched text
            found = re.search(r"(?:^|\b|_)" + re.escape(body[start:end]) + r"(?:_|\b|$)", body)
            if found is not None:
                start, end = found.start(), found.end()
        if block.source:
            return _placed(
                document, Span(block.start + start, block.start + end), hit.message, hit.suggestions
            )
        if where is not None:
            start, end = (
                where[start] if start < len(where) else block.end,
                (where[end - 1] + 1) if end > start else where[start],
            )
        else:
            start, end = block.start + start, block.start + end
        span = document.to_source((start, end))
        if (
            not self.rule.draftlint
            and document.text[span.start : span.end] != document.prose[start:end]
        ):
            # The match runs across markup (``has <b>has</b>``, an entity): Vale cannot find
            # such text in the file and reports it at the start of its line; so do we.
            line_start = (
                max(
                    document.text.rfind("\n", 0, span.start),
                    document.text.rfind("\r", 0, span.start),
                )
                + 1
            )
            return _placed(document, Span(line_start, span.end), hit.message, hit.suggestions)
        return Finding(Span(start, end), hit.message, hit.suggestions)

    def _metric(self, document: Any, kind: Any) -> Iterator[tuple[Finding, str]]:
        from draftlint.packs.vale.metrics import variables  # noqa: PLC0415 - only metric rules need it

        hit = kind.measure(variables(document))
        if hit is not None:
            yield _placed(document, Span(0, 0), hit.message), ""


def _placed(
    document: Any, placed: Span, message: str, suggestions: tuple[str, ...] = ()
) -> Finding:
    """A finding Vale places in the file itself (an attribute, the top of the file, the start
    of a line); its prose span is the prose it falls in or before."""
    span = Span(document.to_prose(placed.start), document.to_prose(placed.end))
    return Finding(span, message, tuple(suggestions), placed=placed)
