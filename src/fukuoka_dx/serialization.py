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

import json
from typing import Any, Final, TypeVar

import cattrs
from cattrs.strategies import configure_tagged_union

from fukuoka_dx.fiscal_calendar import FiscalYear, YearMonth
from fukuoka_dx.schedule import CELL_TYPES, ScheduleCell
from fukuoka_dx.targets import TARGET_TYPES, Target

__all__ = [
    "JSONFormatError",
    "canonical_json",
    "converter",
    "from_json",
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


def _fiscal_year_from_int(value: object, _type: object) -> FiscalYear:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected a fiscal year as its starting year (e.g. 2023), got {value!r}")
    return FiscalYear(value)


def _kind_tag(cls: type) -> str:
    return str(cls.kind.value)  # type: ignore[attr-defined]


def make_converter() -> cattrs.Converter:
    """A fresh converter configured for the model (``converter`` is the shared one)."""
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_unstructure_hook(FiscalYear, lambda fy: fy.year)
    conv.register_structure_hook(FiscalYear, _fiscal_year_from_int)
    conv.register_unstructure_hook(YearMonth, _year_month_to_str)
    conv.register_structure_hook(YearMonth, _year_month_from_str)
    configure_tagged_union(Target, conv, tag_generator=_kind_tag, tag_name="kind")
    configure_tagged_union(ScheduleCell, conv, tag_generator=_kind_tag, tag_name="kind")
    return conv


converter: Final = make_converter()
assert len(TARGET_TYPES) == 13 and len(CELL_TYPES) == 6


def unstructure(value: object) -> Any:
    """A model value as plain JSON types."""
    return converter.unstructure(value)


def structure(data: object, cls: type[_T], *, what: str | None = None) -> _T:
    """Build a ``cls`` from plain JSON types; every problem is reported with its path."""
    try:
        return converter.structure(data, cls)
    except Exception as exc:
        label = what or getattr(cls, "__name__", str(cls))
        problems = (
            cattrs.transform_error(exc, path="$")
            if isinstance(exc, cattrs.BaseValidationError)
            else [f"$: {exc}"]
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
