"""CN1xx spelling consistency (US/U.S., British/American spelling) and CN301 hyphenation variants.

Each rule counts the forms a draft uses and reports the less used one: the draft's own
majority is the best guess at its house style.  Ties report nothing where no side can be
preferred (dialect) and otherwise the form the draft opened with wins.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from functools import cache

from draftlint.data_files import read_list
from draftlint.drafts.analysis import Token
from draftlint.drafts.document import Document, Span
from draftlint.drafts.facts import headline_paragraphs, sentence_initial
from draftlint.rule import Context, rule
from draftlint.violation import Finding, Severity

# ---------------------------------------------------------------------------- CN101
#: Each family: the undotted and the dotted form of one abbreviation.
DOTTED_FAMILIES: dict[str, tuple[str, str]] = {
    "US": ("US", "U.S."),
    "U.S.": ("US", "U.S."),
    "UK": ("UK", "U.K."),
    "U.K.": ("UK", "U.K."),
    "UN": ("UN", "U.N."),
    "U.N.": ("UN", "U.N."),
    "EU": ("EU", "E.U."),
    "E.U.": ("EU", "E.U."),
    "USA": ("USA", "U.S.A."),
    "U.S.A.": ("USA", "U.S.A."),
}


def _shouting(document: Document, token: Token) -> bool:
    """ "TALK TO US": a sentence in capitals, where "US" is the pronoun."""
    analysis = document.analysis
    index = analysis.sentence_at(token.start)
    if index is None:
        return False
    words = [
        t.text for t in analysis.sentence_tokens(analysis.sentences[index]) if t.kind == "word"
    ]
    return sum(1 for w in words if w.isupper()) * 2 > len(words)


def _minority(groups: dict[str, list[Token]]) -> tuple[str, list[Token], str] | None:
    """(form to report, its tokens, usual form) when two forms are used; the opener wins ties."""
    used = {form: tokens for form, tokens in groups.items() if tokens}
    if len(used) < 2:
        return None
    ranked = sorted(used.items(), key=lambda kv: (-len(kv[1]), kv[1][0].start))
    usual = ranked[0][0]
    odd = [token for form, tokens in ranked[1:] for token in tokens]
    return ranked[1][0], sorted(odd), usual


@rule(
    "CN101",
    "dotted-abbreviation-mixed",
    Severity.WARNING,
    '"US" and "U.S." (or UK/U.K., UN/U.N., EU/E.U.) both used.',
    what="An abbreviation written both with and without full stops in one draft; the less used "
    'form is reported. Each abbreviation is counted on its own, since AP writes "U.S." but "EU".',
    why="Style guides disagree on the dots (AP: U.S.; BBC and Guardian: US); a draft that does "
    "both looks unedited.",
    bad="The U.S. delegation met the Russians, and US officials said little.",
    good="The U.S. delegation met the Russians, and U.S. officials said little.",
)
def dotted_abbreviation_mixed(document: Document, context: Context) -> Iterator[Finding]:
    families: dict[tuple[str, str], dict[str, list[Token]]] = defaultdict(lambda: defaultdict(list))
    for token in document.analysis.tokens:
        family = DOTTED_FAMILIES.get(token.text)
        if family is None or token.kind not in ("word", "abbrev"):
            continue
        if token.text == "US" and _shouting(document, token):
            continue
        families[family][token.text].append(token)
    for groups in families.values():
        result = _minority(groups)
        if result is None:
            continue
        form, tokens, usual = result
        total = sum(len(v) for v in groups.values())
        for token in tokens:
            yield Finding(
                Span(token.start, token.end),
                f"'{token.text}' in a draft that writes '{usual}' "
                f"({total - len(tokens)} to {len(tokens)})",
                (usual,),
            )


# ---------------------------------------------------------------------------- CN102
IZE = "ize"  # the category Oxford British spelling shares with American


@cache
def dialect_pairs() -> dict[str, tuple[str, str, str]]:
    """word -> (dialect "GB"/"US", the other dialect's spelling, category), exceptions removed."""
    exceptions = frozenset(read_list("lists/dialect-exceptions.txt"))
    pairs: dict[str, tuple[str, str, str]] = {}
    for entry in read_list("lists/dialect-variants.tsv"):
        gb, us, category = entry.split("\t")
        if gb in exceptions or us in exceptions:
            continue
        pairs[gb] = ("GB", us, category)
        pairs.setdefault(us, ("US", gb, category))
    return pairs


def _dialect_words(document: Document) -> list[tuple[Span, str, str, str, str]]:
    """(span, word, dialect, other spelling, category) for every dialect-marked word."""
    pairs = dialect_pairs()
    initial = sentence_initial(document)
    headlines = headline_paragraphs(document)
    analysis = document.analysis
    tokens = analysis.tokens
    # A capital inside a sentence is a name ("Labour Party", "Pearl Harbor"), and so is the
    # same word opening a sentence elsewhere ("Labour said ...").
    names = {
        t.text
        for i, t in enumerate(tokens)
        if t.kind == "word" and t.text[0].isupper() and i not in initial
    }
    found = []
    for index, token in enumerate(tokens):
        if token.kind != "word":
            continue
        text = token.text
        if text[0].isupper():
            if index not in initial or not text[1:].islower() or text in names:
                continue
            if analysis.sentences[analysis.sentence_at(token.start) or 0].paragraph in headlines:
                continue
        offset = 0
        for part in text.split("-"):
            hit = pairs.get(part.lower())
            if hit is not None:
                start = token.start + offset
                found.append((Span(start, start + len(part)), part, *hit))
            offset += len(part) + 1
    return found


@rule(
    "CN102",
    "dialect-spelling-mixed",
    Severity.WARNING,
    "British and American spellings mixed.",
    what="Words spelled the British way (colour, cancelling, defence, organise) in a draft "
    "written in American spelling, or the reverse. The dialect comes from the config key "
    "`dialect` (en-US, en-GB); with `auto` the draft's majority decides and a tie reports "
    "nothing. An -ise spelling counts as British (American never writes it) and -ize as neither "
    "(Oxford British spelling writes it), so in a British draft only a mix of the two is "
    "reported. Pairs: rules/lists/dialect-variants.tsv (generated "
    "from SCOWL); words with another meaning in one dialect (program, practice, licence, tire, "
    "meter) are never compared.",
    why="A reader takes a stray British spelling in American copy (or the reverse) for a typo, "
    "and it shows that text was pasted from elsewhere.",
    bad="The defense plans were theorized in the fall, then the talks were cancelling out and "
    "the fueling stopped.",
    good="The defense plans were theorized in the fall, then the talks were canceling out and "
    "the fueling stopped.",
)
def dialect_spelling_mixed(document: Document, context: Context) -> Iterator[Finding]:
    words = _dialect_words(document)
    if not words:
        return
    setting = context.settings.dialect
    main = [w for w in words if w[4] != IZE]
    ize = [w for w in words if w[4] == IZE]
    # -ise/-ize: American never writes -ise; British writes either, but one of them. So -ise is
    # evidence of a British draft, and -ize evidence of nothing.
    ise = [w for w in ize if w[2] == "GB"]
    iz = [w for w in ize if w[2] == "US"]
    gb = sum(1 for w in main if w[2] == "GB") + len(ise)
    us = len(main) + len(ise) - gb
    if setting == "en-US":
        dialect: str | None = "US"
    elif setting == "en-GB":
        dialect = "GB"
    else:
        dialect = "US" if us > gb else "GB" if gb > us else None
    counts = f"{max(gb, us)} to {min(gb, us)}"
    if dialect is not None:
        for span, word, side, other, _category in main:
            if side != dialect:
                yield _dialect_finding(span, word, side, other, dialect, counts, setting)
    if dialect == "US":
        for span, word, side, other, _category in ise:
            yield _dialect_finding(span, word, side, other, dialect, counts, setting)
        return
    if len(ise) != len(iz) and ise and iz:
        odd, usual_side = (ise, "US") if len(ise) < len(iz) else (iz, "GB")
    else:
        odd, usual_side = [], ""
    ize_counts = f"{max(len(ise), len(iz))} to {min(len(ise), len(iz))}"
    for span, word, side, other, _category in odd:
        yield _dialect_finding(span, word, side, other, usual_side, ize_counts, setting, ize=True)


_DIALECT_NAMES = {"GB": "British", "US": "American"}


def _dialect_finding(
    span: Span,
    word: str,
    side: str,
    other: str,
    dialect: str,
    counts: str,
    setting: str,
    ize: bool = False,
) -> Finding:
    name = _DIALECT_NAMES[side]
    if ize:
        why = f"the draft mostly spells -{'ize' if dialect == 'US' else 'ise'} ({counts})"
    elif setting in ("en-US", "en-GB"):
        why = f"the dialect is {setting}"
    else:
        why = f"the draft otherwise uses {_DIALECT_NAMES[dialect]} spelling ({counts})"
    suggestion = other.capitalize() if word[0].isupper() else other
    return Finding(span, f"{name} spelling '{word}': {why}", (suggestion,))


# ---------------------------------------------------------------------------- CN301
@cache
def _hyphenation_data() -> tuple[frozenset[str], dict[str, str]]:
    exceptions = frozenset(read_list("lists/hyphenation-exceptions.txt"))
    spaced = {entry.replace(" ", ""): entry for entry in read_list("lists/hyphenation-spaced.txt")}
    return exceptions, spaced


@rule(
    "CN301",
    "hyphenation-variant",
    Severity.WARNING,
    "One compound written two ways (cease-fire / ceasefire).",
    what="A hyphenated compound whose closed form (non-existent / nonexistent, e-mail / email) "
    "also appears in the draft, or, for the nouns of rules/lists/hyphenation-spaced.txt, its "
    "spaced form (cease fire). The less used form is reported. Words that differ in meaning "
    "(re-sign / resign, re-cover / recover) are in rules/lists/hyphenation-exceptions.txt and "
    "never compared.",
    why="Dictionaries disagree on hyphens, so house style picks one; a draft that uses both reads "
    "as careless.",
    bad="The cease-fire held for a week. Then the ceasefire broke down, and the ceasefire talks "
    "ended.",
    good="The ceasefire held for a week. Then the ceasefire broke down, and the ceasefire talks "
    "ended.",
)
def hyphenation_variant(document: Document, context: Context) -> Iterator[Finding]:
    tokens = document.analysis.tokens
    exceptions, spaced = _hyphenation_data()
    hyphenated: dict[str, list[Token]] = {}
    for token in tokens:
        if token.kind == "word" and "-" in token.text:
            hyphenated.setdefault(token.text.replace("-", "").lower(), []).append(token)
    spaced_keys = set(spaced)
    if not hyphenated and not spaced_keys:
        return
    forms: dict[str, dict[str, list[Token]]] = defaultdict(lambda: defaultdict(list))
    for key, group in hyphenated.items():
        for token in group:
            forms[key][token.text.lower()].append(token)
    prose = document.prose
    for i, token in enumerate(tokens):
        if token.kind != "word" or "-" in token.text:
            continue
        lower = token.text.lower()
        if lower in hyphenated and lower not in exceptions:
            forms[lower][lower].append(token)
        elif lower in spaced_keys:
            forms[lower][lower].append(token)
        if (
            i + 1 < len(tokens)
            and tokens[i + 1].kind == "word"
            and prose[token.end : tokens[i + 1].start] == " "
        ):
            pair = f"{lower}{tokens[i + 1].text.lower()}"
            if pair in spaced_keys:
                forms[pair][spaced[pair]].append(
                    Token(
                        token.start, tokens[i + 1].end, f"{token.text} {tokens[i + 1].text}", "word"
                    )
                )
    for groups in forms.values():
        result = _minority(groups)
        if result is None:
            continue
        _form, odd, usual = result
        total = sum(len(v) for v in groups.values())
        for token in odd:
            yield Finding(
                Span(token.start, token.end),
                f"'{token.text}' is written '{usual}' elsewhere in the draft "
                f"({total - len(odd)} to {len(odd)})",
                (_match_case(usual, token.text),),
            )


def _match_case(form: str, like: str) -> str:
    return form[:1].upper() + form[1:] if like[:1].isupper() else form


RULES = (dotted_abbreviation_mixed, dialect_spelling_mixed, hyphenation_variant)
