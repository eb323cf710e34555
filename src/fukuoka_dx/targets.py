"""The cells of an indicator table (現状値, 中間目標, 最終目標), one type per kind.

Every cell keeps ``text``, the cell as published (tidied of extraction damage only). The
``kind`` of each type is a fixed vocabulary: the exported tables and the JSON use its words.

>>> t = parse_target("5,739 (R4.12月末時点)")
>>> t.value, t.note, t.as_of, t.as_of_month
(5739.0, 'R4.12月末時点', True, YearMonth(year=2022, month=12, end_of_month=True))
>>> parse_target("20%減").percent
-20.0
>>> parse_target("同左").kind
<TargetKind.SAME_AS_PREVIOUS: 'same_as_previous'>
"""

from __future__ import annotations

import enum
import math
import re
import unicodedata
from typing import ClassVar, Final

import attrs

from fukuoka_dx._patterns import LazyPattern
from fukuoka_dx._validators import finite, non_empty_text
from fukuoka_dx.errors import (
    FiscalYearParseError,
    InvalidValueError,
    NotFoundError,
    TargetParseError,
)
from fukuoka_dx.fiscal_calendar import YearMonth

__all__ = [
    "CarryForwardTarget",
    "CompositePart",
    "CompositeTarget",
    "Direction",
    "DirectionTarget",
    "MaintainTarget",
    "MilestoneTarget",
    "MissingTarget",
    "NoTarget",
    "NumberTarget",
    "PendingTarget",
    "QualitativeTarget",
    "RangeTarget",
    "RelativeTarget",
    "SameAsPreviousTarget",
    "Target",
    "TargetKind",
    "number_text",
    "parse_number",
    "parse_target",
]


class TargetKind(enum.StrEnum):
    """The kinds of indicator cell (fixed: the exported tables use these words)."""

    NUMBER = "number"
    RELATIVE = "relative"
    DIRECTION = "direction"
    MAINTAIN = "maintain"
    SAME_AS_PREVIOUS = "same_as_previous"
    CARRY_FORWARD = "carry_forward"
    PENDING = "pending"
    RANGE = "range"
    COMPOSITE = "composite"
    MILESTONE = "milestone"
    QUALITATIVE = "qualitative"
    NONE = "none"
    MISSING = "missing"


class Direction(enum.StrEnum):
    """The desired direction of an indicator, or of a 増加/減少 target."""

    INCREASE = "increase"
    DECREASE = "decrease"
    MAINTAIN = "maintain"
    UNKNOWN = "unknown"


def _to_float(value: float) -> float:
    return float(value)


@attrs.frozen
class NumberTarget:
    """A figure: ``80``, ``6,000``, ``51.3``; ``note`` keeps a parenthesised remark.

    ``as_of`` marks a note giving the date of the figure (``R4.12月末時点``), ``estimate`` a
    figure the plan calls an estimate (``2,400 (見込み件数)``).
    """

    kind: ClassVar[TargetKind] = TargetKind.NUMBER
    text: str = attrs.field(validator=non_empty_text)
    value: float = attrs.field(converter=_to_float, validator=finite)
    note: str | None = None
    as_of: bool = False
    estimate: bool = False

    @property
    def as_of_month(self) -> YearMonth | None:
        """The month of an as-of note (``R4.12月末時点`` is 2022-12), if it names one."""
        if not (self.as_of and self.note):
            return None
        try:
            return YearMonth.parse(self.note)
        except FiscalYearParseError:
            return None


@attrs.frozen
class RelativeTarget:
    """A change relative to the baseline in percent: ``20%減`` is ``percent == -20``."""

    kind: ClassVar[TargetKind] = TargetKind.RELATIVE
    text: str = attrs.field(validator=non_empty_text)
    percent: float = attrs.field(converter=_to_float, validator=finite)


@attrs.frozen
class DirectionTarget:
    """Any move in a direction over the baseline: ``増加`` (increase) or ``減少`` (decrease)."""

    kind: ClassVar[TargetKind] = TargetKind.DIRECTION
    text: str = attrs.field(validator=non_empty_text)
    direction: Direction = attrs.field()

    @direction.validator
    def _check(self, _attribute: object, value: Direction) -> None:
        if value not in (Direction.INCREASE, Direction.DECREASE):
            raise InvalidValueError(f"a direction target is increase or decrease, got {value!r}")


@attrs.frozen
class MaintainTarget:
    """Keep at least the baseline level: ``継続``."""

    kind: ClassVar[TargetKind] = TargetKind.MAINTAIN
    text: str = attrs.field(validator=non_empty_text)


@attrs.frozen
class SameAsPreviousTarget:
    """``同左``: the same as the column to the left."""

    kind: ClassVar[TargetKind] = TargetKind.SAME_AS_PREVIOUS
    text: str = attrs.field(validator=non_empty_text)


@attrs.frozen
class CarryForwardTarget:
    """``→``: no figure of its own; the arrow carries the row on."""

    kind: ClassVar[TargetKind] = TargetKind.CARRY_FORWARD
    text: str = attrs.field(validator=non_empty_text)


@attrs.frozen
class PendingTarget:
    """To be set later (``※``, ``調査後設定※``); ``text`` is the published reason."""

    kind: ClassVar[TargetKind] = TargetKind.PENDING
    text: str = attrs.field(validator=non_empty_text)


@attrs.frozen
class RangeTarget:
    """A band ``15~80``: any value from ``low`` to ``high`` (both included) meets it."""

    kind: ClassVar[TargetKind] = TargetKind.RANGE
    text: str = attrs.field(validator=non_empty_text)
    low: float = attrs.field(converter=_to_float, validator=finite)
    high: float = attrs.field(converter=_to_float, validator=finite)

    @high.validator
    def _check_order(self, _attribute: object, value: float) -> None:
        if self.low > value:
            raise InvalidValueError(f"range {self.text!r}: low {self.low} is above high {value}")


@attrs.frozen
class CompositePart:
    """One labelled figure of a composite cell (``対面30``)."""

    label: str = attrs.field(validator=non_empty_text)
    value: float = attrs.field(converter=_to_float, validator=finite)


def _parts(_instance: object, _attribute: object, value: tuple[CompositePart, ...]) -> None:
    if len(value) < 2:
        raise InvalidValueError(f"a composite target has two parts or more, got {len(value)}")
    labels = [p.label for p in value]
    if len(set(labels)) != len(labels):
        raise InvalidValueError(f"composite parts repeat a label: {labels}")


@attrs.frozen
class CompositeTarget:
    """Labelled parts, each a figure: ``対面30 オンライン30``."""

    kind: ClassVar[TargetKind] = TargetKind.COMPOSITE
    text: str = attrs.field(validator=non_empty_text)
    parts: tuple[CompositePart, ...] = attrs.field(validator=_parts)

    def part(self, label: str) -> CompositePart:
        """The part with ``label``.

        An unknown label is a :class:`~fukuoka_dx.errors.NotFoundError`.
        """
        for p in self.parts:
            if p.label == label:
                return p
        raise NotFoundError.for_key(
            "part", label, [p.label for p in self.parts], f"in {self.text!r}"
        )


@attrs.frozen
class MilestoneTarget:
    """A stage reached (``ロードマップ策定``); the indicator orders its stages."""

    kind: ClassVar[TargetKind] = TargetKind.MILESTONE
    text: str = attrs.field(validator=non_empty_text)


@attrs.frozen
class QualitativeTarget:
    """A state in words (``全校``, ``ほぼ全市民``): not measurable as a figure."""

    kind: ClassVar[TargetKind] = TargetKind.QUALITATIVE
    text: str = attrs.field(validator=non_empty_text)


@attrs.frozen
class NoTarget:
    """``-``: the plan gives no figure in that column."""

    kind: ClassVar[TargetKind] = TargetKind.NONE
    text: str = attrs.field(default="-", validator=non_empty_text)


@attrs.frozen
class MissingTarget:
    """The source lost or never had the cell; ``note`` says what the source shows."""

    kind: ClassVar[TargetKind] = TargetKind.MISSING
    note: str = attrs.field(validator=non_empty_text)
    text: str = ""


Target = (
    NumberTarget
    | RelativeTarget
    | DirectionTarget
    | MaintainTarget
    | SameAsPreviousTarget
    | CarryForwardTarget
    | PendingTarget
    | RangeTarget
    | CompositeTarget
    | MilestoneTarget
    | QualitativeTarget
    | NoTarget
    | MissingTarget
)

TARGET_TYPES: Final[tuple[type[Target], ...]] = (
    NumberTarget,
    RelativeTarget,
    DirectionTarget,
    MaintainTarget,
    SameAsPreviousTarget,
    CarryForwardTarget,
    PendingTarget,
    RangeTarget,
    CompositeTarget,
    MilestoneTarget,
    QualitativeTarget,
    NoTarget,
    MissingTarget,
)
TYPE_BY_KIND: Final[dict[TargetKind, type[Target]]] = {t.kind: t for t in TARGET_TYPES}

# -- reading cell text ----------------------------------------------------------------------

_NUM: Final = r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_RE_NUMBER: Final = LazyPattern(rf"^(?P<num>{_NUM})\s*(?:[（(](?P<note>[^()（）]+)[)）])?$")
_RE_RELATIVE: Final = LazyPattern(rf"^(?P<num>{_NUM})\s*[%％]\s*(?P<dir>削減|減少|減|増加|増)$")
_RE_RANGE: Final = LazyPattern(rf"^(?P<low>{_NUM})\s*[~〜～]\s*(?P<high>{_NUM})$")
_RE_PART: Final = LazyPattern(rf"(?P<label>[^\d\s+-][^\d\s]*?)\s*(?P<num>{_NUM})")
_NONE_TEXTS: Final = frozenset({"-", "－", "―", "ー", "—", "–"})
_INCREASE: Final = frozenset({"増加", "増", "向上", "上昇", "拡大"})
_DECREASE: Final = frozenset({"減少", "減", "削減", "低下"})
_MAINTAIN: Final = frozenset({"継続", "維持", "現状維持"})
_PENDING_MARKS: Final = ("※", "設定", "指標なし", "今後調査", "検討中", "未定")


def _decimal(text: str) -> object:
    """A number's exact value (decimal imported on first use: few figures need it)."""
    from decimal import Decimal

    return Decimal(text)


def parse_number(text: str) -> float:
    """A published figure (``1,234``, ``51.3``, full-width digits) as a float. A figure with
    more digits than a float holds exactly is refused, never rounded; so is a change written
    with both a sign and 減/増 (``-30%減``) by :func:`parse_target`.

    >>> parse_number("１,２３４")
    1234.0
    """
    norm = unicodedata.normalize("NFKC", text).strip()
    if not re.fullmatch(_NUM, norm):
        raise TargetParseError(f"{text!r} is not a figure: expected digits such as 1,234 or 51.3")
    digits = norm.replace(",", "")
    value = float(digits)
    if not math.isfinite(value):
        raise TargetParseError(f"{text!r} is not a finite figure")
    significant = len(digits) - (digits[0] in "+-") - ("." in digits)
    # up to 15 digits a float always holds exactly (DBL_DIG); beyond, compare the decimals
    if significant > 15 and _decimal(number_text(value)) != _decimal(digits):
        raise InvalidValueError(
            f"{text!r} has more digits than a figure holds exactly (about 15 significant "
            f"digits): it would be read as {number_text(value)}"
        )
    return value


def number_text(value: float) -> str:
    """A figure written back plainly: whole numbers without ``.0`` (``5739``), others in full.

    >>> number_text(5739.0), number_text(51.3), number_text(-20.0)
    ('5739', '51.3', '-20')
    """
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _number(text: str, norm: str) -> NumberTarget | None:
    m = _RE_NUMBER.match(norm)
    if not m:
        return None
    note = m["note"].strip() if m["note"] else None
    # keep the note as published (the original characters), not the NFKC form
    if note is not None:
        raw = re.search(r"[（(]([^()（）]+)[)）]\s*$", text)
        note = raw.group(1).strip() if raw else note
    as_of = bool(note) and any(k in (note or "") for k in ("時点", "月末", "現在"))
    estimate = bool(note) and "見込" in (note or "")
    return NumberTarget(
        text=text, value=parse_number(m["num"]), note=note, as_of=as_of, estimate=estimate
    )


def _composite(text: str, norm: str) -> CompositeTarget | None:
    tokens = norm.split()
    if len(tokens) < 2:
        return None
    parts = []
    for token in tokens:
        m = _RE_PART.fullmatch(token)
        if not m:
            return None
        parts.append(CompositePart(m["label"], parse_number(m["num"])))
    return CompositeTarget(text=text, parts=tuple(parts))


def parse_target(text: str | None, kind: TargetKind | str | None = None) -> Target:
    """Read a published cell into its kind; ``kind`` forces one where the text is ambiguous.

    ``None`` (a cell the source does not give) is not read here: build a
    :class:`MissingTarget` with a note saying why.
    """
    if text is None:
        raise TargetParseError("a missing cell has no text: build MissingTarget(note=...)")
    if kind is not None:
        return _parse_as(text, TargetKind(kind))
    norm = unicodedata.normalize("NFKC", text).strip()
    if not norm:
        raise TargetParseError("an empty cell is not a target: use MissingTarget with a note")
    if norm in _NONE_TEXTS:
        return NoTarget(text)
    if norm == "同左":
        return SameAsPreviousTarget(text)
    if norm in ("→", "⇒", "->"):
        return CarryForwardTarget(text)
    if any(mark in norm for mark in _PENDING_MARKS):
        return PendingTarget(text)
    if m := _RE_RELATIVE.match(norm):
        if m["num"][0] in "+-":
            raise TargetParseError(
                f"{text!r} gives its direction twice, by its sign and by {m['dir']}: write "
                f"{m['num'][1:]}%減 for a decrease or {m['num'][1:]}%増 for an increase"
            )
        sign = -1.0 if "減" in m["dir"] else 1.0
        return RelativeTarget(text, sign * parse_number(m["num"]))
    if norm in _INCREASE:
        return DirectionTarget(text, Direction.INCREASE)
    if norm in _DECREASE:
        return DirectionTarget(text, Direction.DECREASE)
    if norm in _MAINTAIN:
        return MaintainTarget(text)
    if m := _RE_RANGE.match(norm):
        return RangeTarget(text, parse_number(m["low"]), parse_number(m["high"]))
    if (number := _number(text, norm)) is not None:
        return number
    if (composite := _composite(text, norm)) is not None:
        return composite
    return QualitativeTarget(text)


def _parse_as(text: str, kind: TargetKind) -> Target:
    if kind is TargetKind.MISSING:
        raise TargetParseError("a missing cell has no text: build MissingTarget(note=...)")
    if kind in (TargetKind.MILESTONE, TargetKind.QUALITATIVE, TargetKind.PENDING):
        cls = TYPE_BY_KIND[kind]
        return cls(text)  # type: ignore[call-arg]
    found = parse_target(text)
    if found.kind is not kind:
        raise TargetParseError(
            f"{text!r} reads as {found.kind.value}, not {kind.value}: "
            f"expected text such as {_EXAMPLES[kind]}"
        )
    return found


_EXAMPLES: Final = {
    TargetKind.NUMBER: "80, 6,000 or 5,739 (R4.12月末時点)",
    TargetKind.RELATIVE: "20%減",
    TargetKind.DIRECTION: "増加 or 減少",
    TargetKind.MAINTAIN: "継続",
    TargetKind.SAME_AS_PREVIOUS: "同左",
    TargetKind.CARRY_FORWARD: "→",
    TargetKind.RANGE: "15~80",
    TargetKind.COMPOSITE: "対面30 オンライン30",
    TargetKind.NONE: "-",
}
