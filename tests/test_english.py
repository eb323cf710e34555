"""The plan in English: an unofficial translation of every name people read."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from fukuoka_dx import Plan, load_plan
from fukuoka_dx.cli import main
from fukuoka_dx.report.export import table_rows

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = json.loads((ROOT / "datasrc" / "glossary.json").read_text("utf-8"))
ENGLISH = json.loads((ROOT / "datasrc" / "2023-09" / "english.json").read_text("utf-8"))
OFFICIAL_NAMES = json.loads((ROOT / "datasrc" / "official-names.json").read_text("utf-8"))
# kana, kanji and full-width forms: none may stand in English text outside parentheses
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef々〆〜・]")


def english_strings(plan: Plan) -> list[tuple[str, str, str]]:
    """(where, Japanese, English) for every translated name of the plan."""
    out = [(f"promotion item {p.id}", p.title, p.title_en or "") for p in plan.promotion_items]
    out += [(f"initiative {i.id}", i.title, i.title_en or "") for i in plan.initiatives]
    out += [(f"indicator {i.id}", i.name, i.name_en or "") for i in plan.indicators]
    out += [(f"unit of {i.id}", i.unit, i.unit_en or "") for i in plan.indicators if i.unit]
    return out


def outside_parentheses(text: str) -> str:
    while True:
        stripped = re.sub(r"\([^()]*\)", "", text)
        if stripped == text:
            return text
        text = stripped


def test_every_name_has_an_english_translation(plan: Plan) -> None:
    strings = english_strings(plan)
    assert len(strings) == 54 + 160 + 160 + sum(1 for i in plan.indicators if i.unit)
    empty = [where for where, _, en in strings if not en.strip()]
    assert not empty
    assert plan.translation_note and "unofficial" in plan.translation_note.lower()


def test_english_holds_no_japanese_outside_a_proper_name_in_parentheses(plan: Plan) -> None:
    bad = [
        (where, en)
        for where, _, en in english_strings(plan)
        if JAPANESE.search(outside_parentheses(en))
    ]
    assert not bad


def test_one_english_term_per_glossary_term(plan: Plan) -> None:
    terms = [entry["ja"] for entry in GLOSSARY]
    assert len(terms) == len(set(terms)), "a Japanese term is in the glossary twice"
    for entry in GLOSSARY:
        # the forms of one English word (use, using): the first is the glossary's term
        assert set(entry) <= {"ja", "en", "forms"}, entry
        assert entry.get("forms", [entry["en"]])[0] == entry["en"], entry
    misses = [
        (where, entry["ja"], entry["en"])
        for entry in GLOSSARY
        for where, ja, en in english_strings(plan)
        if entry["ja"] in ja
        and not any(form.lower() in en.lower() for form in entry.get("forms", [entry["en"]]))
    ]
    assert not misses, misses[:10]


def test_etc_is_rendered_one_way(plan: Plan) -> None:
    with_etc = [(w, en) for w, ja, en in english_strings(plan) if "等" in ja]
    assert len(with_etc) >= 30
    assert [w for w, en in with_etc if "and other" not in en] == []
    for word in ("and the like", "and similar", "and related", "and more"):
        assert not [w for w, _, en in english_strings(plan) if word in en], word


def test_official_names_are_used_as_their_owners_write_them(plan: Plan) -> None:
    assert OFFICIAL_NAMES
    for entry in OFFICIAL_NAMES:
        assert set(entry) == {"ja", "en", "owner", "source", "note"}, entry
        assert all(isinstance(v, str) and v.strip() for v in entry.values()), entry
        assert "http" in entry["source"], f"{entry['ja']}: the source names no address"
        used = [(w, en) for w, ja, en in english_strings(plan) if entry["ja"] in ja]
        assert used, f"{entry['ja']} is not in the plan"
        assert [w for w, en in used if entry["en"] not in en] == [], entry["ja"]
        glossary = [g for g in GLOSSARY if g["ja"] == entry["ja"]]
        assert [g["en"] for g in glossary] == [entry["en"]], entry["ja"]


def test_an_indicator_names_its_unit_in_english_as_its_unit_says(plan: Plan) -> None:
    """The English name ends its unit's parentheses as ``unit_en`` says: the name and the
    unit column never disagree (a name counting downloads is not in "(cases)")."""
    bad = []
    for ind in plan.indicators:
        if ind.unit is None:
            assert ind.unit_en is None, ind.id
            continue
        in_parentheses = f"({ind.unit})" in ind.name or f"（{ind.unit}）" in ind.name
        if in_parentheses and f"({ind.unit_en})" not in (ind.name_en or ""):
            bad.append((ind.id, ind.unit_en, ind.name_en))
    assert not bad, bad[:10]


def test_units_are_translated_for_each_indicator_where_one_word_reads_wrongly(
    plan: Plan,
) -> None:
    units = {i.id: i.unit_en for i in plan.indicators}
    assert units["2-3-5.1"] == "photographs"  # 枚, sheets elsewhere (4-9.1)
    assert units["4-9.1"] == "sheets"
    assert units["2-5-2.1"] == "downloads"  # 件
    assert units["1-13-2.1"] == "page views"
    assert units["4-2-1.1"] == "cases"  # the usual English of 件 where it fits
    overrides = {k for k, v in ENGLISH["indicators"].items() if "unit_en" in v}
    usual = ENGLISH["units"]
    assert [k for k in overrides if units[k] == usual[plan.indicator(k).unit or ""]] == []


def test_the_english_stands_beside_the_japanese_it_translates(plan: Plan) -> None:
    for key, items, attr in (
        ("promotion_items", plan.promotion_items, "title"),
        ("initiatives", plan.initiatives, "title"),
        ("indicators", plan.indicators, "name"),
    ):
        for item in items:
            assert ENGLISH[key][item.id]["ja"] == getattr(item, attr)


def test_exports_append_the_english_columns(plan: Plan) -> None:
    columns, rows = table_rows(plan, "initiatives")
    assert columns[-1] == "title_en" and rows[0]["title_en"]
    columns, rows = table_rows(plan, "indicators")
    assert columns[-2:] == ("name_en", "unit_en")


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_show_and_search_in_english() -> None:
    code, out, _ = cli("show", "1-1-3", "--lang", "en")
    plan = load_plan()
    ini = plan.initiative("1-1-3")
    assert code == 0 and out.startswith(f"1-1-3  {ini.title_en}\n  {ini.title}\n")
    code, out, _ = cli("search", "moving", "--lang", "en")
    assert code == 0 and "1-1-3" in out and "initiative(s) match 'moving'" in out


@pytest.mark.parametrize("command", [["summary"], ["schedule", "--fy", "R7"]])
def test_other_screens_in_english(command: list[str]) -> None:
    code, out, _ = cli(*command, "--lang", "en")
    assert (code == 0 and "DX in daily life" in out) or "Online service" in out or code == 0
