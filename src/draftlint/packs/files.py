"""Rule files: a pack's YAML rules read into RuleFiles, with the line of every key and item.

YAML is read as Vale's Go parser reads it (YAML 1.2 scalars: ``yes`` stays a string).  The
field constants here (alert levels, doc parts, the draftlint file name) say what a rule file
may hold; checking it against them is ``pack_file_checks``'s job.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from draftlint.packs.kinds import KINDS
from draftlint.packs.vale.vocabulary import Vocabulary
from draftlint.violation import Severity

#: Vale's alert levels -> severities.
LEVELS: dict[str, Severity] = {
    "suggestion": Severity.INFO,
    "warning": Severity.WARNING,
    "error": Severity.ERROR,
}
DRAFTLINT_FILE = re.compile(r"^([A-Z]{2}\d{3})-([a-z0-9]+(?:-[a-z0-9]+)*)\.yml$")
DOC_PARTS = ("what", "why", "bad", "good")


class PackError(Exception):
    """A broken rule file: ``path:line: message``, exit code 2."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")


@dataclass(frozen=True)
class Issue:
    """A problem found in a rule file or pack, at ``path:line``."""

    path: str
    line: int | None
    message: str
    error: bool = True  # False: a note (a rule skipped), not a failure

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {'' if self.error else 'note: '}{self.message}"


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


def read_rule_file(path: Path, style: str, relative: str) -> RuleFile | Issue:
    """One rule file's YAML as a RuleFile, or the Issue that stops it being read.

    The code and name come from a draftlint file name (``ST101-cliche.yml``), else from the
    style and the path within it (``Style.sub.Rule``).
    """
    display = str(path)
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return Issue(display, None, f"cannot read rule: {exc}")
    try:
        node, data = _load_yaml(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return Issue(
            display, mark.line + 1 if mark else None, f"invalid YAML: {exc.problem or exc}"
        )
    except yaml.YAMLError as exc:
        return Issue(display, None, f"invalid YAML: {exc}")
    if not isinstance(data, dict) or node is None:
        return Issue(display, 1, "a rule file must be a YAML mapping of keys to values")
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
    return RuleFile(display, code, name, fields, lines, item_lines, draftlint=bool(match))


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


# ------------------------------------------------------- what a rule file runs as
def build_kind(rule: RuleFile, vocab: Vocabulary) -> Any:
    """The rule's kind, built for a run's vocabulary (its regexes are compiled here)."""
    return KINDS[rule.extends](rule.fields, vocab)


def scopes_of(fields: Mapping[str, Any]) -> list[str]:
    """The rule's ``scope`` as a list (Vale's default: ``text``)."""
    scope = fields.get("scope")
    if scope is None:
        return ["text"]
    return [scope] if isinstance(scope, str) else [str(s) for s in scope]
