"""Tokens, sentences, paragraphs and quotations of a Document's prose, computed once.

Everything here is in prose coordinates (indices into ``Document.prose``); the engine maps
spans back to the source.  Rules read ``document.analysis`` and never tokenise on their own,
so every rule agrees on what a word and a sentence are.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from draftlint.drafts.quotation_marks import Quotation, QuotationMarks, pair_quotation_marks
from draftlint.drafts.spans import OBJECT, Block


class Token(NamedTuple):
    start: int
    end: int
    text: str
    #: word | number | abbrev | punct | url | email | handle | object | symbol
    kind: str


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index into Analysis.paragraphs
    first_token: int  # index into Analysis.tokens
    last_token: int  # exclusive


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    kind: str  # the block kind: paragraph, heading, list-item, ...
    first_token: int
    last_token: int  # exclusive


_APOS = "'\u2019"
# Order matters: the first alternative that matches at a position wins.  URLs, e-mail
# addresses and handles are rare, and their branches are costly to try at every word, so the
# tokenizer is compiled with only the branches a text can need (see _token_re).
_URL = r"""(?P<url>(?:https?://|ftp://|www\.)[^\s<>"\u201c\u201d\ufffc]+[^\s<>"\u201c\u201d\ufffc.,;:!?)\]'\u2019])"""
# A bare domain ("suprnova.org", "bbc.co.uk/news") is a URL too: its labels are not words.
_DOMAIN_TLDS = ("com", "org", "net", "gov", "edu", "io", "info", "uk")
_DOMAIN = (
    r"""(?P<domain>(?<![\w.@])[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.(?:"""
    + "|".join(_DOMAIN_TLDS)
    + r""")(?![\w-])(?:/[^\s<>"\u201c\u201d\ufffc]*[^\s<>"\u201c\u201d\ufffc.,;:!?)\]'\u2019])?)"""
)
_EMAIL = r"(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
_HANDLE = r"(?P<handle>(?<![\w@])[@#][A-Za-z_]\w*)"
# Abbreviations (U.S., e.g., an initial before a name), words with inner apostrophes and
# hyphens, numbers with their unit suffix (3.5bn, 1990s, 21st), then any other character.
# No named groups: the alternation is twice as fast without them, and the kind of a token
# follows from its first and last characters (see _kind).
_COMMON = r"""
    [^\W\d_](?:\.[^\W\d_])+\.
  | [A-Z]\.(?=\s+[^\W\d_])
  | [^\W\d_][^\W_]*(?:['\u2019\-\u2010\u2011][^\W_]+)*
  | \d+(?:[.,:/]\d+)*[^\W\d_]*
  | \S
"""
_PUNCT = frozenset(".,;:!?\u2026\"\u201c\u201d\u2018\u2019'()[]{}\u2013\u2014-/")


@functools.cache
def _token_re(urls: bool, at_signs: bool) -> re.Pattern[str]:
    branches = ([_URL, _DOMAIN] if urls else []) + ([_EMAIL, _HANDLE] if at_signs else [])
    branches.append(_COMMON)
    return re.compile("|".join(branches), re.VERBOSE)


def _kind(token: str, group: str | None) -> str:
    if group is not None:  # url, email or handle
        return "url" if group == "domain" else group
    first = token[0]
    if first.isdigit():
        return "number"
    if first.isalnum():  # a letter, or a numeric character the word branch took ("¼")
        return "abbrev" if token[-1] == "." else "word"
    if token == OBJECT:
        return "object"
    return "punct" if token in _PUNCT else "symbol"


@functools.cache
def _count_re(urls: bool, at_signs: bool) -> re.Pattern[str]:
    """The tokenizer's alternation with one group around the counted branches (word, number,
    abbreviation); every other branch is uncaptured, so ``findall`` yields "" for it."""
    skipped = ([_URL, _DOMAIN] if urls else []) + ([_EMAIL, _HANDLE] if at_signs else [])
    skipped = [re.sub(r"\(\?P<\w+>", "(?:", branch) for branch in skipped]
    counted, other = _COMMON.rsplit("|", 1)
    return re.compile("|".join([*skipped, f"({counted})", other]), re.VERBOSE)


def _has_urls(prose: str) -> bool:
    return "://" in prose or "www." in prose or any(f".{t}" in prose for t in _DOMAIN_TLDS)


def tokenize(prose: str) -> list[Token]:
    urls = _has_urls(prose)
    at_signs = "@" in prose or "#" in prose
    make = Token._make
    return [
        make((m.start(), m.end(), text := m.group(), _kind(text, m.lastgroup)))
        for m in _token_re(urls, at_signs).finditer(prose)
    ]


# A sentence ends at . ? ! or an ellipsis, perhaps followed by closing quotes/brackets,
# then white space.  Whether it really ends is decided by _is_break.
_SENTENCE_END_RE = re.compile(r"[.?!\u2026]+['\"\u2019\u201d)\]]*(?=\s)")

#: Abbreviations after which a full stop never ends a sentence.
TITLE_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st gen sen rep gov lt col capt sgt maj adm rev hon pres supt insp cmdr "
    "jr sr no nos vol vols fig figs ch art sec para pp p vs v cf approx ca est dept univ corp inc "
    "ltd co bros jan feb mar apr jun jul aug sep sept oct nov dec mt ft".split()
)
#: Dotted abbreviations after which a sentence does not end even before a capital.
NEVER_FINAL_DOTTED = frozenset({"e.g.", "i.e.", "a.k.a.", "viz.", "cf."})
#: Capitalised words that, after "U.S." and the like, show that a new sentence has begun.
SENTENCE_STARTERS = frozenset(
    "the a an but and or so yet he she it they we i you this that these those there here "
    "in on at for if when while as after before however meanwhile still then what who why how "
    "his her its their our my your one some many most no not".split()
)


class Analysis:
    """The shared analysis of one Document."""

    def __init__(self, prose: str, blocks: Sequence[Block]) -> None:
        self.prose = prose
        self.blocks = blocks

    # Each part is computed on first use and kept: a run whose rules read only the prose and
    # the blocks (spacing, artefacts, quotation marks) never builds a Token.

    @functools.cached_property
    def tokens(self) -> list[Token]:
        return tokenize(self.prose)

    @functools.cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    @functools.cached_property
    def paragraphs(self) -> list[Paragraph]:
        starts = self._token_starts
        return [
            Paragraph(
                block.start,
                block.end,
                block.kind,
                bisect.bisect_left(starts, block.start),
                bisect.bisect_left(starts, block.end),
            )
            for block in self.blocks
        ]

    @functools.cached_property
    def sentences(self) -> list[Sentence]:
        sentences: list[Sentence] = []
        for index, paragraph in enumerate(self.paragraphs):
            sentences.extend(self._split_sentences(index, paragraph))
        return sentences

    @functools.cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @functools.cached_property
    def _quotation_marks(self) -> QuotationMarks:
        # By block, not by Paragraph: a quotation needs no tokens (paragraph i is block i).
        prose = self.prose
        quotations: list[Quotation] = []
        stray: list[int] = []
        for index, block in enumerate(self.blocks):
            marks = pair_quotation_marks(prose, block.start, block.end, index)
            quotations.extend(marks.quotations)
            stray.extend(marks.stray_closing)
        return QuotationMarks(quotations, stray)

    @property
    def quotations(self) -> list[Quotation]:
        """Double-quoted runs, paragraph by paragraph (see :mod:`draftlint.drafts.quotation_marks`)."""
        return self._quotation_marks.quotations

    @property
    def stray_closing_marks(self) -> list[int]:
        """Offsets of closing double quotation marks with no quotation open."""
        return self._quotation_marks.stray_closing

    # ------------------------------------------------------------------ queries
    def word_count(self) -> int:
        """Tokens that are words, numbers or abbreviations (URLs and the like are not).

        Counted without building tokens when they are not built yet: the same alternation
        with only the counted branches captured, so ``findall`` does the work in C.
        """
        if "tokens" in self.__dict__:
            return sum(1 for t in self.tokens if t.kind in ("word", "number", "abbrev"))
        prose = self.prose
        urls = _has_urls(prose)
        at_signs = "@" in prose or "#" in prose
        found = _count_re(urls, at_signs).findall(prose)
        return len(found) - found.count("")

    def token_index_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self._token_starts, offset)

    def sentence_at(self, offset: int) -> int | None:
        """Index of the sentence holding ``offset``, or None outside every sentence."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return i
        return None

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.first_token : sentence.last_token]

    def is_sentence_initial(self, token_index: int) -> bool:
        """True when the token is the first word of its sentence (quotes and brackets aside)."""
        token = self.tokens[token_index]
        s = self.sentence_at(token.start)
        if s is None:
            return False
        for t in self.tokens[self.sentences[s].first_token : token_index]:
            if t.kind not in ("punct", "symbol", "object"):
                return False
        return True

    # ---------------------------------------------------------------- sentences
    def _split_sentences(self, index: int, paragraph: Paragraph) -> list[Sentence]:
        prose = self.prose
        start = _skip_space(prose, paragraph.start, paragraph.end)
        result: list[Sentence] = []
        for m in _SENTENCE_END_RE.finditer(prose, start, paragraph.end):
            if m.start() < start or not self._is_break(prose, m.start(), m.end(), paragraph.end):
                continue
            result.append(self._sentence(start, m.end(), index))
            start = _skip_space(prose, m.end(), paragraph.end)
        if start < paragraph.end and prose[start : paragraph.end].strip():
            end = paragraph.end
            while end > start and prose[end - 1].isspace():
                end -= 1
            result.append(self._sentence(start, end, index))
        return result

    def _sentence(self, start: int, end: int, paragraph: int) -> Sentence:
        first = bisect.bisect_left(self._token_starts, start)
        last = bisect.bisect_left(self._token_starts, end)
        return Sentence(start, end, paragraph, first, last)

    def _is_break(self, prose: str, mark: int, after: int, limit: int) -> bool:
        nxt = _skip_space(prose, after, limit)
        if nxt >= limit:
            return True
        following = prose[nxt]
        # The next sentence starts with a capital, a digit, a quote or a bracket.
        if following.islower():
            return False
        if prose[mark] != ".":
            return True
        # A full stop: look at the word it ends.
        i = mark
        while i > 0 and not prose[i - 1].isspace() and prose[i - 1] not in '"\u201c(\u2018[':
            i -= 1
        word = prose[i : mark + 1]
        bare = word.rstrip(".").lower()
        if bare in TITLE_ABBREVIATIONS and word.endswith(".") and word[:-1].isalpha():
            return False
        if word.lower() in NEVER_FINAL_DOTTED:
            return False
        if len(word) == 2 and word[0].isupper():  # an initial: "George W. Bush"
            return False
        if re.fullmatch(r"(?:[^\W\d_]\.){2,}", word):  # U.S., H.R.
            next_word = re.match(r"[^\W\d_]+", prose[nxt:limit])
            return bool(next_word) and next_word.group().lower() in SENTENCE_STARTERS
        return True


def _skip_space(text: str, i: int, limit: int) -> int:
    while i < limit and text[i].isspace():
        i += 1
    return i
