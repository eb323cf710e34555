"""Charts: an assessment's achievement by indicator against the expected line, and one
indicator's trajectory (its points, the least-squares line and the target).

Needs the ``plot`` extra (matplotlib, and matplotlib-fontja for Japanese labels; without
that font, labels fall back to indicator ids and English pillar names).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fukuoka_dx._optional import missing_extra, require_matplotlib
from fukuoka_dx.errors import InvalidValueError
from fukuoka_dx.model import Indicator, Plan
from fukuoka_dx.progress import Assessment, Trajectory
from fukuoka_dx.report.labels import (
    STATUS_FILLS,
    status_label,
)
from fukuoka_dx.words import Lang

__all__ = [
    "CAP",
    "STATUS_FILLS",
    "achievement_chart",
    "chart_path",
    "japanese_font_available",
    "save_chart",
    "save_figure",
    "trend_chart",
]

#: Bars are drawn capped at this achievement so that one outlier does not flatten the rest.
CAP = 1.5


def japanese_font_available() -> bool:
    """True when a Japanese font is registered with matplotlib (via matplotlib-fontja)."""
    try:
        import matplotlib_fontja  # noqa: F401
    except ImportError:
        return False
    return True


def achievement_chart(
    assessment: Assessment, plan: Plan | None = None, *, japanese: bool | None = None
) -> Any:
    """A matplotlib Figure: one bar per assessed indicator, grouped by pillar.

    Bars show the achievement (capped at :data:`CAP`), a tick marks the expected share, and
    colours give the status. Indicators without an achievement are left out of the bars.
    """
    require_matplotlib()
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    use_ja = japanese_font_available() if japanese is None else japanese
    if use_ja and not japanese_font_available():
        raise missing_extra("matplotlib_fontja", "plot", "japanese=True")
    plan = assessment.plan if plan is None else plan
    results = [r for r in assessment.results if r.achievement is not None]
    pillar_of = {ind.id: ini.pillar_id for ini in plan.initiatives for ind in ini.indicators}
    order = {ind.id: n for n, ind in enumerate(plan.indicators)}
    results.sort(key=lambda r: order[r.indicator_id])
    height = max(3.5, 0.3 * len(results) + 2.2)
    fig = Figure(figsize=(9, height))
    ax = fig.add_subplot()
    labels = []
    for y, r in enumerate(results):
        ind = plan.indicator(r.indicator_id)
        ach = r.achievement or 0.0
        ax.barh(y, max(min(ach, CAP), -0.5), color=STATUS_FILLS[r.status], edgecolor="#555555")
        if r.expected is not None:
            ax.plot([r.expected, r.expected], [y - 0.4, y + 0.4], color="black", linewidth=1.5)
        labels.append(f"{ind.id} {ind.name[:18]}" if use_ja else ind.id)
    ax.set_yticks(range(len(results)), labels, fontsize=7)
    ax.invert_yaxis()
    ax.axvline(1.0, color="#333333", linestyle="--", linewidth=0.8)
    ax.set_xlim(-0.5, CAP)
    ax.set_xlabel("達成率 achievement (capped)" if use_ja else "achievement (capped)")
    # pillar bands
    start = 0
    for pillar in plan.pillars:
        n = sum(1 for r in results if pillar_of[r.indicator_id] == pillar.id)
        if n:
            name = f"{pillar.id} {pillar.title}" if use_ja else f"{pillar.id} {pillar.title_en}"
            ax.text(
                CAP - 0.02, start - 0.45, name, ha="right", va="top", fontsize=8, color="#444444"
            )
            ax.axhline(start - 0.5, color="#999999", linewidth=0.5)
            start += n
    legend_lang = Lang.JA if use_ja else Lang.EN  # Japanese labels need the Japanese font
    handles = [Patch(color=c, label=status_label(s, legend_lang)) for s, c in STATUS_FILLS.items()]
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12),
        ncol=4,
        fontsize=7,
        frameon=False,
    )
    title = (
        f"{plan.title} — as of {assessment.as_of}"
        if use_ja
        else (f"Fukuoka City DX strategy {plan.edition} — as of {assessment.as_of}")
    )
    ax.set_title(title, fontsize=10)
    fig.tight_layout()
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


def save_chart(assessment: Assessment, plan: Plan | None, path: str | Path) -> Path:
    """Write the chart to ``path`` (PNG, SVG or PDF by its suffix)."""
    out = chart_path(path)
    return save_figure(achievement_chart(assessment, plan), out)


def save_figure(figure: Any, path: str | Path) -> Path:
    """Write a matplotlib figure to ``path``, checked by :func:`chart_path`."""
    out = chart_path(path)
    try:
        figure.savefig(out)
    except OSError as exc:
        raise InvalidValueError(f"cannot write the chart {str(out)!r}: {exc.strerror}") from None
    return out


def trend_chart(trajectory: Trajectory, indicator: Indicator) -> Any:
    """A matplotlib Figure of one indicator over the years: its points (the baseline
    hollow), the least-squares line through them to the target's year, and the target."""
    require_matplotlib()
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    use_ja = japanese_font_available()
    fig = Figure(figsize=(7, 4))
    ax = fig.add_subplot()
    xs = [p.fiscal_year.year for p in trajectory.points]
    ys = [p.value for p in trajectory.points]
    ax.plot(xs, ys, color="#2166ac", marker="o", linewidth=1.2, label="observed")
    for p in trajectory.points:
        if p.baseline:
            ax.plot(
                [p.fiscal_year.year],
                [p.value],
                marker="o",
                color="white",
                markeredgecolor="#2166ac",
                markersize=8,
                label="baseline",
            )
    if trajectory.pace is not None and trajectory.projected is not None and xs:
        end = trajectory.target_fy.year
        start = min(xs)
        at_start = trajectory.projected - trajectory.pace * (end - start)
        ax.plot(
            [start, end],
            [at_start, trajectory.projected],
            linestyle="--",
            color="#999999",
            label=f"pace {trajectory.pace:,.4g}/year",
        )
    if trajectory.target is not None:
        ax.plot(
            [trajectory.target_fy.year],
            [trajectory.target],
            marker="*",
            markersize=12,
            color="#d73027",
            linestyle="none",
            label="target",
        )
    ax.set_xlabel("年度" if use_ja else "fiscal year")
    name = f"{indicator.id} {indicator.name[:30]}" if use_ja else indicator.id
    ax.set_title(name, fontsize=10)
    ax.legend(fontsize=8, frameon=False)
    fig.tight_layout()
    return fig
