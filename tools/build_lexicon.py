"""Compile draftlint's lexicon tables from SCOWL and wordfreq.

Usage (rebuilding is only needed when the inputs or the selection rules change):

    apt-get install scowl                # SCOWL 2020.12.07 lists in /usr/share/dict/scowl
    pip install wordfreq==3.1.1
    PYTHONPATH=src python tools/build_lexicon.py [--scowl DIR]

Writes src/draftlint/data/lexicon/words.bin and deletes.bin (see draftlint.lexicon.store).

Selection, and why:
* SCOWL size <= 60 (about the standard Hunspell en_US/en_GB dictionaries), US, UK (-ise and
  -ize), Canadian and Australian spellings plus their variant_1 lists: always known.
* Rarer SCOWL words (sizes 70/80/95, variant_2): known when the web uses them (wordfreq zipf
  at or above a per-size floor) *and* they are not a near miss of a much commoner word.
  "diaster", "sherif", "curch" are real but obscure words that in practice are typos of
  "disaster", "sheriff", "church"; a checker that knows them misses those typos.
* Words only the web knows (wordfreq "large", zipf >= 3.0: "eurozone", "gameplay",
  "cybersecurity"): known unless a near miss of a commoner word ("alot", "teh", "recieve"
  are frequent on the web too, and must stay unknown).
* Names: SCOWL proper names and upper-case words up to size 80 (95 when the web uses them).
* Every other wordfreq word keeps its frequency (flags 0), so that the checker can tell a
  rare name ("peskov", zipf 1.9) from a string nobody writes ("whaterver", absent).
* Compound heads ("car", "school", "film"): words that start three closed compounds whose
  two words are a phrase in the bundled n-gram model (``mark_compound_heads``); a run-together
  after one of them may be a compound the dictionary lacks, so it is only a note.
"""

from __future__ import annotations

import argparse
import math
import re
import shutil
import sys
from collections import defaultdict
from pathlib import Path
from zlib import crc32

from data_manifest import write_manifest  # tools/, beside this script

from draftlint.lexicon.affixes import SUFFIX_WORDS
from draftlint.lexicon.edits import deletes1, osa_distance, skeleton, sound_keys
from draftlint.lexicon.store import (
    CAP,
    EXACT,
    HEAD,
    LOWER,
    RARE,
    SUGGEST,
    UPPER,
    WEB,
    write_index,
    write_table,
)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "draftlint" / "data" / "lexicon"
#: The n-gram tables that compound heads are judged by (a unigram and bigram query).
NGRAM_FILES = (
    "meta.json",
    "vocab.txt",
    "codebook.npy",
    "uni_logp.npy",
    "uni_bow.npy",
    "bi_key.npy",
    "bi_start.npy",
    "bi_logp.npy",
)
#: What the tables depend on: this script, its in-repo input, and the runtime modules whose
#: layout (store) and keys (edits: deletions, sound keys) it writes. Change one: rebuild.
RECIPE = {
    "command": "apt-get install scowl && pip install wordfreq==3.1.1 && "
    "PYTHONPATH=src python tools/build_lexicon.py",
    "files": [
        "tools/build_lexicon.py",
        "src/draftlint/data/lexicon/extra_words.txt",
        "src/draftlint/lexicon/store.py",
        "src/draftlint/lexicon/edits.py",
        "src/draftlint/lexicon/affixes.py",
        *(f"src/draftlint/data/ngram/{name}" for name in NGRAM_FILES),
    ],
    "sources": {"SCOWL": "2020.12.07 (Debian scowl 2020.12.07-2)", "wordfreq": "3.1.1 en large"},
}
HAND = {"command": "edit by hand, then rebuild", "files": [], "sources": {"reviewed": "developers"}}

SIZES = (10, 20, 35, 40, 50, 55, 60, 70, 80, 95)
SPELLINGS = ("english", "american", "british", "british_z", "canadian", "australian")
VARIANT1 = ("variant_1", "british_variant_1", "canadian_variant_1", "australian_variant_1")
VARIANT2 = ("variant_2", "british_variant_2", "canadian_variant_2", "australian_variant_2")
CORE_SIZE = 60
#: zipf floor for a rarer SCOWL word to be known, by SCOWL size.
RARE_FLOOR = {70: 1.0, 80: 2.0, 95: 2.7}
VARIANT2_FLOOR = 2.0
WEB_FLOOR = 3.0
#: a rarer word is a "near miss" when a word one edit away is this much commoner (zipf).
NEAR_MISS_MARGIN = 1.5
#: words of suggestion vocabulary: known entries at or above this zipf, plus the core.
SUGGEST_FLOOR = 1.0
#: names and acronyms are offered only when the web uses them this much (keeps the index small)
NAME_SUGGEST_FLOOR = 2.5
WORDISH = re.compile(r"[^\W\d_]+(?:['\-][^\W\d_]+)*", re.UNICODE)


def read_scowl(
    directory: Path, cats: tuple[str, ...], sub: str, max_size: int, min_size: int = 0
) -> dict[str, int]:
    """word -> smallest SCOWL size that lists it."""
    found: dict[str, int] = {}
    for cat in cats:
        for size in SIZES:
            if not min_size <= size <= max_size:
                continue
            path = directory / f"{cat}-{sub}.{size}"
            if not path.exists():
                continue
            for line in path.read_text(encoding="utf-8").splitlines():
                word = line.strip()
                if word.endswith("'s") and len(word) > 2:
                    continue  # possessives are handled by rule, not listed
                if word and (word not in found or found[word] > size):
                    found[word] = size
    return found


def shape(word: str) -> tuple[str, int]:
    """(key, flag) for a listed spelling: how it is stored and which case makes it known."""
    letters = [c for c in word if c.isalpha()]
    if word == word.lower():
        return word, LOWER
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return word.lower(), UPPER
    if word[0].isupper() and word[1:] == word[1:].lower():
        return word.lower(), CAP
    return word, EXACT


def zipf_table() -> dict[str, float]:
    import wordfreq

    freqs = wordfreq.get_frequency_dict("en", "large")
    return {w: math.log10(f) + 9 for w, f in freqs.items() if WORDISH.fullmatch(w)}


class NearMiss:
    """Does a word have a much commoner neighbour at Damerau distance 1?"""

    def __init__(self, zipf: dict[str, float], known: set[str]) -> None:
        self.zipf = zipf
        self.index: dict[str, list[str]] = defaultdict(list)
        for w in known:
            if zipf.get(w, 0) >= 2.0:
                self.index[w].append(w)
                for d in deletes1(w):
                    self.index[d].append(w)

    def best_neighbour(self, word: str) -> tuple[str, float]:
        best, best_z = "", 0.0
        for key in {word} | deletes1(word):
            for cand in self.index.get(key, ()):
                if (
                    cand != word
                    and self.zipf.get(cand, 0) > best_z
                    and osa_distance(cand, word) == 1
                ):
                    best, best_z = cand, self.zipf.get(cand, 0)
        return best, best_z

    def is_near_miss(self, word: str, margin: float = NEAR_MISS_MARGIN) -> bool:
        # A plural or -ed/-ing form of a known word is a word, not a slip of its stem.
        _, z = self.best_neighbour(word)
        return z >= self.zipf.get(word, 0) + margin


#: First halves of the run-togethers the web writes often enough to look like words
#: ("alot", "aswell", "atleast", "everytime", "infact", "eachother"): never compounds.
FUNCTION_WORDS = frozenset(
    "a an as at be by do each every for he if in is it its my no not of on or so some the "
    "to up we any all".split()
)


def run_together(word: str, zipf: dict[str, float]) -> bool:
    for i in range(1, len(word)):
        head, tail = word[:i], word[i:]
        if head in FUNCTION_WORDS and zipf.get(tail, 0) >= 4.0 and len(tail) > 1:
            return True
    return False


def build(scowl: Path, out: Path = OUT) -> dict[str, tuple[int, int]]:
    zipf = zipf_table()
    entries: dict[str, list[int]] = {}  # key -> [zipf10, flags]

    def add(word: str, extra: int = 0) -> None:
        key, flag = shape(word)
        z = zipf.get(word.lower(), 0.0)
        slot = entries.setdefault(key, [round(10 * z), 0])
        slot[1] |= flag | extra

    cats = SPELLINGS + VARIANT1
    core = read_scowl(scowl, cats, "words", CORE_SIZE)
    for word in core:
        add(word)
    for sub in ("contractions", "abbreviations", "upper", "proper-names"):
        for word in read_scowl(scowl, cats, sub, 80 if sub != "contractions" else 70):
            add(word)
        if sub in ("upper", "proper-names", "abbreviations"):
            for word in read_scowl(scowl, cats, sub, 95, min_size=95):
                if zipf.get(word.lower(), 0) >= 2.5:
                    add(word, RARE)
    for word in (OUT / "extra_words.txt").read_text(encoding="utf-8").splitlines():
        if word and not word.startswith("#"):
            add(word)
    known_lower = {k for k, (_, f) in entries.items() if f & LOWER}
    near = NearMiss(zipf, known_lower)

    rare = read_scowl(scowl, cats, "words", 95, min_size=70)
    for word, size in read_scowl(scowl, VARIANT2, "words", 80).items():
        rare.setdefault(word, 70 if word in rare else size)
    dropped = []
    for word, size in sorted(rare.items()):
        if word in core:
            continue
        floor = RARE_FLOOR.get(size, VARIANT2_FLOOR)
        z = zipf.get(word.lower(), 0.0)
        if z < floor:
            continue
        # a rare word one edit from a much commoner one is mostly that word mistyped
        # ("diaster"); a used word ("gamers" beside "games") is kept
        margin = NEAR_MISS_MARGIN if z < 2.5 else 2.5 if z < 3.0 else 99
        if word.islower() and (near.is_near_miss(word, margin) or run_together(word, zipf)):
            dropped.append(word)
            continue
        if word.islower() and entries.get(word, [0, 0])[1] & CAP:
            continue  # "clark", "carl": rare as words, common as names; keep them names
        add(word, RARE)
    for word, z in zipf.items():
        if z < WEB_FLOOR or word in entries or not word.islower():
            continue
        if "-" in word or near.is_near_miss(word, margin=1.0) or run_together(word, zipf):
            dropped.append(word)
            continue
        add(word, RARE | WEB)
    # every other word keeps its frequency, with no flag
    for word, z in zipf.items():
        if word == word.lower() and word not in entries:
            entries[word] = [round(10 * z), 0]
    mark_compound_heads(entries)
    for key, slot in entries.items():
        known = slot[1] & (LOWER | CAP | UPPER)
        floor = SUGGEST_FLOOR if slot[1] & LOWER else NAME_SUGGEST_FLOOR
        if (
            known
            and key.isalpha()
            and (slot[0] >= 10 * floor or not slot[1] & RARE and slot[1] & LOWER)
        ):
            slot[1] |= SUGGEST
    (out / "dropped_near_misses.txt").write_text(
        "\n".join(sorted(set(dropped))) + "\n", encoding="utf-8"
    )
    return {k: (v[0], v[1]) for k, v in entries.items()}


#: A closed compound's two words are a phrase: in the bundled n-gram model the tail is at least
#: this much likelier (log10) after the head than anywhere ("car park" -> carpark, "school
#: yard", "film maker"). Tails that are suffixes as well as words ("new"+"est", "plan"+"ted",
#: "last"+"ing", "own"+"ers", "four"+"teen") make no phrase, so they make no head.
COMPOUND_LIFT = 1.0


def mark_compound_heads(entries: dict[str, list[int]], minimum: int = 3) -> None:
    """Flag words that start several closed compounds ("car": carmaker, carpark, carpool), so
    that "carmaking" reads as a compound, not as two words run together; "finalscore" does
    not, although "finalist" and "finality" start with "final". Compounds the web writes but
    the dictionary lacks count too ("carpool", "livestream"): a head is what writers use."""
    from draftlint.context.model import get_model  # noqa: PLC0415 - only the build needs it

    model = get_model()
    used = {
        k
        for k, (z, f) in entries.items()
        if k.isalpha() and k.islower() and (f & LOWER and z >= 10 or z >= 15)
    }
    # both parts dictionary words the model knows, the tail no suffix ("ship", "less")
    parts = {k for k in used if entries[k][1] & LOWER and k in model.ids}

    def phrase(head: str, tail: str) -> bool:
        lift = model.logprob(None, head, tail) - model.logprob(None, None, tail)
        return lift >= COMPOUND_LIFT

    heads: dict[str, int] = defaultdict(int)
    for w in used:
        for i in range(3, len(w) - 2):
            head, tail = w[:i], w[i:]
            if head in parts and tail in parts and tail not in SUFFIX_WORDS and phrase(head, tail):
                heads[head] += 1
    for head, n in heads.items():
        if n >= minimum:
            entries[head][1] |= HEAD


#: Words common enough to be offered from the sound index (beyond two edits).
SOUND_FLOOR = 2.5


def build_index(where: dict[str, int], entries: dict[str, tuple[int, int]]) -> list:
    pairs = []
    for key, (z10, flags) in entries.items():
        if flags & SUGGEST:
            off = where[key]
            for k in {key} | deletes1(key):
                pairs.append((crc32(k.encode("utf-8")), off))
            if z10 >= 10 * SOUND_FLOOR and flags & LOWER and len(key) > 3:
                for k in sound_keys(skeleton(key)):
                    pairs.append((crc32(k.encode("utf-8")), off))
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scowl", type=Path, default=Path("/usr/share/dict/scowl"))
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the tables")
    args = parser.parse_args(argv)
    if not args.scowl.is_dir():
        print(f"SCOWL lists not found in {args.scowl} (apt-get install scowl)", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    entries = build(args.scowl, args.out)
    where = write_table(args.out / "words.bin", entries)
    pairs = build_index(where, entries)
    write_index(args.out / "deletes.bin", pairs)
    for hand in ("extra_words.txt", "camelcase_names.txt"):  # a build elsewhere, to compare
        if args.out.resolve() != OUT.resolve():
            shutil.copyfile(OUT / hand, args.out / hand)
    write_manifest(
        args.out,
        {"build_lexicon": RECIPE, "hand": HAND},
        {
            "words.bin": "build_lexicon",
            "deletes.bin": "build_lexicon",
            "dropped_near_misses.txt": "build_lexicon",
            "extra_words.txt": "hand",
            "camelcase_names.txt": "hand",
        },
    )
    counts = defaultdict(int)
    for _, flags in entries.values():
        for name, bit in (
            ("lower", LOWER),
            ("cap", CAP),
            ("upper", UPPER),
            ("exact", EXACT),
            ("suggest", SUGGEST),
            ("rare", RARE),
            ("web", WEB),
            ("head", HEAD),
        ):
            if flags & bit:
                counts[name] += 1
    print(
        f"{len(entries)} entries, {len(pairs)} index keys; "
        + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
