"""Recall of the quotation-mark rules (QT101 unclosed, QT104 unopened) on lost marks.

    python bench/quotation_marks_bench.py [--corpus ../shared/corpus/bbc_news/dev] [--seed N]

For each clean article, one closed quotation (seeded choice) loses its closing mark in one copy
and its opening mark in another. A loss counts as found when QT101 or QT104 reports something
in that paragraph of the copy. Quotations are as the rules pair them
(``draftlint.drafts.quotation_marks``). Prints figures, asserts nothing; false alarms on the clean
articles are in bench/clean_text.py. Never run this on bbc_news/heldout.

A closing mark lost before a reopened quotation ('"We tried. "It failed," he said.') cannot be
told from the news convention of reopening a quotation at each sentence without closing it,
so part of those losses are out of reach by design; they are counted apart.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from draftlint.config.settings import Config  # noqa: E402
from draftlint.drafts.formats import parse  # noqa: E402
from draftlint.run.lint import lint_document, select_rules  # noqa: E402

CODES = ("QT101", "QT104")
CONFIG = Config(select=CODES)


def findings_in(text: str, start: int, end: int) -> int:
    document = parse("bench.txt", text, "text")
    return sum(
        1
        for v in lint_document(document, select_rules(CONFIG, "bench.txt"), CONFIG)
        if start <= v.span.start < end
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/bbc_news/dev")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    if "heldout" in args.corpus.resolve().parts:
        print("heldout folders are reserved for acceptance", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    tried: Counter[str] = Counter()
    found: Counter[str] = Counter()
    for path in sorted(args.corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        document = parse(path.name, text, "text")
        closed = [q for q in document.analysis.quotations if q.closed]
        if not closed:
            continue
        quote = rng.choice(closed)
        block = document.blocks[quote.paragraph]
        # the prose of a .txt file is its text, so prose offsets are text offsets
        followed = any(
            q.start > quote.start and q.paragraph == quote.paragraph
            for q in document.analysis.quotations
        )
        for kind, at in (("closing", quote.end - 1), ("opening", quote.start)):
            label = f"{kind} mark lost" + (
                ", another quotation follows" if kind == "closing" and followed else ""
            )
            copy = text[:at] + text[at + 1 :]
            before = findings_in(text, block.start, block.end)
            after = findings_in(copy, block.start, block.end - 1)
            tried[label] += 1
            found[label] += after > before
    for label in sorted(tried):
        n = tried[label]
        print(f"{label:<45} found {found[label]:>4} / {n:<4} {100 * found[label] / n:5.1f}%")
    total, hit = sum(tried.values()), sum(found.values())
    print(f"{'all':<45} found {hit:>4} / {total:<4} {100 * hit / total:5.1f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
