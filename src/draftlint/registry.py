"""All rules by code: the built-in code rules (listed explicitly) and data rules from packs."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

from draftlint.checks import artifacts, readability, spelling
from draftlint.checks.consistency import abbreviations, names, numbers
from draftlint.checks.consistency import variants as consistency
from draftlint.checks.grammar import repetition, syntax
from draftlint.checks.grammar import slips as context
from draftlint.checks.quotations import attribution
from draftlint.checks.quotations import marks as quotes
from draftlint.checks.spacing import joins
from draftlint.checks.spacing import spaces as spacing
from draftlint.rule import CODE_PATTERN, FAMILIES, Rule

#: The code-rule modules, in the order their rules are listed. Adding a module is explicit.
CHECK_MODULES = (
    spelling,
    joins,
    context,
    syntax,
    spacing,
    repetition,
    quotes,
    artifacts,
    attribution,
    names,
    consistency,
    numbers,
    abbreviations,
    readability,
)


class RegistryError(Exception):
    pass


def build_registry(rules: Iterable[Rule]) -> dict[str, Rule]:
    registry: dict[str, Rule] = {}
    for rule in rules:
        if "." not in rule.code:  # Vale-style rules keep their Style.Rule identity
            if not CODE_PATTERN.match(rule.code) or rule.family not in FAMILIES:
                raise RegistryError(
                    f"rule code {rule.code!r} is not two capitals of a known family and three digits"
                )
        if rule.code in registry:
            raise RegistryError(
                f"rule code {rule.code} is used twice ({registry[rule.code].name} and {rule.name})"
            )
        registry[rule.code] = rule
    return registry


@cache
def builtin_rules() -> dict[str, Rule]:
    """The built-in rules (code rules and the data rules of rules/<pack>/), sorted by code."""
    from draftlint.packs.loader import builtin_pack_rules  # noqa: PLC0415 - packs imports rule

    rules = [rule for module in CHECK_MODULES for rule in module.RULES]
    rules.extend(builtin_pack_rules())
    return dict(sorted(build_registry(rules).items()))


def registry_for(config: Any) -> dict[str, Rule]:
    """The rules a config can run: the built-in ones, plus its packs' (and a Vale config's)."""
    if not config.packs and getattr(config, "vale", None) is None:
        return builtin_rules()  # the common case stays a dict lookup
    return _with_packs(tuple(config.packs), config.root, getattr(config, "vale", None))


@lru_cache(maxsize=32)
def _with_packs(packs: tuple[str, ...], root: str, vale: Any) -> dict[str, Rule]:
    from draftlint.packs.loader import resolve_packs, rules_of_packs, vale_builtin_rules  # noqa: PLC0415

    rules = list(builtin_rules().values())
    rules.extend(rules_of_packs(resolve_packs(packs, root)))
    if vale is not None:
        rules.extend(vale_builtin_rules(vale))
    return build_registry(rules)


def vale_rules(vale: Any) -> dict[str, Rule]:
    """The Vale rules (dotted codes) a Vale config loads."""
    from draftlint.packs.loader import rules_of_packs, vale_builtin_rules  # noqa: PLC0415

    rules = [*rules_of_packs(vale.packs), *vale_builtin_rules(vale)]
    return {rule.code: rule for rule in rules}


@cache
def engine_rules() -> dict[str, Rule]:
    """Documentation entries for the outside engines' codes (LT1xx, HP1xx)."""
    from draftlint.engines.rules import ENGINE_RULES

    return dict(sorted(build_registry(ENGINE_RULES).items()))


def documented_rules() -> dict[str, Rule]:
    """Every code a run may report: built-in rules, then the engines' codes."""
    return {**builtin_rules(), **engine_rules()}
