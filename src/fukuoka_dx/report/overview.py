"""Counts and grids that several views show: per pillar and per bureau, and an initiative's
schedule grid with its continuations.

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
from fukuoka_dx.schedule import CarryCell, Schedule, ScheduleEntry
from fukuoka_dx.words import Lang, as_lang, say

__all__ = [
    "BureauCount",
    "PillarCount",
    "bureau_counts",
    "entry_text",
    "pillar_counts",
    "schedule_cells",
]


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


def entry_text(entry: ScheduleEntry, lang: Lang | str) -> str:
    """An activity in force, marked when an arrow carries it on from an earlier year and when
    it completes: ``→ 7月導入予定 (令和5年度から)``."""
    lang = as_lang(lang)
    text = entry.activity
    if entry.continues_from is not None:
        text = f"→ {text} ({say('screen.from_year', lang, fy=entry.continues_from)})"
    if entry.remark:
        text += f" {entry.remark}"
    if entry.completes:
        text += say("screen.completes", lang)
    return text


def schedule_cells(schedule: Schedule, lang: Lang | str) -> list[tuple[object, ...]]:
    """A schedule as rows of cells for people: arrows and ``(完了)`` as continuations."""
    lang = as_lang(lang)
    rows: list[tuple[object, ...]] = []
    for n, row in enumerate(schedule.rows, 1):
        cells: list[object] = [n]
        for i, cell in enumerate(row.cells):
            began = row.continues_from(i)
            if began is None:
                cells.append(cell.text)
                continue
            remark = cell.remark if isinstance(cell, CarryCell) else None
            entry = ScheduleEntry(
                row.cells[began].text, schedule.years[began], row.completes_at(i), remark
            )
            cells.append(entry_text(entry, lang))
        rows.append(tuple(cells))
    return rows
