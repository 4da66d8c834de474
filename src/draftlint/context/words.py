"""A draft's tokens as the n-gram model's words: ``lm_words``.

The model's vocabulary is lowercase ASR text (see ``ngram``): words with attached apostrophes
(``don't``, ``president's``), acronyms spelled as letters (``u. s.``), no digits and no
punctuation.  ``lm_words`` maps one draft token to that form, spelling numbers out in words as
speech would say them (``£600m`` -> six hundred million pounds, ``1990s`` -> nineteen nineties).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from draftlint.context.model import get_model
from draftlint.drafts.analysis import Token
from draftlint.drafts.spans import OBJECT

#: What the model reads for an inline object (code, an image, an autolink): a word it does not
#: know, so that the words on either side are not read as neighbours ("If `x` is" is not "If
#: is"), and no slip or gap is looked for beside it.
OBJECT_WORD = "<object>"

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORDINAL = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}
_CURRENCY = {"£": "pounds", "$": "dollars", "€": "euros"}
_MULTIPLIER = {"m": "million", "bn": "billion", "k": "thousand", "tn": "trillion"}
_NUMBER = re.compile(
    r"^(?P<cur>[£$€])?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<dec>\d+))?"
    r"(?P<suf>st|nd|rd|th|s|m|bn|k|tn|%)?$"
)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def spell_number(n: int) -> list[str]:
    """English words for a non-negative integer, in the model's ASR style (no "and")."""
    if n < 20:
        return [_ONES[n]]
    if n < 100:
        t, o = divmod(n, 10)
        return [_TENS[t]] + ([_ONES[o]] if o else [])
    if n < 1000:
        h, r = divmod(n, 100)
        return [_ONES[h], "hundred"] + (spell_number(r) if r else [])
    for size, name in (
        (10**12, "trillion"),
        (10**9, "billion"),
        (10**6, "million"),
        (1000, "thousand"),
    ):
        if n >= size:
            q, r = divmod(n, size)
            return spell_number(q) + [name] + (spell_number(r) if r else [])
    raise AssertionError(n)  # pragma: no cover


def _spell_year(n: int) -> list[str]:
    hi, lo = divmod(n, 100)
    if lo == 0:
        return spell_number(hi) + ["hundred"]
    if lo < 10:
        return spell_number(hi) + ["oh", _ONES[lo]]
    return spell_number(hi) + spell_number(lo)


def _number_words(token: str) -> tuple[str, ...] | None:
    m = _NUMBER.match(token)
    if not m:
        return None
    digits = m["int"].replace(",", "")
    if len(digits) > 15:
        return None
    n = int(digits)
    suf = m["suf"]
    if (
        1100 <= n <= 1999
        and len(digits) == 4
        and not m["cur"]
        and not m["dec"]
        and suf in (None, "s")
    ):
        words = _spell_year(n)
    elif 2010 <= n <= 2099 and len(digits) == 4 and not m["cur"] and not m["dec"] and suf is None:
        words = spell_number(20) + spell_number(n - 2000)
    else:
        words = spell_number(n)
    if m["dec"]:
        words = words + ["point"] + [_ONES[int(d)] for d in m["dec"][:3]]
    if suf in ("st", "nd", "rd", "th"):
        last = words[-1]
        if last in _ORDINAL:
            last = _ORDINAL[last]
        elif last.endswith("y"):
            last = last[:-1] + "ieth"
        else:
            last += "th"
        words[-1] = last
    elif suf == "s":  # 1990s -> nineteen nineties
        words[-1] = words[-1][:-1] + "ies" if words[-1].endswith("y") else words[-1] + "s"
    elif suf in _MULTIPLIER:
        words.append(_MULTIPLIER[suf])
    elif suf == "%":
        words.append("percent")
    if m["cur"]:
        words.append(_CURRENCY[m["cur"]])
    return tuple(words)


# Most calls come once per new token text from the n-gram batch, which keeps its own cache of
# them (context.batch._token): this one serves the repeated calls of one sentence (context.fit)
# and need not hold a whole archive's words (1 << 16 held 25,000 on dev, 4 MB, at 19% hits).
@functools.lru_cache(maxsize=1 << 13)
def lm_words(token: str) -> tuple[str, ...]:
    """The model's words for one draft token: usually one, several for numbers and acronyms.

    Lowercases; straightens apostrophes; spells digits (``£600m`` -> six hundred million pounds);
    spells short acronyms as letters (``US`` -> ``u. s.``); splits unknown hyphenated words.
    Returns ``()`` for a token without letters or digits (punctuation). A word the model does not
    know comes back unchanged (lowercased) and scores as out-of-vocabulary.
    """
    if token == OBJECT:
        return (OBJECT_WORD,)
    model = get_model()
    tok = token.translate(_APOSTROPHES).strip("'\"()[]{}.,;:!?")
    if not any(c.isalnum() for c in tok):
        return ()
    lower = tok.lower()
    letters = tok.replace(".", "")
    if letters.isalpha() and letters.isupper() and len(letters) >= 2:
        # acronym: NATO -> nato, but US / IT / WHO are not us / it / who
        if "." not in tok and len(letters) >= 4 and lower in model:
            return (lower,)
        if len(letters) <= 5:
            return tuple(f"{c}." for c in letters.lower())
    if lower in model:
        return (lower,)
    if any(c.isdigit() for c in tok):
        num = _number_words(tok)
        if num is not None:
            return num
    if "-" in lower:
        parts = [p for p in lower.split("-") if p]
        out: list[str] = []
        for part in parts:
            out.extend(lm_words(part) or ())
        if out:
            return tuple(out)
    if lower.endswith("'s") and lower[:-2] in model:
        return (lower[:-2],)
    if lower.endswith("s'") and lower[:-1] in model:
        return (lower[:-1],)
    return (lower,)


#: Token kinds the model reads as written; any other token (a symbol, a URL) is passed as a
#: comma: the model reads no word there (punctuation is transparent to it), so no gap or
#: slip is found beside it.
SCANNED_KINDS = frozenset(("word", "number", "abbrev", "punct", "object"))


def model_texts(tokens: Iterable[Token]) -> list[str]:
    """A sentence's tokens as the texts the context checks score (see ``SCANNED_KINDS``)."""
    return [t.text if t.kind in SCANNED_KINDS else "," for t in tokens]
