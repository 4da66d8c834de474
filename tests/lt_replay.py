"""A small LanguageTool replay server on 127.0.0.1 for tests (stdlib only).

It answers ``GET /v2/languages`` with a fixed list and ``POST /v2/check`` with the recorded
response whose input text equals the posted text (trailing white space ignored, as draftlint
sends paragraphs without the file's final newline).  ``mode`` makes it misbehave on purpose.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "languagetool"
EMPTY = {
    "software": {"name": "LanguageTool", "version": "6.4"},
    "warnings": {"incompleteResults": False},
    "language": {"name": "English (US)", "code": "en-US"},
    "matches": [],
}


def load_responses() -> dict[str, bytes]:
    responses = {}
    for path in FIXTURES.glob("*.json"):
        text_path = path.with_suffix(".txt")
        if text_path.exists():
            responses[text_path.read_text(encoding="utf-8").rstrip()] = path.read_bytes()
    assert responses, f"no recorded responses in {FIXTURES}"
    return responses


class ReplayServer:
    def __init__(self, mode: str = "replay") -> None:
        self.mode = mode  # replay | error500 | garbage | no-matches-key | hang
        self.requests: list[dict[str, list[str]]] = []
        responses = load_responses()
        languages = (FIXTURES / "languages.json").read_bytes()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _send(self, status: int, body: bytes, kind: str = "application/json") -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:  # noqa: N802
                if self.path.startswith("/v2/languages"):
                    self._send(200, languages)
                else:
                    self._send(404, b"not found", "text/plain")

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length", 0))
                form = urllib.parse.parse_qs(
                    self.rfile.read(length).decode("utf-8"), keep_blank_values=True
                )
                server.requests.append(form)
                if server.mode == "hang":
                    time.sleep(5)
                    return
                if server.mode == "error500":
                    self._send(500, b"Error: internal server error", "text/plain")
                elif server.mode == "garbage":
                    self._send(200, b"<html>this is not json", "text/html")
                elif server.mode == "no-matches-key":
                    self._send(200, b'{"software": {}}')
                else:
                    text = form.get("text", [""])[0].rstrip()
                    self._send(200, responses.get(text, json.dumps(EMPTY).encode()))

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> ReplayServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
