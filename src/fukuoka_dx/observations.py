"""Observed figures (実績) and the files that carry them.

An observation is an indicator id, a fiscal year, a value, and optionally an as-of date, a
source and a note. Files are CSV (UTF-8, header ``indicator_id,fiscal_year,value`` then
optional ``as_of,source,note``; other columns, such as a template's comments, are ignored)
or JSON (a list of objects with the same keys). Reading never executes anything.

>>> from fukuoka_dx import load_plan
>>> obs, = read_observations_csv("indicator_id,fiscal_year,value\\n1-1-3.1,R5,\\"12,000\\"\\n",
...                              load_plan())
>>> obs.indicator_id, obs.fiscal_year, obs.value
('1-1-3.1', FiscalYear(2023), Figure(value=12000.0))
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import math
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import ClassVar, Final

import attrs
import pendulum

from fukuoka_dx._validators import finite, non_empty_text
from fukuoka_dx.fiscal_calendar import FiscalYear, FiscalYearParseError
from fukuoka_dx.model import Indicator, NotFoundError, Plan, TargetColumn
from fukuoka_dx.targets import (
    CompositePart,
    CompositeTarget,
    RelativeTarget,
    Target,
    TargetParseError,
    parse_number,
    parse_target,
)

__all__ = [
    "OBSERVATION_COLUMNS",
    "CompositeValue",
    "Figure",
    "Observation",
    "ObservationError",
    "ObservationsError",
    "ObservedValue",
    "ReadResult",
    "RelativeChange",
    "Stage",
    "parse_value",
    "read_observations",
    "read_observations_csv",
    "read_observations_json",
    "write_observations_csv",
]

OBSERVATION_COLUMNS: Final = ("indicator_id", "fiscal_year", "value", "as_of", "source", "note")
_REQUIRED: Final = OBSERVATION_COLUMNS[:3]
# units whose figures are counts, which cannot be negative
_COUNT_UNITS: Final = frozenset(
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

    kind: ClassVar[str] = "figure"
    value: float = attrs.field(converter=float, validator=finite)


@attrs.frozen
class RelativeChange:
    """An observed change against the baseline in percent (``30%減`` is ``-30``)."""

    kind: ClassVar[str] = "relative"
    percent: float = attrs.field(converter=float, validator=finite)


@attrs.frozen
class Stage:
    """A milestone stage reached, as the plan names it (``試行検証・要件定義``)."""

    kind: ClassVar[str] = "stage"
    text: str = attrs.field(validator=non_empty_text)


@attrs.frozen
class CompositeValue:
    """Observed labelled parts (``対面28 オンライン31``)."""

    kind: ClassVar[str] = "composite"
    parts: tuple[CompositePart, ...]


ObservedValue = Figure | RelativeChange | Stage | CompositeValue
OBSERVED_TYPES: Final = (Figure, RelativeChange, Stage, CompositeValue)


def _fiscal_year(value: FiscalYear | int | str) -> FiscalYear:
    if isinstance(value, FiscalYear):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return FiscalYear(value)
    if isinstance(value, str):
        return FiscalYear.parse(value)
    raise TypeError(f"fiscal_year must be a FiscalYear, int or str, got {value!r}")


def _date(value: _dt.date | str | None) -> pendulum.Date | None:
    if value is None:
        return None
    if isinstance(value, str):
        parsed = pendulum.parse(value.strip(), exact=True)
        if not isinstance(parsed, _dt.date) or isinstance(parsed, _dt.time):
            raise ValueError(f"expected a date such as 2024-03-31, got {value!r}")
        value = parsed
    if isinstance(value, _dt.datetime):
        value = value.date()
    return pendulum.Date(value.year, value.month, value.day)


@attrs.frozen
class Observation:
    """An observed value (実績) of an indicator for a fiscal year."""

    indicator_id: str
    fiscal_year: FiscalYear = attrs.field(converter=_fiscal_year)
    value: ObservedValue
    as_of: pendulum.Date | None = attrs.field(default=None, converter=_date)
    source: str | None = None
    note: str | None = None

    @property
    def date(self) -> pendulum.Date:
        """When the figure stands: its as-of date, or the end of its fiscal year."""
        return self.as_of if self.as_of is not None else self.fiscal_year.end


@attrs.frozen
class ObservationError:
    """One rejected input: where it was (file, row, column), what it said and why."""

    location: str
    column: str | None
    text: str
    reason: str

    def __str__(self) -> str:
        col = f", column {self.column}" if self.column else ""
        quoted = f" ({self.text!r})" if self.text else ""
        return f"{self.location}{col}{quoted}: {self.reason}"


class ObservationsError(ValueError):
    """An observations input with problems; ``errors`` lists every one of them."""

    def __init__(self, errors: Sequence[ObservationError]) -> None:
        self.errors = tuple(errors)
        lines = "\n".join(f"  - {e}" for e in self.errors)
        super().__init__(f"{len(self.errors)} problem(s) in the observations:\n{lines}")


@attrs.frozen
class ReadResult:
    """Observations read with ``keep_valid=True``: the valid ones and the rejected rows.

    ``skipped`` lists the rows left out with ``skip_empty=True`` because their value was
    empty (an unfilled row of a template).
    """

    observations: tuple[Observation, ...]
    rejected: tuple[ObservationError, ...]
    skipped: tuple[str, ...] = ()


# -- values ---------------------------------------------------------------------------------


def _targets(indicator: Indicator) -> tuple[Target, ...]:
    return tuple(indicator.target(c) for c in (TargetColumn.FINAL, TargetColumn.MIDTERM))


def _assessed_target(indicator: Indicator) -> CompositeTarget | None:
    for target in _targets(indicator):
        if isinstance(target, CompositeTarget):
            return target
    return None


def parse_value(text: str | float | int, indicator: Indicator) -> ObservedValue:
    """Read an observed value for ``indicator``: a figure, ``30%減``, a stage, or parts.

    Raises :class:`ValueError` saying what the indicator expects when the value does not fit.
    """
    if isinstance(text, bool):
        raise ValueError(f"expected a figure for {indicator.id}, got {text!r}")
    if isinstance(text, int | float):
        return _checked(Figure(text), indicator)
    raw = unicodedata.normalize("NFKC", str(text)).strip()
    if not raw:
        raise ValueError("the value is empty")
    if raw.lower() in {"nan", "inf", "-inf", "+inf", "infinity", "-infinity"}:
        raise ValueError(f"{text!r} is not a finite figure")
    stages = indicator.stages
    if stages:
        if raw in stages:
            return Stage(raw)
        raise ValueError(
            f"{indicator.id} is measured in stages: expected one of {', '.join(stages)}"
        )
    composite = _assessed_target(indicator)
    if composite is not None:
        parsed = parse_target(raw)
        if not isinstance(parsed, CompositeTarget):
            labels = " ".join(f"{p.label}N" for p in composite.parts)
            raise ValueError(f"{indicator.id} has labelled parts: expected e.g. {labels!r}")
        want = [p.label for p in composite.parts]
        got = [p.label for p in parsed.parts]
        if sorted(want) != sorted(got):
            raise ValueError(f"{indicator.id} has parts {want}, the value gives {got}")
        return CompositeValue(parsed.parts)
    try:
        target = parse_target(raw)
    except TargetParseError as exc:
        raise ValueError(str(exc)) from None
    if isinstance(target, RelativeTarget):
        if not any(isinstance(t, RelativeTarget) for t in _targets(indicator)):
            raise ValueError(
                f"{indicator.id} has no relative target (such as 20%減): give the figure itself"
            )
        return RelativeChange(target.percent)
    try:
        return _checked(Figure(parse_number(raw)), indicator)
    except TargetParseError:
        unit = f" in {indicator.unit}" if indicator.unit else ""
        raise ValueError(
            f"{indicator.id} ({indicator.name}) takes a figure{unit} such as 1,234 or 51.3, "
            f"or a change such as 30%減"
        ) from None


def _checked(value: Figure, indicator: Indicator) -> Figure:
    if not math.isfinite(value.value):
        raise ValueError(f"{value.value!r} is not a finite figure")
    if indicator.unit == "%" and not 0 <= value.value <= 100:
        raise ValueError(f"{indicator.id} is a percentage: expected 0 to 100, got {value.value:g}")
    if indicator.unit in _COUNT_UNITS and value.value < 0:
        raise ValueError(
            f"{indicator.id} counts {indicator.unit}: a count cannot be negative ({value.value:g})"
        )
    return value


# -- readers ----------------------------------------------------------------------------------


def _row_observation(
    row: Mapping[str, object], plan: Plan, location: str, errors: list[ObservationError]
) -> Observation | None:
    def text(key: str) -> str:
        v = row.get(key)
        return "" if v is None else str(v).strip()

    before = len(errors)
    ind_id = text("indicator_id")
    indicator = None
    if not ind_id:
        errors.append(ObservationError(location, "indicator_id", "", "the indicator id is empty"))
    else:
        try:
            indicator = plan.indicator(ind_id)
        except NotFoundError as exc:
            errors.append(ObservationError(location, "indicator_id", ind_id, str(exc)))
    fy = None
    raw_fy = row.get("fiscal_year")
    try:
        fy = _fiscal_year(raw_fy if isinstance(raw_fy, int) else text("fiscal_year"))
    except (FiscalYearParseError, ValueError, TypeError) as exc:
        errors.append(ObservationError(location, "fiscal_year", text("fiscal_year"), str(exc)))
    value = None
    raw_value = row.get("value")
    if indicator is not None:
        try:
            if raw_value is None or (isinstance(raw_value, str) and not raw_value.strip()):
                raise ValueError("the value is empty")
            if not isinstance(raw_value, str | int | float):
                raise ValueError(f"expected text or a number, got {type(raw_value).__name__}")
            value = parse_value(raw_value, indicator)
        except ValueError as exc:
            errors.append(ObservationError(location, "value", text("value"), str(exc)))
    as_of = None
    if text("as_of"):
        try:
            as_of = _date(text("as_of"))
        except (ValueError, pendulum.parsing.exceptions.ParserError):
            errors.append(
                ObservationError(
                    location, "as_of", text("as_of"), "expected a date such as 2024-03-31"
                )
            )
        if as_of is not None and fy is not None and as_of < fy.start:
            errors.append(
                ObservationError(
                    location,
                    "as_of",
                    text("as_of"),
                    f"the as-of date is before {fy} ({fy.label_ja}) begins",
                )
            )
    if len(errors) > before or indicator is None or fy is None or value is None:
        return None
    return Observation(indicator.id, fy, value, as_of, text("source") or None, text("note") or None)


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _collect(
    rows: Iterable[tuple[str, Mapping[str, object]]],
    plan: Plan,
    keep_valid: bool,
    skip_empty: bool = False,
) -> tuple[Observation, ...] | ReadResult:
    skipped: list[str] = []
    if skip_empty:
        kept = []
        for location, row in rows:
            if _is_empty(row.get("value")):
                skipped.append(location)
            else:
                kept.append((location, row))
        rows = kept
    errors: list[ObservationError] = []
    seen: dict[tuple[str, FiscalYear, pendulum.Date | None], tuple[str, Observation]] = {}
    observations: list[Observation] = []
    for location, row in rows:
        before = len(errors)
        obs = _row_observation(row, plan, location, errors)
        if obs is None or len(errors) > before:
            continue
        key = (obs.indicator_id, obs.fiscal_year, obs.as_of)
        if key in seen:
            where, other = seen[key]
            if other.value != obs.value:
                errors.append(
                    ObservationError(
                        location,
                        "value",
                        str(row.get("value", "")),
                        f"{where} gives a different value for {obs.indicator_id} in "
                        f"{obs.fiscal_year}" + (f" as of {obs.as_of}" if obs.as_of else ""),
                    )
                )
            continue
        seen[key] = (location, obs)
        observations.append(obs)
    if keep_valid:
        bad = {e.location for e in errors}
        valid = tuple(o for o in observations if _location_of(seen, o) not in bad)
        return ReadResult(valid, tuple(errors), tuple(skipped))
    if errors:
        raise ObservationsError(errors)
    return tuple(observations)


def _location_of(
    seen: Mapping[tuple[str, FiscalYear, pendulum.Date | None], tuple[str, Observation]],
    obs: Observation,
) -> str:
    return seen[(obs.indicator_id, obs.fiscal_year, obs.as_of)][0]


def _csv_rows(text: str, name: str) -> Iterable[tuple[str, Mapping[str, object]]]:
    text = text.removeprefix("\ufeff")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in _REQUIRED if c not in header]
    if missing:
        raise ObservationsError(
            [
                ObservationError(
                    f"{name}, header",
                    None,
                    ",".join(header),
                    f"missing column(s) {', '.join(missing)}: the header must start "
                    f"{','.join(_REQUIRED)} (then optional as_of,source,note)",
                )
            ]
        )
    reader.fieldnames = header
    for row in reader:
        if not any((v or "").strip() for k, v in row.items() if k in _REQUIRED):
            continue  # a blank line
        yield f"{name}, row {reader.line_num}", row


def read_observations_csv(
    source: str | Path | io.TextIOBase,
    plan: Plan,
    *,
    keep_valid: bool = False,
    skip_empty: bool = False,
    name: str = "",
) -> tuple[Observation, ...] | ReadResult:
    """Read observations from CSV text, a path, or an open text file; validated against ``plan``.

    With errors, raises :class:`ObservationsError` listing all of them, unless ``keep_valid``:
    then returns a :class:`ReadResult` with the valid rows and the rejected ones.
    """
    text, label = _read_text(source, name)
    rows: list[tuple[str, Mapping[str, object]]] = []
    parsed = _csv_rows(text, label)
    try:
        rows.extend(parsed)
    except csv.Error as exc:
        at = f"{label}, row {len(rows) + 2}"
        raise ObservationsError([ObservationError(at, None, "", f"not valid CSV: {exc}")]) from None
    return _collect(rows, plan, keep_valid, skip_empty)


def read_observations_json(
    source: str | Path | io.TextIOBase,
    plan: Plan,
    *,
    keep_valid: bool = False,
    skip_empty: bool = False,
    name: str = "",
) -> tuple[Observation, ...] | ReadResult:
    """Read observations from a JSON array of objects (keys as the CSV columns)."""
    text, label = _read_text(source, name)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ObservationsError(
            [ObservationError(f"{label}, line {exc.lineno}", None, "", f"not JSON: {exc.msg}")]
        ) from None
    if not isinstance(data, list):
        raise ObservationsError(
            [ObservationError(label, None, "", "expected a JSON array of observation objects")]
        )
    rows: list[tuple[str, Mapping[str, object]]] = []
    errors: list[ObservationError] = []
    for i, item in enumerate(data):
        loc = f"{label}, [{i}]"
        if not isinstance(item, dict):
            errors.append(ObservationError(loc, None, "", "expected an object"))
            continue
        unknown = sorted(set(item) - set(OBSERVATION_COLUMNS))
        if unknown:
            errors.append(ObservationError(loc, None, "", f"unknown key(s) {', '.join(unknown)}"))
            continue
        rows.append((loc, item))
    if errors and not keep_valid:
        # report the shape errors together with the row errors
        try:
            _collect(rows, plan, False, skip_empty)
        except ObservationsError as exc:
            errors.extend(exc.errors)
        raise ObservationsError(errors)
    result = _collect(rows, plan, keep_valid, skip_empty)
    if isinstance(result, ReadResult):
        return attrs.evolve(result, rejected=tuple(errors) + result.rejected)
    return result


def read_observations(
    path: str | Path, plan: Plan, *, keep_valid: bool = False, skip_empty: bool = False
) -> tuple[Observation, ...] | ReadResult:
    """Read a ``.csv`` or ``.json`` observations file (by its suffix)."""
    p = Path(path)
    if p.suffix.lower() == ".json":
        return read_observations_json(p, plan, keep_valid=keep_valid, skip_empty=skip_empty)
    if p.suffix.lower() in (".csv", ".txt", ""):
        return read_observations_csv(p, plan, keep_valid=keep_valid, skip_empty=skip_empty)
    raise ObservationsError(
        [ObservationError(str(p), None, "", "expected a .csv or .json observations file")]
    )


def _read_text(source: str | Path | io.TextIOBase, name: str) -> tuple[str, str]:
    if isinstance(source, Path):
        try:
            return source.read_text("utf-8-sig"), name or str(source)
        except UnicodeDecodeError as exc:
            raise ObservationsError(
                [ObservationError(str(source), None, "", f"not UTF-8 text: {exc.reason}")]
            ) from None
        except OSError as exc:
            raise ObservationsError(
                [ObservationError(str(source), None, "", f"cannot read the file: {exc.strerror}")]
            ) from None
    if isinstance(source, str):
        return source, name or "<text>"
    return source.read(), name or getattr(source, "name", "<stream>")


def value_text(value: ObservedValue) -> str:
    """An observed value written back as the files take it."""
    if isinstance(value, Figure):
        v = value.value
        return str(int(v)) if v.is_integer() else repr(v)
    if isinstance(value, RelativeChange):
        p = abs(value.percent)
        num = str(int(p)) if p.is_integer() else repr(p)
        return f"{num}%{'減' if value.percent < 0 else '増'}"
    if isinstance(value, Stage):
        return value.text
    return " ".join(
        f"{p.label}{int(p.value) if p.value.is_integer() else p.value}" for p in value.parts
    )


def write_observations_csv(observations: Iterable[Observation]) -> str:
    """CSV text that :func:`read_observations_csv` reads back to the same observations."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(OBSERVATION_COLUMNS)
    for o in observations:
        writer.writerow(
            [
                o.indicator_id,
                o.fiscal_year.year,
                value_text(o.value),
                o.as_of.isoformat() if o.as_of else "",
                o.source or "",
                o.note or "",
            ]
        )
    return out.getvalue()
