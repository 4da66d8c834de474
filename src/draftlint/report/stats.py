"""``draftlint stats``: the readability scores of drafts side by side, as a table or JSON.

For editors comparing drafts (or versions of one): no rules run, only the readability numbers
the RD rules and the JSON report use (readability_document.report_data), with each file's own
config deciding the target profile.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from draftlint import __version__
from draftlint.config.discovery import ConfigResolver
from draftlint.drafts import formats
from draftlint.readability.document import report_data
from draftlint.run.lint import STDIN, InputError, expand_paths, read_source

#: (heading, score key, format) of the table's number columns.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("words", "words", "d"),
    ("sents", "sentences", "d"),
    ("w/sent", "avg_sentence_length", ".1f"),
    ("ease", "flesch_reading_ease", ".1f"),
    ("FK", "flesch_kincaid_grade", ".1f"),
    ("fog", "gunning_fog", ".1f"),
    ("SMOG", "smog_index", ".1f"),
    ("CLI", "coleman_liau_index", ".1f"),
    ("DC", "dale_chall", ".1f"),
    ("ARI", "automated_readability_index", ".1f"),
    ("cons", "consensus_grade", ".0f"),
    ("min", "reading_minutes", ".1f"),
)
LEGEND = (
    "ease: Flesch Reading Ease (higher is easier); FK: Flesch-Kincaid grade; fog: Gunning Fog;\n"
    "CLI: Coleman-Liau; DC: Dale-Chall; ARI: Automated Readability Index; cons: consensus grade;\n"
    "min: reading minutes at 238 words a minute; target: the FK grade against the profile's range"
)


@dataclass
class FileStats:
    path: str
    format: str | None = None
    error: str | None = None
    readability: dict[str, Any] | None = None


def collect(
    paths: Sequence[str], resolver: ConfigResolver, stdin_name: str = "-"
) -> list[FileStats]:
    """Each file's readability (directories walked as ``check`` walks them)."""
    found: list[FileStats] = []
    for path, error in expand_paths(paths, resolver):
        if error:
            found.append(FileStats(path, error=error))
            continue
        try:
            text = sys.stdin.read() if path == STDIN else read_source(path)
        except InputError as exc:
            found.append(FileStats(path, error=str(exc)))
            continue
        name = stdin_name if path == STDIN else path
        document = formats.parse(name, text)
        config = resolver.for_path(Path.cwd() if path == STDIN else Path(path))
        found.append(
            FileStats(name, document.format, None, report_data(document, config.readability))
        )
    return found


def render_json(rows: Sequence[FileStats], stream: TextIO) -> None:
    files = [
        {"path": r.path, "format": r.format, "error": r.error, "readability": r.readability or {}}
        for r in rows
    ]
    data = {"version": 1, "tool": {"name": "draftlint", "version": __version__}, "files": files}
    json.dump(data, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def render_table(rows: Sequence[FileStats], stream: TextIO) -> None:
    good = [r for r in rows if r.readability]
    if not good:
        return
    width = max(len("path"), *(len(r.path) for r in good))
    cells = [[_cell(r.readability["scores"][key], fmt) for _, key, fmt in COLUMNS] for r in good]  # type: ignore[index]
    widths = [
        max(len(head), *(len(row[i]) for row in cells)) for i, (head, _, _) in enumerate(COLUMNS)
    ]
    head = "  ".join(h.rjust(w) for (h, _, _), w in zip(COLUMNS, widths, strict=True))
    stream.write(f"{'path':<{width}}  {head}  target\n")
    for r, row in zip(good, cells, strict=True):
        numbers = "  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True))
        stream.write(f"{r.path:<{width}}  {numbers}  {_target(r.readability)}\n")  # type: ignore[arg-type]
    stream.write(LEGEND + "\n")


def _cell(value: float, fmt: str) -> str:
    return format(round(value) if fmt == "d" else value, fmt)


def _target(data: dict[str, Any]) -> str:
    low, high = data["targets"]["grade"]
    grade = data["scores"]["flesch_kincaid_grade"]
    if data["scores"]["words"] < data["targets"]["min_document_words"]:
        return f"too short to judge ({data['profile']} {low:g}-{high:g})"
    where = "above" if grade > high else "below" if grade < low else "within"
    return f"{where} {data['profile']} {low:g}-{high:g}"
