"""``fukuoka-dx search [TEXT] [--bureau B] [--pillar P]``: initiatives by text and owner."""

from __future__ import annotations

import json
from typing import Any

from fukuoka_dx.cli.context import Context
from fukuoka_dx.cli.options import add_bom_option, add_lang_option
from fukuoka_dx.errors import UsageError
from fukuoka_dx.report.export import format_csv
from fukuoka_dx.report.queries import SEARCH_COLUMNS, search, search_rows
from fukuoka_dx.report.screens import search_lines

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    p = sub.add_parser("search", help="initiatives whose text contains TEXT (or of a bureau)")
    p.add_argument(
        "text",
        nargs="?",
        default=None,
        help="text to find (may be left out with --bureau or --pillar)",
    )
    p.add_argument("--bureau", help="Japanese or English bureau name, or a ward (東区)")
    p.add_argument("--pillar", help="pillar id, 1 to 5")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--output", "-o", help="file to write (default: standard output)")
    add_bom_option(p)
    add_lang_option(p)
    p.set_defaults(
        command_run=lambda args, ctx: run(
            ctx, args.text, bureau=args.bureau, pillar=args.pillar, fmt=args.format, bom=args.bom
        )
    )


def run(
    ctx: Context,
    text: str | None,
    *,
    bureau: str | None = None,
    pillar: str | None = None,
    fmt: str = "table",
    bom: bool = False,
) -> int:
    if bom and fmt != "csv":
        raise UsageError(f"--bom applies to CSV only, not to --format {fmt}")
    ctx.out.check_suffix(fmt if fmt != "table" else "text")
    given = (text or "").strip()
    if not given and bureau is None and pillar is None:
        raise UsageError("the search text is empty: give a text, or --bureau or --pillar")
    plan = ctx.plan()
    hits = search(plan, given, bureau=bureau, pillar=pillar)
    if fmt == "json":
        ctx.out.block(json.dumps(search_rows(hits), ensure_ascii=False, indent=1))
    elif fmt == "csv":
        ctx.out.block(format_csv(SEARCH_COLUMNS, search_rows(hits), bom=bom))
    else:
        ctx.out.lines(
            search_lines(plan, hits, given or (bureau or pillar or ""), ctx.lang, ctx.width)
        )
    return 0
