"""Counts that several views show: per pillar and per bureau.

Each is computed here once; the terminal, the notebook, the report and the documentation
draw them.

>>> from fukuoka_dx import load_plan
>>> first, *_ = pillar_counts(load_plan())
>>> first.pillar.title, first.promotion_items, first.initiatives, first.indicators
('暮らしのDX', 18, 50, 55)
"""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

import attrs

from fukuoka_dx.model import Bureau, Pillar, Plan

__all__ = ["BureauCount", "PillarCount", "bureau_counts", "pillar_counts"]


@attrs.frozen
class PillarCount:
    """How much of the plan a pillar holds."""

    pillar: Pillar
    promotion_items: int
    initiatives: int
    indicators: int

    #: The names of :meth:`cells`, for a table header.
    HEADER: ClassVar[tuple[str, ...]] = (
        "pillar",
        "title",
        "title_en",
        "promotion items",
        "initiatives",
        "indicators",
    )

    def cells(self) -> tuple[str, str, str, int, int, int]:
        """A table row: the pillar's id, title and English title, then the three counts."""
        p = self.pillar
        return (p.id, p.title, p.title_en, self.promotion_items, self.initiatives, self.indicators)


@attrs.frozen
class BureauCount:
    """How many initiatives a bureau (所管) is responsible for."""

    bureau: Bureau
    initiatives: int


def pillar_counts(plan: Plan) -> tuple[PillarCount, ...]:
    """Promotion items, initiatives and indicators of each pillar, in pillar order."""
    out = []
    for pillar in plan.pillars:
        initiatives = plan.initiatives_of(pillar=pillar.id)
        out.append(
            PillarCount(
                pillar,
                sum(1 for p in plan.promotion_items if p.pillar_id == pillar.id),
                len(initiatives),
                sum(len(i.indicators) for i in initiatives),
            )
        )
    return tuple(out)


def bureau_counts(plan: Plan) -> tuple[BureauCount, ...]:
    """Every bureau with its number of initiatives, most first (ties by Japanese name)."""
    counts = Counter(i.bureau.name_ja for i in plan.initiatives)
    ranked = sorted(plan.bureaus, key=lambda b: (-counts[b.name_ja], b.name_ja))
    return tuple(BureauCount(b, counts[b.name_ja]) for b in ranked)
