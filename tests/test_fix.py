"""--fix, --diff and --unsafe-fixes: what changes, what must not, and that a rerun is a no-op."""

from __future__ import annotations

import os
import random
import stat
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from draftlint.cli import main
from draftlint.config.settings import Config
from draftlint.drafts.document import Span
from draftlint.rule import rule
from draftlint.run.fix import (
    Edit,
    apply_edits,
    candidate_edits,
    fix_text,
    select_edits,
    unified_diff,
)
from draftlint.run.lint import lint_text
from draftlint.violation import Finding, Severity, Violation

# Only the rules whose safe fixes these tests are about, so that rules added later cannot
# change the expected texts.
SAFE = "WS201,WS202,GR201"
CONFIG = Config(select=tuple(SAFE.split(",")))


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def check(*args: str) -> int:
    return main(["check", "--no-cache", "--select", SAFE, *args])


def test_fix_rewrites_only_the_flagged_spans_keeping_crlf_and_bom(tmp_path, capsys) -> None:
    source = "\ufeffThe the meeting  lasted\u00a0two hours.\r\nNothing  else.\r\nLast line".encode()
    path = write(tmp_path, "draft.txt", source)
    assert check("--fix", str(path)) == 0
    assert (
        path.read_bytes()
        == "\ufeffThe meeting lasted two hours.\r\nNothing else.\r\nLast line".encode()
    )
    captured = capsys.readouterr()
    assert "fixed 4 problems in 1 file" in captured.err
    assert "No problems found in 1 file." in captured.out


def test_second_fix_run_changes_nothing(tmp_path, capsys) -> None:
    path = write(tmp_path, "draft.txt", b"It was was was  long, the the end.\n")
    assert check("--fix", str(path)) == 0
    once = path.read_bytes()
    assert once == b"It was long, the end.\n"  # "was was was" needs two rounds
    mtime = path.stat().st_mtime_ns
    capsys.readouterr()
    assert check("--fix", str(path)) == 0
    assert path.read_bytes() == once and path.stat().st_mtime_ns == mtime  # not even rewritten
    assert "fixed 0 problems in 0 files" in capsys.readouterr().err


def test_exit_code_after_fix_reflects_what_is_left(tmp_path, capsys) -> None:
    path = write(tmp_path, "draft.txt", b"Title\n\n908\n\nThe the end.\n")
    code = main(["check", "--no-cache", "--select", "AR101,GR201", "--fix", str(path)])
    assert path.read_bytes() == b"Title\n\n908\n\nThe end.\n"
    out = capsys.readouterr().out
    assert code == 1 and "AR101" in out and "GR201" not in out  # the stray number has no safe fix


def test_diff_prints_a_patch_and_writes_nothing(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "draft.txt", b"One.\nThe  end")
    assert check("--diff", "draft.txt") == 1
    assert (tmp_path / "draft.txt").read_bytes() == b"One.\nThe  end"
    captured = capsys.readouterr()
    assert captured.out == (
        "--- a/draft.txt\n+++ b/draft.txt\n@@ -1,2 +1,2 @@\n One.\n-The  end\n"
        "\\ No newline at end of file\n+The end\n\\ No newline at end of file\n"
    )
    assert "would fix 1 problem in 1 file" in captured.err


def test_diff_on_a_clean_file_is_empty_and_exits_0(tmp_path, capsys) -> None:
    assert check("--diff", str(write(tmp_path, "a.txt", b"Fine.\n"))) == 0
    assert capsys.readouterr().out == ""


def test_fix_keeps_the_file_mode_and_writes_through_symlinks(tmp_path) -> None:
    target = write(tmp_path, "real.txt", b"The the end.\n")
    os.chmod(target, 0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert check("--fix", str(link)) == 0
    assert link.is_symlink() and target.read_bytes() == b"The end.\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []  # no debris


def test_fix_refuses_standard_input_but_diff_reads_it(monkeypatch, capsys) -> None:
    assert check("--fix", "-") == 2
    assert "--fix cannot write standard input" in capsys.readouterr().err
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"The the end.\n")))
    assert check("--diff", "--stdin-filename", "x.txt", "-") == 1
    assert "+The end." in capsys.readouterr().out


def test_unsafe_fixes_need_fix_or_diff(tmp_path, capsys) -> None:
    assert check("--unsafe-fixes", str(write(tmp_path, "a.txt", b"Fine.\n"))) == 2
    assert "--unsafe-fixes needs --fix or --diff" in capsys.readouterr().err


@rule(
    "SP999",
    "test-typo",
    Severity.ERROR,
    "A test rule: 'teh' with a suggestion and no safe fix.",
    what="teh",
    why="test",
    bad="teh",
    good="the",
)
def _suggest_only(document, context):
    start = document.prose.find("teh")
    while start >= 0:
        yield Finding(Span(start, start + 3), "unknown word 'teh'", ("the", "tech"))
        start = document.prose.find("teh", start + 3)


def test_unsafe_fixes_apply_the_first_suggestion(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setattr("draftlint.run.lint.registry_for", lambda config: {"SP999": _suggest_only})
    path = write(tmp_path, "bad.md", b"I saw teh *teh* t&#101;h cat.\n")
    assert main(["check", "--no-cache", "--fix", str(path)]) == 1
    assert path.read_bytes() == b"I saw teh *teh* t&#101;h cat.\n"  # no safe fix: nothing changes
    capsys.readouterr()
    assert main(["check", "--no-cache", "--fix", "--unsafe-fixes", str(path)]) == 1
    # The first suggestion, and only where the source is the prose itself (not an entity).
    assert path.read_bytes() == b"I saw the *the* t&#101;h cat.\n"
    assert "1:17: SP999" in capsys.readouterr().out


# ------------------------------------------------------------------------ the parts
def _v(
    start: int, end: int, fix: str | None, code: str = "WS201", suggestions: tuple[str, ...] = ()
) -> Violation:
    return Violation(
        "x.txt",
        1,
        start + 1,
        1,
        end + 1,
        code,
        "name",
        Severity.WARNING,
        Span(start, end),
        "m",
        suggestions,
        fix,
    )


def test_overlapping_fixes_are_resolved_the_same_way_whatever_their_order() -> None:
    text = "aaaa bbbb cccc"
    violations = [
        _v(0, 9, "X"),
        _v(5, 14, "Y"),
        _v(5, 9, "Z"),
        _v(10, 14, "W"),
        _v(4, 4, "1"),
        _v(4, 4, "2"),
    ]
    outcomes = set()
    for seed in range(20):
        shuffled = violations[:]
        random.Random(seed).shuffle(shuffled)
        outcomes.add(apply_edits(text, select_edits(candidate_edits(text, shuffled))))
    assert outcomes == {"X W"}  # earliest span first; the rest wait for the next round


def test_edits_never_split_a_crlf_nor_drop_the_bom() -> None:
    text = "\ufeffab\r\ncd"
    edits = candidate_edits(text, [_v(0, 1, ""), _v(3, 4, ""), _v(2, 5, "\n")])
    assert edits == [
        Edit(2, 5, False, "WS201", "\r\n")
    ]  # the inserted newline follows the file's style


def test_unsafe_candidates_only_on_plain_prose_spans() -> None:
    result = lint_text("Some *emphasis*  here.\n", "a.md", "markdown", Config())
    document = result.document
    assert document is not None
    start = document.text.index("*emphasis*")
    markup = _v(start, start + len("*emphasis*"), None, suggestions=("plain",))
    word = _v(0, 4, None, suggestions=("Any",))
    edits = candidate_edits(document.text, [markup, word], unsafe=True, document=document)
    assert [e.replacement for e in edits] == ["Any"]
    assert candidate_edits(document.text, [word], unsafe=False, document=document) == []


def test_unified_diff_is_empty_for_no_change() -> None:
    assert unified_diff("a.txt", "same\n", "same\n") == ""


# ------------------------------------------------------------------------ properties
WORDS = ["the", "The", "meeting", "lasted", "two", "was", "hours", "it"]
GAPS = [" ", " ", " ", "  ", "\u00a0", " \u00a0", "\u200b"]


@st.composite
def drafts(draw) -> tuple[str, str]:
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=10))
        gaps = draw(
            st.lists(st.sampled_from(GAPS), min_size=len(words) - 1, max_size=len(words) - 1)
        )
        line = words[0] + "".join(g + w for g, w in zip(gaps, words[1:], strict=True)) + "."
        lines.append(line)
    bom = "\ufeff" if draw(st.booleans()) else ""
    end = newline if draw(st.booleans()) else ""
    return bom + newline.join(lines) + end, newline


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts())
def test_fixing_preserves_every_untouched_line_byte_for_byte(draft: tuple[str, str]) -> None:
    text, newline = draft
    config = Config(select=("WS201", "WS202", "GR201", "AR102"))
    first = lint_text(text, "d.txt", "text", config)
    fixed = fix_text(text, "d.txt", "text", config)
    assert fixed.converged
    # Idempotent: the fixed text offers nothing more to fix.
    assert fix_text(fixed.text, "d.txt", "text", config).applied == 0
    before, after = text.encode().split(b"\n"), fixed.text.encode().split(b"\n")
    assert len(before) == len(after)  # no fix here spans a line break
    touched = {
        first.document.line_col(v.span.start)[0] - 1 for v in first.violations if v.fix is not None
    }
    for number, (old, new) in enumerate(zip(before, after, strict=True)):
        if number not in touched:
            assert old == new
        assert old.endswith(b"\r") == new.endswith(b"\r")  # the newline style of every line
    assert fixed.text.startswith("\ufeff") == text.startswith("\ufeff")
    assert (fixed.applied == 0) == (fixed.text == text)


def test_fixes_from_parallel_workers_are_written_too(tmp_path, capsys) -> None:
    paths = [write(tmp_path, f"d{i}.txt", f"Draft {i} was was  long.\n".encode()) for i in range(6)]
    assert check("--jobs", "2", "--fix", *map(str, paths)) == 0
    assert [p.read_bytes() for p in paths] == [f"Draft {i} was long.\n".encode() for i in range(6)]
    assert "fixed 12 problems in 6 files" in capsys.readouterr().err
