"""A cache of lint results, keyed by what a result depends on, so unchanged files are skipped.

The key hashes the file's bytes, its display path (findings carry it; per-file-ignores and
the format depend on it), the effective Config, draftlint's version and a fingerprint of the
installed code and data (size and mtime of every file in the package), so an edited rule or word
list invalidates the cache during development as surely as a release does.  Word lists named
by the config (vocabularies, packs) are stat'ed into the key for the same reason.

Entries are small JSON files, written to a temporary file in the same directory and moved
into place with os.replace: parallel writers (``--jobs``, pre-commit's own parallelism) never
leave a torn entry, and a reader sees either no entry or a whole one.  Anything unreadable
is a miss; a cache that cannot be written is silently skipped, as it only saves time.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from draftlint import __version__
from draftlint.config.settings import Config
from draftlint.data_files import package_dir
from draftlint.drafts.document import Span
from draftlint.run.lint import FileResult
from draftlint.violation import Severity, Violation

#: Bump when the entry layout changes; old entries are then never read.
FORMAT = 1
_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n# This directory is draftlint's result cache.\n"
)


def atomic_write(path: Path, data: bytes, mode: int | None = None, durable: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory.

    os.replace is atomic within one file system, so a reader (or a crash) never sees a
    half-written file.  ``mode`` defaults to that of the file being replaced, or for a new
    file to what the umask allows (mkstemp alone would make it private).
    """
    if mode is None:
        mode = _mode_for(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            if durable:  # on disk before the rename; cache entries skip it (a lost one is a miss)
                stream.flush()
                os.fsync(stream.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@cache
def code_fingerprint() -> str:
    """Size and mtime of every file of the installed package (code and data)."""
    root = package_dir()
    digest = hashlib.sha256(__version__.encode())
    for directory, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = os.path.join(directory, name)
            try:
                st = os.stat(path)
            except OSError:
                continue
            digest.update(
                f"{os.path.relpath(path, root)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode()
            )
    from draftlint.data_files import rules_dir  # the repo's rules/ in an editable install

    try:
        rules = rules_dir()
    except FileNotFoundError:
        return digest.hexdigest()
    if root not in rules.parents:
        for path in sorted(rules.rglob("*")):
            if path.is_file():
                st = path.stat()
                digest.update(
                    f"rules/{path.relative_to(rules)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode()
                )
    return digest.hexdigest()


def config_fingerprint(config: Config) -> str:
    """The config's values and the size and mtime of the word lists and packs it names."""
    data = dataclasses.asdict(config)
    files: list[tuple[str, int | None, int | None]] = []
    for name in (*config.vocabularies, *config.packs):
        path = Path(config.root) / name
        members = sorted(path.rglob("*")) if path.is_dir() else [path]  # a pack is a folder
        for member in members:
            try:
                st = member.stat()
                files.append((str(member), st.st_size, st.st_mtime_ns))
            except OSError:
                files.append((str(member), None, None))  # a built-in pack's name, or missing
    blob = json.dumps([data, files], sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


def cache_dir_for(config: Config) -> Path:
    """``cache-dir`` from the config, relative to the config's root (the cwd without one)."""
    return Path(config.root) / config.cache_dir


class ResultCache:
    """One cache directory; cheap to create and to pickle (only the path is kept)."""

    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)
        self._configs: dict[int, tuple[Config, str]] = {}  # id -> (config kept alive, fingerprint)

    def _config_fingerprint(self, config: Config) -> str:
        known = self._configs.get(id(config))
        if known is None or known[0] is not config:
            known = self._configs[id(config)] = (config, config_fingerprint(config))
        return known[1]

    def key(self, display: str, fmt: str | None, data: bytes, config: Config) -> str:
        digest = hashlib.sha256()
        for part in (
            str(FORMAT),
            code_fingerprint(),
            self._config_fingerprint(config),
            display,
            fmt or "",
        ):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.directory / f"v{FORMAT}" / key[:2] / f"{key}.json"

    def get(self, key: str) -> FileResult | None:
        try:
            raw = self._entry(key).read_bytes()
            return result_from_dict(json.loads(raw))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing, torn by an old writer, or from another layout: a miss

    def put(self, key: str, result: FileResult) -> None:
        if result.error is not None or getattr(result, "notices", None):
            # A read error is about the file system, not the content; a notice says the result
            # is incomplete (an outside engine was skipped) and the next run may do better.
            return
        entry = self._entry(key)
        try:
            self._prepare()
            entry.parent.mkdir(parents=True, exist_ok=True)
            data = json.dumps(result_to_dict(result), ensure_ascii=False).encode()
            atomic_write(entry, data, durable=False)
        except OSError:
            pass  # a read-only tree or a full disk: lint on without the cache

    def _prepare(self) -> None:
        """Mark the directory as a cache for backup tools and keep it out of git."""
        if (self.directory / "CACHEDIR.TAG").exists():
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", "# Created by draftlint.\n*\n")):
            try:
                atomic_write(self.directory / name, text.encode())
            except OSError:
                pass


# ---------------------------------------------------------------------- (de)serialising
def result_to_dict(result: FileResult) -> dict[str, Any]:
    return {
        "path": result.path,
        "format": result.format,
        "words": result.words,
        "readability": result.readability,
        "violations": [
            [
                v.line,
                v.column,
                v.end_line,
                v.end_column,
                v.code,
                v.name,
                int(v.severity),
                v.span.start,
                v.span.end,
                v.message,
                list(v.suggestions),
                v.fix,
                v.source,
            ]
            for v in result.violations
        ],
    }


def result_from_dict(data: dict[str, Any]) -> FileResult:
    path = data["path"]
    violations = [
        Violation(
            path=path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            code=code,
            name=name,
            severity=Severity(severity),
            span=Span(start, end),
            message=message,
            suggestions=tuple(suggestions),
            fix=fix,
            source=source,
        )
        for (
            line,
            column,
            end_line,
            end_column,
            code,
            name,
            severity,
            start,
            end,
            message,
            suggestions,
            fix,
            source,
        ) in data["violations"]
    ]
    return FileResult(
        path=path,
        format=data["format"],
        words=data["words"],
        violations=violations,
        readability=data["readability"],
    )
