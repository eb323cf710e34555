"""The plan as typed, immutable values: pillars, promotion items, initiatives, indicators.

Identifiers are fixed (other programs use them; see the plan page of the documentation):
pillar ``"4"``, promotion item ``"4-17"``, initiative ``"4-17"`` (the item's own block) or
``"4-17-8"`` (circled sub-item ⑧), indicator ``"4-17-8.1"``. They are validated when a value
is built.
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from fukuoka_dx import _presentation
from fukuoka_dx._ids import RE_EDITION, RE_INDICATOR, RE_INITIATIVE, RE_PILLAR, RE_PROMOTION_ITEM
from fukuoka_dx._validators import non_empty_text, non_empty_texts
from fukuoka_dx.crosswalk import Crosswalk, FateKind, Level
from fukuoka_dx.errors import InvalidValueError, NotFoundError
from fukuoka_dx.fiscal_calendar import FiscalYear, YearMonth, as_fiscal_year
from fukuoka_dx.schedule import Schedule
from fukuoka_dx.targets import (
    Direction,
    MilestoneTarget,
    MissingTarget,
    SameAsPreviousTarget,
    Target,
    TargetKind,
)

if TYPE_CHECKING:
    from fukuoka_dx.diff import PlanDiff, Side

__all__ = [
    "RE_INDICATOR",
    "RE_INITIATIVE",
    "RE_PILLAR",
    "RE_PROMOTION_ITEM",
    "Ambiguity",
    "BlockField",
    "Bureau",
    "BureauKind",
    "Indicator",
    "IndicatorStatus",
    "Initiative",
    "Pillar",
    "Plan",
    "Position",
    "PromotionItem",
    "Qualifier",
    "Repair",
    "Revision",
    "TargetColumn",
]


def _matches(pattern: re.Pattern[str], example: str) -> Callable[[object, object, str], None]:
    def check(_instance: object, attribute: object, value: str) -> None:
        if not isinstance(value, str) or not pattern.match(value):
            name = getattr(attribute, "name", "id")
            raise InvalidValueError(
                f"{name} {value!r} is not well formed: expected e.g. {example!r}"
            )

    return check


def _page(_instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidValueError(
            f"{attribute.name} must be a page number (1 or more), got {value!r}"
        )


def _key(text: object) -> str:
    """An id or a name as typed, read as the plan writes it: NFKC (full-width forms become
    half-width) and without surrounding spaces."""
    return unicodedata.normalize("NFKC", str(text)).strip()


class BureauKind(enum.StrEnum):
    """The kinds of responsible body (所管) in the plan."""

    BUREAU = "bureau"  # 局
    WARD_OFFICE = "ward_office"  # 区役所
    BOARD_OF_EDUCATION = "board_of_education"  # 教育委員会
    MAYORS_OFFICE = "mayors_office"  # 市長室


@attrs.frozen(cache_hash=True)
class Bureau:
    """A responsible body (所管), by its Japanese name as published (``区役所(東区)``)."""

    name_ja: str = attrs.field(validator=non_empty_text)
    name_en: str = attrs.field(validator=non_empty_text)
    kind: BureauKind = attrs.field(validator=attrs.validators.instance_of(BureauKind))
    ward: str | None = attrs.field(default=None)
    """The ward (区) of a ward office, e.g. ``東区``; ``None`` for the others."""

    @ward.validator
    def _check_ward(self, _attribute: object, value: str | None) -> None:
        if (self.kind is BureauKind.WARD_OFFICE) != (value is not None):
            raise InvalidValueError(
                f"bureau {self.name_ja!r}: a ward office, and only it, has a ward"
            )

    def matches(self, name: str) -> bool:
        """True when ``name`` names this body: its Japanese or English name, or for a ward
        office its ward and its natural name (``区役所(東区)``, ``東区役所``, ``東区``,
        ``Higashi``). Full-width forms (``区役所（東区）``) are read as half-width."""
        key = _key(name).casefold()
        names = {self.name_ja, self.name_en}
        if self.ward is not None:
            names |= {self.ward, f"{self.ward}役所", self.name_en.removesuffix(" Ward Office")}
        return key in {_key(n).casefold() for n in names}


@attrs.frozen
class Pillar:
    """A pillar (柱) of the strategy: ``1`` 暮らしのDX … ``5`` DXを支える基盤."""

    id: str = attrs.field(validator=_matches(RE_PILLAR, "4"))
    title: str = attrs.field(validator=non_empty_text)
    title_en: str = attrs.field(validator=non_empty_text)


def _line(_instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidValueError(
            f"{attribute.name} must be a line number of the source text (1 or more), got {value!r}"
        )


@attrs.frozen
class Repair:
    """A correction of extraction damage, with the document's own evidence for it.

    ``line`` is the line of the source text (the plan's PDF text, 1-based) that holds the
    damage: it contains ``extracted``.
    """

    field: str = attrs.field(validator=non_empty_text)
    extracted: str = attrs.field(validator=non_empty_text)
    repaired: str = attrs.field(validator=non_empty_text)
    evidence: str = attrs.field(validator=non_empty_text)
    line: int = attrs.field(validator=_line)


def _row(_instance: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise InvalidValueError(f"{attribute.name} must be a row number (1 or more), got {value!r}")


class BlockField(enum.StrEnum):
    """The parts of a block a reading can be about."""

    TITLE = "title"
    BUREAU = "bureau"
    DESCRIPTION = "description"
    NOTES = "notes"
    SCHEDULE = "schedule"  # with a row: the schedule row, from 1
    INDICATORS = "indicators"  # with a row: the indicator's number in the block


_FIELDS_WITH_ROWS: Final = (BlockField.SCHEDULE, BlockField.INDICATORS)


def _block_field(value: str) -> BlockField:
    try:
        return BlockField(value)
    except ValueError:
        raise InvalidValueError(
            f"ambiguity field {value!r}: expected one of {', '.join(f.value for f in BlockField)}"
        ) from None


@attrs.frozen
class Ambiguity:
    """A reading the source text leaves open, or settles only on a closer look: the reading
    the dataset takes, the one it does not take, and the source line both are readings of.

    ``line`` (1-based) of the source text contains ``cited``. ``resolved`` is true when the
    document itself rules the alternative out (``evidence`` says how), false when the
    dataset's reading is a choice the source cannot confirm. ``row`` places a reading of
    the schedule (its row, from 1) or of the indicators (the indicator's number).
    """

    field: BlockField = attrs.field(converter=_block_field)
    line: int = attrs.field(validator=_line)
    cited: str = attrs.field(validator=non_empty_text)
    """Text the source line holds, as extracted: what is read."""
    reading: str = attrs.field(validator=non_empty_text)
    """The reading the dataset takes."""
    alternative: str = attrs.field(validator=non_empty_text)
    """The reading it does not take."""
    evidence: str = attrs.field(validator=non_empty_text)
    """Why this reading: what the document shows, with line numbers."""
    resolved: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    row: int | None = attrs.field(default=None, validator=_row)

    def __attrs_post_init__(self) -> None:
        if (self.row is not None) != (self.field in _FIELDS_WITH_ROWS):
            raise InvalidValueError(
                f"ambiguity of {self.field.value} (line {self.line}): a row is given for "
                "schedule and indicators, and only for them"
            )


@attrs.frozen
class PromotionItem:
    """A promotion item (推進項目), e.g. ``1-1`` 行政手続きのオンライン化の推進.

    ``own_block`` is true when the item carries a block of content of its own (the
    initiative whose id is the item's id); items that are only headings have none.
    """

    id: str = attrs.field(validator=_matches(RE_PROMOTION_ITEM, "4-17"))
    title: str = attrs.field(validator=non_empty_text)
    page: int = attrs.field(validator=_page)
    own_block: bool = attrs.field(validator=attrs.validators.instance_of(bool))
    repairs: tuple[Repair, ...] = ()
    title_en: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(non_empty_text)
    )
    """An unofficial English translation of the title (the Japanese is authoritative)."""

    @property
    def pillar_id(self) -> str:
        return self.id.split("-")[0]


class Qualifier(enum.StrEnum):
    """Words in an indicator's name that change what its figure means."""

    CUMULATIVE = "cumulative"  # 累計
    MONTHLY_AVERAGE = "monthly_average"  # 月平均
    PER_YEAR = "per_year"  # 年間
    PER_SINGLE_YEAR = "per_single_year"  # 単年度毎


class Position(enum.StrEnum):
    """Where an indicator sits in a 上段/下段 pair (``5 (10)``): upper first."""

    UPPER = "upper"
    LOWER = "lower"


class TargetColumn(enum.StrEnum):
    """The three columns of an indicator table."""

    BASELINE = "baseline"  # 現状値
    MIDTERM = "midterm"  # 中間目標
    FINAL = "final"  # 最終目標


#: The place of each column in an indicator's row: baseline, mid-term, final.
_COLUMN_INDEX: Final = {column: i for i, column in enumerate(TargetColumn)}


def _qualifiers(_instance: object, _attribute: object, value: tuple[Qualifier, ...]) -> None:
    if len(set(value)) != len(value):
        raise InvalidValueError(f"qualifiers repeat: {[q.value for q in value]}")


@attrs.frozen
class Indicator:
    """An indicator (指標): a name, its unit, and the three cells of its row.

    ``baseline`` is the 現状値 for ``baseline_fy`` (usually 令和4年度), ``midterm`` the 中間目標
    for ``midterm_fy`` (令和6年度) and ``final`` the 最終目標 for ``final_fy`` (令和8年度).
    ``direction`` is the desired direction; ``position`` places an 上段/下段 pair.
    """

    id: str = attrs.field(validator=_matches(RE_INDICATOR, "4-17-2.3"))
    name: str = attrs.field(validator=non_empty_text)
    unit: str | None
    qualifiers: tuple[Qualifier, ...] = attrs.field(validator=_qualifiers)
    direction: Direction = attrs.field(validator=attrs.validators.instance_of(Direction))
    baseline_fy: FiscalYear
    baseline: Target
    midterm_fy: FiscalYear
    midterm: Target
    final_fy: FiscalYear
    final: Target
    position: Position | None = None
    baseline_comparable: bool = True
    """False where the plan shows the baseline does not measure the same thing as the targets."""
    baseline_note: str | None = None
    """Why the baseline is not comparable (required when ``baseline_comparable`` is false)."""
    name_en: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(non_empty_text)
    )
    """An unofficial English translation of the name (the Japanese is authoritative)."""
    unit_en: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(non_empty_text)
    )
    """The unit in English (``件`` is ``cases``)."""

    def __attrs_post_init__(self) -> None:
        if not self.baseline_comparable and not self.baseline_note:
            raise InvalidValueError(f"indicator {self.id}: say why the baseline is not comparable")
        if not self.baseline_fy < self.midterm_fy <= self.final_fy:
            raise InvalidValueError(
                f"indicator {self.id}: years must run baseline < midterm <= final, got "
                f"{self.baseline_fy}, {self.midterm_fy}, {self.final_fy}"
            )
        if isinstance(self.baseline, SameAsPreviousTarget):
            raise InvalidValueError(f"indicator {self.id}: the baseline has no column to its left")

    @property
    def initiative_id(self) -> str:
        return self.id.rsplit(".", 1)[0]

    @property
    def number(self) -> int:
        """The indicator's place in its initiative (1, 2, …)."""
        return int(self.id.rsplit(".", 1)[1])

    def cell(self, column: TargetColumn | str) -> Target:
        """The cell of a column as published (``同左`` not resolved)."""
        cells = (self.baseline, self.midterm, self.final)
        return cells[_COLUMN_INDEX[TargetColumn(column)]]

    def fiscal_year(self, column: TargetColumn | str) -> FiscalYear:
        years = (self.baseline_fy, self.midterm_fy, self.final_fy)
        return years[_COLUMN_INDEX[TargetColumn(column)]]

    def target(self, column: TargetColumn | str) -> Target:
        """The cell of a column with ``同左`` resolved to the cell on its left."""
        cells = (self.baseline, self.midterm, self.final)
        i = _COLUMN_INDEX[TargetColumn(column)]
        cell = cells[i]
        while isinstance(cell, SameAsPreviousTarget) and i > 0:
            i -= 1
            cell = cells[i]
        return cell

    @functools.cached_property
    def stages(self) -> tuple[str, ...]:
        """The milestone stages of this row in the order the plan lists them."""
        seen: list[str] = []
        for column in TargetColumn:
            cell = self.target(column)
            if isinstance(cell, MilestoneTarget) and cell.text not in seen:
                seen.append(cell.text)
        return tuple(seen)

    @property
    def kinds(self) -> tuple[TargetKind, TargetKind, TargetKind]:
        """The kinds of the baseline, mid-term and final cells."""
        return (self.baseline.kind, self.midterm.kind, self.final.kind)

    @property
    def missing_notes(self) -> tuple[tuple[TargetColumn, str], ...]:
        """Every cell the source does not give, with its note."""
        return tuple(
            (c, cell.note) for c in TargetColumn if isinstance(cell := self.cell(c), MissingTarget)
        )

    def __repr__(self) -> str:
        return f"<Indicator {self.id} {self.name}>"

    def _repr_html_(self) -> str:
        return _presentation.html(self)


class IndicatorStatus(enum.StrEnum):
    """Whether a block has indicators: ``present``, ``pending`` (``※``, to be set) or ``absent``."""

    PRESENT = "present"
    PENDING = "pending"
    ABSENT = "absent"


@attrs.frozen
class Initiative:
    """A block of content: title, 所管 bureau, description, 工程 schedule, 指標 indicators.

    ``reposts`` names the block a 再掲 (re-post) repeats. ``page`` is the page number in the
    table of contents. ``notes`` are the ※ remarks of the description. ``repairs`` record
    where the dataset mends extraction damage, ``ambiguities`` where the source allows
    another reading.
    """

    id: str = attrs.field(validator=_matches(RE_INITIATIVE, "4-17-8"))
    title: str = attrs.field(validator=non_empty_text)
    page: int = attrs.field(validator=_page)
    bureau: Bureau
    description: tuple[str, ...] = attrs.field(validator=non_empty_texts)
    notes: tuple[str, ...] = attrs.field(validator=non_empty_texts)
    schedule: Schedule
    indicator_status: IndicatorStatus = attrs.field(
        validator=attrs.validators.instance_of(IndicatorStatus)
    )
    indicators: tuple[Indicator, ...]
    indicator_note: str | None = None
    reposts: str | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(_matches(RE_INITIATIVE, "1-8")),
    )
    repairs: tuple[Repair, ...] = ()
    title_en: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(non_empty_text)
    )
    """An unofficial English translation of the title (the Japanese is authoritative)."""
    ambiguities: tuple[Ambiguity, ...] = ()
    """The readings of this block the source leaves open or settles only on a closer look."""

    def __attrs_post_init__(self) -> None:
        for a in self.ambiguities:
            rows = {
                BlockField.SCHEDULE: len(self.schedule.rows),
                BlockField.INDICATORS: len(self.indicators),
            }
            if a.row is not None and a.row > rows[a.field]:
                raise InvalidValueError(
                    f"initiative {self.id}: an ambiguity names {a.field.value} row {a.row}, "
                    f"but the block has {rows[a.field]}"
                )
        for k, ind in enumerate(self.indicators, 1):
            if ind.id != f"{self.id}.{k}":
                raise InvalidValueError(
                    f"initiative {self.id}: indicator {k} has id {ind.id!r}, "
                    f"expected {self.id}.{k} (ids number the indicators in document order)"
                )
        has = bool(self.indicators)
        if has != (self.indicator_status is IndicatorStatus.PRESENT):
            raise InvalidValueError(
                f"initiative {self.id}: indicator_status {self.indicator_status.value!r} "
                f"does not fit {len(self.indicators)} indicator(s)"
            )
        if self.reposts == self.id:
            raise InvalidValueError(f"initiative {self.id} cannot re-post itself")

    @property
    def promotion_item_id(self) -> str:
        return "-".join(self.id.split("-")[:2])

    @property
    def pillar_id(self) -> str:
        return self.id.split("-")[0]

    @property
    def is_own_block(self) -> bool:
        """True for a promotion item's own block (id ``1-5``), false for a sub-item."""
        return self.id == self.promotion_item_id

    def activities(self, fy: FiscalYear | int | str) -> tuple[str, ...]:
        """What the schedule has this initiative do in ``fy`` (a fiscal year in any notation)."""
        return self.schedule.activities(fy)

    def indicator(self, indicator_id: str) -> Indicator:
        key = _key(indicator_id)
        for ind in self.indicators:
            if ind.id == key:
                return ind
        raise NotFoundError.for_key(
            "indicator", indicator_id, [i.id for i in self.indicators], f"in {self.id}"
        )

    def __repr__(self) -> str:
        return f"<Initiative {self.id} {self.title}>"

    def _repr_html_(self) -> str:
        return _presentation.html(self)


@attrs.frozen
class Revision:
    """An entry of the revision history (改訂履歴): ``令和5年9月 改訂(実行項目の追加)``."""

    month: YearMonth
    event: str = attrs.field(validator=non_empty_text)
    """As published: ``策定`` (adopted) or ``改訂(実行項目の追加)`` (revised)."""


_T = TypeVar("_T")

#: The lookups that a crosswalk answers, by the level of their ids.
_LEVEL_OF: Final = {
    "pillar": Level.PILLAR,
    "promotion item": Level.PROMOTION_ITEM,
    "initiative": Level.INITIATIVE,
    "indicator": Level.INDICATOR,
}

#: The plan's fields that a diff does not compare as the plan's own: the edition (each side
#: names its own), the records of each level (compared one by one), the bureaus (compared
#: where an initiative names one) and the crosswalk (how the ids were paired).
_NOT_PLAN_FIELDS: Final = frozenset(
    {"edition", "pillars", "promotion_items", "bureaus", "initiatives", "crosswalk"}
)


def _duplicates(kind: str, field: str, key: str, ids: list[str]) -> Iterator[tuple[str, str]]:
    """Each id given a second time, at the place of the repeat (``initiatives[9].id``)."""
    first: dict[str, int] = {}
    for n, i in enumerate(ids):
        if i in first:
            yield (
                f"{field}[{n}].{key}",
                f"duplicate {kind} id {i!r} in the plan (first at {field}[{first[i]}])",
            )
        else:
            first[i] = n


@attrs.frozen(eq=True)
class Plan:
    """The whole plan: an edition of 福岡市DX戦略 実行項目集 and everything in it.

    ``edition`` is ``YYYY-MM`` (``2023-09``); ``first_year``/``last_year`` bound the plan
    period (令和5年度–令和8年度). Look things up by id with :meth:`initiative`,
    :meth:`indicator`, :meth:`promotion_item` and :meth:`pillar`; an id the edition before
    gave, which its :attr:`crosswalk` maps elsewhere, is answered with where it went.
    """

    edition: str = attrs.field(validator=_matches(RE_EDITION, "2023-09"))
    title: str = attrs.field(validator=non_empty_text)
    publisher: str = attrs.field(validator=non_empty_text)
    first_year: FiscalYear
    last_year: FiscalYear
    revisions: tuple[Revision, ...]
    pillars: tuple[Pillar, ...]
    promotion_items: tuple[PromotionItem, ...]
    bureaus: tuple[Bureau, ...]
    initiatives: tuple[Initiative, ...]
    translation_note: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(non_empty_text)
    )
    """What the English names are: an unofficial translation, the Japanese authoritative."""
    crosswalk: Crosswalk | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Crosswalk))
    )
    """Where the ids of the edition before this one went in this one (``None`` for a first
    edition, or one whose ids all stayed)."""

    def __attrs_post_init__(self) -> None:
        problems = list(self._problems())
        if problems:
            raise InvalidValueError.at(problems)

    def _problems(self) -> Iterator[tuple[str, str]]:
        """Every way the plan is at odds with itself, each at its place (``initiatives[3].id``)."""
        if self.first_year > self.last_year:
            yield "last_year", f"plan period runs backwards: {self.first_year}–{self.last_year}"
        yield from _duplicates("pillar", "pillars", "id", [p.id for p in self.pillars])
        yield from _duplicates(
            "promotion item", "promotion_items", "id", [p.id for p in self.promotion_items]
        )
        yield from _duplicates("initiative", "initiatives", "id", [i.id for i in self.initiatives])
        yield from _duplicates("bureau", "bureaus", "name_ja", [b.name_ja for b in self.bureaus])
        pillars = {p.id for p in self.pillars}
        items = {p.id: p for p in self.promotion_items}
        initiatives = {i.id for i in self.initiatives}
        bureaus = set(self.bureaus)
        years = self.years
        for n, item in enumerate(self.promotion_items):
            where = f"promotion_items[{n}]"
            if item.pillar_id not in pillars:
                yield f"{where}.id", f"promotion item {item.id}: no pillar {item.pillar_id}"
            if item.own_block != (item.id in initiatives):
                yield (
                    f"{where}.own_block",
                    f"promotion item {item.id}: own_block is {item.own_block} but the plan "
                    f"{'has no' if item.own_block else 'has an'} initiative {item.id}",
                )
        for n, ini in enumerate(self.initiatives):
            where = f"initiatives[{n}]"
            if ini.promotion_item_id not in items:
                yield (
                    f"{where}.id",
                    f"initiative {ini.id}: no promotion item {ini.promotion_item_id}",
                )
            if ini.reposts is not None and ini.reposts not in initiatives:
                yield (
                    f"{where}.reposts",
                    f"initiative {ini.id} re-posts {ini.reposts}, not in the plan",
                )
            if ini.bureau not in bureaus:
                yield (
                    f"{where}.bureau",
                    f"initiative {ini.id}: bureau {ini.bureau.name_ja} not listed",
                )
            if ini.schedule.years != years:
                yield (
                    f"{where}.schedule.years",
                    f"initiative {ini.id}: schedule years differ from the plan's",
                )
        if self.crosswalk is not None:
            yield from self._crosswalk_problems(self.crosswalk)

    def _crosswalk_problems(self, crosswalk: Crosswalk) -> Iterator[tuple[str, str]]:
        if crosswalk.new_edition != self.edition:
            yield (
                "crosswalk.new_edition",
                f"the plan's crosswalk maps to edition {crosswalk.new_edition}, not to the "
                f"plan's own edition {self.edition}",
            )
        if crosswalk.new_digest is not None:
            yield (
                "crosswalk.new_digest",
                "a plan's own crosswalk cannot pin the plan's digest (it is part of it)",
            )
        for n, message in crosswalk.missing("new", self.ids()):
            yield f"crosswalk.entries[{n}]", message

    def ids(self) -> Mapping[Level, frozenset[str]]:
        """The ids of every level (``1-5`` is in both the promotion items and the
        initiatives when the item has a block of its own)."""
        return self._ids

    @functools.cached_property
    def _ids(self) -> Mapping[Level, frozenset[str]]:
        return {
            Level.PILLAR: frozenset(p.id for p in self.pillars),
            Level.PROMOTION_ITEM: frozenset(p.id for p in self.promotion_items),
            Level.INITIATIVE: frozenset(i.id for i in self.initiatives),
            Level.INDICATOR: frozenset(ind.id for i in self.initiatives for ind in i.indicators),
        }

    # -- periods --------------------------------------------------------------------------

    @property
    def years(self) -> tuple[FiscalYear, ...]:
        """The plan's fiscal years, first to last."""
        return FiscalYear.span(self.first_year, self.last_year)

    # -- lookup ---------------------------------------------------------------------------

    @functools.cached_property
    def _index(self) -> dict[str, dict[str, object]]:
        return {
            "pillar": {p.id: p for p in self.pillars},
            "promotion item": {p.id: p for p in self.promotion_items},
            "initiative": {i.id: i for i in self.initiatives},
            "indicator": {ind.id: ind for i in self.initiatives for ind in i.indicators},
            "bureau": {b.name_ja: b for b in self.bureaus},
        }

    def _get(self, what: str, key: str, cls: type[_T]) -> _T:
        table = self._index[what]
        found = table.get(_key(key))
        if found is None:
            raise self._not_found(what, key, table)
        assert isinstance(found, cls)
        return found

    def _not_found(self, what: str, key: str, table: dict[str, object]) -> NotFoundError:
        """The error for an id this edition lacks: where it went, when the crosswalk from the
        edition before says so, else close matches."""
        cw = self.crosswalk
        level = _LEVEL_OF.get(what)
        if cw is not None and level is not None:
            fate = cw.resolve(_key(key), level)
            if fate.kind is not FateKind.UNCHANGED:
                return NotFoundError(
                    f"no {what} {key!r} in edition {self.edition}: in edition "
                    f"{cw.old_edition}, {fate.describe()}"
                )
        return NotFoundError.for_key(what, key, table)

    def pillar(self, pillar_id: str) -> Pillar:
        return self._get("pillar", pillar_id, Pillar)

    def promotion_item(self, item_id: str) -> PromotionItem:
        return self._get("promotion item", item_id, PromotionItem)

    def initiative(self, initiative_id: str) -> Initiative:
        return self._get("initiative", initiative_id, Initiative)

    def indicator(self, indicator_id: str) -> Indicator:
        return self._get("indicator", indicator_id, Indicator)

    def bureau(self, name: str) -> Bureau:
        """A bureau by its Japanese or English name (or a ward office by its ward)."""
        for b in self.bureaus:
            if b.matches(name):
                return b
        known = [b.name_ja for b in self.bureaus] + [b.name_en for b in self.bureaus]
        raise NotFoundError.for_key("bureau", name, known)

    # -- iteration ------------------------------------------------------------------------

    def __iter__(self) -> Iterator[Initiative]:
        return iter(self.initiatives)

    def __len__(self) -> int:
        return len(self.initiatives)

    @functools.cached_property
    def indicators(self) -> tuple[Indicator, ...]:
        """Every indicator, in document order."""
        return tuple(ind for i in self.initiatives for ind in i.indicators)

    def initiatives_of(
        self,
        *,
        pillar: str | None = None,
        promotion_item: str | None = None,
        bureau: str | None = None,
    ) -> tuple[Initiative, ...]:
        """Initiatives filtered by pillar id, promotion item id and/or bureau name."""
        b = self.bureau(bureau) if bureau is not None else None
        if pillar is not None:
            pillar = self.pillar(pillar).id
        if promotion_item is not None:
            promotion_item = self.promotion_item(promotion_item).id
        return tuple(
            i
            for i in self.initiatives
            if (pillar is None or i.pillar_id == pillar)
            and (promotion_item is None or i.promotion_item_id == promotion_item)
            and (b is None or i.bureau == b)
        )

    def children(self, item_id: str) -> tuple[Initiative, ...]:
        """The initiatives of a promotion item (its own block first)."""
        return self.initiatives_of(promotion_item=self.promotion_item(item_id).id)

    def activities(
        self, fy: FiscalYear | int | str
    ) -> tuple[tuple[Initiative, tuple[str, ...]], ...]:
        """For ``fy``, each initiative with the activities its schedule has in force."""
        fy = as_fiscal_year(fy)
        return tuple((i, i.activities(fy)) for i in self.initiatives)

    # -- editions -------------------------------------------------------------------------

    def diff(self, other: Plan, crosswalk: Crosswalk | None = None) -> PlanDiff:
        """What changed from this edition to ``other``: a :class:`~fukuoka_dx.diff.PlanDiff`
        of the pillars, promotion items, initiatives and indicators added, removed, renamed,
        split, merged, retired and changed field by field (each schedule cell on its own).

        Ids are paired as they are unless ``crosswalk`` says where they went; without one,
        ``other``'s own :attr:`crosswalk` is used when it maps from this edition.
        """
        from fukuoka_dx.diff import compare  # on first use: loading a plan does not need it

        if crosswalk is None and other.crosswalk is not None:
            own = other.crosswalk
            if own.old_edition == self.edition and own.old_digest in (None, self.digest):
                crosswalk = own
        return compare(self._side(), other._side(), crosswalk)

    def _side(self) -> Side:
        """This plan as the diff compares it: its own fields, its records by level."""
        from fukuoka_dx.diff import EditionRef, Record, Side

        own = tuple(
            (f.name, getattr(self, f.name))
            for f in attrs.fields(Plan)
            if f.name not in _NOT_PLAN_FIELDS
        )
        records = {
            Level.PILLAR: tuple(Record(p.id, p, p.title, p.title_en) for p in self.pillars),
            Level.PROMOTION_ITEM: tuple(
                Record(p.id, p, p.title, p.title_en) for p in self.promotion_items
            ),
            Level.INITIATIVE: tuple(Record(i.id, i, i.title, i.title_en) for i in self.initiatives),
            Level.INDICATOR: tuple(Record(i.id, i, i.name, i.name_en) for i in self.indicators),
        }
        ref = EditionRef(self.edition, self.digest, self.title, self.years)
        return Side(ref, own, records, frozenset({"id", "indicators"}))

    # -- pinning --------------------------------------------------------------------------

    @functools.cached_property
    def digest(self) -> str:
        """SHA-256 (hex) of the plan's canonical JSON: pin it to detect any data change."""
        import hashlib  # on first use: loading a plan does not need it

        from fukuoka_dx.serialization import canonical_json  # cattrs: slow to import

        return hashlib.sha256(canonical_json(self).encode("utf-8")).hexdigest()

    def to_pandas(self, table: str = "indicators") -> Any:
        """An exported table (``indicators``, ``initiatives``, ``schedule``) as a DataFrame.

        Needs the ``pandas`` extra.
        """
        return _presentation.frame(self, table)

    def __repr__(self) -> str:
        return (
            f"<Plan {self.edition} {self.title}: {len(self.pillars)} pillars, "
            f"{len(self.promotion_items)} promotion items, {len(self.initiatives)} "
            f"initiatives, {len(self.indicators)} indicators>"
        )

    def _repr_html_(self) -> str:
        return _presentation.html(self)
