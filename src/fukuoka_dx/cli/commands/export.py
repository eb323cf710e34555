"""``fukuoka-dx export TABLE``: a table of the plan, the plan as a Data Package, a JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fukuoka_dx.cli.context import Context
from fukuoka_dx.cli.options import add_bom_option
from fukuoka_dx.errors import UsageError
from fukuoka_dx.report.export import Table, format_csv, format_json, table_rows

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    p = sub.add_parser(
        "export",
        help="a table of the plan, the plan as a Data Package (datapackage -o DIR), or a JSON "
        "Schema (schema plan|observations)",
    )
    p.add_argument("table", choices=[*(t.value for t in Table), "datapackage", "schema"])
    p.add_argument("what", nargs="?", help="export schema: plan or observations")
    p.add_argument("--format", choices=("csv", "json"), help="default: csv")
    p.add_argument("--output", "-o", help="file to write (default: standard output)")
    add_bom_option(p)
    p.set_defaults(
        command_run=lambda args, ctx: run(ctx, args.table, args.what, fmt=args.format, bom=args.bom)
    )


def run(
    ctx: Context, table: str, what: str | None = None, *, fmt: str | None = None, bom: bool = False
) -> int:
    if table == "schema":
        return _schema(ctx, what, format_given=fmt is not None, bom=bom)
    if what is not None:
        raise UsageError(f"export {table} takes no {what!r}: only export schema does")
    chosen = fmt or "csv"
    if bom and chosen != "csv":
        raise UsageError(f"--bom applies to CSV only, not to --format {chosen}")
    plan = ctx.plan()
    if table == "datapackage":
        return _datapackage(ctx, format_given=fmt is not None and fmt != "csv", bom=bom)
    ctx.out.check_suffix(chosen)
    columns, rows = table_rows(plan, table)
    if chosen == "json":
        ctx.out.text(format_json(columns, rows) + "\n")
    else:
        ctx.out.text(format_csv(columns, rows, bom=bom))
    return 0


def _datapackage(ctx: Context, *, format_given: bool, bom: bool) -> int:
    """``export datapackage -o DIR``: the plan as a Frictionless Data Package."""
    from fukuoka_dx.report.opendata import write_datapackage

    folder = ctx.out.path
    if folder is None:
        raise UsageError("export datapackage writes a folder: give it with -o DIR")
    if format_given or bom:
        raise UsageError("export datapackage writes CSV without a BOM: leave out --format/--bom")
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file, not a folder")
    try:
        written = write_datapackage(ctx.plan(), Path(folder))
    except OSError as exc:
        raise UsageError(f"cannot write {folder}: {exc.strerror}") from None
    ctx.out.note("cli.wrote", path=written)
    return 0


def _schema(ctx: Context, what: str | None, *, format_given: bool, bom: bool) -> int:
    """``export schema plan|observations``: a JSON Schema (draft 2020-12)."""
    from fukuoka_dx.report.opendata import observations_json_schema, plan_json_schema

    if what not in ("plan", "observations"):
        raise UsageError("export schema takes plan or observations (export schema plan)")
    if bom or format_given:
        raise UsageError("a schema is JSON: --format and --bom do not apply")
    ctx.out.check_suffix("json")
    schema = plan_json_schema() if what == "plan" else observations_json_schema()
    ctx.out.text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
    return 0
