"""The counts Vale's ``metric`` formulas read: words, sentences, syllables, headings ...

Vale computes them on its summary (the prose blocks, headings and table cells left out) with
the twine library; here they come from the Document's own analysis and draftlint's syllable
counter-free heuristic (Pyphen's hyphenation points, as textstat counts them), so the figures
may differ from Vale's in the second decimal.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Any

from draftlint.packs.vale.scopes import heading_level

_STRUCTURE = ("pre", "list", "blockquote", *(f"heading_h{n}" for n in range(1, 7)))


def variables(document: Any) -> dict[str, float]:
    count = _syllables()

    analysis = document.analysis
    summary_blocks = {
        i for i, p in enumerate(analysis.paragraphs) if p.kind not in ("heading", "table-cell")
    }
    words = [
        t.text
        for i in sorted(summary_blocks)
        for t in analysis.tokens[
            analysis.paragraphs[i].first_token : analysis.paragraphs[i].last_token
        ]
        if t.kind in ("word", "abbrev", "number")
    ]
    sentences = [s for s in analysis.sentences if s.paragraph in summary_blocks]
    syllables = [max(1, count(w)) if any(c.isalpha() for c in w) else 1 for w in words]
    counts: Counter[str] = Counter()
    for block in document.blocks:
        if block.kind == "heading":
            level = heading_level(document, block.start, block.end)
            if level:
                counts[f"heading_h{level}"] += 1
        elif block.kind == "list-item":
            counts["list"] += 1
        elif block.kind == "blockquote":
            counts["blockquote"] += 1
    result: dict[str, float] = {name: float(counts.get(name, 0)) for name in _STRUCTURE}
    result.update(
        words=float(len(words)),
        sentences=float(len(sentences)),
        characters=float(sum(sum(c.isalnum() for c in w) for w in words)),
        syllables=float(sum(syllables)),
        complex_words=float(
            sum(1 for w, s in zip(words, syllables, strict=False) if s >= 3 and not w[:1].isupper())
        ),
        polysyllabic_words=float(sum(1 for s in syllables if s >= 3)),
        long_words=float(sum(1 for w in words if len(w) > 6)),
        paragraphs=float(len(summary_blocks)),
    )
    return result


@lru_cache(maxsize=1)
def _syllables() -> Any:
    """Syllables of a word: Pyphen's hyphenation points plus one (textstat's method)."""
    import pyphen  # noqa: PLC0415 - a dependency of textstat, itself a dependency

    dictionary = pyphen.Pyphen(lang="en_US")

    @lru_cache(maxsize=65536)
    def count(word: str) -> int:
        return len(dictionary.positions(word.lower())) + 1

    return count
