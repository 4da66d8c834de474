"""JSON output, a versioned contract (schema in json_schema.json; README documents it)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from draftlint import __version__
from draftlint.report import ReportOptions
from draftlint.run.lint import FileResult
from draftlint.violation import Severity, Violation

SCHEMA_VERSION = 1


def violation_dict(v: Violation) -> dict[str, Any]:
    return {
        "code": v.code,
        "name": v.name,
        "severity": v.severity.label,
        "message": v.message,
        "suggestions": list(v.suggestions),
        "line": v.line,
        "column": v.column,
        "end_line": v.end_line,
        "end_column": v.end_column,
        "start": v.span.start,
        "end": v.span.end,
        "fixable": v.fixable,
        "source": v.source,
    }


def report_dict(results: Sequence[FileResult]) -> dict[str, Any]:
    counts = {level.label: 0 for level in sorted(Severity, reverse=True)}
    files = []
    for result in sorted(results, key=lambda r: r.path):
        for v in result.violations:
            counts[v.severity.label] += 1
        files.append(
            {
                "path": result.path,
                "format": result.format,
                "words": result.words,
                "error": result.error,
                "readability": result.readability,
                "violations": [violation_dict(v) for v in result.violations],
            }
        )
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "draftlint", "version": __version__},
        "files": files,
        "summary": {"files": len(results), "violations": sum(counts.values()), **counts},
    }


def render(results: Sequence[FileResult], stream: TextIO, options: ReportOptions) -> None:
    json.dump(report_dict(results), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
