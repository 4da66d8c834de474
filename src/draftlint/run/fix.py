"""Applying fixes: the safe ones always, the rules' first suggestions only on request.

A safe fix (``Violation.fix``) is one a rule sets only where the meaning cannot change (an extra
or no-break space, a doubled word, a certain split); the engine has already dropped those whose
source span holds markup.  ``--unsafe-fixes`` also takes the first suggestion of findings
without a safe fix, on spans whose source is plain prose.

Fixing runs in rounds: lint, apply the non-overlapping fixes, lint again, until nothing is left
to fix.  Rounds make the result a fixed point ("the the the" needs two), so a second run changes
nothing.  Only the text inside the fixed spans changes: the rest of the file, its BOM and its
newline style are kept byte for byte, and files are replaced atomically with their mode kept.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from draftlint.config.settings import Config
from draftlint.drafts.document import Document
from draftlint.run.cache import atomic_write
from draftlint.run.lint import FileResult, lint_text
from draftlint.violation import Violation

#: Rounds of lint-and-fix before giving up on reaching a fixed point.
MAX_ROUNDS = 10
BOM = "\ufeff"

Linter = Callable[[str, str, "str | None", Config], FileResult]


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    unsafe: bool  # sorts safe fixes before suggestions at the same span
    code: str
    replacement: str


@dataclass
class FixOutcome:
    text: str  # the fixed text (the original when nothing applied)
    applied: int  # edits applied over all rounds
    result: FileResult  # the findings left in the fixed text
    converged: bool = True


def is_fixable(violation: Violation, unsafe: bool) -> bool:
    return violation.fix is not None or (unsafe and bool(violation.suggestions))


def candidate_edits(
    text: str,
    violations: Iterable[Violation],
    unsafe: bool = False,
    document: Document | None = None,
) -> list[Edit]:
    """The edits the findings offer on ``text``, minus those that would damage the file's shape."""
    crlf = "\r\n" in text
    edits = []
    for v in violations:
        if v.fix is not None:
            edit = _guarded(text, crlf, v, v.fix, False)
        elif unsafe and v.suggestions and plain_prose(document, *v.span):
            edit = _guarded(text, crlf, v, v.suggestions[0], True)
        else:
            continue
        if edit is not None:
            edits.append(edit)
    return edits


def offered_edits(text: str, violation: Violation, document: Document | None) -> list[Edit]:
    """Every edit one finding offers, safe fix first, then each suggestion (an editor's quick
    fixes); the same guards as ``candidate_edits``."""
    options = [] if violation.fix is None else [(violation.fix, False)]
    if plain_prose(document, *violation.span):
        options += [(s, True) for s in violation.suggestions if s != violation.fix]
    crlf = "\r\n" in text
    edits = (_guarded(text, crlf, violation, r, unsafe) for r, unsafe in options)
    return [edit for edit in edits if edit is not None]


def _guarded(text: str, crlf: bool, v: Violation, replacement: str, unsafe: bool) -> Edit | None:
    start, end = v.span
    if crlf:  # keep the file's newline style in what is inserted
        replacement = re.sub(r"\r?\n", "\r\n", replacement)
    if text[start:end] == replacement:
        return None
    if _splits_crlf(text, start) or _splits_crlf(text, end):
        return None
    if start == 0 and end > 0 and text.startswith(BOM):
        return None  # the byte-order mark is the file's encoding signature, not prose
    return Edit(start, end, unsafe, v.code, replacement)


def _splits_crlf(text: str, offset: int) -> bool:
    return 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n"


def plain_prose(document: Document | None, start: int, end: int) -> bool:
    """True when the source span is the prose it stands for (no markup inside to destroy)."""
    if document is None:
        return False
    if document.identity_mapped:
        return True
    p = document.to_prose(start)
    return document.prose[p : p + (end - start)] == document.text[start:end] and document.to_source(
        (p, p + end - start)
    ) == (start, end)


def select_edits(edits: Sequence[Edit]) -> list[Edit]:
    """A deterministic set of edits that do not overlap: earliest span first, safe before unsafe.

    The rest wait for the next round, where they are found again on the fixed text.
    """
    chosen: list[Edit] = []
    for edit in sorted(edits):
        if chosen:
            last = chosen[-1]
            if edit.start < last.end:
                continue
            if edit.start == edit.end == last.start == last.end:
                continue  # two insertions at one point: their order would be arbitrary
        chosen.append(edit)
    return chosen


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply edits that select_edits chose (sorted, not overlapping)."""
    parts, position = [], 0
    for edit in edits:
        parts.append(text[position : edit.start])
        parts.append(edit.replacement)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)


def fix_text(
    text: str,
    path: str,
    fmt: str | None,
    config: Config,
    unsafe: bool = False,
    linter: Linter = lint_text,
) -> FixOutcome:
    """Lint and fix ``text`` in rounds until no fix is left (or MAX_ROUNDS)."""
    result = linter(text, path, fmt, config)
    applied = 0
    for _ in range(MAX_ROUNDS):
        edits = select_edits(candidate_edits(text, result.violations, unsafe, result.document))
        if not edits:
            return FixOutcome(text, applied, result)
        text = apply_edits(text, edits)
        applied += len(edits)
        result = linter(text, path, fmt, config)
    left = select_edits(candidate_edits(text, result.violations, unsafe, result.document))
    return FixOutcome(text, applied, result, converged=not left)


# ------------------------------------------------------------------------ output
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff as git prints it, including the no-newline-at-end marker."""
    if before == after:
        return ""
    a, b = _LINE.findall(before), _LINE.findall(after)
    out = []
    for line in difflib.unified_diff(a, b, f"a/{path}", f"b/{path}"):
        if line.endswith("\n") or line.endswith("\r"):
            out.append(line if line.endswith("\n") else line + "\n")
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


def write_fixed(path: str, text: str) -> None:
    """Replace the file (the target of a symlink) atomically, keeping its mode; UTF-8 as read."""
    real = Path(os.path.realpath(path))
    mode = real.stat().st_mode & 0o7777
    atomic_write(real, text.encode("utf-8"), mode)
