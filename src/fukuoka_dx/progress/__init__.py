"""Progress: from observed figures to achievement rates (達成率), statuses, trajectories and
grades.

Seven modules, each importing only those before it:
:mod:`~fukuoka_dx.progress.reasons` holds why a rule judged as it did, as a code and its
parameters;
:mod:`~fukuoka_dx.progress.trajectory` follows an indicator over the years;
:mod:`~fukuoka_dx.progress.rules` judges one observation against one target;
:mod:`~fukuoka_dx.progress.schemes` turns results into the grades of an evaluation scheme;
:mod:`~fukuoka_dx.progress.assessment` assesses the whole plan as of a date, and
:mod:`~fukuoka_dx.progress.activities` the schedule's progress in a year from the bureaus'
reports; :mod:`~fukuoka_dx.progress.rounds` assesses a reporting round with both. The names
here are those modules' public ones.
"""

from fukuoka_dx.progress.activities import (
    ActivityProgress,
    ScheduleProgress,
    ScheduleRollUp,
    assess_schedule,
)
from fukuoka_dx.progress.assessment import Assessment, Exclusion, RollUp, assess
from fukuoka_dx.progress.reasons import Reason, ReasonCode
from fukuoka_dx.progress.rounds import RoundProgress, assess_round
from fukuoka_dx.progress.rules import (
    ASSESSABLE_KINDS,
    PROGRESS_COLUMNS,
    IndicatorProgress,
    Status,
    Thresholds,
    assessable_indicators,
    default_column,
    evaluate,
    expected_share,
)
from fukuoka_dx.progress.schemes import (
    ABCD,
    BASELINE,
    SCHEMES,
    STANDARD,
    Band,
    Scheme,
    SchemeKind,
    read_scheme,
)
from fukuoka_dx.progress.trajectory import Point, Trajectory, trajectory

__all__ = [
    "ABCD",
    "ASSESSABLE_KINDS",
    "BASELINE",
    "PROGRESS_COLUMNS",
    "SCHEMES",
    "STANDARD",
    "ActivityProgress",
    "Assessment",
    "Band",
    "Exclusion",
    "IndicatorProgress",
    "Point",
    "Reason",
    "ReasonCode",
    "RollUp",
    "RoundProgress",
    "ScheduleProgress",
    "ScheduleRollUp",
    "Scheme",
    "SchemeKind",
    "Status",
    "Thresholds",
    "Trajectory",
    "assess",
    "assess_round",
    "assess_schedule",
    "assessable_indicators",
    "default_column",
    "evaluate",
    "expected_share",
    "read_scheme",
    "trajectory",
]
