"""``draftlint validate-rules``: check rule packs before they are used (a pre-commit hook).

Everything the loader checks (YAML, unknown keys, types, required keys), plus what a run
would only find later: every regex is compiled, and a draftlint-named rule's doc examples
are linted, the bad one must be flagged and the good one not.
"""

from __future__ import annotations

from pathlib import Path

from draftlint.packs.loader import Issue, PackCheck, parse_rule_file, read_pack


def validate_path(path: Path) -> tuple[int, list[Issue]]:
    """(rules found, issues) for a pack folder or one rule file."""
    if path.is_dir():
        pack = read_pack(path, compile_patterns=True)
        issues = list(pack.issues)
        for rule in pack.rules:
            issues.extend(_doc_issues(rule))
        return len(pack.rules), issues
    if path.suffix != ".yml":
        return 0, [Issue(str(path), None, "not a pack folder or a .yml rule file")]
    if not path.is_file():
        return 0, [Issue(str(path), None, "no such file or folder")]
    parsed, issues = parse_rule_file(path, path.parent.name, path.name, compile_patterns=True)
    if parsed is None:
        return 0, issues
    from draftlint.packs.loader import make_rule  # noqa: PLC0415

    return 1, issues + _doc_issues(make_rule(parsed, path.parent.name))


def _doc_issues(rule) -> list[Issue]:  # noqa: ANN001 - a Rule
    check = rule.check
    if not isinstance(check, PackCheck) or not check.rule.draftlint:
        return []
    from draftlint.config.settings import Config  # noqa: PLC0415
    from draftlint.run.lint import lint_text  # noqa: PLC0415

    config = Config(select=(rule.code,))
    registry = {rule.code: rule}
    issues = []
    line = check.rule.line("doc")
    bad = lint_text(rule.doc.bad + "\n", "doc.txt", "text", config, registry)
    if not bad.violations:
        issues.append(
            Issue(check.rule.path, line, f"the doc's bad example is not flagged by {rule.code}")
        )
    good = lint_text(rule.doc.good + "\n", "doc.txt", "text", config, registry)
    if good.violations:
        issues.append(
            Issue(check.rule.path, line, f"the doc's good example is flagged by {rule.code}")
        )
    return issues
