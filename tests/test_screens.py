"""Screens for people: Japanese first, tables to paste, roll-ups, wrapping, continuations."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from fukuoka_dx import load_plan
from fukuoka_dx.cli import main
from fukuoka_dx.report import text
from fukuoka_dx.report.labels import (
    STATUS_LABELS,
    english_name,
    name_of,
    name_with_japanese,
)
from fukuoka_dx.words import Lang, default_lang

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "observations-multi-year.csv"
PLAN = load_plan()


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_the_language_follows_the_locale_unless_given() -> None:
    assert default_lang({"LANG": "ja_JP.UTF-8"}) is Lang.JA
    assert default_lang({"LC_ALL": "C.UTF-8", "LANG": "ja_JP.UTF-8"}) is Lang.EN
    assert default_lang({}) is Lang.EN


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_progress_table_in_each_language(lang: str) -> None:
    code, out, _ = cli("progress", str(EXAMPLE), "--as-of", "2026-03-31", "--lang", lang)
    assert code == 0
    label = STATUS_LABELS[next(iter(STATUS_LABELS))]  # achieved: 達成 / achieved
    assert (label[0] if lang == "ja" else label[1]) in out
    assert ("指標名" if lang == "ja" else "name") in out  # a column, or below each row
    assert "69.9%" in out  # 1-1-3.1: rates as percentages with one decimal
    name = "サービスの利用申込数" if lang == "ja" else "Number of"
    assert name in out  # the indicator's name (in English, the Japanese beside it)


def test_machine_formats_keep_codes_and_round_rates() -> None:
    _, out, _ = cli(
        "progress", str(EXAMPLE), "--as-of", "2026-03-31", "--format", "csv", "--lang", "ja"
    )
    rows = {r["indicator_id"]: r for r in csv.DictReader(io.StringIO(out))}
    row = rows["1-1-3.1"]
    assert row["status"] == "needs_acceleration" and row["achievement"] == "0.699"
    assert row["name"] == "サービスの利用申込数(件)" and row["unit"] == "件"
    assert rows["1-1-1.1"]["reason"] == "no observation" or rows["1-1-1.1"]["reason"]
    _, out, _ = cli("progress", str(EXAMPLE), "--as-of", "2026-03-31", "--format", "json")
    result = next(r for r in json.loads(out)["results"] if r["indicator_id"] == "1-1-3.1")
    assert result["achievement"] == pytest.approx(13461 / 19261)  # full precision


@pytest.mark.parametrize("level", ["pillar", "promotion-item", "bureau"])
def test_roll_ups_as_tables_and_csv(level: str) -> None:
    code, out, _ = cli(
        "progress", str(EXAMPLE), "--as-of", "2026-03-31", "--by", level, "--format", "csv"
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and sum(int(r["total"]) for r in rows) == len(PLAN.indicators)
    assert list(rows[0])[:3] == ["key", "label", "total"]
    code, out, _ = cli(
        "progress", str(EXAMPLE), "--as-of", "2026-03-31", "--by", level, "--lang", "ja"
    )
    # at 80 columns the counts are one column of words; a wide screen has one per status
    assert code == 0 and "内訳" in out.splitlines()[0] and "やや遅れ 1" in out


def test_every_csv_people_open_takes_a_bom() -> None:
    for args in (
        ("progress", str(EXAMPLE), "--as-of", "2026-03-31", "--format", "csv", "--bom"),
        ("progress", "--template", "--fy", "R7", "--bom"),
        ("export", "indicators", "--bom"),
        ("search", "オンライン", "--format", "csv", "--bom"),
        ("schedule", "--fy", "R7", "--format", "csv", "--bom"),
    ):
        code, out, _ = cli(*args)
        assert code == 0 and out.startswith("\ufeff"), args


def test_show_wraps_instead_of_cutting() -> None:
    code, out, _ = cli("show", "1-3-2", "--lang", "ja")
    assert code == 0 and "…" not in out
    lines = out.splitlines()
    assert all(text.width(line) <= 110 for line in lines)
    ini = PLAN.initiative("1-3-2")
    joined = "".join(line.strip() for line in lines)
    assert all(d.replace(" ", "") in joined.replace(" ", "") for d in ini.description)


def test_arrows_are_continuations_not_new_work() -> None:
    _, out, _ = cli("schedule", "--fy", "R8", "--lang", "ja")
    line = next(x for x in out.splitlines() if x.startswith("1-3-2 "))
    assert "→ 7月導入予定 (令和5年度から)" in line
    _, out, _ = cli("schedule", "--fy", "R8", "--format", "json")
    entry = next(i for i in json.loads(out)["initiatives"] if i["initiative_id"] == "1-3-2")
    assert entry["continues_from_fy"] == [2023]
    # (完了) marks the year the activity completes: it still runs that year
    _, out, _ = cli("schedule", "--fy", "R7", "--lang", "en")
    lines = out.splitlines()
    at = next(i for i, x in enumerate(lines) if x.startswith("5-1 "))
    cell = " ".join(x.split("  ")[-1].strip() for x in lines[at : at + 2])  # wrapped cell
    assert "→ 標準準拠システムへの移行 (from FY2023) (completes)" in cell
    assert PLAN.initiative("5-1").activities("R8") == ()


def test_wrap_keeps_every_character() -> None:
    long = "庁内無線LAN対応ノートパソコン等への切替 and an English phrase to break at spaces"
    lines = text.wrap(long, 14)
    assert all(text.width(line) <= 14 + 2 for line in lines)  # punctuation may hang
    assert "".join(lines).replace(" ", "") == long.replace(" ", "")


def test_reasons_and_words_for_people_in_japanese() -> None:
    from fukuoka_dx.progress import Reason, ReasonCode
    from fukuoka_dx.report.labels import reason_label, word_label

    within = Reason.of(ReasonCode.WITHIN_RANGE)
    assert reason_label(within, "ja") == "目標の範囲内"
    assert reason_label(within, "en") == "within the range" == str(within)
    pending = Reason.of(ReasonCode.NOTHING_TO_TEST, kind="pending")
    assert reason_label(pending, "ja") == "目標が設定予定のため判定できない"
    assert reason_label(None, "ja") == ""
    assert word_label("decrease", "ja") == "減少"
    _, out, _ = cli("show", "2-3-2", "--lang", "ja")
    assert "目指す方向 減少" in out and "指標: あり" in out


def test_outputs_never_overwrite_the_input(tmp_path: Path) -> None:
    source = tmp_path / "m.csv"
    source.write_text(EXAMPLE.read_text("utf-8"), "utf-8")
    for args in (
        ["progress", str(source), "-o", str(source)],
        [
            "progress",
            str(source),
            "-o",
            str(tmp_path / "a.txt"),
            "--chart",
            str(tmp_path / "a.txt"),
        ],
        ["report", str(source), "-o", str(source)],
    ):
        code, _, err = cli(*args)
        assert code == 2 and err.startswith("fukuoka-dx: error:"), args
    assert source.read_text("utf-8") == EXAMPLE.read_text("utf-8")
    filled = tmp_path / "filled.csv"
    filled.write_text("already filled", "utf-8")
    code, _, err = cli("progress", "--template", "-o", str(filled))
    assert code == 2 and "exists" in err and filled.read_text("utf-8") == "already filled"


def test_names_for_people_in_each_language() -> None:
    plan = load_plan()
    ini = plan.initiative("3-1-1")
    ind = ini.indicators[0]
    for value, ja in ((ini, ini.title), (ind, ind.name)):
        en = english_name(value)
        assert en and en != ja
        assert name_of(value, Lang.JA) == ja and name_of(value, "en") == en
        assert name_with_japanese(value, Lang.EN) == f"{en} ({ja})"
        assert name_with_japanese(value, Lang.JA) == ja
    assert english_name("3-1-1") is None
    assert name_of("3-1-1", Lang.EN) == name_with_japanese("3-1-1", "en") == "3-1-1"


def test_an_initiative_shows_its_noted_rows_and_ambiguities() -> None:
    ini = PLAN.initiative("2-3-2")
    noted = [n for n, row in enumerate(ini.schedule.rows, 1) if row.note]
    assert noted and ini.ambiguities
    en = "\n".join(cli("show", "2-3-2", "--lang", "en")[1].splitlines())
    ja = cli("show", "2-3-2", "--lang", "ja")[1]
    for n in noted:
        assert f"※ row {n}:" in en and f"行{n}の読み方に注記あり" in ja
    for a in ini.ambiguities:
        assert f"(source line {a.line})" in en and f"原文{a.line}行目" in ja
