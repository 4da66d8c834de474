"""A fingerprint of the default run's findings on the dev corpus, to prove a change kept them.

    python bench/digest.py [--corpus ../shared/corpus/bbc_news/dev] [--out FILE] [--per-file]

Lints every article with the default rules (``Config()``) the way ``draftlint check`` does, in
groups of ``runner.GROUP_FILES`` articles whose cued sentences are parsed in one call
(``lint_texts``); ``--per-file`` lints each article alone (``lint_document``), so that the two
digests prove batching changes nothing. Writes one line per violation
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
from draftlint.run.lint import Source, lint_document, lint_texts, select_rules  # noqa: E402
from draftlint.run.runner import GROUP_FILES  # noqa: E402
from draftlint.violation import Violation  # noqa: E402


def per_file(paths: list[Path], config: Config) -> list[tuple[str, list[Violation]]]:
    out = []
    for path in paths:
        document = formats.parse(path.name, path.read_text(encoding="utf-8"), "text")
        out.append((path.name, lint_document(document, select_rules(config, path.name), config)))
    return out


def batched(paths: list[Path], config: Config) -> list[tuple[str, list[Violation]]]:
    out = []
    for i in range(0, len(paths), GROUP_FILES):
        group = paths[i : i + GROUP_FILES]
        sources = [Source(p.read_text(encoding="utf-8"), p.name, "text", config) for p in group]
        for path, result in zip(group, lint_texts(sources), strict=True):
            if isinstance(result, Exception):
                raise result
            out.append((path.name, result.violations))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/bbc_news/dev")
    parser.add_argument("--out", type=Path, default=Path("findings.tsv"))
    parser.add_argument("--per-file", action="store_true", help="lint each article alone")
    args = parser.parse_args()
    config = Config()
    lines = []
    paths = sorted(args.corpus.glob("*.txt"))
    for name, violations in (per_file if args.per_file else batched)(paths, config):
        for v in violations:
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
