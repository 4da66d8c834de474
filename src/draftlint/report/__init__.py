"""Reporters: each renders a run's FileResults in one output format.

A reporter module has ``render(results, stream, options)``; add a format by adding a line
to RENDERERS (modules are imported only when their format is asked for).
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from draftlint.run.lint import FileResult

#: format name -> module under draftlint.report
RENDERERS: dict[str, str] = {
    "text": "text",
    "json": "json",
    "sarif": "sarif",
    "github": "github",
    "html": "html",
}


@dataclass(frozen=True)
class ReportOptions:
    quiet: bool = False
    colour: bool | None = None  # None: decide from the stream (TTY, NO_COLOR)
    statistics: bool = False


def render(fmt: str, results: Sequence[FileResult], stream: TextIO, options: ReportOptions) -> None:
    module = importlib.import_module(f"draftlint.report.{RENDERERS[fmt]}")
    module.render(results, stream, options)
