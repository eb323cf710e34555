"""Reading a returned packet fast reads it exactly as the plain way did: each workbook read
once (a second time for its formulas only where it holds any), a sheet without an id column
left after its header, empty and text cells read without a call. The plain way is kept
here, as it was, and both must give the same rows, cells, problems and about sheet for any
packet filled with any cells (numbers, text, dates, TRUE/FALSE, errors, formulas without a
computed value, percentage formats), its headers changed or not."""

from __future__ import annotations

import datetime as dt
import importlib
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

import fukuoka_dx
from fukuoka_dx.errors import InputProblem, ObservationsError
from fukuoka_dx.observations.spreadsheet import _cell_value, _has_formulas, _load
from fukuoka_dx.observations.spreadsheet import _Refused as _CellRefused

#: The module (the package's ``collect`` is its function of that name).
collect_module = importlib.import_module("fukuoka_dx.observations.collect")
PLAN = fukuoka_dx.load_plan()
#: One packet, small (the bureau with the fewest rows), as written for 令和7年度.
PACKET = min(fukuoka_dx.packets(PLAN, "R7").values(), key=len)


def _plain_workbook_file(path: Path, name: str) -> Any:
    """The reader as it was before it was made fast: two full readings of every sheet."""
    c = collect_module
    out = c._File(name)
    try:
        data = path.read_bytes()
        values = _load(data, name, data_only=True)
    except ObservationsError as exc:
        out.problems += exc.problems
        return out
    try:
        formulas = _load(data, name, data_only=False)
        try:
            for title in [ws.title for ws in values.worksheets]:
                rows = list(values[title].iter_rows())
                written = list(formulas[title].iter_rows())
                if not rows:
                    continue
                head = [getattr(x, "value", None) for x in rows[0]]
                if c._about_sheet(head):
                    out.about.update(c._about(rows[1:]))
                    continue
                columns = {i: k for i, h in enumerate(head) if (k := c.column_of_row_header(h))}
                if not any(k in columns.values() for k in ("indicator_id", "initiative_id")):
                    continue
                problem = c._header_problem(list(columns.values()))
                where = f"{name}, sheet {title}"
                if problem:
                    out.problems.append(InputProblem(f"{where}, row 1", None, "", problem))
                    continue
                for n, (row, formula_row) in enumerate(zip(rows[1:], written[1:], strict=False), 2):
                    cells: dict[str, object] = {}
                    refs: dict[str, str] = {}
                    refused: list[InputProblem] = []
                    location = f"{where}, row {n}"
                    for i, column in columns.items():
                        cell = row[i] if i < len(row) else None
                        formula = formula_row[i] if i < len(formula_row) else None
                        refs[column] = f"{c._letter(i)}{n}"
                        try:
                            if column in c._OBSERVATION:
                                cells[column] = _cell_value(column, cell, formula)
                            else:
                                cells[column] = c._text_cell(column, cell, formula)
                        except (_CellRefused, c._Refused) as exc:
                            at = f"{location}, cell {refs[column]}"
                            refused.append(InputProblem(at, column, exc.text, exc.reason))
                            cells[column] = None
                    if all(c._blank(v) for v in cells.values()) and not refused:
                        continue
                    out.rows.append(c._Row(location, name, title, n, cells, refs, tuple(refused)))
        finally:
            formulas.close()
    finally:
        values.close()
    return out


_CELLS = st.one_of(
    st.none(),
    st.sampled_from(["", " ", "\n", "継続", "計画どおり", "速報値", "R7", "令和7年度"]),
    st.sampled_from(["#N/A", "#DIV/0!", "#VALUE!"]),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=6),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.dates(dt.date(1990, 1, 1), dt.date(2040, 1, 1)),
    st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2040, 1, 1)),
    st.sampled_from(["=1+1", "=A1", '="x"']),
)
_FORMATS = st.sampled_from(["General", "0.0%", '0.0"%"', "0.00", "yyyy-mm-dd"])
#: A cell: its sheet (of the packet's first three), row, column, value and number format.
_EDIT = st.tuples(st.integers(0, 2), st.integers(1, 8), st.integers(1, 18), _CELLS, _FORMATS)


def _filled(edits: list[tuple[int, int, int, object, str]], copy: bool) -> bytes:
    wb = load_workbook(io.BytesIO(PACKET))
    for sheet, row, column, value, number_format in edits:
        cell = wb.worksheets[sheet].cell(row, column)
        cell.value = value
        cell.number_format = number_format
    if copy:
        wb.copy_worksheet(wb.worksheets[0]).title = "写し"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_EDIT, max_size=25), st.booleans())
@example(  # every kind of cell, in both id sheets' rows
    [
        (sheet, 2 + n // 17, 1 + n % 17, value, number_format)
        for sheet in (0, 1)
        for n, (value, number_format) in enumerate(
            [
                (None, "General"),
                ("", "General"),
                ("継続", "General"),
                ("#N/A", "General"),
                (12.5, "0.0%"),
                (12.5, '0.0"%"'),
                (7, "General"),
                (True, "General"),
                (dt.date(2025, 4, 1), "yyyy-mm-dd"),
                (dt.datetime(2025, 4, 1, 9, 30), "General"),
                ("=1+1", "General"),
                (" ", "General"),
                (False, "General"),
                ("R7", "General"),
                (-3.25, "General"),
                ("#DIV/0!", "General"),
                (dt.datetime(2025, 4, 1), "General"),
            ]
            * 2
        )
    ],
    True,
)
def test_a_packet_reads_as_the_plain_reader_read_it(
    tmp_path_factory: pytest.TempPathFactory,
    edits: list[tuple[int, int, int, object, str]],
    copy: bool,
) -> None:
    path = tmp_path_factory.mktemp("packet") / "packet.xlsx"
    path.write_bytes(_filled(edits, copy))
    fast = collect_module._workbook_file(path, str(path))
    assert fast == _plain_workbook_file(path, str(path))


def test_the_formulas_are_read_where_a_sheet_holds_any(tmp_path: Path) -> None:
    plain = _filled([], copy=False)
    assert not _has_formulas(plain)
    with_formula = _filled([(0, 2, 10, "=1+1", "General")], copy=False)
    parts = [f"xl/worksheets/sheet{n}.xml" for n in range(1, 5)]
    assert _has_formulas(with_formula) and _has_formulas(with_formula, parts)
    assert not _has_formulas(with_formula, parts[1:])
    # where the part a sheet is read from cannot be told, the formulas are read
    assert _has_formulas(plain, [*parts, None]) and _has_formulas(plain, ["no/such/part.xml"])
    path = tmp_path / "packet.xlsx"
    path.write_bytes(with_formula)
    (problem,) = collect_module._workbook_file(path, "packet.xlsx").rows[0].problems
    assert problem.text == "=1+1" and problem.location.endswith("row 2, cell J2")


def _moved_sheets(data: bytes) -> bytes:
    """The workbook with its worksheets stored under ``xl/sheets/`` (a name the format
    allows: the workbook's relationships say where each sheet is)."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            name = info.filename.replace("xl/worksheets/", "xl/sheets/")
            if info.filename in ("[Content_Types].xml", "xl/_rels/workbook.xml.rels"):
                body = body.replace(b"worksheets/sheet", b"sheets/sheet")
            dst.writestr(name, body)
    return out.getvalue()


def test_a_formula_in_a_sheet_stored_elsewhere_is_read_as_a_formula(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["indicator_id", "fiscal_year", "value"])
    ws.append(["1-1-3.1", 2025, "=40+2"])
    buffer = io.BytesIO()
    wb.save(buffer)
    moved = _moved_sheets(buffer.getvalue())
    assert not _has_formulas(moved)  # no part under xl/worksheets/ any more
    path = tmp_path / "moved.xlsx"
    path.write_bytes(moved)
    with pytest.raises(fukuoka_dx.ObservationsError) as caught:
        fukuoka_dx.read_observations(path, fukuoka_dx.load_plan())
    (problem,) = caught.value.problems
    assert problem.text == "=40+2" and problem.location.endswith("row 2, cell C2")
    assert "a formula the workbook holds no computed value for" in problem.reason
