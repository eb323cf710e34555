"""The ``fukuoka-dx`` command: summary, show, search, schedule, export and progress.

Exit codes: 0 on success, 2 on bad arguments or bad input (a one-line message on stderr,
or one line per problem for observation files).
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

import pendulum

from fukuoka_dx._version import __version__
from fukuoka_dx.errors import FiscalYearParseError, FukuokaDXError, ObservationsError
from fukuoka_dx.fiscal_calendar import FiscalYear, as_date, today
from fukuoka_dx.loading import editions, load_plan
from fukuoka_dx.model import (
    RE_INDICATOR,
    RE_INITIATIVE,
    RE_PILLAR,
    RE_PROMOTION_ITEM,
    Indicator,
    Initiative,
    Plan,
    TargetColumn,
)
from fukuoka_dx.observations.files import (
    ENCODINGS,
    OBSERVATION_COLUMNS,
    ReadResult,
    read_observations,
)
from fukuoka_dx.observations.values import value_text
from fukuoka_dx.progress import (
    ASSESSABLE_KINDS,
    PROGRESS_COLUMNS,
    Assessment,
    Status,
    Thresholds,
    assess,
    default_column,
)
from fukuoka_dx.progress.schemes import SCHEMES, STANDARD, Scheme, read_scheme
from fukuoka_dx.report import text as _text
from fukuoka_dx.report.export import Table, format_csv, format_json, plain, table_rows
from fukuoka_dx.report.overview import bureau_counts, pillar_counts, schedule_grid
from fukuoka_dx.report.results import RESULT_COLUMNS, result_rows
from fukuoka_dx.serialization import to_json, unstructure
from fukuoka_dx.targets import TargetKind, number_text

__all__ = ["build_parser", "main"]

PROG = "fukuoka-dx"


class UsageError(FukuokaDXError):
    """A bad argument: reported in one line with exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


# -- argument types -------------------------------------------------------------------------


def _date_arg(text: str) -> pendulum.Date:
    try:
        return as_date(text)
    except FiscalYearParseError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _scheme_arg(text: str) -> Scheme:
    if text in SCHEMES:
        return SCHEMES[text]
    path = Path(text)
    if path.suffix.lower() != ".toml":
        raise argparse.ArgumentTypeError(
            f"{text!r}: expected {', '.join(SCHEMES)} or a .toml file of bands"
        )
    try:
        return read_scheme(path.read_text("utf-8"), name=path.stem)
    except OSError as exc:
        raise argparse.ArgumentTypeError(f"cannot read {text}: {exc.strerror}") from None
    except (FukuokaDXError, UnicodeDecodeError) as exc:
        raise argparse.ArgumentTypeError(f"{text}: {exc}") from None


def _fy_arg(text: str) -> FiscalYear:
    try:
        return FiscalYear.parse(text)
    except FiscalYearParseError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


# -- helpers --------------------------------------------------------------------------------


def _write(args: argparse.Namespace, text: str) -> None:
    """Write to ``--output`` when the command has one and it is given, else to stdout."""
    output = getattr(args, "output", None)
    if output is not None:
        path = Path(output)
        try:
            path.write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            raise UsageError(f"cannot write {path}: {exc.strerror}") from None
    else:
        stdout: TextIO = args.stdout
        stdout.write(text)


def _emit(args: argparse.Namespace, text: str) -> None:
    """Write a block of text, ending it with a newline."""
    _write(args, text if text.endswith("\n") else text + "\n")


def _plan(args: argparse.Namespace) -> Plan:
    try:
        return load_plan(args.edition)
    except FukuokaDXError as exc:
        raise UsageError(str(exc)) from None


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _fy_position(plan: Plan, fy: FiscalYear) -> str:
    if fy < plan.first_year:
        return f"before the plan period (it starts in {plan.first_year.label_ja})"
    if fy > plan.last_year:
        return f"after the plan period (it ended with {plan.last_year.label_ja})"
    n = fy.year - plan.first_year.year + 1
    total = len(plan.years)
    final = ", the final year" if fy == plan.last_year else ""
    return f"year {n} of {total} of the plan period{final}"


# -- summary --------------------------------------------------------------------------------


def cmd_summary(args: argparse.Namespace) -> int:
    plan = _plan(args)
    day: pendulum.Date = args.as_of or today()
    fy = FiscalYear.from_date(day)
    lines = [
        f"{plan.title} ({plan.publisher}), edition {plan.edition}",
        f"digest sha256:{plan.digest}",
        f"plan period {plan.first_year.label_ja}–{plan.last_year.label_ja} "
        f"({plan.first_year}–{plan.last_year}, {plan.first_year.start} to {plan.last_year.end})",
        "",
        f"{day} lies in {fy.label_ja} ({fy}): {_fy_position(plan, fy)}",
    ]
    end = plan.last_year.end
    if day <= end:
        lines.append(f"days left in the plan period: {(end - day).days} (until {end})")
    else:
        lines.append(f"the plan period ended {(day - end).days} days ago ({end})")
    lines += ["", "Initiatives by pillar"]
    lines.append(
        _text.table(
            ["pillar", "title", "promotion items", "initiatives", "indicators"],
            [
                (
                    c.pillar.id,
                    f"{c.pillar.title} ({c.pillar.title_en})",
                    c.promotion_items,
                    c.initiatives,
                    c.indicators,
                )
                for c in pillar_counts(plan)
            ],
        )
    )
    lines += ["", "Initiatives by bureau (所管)"]
    lines.append(
        _text.table(
            ["bureau", "name", "initiatives"],
            [(c.bureau.name_ja, c.bureau.name_en, c.initiatives) for c in bureau_counts(plan)],
        )
    )
    lines += ["", "Indicators by target kind"]
    kinds = {c: Counter(ind.cell(c).kind for ind in plan.indicators) for c in TargetColumn}
    lines.append(
        _text.table(
            ["kind", "baseline", "midterm", "final"],
            [
                (k.value, *(kinds[c][k] for c in TargetColumn))
                for k in TargetKind
                if any(kinds[c][k] for c in TargetColumn)
            ],
        )
    )
    lines += ["", f"Schedule activities in force in {fy.label_ja} ({fy})"]
    if plan.first_year <= fy <= plan.last_year:
        rows = [(i.id, i.title, " / ".join(a)) for i, a in plan.activities(fy) if a]
        lines.append(_text.table(["initiative", "title", "activities"], rows, max_width=40))
    else:
        lines.append(f"(none: {fy.label_ja} is outside the plan period)")
    _emit(args, "\n".join(lines))
    return 0


# -- show -----------------------------------------------------------------------------------


def _indicator_lines(ind: Indicator) -> list[str]:
    quals = f" [{', '.join(q.value for q in ind.qualifiers)}]" if ind.qualifiers else ""
    lines = [
        f"{ind.id}  {ind.name}",
        f"  unit {ind.unit or '-'}; desired direction {ind.direction.value}{quals}"
        + (f"; position {ind.position.value}" if ind.position else ""),
    ]
    for column, label in zip(TargetColumn, ("現状値", "中間目標", "最終目標"), strict=True):
        cell = ind.cell(column)
        fy = ind.fiscal_year(column)
        text = cell.text or f"(missing: {cell.note})"  # type: ignore[union-attr]
        lines.append(
            f"  {_text.pad(label, 8)} {_text.pad(fy.label_ja, 9)} {cell.kind.value:<16} {text}"
        )
    if not ind.baseline_comparable:
        lines.append(f"  note: baseline not comparable: {ind.baseline_note}")
    return lines


def _initiative_lines(plan: Plan, ini: Initiative) -> list[str]:
    item = plan.promotion_item(ini.promotion_item_id)
    lines = [
        f"{ini.id}  {ini.title}",
        f"  promotion item {item.id} {item.title}; pillar {plan.pillar(ini.pillar_id).title}",
        f"  所管 {ini.bureau.name_ja} ({ini.bureau.name_en}); page {ini.page}",
    ]
    if ini.reposts:
        lines.append(f"  再掲: re-posts {ini.reposts} {plan.initiative(ini.reposts).title}")
    lines += [f"  ● {d}" for d in ini.description]
    lines += [f"  ※ {n}" for n in ini.notes]
    lines += ["", "  工程 (schedule)"]
    header, rows = schedule_grid(ini)
    grid = _text.table(header, rows, max_width=28)
    lines += ["  " + line for line in grid.splitlines()]
    lines += ["", f"  指標 (indicators): {ini.indicator_status.value}"]
    if ini.indicator_note:
        lines.append(f"  {ini.indicator_note}")
    for ind in ini.indicators:
        lines += ["  " + line for line in _indicator_lines(ind)]
    for r in ini.repairs:
        lines.append(f"  repaired {r.field}: {r.extracted!r} → {r.repaired!r} ({r.evidence})")
    return lines


def _show_json(plan: Plan, key: str) -> str:
    """The JSON form of what ``show`` shows: the model value(s) for the id."""
    data: object
    if RE_PILLAR.match(key):
        pillar = plan.pillar(key)
        items = [p for p in plan.promotion_items if p.pillar_id == pillar.id]
        data = {
            "pillar": unstructure(pillar),
            "promotion_items": unstructure(items),
            "initiatives": unstructure(plan.initiatives_of(pillar=pillar.id)),
        }
    elif RE_INDICATOR.match(key):
        data = unstructure(plan.indicator(key))
    elif RE_PROMOTION_ITEM.match(key):
        data = {
            "promotion_item": unstructure(plan.promotion_item(key)),
            "initiatives": unstructure(plan.children(key)),
        }
    else:
        data = unstructure(plan.initiative(key))
    return json.dumps(data, ensure_ascii=False, indent=1)


def cmd_show(args: argparse.Namespace) -> int:
    plan = _plan(args)
    key = unicodedata.normalize("NFKC", args.id).strip()  # １-１-３ is 1-1-3
    lines: list[str] = []
    if not (RE_PILLAR.match(key) or RE_INITIATIVE.match(key) or RE_INDICATOR.match(key)):
        raise UsageError(
            f"{key!r} is not an id: expected a pillar (4), promotion item (4-17), "
            f"initiative (4-17-8) or indicator (4-17-8.1)"
        )
    if args.format == "json":
        _emit(args, _show_json(plan, key))
        return 0
    if RE_PILLAR.match(key):
        p = plan.pillar(key)
        lines.append(f"pillar {p.id}  {p.title} ({p.title_en})")
        for item in plan.promotion_items:
            if item.pillar_id == p.id:
                lines.append(f"  {item.id}  {item.title} (p.{item.page})")
                lines += [f"    {i.id}  {i.title}" for i in plan.children(item.id)]
    elif RE_INDICATOR.match(key):
        ind = plan.indicator(key)
        ini = plan.initiative(ind.initiative_id)
        lines.append(f"initiative {ini.id}  {ini.title}")
        lines += _indicator_lines(ind)
    elif RE_PROMOTION_ITEM.match(key):
        item = plan.promotion_item(key)
        lines.append(f"promotion item {item.id}  {item.title} (p.{item.page})")
        for ini in plan.children(item.id):
            lines += ["", *_initiative_lines(plan, ini)]
    else:
        lines += _initiative_lines(plan, plan.initiative(key))
    _emit(args, "\n".join(lines))
    return 0


# -- search ---------------------------------------------------------------------------------


def _haystack(ini: Initiative) -> str:
    parts = [ini.id, ini.title, *ini.description, *ini.notes]
    parts += [ind.name for ind in ini.indicators]
    return _norm("\n".join(parts))


def cmd_search(args: argparse.Namespace) -> int:
    plan = _plan(args)
    needle = _norm(args.text.strip())
    if not needle:
        raise UsageError("the search text is empty")
    found = plan.initiatives_of(bureau=args.bureau, pillar=args.pillar)
    hits = [i for i in found if needle in _haystack(i)]
    rows = [(i.id, i.title, i.bureau.name_ja, len(i.indicators)) for i in hits]
    if args.format == "json":
        _emit(
            args,
            json.dumps(
                [
                    {"initiative_id": r[0], "title": r[1], "bureau": r[2], "indicators": r[3]}
                    for r in rows
                ],
                ensure_ascii=False,
                indent=1,
            ),
        )
    elif args.format == "csv":
        cols = ("initiative_id", "title", "bureau", "indicator_count")
        _emit(args, format_csv(cols, [dict(zip(cols, r, strict=True)) for r in rows]))
    else:
        _emit(args, _text.table(["id", "title", "bureau", "indicators"], rows))
        _emit(args, f"{len(hits)} initiative(s) match {args.text!r}")
    return 0


# -- schedule -------------------------------------------------------------------------------


def cmd_schedule(args: argparse.Namespace) -> int:
    plan = _plan(args)
    fy: FiscalYear = args.fy or FiscalYear.from_date(today())
    if not plan.first_year <= fy <= plan.last_year:
        raise UsageError(
            f"{fy.label_ja} ({fy}) is outside the plan period "
            f"{plan.first_year.label_ja}–{plan.last_year.label_ja}"
        )
    rows = [(i.id, i.title, " / ".join(a) if a else "") for i, a in plan.activities(fy)]
    if args.format == "json":
        data = [
            {"initiative_id": r[0], "title": r[1], "activities": list(a)}
            for r, (_, a) in zip(rows, plan.activities(fy), strict=True)
        ]
        _emit(
            args,
            json.dumps({"fiscal_year": fy.year, "initiatives": data}, ensure_ascii=False, indent=1),
        )
    elif args.format == "csv":
        cols = ("initiative_id", "title", "activities")
        _emit(args, format_csv(cols, [dict(zip(cols, r, strict=True)) for r in rows]))
    else:
        _emit(args, f"{fy.label_ja} ({fy}, {fy.start} to {fy.end})")
        _emit(args, _text.table(["id", "title", "activities"], rows, max_width=44))
    return 0


# -- export ---------------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    if args.bom and args.format != "csv":
        raise UsageError(f"--bom applies to CSV only, not to --format {args.format}")
    plan = _plan(args)
    columns, rows = table_rows(plan, args.table)
    if args.format == "json":
        _write(args, format_json(columns, rows) + "\n")
    else:
        _write(args, format_csv(columns, rows, bom=args.bom))
    return 0


# -- progress -------------------------------------------------------------------------------


def _template(plan: Plan, fy: FiscalYear, column: TargetColumn | None) -> str:
    """An observations file to fill in: a row per indicator assessable in ``fy``."""
    comments = ("# name", "# unit", "# baseline", "# midterm", "# final")
    rows = []
    for ind in plan.indicators:
        if ind.target(column or default_column(ind, fy.end)).kind not in ASSESSABLE_KINDS:
            continue
        row: dict[str, str | int | float | None] = {
            "indicator_id": ind.id,
            "fiscal_year": fy.short,
            "value": "",
            "as_of": "",
            "source": "",
            "note": "",
            "# name": ind.name,
            "# unit": ind.unit or "",
            "# baseline": f"{ind.baseline.text} ({ind.baseline_fy.label_ja})",
            "# midterm": ind.midterm.text,
            "# final": ind.final.text,
        }
        rows.append(row)
    return format_csv((*OBSERVATION_COLUMNS, *comments), rows)


def _rounded(row: Mapping[str, object], columns: Sequence[str]) -> list[str]:
    """A progress row for the terminal: fractions to three decimals."""
    out = []
    for c in columns:
        v = row[c]
        out.append(f"{v:.3f}" if isinstance(v, float) else plain(v))  # type: ignore[arg-type]
    return out


def _targets_used(assessment: Assessment) -> str:
    """The target column(s) the results were judged against, in column order."""
    used = {r.target for r in assessment.results}
    return ", ".join(c.value for c in TargetColumn if c in used)


#: Options of ``progress`` that apply only when assessing a file, by their flags.
_ASSESS_ONLY = {
    "chart": "--chart",
    "all": "--all",
    "keep_valid": "--keep-valid",
    "encoding": "--encoding",
    "on_track": "--on-track",
    "needs_acceleration": "--needs-acceleration",
    "scheme": "--scheme",
}


def _check_progress_args(args: argparse.Namespace, plan: Plan) -> None:
    """Refuse, before any output, what cannot be done or does not apply to the mode."""
    if args.template:
        if args.file:
            raise UsageError("--template writes a new file: give no observations file")
        for name, flag in _ASSESS_ONLY.items():
            if getattr(args, name) not in (None, False):
                raise UsageError(f"{flag} does not apply to --template")
        if args.format not in (None, "csv"):
            raise UsageError(f"--template writes CSV: --format {args.format} does not apply")
        if args.fy is not None and not plan.first_year <= args.fy <= plan.last_year:
            raise UsageError(f"--fy: {_outside_plan(plan, args.fy)}")
        return
    if not args.file:
        raise UsageError("give an observations file (CSV or JSON), or --template")
    if args.fy is not None:
        raise UsageError("--fy applies to --template only: observations carry their own years")
    if args.all and (args.format or "table") != "table":
        raise UsageError(f"--all applies to the table only, not to --format {args.format}")
    if args.chart is not None:
        from fukuoka_dx.report.chart import chart_path

        chart_path(args.chart)


def _outside_plan(plan: Plan, fy: FiscalYear) -> str:
    return (
        f"{fy.label_ja} ({fy}) is outside the plan period "
        f"{plan.first_year.label_ja}–{plan.last_year.label_ja}"
    )


def _report_reading(args: argparse.Namespace, result: ReadResult) -> None:
    """Say on stderr what reading did beyond the plain: the encoding, rows left out."""
    err: TextIO = args.stderr
    if result.encoding not in (None, "utf-8"):
        err.write(f"{PROG}: read {args.file} as {result.encoding} (Shift_JIS)\n")
    for problem in result.rejected:
        err.write(f"{PROG}: rejected: {problem}\n")
    if result.skipped:
        err.write(f"{PROG}: {len(result.skipped)} row(s) without a value were skipped\n")


def cmd_progress(args: argparse.Namespace) -> int:
    plan = _plan(args)
    _check_progress_args(args, plan)
    day: pendulum.Date = args.as_of or today()
    column = TargetColumn(args.target) if args.target else None
    if args.template:
        fy = args.fy or FiscalYear.from_date(day)
        if not plan.first_year <= fy <= plan.last_year:
            raise UsageError(f"{_outside_plan(plan, fy)}: give --fy")
        _write(args, _template(plan, fy, column))
        return 0
    result = read_observations(
        args.file, plan, keep_valid=True, skip_empty=True, encoding=args.encoding
    )
    if result.rejected and not args.keep_valid:
        raise ObservationsError(result.rejected)
    _report_reading(args, result)
    thresholds = Thresholds(
        0.95 if args.on_track is None else args.on_track,
        0.6 if args.needs_acceleration is None else args.needs_acceleration,
    )
    assessment = assess(
        plan,
        result.observations,
        as_of=day,
        target=column,
        thresholds=thresholds,
        scheme=args.scheme or STANDARD,
    )
    err: TextIO = args.stderr
    if args.format != "json":  # JSON lists them in "excluded"
        for ex in assessment.excluded:
            o = ex.observation
            err.write(
                f"{PROG}: left out {o.indicator_id} {o.fiscal_year.label_ja} "
                f"({value_text(o.value)}): {ex.reason}\n"
            )
    rows = result_rows(assessment, plan)
    if args.format == "csv":
        _write(args, format_csv(RESULT_COLUMNS, rows))
    elif args.format == "json":
        _write(args, to_json(assessment, indent=1) + "\n")
    else:
        shown = [r for r in rows if r["status"] != Status.NO_DATA.value] if not args.all else rows
        graded = assessment.scheme != STANDARD
        columns = (*PROGRESS_COLUMNS, "grade") if graded else PROGRESS_COLUMNS
        text = _text.table(list(columns), [_rounded(r, columns) for r in shown])
        summary = ", ".join(f"{s.value} {n}" for s, n in assessment.overall.counts if n)
        mean = assessment.overall.mean_achievement
        tail = [
            "",
            f"as of {assessment.as_of} ({FiscalYear.from_date(day).label_ja}); "
            f"target: {_targets_used(assessment)}",
            f"{len(rows)} indicators: {summary}",
            "mean achievement (capped at 1) of assessable indicators: "
            + (f"{mean:.3f}" if mean is not None else "-"),
        ]
        if graded:
            grades = ", ".join(f"{g} {n}" for g, n in assessment.overall.grades if n)
            tail.append(f"grades ({assessment.scheme}): {grades}")
        if not args.all:
            tail.append("(indicators with no data are hidden; --all shows them)")
        _write(args, text + "\n" + "\n".join(tail) + "\n")
    if args.chart is not None:
        from fukuoka_dx.report.chart import save_chart

        save_chart(assessment, plan, args.chart)
        err.write(f"{PROG}: chart written to {args.chart}\n")
    return 0


# -- trend ----------------------------------------------------------------------------------


def _number(value: float | None) -> str:
    return "-" if value is None else number_text(round(value, 3))


def cmd_trend(args: argparse.Namespace) -> int:
    plan = _plan(args)
    indicator = plan.indicator(args.indicator)
    if args.chart is not None:
        from fukuoka_dx.report.chart import chart_path

        chart_path(args.chart)
    day: pendulum.Date = args.as_of or today()
    result = read_observations(args.file, plan, encoding=args.encoding)
    _report_reading(args, result)
    target = TargetColumn(args.target) if args.target else None
    assessment = assess(plan, result.observations, as_of=day, target=target)
    r = assessment.result(indicator.id)
    t = r.trajectory
    assert t is not None  # assess sets one for every indicator
    unit = f" {indicator.unit}" if indicator.unit else ""
    lines = [
        f"{indicator.id}  {indicator.name}",
        f"  target: {r.target.value} {indicator.target(r.target).text or '-'}{unit} in "
        f"{r.target_fy.label_ja} ({r.target_fy}); as of {day}; status {r.status.value}",
        "",
        _text.table(
            ["fiscal year", "value", "change", ""],
            [
                (
                    f"{p.fiscal_year.label_ja} ({p.fiscal_year})",
                    _number(p.value),
                    _number(p.change),
                    "baseline" if p.baseline else "",
                )
                for p in t.points
            ],
        ),
        "",
        f"pace: {_number(t.pace)}{unit} per year (least squares over {len(t.points)} points)",
        f"projected in {t.target_fy.label_ja}: {_number(t.projected)}{unit} "
        f"(target {_number(t.target)})",
        f"on course: {'-' if t.on_course is None else 'yes' if t.on_course else 'no'}",
        f"required pace from the latest point: {_number(t.required_pace)}{unit} per year",
    ]
    lines += [f"  ({reason})" for reason in t.reasons]
    _emit(args, "\n".join(lines))
    if args.chart is not None:
        from fukuoka_dx.report.chart import save_figure, trend_chart

        save_figure(trend_chart(t, indicator), args.chart)
        args.stderr.write(f"{PROG}: chart written to {args.chart}\n")
    return 0


# -- parser ---------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="福岡市DX戦略 実行項目集 (Fukuoka City DX strategy): show, search, export, "
        "assess progress.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--edition",
        default=None,
        help=f"plan edition (default: latest; available: {', '.join(editions())})",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("summary", help="the plan, today's fiscal year, counts, this year's work")
    p.add_argument("--as-of", type=_date_arg, help="date to report for (default: today, JST)")
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("show", help="one pillar, promotion item, initiative or indicator")
    p.add_argument("id", help="e.g. 4, 4-17, 4-17-8 or 4-17-8.1")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("search", help="initiatives whose text contains TEXT")
    p.add_argument("text")
    p.add_argument("--bureau", help="Japanese or English bureau name, or a ward (東区)")
    p.add_argument("--pillar", help="pillar id, 1 to 5")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("schedule", help="what every initiative does in a fiscal year")
    p.add_argument("--fy", type=_fy_arg, help="fiscal year (R6, 令和6年度, FY2024, 2024)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.set_defaults(func=cmd_schedule)

    p = sub.add_parser("export", help="the indicators, initiatives or schedule table")
    p.add_argument("table", choices=[t.value for t in Table])
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--output", "-o", help="file to write (default: standard output)")
    p.add_argument("--bom", action="store_true", help="start CSV with a UTF-8 BOM (for Excel)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("trend", help="one indicator over the years: points, pace, projection")
    p.add_argument("file", help="observations file (.csv or .json)")
    p.add_argument("indicator", help="indicator id, e.g. 1-1-3.1")
    p.add_argument("--as-of", type=_date_arg, help="date to look from (default: today, JST)")
    p.add_argument("--target", choices=("midterm", "final"), help="default: by the as-of date")
    p.add_argument("--encoding", choices=tuple(ENCODINGS), help="the file's encoding")
    p.add_argument("--chart", help="also draw the trajectory to a .png, .svg or .pdf file")
    p.set_defaults(func=cmd_trend)

    p = sub.add_parser("progress", help="assess observed figures against the targets")
    p.add_argument("file", nargs="?", help="observations file (.csv or .json)")
    p.add_argument("--as-of", type=_date_arg, help="date to assess at (default: today, JST)")
    p.add_argument("--target", choices=("midterm", "final"), help="default: by the as-of date")
    p.add_argument("--format", choices=("table", "csv", "json"), help="default: table")
    p.add_argument("--output", "-o", help="file to write (default: standard output)")
    p.add_argument("--chart", help="also draw a chart to this .png, .svg or .pdf file (plot extra)")
    p.add_argument(
        "--encoding",
        choices=tuple(ENCODINGS),
        help="the file's encoding (default: UTF-8, or Shift_JIS/cp932 when it is not UTF-8)",
    )
    p.add_argument("--all", action="store_true", help="table: show indicators with no data")
    p.add_argument(
        "--keep-valid",
        action="store_true",
        help="assess the valid rows and report the rejected ones on stderr",
    )
    p.add_argument("--template", action="store_true", help="write an observations template")
    p.add_argument("--fy", type=_fy_arg, help="--template: fiscal year of the rows")
    p.add_argument(
        "--scheme",
        type=_scheme_arg,
        metavar="SCHEME",
        help="evaluation scheme: standard (the statuses), abcd, baseline, or a .toml file of "
        "bands (default: standard)",
    )
    p.add_argument("--on-track", type=float, help="threshold on R (default 0.95)")
    p.add_argument("--needs-acceleration", type=float, help="threshold on R (default 0.6)")
    p.set_defaults(func=cmd_progress)
    return parser


def main(
    argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line; returns the exit code."""
    if stdout is None:
        _stdio_utf8()
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:
        return int(exc.code or 0)
    if getattr(args, "func", None) is None:  # no subcommand: the summary for today
        args.func, args.as_of = cmd_summary, None
    args.stdout, args.stderr = out, err
    try:
        if getattr(args, "output", None) == "":
            raise UsageError("--output is empty: give a file name, or leave it out for stdout")
        code: int = args.func(args)
        return code
    except ObservationsError as exc:
        for problem in exc.problems:
            err.write(f"{PROG}: error: {problem}\n")
        return 2
    except FukuokaDXError as exc:  # anything else is a bug: let it show its traceback
        err.write(f"{PROG}: error: {exc}\n")
        return 2
    except BrokenPipeError:
        return 0


def _stdio_utf8() -> None:
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
