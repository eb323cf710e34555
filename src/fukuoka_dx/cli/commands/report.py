"""``fukuoka-dx report FILE``: the one-file HTML progress report (the report extra)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fukuoka_dx.cli.context import Context
from fukuoka_dx.cli.options import (
    AssessOptions,
    add_assess_options,
    add_lang_option,
    assess_options,
)
from fukuoka_dx.cli.pipeline import read_and_assess
from fukuoka_dx.errors import UsageError

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    p = sub.add_parser("report", help="a one-file HTML progress report (the report extra)")
    p.add_argument("file", help="observations file (.csv, .json or .xlsx), or a round (round.json)")
    add_assess_options(p)
    p.add_argument("--output", "-o", help="the .html file to write (default: standard output)")
    p.add_argument(
        "--per-initiative",
        action="store_true",
        help="one printable page per initiative (個票), each with its schedule and every "
        "indicator in full",
    )
    add_lang_option(p)
    p.set_defaults(
        command_run=lambda args, ctx: run(
            ctx, assess_options(args), per_initiative=args.per_initiative
        )
    )


def run(ctx: Context, options: AssessOptions, *, per_initiative: bool = False) -> int:
    from fukuoka_dx.report.html import report_html

    path = ctx.out.path
    if path is not None and path.suffix.lower() not in (".html", ".htm"):
        raise UsageError(f"the report is HTML: give -o a .html name, not {str(path)!r}")
    plan = ctx.plan()
    assessed = read_and_assess(plan, options, ctx.out, lists_exclusions=True)
    html = report_html(
        assessed.assessment,
        lang=ctx.lang,
        observations_left_out=assessed.reading.rejected,
        progress=assessed.progress,
        sources=(Path(options.file).name,),
        per_initiative=per_initiative,
    )
    ctx.out.text(html)
    if ctx.out.path is not None:
        ctx.out.note("cli.wrote", path=ctx.out.path)
    return 0
