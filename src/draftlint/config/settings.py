"""Configuration: ``[tool.draftlint]`` in pyproject.toml or a ``.draftlint.toml``, found upward.

A config is read once per directory and frozen.  Unknown keys and values of the wrong type
are errors that name the file and line, as a linter that silently ignores a typo in its own
config cannot be trusted.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from draftlint.readability.profiles import problems as readability_problems
from draftlint.violation import Severity

CONFIG_FILES = (".draftlint.toml", "pyproject.toml")
DIALECTS = ("en-US", "en-GB", "auto")

#: Keys of [tool.draftlint] and the type each value must have.
_KEY_TYPES: dict[str, type | tuple[type, ...]] = {
    "select": list,
    "ignore": list,
    "extend-select": list,
    "severity": dict,
    "per-file-ignores": dict,
    "exclude": list,
    "fail-on": str,
    "dialect": str,
    "vocabularies": list,
    "packs": list,
    "engines": list,
    "sensitivity": (str, int, float),
    "rules": dict,
    "readability": dict,
    "languagetool": dict,
    "harper": dict,
    "numbers": dict,
    "cache-dir": str,
}


class ConfigError(Exception):
    """A broken config file: reported as ``path:line: message`` with exit code 2."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


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
    vocabularies: tuple[str, ...] = ()
    packs: tuple[str, ...] = ()
    engines: tuple[str, ...] = ()
    sensitivity: str = "medium"
    cache_dir: str = ".draftlint_cache"  # relative to root; see run/cache.py
    rules: dict[str, dict[str, Any]] = field(default_factory=dict, hash=False, compare=False)
    sections: dict[str, dict[str, Any]] = field(default_factory=dict, hash=False, compare=False)
    #: A Vale config's per-file rule switches (vale_ini.ValeSettings), when read from a .vale.ini.
    vale: Any = field(default=None, hash=False, compare=False)

    # ------------------------------------------------------------ rule selection
    def is_selected(self, code: str, path: str | None = None) -> bool:
        """flake8's rule: the longest matching prefix of select and ignore wins."""
        if self.vale is not None and not self.vale.is_selected(code, path):
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

    def section(self, name: str) -> dict[str, Any]:
        return dict(self.sections.get(name, {}))

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


# ------------------------------------------------------------------------- loading
def find_config_file(start: Path) -> Path | None:
    """The nearest .draftlint.toml, or pyproject.toml holding [tool.draftlint], upward."""
    directory = start if start.is_dir() else start.parent
    directory = directory.resolve()
    for candidate_dir in (directory, *directory.parents):
        dedicated = candidate_dir / ".draftlint.toml"
        if dedicated.is_file():
            return dedicated
        pyproject = candidate_dir / "pyproject.toml"
        if pyproject.is_file() and _has_tool_section(pyproject):
            return pyproject
    # No draftlint config anywhere above: a Vale project's config is used instead, so that
    # draftlint runs there with the project's styles and no set-up.
    from draftlint.config.vale_ini import VALE_CONFIG_NAMES  # noqa: PLC0415 - imports this module

    for candidate_dir in (directory, *directory.parents):
        for name in VALE_CONFIG_NAMES:
            if (candidate_dir / name).is_file():
                return candidate_dir / name
    return None


def _has_tool_section(path: Path) -> bool:
    try:
        return re.search(r"^\s*\[tool\.draftlint", path.read_text("utf-8"), re.M) is not None
    except (OSError, UnicodeDecodeError):
        return False


def load_config(path: Path) -> Config:
    """Read and check one config file; raises ConfigError with the offending line."""
    from draftlint.config.vale_ini import is_vale_config, load_vale_config  # noqa: PLC0415

    if is_vale_config(path):
        return load_vale_config(path)
    display = str(path)
    try:
        raw = path.read_text("utf-8")
    except OSError as exc:
        raise ConfigError(display, None, f"cannot read config: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(display, None, "config is not valid UTF-8") from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = int(match.group(1)) if match else None
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ConfigError(display, line, f"invalid TOML: {message}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("draftlint", {})
    else:
        table = data
    return config_from_table(table, display, raw, root=str(path.parent))


def config_from_table(table: dict[str, Any], display: str, raw: str, root: str) -> Config:
    def fail(key: str, message: str) -> ConfigError:
        return ConfigError(display, _line_of(raw, key), message)

    for key, value in table.items():
        expected = _KEY_TYPES.get(key)
        if expected is None:
            known = ", ".join(sorted(_KEY_TYPES))
            return_error = fail(key, f"unknown key {key!r} (known keys: {known})")
            raise return_error
        if not isinstance(value, expected):
            raise fail(key, f"{key!r} must be {_type_name(expected)}, not {type(value).__name__}")

    def codes(key: str) -> tuple[str, ...]:
        values = table.get(key, [])
        for value in values:
            if not isinstance(value, str) or not re.fullmatch(
                r"ALL|[A-Z]{1,2}\d{0,3}|[\w-]+\.[\w-]+", value
            ):
                raise fail(key, f"{key!r} holds {value!r}, which is not a rule code or prefix")
        return tuple(values)

    changes: dict[str, Any] = {"path": display, "root": root}
    if "select" in table:
        changes["select"] = codes("select")
    if "extend-select" in table:
        changes["select"] = changes.get("select", ("ALL",)) + codes("extend-select")
    if "ignore" in table:
        changes["ignore"] = codes("ignore")
    if "severity" in table:
        levels = []
        for prefix, level in table["severity"].items():
            try:
                levels.append((prefix, Severity.parse(str(level))))
            except ValueError as exc:
                raise fail(prefix, f"severity of {prefix}: {exc}") from None
        changes["severity"] = tuple(levels)
    if "per-file-ignores" in table:
        entries = []
        for pattern, pattern_codes in table["per-file-ignores"].items():
            if not isinstance(pattern_codes, list) or not all(
                isinstance(c, str) for c in pattern_codes
            ):
                raise fail(pattern, f"per-file-ignores for {pattern!r} must be a list of codes")
            entries.append((pattern, tuple(pattern_codes)))
        changes["per_file_ignores"] = tuple(entries)
    if "exclude" in table:
        changes["exclude"] = tuple(str(p) for p in table["exclude"])
    if "fail-on" in table:
        try:
            changes["fail_on"] = Severity.parse(table["fail-on"])
        except ValueError as exc:
            raise fail("fail-on", f"fail-on: {exc}") from None
    if "dialect" in table:
        if table["dialect"] not in DIALECTS:
            raise fail(
                "dialect", f"dialect must be one of {', '.join(DIALECTS)}, not {table['dialect']!r}"
            )
        changes["dialect"] = table["dialect"]
    if "sensitivity" in table:
        changes["sensitivity"] = str(table["sensitivity"])
    if "cache-dir" in table:
        changes["cache_dir"] = table["cache-dir"]
    for engine in table.get("engines", []):
        if engine not in ("languagetool", "harper"):
            raise fail("engines", f"unknown engine {engine!r} (choose from languagetool, harper)")
    for key in ("vocabularies", "packs", "engines"):
        if key in table:
            changes[key] = tuple(str(v) for v in table[key])
    for vocabulary in table.get("vocabularies", []):
        _check_vocabulary(Path(root) / str(vocabulary), fail)
    if "rules" in table:
        for code, options in table["rules"].items():
            if not isinstance(options, dict):
                raise fail(code, f"rules.{code} must be a table of options")
        changes["rules"] = {code: dict(options) for code, options in table["rules"].items()}
    for key, message in readability_problems(table.get("readability", {})):
        raise ConfigError(display, _line_in_table(raw, "readability", key), message)
    sections = {
        k: dict(v)
        for k, v in table.items()
        if k in ("readability", "languagetool", "harper", "numbers")
    }
    if sections:
        changes["sections"] = sections
    return replace(Config(), **changes)


def _check_vocabulary(path: Path, fail: Any) -> None:
    """A broken vocabulary is a config error, reported before any file is linted."""
    from draftlint.lexicon.judge import VocabularyError, read_vocabulary

    if not path.is_file():
        raise fail("vocabularies", f"vocabulary file not found: {path}")
    try:
        read_vocabulary(path)
    except VocabularyError as exc:
        where, _, message = str(exc).partition(": ")
        file, _, line = where.rpartition(":")
        raise ConfigError(
            file if line.isdigit() else where, int(line) if line.isdigit() else None, message
        ) from None


def _type_name(expected: type | tuple[type, ...]) -> str:
    names = {list: "an array", dict: "a table", str: "a string", int: "a number", float: "a number"}
    if isinstance(expected, tuple):
        return " or ".join(dict.fromkeys(names[t] for t in expected))
    return names[expected]


def _line_in_table(raw: str, table: str, key: str) -> int | None:
    """The line of ``key`` inside the table ``table`` ([...table] or ``table = {...}``)."""
    head = re.search(
        rf"^\s*(?:\[[\w.\"']*\b{re.escape(table)}\]|{re.escape(table)}\s*=)", raw, re.M
    )
    if head is None:
        return _line_of(raw, key)
    line = _line_of(raw[head.start() :], key)
    return raw.count("\n", 0, head.start()) + line if line else _line_of(raw, table)


def _line_of(raw: str, key: str) -> int | None:
    """The line where ``key`` is set, so errors point at it."""
    pattern = re.compile(
        rf'^\s*(?:"{re.escape(key)}"|\'{re.escape(key)}\'|{re.escape(key)})\s*=', re.M
    )
    match = pattern.search(raw)
    if match is None:
        match = re.search(re.escape(key), raw)
    if match is None:
        return None
    return raw.count("\n", 0, match.start()) + 1


class ConfigResolver:
    """Finds and caches the config for each file's directory (or one explicit config)."""

    def __init__(self, explicit: Path | None = None) -> None:
        self._explicit = load_config(explicit) if explicit is not None else None
        self._by_file: dict[Path, Config] = {}
        self._by_dir: dict[Path, Config] = {}  # the upward search costs dozens of stats per file

    def for_path(self, path: Path) -> Config:
        if self._explicit is not None:
            return self._explicit
        directory = path if path.is_dir() else path.parent
        if directory not in self._by_dir:
            self._by_dir[directory] = self._search(directory)
        return self._by_dir[directory]

    def _search(self, path: Path) -> Config:
        found = find_config_file(path)
        if found is None:
            return Config(root=str(Path.cwd()))
        if found not in self._by_file:
            self._by_file[found] = load_config(found)
        return self._by_file[found]
