"""Excel workbooks (the ``excel`` extra, openpyxl): the observations template staff fill in,
and the results of an assessment with a sheet per level.

The template has a row per indicator a figure of the fiscal year may be assessed for (as
``template`` writes in CSV), with its bureau (所管) and pillar to filter by and its name and
unit just before the cells to fill in; headers in Japanese or English; and only those cells
unlocked: the value, validated as the indicator takes it (a number, a percentage from 0 to
100, a stage from a list), the as-of date, the source and a note. The reader
(:func:`~fukuoka_dx.observations.spreadsheet.read_observations_xlsx`) takes it back through
the same checks as a CSV file, whichever language its headers are in.

Every sheet prints on A4 landscape, one page wide, with its header row on every page and
page numbers in the footer.

>>> import io
>>> from openpyxl import load_workbook
>>> from fukuoka_dx import load_plan
>>> wb = load_workbook(io.BytesIO(template_workbook(load_plan(), "R7", lang="en")))
>>> wb.sheetnames
['observations', 'lists', 'about']
>>> [c.value for c in wb["observations"][1]][:10]
['bureau', 'pillar', 'indicator', 'fiscal year', 'name', 'unit', 'value', 'as of', 'source', 'note']
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Final

from fukuoka_dx._version import __version__
from fukuoka_dx.errors import InvalidValueError
from fukuoka_dx.fiscal_calendar import FiscalYear, as_fiscal_year
from fukuoka_dx.model import Indicator, Initiative, Plan, TargetColumn
from fukuoka_dx.observations.spreadsheet import observation_header
from fukuoka_dx.observations.values import (
    OBSERVATION_COLUMNS,
    Figure,
    Observation,
    ValueRule,
    ValueRuleKind,
    value_rule,
    value_text,
)
from fukuoka_dx.progress import (
    ASSESSABLE_KINDS,
    Assessment,
    RollUp,
    RoundProgress,
    Status,
    assessable_indicators,
    default_column,
)
from fukuoka_dx.progress.rules import judged_columns
from fukuoka_dx.report.labels import (
    bureau_label,
    column_label,
    fy_label,
    name_of,
    reason_label,
    status_label,
    target_label,
    unit_label,
)
from fukuoka_dx.report.results import Level, ResultRow, result_table, rollups, rounded
from fukuoka_dx.report.rounds import figure_words, schedule_table, tracker_people_rows
from fukuoka_dx.report.sheets import CHECKED_RULES as _CHECKED
from fukuoka_dx.report.sheets import header_row as _header_row
from fukuoka_dx.report.sheets import new_workbook as _new_workbook
from fukuoka_dx.report.sheets import print_setup as _print_setup
from fukuoka_dx.report.sheets import value_hint as _value_hint
from fukuoka_dx.report.sheets import value_validation as _validation
from fukuoka_dx.report.sheets import workbook_bytes as _bytes
from fukuoka_dx.report.text import width as text_width
from fukuoka_dx.targets import NumberTarget, Target
from fukuoka_dx.words import CATALOGUE, Lang, as_lang, say

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "RESULT_SHEETS",
    "TEMPLATE_SHEETS",
    "results_workbook",
    "template_indicators",
    "template_workbook",
]

#: The sheets of the template (Japanese, English): the observations, the lists of stages the
#: value cells of milestone indicators choose from (hidden), and what the file is.
TEMPLATE_SHEETS: Final[Mapping[str, tuple[str, str]]] = {
    key: CATALOGUE[f"excel.sheet.{key}"] for key in ("observations", "lists", "about")
}

#: The sheets of the results workbook (Japanese, English): one per level, then what it is.
RESULT_SHEETS: Final[Mapping[str, tuple[str, str]]] = {
    key: CATALOGUE[f"excel.sheet.{key}"]
    for key in ("indicators", *(level.value for level in Level), "about")
}

_INPUT_FILL: Final = "FFF2CC"
_DATE_FORMAT: Final = "yyyy-mm-dd"
_PERCENT_FORMAT: Final = "0.0%"
#: Figures: thousands separated, decimals as they are.
_NUMBER_FORMAT: Final = "#,##0.###"
_TEXT_FORMAT: Final = "@"


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang is Lang.JA else pair[1]


#: The height of a line of text in a row, in points (11-point type).
_LINE_HEIGHT: Final = 16.5


def _wrapped(ws: Worksheet, columns: Sequence[int], first: int = 2) -> None:
    """Text that wraps within its column in ``columns`` (1-based), from row ``first``, each
    row tall enough for its longest text (a spreadsheet program does not work that out for
    a file it did not write; a wide character takes two columns of width)."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    align = Alignment(vertical="top", wrap_text=True)
    top = Alignment(vertical="top")
    size = {c: ws.column_dimensions[get_column_letter(c)].width or 10.0 for c in columns}
    for row in ws.iter_rows(min_row=first):
        lines = 1
        for cell in row:
            column = cell.column
            assert isinstance(column, int)
            cell.alignment = align if column in columns else top
            if column in columns and cell.value is not None:
                room = max(1.0, size[column] - 2)
                text = str(cell.value)
                lines = max(
                    lines, sum(math.ceil(text_width(t) / room) or 1 for t in text.split("\n"))
                )
        number = row[0].row
        if number is not None:  # one line of Japanese is taller than the default row too
            ws.row_dimensions[number].height = _LINE_HEIGHT * lines + 2


def _filter(ws: Worksheet) -> None:
    if ws.max_row > 1:
        ws.auto_filter.ref = ws.dimensions


def _about(wb: Workbook, title: str, items: Sequence[tuple[str, str, object]], lang: Lang) -> None:
    """A sheet of what the file is: a machine key, a label for people and a value per row."""
    from openpyxl.worksheet.worksheet import Worksheet

    ws = wb.create_sheet(title)
    assert isinstance(ws, Worksheet)
    _header_row(
        ws,
        [
            say("excel.about.key", lang),
            say("excel.about.item", lang),
            say("excel.about.value", lang),
        ],
        (16, 28, 72),
    )
    for key, label, value in items:
        ws.append([key, label, value])
        if key == "mean_achievement":
            ws.cell(ws.max_row, 3).number_format = _PERCENT_FORMAT
    ws.freeze_panes = "A2"
    _wrapped(ws, (2, 3))
    _print_setup(ws, title)


# -- the template ---------------------------------------------------------------------------


def template_indicators(
    plan: Plan, fy: FiscalYear | int | str, column: TargetColumn | str | None = None
) -> tuple[Indicator, ...]:
    """The indicators a template for ``fy`` has a row for
    (:func:`~fukuoka_dx.progress.assessable_indicators`, kept here under its old name)."""
    return assessable_indicators(plan, fy, column)


#: The template's columns, in order, with their widths: the bureau and pillar to filter by,
#: the indicator and year, its name and unit just before the cells to fill in (the
#: observation columns the reader takes), what to enter, then the plan's baseline and
#: targets.
_TEMPLATE_COLUMNS: Final = (
    ("bureau", 14),
    ("pillar", 14),
    ("indicator_id", 10),
    ("fiscal_year", 8),
    ("name", 36),
    ("unit", 7),
    ("value", 14),
    ("as_of", 12),
    ("source", 18),
    ("note", 22),
    ("hint", 30),
    ("baseline", 18),
    ("midterm", 18),
    ("final", 18),
)
_TEMPLATE_KEYS: Final = tuple(key for key, _ in _TEMPLATE_COLUMNS)
#: The cells people fill in.
_INPUTS: Final = ("value", "as_of", "source", "note")
#: The columns whose text wraps (names, hints, targets).
_TEMPLATE_WRAPPED: Final = ("bureau", "pillar", "name", "hint", "baseline", "midterm", "final")


def _template_header(column: str, lang: Lang) -> str:
    if column in OBSERVATION_COLUMNS:
        return observation_header(column, lang)
    if column in ("baseline", "midterm", "final"):
        return target_label(TargetColumn(column), lang)
    if column == "hint":
        return say("excel.what_to_enter", lang)
    if column == "pillar":
        return column_label("pillar_id", lang)
    return column_label(column, lang)


def _pillar_cell(plan: Plan, ini: Initiative, lang: Lang) -> str:
    pillar = plan.pillar(ini.pillar_id)
    return f"{pillar.id} {name_of(pillar, lang)}"


def _in_force(ind: Indicator, year: FiscalYear, named: TargetColumn | None) -> TargetColumn:
    """The target a figure of ``year`` is judged against at the year's end (or the one
    named); where that one cannot be judged, the later one it may be judged against."""
    if named is not None:
        return named
    chosen = default_column(ind, year.end)
    if ind.target(chosen).kind in ASSESSABLE_KINDS:
        return chosen
    return next(
        (c for c in judged_columns(ind, year) if ind.target(c).kind in ASSESSABLE_KINDS), chosen
    )


def template_workbook(
    plan: Plan,
    fy: FiscalYear | int | str,
    column: TargetColumn | str | None = None,
    lang: Lang | str = Lang.JA,
) -> bytes:
    """An ``.xlsx`` workbook to fill in the observations of ``fy``: a row per indicator a
    figure of ``fy`` may be assessed for (:func:`template_indicators`), the same rows as
    the CSV template.

    Its first sheet has, with headers in ``lang``: the bureau (所管) and pillar, the
    indicator and year, its name and unit, the cells to fill in (value, as-of date, source,
    note), what to enter, and the plan's baseline and targets (the one the year is judged
    against in bold). The sheet is protected (without a password: a guard against slips,
    not a lock) with only the cells to fill in unlocked; the value cells are validated as
    the indicator takes its value, the as-of cells as dates in or after ``fy``; the header
    row and the columns up to the value are frozen; it prints on A4 landscape, one page
    wide, with the header row on every page. A hidden sheet holds the lists of stages; an
    ``about`` sheet the plan's edition and digest. Needs the ``excel`` extra.
    """
    from openpyxl.styles import Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.workbook.protection import WorkbookProtection
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.worksheet import Worksheet

    lang = as_lang(lang)
    year = as_fiscal_year(fy)
    named = TargetColumn(column) if column is not None else None
    indicators = assessable_indicators(plan, year, named)
    wb = _new_workbook()
    ws = wb.create_sheet(_pick(TEMPLATE_SHEETS["observations"], lang))
    lists = wb.create_sheet(_pick(TEMPLATE_SHEETS["lists"], lang))
    assert isinstance(ws, Worksheet) and isinstance(lists, Worksheet)
    headers = [_template_header(c, lang) for c in _TEMPLATE_KEYS]
    _header_row(ws, headers, [w for _, w in _TEMPLATE_COLUMNS])

    def at(key: str) -> int:
        return _TEMPLATE_KEYS.index(key) + 1

    value_col = get_column_letter(at("value"))
    as_of_col = get_column_letter(at("as_of"))
    fy_text = year.short if lang is Lang.JA else str(year)
    validations: dict[tuple[ValueRule, str], DataValidation] = {}
    input_fill = PatternFill("solid", fgColor=_INPUT_FILL)
    initiative_of = {i.id: ini for ini in plan.initiatives for i in ini.indicators}
    for n, ind in enumerate(indicators, 2):
        ini = initiative_of[ind.id]
        rule = value_rule(ind)
        hint = _value_hint(ind, rule, lang)
        cells: dict[str, object] = {
            "bureau": bureau_label(ini.bureau, lang),
            "pillar": _pillar_cell(plan, ini, lang),
            "indicator_id": ind.id,
            "fiscal_year": fy_text,
            "name": ind.name,
            "unit": ind.unit or "",
            "hint": hint,
            **{
                c.value: f"{ind.cell(c).text} ({fy_label(ind.fiscal_year(c), lang)})"
                for c in TargetColumn
            },
        }
        ws.append([cells.get(key) for key in _TEMPLATE_KEYS])
        for i in range(1, len(headers) + 1):
            ws.cell(n, i).number_format = _TEXT_FORMAT  # nothing typed is taken for a date
        for name in _INPUTS:
            ws.cell(n, at(name)).protection = Protection(locked=False)
            ws.cell(n, at(name)).fill = input_fill
        ws[f"{as_of_col}{n}"].number_format = _DATE_FORMAT
        if rule.kind in _CHECKED and rule.kind is not ValueRuleKind.STAGE:
            ws[f"{value_col}{n}"].number_format = "General"  # a number, never a percentage
        # the target the year is judged against, in bold
        ws.cell(n, at(_in_force(ind, year, named).value)).font = Font(bold=True)
        if rule.kind is ValueRuleKind.STAGE:
            col = get_column_letter(lists.max_column + 1 if lists.max_row > 1 else 1)
            lists[f"{col}1"] = ind.id
            for k, stage in enumerate(ind.stages, 2):
                lists[f"{col}{k}"] = stage
            source = f"{quote_sheetname(lists.title)}!${col}$2:${col}${len(ind.stages) + 1}"
            key = (rule, ind.id)
            validations[key] = _validation(rule, lang, hint, source)
        else:
            key = (rule, hint)
            if key not in validations:
                validations[key] = _validation(rule, lang, hint)
        validations[key].add(f"{value_col}{n}")
    _wrapped(ws, [at(k) for k in _TEMPLATE_WRAPPED])
    last = len(indicators) + 1
    for dv in validations.values():
        ws.add_data_validation(dv)
    if indicators:
        dates = DataValidation(
            type="date",
            operator="greaterThanOrEqual",
            formula1=f"DATE({year.start.year},{year.start.month},{year.start.day})",
            allow_blank=True,
            showInputMessage=True,
            promptTitle=observation_header("as_of", lang),
            prompt=say("excel.date_prompt", lang, start=year.start, end=year.end),
            showErrorMessage=True,
            errorTitle=observation_header("as_of", lang),
            error=say("excel.date_error", lang, start=year.start),
        )
        dates.add(f"{as_of_col}2:{as_of_col}{last}")
        ws.add_data_validation(dates)
    ws.freeze_panes = f"{value_col}2"  # the header row, and the columns up to the value
    _filter(ws)
    _print_setup(ws, ws.title)
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # widths and filters stay free to change
    ws.protection.formatRows = False
    ws.protection.autoFilter = False
    lists.sheet_state = "hidden"
    lists.protection.sheet = True
    about = [
        ("edition", say("excel.about.edition", lang), plan.edition),
        ("title", say("excel.about.title", lang), plan.title),
        ("digest", say("excel.about.digest", lang), plan.digest),
        ("fiscal_year", say("excel.about.fiscal_year", lang), fy_label(year, lang)),
        (
            "target",
            say("excel.about.target", lang),
            target_label(named, lang) if named else say("excel.target_at_year_end", lang),
        ),
        ("indicators", say("excel.about.indicators", lang), len(indicators)),
        ("generator", say("excel.about.generator", lang), f"fukuoka-dx {__version__}"),
        (
            "how_to",
            say("excel.about.how_to", lang),
            say("excel.how_to", lang, sheet=ws.title),
        ),
    ]
    _about(wb, _pick(TEMPLATE_SHEETS["about"], lang), about, lang)
    about_ws = wb[_pick(TEMPLATE_SHEETS["about"], lang)]
    assert isinstance(about_ws, Worksheet)
    about_ws.protection.sheet = True
    wb.active = 0
    wb.security = WorkbookProtection(lockStructure=True)
    return _bytes(wb)


# -- the results ----------------------------------------------------------------------------

#: The columns of the indicators sheet of the results, in order, with their widths: where
#: the indicator sits, its baseline and targets, each year's figure (inserted after
#: ``final``), the result, its trajectory and grade, and the source and note of the figure.
_RESULT_COLUMNS: Final = (
    ("bureau", 14),
    ("pillar_id", 5),
    ("initiative_id", 8),
    ("indicator_id", 9),
    ("name", 34),
    ("unit", 6),
    ("baseline_fy", 10),
    ("baseline", 11),
    ("midterm", 11),
    ("final", 11),
    ("target", 11),
    ("target_value", 11),
    ("target_fy", 10),
    ("observed_fy", 10),
    ("observed_value", 11),
    ("achievement", 9),
    ("expected", 9),
    ("status", 11),
    ("grade", 6),
    ("reason", 28),
    ("pace", 11),
    ("projected", 11),
    ("required_pace", 11),
    ("on_course", 10),
    ("source", 16),
    ("note", 24),
    ("marks", 14),
)
_RESULT_WRAPPED: Final = ("bureau", "name", "reason", "source", "note", "marks", "baseline")
_YEAR_WIDTH: Final = 11


def _target_cell(target: Target) -> object:
    """A target as a workbook cell: its figure where it has one, else its text."""
    return target.value if isinstance(target, NumberTarget) else (target.text or None)


def _observed_cell(o: Observation | None) -> object:
    """An observed value as a workbook cell: a figure as a number, else its text."""
    if o is None:
        return None
    return o.value.value if isinstance(o.value, Figure) else value_text(o.value)


def _result_header(key: str, lang: Lang) -> str:
    if key in ("baseline", "midterm", "final"):
        return target_label(TargetColumn(key), lang)
    if key == "baseline_fy":
        return say("excel.baseline_fy", lang)
    if key == "marks":
        return say("excel.marks", lang)
    return column_label(key, lang)


def _result_cells(
    row: ResultRow, plan: Plan, lang: Lang, yes_no: Mapping[str, str]
) -> dict[str, object]:
    r, ind, o = row.result, row.indicator, row.result.observation
    machine = row.machine()
    words = row.for_people(lang)
    judged = ind.target(r.target)
    return {
        "bureau": bureau_label(row.bureau, lang),
        "pillar_id": row.initiative.pillar_id,
        "initiative_id": row.initiative.id,
        "indicator_id": ind.id,
        "name": words["name"],
        "unit": unit_label(ind, lang) or None,
        "baseline_fy": fy_label(ind.baseline_fy, lang),
        **{c.value: _target_cell(ind.target(c)) for c in TargetColumn},
        "target": target_label(r.target, lang),
        "target_value": _target_cell(judged),
        "target_fy": fy_label(r.target_fy, lang),
        "observed_fy": fy_label(o.fiscal_year, lang) if o else None,
        "observed_value": _observed_cell(o),
        "achievement": r.achievement,
        "expected": r.expected,
        "status": status_label(r.status, lang),
        "grade": r.grade,
        "reason": reason_label(r.reason, lang) or None,
        "pace": rounded(machine["pace"]),
        "projected": rounded(machine["projected"]),
        "required_pace": rounded(machine["required_pace"]),
        "on_course": yes_no.get(str(machine["on_course"])),
        "source": words["source"] or None,
        "note": words["note"] or None,
        "marks": words["marks"] or None,
    }


def _indicator_sheet(ws: Worksheet, assessment: Assessment, lang: Lang) -> None:
    """The indicators sheet: a row per indicator, figures as numbers (targets where they are
    figures, each year's observation, rates as percentages)."""
    from openpyxl.comments import Comment
    from openpyxl.utils import get_column_letter

    plan = assessment.plan
    graded = assessment.scheme.graded
    columns = [(k, w) for k, w in _RESULT_COLUMNS if graded or k != "grade"]
    years = tuple(
        FiscalYear(y)
        for y in range(min(i.baseline_fy.year for i in plan.indicators), plan.last_year.year + 1)
    )
    final_at = next(k for k, (key, _) in enumerate(columns) if key == "final") + 1
    keys = [k for k, _ in columns]
    keys[final_at:final_at] = [f"fy{fy.year}" for fy in years]
    widths = [w for _, w in columns]
    widths[final_at:final_at] = [_YEAR_WIDTH] * len(years)
    headers = [
        fy_label(FiscalYear(int(k[2:])), lang) if k.startswith("fy") else _result_header(k, lang)
        for k in keys
    ]
    _header_row(ws, headers, widths)
    yes_no = {"true": say("word.yes_course", lang), "false": say("word.no_course", lang)}
    numeric = {"baseline", "midterm", "final", "target_value", "observed_value", "pace"}
    numeric |= {"projected", "required_pace", *(k for k in keys if k.startswith("fy"))}
    for n, row in enumerate(result_table(assessment), 2):
        cells = _result_cells(row, plan, lang, yes_no)
        for fy, o in zip(years, row.yearly(years), strict=True):
            cells[f"fy{fy.year}"] = _observed_cell(o)
        ws.append([cells.get(k) for k in keys])
        for k, key in enumerate(keys, 1):
            cell = ws.cell(n, k)
            if key in ("achievement", "expected"):
                cell.number_format = _PERCENT_FORMAT
            elif key in numeric and isinstance(cell.value, int | float):
                cell.number_format = _NUMBER_FORMAT
        for c in TargetColumn:  # the published text, where a figure cell does not show it
            target = row.indicator.target(c)
            cell = ws.cell(n, keys.index(c.value) + 1)
            if isinstance(target, NumberTarget) and target.text != f"{cell.value:,g}":
                cell.comment = Comment(target.text, "fukuoka-dx")
    _wrapped(ws, [keys.index(k) + 1 for k in _RESULT_WRAPPED if k in keys])
    ws.freeze_panes = f"{get_column_letter(keys.index('name') + 2)}2"
    _filter(ws)
    _print_setup(ws, ws.title)


def _rollup_sheet(
    ws: Worksheet,
    groups: Sequence[RollUp],
    level: Level,
    plan: Plan,
    grades: Sequence[str],
    lang: Lang,
) -> None:
    """A roll-up sheet: a row per group of the plan, named in ``lang`` (a bureau by its
    Japanese name in Japanese), counts per status and grade, what the mean is over, and why
    a group has none."""
    headers = [column_label(c, lang) for c in ("key", "label", "total")]
    headers += [status_label(s, lang) for s in Status]
    headers += [column_label(c, lang) for c in ("assessable", "mean_achievement", "averaged")]
    headers += list(grades)
    headers.append(column_label("reason", lang))
    widths = [12, 36, 8] + [9] * len(Status) + [9, 10, 9] + [6] * len(grades) + [30]
    _header_row(ws, headers, widths)
    for g in groups:
        if level is Level.BUREAU:
            label = bureau_label(plan.bureau(g.key), lang)
        elif level is Level.PILLAR:
            label = name_of(plan.pillar(g.key), lang)
        else:
            label = name_of(plan.promotion_item(g.key), lang)
        ws.append(
            [
                g.key,
                label,
                g.total,
                *(g.count(s) for s in Status),
                g.assessable,
                g.mean_achievement,
                g.averaged,
                *(g.grade_count(grade) for grade in grades),
                reason_label(g.note, lang) if g.mean_achievement is None else None,
            ]
        )
        ws.cell(ws.max_row, 3 + len(Status) + 2).number_format = _PERCENT_FORMAT
    _wrapped(ws, (2, len(headers)))
    ws.freeze_panes = "C2"
    _filter(ws)
    _print_setup(ws, ws.title)


def results_workbook(
    assessment: Assessment,
    plan: Plan | None = None,
    lang: Lang | str = Lang.JA,
    *,
    progress: RoundProgress | None = None,
) -> bytes:
    """An ``.xlsx`` workbook of an assessment: a sheet of indicators (the progress table with
    its trajectory, and the grade under a scheme other than ``standard``), one per roll-up
    level (promotion items, pillars, bureaus: counts per status, with the status labels as
    headers), and an ``about`` sheet (edition, digest, as-of date, target, scheme, overall
    counts). Rates are numbers shown as percentages; headers are in ``lang``. Of a reporting
    round (``progress``, whose assessment ``assessment`` is), three sheets more: the
    schedule's progress with the bureaus' words, their accounts of the figures, and each
    bureau's return. Needs the ``excel`` extra."""
    from openpyxl.worksheet.worksheet import Worksheet

    lang = as_lang(lang)
    if plan is not None and plan.digest != assessment.digest:
        raise InvalidValueError(
            f"the assessment is of the plan {assessment.edition} with digest "
            f"{assessment.digest[:12]}, not of this plan ({plan.edition}, {plan.digest[:12]})"
        )
    plan = assessment.plan
    wb = _new_workbook()
    sheet = wb.create_sheet(_pick(RESULT_SHEETS["indicators"], lang))
    assert isinstance(sheet, Worksheet)
    _indicator_sheet(sheet, assessment, lang)
    grades = list(assessment.scheme.labels) if assessment.scheme.graded else []
    for level in (Level.PROMOTION_ITEM, Level.PILLAR, Level.BUREAU):
        sheet = wb.create_sheet(_pick(RESULT_SHEETS[level.value], lang))
        assert isinstance(sheet, Worksheet)
        _rollup_sheet(sheet, rollups(assessment, level), level, plan, grades, lang)
    overall = assessment.overall
    target = (
        target_label(assessment.target, lang)
        if assessment.target
        else say("excel.target_on_as_of", lang)
    )
    about: list[tuple[str, str, object]] = [
        ("edition", say("excel.about.edition", lang), assessment.edition),
        ("title", say("excel.about.title", lang), plan.title),
        ("digest", say("excel.about.digest", lang), assessment.digest),
        ("as_of", say("excel.about.as_of", lang), assessment.as_of.isoformat()),
        (
            "as_of_fy",
            say("excel.about.as_of_fy", lang),
            fy_label(FiscalYear.from_date(assessment.as_of), lang),
        ),
        ("target", say("excel.about.target", lang), target),
        ("scheme", say("excel.about.scheme", lang), assessment.scheme.name),
        ("total", column_label("total", lang), overall.total),
        *((s.value, status_label(s, lang), overall.count(s)) for s in Status),
        ("assessable", column_label("assessable", lang), overall.assessable),
        ("mean_achievement", column_label("mean_achievement", lang), overall.mean_achievement),
        ("averaged", column_label("averaged", lang), overall.averaged),
        ("counted", say("excel.about.counted", lang), say("screen.rollup_legend", lang)),
        *((f"grade {g}", g, overall.grade_count(g)) for g in grades),
        (
            "excluded",
            say("excel.about.excluded", lang),
            len(assessment.excluded),
        ),
        ("generator", say("excel.about.generator", lang), f"fukuoka-dx {__version__}"),
    ]
    if progress is not None:
        _round_sheets(wb, progress, lang)
    _about(wb, _pick(RESULT_SHEETS["about"], lang), about, lang)
    wb.active = 0
    return _bytes(wb)


def _round_sheets(wb: Workbook, progress: RoundProgress, lang: Lang) -> None:
    """A round's sheets: each initiative's schedule and status with the bureau's words,
    each figure's account, each bureau's return (the rows of :mod:`.rounds`)."""
    from openpyxl.worksheet.worksheet import Worksheet

    round_ = progress.round
    plan = progress.assessment.plan
    schedule = [r.for_people(lang) for r in schedule_table(progress)]
    words = []
    for ind in plan.indicators:
        w = figure_words(round_, ind.id, lang)
        words.append(
            {
                "indicator_id": ind.id,
                "name": ind.name,
                "provisional": w.provisional,
                "evidence": w.evidence,
                "factors": w.factors,
                "issues": w.issues,
                "next_step": w.next_step,
                "files": "\n".join(w.places),
            }
        )
    sheets = (
        (
            "schedule",
            (
                "initiative_id",
                "title",
                "bureau",
                "scheduled",
                "status",
                "done",
                "factors",
                "issues",
                "next_step",
            ),
            schedule,
            (10, 34, 16, 34, 12, 40, 32, 28, 12),
        ),
        (
            "words",
            (
                "indicator_id",
                "name",
                "provisional",
                "evidence",
                "factors",
                "issues",
                "next_step",
                "files",
            ),
            words,
            (11, 34, 9, 22, 40, 32, 12, 30),
        ),
        (
            "returns",
            (
                "bureau",
                "return_status",
                "indicators_reported",
                "initiatives_reported",
                "refused",
                "files",
            ),
            tracker_people_rows(progress.tracker, lang),
            (24, 18, 12, 12, 8, 40),
        ),
    )
    for key, columns, rows, widths in sheets:
        ws = wb.create_sheet(say(f"excel.sheet.{key}", lang))
        assert isinstance(ws, Worksheet)
        _header_row(ws, [column_label(c, lang) for c in columns], widths)
        for row in rows:
            ws.append([row[c] or None for c in columns])
        _wrapped(ws, range(1, len(columns) + 1))
        ws.freeze_panes = "B2"
        _filter(ws)
        _print_setup(ws, ws.title)
