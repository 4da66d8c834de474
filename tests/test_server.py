"""The language server, driven by a real LSP client (pygls's) over stdio in a child process."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

from draftlint.server.positions import UTF8, UTF16, UTF32, LineIndex

TIMEOUT = 60  # a first lint loads the rules' data: generous, this is not a speed test


class Session:
    """A client connected to ``python -m draftlint server``, collecting what the server sends."""

    def __init__(self) -> None:
        self.client = LanguageClient("draftlint-tests", "1")
        self.diagnostics: asyncio.Queue[lsp.PublishDiagnosticsParams] = asyncio.Queue()
        self.messages: list[lsp.ShowMessageParams] = []

        @self.client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: lsp.PublishDiagnosticsParams) -> None:
            self.diagnostics.put_nowait(params)

        @self.client.feature(lsp.WINDOW_SHOW_MESSAGE)
        def shown(params: lsp.ShowMessageParams) -> None:
            self.messages.append(params)

        @self.client.feature(lsp.WINDOW_LOG_MESSAGE)
        def logged(params: lsp.LogMessageParams) -> None:
            pass

    async def start(self, root: Path, encodings: list[str] | None = None) -> lsp.InitializeResult:
        # the rule pages go to a cache of the test's own, not the user's
        env = {**os.environ, "XDG_CACHE_HOME": str(root / ".cache")}
        await self.client.start_io(
            sys.executable, "-m", "draftlint", "server", "--stdio", cwd=root, env=env
        )
        general = lsp.GeneralClientCapabilities(position_encodings=encodings)
        result = await self.client.initialize_async(
            lsp.InitializeParams(
                capabilities=lsp.ClientCapabilities(general=general),
                root_uri=root.as_uri(),
                process_id=None,
            )
        )
        self.client.initialized(lsp.InitializedParams())
        return result

    def open(self, path: Path, text: str, language: str = "markdown", version: int = 1) -> str:
        uri = path.as_uri()
        self.client.text_document_did_open(
            lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, language, version, text))
        )
        return uri

    def change(self, uri: str, text: str, version: int) -> None:
        self.client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                lsp.VersionedTextDocumentIdentifier(version, uri),
                [lsp.TextDocumentContentChangeWholeDocument(text)],
            )
        )

    async def published(self, uri: str) -> lsp.PublishDiagnosticsParams:
        while True:
            params = await asyncio.wait_for(self.diagnostics.get(), TIMEOUT)
            if params.uri == uri:
                return params

    async def stop(self) -> None:
        await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
        self.client.exit(None)
        await asyncio.wait_for(self.client.stop(), TIMEOUT)


def run(test: Callable[[Session], Awaitable[None]]) -> None:
    async def main() -> None:
        session = Session()
        try:
            await test(session)
        finally:
            if not session.client.stopped:
                await session.stop()

    asyncio.run(main())


DRAFT = "# Notes\n\nThe 🙂 minister said it was was late.\n\nWhaterver happens, we go on.\n"


def _by_code(params: lsp.PublishDiagnosticsParams) -> dict[str, lsp.Diagnostic]:
    return {str(d.code): d for d in params.diagnostics}


def test_diagnostics_code_actions_and_changes(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")

    async def scenario(s: Session) -> None:
        init = await s.start(tmp_path)
        assert init.capabilities.position_encoding == lsp.PositionEncodingKind.Utf16
        uri = s.open(draft, DRAFT)
        params = await s.published(uri)
        found = _by_code(params)
        assert params.version == 1
        repeated, typo = found["GR201"], found["SP101"]
        # the emoji is two UTF-16 units: "was was" starts at code point 23, unit 24
        assert repeated.range == lsp.Range(lsp.Position(2, 24), lsp.Position(2, 31))
        assert repeated.message == "repeated word 'was' [was]"  # as the text report says it
        assert repeated.severity == lsp.DiagnosticSeverity.Error
        assert typo.range == lsp.Range(lsp.Position(4, 0), lsp.Position(4, 9))
        assert "Whatever" in typo.message
        assert typo.code_description is not None
        page = Path(typo.code_description.href.removeprefix("file://"))
        assert page.parent.parent.parent.parent == tmp_path / ".cache"
        assert page.name == "SP101.md" and "# SP101" in page.read_text(encoding="utf-8")

        actions = await s.client.text_document_code_action_async(
            lsp.CodeActionParams(
                lsp.TextDocumentIdentifier(uri),
                typo.range,
                lsp.CodeActionContext(diagnostics=[typo]),
            )
        )
        assert actions
        titles = [a.title for a in actions]
        assert titles[0] == "SP101: replace with 'Whatever'"
        edit = actions[0].edit.changes[uri][0]
        assert (edit.range, edit.new_text) == (typo.range, "Whatever")
        fix_all = [a for a in actions if a.kind == "source.fixAll.draftlint"]
        assert len(fix_all) == 1  # the repeated word has a safe fix

        fixed = DRAFT.replace("was was", "was").replace("Whaterver", "Whatever")
        s.change(uri, fixed, 2)
        params = await s.published(uri)
        assert params.version == 2
        assert not {"GR201", "SP101"} & set(_by_code(params))

        s.client.text_document_did_close(
            lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(uri))
        )
        assert list((await s.published(uri)).diagnostics) == []
        await s.stop()

    run(scenario)


def test_a_burst_of_changes_is_linted_once_at_its_last_version(tmp_path: Path) -> None:
    async def scenario(s: Session) -> None:
        await s.start(tmp_path)
        uri = s.open(tmp_path / "a.txt", "Fine text.\n", "plaintext")
        await s.published(uri)
        for version in range(2, 12):
            s.change(uri, "It was was late.\n" * version, version)
        params = await s.published(uri)
        assert params.version == 11
        assert [d.code for d in params.diagnostics].count("GR201") == 11
        await asyncio.sleep(0.5)
        assert s.diagnostics.empty()  # the ten older versions were never published

    run(scenario)


def test_utf8_positions_when_the_client_asks(tmp_path: Path) -> None:
    async def scenario(s: Session) -> None:
        init = await s.start(tmp_path, [lsp.PositionEncodingKind.Utf8])
        assert init.capabilities.position_encoding == lsp.PositionEncodingKind.Utf8
        uri = s.open(tmp_path / "a.txt", "Café — it was was late.\n", "plaintext")
        repeated = _by_code(await s.published(uri))["GR201"]
        # "Café — it " is 10 characters and 13 bytes
        assert (repeated.range.start.character, repeated.range.end.character) == (13, 20)

    run(scenario)


def test_bad_config_and_bad_input_never_stop_the_server(tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / ".draftlint.toml").write_text('sensitivity = "extreme"\n', encoding="utf-8")
    good = tmp_path / "good"
    good.mkdir()

    async def scenario(s: Session) -> None:
        await s.start(tmp_path)
        uri = s.open(broken / "a.md", "It was was late.\n")
        assert list((await s.published(uri)).diagnostics) == []
        assert any(".draftlint.toml:1: sensitivity" in m.message for m in s.messages)
        # a document that is not on disk, odd characters, and the server still answers
        untitled = "untitled:Untitled-1"
        s.client.text_document_did_open(
            lsp.DidOpenTextDocumentParams(
                lsp.TextDocumentItem(untitled, "plaintext", 1, "\x00\ufffe It was was.\u2028x")
            )
        )
        assert [d.code for d in (await s.published(untitled)).diagnostics].count("GR201") == 1
        # a code action on a document the server never saw is an empty answer, not an error
        actions = await s.client.text_document_code_action_async(
            lsp.CodeActionParams(
                lsp.TextDocumentIdentifier((good / "never.md").as_uri()),
                lsp.Range(lsp.Position(0, 0), lsp.Position(0, 1)),
                lsp.CodeActionContext(diagnostics=[]),
            )
        )
        assert not actions
        # the config fixed and saved: the next lint reads it again
        (broken / ".draftlint.toml").write_text("sensitivity = 0.5\n", encoding="utf-8")
        s.client.text_document_did_save(
            lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(uri))
        )
        assert "GR201" in _by_code(await s.published(uri))

    run(scenario)


# ------------------------------------------------------------------------ positions
@pytest.mark.parametrize(
    ("encoding", "expected"), [(UTF16, (1, 3)), (UTF8, (1, 6)), (UTF32, (1, 2))]
)
def test_line_index_counts_units_of_the_negotiated_encoding(encoding, expected) -> None:
    text = "first\r\n🙂é!"
    index = LineIndex(text, encoding)
    assert index.position(text.index("!")) == expected
    assert index.offset(*expected) == text.index("!")


def test_line_index_breaks_lines_where_lsp_does() -> None:
    text = "a\rb\r\nc\nd\u2028e\x0cf"  # U+2028 and form feed do not end a line in LSP
    index = LineIndex(text)
    assert [index.position(text.index(ch)) for ch in "abcdef"] == [
        (0, 0),
        (1, 0),
        (2, 0),
        (3, 0),
        (3, 2),
        (3, 4),
    ]
    assert index.offset(1, 99) == text.index("b") + 1  # past the end: the line's end
    assert index.offset(99, 0) == len(text)


# ------------------------------------------------------------------------ links and actions
def test_doc_links_use_the_template_or_a_page_written_once(tmp_path: Path) -> None:
    from draftlint.registry import documented_rules
    from draftlint.server.diagnostics import DocLinks

    rule = documented_rules()["GR201"]
    assert (
        DocLinks("https://docs.example.org/{code}").href(rule) == "https://docs.example.org/GR201"
    )
    links = DocLinks(folder=tmp_path / "pages")
    href = links.href(rule)
    assert href == (tmp_path / "pages" / "GR201.md").as_uri()
    assert "Bad:" in (tmp_path / "pages" / "GR201.md").read_text(encoding="utf-8")
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    assert DocLinks(folder=blocked / "pages").href(rule) is None  # no link, not a broken one
    assert links.href(None) is None


def test_code_actions_honour_the_clients_kinds() -> None:
    from draftlint.config.settings import Config
    from draftlint.run.lint import lint_text
    from draftlint.server.diagnostics import FIX_ALL, DocLinks, build, code_actions

    text = "It was was late.\r\nIt was was early.\r\n"
    result = lint_text(text, "a.txt", "text", Config(select=("GR201",)))
    linted = build(1, text, UTF16, result.violations, result.document, {}, DocLinks(""))
    assert all(d.code_description is None for d in linted.diagnostics)  # no rule, no link
    quick = code_actions(linted, "file:///a.txt", 0, 3, [lsp.CodeActionKind.QuickFix.value])
    assert [a.title for a in quick] == ["GR201: fix ('was')"]  # only the first line's finding
    assert quick[0].is_preferred
    every = code_actions(linted, "file:///a.txt", 0, len(text), ["source.fixAll"])
    assert [a.kind for a in every] == [FIX_ALL]
    edits = every[0].edit.changes["file:///a.txt"]
    assert [(e.range.start.line, e.new_text) for e in edits] == [(0, "was"), (1, "was")]
