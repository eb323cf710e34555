"""``fukuoka-dx schedule [--fy FY]``: what every initiative does in a fiscal year."""

from __future__ import annotations

import json
from typing import Any

from fukuoka_dx.cli.context import Context
from fukuoka_dx.cli.options import add_bom_option, add_lang_option, fy_arg
from fukuoka_dx.errors import UsageError
from fukuoka_dx.fiscal_calendar import FiscalYear, today
from fukuoka_dx.report.export import format_csv
from fukuoka_dx.report.queries import SCHEDULE_YEAR_COLUMNS, schedule_year, schedule_year_rows
from fukuoka_dx.report.screens import schedule_lines

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    p = sub.add_parser("schedule", help="what every initiative does in a fiscal year")
    p.add_argument("--fy", type=fy_arg, help="fiscal year (R6, 令和6年度, FY2024, 2024)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--output", "-o", help="file to write (default: standard output)")
    add_bom_option(p)
    add_lang_option(p)
    p.set_defaults(command_run=lambda args, ctx: run(ctx, args.fy, fmt=args.format, bom=args.bom))


def run(
    ctx: Context, fy: FiscalYear | None = None, *, fmt: str = "table", bom: bool = False
) -> int:
    if bom and fmt != "csv":
        raise UsageError(f"--bom applies to CSV only, not to --format {fmt}")
    ctx.out.check_suffix(fmt if fmt != "table" else "text")
    plan = ctx.plan()
    year = ctx.in_plan(plan, fy or FiscalYear.from_date(today()))
    if fmt == "json":
        ctx.out.block(json.dumps(schedule_year(plan, year), ensure_ascii=False, indent=1))
    elif fmt == "csv":
        ctx.out.block(format_csv(SCHEDULE_YEAR_COLUMNS, schedule_year_rows(plan, year), bom=bom))
    else:
        ctx.out.lines(schedule_lines(plan, year, ctx.lang, ctx.width))
    return 0
