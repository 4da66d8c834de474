"""--format github: workflow commands, GitHub's per-step caps, and the step summary."""

from __future__ import annotations

import io
import re
from pathlib import Path

from draftlint.cli import main
from draftlint.drafts.document import Span
from draftlint.report import ReportOptions
from draftlint.report.github import annotation, escape_data, escape_property, render
from draftlint.run.lint import FileResult
from draftlint.violation import Severity, Violation

COMMAND = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def violation(line: int, severity: Severity, code: str = "WS201", path: str = "a.md") -> Violation:
    return Violation(
        path,
        line,
        3,
        line,
        5,
        code,
        f"name-{code}",
        severity,
        Span(line * 10, line * 10 + 2),
        f"message {line}",
    )


def run(results: list[FileResult], quiet: bool = True) -> list[str]:
    stream = io.StringIO()
    render(results, stream, ReportOptions(quiet=quiet))
    return stream.getvalue().splitlines()


def kinds(lines: list[str]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "notice": 0}
    for line in lines:
        match = COMMAND.match(line)
        if match:
            counts[match.group(1)] += 1
    return counts


def test_one_annotation_carries_file_line_columns_and_title() -> None:
    v = Violation(
        "docs/a,b.md",
        3,
        7,
        3,
        12,
        "GR201",
        "repeated-word",
        Severity.ERROR,
        Span(40, 45),
        "repeated word 'the'\n50% sure",
        ("the",),
    )
    assert annotation(v) == (
        "::error file=docs/a%2Cb.md,line=3,endLine=3,col=7,endColumn=12,title=GR201 repeated-word"
        "::repeated word 'the'%0A50%25 sure (suggestion: the)"
    )
    multi = Violation("a.md", 3, 7, 4, 2, "QT101", "unclosed", Severity.WARNING, Span(0, 9), "m")
    assert annotation(multi) == "::warning file=a.md,line=3,endLine=4,col=7,title=QT101 unclosed::m"


def test_escaping_follows_the_workflow_command_rules() -> None:
    assert escape_data("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e"
    assert escape_property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce"


def test_the_most_severe_are_annotated_up_to_the_cap_and_the_rest_counted() -> None:
    violations = [violation(n, Severity.WARNING) for n in range(1, 26)]
    violations += [violation(n, Severity.ERROR, "GR201") for n in range(30, 42)]
    violations += [violation(n, Severity.INFO, "RD101") for n in range(50, 53)]
    lines = run([FileResult("a.md", violations=violations)])
    assert kinds(lines[:-1]) == {"error": 10, "warning": 10, "notice": 3}
    assert lines[0].startswith("::error ") and "line=30," in lines[0]  # errors first, in file order
    plain = [line for line in lines if not line.startswith("::")]
    assert len(plain) == 17 and all(
        re.match(r"^a\.md:\d+:3: (WS201|GR201) ", line) for line in plain
    )
    assert lines[-1].startswith("::notice title=draftlint::17 more findings not annotated")


def test_info_notices_leave_room_for_the_overflow_notice() -> None:
    lines = run(
        [
            FileResult(
                "a.md", violations=[violation(n, Severity.INFO, "RD101") for n in range(1, 13)]
            )
        ]
    )
    assert kinds(lines) == {
        "error": 0,
        "warning": 0,
        "notice": 10,
    }  # 9 findings + the overflow notice
    assert "3 more findings not annotated" in lines[-1]


def test_no_overflow_notice_when_everything_fits() -> None:
    lines = run(
        [FileResult("a.md", violations=[violation(n, Severity.ERROR) for n in range(1, 11)])],
        quiet=False,
    )
    assert kinds(lines) == {"error": 10, "warning": 0, "notice": 0}
    assert lines[-1] == "Found 10 problems (10 errors) in 1 file."


def test_step_summary_is_appended_as_a_markdown_table(tmp_path, monkeypatch) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("## Earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    violations = [violation(n, Severity.WARNING, "WS201") for n in range(1, 4)]
    violations += [violation(n, Severity.ERROR, "GR201") for n in range(5, 7)]
    violations += [violation(9, Severity.WARNING, "WS202", path="b.md")]
    run(
        [
            FileResult("a.md", violations=violations[:5]),
            FileResult("b.md", violations=violations[5:]),
        ]
    )
    assert summary.read_text("utf-8") == (
        "## Earlier step\n### draftlint\n\nFound 6 problems (2 errors, 4 warnings) in 2 files.\n\n"
        "| Rule | Name | Severity | Count |\n| --- | --- | --- | ---: |\n"
        "| GR201 | name-GR201 | error | 2 |\n| WS201 | name-WS201 | warning | 3 |\n"
        "| WS202 | name-WS202 | warning | 1 |\n\n"
    )


def test_without_the_summary_variable_nothing_is_written(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.chdir(tmp_path)
    run([FileResult("a.md", violations=[violation(1, Severity.ERROR)])])
    assert list(tmp_path.iterdir()) == []


def test_cli_github_format_on_a_real_draft(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    lines = [f"Line {n} has  two spaces." for n in range(1, 13)]
    Path("draft.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    assert (
        main(["check", "--no-cache", "--select", "WS201", "--format", "github", "draft.txt"]) == 1
    )
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "::warning file=draft.txt,line=1,endLine=1,col=11,endColumn=13,title=WS201 multiple-spaces"
        "::2 spaces in a row ('  '); use one (suggestion: ' ')"
    )
    assert kinds(out) == {"error": 0, "warning": 10, "notice": 1}
    assert out[10] == "draft.txt:21:12: WS201 2 spaces in a row ('  '); use one [' ']"
    assert "2 more findings not annotated" in out[-2]
    assert "| WS201 | multiple-spaces | warning | 12 |" in summary.read_text("utf-8")
