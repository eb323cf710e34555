"""Fiscal years and eras: the document's notations, bad input, and the calendar laws."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fukuoka_dx import (
    AmbiguousEraError,
    Era,
    EraYear,
    FiscalYear,
    FiscalYearParseError,
    YearMonth,
)
from fukuoka_dx.strategies import dates, fiscal_years

KANJI = "〇一二三四五六七八九"


def kanji(n: int) -> str:
    """A kanji numeral as documents write it (十, 十二, 三十一)."""
    tens, ones = divmod(n, 10)
    out = ("" if tens == 1 else KANJI[tens]) + "十" if tens else ""
    return out + (KANJI[ones] if ones else "")


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("令和5年度", 2023),
        ("令和元年度", 2019),
        ("平成31年度", 2019),
        ("平成30年度", 2018),
        ("平成32年度", 2020),
        ("R5", 2023),
        ("R5年度", 2023),
        ("r5", 2023),
        ("H30", 2018),
        ("FY2023", 2023),
        ("fy 2023", 2023),
        ("2023", 2023),
        ("2023年度", 2023),
        ("令和５年度", 2023),
        ("Ｒ５", 2023),
        ("令和五年度", 2023),
        ("令和十二年度", 2030),
        ("昭和六十四年度", 1989),
        ("令和99年度", 2117),
        (" 令和8年度 ", 2026),
    ],
)
def test_parse_notations(text: str, year: int) -> None:
    assert FiscalYear.parse(text) == FiscalYear(year)


@pytest.mark.parametrize(
    "text",
    [
        "令和0年度",
        "R-1",
        "R0",
        "FY20x3",
        "",
        "   ",
        "garbage",
        "令和年度",
        "令和5年",
        "Z5",
        "FY99999",
        "令和5.5年度",
    ],
)
def test_parse_rejects_bad_input_quoting_it(text: str) -> None:
    with pytest.raises(FiscalYearParseError) as info:
        FiscalYear.parse(text)
    message = str(info.value)
    assert (repr(text) in message) or ("empty" in message)
    assert "expected" in message or "era year starts at 1" in message


def test_bare_year_needs_an_era() -> None:
    with pytest.raises(AmbiguousEraError, match="era"):
        FiscalYear.parse("5年度")
    assert FiscalYear.parse("5年度", era="令和") == FiscalYear(2023)
    assert FiscalYear.parse("5年度", era=Era.REIWA) == FiscalYear(2023)
    assert FiscalYear.parse("元年度", era="R") == FiscalYear(2019)
    assert FiscalYear.parse("30年度", era="平成") == FiscalYear(2018)


def test_parse_error_is_a_value_error() -> None:
    assert issubclass(FiscalYearParseError, ValueError)
    assert issubclass(AmbiguousEraError, FiscalYearParseError)


def test_labels() -> None:
    fy = FiscalYear(2023)
    assert (fy.label_ja, fy.short, fy.label_en, str(fy)) == ("令和5年度", "R5", "FY2023", "FY2023")
    assert FiscalYear(2019).label_ja == "令和元年度"
    assert FiscalYear(2019).short == "R1"
    assert FiscalYear(2018).label_ja == "平成30年度"
    assert FiscalYear(1989).label_ja == "平成元年度"  # 平成 began 1989-01-08, before 1 April
    assert FiscalYear(1926).label_ja == "大正15年度"  # 昭和 began 1926-12-25, after 1 April
    assert repr(fy) == "FiscalYear(2023)"


def test_boundaries_and_arithmetic() -> None:
    fy = FiscalYear(2023)
    assert fy.start == pendulum.Date(2023, 4, 1)
    assert fy.end == pendulum.Date(2024, 3, 31)
    assert dt.date(2023, 4, 1) in fy and dt.date(2024, 3, 31) in fy
    assert dt.date(2023, 3, 31) not in fy and dt.date(2024, 4, 1) not in fy
    assert dt.datetime(2023, 12, 1, 12) in fy
    assert "2023-05-01" not in fy
    assert fy + 1 == FiscalYear(2024) and 1 + fy == FiscalYear(2024)
    assert fy - 1 == FiscalYear(2022)
    assert FiscalYear(2026) - fy == 3
    assert FiscalYear.span(FiscalYear(2023), FiscalYear(2026)) == tuple(
        FiscalYear(y) for y in range(2023, 2027)
    )
    assert len(list(FiscalYear(2023).days())) == 366  # includes 29 February 2024


def test_from_date_and_today() -> None:
    assert FiscalYear.from_date(dt.date(2024, 1, 15)) == FiscalYear(2023)
    assert FiscalYear.from_date(dt.date(2024, 4, 1)) == FiscalYear(2024)
    assert FiscalYear.from_date(dt.datetime(2024, 3, 31, 23, 59)) == FiscalYear(2023)
    assert FiscalYear.today() == FiscalYear.from_date(pendulum.now("Asia/Tokyo").date())


def test_invalid_construction() -> None:
    with pytest.raises(ValueError, match="out of range"):
        FiscalYear(1700)
    with pytest.raises(TypeError):
        FiscalYear("2023")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        FiscalYear(True)


@pytest.mark.parametrize(
    ("era", "first"),
    [
        (Era.MEIJI, dt.date(1868, 10, 23)),
        (Era.TAISHO, dt.date(1912, 7, 30)),
        (Era.SHOWA, dt.date(1926, 12, 25)),
        (Era.HEISEI, dt.date(1989, 1, 8)),
        (Era.REIWA, dt.date(2019, 5, 1)),
    ],
)
def test_era_boundaries(era: Era, first: dt.date) -> None:
    assert era.first_day == first
    assert EraYear.from_date(first).era is era
    assert EraYear.from_date(first).year == 1
    assert EraYear.from_date(first).label_ja == f"{era.kanji}元年"
    if era is not Era.MEIJI:
        before = first - dt.timedelta(days=1)
        previous = list(Era)[list(Era).index(era) - 1]
        assert EraYear.from_date(before).era is previous
        assert previous.last_day == before


def test_reiwa_gan_nen() -> None:
    assert EraYear.from_date(dt.date(2019, 4, 30)).label_ja == "平成31年"
    assert EraYear.from_date(dt.date(2019, 5, 1)).label_ja == "令和元年"
    assert Era.REIWA.last_day is None


@pytest.mark.parametrize(
    ("text", "date", "fy"),
    [
        ("R6.1月", dt.date(2024, 1, 1), 2023),
        ("R4.12月末", dt.date(2022, 12, 31), 2022),
        ("R4.12月末時点", dt.date(2022, 12, 31), 2022),
        ("R4.11月末", dt.date(2022, 11, 30), 2022),
        ("R4.11月現在", dt.date(2022, 11, 1), 2022),
        ("R5.6~", dt.date(2023, 6, 1), 2023),
        ("令和6年1月", dt.date(2024, 1, 1), 2023),
        ("2024-02", dt.date(2024, 2, 1), 2023),
    ],
)
def test_months(text: str, date: dt.date, fy: int) -> None:
    month = YearMonth.parse(text)
    assert month.date == date
    assert month.fiscal_year == FiscalYear(fy)


@pytest.mark.parametrize("text", ["R6.13月", "R6", "X6.1月", "", "R0.1月"])
def test_bad_months(text: str) -> None:
    with pytest.raises(FiscalYearParseError):
        YearMonth.parse(text)


# -- properties ------------------------------------------------------------------------------

NOTATIONS = ("label_ja", "short", "label_en", "year")


@given(fiscal_years(1869, 2200), st.sampled_from(NOTATIONS))
def test_parse_format_round_trip(fy: FiscalYear, notation: str) -> None:
    text = str(getattr(fy, notation))
    assert FiscalYear.parse(text) == fy


@given(fiscal_years(2019, 2100))
def test_round_trip_full_width_and_kanji(fy: FiscalYear) -> None:
    full = fy.label_ja.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert FiscalYear.parse(full) == fy
    if fy.year_in_era < 100:
        numeral = "元" if fy.year_in_era == 1 else kanji(fy.year_in_era)
        assert FiscalYear.parse(f"{fy.era.kanji}{numeral}年度") == fy


@given(dates(dt.date(1870, 4, 1), dt.date(9998, 3, 31)))
def test_every_date_in_exactly_one_fiscal_year(d: dt.date) -> None:
    fy = FiscalYear.from_date(d)
    assert fy.start <= d <= fy.end
    assert d in fy
    assert d not in fy - 1 and d not in fy + 1


@given(dates(), dates())
def test_from_date_is_monotonic(a: dt.date, b: dt.date) -> None:
    if a <= b:
        assert FiscalYear.from_date(a) <= FiscalYear.from_date(b)


@given(fiscal_years(1869, 9997))
def test_consecutive_years_tile_the_calendar(fy: FiscalYear) -> None:
    nxt = fy + 1
    assert nxt.start == fy.end.add(days=1)
    assert (nxt - fy) == 1
    assert (fy < nxt and hash(fy) != hash(nxt)) or fy != nxt


@given(dates(dt.date(1868, 10, 23)))
def test_era_year_round_trip(d: dt.date) -> None:
    ey = EraYear.from_date(d)
    assert ey.era.gregorian_year(ey.year) == d.year
    assert ey.era.first_day <= d
    last = ey.era.last_day
    assert last is None or d <= last


@given(st.text(max_size=12))
def test_any_text_parses_or_raises_the_parse_error(text: str) -> None:
    try:
        fy = FiscalYear.parse(text)
    except FiscalYearParseError as exc:
        assert str(exc)
    else:
        assert isinstance(fy, FiscalYear)


def test_as_date_reads_one_day_and_nothing_less() -> None:
    from fukuoka_dx.fiscal_calendar import as_date

    for text in ("2026-03-31", "2026/3/31", "20260331", " 2026-03-31 "):
        assert as_date(text) == dt.date(2026, 3, 31)
    assert as_date(dt.datetime(2026, 3, 31, 23, 59)) == dt.date(2026, 3, 31)
    # a month, a year or a week is not a day: never read as the first day of it
    for text in ("2025-03", "2025", "2025-W01", "2026-02-30", "2026-03/31", ""):
        with pytest.raises(FiscalYearParseError, match="is not a date"):
            as_date(text)


@given(dates())
def test_as_date_reads_what_isoformat_writes(d: dt.date) -> None:
    from fukuoka_dx.fiscal_calendar import as_date

    if d.year >= 1000:
        assert as_date(d.isoformat()) == d
