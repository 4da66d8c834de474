"""A .vale.ini read as a draftlint config: sections, switches, levels, vocabularies."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from draftlint.cli import main
from draftlint.config.discovery import ConfigResolver, find_config_file
from draftlint.config.settings import ConfigError
from draftlint.config.vale_ini import glob_to_regex, load_vale_config
from draftlint.registry import registry_for
from draftlint.run.lint import lint_text
from draftlint.violation import Severity


@pytest.fixture
def project(tmp_path: Path) -> Path:
    style = tmp_path / "styles" / "House"
    style.mkdir(parents=True)
    (style / "Hedge.yml").write_text(
        "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\ntokens: [perhaps]\n"
    )
    (style / "Fluff.yml").write_text(
        "extends: existence\nmessage: \"Cut '%s'.\"\nlevel: suggestion\ntokens: [very]\n"
    )
    vocab = tmp_path / "styles" / "config" / "vocabularies" / "News"
    vocab.mkdir(parents=True)
    (vocab / "accept.txt").write_text("Brexit\nperhaps\n")
    (vocab / "reject.txt").write_text("Brexiteer\n")
    return tmp_path


def write_ini(root: Path, body: str) -> Path:
    path = root / ".vale.ini"
    path.write_text(textwrap.dedent(body).lstrip(), encoding="utf-8")
    return path


def codes(root: Path, ini: Path, text: str, name: str) -> list[tuple[str, int, Severity]]:
    config = load_vale_config(ini)
    rules = {c: r for c, r in registry_for(config).items() if "." in c}
    result = lint_text(text, str(root / name), None, config, rules)
    return [(v.code, v.column, v.severity) for v in result.violations]


def test_sections_base_styles_switches_and_levels(project: Path) -> None:
    ini = write_ini(
        project,
        """
        StylesPath = styles
        MinAlertLevel = suggestion

        [*.md]
        BasedOnStyles = House
        House.Fluff = NO

        [*.txt]
        House.Hedge = error
    """,
    )
    text = "It is perhaps very good.\n"
    # A level given in any section is the rule's level everywhere, as in Vale (RuleToLevel).
    assert codes(project, ini, text, "a.md") == [("House.Hedge", 7, Severity.ERROR)]
    assert codes(project, ini, text, "a.txt") == [("House.Hedge", 7, Severity.ERROR)]
    assert codes(project, ini, text, "a.html") == []


def test_min_alert_level_drops_lower_rules(project: Path) -> None:
    ini = write_ini(
        project,
        """
        StylesPath = styles
        MinAlertLevel = warning
        [*]
        BasedOnStyles = House
    """,
    )
    assert [c for c, _, _ in codes(project, ini, "perhaps very\n", "a.md")] == ["House.Hedge"]


def test_vocab_excuses_terms_and_builds_vale_rules(project: Path) -> None:
    ini = write_ini(
        project,
        """
        StylesPath = styles
        Vocab = News
        [*.md]
        BasedOnStyles = Vale, House
    """,
    )
    found = codes(project, ini, "The brexit vote, perhaps. Brexiteer said the the.\n", "a.md")
    assert ("Vale.Terms", 5, Severity.ERROR) in found  # 'brexit' -> 'Brexit'
    assert ("Vale.Avoid", 27, Severity.ERROR) in found
    assert ("Vale.Repetition", 42, Severity.ERROR) in found
    assert not [c for c in found if c[0] == "House.Hedge"]  # 'perhaps' is accepted


def test_vale_globs() -> None:
    assert glob_to_regex("*.{md,txt}").fullmatch("docs/a.md")
    assert not glob_to_regex("*.{md,txt}").fullmatch("a.html")
    assert glob_to_regex("[!.]*.adoc").fullmatch("a.adoc")


def test_errors_name_the_line(project: Path) -> None:
    ini = write_ini(project, "StylesPath = styles\n[*.md]\nBasedOnStyles = Nowhere\n")
    with pytest.raises(ConfigError, match=r"\.vale\.ini:1: style 'Nowhere' does not exist"):
        load_vale_config(ini)
    ini = write_ini(project, "StylesPath = styles\n[*.md]\nHouse.Hedge = maybe\n")
    with pytest.raises(ConfigError, match=r"\.vale\.ini:3: House.Hedge must be YES, NO or a level"):
        load_vale_config(ini)


def test_check_with_vale_ini_and_discovery(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_ini(
        project, "StylesPath = styles\nMinAlertLevel = suggestion\n[*.md]\nBasedOnStyles = House\n"
    )
    (project / "docs").mkdir()
    (project / "docs" / "a.md").write_text("It is perhaps so.\n")
    monkeypatch.chdir(project)
    assert main(["check", "--config", ".vale.ini", "--select", "House", "docs"]) == 1
    assert "docs/a.md:1:7: House.Hedge Avoid 'perhaps'." in capsys.readouterr().out
    # No draftlint config above: the Vale config is found and used.
    assert find_config_file(project / "docs" / "a.md") == project / ".vale.ini"
    config = ConfigResolver().for_path(project / "docs" / "a.md")
    assert config.vale is not None and "House.Hedge" in registry_for(config)
    # A draftlint config wins over a Vale one.
    (project / ".draftlint.toml").write_text("select = ['ALL']\n")
    assert find_config_file(project / "docs" / "a.md") == project / ".draftlint.toml"
