"""The settings of a run: one frozen, typed Config per config file, validated when it was read.

``Config`` says which rules run on which file, at what severity; ``Config.settings`` is what
the rules themselves read (``rule.Context.settings``).  Files are found and read by
``config.discovery``: ``config.table`` for ``[tool.draftlint]`` and ``.draftlint.toml``,
``config.vale_ini`` for a Vale config.  A value that passes them is one the rules accept.
"""

from __future__ import annotations

import fnmatch
import functools
import os
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from draftlint.config.vale_settings import ValeSettings
from draftlint.context.sensitivity import sensitivity_level
from draftlint.readability.profiles import Targets, targets_from
from draftlint.violation import Severity

DIALECTS = ("en-US", "en-GB", "auto")
#: [tool.draftlint.numbers]: ``style`` of numbers in prose (AP spells out one to nine, Chicago
#: up to one hundred; "off" checks none) and the one ``percent`` form to hold a draft to.
NUMBER_STYLES = ("ap", "chicago", "off")
PERCENT_FORMS = ("auto", "%", "percent", "per cent")


class ConfigError(Exception):
    """A broken config file: reported as ``path:line: message`` with exit code 2."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


def default_targets() -> Targets:
    return targets_from({})


@dataclass(frozen=True)
class NumberStyle:
    """[tool.draftlint.numbers], checked when read (CN302, CN303)."""

    style: str = "ap"
    percent: str = "auto"


@dataclass(frozen=True)
class Settings:
    """The document-wide settings a rule reads, typed and already validated."""

    dialect: str = "auto"  # en-US, en-GB or auto (decided per draft by CN102)
    sensitivity: float = 0.5  # the GR1 rules' level, 0..1
    vocabularies: tuple[str, ...] = ()  # vocabulary files, paths resolved
    readability: Targets = field(default_factory=default_targets)
    numbers: NumberStyle = NumberStyle()
    vale: ValeSettings | None = None  # a Vale config's ignores, scopes and vocabulary


def parse_sensitivity(value: str) -> float | str:
    """ "0.3" -> 0.3; a level's name stays a name."""
    try:
        return float(value)
    except ValueError:
        return value


@dataclass(frozen=True)
class Config:
    path: str | None = None  # the file it came from; None for defaults
    root: str = "."  # directory that globs (exclude, per-file-ignores) are relative to
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    dialect: str = "auto"
    vocabularies: tuple[str, ...] = ()  # as written, relative to root
    packs: tuple[str, ...] = ()
    engines: tuple[str, ...] = ()
    sensitivity: str = "medium"  # as written; checked when read (Settings.sensitivity: its level)
    cache_dir: str = ".draftlint_cache"  # relative to root; see run/cache.py
    readability: Targets = field(default_factory=default_targets)
    numbers: NumberStyle = NumberStyle()
    rules: dict[str, dict[str, Any]] = field(default_factory=dict, hash=False, compare=False)
    #: The outside engines' own tables ([tool.draftlint.languagetool], [tool.draftlint.harper]).
    engine_sections: dict[str, dict[str, Any]] = field(
        default_factory=dict, hash=False, compare=False
    )
    #: A Vale config's per-file rule switches, when read from a .vale.ini.
    vale: ValeSettings | None = field(default=None, hash=False, compare=False)

    def __post_init__(self) -> None:
        """A Config built in code (the Python API, tests) is held to what a config file is:
        a bad value fails here, with what is allowed, and never inside a rule."""
        if self.dialect not in DIALECTS:
            raise ValueError(f"dialect must be one of {', '.join(DIALECTS)}, not {self.dialect!r}")
        sensitivity_level(parse_sensitivity(str(self.sensitivity)))
        if self.numbers.style not in NUMBER_STYLES:
            raise ValueError(
                f"numbers.style must be one of {', '.join(NUMBER_STYLES)}: {self.numbers.style!r}"
            )
        if self.numbers.percent not in PERCENT_FORMS:
            raise ValueError(
                f"numbers.percent must be one of {', '.join(PERCENT_FORMS)}: "
                f"{self.numbers.percent!r}"
            )

    @cached_property
    def settings(self) -> Settings:
        """What every rule may read, built once per config (not once per rule and file)."""
        root = Path(self.root)
        return Settings(
            dialect=self.dialect,
            sensitivity=sensitivity_level(parse_sensitivity(self.sensitivity)),
            vocabularies=tuple(
                str(p if Path(p).is_absolute() else root / p) for p in self.vocabularies
            ),
            readability=self.readability,
            numbers=self.numbers,
            vale=self.vale,
        )

    # ------------------------------------------------------------ rule selection
    def is_selected(
        self, code: str, path: str | None = None, level: Severity | None = None
    ) -> bool:
        """flake8's rule: the longest matching prefix of select and ignore wins.  ``level`` is
        the rule's own severity, which a Vale config's MinAlertLevel compares."""
        if self.vale is not None and not self.vale.is_selected(code, path, level):
            return False  # a .vale.ini switched this Vale rule off for this file
        ignore = list(self.ignore)
        if path is not None:
            ignore.extend(self.ignored_for(path))
        best_select = _longest_prefix(code, self.select)
        best_ignore = _longest_prefix(code, ignore)
        if best_select < 0:
            return False
        return best_select > best_ignore

    def ignored_for(self, path: str) -> list[str]:
        if not self.per_file_ignores:
            return []  # no path arithmetic: this runs for every rule of every file
        return list(_ignored_for(path, self.root, self.per_file_ignores, os.getcwd()))

    def severity_for(self, code: str, default: Severity) -> Severity:
        best, level = -1, default
        for prefix, value in self.severity:
            n = _prefix_length(code, prefix)
            if n > best:
                best, level = n, value
        return level

    def is_excluded(self, path: str) -> bool:
        rel = _relative(path, self.root)
        return any(_glob_match(rel, pattern) for pattern in self.exclude)

    def rule_options(self, code: str) -> dict[str, Any]:
        return dict(self.rules.get(code, {}))

    def engine_section(self, name: str) -> dict[str, Any]:
        return dict(self.engine_sections.get(name, {}))

    def with_overrides(self, **changes: Any) -> Config:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _prefix_length(code: str, prefix: str) -> int:
    if prefix == "ALL":
        return 0
    return len(prefix) if code.startswith(prefix) else -1


def _longest_prefix(code: str, prefixes: tuple[str, ...] | list[str]) -> int:
    return max((_prefix_length(code, p) for p in prefixes), default=-1)


@functools.lru_cache(maxsize=4096)
def _ignored_for(
    path: str, root: str, per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...], cwd: str
) -> tuple[str, ...]:
    del cwd  # part of the cache key: relative paths mean something else in another directory
    rel = _relative(path, root)
    codes: list[str] = []
    for pattern, pattern_codes in per_file_ignores:
        if _glob_match(rel, pattern):
            codes.extend(pattern_codes)
    return tuple(codes)


def _relative(path: str, root: str) -> str:
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    except ValueError:
        rel = path
    return rel.replace(os.sep, "/")


def _glob_match(rel: str, pattern: str) -> bool:
    """Match like .gitignore-lite: a pattern without "/" matches any path component."""
    pattern = pattern.rstrip("/")
    if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel, pattern + "/*"):
        return True
    if "/" not in pattern:
        parts = rel.split("/")
        return any(fnmatch.fnmatch(part, pattern) for part in parts)
    return False
