"""The JSON form: exact round trips for every type, and readable errors."""

from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import given

from fukuoka_dx import (
    Figure,
    JSONFormatError,
    Repair,
    YearMonth,
    assess,
    converter,
    from_json,
    to_json,
)
from fukuoka_dx import strategies as fst
from fukuoka_dx.model import Bureau, Indicator, Initiative, Plan
from fukuoka_dx.observations import Observation, ObservedValue
from fukuoka_dx.schedule import Schedule, ScheduleCell
from fukuoka_dx.serialization import canonical_json
from fukuoka_dx.targets import MilestoneTarget, Target


def test_whole_plan_round_trip(plan: Plan) -> None:
    data = converter.unstructure(plan)
    assert json.loads(json.dumps(data)) == data  # plain JSON types only
    assert converter.structure(data, Plan) == plan
    assert from_json(to_json(plan), Plan) == plan


def test_tags_and_years_in_json(plan: Plan) -> None:
    data = json.loads(to_json(plan.indicator("3-2-13.1")))
    assert data["midterm"] == {"kind": "relative", "text": "20%減", "percent": -20.0}
    assert data["baseline_fy"] == 2022
    assert json.loads(to_json(plan))["revisions"][0] == {"month": "2023-06", "event": "策定"}


@given(fst.targets())
def test_target_round_trip(t: Target) -> None:
    assert from_json(to_json(t), Target) == t  # type: ignore[arg-type]
    assert from_json(to_json(t), type(t)) == t  # each concrete type on its own too


@given(fst.schedule_cells())
def test_cell_round_trip(c: ScheduleCell) -> None:
    assert from_json(to_json(c), ScheduleCell) == c  # type: ignore[arg-type]
    assert from_json(to_json(c), type(c)) == c


@given(fst.observed_values())
def test_observed_value_round_trip(v: ObservedValue) -> None:
    assert from_json(to_json(v), ObservedValue) == v  # type: ignore[arg-type]
    assert from_json(to_json(v), type(v)) == v


def test_a_concrete_type_refuses_another_kind() -> None:
    with pytest.raises(JSONFormatError, match="kind 'qualitative' is not 'milestone'"):
        from_json('{"text": "全校", "kind": "qualitative"}', MilestoneTarget)
    with pytest.raises(JSONFormatError, match="unknown kind 'numbr'"):
        from_json('{"text": "5", "value": 5, "kind": "numbr"}', Target)  # type: ignore[arg-type]
    with pytest.raises(JSONFormatError, match="missing 'kind'"):
        from_json('{"text": "5", "value": 5}', Target)  # type: ignore[arg-type]


def test_every_public_attrs_type_round_trips(plan: Plan) -> None:
    """Each attrs class named by the public API or its modules, from a value of the plan."""
    ini = plan.initiative("1-11-3")
    ind = ini.indicators[0]
    item = plan.promotion_item("1-1")
    values: list[object] = [
        plan.pillars[0],
        item,
        plan.bureaus[0],
        plan.revisions[0],
        ini,
        ind,
        ini.schedule,
        ini.schedule.rows[0],
        ind.final.parts[0],  # type: ignore[union-attr]
        YearMonth(2022, 12, end_of_month=True),
        Repair("title", "ピギナース", "ビギナーズ", "table of contents", 480),
        plan.initiative("4-6-1").ambiguities[1],
        plan.initiative("2-3-2").schedule.rows[1],  # a row with a note
        Observation("1-1-3.1", "R7", Figure(21000), as_of="2026-03-31", source="s", note="n"),
        assess(plan, [Observation("1-1-3.1", "R7", Figure(21000))], as_of="2026-03-31"),
    ]
    for value in values:
        assert attrs.has(type(value))
        assert from_json(to_json(value), type(value)) == value, type(value).__name__


@given(fst.schedules())
def test_schedule_round_trip(s: Schedule) -> None:
    assert from_json(to_json(s), Schedule) == s


@given(fst.indicators())
def test_indicator_round_trip(i: Indicator) -> None:
    assert from_json(to_json(i), Indicator) == i


@given(fst.bureaus())
def test_bureau_round_trip(b: Bureau) -> None:
    assert from_json(to_json(b), Bureau) == b


@given(fst.initiatives())
def test_initiative_round_trip(i: Initiative) -> None:
    assert from_json(to_json(i), Initiative) == i


@given(fst.plans())
def test_plan_round_trip(p: Plan) -> None:
    again = from_json(to_json(p), Plan)
    assert again == p
    assert again.digest == p.digest


@given(fst.observations())
def test_observation_round_trip(o: Observation) -> None:
    assert from_json(to_json(o), Observation) == o


def test_canonical_json_is_stable(plan: Plan) -> None:
    assert canonical_json(plan) == canonical_json(from_json(to_json(plan), Plan))


def test_malformed_json_lists_every_problem_with_its_path(plan: Plan) -> None:
    data = converter.unstructure(plan)
    data["initiatives"][12]["indicators"][0]["final"]["kind"] = "numbr"
    data["initiatives"][3]["page"] = "seven"
    with pytest.raises(JSONFormatError) as info:
        converter_structure(data)
    message = str(info.value)
    assert "$.initiatives[12].indicators[0].final" in message
    assert "numbr" in message
    assert "$.initiatives[3].page" in message
    assert len(info.value.problems) >= 2


def converter_structure(data: object) -> Plan:
    from fukuoka_dx.serialization import structure

    return structure(data, Plan)


def test_not_json_at_all() -> None:
    with pytest.raises(JSONFormatError, match="line 1 column 2"):
        from_json("{x", Plan)


def test_invalid_values_are_reported(plan: Plan) -> None:
    data = converter.unstructure(plan.indicator("1-1.1"))
    data["final_fy"] = 2020
    with pytest.raises(JSONFormatError, match="baseline < midterm"):
        from_json(json.dumps(data), Indicator)
    data = converter.unstructure(plan.indicator("1-1.1"))
    data["extra"] = 1
    with pytest.raises(JSONFormatError, match="extra"):
        from_json(json.dumps(data), Indicator)


def test_json_scalars_are_checked_not_coerced(plan: Plan) -> None:
    data = converter.unstructure(plan)
    data["initiatives"][3]["page"] = "7"
    data["initiatives"][4]["indicators"][0]["direction"] = "up"
    data["initiatives"][5]["title"] = 5
    with pytest.raises(JSONFormatError) as info:
        converter_structure(data)
    text = str(info.value)
    assert "expected a whole number, got '7' @ $.initiatives[3].page" in text
    assert "'up' is not a Direction" in text and "$.initiatives[4].indicators[0].direction" in text
    assert "expected text, got 5 @ $.initiatives[5].title" in text
