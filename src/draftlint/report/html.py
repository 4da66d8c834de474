"""HTML output: one self-contained page an editor reads instead of terminal output.

The page shows each draft as it was written (paragraphs, headings, quotations, list items)
with every finding highlighted inline, a filterable list of findings beside it, a
readability panel and, for several drafts, a sortable index.

Why the page is built this way:

* Self-contained and offline: CSS and JS are inlined and a Content-Security-Policy allows
  nothing but those two blocks (by hash), so the file opens from disk or as a CI artefact,
  never touches the network, and even a mistake in escaping could not run injected script.
* Everything the draft or a rule says is data: Jinja2 escapes it in the markup, and the
  JS reads it from a ``<script type="application/json">`` block with ``<``, ``>`` and ``&``
  escaped, and writes it with ``textContent`` only.
* The draft is rendered server-side from ``Document.prose`` and ``blocks`` (not from the
  source, whose markup the prose has already stripped), so the page is readable without JS
  and in print; violations' file offsets come back to prose with ``Document.to_prose``.
* Overlapping findings nest as ``<mark>`` elements; where two spans cross, the later one is
  closed and reopened as a continuation fragment.  Exactly one fragment per finding is the
  *head* (``.hl.head``, focusable, ``id="f<N>"``), so "one highlight per finding" holds and
  can be counted.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import json
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, NamedTuple, TextIO

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from draftlint import __version__, formats
from draftlint.document import OBJECT, Document, Span
from draftlint.engine import FileResult, InputError, read_source
from draftlint.report import ReportOptions
from draftlint.rule import FAMILIES
from draftlint.violation import Severity, Violation

#: Sentences longer than this are listed when the readability data sets no limit of its own.
LONG_SENTENCE_WORDS = 30
_EXCERPT = 60  # characters of flagged text shown in the list and the tooltip
_CONTEXT = 28  # characters of context either side of it in the list
#: A finding longer than this (a long sentence, a paragraph, the whole draft) would tint whole
#: paragraphs and bury the word-level findings inside it; it shows its badge until chosen.
WIDE = 80
_WORD_KINDS = ("word", "number", "abbrev")
_SEVERITIES = [s.label for s in sorted(Severity, reverse=True)]  # error, warning, info


class Piece(NamedTuple):
    """One step of a block's markup, rendered by the template.

    kind: "t" text, "o" open a mark (``mark`` set), "c" close a mark, "x" an inline object
    (``text`` is its source), "i" an invisible character (``text`` is its U+ name).
    """

    kind: str
    text: str = ""
    mark: Mark | None = None


class Mark(NamedTuple):
    fid: int
    family: str
    family_class: str
    severity: str
    head: bool
    point: bool  # a zero-width finding: an empty mark that shows where it is
    lift: int = 0  # how many levels of marks nest inside this one (their underlines stack)
    wide: bool = False  # a sentence, paragraph or draft: drawn as its badge until chosen


@dataclass
class BlockView:
    id: str
    kind: str
    pieces: list[Piece]


@dataclass
class DraftView:
    index: int
    path: str
    format: str | None
    words: int
    error: str | None
    groups: list[tuple[str, list[BlockView]]] = field(default_factory=list)  # (container, blocks)
    findings: list[dict[str, Any]] = field(default_factory=list)
    by_severity: Counter[str] = field(default_factory=Counter)
    by_family: Counter[str] = field(default_factory=Counter)
    readability: dict[str, Any] | None = None
    long_sentences: list[dict[str, Any]] = field(default_factory=list)
    unplaced: bool = False  # findings exist but the document is not available to place them

    @property
    def family_groups(self) -> list[tuple[str, list[dict[str, Any]]]]:
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for f in self.findings:
            groups[f["family"]].append(f)
        return sorted(groups.items(), key=lambda kv: _family_order(kv[0]))


# ------------------------------------------------------------------------- render
def render(results: Sequence[FileResult], stream: TextIO, options: ReportOptions) -> None:
    stream.write(render_html(results))


def render_html(results: Sequence[FileResult]) -> str:
    env = _environment()
    script, style = _asset("report.js"), _asset("report.css")
    drafts, data = build(results)
    families = sorted({f for d in drafts for f in d.by_family}, key=_family_order)
    codes = sorted({f["code"] for d in drafts for f in d.findings})
    totals = Counter[str]()
    for d in drafts:
        totals.update(d.by_severity)
    return env.get_template("report.html.j2").render(
        drafts=drafts,
        families=families,
        family_names={f: FAMILIES.get(f, "other") for f in families},
        family_class=_family_class,
        codes=[(c, data["rules"].get(c, {}).get("name", "")) for c in codes],
        severities=_SEVERITIES,
        totals=totals,
        total=sum(totals.values()),
        version=__version__,
        data=embed_json(data),
        script=Markup(script),
        style=Markup(style),
        csp=content_security_policy(script, style),
    )


def build(results: Sequence[FileResult]) -> tuple[list[DraftView], dict[str, Any]]:
    """The view of every draft and the data the page's script reads (findings by id, rules)."""
    drafts: list[DraftView] = []
    findings: list[dict[str, Any]] = []
    rules: dict[str, dict[str, str]] = {}
    for index, result in enumerate(sorted(results, key=lambda r: r.path)):
        draft = _draft(index, result, len(findings))
        findings.extend(draft.findings)
        for f in draft.findings:
            if f["code"] not in rules:
                rules[f["code"]] = rule_info(f["code"], f["name"])
        drafts.append(draft)
    data = [{k: f[k] for k in _DATA_KEYS} for f in findings]
    return drafts, {"findings": data, "rules": rules}


def rule_info(code: str, name: str) -> dict[str, str]:
    """Name, summary and one-line "why" of a rule; a rule unknown here (a pack's) gets none."""
    try:
        from draftlint import registry

        # documented_rules adds the outside engines' codes (LT, HP) to the built-in rules.
        lookup = getattr(registry, "documented_rules", registry.builtin_rules)
        rule = lookup().get(code)
    except Exception:  # noqa: BLE001 - a broken registry must not cost the editor the report
        rule = None
    if rule is None:
        return {"name": name, "summary": "", "why": ""}
    return {"name": rule.name, "summary": rule.summary, "why": rule.doc.why}


def _draft(index: int, result: FileResult, first_fid: int) -> DraftView:
    draft = DraftView(index, result.path, result.format, result.words, result.error)
    document = document_for(result)
    spans: list[Span] = []
    for n, v in enumerate(result.violations):
        span = _prose_span(document, v) if document is not None else Span(0, 0)
        spans.append(span)
        draft.findings.append(_finding(first_fid + n, index, v, span, document))
        draft.by_severity[v.severity.label] += 1
        draft.by_family[v.family] += 1
    if document is not None and document.blocks:
        draft.groups = _groups(index, document, _block_pieces(document, spans, draft.findings))
        draft.long_sentences = _long_sentences(document, result.readability, index)
    else:  # no text to place the findings in: the list still has them
        draft.unplaced = bool(result.violations)
    draft.readability = readability_view(result.readability, document, index)
    return draft


#: Keys of a finding the page's script needs; the rest (context) is only rendered.
_DATA_KEYS = (
    "id",
    "draft",
    "code",
    "name",
    "family",
    "fclass",
    "severity",
    "message",
    "suggestions",
    "line",
    "column",
    "text",
    "wide",
)


def document_for(result: FileResult) -> Document | None:
    """The result's Document; rebuilt from the file when the run dropped it.

    Results from the cache or from worker processes carry no Document (it is not worth
    pickling), but the page needs the prose.  Parsing again is cheap (no rule runs), and the
    violations' file offsets still apply unless the file changed since; then the findings
    are only listed.
    """
    if result.document is not None or result.error:
        return result.document
    try:
        text = read_source(result.path)
    except InputError:
        return None
    if any(v.span.end > len(text) for v in result.violations):
        return None
    return formats.parse(result.path, text, result.format)


def _finding(
    fid: int, draft: int, v: Violation, span: Span, document: Document | None
) -> dict[str, Any]:
    before = after = flagged = ""
    if document is not None:
        prose = document.prose
        flagged = prose[span.start : span.end]
        before = _context(prose[max(0, span.start - _CONTEXT) : span.start], at_end=True)
        after = _context(prose[span.end : span.end + _CONTEXT], at_end=False)
    if len(flagged) > _EXCERPT:
        flagged = flagged[: _EXCERPT - 1] + "\u2026"
    return {
        "id": fid,
        "draft": draft,
        "code": v.code,
        "name": v.name,
        "family": v.family,
        "fclass": _family_class(v.family),
        "severity": v.severity.label,
        "message": v.message,
        "suggestions": [_suggestion_label(s) for s in v.suggestions],
        "line": v.line,
        "column": v.column,
        "text": _visible(flagged),
        "wide": span.end - span.start > WIDE,
        "shown": _shown(flagged),
        "before": before,
        "after": after,
    }


def _context(text: str, at_end: bool) -> str:
    """A few words of context on one side of a finding, cut at a word and a block boundary."""
    cut = text.split("\n\n")
    text = _visible(cut[-1] if at_end else cut[0]).replace("\n", " ")
    if len(text) >= _CONTEXT - 2:  # cut mid-word: drop the partial word, show an ellipsis
        text = (
            ("\u2026" + text.split(" ", 1)[-1]) if at_end else (text.rsplit(" ", 1)[0] + "\u2026")
        )
    return text


def _shown(flagged: str) -> str:
    """The flagged text as the list shows it: white space alone is drawn, or it is invisible."""
    if flagged and not flagged.strip():
        return "".join(_SPACE_GLYPHS.get(c, "\u2423") for c in flagged)
    return _visible(flagged)


_SPACE_GLYPHS = {" ": "\u00b7", "\u00a0": "\u237d", "\t": "\u2192", "\n": "\u21b5"}


def _suggestion_label(suggestion: str) -> str:
    """What an editor reads for a suggestion; deleting and spaces would otherwise be invisible."""
    if not suggestion:
        return "(delete)"
    if suggestion == " ":
        return "(one space)"
    if suggestion.strip() != suggestion:
        return "\u201c" + _visible(suggestion.replace("\u00a0", "[no-break space]")) + "\u201d"
    return _visible(suggestion)


def _prose_span(document: Document, v: Violation) -> Span:
    start = document.to_prose(v.span.start)
    end = document.to_prose(v.span.end) if v.span.end > v.span.start else start
    return Span(start, max(start, end))


# ---------------------------------------------------------------- blocks and marks
def _block_pieces(
    document: Document, spans: list[Span], findings: list[dict[str, Any]]
) -> list[list[Piece]]:
    """The pieces of every block, each finding clipped to the blocks it covers.

    A finding that covers no block's text (one in the blank line between two blocks, or an
    empty span) becomes a point mark where it starts, so that no finding is lost.
    """
    blocks = document.blocks
    starts = [b.start for b in blocks]
    per_block: list[list[tuple[int, int, int]]] = [[] for _ in blocks]
    for n, (start, end) in enumerate(spans):
        first = max(bisect.bisect_right(starts, start) - 1, 0)
        placed = False
        i = first
        while start < end and i < len(blocks) and blocks[i].start < end:
            s, e = max(start, blocks[i].start), min(end, blocks[i].end)
            if s < e:
                per_block[i].append((s, e, n))
                placed = True
            i += 1
        if not placed:
            at = min(max(start, blocks[first].start), blocks[first].end)
            per_block[first].append((at, at, n))
    marks = [
        (f["id"], f["family"], _family_class(f["family"]), f["severity"], f["wide"])
        for f in findings
    ]
    keep_newlines = document.format == "text"
    headed: set[int] = set()
    return [
        _nest(document, b.start, b.end, items, marks, keep_newlines, headed)
        for b, items in zip(blocks, per_block, strict=True)
    ]


def _nest(
    document: Document,
    start: int,
    end: int,
    items: list[tuple[int, int, int]],
    marks: list[tuple[int, str, str, str, bool]],
    keep_newlines: bool,
    headed: set[int],
) -> list[Piece]:
    """Properly nested markup for ``prose[start:end]`` with a mark per item (s, e, n).

    ``headed`` holds the findings whose first fragment (their head) is already out.
    """
    opens: dict[int, list[tuple[int, int]]] = defaultdict(list)
    closes: dict[int, set[int]] = defaultdict(set)
    points: dict[int, list[int]] = defaultdict(list)
    for s, e, n in items:
        if s == e:
            points[s].append(n)
        else:
            opens[s].append((e, n))
            closes[e].add(n)
    out: list[Piece] = []

    def open_mark(n: int, point: bool = False) -> None:
        fid, family, family_class, severity, wide = marks[n]
        head = fid not in headed
        headed.add(fid)
        out.append(
            Piece("o", mark=Mark(fid, family, family_class, severity, head, point, wide=wide))
        )

    stack: list[int] = []
    pos = start
    for p in sorted({start, end, *opens, *closes, *points}):
        if p > pos:
            out.extend(_text_pieces(document, pos, p, keep_newlines))
            pos = p
        ending = closes.get(p)
        if ending:
            left = sum(1 for n in stack if n in ending)
            reopen: list[int] = []
            while left:
                top = stack.pop()
                out.append(Piece("c"))
                if top in ending:
                    left -= 1
                else:
                    reopen.append(top)
            for n in reversed(reopen):  # crossing spans: continue the outer ones
                open_mark(n)
                stack.append(n)
        for n in points.get(p, ()):
            open_mark(n, point=True)
            out.append(Piece("c"))
        for _e, n in sorted(opens.get(p, ()), key=lambda en: (-en[0], en[1])):  # longest outermost
            open_mark(n)
            stack.append(n)
    return _lift(out)


_MAX_LIFT = 3


def _lift(pieces: list[Piece]) -> list[Piece]:
    """Tell each mark how deep the marks inside it nest, so its underline can sit below theirs.

    Computed here rather than with CSS ``:has()``, which makes the browser re-check every
    ancestor of thousands of marks on each style change.
    """
    opened: list[int] = []
    height: dict[int, int] = {}
    for i, piece in enumerate(pieces):
        if piece.kind == "o":
            opened.append(i)
            height[i] = 0
        elif piece.kind == "c":
            j = opened.pop()
            if opened:
                height[opened[-1]] = max(height[opened[-1]], height[j] + 1)
    for i, h in height.items():
        mark = pieces[i].mark
        if h and mark is not None:
            pieces[i] = Piece("o", mark=mark._replace(lift=min(h, _MAX_LIFT)))
    return pieces


def _text_pieces(document: Document, start: int, end: int, keep_newlines: bool) -> Iterable[Piece]:
    """Prose as the editor sees it: objects and invisible characters made visible."""
    prose = document.prose
    run = start
    for i in range(start, end):
        ch = prose[i]
        if ch == OBJECT:
            if run < i:
                yield Piece("t", _lines(prose[run:i], keep_newlines))
            source = document.to_source(Span(i, i + 1))
            yield Piece("x", _shorten(document.text[source.start : source.end]) or "\u25a1")
            run = i + 1
        elif _invisible(ch):
            if run < i:
                yield Piece("t", _lines(prose[run:i], keep_newlines))
            yield Piece("i", f"U+{ord(ch):04X}")
            run = i + 1
    if run < end:
        yield Piece("t", _lines(prose[run:end], keep_newlines))


def _lines(text: str, keep_newlines: bool) -> str:
    # Markdown and HTML line breaks inside a paragraph are soft: the rendered text flows.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text if keep_newlines else text.replace("\n", " ")


def _invisible(ch: str) -> bool:
    return ch not in "\r\n\t" and unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Co", "Cn")


def _visible(text: str) -> str:
    return "".join(f"[U+{ord(c):04X}]" if _invisible(c) else c for c in text)


def _shorten(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


_CONTAINERS = {"list-item": "ul", "blockquote": "blockquote", "table-cell": "cells"}


def _groups(
    index: int, document: Document, pieces: list[list[Piece]]
) -> list[tuple[str, list[BlockView]]]:
    """Blocks in order, consecutive list items / quotes / cells gathered in one container."""
    groups: list[tuple[str, list[BlockView]]] = []
    for n, (block, items) in enumerate(zip(document.blocks, pieces, strict=True)):
        container = _CONTAINERS.get(block.kind, "")
        view = BlockView(f"d{index}-b{n}", block.kind, items)
        if container and groups and groups[-1][0] == container:
            groups[-1][1].append(view)
        else:
            groups.append((container, [view]))
    return groups


# -------------------------------------------------------------------- readability
#: Scores listed first, in this order; the rest follow under "more scores".
_PREFERRED = (
    "flesch_kincaid_grade",
    "grade",
    "flesch_reading_ease",
    "reading_ease",
    "consensus_grade",
    "avg_sentence_length",
    "words",
    "sentences",
    "reading_minutes",
)
#: Score name -> the target key that bounds it, when the readability data names them apart.
_TARGET_ALIASES = {
    "flesch_kincaid_grade": ("grade",),
    "flesch_reading_ease": ("reading_ease",),
    "avg_sentence_length": ("avg_sentence_words", "max_avg_sentence_words"),
}
_GRADE_KEYS = ("grade", "flesch_kincaid_grade", "grade_level", "fk_grade", "consensus_grade")
_PRIMARY = 6  # scores shown before "more scores"
_LABELS = {
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "flesch_reading_ease": "Flesch reading ease",
    "gunning_fog": "Gunning fog",
    "smog_index": "SMOG index",
    "coleman_liau_index": "Coleman-Liau index",
    "dale_chall": "Dale-Chall score",
    "automated_readability_index": "automated readability index",
    "linsear_write": "Linsear Write",
    "consensus_grade": "consensus grade",
    "avg_sentence_length": "words per sentence",
    "reading_time_s": "reading time (s)",
    "reading_minutes": "reading time (min)",
}

Range = tuple[float | None, float | None]


def readability_view(
    data: dict[str, Any], document: Document | None, index: int
) -> dict[str, Any] | None:
    """Normalise whatever readability data is present; None when there is none.

    Read defensively, since the readability data may grow: document scores are the numbers at
    the top level or under ``document``/``scores`` (a score may be ``{"value", "target"}``);
    targets sit under ``targets``/``target`` as ``[low, high]``, ``{"min", "max"}`` or a bare
    number for a ``max_*`` key; paragraphs under ``paragraphs`` with ``span``, ``grade``, ``words``.
    """
    if not data:
        return None
    scores_src = data.get("document") or data.get("scores") or data
    targets = data.get("targets") or data.get("target") or {}
    targets = targets if isinstance(targets, dict) else {}
    scores: list[dict[str, Any]] = []
    for name, raw in scores_src.items() if isinstance(scores_src, dict) else ():
        value, target = _score(raw)
        if value is None:
            continue
        target = target or _target_for(name, targets)
        scores.append(
            {
                "name": name,
                "label": _LABELS.get(name, name.replace("_", " ")),
                "value": value,
                "shown": _format_number(
                    raw.get("value", raw.get("score")) if isinstance(raw, dict) else raw
                ),
                "target": target,
                "target_text": _range_text(target),
                "status": _status(value, target),
            }
        )
    scores.sort(
        key=lambda s: _PREFERRED.index(s["name"]) if s["name"] in _PREFERRED else len(_PREFERRED)
    )
    grade = next((s for key in _GRADE_KEYS for s in scores if s["name"] == key), None)
    grade_target: Range | None = grade["target"] if grade else _range(targets.get("grade"))
    paragraphs = []
    min_words = _number(targets.get("min_paragraph_words"))
    for n, para in enumerate(data.get("paragraphs") or ()):
        value = _number(para.get("grade")) if isinstance(para, dict) else None
        if value is None:
            continue
        block = _paragraph_block(para, document)
        words = para.get("words", "")
        paragraphs.append(
            {
                "n": n + 1 if block is None else block + 1,  # the number shown in the margin
                "grade": value,
                "words": words,
                "anchor": "" if block is None else f"d{index}-b{block}",
                "short": min_words is not None and isinstance(words, int) and words < min_words,
            }
        )
    # A paragraph is judged against its own ceiling when the data gives one (RD202's).
    limit = _number(targets.get("paragraph_grade_max"))
    profile = data.get("profile")
    return {
        "scores": scores[:_PRIMARY],
        "more_scores": scores[_PRIMARY:],
        "grade": grade,
        "grade_target": grade_target,
        "grade_target_text": _range_text(grade_target),
        "paragraphs": paragraphs,
        "profile": profile if isinstance(profile, str) else "",
        "chart": _chart(paragraphs, grade_target, limit),
        "limit": limit,
    }


def _score(raw: Any) -> tuple[float | None, Range | None]:
    if isinstance(raw, dict):
        return _number(raw.get("value", raw.get("score"))), _range(raw.get("target"))
    return _number(raw), None


def _target_for(name: str, targets: dict[str, Any]) -> Range | None:
    for key in (name, *_TARGET_ALIASES.get(name, ())):
        if key in targets:
            found = _range(targets[key])
            if found is None and key.startswith("max_"):
                high = _number(targets[key])
                found = (None, high) if high is not None else None
            if found is not None:
                return found
    return None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _format_number(value: Any) -> str:
    return str(value) if isinstance(value, int) else f"{value:.1f}"


def _range(value: Any) -> Range | None:
    if isinstance(value, dict):
        value = (value.get("min"), value.get("max"))
    if isinstance(value, (list, tuple)) and len(value) == 2:
        low, high = _number(value[0]), _number(value[1])
        if low is not None or high is not None:
            return low, high
    return None


def _range_text(target: Range | None) -> str:
    if target is None:
        return ""
    low, high = target
    if low is None:
        return f"\u2264 {high:g}"
    if high is None:
        return f"\u2265 {low:g}"
    return f"{low:g}\u2013{high:g}"


def _status(value: float, target: Range | None) -> str:
    if target is None:
        return ""
    low, high = target
    if low is not None and value < low:
        return "below"
    if high is not None and value > high:
        return "above"
    return "within"


def _paragraph_block(para: dict[str, Any], document: Document | None) -> int | None:
    """The index of the block a paragraph entry starts in (``span`` or ``start``: file offsets)."""
    span = para.get("span")
    if isinstance(span, dict):
        span = (span.get("start"), span.get("end"))
    first = span[0] if isinstance(span, (list, tuple)) and span else para.get("start")
    start = _number(first)
    if document is None or not document.blocks or start is None:
        return None
    prose = document.to_prose(int(start))
    return max(bisect.bisect_right([b.start for b in document.blocks], prose) - 1, 0)


def _chart(
    paragraphs: list[dict[str, Any]], target: Range | None, limit: float | None
) -> dict[str, Any] | None:
    """Geometry of the per-paragraph grade chart (an inline SVG drawn by the template).

    The band is the document's grade target; a bar is flagged (``over``) above the
    per-paragraph ceiling when there is one, else above the band.
    """
    if not paragraphs:
        return None
    width, height, top = 640.0, 140.0, 12.0
    low_t, high_t = target or (None, None)
    ceiling = limit if limit is not None else high_t
    marks = [v + 2 for v in (high_t, limit) if v is not None]
    high = max([p["grade"] for p in paragraphs] + (marks or [16.0]) + [1.0])
    scale = (height - top) / high
    step = min(width / len(paragraphs), 48.0)  # a few paragraphs: bars, not slabs
    bars = []
    for i, p in enumerate(paragraphs):
        h = max(p["grade"], 0.0) * scale
        bars.append(
            {
                **p,
                "x": round(i * step + step * 0.15, 2),
                "w": round(step * 0.7, 2),
                "y": round(height - h, 2),
                "h": round(h, 2),
                "over": ceiling is not None and p["grade"] > ceiling and not p.get("short"),
            }
        )
    band = None
    if high_t is not None:
        low = low_t if low_t is not None else 0.0
        band = {"y": round(height - high_t * scale, 2), "h": round((high_t - low) * scale, 2)}
    ticks = [{"v": v, "y": round(height - v * scale, 2)} for v in range(0, int(high) + 1, 4)]
    limit_y = round(height - limit * scale, 2) if limit is not None else None
    return {
        "width": round(step * len(paragraphs), 2),
        "height": height,
        "bars": bars,
        "band": band,
        "ticks": ticks,
        "limit_y": limit_y,
    }


def _long_sentences(document: Document, data: dict[str, Any], index: int) -> list[dict[str, Any]]:
    """The readability data's long sentences, or the draft's sentences over the word limit."""
    analysis = document.analysis
    listed = data.get("long_sentences") if data else None
    found: list[tuple[int, int, Any]] = []
    if isinstance(listed, list):
        for item in listed:
            span = item.get("span") if isinstance(item, dict) else None
            if isinstance(span, dict):
                span = (span.get("start"), span.get("end"))
            if not isinstance(span, (list, tuple)) or len(span) != 2 or None in map(_number, span):
                continue
            found.append(
                (
                    document.to_prose(int(span[0])),
                    document.to_prose(int(span[1])),
                    item.get("words", ""),
                )
            )
    else:
        targets = (data.get("targets") or data.get("target") or {}) if data else {}
        limit = _number(targets.get("max_sentence_words")) if isinstance(targets, dict) else None
        limit = limit or LONG_SENTENCE_WORDS
        for s in analysis.sentences:
            words = sum(1 for t in analysis.sentence_tokens(s) if t.kind in _WORD_KINDS)
            if words > limit:
                found.append((s.start, s.end, words))
    starts = [b.start for b in document.blocks]
    return [
        {
            "words": words,
            "text": _shorten(_visible(document.prose[start:end]), 160),
            "anchor": f"d{index}-b{max(bisect.bisect_right(starts, start) - 1, 0)}",
        }
        for start, end, words in found
    ]


# ------------------------------------------------------------------- page plumbing
def embed_json(data: Any) -> Markup:
    """JSON safe inside a ``<script type="application/json">``: no ``<``, ``>`` or ``&``."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(ch, esc)
    return Markup(text)


def content_security_policy(script: str, style: str) -> str:
    """Nothing may load or run but the page's own script and style, pinned by hash."""

    def digest(text: str) -> str:
        return (
            "'sha256-"
            + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
            + "'"
        )

    return (
        f"default-src 'none'; script-src {digest(script)}; style-src {digest(style)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


@cache
def _asset(name: str) -> str:
    text = (
        resources.files("draftlint.report").joinpath("templates", name).read_text(encoding="utf-8")
    )
    if "</" in text:  # would end the inline <script>/<style> element early
        raise ValueError(f"templates/{name} must not contain '</'")
    return text


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("draftlint.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _family_order(family: str) -> tuple[int, str]:
    order = list(FAMILIES)
    return (order.index(family), family) if family in FAMILIES else (len(order), family)


def _family_class(family: str) -> str:
    # Only known families get a colour class; a pack's own prefix shares the neutral one.
    return family if family in FAMILIES else "other"
