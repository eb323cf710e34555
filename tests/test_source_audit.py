"""Source audit: the packaged plan against the source text it was read from.

The source text ships in the repository (``datasrc/2023-09/source.txt``; ``FUKUOKA_DX_SEED``
names another copy). Were it absent, the audit would be reported as skipped, with the path it
looked for.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import cache

import pytest

from fukuoka_dx.model import Initiative, Plan, TargetColumn

from ._datasrc import blocks
from .conftest import seed_path

SEED = seed_path()
pytestmark = pytest.mark.skipif(
    not SEED.is_file(), reason=f"source audit skipped: no seed text at {SEED}"
)

TOC_LINES = 186
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")
# header words of the indicator table and era dates, which are not figures of the plan
_NOT_FIGURES = re.compile(
    r"(?:現状値|中間目標|最終目標)\s*\(\s*\d+年度\s*\)|[RH]\d+\s*年度|[RH]\d+\.\d+\s*月?|"
    r"\d+年度|令和\d+年|\d+月"
)


@cache
def seed_lines() -> tuple[str, ...]:
    return tuple(SEED.read_text("utf-8").splitlines())


def squash(text: str) -> str:
    """Text for comparison: NFKC, no whitespace, no HTML tags."""
    text = re.sub(r"</?[a-zA-Z][^>]*>", "", text)
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def block_text(ini_id: str) -> str:
    start, end = blocks()[ini_id]["source_lines"]
    return "\n".join(seed_lines()[start - 1 : end])


def figures(text: str) -> list[str]:
    """The figures in a text, as written (commas removed), leaving out headers and dates."""
    cleaned = _NOT_FIGURES.sub(" ", unicodedata.normalize("NFKC", text))
    return [f.replace(",", "") for f in _FIGURE.findall(cleaned)]


def indicator_table(ini_id: str) -> str | None:
    """The block's 指標 table: from its heading line (a cell reading 指標) to the block's end."""
    start, end = blocks()[ini_id]["source_lines"]
    lines = seed_lines()[start - 1 : end]
    for n, line in enumerate(lines):
        if "指標" in [c.strip() for c in line.split("\t")]:
            return "\n".join(lines[n + 1 :])
    return None


def unrepaired(ini: Initiative, field: str, text: str) -> str:
    """The text as the extraction has it, for a field the dataset repaired."""
    for r in ini.repairs:
        if r.field == field:
            text = text.replace(r.repaired, r.extracted)
    return text


def indicator_texts(ini: Initiative) -> list[str]:
    out = []
    for ind in ini.indicators:
        out.append(ind.name)
        out += [ind.cell(c).text for c in TargetColumn]
    return out


def test_every_initiative_has_a_block(plan: Plan) -> None:
    assert sorted(blocks()) == sorted(i.id for i in plan.initiatives)
    spans = sorted(tuple(b["source_lines"]) for b in blocks().values())
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end < start, "blocks overlap"


def test_titles_and_pages_agree_with_the_table_of_contents(plan: Plan) -> None:
    toc = [squash(line) for line in seed_lines()[:TOC_LINES]]
    joined = "\n".join(toc)
    for ini in plan.initiatives:
        toc_title = ini.title
        for r in ini.repairs:
            if r.field == "title" and squash(r.extracted) in joined:
                toc_title = r.extracted  # the table of contents shares the damage (理設)
        title = squash(toc_title)
        assert title in joined, f"{ini.id} title not in the table of contents"
        pages = toc_pages(title)
        assert not pages or ini.page in pages, (ini.id, ini.page, pages)
    for item in plan.promotion_items:
        assert f"{item.id}.{squash(item.title)}" in joined, item.id
        pages = toc_pages(squash(item.title))
        assert not pages or item.page in pages, (item.id, item.page, pages)


def toc_cells() -> list[list[str]]:
    return [line.split("\t") for line in seed_lines()[:TOC_LINES]]


def toc_pages(title: str) -> set[int]:
    """The page numbers printed right after a title in the table of contents."""
    pages = set()
    for cells in toc_cells():
        for cell, nxt in itertools.pairwise(cells):
            if squash(cell).endswith(title) and nxt.strip().isdigit():
                pages.add(int(nxt))
    return pages


def test_counts_agree_with_the_table_of_contents(plan: Plan) -> None:
    toc = "\n".join(seed_lines()[:TOC_LINES])
    circled = re.findall(r"[①-⑳]", toc)
    sub_items = [i for i in plan.initiatives if not i.is_own_block]
    assert len(circled) == len(sub_items)
    headings = []
    for cells in toc_cells():
        for i, cell in enumerate(cells):
            if m := re.match(r"^\s*(\d-\d+)\.", cell):
                nxt = cells[i + 1].strip() if i + 1 < len(cells) else ""
                headings.append((m.group(1), nxt.isdigit()))
    assert len({h for h, _ in headings}) == len(plan.promotion_items)
    with_page = {h for h, page in headings if page}
    assert with_page == {p.id for p in plan.promotion_items if p.own_block}


def test_texts_occur_in_their_block(plan: Plan) -> None:
    problems = []
    for ini in plan.initiatives:
        block = squash(block_text(ini.id))
        texts = [("description", t) for t in ini.description]
        texts += [("notes", t) for t in ini.notes]
        texts += [("bureau", ini.bureau.name_ja.replace("区役所(", "").rstrip(")"))]
        texts += [("schedule", c.text) for row in ini.schedule.rows for c in row.cells]
        texts += [("indicator", t) for t in indicator_texts(ini)]
        for field, text in texts:
            if text and squash(unrepaired(ini, field, text)) not in block:
                problems.append(f"{ini.id} {field}: {text!r}")
    assert not problems, "\n".join(problems)


def test_every_dataset_figure_occurs_in_its_block(plan: Plan) -> None:
    problems = []
    for ini in plan.initiatives:
        source = set(figures(block_text(ini.id)))
        for text in indicator_texts(ini):
            for f in figures(text):
                if f not in source:
                    problems.append(f"{ini.id}: {f} ({text!r}) is not in the source block")
    assert not problems, "\n".join(problems)


def test_every_indicator_table_figure_is_used(plan: Plan) -> None:
    problems = []
    for ini in plan.initiatives:
        table = indicator_table(ini.id)
        if table is None:
            assert not ini.indicators, f"{ini.id} has indicators but no 指標 table"
            continue
        used = set()
        for text in [*indicator_texts(ini), ini.indicator_note or ""]:
            used.update(figures(text))
        for f in figures(table):
            if f not in used:
                problems.append(f"{ini.id}: figure {f} of the indicator table is not used")
    assert not problems, "\n".join(problems)


def test_missing_cells_are_really_missing(plan: Plan) -> None:
    for ind in plan.indicators:
        for column, note in ind.missing_notes:
            header = {"baseline": "現状値", "midterm": "中間目標", "final": "最終目標"}[column]
            table = indicator_table(ind.initiative_id)
            assert table is not None and header not in table, f"{ind.id}: {header}; {note}"


def test_every_repair_names_the_line_that_holds_its_damage(plan: Plan) -> None:
    records = [(f"promotion item {p.id}", None, r) for p in plan.promotion_items for r in p.repairs]
    records += [(f"initiative {i.id}", i.id, r) for i in plan.initiatives for r in i.repairs]
    assert len(records) >= 15
    problems = []
    for where, ini_id, r in records:
        line = seed_lines()[r.line - 1]
        if r.field == "section_number":
            ok = line.startswith(f"{r.extracted}\t")  # the heading's first cell
        else:
            ok = r.extracted in line
        if ini_id is not None:
            start, end = blocks()[ini_id]["source_lines"]
            ok = ok and start <= r.line <= end
        if not ok:
            problems.append(f"{where}: line {r.line} does not hold {r.extracted!r}")
    assert not problems, "\n".join(problems)


def test_every_ambiguity_cites_its_line_of_its_block(plan: Plan) -> None:
    records = [(i, a) for i in plan.initiatives for a in i.ambiguities]
    assert len(records) >= 10
    problems = []
    for ini, a in records:
        start, end = blocks()[ini.id]["source_lines"]
        if not (start <= a.line <= end and a.cited in seed_lines()[a.line - 1]):
            problems.append(f"{ini.id}: line {a.line} of its block does not hold {a.cited!r}")
        if a.reading == a.alternative:
            problems.append(f"{ini.id}: line {a.line}: the alternative is the reading")
    assert not problems, "\n".join(problems)


def test_a_schedule_row_has_a_note_where_an_ambiguity_is_about_it(plan: Plan) -> None:
    for ini in plan.initiatives:
        about = {a.row for a in ini.ambiguities if a.field.value == "schedule"}
        noted = {n for n, row in enumerate(ini.schedule.rows, 1) if row.note}
        assert about == noted, ini.id


def test_a_schedule_ambiguity_cites_a_cell_of_its_row(plan: Plan) -> None:
    for ini in plan.initiatives:
        for a in ini.ambiguities:
            if a.field.value == "schedule":
                assert a.row is not None
                texts = [squash(c.text) for c in ini.schedule.rows[a.row - 1].cells]
                assert any(squash(a.cited) in t or t in squash(a.cited) for t in texts if t), (
                    ini.id,
                    a.row,
                )
