"""No silent misreading, no traceback for a user's mistake: one example for each case that a
round of some 200 bad or tricky inputs found read wrongly or refused badly.

Each case is tried where it can come in (a CSV cell, a JSON value, a workbook cell, a Python
object) and must be refused the same way, with the same message, naming where it is.
"""

from __future__ import annotations

import io
import re
import threading
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

import fukuoka_dx
from fukuoka_dx import (
    CompositeValue,
    Figure,
    FukuokaDXError,
    InputTypeError,
    InvalidValueError,
    Observation,
    ObservationsError,
    RelativeChange,
    Thresholds,
    assess,
    check_observations,
    evaluate,
    load_plan,
    parse_observations_csv,
    parse_observations_json,
    read_observations,
    read_scheme,
)
from fukuoka_dx.observations import (
    parse_value,
    read_observations_csv,
    read_observations_json,
    value_text,
    write_observations_csv,
    write_observations_json,
)
from fukuoka_dx.observations.rows import PROGRESS_EVERY
from fukuoka_dx.observations.spreadsheet import read_observations_xlsx
from fukuoka_dx.targets import CompositePart

PLAN = load_plan()
HEADER = "indicator_id,fiscal_year,value,as_of,source,note\n"
SHORT = "indicator_id,fiscal_year,value\n"


def problems(read: Any, *args: Any, **kwargs: Any) -> list[str]:
    """The problems ``read(*args, **kwargs)`` raises, each as its message line."""
    with pytest.raises(ObservationsError) as info:
        read(*args, **kwargs)
    return [str(p) for p in info.value.problems]


def reasons(read: Any, *args: Any, **kwargs: Any) -> list[str]:
    with pytest.raises(ObservationsError) as info:
        read(*args, **kwargs)
    return [p.reason for p in info.value.problems]


def json_of(value: str, key: str = "value") -> str:
    return f'[{{"indicator_id": "1-1-3.1", "fiscal_year": 2025, "{key}": {value}}}]'


def workbook(*sheets: tuple[str, list[list[object]]]) -> io.BytesIO:
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    return out


XLSX_HEADER: list[object] = ["indicator_id", "fiscal_year", "value", "as_of", "source", "note"]


# -- silent misreads ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["-30%減", "-30%増", "+30%減", "+30%増", "－30%減"])
def test_a_change_with_both_a_sign_and_a_direction_is_refused(text: str) -> None:
    ind = PLAN.indicator("3-2-13.1")
    with pytest.raises(InvalidValueError, match="gives its direction twice") as info:
        parse_value(text, ind)
    from_csv = reasons(parse_observations_csv, f"{SHORT}3-2-13.1,R6,{text}\n", PLAN)
    from_json = reasons(
        parse_observations_json, json_of(f'"{text}"').replace("1-1-3", "3-2-13"), PLAN
    )
    assert from_csv == from_json == [str(info.value)]
    assert parse_value("30%減", ind) == RelativeChange(-30)
    assert parse_value("30%増", ind) == RelativeChange(30)


def test_an_unquoted_decimal_comma_before_an_optional_column_is_refused_with_a_hint() -> None:
    text = "indicator_id,fiscal_year,value,note\n1-1.1,R7,55,5\n"
    (line,) = problems(parse_observations_csv, text, PLAN)
    assert line.startswith("<text>, line 2, column value ('55,5'): the value reads 55 and the")
    assert "a decimal is written with a point (55.5), not a comma" in line
    # without an optional column the row is too long: the same hint
    (line,) = problems(parse_observations_csv, f"{SHORT}1-1.1,R7,55,5\n", PLAN)
    assert "the row has 4 fields for 3 columns" in line and "(55.5), not a comma" in line
    # quoted, or in JSON or a workbook, the comma is no thousands separator: refused too
    for read in (
        lambda: parse_observations_csv(f'{SHORT}1-1.1,R7,"55,5"\n', PLAN),
        lambda: parse_observations_json(json_of('"55,5"').replace("1-1-3.1", "1-1.1"), PLAN),
    ):
        with pytest.raises(ObservationsError, match=r"write a decimal with a point \(55.5"):
            read()
    # a thousands separator and a date in the as-of column are what they are
    (o,) = parse_observations_csv(f'{HEADER}1-1-3.1,R7,"21,000",20260331,,\n', PLAN).observations
    assert o.value == Figure(21000) and str(o.as_of) == "2026-03-31"


def test_euc_jp_that_also_reads_as_shift_jis_is_refused_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "euc.csv"
    path.write_bytes(f"{HEADER}1-1-3.1,令和7年度,21000,,,市民局の集計\n".encode("euc-jp"))
    (line,) = problems(read_observations, path, PLAN)
    assert "the encoding cannot be told: the file reads as Shift_JIS (cp932) and as EUC-JP" in line
    assert "令和7年度" in line and "save the file as UTF-8, or give its encoding" in line
    result = read_observations(path, PLAN, encoding="euc-jp")
    assert result.encoding == "euc-jp" and result.observations[0].note == "市民局の集計"
    # Shift_JIS as Excel writes it is not EUC-JP: read without a word
    path.write_bytes(f"{HEADER}1-1-3.1,令和7年度,21000,,,市民局の集計\n".encode("cp932"))
    assert read_observations(path, PLAN).encoding == "cp932"


def test_a_file_mixing_utf8_and_shift_jis_lines_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    utf8 = f"{HEADER}1-1-3.1,R7,21000,,市民局,\n".encode()
    path.write_bytes(utf8 + "1-1.1,R7,55,,,集計\n".encode("cp932"))
    (line,) = problems(read_observations, path, PLAN)
    assert line.startswith(f"{path}, line 3: the file mixes encodings: line 2 is UTF-8")
    # a byte-order mark says UTF-8 too
    path.write_bytes(b"\xef\xbb\xbf" + f"{HEADER}1-1.1,R7,55,,,集計\n".encode("cp932"))
    assert "line 1 is UTF-8 and line 2 is not" in problems(read_observations, path, PLAN)[0]


def test_a_composite_value_with_a_negative_part_is_refused_like_a_plain_negative() -> None:
    ind = PLAN.indicator("1-11-3.1")
    with pytest.raises(InvalidValueError, match=r"1-11-3.1 \(part 対面\) counts 人: a count"):
        parse_value("対面-5 オンライン31", ind)
    with pytest.raises(InvalidValueError, match="cannot be negative"):
        parse_value("-5", PLAN.indicator("1-1-3.1"))
    negative = CompositeValue((CompositePart("対面", -5), CompositePart("オンライン", 31)))
    (python,) = reasons(check_observations, PLAN, [Observation("1-11-3.1", "R7", negative)])
    (csv,) = reasons(parse_observations_csv, f"{SHORT}1-11-3.1,R7,対面-5 オンライン31\n", PLAN)
    assert python == csv
    assert parse_value("対面28 オンライン31", ind).parts[0].value == 28  # type: ignore[union-attr]


def test_every_sheet_with_observation_headers_is_read() -> None:
    # two sheets of figures (a sheet a year): both are read, never the first one alone
    data = workbook(
        ("R6", [XLSX_HEADER, ["1-1-3.1", "R6", 15000]]),
        ("memo", [["何でも"], ["メモ"]]),
        ("R7", [XLSX_HEADER, ["1-1-3.1", "R7", 19200], ["1-1.1", "R7", 55.5]]),
    )
    result = read_observations_xlsx(data, PLAN)
    assert [(o.indicator_id, o.fiscal_year.year) for o in result.observations] == [
        ("1-1-3.1", 2024),
        ("1-1-3.1", 2025),
        ("1-1.1", 2025),
    ]
    data.seek(0)
    assert len(read_observations_xlsx(data, PLAN, sheet="R7").observations) == 2
    # a copy of a sheet gives nothing twice; a copy that differs names both sheets
    copy = workbook(
        ("実績", [XLSX_HEADER, ["1-1-3.1", "R7", 19200]]),
        ("実績 (2)", [XLSX_HEADER, ["1-1-3.1", "R7", 19200]]),
    )
    assert len(read_observations_xlsx(copy, PLAN).observations) == 1
    differ = workbook(
        ("実績", [XLSX_HEADER, ["1-1-3.1", "R7", 19200]]),
        ("実績 (2)", [XLSX_HEADER, ["1-1-3.1", "R7", 18000]]),
    )
    first, second = problems(read_observations_xlsx, differ, PLAN)
    assert first.startswith("<workbook>, sheet 実績, row 2, cell C2, column value ('19200')")
    assert second.startswith("<workbook>, sheet 実績 (2), row 2, cell C2, column value ('18000')")
    assert "sheet 実績 (2), row 2 gives a different value (18000)" in first


def test_an_integer_beyond_float_precision_is_refused_never_shown_changed() -> None:
    big = "12345678901234567890"  # a float holds 12345678901234567168
    message = f"'{big}' has more digits than a figure holds exactly"
    with pytest.raises(InvalidValueError, match=message):
        parse_value(big, PLAN.indicator("1-1-3.1"))
    (csv,) = problems(parse_observations_csv, f"{SHORT}1-1-3.1,R7,{big}\n", PLAN)
    (json,) = problems(parse_observations_json, json_of(big), PLAN)
    assert f"column value ('{big}'): {big} has more digits" in json
    assert f"column value ('{big}'): {message}" in csv
    with pytest.raises(InvalidValueError, match="more digits than a figure holds exactly"):
        Figure(2**53 + 1)
    with pytest.raises(InvalidValueError, match="more digits"):
        Observation("1-1-3.1", "R7", int(big))
    # a large figure that a float holds exactly is kept, and written back as it was
    exact = Observation("1-1-3.1", "R7", 10**20)
    assert value_text(exact.value) == "100000000000000000000"
    for text, parse in (
        (write_observations_csv([exact]), parse_observations_csv),
        (write_observations_json([exact]), parse_observations_json),
    ):
        assert parse(text, PLAN).observations == (exact,)


# -- tracebacks --------------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["1" + "0" * 400, "1e400", "-1" + "0" * 500 + ".5"])
def test_a_json_figure_of_hundreds_of_digits_is_a_problem_of_its_row(number: str) -> None:
    (line,) = problems(parse_observations_json, json_of(number), PLAN)
    assert line.startswith("<text>, [0], column value (")
    assert "is too large for a figure" in line or "more digits than a figure holds" in line
    with pytest.raises(InvalidValueError, match="too large for a figure"):
        Figure(10**400)
    with pytest.raises(InvalidValueError, match="too large for a figure"):
        Observation("1-1-3.1", "R7", 10**400)
    with pytest.raises(ValueError, match="too large"):
        Observation.from_json_form(
            {"indicator_id": "1-1-3.1", "fiscal_year": 2025, "value": 10**400}
        )


def test_deeply_nested_json_is_refused() -> None:
    (line,) = problems(parse_observations_json, "[" * 100_000 + "]" * 100_000, PLAN)
    assert line == "<text>: nested too deeply: expected a JSON array of observation objects"


def test_readers_handed_the_wrong_kind_of_object_say_so(tmp_path: Path) -> None:
    text = f"{SHORT}1-1-3.1,R7,21000\n"
    cases: list[tuple[Any, str]] = [
        (lambda: parse_observations_csv(text.encode(), PLAN), "takes the text itself (str)"),
        (lambda: parse_observations_json(b"[]", PLAN), "takes the text itself (str)"),
        (lambda: read_observations_csv(text.encode(), PLAN), "open them as io.BytesIO"),
        (lambda: read_observations_csv(text, PLAN), "use parse_observations_csv"),
        (lambda: read_observations_json(42, PLAN), "takes a path or an open file, got int"),
        (lambda: read_observations(io.StringIO(text), PLAN), "takes a path, got StringIO"),
        (lambda: read_observations_xlsx(io.StringIO(text), PLAN), "open the workbook in binary"),
        (lambda: read_observations_xlsx(b"PK", PLAN), "open them as io.BytesIO"),
        (lambda: parse_observations_csv(text, "plan"), "expected the plan to read against"),
        (lambda: check_observations(PLAN, ["1-1-3.1"]), "expected Observation values"),
    ]
    for read, message in cases:
        with pytest.raises(InputTypeError, match=re.escape(message)) as info:
            read()
        assert isinstance(info.value, FukuokaDXError) and isinstance(info.value, TypeError)
    # an open binary file is read as a path is, its encoding detected
    binary = io.BytesIO(text.replace("R7", "令和7年度").encode("cp932"))
    result = read_observations_csv(binary, PLAN)
    assert result.encoding == "cp932" and result.observations[0].value == Figure(21000)


# -- contradictions ----------------------------------------------------------------------------


def test_an_as_of_date_years_after_its_fiscal_year_is_refused() -> None:
    late = Observation("1-1-3.1", "R5", 5000, as_of="2026-03-31")
    (python,) = problems(check_observations, PLAN, [late])
    assert python.startswith("observation 1 (1-1-3.1, 令和5年度), column as_of ('2026-03-31')")
    assert "more than a year after FY2023 (令和5年度) ends" in python
    (csv,) = problems(parse_observations_csv, f"{HEADER}1-1-3.1,R5,5000,令和8年3月31日,,\n", PLAN)
    assert csv.startswith("<text>, line 2, column as_of ('令和8年3月31日'): ")
    assert csv.split(": ", 1)[1] == python.split(": ", 1)[1]
    # confirmed in the months after the year: read
    month_after = Observation("1-1-3.1", "R5", 5000, as_of="2024-06-30")
    assert check_observations(PLAN, [month_after]) == (month_after,)


@pytest.mark.parametrize("label", ["-", "－", "―", " - ", "n/a", "N/A"])
def test_a_scheme_band_labelled_like_no_grade_is_refused(label: str) -> None:
    toml = f'[[band]]\nlabel = "A"\nmin = 1.0\n[[band]]\nlabel = "{label}"\n'
    with pytest.raises(InvalidValueError, match="is labelled like no grade"):
        read_scheme(toml)
    # a band may share its label with a status without a rate: achieved B, no data the lowest
    mine = read_scheme(
        '[[band]]\nlabel = "A"\nmin = 1\n[[band]]\nlabel = "B"\n'
        '[no_rate]\nachieved = "B"\nno_data = "B"\n'
    )
    assert mine.no_rate_label(fukuoka_dx.Status.NO_DATA) == "B"


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"on_track": 95}, r"a progress ratio from 0 to 1, got 95: a ratio, 0.95 for 95 %"),
        ({"needs_acceleration": 60}, r"0.6 for 60 %"),
        ({"on_track": float("inf")}, "must be finite"),
        ({"needs_acceleration": float("nan")}, "must be finite"),
        ({"on_track": -0.1}, "from 0 to 1"),
        ({"on_track": 0.5, "needs_acceleration": 0.7}, "needs_acceleration .* <= on_track"),
    ],
)
def test_thresholds_are_ratios_refused_as_percentages_or_not_finite(
    given: dict[str, float], message: str
) -> None:
    with pytest.raises(InvalidValueError, match=message):
        Thresholds(**given)
    with pytest.raises(InputTypeError):
        Thresholds(on_track=True)
    assert Thresholds(on_track=1, needs_acceleration=0) == Thresholds(1.0, 0.0)


def test_a_json_observation_without_its_value_is_refused() -> None:
    missing = '[{"indicator_id": "1-1-3.1", "fiscal_year": 2025}]'
    for skip_empty in (False, True):
        (line,) = problems(parse_observations_json, missing, PLAN, skip_empty=skip_empty)
        assert line == (
            "<text>, [0], column value: missing key(s) value: an observation has "
            "indicator_id, fiscal_year, value"
        )
    # a null value is an unfilled entry: skipped as an empty cell is
    result = parse_observations_json(json_of("null"), PLAN, skip_empty=True)
    assert result.observations == () and result.skipped == ("<text>, [0]",)


def test_a_row_with_a_date_source_or_note_but_no_value_is_named_not_skipped() -> None:
    text = f"{HEADER}1-1-3.1,R7,,,,21000\n1-1.1,R7,,2026-03-31,市民局,\n1-1-1.1,R7,,,,\n"
    result = parse_observations_csv(text, PLAN, skip_empty=True, keep_valid=True)
    assert result.skipped == ("<text>, line 4",)
    first, second = (str(p) for p in result.rejected)
    assert first == (
        "<text>, line 2, column value: the value is empty, but the row has a note (note: "
        "'21000'): type the value in the value column, or clear the row"
    )
    assert (
        "line 3, column value: the value is empty, but the row has an as-of date and a " in second
    )
    # a figure typed into the note column of a workbook: named by its sheet, row and cell
    data = workbook(("実績", [XLSX_HEADER, ["1-1-3.1", "R7", None, None, None, 21000]]))
    (line,) = problems(read_observations_xlsx, data, PLAN, skip_empty=True)
    assert line.startswith("<workbook>, sheet 実績, row 2, cell C2, column value: the value is")
    (line,) = problems(
        parse_observations_json,
        '[{"indicator_id": "1-1-3.1", "fiscal_year": 2025, "value": null, "note": "21000"}]',
        PLAN,
        skip_empty=True,
    )
    assert "the value is empty, but the row has a note" in line


# -- unclear errors ----------------------------------------------------------------------------

SCHEME = '[[band]]\nlabel = "優"\nmin = 1.0\n[[band]]\nlabel = "可"\n'


def test_a_scheme_file_with_a_byte_order_mark_or_in_shift_jis() -> None:
    plain = read_scheme(SCHEME)
    assert read_scheme("\ufeff" + SCHEME) == plain
    assert read_scheme(("\ufeff" + SCHEME).encode()) == read_scheme(SCHEME.encode()) == plain
    with pytest.raises(InvalidValueError, match=r"line 2 is not UTF-8 \(it reads as Shift_JIS"):
        read_scheme(SCHEME.encode("cp932"), name="bands")
    with pytest.raises(InputTypeError):
        read_scheme(42)  # type: ignore[arg-type]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_is_recognised_by_its_bytes(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "unicode.csv"
    path.write_bytes(f"{HEADER}1-1-3.1,R7,21000,,,集計\n".encode(encoding))
    (line,) = problems(read_observations, path, PLAN)
    assert line == (
        f"{path}: UTF-16 text (what Excel saves as 「Unicode テキスト」), which is not read: "
        f"save it as 「CSV UTF-8 (コンマ区切り)」"
    )


def test_a_workbook_is_recognised_by_its_bytes_whatever_its_name(tmp_path: Path) -> None:
    book = workbook(("実績", [XLSX_HEADER, ["1-1-3.1", "R7", 21000]])).getvalue()
    path = tmp_path / "実績.csv"
    path.write_bytes(book)
    (o,) = read_observations(path, PLAN).observations
    assert o.value == Figure(21000)
    (line,) = problems(read_observations_csv, path, PLAN)
    assert line == (
        f"{path}: an Excel workbook (.xlsx), not CSV or JSON text: give it the .xlsx suffix, "
        f"or save it as 「CSV UTF-8 (コンマ区切り)」"
    )
    old = tmp_path / "old.xlsx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    assert (
        "an Excel 97-2003 workbook (.xls), which is not read"
        in problems(read_observations, old, PLAN)[0]
    )
    text = tmp_path / "text.xlsx"
    text.write_text(f"{SHORT}1-1-3.1,R7,21000\n")
    assert (
        "the file is text; if it is CSV, name it .csv" in problems(read_observations, text, PLAN)[0]
    )


def test_an_error_in_a_file_read_as_shift_jis_says_so(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(f"{HEADER}1-1.1,令和7年度,120,,市民局,\n".encode("cp932"))
    (line,) = problems(read_observations, path, PLAN)
    assert line.startswith(f"{path} (read as cp932), line 2, column value ('120'): 1-1.1 is")
    path.write_bytes(f"{HEADER}1-1.1,令和7年度,120,,市民局,\n".encode())
    assert problems(read_observations, path, PLAN)[0].startswith(f"{path}, line 2, column")


def test_errors_quote_the_cell_as_written() -> None:
    text = (
        f'{SHORT}1-1.1,Ｒ７,１２０\n１-１-９９.１,R7,5\n1-1-3.1,令和7年度,"1,000"\n1-1-3.1,R7,900\n'
    )
    lines = problems(parse_observations_csv, text, PLAN)
    assert "line 2, column value ('１２０'): 1-1.1 is a percentage" in lines[0]
    assert "line 3, column indicator_id ('１-１-９９.１')" in lines[1]
    assert (
        "line 4, column value ('1,000'): <text>, line 5 gives a different value (900)" in lines[3]
    )
    (line,) = problems(parse_observations_csv, f"{SHORT}1-1-3.1,令和9年度,5\n", PLAN)
    assert "column fiscal_year ('令和9年度')" in line
    (line,) = problems(parse_observations_json, json_of("1e3").replace("1-1-3.1", "1-1.1"), PLAN)
    assert "column value ('1e3'): 1-1.1 is a percentage: expected 0 to 100, got 1000" in line


# -- the Python surface ------------------------------------------------------------------------


@pytest.mark.parametrize("given", [True, False, "1e3", "1_000", "12", b"12", None, [1]])
def test_a_figure_is_a_number_never_text_or_a_bool(given: object) -> None:
    with pytest.raises(InputTypeError):
        Figure(given)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        RelativeChange(given)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        Observation("1-1-3.1", "R7", given)  # type: ignore[arg-type]


def test_a_source_or_note_is_text_checked_at_construction() -> None:
    with pytest.raises(InputTypeError, match="a source or a note is text, got int: 5"):
        Observation("1-1-3.1", "R7", 1, source=5)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        Observation("1-1-3.1", "R7", 1, note=b"x")  # type: ignore[arg-type]
    # as a reader reads a cell: trimmed, and blank is none; so JSON reads back the same
    o = Observation("1-1-3.1", "R7", 1, source=" 市民局 ", note="  ")
    assert (o.source, o.note) == ("市民局", None)
    assert parse_observations_json(write_observations_json([o]), PLAN).observations == (o,)


def test_assessment_result_takes_the_id_as_the_plan_does() -> None:
    a = assess(PLAN, [Observation("1-1-3.1", "R7", 15000)], as_of="2026-03-31")
    assert a.result("１-１-３.１") is a.result("1-1-3.1") is a.result(" 1-1-3.1 ")
    assert PLAN.indicator("１-１-３.１").id == "1-1-3.1"


def test_evaluate_checks_the_value_as_reading_does() -> None:
    ind = PLAN.indicator("1-1.1")
    with pytest.raises(InvalidValueError, match=r"1-1\.1 is a percentage: expected 0 to 100"):
        evaluate(ind, Observation("1-1.1", "R7", 120), "final")
    with pytest.raises(InvalidValueError, match="measured in stages"):
        evaluate(PLAN.indicator("4-17-8.1"), Observation("4-17-8.1", "R7", 3), "final")
    assert evaluate(ind, Observation("1-1.1", "R7", 100), "final").status.value == "achieved"


# -- long runs ---------------------------------------------------------------------------------


def _saved(sheet: list[list[object]]) -> Path:
    import tempfile

    path = Path(tempfile.mkdtemp()) / "実績.xlsx"
    path.write_bytes(workbook(("実績", sheet)).getvalue())
    return path


def test_readers_report_their_progress() -> None:
    n = 2 * PROGRESS_EVERY + 5
    calls: list[tuple[int, int | None]] = []

    def hook(done: int, total: int | None) -> None:
        calls.append((done, total))

    result = parse_observations_csv(SHORT + "1-1-3.1,R7,21000\n" * n, PLAN, progress=hook)
    assert len(result.observations) == 1  # the same row n times
    assert calls == [(PROGRESS_EVERY, n), (2 * PROGRESS_EVERY, n), (n, n)]
    calls.clear()
    sheet = [XLSX_HEADER] + [["1-1-3.1", "R7", 21000]] * n
    read_observations_xlsx(workbook(("実績", sheet)), PLAN, progress=hook)
    assert calls == [(PROGRESS_EVERY, None), (2 * PROGRESS_EVERY, None), (n, n)]
    calls.clear()
    read_observations(_saved(sheet), PLAN, progress=hook)
    assert calls[-1] == (n, n)


def test_concurrent_first_calls_of_load_plan_build_one_plan() -> None:
    from fukuoka_dx import loading

    saved = dict(loading._built)
    loading._built.clear()
    try:
        start = threading.Barrier(8)
        plans: list[object] = []

        def first_call() -> None:
            start.wait()
            plans.append(loading.load_plan())

        threads = [threading.Thread(target=first_call) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(plans) == 8 and len({id(p) for p in plans}) == 1
    finally:
        loading._built.clear()
        loading._built.update(saved)
