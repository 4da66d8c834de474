"""Quality and speed of the editorial checks: attribution (QT103, QT2xx), names (CN2xx),
consistency (CN1xx, CN3xx).

    PYTHONPATH=src python bench/quality_editorial.py [--corpus DIR] [--seed N] [--show CODE ...]

Prints figures, asserts nothing:

- false alarms per 1,000 words per rule and severity on the clean copies (default
  /work/shared/corpus/bbc_news/dev): every finding counts, although some are real slips in the
  source (hand-check them with --show CODE);
- recall on injected errors, one of each kind per article, seeded:
  * attribution removed: a closed quotation of five or more words, the first quotation of its
    paragraph, loses the attribution clause of its sentence ('"...," said Mr X.' -> '"...."',
    'Mr X said: "..."' -> '"..."'). An injection counts only when, after it, no word of
    rules/lists/speech-verbs.txt stands outside quotation marks in the quotation's sentence or
    the ones before and after, so that by the rule's own definition the quotation is unattributed;
    found = QT201 reports that quotation;
  * name misspelled: one mention of a person's surname (of "Mr X", or after a given name of
    rules/lists/given-names.txt) of five or more letters that the article uses at least twice
    gets one edit (a letter dropped, doubled, swapped with its neighbour or
    replaced; never the first letter); found = CN201 reports that mention;
- speed: words per second of these rules together on documents whose shared analysis (tokens,
  sentences) is already built, and with that analysis included.

Nothing here reads bbc_news/heldout.
"""

from __future__ import annotations

import argparse
import collections
import random
import re
import sys
import time
from pathlib import Path

from draftlint.checks.consistency import abbreviations, names, numbers
from draftlint.checks.consistency import variants as consistency
from draftlint.checks.quotations import attribution
from draftlint.config.settings import Config
from draftlint.drafts.formats import parse
from draftlint.drafts.speech import speech, speech_cues
from draftlint.registry import build_registry
from draftlint.run.lint import lint_document

MODULES = (attribution, names, consistency, numbers, abbreviations)
RULES = build_registry([r for m in MODULES for r in m.RULES])
CONFIG = Config()
DEFAULT_CORPUS = Path("/work/shared/corpus/bbc_news/dev")


def lint(text: str, path: str = "bench.txt", codes: tuple[str, ...] | None = None):
    document = parse(path, text, "text")
    rules = [r for c, r in RULES.items() if codes is None or c in codes]
    return document, lint_document(document, rules, CONFIG)


# ------------------------------------------------------------------ clean copies
def false_alarms(files: list[Path], show: list[str]) -> int:
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    examples: dict[str, list[str]] = collections.defaultdict(list)
    words = 0
    for path in files:
        text = path.read_text("utf-8")
        document, violations = lint(text, str(path))
        words += document.analysis.word_count()
        for v in violations:
            counts[(v.code, v.severity.label)] += 1
            line = text.splitlines()[v.line - 1]
            examples[v.code].append(
                f"  {path.name}:{v.line}:{v.column}: {v.message}\n      "
                f"...{line[max(0, v.column - 90) : v.column + 60]}..."
            )
    print(f"clean copies: {len(files)} articles, {words} words")
    print(f"  {'rule':6} {'severity':8} {'findings':>8} {'per 1k words':>12}")
    for code in RULES:
        for severity in ("error", "warning", "info"):
            n = counts.get((code, severity), 0)
            if n or severity == RULES[code].severity.label:
                print(f"  {code:6} {severity:8} {n:8d} {n / words * 1000:12.3f}")
    gated = sum(
        n
        for (code, severity), n in counts.items()
        if severity in ("error", "warning") and (code.startswith("QT") or code.startswith("CN2"))
    )
    print(
        f"  QT + CN2 at error/warning: {gated} = {gated / words * 1000:.3f} per 1k words"
        " (target <= 0.2)"
    )
    for code in show:
        print(f"-- {code}")
        print("\n".join(examples.get(code, [])) or "  (none)")
    return words


# ------------------------------------------------------------- attribution removal
_CUE_WORDS, _CUE_PHRASES = speech_cues()


def _has_cue(text: str) -> bool:
    """Any speech-verb list entry outside double quotation marks (an independent check)."""
    outside = re.sub(r'"[^"]*"', " ", text)
    words = re.findall(r"[A-Za-z]+", outside.lower())
    if any(w in _CUE_WORDS for w in words):
        return True
    joined = " ".join(words)
    return any(" ".join(p) in joined for phrases in _CUE_PHRASES.values() for p in phrases)


def remove_attribution(text: str, rng: random.Random) -> tuple[str, int] | None:
    """The text with one quotation's attribution removed, and the quotation's new offset."""
    document = parse("inject.txt", text, "text")
    analysis = document.analysis
    found = speech(document)
    candidates = []
    for i, quote in enumerate(found.quotes):
        if not quote.closed or quote.words < 5 or quote.title_like:
            continue
        if i > 0 and found.quotes[i - 1].paragraph == quote.paragraph:
            continue  # only the first quotation of a paragraph: no continuation to think of
        if quote.first_sentence != quote.last_sentence:
            continue
        sentence = analysis.sentences[quote.first_sentence]
        if i + 1 < len(found.quotes) and found.quotes[i + 1].start < sentence.end:
            continue
        before = text[sentence.start : quote.start]
        after = text[quote.end : sentence.end]
        if not before.strip() and _has_cue(after) and text[quote.end - 2] in ",.!?":
            # '"We tried," said Mr X.' -> '"We tried."'
            inner_end = quote.end - 2 if text[quote.end - 2] == "," else quote.end - 1
            new = (
                text[:inner_end]
                + ("." if text[quote.end - 2] == "," else "")
                + text[quote.end - 1]
                + text[sentence.end :]
            )
            candidates.append((new, quote.start, quote.first_sentence))
        elif not after.strip(" .") and _has_cue(before) and before.rstrip().endswith((":", ",")):
            # 'Mr X said: "We tried."' -> '"We tried."'
            new = text[: sentence.start] + text[quote.start :]
            candidates.append((new, sentence.start, quote.first_sentence))
    rng.shuffle(candidates)
    for new, offset, _ in candidates:
        check = parse("check.txt", new, "text").analysis
        s = check.sentence_at(offset)
        if s is None:
            continue
        window = check.sentences[max(0, s - 1) : s + 2]
        if any(_has_cue(new[x.start : x.end]) for x in window):
            continue
        return new, offset
    return None


# ----------------------------------------------------------------- name misspelling
def misspell(text: str, rng: random.Random) -> tuple[str, int, int, str, str] | None:
    """The text with one mention of a repeated name misspelled: (text, start, end, old, new)."""
    document = parse("inject.txt", text, "text")
    runs = names.name_runs(document)
    givens = names.given_names()
    # People's surnames: the last word of "Mr X" or of a run opening with a given name.
    people = {
        r.surname
        for r in runs
        if r.honorific or (len(r.tokens) >= 2 and r.tokens[0].text in givens)
    }
    mentions: dict[str, list[tuple[int, int]]] = collections.defaultdict(list)
    for run in runs:
        for token in run.tokens:
            word = token.text
            if word in people and word.isalpha() and len(word) >= 5 and word[1:].islower():
                mentions[word].append((token.start, token.end))
    repeated = [w for w, spans in mentions.items() if len(spans) >= 2]
    if not repeated:
        return None
    word = rng.choice(sorted(repeated))
    start, end = rng.choice(mentions[word])
    for _ in range(20):
        i = rng.randrange(1, len(word) - 1)
        kind = rng.choice(("drop", "double", "swap", "replace"))
        if kind == "drop":
            new = word[:i] + word[i + 1 :]
        elif kind == "double":
            new = word[:i] + word[i] + word[i:]
        elif kind == "swap":
            new = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        else:
            new = word[:i] + rng.choice("abcdefghijklmnopqrstuvwxyz") + word[i + 1 :]
        if new != word:
            return text[:start] + new + text[end:], start, start + len(new), word, new
    return None


def recall(files: list[Path], seed: int, verbose: bool) -> None:
    rng = random.Random(seed)
    hits = total = 0
    misses = []
    for path in files:
        injected = remove_attribution(path.read_text("utf-8"), rng)
        if injected is None:
            continue
        new, offset = injected
        total += 1
        _, violations = lint(new, codes=("QT201",))
        if any(v.span.start == offset for v in violations):
            hits += 1
        else:
            line = new[max(0, offset - 150) : offset + 80].replace("\n", " / ")
            misses.append(f"  {path.name}: ...{line}...")
    print(
        f"attribution removed: {hits}/{total} found by QT201 = {hits / max(total, 1):.1%}"
        " (target >= 80%)"
    )
    if verbose:
        print("\n".join(misses[:40]))
    hits = total = 0
    misses = []
    for path in files:
        injected = misspell(path.read_text("utf-8"), rng)
        if injected is None:
            continue
        new, start, end, old, typo = injected
        total += 1
        _, violations = lint(new, codes=("CN201",))
        if any(v.span.start <= start < v.span.end for v in violations):
            hits += 1
        else:
            misses.append(f"  {path.name}: {old} -> {typo}")
    print(
        f"name misspelled: {hits}/{total} found by CN201 = {hits / max(total, 1):.1%}"
        " (target >= 80%)"
    )
    if verbose:
        print("\n".join(misses[:40]))


# -------------------------------------------------------------------------- speed
def speed(files: list[Path]) -> None:
    texts = [p.read_text("utf-8") for p in files]
    rules = list(RULES.values())
    documents = [parse(str(p), t, "text") for p, t in zip(files, texts, strict=True)]
    start = time.process_time()
    words = sum(d.analysis.word_count() for d in documents)
    analysis_time = time.process_time() - start
    start = time.process_time()
    for document in documents:
        lint_document(document, rules, CONFIG)
    rules_time = time.process_time() - start
    print(
        f"speed: {words} words; these rules {words / rules_time:,.0f} words/s "
        f"({rules_time:.2f} s CPU) on analysed documents; with the shared analysis "
        f"{words / (rules_time + analysis_time):,.0f} words/s (target >= 50,000)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--show", nargs="*", default=[], help="print the findings of these codes")
    parser.add_argument("--misses", action="store_true", help="print the injections not found")
    args = parser.parse_args(argv)
    if "heldout" in args.corpus.parts:
        print("bbc_news/heldout is reserved for acceptance", file=sys.stderr)
        return 2
    files = sorted(args.corpus.glob("*.txt"))
    if not files:
        print(f"{args.corpus}: no .txt files", file=sys.stderr)
        return 2
    false_alarms(files, args.show)
    recall(files, args.seed, args.misses)
    speed(files)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
