"""``fukuoka-dx diff OLD NEW``: what changed between two plan editions, each a packaged
edition's id or a JSON file of one's own."""

from __future__ import annotations

from typing import Any

from fukuoka_dx.cli.context import Context, plan_of
from fukuoka_dx.cli.options import add_bom_option, add_lang_option
from fukuoka_dx.cli.output import same_file
from fukuoka_dx.errors import UsageError
from fukuoka_dx.loading import read_crosswalk
from fukuoka_dx.report.diff import DIFF_FORMATS, render_diff

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    p = sub.add_parser(
        "diff", help="what changed between two plan editions (edition ids or JSON files)"
    )
    p.add_argument("old", help="the older edition: a packaged edition (2023-09) or a JSON file")
    p.add_argument("new", help="the newer edition: a packaged edition or a JSON file")
    p.add_argument(
        "--crosswalk",
        metavar="FILE",
        help="a crosswalk (JSON) saying where the old ids went (default: the new edition's "
        "own, when it maps from the old one)",
    )
    p.add_argument("--format", choices=DIFF_FORMATS, default="table")
    p.add_argument("--output", "-o", help="file to write (default: standard output)")
    add_bom_option(p)
    add_lang_option(p)
    p.set_defaults(
        command_run=lambda args, ctx: run(
            ctx, args.old, args.new, crosswalk=args.crosswalk, fmt=args.format, bom=args.bom
        )
    )


def run(
    ctx: Context,
    old: str,
    new: str,
    *,
    crosswalk: str | None = None,
    fmt: str = "table",
    bom: bool = False,
) -> int:
    if bom and fmt != "csv":
        raise UsageError(f"--bom applies to CSV only, not to --format {fmt}")
    ctx.out.check_suffix(fmt if fmt != "table" else "text")
    if ctx.out.path is not None:
        for given in (old, new, crosswalk):
            if given and same_file(ctx.out.path, given):
                raise UsageError(
                    f"--output {ctx.out.path} is a file read ({given}): choose another name"
                )
    before, after = plan_of(old), plan_of(new)
    walk = read_crosswalk(crosswalk) if crosswalk else None
    ctx.out.text(render_diff(before.diff(after, walk), fmt, ctx.lang, bom=bom, width=ctx.width))
    return 0
