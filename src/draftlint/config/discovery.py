"""Which config applies to a file: the nearest ``.draftlint.toml``, ``pyproject.toml`` with
``[tool.draftlint]`` or (with neither) Vale config, upward from the file; each read once.
"""

from __future__ import annotations

import re
from pathlib import Path

from draftlint.config.settings import Config
from draftlint.config.table import load_table_config
from draftlint.config.vale_ini import VALE_CONFIG_NAMES, is_vale_config, load_vale_config

CONFIG_FILES = (".draftlint.toml", "pyproject.toml")


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
    if is_vale_config(path):
        return load_vale_config(path)
    return load_table_config(path)


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
