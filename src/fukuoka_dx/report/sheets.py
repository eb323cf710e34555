"""What the workbooks people fill in share (the ``excel`` extra, openpyxl): a value cell's
hint and validation under its indicator's value rule, the header row, the about sheet, the
fills and formats, and a drop-down list of words.

The value rule is the one the reader checks
(:func:`~fukuoka_dx.observations.values.value_rule`): a workbook's validation only says it
early, as it is typed; the reader decides.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from fukuoka_dx._optional import require_openpyxl
from fukuoka_dx._version import __version__
from fukuoka_dx.fiscal_calendar import FiscalYear
from fukuoka_dx.model import Indicator
from fukuoka_dx.observations.values import ValueRule, ValueRuleKind
from fukuoka_dx.words import Lang, say

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "CHECKED_RULES",
    "DATE_FORMAT",
    "HEADER_FILL",
    "INPUT_FILL",
    "about_sheet",
    "date_validation",
    "header_row",
    "list_validation",
    "new_workbook",
    "print_setup",
    "value_hint",
    "value_validation",
    "workbook_bytes",
]

#: The fill of header rows, and of the cells people fill in.
HEADER_FILL: Final = "D9D9D9"
INPUT_FILL: Final = "FFF2CC"
#: The number format of date cells.
DATE_FORMAT: Final = "yyyy-mm-dd"

#: The value rules whose cells a workbook checks as it is typed into (the others, labelled
#: parts and changes, are text that the reader checks, with a prompt saying what to type).
CHECKED_RULES: Final = frozenset(
    {ValueRuleKind.STAGE, ValueRuleKind.PERCENT, ValueRuleKind.NON_NEGATIVE, ValueRuleKind.FIGURE}
)


def new_workbook() -> Workbook:
    """An empty workbook (no sheet) that names fukuoka-dx as its creator."""
    require_openpyxl()
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.worksheets[0])
    wb.properties.creator = f"fukuoka-dx {__version__}"
    return wb


def workbook_bytes(wb: Workbook) -> bytes:
    """The ``.xlsx`` file of a workbook."""
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def header_row(ws: Worksheet, headers: Sequence[str], widths: Sequence[float]) -> None:
    """The first row of a sheet: bold headers on grey, wrapped; the columns' widths."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws.append(list(headers))
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width


def print_setup(
    ws: Worksheet, title: str, *, top_bottom: float = 0.6, header_footer: float | None = None
) -> None:
    """A4 landscape, one page wide (as many pages down as it takes), the header row on
    every page, ``title`` in the page header and page numbers in the footer; the margins in
    inches (``header_footer``, where given, for the page header and footer)."""
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = "1:1"
    ws.print_options.gridLines = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = top_bottom
    if header_footer is not None:
        ws.page_margins.header = ws.page_margins.footer = header_footer
    header, footer = ws.oddHeader, ws.oddFooter
    if header is not None and header.center is not None:
        header.center.text = title.replace("&", "&&")
    if footer is not None and footer.center is not None:
        footer.center.text = "&P / &N"


def about_sheet(
    wb: Workbook, title: str, items: Sequence[tuple[str, str, object]], lang: Lang
) -> Worksheet:
    """A sheet of what the file is: a machine key, a label for people and a value per row
    (the reader of returned packets reads it by the keys)."""
    from openpyxl.worksheet.worksheet import Worksheet

    ws = wb.create_sheet(title)
    assert isinstance(ws, Worksheet)
    header_row(
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
    ws.freeze_panes = "A2"
    return ws


def value_hint(ind: Indicator, rule: ValueRule, lang: Lang) -> str:
    """What to type in the value cell of ``ind``, for people."""
    if rule.kind is ValueRuleKind.STAGE:
        return say("excel.hint.stage", lang)
    if rule.kind is ValueRuleKind.PARTS:
        example = " ".join(f"{label}N" for label in rule.parts)
        return say("excel.hint.parts", lang, example=example)
    if rule.kind is ValueRuleKind.CHANGE:
        return say("excel.hint.change", lang)
    if rule.kind is ValueRuleKind.PERCENT:
        return say("excel.hint.percent", lang)
    unit = f" ({ind.unit})" if ind.unit else ""
    if rule.kind is ValueRuleKind.NON_NEGATIVE:
        return say("excel.hint.non_negative", lang, unit=unit)
    return say("excel.hint.figure", lang, unit=unit)


def value_validation(
    rule: ValueRule, lang: Lang, hint: str, formula: str | None = None
) -> DataValidation:
    """The validation of value cells under ``rule``: a list of stages (``formula``, a range),
    a number within the rule's bounds, or (labelled parts, changes) text with a prompt only."""
    from openpyxl.worksheet.datavalidation import DataValidation

    if rule.kind is ValueRuleKind.STAGE:
        dv = DataValidation(type="list", formula1=formula)
    elif rule.kind in CHECKED_RULES:
        low = "-1E+100" if rule.low is None else f"{rule.low:g}"
        if rule.high is not None:
            dv = DataValidation(
                type="decimal", operator="between", formula1=low, formula2=f"{rule.high:g}"
            )
        elif rule.low is not None:
            dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1=low)
        else:
            dv = DataValidation(type="decimal", operator="between", formula1=low, formula2="1E+100")
    else:
        dv = DataValidation()  # labelled parts, changes: any text, with the prompt
    title = say("column.value", lang)
    dv.allow_blank = True
    dv.showInputMessage = True
    dv.promptTitle = title
    dv.prompt = hint
    dv.showErrorMessage = rule.kind in CHECKED_RULES
    dv.errorTitle = title
    dv.error = say("excel.not_accepted", lang, hint=hint)
    return dv


def list_validation(formula: str, title: str, prompt: str, lang: Lang) -> DataValidation:
    """A drop-down of the words in ``formula`` (a range of a list sheet); nothing else is
    accepted."""
    from openpyxl.worksheet.datavalidation import DataValidation

    return DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showInputMessage=True,
        promptTitle=title,
        prompt=prompt,
        showErrorMessage=True,
        errorTitle=title,
        error=say("excel.not_accepted", lang, hint=prompt),
    )


def date_validation(fy: FiscalYear, lang: Lang) -> DataValidation:
    """The validation of as-of cells: a date from the first day of ``fy`` on."""
    from openpyxl.worksheet.datavalidation import DataValidation

    start = fy.start
    title = say("column.as_of", lang)
    return DataValidation(
        type="date",
        operator="greaterThanOrEqual",
        formula1=f"DATE({start.year},{start.month},{start.day})",
        allow_blank=True,
        showInputMessage=True,
        promptTitle=title,
        prompt=say("excel.date_prompt", lang, start=start, end=fy.end),
        showErrorMessage=True,
        errorTitle=title,
        error=say("excel.date_error", lang, start=start),
    )
