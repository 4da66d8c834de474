"""Vale's own fixtures (a few, copied with their licence) give the alerts Vale gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftlint.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "vale"
CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "expected.txt").is_file())


@pytest.mark.parametrize("case", CASES)
def test_fixture_alerts_match_vale(
    case: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = FIXTURES / case
    monkeypatch.chdir(folder)
    code = main(["check", "--config", ".vale.ini", "--format", "json", "--select", "ALL", "."])
    import json

    report = json.loads(capsys.readouterr().out)
    found = set()
    for file in report["files"]:
        for v in file["violations"]:
            if "." in v["code"]:  # the Vale rules only; draftlint's own run beside them
                found.add(
                    f"{Path(file['path']).name}:{v['line']}:{v['column']}:{v['code']}:{v['message']}"
                )
    expected = set((folder / "expected.txt").read_text("utf-8").split("\n")) - {""}
    assert found == expected
    assert code in (0, 1)
