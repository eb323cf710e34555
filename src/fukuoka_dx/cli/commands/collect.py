"""``fukuoka-dx collect FILES_OR_DIR... -o round.json``: the returned packets (and CSV or
JSON files of their columns) read into one reporting round, and its tracker: who has
returned, who has not, who returned with problems, and what is still missing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fukuoka_dx.cli.context import Context
from fukuoka_dx.cli.options import add_lang_option, date_arg, fy_arg
from fukuoka_dx.cli.output import same_file
from fukuoka_dx.errors import ObservationsError, UsageError
from fukuoka_dx.fiscal_calendar import FiscalYear
from fukuoka_dx.observations.collect import collect, gather
from fukuoka_dx.observations.round_json import is_round_text, write_round_json
from fukuoka_dx.observations.tracker import RETURN_COLUMNS, track
from fukuoka_dx.report.export import format_csv
from fukuoka_dx.report.screens import tracker_lines
from fukuoka_dx.serialization import unstructure

if TYPE_CHECKING:
    import pendulum

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    p = sub.add_parser(
        "collect", help="read the returned packets into one round (round.json) and track them"
    )
    p.add_argument(
        "paths", nargs="+", metavar="FILE_OR_DIR", help="returned packets, CSV or JSON files"
    )
    p.add_argument("--output", "-o", required=True, help="the round's .json file to write")
    p.add_argument("--fy", type=fy_arg, help="the round's fiscal year (default: the packets')")
    p.add_argument(
        "--as-of",
        type=date_arg,
        help="the date the round speaks for (default: the end of its fiscal year, or today)",
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help="write no round when anything is refused (exit code 2, each problem on stderr)",
    )
    p.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="the tracker on standard output (default: table)",
    )
    add_lang_option(p)
    p.set_defaults(
        command_run=lambda args, ctx: run(
            ctx,
            tuple(args.paths),
            fy=args.fy,
            as_of=args.as_of,
            strict=args.strict,
            fmt=args.format,
        )
    )


def _check_output(ctx: Context, files: tuple[Path, ...]) -> Path:
    path = ctx.out.path
    assert path is not None  # --output is required
    if path.suffix.lower() != ".json":
        raise UsageError(f"the round is JSON: give -o a .json name, not {str(path)!r}")
    for f in files:
        if same_file(path, f):
            raise UsageError(f"--output {path} is a file collected ({f}): choose another name")
    if path.exists():
        try:
            head = path.read_bytes()[:64].decode("utf-8", errors="replace")
        except OSError:
            head = ""
        if not is_round_text(head):
            raise UsageError(
                f"--output {path} exists and is not a round: choose another name (a round "
                "written before is replaced)"
            )
    return path


def run(
    ctx: Context,
    paths: tuple[str, ...],
    *,
    fy: FiscalYear | None = None,
    as_of: pendulum.Date | None = None,
    strict: bool = False,
    fmt: str = "table",
) -> int:
    plan = ctx.plan()
    if fy is not None:
        ctx.in_plan(plan, fy, "--fy")
    files, _ = gather(paths)
    path = _check_output(ctx, files)
    round_ = collect(paths, plan, fiscal_year=fy, as_of=as_of)
    refused = round_.refused
    if strict and refused:
        raise ObservationsError([r.problem for r in refused])
    for problem in round_.ignored:
        ctx.out.note("cli.ignored", problem=problem)
    for r in refused:
        ctx.out.note("cli.rejected", problem=r.problem)
    try:
        path.write_text(write_round_json(round_), encoding="utf-8", newline="\n")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None
    ctx.out.note(
        "cli.collected",
        files=len(round_.files),
        observations=len(round_.observations),
        activities=len(round_.activity_reports),
        narratives=len(round_.narratives),
        refused=len(refused),
    )
    ctx.out.note("cli.wrote", path=path)
    tracker = track(plan, round_)
    if fmt == "csv":
        ctx.out.stdout.write(format_csv(RETURN_COLUMNS, [b.row() for b in tracker.bureaus]))
    elif fmt == "json":
        data = {
            "fiscal_year": tracker.fiscal_year.year,
            "bureaus": [b.row() for b in tracker.bureaus],
            "items": [
                {
                    "kind": i.kind.value,
                    "id": i.id,
                    "bureau": i.bureau.name_ja,
                    "status": i.status.value,
                    "words": i.words,
                    "places": list(i.places),
                }
                for i in tracker.items
            ],
            "refused": [unstructure(r) for r in refused],
        }
        ctx.out.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    else:
        ctx.out.stdout.write("\n".join(tracker_lines(tracker, ctx.lang, width=ctx.width)) + "\n")
    return 0
