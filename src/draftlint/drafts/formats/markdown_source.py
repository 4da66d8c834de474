"""The Markdown source as markdown-it reads it: the parser, its input, and line offsets.

markdown-it-py reports only line ranges: ``SourceLines`` turns a line number back into an
offset of the source, and ``parser_input`` hides front matter from the parser while keeping the
line count, so those line numbers stay true.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt

_LINE_BREAK = re.compile(r"\r\n?|\n")


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    # text_join would fold escapes and entities into plain text and lose their spelling.
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join")


class SourceLines:
    """Line starts and ends (before the line break) of the source."""

    def __init__(self, source: str) -> None:
        self.starts = [0]
        self.ends: list[int] = []
        for m in _LINE_BREAK.finditer(source):
            self.ends.append(m.start())
            self.starts.append(m.end())
        self.ends.append(len(source))

    def __len__(self) -> int:
        return len(self.starts)

    def start(self, line: int) -> int:
        """Where ``line`` starts; past the last line, the end of the source."""
        return self.starts[max(line, 0)] if line < len(self.starts) else self.ends[-1]

    def end(self, line: int) -> int:
        return self.ends[min(max(line, 0), len(self.ends) - 1)]


def parser_input(source: str, lines: SourceLines) -> str:
    """The text given to markdown-it: front matter blanked (line count kept), no BOM.

    markdown-it only tells us line numbers, so anything that keeps the lines is fine here.
    """
    first = source[lines.start(0) : lines.end(0)].lstrip("\ufeff").rstrip(" \t")
    closing = {"---": ("---", "..."), "+++": ("+++",)}.get(first)
    if closing and len(lines) > 1:
        for line in range(1, len(lines)):
            if source[lines.start(line) : lines.end(line)].rstrip(" \t") in closing:
                if line + 1 >= len(lines):
                    return "\n" * line
                return "\n" * (line + 1) + source[lines.start(line + 1) :]
    return source[1:] if source.startswith("\ufeff") else source
