"""The Python API: ``draftlint.lint_text`` and ``draftlint.lint_paths``, loaded lazily."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

import draftlint
from draftlint.report import ReportOptions, render


def test_import_draftlint_loads_no_engine_rules_or_data() -> None:
    probe = (
        "import sys, draftlint; "
        "heavy = [m for m in sys.modules if m.startswith('draftlint.') or m in ('click', 'numpy')];"
        "print(heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_lint_text_returns_what_the_reporters_render() -> None:
    result = draftlint.lint_text(
        "The the meeting  lasted two hours.\n",
        "draft.txt",
        config=draftlint.Config(select=("GR201", "WS201")),
    )
    assert isinstance(result, draftlint.FileResult)
    assert [(v.code, v.line, v.column) for v in result.violations] == [
        ("GR201", 1, 1),
        ("WS201", 1, 16),
    ]
    assert result.violations[0].severity is draftlint.Severity.ERROR
    stream = io.StringIO()
    render("text", [result], stream, ReportOptions(colour=False))
    assert stream.getvalue().splitlines()[0] == "draft.txt:1:1: GR201 repeated word 'the' [The]"


def test_lint_paths_walks_directories_with_one_or_many_jobs(tmp_path) -> None:
    for i in range(4):
        (tmp_path / f"d{i}.md").write_text(f"# Draft {i}\n\nIt was was long.\n", encoding="utf-8")
    (tmp_path / "skip.py").write_text("x = 1\n", encoding="utf-8")
    config = draftlint.Config(select=("GR201",))
    one = draftlint.lint_paths([str(tmp_path)], config)
    two = draftlint.lint_paths([str(tmp_path)], config, jobs=2)
    assert [Path(r.path).name for r in one] == ["d0.md", "d1.md", "d2.md", "d3.md"]
    assert [r.violations for r in one] == [r.violations for r in two]
    assert all(r.document is not None for r in one)  # linted in this process: the Document too
    assert [(v.line, v.column) for v in one[0].violations] == [(3, 4)]


def test_unknown_attributes_still_raise() -> None:
    with pytest.raises(AttributeError):
        draftlint.no_such_thing  # noqa: B018
    assert {"lint_text", "lint_paths", "FileResult"} <= set(dir(draftlint))
