"""What a Vale config says, kept as a draftlint Config's ``vale``: per file, which Vale rules run
(Vale's shouldRun), at which level, what is ignored, and the vocabulary every rule takes.

Read from a ``.vale.ini`` by ``config.vale_ini``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from draftlint.packs.vale.regex import compile_pattern
from draftlint.packs.vale.vocabulary import WORD_TEMPLATE, Vocabulary
from draftlint.violation import Severity

LEVELS = {"suggestion": Severity.INFO, "warning": Severity.WARNING, "error": Severity.ERROR}


@dataclass
class Section:
    glob: str
    pattern: re.Pattern[str]
    styles: tuple[str, ...] | None = None
    checks: dict[str, bool] = field(default_factory=dict)
    ignores: list[str] = field(default_factory=list)


@dataclass(eq=False)
class ValeSettings:
    """What the ini says, and the per-file rule switch built from it (Vale's shouldRun)."""

    path: str
    root: str
    styles_path: str
    min_level: Severity = Severity.INFO
    global_styles: tuple[str, ...] = ()
    global_checks: dict[str, bool] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    levels: dict[str, Severity] = field(default_factory=dict)
    accepted: tuple[str, ...] = ()
    rejected: tuple[str, ...] = ()
    word_template: str = WORD_TEMPLATE
    global_ignores: list[str] = field(default_factory=list)
    packs: tuple[str, ...] = ()  # the style folders, set once the ini is read
    skipped_scopes: tuple[str, ...] = ()  # block scopes not linted (SkippedScopes = blockquote)
    ignored_classes: tuple[str, ...] = ()
    ignored_scopes: tuple[str, ...] = ()  # inline tags not linted (IgnoredScopes = code, strong)

    @property
    def vocabulary(self) -> Vocabulary:
        return Vocabulary(self.accepted, self.word_template)

    def _for(self, path: str | None) -> tuple[tuple[str, ...], dict[str, bool]]:
        styles, checks = self.global_styles, dict(self.global_checks)
        if path is None:
            return styles, checks
        names = _candidates(path, self.root)
        for section in self.sections:
            if any(section.pattern.fullmatch(n) for n in names):
                if section.styles is not None:
                    styles = section.styles
                checks.update(section.checks)
        return styles, checks

    def is_selected(self, code: str, path: str | None, level: Severity | None = None) -> bool:
        """Vale's verdict for a dotted rule code on a file, ``level`` being the rule's own (the
        ini's level for the rule or its style overrides it); draftlint codes are left alone."""
        if "." not in code:
            return True
        style = code.split(".", 1)[0]
        if (
            level is not None
            and self.levels.get(code, self.levels.get(style, level)) < self.min_level
        ):
            return False
        styles, checks = self._for(path)
        for key in (code, style):
            if key in checks:
                return checks[key]
        return style in styles

    def ignores_for(self, path: str) -> list[re.Pattern[str]]:
        patterns = list(self.global_ignores)
        names = _candidates(path, self.root)
        for section in self.sections:
            if any(section.pattern.fullmatch(n) for n in names):
                patterns.extend(section.ignores)
        return [_compile_ignore(p) for p in patterns]

    @property
    def needs_vale_style(self) -> bool:
        named = set(self.global_styles) | set(self.global_checks)
        for section in self.sections:
            named |= set(section.styles or ()) | set(section.checks)
        return any(n == "Vale" or n.startswith("Vale.") for n in named)


def _compile_ignore(pattern: str) -> re.Pattern[str]:
    return compile_pattern(pattern)


def _candidates(path: str, root: str) -> list[str]:
    """The spellings of a path a section glob is tried against."""
    posix = path.replace("\\", "/")
    names = {posix.removeprefix("./"), PurePosixPath(posix).name}
    try:
        names.add(Path(path).resolve().relative_to(Path(root).resolve()).as_posix())
    except ValueError:
        pass
    return sorted(names)


def glob_to_regex(glob: str) -> re.Pattern[str]:
    """Vale's (gobwas) globs: ``*`` crosses folders, ``{a,b}``, ``[!x]``, ``?``."""
    out, i, depth = [], 0, 0
    while i < len(glob):
        c = glob[i]
        if c == "*":
            while i + 1 < len(glob) and glob[i + 1] == "*":
                i += 1
            out.append(".*")
        elif c == "?":
            out.append(".")
        elif c == "{":
            depth += 1
            out.append("(?:")
        elif c == "}" and depth:
            depth -= 1
            out.append(")")
        elif c == "," and depth:
            out.append("|")
        elif c == "[":
            end = glob.find("]", i + 1)
            if end < 0:
                out.append(re.escape(c))
            else:
                body = glob[i + 1 : end]
                out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
                i = end
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("".join(out))
