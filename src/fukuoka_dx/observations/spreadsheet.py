"""Observations in an Excel workbook (``.xlsx``): the reader, with the ``excel`` extra.

The observation sheets are every sheet whose first row names the columns ``indicator_id``,
``fiscal_year`` and ``value`` (then optionally ``as_of``, ``source`` and ``note``), by their
machine names or by their headers for people in Japanese or English
(:data:`OBSERVATION_HEADERS`, the headers of the template ``fukuoka-dx`` writes); other
columns, such as a template's names and targets, and other sheets are ignored. Reading them
all, not the first alone, leaves no sheet of figures out without a word; a sheet copied
gives nothing twice, and a copy that differs is a conflict naming both. Each row then goes
through the same reading and checks as a CSV row
(:func:`~fukuoka_dx.observations.rows.read_rows`). The workbook is read in openpyxl's
read-only mode, row by row, and read a second time for its formulas only where it has any.

A cell is read as it is stored, never guessed at: a number stays the number, a date becomes
the date. What cannot be read for sure is a problem naming the sheet, the row, the column and
the cell: a figure in a percentage-formatted cell (Excel holds 12.5% as 0.125), a date with a
time of day, a date where a figure or an id belongs, TRUE/FALSE, an error such as ``#N/A``,
and a formula the workbook holds no computed value for.
"""

from __future__ import annotations

import datetime as _dt
import io
import itertools
import os
import re
import unicodedata
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

import attrs

from fukuoka_dx._optional import require_openpyxl
from fukuoka_dx.errors import InputProblem, InputTypeError, ObservationsError
from fukuoka_dx.model import Plan
from fukuoka_dx.observations.rows import ReadProgress, ReadResult, SourceRow, read_rows
from fukuoka_dx.observations.values import EDITION_COLUMNS, OBSERVATION_COLUMNS
from fukuoka_dx.targets import number_text
from fukuoka_dx.words import CATALOGUE, say

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

__all__ = [
    "OBSERVATION_HEADERS",
    "WorkbookFile",
    "column_of_header",
    "formulas_workbook",
    "not_text",
    "observation_header",
    "read_observations_xlsx",
]

#: The headers for people of the observation columns in a workbook (Japanese, English): what
#: the template writes in its header row, and what the reader takes besides the machine names.
OBSERVATION_HEADERS: Final[Mapping[str, tuple[str, str]]] = {
    column: CATALOGUE[f"column.{column}"] for column in (*OBSERVATION_COLUMNS, *EDITION_COLUMNS)
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
    "edition": "an edition (such as 2023-09)",
    "digest": "a digest",
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


def _choose_sheets(wb: Workbook, name: str, sheet: str | None) -> list[tuple[str, _Header]]:
    """The sheets to read: ``sheet`` where given, else every sheet whose first row names the
    observation columns (a workbook of one sheet a year is read whole, never its first
    sheet alone)."""
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
        return [(sheet, header)]
    chosen = [
        (title, h) for title in titles if (h := _header(_first_row(wb[title]))).problem is None
    ]
    if chosen:
        return chosen
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


# -- the bytes of a file ----------------------------------------------------------------------

#: The first bytes of an Excel workbook (.xlsx, a zip archive) and of an Excel 97-2003 one
#: (.xls, an OLE2 compound file).
_ZIP: Final = b"PK\x03\x04"
_OLE2: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_XLS: Final = (
    "an Excel 97-2003 workbook (.xls), which is not read: save it as an Excel workbook "
    "(.xlsx) or as 「CSV UTF-8 (コンマ区切り)」"
)


def _utf16(data: bytes) -> bool:
    """UTF-16 (or UTF-32) text, by its byte-order mark or, without one, by the zero bytes
    that every other byte of its ASCII characters is."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    head = data[:4096]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return (
        len(head) >= 4 and max(even, odd) >= len(head) // 4 and min(even, odd) * 4 < max(even, odd)
    )


def not_text(data: bytes) -> str | None:
    """Why a file's bytes are not CSV or JSON text, by what they are (a workbook, UTF-16
    text, bytes that no text holds), or ``None`` where they may be text."""
    if data.startswith(_ZIP):
        return (
            "an Excel workbook (.xlsx), not CSV or JSON text: give it the .xlsx suffix, or "
            "save it as 「CSV UTF-8 (コンマ区切り)」"
        )
    if data.startswith(_OLE2):
        return _XLS
    if _utf16(data):
        return (
            "UTF-16 text (what Excel saves as 「Unicode テキスト」), which is not read: save it "
            "as 「CSV UTF-8 (コンマ区切り)」"
        )
    if b"\x00" in data:
        return "not a text file (it holds NUL bytes)"
    return None


def _not_a_workbook(data: bytes, detail: str) -> str:
    if data.startswith(_OLE2):
        return _XLS
    if not data.startswith(_ZIP) and not_text(data) is None:
        return "not an Excel workbook (.xlsx): the file is text; if it is CSV, name it .csv"
    return f"not an Excel workbook (.xlsx): {detail}" if detail else "not an Excel workbook"


#: A formula in a sheet's XML: an ``<f>`` element, with or without a namespace prefix.
_FORMULA: Final = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _has_formulas(data: bytes, parts: Sequence[str | None] | None = None) -> bool:
    """Whether any worksheet of the workbook holds a formula (read in chunks; ``True`` where
    it cannot be told, so that the formulas are then read). ``parts`` are the archive's
    parts the worksheets are read from, where known (``None`` for one not known); else
    every part under ``xl/worksheets/``."""
    if parts is not None and None in parts:
        return True
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = (
                [archive.getinfo(str(p)) for p in parts]
                if parts is not None
                else [i for i in archive.infolist() if i.filename.startswith("xl/worksheets/")]
            )
            for info in infos:
                with archive.open(info) as part:
                    tail = b""
                    while chunk := part.read(1 << 20):
                        if _FORMULA.search(tail + chunk):
                            return True
                        tail = chunk[-16:]
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, KeyError):
        return True
    return False


def formulas_workbook(data: bytes, name: str, values: Workbook) -> Workbook | None:
    """The workbook read again for its formulas (``values`` read for its computed values),
    only where a worksheet ``values`` reads holds any: the parts it reads them from, not every
    part the archive names, so that a sheet stored elsewhere is not missed."""
    parts = [getattr(ws, "_worksheet_path", None) for ws in values.worksheets]
    return _load(data, name, data_only=False) if _has_formulas(data, parts) else None


# -- reading ----------------------------------------------------------------------------------


def _load(data: bytes, name: str, *, data_only: bool) -> Workbook:
    require_openpyxl()
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except (zipfile.BadZipFile, InvalidFileException, OSError, KeyError, ValueError) as exc:
        raise ObservationsError(
            [InputProblem(name, None, "", _not_a_workbook(data, str(exc)))]
        ) from None
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
    if isinstance(file, bytes | bytearray):
        raise InputTypeError(
            "read_observations_xlsx takes a path or an open binary file, got bytes: open "
            "them as io.BytesIO(data)"
        )
    if not callable(getattr(file, "read", None)):
        raise InputTypeError(
            f"read_observations_xlsx takes a path or an open binary file, got {type(file).__name__}"
        )
    content = file.read()
    if not isinstance(content, bytes | bytearray):
        raise InputTypeError(
            f"read_observations_xlsx: the file gave {type(content).__name__}, not bytes: "
            f"open the workbook in binary mode (open(path, 'rb'))"
        )
    return bytes(content), str(getattr(file, "name", "<workbook>"))


@attrs.define
class _Sheets:
    """What the sheets gave, filled in as their rows are read: the problems of their cells,
    the refused cells, and where each row is (its sheet, its row number, the sheet's
    header), so that a problem can name its cell."""

    problems: list[InputProblem] = attrs.field(factory=list)
    refused: set[tuple[str, str | None]] = attrs.field(factory=set)
    where: dict[str, tuple[int, int, _Header]] = attrs.field(factory=dict)

    def cell(self, location: str, column: str | None) -> str | None:
        """The reference of a row's cell (``C5``), where the row and the column are known."""
        from openpyxl.utils import get_column_letter

        found = self.where.get(location)
        if found is None or column is None or column not in found[2].columns:
            return None
        _, n, header = found
        return f"{get_column_letter(header.columns[column] + 1)}{n}"


#: What a refused cell is given to ``read_rows`` as: nothing, or for a date a text that is
#: no date, so the row never becomes an observation (its problem says why).
_STANDS_IN: Final = {"as_of": "?"}


def _sheet_rows(
    values: Any, formulas: Any | None, where: str, header: _Header, index: int, out: _Sheets
) -> Iterator[SourceRow]:
    """The rows of one sheet with an observation cell filled, read one by one (``formulas``,
    the same sheet with its formulas, is ``None`` where the workbook holds none); the
    problems of their cells go to ``out``."""
    rows: Iterator[tuple[Any, ...]] = values.iter_rows(min_row=2)
    written: Iterator[tuple[Any, ...]] = (
        formulas.iter_rows(min_row=2) if formulas is not None else iter(())
    )
    for n, row in enumerate(rows, 2):
        formula_row = next(written, ())
        location = f"{where}, row {n}"
        cells: dict[str, object] = {}
        blank = True
        for column, i in header.columns.items():
            cell = row[i] if i < len(row) else None
            formula = formula_row[i] if i < len(formula_row) else None
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
            out.where[location] = (index, n, header)
            yield SourceRow(location, cells)


def read_observations_xlsx(
    file: WorkbookFile,
    plan: Plan,
    *,
    keep_valid: bool = False,
    skip_empty: bool = False,
    sheet: str | None = None,
    progress: ReadProgress | None = None,
) -> ReadResult:
    """Read observations from an Excel workbook (a path or a binary file), checked against
    ``plan`` as a CSV file is. ``sheet`` names the sheet to read; by default, every sheet
    whose first row names the observation columns is read (so that no sheet of figures is
    left out without a word; the same observation on two sheets is read once, two values for
    one are a problem naming both). Needs the ``excel`` extra (openpyxl); the workbook is
    read in openpyxl's read-only mode, row by row.

    With problems, raises :class:`~fukuoka_dx.errors.ObservationsError` listing all of them,
    each naming the sheet, the row, the cell and the column, unless ``keep_valid``: then the
    result lists them in ``rejected``. Rows whose observation cells are all empty are left
    out as blank; ``skip_empty`` also leaves out rows without a value (an unfilled template).
    ``progress`` is called as the rows are read
    (:data:`~fukuoka_dx.observations.rows.ReadProgress`; the number of rows is not known
    before the end).
    """
    require_openpyxl()
    data, name = _read_bytes(file)
    values = _load(data, name, data_only=True)
    formulas = formulas_workbook(data, name, values)
    read = _Sheets()
    try:
        chosen = _choose_sheets(values, name, sheet)
        rows = itertools.chain.from_iterable(
            _sheet_rows(
                values[title],
                formulas[title] if formulas is not None else None,
                f"{name}, sheet {title}",
                header,
                index,
                read,
            )
            for index, (title, header) in enumerate(chosen)
        )
        result = read_rows(
            rows,
            plan,
            keep_valid=True,
            skip_empty=skip_empty,
            problems=read.problems,
            progress=progress,
        )
    finally:
        values.close()
        if formulas is not None:
            formulas.close()
    refused_values = {loc for loc, column in read.refused if column == "value"}
    skipped = tuple(loc for loc in result.skipped if loc not in refused_values)
    unread = set(skipped)  # a row skipped for its empty value is not read, as in a CSV file
    own = set(read.problems)  # a refused cell's own problem, not what its stand-in caused
    kept = [
        p
        for p in result.rejected
        if p.location not in unread and (p in own or (p.location, p.column) not in read.refused)
    ]
    kept.sort(key=lambda p: read.where.get(p.location, (0, 0))[:2])
    problems = [_at_cell(p, read) for p in kept]
    if problems and not keep_valid:
        raise ObservationsError(problems)
    return ReadResult(result.observations, tuple(problems), skipped, None)


def _at_cell(problem: InputProblem, read: _Sheets) -> InputProblem:
    """The problem with the cell it is about added to its location (``row 5, cell C5``)."""
    ref = read.cell(problem.location, problem.column)
    return attrs.evolve(problem, location=f"{problem.location}, cell {ref}") if ref else problem
