"""The language server (``draftlint server``): diagnostics and quick fixes in writers' editors."""
