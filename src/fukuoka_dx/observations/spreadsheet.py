"""Observations in an Excel workbook (``.xlsx``): the reader, with the ``excel`` extra.

The observations sheet is the first sheet whose first row names the columns
``indicator_id``, ``fiscal_year`` and ``value`` (then optionally ``as_of``, ``source`` and
``note``), by their machine names or by their headers for people in Japanese or English
(:data:`OBSERVATION_HEADERS`, the headers of the template ``fukuoka-dx`` writes); other
columns, such as a template's names and targets, are ignored. Each row then goes through the
same reading and checks as a CSV row (:func:`~fukuoka_dx.observations.rows.read_rows`).

A cell is read as it is stored, never guessed at: a number stays the number, a date becomes
the date. What cannot be read for sure is a problem naming the sheet, the row, the column and
the cell: a figure in a percentage-formatted cell (Excel holds 12.5% as 0.125), a date with a
time of day, a date where a figure or an id belongs, TRUE/FALSE, an error such as ``#N/A``,
and a formula the workbook holds no computed value for.
"""

from __future__ import annotations

import datetime as _dt
import io
import os
import re
import unicodedata
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

import attrs

from fukuoka_dx._optional import require_openpyxl
from fukuoka_dx.errors import InputProblem, ObservationsError
from fukuoka_dx.model import Plan
from fukuoka_dx.observations.rows import ReadResult, SourceRow, read_rows
from fukuoka_dx.observations.values import OBSERVATION_COLUMNS
from fukuoka_dx.targets import number_text
from fukuoka_dx.words import CATALOGUE, say

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

__all__ = [
    "OBSERVATION_HEADERS",
    "WorkbookFile",
    "column_of_header",
    "observation_header",
    "read_observations_xlsx",
]

#: The headers for people of the observation columns in a workbook (Japanese, English): what
#: the template writes in its header row, and what the reader takes besides the machine names.
OBSERVATION_HEADERS: Final[Mapping[str, tuple[str, str]]] = {
    column: CATALOGUE[f"column.{column}"] for column in OBSERVATION_COLUMNS
}

_REQUIRED: Final = OBSERVATION_COLUMNS[:3]

#: A workbook to read: a path, or a binary file open for reading.
WorkbookFile = str | os.PathLike[str] | IO[bytes]


def observation_header(column: str, lang: str) -> str:
    """The header for people of an observation column in ``lang`` (``ja`` or ``en``)."""
    if column not in OBSERVATION_HEADERS:
        raise KeyError(column)
    return say(f"column.{column}", lang)


def _key(text: str) -> str:
    """A header as compared: NFKC, case folded, spaces and hyphens as underscores."""
    key = unicodedata.normalize("NFKC", text).strip().casefold()
    return re.sub(r"[\s\-]+", "_", key)


#: Every header the reader takes for a column, by its compared form.
_ALIASES: Final = {
    _key(name): column
    for column, labels in OBSERVATION_HEADERS.items()
    for name in (column, *labels)
}


def column_of_header(header: object) -> str:
    """The observation column a header names (machine name or label in either language,
    any case), or the header itself, NFKC, when it names none (a comment column)."""
    text = "" if header is None else str(header)
    return _ALIASES.get(_key(text), unicodedata.normalize("NFKC", text).strip())


# -- cells ------------------------------------------------------------------------------------


class _Refused(Exception):
    """A cell that cannot be read for sure: what it shows, and why."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(reason)
        self.text = text
        self.reason = reason


#: Parts of a number format that show characters without meaning: quoted text, an escaped
#: character, a bracketed colour or condition, a space the width of a character, a fill.
_LITERALS: Final = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def _is_percent_format(number_format: str | None) -> bool:
    """Whether a number format shows a number times 100 with a % sign (``0.0%``), rather than
    a literal sign (``0.0"%"``), which leaves the number as it is."""
    return bool(number_format) and "%" in _LITERALS.sub("", str(number_format))


_WHAT: Final = {
    "indicator_id": "an indicator id",
    "fiscal_year": "a fiscal year",
    "value": "a value",
    "as_of": "a date",
    "source": "a source",
    "note": "a note",
}


def _date_cell(column: str, day: _dt.date) -> str:
    if column in ("as_of", "source", "note"):
        return day.isoformat()
    raise _Refused(
        day.isoformat(),
        f"Excel holds the cell as a date ({day.isoformat()}), not {_WHAT[column]}: format the "
        f"cell as text and type it again",
    )


def _number_cell(column: str, number: float, number_format: str | None) -> object:
    if column == "value":
        if _is_percent_format(number_format):
            shown = number_text(round(number * 100, 10))
            raise _Refused(
                f"{shown}%",
                f"the cell has a percentage format ({number_format}), so Excel holds "
                f"{shown}% as {number_text(number)}: type {shown} in a cell without the % "
                f"format (the value is never rescaled)",
            )
        return number
    if column == "as_of":
        raise _Refused(
            number_text(number),
            "a number, not a date: type the date (such as 2026-03-31) in a date cell",
        )
    if column == "fiscal_year" and float(number).is_integer():
        return int(number)
    return str(number) if isinstance(number, int) else number_text(number)


def _cell_value(column: str, cell: Any, formula: Any) -> object:
    """What ``read_rows`` is given for one cell (``cell`` with computed values, ``formula``
    the same cell with its formula), or :class:`_Refused`."""
    value = getattr(cell, "value", None)
    written = getattr(formula, "value", None)
    if getattr(formula, "data_type", None) == "f" and value is None:
        raise _Refused(
            str(written),
            "a formula the workbook holds no computed value for (it was never calculated): "
            "open and save it in Excel, or type the value",
        )
    if value is None:
        return None
    if getattr(cell, "data_type", None) == "e":
        raise _Refused(str(value), f"the cell holds the error {value}, not {_WHAT[column]}")
    if isinstance(value, bool):
        raise _Refused(
            "TRUE" if value else "FALSE",
            f"a TRUE/FALSE cell, not {_WHAT[column]}",
        )
    if isinstance(value, _dt.datetime):
        if value.time() != _dt.time():
            raise _Refused(
                value.isoformat(sep=" "),
                "a date with a time of day: give the date alone (such as 2026-03-31)",
            )
        return _date_cell(column, value.date())
    if isinstance(value, _dt.date):
        return _date_cell(column, value)
    if isinstance(value, _dt.time | _dt.timedelta):
        raise _Refused(str(value), f"a time, not {_WHAT[column]}")
    if isinstance(value, int | float):
        return _number_cell(column, value, getattr(cell, "number_format", None))
    if isinstance(value, str):
        return value
    raise _Refused(str(value), f"a cell holding {type(value).__name__}, not {_WHAT[column]}")


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# -- sheets -----------------------------------------------------------------------------------


@attrs.frozen
class _Header:
    """The observation columns of a sheet's header row, by their index (from 0)."""

    columns: Mapping[str, int]
    problem: str | None


def _header(row: Sequence[object]) -> _Header:
    found: dict[str, list[int]] = {}
    for i, value in enumerate(row):
        if isinstance(value, str) and (column := _ALIASES.get(_key(value))):
            found.setdefault(column, []).append(i)
    columns = {c: ix[0] for c, ix in found.items()}
    missing = [c for c in _REQUIRED if c not in found]
    repeated = [c for c in OBSERVATION_COLUMNS if len(found.get(c, ())) > 1]
    problem = None
    if missing:
        labels = " / ".join(
            ", ".join(names)
            for names in zip(*(OBSERVATION_HEADERS[c] for c in _REQUIRED), strict=True)
        )
        problem = (
            f"missing column(s) {', '.join(missing)}: the first row must name "
            f"{', '.join(_REQUIRED)} (or {labels}), then optionally as_of, source, note"
        )
    elif repeated:
        problem = f"column(s) {', '.join(repeated)} given twice"
    return _Header(columns, problem)


def _first_row(ws: Any) -> list[object]:
    for row in ws.iter_rows(min_row=1, max_row=1, values_only=True):
        return list(row)
    return []


def _choose_sheet(wb: Workbook, name: str, sheet: str | None) -> tuple[str, _Header]:
    titles = [ws.title for ws in wb.worksheets]  # chart sheets have no cells
    if sheet is not None:
        if sheet not in titles:
            raise ObservationsError(
                [InputProblem(name, None, sheet, f"no such sheet (sheets: {', '.join(titles)})")]
            )
        header = _header(_first_row(wb[sheet]))
        if header.problem:
            raise ObservationsError(
                [InputProblem(f"{name}, sheet {sheet}, row 1", None, "", header.problem)]
            )
        return sheet, header
    for title in titles:
        header = _header(_first_row(wb[title]))
        if header.problem is None:
            return title, header
    raise ObservationsError(
        [
            InputProblem(
                name,
                None,
                "",
                f"no sheet names the columns {', '.join(_REQUIRED)} in its first row "
                f"(sheets: {', '.join(titles)})",
            )
        ]
    )


# -- reading ----------------------------------------------------------------------------------


def _load(data: bytes, name: str, *, data_only: bool) -> Workbook:
    require_openpyxl()
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except (zipfile.BadZipFile, InvalidFileException, OSError, KeyError, ValueError) as exc:
        why = f"not an Excel workbook (.xlsx): {exc}" if str(exc) else "not an Excel workbook"
        raise ObservationsError([InputProblem(name, None, "", why)]) from None
    for ws in wb.worksheets:  # never trust a stored size: rows beyond it would be dropped
        if hasattr(ws, "reset_dimensions"):
            ws.reset_dimensions()
    return wb


def _read_bytes(file: WorkbookFile) -> tuple[bytes, str]:
    if isinstance(file, str | os.PathLike):
        path = Path(file)
        try:
            return path.read_bytes(), str(path)
        except OSError as exc:
            raise ObservationsError(
                [InputProblem(str(path), None, "", f"cannot read the file: {exc.strerror}")]
            ) from None
    return file.read(), str(getattr(file, "name", "<workbook>"))


@attrs.define
class _Sheet:
    """What one sheet gave: its rows, the problems of its cells, and where each cell is."""

    rows: list[SourceRow] = attrs.field(factory=list)
    problems: list[InputProblem] = attrs.field(factory=list)
    refused: set[tuple[str, str | None]] = attrs.field(factory=set)
    cells: dict[tuple[str, str | None], str] = attrs.field(factory=dict)
    order: dict[str, int] = attrs.field(factory=dict)


#: What a refused cell is given to ``read_rows`` as: nothing, or for a date a text that is
#: no date, so the row never becomes an observation (its problem says why).
_STANDS_IN: Final = {"as_of": "?"}


def _sheet_rows(values: Any, formulas: Any, where: str, header: _Header) -> _Sheet:
    from openpyxl.utils import get_column_letter

    out = _Sheet()
    pairs: Iterator[tuple[tuple[Any, ...], tuple[Any, ...]]] = zip(
        values.iter_rows(min_row=2), formulas.iter_rows(min_row=2), strict=False
    )
    for n, (row, written) in enumerate(pairs, 2):
        location = f"{where}, row {n}"
        cells: dict[str, object] = {}
        blank = True
        for column, i in header.columns.items():
            cell = row[i] if i < len(row) else None
            formula = written[i] if i < len(written) else None
            ref = f"{get_column_letter(i + 1)}{n}"
            out.cells[location, column] = ref
            try:
                cells[column] = _cell_value(column, cell, formula)
            except _Refused as refused:
                out.problems.append(InputProblem(location, column, refused.text, refused.reason))
                out.refused.add((location, column))
                cells[column] = _STANDS_IN.get(column)
                blank = False
                continue
            blank = blank and _blank(cells[column])
        if not blank:
            out.order[location] = n
            out.rows.append(SourceRow(location, cells))
    return out


def read_observations_xlsx(
    file: WorkbookFile,
    plan: Plan,
    *,
    keep_valid: bool = False,
    skip_empty: bool = False,
    sheet: str | None = None,
) -> ReadResult:
    """Read observations from an Excel workbook (a path or a binary file), checked against
    ``plan`` as a CSV file is. ``sheet`` names the sheet to read; by default, the first sheet
    whose first row names the observation columns. Needs the ``excel`` extra (openpyxl).

    With problems, raises :class:`~fukuoka_dx.errors.ObservationsError` listing all of them,
    each naming the sheet, the row, the cell and the column, unless ``keep_valid``: then the
    result lists them in ``rejected``. Rows whose observation cells are all empty are left
    out as blank; ``skip_empty`` also leaves out rows without a value (an unfilled template).
    """
    require_openpyxl()
    data, name = _read_bytes(file)
    values = _load(data, name, data_only=True)
    try:
        title, header = _choose_sheet(values, name, sheet)
        formulas = _load(data, name, data_only=False)
        try:
            read = _sheet_rows(values[title], formulas[title], f"{name}, sheet {title}", header)
        finally:
            formulas.close()
    finally:
        values.close()
    result = read_rows(
        read.rows, plan, keep_valid=True, skip_empty=skip_empty, problems=read.problems
    )
    refused_values = {loc for loc, column in read.refused if column == "value"}
    skipped = tuple(loc for loc in result.skipped if loc not in refused_values)
    unread = set(skipped)  # a row skipped for its empty value is not read, as in a CSV file
    own = set(read.problems)  # a refused cell's own problem, not what its stand-in caused
    kept = [
        p
        for p in result.rejected
        if p.location not in unread and (p in own or (p.location, p.column) not in read.refused)
    ]
    kept.sort(key=lambda p: read.order.get(p.location, 0))
    problems = [_at_cell(p, read.cells) for p in kept]
    if problems and not keep_valid:
        raise ObservationsError(problems)
    return ReadResult(result.observations, tuple(problems), skipped, None)


def _at_cell(problem: InputProblem, cells: Mapping[tuple[str, str | None], str]) -> InputProblem:
    """The problem with the cell it is about added to its location (``row 5, cell C5``)."""
    ref = cells.get((problem.location, problem.column))
    return attrs.evolve(problem, location=f"{problem.location}, cell {ref}") if ref else problem
