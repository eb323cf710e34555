"""Rows of any file form, read against the plan: the one path every reader takes.

A reader (CSV, JSON, a spreadsheet) turns its file into :class:`SourceRow` values, each
with its location and its cells by column name, and :func:`read_rows` reads them: each cell
after NFKC normalisation, the value as its indicator takes it, then the checks of
:mod:`fukuoka_dx.observations.checks`, the same for every form and for Python objects.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sized
from decimal import Decimal
from typing import Final

import attrs

from fukuoka_dx.errors import (
    FiscalYearParseError,
    InputProblem,
    InputTypeError,
    InvalidValueError,
    NotFoundError,
    ObservationsError,
)
from fukuoka_dx.fiscal_calendar import FiscalYear, as_date, as_fiscal_year
from fukuoka_dx.model import Plan
from fukuoka_dx.observations.checks import (
    conflicts,
    edition_problems,
    observation_problems,
    observation_years,
)
from fukuoka_dx.observations.round import ReportingRound
from fukuoka_dx.observations.values import EDITION_COLUMNS, Observation, read_value
from fukuoka_dx.targets import number_text

__all__ = ["PROGRESS_EVERY", "ReadProgress", "ReadResult", "SourceRow", "read_rows"]

#: A reading progress hook: called with the rows read so far and the number of rows in all
#: (``None`` while it is not known, as in a workbook read row by row), every
#: :data:`PROGRESS_EVERY` rows and once at the end, with both numbers equal. A long read can
#: so show how far it is; the hook must not raise.
ReadProgress = Callable[[int, int | None], None]

#: How many rows are read between two calls of a :data:`ReadProgress` hook.
PROGRESS_EVERY: Final = 1000


@attrs.frozen
class ReadResult:
    """What a reader read: the valid observations and the rows left out, each with why.

    ``rejected`` lists rows with problems (only with ``keep_valid=True``: otherwise they
    raise :class:`~fukuoka_dx.errors.ObservationsError`); ``skipped`` the rows left out with
    ``skip_empty=True`` because their value was empty (an unfilled row of a template);
    ``encoding`` the encoding a file was read in (``None`` for text given as text);
    ``round`` the reporting round a round's file holds (its observations are
    :attr:`observations`), ``None`` for an observations file.
    """

    observations: tuple[Observation, ...]
    rejected: tuple[InputProblem, ...] = ()
    skipped: tuple[str, ...] = ()
    encoding: str | None = None
    round: ReportingRound | None = None


@attrs.frozen
class SourceRow:
    """One row of any file form, before reading: where it is (``obs.csv, line 4``,
    ``sheet 実績, row 5``) and its cells by column name, as the file holds them."""

    location: str
    cells: Mapping[str, object]


def _text(value: object) -> str:
    return "" if value is None else unicodedata.normalize("NFKC", str(value)).strip()


def _written(value: object) -> str:
    """A cell as a message quotes it: text as the file holds it (never its NFKC form), a
    number as a spreadsheet shows it (``120``, not ``120.0``)."""
    if value is None:
        return ""
    text = number_text(value) if isinstance(value, float) else str(value)
    return text if len(text) <= _LONGEST else f"{text[:24]}… ({len(text)} characters)"


#: The longest cell a message quotes in full: a longer one is quoted by its start and length.
_LONGEST: Final = 200


def _row_observation(
    row: SourceRow, plan: Plan, years: tuple[FiscalYear, FiscalYear]
) -> tuple[Observation | None, list[InputProblem]]:
    """An observation from one row's cells, read against the plan, or the row's problems."""
    cells, loc = row.cells, row.location
    edition, digest = (_text(cells.get(k)) or None for k in EDITION_COLUMNS)
    problems = edition_problems(plan, edition, digest, loc)
    if problems:
        return None, problems  # its ids are another edition's: nothing else can be said
    ind_id = _text(cells.get("indicator_id"))
    indicator = None
    if not ind_id:
        problems.append(InputProblem(loc, "indicator_id", "", "the indicator id is empty"))
    else:
        try:
            indicator = plan.indicator(ind_id)
        except NotFoundError as exc:
            problems.append(
                InputProblem(loc, "indicator_id", _written(cells.get("indicator_id")), str(exc))
            )
    raw_fy = cells.get("fiscal_year")
    fy = None
    try:
        fy = as_fiscal_year(raw_fy if isinstance(raw_fy, int) else _text(raw_fy))
    except (FiscalYearParseError, InvalidValueError, TypeError) as exc:
        problems.append(InputProblem(loc, "fiscal_year", _written(raw_fy), str(exc)))
    raw_value = cells.get("value")
    value = None
    if indicator is not None:
        try:
            if raw_value is None or (isinstance(raw_value, str) and not raw_value.strip()):
                raise InvalidValueError("the value is empty")
            if isinstance(raw_value, bool) or not isinstance(
                raw_value, str | int | float | Decimal
            ):
                raise InvalidValueError(f"expected text or a number, got {raw_value!r}")
            value = read_value(raw_value, indicator)
        except (InvalidValueError, InputTypeError) as exc:
            problems.append(InputProblem(loc, "value", _written(raw_value), str(exc)))
    as_of = None
    if _text(cells.get("as_of")):
        try:
            as_of = as_date(_text(cells.get("as_of")))
        except FiscalYearParseError as exc:
            problems.append(InputProblem(loc, "as_of", _written(cells.get("as_of")), str(exc)))
    if problems or indicator is None or fy is None or value is None:
        return None, problems
    source, note = (cells.get(k) for k in ("source", "note"))
    observation = Observation(
        indicator.id,
        fy,
        value,
        as_of,
        None if source is None else str(source),
        None if note is None else str(note),
        edition=edition,
        digest=digest,
    )
    found = observation_problems(plan, observation, loc, years)
    if found:  # again, quoting the cells as the file holds them
        shown = {
            c: _written(cells.get(c)) for c in ("indicator_id", "fiscal_year", "value", "as_of")
        }
        found = observation_problems(plan, observation, loc, years, shown)
    return observation, found


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


#: The columns that, filled in a row without a value, say that the row was meant to be read.
_BESIDE_THE_VALUE: Final = {"as_of": "an as-of date", "source": "a source", "note": "a note"}


def _unfilled(row: SourceRow) -> InputProblem | None:
    """The problem of a row without a value that has an as-of date, a source or a note: a
    figure typed in the wrong column, or forgotten; never skipped as an unfilled row."""
    given = [(c, what) for c, what in _BESIDE_THE_VALUE.items() if not _is_empty(row.cells.get(c))]
    if not given:
        return None
    column, _ = given[0]
    what = " and ".join(w for _, w in given)
    return InputProblem(
        row.location,
        "value",
        "",
        f"the value is empty, but the row has {what} ({column}: "
        f"{_written(row.cells.get(column))!r}): type the value in the value column, or clear "
        f"the row",
    )


def read_rows(
    rows: Iterable[SourceRow],
    plan: Plan,
    *,
    keep_valid: bool,
    skip_empty: bool,
    problems: Iterable[InputProblem] = (),
    encoding: str | None = None,
    progress: ReadProgress | None = None,
) -> ReadResult:
    """Read rows of any file form against the plan: the one path every reader takes (CSV,
    JSON, spreadsheets). With problems, raise them all (or, ``keep_valid``, list them).

    ``skip_empty`` leaves out a row without a value (an unfilled row of a template), listed
    in ``skipped``; a row without a value that has an as-of date, a source or a note is a
    problem instead, naming it. ``problems`` are the reader's own, taken after the rows (a
    reader may add to them while its rows are read); ``progress`` is called as
    :data:`ReadProgress` says."""
    if not isinstance(plan, Plan):
        raise InputTypeError(
            f"expected the plan to read against (such as load_plan()), got {type(plan).__name__}"
        )
    row_problems: list[InputProblem] = []
    years = observation_years(plan)
    skipped: list[str] = []
    read: list[tuple[str, Observation, str]] = []
    seen: set[Observation] = set()
    total = len(rows) if isinstance(rows, Sized) else None
    done = 0
    for row in rows:
        done += 1
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, total)
        if skip_empty and _is_empty(row.cells.get("value")):
            if (unfilled := _unfilled(row)) is not None:
                row_problems.append(unfilled)
            else:
                skipped.append(row.location)
            continue
        observation, found_here = _row_observation(row, plan, years)
        row_problems += found_here
        if observation is not None and not found_here:
            if observation in seen:
                continue  # the same observation again: nothing to add, nothing lost
            seen.add(observation)
            read.append((row.location, observation, _written(row.cells.get("value"))))
    if progress is not None:
        progress(done, done)
    found = [*problems, *row_problems]
    found += conflicts(
        [o for _, o, _ in read], [loc for loc, _, _ in read], [text for _, _, text in read]
    )
    if found and not keep_valid:
        raise ObservationsError(found)
    bad = {p.location for p in found}
    valid = tuple(o for loc, o, _ in read if loc not in bad)
    return ReadResult(valid, tuple(found), tuple(skipped), encoding)
