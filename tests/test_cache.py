"""The result cache, parallel jobs and the progress bar."""

from __future__ import annotations

import io
import json
import multiprocessing
from pathlib import Path

import pytest

import draftlint.run.cache as cache_module
from draftlint.cli import main
from draftlint.config.settings import Config
from draftlint.rule import rule
from draftlint.run.cache import ResultCache, result_from_dict, result_to_dict
from draftlint.run.lint import lint_text
from draftlint.run.parallel import Progress
from draftlint.violation import Severity

TEXTS = {
    "a.txt": "The the meeting  lasted two hours.\n",
    "b.md": "# Title\n\nIt was was long.\n",
    "c.txt": "Nothing wrong here.\n",
    "d.txt": "Spaces  and\u00a0more  spaces.\n",
}


@pytest.fixture
def drafts(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DRAFTLINT_NO_CACHE", raising=False)  # a suite may turn it off elsewhere
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def report(capsys, *args: str) -> tuple[int, str]:
    code = main(["check", "--format", "json", *args])
    return code, capsys.readouterr().out


def _no_linting(*args, **kwargs):
    raise AssertionError("linted although the cache holds the result")


def test_a_second_run_comes_from_the_cache(drafts, capsys, monkeypatch) -> None:
    first = report(capsys, ".")
    assert (drafts / ".draftlint_cache" / "CACHEDIR.TAG").is_file()
    assert (
        drafts / ".draftlint_cache" / ".gitignore"
    ).read_text() == "# Created by draftlint.\n*\n"
    monkeypatch.setattr("draftlint.run.runner.lint_text", _no_linting)
    monkeypatch.setattr("draftlint.run.runner.lint_texts", _no_linting)
    assert report(capsys, ".") == first


def test_content_config_and_code_changes_miss_the_cache(drafts, capsys, monkeypatch) -> None:
    report(capsys, ".")
    calls = []
    real = cache_module.ResultCache.put

    def counting_put(self, key, result):
        calls.append(result.path)
        real(self, key, result)

    monkeypatch.setattr(cache_module.ResultCache, "put", counting_put)
    (drafts / "c.txt").write_text("Now  wrong.\n", encoding="utf-8")
    report(capsys, ".")
    assert calls == ["./c.txt"]  # only the edited file was linted again
    report(capsys, "--select", "GR201", ".")
    assert len(calls) == 1 + len(TEXTS)  # another rule selection: every file again
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "another build")
    report(capsys, ".")
    assert len(calls) == 1 + 2 * len(TEXTS)


def test_no_cache_neither_reads_nor_writes(drafts, capsys) -> None:
    report(capsys, "--no-cache", ".")
    assert not (drafts / ".draftlint_cache").exists()


def test_cache_dir_comes_from_the_config_relative_to_its_root(drafts, capsys) -> None:
    (drafts / ".draftlint.toml").write_text('cache-dir = "build/lint-cache"\n', encoding="utf-8")
    sub = drafts / "sub"
    sub.mkdir()
    (sub / "e.txt").write_text("The the end.\n", encoding="utf-8")
    report(capsys, "sub/e.txt")
    assert (drafts / "build" / "lint-cache" / "CACHEDIR.TAG").is_file()
    assert not (drafts / ".draftlint_cache").exists()


def test_a_corrupt_entry_is_a_miss(drafts, capsys) -> None:
    first = report(capsys, "a.txt")
    entries = list((drafts / ".draftlint_cache").rglob("*.json"))
    assert entries  # the first run wrote the entry this test corrupts
    for entry in entries:
        entry.write_text('{"path": "a.txt", "violations": [[1, 2', encoding="utf-8")
    assert report(capsys, "a.txt") == first


def test_results_round_trip_through_the_cache_format() -> None:
    result = lint_text(TEXTS["d.txt"], "d.txt", "text", Config())
    back = result_from_dict(json.loads(json.dumps(result_to_dict(result))))
    assert back.violations == result.violations and back.words == result.words


def _hammer(args: tuple[str, int]) -> int:
    directory, n = args
    cache = ResultCache(directory)
    result = lint_text(TEXTS["a.txt"] * (n % 3 + 1), "a.txt", "text", Config())
    torn = 0
    for _ in range(20):
        cache.put("ab" + "0" * 62, result)
        seen = cache.get("ab" + "0" * 62)
        torn += seen is None or not seen.violations
    return torn


def test_parallel_writers_never_leave_a_torn_entry(tmp_path) -> None:
    with multiprocessing.get_context("fork").Pool(4) as pool:
        torn = pool.map(_hammer, [(str(tmp_path), n) for n in range(8)])
    assert torn == [0] * 8
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_two_jobs_report_exactly_what_one_job_does(drafts, capsys) -> None:
    for i in range(12):
        (drafts / f"more{i}.txt").write_text(
            f"Draft {i} has  a slip and and more.\n", encoding="utf-8"
        )
    one = report(capsys, "--no-cache", "--jobs", "1", ".")
    two = report(capsys, "--no-cache", "--jobs", "2", ".")
    assert one == two and one[0] == 1
    assert report(capsys, "--jobs", "2", ".") == one  # filled by two workers ...
    assert report(capsys, "--jobs", "1", ".") == one  # ... and read back


@rule(
    "WS299",
    "test-crash",
    Severity.ERROR,
    "A rule that crashes.",
    what="-",
    why="-",
    bad="-",
    good="-",
)
def _crashing(document, context):
    raise ZeroDivisionError("boom")


def test_a_rule_crash_in_a_worker_is_an_internal_error(drafts, capsys, monkeypatch) -> None:
    monkeypatch.setattr("draftlint.run.lint.registry_for", lambda config: {"WS299": _crashing})
    assert main(["check", "--no-cache", "--jobs", "2", "a.txt", "c.txt"]) == 3
    err = capsys.readouterr().err
    assert "rule WS299 crashed on a.txt: ZeroDivisionError: boom" in err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_is_drawn_on_a_terminal_and_wiped() -> None:
    stream = _Terminal()
    progress = Progress(3, stream=stream, delay=0)
    for _ in range(3):
        progress.advance()
    progress.close()
    drawn = stream.getvalue()
    assert "] 3/3 files" in drawn and drawn.endswith("\r\x1b[K")


def test_no_progress_bar_off_a_terminal_or_on_a_short_run() -> None:
    quiet = io.StringIO()
    progress = Progress(3, stream=quiet, delay=0)
    progress.advance(3)
    progress.close()
    assert quiet.getvalue() == ""
    terminal = _Terminal()
    short = Progress(3, stream=terminal, delay=60)
    short.advance(3)
    short.close()
    assert terminal.getvalue() == ""


def test_editing_a_vocabulary_named_by_the_config_misses_the_cache(
    drafts, capsys, monkeypatch
) -> None:
    (drafts / ".draftlint.toml").write_text('vocabularies = ["words.txt"]\n', encoding="utf-8")
    (drafts / "words.txt").write_text("Tillerson\n", encoding="utf-8")
    report(capsys, "a.txt")
    calls = []
    monkeypatch.setattr(
        cache_module.ResultCache, "put", lambda self, key, result: calls.append(key)
    )
    report(capsys, "a.txt")
    assert calls == []
    (drafts / "words.txt").write_text("Tillerson\nPeskov\n", encoding="utf-8")
    report(capsys, "a.txt")
    assert len(calls) == 1


def test_the_environment_can_turn_the_cache_off(drafts, capsys, monkeypatch) -> None:
    monkeypatch.setenv("DRAFTLINT_NO_CACHE", "1")
    report(capsys, ".")
    assert not (drafts / ".draftlint_cache").exists()
