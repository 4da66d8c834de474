"""The kinds that match tokens in one block: existence, substitution, occurrence, repetition.

Each needs nothing but the block's text; the ``state`` they are passed goes unused.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from draftlint.packs.kinds.base import (
    FILE_START,
    Hit,
    action_of,
    as_strings,
    dispatch,
    dispatch_order,
    exceptions_pattern,
    found_in,
    phrases_pattern,
    within_phrase,
)
from draftlint.packs.vale import text as vt
from draftlint.packs.vale.regex import compile_pattern
from draftlint.packs.vale.vocabulary import NONWORD_TEMPLATE, Vocabulary


# ------------------------------------------------------------------------ existence
@dataclass
class Existence:
    fields: Mapping[str, Any]
    vocab: Vocabulary
    pattern: Any = field(init=False)
    excepted: Any = field(init=False)
    phrases: Any = field(init=False)

    def __post_init__(self) -> None:
        f = self.fields
        raw_tokens = as_strings(f.get("tokens"))
        tokens = [t for t in raw_tokens if t.strip()]
        word = not f.get("nonword", False) and bool(raw_tokens)
        body = (self.vocab.word_template if word else NONWORD_TEMPLATE) % dispatch(
            tokens, bool(f.get("ignorecase"))
        )
        raw = "".join(as_strings(f.get("raw")))
        regex = body + raw if f.get("append", False) else raw + body
        if f.get("ignorecase", False):
            regex = "(?i)" + regex
        self.pattern = compile_pattern(regex)
        use_vocab = bool(f.get("vocab", True)) and not f.get("nonword", False)
        self.excepted = exceptions_pattern(as_strings(f.get("exceptions")), self.vocab, use_vocab)
        self.phrases = phrases_pattern(as_strings(f.get("exceptions")), self.vocab, use_vocab)

    def run(self, text: str, state: dict[str, Any]) -> list[Hit]:
        message = str(self.fields.get("message", ""))
        name, params = action_of(self.fields)
        hits = []
        for m in self.pattern.finditer(text):
            if m.start() == m.end() or found_in(self.excepted, m.group().strip()):
                continue
            if within_phrase(self.phrases, text, m.start(), m.end()):
                continue  # one word of an accepted phrase ("mea" in "mea culpa")
            suggestions = tuple(params) if name == "replace" else ()
            repl = (
                vt.to_sentence(params) if len(params) > 1 else (params[0] if params else m.group())
            )
            hits.append(
                Hit(m.start(), m.end(), vt.go_sprintf(message, m.group(), repl), suggestions)
            )
        return hits


# --------------------------------------------------------------------- substitution
_CAPTURE_OPEN = re.compile(r"(?<!\\)\((?!\?)")
_DOLLAR = re.compile(r"\$(\d+)|\$\{(\d+)\}")


@dataclass
class Substitution:
    fields: Mapping[str, Any]
    vocab: Vocabulary
    pattern: Any = field(init=False)
    excepted: Any = field(init=False)
    keys: list[str] = field(init=False)
    replacements: list[str] = field(init=False)

    def __post_init__(self) -> None:
        f = self.fields
        swap = f.get("swap") or {}
        self.keys = sorted((str(k) for k in swap), key=len, reverse=True)
        lookup = {str(k): v for k, v in swap.items()}
        self.replacements = ["" if lookup[k] is None else str(lookup[k]) for k in self.keys]
        groups = []
        for key in self.keys:
            if key.count("(") != key.count("(?") + key.count("\\("):
                key = _CAPTURE_OPEN.sub("(?:", key)  # only the alternatives capture
            groups.append(key)
        template = NONWORD_TEMPLATE if f.get("nonword", False) else self.vocab.word_template
        body, order = dispatch_order(groups, bool(f.get("ignorecase")), "({})")
        # Capture group n is the n-th alternative as written in the pattern.
        self.keys = [self.keys[n] for n in order]
        self.replacements = [self.replacements[n] for n in order]
        regex = template % body
        if f.get("ignorecase", False):
            regex = "(?i)" + regex
        self.pattern = compile_pattern(regex)
        self.excepted = exceptions_pattern(
            as_strings(f.get("exceptions")), self.vocab, bool(f.get("vocab", True))
        )

    def _expected(self, index: int, observed: str) -> str:
        expected = self.replacements[index]
        if self.fields.get("capitalize", False) and observed == vt.cap_first(observed):
            expected = vt.cap_first(expected)
        if not _DOLLAR.search(expected):
            return expected
        key = ("(?i)" if self.fields.get("ignorecase", False) else "") + self.keys[index]
        template = _DOLLAR.sub(
            lambda m: f"\\g<{m.group(1) or m.group(2)}>", expected.replace("\\", "\\\\")
        )
        try:
            return compile_pattern(key).sub(template, observed)
        except (re.error, IndexError):
            return expected

    def run(self, text: str, state: dict[str, Any]) -> list[Hit]:
        message = str(self.fields.get("message", ""))
        name, params = action_of(self.fields)
        hits = []
        for m in self.pattern.finditer(text):
            for group in range(1, len(self.keys) + 1):
                start, end = m.span(group)
                if start < 0:
                    continue
                observed = m.group(group)
                expected = self._expected(group - 1, observed)
                if name == "replace":
                    same = observed in vt.get_options(expected)
                else:
                    same = _match_token(expected, observed)
                if same or found_in(self.excepted, observed):
                    continue
                msg, suggestions = message, tuple(params)
                if name == "replace" and not params:
                    options = vt.get_options(expected)
                    if self.fields.get("capitalize", False) and observed == vt.cap_first(observed):
                        options = [vt.cap_first(o) for o in options]
                    expected, suggestions = vt.to_sentence(options), tuple(options)
                    msg = _convert_message(message)
                hits.append(Hit(start, end, vt.go_sprintf(msg, expected, observed), suggestions))
        return hits


def _match_token(expected: str, observed: str) -> bool:
    """Is ``observed`` already what ``expected`` asks for (a literal, or a regex)?"""
    if vt.is_phrase(expected):
        return expected == observed
    try:
        return compile_pattern(f"^(?:{expected})$").search(observed) is not None
    except ValueError:
        return expected == observed


def _convert_message(message: str) -> str:
    """Vale: with a list of options the first ``'%s'`` loses its quotes (they are added)."""
    for spec in ("'%s'", '"%s"'):
        if message.count(spec) == 2:
            message = message.replace(spec, "%s", 1)
    return message


# ----------------------------------------------------------------------- occurrence
@dataclass
class Occurrence:
    fields: Mapping[str, Any]
    vocab: Vocabulary
    pattern: Any = field(init=False)

    def __post_init__(self) -> None:
        regex = "(?:" + str(self.fields.get("token", "")) + ")"
        if self.fields.get("ignorecase", False):
            regex = "(?i)" + regex
        self.pattern = compile_pattern(regex)

    def run(self, text: str, state: dict[str, Any]) -> list[Hit]:
        most, least = int(self.fields.get("max", 0) or 0), int(self.fields.get("min", 0) or 0)
        found = list(self.pattern.finditer(text))
        n = len(found)
        if not ((most > 0 and n > most) or (least > 0 and n < least)):
            return []
        message = vt.go_sprintf(str(self.fields.get("message", "")), n)
        if n == 0:
            return [Hit(FILE_START, FILE_START, message)]
        for m in found:
            observed = m.group()
            if observed.strip() and not vt.is_code(observed):
                return [Hit(m.start(), m.end(), message)]
        return []


# ----------------------------------------------------------------------- repetition
_SENTENCE_BREAK = re.compile(r"[.!?]['\")\]\u2019\u201d]*\s")


@dataclass
class Repetition:
    fields: Mapping[str, Any]
    vocab: Vocabulary
    pattern: Any = field(init=False)
    excepted: Any = field(init=False)
    phrases: Any = field(init=False)

    def __post_init__(self) -> None:
        f = self.fields
        regex = "(" + "|".join(as_strings(f.get("tokens"))) + ")"
        if f.get("ignorecase", False):
            regex = "(?i)" + regex
        self.pattern = compile_pattern(regex)
        use_vocab = bool(f.get("vocab", True))
        self.excepted = exceptions_pattern(as_strings(f.get("exceptions")), self.vocab, use_vocab)
        self.phrases = phrases_pattern(as_strings(f.get("exceptions")), self.vocab, use_vocab)

    def run(self, text: str, state: dict[str, Any]) -> list[Hit]:
        f = self.fields
        ignorecase, alpha = f.get("ignorecase", False), f.get("alpha", False)
        most = int(f.get("max", 0) or 0)
        message = str(f.get("message", ""))
        hits: list[Hit] = []
        prev, prev_start, count = "", 0, 0
        for m in self.pattern.finditer(text):
            curr = m.group().strip()
            if ignorecase:
                hit = curr != "" and curr.casefold() == prev.casefold()
            else:
                hit = curr != "" and curr == prev
            hit = hit and (not alpha or vt.is_letters(curr))
            if hit:
                count += 1
            if hit and count > most:
                span = text[prev_start : m.end()]
                # Two sentences ("... that. That is ...") are not a repetition.
                if (
                    not _SENTENCE_BREAK.search(span)
                    and not found_in(self.excepted, span)
                    and not within_phrase(self.phrases, text, prev_start, m.end())
                ):
                    hits.append(Hit(prev_start, m.end(), vt.go_sprintf(message, curr)))
                    count = 0
            prev, prev_start = curr, m.start()
        return hits
