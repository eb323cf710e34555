"""An example reporting round for the tests, the browser test and the documentation's
pictures: the packets of 令和7年度 for two bureaus filled in with openpyxl as the bureaus
would, the others not returned (the figures and words are illustrative, not real)."""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

import fukuoka_dx
from fukuoka_dx.model import Plan
from fukuoka_dx.observations.round import ReportingRound

#: What the two bureaus type, by packet, sheet, item id and header.
FILLED: Mapping[str, Mapping[str, Mapping[str, Mapping[str, object]]]] = {
    "市民局": {
        "指標": {
            "1-1-3.1": {
                "実績値": 19200,
                "速報値": "速報値",
                "根拠資料": "電子申請システムの月次集計",
                "要因分析": "転入者向けの案内を区役所窓口で配布し、\n申込数が伸びた。",
                "課題": "転出手続きの利用が少ない。",
                "今後の方向性": "継続",
            },
            "1-2-2.1": {
                "実績値": 48.5,
                "要因分析": "マイナンバーカードの普及で増加。",
                "今後の方向性": "拡充",
            },
        },
        "工程": {
            "1-1-3": {
                "進捗状況": "一部遅れ",
                "取組実績": "事業の周知・PRを実施。\nシステムの標準化への対応は次年度に延期。",
                "課題": "国の標準仕様の確定待ち。",
                "今後の方向性": "改善・見直し",
            },
            "1-2-2": {"進捗状況": "計画どおり", "取組実績": "コンビニ交付の周知を実施。"},
        },
    },
    "総務企画局": {
        "指標": {
            "1-1.1": {
                "実績値": 55.5,
                "課題": "紙の申請が残る手続きがある。",
                "今後の方向性": "継続",
            },
            "1-1-1.1": {"実績値": 78},
        },
        "工程": {
            "1-1": {"進捗状況": "計画どおり", "取組実績": "オンライン化する手続きを追加。"},
            "1-1-1": {"進捗状況": "前倒し", "取組実績": "新システムの運用を開始。"},
        },
    },
}


def fill_packet(data: bytes, values: Mapping[str, Mapping[str, Mapping[str, object]]]) -> bytes:
    """A packet's bytes with the cells of ``values`` (sheet → item id → header → value) set."""
    wb = load_workbook(io.BytesIO(data))
    for title, items in values.items():
        ws = wb[title]
        assert isinstance(ws, Worksheet)
        headers = {c.value: c.column for c in ws[1]}
        rows = {ws.cell(n, 1).value: n for n in range(2, ws.max_row + 1)}
        for ident, cells in items.items():
            for header, value in cells.items():
                ws.cell(rows[ident], headers[header]).value = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


#: A third bureau's packet with a figure that cannot be read (``problem=True``).
WITH_PROBLEM: Mapping[str, Mapping[str, Mapping[str, Mapping[str, object]]]] = {
    "経済観光文化局": {
        "指標": {"3-1-1.1": {"実績値": "集計中"}},
        "工程": {"3-1-1": {"進捗状況": "計画どおり"}},
    },
}


def example_returns(folder: Path, plan: Plan | None = None, *, problem: bool = False) -> Path:
    """``folder`` with the two bureaus' filled packets of 令和7年度 in it (and, with
    ``problem``, a third bureau's with a figure that cannot be read)."""
    plan = plan or fukuoka_dx.load_plan()
    folder.mkdir(parents=True, exist_ok=True)
    filled = {**FILLED, **(WITH_PROBLEM if problem else {})}
    for bureau, values in filled.items():
        data = fukuoka_dx.packet_workbook(plan, plan.bureau(bureau), "R7")
        (folder / f"{bureau}.xlsx").write_bytes(fill_packet(data, values))
    return folder


def example_round(folder: Path, plan: Plan | None = None) -> ReportingRound:
    """The round collected from :func:`example_returns` in ``folder``."""
    plan = plan or fukuoka_dx.load_plan()
    return fukuoka_dx.collect([example_returns(folder, plan)], plan)
