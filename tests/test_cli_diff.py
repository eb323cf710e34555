"""``fukuoka-dx diff`` and ``--edition FILE``: editions from ids or files, every format,
problems of a file a line each."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

import fukuoka_dx
from fukuoka_dx.cli import main
from fukuoka_dx.diff import PlanDiff

from .test_words import english_sentences


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), stdout=out, stderr=err), out.getvalue(), err.getvalue()


def draft(tmp_path: Path, change: Any = None, edition: str = "2099-01") -> Path:
    """The packaged edition as a file of one's own: initiative 1-4-4 renumbered 1-4-5, one
    target changed."""
    data = json.loads(fukuoka_dx.to_json(fukuoka_dx.load_plan()))
    data["edition"] = edition
    for ini in data["initiatives"]:
        if ini["id"] == "1-4-4":
            ini["id"] = "1-4-5"
            for ind in ini["indicators"]:
                ind["id"] = ind["id"].replace("1-4-4", "1-4-5")
        if ini["id"] == "1-1-3":
            target = ini["indicators"][0]["midterm"]
            target.update(text="22,000", value=22000)
    if change is not None:
        change(data)
    path = tmp_path / f"{edition}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def crosswalk(tmp_path: Path) -> Path:
    path = tmp_path / "crosswalk.json"
    entries = [{"kind": "one_to_one", "old": "1-4-4", "new": "1-4-5", "note": "番号の整理"}]
    data = {"old_edition": "2023-09", "new_edition": "2099-01", "entries": entries}
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def test_the_table_in_both_languages(tmp_path: Path) -> None:
    new, cw = draft(tmp_path), crosswalk(tmp_path)
    code, out, err = cli("diff", "2023-09", str(new), "--crosswalk", str(cw), "--lang", "ja")
    assert code == 0, err
    assert "番号変更" in out and "1-4-4 → 1-4-5" in out and "中間目標" in out
    assert english_sentences(out) == [] and err == ""
    code, out, _ = cli("diff", "2023-09", str(new), "--crosswalk", str(cw), "--lang", "en")
    assert code == 0 and "renumbered" in out and "mid-term target" in out
    code, out, _ = cli("diff", "2023-09", str(new), "--lang", "en")  # no crosswalk
    assert "renumbered" not in out and "1-4-5" in out and "removed" in out


def test_csv_json_and_html(tmp_path: Path) -> None:
    new, cw = draft(tmp_path), crosswalk(tmp_path)
    code, out, _ = cli("diff", "2023-09", str(new), "--crosswalk", str(cw), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert {(r["level"], r["change"], r["old_id"], r["new_id"]) for r in rows} == {
        ("initiative", "renamed", "1-4-4", "1-4-5"),
        ("indicator", "renamed", "1-4-4.1", "1-4-5.1"),
        ("indicator", "changed", "1-1-3.1", "1-1-3.1"),
    }
    code, out, _ = cli("diff", "2023-09", str(new), "--crosswalk", str(cw), "--format", "json")
    diff = fukuoka_dx.from_json(out, PlanDiff)
    assert code == 0 and diff.crosswalk is not None and diff.new.edition == "2099-01"
    page = tmp_path / "diff.html"
    code, _, err = cli(
        "diff", "2023-09", str(new), "--format", "html", "-o", str(page), "--lang", "ja"
    )
    assert code == 0, err
    assert page.read_text("utf-8").startswith("<!DOCTYPE html>")


def test_an_edition_with_itself_is_no_change() -> None:
    code, out, _ = cli("diff", "2023-09", "2023-09", "--lang", "en")
    assert (code, out) == (0, "2023-09 → 2023-09: no change\n")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["2023-09", "2031-01"], "no plan edition '2031-01' in this package"),
        (["2023-09", "nothing.json"], "cannot read the file"),
        (["2023-09", "2023-09", "--format", "json", "--bom"], "--bom applies to CSV only"),
        (["2023-09", "2023-09", "--format", "csv", "-o", "x.json"], "names a json file"),
    ],
)
def test_bad_arguments_exit_2_with_a_line(args: list[str], said: str) -> None:
    code, out, err = cli("diff", *args)
    assert code == 2 and out == ""
    assert said in err and err.count("\n") == 1


def test_a_bad_file_is_a_line_per_problem_with_its_path(tmp_path: Path) -> None:
    def damage(data: dict[str, Any]) -> None:
        del data["initiatives"][0]["title"]
        data["initiatives"][1]["page"] = "8"

    bad = draft(tmp_path, damage)
    code, _, err = cli("diff", "2023-09", str(bad))
    assert code == 2
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].endswith("required field missing @ $.initiatives[0].title")
    assert lines[1].endswith("@ $.initiatives[1].page") and str(bad) in lines[1]


def test_a_crosswalk_that_does_not_fit_is_refused(tmp_path: Path) -> None:
    new = draft(tmp_path)
    cw = tmp_path / "cw.json"
    cw.write_text(
        json.dumps({"old_edition": "2023-09", "new_edition": "2099-01", "entries": [
            {"kind": "retired", "old": "9-9"}
        ]}),
        "utf-8",
    )  # fmt: skip
    code, _, err = cli("diff", "2023-09", str(new), "--crosswalk", str(cw))
    assert code == 2 and "9-9 is not an id of edition 2023-09" in err


def test_no_output_replaces_an_edition_read(tmp_path: Path) -> None:
    new = draft(tmp_path)
    before = new.read_bytes()
    code, _, err = cli("diff", "2023-09", str(new), "--format", "json", "-o", str(new))
    assert code == 2 and "is a file read" in err
    assert new.read_bytes() == before


def test_every_command_takes_an_edition_of_ones_own(tmp_path: Path) -> None:
    new = draft(tmp_path)
    code, out, err = cli("--edition", str(new), "show", "1-4-5", "--lang", "en")
    assert code == 0, err
    assert "1-4-5" in out
    code, out, err = cli("--edition", str(new), "show", "1-4-4", "--lang", "en")
    assert code == 2 and "no initiative '1-4-4'" in err
    same = draft(tmp_path, edition="2023-09")  # the id of a packaged edition, other data
    code, _, err = cli("--edition", str(same), "summary")
    assert code == 2 and "is one this package ships" in err
