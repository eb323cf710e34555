"""A reporting round assessed: the indicators' progress from its figures, the schedule's from
its activity reports, and its tracker, side by side, with the bureaus' words kept in the
round itself.

>>> from fukuoka_dx import load_plan
>>> from fukuoka_dx.observations import Observation
>>> from fukuoka_dx.observations.reports import ActivityReport
>>> from fukuoka_dx.observations.round import Provenance, ReportingRound
>>> plan = load_plan()
>>> round_ = ReportingRound(
...     plan.edition, plan.digest, "R7", "2026-03-31",
...     observations=(Observation("1-1-3.1", "R7", 19200),),
...     activity_reports=(ActivityReport("1-1-3", "R7", "as_planned"),),
...     provenance=(
...         Provenance("observation", "1-1-3.1", "R7", "市民局.xlsx", "指標", 5),
...         Provenance("activity", "1-1-3", "R7", "市民局.xlsx", "工程", 4),
...     ),
... )
>>> progress = assess_round(plan, round_)
>>> progress.assessment.result("1-1-3.1").status.value, progress.schedule.overall.reported
('needs_acceleration', 1)
"""

from __future__ import annotations

import datetime as _dt

import attrs

from fukuoka_dx.errors import InvalidValueError
from fukuoka_dx.model import Plan, TargetColumn
from fukuoka_dx.observations.round import ReportingRound
from fukuoka_dx.observations.tracker import Tracker, track
from fukuoka_dx.progress.activities import ScheduleProgress, assess_schedule
from fukuoka_dx.progress.assessment import DEFAULT_THRESHOLDS, Assessment, assess
from fukuoka_dx.progress.rules import Thresholds
from fukuoka_dx.progress.schemes import STANDARD, Scheme

__all__ = ["RoundProgress", "assess_round"]


@attrs.frozen
class RoundProgress:
    """A round assessed: ``assessment`` (the indicators, from the round's figures),
    ``schedule`` (the initiatives, from its activity reports), ``tracker`` (who has returned
    what) and the ``round`` itself, with the bureaus' words."""

    round: ReportingRound
    assessment: Assessment
    schedule: ScheduleProgress
    tracker: Tracker


def assess_round(
    plan: Plan,
    round_: ReportingRound,
    *,
    as_of: _dt.date | str | None = None,
    target: TargetColumn | str | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    scheme: Scheme | str = STANDARD,
) -> RoundProgress:
    """Assess a round against ``plan`` (the plan it was collected against): its figures as
    :func:`~fukuoka_dx.progress.assessment.assess` does, as of ``as_of`` (default: the
    round's own as-of date), its activity reports by
    :func:`~fukuoka_dx.progress.activities.assess_schedule` for the round's fiscal year."""
    if round_.digest != plan.digest:
        raise InvalidValueError(
            f"the round was collected against edition {round_.edition} with digest "
            f"{round_.digest[:12]}, not this plan ({plan.edition}, {plan.digest[:12]})"
        )
    assessment = assess(
        plan,
        round_.observations,
        as_of=as_of or round_.as_of,
        target=target,
        thresholds=thresholds,
        scheme=scheme,
    )
    schedule = assess_schedule(plan, round_.activity_reports, round_.fiscal_year)
    return RoundProgress(round_, assessment, schedule, track(plan, round_))
