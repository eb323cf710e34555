"""Evaluation schemes: the grades a council knows, from each indicator's result.

- ``standard``: the grade is the status (``on_track``, ``achieved``…).
- ``abcd``: bands on the progress ratio ``d`` (achievement over expected share): ``A`` from
  1.10, ``B`` from 0.80, ``C`` from 0.50, ``D`` below; without a rate, ``achieved`` is ``B``,
  ``limited_progress`` ``C``, ``deterioration`` ``D``, and ``not_assessable`` and
  ``no_data`` are ``-``.
- ``baseline``: against the starting point: ``S`` the target is met; ``A`` better than the
  baseline in the desired direction; ``B`` level with it or worse by at most 10 % of its
  size; ``C`` worse by more; ``-`` without a baseline figure, an observation or a rule.
- a user's own bands from a TOML file (:func:`read_scheme`): ``[[band]]`` tables with a
  ``label`` and a lower bound ``min`` on ``d``, highest first, the last without ``min``, and
  a ``[no_rate]`` table of labels for the statuses that have no rate.

>>> ABCD.grade_of_ratio(1.2), ABCD.grade_of_ratio(0.8), ABCD.grade_of_ratio(0.1)
('A', 'B', 'D')
>>> read_scheme(ABCD.to_toml(), name="abcd") == ABCD
True
"""

from __future__ import annotations

import enum
import itertools
import math
import tomllib
import unicodedata
from collections.abc import Mapping
from typing import Final

import attrs

from fukuoka_dx._validators import non_empty_text
from fukuoka_dx.errors import InputTypeError, InvalidValueError
from fukuoka_dx.model import Indicator, TargetColumn
from fukuoka_dx.observations.values import Figure, RelativeChange
from fukuoka_dx.progress.rules import (
    IndicatorProgress,
    Status,
    desired_sense,
    numeric_baseline,
)
from fukuoka_dx.targets import Direction, NumberTarget, RelativeTarget

__all__ = [
    "ABCD",
    "BASELINE",
    "SCHEMES",
    "STANDARD",
    "Band",
    "Scheme",
    "SchemeKind",
    "read_scheme",
    "scheme",
]

#: The statuses a result can have without a rate: the ones a band scheme labels by name.
NO_RATE_STATUSES: Final = (
    Status.ACHIEVED,
    Status.LIMITED_PROGRESS,
    Status.DETERIORATION,
    Status.NOT_ASSESSABLE,
    Status.NO_DATA,
)
NONE: Final = "-"
#: Labels that read as :data:`NONE` (dashes of every width), compared as :func:`_label_key`.
_NONE_LABELS: Final = frozenset({"-", "－", "―", "ー", "—", "–", "‐", "−", "n/a"})


def _label_key(label: str) -> str:
    """A label as compared for look-alikes: NFKC, without spaces, case folded."""
    return "".join(unicodedata.normalize("NFKC", label).split()).casefold()


class SchemeKind(enum.StrEnum):
    """How a scheme grades: by status, by bands on the progress ratio, or by the baseline."""

    STATUS = "status"
    BANDS = "bands"
    BASELINE = "baseline"


@attrs.frozen
class Band:
    """A grade for progress ratios from ``min`` up (``None``: the lowest band, no bound)."""

    label: str = attrs.field(validator=non_empty_text)
    min: float | None = attrs.field(default=None)

    @min.validator
    def _check_min(self, _attribute: object, value: float | None) -> None:
        if value is not None and (isinstance(value, bool) or not math.isfinite(value)):
            raise InvalidValueError(f"band {self.label!r}: min must be a finite number")


@attrs.frozen
class NoRateLabel:
    """The grade of a result with ``status`` and no rate."""

    status: Status
    label: str = attrs.field(validator=non_empty_text)


def _check_bands(scheme: Scheme, _attribute: object, bands: tuple[Band, ...]) -> None:
    if scheme.kind is not SchemeKind.BANDS:
        if bands:
            raise InvalidValueError(f"scheme {scheme.name!r}: only a band scheme has bands")
        return
    if not bands:
        raise InvalidValueError(f"scheme {scheme.name!r}: a band scheme needs bands")
    *upper, last = bands
    for band in upper:
        if band.min is None:
            raise InvalidValueError(
                f"band {band.label!r}: only the last band may be without min (it is the lowest)"
            )
    if last.min is not None:
        raise InvalidValueError(f"band {last.label!r}: the last band has no min (it is the lowest)")
    for high, low in itertools.pairwise(upper):
        assert high.min is not None and low.min is not None
        if low.min >= high.min:
            raise InvalidValueError(
                f"band {low.label!r}: min {low.min:g} overlaps or is above the band before it "
                f"({high.label!r}, min {high.min:g}): bands go from the highest min down"
            )
    labels = [b.label for b in bands]
    if len(set(labels)) != len(labels):
        raise InvalidValueError(f"scheme {scheme.name!r}: band labels repeat: {labels}")
    for band in bands:
        if _label_key(band.label) in _NONE_LABELS:
            raise InvalidValueError(
                f"scheme {scheme.name!r}: band {band.label!r} is labelled like no grade "
                f"({NONE!r}, the grade of results without a rate or an observation): a graded "
                f"result would look ungraded; choose another label"
            )


def _check_no_rate(scheme: Scheme, _attribute: object, value: tuple[NoRateLabel, ...]) -> None:
    statuses = [n.status for n in value]
    if len(set(statuses)) != len(statuses):
        raise InvalidValueError(f"scheme {scheme.name!r}: a status is labelled twice")
    for n in value:
        if n.status not in NO_RATE_STATUSES:
            raise InvalidValueError(
                f"scheme {scheme.name!r}: {n.status.value} always has a rate: expected one of "
                f"{', '.join(s.value for s in NO_RATE_STATUSES)}"
            )


@attrs.frozen
class Scheme:
    """An evaluation scheme: a name, how it grades, its bands and its labels without a rate.

    Schemes are values: equal when they grade alike, printable, and they round-trip through
    JSON (``to_json``) and TOML (:meth:`to_toml`, :func:`read_scheme`).
    """

    name: str = attrs.field(validator=non_empty_text)
    kind: SchemeKind = attrs.field(validator=attrs.validators.instance_of(SchemeKind))
    bands: tuple[Band, ...] = attrs.field(default=(), validator=_check_bands)
    no_rate: tuple[NoRateLabel, ...] = attrs.field(default=(), validator=_check_no_rate)

    @property
    def graded(self) -> bool:
        """Whether the scheme gives grades of its own (every scheme but ``standard``, whose
        grade is the status): the one test of whether to show a grade column."""
        return self.kind is not SchemeKind.STATUS

    @property
    def labels(self) -> tuple[str, ...]:
        """Every grade the scheme gives, best first (the order roll-ups count them in)."""
        if self.kind is SchemeKind.STATUS:
            return tuple(s.value for s in Status)
        if self.kind is SchemeKind.BASELINE:
            return ("S", "A", "B", "C", NONE)
        seen = [b.label for b in self.bands]
        for label in [n.label for n in self.no_rate] + [NONE]:
            if label not in seen:
                seen.append(label)
        return tuple(seen)

    def grade_of_ratio(self, ratio: float) -> str:
        """The band of a progress ratio (a band scheme only)."""
        for band in self.bands:
            if band.min is None or ratio >= band.min:
                return band.label
        raise InvalidValueError(f"scheme {self.name!r} grades by status or baseline, not bands")

    def no_rate_label(self, status: Status) -> str:
        """The grade of a result with ``status`` and no rate (``-`` where none is given)."""
        return next((n.label for n in self.no_rate if n.status is status), NONE)

    def grade(self, result: IndicatorProgress, indicator: Indicator) -> str:
        """The grade of one indicator's result."""
        if self.kind is SchemeKind.STATUS:
            return result.status.value
        if self.kind is SchemeKind.BASELINE:
            return _baseline_grade(result, indicator)
        ratio = result.ratio
        no_rate = result.status in (Status.NOT_ASSESSABLE, Status.NO_DATA)
        if ratio is None or no_rate:
            return self.no_rate_label(result.status)
        return self.grade_of_ratio(ratio)

    def to_toml(self) -> str:
        """The scheme as a TOML file that :func:`read_scheme` reads back (a band scheme)."""
        if self.kind is not SchemeKind.BANDS:
            raise InvalidValueError(f"scheme {self.name!r} is built in: only bands are written")
        lines = []
        for band in self.bands:
            lines += ["[[band]]", f"label = {_toml_string(band.label)}"]
            if band.min is not None:
                lines.append(f"min = {band.min!r}")
            lines.append("")
        lines.append("[no_rate]")
        lines += [f"{n.status.value} = {_toml_string(n.label)}" for n in self.no_rate]
        return "\n".join(lines) + "\n"

    def __str__(self) -> str:
        if self.kind is SchemeKind.BANDS:
            bands = ", ".join(
                f"{b.label} ≥ {b.min:g}" if b.min is not None else f"{b.label} below"
                for b in self.bands
            )
            return f"{self.name} ({bands})"
        return self.name


def _toml_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c >= " " else f"\\u{ord(c):04x}" for c in escaped) + '"'


def _baseline_sense(indicator: Indicator, column: TargetColumn, b: float | None) -> Direction:
    """The desired direction: the indicator's own, else the way its target lies."""
    if indicator.direction in (Direction.INCREASE, Direction.DECREASE):
        return indicator.direction
    target = indicator.target(column)
    if isinstance(target, RelativeTarget) and target.percent:
        return Direction.DECREASE if target.percent < 0 else Direction.INCREASE
    if isinstance(target, NumberTarget) and b is not None and target.value != b:
        return desired_sense(indicator, target.value, b)
    return Direction.UNKNOWN


def _baseline_grade(result: IndicatorProgress, indicator: Indicator) -> str:
    if result.status is Status.ACHIEVED:
        return "S"
    o = result.observation
    b = numeric_baseline(indicator)
    if o is None or result.status in (Status.NOT_ASSESSABLE, Status.NO_DATA):
        return NONE
    if isinstance(o.value, RelativeChange):
        change, size = o.value.percent, 100.0  # a change in percent of the baseline
    elif isinstance(o.value, Figure) and b is not None:
        change, size = o.value.value - b, abs(b)
    else:
        return NONE
    sense = _baseline_sense(indicator, result.target, b)
    if sense is Direction.UNKNOWN:
        return NONE
    gain = change if sense is Direction.INCREASE else -change
    if gain > 0:
        return "A"
    return "B" if -gain <= 0.1 * size else "C"


STANDARD: Final = Scheme("standard", SchemeKind.STATUS)
ABCD: Final = Scheme(
    "abcd",
    SchemeKind.BANDS,
    (Band("A", 1.10), Band("B", 0.80), Band("C", 0.50), Band("D")),
    (
        NoRateLabel(Status.ACHIEVED, "B"),
        NoRateLabel(Status.LIMITED_PROGRESS, "C"),
        NoRateLabel(Status.DETERIORATION, "D"),
        NoRateLabel(Status.NOT_ASSESSABLE, NONE),
        NoRateLabel(Status.NO_DATA, NONE),
    ),
)
BASELINE: Final = Scheme("baseline", SchemeKind.BASELINE)
#: The built-in schemes by name.
SCHEMES: Final[Mapping[str, Scheme]] = {s.name: s for s in (STANDARD, ABCD, BASELINE)}


def _scheme_text(data: str | bytes, name: str) -> str:
    """The text of a TOML scheme: UTF-8 (TOML's one encoding), a byte-order mark allowed;
    bytes in another encoding are refused, naming Shift_JIS where they read as it."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    if not isinstance(data, bytes | bytearray):
        raise InputTypeError(
            f"scheme {name!r}: expected TOML text or its bytes, got {type(data).__name__}"
        )
    try:
        return bytes(data).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        try:
            bytes(data).decode("cp932")
        except UnicodeDecodeError:
            said = ""
        else:
            said = " (it reads as Shift_JIS, cp932)"
        raise InvalidValueError(
            f"scheme {name!r}: line {line} is not UTF-8{said}: a TOML file is UTF-8; save it "
            f"as UTF-8"
        ) from None


def read_scheme(text: str | bytes, *, name: str = "custom") -> Scheme:
    """A band scheme from TOML text or the bytes of a TOML file (UTF-8, with or without a
    byte-order mark); a problem (overlapping or unordered bands, a band labelled like no
    grade, an unknown key or status, a file not in UTF-8) is an
    :class:`~fukuoka_dx.errors.InvalidValueError` naming it."""
    try:
        data = tomllib.loads(_scheme_text(text, name))
    except tomllib.TOMLDecodeError as exc:
        raise InvalidValueError(f"scheme {name!r}: not TOML: {exc}") from None
    unknown = sorted(set(data) - {"band", "no_rate"})
    if unknown:
        raise InvalidValueError(f"scheme {name!r}: unknown key(s) {', '.join(unknown)}")
    raw_bands = data.get("band", [])
    if not isinstance(raw_bands, list) or not all(isinstance(b, dict) for b in raw_bands):
        raise InvalidValueError(f"scheme {name!r}: bands are [[band]] tables")
    bands = []
    for n, raw in enumerate(raw_bands, 1):
        extra = sorted(set(raw) - {"label", "min"})
        label = raw.get("label")
        if extra or not isinstance(label, str):
            why = f"unknown key(s) {', '.join(extra)}" if extra else "a band needs a label"
            raise InvalidValueError(f"scheme {name!r}: band {n}: {why}")
        low = raw.get("min")
        if low is not None and (isinstance(low, bool) or not isinstance(low, int | float)):
            raise InvalidValueError(f"band {label!r}: min must be a number, got {low!r}")
        bands.append(Band(label, None if low is None else float(low)))
    no_rate = []
    for key, label in (data.get("no_rate") or {}).items():
        try:
            status = Status(key)
        except ValueError:
            raise InvalidValueError(f"scheme {name!r}: no_rate: unknown status {key!r}") from None
        if not isinstance(label, str):
            raise InvalidValueError(f"scheme {name!r}: no_rate.{key} must be text")
        no_rate.append(NoRateLabel(status, label))
    return Scheme(name, SchemeKind.BANDS, tuple(bands), tuple(no_rate))


def scheme(name_or_toml: str | Scheme) -> Scheme:
    """A scheme by built-in name (``standard``, ``abcd``, ``baseline``), or a given one."""
    if isinstance(name_or_toml, Scheme):
        return name_or_toml
    try:
        return SCHEMES[name_or_toml]
    except KeyError:
        raise InvalidValueError(
            f"unknown scheme {name_or_toml!r}: expected {', '.join(SCHEMES)} or a TOML file"
        ) from None
