"""The seam between values and their views: notebook HTML and data frames.

Model and progress values offer ``_repr_html_`` and ``to_pandas()``, but they sit below the
presentation package (:mod:`fukuoka_dx.report`) that draws them, and layers import only
downward. So they call the functions here, and the package root (``fukuoka_dx/__init__.py``)
connects these to :mod:`fukuoka_dx.report` when ``fukuoka_dx`` is first imported.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["connect", "document", "frame", "html"]

_html: Callable[[object], str] | None = None
_frame: Callable[[object, str], Any] | None = None
_document: Callable[[object, str | None], str] | None = None


def connect(
    html: Callable[[object], str],
    frame: Callable[[object, str], Any],
    document: Callable[[object, str | None], str],
) -> None:
    """Install the functions that draw a value as notebook HTML, as a pandas DataFrame and
    as a whole HTML document (the progress report)."""
    global _html, _frame, _document
    _html, _frame, _document = html, frame, document


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


def document(value: object, lang: str | None) -> str:
    """``value`` as a whole HTML document in ``lang`` (``None``: by the locale)."""
    if _document is None:  # pragma: no cover - the package root connects it on import
        raise RuntimeError("no presentation connected")
    return _document(value, lang)
