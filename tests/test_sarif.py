"""SARIF 2.1.0: valid against the OASIS schema, complete for GitHub code scanning, stable.

The golden file is the seed's full SARIF report with the tool version normalised.  Regenerate
it after a deliberate change with ``DRAFTLINT_UPDATE_SNAPSHOTS=1 pytest tests/test_sarif.py``
and review the diff like code.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from draftlint.cli import main
from draftlint.config.settings import Config
from draftlint.drafts.document import Span
from draftlint.registry import builtin_rules
from draftlint.report.sarif import line_hashes, sarif_log
from draftlint.run.lint import FileResult, lint_text
from draftlint.violation import Severity, Violation

HERE = Path(__file__).parent
SCHEMA = json.loads((HERE / "sarif-schema-2.1.0.json").read_text("utf-8"))
GOLDEN = HERE / "snapshots" / "seed.sarif.json"
VALIDATOR = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def validate(log: dict) -> None:
    errors = sorted(VALIDATOR.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def sarif_of(args: list[str], tmp_path: Path) -> dict:
    out = tmp_path / "report.sarif"
    main(["check", "--no-cache", "--format", "sarif", "-o", str(out), *args])
    return json.loads(out.read_text("utf-8"))


def normalised(log: dict) -> dict:
    driver = log["runs"][0]["tool"]["driver"]
    driver["version"] = driver["semanticVersion"] = "<version>"
    return log


@pytest.fixture
def seed_log(seed_path, tmp_path, monkeypatch) -> dict:
    monkeypatch.chdir(seed_path.parent.parent)  # URIs relative to the repository root
    return sarif_of(["seeds/" + seed_path.name], tmp_path)


def test_seed_sarif_is_valid_and_matches_the_golden_file(seed_log) -> None:
    validate(seed_log)
    log = normalised(seed_log)
    text = json.dumps(log, indent=2, ensure_ascii=False) + "\n"
    if os.environ.get("DRAFTLINT_UPDATE_SNAPSHOTS"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text("utf-8"), (
        "the seed's SARIF changed; if deliberately, regenerate with DRAFTLINT_UPDATE_SNAPSHOTS=1"
    )


def test_seed_sarif_has_what_github_code_scanning_needs(seed_log, seed_path) -> None:
    assert seed_log["$schema"] and seed_log["version"] == "2.1.0"
    (run,) = seed_log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    rules = driver["rules"]
    assert driver["name"] == "draftlint" and rules
    registry = builtin_rules()
    for rule in rules:
        for key in ("shortDescription", "fullDescription", "help"):
            assert rule[key]["text"].strip() and len(rule[key]["text"]) <= (
                1024 if key != "help" else 10**6
            )
        assert (
            registry[rule["id"]].doc.why in rule["help"]["text"]
        )  # help comes from the rule's doc
        assert rule["defaultConfiguration"]["level"] in ("note", "warning", "error")
    assert run["results"]
    text = seed_path.read_text("utf-8")
    for result in run["results"]:
        rule = rules[result["ruleIndex"]]
        assert result["ruleId"] == rule["id"]
        assert result["level"] in ("note", "warning", "error") and result["message"]["text"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "seeds/" + seed_path.name
        region = location["region"]
        assert set(region) >= {"startLine", "startColumn", "endLine", "endColumn"}
        assert result["partialFingerprints"]["primaryLocationLineHash"]
        # The region is exact: its snippet is the text at those code-point columns.
        lines = text.split("\n")
        if region["startLine"] == region["endLine"]:
            line = lines[region["startLine"] - 1]
            assert (
                line[region["startColumn"] - 1 : region["endColumn"] - 1]
                == region["snippet"]["text"]
            )
    prints = [json.dumps(r["partialFingerprints"], sort_keys=True) for r in run["results"]]
    assert len(set(prints)) == len(prints)  # no two findings share an identity


def test_severities_map_to_sarif_levels(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The the meeting  lasted two hours.\n", encoding="utf-8")
    log = sarif_of(["--select", "GR201,WS201", str(path)], tmp_path)
    validate(log)
    levels = {r["ruleId"]: r["level"] for r in log["runs"][0]["results"]}
    assert levels == {"GR201": "error", "WS201": "warning"}
    info = [
        Violation(str(path), 1, 1, 1, 4, "GR201", "repeated-word", Severity.INFO, Span(0, 3), "m")
    ]
    log = sarif_log([FileResult(str(path), "text", 1, violations=info)])
    assert log["runs"][0]["results"][0]["level"] == "note"


def test_fingerprints_survive_lines_moving(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    body = "The meeting  lasted two hours.\n\nNobody said a word.\n"
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    before = sarif_of(["--select", "WS201", "a.txt"], tmp_path)["runs"][0]["results"][0]
    (tmp_path / "a.txt").write_text(
        "A new first paragraph.\n\nAnd a second one.\n\n" + body, encoding="utf-8"
    )
    after = sarif_of(["--select", "WS201", "a.txt"], tmp_path)["runs"][0]["results"][0]
    region = after["locations"][0]["physicalLocation"]["region"]
    assert (
        region["startLine"] == before["locations"][0]["physicalLocation"]["region"]["startLine"] + 4
    )
    assert after["partialFingerprints"] == before["partialFingerprints"]


def test_line_hash_is_githubs_algorithm() -> None:
    """Values computed by the hash function of github/codeql-action (src/fingerprints.ts) run
    under Node on the same text: BOM, an astral character, CRLF, a lone CR, repeated lines."""
    text = "\ufeffOne line \U0001f600 emoji\r\n\r\nsame\nsame\n\tsame\rend"
    assert line_hashes(text) == {
        1: "67dcbf2ebfdaba1c:1",
        2: "2e0ad731c317ec7c:1",
        3: "af70f42b33549b82:1",
        4: "8be59b144ba32122:1",
        5: "a13e9c01bdca8f42:1",
        6: "43b6461eda086fe2:1",
    }
    assert line_hashes("no newline at end") == {1: "2b2a3b070f8338d2:1"}


def test_identical_lines_are_told_apart_by_occurrence() -> None:
    hashes = line_hashes("x\n" * 3)
    assert [h.split(":")[1] for h in hashes.values()][:1] == ["1"]
    tail = "\n".join(["same"] * 30)  # more than 100 characters of identical context
    counted = [h for h in line_hashes(tail).values() if h.endswith((":1", ":2"))]
    assert any(h.endswith(":2") for h in counted)


def test_columns_count_code_points_and_unreadable_files_are_notifications(
    tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("\U0001f600 The the end.\n", encoding="utf-8")
    log = sarif_of(["--select", "GR201", "a.txt", "missing.txt"], tmp_path)
    validate(log)
    (run,) = log["runs"]
    region = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startColumn"], region["endColumn"]) == (3, 10)
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "missing.txt" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_outside_engine_rules_get_a_descriptor_and_odd_paths_are_uris(tmp_path) -> None:
    result = lint_text("Fine.\n", str(tmp_path / "a b#1.txt"), "text", Config(select=("GR201",)))
    result.violations.append(
        Violation(
            result.path,
            1,
            1,
            1,
            5,
            "LT999",
            "MORFOLOGIK_RULE_EN_GB",
            Severity.WARNING,
            Span(0, 4),
            "Possible spelling mistake.",
            ("Fin",),
            source="languagetool",
        )
    )
    log = sarif_log([result])
    validate(log)
    rule = log["runs"][0]["tool"]["driver"]["rules"][0]
    assert rule["id"] == "LT999" and "languagetool" in rule["help"]["text"]
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"][
        "uri"
    ]
    assert uri.startswith("file://") and "a%20b%231.txt" in uri
