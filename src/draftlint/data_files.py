"""Where the built-in data lives: ``rules/`` (packs and lists) and ``data/`` (models), and
``SortedLines``, the compact form in which big word lists from packages are kept.

``rules/`` sits at the top of the repository and is copied into the wheel as
``draftlint/rules``; both places are tried, so the same code works from a wheel, an sdist
and an editable install.
"""

from __future__ import annotations

import bisect
from array import array
from functools import cache
from itertools import accumulate
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


class SortedLines:
    """Text lines, sorted, kept as one string and the offsets of their starts: a big word list
    (the CMU dictionary's 135,000 lines, codespell's 65,000) takes a third of the memory of a
    list or dict of its lines. A lookup bisects a short list of every ``STRIDE``-th line (in
    C), then that stretch of lines: a few microseconds."""

    STRIDE = 64
    __slots__ = ("heads", "starts", "text")

    def __init__(self, lines: list[str]) -> None:
        lines = sorted(lines)
        self.text = "\n".join(lines) + "\n"
        self.starts = array("I", accumulate(map((1).__add__, map(len, lines)), initial=0))
        # the heads are cut afresh from the text, not kept from the sorted lines: each kept
        # line string would pin the allocator arena it sits in, and 2,000 of them spread over
        # the 135,000 held most of the lines' memory after the rest were freed (~9 MB)
        self.heads = [self[i] for i in range(0, len(lines), self.STRIDE)]

    def __len__(self) -> int:
        return len(self.starts) - 1

    def __getitem__(self, i: int) -> str:
        return self.text[self.starts[i] : self.starts[i + 1] - 1]

    def after(self, prefix: str) -> str | None:
        """The rest of the first line that starts with ``prefix``, or None."""
        # the first line at or above the prefix lies after the last head below it, and at or
        # before the next head
        block = bisect.bisect_left(self.heads, prefix)
        lo = max(block - 1, 0) * self.STRIDE
        i = bisect.bisect_left(self, prefix, lo, min(block * self.STRIDE, len(self)))
        if i < len(self):
            line = self[i]
            if line.startswith(prefix):
                return line[len(prefix) :]
        return None
