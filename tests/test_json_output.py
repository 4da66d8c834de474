"""The JSON output follows its documented schema and carries exact offsets."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from draftlint.cli import main

SCHEMA = json.loads(
    (Path(__file__).parent.parent / "src/draftlint/report/json_schema.json").read_text()
)


def test_seed_json_validates_and_offsets_index_the_file(seed_path, capsys) -> None:
    main(["check", "--format", "json", str(seed_path)])
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, SCHEMA)
    text = seed_path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    for v in data["files"][0]["violations"]:
        # line/column and start agree
        assert sum(len(line) for line in lines[: v["line"] - 1]) + v["column"] - 1 == v["start"]
        assert 0 <= v["start"] <= v["end"] <= len(text)
    assert data["summary"]["violations"] == len(data["files"][0]["violations"])


def test_error_file_in_json(tmp_path, capsys) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe oops")
    assert main(["check", "--format", "json", str(bad)]) == 2
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, SCHEMA)
    assert data["files"][0]["error"].startswith("cannot decode as UTF-8")
    assert data["files"][0]["violations"] == []
