"""How much better another word fits a token's place in its sentence: ``fit_gains``.

The spelling rule asks this of its candidates for a word it can only call doubtful ("drak" in
"the drak fairy tale": drake, dark, drank?): the 3-gram model scores the token's window (the
word and the two words after it, which read it as their history) with each candidate in the
token's place, against the window as written. Punctuation is transparent, as everywhere the
model reads a draft (ASR text has none).
"""

from __future__ import annotations

from collections.abc import Sequence

from draftlint.context.model import NgramModel, get_model
from draftlint.context.words import lm_words


def fit_gains(
    tokens: Sequence[str],
    index: int,
    candidates: Sequence[str],
    model: NgramModel | None = None,
) -> list[float]:
    """Per candidate, log10 P(window with it) - log10 P(window as written) for the token
    ``tokens[index]`` of one sentence's tokens (0.0 for a candidate the model cannot spell)."""
    model = model or get_model()
    before = [w for t in tokens[:index] for w in lm_words(t)]
    after = [w for t in tokens[index + 1 :] for w in lm_words(t)]
    at = len(before)

    def window(middle: Sequence[str]) -> float:
        # positions of the middle words and of the two words after them (or </s>)
        return model.window_logprob([*before, *middle, *after], at, at + len(middle) + 2)

    written = lm_words(tokens[index])
    if not written:
        return [0.0 for _ in candidates]
    base = window(written)
    gains = []
    for candidate in candidates:
        words = lm_words(candidate)
        known = words and all(w in model for w in words)
        gains.append(window(words) - base if known else 0.0)
    return gains
