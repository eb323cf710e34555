"""Words for people, in Japanese or English: status labels, column headers, target names.

Machine formats (CSV headers, JSON keys, status codes) never change with the language; these
labels are for tables, reports, workbooks and charts that people read.

>>> status_label(Status.NEEDS_ACCELERATION, Lang.JA), status_label("on_track", "en")
('やや遅れ', 'on track')
>>> column_label("achievement", "ja")
'達成率'
"""

from __future__ import annotations

import enum
import os
import re
from collections.abc import Callable, Mapping
from typing import Final

from fukuoka_dx.errors import InvalidValueError
from fukuoka_dx.model import TargetColumn
from fukuoka_dx.observations.spreadsheet import OBSERVATION_HEADERS
from fukuoka_dx.progress import Status

__all__ = [
    "COLUMN_LABELS",
    "STATUS_LABELS",
    "Lang",
    "as_lang",
    "column_label",
    "default_lang",
    "english_name",
    "name_of",
    "name_with_japanese",
    "reason_label",
    "status_label",
    "target_label",
    "word_label",
]


class Lang(enum.StrEnum):
    """The languages of labels for people."""

    JA = "ja"
    EN = "en"


#: The fixed labels of the statuses (the codes stay the machine vocabulary).
STATUS_LABELS: Final[Mapping[Status, tuple[str, str]]] = {
    Status.ACHIEVED: ("達成", "achieved"),
    Status.ON_TRACK: ("順調", "on track"),
    Status.NEEDS_ACCELERATION: ("やや遅れ", "needs acceleration"),
    Status.LIMITED_PROGRESS: ("遅れ", "limited progress"),
    Status.DETERIORATION: ("悪化", "deterioration"),
    Status.NOT_ASSESSABLE: ("評価不能", "not assessable"),
    Status.NO_DATA: ("実績なし", "no data"),
}

#: Headers for people of the machine columns (Japanese, English).
#: The observation columns take the headers the workbook template writes.
COLUMN_LABELS: Final[Mapping[str, tuple[str, str]]] = {
    **OBSERVATION_HEADERS,
    "initiative_id": ("実行項目", "initiative"),
    "promotion_item_id": ("推進項目", "promotion item"),
    "pillar_id": ("柱", "pillar"),
    "name": ("指標名", "name"),
    "title": ("名称", "title"),
    "unit": ("単位", "unit"),
    "bureau": ("所管", "bureau"),
    "target": ("目標", "target"),
    "target_fy": ("目標年度", "target FY"),
    "target_value": ("目標値", "target value"),
    "baseline": ("現状値", "baseline"),
    "observed_fy": ("実績年度", "observed FY"),
    "observed_value": ("実績値", "observed"),
    "achievement": ("達成率", "achievement"),
    "expected": ("期待進捗", "expected"),
    "status": ("進捗状況", "status"),
    "reason": ("理由", "reason"),
    "pace": ("年平均の伸び", "pace per year"),
    "projected": ("目標年度の見込み", "projected"),
    "required_pace": ("必要な伸び(年)", "required pace per year"),
    "on_course": ("達成見込み", "on course"),
    "grade": ("評価", "grade"),
    "total": ("指標数", "indicators"),
    "assessable": ("評価対象", "assessable"),
    "mean_achievement": ("平均達成率", "mean achievement"),
    "key": ("区分", "group"),
    "label": ("名称", "name"),
}

_TARGETS: Final = {
    TargetColumn.BASELINE: ("現状値", "baseline"),
    TargetColumn.MIDTERM: ("中間目標", "mid-term target"),
    TargetColumn.FINAL: ("最終目標", "final target"),
}


def as_lang(value: Lang | str) -> Lang:
    """A language from ``ja`` or ``en`` (any case)."""
    try:
        return Lang(str(value).strip().lower())
    except ValueError:
        raise InvalidValueError(f"unknown language {value!r}: expected ja or en") from None


def default_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """Japanese when the locale is Japanese (``LC_ALL``, ``LC_MESSAGES`` or ``LANG``, the
    first one set, starts with ``ja``), else English."""
    env = os.environ if environ is None else environ
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(key, "")
        if value:
            return Lang.JA if value.lower().startswith("ja") else Lang.EN
    return Lang.EN


def _pick(pair: tuple[str, str], lang: Lang | str) -> str:
    return pair[0] if as_lang(lang) is Lang.JA else pair[1]


def status_label(status: Status | str, lang: Lang | str) -> str:
    """The label of a status for people."""
    return _pick(STATUS_LABELS[Status(status)], lang)


def column_label(column: str, lang: Lang | str) -> str:
    """The header of a column for people (the column's own name where none is set)."""
    pair = COLUMN_LABELS.get(column)
    return _pick(pair, lang) if pair else column


def target_label(column: TargetColumn | str, lang: Lang | str) -> str:
    """``中間目標`` / ``mid-term target``, ``最終目標`` / ``final target``."""
    return _pick(_TARGETS[TargetColumn(column)], lang)


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


#: The reasons the rules give, in Japanese (the rules write them in English, the machine
#: formats keep them so).
_REASONS_JA: Final[Mapping[str, str]] = {
    "no observation": "実績なし",
    "the target is met": "目標を達成",
    "the rate is undefined": "達成率を計算できない",
    "within the range": "目標の範囲内",
    "outside the range": "目標の範囲外",
    "the baseline level is kept": "現状値の水準を維持",
    "below the baseline level": "現状値の水準を下回る",
    "equal to the baseline": "現状値と同じ",
    "moved the desired way from the baseline": "現状値から目指す方向に変化",
    "moved away from the baseline": "現状値から目指す方向と逆に変化",
    "a ceiling/floor target: met or not, no rate": "上限・下限の目標: 達成か否かのみ(達成率なし)",
    "no usable baseline for a decreasing target": "減少を目指す指標で比較できる現状値がない",
    "a level to hold, not held": "維持すべき水準を下回る",
    "the target is a figure": "目標は数値",
    "no baseline figure: observe a change (30%減)": "現状値の数値がない: 変化率(30%減など)で入力",
    "the target is a relative change": "目標は変化率",
    "the target has labelled parts": "目標は区分ごとの数値",
    "the target is a stage": "目標は段階",
    "the target needs a figure": "目標の判定には数値が必要",
    "no baseline figure to compare": "比較する現状値の数値がない",
}
_KINDS_JA: Final[Mapping[str, str]] = {
    "pending": "設定予定",
    "qualitative": "定性的",
    "none": "設定なし",
    "missing": "記載なし",
    "carry_forward": "→",
    "same_as_previous": "同左",
}
_REASON_PATTERNS_JA: Final[tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...]] = (
    (
        re.compile(r"^the target is (\w+): nothing to test$"),
        lambda m: f"目標が{_KINDS_JA.get(m[1], m[1])}のため判定できない",
    ),
    (re.compile(r"^no observed part (.+)$"), lambda m: f"区分「{m[1]}」の実績がない"),
    (re.compile(r"^part (.+) has a zero target$"), lambda m: f"区分「{m[1]}」の目標が0"),
    (re.compile(r"^unknown stage (.+)$"), lambda m: f"計画にない段階 {m[1]}"),
    (
        re.compile(r"^observed in (\S+) \(FY\d+\), (in|before) the baseline year (\S+) \(FY\d+\)"),
        lambda m: (
            f"{m[1]}の実績は現状値の年度({m[3]})"
            + ("と同じ" if m[2] == "in" else "より前")
            + "のため、期待される進捗がまだない"
        ),
    ),
)


def reason_label(reason: str, lang: Lang | str) -> str:
    """A reason of the rules for people: in Japanese where it is one the rules give (the
    English otherwise, and always in the machine formats)."""
    if as_lang(lang) is Lang.EN or not reason:
        return reason
    if reason in _REASONS_JA:
        return _REASONS_JA[reason]
    for pattern, render in _REASON_PATTERNS_JA:
        if m := pattern.match(reason):
            return render(m)
    return reason


_WORDS: Final[Mapping[str, tuple[str, str]]] = {
    "present": ("あり", "present"),
    "pending": ("設定予定", "pending"),
    "absent": ("なし", "absent"),
    "increase": ("増加", "increase"),
    "decrease": ("減少", "decrease"),
    "maintain": ("維持", "maintain"),
    "unknown": ("不明", "unknown"),
}


def word_label(code: str, lang: Lang | str) -> str:
    """An indicator status (present, pending, absent) or a direction for people."""
    pair = _WORDS.get(code)
    return _pick(pair, lang) if pair else code
