"""The report and the workbooks from the command line and from Python."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from fukuoka_dx import assess, load_plan, read_observations
from fukuoka_dx.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "observations-multi-year.csv"


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_report_command_and_to_html_agree(tmp_path: Path) -> None:
    pytest.importorskip("jinja2")
    out = tmp_path / "report.html"
    code, _, err = cli(
        "report", str(EXAMPLE), "--as-of", "2026-03-31", "--lang", "ja", "-o", str(out)
    )
    assert code == 0 and f"{out} に書き出しました" in err
    page = out.read_text("utf-8")
    assert page.startswith("<!doctype html>") and '<html lang="ja">' in page
    for pillar in range(1, 6):
        assert f'id="pillar-{pillar}"' in page
    plan = load_plan()
    a = assess(plan, read_observations(EXAMPLE, plan).observations, as_of="2026-03-31")
    from fukuoka_dx.report.html import report_html

    # the command names the file the figures were read from; the rest is the same page
    assert report_html(a, lang="ja", sources=(EXAMPLE.name,)) == page
    assert a.to_html("ja") == page.replace(f'<code class="file">{EXAMPLE.name}</code>', "記載なし")
    assert cli("report", str(EXAMPLE), "-o", str(tmp_path / "r.txt"))[0] == 2


def test_workbooks_from_the_command_line(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    template = tmp_path / "t.xlsx"
    assert (
        cli("progress", "--template", "--fy", "R7", "--format", "xlsx", "-o", str(template))[0] == 0
    )
    book = openpyxl.load_workbook(template)
    sheet = book.worksheets[0]
    assert sheet.freeze_panes and sheet.protection.sheet
    results = tmp_path / "r.xlsx"
    code, _, _ = cli(
        "progress",
        str(EXAMPLE),
        "--as-of",
        "2026-03-31",
        "--format",
        "xlsx",
        "-o",
        str(results),
        "--lang",
        "en",
    )
    assert code == 0 and len(openpyxl.load_workbook(results).worksheets) >= 4
    for args in (
        ["progress", "--template", "--format", "xlsx"],  # no -o
        ["progress", str(EXAMPLE), "--format", "xlsx", "-o", str(results), "--by", "pillar"],
    ):
        code, out, err = cli(*args)
        assert code == 2 and out == "" and "--format xlsx" in err
