"""The tracker of a round: which bureau has returned its figures, and which indicator and
initiative is still missing, to know whom to chase.

A bureau (所管) has *returned* when a file of its own (its packet) or a file with rows of its
items was collected with something in it, and nothing of it was refused; *returned with
problems* when something of it was (a row, a cell, the file itself: each refusal names the
bureau whose item it is about); *not returned* otherwise (no file, or only a file left
empty). An indicator is *reported* with a figure of the round's
year, an initiative with an activity report; an item of a re-post (再掲) without its own is
*reported by the block it re-posts* when that one has it; else it is *missing*.
"""

from __future__ import annotations

import enum
from typing import Any, Final

import attrs

from fukuoka_dx.errors import NotFoundError
from fukuoka_dx.fiscal_calendar import FiscalYear
from fukuoka_dx.model import Bureau, Plan
from fukuoka_dx.observations.round import (
    Provenance,
    RecordKind,
    Refusal,
    ReportingRound,
    ReturnedFile,
)

__all__ = [
    "RETURN_COLUMNS",
    "BureauReturn",
    "ItemKind",
    "ItemReturn",
    "ItemStatus",
    "ReturnStatus",
    "Tracker",
    "track",
]


class ReturnStatus(enum.StrEnum):
    """Whether a bureau has returned its figures."""

    RETURNED = "returned"
    WITH_PROBLEMS = "returned_with_problems"
    NOT_RETURNED = "not_returned"


class ItemStatus(enum.StrEnum):
    """Whether an indicator or an initiative has been reported in the round's year."""

    REPORTED = "reported"
    REPOSTED = "reposted"
    """not itself, but the block it re-posts (再掲) has been"""
    MISSING = "missing"


class ItemKind(enum.StrEnum):
    """What a tracker's item is."""

    INDICATOR = "indicator"
    INITIATIVE = "initiative"


@attrs.frozen
class BureauReturn:
    """A bureau's return: its status, the files collected for it, how many of its
    indicators and initiatives were reported, and how many refusals are about its items."""

    bureau: Bureau
    status: ReturnStatus
    files: tuple[str, ...]
    indicators: int
    indicators_reported: int
    initiatives: int
    initiatives_reported: int
    refused: int

    def row(self) -> dict[str, Any]:
        """The machine row (``--by bureau --format csv``'s return columns)."""
        return {
            "bureau": self.bureau.name_ja,
            "return_status": self.status.value,
            "files": len(self.files),
            "indicators": self.indicators,
            "indicators_reported": self.indicators_reported,
            "initiatives": self.initiatives,
            "initiatives_reported": self.initiatives_reported,
            "refused": self.refused,
        }


@attrs.frozen
class ItemReturn:
    """An indicator or an initiative in the round: reported or missing, whether the bureau
    gave words on it, and where it was given."""

    kind: ItemKind
    id: str
    bureau: Bureau
    status: ItemStatus
    words: bool
    places: tuple[str, ...] = ()


#: The columns of :meth:`BureauReturn.row`, in order.
RETURN_COLUMNS: Final = (
    "bureau",
    "return_status",
    "files",
    "indicators",
    "indicators_reported",
    "initiatives",
    "initiatives_reported",
    "refused",
)


@attrs.frozen
class Tracker:
    """A round's tracker: a :class:`BureauReturn` per bureau of the plan (in the plan's
    order), an :class:`ItemReturn` per indicator and initiative, and the refusals that are
    about no bureau's item (a plain file that could not be read, a row without a known id)."""

    fiscal_year: FiscalYear
    bureaus: tuple[BureauReturn, ...]
    items: tuple[ItemReturn, ...]
    unattributed: tuple[Refusal, ...] = ()

    def bureau(self, name: str) -> BureauReturn:
        """A bureau's return, by its Japanese or English name."""
        for b in self.bureaus:
            if b.bureau.matches(name):
                return b
        raise NotFoundError.for_key("bureau", name, [b.bureau.name_ja for b in self.bureaus])

    def missing(self, kind: ItemKind | str | None = None) -> tuple[ItemReturn, ...]:
        """The items still missing (of one kind, where given)."""
        wanted = ItemKind(kind) if kind is not None else None
        return tuple(
            i
            for i in self.items
            if i.status is ItemStatus.MISSING and (wanted is None or i.kind is wanted)
        )

    def count(self, status: ReturnStatus | str) -> int:
        """How many bureaus have ``status``."""
        return sum(1 for b in self.bureaus if b.status is ReturnStatus(status))


def _of(f: ReturnedFile, name: str) -> bool:
    return f.bureau == name or name in f.bureaus


def track(plan: Plan, round_: ReportingRound) -> Tracker:
    """The tracker of ``round_`` against ``plan``: per bureau returned or not (and with
    problems), per indicator and initiative reported or missing, for the round's year."""
    fy = round_.fiscal_year
    observed = {o.indicator_id for o in round_.observations if o.fiscal_year == fy}
    reported = {a.initiative_id for a in round_.activity_reports if a.fiscal_year == fy}
    worded = {n.subject_id for n in round_.narratives if n.fiscal_year == fy}
    # every place of a record of the year, in the round's order (as ``round_.places`` gives)
    placed: dict[tuple[RecordKind, str], list[Provenance]] = {}
    for p in round_.provenance:
        if p.fiscal_year == fy:
            placed.setdefault((p.record, p.id), []).append(p)
    items: list[ItemReturn] = []
    for ini in plan.initiatives:
        status = _status(ini.id, ini.reposts, reported)
        places = tuple(p.where() for p in placed.get((RecordKind.ACTIVITY, ini.id), ()))
        items.append(
            ItemReturn(ItemKind.INITIATIVE, ini.id, ini.bureau, status, ini.id in worded, places)
        )
        for ind in ini.indicators:
            original = f"{ini.reposts}.{ind.number}" if ini.reposts else None
            status = _status(ind.id, original, observed)
            places = tuple(p.where() for p in placed.get((RecordKind.OBSERVATION, ind.id), ()))
            items.append(
                ItemReturn(ItemKind.INDICATOR, ind.id, ini.bureau, status, ind.id in worded, places)
            )
    of_bureau: dict[Bureau, list[ItemReturn]] = {}
    for item in items:
        of_bureau.setdefault(item.bureau, []).append(item)
    given = {p.file for p in round_.provenance} | {f.path for f in round_.files if f.refused}
    bureaus = []
    for b in plan.bureaus:
        files = tuple(f for f in round_.files if _of(f, b.name_ja))
        refused = sum(
            1
            for f in round_.files
            for r in f.refused
            if r.bureau == b.name_ja or (r.bureau is None and f.bureau == b.name_ja)
        )
        mine = of_bureau.get(b, [])
        indicators = [i for i in mine if i.kind is ItemKind.INDICATOR]
        initiatives = [i for i in mine if i.kind is ItemKind.INITIATIVE]
        if not any(f.path in given for f in files):  # no file, or nothing in it
            returned = ReturnStatus.NOT_RETURNED
        elif refused:
            returned = ReturnStatus.WITH_PROBLEMS
        else:
            returned = ReturnStatus.RETURNED
        bureaus.append(
            BureauReturn(
                b,
                returned,
                tuple(f.path for f in files),
                len(indicators),
                sum(1 for i in indicators if i.status is not ItemStatus.MISSING),
                len(initiatives),
                sum(1 for i in initiatives if i.status is not ItemStatus.MISSING),
                refused,
            )
        )
    unattributed = tuple(
        r for f in round_.files if f.bureau is None for r in f.refused if r.bureau is None
    )
    return Tracker(fy, tuple(bureaus), tuple(items), unattributed)


def _status(ident: str, original: str | None, given: set[str]) -> ItemStatus:
    if ident in given:
        return ItemStatus.REPORTED
    if original is not None and original in given:
        return ItemStatus.REPOSTED
    return ItemStatus.MISSING
