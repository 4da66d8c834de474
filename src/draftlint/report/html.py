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
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, TextIO

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from draftlint import __version__
from draftlint.drafts import formats
from draftlint.drafts.document import Document, Span
from draftlint.report import ReportOptions
from draftlint.report.html_marks import BlockView, block_pieces, groups
from draftlint.report.html_readability import long_sentences, readability_view
from draftlint.report.html_text import visible
from draftlint.rule import FAMILIES
from draftlint.run.lint import FileResult
from draftlint.violation import Severity, Violation

_EXCERPT = 60  # characters of flagged text shown in the list and the tooltip
_CONTEXT = 28  # characters of context either side of it in the list
#: A finding longer than this (a long sentence, a paragraph, the whole draft) would tint whole
#: paragraphs and bury the word-level findings inside it; it shows its badge until chosen.
WIDE = 80
_SEVERITIES = [s.label for s in sorted(Severity, reverse=True)]  # error, warning, info


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
        draft.groups = groups(index, document, block_pieces(document, spans, draft.findings))
        draft.long_sentences = long_sentences(document, result.readability, index)
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
    """The result's Document; rebuilt from the text the run linted when the run dropped it.

    Results from the cache or from worker processes carry no Document (it is not worth
    pickling), but the page needs the prose.  Parsing again is cheap (no rule runs); the text
    is the run's, never the file re-read, so the offsets always apply.  A result made by hand
    without its text has its findings only listed.
    """
    if result.document is not None or result.error or result.text is None:
        return result.document
    return formats.parse(result.path, result.text, result.format)


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
        "text": visible(flagged),
        "wide": span.end - span.start > WIDE,
        "shown": _shown(flagged),
        "before": before,
        "after": after,
    }


def _context(text: str, at_end: bool) -> str:
    """A few words of context on one side of a finding, cut at a word and a block boundary."""
    cut = text.split("\n\n")
    text = visible(cut[-1] if at_end else cut[0]).replace("\n", " ")
    if len(text) >= _CONTEXT - 2:  # cut mid-word: drop the partial word, show an ellipsis
        text = (
            ("\u2026" + text.split(" ", 1)[-1]) if at_end else (text.rsplit(" ", 1)[0] + "\u2026")
        )
    return text


def _shown(flagged: str) -> str:
    """The flagged text as the list shows it: white space alone is drawn, or it is invisible."""
    if flagged and not flagged.strip():
        return "".join(_SPACE_GLYPHS.get(c, "\u2423") for c in flagged)
    return visible(flagged)


_SPACE_GLYPHS = {" ": "\u00b7", "\u00a0": "\u237d", "\t": "\u2192", "\n": "\u21b5"}


def _suggestion_label(suggestion: str) -> str:
    """What an editor reads for a suggestion; deleting and spaces would otherwise be invisible."""
    if not suggestion:
        return "(delete)"
    if suggestion == " ":
        return "(one space)"
    if suggestion.strip() != suggestion:
        return "\u201c" + visible(suggestion.replace("\u00a0", "[no-break space]")) + "\u201d"
    return visible(suggestion)


def _prose_span(document: Document, v: Violation) -> Span:
    start = document.to_prose(v.span.start)
    end = document.to_prose(v.span.end) if v.span.end > v.span.start else start
    return Span(start, max(start, end))


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
