"""One packet per bureau: the workbook a bureau (所管) fills in for a reporting round (the
``excel`` extra, openpyxl).

A packet holds only its bureau's items, and every item of the plan is in exactly one
packet (:func:`packet_items`):

- the sheet 指標 (*indicators*): a row per indicator of the bureau, with its name, unit,
  baseline and targets (and, given the figures of earlier years, those), then the cells to
  fill in: the figure (実績値, validated as the indicator takes its value), 速報値 (a
  drop-down: provisional or final), 時点, 根拠資料, 要因分析, 課題 and 今後の方向性 (a
  drop-down);
- the sheet 工程 (*schedule*): a row per initiative of the bureau, with what its schedule
  has in force that year, then its status (a drop-down of the closed list), 取組実績 (what
  was done), 要因分析, 課題 and 今後の方向性;
- a hidden sheet of the drop-downs' words, and 概要 (*about*): the plan's edition and
  digest, the fiscal year and the bureau, which the collector reads back.

The headers are in Japanese (or English), the bureau and the item's name stand frozen beside
the cells to fill, only those cells are unlocked, the workbook's structure is locked, and
each sheet prints on A4 landscape, a page wide, its header row on every page. The collector
(:func:`~fukuoka_dx.observations.collect.collect`) reads a returned packet back through the
same checks as observations.

>>> import io
>>> from openpyxl import load_workbook
>>> from fukuoka_dx import load_plan
>>> plan = load_plan()
>>> book = load_workbook(io.BytesIO(packet_workbook(plan, plan.bureau("市民局"), "R7")))
>>> book.sheetnames
['指標', '工程', '選択肢', '概要']
>>> [c.value for c in book["工程"][1]][:6]
['実行項目', '年度', '所管', '名称', '今年度の工程', '進捗状況']
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Final

from fukuoka_dx._version import __version__
from fukuoka_dx.fiscal_calendar import FiscalYear, as_fiscal_year
from fukuoka_dx.model import Bureau, Indicator, Initiative, Plan, TargetColumn
from fukuoka_dx.observations.reports import ActivityStatus, NextStep
from fukuoka_dx.observations.values import Observation, ValueRuleKind, value_rule, value_text
from fukuoka_dx.progress import default_column
from fukuoka_dx.report.labels import column_label, fy_label, target_label
from fukuoka_dx.report.overview import entry_text
from fukuoka_dx.report.sheets import (
    CHECKED_RULES,
    DATE_FORMAT,
    INPUT_FILL,
    about_sheet,
    date_validation,
    header_row,
    list_validation,
    new_workbook,
    print_setup,
    value_hint,
    value_validation,
    workbook_bytes,
)
from fukuoka_dx.report.text import width as text_width
from fukuoka_dx.words import CATALOGUE, Lang, as_lang, say

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "INDICATOR_INPUTS",
    "INITIATIVE_INPUTS",
    "PACKET_SHEETS",
    "packet_bureaus",
    "packet_items",
    "packet_name",
    "packet_workbook",
    "packets",
]

#: The sheets of a packet (Japanese, English).
PACKET_SHEETS: Final[Mapping[str, tuple[str, str]]] = {
    key: CATALOGUE[f"excel.sheet.{key}"] for key in ("indicators", "schedule", "lists", "about")
}

#: The cells a bureau fills in on an indicator's row, and on an initiative's, in order.
INDICATOR_INPUTS: Final = (
    "value",
    "provisional",
    "as_of",
    "evidence",
    "factors",
    "issues",
    "next_step",
)
INITIATIVE_INPUTS: Final = ("status", "done", "factors", "issues", "next_step")

#: The columns before the inputs: the ids and the year, then the bureau and the names
#: (frozen, so that they stay beside the cells being filled), then what to read.
_INDICATOR_HEAD: Final = ("indicator_id", "fiscal_year", "bureau", "name")
_INDICATOR_CONTEXT: Final = ("unit", "initiative_title", "baseline", "midterm", "final")
_INITIATIVE_HEAD: Final = ("initiative_id", "fiscal_year", "bureau", "title", "scheduled")

_WIDTH: Final = {
    "indicator_id": 11,
    "initiative_id": 10,
    "fiscal_year": 7,
    "bureau": 16,
    "name": 34,
    "title": 34,
    "unit": 8,
    "initiative_title": 26,
    "baseline": 16,
    "midterm": 16,
    "final": 16,
    "previous": 12,
    "scheduled": 34,
    "value": 14,
    "provisional": 9,
    "as_of": 12,
    "evidence": 22,
    "factors": 40,
    "issues": 32,
    "next_step": 13,
    "status": 13,
    "done": 40,
    "hint": 30,
}
#: Where the frozen columns end: the ids, the year, the bureau and the name stay in view.
_FREEZE: Final = "E2"


def packet_bureaus(plan: Plan) -> tuple[Bureau, ...]:
    """The bureaus that get a packet: each bureau of the plan responsible for an initiative,
    in the plan's order."""
    responsible = {i.bureau for i in plan.initiatives}
    return tuple(b for b in plan.bureaus if b in responsible)


def packet_items(
    plan: Plan, bureau: Bureau
) -> tuple[tuple[Initiative, ...], tuple[Indicator, ...]]:
    """A packet's items: the bureau's initiatives and their indicators, in the plan's order
    (every item of the plan is in the packet of its initiative's bureau, and in no other)."""
    initiatives = tuple(i for i in plan.initiatives if i.bureau == bureau)
    return initiatives, tuple(ind for i in initiatives for ind in i.indicators)


def packet_name(bureau: Bureau) -> str:
    """A packet's file name: the bureau's Japanese name (``区役所(東区).xlsx``)."""
    return f"{bureau.name_ja}.xlsx"


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang is Lang.JA else pair[1]


def _header(column: str, lang: Lang) -> str:
    if column in ("baseline", "midterm", "final"):
        return target_label(TargetColumn(column), lang)
    if column == "hint":
        return say("excel.what_to_enter", lang)
    return column_label(column, lang)


def _print_setup(ws: Worksheet, bureau: Bureau, fy: FiscalYear, lang: Lang) -> None:
    """The workbooks' print set-up, the bureau, the year and the sheet at the top."""
    title = f"{bureau.name_ja} {fy_label(fy, lang)} {ws.title}"
    print_setup(ws, title, top_bottom=0.75, header_footer=0.3)


def _protect(ws: Worksheet) -> None:
    """Only the unlocked cells can be changed (no password: a guard against slips); widths,
    heights and the filter stay free."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.autoFilter = False


class _Lists:
    """The hidden sheet of the drop-downs' words: a column per list."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self.columns = 0

    def add(self, name: str, words: Sequence[str]) -> str:
        """A list's range (``'選択肢'!$A$2:$A$8``)."""
        from openpyxl.utils import get_column_letter, quote_sheetname

        self.columns += 1
        col = get_column_letter(self.columns)
        self.ws[f"{col}1"] = name
        for k, word in enumerate(words, 2):
            self.ws[f"{col}{k}"] = word
        return f"{quote_sheetname(self.ws.title)}!${col}$2:${col}${len(words) + 1}"


def _inputs(ws: Worksheet, row: int, columns: Sequence[int], text: Iterable[int]) -> None:
    from openpyxl.styles import Alignment, PatternFill, Protection

    fill = PatternFill("solid", fgColor=INPUT_FILL)
    as_text = set(text)
    for i in columns:
        cell = ws.cell(row, i)
        cell.protection = Protection(locked=False)
        cell.fill = fill
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        if i in as_text:
            cell.number_format = "@"  # text: nothing typed is taken for a date or a number


def _read_only(ws: Worksheet, row: int, columns: Sequence[str]) -> None:
    """The row's cells as text, wrapped, and the row as high as its longest text needs (a
    spreadsheet does not grow a row for wrapped text written by a program)."""
    from openpyxl.styles import Alignment

    lines = 1
    for i, column in enumerate(columns, 1):
        cell = ws.cell(row, i)
        cell.number_format = "@"
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        width = _WIDTH["previous" if column.startswith("previous ") else column]
        lines = max(lines, _lines(cell.value, width))
    ws.row_dimensions[row].height = _LINE_HEIGHT * lines


#: The height of a line of text in a row, in points.
_LINE_HEIGHT: Final = 15.0


def _lines(value: object, width: float) -> int:
    """How many lines ``value`` takes in a column ``width`` characters wide (a wide character
    counts two)."""
    if not isinstance(value, str) or not value:
        return 1
    usable = max(1.0, width - 1)
    return sum(max(1, math.ceil(text_width(part) / usable)) for part in value.split("\n"))


def _previous_figures(
    previous: Iterable[Observation], fy: FiscalYear
) -> dict[tuple[str, FiscalYear], str]:
    """The latest figure of each indicator in each year before ``fy``, as text."""
    latest: dict[tuple[str, FiscalYear], Observation] = {}
    for o in previous:
        if o.fiscal_year >= fy:
            continue
        key = (o.indicator_id, o.fiscal_year)
        if key not in latest or (o.date, value_text(o.value)) > (
            latest[key].date,
            value_text(latest[key].value),
        ):
            latest[key] = o
    return {k: value_text(o.value) for k, o in latest.items()}


def _indicator_sheet(
    ws: Worksheet,
    lists: _Lists,
    plan: Plan,
    bureau: Bureau,
    indicators: Sequence[Indicator],
    fy: FiscalYear,
    earlier: Sequence[FiscalYear],
    figures: Mapping[tuple[str, FiscalYear], str],
    words: Mapping[str, str],
    lang: Lang,
) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    before = {f"previous {y.year}": y for y in earlier}
    columns = [*_INDICATOR_HEAD, *_INDICATOR_CONTEXT, *before, *INDICATOR_INPUTS, "hint"]
    headers = [
        say("packet.figure_of", lang, fy=before[c]) if c in before else _header(c, lang)
        for c in columns
    ]
    header_row(ws, headers, [_WIDTH["previous" if c in before else c] for c in columns])
    at = {c: i for i, c in enumerate(columns, 1)}
    letter = {c: get_column_letter(i) for c, i in at.items()}
    inputs = [at[c] for c in INDICATOR_INPUTS]
    text_inputs = [at[c] for c in ("evidence", "factors", "issues")]
    provisional = list_validation(
        words["provisional"],
        column_label("provisional", lang),
        say("packet.provisional_prompt", lang),
        lang,
    )
    next_step = list_validation(
        words["next_step"], column_label("next_step", lang), say("packet.list_prompt", lang), lang
    )
    validations: dict[object, DataValidation] = {}
    fy_text = fy.short if lang is Lang.JA else str(fy)
    initiative_of = {ind.id: ini for ini in plan.initiatives for ind in ini.indicators}
    for n, ind in enumerate(indicators, 2):
        ini = initiative_of[ind.id]
        rule = value_rule(ind)
        hint = value_hint(ind, rule, lang)
        if ini.reposts:
            hint += "\n" + say("packet.repost_hint", lang, id=f"{ini.reposts}.{ind.number}")
        cells: dict[str, object] = {
            "indicator_id": ind.id,
            "fiscal_year": fy_text,
            "bureau": bureau.name_ja,
            "name": ind.name,
            "unit": ind.unit or "",
            "initiative_title": f"{ini.id} {ini.title}",
            **{
                c.value: f"{ind.cell(c).text} ({fy_label(ind.fiscal_year(c), lang)})"
                for c in TargetColumn
            },
            **{c: figures.get((ind.id, y), "") for c, y in before.items()},
            "hint": hint,
        }
        ws.append([cells.get(c) for c in columns])
        _read_only(ws, n, columns)
        _inputs(ws, n, inputs, text_inputs)
        ws[f"{letter['as_of']}{n}"].number_format = DATE_FORMAT
        value_cell = f"{letter['value']}{n}"
        ws[value_cell].number_format = (
            "General"
            if rule.kind in CHECKED_RULES and rule.kind is not ValueRuleKind.STAGE
            else "@"
        )
        in_force = default_column(ind, fy.end)
        ws[f"{letter[in_force.value]}{n}"].font = Font(bold=True)
        if rule.kind is ValueRuleKind.STAGE:
            key: object = ("stage", ind.id)
            validations[key] = value_validation(rule, lang, hint, lists.add(ind.id, ind.stages))
        else:
            key = (rule, hint)
            if key not in validations:
                validations[key] = value_validation(rule, lang, hint)
        validations[key].add(value_cell)
    last = len(indicators) + 1
    for dv in validations.values():
        ws.add_data_validation(dv)
    if indicators:
        for column, dv in (("provisional", provisional), ("next_step", next_step)):
            dv.add(f"{letter[column]}2:{letter[column]}{last}")
            ws.add_data_validation(dv)
        dates = date_validation(fy, lang)
        dates.add(f"{letter['as_of']}2:{letter['as_of']}{last}")
        ws.add_data_validation(dates)
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last}"
    ws.freeze_panes = _FREEZE


def _initiative_sheet(
    ws: Worksheet,
    bureau: Bureau,
    initiatives: Sequence[Initiative],
    fy: FiscalYear,
    words: Mapping[str, str],
    lang: Lang,
) -> None:
    from openpyxl.utils import get_column_letter

    columns = [*_INITIATIVE_HEAD, *INITIATIVE_INPUTS]
    header_row(ws, [_header(c, lang) for c in columns], [_WIDTH[c] for c in columns])
    at = {c: i for i, c in enumerate(columns, 1)}
    letter = {c: get_column_letter(i) for c, i in at.items()}
    fy_text = fy.short if lang is Lang.JA else str(fy)
    for n, ini in enumerate(initiatives, 2):
        title = ini.title
        if ini.reposts:
            title += f" ({say('packet.reposts', lang, id=ini.reposts)})"
        scheduled = "\n".join(entry_text(e, lang) for e in ini.schedule.entries(fy))
        cells = {
            "initiative_id": ini.id,
            "fiscal_year": fy_text,
            "bureau": bureau.name_ja,
            "title": title,
            "scheduled": scheduled or say("packet.nothing_scheduled", lang),
        }
        ws.append([cells.get(c) for c in columns])
        _read_only(ws, n, columns)
        texts = [at[c] for c in ("done", "factors", "issues")]
        _inputs(ws, n, [at[c] for c in INITIATIVE_INPUTS], texts)
    last = len(initiatives) + 1
    if initiatives:
        prompts = (("status", "packet.status_prompt"), ("next_step", "packet.list_prompt"))
        for column, prompt in prompts:
            dv = list_validation(words[column], column_label(column, lang), say(prompt, lang), lang)
            dv.add(f"{letter[column]}2:{letter[column]}{last}")
            ws.add_data_validation(dv)
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last}"
    ws.freeze_panes = _FREEZE


def packet_workbook(
    plan: Plan,
    bureau: Bureau,
    fy: FiscalYear | int | str,
    *,
    previous: Iterable[Observation] = (),
    lang: Lang | str = Lang.JA,
) -> bytes:
    """The packet of ``bureau`` for the round of ``fy`` as ``.xlsx`` bytes (see the module's
    description). ``previous`` are figures of earlier years (an observations file's or an
    earlier round's), shown in a column per year before ``fy``; with none, no such
    columns. Needs the ``excel`` extra."""
    from openpyxl.workbook.protection import WorkbookProtection
    from openpyxl.worksheet.worksheet import Worksheet

    lang = as_lang(lang)
    year = as_fiscal_year(fy)
    initiatives, indicators = packet_items(plan, bureau)
    given = tuple(previous)
    earlier = [y for y in plan.years if y < year] if given else []
    figures = _previous_figures(given, year)
    wb: Workbook = new_workbook()
    ws_ind, ws_ini, ws_lists = (
        wb.create_sheet(_pick(PACKET_SHEETS[k], lang)) for k in ("indicators", "schedule", "lists")
    )
    assert isinstance(ws_ind, Worksheet) and isinstance(ws_ini, Worksheet)
    assert isinstance(ws_lists, Worksheet)
    lists = _Lists(ws_lists)
    words = {
        "status": lists.add(
            column_label("status", lang), [say(f"activity.{s.value}", lang) for s in ActivityStatus]
        ),
        "next_step": lists.add(
            column_label("next_step", lang), [say(f"next_step.{s.value}", lang) for s in NextStep]
        ),
        "provisional": lists.add(
            column_label("provisional", lang),
            [say("provisional.true", lang), say("provisional.false", lang)],
        ),
    }
    _indicator_sheet(ws_ind, lists, plan, bureau, indicators, year, earlier, figures, words, lang)
    _initiative_sheet(ws_ini, bureau, initiatives, year, words, lang)
    about = about_sheet(
        wb,
        _pick(PACKET_SHEETS["about"], lang),
        [
            ("edition", say("excel.about.edition", lang), plan.edition),
            ("title", say("excel.about.title", lang), plan.title),
            ("digest", say("excel.about.digest", lang), plan.digest),
            ("fiscal_year", say("excel.about.fiscal_year", lang), year.label_ja),
            ("bureau", column_label("bureau", lang), bureau.name_ja),
            ("indicators", say("excel.about.indicators", lang), len(indicators)),
            ("initiatives", column_label("initiatives", lang), len(initiatives)),
            ("generator", say("excel.about.generator", lang), f"fukuoka-dx {__version__}"),
            (
                "how_to",
                say("excel.about.how_to", lang),
                say("packet.how_to", lang, indicators=ws_ind.title, schedule=ws_ini.title),
            ),
        ],
        lang,
    )
    for ws in (ws_ind, ws_ini, about):
        _print_setup(ws, bureau, year, lang)
        _protect(ws)
    ws_lists.sheet_state = "hidden"
    ws_lists.protection.sheet = True
    wb.active = 0
    wb.security = WorkbookProtection(lockStructure=True)
    return workbook_bytes(wb)


def packets(
    plan: Plan,
    fy: FiscalYear | int | str,
    *,
    previous: Iterable[Observation] = (),
    lang: Lang | str = Lang.JA,
) -> dict[str, bytes]:
    """Every bureau's packet for the round of ``fy``, by file name (:func:`packet_name`), in
    the plan's order of the bureaus."""
    given = tuple(previous)
    return {
        packet_name(b): packet_workbook(plan, b, fy, previous=given, lang=lang)
        for b in packet_bureaus(plan)
    }
