"""The Python API (draftlint.api, re-exported lazily by ``draftlint``) and the Dask recipe."""

from __future__ import annotations

import importlib.util
import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import draftlint
from draftlint.cli import main

ROOT = Path(__file__).resolve().parent.parent


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


def test_lint_text_gives_plain_data_at_exact_places() -> None:
    result = draftlint.lint_text(
        "The the meeting  lasted two hours.\n",
        "draft.txt",
        config=draftlint.Config(select=("GR201", "WS201")),
    )
    assert isinstance(result, draftlint.Result)
    assert [(v.code, v.line, v.column, v.start, v.end) for v in result.violations] == [
        ("GR201", 1, 1, 0, 7),
        ("WS201", 1, 16, 15, 17),
    ]
    first = result.violations[0]
    assert (first.severity, first.suggestions, first.fixable) == ("error", ("The",), True)
    assert (result.path, result.format, result.words) == ("draft.txt", "text", 6)


def test_results_pickle_as_plain_data() -> None:
    result = draftlint.lint_text("Whaterver he said, it was was late.\n", "a.md")
    assert result.violations  # something to carry across
    data = pickle.dumps(result)
    assert pickle.loads(data) == result
    # nothing of the engine rides along: no Document, no rule, no numpy array
    assert b"draftlint.drafts" not in data and b"numpy" not in data
    assert len(data) < 4_000


def test_format_is_given_by_name_or_by_suffix() -> None:
    text = "# Heading\n\nIt was was late.\n"
    assert draftlint.lint_text(text, "a.md").format == "markdown"
    assert draftlint.lint_text(text, "a.md", format="text").format == "text"


def _tree(root: Path) -> Path:
    archive = root / "archive"
    (archive / "2025").mkdir(parents=True)
    (archive / ".hidden").mkdir()
    (archive / "2025" / "a.md").write_text("# Draft\n\nIt was was long.\n", encoding="utf-8")
    (archive / "2025" / "b.txt").write_text(
        "Whaterver the reason, Smith said it was “late.\n", encoding="utf-8"
    )
    (archive / "c.html").write_text("<p>The the end.</p>\n", encoding="utf-8")
    (archive / "skip.py").write_text("x = 1\n", encoding="utf-8")
    (archive / ".hidden" / "d.md").write_text("It was was.\n", encoding="utf-8")
    (archive / "bad.txt").write_bytes(b"caf\xe9\n")
    # a config of the archive's own: found for each file as the CLI finds it
    (archive / ".draftlint.toml").write_text('ignore = ["SP"]\n', encoding="utf-8")
    return archive


def test_iter_files_and_lint_file_find_what_the_cli_finds(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path)
    files = draftlint.iter_files(["archive"])
    # a folder's files, then its sub-folders; no hidden folder, no other suffix
    assert files == ["archive/bad.txt", "archive/c.html", "archive/2025/a.md", "archive/2025/b.txt"]
    results = [draftlint.lint_file(p) for p in files]
    assert results[3].violations and all(not v.code.startswith("SP") for v in results[3].violations)
    defaults = draftlint.lint_file(files[3], config=draftlint.Config())  # the typo is reported
    assert [v.code for v in defaults.violations if v.code.startswith("SP")] == ["SP101"]
    assert results[0].error is not None and "0xe9" in results[0].error
    with pytest.raises(FileNotFoundError):
        draftlint.iter_files(["no-such-folder"])


def _cli_json(args: list[str], capsys) -> dict:
    capsys.readouterr()
    main(["check", "--format", "json", "--no-cache", *args])
    return json.loads(capsys.readouterr().out)


def test_lint_paths_and_json_report_equal_the_cli(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path)
    expected = _cli_json(["archive"], capsys)
    assert expected["summary"]["violations"] > 0
    assert draftlint.json_report(draftlint.lint_paths(["archive"])) == expected
    assert draftlint.json_report(draftlint.lint_paths(["archive"], jobs=2)) == expected


def test_runs_over_files_hold_no_document(tmp_path, monkeypatch) -> None:
    """A run over an archive must not hold every file's Document (its analysis is hundreds of
    bytes a word), in-process as with workers; the text linted stays with the result."""
    from draftlint.run.runner import lint_paths

    monkeypatch.chdir(tmp_path)
    _tree(tmp_path)
    linted = [r for r in lint_paths(["archive"]) if not r.error]
    assert len(linted) == 3 and all(r.violations for r in linted)
    assert all(r.document is None and r.text for r in linted)


def _recipe():
    spec = importlib.util.spec_from_file_location("dask_archive", ROOT / "examples/dask_archive.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dask_recipe_gives_the_cli_json(tmp_path, monkeypatch, capsys) -> None:
    pytest.importorskip("dask.bag")
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path)
    expected = _cli_json(["archive"], capsys)
    recipe = _recipe()
    # worker processes: each result crosses a process boundary as a pickle
    assert recipe.lint_archive(["archive"], partitions=3, scheduler="processes") == expected
    assert recipe.main(["archive", "-o", "out.json", "--scheduler", "threads"]) == 2  # bad.txt
    assert json.loads(Path("out.json").read_text(encoding="utf-8")) == expected
    assert "bad.txt" in capsys.readouterr().err


def test_unknown_attributes_still_raise() -> None:
    with pytest.raises(AttributeError):
        draftlint.no_such_thing  # noqa: B018
    assert {"lint_text", "lint_file", "lint_paths", "Result", "Issue"} <= set(dir(draftlint))
