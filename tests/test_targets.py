"""Reading indicator cells into target kinds: the document's own cells."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fukuoka_dx.targets import (
    CompositeTarget,
    Direction,
    MissingTarget,
    NumberTarget,
    RangeTarget,
    TargetKind,
    TargetParseError,
    parse_number,
    parse_target,
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("80", TargetKind.NUMBER),
        ("6,000", TargetKind.NUMBER),
        ("51.3", TargetKind.NUMBER),
        ("5,739 (R4.12月末時点)", TargetKind.NUMBER),
        ("2,400 (見込み件数)", TargetKind.NUMBER),
        ("20%減", TargetKind.RELATIVE),
        ("増加", TargetKind.DIRECTION),
        ("減少", TargetKind.DIRECTION),
        ("継続", TargetKind.MAINTAIN),
        ("同左", TargetKind.SAME_AS_PREVIOUS),
        ("→", TargetKind.CARRY_FORWARD),
        ("※", TargetKind.PENDING),
        ("調査後設定※", TargetKind.PENDING),
        ("R5年度以降設定※", TargetKind.PENDING),
        ("指標なし (今後調査)", TargetKind.PENDING),
        ("15~80", TargetKind.RANGE),
        ("対面30 オンライン30", TargetKind.COMPOSITE),
        ("全校", TargetKind.QUALITATIVE),
        ("ほぼ全市民", TargetKind.QUALITATIVE),
        ("-", TargetKind.NONE),
    ],
)
def test_kinds_of_the_documents_cells(text: str, kind: TargetKind) -> None:
    target = parse_target(text)
    assert target.kind is kind
    assert target.text == text


def test_figures_and_notes() -> None:
    t = parse_target("5,739 (R4.12月末時点)")
    assert isinstance(t, NumberTarget)
    assert (t.value, t.note, t.as_of, t.estimate) == (5739.0, "R4.12月末時点", True, False)
    assert t.as_of_month is not None and str(t.as_of_month) == "2022-12"
    e = parse_target("2,400 (見込み件数)")
    assert isinstance(e, NumberTarget) and e.estimate and not e.as_of and e.as_of_month is None


def test_values() -> None:
    assert parse_target("20%減").percent == -20  # type: ignore[union-attr]
    assert parse_target("増加").direction is Direction.INCREASE  # type: ignore[union-attr]
    r = parse_target("15~80")
    assert isinstance(r, RangeTarget) and (r.low, r.high) == (15, 80)
    c = parse_target("対面30 オンライン30")
    assert isinstance(c, CompositeTarget)
    assert [(p.label, p.value) for p in c.parts] == [("対面", 30), ("オンライン", 30)]
    assert c.part("対面").value == 30
    with pytest.raises(KeyError, match="会場"):
        c.part("会場")


def test_kind_override() -> None:
    assert parse_target("ロードマップ策定", "milestone").kind is TargetKind.MILESTONE
    assert parse_target("全校(98)", TargetKind.QUALITATIVE).kind is TargetKind.QUALITATIVE
    with pytest.raises(TargetParseError, match="reads as qualitative, not number"):
        parse_target("全校", TargetKind.NUMBER)
    with pytest.raises(TargetParseError):
        parse_target(None)
    with pytest.raises(TargetParseError):
        parse_target("", None)


def test_validators() -> None:
    with pytest.raises(ValueError, match=r"low 80\.0 is above high 15\.0"):
        RangeTarget("80~15", 80, 15)
    with pytest.raises(ValueError, match="finite"):
        NumberTarget("nan", float("nan"))
    with pytest.raises(ValueError):
        MissingTarget("")
    with pytest.raises(ValueError, match="two parts"):
        CompositeTarget("対面30", ())


def test_parse_number() -> None:
    assert parse_number("1,234") == 1234
    assert parse_number("１２.５") == 12.5
    for bad in ("nan", "inf", "1e9", "12a", ""):
        with pytest.raises(TargetParseError):
            parse_number(bad)


@given(st.text(max_size=16))
def test_any_cell_text_reads_as_a_kind_or_raises(text: str) -> None:
    try:
        target = parse_target(text)
    except TargetParseError:
        assert not text.strip()
    else:
        assert target.text == text


@given(
    st.floats(allow_nan=False, allow_infinity=False),
    st.floats(allow_nan=False, allow_infinity=False),
)
def test_ranges_reject_low_above_high(low: float, high: float) -> None:
    if low > high:
        with pytest.raises(ValueError):
            RangeTarget("x", low, high)
    else:
        assert RangeTarget("x", low, high).low == low


@given(st.sampled_from([float("nan"), float("inf"), float("-inf")]))
def test_figures_reject_non_finite(value: float) -> None:
    with pytest.raises(ValueError):
        NumberTarget("x", value)
