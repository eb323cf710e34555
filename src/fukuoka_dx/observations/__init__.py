"""Observed figures (実績): the values (:mod:`~fukuoka_dx.observations.values`), the checks
against the plan every way in goes through (:mod:`~fukuoka_dx.observations.checks`), the rows
of any file form read against the plan (:mod:`~fukuoka_dx.observations.rows`), and the files
that carry them: Excel workbooks (:mod:`~fukuoka_dx.observations.spreadsheet`), CSV and JSON
(:mod:`~fukuoka_dx.observations.files`); and observations carried over from one plan edition
to the next through a crosswalk (:mod:`~fukuoka_dx.observations.carry`). Each module imports
only those before it."""

from fukuoka_dx.observations.carry import Carried, carry_over
from fukuoka_dx.observations.checks import check_observations
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
from fukuoka_dx.observations.rows import ReadResult, SourceRow, read_rows
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
    "Carried",
    "CompositeValue",
    "Figure",
    "Observation",
    "ObservedValue",
    "ReadResult",
    "RelativeChange",
    "SourceRow",
    "Stage",
    "ValueKind",
    "carry_over",
    "check_observations",
    "check_value",
    "parse_observations_csv",
    "parse_observations_json",
    "parse_value",
    "read_observations",
    "read_observations_csv",
    "read_observations_json",
    "read_rows",
    "read_value",
    "value_text",
    "write_observations_csv",
    "write_observations_json",
]
