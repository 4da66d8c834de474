"""The primitives every part of a draft is measured in: spans of offsets, prose blocks, comments.

They sit below the Document and its analysis so that both can use them without importing
each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

#: Stands in the prose for an inline object that is not prose (inline code, image, URL).
OBJECT = "\ufffc"
#: What separates two blocks in the prose.
BLOCK_SEPARATOR = "\n\n"


class Span(NamedTuple):
    """A half-open range of character offsets: ``text[start:end]``."""

    start: int
    end: int


@dataclass(frozen=True)
class Block:
    """One prose block (paragraph, heading, list item, table cell ...) in prose coordinates."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Comment:
    """A comment in the source (HTML/Markdown ``<!-- -->``), for inline directives."""

    start: int  # source offsets
    end: int
    body: str
