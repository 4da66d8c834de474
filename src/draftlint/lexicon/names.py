"""Unknown words: typo, name, or two words run together?

A spelling rule meets words the dictionary does not know.  Most of them, in news and
commentary, are names ("Peskov", "Ushakov") and must never be flagged; a few are typos
("Whaterver") or words run together ("altogethergrouping", "RexTillerson").  The evidence:

* Shape and position.  A capitalised word in mid-sentence is a name unless it is a near miss
  of a name used elsewhere in the draft, or an obvious slip of a very common word.
* Frequency.  wordfreq counts strings, not dictionary words, so a rare name has a
  frequency (peskov 1.9) while a typo mostly has none (whaterver 0).  A typo is an unknown
  string much rarer than a word a cheap edit away; the further apart the two frequencies
  and the cheaper the edit, the surer.
* Splits.  A run-together is an unknown string that is two reasonably common words end to
  end and explains the string better than any single-word correction does.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from draftlint.lexicon.affixes import SUFFIX_WORDS
from draftlint.lexicon.edits import VOWELS, weighted_distance
from draftlint.lexicon.lexicon import PREFIXES as WORD_PREFIXES
from draftlint.lexicon.misspellings import listed_correction
from draftlint.lexicon.morph import possible_bases
from draftlint.lexicon.store import CAP, HEAD, LOWER, RARE
from draftlint.lexicon.tokens import is_acronym, is_skippable, normalise

if TYPE_CHECKING:
    from draftlint.lexicon.lexicon import Lexicon, Suggestion


class Verdict(NamedTuple):
    """What an unknown word most likely is.

    ``confidence`` is the probability-like strength of ``is_typo``: suggested severities are
    error at >= 0.8, warning at >= 0.5, info below.  ``kind`` is one of: "word" (known),
    "skip" (URL, code ...), "rejected" (reject vocabulary), "typo", "joined" (run-together;
    the suggestion has the space), "name-variant" (near miss of a name the draft uses),
    "name", "rare" (an unknown but used word: foreign, technical), "unknown" (no evidence).
    """

    is_typo: bool
    confidence: float
    suggestions: tuple[str, ...]
    kind: str


class Split(NamedTuple):
    parts: list[str]
    confidence: float


#: Two-letter words that may stand on either side of a split; "de", "un", "la" may not.
TWO_LETTER = frozenset(
    "ad ah am an as at be by do go he hi if in is it me my no of oh ok on or ox so to up us we".split()
)
#: Surname particles and prefixes that start real camel-case names (DeSantis, LaGuardia).
NAME_PARTICLES = frozenset("Mc Mac Fitz De Di Da Du La Le Van Vander Von Der Del Dos".split())
#: Written before a name: "Press Secretary Dmitry Peskov", "Mr Ushakov".
TITLES = frozenset(
    "Mr Mrs Ms Dr Prof Sir Dame Lord Lady President Secretary Minister Senator Sen Rep Gen "
    "General Colonel Col Capt Captain Judge Justice King Queen Prince Princess Pope Rev Father "
    "Sister Chancellor Governor Gov Mayor Chairman Chief Director Ambassador Adviser Advisor "
    "Commissioner Inspector Sergeant Sgt Lt Professor Saint St".split()
)
FUNCTION_WORDS = frozenset(
    "a about after all an and any are as at be been but by can could did do each every for "
    "from had has have he her his how i if in into is it its may me might more most must my "
    "no not of on one or our out over she should so some such than that the their them then "
    "there these they this those to too up upon us was we were what when where which while who "
    "whom why will with would you your".split()
)
#: Determiners and quantifiers that start no closed compound an unknown string could be
#: ("othermagazines", "severalyears"; "otherwise", "manifold" are known words).
QUANTIFIER_HEADS = frozenset("other another both several many few much".split())
#: Adverbial particles start compounds (upfield, outpace, overrun, onside) and are no glue.
PARTICLES = frozenset("up out over on in off down".split())
SPACE_LOGP = -0.5  # log10 odds that a missing space explains a string (vs. a letter slip)
TYPO_K = 4.5
OWN_DISCOUNT = 1.5  # as SCORE_K: frequency orders of magnitude per unit of edit cost


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _strip_possessive(t: str) -> str:
    if t.endswith(("'s", "'S")) and len(t) > 3:
        return t[:-2]
    if t.endswith("s'") and len(t) > 3:
        return t[:-1]
    return t


def _part_ok(lex: Lexicon, part: str) -> float | None:
    """zipf of a lowercase split part when it can stand alone, else None."""
    if len(part) == 1:
        return lex.zipf(part) if part == "a" else None
    if len(part) == 2 and part not in TWO_LETTER:
        return None
    z, flags = lex.entry(part)
    if not flags & LOWER or z < 2.0:
        return None
    if flags & RARE and z < 3.0 and not _plural_of_part(lex, part):
        return None
    return z


def _plural_of_part(lex: Lexicon, part: str) -> bool:
    """A rare plural of a word frequent enough to be a part ("telecoms": telecom 3.6)."""
    if len(part) < 5 or not part.endswith("s") or part.endswith("ss"):
        return False
    z, flags = lex.entry(part[:-1])
    return bool(flags & LOWER) and z >= 3.0


#: splits whose parts' summed frequencies (zipf) are this close to the best are told apart by
#: how likely the two words are in a row ("game show", not "games how", for "gameshow")
CLOSE_SPLITS = 1.0


def _as_two_words(low: str, i: int) -> float:
    """log10 P(head) P(tail | head) by the bundled n-gram model."""
    from draftlint.context import model as ngram  # noqa: PLC0415 - the model loads only when splits compete

    head, tail = low[:i], low[i:]
    return ngram.logprob(None, None, head) + ngram.logprob(None, head, tail)


#: How much likelier the tail is after the head than anywhere (log10): "Northern Ireland"
#: 3.9, "bad weather" 1.9, "Power Page" -0.6. At this lift the two words are a phrase, so
#: a string that runs them together is the phrase with its space lost, not a coinage.
PHRASE_LIFT = 1.5


#: A head that starts many closed compounds ("car", "pass") needs less: the pair only has to
#: be likelier together than apart by this much ("million people" 1.3, "car making" 0.0).
COMPOUND_LIFT = 1.0


#: A closed compound ends in a noun ("passcard", "carmaking", "schoolfriends"); a word this
#: much less likely after "the" than anywhere (log10) is no noun ("came" -2.2, "fell" -1.6,
#: "regarding" -1.3; "making" -0.6, "friends" -0.4, "card" 0.4), so a string that ends in it
#: is two words run together whatever its head ("newscame", "firstannounced").
NOUN_TAIL_LIFT = -0.9


def _noun_like(tail: str) -> bool:
    from draftlint.context import model as ngram  # noqa: PLC0415 - loads only for a split

    return ngram.logprob(None, "the", tail) - ngram.logprob(None, None, tail) > NOUN_TAIL_LIFT


#: How much more often (zipf) the web writes a pair of words apart than run together for
#: the run-together string to be a slip of the pair even though the web writes it too
#: ("Cape Town" 3.6, "CapeTown" 2.2; brands the web writes as one, "PowerPoint", "YouTube",
#: have no phrase behind them). Lowered from 2.0 on the tune half (join-cap 94.2% ->
#: 96.0%) with no new warning on its clean articles nor on 227 Webis opinion pieces.
JOINED_PHRASE_MARGIN = 1.3


def _phrase_zipf(lex: Lexicon, head: str, tail: str) -> float:
    """The pair's frequency on the zipf scale: the head's, times P(tail | head)."""
    from draftlint.context import model as ngram  # noqa: PLC0415 - loads only for a split

    h, t = head.lower(), tail.lower()
    return lex.zipf(h) + ngram.logprob(None, h, t)


def _phrase_slip(lex: Lexicon, head: str, tail: str, own: float) -> bool:
    """The web writes the pair apart far more often than together ("New York" 5.6, "NewYork"
    2.5), and as a phrase: a string it also writes run together is still a slip of it."""
    return _phrase_zipf(lex, head, tail) - own >= JOINED_PHRASE_MARGIN and (
        _lift(head, tail) >= PHRASE_LIFT
    )


def _lift(head: str, tail: str) -> float:
    from draftlint.context import model as ngram  # noqa: PLC0415 - loads only for a split

    h, t = head.lower(), tail.lower()
    return ngram.logprob(None, h, t) - ngram.logprob(None, None, t)


#: Suffixes that do follow an inflected form: "preparedness", "pricingwise", "boxinglike".
INFLECTED_SUFFIXES = frozenset(("ness", "wise", "like"))


def _inflected_form(lex: Lexicon, head: str) -> bool:
    """An -ed or -ing form of a word ("accused", "moving"): an inflection closes a word, so
    no suffix but those above follows it and no closed compound starts with it."""
    if len(head) < 5 or not lex.is_word(head):
        return False
    for ending in ("ed", "ing"):
        if head.endswith(ending):
            stem = head[: -len(ending)]
            if any(lex.is_word(b) for b in (stem, stem + "e", stem[:-1])):
                return True
    return False


def split_joined(lex: Lexicon, word: str, known_names: Iterable[str] = ()) -> list[str] | None:
    """["altogether", "grouping"] for "altogethergrouping", ["Rex", "Tillerson"] for
    "RexTillerson"; None for real words, camel-case names and unlikely splits."""
    split = joined_split(lex, word, known_names)
    return split.parts if split else None


def joined_split(lex: Lexicon, word: str, known_names: Iterable[str] = ()) -> Split | None:
    """The most likely two-word split of a run-together ``word``, or None."""
    t = _strip_possessive(normalise(word))
    if len(t) < 4 or not t.isalpha() or lex.is_word(t) or is_skippable(t):
        return None
    bounds = [i for i in range(1, len(t)) if t[i - 1].islower() and t[i].isupper()]
    if bounds:
        return _camel_split(lex, t, bounds, known_names)
    if not (t.islower() or (t[0].isupper() and t[1:].islower())):
        return None
    low = t.lower()
    own = lex.zipf(low)
    if t[0].isupper() and own >= 1.0:
        return None  # "Westlife", "Goodridge": a capitalised string the web uses is a name
    splits: list[tuple[float, int]] = []
    for i in range(1, len(low)):
        zh = _part_ok(lex, low[:i])
        zt = _part_ok(lex, low[i:]) if zh is not None else None
        if zh is not None and zt is not None:
            splits.append((zh + zt, i))
    if not splits:
        return None
    best = max(splits)
    close = [(z, i) for z, i in splits if z >= best[0] - CLOSE_SPLITS]
    if len(close) > 1:
        best = max(close, key=lambda split: _as_two_words(low, split[1]))
    split_logp = best[0] - 18 + SPACE_LOGP
    typo_logp = -99.0
    for cand in lex.candidates(t)[:3]:
        typo_logp = max(typo_logp, cand.zipf - 9 - TYPO_K * cand.cost)
    i = best[1]
    if (
        low[i:] in SUFFIX_WORDS
        # "accusedsome", "fromsome": suffixes make words of stems, not of inflections or
        # function words
        and not (low[i:] not in INFLECTED_SUFFIXES and _inflected_form(lex, low[:i]))
        and low[:i] not in FUNCTION_WORDS
        and _lift(low[:i], low[i:]) < PHRASE_LIFT
    ):
        return None  # "kickable", "tieless", "goalwards": a derivation, not two words
    if len(low[:i]) > 2 and low[:i] in WORD_PREFIXES:
        return None  # "megaflops", "antiwar": a prefix, not a word
    # An unknown string the web writes often is either a closed compound ("tighthead",
    # "paycuts": leave it) or one slip made by many ("alot", "ofthe", "aswell"): the latter
    # always has a function word on one side, so only then does its frequency count for less.
    glue = (
        (low[:i] in FUNCTION_WORDS and low[:i] not in PARTICLES)
        or low[:i] in QUANTIFIER_HEADS
        or low[i:] in FUNCTION_WORDS
    )
    own_logp = own - 9 - (OWN_DISCOUNT if glue else 0.0) if own else -99.0
    margin = split_logp - max(typo_logp, own_logp)
    if margin < 0:
        return None
    confidence = round(_sigmoid(1.5 * margin + 1.0), 3)
    # closed compounds start with stems, not with inflected forms ("movingcars")
    head_starts_compounds = bool(lex.entry(low[:i])[1] & HEAD)
    compound_like = t[0].isupper() or (head_starts_compounds and not _inflected_form(lex, low[:i]))
    # no English word has a letter three times in a row: "fulllegal" is two words whatever
    # its head ("full legal")
    tripled = low[i - 1] == low[i] and (
        low[i - 2 : i - 1] == low[i] or low[i + 1 : i + 2] == low[i]
    )
    if not glue and compound_like and not tripled and _noun_like(low[i:]):
        # "carmaking", "passcard": the head starts many closed compounds and the tail may be
        # a noun, so this may be one the dictionary lacks; "Corkman", "Ticketweb": a
        # capitalised string no dictionary knows is a name first. Worth a note, not a
        # warning, unless the two words are a phrase ("badweather", "grandslams")
        cap = 0.6 if _lift(low[:i], low[i:]) >= COMPOUND_LIFT else 0.45
        confidence = min(confidence, cap)
    return Split([t[:i], t[i:]], confidence)


def _camel_split(
    lex: Lexicon, t: str, bounds: list[int], known_names: Iterable[str]
) -> Split | None:
    if len(bounds) != 1:
        return None  # GlaxoSmithKline-like brands
    i = bounds[0]
    head, tail = t[:i], t[i:]
    if lex.zipf(t) >= 2.5 and not _phrase_slip(lex, head, tail, lex.zipf(t)):
        return None  # a string the web writes as one (YouTube, PlayStation)
    if head in NAME_PARTICLES or len(head) < 2 or not head[0].isupper():
        return None  # DeSantis, LaGuardia, iPhone
    names = set(known_names)

    def ok(part: str) -> bool:
        return part in names or lex.is_word(part) or lex.zipf(part) >= 1.0

    if not (ok(head) and ok(tail)) or len(tail) < 2 or tail.isupper():
        return None
    # A name that is no word ("Rex", "Tony"), then a name ("RexTillerson", "TonyBlair"), is
    # surely two words; other pairs ("AutoLinks", "EuroDisney", "ThyssenKrupp") are as
    # likely one brand, so only worth a note.
    head_flags = lex.entry(head.lower())[1]
    head_named = (
        len(head) > 2 and not head_flags & LOWER and (head in names or bool(head_flags & CAP))
    )
    tail_named = (
        tail in names
        or not lex.entry(tail.lower())[1] & LOWER
        or bool(lex.entry(tail.lower())[1] & CAP)
    )
    if head_named and tail_named:
        return Split([head, tail], 0.9)
    if head == "The" and lex.zipf(t) < 1.0:
        # the article fuses with no name ("TheLibertines", "TheAviator"); the few brands
        # that fuse it are written so on the web ("TheStreet" 1.7)
        return Split([head, tail], 0.6)
    if head.lower() in FUNCTION_WORDS or len(head) < 3:
        # InStat, MySite: a note; but a phrase the web writes apart far more often and that
        # holds together ("ElSalvador") is the phrase with its space lost
        return Split([head, tail], 0.6 if _phrase_slip(lex, head, tail, lex.zipf(t)) else 0.45)
    if lex.zipf(t) >= 1.0:
        # The web writes it (EuroDisney, a brand): a note, unless the web writes the two
        # words apart far more often (JOINED_PHRASE_MARGIN) and as a phrase ("UnitedStates",
        # "MiddleEast")
        return Split([head, tail], 0.6 if _phrase_slip(lex, head, tail, lex.zipf(t)) else 0.45)
    # two known words: a phrase run together ("NorthernIreland", "AssociatedPress") is
    # sure; a pair that is no phrase ("PowerPage", "AutoLinks") may be a brand, but one the
    # web does not write: worth a warning
    return Split([head, tail], 0.85 if _lift(head, tail) >= PHRASE_LIFT else 0.6)


#: Endings of contractions and of the possessive, each a word with what comes before it.
_CLITICS = ("'ve", "'re", "'ll", "'d", "'m", "n't", "'s")
#: A word this common after the clitic makes the run-together sure (an error); a rarer
#: dictionary word, likely (a warning).
CLITIC_SURE_ZIPF = 3.0


def _clitic_join(lex: Lexicon, t: str) -> tuple[int, float] | None:
    """ "We'veseen", "doesn'tmatter", "Blair'sgovernment": a contraction or a possessive the
    dictionary knows, run into a lowercase word; (where the space goes, confidence)."""
    for clitic in _CLITICS:
        k = t.find(clitic, 1)
        while k > 0:
            cut = k + len(clitic)
            rest = t[cut:]
            zipf = _part_ok(lex, rest) if len(rest) > 1 and rest.isalpha() else None
            if zipf is not None and rest.islower() and lex.is_word(t[:cut]):
                return cut, 0.9 if zipf >= CLITIC_SURE_ZIPF else 0.6
            k = t.find(clitic, k + 1)
    return None


#: a split of a lowercase word below this confidence (a note) gives way to a likelier slip
WEAK_JOIN = 0.5


def classify_unknown(
    lex: Lexicon,
    word: str,
    sentence_initial: bool = False,
    known_names: Iterable[str] = (),
    by_letter: Mapping[str, Sequence[str]] | None = None,
) -> Verdict:
    """The verdict on an unknown ``word``. ``by_letter``, when given, is
    ``names_by_letter(known_names)``: a draft that asks about many words builds it once, so
    each near-name search reads the names with the word's first letter only."""
    t = normalise(word)
    if is_skippable(t):
        return Verdict(False, 0.0, (), "skip")
    replacement = lex.rejected(t)
    if replacement is not None:
        return Verdict(True, 1.0, (replacement,), "rejected")
    if lex.is_word(t):
        return Verdict(False, 0.0, (), "word")
    clitic = _clitic_join(lex, t)
    if clitic is not None:
        cut, confidence = clitic
        text = word if len(word) == len(t) else t  # keeps the writer's own apostrophe
        return Verdict(True, confidence, (text[:cut] + " " + text[cut:],), "joined")
    names = set(known_names)
    base = _strip_possessive(t).rstrip(".")
    tail = t[len(base) :]
    listed = listed_correction(base) if base not in names else None
    if listed and base[:1].isupper() and not sentence_initial and not _is_proper(lex, listed[0]):
        listed = None  # "Serie A": capitalised mid-sentence, a name before a slip of "series"
    if listed:
        # a misspelling people commonly make, on a public list: sure, whatever its frequency
        nearby = (c.word for c in lex.candidates(base)[:4])
        suggestions = tuple(dict.fromkeys([*listed, *nearby]))[:5]
        return Verdict(True, 0.9, tuple(c + tail for c in suggestions), "typo")
    if "-" in base:
        return _classify_compound(lex, base, tail, sentence_initial, names, by_letter)
    camel = _is_camel_case(base)
    if camel:
        # "RexTillerson" is two names even where the draft repeats it
        split = joined_split(lex, base, names - {base})
        if split and split.confidence >= 0.5:
            return Verdict(True, split.confidence, (" ".join(split.parts) + tail,), "joined")
    if base in names:
        return Verdict(False, 0.0, (), "name")
    if base[:1].isupper() and not camel:
        slip = capital_slip(lex, base)  # "Apirl" beside "April": a slip of the word itself
        if slip is not None:
            return slip._replace(suggestions=tuple(s + tail for s in slip.suggestions))
    near = (
        _near_name(lex, base, _same_letter(names, by_letter, base))
        if base[:1].isupper() and not camel
        else None
    )
    if near:
        return Verdict(True, 0.6 if lex.zipf(base) < 2.0 else 0.3, (near + tail,), "name-variant")
    if camel or sentence_initial or not base[:1].isupper():
        # a capitalised word in mid-sentence is a name before it is two words
        split = joined_split(lex, base, names)
        if split:
            joined = Verdict(True, split.confidence, (" ".join(split.parts) + tail,), "joined")
            if camel or split.confidence >= WEAK_JOIN:
                return joined
            # A weak split ("late test" in "latetest", "try mph" in "trymph") against a
            # likely slip of one word ("latest", "triumph"): the likelier story is told, the
            # other kept as a later suggestion. The slip must be the word model's own
            # verdict: the floor for strings nobody writes (UNWRITTEN_CONFIDENCE) holds for
            # strings nothing explains, and a split explains "carmaking" and "passcard".
            v = _classify_simple(lex, base, sentence_initial, names, by_letter)
            if v.kind != "typo" or v.confidence <= max(UNWRITTEN_CONFIDENCE, split.confidence):
                return joined
            return v._replace(
                suggestions=tuple(s + tail for s in v.suggestions[:4]) + joined.suggestions
            )
    v = _classify_simple(lex, base, sentence_initial, names, by_letter)
    if tail and v.suggestions:
        v = v._replace(suggestions=tuple(s + tail for s in v.suggestions))
    return v


def _is_camel_case(text: str) -> bool:
    """A capital straight after a lowercase letter somewhere inside: "RexTillerson"."""
    return any(a.islower() and b.isupper() for a, b in zip(text, text[1:], strict=False))


def _classify_compound(
    lex: Lexicon,
    base: str,
    tail: str,
    initial: bool,
    names: set[str],
    by_letter: Mapping[str, Sequence[str]] | None = None,
) -> Verdict:
    parts = base.split("-")
    worst = Verdict(False, 0.0, (), "word")
    for k, part in enumerate(parts):
        if not part or lex.is_word(part) or part.lower() in ("co", "re", "pre", "post", "non"):
            continue
        # "ofinflation-fighting", "SanFrancisco-based": a part run together is a join
        split = joined_split(lex, part, names) if part.islower() or _is_camel_case(part) else None
        if split and split.confidence >= 0.5:
            v = Verdict(True, split.confidence, (" ".join(split.parts),), "joined")
        else:
            # a part of a compound may be coined ("draftlint-disable"): only near slips count
            v = _classify_simple(lex, part, initial and k == 0, names, by_letter, far=False)
        if v.is_typo and v.confidence > worst.confidence or worst.kind == "word":
            fixed = tuple("-".join(parts[:k] + [s] + parts[k + 1 :]) + tail for s in v.suggestions)
            worst = v._replace(suggestions=fixed)
    return worst


def _near_name(lex: Lexicon, t: str, names: Iterable[str]) -> str | None:
    """A name of the draft that ``t`` is a near miss of ("Tillersen" -> "Tillerson")."""
    low = t.lower()
    best, best_cost = None, 0.9
    if len(t) < 5:
        return None
    near = []
    known = None  # lex.zipf(t) > 0, asked once, and only if a name is a word
    first, size, stem = t[0], len(t), t.rstrip("s")
    for name in names:
        if name == t or abs(len(name) - size) > 2 or len(name) < 5 or name[0] != first:
            continue
        if name.rstrip("s") == stem:
            continue  # "Scholls" beside "Scholl"
        if lex.is_word(name):
            if known is None:
                known = bool(lex.zipf(t))
            if known:
                continue  # "Liffe" (a name the web knows) beside the word "Life"
        near.append(name)
    if len(near) >= NEAR_NAMES_BATCH:  # a long draft's many names: their tables in numpy
        from draftlint.lexicon.compiled import weighted_table  # noqa: PLC0415 - numpy

        costs, peaks = weighted_table(low, [name.lower() for name in near])
        for name, cost, peak in zip(near, costs.tolist(), peaks.tolist(), strict=True):
            # what weighted_distance(low, name, limit=best_cost) <= best_cost says
            if peak <= best_cost and cost <= best_cost:
                best, best_cost = name, cost
        return best
    for name in near:
        cost = weighted_distance(low, name.lower(), limit=best_cost)
        if cost <= best_cost:
            best, best_cost = name, cost
    return best


#: From this many names to compare a word with, ``_near_name`` costs them in one numpy pass.
NEAR_NAMES_BATCH = 40


def names_by_letter(names: Iterable[str]) -> dict[str, list[str]]:
    """The names by first letter, each list in the order ``set(names)`` iterates them (the
    copy ``classify_unknown`` makes), so a search over one list meets the names it would
    have met in the whole set, in the same order: the same ties, the same verdicts."""
    index: dict[str, list[str]] = {}
    for name in set(names):
        index.setdefault(name[:1], []).append(name)
    return index


def _same_letter(
    names: set[str], by_letter: Mapping[str, Sequence[str]] | None, t: str
) -> Iterable[str]:
    return names if by_letter is None else by_letter.get(t[:1], ())


def _classify_simple(
    lex: Lexicon,
    t: str,
    initial: bool,
    names: set[str],
    by_letter: Mapping[str, Sequence[str]] | None = None,
    far: bool = True,
) -> Verdict:
    """The verdict on a word with no hyphen; ``far`` lets a string that nothing reads as a
    word be a slip however far it is from one."""
    if not t or not any(c.isalpha() for c in t):
        return Verdict(False, 0.0, (), "skip")
    if t in names:
        return Verdict(False, 0.0, (), "name")
    own = lex.zipf(t)
    capital = t[0].isupper()
    if capital and t[1:] != t[1:].lower() and not t.isupper():
        return Verdict(False, 0.0, (), "name")  # internal capitals: a brand or a name
    if t.isupper() and is_acronym(t):
        return Verdict(False, 0.0, (), "name")
    if any(c.isdigit() for c in t):
        return Verdict(False, 0.0, (), "skip")  # 4Cast, 1Xtra: product names and codes
    if len(t) > 2 and t[0].islower() and t[1].isupper():
        return Verdict(False, 0.0, (), "name")  # eDonkey, iTunes
    if 0 <= t.find("ll") < len(t) - 2 and lex.is_word(t.replace("ll", "l", 1)):
        # diallers: the British doubling of dialers (before a suffix: "hospitall" is a slip)
        return Verdict(False, 0.0, (), "rare")
    near = _near_name(lex, t, _same_letter(names, by_letter, t)) if capital else None
    if near:
        return Verdict(True, 0.6 if own < 2.0 else 0.3, (near,), "name-variant")
    cands = lex.candidates(t)
    if capital and not t.isupper():
        slip = capital_slip(lex, t, cands)
        if slip is not None:
            return slip
        # a capitalised unknown is a name unless it is a cheap slip of a common word
        cands = [c for c in cands if lex.entry(c.word.lower())[1] & LOWER]
    best = cands[0] if cands else None
    suggestions = tuple(dict.fromkeys(c.word for c in cands[:5]))
    if best is None:
        if own >= 1.0 or capital:
            return Verdict(False, 0.0, (), "name" if capital else "rare")
        return Verdict(True, 0.3, (), "unknown")
    # Logistic model fitted on BBC dev unknown tokens (negatives) against injected typos
    # and half of the Wikipedia misspellings (positives); see bench/lexicon_bench.py.
    z = 1.35 * best.zipf - 1.95 * own - 4.28 * best.cost + 2.05 * min(len(t), 12) / 12 - 1.22
    if capital and not initial:
        z -= 7.36  # names are the rule here: a slip of a common word gets a note at most
    elif capital:
        z -= 1.42
    confidence = round(_sigmoid(z), 3)
    if capital and not initial:
        confidence = min(confidence, 0.45)
    elif (
        not capital
        and own == 0.0
        and len(t) >= UNWRITTEN_MIN_LENGTH
        and any(_unwritten_slip_of(t, c) for c in cands[:3])
    ):
        # No word list and no web count knows the string, and one edit makes it a word: a
        # slip, whatever the word's own frequency (the model above doubts "plsudits" because
        # "plaudits" is rare). What stays doubtful is an unlisted form of the word itself.
        confidence = max(confidence, UNWRITTEN_CONFIDENCE)
    elif (
        far
        and not capital
        and _unwritten_unexplained(lex, t, own)
        and not any(_related_forms(t, c.word.lower()) for c in cands[:3])
        and any(_far_slip_of(t, c) for c in cands[:3])
    ):
        # Further from any word ("surfishent", "enfusiasem": spelt by ear), but still no list
        # or web count knows it, no regular derivation reads it as a word, and it is within
        # reach of a common word with its first letter. What else passes is foreign words and
        # coinages (on opinion pieces about 2 per 100,000 words; on news fewer).
        confidence = max(confidence, UNWRITTEN_CONFIDENCE)
    if confidence < 0.2:
        kind = "name" if capital else "rare"
        return Verdict(False, confidence, suggestions, kind)
    return Verdict(True, confidence, suggestions, "typo")


#: A lowercase string of this length or more that no list or web count knows, within one
#: edit (this cost) of a word, or two of a common word, is a typo this sure (a warning).
UNWRITTEN_MIN_LENGTH = 5
UNWRITTEN_MAX_COST = 1.1
UNWRITTEN_CONFIDENCE = 0.5
#: Two edits away, a long string must be a slip of a common word.
UNWRITTEN_FAR_LENGTH = 7
UNWRITTEN_FAR_COST = 1.71  # two cheap edits (1.7), with room for rounding
UNWRITTEN_FAR_ZIPF = 3.5
_SUFFIXES = ("", "s", "es", "d", "ed", "r", "er", "ers", "ing", "ly", "y")


#: ... and one further from any word must be this long (short strings are abbreviations,
#: interjections and foreign words as often as slips)
UNWRITTEN_ANY_LENGTH = 5


def _unwritten_unexplained(lex: Lexicon, t: str, own: float) -> bool:
    """A lowercase string that the web never writes and that no regular prefix or ending
    reads back to a word ("hypergrowth", "hereditaries" are unlisted forms, not slips)."""
    return (
        own == 0.0
        and len(t) >= UNWRITTEN_ANY_LENGTH
        and t.isalpha()
        and t.islower()
        and not any(lex.is_word(base) for base in possible_bases(t))
        and not _two_words(lex, t)
    )


#: A far slip misses a common word (zipf) with the same first letter (people seldom get the
#: first letter wrong) and at most this edit cost per letter written: "surfishent" for
#: sufficient 0.27, "exebithion" for exhibition 0.19; not "jahiliya" for jail 0.31.
FAR_SLIP_ZIPF = 3.8
FAR_SLIP_COST_PER_LETTER = 0.3


def _far_slip_of(t: str, c: Suggestion) -> bool:
    first = c.word[:1].lower()
    return (
        c.zipf >= FAR_SLIP_ZIPF
        # a first vowel spelt by ear is as good as the right one: "exzeptable", acceptable
        and (
            first == t[:1]
            or (first in _VOWELS and t[:1] in _VOWELS)
            or frozenset((first, t[:1])) in _SAME_SOUND_FIRST
        )
        and c.cost <= FAR_SLIP_COST_PER_LETTER * len(t)
    )


_VOWELS = VOWELS - {"y"}  # a first y is a consonant ("year")
#: First letters that spell one sound, swapped when a word is spelt by ear ("kontente")
_SAME_SOUND_FIRST = frozenset(frozenset(p) for p in ("ck", "cs", "gj", "kq", "sz"))


#: each part of a closed compound that explains an unwritten string is this long
_COMPOUND_PART = 4


def _two_words(lex: Lexicon, t: str) -> bool:
    """The string is two words written as one ("beachgoer"): a compound or a join, which
    the join rules judge, not a slip of one word."""
    return any(
        lex.is_word(t[:i]) and lex.is_word(t[i:])
        for i in range(_COMPOUND_PART, len(t) - _COMPOUND_PART + 1)
    )


def _unwritten_slip_of(t: str, c: Suggestion) -> bool:
    near = c.cost <= UNWRITTEN_MAX_COST or (
        len(t) >= UNWRITTEN_FAR_LENGTH
        and c.cost <= UNWRITTEN_FAR_COST
        and c.zipf >= UNWRITTEN_FAR_ZIPF
    )
    return near and not _related_forms(t, c.word.lower())


def _related_forms(a: str, b: str) -> bool:
    """Two forms of one stem ("trailblazed", "trailblazer"; "teraflop", "teraflops"): an
    unlisted inflection or derivation, not a slip."""
    stems_a = {a[: len(a) - len(s)] for s in _SUFFIXES if a.endswith(s) and len(a) - len(s) >= 3}
    return any(
        b[: len(b) - len(s)] in stems_a for s in _SUFFIXES if b.endswith(s) and len(b) > len(s)
    )


#: A capitalised slip: the word it misses must be this frequent (zipf: Finland 4.0, Bristol
#: 4.0, Wednesday 4.6), this much more frequent than the string written, and this near.
CAPITAL_MIN_ZIPF = 3.8
CAPITAL_MARGIN = 2.0
CAPITAL_MAX_COST = 1.1
#: ... and the string itself all but unwritten: names, however odd, are on the web (Parul
#: 1.6, Paes 2.2); slips of the keyboard are not (Briastol 0). Common misspellings that the
#: web does write ("Febuary" 1.8) are on the misspelling list instead.
CAPITAL_MAX_OWN = 1.0
#: A string the web writes rarely (another language's word, a misspelling: "Desember" 1.1,
#: "Londen" 1.3) is still a slip when one cheap edit makes a word this much more frequent.
CAPITAL_RARE_OWN = 1.5
CAPITAL_RARE_MAX_COST = 0.8
CAPITAL_RARE_MARGIN = 3.5
#: zipf one unit of edit cost is worth when choosing the word a capital slip misses
CAPITAL_COST_WEIGHT = 2.0


def _near_capitals(lex: Lexicon, t: str) -> list[Suggestion]:
    """Capitalised words (see ``capital_word``) within the capital-slip distance, best
    first, without the costly sound-alike search (a name near nothing would always pay for
    it) and without costing the common words near it, which a capital slip never reads."""
    return lex.candidates_where(t, capital_word(lex), max_cost=CAPITAL_MAX_COST + 0.5)


def _proper(flags: int) -> bool:
    """A word written capitalised only: "Finland", "Wednesday", not "Life" or "Holy"."""
    return bool(flags & CAP) and not flags & LOWER


@cache
def capital_word(lex: Lexicon) -> Callable[[str], bool]:
    """A suggestion a capital slip may be of: capitalised, and a word written capitalised
    only ("Finland", not "Life")."""

    def capital(word: str) -> bool:
        return word[:1].isupper() and _proper(lex.entry(word.lower())[1])

    return capital


def capital_slip(lex: Lexicon, t: str, cands: list | None = None) -> Verdict | None:
    """ "Wensday", "Austrailia", "Briastol": a capitalised string one or two cheap edits from
    a far more frequent capitalised word (a day, month, country, city, demonym or well-known
    name), and from no other capitalised word as near: a slip of that word.

    Only for a string the draft does not use as a name (the caller checks: used once, not
    introduced by a title or first name). A string near several capitalised words
    ("Brittan": Brittany, Britton, Britain) is a name of its own.
    """
    own = lex.zipf(t)
    if own >= CAPITAL_RARE_OWN:
        return None  # the web writes it: a real name ("Parul", "Paes"), however near
    if cands is None:
        capitals = _near_capitals(lex, t)
    else:
        capital = capital_word(lex)
        capitals = [c for c in cands if capital(c.word)]
    if not capitals:
        return None
    # the likeliest word meant: frequency against the cost of the edit (a noisy channel), so
    # that "Hiyler" is Hitler (4.2, a key away) rather than Hiller (2.8, a cheaper edit)
    best = max(capitals, key=lambda c: (c.zipf - CAPITAL_COST_WEIGHT * c.cost, -c.cost))
    if (
        best.cost > CAPITAL_MAX_COST
        or best.zipf < CAPITAL_MIN_ZIPF
        or best.zipf - own < CAPITAL_MARGIN
        or best.word.lower().rstrip("s") == t.lower().rstrip("s")
    ):
        return None
    if own >= CAPITAL_MAX_OWN and (
        best.cost > CAPITAL_RARE_MAX_COST or best.zipf - own < CAPITAL_RARE_MARGIN
    ):
        return None  # rare on the web, not unwritten: only a cheap slip of a very common word
    sure = best.cost <= 0.75 and best.zipf >= 4.0
    others = tuple(dict.fromkeys(c.word for c in capitals if c is not best))[:4]
    return Verdict(True, 0.85 if sure else 0.6, (best.word, *others), "typo")


def is_capital_slip(lex: Lexicon, t: str, sure_only: bool = False) -> bool:
    key = (id(lex), t, sure_only)
    got = _CAPITAL_SLIPS.get(key)
    if got is None:
        if len(_CAPITAL_SLIPS) > 20000:
            _CAPITAL_SLIPS.clear()
        got = _CAPITAL_SLIPS[key] = _is_capital_slip(lex, t, sure_only)
    return got


#: (lexicon, word, sure_only) -> verdict: the same names recur across a tree's drafts.
_CAPITAL_SLIPS: dict[tuple[int, str, bool], bool] = {}


def _is_capital_slip(lex: Lexicon, t: str, sure_only: bool = False) -> bool:
    """A capitalised word that, written once and not introduced, reads as a slip of a
    capitalised word (listed as a common misspelling of one, or a capital slip): not
    learned as a name of the draft."""
    if lex.is_word(t) or not t[1:].islower():
        return False
    listed = listed_correction(t)
    if listed and _is_proper(lex, listed[0]):
        return True
    slip = capital_slip(lex, t)
    if slip is None or not sure_only:
        return slip is not None
    if slip.confidence < 0.8 or lex.zipf(t) > 0:
        return False
    # and no other name as near: "Ray Neidl" is near Neil, Neill and Neal, a name of its own
    near = [c.cost for c in _near_capitals(lex, t)]
    return len(near) < 2 or sorted(near)[1] >= sorted(near)[0] + 0.5


def _is_proper(lex: Lexicon, word: str) -> bool:
    return " " not in word and _proper(lex.entry(word.lower())[1])


def looks_like_name(lex: Lexicon, word: str, known_names: Iterable[str] = ()) -> bool:
    """A capitalised word the dictionary does not know as a word, and not a typo of one."""
    t = _strip_possessive(normalise(word))
    if not t[:1].isupper() or lex.entry(t.lower())[1] & LOWER:
        return False
    if lex.is_word(t):
        return True  # a listed name (SCOWL proper names, camel-case names)
    # judged as if the capital said nothing (sentence-initial): "Whaterver" is a near miss
    # of the very common "whatever", so a typo; "Peskov" is near no common word, so a name
    verdict = classify_unknown(lex, t, True, known_names)
    return not (verdict.is_typo and verdict.confidence >= 0.5)


#: ``learn_names``'s third field: the word follows a title or a first name ("Mr", "Dmitry"),
#: which makes it a name even where it looks like a slip; a plain True (another capitalised
#: word before it) makes it a name only where it does not.
TITLED = 2


def learn_names(lex: Lexicon, tokens: Iterable[tuple[str, bool, bool | int]]) -> set[str]:
    """Names a draft uses, from (text, is_sentence_initial, preceded_by_title_or_capital).

    A capitalised word is a name of the draft when it is introduced by a title or another
    capitalised word ("Press Secretary Dmitry Peskov"), used mid-sentence, or used twice,
    unless the dictionary knows it as a common lowercase word ("The", "However").  A name
    used once that is a near miss of a name used more often is left out, so that
    ``classify_unknown`` can flag it as a variant ("Tillersen" beside "Tillerson" x3).
    """
    counts: Counter[str] = Counter()
    strong: set[str] = set()
    titled: set[str] = set()
    for text, initial, after in tokens:
        t = _strip_possessive(normalise(text))
        if not t[:1].isupper() or not any(c.islower() for c in t):
            continue
        counts[t] += 1
        if after or not initial:
            strong.add(t)
        if after == TITLED:
            titled.add(t)
    names = set()
    for t, n in counts.items():
        if t not in strong and n < 2:
            continue
        if n == 1 and is_capital_slip(lex, t, sure_only=t in titled):
            # "Wensday", "Briastol" written once: a slip, not a name of the draft; after a
            # first name ("Rod Stewat") only a sure slip, of a string nobody writes
            continue
        if _is_camel_case(t):
            split = joined_split(lex, t)
            if split and split.confidence >= 0.5:
                continue  # "RexTillerson": two names run together, not a name
        z, flags = lex.entry(t.lower())
        if flags & LOWER and z >= 3.0 and t not in strong:
            continue  # "Whatever" at the start of two sentences is a word, not a name
        names.add(t)
    # The rivals are the names used more than once: never discarded below, so one set (built
    # in the same order as a fresh one per name would be) serves every name used once, and
    # each asks only the rivals with its own first letter (``_near_name`` skips the others,
    # and a list keeps the set's order): a long draft's cost no longer grows with its names
    # squared.
    rivals: dict[str, list[str]] = {}
    for n in {n for n in names if counts[n] > 1}:
        rivals.setdefault(n[0], []).append(n)
    for t in list(names):
        if counts[t] == 1 and _near_name(lex, t, rivals.get(t[0], [])):
            names.discard(t)
    return names
