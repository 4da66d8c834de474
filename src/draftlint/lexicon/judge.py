"""The word model of one draft: every word the lexicon does not know, judged once.

SP101 (typos), SP201 (rejected words), WS101 and WS102 (words run together) all read the same
judgements, so the lexicon is asked once per unknown word and the draft's names are learned
once per document.  The lexicon is loaded only when one of these rules runs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from draftlint.data_files import read_list, rules_path
from draftlint.drafts.analysis import Token
from draftlint.drafts.document import Document, Span
from draftlint.drafts.facts import cached, headline_paragraphs, sentence_initial
from draftlint.lexicon.edits import weighted_distance
from draftlint.lexicon.lexicon import Lexicon, get_lexicon
from draftlint.lexicon.names import (
    FUNCTION_WORDS,
    NAME_PARTICLES,
    TITLED,
    TITLES,
    Verdict,
    capital_word,
    classify_unknown,
    joined_split,
    learn_names,
    names_by_letter,
)
from draftlint.lexicon.store import LOWER
from draftlint.violation import Severity


def severity_for(confidence: float) -> Severity:
    """Error only when the word model is sure; a doubtful word is a note."""
    if confidence >= 0.8:
        return Severity.ERROR
    if confidence >= 0.5:
        return Severity.WARNING
    return Severity.INFO


class VocabularyError(ValueError):
    """A vocabulary file that cannot be read: reported as ``path:line: what is wrong``."""


@dataclass(frozen=True)
class Judgement:
    token: Token
    verdict: Verdict


@dataclass(frozen=True)
class Vocabulary:
    accept: frozenset[str]
    reject: tuple[tuple[str, str], ...]  # (word, preferred form or "")


def read_vocabulary(path: Path) -> Vocabulary:
    """One entry per line: ``word`` accepts it; ``wrong -> right`` or ``!wrong`` rejects it.

    Blank lines and lines starting with ``#`` are skipped.
    """
    accept: set[str] = set()
    reject: list[tuple[str, str]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise VocabularyError(f"{path}: cannot read vocabulary: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise VocabularyError(f"{path}: vocabulary is not valid UTF-8") from None
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if "->" in line:
            wrong, _, right = (part.strip() for part in line.partition("->"))
            if not wrong or not right:
                raise VocabularyError(f"{path}:{number}: expected 'wrong -> right', got {line!r}")
            reject.append((wrong, right))
        elif line.startswith("!"):
            reject.append((line[1:].strip(), ""))
        elif " " in line:
            raise VocabularyError(
                f"{path}:{number}: one word per line (or 'wrong -> right'), got {line!r}"
            )
        else:
            accept.add(line)
    return Vocabulary(frozenset(accept), tuple(reject))


@cache
def _lexicon_with(vocabularies: tuple[str, ...]) -> Lexicon:
    accept: set[str] = set()
    reject: dict[str, str] = {}
    for path in (str(rules_path("lists/rejected-words.txt")), *vocabularies):
        vocabulary = read_vocabulary(Path(path))
        accept |= vocabulary.accept
        reject.update({wrong: right for wrong, right in vocabulary.reject})
    return get_lexicon().with_vocab(accept, reject)


def lexicon_for(vocabularies: tuple[str, ...]) -> Lexicon:
    """The lexicon with the config's vocabularies (``Settings.vocabularies``: paths resolved)."""
    return _lexicon_with(vocabularies)


def _introduced(tokens: list[Token], i: int, initial: frozenset[int]) -> bool | int:
    """What comes before a capitalised word: ``TITLED`` after a title, a first name or
    initials ("Press Secretary Dmitry Peskov", "H.R. McMaster"), True after another
    capitalised word, else False (see ``learn_names``). A function word that opens the
    sentence ("An Indan firm", "The Wensday vote") is capitalised by position only: it
    introduces nothing, though "An" and "Will" are first names too."""
    j = i - 1
    initials = False
    while j >= 0 and tokens[j].kind == "abbrev":
        j -= 1  # "H.R. McMaster": look past initials
        initials = True
    if initials and tokens[j + 1].end >= tokens[i].start - 2:
        return TITLED
    if j < 0 or tokens[j].kind != "word" or tokens[j].end < tokens[i].start - 2:
        return False
    before = tokens[j].text
    if j in initial and before.lower() in FUNCTION_WORDS:
        return False
    if before in TITLES or _is_given_name(before) or (len(before) == 1 and before.isupper()):
        return TITLED  # "Mr Oaten", "Leander Paes", "J Thion"
    return before[:1].isupper() and any(c.islower() for c in before[1:])


def judgements(document: Document, vocabularies: tuple[str, ...]) -> list[Judgement]:
    """The verdict on every word of the draft the lexicon does not know, in order."""
    return cached(document, "word-judgements", lambda d: _judge(d, lexicon_for(vocabularies)))


def _judge(document: Document, lexicon: Lexicon) -> list[Judgement]:
    analysis = document.analysis
    tokens = analysis.tokens
    initial = sentence_initial(document)
    headlines = headline_paragraphs(document)
    headline_tokens = {
        i
        for p in headlines
        for i in range(analysis.paragraphs[p].first_token, analysis.paragraphs[p].last_token)
    }
    words = [i for i, t in enumerate(tokens) if t.kind == "word"]
    names = learn_names(
        lexicon,
        (
            (tokens[i].text, i in initial or i in headline_tokens, _introduced(tokens, i, initial))
            for i in words
            if not tokens[i].text[:1].islower()  # learn_names reads capitalised words only
        ),
    )
    counts = Counter(tokens[i].text for i in words)
    mid = [k for k, i in enumerate(words) if i not in initial and i not in headline_tokens]
    alone = _Counts(
        counts,
        Counter(tokens[words[k]].text for k in mid),
        Counter(
            text
            for k in mid
            if (text := tokens[words[k]].text)[:1].isupper()  # only capitals are asked about
            and not _in_capitalised_run(tokens, words, k)
        ),
    )
    found = []
    prose = document.prose
    by_letter = names_by_letter(names)  # read by every near-name search below
    for i in words:
        token = tokens[i]
        if lexicon.is_known(token.text):
            continue
        if _DOMAIN_TAIL.match(prose, token.end):
            continue  # "gamesindustry.biz": a site's name, written as its address
        # A title's words are capitalised by style: judge them as if sentence-initial.
        verdict = classify_unknown(
            lexicon, token.text, i in initial or i in headline_tokens, names, by_letter
        )
        if not verdict.is_typo and _is_camel(token.text) and counts[token.text] == 1:
            verdict = _camel_join(lexicon, token.text, names, alone, document.prose) or verdict
        if (
            verdict.kind == "joined"
            and counts[token.text] > 1
            and not _part_used_alone(verdict, alone, lexicon, names_only=True)
        ):
            continue  # written the same way twice: a deliberate brand or compound (EuroDisney)
        if not verdict.is_typo and verdict.kind == "name" and counts[token.text] == 1:
            verdict = _capital_slip_of_name(document, lexicon, i) or verdict
        if verdict.is_typo:
            found.append(Judgement(token, verdict))
    return found


#: A capitalised string the web writes rarely (zipf below this) may be a slip of a far more
#: frequent capitalised word one edit away ("Irland", "Sanday", "Olver") even though the web
#: writes it: many people make the same slip, and rare names look the same ("Jadon", "Kenna").
CONTEXT_CAPITAL_OWN = 2.5
#: ... when the word meant is this frequent and this much more frequent than the string ...
CONTEXT_CAPITAL_MIN_ZIPF = 3.5
CONTEXT_CAPITAL_MARGIN = 1.5
#: ... and it makes the string's window of the sentence this much likelier (log10) by the
#: 3-gram model: "on Sanday" -> "on Sunday", "the Seiss star" -> "the Swiss star"; a name
#: in a run of names gains little ("star Jadon Sancho"). Set on the tuning half: 8 of 57
#: such strings in its clean articles reach 3.0, 2 reach 4.0 (one a real slip, "Hollwood").
CONTEXT_CAPITAL_LLR = 4.0


def _capital_slip_of_name(document: Document, lexicon: Lexicon, index: int) -> Verdict | None:
    """A capitalised word taken for a name and written once that is rather a slip of a far
    more frequent capitalised word one edit away (a warning): by the edit itself (see
    ``_cheap_capital_slip``), else by the words around it."""
    text = document.analysis.tokens[index].text
    own = lexicon.zipf(text)
    if len(text) < 3 or not text[1:].islower():
        return None  # "McMaster", "DAX": not a capitalised word
    if own >= max(CONTEXT_CAPITAL_OWN, SWAPPED_CAPITAL_OWN, DROPPED_CAPITAL_OWN):
        return None
    low = text.lower()
    # the words meant, best first (frequency, then the word: a stable order); an inflection
    # of one is a name of its own ("Dixons")
    near = sorted(
        (
            (word, zipf)
            for word, zipf in lexicon.one_edit(text, capital_word(lexicon))
            if not _inflected(low, word.lower())
        ),
        key=lambda c: (-c[1], c[0]),
    )
    return _cheap_capital_slip(document, index, own, near) or _capital_slip_in_context(
        document, index, own, near
    )


def _capital_slip_in_context(
    document: Document, index: int, own: float, near: list[tuple[str, float]]
) -> Verdict | None:
    """... by the words around it: the word meant makes its sentence window far likelier."""
    if own >= CONTEXT_CAPITAL_OWN:
        return None
    words = [
        word
        for word, zipf in near
        if zipf >= CONTEXT_CAPITAL_MIN_ZIPF and zipf - own >= CONTEXT_CAPITAL_MARGIN
    ]
    gains = _window_gains(document, index, words) if words else None
    if gains is None:
        return None
    best = max(range(len(words)), key=gains.__getitem__)
    if gains[best] < CONTEXT_CAPITAL_LLR:
        return None
    rest = tuple(w for w in words if w != words[best])
    return Verdict(True, 0.6, (words[best], *rest), "typo")


#: A capitalised string written once that the web never writes (zipf below this) is a slip
#: of a far more frequent capitalised word one cheap edit away (weighted cost at most this:
#: a dropped letter, a doubled one, a vowel, two letters swapped; a stray consonant, 0.7,
#: is dearer) even where the draft seems to introduce it as a name ("Tyler Prry", "Sir
#: Cameon Mackintosh", "Sonny Parkr"): a first name or a title before it says it is a name,
#: not that it is spelt right. Real names are written on the web (zipf 1 and above); among
#: strings the web writes rarely, a cheap edit from a common name is as often a variant as a
#: slip (Sheerman, Sherman; Gavyn, Gavin): left to the context. On the tuning half's
#: clean articles the rule finds 2 strings, both real slips of the published text ("Nicoals
#: Massu", "Fernando Gonzaelz"); at 0.7 it would find a real name too ("Ray Neidl": Neil).
CHEAP_CAPITAL_OWN = 1.0
CHEAP_CAPITAL_COST = 0.6
#: Two letters swapped inside the word ("Llyod", "Nicoals") is a slip of the keys, not how
#: names vary (they double, drop or change a letter: Sherman, Sheerman), so a string the web
#: writes rarely (zipf below this) is a slip of the capitalised word it swaps from. None of
#: the tuning half's clean articles has such a string.
SWAPPED_CAPITAL_OWN = 2.5
#: A letter dropped from one of the most frequent capitalised words (zipf at least this, and
#: this much above the string: Britain 4.7, German 5.0) is a slip even where the web writes
#: the string now and then (zipf below this: "Britan" 1.3, "Germa" 1.7): a real name so near
#: so common a word is rare. On the tuning half's clean articles the nearest is "Mayland"
#: (Ken Mayland, 1.3), Maryland 4.3: below the bar.
DROPPED_CAPITAL_OWN = 2.0
DROPPED_CAPITAL_MIN_ZIPF = 4.5
DROPPED_CAPITAL_MARGIN = 3.0
#: ... the word meant this frequent and this much more frequent than the string.
CHEAP_CAPITAL_MIN_ZIPF = 3.5
CHEAP_CAPITAL_MARGIN = 2.0


def _cheap_capital_slip(
    document: Document, index: int, own: float, near: list[tuple[str, float]]
) -> Verdict | None:
    """... by the edit: never written on the web and a cheap edit away, or rarely written
    and two letters swapped or a letter of a very frequent word dropped."""
    low = document.analysis.tokens[index].text.lower()

    def cheap(word: str, zipf: float) -> bool:
        if own < SWAPPED_CAPITAL_OWN and _interior_swap(low, word):
            return True
        if (
            own < DROPPED_CAPITAL_OWN
            and zipf >= DROPPED_CAPITAL_MIN_ZIPF
            and zipf - own >= DROPPED_CAPITAL_MARGIN
            and len(word) == len(low) + 1
        ):
            return True  # "Britan": a letter of Britain left out
        return (
            own < CHEAP_CAPITAL_OWN
            and weighted_distance(low, word, CHEAP_CAPITAL_COST) <= CHEAP_CAPITAL_COST
        )

    words = [
        word
        for word, zipf in near
        if zipf >= CHEAP_CAPITAL_MIN_ZIPF
        and zipf - own >= CHEAP_CAPITAL_MARGIN
        and cheap(word.lower(), zipf)
    ]
    return Verdict(True, 0.6, tuple(_by_context(document, index, words)), "typo") if words else None


def _inflected(typed: str, word: str) -> bool:
    """``typed`` is an inflection of ``word`` ("Dixons", Dixon): a name of its own. Not when
    ``word`` ends in s, whose plural takes -es ("Mrss" is a slip of Mrs)."""
    from draftlint.context.slip_scores import is_inflection  # noqa: PLC0415

    return is_inflection(typed, word) and not (word.endswith("s") and typed == word + "s")


def _interior_swap(a: str, b: str) -> bool:
    """``b`` is ``a`` with two neighbouring letters after the first swapped ("llyod", "lloyd")."""
    if len(a) != len(b) or a[0] != b[0]:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )


def _by_context(document: Document, index: int, words: list[str]) -> list[str]:
    """``words`` (candidates for the token at ``index``) in the order the 3-gram model
    prefers them in its sentence, ties kept in the given order."""
    gains = _window_gains(document, index, words) if len(words) > 1 else None
    if gains is None:
        return words
    return [words[j] for j in sorted(range(len(words)), key=lambda j: -gains[j])]


def _window_gains(document: Document, index: int, words: Sequence[str]) -> list[float] | None:
    """Per word, how much likelier (log10, by the 3-gram model) it makes the sentence window
    of the token at ``index`` than the token itself; None outside a sentence."""
    from draftlint.context.fit import fit_gains  # noqa: PLC0415 - the model, when needed
    from draftlint.context.words import model_texts  # noqa: PLC0415

    analysis = document.analysis
    k = analysis.sentence_at(analysis.tokens[index].start)
    if k is None:
        return None
    sentence = analysis.sentences[k]
    return fit_gains(
        model_texts(analysis.tokens[sentence.first_token : sentence.last_token]),
        index - sentence.first_token,
        words,
    )


_DOMAIN_TAIL = re.compile(r"\.(?:com|org|net|biz|info|co\.uk|org\.uk|gov|edu|io|tv)\b", re.I)


def _is_camel(text: str) -> bool:
    return sum(1 for a, b in zip(text, text[1:], strict=False) if a.islower() and b.isupper()) == 1


def _camel_join(
    lexicon: Lexicon, text: str, names: set[str], counts: _Counts, prose: str
) -> Verdict | None:
    """A camel-case word written once that splits into two known words or names.

    The lexicon calls word+word camel case ("PrimeMinister", "WorldCom") a brand as often as a
    slip; written once, it is worth a note, and a warning when the draft also writes one of
    its parts on its own ("Tillerson" beside "RexTillerson").
    """
    tail = next((s for s in ("\u2019s", "'s") if text.endswith(s)), "")
    base = text[: len(text) - len(tail)]
    split = joined_split(lexicon, base, names - {base})
    if split is None:
        return _camel_join_by_draft(lexicon, base, tail, counts.all, prose)
    suggestion = " ".join(split.parts) + tail
    candidate = Verdict(True, split.confidence, (suggestion,), "joined")
    confidence = (
        max(split.confidence, 0.6)
        if _part_used_alone(candidate, counts, lexicon)
        else split.confidence
    )
    return candidate._replace(confidence=confidence)


def _camel_join_by_draft(
    lexicon: Lexicon, base: str, tail: str, counts: Counter[str], prose: str
) -> Verdict | None:
    """Evidence from the draft itself for a split the lexicon will not make.

    "NewYork" (a string the web also writes) beside "New York", or "JohnIvankoe" beside a
    later "Ivankoe": the draft writes the two words apart, so here they were run together.
    """
    i = next(k for k in range(1, len(base)) if base[k - 1].islower() and base[k].isupper())
    head, rest = base[:i], base[i:]
    if len(head) < 2 or len(rest) < 3:
        return None
    suggestion = (f"{head} {rest}{tail}",)
    if f"{head} {rest}" in prose or (counts.get(rest, 0) > 0 and head[:1].isupper()):
        return Verdict(True, 0.6, suggestion, "joined")
    if head[:1].isupper() and rest[1:].islower() and _names_someone(lexicon, head, base, rest):
        if head in NAME_PARTICLES or lexicon.is_word(base.lower()):
            # "LeBoff" (a particle, not a first name), "ArtWorks" (a brand of a word)
            return Verdict(True, 0.45, suggestion, "joined")
        # "JohnIvankoe", "RichardTateson", "DrVancheshwar": a first name or a title and a
        # capitalised string that is no word is a name with the space lost (a warning); on
        # clean news no brand or name had that shape
        return Verdict(True, GIVEN_NAME_JOIN, suggestion, "joined")
    return None


#: A capitalised word the web writes this often (zipf) and never in lower case is a name
#: ("Anatoly" 2.7, "Alasdair" 2.7, "Italian" 4.7), whether or not the census list has it.
NAME_HEAD_ZIPF = 2.5


def _names_someone(lexicon: Lexicon, head: str, base: str, rest: str) -> bool:
    """``head`` stands before a surname: a first name of the list, a title ("Dr", "Mr"),
    or a capitalised-only word the web writes often (a first name of another country the
    US census list lacks, a demonym: "ItalianPotito"). For the last, ``rest`` must be no
    lowercase word and the web must not write ``base`` ("ObamaCare" is a coinage)."""
    if _is_given_name(head) or head in TITLES:
        return True
    if head in NAME_PARTICLES or lexicon.zipf(base) >= 1.0:
        return False
    zipf, flags = lexicon.entry(head.lower())
    return (
        zipf >= NAME_HEAD_ZIPF and not flags & LOWER and not lexicon.entry(rest.lower())[1] & LOWER
    )


#: the confidence of a first name run into an unknown capitalised string (a warning)
GIVEN_NAME_JOIN = 0.6


def _is_given_name(word: str) -> bool:
    return word in _given_names()


@cache
def _given_names() -> frozenset[str]:
    """First names (rules/lists/given-names.txt, also read by CN202)."""
    return frozenset(read_list("lists/given-names.txt"))


def _part_used_alone(
    verdict: Verdict, counts: _Counts, lexicon: Lexicon, names_only: bool = False
) -> bool:
    """The draft also writes a part of the split on its own ("Tillerson" beside
    "RexTillerson"). A part that is a common word counts only capitalised mid-sentence
    ("Minister" beside "PrimeMinister"): at a sentence's start "In" or "Page" proves nothing,
    and brands are made of such words (InStat, PowerPage). With ``names_only`` (a join the
    draft writes the same way more than once) a common word counts only as a name on its own
    ("Smith said"): "Language" in "the Language Server Protocol" says nothing against a
    repeated "LanguageTool"."""
    parts = verdict.suggestions[0].split() if verdict.suggestions else []
    for part in parts:
        if not part[:1].isupper():
            continue
        common = lexicon.is_word(part.lower())
        seen = counts.all if not common else counts.single if names_only else counts.mid
        if seen.get(part, 0) > 0:
            return True
    return False


def _in_capitalised_run(tokens: Sequence[Token], words: Sequence[int], k: int) -> bool:
    """The k-th word has a capitalised word right beside it ("Language" in "the Language
    Server Protocol"): part of a longer name, not a name on its own."""
    for n in (k - 1, k + 1):
        if 0 <= n < len(words):
            first, second = tokens[words[min(k, n)]], tokens[words[max(k, n)]]
            if second.start - first.end <= 1 and tokens[words[n]].text[:1].isupper():
                return True
    return False


@dataclass(frozen=True)
class _Counts:
    """How often the draft writes each word: anywhere, not at a sentence's start, and there
    with no capitalised word beside it (a name on its own)."""

    all: Counter[str]
    mid: Counter[str]
    single: Counter[str]


def spelling_judge(
    document: Document, vocabularies: tuple[str, ...]
) -> Callable[[Span], Severity | None]:
    """What an outside engine's "misspelt" verdict on a span is worth, by our word model.

    Our model has already judged every word of the draft in its context (names learned from
    the draft, sentence position, confidence), so an engine's spelling finding is kept only
    where ours also doubts the word, at the severity ours gives it (and merges with SP101 or
    WS10x at the same span); a word we know or take for a name of the draft ("Peskov") is
    dropped.  A span that is not one of our words (Harper's "auto maker") is kept as a note
    when one of its words is unknown to the lexicon, and dropped otherwise.
    """
    lexicon = lexicon_for(vocabularies)
    ours = {
        (j.token.start, j.token.end): severity_for(j.verdict.confidence)
        for j in judgements(document, vocabularies)
    }
    analysis = document.analysis

    def judge(span: Span) -> Severity | None:
        i = analysis.token_index_at(span.start)
        for token in analysis.tokens[max(0, i - 1) : i + 1]:
            if token.start <= span.start and span.end <= token.end:
                return ours.get((token.start, token.end))
        words = re.findall(r"[^\W\d_][\w'\u2019-]*", document.prose[span.start : span.end])
        return Severity.INFO if any(not lexicon.is_word(w) for w in words) else None

    return judge
