"""``fukuoka-dx show ID``: one pillar, promotion item, initiative or indicator."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from fukuoka_dx.cli.context import Context
from fukuoka_dx.cli.options import add_lang_option
from fukuoka_dx.errors import UsageError
from fukuoka_dx.model import RE_INDICATOR, RE_INITIATIVE, RE_PILLAR
from fukuoka_dx.report.queries import show_data
from fukuoka_dx.report.screens import show_lines

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    p = sub.add_parser("show", help="one pillar, promotion item, initiative or indicator")
    p.add_argument("id", help="e.g. 4, 4-17, 4-17-8 or 4-17-8.1")
    p.add_argument("--format", choices=("text", "json"), default="text")
    add_lang_option(p)
    p.set_defaults(command_run=lambda args, ctx: run(ctx, args.id, args.format))


def run(ctx: Context, id: str, fmt: str = "text") -> int:
    key = unicodedata.normalize("NFKC", id).strip()  # １-１-３ is 1-1-3
    if not (RE_PILLAR.match(key) or RE_INITIATIVE.match(key) or RE_INDICATOR.match(key)):
        raise UsageError(
            f"{key!r} is not an id: expected a pillar (4), promotion item (4-17), "
            f"initiative (4-17-8) or indicator (4-17-8.1)"
        )
    plan = ctx.plan()
    if fmt == "json":
        ctx.out.block(json.dumps(show_data(plan, key), ensure_ascii=False, indent=1))
    else:
        ctx.out.lines(show_lines(plan, key, ctx.lang, ctx.width))
    return 0
