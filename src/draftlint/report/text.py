"""Text output: ``path:line:col: CODE message [suggestion]``, then one summary line."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TextIO

from draftlint.report import ReportOptions
from draftlint.run.lint import FileResult
from draftlint.violation import Severity, Violation

_COLOURS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def use_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def suggestion_text(v: Violation) -> str:
    """ " [first, second, third]": the suggestions as the text report shows them (also in an
    editor's diagnostic); a suggestion with edge spaces or empty is quoted so it shows."""
    if not v.suggestions:
        return ""
    shown = ", ".join(repr(s) if s.strip() != s or not s else s for s in v.suggestions[:3])
    return f" [{shown}]"


def format_violation(v: Violation, colour: bool = False) -> str:
    suggestion = suggestion_text(v)
    if not colour:
        return f"{v.path}:{v.line}:{v.column}: {v.code} {v.message}{suggestion}"
    code = f"{_COLOURS[v.severity]}{_BOLD}{v.code}{_RESET}"
    return (
        f"{_BOLD}{v.path}{_RESET}:{v.line}:{v.column}: {code} {v.message}{_DIM}{suggestion}{_RESET}"
    )


def summary_line(results: Sequence[FileResult]) -> str:
    counts = {level: 0 for level in Severity}
    for result in results:
        for v in result.violations:
            counts[v.severity] += 1
    total = sum(counts.values())
    files = len(results)
    broken = sum(1 for r in results if r.error)
    file_word = "file" if files == 1 else "files"
    if total == 0:
        text = f"No problems found in {files} {file_word}."
    else:
        parts = [
            f"{counts[level]} {level.label}{'s' if counts[level] != 1 else ''}"
            for level in sorted(Severity, reverse=True)
            if counts[level]
        ]
        text = f"Found {total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) in {files} {file_word}."
    if broken:
        text += f" {broken} file{'s' if broken != 1 else ''} could not be read."
    return text


def render(results: Sequence[FileResult], stream: TextIO, options: ReportOptions) -> None:
    colour = use_colour(stream) if options.colour is None else options.colour
    quiet = options.quiet
    for result in sorted(results, key=lambda r: r.path):
        if result.error:
            continue  # reported on stderr by the CLI
        for v in result.violations:
            stream.write(format_violation(v, colour) + "\n")
    if options.statistics:
        for result in sorted(results, key=lambda r: r.path):
            line = statistics_line(result)
            if line:
                stream.write(line + "\n")
    if not quiet:
        stream.write(summary_line(results) + "\n")


def statistics_line(result: FileResult) -> str | None:
    """``path: readability ...`` - the file's scores in one line (``check --statistics``)."""
    data = result.readability
    scores = data.get("scores") if data else None
    if result.error or not scores:
        return None
    low, high = data["targets"]["grade"]
    grade = scores["flesch_kincaid_grade"]
    status = "above" if grade > high else "below" if grade < low else "within"
    return (
        f"{result.path}: readability: {scores['words']} words, {scores['sentences']} sentences "
        f"({scores['avg_sentence_length']:.1f} words each), Flesch-Kincaid grade {grade:.1f}"
        f" ({status} the {data['profile']} target {low:g}-{high:g}), reading ease "
        f"{scores['flesch_reading_ease']:.1f}, consensus grade {scores['consensus_grade']:.0f}, "
        f"{scores['reading_minutes']:.1f} min"
    )
