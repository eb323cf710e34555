"""Remake the documentation's images (``docs/images/*.png``) from the shipped example.

Usage: ``python tools/make_screenshots.py [report|workbook|packet|tracker ...] [--out DIR]``
(default: all of them, into ``docs/images/``). Run it after a change to the report, the
template or the packets that the pictures should show, look at the images, and commit them;
the tests do not run it.

* ``report-ja.png``: the top of the HTML report of ``examples/observations-multi-year.csv``
  as of 2026-03-31, in Japanese, in headless Chromium: made by the helpers of
  ``tests/test_browser.py`` (``example_report`` and ``screenshot``, the ones the browser
  test uses), imported from that file by path.
* ``report-pillar-ja.png``: the same page scrolled to the first indicator with figures,
  1-1-3.1 (the test file's ``chromium`` and ``open_report``).
* ``report-phone-ja.png``: that indicator on a phone, 390 CSS pixels wide (the test file's
  ``as_phone``).
* ``workbook-template-ja.png``: the template workbook of ``fukuoka-dx template
  --fy R7 --format xlsx --lang ja`` as LibreOffice Calc shows it: a copy of the workbook
  gets a page setup only (landscape A4, one page wide, the header row and the first rows,
  with grid lines and the column letters and row numbers; its cells are left as they are),
  is printed to PDF by ``soffice --headless``, and the PDF's first page is turned into a
  PNG by ``pdftoppm`` and cropped to its content with Pillow.
* ``packet-ja.png``: 市民局's packet of 令和7年度, filled in as the example round of
  ``tests/_rounds.py`` fills it, as LibreOffice Calc prints its indicators' sheet (the packet's
  own A4 landscape page setup; the read-only columns between the names and the inputs are
  hidden in the copy printed).
* ``tracker-ja.png``: the tracker ``fukuoka-dx collect`` prints for that round, drawn as a
  terminal shows it, in headless Chromium.

Needs: Chromium and chromedriver at ``/usr/bin/chromium`` and ``/usr/bin/chromedriver``
(Debian: ``apt-get install chromium chromium-driver``); fonts with Japanese glyphs
(``fonts-noto-cjk``); LibreOffice Calc (``soffice``; ``libreoffice-calc-nogui``);
``pdftoppm`` (``poppler-utils``); and the packages of ``pip install -e '.[test,plot]'``
(selenium, pytest and openpyxl; Pillow comes with matplotlib).
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol, cast

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
BROWSER_HELPERS = ROOT / "tests" / "test_browser.py"

#: The page width the report is drawn at, in CSS pixels.
REPORT_WIDTH = 1280
#: The element the pillar picture starts at: the first indicator with figures.
PILLAR_ANCHOR = "indicator-1-1-3.1"
#: The phone's width, in CSS pixels, and the height of its picture.
PHONE_WIDTH = 390
PHONE_HEIGHT = 760
#: The template's fiscal year, and the part of its sheet the picture shows: the first rows
#: of the bureau, pillar, indicator, year, name and unit columns and of the value and as-of
#: cells (what a window shows before one scrolls to the right, to the source and note, what
#: to enter, the baseline and the targets).
TEMPLATE_FY = "R7"
TEMPLATE_ROWS = 20
TEMPLATE_LAST_COLUMN = "H"
#: The resolution the workbook's page is rendered at, and the width of the picture.
WORKBOOK_DPI = 200
WORKBOOK_WIDTH = 1400
#: The colours of the workbook's picture (cells, grid lines and anti-aliased text).
PALETTE = 64
#: The largest image size the documentation accepts.
MAX_BYTES = 400_000


class BrowserHelpers(Protocol):
    """What this script uses of ``tests/test_browser.py``."""

    def browser_missing(self) -> str | None: ...

    def example_report(self, lang: str = "ja") -> str: ...

    def screenshot(self, html: str, out: Path, workdir: Path, *, width: int = 1280) -> Path: ...

    def chromium(
        self, profile: Path, *, width: int = 1280, height: int = 1600
    ) -> AbstractContextManager[Any]: ...

    def open_report(self, driver: Any, page: Path) -> None: ...

    def as_phone(self, driver: Any, width: int = 390, height: int = 844) -> None: ...

    def round_helpers(self) -> Any: ...


class Missing(Exception):
    """A tool or package the images need is not installed."""


def browser_helpers() -> BrowserHelpers:
    """The browser test's helpers, imported from the test file by path."""
    spec = importlib.util.spec_from_file_location("_fukuoka_dx_test_browser", BROWSER_HELPERS)
    if spec is None or spec.loader is None:
        raise Missing(f"cannot import {BROWSER_HELPERS}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    helpers = cast(BrowserHelpers, module)
    if why := helpers.browser_missing():
        raise Missing(why)
    return helpers


def report_images(out: Path, lang: str = "ja") -> list[Path]:
    """The top of the report, the report scrolled to its first indicator with figures, and
    that indicator on a phone."""
    helpers = browser_helpers()
    html = helpers.example_report(lang)
    top = out / f"report-{lang}.png"
    pillar = out / f"report-pillar-{lang}.png"
    phone = out / f"report-phone-{lang}.png"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        helpers.screenshot(html, top, work, width=REPORT_WIDTH)
        page = work / "report.html"  # written by screenshot()
        with helpers.chromium(work / "profile-pillar", width=REPORT_WIDTH, height=1000) as driver:
            helpers.open_report(driver, page)
            driver.execute_script(
                "document.getElementById(arguments[0]).scrollIntoView(true);"
                "window.scrollBy(0, -12);",
                PILLAR_ANCHOR,
            )
            if not driver.save_screenshot(str(pillar)):
                raise RuntimeError("no screenshot of the pillar section")
        with helpers.chromium(work / "profile-phone", width=500, height=1000) as driver:
            helpers.as_phone(driver, PHONE_WIDTH, PHONE_HEIGHT)
            helpers.open_report(driver, page)
            driver.execute_script(
                "document.getElementById(arguments[0]).scrollIntoView(true);"
                "window.scrollBy(0, -8);",
                PILLAR_ANCHOR,
            )
            if not driver.save_screenshot(str(phone)):
                raise RuntimeError("no screenshot on a phone")
    return [top, pillar, phone]


def _run(command: Sequence[str], what: str) -> None:
    done = subprocess.run(list(command), capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed ({done.returncode}): {done.stderr.strip()}")


def _print_copy(workbook: Path, copy: Path) -> None:
    """A copy of the template with a page setup that shows its first rows as on a screen."""
    from openpyxl import load_workbook
    from openpyxl.worksheet.properties import PageSetupProperties
    from openpyxl.worksheet.worksheet import Worksheet

    wb = load_workbook(workbook)
    ws = wb.worksheets[0]
    assert isinstance(ws, Worksheet)
    ws.print_area = f"A1:{TEMPLATE_LAST_COLUMN}{TEMPLATE_ROWS + 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.gridLines = True
    ws.print_options.headings = True
    for part in (ws.oddHeader, ws.oddFooter):  # the picture is of the cells, not the page
        if part is not None and part.center is not None:
            part.center.text = ""
    wb.save(copy)


def _crop(png: Path, out: Path) -> None:
    """``png`` cropped to its content with a margin, at most :data:`WORKBOOK_WIDTH` wide."""
    from PIL import Image, ImageChops

    with Image.open(png) as page:
        image = page.convert("RGB")
    blank = Image.new("RGB", image.size, (255, 255, 255))
    box = ImageChops.difference(image, blank).getbbox()
    if box is None:
        raise RuntimeError(f"{png} is blank")
    margin = 16
    left, top, right, bottom = box
    image = image.crop(
        (
            max(0, left - margin),
            max(0, top - margin),
            min(image.width, right + margin),
            min(image.height, bottom + margin),
        )
    )
    if image.width > WORKBOOK_WIDTH:
        height = round(image.height * WORKBOOK_WIDTH / image.width)
        image = image.resize((WORKBOOK_WIDTH, height), Image.Resampling.LANCZOS)
    # a palette of a few shades is enough for cells and text, and keeps the file small
    buffer = io.BytesIO()
    image.quantize(PALETTE, dither=Image.Dither.NONE).save(buffer, "PNG", optimize=True)
    out.write_bytes(buffer.getvalue())


def workbook_image(out: Path, lang: str = "ja") -> list[Path]:
    """The template workbook's first rows as LibreOffice Calc prints them."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftoppm = shutil.which("pdftoppm")
    if soffice is None:
        raise Missing("LibreOffice is not installed: apt-get install libreoffice-calc-nogui")
    if pdftoppm is None:
        raise Missing("pdftoppm is not installed: apt-get install poppler-utils")
    from fukuoka_dx.cli import main

    target = out / f"workbook-template-{lang}.png"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        template = work / "template.xlsx"
        args = ["template", "--fy", TEMPLATE_FY, "--format", "xlsx"]
        code = main([*args, "--lang", lang, "-o", str(template)], stderr=io.StringIO())
        if code != 0:
            raise RuntimeError(f"fukuoka-dx {' '.join(args)} failed ({code})")
        printed = work / "printed.xlsx"
        _print_copy(template, printed)
        profile = (work / "lo-profile").as_uri()  # never the user's LibreOffice profile
        _run(
            [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                str(printed),
            ],
            "soffice --convert-to pdf",
        )
        page = work / "page"
        _run(
            [
                pdftoppm,
                "-png",
                "-r",
                str(WORKBOOK_DPI),
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(work / "printed.pdf"),
                str(page),
            ],
            "pdftoppm",
        )
        _crop(page.with_suffix(".png"), target)
    return [target]


#: The packet the picture shows, and the columns it hides so that the names stand beside
#: the cells to fill (what a window shows with the frozen columns, scrolled to the inputs).
PACKET_BUREAU = "市民局"
PACKET_HIDDEN = ("E", "F", "G", "H", "I")
PACKET_LAST_COLUMN = "P"
#: The tracker's picture: its window's height, and how many lines of the items still
#: missing it shows (the rest is cut, with an ellipsis).
TRACKER_HEIGHT = 1400
TRACKER_MISSING = 4


def _pdf_png(soffice: str, pdftoppm: str, book: Path, work: Path, out: Path) -> None:
    """The first page of ``book`` as LibreOffice prints it, cropped, as ``out``."""
    profile = (work / "lo-profile").as_uri()  # never the user's LibreOffice profile
    _run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(book),
        ],
        "soffice --convert-to pdf",
    )
    page = work / "page"
    pdf = work / f"{book.stem}.pdf"
    _run(
        [
            pdftoppm,
            "-png",
            "-r",
            str(WORKBOOK_DPI),
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(page),
        ],
        "pdftoppm",
    )
    _crop(page.with_suffix(".png"), out)


def _office_tools() -> tuple[str, str]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftoppm = shutil.which("pdftoppm")
    if soffice is None:
        raise Missing("LibreOffice is not installed: apt-get install libreoffice-calc-nogui")
    if pdftoppm is None:
        raise Missing("pdftoppm is not installed: apt-get install poppler-utils")
    return soffice, pdftoppm


def packet_image(out: Path, lang: str = "ja") -> list[Path]:
    """A bureau's packet (its indicators' sheet) as LibreOffice Calc prints it, filled in as
    the example round's bureau fills it: the packet's own A4 landscape page, with the
    read-only columns between the names and the inputs hidden, the schedule sheet removed."""
    from openpyxl import load_workbook

    import fukuoka_dx

    soffice, pdftoppm = _office_tools()
    rounds = browser_helpers().round_helpers()
    plan = fukuoka_dx.load_plan()
    data = fukuoka_dx.packet_workbook(plan, plan.bureau(PACKET_BUREAU), "R7", lang=lang)
    data = rounds.fill_packet(data, rounds.FILLED[PACKET_BUREAU])
    target = out / f"packet-{lang}.png"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        wb = load_workbook(io.BytesIO(data))
        wb.security = None  # the copy may lose its other sheets; the packet keeps its lock
        ws = wb.worksheets[0]
        for sheet in wb.worksheets[1:]:
            wb.remove(sheet)
        for column in PACKET_HIDDEN:
            ws.column_dimensions[column].hidden = True
        ws.print_area = f"A1:{PACKET_LAST_COLUMN}{ws.max_row}"
        ws.oddHeader.center.text = ws.oddFooter.center.text = ""  # type: ignore[union-attr]
        book = work / "packet.xlsx"
        wb.save(book)
        _pdf_png(soffice, pdftoppm, book, work, target)
    return [target]


def tracker_image(out: Path, lang: str = "ja") -> list[Path]:
    """The tracker ``fukuoka-dx collect`` prints for the example round, as a terminal shows
    it (drawn in headless Chromium in a monospace font with Japanese glyphs)."""
    import html

    from fukuoka_dx.cli import main

    helpers = browser_helpers()
    target = out / f"tracker-{lang}.png"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        returns = helpers.round_helpers().example_returns(work / "返却", problem=True)
        stdout = io.StringIO()
        args = ["--lang", lang, "collect", "返却", "-o", "round.json"]
        cwd = Path.cwd()
        try:
            import os

            os.chdir(work)
            stderr = io.StringIO()
            code = main(args, stdout=stdout, stderr=stderr)
        finally:
            os.chdir(cwd)
        if code != 0:
            raise RuntimeError(f"fukuoka-dx {' '.join(args)} failed ({code})")
        del returns
        shown = stdout.getvalue().splitlines()
        missing = next(i for i, line in enumerate(shown) if line.endswith(":") and i > 3)
        shown = [*shown[: missing + 1 + TRACKER_MISSING], "  …"]
        said = f"$ fukuoka-dx collect 返却 -o round.json\n{stderr.getvalue()}"
        text = said + "\n".join(shown) + "\n"
        page = work / "tracker.html"
        page.write_text(
            "<!doctype html><meta charset='utf-8'><style>body{margin:0;background:#1e1e1e}"
            "pre{margin:0;padding:14px 18px;white-space:pre-wrap;color:#e8e8e8;"
            "font:14px/1.45 'Noto Sans Mono CJK JP','Noto Sans Mono',monospace}</style><pre>"
            + html.escape(text)
            + "</pre>",
            "utf-8",
        )
        shot = work / "tracker.png"
        with helpers.chromium(work / "profile", width=1280, height=TRACKER_HEIGHT) as driver:
            helpers.open_report(driver, page)
            if not driver.save_screenshot(str(shot)):
                raise RuntimeError("no screenshot of the tracker")
        _crop_dark(shot, target)
    return [target]


def _crop_dark(png: Path, out: Path) -> None:
    """A screenshot on a dark background cropped to its text, with a margin."""
    from PIL import Image, ImageChops

    with Image.open(png) as page:
        image = page.convert("RGB")
    background = Image.new("RGB", image.size, image.getpixel((2, 2)))
    box = ImageChops.difference(image, background).getbbox()
    if box is None:
        raise RuntimeError(f"{png} is blank")
    right, bottom = box[2], box[3]
    image = image.crop((0, 0, min(image.width, right + 18), min(image.height, bottom + 14)))
    buffer = io.BytesIO()
    image.quantize(PALETTE, dither=Image.Dither.NONE).save(buffer, "PNG", optimize=True)
    out.write_bytes(buffer.getvalue())


MAKERS = {
    "report": report_images,
    "workbook": workbook_image,
    "packet": packet_image,
    "tracker": tracker_image,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("images", nargs="*", help=f"{' or '.join(MAKERS)} (default: all)")
    parser.add_argument("--out", type=Path, default=IMAGES, help=f"default: {IMAGES}")
    args = parser.parse_args(argv)
    if unknown := [name for name in args.images if name not in MAKERS]:
        parser.error(f"no such image set: {', '.join(unknown)} (choose from {', '.join(MAKERS)})")
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    status = 0
    for name in args.images or list(MAKERS):
        try:
            made = MAKERS[name](out)
        except Missing as why:
            print(f"{name}: skipped: {why}", file=sys.stderr)
            status = 1
            continue
        for path in made:
            size = path.stat().st_size
            warning = f" (over {MAX_BYTES:,} bytes)" if size > MAX_BYTES else ""
            shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
            print(f"{shown}: {size:,} bytes{warning}")
            status = status or (1 if warning else 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
