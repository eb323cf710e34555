"""The plan as a Frictionless Data Package: a CSV per table and ``datapackage.json``.

Each table's Table Schema is built from its fixed columns (:data:`~.export.TABLES`), the
values allowed by the model's enums, and the description of each column
(:mod:`.columns`). The CSV files are byte for byte what ``fukuoka-dx export TABLE --format
csv`` writes (:func:`~fukuoka_dx.report.export.format_csv`).

>>> from fukuoka_dx import load_plan
>>> schema = table_schema("pillars")
>>> [(f["name"], f["type"]) for f in schema["fields"]], schema["primaryKey"]
([('pillar_id', 'string'), ('title', 'string'), ('title_en', 'string')], ['pillar_id'])
>>> descriptor = datapackage_descriptor(load_plan())
>>> descriptor["edition"], [r["name"] for r in descriptor["resources"]][:3]
('2023-09', ['pillars', 'promotion_items', 'initiatives'])
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Final

from fukuoka_dx._version import __version__
from fukuoka_dx.model import Plan
from fukuoka_dx.report.export import Table, format_csv, table_rows
from fukuoka_dx.report.opendata.columns import TABLE_INFO, Column, column_info

__all__ = [
    "DESCRIPTOR_NAME",
    "PACKAGE_TABLES",
    "datapackage_descriptor",
    "datapackage_json",
    "table_csv",
    "table_schema",
    "write_datapackage",
]

#: The tables of the package, in order: each after the tables its foreign keys name.
PACKAGE_TABLES: Final = (
    Table.PILLARS,
    Table.PROMOTION_ITEMS,
    Table.INITIATIVES,
    Table.INDICATORS,
    Table.SCHEDULE,
    Table.REPAIRS,
    Table.AMBIGUITIES,
    Table.MISSING_CELLS,
)
#: The file name of the package descriptor.
DESCRIPTOR_NAME: Final = "datapackage.json"

_PROFILE: Final = "https://datapackage.org/profiles/2.0/datapackage.json"
_PUBLISHERS_EN: Final = {"福岡市": "Fukuoka City"}
#: How :func:`~fukuoka_dx.report.export.format_csv` writes (RFC 4180, UTF-8, no BOM).
_DIALECT: Final = {
    "header": True,
    "delimiter": ",",
    "lineTerminator": "\r\n",
    "quoteChar": '"',
    "doubleQuote": True,
}


def _field(name: str, column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": name,
        "type": column.type,
        "title": column.title,
        "title_ja": column.title_ja,
        "description": column.description,
        "description_ja": column.description_ja,
    }
    if column.type == "boolean":  # as format_csv writes a Python bool
        field["trueValues"] = ["True"]
        field["falseValues"] = ["False"]
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.enum:
        constraints["enum"] = list(column.enum)
    if column.minimum is not None:
        constraints["minimum"] = column.minimum
    if constraints:
        field["constraints"] = constraints
    return field


def table_schema(table: Table | str) -> dict[str, Any]:
    """The Table Schema of an exported table: its fields in column order, with types,
    constraints and titles and descriptions in English and Japanese (``title_ja``,
    ``description_ja``), its primary key and its foreign keys."""
    table = Table(table)
    info = TABLE_INFO[table]
    schema: dict[str, Any] = {
        "fields": [_field(name, column) for name, column in column_info(table).items()],
        "missingValues": [""],
        "primaryKey": list(info.primary_key),
    }
    if info.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": list(fk.columns),
                "reference": {
                    # a reference to the table itself names no resource (Table Schema 2.0)
                    **({} if fk.table is table else {"resource": fk.table.value}),
                    "fields": list(fk.reference),
                },
            }
            for fk in info.foreign_keys
        ]
    return schema


def table_csv(plan: Plan, table: Table | str) -> bytes:
    """A table's CSV file: what ``fukuoka-dx export TABLE --format csv`` writes, in UTF-8."""
    return format_csv(*table_rows(plan, table)).encode("utf-8")


def _resource(table: Table, schema: dict[str, Any], data: bytes) -> dict[str, Any]:
    info = TABLE_INFO[table]
    return {
        "name": table.value,
        "type": "table",
        "path": f"{table.value}.csv",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
        "title": info.title,
        "title_ja": info.title_ja,
        "description": info.description,
        "description_ja": info.description_ja,
        "dialect": dict(_DIALECT),
        "schema": schema,
    }


def _package(plan: Plan) -> tuple[dict[str, Any], dict[Table, bytes]]:
    """The descriptor and the CSV files; the schemas first, so that a column without a
    description fails before anything is written."""
    schemas = {t: table_schema(t) for t in PACKAGE_TABLES}
    files = {t: table_csv(plan, t) for t in PACKAGE_TABLES}
    resources = [_resource(t, schemas[t], files[t]) for t in PACKAGE_TABLES]
    return _descriptor(plan, resources), files


def _descriptor(plan: Plan, resources: list[dict[str, Any]]) -> dict[str, Any]:
    publisher_en = _PUBLISHERS_EN.get(plan.publisher, plan.publisher)
    return {
        "$schema": _PROFILE,
        "name": f"fukuoka-dx-plan-{plan.edition}",
        "title": f"{plan.title} ({plan.publisher}), edition {plan.edition}: the plan as tables",
        "description": (
            f"The pillars, promotion items, initiatives, indicators and schedules of "
            f"{plan.title} ({publisher_en}'s DX strategy, execution items), edition "
            f"{plan.edition}, with the repairs, ambiguities and missing cells of its reading, "
            f"as read by the fukuoka-dx library {__version__}. Fiscal years are given by the "
            f"Gregorian year in which they start; an empty cell means the value does not apply."
        ),
        "version": __version__,
        "edition": plan.edition,
        "digest": f"sha256:{plan.digest}",
        "keywords": ["Fukuoka", "福岡市", "DX", "digital transformation", "KPI"],
        "sources": [
            {
                "title": f"{plan.title}, edition {plan.edition}",
                "version": plan.edition,
                "publisher": plan.publisher,
                "publisher_en": publisher_en,
            }
        ],
        "contributors": [{"title": "fukuoka-dx", "roles": ["creator"]}],
        "resources": resources,
    }


def datapackage_descriptor(plan: Plan) -> dict[str, Any]:
    """The ``datapackage.json`` of ``plan`` as a dict.

    It names its source (the plan's title, edition and publisher), the plan's ``digest``
    (``sha256:…``, as :attr:`Plan.digest <fukuoka_dx.model.Plan.digest>`), the library
    ``version`` that wrote it, and each CSV file's size and SHA-256.
    """
    return _package(plan)[0]


def datapackage_json(descriptor: dict[str, Any]) -> str:
    """A descriptor as the text of ``datapackage.json`` (UTF-8 characters kept)."""
    return json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"


def write_datapackage(plan: Plan, directory: str | Path) -> Path:
    """Write ``datapackage.json`` and a CSV per table (``pillars.csv``, …) into
    ``directory`` (made if needed; files of the same names are replaced). Returns the path of
    ``datapackage.json``."""
    descriptor, files = _package(plan)
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    for table, data in files.items():
        (out / f"{table.value}.csv").write_bytes(data)
    path = out / DESCRIPTOR_NAME
    path.write_text(datapackage_json(descriptor), encoding="utf-8", newline="\n")
    return path
