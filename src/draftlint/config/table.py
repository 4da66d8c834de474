"""``[tool.draftlint]`` in pyproject.toml, or a ``.draftlint.toml``: the table read into a Config.

Unknown keys and values of the wrong type or out of range are errors that name the file and
line (``path:line: message``, exit code 2), as a linter that silently ignores a typo in its own
config cannot be trusted.  What passes here is what the rules accept: they never see a raw value.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

from draftlint.config.settings import (
    DIALECTS,
    NUMBER_STYLES,
    PERCENT_FORMS,
    Config,
    ConfigError,
    NumberStyle,
    parse_sensitivity,
)
from draftlint.context.sensitivity import sensitivity_level
from draftlint.lexicon.judge import VocabularyError, read_vocabulary
from draftlint.readability.profiles import problems as readability_problems
from draftlint.readability.profiles import targets_from
from draftlint.violation import Severity

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


def load_table_config(path: Path) -> Config:
    """Read and check a .draftlint.toml or a pyproject.toml; raises ConfigError with the line."""
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
        value = table["sensitivity"]
        try:
            sensitivity_level(value if not isinstance(value, str) else parse_sensitivity(value))
        except ValueError as exc:
            raise fail("sensitivity", str(exc)) from None
        changes["sensitivity"] = str(value)
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
    if "readability" in table:
        changes["readability"] = targets_from(table["readability"])
    if "numbers" in table:
        changes["numbers"] = _number_style(table["numbers"], display, raw)
    engine_sections = {k: dict(v) for k, v in table.items() if k in ("languagetool", "harper")}
    if engine_sections:
        changes["engine_sections"] = engine_sections
    return replace(Config(), **changes)


def _number_style(section: dict[str, Any], display: str, raw: str) -> NumberStyle:
    choices = {"style": NUMBER_STYLES, "percent": PERCENT_FORMS}
    values = {}
    for key, value in section.items():
        line = _line_in_table(raw, "numbers", key)
        if key not in choices:
            known = ", ".join(choices)
            raise ConfigError(display, line, f"unknown numbers setting {key!r} (known: {known})")
        if not isinstance(value, str) or value.lower() not in choices[key]:
            allowed = ", ".join(repr(c) for c in choices[key])
            raise ConfigError(
                display, line, f"numbers.{key} must be one of {allowed}, not {value!r}"
            )
        values[key] = value.lower()
    return NumberStyle(**values)


def _check_vocabulary(path: Path, fail: Any) -> None:
    """A broken vocabulary is a config error, reported before any file is linted."""
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
