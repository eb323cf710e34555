"""``fukuoka-dx trend FILE INDICATOR``: one indicator over the years: points, pace, projection."""

from __future__ import annotations

from typing import Any

from fukuoka_dx.cli.context import Context
from fukuoka_dx.cli.options import (
    AssessOptions,
    add_assess_options,
    add_lang_option,
    assess_options,
)
from fukuoka_dx.cli.pipeline import read_and_assess
from fukuoka_dx.report.screens import trend_lines

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    p = sub.add_parser("trend", help="one indicator over the years: points, pace, projection")
    p.add_argument("file", help="observations file (.csv, .json or .xlsx), or a round (round.json)")
    p.add_argument("indicator", help="indicator id, e.g. 1-1-3.1")
    add_assess_options(p)
    p.add_argument("--chart", help="also draw the trajectory to a .png, .svg or .pdf file")
    add_lang_option(p)
    p.set_defaults(
        command_run=lambda args, ctx: run(
            ctx, assess_options(args), args.indicator, chart=args.chart
        )
    )


def run(
    ctx: Context, options: AssessOptions, indicator_id: str, *, chart: str | None = None
) -> int:
    plan = ctx.plan()
    indicator = plan.indicator(indicator_id)
    ctx.out.check_other(chart, "--chart")
    if chart is not None:
        from fukuoka_dx.report.chart import chart_path

        chart_path(chart)
    assessment = read_and_assess(plan, options, ctx.out).assessment
    result = assessment.result(indicator.id)
    ctx.out.lines(trend_lines(indicator, result, assessment.as_of, ctx.lang, ctx.width))
    if chart is not None:
        from fukuoka_dx.report.chart import save_figure, trend_chart

        assert result.trajectory is not None  # assess sets one for every indicator
        save_figure(trend_chart(result.trajectory, indicator, lang=ctx.lang), chart)
        ctx.out.note("cli.chart_written", path=chart)
    return 0
