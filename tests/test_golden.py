"""Every golden case produces exactly the findings its header names, for the file's rule."""

from __future__ import annotations

import pytest
from golden_cases import GoldenCase, all_cases

from draftlint.config.settings import Config
from draftlint.registry import builtin_rules
from draftlint.run.lint import lint_text

CASES = all_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_golden_case(case: GoldenCase) -> None:
    code = case.file.removesuffix(".md")
    assert code in builtin_rules(), f"{case.file}: no rule with code {code}"
    config = Config(select=(code,))
    suffix = {"text": ".txt", "markdown": ".md", "html": ".html"}[case.fmt]
    result = lint_text(case.text, f"case{suffix}", case.fmt, config)
    found = [(v.code, v.line, v.column) for v in result.violations]
    expected = list(case.expected)
    unexpected = list(found)
    missing = []
    for exp in expected:
        match = next(
            (
                f
                for f in unexpected
                if f[0] == exp.code and (exp.line is None or (f[1], f[2]) == (exp.line, exp.column))
            ),
            None,
        )
        if match is None:
            missing.append(exp)
        else:
            unexpected.remove(match)
    assert not missing and not unexpected, (
        f"{case.id}\n--- text ---\n{case.text}--- missing: {missing}\n--- unexpected: {unexpected}"
    )
