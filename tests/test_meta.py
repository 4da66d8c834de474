"""The registry, the rule docs and the golden files agree (proselint/ruff-style meta-tests)."""

from __future__ import annotations

import pytest
from golden_cases import GOLDEN_DIR, parse_golden

from draftlint.config.settings import Config
from draftlint.registry import builtin_rules
from draftlint.rule import CODE_PATTERN, FAMILIES
from draftlint.run.lint import lint_text

RULES = list(builtin_rules().values())


def test_engine_codes_are_documented() -> None:
    """LT/HP codes have docs too (their behaviour is tested by the engine tests, not goldens)."""
    from draftlint.registry import engine_rules

    for rule in engine_rules().values():
        assert rule.code[:2] in ("LT", "HP") and rule.doc.what and rule.doc.why
        assert not set(engine_rules()) & set(builtin_rules())


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_is_documented(rule) -> None:
    assert CODE_PATTERN.match(rule.code) and rule.family in FAMILIES
    assert rule.name == rule.name.lower() and " " not in rule.name and "_" not in rule.name
    for part in ("what", "why", "bad", "good"):
        assert getattr(rule.doc, part).strip(), f"{rule.code} has no '{part}' in its doc"
    assert rule.summary.endswith(".")


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_has_golden_file_with_both_kinds_of_case(rule) -> None:
    path = GOLDEN_DIR / f"{rule.code}.md"
    assert path.is_file(), f"missing golden file {path.name}"
    cases = parse_golden(path)
    assert any(c.okay for c in cases), f"{path.name} has no Okay case"
    assert any(e.code == rule.code for c in cases for e in c.expected), (
        f"{path.name} has no failing case"
    )


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_doc_examples_behave(rule) -> None:
    """The doc's bad example is flagged by its rule, the good one is not."""
    config = Config(select=(rule.code,))
    bad = lint_text(rule.doc.bad + "\n", "doc.txt", "text", config)
    good = lint_text(rule.doc.good + "\n", "doc.txt", "text", config)
    assert [v.code for v in bad.violations if v.code == rule.code], (
        f"{rule.code}: bad example not flagged"
    )
    assert not [v for v in good.violations if v.code == rule.code], (
        f"{rule.code}: good example flagged"
    )


def test_every_golden_file_names_a_rule() -> None:
    codes = set(builtin_rules())
    paths = sorted(GOLDEN_DIR.glob("*.md"))
    assert len(paths) == len(codes)  # one golden file per rule, none left over
    for path in paths:
        assert path.stem in codes, f"{path.name} has no rule"


def test_the_registry_holds_every_family() -> None:
    """The parametrized meta-tests above are only as strong as the set they run over."""
    assert {rule.family for rule in RULES} >= set(FAMILIES) - {"LT", "HP", "VL"}
    assert len(RULES) >= 30


def test_generated_rules_reference_is_current() -> None:
    """docs/RULES.md is regenerated with `draftlint rules --markdown > docs/RULES.md`."""
    import os
    from pathlib import Path

    from draftlint.rule_docs import render_markdown

    path = Path(__file__).resolve().parent.parent / "docs" / "RULES.md"
    from draftlint.registry import documented_rules

    expected = render_markdown(documented_rules().values())
    if os.environ.get("DRAFTLINT_UPDATE_SNAPSHOTS"):
        path.write_text(expected, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == expected, "docs/RULES.md is stale: regenerate it"


# ------------------------------------------------------------- data rules (rules/<pack>/)
def _pack_rule_files() -> list:
    from draftlint.packs.loader import builtin_packs, rule_files

    return [path for pack in builtin_packs() for path, _ in rule_files(pack)]


def test_builtin_packs_validate_and_every_file_is_a_rule() -> None:
    """Each built-in pack passes validate-rules (regexes compiled) and no file is skipped."""
    from draftlint.packs.loader import DRAFTLINT_FILE, builtin_packs, read_pack

    assert builtin_packs(), "no built-in packs found"
    for pack_dir in builtin_packs():
        pack = read_pack(pack_dir, compile_patterns=True)
        assert not pack.issues, "\n".join(str(i) for i in pack.issues)
        files = [p for p in pack_dir.rglob("*.yml")]
        assert len(pack.rules) == len(files), f"{pack_dir.name}: some rule files were not loaded"
        for path in files:
            assert DRAFTLINT_FILE.match(path.name), (
                f"{path.name}: a built-in rule is named <CODE>-<name>.yml"
            )


@pytest.mark.parametrize("path", _pack_rule_files(), ids=lambda p: p.name)
def test_data_rule_is_registered_under_its_file_name(path) -> None:
    """A data rule's code and name come from its file name, and it notes its source."""
    code, name = path.stem.split("-", 1)
    rule = builtin_rules().get(code)
    assert rule is not None and rule.name == name and rule.origin == path.parent.name
    from draftlint.packs.loader import PackCheck

    assert (
        isinstance(rule.check, PackCheck) and str(rule.check.rule.fields.get("source", "")).strip()
    )
