"""A reporting round: what the bureaus returned for a fiscal year, in one typed value.

A :class:`ReportingRound` holds the observations, activity reports and narratives that
entered it, where each came from (:class:`Provenance`: file, sheet and row, one entry per
place: a value returned twice is kept once, with both places), and every file collected
(:class:`ReturnedFile`) with what it left out and why (:class:`Refusal`), so that nothing
returned is lost without a word. It is written as JSON by ``fukuoka-dx collect`` and reads
back to the same value (:func:`~fukuoka_dx.observations.round_json.read_round`).
"""

from __future__ import annotations

import datetime as _dt
import enum
from typing import ClassVar, Final

import attrs
import pendulum

from fukuoka_dx._validators import non_empty_text
from fukuoka_dx.errors import InputProblem, InvalidValueError
from fukuoka_dx.fiscal_calendar import FiscalYear, as_date, as_fiscal_year
from fukuoka_dx.observations.reports import (
    ActivityReport,
    IndicatorNarrative,
    InitiativeNarrative,
    Narrative,
    NarrativeKind,
)
from fukuoka_dx.observations.values import Observation

__all__ = [
    "Provenance",
    "RecordKind",
    "Refusal",
    "ReportingRound",
    "ReturnedFile",
    "RoundKind",
]


class RoundKind(enum.StrEnum):
    """The tag of a round's JSON (``"kind": "reporting_round"``), which tells it from an
    observations file."""

    ROUND = "reporting_round"


class RecordKind(enum.StrEnum):
    """The kinds of record a round holds."""

    OBSERVATION = "observation"
    ACTIVITY = "activity"
    INDICATOR_NARRATIVE = "indicator_narrative"
    INITIATIVE_NARRATIVE = "initiative_narrative"


#: The record kind of each narrative kind.
NARRATIVE_RECORDS: Final = {
    NarrativeKind.INDICATOR: RecordKind.INDICATOR_NARRATIVE,
    NarrativeKind.INITIATIVE: RecordKind.INITIATIVE_NARRATIVE,
}


def _row(_instance: object, _attribute: object, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidValueError(f"a row is a number, 0 or more, got {value!r}")


@attrs.frozen
class Provenance:
    """Where one record of a round came from: ``file``, the ``sheet`` of a workbook (``None``
    for CSV and JSON), and the ``row``: a sheet's row, a CSV file's line (both from 1), or
    a JSON array's index (from 0)."""

    record: RecordKind = attrs.field(converter=RecordKind)
    id: str = attrs.field(validator=non_empty_text)
    fiscal_year: FiscalYear = attrs.field(converter=as_fiscal_year)
    file: str = attrs.field(validator=non_empty_text)
    sheet: str | None
    row: int = attrs.field(validator=_row)

    @property
    def key(self) -> tuple[RecordKind, str, FiscalYear]:
        return (self.record, self.id, self.fiscal_year)

    def where(self) -> str:
        """The place in words, as problems name it: ``総務局.xlsx, sheet 指標, row 5``."""
        if self.sheet is not None:
            return f"{self.file}, sheet {self.sheet}, row {self.row}"
        if self.file.lower().endswith(".json"):
            return f"{self.file}, [{self.row}]"
        return f"{self.file}, line {self.row}"


@attrs.frozen
class Refusal:
    """A row, a cell or a file left out of a round, with why; ``bureau`` is the bureau
    (所管, its Japanese name) whose item the row is about, where that is known."""

    problem: InputProblem
    bureau: str | None = None


@attrs.frozen
class ReturnedFile:
    """A file collected into a round.

    ``bureau`` is the bureau (所管) a packet is for, as its about sheet (or else its name)
    says; ``None`` for a plain CSV or JSON file. ``bureaus`` are the bureaus whose items its
    rows name. ``rows`` counts the rows read, ``unfilled`` those left empty (nothing
    reported), and ``refused`` lists what was left out, each with why.
    """

    path: str = attrs.field(validator=non_empty_text)
    bureau: str | None = None
    bureaus: tuple[str, ...] = ()
    rows: int = 0
    unfilled: int = 0
    refused: tuple[Refusal, ...] = ()


def _as_of(value: _dt.date | str) -> pendulum.Date:
    return as_date(value)


@attrs.frozen
class ReportingRound:
    """What the bureaus returned for ``fiscal_year``, as of ``as_of``, against the plan of
    ``edition`` and ``digest``.

    ``observations``, ``activity_reports`` and ``narratives`` are the records that entered
    the round (each once); ``provenance`` says where each came from (a record returned in
    two places has two entries); ``files`` are the files collected, each with what it left
    out; ``ignored`` the files of a folder that are not returns (a lock file, another kind of
    file), each with why.
    """

    kind: ClassVar[RoundKind] = RoundKind.ROUND
    edition: str = attrs.field(validator=non_empty_text)
    digest: str = attrs.field(validator=non_empty_text)
    fiscal_year: FiscalYear = attrs.field(converter=as_fiscal_year)
    as_of: pendulum.Date = attrs.field(converter=_as_of)
    observations: tuple[Observation, ...] = ()
    activity_reports: tuple[ActivityReport, ...] = ()
    narratives: tuple[Narrative, ...] = ()
    provenance: tuple[Provenance, ...] = ()
    files: tuple[ReturnedFile, ...] = ()
    ignored: tuple[InputProblem, ...] = ()

    def __attrs_post_init__(self) -> None:
        keys = [*self._keys()]
        other = [k for k in keys if k[2] != self.fiscal_year]
        if other:
            record, ident, fy = other[0]
            raise InvalidValueError(
                f"the {record.value} of {ident} is of {fy}, not of the round's fiscal year "
                f"{self.fiscal_year}"
            )
        if len(set(keys)) != len(keys):
            raise InvalidValueError(
                "a round holds each record once (its provenance lists every place it came from)"
            )
        placed = {p.key for p in self.provenance}
        dangling = sorted(placed - set(keys), key=str)
        if dangling:
            record, ident, fy = dangling[0]
            raise InvalidValueError(
                f"the provenance names a {record.value} of {ident} in {fy} that the round "
                "does not hold"
            )
        unplaced = [k for k in keys if k not in placed]
        if unplaced:
            record, ident, fy = unplaced[0]
            raise InvalidValueError(
                f"the {record.value} of {ident} in {fy} has no provenance: every value of a "
                "round says where it came from"
            )

    def _keys(self) -> list[tuple[RecordKind, str, FiscalYear]]:
        return [
            *((RecordKind.OBSERVATION, o.indicator_id, o.fiscal_year) for o in self.observations),
            *((RecordKind.ACTIVITY, a.initiative_id, a.fiscal_year) for a in self.activity_reports),
            *((NARRATIVE_RECORDS[n.kind], n.subject_id, n.fiscal_year) for n in self.narratives),
        ]

    def activity(self, initiative_id: str) -> ActivityReport | None:
        """The activity report of an initiative in the round's fiscal year, if any."""
        for a in self.activity_reports:
            if a.initiative_id == initiative_id and a.fiscal_year == self.fiscal_year:
                return a
        return None

    def indicator_narrative(self, indicator_id: str) -> IndicatorNarrative | None:
        """The narrative of an indicator's figure in the round's fiscal year, if any."""
        for n in self.narratives:
            if (
                isinstance(n, IndicatorNarrative)
                and n.indicator_id == indicator_id
                and n.fiscal_year == self.fiscal_year
            ):
                return n
        return None

    def initiative_narrative(self, initiative_id: str) -> InitiativeNarrative | None:
        """The narrative of an initiative in the round's fiscal year, if any."""
        for n in self.narratives:
            if (
                isinstance(n, InitiativeNarrative)
                and n.initiative_id == initiative_id
                and n.fiscal_year == self.fiscal_year
            ):
                return n
        return None

    def places(self, record: RecordKind | str, ident: str) -> tuple[Provenance, ...]:
        """Where a record of the round's fiscal year came from (every place it was given)."""
        kind = RecordKind(record)
        return tuple(
            p
            for p in self.provenance
            if p.record is kind and p.id == ident and p.fiscal_year == self.fiscal_year
        )

    @property
    def refused(self) -> tuple[Refusal, ...]:
        """Everything the collected files left out, file by file."""
        return tuple(r for f in self.files for r in f.refused)

    def __repr__(self) -> str:
        return (
            f"<ReportingRound {self.fiscal_year.label_ja} as of {self.as_of}: "
            f"{len(self.files)} file(s), {len(self.observations)} observation(s), "
            f"{len(self.activity_reports)} activity report(s), {len(self.narratives)} "
            f"narrative(s), {len(self.refused)} refused>"
        )
