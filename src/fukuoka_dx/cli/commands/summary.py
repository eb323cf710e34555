"""``fukuoka-dx summary``: the plan, today's fiscal year, counts, this year's work."""

from __future__ import annotations

import argparse
from typing import Any

import pendulum

from fukuoka_dx.cli.context import Context
from fukuoka_dx.cli.options import add_lang_option, date_arg
from fukuoka_dx.fiscal_calendar import today
from fukuoka_dx.report.screens import summary_lines

__all__ = ["from_args", "register", "run"]


def register(sub: Any) -> None:
    p = sub.add_parser("summary", help="the plan, today's fiscal year, counts, this year's work")
    p.add_argument("--as-of", type=date_arg, help="date to report for (default: today, JST)")
    p.add_argument("--bureaus", action="store_true", help="also the initiatives per bureau")
    p.add_argument("--kinds", action="store_true", help="also the indicators per target kind")
    p.add_argument("--activities", action="store_true", help="also every activity this year")
    add_lang_option(p)
    p.set_defaults(command_run=from_args)


def from_args(args: argparse.Namespace, ctx: Context) -> int:
    return run(
        ctx,
        as_of=getattr(args, "as_of", None),
        bureaus=getattr(args, "bureaus", False),
        kinds=getattr(args, "kinds", False),
        activities=getattr(args, "activities", False),
    )


def run(
    ctx: Context,
    *,
    as_of: pendulum.Date | None = None,
    bureaus: bool = False,
    kinds: bool = False,
    activities: bool = False,
) -> int:
    lines = summary_lines(
        ctx.plan(),
        as_of or today(),
        ctx.lang,
        bureaus=bureaus,
        kinds=kinds,
        activities=activities,
        width=ctx.width,
    )
    ctx.out.lines(lines)
    return 0
