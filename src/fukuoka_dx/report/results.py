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

import enum
from collections.abc import Iterable
from typing import Any, Final, TypeVar, cast

import attrs

from fukuoka_dx._optional import require_pandas
from fukuoka_dx.errors import InvalidValueError
from fukuoka_dx.fiscal_calendar import FiscalYear
from fukuoka_dx.model import Bureau, Indicator, Initiative, Plan
from fukuoka_dx.observations.marks import FigureMark, figure_marks
from fukuoka_dx.observations.values import Figure, Observation
from fukuoka_dx.progress import PROGRESS_COLUMNS, Assessment, IndicatorProgress, RollUp, Status
from fukuoka_dx.report.export import Row
from fukuoka_dx.report.labels import (
    bureau_label,
    fy_label,
    mark_label,
    name_with_japanese,
    reason_label,
    status_label,
    target_label,
    unit_label,
    value_label,
)
from fukuoka_dx.words import Lang, as_lang, say

__all__ = [
    "PEOPLE_COLUMNS",
    "RESULT_COLUMNS",
    "ROLLUP_COLUMNS",
    "ROUNDED_COLUMNS",
    "Level",
    "ResultRow",
    "people_rows",
    "percent",
    "result_rows",
    "result_table",
    "results_frame",
    "rollup_rows",
    "rollups",
    "rounded",
    "rounded_rows",
]

_T = TypeVar("_T")

#: The columns of ``fukuoka-dx progress --format csv``: the eight fixed ones, then the
#: indicator's name and unit, the reason of its status, its trajectory and its grade, and
#: the source and note of the observation judged.
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
    "source",
    "note",
)


def _flag(value: bool | None) -> str | None:
    return None if value is None else ("true" if value else "false")


@attrs.frozen
class ResultRow:
    """One indicator's result with what every view of it needs: the result, its indicator
    and initiative. Every table, CSV, workbook, notebook and HTML view reads these rows."""

    result: IndicatorProgress
    indicator: Indicator
    initiative: Initiative

    @property
    def id(self) -> str:
        return self.result.indicator_id

    @property
    def observed(self) -> Observation | None:
        return self.result.observation

    @property
    def bureau(self) -> Bureau:
        return self.initiative.bureau

    def figure_of(self, fy: FiscalYear) -> Observation | None:
        """The observation of fiscal year ``fy`` the assessment used (the latest of that
        year), or ``None``."""
        return next((o for o in self.result.history if o.fiscal_year == fy), None)

    def yearly(self, years: Iterable[FiscalYear]) -> tuple[Observation | None, ...]:
        """The observation of each of ``years``, side by side (``None`` where none)."""
        return tuple(self.figure_of(fy) for fy in years)

    @property
    def marks(self) -> tuple[FigureMark, ...]:
        """The marks (provisional, illustrative) of the observation judged."""
        o = self.result.observation
        return figure_marks(o) if o is not None else ()

    def machine(self) -> Row:
        """The row of :data:`RESULT_COLUMNS` (absent values are ``None``)."""
        r, t = self.result, self.result.trajectory
        row: Row = dict(r.row())
        row.update(
            {
                "name": self.indicator.name,
                "unit": self.indicator.unit,
                "reason": str(r.reason) if r.reason else None,
                "pace": t.pace if t else None,
                "projected": t.projected if t else None,
                "required_pace": t.required_pace if t else None,
                "on_course": _flag(t.on_course) if t else None,
                "grade": r.grade,
                "source": r.observation.source if r.observation else None,
                "note": r.observation.note if r.observation else None,
            }
        )
        return row

    def for_people(self, lang: Lang | str) -> dict[str, str]:
        """The row of :data:`PEOPLE_COLUMNS` in words (and the bureau, the observation's
        source, note and marks): names and labels in ``lang``, figures with separators,
        rates as percentages with one decimal."""
        lang = as_lang(lang)
        r, ind, o = self.result, self.indicator, self.result.observation
        return {
            "indicator_id": r.indicator_id,
            "name": name_with_japanese(ind, lang),
            "unit": unit_label(ind, lang),
            "target": f"{target_label(r.target, lang)} {ind.target(r.target).text}".strip(),
            "target_fy": fy_label(r.target_fy, lang),
            "observed_fy": fy_label(o.fiscal_year, lang) if o else "",
            "observed_value": value_label(o.value) if o else "",
            "achievement": percent(r.achievement),
            "expected": percent(r.expected),
            "status": status_label(r.status, lang),
            "reason": reason_label(r.reason, lang),
            "bureau": bureau_label(self.bureau, lang),
            "source": (o.source or "") if o else "",
            "note": (o.note or "") if o else "",
            "marks": say("html.list_separator", lang).join(mark_label(m, lang) for m in self.marks),
        }


def result_table(assessment: Assessment) -> tuple[ResultRow, ...]:
    """The typed rows of an assessment, one per indicator in the plan's order, drawn from
    the plan the assessment was made from."""
    plan = assessment.plan
    initiative_of = {ind.id: ini for ini in plan.initiatives for ind in ini.indicators}
    return tuple(
        ResultRow(r, plan.indicator(r.indicator_id), initiative_of[r.indicator_id])
        for r in assessment.results
    )


def _of_plan(assessment: Assessment, plan: Plan | None) -> None:
    if plan is not None and plan.digest != assessment.digest:
        raise InvalidValueError(
            f"the assessment is of the plan {assessment.edition} with digest "
            f"{assessment.digest[:12]}, not of this plan ({plan.edition}, {plan.digest[:12]})"
        )


def result_rows(assessment: Assessment, plan: Plan | None = None) -> list[Row]:
    """One row per indicator with :data:`RESULT_COLUMNS`; absent values are ``None``.
    ``plan``, where given, must be the assessment's own (it carries it)."""
    _of_plan(assessment, plan)
    return [row.machine() for row in result_table(assessment)]


#: The columns of the progress table for people, in order.
PEOPLE_COLUMNS: Final = ("indicator_id", "name", "unit", *PROGRESS_COLUMNS[1:], "reason")


def rounded(value: _T) -> _T:
    """A computed figure (a rate, a pace, a projection) for people: three decimals, no float
    noise; anything else as it is.

    >>> rounded(4630.500000001), rounded(0.79166), rounded(3), rounded(None)
    (4630.5, 0.792, 3, None)
    """
    return cast(_T, round(value, 3)) if isinstance(value, float) else value


#: The computed columns a CSV file rounds to three decimals (JSON keeps full precision).
ROUNDED_COLUMNS: Final = (
    "achievement",
    "expected",
    "pace",
    "projected",
    "required_pace",
    "mean_achievement",
)


def rounded_rows(rows: Iterable[Row]) -> list[Row]:
    """``rows`` with their :data:`ROUNDED_COLUMNS` :func:`rounded`, as the CLI writes CSV."""
    return [{k: rounded(v) if k in ROUNDED_COLUMNS else v for k, v in r.items()} for r in rows]


def percent(fraction: float | None) -> str:
    """A fraction for people: a percentage with one decimal (``0.792`` is ``79.2%``)."""
    return "-" if fraction is None else f"{fraction * 100:.1f}%"


def people_rows(
    assessment: Assessment,
    plan: Plan | None = None,
    lang: Lang | str = Lang.JA,
    *,
    no_data: bool = True,
) -> list[dict[str, str]]:
    """The progress table for people (:data:`PEOPLE_COLUMNS`): names, labels in ``lang``,
    rates as percentages with one decimal; rows without data only when ``no_data``."""
    _of_plan(assessment, plan)
    return [
        row.for_people(lang)
        for row in result_table(assessment)
        if no_data or row.result.status is not Status.NO_DATA
    ]


class Level(enum.StrEnum):
    """The levels an assessment rolls up to."""

    PILLAR = "pillar"
    PROMOTION_ITEM = "promotion-item"
    BUREAU = "bureau"


def rollups(assessment: Assessment, level: Level | str) -> tuple[RollUp, ...]:
    """The roll-ups of one level, in the plan's order."""
    return {
        Level.PILLAR: assessment.by_pillar,
        Level.PROMOTION_ITEM: assessment.by_promotion_item,
        Level.BUREAU: assessment.by_bureau,
    }[Level(level)]


#: The machine columns of a roll-up table (``--by ... --format csv``).
ROLLUP_COLUMNS: Final = (
    "key",
    "label",
    "total",
    *(s.value for s in Status),
    "assessable",
    "mean_achievement",
    "averaged",
    "note",
)


def rollup_rows(assessment: Assessment, level: Level | str) -> list[Row]:
    """One machine row per group of ``level`` (:data:`ROLLUP_COLUMNS`)."""
    return [dict(r.row()) for r in rollups(assessment, level)]


def results_frame(assessment: Assessment) -> Any:
    """:func:`result_rows` as a pandas DataFrame: years as nullable integers, ``on_course``
    as a nullable boolean, an observed figure as a number (a change, a stage or labelled
    parts as its text) (needs the ``pandas`` extra)."""
    pd = require_pandas()
    table = result_table(assessment)
    rows = [row.machine() for row in table]
    for row, result_row in zip(rows, table, strict=True):
        o = result_row.observed
        if o is not None and isinstance(o.value, Figure):
            row["observed_value"] = o.value.value
    frame = pd.DataFrame(rows, columns=list(RESULT_COLUMNS))
    for column in ("target_fy", "observed_fy"):
        frame[column] = frame[column].astype("Int64")
    frame["on_course"] = frame["on_course"].map({"true": True, "false": False}).astype("boolean")
    return frame
