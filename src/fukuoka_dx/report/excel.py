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
from fukuoka_dx.fiscal_calendar import FiscalYear, as_fiscal_year
from fukuoka_dx.model import Indicator, Plan, TargetColumn
from fukuoka_dx.observations.spreadsheet import observation_header
from fukuoka_dx.observations.values import COUNT_UNITS, OBSERVATION_COLUMNS, Figure, value_text
from fukuoka_dx.progress import ASSESSABLE_KINDS, Assessment, RollUp, Status, default_column
from fukuoka_dx.progress.schemes import STANDARD
from fukuoka_dx.report.labels import Lang, as_lang, column_label, status_label, target_label
from fukuoka_dx.report.results import (
    PEOPLE_COLUMNS,
    Level,
    people_rows,
    result_rows,
    rollups,
    rounded,
)
from fukuoka_dx.targets import CompositeTarget, RelativeTarget

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
    "observations": ("実績", "observations"),
    "lists": ("選択肢", "lists"),
    "about": ("概要", "about"),
}

#: The sheets of the results workbook (Japanese, English): one per level, then what it is.
RESULT_SHEETS: Final[Mapping[str, tuple[str, str]]] = {
    "indicators": ("指標", "indicators"),
    Level.PROMOTION_ITEM.value: ("推進項目", "promotion items"),
    Level.PILLAR.value: ("柱", "pillars"),
    Level.BUREAU.value: ("所管", "bureaus"),
    "about": ("概要", "about"),
}

_HEADER_FILL: Final = "D9D9D9"
_INPUT_FILL: Final = "FFF2CC"
_DATE_FORMAT: Final = "yyyy-mm-dd"
_PERCENT_FORMAT: Final = "0.0%"


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang is Lang.JA else pair[1]


def _fy_label(fy: FiscalYear, lang: Lang) -> str:
    return fy.label_ja if lang is Lang.JA else str(fy)


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
        [_pick(("項目", "key"), lang), _pick(("内容", "item"), lang), _pick(("値", "value"), lang)],
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
    """The indicators a template for ``fy`` has a row for: those whose target in force at the
    end of ``fy`` (or the ``column`` named) is of a kind progress can judge."""
    year = as_fiscal_year(fy)
    named = TargetColumn(column) if column is not None else None
    return tuple(
        ind
        for ind in plan.indicators
        if ind.target(named or default_column(ind, year.end)).kind in ASSESSABLE_KINDS
    )


def _composite(ind: Indicator) -> CompositeTarget | None:
    for column in (TargetColumn.FINAL, TargetColumn.MIDTERM):
        if isinstance(target := ind.target(column), CompositeTarget):
            return target
    return None


def _has_relative(ind: Indicator) -> bool:
    return any(
        isinstance(ind.target(c), RelativeTarget)
        for c in (TargetColumn.FINAL, TargetColumn.MIDTERM)
    )


#: How a value cell is validated, by what the indicator takes (as ``check_value`` checks it).
_STAGE, _PARTS, _CHANGE, _PERCENT, _COUNT, _FIGURE = (
    "stage",
    "parts",
    "change",
    "percent",
    "count",
    "figure",
)


def _value_rule(ind: Indicator) -> str:
    if ind.stages:
        return _STAGE
    if _composite(ind) is not None:
        return _PARTS
    if _has_relative(ind):
        return _CHANGE
    if ind.unit == "%":
        return _PERCENT
    if ind.unit in COUNT_UNITS:
        return _COUNT
    return _FIGURE


def _value_hint(ind: Indicator, lang: Lang) -> str:
    """What to type in the value cell of ``ind``, for people."""
    rule = _value_rule(ind)
    if rule == _STAGE:
        return _pick(("到達した段階を選択", "the stage reached, from the list"), lang)
    if rule == _PARTS:
        composite = _composite(ind)
        assert composite is not None
        example = " ".join(f"{p.label}N" for p in composite.parts)
        return _pick((f"項目ごとの値 (例: {example})", f"labelled parts (e.g. {example})"), lang)
    if rule == _CHANGE:
        return _pick(
            ("数値、または現状値からの増減 (例: 30%減)", "a figure, or a change such as 30%減"),
            lang,
        )
    if rule == _PERCENT:
        return _pick(
            (
                "0〜100 の数値 (12.5% は 12.5 と入力。% 書式は使わない)",
                "a number from 0 to 100 (type 12.5% as 12.5, without the % format)",
            ),
            lang,
        )
    if rule == _COUNT:
        unit = ind.unit or ""
        return _pick((f"0 以上の数値 ({unit})", f"a number, 0 or more ({unit})"), lang)
    unit = f" ({ind.unit})" if ind.unit else ""
    return _pick((f"数値{unit}", f"a number{unit}"), lang)


#: The read-only columns after the observation columns, with their widths.
_CONTEXT: Final = ("name", "unit", "baseline", "midterm", "final", "hint")
_WIDTHS: Final = (11, 9, 16, 13, 24, 24, 48, 8, 22, 22, 22, 40)


def _context_header(column: str, lang: Lang) -> str:
    if column in ("baseline", "midterm", "final"):
        return target_label(TargetColumn(column), lang)
    if column == "hint":
        return _pick(("入力方法", "what to enter"), lang)
    return column_label(column, lang)


def _validation(rule: str, lang: Lang, hint: str, formula: str | None = None) -> DataValidation:
    """The validation of value cells under ``rule``: a list of stages (``formula``, a range),
    a number in range, or (labelled parts, changes) text with a prompt only."""
    from openpyxl.worksheet.datavalidation import DataValidation

    if rule == _STAGE:
        dv = DataValidation(type="list", formula1=formula)
    elif rule == _PERCENT:
        dv = DataValidation(type="decimal", operator="between", formula1="0", formula2="100")
    elif rule == _COUNT:
        dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
    elif rule == _FIGURE:
        dv = DataValidation(
            type="decimal", operator="between", formula1="-1E+100", formula2="1E+100"
        )
    else:
        dv = DataValidation()  # labelled parts, changes: any text, with the prompt
    title = observation_header("value", lang)
    dv.allow_blank = True
    dv.showInputMessage = True
    dv.promptTitle = title
    dv.prompt = hint
    dv.showErrorMessage = rule in (_STAGE, _PERCENT, _COUNT, _FIGURE)
    dv.errorTitle = title
    dv.error = _pick(("入力できない値です: ", "not accepted: "), lang) + hint
    return dv


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
    indicators = template_indicators(plan, year, named)
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
    validations: dict[tuple[str, str], DataValidation] = {}
    input_fill = PatternFill("solid", fgColor=_INPUT_FILL)
    for n, ind in enumerate(indicators, 2):
        in_force = named or default_column(ind, year.end)
        targets = {
            c.value: f"{ind.cell(c).text} ({_fy_label(ind.fiscal_year(c), lang)})"
            for c in TargetColumn
        }
        hint = _value_hint(ind, lang)
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
        rule = _value_rule(ind)
        if rule in (_PERCENT, _COUNT, _FIGURE):
            ws[f"{value_col}{n}"].number_format = "General"  # a number, never a percentage
        bold = len(OBSERVATION_COLUMNS) + _CONTEXT.index(in_force.value) + 1
        ws.cell(n, bold).font = Font(bold=True)  # the target the year is judged against
        if rule == _STAGE:
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
            prompt=_pick(
                (f"{year.start} 以降の日付 (例: {year.end})", f"a date from {year.start} on"),
                lang,
            ),
            showErrorMessage=True,
            errorTitle=observation_header("as_of", lang),
            error=_pick(
                (f"{year.start} 以降の日付を入力してください", f"a date from {year.start} on"),
                lang,
            ),
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
        ("edition", _pick(("版", "edition"), lang), plan.edition),
        ("title", _pick(("計画", "plan"), lang), plan.title),
        ("digest", _pick(("データの指紋 (SHA-256)", "digest (SHA-256)"), lang), plan.digest),
        ("fiscal_year", _pick(("年度", "fiscal year"), lang), _fy_label(year, lang)),
        (
            "target",
            _pick(("目標", "target"), lang),
            target_label(named, lang)
            if named
            else _pick(("年度末に有効な目標", "the target in force at the year's end"), lang),
        ),
        ("indicators", _pick(("指標数", "indicators"), lang), len(indicators)),
        ("generator", _pick(("作成", "written by"), lang), f"fukuoka-dx {__version__}"),
        (
            "how_to",
            _pick(("使い方", "how to use"), lang),
            _pick(
                (
                    f"「{ws.title}」シートの黄色のセルに入力し、"
                    "fukuoka-dx progress ファイル名.xlsx で評価します。空欄の行は読み飛ばします。",
                    f"Fill in the yellow cells of the sheet {ws.title!r}, then assess with "
                    "fukuoka-dx progress FILE.xlsx. Rows left empty are skipped.",
                ),
                lang,
            ),
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


def _indicator_sheet(ws: Worksheet, assessment: Assessment, plan: Plan, lang: Lang) -> None:
    graded = assessment.scheme != STANDARD
    columns = _RESULT_COLUMNS if graded else _RESULT_COLUMNS[:-1]
    _header_row(ws, [column_label(c, lang) for c in columns], _RESULT_WIDTHS)
    yes_no = {
        "true": _pick(("見込みあり", "yes"), lang),
        "false": _pick(("見込みなし", "no"), lang),
    }
    rows = zip(
        assessment.results,
        people_rows(assessment, plan, lang),  # the words for people, as every table has them
        result_rows(assessment, plan),  # the numbers, unrounded
        strict=True,
    )
    for n, (r, words, row) in enumerate(rows, 2):
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


def results_workbook(assessment: Assessment, plan: Plan, lang: Lang | str = Lang.JA) -> bytes:
    """An ``.xlsx`` workbook of an assessment: a sheet of indicators (the progress table with
    its trajectory, and the grade under a scheme other than ``standard``), one per roll-up
    level (promotion items, pillars, bureaus: counts per status, with the status labels as
    headers), and an ``about`` sheet (edition, digest, as-of date, target, scheme, overall
    counts). Rates are numbers shown as percentages; headers are in ``lang``. Needs the
    ``excel`` extra."""
    from openpyxl.worksheet.worksheet import Worksheet

    lang = as_lang(lang)
    wb = _new_workbook()
    sheet = wb.create_sheet(_pick(RESULT_SHEETS["indicators"], lang))
    assert isinstance(sheet, Worksheet)
    _indicator_sheet(sheet, assessment, plan, lang)
    graded = assessment.scheme != STANDARD
    grades = list(assessment.scheme.labels) if graded else []
    for level in (Level.PROMOTION_ITEM, Level.PILLAR, Level.BUREAU):
        sheet = wb.create_sheet(_pick(RESULT_SHEETS[level.value], lang))
        assert isinstance(sheet, Worksheet)
        _rollup_sheet(sheet, rollups(assessment, level), grades, lang)
    overall = assessment.overall
    target = (
        target_label(assessment.target, lang)
        if assessment.target
        else _pick(("評価日に有効な目標", "the target in force on the as-of date"), lang)
    )
    about: list[tuple[str, str, object]] = [
        ("edition", _pick(("版", "edition"), lang), assessment.edition),
        ("title", _pick(("計画", "plan"), lang), plan.title),
        ("digest", _pick(("データの指紋 (SHA-256)", "digest (SHA-256)"), lang), assessment.digest),
        ("as_of", _pick(("評価日", "as of"), lang), assessment.as_of.isoformat()),
        (
            "as_of_fy",
            _pick(("評価年度", "fiscal year"), lang),
            _fy_label(FiscalYear.from_date(assessment.as_of), lang),
        ),
        ("target", _pick(("目標", "target"), lang), target),
        ("scheme", _pick(("評価方式", "scheme"), lang), assessment.scheme.name),
        ("total", column_label("total", lang), overall.total),
        *((s.value, status_label(s, lang), overall.count(s)) for s in Status),
        ("assessable", column_label("assessable", lang), overall.assessable),
        ("mean_achievement", column_label("mean_achievement", lang), overall.mean_achievement),
        *((f"grade {g}", g, overall.grade_count(g)) for g in grades),
        (
            "excluded",
            _pick(("除外した実績", "observations left out"), lang),
            len(assessment.excluded),
        ),
        ("generator", _pick(("作成", "written by"), lang), f"fukuoka-dx {__version__}"),
    ]
    _about(wb, _pick(RESULT_SHEETS["about"], lang), about, lang)
    wb.active = 0
    return _bytes(wb)
