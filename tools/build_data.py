"""Build the packaged plan JSON of every edition from its reviewed reading in ``datasrc/``.

Each edition has a folder ``datasrc/{edition}/`` (``datasrc/2023-09/``): ``edition.json``,
``english.json``, the ``part-*.json`` reading of ``source.txt``, and, for an edition after the
first, an optional ``crosswalk.json`` saying where the ids of the edition before went.
``python tools/build_data.py`` writes ``src/fukuoka_dx/data/plan-{edition}.json`` for each,
oldest first; ``--check`` exits 1 when a packaged file differs from what its sources build,
or when a packaged file has no folder.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

import attrs

from fukuoka_dx.crosswalk import Crosswalk
from fukuoka_dx.fiscal_calendar import FiscalYear
from fukuoka_dx.loading import reading_problems
from fukuoka_dx.model import (
    Ambiguity,
    BlockField,
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
from fukuoka_dx.serialization import canonical_json, structure
from fukuoka_dx.targets import Direction, MissingTarget, Target, TargetKind, parse_target

ROOT = Path(__file__).resolve().parent.parent
DATASRC = ROOT / "datasrc"
DATA_DIR = ROOT / "src" / "fukuoka_dx" / "data"


#: The name of an edition's folder: the edition id, ``YYYY-MM``.
EDITION_DIR = re.compile(r"^\d{4}-\d{2}$")


def edition_dirs(datasrc: Path = DATASRC) -> list[Path]:
    """The folders of the editions in ``datasrc``, oldest first."""
    return sorted(p for p in datasrc.iterdir() if p.is_dir() and EDITION_DIR.match(p.name))


@attrs.frozen
class Edition:
    """The editorial data of ``datasrc/{edition}/edition.json`` (see ``datasrc/SCHEMA.md``)."""

    edition: str
    title: str
    publisher: str
    first_fy: FiscalYear
    last_fy: FiscalYear
    midterm_fy: FiscalYear
    final_fy: FiscalYear
    revisions: tuple[Revision, ...]
    pillars: tuple[Pillar, ...]
    bureaus_en: dict[str, str]
    wards_en: dict[str, str]
    bureau_kinds: dict[str, BureauKind]
    not_comparable: dict[str, str]
    """Baselines the plan itself shows are not comparable with the targets, by indicator id."""

    def bureau(self, name: str) -> Bureau:
        if name.startswith("区役所(") and name.endswith(")"):
            ward = name[len("区役所(") : -1]
            if ward not in self.wards_en:
                raise ValueError(f"edition.json: wards_en lacks {ward!r} (used as {name!r})")
            en = f"{self.wards_en[ward]} Ward Office"
            return Bureau(name, en, BureauKind.WARD_OFFICE, ward)
        if name not in self.bureaus_en:
            raise ValueError(f"edition.json: bureaus_en lacks {name!r}")
        return Bureau(name, self.bureaus_en[name], self.bureau_kinds.get(name, BureauKind.BUREAU))


def load_edition(folder: Path) -> Edition:
    path = folder / "edition.json"
    # the package's own JSON reader: unknown or missing keys and wrong types name their path
    ed = structure(json.loads(path.read_text("utf-8")), Edition, what=str(path))
    if not ed.first_fy <= ed.midterm_fy < ed.final_fy <= ed.last_fy:
        raise ValueError(f"{path}: need first_fy <= midterm_fy < final_fy <= last_fy")
    if not ed.revisions or str(ed.revisions[-1].month) != ed.edition:
        raise ValueError(f"{path}: the edition id must be the month of the last revision")
    if ed.edition != folder.name:
        raise ValueError(f"{path}: edition {ed.edition} is in the folder of {folder.name}")
    for name, kind in ed.bureau_kinds.items():
        if name not in ed.bureaus_en or kind is BureauKind.WARD_OFFICE:
            raise ValueError(f"{path}: bureau_kinds[{name!r}]: not a body of bureaus_en")
    return ed


def target(ind: dict[str, Any], column: str, where: str) -> Target:
    text = ind[column]
    if text is None:
        note = (ind.get("missing") or {}).get(column)
        if not note:
            raise ValueError(f"{where}.{column}: null cell without a note in 'missing'")
        return MissingTarget(note)
    kind = (ind.get("kinds") or {}).get(column)
    return parse_target(text, TargetKind(kind) if kind else None)


def indicator(raw: dict[str, Any], ind_id: str, ed: Edition) -> Indicator:
    return Indicator(
        baseline_comparable=ind_id not in ed.not_comparable,
        baseline_note=ed.not_comparable.get(ind_id),
        id=ind_id,
        name=raw["name"],
        unit=raw["unit"],
        qualifiers=tuple(Qualifier(q) for q in raw["qualifiers"]),
        direction=Direction(raw["direction"]),
        baseline_fy=FiscalYear(raw["baseline_fy"]),
        baseline=target(raw, "baseline", ind_id),
        midterm_fy=ed.midterm_fy,
        midterm=target(raw, "midterm", ind_id),
        final_fy=ed.final_fy,
        final=target(raw, "final", ind_id),
        position=Position(raw["position"]) if raw.get("position") else None,
    )


class Source:
    """The source text the reading is checked against: ``datasrc/<edition>/source.txt``."""

    def __init__(self, path: Path) -> None:
        self.name = f"{path.parent.name}/{path.name}"
        self.lines = tuple(path.read_text("utf-8").splitlines())

    def cites(self, line: int, text: str, where: str, span: tuple[int, int] | None) -> None:
        """Fail unless ``line`` (1-based, inside ``span`` when given) holds ``text``."""
        if not 1 <= line <= len(self.lines):
            raise ValueError(f"{where}: line {line} is not a line of {self.name}")
        if span is not None and not span[0] <= line <= span[1]:
            raise ValueError(f"{where}: line {line} is outside the block's lines {list(span)}")
        if text not in self.lines[line - 1]:
            raise ValueError(f"{where}: line {line} of {self.name} does not contain {text!r}")


def repairs(raw: dict[str, Any], source: Source, where: str) -> tuple[Repair, ...]:
    """The record's repairs, each checked to cite the damage where its line holds it."""
    lines = raw.get("source_lines")
    span = (lines[0], lines[1]) if lines else None
    out = []
    for n, r in enumerate(raw.get("repairs", ()), 1):
        repair = Repair(**r)
        source.cites(repair.line, repair.extracted, f"{where} repair {n}", span)
        out.append(repair)
    return tuple(out)


def ambiguities(raw: dict[str, Any], source: Source) -> tuple[Ambiguity, ...]:
    """The block's ambiguities, each checked against its line; a schedule row has a note
    exactly when an ambiguity is about it."""
    where = raw["id"]
    span = (raw["source_lines"][0], raw["source_lines"][1])
    out = []
    for n, a in enumerate(raw.get("ambiguities", ()), 1):
        amb = Ambiguity(**a)
        source.cites(amb.line, amb.cited, f"{where} ambiguity {n}", span)
        out.append(amb)
    about = {a.row for a in out if a.field is BlockField.SCHEDULE and a.row is not None}
    noted = {k for k, r in enumerate(raw["schedule"], 1) if r.get("note")}
    if about != noted:
        raise ValueError(
            f"{where}: schedule rows with a note {sorted(noted)} must be the rows an "
            f"ambiguity is about {sorted(about)}"
        )
    return tuple(out)


def initiative(
    raw: dict[str, Any], years: tuple[FiscalYear, ...], ed: Edition, source: Source
) -> Initiative:
    if raw.get("missing"):
        raise ValueError(f"{raw['id']}: initiative-level missing notes are not modelled")
    rows = tuple(
        ScheduleRow.from_texts(r["cells"], r.get("missing"), note=r.get("note"))
        for r in raw["schedule"]
    )
    return Initiative(
        id=raw["id"],
        title=raw["title"],
        page=raw["page"],
        bureau=ed.bureau(raw["bureau"]),
        description=tuple(raw["description"]),
        notes=tuple(raw["notes"]),
        schedule=Schedule(years, rows),
        indicator_status=IndicatorStatus(raw["indicator_status"]),
        indicators=tuple(
            indicator(ind, f"{raw['id']}.{k}", ed) for k, ind in enumerate(raw["indicators"], 1)
        ),
        indicator_note=raw.get("indicator_note"),
        reposts=raw.get("reposts"),
        repairs=repairs(raw, source, raw["id"]),
        ambiguities=ambiguities(raw, source),
    )


@attrs.frozen
class Translation:
    """One string of ``english.json``: the Japanese it translates, and the English;
    for an indicator, ``unit_en`` where the unit's usual English reads wrongly for it
    (``件`` counts downloads, not cases)."""

    ja: str
    en: str
    unit_en: str | None = None


@attrs.frozen
class English:
    """``english.json``: the unofficial English names, beside the Japanese."""

    note: str
    promotion_items: dict[str, Translation]
    initiatives: dict[str, Translation]
    indicators: dict[str, Translation]
    units: dict[str, str]

    def unit(self, ind: Indicator) -> str | None:
        """The English of an indicator's unit: its own, else the unit's usual English."""
        if ind.unit is None:
            if self.indicators[ind.id].unit_en is not None:
                raise ValueError(f"english.json: indicator {ind.id} has no unit to translate")
            return None
        return self.indicators[ind.id].unit_en or self.units[ind.unit]

    def en(self, table: dict[str, Translation], key: str, ja: str, what: str) -> str:
        """The English of ``key``, checked to translate the Japanese it stands beside."""
        found = table.get(key)
        if found is None:
            raise ValueError(f"english.json: no English for {what} {key}")
        if found.ja != ja:
            raise ValueError(
                f"english.json: {what} {key} translates {found.ja!r}, but the plan says {ja!r}"
            )
        if not found.en.strip():
            raise ValueError(f"english.json: {what} {key} has an empty English text")
        return found.en


def load_english(folder: Path) -> English:
    path = folder / "english.json"
    return structure(json.loads(path.read_text("utf-8")), English, what=str(path))


def translated(plan: Plan, english: English) -> Plan:
    """The plan with its English names; every id must have one, and no other id."""
    for what, table, ids in (
        ("promotion item", english.promotion_items, {p.id for p in plan.promotion_items}),
        ("initiative", english.initiatives, {i.id for i in plan.initiatives}),
        ("indicator", english.indicators, {i.id for i in plan.indicators}),
    ):
        extra = sorted(set(table) - ids)
        if extra:
            raise ValueError(f"english.json: no {what} {', '.join(extra)} in the plan")
    units = {i.unit for i in plan.indicators if i.unit}
    missing = sorted(units - set(english.units))
    if missing:
        raise ValueError(f"english.json: units without English: {', '.join(missing)}")
    items = tuple(
        attrs.evolve(
            p, title_en=english.en(english.promotion_items, p.id, p.title, "promotion item")
        )
        for p in plan.promotion_items
    )
    initiatives = tuple(
        attrs.evolve(
            ini,
            title_en=english.en(english.initiatives, ini.id, ini.title, "initiative"),
            indicators=tuple(
                attrs.evolve(
                    ind,
                    name_en=english.en(english.indicators, ind.id, ind.name, "indicator"),
                    unit_en=english.unit(ind),
                )
                for ind in ini.indicators
            ),
        )
        for ini in plan.initiatives
    )
    return attrs.evolve(
        plan, promotion_items=items, initiatives=initiatives, translation_note=english.note
    )


def load_parts(folder: Path) -> list[dict[str, Any]]:
    parts = [json.loads(p.read_text("utf-8")) for p in sorted(folder.glob("part-*.json"))]
    return sorted(parts, key=lambda d: d["source_lines"][0])


def load_crosswalk(folder: Path, previous: Plan | None) -> Crosswalk | None:
    """``crosswalk.json`` of an edition, checked against the edition before it; ``None``
    without one (the ids of the edition before all stayed, or this is the first)."""
    path = folder / "crosswalk.json"
    if not path.exists():
        return None
    if previous is None:
        raise ValueError(f"{path}: the first edition has no edition before it to map from")
    cw = structure(json.loads(path.read_text("utf-8")), Crosswalk, what=str(path))
    if cw.old_edition != previous.edition:
        raise ValueError(
            f"{path}: maps from {cw.old_edition}, but the edition before is {previous.edition}"
        )
    if cw.old_digest is not None and cw.old_digest != previous.digest:
        raise ValueError(f"{path}: old_digest is not the digest of {previous.edition}")
    return cw


def build(folder: Path, previous: Plan | None = None) -> Plan:
    """The plan of the edition in ``folder``; ``previous`` is the edition before it, whose
    ids its crosswalk maps."""
    ed = load_edition(folder)
    parts = load_parts(folder)
    source = Source(folder / "source.txt")
    years = FiscalYear.span(ed.first_fy, ed.last_fy)
    items = [
        PromotionItem(
            p["id"],
            p["title"],
            p["page"],
            p["own_block"],
            repairs(p, source, f"promotion item {p['id']}"),
        )
        for part in parts
        for p in part["promotion_items"]
    ]
    initiatives = [initiative(i, years, ed, source) for part in parts for i in part["initiatives"]]
    indicator_ids = {ind.id for ini in initiatives for ind in ini.indicators}
    unknown = sorted(set(ed.not_comparable) - indicator_ids)
    if unknown:
        raise ValueError(f"edition.json: not_comparable names no indicator: {', '.join(unknown)}")
    bureaus = {i.bureau.name_ja: i.bureau for i in initiatives}
    plan = Plan(
        edition=ed.edition,
        title=ed.title,
        publisher=ed.publisher,
        first_year=ed.first_fy,
        last_year=ed.last_fy,
        revisions=ed.revisions,
        pillars=ed.pillars,
        promotion_items=tuple(items),
        bureaus=tuple(bureaus[b] for b in sorted(bureaus)),
        initiatives=tuple(initiatives),
    )
    plan = translated(plan, load_english(folder))
    crosswalk = load_crosswalk(folder, previous)
    if crosswalk is not None:
        assert previous is not None
        problems = crosswalk.problems(previous.ids(), plan.ids())
        if problems:
            raise ValueError(f"{folder / 'crosswalk.json'}: " + "; ".join(problems))
        plan = attrs.evolve(plan, crosswalk=crosswalk)
    misread = reading_problems(plan)
    if misread:
        raise ValueError(f"{folder}: " + "; ".join(f"{m} ({at})" for at, m in misread))
    return plan


def build_all(datasrc: Path = DATASRC) -> list[Plan]:
    """Every edition of ``datasrc``, oldest first, each built against the one before."""
    plans: list[Plan] = []
    for folder in edition_dirs(datasrc):
        plans.append(build(folder, plans[-1] if plans else None))
    if not plans:
        raise ValueError(f"{datasrc}: no edition folder (YYYY-MM) with an edition.json")
    return plans


def output_path(plan: Plan) -> Path:
    return DATA_DIR / f"plan-{plan.edition}.json"


def render(plan: Plan) -> str:
    return canonical_json(plan) + "\n"


def stale(plans: list[Plan]) -> list[Path]:
    """Packaged plan files that no edition folder builds."""
    built = {output_path(p) for p in plans}
    return sorted(p for p in DATA_DIR.glob("plan-*.json") if p not in built)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    plans = build_all()
    status = 0
    for path in stale(plans):
        print(
            f"{path} has no datasrc/{path.stem.removeprefix('plan-')}/: remove it", file=sys.stderr
        )
        status = 1
    for plan in plans:
        text, output = render(plan), output_path(plan)
        if args.check:
            current = output.read_text("utf-8") if output.exists() else ""
            if current != text:
                print(f"{output} is out of date: run `make data`", file=sys.stderr)
                status = 1
            else:
                print(f"{output.name} is up to date")
            continue
        output.write_text(text, "utf-8")
        print(f"wrote {output} ({len(text.encode())} bytes, sha256 {plan.digest})")
    return status


if __name__ == "__main__":
    sys.exit(main())
