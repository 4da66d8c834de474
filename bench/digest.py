"""A fingerprint of the default run's findings on the dev corpus, to prove a change kept them.

    python bench/digest.py [--corpus ../shared/corpus/bbc_news/dev] [--out FILE]

Lints every article with the default rules (``Config()``), writes one line per violation
(file, code, start, end, severity, message, suggestions, fix), sorted, to ``--out`` and prints
the count and the sha256 of that file. Two commits with the same digest report the same
findings; ``diff`` the two files to see what changed.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from draftlint.config.settings import Config  # noqa: E402
from draftlint.drafts import formats  # noqa: E402
from draftlint.run.lint import lint_document, select_rules  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/bbc_news/dev")
    parser.add_argument("--out", type=Path, default=Path("findings.tsv"))
    args = parser.parse_args()
    config = Config()
    lines = []
    for path in sorted(args.corpus.glob("*.txt")):
        name = path.name
        document = formats.parse(name, path.read_text(encoding="utf-8"), "text")
        for v in lint_document(document, select_rules(config, name), config):
            fields = (
                name,
                v.code,
                v.span.start,
                v.span.end,
                v.severity.label,
                v.message,
                "|".join(v.suggestions),
                v.fix,
            )
            lines.append(
                "\t".join(repr(f) if isinstance(f, str | None) else str(f) for f in fields)
            )
    lines.sort()
    data = "".join(line + "\n" for line in lines)
    args.out.write_text(data, encoding="utf-8")
    print(f"{len(lines)} violations; sha256 {hashlib.sha256(data.encode()).hexdigest()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
