"""``python -m draftlint``: the same as the ``draftlint`` command."""

from draftlint.cli import entry_point

if __name__ == "__main__":
    entry_point()
