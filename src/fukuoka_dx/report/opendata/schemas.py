"""JSON Schemas (draft 2020-12) of the plan JSON and the observations JSON, from the model.

Nothing here is written by hand: each attrs class becomes an object in ``$defs`` with its
fields (their resolved annotations), the fields without a default required, no other key
allowed; the JSON rules of :mod:`fukuoka_dx.serialization` give the rest (a tagged class
carries its ``kind``, a union of them is one of its members by that ``kind``; fiscal years
are integers, months ``YYYY-MM``, enums their values). Id patterns and non-empty text come
from the fields' validators. A field of a type no rule covers is an error, so a new field
reaches the schema or fails its generation.

>>> schema = plan_json_schema()
>>> schema["$ref"], schema["$defs"]["Pillar"]["required"]
('#/$defs/Plan', ['id', 'title', 'title_en'])
>>> schema["$defs"]["NumberTarget"]["properties"]["kind"]
{'const': 'number'}
>>> observations_json_schema()["$defs"]["Observation"]["required"]
['indicator_id', 'fiscal_year', 'value']
"""

from __future__ import annotations

import datetime as _dt
import enum
import inspect
import re
import sys
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs

from fukuoka_dx._validators import non_empty_text, non_empty_texts
from fukuoka_dx._version import __version__
from fukuoka_dx.fiscal_calendar import _MAX_YEAR, _MIN_YEAR, FiscalYear, YearMonth
from fukuoka_dx.model import Plan
from fukuoka_dx.observations.values import (
    EDITION_COLUMNS,
    OBSERVATION_COLUMNS,
    Observation,
    ObservedValue,
)
from fukuoka_dx.serialization import has_own_form, is_tagged, is_tagged_union, unstructure

__all__ = ["DIALECT", "json_schema", "observations_json_schema", "plan_json_schema"]

#: The JSON Schema dialect of the schemas.
DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"

_Schema = dict[str, Any]
_NON_EMPTY: Final = r"\S"
_UNIONS: Final = (typing.Union, types.UnionType)
_SCALARS: Final = {str: "string", bool: "boolean", int: "integer", float: "number"}


def _summary(obj: object) -> str:
    """The first paragraph of a docstring, on one line, reST markup made plain."""
    doc = (inspect.getdoc(obj) or "").split("\n\n")[0]
    doc = re.sub(r":[\w:]+:`~?([^`<]+?)(?: <[^>]+>)?`", r"\1", doc)
    return " ".join(doc.replace("``", "").split())


def _portable(pattern: str) -> str:
    """A Python regular expression in the ECMA-262 syntax JSON Schema uses."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern).replace(r"\d", "[0-9]")


def _validators(validator: Any) -> list[Any]:
    """A field's validators, ``and_`` and ``optional`` unwrapped."""
    if validator is None:
        return []
    inner = getattr(validator, "_validators", None)  # attrs.validators.and_
    if inner is not None:
        return [v for i in inner for v in _validators(i)]
    wrapped = getattr(validator, "validator", None)  # attrs.validators.optional
    if wrapped is not None and not isinstance(validator, type):
        return _validators(wrapped)
    return [validator]


def _patterns(validator: Any) -> list[str]:
    """The regular expressions a validator holds (``matches_re``, or a closure over one)."""
    found = [getattr(validator, "pattern", None)]
    for cell in getattr(validator, "__closure__", None) or ():
        try:
            found.append(cell.cell_contents)
        except ValueError:  # a cell not yet bound
            continue
    return [_portable(p.pattern) for p in found if isinstance(p, re.Pattern)]


class _Builder:
    """Schemas of types, each class named once in ``defs``."""

    def __init__(self, overrides: Mapping[Any, _Schema] | None = None) -> None:
        self.defs: dict[str, _Schema] = {}
        self.overrides = dict(overrides or {})

    def _ref(self, name: str, make: Callable[[], _Schema]) -> _Schema:
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: a class may refer to itself
            self.defs[name] = make()
        return {"$ref": f"#/$defs/{name}"}

    def _override(self, type_: Any) -> _Schema | None:
        for key, schema in self.overrides.items():
            if type_ == key or (
                isinstance(type_, type) and isinstance(key, type) and issubclass(type_, key)
            ):
                return dict(schema)
        return None

    def schema(self, type_: Any) -> _Schema:
        """The schema of a type, as the JSON layer writes and reads it."""
        override = self._override(type_)
        if override is not None:
            return override
        if type_ is type(None):
            return {"type": "null"}
        if type_ in _SCALARS:
            return {"type": _SCALARS[type_]}
        if type_ is FiscalYear:
            return self._ref("FiscalYear", self._fiscal_year)
        if type_ is YearMonth:
            return self._ref("YearMonth", self._year_month)
        if isinstance(type_, type) and issubclass(type_, _dt.date):
            return {"type": "string", "format": "date"}
        if isinstance(type_, type) and issubclass(type_, enum.Enum):
            return self._ref(type_.__name__, lambda: self._enum(type_))
        args = typing.get_args(type_)
        if typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.schema(args[0])}
        if typing.get_origin(type_) in _UNIONS:
            return self._union(type_)
        if is_tagged(type_) or (attrs.has(type_) and not has_own_form(type_)):
            return self._ref(type_.__name__, lambda: self.attrs_class(type_))
        raise TypeError(f"no JSON Schema rule for {type_!r}: add one to {__name__}")

    def _fiscal_year(self) -> _Schema:
        return {
            "title": "FiscalYear",
            "description": "A fiscal year (年度), 1 April to 31 March, by the Gregorian year "
            "in which it starts: 2024 for 令和6年度.",
            "type": "integer",
            "minimum": _MIN_YEAR,
            "maximum": _MAX_YEAR,
        }

    def _year_month(self) -> _Schema:
        return {
            "title": "YearMonth",
            "description": f"{_summary(YearMonth)} As YYYY-MM, or YYYY-MM-end for 月末.",
            "type": "string",
            "pattern": r"^[0-9]{4}-(0[1-9]|1[0-2])(-end)?$",
        }

    def _enum(self, cls: type[enum.Enum]) -> _Schema:
        values = [m.value for m in cls]
        out: _Schema = {"title": cls.__name__, "description": _summary(cls)}
        if all(isinstance(v, str) for v in values):
            out["type"] = "string"
        out["enum"] = values
        return out

    def _union(self, union: Any) -> _Schema:
        members = [m for m in typing.get_args(union) if m is not type(None)]
        if len(members) < len(typing.get_args(union)):  # X | None
            rest = members[0] if len(members) == 1 else typing.Union[tuple(members)]  # noqa: UP007
            inner = self.schema(rest)
            if isinstance(inner.get("type"), str) and not {"enum", "const"} & set(inner):
                return {**inner, "type": [inner["type"], "null"]}  # a pattern applies to text
            return {"anyOf": [inner, {"type": "null"}]}
        if is_tagged_union(union):
            name = _alias(union)

            def one_of() -> _Schema:
                names = ", ".join(m.__name__ for m in members)
                return {
                    **({"title": name} if name else {}),
                    "description": f"One of {names}, by its kind.",
                    "oneOf": [self.schema(m) for m in members],
                }

            return self._ref(name, one_of) if name else one_of()
        return {"anyOf": [self.schema(m) for m in members]}

    def attrs_class(self, cls: type) -> _Schema:
        """An attrs class as an object: its fields, those without a default required."""
        hints = typing.get_type_hints(cls)
        properties: dict[str, _Schema] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            prop = self.schema(hints[field.name])
            _add_constraints(prop, field)
            if field.default is attrs.NOTHING:
                required.append(field.name)
            elif not isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                prop["default"] = unstructure(field.default)
            properties[field.name] = prop
        if is_tagged(cls):
            properties["kind"] = {"const": str(cls.kind.value)}  # type: ignore[attr-defined]
            required.append("kind")
        return {
            "title": cls.__name__,
            "description": _summary(cls),
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }


def _alias(union: Any) -> str | None:
    """The name a union has in the module of its first member (``Target``), if any."""
    module = sys.modules.get(typing.get_args(union)[0].__module__)
    for name, value in vars(module).items() if module else ():
        if not name.startswith("_") and value == union:
            return name
    return None


def _add_constraints(prop: _Schema, field: attrs.Attribute[Any]) -> None:
    """What a field's validators require, where JSON Schema can say it: non-empty text, ids
    that match their pattern."""
    patterns: list[str] = []
    for validator in _validators(field.validator):
        if validator is non_empty_text:
            patterns.append(_NON_EMPTY)
        elif validator is non_empty_texts and prop.get("type") == "array":
            prop["items"] = {**prop["items"], "pattern": _NON_EMPTY}
        else:
            patterns += _patterns(validator)
    if len(patterns) == 1:
        prop["pattern"] = patterns[0]
    elif patterns:
        prop["allOf"] = [{"pattern": p} for p in patterns]


def json_schema(root: Any, *, title: str, description: str) -> dict[str, Any]:
    """The JSON Schema of a type of the model (an attrs class, or a union of tagged ones)."""
    builder = _Builder()
    ref = builder.schema(root)
    return {
        "$schema": DIALECT,
        "title": title,
        "description": description,
        "$comment": f"Generated by fukuoka-dx {__version__} from its model; do not edit.",
        **ref,
        "$defs": dict(sorted(builder.defs.items())),
    }


def plan_json_schema() -> dict[str, Any]:
    """The JSON Schema of a plan's JSON: ``fukuoka_dx.to_json(plan)``, and the packaged
    ``fukuoka_dx/data/plan-YYYY-MM.json``."""
    return json_schema(
        Plan,
        title="fukuoka-dx plan",
        description="A plan edition of 福岡市DX戦略 実行項目集 (Fukuoka City's DX strategy, "
        "execution items) as the fukuoka-dx library writes and reads it.",
    )


def observations_json_schema() -> dict[str, Any]:
    """The JSON Schema of an observations JSON file: an array of objects with the columns of
    an observations file (:data:`~fukuoka_dx.observations.values.OBSERVATION_COLUMNS`, then
    the optional :data:`~fukuoka_dx.observations.values.EDITION_COLUMNS`), as
    ``Observation.json_form()`` writes them and the readers read them.

    A fiscal year is its starting year or text in any notation the library reads (``R6``,
    ``令和6年度``); a value a number or text (``30%減``, a stage, labelled parts); ``as_of`` a
    date in any notation. Whether a value fits its indicator is checked against the plan.
    """
    builder = _Builder(
        {
            FiscalYear: {
                "anyOf": [
                    {"$ref": "#/$defs/FiscalYear"},
                    {"type": "string", "pattern": _NON_EMPTY},
                ],
            },
            ObservedValue: {"type": ["number", "string"], "pattern": _NON_EMPTY},
            _dt.date: {"type": "string", "pattern": _NON_EMPTY},
        }
    )
    builder._ref("FiscalYear", builder._fiscal_year)
    builder._ref("Observation", lambda: builder.attrs_class(Observation))
    fields = tuple(builder.defs["Observation"]["properties"])
    if fields != (*OBSERVATION_COLUMNS, *EDITION_COLUMNS):
        raise TypeError(
            f"Observation's fields {fields} are not OBSERVATION_COLUMNS {OBSERVATION_COLUMNS} "
            f"and EDITION_COLUMNS {EDITION_COLUMNS}: "
            "its JSON form, its files and this schema must change together"
        )
    return {
        "$schema": DIALECT,
        "title": "fukuoka-dx observations",
        "description": "Observed values (実績) of the plan's indicators, one object each.",
        "$comment": f"Generated by fukuoka-dx {__version__} from its model; do not edit.",
        "type": "array",
        "items": {"$ref": "#/$defs/Observation"},
        "$defs": dict(sorted(builder.defs.items())),
    }
