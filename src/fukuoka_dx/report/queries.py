"""The machine forms (JSON data, CSV rows) of the plan's lookups: one id in full (``show``),
the initiatives a text matches (``search``) and every initiative's activities in a year
(``schedule``). The words for people of the same answers are in
:mod:`~fukuoka_dx.report.screens`.

>>> from fukuoka_dx import load_plan
>>> plan = load_plan()
>>> [r["initiative_id"] for r in search_rows(search(plan, "引越し"))]
['1-1-3']
>>> search_rows(search(plan, "引越し"))[0]["indicator_count"]
1
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Final

from fukuoka_dx.fiscal_calendar import FiscalYear
from fukuoka_dx.model import RE_INDICATOR, RE_PILLAR, RE_PROMOTION_ITEM, Initiative, Plan
from fukuoka_dx.report.export import Row
from fukuoka_dx.serialization import unstructure

__all__ = [
    "SCHEDULE_YEAR_COLUMNS",
    "SEARCH_COLUMNS",
    "schedule_year",
    "schedule_year_rows",
    "search",
    "search_rows",
    "show_data",
]

#: The columns of ``search --format csv``, and the keys of each object in its JSON.
SEARCH_COLUMNS: Final = ("initiative_id", "title", "bureau", "indicator_count")

#: The columns of ``schedule --format csv``.
SCHEDULE_YEAR_COLUMNS: Final = ("initiative_id", "title", "activities")


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _haystack(ini: Initiative) -> str:
    parts = [ini.id, ini.title, ini.title_en or "", *ini.description, *ini.notes]
    parts += [ind.name for ind in ini.indicators] + [ind.name_en or "" for ind in ini.indicators]
    return _norm("\n".join(parts))


def search(
    plan: Plan, text: str = "", *, bureau: str | None = None, pillar: str | None = None
) -> tuple[Initiative, ...]:
    """The initiatives of ``bureau`` and ``pillar`` (where given) whose text holds ``text``
    (compared after NFKC and case folding; an empty text matches every one)."""
    needle = _norm(text.strip())
    found = plan.initiatives_of(bureau=bureau, pillar=pillar)
    return tuple(i for i in found if needle in _haystack(i))


def search_rows(hits: Sequence[Initiative]) -> list[Row]:
    """A machine row (:data:`SEARCH_COLUMNS`) per initiative found."""
    return [
        {
            "initiative_id": i.id,
            "title": i.title,
            "bureau": i.bureau.name_ja,
            "indicator_count": len(i.indicators),
        }
        for i in hits
    ]


def show_data(plan: Plan, key: str) -> object:
    """The JSON data of what ``show`` shows: the model value(s) for the id."""
    if RE_PILLAR.match(key):
        pillar = plan.pillar(key)
        items = [p for p in plan.promotion_items if p.pillar_id == pillar.id]
        return {
            "pillar": unstructure(pillar),
            "promotion_items": unstructure(items),
            "initiatives": unstructure(plan.initiatives_of(pillar=pillar.id)),
        }
    if RE_INDICATOR.match(key):
        return unstructure(plan.indicator(key))
    if RE_PROMOTION_ITEM.match(key):
        return {
            "promotion_item": unstructure(plan.promotion_item(key)),
            "initiatives": unstructure(plan.children(key)),
        }
    return unstructure(plan.initiative(key))


def schedule_year(plan: Plan, fy: FiscalYear) -> dict[str, object]:
    """The JSON data of ``schedule``: each initiative's activities in force in ``fy``, and
    the fiscal year each carried-on activity began in."""
    data = []
    for ini in plan.initiatives:
        entries = ini.schedule.entries(fy)
        data.append(
            {
                "initiative_id": ini.id,
                "title": ini.title,
                "activities": [e.activity for e in entries],
                "continues_from_fy": [
                    e.continues_from.year if e.continues_from else None for e in entries
                ],
            }
        )
    return {"fiscal_year": fy.year, "initiatives": data}


def schedule_year_rows(plan: Plan, fy: FiscalYear) -> list[Row]:
    """A machine row (:data:`SCHEDULE_YEAR_COLUMNS`) per initiative: its activities in ``fy``
    joined by a slash between spaces."""
    return [
        {
            "initiative_id": ini.id,
            "title": ini.title,
            "activities": " / ".join(e.activity for e in ini.schedule.entries(fy)),
        }
        for ini in plan.initiatives
    ]
