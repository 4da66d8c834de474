"""Files linted in groups: one parse call for a group's cued sentences, the same findings as
file by file, cached files never parsed, one bad file costing only its own result."""

from __future__ import annotations

from pathlib import Path

import pytest
from spies import fail_on, record

from draftlint.checks.grammar import parsed
from draftlint.config.settings import Config
from draftlint.run import runner
from draftlint.run.lint import RuleCrash, Source, lint_file, lint_text, lint_texts
from draftlint.run.runner import lint_paths
from draftlint.syntax import parser

#: drafts whose sentences the cues send to the parser (GR103, GR104, GR105), and a clean one
DRAFTS = {
    "a.txt": "Any agreement he reaches with Putin on policy issues are sure to draw scrutiny.\n",
    "b.txt": "Although, the talks went on late into the night.\n\nThe the end came.\n",
    "c.md": "# Talks\n\nBeyond his personal popularity is experiencing a slump.\n",
    "d.txt": "The talks went well and both sides agreed to meet again.\n",
    "e.txt": "These week the figures was worse. He said was happy with them.\n",
}

needs_parser = pytest.mark.skipif(not parser.available(), reason="the spaCy pipeline is missing")


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DRAFTLINT_NO_CACHE", raising=False)
    for name, text in DRAFTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.fixture
def parse_calls(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The texts of every call to the parser, in order."""
    calls: list[list[str]] = []
    real = parsed.parse

    def recording(texts):
        calls.append(list(texts))
        return real(texts)

    monkeypatch.setattr(parsed, "parse", recording)
    return calls


def _findings(results) -> list[tuple]:
    return [
        (r.path, v.code, v.span, v.message, v.suggestions) for r in results for v in r.violations
    ]


@needs_parser
def test_a_group_finds_what_each_file_alone_finds(drafts: Path, parse_calls) -> None:
    config = Config()
    alone = [lint_text(text, name, None, config) for name, text in DRAFTS.items()]
    assert {v.code for r in alone for v in r.violations} >= {"GR103", "GR104", "GR105"}
    parse_calls.clear()
    grouped = lint_texts([Source(text, name, None, config) for name, text in DRAFTS.items()])
    assert len(parse_calls) == 1  # every draft's cued sentences in one call
    assert _findings(grouped) == _findings(alone)
    files = lint_paths(sorted(DRAFTS), config)
    assert _findings(files) == _findings(lint_file(p, config) for p in sorted(DRAFTS))
    assert _findings(files) == _findings(sorted(alone, key=lambda r: r.path))


def test_a_group_looks_up_its_local_cues_once(drafts: Path, monkeypatch) -> None:
    calls = record(monkeypatch, parsed, "local_agreement_cues")
    config = Config()
    sources = [Source(text, name, None, config) for name, text in DRAFTS.items()]
    chosen = [
        parsed.chosen_sentences(lint_text(s.text, s.path, None, config).document) for s in sources
    ]
    calls.clear()
    documents = [r.document for r in lint_texts(sources)]
    assert len(calls) == 1  # one lookup for every draft's sentences, during the prefetch
    assert [c for _, c in parsed._chosen_together(documents)] == chosen


@needs_parser
def test_a_cached_file_is_not_parsed(drafts: Path, parse_calls) -> None:
    lint_paths(["."], cache=True)
    (drafts / "a.txt").write_text("Any deal he reaches are sure to draw fire.\n", encoding="utf-8")
    parse_calls.clear()
    lint_paths(["."], cache=True)
    # only the changed file's cued sentence (a prefix of it) goes to the parser
    assert len(parse_calls) == 1 and [t[:8] for t in parse_calls[0]] == ["Any deal"]
    parse_calls.clear()
    lint_paths(["."], cache=True)
    assert parse_calls == []


def test_groups_keep_to_a_workers_share_and_fixes_go_alone(drafts: Path, monkeypatch) -> None:
    sizes: list[int] = []
    real = runner._work

    def recording(group):
        sizes.append(len(group))
        return real(group)

    monkeypatch.setattr(runner, "_work", recording)
    lint_paths(["."])
    assert sizes == [len(DRAFTS)]
    sizes.clear()
    monkeypatch.setattr(runner, "GROUP_FILES", 2)
    lint_paths(["."])
    assert sizes == [2, 2, 1]


def test_a_failing_file_loses_only_its_own_result(drafts: Path, monkeypatch) -> None:
    boom = ValueError("boom")
    real = fail_on(monkeypatch, parsed, "_candidates", "b.txt", boom)
    config = Config()
    got = lint_texts([Source(text, name, None, config) for name, text in DRAFTS.items()])
    assert isinstance(got[1], RuleCrash) and got[1].error is boom and got[1].path == "b.txt"
    assert got[1].code in parsed.READERS
    others = [r for r in got if not isinstance(r, Exception)]
    monkeypatch.setattr(parsed, "_candidates", real)
    alone = [lint_text(t, n, None, config) for n, t in DRAFTS.items() if n != "b.txt"]
    assert _findings(others) == _findings(alone)

    # the run stops at the bad file as before, with the rule's own exception; the files
    # after it in its group were linted and cached all the same
    fail_on(monkeypatch, parsed, "_candidates", "b.txt", boom)
    with pytest.raises(RuleCrash) as crash:
        lint_paths(["."], cache=True)
    assert crash.value.error is boom and crash.value.path.endswith("b.txt")
    monkeypatch.setattr(parsed, "_candidates", real)
    relinted: list[str] = []
    real_texts = runner.lint_texts

    def recording(sources):
        relinted.extend(Path(s.path).name for s in sources)
        return real_texts(sources)

    monkeypatch.setattr(runner, "lint_texts", recording)
    lint_paths(["."], cache=True)
    assert relinted == ["b.txt"]


def test_in_workers_a_failing_file_is_reported_in_its_turn(drafts: Path, monkeypatch) -> None:
    # the forked workers inherit the failing stand-in
    real = fail_on(monkeypatch, parsed, "_candidates", "b.txt", ValueError("boom"))
    with pytest.raises(RuleCrash) as crash:
        lint_paths(["."], jobs=2, cache=True)
    assert crash.value.path.endswith("b.txt") and "ValueError: boom" in str(crash.value)
    monkeypatch.setattr(parsed, "_candidates", real)
    assert _findings(lint_paths(["."], jobs=2)) == _findings(lint_paths(["."]))


def test_a_run_raises_the_collector_thresholds_and_puts_them_back(
    drafts: Path, monkeypatch
) -> None:
    import gc

    seen: list[tuple[int, int, int]] = []
    real_texts = runner.lint_texts

    def recording(sources):
        seen.append(gc.get_threshold())
        return real_texts(sources)

    monkeypatch.setattr(runner, "lint_texts", recording)
    before = gc.get_threshold()
    lint_paths(["."])
    assert seen and set(seen) == {runner.GC_THRESHOLDS} != {before}
    assert gc.get_threshold() == before

    def failing(sources):
        raise KeyboardInterrupt  # what a user's Ctrl-C does mid-run

    monkeypatch.setattr(runner, "lint_texts", failing)
    with pytest.raises(KeyboardInterrupt):
        lint_paths(["."])
    assert gc.get_threshold() == before
