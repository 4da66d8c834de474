"""Cost and firing rates of the RD rules over the dev corpus.

    python bench/readability_rules_bench.py [--corpus ../shared/corpus/bbc_news/dev] [--repeat 3]

Speed, as bench/speed.py measures it (CPU time of this process, best of --repeat,
``lint_document`` over ``formats.parse`` of each file): words/s of the analysis alone, of the
engine with every built-in rule but the RD ones, of the engine with all of them, and of the RD
rules alone on top of the analysis.  The RD rules' own cost is (all - without RD); the
acceptance bar is that it stays below the cost of the rest of the engine (without RD -
analysis).  Also the readability report data alone (what ``lint_text`` adds to every
FileResult) and its cold first pass (the token cache of readability/words.py empty; the CMU
dictionary is loaded before timing).

Because the difference of two whole-engine timings is noisy on a shared machine, the rules are
also timed alone on documents already parsed and analysed: the RD rules (readability_of and the
four checks) against all the other rules.

Rates: for each RD rule and profile, how many findings, per sentence or paragraph, and the
share of articles with at least one, so that the defaults can be judged on professional copy.
A script that prints figures, not a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from draftlint.config.settings import Config  # noqa: E402
from draftlint.drafts import formats  # noqa: E402
from draftlint.readability import words as readability_words  # noqa: E402
from draftlint.readability.document import readability_of, report_data  # noqa: E402
from draftlint.readability.profiles import PROFILES, targets_from  # noqa: E402
from draftlint.run.lint import lint_document, select_rules  # noqa: E402
from draftlint.violation import Severity  # noqa: E402

RD = ("RD101", "RD102", "RD201", "RD202")


def load_corpus(folder: Path) -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]


def cpu(texts: list[tuple[str, str]], config: Config | None, report: bool = False) -> float:
    """CPU seconds of parse + analysis (+ the rules of ``config``) (+ report data) over texts."""
    rules = select_rules(config) if config is not None else []
    start = time.process_time()
    for name, text in texts:
        document = formats.parse(name, text, "text")
        document.analysis.word_count()
        if rules:
            lint_document(document, rules, config)  # type: ignore[arg-type]
        if report:
            report_data(document, {})
    return time.process_time() - start


def rules_only(texts: list[tuple[str, str]], config: Config) -> float:
    """CPU seconds of the rules of ``config`` alone, on documents already parsed and analysed."""
    rules = select_rules(config)
    documents = [formats.parse(name, text, "text") for name, text in texts]
    for document in documents:
        document.analysis.word_count()
    start = time.process_time()
    for document in documents:
        lint_document(document, rules, config)
    return time.process_time() - start


def speed(texts: list[tuple[str, str]], repeat: int) -> None:
    runs = {  # label -> (config, report data)
        "analysis only (peer)": (None, False),
        "engine without RD rules": (Config(ignore=("RD",)), False),
        "engine with RD rules (all)": (Config(), False),
        "analysis + RD rules only": (Config(select=("RD",)), False),
        "analysis + report data": (None, True),
    }
    cpu(texts[:50], Config(), report=True)  # warm up: lexicon, models, token caches
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):  # round robin, so that a change of load on the machine hits all alike
        for label, (config, report) in runs.items():
            best[label] = min(best[label], cpu(texts, config, report))
    readability_words._CACHE.clear()
    readability_words._IS_WORD.clear()
    best["  same, cold token cache"] = cpu(texts, None, report=True)
    words = sum(formats.parse(name, text, "text").analysis.word_count() for name, text in texts)
    print(
        f"corpus: {len(texts)} files, {words:,} words; "
        f"{len(select_rules(Config()))} rules of which {len(RD)} RD"
    )
    for label, seconds in best.items():
        print(f"{label:<28} {words / seconds:>12,.0f} words/s  {seconds:6.2f} s CPU")
    analysis, rest, full = (
        best["analysis only (peer)"],
        best["engine without RD rules"],
        best["engine with RD rules (all)"],
    )
    rd_alone = best["analysis + RD rules only"] - analysis
    rd_cost, rest_cost = full - rest, rest - analysis
    print(
        f"RD rules: {rd_cost:.2f} s on top of the other rules, {rd_alone:.2f} s alone on the "
        f"analysis; the other rules: {rest_cost:.2f} s. "
        f"Ratio {max(rd_cost, rd_alone) / rest_cost:.2f} (must be < 1)"
    )
    isolated = {"RD rules": Config(select=("RD",)), "the other rules": Config(ignore=("RD",))}
    alone = dict.fromkeys(isolated, float("inf"))
    for _ in range(repeat):
        for label, config in isolated.items():
            alone[label] = min(alone[label], rules_only(texts, config))
    rd_only, others = alone["RD rules"], alone["the other rules"]
    print(
        f"rules alone on analysed documents: RD {rd_only:.2f} s ({words / rd_only:,.0f} words/s), "
        f"the other rules {others:.2f} s ({words / others:,.0f} words/s): "
        f"ratio {rd_only / others:.2f}"
    )
    print(
        f"report data (readability_of + JSON dict), which lint_text adds to every file: "
        f"{best['analysis + report data'] - analysis:.2f} s on top of the analysis"
    )


def rates(texts: list[tuple[str, str]]) -> None:
    documents = [formats.parse(name, text, "text") for name, text in texts]
    sentences = sum(len(readability_of(d).sentences) for d in documents)
    paragraphs = sum(len(readability_of(d).paragraphs) for d in documents)
    grades = [readability_of(d).scores.flesch_kincaid_grade for d in documents]
    q1, median, q3 = statistics.quantiles(grades, n=4)
    print(
        f"\nrates on {len(documents)} articles, {paragraphs} measured paragraphs, "
        f"{sentences} sentences; "
        f"Flesch-Kincaid median {median:.1f} (quartiles {q1:.1f}-{q3:.1f})"
    )
    per = {
        "RD101": ("sentences", sentences),
        "RD102": ("paragraphs", paragraphs),
        "RD201": ("articles", len(documents)),
        "RD202": ("paragraphs", paragraphs),
    }
    for profile in PROFILES:
        config = Config(select=("RD",), readability=targets_from({"profile": profile}))
        rules = select_rules(config)
        counts: Counter[str] = Counter()
        warnings: Counter[str] = Counter()
        articles: dict[str, set[str]] = {code: set() for code in RD}
        warned: set[str] = set()
        for document in documents:
            for v in lint_document(document, rules, config):
                counts[v.code] += 1
                articles[v.code].add(document.path)
                if v.severity >= Severity.WARNING:
                    warnings[v.code] += 1
                    warned.add(document.path)
        print(f"profile {profile}:")
        for code in RD:
            unit, total = per[code]
            extra = f", {warnings[code]} warnings" if warnings[code] else ""
            print(
                f"  {code}: {counts[code]:>5} findings "
                f"({counts[code] / total:6.2%} of {unit}){extra}; "
                f"articles with one: {len(articles[code]) / len(documents):6.1%}"
            )
        print(f"  articles with a warning (exit code 1): {len(warned) / len(documents):.1%}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/bbc_news/dev")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--no-rates", action="store_true")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    texts = load_corpus(args.corpus)
    if not args.no_speed:
        speed(texts, args.repeat)
    if not args.no_rates:
        rates(texts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
