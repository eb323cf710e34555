"""The exported tables: fixed columns, plain values, and a golden snapshot."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from fukuoka_dx import INDICATOR_COLUMNS, INITIATIVE_COLUMNS, SCHEDULE_COLUMNS, Plan
from fukuoka_dx.report.export import (
    AMBIGUITY_COLUMNS,
    format_csv,
    format_json,
    indicator_rows,
    initiative_rows,
    plain,
    schedule_rows,
    table_rows,
)

GOLDEN = Path(__file__).parent / "golden" / "indicators.csv"


def test_columns_are_the_fixed_ones() -> None:
    # the fixed columns first, never changed; later ones only appended
    assert INDICATOR_COLUMNS[:17] == (
        "indicator_id", "initiative_id", "name", "unit", "direction",
        "baseline_fy", "baseline_kind", "baseline_value", "baseline_text",
        "midterm_fy", "midterm_kind", "midterm_value", "midterm_text",
        "final_fy", "final_kind", "final_value", "final_text",
    )  # fmt: skip
    assert INDICATOR_COLUMNS[17:] == ("name_en", "unit_en")
    assert INITIATIVE_COLUMNS[:7] == (
        "initiative_id", "promotion_item_id", "pillar_id", "title", "bureau", "reposts",
        "indicator_count",
    )  # fmt: skip
    assert INITIATIVE_COLUMNS[7:] == ("title_en",)
    assert SCHEDULE_COLUMNS[:5] == ("initiative_id", "row", "fiscal_year", "cell_text", "activity")
    assert SCHEDULE_COLUMNS[5:] == ("continues_from_fy", "note")  # appended: the first five stay


def test_indicator_rows(plan: Plan) -> None:
    rows = indicator_rows(plan)
    assert len(rows) == len(plan.indicators)
    by_id = {r["indicator_id"]: r for r in rows}
    r = by_id["1-1-3.1"]
    assert (r["baseline_value"], r["baseline_text"], r["baseline_kind"]) == (
        5739.0,
        "5,739 (R4.12月末時点)",
        "number",
    )
    assert (r["baseline_fy"], r["midterm_fy"], r["final_fy"]) == (2022, 2024, 2026)
    rel = by_id["3-2-13.1"]
    assert (rel["midterm_kind"], rel["midterm_value"], rel["direction"]) == (
        "relative",
        -20.0,
        "decrease",
    )
    assert by_id["1-1-5.1"]["baseline_fy"] == 2021
    missing = by_id["1-9-3.1"]
    assert (missing["final_kind"], missing["final_value"], missing["final_text"]) == (
        "missing",
        None,
        "",
    )
    for row in rows:
        assert tuple(row) == INDICATOR_COLUMNS
        assert all(isinstance(v, str | int | float | type(None)) for v in row.values())


def test_initiative_and_schedule_rows(plan: Plan) -> None:
    inits = initiative_rows(plan)
    assert len(inits) == 160
    assert {r["initiative_id"]: r["reposts"] for r in inits if r["reposts"]} == {
        "1-18-1": "1-8",
        "2-2": "1-5",
    }
    sched = schedule_rows(plan)
    assert len(sched) == 4 * sum(len(i.schedule.rows) for i in plan.initiatives)
    first = [r for r in sched if r["initiative_id"] == "1-1-1" and r["row"] == 1]
    assert [(r["fiscal_year"], r["cell_text"], r["activity"]) for r in first] == [
        (2023, "システム刷新", "システム刷新"),
        (2024, "システム運用", "システム運用"),
        (2025, "→", "システム運用"),
        (2026, "→", "システム運用"),
    ]
    assert {r["note"] for r in first} == {None}


def test_a_schedule_row_note_is_on_every_year_of_its_row(plan: Plan) -> None:
    sched = schedule_rows(plan)
    noted = [r for r in sched if r["initiative_id"] == "2-3-2" and r["row"] == 2]
    note = plan.initiative("2-3-2").schedule.rows[1].note
    assert note and "令和5年度" in note
    assert [(r["fiscal_year"], r["cell_text"], r["note"]) for r in noted] == [
        (2023, "適宜、整備状況等を更新", note),
        (2024, "", note),
        (2025, "", note),
        (2026, "", note),
    ]
    text = format_csv(*table_rows(plan, "schedule"))
    assert text.startswith(
        "initiative_id,row,fiscal_year,cell_text,activity,continues_from_fy,note\r\n"
    )


def test_ambiguity_rows_name_the_line_and_its_text(plan: Plan) -> None:
    columns, rows = table_rows(plan, "ambiguities")
    assert columns == AMBIGUITY_COLUMNS
    assert len(rows) == sum(len(i.ambiguities) for i in plan.initiatives)
    by_key = {(r["initiative_id"], r["number"]): r for r in rows}
    baseline = by_key[("4-6-1", 2)]
    assert (baseline["field"], baseline["row"], baseline["line"]) == ("indicators", 1, 1147)
    assert baseline["cited"] == "現状値(4年度) 500" and baseline["resolved"] is False
    assert "530" in str(baseline["alternative"])
    repairs = table_rows(plan, "repairs")[1]
    assert all(isinstance(r["line"], int) for r in repairs)


def test_plain_values() -> None:
    assert [plain(v) for v in (5739.0, 51.3, -20.0, None, 7, "x")] == [
        "5739",
        "51.3",
        "-20",
        "",
        "7",
        "x",
    ]


def test_csv_round_trips_through_a_reader(plan: Plan) -> None:
    columns, rows = table_rows(plan, "indicators")
    text = format_csv(columns, rows)
    read = list(csv.DictReader(io.StringIO(text)))
    assert len(read) == len(rows)
    assert read[0]["baseline_value"] == "51.3"
    assert format_csv(columns, rows, bom=True).startswith("\ufeffindicator_id,")
    data = json.loads(format_json(columns, rows))
    assert data[0]["indicator_id"] == "1-1.1" and list(data[0]) == list(columns)
    with pytest.raises(ValueError, match="unknown table"):
        table_rows(plan, "bureaus")


def test_golden_indicators_table(plan: Plan) -> None:
    """Any data change shows here as a reviewable diff of tests/golden/indicators.csv."""
    columns, rows = table_rows(plan, "indicators")
    text = format_csv(columns, rows).replace("\r\n", "\n")
    if os.environ.get("FUKUOKA_DX_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, "utf-8")
    assert GOLDEN.read_text("utf-8") == text, (
        "the indicators table changed: review the diff, then rerun with "
        "FUKUOKA_DX_UPDATE_GOLDEN=1 and record the change under Data in CHANGELOG.md"
    )
