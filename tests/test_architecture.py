"""The package's architecture: parts in layers, no import cycles, no upward imports.

Every import counts, also one inside a function or under ``TYPE_CHECKING``: a lazy import
hides a cycle from Python but not from the reader who follows the code.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "draftlint"

#: The layers, lowest first.  A module may import from its own layer and the ones below.  A
#: part is a subpackage or module of draftlint (``packs.vale``: a subpackage of one); a module
#: belongs to the longest part its name starts with.  The package's ``__init__`` is left out:
#: it names its public API as strings, imported on first use.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("data_files",),  # where the shipped data lives
    ("drafts",),  # source -> Document, its analysis
    ("violation",),  # Severity, Finding, Violation
    ("context", "syntax"),  # the n-gram model and what GR1 asks of it; the parser
    ("lexicon", "readability"),  # word knowledge; readability scores and targets
    ("packs.vale",),  # Vale's dialect: regexes, scopes, vocabulary (no rules)
    ("config",),  # settings, validated once
    ("rule", "rule_docs"),  # Rule, Context (typed settings), @rule
    ("packs",),  # rule kinds and packs as data
    ("checks",),  # the built-in code rules
    ("engines",),  # LanguageTool, Harper
    ("registry",),  # every rule by code
    ("run",),  # lint a Document; the loop over files
    ("report",),  # text, JSON, SARIF, GitHub, HTML, stats
    ("api", "server"),  # the Python API; the language server
    ("cli", "__main__"),
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path, known: Mapping[str, Path]) -> Iterator[tuple[str, int]]:
    """(module imported, line) for every import of a draftlint module in the file."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # "from draftlint.x import y" imports the module x.y when there is one
            targets = [
                f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names
            ]
        else:
            continue
        for target in targets:
            if target in known and target != name:
                yield target, node.lineno


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: {t for t, _ in imports_of(name, path, known)} for name, path in known.items()}


def cycles(edges: Mapping[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def layer_of(module: str) -> int | None:
    if module == "draftlint":
        return None
    name = module.removeprefix("draftlint.")
    best: tuple[int, int] | None = None  # (length of the part, its layer)
    for level, parts in enumerate(LAYERS):
        for part in parts:
            if (name == part or name.startswith(part + ".")) and (
                best is None or len(part) > best[0]
            ):
                best = (len(part), level)
    if best is None:
        raise AssertionError(f"{module} belongs to no layer: add its part to LAYERS")
    return best[1]


def test_the_detector_finds_a_cycle_and_an_upward_import() -> None:
    # the checks below would pass on an empty graph: show that they can fail
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
    assert layer_of("draftlint.drafts.document") < layer_of("draftlint.run.lint")  # type: ignore[operator]
    assert layer_of("draftlint.packs.vale.regex") < layer_of("draftlint.config.vale_ini")  # type: ignore[operator]
    assert layer_of("draftlint.config.vale_ini") < layer_of("draftlint.packs.runs")  # type: ignore[operator]


def test_the_graph_is_the_package() -> None:
    edges = graph()
    assert len(edges) > 80 and sum(map(len, edges.values())) > 200
    # a lazy import inside a function is seen
    assert "draftlint.context.slips" in edges["draftlint.checks.grammar.slips"]


def test_no_import_cycles() -> None:
    assert cycles(graph()) == []


def test_every_module_has_a_layer_and_imports_only_downward() -> None:
    known = modules()
    upward = []
    for name, path in known.items():
        mine = layer_of(name)
        if mine is None:
            continue
        for target, line in imports_of(name, path, known):
            theirs = layer_of(target)
            if theirs is not None and theirs > mine:
                upward.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {name} imports {target}")
    assert upward == []


@pytest.mark.parametrize("part", sorted({n for layer in LAYERS for n in layer}))
def test_every_part_named_in_layers_exists(part: str) -> None:
    path = PACKAGE.joinpath(*part.split("."))
    assert path.is_dir() or path.with_suffix(".py").is_file()
