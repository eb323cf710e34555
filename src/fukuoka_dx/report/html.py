"""A one-file HTML report of an assessment, for people to read, share and print.

:func:`report_html` gives the whole document: the plan's edition, digest and the as-of date;
counts per status overall and a chart per pillar; then each pillar, promotion item and
initiative with its indicators (status, figures, target, reason and a small trajectory);
and the observations left out, with why. The page is self-contained (inline styles and
SVG, nothing fetched), needs no JavaScript, prints on A4 with a page per pillar, and says
every status in words and a symbol as well as a colour.

It is drawn by Jinja2 templates (``fukuoka_dx/report/templates``) with autoescaping, so no
text of the plan or of the observations ever becomes markup; the SVG is made from numbers.
Needs the ``report`` extra (Jinja2).

>>> from fukuoka_dx import load_plan, assess, Observation
>>> plan = load_plan()
>>> a = assess(plan, [Observation("1-1-3.1", 2024, 15000)], as_of="2025-06-30")
>>> page = report_html(a, plan, lang="en")
>>> page.startswith("<!doctype html>"), '<section id="pillar-5"' in page
(True, True)
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Final

import attrs

from fukuoka_dx._optional import require_jinja2
from fukuoka_dx._version import __version__
from fukuoka_dx.errors import InputProblem, InvalidValueError
from fukuoka_dx.fiscal_calendar import FiscalYear
from fukuoka_dx.model import (
    Indicator,
    IndicatorStatus,
    Initiative,
    Plan,
    PromotionItem,
    TargetColumn,
)
from fukuoka_dx.observations.reports import ActivityStatus
from fukuoka_dx.observations.tracker import ReturnStatus
from fukuoka_dx.observations.values import CompositeValue, Figure, Observation, value_text
from fukuoka_dx.progress import (
    Assessment,
    RollUp,
    RoundProgress,
    ScheduleRollUp,
    Status,
    Trajectory,
)
from fukuoka_dx.report.labels import (
    STATUS_COLOURS,
    STATUS_SYMBOLS,
    bureau_label,
    column_label,
    english_name,
    fy_label,
    name_of,
    reason_label,
    status_label,
    target_label,
)
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
from fukuoka_dx.targets import Target, TargetKind
from fukuoka_dx.words import CATALOGUE, Lang, as_lang, say

if TYPE_CHECKING:
    import jinja2

__all__ = [
    "STATUS_COLOURS",
    "STATUS_SYMBOLS",
    "BarChart",
    "Sparkline",
    "report_html",
    "sparkline",
    "status_chart",
]


def _words(lang: Lang) -> dict[str, str]:
    """The report's own words from the catalogue (``html.*`` keys, without the prefix)."""
    return {
        key.removeprefix("html."): pair[0 if lang is Lang.JA else 1]
        for key, pair in CATALOGUE.items()
        if key.startswith("html.")
    }


def _fy(fy: FiscalYear, lang: Lang) -> str:
    return fy_label(fy, lang, both=lang is Lang.EN)


def _coord(value: float) -> str:
    """A coordinate for SVG: one decimal, never ``-0.0``."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _figure(value: float) -> str:
    """A figure for people: thousands separated, up to three decimals (``19,200``, ``7.9``)."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


# -- the trajectory sparkline ---------------------------------------------------------------


@attrs.frozen
class Mark:
    """One point of a sparkline, in SVG coordinates; ``baseline`` is drawn hollow."""

    x: str
    y: str
    baseline: bool


@attrs.frozen
class Sparkline:
    """A small SVG trajectory, every attribute already a number's text.

    ``line`` joins the points, ``guide`` runs from the latest point to the target, ``star``
    is the target's outline (empty strings where there is none); ``label`` says it in words.
    """

    width: int
    height: int
    line: str
    marks: tuple[Mark, ...]
    guide: str
    star: str
    label: str


_SPARK_W: Final = 132
_SPARK_H: Final = 40
_SPARK_PAD: Final = 7.0


def _star(cx: float, cy: float, outer: float = 5.5, inner: float = 2.3) -> str:
    points = []
    for k in range(10):
        r = outer if k % 2 == 0 else inner
        angle = -math.pi / 2 + k * math.pi / 5
        points.append(f"{_coord(cx + r * math.cos(angle))},{_coord(cy + r * math.sin(angle))}")
    return " ".join(points)


def sparkline(trajectory: Trajectory, lang: Lang | str = Lang.JA) -> Sparkline | None:
    """The sparkline of a trajectory: its points (the baseline hollow) and the target as a
    star in its fiscal year; ``None`` when there is no point to draw."""
    lang = as_lang(lang)
    w = _words(lang)
    points = trajectory.points
    if not points:
        return None
    years = [p.fiscal_year.year for p in points]
    values = [p.value for p in points]
    target = trajectory.target
    if target is not None and math.isfinite(target):
        years.append(trajectory.target_fy.year)
        values.append(target)
    else:
        target = None
    x0, x1 = min(years), max(years)
    y0, y1 = min(values), max(values)
    if y0 == y1:
        y0, y1 = y0 - 1, y1 + 1

    def x(year: int) -> float:
        if x0 == x1:
            return _SPARK_W / 2
        return _SPARK_PAD + (year - x0) / (x1 - x0) * (_SPARK_W - 2 * _SPARK_PAD)

    def y(value: float) -> float:
        return _SPARK_H - _SPARK_PAD - (value - y0) / (y1 - y0) * (_SPARK_H - 2 * _SPARK_PAD)

    xy = [(x(p.fiscal_year.year), y(p.value)) for p in points]
    line = " ".join(f"{_coord(a)},{_coord(b)}" for a, b in xy) if len(xy) > 1 else ""
    marks = tuple(
        Mark(_coord(a), _coord(b), p.baseline) for (a, b), p in zip(xy, points, strict=True)
    )
    guide = star = ""
    if target is not None:
        tx, ty = x(trajectory.target_fy.year), y(target)
        star = _star(tx, ty)
        last = xy[-1]
        if (tx, ty) != last:
            guide = f"{_coord(last[0])},{_coord(last[1])} {_coord(tx)},{_coord(ty)}"
    said = []
    for p in points:
        text = f"{_figure(p.value)} ({_fy(p.fiscal_year, lang)})"
        said.append(f"{w['spark_baseline']} {text}" if p.baseline else text)
    if target is not None:
        said.append(f"{w['spark_target']} {_figure(target)} ({_fy(trajectory.target_fy, lang)})")
    sep = "、" if lang is Lang.JA else "; "
    label = f"{w['spark_of'].format(id=trajectory.indicator_id)}: {sep.join(said)}"
    return Sparkline(_SPARK_W, _SPARK_H, line, marks, guide, star, label)


# -- the bar chart of a pillar ----------------------------------------------------------------


@attrs.frozen
class Bar:
    """One bar of a status chart, in SVG coordinates."""

    status: str
    label: str
    symbol: str
    count: int
    y: str
    text_y: str
    width: str
    count_x: str
    fill: str


@attrs.frozen
class BarChart:
    """Counts per status as horizontal bars; ``label`` says them in words (its ``<title>``)."""

    id: str
    width: int
    height: int
    bar_x: int
    bar_height: int
    bars: tuple[Bar, ...]
    label: str


_BAR_ROW: Final = 18
_BAR_H: Final = 12
_BAR_MAX: Final = 120


def status_chart(
    rollup: RollUp, lang: Lang | str = Lang.JA, *, chart_id: str = "chart", title: str = ""
) -> BarChart:
    """A bar per status of ``rollup`` (longest: the largest count), each with its symbol,
    label and count; ``title`` begins the chart's label."""
    lang = as_lang(lang)
    label_width = 84 if lang is Lang.JA else 150
    top = max((n for _, n in rollup.counts), default=0) or 1
    bars = []
    for k, (status, n) in enumerate(rollup.counts):
        row_y = 4 + k * _BAR_ROW
        width = 0.0 if n == 0 else max(2.0, n / top * _BAR_MAX)
        bars.append(
            Bar(
                status=status.value,
                label=status_label(status, lang),
                symbol=STATUS_SYMBOLS[status],
                count=n,
                y=_coord(row_y),
                text_y=_coord(row_y + _BAR_H - 2),
                width=_coord(width),
                count_x=_coord(label_width + width + 4),
                fill=STATUS_COLOURS[status][0],
            )
        )
    sep = "、" if lang is Lang.JA else ", "
    counts = sep.join(f"{status_label(s, lang)} {n}" for s, n in rollup.counts)
    label = f"{title}: {counts}" if title else counts
    height = 8 + len(bars) * _BAR_ROW
    width = label_width + _BAR_MAX + 36
    return BarChart(chart_id, width, height, label_width, _BAR_H, tuple(bars), label)


# -- the views the template draws -----------------------------------------------------------


@attrs.frozen
class StatusView:
    code: str
    label: str
    symbol: str
    fill: str
    ink: str


@attrs.frozen
class CountsView:
    """A row of the summary: counts per status (in :class:`Status` order) and the mean."""

    key: str
    title: str
    title_en: str
    counts: tuple[int, ...]
    total: int
    mean: str


@attrs.frozen
class RowView:
    """One indicator with an observation (or a status other than no data)."""

    id: str
    name: str
    name_en: str
    target: str
    target_fy: str
    observed: str
    observed_fy: str
    borrowed: str
    achievement: str
    expected: str
    status: StatusView
    grade: str
    reason: str
    spark: Sparkline | None
    words: FigureWords | None = None
    """The bureau's account of the figure, in a round."""


@attrs.frozen
class NoDataView:
    id: str
    name: str
    name_en: str
    target: str
    words: FigureWords | None = None


@attrs.frozen
class InitiativeView:
    id: str
    title: str
    title_en: str
    bureau: str
    reposts: str
    caption: str
    rows: tuple[RowView, ...]
    no_data: tuple[NoDataView, ...]
    empty: str
    """Said when the initiative has no indicators (with the plan's note, if any)."""
    schedule: ScheduleView | None = None
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
class ExcludedView:
    indicator_id: str
    fiscal_year: str
    value: str
    as_of: str
    reason: str


def _status_view(status: Status, lang: Lang) -> StatusView:
    fill, ink = STATUS_COLOURS[status]
    return StatusView(status.value, status_label(status, lang), STATUS_SYMBOLS[status], fill, ink)


def _counts_view(rollup: RollUp, title: str, title_en: str) -> CountsView:
    return CountsView(
        rollup.key,
        title,
        title_en,
        tuple(rollup.count(s) for s in Status),
        rollup.total,
        percent(rollup.mean_achievement),
    )


#: The target cells whose text takes the indicator's unit (``25,000 件``; not ``調査後設定``).
_UNIT_KINDS: Final = frozenset({TargetKind.NUMBER, TargetKind.RANGE, TargetKind.COMPOSITE})


def _observed(o: Observation, unit: str | None = None) -> str:
    """An observed value for people, with the unit when it is a figure or figures."""
    if isinstance(o.value, Figure):
        return _with_unit(_figure(o.value.value), unit)
    text = value_text(o.value)
    return _with_unit(text, unit) if isinstance(o.value, CompositeValue) else text


def _with_unit(text: str, unit: str | None) -> str:
    return f"{text} {unit}" if unit and text else text


def _target(target: Target, column: TargetColumn, unit: str | None, lang: Lang) -> str:
    """``最終目標 25,000 件`` / ``final target 25,000 件``."""
    text = _with_unit(target.text, unit) if target.kind in _UNIT_KINDS else target.text
    return f"{target_label(column, lang)} {text}".strip()


def _initiative_view(
    ini: Initiative,
    rows_of: Mapping[str, ResultRow],
    lang: Lang,
    w: Mapping[str, str],
    show_grade: bool,
) -> InitiativeView:
    rows, no_data = [], []
    for ind in ini.indicators:
        row = rows_of[ind.id]
        r, p = row.result, row.for_people(lang)
        target = _target(ind.target(r.target), r.target, ind.unit, lang)
        if r.status is Status.NO_DATA:
            no_data.append(
                NoDataView(ind.id, ind.name, _english(ind, lang), f"{target} ({p['target_fy']})")
            )
            continue
        o = r.observation
        rows.append(
            RowView(
                id=ind.id,
                name=ind.name,
                name_en=_english(ind, lang),
                target=target,
                target_fy=p["target_fy"],
                observed=_observed(o, ind.unit) if o else "-",
                observed_fy=p["observed_fy"],
                borrowed=w["borrowed"].format(id=r.borrowed_from) if r.borrowed_from else "",
                achievement=p["achievement"],
                expected=p["expected"],
                status=_status_view(r.status, lang),
                grade=(r.grade or "-") if show_grade else "",
                reason=reason_label(r.reason, lang),
                spark=sparkline(r.trajectory, lang) if r.trajectory else None,
            )
        )
    empty = ""
    if not ini.indicators:
        said = w["pending"] if ini.indicator_status is IndicatorStatus.PENDING else w["absent"]
        empty = f"{said} {ini.indicator_note}" if ini.indicator_note else said
    bureau = (
        ini.bureau.name_ja if lang is Lang.JA else f"{ini.bureau.name_ja} ({ini.bureau.name_en})"
    )  # in English, the Japanese first: the report keeps the plan's own names in front
    caption = w["indicators_of"].format(id=ini.id)
    return InitiativeView(
        ini.id,
        ini.title,
        _english(ini, lang),
        bureau,
        ini.reposts or "",
        caption,
        tuple(rows),
        tuple(no_data),
        empty,
    )


def _english(value: Indicator | Initiative | PromotionItem, lang: Lang) -> str:
    """The unofficial English name shown beside the Japanese in an English report."""
    return (english_name(value) or "") if lang is Lang.EN else ""


def _pillar_views(
    assessment: Assessment, plan: Plan, lang: Lang, w: Mapping[str, str], show_grade: bool
) -> tuple[PillarView, ...]:
    rows_of = {row.id: row for row in result_table(assessment)}
    rollups = {r.key: r for r in assessment.by_pillar}
    views = []
    for pillar in plan.pillars:
        rollup = rollups.get(pillar.id) or RollUp(
            pillar.id, pillar.title, tuple((s, 0) for s in Status), None, 0
        )
        items = []
        for item in plan.promotion_items:
            if item.pillar_id != pillar.id:
                continue
            inis = tuple(
                _initiative_view(ini, rows_of, lang, w, show_grade)
                for ini in plan.children(item.id)
            )
            items.append(ItemView(item.id, item.title, _english(item, lang), inis))
        title = w["chart_of"].format(id=pillar.id, title=name_of(pillar, lang))
        views.append(
            PillarView(
                pillar.id,
                pillar.title,
                pillar.title_en,
                _counts_view(rollup, pillar.title, pillar.title_en),
                status_chart(rollup, lang, chart_id=f"chart-{pillar.id}", title=title),
                tuple(items),
            )
        )
    return tuple(views)


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


def report_html(
    assessment: Assessment,
    plan: Plan | None = None,
    *,
    lang: Lang | str = Lang.JA,
    observations_left_out: Sequence[InputProblem] = (),
    progress: RoundProgress | None = None,
) -> str:
    """The report of ``assessment`` as one HTML document, drawn from the plan it was made
    from (``plan``, where given, must be that plan).

    ``lang`` chooses the words around the plan (``ja`` or ``en``); the plan's own names are
    shown in Japanese in both. ``observations_left_out`` are rows of the observations file
    that could not be read (:attr:`~fukuoka_dx.observations.ReadResult.rejected`); they are
    listed with the observations the assessment left out for their dates. Of a reporting
    round (``progress``, whose assessment ``assessment`` is), the report also shows each
    initiative's schedule and status with the bureau's words, each figure's account, the
    schedule's progress by pillar, each bureau's return, and what the round refused. Needs
    the ``report`` extra.
    """
    lang = as_lang(lang)
    if plan is not None and assessment.digest != plan.digest:
        raise InvalidValueError(
            f"the assessment is of the plan {assessment.edition} with digest "
            f"{assessment.digest[:12]}, not of this plan ({plan.edition}, {plan.digest[:12]})"
        )
    plan = assessment.plan
    w = _words(lang)
    show_grade = assessment.scheme.graded
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
    columns = {
        c: column_label(c, lang)
        for c in (
            "indicator_id",
            "name",
            "target",
            "observed_value",
            "observed_fy",
            "fiscal_year",
            "value",
            "as_of",
            "achievement",
            "expected",
            "status",
            "grade",
            "reason",
            "total",
            "mean_achievement",
        )
    }
    columns["trajectory"] = w["trajectory"]
    pillars = _pillar_views(assessment, plan, lang, w, show_grade)
    round_view = None
    if progress is not None:
        pillars, round_view = _with_round(pillars, progress, lang)
        refused = tuple(r.problem for r in progress.round.refused)
        observations_left_out = (*observations_left_out, *refused)
    template = _environment().get_template("report.html")
    return template.render(
        lang=lang.value,
        w=w,
        col=columns,
        plan=plan,
        digest=plan.digest,
        digest_short=plan.digest[:12],
        as_of=str(assessment.as_of),
        as_of_fy=_fy(as_of_fy, lang),
        scheme=assessment.scheme.name,
        targets=targets,
        statuses=tuple(_status_view(s, lang) for s in Status),
        overall=_counts_view(assessment.overall, w["all"], w["all"]),
        pillars=pillars,
        round=round_view,
        show_grade=show_grade,
        excluded=excluded,
        problems=tuple(observations_left_out),
        generated=w["generated"].format(version=__version__),
    )


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
) -> tuple[tuple[PillarView, ...], RoundView]:
    """The pillar views with each initiative's schedule and each figure's account added,
    and the round's summary."""
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

    out = []
    for pillar in pillars:
        items = []
        for item in pillar.items:
            inis = tuple(
                attrs.evolve(
                    ini,
                    schedule=schedule(ini.id),
                    rows=tuple(attrs.evolve(r, words=words(r.id)) for r in ini.rows),
                    no_data=tuple(attrs.evolve(n, words=words(n.id)) for n in ini.no_data),
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
    return tuple(out), view
