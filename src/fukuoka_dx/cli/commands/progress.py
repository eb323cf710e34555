"""``fukuoka-dx progress FILE``: observed figures assessed against the targets, as a table,
CSV, JSON, a workbook or a roll-up of one level."""

from __future__ import annotations

import json
from typing import Any

from fukuoka_dx.cli.context import Context
from fukuoka_dx.cli.options import (
    AssessOptions,
    add_assess_options,
    add_bom_option,
    add_lang_option,
    assess_options,
)
from fukuoka_dx.cli.pipeline import read_and_assess
from fukuoka_dx.errors import UsageError
from fukuoka_dx.report.export import format_csv
from fukuoka_dx.report.results import (
    RESULT_COLUMNS,
    ROLLUP_COLUMNS,
    Level,
    result_rows,
    rollup_rows,
    rounded_rows,
)
from fukuoka_dx.report.rounds import round_result_rows, round_rollup_rows
from fukuoka_dx.report.screens import progress_lines, rollup_lines, round_lines
from fukuoka_dx.serialization import to_json

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    p = sub.add_parser("progress", help="assess observed figures against the targets")
    p.add_argument("file", help="observations file (.csv, .json or .xlsx), or a round (round.json)")
    add_assess_options(p)
    p.add_argument(
        "--format",
        choices=("table", "csv", "json", "xlsx"),
        default="table",
        help="default: table (xlsx: a workbook, with -o FILE; the excel extra)",
    )
    p.add_argument("--output", "-o", help="file to write (default: standard output)")
    p.add_argument(
        "--chart",
        help="also draw a chart to this .png, .svg or .pdf file, of the indicators or of the "
        "--by level, in --lang (plot extra)",
    )
    p.add_argument("--all", action="store_true", help="table: show indicators with no data")
    p.add_argument(
        "--by",
        choices=[level.value for level in Level],
        help="the roll-up of one level instead of the indicators",
    )
    add_bom_option(p)
    add_lang_option(p)
    p.set_defaults(
        command_run=lambda args, ctx: run(
            ctx,
            assess_options(args),
            fmt=args.format,
            by=Level(args.by) if args.by else None,
            show_all=args.all,
            chart=args.chart,
            bom=args.bom,
        )
    )


def _check(
    ctx: Context, fmt: str, by: Level | None, show_all: bool, chart: str | None, bom: bool
) -> None:
    """Refuse, before any output, what cannot be done or does not apply."""
    if show_all and by:
        raise UsageError("--all applies to the indicators table, not to --by")
    if show_all and fmt != "table":
        raise UsageError(f"--all applies to the table only, not to --format {fmt}")
    if bom and fmt != "csv":
        raise UsageError(f"--bom applies to CSV only, not to --format {fmt}")
    if fmt == "xlsx" and (ctx.out.path is None or by or bom):
        raise UsageError(
            "--format xlsx writes a workbook of every level: give -o FILE.xlsx, "
            "and no --by or --bom"
        )
    ctx.out.check_suffix(fmt if fmt != "table" else "text")
    ctx.out.check_other(chart, "--chart")
    if chart is not None:
        from fukuoka_dx.report.chart import chart_path

        chart_path(chart)


def run(
    ctx: Context,
    options: AssessOptions,
    *,
    fmt: str = "table",
    by: Level | None = None,
    show_all: bool = False,
    chart: str | None = None,
    bom: bool = False,
) -> int:
    _check(ctx, fmt, by, show_all, chart, bom)
    plan = ctx.plan()
    assessed = read_and_assess(plan, options, ctx.out, lists_exclusions=fmt == "json")
    assessment, of_round = assessed.assessment, assessed.progress
    if fmt == "xlsx":
        from fukuoka_dx.report.excel import results_workbook

        ctx.out.binary(results_workbook(assessment, lang=ctx.lang, progress=of_round))
    elif by is not None:
        columns, rows = ROLLUP_COLUMNS, rollup_rows(assessment, by)
        if of_round is not None:  # the schedule's progress and the returns, after the counts
            columns, rows = round_rollup_rows(of_round, by, rows)
        if fmt == "csv":
            ctx.out.text(format_csv(columns, rounded_rows(rows), bom=bom))
        elif fmt == "json":
            ctx.out.text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        else:
            ctx.out.lines(rollup_lines(assessment, by, ctx.lang, of_round, width=ctx.width))
    elif fmt == "csv":
        columns, rows = RESULT_COLUMNS, result_rows(assessment)
        if of_round is not None:  # the bureaus' words on each figure, after the results
            columns, rows = round_result_rows(of_round, rows)
        ctx.out.text(format_csv(columns, rounded_rows(rows), bom=bom))
    elif fmt == "json":
        ctx.out.text(to_json(of_round if of_round is not None else assessment, indent=1) + "\n")
    else:
        lines = progress_lines(assessment, ctx.lang, no_data=show_all, width=ctx.width)
        if of_round is not None:
            lines += round_lines(of_round, ctx.lang, width=ctx.width)
        ctx.out.lines(lines)
    if chart is not None:
        from fukuoka_dx.report.chart import save_chart

        save_chart(assessment, None, chart, lang=ctx.lang, level=by)
        ctx.out.note("cli.chart_written", path=chart)
    return 0
