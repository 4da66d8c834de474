"""CN302 numbers spelled out or in figures against the convention; CN303 percent written two ways.

The convention comes from the config section ``[tool.draftlint.numbers]``:

* ``style = "ap"`` (default): spell out zero to nine, figures from 10 (AP, BBC, Reuters);
  ``"chicago"``: spell out up to one hundred; ``"off"``: no CN302 findings.
* ``percent = "auto"`` (default: the draft's majority), ``"%"``, ``"percent"`` or ``"per cent"``.

Figures stay figures wherever every style keeps them: money, percentages, ages, measures,
dates and times, scores, numbered things ("No 10", "Radio 4"), and inside quotations.
"""

from __future__ import annotations

from collections.abc import Iterator

from draftlint.drafts.analysis import Token
from draftlint.drafts.document import Document, Span
from draftlint.drafts.facts import headline_paragraphs, sentence_initial
from draftlint.drafts.speech import speech
from draftlint.rule import Context, rule
from draftlint.violation import Finding, Severity

UNITS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine".split())}
TEENS = {
    w: 10 + i
    for i, w in enumerate(
        "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {
    w: 20 + 10 * i
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
_FIGURE_WORDS = {v: k for k, v in {**UNITS, **TEENS, **TENS}.items()}
#: After a figure, words that keep it a figure in every style: units, money, time, scores.
_KEEP_FIGURE = frozenset(
    """percent per cent pc million billion trillion bn m km kg g mg lb lbs oz mph kph km/h cm mm ml
    mile miles metre metres meter meters foot feet ft inch inches yard yards kilometre kilometres
    kilometer kilometers kilogram kilograms kilo kilos pound pounds dollar dollars euro euros cent
    cents pence p degree degrees figure figures am pm a.m. p.m. o'clock gb mb tb ghz mhz hz kw mw w
    v x
    in of to and or out by from for on at the a an with than per over under up down""".split()
)
#: Before a figure, words that make it a label or an ordinal position.
_LABELS = frozenset(
    """no no. number page pages p pp chapter chapters section sections article articles room route
    platform level grade stage round game games act scene version season series phase step type
    class division league table figure fig vol volume issue part tier category gate junction
    channel radio week day year aged age size""".split()
)


_ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth".split())
#: Before a spelled-out number, words that make it an idiom or a name: "top ten", "the Ten".
_IDIOM_BEFORE = frozenset("top".split())


def _figure(text: str) -> int | None:
    """The value of plain ASCII digits ("12"); None for "2.5", "3m" or "²" (a digit to isdigit)."""
    return int(text) if text.isascii() and text.isdigit() else None


def _spelled_value(text: str) -> int | None:
    """Value of a spelled number: "thirty" 30, "twenty-five" 25, "thirty-minute" 30, else None."""
    parts = text.lower().split("-")
    first = parts[0]
    if first in TENS:
        value = TENS[first]
        if len(parts) > 1 and parts[1] in UNITS and parts[1] != "zero":
            value += UNITS[parts[1]]
            rest = parts[2:]
        else:
            rest = parts[1:]
    elif first in TEENS or first in UNITS:
        value = TEENS.get(first, UNITS.get(first, 0))
        rest = parts[1:]
    else:
        return None
    if any(p in TENS or p in TEENS or p in UNITS or p in _ORDINALS for p in rest):
        return None  # "fifty-fifty", "one-two": idioms; "twenty-first": an ordinal
    return value


@rule(
    "CN302",
    "number-style",
    Severity.INFO,
    "A number spelled out or in figures against the number convention.",
    what='Under the AP convention (config `[tool.draftlint.numbers] style`, default "ap"): '
    'numbers from 10 spelled out ("thirty-minute" beside "70 years"), and figures from 1 to 9 '
    'before a counted noun ("3 people"). A warning when the draft also writes the same range the '
    "conventional way, info otherwise. Figures for money, percentages, measures, ages, dates, "
    "times, scores and numbered labels are left alone, as are sentence openings and quotations.",
    why='Mixed number styles are the commonest consistency slip in copy: "thirty-minute" beside '
    '"70 years" makes the reader wonder whether the difference means something.',
    bad="The thirty-minute meeting ended more than 70 years of policy.",
    good="The 30-minute meeting ended more than 70 years of policy.",
)
def number_style(document: Document, context: Context) -> Iterator[Finding]:
    style = context.settings.numbers.style
    if style == "off":
        return
    limit = 101 if style == "chicago" else 10
    analysis = document.analysis
    tokens = analysis.tokens
    found = speech(document)
    initial = sentence_initial(document)
    headlines = headline_paragraphs(document)
    spelled_high: list[tuple[Token, int]] = []
    figures_high = 0
    spelled_low = 0
    figures_low: list[Token] = []
    for i, token in enumerate(tokens):
        if token.kind == "number":
            if _figure(token.text) is not None and not token.text.startswith("0"):  # not "007"
                value = int(token.text)
                if value >= limit:
                    figures_high += 1
                elif 1 <= value and _counts_thing(document, i) and not found.in_quote(token.start):
                    figures_low.append(token)
            continue
        if token.kind != "word" or not token.text[0].isalpha():
            continue
        value = _spelled_value(token.text)
        if value is None:
            continue
        if value < limit:
            spelled_low += 1
            continue
        if token.text[0].isupper() or i in initial or found.in_quote(token.start):
            continue  # sentence openings are spelled out; capitals are names ("Ten Downing")
        if i > 0 and tokens[i - 1].text.lower() in _IDIOM_BEFORE:
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.kind == "word" and _spelled_value(nxt.text) is not None:
            continue  # "nineteen eighty-four"
        sentence = analysis.sentence_at(token.start)
        if sentence is not None and analysis.sentences[sentence].paragraph in headlines:
            continue
        spelled_high.append((token, value))
    for token, value in spelled_high:
        parts = token.text.split("-")
        used = 2 if parts[0].lower() in TENS and len(parts) > 1 and parts[1].lower() in UNITS else 1
        suggestion = "-".join([str(value), *parts[used:]])  # "thirty-minute" -> "30-minute"
        severity = Severity.WARNING if figures_high else Severity.INFO
        also = "; the draft writes other numbers from 10 in figures" if figures_high else ""
        yield Finding(
            Span(token.start, token.end),
            f"'{token.text}': {style.upper()} style writes numbers from {limit} in figures{also}",
            (suggestion,),
            severity=severity,
        )
    if style == "chicago":
        return
    for token in figures_low:
        severity = Severity.WARNING if spelled_low else Severity.INFO
        also = "; the draft spells out other numbers under 10" if spelled_low else ""
        word = _FIGURE_WORDS[int(token.text)]
        yield Finding(
            Span(token.start, token.end),
            f"'{token.text}': AP style spells out numbers under 10{also}",
            (word,),
            severity=severity,
        )


def _counts_thing(document: Document, index: int) -> bool:
    """A lone figure under 10 counting something: "3 people", not "£3", "No 3", "3 May", "3-1"."""
    tokens = document.analysis.tokens
    prose = document.prose
    token = tokens[index]
    if index + 1 >= len(tokens) or prose[token.end : token.end + 1] != " ":
        return False
    nxt = tokens[index + 1]
    if nxt.kind != "word" or not nxt.text.islower() or nxt.text in _KEEP_FIGURE:
        return False
    if index + 2 < len(tokens) and tokens[index + 2].text.lower() in ("old", "olds"):
        return False  # ages
    before = prose[max(0, token.start - 1) : token.start]
    if before and not before.isspace():
        return False  # "£3", "#3", "(3", "-3"
    if index in sentence_initial(document):
        return False  # "3 is looking to music": a name, or a figure the writer must rephrase
    sentence = document.analysis.sentence_at(token.start)
    if sentence is not None and document.analysis.sentences[
        sentence
    ].paragraph in headline_paragraphs(document):
        return False
    if index > 0:
        prev = tokens[index - 1]
        if prev.text.lower() in _LABELS or (prev.kind == "word" and prev.text[0].isupper()):
            return False  # "No 3", "Radio 4", "Half-Life 2"
        if prev.kind == "number" or prev.text in ("-", "\u2013", "/", ":"):
            return False
    if sentence is not None:
        for t in document.analysis.sentence_tokens(document.analysis.sentences[sentence]):
            if (
                t.kind == "number"
                and t is not token
                and (_figure(t.text) is None or int(t.text) >= 10)
            ):
                return False  # "between 5 and 15 people": a series keeps figures
    return True


# ---------------------------------------------------------------------------- CN303
_PERCENT_FORMS = ("%", "percent", "per cent")


@rule(
    "CN303",
    "percent-style-mixed",
    Severity.WARNING,
    '"%", "percent" and "per cent" mixed.',
    what='More than one of "%", "percent" and "per cent" in one draft; the less used form is '
    "reported, or every form but the one set in `[tool.draftlint.numbers] percent`.",
    why='House styles choose one (AP: "percent", BBC: "%", Guardian: "%" in figures); mixing '
    "them is a consistency slip a copy editor would mark every time.",
    bad="Growth was 2% this year and 3 per cent the year before.",
    good="Growth was 2% this year and 3% the year before.",
)
def percent_style_mixed(document: Document, context: Context) -> Iterator[Finding]:
    tokens = document.analysis.tokens
    prose = document.prose
    forms: dict[str, list[Token]] = {form: [] for form in _PERCENT_FORMS}
    for i, token in enumerate(tokens):
        text = token.text.lower()
        if token.text == "%":
            forms["%"].append(token)
        elif text == "percent":
            forms["percent"].append(token)
        elif (
            text == "per"
            and i + 1 < len(tokens)
            and tokens[i + 1].text.lower() == "cent"
            and prose[token.end : tokens[i + 1].start] == " "
        ):
            forms["per cent"].append(
                Token(
                    token.start, tokens[i + 1].end, prose[token.start : tokens[i + 1].end], "word"
                )
            )
    used = [form for form in _PERCENT_FORMS if forms[form]]
    if len(used) < 2:
        return
    preferred = context.settings.numbers.percent
    if preferred not in _PERCENT_FORMS:
        preferred = max(used, key=lambda form: (len(forms[form]), -forms[form][0].start))
    total = sum(len(forms[f]) for f in used)
    for form in used:
        if form == preferred:
            continue
        for token in forms[form]:
            yield Finding(
                Span(token.start, token.end),
                f"'{token.text}' in a draft that writes '{preferred}' "
                f"({len(forms[preferred])} of {total})",
                (preferred,),
            )


RULES = (number_style, percent_style_mixed)
