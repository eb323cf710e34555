"""The JSON form of every value: one cattrs converter, configured by rules rather than lists.

The rules, each chosen by a predicate on the type (so the converter needs to import none of
the types it converts, and a new type that follows them needs no registration):

- a class with a ``kind`` class variable (an enum member) is *tagged*: its JSON object
  carries ``"kind"`` beside its fields; a union of tagged classes is read by that tag;
- a class with ``json_form()`` and ``from_json_form()`` writes and reads its own JSON;
- enums are their values; fiscal years their Gregorian starting year; months ``YYYY-MM``
  (``YYYY-MM-end`` for 月末); dates ``YYYY-MM-DD``;
- JSON types are checked, never coerced: ``"7"`` is not a page number, ``7.9`` not a count;
- a field whose metadata says ``json=False`` (a back-reference, such as the plan an
  assessment was made from) is left out of the JSON form and takes its default when read.

The round trip is exact, for a union and for each of its members on its own.

>>> from fukuoka_dx.targets import RelativeTarget, Target, parse_target
>>> to_json(parse_target("20%減"))
'{"text":"20%減","percent":-20.0,"kind":"relative"}'
>>> from_json(_, Target) == from_json(_, RelativeTarget) == parse_target("20%減")
True
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
import types
import typing
from collections.abc import Callable
from typing import Any, Final, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.v import format_exception

from fukuoka_dx.errors import JSONFormatError
from fukuoka_dx.fiscal_calendar import FiscalYear, YearMonth, as_date

__all__ = [
    "canonical_json",
    "converter",
    "from_json",
    "make_converter",
    "structure",
    "to_json",
    "unstructure",
]

_T = TypeVar("_T")
_TAG: Final = "kind"


# -- predicates -------------------------------------------------------------------------------


def is_tagged(type_: Any) -> bool:
    """A class whose JSON carries a ``kind`` tag: an attrs class with an enum class variable."""
    return (
        isinstance(type_, type)
        and attrs.has(type_)
        and isinstance(getattr(type_, _TAG, None), enum.Enum)
        and _TAG not in attrs.fields_dict(type_)
    )


def is_tagged_union(type_: Any) -> bool:
    """A union whose members are all tagged classes (``Target``, ``ScheduleCell``, …)."""
    members = typing.get_args(type_) if typing.get_origin(type_) in _UNIONS else ()
    return len(members) > 1 and all(is_tagged(m) for m in members)


_UNIONS: Final = (typing.Union, types.UnionType)


def has_own_form(type_: Any) -> bool:
    """A class that writes and reads its own JSON: ``json_form()`` and the classmethod
    ``from_json_form(data)`` (an observation: its JSON is the row of an observations file)."""
    return (
        isinstance(type_, type)
        and callable(getattr(type_, "json_form", None))
        and callable(getattr(type_, "from_json_form", None))
    )


def _tag(cls: Any) -> str:
    return str(getattr(cls, _TAG).value)


def _is_date(type_: Any) -> bool:
    return (
        isinstance(type_, type)
        and issubclass(type_, _dt.date)
        and not issubclass(type_, _dt.datetime)
    )


# -- hooks ------------------------------------------------------------------------------------


def _scalar(kind: type, what: str) -> Callable[[Any, Any], Any]:
    """A JSON scalar of exactly ``kind`` (a bool is not a number; an int is a float)."""

    def structure(value: Any, _type: Any) -> Any:
        if type(value) is kind:
            return value
        if kind is float and type(value) is int:
            return float(value)
        raise ValueError(f"expected {what}, got {value!r}")

    return structure


def _is_optional_scalar(type_: Any) -> bool:
    """``str | None`` and the like: a scalar or nothing."""
    args = typing.get_args(type_) if typing.get_origin(type_) in _UNIONS else ()
    return len(args) == 2 and type(None) in args and any(a in _SCALAR_KINDS for a in args)


def _optional_scalar(type_: Any) -> Callable[[Any, Any], Any]:
    """A scalar or ``null``, checked in one step."""
    kind = next(a for a in typing.get_args(type_) if a is not type(None))
    scalar = _scalar(kind, dict(_SCALARS)[kind])

    def structure(value: Any, _type: Any) -> Any:
        return None if value is None else scalar(value, kind)

    return structure


def _enum_member(value: Any, type_: Any) -> Any:
    """An enum member by its value, with a message listing the values allowed."""
    try:
        return type_._value2member_map_[value]
    except (KeyError, TypeError):
        expected = ", ".join(repr(m.value) for m in type_)
        raise ValueError(
            f"{value!r} is not a {type_.__name__}: expected one of {expected}"
        ) from None


def _fiscal_year(value: Any, _type: Any) -> FiscalYear:
    return FiscalYear(value)  # its validator checks the type and the range


def _month_text(value: YearMonth) -> str:
    return f"{value.year:04d}-{value.month:02d}" + ("-end" if value.end_of_month else "")


def _month(value: Any, _type: Any) -> YearMonth:
    if not isinstance(value, str):
        raise ValueError(f"expected a month as 'YYYY-MM', got {value!r}")
    head, end_mark, rest = value.partition("-end")
    parts = head.split("-")
    if len(parts) != 2 or not all(p.isdigit() for p in parts) or rest:
        raise ValueError(f"expected a month as 'YYYY-MM' or 'YYYY-MM-end', got {value!r}")
    return YearMonth(int(parts[0]), int(parts[1]), end_of_month=bool(end_mark))


def _date(value: Any, _type: Any) -> _dt.date:
    if not isinstance(value, str):
        raise ValueError(f"expected a date as 'YYYY-MM-DD', got {value!r}")
    return as_date(value)


def _tagged_unstructure(conv: cattrs.Converter) -> Callable[[Any], Any]:
    def factory(cls: Any) -> Callable[[Any], dict[str, Any]]:
        fields = make_dict_unstructure_fn(cls, conv)
        tag = _tag(cls)

        def unstructure(value: Any) -> dict[str, Any]:
            data: dict[str, Any] = fields(value)
            data[_TAG] = tag
            return data

        return unstructure

    return factory


def _tagged_structure(conv: cattrs.Converter) -> Callable[[Any], Any]:
    """A tagged class on its own: its ``kind``, when given, must be its own."""

    def factory(cls: Any) -> Callable[[Any, Any], Any]:
        fields = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=False)
        allowed = frozenset(attrs.fields_dict(cls)) | {_TAG}
        tag = _tag(cls)

        def structure(value: Any, _type: Any) -> Any:
            if not isinstance(value, dict):
                raise ValueError(f"expected an object, got {value!r}")
            if value.get(_TAG, tag) != tag:
                raise ValueError(f"kind {value[_TAG]!r} is not {tag!r}")
            if not allowed.issuperset(value):
                raise ForbiddenExtraKeysError("", cls, set(value) - allowed)
            return fields(value, cls)

        return structure

    return factory


def _union_structure(conv: cattrs.Converter) -> Callable[[Any], Any]:
    """A union of tagged classes: the ``kind`` names the member."""

    def factory(union: Any) -> Callable[[Any, Any], Any]:
        members = {_tag(m): m for m in typing.get_args(union)}
        hooks = {tag: conv.get_structure_hook(m) for tag, m in members.items()}
        expected = ", ".join(members)

        def structure(value: Any, _type: Any) -> Any:
            if not isinstance(value, dict):
                raise ValueError(f"expected an object with a 'kind', got {value!r}")
            if _TAG not in value:
                raise ValueError(f"missing 'kind': expected one of {expected}")
            kind = value[_TAG]
            hook = hooks.get(kind) if isinstance(kind, str) else None
            if hook is None:
                raise ValueError(f"unknown kind {kind!r}: expected one of {expected}")
            return hook(value, members[kind])

        return structure

    return factory


def _hidden_fields(type_: Any) -> tuple[str, ...]:
    if not (isinstance(type_, type) and attrs.has(type_)):
        return ()
    return tuple(f.name for f in attrs.fields(type_) if f.metadata.get("json") is False)


def has_hidden_fields(type_: Any) -> bool:
    """An attrs class with a field kept out of JSON (``metadata={"json": False}``)."""
    return bool(_hidden_fields(type_))


def _without_hidden(conv: cattrs.Converter, *, structure: bool) -> Callable[[Any], Any]:
    def factory(cls: Any) -> Callable[..., Any]:
        omit = {name: override(omit=True) for name in _hidden_fields(cls)}
        if structure:
            return make_dict_structure_fn(cls, conv, **omit)  # type: ignore[arg-type]
        return make_dict_unstructure_fn(cls, conv, **omit)  # type: ignore[arg-type]

    return factory


def _is_homogeneous_tuple(type_: Any) -> bool:
    args = typing.get_args(type_)
    return typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_structure(conv: cattrs.Converter) -> Callable[[Any], Any]:
    """``tuple[X, ...]`` from a JSON array, X's hook found once; a failure names its index."""

    def factory(type_: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        element = typing.get_args(type_)[0]
        hook = conv.get_structure_hook(element)

        def structure(value: Any, _type: Any) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise ValueError(f"expected a list, got {type(value).__name__}")
            try:
                return tuple([hook(v, element) for v in value])
            except Exception:
                pass  # not reached for valid input: say which elements fail, and why
            errors = []
            for i, v in enumerate(value):
                try:
                    hook(v, element)
                except Exception as exc:
                    note = IterableValidationNote(f"Structuring {type_} @ index {i}", i, element)
                    exc.__notes__ = [*getattr(exc, "__notes__", []), note]
                    errors.append(exc)
            raise IterableValidationError(f"While structuring {type_!r}", errors, type_)

        return structure

    return factory


_SCALARS: Final = (
    (str, "text"),
    (int, "a whole number"),
    (float, "a number"),
    (bool, "true or false"),
)


_SCALAR_KINDS: Final = frozenset(kind for kind, _ in _SCALARS)


def make_converter() -> cattrs.Converter:
    """A fresh converter with the rules above (``converter`` is the shared one)."""
    conv = cattrs.Converter(forbid_extra_keys=True)
    for kind, what in _SCALARS:
        conv.register_structure_hook(kind, _scalar(kind, what))
    conv.register_structure_hook_factory(_is_optional_scalar, _optional_scalar)
    # by class, like the scalars: a str-based enum is found as an enum, not as a str
    for base in (enum.Enum, enum.StrEnum, enum.IntEnum):
        conv.register_structure_hook(base, _enum_member)
    conv.register_unstructure_hook(FiscalYear, lambda fy: fy.year)
    conv.register_structure_hook(FiscalYear, _fiscal_year)
    conv.register_unstructure_hook(YearMonth, _month_text)
    conv.register_structure_hook(YearMonth, _month)
    conv.register_unstructure_hook_func(_is_date, lambda d: d.isoformat())
    conv.register_structure_hook_func(_is_date, _date)
    conv.register_unstructure_hook_factory(is_tagged, _tagged_unstructure(conv))
    conv.register_structure_hook_factory(is_tagged, _tagged_structure(conv))
    conv.register_unstructure_hook_func(is_tagged_union, conv.unstructure)
    conv.register_structure_hook_factory(is_tagged_union, _union_structure(conv))
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_structure(conv))
    conv.register_unstructure_hook_func(has_own_form, lambda value: value.json_form())
    conv.register_structure_hook_func(has_own_form, lambda data, type_: type_.from_json_form(data))
    conv.register_unstructure_hook_factory(
        has_hidden_fields, _without_hidden(conv, structure=False)
    )
    conv.register_structure_hook_factory(has_hidden_fields, _without_hidden(conv, structure=True))
    return conv


converter: Final = make_converter()


#: Marks a message that holds located problems (see :func:`_format`), to be spread out.
_LOCATED: Final = "\x00located:"


def _format(exc: BaseException, type_: Any) -> str:
    """Say what was wrong: the validator's own message rather than 'invalid value'. An error
    that knows where in the value each of its problems is (a ``located`` sequence of places
    and messages) is marked, to be reported at those places."""
    located = getattr(exc, "located", ())
    if located:
        return _LOCATED + json.dumps([list(pair) for pair in located])
    if isinstance(exc, ValueError | TypeError) and exc.args:
        first = exc.args[0]  # attrs' instance_of puts its message first, then details
        return str(first) if isinstance(first, str) else str(exc)
    return format_exception(exc, type_)


def _spread(problem: str) -> list[str]:
    """A problem as reported: a located one becomes one line per place under its path."""
    message, sep, path = problem.rpartition(" @ ")
    if not sep or not message.startswith(_LOCATED):
        return [problem]
    pairs = json.loads(message.removeprefix(_LOCATED))
    return [f"{m} @ {path}.{place}" for place, m in pairs]


def unstructure(value: object) -> Any:
    """A value as plain JSON types."""
    return converter.unstructure(value)


def structure(data: object, cls: type[_T], *, what: str | None = None) -> _T:
    """Build a ``cls`` from plain JSON types; every problem is reported with its path (the
    path of each problem within a value, where the value's error says it)."""
    try:
        return converter.structure(data, cls)
    except cattrs.BaseValidationError as exc:
        problems = cattrs.transform_error(exc, path="$", format_exception=_format)
    except (ValueError, TypeError, KeyError) as exc:
        problems = [f"{_format(exc, None)} @ $"]
    label = what or getattr(cls, "__name__", str(cls))
    spread = [line for problem in problems for line in _spread(problem)]
    raise JSONFormatError(f"cannot read {label} from JSON", spread) from None


def to_json(value: object, *, indent: int | None = None) -> str:
    """A value as JSON text (UTF-8 characters kept, not escaped)."""
    separators = (",", ":") if indent is None else None
    return json.dumps(unstructure(value), ensure_ascii=False, indent=indent, separators=separators)


def from_json(text: str | bytes, cls: type[_T]) -> _T:
    """Read a value of type ``cls`` from JSON text."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise JSONFormatError(
            f"cannot read {getattr(cls, '__name__', cls)} from JSON",
            [f"line {exc.lineno} column {exc.colno}: {exc.msg}"],
        ) from None
    return structure(data, cls)


def canonical_json(value: object) -> str:
    """The canonical JSON of a value (sorted keys, no spaces): what a plan's digest hashes."""
    return json.dumps(unstructure(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
