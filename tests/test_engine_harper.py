"""Harper through harper-py, for real: its findings filtered by draftlint's word knowledge."""

from __future__ import annotations

import pytest

from draftlint.config.settings import Config
from draftlint.engines import close_sessions
from draftlint.run.lint import lint_text

pytest.importorskip("harper", reason="harper-py is not installed (pip install 'draftlint[harper]')")

NAMES = (
    "Peskov",
    "Ushakov",
    "McMaster",
    "H.R.",
    "Lavrov",
    "Tillerson",
    "Dmitry",
    "Stent",
    "Hamburg",
)


@pytest.fixture(scope="module")
def seed_result(request):
    from conftest import SEED

    close_sessions()
    text = SEED.read_text(encoding="utf-8")
    result = lint_text(text, str(SEED), "text", Config(engines=("harper",)))
    yield text, result


def test_seed_no_name_flagged(seed_result) -> None:
    text, result = seed_result
    flagged = {text[v.span.start : v.span.end] for v in result.violations}
    assert not flagged & set(NAMES), flagged & set(NAMES)
    assert result.notices == []


def test_seed_typo_reported_by_harper(seed_result) -> None:
    text, result = seed_result
    whaterver = [v for v in result.violations if text[v.span.start : v.span.end] == "Whaterver"]
    assert whaterver and "harper" in whaterver[0].source and "Whatever" in whaterver[0].suggestions


def test_harper_readability_nags_deferred_to_rd_rules(seed_result) -> None:
    _, result = seed_result
    assert not [v for v in result.violations if v.source == "harper" and v.name == "LongSentences"]


def test_dialect_reaches_harper() -> None:
    import harper

    from draftlint.engines.harper import HarperEngine

    expected = {
        "en-GB": harper.Dialect.BRITISH,
        "en-US": harper.Dialect.AMERICAN,
        "auto": harper.Dialect.AMERICAN,
    }
    for dialect, harper_dialect in expected.items():
        assert HarperEngine({}, dialect)._linter().dialect == harper_dialect, dialect
    # British spellings are words to our lexicon, so no dialect makes them typos.
    close_sessions()
    text = "The colour of the theatre was grey.\n"
    gb = lint_text(text, "a.txt", "text", Config(engines=("harper",), dialect="en-GB"))
    us = lint_text(text, "a.txt", "text", Config(engines=("harper",), dialect="en-US"))
    assert not [v for v in us.violations + gb.violations if v.code == "HP101"]
