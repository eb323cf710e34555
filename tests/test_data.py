"""Checks over every record of the packaged plan."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import fukuoka_dx
from fukuoka_dx import FiscalYear, TargetColumn, TargetKind
from fukuoka_dx.loading import read_plan_bytes
from fukuoka_dx.model import (
    RE_INDICATOR,
    RE_INITIATIVE,
    RE_PROMOTION_ITEM,
    IndicatorStatus,
    Plan,
)
from fukuoka_dx.serialization import canonical_json
from fukuoka_dx.targets import (
    Direction,
    DirectionTarget,
    MissingTarget,
    NumberTarget,
    RelativeTarget,
)

from ._datasrc import EDITION_DIR, build_tool

# Indicators whose desired direction and targets disagree on purpose, with the reason.
DIRECTION_EXCEPTIONS = {
    "4-17-2.3": "a ceiling: 要介護認定率 85歳~ is to rise less than it would (64.2 → 65.4 → 65.6)",
}


def test_counts(plan: Plan) -> None:
    assert len(plan.pillars) == 5
    assert len(plan.promotion_items) == 54
    assert len(plan.initiatives) == 160
    assert len(plan.indicators) == 160
    assert sum(1 for i in plan.initiatives if i.reposts) == 2
    assert sum(1 for i in plan.initiatives if i.is_own_block) == sum(
        1 for p in plan.promotion_items if p.own_block
    )


def test_plan_metadata(plan: Plan) -> None:
    assert plan.edition == "2023-09"
    assert plan.title == "福岡市DX戦略 実行項目集"
    assert plan.publisher == "福岡市"
    assert (plan.first_year, plan.last_year) == (FiscalYear(2023), FiscalYear(2026))
    assert [(str(r.month), r.event) for r in plan.revisions] == [
        ("2023-06", "策定"),
        ("2023-09", "改訂(実行項目の追加)"),
    ]
    (edition,) = fukuoka_dx.editions()
    assert (edition.edition, edition.digest) == ("2023-09", plan.digest)


def test_ids_well_formed_unique_and_contiguous(plan: Plan) -> None:
    assert [p.id for p in plan.pillars] == ["1", "2", "3", "4", "5"]
    items: dict[str, list[int]] = defaultdict(list)
    for p in plan.promotion_items:
        assert RE_PROMOTION_ITEM.match(p.id)
        items[p.pillar_id].append(int(p.id.split("-")[1]))
    for numbers in items.values():
        assert numbers == list(range(1, len(numbers) + 1))
    subs: dict[str, list[int]] = defaultdict(list)
    for ini in plan.initiatives:
        assert RE_INITIATIVE.match(ini.id)
        if not ini.is_own_block:
            subs[ini.promotion_item_id].append(int(ini.id.split("-")[2]))
        for k, ind in enumerate(ini.indicators, 1):
            assert RE_INDICATOR.match(ind.id) and ind.id == f"{ini.id}.{k}"
    for numbers in subs.values():
        assert numbers == list(range(1, len(numbers) + 1))
    ids = [i.id for i in plan.initiatives]
    assert len(ids) == len(set(ids))
    # document order: by promotion item, own block first
    order = [(p.id) for p in plan.promotion_items]
    assert [order.index(i.promotion_item_id) for i in plan.initiatives] == sorted(
        order.index(i.promotion_item_id) for i in plan.initiatives
    )


def test_items_without_own_block_have_sub_items(plan: Plan) -> None:
    for item in plan.promotion_items:
        children = plan.children(item.id)
        assert children, item.id
        assert item.own_block == any(c.is_own_block for c in children)


def test_reposts_repeat_their_original(plan: Plan) -> None:
    for ini in plan.initiatives:
        if ini.reposts is None:
            continue
        original = plan.initiative(ini.reposts)
        assert original.reposts is None
        assert ini.description == original.description
        assert ini.schedule == original.schedule
        assert ini.bureau == original.bureau
        assert [i.name for i in ini.indicators] == [i.name for i in original.indicators]
        assert [i.kinds for i in ini.indicators] == [i.kinds for i in original.indicators]
        for a, b in zip(ini.indicators, original.indicators, strict=True):
            assert [a.cell(c) for c in TargetColumn] == [b.cell(c) for c in TargetColumn]


def test_pages_follow_document_order(plan: Plan) -> None:
    pages = [i.page for i in plan.initiatives]
    assert pages == sorted(pages)
    assert pages[0] >= 7 and pages[-1] <= 72
    for item in plan.promotion_items:
        assert item.page == min(i.page for i in plan.children(item.id))


def test_schedules_cover_the_plan_years(plan: Plan) -> None:
    for ini in plan.initiatives:
        assert ini.schedule.years == plan.years, ini.id
        assert ini.schedule.rows, f"{ini.id} has no schedule row"
        for row in ini.schedule.rows:
            assert len(row.cells) == 4
            assert any(c.text for c in row.cells), f"{ini.id}: an empty schedule row"


def test_indicator_status_and_notes(plan: Plan) -> None:
    for ini in plan.initiatives:
        if ini.indicator_status is IndicatorStatus.PRESENT:
            assert ini.indicators
        else:
            assert not ini.indicators
        if ini.indicator_status is IndicatorStatus.PENDING:
            assert ini.indicator_note, ini.id


def test_indicator_cells(plan: Plan) -> None:
    for ind in plan.indicators:
        assert ind.baseline_fy in (FiscalYear(2021), FiscalYear(2022)), ind.id
        assert (ind.midterm_fy, ind.final_fy) == (FiscalYear(2024), FiscalYear(2026))
        for column in TargetColumn:
            cell = ind.cell(column)
            if isinstance(cell, MissingTarget):
                assert len(cell.note) > 20, ind.id
            else:
                assert cell.text.strip(), ind.id
        if ind.unit is not None:
            name = unicodedata.normalize("NFKC", ind.name)
            assert f"({ind.unit})" in name or f"・{ind.unit})" in name, ind.id
        if ind.position is not None:
            partner = ind.number + (1 if ind.position.value == "upper" else -1)
            other = plan.indicator(f"{ind.initiative_id}.{partner}")
            assert other.position is not None and other.position != ind.position


def test_kinds_consistent_with_direction(plan: Plan) -> None:
    for ind in plan.indicators:
        if ind.id in DIRECTION_EXCEPTIONS:
            continue
        b = ind.baseline
        for column in (TargetColumn.MIDTERM, TargetColumn.FINAL):
            t = ind.target(column)
            if isinstance(t, DirectionTarget):
                assert t.direction is ind.direction, ind.id
            if isinstance(t, RelativeTarget):
                want = Direction.DECREASE if t.percent < 0 else Direction.INCREASE
                assert ind.direction is want, ind.id
            if isinstance(t, NumberTarget) and isinstance(b, NumberTarget):
                if not ind.baseline_comparable:
                    continue
                if ind.direction is Direction.INCREASE:
                    assert t.value >= b.value, (ind.id, column)
                elif ind.direction is Direction.DECREASE:
                    assert t.value <= b.value, (ind.id, column)
                elif ind.direction is Direction.MAINTAIN:
                    assert t.value == b.value, (ind.id, column)
        if ind.direction is Direction.DECREASE:
            numbers = [ind.target(c) for c in (TargetColumn.MIDTERM, TargetColumn.FINAL)]
            values = [t.value for t in numbers if isinstance(t, NumberTarget)]
            assert values == sorted(values, reverse=True), ind.id


def test_direction_exceptions_are_real(plan: Plan) -> None:
    for ind_id in DIRECTION_EXCEPTIONS:
        ind = plan.indicator(ind_id)
        assert isinstance(ind.baseline, NumberTarget) and isinstance(ind.final, NumberTarget)
        assert ind.direction is Direction.DECREASE and ind.final.value > ind.baseline.value


def test_known_kinds_present(plan: Plan) -> None:
    kinds = {ind.cell(c).kind for ind in plan.indicators for c in TargetColumn}
    assert kinds == set(TargetKind)


def test_bureaus(plan: Plan) -> None:
    names = {b.name_ja for b in plan.bureaus}
    assert {i.bureau.name_ja for i in plan.initiatives} == names
    for b in plan.bureaus:
        assert re.fullmatch(r"[A-Za-z' ,.-]+", b.name_en), b.name_en
        if b.ward:
            assert b.name_ja == f"区役所({b.ward})"


def test_packaged_files_are_what_the_sources_build() -> None:
    tool = build_tool()
    plans = tool.build_all()
    assert [(p.edition, p.digest) for p in plans] == [
        (e.edition, e.digest) for e in fukuoka_dx.editions()
    ]
    for plan in plans:
        assert tool.render(plan) == read_plan_bytes(plan.edition).decode("utf-8"), (
            f"src/fukuoka_dx/data is out of date with datasrc/{plan.edition}/: run `make data`"
        )
    assert tool.stale(plans) == []


def _datasrc_copy(tmp_path: Path, part: str, change: Callable[[dict[str, Any]], None]) -> Path:
    """A copy of the edition's folder of datasrc/ with one initiative of ``part`` changed."""
    out = tmp_path / EDITION_DIR.name
    shutil.copytree(EDITION_DIR, out)
    path = out / f"part-{part}.json"
    data = json.loads(path.read_text("utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return out


def _initiative(data: dict[str, Any], ini_id: str) -> dict[str, Any]:
    return next(i for i in data["initiatives"] if i["id"] == ini_id)


@pytest.mark.parametrize(
    ("part", "ini_id", "change", "message"),
    [
        (
            "4a",
            "4-6-1",
            lambda i: i["ambiguities"][1].update(line=1146),
            "4-6-1 ambiguity 2: line 1146 of 2023-09/source.txt does not contain "
            "'現状値(4年度) 500'",
        ),
        (
            "4a",
            "4-6-1",
            lambda i: i["ambiguities"][1].update(line=1190),
            "4-6-1 ambiguity 2: line 1190 is outside the block's lines [1141, 1147]",
        ),
        (
            "4a",
            "4-7-5",
            lambda i: i["repairs"][0].update(line=1184),
            "4-7-5 repair 1: line 1184 is outside the block's lines [1191, 1197]",
        ),
        (
            "2",
            "2-3-2",
            lambda i: i["schedule"][1].pop("note"),
            "2-3-2: schedule rows with a note [] must be the rows an ambiguity is about [2]",
        ),
        (
            "2",
            "2-3-1",
            lambda i: i["schedule"][0].update(note="a note without its ambiguity"),
            "2-3-1: schedule rows with a note [1] must be the rows an ambiguity is about []",
        ),
    ],
)
def test_the_build_checks_every_citation_against_the_source(
    tmp_path: Path,
    part: str,
    ini_id: str,
    change: Callable[[dict[str, Any]], None],
    message: str,
) -> None:
    datasrc = _datasrc_copy(tmp_path, part, lambda d: change(_initiative(d, ini_id)))
    with pytest.raises(ValueError) as info:
        build_tool().build(datasrc)
    assert str(info.value) == message


def test_digest_pins_the_canonical_json(plan: Plan) -> None:
    raw = read_plan_bytes()
    assert raw.decode("utf-8") == canonical_json(plan) + "\n"
    assert plan.digest == hashlib.sha256(raw.rstrip(b"\n")).hexdigest()
    assert fukuoka_dx.load_plan("2023-09") is plan


def test_unknown_edition_lists_the_available_ones() -> None:
    with pytest.raises(fukuoka_dx.UnknownEditionError, match="available: 2023-09"):
        fukuoka_dx.load_plan("2019-06")


def test_import_does_not_read_the_data() -> None:
    import subprocess
    import sys

    code = (
        "import sys, fukuoka_dx;"
        "assert 'fukuoka_dx.model' not in sys.modules;"
        "assert all(hasattr(fukuoka_dx, n) for n in fukuoka_dx.__all__);"
        "import fukuoka_dx.loading as l;"
        "assert not l._built;"
        "fukuoka_dx.load_plan(); assert list(l._built) == ['2023-09']"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
