"""Observations you can trust: every way in is checked the same, and nothing is misread.

Examples for each way the previous reader went wrong (each failed on the earlier code), and
the properties: every supported file form reads back exactly; a corrupted file either reads
the same or names the corrupted row; Python objects and files give the same assessment.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
import unicodedata
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fukuoka_dx
from fukuoka_dx import (
    Figure,
    FiscalYear,
    Observation,
    ObservationsError,
    assess,
    evaluate,
    load_plan,
    parse_observations_csv,
    read_observations,
    to_json,
)
from fukuoka_dx.cli import main
from fukuoka_dx.model import TargetColumn
from fukuoka_dx.observations import COUNT_UNITS, write_observations_csv
from fukuoka_dx.observations.values import read_value

HEADER = "indicator_id,fiscal_year,value,as_of,source,note\n"
PLAN = load_plan()


def cli(*args: str) -> tuple[int, str, str]:
    import io

    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def write(tmp: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp / name
    path.write_bytes(text.encode(encoding))
    return path


# -- the first list of the issue, one example each -------------------------------------------


def test_an_unquoted_thousands_separator_is_an_error_with_a_hint(tmp_path: Path) -> None:
    path = write(tmp_path, "o.csv", "indicator_id,fiscal_year,value\n1-1-3.1,R7,1,234\n")
    code, out, err = cli("progress", str(path), "--as-of", "2026-03-31")
    assert code == 2 and out == ""
    assert f"{path}, line 2, column value ('1,234')" in err
    assert 'must be quoted ("1,234") or written without it (1234)' in err


def test_an_unclosed_quote_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "o.csv", 'indicator_id,fiscal_year,value\n1-1-3.1,R7,"21000\n')
    code, _, err = cli("progress", str(path))
    assert code == 2 and "line 2: a quoted value is not closed" in err


def test_a_row_of_the_wrong_length_is_an_error() -> None:
    with pytest.raises(ObservationsError, match=r"line 2, column value .*2 fields for 3"):
        parse_observations_csv("indicator_id,fiscal_year,value\n1-1-3.1,R7\n", PLAN)


def test_observations_outside_the_plan_are_errors(tmp_path: Path) -> None:
    path = write(tmp_path, "o.csv", "indicator_id,fiscal_year,value\n1-1-3.1,R9,1\n1-1.1,R99,5\n")
    code, _, err = cli("progress", str(path))
    assert code == 2
    assert "line 2, column fiscal_year ('R9'): 令和9年度 (FY2027) is outside the plan" in err
    assert "line 3, column fiscal_year ('R99')" in err
    assert cli("progress", "--template", "--fy", "R9")[0] == 2


def test_observations_after_the_as_of_date_are_listed_not_dropped(tmp_path: Path) -> None:
    text = (
        "indicator_id,fiscal_year,value,as_of\n"
        "1-1-3.1,R7,21000,2026-05-01\n"  # dated after --as-of
        "1-1.1,R8,60,\n"  # a fiscal year after --as-of's
        "1-1-3.1,R6,15000,\n"
    )
    path = write(tmp_path, "o.csv", text)
    code, out, err = cli("progress", str(path), "--as-of", "2026-03-31")
    assert code == 0
    assert "left out 1-1-3.1 令和7年度 (21000): its as-of date 2026-05-01 is after" in err
    assert "left out 1-1.1 令和8年度 (60): its fiscal year 令和8年度 (FY2026) is after" in err
    code, out, _ = cli("progress", str(path), "--as-of", "2026-03-31", "--format", "json")
    excluded = json.loads(out)["excluded"]
    assert [e["observation"]["indicator_id"] for e in excluded] == ["1-1-3.1", "1-1.1"]


def test_python_objects_are_checked_like_files() -> None:
    day = dt.date(2026, 3, 31)
    plain = assess(PLAN, [Observation("1-1-3.1", "R7", 18500)], as_of=day).result("1-1-3.1")
    assert plain.observation is not None and plain.observation.value == Figure(18500)
    assert plain.status.value != "not_assessable"
    cases = [
        (Observation("1-1.1", "R7", Figure(120)), "1-1.1 is a percentage: expected 0 to 100"),
        (Observation("1-1-3.1", "R7", -5), "a count cannot be negative"),
        (Observation("4-17-8.1", "R6", 3), "measured in stages"),
    ]
    for observation, message in cases:
        with pytest.raises(ObservationsError, match=message) as info:
            assess(PLAN, [observation], as_of=day)
        assert info.value.problems[0].location.startswith("observation 1 (")
    twice = [Observation("1-1-3.1", "R7", 100), Observation("1-1-3.1", "R7", 200)]
    with pytest.raises(ObservationsError, match=r"observation 1 .* gives a different value"):
        assess(PLAN, twice, as_of=day)
    # the same message as the reader's, for the same figure
    with pytest.raises(ObservationsError) as from_file:
        parse_observations_csv(HEADER + "1-1.1,R7,120,,,\n", PLAN)
    with pytest.raises(ObservationsError) as from_python:
        assess(PLAN, [Observation("1-1.1", "R7", 120)], as_of=day)
    assert from_file.value.problems[0].reason == from_python.value.problems[0].reason


def test_dates_and_years_in_any_notation_in_python() -> None:
    a = assess(PLAN, [Observation("1-1-3.1", "R7", 21000)], as_of="2026-03-31")
    assert a.as_of == dt.date(2026, 3, 31)
    assert assess(PLAN, [], as_of="令和8年3月31日").as_of == dt.date(2026, 3, 31)
    ini = PLAN.initiative("1-1-3")
    assert ini.activities("R6") == ini.activities(FiscalYear(2024)) == ini.activities(2024)


def test_to_json_of_observations_is_what_progress_reads(tmp_path: Path) -> None:
    observations = [
        Observation("1-1-3.1", "R7", 21000, as_of="2026-03-01", source="市民局"),
        Observation("3-2-13.1", "R6", fukuoka_dx.RelativeChange(-30)),
        Observation("4-17-8.1", "R6", fukuoka_dx.Stage("試行検証・要件定義")),
    ]
    path = write(tmp_path, "o.json", to_json(observations, indent=1))
    assert read_observations(path, PLAN).observations == tuple(observations)
    assert cli("progress", str(path), "--as-of", "2026-03-31")[0] == 0
    assert fukuoka_dx.from_json(to_json(observations[0]), Observation) == observations[0]


def test_full_width_input_is_read_as_half_width(tmp_path: Path) -> None:
    assert cli("show", "１-１-３")[1].startswith("1-1-3  ")
    path = write(
        tmp_path, "o.csv", 'indicator_id,fiscal_year,value\n１-１-３.１,Ｒ７,"１２,０００"\n'
    )
    (o,) = read_observations(path, PLAN).observations
    assert (o.indicator_id, o.fiscal_year, o.value) == ("1-1-3.1", FiscalYear(2025), Figure(12000))
    assert cli("search", "オンライン", "--pillar", "５")[0] == 0
    code, _, err = cli("search", "オンライン", "--pillar", "６")
    assert code == 2 and "no pillar '６'" in err
    for bureau in ("区役所（東区）", "東区役所", "東区", "Higashi"):
        assert cli("search", "オンライン", "--bureau", bureau)[0] == 0, bureau
    summary = cli("summary", "--as-of", "２０２６-０３-３１", "--lang", "en")
    assert summary[0] == 0 and "2026-03-31: FY2025 (令和7年度)" in summary[1]


@pytest.mark.parametrize(
    "text", ["2026-3-31", "2026/03/31", "20260331", "令和8年3月31日", "R8.3.31"]
)
def test_as_of_in_every_notation_the_library_reads(text: str) -> None:
    code, out, _ = cli("summary", "--as-of", text, "--lang", "en")
    assert code == 0 and "2026-03-31: FY2025 (令和7年度)" in out


def test_a_file_saved_by_excel_as_shift_jis(tmp_path: Path) -> None:
    text = "indicator_id,fiscal_year,value,note\n1-1-3.1,令和7年度,21000,市民局の集計\n"
    path = write(tmp_path, "o.csv", text, "cp932")
    code, _, err = cli("progress", str(path), "--as-of", "2026-03-31")
    assert code == 0 and f"read {path} as cp932 (Shift_JIS)" in err
    (o,) = read_observations(path, PLAN).observations
    assert o.note == "市民局の集計"
    code, _, err = cli("progress", str(path), "--encoding", "utf-8")
    assert code == 2 and "line 2: cannot be read as utf-8" in err


def test_a_percentage_with_its_sign_and_hints_that_fit(tmp_path: Path) -> None:
    assert read_value("12.5%", PLAN.indicator("1-1.1")) == Figure(12.5)
    with pytest.raises(ObservationsError) as info:
        parse_observations_csv(HEADER + "1-1.1,R7,abc,,,\n1-1-3.1,R7,12%,,,\n", PLAN)
    first, second = (p.reason for p in info.value.problems)
    assert "takes a percentage such as 51.3 (0 to 100)" in first and "1,234" not in first
    assert "takes a figure in 件 such as 1234 or 1,234" in second


def test_chart_problems_are_found_before_any_output(tmp_path: Path) -> None:
    out_file = tmp_path / "table.txt"
    for chart, message in (
        ("/nonexistent/dir/c.png", "does not exist"),
        (str(tmp_path / "c.txt"), "expected a .png, .svg or .pdf name"),
    ):
        code, out, err = cli(
            "progress", "examples/observations.csv", "--chart", chart, "-o", str(out_file)
        )
        assert code == 2 and message in err and out == "" and not out_file.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["progress", "examples/observations.csv", "--fy", "R7"], "unrecognized arguments: --fy"),
        (["progress", "--template", "--format", "json"], "invalid choice: 'json'"),
        (["template", "--all"], "unrecognized arguments: --all"),
        (["progress", "--template", "--all"], "unrecognized arguments: --all"),
        (["template", "--scheme", "abcd"], "unrecognized arguments: --scheme"),
        (["progress", "examples/observations.csv", "--all", "--format", "csv"], "--all applies"),
        (["export", "indicators", "--format", "json", "--bom"], "--bom applies to CSV only"),
        (["export", "indicators", "-o", ""], "--output is empty"),
    ],
)
def test_options_that_do_not_apply_are_errors(args: list[str], message: str) -> None:
    code, out, err = cli(*args)
    assert code == 2 and message in err and out == ""


def test_the_mean_is_over_assessable_indicators_only() -> None:
    # 5-7.1's baseline is not comparable; an observation in its baseline year has a rate but
    # nothing expected: not assessable, and so not in the mean
    ind = PLAN.indicator("1-1-3.1")
    early = evaluate(ind, Observation("1-1-3.1", 2021, 6000), TargetColumn.FINAL)
    assert early.status.value == "not_assessable" and early.achievement is not None
    assert "observed in 令和3年度 (FY2021), before the baseline year 令和4年度" in str(early.reason)
    assert early.reason is not None and early.reason.code.value == "observed_before_baseline_year"
    observations = [Observation("1-1-3.1", 2021, 6000), Observation("1-1.1", 2025, 60)]
    a = assess(PLAN, observations, as_of="2026-03-31")
    counted = [r for r in a.results if r.status.value not in ("not_assessable", "no_data")]
    assert a.overall.assessable == len(counted) == 1
    assert a.overall.mean_achievement == pytest.approx(min(1.0, counted[0].achievement or 0))


# -- properties -------------------------------------------------------------------------------

# indicators that take a plain figure, with the kind of figure they take
FIGURE_INDICATORS = [
    ind
    for ind in PLAN.indicators
    if not ind.stages
    and (ind.unit == "%" or ind.unit in COUNT_UNITS)
    and all(
        t.kind.value == "number" for t in (ind.target(TargetColumn.MIDTERM), ind.target("final"))
    )
][:40]


@st.composite
def observation_sets(draw: st.DrawFn) -> list[Observation]:
    """Valid observations of figure indicators, at most one per indicator, year and date."""
    n = draw(st.integers(1, 6))
    indicators = draw(st.lists(st.sampled_from(FIGURE_INDICATORS), min_size=n, max_size=n))
    out: list[Observation] = []
    keys = set()
    for ind in indicators:
        fy = FiscalYear(draw(st.integers(2021, 2026)))
        if ind.unit == "%":
            value = draw(st.integers(0, 1000)) / 10
        else:
            value = float(draw(st.integers(0, 10**7)))
        as_of = draw(st.one_of(st.none(), st.just(fy.end), st.just(fy.start.add(months=6))))
        note = draw(st.one_of(st.none(), st.sampled_from(["市民局の集計", "速報値", "a, b"])))
        o = Observation(ind.id, fy, Figure(value), as_of=as_of, note=note)
        if (o.indicator_id, o.fiscal_year, o.date) not in keys:
            keys.add((o.indicator_id, o.fiscal_year, o.date))
            out.append(o)
    return out


FULL_WIDTH = str.maketrans("0123456789-.,R", "０１２３４５６７８９－．，Ｒ")


def csv_text(observations: list[Observation], *, full_width: bool, thousands: bool) -> str:
    """Observations as CSV the way people write it: quoted thousands, full-width digits."""
    lines = [HEADER.rstrip("\n")]
    for o in observations:
        v = o.value.value  # type: ignore[union-attr]
        value = f"{v:,}" if thousands else write_value(v)
        value = value.removesuffix(".0") if thousands and v.is_integer() else value
        cells = [o.indicator_id, o.fiscal_year.short, value]
        if full_width:
            cells = [c.translate(FULL_WIDTH) for c in cells]
        cells += [o.as_of.isoformat() if o.as_of else "", "", o.note or ""]
        lines.append(",".join(f'"{c}"' if "," in c else c for c in cells))
    return "\n".join(lines) + "\n"


def write_value(v: float) -> str:
    return str(int(v)) if v.is_integer() else repr(v)


FORMS = st.sampled_from(
    [
        # (suffix, encoding, newline, full width, thousands)
        ("csv", "utf-8", "\n", False, False),
        ("csv", "utf-8-sig", "\r\n", False, True),
        ("csv", "cp932", "\r\n", True, True),
        ("csv", "utf-8", "\n", True, False),
        ("json", "utf-8", "\n", False, False),
    ]
)


def read_back(text: str, suffix: str, encoding: str) -> tuple[Observation, ...]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"obs.{suffix}"
        path.write_bytes(text.encode(encoding))
        return read_observations(path, PLAN).observations


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(observation_sets(), FORMS)
def test_every_form_reads_back_exactly(
    observations: list[Observation], form: tuple[str, str, str, bool, bool]
) -> None:
    suffix, encoding, newline, full_width, thousands = form
    if suffix == "json":
        text = to_json(observations, indent=1)
    else:
        text = csv_text(observations, full_width=full_width, thousands=thousands)
        text = text.replace("\n", newline)
    assert read_back(text, suffix, encoding) == tuple(observations)


CORRUPTIONS = st.sampled_from(["insert", "delete", "replace"])
INSERTED = st.sampled_from([",", '"', "x", " ", "%", "+", ";", "\t"])


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(observation_sets(), CORRUPTIONS, INSERTED, st.data())
def test_a_corrupted_file_reads_the_same_or_names_the_row(
    observations: list[Observation], how: str, char: str, data: st.DataObject
) -> None:
    """Corrupt one delimiter or one cell of one row: the reader returns the same observations
    or raises naming that row. It never returns different values (``1,234`` read as 1)."""
    text = write_observations_csv(observations)
    lines = text.splitlines(keepends=True)
    row = data.draw(st.integers(1, len(lines) - 1), label="row")
    line = lines[row].rstrip("\n")
    if how == "delete":
        delimiters = [i for i, c in enumerate(line) if c in ',"']
        if not delimiters:
            return
        at = data.draw(st.sampled_from(delimiters), label="at")
        line = line[:at] + line[at + 1 :]
    elif how == "insert":
        at = data.draw(st.integers(0, len(line)), label="at")
        line = line[:at] + char + line[at:]
    else:
        cells = line.split(",")
        k = data.draw(st.integers(0, 2), label="cell")  # id, year or value: never text
        cells[k] = data.draw(st.text("xyzあ#!", min_size=1, max_size=4), label="garbage")
        line = ",".join(cells)
    lines[row] = line + "\n"
    corrupted = "".join(lines)
    try:
        got = parse_observations_csv(corrupted, PLAN).observations
    except ObservationsError as exc:
        named = {p.location for p in exc.problems}
        assert f"<text>, line {row + 1}" in named, (corrupted, exc.problems)
    else:  # source and note are free text: the figures, ids, years and dates are the same

        def figures(os: tuple[Observation, ...]) -> list[tuple[object, ...]]:
            return [(o.indicator_id, o.fiscal_year, o.value, o.as_of) for o in os]

        assert figures(got) == figures(tuple(observations)), corrupted


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(observation_sets(), st.sampled_from(["2024-03-31", "2025-06-30", "2027-03-31"]))
def test_python_objects_and_files_give_the_same_assessment(
    observations: list[Observation], day: str
) -> None:
    from_python = assess(PLAN, observations, as_of=day)
    text = csv_text(observations, full_width=True, thousands=True)
    from_file = assess(PLAN, read_back(text, "csv", "cp932"), as_of=day)
    assert from_file == from_python


def test_json_refuses_what_it_cannot_read_exactly() -> None:
    from fukuoka_dx import parse_observations_json

    for text, message in (
        ('[{"indicator_id": "1-1.1", "fiscal_year": 2025, "value": 5, "value": 6}]', "twice"),
        ('[{"indicator_id": "1-1.1", "fiscal_year": 2025, "value": NaN}]', "NaN"),
        ('[{"indicator_id": 11, "fiscal_year": 2025, "value": 5}]', "expected text"),
    ):
        with pytest.raises(ObservationsError, match=message):
            parse_observations_json(text, PLAN)


def test_observation_reads_the_id_as_typed() -> None:
    o = Observation("　１-１-３.１ ", "令和7年度", 5)
    assert o.indicator_id == "1-1-3.1" == unicodedata.normalize("NFKC", "１-１-３.１")
    with pytest.raises(TypeError, match="parse_value"):
        Observation("1-1-3.1", "R7", "5")  # type: ignore[arg-type]
    assert attrs.evolve(o, value=7).value == Figure(7)
