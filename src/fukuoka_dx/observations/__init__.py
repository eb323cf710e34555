"""Observed figures (実績): the values (:mod:`.values`) and the files that carry them
(:mod:`.files`)."""

from fukuoka_dx.observations.files import (
    OBSERVATION_COLUMNS,
    ReadResult,
    parse_observations_csv,
    parse_observations_json,
    read_observations,
    read_observations_csv,
    read_observations_json,
    write_observations_csv,
)
from fukuoka_dx.observations.values import (
    COUNT_UNITS,
    CompositeValue,
    Figure,
    Observation,
    ObservedValue,
    RelativeChange,
    Stage,
    ValueKind,
    parse_value,
    value_text,
)

__all__ = [
    "COUNT_UNITS",
    "OBSERVATION_COLUMNS",
    "CompositeValue",
    "Figure",
    "Observation",
    "ObservedValue",
    "ReadResult",
    "RelativeChange",
    "Stage",
    "ValueKind",
    "parse_observations_csv",
    "parse_observations_json",
    "parse_value",
    "read_observations",
    "read_observations_csv",
    "read_observations_json",
    "value_text",
    "write_observations_csv",
]
