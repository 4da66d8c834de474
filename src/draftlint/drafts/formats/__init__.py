"""Source formats: each turns a file's decoded text into a Document."""

from __future__ import annotations

from pathlib import PurePath

from draftlint.drafts.document import Document

#: File name suffix -> format name.
SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


def format_for(path: str) -> str:
    """The format of a file by its name; unknown suffixes are read as plain text."""
    return SUFFIXES.get(PurePath(path).suffix.lower(), "text")


def parse(path: str, text: str, fmt: str | None = None) -> Document:
    """Build the Document of ``text`` read from ``path``."""
    fmt = fmt or format_for(path)
    if fmt == "markdown":
        from draftlint.drafts.formats import markdown

        return markdown.parse(path, text)
    if fmt == "html":
        from draftlint.drafts.formats import html

        return html.parse(path, text)
    from draftlint.drafts.formats import plain

    return plain.parse(path, text)
