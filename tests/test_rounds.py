"""The reporting round: packets per bureau, collecting the returns into one round, the
tracker, the checks of activity reports and narratives, and a round wherever observations
are taken.

The issue's tests of done: two generated packets filled with openpyxl, one bureau left out and
a conflicting figure in a third file, collected and checked (the round, the tracker, the
refused conflict); and the property that any packet filled with valid values collects to a
round holding exactly those values.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

import fukuoka_dx
from fukuoka_dx import (
    ActivityReport,
    ActivityStatus,
    IndicatorNarrative,
    NextStep,
    Observation,
    ObservationsError,
    collect,
    load_plan,
    packet_workbook,
    packets,
    read_round,
    write_round_json,
)
from fukuoka_dx.cli import main
from fukuoka_dx.model import Bureau, Indicator
from fukuoka_dx.observations import InitiativeNarrative
from fukuoka_dx.observations.reports import free_text
from fukuoka_dx.observations.round import RecordKind
from fukuoka_dx.observations.round_json import parse_round_json
from fukuoka_dx.observations.tracker import ItemStatus, ReturnStatus, track
from fukuoka_dx.observations.values import ValueRuleKind, parse_value, value_rule
from fukuoka_dx.report.packets import packet_bureaus, packet_items, packet_name
from fukuoka_dx.words import say

PLAN = load_plan()
FY = fukuoka_dx.FiscalYear(2025)
#: The cells to fill in a packet: by item id, by header.
Cells = dict[str, dict[str, object]]


def sheet(wb: Any, title: str) -> Worksheet:
    ws = wb[title]
    assert isinstance(ws, Worksheet)
    return ws


def fill(
    data: bytes,
    out: Path,
    indicators: Mapping[str, Mapping[str, object]] = {},
    initiatives: Mapping[str, Mapping[str, object]] = {},
) -> Path:
    """A packet with cells set, by item id and by header (Japanese), saved to ``out``."""
    wb = load_workbook(io.BytesIO(data))
    for title, values in (("指標", indicators), ("工程", initiatives)):
        ws = sheet(wb, title)
        headers = {c.value: c.column for c in ws[1]}
        rows = {ws.cell(n, 1).value: n for n in range(2, ws.max_row + 1)}
        for ident, cells in values.items():
            for header, value in cells.items():
                ws.cell(rows[ident], headers[header]).value = value
    wb.save(out)
    return out


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), stdout=out, stderr=err), out.getvalue(), err.getvalue()


# -- packets ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def all_packets() -> dict[str, bytes]:
    return packets(PLAN, "R7")


def test_every_indicator_and_initiative_is_in_exactly_one_packet(
    all_packets: dict[str, bytes],
) -> None:
    assert list(all_packets) == [packet_name(b) for b in PLAN.bureaus]  # 24, one per bureau
    seen: dict[str, list[str]] = {}
    for name, data in all_packets.items():
        wb = load_workbook(io.BytesIO(data))
        for title in ("指標", "工程"):
            ws = sheet(wb, title)
            for n in range(2, ws.max_row + 1):
                seen.setdefault(str(ws.cell(n, 1).value), []).append(name)
                assert ws.cell(n, 3).value == name.removesuffix(".xlsx")  # the bureau beside
    wanted = [i.id for i in PLAN.initiatives] + [i.id for i in PLAN.indicators]
    assert sorted(seen) == sorted(wanted)
    assert all(len(names) == 1 for names in seen.values())
    for ident, (name,) in seen.items():
        ini = PLAN.initiative(ident.split(".")[0])
        assert name == packet_name(ini.bureau)


def test_a_packet_is_a_locked_printable_form(all_packets: dict[str, bytes]) -> None:
    wb = load_workbook(io.BytesIO(all_packets["市民局.xlsx"]))
    assert wb.sheetnames == ["指標", "工程", "選択肢", "概要"]
    assert wb.security is not None and wb.security.lockStructure
    indicators, schedule = sheet(wb, "指標"), sheet(wb, "工程")
    header = [c.value for c in indicators[1]]
    assert header[:4] == ["指標", "年度", "所管", "指標名"]  # the names stay beside the inputs
    inputs = ["実績値", "速報値", "時点", "根拠資料", "要因分析", "課題", "今後の方向性"]
    assert header[9:16] == inputs
    assert [c.value for c in schedule[1]][5:] == [
        "進捗状況",
        "取組実績",
        "要因分析",
        "課題",
        "今後の方向性",
    ]
    for ws in (indicators, schedule, sheet(wb, "概要")):
        assert ws.protection.sheet
        assert ws.page_setup.orientation == "landscape"
        assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
        assert ws.print_title_rows == "$1:$1"
    assert indicators.freeze_panes == schedule.freeze_panes == "E2"
    assert sheet(wb, "選択肢").sheet_state == "hidden"
    # only the cells to fill are unlocked
    unlocked = {c.column for c in indicators[2] if not c.protection.locked}
    assert unlocked == set(range(10, 17))
    unlocked = {c.column for c in schedule[2] if not c.protection.locked}
    assert unlocked == set(range(6, 11))
    # the value cell is validated by the indicator's own value rule, the lists are drop-downs
    kinds = {(dv.type, str(dv.sqref)) for dv in indicators.data_validations.dataValidation}
    assert ("decimal", "J2") in kinds or any(t == "decimal" and "J2" in s for t, s in kinds)
    assert sum(1 for t, _ in kinds if t == "list") >= 2
    statuses = [dv for dv in schedule.data_validations.dataValidation if dv.type == "list"]
    assert statuses and all(dv.showErrorMessage for dv in statuses)
    about = {r[0].value: r[2].value for r in sheet(wb, "概要").iter_rows(min_row=2)}
    assert about["bureau"] == "市民局" and about["fiscal_year"] == "令和7年度"
    assert about["digest"] == PLAN.digest


def test_a_milestone_indicator_takes_its_stages_from_a_list() -> None:
    ind = next(i for i in PLAN.indicators if value_rule(i).kind is ValueRuleKind.STAGE)
    bureau = PLAN.initiative(ind.initiative_id).bureau
    wb = load_workbook(io.BytesIO(packet_workbook(PLAN, bureau, "R7")))
    ws = sheet(wb, "指標")
    row = next(n for n in range(2, ws.max_row + 1) if ws.cell(n, 1).value == ind.id)
    found = [
        dv
        for dv in ws.data_validations.dataValidation
        if dv.type == "list" and f"J{row}" in str(dv.sqref)
    ]
    assert len(found) == 1
    lists = sheet(wb, "選択肢")
    col = next(c for c in lists[1] if c.value == ind.id).column_letter
    stages = [lists[f"{col}{k}"].value for k in range(2, len(ind.stages) + 2)]
    assert tuple(stages) == ind.stages


def test_earlier_years_figures_are_shown_with_previous() -> None:
    bureau = PLAN.bureau("市民局")
    previous = [Observation("1-1-3.1", "R5", 10000), Observation("1-1-3.1", "R6", 15000)]
    wb = load_workbook(io.BytesIO(packet_workbook(PLAN, bureau, "R7", previous=previous)))
    ws = sheet(wb, "指標")
    header = [c.value for c in ws[1]]
    assert "令和5年度の実績" in header and "令和6年度の実績" in header
    row = next(n for n in range(2, ws.max_row + 1) if ws.cell(n, 1).value == "1-1-3.1")
    assert ws.cell(row, header.index("令和6年度の実績") + 1).value == "15000"


# -- collecting: the issue's scenario -------------------------------------------------------


@pytest.fixture
def returns(tmp_path: Path, all_packets: dict[str, bytes]) -> Path:
    """Two packets filled, a bureau (財政局, and all the others) left out, and a third file
    (a CSV of the same columns) with a conflicting figure and a figure given twice alike."""
    folder = tmp_path / "返却"
    folder.mkdir()
    fill(
        all_packets["市民局.xlsx"],
        folder / "市民局.xlsx",
        indicators={
            "1-1-3.1": {
                "実績値": 19200,
                "速報値": "速報値",
                "根拠資料": "電子申請システムの集計",
                "要因分析": "  転入者向けの周知で\r\n利用が伸びた ",
                "今後の方向性": "継続",
            },
            "1-2-2.1": {"実績値": 48.5},
        },
        initiatives={
            "1-1-3": {
                "進捗状況": "一部遅れ",
                "取組実績": "周知を実施",
                "今後の方向性": "改善・見直し",
            },
            "1-2-2": {"進捗状況": "計画どおり"},
        },
    )
    fill(
        all_packets["総務企画局.xlsx"],
        folder / "総務企画局.xlsx",
        indicators={"1-1.1": {"実績値": 55.5, "課題": "紙の申請が残る"}},
        initiatives={"1-1": {"進捗状況": "計画どおり", "取組実績": "手続きを追加"}},
    )
    (folder / "追加.csv").write_text(
        "indicator_id,fiscal_year,value\n1-1-3.1,R7,20000\n1-1.1,R7,55.5\n", "utf-8"
    )
    (folder / "~$市民局.xlsx").write_bytes(b"lock")  # Excel's lock file: not a return
    return folder


def test_the_round_holds_what_was_returned_and_refuses_the_conflict(returns: Path) -> None:
    round_ = collect([returns], PLAN)
    assert round_.fiscal_year == FY and str(round_.as_of) == "2026-03-31"
    observations = {o.indicator_id: o.value.value for o in round_.observations}  # type: ignore[union-attr]
    assert observations == {"1-2-2.1": 48.5, "1-1.1": 55.5}  # 1-1-3.1 is refused: two values
    # the same figure in two files is kept once, with both places
    places = [p.where() for p in round_.places(RecordKind.OBSERVATION, "1-1.1")]
    assert places == [
        f"{returns}/総務企画局.xlsx, sheet 指標, row 2",
        f"{returns}/追加.csv, line 3",
    ]
    # the conflict: both refused, each naming the other file and row
    refused = [r.problem for r in round_.refused if "different value" in r.problem.reason]
    assert len(refused) == 2
    packet_row = next(p for p in refused if "市民局.xlsx" in p.location)
    csv_row = next(p for p in refused if "追加.csv" in p.location)
    assert packet_row.location == f"{returns}/市民局.xlsx, sheet 指標, row 2"
    assert csv_row.location == f"{returns}/追加.csv, line 2"
    assert csv_row.location in packet_row.reason and packet_row.location in csv_row.reason
    assert packet_row.column == csv_row.column == "value"
    # the conflicting row is left out whole: its account is refused with it
    assert round_.indicator_narrative("1-1-3.1") is None
    assert round_.activity("1-1-3") == ActivityReport(
        "1-1-3", FY, ActivityStatus.PARTLY_DELAYED, "周知を実施"
    )
    assert round_.initiative_narrative("1-1-3") == InitiativeNarrative(
        "1-1-3", FY, next_step=NextStep.IMPROVE
    )
    assert round_.indicator_narrative("1-1.1") == IndicatorNarrative(
        "1-1.1", FY, issues="紙の申請が残る"
    )
    assert [p.location for p in round_.ignored] == [f"{returns}/~$市民局.xlsx"]


def test_the_tracker_says_who_returned_who_did_not_and_who_must_fix(returns: Path) -> None:
    tracker = track(PLAN, collect([returns], PLAN))
    assert tracker.bureau("総務企画局").status is ReturnStatus.RETURNED
    assert tracker.bureau("市民局").status is ReturnStatus.WITH_PROBLEMS
    assert tracker.bureau("財政局").status is ReturnStatus.NOT_RETURNED
    assert tracker.count(ReturnStatus.NOT_RETURNED) == 22
    items = {(i.kind.value, i.id): i for i in tracker.items}
    assert items["indicator", "1-1.1"].status is ItemStatus.REPORTED
    assert items["indicator", "1-1-3.1"].status is ItemStatus.MISSING  # refused: chase it
    assert items["initiative", "1-1-3"].status is ItemStatus.REPORTED
    assert items["indicator", "1-1.1"].words
    assert len(tracker.items) == len(PLAN.indicators) + len(PLAN.initiatives)
    b = tracker.bureau("市民局")
    assert (b.indicators_reported, b.initiatives_reported, b.refused) == (1, 2, 2)


def test_nothing_returned_is_lost(returns: Path) -> None:
    """Every row read is in the round (its place in the provenance), refused with why, or
    counted as left unfilled."""
    round_ = collect([returns], PLAN)
    placed = {p.where() for p in round_.provenance}
    refused = {r.problem.location.split(", cell ")[0] for r in round_.refused}
    assert not placed & refused
    for f in round_.files:
        rows = {where for where in placed | refused if where.startswith(f"{f.path},")}
        assert f.rows == f.unfilled + len(rows)


def test_the_round_reads_back_identically(returns: Path, tmp_path: Path) -> None:
    round_ = collect([returns], PLAN)
    path = tmp_path / "round.json"
    path.write_text(write_round_json(round_), "utf-8")
    assert read_round(path, PLAN) == round_
    assert fukuoka_dx.read_observations(path, PLAN).round == round_


def test_free_text_is_kept_exactly(returns: Path) -> None:
    (returns / "追加.csv").unlink()
    round_ = collect([returns], PLAN)
    narrative = round_.indicator_narrative("1-1-3.1")
    assert narrative is not None and narrative.provisional
    # only the line ending changed
    assert narrative.factors == "  転入者向けの周知で\n利用が伸びた "
    assert narrative.evidence == "電子申請システムの集計"


# -- the checks -----------------------------------------------------------------------------


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "returns.csv"
    path.write_text(text, "utf-8")
    return path


def _problems(path: Path) -> list[str]:
    return [str(r.problem) for r in collect([path], PLAN, fiscal_year="R7").refused]


def test_activity_reports_are_checked_like_observations(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "initiative_id,fiscal_year,status,done\n"
        "1-1-99,R7,計画どおり,\n"  # an unknown initiative
        "1-1-3,R9,計画どおり,\n"  # a year outside the plan (and the round)
        "1-1-2,R7,だいたい順調,\n"  # a status outside the list
        "1-1-4,R7,,実施した\n"  # what was done without a status
        "1-1-5,R7,遅れ,\n"
        "1-1-5,R7,計画どおり,\n",  # two different reports
    )
    problems = _problems(path)
    assert any("line 2, column initiative_id ('1-1-99'): no initiative" in p for p in problems)
    assert any("line 3, column fiscal_year ('R9')" in p for p in problems)
    listed = "line 4, column status ('だいたい順調'): not one of the list: expected one of"
    assert any(listed in p for p in problems)
    no_status = "line 5, column status: what was done is given without the status"
    assert any(no_status in p for p in problems)
    assert any(f"line 6, column status ('delayed'): {path}, line 7 gives" in p for p in problems)
    assert any(f"line 7, column status ('as_planned'): {path}, line 6 gives" in p for p in problems)
    assert len(problems) == 6


def test_check_reports_checks_python_values() -> None:
    with pytest.raises(ObservationsError) as info:
        fukuoka_dx.check_reports(
            PLAN,
            [
                ActivityReport("1-1-3", "R7", "as_planned"),
                ActivityReport("1-1-3", "R7", "delayed"),
                IndicatorNarrative("9-9.1", "R7", factors="x"),
            ],
        )
    said = [str(p) for p in info.value.problems]
    assert any("column indicator_id ('9-9.1')" in p for p in said)
    assert sum("gives a different activity report" in p for p in said) == 2
    with pytest.raises(ValueError, match="not a valid ActivityStatus"):
        ActivityStatus("mostly_done")  # the closed list
    with pytest.raises(ValueError, match="says nothing"):
        IndicatorNarrative("1-1-3.1", "R7")


def test_an_account_needs_its_figure_and_a_round_is_of_one_year(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "indicator_id,fiscal_year,value,provisional,next_step\n"
        "1-1-3.1,R7,,速報値,\n"  # provisional of no figure
        "1-1-2.1,R7,,,拡充\n"  # words without a figure: fine
        "1-1.1,R6,50,,\n"  # another year
        "1-1-1.1,R7,80,まあまあ,\n",  # not one of the provisional words
    )
    problems = _problems(path)
    assert any("line 2, column provisional ('速報値')" in p for p in problems)
    other_year = "line 4, column fiscal_year ('R6'): the round is of 令和7年度"
    assert any(other_year in p for p in problems)
    not_listed = "line 5, column provisional ('まあまあ'): not one of the list"
    assert any(not_listed in p for p in problems)
    assert len(problems) == 3
    round_ = collect([path], PLAN, fiscal_year="R7")
    assert round_.indicator_narrative("1-1-2.1") == IndicatorNarrative(
        "1-1-2.1", FY, next_step="expand"
    )


def test_json_returns_and_round_files_given_to_collect(tmp_path: Path) -> None:
    path = tmp_path / "returns.json"
    path.write_text(
        json.dumps(
            [
                {
                    "indicator_id": "1-1-3.1",
                    "fiscal_year": 2025,
                    "value": 21000,
                    "provisional": True,
                },
                {"initiative_id": "1-1-3", "fiscal_year": "R7", "status": "ahead"},
            ]
        ),
        "utf-8",
    )
    round_ = collect([path], PLAN)
    places = [p.where() for p in round_.provenance]
    assert places == [f"{path}, [0]", f"{path}, [1]", f"{path}, [0]"]  # figures, reports, words
    narrative = round_.indicator_narrative("1-1-3.1")
    assert narrative is not None and narrative.provisional
    written = tmp_path / "round.json"
    written.write_text(write_round_json(round_), "utf-8")
    again = collect([written], PLAN, fiscal_year="R7")  # a round is not a return
    assert "a round written by fukuoka-dx collect" in again.refused[0].problem.reason


def test_a_round_of_another_plan_is_refused() -> None:
    round_ = collect([], PLAN, fiscal_year="R7")
    text = write_round_json(round_).replace(PLAN.digest, "0" * 64)
    with pytest.raises(ObservationsError, match="collected against edition"):
        parse_round_json(text, PLAN, name="round.json")


# -- the property: a packet filled with valid values collects to exactly those values -------


_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="=") | st.just("\n"),
    min_size=1,
    max_size=30,
).filter(lambda t: t.strip() != "" and not t.startswith(("=", "+", "-", "@")))


def _value(ind: Indicator) -> st.SearchStrategy[object]:
    rule = value_rule(ind)
    if rule.kind is ValueRuleKind.STAGE:
        return st.sampled_from(rule.stages)
    if rule.kind is ValueRuleKind.PARTS:
        return st.lists(
            st.integers(0, 999), min_size=len(rule.parts), max_size=len(rule.parts)
        ).map(lambda ns: " ".join(f"{label}{n}" for label, n in zip(rule.parts, ns, strict=True)))
    low = -1e6 if rule.low is None else rule.low
    high = 1e6 if rule.high is None else rule.high
    numbers = st.integers(int(low), int(high)) | st.floats(low, high).map(lambda x: round(x, 3))
    if rule.kind is ValueRuleKind.CHANGE:
        return numbers | st.integers(0, 100).map(lambda n: f"{n}%減")
    return numbers


def _words(indicator: bool) -> st.SearchStrategy[dict[str, object]]:
    steps = [say(f"next_step.{s.value}", "ja") for s in NextStep]
    fields: dict[str, st.SearchStrategy[object]] = {
        "要因分析": _TEXT,
        "課題": _TEXT,
        "今後の方向性": st.sampled_from(steps),
    }
    if indicator:
        fields |= {"速報値": st.sampled_from(["速報値", "確定値"]), "根拠資料": _TEXT}
    return st.fixed_dictionaries({}, optional=fields)


@st.composite
def filled_packets(draw: st.DrawFn) -> tuple[Bureau, Cells, Cells]:
    bureau = draw(st.sampled_from(packet_bureaus(PLAN)))
    initiatives, indicators = packet_items(PLAN, bureau)
    statuses = [say(f"activity.{s.value}", "ja") for s in ActivityStatus]
    ind_cells: dict[str, dict[str, object]] = {}
    for ind in indicators:
        if not draw(st.booleans()):
            continue
        cells = draw(_words(indicator=True))
        if draw(st.booleans()):
            cells["実績値"] = draw(_value(ind))
        else:  # an account of no figure says neither provisional nor evidence
            cells = {k: v for k, v in cells.items() if k not in ("速報値", "根拠資料")}
        if cells:
            ind_cells[ind.id] = cells
    ini_cells: dict[str, dict[str, object]] = {}
    for ini in initiatives:
        if not draw(st.booleans()):
            continue
        cells = draw(_words(indicator=False))
        if draw(st.booleans()):
            cells["進捗状況"] = draw(st.sampled_from(statuses))
            if draw(st.booleans()):
                cells["取組実績"] = draw(_TEXT)
        if cells:
            ini_cells[ini.id] = cells
    return bureau, ind_cells, ini_cells


def _expected(
    ind_cells: Mapping[str, Mapping[str, object]], ini_cells: Mapping[str, Mapping[str, object]]
) -> tuple[set[object], set[object], set[object]]:
    def step(cells: Mapping[str, object]) -> NextStep | None:
        word = cells.get("今後の方向性")
        return next((s for s in NextStep if say(f"next_step.{s.value}", "ja") == word), None)

    def text(cells: Mapping[str, object], key: str) -> str | None:
        value = cells.get(key)
        return free_text(value) if isinstance(value, str) else None

    observations: set[object] = set()
    activities: set[object] = set()
    narratives: set[object] = set()
    for ident, cells in ind_cells.items():
        if "実績値" in cells:
            value = cells["実績値"]
            assert isinstance(value, str | int | float)
            observations.add(Observation(ident, FY, parse_value(value, PLAN.indicator(ident))))
        words = [cells.get(k) for k in ("要因分析", "課題", "今後の方向性", "根拠資料")]
        if any(words) or cells.get("速報値") == "速報値":
            narratives.add(
                IndicatorNarrative(
                    ident,
                    FY,
                    text(cells, "要因分析"),
                    text(cells, "課題"),
                    step(cells),
                    cells.get("速報値") == "速報値",
                    text(cells, "根拠資料"),
                )
            )
    for ident, cells in ini_cells.items():
        if "進捗状況" in cells:
            status = next(
                s for s in ActivityStatus if say(f"activity.{s.value}", "ja") == cells["進捗状況"]
            )
            activities.add(ActivityReport(ident, FY, status, text(cells, "取組実績")))
        if any(cells.get(k) for k in ("要因分析", "課題", "今後の方向性")):
            narratives.add(
                InitiativeNarrative(
                    ident, FY, text(cells, "要因分析"), text(cells, "課題"), step(cells)
                )
            )
    return observations, activities, narratives


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(filled_packets())
def test_any_packet_filled_with_valid_values_collects_to_exactly_those(
    tmp_path_factory: pytest.TempPathFactory,
    packet: tuple[Bureau, Cells, Cells],
) -> None:
    bureau, ind_cells, ini_cells = packet
    folder = tmp_path_factory.mktemp("packet")
    data = packet_workbook(PLAN, bureau, "R7")
    path = fill(data, folder / packet_name(bureau), ind_cells, ini_cells)
    round_ = collect([path], PLAN)
    assert round_.refused == ()
    observations, activities, narratives = _expected(ind_cells, ini_cells)
    assert set(round_.observations) == observations
    assert set(round_.activity_reports) == activities
    assert set(round_.narratives) == narratives
    assert parse_round_json(write_round_json(round_), PLAN) == round_
    returned = ReturnStatus.RETURNED if observations | activities | narratives else None
    status = track(PLAN, round_).bureau(bureau.name_ja).status
    assert status is (returned or ReturnStatus.NOT_RETURNED)


# -- the command line -----------------------------------------------------------------------


def test_packets_and_collect_on_the_command_line(tmp_path: Path, returns: Path) -> None:
    code, _, err = cli("packets", "--fy", "R7", "-o", str(tmp_path / "packets"))
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "packets").iterdir()) == sorted(
        packet_name(b) for b in PLAN.bureaus
    )
    code, _, err = cli("packets", "--fy", "R7", "-o", str(tmp_path / "packets"))
    assert code == 2 and "already" in err  # never over packets that may be filled in
    code, out, err = cli("--lang", "ja", "collect", str(returns), "-o", str(tmp_path / "r.json"))
    assert code == 0, err
    assert "令和7年度の回答状況: 回答済み 1、回答に不備あり 1、未回答 22" in out
    line = next(line for line in out.splitlines() if line.startswith("市民局"))
    assert "回答に不備あり" in line
    assert "読み取れなかった行" in err and "different value" in err
    code, _, err = cli("collect", str(returns), "-o", str(tmp_path / "s.json"), "--strict")
    assert code == 2 and not (tmp_path / "s.json").exists()
    code, out, _ = cli("collect", str(returns), "-o", str(tmp_path / "r.json"), "--format", "csv")
    assert out.splitlines()[0].startswith("bureau,return_status,files")


def test_progress_and_report_take_a_round(tmp_path: Path, returns: Path) -> None:
    path = tmp_path / "round.json"
    assert cli("collect", str(returns), "-o", str(path))[0] == 0
    code, out, err = cli("--lang", "ja", "progress", str(path))
    assert code == 0, err
    assert "2026-03-31 時点" in out  # as of the round's own date
    assert "令和7年度の工程の進捗 (実行項目 160): 計画どおり 2、一部遅れ 1、報告なし 157" in out
    assert "紙の申請が残る" in out
    code, out, _ = cli("--lang", "ja", "progress", str(path), "--by", "bureau")
    assert code == 0
    line = next(line for line in out.splitlines() if line.startswith("財政局"))
    assert line.rstrip().endswith("未回答")
    code, out, _ = cli("progress", str(path), "--by", "bureau", "--format", "csv")
    assert out.splitlines()[0].endswith("activity_not_reported,return_status")
    code, out, _ = cli("progress", str(path), "--format", "csv")
    header = out.splitlines()[0]
    assert header.endswith("activity_status,provisional,evidence,factors,issues,next_step")
    code, html, err = cli("report", str(path), "--lang", "ja")
    assert code == 0, err
    assert 'id="round"' in html and "一部遅れ" in html and "紙の申請が残る" in html
    xlsx = tmp_path / "results.xlsx"
    assert cli("progress", str(path), "--format", "xlsx", "-o", str(xlsx), "--lang", "ja")[0] == 0
    sheets = load_workbook(xlsx).sheetnames
    assert sheets == ["指標", "推進項目", "柱", "所管", "工程", "所管の記述", "回答状況", "概要"]


# -- open data --------------------------------------------------------------------------------


def test_a_round_validates_against_its_json_schema(returns: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = fukuoka_dx.round_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    round_ = collect([returns], PLAN)
    assert round_.refused  # with its refusals
    jsonschema.Draft202012Validator(schema).validate(json.loads(write_round_json(round_)))
    broken = json.loads(write_round_json(round_))
    broken["activity_reports"][0]["status"] = "mostly_done"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(broken)


def test_a_rounds_tables_are_a_valid_data_package(returns: Path, tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    round_ = collect([returns], PLAN)
    path = fukuoka_dx.write_round_datapackage(round_, tmp_path / "data")
    report = frictionless.validate(str(path))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])
    descriptor = json.loads(path.read_text("utf-8"))
    assert [r["name"] for r in descriptor["resources"]] == [
        "observations",
        "activity_reports",
        "narratives",
        "provenance",
        "refused",
    ]
    assert descriptor["digest"] == f"sha256:{PLAN.digest}" and descriptor["fiscal_year"] == 2025
    refused = (tmp_path / "data" / "refused.csv").read_text("utf-8").splitlines()
    assert len(refused) == 1 + len(round_.refused)


def test_a_filled_csv_template_is_a_return_and_its_edition_is_checked(tmp_path: Path) -> None:
    from fukuoka_dx.report.observation_template import template_csv

    lines = template_csv(PLAN, "R7").splitlines()
    header, first, second = lines[0], lines[1].split(","), lines[2].split(",")
    first[2] = "55.5"  # the first row's value
    second[2], second[6] = "60", "2020-01"  # recorded against another edition
    path = _csv(tmp_path, "\n".join([header, ",".join(first), ",".join(second)]) + "\n")
    round_ = collect([path], PLAN)
    assert [(o.indicator_id, o.edition) for o in round_.observations] == [(first[0], None)]
    (refused,) = round_.refused
    assert refused.problem.column == "edition" and "line 3" in refused.problem.location
