"""Field validators shared by the model's attrs classes."""

from __future__ import annotations

import math

import attrs

from fukuoka_dx.errors import InvalidValueError


def non_empty_text(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    """Text with at least one non-space character."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidValueError(f"{attribute.name} must be non-empty text, got {value!r}")


def non_empty_texts(_instance: object, attribute: attrs.Attribute[object], value: object) -> None:
    """A tuple of non-empty texts."""
    if not isinstance(value, tuple) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InvalidValueError(
            f"{attribute.name} must be a tuple of non-empty texts, got {value!r}"
        )


def finite(_instance: object, attribute: attrs.Attribute[float], value: object) -> None:
    """A real number that is neither NaN nor infinite."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{attribute.name} must be a number, got {value!r}")
    if not math.isfinite(value):
        raise InvalidValueError(f"{attribute.name} must be finite, got {value!r}")
