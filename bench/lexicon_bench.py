"""Speed and quality figures for draftlint.lexicon.lexicon.  Prints figures; asserts nothing.

    PYTHONPATH=src python bench/lexicon_bench.py [load speed coverage misspellings inject]

* load          cold load in fresh subprocesses (import + tables; first suggestion)
* speed         is_word and suggest calls per second
* coverage      BBC dev articles (clean news): unknown tokens and would-be false alarms
                per 1,000 words, top offenders
* misspellings  corpus/misspellings/pairs.tsv: flagged and suggestion accuracy per list;
                with --tune, Birkbeck is measured on a second sample of 5,000 drawn from the
                rows outside the fixed one: tune suggestion ranking there, report the fixed one
* inject        typos and run-togethers injected into BBC dev: recall, false splits
* fit           refit lexicon_suggest.WEIGHTS (softmax over each typo's candidates) on the
                Birkbeck tuning sample and the even half of the Wikipedia lists; prints them

Corpus paths come from DRAFTLINT_CORPUS (default /work/shared/corpus).  Never point this at
bbc_news/heldout: it is reserved for acceptance.
"""

from __future__ import annotations

import os
import random
import re
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from draftlint.lexicon.lexicon import get_lexicon
from draftlint.lexicon.names import classify_unknown, joined_split, learn_names, split_joined
from draftlint.lexicon.store import CAP, LOWER, RARE, UPPER

CORPUS = Path(os.environ.get("DRAFTLINT_CORPUS", "/work/shared/corpus"))
DEV = CORPUS / "bbc_news" / "dev"
PAIRS = CORPUS / "misspellings" / "pairs.tsv"
WARN = 0.5  # confidence at which the SP rule warns (see lexicon_names.Verdict)
ERROR = 0.8

TOKEN = re.compile(r"[£$€]?\w+(?:['’.\-/]\w+)*%?\.?")
TITLE_WORDS = {"Mr", "Mrs", "Ms", "Dr", "Sir", "Lord", "President", "Secretary", "Minister"}


def tokens(text: str) -> list[tuple[str, bool, bool]]:
    """(token, sentence_initial, after_title_or_capital): a simple tokeniser for benching."""
    out = []
    for para in text.split("\n"):
        prev_end, prev_tok = 0, ""
        for m in TOKEN.finditer(para):
            tok = m.group()
            if tok.endswith(".") and not re.fullmatch(r"(?:[A-Za-z]\.)+", tok):
                tok = tok[:-1]  # a full stop, not part of an initialism
            gap = para[prev_end : m.start()]
            initial = (
                not out
                or prev_end == 0
                or bool(re.search(r"[.!?:]['\"’”]?\s*$|^\s*['\"‘“]$", para[: m.start()][-4:]))
            )
            if prev_end == 0:
                initial = True
            after = bool(prev_tok[:1].isupper() and gap.strip() == "" and not initial)
            out.append((tok, initial, after))
            prev_end, prev_tok = m.end(), m.group()
    return out


def articles() -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("*.txt"))]


# ---------------------------------------------------------------------------- load
def bench_load() -> None:
    code = (
        "import time; t=time.perf_counter(); c=time.process_time();"
        "from draftlint.lexicon.lexicon import get_lexicon;"
        "L=get_lexicon(); L.is_word('colour'); t1=time.perf_counter(); c1=time.process_time();"
        "L.suggest('whaterver'); t2=time.perf_counter();"
        "print((t1-t)*1000, (c1-c)*1000, (t2-t1)*1000)"
    )
    pre = "import re, pathlib, typing, collections, functools, array, zlib, struct, bisect, math;"
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent / "src"))
    print(
        f"load average now: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores "
        "(wall times inflate under load; CPU times do not much)"
    )
    for label, src in (
        ("from a bare interpreter", code),
        ("stdlib already imported, as inside the CLI", pre + code),
    ):
        wall, cpu, first = [], [], []
        for _ in range(7):
            out = subprocess.run(
                [sys.executable, "-c", src], capture_output=True, text=True, env=env, check=True
            ).stdout.split()
            wall.append(float(out[0]))
            cpu.append(float(out[1]))
            first.append(float(out[2]))
        print(
            f"cold load ({label}): ready in {statistics.median(wall):.1f} ms wall "
            f"(min {min(wall):.1f}), {statistics.median(cpu):.1f} ms CPU; "
            f"first suggest() {statistics.median(first):.1f} ms"
        )
    bare = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append((time.perf_counter() - t) * 1000)
    print(f"(a bare `python -c pass` takes {statistics.median(bare):.1f} ms wall here)")


# --------------------------------------------------------------------------- speed
def bench_speed() -> None:
    lex = get_lexicon()
    words = [t for _, text in articles()[:200] for t, _, _ in tokens(text)]
    t = time.perf_counter()
    for w in words:
        lex._is_word(w)  # uncached
    dt = time.perf_counter() - t
    print(f"is_word uncached: {len(words) / dt:,.0f} calls/s over {len(words):,} tokens")
    t = time.perf_counter()
    for w in words:
        lex.is_word(w)
    dt = time.perf_counter() - t
    print(f"is_word cached (repeat run): {len(words) / dt:,.0f} calls/s")
    typos = [line.split("\t")[0] for line in PAIRS.read_text(encoding="utf-8").splitlines()[1:]]
    random.Random(7).shuffle(typos)
    typos = [w for w in typos if " " not in w][:400]
    t = time.perf_counter()
    for w in typos:
        lex.suggest(w)
    dt = time.perf_counter() - t
    print(f"suggest: {len(typos) / dt:,.0f} calls/s ({1000 * dt / len(typos):.1f} ms each)")


# ------------------------------------------------------------------------ coverage
def bench_coverage(show: int = 40) -> None:
    lex = get_lexicon()
    n_words = 0
    rej_lower, rej_cap = Counter(), Counter()
    flagged: dict[str, Counter] = {"warn": Counter(), "error": Counter(), "info": Counter()}
    kinds = Counter()
    splits = Counter()
    for _, text in articles():
        toks = tokens(text)
        n_words += sum(1 for t, _, _ in toks if any(c.isalpha() for c in t))
        names = learn_names(lex, toks)
        for tok, initial, _ in toks:
            if lex.is_word(tok) or classify_unknown(lex, tok, initial, names).kind == "skip":
                continue
            (rej_lower if tok[:1].islower() else rej_cap)[tok] += 1
            v = classify_unknown(lex, tok, initial, names)
            kinds[v.kind] += 1
            if v.kind == "joined":
                splits[f"{tok} -> {v.suggestions[0]}"] += 1
            if v.is_typo:
                level = (
                    "error" if v.confidence >= ERROR else "warn" if v.confidence >= WARN else "info"
                )
                flagged[level][f"{tok} -> {v.suggestions[:1]} {v.kind} {v.confidence}"] += 1
    per = 1000 / n_words
    print(f"coverage: {n_words:,} words in {len(articles())} BBC dev articles")
    print(
        f"  is_word rejects per 1,000 words: lowercase {sum(rej_lower.values()) * per:.2f}, "
        f"capitalised {sum(rej_cap.values()) * per:.2f}"
    )
    print("  verdicts on rejected tokens: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    for level in ("error", "warn", "info"):
        rate = sum(flagged[level].values()) * per
        print(f"  flagged as typo at {level}: {rate:.3f} per 1,000 words")
    print(
        f"  flagged at warning or error: "
        f"{(sum(flagged['warn'].values()) + sum(flagged['error'].values())) * per:.3f} per 1,000"
    )
    print("  top lowercase rejects:", ", ".join(f"{w} {n}" for w, n in rej_lower.most_common(show)))
    print("  top capitalised rejects:", ", ".join(f"{w} {n}" for w, n in rej_cap.most_common(show)))
    for level in ("error", "warn"):
        print(
            f"  false alarms at {level}:",
            "; ".join(f"{w} x{n}" for w, n in flagged[level].most_common(show)),
        )
    print("  info-level:", "; ".join(f"{w} x{n}" for w, n in flagged["info"].most_common(20)))


# -------------------------------------------------------------------- misspellings
def core_word(lex, word: str) -> bool:
    """Known from the standard-size dictionary alone (SCOWL <= 60, names, abbreviations;
    not the rarer words the build admits by frequency): the yardstick for 'real word'."""
    if not lex.is_word(word):
        return False
    parts = [p for p in re.split(r"[-'’]", word) if p.isalpha()]
    for part in parts:
        _, flags = lex.entry(part.lower())
        if flags & RARE or not flags & (LOWER | CAP | UPPER):
            if not (part.isupper() or lex.is_word(part) and part in lex._shared.camel):
                return False
    return True


def bench_misspellings(
    limit: int | None = None, sample_over: int = 5000, tune: bool = False
) -> None:
    """Every list in full, except those over ``sample_over`` items (Birkbeck: 34k), of which
    a fixed random sample of ``sample_over`` is taken.  ``tune``: Birkbeck lists are sampled
    instead from the rows outside that fixed sample (a disjoint tuning sample)."""
    lex = get_lexicon()
    groups: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for line in PAIRS.read_text(encoding="utf-8").splitlines()[1:]:
        miss, corr, src = line.split("\t")[:3]
        if " " not in miss:
            groups[src][miss].add(corr.lower())
    wiki = {**groups["mitton/wikipedia.dat"]}
    for m, cs in groups["wikipedia_for_machines/spell_corrections.json"].items():
        wiki.setdefault(m, set()).update(cs)
    lists = {
        "Wikipedia (both lists, merged)": wiki,
        "  mitton/wikipedia.dat": groups["mitton/wikipedia.dat"],
        "  wikipedia_for_machines": groups["wikipedia_for_machines/spell_corrections.json"],
        "Birkbeck (mitton/missp.dat)": groups["mitton/missp.dat"],
        "Birkbeck, lowercase with a lowercase target": {
            m: c
            for m, c in groups["mitton/missp.dat"].items()
            if m.islower() and all(x.islower() for x in c)
        },
        "Holbrook": groups["mitton/holbrook-missp.dat"],
        "Aspell": groups["mitton/aspell.dat"],
    }
    print(
        "misspellings: one item per distinct misspelling; a suggestion is right when it is any "
        "listed correction (case-insensitive). 'real' = the lexicon knows the misspelling as a "
        "word (a non-word checker cannot flag it)."
    )
    for name, items in lists.items():
        entries = sorted(items.items())
        cap = limit or (sample_over if len(entries) > sample_over else None)
        if cap:
            fixed = random.Random(3).sample(entries, min(cap, len(entries)))
            if tune:
                taken = {m for m, _ in fixed}
                rest = [e for e in entries if e[0] not in taken]
                entries = random.Random(4).sample(rest, min(cap, len(rest)))
                name += f" (TUNING sample of {len(entries)}, disjoint from the fixed one"
                name += f", of {len(items)})"
            else:
                entries = fixed
                name += f" (random sample of {len(entries)} of {len(items)})"
        real = flagged = top1 = top3 = typo = core = 0
        t = time.perf_counter()
        for miss, corrs in entries:
            if core_word(lex, miss):
                core += 1
            if lex.is_word(miss):
                real += 1
                continue
            flagged += 1
            v = classify_unknown(lex, miss, miss[:1].isupper())
            typo += v.is_typo and v.confidence >= WARN
            sugg = [s.lower() for s in lex.suggest(miss, limit=3)]
            top1 += bool(sugg) and sugg[0] in corrs
            top3 += bool(corrs & set(sugg))
        n = len(entries)
        dt = time.perf_counter() - t
        print(
            f"{name}: {n} misspellings; accepted as words {real} ({100 * real / n:.1f}%), "
            f"of which {core} are words of the standard dictionary; "
            f"flagged {flagged} ({100 * flagged / n:.2f}% of all, "
            f"{100 * flagged / max(n - core, 1):.2f}% of the {n - core} non-words); "
            f"classify_unknown typo>=warn "
            f"{100 * typo / max(flagged, 1):.1f}% of flagged; of flagged: first suggestion right "
            f"{100 * top1 / max(flagged, 1):.1f}%, in top 3 {100 * top3 / max(flagged, 1):.1f}% "
            f"(of all non-words: {100 * top1 / max(n - core, 1):.1f}% and "
            f"{100 * top3 / max(n - core, 1):.1f}%) [{1000 * dt / n:.1f} ms each]"
        )


# ----------------------------------------------------------------------------- fit
def _pairs() -> dict[str, dict[str, set[str]]]:
    groups: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for line in PAIRS.read_text(encoding="utf-8").splitlines()[1:]:
        miss, corr, src = line.split("\t")[:3]
        if " " not in miss:
            groups[src][miss].add(corr.lower())
    return groups


def fitting_rows() -> list[tuple[str, set[str]]]:
    """The Birkbeck tuning sample (as ``misspellings --tune`` draws it; never the fixed
    sample) and the even half of the merged Wikipedia lists."""
    groups = _pairs()
    entries = sorted(groups["mitton/missp.dat"].items())
    taken = {m for m, _ in random.Random(3).sample(entries, 5000)}
    rest = [e for e in entries if e[0] not in taken]
    wiki = {**groups["mitton/wikipedia.dat"]}
    for m, cs in groups["wikipedia_for_machines/spell_corrections.json"].items():
        wiki.setdefault(m, set()).update(cs)
    return random.Random(4).sample(rest, 5000) + sorted(wiki.items())[::2]


def bench_fit(l2: float = 0.01) -> None:
    """Maximise the probability of the right word under a softmax over each typo's
    candidates (as ``Lexicon.candidates`` gathers them), with a little L2 pull towards the
    current weights."""
    import numpy as np
    from scipy.optimize import minimize

    from draftlint.lexicon import suggest as lexicon_suggest

    lex = get_lexicon()
    seen: dict[str, tuple[float, ...]] = {}
    original = lexicon_suggest.score

    def spy(
        q: str, key: str, zipf: float, cost: float, name: bool, sound: int | None = None
    ) -> float:
        seen[key] = lexicon_suggest.features(q, key, zipf, cost, name, sound)
        return original(q, key, zipf, cost, name, sound)

    lexicon_suggest.score = spy
    groups: list[tuple[np.ndarray, np.ndarray]] = []
    try:
        for miss, corrs in fitting_rows():
            if lex.is_word(miss):
                continue
            seen.clear()
            lex._suggest_cache.clear()
            lex.candidates(miss)
            keys = list(seen)
            right = np.array([k in corrs for k in keys])
            if right.any() and not right.all():
                groups.append((np.array([seen[k] for k in keys], dtype=float), right))
    finally:
        lexicon_suggest.score = original
    w0 = np.array(lexicon_suggest.WEIGHTS, dtype=float)
    big = np.concatenate([x for x, _ in groups])
    bounds = np.cumsum([0] + [len(x) for x, _ in groups])
    right = np.concatenate([r for _, r in groups])
    starts = bounds[:-1]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = big @ w
        top = np.maximum.reduceat(s, starts)
        e = np.exp(s - np.repeat(top, np.diff(bounds)))
        z_all = np.add.reduceat(e, starts)
        z_right = np.add.reduceat(e * right, starts)
        value = -np.sum(np.log(z_right) - np.log(z_all)) + l2 * np.sum((w - w0) ** 2)
        p_all = e / np.repeat(z_all, np.diff(bounds))
        p_right = e * right / np.repeat(z_right, np.diff(bounds))
        grad = -(p_right - p_all) @ big + 2 * l2 * (w - w0)
        return value, grad

    def top3(w: np.ndarray) -> float:
        s = big @ w
        hits = 0
        for a, b in zip(bounds[:-1], bounds[1:], strict=True):
            hits += bool(right[a:b][np.argsort(-s[a:b], kind="stable")[:3]].any())
        return hits / len(groups)

    fitted = minimize(loss, w0, jac=True, method="L-BFGS-B").x
    print(f"fit: {len(groups)} typos with the right word among others, {len(big):,} candidates")
    print(
        f"  loss {loss(w0)[0]:.1f} -> {loss(fitted)[0]:.1f}; in top 3 of the candidates "
        f"{100 * top3(w0):.1f}% -> {100 * top3(fitted):.1f}%"
    )
    print("  WEIGHTS =", "(" + ", ".join(f"{v:.2f}" for v in fitted) + ")")


# -------------------------------------------------------------------------- inject
def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(len(word))
    op = rng.choice("disx")
    letters = "abcdefghijklmnopqrstuvwxyz"
    if op == "d":
        return word[:i] + word[i + 1 :]
    if op == "i":
        return word[:i] + rng.choice(letters) + word[i:]
    if op == "s":
        return word[:i] + rng.choice(letters.replace(word[i].lower(), "")) + word[i + 1 :]
    i = min(i, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def bench_inject(per_article: int = 6, seed: int = 11) -> None:
    lex = get_lexicon()
    rng = random.Random(seed)
    stats: Counter = Counter()
    misses: dict[str, list] = defaultdict(list)
    for _, text in articles():
        toks = tokens(text)
        names = learn_names(lex, toks)
        words = [(i, t, ini) for i, (t, ini, _) in enumerate(toks) if t.isalpha() and len(t) >= 4]
        for _, word, initial in rng.sample(words, min(per_article, len(words))):
            kind = "lower" if word.islower() else "capitalised"
            typo = _typo(word, rng)
            if typo == word or lex.is_word(typo) or typo.lower() == word.lower():
                stats[f"typo {kind} skipped (real word)"] += 1
                continue
            stats[f"typo {kind}"] += 1
            # the word stays a known name only if the draft uses it elsewhere too
            others = names if sum(t == word for t, _, _ in toks) > 1 else names - {word}
            v = classify_unknown(lex, typo, initial, others)
            stats[f"typo {kind} flagged>=warn"] += v.is_typo and v.confidence >= WARN
            stats[f"typo {kind} flagged any"] += v.is_typo
            stats[f"typo {kind} right first"] += bool(v.suggestions) and v.suggestions[0] == word
            if not (v.is_typo and v.confidence >= WARN):
                misses[kind].append((word, typo, v.kind, v.confidence, v.suggestions[:2]))
        pairs = [
            (a, b)
            for a, b in zip(toks, toks[1:], strict=False)
            if a[0].isalpha() and b[0].isalpha() and not b[1]
        ]
        low = [(a[0], b[0], a[1]) for a, b in pairs if a[0].islower() and b[0].islower()]
        cap = [
            (a[0], b[0], a[1])
            for a, b in pairs
            if a[0].istitle() and b[0].istitle() and a[0][1:].islower() and b[0][1:].islower()
        ]
        for kind, pool in (("lowercase", low), ("capitalised", cap)):
            for a, b, initial in rng.sample(pool, min(3, len(pool))):
                joined = a + b
                if lex.is_word(joined):
                    stats[f"join {kind} skipped (real word)"] += 1
                    continue
                stats[f"join {kind}"] += 1
                got = split_joined(lex, joined, names)
                stats[f"join {kind} split right"] += got == [a, b]
                v = classify_unknown(lex, joined, initial, names)
                stats[f"join {kind} flagged>=warn"] += v.is_typo and v.confidence >= WARN
                if got != [a, b]:
                    misses["join " + kind].append((a, b, got, v.kind))
        for tok, _, _ in toks:
            stats["clean tokens"] += 1
            split = joined_split(lex, tok, names)
            if split:
                stats["clean tokens split"] += 1
                stats["clean tokens split>=warn"] += split.confidence >= WARN
                misses["false split"].append(tok)
    for kind in ("lower", "capitalised"):
        n = stats[f"typo {kind}"]
        print(
            f"injected typos in {kind} words: {n} (+{stats[f'typo {kind} skipped (real word)']} "
            f"skipped: the typo made a real word); is_word rejects 100% by construction; "
            f"classify_unknown typo>=warn {100 * stats[f'typo {kind} flagged>=warn'] / n:.1f}%, "
            f"typo at any confidence {100 * stats[f'typo {kind} flagged any'] / n:.1f}%, "
            f"first suggestion right {100 * stats[f'typo {kind} right first'] / n:.1f}%"
        )
    for kind in ("lowercase", "capitalised"):
        n = stats[f"join {kind}"]
        print(
            f"injected run-togethers of two {kind} words: {n} "
            f"(+{stats[f'join {kind} skipped (real word)']} skipped: a real word); "
            f"split_joined right {100 * stats[f'join {kind} split right'] / n:.1f}%, "
            f"classify_unknown flags {100 * stats[f'join {kind} flagged>=warn'] / n:.1f}%"
        )
    per_million = 1e6 * stats["clean tokens split"] / stats["clean tokens"]
    print(
        f"false splits on clean tokens: {stats['clean tokens split']} of "
        f"{stats['clean tokens']:,} ({per_million:.1f} per million); "
        f"at warning or above: {stats['clean tokens split>=warn']}"
    )
    for kind, items in misses.items():
        print(f"  missed ({kind}): {items[:25]}")


def main(argv: list[str]) -> int:
    tune = "--tune" in argv
    sections = [a for a in argv if a != "--tune"]
    sections = sections or ["load", "speed", "coverage", "misspellings", "inject"]
    for section in sections:
        if section == "misspellings":
            bench_misspellings(tune=tune)
        else:
            globals()[f"bench_{section}"]()
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
