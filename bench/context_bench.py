"""Quality and speed of the context checks (GR101 real-word slip, GR102 dropped word).

    PYTHONPATH=src python bench/context_bench.py [--corpus ../shared/corpus] [--sensitivity 0.5]

Prints figures, asserts nothing:

- false alarms per 1,000 words on clean edited text (bbc_news/dev, headlines left out), and on
  the corrected reference sentences of jfleg (ref0) and cweb (ann1), where every finding is a
  false alarm;
- recall on errors injected into the bbc_news/dev sentences, one per sentence, seeded: a
  confusion-set word swapped for another member of its set (real-word slip), a function word of
  ``DROPPABLE`` deleted (dropped word; never the first or last token); "found" = the position is
  flagged, "fixed" = with the right word;
- recall on the annotated edits of matching kinds in the jfleg and cweb M2 files;
- speed (words per second of both scorers over the clean dev corpus), model load time in a fresh
  process and its resident memory.

Nothing here reads bbc_news/heldout.
"""

from __future__ import annotations

import argparse
import collections
import functools
import os
import random
import re
import resource
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import numpy as np

from draftlint.context.model import get_model
from draftlint.context.slip_scores import edit_candidates
from draftlint.context.slips import (
    DROPPABLE,
    GAP_FEATURES,
    GAP_MAX_BIGRAM_LP,
    INSERTABLE,
    SLIP_FEATURES,
    WEIGHTS_FILE,
    _slip_labels,
    confusion_sets,
    find_dropped_words,
    find_real_word_slips,
    gap_features,
    scan,
    score_gaps,
    score_slips,
    slip_features,
)

TOKEN = re.compile(
    r"[£$€]?\d+(?:[.,]\d+)*(?:%|bn|m|k|st|nd|rd|th|s)?(?![\w])"
    r"|\w+(?:[-'’.]\w+)*"
    r"|[^\w\s]"
)
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
WORD = re.compile(r"\w")


def tokenize(sentence: str) -> list[str]:
    return TOKEN.findall(sentence)


def sentences(text: str, skip_title: bool = True) -> Iterator[str]:
    paragraphs = re.split(r"\n\s*\n", text.strip())
    if skip_title:
        paragraphs = paragraphs[1:]
    for para in paragraphs:
        for line in para.splitlines():
            for s in SENTENCE_END.split(line.strip()):
                if s:
                    yield s


def word_count(tokens: Iterable[str]) -> int:
    return sum(1 for t in tokens if WORD.search(t))


def detok(line: str) -> str:
    """Undo PTB-style tokenisation well enough for our tokenizer."""
    line = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", line)
    return line


# -- measures ----------------------------------------------------------------------------------


def false_alarms(sents: list[list[str]], level: float | str, show: int = 0) -> dict[str, object]:
    words = sum(word_count(t) for t in sents)
    t0 = time.perf_counter()
    c0 = time.process_time()
    results = []
    for k in range(0, len(sents), 50):  # a document's worth of sentences per batch
        results += scan(sents[k : k + 50], level)
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - c0
    slips = sum(len(s) for s, _d in results)
    drops = sum(len(d) for _s, d in results)
    examples: list[str] = []
    for toks, (s, d) in zip(sents, results, strict=True):
        if show and (s or d) and len(examples) < show:
            marks = [f"{toks[x.index]}->{x.alternative} ({x.score:.1f})" for x in s]
            marks += [f"+{x.word} before {toks[x.index]!r} ({x.score:.1f})" for x in d]
            examples.append(" ".join(toks) + "\n      " + "; ".join(marks))
    return {
        "words": words,
        "slips": slips,
        "drops": drops,
        "slip_per_k": 1000 * slips / max(words, 1),
        "drop_per_k": 1000 * drops / max(words, 1),
        "seconds": elapsed,
        "cpu": cpu,
        "examples": examples,
    }


def inject_slips(sents: list[list[str]], seed: int) -> list[tuple[list[str], int, str, str]]:
    """One confusion-set word per sentence swapped for another member of its set."""
    rng = random.Random(seed)
    conf = confusion_sets()
    out = []
    for toks in sents:
        spots = [i for i, t in enumerate(toks) if t.islower() and t in conf]
        if not spots:
            continue
        i = rng.choice(spots)
        wrong = rng.choice(conf[toks[i]])
        bad = list(toks)
        bad[i] = wrong
        out.append((bad, i, toks[i], wrong))
    return out


def inject_edits(sents: list[list[str]], seed: int) -> list[tuple[list[str], int, str, str]]:
    """One frequent word per sentence turned into a real word one edit away ("for" -> "fir",
    "the" -> "he"): the slips no list holds (``slip_scores.edit_candidates``)."""
    rng = random.Random(seed)
    frequent = set(edit_candidates().frequent)
    out = []
    for toks in sents:
        spots = [i for i, t in enumerate(toks) if t in frequent and _edit_slips(t)]
        if not spots:
            continue
        i = rng.choice(spots)
        wrong = rng.choice(_edit_slips(toks[i]))
        bad = list(toks)
        bad[i] = wrong
        out.append((bad, i, toks[i], wrong))
    return out


@functools.cache
def _edit_slips(word: str) -> tuple[str, ...]:
    """Real words one edit from ``word`` that the detector would weigh against it: words the
    lexicon knows as ordinary lowercase words, and whose candidates hold ``word``."""
    from draftlint.lexicon.lexicon import get_lexicon
    from draftlint.lexicon.store import LOWER, RARE

    lexicon = get_lexicon()
    letters = "abcdefghijklmnopqrstuvwxyz"
    edits = {word[:i] + word[i + 1 :] for i in range(len(word))}
    edits |= {word[:i] + c + word[i + 1 :] for i in range(len(word)) for c in letters}
    edits |= {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in letters}
    edits |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    cands = edit_candidates()
    out = []
    for w in sorted(edits - {word}):
        zipf, flags = lexicon.entry(w)
        if flags & LOWER and not flags & RARE and zipf >= 2.5 and word in cands.get(w, ()):
            out.append(w)
    return tuple(out)


def inject_drops(sents: list[list[str]], seed: int) -> list[tuple[list[str], int, str]]:
    """One function word (of DROPPABLE) per sentence deleted; never the first or last word."""
    rng = random.Random(seed)
    droppable = set(DROPPABLE)
    out = []
    for toks in sents:
        last_word = max((i for i, t in enumerate(toks) if WORD.search(t)), default=-1)
        spots = [i for i, t in enumerate(toks) if t in droppable and 0 < i < last_word]
        if not spots:
            continue
        i = rng.choice(spots)
        out.append((toks[:i] + toks[i + 1 :], i, toks[i]))
    return out


def _scan_all(sents: list[list[str]], level: float | str) -> list:
    out = []
    for k in range(0, len(sents), 50):
        out += scan(sents[k : k + 50], level)
    return out


def slip_recall(
    cases: list[tuple[list[str], int, str, str]], level: float | str
) -> dict[str, object]:
    found = fixed = 0
    by_pair: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for (_bad, i, right, wrong), (slips, _d) in zip(
        cases, _scan_all([c[0] for c in cases], level), strict=True
    ):
        hits = [s for s in slips if s.index == i]
        key = f"{wrong}->{right}"
        by_pair[key][1] += 1
        if hits:
            found += 1
            by_pair[key][0] += 1
            fixed += hits[0].alternative.lower() == right
    return {"n": len(cases), "found": found, "fixed": fixed, "by_pair": by_pair}


def drop_recall(cases: list[tuple[list[str], int, str]], level: float | str) -> dict[str, object]:
    found = fixed = 0
    by_word: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for (_bad, i, right), (_s, drops) in zip(
        cases, _scan_all([c[0] for c in cases], level), strict=True
    ):
        hits = [d for d in drops if d.index == i]
        by_word[right][1] += 1
        if hits:
            found += 1
            by_word[right][0] += 1
            fixed += hits[0].word == right
    return {"n": len(cases), "found": found, "fixed": fixed, "by_word": by_word}


# -- M2 (gold edits) ---------------------------------------------------------------------------


def read_m2(path: Path, annotator: int | None = None) -> Iterator[tuple[list[str], list[tuple]]]:
    """(source tokens, [(start, end, correction tokens), ...]) per sentence."""
    toks: list[str] = []
    edits: list[tuple] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("S "):
            toks = line[2:].split()
            edits = []
        elif line.startswith("A "):
            fields = line[2:].split("|||")
            start, end = (int(x) for x in fields[0].split())
            if annotator is not None and int(fields[-1]) != annotator:
                continue
            if fields[1] in ("noop", "UNK"):
                continue
            edits.append((start, end, fields[2].split()))
        elif not line.strip() and toks:
            yield toks, edits
            toks = []


def m2_recall(path: Path, level: float) -> dict[str, int]:
    """Recall on gold edits that are our kinds: a confusion-set swap, a DROPPABLE insertion."""
    conf = confusion_sets()
    droppable = set(DROPPABLE)
    r = collections.Counter()
    for toks, edits in read_m2(path):
        seen: set[tuple] = set()
        slips = drops = None
        for start, end, corr in edits:
            key = (start, end, tuple(corr))
            if key in seen:
                continue
            seen.add(key)
            if end == start + 1 and len(corr) == 1:
                src = toks[start].lower()
                if corr[0].lower() in conf.get(src, ()):
                    if slips is None:
                        slips = find_real_word_slips(toks, level)
                    r["slip_n"] += 1
                    hit = [s for s in slips if s.index == start]
                    r["slip_found"] += bool(hit)
                    r["slip_fixed"] += bool(hit) and hit[0].alternative.lower() == corr[0].lower()
            elif end == start and len(corr) == 1 and corr[0].lower() in droppable and 0 < start:
                if drops is None:
                    drops = find_dropped_words(toks, level)
                r["drop_n"] += 1
                hit = [d for d in drops if d.index == start]
                r["drop_found"] += bool(hit)
                r["drop_fixed"] += bool(hit) and hit[0].word == corr[0].lower()
    return dict(r)


# -- training the decision weights ---------------------------------------------------------------


def fit_logistic(X: np.ndarray, y: np.ndarray, penalty: np.ndarray) -> np.ndarray:
    """Logistic regression by Newton's method with an L2 penalty per column (0 = unpenalised)."""
    beta = np.zeros(X.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(X @ beta)))
        grad = X.T @ (p - y) + penalty * beta
        hess = (X * (p * (1 - p))[:, None]).T @ X + np.diag(penalty) + 1e-9 * np.eye(len(beta))
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta


def _fit(
    neg: np.ndarray,
    pos: np.ndarray,
    neg_labels: list[str],
    pos_labels: list[str],
    label_set: list[str],
    words: int,
    l2: float,
    slope_set: tuple[str, ...] = (),
) -> dict[str, object]:
    """Logistic weights: features (standardised while fitting, folded back), a bias per label
    and, for the labels in ``slope_set``, an extra slope on feature 0 (the log ratio)."""
    X = np.vstack([neg, pos])
    y = np.r_[np.zeros(len(neg)), np.ones(len(pos))]
    labels = neg_labels + pos_labels
    mu = X.mean(axis=0)
    sd = X.std(axis=0)
    sd[sd == 0] = 1.0
    index = {lab: k for k, lab in enumerate(label_set)}
    onehot = np.zeros((len(X), len(label_set)))
    for r, lab in enumerate(labels):
        if lab in index:
            onehot[r, index[lab]] = 1.0
    sindex = {lab: k for k, lab in enumerate(slope_set)}
    slopes = np.zeros((len(X), len(slope_set)))
    for r, lab in enumerate(labels):
        if lab in sindex:
            slopes[r, sindex[lab]] = X[r, 0]
    design = np.column_stack([np.ones(len(X)), (X - mu) / sd, onehot, slopes])
    # features shrink with ``l2``; the per-label biases and slopes less (``l2 / 6``), so that a
    # pair with few clean uses ("ad" for "and") can earn its own prior
    penalty = np.r_[
        0.0, np.full(X.shape[1], l2), np.full(onehot.shape[1] + slopes.shape[1], l2 / 6)
    ]
    beta = fit_logistic(design, y, penalty)
    nf = X.shape[1]
    nl = len(label_set)
    weights = beta[1 : 1 + nf] / sd
    intercept = float(beta[0] - (beta[1 : 1 + nf] * mu / sd).sum())
    bias = {
        lab: round(float(b), 5)
        for lab, b in zip(label_set, beta[1 + nf : 1 + nf + nl], strict=True)
        if abs(b) > 1e-4
    }
    slope = {lab: round(float(b), 5) for lab, b in zip(slope_set, beta[1 + nf + nl :], strict=True)}
    z_neg = (
        intercept
        + neg @ weights
        + np.array([bias.get(x, 0.0) for x in neg_labels])
        + np.array([slope.get(x, 0.0) for x in neg_labels]) * neg[:, 0]
    )
    z_sorted = np.sort(z_neg)[::-1]
    calibration = []
    for rate in (
        0.003,
        0.005,
        0.01,
        0.02,
        0.03,
        0.05,
        0.07,
        0.1,
        0.15,
        0.2,
        0.3,
        0.5,
        0.7,
        1.0,
        2.0,
        3.0,
        5.0,
        10.0,
    ):
        k = int(rate * words / 1000)
        if k == 0:
            z = z_sorted[0] + 0.01
        elif k >= len(z_sorted):
            z = z_sorted[-1]
        else:
            z = (z_sorted[k - 1] + z_sorted[k]) / 2
        calibration.append([rate, round(float(z), 5)])
    return {
        "intercept": round(intercept, 6),
        "weights": [round(float(w), 6) for w in weights],
        "bias": bias,
        "slope": slope,
        "calibration": calibration,
    }


def _fit_slips(
    sents: list[list[str]],
    cases: list[tuple[list[str], int, str, str]],
    confusions: Mapping[str, tuple[str, ...]],
    words: int,
    slopes: bool,
) -> dict:
    """Slip weights from clean sentences (negatives) and injected slips (positives)."""
    model = get_model()
    sc = score_slips(sents, confusions=confusions)
    si = score_slips([bad for bad, _i, _r, _w in cases], confusions=confusions)
    want = {(k, i) for k, (_b, i, _r, _w) in enumerate(cases)}
    rows = [k for k, (s, t) in enumerate(zip(si.sentence, si.token, strict=True)) if (s, t) in want]
    neg_labels = _slip_labels(sc)
    pos_labels = [_slip_labels(si)[k] for k in rows]
    # a bias for every pair seen 20 times (clean or injected): rare written words such as "ad"
    # have few clean uses, and their bias is what lets "political ad institutional" through
    counts = collections.Counter(neg_labels)
    seen = collections.Counter(neg_labels + pos_labels)
    pairs = sorted(p for p, c in seen.items() if c >= 20)
    common = tuple(sorted(p for p, c in counts.items() if c >= 300)) if slopes else ()
    fitted = _fit(
        slip_features(sc, model),
        slip_features(si, model)[rows],
        neg_labels,
        pos_labels,
        pairs,
        words,
        l2=3.0,
        slope_set=common,
    )
    fitted["features"] = list(SLIP_FEATURES)
    return fitted


def train(sents: list[list[str]], seed: int, path: Path, note: str) -> None:
    """Fit both checks' weights on clean sentences (negatives) and injected errors (positives)."""
    model = get_model()
    conf = confusion_sets()
    words = sum(word_count(t) for t in sents)
    # real-word slips
    slip = _fit_slips(sents, inject_slips(sents, seed), confusion_sets(), words, slopes=True)
    # dropped words
    gs = score_gaps(sents, max_bigram_lp=GAP_MAX_BIGRAM_LP)
    dcases = inject_drops(sents, seed)
    gi = score_gaps([bad for bad, _i, _r in dcases], max_bigram_lp=GAP_MAX_BIGRAM_LP)
    want = {(k, i) for k, (_b, i, _r) in enumerate(dcases)}
    rows = [k for k, (s, t) in enumerate(zip(gi.sentence, gi.token, strict=True)) if (s, t) in want]
    gap = _fit(
        gap_features(gs, model),
        gap_features(gi, model)[rows],
        list(gs.word),
        [gi.word[k] for k in rows],
        list(INSERTABLE),
        words,
        l2=3.0,
    )
    gap["features"] = list(GAP_FEATURES)
    del conf
    import json

    path.write_text(
        json.dumps(
            {
                "version": 1,
                "trained_on": note,
                "words": words,
                "slip": slip,
                "gap": gap,
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {path} ({words} words of training text)")


def train_edit(sents: list[list[str]], seed: int, path: Path) -> None:
    """Fit the weights of the generated alternatives ("edit") and add them to ``path``,
    leaving the listed sets' ("slip") and the dropped words' ("gap") as they are."""
    import json

    conf = edit_candidates()
    words = sum(word_count(t) for t in sents)
    cases = inject_edits(sents, seed)
    edit = _fit_slips(sents, cases, conf, words, slopes=False)
    weights = json.loads(path.read_text(encoding="utf-8"))
    weights["edit"] = edit
    weights["edit_trained_on"] = f"{words} words; {len(cases)} injected one-edit slips, seed {seed}"
    path.write_text(json.dumps(weights, indent=1) + "\n", encoding="utf-8")
    print(f"wrote the edit weights to {path} ({len(cases)} injected slips)")


# -- speed -------------------------------------------------------------------------------------


LOAD_PROBE = """
import time, resource
t0 = time.perf_counter()
import numpy
t1 = time.perf_counter()
from draftlint.context.model import get_model
from draftlint.context.slip_scores import edit_candidates
m = get_model()
m.logprob("political", "and", "institutional")
t2 = time.perf_counter()
def rss_kb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
print(t1 - t0, t2 - t1, t2 - t0, rss_kb())
"""


def load_probe() -> tuple[float, float, float, int, int]:
    base = subprocess.run(
        [
            sys.executable,
            "-c",
            "import numpy; print([int(x.split()[1]) for x in "
            "open('/proc/self/status') if x.startswith('VmHWM:')][0])",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    out = subprocess.run(
        [sys.executable, "-c", LOAD_PROBE], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), float(out[1]), float(out[2]), int(out[3]), int(base.stdout)


def pct(a: int, b: int) -> str:
    return f"{100 * a / max(b, 1):5.1f}% ({a}/{b})"


def report_dev(name: str, sents: list[list[str]], level: float | str, seed: int, show: int) -> None:
    clean = false_alarms(sents, level, show)
    words = clean["words"]
    print(f"\n{name}: {len(sents)} sentences, {words} words")
    print(
        f"  speed: {words / clean['cpu']:,.0f} words per CPU second, "
        f"{words / clean['seconds']:,.0f} per wall second (both checks, batches of 50 "
        f"sentences; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    )
    print(
        f"  false alarms / 1k words: slips {clean['slip_per_k']:.3f} ({clean['slips']}), "
        f"dropped {clean['drop_per_k']:.3f} ({clean['drops']}), "
        f"total {clean['slip_per_k'] + clean['drop_per_k']:.3f}"
    )
    for ex in clean["examples"]:
        print("   ", ex)
    sr = slip_recall(inject_slips(sents, seed), level)
    dr = drop_recall(inject_drops(sents, seed), level)
    print(
        f"  real-word slip recall: found {pct(sr['found'], sr['n'])}, "
        f"fixed {pct(sr['fixed'], sr['n'])}"
    )
    print(
        f"  dropped-word recall:   found {pct(dr['found'], dr['n'])}, "
        f"fixed {pct(dr['fixed'], dr['n'])}"
    )
    top = sorted(dr["by_word"].items(), key=lambda kv: -kv[1][1])
    print("   dropped, by word: " + ", ".join(f"{w} {a}/{n}" for w, (a, n) in top))
    top = sorted(sr["by_pair"].items(), key=lambda kv: -kv[1][1])[:30]
    print("   slips, by pair (top 30): " + ", ".join(f"{w} {a}/{n}" for w, (a, n) in top))


def record_weights() -> None:
    """Note the refitted weights, and what fitted them, in data/ngram/MANIFEST.json."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    from data_manifest import write_manifest

    recipe = {
        "command": "PYTHONPATH=src python bench/context_bench.py --train",
        "files": ["bench/context_bench.py"],
        "sources": {"fitted on": "bbc_news/dev odd-numbered files, errors injected"},
    }
    write_manifest(
        WEIGHTS_FILE.parent, {"context_bench": recipe}, {WEIGHTS_FILE.name: "context_bench"}
    )


def main(argv: list[str] | None = None) -> int:
    root = Path(__file__).resolve().parents[1]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=root.parent / "shared" / "corpus")
    parser.add_argument("--sensitivity", default="0.5")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=0, help="print N false-alarm examples")
    parser.add_argument(
        "--train",
        action="store_true",
        help=f"refit {WEIGHTS_FILE.name} on the odd-numbered dev files first",
    )
    parser.add_argument("--quick", action="store_true", help="held-out dev half only")
    parser.add_argument(
        "--train-edit",
        action="store_true",
        help='refit only the generated alternatives\' weights ("edit") on the odd dev files',
    )
    args = parser.parse_args(argv)
    try:
        level: float | str = float(args.sensitivity)
    except ValueError:
        level = args.sensitivity

    files = sorted((args.corpus / "bbc_news" / "dev").glob("*.txt"))
    train_files, test_files = files[1::2], files[0::2]

    def load(fs: list[Path]) -> list[list[str]]:
        return [tokenize(s) for f in fs for s in sentences(f.read_text(encoding="utf-8"))]

    if args.train_edit and not args.train:
        train_edit(load(train_files), args.seed + 200, WEIGHTS_FILE)
        record_weights()
    if args.train:
        train(
            load(train_files),
            args.seed + 100,
            WEIGHTS_FILE,
            "bbc_news/dev, files 1, 3, 5 ... of the sorted list (426 articles); injected errors, "
            f"seed {args.seed + 100}",
        )
        train_edit(load(train_files), args.seed + 200, WEIGHTS_FILE)
        record_weights()

    load_t = load_probe()
    print(
        f"model load in a fresh process: numpy import {1000 * load_t[0]:.0f} ms, "
        f"model {1000 * load_t[1]:.0f} ms, total {1000 * load_t[2]:.0f} ms; "
        f"max RSS {load_t[3] / 1024:.0f} MB (python+numpy alone {load_t[4] / 1024:.0f} MB)"
    )
    print(f"sensitivity {level}")

    report_dev(
        f"bbc_news/dev held-out half (files 0, 2, 4 ...: {len(test_files)} articles, "
        "not used in training)",
        load(test_files),
        level,
        args.seed,
        args.show,
    )
    if args.quick:
        return 0
    report_dev(
        f"bbc_news/dev all {len(files)} articles (half of them trained on)",
        load(files),
        level,
        args.seed,
        0,
    )

    for name, paths, fix in (
        (
            "jfleg dev+test ref0",
            [
                args.corpus / "jfleg" / "dev" / "dev.ref0",
                args.corpus / "jfleg" / "test" / "test.ref0",
            ],
            detok,
        ),
        ("cweb ann1 (G+S dev+test)", sorted((args.corpus / "cweb" / "raw").glob("*.ann1")), None),
    ):
        lines = [
            ln for p in paths for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()
        ]
        toks = [tokenize(fix(ln) if fix else ln) for ln in lines]
        fa = false_alarms(toks, level, args.show)
        print(
            f"\n{name}: {len(toks)} sentences, {fa['words']} words; false alarms / 1k words: "
            f"slips {fa['slip_per_k']:.3f} ({fa['slips']}), dropped {fa['drop_per_k']:.3f} "
            f"({fa['drops']})"
        )
        for ex in fa["examples"]:
            print("   ", ex)

    for name, paths in (
        ("jfleg m2 (dev+test, 4 refs)", sorted((args.corpus / "jfleg" / "m2").glob("*.m2"))),
        (
            "cweb m2 (both annotators)",
            [p for p in sorted((args.corpus / "cweb" / "m2").glob("*.m2")) if ".ann" not in p.name],
        ),
    ):
        total: collections.Counter[str] = collections.Counter()
        for p in paths:
            total.update(m2_recall(p, level))
        print(
            f"\n{name}: slip edits found {pct(total['slip_found'], total['slip_n'])}, "
            f"fixed {total['slip_fixed']}; dropped-word edits found "
            f"{pct(total['drop_found'], total['drop_n'])}, fixed {total['drop_fixed']}"
        )

    print(
        f"\npeak RSS of this run: "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
