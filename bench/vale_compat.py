"""Vale compatibility: run Vale's own fixtures through draftlint and compare the alerts.

    python bench/vale_compat.py [--vale-dir /work/shared/vale] [--show-misses] [--show-extras]

/work/shared/vale holds real Vale styles with the fixtures their authors test them with, and
``expectations.jsonl`` lists every expected alert (file, line, column, rule, message).  Each
scenario's command (``vale ... .``, ``--config=``, ``--glob=``, ``--ext=``, a pipe) is replayed
with draftlint: the scenario's Vale config is read as a draftlint config and only its Vale
rules run.  Alerts are compared as sets of (file, line, column, rule), as Vale's own sort is
not stable.

What counts: expected alerts of the kinds draftlint runs (existence, substitution, occurrence,
repetition, consistency, conditional, capitalization, metric) on Markdown, text and HTML files.
Alerts on other inputs (reStructuredText, AsciiDoc, MDX, code ...) or of other kinds (spelling,
sequence, script, readability) are counted apart and listed as out of scope.  Extra alerts
are counted for "contain exactly" scenarios only (a "contain" scenario allows more output).
Scenarios that need the network (``vale sync``), ``--filter`` expressions or ``vale fix`` are
skipped and listed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shlex
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from draftlint.config.vale_ini import LEVELS, glob_to_regex, load_vale_config
from draftlint.drafts import formats
from draftlint.packs.loader import PackCheck
from draftlint.registry import registry_for
from draftlint.run.lint import lint_text

KINDS = (
    "existence",
    "substitution",
    "occurrence",
    "repetition",
    "consistency",
    "conditional",
    "capitalization",
    "metric",
)
FORMATS = (".md", ".txt", ".html")
BASE_COMMAND = "vale --output=line --sort --normalize --relative --no-global"


@dataclass
class Alert:
    file: str
    line: int
    col: int
    check: str
    message: str = ""

    @property
    def key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.col, self.check)


@dataclass
class Outcome:
    scenario: str
    style: str
    skipped: str | None = None
    expected: list[tuple[Alert, str]] = field(default_factory=list)  # (alert, kind)
    produced: dict[tuple[str, int, int, str], tuple[Alert, str]] = field(default_factory=dict)
    exact: bool = True


def parse_command(command: str) -> tuple[list[str], dict[str, str], str | None]:
    """(inputs, options, stdin source) from a scenario's command line."""
    command = command.replace("vale sync && ", "")
    stdin: str | None = None
    if command.startswith("bash -c"):
        inner = shlex.split(command)[2]
        pipe, command = inner.split("|", 1)
        stdin = shlex.split(pipe)[1]
        command = command.strip()
    words = shlex.split(command)[1:]
    options: dict[str, str] = {}
    inputs: list[str] = []
    for word in words:
        if word.startswith("--"):
            name, _, value = word[2:].partition("=")
            options[name] = value
        else:
            inputs.append(word)
    return inputs, options, stdin


def files_of(inputs: list[str]) -> Iterator[str]:
    for item in inputs:
        if os.path.isdir(item):
            for root, dirs, names in os.walk(item):
                dirs[:] = sorted(d for d in dirs if d not in ("node_modules", ".git"))
                for name in sorted(names):
                    path = os.path.normpath(os.path.join(root, name))
                    yield path
        elif os.path.exists(item):
            yield os.path.normpath(item)


def kind_of(rule: object) -> str:
    check = getattr(rule, "check", None)
    return check.rule.extends if isinstance(check, PackCheck) else "?"


def rule_kinds(vale_dir: Path) -> dict[str, str]:
    """extends of every expected rule, from the records (they carry it)."""
    return {}


@contextlib.contextmanager
def scenario_dir(record: dict, base: Path) -> Iterator[Path]:
    """The working folder: the fixture's, or a scratch tmp/aruba with the scenario's files."""
    if not record.get("setup_files") and not record["cwd"].startswith("tmp/"):
        yield base / record["cwd"]
        return
    with tempfile.TemporaryDirectory() as scratch:
        cwd = _mirror(base, Path(record["cwd"]), Path(scratch))
        for name, content in record["setup_files"].items():
            target = cwd / name
            if target.is_symlink():
                target.unlink()  # never write through a link into the shared fixtures
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        yield cwd


def _mirror(base: Path, relative: Path, scratch: Path) -> Path:
    """A scratch tree in which ``relative`` is a real folder and everything else links back.

    The scenario's files are written there, so ``../../styles`` and friends resolve as in the
    repository while the shared fixtures stay untouched.
    """
    source, target = base, scratch
    for part in (*relative.parts, None):
        if source.is_dir():
            for entry in source.iterdir():
                if entry.name != part and not (target / entry.name).exists():
                    (target / entry.name).symlink_to(entry)
        if part is None:
            break
        source, target = source / part, target / part
        target.mkdir(exist_ok=True)
    return target


def run_scenario(record: dict, vale_dir: Path) -> Outcome:
    base = vale_dir / record["root"]
    outcome = Outcome(f"{record['repo']}: {record['scenario']}", record["repo"])
    outcome.exact = record["match"] in ("exact", "empty")
    for a in record.get("alerts", []):
        outcome.expected.append(
            (Alert(a["file"], a["line"], a["col"], a["check"], a["message"]), a["extends"])
        )
    command = record["command"]
    if record["match"] in (
        "not_contain",
        "every_nonempty_line_alerts",
        "alert_count_equals_vale_fixture_markers",
    ):
        outcome.skipped = f"match kind {record['match']} (no alert list)"
        return outcome
    if "--filter" in command or " fix " in command:
        outcome.skipped = "--filter / fix are not emulated"
        return outcome
    if (
        not command.startswith(("vale", "bash -c"))
        or "vale sync" in command
        and not record.get("alerts")
    ):
        outcome.skipped = "needs the network (vale sync)"
        return outcome
    if "--ignore-syntax" in command:
        outcome.skipped = "--ignore-syntax (Vale's line-by-line mode) is not emulated"
        return outcome
    inputs, options, stdin = parse_command(command)
    with scenario_dir(record, base) as cwd:
        previous = os.getcwd()
        os.chdir(cwd)
        try:
            _lint(record, base, cwd, inputs, options, stdin, outcome)
        except Exception as exc:  # noqa: BLE001 - a bench reports and goes on
            outcome.skipped = f"error: {type(exc).__name__}: {exc}"
        finally:
            os.chdir(previous)
    return outcome


def _lint(
    record: dict,
    base: Path,
    cwd: Path,
    inputs: list[str],
    options: dict[str, str],
    stdin: str | None,
    outcome: Outcome,
) -> None:
    if "config" in options:
        config_path = (cwd / options["config"].strip("'\"")).resolve()
    elif record.get("config") and record["config"].startswith("<scenario>/"):
        config_path = cwd / record["config"].split("/", 1)[1]
    elif record.get("config"):
        config_path = base / record["config"]
    else:
        outcome.skipped = "no config"
        return
    config = load_vale_config(config_path)
    if "minAlertLevel" in options:
        config.vale.min_level = LEVELS[options["minAlertLevel"].strip("'\"")]
        vars(config.vale).pop("rule_levels", None)
    rules = {code: rule for code, rule in registry_for(config).items() if "." in code}
    ext = options.get("ext", "").strip("'\"")
    jobs: list[tuple[str, str, str]] = []  # (display path, text, format)
    if stdin is not None or (
        inputs and not os.path.exists(inputs[0]) and not inputs[0].startswith("-")
    ):
        text = Path(stdin).read_text("utf-8") if stdin else inputs[0]
        display = "stdin" + (ext or ".txt")
        jobs.append((display, text, formats.format_for(display)))
    else:
        glob = options.get("glob", "").strip("'\"")
        for path in files_of(inputs):
            display = path.replace(os.sep, "/")
            if glob:
                negated = glob.startswith("!")
                hit = bool(glob_to_regex(glob.lstrip("!")).fullmatch(display))
                if hit == negated:
                    continue
            suffix = ext or Path(path).suffix.lower()
            if suffix not in FORMATS:
                continue
            jobs.append((display, Path(path).read_text("utf-8"), formats.format_for("x" + suffix)))
    for display, text, fmt in jobs:
        result = lint_text(text, display, fmt, config, rules)
        for v in result.violations:
            alert = Alert(display, v.line, v.column, v.code, v.message)
            outcome.produced.setdefault(alert.key, (alert, kind_of(rules.get(v.code))))


def in_scope(alert: Alert, kind: str) -> bool:
    return Path(alert.file).suffix in FORMATS and kind in KINDS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--vale-dir", default="/work/shared/vale", type=Path)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--show-extras", action="store_true")
    parser.add_argument("--only", help="run only scenarios whose repo or name contains this")
    args = parser.parse_args(argv)
    source = args.vale_dir / "expectations.jsonl"
    if not source.is_file():
        print(f"skipped: {source} not found (the Vale fixtures live outside the repo)")
        return 0
    records = [json.loads(line) for line in source.read_text("utf-8").splitlines() if line.strip()]
    if args.only:
        records = [r for r in records if args.only in r["repo"] or args.only in r["scenario"]]
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    by_style: dict[str, Counter[str]] = defaultdict(Counter)
    misses: list[tuple[str, Alert, str]] = []
    extras: list[tuple[str, Alert, str]] = []
    out_of_scope: Counter[str] = Counter()
    skipped: list[tuple[str, str, int]] = []
    stale_scenarios: list[str] = []
    messages = Counter()
    for record in records:
        outcome = run_scenario(record, args.vale_dir)
        if outcome.skipped:
            counted = sum(1 for a, k in outcome.expected if in_scope(a, k))
            skipped.append((outcome.scenario, outcome.skipped, counted))
            continue
        expected_keys = set()
        for alert, kind in outcome.expected:
            expected_keys.add(alert.key)
            if not in_scope(alert, kind):
                out_of_scope[f"{kind} on {Path(alert.file).suffix or 'stdin'}"] += 1
                continue
            hit = alert.key in outcome.produced
            for table, name in ((by_kind, kind), (by_style, outcome.style)):
                table[name]["expected"] += 1
                table[name]["hit"] += hit
            if hit:
                messages[
                    "same" if outcome.produced[alert.key][0].message == alert.message else "differ"
                ] += 1
            else:
                misses.append((outcome.scenario, alert, kind))
        stale = any(kind == "unresolved" for _, kind in outcome.expected)
        if stale:  # e.g. alex's feature expects alex.Profanity, a rule its style no longer has
            stale_scenarios.append(outcome.scenario)
        if outcome.exact and not stale:
            for key, (alert, kind) in outcome.produced.items():
                if (
                    key not in expected_keys
                    and Path(alert.file).suffix in FORMATS
                    and kind in KINDS
                ):
                    by_kind[kind]["extra"] += 1
                    by_style[outcome.style]["extra"] += 1
                    extras.append((outcome.scenario, alert, kind))
    _table("kind", by_kind)
    _table("style", by_style)
    total = Counter()
    for counts in by_kind.values():
        total.update(counts)
    rate = total["hit"] / total["expected"] if total["expected"] else 0.0
    extra = total["extra"] / total["expected"] if total["expected"] else 0.0
    print(
        f"\nALL: {total['hit']}/{total['expected']} expected alerts reproduced at the exact line and "
        f"column ({rate:.1%}); {total['extra']} extra ({extra:.1%} of expected)"
    )
    print(
        f"messages identical on {messages['same']} of {messages['same'] + messages['differ']} reproduced alerts"
    )
    print(f"\nout of scope (other formats or kinds): {sum(out_of_scope.values())} expected alerts")
    for name, n in out_of_scope.most_common():
        print(f"  {n:4d}  {name}")
    if stale_scenarios:
        print(
            "\nstale expectations (a rule the style no longer has; extra alerts not counted): "
            + ", ".join(stale_scenarios)
        )
    print(f"\nscenarios skipped: {len(skipped)}")
    for scenario, reason, counted in skipped:
        note = f" ({counted} in-scope alerts not run)" if counted else ""
        print(f"  {scenario}: {reason}{note}")
    if args.show_misses:
        print(f"\nmissed ({len(misses)}):")
        for scenario, alert, kind in misses:
            print(
                f"  [{kind}] {alert.file}:{alert.line}:{alert.col}:{alert.check}:{alert.message}   <{scenario}>"
            )
    if args.show_extras:
        print(f"\nextra ({len(extras)}):")
        for scenario, alert, kind in extras:
            print(
                f"  [{kind}] {alert.file}:{alert.line}:{alert.col}:{alert.check}:{alert.message}   <{scenario}>"
            )
    return 0


def _table(title: str, table: dict[str, Counter[str]]) -> None:
    print(
        f"\n{'by ' + title:<16} {'expected':>8} {'hit':>6} {'rate':>7} {'missed':>7} {'extra':>6}"
    )
    for name in sorted(table):
        c = table[name]
        rate = c["hit"] / c["expected"] if c["expected"] else 0.0
        print(
            f"{name:<16} {c['expected']:>8} {c['hit']:>6} {rate:>7.1%} {c['expected'] - c['hit']:>7} {c['extra']:>6}"
        )


if __name__ == "__main__":
    sys.exit(main())
