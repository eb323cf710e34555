"""The ``fukuoka-dx`` command: summary, show, search, schedule, export, trend, report and
progress.

Exit codes: 0 on success, 2 on bad arguments or bad input (a one-line message on stderr,
or one line per problem for observation files).
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import unicodedata
from collections.abc import Sequence
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
    Assessment,
    Status,
    Thresholds,
    assess,
)
from fukuoka_dx.progress.schemes import SCHEMES, STANDARD, Scheme, read_scheme
from fukuoka_dx.report import text as _text
from fukuoka_dx.report.export import Row, Table, format_csv, format_json, table_rows
from fukuoka_dx.report.labels import (
    Lang,
    as_lang,
    column_label,
    default_lang,
    name_of,
    name_with_japanese,
    status_label,
    target_label,
)
from fukuoka_dx.report.results import (
    PEOPLE_COLUMNS,
    RESULT_COLUMNS,
    ROLLUP_COLUMNS,
    Level,
    people_rows,
    percent,
    result_rows,
    rollup_rows,
    rounded_rows,
)
from fukuoka_dx.report.screens import (
    entry_text,
    indicator_lines,
    initiative_lines,
    summary_lines,
    trend_lines,
)
from fukuoka_dx.serialization import to_json, unstructure

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


def _same_file(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


def _check_outputs(args: argparse.Namespace) -> None:
    """No output may overwrite the file read, or the other output; a template never
    overwrites an existing file (it may hold figures already filled in)."""
    output, source, chart = (getattr(args, k, None) for k in ("output", "file", "chart"))
    for name, path in (("--output", output), ("--chart", chart)):
        if path and source and _same_file(path, source):
            raise UsageError(f"{name} {path} is the observations file read: choose another name")
    if output and chart and _same_file(output, chart):
        raise UsageError(f"--output and --chart are the same file {output}: choose two names")
    if getattr(args, "template", False) and output and Path(output).exists():
        raise UsageError(
            f"{output} exists (it may hold figures already filled in): choose a new name"
        )


def _write_bytes(args: argparse.Namespace, data: bytes) -> None:
    """Write a binary file (a workbook) to ``--output``, which the caller has checked."""
    path = Path(args.output)
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None
    args.stderr.write(f"{PROG}: wrote {path}\n")


def _emit(args: argparse.Namespace, text: str) -> None:
    """Write a block of text, ending it with a newline."""
    _write(args, text if text.endswith("\n") else text + "\n")


def _plan(args: argparse.Namespace) -> Plan:
    try:
        return load_plan(args.edition)
    except FukuokaDXError as exc:
        raise UsageError(str(exc)) from None


def _lang(args: argparse.Namespace) -> Lang:
    """The language for people: ``--lang``, else Japanese when the locale is Japanese."""
    given = getattr(args, "lang", None)
    return as_lang(given) if given else default_lang()


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


# -- summary --------------------------------------------------------------------------------


def cmd_summary(args: argparse.Namespace) -> int:
    plan = _plan(args)
    day: pendulum.Date = args.as_of or today()
    lines = summary_lines(
        plan,
        day,
        _lang(args),
        bureaus=getattr(args, "bureaus", False),
        kinds=getattr(args, "kinds", False),
        activities=getattr(args, "activities", False),
        width=_text.terminal_width(),
    )
    _emit(args, "\n".join(lines))
    return 0


# -- show -----------------------------------------------------------------------------------


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
    lang, width = _lang(args), _text.terminal_width()
    if RE_PILLAR.match(key):
        p = plan.pillar(key)
        lines.append(f"pillar {p.id}  {p.title} ({p.title_en})")
        for item in plan.promotion_items:
            if item.pillar_id == p.id:
                lines.append(f"  {item.id}  {name_with_japanese(item, lang)} (p.{item.page})")
                lines += [
                    f"    {i.id}  {name_with_japanese(i, lang)}" for i in plan.children(item.id)
                ]
    elif RE_INDICATOR.match(key):
        ind = plan.indicator(key)
        ini = plan.initiative(ind.initiative_id)
        lines.append(f"initiative {ini.id}  {name_with_japanese(ini, lang)}")
        lines += indicator_lines(ind, lang, width)
    elif RE_PROMOTION_ITEM.match(key):
        item = plan.promotion_item(key)
        lines.append(f"promotion item {item.id}  {name_with_japanese(item, lang)} (p.{item.page})")
        for ini in plan.children(item.id):
            lines += ["", *initiative_lines(plan, ini, lang, width)]
    else:
        lines += initiative_lines(plan, plan.initiative(key), lang, width)
    _emit(args, "\n".join(lines))
    return 0


# -- search ---------------------------------------------------------------------------------


def _haystack(ini: Initiative) -> str:
    parts = [ini.id, ini.title, ini.title_en or "", *ini.description, *ini.notes]
    parts += [ind.name for ind in ini.indicators] + [ind.name_en or "" for ind in ini.indicators]
    return _norm("\n".join(parts))


def cmd_search(args: argparse.Namespace) -> int:
    plan = _plan(args)
    needle = _norm(args.text.strip())
    if not needle:
        raise UsageError("the search text is empty")
    found = plan.initiatives_of(bureau=args.bureau, pillar=args.pillar)
    hits = [i for i in found if needle in _haystack(i)]
    lang = _lang(args)
    rows = [
        (
            i.id,
            name_with_japanese(i, lang) if args.format == "table" else i.title,
            i.bureau.name_ja if lang is Lang.JA or args.format != "table" else i.bureau.name_en,
            len(i.indicators),
        )
        for i in hits
    ]
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
        csv_rows: list[Row] = [dict(zip(cols, r, strict=True)) for r in rows]
        _emit(args, format_csv(cols, csv_rows, bom=args.bom))
    else:
        ja = _lang(args) is Lang.JA
        header = (
            ["実行項目", "名称", "所管", "指標"] if ja else ["id", "title", "bureau", "indicators"]
        )
        _emit(args, _text.table(header, rows, max_width=max(30, _text.terminal_width() // 2)))
        _emit(
            args,
            f"{len(hits)} 件の実行項目が {args.text!r} に一致"
            if ja
            else f"{len(hits)} initiative(s) match {args.text!r}",
        )
    return 0


# -- schedule -------------------------------------------------------------------------------


def cmd_schedule(args: argparse.Namespace) -> int:
    plan = _plan(args)
    fy: FiscalYear = args.fy or FiscalYear.from_date(today())
    if not plan.first_year <= fy <= plan.last_year:
        raise UsageError(_outside_plan(plan, fy))
    lang = _lang(args)
    entries = [(ini, ini.schedule.entries(fy)) for ini in plan.initiatives]
    if args.format == "json":
        data = [
            {
                "initiative_id": ini.id,
                "title": ini.title,
                "activities": [e.activity for e in es],
                "continues_from_fy": [
                    e.continues_from.year if e.continues_from else None for e in es
                ],
            }
            for ini, es in entries
        ]
        _emit(
            args,
            json.dumps({"fiscal_year": fy.year, "initiatives": data}, ensure_ascii=False, indent=1),
        )
    elif args.format == "csv":
        cols = ("initiative_id", "title", "activities")
        rows: list[dict[str, str | int | float | None]] = [
            {
                "initiative_id": ini.id,
                "title": ini.title,
                "activities": " / ".join(e.activity for e in es),
            }
            for ini, es in entries
        ]
        _emit(args, format_csv(cols, rows, bom=args.bom))
    else:
        shown = [
            (ini.id, name_of(ini, lang), " / ".join(entry_text(e, lang) for e in es))
            for ini, es in entries
        ]
        _emit(args, f"{fy.label_ja} ({fy}, {fy.start} – {fy.end})")
        header = ["実行項目", "名称", "工程"] if lang is Lang.JA else ["id", "title", "activities"]
        width = max(30, (_text.terminal_width() - 12) // 2)
        _emit(args, _text.table(header, shown, max_width=width))
    return 0


# -- export ---------------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    args.format_given, args.format = args.format is not None, args.format or "csv"
    if args.table == "schema":
        return _export_schema(args)
    if args.what is not None:
        raise UsageError(f"export {args.table} takes no {args.what!r}: only export schema does")
    if args.bom and args.format != "csv":
        raise UsageError(f"--bom applies to CSV only, not to --format {args.format}")
    plan = _plan(args)
    if args.table == "datapackage":
        return _export_datapackage(args, plan)
    columns, rows = table_rows(plan, args.table)
    if args.format == "json":
        _write(args, format_json(columns, rows) + "\n")
    else:
        _write(args, format_csv(columns, rows, bom=args.bom))
    return 0


def _export_datapackage(args: argparse.Namespace, plan: Plan) -> int:
    """``export datapackage -o DIR``: the plan as a Frictionless Data Package."""
    from fukuoka_dx.report.opendata import write_datapackage

    if args.output is None:
        raise UsageError("export datapackage writes a folder: give it with -o DIR")
    if args.format != "csv" or args.bom:
        raise UsageError("export datapackage writes CSV without a BOM: leave out --format/--bom")
    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file, not a folder")
    try:
        written = write_datapackage(plan, folder)
    except OSError as exc:
        raise UsageError(f"cannot write {folder}: {exc.strerror}") from None
    args.stderr.write(f"{PROG}: wrote {written}\n")
    return 0


def _export_schema(args: argparse.Namespace) -> int:
    """``export schema plan|observations``: a JSON Schema (draft 2020-12)."""
    from fukuoka_dx.report.opendata import observations_json_schema, plan_json_schema

    if args.what not in ("plan", "observations"):
        raise UsageError("export schema takes plan or observations (export schema plan)")
    if args.bom or args.format_given:
        raise UsageError("a schema is JSON: --format and --bom do not apply")
    schema = plan_json_schema() if args.what == "plan" else observations_json_schema()
    _write(args, json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
    return 0


# -- progress -------------------------------------------------------------------------------


def _template(plan: Plan, fy: FiscalYear, column: TargetColumn | None, *, bom: bool) -> str:
    """An observations file to fill in: a row per indicator assessable in ``fy``."""
    from fukuoka_dx.report.excel import template_indicators

    comments = ("# name", "# unit", "# baseline", "# midterm", "# final")
    rows = []
    for ind in template_indicators(plan, fy, column):
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
    return format_csv((*OBSERVATION_COLUMNS, *comments), rows, bom=bom)


def _progress_table(
    args: argparse.Namespace, assessment: Assessment, plan: Plan, day: pendulum.Date
) -> str:
    """The progress table for people, in the chosen language, and its summary lines."""
    lang = _lang(args)
    ja = lang is Lang.JA
    graded = assessment.scheme != STANDARD
    rows = people_rows(assessment, plan, lang, no_data=args.all)
    columns = [c for c in PEOPLE_COLUMNS if c not in ("unit",)]
    if graded:
        grades = {r.indicator_id: r.grade for r in assessment.results}
        for row in rows:
            row["grade"] = grades[row["indicator_id"]] or ""
        columns.append("grade")
    width = max(16, _text.terminal_width() // 5)
    table = _text.table(
        [column_label(c, lang) for c in columns],
        [[row[c] for c in columns] for row in rows],
        max_width=width,
    )
    counts = ", ".join(f"{status_label(s, lang)} {n}" for s, n in assessment.overall.counts if n)
    mean = percent(assessment.overall.mean_achievement)
    fy = FiscalYear.from_date(day)
    if ja:
        tail = [
            f"{assessment.as_of} 時点 ({fy.label_ja}); 目標: {_targets_used(assessment, lang)}",
            f"指標 {len(assessment.results)}: {counts}",
            f"評価対象の指標の平均達成率 (上限100%): {mean}",
        ]
    else:
        tail = [
            f"as of {assessment.as_of} ({fy.label_ja}); target: {_targets_used(assessment, lang)}",
            f"{len(assessment.results)} indicators: {counts}",
            f"mean achievement (capped at 100%) of assessable indicators: {mean}",
        ]
    if graded:
        grades_text = ", ".join(f"{g} {n}" for g, n in assessment.overall.grades if n)
        tail.append(("評価" if ja else "grades") + f" ({assessment.scheme}): {grades_text}")
    if not args.all:
        tail.append(
            "(実績のない指標は省略; --all で表示)"
            if ja
            else "(indicators with no data are hidden; --all shows them)"
        )
    return table + "\n\n" + "\n".join(tail) + "\n"


def _rollup_label(plan: Plan, level: str, row: Row, lang: Lang) -> str:
    """A roll-up group's name in the chosen language (the Japanese beside the English)."""
    key = str(row["key"])
    if level == Level.PILLAR:
        return name_with_japanese(plan.pillar(key), lang)
    if level == Level.PROMOTION_ITEM:
        return name_with_japanese(plan.promotion_item(key), lang)
    bureau = plan.bureau(key)
    return bureau.name_ja if lang is Lang.JA else f"{bureau.name_en} ({bureau.name_ja})"


def _fraction(value: object) -> float | None:
    return value if isinstance(value, float) else None


def _write_rollup(args: argparse.Namespace, assessment: Assessment) -> None:
    """``--by LEVEL``: the roll-up as a table for people, or as CSV or JSON rows."""
    rows = rollup_rows(assessment, args.by)
    if args.format == "csv":
        _write(args, format_csv(ROLLUP_COLUMNS, rounded_rows(rows), bom=args.bom))
        return
    if args.format == "json":
        _write(args, json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return
    lang = _lang(args)
    plan = _plan(args)
    header = [column_label(c, lang) for c in ("key", "label", "total")]
    header += [status_label(s, lang) for s in Status]
    header += [column_label(c, lang) for c in ("assessable", "mean_achievement")]
    table_rows_ = [
        [
            r["key"],
            _rollup_label(plan, args.by, r, lang),
            r["total"],
            *(r[s.value] for s in Status),
            r["assessable"],
            percent(_fraction(r["mean_achievement"])),
        ]
        for r in rows
    ]
    _write(args, _text.table(header, table_rows_, max_width=30) + "\n")


def _targets_used(assessment: Assessment, lang: Lang) -> str:
    """The target column(s) the results were judged against, in column order."""
    used = {r.target for r in assessment.results}
    return ", ".join(target_label(c, lang) for c in TargetColumn if c in used)


#: Options of ``progress`` that apply only when assessing a file, by their flags.
_ASSESS_ONLY = {
    "chart": "--chart",
    "all": "--all",
    "keep_valid": "--keep-valid",
    "encoding": "--encoding",
    "on_track": "--on-track",
    "needs_acceleration": "--needs-acceleration",
    "scheme": "--scheme",
    "by": "--by",
}


def _check_progress_args(args: argparse.Namespace, plan: Plan) -> None:
    """Refuse, before any output, what cannot be done or does not apply to the mode."""
    if args.template:
        if args.file:
            raise UsageError("--template writes a new file: give no observations file")
        for name, flag in _ASSESS_ONLY.items():
            if getattr(args, name) not in (None, False):
                raise UsageError(f"{flag} does not apply to --template")
        if args.format not in (None, "csv", "xlsx"):
            raise UsageError(
                f"--template writes CSV or xlsx: --format {args.format} does not apply"
            )
        if args.format == "xlsx" and (args.output is None or args.bom):
            raise UsageError("--format xlsx writes a workbook: give -o FILE.xlsx (and no --bom)")
        if args.fy is not None and not plan.first_year <= args.fy <= plan.last_year:
            raise UsageError(f"--fy: {_outside_plan(plan, args.fy)}")
        return
    if not args.file:
        raise UsageError("give an observations file (CSV, JSON or xlsx), or --template")
    if args.fy is not None:
        raise UsageError("--fy applies to --template only: observations carry their own years")
    if args.all and args.by:
        raise UsageError("--all applies to the indicators table, not to --by")
    if args.all and (args.format or "table") != "table":
        raise UsageError(f"--all applies to the table only, not to --format {args.format}")
    if args.bom and (args.format or "table") != "csv":
        raise UsageError(f"--bom applies to CSV only, not to --format {args.format or 'table'}")
    if args.format == "xlsx" and (args.output is None or args.by or args.bom):
        raise UsageError(
            "--format xlsx writes a workbook of every level: give -o FILE.xlsx, "
            "and no --by or --bom"
        )
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
        if args.format == "xlsx":
            from fukuoka_dx.report.excel import template_workbook

            _write_bytes(args, template_workbook(plan, fy, column, _lang(args)))
        else:
            _write(args, _template(plan, fy, column, bom=args.bom))
        return 0
    result = read_observations(
        args.file, plan, keep_valid=True, skip_empty=True, encoding=args.encoding
    )
    if result.rejected and not args.keep_valid:
        raise ObservationsError(result.rejected)
    _report_reading(args, result)
    given = {"on_track": args.on_track, "needs_acceleration": args.needs_acceleration}
    thresholds = Thresholds(**{k: v for k, v in given.items() if v is not None})
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
    if args.format == "xlsx":
        from fukuoka_dx.report.excel import results_workbook

        _write_bytes(args, results_workbook(assessment, plan, _lang(args)))
    elif args.by:
        _write_rollup(args, assessment)
    elif args.format == "csv":
        _write(
            args,
            format_csv(RESULT_COLUMNS, rounded_rows(result_rows(assessment, plan)), bom=args.bom),
        )
    elif args.format == "json":
        _write(args, to_json(assessment, indent=1) + "\n")
    else:
        _write(args, _progress_table(args, assessment, plan, day))
    if args.chart is not None:
        from fukuoka_dx.report.chart import save_chart

        save_chart(assessment, plan, args.chart)
        err.write(f"{PROG}: chart written to {args.chart}\n")
    return 0


# -- trend ----------------------------------------------------------------------------------


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
    _emit(args, "\n".join(trend_lines(indicator, r, day, _lang(args))))
    t = r.trajectory
    assert t is not None  # assess sets one for every indicator
    if args.chart is not None:
        from fukuoka_dx.report.chart import save_figure, trend_chart

        save_figure(trend_chart(t, indicator), args.chart)
        args.stderr.write(f"{PROG}: chart written to {args.chart}\n")
    return 0


# -- report ---------------------------------------------------------------------------------


def cmd_report(args: argparse.Namespace) -> int:
    """The one-file HTML progress report of an observations file."""
    from fukuoka_dx.report.html import report_html

    plan = _plan(args)
    if not (args.output or "").lower().endswith((".html", ".htm")) and args.output is not None:
        raise UsageError(f"the report is HTML: give -o a .html name, not {args.output!r}")
    day: pendulum.Date = args.as_of or today()
    result = read_observations(
        args.file, plan, keep_valid=True, skip_empty=True, encoding=args.encoding
    )
    if result.rejected and not args.keep_valid:
        raise ObservationsError(result.rejected)
    _report_reading(args, result)
    target = TargetColumn(args.target) if args.target else None
    assessment = assess(
        plan, result.observations, as_of=day, target=target, scheme=args.scheme or STANDARD
    )
    html = report_html(assessment, plan, lang=_lang(args), observations_left_out=result.rejected)
    _write(args, html)
    if args.output is not None:
        args.stderr.write(f"{PROG}: wrote {args.output}\n")
    return 0


# -- parser ---------------------------------------------------------------------------------


def _lang_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lang",
        choices=[lang.value for lang in Lang],
        help="language of labels for people (default: ja where the locale is Japanese, else en)",
    )


def _bom_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--bom", action="store_true", help="start CSV with a UTF-8 BOM (for Excel)")


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
    p.add_argument("--bureaus", action="store_true", help="also the initiatives per bureau")
    p.add_argument("--kinds", action="store_true", help="also the indicators per target kind")
    p.add_argument("--activities", action="store_true", help="also every activity this year")
    _lang_option(p)
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("show", help="one pillar, promotion item, initiative or indicator")
    p.add_argument("id", help="e.g. 4, 4-17, 4-17-8 or 4-17-8.1")
    p.add_argument("--format", choices=("text", "json"), default="text")
    _lang_option(p)
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("search", help="initiatives whose text contains TEXT")
    p.add_argument("text")
    p.add_argument("--bureau", help="Japanese or English bureau name, or a ward (東区)")
    p.add_argument("--pillar", help="pillar id, 1 to 5")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    _bom_option(p)
    _lang_option(p)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("schedule", help="what every initiative does in a fiscal year")
    p.add_argument("--fy", type=_fy_arg, help="fiscal year (R6, 令和6年度, FY2024, 2024)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    _bom_option(p)
    _lang_option(p)
    p.set_defaults(func=cmd_schedule)

    p = sub.add_parser(
        "export",
        help="a table of the plan, the plan as a Data Package (datapackage -o DIR), or a JSON "
        "Schema (schema plan|observations)",
    )
    p.add_argument("table", choices=[*(t.value for t in Table), "datapackage", "schema"])
    p.add_argument("what", nargs="?", help="export schema: plan or observations")
    p.add_argument("--format", choices=("csv", "json"), help="default: csv")
    p.add_argument("--output", "-o", help="file to write (default: standard output)")
    _bom_option(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("trend", help="one indicator over the years: points, pace, projection")
    p.add_argument("file", help="observations file (.csv, .json or .xlsx)")
    p.add_argument("indicator", help="indicator id, e.g. 1-1-3.1")
    p.add_argument("--as-of", type=_date_arg, help="date to look from (default: today, JST)")
    p.add_argument("--target", choices=("midterm", "final"), help="default: by the as-of date")
    p.add_argument("--encoding", choices=tuple(ENCODINGS), help="the file's encoding")
    p.add_argument("--chart", help="also draw the trajectory to a .png, .svg or .pdf file")
    _lang_option(p)
    p.set_defaults(func=cmd_trend)

    p = sub.add_parser("report", help="a one-file HTML progress report (the report extra)")
    p.add_argument("file", help="observations file (.csv, .json or .xlsx)")
    p.add_argument("--as-of", type=_date_arg, help="date to assess at (default: today, JST)")
    p.add_argument("--target", choices=("midterm", "final"), help="default: by the as-of date")
    p.add_argument("--scheme", type=_scheme_arg, metavar="SCHEME", help="as for progress")
    p.add_argument("--encoding", choices=tuple(ENCODINGS), help="the file's encoding")
    p.add_argument(
        "--keep-valid",
        action="store_true",
        help="report the valid rows and list the rejected ones in the report",
    )
    p.add_argument("--output", "-o", help="the .html file to write (default: standard output)")
    _lang_option(p)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("progress", help="assess observed figures against the targets")
    p.add_argument("file", nargs="?", help="observations file (.csv, .json or .xlsx)")
    p.add_argument("--as-of", type=_date_arg, help="date to assess at (default: today, JST)")
    p.add_argument("--target", choices=("midterm", "final"), help="default: by the as-of date")
    p.add_argument(
        "--format",
        choices=("table", "csv", "json", "xlsx"),
        help="default: table (xlsx: a workbook, with -o FILE; the excel extra)",
    )
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
    p.add_argument(
        "--by",
        choices=[level.value for level in Level],
        help="the roll-up of one level instead of the indicators",
    )
    _bom_option(p)
    _lang_option(p)
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
        _check_outputs(args)
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
