"""How eager the GR1 rules are: ``sensitivity`` (0..1, or low / medium / high).

Light on purpose (no numpy): the config validates the value when it is read, so a bad one is a
``path:line`` config error, not a crash of the rule that reads it.
"""

from __future__ import annotations

Sensitivity = float | str
SENSITIVITY_LEVELS = {"low": 0.25, "medium": 0.5, "high": 0.75}
DEFAULT_SENSITIVITY = 0.5


def sensitivity_level(sensitivity: Sensitivity) -> float:
    """The level (0..1) of a name or a number; raises ValueError naming what is allowed."""
    if isinstance(sensitivity, str):
        try:
            return SENSITIVITY_LEVELS[sensitivity]
        except KeyError:
            raise ValueError(
                f"sensitivity must be 0..1 or one of {sorted(SENSITIVITY_LEVELS)}: {sensitivity!r}"
            ) from None
    if isinstance(sensitivity, bool) or not 0.0 <= sensitivity <= 1.0:
        raise ValueError(f"sensitivity must be between 0 and 1: {sensitivity!r}")
    return float(sensitivity)
