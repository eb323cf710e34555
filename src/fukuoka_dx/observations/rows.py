"""Rows of any file form, read against the plan: the one path every reader takes.

A reader (CSV, JSON, a spreadsheet) turns its file into :class:`SourceRow` values, each
with its location and its cells by column name, and :func:`read_rows` reads them: each cell
after NFKC normalisation, the value as its indicator takes it, then the checks of
:mod:`fukuoka_dx.observations.checks`, the same for every form and for Python objects.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

import attrs

from fukuoka_dx.errors import (
    FiscalYearParseError,
    InputProblem,
    InvalidValueError,
    NotFoundError,
    ObservationsError,
)
from fukuoka_dx.fiscal_calendar import FiscalYear, as_date, as_fiscal_year
from fukuoka_dx.model import Plan
from fukuoka_dx.observations.checks import conflicts, observation_problems, observation_years
from fukuoka_dx.observations.values import Observation, read_value

__all__ = ["ReadResult", "SourceRow", "read_rows"]


@attrs.frozen
class ReadResult:
    """What a reader read: the valid observations and the rows left out, each with why.

    ``rejected`` lists rows with problems (only with ``keep_valid=True``: otherwise they
    raise :class:`~fukuoka_dx.errors.ObservationsError`); ``skipped`` the rows left out with
    ``skip_empty=True`` because their value was empty (an unfilled row of a template);
    ``encoding`` the encoding a file was read in (``None`` for text given as text).
    """

    observations: tuple[Observation, ...]
    rejected: tuple[InputProblem, ...] = ()
    skipped: tuple[str, ...] = ()
    encoding: str | None = None


@attrs.frozen
class SourceRow:
    """One row of any file form, before reading: where it is (``obs.csv, line 4``,
    ``sheet 実績, row 5``) and its cells by column name, as the file holds them."""

    location: str
    cells: Mapping[str, object]


def _text(value: object) -> str:
    return "" if value is None else unicodedata.normalize("NFKC", str(value)).strip()


def _row_observation(
    row: SourceRow, plan: Plan, years: tuple[FiscalYear, FiscalYear]
) -> tuple[Observation | None, list[InputProblem]]:
    """An observation from one row's cells, read against the plan, or the row's problems."""
    cells, loc = row.cells, row.location
    problems: list[InputProblem] = []
    ind_id = _text(cells.get("indicator_id"))
    indicator = None
    if not ind_id:
        problems.append(InputProblem(loc, "indicator_id", "", "the indicator id is empty"))
    else:
        try:
            indicator = plan.indicator(ind_id)
        except NotFoundError as exc:
            problems.append(InputProblem(loc, "indicator_id", ind_id, str(exc)))
    raw_fy = cells.get("fiscal_year")
    fy = None
    try:
        fy = as_fiscal_year(raw_fy if isinstance(raw_fy, int) else _text(raw_fy))
    except (FiscalYearParseError, InvalidValueError, TypeError) as exc:
        problems.append(InputProblem(loc, "fiscal_year", _text(raw_fy), str(exc)))
    raw_value = cells.get("value")
    value = None
    if indicator is not None:
        try:
            if raw_value is None or (isinstance(raw_value, str) and not raw_value.strip()):
                raise InvalidValueError("the value is empty")
            if isinstance(raw_value, bool) or not isinstance(raw_value, str | int | float):
                raise InvalidValueError(f"expected text or a number, got {raw_value!r}")
            value = read_value(raw_value, indicator)
        except InvalidValueError as exc:
            problems.append(InputProblem(loc, "value", _text(raw_value), str(exc)))
    as_of = None
    if _text(cells.get("as_of")):
        try:
            as_of = as_date(_text(cells.get("as_of")))
        except FiscalYearParseError as exc:
            problems.append(InputProblem(loc, "as_of", _text(cells.get("as_of")), str(exc)))
    if problems or indicator is None or fy is None or value is None:
        return None, problems
    source, note = (cells.get(k) for k in ("source", "note"))
    observation = Observation(
        indicator.id,
        fy,
        value,
        as_of,
        str(source).strip() or None if source is not None else None,
        str(note).strip() or None if note is not None else None,
    )
    return observation, observation_problems(plan, observation, loc, years)


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_rows(
    rows: Iterable[SourceRow],
    plan: Plan,
    *,
    keep_valid: bool,
    skip_empty: bool,
    problems: Iterable[InputProblem] = (),
    encoding: str | None = None,
) -> ReadResult:
    """Read rows of any file form against the plan: the one path every reader takes (CSV,
    JSON, spreadsheets). With problems, raise them all (or, ``keep_valid``, list them)."""
    found = list(problems)
    years = observation_years(plan)
    skipped: list[str] = []
    read: list[tuple[str, Observation]] = []
    seen: set[Observation] = set()
    for row in rows:
        if skip_empty and _is_empty(row.cells.get("value")):
            skipped.append(row.location)
            continue
        observation, row_problems = _row_observation(row, plan, years)
        found += row_problems
        if observation is not None and not row_problems:
            if observation in seen:
                continue  # the same observation again: nothing to add, nothing lost
            seen.add(observation)
            read.append((row.location, observation))
    found += conflicts([o for _, o in read], [loc for loc, _ in read])
    if found and not keep_valid:
        raise ObservationsError(found)
    bad = {p.location for p in found}
    valid = tuple(o for loc, o in read if loc not in bad)
    return ReadResult(valid, tuple(found), tuple(skipped), encoding)
