"""CN2xx: people's names - one name spelled two ways, a full name repeated after the first mention.

Names are read from the draft itself: runs of capitalised words inside sentences (not
headlines), a word that only ever stands at the start of a sentence being no evidence of a
name.  Whether a spelling is a known word or name comes from the lexicon's web frequency
(``draftlint.lexicon.lexicon.zipf``, falling back to ``wordfreq``), loaded only when a pair of
near-identical names turns up.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from draftlint.data_files import read_list
from draftlint.drafts.analysis import Token
from draftlint.drafts.document import Document, Span
from draftlint.drafts.facts import (
    cached,
    headline_paragraphs,
    is_capitalised,
    sentence_initial,
    strip_possessive,
)
from draftlint.drafts.speech import _FUNCTION, HONORIFICS, speech
from draftlint.rule import Context, rule
from draftlint.violation import Finding, Severity

#: Shorter names are too often different names one letter apart (Bush/Busch, Ryan/Rian); the
#: shorter of a pair may have one letter less (Sears/Sars).
MIN_LENGTH = 5
#: A spelling seen this rarely on the web (Zipf) is no established name: "Tilerson", "Lavorv".
UNKNOWN_ZIPF = 1.0


@dataclass(frozen=True)
class NameRun:
    """Adjacent capitalised words in a sentence: "Dmitry Peskov", "George W. Bush", "Mr Beith"."""

    tokens: tuple[Token, ...]  # leading function words and the honorific removed
    honorific: str | None
    initial: bool  # the run opens its sentence, so its first capital may be positional
    first_index: int  # token index of tokens[0]

    @property
    def surname(self) -> str:
        return strip_possessive(self.tokens[-1].text)


def _is_name_token(token: Token) -> bool:
    if token.kind == "abbrev":
        return token.text[0].isupper() and len(token.text) <= 4  # an initial: "W.", "H.R."
    if token.kind == "word" and len(token.text) == 1:
        return token.text.isupper() and token.text != "I"  # "George W Bush"
    return token.kind == "word" and is_capitalised(token.text)


def name_runs(document: Document) -> list[NameRun]:
    return cached(document, "name_runs", _name_runs)


def _name_runs(document: Document) -> list[NameRun]:
    analysis = document.analysis
    tokens = analysis.tokens
    prose = document.prose
    headlines = headline_paragraphs(document)
    initial = sentence_initial(document)
    runs: list[NameRun] = []
    for sentence in analysis.sentences:
        if sentence.paragraph in headlines:
            continue
        i = sentence.first_token
        while i < sentence.last_token:
            if not _is_name_token(tokens[i]):
                i += 1
                continue
            j = i + 1
            while (
                j < sentence.last_token
                and _is_name_token(tokens[j])
                and _joined(prose, tokens[j - 1], tokens[j])
            ):
                j += 1
            k = i
            while k < j and tokens[k].text in _FUNCTION and k in initial:
                k += 1
            honorific = None
            if k < j and tokens[k].text in HONORIFICS:
                honorific = tokens[k].text.rstrip(".")
                k += 1
            if k < j and tokens[j - 1].kind == "word":
                runs.append(NameRun(tuple(tokens[k:j]), honorific, k in initial, k))
            i = j
    return runs


def _joined(prose: str, left: Token, right: Token) -> bool:
    gap = prose[left.end : right.start]
    return gap == " " or (gap == "" and left.kind == "abbrev")


def introductions(document: Document) -> dict[str, int]:
    """Surname -> prose offset of its first full-name mention ("Richard Thomas", "RexTillerson")."""
    return cached(document, "introductions", _introductions)


def _introductions(document: Document) -> dict[str, int]:
    first: dict[str, int] = {}
    for run in name_runs(document):
        last = run.tokens[-1]
        surname = strip_possessive(last.text)
        if len(run.tokens) >= 2 and not (
            run.initial and len(run.tokens) == 2 and run.tokens[0].text in _FUNCTION
        ):
            first.setdefault(surname, run.tokens[0].start)
        # A run-together name ("RexTillerson") introduces its surname too; WS rules report the
        # missing space, so counting it here avoids a second finding for one slip.
        for cut in range(1, len(surname) - 2):
            if surname[cut].isupper() and surname[cut - 1].islower():
                first.setdefault(surname[cut:], last.start)
    return first


# ------------------------------------------------------------------------ word knowledge
@cache
def _zipf() -> Callable[[str], float] | None:
    """Web frequency of a word: the lexicon's when it loads, else wordfreq's, else nothing."""
    try:
        from draftlint.lexicon.lexicon import zipf

        zipf("the")
        return zipf
    except Exception:  # noqa: BLE001 - the lexicon may be absent or its data unbuilt
        pass
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return None
    return lambda word: zipf_frequency(word, "en")


#: Words of the census given-name list that, before a name, are titles or articles: "King
#: Abdullah", "General Motors", "Al Qaeda" (Arabic "al-").
NOT_GIVEN = frozenset(
    "King Queen Prince Princess Duke Earl Lord Lady Sir Dame President General Major Colonel "
    "Captain Judge Justice Bishop Pope Chancellor Governor Senator Admiral Marshal "
    "Al El La Le Van Von Del "
    "Saint Santa San Will".split()
)


@cache
def given_names() -> frozenset[str]:
    return frozenset(read_list("lists/given-names.txt")) - NOT_GIVEN


# ------------------------------------------------------------------------ CN201
def _osa_distance_is_one(a: str, b: str) -> bool:
    """True when one substitution, insertion, deletion or swap of neighbours turns a into b."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1 :]


@dataclass
class _Form:
    text: str
    mentions: list[Token]
    positional: int  # mentions whose capital may only be the sentence's
    neighbours: set[str]  # capitalised words next to it in a run (first names, surnames)
    runs: set[int]  # the runs it stands in: two forms of one run are parts of one name


def _forms(document: Document) -> dict[str, _Form]:
    forms: dict[str, _Form] = {}
    for number, run in enumerate(name_runs(document)):
        words = [t for t in run.tokens if t.kind == "word"]
        for index, token in enumerate(words):
            text = strip_possessive(token.text)
            if "-" in text or any(c.isdigit() for c in text):
                continue  # "GR101" and "GR102" are codes, not one name spelled two ways
            form = forms.setdefault(text, _Form(text, [], 0, set(), set()))
            form.runs.add(number)
            form.mentions.append(token)
            if run.initial and index == 0 and len(words) == 1:
                form.positional += 1  # "Rover opened ...": the capital may be the sentence's
            form.neighbours.update(strip_possessive(w.text) for w in words if w is not token)
    return forms


@rule(
    "CN201",
    "name-spelling-variant",
    Severity.WARNING,
    "One name spelled two ways in the draft.",
    what="Two capitalised names one letter apart (one substitution, insertion, deletion or swap), "
    "where one is the draft's usual spelling and the other is unknown on the web, or where both "
    'stand beside the same first name or surname ("Dmitry Peskov" and "Dmitri Peskov"). '
    "Names of fewer than five letters, names with different first letters and two established "
    'names each used more than once ("Bush" and "Busch") are left alone.',
    why="A misspelled name is the error readers and subjects notice first, and a spellchecker "
    "that learns names from the draft accepts both spellings.",
    bad="Sergei Lavrov met the press. Later Lavorv said the talks had gone well.",
    good="Sergei Lavrov met the press. Later Lavrov said the talks had gone well.",
)
def name_spelling_variant(document: Document, context: Context) -> Iterator[Finding]:
    forms = {k: f for k, f in _forms(document).items() if len(k) >= MIN_LENGTH - 1}
    by_initial: dict[str, list[_Form]] = defaultdict(list)
    for form in forms.values():
        by_initial[form.text[0]].append(form)
    zipf: Callable[[str], float] | None = None
    looked_up = False
    reported: set[str] = set()
    for group in by_initial.values():
        group.sort(key=lambda f: f.text)
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if (
                    max(len(a.text), len(b.text)) < MIN_LENGTH
                    or not _osa_distance_is_one(a.text, b.text)
                    or _affixed(a.text, b.text)
                ):
                    continue
                if not looked_up:
                    zipf, looked_up = _zipf(), True
                finding = _judge(a, b, zipf)
                if finding is not None and finding[0].text not in reported:
                    odd, usual, how = finding
                    reported.add(odd.text)
                    for token in odd.mentions:
                        span = Span(token.start, token.start + len(odd.text))
                        yield Finding(
                            span,
                            f"{odd.text!r} is spelled {usual.text!r} elsewhere in the draft "
                            f"({len(usual.mentions)} to {len(odd.mentions)}; {how})",
                            (usual.text,),
                        )


def _affixed(a: str, b: str) -> bool:
    """ "Russia"/"Russian", "Brown"/"Browne", "Korea"/"Koreas": a name and a derivative or a
    different name, not a misspelling, when the longer only adds a common ending."""
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 and long.startswith(short) and long[-1] in "aeinsy"


def _judge(
    a: _Form, b: _Form, zipf: Callable[[str], float] | None
) -> tuple[_Form, _Form, str] | None:
    """(odd form, usual form, why) when a and b are one name spelled two ways.

    Without word frequencies (no lexicon, no wordfreq) only a shared first name or surname is
    evidence enough.
    """
    if a.runs & b.runs:
        return None  # "Lian Chia Liang": two parts of one name
    if zipf is None:
        shared = (a.neighbours & b.neighbours) - HONORIFICS
        if not shared:
            return None
        usual, odd = (
            (a, b)
            if len(a.mentions) > len(b.mentions)
            or (len(a.mentions) == len(b.mentions) and a.mentions[0].start < b.mentions[0].start)
            else (b, a)
        )
        return odd, usual, f"both beside {sorted(shared)[0]!r}"
    za, zb = zipf(a.text), zipf(b.text)
    ca, cb = len(a.mentions), len(b.mentions)
    # Only sentence-initial capitals, and a common word: "Rover" opening a sentence is no name.
    for form, z in ((a, za), (b, zb)):
        if form.positional == len(form.mentions) and z >= 3.0:
            return None
    if (ca, za) > (cb, zb) or ((ca, za) == (cb, zb) and a.mentions[0].start < b.mentions[0].start):
        usual, odd, z_usual, z_odd = a, b, za, zb
    else:
        usual, odd, z_usual, z_odd = b, a, zb, za
    shared = (a.neighbours & b.neighbours) - HONORIFICS
    if shared:
        return odd, usual, f"both beside {sorted(shared)[0]!r}"
    if len(odd.mentions) >= 2 and len(usual.mentions) >= 2:
        return None  # two established spellings, each used repeatedly: two people
    if z_odd <= UNKNOWN_ZIPF and (
        z_usual >= z_odd + 1.0 or len(usual.mentions) > len(odd.mentions)
    ):
        return odd, usual, f"{odd.text!r} is not a known name"
    if z_odd <= UNKNOWN_ZIPF and z_usual <= UNKNOWN_ZIPF:
        # Two unknown spellings once each: one is wrong, and the first one used sets the form.
        return odd, usual, "the first spelling sets the form"
    return None


# ------------------------------------------------------------------------ CN202
@rule(
    "CN202",
    "full-name-repeated",
    Severity.INFO,
    "A person's full name repeated after the first reference.",
    what='A first name and surname ("Donald Trump") that the draft already gave in full. A name '
    "counts as a person's when its first word is a common given name or its surname also stands "
    'with a title ("Mr Putin"), the draft uses the surname alone somewhere and never the first '
    'name alone ("China Sea": China stands alone). Surnames shared by two people, repeats in '
    "the same or the next sentence (rhetoric) and names inside quotations are left alone.",
    why="News style gives the full name once and the surname after, so a full name signals a new "
    "person; repeating it makes the reader wonder whether it is someone else.",
    bad="Donald Trump met Putin. Trump smiled. Later, Donald Trump spoke to reporters.",
    good="Donald Trump met Putin. Trump smiled. Later, Trump spoke to reporters.",
)
def full_name_repeated(document: Document, context: Context) -> Iterator[Finding]:
    found = speech(document)
    runs = [r for r in name_runs(document) if not (r.initial and r.tokens[0].text in _FUNCTION)]
    titled = {r.surname for r in runs if r.honorific}
    # Surnames the draft uses alone: the convention this rule asks for is already in use, and a
    # name never shortened ("Charlie Hebdo", "Max Factor") is more likely a title or a firm.
    alone = {r.surname for r in runs if len(r.tokens) == 1}
    givens = given_names()
    first_names: dict[str, set[str]] = defaultdict(set)
    people: list[tuple[str, str, NameRun]] = []
    for run in runs:
        words = [t for t in run.tokens if t.kind == "word"]
        if len(words) < 2:
            continue
        given, surname = words[-2].text, run.surname  # "George W. Bush": George, Bush
        first_names[surname].add(given)
        if given in NOT_GIVEN or given in alone or surname not in alone:
            continue  # "President Obama"; "China Sea" (China stands alone elsewhere)
        if given in givens or surname in titled:
            people.append((given, surname, run))
    seen: Counter[tuple[str, str]] = Counter()
    last_sentence: dict[tuple[str, str], int | None] = {}
    analysis = document.analysis
    for given, surname, run in people:
        key = (given, surname)
        seen[key] += 1
        sentence = analysis.sentence_at(run.tokens[0].start)
        previous, last_sentence[key] = last_sentence.get(key), sentence
        if seen[key] == 1 or len(first_names[surname]) > 1:
            continue
        if (
            sentence is not None and previous is not None and sentence - previous <= 1
        ) or found.in_quote(run.tokens[0].start):
            # Rhetoric ("no one except Marilyn Monroe created Marilyn Monroe"), a quoted headline.
            continue
        start = next(t.start for t in run.tokens if t.text == given)
        end = run.tokens[-1].start + len(surname)
        yield Finding(
            Span(start, end),
            f"{given} {surname} is named in full again; after the first reference use the surname",
            (surname,),
        )


RULES = (name_spelling_variant, full_name_repeated)
