"""Every rule at its default settings over clean professional text: findings per rule.

    python bench/clean_text.py [--corpus ../shared/corpus/bbc_news/dev] [--limit N]

Prints, per rule code and severity, how many findings the clean articles draw and how many per
1,000 words. On bbc_news/dev it also prints how many of them are real errors in the published
text, as judged by hand in bench/adjudicated/bbc-news-dev.tsv (an unjudged finding counts as a
false alarm). The total at error/warning is given for the families that claim an error; the
readability (RD) and style (ST) families give advice, so they are listed but not added in.
Asserts nothing. Never run this on bbc_news/heldout (reserved for acceptance).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from quality import ADJUDICATED, load_verdicts  # noqa: E402

from draftlint.config.settings import Config  # noqa: E402
from draftlint.drafts import formats  # noqa: E402
from draftlint.run.lint import lint_document, select_rules  # noqa: E402
from draftlint.violation import Severity  # noqa: E402

ADVICE = ("RD", "ST")  # families that advise rather than claim an error


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/bbc_news/dev")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args()
    if "heldout" in args.corpus.resolve().parts:
        print("heldout folders are reserved for acceptance", file=sys.stderr)
        return 2
    paths = sorted(args.corpus.glob("*.txt"))[: args.limit or None]
    if not paths:
        print(f"no articles in {args.corpus}", file=sys.stderr)
        return 2
    on_bbc_dev = args.corpus.resolve().parts[-2:] == ("bbc_news", "dev")
    verdicts = load_verdicts(ADJUDICATED) if on_bbc_dev else {}
    config = Config()
    words = 0
    found: Counter[tuple[str, str]] = Counter()
    real: Counter[tuple[str, str]] = Counter()
    started = time.process_time()
    for path in paths:
        document = formats.parse(path.name, path.read_text(encoding="utf-8"), "text")
        words += document.analysis.word_count()
        for v in lint_document(document, select_rules(config, path.name), config):
            key = (v.code, v.severity.label)
            found[key] += 1
            real[key] += verdicts.get((path.name, v.line, v.column, v.code)) == "error"
    elapsed = time.process_time() - started
    print(f"{len(paths)} articles, {words} words, {elapsed:.0f} s CPU, default settings")
    if verdicts:
        print(f"[n real]: real errors in the published text, judged in {ADJUDICATED.name}")
    print("  rule   severity  findings  per 1k words")
    claimed = claimed_real = 0
    for (code, severity), n in sorted(found.items()):
        r = real[(code, severity)]
        print(
            f"  {code}  {severity:<8} {n:>8}  {1000 * n / words:11.3f}"
            + (f"  [{r} real]" if verdicts and r else "")
        )
        if severity != Severity.INFO.label and not code.startswith(ADVICE):
            claimed += n
            claimed_real += r
    print(
        f"error-claiming rules at error/warning: {claimed} ({1000 * claimed / words:.3f} per "
        "1,000 words)"
        + (
            f", of which false alarms {claimed - claimed_real} "
            f"({1000 * (claimed - claimed_real) / words:.3f})"
            if verdicts
            else ""
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
