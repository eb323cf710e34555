"""Fuzz properties of the value reader: any text either reads to the value a person means or
is refused, and the marks of a figure (its sign, its decimal point, its thousands commas) never
change what it means.

The person's reading is written out here on its own (:func:`meant`), from the notations the
documentation promises, not from the reader's code: a figure is ASCII or full-width digits,
with an optional sign, commas grouping three digits, and a decimal point; on a percentage
indicator it may end in ``%``; it must be held exactly.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from fukuoka_dx import Figure, InvalidValueError, RelativeChange, load_plan
from fukuoka_dx.model import Indicator
from fukuoka_dx.observations import parse_value, value_text
from fukuoka_dx.targets import number_text

PLAN = load_plan()
#: A figure that may be negative (a satisfaction score, no unit), a percentage, a count.
SCORE, PERCENT, COUNT = (PLAN.indicator(i) for i in ("1-1-1.1", "1-1.1", "1-1-3.1"))
RELATIVE = PLAN.indicator("3-2-13.1")  # its target is 20%減: it takes a change

_NUMERAL = re.compile(r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
_DIGITS = set("0123456789０１２３４５６７８９")


def meant(text: str, indicator: Indicator) -> Decimal | None:
    """The figure a person reads in ``text`` for ``indicator``, or ``None`` where a careful
    person would not read one (or the indicator cannot take it)."""
    if any(
        ch not in _DIGITS and any(c.isdigit() for c in unicodedata.normalize("NFKC", ch))
        for ch in text
    ):
        return None  # ¹, ①, ٣: they look like digits, they are not the digits of a figure
    norm = unicodedata.normalize("NFKC", text).strip()
    if indicator.unit == "%":
        norm = norm.removesuffix("%").rstrip()
    if not _NUMERAL.fullmatch(norm):
        return None
    number = Decimal(norm.replace(",", ""))
    if Decimal(number_text(float(number))) != number:
        return None  # more digits than a figure holds: refused, never rounded
    if indicator.unit == "%" and not 0 <= number <= 100:
        return None
    if indicator in (COUNT,) and number < 0:
        return None
    return number


#: Characters that make and break figures: digits of both widths, signs, marks, spaces, and
#: look-alikes, letters and the words of a change.
MARKS = "0123456789０１２３４５６７８９,.，．+-－ 　%％減増e_¹①٣aＡ"


@st.composite
def written_figures(draw: st.DrawFn) -> tuple[str, Decimal]:
    """A figure and a way of writing it: a sign or none, commas or none, full-width digits
    here and there, spaces around."""
    whole = draw(st.integers(0, 10**12))
    places = draw(st.integers(0, 3))
    fraction = draw(st.integers(0, 10**places - 1)) if places else 0
    negative = draw(st.booleans())
    digits = f"{whole:,}" if draw(st.booleans()) else str(whole)
    if places:
        digits += "." + str(fraction).rjust(places, "0")
    sign = "-" if negative else draw(st.sampled_from(["", "+"]))
    text = sign + digits
    wide = {c: chr(ord(c) + 0xFEE0) for c in "0123456789,.+-"}
    text = "".join(wide[c] if c in wide and draw(st.booleans()) else c for c in text)
    text = draw(st.sampled_from(["", " ", "　"])) + text + draw(st.sampled_from(["", " "]))
    value = Decimal(digits.replace(",", ""))
    return text, -value if negative else value


@st.composite
def near_figures(draw: st.DrawFn) -> str:
    """A figure as a person writes it, then one mark put in, taken out or changed."""
    text, _ = draw(written_figures())
    at = draw(st.integers(0, len(text)))
    mark = draw(st.sampled_from(MARKS))
    how = draw(st.sampled_from(["insert", "replace", "delete"]))
    if how == "insert":
        return text[:at] + mark + text[at:]
    if how == "replace":
        return text[:at] + mark + text[at + 1 :]
    return text[:at] + text[at + 1 :]


@pytest.mark.parametrize("indicator", [SCORE, PERCENT, COUNT], ids=lambda i: i.id)
@given(text=st.one_of(st.text(alphabet=MARKS, max_size=14), near_figures()))
@example(text="-30%減")
@example(text="55,5")
@example(text="1,2,3")
@example(text="12345678901234567890")
@example(text="１,２３４.５")
def test_any_text_reads_to_the_figure_meant_or_is_refused(indicator: Indicator, text: str) -> None:
    want = meant(text, indicator)
    try:
        got = parse_value(text, indicator)
    except InvalidValueError:
        assert want is None, f"{text!r} means {want} but was refused"
        return
    assert isinstance(got, Figure), f"{text!r} read as {got!r}"
    assert want is not None, f"{text!r} means nothing, but read as {got}"
    assert Decimal(number_text(got.value)) == want
    assert parse_value(value_text(got), indicator) == got  # and it is written back the same


@given(written_figures())
def test_sign_decimal_and_thousands_marks_never_change_the_meaning(
    written: tuple[str, Decimal],
) -> None:
    text, value = written
    got = parse_value(text, SCORE)
    assert isinstance(got, Figure)
    assert Decimal(number_text(got.value)) == value
    flipped = parse_value("-" + text.strip().lstrip("+-＋－"), SCORE)
    assert isinstance(flipped, Figure) and flipped.value == -abs(got.value)


@given(st.integers(1, 999), st.integers(1, 99))
def test_a_decimal_comma_is_never_read_as_a_thousands_separator(whole: int, rest: int) -> None:
    assert parse_value(f"{whole}.{rest}", SCORE) == Figure(float(f"{whole}.{rest}"))
    with pytest.raises(InvalidValueError, match="write a decimal with a point"):
        parse_value(f"{whole},{rest}", SCORE)
    assert parse_value(f"{whole},{rest:03d}", SCORE) == Figure(whole * 1000 + rest)


@given(st.integers(0, 100), st.sampled_from(["減", "減少", "削減", "増", "増加"]))
def test_a_change_reads_its_direction_from_its_word_alone(percent: int, word: str) -> None:
    sign = -1 if "減" in word else 1
    assert parse_value(f"{percent}%{word}", RELATIVE) == RelativeChange(sign * percent)
    assert parse_value(f"{percent}％{word}", RELATIVE) == RelativeChange(sign * percent)
    for mark in "+-":
        with pytest.raises(InvalidValueError, match="gives its direction twice"):
            parse_value(f"{mark}{percent}%{word}", RELATIVE)
