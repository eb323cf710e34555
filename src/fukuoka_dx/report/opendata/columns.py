"""What each exported table and column means, in English and Japanese: the one hand-written
part of the Table Schemas (:mod:`.package` adds the rest from the tables themselves).

Every column of every :class:`~fukuoka_dx.report.export.Table` must be described here; the
schemas are not built otherwise (:func:`column_info` names what is missing).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Final, Literal

import attrs

from fukuoka_dx.errors import InvalidValueError
from fukuoka_dx.model import BlockField, TargetColumn
from fukuoka_dx.report.export import TABLES, Table
from fukuoka_dx.report.labels import (
    target_label,
)
from fukuoka_dx.targets import Direction, TargetKind
from fukuoka_dx.words import Lang

__all__ = ["TABLE_INFO", "Column", "ForeignKey", "TableInfo", "column_info"]

FieldType = Literal["string", "integer", "number", "boolean"]


def _values(values: Iterable[enum.Enum]) -> tuple[str, ...]:
    return tuple(str(v.value) for v in values)


@attrs.frozen
class Column:
    """A column's Table Schema type and meaning.

    ``required``: never empty. ``enum``: the values allowed, taken from the model's enums.
    ``minimum``: the least value of an integer column.
    """

    type: FieldType
    title: str
    title_ja: str
    description: str
    description_ja: str
    required: bool = False
    enum: tuple[str, ...] = ()
    minimum: int | None = None


@attrs.frozen
class ForeignKey:
    """Columns of a table that name a row of ``table`` by its columns ``reference``."""

    columns: tuple[str, ...]
    table: Table
    reference: tuple[str, ...]


@attrs.frozen
class TableInfo:
    """A table's titles, descriptions, primary key and foreign keys."""

    title: str
    title_ja: str
    description: str
    description_ja: str
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()


def _id(what: str, what_ja: str, form: str, form_ja: str, *, required: bool = True) -> Column:
    return Column("string", f"{what} id", f"{what_ja}ID", form, form_ja, required=required)


_PILLAR_ID: Final = _id("Pillar", "柱", "The pillar's number, 1 to 5.", "柱の番号(1〜5)。")
_PROMOTION_ITEM_ID: Final = _id(
    "Promotion item",
    "推進項目",
    "The promotion item's section number, {pillar}-{n} (4-17).",
    "推進項目の項番({柱}-{n}、例: 4-17)。",
)
_INITIATIVE_ID: Final = _id(
    "Initiative",
    "実行項目",
    "The block's id: {item}-{m} for circled sub-item m (4-17-8), or the item's id for a "
    "promotion item's own block (1-5).",
    "実行項目のID。丸数字の実行項目は{推進項目}-{m}(例: 4-17-8)、推進項目自体の内容は"
    "推進項目の項番(例: 1-5)。",
)
_INDICATOR_ID: Final = _id(
    "Indicator",
    "指標",
    "The indicator's id, {initiative}.{k}: the k-th indicator of its block (4-17-8.1).",
    "指標のID。{実行項目}.{k}(実行項目内のk番目の指標、例: 4-17-8.1)。",
)
_TITLE: Final = Column(
    "string", "Title", "名称", "The title as published.", "計画に記載の名称。", required=True
)
_TITLE_EN: Final = Column(
    "string",
    "Title in English",
    "英語名(非公式訳)",
    "An unofficial English translation of the title by the fukuoka-dx project; the "
    "Japanese title is authoritative.",
    "fukuoka-dxによる名称の非公式英訳。日本語の名称が正式。",
)
_FISCAL_YEAR: Final = Column(
    "integer",
    "Fiscal year",
    "年度",
    "The fiscal year by the Gregorian year in which it starts (2024 for 令和6年度, "
    "April 2024 to March 2025).",
    "年度(開始する西暦年で表す。令和6年度は2024)。",
    required=True,
)


_SOURCE_LINE: Final = Column(
    "integer",
    "Source line",
    "原文の行",
    "The line, from 1, of the source text that holds the text the record cites: the plan's "
    "PDF as text, datasrc/YYYY-MM/source.txt (the edition) in the fukuoka-dx repository.",
    "記録が引用するテキストを含む原文(計画のPDFのテキスト)の行番号(1から)。",
    required=True,
    minimum=1,
)


def _target_columns() -> dict[str, Column]:
    """The four columns of each indicator cell, for each of the three columns of a row."""
    out: dict[str, Column] = {}
    for column in TargetColumn:
        en, ja = target_label(column, Lang.EN), target_label(column, Lang.JA)
        out[f"{column.value}_fy"] = attrs.evolve(
            _FISCAL_YEAR,
            title=f"Fiscal year of the {en}",
            title_ja=f"{ja}の年度",
            description=f"The fiscal year of the {en} (its starting year: 2024 for 令和6年度).",
            description_ja=f"{ja}の年度(開始する西暦年)。",
        )
        out[f"{column.value}_kind"] = Column(
            "string",
            f"Kind of the {en}",
            f"{ja}の種類",
            f"What the {en} cell holds: a figure (number), a change in percent (relative), a "
            "direction, a stage (milestone), words (qualitative), nothing (none, missing), …",
            f"{ja}のセルの種類(数値、増減率、方向、段階、定性的な記述、なし、欠落 など)。",
            required=True,
            enum=_values(TargetKind),
        )
        out[f"{column.value}_value"] = Column(
            "number",
            f"Figure of the {en}",
            f"{ja}の数値",
            f"The figure of a number {en}, or the percent of a relative one (-20 for 20%減); "
            "empty for the other kinds.",
            f"{ja}が数値ならその値、増減率ならその百分率(20%減は-20)。その他の種類は空欄。",
        )
        out[f"{column.value}_text"] = Column(
            "string",
            f"Text of the {en}",
            f"{ja}(記載のまま)",
            f"The {en} cell as published; empty for a missing cell.",
            f"計画に記載の{ja}のセル。欠落したセルは空欄。",
        )
    return out


_COLUMNS: Final[dict[Table, dict[str, Column]]] = {
    Table.PILLARS: {
        "pillar_id": _PILLAR_ID,
        "title": _TITLE,
        "title_en": Column(
            "string",
            "Title in English",
            "英語名",
            "An English rendering of the title.",
            "名称の英訳。",
            required=True,
        ),
    },
    Table.PROMOTION_ITEMS: {
        "promotion_item_id": _PROMOTION_ITEM_ID,
        "pillar_id": _PILLAR_ID,
        "title": _TITLE,
        "page": Column(
            "integer",
            "Page",
            "ページ",
            "The page number in the table of contents.",
            "目次に記載のページ番号。",
            required=True,
            minimum=1,
        ),
        "own_block": Column(
            "boolean",
            "Own block",
            "独自の内容",
            "True when the item carries a block of content of its own (the initiative with "
            "the item's id), False when it only heads its circled sub-items.",
            "推進項目自体が内容(所管・工程・指標)を持つときTrue(推進項目と同じIDの実行項目)、"
            "丸数字の実行項目の見出しにすぎないときFalse。",
            required=True,
        ),
        "title_en": _TITLE_EN,
    },
    Table.INITIATIVES: {
        "initiative_id": _INITIATIVE_ID,
        "promotion_item_id": _PROMOTION_ITEM_ID,
        "pillar_id": _PILLAR_ID,
        "title": _TITLE,
        "bureau": Column(
            "string",
            "Bureau",
            "所管",
            "The responsible body as published (a bureau, a ward office such as 区役所(東区), "
            "the Board of Education or the Mayor's Office).",
            "計画に記載の所管(局、区役所、教育委員会、市長室)。",
            required=True,
        ),
        "reposts": _id(
            "Re-posted initiative",
            "再掲元の実行項目",
            "For a re-post (再掲), the id of the block it repeats; empty otherwise.",
            "再掲の場合、再掲元の実行項目のID。それ以外は空欄。",
            required=False,
        ),
        "indicator_count": Column(
            "integer",
            "Number of indicators",
            "指標の数",
            "How many indicators the block has.",
            "実行項目の指標の数。",
            required=True,
            minimum=0,
        ),
        "title_en": _TITLE_EN,
    },
    Table.INDICATORS: {
        "indicator_id": _INDICATOR_ID,
        "initiative_id": _INITIATIVE_ID,
        "name": Column(
            "string",
            "Name",
            "指標名",
            "The indicator's name as published.",
            "計画に記載の指標名。",
            required=True,
        ),
        "unit": Column(
            "string",
            "Unit",
            "単位",
            "The unit, read from the last parenthesised word of the name (%, 件, 人, km, …); "
            "empty when it has none.",
            "指標名の末尾の括弧書きから読んだ単位(%、件、人、km など)。ないときは空欄。",
        ),
        "direction": Column(
            "string",
            "Desired direction",
            "目指す方向",
            "Whether the indicator should rise (increase), fall (decrease) or hold (maintain).",
            "指標の目指す方向(増加、減少、維持、不明)。",
            required=True,
            enum=_values(Direction),
        ),
        **_target_columns(),
        "name_en": Column(
            "string",
            "Name in English",
            "指標名の英訳(非公式訳)",
            "An unofficial English translation of the name by the fukuoka-dx project; the "
            "Japanese name is authoritative.",
            "fukuoka-dxによる指標名の非公式英訳。日本語の指標名が正式。",
        ),
        "unit_en": Column(
            "string",
            "Unit in English",
            "単位の英訳",
            "The unit in English (件 is cases, 人 people); empty when the indicator has none.",
            "単位の英訳(件は cases、人は people)。単位がないときは空欄。",
        ),
    },
    Table.SCHEDULE: {
        "initiative_id": _INITIATIVE_ID,
        "row": Column(
            "integer",
            "Row",
            "行",
            "The row of the block's schedule, from 1, top to bottom.",
            "工程表の行番号(上から1、2、…)。",
            required=True,
            minimum=1,
        ),
        "fiscal_year": _FISCAL_YEAR,
        "cell_text": Column(
            "string",
            "Cell text",
            "セル(記載のまま)",
            "The cell as published: an activity, → (the activity on its left goes on), a "
            "marker such as (完了), a quantity such as 約35km; empty for an empty cell.",
            "計画に記載の工程表のセル(取組、→、(完了)などの記号、約35kmなどの数量)。"
            "空のセルは空欄。",
        ),
        "activity": Column(
            "string",
            "Activity",
            "取組",
            "The activity in force that year, an arrow resolved to the activity it carries; "
            "empty for an empty cell, a marker or a lost cell.",
            "その年度に行う取組(→は左のセルの取組)。空のセル、記号、欠落したセルは空欄。",
        ),
        "continues_from_fy": Column(
            "integer",
            "Continues from",
            "継続元の年度",
            "For a cell that carries an earlier activity on (→, or (完了) in the year it "
            "completes): the fiscal year, by its starting year, in which that activity is "
            "written; empty for new work of the year.",
            "→ や (完了) のセルが続ける取組の記載年度(開始年の西暦)。その年度の新しい取組は空欄。",
            minimum=1869,
        ),
        "note": Column(
            "string",
            "Note",
            "注記",
            "How the schedule row is read where the source allows another reading (an "
            "activity that may span the row, two lines run together in a cell), repeated on "
            "each year of the row; the ambiguities table gives the alternative and the source "
            "line. Empty for a plain row.",
            "原文が別の読み方も許す工程表の行について、その行の読み方(行全体にわたる可能性の"
            "ある取組、セル内の2行の連結など)。行の各年度に同じ注記。別の読み方と原文の行は"
            "ambiguities表にある。通常の行は空欄。",
        ),
    },
    Table.REPAIRS: {
        "table": Column(
            "string",
            "Table",
            "対象の表",
            "The table of the repaired block: promotion_items or initiatives.",
            "修正した箇所の表(promotion_items: 推進項目、initiatives: 実行項目)。",
            required=True,
            enum=_values((Table.PROMOTION_ITEMS, Table.INITIATIVES)),
        ),
        "id": Column(
            "string",
            "Id",
            "ID",
            "The id of the repaired promotion item or initiative in that table.",
            "修正した推進項目または実行項目のID。",
            required=True,
        ),
        "field": Column(
            "string",
            "Field",
            "修正した項目",
            "What was repaired: section_number, title or description.",
            "修正した項目(section_number: 項番、title: 名称、description: 説明)。",
            required=True,
        ),
        "extracted": Column(
            "string",
            "Extracted",
            "抽出されたテキスト",
            "The text as the PDF extraction gave it.",
            "PDFから抽出されたままのテキスト。",
            required=True,
        ),
        "repaired": Column(
            "string",
            "Repaired",
            "修正後のテキスト",
            "The text as repaired.",
            "修正後のテキスト。",
            required=True,
        ),
        "evidence": Column(
            "string",
            "Evidence",
            "根拠",
            "The document's own evidence for the repair (usually its table of contents).",
            "修正の根拠となる計画自身の記載(主に目次)。",
            required=True,
        ),
        "promotion_item_id": attrs.evolve(
            _PROMOTION_ITEM_ID,
            description="The promotion item of the repaired block (the item itself, or the "
            "item of the repaired initiative).",
            description_ja="修正した箇所の推進項目(実行項目の修正ではその推進項目)。",
        ),
        "initiative_id": attrs.evolve(
            _INITIATIVE_ID,
            required=False,
            description="The repaired initiative; empty for a repair of a promotion item.",
            description_ja="修正した実行項目のID。推進項目の修正では空欄。",
        ),
        "line": _SOURCE_LINE,
    },
    Table.AMBIGUITIES: {
        "initiative_id": _INITIATIVE_ID,
        "number": Column(
            "integer",
            "Number",
            "番号",
            "The ambiguity's place among those of its initiative, from 1.",
            "実行項目内での番号(1から)。",
            required=True,
            minimum=1,
        ),
        "field": Column(
            "string",
            "Field",
            "項目",
            "What is read: the title, bureau, description, notes, a schedule row or an indicator.",
            "読み方が問題となる項目(名称、所管、説明、注記、工程表の行、指標)。",
            required=True,
            enum=_values(BlockField),
        ),
        "row": Column(
            "integer",
            "Row",
            "行",
            "For a schedule row, its number from 1; for an indicator, its number in the "
            "block (k of {initiative}.{k}); empty for the other fields.",
            "工程表の行はその行番号(1から)、指標は実行項目内の番号({実行項目}.{k}のk)。"
            "その他の項目は空欄。",
            minimum=1,
        ),
        "line": _SOURCE_LINE,
        "cited": Column(
            "string",
            "Cited text",
            "引用",
            "Text that line of the source holds, as extracted: what is read.",
            "原文のその行にある抽出されたままのテキスト(読み方の対象)。",
            required=True,
        ),
        "reading": Column(
            "string",
            "Reading",
            "採用した読み方",
            "The reading the dataset takes.",
            "データセットが採用した読み方。",
            required=True,
        ),
        "alternative": Column(
            "string",
            "Alternative",
            "別の読み方",
            "The reading the dataset does not take.",
            "採用しなかった読み方。",
            required=True,
        ),
        "evidence": Column(
            "string",
            "Evidence",
            "根拠",
            "Why this reading: what the document shows, with source line numbers.",
            "その読み方の根拠(原文の記載と行番号)。",
            required=True,
        ),
        "resolved": Column(
            "boolean",
            "Resolved",
            "解決済み",
            "True when the document itself rules the alternative out; False when the reading "
            "is a choice the source cannot confirm.",
            "原文自体が別の読み方を否定するときTrue、原文からは確かめられない選択のときFalse。",
            required=True,
        ),
    },
    Table.MISSING_CELLS: {
        "cell": Column(
            "string",
            "Cell",
            "セル",
            "The cell's address: {indicator_id}/{column} for an indicator cell "
            "(1-9-3.1/final), {initiative_id}/{row}/{fiscal_year} for a schedule cell.",
            "セルの位置。指標のセルは{指標ID}/{列}(例: 1-9-3.1/final)、工程表のセルは"
            "{実行項目ID}/{行}/{年度}。",
            required=True,
        ),
        "table": Column(
            "string",
            "Table",
            "表",
            "The table the cell belongs to: indicators or schedule.",
            "セルが属する表(indicators: 指標、schedule: 工程)。",
            required=True,
            enum=_values((Table.INDICATORS, Table.SCHEDULE)),
        ),
        "initiative_id": _INITIATIVE_ID,
        "indicator_id": attrs.evolve(
            _INDICATOR_ID,
            required=False,
            description="The indicator of an indicator cell; empty for a schedule cell.",
            description_ja="指標のセルの指標ID。工程表のセルは空欄。",
        ),
        "column": Column(
            "string",
            "Column",
            "列",
            "The column of an indicator cell: baseline, midterm or final; empty for a "
            "schedule cell.",
            "指標のセルの列(baseline: 現状値、midterm: 中間目標、final: 最終目標)。"
            "工程表のセルは空欄。",
            enum=_values(TargetColumn),
        ),
        "row": Column(
            "integer",
            "Row",
            "行",
            "The schedule row of a schedule cell, from 1; empty for an indicator cell.",
            "工程表のセルの行番号(上から1、2、…)。指標のセルは空欄。",
            minimum=1,
        ),
        "fiscal_year": attrs.evolve(
            _FISCAL_YEAR,
            description="The cell's fiscal year (for an indicator cell, its column's year).",
            description_ja="セルの年度(指標のセルは列の年度)。開始する西暦年で表す。",
        ),
        "note": Column(
            "string",
            "Note",
            "注記",
            "What the source shows where the cell should be.",
            "セルの箇所に原文が示している内容。",
            required=True,
        ),
    },
}


def _fk(columns: str, table: Table, reference: str) -> ForeignKey:
    return ForeignKey(tuple(columns.split()), table, tuple(reference.split()))


TABLE_INFO: Final[dict[Table, TableInfo]] = {
    Table.PILLARS: TableInfo(
        "Pillars",
        "柱",
        "The pillars of the strategy, one row each.",
        "戦略の柱(1行に1つ)。",
        ("pillar_id",),
    ),
    Table.PROMOTION_ITEMS: TableInfo(
        "Promotion items",
        "推進項目",
        "The promotion items, one row each, in document order.",
        "推進項目(1行に1つ、記載順)。",
        ("promotion_item_id",),
        (_fk("pillar_id", Table.PILLARS, "pillar_id"),),
    ),
    Table.INITIATIVES: TableInfo(
        "Initiatives",
        "実行項目",
        "The initiatives (blocks of content: title, bureau, schedule, indicators), one row "
        "each, in document order.",
        "実行項目(名称・所管・工程・指標を持つ内容のまとまり。1行に1つ、記載順)。",
        ("initiative_id",),
        (
            _fk("promotion_item_id", Table.PROMOTION_ITEMS, "promotion_item_id"),
            _fk("pillar_id", Table.PILLARS, "pillar_id"),
            _fk("reposts", Table.INITIATIVES, "initiative_id"),
        ),
    ),
    Table.INDICATORS: TableInfo(
        "Indicators",
        "指標",
        "The indicators, one row each, in document order, with their baseline, mid-term "
        "and final target cells.",
        "指標(1行に1つ、記載順)と、その現状値・中間目標・最終目標。",
        ("indicator_id",),
        (_fk("initiative_id", Table.INITIATIVES, "initiative_id"),),
    ),
    Table.SCHEDULE: TableInfo(
        "Schedule",
        "工程",
        "The schedules, one row per initiative, schedule row and fiscal year.",
        "工程表(実行項目・行・年度ごとに1行)。",
        ("initiative_id", "row", "fiscal_year"),
        (_fk("initiative_id", Table.INITIATIVES, "initiative_id"),),
    ),
    Table.REPAIRS: TableInfo(
        "Repairs",
        "修正記録",
        "Every repair of damage done by the PDF extraction, with the document's evidence.",
        "PDF抽出による誤りの修正と、その根拠。",
        ("table", "id", "field"),
        (
            _fk("promotion_item_id", Table.PROMOTION_ITEMS, "promotion_item_id"),
            _fk("initiative_id", Table.INITIATIVES, "initiative_id"),
        ),
    ),
    Table.AMBIGUITIES: TableInfo(
        "Ambiguities",
        "読み方の記録",
        "Every reading of the source that could be taken another way: the reading the "
        "dataset takes, the alternative, the source line and its text, and the evidence.",
        "原文の別の読み方が可能な箇所と、採用した読み方、別の読み方、原文の行とテキスト、根拠。",
        ("initiative_id", "number"),
        (_fk("initiative_id", Table.INITIATIVES, "initiative_id"),),
    ),
    Table.MISSING_CELLS: TableInfo(
        "Missing cells",
        "欠落したセル",
        "Every cell the source text does not give, with a note saying what it shows "
        "instead; such a value is never invented.",
        "原文から得られないセルと、その箇所に原文が示す内容(値は補っていない)。",
        ("cell",),
        (
            _fk("initiative_id", Table.INITIATIVES, "initiative_id"),
            _fk("indicator_id", Table.INDICATORS, "indicator_id"),
        ),
    ),
}


def column_info(table: Table) -> dict[str, Column]:
    """The description of each column of ``table``, in the table's column order.

    Raises :class:`~fukuoka_dx.errors.InvalidValueError` when a column of the table has no
    description, or a description names no column.
    """
    columns = TABLES[table][0]
    described = _COLUMNS.get(table, {})
    missing = [c for c in columns if c not in described]
    extra = [c for c in described if c not in columns]
    if missing or extra:
        raise InvalidValueError(
            f"table {table.value}: columns without a description: {missing or 'none'}; "
            f"descriptions of no column: {extra or 'none'} (see report/opendata/columns.py)"
        )
    return {c: described[c] for c in columns}
