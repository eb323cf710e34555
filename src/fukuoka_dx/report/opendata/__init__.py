"""The plan as open data for every tool: a Frictionless Data Package and JSON Schemas.

- :func:`~.package.write_datapackage` writes ``datapackage.json`` and a CSV per exported
  table, each described by a Table Schema (:func:`~.package.table_schema`): types, required
  fields, allowed values, primary and foreign keys, titles and descriptions in English and
  Japanese (:mod:`~fukuoka_dx.report.opendata.columns`).
- :func:`~.schemas.plan_json_schema` and :func:`~.schemas.observations_json_schema` are JSON
  Schemas (draft 2020-12) of the plan JSON and the observations JSON, generated from the
  model.

- :mod:`~fukuoka_dx.report.opendata.rounds` does the same for a reporting round: the Data
  Package of its tables (:func:`~.rounds.write_round_datapackage`) and the JSON Schema of its
  file (:func:`~.rounds.round_json_schema`).

Generating them needs no extra package; validating them needs a validator of your choice
(``frictionless``, ``jsonschema``; the test suite uses both).
"""

from fukuoka_dx.report.opendata.package import (
    DESCRIPTOR_NAME,
    PACKAGE_TABLES,
    datapackage_descriptor,
    datapackage_json,
    table_csv,
    table_schema,
    write_datapackage,
)
from fukuoka_dx.report.opendata.rounds import (
    ROUND_TABLES,
    round_datapackage_descriptor,
    round_json_schema,
    round_table_rows,
    round_table_schema,
    write_round_datapackage,
)
from fukuoka_dx.report.opendata.schemas import (
    DIALECT,
    json_schema,
    observations_json_schema,
    plan_json_schema,
)

__all__ = [
    "DESCRIPTOR_NAME",
    "DIALECT",
    "PACKAGE_TABLES",
    "ROUND_TABLES",
    "datapackage_descriptor",
    "datapackage_json",
    "json_schema",
    "observations_json_schema",
    "plan_json_schema",
    "round_datapackage_descriptor",
    "round_json_schema",
    "round_table_rows",
    "round_table_schema",
    "table_csv",
    "table_schema",
    "write_datapackage",
    "write_round_datapackage",
]
