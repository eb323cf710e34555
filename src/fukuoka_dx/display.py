"""HTML for Jupyter (``_repr_html_``): the plan, an initiative, an indicator as tables."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fukuoka_dx.model import Indicator, Initiative, Plan

__all__ = ["html_table", "indicator_html", "initiative_html", "plan_html"]


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
    sched = initiative.schedule
    grid = html_table(
        ["row", *(fy.label_ja for fy in sched.years)],
        [(n, *(c.text for c in row.cells)) for n, row in enumerate(sched.rows, 1)],
        caption="工程",
    )
    indicators = html_table(_INDICATOR_HEADER, _indicator_rows(initiative.indicators), "指標")
    title = html.escape(f"{initiative.id} {initiative.title} ({initiative.bureau.name_ja})")
    return f"<div><strong>{title}</strong>{grid}{indicators}</div>"


def plan_html(plan: Plan) -> str:
    rows = []
    for pillar in plan.pillars:
        inits = plan.initiatives_of(pillar=pillar.id)
        rows.append(
            (
                pillar.id,
                pillar.title,
                pillar.title_en,
                len([p for p in plan.promotion_items if p.pillar_id == pillar.id]),
                len(inits),
                sum(len(i.indicators) for i in inits),
            )
        )
    caption = f"{plan.title} ({plan.edition}), digest {plan.digest[:12]}"
    return html_table(
        ["pillar", "title", "title_en", "promotion items", "initiatives", "indicators"],
        rows,
        caption,
    )
