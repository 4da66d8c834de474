"""Quality of the word and context rules through the whole engine: recall and false alarms.

    python bench/quality.py [--corpus ../shared/corpus/bbc_news/dev] [--limit N] [--seed S]

For every clean article it lints the article as it is (every finding at error/warning is
counted as a false alarm per 1,000 words, with info apart; on bbc_news/dev it also prints how
many of them are real errors in the published text, as judged by hand in
bench/adjudicated/bbc-news-dev.tsv), then injects one labelled defect of each kind into a copy
and lints that copy:

  typo        a non-word typo: delete, insert, substitute or swap a letter in a word of 4+
              letters (results the lexicon knows are skipped)           -> SP101
  join-lower  two adjacent lowercase words run together                  -> WS102
  join-cap    two adjacent capitalised words run together                -> WS101
  stop-space  the space after a full stop removed ("month.The")          -> WS103
  slip        a confusion-set word replaced by another member            -> GR101
  dropped     a function word deleted                                    -> GR102

A defect counts as found when a violation of the expected code overlaps the injected span
at any severity (for the three word-model kinds, any of SP101/WS101/WS102: a typo such as
"toat" is as well read as "to at"; the share under the expected code is printed too), and as
corrected when its first suggestion restores the original.  Never
run this on bbc_news/heldout (reserved for acceptance).  The editorial rules (QT, CN) have
their own injections in bench/quality_editorial.py; the lexicon alone, with the real
misspelling lists, is measured by bench/lexicon_bench.py.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from draftlint.config.settings import Config  # noqa: E402
from draftlint.context.slips import confusion_sets  # noqa: E402
from draftlint.drafts import formats  # noqa: E402
from draftlint.lexicon.lexicon import get_lexicon  # noqa: E402
from draftlint.run.lint import lint_document, select_rules  # noqa: E402
from draftlint.violation import Severity, Violation  # noqa: E402

CODES = ("SP101", "WS101", "WS102", "WS103", "GR101", "GR102")
WORD_MODEL = ("SP101", "WS101", "WS102")
DROPPABLE = ("the", "a", "to", "of", "and", "is", "was", "in", "has", "be", "that", "he")
WORD = re.compile(r"(?<![\w'\u2019-])[A-Za-z]+(?![\w'\u2019-])")
LETTERS = "abcdefghijklmnopqrstuvwxyz"

# An injection returns (new text, start, end of the defect in it, expected code, correction).
Injection = tuple[str, int, int, str, str]


def inject_typo(text: str, rng: random.Random) -> Injection | None:
    lexicon = get_lexicon()
    words = [m for m in WORD.finditer(text) if len(m.group()) >= 4 and m.group().islower()]
    rng.shuffle(words)
    for m in words[:30]:
        word = m.group()
        i = rng.randrange(1, len(word) - 1)
        kind = rng.choice("disw")
        if kind == "d":
            typo = word[:i] + word[i + 1 :]
        elif kind == "i":
            typo = word[:i] + rng.choice(LETTERS) + word[i:]
        elif kind == "s":
            typo = word[:i] + rng.choice(LETTERS.replace(word[i], "")) + word[i + 1 :]
        else:
            typo = word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
        if typo == word or lexicon.is_word(typo):
            continue
        return (
            text[: m.start()] + typo + text[m.end() :],
            m.start(),
            m.start() + len(typo),
            "SP101",
            word,
        )
    return None


def _adjacent_pair(
    text: str, rng: random.Random, test: Callable[[str, str], bool]
) -> tuple[int, int, int] | None:
    pairs = [
        (a, b)
        for a, b in zip(list(WORD.finditer(text)), list(WORD.finditer(text))[1:], strict=False)
        if text[a.end() : b.start()] == " " and test(a.group(), b.group())
    ]
    if not pairs:
        return None
    a, b = rng.choice(pairs)
    return a.start(), a.end(), b.end()


def inject_join_lower(text: str, rng: random.Random) -> Injection | None:
    pair = _adjacent_pair(
        text, rng, lambda a, b: a.islower() and b.islower() and len(a) >= 3 and len(b) >= 3
    )
    if pair is None:
        return None
    start, gap, end = pair
    return text[:gap] + text[gap + 1 :], start, end - 1, "WS102", text[start:end]


def inject_join_cap(text: str, rng: random.Random) -> Injection | None:
    pair = _adjacent_pair(
        text,
        rng,
        lambda a, b: (
            a[0].isupper()
            and b[0].isupper()
            and a[1:].islower()
            and b[1:].islower()
            and len(a) >= 2
            and len(b) >= 3
        ),
    )
    if pair is None:
        return None
    start, gap, end = pair
    return text[:gap] + text[gap + 1 :], start, end - 1, "WS101", text[start:end]


def inject_stop_space(text: str, rng: random.Random) -> Injection | None:
    spots = [m for m in re.finditer(r"[a-z]{2}\. (?=[A-Z][a-z])", text)]
    if not spots:
        return None
    m = rng.choice(spots)
    dot = m.start() + 2
    return text[: dot + 1] + text[dot + 2 :], dot, dot + 1, "WS103", ". "


def inject_slip(text: str, rng: random.Random) -> Injection | None:
    sets = confusion_sets()
    words = [m for m in WORD.finditer(text) if m.group() in sets]
    if not words:
        return None
    m = rng.choice(words)
    other = rng.choice(sets[m.group()])
    return (
        text[: m.start()] + other + text[m.end() :],
        m.start(),
        m.start() + len(other),
        "GR101",
        m.group(),
    )


def inject_dropped(text: str, rng: random.Random) -> Injection | None:
    spots = [m for m in re.finditer(r"(?<=[a-z] )(" + "|".join(DROPPABLE) + r") (?=[a-z])", text)]
    if not spots:
        return None
    m = rng.choice(spots)
    # The defect is the gap: the words either side of where the word was.
    before = text.rfind(" ", 0, m.start() - 1) + 1
    new = text[: m.start()] + text[m.end() :]
    after_end = new.find(" ", m.start())
    return new, before, after_end if after_end > 0 else len(new), "GR102", m.group(1)


INJECTIONS: dict[str, Callable[[str, random.Random], Injection | None]] = {
    "typo": inject_typo,
    "join-lower": inject_join_lower,
    "join-cap": inject_join_cap,
    "stop-space": inject_stop_space,
    "slip": inject_slip,
    "dropped": inject_dropped,
}


ADJUDICATED = ROOT / "bench" / "adjudicated" / "bbc-news-dev.tsv"


def load_verdicts(path: Path) -> dict[tuple[str, int, int, str], str]:
    """(file, line, column, code) -> "error" | "false-alarm", from a hand-judged list."""
    verdicts = {}
    if path.is_file():
        for raw in path.read_text(encoding="utf-8").splitlines():
            if raw.strip() and not raw.startswith("#"):
                name, line, column, code, verdict, _why = raw.split("\t")
                verdicts[(name, int(line), int(column), code)] = verdict
    return verdicts


def lint(name: str, text: str, config: Config) -> list[Violation]:
    document = formats.parse(name, text, "text")
    return lint_document(document, select_rules(config, name), config)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/bbc_news/dev")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if "heldout" in str(args.corpus):
        print("bbc_news/heldout is reserved for acceptance", file=sys.stderr)
        return 2
    paths = sorted(args.corpus.glob("*.txt"))[: args.limit or None]
    if not paths:
        print(f"no articles in {args.corpus}", file=sys.stderr)
        return 2
    config = Config(select=CODES)
    rng = random.Random(args.seed)
    words = 0
    alarms: Counter[tuple[str, str]] = Counter()
    # findings on the clean text that a hand judgement found to be real errors in the source
    on_bbc_dev = args.corpus.resolve().parts[-2:] == ("bbc_news", "dev")
    verdicts = load_verdicts(ADJUDICATED) if on_bbc_dev else {}
    real: Counter[tuple[str, str]] = Counter()
    injected: Counter[str] = Counter()
    found: Counter[str] = Counter()
    corrected: Counter[str] = Counter()
    same_code: Counter[str] = Counter()
    started = time.process_time()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        document = formats.parse(path.name, text, "text")
        words += document.analysis.word_count()
        for v in lint_document(document, select_rules(config, path.name), config):
            level = "info" if v.severity == Severity.INFO else "error/warning"
            alarms[(v.code, level)] += 1
            real[(v.code, level)] += verdicts.get((path.name, v.line, v.column, v.code)) == "error"
        for kind, inject in INJECTIONS.items():
            made = inject(text, rng)
            if made is None:
                continue
            new, start, end, code, original = made
            injected[kind] += 1
            accepted = WORD_MODEL if code in WORD_MODEL else (code,)
            hits = [
                v
                for v in lint(path.name, new, config)
                if v.code in accepted and v.span.start < max(end, start + 1) and v.span.end > start
            ]
            hits.sort(key=lambda v: v.code != code)
            if hits:
                found[kind] += 1
                same_code[kind] += hits[0].code == code
                first = hits[0].suggestions[0] if hits[0].suggestions else ""
                if (
                    first.replace(" ", "") == original.replace(" ", "")
                    or first.strip() == original.strip()
                    or original in first
                ):
                    corrected[kind] += 1
    elapsed = time.process_time() - started
    print(f"{len(paths)} articles, {words} words, {elapsed:.0f} s CPU")
    print("\nrecall on injected defects (found / injected; first suggestion right)")
    for kind in INJECTIONS:
        n = injected[kind]
        if n:
            print(
                f"  {kind:<11} {found[kind]:>4} / {n:<4} {100 * found[kind] / n:5.1f}%   "
                f"under its own code {100 * same_code[kind] / n:5.1f}%   "
                f"first suggestion right {100 * corrected[kind] / n:5.1f}%"
            )
    print("\nfindings on the clean articles, per 1,000 words")
    if verdicts:
        print(
            f"  ([n real]: of these, real errors in the published text, judged by hand in "
            f"{ADJUDICATED.relative_to(ROOT)}; the rest count as false alarms)"
        )
    total = total_real = 0
    for code in CODES:
        hi, hi_real = alarms[(code, "error/warning")], real[(code, "error/warning")]
        lo, lo_real = alarms[(code, "info")], real[(code, "info")]
        total += hi
        total_real += hi_real
        print(
            f"  {code}  error/warning {hi:>4} ({1000 * hi / words:.3f})"
            + (f" [{hi_real} real]" if verdicts else "")
            + f"   info {lo:>4} ({1000 * lo / words:.3f})"
            + (f" [{lo_real} real]" if verdicts else "")
        )
    print(f"  all at error/warning: {total} ({1000 * total / words:.3f} per 1,000 words)")
    if verdicts:
        fa = total - total_real
        print(f"  of which false alarms: {fa} ({1000 * fa / words:.3f} per 1,000 words)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
