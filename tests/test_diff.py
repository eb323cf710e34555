"""The plan diff: generated change sets applied to a copy are reported exactly, and the laws."""

from __future__ import annotations

import csv
import html.parser
import io
import re
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import fukuoka_dx
from fukuoka_dx import strategies as fst
from fukuoka_dx.crosswalk import Crosswalk, Level, Merged, OneToOne, Retired, Split
from fukuoka_dx.diff import ChangeKind, PlanDiff
from fukuoka_dx.errors import InvalidValueError
from fukuoka_dx.model import (
    BlockField,
    Bureau,
    BureauKind,
    Indicator,
    IndicatorStatus,
    Initiative,
    Plan,
)
from fukuoka_dx.report.diff import DIFF_COLUMNS, diff_csv, diff_html, diff_text, render_diff
from fukuoka_dx.schedule import ActivityCell, CarryCell, ScheduleRow
from fukuoka_dx.serialization import from_json, to_json
from fukuoka_dx.targets import SameAsPreviousTarget

PACKAGED = fukuoka_dx.load_plan()

Expected = tuple[Level, ChangeKind, tuple[str, ...], tuple[str, ...], frozenset[str]]


def reported(diff: PlanDiff) -> set[Expected]:
    return {
        (c.level, c.change, c.old_ids, c.new_ids, frozenset(f.field for f in c.fields))
        for c in diff.changes
    }


@attrs.define
class Draft:
    """A copy of a plan being changed, and the change set it should be reported as."""

    plan: Plan
    initiatives: list[Initiative]
    bureaus: list[Bureau]
    title: str
    pillars: list[Any]
    items: list[Any]
    original: dict[str, Initiative] = attrs.field(factory=dict)
    current: dict[str, str] = attrs.field(factory=dict)  # original initiative id → current id
    changed: dict[tuple[Level, str], set[str]] = attrs.field(factory=dict)
    added: set[tuple[Level, str]] = attrs.field(factory=set)
    removed: set[tuple[Level, str]] = attrs.field(factory=set)
    renamed: dict[tuple[Level, str], str] = attrs.field(factory=dict)
    plan_fields: set[str] = attrs.field(factory=set)
    grown: set[str] = attrs.field(factory=set)  # initiatives given or losing an indicator
    crosswalk: Crosswalk | None = None

    @classmethod
    def of(cls, plan: Plan) -> Draft:
        return cls(
            plan,
            list(plan.initiatives),
            list(plan.bureaus),
            plan.title,
            list(plan.pillars),
            list(plan.promotion_items),
            original={i.id: i for i in plan.initiatives},
            current={i.id: i.id for i in plan.initiatives},
        )

    # -- helpers ---------------------------------------------------------------------------

    def index(self, ini_id: str) -> int:
        return next(n for n, i in enumerate(self.initiatives) if i.id == ini_id)

    def live(self) -> list[str]:
        """The original initiatives still in the copy, by their original id."""
        return [o for o, c in self.current.items() if c is not None]

    def change(self, level: Level, original: str, path: str) -> bool:
        paths = self.changed.setdefault((level, original), set())
        if path in paths:
            return False
        paths.add(path)
        return True

    def reposted(self, ini_id: str) -> bool:
        return any(i.reposts == ini_id for i in self.initiatives)

    def next_sub(self, item_id: str) -> int:
        known = list(self.original) + [i.id for i in self.initiatives]
        subs = [
            int(i.split("-")[2]) for i in known if i.count("-") == 2 and i.startswith(f"{item_id}-")
        ]
        return max(subs, default=0) + 1

    def result(self) -> Plan:
        used = {i.bureau for i in self.initiatives}
        bureaus = tuple(b for b in self.bureaus if b in used or b in self.plan.bureaus)
        return attrs.evolve(
            self.plan,
            title=self.title,
            pillars=tuple(self.pillars),
            promotion_items=tuple(self.items),
            initiatives=tuple(self.initiatives),
            bureaus=bureaus,
        )

    def expected(self) -> set[Expected]:
        out: set[Expected] = set()
        for (level, orig), paths in self.changed.items():
            if (level, orig) in self.removed:
                continue
            new = self.renamed.get((level, orig))
            if new is not None:
                out.add((level, ChangeKind.RENAMED, (orig,), (new,), frozenset(paths)))
            elif paths:
                out.add((level, ChangeKind.CHANGED, (orig,), (orig,), frozenset(paths)))
        for (level, orig), new in self.renamed.items():
            if (level, orig) not in self.changed and (level, orig) not in self.removed:
                out.add((level, ChangeKind.RENAMED, (orig,), (new,), frozenset()))
        out |= {(lv, ChangeKind.ADDED, (), (i,), frozenset()) for lv, i in self.added}
        out |= {(lv, ChangeKind.REMOVED, (i,), (), frozenset()) for lv, i in self.removed}
        return out


# -- the operations: each draws what it changes, or does nothing where nothing fits -----------


def _new_text(data: st.DataObject, old: str) -> str:
    return data.draw(fst.texts().filter(lambda t: t != old)) if old else data.draw(fst.texts())


def op_plan_title(d: Draft, data: st.DataObject) -> None:
    if "title" not in d.plan_fields:
        d.title = _new_text(data, d.title)
        d.plan_fields.add("title")


def op_pillar_title(d: Draft, data: st.DataObject) -> None:
    n = data.draw(st.integers(0, len(d.pillars) - 1))
    p = d.pillars[n]
    if d.change(Level.PILLAR, p.id, "title"):
        d.pillars[n] = attrs.evolve(p, title=_new_text(data, p.title))


def op_item(d: Draft, data: st.DataObject) -> None:
    n = data.draw(st.integers(0, len(d.items) - 1))
    item = d.items[n]
    field = data.draw(st.sampled_from(["title", "page"]))
    if d.change(Level.PROMOTION_ITEM, item.id, field):
        value = _new_text(data, item.title) if field == "title" else item.page + 1
        d.items[n] = attrs.evolve(item, **{field: value})


def _pick_initiative(d: Draft, data: st.DataObject) -> tuple[str, int] | None:
    live = d.live()
    if not live:
        return None
    orig = data.draw(st.sampled_from(live))
    return orig, d.index(d.current[orig])


def op_initiative(d: Draft, data: st.DataObject) -> None:
    picked = _pick_initiative(d, data)
    if picked is None:
        return
    orig, n = picked
    ini = d.initiatives[n]
    field = data.draw(st.sampled_from(["title", "page", "description", "notes", "bureau"]))
    if field == "bureau":
        others = [b for b in d.bureaus if b != ini.bureau]
        if not others:
            new_bureau = Bureau("市長室", "Mayor's Office", BureauKind.MAYORS_OFFICE)
            if new_bureau == ini.bureau:
                new_bureau = Bureau(
                    "教育委員会", "Board of Education", BureauKind.BOARD_OF_EDUCATION
                )
            d.bureaus.append(new_bureau)
            others = [new_bureau]
        value: Any = data.draw(st.sampled_from(others))
    elif field == "title":
        value = _new_text(data, ini.title)
    elif field == "page":
        value = ini.page + 1
    else:
        value = (*getattr(ini, field), data.draw(fst.texts()))
    if d.change(Level.INITIATIVE, orig, field):
        d.initiatives[n] = attrs.evolve(ini, **{field: value})


def op_schedule_cell(d: Draft, data: st.DataObject) -> None:
    picked = _pick_initiative(d, data)
    if picked is None:
        return
    orig, n = picked
    ini = d.initiatives[n]
    rows = len(d.original[orig].schedule.rows)
    if not rows:
        return
    r = data.draw(st.integers(0, rows - 1))
    c = data.draw(st.integers(0, len(ini.schedule.years) - 1))
    old = ini.schedule.rows[r].cells[c]
    cell = ActivityCell(_new_text(data, old.text if isinstance(old, ActivityCell) else ""))
    if d.change(Level.INITIATIVE, orig, f"schedule.rows[{r}].cells[{c}]"):
        row = ini.schedule.rows[r]
        cells = (*row.cells[:c], cell, *row.cells[c + 1 :])
        rows_ = (
            *ini.schedule.rows[:r],
            attrs.evolve(row, cells=cells),
            *ini.schedule.rows[r + 1 :],
        )
        d.initiatives[n] = attrs.evolve(ini, schedule=attrs.evolve(ini.schedule, rows=rows_))


def op_schedule_row(d: Draft, data: st.DataObject) -> None:
    picked = _pick_initiative(d, data)
    if picked is None:
        return
    orig, n = picked
    ini = d.initiatives[n]
    years = ini.schedule.years
    row = ScheduleRow((ActivityCell(data.draw(fst.texts())), *(CarryCell() for _ in years[1:])))
    d.change(Level.INITIATIVE, orig, f"schedule.rows[{len(ini.schedule.rows)}]")
    rows = (*ini.schedule.rows, row)
    d.initiatives[n] = attrs.evolve(ini, schedule=attrs.evolve(ini.schedule, rows=rows))


def _pick_indicator(d: Draft, data: st.DataObject) -> tuple[str, int, int] | None:
    """An original indicator still in the copy: (its original id, initiative index, k)."""
    found = []
    for orig in d.live():
        n = d.index(d.current[orig])
        for k in range(len(d.initiatives[n].indicators)):
            if k < len(d.original[orig].indicators):
                found.append((d.original[orig].indicators[k].id, n, k))
    return data.draw(st.sampled_from(found)) if found else None


def op_indicator(d: Draft, data: st.DataObject) -> None:
    picked = _pick_indicator(d, data)
    if picked is None:
        return
    orig, n, k = picked
    ini = d.initiatives[n]
    ind = ini.indicators[k]
    field = data.draw(
        st.sampled_from(["name", "unit", "direction", "baseline", "midterm", "final"])
    )
    if field == "name":
        value: Any = _new_text(data, ind.name)
    elif field == "unit":
        value = data.draw(
            st.sampled_from([None, "%", "件", "人", "km"]).filter(lambda u: u != ind.unit)
        )
    elif field == "direction":
        value = data.draw(
            st.sampled_from(list(fukuoka_dx.Direction)).filter(lambda v: v != ind.direction)
        )
    else:
        cells = fst.targets().filter(lambda t: t != getattr(ind, field))
        if field == "baseline":
            cells = cells.filter(lambda t: not isinstance(t, SameAsPreviousTarget))
        value = data.draw(cells)
    if d.change(Level.INDICATOR, orig, field):
        inds = (*ini.indicators[:k], attrs.evolve(ind, **{field: value}), *ini.indicators[k + 1 :])
        d.initiatives[n] = attrs.evolve(ini, indicators=inds)


def op_add_indicator(d: Draft, data: st.DataObject) -> None:
    picked = _pick_initiative(d, data)
    if picked is None:
        return
    orig, n = picked
    ini = d.initiatives[n]
    if ini.indicator_status is not IndicatorStatus.PRESENT or orig in d.grown:
        return
    d.grown.add(orig)
    new_id = f"{ini.id}.{len(ini.indicators) + 1}"
    ind: Indicator = data.draw(fst.indicators(new_id, ini.schedule.years))
    d.initiatives[n] = attrs.evolve(ini, indicators=(*ini.indicators, ind))
    d.added.add((Level.INDICATOR, new_id))


def op_remove_indicator(d: Draft, data: st.DataObject) -> None:
    picked = _pick_initiative(d, data)
    if picked is None:
        return
    orig, n = picked
    ini = d.initiatives[n]
    if len(ini.indicators) < 2 or orig in d.grown:
        return
    k = len(ini.indicators) - 1
    if any(a.field is BlockField.INDICATORS and (a.row or 0) > k for a in ini.ambiguities):
        return  # an ambiguity names that indicator's row: the copy could not be a plan
    d.grown.add(orig)
    d.removed.add((Level.INDICATOR, d.original[orig].indicators[k].id))
    d.initiatives[n] = attrs.evolve(ini, indicators=ini.indicators[:-1])


def op_add_initiative(d: Draft, data: st.DataObject) -> None:
    item = data.draw(st.sampled_from(d.items))
    new_id = f"{item.id}-{d.next_sub(item.id)}"
    bureau = data.draw(st.sampled_from(d.bureaus))
    ini: Initiative = data.draw(fst.initiatives(new_id, bureau, d.plan.years))
    d.initiatives.append(ini)
    d.added.add((Level.INITIATIVE, new_id))
    d.added |= {(Level.INDICATOR, i.id) for i in ini.indicators}


def op_remove_initiative(d: Draft, data: st.DataObject) -> None:
    picked = _pick_initiative(d, data)
    if picked is None:
        return
    orig, n = picked
    ini = d.initiatives[n]
    renamed = (Level.INITIATIVE, orig) in d.renamed  # its crosswalk entry names it
    if ini.is_own_block or d.reposted(ini.id) or orig in d.grown or renamed:
        return
    del d.initiatives[n]
    d.current[orig] = None  # type: ignore[assignment]
    d.removed.add((Level.INITIATIVE, orig))
    d.removed |= {(Level.INDICATOR, i.id) for i in d.original[orig].indicators}


def op_rename_initiative(d: Draft, data: st.DataObject) -> None:
    """Renumber a sub-item within its promotion item, with a one-to-one crosswalk entry."""
    if d.crosswalk is not None:
        return
    picked = _pick_initiative(d, data)
    if picked is None:
        return
    orig, n = picked
    ini = d.initiatives[n]
    if ini.is_own_block or d.reposted(ini.id) or ini.id != orig:
        return
    new_id = f"{ini.promotion_item_id}-{d.next_sub(ini.promotion_item_id)}"
    inds = tuple(attrs.evolve(i, id=f"{new_id}.{i.number}") for i in ini.indicators)
    d.initiatives[n] = attrs.evolve(ini, id=new_id, indicators=inds)
    d.current[orig] = new_id
    d.renamed[(Level.INITIATIVE, orig)] = new_id
    for i in d.original[orig].indicators:
        d.renamed[(Level.INDICATOR, i.id)] = f"{new_id}.{i.number}"
    d.crosswalk = Crosswalk(d.plan.edition, d.plan.edition, (OneToOne(orig, new_id),))


OPS = [
    op_plan_title,
    op_pillar_title,
    op_item,
    op_initiative,
    op_schedule_cell,
    op_schedule_row,
    op_indicator,
    op_add_indicator,
    op_remove_indicator,
    op_add_initiative,
    op_remove_initiative,
]


@st.composite
def changed_copies(draw: st.DrawFn, renames: bool = True) -> tuple[Plan, Draft]:
    plan = draw(st.one_of(st.just(PACKAGED), fst.plans()))
    d = Draft.of(plan)
    data = draw(st.data())
    if renames and draw(st.booleans()):
        op_rename_initiative(d, data)  # first: the other operations see the new id
    for op in draw(st.lists(st.sampled_from(OPS), max_size=8)):
        op(d, data)
    return plan, d


# -- the laws ---------------------------------------------------------------------------------


@given(changed_copies())
def test_a_change_set_applied_to_a_copy_is_reported_exactly(case: tuple[Plan, Draft]) -> None:
    plan, draft = case
    copy = draft.result()
    diff = plan.diff(copy, draft.crosswalk)
    assert reported(diff) == draft.expected()
    assert {f.field for f in diff.plan} == draft.plan_fields
    for c in diff.changes:  # the values reported are the two plans' own
        for f in c.fields:
            assert f.old != f.new


@given(st.one_of(st.just(PACKAGED), fst.plans()))
def test_a_plan_has_no_diff_with_itself(plan: Plan) -> None:
    diff = plan.diff(plan)
    assert diff.is_empty and not diff and diff.changes == () and diff.plan == ()
    assert plan.diff(from_json(to_json(plan), Plan)).is_empty


@given(changed_copies(renames=False))
def test_the_diff_is_antisymmetric(case: tuple[Plan, Draft]) -> None:
    plan, draft = case
    copy = draft.result()
    forth, back = plan.diff(copy), copy.diff(plan)
    for level in Level:
        assert forth.added(level) == back.removed(level)
        assert forth.removed(level) == back.added(level)
        assert forth.changed(level) == back.changed(level)
    swapped = {
        (c.level, c.id, f.field, repr(f.new), repr(f.old)) for c in back.changes for f in c.fields
    }
    assert {
        (c.level, c.id, f.field, repr(f.old), repr(f.new)) for c in forth.changes for f in c.fields
    } == swapped
    assert {(f.field, repr(f.old), repr(f.new)) for f in forth.plan} == {
        (f.field, repr(f.new), repr(f.old)) for f in back.plan
    }


@given(changed_copies())
def test_a_diff_reads_back_from_its_json(case: tuple[Plan, Draft]) -> None:
    plan, draft = case
    diff = plan.diff(draft.result(), draft.crosswalk)
    assert from_json(to_json(diff), PlanDiff) == diff


# -- examples ---------------------------------------------------------------------------------


def _renumbered(plan: Plan, old: str, new: str) -> Plan:
    inits = []
    for ini in plan.initiatives:
        if ini.id == old:
            inds = tuple(attrs.evolve(i, id=f"{new}.{i.number}") for i in ini.indicators)
            ini = attrs.evolve(ini, id=new, indicators=inds)
        inits.append(ini)
    return attrs.evolve(plan, edition="2099-01", initiatives=tuple(inits))


def test_a_rename_with_a_crosswalk_is_a_rename_not_an_add_and_a_remove() -> None:
    copy = _renumbered(PACKAGED, "1-4-4", "1-4-5")
    without = PACKAGED.diff(copy)
    assert without.added(Level.INITIATIVE) == ("1-4-5",)
    assert without.removed(Level.INITIATIVE) == ("1-4-4",)
    cw = Crosswalk("2023-09", "2099-01", (OneToOne("1-4-4", "1-4-5", note="renumbered"),))
    diff = PACKAGED.diff(copy, cw)
    assert reported(diff) == {
        (Level.INITIATIVE, ChangeKind.RENAMED, ("1-4-4",), ("1-4-5",), frozenset()),
        (Level.INDICATOR, ChangeKind.RENAMED, ("1-4-4.1",), ("1-4-5.1",), frozenset()),
    }
    assert diff.of(Level.INITIATIVE)[0].note == "renumbered"
    assert diff.tally(Level.INITIATIVE).changed == 1 and diff.tally(Level.INITIATIVE).added == 0


def test_split_merged_and_retired_entries() -> None:
    plan = PACKAGED
    ini = plan.initiative("1-4-4")
    extra = attrs.evolve(
        ini,
        id="1-4-5",
        indicators=tuple(attrs.evolve(i, id=f"1-4-5.{i.number}") for i in ini.indicators),
    )
    inits = [i for i in plan.initiatives if i.id not in ("1-1-9", "1-1-10", "1-3-1")]
    inits.insert(inits.index(ini) + 1, extra)
    copy = attrs.evolve(plan, edition="2099-01", initiatives=tuple(inits))
    cw = Crosswalk(
        "2023-09",
        "2099-01",
        (
            Split("1-4-4", ("1-4-4", "1-4-5")),
            Merged(("1-1-8", "1-1-9", "1-1-10"), "1-1-8"),
            Retired("1-3-1", note="done"),
            Retired("1-1-9.1"),
        ),
    )
    diff = plan.diff(copy, cw)
    kinds = {(c.level, c.change, c.old_ids, c.new_ids) for c in diff.changes}
    assert (Level.INITIATIVE, ChangeKind.SPLIT, ("1-4-4",), ("1-4-4", "1-4-5")) in kinds
    assert (Level.INITIATIVE, ChangeKind.MERGED, ("1-1-8", "1-1-9", "1-1-10"), ("1-1-8",)) in kinds
    assert (Level.INITIATIVE, ChangeKind.RETIRED, ("1-3-1",), ()) in kinds
    assert (Level.INDICATOR, ChangeKind.RETIRED, ("1-3-1.1",), ()) in kinds  # with 1-3-1
    assert (Level.INDICATOR, ChangeKind.RETIRED, ("1-1-9.1",), ()) in kinds  # its own entry
    assert diff.tally(Level.INITIATIVE).removed == 1  # retired
    assert "1-4-5" not in diff.added(Level.INITIATIVE)  # a part of the split
    assert diff.added(Level.INDICATOR) == ("1-4-5.1",)  # not named by the crosswalk


def test_a_crosswalk_that_does_not_fit_is_refused_with_every_problem() -> None:
    copy = _renumbered(PACKAGED, "1-4-4", "1-4-5")
    bad = Crosswalk("2023-09", "2099-01", (OneToOne("1-4-3", "1-4-4"), OneToOne("9-1", "1-4-9")))
    with pytest.raises(InvalidValueError) as info:
        PACKAGED.diff(copy, bad)
    message = str(info.value)
    assert "9-1 is not an id of edition 2023-09" in message
    assert "1-4-9 is not an id of edition 2099-01" in message
    with pytest.raises(InvalidValueError, match="old edition is 2024-01"):
        PACKAGED.diff(copy, Crosswalk("2024-01", "2099-01"))
    pinned = Crosswalk("2023-09", "2099-01", old_digest="0" * 64)
    with pytest.raises(InvalidValueError, match="pins old edition 2023-09"):
        PACKAGED.diff(copy, pinned)


def test_a_plan_carries_its_crosswalk_and_the_diff_uses_it() -> None:
    cw = Crosswalk("2023-09", "2099-01", (OneToOne("1-4-4", "1-4-5"), Retired("1-1-8")))
    copy = _renumbered(PACKAGED, "1-4-4", "1-4-5")
    copy = attrs.evolve(
        copy, initiatives=tuple(i for i in copy.initiatives if i.id != "1-1-8"), crosswalk=cw
    )
    diff = PACKAGED.diff(copy)
    assert diff.crosswalk == cw
    assert diff.of(Level.INITIATIVE, ChangeKind.RENAMED)[0].new_ids == ("1-4-5",)
    with pytest.raises(fukuoka_dx.NotFoundError, match="1-4-4 became 1-4-5"):
        copy.initiative("1-4-4")
    with pytest.raises(fukuoka_dx.NotFoundError, match=r"1-4-4\.1 became 1-4-5\.1 with 1-4-4"):
        copy.indicator("1-4-4.1")
    with pytest.raises(fukuoka_dx.NotFoundError, match="1-1-8 was retired"):
        copy.initiative("1-1-8")
    with pytest.raises(fukuoka_dx.NotFoundError, match="did you mean"):
        copy.initiative("1-1-99")  # not in the crosswalk: close matches, as before


def test_a_plan_refuses_a_crosswalk_that_is_not_its_own() -> None:
    cw = Crosswalk("2023-09", "2099-02", (OneToOne("1-4-4", "1-4-9"),), new_digest="a" * 64)
    with pytest.raises(InvalidValueError) as info:
        attrs.evolve(_renumbered(PACKAGED, "1-4-4", "1-4-5"), crosswalk=cw)
    located = dict(info.value.located)
    assert "not to the plan's own edition 2099-01" in located["crosswalk.new_edition"]
    assert "cannot pin the plan's digest" in located["crosswalk.new_digest"]
    assert "1-4-9 is not an id of edition 2099-02" in located["crosswalk.entries[0]"]


def test_the_fields_of_the_model_are_compared_without_a_list() -> None:
    """A field the model gains is compared: here an attrs field every record has, id aside."""
    ind = PACKAGED.indicator("1-1-3.1")
    other = attrs.evolve(ind, baseline_comparable=False, baseline_note="a note")
    inits = tuple(
        attrs.evolve(i, indicators=(other,)) if i.id == "1-1-3" else i for i in PACKAGED.initiatives
    )
    diff = PACKAGED.diff(attrs.evolve(PACKAGED, initiatives=inits))
    (change,) = diff.changes
    assert {f.field for f in change.fields} == {"baseline_comparable", "baseline_note"}


# -- rendering --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample() -> PlanDiff:
    copy = _renumbered(PACKAGED, "1-4-4", "1-4-5")
    ini = copy.initiative("1-1-3")
    row = ini.schedule.rows[0]
    rows = (attrs.evolve(row, cells=(row.cells[0], ActivityCell("新しい取組"), *row.cells[2:])),)
    changed = attrs.evolve(ini, title="新しい名称", schedule=attrs.evolve(ini.schedule, rows=rows))
    inits = tuple(changed if i.id == "1-1-3" else i for i in copy.initiatives if i.id != "1-1-8")
    copy = attrs.evolve(copy, initiatives=inits)
    cw = Crosswalk("2023-09", "2099-01", (OneToOne("1-4-4", "1-4-5", note="番号の整理"),))
    return PACKAGED.diff(copy, cw)


ENGLISH_WORDS = (
    "changed",
    "removed",
    "initiative",
    "summary",
    "before",
    "after",
    "schedule",
    "row",
)


def test_the_japanese_table_has_no_english_words(sample: PlanDiff) -> None:
    text = diff_text(sample, "ja")
    for word in ENGLISH_WORDS:
        assert not re.search(rf"\b{word}\b", text), word
    assert "工程 1行目 令和6年度" in text and "番号変更" in text and "1-4-4 → 1-4-5" in text
    assert "新規" in text and "変更" in text and "削除" in text
    assert "番号の整理" in text  # the crosswalk's note


def test_the_english_table(sample: PlanDiff) -> None:
    text = diff_text(sample, "en")
    assert (
        "schedule row 1, FY2024" in text and "renumbered" in text and "crosswalk: 1 entry" in text
    )
    summary = text.split("changes:")[0]
    assert re.search(r"initiatives\s+0\s+2\s+1", summary)


def test_csv_and_json_are_machine_forms(sample: PlanDiff) -> None:
    rows = list(csv.DictReader(io.StringIO(diff_csv(sample))))
    assert tuple(rows[0]) == DIFF_COLUMNS
    cells = [r for r in rows if r["field"] == "schedule.rows[0].cells[1]"]
    assert cells == [
        {
            "level": "initiative",
            "change": "changed",
            "old_id": "1-1-3",
            "new_id": "1-1-3",
            "name": "新しい名称",
            "name_en": PACKAGED.initiative("1-1-3").title_en,
            "field": "schedule.rows[0].cells[1]",
            "old": "→",
            "new": "新しい取組",
            "note": "",
        }
    ]
    assert render_diff(sample, "csv", "ja") == render_diff(sample, "csv", "en")
    assert from_json(render_diff(sample, "json", "ja"), PlanDiff) == sample


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_html_page(sample: PlanDiff, lang: str) -> None:
    page = diff_html(sample, lang)
    parser = html.parser.HTMLParser()
    parser.feed(page)  # well formed enough to parse
    assert f'<html lang="{lang}">' in page and "<script" not in page
    assert page.count('<tr class="renamed">') == 2
    assert ("番号変更" if lang == "ja" else "renumbered") in page


def test_an_empty_diff_says_so() -> None:
    empty = PACKAGED.diff(PACKAGED)
    assert diff_text(empty, "ja") == "2023-09 → 2023-09: 変更なし"
    assert "変更なし" in diff_html(empty, "ja")
    assert diff_csv(empty).count("\r\n") == 1
    with pytest.raises(InvalidValueError, match="unknown diff format"):
        render_diff(empty, "xml", "en")
