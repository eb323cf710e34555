"""工程: an initiative's schedule, rows of one cell per fiscal year of the plan.

A cell holds an activity, ``→`` (the activity on its left goes on), nothing, a marker such as
``(完了)``, a per-year quantity (``約35km``), or, where the extraction lost it, a missing cell.

>>> row = ScheduleRow.from_texts(["システム刷新", "システム運用", "→", "→"])
>>> [row.activity_at(i) for i in range(4)]
['システム刷新', 'システム運用', 'システム運用', 'システム運用']
"""

from __future__ import annotations

import enum
import itertools
import unicodedata
from collections.abc import Sequence
from typing import ClassVar, Final

import attrs

from fukuoka_dx._patterns import LazyPattern
from fukuoka_dx._validators import non_empty_text
from fukuoka_dx.errors import InvalidValueError, NotFoundError
from fukuoka_dx.fiscal_calendar import FiscalYear, as_fiscal_year
from fukuoka_dx.targets import parse_number

__all__ = [
    "ActivityCell",
    "CarryCell",
    "CellKind",
    "EmptyCell",
    "Marker",
    "MarkerCell",
    "MissingCell",
    "QuantityCell",
    "Schedule",
    "ScheduleCell",
    "ScheduleEntry",
    "ScheduleRow",
    "parse_cell",
]


class CellKind(enum.StrEnum):
    """What a schedule cell holds."""

    ACTIVITY = "activity"
    CARRY = "carry"
    EMPTY = "empty"
    MARKER = "marker"
    QUANTITY = "quantity"
    MISSING = "missing"


@attrs.frozen
class ActivityCell:
    """An activity as published (``システム刷新``)."""

    kind: ClassVar[CellKind] = CellKind.ACTIVITY
    text: str = attrs.field(validator=non_empty_text)


@attrs.frozen
class CarryCell:
    """``→``: the activity on the left goes on this year; the plan may add a remark in
    parentheses (``→ (事業継続を検討中)``), which :attr:`remark` gives."""

    kind: ClassVar[CellKind] = CellKind.CARRY
    text: str = "→"

    @property
    def remark(self) -> str | None:
        """The parenthesised remark after the arrow, if the plan gives one."""
        rest = unicodedata.normalize("NFKC", self.text).strip().lstrip("→⇒").strip()
        return rest or None


@attrs.frozen
class EmptyCell:
    """Nothing this year; ``text`` is ``""`` or a published ``-``."""

    kind: ClassVar[CellKind] = CellKind.EMPTY
    text: str = ""


class Marker(enum.StrEnum):
    """Status markers written in parentheses in schedule cells."""

    COMPLETED = "完了"
    UNDECIDED = "未定"


@attrs.frozen
class MarkerCell:
    """A marker such as ``(完了)`` (completed) or ``(未定)`` (undecided)."""

    kind: ClassVar[CellKind] = CellKind.MARKER
    text: str = attrs.field(validator=non_empty_text)
    marker: Marker = attrs.field(converter=Marker)


@attrs.frozen
class QuantityCell:
    """A per-year quantity (``約35km``): ``value`` in ``unit``, ``approximate`` for 約."""

    kind: ClassVar[CellKind] = CellKind.QUANTITY
    text: str = attrs.field(validator=non_empty_text)
    value: float = attrs.field(converter=float)
    unit: str = ""
    approximate: bool = False


@attrs.frozen
class MissingCell:
    """A cell the extraction lost; ``note`` says what the source shows."""

    kind: ClassVar[CellKind] = CellKind.MISSING
    note: str = attrs.field(validator=non_empty_text)
    text: str = ""


ScheduleCell = ActivityCell | CarryCell | EmptyCell | MarkerCell | QuantityCell | MissingCell
CELL_TYPES: Final = (ActivityCell, CarryCell, EmptyCell, MarkerCell, QuantityCell, MissingCell)

_RE_CARRY_REMARK: Final = LazyPattern(r"^[→⇒]\s*\([^()]+\)$")
_RE_MARKER: Final = LazyPattern(r"^[（(]\s*(?P<m>完了|未定)\s*[)）]$")
_RE_QUANTITY: Final = LazyPattern(
    r"^(?P<approx>約)?\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>km|m|件|人|回|箇所|か所|基|台|本|%)$"
)


def parse_cell(text: str | None, note: str | None = None) -> ScheduleCell:
    """Read a published schedule cell; ``None`` is a lost cell and needs ``note``."""
    if text is None:
        if not note:
            raise InvalidValueError(
                "a lost schedule cell needs a note saying what the source shows"
            )
        return MissingCell(note)
    norm = unicodedata.normalize("NFKC", text).strip()
    if norm in ("", "-", "－", "―"):
        return EmptyCell(text)
    if norm in ("→", "⇒") or _RE_CARRY_REMARK.match(norm):
        return CarryCell(text)
    if m := _RE_MARKER.match(norm):
        return MarkerCell(text, Marker(m["m"]))
    if m := _RE_QUANTITY.match(norm):
        return QuantityCell(
            text, parse_number(m["num"]), m["unit"], approximate=m["approx"] is not None
        )
    return ActivityCell(text)


def _cells(_instance: object, _attribute: object, value: tuple[ScheduleCell, ...]) -> None:
    if not value:
        raise InvalidValueError("a schedule row has at least one cell")
    if not isinstance(value, tuple):
        raise TypeError(f"cells must be a tuple, got {type(value).__name__}")
    if isinstance(value[0], CarryCell):
        raise InvalidValueError("a schedule row cannot start with →: there is nothing to carry on")


@attrs.frozen
class ScheduleRow:
    """One row of a schedule: a cell per fiscal year of the plan, in order.

    ``note`` says how the row is read where the source allows another reading (an activity
    that may span the row, two lines run together in a cell); ``None`` for a plain row.
    """

    cells: tuple[ScheduleCell, ...] = attrs.field(validator=_cells)
    note: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(non_empty_text)
    )

    @classmethod
    def from_texts(
        cls,
        texts: Sequence[str | None],
        missing: str | None = None,
        *,
        note: str | None = None,
    ) -> ScheduleRow:
        """Build a row from published cell texts: ``None`` for a lost cell, which needs
        ``missing`` (what the source shows there); ``note`` is the row's note."""
        return cls(tuple(parse_cell(t, missing) for t in texts), note)

    def source_at(self, index: int) -> int | None:
        """The index of the cell whose activity is in force in the ``index``-th year: the
        cell itself for an activity, the cell an arrow (``→``) or a ``(完了)`` carries on
        (``(完了)`` marks the year the activity completes: it still runs that year), or
        ``None`` (an empty cell, ``(未定)``, a lost cell)."""
        i = index
        while i > 0 and (
            isinstance(self.cells[i], CarryCell) or (i == index and _completes(self.cells[i]))
        ):
            i -= 1
        if isinstance(self.cells[i], ActivityCell | QuantityCell):
            return i
        return None

    def activity_at(self, index: int) -> str | None:
        """The activity in force in the ``index``-th year (see :meth:`source_at`)."""
        source = self.source_at(index)
        return None if source is None else self.cells[source].text

    def continues_from(self, index: int) -> int | None:
        """For an arrow or ``(完了)`` cell, the index of the activity it continues."""
        source = self.source_at(index)
        return source if source is not None and source != index else None

    def completes_at(self, index: int) -> bool:
        """True for the year marked ``(完了)``, in which the row's activity completes."""
        return _completes(self.cells[index]) and self.source_at(index) is not None


def _completes(cell: ScheduleCell) -> bool:
    return isinstance(cell, MarkerCell) and cell.marker is Marker.COMPLETED


@attrs.frozen
class ScheduleEntry:
    """What one schedule row has in force in a year: the activity, the year it began when
    an arrow or ``(完了)`` carries it on, and whether it completes that year."""

    activity: str
    continues_from: FiscalYear | None = None
    completes: bool = False
    remark: str | None = None
    """A remark the plan adds to the arrow that carries the activity on (``(事業継続を検討中)``)."""


@attrs.frozen
class Schedule:
    """The 工程 table: ``years`` (the plan's fiscal years) and rows with a cell for each."""

    years: tuple[FiscalYear, ...] = attrs.field()
    rows: tuple[ScheduleRow, ...] = attrs.field()

    @years.validator
    def _check_years(self, _attribute: object, value: tuple[FiscalYear, ...]) -> None:
        if not value:
            raise InvalidValueError("a schedule covers at least one fiscal year")
        if any(b.year != a.year + 1 for a, b in itertools.pairwise(value)):
            raise InvalidValueError(
                f"schedule years must be consecutive, got {[str(y) for y in value]}"
            )

    @rows.validator
    def _check_rows(self, _attribute: object, value: tuple[ScheduleRow, ...]) -> None:
        for n, row in enumerate(value, 1):
            if len(row.cells) != len(self.years):
                raise InvalidValueError(
                    f"schedule row {n} has {len(row.cells)} cells for {len(self.years)} years"
                )

    def _index(self, fy: FiscalYear | int | str) -> int:
        fy = as_fiscal_year(fy)
        if fy not in self.years:
            raise NotFoundError(
                f"{fy} ({fy.label_ja}) is outside the schedule ({self.years[0]}–{self.years[-1]})"
            )
        return self.years.index(fy)

    def activities(self, fy: FiscalYear | int | str) -> tuple[str, ...]:
        """The activities in force in ``fy`` (a fiscal year in any notation), one per row that
        has one, in row order."""
        i = self._index(fy)
        return tuple(a for row in self.rows if (a := row.activity_at(i)) is not None)

    def entries(self, fy: FiscalYear | int | str) -> tuple[ScheduleEntry, ...]:
        """The activities in force in ``fy`` as :class:`ScheduleEntry` values: one continued
        from an earlier year says so, never counting as new work of ``fy``."""
        i = self._index(fy)
        out = []
        for row in self.rows:
            source = row.source_at(i)
            if source is None:
                continue
            began = self.years[source] if source != i else None
            cell = row.cells[i]
            remark = cell.remark if isinstance(cell, CarryCell) else None
            out.append(ScheduleEntry(row.cells[source].text, began, row.completes_at(i), remark))
        return tuple(out)

    def cells_in(self, fy: FiscalYear | int | str) -> tuple[ScheduleCell, ...]:
        """The cells of every row for ``fy``, as published."""
        i = self._index(fy)
        return tuple(row.cells[i] for row in self.rows)
