"""The CLI's exit codes, output formats, errors and options, through main(argv)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from draftlint.cli import main

CLEAN = "The meeting lasted two hours.\n"
BAD = "The meeting  lasted two hours.\n"  # WS201 (warning)


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_exit_0_when_clean(tmp_path, capsys) -> None:
    assert main(["check", str(write(tmp_path, "a.txt", CLEAN))]) == 0
    assert "No problems found in 1 file." in capsys.readouterr().out


def test_exit_1_on_violations_with_lint_style_lines(tmp_path, capsys) -> None:
    path = write(tmp_path, "a.txt", BAD)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{path}:1:12: WS201 2 spaces in a row ('  '); use one [' ']"
    assert out[-1] == "Found 1 problem (1 warning) in 1 file."


def test_fail_on_error_ignores_warnings(tmp_path) -> None:
    assert main(["check", "--fail-on", "error", str(write(tmp_path, "a.txt", BAD))]) == 0


def test_exit_2_on_missing_path_but_other_files_linted(tmp_path, capsys) -> None:
    good = write(tmp_path, "a.txt", BAD)
    code = main(["check", str(good), str(tmp_path / "missing.txt")])
    captured = capsys.readouterr()
    assert code == 2
    assert "missing.txt: no such file or directory" in captured.err
    assert "WS201" in captured.out


def test_exit_2_on_undecodable_file_named_with_reason(tmp_path, capsys) -> None:
    write(tmp_path, "latin1.txt", "caf\xe9 au lait\n".encode("latin-1"))
    write(tmp_path, "ok.txt", BAD)
    code = main(["check", str(tmp_path)])
    captured = capsys.readouterr()
    assert code == 2
    assert "latin1.txt: cannot decode as UTF-8: invalid byte 0xe9 at line 1" in captured.err
    assert "ok.txt:1:12: WS201" in captured.out


def test_exit_2_on_usage_error(capsys) -> None:
    assert main(["check", "--format", "yaml", "x.txt"]) == 2
    assert main(["check"]) == 2


def test_exit_2_on_broken_config_with_path_and_line(tmp_path, capsys) -> None:
    write(tmp_path, ".draftlint.toml", 'select = ["WS"]\nfail-on = "warning"\nsevrity = {}\n')
    path = write(tmp_path, "a.txt", BAD)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / '.draftlint.toml'}:3: unknown key 'sevrity'" in err


def test_exit_2_on_invalid_toml(tmp_path, capsys) -> None:
    write(tmp_path, ".draftlint.toml", 'select = ["WS"\n\n')
    assert main(["check", str(write(tmp_path, "a.txt", BAD))]) == 2
    assert ".draftlint.toml:" in capsys.readouterr().err


def test_exit_3_on_internal_error(tmp_path, monkeypatch, capsys) -> None:
    from draftlint.checks.spacing import spaces as spacing

    def explode(document, context):
        raise RuntimeError("boom")
        yield

    crashing = spacing.multiple_spaces.__class__(
        **{**spacing.multiple_spaces.__dict__, "check": explode}
    )
    from draftlint import registry

    rules = dict(registry.builtin_rules())
    rules["WS201"] = crashing
    monkeypatch.setattr(registry, "builtin_rules", lambda: rules)
    monkeypatch.setattr("draftlint.run.lint.registry_for", lambda config: rules)
    assert main(["check", str(write(tmp_path, "a.txt", BAD))]) == 3
    assert "internal error: rule WS201 crashed" in capsys.readouterr().err


def test_config_found_upward_and_cli_overrides(tmp_path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.draftlint]\nignore = ["WS2"]\n')
    path = write(tmp_path, "docs/deep/a.txt", BAD)
    assert main(["check", str(path)]) == 0
    assert main(["check", "--select", "WS201", str(path)]) == 1


def test_severity_override_and_per_file_ignores(tmp_path, capsys) -> None:
    write(
        tmp_path,
        ".draftlint.toml",
        '[severity]\nWS201 = "info"\n\n[per-file-ignores]\n"legacy/*" = ["WS"]\n',
    )
    a = write(tmp_path, "a.txt", BAD)
    legacy = write(tmp_path, "legacy/old.txt", BAD)
    assert main(["check", "--format", "json", str(a), str(legacy)]) == 0
    data = json.loads(capsys.readouterr().out)
    by_path = {f["path"]: f for f in data["files"]}
    assert [v["severity"] for v in by_path[str(a)]["violations"]] == ["info"]
    assert by_path[str(legacy)]["violations"] == []


def test_per_file_ignores_follow_the_working_directory(tmp_path, monkeypatch) -> None:
    # ignored_for is cached per file; a relative root means another thing in another directory
    from draftlint.config.settings import Config

    config = Config(root=".", per_file_ignores=(("legacy/*", ("WS",)),))
    target = str(tmp_path / "a" / "legacy" / "x.md")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    monkeypatch.chdir(tmp_path / "a")
    assert config.ignored_for(target) == ["WS"]
    monkeypatch.chdir(tmp_path / "b")
    assert config.ignored_for(target) == []
    assert Config(root=".").ignored_for(target) == []


def test_exclude_globs_skip_files_in_directories(tmp_path, capsys) -> None:
    write(tmp_path, ".draftlint.toml", 'exclude = ["drafts/old"]\n')
    write(tmp_path, "drafts/old/a.txt", BAD)
    write(tmp_path, "drafts/new/b.md", BAD)
    assert main(["check", "--format", "json", str(tmp_path)]) == 1
    paths = [f["path"] for f in json.loads(capsys.readouterr().out)["files"]]
    assert paths == [str(tmp_path / "drafts/new/b.md")]


def test_directory_walk_sorted_and_filtered_by_suffix(tmp_path, capsys) -> None:
    for name in ("b.md", "a.txt", "c.html", "notes.py", "sub/d.markdown"):
        write(tmp_path, name, CLEAN)
    main(["check", "--format", "json", str(tmp_path)])
    paths = [
        Path(f["path"]).relative_to(tmp_path).as_posix()
        for f in json.loads(capsys.readouterr().out)["files"]
    ]
    assert paths == ["a.txt", "b.md", "c.html", "sub/d.markdown"]


def test_stdin_with_filename(monkeypatch, capsys) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BAD.encode())))
    assert main(["check", "--stdin-filename", "draft.md", "-"]) == 1
    assert capsys.readouterr().out.startswith("draft.md:1:12: WS201")


def test_quiet_drops_summary(tmp_path, capsys) -> None:
    main(["check", "-q", str(write(tmp_path, "a.txt", BAD))])
    assert "Found" not in capsys.readouterr().out


def test_output_file(tmp_path) -> None:
    out = tmp_path / "report.json"
    assert (
        main(["check", "--format", "json", "-o", str(out), str(write(tmp_path, "a.txt", BAD))]) == 1
    )
    assert json.loads(out.read_text())["summary"]["violations"] == 1


def test_rules_and_rule_commands(capsys) -> None:
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert "WS201  multiple-spaces" in listing
    assert main(["rule", "gr201"]) == 0
    doc = capsys.readouterr().out
    assert doc.startswith("GR201 repeated-word") and "Why" in doc and "Bad" in doc
    assert main(["rule", "ZZ999"]) == 2


def test_version(capsys) -> None:
    from draftlint import __version__

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"draftlint {__version__}"


@pytest.mark.parametrize("nocolor", ["1", ""])
def test_colour_only_on_tty(tmp_path, monkeypatch, nocolor) -> None:
    import io

    from draftlint.config.settings import Config
    from draftlint.report import ReportOptions
    from draftlint.report import text as text_report
    from draftlint.run.lint import lint_file

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("NO_COLOR", nocolor)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    result = lint_file(str(write(tmp_path, "a.txt", BAD)), Config())
    stream = Tty()
    text_report.render([result], stream, ReportOptions())
    assert ("\x1b[" in stream.getvalue()) == (nocolor == "")
    plain = io.StringIO()
    text_report.render([result], plain, ReportOptions())
    assert "\x1b[" not in plain.getvalue()


def test_vocabularies_accept_and_reject(tmp_path, capsys) -> None:
    write(tmp_path, "vocab.txt", "# house words\nGlorbnax\ne-mail -> email\n!thusly\n")
    write(tmp_path, ".draftlint.toml", 'vocabularies = ["vocab.txt"]\nselect = ["SP"]\n')
    draft = write(tmp_path, "a.txt", "Glorbnax said the e-mail came late.\n")
    assert main(["check", "--no-cache", str(draft)]) == 1
    out = capsys.readouterr().out
    assert "Glorbnax" not in out
    assert (
        f"{draft}:1:19: SP201 'e-mail' is rejected by the project vocabulary; use 'email' [email]"
        in out
    )


def test_broken_vocabulary_is_a_config_error_with_line(tmp_path, capsys) -> None:
    write(tmp_path, "vocab.txt", "fine\ntwo words here\n")
    write(tmp_path, ".draftlint.toml", 'vocabularies = ["vocab.txt"]\n')
    assert main(["check", str(write(tmp_path, "a.txt", CLEAN))]) == 2
    assert f"{tmp_path / 'vocab.txt'}:2: one word per line" in capsys.readouterr().err
