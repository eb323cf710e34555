"""Notebook display, pandas tables and the chart from Python."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from fukuoka_dx import Figure, MissingExtraError, Observation, Plan, assess


def _assessment(plan: Plan):  # type: ignore[no-untyped-def]
    return assess(plan, [Observation("1-1.1", 2024, Figure(60))], as_of=dt.date(2025, 6, 1))


def test_reprs_stay_short(plan: Plan) -> None:
    assert repr(plan).startswith("<Plan 2023-09") and len(repr(plan)) < 200
    assert (
        repr(plan.initiative("1-1-3"))
        == "<Initiative 1-1-3 引越しに係る行政手続きのオンラインサービス>"
    )
    assert repr(plan.indicator("1-1-3.1")).startswith("<Indicator 1-1-3.1")
    assert repr(_assessment(plan)).startswith("<Assessment 2023-09 as of 2025-06-01")


def test_html_tables(plan: Plan) -> None:
    for obj in (plan, plan.initiative("1-9-3"), plan.indicator("1-1-3.1"), _assessment(plan)):
        html = obj._repr_html_()
        assert html.count("<table>") >= 1 and "</table>" in html
    assert "&lt;対象手続&gt;" not in plan._repr_html_()
    assert "令和5年度" in plan.initiative("1-9-3")._repr_html_()


def test_to_pandas(plan: Plan) -> None:
    pytest.importorskip("pandas")
    df = plan.to_pandas()
    assert len(df) == len(plan.indicators) and df.columns[0] == "indicator_id"
    assert len(plan.to_pandas("schedule")) > len(plan.initiatives)
    adf = _assessment(plan).to_pandas()
    assert list(adf.columns)[7] == "status" and len(adf) == len(plan.indicators)
    assert list(adf.columns)[8:] == [
        "name", "unit", "reason", "pace", "projected", "required_pace", "on_course", "grade",
        "source", "note",
    ]  # fmt: skip
    assert str(adf["observed_fy"].dtype) == "Int64"


def test_missing_pandas_names_the_extra(plan: Plan, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r"fukuoka-dx\[pandas\]"):
        plan.to_pandas()


def test_chart_figure(plan: Plan, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("matplotlib")
    from fukuoka_dx.report.chart import achievement_chart, japanese_font_available, save_chart

    fig = achievement_chart(_assessment(plan), plan, lang="ja")
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["1-1.1 オンライン利用率(%) (オンライン利用件…"]
    fig_en = achievement_chart(_assessment(plan), plan, japanese=False)
    (label,) = [t.get_text() for t in fig_en.axes[0].get_yticklabels()]
    assert label.startswith("1-1.1 Online usage rate (%)")
    assert japanese_font_available()
    svg = save_chart(_assessment(plan), plan, tmp_path / "c.svg")
    assert svg.read_text().lstrip().startswith("<?xml")
