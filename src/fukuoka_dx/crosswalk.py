"""Crosswalks: where the ids of one plan edition went in the next.

A crosswalk lists what became of the ids that did not stay as they were, one entry each:

- ``one_to_one``: the id became another (``1-1-3`` → ``1-1-4``: renumbered or moved);
- ``split``: it became two or more (``1-1-5`` → ``1-1-5``, ``1-1-6``);
- ``merged``: two or more became one (``1-2-1``, ``1-2-2`` → ``1-2-1``);
- ``retired``: it ended without a successor.

Every id without an entry of its own follows the nearest id it nests in that has one: under a
one-to-one entry it moves with it (``1-1-3.2`` → ``1-1-4.2`` when ``1-1-3`` → ``1-1-4``),
under a retirement it is retired too, and under a split or a merge it cannot be placed (name
it in the crosswalk). An id under no entry at all is the same id in the new edition. An id
such as ``1-5`` names the promotion item and its own block alike; an entry applies at every
level that all its ids fit (``1-5`` → ``1-6-1`` moves the block only: an item id has two
parts).

>>> cw = Crosswalk("2023-09", "2024-09", (OneToOne("1-1-3", "1-1-4"), Retired("1-3-1")))
>>> cw.resolve("1-1-3.2", Level.INDICATOR).describe()
'1-1-3.2 became 1-1-4.2 with 1-1-3'
>>> cw.resolve("1-3-1.1", Level.INDICATOR).kind
<FateKind.RETIRED: 'retired'>
>>> cw.resolve("1-1-1", Level.INITIATIVE).kind
<FateKind.UNCHANGED: 'unchanged'>

The JSON form (``to_json``/``from_json``, and :func:`~fukuoka_dx.loading.read_crosswalk` for
a file) tags each entry with its ``kind``:

>>> from fukuoka_dx.serialization import to_json
>>> to_json(OneToOne("1-1-3", "1-1-4"))
'{"old":"1-1-3","new":"1-1-4","note":null,"kind":"one_to_one"}'
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Collection, Iterator, Mapping
from typing import Any, ClassVar, Final

import attrs

from fukuoka_dx._ids import (
    RE_EDITION,
    RE_INDICATOR,
    RE_INITIATIVE,
    RE_PILLAR,
    RE_PROMOTION_ITEM,
    parent,
)
from fukuoka_dx._validators import non_empty_text
from fukuoka_dx.errors import InvalidValueError

__all__ = [
    "Crosswalk",
    "CrosswalkEntry",
    "EditionIds",
    "Fate",
    "FateKind",
    "Level",
    "MappingKind",
    "Merged",
    "OneToOne",
    "Retired",
    "Split",
]


class Level(enum.StrEnum):
    """The levels of the plan that have ids, from the top."""

    PILLAR = "pillar"
    PROMOTION_ITEM = "promotion_item"
    INITIATIVE = "initiative"
    INDICATOR = "indicator"


_FORMS: Final = {
    Level.PILLAR: RE_PILLAR,
    Level.PROMOTION_ITEM: RE_PROMOTION_ITEM,
    Level.INITIATIVE: RE_INITIATIVE,
    Level.INDICATOR: RE_INDICATOR,
}


def fits(id_: str, level: Level) -> bool:
    """True when ``id_`` has the form of an id of ``level``."""
    return bool(_FORMS[level].match(id_))


def levels_of(id_: str) -> tuple[Level, ...]:
    """The levels whose id form ``id_`` has (``1-5``: a promotion item and an initiative)."""
    return tuple(level for level in Level if fits(id_, level))


class MappingKind(enum.StrEnum):
    """The kinds of crosswalk entry (the ``kind`` tag of their JSON)."""

    ONE_TO_ONE = "one_to_one"
    SPLIT = "split"
    MERGED = "merged"
    RETIRED = "retired"


def _plan_id(_instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    ids = value if isinstance(value, tuple) else (value,)
    for id_ in ids:
        if not isinstance(id_, str) or not levels_of(id_):
            raise InvalidValueError(
                f"{attribute.name} {id_!r} is not an id of the plan: expected e.g. '4', "
                "'4-17', '4-17-8' or '4-17-8.1'"
            )


def _distinct(what: str, ids: tuple[str, ...]) -> None:
    if len(ids) < 2 or len(set(ids)) != len(ids):
        raise InvalidValueError(f"{what} names two different ids or more, got {list(ids)}")


def _same_level(entry: CrosswalkEntry) -> None:
    if not entry.levels:
        raise InvalidValueError(
            f"{entry.kind.value} {entry.describe()}: the ids are of no one level "
            "(a pillar, an item or initiative, an indicator map only to their like)"
        )


def _note() -> str | None:
    """A note field: why the entry is as it is (optional)."""
    return attrs.field(default=None, validator=attrs.validators.optional(non_empty_text))


@attrs.frozen
class OneToOne:
    """``old`` became ``new`` (renumbered or moved); what nests in it moves with it."""

    kind: ClassVar[MappingKind] = MappingKind.ONE_TO_ONE
    old: str = attrs.field(validator=_plan_id)
    new: str = attrs.field(validator=_plan_id)
    note: str | None = _note()

    def __attrs_post_init__(self) -> None:
        if self.old == self.new:
            raise InvalidValueError(f"one_to_one {self.old} → {self.new} maps an id to itself")
        _same_level(self)

    @property
    def olds(self) -> tuple[str, ...]:
        return (self.old,)

    @property
    def news(self) -> tuple[str, ...]:
        return (self.new,)

    @property
    def levels(self) -> tuple[Level, ...]:
        return _common_levels(self.olds + self.news)

    def describe(self) -> str:
        return f"{self.old} → {self.new}"


@attrs.frozen
class Split:
    """``old`` became two or more ids, ``new``."""

    kind: ClassVar[MappingKind] = MappingKind.SPLIT
    old: str = attrs.field(validator=_plan_id)
    new: tuple[str, ...] = attrs.field(validator=_plan_id)
    note: str | None = _note()

    def __attrs_post_init__(self) -> None:
        _distinct(f"split of {self.old}", self.new)
        _same_level(self)

    @property
    def olds(self) -> tuple[str, ...]:
        return (self.old,)

    @property
    def news(self) -> tuple[str, ...]:
        return self.new

    @property
    def levels(self) -> tuple[Level, ...]:
        return _common_levels(self.olds + self.news)

    def describe(self) -> str:
        return f"{self.old} → {', '.join(self.new)}"


@attrs.frozen
class Merged:
    """Two or more ids, ``old``, became one, ``new``."""

    kind: ClassVar[MappingKind] = MappingKind.MERGED
    old: tuple[str, ...] = attrs.field(validator=_plan_id)
    new: str = attrs.field(validator=_plan_id)
    note: str | None = _note()

    def __attrs_post_init__(self) -> None:
        _distinct(f"merge into {self.new}", self.old)
        _same_level(self)

    @property
    def olds(self) -> tuple[str, ...]:
        return self.old

    @property
    def news(self) -> tuple[str, ...]:
        return (self.new,)

    @property
    def levels(self) -> tuple[Level, ...]:
        return _common_levels(self.olds + self.news)

    def describe(self) -> str:
        return f"{', '.join(self.old)} → {self.new}"


@attrs.frozen
class Retired:
    """``old`` ended without a successor; what nests in it ended with it."""

    kind: ClassVar[MappingKind] = MappingKind.RETIRED
    old: str = attrs.field(validator=_plan_id)
    note: str | None = _note()

    @property
    def olds(self) -> tuple[str, ...]:
        return (self.old,)

    @property
    def news(self) -> tuple[str, ...]:
        return ()

    @property
    def levels(self) -> tuple[Level, ...]:
        return levels_of(self.old)

    def describe(self) -> str:
        return f"{self.old} retired"


CrosswalkEntry = OneToOne | Split | Merged | Retired


def _common_levels(ids: tuple[str, ...]) -> tuple[Level, ...]:
    return tuple(level for level in Level if all(fits(i, level) for i in ids))


def _applies(entry: CrosswalkEntry, level: Level) -> bool:
    return level in entry.levels


class FateKind(enum.StrEnum):
    """What became of an old id in the new edition."""

    UNCHANGED = "unchanged"
    RENAMED = "renamed"
    SPLIT = "split"
    MERGED = "merged"
    RETIRED = "retired"
    UNPLACED = "unplaced"
    """Under a split or a merge, or moved where its form does not fit: the crosswalk must name
    it."""


@attrs.frozen
class Fate:
    """What became of the old id ``old`` of a level: ``new`` holds the ids it went to, ``via``
    the id whose entry decided (``old`` itself, or an id it nests in), ``entry`` that entry."""

    old: str
    kind: FateKind
    new: tuple[str, ...] = ()
    via: str | None = None
    entry: CrosswalkEntry | None = None

    def describe(self) -> str:
        """The fate in a sentence (English, as the library's messages are)."""
        inherited = self.via is not None and self.via != self.old
        with_ = f" with {self.via}" if inherited else ""
        note = f" ({self.entry.note})" if self.entry is not None and self.entry.note else ""
        if self.kind is FateKind.UNCHANGED:
            return f"{self.old} is unchanged"
        if self.kind is FateKind.RENAMED:
            return f"{self.old} became {self.new[0]}{with_}{note}"
        if self.kind is FateKind.SPLIT:
            return f"{self.old} was split into {', '.join(self.new)}{note}"
        if self.kind is FateKind.MERGED:
            assert isinstance(self.entry, Merged)
            others = ", ".join(i for i in self.entry.old if i != self.old)
            return f"{self.old} was merged with {others} into {self.new[0]}{note}"
        if self.kind is FateKind.RETIRED:
            return f"{self.old} was retired{with_}{note}"
        assert self.entry is not None
        if isinstance(self.entry, OneToOne):
            why = f"{self.via} became {self.entry.new}, and {self.old} has no place under it"
        elif isinstance(self.entry, Split):
            why = f"{self.via} was split into {', '.join(self.entry.new)}"
        else:
            assert isinstance(self.entry, Merged)
            why = f"{self.via} was merged into {self.entry.new}"
        return f"{self.old} cannot be placed: {why}, and the crosswalk does not name {self.old}"


def _edition(_instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not RE_EDITION.match(value):
        raise InvalidValueError(
            f"{attribute.name} must be an edition such as '2023-09', got {value!r}"
        )


_RE_DIGEST: Final = re.compile(r"^[0-9a-f]{64}$")


def _digest(_instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not _RE_DIGEST.match(value)):
        raise InvalidValueError(
            f"{attribute.name} must be a plan digest (64 lowercase hexadecimal digits), "
            f"got {value!r}"
        )


@attrs.frozen
class EditionIds:
    """What a crosswalk is checked against on one side: the edition, its digest, its ids by
    level (:meth:`Plan.ids <fukuoka_dx.model.Plan.ids>`)."""

    edition: str
    digest: str
    ids: Mapping[Level, Collection[str]]


@attrs.frozen
class Crosswalk:
    """Where the ids of ``old_edition`` went in ``new_edition``: one entry per id that did
    not stay as it was. ``old_digest`` and ``new_digest``, when given, pin the two plans: a
    crosswalk is used only with the plans they name."""

    old_edition: str = attrs.field(validator=_edition)
    new_edition: str = attrs.field(validator=_edition)
    entries: tuple[CrosswalkEntry, ...] = ()
    old_digest: str | None = attrs.field(default=None, validator=_digest)
    new_digest: str | None = attrs.field(default=None, validator=_digest)
    note: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(non_empty_text)
    )

    def __attrs_post_init__(self) -> None:
        olds: dict[str, CrosswalkEntry] = {}
        news: dict[str, CrosswalkEntry] = {}
        for entry in self.entries:
            if not isinstance(entry, OneToOne | Split | Merged | Retired):
                raise TypeError(f"expected crosswalk entries, got {type(entry).__name__}")
            for side, table, ids in (("old", olds, entry.olds), ("new", news, entry.news)):
                for id_ in ids:
                    if id_ in table:
                        raise InvalidValueError(
                            f"the crosswalk names the {side} id {id_} twice: in "
                            f"{table[id_].kind.value} {table[id_].describe()} and in "
                            f"{entry.kind.value} {entry.describe()}"
                        )
                    table[id_] = entry

    @functools.cached_property
    def _by_old(self) -> dict[str, CrosswalkEntry]:
        return {id_: entry for entry in self.entries for id_ in entry.olds}

    # -- one id ---------------------------------------------------------------------------

    @functools.cached_property
    def _fates(self) -> dict[tuple[str, Level], Fate]:
        return {}

    def resolve(self, old_id: str, level: Level | str) -> Fate:
        """What became of ``old_id``, an id of ``level`` in the old edition."""
        level = level if isinstance(level, Level) else Level(level)
        key = (old_id, level)
        fate = self._fates.get(key)
        if fate is None:
            fate = self._fates[key] = self._resolve(old_id, level)
        return fate

    def _resolve(self, old_id: str, level: Level) -> Fate:
        if not self.entries:
            return Fate(old_id, FateKind.UNCHANGED, (old_id,))
        entry = self._by_old.get(old_id)
        if entry is not None and _applies(entry, level):
            return _own_fate(entry, old_id)
        for up, up_level in _chain(old_id, level):
            entry = self._by_old.get(up)
            if entry is None or not _applies(entry, up_level):
                continue
            if isinstance(entry, OneToOne):
                new = entry.new + old_id[len(up) :]
                if fits(new, level):
                    return Fate(old_id, FateKind.RENAMED, (new,), up, entry)
                return Fate(old_id, FateKind.UNPLACED, (), up, entry)
            if isinstance(entry, Retired):
                return Fate(old_id, FateKind.RETIRED, (), up, entry)
            return Fate(old_id, FateKind.UNPLACED, (), up, entry)
        return Fate(old_id, FateKind.UNCHANGED, (old_id,))

    # -- against the plans ----------------------------------------------------------------

    def check(self, old: EditionIds, new: EditionIds) -> None:
        """Raise :class:`~fukuoka_dx.errors.InvalidValueError` listing every way the crosswalk
        does not fit the two editions: other editions or digests than it names, then
        :meth:`problems`."""
        found = []
        for side, edition, digest, given in (
            ("old", self.old_edition, self.old_digest, old),
            ("new", self.new_edition, self.new_digest, new),
        ):
            if edition != given.edition:
                found.append(
                    f"the crosswalk's {side} edition is {edition}, but the {side} plan's is "
                    f"{given.edition}"
                )
            elif digest is not None and digest != given.digest:
                found.append(
                    f"the crosswalk pins {side} edition {edition} at digest {digest[:12]}…, "
                    f"but the plan's digest is {given.digest[:12]}…"
                )
        found = found or self.problems(old.ids, new.ids)
        if found:
            lines = "\n".join(f"  - {p}" for p in found)
            raise InvalidValueError(
                f"the crosswalk from {self.old_edition} to {self.new_edition} does not fit the "
                f"plans:\n{lines}"
            )

    def problems(
        self,
        old_ids: Mapping[Level, Collection[str]],
        new_ids: Mapping[Level, Collection[str]],
    ) -> list[str]:
        """Every way the crosswalk does not fit two editions, given their ids by level: an
        entry naming an id the edition lacks, or one new id reached from two old ids that are
        not one merge (an old id without an entry keeps its id, so a renumbering must say
        where the old holder of the id went)."""
        found = [m for _, m in self.missing("old", old_ids)]
        found += [m for _, m in self.missing("new", new_ids)]
        for level in Level:
            claims: dict[str, list[Fate]] = {}
            present = set(new_ids.get(level, ()))
            for old_id in old_ids.get(level, ()):
                fate = self.resolve(old_id, level)
                for new_id in fate.new:
                    if new_id in present:
                        claims.setdefault(new_id, []).append(fate)
            for new_id, fates in claims.items():
                one_merge = all(f.kind is FateKind.MERGED for f in fates) and (
                    len({f.entry for f in fates}) == 1
                )
                if len(fates) > 1 and not one_merge:
                    said = "; ".join(f.describe() for f in fates)
                    found.append(
                        f"{level.value} {new_id} of {self.new_edition} is reached from "
                        f"{len(fates)} ids of {self.old_edition} ({said}): say in the "
                        "crosswalk where each of them went"
                    )
        return found

    def missing(self, side: str, ids: Mapping[Level, Collection[str]]) -> list[tuple[int, str]]:
        """The entries (by index) that name an id an edition lacks, given its ids by level:
        ``side`` is ``"old"`` (the ids an entry maps from) or ``"new"`` (those it maps to)."""
        edition = self.old_edition if side == "old" else self.new_edition
        found = []
        for n, entry in enumerate(self.entries):
            for id_ in entry.olds if side == "old" else entry.news:
                if not any(id_ in ids.get(level, ()) for level in entry.levels):
                    found.append(
                        (
                            n,
                            f"{entry.kind.value} {entry.describe()}: {id_} is not an id of "
                            f"edition {edition}",
                        )
                    )
        return found


def _own_fate(entry: CrosswalkEntry, old_id: str) -> Fate:
    kinds = {
        MappingKind.ONE_TO_ONE: FateKind.RENAMED,
        MappingKind.SPLIT: FateKind.SPLIT,
        MappingKind.MERGED: FateKind.MERGED,
        MappingKind.RETIRED: FateKind.RETIRED,
    }
    return Fate(old_id, kinds[entry.kind], entry.news, old_id, entry)


def _chain(id_: str, level: Level) -> Iterator[tuple[str, Level]]:
    """The ids ``id_`` nests in, nearest first, each with the level it has for ``id_``: an
    indicator's initiative, an initiative's promotion item (an own block's is its own id,
    already looked at), an item's pillar."""
    current, current_level = id_, level
    while True:
        up = parent(current)
        if up is None:
            return
        if current_level is Level.INDICATOR:
            current_level = Level.INITIATIVE
        elif current_level is Level.INITIATIVE and fits(current, Level.PROMOTION_ITEM):
            current_level = Level.PILLAR  # an own block: its item has its id
        elif current_level is Level.INITIATIVE:
            current_level = Level.PROMOTION_ITEM
        else:
            current_level = Level.PILLAR
        current = up
        yield up, current_level
