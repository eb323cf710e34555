"""Observed figures (実績) and what the bureaus report beside them: the values
(:mod:`~fukuoka_dx.observations.values`), the activity reports and narratives
(:mod:`~fukuoka_dx.observations.reports`), the reporting round that holds them all
(:mod:`~fukuoka_dx.observations.round`), the checks against the plan every way in goes
through (:mod:`~fukuoka_dx.observations.checks`, :mod:`~fukuoka_dx.observations.report_checks`),
a round's tracker (:mod:`~fukuoka_dx.observations.tracker`), the rows of any file form read
against the plan (:mod:`~fukuoka_dx.observations.rows`), a round's JSON file
(:mod:`~fukuoka_dx.observations.round_json`), the files that carry observations: Excel
workbooks (:mod:`~fukuoka_dx.observations.spreadsheet`), CSV and JSON
(:mod:`~fukuoka_dx.observations.files`), observations carried over from one plan edition to
the next through a crosswalk (:mod:`~fukuoka_dx.observations.carry`), and the collecting of
returned packets into a round (:mod:`~fukuoka_dx.observations.collect`). Each module imports
only those before it."""

from fukuoka_dx.observations.carry import Carried, carry_over
from fukuoka_dx.observations.checks import check_observations
from fukuoka_dx.observations.collect import collect
from fukuoka_dx.observations.files import (
    ENCODINGS,
    parse_observations_csv,
    parse_observations_json,
    read_observations,
    read_observations_csv,
    read_observations_json,
    write_observations_csv,
    write_observations_json,
)
from fukuoka_dx.observations.report_checks import check_reports
from fukuoka_dx.observations.reports import (
    ActivityReport,
    ActivityStatus,
    IndicatorNarrative,
    InitiativeNarrative,
    Narrative,
    NextStep,
)
from fukuoka_dx.observations.round import Provenance, Refusal, ReportingRound, ReturnedFile
from fukuoka_dx.observations.round_json import parse_round_json, read_round, write_round_json
from fukuoka_dx.observations.rows import ReadResult, SourceRow, read_rows
from fukuoka_dx.observations.tracker import Tracker, track
from fukuoka_dx.observations.values import (
    COUNT_UNITS,
    EDITION_COLUMNS,
    OBSERVATION_COLUMNS,
    CompositeValue,
    Figure,
    Observation,
    ObservedValue,
    RelativeChange,
    Stage,
    ValueKind,
    check_value,
    parse_value,
    read_value,
    value_text,
)

__all__ = [
    "COUNT_UNITS",
    "EDITION_COLUMNS",
    "ENCODINGS",
    "OBSERVATION_COLUMNS",
    "ActivityReport",
    "ActivityStatus",
    "Carried",
    "CompositeValue",
    "Figure",
    "IndicatorNarrative",
    "InitiativeNarrative",
    "Narrative",
    "NextStep",
    "Observation",
    "ObservedValue",
    "Provenance",
    "ReadResult",
    "Refusal",
    "RelativeChange",
    "ReportingRound",
    "ReturnedFile",
    "SourceRow",
    "Stage",
    "Tracker",
    "ValueKind",
    "carry_over",
    "check_observations",
    "check_reports",
    "check_value",
    "collect",
    "parse_observations_csv",
    "parse_observations_json",
    "parse_round_json",
    "parse_value",
    "read_observations",
    "read_observations_csv",
    "read_observations_json",
    "read_round",
    "read_rows",
    "read_value",
    "track",
    "value_text",
    "write_observations_csv",
    "write_observations_json",
    "write_round_json",
]
