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
import numbers
import re
import unicodedata
from decimal import Decimal
from typing import ClassVar, Final, NoReturn

import attrs
import pendulum

from fukuoka_dx._validators import non_empty_text
from fukuoka_dx.errors import InputTypeError, InvalidValueError, TargetParseError
from fukuoka_dx.fiscal_calendar import FiscalYear, as_date, as_fiscal_year
from fukuoka_dx.model import Indicator, TargetColumn
from fukuoka_dx.targets import (
    CompositePart,
    CompositeTarget,
    NumberTarget,
    RelativeTarget,
    Target,
    number_text,
    parse_number,
    parse_target,
)

__all__ = [
    "COUNT_UNITS",
    "EDITION_COLUMNS",
    "MEASURE_UNITS",
    "OBSERVATION_COLUMNS",
    "CompositeValue",
    "Figure",
    "Observation",
    "ObservedValue",
    "RelativeChange",
    "Stage",
    "ValueKind",
    "ValueRule",
    "ValueRuleKind",
    "check_value",
    "check_value_by_rule",
    "parse_value",
    "read_value",
    "value_rule",
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
        "者",
        "個",
        "システム",
    }
)
#: Units of lengths and areas, which cannot be negative either.
MEASURE_UNITS: Final = frozenset({"km", "m", "ha"})


def _exact_number(value: object, what: str = "a figure") -> float:
    """A number as a float, refused where it would not stay the number given: text (read it
    with :func:`parse_value`), ``True``/``False``, NaN and infinities, and an integer or a
    decimal that a float cannot hold exactly (``2**53 + 1``, 400 digits), which would be
    shown changed. Raises :class:`~fukuoka_dx.errors.InputTypeError` for a value that is no
    number, :class:`~fukuoka_dx.errors.InvalidValueError` for one that cannot be kept."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real | Decimal):
        hint = " (read text with parse_value(text, indicator))" if isinstance(value, str) else ""
        raise InputTypeError(f"{what} is a number, got {type(value).__name__}: {value!r}{hint}")
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        if isinstance(value, numbers.Integral) or (
            isinstance(value, Decimal) and value.is_finite()
        ):
            raise InvalidValueError(
                f"{_shown(value)} is too large for {what} (beyond about 1.8e308)"
            )
        raise InvalidValueError(f"{what} must be a finite number, got {_shown(value)}")
    if isinstance(value, numbers.Integral):
        exact = int(value) == number  # compared exactly, as integers
    elif isinstance(value, Decimal):
        exact = Decimal(number_text(number)) == value
    else:
        exact = True  # a float is itself
    if not exact:
        raise InvalidValueError(
            f"{_shown(value)} has more digits than a figure holds exactly (about 15 "
            f"significant digits): it would be read as {number_text(number)}"
        )
    return number


def _shown(value: object) -> str:
    """A number as a message quotes it: in full up to 40 characters, else its first digits."""
    text = str(value)
    return text if len(text) <= 40 else f"{text[:12]}… ({len(text)} characters)"


def _figure_number(value: object) -> float:
    return _exact_number(value, "a figure")


def _percent_number(value: object) -> float:
    return _exact_number(value, "a change in percent")


@attrs.frozen
class Figure:
    """An observed figure (``1,234``, ``51.3``): a number (``int``, ``float``,
    :class:`~decimal.Decimal`), kept exactly or refused (an integer or a decimal that a float
    cannot hold exactly would be shown changed); text is read by :func:`parse_value`."""

    kind: ClassVar[ValueKind] = ValueKind.FIGURE
    value: float = attrs.field(converter=_figure_number)


@attrs.frozen
class RelativeChange:
    """An observed change against the baseline in percent (``30%減`` is ``-30``)."""

    kind: ClassVar[ValueKind] = ValueKind.RELATIVE
    percent: float = attrs.field(converter=_percent_number)


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

#: The columns of an observation in files and in JSON, in order; the first three are required.
OBSERVATION_COLUMNS: Final = ("indicator_id", "fiscal_year", "value", "as_of", "source", "note")
#: The optional columns that record the plan edition (and its digest) an observation was made
#: against; a file without them records none.
EDITION_COLUMNS: Final = ("edition", "digest")


def _indicator_id(value: str) -> str:
    if not isinstance(value, str):
        raise InputTypeError(f"indicator_id must be text, got {type(value).__name__}: {value!r}")
    return unicodedata.normalize("NFKC", value).strip()


def _as_value(value: ObservedValue | float) -> ObservedValue:
    """An observed value; a plain number is a figure."""
    if isinstance(value, Figure | RelativeChange | Stage | CompositeValue):
        return value
    if isinstance(value, numbers.Real | Decimal) and not isinstance(value, bool):
        return Figure(value)  # int, float, Decimal, and numpy's or pandas' numbers
    hint = " (read text with parse_value(text, indicator))" if isinstance(value, str) else ""
    raise InputTypeError(
        f"an observed value is a number, Figure, RelativeChange, Stage or CompositeValue, "
        f"got {type(value).__name__}: {value!r}{hint}"
    )


def _optional_text(value: object) -> str | None:
    """A source or a note: text, trimmed, or ``None``; blank text is none, as a reader reads
    an empty cell."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputTypeError(f"a source or a note is text, got {type(value).__name__}: {value!r}")
    return value.strip() or None


def _recorded(value: object) -> str | None:
    """An edition or a digest an observation records: text, trimmed, or ``None``."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputTypeError(
            f"an edition or a digest is text, got {type(value).__name__}: {value!r}"
        )
    return unicodedata.normalize("NFKC", value).strip() or None


def _date(value: _dt.date | str | None) -> pendulum.Date | None:
    return None if value is None else as_date(value)


@attrs.frozen
class Observation:
    """An observed value (実績) of an indicator for a fiscal year.

    Built from what a caller has at hand: the id as typed (full-width forms are read as
    half-width), the fiscal year and the as-of date in any notation the library reads, a plain
    number as a :class:`Figure`. Whether it fits the plan is checked where it meets the plan
    (:func:`~fukuoka_dx.observations.checks.check_observations`, and so ``assess`` and the
    readers), with the same messages everywhere.

    >>> o = Observation("１-１-３.１", "令和7年度", 21000, as_of="R8.3.31")
    >>> o.indicator_id, o.fiscal_year, o.value, o.as_of
    ('1-1-3.1', FiscalYear(2025), Figure(value=21000.0), Date(2026, 3, 31))
    """

    indicator_id: str = attrs.field(converter=_indicator_id, validator=non_empty_text)
    fiscal_year: FiscalYear = attrs.field(converter=as_fiscal_year)
    value: ObservedValue = attrs.field(converter=_as_value)
    as_of: pendulum.Date | None = attrs.field(default=None, converter=_date)
    source: str | None = attrs.field(default=None, converter=_optional_text)
    note: str | None = attrs.field(default=None, converter=_optional_text)
    edition: str | None = attrs.field(default=None, converter=_recorded)
    """The plan edition the observation was recorded against (``2023-09``), if it says: its
    indicator id is an id of that edition."""
    digest: str | None = attrs.field(default=None, converter=_recorded)
    """The digest of the plan it was recorded against, if it says."""

    @property
    def date(self) -> pendulum.Date:
        """When the figure stands: its as-of date, or the end of its fiscal year."""
        return self.as_of if self.as_of is not None else self.fiscal_year.end

    def json_form(self) -> dict[str, object]:
        """The JSON object of this observation: the file columns, the value as a number or as
        the text a file would hold (what the readers, such as
        :func:`~fukuoka_dx.observations.files.parse_observations_json`, read)."""
        value: object = value_text(self.value)
        if isinstance(self.value, Figure):
            v = self.value.value
            value = int(v) if v.is_integer() and abs(v) < 2**53 else v
        data: dict[str, object] = {
            "indicator_id": self.indicator_id,
            "fiscal_year": self.fiscal_year.year,
            "value": value,
            "as_of": self.as_of.isoformat() if self.as_of is not None else None,
            "source": self.source,
            "note": self.note,
        }
        for key in EDITION_COLUMNS:  # only when recorded: the six columns otherwise
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        return data

    @classmethod
    def from_json_form(cls, data: object) -> Observation:
        """An observation from its JSON object, without a plan: a number is a figure, text is
        read as a change (``30%減``), labelled parts, a figure, or else a stage. Reading
        against the plan (the readers) knows the indicator and checks it."""
        if not isinstance(data, dict):
            raise ValueError(f"expected an object, got {data!r}")
        unknown = sorted(set(data) - {*OBSERVATION_COLUMNS, *EDITION_COLUMNS})
        if unknown:
            raise ValueError(f"unknown key(s) {', '.join(map(str, unknown))}")
        missing = [k for k in OBSERVATION_COLUMNS[:3] if data.get(k) is None]
        if missing:
            raise ValueError(f"missing {', '.join(missing)}")
        value = data["value"]
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise ValueError(f"value: expected a number or text, got {value!r}")
        for key in ("indicator_id", "as_of", "source", "note", *EDITION_COLUMNS):
            if data.get(key) is not None and not isinstance(data[key], str):
                raise ValueError(f"{key}: expected text, got {data[key]!r}")
        fiscal_year = data["fiscal_year"]
        if isinstance(fiscal_year, bool) or not isinstance(fiscal_year, int | str):
            raise ValueError(f"fiscal_year: expected a year or text, got {fiscal_year!r}")
        return cls(
            data["indicator_id"],
            fiscal_year,
            _value_without_indicator(value),
            data.get("as_of"),
            data.get("source"),
            data.get("note"),
            data.get("edition"),
            data.get("digest"),
        )


# -- reading one value -------------------------------------------------------------------------


def _targets(indicator: Indicator) -> tuple[Target, ...]:
    return tuple(indicator.target(c) for c in (TargetColumn.FINAL, TargetColumn.MIDTERM))


def _composite_target(indicator: Indicator) -> CompositeTarget | None:
    for target in _targets(indicator):
        if isinstance(target, CompositeTarget):
            return target
    return None


def _has_relative_target(indicator: Indicator) -> bool:
    return any(isinstance(t, RelativeTarget) for t in _targets(indicator))


_NOT_FINITE: Final = frozenset({"nan", "inf", "-inf", "+inf", "infinity", "-infinity"})


def _value_without_indicator(raw: str | float) -> ObservedValue:
    if isinstance(raw, int | float):
        return Figure(raw)
    text = unicodedata.normalize("NFKC", raw).strip()
    parsed = parse_target(text) if text else None
    if isinstance(parsed, RelativeTarget):
        return RelativeChange(parsed.percent)
    if isinstance(parsed, CompositeTarget):
        return CompositeValue(parsed.parts)
    if isinstance(parsed, NumberTarget) and parsed.note is None:
        return Figure(parsed.value)
    return Stage(text)


#: A figure written with a decimal comma (``55,5``): one comma, not before three digits.
_DECIMAL_COMMA: Final = re.compile(r"^[+-]?\d+,(?:\d{1,2}|\d{4,})$")


def _figure_hint(indicator: Indicator) -> str:
    """What a figure of ``indicator`` looks like, for a message."""
    if indicator.unit == "%":
        example = "a percentage such as 51.3 (0 to 100)"
    elif indicator.unit:
        example = f"a figure in {indicator.unit} such as 1234 or 1,234"
    else:
        example = "a figure such as 1234 or 51.3"
    change = ", or a change such as 30%減" if _has_relative_target(indicator) else ""
    return f"{indicator.id} ({indicator.name}) takes {example}{change}"


def read_value(text: str | float | Decimal, indicator: Indicator) -> ObservedValue:
    """Read an observed value as ``indicator`` takes it, without judging its size: a figure,
    a change (``30%減``), a stage, or labelled parts. :func:`parse_value` also checks it.

    The whole text must be read: a figure with anything left over (``12abc``, ``1,2,3``) is an
    error, never the part that could be read, and so is one with more digits than a figure
    holds exactly. ``12.5%`` is the figure 12.5 where the indicator's unit is %. A change
    gives its direction by 減 or 増 alone: ``-30%減`` is refused, never read as either. A
    number (``int``, ``float``, :class:`~decimal.Decimal`) is a figure.
    """
    if isinstance(text, bool):
        raise InvalidValueError(f"expected a figure for {indicator.id}, got {text!r}")
    if isinstance(text, float) and not math.isfinite(text):
        _not_finite(text)
    if isinstance(text, numbers.Real | Decimal):
        return Figure(text)
    if not isinstance(text, str):
        raise InputTypeError(f"a value is text or a number, got {type(text).__name__}: {text!r}")
    raw = unicodedata.normalize("NFKC", text).strip()
    if not raw:
        raise InvalidValueError("the value is empty")
    if raw.lower() in _NOT_FINITE:
        _not_finite(text)
    stages = indicator.stages
    if stages:
        if raw in stages:
            return Stage(raw)
        raise InvalidValueError(
            f"{indicator.id} is measured in stages: expected one of {', '.join(stages)}"
        )
    _check_digits(text)
    try:
        target = parse_target(raw)
    except TargetParseError as exc:
        raise InvalidValueError(str(exc)) from None
    composite = _composite_target(indicator)
    if composite is not None:
        if not isinstance(target, CompositeTarget):
            labels = " ".join(f"{p.label}N" for p in composite.parts)
            raise InvalidValueError(f"{indicator.id} has labelled parts: expected e.g. {labels!r}")
        return CompositeValue(target.parts)
    if isinstance(target, RelativeTarget):
        return RelativeChange(target.percent)
    number = raw.removesuffix("%").rstrip() if indicator.unit == "%" else raw
    try:
        return Figure(parse_number(number))
    except TargetParseError:
        comma = (
            ": a comma only separates thousands, in groups of three (1,234); write a "
            "decimal with a point (55.5, not 55,5)"
            if _DECIMAL_COMMA.match(number)
            else ""
        )
        raise InvalidValueError(_figure_hint(indicator) + comma) from None


#: The characters that are digits in a figure: ASCII and full-width digits. Others that
#: normalise to digits (¹, ①, ⑩) are refused, never read as the digits they resemble.
_DIGITS: Final = frozenset("0123456789０１２３４５６７８９")


def _check_digits(text: str) -> None:
    for ch in text:
        if ch not in _DIGITS and any(c.isdigit() for c in unicodedata.normalize("NFKC", ch)):
            raise InvalidValueError(
                f"{text!r} holds {ch!r}, which is not a digit: write the figure with 0-9 only"
            )


def _not_finite(text: object) -> NoReturn:
    raise InvalidValueError(f"{text!r} is not a finite figure")


class ValueRuleKind(enum.StrEnum):
    """What an indicator takes as its observed value, most specific first."""

    STAGE = "stage"
    """one of its stages"""
    PARTS = "parts"
    """labelled parts, as its composite target"""
    CHANGE = "change"
    """a change against the baseline (``30%減``) or a figure"""
    PERCENT = "percent"
    """a percentage from 0 to 100"""
    NON_NEGATIVE = "non_negative"
    """a count, a length or an area: 0 or more"""
    FIGURE = "figure"
    """any finite figure"""


@attrs.frozen
class ValueRule:
    """The value rule of an indicator: what its observed value may be. The one definition
    that the reader (:func:`check_value`) and the templates' cell validation both use."""

    kind: ValueRuleKind
    low: float | None = None
    """The smallest figure accepted (``None``: no bound)."""
    high: float | None = None
    """The largest figure accepted (``None``: no bound)."""
    stages: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    """The labels of the parts, for a composite value."""

    @property
    def takes_figure(self) -> bool:
        return self.kind not in (ValueRuleKind.STAGE, ValueRuleKind.PARTS)


def value_rule(indicator: Indicator) -> ValueRule:
    """The value rule of ``indicator``: stages, labelled parts, a change, or a figure with
    its range (0 to 100 for a percentage, 0 or more for a count, a length or an area)."""
    if indicator.stages:
        return ValueRule(ValueRuleKind.STAGE, stages=indicator.stages)
    composite = _composite_target(indicator)
    if composite is not None:
        return ValueRule(ValueRuleKind.PARTS, parts=tuple(p.label for p in composite.parts))
    low, high = _figure_range(indicator)
    if _has_relative_target(indicator):
        return ValueRule(ValueRuleKind.CHANGE, low, high)
    if high is not None:
        return ValueRule(ValueRuleKind.PERCENT, low, high)
    if low is not None:
        return ValueRule(ValueRuleKind.NON_NEGATIVE, low)
    return ValueRule(ValueRuleKind.FIGURE)


def _figure_range(indicator: Indicator) -> tuple[float | None, float | None]:
    """The smallest and the largest figure ``indicator`` takes, as a plain figure or as a
    labelled part (``None``: no bound): 0 to 100 for a percentage, 0 or more for a count, a
    length or an area."""
    if indicator.unit == "%":
        return 0.0, 100.0
    if _cannot_be_negative(indicator):
        return 0.0, None
    return None, None


def check_value(value: ObservedValue, indicator: Indicator) -> None:
    """Check that ``value`` fits ``indicator``: its kind (a stage of its stages, its labelled
    parts, a change only where a target is one), and a figure's range (0 to 100 for a
    percentage, never negative for a count). Raises
    :class:`~fukuoka_dx.errors.InvalidValueError` saying what the indicator expects."""
    check_value_by_rule(value, indicator, value_rule(indicator))


def check_value_by_rule(value: ObservedValue, indicator: Indicator, rule: ValueRule) -> None:
    """:func:`check_value` with the indicator's :func:`value_rule` worked out already, as a
    check of many observations has it (once per indicator)."""
    kind = rule.kind
    if kind is ValueRuleKind.STAGE:
        if not isinstance(value, Stage) or value.text not in rule.stages:
            raise InvalidValueError(
                f"{indicator.id} is measured in stages: expected one of {', '.join(rule.stages)}"
            )
        return
    if kind is ValueRuleKind.PARTS:
        want = list(rule.parts)
        if not isinstance(value, CompositeValue):
            labels = " ".join(f"{label}N" for label in want)
            raise InvalidValueError(f"{indicator.id} has labelled parts: expected e.g. {labels!r}")
        got = [p.label for p in value.parts]
        if sorted(want) != sorted(got):
            raise InvalidValueError(f"{indicator.id} has parts {want}, the value gives {got}")
        low, high = _figure_range(indicator)
        for p in value.parts:
            _check_figure(p.value, indicator, low, high, p.label)
        return
    if isinstance(value, RelativeChange):
        if kind is not ValueRuleKind.CHANGE:
            raise InvalidValueError(
                f"{indicator.id} has no relative target (such as 20%減): give the figure itself"
            )
        if value.percent < -100:
            raise InvalidValueError(
                f"{value_text(value)}: a decrease of more than 100% of the baseline is impossible"
            )
        return
    if not isinstance(value, Figure):
        raise InvalidValueError(_figure_hint(indicator))
    _check_figure(value.value, indicator, rule.low, rule.high)


def _check_figure(
    number: float,
    indicator: Indicator,
    low: float | None,
    high: float | None,
    part: str | None = None,
) -> None:
    """A figure of ``indicator`` (or of its labelled ``part``) in its range ``low`` to
    ``high`` (``_figure_range``): 0 to 100 for a percentage, never negative for a count, a
    length or an area."""
    if high is not None and not (low or 0) <= number <= high:
        of = f" (part {part})" if part else ""
        raise InvalidValueError(
            f"{indicator.id}{of} is a percentage: expected 0 to 100, got {number_text(number)}"
        )
    if low is not None and number < low:
        of = f" (part {part})" if part else ""
        if indicator.unit in MEASURE_UNITS:
            what = f"measures {indicator.unit}: a length or an area"
        elif indicator.unit:
            what = f"counts {indicator.unit}: a count"
        else:
            what = "is a count: a count"
        raise InvalidValueError(
            f"{indicator.id}{of} {what} cannot be negative ({number_text(number)})"
        )


def _cannot_be_negative(indicator: Indicator) -> bool:
    """A count (a counting unit, or no unit and a name that counts: ``…数``) or a length or
    an area."""
    unit = indicator.unit
    if unit in COUNT_UNITS or unit in MEASURE_UNITS:
        return True
    return unit is None and "数" in indicator.name


def parse_value(text: str | float, indicator: Indicator) -> ObservedValue:
    """Read an observed value for ``indicator`` (:func:`read_value`) and check that it fits
    (:func:`check_value`); raises :class:`~fukuoka_dx.errors.InvalidValueError` saying what
    the indicator expects when it does not."""
    value = read_value(text, indicator)
    check_value(value, indicator)
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
