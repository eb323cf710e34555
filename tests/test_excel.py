"""The Excel round trip: the template workbook, the reader, and the results workbook.

The issue's test of done: a template filled in with openpyxl and a CSV file with the same
figures give the same assessment.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from fukuoka_dx import ObservationsError, assess, load_plan, parse_observations_csv
from fukuoka_dx.cli import main
from fukuoka_dx.errors import MissingExtraError
from fukuoka_dx.observations import OBSERVATION_COLUMNS, read_observations
from fukuoka_dx.observations.spreadsheet import observation_header, read_observations_xlsx
from fukuoka_dx.progress import Status
from fukuoka_dx.report.excel import results_workbook, template_indicators, template_workbook
from fukuoka_dx.report.labels import column_label, status_label

PLAN = load_plan()
AS_OF = "2026-06-30"


def workbook(data: bytes) -> Any:
    return load_workbook(io.BytesIO(data))


def sheet(wb: Any, title: str) -> Worksheet:
    ws = wb[title]
    assert isinstance(ws, Worksheet)
    return ws


def saved(wb: Any) -> io.BytesIO:
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    return out


#: The template's columns (1-based) of the observation columns, by their machine names.
COL = {"indicator_id": 3, "fiscal_year": 4, "value": 7, "as_of": 8, "source": 9, "note": 10}
VALUE, AS_OF_COL = "G", "H"


def row_of(ws: Worksheet, indicator_id: str, column: int | None = None) -> int:
    headers = [c.value for c in ws[1]]
    at = column or next(
        (k for k, h in enumerate(headers, 1) if h in ("指標", "indicator", "indicator_id")), 1
    )
    for n in range(2, ws.max_row + 1):
        if ws.cell(n, at).value == indicator_id:
            return n
    raise AssertionError(f"{indicator_id} has no row")


def filled(values: dict[str, object] | None = None, lang: str = "ja") -> tuple[Any, Worksheet]:
    """The R7 template in ``lang``, with value cells set (``values`` by indicator id)."""
    wb = workbook(template_workbook(PLAN, "R7", lang=lang))
    ws = sheet(wb, "実績" if lang == "ja" else "observations")
    for ind_id, value in (values or {}).items():
        ws.cell(row_of(ws, ind_id), COL["value"]).value = value
    return wb, ws


# -- the template ---------------------------------------------------------------------------


def test_the_template_has_the_rows_of_the_csv_template() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["progress", "--template", "--fy", "R7"], stdout=out, stderr=err) == 0
    csv_ids = [row[0] for row in list(csv.reader(io.StringIO(out.getvalue())))[1:]]
    wb = workbook(template_workbook(PLAN, "R7"))
    ws = sheet(wb, "実績")
    ids = [ws.cell(n, COL["indicator_id"]).value for n in range(2, ws.max_row + 1)]
    assert ids == csv_ids == [i.id for i in template_indicators(PLAN, "R7")]
    assert {ws.cell(n, COL["fiscal_year"]).value for n in range(2, ws.max_row + 1)} == {"R7"}
    assert len(ids) > 100


def test_a_named_target_column_chooses_the_rows() -> None:
    final = template_indicators(PLAN, "R7", "final")
    out, err = io.StringIO(), io.StringIO()
    main(["progress", "--template", "--fy", "R7", "--target", "final"], stdout=out, stderr=err)
    assert [i.id for i in final] == [
        r[0] for r in list(csv.reader(io.StringIO(out.getvalue())))[1:]
    ]


@pytest.mark.parametrize(
    ("lang", "title", "headers"),
    [
        (
            "ja",
            "実績",
            ["所管", "柱", "指標", "年度", "指標名", "単位", "実績値", "時点", "出典", "備考"],
        ),
        (
            "en",
            "observations",
            ["bureau", "pillar", "indicator", "fiscal year", "name", "unit", "value", "as of"],
        ),
    ],
)
def test_the_template_headers_are_in_the_chosen_language(
    lang: str, title: str, headers: list[str]
) -> None:
    wb = workbook(template_workbook(PLAN, "R7", lang=lang))
    assert wb.sheetnames[0] == title
    ws = sheet(wb, title)
    assert [c.value for c in ws[1]][: len(headers)] == headers


def test_the_reader_and_the_labels_name_the_columns_alike() -> None:
    for column in OBSERVATION_COLUMNS:
        for lang in ("ja", "en"):
            assert observation_header(column, lang) == column_label(column, lang)


def test_only_the_input_cells_are_unlocked_and_the_header_is_frozen() -> None:
    wb = workbook(template_workbook(PLAN, "R7"))
    ws = sheet(wb, "実績")
    assert ws.protection.sheet is True
    assert wb.security is not None and wb.security.lockStructure is True
    assert ws.freeze_panes == "G2"  # the header, and the columns up to the value
    for n in (2, ws.max_row):
        locked = {
            ws.cell(n, i).column_letter: ws.cell(n, i).protection.locked for i in range(1, 15)
        }
        assert locked == {c: c not in "GHIJ" for c in "ABCDEFGHIJKLMN"}
    assert ws.cell(1, COL["value"]).protection.locked
    lists = sheet(wb, "選択肢")
    assert lists.sheet_state == "hidden" and lists.protection.sheet
    assert sheet(wb, "概要").protection.sheet


def _validation_of(ws: Worksheet, ref: str) -> Any:
    found = [dv for dv in ws.data_validations.dataValidation if ref in dv.sqref]
    assert len(found) == 1, ref
    return found[0]


def test_the_value_cells_are_validated_as_the_indicator_takes_its_value() -> None:
    wb = workbook(template_workbook(PLAN, "R7"))
    ws = sheet(wb, "実績")
    percent = _validation_of(ws, f"{VALUE}{row_of(ws, '1-1.1')}")
    assert (percent.type, percent.operator, percent.formula1, percent.formula2) == (
        "decimal",
        "between",
        "0",
        "100",
    )
    assert "12.5" in percent.prompt and percent.showErrorMessage
    count = _validation_of(ws, f"{VALUE}{row_of(ws, '1-1-3.1')}")
    assert (count.type, count.operator, count.formula1) == ("decimal", "greaterThanOrEqual", "0")
    stage = _validation_of(ws, f"{VALUE}{row_of(ws, '4-17-8.1')}")
    assert stage.type == "list"
    target, cells = stage.formula1.split("!")
    assert target == "'選択肢'"
    listed = [c.value for (c,) in sheet(wb, "選択肢")[cells.replace("$", "")]]
    assert tuple(listed) == PLAN.indicator("4-17-8.1").stages
    parts = _validation_of(ws, f"{VALUE}{row_of(ws, '1-11-3.1')}")
    assert parts.type is None and "対面N オンラインN" in parts.prompt
    change = _validation_of(ws, f"{VALUE}{row_of(ws, '3-2-13.1')}")
    assert change.type is None and "30%減" in change.prompt
    as_of = _validation_of(ws, f"{AS_OF_COL}2")
    assert (as_of.type, as_of.operator, as_of.formula1) == (
        "date",
        "greaterThanOrEqual",
        "DATE(2025,4,1)",
    )
    assert f"{AS_OF_COL}{ws.max_row}" in as_of.sqref
    assert ws[f"{AS_OF_COL}{ws.max_row}"].number_format == "yyyy-mm-dd"
    assert ws[f"{VALUE}{row_of(ws, '1-1.1')}"].number_format == "General"


@pytest.mark.parametrize("indicator_id", ["1-12.1", "4-8.1", "4-13-6.1", "4-17-5.1", "4-17-6.1"])
def test_the_template_refuses_a_negative_figure_the_reader_refuses(indicator_id: str) -> None:
    # these take no negative figure (a length, an area, or a count without a counting unit);
    # the template once let them through and the reader then refused them
    fy = next(
        fy for fy in PLAN.years if any(i.id == indicator_id for i in template_indicators(PLAN, fy))
    )
    ws = sheet(workbook(template_workbook(PLAN, fy)), "実績")
    dv = _validation_of(ws, f"{VALUE}{row_of(ws, indicator_id)}")
    assert (dv.type, dv.operator, dv.formula1) == ("decimal", "greaterThanOrEqual", "0")
    with pytest.raises(ObservationsError, match="cannot be negative"):
        parse_observations_csv(
            f"indicator_id,fiscal_year,value\n{indicator_id},{fy.year},-1\n", PLAN
        )


@pytest.mark.parametrize("fy", ["R5", "R6", "R7", "R8"])
def test_the_template_and_the_reader_use_one_value_rule(fy: str) -> None:
    # for every row: a figure the cell's validation accepts, the reader accepts, and back
    from fukuoka_dx.observations.values import value_rule

    ws = sheet(workbook(template_workbook(PLAN, fy)), "実績")
    for ind in template_indicators(PLAN, fy):
        rule = value_rule(ind)
        dv = _validation_of(ws, f"{VALUE}{row_of(ws, ind.id)}")
        if not rule.takes_figure or rule.kind.value == "change":
            continue
        low = None if dv.formula1 in (None, "-1E+100") else float(dv.formula1)
        high = None if dv.formula2 in (None, "1E+100") else float(dv.formula2)
        assert (low, high) == (rule.low, rule.high), ind.id
        for figure in (-1, 0, 50, 101):
            in_cell = (low is None or figure >= low) and (high is None or figure <= high)
            text = f"indicator_id,fiscal_year,value\n{ind.id},{fy},{figure}\n"
            try:
                parse_observations_csv(text, PLAN)
                read = True
            except ObservationsError:
                read = False
            assert in_cell == read, (ind.id, figure)


def test_the_about_sheet_names_the_edition_and_digest() -> None:
    wb = workbook(template_workbook(PLAN, "R7", lang="en"))
    about = {r[0]: r[2] for r in sheet(wb, "about").iter_rows(min_row=2, values_only=True)}
    assert about["edition"] == PLAN.edition and about["digest"] == PLAN.digest
    assert about["fiscal_year"] == "FY2025"


# -- the round trip -------------------------------------------------------------------------

#: The same figures as a workbook's cells and as CSV text: id, cell, text, as-of date.
FIGURES: list[tuple[str, object, str, dt.date | None]] = [
    ("1-1.1", 55.5, "55.5", None),
    ("1-1-3.1", 12000, '"12,000"', dt.date(2026, 3, 31)),
    ("4-17-8.1", "試行検証・要件定義", "試行検証・要件定義", None),
    ("1-11-3.1", "対面28 オンライン31", "対面28 オンライン31", None),
    ("3-2-13.1", "30%減", "30%減", dt.date(2026, 2, 1)),
    ("4-2-2.1", 50, "50", None),
    ("2-5-4.1", 61000.0, "61000", None),
    ("4-13-6.1", 72.25, "72.25", None),
    ("3-2-14.1", 12, "12", None),
]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_filled_template_and_a_csv_file_give_the_same_assessment(lang: str) -> None:
    wb, ws = filled(lang=lang)
    lines = ["indicator_id,fiscal_year,value,as_of,source,note"]
    for ind_id, cell, text, as_of in FIGURES:
        n = row_of(ws, ind_id)
        ws.cell(n, COL["value"]).value = cell
        ws.cell(n, COL["as_of"]).value = as_of
        ws.cell(n, COL["source"]).value = "区調べ"
        lines.append(f"{ind_id},R7,{text},{as_of.isoformat() if as_of else ''},区調べ,")
    from_xlsx = read_observations_xlsx(saved(wb), PLAN, skip_empty=True)
    from_csv = parse_observations_csv("\n".join(lines) + "\n", PLAN)
    assert len(from_xlsx.observations) == len(FIGURES)
    assert set(from_xlsx.observations) == set(from_csv.observations)
    assert len(from_xlsx.skipped) == ws.max_row - 1 - len(FIGURES)
    assert assess(PLAN, from_xlsx.observations, as_of=AS_OF) == assess(
        PLAN, from_csv.observations, as_of=AS_OF
    )


def test_read_observations_reads_a_workbook_by_its_suffix(tmp_path: Path) -> None:
    wb, _ = filled({"1-1.1": 55.5})
    path = tmp_path / "obs.xlsx"
    wb.save(path)
    result = read_observations(path, PLAN, skip_empty=True)
    assert [(o.indicator_id, o.value.value) for o in result.observations] == [("1-1.1", 55.5)]  # type: ignore[union-attr]
    with pytest.raises(ObservationsError, match="encoding does not apply"):
        read_observations(path, PLAN, encoding="cp932")


# -- what is refused ------------------------------------------------------------------------


def _problem(wb: Any, **options: Any) -> Any:
    with pytest.raises(ObservationsError) as info:
        read_observations_xlsx(saved(wb), PLAN, skip_empty=True, **options)
    (problem,) = info.value.problems
    return problem


def test_a_percentage_formatted_cell_is_refused_never_rescaled() -> None:
    wb, ws = filled()
    n = row_of(ws, "1-1.1")
    ws.cell(n, COL["value"]).value = 0.555
    ws.cell(n, COL["value"]).number_format = "0.0%"
    problem = _problem(wb)
    assert problem.column == "value"
    assert problem.location == f"<workbook>, sheet 実績, row {n}, cell {VALUE}{n}"
    assert problem.text == "55.5%"
    assert "type 55.5 in a cell without the % format" in problem.reason


def test_a_percent_sign_in_quotes_leaves_the_number_as_it_is() -> None:
    wb, ws = filled()
    n = row_of(ws, "1-1.1")
    ws.cell(n, COL["value"]).value = 55.5
    ws.cell(n, COL["value"]).number_format = '0.0"%"'
    (o,) = read_observations_xlsx(saved(wb), PLAN, skip_empty=True).observations
    assert o.value.value == 55.5  # type: ignore[union-attr]


def test_text_in_a_number_cell_names_the_sheet_row_cell_and_column(tmp_path: Path) -> None:
    wb, ws = filled({"1-1-3.1": "many"}, "en")
    n = row_of(ws, "1-1-3.1")
    path = tmp_path / "o.xlsx"
    wb.save(path)
    with pytest.raises(ObservationsError) as info:
        read_observations(path, PLAN, skip_empty=True)
    (problem,) = info.value.problems
    assert problem.column == "value" and problem.text == "many"
    assert problem.location == f"{path}, sheet observations, row {n}, cell {VALUE}{n}"
    assert "takes a figure in 件" in problem.reason
    assert f"sheet observations, row {n}, cell {VALUE}{n}, column value ('many')" in str(info.value)


@pytest.mark.parametrize(
    ("column", "cell", "number_format", "reason"),
    [
        ("value", dt.datetime(2026, 1, 2), "yyyy-mm-dd", "holds the cell as a date (2026-01-02)"),
        ("value", True, "General", "a TRUE/FALSE cell"),
        ("value", "=1+2", "General", "no computed value"),
        ("as_of", dt.datetime(2026, 3, 31, 9, 30), "yyyy-mm-dd h:mm", "a time of day"),
        ("as_of", 46112, "General", "a number, not a date"),
        ("fiscal_year", dt.datetime(2025, 4, 1), "yyyy-mm-dd", "not a fiscal year"),
    ],
)
def test_cells_that_cannot_be_read_for_sure_are_refused(
    column: str, cell: object, number_format: str, reason: str
) -> None:
    wb, ws = filled({"1-1-3.1": 100})
    n = row_of(ws, "1-1-3.1")
    ws.cell(n, COL[column]).value = cell
    ws.cell(n, COL[column]).number_format = number_format
    problem = _problem(wb)
    letter = "ABCDEFGHIJ"[COL[column] - 1]
    assert problem.column == column
    assert problem.location.endswith(f"row {n}, cell {letter}{n}")
    assert reason in problem.reason


def test_an_error_cell_is_refused() -> None:
    wb, ws = filled()
    n = row_of(ws, "1-1.1")
    ws.cell(n, COL["value"]).value = "#N/A"
    ws.cell(n, COL["value"]).data_type = "e"
    assert "holds the error #N/A" in _problem(wb).reason


def test_keep_valid_keeps_the_rows_without_problems() -> None:
    wb, ws = filled({"1-1.1": 55.5, "1-1-3.1": 10})
    ws.cell(row_of(ws, "1-1-3.1"), COL["value"]).number_format = "0%"
    result = read_observations_xlsx(saved(wb), PLAN, skip_empty=True, keep_valid=True)
    assert [o.indicator_id for o in result.observations] == ["1-1.1"]
    assert [p.column for p in result.rejected] == ["value"]


def test_without_skip_empty_an_unfilled_row_is_a_problem() -> None:
    wb, ws = filled({"1-1.1": 55.5})
    result = read_observations_xlsx(saved(wb), PLAN, keep_valid=True)
    assert len(result.rejected) == ws.max_row - 2
    assert all(p.reason == "the value is empty" for p in result.rejected)


def test_the_reader_finds_the_sheet_by_its_header_in_machine_names() -> None:
    wb = Workbook()
    notes = wb.active
    assert notes is not None
    notes.title = "notes"
    notes.append(["anything", "else"])
    data = wb.create_sheet("data")
    data.append(["memo", "value", "indicator_id", "fiscal_year", "as_of"])
    data.append(["x", 12000, "1-1-3.1", 2025, dt.datetime(2026, 3, 31)])
    data.append([None, None, None, None, None])
    data.append(["only a memo", None, "", None, None])
    (o,) = read_observations_xlsx(saved(wb), PLAN).observations
    assert (o.indicator_id, o.fiscal_year.year, str(o.as_of)) == ("1-1-3.1", 2025, "2026-03-31")
    assert read_observations_xlsx(saved(wb), PLAN, sheet="data").observations == (o,)
    with pytest.raises(ObservationsError, match="sheet notes, row 1: missing column"):
        read_observations_xlsx(saved(wb), PLAN, sheet="notes")
    with pytest.raises(ObservationsError, match=r"no such sheet \(sheets: notes, data\)"):
        read_observations_xlsx(saved(wb), PLAN, sheet="other")
    del wb["data"]
    with pytest.raises(ObservationsError, match="no sheet names the columns"):
        read_observations_xlsx(saved(wb), PLAN)


def test_a_repeated_column_is_refused() -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["indicator_id", "年度", "value", "実績値"])
    with pytest.raises(ObservationsError, match="no sheet names the columns"):
        read_observations_xlsx(saved(wb), PLAN)
    with pytest.raises(ObservationsError, match="value given twice"):
        read_observations_xlsx(saved(wb), PLAN, sheet=ws.title)


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "o.xlsx"
    path.write_text("indicator_id,fiscal_year,value\n")
    with pytest.raises(ObservationsError, match="not an Excel workbook"):
        read_observations(path, PLAN)
    with pytest.raises(ObservationsError, match="cannot read the file"):
        read_observations(tmp_path / "missing.xlsx", PLAN)


def test_without_openpyxl_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingExtraError, match=r"fukuoka-dx\[excel\]"):
        template_workbook(PLAN, "R7")
    with pytest.raises(MissingExtraError, match=r"fukuoka-dx\[excel\]"):
        read_observations_xlsx(io.BytesIO(b""), PLAN)


# -- the results ----------------------------------------------------------------------------


def _assessment(scheme: str = "standard") -> Any:
    wb, _ = filled({"1-1.1": 55.5, "1-1-3.1": 12000, "4-17-8.1": "試行検証・要件定義"})
    observations = read_observations_xlsx(saved(wb), PLAN, skip_empty=True).observations
    return assess(PLAN, observations, as_of=AS_OF, scheme=scheme)


def test_the_results_workbook_has_a_sheet_per_level() -> None:
    a = _assessment()
    wb = workbook(results_workbook(a, PLAN, "en"))
    assert wb.sheetnames == ["indicators", "promotion items", "pillars", "bureaus", "about"]
    counts = [len(a.results), len(a.by_promotion_item), len(a.by_pillar), len(a.by_bureau)]
    assert [sheet(wb, t).max_row - 1 for t in wb.sheetnames[:4]] == counts
    assert sheet(wb, "indicators").freeze_panes == "F2"  # up to the indicator's name
    for title in wb.sheetnames[1:4]:
        assert sheet(wb, title).freeze_panes == "C2"
    ind = sheet(wb, "indicators")
    headers = [c.value for c in ind[1]]
    assert "grade" not in headers
    row = {h: c for h, c in zip(headers, ind[row_of(ind, "1-1.1", 4)], strict=True)}
    assert row["observed"].value == 55.5
    assert row["status"].value == status_label(a.result("1-1.1").status, "en")
    assert row["achievement"].value == pytest.approx(a.result("1-1.1").achievement)
    assert row["achievement"].number_format == "0.0%"
    stage = {h: c.value for h, c in zip(headers, ind[row_of(ind, "4-17-8.1", 4)], strict=True)}
    assert stage["observed"] == "試行検証・要件定義"
    about = {r[0]: r[2] for r in sheet(wb, "about").iter_rows(min_row=2, values_only=True)}
    assert about["edition"] == a.edition and about["digest"] == a.digest
    assert about["as_of"] == AS_OF and about["scheme"] == "standard"


def test_the_results_workbook_in_japanese_with_grades() -> None:
    a = _assessment("abcd")
    wb = workbook(results_workbook(a, PLAN, "ja"))
    assert wb.sheetnames == ["指標", "推進項目", "柱", "所管", "概要"]
    pillars = sheet(wb, "柱")
    headers = [c.value for c in pillars[1]]
    assert headers[:3] == ["区分", "名称", "指標数"]
    assert headers[3 : 3 + len(Status)] == [status_label(s, "ja") for s in Status]
    assert headers[-6:-1] == list(a.scheme.labels) and headers[-1] == "理由"
    assert "評価" in [c.value for c in sheet(wb, "指標")[1]]
    first = [c.value for c in pillars[2]]
    assert first[:3] == [a.by_pillar[0].key, a.by_pillar[0].label, a.by_pillar[0].total]
