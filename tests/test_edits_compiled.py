"""The compiled search (lexicon.compiled) answers as the reference code does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from draftlint.lexicon import edits
from draftlint.lexicon.compiled import IndexSearch, osa_distance
from draftlint.lexicon.lexicon import get_lexicon


def reference_osa(a: str, b: str) -> int:
    """Optimal string alignment: insert, delete, substitute, swap two adjacent letters."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(
                d[i - 1][j] + 1,
                d[i][j - 1] + 1,
                d[i - 1][j - 1] + (a[i - 1] != b[j - 1]),
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


WORDS = st.text(alphabet="abcdeh'-", max_size=9)


@settings(max_examples=2000, deadline=None)
@given(WORDS, WORDS, st.integers(min_value=0, max_value=4))
def test_osa_matches_the_reference(a: str, b: str, limit: int) -> None:
    exact = reference_osa(a, b)
    assert osa_distance(a, b) == exact
    bounded = osa_distance(a, b, limit)
    assert bounded == exact if exact <= limit else bounded > limit


def test_osa_examples() -> None:
    assert osa_distance("ca", "ac") == 1  # a swap is one edit
    assert osa_distance("ca", "abc") == 3  # OSA, not unrestricted Damerau (2)
    assert osa_distance("frtrnl", "frtrnl") == 0


@settings(max_examples=500, deadline=None)
@given(WORDS, WORDS, st.integers(min_value=0, max_value=4))
def test_osa_matches_the_pure_python_one(a: str, b: str, limit: int) -> None:
    reference = edits.osa_distance(a, b, limit)
    compiled = osa_distance(a, b, limit)
    assert compiled == reference if reference <= limit else compiled > limit


def test_index_search_finds_what_the_multi_index_finds() -> None:
    index = get_lexicon()._shared.index
    assert isinstance(index, IndexSearch)
    from draftlint.lexicon.store import MultiIndex

    reference = MultiIndex.load(get_lexicon()._shared.data / "deletes.bin")
    found = 0
    for word in ("whaterver", "freternely", "tillersen", "a", "zzzzqx", "recieve"):
        keys = edits.query_keys(word)
        ours: set[int] = set()
        theirs: set[int] = set()
        index.lookup(keys, ours)
        reference.lookup(keys, theirs)
        assert ours == theirs
        found += len(ours)
    assert found > 100  # the words above do meet the index


LETTERS = st.text(alphabet="aeisthrnllc'-", max_size=10)


@settings(max_examples=400, deadline=None)
@given(LETTERS, st.lists(LETTERS, min_size=1, max_size=12), st.sampled_from([0.5, 1.1, 2.2, 99.0]))
def test_weighted_distances_are_the_reference_costs(
    typo: str, words: list[str], limit: float
) -> None:
    from draftlint.lexicon.compiled import weighted_distances

    for word, cost in zip(words, weighted_distances(typo, words, limit), strict=True):
        reference = edits.weighted_distance(typo, word, limit)
        if reference <= limit:
            assert cost == reference  # the same float: ranks and thresholds cannot move
        else:
            assert cost > limit


@settings(max_examples=300, deadline=None)
@given(LETTERS, st.lists(LETTERS, min_size=1, max_size=8), st.sampled_from([0.3, 0.9, 2.2]))
def test_weighted_table_says_what_the_limited_reference_says(
    typo: str, words: list[str], limit: float
) -> None:
    from draftlint.lexicon.compiled import weighted_table

    costs, peaks = weighted_table(typo, words)
    for word, cost, peak in zip(words, costs.tolist(), peaks.tolist(), strict=True):
        assert cost == edits.weighted_distance(typo, word)
        reference = edits.weighted_distance(typo, word, limit)
        assert (reference <= limit) == (peak <= limit and cost <= limit)


def test_index_search_of_any_size_finds_what_the_multi_index_finds() -> None:
    """Indexes whose last block is short (the shipped one has none) or that are all one block:
    that block is searched without a pad, and keys at and beyond both ends find the same."""
    import random
    from array import array
    from zlib import crc32

    import numpy as np

    from draftlint.lexicon.store import MultiIndex

    rng = random.Random(5)
    words = ["".join(rng.choices("abcdef", k=rng.randint(1, 5))) for _ in range(400)]
    for size in (0, 1, 15, 16, 17, 31, 33, 250):
        pairs = sorted({(crc32(w.encode()), rng.randrange(1 << 20)) for w in words[:size]})
        pairs += [pairs[-1][:1] + (7,)] if pairs else []  # one key filed twice
        pairs.sort()
        hashes = array("I", [h for h, _ in pairs])
        offsets = array("I", [o for _, o in pairs])
        ours = IndexSearch(np.array(hashes, np.uint32), np.array(offsets, np.uint32))
        reference = MultiIndex(hashes, offsets)
        for keys in (words[:size], words, words[size:], ["zzzz"], []):
            got: set[int] = set()
            want: set[int] = set()
            ours.lookup(keys, got)
            reference.lookup(keys, want)
            assert got == want, size
