"""Checks of one parsed rule file against the fields its kind takes, each problem an Issue.

Unknown keys, wrong types, missing keys, a draftlint rule's doc and (when asked) its regexes;
each Issue points at the line that causes it, a bad regex at its own token.
"""

from __future__ import annotations

from typing import Any

from draftlint.packs.files import DOC_PARTS, LEVELS, Issue, RuleFile, build_kind, scopes_of
from draftlint.packs.kinds import COMMON_KEYS, KIND_KEYS, KINDS, REQUIRED_KEYS, UNSUPPORTED_KINDS
from draftlint.packs.vale.regex import PatternError, compile_pattern
from draftlint.packs.vale.vocabulary import Vocabulary
from draftlint.rule import CODE_PATTERN, FAMILIES

#: Keys only a draftlint-named rule has.
DRAFTLINT_KEYS = frozenset({"doc", "source"})
_BOOL_KEYS = ("ignorecase", "nonword", "append", "vocab", "alpha", "capitalize", "matchcase")
_INT_KEYS = ("max", "min", "limit")


def check_rule_file(rule: RuleFile, compile_patterns: bool = True) -> list[Issue]:
    """Every problem of one rule: unknown keys, wrong types, missing keys, bad regexes."""
    f, path = rule.fields, rule.path
    issues: list[Issue] = []

    def err(key: str | None, message: str, line: int | None = None) -> None:
        issues.append(Issue(path, line or (rule.line(key) if key else 1) or 1, message))

    extends = f.get("extends")
    if not isinstance(extends, str) or not extends:
        err(
            "extends" if "extends" in f else None,
            "missing the required 'extends' key (the rule's kind)",
        )
        return issues
    if extends in UNSUPPORTED_KINDS or "." in extends:
        what = (
            f"kind {extends!r} is not run by draftlint"
            if "." not in extends
            else f"extends another rule ({extends})"
        )
        issues.append(
            Issue(path, rule.line("extends"), f"{what}; rule {rule.name} skipped", error=False)
        )
        return issues
    if extends not in KINDS:
        known = ", ".join(sorted(KINDS) + list(UNSUPPORTED_KINDS))
        err("extends", f"'extends' must be one of {known}, not {extends!r}")
        return issues
    allowed = COMMON_KEYS | KIND_KEYS[extends] | (DRAFTLINT_KEYS if rule.draftlint else frozenset())
    for key in f:
        if key not in allowed:
            err(
                key,
                f"unknown key {key!r} for a {extends} rule (known keys: {', '.join(sorted(allowed))})",
            )
    if "message" not in f:
        err(None, "missing the required 'message' key")
    for key in REQUIRED_KEYS.get(extends, ()):
        if key not in f:
            err(None, f"missing the required {key!r} key for a {extends} rule")
    level = f.get("level")
    if level is not None and level not in LEVELS:
        err("level", f"'level' must be one of suggestion, warning, error, not {level!r}")
    if f.get("code"):
        err("code", "'code' is deprecated; use 'scope: raw'")
    _check_types(rule, err)
    if rule.draftlint:
        _check_doc(rule, err)
    if compile_patterns and not any(i.error for i in issues):
        _check_patterns(rule, issues)
    return issues


def _check_types(rule: RuleFile, err: Any) -> None:
    f = rule.fields
    for key in _BOOL_KEYS:
        if key in f and not isinstance(f[key], bool):
            err(key, f"{key!r} must be true or false, not {f[key]!r}")
    for key in _INT_KEYS:
        if key in f and (isinstance(f[key], bool) or not isinstance(f[key], int)):
            err(key, f"{key!r} must be a whole number, not {f[key]!r}")
    for key in ("tokens", "exceptions", "raw", "indicators"):
        if key in f and f[key] is not None and not isinstance(f[key], (list, str)):
            err(key, f"{key!r} must be a list of strings")
    for key in ("swap", "either"):
        if key in f and not isinstance(f[key], dict):
            err(key, f"{key!r} must be a mapping of terms")
    scope = f.get("scope")
    if scope is not None and not (
        isinstance(scope, str)
        or (isinstance(scope, list) and all(isinstance(s, str) for s in scope))
    ):
        err("scope", "'scope' must be a string or a list of strings")
    for s in scopes_of(f):
        if " " in s.replace(" & ", "&").strip():
            err("scope", f"scope {s!r} contains spaces")
    for key in (
        "message",
        "description",
        "link",
        "token",
        "first",
        "second",
        "match",
        "formula",
        "condition",
    ):
        if key in f and f[key] is not None and not isinstance(f[key], (str, int, float)):
            err(key, f"{key!r} must be a string")
    action = f.get("action")
    if action is not None and not (isinstance(action, dict) and set(action) <= {"name", "params"}):
        err("action", "'action' must be a mapping with 'name' and optional 'params'")


def _check_doc(rule: RuleFile, err: Any) -> None:
    if not CODE_PATTERN.match(rule.code) or rule.code[:2] not in FAMILIES:
        err(None, f"code {rule.code} is not in a known family ({', '.join(FAMILIES)})")
    doc = rule.fields.get("doc")
    if not isinstance(doc, dict):
        err(
            "doc" if "doc" in rule.fields else None,
            "a draftlint rule needs a 'doc' with what, why, bad and good",
        )
        return
    for part in DOC_PARTS:
        if not isinstance(doc.get(part), str) or not doc[part].strip():
            err("doc", f"'doc' lacks a non-empty {part!r}")
    for part in doc:
        if part not in DOC_PARTS:
            err("doc", f"unknown key {part!r} in 'doc' (known: {', '.join(DOC_PARTS)})")
    if not isinstance(rule.fields.get("source"), str) or not rule.fields["source"].strip():
        err(
            "source" if "source" in rule.fields else None,
            "a draftlint rule needs a 'source' (where its list comes from)",
        )


def _check_patterns(rule: RuleFile, issues: list[Issue]) -> None:
    """Compile the rule; a failure is reported at the token (or key) that causes it."""
    try:
        build_kind(rule, Vocabulary())
    except PatternError as exc:
        issues.append(Issue(rule.path, culprit_line(rule), f"bad regex: {exc}"))
    except ValueError as exc:  # a formula, a number
        issues.append(Issue(rule.path, rule.line("formula") or 1, str(exc)))


def culprit_line(rule: RuleFile) -> int:
    """The line of the first pattern that fails to compile (its own item's line if known)."""
    for key in (
        "tokens",
        "raw",
        "swap",
        "either",
        "exceptions",
        "token",
        "first",
        "second",
        "match",
    ):
        value = rule.fields.get(key)
        items = (
            list(value)
            if isinstance(value, (list, dict))
            else ([value] if isinstance(value, str) else [])
        )
        lines = rule.item_lines.get(key, [])
        for n, item in enumerate(items):
            candidates = [str(item)] + ([str(value[item])] if key == "either" else [])
            for pattern in candidates:
                try:
                    compile_pattern(pattern)
                except PatternError:
                    return lines[n] if n < len(lines) else (rule.line(key) or 1)
    return rule.line("tokens") or rule.line("swap") or 1
