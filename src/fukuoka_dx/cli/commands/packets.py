"""``fukuoka-dx packets --fy R7 -o DIR``: one workbook per bureau (所管) for a reporting
round, each holding only that bureau's indicators and initiatives (the excel extra)."""

from __future__ import annotations

from typing import Any

from fukuoka_dx.cli.context import Context
from fukuoka_dx.cli.options import fy_arg
from fukuoka_dx.errors import UsageError
from fukuoka_dx.fiscal_calendar import FiscalYear
from fukuoka_dx.observations.files import read_observations
from fukuoka_dx.observations.values import Observation
from fukuoka_dx.words import Lang

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    p = sub.add_parser(
        "packets", help="one workbook per bureau to fill in for a reporting round (excel extra)"
    )
    p.add_argument("--fy", type=fy_arg, required=True, help="the round's fiscal year (R7, …)")
    p.add_argument("--output", "-o", required=True, help="the folder to write the packets in")
    p.add_argument(
        "--previous",
        metavar="FILE",
        help="figures of earlier years to show beside the cells (observations or a round)",
    )
    p.add_argument(
        "--bureau",
        action="append",
        metavar="NAME",
        help="only this bureau's packet (Japanese or English name; may be repeated)",
    )
    p.add_argument(
        "--lang",
        choices=[lang.value for lang in Lang],
        help="language of the packets' headers and lists (default: ja)",
    )
    p.set_defaults(
        command_run=lambda args, ctx: run(
            ctx,
            args.fy,
            previous=args.previous,
            bureaus=tuple(args.bureau or ()),
            packet_lang=Lang(args.lang or args.global_lang or Lang.JA),
        )
    )


def run(
    ctx: Context,
    fy: FiscalYear,
    *,
    previous: str | None = None,
    bureaus: tuple[str, ...] = (),
    packet_lang: Lang = Lang.JA,
) -> int:
    from fukuoka_dx.report.packets import packet_bureaus, packet_name, packet_workbook

    plan = ctx.plan()
    ctx.in_plan(plan, fy, "--fy")
    chosen = packet_bureaus(plan)
    if bureaus:
        try:
            named = {plan.bureau(name) for name in bureaus}
        except KeyError as exc:
            raise UsageError(f"--bureau: {exc}") from None
        chosen = tuple(b for b in chosen if b in named)
    earlier: tuple[Observation, ...] = ()
    if previous is not None:
        read = read_observations(previous, plan, skip_empty=True)
        earlier = tuple(o for o in read.observations if o.fiscal_year < fy)
        later = len(read.observations) - len(earlier)
        if later:
            ctx.out.note("cli.previous_not_shown", n=later, file=previous, fy=fy)
    files = {
        packet_name(b): packet_workbook(plan, b, fy, previous=earlier, lang=packet_lang)
        for b in chosen
    }
    ctx.out.files(files)
    return 0
