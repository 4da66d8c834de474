"""Edit operations and a weighted Damerau-Levenshtein cost for ranking spelling suggestions.

Candidate generation follows SymSpell's idea with a smaller index: the index holds every
suggestable word and its one-letter deletions (``deletes1``), and the query side generates the
few thousand strings that must meet one of those keys when the word is within two edits
(Damerau: a swap of adjacent letters counts as one).  See ``query_keys`` for why that set is
complete.

The cost model is what makes the first suggestion the right one.  Writers' misspellings are
not uniform edits: vowels are confused with vowels, letters are doubled or undoubled, adjacent
keys are hit, sounds are spelt another way ("f"/"ph", "c"/"s"/"k").  Those edits cost less.
"""

from __future__ import annotations

from functools import lru_cache

ALPHABET = "abcdefghijklmnopqrstuvwxyz"
VOWELS = frozenset("aeiouy")

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_POS = {ch: (r, c + 0.25 * r) for r, row in enumerate(_ROWS) for c, ch in enumerate(row)}


def _adjacent(a: str, b: str) -> bool:
    pa, pb = _POS.get(a), _POS.get(b)
    if pa is None or pb is None:
        return False
    return abs(pa[0] - pb[0]) <= 1 and abs(pa[1] - pb[1]) <= 1.0


# Letters that spell the same or similar sounds: substituting one for another is a
# "phonetic" slip (recieve, definately, neccessary, grammer, sucess).
_SOUND_GROUPS = ("ckqsx", "sz", "fvw", "gj", "mn", "dt", "bp", "iye", "ou", "ae", "uw", "ei")
_SOUND = {(a, b) for g in _SOUND_GROUPS for a in g for b in g if a != b}

#: Tuned on half of the Wikipedia misspelling lists (see bench/lexicon_bench.py).
VOWEL_SUB = 0.55
SOUND_SUB = 0.8
ADJACENT_SUB = 1.05
DOUBLED = 0.15
VOWEL_INDEL = 0.45
INDEL = 0.55
EXTRA = 0.15  # a letter typed that the word lacks costs more than one left out
FIRST = 0.4  # writers seldom get the first letter wrong
TRANSPOSE = 0.4


@lru_cache(maxsize=1024)
def sub_cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if a in VOWELS and b in VOWELS:
        return VOWEL_SUB
    if (a, b) in _SOUND:
        return SOUND_SUB
    if _adjacent(a, b):
        return ADJACENT_SUB
    return 1.0


def indel_cost(word: str, i: int) -> float:
    """Cost of ``word[i]`` being absent from the other string (inserting or deleting it)."""
    ch = word[i]
    if (i > 0 and word[i - 1] == ch) or (i + 1 < len(word) and word[i + 1] == ch):
        return DOUBLED  # doubled letter written once, or a letter doubled by mistake
    if ch in "'-":
        return 0.3
    if ch in VOWELS:
        return VOWEL_INDEL
    if ch == "h" and i > 0 and word[i - 1] in "cgstwrp":
        return 0.6  # silent or digraph h: rythm, wich
    return INDEL


@lru_cache(maxsize=8192)  # a bound on memory (~300 bytes a word)
def _omit_costs(word: str) -> tuple[float, ...]:
    """Cost of leaving out each letter of the intended word."""
    return tuple(indel_cost(word, i) + (FIRST if i == 0 else 0.0) for i in range(len(word)))


@lru_cache(maxsize=256)
def _extra_costs(typo: str) -> tuple[float, ...]:
    """Cost of each letter of the typo being one the word lacks."""
    return tuple(indel_cost(typo, j) + EXTRA + (FIRST if j == 0 else 0.0) for j in range(len(typo)))


@lru_cache(maxsize=1024)
def _sub_row(wc: str, typo: str, first: bool) -> tuple[float, ...]:
    """Cost of writing each letter of the typo for the word's letter ``wc``."""
    row = [sub_cost(wc, tc) for tc in typo]
    if first and row and row[0]:
        row[0] += FIRST
    return tuple(row)


def weighted_distance(typo: str, word: str, limit: float = 99.0) -> float:
    """Weighted optimal-string-alignment distance from the intended ``word`` to ``typo``."""
    n, m = len(word), len(typo)
    omit = _omit_costs(word)
    extra = _extra_costs(typo)
    prev2: list[float] = []
    prev = [0.0] * (m + 1)
    for j in range(1, m + 1):
        prev[j] = prev[j - 1] + extra[j - 1]
    for i in range(1, n + 1):
        wc = word[i - 1]
        om = omit[i - 1]
        cur = [prev[0] + om] + [0.0] * m
        best = cur[0]
        subs = _sub_row(wc, typo, i == 1)
        for j in range(1, m + 1):
            tc = typo[j - 1]
            v = prev[j - 1] + subs[j - 1]
            d = prev[j] + om
            if d < v:
                v = d
            d = cur[j - 1] + extra[j - 1]
            if d < v:
                v = d
            if i > 1 and j > 1 and wc == typo[j - 2] and word[i - 2] == tc and wc != tc:
                d = prev2[j - 2] + TRANSPOSE
                if d < v:
                    v = d
            cur[j] = v
            if v < best:
                best = v
        if best > limit:
            return best
        prev2, prev = prev, cur
    return prev[m]


def osa_distance(a: str, b: str, limit: int = 99) -> int:
    """Plain optimal-string-alignment (Damerau) distance; once it must exceed ``limit``,
    some value over ``limit``."""
    n, m = len(a), len(b)
    if abs(n - m) > limit:
        return abs(n - m)
    prev2: list[int] = []
    prev = list(range(m + 1))
    for i in range(1, n + 1):
        ac = a[i - 1]
        cur = [i] + [0] * m
        for j in range(1, m + 1):
            bc = b[j - 1]
            v = prev[j - 1] if ac == bc else prev[j - 1] + 1
            d = prev[j] + 1
            if d < v:
                v = d
            d = cur[j - 1] + 1
            if d < v:
                v = d
            if i > 1 and j > 1 and ac == b[j - 2] and a[i - 2] == bc:
                d = prev2[j - 2] + 1
                if d < v:
                    v = d
            cur[j] = v
        if min(cur) > limit and (i + 1 > n or min(prev) > limit):
            return min(cur)
        prev2, prev = prev, cur
    return prev[m]


def deletes1(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def query_keys(q: str) -> set[str]:
    """Strings that meet the index (words and their one-letter deletions) for every word
    within Damerau distance 2 of ``q``.

    With w the word and q the typo, two edits split into: insertions into w (removed from q
    by deleting), deletions from w (put back by inserting into q, or met by deleting from w),
    substitutions (met by deleting the position on both sides) and swaps.  Every pair of edits
    therefore meets one of: q; q minus one or two letters; q plus one letter; q with one
    letter changed or one swap; and those two with one letter deleted.
    """
    n = len(q)
    splits = [(q[:i], q[i:]) for i in range(n + 1)]
    d1 = {a + b[1:] for a, b in splits if b}
    keys = {q} | d1
    for d in d1:
        keys |= deletes1(d)
    keys.update(a + c + b for a, b in splits for c in ALPHABET)
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1 and b[0] != b[1]}
    keys |= swaps
    for s in swaps:
        keys |= deletes1(s)
    # q with one letter changed, and then one letter deleted == q minus a letter, then changed
    for d in d1:
        for i in range(len(d)):
            head, ch, tail = d[:i], d[i], d[i + 1 :]
            keys.update(head + c + tail for c in ALPHABET if c != ch)
    for i in range(n):
        head, ch, tail = q[:i], q[i], q[i + 1 :]
        keys.update(head + c + tail for c in ALPHABET if c != ch)
    return keys


_SKELETON_RULES = (
    ("tch", "ch"),
    ("sch", "sk"),
    ("ph", "f"),
    ("gh", ""),
    ("ck", "k"),
    ("dg", "j"),
    ("wh", "w"),
    ("wr", "r"),
    ("qu", "kw"),
    ("x", "ks"),
    ("ce", "se"),
    ("ci", "si"),
    ("cy", "sy"),
    ("c", "k"),
    ("q", "k"),
    ("z", "s"),
)


@lru_cache(maxsize=8192)  # a bound on memory
def skeleton(word: str) -> str:
    """A rough sound key: first letter, then the consonants as they sound, doubles collapsed.

    Poor spellers keep a word's consonant frame and guess its vowels ("freternely" and
    "fraternally" share "frtrnl"), so words far apart in edits can still meet here.
    """
    w = word.lower()
    if w.startswith("kn"):
        w = w[1:]
    for old, new in _SKELETON_RULES:
        w = w.replace(old, new)
    out = w[:1]
    for i in range(1, len(w)):
        ch = w[i]
        if ch in VOWELS or ch in "'-" or (ch == "h" and w[i - 1] not in "cst"):
            continue
        if out[-1:] != ch:
            out += ch
    return out


def sound_keys(skel: str, query: bool = False) -> set[str]:
    """Keys of the sound index (see ``tools/build_lexicon.py``) for a skeleton, so that
    skeletons up to two edits apart meet, bar two changed letters ("embassrest" and
    "embarrassed": "mbsrst" / "mbrsd"; "govemont" and "government": "gvmnt" / "gvrnmnt")
    and some three apart do (``Lexicon`` drops those: ``FAR_MAX_SOUND``).

    Both sides delete up to two letters (of skeletons of three or more letters, and five or
    more for two): "#" keys for none or one, "%" for two.  The query meets "#" with all its
    deletions and "%" with none or one: two deletions on both sides would meet skeletons
    four edits apart, and common three-letter frames match too many words to be worth it.
    """
    d1 = deletes1(skel) if len(skel) > 2 else set()
    d2 = set()
    if len(skel) > 4:
        for d in d1:
            d2 |= deletes1(d)
    near = {skel} | d1
    if query:
        return {"#" + k for k in near | d2} | {"%" + k for k in near}
    return {"#" + k for k in near} | {"%" + k for k in d2 - near}
