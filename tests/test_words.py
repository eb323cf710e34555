"""The one catalogue of words: every key in both languages with the same parameters, and no
English sentence in any Japanese output of a command or a report."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fukuoka_dx import FiscalYear, load_plan
from fukuoka_dx.cli import main
from fukuoka_dx.progress import Reason, ReasonCode
from fukuoka_dx.words import CATALOGUE, Lang, fiscal_year_label, placeholders, say

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
PLAN = load_plan()

_KANA_OR_KANJI = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def test_every_key_has_both_languages_with_the_same_parameters() -> None:
    for key, (ja, en) in CATALOGUE.items():
        assert ja.strip() and en.strip(), key
        assert placeholders(ja) == placeholders(en), key


def test_japanese_words_are_japanese() -> None:
    # every Japanese text with letters holds Japanese, unless it is the same code in both
    for key, (ja, en) in CATALOGUE.items():
        letters = re.sub(r"\{[^}]*\}", "", ja)
        if re.search(r"[A-Za-z]{3,}", letters) and ja != en:
            assert _KANA_OR_KANJI.search(letters), key


def test_every_reason_code_has_its_words() -> None:
    for code in ReasonCode:
        assert code.key in CATALOGUE


@given(st.integers(1989, 2100), st.sampled_from(list(Lang)), st.booleans())
def test_one_fiscal_year_formatter(year: int, lang: Lang, both: bool) -> None:
    fy = FiscalYear(year)
    text = fiscal_year_label(fy, lang, both=both)
    assert (fy.label_ja in text) == (lang is Lang.JA or both)
    assert (str(fy) in text) == (lang is Lang.EN or both)
    assert say("reason.latest_in_target_year", lang, target_fy=fy).count(fy.label_ja) == 1


def test_reasons_are_data_worded_by_the_catalogue() -> None:
    r = Reason.of(ReasonCode.PART_MISSING, part="対面")
    assert r.text("ja") == "区分「対面」の実績がない" and str(r) == "no observed part 対面"
    with pytest.raises(ValueError, match="takes"):
        Reason.of(ReasonCode.PART_MISSING)  # a parameter its words need is missing


# -- no English sentence in Japanese output ------------------------------------------------

#: Three English words or more in a row: a sentence (or a phrase) of ours in English.
_ENGLISH = re.compile(r"[A-Za-z]{2,}(?:[ ,;:'()]+[A-Za-z]{2,}){2,}")
_COMMAND = re.compile(r"fukuoka-dx(?: [\w.-]+)*|--[\w-]+|https?://\S+")


def _plan_text() -> str:
    """Every text of the plan itself (its own English-looking words are data, not ours)."""
    import json

    from fukuoka_dx.serialization import unstructure

    return json.dumps(unstructure(PLAN), ensure_ascii=False)


def _observation_text() -> str:
    """The sources and notes of the example observations: what the user wrote (in English
    there) is shown as written, not ours to translate."""
    import csv

    said = []
    for path in EXAMPLES.glob("*.csv"):
        with path.open(encoding="utf-8") as f:
            said += [f"{r['source']}\n{r['note']}" for r in csv.DictReader(f)]
    return "\n".join(said)


PLAN_TEXT = _plan_text() + "\n" + _observation_text()


def english_sentences(text: str) -> list[str]:
    found = []
    for line in text.splitlines():
        line = _COMMAND.sub(" ", line)
        for m in _ENGLISH.finditer(line):
            if m.group(0) not in PLAN_TEXT:
                found.append(m.group(0))
    return found


def _visible(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", "\n", html)


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), stdout=out, stderr=err), out.getvalue(), err.getvalue()


MULTI = str(EXAMPLES / "observations-multi-year.csv")
SINGLE = str(EXAMPLES / "observations.csv")
JA_RUNS = [
    ["summary", "--as-of", "2026-12-03"],
    ["summary", "--as-of", "2026-12-03", "--bureaus", "--kinds", "--activities"],
    *(["show", str(p)] for p in range(1, 6)),
    ["show", "1-1-3.1"],
    *(["show", item.id] for item in PLAN.promotion_items),  # every initiative, in full
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
        for i in ("1-1-3.1", "5-7.1", "1-1-1.1", "1-15.1")
    ),
    ["trend", SINGLE, "1-1-3.1", "--as-of", "2026-03-31"],
    ["progress", MULTI, "--as-of", "2025-03-31"],  # later figures are left out, with why
]


@pytest.mark.parametrize("args", JA_RUNS, ids=lambda a: " ".join(a)[:60])
def test_no_english_sentence_in_japanese_screens(args: list[str]) -> None:
    code, out, err = _cli(*args, "--lang", "ja")
    assert code == 0, err
    assert english_sentences(out) == [] and english_sentences(err) == []


def test_no_english_sentence_in_the_japanese_report_and_workbooks(tmp_path: Path) -> None:
    pytest.importorskip("jinja2")
    pytest.importorskip("openpyxl")
    for as_of in ("2026-03-31", "2025-03-31"):
        for scheme, more in (("standard", ()), ("abcd", ()), ("baseline", ("--per-initiative",))):
            code, out, err = _cli(
                "report", MULTI, "--as-of", as_of, "--scheme", scheme, *more, "--lang", "ja"
            )
            assert code == 0, err
            assert english_sentences(_visible(out)) == [] and english_sentences(err) == []
    for args in (
        ["progress", MULTI, "--as-of", "2025-03-31", "--format", "xlsx"],
        ["template", "--fy", "R7", "--format", "xlsx"],
    ):
        path = tmp_path / f"{args[0]}.xlsx"
        code, _, err = _cli(*args, "-o", str(path), "--lang", "ja")
        assert code == 0, err
        with zipfile.ZipFile(path) as z:
            xml = " ".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
        strings = re.findall(r"<t[^>]*>([^<]*)</t>|(?:prompt|error)=\"([^\"]*)\"", xml)
        said = "\n".join(a or b for a, b in strings)
        assert english_sentences(said) == []


def test_the_detector_finds_english() -> None:
    assert english_sentences("1 point(s): a pace needs two fiscal years or more")
    assert not english_sentences("令和7年度 (FY2025) 順調 fukuoka-dx summary --activities")


def test_no_english_sentence_in_the_japanese_outputs_of_a_round(tmp_path: Path) -> None:
    pytest.importorskip("jinja2")
    from ._rounds import example_returns

    returns = example_returns(tmp_path / "返却")
    path = tmp_path / "round.json"
    runs = [
        ["collect", str(returns), "-o", str(path)],
        ["progress", str(path)],
        ["progress", str(path), "--all"],
        *(["progress", str(path), "--by", by] for by in ("pillar", "promotion-item", "bureau")),
        ["packets", "--fy", "R7", "-o", str(tmp_path / "packets")],
        ["packets", "--fy", "R7", "-o", str(tmp_path / "again"), "--previous", str(path)],
    ]
    for args in runs:
        code, out, err = _cli(*args, "--lang", "ja")
        assert code == 0, err
        assert english_sentences(out) == [] and english_sentences(err) == [], args
    code, out, err = _cli("report", str(path), "--lang", "ja")
    assert code == 0, err
    assert english_sentences(_visible(out)) == []
    results = tmp_path / "results.xlsx"
    code, _, err = _cli("progress", str(path), "--format", "xlsx", "-o", str(results), "--lang=ja")
    assert code == 0, err
    for book in (results, tmp_path / "packets" / "市民局.xlsx"):
        with zipfile.ZipFile(book) as z:
            xml = " ".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
        strings = re.findall(r"<t[^>]*>([^<]*)</t>|(?:prompt|error)=\"([^\"]*)\"", xml)
        assert english_sentences("\n".join(a or b for a, b in strings)) == [], book
