"""Configuration: pyproject.toml's [tool.draftlint], a .draftlint.toml or a Vale .vale.ini, found
upward from each file, read once and validated into one frozen, typed Config (``settings``)."""
