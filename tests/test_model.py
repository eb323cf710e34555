"""The domain model: validators, navigation, immutability, strategies' laws."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given

from fukuoka_dx import InvalidValueError, NotFoundError
from fukuoka_dx import strategies as fst
from fukuoka_dx.model import (
    BlockField,
    Bureau,
    BureauKind,
    Indicator,
    IndicatorStatus,
    Initiative,
    Plan,
    PromotionItem,
    Repair,
    TargetColumn,
)
from fukuoka_dx.schedule import Schedule, ScheduleRow
from fukuoka_dx.targets import Direction, NumberTarget, SameAsPreviousTarget, TargetKind


def test_navigation(plan: Plan) -> None:
    assert plan.initiative("1-1-3").title == "引越しに係る行政手続きのオンラインサービス"
    assert plan.indicator("4-17-2.3").name.endswith("(85歳~)")
    assert plan.promotion_item("4-13").title == "公共工事、維持管理等のデジタル化の推進"
    assert plan.pillar("2").title == "まちのDX"
    assert [i.id for i in plan.children("1-1")][:2] == ["1-1", "1-1-1"]
    assert plan.initiative("1-18-1").reposts == "1-8"
    assert plan.initiative("2-2").reposts == "1-5"
    assert len(list(plan)) == len(plan) == len(plan.initiatives)


def test_missing_ids_name_close_matches(plan: Plan) -> None:
    with pytest.raises(NotFoundError) as info:
        plan.initiative("1-1-33")
    assert "1-1-33" in str(info.value) and "1-1-3" in str(info.value)
    assert isinstance(info.value, KeyError)
    with pytest.raises(KeyError, match=r"4-17-2\.3"):
        plan.indicator("4-17-2.4")
    with pytest.raises(KeyError):
        plan.pillar("9")


def test_filter_by_bureau(plan: Plan) -> None:
    ja = plan.initiatives_of(bureau="区役所(東区)")
    assert ja and ja == plan.initiatives_of(bureau="Higashi Ward Office")
    assert ja == plan.initiatives_of(bureau="東区") == plan.initiatives_of(bureau="higashi")
    assert all(i.bureau.ward == "東区" for i in ja)
    assert plan.initiatives_of(bureau="教育委員会", pillar="1")
    with pytest.raises(KeyError, match="Waterworks Bureau"):
        plan.initiatives_of(bureau="Waterwork Bureau")


def test_schedule_activity_in_force(plan: Plan) -> None:
    from fukuoka_dx import FiscalYear

    ini = plan.initiative("1-1-1")
    assert ini.activities(FiscalYear(2023)) == ("システム刷新", "対象施設を拡大")
    assert ini.activities(FiscalYear(2026)) == ("システム運用", "対象施設を拡大")
    with pytest.raises(KeyError, match="outside the schedule"):
        ini.activities(FiscalYear(2027))


def test_same_as_previous_resolves(plan: Plan) -> None:
    ind = plan.indicator("1-1-1.1")
    assert isinstance(ind.final, SameAsPreviousTarget)
    assert ind.target(TargetColumn.FINAL) == ind.midterm
    assert ind.kinds == (TargetKind.PENDING, TargetKind.PENDING, TargetKind.SAME_AS_PREVIOUS)


def test_values_are_frozen(plan: Plan) -> None:
    ini = plan.initiative("1-1-3")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        ini.title = "x"  # type: ignore[misc]
    assert isinstance(ini.description, tuple) and isinstance(ini.indicators, tuple)
    assert not hasattr(ini, "__dict__")


def _indicator(ind_id: str = "9-1-1.1") -> Indicator:
    from fukuoka_dx import FiscalYear

    return Indicator(
        ind_id,
        "x(件)",
        "件",
        (),
        Direction.INCREASE,
        FiscalYear(2022),
        NumberTarget("1", 1),
        FiscalYear(2024),
        NumberTarget("2", 2),
        FiscalYear(2026),
        NumberTarget("3", 3),
    )


def test_validators_reject_impossible_states(plan: Plan) -> None:
    from fukuoka_dx import FiscalYear

    with pytest.raises(ValueError, match="not well formed"):
        _indicator("1-1-1")
    with pytest.raises(ValueError, match=r"expected 1-1-2\.1"):
        attrs.evolve(plan.initiative("1-1-1"), id="1-1-2")
    with pytest.raises(ValueError, match="indicator_status"):
        attrs.evolve(plan.initiative("1-1-1"), indicator_status=IndicatorStatus.ABSENT)
    with pytest.raises(ValueError, match="duplicate initiative"):
        attrs.evolve(plan, initiatives=plan.initiatives + plan.initiatives[:1])
    with pytest.raises(ValueError, match="re-posts 9-9"):
        attrs.evolve(
            plan,
            initiatives=(attrs.evolve(plan.initiatives[0], reposts="9-9"), *plan.initiatives[1:]),
        )
    with pytest.raises(ValueError, match="baseline < midterm"):
        attrs.evolve(_indicator(), baseline_fy=FiscalYear(2025))
    with pytest.raises(ValueError, match="no column to its left"):
        attrs.evolve(_indicator(), baseline=SameAsPreviousTarget("同左"))
    with pytest.raises(ValueError, match="a ward office, and only it"):
        Bureau("市長室", "Mayor's Office", BureauKind.MAYORS_OFFICE, "東区")
    with pytest.raises(ValueError, match="cells for 4 years"):
        Schedule(plan.years, (ScheduleRow.from_texts(["a", "→"]),))
    with pytest.raises(ValueError, match="cannot start with"):
        ScheduleRow.from_texts(["→", "a"])
    with pytest.raises(ValueError, match="own_block"):
        items = tuple(
            attrs.evolve(p, own_block=not p.own_block) if p.id == "1-2" else p
            for p in plan.promotion_items
        )
        attrs.evolve(plan, promotion_items=items)
    with pytest.raises(ValueError, match="page"):
        PromotionItem("1-1", "x", 0, False)
    with pytest.raises(ValueError, match="say why"):
        attrs.evolve(_indicator(), baseline_comparable=False)


def test_an_ambiguity_says_what_it_reads_and_where(plan: Plan) -> None:
    a = plan.initiative("2-3-2").ambiguities[0]
    assert (a.field, a.row, a.line) == (BlockField.SCHEDULE, 2, 689)
    assert plan.initiative("2-3-2").schedule.rows[a.row - 1].note
    with pytest.raises(InvalidValueError, match="expected one of title, bureau"):
        attrs.evolve(a, field="cells")
    with pytest.raises(InvalidValueError, match="a row is given for schedule and indicators"):
        attrs.evolve(a, row=None)
    with pytest.raises(InvalidValueError, match="a row is given for schedule and indicators"):
        attrs.evolve(a, field="title")
    with pytest.raises(InvalidValueError, match="line number of the source text"):
        attrs.evolve(a, line=0)
    with pytest.raises(InvalidValueError, match="row number"):
        attrs.evolve(a, row=0)
    with pytest.raises(InvalidValueError, match="names schedule row 3, but the block has 2"):
        attrs.evolve(plan.initiative("2-3-2"), ambiguities=(attrs.evolve(a, row=3),))
    with pytest.raises(InvalidValueError, match="line number of the source text"):
        Repair("title", "a", "b", "evidence", 0)
    with pytest.raises(InvalidValueError, match="note must be non-empty text"):
        ScheduleRow.from_texts(["a", "→"], note=" ")
    with pytest.raises(InvalidValueError, match="a lost schedule cell needs a note"):
        ScheduleRow.from_texts([None, "→"], note="the row note is not the lost cell's note")
    assert ScheduleRow.from_texts([None, "→"], "lost").cells[0].kind.value == "missing"


def test_indicator_must_belong_to_its_initiative(plan: Plan) -> None:
    ini = plan.initiative("1-1-3")
    stranger = attrs.evolve(ini.indicators[0], id="1-1-4.1")
    with pytest.raises(ValueError, match=r"expected 1-1-3\.1"):
        attrs.evolve(ini, indicators=(stranger,))


@given(fst.plans())
def test_generated_plans_are_consistent(p: Plan) -> None:
    for ini in p.initiatives:
        assert p.initiative(ini.id) is ini
        for ind in ini.indicators:
            assert ind.initiative_id == ini.id
            assert p.indicator(ind.id) is ind
    assert p == attrs.evolve(p)
    assert hash(p.initiatives) == hash(attrs.evolve(p).initiatives)


@given(fst.initiatives())
def test_equality_and_hash_consistent(ini: Initiative) -> None:
    twin = attrs.evolve(ini)
    assert twin == ini and hash(twin) == hash(ini)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        ini.page = 1  # type: ignore[misc]
