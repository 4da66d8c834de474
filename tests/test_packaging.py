"""The built wheel carries rules/ and every data file: install it alone and lint the seed."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0 and "hatchling" in done.stderr:
        done = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(out), str(ROOT)],
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert done.returncode == 0, done.stderr
    (path,) = out.glob("draftlint-*.whl")
    return path


def test_wheel_contains_rules_and_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    repo_rules = {
        "draftlint/rules/" + p.relative_to(ROOT / "rules").as_posix()
        for p in (ROOT / "rules").rglob("*")
        if p.is_file()
    }
    assert repo_rules and repo_rules <= names, sorted(repo_rules - names)[:10]
    assert "draftlint/report/json_schema.json" in names


def test_installed_wheel_lints_the_seed(wheel: Path, tmp_path: Path, seed_path: Path) -> None:
    target = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    # Run from an empty directory with only the installed wheel first on the path: the repo's
    # rules/ must not be reachable, so any data file missing from the wheel fails the run.
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = (
        "import draftlint, sys; assert draftlint.__file__.startswith(sys.argv[1]), draftlint.__file__;"
        "from draftlint.cli import main; raise SystemExit(main(['check', sys.argv[2]]))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(target), str(seed_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert run.returncode == 1, run.stderr  # findings, not a crash (3) or a missing file (2)
    assert "AR101" in run.stdout and "WS202" in run.stdout
