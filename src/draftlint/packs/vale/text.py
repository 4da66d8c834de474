"""Small pieces of Vale's behaviour that its rule kinds share: messages, case and formulas.

Each function reproduces what Vale (Go) does, so that a Vale style gives the same message and
the same verdict here; where Vale leans on a library we do not have (a part-of-speech tagger
for AP title case), the note says what was simplified.
"""

from __future__ import annotations

import ast
import math
import operator
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

_VERB = re.compile(r"%(?:\[(\d+)\])?([-+# 0]*\d*(?:\.\d+)?)([sdvqf%])")


def go_sprintf(template: str, *args: object) -> str:
    """Go's ``fmt.Sprintf`` for the verbs messages use (%s %d %v %q %f %%, ``%[n]s``).

    Like Vale's CondSprintf, surplus arguments are ignored; a verb without an argument
    prints ``%!s(MISSING)`` as Go does.
    """
    index = 0

    def verb(m: re.Match[str]) -> str:
        nonlocal index
        explicit, width, kind = m.groups()
        if kind == "%":
            return "%"
        i = int(explicit) - 1 if explicit else index
        index = i + 1
        if i >= len(args):
            return f"%!{kind}(MISSING)"
        value = args[i]
        if kind == "q":
            return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'
        if kind == "f":
            precision = re.search(r"\.(\d+)", width or "")
            digits = int(precision.group(1)) if precision else 6
            return f"{float(value):.{digits}f}"  # type: ignore[arg-type]
        return str(value)

    return _VERB.sub(verb, template)


def to_sentence(words: Sequence[str], conjunction: str = "or") -> str:
    """``['a', 'b', 'c']`` -> ``'a', 'b', or 'c'`` (Vale's ToSentence)."""
    quoted = [f"'{w}'" for w in words]
    if not quoted:
        return ""
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f"{quoted[0]} {conjunction} {quoted[1]}"
    quoted[-1] = f"{conjunction} {quoted[-1]}"
    return ", ".join(quoted)


def cap_first(s: str) -> str:
    return s[:1].upper() + s[1:]


def is_phrase(s: str) -> bool:
    """Letters, digits, spaces and hyphens only: a literal, not a regex."""
    return all(c.isalpha() or c.isdigit() or c in " -" for c in s)


def is_letters(s: str) -> bool:
    return all(c.isalpha() for c in s)


def is_code(s: str) -> bool:
    """Masked text: Vale replaces code with '*' and '@'."""
    return all(c in "*@" for c in s)


def get_options(value: str) -> list[str]:
    """``"a|b"`` -> ``['a', 'b']``; an escaped ``\\|`` stays a pipe."""
    return [o.replace("\x00", "|") for o in value.replace("\\|", "\x00").split("|") if o]


# --------------------------------------------------------------------- capitalization
_WORD = r"[\w*]+[^\s]*"  # Vale: [\p{N}\p{L}*]+[^\s]* (\w adds "_", which prose rarely has)
SMALL_WORDS = frozenset(
    "a an and as at but by en for if in nor of on or per the to vs vs. via v v.".split()
)
PREPOSITIONS = frozenset(
    "with from into during including until against among throughout despite towards upon "
    "concerning about over through before between after since without under within along "
    "following across beyond around down near above".split()
)


def word_pattern(exceptions: Any) -> re.Pattern[str]:
    """The tokenizer capitalization uses: an exception, or a word with what sticks to it."""
    if exceptions is not None:
        return re.compile(f"{exceptions.pattern}|{_WORD}")
    return re.compile(_WORD)


def _in_vocab(token: str, vocab: Sequence[str]) -> str | None:
    """prose's inVocab: an entry equal but for case, or one whose pattern occurs in the token."""
    for entry in vocab:
        if entry.lower() == token.lower():
            return entry
        try:
            if re.search(entry, token):
                return token
        except re.error:
            continue
    return None


def sentence_case(s: str, indicators: Sequence[str], vocab: Sequence[str]) -> str:
    """prose's SentenceConverter: ``s`` in sentence case (the suggestion, and the reference).

    The first word and a word after an indicator (a word ending in ':' say, or a list number
    "1.") are capitalised, the rest lower-cased, vocabulary entries kept as written.
    """
    vocab = sorted(vocab, key=len, reverse=True)
    pattern = _WORD
    if vocab:
        pattern = r"\b(?:" + "|".join(vocab) + r")\b|" + _WORD
    try:
        tokens = re.findall("(?i)" + pattern, s)
    except re.error:
        tokens = re.findall(_WORD, s)
    made = []
    for i, token in enumerate(tokens):
        prev = tokens[i - 1] if i else ""
        entry = _in_vocab(token, vocab)
        if entry is not None:
            made.append(entry)
        elif i == 0 or _indicator(prev, i - 1, indicators):
            made.append(token[:1].upper() + token[1:].lower())
        else:
            made.append(token.lower())
    return " ".join(made)


def _indicator(word: str, index: int, indicators: Sequence[str]) -> bool:
    return any(word.endswith(x) for x in indicators) or (
        index == 0 and re.search(r"\d+\.", word) is not None
    )


def is_sentence_case(
    s: str, indicators: Sequence[str], exceptions: Any, vocab: Sequence[str], threshold: float
) -> tuple[str, bool]:
    """Vale's ``$sentence``: the words compared with the sentence-cased version of ``s``."""
    expected = sentence_case(s, indicators, vocab)
    pattern = word_pattern(exceptions)
    wanted = pattern.findall(expected)
    count = words = 0.0
    for i, w in enumerate(pattern.findall(s)):
        if i >= len(wanted) or w == wanted[i] or _search(exceptions, w):
            count += 1
        elif i == 0 and w != _go_title(w.lower()):
            return expected, False
        words += 1
    return expected, words == 0 or count / words >= threshold


def title_case(s: str, style: str, vocab: Sequence[str]) -> str:
    """AP or Chicago title case.

    Simplified from prose's converter: AP keeps "to" lower-case always (prose asks its tagger
    whether a noun follows); everything else follows its rules.
    """
    small = SMALL_WORDS | (PREPOSITIONS if style == "Chicago" else frozenset())
    matches = list(re.finditer(r"[^\W_]+[^\s\-/]*", s))
    out, pos = [], 0
    for k, m in enumerate(matches):
        word = m.group()
        out.append(s[pos : m.start()])
        pos = m.end()
        entry = next((v for v in vocab if v.lower() == word.lower()), None)
        bounding = k == 0 or k == len(matches) - 1
        prev = s[m.start() - 1] if m.start() else ""
        before = s[m.start() - 2] if m.start() > 1 else ""
        if entry is not None:
            out.append(entry)
        elif word.lower() in small and not bounding and prev in " -/" and before not in ":-":
            out.append(word.lower())
        else:
            out.append(cap_first(word))
    out.append(s[pos:])
    return "".join(out)


def is_title_case(
    s: str, style: str, exceptions: Any, vocab: Sequence[str], threshold: float
) -> bool:
    pattern = word_pattern(exceptions)
    expected = pattern.findall(title_case(s, style, vocab))
    count = words = 0.0
    for i, word in enumerate(pattern.findall(s)):
        if (
            i >= len(expected)
            or word == expected[i]
            or _search(exceptions, word)
            or word == word.upper()
        ):
            count += 1
        words += 1
    return words == 0 or count / words >= threshold


def _search(pattern: Any, s: str) -> bool:
    return pattern is not None and pattern.search(s) is not None


def _go_title(s: str) -> str:
    """Go's deprecated strings.Title: upper-case the first letter of each word."""
    return re.sub(r"(^|[^\w'])(\w)", lambda m: m.group(1) + m.group(2).upper(), s)


# -------------------------------------------------------------------------- metric
_BINARY: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Mod: operator.mod,
    ast.Pow: operator.pow,
}
_COMPARE: dict[type, Callable[[Any, Any], bool]] = {
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
}
_MATH = {
    "sqrt": math.sqrt,
    "pow": math.pow,
    "abs": abs,
    "log": math.log,
    "log10": math.log10,
    "floor": math.floor,
    "ceil": math.ceil,
    "round": round,
}


class FormulaError(ValueError):
    pass


def parse_formula(expression: str) -> ast.expr:
    """Parse a metric formula (Tengo arithmetic) once; raises FormulaError."""
    text = re.sub(r"heading\.(h[1-6])", r"heading_\1", expression.strip())
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        raise FormulaError(f"invalid formula {expression.strip()!r}: {exc.msg}") from None
    _check(tree.body)
    return tree.body


def _check(node: ast.AST) -> None:
    allowed = (
        ast.BinOp,
        ast.UnaryOp,
        ast.Compare,
        ast.Constant,
        ast.Name,
        ast.Call,
        ast.Attribute,
        ast.BoolOp,
        ast.Load,
        ast.operator,
        ast.unaryop,
        ast.cmpop,
        ast.boolop,
    )
    for child in ast.walk(node):
        if not isinstance(child, allowed):
            raise FormulaError(f"unsupported syntax in formula: {type(child).__name__}")
        if isinstance(child, ast.Attribute) and not (
            isinstance(child.value, ast.Name) and child.value.id == "math"
        ):
            raise FormulaError("only math.<function> may be called in a formula")


def evaluate(node: ast.expr, variables: Mapping[str, float]) -> Any:
    """Evaluate a parsed formula; a division by zero gives inf/nan as Go's floats do."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        if node.id not in variables:
            raise FormulaError(f"unknown variable {node.id!r} in formula")
        return float(variables[node.id])
    if isinstance(node, ast.UnaryOp):
        value = evaluate(node.operand, variables)
        return (
            -value
            if isinstance(node.op, ast.USub)
            else (not value if isinstance(node.op, ast.Not) else value)
        )
    if isinstance(node, ast.BinOp):
        left, right = evaluate(node.left, variables), evaluate(node.right, variables)
        if isinstance(node.op, ast.Div) and right == 0:
            return math.nan if left == 0 else math.copysign(math.inf, left)
        return _BINARY[type(node.op)](left, right)
    if isinstance(node, ast.Compare):
        left = evaluate(node.left, variables)
        for op, comparator in zip(node.ops, node.comparators, strict=False):
            right = evaluate(comparator, variables)
            if not _COMPARE[type(op)](left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.BoolOp):
        values = [evaluate(v, variables) for v in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in _MATH
    ):
        return _MATH[node.func.attr](*(evaluate(a, variables) for a in node.args))
    raise FormulaError(f"unsupported expression in formula: {ast.dump(node)[:60]}")
