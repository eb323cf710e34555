"""Collecting a reporting round: the packets the bureaus return, and plain CSV or JSON files
of the same columns, read through the same checks as observations into one
:class:`~fukuoka_dx.observations.round.ReportingRound`.

A returned file has rows of two kinds, told by the id they name:

- an indicator's row (:data:`INDICATOR_ROW_COLUMNS`): its figure (the observation columns:
  ``value``, ``as_of``, ``source``, ``note``, and the ``edition`` and ``digest`` a file may
  record, checked against the plan) and its account (``provisional``, ``evidence``,
  ``factors``, ``issues``, ``next_step``: an
  :class:`~fukuoka_dx.observations.reports.IndicatorNarrative`);
- an initiative's row (:data:`INITIATIVE_ROW_COLUMNS`): how its schedule went (``status``,
  ``done``: an :class:`~fukuoka_dx.observations.reports.ActivityReport`) and its words
  (``factors``, ``issues``, ``next_step``).

Columns are named by their machine names or by their headers for people in Japanese or
English (the headers of the packets); other columns are ignored. The figure of a row is read
by the observations' row reader (:func:`~fukuoka_dx.observations.rows.read_rows`); a cell of
a workbook as the observations' workbook reader reads it; a status, a next step and the
provisional flag must be one of their closed lists (the codes, or their words in either
language); free text is kept as written (its line endings made ``\\n``).

A row with a problem is left out whole, with every problem said. Across all files, a record
(a figure, an activity report, an account) given twice the same is kept once, with both
places in its provenance; given twice differently, both are refused, each naming the other
(and their rows are left out whole).
Every file, every row is accounted for: in the round, refused with why, or counted as left
unfilled.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import itertools
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs
import pendulum

from fukuoka_dx.errors import (
    FiscalYearParseError,
    InputProblem,
    InvalidValueError,
    ObservationsError,
)
from fukuoka_dx.fiscal_calendar import FiscalYear, as_date, as_fiscal_year, today
from fukuoka_dx.model import Plan
from fukuoka_dx.observations.checks import observation_years
from fukuoka_dx.observations.files import (
    _csv_error,
    _decode,
    _shape_problem,
    _split_value,
)
from fukuoka_dx.observations.report_checks import Report, report_problems, report_text
from fukuoka_dx.observations.reports import (
    ActivityReport,
    ActivityStatus,
    IndicatorNarrative,
    InitiativeNarrative,
    NextStep,
    free_text,
)
from fukuoka_dx.observations.round import (
    NARRATIVE_RECORDS,
    Provenance,
    RecordKind,
    Refusal,
    ReportingRound,
    ReturnedFile,
)
from fukuoka_dx.observations.round_json import is_round_text
from fukuoka_dx.observations.rows import SourceRow, read_rows
from fukuoka_dx.observations.values import (
    EDITION_COLUMNS,
    OBSERVATION_COLUMNS,
    Observation,
    value_text,
)
from fukuoka_dx.targets import number_text
from fukuoka_dx.words import CATALOGUE

__all__ = [
    "ABOUT_KEYS",
    "INDICATOR_ROW_COLUMNS",
    "INITIATIVE_ROW_COLUMNS",
    "RETURN_SUFFIXES",
    "ROW_HEADERS",
    "collect",
    "column_of_row_header",
    "gather",
    "round_as_of",
]

#: The columns of an indicator's row in a returned file, in order.
INDICATOR_ROW_COLUMNS: Final = (
    *OBSERVATION_COLUMNS,
    *EDITION_COLUMNS,
    "provisional",
    "evidence",
    "factors",
    "issues",
    "next_step",
)
#: The columns of an initiative's row in a returned file, in order.
INITIATIVE_ROW_COLUMNS: Final = (
    "initiative_id",
    "fiscal_year",
    "status",
    "done",
    "factors",
    "issues",
    "next_step",
)
_COLUMNS: Final = tuple(dict.fromkeys((*INDICATOR_ROW_COLUMNS, *INITIATIVE_ROW_COLUMNS)))
_NARRATIVE: Final = ("factors", "issues", "next_step")

#: The headers for people of the columns of returned files (Japanese, English), as the
#: packets write them; the reader also takes the machine names.
ROW_HEADERS: Final[Mapping[str, tuple[str, str]]] = {
    column: CATALOGUE[f"column.{column}"] for column in _COLUMNS
}

#: The keys of a packet's about sheet that the reader reads (its first column).
ABOUT_KEYS: Final = ("edition", "digest", "fiscal_year", "bureau")

#: The suffixes of the files a folder's returns are read from.
RETURN_SUFFIXES: Final = (".xlsx", ".csv", ".json")


def _key(text: object) -> str:
    key = unicodedata.normalize("NFKC", "" if text is None else str(text)).strip().casefold()
    return re.sub(r"[\s\-]+", "_", key)


_ALIASES: Final = {
    _key(name): column for column, labels in ROW_HEADERS.items() for name in (column, *labels)
}


def column_of_row_header(header: object) -> str | None:
    """The column of a returned file that a header names (machine name, or its header in
    Japanese or English, any case), or ``None`` for another column (read-only ones)."""
    return _ALIASES.get(_key(header))


def _words(prefix: str, codes: Iterable[str]) -> dict[str, str]:
    """Each code of a closed list by every form the reader takes: the code and its words in
    both languages."""
    out: dict[str, str] = {}
    for code in codes:
        for name in (code, *CATALOGUE[f"{prefix}.{code}"]):
            out[_key(name)] = code
    return out


_STATUS_CODES: Final = tuple(s.value for s in ActivityStatus)
_NEXT_STEP_CODES: Final = tuple(s.value for s in NextStep)
_STATUSES: Final = _words("activity", _STATUS_CODES)
_NEXT_STEPS: Final = _words("next_step", _NEXT_STEP_CODES)
_PROVISIONAL: Final = {**_words("provisional", ["true", "false"]), "1": "true", "0": "false"}


def _listed(prefix: str, codes: Iterable[str]) -> str:
    return ", ".join(f"{CATALOGUE[f'{prefix}.{c}'][0]} ({c})" for c in codes)


# -- the rows of a file ---------------------------------------------------------------------


@attrs.frozen
class _Row:
    """One row of a returned file, before reading: where it is and its cells by column."""

    location: str
    file: str
    sheet: str | None
    number: int
    cells: Mapping[str, object]
    refs: Mapping[str, str] = attrs.field(factory=dict)
    """The cell of each column (``C5``), for a workbook."""
    problems: tuple[InputProblem, ...] = ()
    """The problems of the cells the workbook reader refused."""

    @property
    def refused(self) -> frozenset[str]:
        """The columns whose cells were refused."""
        return frozenset(p.column for p in self.problems if p.column)

    def at(self, problem: InputProblem) -> InputProblem:
        """The problem with its cell added to the location (``row 5, cell C5``)."""
        ref = self.refs.get(problem.column or "")
        return attrs.evolve(problem, location=f"{problem.location}, cell {ref}") if ref else problem


@attrs.define
class _File:
    """What one file gave: its rows, its own problems, and what its packet says of it."""

    path: str
    rows: list[_Row] = attrs.field(factory=list)
    problems: list[InputProblem] = attrs.field(factory=list)
    about: dict[str, str] = attrs.field(factory=dict)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# -- CSV ---------------------------------------------------------------------------------------


def _csv_file(path: Path, name: str) -> _File:
    out = _File(name)
    try:
        text, _ = _decode(path.read_bytes(), name, None)
    except ObservationsError as exc:
        out.problems += exc.problems
        return out
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
    line = 1
    try:
        header = next(reader, None)
        if header is None:
            out.problems.append(InputProblem(f"{name}, line 1", None, "", "the file is empty"))
            return out
        columns = [column_of_row_header(h) or f"# {h}" for h in header]
        problem = _header_problem(columns)
        if problem:
            out.problems.append(InputProblem(f"{name}, line 1", None, ",".join(header), problem))
            return out
        line = reader.line_num + 1
        for fields in reader:
            location = f"{name}, line {line}"
            number, line = line, reader.line_num + 1
            if not any(f.strip() for f in fields):
                continue
            if len(fields) != len(columns):
                if "value" in columns:
                    out.problems.append(_shape_problem(location, fields, columns))
                else:
                    out.problems.append(
                        InputProblem(
                            location,
                            None,
                            ",".join(fields),
                            f"the row has {len(fields)} fields for {len(columns)} columns: "
                            "quote a value that holds a comma",
                        )
                    )
                continue
            if "value" in columns and (split := _split_value(fields, columns)) is not None:
                out.problems.append(attrs.evolve(split, location=location))
                continue
            cells = {c: f for c, f in zip(columns, fields, strict=True) if not c.startswith("# ")}
            out.rows.append(_Row(location, name, None, number, cells))
    except csv.Error as exc:
        out.problems.append(InputProblem(f"{name}, line {line}", None, "", _csv_error(str(exc))))
    return out


def _header_problem(columns: Sequence[str]) -> str | None:
    ids = [c for c in ("indicator_id", "initiative_id") if c in columns]
    repeated = sorted({c for c in columns if not c.startswith("# ") and columns.count(c) > 1})
    if not ids or "fiscal_year" not in columns:
        return (
            "the header must name indicator_id (an indicator's rows) or initiative_id (an "
            "initiative's rows), and fiscal_year, by their names or their headers for people"
        )
    if repeated:
        return f"column(s) {', '.join(repeated)} given twice"
    return None


# -- JSON --------------------------------------------------------------------------------------


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    if repeated:
        raise ValueError(f"key(s) {', '.join(repeated)} given twice in one object")
    return dict(pairs)


def _json_constant(name: str) -> None:
    raise ValueError(f"{name} is not a figure")


def _json_file(path: Path, name: str) -> _File:
    out = _File(name)
    try:
        text = path.read_bytes().decode("utf-8-sig")
        data = json.loads(text, object_pairs_hook=_json_object, parse_constant=_json_constant)
    except UnicodeDecodeError:
        out.problems.append(InputProblem(name, None, "", "a JSON file is UTF-8: this is not"))
        return out
    except json.JSONDecodeError as exc:
        where = f"{name}, line {exc.lineno}"
        out.problems.append(InputProblem(where, None, "", f"not JSON: {exc.msg}"))
        return out
    except ValueError as exc:
        out.problems.append(InputProblem(name, None, "", str(exc)))
        return out
    if not isinstance(data, list):
        why = "expected a JSON array of objects, each an indicator's or an initiative's row"
        out.problems.append(InputProblem(name, None, "", why))
        return out
    for i, item in enumerate(data):
        location = f"{name}, [{i}]"
        if not isinstance(item, dict):
            out.problems.append(InputProblem(location, None, "", "expected an object"))
            continue
        unknown = sorted(k for k in item if k not in _COLUMNS)
        if unknown:
            why = f"unknown key(s) {', '.join(unknown)}: the keys are the columns' names"
            out.problems.append(InputProblem(location, None, "", why))
            continue
        out.rows.append(_Row(location, name, None, i, item))
    return out


# -- workbooks ---------------------------------------------------------------------------------


class _Refused(Exception):
    def __init__(self, text: str, reason: str) -> None:
        super().__init__(reason)
        self.text, self.reason = text, reason


#: The observation columns, read as the observations' workbook reader reads them.
_OBSERVATION: Final = frozenset(OBSERVATION_COLUMNS)


def _text_cell(column: str, cell: Any, formula: Any) -> object:
    """A cell of a column other than the observation ones: text, or a TRUE/FALSE for the
    provisional flag; what cannot be read for sure is refused."""
    value = getattr(cell, "value", None)
    if getattr(formula, "data_type", None) == "f" and value is None:
        raise _Refused(
            str(getattr(formula, "value", "")),
            "a formula the workbook holds no computed value for: open and save it in Excel, "
            "or type the text",
        )
    if value is None:
        return None
    if getattr(cell, "data_type", None) == "e":
        raise _Refused(str(value), f"the cell holds the error {value}, not text")
    if isinstance(value, bool):
        if column == "provisional":
            return "true" if value else "false"
        raise _Refused("TRUE" if value else "FALSE", "a TRUE/FALSE cell, not text")
    if isinstance(value, _dt.datetime | _dt.date):
        if column in ("initiative_id", "fiscal_year", "status", "next_step", "provisional"):
            shown = value.isoformat()
            raise _Refused(shown, f"Excel holds the cell as a date ({shown}), not a {column}")
        return value.date().isoformat() if isinstance(value, _dt.datetime) else value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value) if isinstance(value, int) else number_text(value)
    return str(value)


def _workbook_file(path: Path, name: str) -> _File:
    from fukuoka_dx.observations.spreadsheet import _load, formulas_workbook

    out = _File(name)
    try:
        data = path.read_bytes()
        values = _load(data, name, data_only=True)
    except ObservationsError as exc:
        out.problems += exc.problems
        return out
    except OSError as exc:
        out.problems.append(InputProblem(name, None, "", f"cannot read the file: {exc.strerror}"))
        return out
    try:
        formulas = formulas_workbook(data, name, values)
        try:
            for ws in values.worksheets:
                _read_sheet(ws, None if formulas is None else formulas[ws.title], name, out)
        finally:
            if formulas is not None:
                formulas.close()
    finally:
        values.close()
    return out


def _read_sheet(ws: Any, formulas: Any | None, name: str, out: _File) -> None:
    """The rows of one sheet, read one by one into ``out`` (``formulas``: the same sheet
    with its formulas, or ``None`` where the workbook holds none): a packet's about sheet
    gives what it says of the packet; a sheet whose header names no id column is left
    after its first row."""
    from fukuoka_dx.observations.spreadsheet import _cell_value
    from fukuoka_dx.observations.spreadsheet import _Refused as _CellRefused

    rows: Iterator[tuple[Any, ...]] = ws.iter_rows()
    first = next(rows, None)
    if first is None:
        return
    head = [getattr(c, "value", None) for c in first]
    if _about_sheet(head):
        out.about.update(_about(rows))
        return
    columns = {i: c for i, h in enumerate(head) if (c := column_of_row_header(h))}
    if not any(c in columns.values() for c in ("indicator_id", "initiative_id")):
        return
    title = ws.title
    problem = _header_problem(list(columns.values()))
    where = f"{name}, sheet {title}"
    if problem:
        out.problems.append(InputProblem(f"{where}, row 1", None, "", problem))
        return
    written: Iterator[tuple[Any, ...]] = (
        itertools.islice(formulas.iter_rows(), 1, None)
        if formulas is not None
        else itertools.repeat(())
    )
    # what each column needs, once for the sheet: its index, its letter, how it is read
    order = [
        (i, column, _letter(i), _cell_value if column in _OBSERVATION else _text_cell)
        for i, column in columns.items()
    ]
    for n, (row, formula_row) in enumerate(zip(rows, written, strict=False), 2):
        cells: dict[str, object] = {}
        refused: list[InputProblem] = []
        width, formula_width = len(row), len(formula_row)
        for i, column, letter, read in order:
            cell: Any = row[i] if i < width else None
            formula = formula_row[i] if i < formula_width else None
            value = getattr(cell, "value", None)
            # the two commonest cells, as both readers read them: empty, and text
            if value is None:
                if formula is None or formula.data_type != "f":
                    cells[column] = None
                    continue
            elif value.__class__ is str and cell.data_type != "e":
                cells[column] = value
                continue
            try:
                cells[column] = read(column, cell, formula)
            except (_CellRefused, _Refused) as exc:
                at = f"{where}, row {n}, cell {letter}{n}"
                refused.append(InputProblem(at, column, exc.text, exc.reason))
                cells[column] = None
        if not refused and all(_blank(v) for v in cells.values()):
            continue
        refs = {column: f"{letter}{n}" for _, column, letter, _ in order}
        location = f"{where}, row {n}"
        out.rows.append(_Row(location, name, title, n, cells, refs, tuple(refused)))


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


#: The headers of an about sheet's key, item and value columns, as compared.
_ABOUT_HEADERS: Final = tuple(
    frozenset(_key(w) for w in CATALOGUE[f"excel.about.{k}"]) for k in ("key", "item", "value")
)


def _about_sheet(head: Sequence[object]) -> bool:
    """A packet's about sheet: its header names the key, item and value columns."""
    names = {_key(h) for h in head[:3]}
    return len(head) >= 3 and all(names & w for w in _ABOUT_HEADERS)


def _about(rows: Iterable[Sequence[Any]]) -> dict[str, str]:
    """What the rows of an about sheet (after its header) say of the packet."""
    found: dict[str, str] = {}
    for row in rows:
        cells = [getattr(c, "value", None) for c in row]
        if len(cells) >= 3 and isinstance(cells[0], str) and cells[0] in ABOUT_KEYS:
            found[cells[0]] = "" if cells[2] is None else str(cells[2])
    return found


# -- gathering the files ---------------------------------------------------------------------


def _is_round_file(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return is_round_text(f.read(64).decode("utf-8", errors="replace"))
    except OSError:
        return False


def gather(
    paths: Iterable[str | os.PathLike[str]],
) -> tuple[tuple[Path, ...], tuple[InputProblem, ...]]:
    """The files to collect from ``paths`` (files, and the files of folders, in name order)
    and the files of folders that are not returns, each with why (a lock file of Excel, a
    round, a file of another kind, a folder inside). A path that does not exist is an
    error."""
    files: list[Path] = []
    ignored: list[InputProblem] = []
    missing = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for entry in sorted(path.iterdir(), key=lambda p: p.name):
                why = _not_a_return(entry)
                if why:
                    ignored.append(InputProblem(str(entry), None, "", why))
                else:
                    files.append(entry)
        elif path.exists():
            files.append(path)
        else:
            missing.append(InputProblem(str(path), None, "", "no such file or folder"))
    if missing:
        raise ObservationsError(missing)
    return tuple(dict.fromkeys(files)), tuple(ignored)


def _not_a_return(entry: Path) -> str | None:
    if entry.is_dir():
        return "a folder: only the files of the folder given are read"
    if entry.name.startswith("~$"):
        return "a lock file of Excel (the workbook is open), not a return"
    if entry.suffix.lower() not in RETURN_SUFFIXES:
        return f"not a return: returns are {', '.join(RETURN_SUFFIXES)} files"
    if entry.suffix.lower() == ".json" and _is_round_file(entry):
        return "a round written by fukuoka-dx collect, not a return"
    return None


def _read_file(path: Path) -> _File:
    name = str(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _workbook_file(path, name)
    if suffix == ".json":
        if _is_round_file(path):
            out = _File(name)
            why = "a round written by fukuoka-dx collect, not a return: collect the returned files"
            out.problems.append(InputProblem(name, None, "", why))
            return out
        return _json_file(path, name)
    if suffix in (".csv", ".txt"):
        return _csv_file(path, name)
    out = _File(name)
    why = "expected a returned packet (.xlsx) or a .csv or .json file of its columns"
    out.problems.append(InputProblem(name, None, "", why))
    return out


# -- reading a row ---------------------------------------------------------------------------

#: The fiscal years an observation may have (first, last).
_Years = tuple[FiscalYear, FiscalYear]


def _text(value: object) -> str:
    return "" if value is None else unicodedata.normalize("NFKC", str(value)).strip()


def _free(value: object) -> str | None:
    if value is None:
        return None
    return free_text(value if isinstance(value, str) else str(value))


@attrs.frozen
class _Read:
    """What one row gave: its records, or its problems; ``bureau`` is the bureau of the
    item it names (where known), ``unfilled`` says that it reported nothing."""

    records: tuple[Observation | Report, ...] = ()
    problems: tuple[InputProblem, ...] = ()
    bureau: str | None = None
    unfilled: bool = False


def _closed(
    row: _Row, column: str, words: Mapping[str, str], prefix: str, codes: Sequence[str]
) -> tuple[str | None, InputProblem | None]:
    raw = row.cells.get(column)
    if _blank(raw):
        return None, None
    code = words.get(_key(raw))
    if code is None:
        why = f"not one of the list: expected one of {_listed(prefix, codes)}"
        return None, InputProblem(row.location, column, str(raw), why)
    return code, None


def _year(row: _Row, fy: FiscalYear) -> tuple[FiscalYear | None, InputProblem | None]:
    raw = row.cells.get("fiscal_year")
    try:
        whole = isinstance(raw, int) and not isinstance(raw, bool)
        year = as_fiscal_year(raw if whole else _text(raw))  # type: ignore[arg-type]
    except (FiscalYearParseError, InvalidValueError, TypeError) as exc:
        return None, InputProblem(row.location, "fiscal_year", _text(raw), str(exc))
    if year != fy:
        why = (
            f"the round is of {fy.label_ja} ({fy}): a report of {year.label_ja} belongs to the "
            "round of that year"
        )
        return None, InputProblem(row.location, "fiscal_year", _text(raw), why)
    return year, None


def _indicator_row(row: _Row, plan: Plan, fy: FiscalYear, years: _Years) -> _Read:
    ident = _text(row.cells.get("indicator_id"))
    bureau = _bureau_of(plan, ident)
    provisional, p1 = _closed(row, "provisional", _PROVISIONAL, "provisional", ["true", "false"])
    next_step, p2 = _closed(row, "next_step", _NEXT_STEPS, "next_step", _NEXT_STEP_CODES)
    problems = [*row.problems, *(p for p in (p1, p2) if p)]
    evidence = _free(row.cells.get("evidence"))
    factors, issues = _free(row.cells.get("factors")), _free(row.cells.get("issues"))
    has_value = not _blank(row.cells.get("value")) or "value" in row.refused
    figure = has_value or any(not _blank(row.cells.get(c)) for c in ("as_of", "source", "note"))
    said = bool(provisional == "true" or evidence or factors or issues or next_step)
    if not (figure or said or problems or provisional):
        return _Read(bureau=bureau, unfilled=True)
    year, p = _year(row, fy)
    problems += [p] if p else []
    records: list[Observation | Report] = []
    if figure:  # the figure's cells, read as the observations' reader reads them
        columns = (*OBSERVATION_COLUMNS, *EDITION_COLUMNS)
        cells = {c: row.cells[c] for c in columns if c in row.cells}
        read = read_rows([SourceRow(row.location, cells)], plan, keep_valid=True, skip_empty=False)
        problems += [p for p in read.rejected if p.column not in row.refused]
        # the edition and digest a row records are checked; the round records its own
        records += [attrs.evolve(o, edition=None, digest=None) for o in read.observations]
    elif not ident:
        problems.append(InputProblem(row.location, "indicator_id", "", "the indicator id is empty"))
    for column, given in (("provisional", provisional == "true"), ("evidence", evidence)):
        if given and not has_value:
            problems.append(
                InputProblem(
                    row.location,
                    column,
                    _text(row.cells.get(column)),
                    f"the {column} flag or reference is said of a figure, but the row has none: "
                    "type the figure, or clear the cell",
                )
            )
    if said and year is not None and ident:
        narrative = IndicatorNarrative(
            ident,
            year,
            factors,
            issues,
            NextStep(next_step) if next_step else None,
            provisional == "true",
            evidence,
        )
        problems += report_problems(plan, narrative, row.location, years)
        records.append(narrative)
    return _result(row, records, problems, bureau)


def _initiative_row(row: _Row, plan: Plan, fy: FiscalYear) -> _Read:
    ident = _text(row.cells.get("initiative_id"))
    bureau = _bureau_of(plan, ident)
    status, p1 = _closed(row, "status", _STATUSES, "activity", _STATUS_CODES)
    next_step, p2 = _closed(row, "next_step", _NEXT_STEPS, "next_step", _NEXT_STEP_CODES)
    problems = [*row.problems, *(p for p in (p1, p2) if p)]
    done = _free(row.cells.get("done"))
    factors, issues = _free(row.cells.get("factors")), _free(row.cells.get("issues"))
    if not (status or done or factors or issues or next_step or problems):
        return _Read(bureau=bureau, unfilled=True)
    year, p = _year(row, fy)
    problems += [p] if p else []
    if not ident:
        problems.append(
            InputProblem(row.location, "initiative_id", "", "the initiative id is empty")
        )
    if done and not status and not p1 and "status" not in row.refused:
        problems.append(
            InputProblem(
                row.location,
                "status",
                "",
                "what was done is given without the status: choose one of "
                + _listed("activity", _STATUS_CODES),
            )
        )
    records: list[Observation | Report] = []
    if year is not None and ident:
        if status:
            records.append(ActivityReport(ident, year, ActivityStatus(status), done))
        if factors or issues or next_step:
            records.append(
                InitiativeNarrative(
                    ident, year, factors, issues, NextStep(next_step) if next_step else None
                )
            )
        for r in records:  # the same problem of both is said once (_result)
            if not isinstance(r, Observation):
                problems += report_problems(plan, r, row.location)
    return _result(row, records, problems, bureau)


def _result(
    row: _Row,
    records: Sequence[Observation | Report],
    problems: Sequence[InputProblem],
    bureau: str | None,
) -> _Read:
    """A row's records, or (with any problem) its problems alone: a row with a problem is
    left out whole. Each problem names its cell, in a workbook."""
    if problems:
        own = set(row.problems)
        shown = [p if p in own else row.at(p) for p in dict.fromkeys(problems)]
        return _Read(problems=tuple(shown), bureau=bureau)
    return _Read(tuple(records), bureau=bureau)


def _bureau_of(plan: Plan, ident: str) -> str | None:
    if not ident:
        return None
    if "." in ident:
        ident = ident.rsplit(".", 1)[0]
    try:
        return plan.initiative(ident).bureau.name_ja
    except KeyError:
        return None


def _read_row(row: _Row, plan: Plan, fy: FiscalYear, years: _Years) -> _Read:
    """One row's records or problems (``years``: the plan's observation years, worked out
    once for a file)."""
    indicator = not _blank(row.cells.get("indicator_id"))
    initiative = not _blank(row.cells.get("initiative_id"))
    if indicator and initiative:
        why = "the row names an indicator and an initiative: a row is of one of them"
        return _Read(problems=(InputProblem(row.location, None, "", why),))
    if indicator or ("indicator_id" in row.cells and "initiative_id" not in row.cells):
        return _indicator_row(row, plan, fy, years)
    if initiative or "initiative_id" in row.cells:
        return _initiative_row(row, plan, fy)
    why = "the row names neither an indicator (indicator_id) nor an initiative (initiative_id)"
    return _Read(problems=(InputProblem(row.location, None, "", why),))


# -- the round -------------------------------------------------------------------------------


def _record_key(record: Observation | Report) -> tuple[RecordKind, str, FiscalYear]:
    if isinstance(record, Observation):
        return (RecordKind.OBSERVATION, record.indicator_id, record.fiscal_year)
    if isinstance(record, ActivityReport):
        return (RecordKind.ACTIVITY, record.initiative_id, record.fiscal_year)
    return (NARRATIVE_RECORDS[record.kind], record.subject_id, record.fiscal_year)


def _said(record: Observation | Report) -> str:
    if isinstance(record, Observation):
        return value_text(record.value)
    return report_text(record)


def _differs(first: Observation | Report, other: Observation | Report) -> tuple[str, str]:
    """The column two records of one key differ in, and how to say it."""
    if isinstance(first, Observation) and isinstance(other, Observation):
        if first.value != other.value:
            return "value", f"a different value ({value_text(first.value)})"
        for column in ("as_of", "source", "note"):
            a, b = getattr(first, column), getattr(other, column)
            if a != b:
                return column, f"the same value with a different {column} ({a or 'none'})"
    if isinstance(first, Observation):
        return "value", f"a different value ({value_text(first.value)})"
    if isinstance(first, ActivityReport):
        return "status", f"a different activity report ({report_text(first)})"
    return "factors", f"a different account ({report_text(first)})"


@attrs.frozen
class _Given:
    record: Observation | Report
    place: Provenance
    location: str
    bureau: str | None


def _merge(
    given: Sequence[_Given],
) -> tuple[list[Observation | Report], list[Provenance], dict[str, list[InputProblem]]]:
    """Records given once or the same several times are kept (with every place); records
    of one key given differently are refused, each naming another, and with them the other
    records of their rows (a row with a problem is left out whole)."""
    groups: dict[tuple[RecordKind, str, FiscalYear], list[_Given]] = {}
    for g in given:
        groups.setdefault(_record_key(g.record), []).append(g)
    refused: dict[str, list[InputProblem]] = {}
    for (_, ident, fy), group in groups.items():
        if len(set(g.record for g in group)) == 1:
            continue
        for g in group:
            other = next(o for o in group if o.record != g.record)
            column, how = _differs(other.record, g.record)
            what = f"{ident} in {fy.label_ja}"
            reason = f"{other.location} gives {how} for {what}: which is right cannot be told"
            problem = InputProblem(g.location, column, _said(g.record), reason)
            refused.setdefault(g.location, []).append(problem)
    # a row with a conflicting record is left out whole, as a row with any problem is
    kept: list[Observation | Report] = []
    places: list[Provenance] = []
    for group in groups.values():
        taken = [g for g in group if g.location not in refused]
        if taken:
            kept.append(taken[0].record)
            places += [g.place for g in taken]
    return kept, places, refused


def round_as_of(fy: FiscalYear, day: pendulum.Date | None = None) -> pendulum.Date:
    """The date a round of ``fy`` speaks for by default: the end of the year, or ``day``
    (default: today in Japan) while the year runs."""
    day = day or today()
    return min(day, fy.end)


def _round_year(files: Sequence[_File], fiscal_year: FiscalYear | None) -> FiscalYear:
    if fiscal_year is not None:
        return as_fiscal_year(fiscal_year)
    said: dict[FiscalYear, list[str]] = {}
    for f in files:
        text = f.about.get("fiscal_year")
        if text:
            try:
                said.setdefault(FiscalYear.parse(text), []).append(f.path)
            except FiscalYearParseError:
                continue
    if not said:
        for f in files:
            for row in f.rows:
                try:
                    said.setdefault(as_fiscal_year(_text(row.cells.get("fiscal_year"))), []).append(
                        f.path
                    )
                except (FiscalYearParseError, InvalidValueError, TypeError):
                    continue
    if len(said) == 1:
        return next(iter(said))
    if not said:
        why = "no file says which fiscal year it reports on: give the round's fiscal year (--fy)"
    else:
        years = "; ".join(f"{fy.label_ja}: {', '.join(dict.fromkeys(p))}" for fy, p in said.items())
        why = f"the files report on more than one fiscal year ({years}): give the round's (--fy)"
    raise ObservationsError([InputProblem(", ".join(f.path for f in files) or "-", None, "", why)])


def _file_problems(f: _File, plan: Plan, fy: FiscalYear) -> list[InputProblem]:
    """The problems of a packet as a whole: another edition, another fiscal year."""
    problems = []
    edition = f.about.get("edition")
    if edition and edition != plan.edition:
        problems.append(
            InputProblem(
                f.path,
                "edition",
                edition,
                f"a packet of edition {edition}, not {plan.edition}: collect it with that edition",
            )
        )
    year = f.about.get("fiscal_year")
    if year:
        try:
            said = FiscalYear.parse(year)
        except FiscalYearParseError:
            said = None
        if said != fy:
            problems.append(
                InputProblem(
                    f.path,
                    "fiscal_year",
                    year,
                    f"a packet of {year}, not of the round's {fy.label_ja}",
                )
            )
    return problems


def _packet_bureau(f: _File, plan: Plan) -> str | None:
    for name in (f.about.get("bureau"), Path(f.path).stem):
        if name:
            try:
                return plan.bureau(name).name_ja
            except KeyError:
                continue
    return None


@attrs.frozen
class _FileRead:
    """One file read into the round: its records (each with its place), its refusals, how
    many rows it had and left unfilled, and the bureaus its rows name."""

    file: _File
    bureau: str | None
    given: tuple[_Given, ...]
    refusals: tuple[Refusal, ...]
    rows: int
    unfilled: int
    bureaus: frozenset[str]


def _read_returned(f: _File, plan: Plan, fy: FiscalYear) -> _FileRead:
    bureau = _packet_bureau(f, plan) if f.about or f.path.lower().endswith(".xlsx") else None
    whole = _file_problems(f, plan, fy)
    refusals = [Refusal(p, bureau) for p in (*f.problems, *whole)]
    given: list[_Given] = []
    unfilled = 0
    years = observation_years(plan)
    bureaus: set[str] = {bureau} if bureau else set()
    for row in f.rows:
        read = _read_row(row, plan, fy, years)
        if read.bureau:
            bureaus.add(read.bureau)
        if read.unfilled:
            unfilled += 1
        elif read.problems:
            refusals += [Refusal(p, read.bureau) for p in read.problems]
        elif not whole:  # else the file's own problem says why none of its rows is taken
            for record in read.records:
                kind, ident, year = _record_key(record)
                place = Provenance(kind, ident, year, f.path, row.sheet, row.number)
                given.append(_Given(record, place, row.location, read.bureau))
    return _FileRead(
        f, bureau, tuple(given), tuple(refusals), len(f.rows), unfilled, frozenset(bureaus)
    )


def collect(
    paths: Iterable[str | os.PathLike[str]],
    plan: Plan,
    *,
    fiscal_year: FiscalYear | int | str | None = None,
    as_of: _dt.date | str | None = None,
) -> ReportingRound:
    """Collect the files of ``paths`` (returned packets, CSV and JSON files of their columns,
    and folders of them) into one round of ``fiscal_year`` (default: the year the packets
    say), as of ``as_of`` (default: :func:`round_as_of`).

    Nothing is dropped without a word: what cannot be taken is in the round's
    :attr:`~fukuoka_dx.observations.round.ReportingRound.files` (refused, with why) or
    :attr:`~fukuoka_dx.observations.round.ReportingRound.ignored`. A path that does not
    exist, or files that disagree on the fiscal year when none is given, are errors
    (:class:`~fukuoka_dx.errors.ObservationsError`). Workbooks need the ``excel`` extra.
    """
    found, ignored = gather(paths)
    files = [_read_file(p) for p in found]
    fy = _round_year(files, as_fiscal_year(fiscal_year) if fiscal_year is not None else None)
    day = as_date(as_of) if as_of is not None else round_as_of(fy)
    reads = [_read_returned(f, plan, fy) for f in files]
    given = [g for r in reads for g in r.given]
    kept, places, conflicting = _merge(given)
    late: dict[str, list[Refusal]] = {}
    for g in given:
        for problem in conflicting.get(g.location, ()):
            late.setdefault(g.place.file, []).append(Refusal(problem, g.bureau))
    order = {b.name_ja: i for i, b in enumerate(plan.bureaus)}
    returned = tuple(
        ReturnedFile(
            r.file.path,
            r.bureau,
            tuple(sorted(r.bureaus, key=lambda b: order.get(b, len(order)))),
            r.rows,
            r.unfilled,
            tuple(dict.fromkeys((*r.refusals, *late.get(r.file.path, ())))),
        )
        for r in reads
    )
    return _round(plan, fy, day, kept, places, returned, ignored)


def _round(
    plan: Plan,
    fy: FiscalYear,
    day: pendulum.Date,
    kept: Sequence[Observation | Report],
    places: Sequence[Provenance],
    files: tuple[ReturnedFile, ...],
    ignored: tuple[InputProblem, ...],
) -> ReportingRound:
    """The round, its records in the plan's order (indicators, then initiatives)."""
    position = {ind.id: n for n, ind in enumerate(plan.indicators)}
    position.update({ini.id: n for n, ini in enumerate(plan.initiatives)})
    recorded = {_record_key(r) for r in kept}
    kinds = {kind: n for n, kind in enumerate(RecordKind)}

    def order(key: tuple[RecordKind, str, FiscalYear]) -> tuple[int, int]:
        return (kinds[key[0]], position.get(key[1], 0))

    observations = sorted(
        (r for r in kept if isinstance(r, Observation)), key=lambda r: order(_record_key(r))
    )
    activities = sorted(
        (r for r in kept if isinstance(r, ActivityReport)), key=lambda r: order(_record_key(r))
    )
    narratives = sorted(
        (r for r in kept if isinstance(r, IndicatorNarrative | InitiativeNarrative)),
        key=lambda r: (r.kind is not IndicatorNarrative.kind, order(_record_key(r))),
    )
    provenance = sorted(
        (p for p in places if p.key in recorded),
        key=lambda p: (order(p.key), p.file, p.sheet or "", p.row),
    )
    return ReportingRound(
        plan.edition,
        plan.digest,
        fy,
        day,
        tuple(observations),
        tuple(activities),
        tuple(narratives),
        tuple(provenance),
        files,
        ignored,
    )
