"""Offsets into a text <-> LSP positions (0-based line, character in the negotiated units).

LSP ends a line at "\\n", "\\r\\n" or "\\r" only, not at the other breaks ``str.splitlines``
knows (U+2028, NEL, form feed...), and counts characters in UTF-16 code units unless the
client chose UTF-8 or UTF-32 at initialisation. Getting either wrong puts every squiggle after
an emoji or an old Mac line ending in the wrong place, so the index is built here, once per
text from the lines the Document counts (``drafts.document.line_starts``), not from pygls's
document (which splits lines with ``splitlines``).
"""

from __future__ import annotations

import bisect

from draftlint.drafts.document import line_starts

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def _units(segment: str, encoding: str) -> int:
    if encoding == UTF32 or segment.isascii():
        return len(segment)
    if encoding == UTF8:
        return len(segment.encode("utf-8", "surrogatepass"))
    return len(segment) + sum(1 for ch in segment if ord(ch) > 0xFFFF)  # surrogate pairs


class LineIndex:
    """Where each line starts; converts in O(log lines + line length)."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self.starts = line_starts(text)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, character) of a character offset (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line, _units(self.text[self.starts[line] : offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The character offset of an LSP position; past a line's end means its end."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[line]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        content = self.text[start:end].rstrip("\r\n")
        if self.encoding == UTF32 or content.isascii():
            return start + min(character, len(content))
        units = 0
        for index, ch in enumerate(content):
            if units >= character:
                return start + index
            units += _units(ch, self.encoding)
        return start + len(content)
