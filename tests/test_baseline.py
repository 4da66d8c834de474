"""--write-baseline / --baseline and --changed-since: only new findings are reported."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from draftlint.cli import main
from draftlint.run.baseline import parse_diff

SELECT = ["--select", "WS201,GR201"]
DRAFT = "The meeting  lasted two hours.\n\nIt was was long.\n"


def check(*args: str) -> int:
    return main(["check", "--no-cache", *SELECT, *args])


@pytest.fixture
def drafted(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path / "draft.txt"


def test_baseline_hides_known_findings_even_after_a_paragraph_is_inserted_at_the_top(
    drafted, capsys
) -> None:
    assert check("--write-baseline", "baseline.json", "draft.txt") == 0
    assert "wrote 2 findings to baseline.json" in capsys.readouterr().err
    assert check("--baseline", "baseline.json", "draft.txt") == 0

    drafted.write_text(
        "A new opening paragraph.\n\nAnd another, longer one.\n\n" + DRAFT, encoding="utf-8"
    )
    assert check("--baseline", "baseline.json", "draft.txt") == 0
    assert "No problems found" in capsys.readouterr().out
    assert check("draft.txt") == 1  # without the baseline both are still there


def test_new_findings_are_reported_including_a_second_identical_one(drafted, capsys) -> None:
    check("--write-baseline", "baseline.json", "draft.txt")
    drafted.write_text("Fresh  slip here.\n\n" + DRAFT + "\nIt was was long.\n", encoding="utf-8")
    capsys.readouterr()
    assert check("--baseline", "baseline.json", "draft.txt") == 1
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[0] for line in out[:-1]] == ["draft.txt:1:6", "draft.txt:7:4"]


def test_an_edit_at_the_finding_makes_it_new(drafted, capsys) -> None:
    check("--write-baseline", "baseline.json", "draft.txt")
    drafted.write_text(DRAFT.replace("meeting  lasted", "session  lasted"), encoding="utf-8")
    capsys.readouterr()
    assert check("--baseline", "baseline.json", "draft.txt") == 1
    assert "draft.txt:1:12: WS201" in capsys.readouterr().out


def test_baseline_paths_are_relative_to_the_baseline_file(
    drafted, tmp_path, capsys, monkeypatch
) -> None:
    check("--write-baseline", "ci/baseline.json", "draft.txt")
    data = json.loads((tmp_path / "ci" / "baseline.json").read_text("utf-8"))
    assert list(data["files"]) == ["../draft.txt"] and data["version"] == 1
    monkeypatch.chdir(tmp_path / "ci")
    assert check("--baseline", "baseline.json", "../draft.txt") == 0


def test_unusable_baseline_files_are_usage_errors(drafted, capsys) -> None:
    assert check("--baseline", "missing.json", "draft.txt") == 2
    assert "missing.json: baseline file not found" in capsys.readouterr().err
    Path("bad.json").write_text("{\n  oops\n}\n", encoding="utf-8")
    assert check("--baseline", "bad.json", "draft.txt") == 2
    assert "bad.json:2: baseline is not valid JSON" in capsys.readouterr().err
    Path("other.json").write_text('{"version": 99, "files": {}}', encoding="utf-8")
    assert check("--baseline", "other.json", "draft.txt") == 2
    assert "not a draftlint baseline" in capsys.readouterr().err


# ------------------------------------------------------------------- --changed-since
def git(cwd: Path, *args: str) -> None:
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="T",
        GIT_AUTHOR_EMAIL="t@example.com",
        GIT_COMMITTER_NAME="T",
        GIT_COMMITTER_EMAIL="t@example.com",
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
    )
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def test_changed_since_reports_only_findings_on_changed_lines(drafted, tmp_path, capsys) -> None:
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "draft.txt")
    git(tmp_path, "commit", "-q", "-m", "first")
    drafted.write_text(
        "Brand  new line.\n\n" + DRAFT.replace("It was was long.", "It ran ran long."),
        encoding="utf-8",
    )
    (tmp_path / "untracked.txt").write_text("All  new.\n", encoding="utf-8")
    assert check("--changed-since", "HEAD", "draft.txt", "untracked.txt") == 1
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[0] for line in out[:-1]] == [
        "draft.txt:1:6",
        "draft.txt:5:4",
        "untracked.txt:1:4",
    ]

    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "second")
    assert check("--changed-since", "HEAD", "draft.txt", "untracked.txt") == 0


def test_changed_since_an_unknown_ref_is_a_usage_error(drafted, tmp_path, capsys) -> None:
    git(tmp_path, "init", "-q")
    assert check("--changed-since", "no-such-ref", "draft.txt") == 2
    assert "'no-such-ref' is not a commit" in capsys.readouterr().err


def test_parse_diff_reads_hunks_quoted_names_and_deletions() -> None:
    diff = (
        b"diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -1 +1,2 @@\n-x\n+y\n+z\n"
        b"@@ -9,2 +10,0 @@\n-gone\n-gone\n@@ -20 +20 @@\n-p\n+q\n"
        b'diff --git "a/caf\\303\\251 b.md" "b/caf\\303\\251 b.md"\n--- "a/caf\\303\\251 b.md"\n'
        b'+++ "b/caf\\303\\251 b.md"\n@@ -0,0 +1,3 @@\n+a\n+b\n+c\n'
        b"diff --git a/old.txt b/old.txt\n--- a/old.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"
    )
    assert parse_diff(diff) == {"a.txt": {1, 2, 20}, "caf\u00e9 b.md": {1, 2, 3}}
