"""``draftlint server``: a Language Server Protocol server over stdio, built on pygls.

What it does: lints each open document on open, on change (debounced) and on save, with the
config the CLI would find for the file (searched from the document's folder, re-read when a
config file changes), and publishes the findings as diagnostics; offers each finding's safe
fix and suggestions as quick fixes, and a "fix all" source action.

What it must never do is take the editor down: a broken config, an undecodable path, a rule
that crashes — each becomes one message to the user and an empty set of diagnostics for that
document, and the server goes on. Lints run one at a time on a worker thread, so the server
keeps reading messages (a newer change cancels a pending lint; a lint of an old version is
dropped instead of published).
"""

from __future__ import annotations

import asyncio
import logging
import sys
import traceback
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from draftlint import __version__
from draftlint.config.discovery import CONFIG_FILES, find_config_file, load_config
from draftlint.config.settings import Config, ConfigError
from draftlint.config.vale_ini import VALE_CONFIG_NAMES
from draftlint.drafts import formats
from draftlint.registry import documented_rules, registry_for
from draftlint.rule import Rule
from draftlint.run.lint import RuleCrash, lint_text
from draftlint.server.diagnostics import FIX_ALL, DocLinks, Linted, build, code_actions
from draftlint.syntax import parser

DEBOUNCE = 0.15  # seconds of quiet after a change before linting: typing does not queue lints
LANGUAGES = {"markdown": "markdown", "html": "html", "plaintext": "text"}
CONFIG_NAMES = {*CONFIG_FILES, *VALE_CONFIG_NAMES}
ERROR = lsp.MessageType.Error
log = logging.getLogger(__name__)


class Configs:
    """The config the CLI would find for a document (``config.discovery``), re-read when its
    file changes (by mtime): an editor session outlives many edits of the config."""

    def __init__(self) -> None:
        self._loaded: dict[Path, tuple[float, Config]] = {}

    def for_path(self, path: Path) -> Config:
        found = find_config_file(path)
        if found is None:
            return Config(root=str(Path.cwd()))  # as ConfigResolver: defaults, rooted here
        mtime = found.stat().st_mtime
        cached = self._loaded.get(found)
        if cached is None or cached[0] != mtime:
            cached = (mtime, load_config(found))
            self._loaded[found] = cached
        return cached[1]


class DraftlintServer(LanguageServer):
    def __init__(self) -> None:
        # Whole-text sync: pygls applies incremental changes with str.splitlines' idea of a
        # line, which is not LSP's (see positions.py); the whole text is exact and cheap here.
        super().__init__(
            "draftlint", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Full
        )
        self.configs = Configs()
        self.links = DocLinks()
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="draftlint-lint")
        self.shown: set[str] = set()  # messages already shown, so a broken config nags once
        self.languages: dict[str, str] = {}  # uri -> languageId

    # ------------------------------------------------------------------ linting
    def schedule(self, uri: str, delay: float) -> None:
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            document = self.workspace.get_text_document(uri)
            version, text = document.version, document.source
            loop = asyncio.get_running_loop()
            messages: list[tuple[str, lsp.MessageType]] = []
            linted = await loop.run_in_executor(
                self.worker, self.lint, uri, version, text, messages
            )
        except asyncio.CancelledError:
            return
        except Exception:  # noqa: BLE001 - nothing may reach the editor as a crash
            messages = [(f"draftlint: internal error on {uri}; see the server log", ERROR)]
            log.error("lint failed on %s:\n%s", uri, traceback.format_exc())
            linted = None
        finally:
            if self.pending.get(uri) is asyncio.current_task():
                del self.pending[uri]
        for message, kind in messages:  # sent from here: the transport is not thread-safe
            self.complain(message, kind)
        if uri not in self.workspace.text_documents:
            return  # closed while linting
        if linted is not None and linted.version != self.workspace.get_text_document(uri).version:
            return  # a newer version is on its way
        if linted is not None:
            self.linted[uri] = linted
        else:
            self.linted.pop(uri, None)
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(
                uri=uri,
                diagnostics=linted.diagnostics if linted else [],
                version=linted.version if linted else None,
            )
        )

    def lint(
        self, uri: str, version: int | None, text: str, messages: list[tuple[str, lsp.MessageType]]
    ) -> Linted | None:
        """Runs on the worker thread; what the user must be told goes into ``messages``.
        None when nothing can be linted."""
        path = to_fs_path(uri)
        file = Path(path) if path else Path.cwd() / "untitled"  # an unsaved buffer
        try:
            config = self.configs.for_path(file)
        except ConfigError as exc:
            messages.append((f"draftlint: {exc} (fix the config to see findings)", ERROR))
            return None
        except OSError as exc:
            messages.append((f"draftlint: cannot read the config for {file}: {exc}", ERROR))
            return None
        shown = str(file)
        if path and config.is_excluded(shown):
            return Linted.empty(version, text, self.encoding)
        fmt = LANGUAGES.get(self.languages.get(uri, "")) or formats.format_for(shown)
        try:
            result = lint_text(text, shown, fmt, config)
        except RuleCrash as exc:
            messages.append((f"draftlint: {exc}", ERROR))
            log.error("%s", "".join(traceback.format_exception(exc.error)))
            return None
        for notice in result.notices:
            messages.append((f"draftlint: {notice}", lsp.MessageType.Warning))
        rules = self.rules(config)
        return build(
            version, text, self.encoding, result.violations, result.document, rules, self.links
        )

    def rules(self, config: Config) -> dict[str, Rule]:
        return {**documented_rules(), **registry_for(config)}

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or lsp.PositionEncodingKind.Utf16.value)

    def complain(self, message: str, kind: lsp.MessageType = ERROR) -> None:
        self.window_log_message(lsp.LogMessageParams(type=kind, message=message))
        if message not in self.shown:
            self.shown.add(message)
            self.window_show_message(lsp.ShowMessageParams(type=kind, message=message))

    def warm_up(self) -> None:
        """Load the rules and their data before the first document arrives."""
        try:
            lint_text(
                "Warm-up: the meeting lasted two hours, said Mr Smith.\n",
                "warm-up.txt",
                "text",
                Config(),
            )
        except Exception:  # noqa: BLE001 - a real document will report it
            log.exception("warm-up failed")
        # the grammar layer's parser (about 1.5 s to load) only loads for a cued sentence,
        # which the warm-up has none of: load it now rather than on the first draft
        parser.available()


def create_server() -> DraftlintServer:
    server = DraftlintServer()

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: DraftlintServer, params: lsp.InitializeParams) -> None:
        options = params.initialization_options
        if isinstance(options, dict) and isinstance(options.get("docsUrl"), str):
            ls.links = DocLinks(options["docsUrl"])
        ls.worker.submit(ls.warm_up)  # the first lint waits for it on the same thread

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: DraftlintServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.languages[params.text_document.uri] = params.text_document.language_id
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: DraftlintServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, DEBOUNCE)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: DraftlintServer, params: lsp.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = to_fs_path(uri)
        if path and Path(path).name in CONFIG_NAMES:  # a config edited in the editor: relint all
            for open_uri in list(ls.workspace.text_documents):
                ls.schedule(open_uri, 0)
        else:
            ls.schedule(uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: DraftlintServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.linted.pop(uri, None)
        ls.languages.pop(uri, None)
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL]),
    )
    def code_action(ls: DraftlintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        linted = ls.linted.get(uri)
        if linted is None or uri not in ls.workspace.text_documents:
            return []
        if ls.workspace.get_text_document(uri).source != linted.text:
            return []  # edited since the last lint: its offsets are stale; the next lint answers
        start = linted.index.offset(params.range.start.line, params.range.start.character)
        end = linted.index.offset(params.range.end.line, params.range.end.character)
        only = params.context.only
        kinds = None if only is None else [getattr(k, "value", str(k)) for k in only]
        return code_actions(linted, uri, start, end, kinds)

    return server


def serve() -> None:
    """Serve LSP on standard input and output until the client says exit."""
    logging.basicConfig(level=logging.WARNING, format="draftlint-server: %(message)s")
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    # Standard output is the protocol's channel: a stray print anywhere (a library's notice)
    # would corrupt it, so everything else written there goes to standard error instead.
    sys.stdout = sys.stderr
    create_server().start_io(stdin, stdout)
