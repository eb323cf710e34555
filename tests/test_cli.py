"""The command line, driven through its real entry points."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fukuoka_dx import INDICATOR_COLUMNS, Plan
from fukuoka_dx.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "observations.csv"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("fukuoka-dx", path=str(Path(sys.executable).parent))
    cmd = [exe] if exe else [sys.executable, "-m", "fukuoka_dx"]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [*cmd, *args], capture_output=True, text=True, encoding="utf-8", env=env, timeout=120
    )


def call(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_default_is_the_summary() -> None:
    done = run()
    assert done.returncode == 0, done.stderr
    assert "福岡市DX戦略 実行項目集" in done.stdout and "digest sha256:" in done.stdout
    assert "暮らしのDX" in done.stdout
    assert len(done.stdout.splitlines()) <= 40  # the first screen fits one screen


def test_module_entry_point() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "fukuoka_dx", "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0 and done.stdout.startswith("fukuoka-dx ")


def test_summary_for_a_date() -> None:
    code, out, _ = call("summary", "--as-of", "2026-11-30", "--lang", "en")
    assert code == 0
    assert "2026-11-30: FY2026 (令和8年度), year 4 of 4 of the plan period, the final year" in out
    assert "121 days left in the plan period (until 2027-03-31)" in out
    assert "Starting in FY2026 (令和8年度): 8" in out
    assert len(out.splitlines()) <= 40
    code, out, _ = call(
        "summary", "--as-of", "2026-11-30", "--lang", "ja", "--activities", "--bureaus", "--kinds"
    )
    assert "令和8年度 (FY2026), 計画期間4年の4年目(最終年度)" in out
    assert "計画期間の残り 121 日 (2027-03-31 まで)" in out
    assert "令和8年度 (FY2026)の工程" in out and "所管別の実行項目数" in out
    code, out, _ = call("summary", "--as-of", "2027-05-01", "--lang", "en")
    assert "after the plan period" in out and "ended 31 days ago" in out


def test_show_each_kind_of_id() -> None:
    for key, expect in [
        ("4", "pillar 4  行政のDX"),
        ("1-9", "promotion item 1-9"),
        ("1-1-3", "工程 (schedule)"),
        ("4-17-2.3", "年齢層別要介護認定率(%) (85歳~)"),
    ]:
        code, out, _ = call("show", key)
        assert code == 0 and expect in out
    code, out, _ = call("show", "1-9-3")
    assert "missing" in out and "5" in out
    for key in ("4", "1-9", "1-9-3", "1-9-3.2"):
        code, out, _ = call("show", key, "--format", "json")
        assert code == 0 and json.loads(out)
    code, out, _ = call("show", "1-9-3.2", "--format", "json")
    assert json.loads(out)["final"] == json.loads(out)["final"] | {"kind": "missing"}


def test_bad_arguments_exit_2_with_one_line() -> None:
    for args, expect in [
        (("show", "1-1-33"), "did you mean 1-1-3"),
        (("show", "hello"), "is not an id"),
        (("summary", "--as-of", "2026-13-01"), "is not a date"),
        (("schedule", "--fy", "R0"), "era year starts at 1"),
        (("schedule", "--fy", "R12"), "outside the plan period"),
        (("search", "x", "--bureau", "Nowhere"), "no bureau 'Nowhere'"),
        (("export", "bureaus"), "invalid choice"),
        (("nonsense",), "invalid choice"),
        (("--edition", "2019-01", "summary"), "available: 2023-09"),
    ]:
        done = run(*args)
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert expect in done.stderr, (args, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_help_for_every_command() -> None:
    for cmd in ("summary", "show", "search", "schedule", "export", "progress"):
        done = run(cmd, "--help")
        assert done.returncode == 0 and "usage: fukuoka-dx" in done.stdout


def test_search() -> None:
    code, out, _ = call("search", "オンライン", "--bureau", "Higashi Ward Office")
    assert code == 0 and "1-9-3" in out and "2 initiative(s) match" in out
    code, out2, _ = call("search", "オンライン", "--bureau", "区役所(東区)")
    assert out2 == out
    code, out, _ = call("search", "ＡＩ", "--pillar", "4", "--format", "json")
    ids = [r["initiative_id"] for r in json.loads(out)]
    assert ids and all(i.startswith("4-") for i in ids)


def test_schedule() -> None:
    code, out, _ = call("schedule", "--fy", "R6")
    assert code == 0 and "令和6年度 (FY2024" in out and "システム運用" in out
    code, out, _ = call("schedule", "--fy", "令和5年度", "--format", "json")
    data = json.loads(out)
    assert data["fiscal_year"] == 2023 and len(data["initiatives"]) == 160


def test_export_indicators_prints_every_indicator(plan: Plan, tmp_path: Path) -> None:
    done = run("export", "indicators", "--format", "csv")
    assert done.returncode == 0
    rows = list(csv.reader(io.StringIO(done.stdout)))
    assert tuple(rows[0]) == INDICATOR_COLUMNS
    assert [r[0] for r in rows[1:]] == [i.id for i in plan.indicators]
    out = tmp_path / "s.json"
    assert call("export", "schedule", "--format", "json", "-o", str(out))[0] == 0
    assert json.loads(out.read_text("utf-8"))[0]["initiative_id"] == "1-1"
    out = tmp_path / "i.csv"
    assert call("export", "initiatives", "--bom", "-o", str(out))[0] == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfinitiative_id,")


def test_progress_on_the_example() -> None:
    done = run("progress", str(EXAMPLE), "--as-of", "2026-03-31", "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert list(rows[0])[:8] == [
        "indicator_id",
        "target",
        "target_fy",
        "observed_fy",
        "observed_value",
        "achievement",
        "expected",
        "status",
    ]  # fmt: skip  (the first eight never change; later ones are appended)
    by_id = {r["indicator_id"]: r for r in rows}
    assert by_id["2-3-2.1"]["status"] == "on_track"
    assert by_id["1-1-1.1"]["status"] == "not_assessable"
    assert by_id["5-9.1"]["status"] == "no_data" and by_id["5-9.1"]["achievement"] == ""
    table = run("progress", str(EXAMPLE), "--as-of", "2026-03-31")
    assert table.returncode == 0 and "mean achievement" in table.stdout
    js = run("progress", str(EXAMPLE), "--as-of", "2026-03-31", "--format", "json")
    assert json.loads(js.stdout)["as_of"] == "2026-03-31"


def test_progress_bad_input_exits_2_listing_every_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator_id,fiscal_year,value\n1-1-33.1,2024,5\n1-1.1,R0,5\n", "utf-8")
    done = run("progress", str(bad))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 2 and "line 2" in lines[0] and "line 3" in lines[1]
    done = run("progress", str(bad), "--keep-valid")
    assert done.returncode == 0 and "rejected" in done.stderr
    assert run("progress").returncode == 2


def test_template_reads_back_once_filled(tmp_path: Path) -> None:
    done = run("progress", "--template", "--fy", "R7")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert lines[0].startswith("indicator_id,fiscal_year,value,as_of,source,note,edition,digest,")
    assert lines[1].startswith("1-1.1,R7,,")
    path = tmp_path / "filled.csv"
    filled = [lines[0], lines[1].replace("1-1.1,R7,,", "1-1.1,R7,60,", 1), *lines[2:]]
    path.write_text("\n".join(filled) + "\n", "utf-8")
    done = run("progress", str(path), "--as-of", "2026-03-31", "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert "without a value were skipped" in done.stderr
    assert "1-1.1,final,2026,2025,60," in done.stdout


def test_progress_chart(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out = tmp_path / "chart.png"
    done = run("progress", str(EXAMPLE), "--as-of", "2026-03-31", "--chart", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"\x89PNG")
    assert run("progress", str(EXAMPLE), "--chart", str(tmp_path / "c.gif")).returncode == 2


# -- one pipeline for progress, trend and report ---------------------------------------------


def _partly_filled(tmp_path: Path) -> Path:
    """The R7 CSV template with two rows filled in and the rest left empty."""
    code, out, err = call("template", "--fy", "R7")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    rows[0]["value"], rows[1]["value"] = "1", "2"
    path = tmp_path / "partly.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return path


def test_progress_trend_and_report_read_a_partly_filled_template_alike(tmp_path: Path) -> None:
    pytest.importorskip("jinja2")
    path = _partly_filled(tmp_path)
    first = next(csv.DictReader(path.open(encoding="utf-8")))["indicator_id"]
    runs = [
        ["progress", str(path)],
        ["trend", str(path), first],
        ["report", str(path)],
    ]
    for args in runs:
        code, _, err = call(*args, "--as-of", "2026-03-31", "--lang", "en")
        assert code == 0, (args, err)
        assert "row(s) without a value were skipped" in err, args


@pytest.mark.parametrize("command", ["progress", "trend", "report"])
def test_every_assessment_option_works_in_every_command(command: str) -> None:
    pytest.importorskip("jinja2")
    extra = ["1-1-3.1"] if command == "trend" else []
    options = [
        "--as-of", "2026-03-31", "--target", "final", "--encoding", "utf-8", "--keep-valid",
        "--scheme", "abcd", "--on-track", "0.9", "--needs-acceleration", "0.5",
    ]  # fmt: skip
    code, out, err = call(command, str(EXAMPLE), *extra, *options)
    assert code == 0 and out, err
    code, _, err = call(
        command, str(EXAMPLE), *extra, "--on-track", "0.5", "--needs-acceleration", "0.9"
    )
    assert code == 2 and "thresholds must satisfy" in err


def test_template_is_a_command_and_progress_template_its_alias() -> None:
    code, out, err = call("template", "--fy", "R7")
    code2, out2, err2 = call("progress", "--template", "--fy", "R7")
    assert code == code2 == 0 and out == out2 and out.startswith("indicator_id,fiscal_year")
    assert (err == "" and "alias of the template command" in err2) or "別名" in err2
    code, _, err = call("progress", "--template", "--chart", "c.png")
    assert code == 2 and "unrecognized arguments: --chart" in err


def test_search_by_bureau_alone_and_one_count_key() -> None:
    code, out, err = call("search", "--bureau", "東区役所", "--format", "json")
    assert code == 0, err
    rows = json.loads(out)
    assert rows and all(r["bureau"].startswith("区役所") for r in rows)
    assert all(set(r) == {"initiative_id", "title", "bureau", "indicator_count"} for r in rows)
    code, out, _ = call("search", "--bureau", "東区役所", "--format", "csv")
    assert out.splitlines()[0] == "initiative_id,title,bureau,indicator_count"
    code, _, err = call("search")
    assert code == 2 and "give a text, or --bureau or --pillar" in err


def test_the_global_lang_option() -> None:
    code, out, err = call("--lang", "ja")
    assert code == 0 and "計画期間" in out, err
    code, out, _ = call("--lang", "ja", "show", "1-1-3", "--lang", "en")
    assert "promotion item" in out  # the command's own --lang wins


def test_an_output_never_replaces_an_input_not_even_a_hard_link(tmp_path: Path) -> None:
    source = tmp_path / "obs.csv"
    shutil.copy(EXAMPLE, source)
    link = tmp_path / "link.csv"
    os.link(source, link)
    before = source.read_bytes()
    for name in (str(source), str(link)):
        code, _, err = call("progress", str(source), "--format", "csv", "-o", name)
        assert code == 2 and "is the file read" in err
    assert source.read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ["export", "indicators", "-o", "x.json"],
        ["export", "indicators", "--format", "json", "-o", "x.csv"],
        ["progress", str(EXAMPLE), "--format", "csv", "-o", "x.json"],
        ["progress", str(EXAMPLE), "-o", "x.csv"],
        ["template", "--fy", "R7", "-o", "x.xlsx"],
        ["search", "オンライン", "--format", "json", "-o", "x.csv"],
    ],
)
def test_an_output_suffix_may_not_contradict_the_format(args: list[str], tmp_path: Path) -> None:
    os.chdir(tmp_path)
    code, out, err = call(*args)
    assert code == 2 and "names a" in err and out == ""
    assert not any(tmp_path.iterdir())


def test_errors_are_capped_with_a_count(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "indicator_id,fiscal_year,value\n" + "".join(f"9-9.{n},2024,1\n" for n in range(80)),
        "utf-8",
    )
    code, _, err = call("progress", str(bad))
    lines = err.splitlines()
    assert code == 2 and len(lines) == 51 and "and 30 more problem(s)" in lines[-1]
    code, _, err = call("--max-errors", "0", "progress", str(bad))
    assert len(err.splitlines()) == 80


def test_a_long_read_shows_a_counter_only_when_wanted() -> None:
    from fukuoka_dx.cli.progress_display import reading_progress
    from fukuoka_dx.words import Lang

    times = iter([0.0, 0.5, 3.0, 3.5])
    out = io.StringIO()
    hook = reading_progress(out, Lang.EN, "big.csv", "always", clock=lambda: next(times))
    assert hook is not None
    hook(1000, None)  # within the first seconds: nothing yet
    assert out.getvalue() == ""
    hook(2000, None)
    hook(3000, 3000)
    assert out.getvalue() == (
        "\rfukuoka-dx: reading big.csv: 2,000 rows"
        "\rfukuoka-dx: reading big.csv: 3,000 / 3,000 rows\n"
    )
    assert reading_progress(io.StringIO(), Lang.EN, "x", "auto") is None  # not a terminal
    assert reading_progress(out, Lang.EN, "x", "never") is None


def test_threshold_options_given_as_percentages_are_refused() -> None:
    code, out, err = call("progress", str(EXAMPLE), "--on-track", "95")
    assert code == 2 and out == "" and "0.95" in err


def test_a_scheme_file_with_a_bom_is_read_and_one_in_shift_jis_named(tmp_path: Path) -> None:
    bands = '[[band]]\nlabel = "◎"\nmin = 1.0\n\n[[band]]\nlabel = "△"\n'
    bom = tmp_path / "bom.toml"
    bom.write_bytes(b"\xef\xbb\xbf" + bands.encode("utf-8"))
    code, out, err = call("progress", str(EXAMPLE), "--scheme", str(bom), "--as-of", "2026-03-31")
    assert "評価" in out or "grade" in out
    assert code == 0, err
    sjis = tmp_path / "sjis.toml"
    sjis.write_bytes(bands.encode("cp932"))
    code, _, err = call("progress", str(EXAMPLE), "--scheme", str(sjis))
    assert code == 2 and "UTF-8" in err
