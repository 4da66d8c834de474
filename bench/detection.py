"""Detection on real people's errors placed in real news text: recall and false alarms by kind.

    python bench/detection.py [--half report|tune] [--per-kind N] [--seed S] [--show K]

An evaluation set built from public error lists, not from draftlint's own injector
(bench/quality.py): each defect below is taken from a published list or corpus of errors that
people made, and placed in a sentence of a clean BBC article (``bbc_news/dev``) where its
correct form occurs. Both the articles and the error words are split in two halves, the
"tune" half (odd-numbered articles; words whose CRC-32 is odd) and the "report" half (the
others): thresholds are set looking at the tune half only, and the figures quoted in issues
come from the report half, texts and words that tuning never saw.

Kinds (expected codes; a finding counts when it overlaps the defect):

  typo          a keyboard slip (a neighbouring key pressed instead or as well, a letter
                dropped, two swapped) in a lowercase word of 4+ letters of the article,
                when the result is no English word                      SP101 (or WS10x)
  misspelt      Birkbeck, Holbrook and Aspell misspellings (Mitton's corpora) that are no
                English word, of lowercase words                         SP101 (or WS10x)
  listed        Wikipedia's lists of common misspellings ("accomodate")   SP101/SP201
  cap-typo      misspellings of capitalised words: the lists' capitalised entries
                ("Febuary", "Austrailia") and keyboard slips of the article's own
                frequent capitalised words (days, months, places)       SP101 (or CN201)
  join-lower    two lowercase words of the article run together          WS102
  join-cap      two capitalised words of the article run together ("RexTillerson") WS101
  join-punct    the space after a sentence's full stop or a comma dropped ("month.The")  WS103
  unclosed      a quotation's closing mark removed, straight or curly     QT101
  slip          real-word errors people made (CWEB and JFLEG corrections where one word
                replaced a similar word: "form" for "from", "then" for "than")  GR101
  slip-edit     a frequent function word replaced by a real word one keystroke away
                ("he" for "the", "ad" for "and", "fir" for "for")      GR101

Recall is given at warning-or-above (what a default `--fail-on warning` run fails on) and
at any severity; "first" is the share whose first suggestion restores the original. False
alarms: findings on the clean articles of the same half, per 1,000 words, by family, with the
ones a hand judgement found to be real errors in the published text
(bench/adjudicated/bbc-news-dev.tsv) left out. Never point this at bbc_news/heldout.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from draftlint.config.settings import Config  # noqa: E402
from draftlint.context.slip_scores import dialect_pairs, is_inflection  # noqa: E402
from draftlint.drafts import formats  # noqa: E402
from draftlint.lexicon.edits import osa_distance  # noqa: E402
from draftlint.lexicon.lexicon import get_lexicon  # noqa: E402
from draftlint.lexicon.store import LOWER, RARE  # noqa: E402
from draftlint.run.lint import lint_document, select_rules  # noqa: E402
from draftlint.violation import Severity, Violation  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
ADJUDICATED = ROOT / "bench" / "adjudicated" / "bbc-news-dev.tsv"
WORD = re.compile(r"(?<![\w'\u2019.-])[A-Za-z]+(?![\w'\u2019-])")
SPELLING = ("SP101", "SP201", "WS101", "WS102")
EXPECTED: dict[str, tuple[str, ...]] = {
    "typo": SPELLING,
    "misspelt": SPELLING,
    "listed": SPELLING,
    # a slip of a name the draft spells right elsewhere ("Mr Howsrd" beside "Michael Howard")
    # is a name spelt two ways (CN201), reported at the slip with the draft's spelling
    "cap-typo": (*SPELLING, "CN201"),
    "join-lower": ("WS102", "WS101", "SP101"),
    "join-cap": ("WS101", "WS102", "SP101"),
    "join-punct": ("WS103",),
    "unclosed": ("QT101",),
    "slip": ("GR101", "GR103"),  # a slip of number ("this medicines") is also agreement
    "slip-edit": ("GR101",),
}
#: Frequent function words whose one-keystroke real-word slips the "slip-edit" kind makes.
FUNCTION = "the and to of for from in on at is was that with as by it he be are or an this".split()
KEYBOARD = {
    c: n
    for row in ("qwertyuiop", "asdfghjkl", "zxcvbnm")
    for i, c in enumerate(row)
    for n in [row[max(0, i - 1) : i] + row[i + 1 : i + 2]]
}


def half_of_word(word: str) -> str:
    return "tune" if zlib.crc32(word.lower().encode()) % 2 else "report"


@dataclass(frozen=True)
class Defect:
    kind: str
    name: str  # article
    text: str  # the article with the defect
    start: int
    end: int
    original: str  # what the span said before
    made: str  # what it says now


# ------------------------------------------------------------------ the error sources
def mitton(files: tuple[str, ...]) -> list[tuple[str, str]]:
    """(misspelling, correct) from Mitton's .dat files: "$correct" then its misspellings."""
    pairs = []
    for name in files:
        correct = None
        for raw in (CORPUS / "misspellings" / "mitton" / name).read_text("latin-1").splitlines():
            word = raw.split()[0] if raw.split() else ""
            if word.startswith("$"):
                correct = word[1:].replace("_", " ")
            elif word and correct:
                pairs.append((word.replace("_", " "), correct))
    return pairs


def wikipedia_lists() -> list[tuple[str, str]]:
    path = CORPUS / "misspellings" / "wikipedia_for_machines" / "spell_corrections.json"
    pairs = list(json.loads(path.read_text(encoding="utf-8")).items())
    return pairs + mitton(("wikipedia.dat",))


def m2_slips() -> list[tuple[str, str]]:
    """(written, meant): one word replaced by a similar real word, in CWEB and JFLEG
    corrections and in Mitton's corpora (Birkbeck, Holbrook: "omitted" for "admitted")."""
    lexicon = get_lexicon()
    pairs = [
        (w, c)
        for w, c in mitton(("missp.dat", "holbrook-missp.dat", "aspell.dat"))
        if w.isalpha()
        and c.isalpha()
        and w.islower()
        and c.islower()
        and w != c
        and lexicon.entry(w)[1] & LOWER
        and not lexicon.entry(w)[1] & RARE
        and lexicon.zipf(w) >= 2.5
        and osa_distance(w, c) <= 2
        and not is_inflection(w, c)
        and min(len(w), len(c)) > 1
        and {w, c} != {"a", "an"}
        and frozenset({w, c}) not in dialect_pairs()
    ]
    files = [*(CORPUS / "cweb" / "m2").glob("*.m2"), *(CORPUS / "jfleg" / "m2").glob("*.m2")]
    for path in sorted(files):
        tokens: list[str] = []
        for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if raw.startswith("S "):
                tokens = raw[2:].split()
            elif raw.startswith("A "):
                where, kind, corr = raw[2:].split("|||")[:3]
                a, b = (int(x) for x in where.split())
                if not kind.startswith("R:") or b != a + 1 or " " in corr or kind in _GRAMMAR:
                    continue
                orig = tokens[a] if a < len(tokens) else ""
                if orig.isalpha() and corr.isalpha() and orig.islower() and corr.islower():
                    close = (
                        osa_distance(orig, corr) <= 2
                        and orig[:1] == corr[:1]
                        or (osa_distance(orig, corr) == 1)
                    )
                    if close and orig != corr and lexicon.is_word(orig) and lexicon.is_word(corr):
                        pairs.append((orig, corr))
    return pairs


#: ERRANT's grammatical replacements (inflection, agreement, tense): not slips of the pen.
_GRAMMAR = {
    "R:VERB:SVA",
    "R:NOUN:NUM",
    "R:VERB:FORM",
    "R:VERB:TENSE",
    "R:NOUN:INFL",
    "R:VERB:INFL",
    "R:ADJ:FORM",
    "R:ORTH",
    "R:WO",
    "R:MORPH",
    "R:CONTR",
    "R:NOUN:POSS",
}


# ------------------------------------------------------------------ placing them
class Articles:
    def __init__(self, paths: list[Path]) -> None:
        self.texts = {p.name: p.read_text(encoding="utf-8") for p in paths}
        self.where: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for name, text in self.texts.items():
            body = text.index("\n") + 1 if "\n" in text else 0  # not in the headline
            for m in WORD.finditer(text, body):
                self.where[m.group()].append((name, m.start()))

    def occurrences(self, word: str) -> list[tuple[str, int]]:
        return self.where.get(word, [])


def replace_word(
    kind: str, arts: Articles, pairs: list[tuple[str, str]], rng: random.Random, n: int
) -> Iterator[Defect]:
    """Put each (wrong, right) pair where ``right`` occurs in an article: one defect each."""
    rng.shuffle(pairs)
    used: set[str] = set()
    made = 0
    for wrong, right in pairs:
        if made >= n:
            return
        if wrong in used or " " in right or " " in wrong:
            continue
        spots = arts.occurrences(right)
        if not spots:
            continue
        name, start = rng.choice(spots)
        text = arts.texts[name]
        used.add(wrong)
        made += 1
        new = text[:start] + wrong + text[start + len(right) :]
        yield Defect(kind, name, new, start, start + len(wrong), right, wrong)


def typo_pairs(half: str) -> list[tuple[str, str]]:
    lexicon = get_lexicon()
    pairs = mitton(("missp.dat", "holbrook-missp.dat", "aspell.dat"))
    return [
        (w, c)
        for w, c in pairs
        if c.islower()
        and w.isalpha()
        and len(c) >= 3
        and half_of_word(c) == half
        and not lexicon.is_word(w)
        and osa_distance(w.lower(), c) <= 3
    ]


def keyboard_pairs(arts: Articles, half: str, rng: random.Random) -> list[tuple[str, str]]:
    """A keyboard slip of each lowercase word of 4+ letters the half's articles use."""
    lexicon = get_lexicon()
    pairs = []
    for word in sorted(arts.where):
        if word.islower() and len(word) >= 4 and half_of_word(word) == half:
            slip = keyboard_slip(word, rng)
            if slip and slip != word and not lexicon.is_word(slip):
                pairs.append((slip, word))
    return pairs


def listed_pairs(half: str) -> list[tuple[str, str]]:
    lexicon = get_lexicon()
    return [
        (w, c)
        for w, c in wikipedia_lists()
        if c.islower() and w.isalpha() and half_of_word(c) == half and not lexicon.is_word(w)
    ]


def cap_pairs(arts: Articles, half: str, rng: random.Random) -> list[tuple[str, str]]:
    """Listed misspellings of capitalised words, and keyboard slips of frequent ones."""
    lexicon = get_lexicon()
    listed = [
        (w, c)
        for w, c in [*wikipedia_lists(), *mitton(("missp.dat", "holbrook-missp.dat"))]
        if c[:1].isupper()
        and c[1:].islower()
        and w[:1].isupper()
        and w.isalpha()
        and half_of_word(c) == half
        and not lexicon.is_word(w)
        and osa_distance(w, c) <= 2
    ]
    made = []
    for word in arts.where:
        if not (word[:1].isupper() and word[1:].islower() and len(word) >= 5):
            continue
        if half_of_word(word) != half or lexicon.zipf(word) < 4.0 or lexicon.is_word(word.lower()):
            continue  # a frequent capitalised word that is no lowercase word: a name
        slip = keyboard_slip(word, rng)
        if slip and not lexicon.is_word(slip) and slip.lower() not in arts.where:
            made.append((slip, word))
    return listed + made


def keyboard_slip(word: str, rng: random.Random) -> str | None:
    i = rng.randrange(1, len(word))
    how = rng.choice(("sub", "del", "ins", "swap"))
    c = word[i]
    if how == "sub" and KEYBOARD.get(c):
        return word[:i] + rng.choice(KEYBOARD[c]) + word[i + 1 :]
    if how == "del":
        return word[:i] + word[i + 1 :]
    if how == "ins" and KEYBOARD.get(c):
        return word[:i] + rng.choice(KEYBOARD[c]) + word[i:]
    if how == "swap" and i + 1 < len(word) and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return None


def slip_edit_pairs(rng: random.Random) -> list[tuple[str, str]]:
    """A function word and every real word one edit away that people write (zipf >= 3)."""
    lexicon = get_lexicon()
    letters = "abcdefghijklmnopqrstuvwxyz"
    pairs = []
    for word in FUNCTION:
        edits = {word[:i] + word[i + 1 :] for i in range(len(word))}
        edits |= {word[:i] + c + word[i + 1 :] for i in range(len(word)) for c in letters}
        edits |= {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in letters}
        for slip in sorted(edits - {word}):
            zipf, flags = lexicon.entry(slip)
            if len(slip) > 1 and flags & LOWER and not flags & RARE and zipf >= 3.0:
                pairs.append((slip, word))  # a real, ordinary word ("fir"), not "rs" or "wt"
    rng.shuffle(pairs)
    return pairs


def joins(kind: str, arts: Articles, rng: random.Random, n: int) -> Iterator[Defect]:
    names = sorted(arts.texts)
    rng.shuffle(names)
    for name in names[: n * 2]:
        text = arts.texts[name]
        body = text.index("\n") + 1
        if kind == "join-punct":
            spots = [m for m in re.finditer(r"([a-z]{2,}[.,]) ([A-Za-z][a-z]+)", text[body:])]
        elif kind == "join-cap":
            spots = list(re.finditer(r"(?<=[a-z,] )([A-Z][a-z]+) ([A-Z][a-z]{2,})\b", text[body:]))
        else:
            spots = list(re.finditer(r"\b([a-z]{2,}) ([a-z]{3,})\b", text[body:]))
        if not spots:
            continue
        m = rng.choice(spots)
        start = body + m.start()
        joined = m.group(1) + m.group(2)
        new = text[:start] + joined + text[body + m.end() :]
        yield Defect(kind, name, new, start, start + len(joined), m.group(), joined)
        n -= 1
        if n <= 0:
            return


def unclosed(arts: Articles, rng: random.Random, n: int) -> Iterator[Defect]:
    """Drop a quotation's closing mark; every other article's quotes are made curly first.

    Quotations are the article's own pairs, read per paragraph (marks 1-2, 3-4 ...) where a
    paragraph's marks pair up. A paragraph's last closing mark is dropped only where the next
    paragraph does not open with a mark (that would be the running-quote convention)."""
    names = sorted(arts.texts)
    rng.shuffle(names)
    for k, name in enumerate(names):
        text = arts.texts[name]
        curly = k % 2 == 1
        spots = []
        paragraphs = list(re.finditer(r"[^\n]+", text))
        for p_index, para in enumerate(paragraphs[1:], start=1):  # not the headline
            marks = [m.start() for m in re.finditer('"', para.group())]
            if not marks or len(marks) % 2:
                continue
            for a, b in zip(marks[::2], marks[1::2], strict=True):
                last = b == marks[-1]
                nxt = paragraphs[p_index + 1].group()[:1] if p_index + 1 < len(paragraphs) else ""
                if last and nxt == '"':
                    continue
                spots.append((para.start() + a, para.start() + b))
        if not spots:
            continue
        if curly:
            chars = list(text)
            for a, b in spots:
                chars[a], chars[b] = "\u201c", "\u201d"
            text = "".join(chars)
        a, b = rng.choice(spots)
        new = text[:b] + text[b + 1 :]
        yield Defect("unclosed", name, new, a, b, text[a : b + 1], text[a:b])
        n -= 1
        if n <= 0:
            return


# ------------------------------------------------------------------ measuring
def lint(name: str, text: str, config: Config) -> list[Violation]:
    document = formats.parse(name, text, "text")
    return lint_document(document, select_rules(config, name), config)


def load_verdicts() -> dict[tuple[str, int, int, str], str]:
    verdicts = {}
    for raw in ADJUDICATED.read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            name, line, column, code, verdict, _why = raw.split("\t")
            verdicts[(name, int(line), int(column), code)] = verdict
    return verdicts


def clean_findings(arts: Articles, config: Config) -> dict[str, Counter]:
    verdicts = load_verdicts()
    words = 0
    out: dict[str, Counter] = {"warning+": Counter(), "info": Counter(), "real": Counter()}
    for name, text in sorted(arts.texts.items()):
        words += len(WORD.findall(text))
        for v in lint(name, text, config):
            if verdicts.get((name, v.line, v.column, v.code)) == "error":
                out["real"][v.code] += 1
            elif v.severity >= Severity.WARNING:
                out["warning+"][v.code] += 1
            else:
                out["info"][v.code] += 1
    out["words"] = Counter({"words": words})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--half", choices=("report", "tune"), default="report")
    parser.add_argument("--per-kind", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--kinds", default=",".join(EXPECTED))
    parser.add_argument("--show", type=int, default=0, help="print K missed defects per kind")
    parser.add_argument("--no-clean", action="store_true", help="skip the false-alarm pass")
    args = parser.parse_args(argv)
    files = sorted((CORPUS / "bbc_news" / "dev").glob("*.txt"))
    paths = files[1::2] if args.half == "tune" else files[0::2]
    arts = Articles(paths)
    rng = random.Random(args.seed)
    config = Config()
    n = args.per_kind
    sources: dict[str, Callable[[], Iterator[Defect]]] = {
        "typo": lambda: replace_word("typo", arts, keyboard_pairs(arts, args.half, rng), rng, n),
        "misspelt": lambda: replace_word("misspelt", arts, typo_pairs(args.half), rng, n),
        "listed": lambda: replace_word("listed", arts, listed_pairs(args.half), rng, n),
        "cap-typo": lambda: replace_word("cap-typo", arts, cap_pairs(arts, args.half, rng), rng, n),
        "join-lower": lambda: joins("join-lower", arts, rng, n),
        "join-cap": lambda: joins("join-cap", arts, rng, n),
        "join-punct": lambda: joins("join-punct", arts, rng, n),
        "unclosed": lambda: unclosed(arts, rng, n),
        "slip": lambda: replace_word(
            "slip",
            arts,
            [(w, c) for w, c in m2_slips() if half_of_word(c) == args.half],
            rng,
            n,
        ),
        "slip-edit": lambda: replace_word(
            "slip-edit",
            arts,
            [(w, c) for w, c in slip_edit_pairs(rng)] * 40,
            rng,
            n,
        ),
    }
    print(f"half: {args.half} ({len(paths)} articles of bbc_news/dev); seed {args.seed}")
    print(f"{'kind':<11} {'n':>5} {'warn+':>7} {'any':>7} {'code':>7} {'first':>7}")
    started = time.perf_counter()
    for kind in args.kinds.split(","):
        found_warn = found_any = under_code = first = total = 0
        missed: list[str] = []
        for d in sources[kind]():
            total += 1
            hits = [
                v
                for v in lint(d.name, d.text, config)
                if v.code in EXPECTED[kind] and v.span.start < d.end and d.start < v.span.end
            ]
            if hits:
                found_any += 1
                best = max(hits, key=lambda v: v.severity)
                found_warn += best.severity >= Severity.WARNING
                under_code += any(v.code == EXPECTED[kind][0] for v in hits)
                first += bool(best.suggestions) and best.suggestions[0] == d.original
            if not hits or max(v.severity for v in hits) < Severity.WARNING:
                lo = max(0, d.start - 40)
                info = f" [{max(v.severity for v in hits).label}]" if hits else ""
                missed.append(
                    f"{d.made!r} for {d.original!r}{info}: ...{d.text[lo : d.end + 30]!r}"
                )
        if total:
            print(
                f"{kind:<11} {total:>5} {found_warn / total:>7.1%} {found_any / total:>7.1%} "
                f"{under_code / total:>7.1%} {first / total:>7.1%}"
            )
        for line in missed[: args.show]:
            print("    missed", line.replace("\n", " "))
    print(f"({time.perf_counter() - started:.0f} s)")
    if not args.no_clean:
        clean = clean_findings(arts, config)
        words = clean["words"]["words"]
        print(f"\nclean articles of the {args.half} half: {words} words; per 1,000 words")
        for label, prefixes in (
            ("SP+WS1", ("SP", "WS1")),
            ("GR1", ("GR1",)),
            ("QT1", ("QT1",)),
        ):
            row = []
            for level in ("warning+", "info", "real"):
                count = sum(c for code, c in clean[level].items() if code.startswith(prefixes))
                row.append(f"{level} {1000 * count / words:.3f} ({count})")
            print(f"  {label:<7}", "  ".join(row))
        print("  by code (warning+):", dict(clean["warning+"].most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
