"""``draftlint stats``: readability scores side by side, as a table or JSON."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest

from draftlint.cli import main
from draftlint.drafts import formats
from draftlint.readability.document import readability_of

SCHEMA = json.loads(
    (Path(__file__).parent.parent / "src/draftlint/report/json_schema.json").read_text()
)
READABILITY_SCHEMA = {**SCHEMA["$defs"]["readability"], "$defs": SCHEMA["$defs"]}

EASY = "The cat sat on the mat. It was happy there. Then the dog came in and barked at it.\n" * 10
HARD = (
    "Notwithstanding considerable institutional reluctance, the parliamentary committee "
    "recommended a comprehensive reconsideration of intergovernmental responsibilities. "
    "Administrative representatives characterised the recommendations as unnecessarily "
    "complicated.\n"
) * 5


@pytest.fixture
def drafts(tmp_path: Path) -> tuple[Path, Path]:
    easy, hard = tmp_path / "easy.txt", tmp_path / "hard.md"
    easy.write_text(EASY, encoding="utf-8")
    hard.write_text("# A title\n\n" + HARD, encoding="utf-8")
    return easy, hard


def _scores(path: Path):
    return readability_of(formats.parse(str(path), path.read_text("utf-8"))).scores


def test_table_has_a_row_per_draft_with_its_scores(drafts, capsys):
    easy, hard = drafts
    assert main(["stats", str(easy), str(hard)]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = lines[0].split()
    assert (
        header[:6] == ["path", "words", "sents", "w/sent", "ease", "FK"] and header[-1] == "target"
    )
    rows = {line.split()[0]: line.split() for line in lines[1:3]}
    for path, target in (
        (easy, ["below", "commentary", "8-12"]),
        (hard, ["above", "commentary", "8-12"]),
    ):
        row, scores = rows[str(path)], _scores(path)
        assert row[1:6] == [
            str(scores.words),
            str(scores.sentences),
            f"{scores.avg_sentence_length:.1f}",
            f"{scores.flesch_reading_ease:.1f}",
            f"{scores.flesch_kincaid_grade:.1f}",
        ]
        assert row[-3:] == target
    assert lines[3].startswith("ease: Flesch Reading Ease")


def test_json_is_the_readability_object_of_check(drafts, capsys):
    easy, hard = drafts
    assert main(["stats", "--format", "json", str(easy), str(hard)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [f["path"] for f in data["files"]] == [str(easy), str(hard)]
    assert [f["format"] for f in data["files"]] == ["text", "markdown"]
    for entry in data["files"]:
        jsonschema.validate(entry["readability"], READABILITY_SCHEMA)
    main(["check", "--format", "json", "--no-cache", str(hard)])
    checked = json.loads(capsys.readouterr().out)["files"][0]["readability"]
    assert checked == data["files"][1]["readability"]
    assert checked["scores"]["words"] == _scores(hard).words  # the title is not counted


def test_missing_file_is_reported_and_the_rest_still_shown(drafts, capsys):
    easy, _ = drafts
    assert main(["stats", str(easy), "no-such-draft.txt"]) == 2
    captured = capsys.readouterr()
    assert "draftlint: no-such-draft.txt: no such file or directory" in captured.err
    assert str(easy) in captured.out


def test_each_file_uses_its_own_profile(tmp_path, capsys):
    news = tmp_path / "news"
    news.mkdir()
    (news / ".draftlint.toml").write_text('[readability]\nprofile = "news"\n', encoding="utf-8")
    (news / "story.txt").write_text(HARD, encoding="utf-8")
    assert main(["stats", str(news)]) == 0
    assert capsys.readouterr().out.splitlines()[1].endswith("above news 6-10")


def test_short_draft_is_not_judged_and_stdin_is_read(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("# Heading\n\nA short draft of a few words.\n"))
    assert main(["stats", "--stdin-filename", "draft.md", "-"]) == 0
    row = capsys.readouterr().out.splitlines()[1]
    assert row.split()[:3] == ["draft.md", "7", "1"]  # the heading is not prose
    assert row.endswith("too short to judge (commentary 8-12)")


def test_bad_config_is_a_usage_error(tmp_path, capsys):
    (tmp_path / ".draftlint.toml").write_text(
        '[readability]\nprofile = "sonnet"\n', encoding="utf-8"
    )
    (tmp_path / "d.txt").write_text(EASY, encoding="utf-8")
    assert main(["stats", str(tmp_path / "d.txt")]) == 2
    assert ".draftlint.toml:2: unknown readability profile 'sonnet'" in capsys.readouterr().err
