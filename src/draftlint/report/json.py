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


def file_dict(result: FileResult) -> dict[str, Any]:
    """One file's entry of the report (also the Python API's ``Result.to_dict()``)."""
    return {
        "path": result.path,
        "format": result.format,
        "words": result.words,
        "error": result.error,
        "readability": result.readability,
        "violations": [violation_dict(v) for v in result.violations],
    }


def report_from_files(files: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The whole report from file entries, sorted by path, with the counts by severity."""
    counts = {level.label: 0 for level in sorted(Severity, reverse=True)}
    for entry in files:
        for v in entry["violations"]:
            counts[v["severity"]] += 1
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "draftlint", "version": __version__},
        "files": sorted(files, key=lambda entry: entry["path"]),
        "summary": {"files": len(files), "violations": sum(counts.values()), **counts},
    }


def report_dict(results: Sequence[FileResult]) -> dict[str, Any]:
    return report_from_files([file_dict(r) for r in results])


def render(results: Sequence[FileResult], stream: TextIO, options: ReportOptions) -> None:
    json.dump(report_dict(results), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
