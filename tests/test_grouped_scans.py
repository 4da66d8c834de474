"""Files linted in groups: one n-gram scan for a group's sentences (per sensitivity), the same
GR101/GR102 findings as file by file, and one bad file costing only its own result."""

from __future__ import annotations

import pytest
from spies import fail_on, record

from draftlint.checks.grammar import slips
from draftlint.config.settings import Config
from draftlint.context import slips as context_slips
from draftlint.run.lint import RuleCrash, Source, lint_text, lint_texts

#: drafts with a real-word slip (GR101) or a dropped word (GR102), and a clean one
DRAFTS = {
    "a.txt": "Putin faces much less political ad institutional pressure at home.\n",
    "b.txt": "The talks went well and both sides agreed to meet again.\n",
    "c.md": "# Talks\n\nThey will continue offer help to the region for years.\n",
    "d.txt": "He walked form the station to the office in the rain.\n",
}


@pytest.fixture
def scan_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of sentences of every call to the scan, in order."""
    return record(monkeypatch, context_slips, "scan")


def _findings(results) -> list[tuple]:
    return [
        (r.path, v.code, v.span, v.message, v.suggestions) for r in results for v in r.violations
    ]


def _gr1(results) -> set[str]:
    return {v.code for r in results for v in r.violations if v.code.startswith("GR1")}


def test_a_group_is_scanned_once_and_finds_what_each_file_alone_finds(scan_calls) -> None:
    config = Config()
    alone = [lint_text(text, name, None, config) for name, text in DRAFTS.items()]
    assert {"GR101", "GR102"} <= _gr1(alone)
    assert len(scan_calls) == len(DRAFTS)  # alone: one scan per file
    scan_calls.clear()
    grouped = lint_texts([Source(text, name, None, config) for name, text in DRAFTS.items()])
    assert len(scan_calls) == 1  # every draft's sentences in one call
    assert scan_calls[0] == sum(len(r.document.analysis.sentences) for r in grouped) - 1
    assert _findings(grouped) == _findings(alone)


def test_each_sensitivity_gets_its_own_scan(scan_calls) -> None:
    low, high = Config(sensitivity="low"), Config(sensitivity="high")
    configs = [low, high, low, high]
    sources = [Source(t, n, None, c) for (n, t), c in zip(DRAFTS.items(), configs, strict=True)]
    alone = [lint_text(s.text, s.path, None, s.config) for s in sources]
    scan_calls.clear()
    grouped = lint_texts(sources)
    assert len(scan_calls) == 2
    assert _findings(grouped) == _findings(alone)


def test_no_scan_where_no_gr1_rule_runs(scan_calls) -> None:
    config = Config(ignore=("GR101", "GR102"))
    got = lint_texts([Source(t, n, None, config) for n, t in DRAFTS.items()])
    assert scan_calls == [] and _gr1(got) == set()


def test_a_failing_file_loses_only_its_own_result(monkeypatch: pytest.MonkeyPatch) -> None:
    boom = ValueError("boom")
    real = fail_on(monkeypatch, slips, "_sentences", "a.txt", boom)
    config = Config()
    got = lint_texts([Source(text, name, None, config) for name, text in DRAFTS.items()])
    assert isinstance(got[0], RuleCrash) and got[0].error is boom
    assert got[0].code in slips.SCAN_READERS
    monkeypatch.setattr(slips, "_sentences", real)
    alone = [lint_text(t, n, None, config) for n, t in DRAFTS.items() if n != "a.txt"]
    assert _findings(got[1:]) == _findings(alone)


def test_a_failing_scan_leaves_each_file_to_scan_alone(monkeypatch, scan_calls) -> None:
    config = Config()
    alone = [lint_text(text, name, None, config) for name, text in DRAFTS.items()]
    real = context_slips.scan
    calls = {"n": 0}

    def first_fails(sentences, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise MemoryError("the group's scan")
        return real(sentences, *args, **kwargs)

    monkeypatch.setattr(context_slips, "scan", first_fails)
    grouped = lint_texts([Source(text, name, None, config) for name, text in DRAFTS.items()])
    assert calls["n"] == 1 + len(DRAFTS)
    assert _findings(grouped) == _findings(alone)
