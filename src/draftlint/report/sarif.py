"""SARIF 2.1.0 output, shaped for GitHub code scanning.

Each rule that has results is described with its doc (summary, what, why, bad and good
examples as help text and Markdown).  Each result carries a full region (1-based, columns in
code points, endColumn after the last character) and two partial fingerprints that survive
lines moving: ``primaryLocationLineHash``, computed exactly as GitHub's upload action computes
it (so the action keeps it without a warning, and uploads through the REST API do not duplicate
alerts), and ``draftlint/v1``, the baseline fingerprint of the finding itself.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from draftlint import __version__
from draftlint.registry import builtin_rules
from draftlint.report import ReportOptions
from draftlint.rule import FAMILIES, Rule
from draftlint.run.baseline import fingerprints
from draftlint.run.lint import FileResult
from draftlint.violation import Severity, Violation

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
PROBLEM_SEVERITY = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "recommendation",
}
_MAX_DESCRIPTION = 1024  # GitHub's limit for short and full descriptions


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_DESCRIPTION else text[: _MAX_DESCRIPTION - 1] + "\u2026"


def rule_descriptor(code: str, rule: Rule | None, example: Violation) -> dict[str, Any]:
    if rule is None:  # an outside engine's rule (LanguageTool, Harper): only what the finding says
        text = f"{example.name} ({example.source})"
        return {
            "id": code,
            "name": example.name,
            "shortDescription": {"text": _clip(text)},
            "fullDescription": {"text": _clip(text)},
            "help": {"text": f"Reported by {example.source} as {example.name}."},
            "properties": {"tags": [example.source]},
        }
    doc = rule.doc
    help_text = f"{doc.what}\n\nWhy: {doc.why}\n\nBad:\n{doc.bad}\n\nGood:\n{doc.good}\n"
    help_markdown = (
        f"**{rule.code} {rule.name}**: {rule.summary}\n\n"
        f"**What it flags.** {doc.what}\n\n**Why.** {doc.why}\n\n"
        f"**Bad**\n\n```text\n{doc.bad}\n```\n\n**Good**\n\n```text\n{doc.good}\n```\n"
    )
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _clip(rule.summary)},
        "fullDescription": {"text": _clip(doc.what)},
        "help": {"text": help_text, "markdown": help_markdown},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "tags": [FAMILIES.get(rule.family, rule.family), "prose"],
            "problem.severity": PROBLEM_SEVERITY[rule.severity],
        },
    }


def artifact_uri(path: str) -> str:
    """A path relative to the working directory (GitHub reads it from the repository root)."""
    absolute = os.path.abspath(path)
    rel = os.path.relpath(absolute, os.getcwd())
    if rel.startswith(".." + os.sep) or rel == ".." or os.path.isabs(rel):
        return Path(absolute).as_uri()
    return quote(rel.replace(os.sep, "/"), safe="/")


def line_hashes(text: str) -> dict[int, str]:
    """GitHub's primaryLocationLineHash for every line of ``text`` (1-based line -> hash).

    The same rolling hash as github/codeql-action's fingerprints: for each line, a base-37
    polynomial over the next 100 UTF-16 code units from the line's start, spaces and tabs
    skipped, CR/LF/CRLF read as one LF, 64-bit wraparound, the end of the file marked by
    65535 and zero padding; then ":n" counts earlier lines with the same hash.
    """
    block, mask = 100, (1 << 64) - 1
    first_mod = pow(37, block, 1 << 64)
    window = [0] * block
    line_numbers = [-1] * block
    counts: dict[str, int] = {}
    hashes: dict[int, str] = {}
    state = {"hash": 0, "index": 0, "line": 0, "line_start": True, "prev_cr": False}

    def output() -> None:
        value = format(state["hash"], "x")
        counts[value] = counts.get(value, 0) + 1
        hashes[line_numbers[state["index"]]] = f"{value}:{counts[value]}"
        line_numbers[state["index"]] = -1

    def update(current: int) -> None:
        index = state["index"]
        begin = window[index]
        window[index] = current
        state["hash"] = (37 * state["hash"] + current - first_mod * begin) & mask
        state["index"] = (index + 1) % block

    def process(current: int) -> None:
        if current in (0x20, 0x09) or (state["prev_cr"] and current == 0x0A):
            state["prev_cr"] = False
            return
        if current == 0x0D:
            current, state["prev_cr"] = 0x0A, True
        else:
            state["prev_cr"] = False
        if line_numbers[state["index"]] != -1:
            output()
        if state["line_start"]:
            state["line_start"] = False
            state["line"] += 1
            line_numbers[state["index"]] = state["line"]
        if current == 0x0A:
            state["line_start"] = True
        update(current)

    for char in text:
        code = ord(char)
        if code > 0xFFFF:  # JavaScript strings are UTF-16: a surrogate pair
            code -= 0x10000
            process(0xD800 + (code >> 10))
            process(0xDC00 + (code & 0x3FF))
        else:
            process(code)
    process(0xFFFF)
    for _ in range(block):
        if line_numbers[state["index"]] != -1:
            output()
        update(0)
    return hashes


def _text_of(result: FileResult) -> str | None:
    """The text the run linted (never the file re-read: it may have changed since)."""
    return result.document.text if result.document is not None else result.text


def result_object(
    v: Violation,
    rule_index: int,
    text: str | None,
    line_hashes_: dict[int, str],
    finding_hash: str | None,
) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": v.line,
        "startColumn": v.column,
        "endLine": v.end_line,
        "endColumn": v.end_column,
    }
    if text is not None:
        region["snippet"] = {"text": text[v.span.start : v.span.end]}
    message = v.message
    if v.suggestions:
        shown = ", ".join(repr(s) if s.strip() != s or not s else s for s in v.suggestions[:3])
        message += f" (suggestion: {shown})"
    result: dict[str, Any] = {
        "ruleId": v.code,
        "ruleIndex": rule_index,
        "level": LEVELS[v.severity],
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(v.path)},
                    "region": region,
                }
            }
        ],
    }
    prints = {}
    if v.line in line_hashes_:
        prints["primaryLocationLineHash"] = line_hashes_[v.line]
    if finding_hash is not None:
        prints["draftlint/v1"] = finding_hash
    if prints:
        result["partialFingerprints"] = prints
    if v.fixable:
        result["properties"] = {"fixable": True}
    return result


def sarif_log(results: Sequence[FileResult]) -> dict[str, Any]:
    registry = builtin_rules()
    ordered = sorted(results, key=lambda r: r.path)
    examples: dict[str, Violation] = {}
    for result in ordered:
        for v in result.violations:
            examples.setdefault(v.code, v)
    codes = sorted(examples)
    index = {code: i for i, code in enumerate(codes)}
    sarif_results = []
    notifications = []
    for result in ordered:
        if result.error:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": f"{result.path}: {result.error}"},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": artifact_uri(result.path)}
                            }
                        }
                    ],
                }
            )
            continue
        if not result.violations:
            continue
        text = _text_of(result)
        hashes = line_hashes(text) if text is not None else {}
        prints = (
            fingerprints(text, result.violations)
            if text is not None
            else [None] * len(result.violations)
        )
        for v, finding_hash in zip(result.violations, prints, strict=True):
            sarif_results.append(result_object(v, index[v.code], text, hashes, finding_hash))
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "draftlint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [
                    rule_descriptor(code, registry.get(code), examples[code]) for code in codes
                ],
            }
        },
        "invocations": [
            {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
        ],
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(results: Sequence[FileResult], stream: TextIO, options: ReportOptions) -> None:
    json.dump(sarif_log(results), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
