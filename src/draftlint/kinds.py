"""The data-rule kinds: Vale's extension points, each a small matcher over one block of text.

A kind is built from a rule's YAML fields (Vale's names and defaults) and the run's vocabulary,
then ``run(text, state)`` returns Hits in the block's own offsets.  ``state`` is one dict per
rule and document, for the kinds whose verdict depends on earlier blocks (``conditional``
remembers definitions, ``consistency`` the variants seen), as Vale keeps them per file.

The regexes are built exactly as Vale builds them (word template ``\\b(?:...)\\b``, ``(?i)``,
exceptions as ``(?-i)`` alternatives) and compiled by :mod:`draftlint.vale_regex`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from draftlint import vale_text as vt
from draftlint.vale_regex import compile_pattern

WORD_TEMPLATE = r"(?m)\b(?:%s)\b"
NONWORD_TEMPLATE = r"(?m)(?:%s)"
#: A Hit at this start means "the top of the file" (Vale's 1:1 for a count or a metric).
FILE_START = -1


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()
    #: True when Vale places the alert by searching the block for its text (consistency).
    search: bool = False


@dataclass(frozen=True)
class Vocabulary:
    """What a Vale config adds to every rule: accepted terms and the word template."""

    accepted: tuple[str, ...] = ()
    word_template: str = WORD_TEMPLATE


def _dispatch(alternatives: list[str], ignorecase: bool, wrap: str = "{}") -> str:
    """``a|b|c`` arranged so that the engine tries only the alternatives that can start here.

    Python's ``re`` tries every alternative at every position; a style with hundreds of
    terms (proselint.Needless) spent most of a run doing that.  When every alternative starts
    with a plain letter or digit, they are grouped behind a one-character look-ahead on that
    first character.  Alternatives with different first characters never match at the same
    position and the order within a group is kept, so what matches is exactly what the plain
    alternation matches.
    """
    return _dispatch_order(alternatives, ignorecase, wrap)[0]


def _dispatch_order(
    alternatives: list[str], ignorecase: bool, wrap: str = "{}"
) -> tuple[str, list[int]]:
    """_dispatch's pattern and the order the alternatives appear in it (capture groups!)."""
    plain = "|".join(wrap.format(a) for a in alternatives), list(range(len(alternatives)))
    if len(alternatives) < 16:
        return plain
    groups: dict[str, list[int]] = {}
    for n, alternative in enumerate(alternatives):
        first = _first_char(alternative)
        if first is None:
            return plain
        groups.setdefault(first.lower() if ignorecase else first, []).append(n)
    parts, order = [], []
    for key, members in groups.items():
        chars = re.escape(key) + (
            re.escape(key.upper()) if ignorecase and key.upper() != key else ""
        )
        parts.append(f"(?=[{chars}])(?:{'|'.join(wrap.format(alternatives[n]) for n in members)})")
        order.extend(members)
    return "|".join(parts), order


def _first_char(alternative: str) -> str | None:
    """The plain ASCII letter or digit every match of ``alternative`` starts with, if any."""
    if alternative.startswith("(?:") and alternative.endswith(")") and "(" not in alternative[3:]:
        inner = [_first_char(part) for part in alternative[3:-1].split("|")]
        return inner[0] if inner and None not in inner and len(set(inner)) == 1 else None
    first = alternative[:1]
    if first.isascii() and first.isalnum() and alternative[1:2] not in ("?", "*", "+", "{"):
        return first
    return None


def _strings(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [str(value)]


def _exceptions(terms: Sequence[str], vocab: Vocabulary, use_vocab: bool) -> Any:
    """Vale's updateExceptions: a word-bounded, case-sensitive alternation (or None)."""
    terms = list(terms) + (list(vocab.accepted) if use_vocab else [])
    if not terms:
        return None
    terms.sort(key=len, reverse=True)
    # Vale marks each term (?-i) so that one term's (?i) cannot spread to the others; with no
    # (?i) anywhere the marks change nothing, and Python compiles a long list far faster
    # without them.
    if any("(?i" in t for t in terms):
        terms = [t if t.startswith("(?i)") else f"(?-i){t}" for t in terms]
    return compile_pattern(WORD_TEMPLATE % "|".join(terms))


def _phrases(terms: Sequence[str], vocab: Vocabulary, use_vocab: bool) -> Any:
    """Multi-word exceptions: a finding inside one of them is excused (Vale #1035)."""
    terms = list(terms) + (list(vocab.accepted) if use_vocab else [])
    phrases = [t for t in terms if " " in t or "\t" in t or "\\s" in t]
    if not phrases:
        return None
    try:
        return compile_pattern(r"(?i)\b(?:" + "|".join(phrases) + r")\b")
    except ValueError:
        return None


def _search(pattern: Any, text: str) -> bool:
    return pattern is not None and pattern.search(text) is not None


def _within(phrases: Any, text: str, start: int, end: int) -> bool:
    if phrases is None:
        return False
    return any(m.start() <= start and end <= m.end() for m in phrases.finditer(text))


def _action(fields: Mapping[str, Any]) -> tuple[str, list[str]]:
    action = fields.get("action") or {}
    if not isinstance(action, Mapping):
        return "", []
    return str(action.get("name") or ""), _strings(action.get("params"))


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
        raw_tokens = _strings(f.get("tokens"))
        tokens = [t for t in raw_tokens if t.strip()]
        word = not f.get("nonword", False) and bool(raw_tokens)
        body = (self.vocab.word_template if word else NONWORD_TEMPLATE) % _dispatch(
            tokens, bool(f.get("ignorecase"))
        )
        raw = "".join(_strings(f.get("raw")))
        regex = body + raw if f.get("append", False) else raw + body
        if f.get("ignorecase", False):
            regex = "(?i)" + regex
        self.pattern = compile_pattern(regex)
        use_vocab = bool(f.get("vocab", True)) and not f.get("nonword", False)
        self.excepted = _exceptions(_strings(f.get("exceptions")), self.vocab, use_vocab)
        self.phrases = _phrases(_strings(f.get("exceptions")), self.vocab, use_vocab)

    def run(self, text: str, state: dict[str, Any]) -> list[Hit]:
        message = str(self.fields.get("message", ""))
        name, params = _action(self.fields)
        hits = []
        for m in self.pattern.finditer(text):
            if m.start() == m.end() or _search(self.excepted, m.group().strip()):
                continue
            if _within(self.phrases, text, m.start(), m.end()):
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
        body, order = _dispatch_order(groups, bool(f.get("ignorecase")), "({})")
        # Capture group n is the n-th alternative as written in the pattern.
        self.keys = [self.keys[n] for n in order]
        self.replacements = [self.replacements[n] for n in order]
        regex = template % body
        if f.get("ignorecase", False):
            regex = "(?i)" + regex
        self.pattern = compile_pattern(regex)
        self.excepted = _exceptions(
            _strings(f.get("exceptions")), self.vocab, bool(f.get("vocab", True))
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
        name, params = _action(self.fields)
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
                if same or _search(self.excepted, observed):
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
        regex = "(" + "|".join(_strings(f.get("tokens"))) + ")"
        if f.get("ignorecase", False):
            regex = "(?i)" + regex
        self.pattern = compile_pattern(regex)
        use_vocab = bool(f.get("vocab", True))
        self.excepted = _exceptions(_strings(f.get("exceptions")), self.vocab, use_vocab)
        self.phrases = _phrases(_strings(f.get("exceptions")), self.vocab, use_vocab)

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
                    and not _search(self.excepted, span)
                    and not _within(self.phrases, text, prev_start, m.end())
                ):
                    hits.append(Hit(prev_start, m.end(), vt.go_sprintf(message, curr)))
                    count = 0
            prev, prev_start = curr, m.start()
        return hits


# ---------------------------------------------------------------------- consistency
@dataclass
class Consistency:
    fields: Mapping[str, Any]
    vocab: Vocabulary
    steps: list[tuple[Any, tuple[str, str]]] = field(init=False)

    def __post_init__(self) -> None:
        f = self.fields
        template = NONWORD_TEMPLATE if f.get("nonword", False) else self.vocab.word_template
        self.steps = []
        for n, (first, second) in enumerate((f.get("either") or {}).items()):
            names = (f"v{n}a", f"v{n}b")
            regex = template % f"(?P<{names[0]}>{first})|(?P<{names[1]}>{second})"
            if f.get("ignorecase", False):
                regex = "(?i)" + regex
            self.steps.append((compile_pattern(regex), names))

    def run(self, text: str, state: dict[str, Any]) -> list[Hit]:
        seen: set[str] = state.setdefault("seen", set())
        message = str(self.fields.get("message", ""))
        hits = []
        for pattern, names in self.steps:
            last: tuple[int, int] | None = None
            for m in pattern.finditer(text):
                for name in names:
                    if m.start(name) >= 0:
                        seen.add(name)
                        last = m.span(name)
            if last is not None and names[0] in seen and names[1] in seen:
                observed = text[last[0] : last[1]]
                hits.append(Hit(last[0], last[1], vt.go_sprintf(message, observed), search=True))
        return hits


# ---------------------------------------------------------------------- conditional
@dataclass
class Conditional:
    fields: Mapping[str, Any]
    vocab: Vocabulary
    first: Any = field(init=False)
    second: Any = field(init=False)
    grouped: bool = field(init=False)
    excepted: Any = field(init=False)
    phrases: Any = field(init=False)

    def __post_init__(self) -> None:
        f = self.fields
        second = str(f.get("second", ""))
        # Vale compiles both patterns as written: ``ignorecase`` does not reach them.
        self.second = compile_pattern(second)
        self.first = compile_pattern(str(f.get("first", "")))
        self.grouped = second.count("(") > second.count("(?") + second.count("\\(")
        use_vocab = bool(f.get("vocab", True))
        self.excepted = _exceptions(_strings(f.get("exceptions")), self.vocab, use_vocab)
        self.phrases = _phrases(_strings(f.get("exceptions")), self.vocab, use_vocab)

    def run(self, text: str, state: dict[str, Any]) -> list[Hit]:
        message = str(self.fields.get("message", ""))
        defined: set[str] = state.setdefault("defined", set())
        if not self.grouped:
            if self.second.search(text):
                return []
        else:
            for m in self.second.finditer(text):
                defined.update(g for g in m.groups() if g)
        hits = []
        for m in self.first.finditer(text):
            s = m.group()
            if self.grouped and s in defined:
                continue
            if _search(self.excepted, s) or _within(self.phrases, text, m.start(), m.end()):
                continue
            hits.append(Hit(m.start(), m.end(), vt.go_sprintf(message, s)))
        return hits


# ------------------------------------------------------------------- capitalization
@dataclass
class Capitalization:
    fields: Mapping[str, Any]
    vocab: Vocabulary
    excepted: Any = field(init=False)
    custom: Any = field(init=False, default=None)

    def __post_init__(self) -> None:
        f = self.fields
        use_vocab = bool(f.get("vocab", True))
        self.excepted = _exceptions(_strings(f.get("exceptions")), self.vocab, use_vocab)
        self.exceptions = _strings(f.get("exceptions")) + (
            list(self.vocab.accepted) if use_vocab else []
        )
        match = str(f.get("match", ""))
        if match not in ("$title", "$sentence", "$lower", "$upper"):
            self.custom = compile_pattern(match)

    def _verdict(self, text: str) -> tuple[str, bool]:
        f = self.fields
        match = str(f.get("match", ""))
        threshold = float(f.get("threshold", 0) or 0) or 0.8
        prefix = str(f.get("prefix", "") or "")
        body = text
        if prefix:
            lead = re.match(prefix, text)
            if lead:
                body = text[lead.end() :]
        if match == "$title":
            style = str(f.get("style", "AP"))
            expected = vt.title_case(body, style, self.exceptions)
            return expected, vt.is_title_case(
                body, style, self.excepted, self.exceptions, threshold
            )
        if match == "$sentence":
            indicators = _strings(f.get("indicators"))
            return vt.is_sentence_case(body, indicators, self.excepted, self.exceptions, threshold)
        if match == "$lower":
            return text.lower(), text == text.lower() or _search(self.excepted, text)
        if match == "$upper":
            return text.upper(), text == text.upper() or _search(self.excepted, text)
        return match, bool(self.custom.search(text)) or _search(self.excepted, text)

    def run(self, text: str, state: dict[str, Any]) -> list[Hit]:
        stripped = text.strip()
        if not stripped:
            return []
        lead = len(text) - len(text.lstrip())
        expected, ok = self._verdict(stripped)
        if ok:
            return []
        message = vt.go_sprintf(str(self.fields.get("message", "")), stripped, expected)
        name, _ = _action(self.fields)
        suggestions = (
            (expected,)
            if name == "replace" and self.fields.get("match") in ("$title", "$sentence")
            else ()
        )
        return [Hit(lead, lead + len(stripped), message, suggestions)]


# --------------------------------------------------------------------------- metric
@dataclass
class Metric:
    """A formula over the document's counts; evaluated by the pack runner (document-wide)."""

    fields: Mapping[str, Any]
    vocab: Vocabulary
    formula: Any = field(init=False)
    condition: str = field(init=False)

    def __post_init__(self) -> None:
        self.formula = vt.parse_formula(str(self.fields.get("formula", "")))
        self.condition = str(self.fields.get("condition", "")).strip()
        vt.parse_formula("0 " + self.condition)  # a bad condition fails at load time

    def measure(self, variables: Mapping[str, float]) -> Hit | None:
        value = vt.evaluate(self.formula, variables)
        if not isinstance(value, (int, float)) or value != value:  # nan: nothing to say
            return None
        verdict = vt.evaluate(vt.parse_formula(f"{float(value)!r} {self.condition}"), variables)
        if not verdict:
            return None
        return Hit(
            FILE_START,
            FILE_START,
            vt.go_sprintf(str(self.fields.get("message", "")), f"{value:.2f}"),
        )

    def run(self, text: str, state: dict[str, Any]) -> list[Hit]:
        return []


#: extends -> kind class.  Vale's other kinds (spelling, sequence, script, readability) are
#: recognised and skipped with a note by the pack loader.
KINDS: dict[str, type] = {
    "existence": Existence,
    "substitution": Substitution,
    "occurrence": Occurrence,
    "repetition": Repetition,
    "consistency": Consistency,
    "conditional": Conditional,
    "capitalization": Capitalization,
    "metric": Metric,
}
UNSUPPORTED_KINDS = ("spelling", "sequence", "script", "readability")

COMMON_KEYS = frozenset(
    {
        "extends",
        "message",
        "description",
        "level",
        "limit",
        "link",
        "scope",
        "action",
        "name",
        "selector",
        "matchcase",
        "tests",
    }
)
#: Vale's fields per kind (mapstructure names, lower-cased); anything else is an error.
KIND_KEYS: dict[str, frozenset[str]] = {
    "existence": frozenset(
        {"raw", "tokens", "exceptions", "append", "ignorecase", "nonword", "vocab"}
    ),
    "substitution": frozenset(
        {"exceptions", "swap", "ignorecase", "nonword", "vocab", "capitalize", "pos"}
    ),
    "occurrence": frozenset({"token", "max", "min", "ignorecase"}),
    "repetition": frozenset({"tokens", "max", "ignorecase", "alpha", "vocab", "exceptions"}),
    "consistency": frozenset({"either", "nonword", "ignorecase"}),
    "conditional": frozenset({"exceptions", "first", "second", "ignorecase", "vocab"}),
    "capitalization": frozenset(
        {"match", "style", "exceptions", "indicators", "threshold", "vocab", "prefix"}
    ),
    "metric": frozenset({"formula", "condition"}),
}
#: Keys a kind cannot work without.
REQUIRED_KEYS: dict[str, tuple[str, ...]] = {
    "substitution": ("swap",),
    "occurrence": ("token",),
    "repetition": ("tokens",),
    "consistency": ("either",),
    "conditional": ("first", "second"),
    "capitalization": ("match",),
    "metric": ("formula", "condition"),
}
