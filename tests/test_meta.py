"""The registry, the rule docs and the golden files agree (proselint/ruff-style meta-tests)."""

from __future__ import annotations

import pytest
from golden_cases import GOLDEN_DIR, parse_golden

from draftlint.config import Config
from draftlint.engine import lint_text
from draftlint.registry import builtin_rules
from draftlint.rule import CODE_PATTERN, FAMILIES

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
    assert any(e.code == rule.code for c in cases for e in c.expected), f"{path.name} has no failing case"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_doc_examples_behave(rule) -> None:
    """The doc's bad example is flagged by its rule, the good one is not."""
    config = Config(select=(rule.code,))
    bad = lint_text(rule.doc.bad + "\n", "doc.txt", "text", config)
    good = lint_text(rule.doc.good + "\n", "doc.txt", "text", config)
    assert [v.code for v in bad.violations if v.code == rule.code], f"{rule.code}: bad example not flagged"
    assert not [v for v in good.violations if v.code == rule.code], f"{rule.code}: good example flagged"


def test_every_golden_file_names_a_rule() -> None:
    codes = set(builtin_rules())
    for path in GOLDEN_DIR.glob("*.md"):
        assert path.stem in codes, f"{path.name} has no rule"


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
