"""A batch of sentences as the n-gram model sees them, and the lookups the context checks share.

Both context checks (real-word slips, dropped words) read the same batch: the sentences' tokens
mapped to model ids end to end, with the positions worth checking. Each check is a generator of
lookup steps; :func:`drive` runs the checks in step and answers each step's requests of one kind
with one lookup, so a document costs a handful of numpy calls.
"""

from __future__ import annotations

import weakref
from collections.abc import Generator, Mapping, Sequence
from typing import Any, NamedTuple, TypeVar

import numpy as np

from draftlint.context.model import OOV, NgramModel
from draftlint.context.words import lm_words

# -- a sentence as the model sees it -------------------------------------------------------------

_CLITICS = {"n't", "'s", "'re", "'ve", "'ll", "'d", "'m"}
_NEGATIVE_STEMS = {"ca": "can", "wo": "will", "sha": "shall"}


class Batch(NamedTuple):
    """Sentences as the model sees them, end to end: ``<s> w1 .. wn </s> <s> ...``."""

    ids: np.ndarray  # model ids (OOV = -1)
    start: np.ndarray  # per position: where its sentence's <s> is
    end: np.ndarray  # per position: where its sentence's </s> is
    slips: list[tuple[int, int, int, str]]  # (position, sentence, token, lowercase word)
    gaps: list[tuple[int, int, int, int]]  # (position after the gap, sentence, token, shape)


class _Token(NamedTuple):
    """What the batch needs to know of one token text (cached: news repeats its words)."""

    ids: tuple[int, ...]  # model ids of its LM words; () for punctuation
    shape: int  # bit 1: capitalised; bit 2: holds digits (and is not a plain word)
    word: str  # its one LM word, if it has exactly one (known to the model or not); else ""
    alpha: bool  # letters only
    clitic: str  # "n't", "'s" ... if the token is such a clitic, else ""
    slip_case: int  # 2: lowercase, 1: Capitalised (a slip only at a sentence's start), 0: other
    compound: bool  # a hyphenated word the model reads as several ("buy-in", "one-of-a-kind")


#: per model, what each token text seen so far is (a cache that starts over when full)
_TOKENS: weakref.WeakKeyDictionary[NgramModel, dict[str, _Token]] = weakref.WeakKeyDictionary()
_TOKEN_CACHE = 1 << 15  # about 380 bytes a token text: a bound on memory, ~12 MB


def _token_cache(model: NgramModel) -> dict[str, _Token]:
    cache = _TOKENS.get(model)
    if cache is None:
        cache = _TOKENS[model] = {}
    return cache


def _token(model: NgramModel, tok: str, cache: dict[str, _Token] | None = None) -> _Token:
    if cache is None:
        cache = _token_cache(model)
    found = cache.get(tok)
    if found is None:
        if len(cache) >= _TOKEN_CACHE:
            cache.clear()
        words = lm_words(tok)
        ids = tuple(model.ids.get(w, OOV) for w in words)
        shape = int(tok[:1].isupper()) | 2 * (not tok.isalpha() and any(c.isdigit() for c in tok))
        word = words[0] if len(words) == 1 else ""  # known to the model or not (see slip_scores)
        clitic = tok.replace("\u2019", "'").lower()
        found = cache[tok] = _Token(
            ids,
            shape,
            word,
            tok.isalpha(),
            clitic if clitic in _CLITICS else "",
            2 if tok.islower() else int(tok[:1].isupper() and tok[1:].islower()),
            "-" in tok and len(ids) > 1,
        )
    return found


def build_batch(
    sentences: Sequence[Sequence[str]], model: NgramModel, confusions: Mapping[str, tuple[str, ...]]
) -> Batch:
    ids: list[int] = []
    start: list[int] = []
    end: list[int] = []
    slips: list[tuple[int, int, int, str]] = []
    gaps: list[tuple[int, int, int, int]] = []
    bos, eos, word_id = model.bos, model.eos, model.ids.get
    cache = _token_cache(model)
    known = cache.get
    for s, tokens in enumerate(sentences):
        first = len(ids)
        ids.append(bos)
        gap_ok = False  # no punctuation since the last word, and that word is known
        prev_shape = 0
        # a token text met before costs one dict look-up (news repeats its words)
        records = [known(t) or _token(model, t, cache) for t in tokens]
        i = 0
        n = len(records)
        while i < n:
            rec = records[i]
            if rec.alpha and i + 1 < n and records[i + 1].clitic:
                # spaCy-style "do" "n't" / "it" "'s" -> don't / it's
                clitic = records[i + 1].clitic
                stem = tokens[i].lower()
                if clitic == "n't":
                    stem = _NEGATIVE_STEMS.get(stem, stem)
                ids.extend(word_id(w, OOV) for w in lm_words(stem + clitic))
                gap_ok = False
                i += 2
                continue
            wid = rec.ids
            if not wid:
                gap_ok = False  # punctuation: transparent to the model (ASR text has none)
                i += 1
                continue
            pos = len(ids)
            # shape bits for this token; <<2 for the one before (a sentence's first word is
            # capitalised anyway)
            shape = rec.shape & ~1 if pos == first + 1 else rec.shape
            # no gap beside a hyphenated compound: the model reads "have buy-in" as the verb
            # "buy" ("have to buy") and "a one-of-a-kind atmosphere" as "kind atmosphere"
            if gap_ok and wid[0] >= 0 and not rec.compound:
                gaps.append((pos, s, i, shape | prev_shape << 2))
            prev_shape = shape
            # a capitalised word mid-sentence is a name or a title, not a slip
            if rec.word in confusions and (
                rec.slip_case == 2 or (rec.slip_case and pos == first + 1)
            ):
                slips.append((pos, s, i, rec.word))
            ids.extend(wid)
            gap_ok = wid[-1] >= 0 and not rec.compound
            i += 1
        ids.append(eos)
        start.extend([first] * (len(ids) - first))
        end.extend([len(ids) - 1] * (len(ids) - first))
    return Batch(np.array(ids, np.int64), np.array(start), np.array(end), slips, gaps)


# -- lookups shared by both checks -------------------------------------------------------------
#
# Each check is written as a generator of steps: it yields the lookups it needs next (bigram
# rows, context rows, scored positions) and is sent their answers. ``drive`` runs both checks in
# step and answers each step's requests of one kind with one lookup, so a document costs a
# handful of numpy calls however its work divides between the checks; that fixed cost, not the
# lookups themselves, is most of the time on documents of a few hundred words.

#: a step's requests: "bi" / "ctx": (w1, w2) arrays; "rows": (h1, w, bigram row, context row)
Request = dict[str, list[tuple[np.ndarray, ...]]]
T = TypeVar("T")
Steps = Generator[Request, dict[str, list[Any]], T]


def drive(model: NgramModel, checks: Sequence[Steps[Any]]) -> list[Any]:
    """Run the checks' steps together; returns what each check returns."""
    results: list[Any] = [None] * len(checks)
    requests: dict[int, Request] = {}
    for i, check in enumerate(checks):
        try:
            requests[i] = next(check)
        except StopIteration as done:
            results[i] = done.value
    while requests:
        answers = _answer(model, list(requests.values()))
        following: dict[int, Request] = {}
        for i, answer in zip(list(requests), answers, strict=True):
            try:
                following[i] = checks[i].send(answer)
            except StopIteration as done:
                results[i] = done.value
        requests = following
    return results


def _answer(model: NgramModel, requests: list[Request]) -> list[dict[str, list[Any]]]:
    """One lookup per kind for all the requests; answers in the requests' shapes."""
    answers: list[dict[str, list[Any]]] = [{} for _ in requests]
    for kind in ("bi", "ctx", "rows"):
        parts = [(i, part) for i, r in enumerate(requests) for part in r.get(kind, ())]
        if not parts:
            continue
        columns = [np.concatenate([part[c] for _, part in parts]) for c in range(len(parts[0][1]))]
        if kind == "bi":
            out: Any = model.find_bigrams(*columns)
        elif kind == "ctx":
            out = model.find_contexts(*columns)
        else:
            out = model.logprob_rows(*columns, orders=True)
        start = 0
        for i, part in parts:
            end = start + len(part[0])
            piece = out[start:end] if kind != "rows" else (out[0][start:end], out[1][start:end])
            answers[i].setdefault(kind, []).append(piece)
            start = end
    return answers
