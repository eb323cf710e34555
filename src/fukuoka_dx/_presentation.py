"""The seam between values and their views: notebook HTML and data frames.

Model and progress values offer ``_repr_html_`` and ``to_pandas()``, but they sit below the
presentation package (:mod:`fukuoka_dx.report`) that draws them, and layers import only
downward. So they call the functions here, and the package root (``fukuoka_dx/__init__.py``)
connects these to :mod:`fukuoka_dx.report` when ``fukuoka_dx`` is first imported.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["connect", "frame", "html"]

_html: Callable[[object], str] | None = None
_frame: Callable[[object, str], Any] | None = None


def connect(html: Callable[[object], str], frame: Callable[[object, str], Any]) -> None:
    """Install the functions that draw a value as HTML and as a pandas DataFrame."""
    global _html, _frame
    _html, _frame = html, frame


def html(value: object) -> str:
    """``value`` as an HTML fragment for a notebook."""
    if _html is None:  # pragma: no cover - the package root connects it on import
        raise RuntimeError("no presentation connected")
    return _html(value)


def frame(value: object, table: str) -> Any:
    """A table of ``value`` (by name) as a pandas DataFrame."""
    if _frame is None:  # pragma: no cover - the package root connects it on import
        raise RuntimeError("no presentation connected")
    return _frame(value, table)
