"""Harper beside the built-in rules, on the same texts in the same process.

    python bench/engines_bench.py [--corpus ../shared/corpus/bbc_news/dev] [--limit N]

For the clean articles it prints, per 1,000 words: Harper's own lints (unfiltered, as a
Harper user sees them), the built-in rules' findings at error/warning, and draftlint with
``--engine harper`` (Harper filtered by the word model and merged) at error/warning.  For the
injected defects of bench/quality.py it prints the recall of raw Harper, of the built-in rules
and of draftlint with Harper.  Last, the cost of each per 1,000 words (CPU time).

LanguageTool needs a server, which cannot run here: its cost is the server's round trip and
is not measured by this script.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import quality  # noqa: E402

from draftlint.config.settings import Config  # noqa: E402
from draftlint.drafts import formats  # noqa: E402
from draftlint.run.lint import lint_text  # noqa: E402
from draftlint.violation import Severity  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/bbc_news/dev")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if "heldout" in str(args.corpus):
        print("bbc_news/heldout is reserved for acceptance", file=sys.stderr)
        return 2
    try:
        import harper
    except ImportError:
        print("harper-py is not installed (pip install 'draftlint[harper]')", file=sys.stderr)
        return 2
    linter = harper.Linter(harper.Dialect.AMERICAN)
    paths = sorted(args.corpus.glob("*.txt"))[: args.limit or None]
    builtin = Config()
    with_harper = Config(engines=("harper",))
    rng = random.Random(args.seed)
    words = 0
    counts: Counter[str] = Counter()
    cost: Counter[str] = Counter()
    injected: Counter[str] = Counter()
    found: Counter[tuple[str, str]] = Counter()
    lint_text("Warm up.\n", "w.txt", "text", with_harper)
    for path in paths:
        text = path.read_text(encoding="utf-8")
        words += formats.parse(path.name, text, "text").analysis.word_count()
        t0 = time.process_time()
        raw = linter.lint(text, language=harper.Language.PLAINTEXT)
        t1 = time.process_time()
        ours = lint_text(text, path.name, "text", builtin)
        t2 = time.process_time()
        both = lint_text(text, path.name, "text", with_harper)
        t3 = time.process_time()
        cost["harper alone"] += t1 - t0
        cost["built-in rules"] += t2 - t1
        cost["draftlint + harper"] += t3 - t2
        counts["harper alone"] += len(raw)
        counts["harper alone, spelling"] += sum(1 for lint in raw if lint.lint_kind == "Spelling")
        counts["built-in rules"] += sum(
            1 for v in ours.violations if v.severity >= Severity.WARNING
        )
        counts["draftlint + harper"] += sum(
            1 for v in both.violations if v.severity >= Severity.WARNING
        )
        counts["of which from harper"] += sum(
            1 for v in both.violations if v.severity >= Severity.WARNING and v.source == "harper"
        )
        for kind, inject in quality.INJECTIONS.items():
            made = inject(text, rng)
            if made is None:
                continue
            new, start, end, code, _ = made
            injected[kind] += 1
            end = max(end, start + 1)
            if any(
                lint.span.start < end and lint.span.end > start
                for lint in linter.lint(new, language=harper.Language.PLAINTEXT)
            ):
                found[(kind, "harper alone")] += 1
            accepted = quality.WORD_MODEL if code in quality.WORD_MODEL else (code,)
            for label, config in (("built-in rules", builtin), ("draftlint + harper", with_harper)):
                result = lint_text(new, path.name, "text", config)
                if any(
                    (v.code in accepted or v.source != "draftlint")
                    and v.span.start < end
                    and v.span.end > start
                    for v in result.violations
                ):
                    found[(kind, label)] += 1
    print(f"{len(paths)} articles, {words} words")
    print("\nfindings on the clean articles per 1,000 words (draftlint: error/warning only)")
    for label in (
        "harper alone",
        "harper alone, spelling",
        "built-in rules",
        "draftlint + harper",
        "of which from harper",
    ):
        print(f"  {label:<24} {counts[label]:>6}  {1000 * counts[label] / words:7.2f}")
    print("\nrecall on injected defects (any severity; Harper: any lint over the span)")
    labels = ("harper alone", "built-in rules", "draftlint + harper")
    print("  " + " " * 12 + "".join(f"{label:>22}" for label in labels))
    for kind in quality.INJECTIONS:
        n = injected[kind]
        if n:
            print(
                f"  {kind:<12}"
                + "".join(f"{100 * found[(kind, label)] / n:21.1f}%" for label in labels)
            )
    print("\nCPU seconds per 1,000 words")
    for label in ("harper alone", "built-in rules", "draftlint + harper"):
        print(f"  {label:<24} {1000 * cost[label] / words:7.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
