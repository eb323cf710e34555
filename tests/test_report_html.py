"""The one-file HTML report: self-contained, accessible, printable, in both languages, and
no text of the plan or the observations ever becomes markup. Read with the standard
library's HTML parser; ``test_browser.py`` opens it in a real browser."""

from __future__ import annotations

import itertools
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import fukuoka_dx
from fukuoka_dx import Observation, assess, read_observations
from fukuoka_dx.errors import InputProblem, InvalidValueError, MissingExtraError
from fukuoka_dx.model import Plan
from fukuoka_dx.progress import Assessment, Status
from fukuoka_dx.report import html as report
from fukuoka_dx.report.html import STATUS_SYMBOLS, indicator_chart, report_html
from fukuoka_dx.report.labels import STATUS_LABELS
from fukuoka_dx.strategies import plans

ROOT = Path(__file__).resolve().parent.parent
MULTI_YEAR = ROOT / "examples" / "observations-multi-year.csv"
SINGLE = ROOT / "examples" / "observations.csv"
EVIL = '<script>alert("x")</script><img src="//evil.example/x.png">'
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
SVG_SELF_CLOSED = {"circle", "polyline", "polygon", "rect", "line", "path"}


class Page(HTMLParser):
    """What the tests look at in a page: tags with their attributes, headings, tables,
    section ids, the styles and the text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[tuple[int, str]] = []
        self.tables: list[dict[str, int]] = []
        self.sections: list[str] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self._open: list[str] = []
        self._tables: list[dict[str, int]] = []
        self._heading: list[str] | None = None
        self._style: list[str] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        a = dict(attrs_)
        self.tags.append((tag, a))
        if tag in VOID or tag in SVG_SELF_CLOSED:
            return
        self._open.append(tag)
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = []
        elif tag == "table":
            self._tables.append({"th": 0, "th_scoped": 0, "td": 0, "caption": 0})
        elif tag in ("th", "td", "caption") and self._tables:
            self._tables[-1][tag] += 1
            if tag == "th" and a.get("scope") in ("col", "row"):
                self._tables[-1]["th_scoped"] += 1
        elif tag == "section" and a.get("id"):
            self.sections.append(str(a["id"]))
        elif tag == "style":
            self._style = []

    def handle_startendtag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs_)))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or tag in SVG_SELF_CLOSED:
            return
        assert self._open and self._open[-1] == tag, f"</{tag}> closes {self._open[-1:]}"
        self._open.pop()
        if re.fullmatch(r"h[1-6]", tag) and self._heading is not None:
            self.headings.append((int(tag[1]), "".join(self._heading).strip()))
            self._heading = None
        elif tag == "table":
            self.tables.append(self._tables.pop())
        elif tag == "style" and self._style is not None:
            self.styles.append("".join(self._style))
            self._style = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._heading is not None:
            self._heading.append(data)
        if self._style is not None:
            self._style.append(data)

    @property
    def all_text(self) -> str:
        return "".join(self.text)

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag]


def assessed(path: Path, plan: Plan, **kwargs: object) -> Assessment:
    return assess(plan, read_observations(path, plan).observations, **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def ja(plan: Plan) -> str:
    return report_html(assessed(MULTI_YEAR, plan, as_of="2026-03-31"), plan)


@pytest.fixture(scope="module")
def en_assessment(plan: Plan) -> Assessment:
    # as of the end of FY2024: the FY2025 (R7) rows of the example are left out
    return assessed(SINGLE, plan, as_of="2025-03-31", scheme="abcd")


@pytest.fixture(scope="module")
def en(plan: Plan, en_assessment: Assessment) -> str:
    return report_html(en_assessment, plan, lang="en")


FILTER_JS = (ROOT / "src" / "fukuoka_dx" / "report" / "templates" / "filter.js").read_text("utf-8")


def check_self_contained(page: Page, text: str | None = None) -> None:
    """Nothing is fetched: one inline script (the filter, fetching nothing), no stylesheet
    link, no frame or image, no URL that leaves the page; styles import nothing and point
    nowhere."""
    tags = {t for t, _ in page.tags}
    assert not tags & {"link", "iframe", "img", "object", "embed", "video", "audio"}
    scripts = page.named("script")
    assert scripts == [{}], scripts  # no src, no type: the filter, inline
    assert "fetch" not in FILTER_JS and "XMLHttpRequest" not in FILTER_JS and "src" not in FILTER_JS
    if text is not None:
        assert FILTER_JS in text
    for tag, a in page.tags:
        for name, value in a.items():
            if name in ("src", "href", "xlink:href", "action", "srcset", "poster", "data"):
                assert value is not None and value.startswith("#"), (tag, name, value)
            assert not (name.startswith("on")), (tag, name)
            if name == "style" and value:
                assert "url(" not in value
        if tag == "meta":
            assert a.get("http-equiv") is None
    for css in page.styles:
        assert "@import" not in css and "url(" not in css


def check_headings(page: Page) -> None:
    levels = [level for level, _ in page.headings]
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"h{before} then h{after}"
    assert all(text for _, text in page.headings)


def check_tables(page: Page) -> None:
    assert page.tables
    for t in page.tables:
        assert t["th"] > 0 and t["th_scoped"] == t["th"], t
        assert t["caption"] == 1, t


def pillar_sections(page: Page) -> list[str]:
    return [s for s in page.sections if s.startswith("pillar-")]


# -- the document -----------------------------------------------------------------------------


def test_a_whole_document_in_the_chosen_language(ja: str, en: str) -> None:
    assert ja.startswith('<!doctype html>\n<html lang="ja">')
    assert en.startswith('<!doctype html>\n<html lang="en">')
    for text in (ja, en):
        page = Page(text)
        assert len(page.named("style")) == 1
        assert page.named("meta")[0] == {"charset": "utf-8"}


def test_self_contained(ja: str, en: str) -> None:
    for text in (ja, en):
        check_self_contained(Page(text), text)


def test_headings_in_order_and_tables_with_headers(ja: str, en: str) -> None:
    for text in (ja, en):
        page = Page(text)
        check_headings(page)
        check_tables(page)


def test_every_pillar_has_its_section_with_its_promotion_items_and_initiatives(
    ja: str, plan: Plan
) -> None:
    page = Page(ja)
    assert pillar_sections(page) == [f"pillar-{p.id}" for p in plan.pillars]
    assert [s for s in page.sections if s.startswith("item-")] == [
        f"item-{p.id}" for p in plan.promotion_items
    ]
    assert [s for s in page.sections if s.startswith("initiative-")] == [
        f"initiative-{i.id}" for i in plan.initiatives
    ]
    h2 = [t for level, t in page.headings if level == 2]
    for p in plan.pillars:
        assert any(p.title in t for t in h2)
    # every indicator is there: in a table row, or in the compact list of those without data
    text = page.all_text
    assert all(ind.id in text for ind in plan.indicators)


def test_the_header_says_edition_digest_and_as_of(ja: str, en: str, plan: Plan) -> None:
    for text in (ja, en):
        page = Page(text)
        codes = page.named("code")
        assert codes[0] == {"title": plan.digest}
        assert plan.digest[:12] in page.all_text and plan.digest in page.all_text
        assert plan.edition in page.all_text
    assert "2026-03-31 (令和7年度)" in Page(ja).all_text
    assert "2025-03-31 (FY2024 (令和6年度))" in Page(en).all_text
    assert "作成日" in Page(ja).all_text and "made on" in Page(en).all_text


def test_print_friendly(ja: str) -> None:
    css = Page(ja).styles[0]
    assert re.search(r"@page\s*\{\s*size:\s*A4", css)
    assert re.search(r"section\.pillar[^{]*\{\s*break-before:\s*page", css)


def test_status_is_said_in_words_and_a_symbol_not_by_colour_alone(ja: str, en: str) -> None:
    for text, i in ((ja, 0), (en, 1)):
        badges = re.findall(
            r'<span class="badge status-(\w+)"><span class="sym" aria-hidden="true">'
            r"(.+?)</span>(.+?)</span>",
            text,
        )
        assert badges
        for code, symbol, label in badges:
            status = Status(code)
            assert symbol == STATUS_SYMBOLS[status]
            assert label == STATUS_LABELS[status][i]
        # the summary shows every status, by label
        assert {Status(code) for code, _, _ in badges} == set(Status)
    assert len(set(STATUS_SYMBOLS.values())) == len(Status)


def test_both_languages_label_the_statuses_and_keep_the_japanese_names(
    ja: str, en: str, plan: Plan
) -> None:
    ja_text, en_text = Page(ja).all_text, Page(en).all_text
    for status, (label_ja, label_en) in STATUS_LABELS.items():
        assert label_ja in ja_text, status
        assert label_en in en_text, status
    assert "Summary" in en_text and "概要" in ja_text
    for p in plan.pillars:
        assert p.title in en_text and p.title_en in en_text
    assert plan.title in en_text
    assert plan.initiative("1-1-3").title in en_text


def _article(text: str, indicator_id: str) -> str:
    found = re.search(
        rf'<article class="indicator" id="indicator-{re.escape(indicator_id)}".*?</article>',
        text,
        re.S,
    )
    assert found, indicator_id
    return found.group(0)


def test_an_indicator_carries_its_figures_targets_result_and_sources(ja: str, en: str) -> None:
    article = _article(ja, "1-1-3.1")
    cells = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article))
    for expected in (
        "現状値 令和4年度",
        "5,739 件",
        "(R4.12月末時点)",
        "10,000 件",
        "15,000 件",
        "19,200 件",
        "中間目標 令和6年度",
        "20,000 件",
        "最終目標 令和8年度",
        "25,000 件",
        "69.9%",
        "75.0%",
        "やや遅れ",
        "4,538.3 件",
        "令和8年度に 23,830.5 件",
        "5,800 件",
        "見込みなし",
        "出典 ILLUSTRATIVE",
        "illustrative figure - not a real result",
        "例示(実績ではない)",
    ):
        assert expected in cells, expected
    assert 'data-status="needs_acceleration"' in article and 'data-bureau="市民局"' in article
    # the target judged against is marked; a reason is shown where the rules give one
    assert '<td data-label="最終目標 令和8年度" class="judged">' in article
    ceiling = _article(ja, "4-17-2.3")
    assert "上限・下限の目標: 達成か否かのみ(達成率なし)" in ceiling  # in Japanese
    # the grade only with a scheme other than the statuses
    assert "<dt>grade</dt>" in en and "<dt>評価</dt>" not in ja


def test_indicators_without_data_are_listed_compactly(ja: str, plan: Plan) -> None:
    articles = re.findall(r'<article class="indicator" id="indicator-([^"]+)"', ja)
    assert articles == ["1-1-3.1", "1-3-5.1", "1-15.1", "2-3-2.1", "4-17-2.3"]
    rows = re.findall(r'<tr id="indicator-([^"]+)" class="nodata"', ja)
    assert len(rows) == len(plan.indicators) - 5
    assert set(rows) | set(articles) == {i.id for i in plan.indicators}
    assert "指標は今後設定" in ja  # an initiative whose indicators are to be set


def test_the_chart_draws_baseline_observations_target_and_projection(ja: str) -> None:
    article = _article(ja, "1-1-3.1")
    svg = Page(re.search(r"<svg class=\"mini\".*?</svg>", article, re.S).group(0))  # type: ignore[union-attr]
    (root,) = svg.named("svg")
    assert root["role"] == "img"
    label = root["aria-label"] or ""
    for said in (
        "現状値 5,739 件 (令和4年度)",
        "10,000 件 (令和5年度)",
        "目標 25,000 件 (令和8年度)",
        "令和8年度の見込み 23,830.5 件",
    ):
        assert said in label
    circles = svg.named("circle")
    assert len(circles) == 4
    assert [c["fill"] for c in circles].count("#ffffff") == 1  # the baseline is hollow
    assert len(svg.named("polygon")) == 1  # the target's star
    # the fiscal years labelled on the axis, one tick a year; the target's level, the projection
    assert re.findall(r'text-anchor="middle">(R\d)</text>', article) == [
        "R4",
        "R5",
        "R6",
        "R7",
        "R8",
    ]
    assert 'stroke="#b2182b"' in article and 'stroke-dasharray="5 3"' in article
    number = re.compile(r"-?\d+(\.\d+)?")
    for tag, a in svg.tags:
        for name in ("cx", "cy", "x", "y", "x1", "y1"):
            if name in a:
                assert number.fullmatch(a[name] or ""), (tag, name, a[name])
        for name in ("points", "viewBox"):
            if name in a:
                assert re.fullmatch(r"[-\d., ]+", a[name] or ""), (tag, name, a[name])


def test_a_chart_needs_a_point(plan: Plan) -> None:
    a = assess(plan, [], as_of="2025-06-30")
    t = a.result("1-1-3.1").trajectory
    assert t is not None
    one = indicator_chart(t, plan, "en")  # the baseline alone, and the target
    assert one is not None and len(one.marks) == 1 and one.star and one.target_line
    assert [tick.text for tick in one.x_ticks] == ["FY22", "FY23", "FY24", "FY25", "FY26"]
    assert indicator_chart(attrs.evolve(t, points=()), plan, "en") is None


def test_a_chart_per_pillar_with_a_title_and_a_table_equivalent(en: str, plan: Plan) -> None:
    page = Page(en)
    charts = [a for a in page.named("svg") if (a.get("aria-labelledby") or "").startswith("chart")]
    assert [a["aria-labelledby"] for a in charts] == [f"chart-{p.id}-title" for p in plan.pillars]
    titles = re.findall(r'<title id="chart-(\d)-title">(.*?)</title>', en)
    assert [n for n, _ in titles] == [p.id for p in plan.pillars]
    assert re.match(
        r"Indicators of pillar 1 DX in daily life: achieved \d+, on track \d+, needs acc",
        titles[0][1],
    )
    table = re.search(r'<table class="counts stack" id="by-pillar">(.*?)</table>', en, re.S)
    assert table
    assert table.group(1).count('<th scope="row">') == len(plan.pillars) + 1


def test_observations_left_out_are_listed_with_why(
    plan: Plan, en_assessment: Assessment, en: str
) -> None:
    assert en_assessment.excluded
    section = re.search(r'<section id="left-out".*?</section>', en, re.S)
    assert section
    body = section.group(0)
    said = Page(body).all_text
    for e in en_assessment.excluded:
        assert f'<th scope="row" class="id">{e.observation.indicator_id}</th>' in body
        assert str(e.reason) in said
    assert "Rows that could not be read (0)" in body
    problem = InputProblem("obs.csv, line 9", "value", "<b>12</b>", "not a figure")
    text = report_html(en_assessment, plan, lang="en", observations_left_out=[problem])
    assert "Rows that could not be read (1)" in text
    assert "&lt;b&gt;12&lt;/b&gt;" in text and "<b>" not in text
    assert "obs.csv, line 9" in text


def test_nothing_left_out_is_said(ja: str) -> None:
    section = re.search(r'<section id="left-out".*?</section>', ja, re.S)
    assert section and section.group(0).count("なし") == 2


# -- data never becomes markup ----------------------------------------------------------------


def evil_plan(plan: Plan) -> Plan:
    """The plan with markup in an indicator's name, a pillar's and an initiative's title."""
    ini = plan.initiative("1-1-3")
    ind = attrs.evolve(ini.indicators[0], name=f"{EVIL} 件数", unit="<i>件</i>")
    ini = attrs.evolve(ini, title=f"</h4>{EVIL}", indicators=(ind,))
    initiatives = tuple(ini if i.id == ini.id else i for i in plan.initiatives)
    pillars = tuple(
        attrs.evolve(p, title=f"</title>{EVIL}") if p.id == "1" else p for p in plan.pillars
    )
    return attrs.evolve(plan, initiatives=initiatives, pillars=pillars, title=f"{EVIL}計画")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_plan_text_never_becomes_markup(plan: Plan, lang: str) -> None:
    bad = evil_plan(plan)
    obs = [Observation("1-1-3.1", 2023, 10000), Observation("1-1-3.1", 2024, 15000)]
    text = report_html(assess(bad, obs, as_of="2025-06-30"), bad, lang=lang)
    page = Page(text)
    assert not page.named("img")
    check_self_contained(page, text)
    check_headings(page)
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in text
    assert EVIL in page.all_text  # shown as text, as given
    # the pillar's title is escaped inside the chart's <title> too
    assert '<title id="chart-1-title">' in text
    assert "&lt;/title&gt;" in text
    assert "<i>" not in text


@given(plans(), st.sampled_from(["ja", "en"]))
def test_any_plan_renders_with_its_pillars_in_order(plan: Plan, lang: str) -> None:
    marked = attrs.evolve(
        plan,
        pillars=tuple(attrs.evolve(p, title=f"{p.title}<b>&amp;") for p in plan.pillars),
    )
    a = assess(marked, [], as_of=marked.first_year.start)
    page = Page(report_html(a, marked, lang=lang))
    assert pillar_sections(page) == [f"pillar-{p.id}" for p in marked.pillars]
    assert not page.named("b")
    check_self_contained(page)
    check_headings(page)
    check_tables(page)


# -- use --------------------------------------------------------------------------------------


def test_the_assessment_must_be_of_the_plan(plan: Plan, en_assessment: Assessment) -> None:
    other = attrs.evolve(plan, title="別の計画")
    with pytest.raises(InvalidValueError, match="not of this plan"):
        report_html(en_assessment, other)
    with pytest.raises(InvalidValueError, match="unknown language"):
        report_html(en_assessment, plan, lang="fr")


def test_without_jinja2_the_error_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, plan: Plan, en_assessment: Assessment
) -> None:
    report._environment.cache_clear()
    monkeypatch.setitem(sys.modules, "jinja2", None)
    try:
        with pytest.raises(MissingExtraError, match=r"pip install 'fukuoka-dx\[report\]'"):
            report_html(en_assessment, plan)
    finally:
        report._environment.cache_clear()


def test_the_templates_are_package_data() -> None:
    from importlib.resources import files

    folder = files("fukuoka_dx.report") / "templates"
    names = {p.name for p in folder.iterdir()}
    assert {"report.html", "report.css", "macros.html", "filter.js"} <= names


def test_the_version_is_in_the_footer(ja: str, en: str) -> None:
    assert f"fukuoka-dx {fukuoka_dx.__version__} で作成" in ja
    assert f"Generated by fukuoka-dx {fukuoka_dx.__version__}" in en


def _luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_status_text_reads_on_its_fill_and_matches_the_charts() -> None:
    from fukuoka_dx.report.chart import STATUS_FILLS

    assert set(report.STATUS_COLOURS) == set(Status) == set(STATUS_FILLS)
    for status, (fill, ink) in report.STATUS_COLOURS.items():
        assert fill == STATUS_FILLS[status]
        light, dark = sorted((_luminance(fill), _luminance(ink)), reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 4.5, status
