"""The geometry of the report's small SVG charts, as numbers' text for the templates: an
indicator's trajectory on an axis of fiscal years (its points, the target line, the
projection), and a pillar's counts per status as bars.

Every attribute is a number written here; the words (labels, titles) come from the caller.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Final

import attrs

from fukuoka_dx.fiscal_calendar import FiscalYear
from fukuoka_dx.progress import Trajectory

__all__ = ["Bar", "BarChart", "Mark", "MiniChart", "Tick", "bar_chart", "coord", "mini_chart"]


def coord(value: float) -> str:
    """A coordinate for SVG: one decimal, never ``-0.0``."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


@attrs.frozen
class Mark:
    """One point of a trajectory, in SVG coordinates; ``baseline`` is drawn hollow."""

    x: str
    y: str
    baseline: bool


@attrs.frozen
class Tick:
    """A labelled tick of an axis: where it is (``at``) and its text."""

    at: str
    text: str
    text_at: str = ""


@attrs.frozen
class MiniChart:
    """A small chart of one indicator over the years, every attribute a number's text.

    ``line`` joins the points; ``projection`` is the least-squares line to the target's
    year and ``target_line`` the target's level across the plot, ``star`` the target in its
    year (empty strings where there is none). ``label`` says it all in words.
    """

    width: int
    height: int
    left: str
    right: str
    top: str
    bottom: str
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    line: str
    marks: tuple[Mark, ...]
    projection: str
    target_line: str
    target_y: str
    star: str
    label: str


_W: Final = 300
_H: Final = 150
_LEFT: Final = 52.0
_RIGHT: Final = 12.0
_TOP: Final = 10.0
_BOTTOM: Final = 34.0


def _star(cx: float, cy: float, outer: float = 6.0, inner: float = 2.5) -> str:
    points = []
    for k in range(10):
        r = outer if k % 2 == 0 else inner
        angle = -math.pi / 2 + k * math.pi / 5
        points.append(f"{coord(cx + r * math.cos(angle))},{coord(cy + r * math.sin(angle))}")
    return " ".join(points)


def _nice_range(low: float, high: float) -> tuple[float, float]:
    """The value range of a plot: the values' own, a little wider, never empty."""
    if low == high:
        pad = abs(low) * 0.1 or 1.0
        return low - pad, high + pad
    pad = (high - low) * 0.08
    return low - pad, high + pad


def mini_chart(
    trajectory: Trajectory,
    first: FiscalYear,
    last: FiscalYear,
    *,
    year_label: Callable[[FiscalYear], str],
    value_label: Callable[[float], str],
    label: str,
) -> MiniChart | None:
    """The chart of ``trajectory`` on fiscal years ``first``..``last`` (widened to its
    points and target year): the points, the target's level as a line and its year as a
    star, and the projection from the first point's year to the target's. ``year_label``
    and ``value_label`` word a tick (of a fiscal year, of a figure); ``None`` without a
    point to draw."""
    points = trajectory.points
    if not points:
        return None
    years = [p.fiscal_year.year for p in points] + [first.year, last.year]
    target = trajectory.target if trajectory.target is not None else None
    if target is not None and not math.isfinite(target):
        target = None
    years.append(trajectory.target_fy.year)
    x0, x1 = min(years), max(years)
    values = [p.value for p in points]
    if target is not None:
        values.append(target)
    projection_ends: tuple[tuple[int, float], tuple[int, float]] | None = None
    if trajectory.pace is not None and trajectory.projected is not None:
        start = points[0].fiscal_year.year
        end = trajectory.target_fy.year
        at_start = trajectory.projected - trajectory.pace * (end - start)
        if math.isfinite(at_start) and math.isfinite(trajectory.projected):
            projection_ends = ((start, at_start), (end, trajectory.projected))
            values += [at_start, trajectory.projected]
    y0, y1 = _nice_range(min(values), max(values))
    plot_w = _W - _LEFT - _RIGHT
    plot_h = _H - _TOP - _BOTTOM

    def x(year: int) -> float:
        if x0 == x1:
            return _LEFT + plot_w / 2
        return _LEFT + 8 + (year - x0) / (x1 - x0) * (plot_w - 16)

    def y(value: float) -> float:
        return _TOP + plot_h - (value - y0) / (y1 - y0) * plot_h

    xy = [(x(p.fiscal_year.year), y(p.value)) for p in points]
    line = " ".join(f"{coord(a)},{coord(b)}" for a, b in xy) if len(xy) > 1 else ""
    marks = tuple(
        Mark(coord(a), coord(b), p.baseline) for (a, b), p in zip(xy, points, strict=True)
    )
    projection = ""
    if projection_ends is not None:
        (sx, sy), (ex, ey) = projection_ends
        projection = f"{coord(x(sx))},{coord(y(sy))} {coord(x(ex))},{coord(y(ey))}"
    target_line = star = target_y = ""
    if target is not None:
        ty = y(target)
        target_y = coord(ty)
        target_line = f"{coord(_LEFT)},{coord(ty)} {coord(_W - _RIGHT)},{coord(ty)}"
        star = _star(x(trajectory.target_fy.year), ty)
    x_ticks = tuple(
        Tick(coord(x(year)), year_label(FiscalYear(year)), coord(_H - _BOTTOM + 14))
        for year in range(x0, x1 + 1)
    )
    shown = sorted({min(p.value for p in points), max(p.value for p in points)})
    if target is not None:
        shown = sorted({*shown, target})
    y_ticks = tuple(Tick(coord(y(v)), value_label(v), coord(_LEFT - 4)) for v in shown)
    return MiniChart(
        width=_W,
        height=_H,
        left=coord(_LEFT),
        right=coord(_W - _RIGHT),
        top=coord(_TOP),
        bottom=coord(_TOP + plot_h),
        x_ticks=x_ticks,
        y_ticks=_spread(y_ticks),
        line=line,
        marks=marks,
        projection=projection,
        target_line=target_line,
        target_y=target_y,
        star=star,
        label=label,
    )


def _spread(ticks: Sequence[Tick], gap: float = 11.0) -> tuple[Tick, ...]:
    """Value ticks whose labels would overlap, thinned: the first of two close ones stays."""
    kept: list[Tick] = []
    for t in sorted(ticks, key=lambda t: -float(t.at)):
        if all(abs(float(t.at) - float(k.at)) >= gap for k in kept):
            kept.append(t)
    return tuple(kept)


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


def bar_chart(
    chart_id: str,
    rows: Sequence[tuple[str, str, str, int, str]],
    label: str,
    *,
    label_width: int,
) -> BarChart:
    """A bar per row ``(status code, label, symbol, count, fill)``, the longest for the
    largest count."""
    top = max((n for *_, n, _ in rows), default=0) or 1
    bars = []
    for k, (status, text, symbol, n, fill) in enumerate(rows):
        row_y = 4 + k * _BAR_ROW
        width = 0.0 if n == 0 else max(2.0, n / top * _BAR_MAX)
        bars.append(
            Bar(
                status=status,
                label=text,
                symbol=symbol,
                count=n,
                y=coord(row_y),
                text_y=coord(row_y + _BAR_H - 2),
                width=coord(width),
                count_x=coord(label_width + width + 4),
                fill=fill,
            )
        )
    height = 8 + len(bars) * _BAR_ROW
    width = label_width + _BAR_MAX + 36
    return BarChart(chart_id, width, height, label_width, _BAR_H, tuple(bars), label)
