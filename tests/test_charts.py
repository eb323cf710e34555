"""Charts: every indicator judged is drawn (those without a rate too), words follow the
language, ``--by`` draws its level, and fiscal years are labelled as fiscal years."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from fukuoka_dx import assess, load_plan, read_observations
from fukuoka_dx.cli import main
from fukuoka_dx.progress.assessment import JUDGED

pytest.importorskip("matplotlib")

from fukuoka_dx.report.chart import achievement_chart, rollup_chart, trend_chart

ROOT = Path(__file__).resolve().parent.parent
MULTI = ROOT / "examples" / "observations-multi-year.csv"
PLAN = load_plan()


@pytest.fixture(scope="module")
def assessment() -> Any:
    return assess(PLAN, read_observations(MULTI, PLAN).observations, as_of="2026-03-31")


def _labels(fig: Any, axis: str = "y") -> list[str]:
    ax = fig.axes[0]
    ticks = ax.get_yticklabels() if axis == "y" else ax.get_xticklabels()
    return [t.get_text() for t in ticks]


def _texts(fig: Any) -> list[str]:
    return [t.get_text() for t in fig.axes[0].texts]


def test_every_judged_indicator_has_a_bar_with_or_without_a_rate(assessment: Any) -> None:
    judged = [r.indicator_id for r in assessment.results if r.status in JUDGED]
    without = [
        r.indicator_id for r in assessment.results if r.status in JUDGED and r.achievement is None
    ]
    assert set(without) == {"1-15.1", "4-17-2.3"}  # achieved by a rule and a ceiling
    fig = achievement_chart(assessment, lang="en")
    assert [label.split()[0] for label in _labels(fig)] == judged
    assert _texts(fig).count("no rate") == len(without)
    hatched = [p for p in fig.axes[0].patches if p.get_hatch()]
    assert len(hatched) == len(without)


def test_the_words_follow_the_language(assessment: Any, tmp_path: Path) -> None:
    ja, en = achievement_chart(assessment, lang="ja"), achievement_chart(assessment, lang="en")
    assert _labels(ja)[0] == "1-1-3.1 サービスの利用申込数(件)"
    assert _labels(en)[0].startswith("1-1-3.1 Number of applications")
    assert "達成率" in ja.axes[0].get_xlabel() and "achievement" in en.axes[0].get_xlabel()
    assert "率なし" in _texts(ja)
    drawn = {}
    for lang in ("ja", "en"):
        out = tmp_path / f"chart-{lang}.png"
        args = ["progress", str(MULTI), "--as-of", "2026-03-31", "--chart", str(out)]
        assert main([*args, "--lang", lang], stdout=io.StringIO(), stderr=io.StringIO()) == 0
        drawn[lang] = out.read_bytes()
    assert drawn["ja"] != drawn["en"]


@pytest.mark.parametrize(
    ("level", "groups"), [("pillar", 5), ("promotion-item", 54), ("bureau", 24)]
)
def test_by_draws_every_group_of_its_level(
    assessment: Any, tmp_path: Path, level: str, groups: int
) -> None:
    fig = rollup_chart(assessment, level, lang="ja")
    assert len(_labels(fig)) == groups
    out = tmp_path / f"{level}.svg"
    args = ["progress", str(MULTI), "--as-of", "2026-03-31", "--by", level, "--chart", str(out)]
    assert main([*args, "--lang", "ja"], stdout=io.StringIO(), stderr=io.StringIO()) == 0
    svg = out.read_text("utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg


def test_the_trend_chart_labels_fiscal_years_one_tick_a_year(assessment: Any) -> None:
    result = assessment.result("1-3-5.1")
    ind = PLAN.indicator("1-3-5.1")
    ja = trend_chart(result.trajectory, ind, lang="ja")
    assert _labels(ja, "x") == [
        "令和4年度\nFY2022",
        "令和5年度\nFY2023",
        "令和6年度\nFY2024",
        "令和7年度\nFY2025",
        "令和8年度\nFY2026",
    ]
    en = trend_chart(result.trajectory, ind, lang="en")
    assert _labels(en, "x") == ["FY2022", "FY2023", "FY2024", "FY2025", "FY2026"]
    assert en.axes[0].get_xlabel() == "fiscal year" and ja.axes[0].get_xlabel() == "年度"
    legend = [t.get_text() for t in en.legends[0].get_texts()]
    assert "projection (pace -0.35 points per year)" in legend
    assert "target 7 (FY2026)" in legend
    # the legend is below the axes: never over a point or the axis label
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(en)
    canvas.draw()
    fig_box = en.legends[0].get_window_extent(canvas.get_renderer())
    axes_box = en.axes[0].xaxis.get_tightbbox(canvas.get_renderer())
    assert fig_box.y1 <= axes_box.y0
