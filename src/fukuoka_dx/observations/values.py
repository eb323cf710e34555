"""Observed values (実績): their types, reading one value, and the checks against an indicator.

An observation is an indicator id, a fiscal year, a value, and optionally an as-of date, a
source and a note. The value is a figure, a change against the baseline (``30%減``), a
milestone stage, or labelled parts, as the indicator's targets call for.

>>> from fukuoka_dx import load_plan
>>> parse_value("12,000", load_plan().indicator("1-1-3.1"))
Figure(value=12000.0)
>>> value_text(RelativeChange(-30.0))
'30%減'
"""

from __future__ import annotations

import datetime as _dt
import enum
import math
import unicodedata
from typing import ClassVar, Final

import attrs
import pendulum

from fukuoka_dx._validators import finite, non_empty_text
from fukuoka_dx.errors import InvalidValueError, TargetParseError
from fukuoka_dx.fiscal_calendar import FiscalYear, as_date, as_fiscal_year
from fukuoka_dx.model import Indicator, TargetColumn
from fukuoka_dx.targets import (
    CompositePart,
    CompositeTarget,
    RelativeTarget,
    Target,
    number_text,
    parse_number,
    parse_target,
)

__all__ = [
    "COUNT_UNITS",
    "CompositeValue",
    "Figure",
    "Observation",
    "ObservedValue",
    "RelativeChange",
    "Stage",
    "ValueKind",
    "parse_value",
    "value_text",
]


class ValueKind(enum.StrEnum):
    """The kinds of observed value (the ``kind`` tag of their JSON)."""

    FIGURE = "figure"
    RELATIVE = "relative"
    STAGE = "stage"
    COMPOSITE = "composite"


#: Units whose figures are counts, which cannot be negative.
COUNT_UNITS: Final = frozenset(
    {
        "件",
        "人",
        "回",
        "箇所",
        "か所",
        "区",
        "校",
        "団体",
        "施設",
        "業務",
        "事務",
        "項目",
        "本",
        "枚",
        "種類",
        "組",
        "地区",
        "品目",
        "事業者",
        "社",
        "台",
        "基",
        "館",
        "時間",
        "万人",
    }
)


@attrs.frozen
class Figure:
    """An observed figure (``1,234``, ``51.3``)."""

    kind: ClassVar[ValueKind] = ValueKind.FIGURE
    value: float = attrs.field(converter=float, validator=finite)


@attrs.frozen
class RelativeChange:
    """An observed change against the baseline in percent (``30%減`` is ``-30``)."""

    kind: ClassVar[ValueKind] = ValueKind.RELATIVE
    percent: float = attrs.field(converter=float, validator=finite)


@attrs.frozen
class Stage:
    """A milestone stage reached, as the plan names it (``試行検証・要件定義``)."""

    kind: ClassVar[ValueKind] = ValueKind.STAGE
    text: str = attrs.field(validator=non_empty_text)


@attrs.frozen
class CompositeValue:
    """Observed labelled parts (``対面28 オンライン31``)."""

    kind: ClassVar[ValueKind] = ValueKind.COMPOSITE
    parts: tuple[CompositePart, ...]


ObservedValue = Figure | RelativeChange | Stage | CompositeValue


def _date(value: _dt.date | str | None) -> pendulum.Date | None:
    return None if value is None else as_date(value)


@attrs.frozen
class Observation:
    """An observed value (実績) of an indicator for a fiscal year."""

    indicator_id: str
    fiscal_year: FiscalYear = attrs.field(converter=as_fiscal_year)
    value: ObservedValue
    as_of: pendulum.Date | None = attrs.field(default=None, converter=_date)
    source: str | None = None
    note: str | None = None

    @property
    def date(self) -> pendulum.Date:
        """When the figure stands: its as-of date, or the end of its fiscal year."""
        return self.as_of if self.as_of is not None else self.fiscal_year.end


# -- reading one value -------------------------------------------------------------------------


def _targets(indicator: Indicator) -> tuple[Target, ...]:
    return tuple(indicator.target(c) for c in (TargetColumn.FINAL, TargetColumn.MIDTERM))


def _assessed_target(indicator: Indicator) -> CompositeTarget | None:
    for target in _targets(indicator):
        if isinstance(target, CompositeTarget):
            return target
    return None


def parse_value(text: str | float | int, indicator: Indicator) -> ObservedValue:
    """Read an observed value for ``indicator``: a figure, ``30%減``, a stage, or parts.

    Raises :class:`~fukuoka_dx.errors.InvalidValueError` saying what the indicator expects
    when the value does not fit.
    """
    if isinstance(text, bool):
        raise InvalidValueError(f"expected a figure for {indicator.id}, got {text!r}")
    if isinstance(text, int | float):
        return _checked(Figure(text), indicator)
    raw = unicodedata.normalize("NFKC", str(text)).strip()
    if not raw:
        raise InvalidValueError("the value is empty")
    if raw.lower() in {"nan", "inf", "-inf", "+inf", "infinity", "-infinity"}:
        raise InvalidValueError(f"{text!r} is not a finite figure")
    stages = indicator.stages
    if stages:
        if raw in stages:
            return Stage(raw)
        raise InvalidValueError(
            f"{indicator.id} is measured in stages: expected one of {', '.join(stages)}"
        )
    composite = _assessed_target(indicator)
    if composite is not None:
        parsed = parse_target(raw)
        if not isinstance(parsed, CompositeTarget):
            labels = " ".join(f"{p.label}N" for p in composite.parts)
            raise InvalidValueError(f"{indicator.id} has labelled parts: expected e.g. {labels!r}")
        want = [p.label for p in composite.parts]
        got = [p.label for p in parsed.parts]
        if sorted(want) != sorted(got):
            raise InvalidValueError(f"{indicator.id} has parts {want}, the value gives {got}")
        return CompositeValue(parsed.parts)
    try:
        target = parse_target(raw)
    except TargetParseError as exc:
        raise InvalidValueError(str(exc)) from None
    if isinstance(target, RelativeTarget):
        if not any(isinstance(t, RelativeTarget) for t in _targets(indicator)):
            raise InvalidValueError(
                f"{indicator.id} has no relative target (such as 20%減): give the figure itself"
            )
        return RelativeChange(target.percent)
    try:
        return _checked(Figure(parse_number(raw)), indicator)
    except TargetParseError:
        unit = f" in {indicator.unit}" if indicator.unit else ""
        raise InvalidValueError(
            f"{indicator.id} ({indicator.name}) takes a figure{unit} such as 1,234 or 51.3, "
            f"or a change such as 30%減"
        ) from None


def _checked(value: Figure, indicator: Indicator) -> Figure:
    if not math.isfinite(value.value):
        raise InvalidValueError(f"{value.value!r} is not a finite figure")
    if indicator.unit == "%" and not 0 <= value.value <= 100:
        raise InvalidValueError(
            f"{indicator.id} is a percentage: expected 0 to 100, got {value.value:g}"
        )
    if indicator.unit in COUNT_UNITS and value.value < 0:
        raise InvalidValueError(
            f"{indicator.id} counts {indicator.unit}: a count cannot be negative ({value.value:g})"
        )
    return value


def value_text(value: ObservedValue) -> str:
    """An observed value written back as the files take it (:func:`parse_value` reads it)."""
    if isinstance(value, Figure):
        return number_text(value.value)
    if isinstance(value, RelativeChange):
        return f"{number_text(abs(value.percent))}%{'減' if value.percent < 0 else '増'}"
    if isinstance(value, Stage):
        return value.text
    return " ".join(f"{p.label}{number_text(p.value)}" for p in value.parts)
