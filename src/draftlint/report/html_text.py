"""Text as the HTML report shows it: invisible characters named, long text shortened."""

from __future__ import annotations

import unicodedata


def invisible(ch: str) -> bool:
    """A character that would not show on the page (a control, a format or unassigned one)."""
    return ch not in "\r\n\t" and unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Co", "Cn")


def visible(text: str) -> str:
    """``text`` with each invisible character written as its code point ("[U+200B]")."""
    return "".join(f"[U+{ord(c):04X}]" if invisible(c) else c for c in text)


def shorten(text: str, limit: int = 80) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
