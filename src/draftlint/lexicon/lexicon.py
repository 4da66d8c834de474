"""Word knowledge for the spelling and run-together rules.

``get_lexicon()`` returns the shared :class:`Lexicon`, loaded once and lazily from the tables
compiled by ``tools/build_lexicon.py`` (SCOWL + wordfreq; see data/lexicon/SOURCE.md).  It
answers:

* ``is_word(token)``: English in US and UK spellings, inflections, contractions and
  possessives (either apostrophe), hyphenated compounds, initialisms, acronyms, numbers with
  units and ordinals.  Case: "colour" needs the lowercase word, "Colour" the word or a name,
  short ALLCAPS tokens are acronyms.
* ``zipf(word)``: wordfreq's Zipf frequency (0 for a string the web does not use).
* ``suggest(word)``: ranked corrections (within two edits, or sounding alike; ranked by
  ``lexicon_suggest``), with the input's case.
Names, run-together words and the verdict on an unknown word are ``lexicon.names``: functions
of a Lexicon, which knows nothing of them.

Nothing here touches the network or the Document; the rules call it token by token.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from draftlint.data_files import data_dir
from draftlint.lexicon import suggest as lexicon_suggest
from draftlint.lexicon.edits import (
    deletes1,
    query_keys,
    skeleton,
    sound_keys,
    weighted_distance,
)
from draftlint.lexicon.morph import derivation_bases
from draftlint.lexicon.store import CAP, EXACT, LOWER, SUGGEST, UPPER, Table
from draftlint.lexicon.tokens import (
    is_acronym,
    is_initialism,
    is_number,
    is_skippable,
    normalise,
)

if TYPE_CHECKING:
    from draftlint.lexicon.compiled import IndexSearch

DATA = data_dir() / "lexicon"
KNOWN = LOWER | CAP | UPPER

#: Parts of hyphenated compounds that are not words alone ("co-operate", "non-existent").
PREFIXES = frozenset(
    "a ante anti bi bio co contra counter cyber de e eco ex extra hyper inter intra macro mega "
    "micro mid mini multi neo non o over pan para post pre pro pseudo re semi sub super trans "
    "tri ultra un under uni vice x".split()
)
#: A derived form is accepted only from a base this common (Zipf frequency): "finially" is not
#: read as an adverb of the rare "finial".
MIN_BASE_ZIPF = 2.3
#: Name prefixes that make an internal capital normal: McMaster, MacArthur, O'Neill, FitzGerald.
_NAME_SHAPE = re.compile(r"^(?:Mc|Mac|Fitz|O'|D'|L')[A-Z][a-z]{2,}$")
_CONTRACTION = re.compile(r"^(?P<base>[A-Za-z]+)'(?:ll|ve|re|d|m|s)$", re.IGNORECASE)
_EDGE_APOS = re.compile(r"^'(?:em|til|cause|tis|twas|n|bout|round)$", re.IGNORECASE)


#: How many entries each cache of a Lexicon holds before it starts over: bounds on memory, so
#: that a run over a whole archive stays flat (a ranked candidate list is about 40 KB, a known
#: token about 150 bytes, the offsets near a typo about 6 KB), not tuning knobs. News repeats its words within an article and its
#: names across a few, so most of the hits come from a small window.
KNOWN_CACHE = 50_000
SUGGEST_CACHE = 256
NEAR_CACHE = 256
WHERE_CACHE = 2_000


class Suggestion(NamedTuple):
    word: str  # as it should be written (case restored)
    cost: float  # weighted edit cost from the word to the typo
    zipf: float
    score: float  # higher is better


class _Shared:
    """The loaded tables, shared by every Lexicon made by with_vocab()."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.table = Table.load(data / "words.bin")
        self.camel = frozenset(_read_list(data / "camelcase_names.txt"))
        self._index: IndexSearch | None = None

    @property
    def index(self) -> IndexSearch:
        if self._index is None:
            # numpy and rapidfuzz load with the first suggestion asked for, not at start-up
            from draftlint.lexicon.compiled import IndexSearch  # noqa: PLC0415

            self._index = IndexSearch.open(self.data / "deletes.bin")
        return self._index


def _read_list(path: Path) -> list[str]:
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            out.append(entry)
    return out


class Lexicon:
    def __init__(
        self, shared: _Shared, accept: Iterable[str] = (), reject: Mapping[str, str] | None = None
    ) -> None:
        self._shared = shared
        self._table = shared.table
        accept = {normalise(w) for w in accept}
        self._accept_exact = frozenset(w for w in accept if w != w.lower())
        self._accept_lower = frozenset(w for w in accept if w == w.lower())
        self._reject = {normalise(k).lower(): v for k, v in (reject or {}).items()}
        self._cache: dict[str, bool] = {}
        self._known: dict[str, bool] = {}
        self._suggest_cache: dict[tuple[str, float, bool], list[Suggestion]] = {}
        self._where_cache: dict[tuple[str, float, object], list[Suggestion]] = {}
        self._near_cache: dict[str, set[int]] = {}

    def with_vocab(
        self, accept: Iterable[str] = (), reject: Mapping[str, str] | None = None
    ) -> Lexicon:
        """A lexicon that also knows ``accept`` (lowercase entries in any case, others
        exactly as written) and rejects ``reject`` (word -> preferred replacement)."""
        return Lexicon(
            self._shared,
            set(accept) | self._accept_exact | self._accept_lower,
            {**self._reject, **dict(reject or {})},
        )

    # ------------------------------------------------------------------ lookups
    def entry(self, key: str) -> tuple[float, int]:
        """(zipf, flags) of a stored key, (0.0, 0) when absent."""
        got = self._table.get(key)
        return (got[0] / 10, got[1]) if got else (0.0, 0)

    def zipf(self, word: str) -> float:
        """wordfreq's Zipf frequency of ``word`` (log10 per billion words); 0 when unseen."""
        w = normalise(word).lower()
        if w.endswith("'s") and len(w) > 2:
            w = w[:-2]
        got = self._table.get(w)
        return got[0] / 10 if got else 0.0

    def rejected(self, word: str) -> str | None:
        """The preferred replacement when ``word`` is on the reject list."""
        return self._reject.get(normalise(word).lower())

    def is_accepted(self, word: str) -> bool:
        t = normalise(word)
        return t in self._accept_exact or t.lower() in self._accept_lower

    # ------------------------------------------------------------------ is_word
    def is_known(self, token: str) -> bool:
        """``is_word(token) and not rejected(token)``, cached by the token as written: the
        spelling rules ask it of every word of every draft, and news repeats its words."""
        known = self._known.get(token)
        if known is None:
            if len(self._known) > KNOWN_CACHE:
                self._known.clear()
            known = self._known[token] = self.is_word(token) and not self.rejected(token)
        return known

    def is_word(self, token: str) -> bool:
        """Is ``token`` a correctly spelt English word (or number, initialism, acronym)?"""
        t = normalise(token)
        known = self._cache.get(t)
        if known is None:
            if len(self._cache) > KNOWN_CACHE:
                self._cache.clear()
            known = self._cache[t] = self._is_word(t)
        return known

    def _simple(self, t: str) -> bool:
        if t in self._accept_exact or t.lower() in self._accept_lower:
            return True
        low = t.lower()
        if t != low and is_acronym(t):
            return True  # NATO, MPs, G8, U2
        if t == low:
            got = self._table.get(t)
            return bool(got and got[1] & LOWER)
        if t[0].isupper() and t[1:] == t[1:].lower():
            got = self._table.get(low)
            return bool(got and got[1] & KNOWN)
        if t.isupper():
            got = self._table.get(low)
            return bool(got and got[1] & KNOWN)
        camel = self._shared.camel
        if t in camel or _NAME_SHAPE.match(t) or (t[-1] == "s" and t[:-1] in camel):
            return True
        got = self._table.get(t)
        return bool(got and got[1] & EXACT)

    def _is_word(self, t: str) -> bool:
        if not t or self._reject and t.lower() in self._reject:
            return False
        if self._simple(t) or is_number(t) or is_initialism(t):
            return True
        if t.endswith(".") and len(t) > 1:
            return self._simple(t[:-1])  # Mr. Gen. etc. Inc.
        if "'" in t:
            if t.endswith(("'s", "'S")) and len(t) > 2:
                return self._is_word(t[:-2])
            if t.endswith("s'") and len(t) > 2:
                return self._is_word(t[:-1])
            m = _CONTRACTION.match(t)
            if m and self._simple(m.group("base")):
                return True
            if _EDGE_APOS.match(t):
                return True
            if t.startswith("'") or t.endswith("'"):
                return self._is_word(t.strip("'"))
        for sep in ("-", "/"):
            if sep in t:
                parts = t.split(sep)
                return all(
                    p
                    and (self._is_word(p) or p.lower() in PREFIXES or (len(p) == 1 and p.isalpha()))
                    for p in parts
                )
        # a regular derivation of a common word ("securitisation", "capitalisations", "parentally")
        return any(
            self._simple(base) and self.zipf(base) >= MIN_BASE_ZIPF for base in derivation_bases(t)
        )

    # ------------------------------------------------------------------ suggest
    def candidates(self, word: str, max_cost: float = 2.2, sound: bool = True) -> list[Suggestion]:
        """Suggestable words near ``word``, best first (see lexicon_suggest): every word
        within two edits, and (unless ``sound`` is False: the costly part) common words that
        sound alike (see skeleton)."""
        t = normalise(word)
        q = t.lower()
        if not q or len(q) > 40:
            return []
        key = (t, max_cost, sound)
        cached = self._suggest_cache.get(key)
        if cached is None:
            if len(self._suggest_cache) > SUGGEST_CACHE:
                self._suggest_cache.clear()
            cached = self._suggest_cache[key] = self._candidates(t, q, max_cost, sound)
        return list(cached)

    def candidates_where(
        self, word: str, keep: Callable[[str], bool], max_cost: float = 2.2
    ) -> list[Suggestion]:
        """``[c for c in candidates(word, max_cost, sound=False) if keep(c.word)]``, in that
        order, but only the kept words are costed and ranked: a name asked about (is it a
        slip of a capitalised word?) needs only the few capitalised words near it, not the
        hundred common words that the full ranking would cost. ``keep`` must be a pure
        function of the word (it keys a cache)."""
        t = normalise(word)
        q = t.lower()
        if not q or len(q) > 40:
            return []
        full = self._suggest_cache.get((t, max_cost, False))
        if full is not None:
            return [c for c in full if keep(c.word)]
        key = (t, max_cost, keep)
        cached = self._where_cache.get(key)
        if cached is None:
            if len(self._where_cache) > WHERE_CACHE:
                self._where_cache.clear()
            cached = self._where_cache[key] = self._candidates(t, q, max_cost, False, keep)
        return list(cached)

    def one_edit(self, word: str, keep: Callable[[str], bool]) -> list[tuple[str, float]]:
        """(word as it should be written, zipf) of every suggestable word one edit (insertion,
        deletion, substitution or swap of two letters) from ``word`` that ``keep`` keeps.

        The suggestion index holds every word and its one-letter deletions, so ``word`` and
        its own deletions meet every word one edit away: a dozen keys, where ``candidates``
        asks thousands for two edits and costs what it finds."""
        from draftlint.lexicon.compiled import osa_distance  # noqa: PLC0415

        t = normalise(word)
        q = t.lower()
        if not q or len(q) > 40:
            return []
        found: set[int] = set()
        self._shared.index.lookup({q} | deletes1(q), found)
        out = []
        for off in sorted(found):
            key, z10, flags = self._table.key_at(off)
            if not flags & SUGGEST or key == q or osa_distance(q, key, 1) != 1:
                continue
            written = _with_case(t, key, flags)
            if keep(written):
                out.append((written, z10 / 10))
        return out

    def _near(self, q: str) -> set[int]:
        """Offsets of every suggestable word within two edits of ``q`` (and some further)."""
        near = self._near_cache.get(q)
        if near is None:
            if len(self._near_cache) > NEAR_CACHE:
                self._near_cache.clear()
            near = self._near_cache[q] = set()
            self._shared.index.lookup(query_keys(q), near)
        return near

    def _candidates(
        self,
        t: str,
        q: str,
        max_cost: float,
        sound: bool = True,
        keep: Callable[[str], bool] | None = None,
    ) -> list[Suggestion]:
        index = self._shared.index
        near = self._near(q)
        out = self._score(t, q, near, max_cost, 2, keep=keep)
        for extra in self._accept_exact | self._accept_lower:  # the user's own words
            if abs(len(extra) - len(q)) <= 2 and extra.lower() != q:
                if keep is not None and not keep(
                    _with_case(t, extra, 0) if extra.islower() else extra
                ):
                    continue
                cost = weighted_distance(q, extra.lower(), limit=max_cost)
                if cost <= max_cost:
                    word = _with_case(t, extra, 0) if extra.islower() else extra
                    rank = lexicon_suggest.score(q, extra.lower(), 4.0, cost, False)
                    out.append(Suggestion(word, cost, 4.0, rank))
        # Poor spellers write by ear ("freternely"): common words that sound alike, however
        # many edits away, compete unless a very cheap fix is at hand.
        best = min((s.cost for s in out), default=99.0)
        if best <= FAR_TRIGGER or not sound:
            out.sort(key=lambda s: (-s.score, s.word))
            return out
        far: set[int] = set()
        index.lookup(sound_keys(skeleton(q), query=True), far)
        seen = {s.word.lower() for s in out}
        extra = self._score(t, q, far - near, FAR_MAX_COST, 5, FAR_MAX_SOUND)
        out += [s for s in extra if s.word.lower() not in seen]
        out.sort(key=lambda s: (-s.score, s.word))
        return out

    def _score(
        self,
        t: str,
        q: str,
        offsets: set[int],
        max_cost: float,
        max_len_diff: int,
        max_sound: int = 99,
        keep: Callable[[str], bool] | None = None,
    ) -> list[Suggestion]:
        from draftlint.lexicon.compiled import osa_distance, weighted_distances  # noqa: PLC0415

        lower_input = t == q
        skel = skeleton(q)
        found: list[tuple[str, int, int, int | None]] = []
        for off in offsets:
            key, z10, flags = self._table.key_at(off)
            if not flags & SUGGEST or key == q or abs(len(key) - len(q)) > max_len_diff:
                continue
            if keep is not None and not keep(_with_case(t, key, flags)):
                continue
            sound = None
            if max_sound < 99:
                sound = osa_distance(skel, skeleton(key), max_sound)
                if sound > max_sound:
                    continue  # the sound index also meets skeletons three edits apart
            found.append((key, z10, flags, sound))
        if len(found) >= BATCH_COSTS:
            costs = weighted_distances(q, [key for key, _z, _f, _s in found], max_cost)
        else:
            costs = [weighted_distance(q, key, limit=max_cost) for key, _z, _f, _s in found]
        out = []
        for (key, z10, flags, sound), cost in zip(found, costs, strict=True):
            if cost > max_cost:
                continue
            z = z10 / 10
            name = lower_input and not flags & LOWER
            rank = lexicon_suggest.score(q, key, z, cost, name, sound)
            if name:
                cost += 0.35  # a lowercase typo is seldom a name's
            out.append(Suggestion(_with_case(t, key, flags), cost, z, rank))
        return out

    def suggest(self, word: str, context: object = None, limit: int = 5) -> list[str]:
        """Ranked corrections for ``word``, written in the input's case ("Whaterver" ->
        "Whatever" first).  ``context`` is accepted for rules that have one; unused yet."""
        if self.rejected(word):
            return [self.rejected(word) or ""]
        seen: list[str] = []
        for s in self.candidates(word):
            if s.word not in seen:
                seen.append(s.word)
            if len(seen) >= limit:
                break
        return seen


#: From this many words near a typo on, their edit costs are computed in one numpy pass
#: (``compiled.weighted_distances``, ~1 ms however many) instead of one by one (~25 us each).
BATCH_COSTS = 40
#: Look for sound-alike words unless a fix within two edits costs at most this (a higher
#: trigger loses poor spellers' words, a lower one only costs time).
FAR_TRIGGER = 0.45
#: Sound-alike words (see skeleton) further than this weighted edit cost are not offered.
FAR_MAX_COST = 4.0
#: ... and further than this many edits between the sound skeletons.
FAR_MAX_SOUND = 2


def _with_case(typed: str, key: str, flags: int) -> str:
    """``key`` written as the user would: "Whaterver" -> "Whatever", "NATP" -> "NATO"."""
    if flags & UPPER and not flags & (LOWER | CAP):
        return key.upper()
    if typed.isupper() and len(typed) > 1:
        return key.upper()
    if typed[:1].isupper() or (flags & CAP and not flags & LOWER):
        return key[:1].upper() + key[1:]
    return key


@cache
def get_lexicon() -> Lexicon:
    """The shared lexicon, loaded on first use."""
    return Lexicon(_Shared(DATA))


def is_word(token: str) -> bool:
    return get_lexicon().is_word(token)


def zipf(word: str) -> float:
    return get_lexicon().zipf(word)


def suggest(word: str, context: object = None, limit: int = 5) -> list[str]:
    return get_lexicon().suggest(word, context, limit)


__all__ = [
    "Lexicon",
    "Suggestion",
    "get_lexicon",
    "is_skippable",
    "is_word",
    "suggest",
    "zipf",
]
