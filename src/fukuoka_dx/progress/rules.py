"""The rules: one observation against one target gives an achievement rate (達成率) and a status.

The rules are set out in the documentation's progress methodology page. For a numeric target
``t``, baseline ``b`` and observed value ``a`` the achievement rate is ``(a - b) / (t - b)``;
the expected share at the observation's fiscal year is
``(observed_fy - baseline_fy) / (target_fy - baseline_fy)`` clipped to 0..1, and the
progress ratio ``R = achievement / expected`` sets the status.

>>> from fukuoka_dx import load_plan
>>> plan = load_plan()
>>> ind = plan.indicator("2-3-2.1")  # 3,302 → 1,000 by 令和8年度 (a decreasing indicator)
>>> r = evaluate(ind, Observation("2-3-2.1", "R6", Figure(2151)), TargetColumn.FINAL)
>>> r.achievement, r.expected, r.status
(0.5, 0.5, <Status.ON_TRACK: 'on_track'>)
"""

from __future__ import annotations

import datetime as _dt
import enum
import math
from typing import Any, Final

import attrs

from fukuoka_dx.errors import InputTypeError, InvalidValueError
from fukuoka_dx.fiscal_calendar import FiscalYear, as_fiscal_year
from fukuoka_dx.model import Indicator, Plan, TargetColumn
from fukuoka_dx.observations.values import (
    CompositeValue,
    Figure,
    Observation,
    ObservedValue,
    RelativeChange,
    Stage,
    check_value,
    value_text,
)
from fukuoka_dx.progress.reasons import Reason
from fukuoka_dx.progress.reasons import ReasonCode as C
from fukuoka_dx.progress.trajectory import Trajectory, numeric_baseline
from fukuoka_dx.targets import (
    CompositeTarget,
    Direction,
    DirectionTarget,
    MaintainTarget,
    MilestoneTarget,
    NumberTarget,
    RangeTarget,
    RelativeTarget,
    Target,
    TargetKind,
)

__all__ = [
    "ASSESSABLE_KINDS",
    "PROGRESS_COLUMNS",
    "IndicatorProgress",
    "Status",
    "Thresholds",
    "assessable_indicators",
    "default_column",
    "desired_sense",
    "evaluate",
    "evaluate_checked",
    "expected_share",
    "judged_columns",
    "numeric_baseline",
]

#: The target kinds that progress can judge (a figure, a rule, or stages); the others
#: (pending, qualitative, none, missing, carry-forward) are ``not_assessable``.
ASSESSABLE_KINDS: Final = frozenset(
    {
        TargetKind.NUMBER,
        TargetKind.RELATIVE,
        TargetKind.DIRECTION,
        TargetKind.MAINTAIN,
        TargetKind.RANGE,
        TargetKind.COMPOSITE,
        TargetKind.MILESTONE,
    }
)

PROGRESS_COLUMNS: Final = (
    "indicator_id",
    "target",
    "target_fy",
    "observed_fy",
    "observed_value",
    "achievement",
    "expected",
    "status",
)


class Status(enum.StrEnum):
    """The status vocabulary, from best to no information."""

    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    NEEDS_ACCELERATION = "needs_acceleration"
    LIMITED_PROGRESS = "limited_progress"
    DETERIORATION = "deterioration"
    NOT_ASSESSABLE = "not_assessable"
    NO_DATA = "no_data"


def _ratio(_instance: object, attribute: attrs.Attribute[float], value: object) -> None:
    """A threshold: a finite number from 0 to 1, a ratio (0.95), never a percentage (95)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputTypeError(f"threshold {attribute.name} is a number, got {value!r}")
    if not math.isfinite(value):
        raise InvalidValueError(f"threshold {attribute.name} must be finite, got {value!r}")
    if not 0 <= value <= 1:
        hint = f": a ratio, {value / 100:g} for {value:g} %" if 1 < value <= 100 else ""
        raise InvalidValueError(
            f"threshold {attribute.name} is a progress ratio from 0 to 1, got {value:g}{hint}"
        )


@attrs.frozen
class Thresholds:
    """The bands on the progress ratio ``R`` (ESCAP/open-sdg practice): 0.95 and 0.6. Each
    is a ratio from 0 to 1 (0.95, not 95)."""

    on_track: float = attrs.field(default=0.95, validator=_ratio)
    needs_acceleration: float = attrs.field(default=0.6, validator=_ratio)

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.needs_acceleration <= self.on_track:
            raise InvalidValueError(
                f"thresholds must satisfy 0 <= needs_acceleration ({self.needs_acceleration}) "
                f"<= on_track ({self.on_track})"
            )

    def status(self, ratio: float) -> Status:
        if ratio >= self.on_track:
            return Status.ON_TRACK
        if ratio >= self.needs_acceleration:
            return Status.NEEDS_ACCELERATION
        if ratio >= 0:
            return Status.LIMITED_PROGRESS
        return Status.DETERIORATION


@attrs.frozen
class IndicatorProgress:
    """Where one indicator stands: the target used, the observation, the rate and status."""

    indicator_id: str
    target: TargetColumn
    target_fy: FiscalYear
    observation: Observation | None
    achievement: float | None
    """達成率 as a fraction (1.0 = target reached); not clipped; ``None`` where undefined."""
    expected: float | None
    """The expected share of the way at the observation's fiscal year (0..1)."""
    status: Status
    reason: Reason | None = None
    """Why a status is ``not_assessable`` or ``no_data``, or how ``achieved`` was judged
    (a code and its parameters; ``str(reason)`` is its English words)."""
    borrowed_from: str | None = None
    """For an indicator of a re-post (再掲): the original's indicator whose observation is used."""
    trajectory: Trajectory | None = None
    """The indicator's points over time, pace and projection (set by ``assess``)."""
    grade: str | None = None
    """The grade of the assessment's evaluation scheme (set by ``assess``)."""
    history: tuple[Observation, ...] = ()
    """The observations up to the as-of date, one per fiscal year (the latest date within a
    year), oldest first: each year's figure, with its source and note (set by ``assess``)."""

    @property
    def ratio(self) -> float | None:
        """The progress ratio ``R = achievement / expected``, where both are defined."""
        if self.achievement is None or not self.expected:
            return None
        return self.achievement / self.expected

    def row(self) -> dict[str, Any]:
        """A plain row with :data:`PROGRESS_COLUMNS` (the CSV of ``fukuoka-dx progress``)."""
        o = self.observation
        return {
            "indicator_id": self.indicator_id,
            "target": self.target.value,
            "target_fy": self.target_fy.year,
            "observed_fy": o.fiscal_year.year if o else None,
            "observed_value": value_text(o.value) if o else None,
            "achievement": self.achievement,
            "expected": self.expected,
            "status": self.status.value,
        }


def default_column(indicator: Indicator, as_of: _dt.date) -> TargetColumn:
    """The target an indicator is assessed against on ``as_of``: its mid-term target until
    the end of its mid-term fiscal year (31 March 2025 for 令和6年度), its final one after."""
    return TargetColumn.MIDTERM if as_of <= indicator.midterm_fy.end else TargetColumn.FINAL


def judged_columns(indicator: Indicator, fy: FiscalYear) -> tuple[TargetColumn, ...]:
    """The targets a figure of ``fy`` may be judged against by default: an assessment uses
    the figure from any as-of date in ``fy`` on, and so the mid-term target while it is in
    force at some of those dates (until the end of the mid-term fiscal year), and the final
    target always (after that)."""
    if fy.start <= indicator.midterm_fy.end:
        return (TargetColumn.MIDTERM, TargetColumn.FINAL)
    return (TargetColumn.FINAL,)


def assessable_indicators(
    plan: Plan, fy: FiscalYear | int | str, column: TargetColumn | str | None = None
) -> tuple[Indicator, ...]:
    """The indicators that can be assessed from a figure of ``fy``: those with a target of a
    kind progress can judge among the ``column`` named, or, without one, among the targets
    an assessment may judge a figure of ``fy`` against (:func:`judged_columns`: a figure of
    令和6年度 assessed in June 2025 meets the final target). The templates (CSV and
    workbook) have a row for each, so that every figure ``progress`` can judge has a row."""
    year = as_fiscal_year(fy)
    named = TargetColumn(column) if column is not None else None
    return tuple(
        ind
        for ind in plan.indicators
        if any(
            ind.target(c).kind in ASSESSABLE_KINDS
            for c in ((named,) if named else judged_columns(ind, year))
        )
    )


def expected_share(
    observed_fy: FiscalYear, baseline_fy: FiscalYear, target_fy: FiscalYear
) -> float:
    """``(observed − baseline) / (target − baseline)`` in fiscal years, clipped to 0..1."""
    span = target_fy.year - baseline_fy.year
    if span <= 0:
        raise InvalidValueError(
            f"target year {target_fy} is not after the baseline year {baseline_fy}"
        )
    return min(1.0, max(0.0, (observed_fy.year - baseline_fy.year) / span))


@attrs.frozen
class _Judgement:
    achievement: float | None
    met: bool | None
    status: Status | None = None  # set for rule-only targets
    reason: Reason | None = None
    holds_level: bool = False  # a level to hold (target == baseline): all of it is due at once


def desired_sense(ind: Indicator, t: float, b: float | None) -> Direction:
    """The direction in which the target lies: the desired one, or from target vs baseline."""
    if ind.direction in (Direction.INCREASE, Direction.DECREASE):
        return ind.direction
    if b is not None and t != b:
        return Direction.INCREASE if t > b else Direction.DECREASE
    return Direction.INCREASE


def _met(a: float, t: float, sense: Direction) -> bool:
    return a <= t if sense is Direction.DECREASE else a >= t


def _judge_number(ind: Indicator, t: float, value: ObservedValue) -> _Judgement:
    if not isinstance(value, Figure):
        return _Judgement(None, None, Status.NOT_ASSESSABLE, Reason.of(C.NEEDS_FIGURE))
    a = value.value
    b = numeric_baseline(ind)
    sense = desired_sense(ind, t, b)
    met = _met(a, t, sense)
    if b is None:
        if sense is Direction.DECREASE or t == 0:
            return _Judgement(None, met, reason=Reason.of(C.NO_BASELINE_FOR_DECREASE))
        return _Judgement(a / t, met)
    if t == b:
        if met:
            return _Judgement(1.0, True, holds_level=True)
        if sense is Direction.DECREASE or t == 0:
            return _Judgement(None, False, reason=Reason.of(C.LEVEL_NOT_HELD))
        return _Judgement(a / t, False, holds_level=True)
    if (t > b) != (sense is Direction.INCREASE):
        # a ceiling or floor: the plan lets the figure move against the desired direction
        status = Status.ACHIEVED if met else Status.DETERIORATION
        return _Judgement(None, met, status, Reason.of(C.CEILING_OR_FLOOR))
    return _Judgement((a - b) / (t - b), met)


def _judge_relative(ind: Indicator, target: RelativeTarget, value: ObservedValue) -> _Judgement:
    if isinstance(value, RelativeChange):
        change = value.percent
    elif isinstance(value, Figure):
        b = numeric_baseline(ind)
        if b is None or b == 0:
            return _Judgement(None, None, Status.NOT_ASSESSABLE, Reason.of(C.NEEDS_CHANGE))
        change = (value.value - b) / b * 100
    else:
        return _Judgement(None, None, Status.NOT_ASSESSABLE, Reason.of(C.NEEDS_RELATIVE))
    p = target.percent
    met = change <= p if p < 0 else change >= p
    return _Judgement(change / p if p else None, met)


def _judge_composite(ind: Indicator, target: CompositeTarget, value: ObservedValue) -> _Judgement:
    if not isinstance(value, CompositeValue):
        return _Judgement(None, None, Status.NOT_ASSESSABLE, Reason.of(C.NEEDS_PARTS))
    observed = {p.label: p.value for p in value.parts}
    rates: list[float] = []
    met = True
    for part in target.parts:
        if part.label not in observed:
            return _Judgement(
                None, None, Status.NOT_ASSESSABLE, Reason.of(C.PART_MISSING, part=part.label)
            )
        a = observed[part.label]
        met = met and a >= part.value
        if part.value == 0:
            return _Judgement(None, met, reason=Reason.of(C.PART_ZERO_TARGET, part=part.label))
        rates.append(a / part.value)
    return _Judgement(min(rates), met)


def _judge_milestone(ind: Indicator, target: MilestoneTarget, value: ObservedValue) -> _Judgement:
    if not isinstance(value, Stage):
        return _Judgement(None, None, Status.NOT_ASSESSABLE, Reason.of(C.NEEDS_STAGE))
    stages = ind.stages
    if value.text not in stages:
        return _Judgement(
            None, None, Status.NOT_ASSESSABLE, Reason.of(C.UNKNOWN_STAGE, stage=value.text)
        )
    got, want = stages.index(value.text), stages.index(target.text)
    start = stages.index(ind.baseline.text) if isinstance(ind.baseline, MilestoneTarget) else -1
    if want == start:
        return _Judgement(1.0 if got >= want else None, got >= want)
    return _Judgement((got - start) / (want - start), got >= want)


def _judge_rule(ind: Indicator, target: Target, value: ObservedValue) -> _Judgement:
    if not isinstance(value, Figure):
        return _Judgement(None, None, Status.NOT_ASSESSABLE, Reason.of(C.RULE_NEEDS_FIGURE))
    a = value.value
    if isinstance(target, RangeTarget):
        met = target.low <= a <= target.high
        if met:
            return _Judgement(None, True, Status.ACHIEVED, Reason.of(C.WITHIN_RANGE))
        base = ind.baseline
        # outside the band: moved away when the baseline was inside it (or was the band)
        was_in = isinstance(base, RangeTarget) or (
            isinstance(base, NumberTarget) and target.low <= base.value <= target.high
        )
        status = Status.DETERIORATION if was_in else Status.LIMITED_PROGRESS
        return _Judgement(None, False, status, Reason.of(C.OUTSIDE_RANGE))
    b = numeric_baseline(ind)
    if b is None:
        return _Judgement(None, None, Status.NOT_ASSESSABLE, Reason.of(C.NO_BASELINE_TO_COMPARE))
    if isinstance(target, MaintainTarget):
        sense = ind.direction if ind.direction is Direction.DECREASE else Direction.INCREASE
        met = _met(a, b, sense)
        if met:
            return _Judgement(None, True, Status.ACHIEVED, Reason.of(C.BASELINE_KEPT))
        return _Judgement(None, False, Status.DETERIORATION, Reason.of(C.BELOW_BASELINE))
    assert isinstance(target, DirectionTarget)
    if a == b:
        return _Judgement(None, False, Status.LIMITED_PROGRESS, Reason.of(C.EQUAL_TO_BASELINE))
    met = (a > b) == (target.direction is Direction.INCREASE)
    if met:
        return _Judgement(None, True, Status.ACHIEVED, Reason.of(C.MOVED_DESIRED_WAY))
    return _Judgement(None, False, Status.DETERIORATION, Reason.of(C.MOVED_AWAY))


def _judge(ind: Indicator, target: Target, value: ObservedValue) -> _Judgement:
    if isinstance(target, NumberTarget):
        return _judge_number(ind, target.value, value)
    if isinstance(target, RelativeTarget):
        return _judge_relative(ind, target, value)
    if isinstance(target, CompositeTarget):
        return _judge_composite(ind, target, value)
    if isinstance(target, MilestoneTarget):
        return _judge_milestone(ind, target, value)
    if isinstance(target, DirectionTarget | MaintainTarget | RangeTarget):
        return _judge_rule(ind, target, value)
    return _Judgement(
        None, None, Status.NOT_ASSESSABLE, Reason.of(C.NOTHING_TO_TEST, kind=target.kind.value)
    )


def evaluate(
    indicator: Indicator,
    observation: Observation | None,
    column: TargetColumn | str,
    thresholds: Thresholds = Thresholds(),
) -> IndicatorProgress:
    """Judge one indicator against one target column from one observation (or none). The
    observation's value is checked as reading checks it
    (:func:`~fukuoka_dx.observations.values.check_value`): one the indicator does not take
    is an :class:`~fukuoka_dx.errors.InvalidValueError`, never judged."""
    column = TargetColumn(column)
    if column is TargetColumn.BASELINE:
        raise InvalidValueError("progress is measured against the midterm or final target")
    target_fy = indicator.fiscal_year(column)
    if observation is None:
        return IndicatorProgress(
            indicator.id,
            column,
            target_fy,
            None,
            None,
            None,
            Status.NO_DATA,
            Reason.of(C.NO_OBSERVATION),
        )
    if observation.indicator_id != indicator.id:
        raise InvalidValueError(
            f"observation of {observation.indicator_id} given for {indicator.id}"
        )
    check_value(observation.value, indicator)  # as reading does: 120 % is no achievement
    return evaluate_checked(indicator, observation, column, thresholds)


def evaluate_checked(
    indicator: Indicator,
    observation: Observation,
    column: TargetColumn,
    thresholds: Thresholds,
) -> IndicatorProgress:
    """:func:`evaluate` of an observation of ``indicator`` already checked against it (by
    :func:`~fukuoka_dx.observations.checks.check_observations`, as ``assess`` checks every
    observation once), against a midterm or final ``column``."""
    if column is TargetColumn.BASELINE:
        raise InvalidValueError("progress is measured against the midterm or final target")
    target = indicator.target(column)
    target_fy = indicator.fiscal_year(column)
    expected = expected_share(observation.fiscal_year, indicator.baseline_fy, target_fy)
    j = _judge(indicator, target, observation.value)
    if j.holds_level:  # no gradual path to a level that is to be held throughout
        expected = 1.0
    achievement = j.achievement
    if achievement is not None and not math.isfinite(achievement):
        achievement = None
    reason: Reason | None
    if j.met:
        status, reason = Status.ACHIEVED, j.reason or Reason.of(C.TARGET_MET)
    elif j.status is not None:
        status, reason = j.status, j.reason
    elif achievement is None:
        status, reason = Status.NOT_ASSESSABLE, j.reason or Reason.of(C.RATE_UNDEFINED)
    elif expected == 0:
        obs_fy = observation.fiscal_year
        code = (
            C.OBSERVED_IN_BASELINE_YEAR
            if obs_fy == indicator.baseline_fy
            else C.OBSERVED_BEFORE_BASELINE_YEAR
        )
        status = Status.NOT_ASSESSABLE
        reason = Reason.of(code, observed_fy=obs_fy, baseline_fy=indicator.baseline_fy)
    else:
        status, reason = thresholds.status(achievement / expected), None
    return IndicatorProgress(
        indicator.id, column, target_fy, observation, achievement, expected, status, reason
    )
