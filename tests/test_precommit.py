"""The pre-commit hook for real: pre-commit clones this checkout, pip-installs it and runs it.

pre-commit installs a hook repository from a commit, and ``try-repo`` on a dirty checkout
carries over staged and modified tracked files only (new, untracked modules would be missing).
So the working tree's package files are first copied into a temporary git repository and
committed there; that commit is the hook repository.  Installing it needs draftlint's
dependencies from PyPI (cached by pip after the first run).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
#: What a build needs (pyproject's wheel and sdist lists) plus the hook manifest.
PACKAGE_FILES = ("pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml", "src", "rules")
BAD = "# Notes\n\nThe the meeting  lasted two hours.\n"
GOOD = "# Notes\n\nThe meeting lasted two hours.\n"


def _env(tmp: Path) -> dict[str, str]:
    gitconfig = tmp / "gitconfig"
    # No zlib for git's objects: the package holds tens of MB of model data, which would
    # otherwise be compressed on commit and again when pre-commit fetches the hook repository.
    gitconfig.write_text(
        "[user]\n\tname = Test\n\temail = test@example.com\n[init]\n\tdefaultBranch = main\n"
        "[core]\n\tcompression = 0\n[pack]\n\tcompression = 0\n"
    )
    env = dict(os.environ)
    env.update(
        GIT_CONFIG_GLOBAL=str(gitconfig),
        GIT_CONFIG_NOSYSTEM="1",
        PRE_COMMIT_HOME=str(tmp / "pre-commit-home"),
        PRE_COMMIT_COLOR="never",
        NO_COLOR="1",
    )
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "PRE_COMMIT"):
        env.pop(name, None)  # when the suite itself runs inside a git hook
    return env


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def _git(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    proc = _run(["git", *args], cwd, env)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


@dataclass
class Workspace:
    hook_repo: Path  # the committed copy of this checkout
    rev: str
    env: dict[str, str]
    try_repo: subprocess.Popen[bytes]  # `pre-commit try-repo`, started at once (see below)
    try_repo_log: Path


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """A committed copy of this checkout's package files, and try-repo already running on it.

    Every hook install builds and installs draftlint (its data makes that the slow part), and
    try-repo always installs into a throwaway store of its own; started here, its install
    overlaps the commit test's, which keeps the module near a minute.
    """
    tmp = tmp_path_factory.mktemp("precommit")
    env = _env(tmp)
    hook_repo = tmp / "draftlint-checkout"
    hook_repo.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".draftlint_cache")
    for name in PACKAGE_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, hook_repo / name, ignore=ignore)
        elif source.exists():
            shutil.copy2(source, hook_repo / name)
    _git(["init", "-q"], hook_repo, env)
    _git(["add", "-A"], hook_repo, env)
    _git(["commit", "-q", "-m", "draftlint under test"], hook_repo, env)
    _fill_wheelhouse(tmp / "wheelhouse", env)
    rev = _git(["rev-parse", "HEAD"], hook_repo, env)
    writer = _writer_repo(tmp / "try-repo-writer", env)
    log = tmp / "try-repo.log"
    with open(log, "wb") as stream:
        command = [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "draftlint"]
        tried = subprocess.Popen(
            [*command, "--files", "draft.md"],
            cwd=writer,
            env=env,
            stdout=stream,
            stderr=subprocess.STDOUT,
        )
    yield Workspace(hook_repo, rev, env, tried, log)
    if tried.poll() is None:
        tried.kill()
        tried.wait()


def _fill_wheelhouse(wheelhouse: Path, env: dict[str, str]) -> None:
    """Fetch draftlint's dependencies and build backend from PyPI once, for every install.

    Each hook install (pre-commit's own environment, try-repo's throwaway one) would otherwise
    ask the index again for each package, which costs more than all the rest of the test.
    """
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    requirements = [*project["build-system"]["requires"], *project["project"]["dependencies"]]
    fetched = _run(
        [sys.executable, "-m", "pip", "download", "-q", "-d", str(wheelhouse), *requirements],
        ROOT,
        env,
    )
    assert fetched.returncode == 0, fetched.stdout + fetched.stderr
    env["PIP_FIND_LINKS"] = " ".join(filter(None, [str(wheelhouse), env.get("PIP_FIND_LINKS")]))
    env["PIP_NO_INDEX"] = "1"
    env["PIP_NO_COMPILE"] = "1"  # byte-compiling every installed module costs seconds, twice


def _pre_commit(
    args: list[str], cwd: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    return _run([sys.executable, "-m", "pre_commit", *args], cwd, env)


def _writer_repo(path: Path, env: dict[str, str]) -> Path:
    path.mkdir()
    _git(["init", "-q"], path, env)
    (path / "draft.md").write_text(BAD, encoding="utf-8")
    _git(["add", "draft.md"], path, env)
    return path


def test_commit_is_refused_with_the_findings_then_passes_after_the_fix(workspace, tmp_path) -> None:
    hook_repo, rev, env = workspace.hook_repo, workspace.rev, workspace.env
    writer = _writer_repo(tmp_path / "writer", env)
    (writer / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo}\n    rev: {rev}\n    hooks:\n      - id: draftlint\n"
    )
    _git(["add", ".pre-commit-config.yaml"], writer, env)
    installed = _pre_commit(["install"], writer, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr

    refused = _run(["git", "commit", "-m", "first draft"], writer, env)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "draftlint" in output and "Failed" in output
    assert "draft.md:3:1: GR201 repeated word 'the'" in output
    assert "draft.md:3:16: WS201" in output
    assert (
        _run(["git", "rev-parse", "--verify", "HEAD"], writer, env).returncode != 0
    )  # nothing committed

    (writer / "draft.md").write_text(GOOD, encoding="utf-8")
    _git(["add", "draft.md"], writer, env)
    accepted = _run(["git", "commit", "-m", "fixed draft"], writer, env)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "Passed" in accepted.stdout + accepted.stderr
    assert _git(["log", "--format=%s"], writer, env) == "fixed draft"


def test_try_repo_runs_the_hook_from_this_checkout(workspace, tmp_path) -> None:
    returncode = workspace.try_repo.wait(timeout=300)
    output = workspace.try_repo_log.read_text("utf-8", "replace")
    assert returncode == 1, output
    assert workspace.rev in output  # the committed copy is what ran
    assert "draft.md:3:1: GR201 repeated word 'the'" in output
    assert "Found 2 problems" in output


def test_the_manifest_and_the_projects_own_config_are_valid() -> None:
    """The project's config names remote hooks (not fetched here); pre-commit checks its shape."""
    for command, name in (
        ("validate-manifest", ".pre-commit-hooks.yaml"),
        ("validate-config", ".pre-commit-config.yaml"),
    ):
        proc = _run(
            [sys.executable, "-m", "pre_commit", command, str(ROOT / name)], ROOT, dict(os.environ)
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr
