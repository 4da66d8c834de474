"""What a Vale project silences besides the rules themselves, applied to pack findings.

* in-text comments: ``<!-- vale off -->`` / ``on``, ``<!-- vale Style.Rule = NO -->``,
  ``<!-- vale Style = NO -->``, ``<!-- vale styles = A, B -->`` and the per-match form
  ``<!-- vale Style.Rule["term", "other"] = NO -->``;
* the ini's ``TokenIgnores``, ``BlockIgnores`` and ``IgnorePatterns`` (regexes over the file),
  display math (``$$ ... $$``) in Markdown, and elements whose class is in ``IgnoredClasses``.

Vale removes these before it lints; draftlint lints the document once for all rules, so it
drops the pack findings that fall inside them instead (the effect is the same for a finding).
draftlint's own ``draftlint-disable`` directives are handled for every rule by run/suppress.py.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

_CONTROL = re.compile(r"^vale\s+([^\s\[=]+)\s*(\[.*\])?\s*=\s*(YES|NO|on|off)$")
_STYLES = re.compile(r"^vale\s+styles?\s*=\s*(.*)$")
_DISPLAY_MATH = re.compile(r"(?ms)^[ \t]*\$\$.*?\$\$[ \t]*$")
_CLASSED = re.compile(r"<([A-Za-z][\w-]*)\b[^>]*\bclass\s*=\s*[\"']([^\"']*)[\"'][^>]*>")
#: Vale never lints these classes (rst2html marks code and errors with them).
DEFAULT_CLASSES = ("problematic", "pre", "code")


@dataclass(frozen=True)
class Off:
    start: int
    end: int
    matches: frozenset[str] | None = None  # None: every finding of the rule

    def covers(self, offset: int, matched: str) -> bool:
        return self.start <= offset < self.end and (self.matches is None or matched in self.matches)


def switched_off(document: Any, code: str) -> list[Off]:
    """Source ranges in which the comments switch rule ``code`` off (or some of its matches)."""
    style = code.split(".", 1)[0]
    ranges: list[Off] = []
    state: dict[str, bool] = {}
    per_match: dict[str, bool] = {}
    since: dict[object, int] = {}

    def close(key: object, at: int, matches: frozenset[str] | None) -> None:
        if key in since:
            ranges.append(Off(since.pop(key), at, matches))

    for comment in document.comments:
        body = " ".join(comment.body.split())
        if body in ("vale off", "vale on"):
            state["off"] = body == "vale off"
        elif (styles := _STYLES.match(body)) is not None:
            state["style"] = style not in [s.strip() for s in styles.group(1).split(",")]
        elif (control := _CONTROL.match(body)) is not None:
            target, matches, value = control.groups()
            off = value in ("NO", "off")
            if matches and target == code:
                try:
                    terms = json.loads(matches)
                except ValueError:
                    continue
                for term in terms if isinstance(terms, list) else []:
                    if per_match.get(term, False) != off:
                        per_match[term] = off
                        if off:
                            since[("m", term)] = comment.end
                        else:
                            close(("m", term), comment.start, frozenset({term}))
                continue
            if target == code:
                state["rule"] = off
            elif target == style:
                state["style"] = off
            else:
                continue
        else:
            continue
        now = any(state.values())
        if now and "all" not in since:
            since["all"] = comment.end
        elif not now:
            close("all", comment.start, None)
    for key in list(since):
        close(key, len(document.text), None if key == "all" else frozenset({key[1]}))  # type: ignore[index]
    return ranges


#: IgnoredScopes names inline HTML tags; their Markdown spellings.
_INLINE_MARKUP = {
    "strong": r"\*\*(?=\S)[^\n]*?\S\*\*|__(?=\S)[^\n]*?\S__|<strong>.*?</strong>",
    "b": r"<b>.*?</b>",
    "em": r"(?<![*\w])\*(?=[^\s*])[^*\n]*?[^\s*]\*(?!\*)|(?<![_\w])_(?=\S)[^_\n]*?\S_(?!\w)|<em>.*?</em>",
    "i": r"<i>.*?</i>",
}


def ignored_ranges(
    document: Any, patterns: list[Any], classes: tuple[str, ...], inline: tuple[str, ...] = ()
) -> list[tuple[int, int]]:
    """Source ranges no pack finding may come from (ignore patterns, math, classes, tags)."""
    text = document.text
    ranges = [m.span() for p in patterns for m in p.finditer(text) if m.end() > m.start()]
    for tag in inline:
        if tag in _INLINE_MARKUP:
            ranges.extend(m.span() for m in re.finditer(_INLINE_MARKUP[tag], text))
    if document.format == "markdown" and "$$" in text:
        ranges.extend(m.span() for m in _DISPLAY_MATH.finditer(text))
    if "class" in text:
        for m in _CLASSED.finditer(text):
            if set(m.group(2).split()) & set(classes):
                close = text.find(f"</{m.group(1)}", m.end())
                ranges.append((m.start(), close if close >= 0 else len(text)))
    return ranges
