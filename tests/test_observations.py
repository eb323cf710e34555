"""Reading observation files: every problem reported, nothing dropped silently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fukuoka_dx import (
    Figure,
    FiscalYear,
    Observation,
    ObservationsError,
    Plan,
    ReadResult,
    RelativeChange,
    Stage,
    parse_observations_csv,
    parse_observations_json,
    read_observations,
    write_observations_csv,
)
from fukuoka_dx.observations import CompositeValue, parse_value
from fukuoka_dx.strategies import figures

HEADER = "indicator_id,fiscal_year,value,as_of,source,note\n"


def read(text: str, plan: Plan, **kw: object) -> tuple[Observation, ...]:
    result = parse_observations_csv(HEADER + text, plan, name="obs.csv", **kw)  # type: ignore[arg-type]
    assert isinstance(result, ReadResult)
    return result.observations


def test_values_the_plan_uses(plan: Plan) -> None:
    obs = read(
        '1-1-3.1,2023,"1,234",2024-03-31,survey,ok\n'
        "1-1.1,FY2024,51.3,,,\n"
        "3-2-13.1,R5,30%減,,,\n"
        "4-17-8.1,令和6年度,試行検証・要件定義,,,\n"
        "1-11-3.1,R6,対面28 オンライン31,,,\n",
        plan,
    )
    assert [o.value for o in obs][:4] == [
        Figure(1234),
        Figure(51.3),
        RelativeChange(-30),
        Stage("試行検証・要件定義"),
    ]
    assert isinstance(obs[4].value, CompositeValue)
    assert obs[0].as_of is not None and str(obs[0].as_of) == "2024-03-31"
    assert (obs[0].source, obs[0].note) == ("survey", "ok")
    assert [o.fiscal_year for o in obs] == [FiscalYear(y) for y in (2023, 2024, 2023, 2024, 2024)]


def test_every_problem_is_reported_with_row_and_column(plan: Plan) -> None:
    bad = (
        "1-1-33.1,2023,5,,,\n"  # unknown id
        "1-1-3.1,R0,5,,,\n"  # bad year
        "1-1-3.1,2023,many,,,\n"  # text for a number
        "1-1.1,2023,120,,,\n"  # percentage above 100
        "1-1-3.1,2024,-5,,,\n"  # negative count
        "1-1-3.1,2024,nan,,,\n"  # NaN
        "1-1.1,2025,50,2024-01-01,,\n"  # as-of before the year
        "1-1.1,2025,50,not a date,,\n"  # bad as-of
        "1-1-3.1,2025,100,,,\n"
        "1-1-3.1,2025,200,,,\n"  # a different value for the same key
    )
    with pytest.raises(ObservationsError) as info:
        read(bad, plan)
    errors = info.value.problems
    text = str(info.value)
    assert len(errors) == 10  # both values of one year are refused: neither can be taken
    assert "obs.csv, line 2, column indicator_id" in text and "1-1-3" in text
    assert "line 3, column fiscal_year" in text
    assert "line 4, column value" in text and "takes a figure" in text
    assert "0 to 100" in text and "cannot be negative" in text and "finite" in text
    assert "line 8, column as_of" in text and "line 9, column as_of" in text
    assert "is not a date: expected e.g. 2026-03-31" in text
    assert "line 11, column value" in text and "line 10 gives a different value" in text
    assert "line 10, column value ('100'): obs.csv, line 11 gives a different value" in text


def test_keep_valid_returns_rejected_rows(plan: Plan) -> None:
    result = parse_observations_csv(
        HEADER + "1-1-3.1,2023,5,,,\nzzz,2023,5,,,\n", plan, keep_valid=True
    )
    assert isinstance(result, ReadResult)
    assert [o.indicator_id for o in result.observations] == ["1-1-3.1"]
    assert len(result.rejected) == 1 and result.rejected[0].column == "indicator_id"


def test_same_value_twice_is_not_an_error(plan: Plan) -> None:
    assert len(read("1-1-3.1,2023,5,,,\n1-1-3.1,R5,5,,,\n", plan)) == 1


def test_empty_values_are_errors_unless_skipped(plan: Plan) -> None:
    with pytest.raises(ObservationsError, match="the value is empty"):
        read("1-1-3.1,2023,,,,\n", plan)
    result = parse_observations_csv(
        HEADER + "1-1-3.1,2023,,,,\n1-1.1,2023,50,,,\n", plan, keep_valid=True, skip_empty=True
    )
    assert isinstance(result, ReadResult)
    assert len(result.observations) == 1 and result.skipped == ("<text>, line 2",)


def test_header_is_checked(plan: Plan) -> None:
    with pytest.raises(ObservationsError, match=r"missing column.*value"):
        parse_observations_csv("indicator_id,fiscal_year\n1-1.1,2023\n", plan)


def test_extra_comment_columns_are_ignored(plan: Plan) -> None:
    obs = parse_observations_csv(
        "indicator_id,fiscal_year,value,# name\n1-1.1,R5,55,オンライン利用率\n", plan
    ).observations
    assert obs[0].value == Figure(55)


def test_json_files(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "obs.json"
    path.write_text(json.dumps([{"indicator_id": "1-1.1", "fiscal_year": 2023, "value": 55}]))
    obs = read_observations(path, plan).observations
    assert obs[0].value == Figure(55)
    path.write_text(json.dumps([{"indicator_id": "1-1.1", "fiscal_year": 2023, "valeu": 5}]))
    with pytest.raises(ObservationsError, match=r"\[0\].*unknown key"):
        read_observations(path, plan)
    with pytest.raises(ObservationsError, match="not JSON"):
        parse_observations_json("[", plan)
    with pytest.raises(ObservationsError, match="cannot read the file"):
        read_observations(tmp_path / "absent.csv", plan)
    with pytest.raises(ObservationsError, match=r"\.csv, \.json or \.xlsx"):
        read_observations(tmp_path / "obs.ods", plan)


def test_parse_value_checks_the_indicator(plan: Plan) -> None:
    with pytest.raises(ValueError, match="stages"):
        parse_value("完成", plan.indicator("4-17-8.1"))
    with pytest.raises(ValueError, match="labelled parts"):
        parse_value("30", plan.indicator("1-11-3.1"))
    with pytest.raises(ValueError, match="parts"):
        parse_value("会場30 オンライン30", plan.indicator("1-11-3.1"))
    with pytest.raises(ValueError, match="no relative target"):
        parse_value("30%減", plan.indicator("1-1.1"))
    assert parse_value("30%減", plan.indicator("3-2-13.1")) == RelativeChange(-30)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["1-1.1", "1-1-3.1", "2-3-2.1", "4-7-6.1"]),
            st.integers(2021, 2026),
            figures(0, 100),
        ),
        max_size=12,
        unique_by=lambda t: (t[0], t[1]),
    )
)
def test_written_files_read_back(rows: list[tuple[str, int, float]]) -> None:
    import fukuoka_dx

    plan = fukuoka_dx.load_plan()
    observations = [Observation(i, y, Figure(v)) for i, y, v in rows]
    text = write_observations_csv(observations)
    assert parse_observations_csv(text, plan).observations == tuple(observations)


@given(st.text(max_size=40))
def test_any_csv_text_reads_or_reports(text: str) -> None:
    import fukuoka_dx

    plan = fukuoka_dx.load_plan()
    try:
        result = parse_observations_csv(HEADER + text, plan)
    except ObservationsError as exc:
        assert exc.problems and all(p.location.startswith("<text>") for p in exc.problems)
    else:
        assert isinstance(result, ReadResult)
