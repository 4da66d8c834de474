"""The HTML report's readability panel: the draft's scores against its targets, a chart of the
paragraphs, and the long sentences, from the ``readability`` data of a :class:`FileResult`."""

from __future__ import annotations

import bisect
from typing import Any

from draftlint.drafts.document import Document
from draftlint.report.html_text import shorten, visible

#: Sentences longer than this are listed when the readability data sets no limit of its own.
LONG_SENTENCE_WORDS = 30
_WORD_KINDS = ("word", "number", "abbrev")

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


def long_sentences(document: Document, data: dict[str, Any], index: int) -> list[dict[str, Any]]:
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
            "text": shorten(visible(document.prose[start:end]), 160),
            "anchor": f"d{index}-b{max(bisect.bisect_right(starts, start) - 1, 0)}",
        }
        for start, end, words in found
    ]
