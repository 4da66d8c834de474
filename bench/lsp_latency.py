"""How long the language server takes to answer: didOpen / didChange -> publishDiagnostics.

    python bench/lsp_latency.py [--words 2000] [--rounds 20] [--corpus ../shared/corpus/bbc_news/dev]

Starts ``python -m draftlint server`` as an editor would, warms it up with one document, then
opens drafts of about --words words (clean BBC articles joined, with the seed's slips mixed
in) and changes them, timing each round trip on the client side (wall time, including
JSON-RPC and the debounce). Changes are reported with and without the debounce, which is the
server waiting for typing to pause, not work. Target (issue #21): within 300 ms for a
2,000-word draft after warm-up.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from draftlint.server.lsp import DEBOUNCE  # noqa: E402


def drafts(corpus: Path, words: int, count: int) -> list[str]:
    seed = (ROOT / "seeds").glob("*.txt")
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in seed]
    out, position = [], 0
    for _ in range(count):
        parts: list[str] = []
        while sum(len(p.split()) for p in parts) < words:
            parts.append(texts[position % len(texts)])
            position += 1
        out.append("\n\n".join(parts))
    return out


async def measure(words: int, rounds: int, corpus: Path) -> None:
    client = LanguageClient("latency-bench", "1")
    published: asyncio.Queue[tuple[float, lsp.PublishDiagnosticsParams]] = asyncio.Queue()

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_publish(params: lsp.PublishDiagnosticsParams) -> None:
        published.put_nowait((time.perf_counter(), params))

    started = time.perf_counter()
    await client.start_io(sys.executable, "-m", "draftlint", "server", cwd=ROOT / "bench")
    await client.initialize_async(
        lsp.InitializeParams(capabilities=lsp.ClientCapabilities(), root_uri=ROOT.as_uri())
    )
    client.initialized(lsp.InitializedParams())

    async def answer(uri: str) -> tuple[float, int]:
        while True:
            at, params = await asyncio.wait_for(published.get(), 120)
            if params.uri == uri:
                return at, len(params.diagnostics)

    texts = drafts(corpus, words, rounds + 1)
    warm = (ROOT / "bench" / "warm-up.md").as_uri()
    sent = time.perf_counter()
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(warm, "markdown", 1, texts[0]))
    )
    at, _ = await answer(warm)
    print(f"start-up and first lint: {at - started:.2f} s (first lint {at - sent:.2f} s)")

    opens, changes, found = [], [], []
    for i, text in enumerate(texts[1:]):
        uri = (ROOT / "bench" / f"draft-{i}.md").as_uri()
        sent = time.perf_counter()
        client.text_document_did_open(
            lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, "markdown", 1, text))
        )
        at, count = await answer(uri)
        opens.append(at - sent)
        found.append(count)
        edited = text.replace(" the ", " the the ", 1)
        sent = time.perf_counter()
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                lsp.VersionedTextDocumentIdentifier(2, uri),
                [lsp.TextDocumentContentChangeWholeDocument(edited)],
            )
        )
        at, _ = await answer(uri)
        changes.append(at - sent)
        client.text_document_did_close(
            lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(uri))
        )
        await answer(uri)  # the cleared diagnostics

    def row(name: str, values: list[float]) -> str:
        ms = sorted(v * 1000 for v in values)
        p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
        return f"{name:<28} median {statistics.median(ms):6.0f} ms   p95 {p95:6.0f} ms   max {ms[-1]:6.0f} ms"

    print(f"{rounds} drafts of ~{words} words ({statistics.mean(found):.0f} diagnostics each):")
    print(row("didOpen -> diagnostics", opens))
    print(row("didChange -> diagnostics", changes))
    print(row(f"  less the {DEBOUNCE * 1000:.0f} ms debounce", [c - DEBOUNCE for c in changes]))
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/bbc_news/dev")
    args = parser.parse_args()
    asyncio.run(measure(args.words, args.rounds, args.corpus))


if __name__ == "__main__":
    main()
