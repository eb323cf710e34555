"""Charts: every assessed indicator's achievement against the expected share, the statuses of
each group of one level, and one indicator's trajectory (its points, the least-squares line
to the target's year, and the target).

Words follow the language asked for (``ja`` needs a Japanese font, which the ``plot`` extra
brings: matplotlib-fontja); fiscal years on an axis are labelled as fiscal years
(``令和7年度`` / ``FY2025``), one tick a year. Needs the ``plot`` extra.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

from fukuoka_dx._optional import missing_extra, require_matplotlib
from fukuoka_dx.errors import InvalidValueError
from fukuoka_dx.fiscal_calendar import FiscalYear
from fukuoka_dx.model import Indicator, Plan
from fukuoka_dx.progress import Assessment, Status, Trajectory
from fukuoka_dx.progress.assessment import JUDGED
from fukuoka_dx.report.labels import (
    STATUS_FILLS,
    bureau_label,
    change_unit_label,
    figure_label,
    fy_label,
    name_of,
    status_label,
    unit_label,
)
from fukuoka_dx.report.results import Level, rollups
from fukuoka_dx.words import Lang, as_lang, default_lang, say

__all__ = [
    "CAP",
    "STATUS_FILLS",
    "achievement_chart",
    "chart_path",
    "japanese_font_available",
    "rollup_chart",
    "save_chart",
    "save_figure",
    "trend_chart",
]

#: Bars are drawn capped at this achievement so that one outlier does not flatten the rest.
CAP: Final = 1.5
#: How much of a name a label of the achievement chart shows (it is cut with ``…``).
_NAME: Final = 22


def japanese_font_available() -> bool:
    """True when a Japanese font is registered with matplotlib (via matplotlib-fontja)."""
    try:
        import matplotlib_fontja  # noqa: F401
    except ImportError:
        return False
    return True


def _lang(lang: Lang | str | None, japanese: bool | None = None) -> Lang:
    """The chart's language (``japanese`` is the older way of asking), checked for a font."""
    if lang is None:
        lang = (Lang.JA if japanese else Lang.EN) if japanese is not None else default_lang()
    chosen = as_lang(lang)
    if chosen is Lang.JA and not japanese_font_available():
        raise missing_extra("matplotlib_fontja", "plot", "a chart in Japanese")
    return chosen


def _figure_class() -> Any:
    require_matplotlib()
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    return Figure


def _cut(text: str, size: int = _NAME) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _title(assessment: Assessment, plan: Plan, lang: Lang, what: str = "") -> str:
    said = say("chart.title", lang, title=plan.title, edition=plan.edition, as_of=assessment.as_of)
    return f"{said} — {what}" if what else said


def _status_legend(fig: Any, statuses: tuple[Status, ...], lang: Lang, extra: Any = ()) -> None:
    """The statuses' colours, and ``extra`` handles, below the axes (never over a label)."""
    from matplotlib.patches import Patch

    handles = [
        Patch(
            facecolor=STATUS_FILLS[s],
            edgecolor="#555555",
            label=status_label(s, lang),
        )
        for s in statuses
    ]
    fig.legend(
        handles=[*handles, *extra],
        loc="outside lower center",
        ncol=4,
        fontsize=7,
        frameon=False,
    )


def achievement_chart(
    assessment: Assessment,
    plan: Plan | None = None,
    *,
    lang: Lang | str | None = None,
    japanese: bool | None = None,
) -> Any:
    """A matplotlib Figure: a bar per assessed indicator (every one judged, from achieved to
    deterioration), grouped by pillar, in ``lang`` (default: by the locale).

    Bars show the achievement (capped at :data:`CAP`), a tick marks the expected share, and
    colours and the legend give the status. An indicator judged by a rule without a rate
    (増加, a range, a ceiling) has a hatched bar: to 100% when the target is met, none when
    it is not, and says "no rate" beside it. ``japanese`` (``True``/``False``) is the older
    way of choosing the language.
    """
    figure_class = _figure_class()
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    chosen = _lang(lang, japanese)
    plan = assessment.plan if plan is None else plan
    results = [r for r in assessment.results if r.status in JUDGED]
    pillar_of = {ind.id: ini.pillar_id for ini in plan.initiatives for ind in ini.indicators}
    order = {ind.id: n for n, ind in enumerate(plan.indicators)}
    results.sort(key=lambda r: order[r.indicator_id])
    height = max(3.8, 0.32 * len(results) + 2.6)
    fig = figure_class(figsize=(9, height), layout="constrained")
    ax = fig.add_subplot()
    labels = []
    no_rate = say("chart.no_rate", chosen)
    for y, r in enumerate(results):
        ind = plan.indicator(r.indicator_id)
        colour = STATUS_FILLS[r.status]
        if r.achievement is None:
            reach = 1.0 if r.status is Status.ACHIEVED else 0.0
            ax.barh(y, reach, color=colour, edgecolor="#555555", hatch="///")
            ax.text(reach + 0.02, y, no_rate, va="center", fontsize=7, color="#333333")
        else:
            ax.barh(y, max(min(r.achievement, CAP), -0.5), color=colour, edgecolor="#555555")
        if r.expected is not None:
            ax.plot([r.expected, r.expected], [y - 0.4, y + 0.4], color="black", linewidth=1.5)
        labels.append(f"{ind.id} {_cut(name_of(ind, chosen), _NAME if chosen is Lang.JA else 36)}")
    ax.set_yticks(range(len(results)), labels, fontsize=7)
    ax.set_ylim(len(results) - 0.5, -0.5)
    ax.axvline(1.0, color="#333333", linestyle="--", linewidth=0.8)
    ax.set_xlim(-0.5, CAP)
    ax.xaxis.set_major_formatter(lambda x, _pos: f"{x * 100:.0f}%")
    ax.set_xlabel(say("chart.achievement_axis", chosen, cap=f"{CAP * 100:.0f}%"))
    start = 0
    for pillar in plan.pillars:  # a band per pillar, named at its top
        n = sum(1 for r in results if pillar_of[r.indicator_id] == pillar.id)
        if n:
            name = f"{pillar.id} {name_of(pillar, chosen)}"
            ax.text(
                CAP - 0.02, start - 0.45, name, ha="right", va="top", fontsize=8, color="#444444"
            )
            ax.axhline(start - 0.5, color="#999999", linewidth=0.5)
            start += n
    if not results:
        ax.text(0.5, 0.5, say("chart.nothing_judged", chosen), ha="center", transform=ax.transAxes)
    extra = [
        Patch(facecolor="white", edgecolor="#555555", hatch="///", label=no_rate),
        Line2D([], [], color="black", linewidth=1.5, label=say("chart.expected_tick", chosen)),
    ]
    _status_legend(fig, JUDGED, chosen, extra)
    ax.set_title(_title(assessment, plan, chosen), fontsize=10)
    return fig


def rollup_chart(
    assessment: Assessment,
    level: Level | str,
    plan: Plan | None = None,
    *,
    lang: Lang | str | None = None,
) -> Any:
    """A matplotlib Figure of one level (``pillar``, ``promotion-item``, ``bureau``): a
    stacked bar per group of the plan with its indicators' counts per status, every group
    included (one without indicators has an empty bar), in ``lang``."""
    figure_class = _figure_class()
    chosen = _lang(lang)
    level = Level(level)
    plan = assessment.plan if plan is None else plan
    groups = rollups(assessment, level)
    fig = figure_class(figsize=(9, max(3.8, 0.3 * len(groups) + 2.6)), layout="constrained")
    ax = fig.add_subplot()
    labels = []
    for g in groups:
        if level is Level.BUREAU:
            labels.append(_cut(bureau_label(plan.bureau(g.key), chosen), 30))
        elif level is Level.PILLAR:
            labels.append(f"{g.key} {_cut(name_of(plan.pillar(g.key), chosen), 30)}")
        else:
            labels.append(f"{g.key} {_cut(name_of(plan.promotion_item(g.key), chosen), 30)}")
    left = [0] * len(groups)
    for status in Status:
        counts = [g.count(status) for g in groups]
        ax.barh(
            range(len(groups)),
            counts,
            left=left,
            color=STATUS_FILLS[status],
            edgecolor="#555555",
            linewidth=0.5,
        )
        left = [a + b for a, b in zip(left, counts, strict=True)]
    ax.set_yticks(range(len(groups)), labels, fontsize=7)
    ax.set_ylim(len(groups) - 0.5, -0.5)
    ax.set_xlabel(say("chart.indicators_axis", chosen))
    _status_legend(fig, tuple(Status), chosen)
    ax.set_title(
        _title(assessment, plan, chosen, say(f"chart.by.{level.value}", chosen)), fontsize=10
    )
    return fig


def chart_path(path: str | Path) -> Path:
    """``path`` checked as a place to write a chart, before anything is drawn: a ``.png``,
    ``.svg`` or ``.pdf`` name in a folder that exists, and matplotlib installed."""
    out = Path(path)
    if out.suffix.lower() not in (".png", ".svg", ".pdf"):
        raise InvalidValueError(f"chart file {str(out)!r}: expected a .png, .svg or .pdf name")
    folder = out.parent
    if not folder.is_dir():
        raise InvalidValueError(
            f"chart file {str(out)!r}: the folder {str(folder)!r} does not exist"
        )
    require_matplotlib()
    return out


def save_chart(
    assessment: Assessment,
    plan: Plan | None,
    path: str | Path,
    *,
    lang: Lang | str | None = None,
    level: Level | str | None = None,
) -> Path:
    """Write the achievement chart, or the chart of ``level``, in ``lang`` to ``path``
    (PNG, SVG or PDF by its suffix)."""
    out = chart_path(path)
    if level is not None:
        return save_figure(rollup_chart(assessment, level, plan, lang=lang), out)
    return save_figure(achievement_chart(assessment, plan, lang=lang), out)


def save_figure(figure: Any, path: str | Path) -> Path:
    """Write a matplotlib figure to ``path``, checked by :func:`chart_path`."""
    out = chart_path(path)
    try:
        figure.savefig(out)
    except OSError as exc:
        raise InvalidValueError(f"cannot write the chart {str(out)!r}: {exc.strerror}") from None
    return out


def trend_chart(
    trajectory: Trajectory, indicator: Indicator, *, lang: Lang | str | None = None
) -> Any:
    """A matplotlib Figure of one indicator over the years, in ``lang``: its points (the
    baseline hollow), the least-squares line through them to the target's year (the
    projection), and the target, on an axis of fiscal years (one tick a year)."""
    figure_class = _figure_class()
    chosen = _lang(lang)
    fig = figure_class(figsize=(7, 4.2), layout="constrained")
    ax = fig.add_subplot()
    xs = [p.fiscal_year.year for p in trajectory.points]
    ys = [p.value for p in trajectory.points]
    unit = unit_label(indicator, chosen)
    ax.plot(xs, ys, color="#2166ac", marker="o", linewidth=1.2, label=say("chart.observed", chosen))
    for p in trajectory.points:
        if p.baseline:
            ax.plot(
                [p.fiscal_year.year],
                [p.value],
                marker="o",
                color="white",
                markeredgecolor="#2166ac",
                markersize=8,
                linestyle="none",
                label=say("chart.baseline", chosen),
            )
    if trajectory.pace is not None and trajectory.projected is not None and xs:
        end = trajectory.target_fy.year
        start = min(xs)
        at_start = trajectory.projected - trajectory.pace * (end - start)
        pace = figure_label(trajectory.pace)
        ax.plot(
            [start, end],
            [at_start, trajectory.projected],
            linestyle="--",
            color="#777777",
            label=say(
                "chart.projection", chosen, pace=pace, unit=change_unit_label(indicator, chosen)
            ),
        )
    if trajectory.target is not None:
        ax.axhline(trajectory.target, color="#d73027", linewidth=0.8, linestyle=":")
        ax.plot(
            [trajectory.target_fy.year],
            [trajectory.target],
            marker="*",
            markersize=12,
            color="#d73027",
            linestyle="none",
            label=say(
                "chart.target",
                chosen,
                target=figure_label(trajectory.target),
                fy=trajectory.target_fy,
            ),
        )
    years = [*xs, trajectory.target_fy.year]
    ticks = list(range(min(years), max(years) + 1))
    ax.set_xticks(ticks, [_fy_tick(FiscalYear(y), chosen) for y in ticks], fontsize=8)
    ax.set_xlim(ticks[0] - 0.4, ticks[-1] + 0.4)
    ax.yaxis.set_major_formatter(lambda v, _pos: figure_label(v))
    ax.set_xlabel(say("chart.fiscal_year", chosen))
    if unit:
        ax.set_ylabel(unit)
    ax.set_title(f"{indicator.id} {_cut(name_of(indicator, chosen), 40)}", fontsize=10)
    fig.legend(loc="outside lower center", ncol=2, fontsize=8, frameon=False)
    return fig


def _fy_tick(fy: FiscalYear, lang: Lang) -> str:
    """A fiscal year on an axis: ``令和7年度`` over ``FY2025`` in Japanese, ``FY2025`` in
    English."""
    return f"{fy.label_ja}\n{fy}" if lang is Lang.JA else fy_label(fy, lang)
