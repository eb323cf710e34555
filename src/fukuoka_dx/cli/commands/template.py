"""``fukuoka-dx template``: an observations file to fill in, CSV or an Excel workbook, with a
row per indicator assessable in the fiscal year (``progress --template`` is its alias)."""

from __future__ import annotations

from typing import Any

from fukuoka_dx.cli.context import Context, outside_plan
from fukuoka_dx.cli.options import add_bom_option, add_lang_option, date_arg, fy_arg
from fukuoka_dx.errors import UsageError
from fukuoka_dx.fiscal_calendar import FiscalYear, today
from fukuoka_dx.model import TargetColumn
from fukuoka_dx.report.observation_template import template_csv

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    p = sub.add_parser("template", help="an observations template to fill in (CSV or xlsx)")
    p.add_argument("--fy", type=fy_arg, help="fiscal year of the rows (default: that of --as-of)")
    p.add_argument("--as-of", type=date_arg, help="date whose fiscal year to use (default: today)")
    p.add_argument("--target", choices=("midterm", "final"), help="default: in force at year end")
    p.add_argument(
        "--format", choices=("csv", "xlsx"), default="csv", help="xlsx: a workbook (excel extra)"
    )
    p.add_argument("--output", "-o", help="file to write (default: standard output; a new file)")
    add_bom_option(p)
    add_lang_option(p)
    p.set_defaults(
        command_run=lambda args, ctx: run(
            ctx,
            args.fy,
            as_of_fy=FiscalYear.from_date(args.as_of) if args.as_of else None,
            target=TargetColumn(args.target) if args.target else None,
            fmt=args.format,
            bom=args.bom,
        )
    )


def run(
    ctx: Context,
    fy: FiscalYear | None = None,
    *,
    as_of_fy: FiscalYear | None = None,
    target: TargetColumn | None = None,
    fmt: str = "csv",
    bom: bool = False,
) -> int:
    ctx.out.check_new()
    ctx.out.check_suffix(fmt)
    if fmt == "xlsx" and (ctx.out.path is None or bom):
        raise UsageError("--format xlsx writes a workbook: give -o FILE.xlsx (and no --bom)")
    plan = ctx.plan()
    if fy is not None:
        ctx.in_plan(plan, fy, "--fy")
    year = fy or as_of_fy or FiscalYear.from_date(today())
    if fy is None and not plan.first_year <= year <= plan.last_year:
        raise UsageError(f"{outside_plan(plan, year)}: give --fy")
    if fmt == "xlsx":
        from fukuoka_dx.report.excel import template_workbook

        ctx.out.binary(template_workbook(plan, year, target, ctx.lang))
    else:
        ctx.out.text(template_csv(plan, year, target, bom=bom))
    return 0
