"""The Python API: lint text, files and trees; results as plain data that pickles.

``draftlint check --format json`` and this module build results from the same code
(``report.json.file_dict``), so a ``Result.to_dict()`` is byte for byte the CLI's entry for the
file, and ``json_report(results)`` is the CLI's whole JSON document.  A ``Result`` holds only
strings, numbers, tuples and dicts: it pickles small and crosses process boundaries (Dask,
multiprocessing, a queue) without the engine's Document, rules or data.

    from draftlint import api
    result = api.lint_file("drafts/a.md")          # config found as the CLI finds it
    for issue in result.violations:
        print(issue.line, issue.column, issue.code, issue.message)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from draftlint.config.discovery import ConfigResolver
from draftlint.config.settings import Config, ConfigError
from draftlint.report.json import file_dict, report_from_files
from draftlint.run import lint, runner

__all__ = [
    "Config",
    "ConfigError",  # what lint_file raises on a broken config
    "ConfigResolver",
    "Issue",
    "Result",
    "iter_files",
    "lint_file",
    "lint_paths",
    "lint_text",
    "json_report",
]


@dataclass(frozen=True, slots=True)
class Issue:
    """One violation, as in the JSON report: 1-based line and column, offsets into the text."""

    code: str
    name: str
    severity: str  # "error", "warning" or "info"
    message: str
    suggestions: tuple[str, ...]
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    fixable: bool
    source: str  # the engine that found it: draftlint, languagetool, harper

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Issue:
        return cls(**{**data, "suggestions": tuple(data["suggestions"])})

    def to_dict(self) -> dict[str, Any]:
        out = {name: getattr(self, name) for name in self.__slots__}
        out["suggestions"] = list(self.suggestions)
        return out


@dataclass(frozen=True)
class Result:
    """One file's outcome. ``error`` is set (and nothing linted) when it could not be read."""

    path: str
    format: str | None
    words: int
    error: str | None
    readability: dict[str, Any] = field(hash=False)
    violations: tuple[Issue, ...] = ()
    notices: tuple[str, ...] = ()  # one-line notices, such as an outside engine that was skipped

    @classmethod
    def from_file_result(cls, result: lint.FileResult) -> Result:
        entry = file_dict(result)
        return cls(
            path=entry["path"],
            format=entry["format"],
            words=entry["words"],
            error=entry["error"],
            readability=entry["readability"],
            violations=tuple(Issue.from_dict(v) for v in entry["violations"]),
            notices=tuple(result.notices),
        )

    def to_dict(self) -> dict[str, Any]:
        """The file's entry of ``draftlint check --format json``."""
        return {
            "path": self.path,
            "format": self.format,
            "words": self.words,
            "error": self.error,
            "readability": self.readability,
            "violations": [v.to_dict() for v in self.violations],
        }


def lint_text(
    text: str,
    path: str = "<text>",
    *,
    format: str | None = None,  # the JSON's name for it ("text", "markdown", "html")
    config: Config | None = None,
) -> Result:
    """Lint ``text`` as if it were the file ``path`` (its suffix gives the format unless
    ``format`` is "text", "markdown" or "html"). No config is searched for: ``config`` or the
    defaults apply."""
    return Result.from_file_result(lint.lint_text(text, path, format, config or Config()))


def lint_file(
    path: str | Path, *, config: Config | None = None, resolver: ConfigResolver | None = None
) -> Result:
    """Lint one file with ``config``, or else the config the CLI would find for it (the nearest
    ``.draftlint.toml`` or ``pyproject.toml`` upward from the file). A file that cannot be read
    gives a Result with ``error``; a broken config raises ``ConfigError`` (``path:line: ...``)."""
    shown = str(path)
    if config is None:
        config = (resolver or ConfigResolver()).for_path(Path(shown))
    return Result.from_file_result(lint.lint_file(shown, config))


def iter_files(paths: Iterable[str | Path], resolver: ConfigResolver | None = None) -> list[str]:
    """The files ``draftlint check PATHS`` would lint, in its order: directories walked
    (hidden folders and other suffixes skipped), each config's ``exclude`` applied. A path that
    does not exist raises ``FileNotFoundError``."""
    found = []
    for path, error in lint.expand_paths([str(p) for p in paths], resolver or ConfigResolver()):
        if error is not None:
            raise FileNotFoundError(f"{path}: {error}")
        found.append(path)
    return found


def lint_paths(
    paths: Sequence[str | Path], config: Config | None = None, *, jobs: int = 1
) -> list[Result]:
    """Lint files and directories as ``draftlint check`` does (each file's own config unless
    ``config`` is given; ``jobs`` processes). Missing paths give Results with ``error``."""
    results = runner.lint_paths([str(p) for p in paths], config, jobs=jobs)
    return [Result.from_file_result(r) for r in results]


def json_report(results: Iterable[Result]) -> dict[str, Any]:
    """The JSON document ``draftlint check --format json`` prints for these results."""
    return report_from_files([r.to_dict() for r in results])
