"""Rule packs: folders of YAML rules, in Vale's format, loaded as draftlint Rules.

A pack is a folder of ``.yml`` rules (sub-folders allowed).  A rule's identity comes from its
file name:

* ``ST101-cliche.yml`` is a draftlint rule: code ``ST101``, name ``cliche``.  It carries a
  ``doc`` (what / why / bad / good) and its ``source`` like a code rule does;
* any other name is a Vale rule and keeps Vale's identity: ``Microsoft/Passive.yml`` is
  ``Microsoft.Passive`` (code and name), ``Style/sub/Rule.yml`` is ``Style.sub.Rule``.

Fields, defaults and semantics are Vale's (see packs/kinds).  Unknown keys, wrong types and bad
regexes are errors with ``path:line``; kinds draftlint does not run (spelling, sequence,
script, readability) are skipped with a note, so a real Vale style still loads.

Packs are read once per process and path (``load_pack`` is cached).

This module holds the packs: their rules read and checked, where they live, and Vale's own
rules.  Reading a rule file is ``pack_files``, checking it ``pack_file_checks``, running it
``pack_runs``; their public names are re-exported here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from draftlint.packs.file_checks import DRAFTLINT_KEYS, check_rule_file
from draftlint.packs.files import (
    DOC_PARTS,
    DRAFTLINT_FILE,
    LEVELS,
    Issue,
    PackError,
    RuleFile,
    build_kind,
    read_rule_file,
)
from draftlint.packs.kinds import UNSUPPORTED_KINDS
from draftlint.packs.runs import PackCheck
from draftlint.rule import Rule, RuleDoc
from draftlint.violation import Severity

__all__ = [
    "DOC_PARTS",
    "DRAFTLINT_FILE",
    "DRAFTLINT_KEYS",
    "LEVELS",
    "Issue",
    "Pack",
    "PackCheck",
    "PackError",
    "RuleFile",
    "build_kind",
    "builtin_pack_rules",
    "builtin_packs",
    "check_rule_file",
    "load_pack",
    "make_rule",
    "parse_rule_file",
    "read_pack",
    "resolve_packs",
    "rule_files",
    "rules_of_packs",
    "vale_builtin_rules",
]


# --------------------------------------------------------------------------- packs
def parse_rule_file(
    path: Path, style: str, relative: str, compile_patterns: bool = False
) -> tuple[RuleFile | None, list[Issue]]:
    """Read and check one rule file; returns the rule (None if broken or skipped) and issues.

    Regexes are compiled only when asked (validate-rules): a large style compiles in seconds,
    so a run compiles each rule on first use instead (PackCheck.kind).
    """
    rule = read_rule_file(path, style, relative)
    if isinstance(rule, Issue):
        return None, [rule]
    issues = check_rule_file(rule, compile_patterns)
    if any(i.error for i in issues) or rule.extends in UNSUPPORTED_KINDS or "." in rule.extends:
        return None, issues
    return rule, issues


@dataclass
class Pack:
    path: str
    name: str
    rules: list[Rule]
    issues: list[Issue]


def rule_files(folder: Path) -> Iterator[tuple[Path, str]]:
    """The .yml files of a pack, sorted, with their path relative to it (Vale's walk)."""
    for path in sorted(folder.rglob("*.yml")):
        relative = path.relative_to(folder)
        if any(part.startswith((".", "_")) for part in relative.parts[:-1]) or path.name.endswith(
            ".test.yml"
        ):
            continue
        yield path, relative.as_posix()


def read_pack(folder: Path, style: str | None = None, compile_patterns: bool = False) -> Pack:
    """Every rule and every issue of a pack folder (validate-rules shows them all)."""
    style = style or folder.name
    rules: list[Rule] = []
    issues: list[Issue] = []
    if not folder.is_dir():
        return Pack(str(folder), style, [], [Issue(str(folder), None, "pack folder not found")])
    codes: dict[str, str] = {}
    for path, relative in rule_files(folder):
        parsed, found = parse_rule_file(path, style, relative, compile_patterns)
        issues.extend(found)
        if parsed is None:
            continue
        if parsed.code in codes:
            issues.append(
                Issue(
                    str(path),
                    1,
                    f"rule code {parsed.code} is used twice (also {codes[parsed.code]})",
                )
            )
            continue
        codes[parsed.code] = str(path)
        rules.append(make_rule(parsed, style))
    return Pack(str(folder), style, rules, issues)


@lru_cache(maxsize=64)
def load_pack(folder: str) -> Pack:
    """A pack's rules, read once per path; raises PackError on the first broken rule."""
    pack = read_pack(Path(folder))
    for issue in pack.issues:
        if issue.error:
            raise PackError(issue.path, issue.line, issue.message)
    return pack


def make_rule(rule: RuleFile, pack: str) -> Rule:
    f = rule.fields
    severity = LEVELS.get(str(f.get("level", "warning")), Severity.WARNING)
    summary = str(f.get("description") or f.get("message") or "").strip()
    doc = f.get("doc") if rule.draftlint else None
    if isinstance(doc, dict):
        rule_doc = RuleDoc(*(str(doc.get(part, "")).strip() for part in DOC_PARTS))
    else:
        rule_doc = RuleDoc(
            what=summary, why=str(f.get("link") or f"From the {pack} style."), bad="", good=""
        )
    return Rule(
        code=rule.code,
        name=rule.name,
        severity=severity,
        summary=summary,
        doc=rule_doc,
        check=PackCheck(rule),
        origin=pack,
        source=rule.path,
    )


def rules_of_packs(paths: Iterable[str]) -> list[Rule]:
    """The rules of several packs, in order (each pack read once per process)."""
    return [rule for path in paths for rule in load_pack(path).rules]


# ---------------------------------------------------------------- where packs live
def builtin_packs() -> list[Path]:
    """The packs shipped in rules/ (every folder of .yml rules; rules/lists holds data)."""
    from draftlint.data_files import rules_dir  # noqa: PLC0415

    try:
        base = rules_dir()
    except FileNotFoundError:
        return []
    return [
        p
        for p in sorted(base.iterdir())
        if p.is_dir() and p.name != "lists" and any(p.glob("*.yml"))
    ]


def builtin_pack_rules() -> list[Rule]:
    return rules_of_packs(str(p) for p in builtin_packs())


def resolve_packs(entries: Iterable[str], root: str) -> list[str]:
    """Config ``packs`` entries -> folders: a built-in pack name, else a path from the config."""
    builtin = {p.name: p for p in builtin_packs()}
    folders = []
    for entry in entries:
        if entry in builtin:
            continue  # already among the built-in rules
        folder = Path(entry) if Path(entry).is_absolute() else Path(root) / entry
        if not folder.is_dir():
            raise PackError(
                str(folder), None, f"pack {entry!r} not found (not a built-in pack or a folder)"
            )
        folders.append(str(folder.resolve()))
    return folders


# ------------------------------------------------------------ Vale's built-in rules
_VALE_RULES: dict[str, dict[str, Any]] = {
    "Repetition": {
        "extends": "repetition",
        "message": "'%s' is repeated!",
        "level": "error",
        "scope": "text",
        "ignorecase": True,
        "alpha": True,
        "tokens": [r"[^\s.!?]+"],
    },
    "Terms": {
        "extends": "substitution",
        "message": "Use '%s' instead of '%s'.",
        "level": "error",
        "scope": "text",
        "ignorecase": True,
        "vocab": False,
    },
    "Avoid": {
        "extends": "existence",
        "message": "Avoid using '%s'.",
        "level": "error",
        "scope": "text",
        "ignorecase": False,
    },
}


@lru_cache(maxsize=16)
def vale_builtin_rules(settings: Any) -> list[Rule]:
    """Vale.Repetition, and Vale.Terms / Vale.Avoid from the config's vocabulary."""
    made: list[Rule] = []
    wanted = settings.needs_vale_style
    for name, base in _VALE_RULES.items():
        fields = dict(base)
        if name == "Terms":
            if not settings.accepted:
                continue
            fields["swap"] = {term.lower(): term for term in settings.accepted}
        elif name == "Avoid":
            if not settings.rejected:
                continue
            fields["tokens"] = list(settings.rejected)
        elif not wanted:
            continue
        code = f"Vale.{name}"
        made.append(make_rule(RuleFile(f"<built-in {code}>", code, code, fields), "Vale"))
    return made
