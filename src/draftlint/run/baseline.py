"""Reporting only new findings: against a baseline file, or on lines changed since a git ref.

A baseline records each finding by a fingerprint that does not hold its line number: the rule
code, the flagged text and a little context from its own line, plus an occurrence index among
identical fingerprints in the file.  Edits elsewhere in the file (a paragraph inserted at the
top, a line rewritten further down) leave it alone; an edit at the finding makes it new.
Paths are stored relative to the baseline file's folder, so the file works from any cwd.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from draftlint.run.cache import atomic_write
from draftlint.violation import Violation

BASELINE_VERSION = 1
#: Characters of context taken either side of the flagged text (within its line).
CONTEXT = 24
_LINE_BREAK = re.compile(r"\r\n?")


class BaselineError(Exception):
    """A baseline file or git ref that cannot be used: exit code 2."""


def _normalise(text: str) -> str:
    return _LINE_BREAK.sub("\n", text)


def fingerprints(text: str, violations: Sequence[Violation]) -> list[str]:
    """One fingerprint per violation, in order: ``CODE:hash:occurrence``."""
    seen: dict[str, int] = {}
    out = []
    for v in violations:
        start, end = v.span
        line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
        breaks = [i for i in (text.find("\n", end), text.find("\r", end)) if i >= 0]
        line_end = min(breaks) if breaks else len(text)
        before = text[max(line_start, start - CONTEXT) : start]
        after = text[end : max(end, min(line_end, end + CONTEXT))]
        blob = "\0".join((v.code, _normalise(text[start:end]), before, after))
        digest = hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()[:20]
        base = f"{v.code}:{digest}"
        seen[base] = seen.get(base, 0) + 1
        out.append(f"{base}:{seen[base]}")
    return out


def _key(path: str, root: Path) -> str:
    if path.startswith("<"):  # <stdin>, <text>
        return path
    return os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")


@dataclass
class Baseline:
    root: Path  # the baseline file's folder; paths are relative to it
    files: dict[str, frozenset[str]]

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            data = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            raise BaselineError(
                f"{path}: baseline file not found (create it with --write-baseline)"
            ) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise BaselineError(f"{path}: cannot read baseline: {exc}") from None
        except json.JSONDecodeError as exc:
            raise BaselineError(
                f"{path}:{exc.lineno}: baseline is not valid JSON: {exc.msg}"
            ) from None
        if (
            not isinstance(data, dict)
            or data.get("version") != BASELINE_VERSION
            or not isinstance(data.get("files"), dict)
        ):
            raise BaselineError(f"{path}: not a draftlint baseline (version {BASELINE_VERSION})")
        files = {str(k): frozenset(map(str, v)) for k, v in data["files"].items()}
        return cls(path.resolve().parent, files)

    def new_only(self, path: str, text: str, violations: list[Violation]) -> list[Violation]:
        known = self.files.get(_key(path, self.root))
        if not known:
            return violations
        return [
            v
            for v, fp in zip(violations, fingerprints(text, violations), strict=True)
            if fp not in known
        ]


def write_baseline(target: Path, entries: Iterable[tuple[str, str, Sequence[Violation]]]) -> int:
    """Record every finding of ``(path, text, violations)``; returns how many were written."""
    root = target.resolve().parent
    files: dict[str, list[str]] = {}
    for path, text, violations in entries:
        if violations:
            files.setdefault(_key(path, root), []).extend(fingerprints(text, violations))
    data = {
        "version": BASELINE_VERSION,
        "tool": "draftlint",
        "files": {k: sorted(v) for k, v in sorted(files.items())},
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode())
    return sum(len(v) for v in files.values())


# ------------------------------------------------------------------- --changed-since
_HUNK = re.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def _git(args: Sequence[str], cwd: Path) -> bytes:
    try:
        proc = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args], cwd=cwd, capture_output=True, check=False
        )
    except FileNotFoundError:
        raise BaselineError("--changed-since needs git, which is not on PATH") from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise BaselineError(f"git {' '.join(args[:2])}: {message[-1] if message else 'failed'}")
    return proc.stdout


def _unquote(raw: bytes) -> str:
    """A path as git prints it: C-quoted when it holds odd characters."""
    if raw.startswith(b'"') and raw.endswith(b'"'):
        raw = raw[1:-1].decode("unicode_escape").encode("latin-1")
    return raw.decode("utf-8", "surrogateescape")


def parse_diff(diff: bytes) -> dict[str, set[int]]:
    """Added or changed line numbers (new side) per path, from ``git diff -U0`` output."""
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith(b"+++ "):
            name = line[4:]
            if name == b"/dev/null":
                current = None
                continue
            name = _unquote(name)
            current = changed.setdefault(name[2:] if name.startswith("b/") else name, set())
        elif line.startswith(b"@@") and current is not None:
            match = _HUNK.match(line)
            if match:
                start, count = int(match.group(1)), int(match.group(2) or 1)
                current.update(range(start, start + count))  # count 0: a pure deletion
    return changed


@dataclass
class ChangedLines:
    """The lines changed since a git ref, for the working tree of one repository."""

    toplevel: Path
    lines: dict[str, set[int]]  # paths relative to toplevel
    untracked: frozenset[str]

    @classmethod
    def since(cls, ref: str, cwd: Path | None = None) -> ChangedLines:
        cwd = cwd or Path.cwd()
        try:
            toplevel = Path(_git(["rev-parse", "--show-toplevel"], cwd).decode().strip())
        except BaselineError as exc:
            raise BaselineError(f"--changed-since needs a git work tree ({exc})") from None
        try:
            _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)
        except BaselineError:
            raise BaselineError(f"--changed-since: {ref!r} is not a commit in {toplevel}") from None
        diff = _git(
            ["diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames", ref, "--"], toplevel
        )
        others = _git(["ls-files", "-z", "--others", "--exclude-standard"], toplevel)
        untracked = frozenset(
            p.decode("utf-8", "surrogateescape") for p in others.split(b"\0") if p
        )
        return cls(toplevel.resolve(), parse_diff(diff), untracked)

    def _relative(self, path: str) -> str | None:
        try:
            return Path(os.path.realpath(path)).relative_to(self.toplevel).as_posix()
        except ValueError:
            return None

    def new_only(self, path: str, violations: list[Violation]) -> list[Violation]:
        rel = self._relative(path)
        if rel is None or rel in self.untracked:
            return violations  # outside the repository, or new since ref: every line is new
        lines = self.lines.get(rel, set())
        return [v for v in violations if any(n in lines for n in range(v.line, v.end_line + 1))]
