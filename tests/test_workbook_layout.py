"""The workbooks as a bureau and a meeting open them (read with openpyxl): the columns a
bureau filters by and fills in, a row for every indicator a figure of the year may be
assessed for, Japanese names on Japanese sheets, numbers stored as numbers, and every sheet
set to print on A4 landscape, one page wide, with its header row on every page."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from fukuoka_dx import assess, load_plan, read_observations
from fukuoka_dx.model import TargetColumn
from fukuoka_dx.progress import ASSESSABLE_KINDS, assessable_indicators, default_column
from fukuoka_dx.report.excel import results_workbook, template_workbook
from fukuoka_dx.targets import NumberTarget

PLAN = load_plan()
MULTI = Path(__file__).resolve().parent.parent / "examples" / "observations-multi-year.csv"


def book(data: bytes) -> Any:
    return load_workbook(io.BytesIO(data))


def sheets(wb: Any) -> list[Worksheet]:
    out = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
    assert all(isinstance(ws, Worksheet) for ws in out)
    return out


def headers(ws: Worksheet) -> list[Any]:
    return [c.value for c in ws[1]]


def check_print_setup(ws: Worksheet) -> None:
    setup = ws.page_setup
    assert setup.orientation == "landscape", ws.title
    assert int(setup.paperSize) == int(ws.PAPERSIZE_A4) == 9, ws.title
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), ws.title
    assert ws.sheet_properties.pageSetUpPr is not None
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True, ws.title
    assert ws.print_title_rows == "$1:$1", ws.title  # the header row on every page
    assert ws.oddFooter.center.text == "&P / &N", ws.title


# -- the template -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_template_has_bureau_and_pillar_columns_and_the_name_beside_the_cells(
    lang: str,
) -> None:
    ws = book(template_workbook(PLAN, "R7", lang=lang)).worksheets[0]
    head = headers(ws)
    if lang == "ja":
        assert head[:7] == ["所管", "柱", "指標", "年度", "指標名", "単位", "実績値"]
    else:
        assert head[:7] == ["bureau", "pillar", "indicator", "fiscal year", "name", "unit", "value"]
    value = head.index("実績値" if lang == "ja" else "value")
    assert head.index("指標名" if lang == "ja" else "name") == value - 2  # name, unit, value
    initiative_of = {i.id: ini for ini in PLAN.initiatives for i in ini.indicators}
    for row in ws.iter_rows(min_row=2, values_only=True):
        ini = initiative_of[str(row[2])]
        if lang == "ja":
            assert row[0] == ini.bureau.name_ja
            assert row[1] == f"{ini.pillar_id} {PLAN.pillar(ini.pillar_id).title}"
        else:
            assert row[0] == f"{ini.bureau.name_en} ({ini.bureau.name_ja})"
        assert row[4] == PLAN.indicator(str(row[2])).name
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")  # a bureau filters
    check_print_setup(ws)


@pytest.mark.parametrize("fy", [2022, 2023, 2024, 2025, 2026])
def test_every_indicator_progress_may_judge_a_figure_of_the_year_for_has_a_row(fy: int) -> None:
    from fukuoka_dx import FiscalYear

    year = FiscalYear(fy)
    rows = {i.id for i in assessable_indicators(PLAN, year)}
    # a figure of the year is used from any as-of date in the year on: every target in force
    # on such a date that progress can judge gives the indicator a row
    days = [year.start, year.end, FiscalYear(fy + 1).end, PLAN.last_year.end]
    for ind in PLAN.indicators:
        judged = any(ind.target(default_column(ind, d)).kind in ASSESSABLE_KINDS for d in days)
        assert (ind.id in rows) == judged, ind.id
    ws = book(template_workbook(PLAN, year)).worksheets[0]
    assert [r[2] for r in ws.iter_rows(min_row=2, values_only=True)] == [
        i.id for i in assessable_indicators(PLAN, year)
    ]


def test_the_midterm_year_template_has_the_rows_judged_against_the_final_target() -> None:
    # their mid-term targets are to be set; a figure of 令和6年度 assessed after March 2025
    # meets the final target, so the template for R6 has a row for each
    rows = {i.id for i in assessable_indicators(PLAN, "R6")}
    for ind_id in ("3-2-14.1", "4-14-2.1", "4-17-3.1"):
        ind = PLAN.indicator(ind_id)
        assert ind.target(TargetColumn.MIDTERM).kind not in ASSESSABLE_KINDS
        assert ind_id in rows
    ws = book(template_workbook(PLAN, "R6")).worksheets[0]
    row = next(r for r in ws.iter_rows(min_row=2) if r[2].value == "3-2-14.1")
    final = headers(ws).index("最終目標")
    assert row[final].font.bold  # the target it is judged against


def test_every_sheet_of_the_template_prints_on_a4_landscape() -> None:
    wb = book(template_workbook(PLAN, "R7"))
    for ws in sheets(wb):
        check_print_setup(ws)


# -- the results workbook -------------------------------------------------------------------


@pytest.fixture(scope="module")
def assessment() -> Any:
    read = read_observations(MULTI, PLAN)
    return assess(PLAN, read.observations, as_of="2026-03-31", scheme="abcd")


def _rows(ws: Worksheet) -> dict[str, dict[str, Any]]:
    head = headers(ws)
    at = head.index("指標") if "指標" in head else head.index("indicator")
    return {
        str(r[at].value): {h: c for h, c in zip(head, r, strict=True)}
        for r in ws.iter_rows(min_row=2)
    }


def test_the_results_have_bureau_and_pillar_columns_and_numbers_as_numbers(
    assessment: Any,
) -> None:
    ws = book(results_workbook(assessment, lang="ja")).worksheets[0]
    head = headers(ws)
    assert head[:6] == ["所管", "柱", "実行項目", "指標", "指標名", "単位"]
    for year in ("令和5年度", "令和6年度", "令和7年度", "令和8年度"):
        assert year in head
    rows = _rows(ws)
    row = rows["1-1-3.1"]
    assert row["所管"].value == "市民局" and row["柱"].value == "1"
    assert (row["現状値"].value, row["中間目標"].value, row["最終目標"].value) == (
        5739,
        20000,
        25000,
    )
    assert row["現状値"].comment is not None and "R4.12月末時点" in row["現状値"].comment.text
    assert [row[y].value for y in ("令和5年度", "令和6年度", "令和7年度", "令和8年度")] == [
        10000,
        15000,
        19200,
        None,
    ]
    assert row["目標値"].value == 25000 and row["実績値"].value == 19200
    assert row["達成率"].number_format == "0.0%" and isinstance(row["達成率"].value, float)
    assert row["出典"].value == "ILLUSTRATIVE" and row["速報値・例示"].value == "例示(実績ではない)"
    assert row["評価"].value == "B"
    # every cell that holds a figure of the plan or of the observations is a number
    for ind_id, cells in rows.items():
        ind = PLAN.indicator(ind_id)
        for column, label in ((TargetColumn.BASELINE, "現状値"), (TargetColumn.FINAL, "最終目標")):
            target = ind.target(column)
            if isinstance(target, NumberTarget):
                assert cells[label].value == target.value, ind_id
    assert rows["1-15.1"]["最終目標"].value == "増加"  # a rule stays its text
    check_print_setup(ws)


def test_the_roll_up_sheets_name_groups_in_the_sheets_language(assessment: Any) -> None:
    ja = book(results_workbook(assessment, lang="ja"))
    en = book(results_workbook(assessment, lang="en"))
    bureaus_ja = list(ja["所管"].iter_rows(min_row=2, values_only=True))
    bureaus_en = list(en["bureaus"].iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in bureaus_ja] == [r[0] for r in bureaus_ja]  # Japanese names
    assert all(str(r[1]).endswith(f"({r[0]})") for r in bureaus_en)  # English, then Japanese
    assert len(bureaus_ja) == len(PLAN.bureaus)
    items = list(ja["推進項目"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in items] == [p.id for p in PLAN.promotion_items]
    head = headers(ja["推進項目"])
    empty = {r[0]: r[head.index("理由")] for r in items if r[head.index("指標数")] == 0}
    assert set(empty) == {"2-7", "4-16", "5-3", "5-4"}
    assert empty["2-7"] == "指標は今後設定のため、達成率はまだない"
    pillars = list(ja["柱"].iter_rows(min_row=2, values_only=True))
    assert pillars[0][1] == "暮らしのDX"
    for wb in (ja, en):
        for ws in sheets(wb):
            check_print_setup(ws)
