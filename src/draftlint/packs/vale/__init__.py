"""The Vale layer of the packs: Vale's regular-expression dialect (``regex``), its scopes
(``scopes``), its text helpers (``text``), filters and readability metrics."""
