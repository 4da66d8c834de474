"""Where the built-in data lives: ``rules/`` (packs and lists) and ``data/`` (models).

``rules/`` sits at the top of the repository and is copied into the wheel as
``draftlint/rules``; both places are tried, so the same code works from a wheel, an sdist
and an editable install.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def rules_dir() -> Path:
    for candidate in (_PACKAGE / "rules", _PACKAGE.parent.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("draftlint's built-in rules/ folder is missing from the installation")


def package_dir() -> Path:
    """The installed ``draftlint`` package (code and data)."""
    return _PACKAGE


def data_dir() -> Path:
    return _PACKAGE / "data"


def rules_path(relative: str) -> Path:
    return rules_dir() / relative


def read_list(relative: str) -> list[str]:
    """A one-entry-per-line list under rules/: blank lines and ``#`` comments dropped."""
    entries = []
    with rules_path(relative).open(encoding="utf-8") as handle:
        for line in handle:
            entry = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
            if entry:
                entries.append(entry)
    return entries
