"""draftlint: an editorial QA linter for commentary drafts."""

__version__ = "0.1.0"
