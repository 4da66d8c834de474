"""Speed of the engine beside Harper's, how it grows with the input, and the CLI's --jobs.

    python bench/speed.py [--corpus ../shared/corpus/bbc_news/dev] [--select CODES] [--repeat 2]
                          [--peer SRC] [--sizes 10k,100k,1M] [--quick] [--no-growth] [--no-cli]

1. Throughput on the same texts, in one process: draftlint's selected rules (default: every
   built-in rule, as ``Config()`` runs them), then Harper's default lints (harper-py, American
   dialect, plain text), in words per CPU second, and their ratio; each repeat is a fresh
   process (first pass: no cache outlives it), best of ``--repeat``.  The document analysis
   alone (tokens, sentences, quotations) is given as a floor.  With
   ``--peer SRC`` (another checkout's ``src``, e.g. a worktree of an older commit) the same
   draftlint figure is measured for that code in a child process, between our own runs.
2. Growth: texts of 10k, 100k and 1M words made by concatenating the corpus's articles in
   order (and again from the start when they run out), written once as one file and once as
   one file per article; each is linted in a fresh child process, which reports its words/s
   (CPU) and its peak RSS (and the peer's, with ``--peer``).  Linear cost means flat words/s
   down the table.
3. The CLI (``draftlint check --no-cache``) on the 100k-word folder with --jobs 1 and 2:
   wall time (needs an idle machine to mean much: the load average is printed).
4. Cold ``draftlint check --no-cache seeds/`` (one draft, a fresh process) against a cold
   ``python -c pass``, and the peer's.

CPU time is steadier than wall time on a shared machine, so throughput is per CPU second;
compare figures from one run only.  ``--quick`` runs 200 articles and sizes 10k and 100k.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_corpus(folder: Path) -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]


def _draftlint():
    """Import draftlint from ``sys.path`` (the child processes put a peer's ``src`` first)."""
    from draftlint.config.settings import Config
    from draftlint.drafts import formats
    from draftlint.run.lint import lint_document, select_rules

    return Config, formats, lint_document, select_rules


def _grouped():
    """``lint_texts`` and the runner's group size, when the code measured has them (it lints
    files in groups, one parse call per group, as ``draftlint check`` does); else None."""
    try:
        from draftlint.run.lint import Source, lint_texts
        from draftlint.run.runner import GROUP_FILES
    except ImportError:
        return None
    return Source, lint_texts, GROUP_FILES


def time_engine(texts: list[tuple[str, str]], select: str | None, repeat: int) -> tuple[float, int]:
    """Best CPU seconds over ``repeat`` runs, and the words; ``select=None``: analysis only.
    Rules run as ``draftlint check`` runs them: in groups of files where the code has them
    (``_grouped``), else file by file."""
    config_type, formats, lint_document, select_rules = _draftlint()
    config = config_type(select=tuple(select.split(","))) if select else None
    grouped = _grouped() if config is not None else None
    best = float("inf")
    words = 0
    for _ in range(repeat):
        words = 0
        start = time.process_time()
        if grouped is not None:
            source, lint_texts, size = grouped
            for i in range(0, len(texts), size):
                group = [source(text, name, "text", config) for name, text in texts[i : i + size]]
                for result in lint_texts(group):
                    if isinstance(result, Exception):
                        raise result
                    words += result.words
            best = min(best, time.process_time() - start)
            continue
        for name, text in texts:
            document = formats.parse(name, text, "text")
            analysis = document.analysis
            words += analysis.word_count()
            if config is not None:
                lint_document(document, select_rules(config, name), config)
            else:  # the floor: the whole shared analysis, every part of it built
                analysis.tokens, analysis.sentences, analysis.quotations  # noqa: B018
        best = min(best, time.process_time() - start)
    return best, words


def time_harper(texts: list[tuple[str, str]], repeat: int) -> float | None:
    try:
        import harper
    except ImportError:
        return None
    linter = harper.Linter(harper.Dialect.AMERICAN)  # its default lint configuration
    linter.lint(texts[0][1], language=harper.Language.PLAINTEXT)  # warm up
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for _name, text in texts:
            linter.lint(text, language=harper.Language.PLAINTEXT)
        best = min(best, time.process_time() - start)
    return best


def read_seeds() -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))]


def child(args: argparse.Namespace) -> int:
    """One measurement in a fresh process, so that no cache outlives it (the lexicon keeps the
    candidates of words it has met: a second pass over the same texts would be cheaper than a
    real one).  Warmed up on the seeds only.  Prints JSON: words, CPU and wall seconds, peak
    RSS in MB, and with ``--harper`` Harper's CPU seconds on the same texts afterwards."""
    if args.src:
        sys.path.insert(0, str(args.src))
    target = Path(args.child)
    files = sorted(target.glob("*.txt")) if target.is_dir() else [target]
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in files][: args.limit]
    time_engine(read_seeds(), args.select, 1)  # load the lexicon and models
    start_wall = time.perf_counter()
    cpu, words = time_engine(texts, args.select, 1)
    wall = time.perf_counter() - start_wall
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    got = {"words": words, "cpu": cpu, "wall": wall, "rss": rss}
    if args.harper:
        got["harper"] = time_harper(texts, 1)
    print(json.dumps(got))
    return 0


def run_child(extra: list[str], src: Path | None = None) -> dict[str, float]:
    command = [sys.executable, __file__, *extra]
    if src is not None:
        command += ["--src", str(src)]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def parse_size(text: str) -> int:
    text = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * scale)


def make_inputs(texts: list[tuple[str, str]], words: int, where: Path) -> tuple[Path, Path]:
    """``words`` words of the corpus's articles in order, as one file and as a folder."""
    one = where / f"one-{words}.txt"
    many = where / f"many-{words}"
    many.mkdir()
    parts = []
    total = 0
    k = 0
    while total < words:
        name, text = texts[k % len(texts)]
        parts.append(text.rstrip("\n") + "\n")
        (many / f"{k:06d}-{name}").write_text(text, encoding="utf-8")
        total += len(text.split())
        k += 1
    one.write_text("\n".join(parts), encoding="utf-8")
    return one, many


def cold_start(command: list[str], repeat: int, src: Path | None = None) -> float:
    env = dict(os.environ, PYTHONPATH=str(src or ROOT / "src"))
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return min(times)


def cli_wall(folder: Path, jobs: int, repeat: int) -> float:
    command = [sys.executable, "-m", "draftlint.cli", "check", "--no-cache", "-q"]
    command += ["--jobs", str(jobs), str(folder)]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=folder, env=env, capture_output=True, check=False)
        best = min(best, time.perf_counter() - start)
    return best


def throughput(args: argparse.Namespace, texts: list[tuple[str, str]]) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    time_engine(read_seeds(), args.select, 1)
    floor, words = time_engine(texts, None, args.repeat)  # no cache in the analysis
    mode = ["--child", str(args.corpus), "--select", args.select, "--limit", str(len(texts))]
    ours: list[dict[str, float]] = []
    peer: list[dict[str, float]] = []
    for _ in range(args.repeat):  # ours and the peer in turn, so that a load spike hits both
        ours.append(run_child([*mode, "--harper"]))
        if args.peer:
            peer.append(run_child(mode, args.peer))
    best = min(r["cpu"] for r in ours)
    harpers = [r["harper"] for r in ours if r.get("harper") is not None]
    print(f"corpus: {len(texts)} files, {words:,} words; rules: {args.select}")
    print(f"  (each figure: a fresh process, first pass; best of {args.repeat})")
    print(f"  analysis alone (floor):  {words / floor:>10,.0f} words/s")
    print(f"  draftlint:               {words / best:>10,.0f} words/s")
    if harpers:
        harper = min(harpers)
        print(f"  Harper (harper-py):      {words / harper:>10,.0f} words/s  (same processes)")
        print(f"  draftlint / Harper:      {harper / best:>10.2f}x")
    else:
        print("  Harper: harper-py is not installed (pip install 'draftlint[harper]')")
    if peer:
        other = min(r["cpu"] for r in peer)
        # each pair ran back to back; on this machine single pairs of the same code differ by
        # up to a quarter, so the median pair and the range are given, not one best
        ratios = sorted(p["cpu"] / o["cpu"] for o, p in zip(ours, peer, strict=True))
        print(
            f"  peer {args.peer}: {words / other:,.0f} words/s; ours {other / best:.2f}x the "
            f"peer's (best of each); pairs: median {statistics.median(ratios):.2f}x, range "
            f"{ratios[0]:.2f}x to {ratios[-1]:.2f}x"
        )
    print(f"  peak RSS: {max(r['rss'] for r in ours):.0f} MB")


def growth(args: argparse.Namespace, texts: list[tuple[str, str]], where: Path) -> Path | None:
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    print("\ngrowth (fresh process per input; CPU words/s, wall s, peak RSS):")
    head = (
        f"  {'words':>9}  {'layout':<6}  {'files':>5}  {'words/s':>9}  {'wall s':>7}  {'RSS MB':>7}"
    )
    print(head + (f"  {'peer w/s':>9}  {'peer RSS':>8}" if args.peer else ""))
    folder_100k = None
    for size in sizes:
        one, many = make_inputs(texts, size, where)
        if size == 100_000 or folder_100k is None:
            folder_100k = many
        for layout, target in (("one", one), ("many", many)):
            got = run_child(["--child", str(target), "--select", args.select])
            files = 1 if layout == "one" else len(list(many.glob("*.txt")))
            row = (
                f"  {got['words']:>9,}  {layout:<6}  {files:>5}  {got['words'] / got['cpu']:>9,.0f}"
                f"  {got['wall']:>7.1f}  {got['rss']:>7.0f}"
            )
            if args.peer:
                peer = run_child(["--child", str(target), "--select", args.select], args.peer)
                row += f"  {peer['words'] / peer['cpu']:>9,.0f}  {peer['rss']:>8.0f}"
            print(row, flush=True)
    return folder_100k


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/bbc_news/dev")
    parser.add_argument("--select", default="ALL", help="comma-separated codes or prefixes")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--peer", type=Path, help="another checkout's src/ to measure beside")
    parser.add_argument("--sizes", default="10k,100k,1M", help="growth table sizes in words")
    parser.add_argument("--quick", action="store_true", help="200 articles, sizes to 100k")
    parser.add_argument("--no-growth", action="store_true")
    parser.add_argument("--no-cli", action="store_true")
    parser.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--child-mode", default="files", help=argparse.SUPPRESS)
    parser.add_argument("--src", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--harper", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        if args.src is None:
            sys.path.insert(0, str(ROOT / "src"))
        return child(args)
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    if args.quick:
        args.sizes = "10k,100k"
    texts = load_corpus(args.corpus)
    if args.quick:
        texts = texts[:200]
    print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    throughput(args, texts)
    with tempfile.TemporaryDirectory(prefix="draftlint-speed-") as tmp:
        folder = None
        if not args.no_growth:
            folder = growth(args, load_corpus(args.corpus), Path(tmp))
        if not args.no_cli:
            if folder is None:
                folder = make_inputs(load_corpus(args.corpus), 100_000, Path(tmp))[1]
            one = cli_wall(folder, 1, 2)
            two = cli_wall(folder, 2, 2)
            print(f"\nCLI on {folder.name} (--no-cache, best of 2, wall):")
            print(f"  --jobs 1: {one:6.1f} s   --jobs 2: {two:6.1f} s   speed-up {one / two:.2f}x")
    seed = str(next((ROOT / "seeds").glob("*.txt")))
    # --no-cache: a fresh process that lints the draft (the result cache would answer a
    # re-run from disk)
    check = [sys.executable, "-m", "draftlint.cli", "check", "--no-cache", "seeds/"]
    cli = peer_cli = float("inf")
    for _ in range(args.repeat + 2):  # in turn with the peer's, best of each
        cli = min(cli, cold_start(check, 1))
        if args.peer:
            peer_cli = min(peer_cli, cold_start(check, 1, args.peer))
    bare = cold_start([sys.executable, "-c", "pass"], args.repeat + 2)
    print(
        f"\ncold `draftlint check --no-cache seeds/`: {cli * 1000:.0f} ms (bare interpreter start: "
        f"{bare * 1000:.0f} ms; seed {Path(seed).name})"
    )
    if args.peer:
        print(f"  peer's cold check: {peer_cli * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
