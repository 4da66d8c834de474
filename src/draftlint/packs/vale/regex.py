"""Vale's regular expressions in Python: translate, then compile with ``re`` (or ``regex``).

Vale compiles rule patterns with regexp2, a port of .NET's engine.  Python's ``re`` accepts
almost all of it; the differences that real styles hit are handled here:

* an inline flag group such as ``(?i)`` or ``(?-i)`` in the middle of a pattern.  .NET applies
  it from there to the end of the enclosing group; Python 3.11 rejects it ("global flags not at
  the start").  Vale itself produces these (a ``raw`` prefix before ``(?m)``; ``(?-i)`` before
  each exception), so they are rewritten as scoped groups ``(?i:...)``, one per remaining
  alternative so that ``a(?i)b|c`` keeps its alternation;
* ``(?<name>...)`` named groups -> ``(?P<name>...)``; ``\\z`` -> ``\\Z``.

What ``re`` still cannot do (``\\p{L}``, POSIX classes, variable-width look-behind) falls back
to the third-party ``regex`` module, which accepts them; it is imported only then, as its
compiler is several times slower than ``re``'s.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_FLAG_GROUP = re.compile(r"\(\?([imsxn]*(?:-[imsxn]+)?)\)")
_PY_FLAGS = set("imsx")


class PatternError(ValueError):
    """A pattern neither engine accepts; the message is the ``re`` error."""


def translate(pattern: str) -> str:
    """Rewrite .NET-isms that Python's ``re`` rejects (see the module doc)."""
    if "(?" not in pattern and "\\z" not in pattern:
        return pattern
    out: list[str] = []
    # Per open group: the flag prefixes active in it (each wraps the rest of the alternative).
    stack: list[list[str]] = [[]]
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            out.append("\\Z" if nxt == "z" else pattern[i : i + 2])
            i += 2
            continue
        if c == "[":
            j = _class_end(pattern, i)
            out.append(pattern[i:j])
            i = j
            continue
        if c == "(":
            flags = _FLAG_GROUP.match(pattern, i)
            if flags is not None:
                spec = _python_flags(flags.group(1))
                i = flags.end()
                if not spec:
                    continue
                if not out and len(stack) == 1 and not stack[0] and "-" not in spec:
                    out.append(f"(?{spec})")  # leading: a global flag, as Python allows
                    continue
                stack[-1].append(spec)
                out.append(f"(?{spec}:")
                continue
            if pattern.startswith("(?<", i) and i + 3 < n and pattern[i + 3] not in "=!":
                out.append("(?P<")
                i += 3
            else:
                out.append("(")
                i += 1
            stack.append([])
            continue
        if c == "|":
            active = stack[-1]
            out.append(")" * len(active) + "|" + "".join(f"(?{s}:" for s in active))
            i += 1
            continue
        if c == ")" and len(stack) > 1:
            out.append(")" * len(stack.pop()) + ")")
            i += 1
            continue
        out.append(c)
        i += 1
    out.append(")" * len(stack[0]))
    return "".join(out)


def _python_flags(spec: str) -> str:
    """Keep the flags Python knows (``n``, explicit capture, has no equivalent: dropped)."""
    on, _, off = spec.partition("-")
    on = "".join(f for f in on if f in _PY_FLAGS)
    off = "".join(f for f in off if f in _PY_FLAGS)
    return on + (f"-{off}" if off else "")


def _class_end(pattern: str, start: int) -> int:
    """Index just past the character class opening at ``start``."""
    i = start + 1
    n = len(pattern)
    if i < n and pattern[i] == "^":
        i += 1
    if i < n and pattern[i] == "]":  # a leading ] is a literal
        i += 1
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[" and pattern.startswith("[:", i):  # POSIX class [:alpha:]
            close = pattern.find(":]", i + 2)
            if close >= 0:
                i = close + 2
                continue
        if c == "]":
            return i + 1
        i += 1
    return n


@lru_cache(maxsize=4096)
def compile_pattern(pattern: str) -> Any:
    """A compiled pattern for a Vale regex; raises PatternError naming the problem."""
    translated = translate(pattern)
    try:
        return re.compile(translated)
    except re.error as exc:
        first = exc
    except (OverflowError, RecursionError) as exc:  # absurd repetition counts
        raise PatternError(str(exc)) from None
    try:
        import regex  # noqa: PLC0415 - slow to compile with; only for what re rejects

        return regex.compile(translated, regex.V0)
    except Exception:  # noqa: BLE001 - report re's message, which names the position
        raise PatternError(_describe(first)) from None


def _describe(exc: re.error) -> str:
    message = exc.msg
    if exc.pos is not None:
        message += f" at position {exc.pos}"
    return message
