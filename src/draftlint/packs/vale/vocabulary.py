"""What a Vale config adds to every rule: accepted terms and the template that makes a word a
word.  Read by the config (``.vale.ini``) and by every rule kind, so it sits below both."""

from __future__ import annotations

from dataclasses import dataclass

WORD_TEMPLATE = r"(?m)\b(?:%s)\b"
NONWORD_TEMPLATE = r"(?m)(?:%s)"


@dataclass(frozen=True)
class Vocabulary:
    """Accepted terms (Vale's accept.txt) and the word template (Vale's WordTemplate)."""

    accepted: tuple[str, ...] = ()
    word_template: str = WORD_TEMPLATE
