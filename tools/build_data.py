"""Build the packaged plan JSON from the reviewed reading in ``datasrc/``.

``python tools/build_data.py`` writes ``src/fukuoka_dx/data/plan-2023-09.json``;
``--check`` exits 1 when the packaged file differs from what the sources build.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from fukuoka_dx.fiscal_calendar import FiscalYear, YearMonth
from fukuoka_dx.model import (
    Bureau,
    BureauKind,
    Indicator,
    IndicatorStatus,
    Initiative,
    Pillar,
    Plan,
    Position,
    PromotionItem,
    Qualifier,
    Repair,
    Revision,
)
from fukuoka_dx.schedule import Schedule, ScheduleRow
from fukuoka_dx.serialization import canonical_json
from fukuoka_dx.targets import Direction, MissingTarget, Target, TargetKind, parse_target

ROOT = Path(__file__).resolve().parent.parent
DATASRC = ROOT / "datasrc"
EDITION = "2023-09"
OUTPUT = ROOT / "src" / "fukuoka_dx" / "data" / f"plan-{EDITION}.json"

PILLARS = (
    ("1", "暮らしのDX", "DX in daily life"),
    ("2", "まちのDX", "DX in the city"),
    ("3", "しごとのDX", "DX in business and work"),
    ("4", "行政のDX", "DX in city administration"),
    ("5", "DXを支える基盤", "Foundations that support DX"),
)

BUREAUS_EN = {
    "総務企画局": "General Affairs and Planning Bureau",
    "財政局": "Finance Bureau",
    "市民局": "Citizens' Affairs Bureau",
    "こども未来局": "Children's Future Bureau",
    "福祉局": "Welfare Bureau",
    "保健医療局": "Health and Medical Care Bureau",
    "環境局": "Environment Bureau",
    "経済観光文化局": "Economy, Tourism and Culture Bureau",
    "農林水産局": "Agriculture, Forestry and Fisheries Bureau",
    "住宅都市局": "Housing and Urban Affairs Bureau",
    "道路下水道局": "Road and Sewerage Bureau",
    "港湾空港局": "Port and Airport Bureau",
    "消防局": "Fire Bureau",
    "水道局": "Waterworks Bureau",
    "交通局": "Transportation Bureau",
    "教育委員会": "Board of Education",
    "市長室": "Mayor's Office",
}
WARDS_EN = {
    "東区": "Higashi",
    "博多区": "Hakata",
    "中央区": "Chuo",
    "南区": "Minami",
    "城南区": "Jonan",
    "早良区": "Sawara",
    "西区": "Nishi",
}


def bureau(name: str) -> Bureau:
    if name.startswith("区役所(") and name.endswith(")"):
        ward = name[len("区役所(") : -1]
        return Bureau(name, f"{WARDS_EN[ward]} Ward Office", BureauKind.WARD_OFFICE, ward)
    if name == "教育委員会":
        kind = BureauKind.BOARD_OF_EDUCATION
    elif name == "市長室":
        kind = BureauKind.MAYORS_OFFICE
    else:
        kind = BureauKind.BUREAU
    return Bureau(name, BUREAUS_EN[name], kind)


def target(ind: dict[str, Any], column: str, where: str) -> Target:
    text = ind[column]
    if text is None:
        note = (ind.get("missing") or {}).get(column)
        if not note:
            raise ValueError(f"{where}.{column}: null cell without a note in 'missing'")
        return MissingTarget(note)
    kind = (ind.get("kinds") or {}).get(column)
    return parse_target(text, TargetKind(kind) if kind else None)


# Editorial annotations (not readings of a cell): baselines the plan itself shows are not
# comparable with the targets, so that progress is not measured from them.
NOT_COMPARABLE = {
    "1-4-4.1": (
        "the block's note says free childcare for second and later children from 令和5年度 "
        "makes the total fall below the 令和4年度 baseline (targets 1,300 and 1,350 against "
        "3,555): the baseline counts a different population"
    ),
    "5-7.1": (
        "the indicator counts from 令和5年度 (令和5年度からの累計); the 令和4年度 figure is a "
        "single-year count, not a point on that cumulative series"
    ),
    "5-8.1": (
        "the indicator counts from 令和5年度 (令和5年度からの累計); the 令和4年度 figure is a "
        "single-year count, not a point on that cumulative series"
    ),
}


def indicator(raw: dict[str, Any], ind_id: str) -> Indicator:
    return Indicator(
        baseline_comparable=ind_id not in NOT_COMPARABLE,
        baseline_note=NOT_COMPARABLE.get(ind_id),
        id=ind_id,
        name=raw["name"],
        unit=raw["unit"],
        qualifiers=tuple(Qualifier(q) for q in raw["qualifiers"]),
        direction=Direction(raw["direction"]),
        baseline_fy=FiscalYear(raw["baseline_fy"]),
        baseline=target(raw, "baseline", ind_id),
        midterm_fy=FiscalYear(2024),
        midterm=target(raw, "midterm", ind_id),
        final_fy=FiscalYear(2026),
        final=target(raw, "final", ind_id),
        position=Position(raw["position"]) if raw.get("position") else None,
    )


def initiative(raw: dict[str, Any], years: tuple[FiscalYear, ...]) -> Initiative:
    if raw.get("missing"):
        raise ValueError(f"{raw['id']}: initiative-level missing notes are not modelled")
    rows = tuple(ScheduleRow.from_texts(r["cells"], r.get("missing")) for r in raw["schedule"])
    return Initiative(
        id=raw["id"],
        title=raw["title"],
        page=raw["page"],
        bureau=bureau(raw["bureau"]),
        description=tuple(raw["description"]),
        notes=tuple(raw["notes"]),
        schedule=Schedule(years, rows),
        indicator_status=IndicatorStatus(raw["indicator_status"]),
        indicators=tuple(
            indicator(ind, f"{raw['id']}.{k}") for k, ind in enumerate(raw["indicators"], 1)
        ),
        indicator_note=raw.get("indicator_note"),
        reposts=raw.get("reposts"),
        repairs=tuple(Repair(**r) for r in raw.get("repairs", ())),
    )


def load_parts(datasrc: Path = DATASRC) -> list[dict[str, Any]]:
    parts = [json.loads(p.read_text("utf-8")) for p in sorted(datasrc.glob("part-*.json"))]
    return sorted(parts, key=lambda d: d["source_lines"][0])


def build(datasrc: Path = DATASRC) -> Plan:
    parts = load_parts(datasrc)
    first, last = FiscalYear(2023), FiscalYear(2026)
    years = FiscalYear.span(first, last)
    items = [
        PromotionItem(
            p["id"],
            p["title"],
            p["page"],
            p["own_block"],
            tuple(Repair(**r) for r in p.get("repairs", ())),
        )
        for part in parts
        for p in part["promotion_items"]
    ]
    initiatives = [initiative(i, years) for part in parts for i in part["initiatives"]]
    bureaus = {i.bureau.name_ja: i.bureau for i in initiatives}
    return Plan(
        edition=EDITION,
        title="福岡市DX戦略 実行項目集",
        publisher="福岡市",
        first_year=first,
        last_year=last,
        revisions=(
            Revision(YearMonth(2023, 6), "策定"),
            Revision(YearMonth(2023, 9), "改訂(実行項目の追加)"),
        ),
        pillars=tuple(Pillar(*p) for p in PILLARS),
        promotion_items=tuple(items),
        bureaus=tuple(bureaus[b] for b in sorted(bureaus)),
        initiatives=tuple(initiatives),
    )


def render(plan: Plan) -> str:
    return canonical_json(plan) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    text = render(build())
    if args.check:
        current = OUTPUT.read_text("utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT} is out of date: run `make data`", file=sys.stderr)
            return 1
        print(f"{OUTPUT.name} is up to date")
        return 0
    OUTPUT.write_text(text, "utf-8")
    print(f"wrote {OUTPUT} ({len(text.encode())} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
