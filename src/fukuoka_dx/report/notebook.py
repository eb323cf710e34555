"""HTML for Jupyter (``_repr_html_``): the plan, an initiative, an indicator, an assessment."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from fukuoka_dx.model import Indicator, Initiative, Plan
from fukuoka_dx.progress import PROGRESS_COLUMNS, Assessment
from fukuoka_dx.report.overview import PillarCount, pillar_counts, schedule_grid

__all__ = [
    "assessment_html",
    "html_of",
    "html_table",
    "indicator_html",
    "initiative_html",
    "plan_html",
]


def html_table(
    header: Sequence[str], rows: Iterable[Sequence[object]], caption: str | None = None
) -> str:
    """A plain HTML table; every cell is escaped."""

    def cell(v: object) -> str:
        return "" if v is None else html.escape(str(v))

    head = "".join(f"<th>{cell(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{cell(v)}</td>" for v in r) + "</tr>" for r in rows)
    cap = f"<caption>{cell(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _indicator_rows(indicators: Iterable[Indicator]) -> list[tuple[object, ...]]:
    return [
        (
            i.id,
            i.name,
            i.unit or "",
            i.direction.value,
            f"{i.baseline.text} ({i.baseline_fy.label_ja})",
            i.midterm.text or "(missing)",
            i.final.text or "(missing)",
        )
        for i in indicators
    ]


_INDICATOR_HEADER = ("id", "指標", "unit", "direction", "現状値", "中間目標", "最終目標")


def indicator_html(indicator: Indicator) -> str:
    return html_table(_INDICATOR_HEADER, _indicator_rows([indicator]), caption=indicator.id)


def initiative_html(initiative: Initiative) -> str:
    header, rows = schedule_grid(initiative)
    grid = html_table(header, rows, caption="工程")
    indicators = html_table(_INDICATOR_HEADER, _indicator_rows(initiative.indicators), "指標")
    title = html.escape(f"{initiative.id} {initiative.title} ({initiative.bureau.name_ja})")
    return f"<div><strong>{title}</strong>{grid}{indicators}</div>"


def plan_html(plan: Plan) -> str:
    rows = [c.cells() for c in pillar_counts(plan)]
    caption = f"{plan.title} ({plan.edition}), digest {plan.digest[:12]}"
    return html_table(PillarCount.HEADER, rows, caption)


def assessment_html(assessment: Assessment) -> str:
    rows = [[r[c] for c in PROGRESS_COLUMNS] for r in assessment.rows()]
    return html_table(PROGRESS_COLUMNS, rows, caption=repr(assessment))


def html_of(value: object) -> str:
    """The notebook HTML of a plan, initiative, indicator or assessment."""
    if isinstance(value, Plan):
        return plan_html(value)
    if isinstance(value, Initiative):
        return initiative_html(value)
    if isinstance(value, Indicator):
        return indicator_html(value)
    if isinstance(value, Assessment):
        return assessment_html(value)
    raise TypeError(f"no notebook view of {type(value).__name__}")
