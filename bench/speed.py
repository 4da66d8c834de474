"""Speed of the engine: words per second over the dev corpus, and cold start of the CLI.

    python bench/speed.py [--corpus ../shared/corpus/bbc_news/dev] [--select CODES] [--repeat 3]

Prints words/s (per CPU second of this process, best of --repeat) for the selected rules (default: every built-in rule) and for the document
analysis alone (tokens, sentences, paragraphs, quotations) as the in-process peer, so the
ratio says what the rules cost on top of the shared analysis; then the wall time of a cold
``draftlint check seeds/`` (fresh process, best of N) against a cold ``python -c pass``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from draftlint.config.settings import Config  # noqa: E402
from draftlint.drafts import formats  # noqa: E402
from draftlint.run.lint import lint_document, select_rules  # noqa: E402


def load_corpus(folder: Path) -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]


def time_engine(
    texts: list[tuple[str, str]], config: Config | None, repeat: int
) -> tuple[float, int]:
    best = float("inf")
    words = 0
    for _ in range(repeat):
        words = 0
        start = time.process_time()  # CPU time: steadier than wall time on a shared machine
        for name, text in texts:
            document = formats.parse(name, text, "text")
            analysis = document.analysis
            words += analysis.word_count()
            if config is not None:
                lint_document(document, select_rules(config, name), config)
            else:  # the peer: the whole shared analysis, every part of it built
                analysis.tokens, analysis.sentences, analysis.quotations  # noqa: B018
        best = min(best, time.process_time() - start)
    return best, words


def cold_start(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/bbc_news/dev")
    parser.add_argument("--select", default="ALL", help="comma-separated codes or prefixes")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    texts = load_corpus(args.corpus)
    config = Config(select=tuple(args.select.split(",")))
    rules = select_rules(config)
    # Warm up lazily loaded data (lexicon, models) so the figure is the steady state.
    time_engine(texts[:20], config, 1)
    analysis_time, words = time_engine(texts, None, args.repeat)
    engine_time, _ = time_engine(texts, config, args.repeat)
    print(f"corpus: {len(texts)} files, {words} words; rules: {len(rules)} ({args.select})")
    print(f"full analysis (peer): {words / analysis_time:>12,.0f} words/s")
    print(
        f"analysis + rules:     {words / engine_time:>12,.0f} words/s"
        f"  ({engine_time / analysis_time:.2f}x the analysis time)"
    )
    seed = str(next((ROOT / "seeds").glob("*.txt")))
    cli = cold_start([sys.executable, "-m", "draftlint.cli", "check", "seeds/"], args.repeat + 2)
    bare = cold_start([sys.executable, "-c", "pass"], args.repeat + 2)
    print(
        f"cold `draftlint check seeds/`: {cli * 1000:.0f} ms (bare interpreter start: {bare * 1000:.0f} ms; "
        f"seed {Path(seed).name})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
