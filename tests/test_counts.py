"""Counts that count every indicator: the mean and the number assessed include targets met
without a rate, every group of the plan has a roll-up (one without a mean says why), each
year's figure is kept with its source and note, and data frames hold figures as numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fukuoka_dx import Observation, assess, load_plan
from fukuoka_dx.observations.marks import FigureMark, figure_marks
from fukuoka_dx.progress import ReasonCode, Status, Thresholds
from fukuoka_dx.progress.assessment import JUDGED

PLAN = load_plan()
# 1-1-3.1 with a rate; 1-15.1 (増加) and 4-17-2.3 (a ceiling) met without one; 2-5-3.1
# (増加) moved away: judged without a rate, not met
OBSERVATIONS = [
    Observation("1-1-3.1", 2025, 19200),
    Observation("1-15.1", 2025, 4100),
    Observation("4-17-2.3", 2025, 65.3),
    Observation("2-5-3.1", 2025, 1),
]


def test_the_mean_counts_a_target_met_without_a_rate_as_met() -> None:
    a = assess(PLAN, OBSERVATIONS, as_of="2026-03-31")
    statuses = {r.indicator_id: r.status for r in a.results if r.observation}
    assert statuses["2-5-3.1"] is Status.DETERIORATION
    rate = a.result("1-1-3.1").achievement
    assert rate is not None
    assert a.overall.assessable == 4  # every indicator judged
    assert a.overall.averaged == 3 and a.overall.unrated == 1
    assert a.overall.mean_achievement == pytest.approx((rate + 1 + 1) / 3)
    row = a.overall.row()
    assert (row["assessable"], row["averaged"], row["note"]) == (4, 3, None)


def test_every_group_of_the_plan_has_a_roll_up_and_one_without_a_mean_says_why() -> None:
    a = assess(PLAN, OBSERVATIONS, as_of="2026-03-31")
    assert [g.key for g in a.by_promotion_item] == [p.id for p in PLAN.promotion_items]
    assert [g.key for g in a.by_pillar] == [p.id for p in PLAN.pillars]
    assert sorted(g.key for g in a.by_bureau) == sorted(b.name_ja for b in PLAN.bureaus)
    assert all(g.label == g.key for g in a.by_bureau)  # its Japanese name, as the others
    notes = {g.key: g.note for g in a.by_promotion_item if g.total == 0}
    assert {k: n.code for k, n in notes.items() if n} == {
        "2-7": ReasonCode.GROUP_INDICATORS_PENDING,
        "4-16": ReasonCode.GROUP_NO_INDICATORS,
        "5-3": ReasonCode.GROUP_NO_INDICATORS,
        "5-4": ReasonCode.GROUP_NO_INDICATORS,
    }
    for g in (*a.by_promotion_item, *a.by_pillar, *a.by_bureau):
        assert (g.mean_achievement is None) == (g.note is not None), g.key
    only_no_data = next(g for g in a.by_pillar if g.key == "5")
    assert only_no_data.note is not None and only_no_data.note.code is ReasonCode.GROUP_NOT_JUDGED
    two_five = next(g for g in a.by_promotion_item if g.key == "2-5")
    if two_five.mean_achievement is None:  # judged, but only without a rate
        assert two_five.note is not None
        assert two_five.note.code is ReasonCode.GROUP_NOTHING_TO_AVERAGE


@given(st.lists(st.sampled_from(list(Status)), max_size=12), st.floats(0, 2))
def test_the_counts_add_up(statuses: list[Status], rate: float) -> None:
    from fukuoka_dx.fiscal_calendar import FiscalYear
    from fukuoka_dx.model import TargetColumn
    from fukuoka_dx.progress.assessment import _rollup
    from fukuoka_dx.progress.rules import IndicatorProgress
    from fukuoka_dx.progress.schemes import STANDARD

    results = [
        IndicatorProgress(
            f"x.{n}",
            TargetColumn.FINAL,
            FiscalYear(2026),
            None,
            rate if n % 2 and s not in (Status.ACHIEVED,) else None,
            0.5,
            s,
        )
        for n, s in enumerate(statuses)
    ]
    g = _rollup("k", "k", results, STANDARD)
    assert g.total == len(statuses)
    assert g.assessable == sum(1 for s in statuses if s in JUDGED)
    assert 0 <= g.averaged <= g.assessable
    assert g.averaged >= sum(1 for s in statuses if s is Status.ACHIEVED)
    if g.mean_achievement is not None:
        assert g.mean_achievement <= 1.0


def test_each_years_figure_is_kept_with_its_source_and_marks() -> None:
    obs = [
        Observation("1-1-3.1", 2023, 10000, source="ILLUSTRATIVE"),
        Observation("1-1-3.1", 2024, 15000, as_of="2024-12-31", note="速報値"),
        Observation("1-1-3.1", 2024, 15500, as_of="2025-03-31", source="市民局"),
    ]
    r = assess(PLAN, obs, as_of="2025-06-30").result("1-1-3.1")
    assert [(o.fiscal_year.year, o.value.value) for o in r.history] == [
        (2023, 10000),
        (2024, 15500),
    ]  # type: ignore[union-attr]
    assert [figure_marks(o) for o in r.history] == [(FigureMark.ILLUSTRATIVE,), ()]
    assert figure_marks(obs[1]) == (FigureMark.PROVISIONAL,)


def test_an_assessment_keeps_its_thresholds() -> None:
    a = assess(PLAN, [], as_of="2025-06-30", thresholds=Thresholds(0.9, 0.5))
    assert a.thresholds == Thresholds(0.9, 0.5)


def test_to_pandas_holds_figures_as_numbers() -> None:
    pytest.importorskip("pandas")
    from fukuoka_dx.observations.values import RelativeChange, Stage

    obs = [
        *OBSERVATIONS,
        Observation("3-2-13.1", 2025, RelativeChange(-25.0)),
        Observation("4-17-8.1", 2025, Stage("試行検証・要件定義")),
    ]
    frame = assess(PLAN, obs, as_of="2026-03-31").to_pandas().set_index("indicator_id")
    assert frame.loc["1-1-3.1", "observed_value"] == 19200.0
    assert isinstance(frame.loc["1-1-3.1", "observed_value"], float)
    assert frame.loc["3-2-13.1", "observed_value"] == "25%減"
    assert frame.loc["4-17-8.1", "observed_value"] == "試行検証・要件定義"
    assert frame.loc["1-1-1.1", "observed_value"] is None
