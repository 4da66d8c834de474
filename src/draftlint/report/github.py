"""GitHub Actions workflow commands: one annotation per finding, within GitHub's caps.

A step shows at most 10 error, 10 warning and 10 notice annotations; the rest are dropped
silently.  So the most severe findings are annotated first, up to each cap, the others are
printed as plain log lines, and a notice says how many were not annotated.  When
``GITHUB_STEP_SUMMARY`` names a file, a Markdown table of counts by rule is appended to it.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from draftlint.report import ReportOptions
from draftlint.report.text import format_violation, summary_line
from draftlint.run.lint import FileResult
from draftlint.violation import Severity, Violation

#: Annotations of each kind GitHub shows per step.
CAP = 10
COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _path(path: str) -> str:
    """Paths relative to the workspace, as annotations need them to land on the file."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if workspace and os.path.isabs(path):
        rel = os.path.relpath(path, workspace)
        if not rel.startswith(".."):
            path = rel
    return os.path.normpath(path).replace(os.sep, "/")  # "./a.md" -> "a.md"


def annotation(v: Violation) -> str:
    props = [
        f"file={escape_property(_path(v.path))}",
        f"line={v.line}",
        f"endLine={v.end_line}",
        f"col={v.column}",
    ]
    if v.end_line == v.line:  # GitHub reads endColumn only on single-line annotations
        props.append(f"endColumn={max(v.end_column, v.column)}")
    props.append(f"title={escape_property(f'{v.code} {v.name}')}")
    message = v.message
    if v.suggestions:
        shown = ", ".join(repr(s) if s.strip() != s or not s else s for s in v.suggestions[:3])
        message += f" (suggestion: {shown})"
    return f"::{COMMANDS[v.severity]} {','.join(props)}::{escape_data(message)}"


def caps(counts: Counter[Severity]) -> dict[Severity, int]:
    """How many of each severity to annotate: one notice is kept for the overflow message."""
    overflow = any(counts[level] > CAP for level in Severity)
    return {
        Severity.ERROR: CAP,
        Severity.WARNING: CAP,
        Severity.INFO: CAP - 1 if overflow else CAP,
    }


def render(results: Sequence[FileResult], stream: TextIO, options: ReportOptions) -> None:
    ordered = sorted(results, key=lambda r: r.path)
    violations = [v for r in ordered if not r.error for v in r.violations]
    counts = Counter(v.severity for v in violations)
    limit = caps(counts)
    annotated: Counter[Severity] = Counter()
    rest = []
    for v in sorted(violations, key=lambda v: -v.severity):  # stable: file order within a level
        if annotated[v.severity] < limit[v.severity]:
            annotated[v.severity] += 1
            stream.write(annotation(v) + "\n")
        else:
            rest.append(v)
    for v in sorted(rest, key=lambda v: (v.path, v.span.start, v.code)):
        stream.write(format_violation(v) + "\n")
    if rest:
        more = f"{len(rest)} more finding{'s' if len(rest) != 1 else ''}"
        stream.write(
            f"::notice title=draftlint::{more} not annotated (GitHub shows {CAP} errors and "
            f"{CAP} warnings per step); they are listed in the log above\n"
        )
    if not options.quiet:
        stream.write(summary_line(results) + "\n")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(step_summary(results))


def step_summary(results: Sequence[FileResult]) -> str:
    """A Markdown section: the summary line and a table of counts by rule, most severe first."""
    by_code: Counter[str] = Counter()
    names: dict[str, tuple[str, Severity]] = {}
    for result in results:
        for v in result.violations:
            by_code[v.code] += 1
            name, level = names.get(v.code, (v.name, v.severity))
            names[v.code] = (name, max(level, v.severity))
    lines = ["### draftlint", "", summary_line(results), ""]
    if by_code:
        lines += ["| Rule | Name | Severity | Count |", "| --- | --- | --- | ---: |"]
        for code in sorted(by_code, key=lambda c: (-names[c][1], -by_code[c], c)):
            name, level = names[code]
            lines.append(f"| {code} | {name} | {level.label} | {by_code[code]} |")
        lines.append("")
    return "\n".join(lines) + "\n"
