"""An assessment as rows people and programs read: one per indicator, with its name, reason,
trajectory and grade after the eight fixed columns.

>>> from fukuoka_dx import load_plan, assess, Observation
>>> plan = load_plan()
>>> a = assess(plan, [Observation("1-1-3.1", 2023, 10000), Observation("1-1-3.1", 2024, 15000)],
...            as_of="2025-06-30", scheme="abcd")
>>> row = next(r for r in result_rows(a, plan) if r["indicator_id"] == "1-1-3.1")
>>> row["pace"], round(row["projected"], 1), row["required_pace"], row["on_course"], row["grade"]
(4630.5, 24137.8, 5000.0, 'false', 'B')
"""

from __future__ import annotations

from typing import Final

from fukuoka_dx.model import Plan
from fukuoka_dx.progress import PROGRESS_COLUMNS, Assessment
from fukuoka_dx.report.export import Row

__all__ = ["RESULT_COLUMNS", "result_rows"]

#: The columns of ``fukuoka-dx progress --format csv``: the eight fixed ones, then the
#: indicator's name and unit, the reason of its status, its trajectory and its grade.
RESULT_COLUMNS: Final = (
    *PROGRESS_COLUMNS,
    "name",
    "unit",
    "reason",
    "pace",
    "projected",
    "required_pace",
    "on_course",
    "grade",
)


def _flag(value: bool | None) -> str | None:
    return None if value is None else ("true" if value else "false")


def result_rows(assessment: Assessment, plan: Plan) -> list[Row]:
    """One row per indicator with :data:`RESULT_COLUMNS`; absent values are ``None``."""
    rows: list[Row] = []
    for result in assessment.results:
        indicator = plan.indicator(result.indicator_id)
        t = result.trajectory
        row: Row = dict(result.row())
        row.update(
            {
                "name": indicator.name,
                "unit": indicator.unit,
                "reason": result.reason or None,
                "pace": t.pace if t else None,
                "projected": t.projected if t else None,
                "required_pace": t.required_pace if t else None,
                "on_course": _flag(t.on_course) if t else None,
                "grade": result.grade,
            }
        )
        rows.append(row)
    return rows
