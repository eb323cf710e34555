"""Editions as values: several at once, user editions from files, the build of each edition
folder, crosswalks, and observations carried from one edition to the next.

No edition is invented here: the second editions are modified copies of the packaged one,
built or written in a temporary folder.
"""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path
from typing import Any

import attrs
import pytest

import fukuoka_dx
from fukuoka_dx import Observation, assess, carry_over, load_plan_file, read_crosswalk, to_json
from fukuoka_dx.crosswalk import (
    Crosswalk,
    FateKind,
    Level,
    Merged,
    OneToOne,
    Retired,
    Split,
)
from fukuoka_dx.diff import ChangeKind
from fukuoka_dx.errors import (
    InvalidValueError,
    JSONFormatError,
    NotFoundError,
    ObservationsError,
    UnknownEditionError,
)
from fukuoka_dx.loading import read_plan_bytes, reading_problems
from fukuoka_dx.model import Plan
from fukuoka_dx.observations import (
    parse_observations_csv,
    parse_observations_json,
    write_observations_csv,
    write_observations_json,
)

from ._datasrc import EDITION_DIR, build_tool

PACKAGED = fukuoka_dx.load_plan()
AS_OF = datetime.date(2025, 3, 31)


def packaged_json() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(read_plan_bytes())
    return data


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def renumbered(plan: Plan, old: str, new: str, edition: str = "2099-01") -> Plan:
    """``plan`` as a new edition, with initiative ``old`` renumbered ``new``."""
    inits = []
    for ini in plan.initiatives:
        if ini.id == old:
            inds = tuple(attrs.evolve(i, id=f"{new}.{i.number}") for i in ini.indicators)
            ini = attrs.evolve(ini, id=new, indicators=inds)
        inits.append(ini)
    return attrs.evolve(plan, edition=edition, initiatives=tuple(inits))


# -- packaged editions -----------------------------------------------------------------------


def test_packaged_editions_load_side_by_side() -> None:
    assert fukuoka_dx.load_plan("2023-09") is PACKAGED
    with pytest.raises(UnknownEditionError, match="available: 2023-09"):
        fukuoka_dx.load_plan("2024-03")


def test_the_packaged_data_has_no_cell_its_text_does_not_say() -> None:
    assert reading_problems(PACKAGED) == []


# -- user editions ---------------------------------------------------------------------------


def test_a_user_edition_reads_back_with_its_own_digest(tmp_path: Path) -> None:
    mine = renumbered(PACKAGED, "1-4-4", "1-4-5")
    path = tmp_path / "mine.json"
    path.write_text(to_json(mine), "utf-8")
    plan = load_plan_file(path)
    assert plan == mine and plan.digest == mine.digest != PACKAGED.digest
    assert fukuoka_dx.load_plan() is PACKAGED  # nothing registered, nothing replaced


def test_a_user_edition_never_stands_in_for_a_packaged_one(tmp_path: Path) -> None:
    same = write(tmp_path / "same.json", packaged_json())
    assert load_plan_file(same) == PACKAGED  # the packaged data itself: nothing stands in
    data = packaged_json()
    data["title"] = "福岡市DX戦略 実行項目集 (私家版)"
    other = write(tmp_path / "other.json", data)
    with pytest.raises(InvalidValueError, match="edition 2023-09 is one this package ships"):
        load_plan_file(other)
    plan = load_plan_file(other, override=True)
    assert plan.title.endswith("(私家版)") and plan.edition == "2023-09"
    assert fukuoka_dx.load_plan("2023-09") is PACKAGED


def _broken(change: Any) -> dict[str, Any]:
    data = packaged_json()
    data["edition"] = "2099-01"
    change(data)
    return data


def _dup_initiative(d: dict[str, Any]) -> None:
    d["initiatives"].append(d["initiatives"][0])


def _unnested_initiative(d: dict[str, Any]) -> None:
    ini = d["initiatives"][3]  # 1-1-3
    ini["id"] = "1-99-3"
    for ind in ini["indicators"]:
        ind["id"] = ind["id"].replace("1-1-3", "1-99-3")


def _unnested_indicator(d: dict[str, Any]) -> None:
    d["initiatives"][3]["indicators"][0]["id"] = "1-1-4.1"


def _set(path: str, value: Any) -> Any:
    def change(d: dict[str, Any]) -> None:
        *head, last = path.split("/")
        node: Any = d
        for key in head:
            node = node[int(key)] if key.isdigit() else node[key]
        if value is KeyError:
            del node[last]
        else:
            node[int(last) if last.isdigit() else last] = value

    return change


_INI3 = "$.initiatives[3]"
_MIDTERM = "initiatives/3/indicators/0/midterm"
# fmt: off
BAD_EDITIONS = [
    ("missing field", _set("initiatives/3/title", KeyError), f"required field missing @ {_INI3}.title"),  # noqa: E501
    ("wrong type", _set("initiatives/0/page", "7"), "@ $.initiatives[0].page"),
    ("wrong type deep", _set("initiatives/3/indicators/0/direction", "up"), f"@ {_INI3}.indicators[0].direction"),  # noqa: E501
    ("unknown key", _set("pillars/0/colour", "red"), "@ $.pillars[0]"),
    ("duplicate initiative", _dup_initiative, "id '1-1' in the plan (first at initiatives[0]) @ $.initiatives[160].id"),  # noqa: E501
    ("duplicate pillar", _set("pillars/1/id", "1"), "(first at pillars[0]) @ $.pillars[1].id"),
    ("initiative without its item", _unnested_initiative, f"no promotion item 1-99 @ {_INI3}.id"),
    ("indicator not of its initiative", _unnested_indicator, f"expected 1-1-3.1 (ids number the indicators in document order) @ {_INI3}"),  # noqa: E501
    ("re-post of nothing", _set("initiatives/5/reposts", "9-9"), "not in the plan @ $.initiatives[5].reposts"),  # noqa: E501
    ("item without a pillar", _set("promotion_items/0/id", "8-1"), "@ $.promotion_items[0].id"),
    ("target of no kind", _set(_MIDTERM, {"kind": "percent", "text": "80"}), "unknown kind 'percent'"),  # noqa: E501
    ("target text and value disagree", _set(f"{_MIDTERM}/value", 2000), f"the text '20,000' reads as value 20000.0, but the cell gives value 2000.0 @ {_INI3}.indicators[0].midterm"),  # noqa: E501
    ("target text of another kind", _set("initiatives/3/indicators/0/final", {"kind": "number", "text": "増加", "value": 1}), f"'増加' reads as direction, not number: expected text such as 80, 6,000 or 5,739 (R4.12月末時点) @ {_INI3}.indicators[0].final"),  # noqa: E501
    ("schedule cell of another kind", _set("initiatives/1/schedule/rows/0/cells/1", {"kind": "activity", "text": "→"}), "reads as carry, not activity @ $.initiatives[1].schedule.rows[0].cells[1]"),  # noqa: E501
    ("bad id", _set("initiatives/2/id", "1-1-x"), "@ $.initiatives[2]"),
]
# fmt: on


@pytest.mark.parametrize(
    ("case", "change", "expected"), BAD_EDITIONS, ids=[c[0] for c in BAD_EDITIONS]
)
def test_a_bad_user_edition_is_refused_with_the_json_path(
    tmp_path: Path, case: str, change: Any, expected: str
) -> None:
    path = write(tmp_path / "bad.json", _broken(change))
    with pytest.raises(JSONFormatError) as info:
        load_plan_file(path)
    assert any(expected in p for p in info.value.problems), info.value.problems
    assert str(path) in str(info.value)


def test_json_a_model_cannot_take_is_refused_at_its_path(tmp_path: Path) -> None:
    path = tmp_path / "twice.json"
    text = json.dumps(packaged_json(), ensure_ascii=False, separators=(",", ":"))
    assert '"page":7,' in text and '"value":51.3' in text
    path.write_text(text.replace('"page":7,', '"page":7,"page":8,', 1), "utf-8")
    with pytest.raises(JSONFormatError) as info:
        load_plan_file(path)
    assert info.value.problems[0].startswith("key(s) page given twice in one object @ $.")
    path.write_text(text.replace('"value":51.3', '"value":NaN', 1), "utf-8")
    with pytest.raises(JSONFormatError, match=r"NaN is not a number JSON allows @ \$\.initiatives"):
        load_plan_file(path)
    path.write_text("{", "utf-8")
    with pytest.raises(JSONFormatError, match="not JSON: line 1"):
        load_plan_file(path)
    path.write_bytes("{}".encode("utf-16"))
    with pytest.raises(JSONFormatError, match="not UTF-8"):
        load_plan_file(path)
    with pytest.raises(JSONFormatError, match="cannot read the file"):
        load_plan_file(tmp_path / "absent.json")


# -- the build, one folder per edition -------------------------------------------------------


def _copy_edition(datasrc: Path, edition: str) -> Path:
    """A copy of the packaged edition's folder as ``edition`` (a revision of that month)."""
    folder = datasrc / edition
    shutil.copytree(EDITION_DIR, folder)
    ed_path = folder / "edition.json"
    ed = json.loads(ed_path.read_text("utf-8"))
    if edition != ed["edition"]:
        ed["edition"] = edition
        ed["revisions"].append({"month": edition, "event": "改訂"})
        ed_path.write_text(json.dumps(ed, ensure_ascii=False, indent=2), "utf-8")
    return folder


def _renumber_in_folder(folder: Path, old: str, new: str) -> None:
    for path in folder.glob("part-*.json"):
        part = json.loads(path.read_text("utf-8"))
        for ini in part["initiatives"]:
            if ini["id"] == old:
                ini["id"] = new
        path.write_text(json.dumps(part, ensure_ascii=False), "utf-8")
    en_path = folder / "english.json"
    english = json.loads(en_path.read_text("utf-8"))
    english["initiatives"][new] = english["initiatives"].pop(old)
    for key in [k for k in english["indicators"] if k.startswith(f"{old}.")]:
        english["indicators"][new + key[len(old) :]] = english["indicators"].pop(key)
    en_path.write_text(json.dumps(english, ensure_ascii=False), "utf-8")
    ed_path = folder / "edition.json"
    ed = json.loads(ed_path.read_text("utf-8"))
    for key in [k for k in ed["not_comparable"] if k.startswith(f"{old}.")]:
        ed["not_comparable"][new + key[len(old) :]] = ed["not_comparable"].pop(key)
    ed_path.write_text(json.dumps(ed, ensure_ascii=False), "utf-8")


def test_the_build_reads_every_edition_folder_and_its_crosswalk(tmp_path: Path) -> None:
    tool = build_tool()
    datasrc = tmp_path / "datasrc"
    _copy_edition(datasrc, "2023-09")
    later = _copy_edition(datasrc, "2024-03")
    _renumber_in_folder(later, "1-4-4", "1-4-5")
    write(
        later / "crosswalk.json",
        {"old_edition": "2023-09", "new_edition": "2024-03", "entries": [
            {"kind": "one_to_one", "old": "1-4-4", "new": "1-4-5", "note": "番号の整理"}
        ]},
    )  # fmt: skip
    first, second = tool.build_all(datasrc)
    assert first == PACKAGED  # the packaged edition builds as it is
    assert second.edition == "2024-03" and second.crosswalk is not None
    diff = first.diff(second)  # the later edition's own crosswalk
    assert {(c.level, c.change) for c in diff.changes} == {
        (Level.INITIATIVE, ChangeKind.RENAMED),
        (Level.INDICATOR, ChangeKind.RENAMED),
    }
    assert {f.field for f in diff.plan} == {"revisions"}
    with pytest.raises(NotFoundError, match=r"in edition 2023-09, 1-4-4\.1 became 1-4-5\.1"):
        second.indicator("1-4-4.1")


def test_the_build_refuses_a_crosswalk_that_does_not_fit(tmp_path: Path) -> None:
    tool = build_tool()
    datasrc = tmp_path / "datasrc"
    _copy_edition(datasrc, "2023-09")
    later = _copy_edition(datasrc, "2024-03")
    cw = later / "crosswalk.json"
    write(cw, {"old_edition": "2023-08", "new_edition": "2024-03", "entries": []})
    with pytest.raises(ValueError, match="maps from 2023-08, but the edition before is 2023-09"):
        tool.build_all(datasrc)
    entries = [{"kind": "retired", "old": "1-9-9"}]
    write(cw, {"old_edition": "2023-09", "new_edition": "2024-03", "entries": entries})
    with pytest.raises(ValueError, match="1-9-9 is not an id of edition 2023-09"):
        tool.build_all(datasrc)
    write(cw, {"old_edition": "2023-09", "new_edition": "2024-03", "entries": [{"kind": "gone"}]})
    with pytest.raises(JSONFormatError, match=r"unknown kind 'gone'.*@ \$\.entries\[0\]"):
        tool.build_all(datasrc)
    shutil.copytree(later, datasrc / "2024-04")
    cw.unlink()
    with pytest.raises(ValueError, match="edition 2024-03 is in the folder of 2024-04"):
        tool.build_all(datasrc)


# -- crosswalks ------------------------------------------------------------------------------


def test_crosswalk_entries_are_checked_when_built() -> None:
    with pytest.raises(InvalidValueError, match="maps an id to itself"):
        OneToOne("1-1", "1-1")
    with pytest.raises(InvalidValueError, match="two different ids or more"):
        Split("1-1-3", ("1-1-4",))
    with pytest.raises(InvalidValueError, match="two different ids or more"):
        Merged(("1-1-3", "1-1-3"), "1-1-4")
    with pytest.raises(InvalidValueError, match="of no one level"):
        OneToOne("1-1-3", "1-1-3.1")
    with pytest.raises(InvalidValueError, match="not an id of the plan"):
        Retired("x")
    with pytest.raises(InvalidValueError, match="names the old id 1-1-3 twice"):
        Crosswalk("2023-09", "2024-03", (OneToOne("1-1-3", "1-1-4"), Retired("1-1-3")))
    with pytest.raises(InvalidValueError, match="names the new id 1-1-4 twice"):
        Crosswalk("2023-09", "2024-03", (OneToOne("1-1-3", "1-1-4"), OneToOne("1-1-5", "1-1-4")))
    with pytest.raises(InvalidValueError, match="edition such as"):
        Crosswalk("2023-9", "2024-03")


def test_what_nests_in_an_id_follows_it() -> None:
    cw = Crosswalk(
        "2023-09",
        "2024-03",
        (
            OneToOne("1", "6"),
            OneToOne("1-4", "1-9"),
            OneToOne("1-5", "1-6-1"),
            Split("1-1-5", ("1-1-5", "1-1-6")),
            Retired("1-3-1"),
            OneToOne("1-4-2.1", "1-4-2.2"),
        ),
    )

    def fate(i: str, level: Level) -> tuple[FateKind, tuple[str, ...]]:
        f = cw.resolve(i, level)
        return f.kind, f.new

    assert fate("1-1-3.1", Level.INDICATOR) == (FateKind.RENAMED, ("6-1-3.1",))  # with pillar 1
    assert fate("1-4-4.1", Level.INDICATOR) == (FateKind.RENAMED, ("1-9-4.1",))  # nearest first
    assert fate("1-4-2.1", Level.INDICATOR) == (FateKind.RENAMED, ("1-4-2.2",))  # its own
    assert fate("1-5", Level.INITIATIVE) == (FateKind.RENAMED, ("1-6-1",))  # the own block
    assert fate("1-5.1", Level.INDICATOR) == (FateKind.RENAMED, ("1-6-1.1",))
    assert fate("1-5", Level.PROMOTION_ITEM) == (
        FateKind.RENAMED,
        ("6-5",),
    )  # not the block's entry
    assert fate("1-5-2", Level.INITIATIVE) == (FateKind.RENAMED, ("6-5-2",))
    assert fate("1-1-5.2", Level.INDICATOR) == (FateKind.UNPLACED, ())
    assert fate("1-3-1.1", Level.INDICATOR) == (FateKind.RETIRED, ())
    assert fate("2-1-1", Level.INITIATIVE) == (FateKind.UNCHANGED, ("2-1-1",))
    assert (
        "cannot be placed: 1-1-5 was split into 1-1-5, 1-1-6"
        in cw.resolve("1-1-5.2", Level.INDICATOR).describe()
    )


def test_a_crosswalk_file(tmp_path: Path) -> None:
    cw = Crosswalk(
        "2023-09",
        "2024-03",
        (OneToOne("1-1-3", "1-1-4"), Split("1-1-5", ("1-1-5", "1-1-6")), Retired("1-3-1")),
        note="例",
    )
    path = tmp_path / "cw.json"
    path.write_text(to_json(cw, indent=1), "utf-8")
    assert read_crosswalk(path) == cw
    write(path, {"old_edition": "2023-09", "new_edition": "2024-03", "entries": [
        {"kind": "split", "old": "1-1-5", "new": "1-1-6"}
    ]})  # fmt: skip
    with pytest.raises(JSONFormatError, match=r"@ \$\.entries\[0\]\.new"):
        read_crosswalk(path)


def test_a_renumbering_must_say_where_the_old_holder_of_an_id_went() -> None:
    copy = renumbered(renumbered(PACKAGED, "1-4-4", "1-4-5"), "1-4-3", "1-4-4")
    half = Crosswalk("2023-09", "2099-01", (OneToOne("1-4-3", "1-4-4"),))
    with pytest.raises(
        InvalidValueError, match="initiative 1-4-4 of 2099-01 is reached from 2 ids"
    ):
        PACKAGED.diff(copy, half)
    whole = Crosswalk(
        "2023-09", "2099-01", (OneToOne("1-4-3", "1-4-4"), OneToOne("1-4-4", "1-4-5"))
    )
    renamed = PACKAGED.diff(copy, whole).of(Level.INITIATIVE, ChangeKind.RENAMED)
    assert [(c.old_ids, c.new_ids) for c in renamed] == [
        (("1-4-3",), ("1-4-4",)),
        (("1-4-4",), ("1-4-5",)),
    ]


# -- observations across editions ------------------------------------------------------------


def test_a_renamed_indicator_is_assessed_under_its_new_id(tmp_path: Path) -> None:
    """The done-when case: a user edition with one renamed id and a crosswalk."""
    path = tmp_path / "2099-01.json"
    path.write_text(to_json(renumbered(PACKAGED, "1-4-4", "1-4-5")), "utf-8")
    write(tmp_path / "cw.json", {"old_edition": "2023-09", "new_edition": "2099-01", "entries": [
        {"kind": "one_to_one", "old": "1-4-4", "new": "1-4-5"}
    ]})  # fmt: skip
    new, cw = load_plan_file(path), read_crosswalk(tmp_path / "cw.json")
    diff = PACKAGED.diff(new, cw)
    assert [(c.level, c.change, c.old_ids, c.new_ids) for c in diff.changes] == [
        (Level.INITIATIVE, ChangeKind.RENAMED, ("1-4-4",), ("1-4-5",)),
        (Level.INDICATOR, ChangeKind.RENAMED, ("1-4-4.1",), ("1-4-5.1",)),
    ]
    old = [
        Observation("1-4-4.1", 2024, 70000, edition="2023-09"),
        Observation("1-1-3.1", 2024, 9000),
    ]
    with pytest.raises(ObservationsError, match="recorded against edition 2023-09, not 2099-01"):
        assess(new, old, as_of=AS_OF)
    result = assess(new, old, as_of=AS_OF, crosswalk=cw)
    carried = result.result("1-4-5.1")
    assert carried.observation is not None
    assert carried.observation.value == fukuoka_dx.Figure(70000)
    assert result.result("1-1-3.1").observation is not None  # no edition recorded: of the old
    assert result.edition == "2099-01" and result.digest == new.digest
    # and under the old edition, as recorded
    assert assess(PACKAGED, old, as_of=AS_OF).result("1-4-4.1").observation is not None


def test_what_cannot_be_carried_is_refused_with_why() -> None:
    plan = PACKAGED
    ind = plan.indicator("1-1-3.1")
    inits = []
    for ini in plan.initiatives:
        if ini.id == "1-1-3":
            ini = attrs.evolve(ini, indicators=(attrs.evolve(ind, unit="万人"),))
        if ini.id not in ("1-1-8",):
            inits.append(ini)
    new = attrs.evolve(plan, edition="2099-01", initiatives=tuple(inits))
    cw = Crosswalk(
        "2023-09",
        "2099-01",
        (
            Retired("1-1-8"),
            Split("1-1-9", ("1-1-9", "1-1-10")),
            Merged(("1-1-10", "1-1-7"), "1-1-7"),
        ),
    )
    given = [
        Observation("1-1-8.1", 2024, 10),  # retired
        Observation("1-1-9.1", 2024, 10),  # under a split
        Observation("1-1-7.1", 2024, 10),  # under a merge
        Observation("1-1-3.1", 2024, 10000),  # its unit changed
        Observation("1-1-2.1", 2024, 80, edition="2022-01"),  # of a third edition
        Observation("1-1.1", 2024, 150),  # a percentage over 100
        Observation("1-1-4.1", 2024, 80),  # carried
    ]
    with pytest.raises(ObservationsError) as info:
        carry_over(given, cw, plan, new)
    reasons = [p.reason for p in info.value.problems]
    assert "in edition 2099-01, 1-1-8.1 was retired with 1-1-8:" in reasons[0]
    assert "1-1-9 was split into 1-1-9, 1-1-10" in reasons[1]
    assert "1-1-7 was merged into 1-1-7" in reasons[2]
    assert "the unit of 1-1-3.1 is 件 in 2023-09 and 万人" in reasons[3]
    assert "recorded against edition 2022-01, not 2023-09" in reasons[4]
    assert len(reasons) >= 6
    kept = carry_over(given, cw, plan, new, keep_valid=True)
    assert [o.indicator_id for o in kept.observations] == ["1-1-4.1"]
    assert kept.observations[0].edition == "2099-01"


def test_observation_files_record_their_edition() -> None:
    text = 'indicator_id,fiscal_year,value,edition\n1-1-3.1,R6,"12,000",2023-09\n1-1-4.1,R6,80,\n'
    read = parse_observations_csv(text, PACKAGED).observations
    assert [o.edition for o in read] == ["2023-09", None]
    assert parse_observations_csv(write_observations_csv(read), PACKAGED).observations == read
    assert parse_observations_json(write_observations_json(read), PACKAGED).observations == read
    other = text.replace("2023-09", "2024-03")
    with pytest.raises(ObservationsError) as info:
        parse_observations_csv(other, PACKAGED, name="obs.csv")
    (problem,) = info.value.problems
    assert (problem.location, problem.column) == ("obs.csv, line 2", "edition")
    assert "recorded against edition 2024-03, not 2023-09" in problem.reason
    stale = text.replace(",2023-09", f",2023-09,{'0' * 64}").replace(",edition", ",edition,digest")
    stale = stale.replace("80,\n", "80,,\n")
    with pytest.raises(ObservationsError, match="recorded against other data of edition 2023-09"):
        parse_observations_csv(stale, PACKAGED)
    pinned = stale.replace("0" * 64, PACKAGED.digest)
    assert parse_observations_csv(pinned, PACKAGED).observations[0].digest == PACKAGED.digest
    assert write_observations_csv([Observation("1-1-3.1", 2024, 1)]).splitlines()[0] == (
        "indicator_id,fiscal_year,value,as_of,source,note"
    )


def test_the_command_line_carries_a_file_over_with_crosswalk(tmp_path: Path) -> None:
    import io

    from fukuoka_dx.cli import main

    path = tmp_path / "2099-01.json"
    path.write_text(to_json(renumbered(PACKAGED, "1-4-4", "1-4-5")), "utf-8")
    write(tmp_path / "cw.json", {"old_edition": "2023-09", "new_edition": "2099-01", "entries": [
        {"kind": "one_to_one", "old": "1-4-4", "new": "1-4-5"}
    ]})  # fmt: skip
    obs = tmp_path / "old.csv"
    obs.write_text("indicator_id,fiscal_year,value,edition\n1-4-4.1,R6,70000,2023-09\n", "utf-8")
    for command in (["progress"], ["trend"], ["report"]):
        args = ["--edition", str(path), *command, str(obs)]
        args += (
            ["1-4-5.1"]
            if command == ["trend"]
            else ["--format", "csv"]
            if command == ["progress"]
            else []
        )
        out, err = io.StringIO(), io.StringIO()
        code = main(
            [*args, "--as-of", str(AS_OF), "--crosswalk", str(tmp_path / "cw.json")], out, err
        )
        assert code == 0, err.getvalue()
        if command == ["progress"]:
            row = next(r for r in out.getvalue().splitlines() if r.startswith("1-4-5.1,"))
            assert ",70000," in row
        out, err = io.StringIO(), io.StringIO()
        assert main([*args, "--as-of", str(AS_OF)], out, err) == 2  # without: refused, naming why
        assert "recorded against edition 2023-09" in err.getvalue() or "1-4-4" in err.getvalue()
