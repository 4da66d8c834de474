"""Settings are validated once, when the config is read (or a Config is built in code)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from draftlint.cli import main
from draftlint.config.settings import Config, NumberStyle
from draftlint.registry import documented_rules

BAD_SETTINGS = [
    ('sensitivity = "extreme"', 2, "sensitivity must be 0..1 or one of"),
    ("sensitivity = 1.5", 2, "sensitivity must be between 0 and 1"),
    ('dialect = "fr"', 2, "dialect must be one of en-US, en-GB, auto"),
    ('[tool.draftlint.numbers]\nstyle = "mla"', 3, "numbers.style must be one of"),
    ('[tool.draftlint.numbers]\npercent = "pct"', 3, "numbers.percent must be one of"),
    ("[tool.draftlint.readability]\ngrade_max = 9\nbogus = 3", 4, "unknown readability setting"),
]


@pytest.mark.parametrize(("body", "line", "message"), BAD_SETTINGS)
def test_bad_setting_is_a_config_error_with_its_line(tmp_path, capsys, body, line, message):
    (tmp_path / "pyproject.toml").write_text(f"[tool.draftlint]\n{body}\n", encoding="utf-8")
    draft = tmp_path / "a.txt"
    draft.write_text("A clean sentence.\n", encoding="utf-8")
    assert main(["check", str(draft)]) == 2  # a config error, not an internal one (3)
    err = capsys.readouterr().err
    assert f"pyproject.toml:{line}: {message}" in err


def test_good_settings_reach_the_rules_typed(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.draftlint]\nsensitivity = "high"\ndialect = "en-GB"\n', encoding="utf-8"
    )
    from draftlint.config.discovery import ConfigResolver

    settings = ConfigResolver(None).for_path(tmp_path / "a.txt").settings
    assert settings.sensitivity == 0.75 and settings.dialect == "en-GB"


@pytest.mark.parametrize(
    "changes",
    [
        {"sensitivity": "extreme"},
        {"sensitivity": "2"},
        {"dialect": "en-AU"},
        {"numbers": NumberStyle(style="mla")},
        {"numbers": NumberStyle(percent="pct")},
    ],
)
def test_config_built_in_code_is_held_to_the_same_rules(changes):
    with pytest.raises(ValueError):
        Config(**changes)


def test_python_dash_m_runs_the_cli(tmp_path):
    draft = tmp_path / "a.txt"
    draft.write_text("Whaterver he said.\n", encoding="utf-8")
    version = subprocess.run(
        [sys.executable, "-m", "draftlint", "--version"], capture_output=True, text=True
    )
    assert version.returncode == 0 and version.stdout.startswith("draftlint ")
    check = subprocess.run(
        [sys.executable, "-m", "draftlint", "check", "--select", "SP101", str(draft)],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 1 and "a.txt:1:1: SP101" in check.stdout


def _rule_location(code: str, capsys) -> str:
    assert main(["rule", code]) == 0
    return capsys.readouterr().out.split("Defined in\n", 1)[1].strip()


def test_rule_command_names_a_code_rules_module_and_line(capsys):
    where = _rule_location("SP101", capsys)
    path, line = where.rsplit(":", 1)
    assert path == "draftlint/checks/spelling.py"
    source = Path(__file__).resolve().parent.parent / "src" / path
    lines = source.read_text(encoding="utf-8").splitlines()
    assert '"SP101"' in "\n".join(lines[int(line) - 1 : int(line) + 3])


def test_rule_command_names_a_data_rules_pack_file(capsys, monkeypatch):
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    assert _rule_location("ST101", capsys) == "rules/house/ST101-cliche.yml (pack house)"


def test_every_rule_says_where_it_lives(capsys):
    from draftlint.rule_docs import rule_location

    rules = documented_rules()
    assert len(rules) > 50
    package = Path(__file__).resolve().parent.parent / "src"
    for rule in rules.values():
        where = rule_location(rule).split(":")[0] if rule.origin == "builtin" else rule.source
        target = package / where if rule.origin == "builtin" else Path(where)
        if rule.origin in {"languagetool", "harper"}:
            assert _rule_location(rule.code, capsys).startswith(
                f"draftlint/engines/{rule.origin}.py"
            )
            continue
        assert target.is_file(), f"{rule.code}: {where}"
