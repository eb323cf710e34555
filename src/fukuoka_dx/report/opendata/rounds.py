"""A reporting round as open data: a Frictionless Data Package of its tables (the figures,
the activity reports, the narratives, where each came from, and what was refused), and the
JSON Schema of a round's JSON file.

Each table's Table Schema gives its columns' types, the values a closed list allows (the
schedule statuses, the next steps), and their meaning in English and Japanese; the CSV
files are written as :func:`~fukuoka_dx.report.export.format_csv` writes every table.

>>> [t for t in ROUND_TABLES]
['observations', 'activity_reports', 'narratives', 'provenance', 'refused']
>>> schema = round_table_schema("activity_reports")
>>> [f["name"] for f in schema["fields"]], schema["primaryKey"]
(['initiative_id', 'fiscal_year', 'status', 'done'], ['initiative_id', 'fiscal_year'])
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import attrs

from fukuoka_dx._version import __version__
from fukuoka_dx.observations.reports import (
    ActivityStatus,
    IndicatorNarrative,
    NarrativeKind,
    NextStep,
)
from fukuoka_dx.observations.round import RecordKind, ReportingRound
from fukuoka_dx.observations.values import Observation, value_text
from fukuoka_dx.report.export import Row, format_csv
from fukuoka_dx.report.opendata.columns import Column
from fukuoka_dx.report.opendata.package import DESCRIPTOR_NAME, _field, datapackage_json
from fukuoka_dx.report.opendata.schemas import DIALECT, _Builder

__all__ = [
    "ROUND_TABLES",
    "RoundTable",
    "round_datapackage_descriptor",
    "round_json_schema",
    "round_table_rows",
    "round_table_schema",
    "write_round_datapackage",
]


def _text(title: str, title_ja: str, what: str, what_ja: str, *, required: bool = False) -> Column:
    return Column("string", title, title_ja, what, what_ja, required=required)


_FY: Final = Column(
    "integer",
    "Fiscal year",
    "年度",
    "The fiscal year by the Gregorian year in which it starts (2025 for 令和7年度).",
    "年度(開始する西暦年で表す。令和7年度は2025)。",
    required=True,
)
_FREE: Final = "Free text as the bureau wrote it (line endings as LF); empty for none."
_FREE_JA: Final = "所管が記入したままの文章(改行はLF)。ないときは空欄。"
_FACTORS: Final = _text(
    "Factors",
    "要因分析",
    f"Why the figure or the work is where it is. {_FREE}",
    f"実績や取組の要因分析。{_FREE_JA}",
)
_ISSUES: Final = _text("Issues", "課題", f"Open problems. {_FREE}", f"課題。{_FREE_JA}")
_NEXT: Final = Column(
    "string",
    "Next step",
    "今後の方向性",
    "The next step from the closed list: expand (拡充), continue (継続), improve (改善・見直し), "
    "complete (完了), reduce (縮小), stop (休止・廃止); empty for none.",
    "今後の方向性(拡充、継続、改善・見直し、完了、縮小、休止・廃止)。ないときは空欄。",
    enum=tuple(s.value for s in NextStep),
)


@attrs.frozen
class RoundTable:
    """A table of a round's Data Package: its titles and description in English and
    Japanese, its columns and its primary key."""

    title: str
    title_ja: str
    description: str
    description_ja: str
    columns: Mapping[str, Column]
    primary_key: tuple[str, ...] = ()


#: The tables of a round's Data Package, by name, in order.
ROUND_TABLES: Final[Mapping[str, RoundTable]] = {
    "observations": RoundTable(
        "Figures",
        "実績",
        "The figures the bureaus returned, one per indicator, as an observations file holds "
        "them (fukuoka-dx reads this file as observations).",
        "所管から回答された実績値(指標ごとに1件)。実績ファイルと同じ列。",
        {
            "indicator_id": _text(
                "Indicator id", "指標ID", "The indicator (4-17-8.1).", "指標のID。", required=True
            ),
            "fiscal_year": _FY,
            "value": _text(
                "Value",
                "実績値",
                "The figure as the files take it: a number, a change (30%減), a stage, or "
                "labelled parts.",
                "実績値(数値、増減率、段階、区分ごとの数値)。",
                required=True,
            ),
            "as_of": _text(
                "As of",
                "時点",
                "The date the figure stands for, if not the year's end (YYYY-MM-DD).",
                "実績の時点(年度末でないとき)。",
            ),
            "source": _text("Source", "出典", "Where the figure comes from.", "実績の出典。"),
            "note": _text("Note", "備考", "A note on the figure.", "備考。"),
        },
        ("indicator_id", "fiscal_year"),
    ),
    "activity_reports": RoundTable(
        "Activity reports",
        "工程の進捗",
        "How each initiative's schedule (工程) went in the year, as its bureau reported it.",
        "実行項目ごとの工程の進捗(所管の報告)。",
        {
            "initiative_id": _text(
                "Initiative id",
                "実行項目ID",
                "The initiative (4-17-8).",
                "実行項目のID。",
                required=True,
            ),
            "fiscal_year": _FY,
            "status": Column(
                "string",
                "Status",
                "進捗状況",
                "as_planned (計画どおり), ahead (前倒し), partly_delayed (一部遅れ), "
                "delayed (遅れ), not_started (未着手), revised (見直し) or discontinued (中止).",
                "計画どおり、前倒し、一部遅れ、遅れ、未着手、見直し、中止のいずれか。",
                required=True,
                enum=tuple(s.value for s in ActivityStatus),
            ),
            "done": _text("What was done", "取組実績", _FREE, f"取組実績。{_FREE_JA}"),
        },
        ("initiative_id", "fiscal_year"),
    ),
    "narratives": RoundTable(
        "Narratives",
        "所管の記述",
        "The bureaus' words on an indicator's figure or on an initiative in the year.",
        "指標の実績または実行項目についての所管の記述。",
        {
            "kind": Column(
                "string",
                "Of",
                "対象",
                "indicator (the words are on its figure) or initiative.",
                "indicator(指標の実績について)または initiative(実行項目について)。",
                required=True,
                enum=tuple(k.value for k in NarrativeKind),
            ),
            "id": _text(
                "Id",
                "ID",
                "The indicator's or the initiative's id.",
                "指標または実行項目のID。",
                required=True,
            ),
            "fiscal_year": _FY,
            "provisional": Column(
                "boolean",
                "Provisional",
                "速報値",
                "For an indicator: True when its figure is provisional (速報値) and may still "
                "change; empty for an initiative.",
                "指標の実績が速報値(今後変わりうる値)のときTrue。実行項目は空欄。",
            ),
            "evidence": _text(
                "Evidence",
                "根拠資料",
                f"Where an indicator's figure can be checked. {_FREE}",
                f"実績の根拠資料。{_FREE_JA}",
            ),
            "factors": _FACTORS,
            "issues": _ISSUES,
            "next_step": _NEXT,
        },
        ("kind", "id", "fiscal_year"),
    ),
    "provenance": RoundTable(
        "Provenance",
        "出所",
        "Where each record of the round came from: a record given in two places has two rows.",
        "取りまとめた各記録の出所(ファイル、シート、行)。同じ記録が複数の場所にあれば複数行。",
        {
            "record": Column(
                "string",
                "Record",
                "記録の種類",
                "observation, activity, indicator_narrative or initiative_narrative.",
                "記録の種類(実績、工程、指標の記述、実行項目の記述)。",
                required=True,
                enum=tuple(k.value for k in RecordKind),
            ),
            "id": _text(
                "Id",
                "ID",
                "The indicator's or the initiative's id.",
                "指標または実行項目のID。",
                required=True,
            ),
            "fiscal_year": _FY,
            "file": _text(
                "File",
                "ファイル",
                "The file it was read from.",
                "読み込んだファイル。",
                required=True,
            ),
            "sheet": _text(
                "Sheet",
                "シート",
                "The sheet of a workbook; empty for CSV and JSON.",
                "ワークブックのシート。CSVとJSONは空欄。",
            ),
            "row": Column(
                "integer",
                "Row",
                "行",
                "The sheet's row or the CSV file's line (from 1), or the JSON array's index "
                "(from 0).",
                "シートの行またはCSVの行(1から)、JSONは配列の位置(0から)。",
                required=True,
                minimum=0,
            ),
        },
    ),
    "refused": RoundTable(
        "Refused",
        "取り込まなかったもの",
        "What the collected files left out of the round, each with why.",
        "取りまとめに含めなかった行・セル・ファイルとその理由。",
        {
            "file": _text(
                "File", "ファイル", "The file collected.", "読み込んだファイル。", required=True
            ),
            "bureau": _text(
                "Bureau",
                "所管",
                "The bureau whose item it is about, where known.",
                "どの所管の項目か(分かる場合)。",
            ),
            "location": _text(
                "Location",
                "場所",
                "Where the problem is (file, sheet, row, cell).",
                "問題の場所。",
                required=True,
            ),
            "column": _text(
                "Column", "列", "The column, where it is one cell's.", "列(1つのセルの問題のとき)。"
            ),
            "text": _text("Text", "内容", "What the cell holds.", "セルの内容。"),
            "reason": _text(
                "Reason",
                "理由",
                "Why it was left out (in English).",
                "含めなかった理由(英語)。",
                required=True,
            ),
        },
    ),
}


def round_table_rows(round_: ReportingRound, table: str) -> list[Row]:
    """The rows of one of :data:`ROUND_TABLES` for ``round_``."""
    if table == "observations":
        return [_observation_row(o) for o in round_.observations]
    if table == "activity_reports":
        return [
            {
                "initiative_id": a.initiative_id,
                "fiscal_year": a.fiscal_year.year,
                "status": a.status.value,
                "done": a.done,
            }
            for a in round_.activity_reports
        ]
    if table == "narratives":
        return [
            {
                "kind": n.kind.value,
                "id": n.subject_id,
                "fiscal_year": n.fiscal_year.year,
                "provisional": n.provisional if isinstance(n, IndicatorNarrative) else None,
                "evidence": n.evidence if isinstance(n, IndicatorNarrative) else None,
                "factors": n.factors,
                "issues": n.issues,
                "next_step": n.next_step.value if n.next_step else None,
            }
            for n in round_.narratives
        ]
    if table == "provenance":
        return [
            {
                "record": p.record.value,
                "id": p.id,
                "fiscal_year": p.fiscal_year.year,
                "file": p.file,
                "sheet": p.sheet,
                "row": p.row,
            }
            for p in round_.provenance
        ]
    if table == "refused":
        return [
            {
                "file": f.path,
                "bureau": r.bureau,
                "location": r.problem.location,
                "column": r.problem.column,
                "text": r.problem.text or None,
                "reason": r.problem.reason,
            }
            for f in round_.files
            for r in f.refused
        ]
    raise KeyError(f"no round table {table!r}: expected one of {', '.join(ROUND_TABLES)}")


def _observation_row(o: Observation) -> Row:
    return {
        "indicator_id": o.indicator_id,
        "fiscal_year": o.fiscal_year.year,
        "value": value_text(o.value),
        "as_of": o.as_of.isoformat() if o.as_of else None,
        "source": o.source,
        "note": o.note,
    }


def round_table_schema(table: str) -> dict[str, Any]:
    """The Table Schema of one of :data:`ROUND_TABLES`."""
    info = ROUND_TABLES[table]
    schema: dict[str, Any] = {
        "fields": [_field(name, column) for name, column in info.columns.items()],
        "missingValues": [""],
    }
    if info.primary_key:
        schema["primaryKey"] = list(info.primary_key)
    return schema


def _csv(round_: ReportingRound, table: str) -> bytes:
    columns = tuple(ROUND_TABLES[table].columns)
    return format_csv(columns, round_table_rows(round_, table)).encode("utf-8")


def _package(round_: ReportingRound) -> tuple[dict[str, Any], dict[str, bytes]]:
    files = {t: _csv(round_, t) for t in ROUND_TABLES}
    resources = []
    for name, info in ROUND_TABLES.items():
        data = files[name]
        resources.append(
            {
                "name": name,
                "type": "table",
                "path": f"{name}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": len(data),
                "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
                "title": info.title,
                "title_ja": info.title_ja,
                "description": info.description,
                "description_ja": info.description_ja,
                "dialect": {
                    "header": True,
                    "delimiter": ",",
                    "lineTerminator": "\r\n",
                    "quoteChar": '"',
                    "doubleQuote": True,
                },
                "schema": round_table_schema(name),
            }
        )
    fy = round_.fiscal_year
    descriptor = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": f"fukuoka-dx-round-{round_.edition}-fy{fy.year}",
        "title": f"Reporting round of {fy} ({fy.label_ja}) as of {round_.as_of}",
        "description": (
            f"What the bureaus returned for {fy} ({fy.label_ja}) against edition "
            f"{round_.edition} of the plan, as collected by fukuoka-dx {__version__}: the "
            "figures, how each initiative's schedule went, the bureaus' words, where each "
            "came from, and what was left out with why."
        ),
        "version": __version__,
        "edition": round_.edition,
        "digest": f"sha256:{round_.digest}",
        "fiscal_year": fy.year,
        "as_of": round_.as_of.isoformat(),
        "contributors": [{"title": "fukuoka-dx", "roles": ["creator"]}],
        "resources": resources,
    }
    return descriptor, files


def round_datapackage_descriptor(round_: ReportingRound) -> dict[str, Any]:
    """The ``datapackage.json`` of a round's tables, as a dict."""
    return _package(round_)[0]


def write_round_datapackage(round_: ReportingRound, directory: str | Path) -> Path:
    """Write ``datapackage.json`` and a CSV per table of :data:`ROUND_TABLES` into
    ``directory`` (made if needed). Returns the path of ``datapackage.json``."""
    descriptor, files = _package(round_)
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (out / f"{name}.csv").write_bytes(data)
    path = out / DESCRIPTOR_NAME
    path.write_text(datapackage_json(descriptor), encoding="utf-8", newline="\n")
    return path


def round_json_schema() -> dict[str, Any]:
    """The JSON Schema of a round's JSON file (what ``fukuoka-dx collect`` writes and
    :func:`~fukuoka_dx.observations.round_json.read_round` reads), generated from the
    model; its observations are objects of an observations file's columns."""
    from fukuoka_dx.report.opendata.schemas import observations_json_schema

    builder = _Builder({Observation: {"$ref": "#/$defs/Observation"}})
    ref = builder.schema(ReportingRound)
    observation = observations_json_schema()["$defs"]  # it checks the observation's form
    defs = {**builder.defs, **observation}
    return {
        "$schema": DIALECT,
        "title": "fukuoka-dx reporting round",
        "description": "What the bureaus returned for a fiscal year (a reporting round), as "
        "fukuoka-dx collect writes it: figures, activity reports, narratives, provenance, "
        "and what was left out.",
        "$comment": f"Generated by fukuoka-dx {__version__} from its model; do not edit.",
        **ref,
        "$defs": dict(sorted(defs.items())),
    }
