"""HTML for Jupyter (``_repr_html_``): the plan, an initiative, an indicator, an assessment."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from fukuoka_dx.model import Indicator, Initiative, Plan, TargetColumn
from fukuoka_dx.progress import Assessment, Status
from fukuoka_dx.report.labels import (
    column_label,
    name_with_japanese,
    status_label,
    target_label,
)
from fukuoka_dx.report.overview import PillarCount, pillar_counts, schedule_cells
from fukuoka_dx.report.results import PEOPLE_COLUMNS, people_rows, percent
from fukuoka_dx.words import Lang, as_lang, default_lang

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


def _indicator_rows(indicators: Iterable[Indicator], lang: Lang) -> list[tuple[object, ...]]:
    return [
        (
            i.id,
            name_with_japanese(i, lang),
            (i.unit_en if lang is Lang.EN and i.unit_en else i.unit) or "",
            i.direction.value,
            f"{i.baseline.text} ({i.baseline_fy.label_ja})",
            i.midterm.text or "(missing)",
            i.final.text or "(missing)",
        )
        for i in indicators
    ]


def _indicator_header(lang: Lang) -> tuple[str, ...]:
    cells = tuple(target_label(c, lang) for c in TargetColumn)
    if lang is Lang.JA:
        return ("指標", "指標名", "単位", "方向", *cells)
    return ("id", "name", "unit", "direction", *cells)


def indicator_html(indicator: Indicator, lang: Lang | str | None = None) -> str:
    """An indicator for a notebook, in ``lang`` (default: by the locale)."""
    shown = as_lang(lang) if lang is not None else default_lang()
    rows = _indicator_rows([indicator], shown)
    return html_table(_indicator_header(shown), rows, caption=indicator.id)


def initiative_html(initiative: Initiative, lang: Lang | str | None = None) -> str:
    """An initiative for a notebook: its schedule with continuations and its indicators."""
    shown = as_lang(lang) if lang is not None else default_lang()
    header = ["row", *(fy.label_ja for fy in initiative.schedule.years)]
    rows = schedule_cells(initiative.schedule, shown)
    grid = html_table(header, rows, caption="工程")
    indicators = html_table(
        _indicator_header(shown), _indicator_rows(initiative.indicators, shown), "指標"
    )
    bureau = initiative.bureau.name_ja if shown is Lang.JA else initiative.bureau.name_en
    title = html.escape(f"{initiative.id} {name_with_japanese(initiative, shown)} ({bureau})")
    return f"<div><strong>{title}</strong>{grid}{indicators}</div>"


def plan_html(plan: Plan) -> str:
    rows = [c.cells() for c in pillar_counts(plan)]
    caption = f"{plan.title} ({plan.edition}), digest {plan.digest[:12]}"
    return html_table(PillarCount.HEADER, rows, caption)


def assessment_html(
    assessment: Assessment, plan: Plan | None = None, lang: Lang | str | None = None
) -> str:
    """An assessment for a notebook: the roll-up by pillar, then the assessed indicators, and
    the indicators with no data folded away (``<details>``), in ``lang`` (default: by the
    locale). Drawn from the plan the assessment was made from (``plan``, where given, must
    be that plan)."""
    lang = as_lang(lang) if lang is not None else default_lang()
    status_header = [status_label(s, lang) for s in Status]
    pillars = html_table(
        [
            column_label("pillar_id", lang),
            column_label("label", lang),
            *status_header,
            column_label("mean_achievement", lang),
        ],
        [
            (r.key, r.label, *(r.count(s) for s in Status), percent(r.mean_achievement))
            for r in assessment.by_pillar
        ],
        caption=repr(assessment),
    )
    rows = people_rows(assessment, plan, lang)  # checks that plan, if given, is its own
    header = [column_label(c, lang) for c in PEOPLE_COLUMNS]
    no_data = status_label(Status.NO_DATA, lang)
    assessed = [[r[c] for c in PEOPLE_COLUMNS] for r in rows if r["status"] != no_data]
    missing = [[r[c] for c in PEOPLE_COLUMNS] for r in rows if r["status"] == no_data]
    folded = (
        f"<details><summary>{html.escape(no_data)}: {len(missing)}</summary>"
        f"{html_table(header, missing)}</details>"
        if missing
        else ""
    )
    return f"<div>{pillars}{html_table(header, assessed)}{folded}</div>"


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
