"""Every screen fits its width: at 80 and 120 columns, in both languages, no line is wider
than the terminal (wide characters count two); tables choose columns and wrap whole cells;
what is cut is marked with …; and the numbers and counts on them say what they are."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fukuoka_dx import load_plan
from fukuoka_dx.cli import main
from fukuoka_dx.report import text

ROOT = Path(__file__).resolve().parent.parent
MULTI = str(ROOT / "examples" / "observations-multi-year.csv")
SINGLE = str(ROOT / "examples" / "observations.csv")
PLAN = load_plan()

#: Every screen the command line draws (with the data that makes each one long).
SCREENS = [
    ["summary", "--as-of", "2026-12-03"],
    ["summary", "--as-of", "2025-06-03", "--bureaus", "--kinds", "--activities"],
    *(["show", p.id] for p in PLAN.pillars),
    ["show", "1-1-3.1"],
    ["show", "4-17-2.3"],
    *(["show", item.id] for item in PLAN.promotion_items),  # every initiative in full
    ["search", "オンライン"],
    ["search", "--bureau", "東区役所"],
    *(["schedule", "--fy", fy] for fy in ("R5", "R6", "R7", "R8")),
    ["progress", SINGLE, "--as-of", "2026-03-31"],
    ["progress", MULTI, "--as-of", "2026-03-31", "--all"],
    ["progress", MULTI, "--as-of", "2025-03-31", "--scheme", "abcd"],
    ["progress", MULTI, "--as-of", "2026-03-31", "--scheme", "baseline"],
    *(
        ["progress", MULTI, "--as-of", "2026-03-31", "--by", by]
        for by in ("pillar", "promotion-item", "bureau")
    ),
    *(
        ["trend", MULTI, i, "--as-of", "2026-03-31"]
        for i in ("1-1-3.1", "1-3-5.1", "5-7.1", "1-1-1.1", "1-15.1", "4-17-2.3")
    ),
    ["trend", SINGLE, "1-11-3.1", "--as-of", "2026-03-31"],
]


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), stdout=out, stderr=err), out.getvalue(), err.getvalue()


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("columns", [80, 120])
def test_every_screen_fits_its_width(
    monkeypatch: pytest.MonkeyPatch, columns: int, lang: str
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    too_wide = []
    for args in SCREENS:
        code, out, err = cli(*args, "--lang", lang)
        assert code == 0, (args, err)
        assert out.strip(), args
        too_wide += [
            (" ".join(args), text.width(line), line)
            for line in out.splitlines()
            if text.width(line) > columns
        ]
    assert too_wide == []


def test_off_a_terminal_a_screen_is_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    assert text.terminal_width() == 80  # pytest's output is not a terminal
    _, out, _ = cli("progress", MULTI, "--as-of", "2026-03-31", "--lang", "ja")
    assert max(text.width(line) for line in out.splitlines()) <= 80


def test_a_narrow_progress_table_puts_names_and_reasons_below_its_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    _, out, _ = cli("progress", MULTI, "--as-of", "2026-03-31", "--lang", "ja")
    lines = out.splitlines()
    assert lines[0].split() == ["指標", "目標", "実績値", "達成率", "期待進捗", "進捗状況"]
    at = next(k for k, line in enumerate(lines) if line.startswith("1-15.1 "))
    assert lines[at].split()[1:] == ["最終目標", "増加", "4,100", "-", "75.0%", "達成"]
    assert lines[at + 1].split() == ["令和8年度", "令和7年度"]
    assert lines[at + 2].strip() == "指標名: ホームページ本体のアクセス数(年間)(件)"
    assert lines[at + 3].strip() == "理由: 現状値から目指す方向に変化"
    monkeypatch.setenv("COLUMNS", "160")
    _, wide, _ = cli("progress", MULTI, "--as-of", "2026-03-31", "--lang", "ja")
    assert "指標名" in wide.splitlines()[0] and "理由" in wide.splitlines()[0]


def test_cut_text_is_marked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    _, out, _ = cli("summary", "--as-of", "2025-06-03", "--lang", "ja")
    listed = [line for line in out.splitlines() if re.match(r"  \d-[\d-]+  ", line)]
    assert listed
    for line in listed:
        ini_id, activity = line.split(maxsplit=1)
        whole = next(
            row.cells[i].text
            for row in PLAN.initiative(ini_id).schedule.rows
            for i in range(len(row.cells))
            if row.cells[i].text and row.cells[i].text.startswith(activity.rstrip("…"))
        )
        assert activity == whole or (activity.endswith("…") and len(activity) <= len(whole))
    assert any(line.endswith("…") for line in listed)


def test_trend_figures_have_separators_and_a_percentage_changes_in_points() -> None:
    _, out, _ = cli("trend", MULTI, "1-1-3.1", "--as-of", "2026-03-31", "--lang", "ja")
    assert "令和7年度 (FY2025)  19,200  +4,200" in out
    assert "年平均の伸び: 4,538.3 件 (最小二乗法、4点)" in out
    _, out, _ = cli("trend", MULTI, "1-3-5.1", "--as-of", "2026-03-31", "--lang", "ja")
    assert "年平均の伸び: -0.35 ポイント" in out and "-0.35 %" not in out
    assert "必要な伸び: -0.9 ポイント/年" in out
    assert "令和8年度の見込み: 7.55 % (目標 7)" in out  # a level stays a percentage
    _, out, _ = cli("trend", MULTI, "1-3-5.1", "--as-of", "2026-03-31", "--lang", "en")
    assert "pace: -0.35 points per year" in out


# -- counts that say what they count ----------------------------------------------------------


def test_the_mean_counts_targets_met_without_a_rate_and_says_so() -> None:
    _, out, _ = cli("progress", MULTI, "--as-of", "2026-03-31", "--lang", "ja")
    # 3 with a rate (69.9, 52.6, 58.7) and 2 met by a rule (100%): 76.3% over 5
    assert "平均達成率 76.3% (上限100%、5指標の平均" in out.replace("\n", "")
    assert "評価対象 5指標" in out.replace("\n", "").replace("  ", "")


def test_every_promotion_item_is_rolled_up_and_one_without_a_rate_says_why(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    _, out, _ = cli("progress", MULTI, "--as-of", "2026-03-31", "--by", "promotion-item")
    keys = [line.split()[0] for line in out.splitlines()[2:] if re.match(r"\d-\d+ ", line)]
    assert keys == [p.id for p in PLAN.promotion_items]
    for item, why in (
        ("2-7", "its indicators are to be set later"),
        ("4-16", "no indicator is set"),
        ("5-3", "no indicator is set"),
        ("5-4", "no indicator is set"),
    ):
        assert why in _row(out, item), item


def _row(out: str, key: str) -> str:
    """The lines of a table's row (from the one starting with ``key`` to the next row),
    joined as they read."""
    lines = out.splitlines()
    start = next(k for k, line in enumerate(lines) if line.startswith(f"{key} "))
    end = next(
        (k for k in range(start + 1, len(lines)) if lines[k] and not lines[k].startswith(" ")),
        len(lines),
    )
    return " ".join(" ".join(line.split()) for line in lines[start:end])


def test_a_bureau_is_named_once(monkeypatch: pytest.MonkeyPatch) -> None:
    for lang in ("ja", "en"):
        for columns in ("80", "200"):
            monkeypatch.setenv("COLUMNS", columns)
            _, out, _ = cli(
                "progress", MULTI, "--as-of", "2026-03-31", "--by", "bureau", "--lang", lang
            )
            line = next(x for x in out.splitlines() if "市民局" in x)
            assert line.count("市民局") == 1, line
            assert len([x for x in out.splitlines() if "市民局" in x]) == 1
    _, out, _ = cli("progress", MULTI, "--as-of", "2026-03-31", "--by", "bureau", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    # every bureau, with indicators or not, by its Japanese name
    assert sorted(r["key"] for r in rows) == sorted(b.name_ja for b in PLAN.bureaus)
    assert all(r["label"] == r["key"] for r in rows)


# -- the text helpers -------------------------------------------------------------------------

_CHARS = st.sampled_from(list("あいう漢字カナ、。（）()abc XYZ019-.,%・ー「」"))


@given(st.text(_CHARS, max_size=80), st.integers(2, 40))
def test_wrap_keeps_every_character_within_the_width(said: str, size: int) -> None:
    lines = text.wrap(said, size)
    assert all(text.width(line) <= size for line in lines)
    assert "".join(lines).replace(" ", "") == said.replace(" ", "")


@given(st.text(_CHARS, min_size=1, max_size=60), st.integers(3, 30))
def test_clip_marks_what_it_cuts(said: str, size: int) -> None:
    clipped = text.clip(said, size)
    assert text.width(clipped) <= size
    assert clipped == said or (clipped.endswith("…") and said.startswith(clipped[:-1].rstrip()))


@given(
    st.lists(st.lists(st.text(_CHARS, max_size=30), min_size=4, max_size=4), max_size=6),
    st.integers(14, 100),
)
def test_a_fitted_table_never_runs_past_its_width(rows: list[list[str]], size: int) -> None:
    header = ["指標", "名称", "value", "理由"]
    for how in ({}, {"wrappable": (1, 3)}, {"wrappable": (1, 3), "below": (3, 1)}):
        fitted = text.fit(header, rows, size, **how)  # type: ignore[arg-type]
        assert all(text.width(line) <= size for line in fitted.lines), (how, fitted.lines)


def test_a_number_or_an_id_is_not_broken_where_it_fits() -> None:
    assert text.wrap("最終目標 25,000 (令和8年度)", 12) == ["最終目標", "25,000", "(令和8年度)"]
    assert text.wrap("最終目標 25,000 (令和8年度)", 10) == ["最終目標", "25,000 (令", "和8年度)"]
    assert text.wrap("Citizens' Affairs Bureau (市民局)", 28) == [
        "Citizens' Affairs Bureau",
        "(市民局)",
    ]
    assert text.wrap("1-1-3.1 引越し", 8) == ["1-1-3.1", "引越し"]
    assert text.wrap("達成率(%)は", 6) == ["達成率", "(%)は"]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("columns", [80, 120])
def test_the_diff_of_two_editions_fits_its_width(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, columns: int, lang: str
) -> None:
    import json

    import fukuoka_dx

    plan = json.loads(fukuoka_dx.to_json(PLAN))
    plan["edition"] = "2099-01"
    for ini in plan["initiatives"]:
        if ini["id"] in ("1-1-3", "4-17-2"):
            ini["title"] += "(改訂後の長い名称、推進項目の見直しに伴い変更)"
    plan["initiatives"] = [i for i in plan["initiatives"] if i["id"] != "1-1-8"]
    draft = tmp_path / "draft.json"
    draft.write_text(json.dumps(plan, ensure_ascii=False), "utf-8")
    monkeypatch.setenv("COLUMNS", str(columns))
    code, out, err = cli("diff", "2023-09", str(draft), "--lang", lang)
    assert code == 0, err
    assert "1-1-8" in out
    assert max(text.width(line) for line in out.splitlines()) <= columns


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("columns", [80, 120])
def test_the_screens_of_a_round_fit_their_width(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, columns: int, lang: str
) -> None:
    from fukuoka_dx.observations.round_json import write_round_json

    from ._rounds import example_returns, example_round

    round_ = example_round(tmp_path / "returns", PLAN)
    path = tmp_path / "round.json"
    path.write_text(write_round_json(round_), "utf-8")
    returns = example_returns(tmp_path / "again", PLAN, problem=True)
    monkeypatch.setenv("COLUMNS", str(columns))
    runs = [
        ["progress", str(path)],
        *(["progress", str(path), "--by", by] for by in ("pillar", "promotion-item", "bureau")),
        ["collect", str(returns), "-o", str(tmp_path / f"r-{lang}-{columns}.json")],
    ]
    for args in runs:
        code, out, err = cli(*args, "--lang", lang)
        assert code in (0, 2), (args, err)
        assert out.strip(), args
        wide = [line for line in out.splitlines() if text.width(line) > columns]
        assert wide == [], args
