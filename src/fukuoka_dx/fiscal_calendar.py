"""Japanese fiscal years (年度) and eras (元号), as the plan and its users write them.

A Japanese public body's fiscal year runs from 1 April to 31 March and is named by the
Gregorian year in which it starts: 令和5年度 is FY2023 (2023-04-01 to 2024-03-31).

>>> fy = FiscalYear.parse("令和5年度")
>>> fy, fy.label_ja, fy.short, str(fy)
(FiscalYear(2023), '令和5年度', 'R5', 'FY2023')
>>> fy.start, fy.end
(Date(2023, 4, 1), Date(2024, 3, 31))
>>> FiscalYear(2019).label_ja
'令和元年度'
>>> YearMonth.parse("R6.1月").fiscal_year.label_ja
'令和5年度'
>>> EraYear.from_date(as_date("2019-05-01")).label_ja
'令和元年'
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING, Final, overload

import attrs

from fukuoka_dx._patterns import LazyPattern
from fukuoka_dx.errors import (
    AmbiguousEraError,
    FiscalYearParseError,
    InputTypeError,
    InvalidValueError,
)

if TYPE_CHECKING:
    import pendulum

__all__ = [
    "Era",
    "EraYear",
    "FiscalYear",
    "YearMonth",
    "as_date",
    "as_fiscal_year",
    "today",
]

#: The time zone in which "today" is read: the plan is Fukuoka City's.
TOKYO: Final = "Asia/Tokyo"

_MIN_YEAR: Final = 1869
_MAX_YEAR: Final = 9998


def _date(year: int, month: int, day: int) -> pendulum.Date:
    """A pendulum date; pendulum is imported on first use, as loading a plan needs none."""
    import pendulum

    return pendulum.Date(year, month, day)


class Era(enum.Enum):
    """The Japanese eras from 明治 on, each with its first day (Gregorian)."""

    MEIJI = ("明治", "M", "Meiji", _dt.date(1868, 10, 23))
    TAISHO = ("大正", "T", "Taisho", _dt.date(1912, 7, 30))
    SHOWA = ("昭和", "S", "Showa", _dt.date(1926, 12, 25))
    HEISEI = ("平成", "H", "Heisei", _dt.date(1989, 1, 8))
    REIWA = ("令和", "R", "Reiwa", _dt.date(2019, 5, 1))

    def __init__(self, kanji: str, letter: str, romaji: str, first_day: _dt.date) -> None:
        self.kanji = kanji
        self.letter = letter
        self.romaji = romaji
        self._first_day = first_day

    @property
    def first_day(self) -> pendulum.Date:
        """The era's first day (明治: the day of the 改元 edict, 1868-10-23)."""
        d = self._first_day
        return _date(d.year, d.month, d.day)

    @property
    def last_day(self) -> pendulum.Date | None:
        """The era's last day, or ``None`` for the current era."""
        members = list(Era)
        i = members.index(self)
        if i + 1 == len(members):
            return None
        return members[i + 1].first_day.subtract(days=1)

    def gregorian_year(self, era_year: int) -> int:
        """The Gregorian year of this era's year ``era_year`` (1 is 元年)."""
        return self._first_day.year + era_year - 1

    def year_in_era(self, gregorian_year: int) -> int:
        """The year within this era of a Gregorian year (1 is 元年): the inverse of
        :meth:`gregorian_year`."""
        return gregorian_year - self._first_day.year + 1

    @classmethod
    def lookup(cls, name: str) -> Era:
        """The era named by its kanji (``令和``), letter (``R``) or romaji (``Reiwa``)."""
        key = unicodedata.normalize("NFKC", name).strip()
        for era in cls:
            if key in (era.kanji, era.letter, era.letter.lower()) or (
                key.lower() == era.romaji.lower()
            ):
                return era
        known = ", ".join(f"{e.kanji} ({e.letter})" for e in cls)
        raise FiscalYearParseError(f"unknown era {name!r}: expected one of {known}")

    @classmethod
    def on(cls, date: _dt.date) -> Era:
        """The era in force on ``date``."""
        for era in _LATEST_FIRST:
            if date >= era._first_day:
                return era
        raise InvalidValueError(
            f"{date.isoformat()} is before the first supported era "
            f"({cls.MEIJI.kanji}, from {cls.MEIJI._first_day.isoformat()})"
        )


_LATEST_FIRST: Final = tuple(reversed(Era))


def _era_numeral(year: int) -> str:
    return "元" if year == 1 else str(year)


@attrs.frozen(order=True)
class EraYear:
    """A year in era notation: ``EraYear(Era.REIWA, 1)`` is 令和元年."""

    era: Era = attrs.field(order=lambda e: list(Era).index(e))
    year: int = attrs.field()

    @year.validator
    def _check_year(self, _attribute: attrs.Attribute[int], value: int) -> None:
        if value < 1:
            raise InvalidValueError(f"era year must be 1 (元年) or more, got {value}")

    @classmethod
    def from_date(cls, date: _dt.date) -> EraYear:
        """The era year of a date: 2019-04-30 is 平成31年, 2019-05-01 is 令和元年."""
        era = Era.on(date)
        return cls(era, era.year_in_era(date.year))

    @property
    def label_ja(self) -> str:
        """``令和元年``, ``平成31年``."""
        return f"{self.era.kanji}{_era_numeral(self.year)}年"

    def __str__(self) -> str:
        return self.label_ja


def today(tz: str = TOKYO) -> pendulum.Date:
    """Today's date in ``tz`` (default Asia/Tokyo, where the plan's fiscal years turn)."""
    import pendulum

    return pendulum.today(tz).date()


def _check_gregorian(_instance: object, _attribute: object, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputTypeError(f"fiscal year must be an int (its starting year), got {value!r}")
    if not _MIN_YEAR <= value <= _MAX_YEAR:
        raise InvalidValueError(
            f"fiscal year {value} is out of range: expected a starting year "
            f"from {_MIN_YEAR} to {_MAX_YEAR}"
        )


@attrs.frozen(order=False, repr=False)
class FiscalYear:
    """A Japanese fiscal year (年度), 1 April to 31 March, named by its starting year.

    ``FiscalYear(2023)`` is 令和5年度. Values are immutable, ordered and hashable; adding an
    int moves by whole years, and subtracting two fiscal years gives the years between
    (``FiscalYear(2026) - FiscalYear(2022) == 4``).
    """

    year: int = attrs.field(validator=_check_gregorian)

    # -- order (by starting year; written out because fiscal years are compared often) ------

    def __lt__(self, other: object) -> bool:
        if type(other) is not FiscalYear:
            return NotImplemented
        return self.year < other.year

    def __le__(self, other: object) -> bool:
        if type(other) is not FiscalYear:
            return NotImplemented
        return self.year <= other.year

    def __gt__(self, other: object) -> bool:
        if type(other) is not FiscalYear:
            return NotImplemented
        return self.year > other.year

    def __ge__(self, other: object) -> bool:
        if type(other) is not FiscalYear:
            return NotImplemented
        return self.year >= other.year

    # -- construction -------------------------------------------------------------------

    @classmethod
    def from_date(cls, date: _dt.date) -> FiscalYear:
        """The fiscal year that contains ``date`` (a datetime counts by its date)."""
        if isinstance(date, _dt.datetime):
            date = date.date()
        return cls(date.year if date.month >= 4 else date.year - 1)

    @classmethod
    def today(cls, tz: str = TOKYO) -> FiscalYear:
        """The fiscal year in force today in ``tz`` (default Asia/Tokyo)."""
        return cls.from_date(today(tz))

    @classmethod
    def parse(cls, text: str, *, era: Era | str | None = None) -> FiscalYear:
        """Read every notation the plan and its users write (see the module docs).

        >>> [FiscalYear.parse(t).year for t in ("R5", "FY2023", "令和五年度", "平成32年度")]
        [2023, 2023, 2023, 2020]
        >>> FiscalYear.parse("5年度", era="令和")
        FiscalYear(2023)
        """
        return _parse_fiscal_year(text, era)

    @classmethod
    def span(cls, first: FiscalYear, last: FiscalYear) -> tuple[FiscalYear, ...]:
        """Every fiscal year from ``first`` to ``last``, both included."""
        return tuple(cls(y) for y in range(first.year, last.year + 1))

    # -- calendar -------------------------------------------------------------------------

    @property
    def start(self) -> pendulum.Date:
        """1 April of the starting year."""
        return _date(self.year, 4, 1)

    @property
    def end(self) -> pendulum.Date:
        """31 March of the following year."""
        return _date(self.year + 1, 3, 31)

    def __contains__(self, date: object) -> bool:
        if isinstance(date, _dt.datetime):
            date = date.date()
        if not isinstance(date, _dt.date):
            return False
        return self.start <= date <= self.end

    def days(self) -> Iterator[pendulum.Date]:
        """Every day of the fiscal year, in order."""
        d = self.start
        while d <= self.end:
            yield d
            d = d.add(days=1)

    # -- arithmetic -----------------------------------------------------------------------

    def __add__(self, years: int) -> FiscalYear:
        if isinstance(years, bool) or not isinstance(years, int):
            return NotImplemented
        return FiscalYear(self.year + years)

    __radd__ = __add__

    @overload
    def __sub__(self, other: FiscalYear) -> int: ...
    @overload
    def __sub__(self, other: int) -> FiscalYear: ...
    def __sub__(self, other: int | FiscalYear) -> FiscalYear | int:
        if isinstance(other, FiscalYear):
            return self.year - other.year
        if isinstance(other, bool) or not isinstance(other, int):
            return NotImplemented
        return FiscalYear(self.year - other)

    # -- names ----------------------------------------------------------------------------

    @property
    def era(self) -> Era:
        """The era that names this fiscal year: the one in force on 1 April, except 令和元年度."""
        if self.year == Era.REIWA.gregorian_year(1):
            return Era.REIWA
        return Era.on(_dt.date(self.year, 4, 1))

    @property
    def year_in_era(self) -> int:
        """The number of the year within :attr:`era` (1 is 元年): 5 for 令和5年度."""
        return self.era.year_in_era(self.year)

    @property
    def label_ja(self) -> str:
        """``令和5年度``; ``令和元年度`` for FY2019."""
        return f"{self.era.kanji}{_era_numeral(self.year_in_era)}年度"

    @property
    def short(self) -> str:
        """``R5``, as the plan writes it in cells; ``R1`` for FY2019."""
        return f"{self.era.letter}{self.year_in_era}"

    @property
    def label_en(self) -> str:
        """``FY2023``."""
        return f"FY{self.year}"

    def __str__(self) -> str:
        return self.label_en

    def __repr__(self) -> str:
        return f"FiscalYear({self.year})"


@attrs.frozen(order=True)
class YearMonth:
    """A month as the plan writes it in cells (``R6.1月``, ``R4.12月末``).

    ``end_of_month`` records the ``末`` (end of) of ``R4.12月末``; :attr:`date` is then the
    month's last day, otherwise its first.
    """

    year: int = attrs.field(validator=_check_gregorian)
    month: int = attrs.field()
    end_of_month: bool = attrs.field(default=False, order=False)

    @month.validator
    def _check_month(self, _attribute: attrs.Attribute[int], value: int) -> None:
        if not 1 <= value <= 12:
            raise InvalidValueError(f"month must be 1 to 12, got {value}")

    @classmethod
    def parse(cls, text: str) -> YearMonth:
        """Read a month as the plan writes it.

        ``R6.1月``, ``R4.12月末``, ``R4.12月末時点``, ``R4.11月現在``, ``R5.6``, ``令和6年1月``
        or ``2024-01``. The month's fiscal year is :attr:`fiscal_year`.
        """
        return _parse_year_month(text)

    @property
    def first_day(self) -> pendulum.Date:
        return _date(self.year, self.month, 1)

    @property
    def last_day(self) -> pendulum.Date:
        return self.first_day.end_of("month")

    @property
    def date(self) -> pendulum.Date:
        """The last day for ``…月末``, the first day otherwise."""
        return self.last_day if self.end_of_month else self.first_day

    @property
    def fiscal_year(self) -> FiscalYear:
        """The fiscal year in which the month lies (R6.1月 lies in 令和5年度)."""
        return FiscalYear.from_date(self.first_day)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


# -- reading any input --------------------------------------------------------------------


def as_fiscal_year(value: FiscalYear | int | str) -> FiscalYear:
    """A fiscal year from a fiscal year, its starting year (2023) or text (``R5``, 令和5年度).

    This is the one reader of fiscal years for every input, as :func:`as_date` is of dates.
    """
    if isinstance(value, FiscalYear):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return FiscalYear(value)
    if isinstance(value, str):
        return FiscalYear.parse(value)
    raise InputTypeError(f"a fiscal year must be a FiscalYear, int or str, got {value!r}")


def as_date(value: _dt.date | str) -> pendulum.Date:
    """A date from a date (a datetime counts by its date) or from text naming one day.

    This is the one reader of dates for every input: command options, observation files,
    JSON. Text is read after NFKC normalisation (full-width digits are digits) as a year, a
    month and a day: ``2026-03-31``, ``2026-3-31``, ``2026/3/31``, ``2026.3.31``,
    ``20260331``, or in era notation, ``令和8年3月31日``, ``R8.3.31``, ``R8/3/31``. Anything
    else, a month alone included, is a :class:`~fukuoka_dx.errors.FiscalYearParseError`.

    >>> as_date("2026-03-31"), as_date("２０２６/3/31")
    (Date(2026, 3, 31), Date(2026, 3, 31))
    >>> as_date("令和8年3月31日"), as_date("R8.3.31")
    (Date(2026, 3, 31), Date(2026, 3, 31))
    """
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return _date(value.year, value.month, value.day)
    text = _normalise(value, "a date")
    try:
        era = None
        if m := _RE_DATE.match(text):
            year = int(m["y"] or m["ky"])
        elif m := _RE_ERA_DATE.match(text):
            era = Era.lookup(m["era"] or m["letter"])
            year = era.gregorian_year(_era_year_number(m["num"], value))
        else:
            raise ValueError("not a year, month and day")
        day = _date(year, int(m["m"] or m["mm"] or m["km"]), int(m["d"] or m["dd"] or m["kd"]))
    except ValueError:
        raise FiscalYearParseError(
            f"{value!r} is not a date: expected e.g. 2026-03-31, 2026/3/31 or 令和8年3月31日"
        ) from None
    if era is not None and Era.on(day) is not era:
        raise FiscalYearParseError(
            f"{value!r} is not a day of {era.kanji} ({day} is in {Era.on(day).kanji}): "
            f"write it as {EraYear.from_date(day).label_ja}{day.month}月{day.day}日 or {day}"
        )
    return day


# -- parsing ------------------------------------------------------------------------------

_KANJI_DIGITS: Final = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_KANJI_CHARS: Final = "".join(_KANJI_DIGITS) + "十百"
_NUM: Final = rf"(?P<num>-?\d+|元|[{_KANJI_CHARS}]+)"
_ERA_NAMES: Final = "|".join(e.kanji for e in Era)
_ERA_LETTERS: Final = "".join(e.letter for e in Era)

_RE_ERA_KANJI: Final = LazyPattern(rf"^(?P<era>{_ERA_NAMES})\s*{_NUM}\s*年度$")
_RE_ERA_LETTER: Final = LazyPattern(rf"^(?P<era>[{_ERA_LETTERS}])\s*{_NUM}\s*(?:年度)?$", re.I)
_RE_WESTERN: Final = LazyPattern(r"^(?:FY\s*)?(?P<year>\d{4})(?:\s*年度)?$", re.I)
_RE_BARE: Final = LazyPattern(rf"^{_NUM}\s*年度$")
_EXPECTED: Final = "expected a fiscal year such as 令和5年度, 令和元年度, R5, H30, FY2023 or 2023"


def _kanji_number(text: str) -> int:
    """A kanji numeral up to 999 (五, 十二, 三十一, 二〇)."""
    if all(c in _KANJI_DIGITS for c in text):
        return int("".join(str(_KANJI_DIGITS[c]) for c in text))
    total = 0
    rest = text
    for unit_char, unit in (("百", 100), ("十", 10)):
        if unit_char in rest:
            head, _, rest = rest.partition(unit_char)
            if len(head) > 1 or (head and head not in _KANJI_DIGITS):
                raise ValueError(text)
            total += (_KANJI_DIGITS[head] if head else 1) * unit
    if len(rest) > 1 or (rest and rest not in _KANJI_DIGITS):
        raise ValueError(text)
    return total + (_KANJI_DIGITS[rest] if rest else 0)


def _era_year_number(raw: str, text: str) -> int:
    if raw == "元":
        return 1
    try:
        n = int(raw) if raw.lstrip("-").isdigit() else _kanji_number(raw)
    except ValueError:
        raise FiscalYearParseError(
            f"cannot read the year {raw!r} in {text!r}; {_EXPECTED}"
        ) from None
    if n < 1:
        raise FiscalYearParseError(
            f"cannot parse {text!r}: an era year starts at 1 (元年), got {n}; {_EXPECTED}"
        )
    return n


def _from_era(era: Era, n: int, text: str) -> FiscalYear:
    year = era.gregorian_year(n)
    try:
        return FiscalYear(year)
    except ValueError as exc:
        raise FiscalYearParseError(f"cannot parse {text!r}: {exc}") from None


def _normalise(text: object, what: str) -> str:
    if not isinstance(text, str):
        raise InputTypeError(f"{what} must be text, got {type(text).__name__}: {text!r}")
    return unicodedata.normalize("NFKC", text).strip()


def _parse_fiscal_year(text: str, era: Era | str | None) -> FiscalYear:
    norm = _normalise(text, "fiscal year")
    if not norm:
        raise FiscalYearParseError(f"cannot parse an empty string as a fiscal year; {_EXPECTED}")
    if m := _RE_ERA_KANJI.match(norm):
        e = Era.lookup(m["era"])
        return _from_era(e, _era_year_number(m["num"], text), text)
    if m := _RE_ERA_LETTER.match(norm):
        e = Era.lookup(m["era"])
        return _from_era(e, _era_year_number(m["num"], text), text)
    if m := _RE_WESTERN.match(norm):
        try:
            return FiscalYear(int(m["year"]))
        except ValueError as exc:
            raise FiscalYearParseError(f"cannot parse {text!r}: {exc}") from None
    if m := _RE_BARE.match(norm):
        if era is None:
            raise AmbiguousEraError(
                f"{text!r} names no era: pass era= (e.g. era='令和') or write it in full "
                f"(令和{m['num']}年度)"
            )
        e = era if isinstance(era, Era) else Era.lookup(era)
        return _from_era(e, _era_year_number(m["num"], text), text)
    raise FiscalYearParseError(f"cannot parse {text!r} as a fiscal year; {_EXPECTED}")


_RE_MONTH_ERA: Final = LazyPattern(
    rf"^(?:(?P<era>{_ERA_NAMES})|(?P<letter>[{_ERA_LETTERS}]))\s*{_NUM}\s*(?:\.|年)\s*"
    r"(?P<month>\d{1,2})\s*(?:月)?\s*(?P<end>末)?\s*(?:時点|現在)?\s*[~〜～]?$",
    re.I,
)
_RE_DATE: Final = LazyPattern(
    r"^(?:(?P<y>\d{4})(?:(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})|(?P<mm>\d{2})(?P<dd>\d{2}))"
    r"|(?P<ky>\d{4})\s*年\s*(?P<km>\d{1,2})\s*月\s*(?P<kd>\d{1,2})\s*日)$"
)
_RE_ERA_DATE: Final = LazyPattern(
    rf"^(?:(?P<era>{_ERA_NAMES})|(?P<letter>[{_ERA_LETTERS}]))\s*(?P<num>\d+|元)\s*"
    r"(?:年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    r"|(?P<sep>[./-])(?P<mm>\d{1,2})(?P=sep)(?P<dd>\d{1,2}))$",
    re.I,
)
_RE_MONTH_ISO: Final = LazyPattern(r"^(?P<year>\d{4})[-/.](?P<month>\d{1,2})$")


def _parse_year_month(text: str) -> YearMonth:
    norm = _normalise(text, "month")
    expected = "expected a month such as R6.1月, R4.12月末, 令和6年1月 or 2024-01"
    try:
        if m := _RE_MONTH_ERA.match(norm):
            era = Era.lookup(m["era"] or m["letter"])
            year = era.gregorian_year(_era_year_number(m["num"], text))
            return YearMonth(year, int(m["month"]), end_of_month=m["end"] is not None)
        if m := _RE_MONTH_ISO.match(norm):
            return YearMonth(int(m["year"]), int(m["month"]))
    except FiscalYearParseError:
        raise
    except ValueError as exc:
        raise FiscalYearParseError(f"cannot parse {text!r} as a month: {exc}") from None
    raise FiscalYearParseError(f"cannot parse {text!r} as a month; {expected}")
