"""Rule packs: how long loading takes, and what they cost per word.

    python bench/packs_bench.py [--vale-dir /work/shared/vale] [--corpus /work/shared/corpus/bbc_news/dev]

* load: reading (YAML, keys, types) all ten published styles in /work/shared/vale plus the
  built-in house pack, in a fresh interpreter so that nothing is cached; regexes compile on a
  rule's first use, and that one-off cost is reported apart ("compile");
* speed: words per second over the dev articles, the engine alone (built-in rules) against
  the engine with the Microsoft, write-good and proselint packs (all their rules on).

Reads the corpus and the styles from /work/shared; prints "skipped" when they are absent.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

STYLES = (
    "Microsoft/Microsoft",
    "Google/Google",
    "write-good/write-good",
    "proselint/proselint",
    "Joblint/Joblint",
    "alex/alex",
    "IBM/IBM",
    "RedHat/.vale/styles/RedHat",
    "RedHat/.vale/styles/AsciiDoc",
    "RedHat/.vale/styles/OpenShiftAsciiDoc",
)
SPEED_STYLES = ("Microsoft/Microsoft", "write-good/write-good", "proselint/proselint")

_LOAD = """
import sys, time
from pathlib import Path
t = time.perf_counter()
from draftlint.packs.loader import load_pack, builtin_pack_rules
imported = time.perf_counter()
rules = len(builtin_pack_rules()) + sum(len(load_pack(p).rules) for p in sys.argv[1:])
loaded = time.perf_counter()
from draftlint.packs.kinds import Vocabulary
from draftlint.packs.loader import load_pack
for p in sys.argv[1:]:
    for r in load_pack(p).rules:
        r.check.kind(Vocabulary())
compiled = time.perf_counter()
print(rules, imported - t, loaded - imported, compiled - loaded)
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--vale-dir", type=Path, default=Path("/work/shared/vale"))
    parser.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus/bbc_news/dev"))
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args(argv)
    folders = [str(args.vale_dir / s) for s in STYLES if (args.vale_dir / s).is_dir()]
    if len(folders) != len(STYLES):
        print(f"skipped: the Vale styles are not in {args.vale_dir}")
        return 0
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", _LOAD, *folders], capture_output=True, text=True, check=True
        )
        runs.append([float(x) for x in out.stdout.split()])
    best = min(runs, key=lambda r: r[2])
    print(
        f"load: {int(best[0])} rules from {len(folders)} styles + the house pack in {best[2] * 1000:.0f} ms "
        f"(best of 3; importing the modules {best[1] * 1000:.0f} ms; compiling every regex once "
        f"{best[3] * 1000:.0f} ms, paid per rule on first use)"
    )

    files = sorted(args.corpus.glob("*.txt"))
    if not files:
        print(f"speed: skipped, no articles in {args.corpus}")
        return 0
    if args.limit:
        files = files[: args.limit]
    texts = [(str(f), f.read_text("utf-8")) for f in files]
    from draftlint.config.settings import Config
    from draftlint.registry import registry_for
    from draftlint.run.lint import lint_text

    plain = Config()
    packs = Config(packs=tuple(str(args.vale_dir / s) for s in SPEED_STYLES))
    registry = registry_for(packs)
    pack_rules = sum(1 for c in registry if "." in c)
    for text in texts[:3]:  # warm up: compile the regexes, build the lexicons
        lint_text(text[1], text[0], "text", packs)
        lint_text(text[1], text[0], "text", plain)
    for label, config in (("engine alone", plain), (f"with {pack_rules} pack rules", packs)):
        start = time.perf_counter()
        words = findings = 0
        for path, text in texts:
            result = lint_text(text, path, "text", config)
            words += result.words
            findings += sum(1 for v in result.violations if "." in v.code)
        elapsed = time.perf_counter() - start
        print(
            f"speed, {label}: {words / elapsed:,.0f} words/s ({len(texts)} articles, {words:,} words, "
            f"{elapsed:.1f} s; {findings} pack findings)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
