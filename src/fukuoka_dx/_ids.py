"""The forms of the plan's ids and how they nest: one place for the model and the crosswalk.

``"4"`` is a pillar, ``"4-17"`` a promotion item (and its own block, the initiative with the
same id), ``"4-17-8"`` a circled sub-item, ``"4-17-8.1"`` an indicator. An id's parent is
the id it nests in: ``4-17-8.1`` → ``4-17-8`` → ``4-17`` → ``4``.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "RE_EDITION",
    "RE_INDICATOR",
    "RE_INITIATIVE",
    "RE_PILLAR",
    "RE_PROMOTION_ITEM",
    "ancestors",
    "id_key",
    "parent",
]

RE_EDITION: Final = re.compile(r"^\d{4}-(?:0[1-9]|1[0-2])$")
RE_PILLAR: Final = re.compile(r"^[1-9]$")
RE_PROMOTION_ITEM: Final = re.compile(r"^[1-9]-[1-9]\d*$")
RE_INITIATIVE: Final = re.compile(r"^[1-9]-[1-9]\d*(?:-[1-9]\d*)?$")
RE_INDICATOR: Final = re.compile(r"^(?P<initiative>[1-9]-[1-9]\d*(?:-[1-9]\d*)?)\.(?P<k>[1-9]\d*)$")


def parent(id_: str) -> str | None:
    """The id ``id_`` nests in (``1-1-3.1`` → ``1-1-3`` → ``1-1`` → ``1``), ``None`` for a
    pillar."""
    head, dot, _ = id_.rpartition(".")
    if dot:
        return head
    head, dash, _ = id_.rpartition("-")
    return head if dash else None


def ancestors(id_: str) -> tuple[str, ...]:
    """Every id ``id_`` nests in, nearest first (``1-1-3.1`` → ``1-1-3``, ``1-1``, ``1``)."""
    out = []
    up = parent(id_)
    while up is not None:
        out.append(up)
        up = parent(up)
    return tuple(out)


def id_key(id_: str) -> tuple[int, ...]:
    """An id as numbers, to sort ids in document order (``1-2`` before ``1-10``)."""
    return tuple(int(part) for part in re.split(r"[-.]", id_) if part.isdigit())
