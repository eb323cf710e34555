"""The plan's JSON form: one cattrs converter, configured once.

Targets and schedule cells are tagged unions (``{"kind": "number", ...}``), fiscal years are
their Gregorian starting year, months ``YYYY-MM``. The round trip is exact.

>>> from fukuoka_dx.targets import parse_target
>>> to_json(parse_target("20%減"))
'{"text":"20%減","percent":-20.0,"kind":"relative"}'
>>> from_json(_, Target) == parse_target("20%減")
True
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
import typing
from typing import Any, Final, TypeVar

import cattrs
import pendulum
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn
from cattrs.v import format_exception

from fukuoka_dx.fiscal_calendar import FiscalYear, YearMonth
from fukuoka_dx.model import (
    Bureau,
    BureauKind,
    IndicatorStatus,
    Position,
    Qualifier,
    TargetColumn,
)
from fukuoka_dx.observations import OBSERVED_TYPES, ObservedValue
from fukuoka_dx.progress import Status
from fukuoka_dx.schedule import CELL_TYPES, Marker, ScheduleCell
from fukuoka_dx.targets import TARGET_TYPES, Direction, Target

__all__ = [
    "JSONFormatError",
    "canonical_json",
    "converter",
    "from_json",
    "make_converter",
    "structure",
    "to_json",
    "unstructure",
]

_T = TypeVar("_T")


class JSONFormatError(ValueError):
    """JSON that does not describe a model value; ``problems`` lists each with its path."""

    def __init__(self, what: str, problems: list[str]) -> None:
        self.problems = tuple(problems)
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{what}: {len(problems)} problem(s):\n{lines}")


def _year_month_to_str(value: YearMonth) -> str:
    return f"{value.year:04d}-{value.month:02d}" + ("-end" if value.end_of_month else "")


def _year_month_from_str(value: object, _type: object) -> YearMonth:
    if not isinstance(value, str):
        raise ValueError(f"expected a month as 'YYYY-MM', got {value!r}")
    head, _, end = value.partition("-end")
    parts = head.split("-")
    if len(parts) != 2 or not all(p.isdigit() for p in parts) or end:
        raise ValueError(f"expected a month as 'YYYY-MM' or 'YYYY-MM-end', got {value!r}")
    return YearMonth(int(parts[0]), int(parts[1]), end_of_month=value.endswith("-end"))


_FISCAL_YEARS: dict[int, FiscalYear] = {}


def _fiscal_year_from_int(value: object, _type: object) -> FiscalYear:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected a fiscal year as its starting year (e.g. 2023), got {value!r}")
    fy = _FISCAL_YEARS.get(value)
    if fy is None:  # immutable values: one instance per year is enough
        fy = _FISCAL_YEARS.setdefault(value, FiscalYear(value))
    return fy


def _date_from_str(value: object, _type: object) -> pendulum.Date:
    if not isinstance(value, str):
        raise ValueError(f"expected a date as 'YYYY-MM-DD', got {value!r}")
    d = _dt.date.fromisoformat(value)
    return pendulum.Date(d.year, d.month, d.day)


def _format(exc: BaseException, type_: Any) -> str:
    """Say what was wrong: the validator's own message rather than 'invalid value'."""
    if isinstance(exc, ValueError | TypeError) and exc.args:
        first = exc.args[0]  # attrs' instance_of puts its message first, then details
        return str(first) if isinstance(first, str) else str(exc)
    return format_exception(exc, type_)


def _kind_tag(cls: type) -> str:
    return str(cls.kind)  # type: ignore[attr-defined]


def _tagged_union(conv: cattrs.Converter, union: Any, members: tuple[type, ...]) -> None:
    """Unstructure members of ``union`` with a ``kind`` tag; structure by that tag."""
    by_tag = {_kind_tag(cls): cls for cls in members}
    expected = ", ".join(by_tag)
    plain: dict[type, Any] = {cls: make_dict_unstructure_fn(cls, conv) for cls in members}

    def unstructure(value: Any) -> dict[str, Any]:
        data: dict[str, Any] = plain[type(value)](value)
        data["kind"] = _kind_tag(type(value))
        return data

    hooks: dict[type, Any] = {}

    def build(value: Any) -> Any:
        if not isinstance(value, dict):
            raise ValueError(f"expected an object with a 'kind', got {value!r}")
        if "kind" not in value:
            raise ValueError(f"missing 'kind': expected one of {expected}")
        kind = value["kind"]
        cls = by_tag.get(kind) if isinstance(kind, str) else None
        if cls is None:
            raise ValueError(f"unknown kind {kind!r}: expected one of {expected}")
        hook = hooks.get(cls)
        if hook is None:
            hook = hooks[cls] = conv.get_structure_hook(cls)
        data = dict(value)
        del data["kind"]
        return hook(data, cls)

    # members are small immutable values that recur (→ cells, - targets): build each once
    structure = _interning(lambda value, _type: build(value))

    conv.register_unstructure_hook(union, unstructure)
    for cls in members:
        conv.register_unstructure_hook(cls, unstructure)
    conv.register_structure_hook(union, structure)


_INTERN_LIMIT: Final = 4096


def _interning(hook: Any) -> Any:
    """Wrap a structure hook so that equal flat inputs give one shared (immutable) value.

    Plans repeat the same small values many times (``→`` cells, ``-`` targets, bureaus);
    building each once makes loading faster and the loaded plan smaller.
    """
    cache: dict[tuple[Any, ...], Any] = {}

    def structure(value: Any, type_: Any) -> Any:
        try:
            key = tuple(value.items())
            found = cache.get(key)
        except (AttributeError, TypeError):  # not a flat mapping: build it plainly
            return hook(value, type_)
        if found is None:
            if len(cache) >= _INTERN_LIMIT:
                cache.clear()
            found = cache[key] = hook(value, type_)
        return found

    return structure


def _strict_str(value: Any, _type: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {value!r}")
    return value


def _strict_int(value: Any, _type: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected a whole number, got {value!r}")
    return value


def _strict_float(value: Any, _type: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"expected a number, got {value!r}")
    return float(value)


def _strict_bool(value: Any, _type: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {value!r}")
    return value


def _enum_hook(type_: Any) -> Any:
    """Enums by value through one dict lookup, with a message listing the allowed values."""
    members = dict(type_._value2member_map_)
    expected = ", ".join(repr(v) for v in members)
    name = type_.__name__

    def structure(value: Any, _type: Any) -> Any:
        try:
            return members[value]
        except (KeyError, TypeError):
            raise ValueError(f"{value!r} is not a {name}: expected one of {expected}") from None

    return structure


def _is_homogeneous_tuple(type_: Any) -> bool:
    args = typing.get_args(type_)
    return typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _fast_tuples(conv: cattrs.Converter) -> None:
    """Structure ``tuple[X, ...]`` with X's hook resolved once (the fast converter only)."""

    def factory(type_: Any) -> Any:
        element = typing.get_args(type_)[0]
        hook = conv.get_structure_hook(element)

        def structure(value: Any, _type: Any) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise ValueError(f"expected a list, got {type(value).__name__}")
            return tuple([hook(v, element) for v in value])

        if element is str:  # texts need no conversion, only a check

            def structure_texts(value: Any, _type: Any) -> tuple[str, ...]:
                if isinstance(value, list) and all(type(v) is str for v in value):
                    return tuple(value)
                return structure(value, _type)

            return structure_texts
        if element is FiscalYear:  # a schedule's years: the same few tuples, shared
            cache: dict[tuple[Any, ...], tuple[FiscalYear, ...]] = {}

            def structure_years(value: Any, _type: Any) -> tuple[FiscalYear, ...]:
                try:
                    key = tuple(value)
                    found = cache.get(key)
                except TypeError:  # not a list of plain values: let the checks speak
                    return structure(value, _type)
                if found is None:
                    found = structure(value, _type)
                    if len(cache) < _INTERN_LIMIT:
                        cache[key] = found
                return found

            return structure_years
        return structure

    conv.register_structure_hook_factory(_is_homogeneous_tuple, factory)


def make_converter(*, detailed: bool = True) -> cattrs.Converter:
    """A fresh converter configured for the model (``converter`` is the shared one).

    ``detailed=False`` gives the fast converter used to load trusted data first; errors are
    then reported by re-reading with the detailed one.
    """
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)
    # JSON types are checked, never coerced: "7" is not a page number, 7.9 not a count.
    # (Registered by class; each enum by its own class so that str-based enums keep theirs.)
    conv.register_structure_hook(str, _strict_str)
    conv.register_structure_hook(int, _strict_int)
    conv.register_structure_hook(float, _strict_float)
    conv.register_structure_hook(bool, _strict_bool)
    for enum_type in _ENUMS:
        conv.register_structure_hook(enum_type, _enum_hook(enum_type))
    if not detailed:
        _fast_tuples(conv)
    conv.register_unstructure_hook(FiscalYear, lambda fy: fy.year)
    conv.register_structure_hook(FiscalYear, _fiscal_year_from_int)
    conv.register_unstructure_hook(YearMonth, _year_month_to_str)
    conv.register_structure_hook(YearMonth, _year_month_from_str)
    conv.register_structure_hook(Bureau, _interning(make_dict_structure_fn(Bureau, conv)))
    conv.register_unstructure_hook(pendulum.Date, lambda d: d.isoformat())
    conv.register_structure_hook(pendulum.Date, _date_from_str)
    _tagged_union(conv, Target, TARGET_TYPES)
    _tagged_union(conv, ScheduleCell, CELL_TYPES)
    _tagged_union(conv, ObservedValue, OBSERVED_TYPES)
    return conv


_ENUMS: Final[tuple[type[enum.Enum], ...]] = (
    BureauKind,
    Direction,
    IndicatorStatus,
    Marker,
    Position,
    Qualifier,
    Status,
    TargetColumn,
)
converter: Final = make_converter()
_fast: Final = make_converter(detailed=False)
assert len(TARGET_TYPES) == 13 and len(CELL_TYPES) == 6


def unstructure(value: object) -> Any:
    """A model value as plain JSON types."""
    return converter.unstructure(value)


def structure(data: object, cls: type[_T], *, what: str | None = None) -> _T:
    """Build a ``cls`` from plain JSON types; every problem is reported with its path."""
    try:
        return _fast.structure(data, cls)
    except Exception:  # re-read with the detailed converter for the report
        pass
    try:
        return converter.structure(data, cls)
    except Exception as exc:
        label = what or getattr(cls, "__name__", str(cls))
        problems = (
            cattrs.transform_error(exc, path="$", format_exception=_format)
            if isinstance(exc, cattrs.BaseValidationError)
            else [f"{_format(exc, None)} @ $"]
        )
        raise JSONFormatError(f"cannot read {label} from JSON", problems) from None


def to_json(value: object, *, indent: int | None = None) -> str:
    """A model value as JSON text (UTF-8 characters kept, not escaped)."""
    separators = (",", ":") if indent is None else None
    return json.dumps(unstructure(value), ensure_ascii=False, indent=indent, separators=separators)


def from_json(text: str | bytes, cls: type[_T]) -> _T:
    """Read a model value of type ``cls`` from JSON text."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise JSONFormatError(
            f"cannot read {getattr(cls, '__name__', cls)} from JSON",
            [f"line {exc.lineno} column {exc.colno}: {exc.msg}"],
        ) from None
    return structure(data, cls)


def canonical_json(value: object) -> str:
    """The canonical JSON of a value (sorted keys, no spaces): what the digest hashes."""
    return json.dumps(unstructure(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
