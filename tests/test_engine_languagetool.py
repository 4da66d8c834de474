"""LanguageTool through the real language-tool-python client, against a local replay server."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest
from lt_replay import FIXTURES, ReplayServer

from draftlint.cli import main
from draftlint.config.settings import Config
from draftlint.engines import close_sessions
from draftlint.run.lint import lint_text

pytest.importorskip("language_tool_python")


@pytest.fixture(autouse=True)
def fresh_sessions():
    close_sessions()
    yield
    close_sessions()


def config(url: str, **extra) -> Config:
    return Config(
        engines=("languagetool",),
        engine_sections={"languagetool": {"url": url, "timeout": 2, **extra}},
    )


def text_of(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


def test_real_response_mapped_with_exact_positions() -> None:
    text = text_of("tiptap_en-US_plain_lt5.5")
    with ReplayServer() as server:
        result = lint_text(text, "draft.txt", "text", config(server.url))
    lt = [v for v in result.violations if "languagetool" in v.source.split("+")]
    # "onee" and "shud" are also SP101's: each merges into one finding naming both sources.
    # "Extensin", capitalised in mid-sentence, is a name to our word model (as "Peskov" would
    # be), so LanguageTool's spelling verdict on it is dropped: precision first.
    assert [(v.code, v.name, v.source, text[v.span.start : v.span.end], v.column) for v in lt] == [
        ("SP101", "unknown-word", "draftlint+languagetool", "onee", 35),
        ("SP101", "unknown-word", "draftlint+languagetool", "shud", 46),
    ]
    assert "one" in lt[0].suggestions
    assert result.notices == []
    # the client posted our prose, with the language from the dialect
    assert server.requests[0]["language"] == ["en-US"]
    assert server.requests[0]["text"][0].rstrip() == text.rstrip()


def test_utf16_offsets_after_emoji() -> None:
    text = text_of("handmade_emoji")
    with ReplayServer() as server:
        result = lint_text(text, "emoji.txt", "text", config(server.url))
    spans = [
        (text[v.span.start : v.span.end], v.column)
        for v in result.violations
        if "languagetool" in v.source.split("+")
    ]
    assert spans == [("teh", 10), ("teh", 25)]  # str columns, though the server counted UTF-16


def test_names_dropped_repeats_merged_readability_deferred() -> None:
    text = text_of("handmade_filter")
    with ReplayServer() as server:
        result = lint_text(text, "filter.txt", "text", config(server.url))
    flagged = [(v.code, v.source, text[v.span.start : v.span.end]) for v in result.violations]
    assert ("GR201", "draftlint+languagetool", "the the") in flagged  # merged, one finding
    assert not any(v.code == "LT199" for v in result.violations)  # the repeat-word match was merged
    assert not any("Peskov" == f[2] for f in flagged)  # a name the draft introduces
    assert not any(v.name == "TOO_LONG_SENTENCE" for v in result.violations)  # the RD rules' job
    assert ("LT102", "languagetool", "began") in flagged
    (grammar,) = [v for v in result.violations if v.code == "LT102"]
    assert (grammar.name, grammar.message, grammar.suggestions) == (
        "HYPOTHETICAL_GRAMMAR_RULE",
        "A grammar finding kept as LT102.",
        ("started",),
    )


def test_select_and_severity_apply_to_engine_codes() -> None:
    text = text_of("handmade_filter")
    with ReplayServer() as server:
        base = config(server.url)
        ignored = lint_text(text, "f.txt", "text", base.with_overrides(ignore=("LT1",)))
        lowered = lint_text(
            text,
            "f.txt",
            "text",
            base.with_overrides(
                severity=(("LT", __import__("draftlint.violation").violation.Severity.INFO),)
            ),
        )
    assert not [v for v in ignored.violations if v.code.startswith("LT")]
    assert {v.severity.label for v in lowered.violations if v.code.startswith("LT")} == {"info"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize(
    "mode, reason",
    [
        ("refused", "connection refused"),
        ("error500", "internal server error"),
        ("garbage", "not json"),
        ("no-matches-key", "malformed answer"),
        ("hang", "no answer within"),
    ],
)
def test_failures_are_one_clear_line_and_builtins_still_run(mode, reason, tmp_path, capsys) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text("The the meeting began.\n\nIt ended.\n", encoding="utf-8")
    (tmp_path / ".draftlint.toml").write_text("", encoding="utf-8")
    if mode == "refused":
        url = f"http://127.0.0.1:{free_port()}"
        server = None
    else:
        server = ReplayServer(mode).__enter__()
        url = server.url
    (tmp_path / ".draftlint.toml").write_text(
        f'engines = ["languagetool"]\n[languagetool]\nurl = "{url}"\ntimeout = 1\n',
        encoding="utf-8",
    )
    started = time.monotonic()
    try:
        code = main(["check", "--no-cache", str(draft), str(draft)])
    finally:
        if server is not None:
            server.__exit__(None, None, None)
    elapsed = time.monotonic() - started
    captured = capsys.readouterr()
    notices = [line for line in captured.err.splitlines() if "languagetool skipped" in line]
    assert code == 1, captured.err  # GR201 still found; not 3
    assert "GR201" in captured.out
    assert len(notices) == 1, captured.err  # once per run, not once per file
    assert reason in notices[0].lower(), notices[0]
    assert elapsed < 8  # a dead server is given up on, not retried per file


def test_no_url_and_no_local_install_is_a_clean_skip(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "nothing-here"))
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    monkeypatch.delenv("DRAFTLINT_LANGUAGETOOL_URL", raising=False)
    draft = tmp_path / "a.txt"
    draft.write_text("Fine text.\n", encoding="utf-8")
    assert main(["check", "--no-cache", "--engine", "languagetool", str(draft)]) == 0
    err = capsys.readouterr().err
    assert "languagetool skipped:" in err and ("never downloads" in err or "no Java" in err)
    assert not (tmp_path / "nothing-here").exists()  # nothing created, nothing downloaded


def test_unknown_engine_in_config_is_a_config_error(tmp_path, capsys) -> None:
    (tmp_path / ".draftlint.toml").write_text('engines = ["grammarly"]\n', encoding="utf-8")
    draft = tmp_path / "a.txt"
    draft.write_text("Fine.\n", encoding="utf-8")
    assert main(["check", str(draft)]) == 2
    assert ".draftlint.toml:1: unknown engine 'grammarly'" in capsys.readouterr().err


def test_fixture_sources_are_recorded() -> None:
    assert "MIT" in Path(FIXTURES / "SOURCE.md").read_text()
