"""The seed draft's full report, as a reviewed snapshot; and the defects it must show.

Regenerate after a deliberate change with ``DRAFTLINT_UPDATE_SNAPSHOTS=1 pytest tests/test_seed_snapshot.py``
and review the diff like code.
"""

from __future__ import annotations

import os
from pathlib import Path

from draftlint.cli import main

SNAPSHOT = Path(__file__).parent / "snapshots" / "seed-report.txt"


def seed_report(seed_path: Path, capsys) -> str:
    cwd = os.getcwd()
    os.chdir(seed_path.parent.parent)  # paths in the report relative to the repo root
    try:
        main(["check", "--fail-on", "error", "seeds/" + seed_path.name])
    finally:
        os.chdir(cwd)
    return capsys.readouterr().out


def test_seed_report_matches_snapshot(seed_path, capsys) -> None:
    report = seed_report(seed_path, capsys)
    if os.environ.get("DRAFTLINT_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(report, encoding="utf-8")
    assert report == SNAPSHOT.read_text(encoding="utf-8")


def test_seed_foundation_defects_at_exact_positions(seed_path, capsys) -> None:
    lines = seed_report(seed_path, capsys).splitlines()
    name = "seeds/" + seed_path.name
    expected = [
        f"{name}:5:1: AR101 stray line holding only '908'",  # the stray word count under the title
        f"{name}:9:686: WS201 2 spaces in a row",  # "Adviser \u00a0H.R." - space + no-break space
        f"{name}:7:14: WS202 no-break space inside running prose",  # "scheduled\u00a0thirty-minute"
        f"{name}:21:538: WS202 no-break space inside running prose",  # "on\u00a0several"
    ]
    for prefix in expected:
        assert any(line.startswith(prefix) for line in lines), prefix
    assert sum(" WS202 " in line for line in lines) == 20  # every lone nbsp of the seed
