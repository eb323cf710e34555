"""The HTML report in a real browser: headless Chromium (Debian's ``chromium`` and
``chromium-driver``) driven by Selenium. Skipped, saying why, where they are not installed;
``.ci/run`` installs them, so CI always runs it.

:func:`open_report` and :func:`screenshot` are written to be reused (e.g. for the picture of
the report in the documentation): ``python tests/test_browser.py OUT.png`` saves one.
"""

from __future__ import annotations

import base64
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

import fukuoka_dx
from fukuoka_dx.report.html import report_html

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SKIP_REASON = "Chromium/chromedriver not installed: apt-get install chromium chromium-driver"
EXAMPLE = ROOT / "examples" / "observations-multi-year.csv"
AS_OF = "2026-03-31"


def browser_missing() -> str | None:
    """Why the browser test cannot run here, or ``None`` when it can."""
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        return SKIP_REASON
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed: pip install -e '.[test]'"
    return None


def example_report(lang: str = "ja") -> str:
    """The report of ``examples/observations-multi-year.csv`` as of 2026-03-31."""
    plan = fukuoka_dx.load_plan()
    read = fukuoka_dx.read_observations(EXAMPLE, plan)
    assessment = fukuoka_dx.assess(plan, read.observations, as_of=AS_OF)
    return report_html(assessment, plan, lang=lang, observations_left_out=read.rejected)


@contextmanager
def chromium(profile: Path, *, width: int = 1280, height: int = 1600) -> Iterator[Any]:
    """A headless Chromium driven by Selenium, with its console log kept; quit on exit."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        f"--window-size={width},{height}",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    try:
        yield driver
    finally:
        driver.quit()


def open_report(driver: Any, page: Path) -> None:
    """Open a report file and wait until it is loaded."""
    driver.get(page.resolve().as_uri())
    state = driver.execute_script("return document.readyState")
    assert state == "complete", state


def screenshot(html: str, out: Path, workdir: Path, *, width: int = 1280) -> Path:
    """Save a PNG of the top of the report ``html`` to ``out`` (``workdir`` holds the page
    and the browser profile)."""
    page = workdir / "report.html"
    page.write_text(html, "utf-8")
    with chromium(workdir / "profile", width=width, height=1000) as driver:
        open_report(driver, page)
        assert driver.save_screenshot(str(out)), "no screenshot"
    return out


def round_helpers() -> Any:
    """``tests/_rounds.py``, imported by path (this file is imported by path too, by
    ``tools/make_screenshots.py``)."""
    import importlib.util

    path = Path(__file__).resolve().parent / "_rounds.py"
    spec = importlib.util.spec_from_file_location("_fukuoka_dx_test_rounds", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def round_report(workdir: Path, lang: str = "ja") -> str:
    """The report of the example round (``tests/_rounds.py``), collected in ``workdir``."""
    plan = fukuoka_dx.load_plan()
    round_ = round_helpers().example_round(workdir / "returns", plan)
    progress = fukuoka_dx.assess_round(plan, round_)
    return report_html(progress.assessment, plan, lang=lang, progress=progress)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    why = browser_missing()
    if why:
        pytest.skip(why)
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as driver:
        yield driver


@pytest.fixture(scope="module")
def opened(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    page = tmp_path_factory.mktemp("report") / "report.html"
    page.write_text(example_report(), "utf-8")
    open_report(browser, page)
    return browser


def test_the_report_opens_without_console_errors(opened: Any) -> None:
    entries = opened.get_log("browser")
    severe = [e for e in entries if e.get("level") == "SEVERE"]
    assert severe == [], severe


def test_every_pillar_section_is_present_and_visible(opened: Any) -> None:
    from selenium.webdriver.common.by import By

    sections = opened.find_elements(By.CSS_SELECTOR, "section[id^='pillar-']")
    assert [s.get_attribute("id") for s in sections] == [f"pillar-{n}" for n in range(1, 6)]
    for s in sections:
        assert s.is_displayed()
        assert s.find_element(By.TAG_NAME, "h2").text.strip()
    assert opened.find_element(By.ID, "left-out").is_displayed()
    # the trajectories are drawn: one sparkline per indicator with figures
    assert len(opened.find_elements(By.CSS_SELECTOR, "svg.spark[role='img']")) == 5


def test_the_page_fetches_nothing(opened: Any) -> None:
    urls = opened.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
    )
    assert urls == []


def test_the_report_prints_to_pdf(opened: Any) -> None:
    from selenium.webdriver.common.print_page_options import PrintOptions

    options = PrintOptions()
    options.page_height = 29.7  # A4, in centimetres
    options.page_width = 21.0
    options.background = True
    pdf = base64.b64decode(opened.print_page(options))
    assert pdf.startswith(b"%PDF")
    # a page per pillar at least: the pillars start on a page of their own
    pages = re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf)
    assert len(pages) > 5


def test_a_screenshot_is_a_png(tmp_path: Path) -> None:
    if why := browser_missing():
        pytest.skip(why)
    out = screenshot(example_report("en"), tmp_path / "report.png", tmp_path)
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 10_000


@pytest.fixture(scope="module")
def round_opened(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    work = tmp_path_factory.mktemp("round")
    page = work / "round.html"
    page.write_text(round_report(work), "utf-8")
    open_report(browser, page)
    return browser


def test_the_report_of_a_round_shows_schedule_status_and_words(round_opened: Any) -> None:
    from selenium.webdriver.common.by import By

    driver = round_opened
    assert [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"] == []
    assert driver.find_element(By.ID, "round").is_displayed()
    initiative = driver.find_element(By.ID, "initiative-1-1-3")
    status = initiative.find_element(By.CSS_SELECTOR, ".schedule .activity")
    assert status.is_displayed() and status.text.endswith("一部遅れ")
    schedule = initiative.find_element(By.CSS_SELECTOR, ".schedule").text
    assert "事業の周知・PRを実施。\nシステムの標準化への対応は次年度に延期。" in schedule
    assert "改善・見直し" in schedule
    words = initiative.find_element(By.CSS_SELECTOR, "tr.words")
    assert words.is_displayed()
    assert "速報値" in words.text and "電子申請システムの月次集計" in words.text
    free = words.find_element(By.CSS_SELECTOR, ".free")
    assert free.value_of_css_property("white-space") == "pre-wrap"  # its lines as written
    assert "転入者向けの案内を区役所窓口で配布し、\n申込数が伸びた。" in words.text
    returns = driver.find_element(By.CSS_SELECTOR, "table.returns")
    rows = {
        r.find_element(By.TAG_NAME, "th").text: r.text
        for r in returns.find_elements(By.CSS_SELECTOR, "tbody tr")
    }
    assert "回答済み" in rows["市民局"] and "未回答" in rows["財政局"]
    assert len(rows) == 24
    not_reported = driver.find_element(By.ID, "initiative-1-1-4")
    assert "報告なし" in not_reported.find_element(By.CSS_SELECTOR, ".schedule .activity").text


if __name__ == "__main__":  # python tests/test_browser.py OUT.png [ja|en]
    import tempfile

    if why := browser_missing():
        sys.exit(why)
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "report.png").resolve()
    language = sys.argv[2] if len(sys.argv) > 2 else "ja"
    with tempfile.TemporaryDirectory() as work:
        print(screenshot(example_report(language), target, Path(work)))
