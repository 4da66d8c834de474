"""Rule packs: folders of YAML rules, in Vale's format, loaded as draftlint Rules.

A pack is a folder of ``.yml`` rules (sub-folders allowed).  A rule's identity comes from its
file name:

* ``ST101-cliche.yml`` is a draftlint rule: code ``ST101``, name ``cliche``.  It carries a
  ``doc`` (what / why / bad / good) and its ``source`` like a code rule does;
* any other name is a Vale rule and keeps Vale's identity: ``Microsoft/Passive.yml`` is
  ``Microsoft.Passive`` (code and name), ``Style/sub/Rule.yml`` is ``Style.sub.Rule``.

Fields, defaults and semantics are Vale's (see kinds.py).  Unknown keys, wrong types and bad
regexes are errors with ``path:line``; kinds draftlint does not run (spelling, sequence,
script, readability) are skipped with a note, so a real Vale style still loads.

Packs are read once per process and path (``load_pack`` is cached).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from draftlint.document import Span
from draftlint.kinds import (
    COMMON_KEYS,
    FILE_START,
    KIND_KEYS,
    KINDS,
    REQUIRED_KEYS,
    UNSUPPORTED_KINDS,
    Hit,
    Vocabulary,
)
from draftlint.rule import CODE_PATTERN, FAMILIES, Context, Rule, RuleDoc
from draftlint.vale_regex import PatternError, compile_pattern
from draftlint.vale_scopes import ValeBlock, block_text, blocks_of, matches, parse_scope
from draftlint.violation import Finding, Severity

#: Vale's alert levels -> severities.
LEVELS: dict[str, Severity] = {
    "suggestion": Severity.INFO,
    "warning": Severity.WARNING,
    "error": Severity.ERROR,
}
DRAFTLINT_FILE = re.compile(r"^([A-Z]{2}\d{3})-([a-z0-9]+(?:-[a-z0-9]+)*)\.yml$")
#: Keys only a draftlint-named rule has.
DRAFTLINT_KEYS = frozenset({"doc", "source"})
DOC_PARTS = ("what", "why", "bad", "good")


class PackError(Exception):
    """A broken rule file: ``path:line: message``, exit code 2."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")


@dataclass(frozen=True)
class Issue:
    path: str
    line: int | None
    message: str
    error: bool = True  # False: a note (a rule skipped), not a failure

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {'' if self.error else 'note: '}{self.message}"


class SourceFinding(Finding):
    """A Finding whose span is in source offsets (``scope: raw``, top-of-file alerts)."""

    __slots__ = ()
    in_source = True


# ---------------------------------------------------------------------------- YAML
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML 1.2 scalars, as Vale's Go parser reads them: ``yes``/``on`` stay strings."""


_Loader.yaml_implicit_resolvers = {
    first: [
        r
        for r in resolvers
        if r[0]
        not in (
            "tag:yaml.org,2002:bool",
            "tag:yaml.org,2002:int",
            "tag:yaml.org,2002:float",
            "tag:yaml.org,2002:timestamp",
        )
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789")
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)


@dataclass
class RuleFile:
    """One parsed rule file: its fields (keys lower-cased) and where each key sits."""

    path: str
    code: str
    name: str
    fields: dict[str, Any]
    lines: dict[str, int] = field(default_factory=dict)
    item_lines: dict[str, list[int]] = field(default_factory=dict)
    draftlint: bool = False

    @property
    def extends(self) -> str:
        return str(self.fields.get("extends", ""))

    def line(self, key: str) -> int | None:
        return self.lines.get(key)


def parse_rule_file(
    path: Path, style: str, relative: str, compile_patterns: bool = False
) -> tuple[RuleFile | None, list[Issue]]:
    """Read and check one rule file; returns the rule (None if broken or skipped) and issues.

    Regexes are compiled only when asked (validate-rules): a large style compiles in seconds,
    so a run compiles each rule on first use instead (PackCheck.kind).
    """
    display = str(path)
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Issue(display, None, f"cannot read rule: {exc}")]
    try:
        node, data = _load_yaml(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return None, [
            Issue(display, mark.line + 1 if mark else None, f"invalid YAML: {exc.problem or exc}")
        ]
    except yaml.YAMLError as exc:
        return None, [Issue(display, None, f"invalid YAML: {exc}")]
    if not isinstance(data, dict) or node is None:
        return None, [Issue(display, 1, "a rule file must be a YAML mapping of keys to values")]
    match = DRAFTLINT_FILE.match(path.name)
    if match:
        code, name = match.group(1), match.group(2)
    else:
        code = name = ".".join([style, *relative.removesuffix(".yml").split("/")])
    fields: dict[str, Any] = {}
    lines: dict[str, int] = {}
    item_lines: dict[str, list[int]] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value).lower()
        fields[key] = data.get(key_node.value)
        lines[key] = key_node.start_mark.line + 1
        if isinstance(value_node, yaml.SequenceNode):
            item_lines[key] = [n.start_mark.line + 1 for n in value_node.value]
        elif isinstance(value_node, yaml.MappingNode):
            item_lines[key] = [k.start_mark.line + 1 for k, _ in value_node.value]
    rule = RuleFile(display, code, name, fields, lines, item_lines, draftlint=bool(match))
    issues = check_rule_file(rule, compile_patterns)
    if any(i.error for i in issues) or rule.extends in UNSUPPORTED_KINDS or "." in rule.extends:
        return None, issues
    return rule, issues


def _load_yaml(text: str) -> tuple[Any, Any]:
    try:
        return _compose(text)
    except yaml.MarkedYAMLError as exc:
        # Go's YAML accepts \' inside double quotes (Joblint's Hair.yml has it); so do we.
        if "\\'" in text and "escape" in str(exc.problem):
            return _compose(text.replace("\\'", "'"))
        raise


def _compose(text: str) -> tuple[Any, Any]:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return node, data


# ---------------------------------------------------------------------- validation
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
    for s in _scopes(f):
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
        issues.append(Issue(rule.path, _culprit_line(rule), f"bad regex: {exc}"))
    except ValueError as exc:  # a formula, a number
        issues.append(Issue(rule.path, rule.line("formula") or 1, str(exc)))


def _culprit_line(rule: RuleFile) -> int:
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


def build_kind(rule: RuleFile, vocab: Vocabulary) -> Any:
    return KINDS[rule.extends](rule.fields, vocab)


def _scopes(fields: Mapping[str, Any]) -> list[str]:
    scope = fields.get("scope")
    if scope is None:
        return ["text"]
    return [scope] if isinstance(scope, str) else [str(s) for s in scope]


# --------------------------------------------------------------------------- packs
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
    )


# ---------------------------------------------------------------------------- runs
class PackCheck:
    """The check function of a data rule: its kind run over the blocks its scope names."""

    def __init__(self, rule: RuleFile) -> None:
        self.rule = rule
        self.selectors = parse_scope(_scopes(rule.fields))
        self._kinds: dict[Vocabulary, Any] = {}

    def kind(self, vocab: Vocabulary) -> Any:
        kind = self._kinds.get(vocab)
        if kind is None:
            try:
                kind = self._kinds[vocab] = build_kind(self.rule, vocab)
            except PatternError as exc:
                raise PackError(
                    self.rule.path, _culprit_line(self.rule), f"bad regex: {exc}"
                ) from None
            except ValueError as exc:
                raise PackError(self.rule.path, self.rule.line("formula") or 1, str(exc)) from None
        return kind

    def __call__(self, document: Any, context: Context) -> Iterable[Finding]:
        settings = context.settings.get("vale") or {}
        vocab = settings.get("vocabulary") if isinstance(settings, Mapping) else None
        ini = settings.get("settings") if isinstance(settings, Mapping) else None
        kind = self.kind(vocab if isinstance(vocab, Vocabulary) else Vocabulary())
        from draftlint import vale_filters  # noqa: PLC0415

        off = vale_filters.switched_off(document, self.rule.code) if document.comments else []
        ignored = vale_filters.ignored_ranges(
            document,
            ini.ignores_for(document.path) if ini is not None else [],
            tuple(ini.ignored_classes) + vale_filters.DEFAULT_CLASSES
            if ini is not None
            else vale_filters.DEFAULT_CLASSES,
            tuple(ini.ignored_scopes) if ini is not None else (),
        )
        skipped = frozenset(ini.skipped_scopes) if ini is not None else frozenset()
        limit = int(self.rule.fields.get("limit") or 0)
        seen: set[int] = set()
        findings: list[Finding] = []
        for finding, matched in self._findings(document, kind, skipped):
            span = (
                finding.span
                if isinstance(finding, SourceFinding)
                else document.to_source(finding.span)
            )
            start = span.start
            if (
                start in seen
                or any(o.covers(start, matched) for o in off)
                or any(a <= start < b for a, b in ignored)
            ):
                continue
            seen.add(start)
            findings.append(finding)
            if limit and len(findings) >= limit:
                break
        return findings

    def _findings(
        self, document: Any, kind: Any, skipped: frozenset[str]
    ) -> Iterator[tuple[Finding, str]]:
        if self.rule.extends == "metric":
            yield from self._metric(document, kind)
            return
        state: dict[str, Any] = {}
        for block in blocks_of(document):
            if not matches(self.selectors, block) or (skipped and skipped & block.sections):
                continue
            body, where = block_text(document, block)
            for hit in kind.run(body, state):
                yield (
                    self._finding(document, block, body, where, hit),
                    body[max(hit.start, 0) : max(hit.end, 0)],
                )

    def _finding(
        self, document: Any, block: ValeBlock, body: str, where: list[int] | None, hit: Hit
    ) -> Finding:
        if hit.start == FILE_START:
            return SourceFinding(Span(0, 0), hit.message, hit.suggestions)
        start, end = hit.start, hit.end
        if hit.search:  # Vale places these by searching the block for the matched text
            found = re.search(r"(?:^|\b|_)" + re.escape(body[start:end]) + r"(?:_|\b|$)", body)
            if found is not None:
                start, end = found.start(), found.end()
        if block.source:
            return SourceFinding(
                Span(block.start + start, block.start + end), hit.message, hit.suggestions
            )
        if where is not None:
            start, end = (
                where[start] if start < len(where) else block.end,
                (where[end - 1] + 1) if end > start else where[start],
            )
        else:
            start, end = block.start + start, block.start + end
        span = document.to_source((start, end))
        if (
            not self.rule.draftlint
            and document.text[span.start : span.end] != document.prose[start:end]
        ):
            # The match runs across markup (``has <b>has</b>``, an entity): Vale cannot find
            # such text in the file and reports it at the start of its line; so do we.
            line_start = (
                max(
                    document.text.rfind("\n", 0, span.start),
                    document.text.rfind("\r", 0, span.start),
                )
                + 1
            )
            return SourceFinding(Span(line_start, span.end), hit.message, hit.suggestions)
        return Finding(Span(start, end), hit.message, hit.suggestions)

    def _metric(self, document: Any, kind: Any) -> Iterator[tuple[Finding, str]]:
        from draftlint.vale_metrics import variables  # noqa: PLC0415 - only metric rules need it

        hit = kind.measure(variables(document))
        if hit is not None:
            yield SourceFinding(Span(0, 0), hit.message), ""


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
