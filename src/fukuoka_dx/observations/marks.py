"""What a figure's own source and note say of it: provisional (速報値) or illustrative (例示).

A report marks such figures beside the value, so that a meeting never reads an illustrative
or provisional figure as a final result. The marks are read from the observation's
``source`` and ``note`` only (compared after NFKC and case folding); the value is never
touched, and the source and note are shown as written as well.

>>> from fukuoka_dx.observations.values import Observation
>>> figure_marks(Observation("1-1-3.1", "R7", 19200, source="ILLUSTRATIVE"))
(<FigureMark.ILLUSTRATIVE: 'illustrative'>,)
>>> figure_marks(Observation("1-1-3.1", "R7", 21000, note="速報値"))
(<FigureMark.PROVISIONAL: 'provisional'>,)
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Mapping
from typing import Final

from fukuoka_dx.observations.values import Observation

__all__ = ["MARK_WORDS", "FigureMark", "figure_marks"]


class FigureMark(enum.StrEnum):
    """What a figure is besides a result: provisional or illustrative."""

    PROVISIONAL = "provisional"
    ILLUSTRATIVE = "illustrative"


#: The words in a source or note that mark a figure (compared after NFKC, case folded).
MARK_WORDS: Final[Mapping[FigureMark, tuple[str, ...]]] = {
    FigureMark.PROVISIONAL: ("速報", "暫定", "provisional", "preliminary"),
    FigureMark.ILLUSTRATIVE: ("例示", "架空", "illustrative", "not a real result"),
}


def _folded(text: str | None) -> str:
    return unicodedata.normalize("NFKC", text or "").casefold()


def figure_marks(observation: Observation) -> tuple[FigureMark, ...]:
    """The marks of an observation, in :class:`FigureMark` order (none for a plain one)."""
    said = _folded(observation.source) + "\n" + _folded(observation.note)
    return tuple(mark for mark in FigureMark if any(word in said for word in MARK_WORDS[mark]))
