"""Labels for people, in one place: of statuses (with their symbols and colours), columns,
targets, target kinds, reasons and names, drawn from the catalogue of words
(:mod:`fukuoka_dx.words`).

Machine formats (CSV headers, JSON keys, status codes) never change with the language; these
labels are for tables, reports, workbooks and charts that people read.

>>> status_label(Status.NEEDS_ACCELERATION, Lang.JA), status_label("on_track", "en")
('やや遅れ', 'on track')
>>> column_label("achievement", "ja")
'達成率'
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Final

from fukuoka_dx.fiscal_calendar import FiscalYear
from fukuoka_dx.model import TargetColumn
from fukuoka_dx.observations.marks import FigureMark
from fukuoka_dx.observations.values import CompositeValue, Figure, ObservedValue, value_text
from fukuoka_dx.progress import Reason, Status
from fukuoka_dx.targets import TargetKind
from fukuoka_dx.words import CATALOGUE, Lang, as_lang, fiscal_year_label, say

__all__ = [
    "COLUMN_LABELS",
    "STATUS_COLOURS",
    "STATUS_FILLS",
    "STATUS_LABELS",
    "STATUS_SYMBOLS",
    "bureau_label",
    "change_unit_label",
    "column_label",
    "english_name",
    "figure_label",
    "fy_label",
    "fy_range",
    "kind_label",
    "mark_label",
    "name_of",
    "name_with_japanese",
    "reason_label",
    "status_label",
    "target_label",
    "unit_label",
    "value_label",
    "word_label",
]

#: The fixed labels of the statuses (the codes stay the machine vocabulary).
STATUS_LABELS: Final[Mapping[Status, tuple[str, str]]] = {
    s: CATALOGUE[f"status.{s.value}"] for s in Status
}

#: A symbol for each status, shown beside its label so that no status is told by colour alone.
STATUS_SYMBOLS: Final[Mapping[Status, str]] = {
    Status.ACHIEVED: "◎",
    Status.ON_TRACK: "○",
    Status.NEEDS_ACCELERATION: "△",
    Status.LIMITED_PROGRESS: "▽",
    Status.DETERIORATION: "✕",
    Status.NOT_ASSESSABLE: "?",
    Status.NO_DATA: "－",
}

#: The colour of each status, in charts and in the HTML report.
STATUS_FILLS: Final[Mapping[Status, str]] = {
    Status.ACHIEVED: "#1a9850",
    Status.ON_TRACK: "#91cf60",
    Status.NEEDS_ACCELERATION: "#fee08b",
    Status.LIMITED_PROGRESS: "#fc8d59",
    Status.DETERIORATION: "#d73027",
    Status.NOT_ASSESSABLE: "#bbbbbb",
    Status.NO_DATA: "#eeeeee",
}

#: The fill of each status and the text colour that reads on it (contrast 4.5:1 or more).
STATUS_COLOURS: Final[Mapping[Status, tuple[str, str]]] = {
    status: (fill, "#ffffff" if status is Status.DETERIORATION else "#000000")
    for status, fill in STATUS_FILLS.items()
}

#: Headers for people of the machine columns (Japanese, English).
COLUMN_LABELS: Final[Mapping[str, tuple[str, str]]] = {
    key.removeprefix("column."): pair
    for key, pair in CATALOGUE.items()
    if key.startswith("column.")
}

#: A fiscal year for people (the one formatter; see :func:`fukuoka_dx.words.fiscal_year_label`).
fy_label: Final = fiscal_year_label


def status_label(status: Status | str, lang: Lang | str) -> str:
    """The label of a status for people."""
    return say(f"status.{Status(status).value}", lang)


def column_label(column: str, lang: Lang | str) -> str:
    """The header of a column for people (the column's own name where none is set)."""
    key = f"column.{column}"
    return say(key, lang) if key in CATALOGUE else column


def target_label(column: TargetColumn | str, lang: Lang | str) -> str:
    """``中間目標`` / ``mid-term target``, ``最終目標`` / ``final target``."""
    return say(f"target.{TargetColumn(column).value}", lang)


def kind_label(kind: TargetKind | str, lang: Lang | str) -> str:
    """A target kind for people: ``数値`` / ``number``."""
    return say(f"kind.{TargetKind(kind).value}", lang)


def reason_label(reason: Reason | None, lang: Lang | str) -> str:
    """A reason of the rules in words for people (empty where there is none)."""
    return "" if reason is None else reason.text(lang)


def word_label(code: str, lang: Lang | str) -> str:
    """An indicator status (present, pending, absent) or a direction for people."""
    key = f"word.{code}"
    return say(key, lang) if key in CATALOGUE else code


def fy_range(first: FiscalYear, last: FiscalYear, lang: Lang | str) -> str:
    """A span of fiscal years, both calendars: ``令和5年度 (FY2023)–令和8年度 (FY2026)``."""
    return f"{fy_label(first, lang, both=True)}–{fy_label(last, lang, both=True)}"


def english_name(value: object) -> str | None:
    """The plan's unofficial English translation of a title or name, if it has one."""
    if isinstance(value, str):
        return None
    en = getattr(value, "title_en", None) or getattr(value, "name_en", None)
    return str(en) if en else None


def _japanese_name(value: object) -> str:
    if isinstance(value, str):  # a str's own ``title`` is a method, not a name
        return value
    return str(getattr(value, "title", None) or getattr(value, "name", None) or value)


def name_of(value: object, lang: Lang | str) -> str:
    """The name of a promotion item, initiative or indicator for people: in English, the
    unofficial translation where the plan has one (else the Japanese), in Japanese the
    Japanese. Use :func:`name_with_japanese` where the Japanese should stand beside it."""
    if as_lang(lang) is Lang.EN:
        en = english_name(value)
        if en:
            return en
    return _japanese_name(value)


def name_with_japanese(value: object, lang: Lang | str) -> str:
    """In English, ``English name (日本語)``; in Japanese, the Japanese name."""
    ja = _japanese_name(value)
    shown = name_of(value, lang)
    return shown if shown == ja else f"{shown} ({ja})"


def bureau_label(bureau: object, lang: Lang | str) -> str:
    """A bureau for people: its Japanese name, with the English before it in English."""
    ja = str(getattr(bureau, "name_ja", bureau))
    en = getattr(bureau, "name_en", None)
    return ja if as_lang(lang) is Lang.JA or not en else f"{en} ({ja})"


def unit_label(indicator: object, lang: Lang | str) -> str:
    """An indicator's unit for people: the English unit in English where the plan has one."""
    unit = getattr(indicator, "unit", None)
    en = getattr(indicator, "unit_en", None)
    return (en if as_lang(lang) is Lang.EN and en else unit) or ""


def figure_label(value: float | None, decimals: int = 3) -> str:
    """A figure for people: thousands separated, at most ``decimals`` decimals, no float
    noise and never ``-0`` (``19,200``, ``7.9``, ``4,538.3``); ``-`` for none.

    >>> figure_label(19200.0), figure_label(4538.333333), figure_label(-0.0001), figure_label(None)
    ('19,200', '4,538.333', '0', '-')
    """
    if value is None or not math.isfinite(value):
        return "-"
    text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{value:,.0f}"
    return "0" if text in ("-0", "") else text


def value_label(value: ObservedValue) -> str:
    """An observed value for people: figures with separators (``19,200``, ``対面28
    オンライン31``), a change or a stage as written (``30%減``)."""
    if isinstance(value, Figure):
        return figure_label(value.value)
    if isinstance(value, CompositeValue):
        return " ".join(f"{p.label}{figure_label(p.value)}" for p in value.parts)
    return value_text(value)


def mark_label(mark: FigureMark | str, lang: Lang | str) -> str:
    """A figure's mark for people: ``速報値`` / ``provisional``, ``例示`` / ``illustrative``."""
    return say(f"mark.{FigureMark(mark).value}", lang)


def change_unit_label(indicator: object, lang: Lang | str) -> str:
    """The unit of a change in an indicator's figures: percentage points for a percentage
    (``ポイント`` / ``points``: 8.2% to 7.9% is −0.3 points, not −0.3 %), else its unit."""
    if getattr(indicator, "unit", None) == "%":
        return say("unit.points", lang)
    return unit_label(indicator, lang)
