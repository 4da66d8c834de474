"""The whole engine runs with the network blocked: nothing is fetched at run time."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_whole_engine_with_sockets_blocked(seed_path, tmp_path) -> None:
    # A fresh interpreter, so no module was imported (and no data loaded) before the block.
    script = textwrap.dedent(
        f"""
        import socket
        def refuse(*a, **k):
            raise OSError("network blocked by test")
        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse
        from draftlint.cli import main
        raise SystemExit(main(["check", "--format", "json", "-o", {str(tmp_path / "out.json")!r}, {str(seed_path)!r}]))
        """
    )
    env = {"NLTK_DATA": str(tmp_path / "no-nltk"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 1, done.stderr  # the seed has violations; 3 would be a crash
    assert "network blocked" not in done.stderr
    report = (tmp_path / "out.json").read_text(encoding="utf-8")
    # the parser's pipeline is a package: the grammar layer ran, offline
    assert '"GR103"' in report and '"GR105"' in report, done.stderr
    assert "grammar rules" not in done.stderr
