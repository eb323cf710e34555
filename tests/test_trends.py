"""Progress over time and evaluation schemes: the plan's own cases and the laws."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from fukuoka_dx import (
    Figure,
    FiscalYear,
    InvalidValueError,
    Observation,
    assess,
    from_json,
    load_plan,
    read_observations,
    to_json,
)
from fukuoka_dx.cli import main
from fukuoka_dx.model import TargetColumn
from fukuoka_dx.progress import (
    ABCD,
    BASELINE,
    SCHEMES,
    STANDARD,
    Band,
    Scheme,
    SchemeKind,
    Status,
    evaluate,
    read_scheme,
    trajectory,
)
from fukuoka_dx.progress.schemes import NO_RATE_STATUSES, NoRateLabel
from fukuoka_dx.report.screens import trend_lines

PLAN = load_plan()
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "observations-multi-year.csv"


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), stdout=out, stderr=err), out.getvalue(), err.getvalue()


# -- the plan's own cases ---------------------------------------------------------------------


def test_the_worked_example_of_an_increasing_count() -> None:
    """1-1-3.1: 5,739 in FY2022 → 25,000 in FY2026, with 10,000 and 15,000 observed."""
    observations = [Observation("1-1-3.1", 2023, 10000), Observation("1-1-3.1", 2024, 15000)]
    r = assess(PLAN, observations, as_of="2025-06-30").result("1-1-3.1")
    t = r.trajectory
    assert t is not None and r.target is TargetColumn.FINAL
    assert [(p.fiscal_year.year, p.value, p.change, p.baseline) for p in t.points] == [
        (2022, 5739.0, None, True),
        (2023, 10000.0, 4261.0, False),
        (2024, 15000.0, 5000.0, False),
    ]
    assert t.pace == pytest.approx(4630.5)
    assert t.projected == pytest.approx(24137.833, abs=1e-3)
    assert t.required_pace == pytest.approx(5000.0)
    assert t.on_course is False


def test_the_example_file_over_three_years() -> None:
    a = assess(PLAN, read_observations(EXAMPLE, PLAN).observations, as_of="2026-03-31")
    decreasing = a.result("1-3-5.1").trajectory  # 8.9 → 7 %, a decreasing rate
    assert decreasing is not None and decreasing.pace is not None and decreasing.pace < 0
    assert decreasing.required_pace == pytest.approx(-0.9)  # (7 − 7.9) / 1
    assert decreasing.on_course is False  # projected 7.55 % is above 7 %
    ceiling = a.result("4-17-2.3")  # 64.2 → 65.6 at most: lower is better
    assert ceiling.status is Status.ACHIEVED  # 65.3 is within the ceiling
    assert ceiling.trajectory is not None and ceiling.trajectory.on_course is False
    increase = a.result("1-15.1").trajectory  # a 増加 target: no figure to reach
    assert increase is not None and increase.pace == pytest.approx(205.0)
    assert increase.required_pace is None and increase.on_course is None
    assert any("not a figure" in str(reason) for reason in increase.reasons)
    count = a.result("2-3-2.1").trajectory  # 3,302 → 1,000, a decreasing count
    assert count is not None and count.on_course is False
    assert count.projected == pytest.approx(1539.0)  # 2,658 − 447.6 × 2.5


def test_absent_values_say_why() -> None:
    lone = assess(PLAN, [Observation("5-7.1", 2023, 20)], as_of="2024-06-30").result("5-7.1")
    t = lone.trajectory  # 5-7.1's baseline is not comparable: one point only
    assert t is not None and t.pace is None and t.projected is None and t.on_course is None
    assert any("no comparable baseline" in str(r) for r in t.reasons)
    assert any("a pace needs two fiscal years" in str(r) for r in t.reasons)
    assert [r.code.value for r in t.reasons] == ["no_baseline", "too_few_points"]
    assert any("2年度以上" in r.text("ja") for r in t.reasons)


def test_trend_command_on_the_example() -> None:
    code, out, _ = cli("trend", str(EXAMPLE), "1-1-3.1", "--as-of", "2026-03-31")
    assert code == 0
    assert "令和7年度 (FY2025)  19,200  +4,200" in out
    assert "pace: 4,538.3 applications per year (least squares over 4 points)" in out
    assert "on course: no" in out and "required pace from the latest point: 5,800" in out
    assert cli("trend", str(EXAMPLE), "9-9.1")[0] == 2


def test_trend_lines_in_japanese() -> None:
    a = assess(PLAN, read_observations(EXAMPLE, PLAN).observations, as_of="2026-03-31")
    ind = PLAN.indicator("1-1-3.1")
    lines = trend_lines(ind, a.result(ind.id), a.as_of, "ja")
    assert lines[1] == "  最終目標 25,000 件 (令和8年度); 2026-03-31 時点; やや遅れ"
    assert "年平均の伸び: 4,538.3 件 (最小二乗法、4点)" in lines
    assert "最新値から目標までに必要な伸び: 5,800 件/年" in lines
    assert "達成見込み: 見込みなし" in lines


def test_progress_csv_and_json_carry_trajectories_and_grades(tmp_path: Path) -> None:
    code, out, _ = cli(
        "progress", str(EXAMPLE), "--as-of", "2026-03-31", "--format", "csv", "--scheme", "abcd"
    )
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split(",")[8:] == [
        "name", "unit", "reason", "pace", "projected", "required_pace", "on_course", "grade",
        "source", "note",
    ]  # fmt: skip
    row = next(r for r in rows if r.startswith("1-1-3.1,"))
    assert row.endswith(",false,B,ILLUSTRATIVE,illustrative figure - not a real result")
    code, out, _ = cli("progress", str(EXAMPLE), "--as-of", "2026-03-31", "--format", "json")
    data = json.loads(out)
    result = next(r for r in data["results"] if r["indicator_id"] == "1-1-3.1")
    assert [p["value"] for p in result["trajectory"]["points"]] == [5739, 10000, 15000, 19200]
    toml = tmp_path / "council.toml"
    toml.write_text('[[band]]\nlabel = "◎"\nmin = 1.0\n[[band]]\nlabel = "△"\n', "utf-8")
    code, out, _ = cli("progress", str(EXAMPLE), "--as-of", "2026-03-31", "--scheme", str(toml))
    assert code == 0 and "grades (council (◎ ≥ 1, △ below))" in out
    assert cli("progress", str(EXAMPLE), "--scheme", "xyz")[0] == 2


def test_the_abcd_and_baseline_grades_of_the_plan() -> None:
    observations = read_observations(EXAMPLE, PLAN).observations
    a = assess(PLAN, observations, as_of="2026-03-31", scheme="abcd")
    grades = {r.indicator_id: r.grade for r in a.results if r.observation is not None}
    r = a.result("1-1-3.1")  # R = 0.699 / 0.75 = 0.93: B
    assert r.ratio == pytest.approx(13461 / 19261 / 0.75) and grades["1-1-3.1"] == "B"
    assert grades["4-17-2.3"] == "B"  # achieved, without a rate
    assert dict(a.overall.grades)["-"] == len(PLAN.indicators) - len(grades)
    b = assess(PLAN, observations, as_of="2026-03-31", scheme=BASELINE)
    assert {r.indicator_id: r.grade for r in b.results if r.observation} == {
        "1-1-3.1": "A",  # better than the baseline
        "1-3-5.1": "A",  # lower than the baseline, and lower is better
        "2-3-2.1": "A",
        "4-17-2.3": "S",  # the (ceiling) target is met
        "1-15.1": "S",
    }
    worse = assess(PLAN, [Observation("1-1-3.1", 2025, 5500)], as_of="2026-03-31", scheme=BASELINE)
    assert worse.result("1-1-3.1").grade == "B"  # 4 % below the baseline: within 10 %
    worse = assess(PLAN, [Observation("1-1-3.1", 2025, 5000)], as_of="2026-03-31", scheme=BASELINE)
    assert worse.result("1-1-3.1").grade == "C"


# -- laws -------------------------------------------------------------------------------------

IND = PLAN.indicator("1-1-3.1")  # an increasing count with a baseline figure in FY2022


@given(
    st.floats(-5000, 5000, allow_nan=False),
    st.lists(st.integers(2023, 2026), min_size=1, max_size=4, unique=True),
)
def test_points_on_a_line_project_onto_it(slope: float, years: list[int]) -> None:
    b = 5739.0
    observations = [Observation(IND.id, y, Figure(b + slope * (y - 2022))) for y in years]
    t = trajectory(IND, observations, target_fy=FiscalYear(2026), target=25000.0, increasing=True)
    assert t.pace == pytest.approx(slope, abs=1e-6)
    assert t.projected == pytest.approx(b + slope * 4, abs=1e-6)
    if len(years) == 1:  # one observation: (latest − baseline) / years elapsed
        (y,) = years
        assert t.pace == pytest.approx((observations[0].value.value - b) / (y - 2022))  # type: ignore[union-attr]


@given(
    st.lists(
        st.tuples(st.integers(2021, 2026), st.integers(0, 10**6)),
        min_size=1,
        max_size=6,
        unique_by=lambda t: t[0],
    ),
    st.randoms(),
)
def test_pace_and_projection_ignore_order_and_mirror(
    rows: list[tuple[int, int]], rnd: random.Random
) -> None:
    observations = [Observation(IND.id, y, Figure(v)) for y, v in rows]
    shuffled = observations[:]
    rnd.shuffle(shuffled)
    kw = {"target_fy": FiscalYear(2026), "target": 25000.0}
    a = trajectory(IND, observations, increasing=True, **kw)  # type: ignore[arg-type]
    b = trajectory(IND, shuffled, increasing=True, **kw)  # type: ignore[arg-type]
    assert (a.pace, a.projected, a.required_pace, a.on_course) == (
        b.pace, b.projected, b.required_pace, b.on_course
    )  # fmt: skip
    # mirrored (every value v as -v, a decreasing indicator): pace and projection mirror
    mirrored = [Observation(IND.id, o.fiscal_year, Figure(-o.value.value)) for o in observations]  # type: ignore[union-attr]
    m = trajectory(
        IND,
        mirrored,
        target_fy=FiscalYear(2026),
        target=-25000.0,
        increasing=False,
        baseline=-5739.0,
    )
    assert (m.pace is None) == (a.pace is None)
    if a.pace is not None and m.pace is not None and a.projected is not None:
        assert m.pace == pytest.approx(-a.pace) and m.projected == pytest.approx(-a.projected)
        assert m.on_course == a.on_course


@given(st.integers(2023, 2026), st.integers(25000, 60000), st.integers(0, 24999))
def test_a_met_target_never_grades_below_an_unmet_one(fy: int, met: int, unmet: int) -> None:
    grades = []
    for value in (met, unmet):
        r = evaluate(IND, Observation(IND.id, fy, value), TargetColumn.FINAL)
        grades.append(ABCD.grade(r, IND))
    order = ABCD.labels
    assert order.index(grades[0]) <= order.index(grades[1])


@given(st.integers(2023, 2026), st.integers(0, 60000), st.integers(0, 60000))
def test_grades_are_monotone_in_the_progress_ratio(fy: int, x: int, y: int) -> None:
    lo, hi = sorted((x, y))
    for scheme in (*SCHEMES.values(), read_scheme(ABCD.to_toml(), name="again")):
        results = [evaluate(IND, Observation(IND.id, fy, v), TargetColumn.FINAL) for v in (lo, hi)]
        assume(all(r.ratio is not None for r in results))
        order = scheme.labels
        g_lo, g_hi = (order.index(scheme.grade(r, IND)) for r in results)
        if scheme.kind is not SchemeKind.STATUS:
            assert g_hi <= g_lo  # the higher ratio: the same grade or a better one


bands = st.lists(
    st.tuples(st.text("ABCDEFG◎○△×", min_size=1, max_size=3), st.integers(-300, 300)),
    min_size=1,
    max_size=5,
    unique_by=(lambda t: t[0], lambda t: t[1]),
)


@given(bands, st.dictionaries(st.sampled_from(NO_RATE_STATUSES), st.sampled_from("◎△-×")))
def test_a_custom_scheme_round_trips_through_toml_and_json(
    raw: list[tuple[str, int]], no_rate: dict[Status, str]
) -> None:
    ordered = sorted(raw, key=lambda t: -t[1])
    assume(len({label for label, _ in ordered}) == len(ordered))
    scheme = Scheme(
        "mine",
        SchemeKind.BANDS,
        (*(Band(label, m / 100) for label, m in ordered[:-1]), Band(ordered[-1][0])),
        tuple(NoRateLabel(s, label) for s, label in no_rate.items()),
    )
    assert read_scheme(scheme.to_toml(), name="mine") == scheme
    assert from_json(to_json(scheme), Scheme) == scheme
    assert str(scheme).startswith("mine (")


def test_bands_that_overlap_or_are_out_of_order_are_refused_by_name() -> None:
    unordered = (
        '[[band]]\nlabel = "B"\nmin = 0.8\n[[band]]\nlabel = "A"\nmin = 1.1\n'
        '[[band]]\nlabel = "C"\n'
    )
    with pytest.raises(InvalidValueError, match=r"band 'A': min 1\.1 overlaps or is above"):
        read_scheme(unordered)
    overlap = (
        '[[band]]\nlabel = "A"\nmin = 1\n[[band]]\nlabel = "B"\nmin = 1\n[[band]]\nlabel = "C"\n'
    )
    with pytest.raises(InvalidValueError, match="band 'B'"):
        read_scheme(overlap)
    with pytest.raises(InvalidValueError, match="band 'C': the last band has no min"):
        read_scheme('[[band]]\nlabel = "A"\nmin = 1\n[[band]]\nlabel = "C"\nmin = 0\n')
    with pytest.raises(InvalidValueError, match="on_track always has a rate"):
        read_scheme('[[band]]\nlabel = "A"\n[no_rate]\non_track = "x"\n')
    with pytest.raises(InvalidValueError, match="unknown key"):
        read_scheme('[[band]]\nlabel = "A"\nmax = 2\n')


def test_schemes_are_values() -> None:
    assert Scheme("standard", SchemeKind.STATUS) == STANDARD and ABCD != BASELINE
    assert from_json(to_json(ABCD), Scheme) == ABCD
    assert str(ABCD) == "abcd (A ≥ 1.1, B ≥ 0.8, C ≥ 0.5, D below)"
    assert ABCD.labels == ("A", "B", "C", "D", "-")


def test_trend_chart(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    chart = tmp_path / "trend.png"
    code, _, err = cli(
        "trend", str(EXAMPLE), "1-1-3.1", "--as-of", "2026-03-31", "--chart", str(chart)
    )
    assert code == 0 and chart.read_bytes().startswith(b"\x89PNG") and "chart written" in err
    code, out, err = cli("trend", str(EXAMPLE), "1-1-3.1", "--chart", "/nonexistent/t.png")
    assert code == 2 and out == "" and "does not exist" in err
