"""A one-file HTML report of an assessment, as material a meeting reads, filters and prints.

:func:`report_html` gives the whole document: a cover (the title, the plan's edition and
digest, the as-of date, the day it was made, where the figures come from, and a warning
where figures are illustrative); the contents; a summary (counts and shares by status per
pillar and per bureau, the scheme's grades with their definitions, what the mean counts);
the indicators behind schedule; then each pillar, promotion item and initiative with, per
indicator, its baseline, mid-term and final targets and each year's figure side by side,
the achievement, expected share, status, grade and reason, the pace and projection, each
figure's source and note (provisional and illustrative figures marked), and a small chart
on an axis of fiscal years with the target line and the projection; and the observations
left out, with why. With ``per_initiative`` the same is one printable page per initiative
(個票), with its schedule.

The page is self-contained (inline styles, SVG and one small script, nothing fetched). The
script only filters by pillar, bureau and status; without it the whole page is shown. It
fits a phone's width, prints on A4 with page numbers (each pillar, or each initiative, on a
new page; table headers repeated; an indicator never split), and says every status in
words and a symbol as well as a colour.

It is drawn by Jinja2 templates (``fukuoka_dx/report/templates``) with autoescaping, so no
text of the plan or of the observations ever becomes markup; the SVG is made from numbers.
Needs the ``report`` extra (Jinja2).

>>> from fukuoka_dx import load_plan, assess, Observation
>>> plan = load_plan()
>>> a = assess(plan, [Observation("1-1-3.1", 2024, 15000)], as_of="2025-06-30")
>>> page = report_html(a, plan, lang="en", created="2025-07-01")
>>> page.startswith("<!doctype html>"), '<section id="pillar-5"' in page
(True, True)
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Final

import attrs

from fukuoka_dx._optional import require_jinja2
from fukuoka_dx._version import __version__
from fukuoka_dx.errors import InputProblem, InvalidValueError
from fukuoka_dx.fiscal_calendar import FiscalYear, as_date, today
from fukuoka_dx.model import (
    Indicator,
    IndicatorStatus,
    Initiative,
    Plan,
    PromotionItem,
    TargetColumn,
)
from fukuoka_dx.observations.marks import FigureMark, figure_marks
from fukuoka_dx.observations.reports import ActivityStatus
from fukuoka_dx.observations.tracker import ReturnStatus
from fukuoka_dx.observations.values import CompositeValue, Figure, Observation
from fukuoka_dx.progress import (
    Assessment,
    RollUp,
    RoundProgress,
    ScheduleRollUp,
    Status,
    Trajectory,
)
from fukuoka_dx.progress.assessment import JUDGED
from fukuoka_dx.progress.schemes import Scheme, SchemeKind
from fukuoka_dx.report import _svg
from fukuoka_dx.report._svg import Bar, BarChart, MiniChart
from fukuoka_dx.report.labels import (
    STATUS_COLOURS,
    STATUS_SYMBOLS,
    bureau_label,
    change_unit_label,
    column_label,
    english_name,
    figure_label,
    fy_label,
    mark_label,
    name_of,
    reason_label,
    status_label,
    target_label,
    unit_label,
    value_label,
)
from fukuoka_dx.report.overview import schedule_cells
from fukuoka_dx.report.results import ResultRow, percent, result_table
from fukuoka_dx.report.rounds import (
    ACTIVITY_SYMBOLS,
    RETURN_SYMBOLS,
    FigureWords,
    activity_label,
    figure_words,
    return_label,
    schedule_table,
)
from fukuoka_dx.targets import NumberTarget, Target, TargetKind
from fukuoka_dx.words import CATALOGUE, Lang, as_lang, say

if TYPE_CHECKING:
    import jinja2

__all__ = [
    "BEHIND",
    "STATUS_COLOURS",
    "STATUS_SYMBOLS",
    "Bar",
    "BarChart",
    "MiniChart",
    "indicator_chart",
    "report_html",
    "status_chart",
]

#: The statuses of an indicator behind schedule: judged, and short of the expected share.
BEHIND: Final = (Status.NEEDS_ACCELERATION, Status.LIMITED_PROGRESS, Status.DETERIORATION)


def _words(lang: Lang) -> dict[str, str]:
    """The report's own words from the catalogue (``html.*`` keys, without the prefix)."""
    return {
        key.removeprefix("html."): pair[0 if lang is Lang.JA else 1]
        for key, pair in CATALOGUE.items()
        if key.startswith("html.")
    }


def _fy(fy: FiscalYear, lang: Lang) -> str:
    return fy_label(fy, lang, both=lang is Lang.EN)


# -- the small charts -----------------------------------------------------------------------


def indicator_chart(
    trajectory: Trajectory,
    plan: Plan,
    lang: Lang | str = Lang.JA,
    indicator: Indicator | None = None,
) -> MiniChart | None:
    """The small chart of an indicator's trajectory, on the plan's fiscal years (from its
    baseline year): points (the baseline hollow), the target's level and year, and the
    projection; ``None`` when there is no point to draw. Its label says it in words."""
    lang = as_lang(lang)
    ind = indicator or plan.indicator(trajectory.indicator_id)
    unit = unit_label(ind, lang)
    said = []
    for p in trajectory.points:
        text = f"{_with_unit(figure_label(p.value), unit)} ({fy_label(p.fiscal_year, lang)})"
        said.append(say("html.chart_baseline", lang, figure=text) if p.baseline else text)
    if trajectory.target is not None:
        said.append(
            say(
                "html.chart_target",
                lang,
                figure=_with_unit(figure_label(trajectory.target), unit),
                fy=trajectory.target_fy,
            )
        )
    if trajectory.projected is not None:
        said.append(
            say(
                "html.chart_projection",
                lang,
                figure=_with_unit(figure_label(trajectory.projected), unit),
                fy=trajectory.target_fy,
            )
        )
    sep = say("html.list_separator", lang)
    label = f"{say('html.chart_of', lang, id=trajectory.indicator_id)}: {sep.join(said)}"
    first = min(ind.baseline_fy, plan.first_year)
    return _svg.mini_chart(
        trajectory,
        first,
        plan.last_year,
        year_label=(lambda fy: fy.short)
        if lang is Lang.JA
        else (lambda fy: f"FY{fy.year % 100:02d}"),
        value_label=_compact,
        label=label,
    )


def _compact(value: float) -> str:
    """A figure on a small axis: at most two decimals."""
    return figure_label(value, 2)


def status_chart(
    rollup: RollUp, lang: Lang | str = Lang.JA, *, chart_id: str = "chart", title: str = ""
) -> BarChart:
    """A bar per status of ``rollup`` (longest: the largest count), each with its symbol,
    label and count; ``title`` begins the chart's label."""
    lang = as_lang(lang)
    rows = [
        (s.value, status_label(s, lang), STATUS_SYMBOLS[s], n, STATUS_COLOURS[s][0])
        for s, n in rollup.counts
    ]
    sep = say("html.count_separator", lang)
    counts = sep.join(f"{status_label(s, lang)} {n}" for s, n in rollup.counts)
    label = f"{title}: {counts}" if title else counts
    return _svg.bar_chart(chart_id, rows, label, label_width=84 if lang is Lang.JA else 150)


# -- the views the template draws -----------------------------------------------------------


@attrs.frozen
class StatusView:
    code: str
    label: str
    symbol: str
    fill: str
    ink: str


@attrs.frozen
class Share:
    """A count and its share of the group's indicators."""

    n: int
    share: str


@attrs.frozen
class CountsView:
    """A row of a summary table: counts and shares per status (in :class:`Status` order),
    the total, how many were judged, the mean and what it is over, the grades' counts, and
    why there is no mean."""

    key: str
    title: str
    title_en: str
    cells: tuple[Share, ...]
    breakdown: str
    total: int
    assessable: int
    mean: str
    averaged: int
    grades: tuple[int, ...]
    note: str


@attrs.frozen
class CellView:
    """A figure of a table of figures: its text, the marks it carries, where it stands."""

    value: str
    marks: tuple[str, ...] = ()
    note: str = ""
    strong: bool = False


@attrs.frozen
class ColumnView:
    """A column of a table of figures: its header (and the fiscal year under it)."""

    key: str
    label: str
    fy: str


@attrs.frozen
class SourceView:
    """Where one year's figure comes from: its source and note as written, its marks."""

    fy: str
    value: str
    source: str
    note: str
    marks: tuple[str, ...]


@attrs.frozen
class FactView:
    """One fact of an indicator's result: a label and its text."""

    key: str
    label: str
    text: str


@attrs.frozen
class IndicatorView:
    """One indicator: its figures side by side, its result and where its figures come from."""

    id: str
    name: str
    name_en: str
    pillar: str
    bureau_key: str
    status: StatusView
    columns: tuple[ColumnView, ...]
    cells: tuple[CellView, ...]
    facts: tuple[FactView, ...]
    sources: tuple[SourceView, ...]
    marks: tuple[str, ...]
    chart: MiniChart | None
    no_chart: str
    has_data: bool
    words: FigureWords | None = None
    """The bureau's account of the figure, in a round."""


@attrs.frozen
class InitiativeView:
    id: str
    title: str
    title_en: str
    pillar: str
    item: str
    item_title: str
    pillar_title: str
    bureau: str
    bureau_key: str
    reposts: str
    indicators: tuple[IndicatorView, ...]
    no_data: tuple[IndicatorView, ...]
    empty: str
    """Said when the initiative has no indicators (with the plan's note, if any)."""
    schedule_header: tuple[str, ...] = ()
    schedule: tuple[tuple[str, ...], ...] = ()
    round: ScheduleView | None = None
    """The initiative's schedule in a round's year, its status and the bureau's words."""


@attrs.frozen
class ItemView:
    id: str
    title: str
    title_en: str
    initiatives: tuple[InitiativeView, ...]


@attrs.frozen
class PillarView:
    id: str
    title: str
    title_en: str
    counts: CountsView
    chart: BarChart
    items: tuple[ItemView, ...]


@attrs.frozen
class BehindView:
    """An indicator behind schedule, for the list a meeting reads first."""

    id: str
    name: str
    bureau: str
    bureau_key: str
    pillar: str
    status: StatusView
    achievement: str
    expected: str
    reason: str


@attrs.frozen
class ExcludedView:
    indicator_id: str
    fiscal_year: str
    value: str
    as_of: str
    reason: str


@attrs.frozen
class LegendView:
    """A status or a grade, and what it means."""

    label: str
    symbol: str
    code: str
    meaning: str


@attrs.frozen
class SourceCount:
    """A source written on the figures, and how many figures give it."""

    source: str
    n: int


def _status_view(status: Status, lang: Lang) -> StatusView:
    fill, ink = STATUS_COLOURS[status]
    return StatusView(status.value, status_label(status, lang), STATUS_SYMBOLS[status], fill, ink)


def _counts_view(
    rollup: RollUp, title: str, title_en: str, grades: Sequence[str], lang: Lang
) -> CountsView:
    total = rollup.total
    cells = tuple(
        Share(rollup.count(s), percent(rollup.count(s) / total) if total else "-") for s in Status
    )
    sep = say("html.count_separator", lang)
    breakdown = sep.join(f"{status_label(s, lang)} {n}" for s, n in rollup.counts if n)
    note = reason_label(rollup.note, lang) if rollup.mean_achievement is None else ""
    return CountsView(
        rollup.key,
        title,
        title_en,
        cells,
        breakdown or "-",
        total,
        rollup.assessable,
        percent(rollup.mean_achievement),
        rollup.averaged,
        tuple(rollup.grade_count(g) for g in grades),
        note,
    )


#: The target cells whose text takes the indicator's unit (``25,000 件``; not ``調査後設定``).
_UNIT_KINDS: Final = frozenset({TargetKind.NUMBER, TargetKind.RANGE, TargetKind.COMPOSITE})


def _with_unit(text: str, unit: str | None) -> str:
    return f"{text} {unit}" if unit and text and text != "-" else text


def _observed(o: Observation, unit: str | None = None) -> str:
    """An observed value for people, with the unit when it is a figure or figures."""
    text = value_label(o.value)
    return _with_unit(text, unit) if isinstance(o.value, Figure | CompositeValue) else text


def _target_text(target: Target, unit: str | None, lang: Lang) -> str:
    """A target as the plan publishes it, with the unit after its figure (a remark such as
    ``(R4.12月末時点)`` after the unit)."""
    if not target.text:
        return say("html.missing_cell", lang)
    if target.kind not in _UNIT_KINDS:
        return target.text
    main, remark = _split_note(target)
    return f"{_with_unit(main, unit)} {remark}".strip()


def _split_note(target: Target) -> tuple[str, str]:
    """A figure's text and its parenthesised remark, apart."""
    note = target.note if isinstance(target, NumberTarget) else None
    text = target.text.strip()
    if note and text.endswith(")") and note in text:
        at = text.rfind("(" if "(" in text else "（")
        if at > 0:
            return text[:at].strip(), text[at:].strip()
    return text, ""


def _target_cell(target: Target, unit: str | None, lang: Lang, strong: bool = False) -> CellView:
    """A target in a table of figures: the figure with its unit, the remark below it."""
    if not target.text or target.kind not in _UNIT_KINDS:
        return CellView(_target_text(target, unit, lang), strong=strong)
    main, remark = _split_note(target)
    return CellView(_with_unit(main, unit), note=remark, strong=strong)


def _marks(observation: Observation, lang: Lang) -> tuple[str, ...]:
    return tuple(mark_label(m, lang) for m in figure_marks(observation))


def _english(value: Indicator | Initiative | PromotionItem, lang: Lang) -> str:
    """The unofficial English name shown beside the Japanese in an English report."""
    return (english_name(value) or "") if lang is Lang.EN else ""


def _figures(
    row: ResultRow, plan: Plan, lang: Lang, w: Mapping[str, str]
) -> tuple[tuple[ColumnView, ...], tuple[CellView, ...]]:
    """The baseline, each year's figure and the two targets, side by side."""
    ind, r = row.indicator, row.result
    unit = unit_label(ind, lang) or ind.unit
    years = sorted({*plan.years, *(o.fiscal_year for o in r.history)})
    columns = [
        ColumnView(
            "baseline", target_label(TargetColumn.BASELINE, lang), _fy(ind.baseline_fy, lang)
        )
    ]
    cells = [_target_cell(ind.baseline, unit, lang)]
    for fy in years:
        o = row.figure_of(fy)
        columns.append(ColumnView(f"fy{fy.year}", w["figure_of_year"], _fy(fy, lang)))
        if o is None:
            cells.append(CellView("-"))
            continue
        as_of = say("html.as_of_date", lang, date=o.as_of) if o.as_of is not None else ""
        short = tuple(say(f"mark.short.{m.value}", lang) for m in figure_marks(o))
        cells.append(CellView(_observed(o, unit), short, as_of))
    for column in (TargetColumn.MIDTERM, TargetColumn.FINAL):
        columns.append(
            ColumnView(column.value, target_label(column, lang), _fy(ind.fiscal_year(column), lang))
        )
        judged = r.status is not Status.NO_DATA and r.target is column
        cells.append(_target_cell(ind.target(column), unit, lang, judged))
    return tuple(columns), tuple(cells)


def _facts(
    row: ResultRow, lang: Lang, w: Mapping[str, str], show_grade: bool
) -> tuple[FactView, ...]:
    """The result of an indicator: the target judged against, the rates, the status and
    why, the grade, and the trajectory's pace and projection."""
    r, ind, t = row.result, row.indicator, row.result.trajectory
    p = row.for_people(lang)
    unit = unit_label(ind, lang) or ind.unit
    per_year = change_unit_label(ind, lang) or ind.unit
    facts = [
        FactView(
            "target", w["judged_against"], f"{target_label(r.target, lang)} ({p['target_fy']})"
        ),
        FactView("achievement", column_label("achievement", lang), p["achievement"]),
        FactView("expected", column_label("expected", lang), p["expected"]),
    ]
    if show_grade:
        facts.append(FactView("grade", column_label("grade", lang), r.grade or "-"))
    if r.reason is not None:
        facts.append(FactView("reason", column_label("reason", lang), p["reason"]))
    if r.borrowed_from:
        facts.append(
            FactView(
                "borrowed", w["borrowed_label"], say("html.borrowed", lang, id=r.borrowed_from)
            )
        )
    if t is not None and r.status is not Status.NO_DATA:
        if t.pace is not None:
            facts.append(
                FactView(
                    "pace", column_label("pace", lang), _with_unit(figure_label(t.pace), per_year)
                )
            )
        if t.projected is not None:
            said = say(
                "html.projected_in",
                lang,
                figure=_with_unit(figure_label(t.projected), unit),
                fy=t.target_fy,
            )
            facts.append(FactView("projected", column_label("projected", lang), said))
        if t.required_pace is not None:
            facts.append(
                FactView(
                    "required_pace",
                    column_label("required_pace", lang),
                    _with_unit(figure_label(t.required_pace), per_year),
                )
            )
        if t.on_course is not None:
            course = say("word.yes_course" if t.on_course else "word.no_course", lang)
            facts.append(FactView("on_course", column_label("on_course", lang), course))
    return tuple(facts)


def _no_chart(row: ResultRow, lang: Lang) -> str:
    """Why an indicator with data has no chart."""
    t = row.result.trajectory
    if t is not None and t.reasons:
        return reason_label(t.reasons[0], lang)
    return say("html.no_chart", lang)


def _indicator_view(
    row: ResultRow, plan: Plan, lang: Lang, w: Mapping[str, str], show_grade: bool
) -> IndicatorView:
    r, ind = row.result, row.indicator
    columns, cells = _figures(row, plan, lang, w)
    sources = tuple(
        SourceView(
            _fy(o.fiscal_year, lang),
            _observed(o, unit_label(ind, lang) or ind.unit),
            o.source or "",
            o.note or "",
            _marks(o, lang),
        )
        for o in r.history
    )
    marks = tuple(dict.fromkeys(mark_label(m, lang) for o in r.history for m in figure_marks(o)))
    chart = indicator_chart(r.trajectory, plan, lang, ind) if r.trajectory else None
    has_data = r.status is not Status.NO_DATA
    return IndicatorView(
        id=ind.id,
        name=ind.name,
        name_en=_english(ind, lang),
        pillar=row.initiative.pillar_id,
        bureau_key=row.bureau.name_ja,
        status=_status_view(r.status, lang),
        columns=columns,
        cells=cells,
        facts=_facts(row, lang, w, show_grade) if has_data else (),
        sources=sources,
        marks=marks,
        chart=chart if has_data and chart is not None and len(chart.marks) > 0 else None,
        no_chart=_no_chart(row, lang) if has_data else "",
        has_data=has_data,
    )


def _initiative_view(
    ini: Initiative,
    plan: Plan,
    rows_of: Mapping[str, ResultRow],
    lang: Lang,
    w: Mapping[str, str],
    show_grade: bool,
    with_schedule: bool,
) -> InitiativeView:
    views = [_indicator_view(rows_of[ind.id], plan, lang, w, show_grade) for ind in ini.indicators]
    empty = ""
    if not ini.indicators:
        said = w["pending"] if ini.indicator_status is IndicatorStatus.PENDING else w["absent"]
        empty = f"{said} {ini.indicator_note}" if ini.indicator_note else said
    item = plan.promotion_item(ini.promotion_item_id)
    pillar = plan.pillar(ini.pillar_id)
    header: tuple[str, ...] = ()
    grid: tuple[tuple[str, ...], ...] = ()
    if with_schedule:
        header = (column_label("row", lang), *(_fy(fy, lang) for fy in ini.schedule.years))
        grid = tuple(
            tuple("" if c is None else str(c) for c in r)
            for r in schedule_cells(ini.schedule, lang)
        )
    return InitiativeView(
        id=ini.id,
        title=ini.title,
        title_en=_english(ini, lang),
        pillar=ini.pillar_id,
        item=item.id,
        item_title=name_of(item, lang),
        pillar_title=name_of(pillar, lang),
        bureau=bureau_label(ini.bureau, lang),
        bureau_key=ini.bureau.name_ja,
        reposts=ini.reposts or "",
        indicators=tuple(v for v in views if v.has_data or with_schedule),
        no_data=tuple(v for v in views if not v.has_data and not with_schedule),
        empty=empty,
        schedule_header=header,
        schedule=grid,
    )


def _pillar_views(
    assessment: Assessment,
    plan: Plan,
    lang: Lang,
    w: Mapping[str, str],
    show_grade: bool,
    per_initiative: bool,
) -> tuple[PillarView, ...]:
    rows_of = {row.id: row for row in result_table(assessment)}
    rollups = {r.key: r for r in assessment.by_pillar}
    grades = assessment.scheme.labels if show_grade else ()
    views = []
    for pillar in plan.pillars:
        rollup = rollups[pillar.id]
        items = []
        for item in plan.promotion_items:
            if item.pillar_id != pillar.id:
                continue
            inis = tuple(
                _initiative_view(ini, plan, rows_of, lang, w, show_grade, per_initiative)
                for ini in plan.children(item.id)
            )
            items.append(ItemView(item.id, item.title, _english(item, lang), inis))
        title = say("html.chart_of_pillar", lang, id=pillar.id, title=name_of(pillar, lang))
        views.append(
            PillarView(
                pillar.id,
                pillar.title,
                pillar.title_en,
                _counts_view(rollup, pillar.title, pillar.title_en, grades, lang),
                status_chart(rollup, lang, chart_id=f"chart-{pillar.id}", title=title),
                tuple(items),
            )
        )
    return tuple(views)


def _behind(assessment: Assessment, lang: Lang) -> tuple[BehindView, ...]:
    """The indicators behind schedule, the furthest behind (lowest progress ratio) first."""
    rows = [row for row in result_table(assessment) if row.result.status in BEHIND]
    order = {s: n for n, s in enumerate(BEHIND)}
    rows.sort(key=lambda row: (-order[row.result.status], row.result.ratio or 0.0))
    out = []
    for row in rows:
        p = row.for_people(lang)
        out.append(
            BehindView(
                id=row.id,
                name=name_of(row.indicator, lang),
                bureau=p["bureau"],
                bureau_key=row.bureau.name_ja,
                pillar=row.initiative.pillar_id,
                status=_status_view(row.result.status, lang),
                achievement=p["achievement"],
                expected=p["expected"],
                reason=p["reason"],
            )
        )
    return tuple(out)


def _status_legend(assessment: Assessment, lang: Lang) -> tuple[LegendView, ...]:
    t = assessment.thresholds
    params = {"on_track": f"{t.on_track:g}", "needs_acceleration": f"{t.needs_acceleration:g}"}
    return tuple(
        LegendView(
            status_label(s, lang),
            STATUS_SYMBOLS[s],
            s.value,
            say(f"html.means.{s.value}", lang, **params),
        )
        for s in Status
    )


def _grade_legend(scheme: Scheme, lang: Lang) -> tuple[LegendView, ...]:
    """What each grade of ``scheme`` means: its band on the progress ratio, or its rule."""
    if scheme.kind is SchemeKind.BASELINE:
        return tuple(
            LegendView(g, "", g, say(f"html.grade_baseline.{'none' if g == '-' else g}", lang))
            for g in scheme.labels
        )
    if scheme.kind is not SchemeKind.BANDS:
        return ()
    out = []
    high: float | None = None
    for band in scheme.bands:
        if band.min is None:
            meaning = say("html.band_below", lang, high=f"{high:g}" if high is not None else "")
        elif high is None:
            meaning = say("html.band_from", lang, low=f"{band.min:g}")
        else:
            meaning = say("html.band_between", lang, low=f"{band.min:g}", high=f"{high:g}")
        rules = [n for n in scheme.no_rate if n.label == band.label]
        if rules:
            sep = say("html.list_separator", lang)
            statuses = sep.join(status_label(n.status, lang) for n in rules)
            meaning += say("html.band_no_rate", lang, statuses=statuses)
        out.append(LegendView(band.label, "", band.label, meaning))
        high = band.min
    for label in scheme.labels:
        if any(b.label == label for b in scheme.bands):
            continue
        sep = say("html.list_separator", lang)
        statuses = sep.join(
            status_label(n.status, lang) for n in scheme.no_rate if n.label == label
        )
        out.append(
            LegendView(label, "", label, say("html.grade_other", lang, statuses=statuses or "-"))
        )
    return tuple(out)


def _sources(assessment: Assessment) -> tuple[tuple[SourceCount, ...], Counter[FigureMark]]:
    """The sources written on the figures used (most first), and how many are marked."""
    counted: Counter[str] = Counter()
    marks: Counter[FigureMark] = Counter()
    for r in assessment.results:
        for o in r.history:
            counted[o.source or ""] += 1
            marks.update(figure_marks(o))
    ranked = sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))
    return tuple(SourceCount(s, n) for s, n in ranked), marks


# -- the document ---------------------------------------------------------------------------


@functools.cache
def _environment() -> jinja2.Environment:
    """The templates' environment, made once: autoescaping on, undefined names an error."""
    require_jinja2()
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("fukuoka_dx.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _css_string(text: str) -> str:
    """``text`` as a CSS string (for a page's running header): quotes, backslashes, line
    breaks and ``<`` escaped, so that no text ends the string or the style element."""
    out = []
    for ch in text:
        if ch in '"\\<>&' or ord(ch) < 0x20:
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def report_html(
    assessment: Assessment,
    plan: Plan | None = None,
    *,
    lang: Lang | str = Lang.JA,
    observations_left_out: Sequence[InputProblem] = (),
    sources: Sequence[str] = (),
    created: _dt.date | str | None = None,
    per_initiative: bool = False,
    progress: RoundProgress | None = None,
) -> str:
    """The report of ``assessment`` as one HTML document, drawn from the plan it was made
    from (``plan``, where given, must be that plan).

    ``lang`` chooses the words around the plan (``ja`` or ``en``); the plan's own names are
    shown in Japanese in both. ``observations_left_out`` are rows of the observations file
    that could not be read (:attr:`~fukuoka_dx.observations.ReadResult.rejected`); they are
    listed with the observations the assessment left out for their dates. ``sources`` name
    the files the figures were read from (the cover says them, with the sources written on
    the figures); ``created`` is the day the report is made (default: today in Tokyo).
    ``per_initiative`` makes it one printable page per initiative (個票), each with its
    schedule and every indicator in full. Of a reporting round (``progress``, whose
    assessment ``assessment`` is), the report also shows each initiative's schedule and
    status with the bureau's words, each figure's account (a provisional figure marked so),
    the schedule's progress by pillar, each bureau's return, and what the round refused.
    Needs the ``report`` extra.
    """
    lang = as_lang(lang)
    if plan is not None and assessment.digest != plan.digest:
        raise InvalidValueError(
            f"the assessment is of the plan {assessment.edition} with digest "
            f"{assessment.digest[:12]}, not of this plan ({plan.edition}, {plan.digest[:12]})"
        )
    plan = assessment.plan
    made = today() if created is None else as_date(created)
    w = _words(lang)
    show_grade = assessment.scheme.graded
    grades = assessment.scheme.labels if show_grade else ()
    as_of_fy = FiscalYear.from_date(assessment.as_of)
    targets = (
        target_label(assessment.target, lang)
        if assessment.target is not None
        else w["targets_by_date"]
    )
    excluded = tuple(
        ExcludedView(
            e.observation.indicator_id,
            _fy(e.observation.fiscal_year, lang),
            _observed(e.observation),
            str(e.observation.as_of) if e.observation.as_of else "",
            reason_label(e.reason, lang),
        )
        for e in assessment.excluded
    )
    written, marked = _sources(assessment)
    round_view = None
    bureaus = tuple(
        _counts_view(g, bureau_label(plan.bureau(g.key), lang), "", grades, lang)
        for g in assessment.by_bureau
    )
    pillars = _pillar_views(assessment, plan, lang, w, show_grade, per_initiative)
    if progress is not None:
        pillars, round_view, provisional = _with_round(pillars, progress, lang)
        marked[FigureMark.PROVISIONAL] += provisional
        refused = tuple(r.problem for r in progress.round.refused)
        observations_left_out = (*observations_left_out, *refused)
    title = f"{plan.title} {w['report']}"
    running = say("html.running_head", lang, title=plan.title, as_of=assessment.as_of)
    template = _environment().get_template("report.html")
    return template.render(
        lang=lang.value,
        w=w,
        col={c: column_label(c, lang) for c in _COLUMNS},
        plan=plan,
        title=title,
        running_head=_markup(_css_string(running)),
        digest=plan.digest,
        digest_short=plan.digest[:12],
        as_of=str(assessment.as_of),
        as_of_fy=_fy(as_of_fy, lang),
        created=str(made),
        scheme=assessment.scheme.name,
        targets=targets,
        sources=tuple(sources),
        written=written,
        illustrative=marked[FigureMark.ILLUSTRATIVE],
        provisional=marked[FigureMark.PROVISIONAL],
        statuses=tuple(_status_view(s, lang) for s in Status),
        judged=tuple(s.value for s in JUDGED),
        behind_codes=tuple(s.value for s in BEHIND),
        status_legend=_status_legend(assessment, lang),
        grade_legend=_grade_legend(assessment.scheme, lang),
        grades=grades,
        overall=_counts_view(assessment.overall, w["all"], w["all"], grades, lang),
        mean_said=say(
            "html.mean_counts",
            lang,
            mean=percent(assessment.overall.mean_achievement),
            averaged=assessment.overall.averaged,
            assessable=assessment.overall.assessable,
            unrated=assessment.overall.unrated,
        ),
        pillars=pillars,
        round=round_view,
        bureaus=bureaus,
        bureau_names=tuple(
            (g.key, bureau_label(plan.bureau(g.key), lang)) for g in assessment.by_bureau
        ),
        behind=_behind(assessment, lang),
        show_grade=show_grade,
        per_initiative=per_initiative,
        excluded=excluded,
        problems=tuple(observations_left_out),
        total=len(assessment.results),
        generated=say("html.generated", lang, version=__version__),
    )


#: The columns whose headers the template takes from the catalogue.
_COLUMNS: Final = (
    "indicator_id",
    "name",
    "bureau",
    "target",
    "observed_value",
    "fiscal_year",
    "value",
    "as_of",
    "source",
    "note",
    "achievement",
    "expected",
    "status",
    "grade",
    "reason",
    "total",
    "assessable",
    "mean_achievement",
    "averaged",
    "counts",
    "pillar_id",
    "initiative_id",
)


def _markup(text: str) -> object:
    """Text made here (escaped by :func:`_css_string`) that the template keeps as it is."""
    import markupsafe

    return markupsafe.Markup(text)


# -- a reporting round ------------------------------------------------------------------------


@attrs.frozen
class ScheduleView:
    """An initiative in a round's year: what its schedule has in force, its status (code,
    words, symbol) and the bureau's words."""

    scheduled: tuple[str, ...]
    code: str
    status: str
    symbol: str
    done: str
    factors: str
    issues: str
    next_step: str
    reported_by: str


@attrs.frozen
class ScheduleCountsView:
    """A row of the schedule's progress: counts per status, then not reported."""

    key: str
    title: str
    counts: tuple[int, ...]
    not_reported: int
    total: int


@attrs.frozen
class ReturnView:
    """A bureau's return in a round."""

    bureau: str
    code: str
    status: str
    symbol: str
    indicators: str
    initiatives: str
    refused: int


@attrs.frozen
class StatusWord:
    code: str
    label: str
    symbol: str


@attrs.frozen
class RoundView:
    """What a round adds to the report's summary."""

    fiscal_year: str
    statuses: tuple[StatusWord, ...]
    pillars: tuple[ScheduleCountsView, ...]
    overall: ScheduleCountsView
    returns: tuple[ReturnView, ...]
    returned: str


def _schedule_counts(key: str, title: str, rollup: ScheduleRollUp) -> ScheduleCountsView:
    return ScheduleCountsView(
        key,
        title,
        tuple(rollup.count(s) for s in ActivityStatus),
        rollup.not_reported,
        rollup.total,
    )


def _with_round(
    pillars: tuple[PillarView, ...], progress: RoundProgress, lang: Lang
) -> tuple[tuple[PillarView, ...], RoundView, int]:
    """The pillar views with each initiative's schedule and each figure's account added
    (a figure the bureau calls provisional marked so), the round's summary, and how many
    figures are provisional."""
    round_ = progress.round
    rows = {r.id: r for r in schedule_table(progress)}

    def schedule(ident: str) -> ScheduleView:
        row = rows[ident]
        p = row.for_people(lang)
        status = row.result.status
        reported_by = say("html.reported_by", lang, id=p["reported_by"]) if p["reported_by"] else ""
        return ScheduleView(
            tuple(p["scheduled"].splitlines()),
            status.value if status else "not_reported",
            p["status"],
            ACTIVITY_SYMBOLS[status],
            p["done"],
            p["factors"],
            p["issues"],
            p["next_step"],
            reported_by,
        )

    def words(ident: str) -> FigureWords | None:
        w = figure_words(round_, ident, lang)
        return None if w.empty else w

    provisional = say("mark.provisional", lang)
    short = say("mark.short.provisional", lang)
    year = _fy(round_.fiscal_year, lang)
    counted = 0

    def with_words(v: IndicatorView) -> IndicatorView:
        """The indicator with the bureau's words, and its figure of the round's year marked
        provisional when the bureau says so."""
        nonlocal counted
        said = words(v.id)
        if said is None:
            return v
        if not said.provisional:
            return attrs.evolve(v, words=said)
        cells = list(v.cells)
        for k, column in enumerate(v.columns):
            if column.fy == year and column.key.startswith("fy") and cells[k].value != "-":
                if short not in cells[k].marks:  # not already marked by its note
                    counted += 1
                marks_of = tuple(dict.fromkeys((*cells[k].marks, short)))
                cells[k] = attrs.evolve(cells[k], marks=marks_of)
        marks = tuple(dict.fromkeys((*v.marks, provisional)))
        sources = tuple(
            attrs.evolve(src, marks=tuple(dict.fromkeys((*src.marks, provisional))))
            if src.fy == year
            else src
            for src in v.sources
        )
        return attrs.evolve(v, words=said, cells=tuple(cells), marks=marks, sources=sources)

    out = []
    for pillar in pillars:
        items = []
        for item in pillar.items:
            inis = tuple(
                attrs.evolve(
                    ini,
                    round=schedule(ini.id),
                    indicators=tuple(with_words(v) for v in ini.indicators),
                    no_data=tuple(with_words(v) for v in ini.no_data),
                )
                for ini in item.initiatives
            )
            items.append(attrs.evolve(item, initiatives=inis))
        out.append(attrs.evolve(pillar, items=tuple(items)))
    plan = progress.assessment.plan
    by_pillar = {g.key: g for g in progress.schedule.by_pillar}
    tracker = progress.tracker
    sep = say("html.count_separator", lang)
    returned = sep.join(
        f"{RETURN_SYMBOLS[s]} {return_label(s, lang)} {tracker.count(s)}" for s in ReturnStatus
    )
    view = RoundView(
        _fy(round_.fiscal_year, lang),
        tuple(
            StatusWord(s.value, activity_label(s, lang), ACTIVITY_SYMBOLS[s])
            for s in ActivityStatus
        ),
        tuple(
            _schedule_counts(p.id, p.title, by_pillar[p.id])
            for p in plan.pillars
            if p.id in by_pillar
        ),
        _schedule_counts("all", say("html.all", lang), progress.schedule.overall),
        tuple(
            ReturnView(
                bureau_label(b.bureau, lang),
                b.status.value,
                return_label(b.status, lang),
                RETURN_SYMBOLS[b.status],
                f"{b.indicators_reported}/{b.indicators}",
                f"{b.initiatives_reported}/{b.initiatives}",
                b.refused,
            )
            for b in tracker.bureaus
        ),
        returned,
    )
    return tuple(out), view, counted
