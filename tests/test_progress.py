"""Progress: the rules of docs/progress.md, the plan's own cases, and their laws."""

from __future__ import annotations

import datetime as dt
import random

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from fukuoka_dx import (
    Figure,
    FiscalYear,
    Indicator,
    Observation,
    ObservationsError,
    Plan,
    RelativeChange,
    Stage,
    Status,
    TargetColumn,
    Thresholds,
    assess,
    evaluate,
)
from fukuoka_dx.observations import CompositeValue
from fukuoka_dx.progress import default_column, expected_share
from fukuoka_dx.targets import CompositePart, Direction, NumberTarget, parse_target

FY = FiscalYear
FINAL = TargetColumn.FINAL
MIDTERM = TargetColumn.MIDTERM


def numeric(b: float | None, t: float, direction: str = "unknown") -> Indicator:
    base = NumberTarget(f"{b:g}", b) if b is not None else parse_target("-")
    return Indicator(
        "9-1-1.1", "x", None, (), Direction(direction), FY(2022), base, FY(2024),
        NumberTarget(f"{t:g}", t), FY(2026), NumberTarget(f"{t:g}", t),
    )  # fmt: skip


def obs(value: object, fy: int = 2026, ind: str = "9-1-1.1") -> Observation:
    v = value if not isinstance(value, int | float) else Figure(value)
    return Observation(ind, fy, v)  # type: ignore[arg-type]


# -- the plan's own cases -------------------------------------------------------------------


def test_decreasing_indicator(plan: Plan) -> None:
    ind = plan.indicator("2-3-2.1")  # 問合せ件数 3,302 → 1,000
    assert ind.direction is Direction.DECREASE
    r = evaluate(ind, obs(2151, 2024, ind.id), FINAL)
    assert r.achievement == pytest.approx(0.5)
    assert r.expected == 0.5 and r.status is Status.ON_TRACK
    assert evaluate(ind, obs(900, 2025, ind.id), FINAL).status is Status.ACHIEVED
    assert evaluate(ind, obs(3500, 2025, ind.id), FINAL).status is Status.DETERIORATION


def test_relative_target(plan: Plan) -> None:
    ind = plan.indicator("3-2-13.1")  # - → 20%減 → 50%減
    r = evaluate(ind, obs(RelativeChange(-30), 2025, ind.id), FINAL)
    assert r.achievement == pytest.approx(0.6)
    assert r.status is Status.NEEDS_ACCELERATION  # R = 0.6 / 0.75 = 0.8
    assert evaluate(ind, obs(RelativeChange(-55), 2025, ind.id), FINAL).status is Status.ACHIEVED
    # a bare figure cannot be turned into a change without a baseline figure
    assert evaluate(ind, obs(10, 2025, ind.id), FINAL).status is Status.NOT_ASSESSABLE


def test_direction_target(plan: Plan) -> None:
    ind = plan.indicator("2-5-3.1")  # 増加
    b = ind.baseline
    assert isinstance(b, NumberTarget)
    assert evaluate(ind, obs(b.value + 1, 2025, ind.id), FINAL).status is Status.ACHIEVED
    assert evaluate(ind, obs(b.value, 2025, ind.id), FINAL).status is Status.LIMITED_PROGRESS
    assert evaluate(ind, obs(b.value - 1, 2025, ind.id), FINAL).status is Status.DETERIORATION
    assert evaluate(ind, obs(b.value + 1, 2025, ind.id), FINAL).achievement is None


def test_pending_target(plan: Plan) -> None:
    for ind_id in ("1-1-1.1", "1-3-1.1", "1-8.1"):
        ind = plan.indicator(ind_id)
        r = evaluate(ind, obs(50, 2025, ind.id), FINAL)  # final is 同左 of a pending cell
        assert r.status is Status.NOT_ASSESSABLE and r.achievement is None


def test_maintain_range_composite_milestone(plan: Plan) -> None:
    keep = plan.indicator("4-7-6.1")  # 235 → 継続
    assert evaluate(keep, obs(235, 2025, keep.id), FINAL).status is Status.ACHIEVED
    assert evaluate(keep, obs(200, 2025, keep.id), FINAL).status is Status.DETERIORATION
    band = plan.indicator("4-2-2.1")  # 15~80
    assert evaluate(band, obs(40, 2025, band.id), FINAL).status is Status.ACHIEVED
    assert evaluate(band, obs(90, 2025, band.id), FINAL).status is Status.DETERIORATION
    both = plan.indicator("1-11-3.1")  # 対面30 オンライン30
    parts = CompositeValue((CompositePart("対面", 15), CompositePart("オンライン", 30)))
    r = evaluate(both, obs(parts, 2025, both.id), FINAL)
    assert r.achievement == pytest.approx(0.5) and r.status is Status.NEEDS_ACCELERATION
    stage = plan.indicator("4-17-8.1")  # ロードマップ策定 → 試行検証・要件定義 → 設計・開発・運用
    r = evaluate(stage, obs(Stage("試行検証・要件定義"), 2025, stage.id), FINAL)
    assert r.achievement == pytest.approx(0.5)
    assert evaluate(stage, obs(Stage("設計・開発・運用"), 2025, stage.id), FINAL).status is (
        Status.ACHIEVED
    )


def test_not_comparable_baseline_uses_a_over_t(plan: Plan) -> None:
    ind = plan.indicator("5-7.1")  # 監査実施数 (令和5年度からの累計): 12 → 24 → 48
    assert not ind.baseline_comparable
    r = evaluate(ind, obs(12, 2023, ind.id), MIDTERM)
    assert r.achievement == pytest.approx(0.5) and r.status is Status.ON_TRACK


def test_ceiling_target(plan: Plan) -> None:
    ind = plan.indicator("4-17-2.3")  # decrease desired, target 65.6 above baseline 64.2
    assert evaluate(ind, obs(65.0, 2025, ind.id), FINAL).status is Status.ACHIEVED
    assert evaluate(ind, obs(66.0, 2025, ind.id), FINAL).status is Status.DETERIORATION


def test_hold_a_level() -> None:
    ind = numeric(100, 100, "increase")
    assert evaluate(ind, obs(100), FINAL).achievement == 1.0
    assert evaluate(ind, obs(90), FINAL).achievement == pytest.approx(0.9)
    early = evaluate(ind, obs(90, 2023), FINAL)  # a level is due in full from the start
    assert early.expected == 1.0 and early.status is Status.NEEDS_ACCELERATION
    dec = numeric(5, 5, "decrease")
    assert evaluate(dec, obs(6), FINAL).achievement is None
    assert evaluate(dec, obs(4), FINAL).status is Status.ACHIEVED


def test_no_baseline() -> None:
    assert evaluate(numeric(None, 80, "increase"), obs(40), FINAL).achievement == 0.5
    r = evaluate(numeric(None, 80, "decrease"), obs(90), FINAL)
    assert r.achievement is None and r.status is Status.NOT_ASSESSABLE


def test_no_data_and_expected_share() -> None:
    assert evaluate(numeric(0, 10), None, FINAL).status is Status.NO_DATA
    assert expected_share(FY(2024), FY(2022), FY(2026)) == 0.5
    assert expected_share(FY(2020), FY(2022), FY(2026)) == 0.0
    assert expected_share(FY(2030), FY(2022), FY(2026)) == 1.0
    with pytest.raises(ValueError):
        expected_share(FY(2024), FY(2026), FY(2026))


def test_default_column_switches_after_the_indicators_midterm_year(plan: Plan) -> None:
    ind = plan.indicator("1-1.1")  # 中間目標 for 令和6年度 (FY2024)
    assert default_column(ind, dt.date(2025, 3, 31)) is MIDTERM
    assert default_column(ind, dt.date(2025, 4, 1)) is FINAL
    later = attrs.evolve(ind, midterm_fy=FiscalYear(2025))  # the switch follows midterm_fy
    assert default_column(later, dt.date(2026, 3, 31)) is MIDTERM
    assert default_column(later, dt.date(2026, 4, 1)) is FINAL


def test_thresholds_are_parameters() -> None:
    ind = numeric(0, 100, "increase")
    o = obs(70, 2026)
    assert evaluate(ind, o, FINAL).status is Status.NEEDS_ACCELERATION
    assert evaluate(ind, o, FINAL, Thresholds(0.7, 0.5)).status is Status.ON_TRACK
    with pytest.raises(ValueError):
        Thresholds(0.5, 0.9)


def test_assessment_of_the_plan(plan: Plan) -> None:
    observations = [
        Observation("1-1.1", 2023, Figure(55)),
        Observation("1-1.1", 2024, Figure(60)),
        Observation("1-1.1", 2026, Figure(70)),  # after the as-of year: not used
        Observation("1-8.1", 2024, Figure(10)),  # re-posted by 1-18-1
        Observation("2-3-2.1", 2024, Figure(2000), as_of=dt.date(2026, 1, 1)),  # as-of later
    ]
    a = assess(plan, observations, as_of=dt.date(2025, 6, 1))
    r = a.result("1-1.1")
    assert r.observation is not None and r.observation.fiscal_year == FY(2024)
    assert r.target is FINAL
    assert a.result("1-18-1.1").observation is not None
    assert a.result("1-18-1.1").borrowed_from == "1-8.1"
    assert a.result("1-8.1").borrowed_from is None
    with pytest.raises(KeyError, match="did you mean"):
        a.result("1-1.2")
    assert a.result("2-3-2.1").status is Status.NO_DATA
    assert [(e.observation.indicator_id, e.observation.fiscal_year) for e in a.excluded] == [
        ("1-1.1", FY(2026)),
        ("2-3-2.1", FY(2024)),
    ]
    assert "after that of the as-of date" in str(a.excluded[0].reason)
    assert "as-of date 2026-01-01 is after" in str(a.excluded[1].reason)
    assert [e.reason.code.value for e in a.excluded] == ["year_after_as_of", "date_after_as_of"]
    assert "評価日" in a.excluded[0].reason.text("ja")
    assert a.overall.total == len(plan.indicators)
    for rollups in (a.by_pillar, a.by_bureau, a.by_promotion_item):
        assert sum(r.total for r in rollups) == len(plan.indicators)
    assert sum(r.total for r in a.by_pillar if r.key == "1") == sum(
        len(i.indicators) for i in plan.initiatives_of(pillar="1")
    )
    rows = a.rows()
    assert len(rows) == len(plan.indicators) and rows[0]["indicator_id"] == "1-1.1"
    with pytest.raises(ObservationsError, match=r"no indicator .9-9\.1. in the plan"):
        assess(plan, [Observation("9-9.1", 2024, Figure(1))])


def test_assessment_json_round_trip(plan: Plan) -> None:
    from fukuoka_dx import from_json, to_json
    from fukuoka_dx.progress import Assessment

    a = assess(plan, [Observation("1-1.1", 2024, Figure(60))], as_of=dt.date(2025, 6, 1))
    assert from_json(to_json(a), Assessment) == a


# -- laws --------------------------------------------------------------------------------------

values = st.floats(-1e6, 1e6, allow_nan=False)


@given(values, values, values, values)
def test_monotone_in_the_desired_direction(b: float, t: float, a1: float, a2: float) -> None:
    assume(abs(t - b) > 1e-6)
    direction = "increase" if t > b else "decrease"
    ind = numeric(b, t, direction)
    r1 = evaluate(ind, obs(a1), FINAL).achievement
    r2 = evaluate(ind, obs(a2), FINAL).achievement
    assert r1 is not None and r2 is not None
    better = (a2 >= a1) if direction == "increase" else (a2 <= a1)
    if better:
        assert r2 >= r1 - 1e-9


@given(values, values)
def test_zero_at_baseline_one_at_target(b: float, t: float) -> None:
    assume(abs(t - b) > 1e-6)
    ind = numeric(b, t, "increase" if t > b else "decrease")
    assert evaluate(ind, obs(b), FINAL).achievement == 0
    assert evaluate(ind, obs(t), FINAL).achievement == 1


@given(values, values, values)
def test_mirrored_decreasing_gives_the_same_rate(b: float, t: float, a: float) -> None:
    assume(t > b + 1e-6)
    up = evaluate(numeric(b, t, "increase"), obs(a), FINAL).achievement
    down = evaluate(numeric(-b, -t, "decrease"), obs(-a), FINAL).achievement
    assert up == pytest.approx(down)


@given(values, values, values, st.integers(2022, 2030))
def test_status_says_achieved_exactly_when_met(b: float, t: float, a: float, fy: int) -> None:
    assume(abs(t - b) > 1e-6)
    increasing = t > b
    r = evaluate(numeric(b, t, "increase" if increasing else "decrease"), obs(a, fy), FINAL)
    met = a >= t if increasing else a <= t
    assert (r.status is Status.ACHIEVED) == met
    if r.status is Status.ON_TRACK:
        assert r.ratio is not None and r.ratio >= 0.95


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["1-1.1", "1-1-3.1", "2-3-2.1"]),
            st.integers(2022, 2026),
            st.integers(0, 100),
        ),
        max_size=10,
        unique_by=lambda t: (t[0], t[1]),  # two values for one year are refused
    ),
    st.randoms(),
)
def test_statuses_do_not_depend_on_order(
    rows: list[tuple[str, int, int]], rnd: random.Random
) -> None:
    import fukuoka_dx

    plan = fukuoka_dx.load_plan()
    observations = [Observation(i, y, Figure(v)) for i, y, v in rows]
    shuffled = observations[:]
    rnd.shuffle(shuffled)
    day = dt.date(2026, 6, 1)
    a, b = assess(plan, observations, as_of=day), assess(plan, shuffled, as_of=day)
    assert [r.status for r in a.results] == [r.status for r in b.results]
    assert sum(r.total for r in a.by_bureau) == a.overall.total == len(plan.indicators)


def test_evolve_keeps_validation() -> None:
    with pytest.raises(ValueError):
        attrs.evolve(Thresholds(), on_track=0.1)


def test_an_assessment_carries_its_plan_into_every_view(plan: Plan) -> None:
    # a plan of one's own (one indicator renamed): every view shows its names, not the
    # packaged plan's
    from fukuoka_dx import from_json, to_json
    from fukuoka_dx.progress import Assessment

    pytest.importorskip("pandas")
    pytest.importorskip("jinja2")
    ini = plan.initiative("1-1-3")
    renamed = attrs.evolve(ini.indicators[0], name="引越しオンライン申込数(件)")
    own_ini = attrs.evolve(ini, indicators=(renamed, *ini.indicators[1:]))
    own = attrs.evolve(
        plan, initiatives=tuple(own_ini if i.id == ini.id else i for i in plan.initiatives)
    )
    assert own.digest != plan.digest
    a = assess(own, [Observation("1-1-3.1", 2025, 21000)], as_of="2026-03-31")
    assert a.plan is own
    frame = a.to_pandas()
    assert frame.set_index("indicator_id").loc["1-1-3.1", "name"] == "引越しオンライン申込数(件)"
    assert "引越しオンライン申込数(件)" in a._repr_html_()
    assert "引越しオンライン申込数(件)" in a.to_html("ja")
    back = from_json(to_json(a), Assessment)  # JSON keeps no plan: the packaged one is checked
    with pytest.raises(ValueError, match="not the packaged one"):
        back.plan  # noqa: B018
    packaged = assess(plan, [], as_of="2026-03-31")
    assert from_json(to_json(packaged), Assessment).plan is plan
