"""Open data: the Frictionless Data Package and the JSON Schemas, validated by the tools that
others use (frictionless, jsonschema), and generated so that they cannot drift from the model.
"""

from __future__ import annotations

import copy
import enum
import hashlib
import json
import shutil
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any, ClassVar

import attrs
import frictionless
import jsonschema
import pytest
from hypothesis import given

import fukuoka_dx
from fukuoka_dx import strategies as fst
from fukuoka_dx.cli import main
from fukuoka_dx.loading import read_plan_bytes
from fukuoka_dx.model import Plan
from fukuoka_dx.observations.values import EDITION_COLUMNS, OBSERVATION_COLUMNS, Observation
from fukuoka_dx.report import export
from fukuoka_dx.report.export import TABLES, Table, format_csv, table_rows
from fukuoka_dx.report.opendata import (
    DIALECT,
    PACKAGE_TABLES,
    datapackage_descriptor,
    json_schema,
    observations_json_schema,
    plan_json_schema,
    table_schema,
    write_datapackage,
)
from fukuoka_dx.report.opendata.columns import TABLE_INFO, column_info
from fukuoka_dx.serialization import has_own_form, is_tagged, unstructure

ROOT = Path(__file__).resolve().parent.parent
FRICTIONLESS = Path(sys.executable).parent / "frictionless"
PLAN_SCHEMA = plan_json_schema()
OBSERVATIONS_SCHEMA = observations_json_schema()


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_datapackage(fukuoka_dx.load_plan(), tmp_path_factory.mktemp("package"))


def _errors(report: frictionless.Report) -> list[tuple[str, str]]:
    return [(e.type, e.message) for task in report.tasks for e in task.errors] + [
        (e.type, e.message) for e in report.errors
    ]


# -- the Data Package ---------------------------------------------------------------------------


def test_frictionless_validate_reports_the_package_valid(package: Path) -> None:
    out = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", str(package)],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    report = json.loads(out.stdout)
    assert report["valid"] is True
    assert {t["name"] for t in report["tasks"]} == {t.value for t in Table}
    assert sum(t["stats"]["rows"] for t in report["tasks"]) > 1000


def test_the_csv_files_are_what_export_writes(package: Path, tmp_path: Path) -> None:
    plan = fukuoka_dx.load_plan()
    for table in Table:
        data = (package.parent / f"{table.value}.csv").read_bytes()
        assert data == format_csv(*table_rows(plan, table)).encode("utf-8")
        out = tmp_path / f"{table.value}.csv"
        assert main(["export", table.value, "--format", "csv", "-o", str(out)]) == 0
        assert out.read_bytes() == data, table


def test_the_descriptor_names_its_source_digest_and_version(package: Path) -> None:
    plan = fukuoka_dx.load_plan()
    descriptor = json.loads(package.read_text("utf-8"))
    assert descriptor == datapackage_descriptor(plan)
    assert descriptor["digest"] == f"sha256:{plan.digest}"
    assert descriptor["version"] == fukuoka_dx.__version__
    assert descriptor["edition"] == plan.edition == "2023-09"
    (source,) = descriptor["sources"]
    assert source["title"].startswith("福岡市DX戦略 実行項目集")
    assert (source["version"], source["publisher"], source["publisher_en"]) == (
        "2023-09",
        "福岡市",
        "Fukuoka City",
    )
    assert [r["name"] for r in descriptor["resources"]] == [t.value for t in PACKAGE_TABLES]
    for resource in descriptor["resources"]:
        data = (package.parent / resource["path"]).read_bytes()
        assert resource["hash"] == f"sha256:{hashlib.sha256(data).hexdigest()}"
        assert resource["title_ja"] and resource["description_ja"]


def _mutated(package: Path, tmp_path: Path, table: str, old: str, new: str) -> Path:
    """A copy of the package with one CSV edited (its size and hash updated to match)."""
    descriptor = json.loads(package.read_text("utf-8"))
    for resource in descriptor["resources"]:
        data = (package.parent / resource["path"]).read_bytes()
        if resource["name"] == table:
            assert old.encode() in data
            data = data.replace(old.encode(), new.encode(), 1)
            resource["bytes"] = len(data)
            resource["hash"] = f"sha256:{hashlib.sha256(data).hexdigest()}"
        (tmp_path / resource["path"]).write_bytes(data)
    path = tmp_path / "datapackage.json"
    path.write_text(json.dumps(descriptor, ensure_ascii=False), "utf-8")
    return path


@pytest.mark.parametrize(
    ("table", "old", "new", "error", "says"),
    [
        ("initiatives", "\r\n1-1-1,1-1,", "\r\n1-1-1,9-9,", "foreign-key", '"9-9" not found'),
        (
            "initiatives",
            "(再掲),総務企画局,1-8,",
            "(再掲),総務企画局,9-9-9,",
            "foreign-key",
            'for "reposts"',
        ),
        ("indicators", ",increase,", ",upward,", "constraint-error", "enum"),
        ("indicators", ",2022,number,", ",R4,number,", "type-error", "baseline_fy"),
        ("schedule", "\r\n1-1,1,2024,", "\r\n1-1,1,2023,", "primary-key", ""),
        ("pillars", "\r\n1,", "\r\n,", "constraint-error", "required"),
        ("promotion_items", ",7,True,", ",7,yes,", "type-error", "own_block"),
    ],
)
def test_frictionless_rejects_a_broken_package(
    package: Path, tmp_path: Path, table: str, old: str, new: str, error: str, says: str
) -> None:
    report = frictionless.validate(str(_mutated(package, tmp_path, table, old, new)))
    assert not report.valid
    assert any(t == error and says in m for t, m in _errors(report)), _errors(report)


def test_a_changed_file_fails_its_hash(package: Path, tmp_path: Path) -> None:
    shutil.copytree(package.parent, tmp_path, dirs_exist_ok=True)
    csv = tmp_path / "pillars.csv"
    csv.write_bytes(csv.read_bytes().replace("暮らし".encode(), "くらし".encode()))
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert "hash-count" in {t for t, _ in _errors(report)}


# -- the Table Schemas: generated, and complete --------------------------------------------------


def test_every_table_is_in_the_package_and_described() -> None:
    assert sorted(PACKAGE_TABLES) == sorted(Table)
    assert set(TABLE_INFO) == set(Table) == set(TABLES)
    for table in Table:
        schema = table_schema(table)
        names = [f["name"] for f in schema["fields"]]
        assert tuple(names) == TABLES[table][0]
        fields = {f["name"]: f for f in schema["fields"]}
        for f in schema["fields"]:
            assert f["title"] and f["title_ja"] and f["description"] and f["description_ja"]
        for name in schema["primaryKey"]:  # key columns are never empty
            assert fields[name]["constraints"]["required"] is True, (table, name)
        for fk in schema.get("foreignKeys", []):
            target = Table(fk["reference"].get("resource", table.value))
            assert set(fk["fields"]) <= set(fields)
            assert fk["reference"]["fields"] == table_schema(target)["primaryKey"]


def test_a_column_without_a_description_fails_the_schema(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    columns, rows = TABLES[Table.PILLARS]

    def founded(plan: Plan) -> list[export.Row]:
        return [{**row, "founded": None} for row in rows(plan)]

    monkeypatch.setitem(TABLES, Table.PILLARS, ((*columns, "founded"), founded))
    with pytest.raises(fukuoka_dx.InvalidValueError, match=r"without a description: \['founded'\]"):
        column_info(Table.PILLARS)
    with pytest.raises(fukuoka_dx.InvalidValueError, match="founded"):
        write_datapackage(fukuoka_dx.load_plan(), tmp_path)
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_enumerations_are_the_models() -> None:
    fields = {f["name"]: f for f in table_schema("indicators")["fields"]}
    assert fields["direction"]["constraints"]["enum"] == [d.value for d in fukuoka_dx.Direction]
    for column in fukuoka_dx.TargetColumn:
        kinds = fields[f"{column.value}_kind"]["constraints"]["enum"]
        assert kinds == [k.value for k in fukuoka_dx.TargetKind]
    fields = {f["name"]: f for f in table_schema("missing_cells")["fields"]}
    assert fields["column"]["constraints"]["enum"] == [c.value for c in fukuoka_dx.TargetColumn]


_PYTHON_TYPES = {"string": (str,), "integer": (int,), "number": (int, float), "boolean": (bool,)}


def _check_rows_fit_their_schemas(plan: Plan) -> None:
    for table in Table:
        fields = table_schema(table)["fields"]
        _columns, rows = table_rows(plan, table)
        for row in rows:
            for f in fields:
                value = row[f["name"]]
                constraints = f.get("constraints", {})
                if value is None or value == "":
                    assert not constraints.get("required"), (table, f["name"], row)
                    continue
                assert isinstance(value, _PYTHON_TYPES[f["type"]]), (table, f["name"], value)
                assert f["type"] == "boolean" or not isinstance(value, bool)
                if "enum" in constraints:
                    assert value in constraints["enum"], (table, f["name"], value)
                if "minimum" in constraints:
                    assert value >= constraints["minimum"]


def test_the_rows_fit_their_schemas() -> None:
    _check_rows_fit_their_schemas(fukuoka_dx.load_plan())


@pytest.mark.parametrize(
    ("cls", "table", "ignored"),
    [
        (fukuoka_dx.Pillar, Table.PILLARS, set()),
        (fukuoka_dx.PromotionItem, Table.PROMOTION_ITEMS, {"repairs"}),  # the repairs table
        (fukuoka_dx.Repair, Table.REPAIRS, set()),
        (fukuoka_dx.model.Ambiguity, Table.AMBIGUITIES, set()),
    ],
)
def test_every_field_of_a_tabled_class_is_a_column(
    cls: type, table: Table, ignored: set[str]
) -> None:
    id_column = {Table.PILLARS: "pillar_id", Table.PROMOTION_ITEMS: "promotion_item_id"}
    columns = set(TABLES[table][0])
    for field in attrs.fields(cls):
        if field.name in ignored:
            continue
        name = id_column.get(table, "id") if field.name == "id" else field.name
        assert name in columns, f"{cls.__name__}.{field.name} has no column in {table.value}"


# -- the JSON Schemas -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def plan_validator() -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(PLAN_SCHEMA)
    return jsonschema.Draft202012Validator(PLAN_SCHEMA)


@pytest.fixture(scope="module")
def observations_validator() -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(OBSERVATIONS_SCHEMA)
    return jsonschema.Draft202012Validator(OBSERVATIONS_SCHEMA)


def _messages(validator: jsonschema.Draft202012Validator, data: object) -> list[str]:
    return [e.message for e in validator.iter_errors(data)]


def test_the_schemas_are_draft_2020_12() -> None:
    assert plan_json_schema()["$schema"] == observations_json_schema()["$schema"] == DIALECT
    assert DIALECT == "https://json-schema.org/draft/2020-12/schema"


def test_the_packaged_plan_is_valid(plan_validator: jsonschema.Draft202012Validator) -> None:
    data = json.loads(read_plan_bytes())
    assert _messages(plan_validator, data) == []
    assert _messages(plan_validator, json.loads(fukuoka_dx.to_json(fukuoka_dx.load_plan()))) == []


def test_the_example_observations_are_valid(
    observations_validator: jsonschema.Draft202012Validator,
) -> None:
    result = fukuoka_dx.read_observations(
        ROOT / "examples" / "observations.csv", fukuoka_dx.load_plan()
    )
    data = [o.json_form() for o in result.observations]
    assert data and _messages(observations_validator, data) == []
    text = fukuoka_dx.write_observations_json(result.observations)
    assert _messages(observations_validator, json.loads(text)) == []


def _initiative_with_indicators(data: dict[str, Any]) -> dict[str, Any]:
    return next(i for i in data["initiatives"] if i["indicators"])  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda d: _initiative_with_indicators(d)["indicators"][0]["final"].update(kind="guess"),
            "is not valid under any of the given schemas",
        ),
        (
            lambda d: _initiative_with_indicators(d)["indicators"][0].update(baseline_fy="2022"),
            "'2022' is not of type 'integer'",
        ),
        (lambda d: d["initiatives"][0].pop("id"), "'id' is a required property"),
        (lambda d: d["pillars"][0].pop("id"), "'id' is a required property"),
        (lambda d: d["initiatives"][0].update(id="1_1"), "does not match"),
        (lambda d: d["initiatives"][0].update(colour="red"), "Additional properties"),
        (lambda d: d["bureaus"][0].update(kind="ministry"), "is not one of"),
        (lambda d: d["revisions"][0].update(month="2023-13"), "does not match"),
        (lambda d: d["pillars"][0].update(title=" "), "does not match"),
        (lambda d: d.update(first_year=1800), "is less than the minimum"),
    ],
)
def test_a_mutated_plan_is_rejected(
    plan_validator: jsonschema.Draft202012Validator, mutate: Any, message: str
) -> None:
    data = json.loads(read_plan_bytes())
    mutated = copy.deepcopy(data)
    mutate(mutated)
    assert mutated != data
    messages = _messages(plan_validator, mutated)
    assert any(message in m for m in messages), messages
    with pytest.raises(fukuoka_dx.JSONFormatError):  # the library agrees
        fukuoka_dx.from_json(json.dumps(mutated), Plan)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda o: o.pop("value"), "'value' is a required property"),
        (lambda o: o.pop("indicator_id"), "'indicator_id' is a required property"),
        (lambda o: o.update(value=True), "True is not of type 'number', 'string'"),
        (lambda o: o.update(fiscal_year=None), "is not valid under any of the given schemas"),
        (lambda o: o.update(weather="fine"), "Additional properties"),
        (lambda o: o.update(source=3), "3 is not of type 'string', 'null'"),
    ],
)
def test_a_mutated_observation_is_rejected(
    observations_validator: jsonschema.Draft202012Validator, mutate: Any, message: str
) -> None:
    row = Observation("1-1.1", 2024, 59.0, source="ILLUSTRATIVE").json_form()
    assert _messages(observations_validator, [row]) == []
    mutate(row)
    messages = _messages(observations_validator, [row])
    assert any(message in m for m in messages), messages
    with pytest.raises((ValueError, TypeError)):  # the library agrees
        Observation.from_json_form(row)


def test_text_notations_an_observation_file_takes_are_valid(
    observations_validator: jsonschema.Draft202012Validator,
) -> None:
    row = {"indicator_id": "3-2-13.1", "fiscal_year": "R6", "value": "30%減", "as_of": "R7.3.31"}
    assert _messages(observations_validator, [row]) == []
    Observation.from_json_form(row)


@given(fst.plans())
def test_any_plan_is_valid_and_its_rows_fit_their_schemas(plan: Plan) -> None:
    validator = jsonschema.Draft202012Validator(PLAN_SCHEMA)
    assert _messages(validator, unstructure(plan)) == []
    _check_rows_fit_their_schemas(plan)


@given(fst.observations())
def test_any_observation_is_valid(observation: Observation) -> None:
    validator = jsonschema.Draft202012Validator(OBSERVATIONS_SCHEMA)
    assert _messages(validator, [observation.json_form()]) == []


# -- the JSON Schemas: generated from the model, so they cannot drift ---------------------------


def _reachable(root: type) -> set[type]:
    """Every attrs class and enum the JSON of ``root`` contains, found by walking the model."""
    seen: set[type] = set()
    todo: list[Any] = [root]
    while todo:
        t = todo.pop()
        args = typing.get_args(t)
        if args:
            todo += [a for a in args if a is not Ellipsis]
        elif isinstance(t, type) and t not in seen and (attrs.has(t) or issubclass(t, enum.Enum)):
            seen.add(t)
            if attrs.has(t) and not has_own_form(t):
                hints = typing.get_type_hints(t)
                todo += [hints[f.name] for f in attrs.fields(t)]
    return seen


def test_every_model_field_reaches_the_plan_schema() -> None:
    defs = PLAN_SCHEMA["$defs"]
    classes = _reachable(Plan)
    assert {fukuoka_dx.Pillar, fukuoka_dx.Repair, fukuoka_dx.Revision} <= classes
    for cls in classes:
        if cls in (fukuoka_dx.FiscalYear, fukuoka_dx.YearMonth):  # JSON scalars
            continue
        schema = defs[cls.__name__]
        if issubclass(cls, enum.Enum):
            assert schema["enum"] == [m.value for m in cls]
            continue
        names = [f.name for f in attrs.fields(cls)] + (["kind"] if is_tagged(cls) else [])
        assert list(schema["properties"]) == names, cls
        assert schema["additionalProperties"] is False


def test_every_observation_field_reaches_the_observations_schema() -> None:
    schema = OBSERVATIONS_SCHEMA["$defs"]["Observation"]
    columns = (*OBSERVATION_COLUMNS, *EDITION_COLUMNS)
    assert tuple(schema["properties"]) == columns
    assert tuple(f.name for f in attrs.fields(Observation)) == columns
    row = Observation("1-1.1", 2024, 59.0).json_form()
    assert tuple(row) == OBSERVATION_COLUMNS  # the edition columns only when recorded
    recorded = Observation("1-1.1", 2024, 59.0, edition="2023-09").json_form()
    assert tuple(recorded) == (*OBSERVATION_COLUMNS, "edition")


class Colour(enum.StrEnum):
    """A colour."""

    RED = "red"


@attrs.frozen
class Part:
    """A tagged class of a kind the model does not have."""

    kind: ClassVar[Colour] = Colour.RED
    year: fukuoka_dx.FiscalYear
    names: tuple[str, ...]
    colour: Colour | None = None


@attrs.frozen
class Odd:
    """A field of a type with no JSON form."""

    when: complex


def test_a_new_field_reaches_the_schema_or_fails_it() -> None:
    schema = json_schema(Part, title="t", description="d")
    part = schema["$defs"]["Part"]
    assert list(part["properties"]) == ["year", "names", "colour", "kind"]
    assert part["required"] == ["year", "names", "kind"]
    assert part["properties"]["year"] == {"$ref": "#/$defs/FiscalYear"}
    assert part["properties"]["kind"] == {"const": "red"}
    assert schema["$defs"]["Colour"]["enum"] == ["red"]
    with pytest.raises(TypeError, match="no JSON Schema rule for <class 'complex'>"):
        json_schema(Odd, title="t", description="d")


def test_an_observation_field_beyond_the_file_columns_fails_the_schema(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fukuoka_dx.report.opendata import schemas

    monkeypatch.setattr(schemas, "OBSERVATION_COLUMNS", OBSERVATION_COLUMNS[:-1])
    with pytest.raises(TypeError, match="must change together"):
        schemas.observations_json_schema()


def test_the_export_module_lists_the_new_tables() -> None:
    for name in ("PILLAR_COLUMNS", "PROMOTION_ITEM_COLUMNS", "REPAIR_COLUMNS"):
        assert name in export.__all__
    assert {"repair_rows", "missing_cell_rows"} <= set(export.__all__)


def test_the_command_line_writes_the_package_and_the_schemas(tmp_path: Path) -> None:
    import io

    from fukuoka_dx.cli import main

    def cli(*args: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        return main(list(args), stdout=out, stderr=err), out.getvalue(), err.getvalue()

    code, _, _ = cli("export", "datapackage", "-o", str(tmp_path / "dp"))
    assert code == 0 and (tmp_path / "dp" / "datapackage.json").is_file()
    assert (tmp_path / "dp" / "indicators.csv").read_bytes() == cli("export", "indicators")[
        1
    ].encode("utf-8")
    code, out, _ = cli("export", "schema", "observations")
    assert code == 0 and json.loads(out) == observations_json_schema()
    assert cli("export", "schema")[0] == 2
    assert cli("export", "datapackage")[0] == 2  # needs -o DIR
    assert cli("export", "indicators", "plan")[0] == 2
