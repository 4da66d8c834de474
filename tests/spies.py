"""Stand-ins for a function under test that record its calls or fail on one document."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


def record(
    monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, note: Callable[[Any], Any] = len
) -> list[Any]:
    """Replace ``owner.name`` by a wrapper that calls the real function and appends
    ``note(first argument)`` to the list returned, once per call."""
    calls: list[Any] = []
    real = getattr(owner, name)

    def recording(first: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(note(first))
        return real(first, *args, **kwargs)

    monkeypatch.setattr(owner, name, recording)
    return calls


def fail_on(
    monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, suffix: str, error: BaseException
) -> Callable[..., Any]:
    """Make ``owner.name(document)`` raise ``error`` for the document whose path ends with
    ``suffix`` (and work as before for the others); returns the real function."""
    real = getattr(owner, name)

    def failing(document: Any) -> Any:
        if document.path.endswith(suffix):
            raise error
        return real(document)

    monkeypatch.setattr(owner, name, failing)
    return real
