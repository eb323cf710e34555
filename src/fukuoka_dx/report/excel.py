"""Excel workbooks (the ``excel`` extra, openpyxl): the observations template staff fill in,
and the results of an assessment with a sheet per level.

The template has a row per indicator assessable in a fiscal year (as ``progress --template``
writes in CSV), headers in Japanese or English, and only the cells to fill in unlocked:
the value, validated as the indicator takes it (a number, a percentage from 0 to 100, a
stage from a list), the as-of date, the source and a note. The reader
(:func:`~fukuoka_dx.observations.spreadsheet.read_observations_xlsx`) takes it back through
the same checks as a CSV file, whichever language its headers are in.

>>> import io
>>> from openpyxl import load_workbook
>>> from fukuoka_dx import load_plan
>>> wb = load_workbook(io.BytesIO(template_workbook(load_plan(), "R7", lang="en")))
>>> wb.sheetnames
['observations', 'lists', 'about']
>>> [c.value for c in wb["observations"][1]][:6]
['indicator', 'fiscal year', 'value', 'as of', 'source', 'note']
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Final

from fukuoka_dx._optional import require_openpyxl
from fukuoka_dx._version import __version__
from fukuoka_dx.errors import InvalidValueError
from fukuoka_dx.fiscal_calendar import FiscalYear, as_fiscal_year
from fukuoka_dx.model import Indicator, Plan, TargetColumn
from fukuoka_dx.observations.spreadsheet import observation_header
from fukuoka_dx.observations.values import (
    OBSERVATION_COLUMNS,
    Figure,
    ValueRule,
    ValueRuleKind,
    value_rule,
    value_text,
)
from fukuoka_dx.progress import (
    Assessment,
    RollUp,
    RoundProgress,
    Status,
    assessable_indicators,
    default_column,
)
from fukuoka_dx.report.labels import (
    column_label,
    fy_label,
    status_label,
    target_label,
)
from fukuoka_dx.report.results import PEOPLE_COLUMNS, Level, result_table, rollups, rounded
from fukuoka_dx.report.rounds import figure_words, schedule_table, tracker_people_rows
from fukuoka_dx.report.sheets import CHECKED_RULES as _CHECKED
from fukuoka_dx.report.sheets import value_hint as _value_hint
from fukuoka_dx.report.sheets import value_validation as _validation
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

_HEADER_FILL: Final = "D9D9D9"
_INPUT_FILL: Final = "FFF2CC"
_DATE_FORMAT: Final = "yyyy-mm-dd"
_PERCENT_FORMAT: Final = "0.0%"


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang is Lang.JA else pair[1]


def _new_workbook() -> Workbook:
    require_openpyxl()
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.worksheets[0])
    wb.properties.creator = f"fukuoka-dx {__version__}"
    return wb


def _bytes(wb: Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _header_row(ws: Worksheet, headers: Sequence[str], widths: Sequence[float]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws.append(list(headers))
    fill = PatternFill("solid", fgColor=_HEADER_FILL)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width


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


# -- the template ---------------------------------------------------------------------------


def template_indicators(
    plan: Plan, fy: FiscalYear | int | str, column: TargetColumn | str | None = None
) -> tuple[Indicator, ...]:
    """The indicators a template for ``fy`` has a row for
    (:func:`~fukuoka_dx.progress.assessable_indicators`, kept here under its old name)."""
    return assessable_indicators(plan, fy, column)


#: The read-only columns after the observation columns, with their widths.
_CONTEXT: Final = ("name", "unit", "baseline", "midterm", "final", "hint")
_WIDTHS: Final = (11, 9, 16, 13, 24, 24, 48, 8, 22, 22, 22, 40)


def _context_header(column: str, lang: Lang) -> str:
    if column in ("baseline", "midterm", "final"):
        return target_label(TargetColumn(column), lang)
    if column == "hint":
        return say("excel.what_to_enter", lang)
    return column_label(column, lang)


def template_workbook(
    plan: Plan,
    fy: FiscalYear | int | str,
    column: TargetColumn | str | None = None,
    lang: Lang | str = Lang.JA,
) -> bytes:
    """An ``.xlsx`` workbook to fill in the observations of ``fy``: a row per indicator
    assessable in it (:func:`template_indicators`), the same rows as the CSV template.

    Its first sheet has the observation columns with headers in ``lang``, then the
    indicator's name, unit, baseline and targets and what to enter. The sheet is protected
    (without a password: a guard against slips, not a lock) with only the value, as-of date,
    source and note cells unlocked; the value cells are validated as the indicator takes its
    value, the as-of cells as dates in or after ``fy``; the header row and the id column are
    frozen. A hidden sheet holds the lists of stages; an ``about`` sheet the plan's edition
    and digest. Needs the ``excel`` extra.
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
    headers = [observation_header(c, lang) for c in OBSERVATION_COLUMNS]
    headers += [_context_header(c, lang) for c in _CONTEXT]
    _header_row(ws, headers, _WIDTHS)
    inputs = [OBSERVATION_COLUMNS.index(c) + 1 for c in ("value", "as_of", "source", "note")]
    value_col = get_column_letter(OBSERVATION_COLUMNS.index("value") + 1)
    as_of_col = get_column_letter(OBSERVATION_COLUMNS.index("as_of") + 1)
    fy_text = year.short if lang is Lang.JA else str(year)
    validations: dict[tuple[ValueRule, str], DataValidation] = {}
    input_fill = PatternFill("solid", fgColor=_INPUT_FILL)
    for n, ind in enumerate(indicators, 2):
        in_force = named or default_column(ind, year.end)
        targets = {
            c.value: f"{ind.cell(c).text} ({fy_label(ind.fiscal_year(c), lang)})"
            for c in TargetColumn
        }
        rule = value_rule(ind)
        hint = _value_hint(ind, rule, lang)
        ws.append(
            [
                ind.id,
                fy_text,
                None,
                None,
                None,
                None,
                ind.name,
                ind.unit or "",
                *targets.values(),
                hint,
            ]
        )
        for i in range(1, len(headers) + 1):
            ws.cell(n, i).number_format = "@"  # text: nothing typed is taken for a date
        for i in inputs:
            ws.cell(n, i).protection = Protection(locked=False)
            ws.cell(n, i).fill = input_fill
        ws[f"{as_of_col}{n}"].number_format = _DATE_FORMAT
        if rule.kind in _CHECKED and rule.kind is not ValueRuleKind.STAGE:
            ws[f"{value_col}{n}"].number_format = "General"  # a number, never a percentage
        bold = len(OBSERVATION_COLUMNS) + _CONTEXT.index(in_force.value) + 1
        ws.cell(n, bold).font = Font(bold=True)  # the target the year is judged against
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
    ws.freeze_panes = "B2"
    _filter(ws)
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

#: The columns of the indicators sheet of the results, in order: the progress table for
#: people, then the trajectory and the grade.
_RESULT_COLUMNS: Final = (
    *PEOPLE_COLUMNS,
    "pace",
    "projected",
    "required_pace",
    "on_course",
    "grade",
)
_RESULT_WIDTHS: Final = (11, 48, 8, 28, 12, 12, 14, 10, 10, 14, 40, 12, 12, 12, 10, 8)


def _indicator_sheet(ws: Worksheet, assessment: Assessment, lang: Lang) -> None:
    graded = assessment.scheme.graded
    columns = _RESULT_COLUMNS if graded else _RESULT_COLUMNS[:-1]
    _header_row(ws, [column_label(c, lang) for c in columns], _RESULT_WIDTHS)
    yes_no = {
        "true": say("word.yes_course", lang),
        "false": say("word.no_course", lang),
    }
    for n, result_row in enumerate(result_table(assessment), 2):
        r = result_row.result
        words = result_row.for_people(lang)  # the words, as every table has them
        row = result_row.machine()  # the numbers, unrounded
        o = r.observation
        observed: object = None
        if o is not None:
            observed = o.value.value if isinstance(o.value, Figure) else value_text(o.value)
        values: dict[str, object] = {
            **{c: words[c] or None for c in ("indicator_id", "name", "unit", "target")},
            **{c: words[c] or None for c in ("target_fy", "observed_fy", "status", "reason")},
            "observed_value": observed,
            "achievement": r.achievement,
            "expected": r.expected,
            "pace": rounded(row["pace"]),
            "projected": rounded(row["projected"]),
            "required_pace": rounded(row["required_pace"]),
            "on_course": yes_no.get(str(row["on_course"])),
            "grade": r.grade,
        }
        ws.append([values[c] for c in columns])
        for c in ("achievement", "expected"):
            ws.cell(n, columns.index(c) + 1).number_format = _PERCENT_FORMAT
    ws.freeze_panes = "B2"
    _filter(ws)


def _rollup_sheet(
    ws: Worksheet, groups: Sequence[RollUp], grades: Sequence[str], lang: Lang
) -> None:
    headers = [column_label(c, lang) for c in ("key", "label", "total")]
    headers += [status_label(s, lang) for s in Status]
    headers += [column_label(c, lang) for c in ("assessable", "mean_achievement")]
    headers += list(grades)
    widths = [22, 36, 9] + [11] * len(Status) + [10, 12] + [7] * len(grades)
    _header_row(ws, headers, widths)
    for g in groups:
        ws.append(
            [
                g.key,
                g.label,
                g.total,
                *(g.count(s) for s in Status),
                g.assessable,
                g.mean_achievement,
                *(g.grade_count(grade) for grade in grades),
            ]
        )
        ws.cell(ws.max_row, 3 + len(Status) + 2).number_format = _PERCENT_FORMAT
    ws.freeze_panes = "C2"
    _filter(ws)


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
        _rollup_sheet(sheet, rollups(assessment, level), grades, lang)
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
    from openpyxl.styles import Alignment
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
            for cell in ws[ws.max_row]:
                cell.alignment = Alignment(vertical="top", wrap_text=True)
        ws.freeze_panes = "B2"
        _filter(ws)
