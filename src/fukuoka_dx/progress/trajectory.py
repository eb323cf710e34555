"""Progress over time: an indicator's points, the pace kept, and where that pace leads.

The points are the numeric baseline (if the plan gives a comparable one) and one observed
figure per fiscal year (within a year the latest as-of date wins). The pace is the
least-squares slope of value on fiscal year; the projection is that line's value at the
target's fiscal year; the required pace is what is still needed per year from the latest
figure. Where a value cannot be computed it is absent, with the reason, never guessed.

>>> from fukuoka_dx import load_plan
>>> from fukuoka_dx.observations import Observation
>>> ind = load_plan().indicator("1-1-3.1")  # 5,739 in FY2022 → 25,000 in FY2026
>>> t = trajectory(ind, [Observation("1-1-3.1", 2023, 10000), Observation("1-1-3.1", 2024, 15000)],
...                target_fy=ind.final_fy, target=25000.0, increasing=True)
>>> [(p.fiscal_year.year, p.value, p.change) for p in t.points]
[(2022, 5739.0, None), (2023, 10000.0, 4261.0), (2024, 15000.0, 5000.0)]
>>> t.pace, round(t.projected, 1), t.required_pace, t.on_course
(4630.5, 24137.8, 5000.0, False)
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from fukuoka_dx.fiscal_calendar import FiscalYear
from fukuoka_dx.model import Indicator
from fukuoka_dx.observations.values import Figure, Observation
from fukuoka_dx.progress.reasons import Reason
from fukuoka_dx.progress.reasons import ReasonCode as C
from fukuoka_dx.targets import NumberTarget

__all__ = ["Point", "Trajectory", "least_squares", "numeric_baseline", "trajectory"]


@attrs.frozen
class Point:
    """One point of a trajectory: a fiscal year's figure, and the change from the point
    before (``None`` for the first). ``baseline`` marks the plan's baseline."""

    fiscal_year: FiscalYear
    value: float
    change: float | None = None
    baseline: bool = False


@attrs.frozen
class Trajectory:
    """An indicator's points over time and what they say of the target.

    ``pace`` is units per year; ``projected`` the value at ``target_fy`` along the
    least-squares line; ``required_pace`` what is still needed per year from the latest
    point; ``on_course`` whether the projection meets the target in the desired direction.
    Each is ``None`` where it cannot be computed, and ``reasons`` say why.
    """

    indicator_id: str
    points: tuple[Point, ...]
    target_fy: FiscalYear
    target: float | None
    pace: float | None
    projected: float | None
    required_pace: float | None
    on_course: bool | None
    reasons: tuple[Reason, ...] = ()


def least_squares(points: Iterable[tuple[float, float]]) -> tuple[float, float] | None:
    """The slope and the mean point's x of the least-squares line through ``(x, y)`` points;
    ``None`` with fewer than two distinct x. Written as ``(slope, intercept at x = 0)``."""
    pts = list(points)
    if len({x for x, _ in pts}) < 2:
        return None
    n = len(pts)
    mx = sum(x for x, _ in pts) / n
    my = sum(y for _, y in pts) / n
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    sxy = sum((x - mx) * (y - my) for x, y in pts)
    slope = sxy / sxx
    return slope, my - slope * mx


def _figures_by_year(observations: Iterable[Observation]) -> dict[FiscalYear, float]:
    """One figure per fiscal year: the one with the latest date (as-of date, or year end)."""
    best: dict[FiscalYear, Observation] = {}
    for o in observations:
        if not isinstance(o.value, Figure):
            continue
        held = best.get(o.fiscal_year)
        if held is None or o.date > held.date:
            best[o.fiscal_year] = o
    return {fy: o.value.value for fy, o in best.items() if isinstance(o.value, Figure)}


def numeric_baseline(ind: Indicator) -> float | None:
    """The baseline figure progress is measured from: the plan's, when it is a figure and
    comparable with the observations."""
    b = ind.baseline
    if ind.baseline_comparable and isinstance(b, NumberTarget):
        return b.value
    return None


def trajectory(
    indicator: Indicator,
    observations: Iterable[Observation],
    *,
    target_fy: FiscalYear,
    target: float | None,
    increasing: bool | None,
    baseline: float | None = None,
) -> Trajectory:
    """The trajectory of ``indicator`` from its observations (already those up to the
    as-of date), towards ``target`` (a figure, or ``None``) in ``target_fy``.

    ``increasing`` is the desired direction (``None`` when it cannot be told); ``baseline``
    the comparable baseline figure, which defaults to the plan's when it is a figure.
    """
    if baseline is None:
        baseline = numeric_baseline(indicator)
    reasons: list[Reason] = []
    given = list(observations)
    by_year = _figures_by_year(given)
    if given and not by_year:
        reasons.append(Reason.of(C.NOT_FIGURES))
    # (year, 0 for the baseline so that it comes first in its year, value)
    raw = [(fy, 1, value) for fy, value in by_year.items()]
    if baseline is not None:
        raw.append((indicator.baseline_fy, 0, baseline))
    else:
        reasons.append(Reason.of(C.NO_BASELINE))
    points: list[Point] = []
    for fy, order, value in sorted(raw, key=lambda r: (r[0], r[1])):
        change = value - points[-1].value if points else None
        points.append(Point(fy, value, change, baseline=order == 0))
    line = least_squares((p.fiscal_year.year, p.value) for p in points)
    pace = projected = None
    if line is None:
        reasons.append(Reason.of(C.TOO_FEW_POINTS, points=len(points)))
    else:
        pace, intercept = line
        projected = intercept + pace * target_fy.year
    required = None
    latest = points[-1] if points else None
    if target is None:
        reasons.append(Reason.of(C.TARGET_NOT_FIGURE))
    elif latest is not None and latest.fiscal_year >= target_fy:
        reasons.append(Reason.of(C.LATEST_IN_TARGET_YEAR, target_fy=target_fy))
    elif latest is not None:
        required = (target - latest.value) / (target_fy.year - latest.fiscal_year.year)
    on_course = None
    if projected is not None and target is not None and increasing is not None:
        on_course = projected >= target if increasing else projected <= target
    elif projected is not None and target is not None:
        reasons.append(Reason.of(C.DIRECTION_UNKNOWN))
    return Trajectory(
        indicator.id,
        tuple(points),
        target_fy,
        target,
        pace,
        projected,
        required,
        on_course,
        tuple(reasons),
    )
