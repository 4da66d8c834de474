"""All rules by code: the built-in code rules (listed explicitly) and data rules from packs."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from draftlint.checks import artifacts, quotes, repetition, spacing
from draftlint.rule import CODE_PATTERN, FAMILIES, Rule

#: The code-rule modules, in the order their rules are listed. Adding a module is explicit.
CHECK_MODULES = (spacing, repetition, quotes, artifacts)


class RegistryError(Exception):
    pass


def build_registry(rules: Iterable[Rule]) -> dict[str, Rule]:
    registry: dict[str, Rule] = {}
    for rule in rules:
        if "." not in rule.code:  # Vale-style rules keep their Style.Rule identity
            if not CODE_PATTERN.match(rule.code) or rule.family not in FAMILIES:
                raise RegistryError(f"rule code {rule.code!r} is not two capitals of a known family and three digits")
        if rule.code in registry:
            raise RegistryError(f"rule code {rule.code} is used twice ({registry[rule.code].name} and {rule.name})")
        registry[rule.code] = rule
    return registry


@cache
def builtin_rules() -> dict[str, Rule]:
    """The built-in code rules, keyed and sorted by code."""
    rules = [rule for module in CHECK_MODULES for rule in module.RULES]
    return dict(sorted(build_registry(rules).items()))
