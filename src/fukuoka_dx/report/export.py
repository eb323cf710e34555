"""The exported tables: indicators, initiatives and schedule, as plain rows; and the
pillars, promotion items and the fidelity record (repairs, ambiguities, missing cells).

Column names and order are fixed: other programs read them (the documentation's plan page
lists their meaning). Rows are dicts of plain
values (``str``, ``int``, ``float`` or ``None``), ready for ``csv``, JSON or pandas.

>>> from fukuoka_dx import load_plan
>>> row = indicator_rows(load_plan())[0]
>>> row["indicator_id"], row["baseline_value"], row["final_text"]
('1-1.1', 51.3, '65')
"""

from __future__ import annotations

import csv
import enum
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

from fukuoka_dx._optional import require_pandas
from fukuoka_dx.errors import InvalidValueError
from fukuoka_dx.model import (
    Ambiguity,
    Indicator,
    Initiative,
    Plan,
    PromotionItem,
    Repair,
    TargetColumn,
)
from fukuoka_dx.schedule import MissingCell
from fukuoka_dx.targets import NumberTarget, RelativeTarget, Target, number_text

__all__ = [
    "AMBIGUITY_COLUMNS",
    "INDICATOR_COLUMNS",
    "INITIATIVE_COLUMNS",
    "MISSING_CELL_COLUMNS",
    "PILLAR_COLUMNS",
    "PROMOTION_ITEM_COLUMNS",
    "REPAIR_COLUMNS",
    "SCHEDULE_COLUMNS",
    "TABLES",
    "Cell",
    "Row",
    "Table",
    "ambiguity_rows",
    "format_csv",
    "format_json",
    "indicator_rows",
    "initiative_rows",
    "missing_cell_rows",
    "pillar_rows",
    "plain",
    "promotion_item_rows",
    "repair_rows",
    "schedule_rows",
    "table_frame",
    "table_rows",
]

Cell = str | int | float | None
Row = dict[str, Cell]


class Table(enum.StrEnum):
    """The exportable tables."""

    INDICATORS = "indicators"
    INITIATIVES = "initiatives"
    SCHEDULE = "schedule"
    PILLARS = "pillars"
    PROMOTION_ITEMS = "promotion_items"
    REPAIRS = "repairs"
    AMBIGUITIES = "ambiguities"
    MISSING_CELLS = "missing_cells"


INDICATOR_COLUMNS: Final = (
    "indicator_id",
    "initiative_id",
    "name",
    "unit",
    "direction",
    "baseline_fy",
    "baseline_kind",
    "baseline_value",
    "baseline_text",
    "midterm_fy",
    "midterm_kind",
    "midterm_value",
    "midterm_text",
    "final_fy",
    "final_kind",
    "final_value",
    "final_text",
    "name_en",
    "unit_en",
)
INITIATIVE_COLUMNS: Final = (
    "initiative_id",
    "promotion_item_id",
    "pillar_id",
    "title",
    "bureau",
    "reposts",
    "indicator_count",
    "title_en",
)
SCHEDULE_COLUMNS: Final = (
    "initiative_id",
    "row",
    "fiscal_year",
    "cell_text",
    "activity",
    "continues_from_fy",
    "note",
)
PILLAR_COLUMNS: Final = ("pillar_id", "title", "title_en")
PROMOTION_ITEM_COLUMNS: Final = (
    "promotion_item_id",
    "pillar_id",
    "title",
    "page",
    "own_block",
    "title_en",
)
REPAIR_COLUMNS: Final = (
    "table",
    "id",
    "field",
    "extracted",
    "repaired",
    "evidence",
    "promotion_item_id",
    "initiative_id",
    "line",
)
AMBIGUITY_COLUMNS: Final = (
    "initiative_id",
    "number",
    "field",
    "row",
    "line",
    "cited",
    "reading",
    "alternative",
    "evidence",
    "resolved",
)
MISSING_CELL_COLUMNS: Final = (
    "cell",
    "table",
    "initiative_id",
    "indicator_id",
    "column",
    "row",
    "fiscal_year",
    "note",
)


def target_value(cell: Target) -> float | None:
    """The plain number of a cell: the figure, or the percent of a relative target."""
    if isinstance(cell, NumberTarget):
        return cell.value
    if isinstance(cell, RelativeTarget):
        return cell.percent
    return None


def _indicator_row(ind: Indicator) -> Row:
    row: Row = {
        "indicator_id": ind.id,
        "initiative_id": ind.initiative_id,
        "name": ind.name,
        "unit": ind.unit,
        "direction": ind.direction.value,
    }
    for column in TargetColumn:
        cell = ind.cell(column)
        row[f"{column.value}_fy"] = ind.fiscal_year(column).year
        row[f"{column.value}_kind"] = cell.kind.value
        row[f"{column.value}_value"] = target_value(cell)
        row[f"{column.value}_text"] = cell.text
    row["name_en"] = ind.name_en
    row["unit_en"] = ind.unit_en
    return row


def indicator_rows(plan: Plan) -> list[Row]:
    """One row per indicator, in document order, with :data:`INDICATOR_COLUMNS`."""
    return [_indicator_row(ind) for ind in plan.indicators]


def initiative_rows(plan: Plan) -> list[Row]:
    """One row per initiative, in document order, with :data:`INITIATIVE_COLUMNS`."""
    return [
        {
            "initiative_id": i.id,
            "promotion_item_id": i.promotion_item_id,
            "pillar_id": i.pillar_id,
            "title": i.title,
            "bureau": i.bureau.name_ja,
            "reposts": i.reposts,
            "indicator_count": len(i.indicators),
            "title_en": i.title_en,
        }
        for i in plan.initiatives
    ]


def schedule_rows(plan: Plan) -> list[Row]:
    """One row per initiative, schedule row and fiscal year (:data:`SCHEDULE_COLUMNS`)."""
    rows: list[Row] = []
    for ini in plan.initiatives:
        for n, srow in enumerate(ini.schedule.rows, 1):
            for i, fy in enumerate(ini.schedule.years):
                rows.append(
                    {
                        "initiative_id": ini.id,
                        "row": n,
                        "fiscal_year": fy.year,
                        "cell_text": srow.cells[i].text,
                        "activity": srow.activity_at(i),
                        "continues_from_fy": (
                            None
                            if (began := srow.continues_from(i)) is None
                            else ini.schedule.years[began].year
                        ),
                        "note": srow.note,
                    }
                )
    return rows


def pillar_rows(plan: Plan) -> list[Row]:
    """One row per pillar (:data:`PILLAR_COLUMNS`)."""
    return [{"pillar_id": p.id, "title": p.title, "title_en": p.title_en} for p in plan.pillars]


def promotion_item_rows(plan: Plan) -> list[Row]:
    """One row per promotion item, in document order (:data:`PROMOTION_ITEM_COLUMNS`)."""
    return [
        {
            "promotion_item_id": p.id,
            "pillar_id": p.pillar_id,
            "title": p.title,
            "page": p.page,
            "own_block": p.own_block,
            "title_en": p.title_en,
        }
        for p in plan.promotion_items
    ]


def _repair_row(repair: Repair, item: PromotionItem, initiative: Initiative | None) -> Row:
    return {
        "table": (Table.PROMOTION_ITEMS if initiative is None else Table.INITIATIVES).value,
        "id": item.id if initiative is None else initiative.id,
        "field": repair.field,
        "extracted": repair.extracted,
        "repaired": repair.repaired,
        "evidence": repair.evidence,
        "promotion_item_id": item.id,
        "initiative_id": None if initiative is None else initiative.id,
        "line": repair.line,
    }


def repair_rows(plan: Plan) -> list[Row]:
    """Every repair of extraction damage (:data:`REPAIR_COLUMNS`), in document order: a
    promotion item's own, then those of its initiatives."""
    by_item: dict[str, list[Initiative]] = {}
    for ini in plan.initiatives:
        by_item.setdefault(ini.promotion_item_id, []).append(ini)
    rows: list[Row] = []
    for item in plan.promotion_items:
        rows += [_repair_row(r, item, None) for r in item.repairs]
        for ini in by_item.get(item.id, []):
            rows += [_repair_row(r, item, ini) for r in ini.repairs]
    return rows


def _ambiguity_row(ini: Initiative, number: int, a: Ambiguity) -> Row:
    return {
        "initiative_id": ini.id,
        "number": number,
        "field": a.field.value,
        "row": a.row,
        "line": a.line,
        "cited": a.cited,
        "reading": a.reading,
        "alternative": a.alternative,
        "evidence": a.evidence,
        "resolved": a.resolved,
    }


def ambiguity_rows(plan: Plan) -> list[Row]:
    """Every reading the source allows another way (:data:`AMBIGUITY_COLUMNS`), in document
    order: the reading taken, the alternative, and the source line it is a reading of."""
    return [
        _ambiguity_row(ini, n, a)
        for ini in plan.initiatives
        for n, a in enumerate(ini.ambiguities, 1)
    ]


def missing_cell_rows(plan: Plan) -> list[Row]:
    """Every cell the source does not give (:data:`MISSING_CELL_COLUMNS`), in document order:
    an initiative's lost schedule cells, then its indicators' ``missing`` cells, each with
    its note. ``cell`` addresses it: ``{indicator_id}/{column}`` or
    ``{initiative_id}/{row}/{fiscal_year}``."""
    rows: list[Row] = []
    for ini in plan.initiatives:
        for n, srow in enumerate(ini.schedule.rows, 1):
            for fy, cell in zip(ini.schedule.years, srow.cells, strict=True):
                if isinstance(cell, MissingCell):
                    rows.append(
                        {
                            "cell": f"{ini.id}/{n}/{fy.year}",
                            "table": Table.SCHEDULE.value,
                            "initiative_id": ini.id,
                            "indicator_id": None,
                            "column": None,
                            "row": n,
                            "fiscal_year": fy.year,
                            "note": cell.note,
                        }
                    )
        for ind in ini.indicators:
            for column, note in ind.missing_notes:
                rows.append(
                    {
                        "cell": f"{ind.id}/{column.value}",
                        "table": Table.INDICATORS.value,
                        "initiative_id": ini.id,
                        "indicator_id": ind.id,
                        "column": column.value,
                        "row": None,
                        "fiscal_year": ind.fiscal_year(column).year,
                        "note": note,
                    }
                )
    return rows


TABLES: Final = {
    Table.INDICATORS: (INDICATOR_COLUMNS, indicator_rows),
    Table.INITIATIVES: (INITIATIVE_COLUMNS, initiative_rows),
    Table.SCHEDULE: (SCHEDULE_COLUMNS, schedule_rows),
    Table.PILLARS: (PILLAR_COLUMNS, pillar_rows),
    Table.PROMOTION_ITEMS: (PROMOTION_ITEM_COLUMNS, promotion_item_rows),
    Table.REPAIRS: (REPAIR_COLUMNS, repair_rows),
    Table.AMBIGUITIES: (AMBIGUITY_COLUMNS, ambiguity_rows),
    Table.MISSING_CELLS: (MISSING_CELL_COLUMNS, missing_cell_rows),
}


def table_rows(plan: Plan, table: Table | str) -> tuple[tuple[str, ...], list[Row]]:
    """The columns and rows of a table by name (a :class:`Table`: ``indicators``,
    ``initiatives``, ``schedule``, ``pillars``, ``promotion_items``, ``repairs``,
    ``ambiguities``, ``missing_cells``)."""
    try:
        columns, rows = TABLES[Table(table)]
    except ValueError:
        raise InvalidValueError(
            f"unknown table {table!r}: expected one of {', '.join(t.value for t in Table)}"
        ) from None
    return columns, rows(plan)


def table_frame(plan: Plan, table: Table | str) -> Any:
    """A table as a pandas DataFrame (needs the ``pandas`` extra)."""
    pd = require_pandas()
    columns, rows = table_rows(plan, table)
    return pd.DataFrame(rows, columns=list(columns))


def plain(value: Cell) -> str:
    """A cell as CSV text: integral floats without ``.0`` (``5739``), ``None`` as empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return number_text(value)
    return str(value)


def format_csv(
    columns: Sequence[str], rows: Iterable[Mapping[str, Cell]], *, bom: bool = False
) -> str:
    """CSV text (header first, CRLF line ends as RFC 4180; ``bom`` for spreadsheet programs)."""
    out = io.StringIO()
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([plain(row[c]) for c in columns])
    return out.getvalue()


def format_json(columns: Sequence[str], rows: Iterable[Mapping[str, Cell]]) -> str:
    """A JSON array of objects with the columns in order."""
    return json.dumps([{c: row[c] for c in columns} for row in rows], ensure_ascii=False, indent=1)
