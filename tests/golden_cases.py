"""Reading golden files: tests/golden/<CODE>.md, cases under ``#:`` headers (pycodestyle style).

A header lists what the case below it must produce, exactly and nothing more of the file's
code: ``#: Okay`` for nothing, ``#: WS103:1:17`` for a finding at line 1, column 17,
``#: WS103`` at any position; several may share a header (``#: GR201:1:5 GR201:2:1``).
``#: format=markdown`` (or html) on the header line parses the case in that format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

GOLDEN_DIR = Path(__file__).parent / "golden"
_EXPECT = re.compile(r"^([A-Z]{2}\d{3}|[\w-]+\.[\w-]+)(?::(\d+):(\d+))?$")


@dataclass(frozen=True)
class Expected:
    code: str
    line: int | None
    column: int | None


@dataclass(frozen=True)
class GoldenCase:
    file: str
    header_line: int
    text: str
    expected: tuple[Expected, ...]
    fmt: str

    @property
    def id(self) -> str:
        return f"{self.file}:{self.header_line}"

    @property
    def okay(self) -> bool:
        return not self.expected


def parse_golden(path: Path) -> list[GoldenCase]:
    cases: list[GoldenCase] = []
    header: tuple[int, tuple[Expected, ...], str] | None = None
    body: list[str] = []

    def flush() -> None:
        if header is not None:
            text = "\n".join(body).rstrip("\n") + "\n"
            cases.append(GoldenCase(path.name, header[0], text, header[1], header[2]))

    for number, line in enumerate(path.read_text("utf-8").split("\n"), start=1):
        if line.startswith("#:"):
            flush()
            expected: list[Expected] = []
            fmt = "text"
            for item in line[2:].split():
                if item == "Okay":
                    continue
                if item.startswith("format="):
                    fmt = item.split("=", 1)[1]
                    continue
                match = _EXPECT.match(item)
                if match is None:
                    raise ValueError(f"{path}:{number}: bad expectation {item!r}")
                code, ln, col = match.groups()
                expected.append(Expected(code, int(ln) if ln else None, int(col) if col else None))
            header = (number, tuple(expected), fmt)
            body = []
        elif header is not None:
            body.append(line)
    flush()
    return cases


def all_cases() -> list[GoldenCase]:
    return [case for path in sorted(GOLDEN_DIR.glob("*.md")) for case in parse_golden(path)]
