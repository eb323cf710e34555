"""What changed between two plan editions: a typed diff that reads back from its JSON.

:meth:`Plan.diff <fukuoka_dx.model.Plan.diff>` builds a :class:`PlanDiff`. This module holds
its types and the comparison, by generic rules over the records the model hands it (it
imports no model type, as the JSON layer imports none):

- the records of each level (pillars, promotion items, initiatives, indicators) are paired by
  id, through a :class:`~fukuoka_dx.crosswalk.Crosswalk` when one is given: a pair under a
  one-to-one entry is *renamed*, other entries give *split*, *merged* and *retired*; an old id
  left unpaired is *removed*, a new one *added*;
- a pair is compared over every attrs field of its record but its id (an initiative's
  indicators are records of their own), so a field added to the model is compared without a
  change here;
- a field is compared as a whole, except a table: a value that holds cells (tagged values, a
  schedule cell or a target) is compared row by row and field by field down to its cells, so
  a schedule reports each cell that changed (``schedule.rows[1].cells[2]``).

>>> from fukuoka_dx import load_plan
>>> plan = load_plan()
>>> plan.diff(plan).is_empty
True
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Final, cast

import attrs

from fukuoka_dx._ids import id_key
from fukuoka_dx.crosswalk import Crosswalk, EditionIds, FateKind, Level, Merged
from fukuoka_dx.fiscal_calendar import FiscalYear
from fukuoka_dx.serialization import is_tagged, unstructure

__all__ = [
    "ChangeKind",
    "EditionRef",
    "EntityChange",
    "FieldChange",
    "PlanDiff",
    "Record",
    "Side",
    "Tally",
    "compare",
]


class ChangeKind(enum.StrEnum):
    """What happened to a pillar, promotion item, initiative or indicator."""

    ADDED = "added"
    REMOVED = "removed"
    RENAMED = "renamed"
    CHANGED = "changed"
    SPLIT = "split"
    MERGED = "merged"
    RETIRED = "retired"


#: How each kind of change counts in a summary of new, changed and removed (the prefecture's
#: yearly list of its own strategy's changes counts the same three).
TALLY_OF: Final = {
    ChangeKind.ADDED: "added",
    ChangeKind.REMOVED: "removed",
    ChangeKind.RETIRED: "removed",
    ChangeKind.RENAMED: "changed",
    ChangeKind.CHANGED: "changed",
    ChangeKind.SPLIT: "changed",
    ChangeKind.MERGED: "changed",
}


@attrs.frozen
class EditionRef:
    """One side of a diff: the edition, its digest, its title and its fiscal years (the
    columns of its schedules)."""

    edition: str
    digest: str
    title: str
    years: tuple[FiscalYear, ...]


@attrs.frozen
class FieldChange:
    """One field (or one cell of a table) that differs: ``field`` is its path in the record
    (``title``, ``midterm``, ``schedule.rows[1].cells[2]``), ``old`` and ``new`` its JSON
    forms (``None`` where a row exists on one side only)."""

    field: str
    old: Any
    new: Any

    @property
    def steps(self) -> tuple[str | int, ...]:
        """The path as field names and row indexes: ``('schedule', 'rows', 1, 'cells', 2)``."""
        out: list[str | int] = []
        for part in self.field.split("."):
            name, *indexes = part.split("[")
            if name:
                out.append(name)
            out += [int(i.rstrip("]")) for i in indexes]
        return tuple(out)


@attrs.frozen
class EntityChange:
    """A change of one pillar, promotion item, initiative or indicator.

    ``old_ids`` are its ids in the old edition (none when added), ``new_ids`` in the new one
    (none when removed or retired); two or more on one side for a split or a merge.
    ``name`` (Japanese) and ``name_en`` are its title or name, from the new edition where it
    is there. ``fields`` lists what differs (changed and renamed records), ``note`` the
    crosswalk's note on its entry.
    """

    level: Level
    change: ChangeKind
    old_ids: tuple[str, ...]
    new_ids: tuple[str, ...]
    name: str
    name_en: str | None = None
    fields: tuple[FieldChange, ...] = ()
    note: str | None = None

    @property
    def id(self) -> str:
        """The id it is known by: its new id, or its old one when it has none."""
        return (self.new_ids or self.old_ids)[0]


@attrs.frozen
class Tally:
    """The counts of one level in a summary: new, changed (renamed, split and merged
    included) and removed (retired included)."""

    level: Level
    added: int
    changed: int
    removed: int

    @property
    def total(self) -> int:
        return self.added + self.changed + self.removed


@attrs.frozen
class PlanDiff:
    """What changed from ``old`` to ``new``: the plan's own fields (title, period, revisions,
    …) in ``plan``, every pillar, item, initiative and indicator that changed in ``changes``
    (by level from the top, then in id order), and the ``crosswalk`` used, if any.

    A diff is a value: it compares equal to itself read back from its JSON
    (``from_json(to_json(diff), PlanDiff)``).
    """

    old: EditionRef
    new: EditionRef
    plan: tuple[FieldChange, ...] = ()
    changes: tuple[EntityChange, ...] = ()
    crosswalk: Crosswalk | None = None

    @property
    def is_empty(self) -> bool:
        """True when nothing differs."""
        return not self.plan and not self.changes

    def __bool__(self) -> bool:
        return not self.is_empty

    def of(
        self, level: Level | str | None = None, change: ChangeKind | str | None = None
    ) -> tuple[EntityChange, ...]:
        """The changes of one level and/or one kind."""
        lv = Level(level) if level is not None else None
        ch = ChangeKind(change) if change is not None else None
        return tuple(
            c
            for c in self.changes
            if (lv is None or c.level is lv) and (ch is None or c.change is ch)
        )

    def added(self, level: Level | str) -> tuple[str, ...]:
        """The new ids of ``level`` that the old edition did not have."""
        return tuple(c.new_ids[0] for c in self.of(level, ChangeKind.ADDED))

    def removed(self, level: Level | str) -> tuple[str, ...]:
        """The old ids of ``level`` gone without a successor (removed or retired)."""
        gone = (ChangeKind.REMOVED, ChangeKind.RETIRED)
        return tuple(c.old_ids[0] for c in self.of(level) if c.change in gone)

    def changed(self, level: Level | str) -> tuple[str, ...]:
        """The ids of ``level`` (new ones) whose fields changed, renamed ones included."""
        kinds = (ChangeKind.CHANGED, ChangeKind.RENAMED)
        return tuple(c.new_ids[0] for c in self.of(level) if c.change in kinds and c.fields)

    def tally(self, level: Level | str) -> Tally:
        """The counts of new, changed and removed at ``level``."""
        counts = {"added": 0, "changed": 0, "removed": 0}
        for c in self.of(level):
            counts[TALLY_OF[c.change]] += 1
        return Tally(Level(level), **counts)

    @property
    def tallies(self) -> tuple[Tally, ...]:
        """The counts of every level, from the top."""
        return tuple(self.tally(level) for level in Level)


# -- the comparison -------------------------------------------------------------------------


@attrs.frozen
class Record:
    """A record the model hands the comparison: its id, the attrs value, its names."""

    id: str
    value: Any
    name: str
    name_en: str | None = None


@attrs.frozen
class Side:
    """One plan as the comparison sees it: its reference, its own fields by name, its
    records by level, and the fields of records that are not compared (ids, and nested
    records of their own)."""

    ref: EditionRef
    fields: tuple[tuple[str, Any], ...]
    records: Mapping[Level, Sequence[Record]]
    skip: frozenset[str] = frozenset({"id"})


def compare(old: Side, new: Side, crosswalk: Crosswalk | None = None) -> PlanDiff:
    """The diff from ``old`` to ``new`` (see the module's rules). A crosswalk must map from
    the old edition to the new one (and pin their digests, if it names them) and fit their
    ids; otherwise :class:`~fukuoka_dx.errors.InvalidValueError` lists every problem."""
    if crosswalk is not None:
        _check_crosswalk(crosswalk, old, new)
    plan = tuple(_plan_changes(old, new))
    changes: list[EntityChange] = []
    for level in Level:
        changes += _level_changes(level, old, new, crosswalk)
    changes.sort(key=_order)
    return PlanDiff(old.ref, new.ref, plan, tuple(changes), crosswalk)


def _check_crosswalk(crosswalk: Crosswalk, old: Side, new: Side) -> None:
    crosswalk.check(
        EditionIds(old.ref.edition, old.ref.digest, _ids(old)),
        EditionIds(new.ref.edition, new.ref.digest, _ids(new)),
    )


def _ids(side: Side) -> dict[Level, set[str]]:
    return {level: {r.id for r in records} for level, records in side.records.items()}


def _plan_changes(old: Side, new: Side) -> Iterator[FieldChange]:
    olds, news = dict(old.fields), dict(new.fields)
    for name in dict.fromkeys([*olds, *news]):
        yield from _changes(name, olds.get(name), news.get(name))


_ORDER: Final = {kind: i for i, kind in enumerate(ChangeKind)}
_LEVELS: Final = {level: i for i, level in enumerate(Level)}


def _order(change: EntityChange) -> tuple[int, tuple[int, ...], int]:
    return (_LEVELS[change.level], id_key(change.id), _ORDER[change.change])


def _level_changes(
    level: Level, old: Side, new: Side, crosswalk: Crosswalk | None
) -> Iterator[EntityChange]:
    olds = {r.id: r for r in old.records.get(level, ())}
    news = {r.id: r for r in new.records.get(level, ())}
    skip = old.skip | new.skip
    claimed: set[str] = set()
    merges: dict[Merged, list[str]] = {}
    for old_id, record in olds.items():
        fate = crosswalk.resolve(old_id, level) if crosswalk else None
        if fate is None or fate.kind in (FateKind.UNCHANGED, FateKind.UNPLACED):
            target = old_id
        elif fate.kind is FateKind.RENAMED:
            target = fate.new[0]
        else:
            target = None
        note = fate.entry.note if fate is not None and fate.entry is not None else None
        if target is not None:
            paired = news.get(target)
            if paired is None:
                yield _change(level, ChangeKind.REMOVED, (old_id,), (), record, note=note)
                continue
            claimed.add(target)
            fields = tuple(_record_changes(record.value, paired.value, skip))
            if fate is not None and fate.kind is FateKind.RENAMED:
                yield _change(level, ChangeKind.RENAMED, (old_id,), (target,), paired, fields, note)
            elif fields:
                yield _change(level, ChangeKind.CHANGED, (old_id,), (target,), paired, fields)
            continue
        assert fate is not None
        if fate.kind is FateKind.SPLIT:
            claimed.update(fate.new)
            yield _change(level, ChangeKind.SPLIT, (old_id,), fate.new, record, note=note)
        elif fate.kind is FateKind.MERGED:
            assert isinstance(fate.entry, Merged)
            merges.setdefault(fate.entry, []).append(old_id)
        else:
            yield _change(level, ChangeKind.RETIRED, (old_id,), (), record, note=note)
    for entry, old_ids in merges.items():
        claimed.add(entry.new)
        yield _change(
            level, ChangeKind.MERGED, tuple(old_ids), (entry.new,), news[entry.new], note=entry.note
        )
    for new_id, record in news.items():
        if new_id not in claimed:
            yield _change(level, ChangeKind.ADDED, (), (new_id,), record)


def _change(
    level: Level,
    change: ChangeKind,
    old_ids: tuple[str, ...],
    new_ids: tuple[str, ...],
    named: Record,
    fields: tuple[FieldChange, ...] = (),
    note: str | None = None,
) -> EntityChange:
    return EntityChange(level, change, old_ids, new_ids, named.name, named.name_en, fields, note)


def _record_changes(old: object, new: object, skip: frozenset[str]) -> Iterator[FieldChange]:
    if type(old) is not type(new):
        raise TypeError(f"cannot compare a {type(old).__name__} with a {type(new).__name__}")
    if old == new:  # the same in every field, the skipped ones too: nothing to look at
        return
    for field in _fields(old):
        if field.name not in skip:
            yield from _changes(field.name, getattr(old, field.name), getattr(new, field.name))


_FIELDS: Final[dict[type, tuple[attrs.Attribute[Any], ...]]] = {}


def _fields(value: object) -> tuple[attrs.Attribute[Any], ...]:
    """The attrs fields of a record's class (found once per class)."""
    cls = type(value)
    found = _FIELDS.get(cls)
    if found is None:
        found = _FIELDS[cls] = tuple(attrs.fields(cast("type[attrs.AttrsInstance]", cls)))
    return found


class _Absent:
    """The side of a table row that one edition does not have."""


_ABSENT: Final = _Absent()


def _holds_cells(value: object) -> bool:
    """True for a cell (a tagged value) and for a record or tuple holding one."""
    if is_tagged(type(value)):
        return True
    if isinstance(value, tuple):
        return any(_holds_cells(v) for v in value)
    if attrs.has(type(value)):
        return any(_holds_cells(getattr(value, f.name)) for f in _fields(value))
    return False


def _changes(path: str, old: object, new: object) -> Iterator[FieldChange]:
    if old == new:
        return
    if isinstance(old, tuple) and isinstance(new, tuple) and _holds_cells(old + new):
        for i in range(max(len(old), len(new))):
            yield from _changes(
                f"{path}[{i}]",
                old[i] if i < len(old) else _ABSENT,
                new[i] if i < len(new) else _ABSENT,
            )
        return
    same_record = type(old) is type(new) and attrs.has(type(old)) and not is_tagged(type(old))
    if same_record and (_holds_cells(old) or _holds_cells(new)):
        for field in _fields(old):
            yield from _changes(
                f"{path}.{field.name}", getattr(old, field.name), getattr(new, field.name)
            )
        return
    yield FieldChange(path, _json(old), _json(new))


def _json(value: object) -> Any:
    return None if value is _ABSENT else unstructure(value)
