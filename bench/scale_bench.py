"""Scale benchmark: a corpus with --jobs 1 and --jobs 2, each cold (empty cache) and then cached.

    python bench/scale_bench.py [CORPUS_DIR] [--repeat N]

Runs the real command line (``python -m draftlint.cli check``) in a subprocess, so start-up and
import costs count as a user sees them, with a fresh cache directory per job count.  Prints
wall time and words per second, and checks the targets: the cached re-run at least 10x faster
than the cold run, and two jobs at least 1.7x one job.  The corpus is read in place (it is not
the project's to copy).  Wall times need an otherwise idle machine: the load average is
printed, and the CPU seconds show the work done whatever the load.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_CORPUS = Path("/work/shared/corpus/bbc_news/dev")


def snapshot(target: Path) -> dict[str, str]:
    """Copy the package (code, rules, data) and return an environment that imports the copy.

    The cache key holds a fingerprint of the installed code, so an edit to the working tree
    between the cold and the cached run (other work going on) would rightly empty the cache
    and spoil the measurement.  A copy holds still.
    """
    import draftlint

    package = Path(draftlint.__file__).resolve().parent
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(package, target / "src" / "draftlint", ignore=ignore)
    rules = package.parent.parent / "rules"
    if rules.is_dir() and not (package / "rules").is_dir():
        shutil.copytree(rules, target / "rules", ignore=ignore)
    env = dict(os.environ, PYTHONPATH=str(target / "src"))
    probe = [sys.executable, "-c", "import draftlint; print(draftlint.__file__)"]
    where = subprocess.run(probe, env=env, capture_output=True, text=True, check=True).stdout
    if not where.startswith(str(target)):
        raise SystemExit(f"the snapshot is not what gets imported: {where}")
    return env


def run_once(
    corpus: Path, jobs: int, config: Path, report: Path, env: dict[str, str], fmt: str = "text"
) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, all processes) of one run.

    Timed runs write the default text report, as a writer or CI runs it; the JSON report (a
    slower, pure-Python indented dump) is written once more from the cache to count words.
    """
    command = [
        sys.executable,
        "-m",
        "draftlint.cli",
        "check",
        "--format",
        fmt,
        "-o",
        str(report),
        "--config",
        str(config),
        "--jobs",
        str(jobs),
        str(corpus),
    ]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"draftlint exited {proc.returncode}:\n{proc.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def machine_parallelism(n: int = 6_000_000) -> float:
    """What two processes of plain Python gain over one here and now (2.0 on an idle machine).

    A shared or throttled machine cannot show a 2-job speed-up, whatever draftlint does; this
    says how much of one the machine allowed during the run.
    """
    import multiprocessing

    start = time.perf_counter()
    _burn(n)
    _burn(n)
    serial = time.perf_counter() - start
    with multiprocessing.get_context("fork").Pool(2) as pool:
        start = time.perf_counter()
        pool.map(_burn, [n, n])
        parallel = time.perf_counter() - start
    return serial / parallel


def words_in(report: Path) -> tuple[int, int, int]:
    data = json.loads(report.read_text("utf-8"))
    files = data["files"]
    return len(files), sum(f["words"] for f in files), data["summary"]["violations"]


def bench(corpus: Path, jobs: int, repeat: int, env: dict[str, str]) -> dict[str, float]:
    cold, warm, cpu = [], [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            config = Path(tmp) / ".draftlint.toml"
            config.write_text(f'cache-dir = "{Path(tmp) / "cache"}"\n', encoding="utf-8")
            report = Path(tmp) / "report.txt"
            wall, seconds = run_once(corpus, jobs, config, report, env)
            cold.append(wall)
            cpu.append(seconds)
            first = report.read_text("utf-8")
            warm.append(run_once(corpus, jobs, config, report, env)[0])
            if report.read_text("utf-8") != first:
                raise SystemExit("the cached run reported something else than the cold run")
            run_once(corpus, jobs, config, Path(tmp) / "report.json", env, "json")
            files, words, findings = words_in(Path(tmp) / "report.json")
    return {
        "cold": min(cold),
        "warm": min(warm),
        "cpu": min(cpu),
        "files": files,
        "words": words,
        "findings": findings,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs (default 1)")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"scale_bench: {args.corpus}: no such directory", file=sys.stderr)
        return 2
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count() or 1
    load = os.getloadavg()[0]
    ceiling_before = machine_parallelism()
    with tempfile.TemporaryDirectory() as copy:
        env = snapshot(Path(copy))
        results = {jobs: bench(args.corpus, jobs, args.repeat, env) for jobs in (1, 2)}
    one, two = results[1], results[2]
    after = os.getloadavg()[0]
    ceiling = (ceiling_before + machine_parallelism()) / 2
    print(
        f"corpus: {args.corpus}  ({one['files']} files, {one['words']} words, "
        f"{one['findings']} findings)"
    )
    print(
        f"machine: {cpus} CPUs, load average {load:.1f} before and {after:.1f} after; "
        f"2 processes of plain Python ran {ceiling:.2f}x faster than 1"
    )
    print("jobs  cold s   CPU s  words/s  cached s  cached speed-up")
    for jobs, r in results.items():
        speed, ratio = r["words"] / r["cold"], r["cold"] / r["warm"]
        cold, cpu, warm = r["cold"], r["cpu"], r["warm"]
        print(f"{jobs:>4}  {cold:6.2f}  {cpu:6.2f}  {speed:7.0f}  {warm:8.2f}  {ratio:14.1f}x")
    parallel = one["cold"] / two["cold"]
    cached = min(r["cold"] / r["warm"] for r in results.values())
    verdict = {True: "ok", False: "MISSED"}
    print(
        f"2 jobs vs 1 job (cold): {parallel:.2f}x  (target >= 1.7x)  {verdict[parallel >= 1.7]}"
        f"  ({parallel / ceiling:.0%} of what the machine allowed)"
    )
    print(f"cached re-run vs cold:  {cached:.1f}x  (target >= 10x)   {verdict[cached >= 10]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
