"""The HTML report in a real browser: headless Chromium (Debian's ``chromium`` and
``chromium-driver``) driven by Selenium, measured as a meeting would use it: on a laptop
and on a phone (390 px: no sideways scrolling), printed to PDF (page numbers, no table
header alone at the foot of a page), checked by axe-core for accessibility (no serious or
critical violation), filtered, and without JavaScript. Skipped, saying why, where Chromium,
chromedriver, axe-core (``npm ci``) or pdftotext (``poppler-utils``) is not installed;
``.ci/run`` installs them, so CI always runs it.

:func:`open_report` and :func:`screenshot` are written to be reused (e.g. for the picture of
the report in the documentation): ``python tests/test_browser.py OUT.png`` saves one.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
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
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SKIP_REASON = "Chromium/chromedriver not installed: apt-get install chromium chromium-driver"
EXAMPLE = ROOT / "examples" / "observations-multi-year.csv"
AS_OF = "2026-03-31"
#: The day the example report says it was made (fixed, so that pictures do not change).
CREATED = "2026-04-10"
PHONE = 390


def browser_missing() -> str | None:
    """Why the browser test cannot run here, or ``None`` when it can."""
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        return SKIP_REASON
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed: pip install -e '.[test]'"
    return None


def example_assessment(scheme: str = "standard") -> Any:
    plan = fukuoka_dx.load_plan()
    read = fukuoka_dx.read_observations(EXAMPLE, plan)
    return fukuoka_dx.assess(plan, read.observations, as_of=AS_OF, scheme=scheme), read


def example_report(
    lang: str = "ja", *, per_initiative: bool = False, scheme: str = "standard"
) -> str:
    """The report of ``examples/observations-multi-year.csv`` as of 2026-03-31."""
    assessment, read = example_assessment(scheme)
    return report_html(
        assessment,
        lang=lang,
        observations_left_out=read.rejected,
        sources=(EXAMPLE.name,),
        created=CREATED,
        per_initiative=per_initiative,
    )


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


def as_phone(driver: Any, width: int = PHONE, height: int = 844) -> None:
    """Make the page's viewport a phone's (a mobile viewport ``width`` CSS pixels wide)."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 2, "mobile": True},
    )


def as_screen(driver: Any) -> None:
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def print_pdf(driver: Any) -> bytes:
    """The open page printed as Chromium prints it: A4 as the page's CSS says, with
    backgrounds."""
    pdf = driver.execute_cdp_cmd(
        "Page.printToPDF",
        {
            "printBackground": True,
            "preferCSSPageSize": True,
            "paperWidth": 8.27,
            "paperHeight": 11.69,
        },
    )
    return base64.b64decode(pdf["data"])


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
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example's report in Japanese, in English under the abcd scheme, as one page
    per initiative, and the report of the example round (with the bureaus' words), as
    files."""
    folder = tmp_path_factory.mktemp("report")
    made = {
        "ja": example_report("ja"),
        "en": example_report("en", scheme="abcd"),
        "sheets": example_report("ja", per_initiative=True),
        "round": round_report(folder),
    }
    out = {}
    for name, text in made.items():
        out[name] = folder / f"{name}.html"
        out[name].write_text(text, "utf-8")
    return out


@pytest.fixture()
def opened(browser: Any, pages: dict[str, Path]) -> Any:
    as_screen(browser)
    open_report(browser, pages["ja"])
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
    # a chart per indicator with figures
    assert len(opened.find_elements(By.CSS_SELECTOR, "svg.mini[role='img']")) == 5


def test_the_page_fetches_nothing(opened: Any) -> None:
    urls = opened.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
    )
    assert urls == []


# -- every figure, with what a meeting reads beside it -------------------------------------


def test_every_indicator_with_a_figure_shows_baseline_targets_yearly_figures_and_source(
    opened: Any,
) -> None:
    from selenium.webdriver.common.by import By

    from fukuoka_dx.report.labels import status_label, value_label

    assessment, _ = example_assessment()
    plan = assessment.plan
    with_figures = [r for r in assessment.results if r.history]
    assert len(with_figures) == 5
    for r in with_figures:
        article = opened.find_element(By.ID, f"indicator-{r.indicator_id}")
        assert article.is_displayed()
        text = " ".join(article.text.split())
        ind = plan.indicator(r.indicator_id)
        for target in (ind.baseline, ind.midterm, ind.final):
            figure = target.text.split("(")[0].strip()
            assert figure in text, (r.indicator_id, target.text)
        for o in r.history:
            assert value_label(o.value) in text, (r.indicator_id, o)
            assert o.fiscal_year.label_ja in text
            assert o.source and o.source in text
            assert o.note and o.note in text
        assert "例示" in text  # the example's figures are illustrative, and say so
        status = article.find_element(By.CSS_SELECTOR, "h5 .badge").text
        assert status.endswith(status_label(r.status, "ja"))


# -- a phone --------------------------------------------------------------------------------

#: A script that finds text broken across lines where it must not be: an id, a status
#: badge, a figure, a table header's words.
_BROKEN = """
var broken = [];
document.querySelectorAll('.id, .badge, .value, thead th').forEach(function (el) {
  if (!el.offsetParent) { return; }
  var head = el.closest('thead');  /* a phone's tables read as lists: their header is hidden */
  if (head && head.getBoundingClientRect().width <= 1) { return; }
  var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  var node;
  while ((node = walker.nextNode())) {
    var text = node.textContent.trim();
    if (!text || (el.tagName === 'TH' && /\\s/.test(text))) { continue; }
    var range = document.createRange();
    range.selectNodeContents(node);
    var tops = {};
    Array.prototype.forEach.call(range.getClientRects(), function (r) {
      if (r.width > 0) { tops[Math.round(r.top)] = true; }
    });
    if (Object.keys(tops).length > 1) { broken.push(text); }
  }
});
return broken;
"""


@pytest.mark.parametrize("name", ["ja", "en", "sheets", "round"])
def test_at_390_px_the_page_is_as_wide_as_the_phone(
    browser: Any, pages: dict[str, Path], name: str
) -> None:
    as_phone(browser)
    try:
        open_report(browser, pages[name])
        sizes = browser.execute_script(
            "return [document.documentElement.scrollWidth, document.body.scrollWidth,"
            " window.innerWidth];"
        )
        assert sizes == [PHONE, PHONE, PHONE], sizes
        # nothing sticks out to the right, and ids, statuses and figures are not broken
        wider = browser.execute_script(
            "var out = []; document.querySelectorAll('body *').forEach(function (el) {"
            " var r = el.getBoundingClientRect();"
            " if (r.width && r.right > window.innerWidth + 0.5) { out.push(el.tagName + '.'"
            " + el.className); } }); return out.slice(0, 10);"
        )
        assert wider == []
        assert browser.execute_script(_BROKEN) == []
    finally:
        as_screen(browser)


# -- print ------------------------------------------------------------------------------------


def _pdf_pages(pdf: bytes, work: Path) -> list[list[str]]:
    """The text lines of each page of ``pdf`` (``pdftotext -layout``)."""
    path = work / "printed.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return [
        [line for line in page.splitlines() if line.strip()] for page in done.stdout.split("\f")
    ]


def _header_words(driver: Any) -> tuple[set[str], set[str], set[str]]:
    """The words of every table header, the column labels among them, and the captions."""
    heads = driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('thead th'),"
        " function (th) { var first = th.firstChild; return [th.innerText,"
        " first && first.nodeType === 3 ? first.textContent : th.innerText]; });"
    )
    captions = driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('caption'),"
        " function (c) { return c.textContent.trim(); });"
    )
    words = {w for text, _ in heads for w in text.split()}
    labels = {w for _, label in heads for w in label.split()}
    return words, labels, {" ".join(c.split()) for c in captions if c}


@pytest.mark.parametrize("name", ["ja", "en", "sheets", "round"])
def test_the_printed_report_has_page_numbers_and_no_header_alone_at_a_page_foot(
    browser: Any, pages: dict[str, Path], name: str, tmp_path: Path
) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed: apt-get install poppler-utils")
    as_screen(browser)
    open_report(browser, pages[name])
    words, labels, captions = _header_words(browser)
    pdf = print_pdf(browser)
    assert pdf.startswith(b"%PDF")
    printed = _pdf_pages(pdf, tmp_path)
    printed = [p for p in printed if p]
    total = len(printed)
    assert total > 5  # the cover, the contents, and a page per pillar at least
    if name == "sheets":
        assert total >= len(fukuoka_dx.load_plan().initiatives)  # a page per initiative
    for n, lines in enumerate(printed, 1):
        assert lines[-1].strip() == f"{n} / {total}", (n, lines[-1])
        body = [line for line in lines[:-1] if line.strip()]
        if n > 1:  # the running head names the plan and the as-of date
            assert AS_OF in body[0], (n, body[0])
            body = body[1:]
        if not body:
            continue
        last = body[-1].split()
        before = body[-2].split() if len(body) > 1 else []
        alone = set(last) <= words and (set(last) & labels or (before and set(before) <= words))
        assert not alone, f"page {n} ends with a table header: {body[-2:]}"
        assert " ".join(last) not in captions, f"page {n} ends with a caption: {body[-1]}"


def test_ids_headers_and_figures_do_not_break_in_print(
    browser: Any, pages: dict[str, Path]
) -> None:
    as_screen(browser)
    open_report(browser, pages["ja"])
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 700, "height": 1000, "deviceScaleFactor": 1, "mobile": False},
    )  # the width of an A4 page inside its margins, in CSS pixels
    try:
        assert browser.execute_script(_BROKEN) == []
    finally:
        as_screen(browser)


# -- accessibility -----------------------------------------------------------------------------


def _axe(driver: Any) -> list[dict[str, Any]]:
    """The violations axe-core finds on the open page (its WCAG 2 A and AA rules and its
    best practices)."""
    driver.execute_script(AXE.read_text("utf-8"))
    driver.set_script_timeout(120)
    result = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']})"
        ".then(function (r) { done(JSON.stringify(r.violations)); })"
        ".catch(function (e) { done(JSON.stringify([{id: 'axe-error', impact: 'critical',"
        " help: String(e), nodes: []}])); });"
    )
    violations: list[dict[str, Any]] = json.loads(result)
    return violations


@pytest.mark.parametrize("phone", [False, True], ids=["laptop", "phone"])
@pytest.mark.parametrize("name", ["ja", "en", "sheets", "round"])
def test_axe_finds_no_serious_or_critical_violation(
    browser: Any, pages: dict[str, Path], name: str, phone: bool
) -> None:
    if not AXE.exists():
        pytest.skip(f"axe-core is not installed: npm ci (in {ROOT})")
    as_screen(browser)
    if phone:
        as_phone(browser)
    try:
        open_report(browser, pages[name])
        violations = _axe(browser)
    finally:
        as_screen(browser)
    bad = [
        (v["id"], v["impact"], v.get("help"), [n.get("target") for n in v["nodes"][:3]])
        for v in violations
        if v.get("impact") in ("serious", "critical")
    ]
    assert bad == []


# -- filtering, and the page without JavaScript --------------------------------------------


def _visible(driver: Any, selector: str) -> list[str]:
    return driver.execute_script(
        "return Array.prototype.filter.call(document.querySelectorAll(arguments[0]),"
        " function (el) { return el.offsetParent !== null; })"
        ".map(function (el) { return el.id; });",
        selector,
    )


def _choose(driver: Any, name: str, value: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element(By.NAME, name)).select_by_value(value)


def test_filtering_by_pillar_bureau_and_status(opened: Any) -> None:
    from selenium.webdriver.common.by import By

    form = opened.find_element(By.ID, "filters")
    assert form.is_displayed()
    everything = _visible(opened, "article.indicator, tr.nodata")
    assert len(everything) == 160
    _choose(opened, "pillar", "2")
    assert _visible(opened, "section.pillar") == ["pillar-2"]
    assert _visible(opened, "article.indicator") == ["indicator-2-3-2.1"]
    _choose(opened, "pillar", "")
    _choose(opened, "bureau", "市民局")
    shown = _visible(opened, "article.indicator, tr.nodata")
    plan = fukuoka_dx.load_plan()
    assert shown == [
        f"indicator-{i.id}" for ini in plan.initiatives_of(bureau="市民局") for i in ini.indicators
    ]
    _choose(opened, "bureau", "")
    _choose(opened, "status", "behind")
    assert _visible(opened, "article.indicator") == [
        "indicator-1-1-3.1",
        "indicator-1-3-5.1",
        "indicator-2-3-2.1",
    ]
    assert len(_visible(opened, "table.behind tbody tr")) == 3
    said = opened.find_element(By.NAME, "count").text
    assert "3 / 160" in said
    opened.find_element(By.CSS_SELECTOR, "#filters button[type='reset']").click()
    assert len(_visible(opened, "article.indicator, tr.nodata")) == 160


def test_without_javascript_the_whole_report_is_shown(browser: Any, pages: dict[str, Path]) -> None:
    from selenium.webdriver.common.by import By

    as_screen(browser)
    browser.get("about:blank")
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get(pages["ja"].resolve().as_uri())  # the page's own script does not run
    finally:
        # the test's queries run as scripts of the browser's driver: allowed again, after
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    assert not browser.find_element(By.ID, "filters").is_displayed()
    assert browser.find_element(By.NAME, "count").text == ""  # the script never ran
    assert len(_visible(browser, "article.indicator, tr.nodata")) == 160


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
    status = initiative.find_element(By.CSS_SELECTOR, ".schedule-status .activity")
    assert status.is_displayed() and status.text.endswith("一部遅れ")
    schedule = initiative.find_element(By.CSS_SELECTOR, ".schedule-status").text
    assert "事業の周知・PRを実施。\nシステムの標準化への対応は次年度に延期。" in schedule
    assert "改善・見直し" in schedule
    words = initiative.find_element(By.CSS_SELECTOR, "#indicator-1-1-3\\.1 .figure-words")
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
    activity = not_reported.find_element(By.CSS_SELECTOR, ".schedule-status .activity")
    assert "報告なし" in activity.text


if __name__ == "__main__":  # python tests/test_browser.py OUT.png [ja|en]
    import tempfile

    if why := browser_missing():
        sys.exit(why)
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "report.png").resolve()
    language = sys.argv[2] if len(sys.argv) > 2 else "ja"
    with tempfile.TemporaryDirectory() as work:
        print(screenshot(example_report(language), target, Path(work)))
