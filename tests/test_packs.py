"""Rule packs: loading, validation errors with path:line, kinds, scopes and config."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from draftlint.cli import main
from draftlint.config.discovery import load_config
from draftlint.config.settings import Config
from draftlint.packs.loader import PackError, load_pack, read_pack
from draftlint.packs.vale.regex import PatternError, compile_pattern, translate
from draftlint.registry import registry_for
from draftlint.run.lint import lint_text
from draftlint.violation import Severity


def write_style(root: Path, style: str, rules: dict[str, str]) -> Path:
    folder = root / style
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in rules.items():
        (folder / f"{name}.yml").write_text(textwrap.dedent(body).lstrip(), encoding="utf-8")
    return folder


def run(
    tmp_path: Path, rules: dict[str, str], text: str, path: str = "doc.md", style: str = "Test"
) -> list[tuple]:
    folder = write_style(tmp_path, style, rules)
    config = Config(root=str(tmp_path), packs=(str(folder),))
    registry = {c: r for c, r in registry_for(config).items() if c.startswith(style + ".")}
    result = lint_text(text, path, None, config, registry)
    return [(v.code, v.line, v.column, v.message) for v in result.violations]


# ------------------------------------------------------------------------- loading
def test_vale_rule_keeps_its_identity_level_and_message(tmp_path: Path) -> None:
    folder = write_style(
        tmp_path,
        "House",
        {
            "Hedge": """
        extends: existence
        message: "Avoid '%s'."
        level: error
        ignorecase: true
        tokens: [perhaps, maybe]
    """
        },
    )
    pack = load_pack(str(folder))
    (rule,) = pack.rules
    assert (rule.code, rule.name, rule.severity) == ("House.Hedge", "House.Hedge", Severity.ERROR)
    found = lint_text("Maybe it rains.\n", "a.txt", None, Config(packs=(str(folder),)))
    assert [(v.code, v.column, v.message) for v in found.violations if v.code == "House.Hedge"] == [
        ("House.Hedge", 1, "Avoid 'Maybe'.")
    ]


def test_unknown_key_is_an_error_with_path_and_line(tmp_path: Path) -> None:
    folder = write_style(
        tmp_path,
        "Bad",
        {
            "Typo": """
        extends: existence
        message: "x"
        tokens: [a]
        ignorcase: true
    """
        },
    )
    with pytest.raises(PackError) as caught:
        load_pack(str(folder))
    assert str(caught.value).startswith(f"{folder / 'Typo.yml'}:4: unknown key 'ignorcase'")


def test_bad_regex_is_reported_at_its_token(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_style(
        tmp_path,
        "Bad",
        {
            "Regex": """
        extends: existence
        message: "x"
        tokens:
          - fine
          - 'broken(group'
    """
        },
    )
    assert main(["validate-rules", str(folder)]) == 2
    err = capsys.readouterr().err
    assert f"{folder / 'Regex.yml'}:5: bad regex: missing ), unterminated subpattern" in err


def test_validate_rules_accepts_the_builtin_pack(capsys: pytest.CaptureFixture[str]) -> None:
    root = Path(__file__).resolve().parent.parent / "rules" / "house"
    assert main(["validate-rules", str(root)]) == 0
    assert capsys.readouterr().out.endswith("rules OK\n")


def test_validate_rules_checks_doc_examples(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_style(
        tmp_path,
        "mine",
        {
            "ST901-hedge": """
        extends: existence
        message: "Avoid '%s'."
        description: Flags hedges.
        source: written for this test
        tokens: [perhaps]
        doc:
          what: Hedges.
          why: They weaken.
          bad: It is fine.
          good: It is fine.
    """
        },
    )
    assert main(["validate-rules", str(folder)]) == 2
    assert "bad example is not flagged by ST901" in capsys.readouterr().err


def test_unsupported_kind_is_skipped_with_a_note(tmp_path: Path) -> None:
    folder = write_style(
        tmp_path,
        "S",
        {
            "Spell": """
        extends: spelling
        message: "Did you really mean '%s'?"
    """
        },
    )
    pack = read_pack(folder)
    assert pack.rules == [] and [i.error for i in pack.issues] == [False]


def test_yaml_12_scalars_and_go_escapes(tmp_path: Path) -> None:
    """`yes`/`on` are words, not booleans; \\' in double quotes is accepted, as Go's YAML does."""
    found = run(
        tmp_path,
        {
            "Words": """
        extends: existence
        message: "Don\\'t say '%s'."
        tokens: [yes, on]
    """
        },
        "I said yes.\n",
        "a.txt",
    )
    assert found == [("Test.Words", 1, 8, "Don't say 'yes'.")]


# --------------------------------------------------------------------------- kinds
def test_substitution_message_suggestions_and_case(tmp_path: Path) -> None:
    found = run(
        tmp_path,
        {
            "Plain": """
        extends: substitution
        message: "Use '%s' instead of '%s'."
        ignorecase: true
        action:
          name: replace
        swap:
          utilise: use
          in order to: to
          'it is(?!\\.)': it's
    """
        },
        "We utilise it. In order to win, it is time.\n",
        "a.txt",
    )
    assert found == [
        ("Test.Plain", 1, 4, "Use 'use' instead of 'utilise'."),
        ("Test.Plain", 1, 16, "Use 'to' instead of 'In order to'."),
        ("Test.Plain", 1, 33, "Use 'it's' instead of 'it is'."),
    ]


def test_occurrence_max_and_repetition(tmp_path: Path) -> None:
    rules = {
        "Long": """
            extends: occurrence
            message: "More than %s commas."
            scope: sentence
            max: 2
            token: ','
        """,
        "Twice": """
            extends: repetition
            message: "'%s' is repeated!"
            alpha: true
            ignorecase: true
            tokens: ['[^\\s.!?]+']
        """,
    }
    found = run(tmp_path, rules, "A, b, c, d. It is is fine. End. end here.\n", "a.txt")
    assert ("Test.Long", 1, 2, "More than 3 commas.") in found
    assert ("Test.Twice", 1, 16, "'is' is repeated!") in found
    assert len(found) == 2  # "End. end" spans two sentences: no repetition


def test_conditional_needs_a_definition_earlier(tmp_path: Path) -> None:
    found = run(
        tmp_path,
        {
            "Acro": """
        extends: conditional
        message: "'%s' has no definition."
        first: '\\b([A-Z]{3,5})\\b'
        second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'
        exceptions: [NATO]
    """
        },
        "The World Health Organization (WHO) met.\n\nWHO and NATO agreed with the IMF.\n",
    )
    assert [(c, line, col) for c, line, col, _ in found] == [
        ("Test.Acro", 3, 30)
    ]  # IMF, not WHO or NATO


def test_consistency_flags_the_second_variant(tmp_path: Path) -> None:
    found = run(
        tmp_path,
        {
            "Spell": """
        extends: consistency
        message: "Inconsistent spelling of '%s'."
        ignorecase: true
        either:
          advisor: adviser
    """
        },
        "The advisor spoke.\n\nThen the adviser left.\n",
    )
    assert found == [("Test.Spell", 3, 10, "Inconsistent spelling of 'adviser'.")]


def test_capitalization_sentence_case_on_headings_only(tmp_path: Path) -> None:
    found = run(
        tmp_path,
        {
            "Heads": """
        extends: capitalization
        message: "'%s' should be in sentence case."
        scope: heading
        match: $sentence
        exceptions: [NATO]
    """
        },
        "# The Summit In Brussels\n\nThe Summit In Brussels.\n\n## NATO leaders meet\n",
    )
    assert found == [("Test.Heads", 1, 3, "'The Summit In Brussels' should be in sentence case.")]


def test_metric_reports_at_the_top_of_the_file(tmp_path: Path) -> None:
    found = run(
        tmp_path,
        {
            "Words": """
        extends: metric
        message: "Average sentence length %s."
        formula: words / sentences
        condition: "> 4"
    """
        },
        "One two three four five six. Seven eight nine ten eleven.\n",
        "a.txt",
    )
    assert found == [("Test.Words", 1, 1, "Average sentence length 5.50.")]


# -------------------------------------------------------------------------- scopes
def test_raw_scope_reports_source_positions_inside_code(tmp_path: Path) -> None:
    text = "Intro.\n\n```\nTODO fix\n```\n\nTODO later\n"
    raw = run(
        tmp_path / "a",
        {"Raw": "extends: existence\nmessage: x\nscope: raw\ntokens: [TODO]\n"},
        text,
    )
    prose = run(tmp_path / "b", {"Text": "extends: existence\nmessage: x\ntokens: [TODO]\n"}, text)
    assert [(line, col) for _, line, col, _ in raw] == [(4, 1), (7, 1)]
    assert [(line, col) for _, line, col, _ in prose] == [(7, 1)]


def test_negated_and_sentence_scopes(tmp_path: Path) -> None:
    text = "# Heading one\n\nOne here. Then one more.\n\n> one quoted\n"
    not_heading = run(
        tmp_path / "a",
        {"R": "extends: existence\nmessage: x\nscope: ~heading\ntokens: [one]\n"},
        text,
    )
    sentences = run(
        tmp_path / "b",
        {"R": "extends: existence\nmessage: '%s'\nscope: sentence\nraw: ['^.*$']\n"},
        text,
    )
    assert [(line, col) for _, line, col, _ in not_heading] == [(3, 16), (5, 3)]  # case-sensitive
    assert [m for *_, m in sentences] == ["One here.", "Then one more."]


def test_inline_code_is_masked_and_alt_text_linted(tmp_path: Path) -> None:
    text = "Run `TODO` now.\n\n![TODO diagram](d.png)\n"
    found = run(tmp_path, {"Todo": "extends: existence\nmessage: x\ntokens: [TODO]\n"}, text)
    assert [(line, col) for _, line, col, _ in found] == [(3, 3)]


def test_vale_comments_switch_rules_off(tmp_path: Path) -> None:
    text = "bad one\n\n<!-- vale off -->\n\nbad two\n\n<!-- vale on -->\n\nbad three\n"
    found = run(tmp_path, {"Bad": "extends: existence\nmessage: x\ntokens: [bad]\n"}, text)
    assert [line for _, line, _, _ in found] == [1, 9]


# ------------------------------------------------------------------- regex dialect
@pytest.mark.parametrize(
    ("vale", "python"),
    [
        (r"a(?i)b|c", r"a(?i:b)|(?i:c)"),
        (r"(?i)x(?-i)Y", r"(?i)x(?-i:Y)"),
        (r"(?<year>\d{4})", r"(?P<year>\d{4})"),
        (r"[(?i)]", r"[(?i)]"),
    ],
)
def test_translate_keeps_dotnet_meaning(vale: str, python: str) -> None:
    assert translate(vale) == python
    compile_pattern(vale)


def test_patterns_re_rejects_fall_back_and_errors_name_the_problem() -> None:
    assert compile_pattern(r"\p{Lu}\w+").search("Hello")
    assert compile_pattern(r"(?<=a\w*)x").search("abcx")  # variable-width look-behind
    with pytest.raises(PatternError, match="unterminated"):
        compile_pattern("a(b")


# -------------------------------------------------------------------------- config
def test_packs_key_in_draftlint_toml_adds_the_rules(tmp_path: Path) -> None:
    write_style(
        tmp_path / "styles",
        "Team",
        {"Hedge": "extends: existence\nmessage: x\ntokens: [perhaps]\n"},
    )
    (tmp_path / ".draftlint.toml").write_text(
        'packs = ["styles/Team", "house"]\n', encoding="utf-8"
    )
    config = load_config(tmp_path / ".draftlint.toml")
    assert "Team.Hedge" in registry_for(config) and "ST101" in registry_for(config)
    found = lint_text("It is perhaps so.\n", str(tmp_path / "a.txt"), None, config)
    assert [v.code for v in found.violations] == ["Team.Hedge"]
    ignored = lint_text(
        "It is perhaps so.\n", "a.txt", None, config.with_overrides(ignore=("Team.Hedge",))
    )
    assert not [v for v in ignored.violations if v.code == "Team.Hedge"]


def test_missing_pack_is_a_clear_error(tmp_path: Path) -> None:
    config = Config(root=str(tmp_path), packs=("nowhere",))
    with pytest.raises(PackError, match="pack 'nowhere' not found"):
        registry_for(config)


def test_long_swap_lists_keep_each_replacement_with_its_term(tmp_path: Path) -> None:
    """Many terms are grouped by first letter for speed; each must keep its own replacement."""
    words = [
        "zeta",
        "alpha",
        "mike",
        "bravo",
        "yankee",
        "charlie",
        "xray",
        "delta",
        "whiskey",
        "echo",
        "victor",
        "fox",
        "uniform",
        "golf",
        "tango",
        "hotel",
        "sierra",
        "india",
    ]
    swap = "".join(f"  {w}: {w.upper()}\n" for w in words)
    found = run(
        tmp_path,
        {"Big": f"extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nswap:\n{swap}"},
        "zeta then india then alpha\n",
        "a.txt",
    )
    assert [m for *_, m in found] == [
        "Use 'ZETA' instead of 'zeta'.",
        "Use 'INDIA' instead of 'india'.",
        "Use 'ALPHA' instead of 'alpha'.",
    ]
