"""The tokenizer's handling of addresses: URLs and bare domains are single tokens, not words."""

from __future__ import annotations

import pytest

from draftlint.config.settings import Config
from draftlint.drafts.analysis import tokenize
from draftlint.run.lint import lint_text


@pytest.mark.parametrize(
    "address",
    ["suprnova.org", "decuk.org", "Amazon.com", "eBay.co.uk", "gov.uk/guidance", "bbc.co.uk/news"],
)
def test_bare_domain_is_one_url_token(address: str) -> None:
    prose = f"The site {address} was shut."
    tokens = tokenize(prose)
    url = [t for t in tokens if t.kind == "url"]
    assert [(t.text, prose[t.start : t.end]) for t in url] == [(address, address)]


@pytest.mark.parametrize(
    "prose",
    [
        "It rose last month.The figures showed it.",  # a missing space, not a domain
        "He left for the U.S.Congress sat late.",
        "Trade fell in the com.The end.",
    ],
)
def test_joined_sentences_are_not_domains(prose: str) -> None:
    assert not [t for t in tokenize(prose) if t.kind == "url"]


def test_domain_labels_are_not_spell_checked() -> None:
    text = "One of the sites shut down was suprnova.org, which the firm ran.\n"
    assert [v.code for v in lint_text(text, "draft.txt", Config(select=("SP",))).violations] == []
    typo = "One of the sites shut down was suprnova, which the firm ran.\n"
    assert [v.code for v in lint_text(typo, "draft.txt", Config(select=("SP",))).violations] == [
        "SP101"
    ]
