"""A block's prose added to the ProseBuilder: the last step of the markup formats.

Markdown and HTML both collect a block as pieces, each the source kept verbatim or a
replacement mapped to a source span, and add them here, trimmed of the layout white space at
the block's edges.
"""

from __future__ import annotations

from draftlint.drafts.document import OBJECT, ProseBuilder

_LAYOUT = " \t\r\n\f"
_NOT_WORDS = OBJECT + _LAYOUT


#: A piece of a block's prose: (prose, source start, source end, verbatim?).
Piece = tuple[str, int, int, bool]


def add_block(builder: ProseBuilder, pieces: list[Piece], kind: str) -> None:
    """Add one block, trimmed of white space at its edges.

    A block of nothing but OBJECTs (an image, a code span) has no prose and is left out.
    """
    pieces = _trim(pieces)
    if not any(prose.strip(_NOT_WORDS) for prose, *_ in pieces):
        return
    for prose, start, end, verbatim in pieces:
        if verbatim:
            builder.verbatim(start, end)
        else:
            builder.replace(prose, start, end)
    builder.end_block(kind)


def _trim(pieces: list[Piece]) -> list[Piece]:
    """Drop layout white space at both ends (a replaced piece goes whole or stays whole)."""
    first, last = 0, len(pieces)
    while first < last:
        prose, start, end, verbatim = pieces[first]
        kept = prose.lstrip(_LAYOUT)
        if kept:
            if verbatim:
                pieces[first] = (kept, end - len(kept), end, True)
            break
        first += 1
    while last > first:
        prose, start, end, verbatim = pieces[last - 1]
        kept = prose.rstrip(_LAYOUT)
        if kept:
            if verbatim:
                pieces[last - 1] = (kept, start, start + len(kept), True)
            break
        last -= 1
    return pieces[first:last]
