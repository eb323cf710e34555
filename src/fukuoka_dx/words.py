"""The one catalogue of words for people, in Japanese and English, by key.

Rules return data (a code and its parameters); every word a person reads comes from here:
labels of statuses and columns, reasons, the text of screens, reports and workbooks.
Machine formats (CSV headers, JSON keys, codes) never change with the language.

>>> say("status.needs_acceleration", Lang.JA), say("status.on_track", "en")
('やや遅れ', 'on track')
>>> from fukuoka_dx.fiscal_calendar import FiscalYear
>>> say("reason.latest_in_target_year", "ja", target_fy=FiscalYear(2026))
'最新の実績が目標年度(令和8年度)以降'
>>> fiscal_year_label(FiscalYear(2024), "en", both=True)
'FY2024 (令和6年度)'
"""

from __future__ import annotations

import datetime as _dt
import enum
import os
import string
from collections.abc import Mapping
from typing import Final

from fukuoka_dx.errors import InvalidValueError, NotFoundError
from fukuoka_dx.fiscal_calendar import FiscalYear

__all__ = [
    "CATALOGUE",
    "Lang",
    "as_lang",
    "default_lang",
    "fiscal_year_label",
    "placeholders",
    "say",
]


class Lang(enum.StrEnum):
    """The languages of words for people."""

    JA = "ja"
    EN = "en"


def as_lang(value: Lang | str) -> Lang:
    """A language from ``ja`` or ``en`` (any case)."""
    if isinstance(value, Lang):
        return value
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


def fiscal_year_label(fy: FiscalYear, lang: Lang | str, *, both: bool = False) -> str:
    """A fiscal year for people, the one formatter: ``令和6年度`` / ``FY2024``; with
    ``both``, the other calendar beside it (``令和6年度 (FY2024)`` / ``FY2024 (令和6年度)``)."""
    if as_lang(lang) is Lang.JA:
        return f"{fy.label_ja} ({fy})" if both else fy.label_ja
    return f"{fy} ({fy.label_ja})" if both else str(fy)


class _FiscalYearWord:
    """A fiscal-year parameter: ``{fy}`` in the language's own form, ``{fy:ja}`` the era
    form, ``{fy:en}`` ``FY2024``, ``{fy:both}`` both."""

    __slots__ = ("fy", "lang")

    def __init__(self, fy: FiscalYear, lang: Lang) -> None:
        self.fy, self.lang = fy, lang

    def __format__(self, spec: str) -> str:
        if spec == "ja":
            return self.fy.label_ja
        if spec == "en":
            return str(self.fy)
        if spec == "both":
            return fiscal_year_label(self.fy, self.lang, both=True)
        return fiscal_year_label(self.fy, self.lang)


#: Every word for people: key → (Japanese, English). ``{name}`` marks a parameter; both
#: languages of a key take the same parameters (tested).
CATALOGUE: Final[Mapping[str, tuple[str, str]]] = {
    # -- statuses (the codes stay the machine vocabulary) --
    "status.achieved": ("達成", "achieved"),
    "status.on_track": ("順調", "on track"),
    "status.needs_acceleration": ("やや遅れ", "needs acceleration"),
    "status.limited_progress": ("遅れ", "limited progress"),
    "status.deterioration": ("悪化", "deterioration"),
    "status.not_assessable": ("評価不能", "not assessable"),
    "status.no_data": ("実績なし", "no data"),
    # -- columns (headers for people of the machine columns) --
    "column.indicator_id": ("指標", "indicator"),
    "column.fiscal_year": ("年度", "fiscal year"),
    "column.value": ("実績値", "value"),
    "column.as_of": ("時点", "as of"),
    "column.source": ("出典", "source"),
    "column.note": ("備考", "note"),
    "column.edition": ("版", "edition"),
    "column.digest": ("ダイジェスト", "digest"),
    "column.initiative_id": ("実行項目", "initiative"),
    "column.promotion_item_id": ("推進項目", "promotion item"),
    "column.pillar_id": ("柱", "pillar"),
    "column.name": ("指標名", "name"),
    "column.title": ("名称", "title"),
    "column.unit": ("単位", "unit"),
    "column.bureau": ("所管", "bureau"),
    "column.target": ("目標", "target"),
    "column.target_fy": ("目標年度", "target FY"),
    "column.target_value": ("目標値", "target value"),
    "column.baseline": ("現状値", "baseline"),
    "column.observed_fy": ("実績年度", "observed FY"),
    "column.observed_value": ("実績値", "observed"),
    "column.achievement": ("達成率", "achievement"),
    "column.expected": ("期待進捗", "expected"),
    "column.status": ("進捗状況", "status"),
    "column.reason": ("理由", "reason"),
    "column.pace": ("年平均の伸び", "pace per year"),
    "column.projected": ("目標年度の見込み", "projected"),
    "column.required_pace": ("必要な伸び(年)", "required pace per year"),
    "column.on_course": ("達成見込み", "on course"),
    "column.grade": ("評価", "grade"),
    "column.total": ("指標数", "indicators"),
    "column.assessable": ("評価対象", "assessable"),
    "column.mean_achievement": ("平均達成率", "mean achievement"),
    "column.key": ("区分", "group"),
    "column.label": ("名称", "name"),
    "column.indicator_count": ("指標", "indicators"),
    "column.activities": ("工程", "activities"),
    "column.row": ("行", "row"),
    "column.trajectory": ("推移", "trajectory"),
    "column.kind": ("種類", "kind"),
    "column.promotion_items": ("推進項目", "promotion items"),
    "column.initiatives": ("実行項目", "initiatives"),
    "column.indicators": ("指標", "indicators"),
    "column.name_en": ("英語名", "name"),
    "column.provisional": ("速報値", "provisional"),
    "column.evidence": ("根拠資料", "evidence"),
    "column.factors": ("要因分析", "factors"),
    "column.issues": ("課題", "issues"),
    "column.next_step": ("今後の方向性", "next step"),
    "column.done": ("取組実績", "what was done"),
    "column.initiative_title": ("実行項目名", "initiative title"),
    "column.scheduled": ("今年度の工程", "scheduled this year"),
    "column.activity_status": ("工程の進捗", "schedule status"),
    "column.return_status": ("回答状況", "return status"),
    "column.files": ("ファイル", "files"),
    "column.indicators_reported": ("指標(報告済)", "indicators reported"),
    "column.initiatives_reported": ("実行項目(報告済)", "initiatives reported"),
    "column.refused": ("不備", "refused"),
    "column.not_reported": ("報告なし", "not reported"),
    # -- schedule status of an initiative in a year (the codes stay the machine vocabulary) --
    "activity.as_planned": ("計画どおり", "as planned"),
    "activity.ahead": ("前倒し", "ahead of schedule"),
    "activity.partly_delayed": ("一部遅れ", "partly delayed"),
    "activity.delayed": ("遅れ", "delayed"),
    "activity.not_started": ("未着手", "not started"),
    "activity.revised": ("見直し", "revised"),
    "activity.discontinued": ("中止", "discontinued"),
    "activity.not_reported": ("報告なし", "not reported"),
    # -- the next step (今後の方向性) --
    "next_step.expand": ("拡充", "expand"),
    "next_step.continue": ("継続", "continue"),
    "next_step.improve": ("改善・見直し", "improve"),
    "next_step.complete": ("完了", "complete"),
    "next_step.reduce": ("縮小", "reduce"),
    "next_step.stop": ("休止・廃止", "stop"),
    # -- whether a figure is provisional (速報値) --
    "provisional.true": ("速報値", "provisional"),
    "provisional.false": ("確定値", "final"),
    # -- a bureau's return, an item's --
    "return.returned": ("回答済み", "returned"),
    "return.returned_with_problems": ("回答に不備あり", "returned with problems"),
    "return.not_returned": ("未回答", "not returned"),
    "item.reported": ("報告済み", "reported"),
    "item.reposted": ("再掲元で報告済み", "reported by the block it re-posts"),
    "item.missing": ("未報告", "missing"),
    "column.counts": ("内訳", "counts"),
    "column.averaged": ("平均の対象", "averaged"),
    # -- the target columns --
    "target.baseline": ("現状値", "baseline"),
    "target.midterm": ("中間目標", "mid-term target"),
    "target.final": ("最終目標", "final target"),
    # -- target kinds --
    "kind.number": ("数値", "number"),
    "kind.relative": ("変化率", "relative"),
    "kind.direction": ("方向", "direction"),
    "kind.maintain": ("維持", "maintain"),
    "kind.range": ("範囲", "range"),
    "kind.composite": ("区分ごとの数値", "composite"),
    "kind.milestone": ("段階", "milestone"),
    "kind.pending": ("設定予定", "pending"),
    "kind.qualitative": ("定性的", "qualitative"),
    "kind.none": ("設定なし", "none"),
    "kind.missing": ("記載なし", "missing"),
    "kind.carry_forward": ("→", "carry forward"),
    "kind.same_as_previous": ("同左", "same as previous"),
    # -- qualifiers and positions of an indicator --
    "qualifier.cumulative": ("累計", "cumulative"),
    "qualifier.monthly_average": ("月平均", "monthly_average"),
    "qualifier.per_year": ("年間", "per_year"),
    "qualifier.per_single_year": ("単年度毎", "per_single_year"),
    "position.upper": ("上段", "upper"),
    "position.lower": ("下段", "lower"),
    # -- indicator statuses of an initiative, directions --
    "word.present": ("あり", "present"),
    "word.pending": ("設定予定", "pending"),
    "word.absent": ("なし", "absent"),
    "word.increase": ("増加", "increase"),
    "word.decrease": ("減少", "decrease"),
    "word.maintain": ("維持", "maintain"),
    "word.unknown": ("不明", "unknown"),
    "word.yes_course": ("見込みあり", "yes"),
    "word.no_course": ("見込みなし", "no"),
    "word.none": ("なし", "none"),
    # -- what a figure is besides a result, and units --
    "mark.provisional": ("速報値", "provisional"),
    "mark.illustrative": ("例示(実績ではない)", "illustrative, not a result"),
    "mark.short.provisional": ("速報", "prov."),
    "mark.short.illustrative": ("例示", "illus."),
    "unit.points": ("ポイント", "points"),
    # -- the reasons of the rules --
    "reason.no_observation": ("実績なし", "no observation"),
    "reason.target_met": ("目標を達成", "the target is met"),
    "reason.rate_undefined": ("達成率を計算できない", "the rate is undefined"),
    "reason.within_range": ("目標の範囲内", "within the range"),
    "reason.outside_range": ("目標の範囲外", "outside the range"),
    "reason.baseline_kept": ("現状値の水準を維持", "the baseline level is kept"),
    "reason.below_baseline": ("現状値の水準を下回る", "below the baseline level"),
    "reason.equal_to_baseline": ("現状値と同じ", "equal to the baseline"),
    "reason.moved_desired_way": (
        "現状値から目指す方向に変化",
        "moved the desired way from the baseline",
    ),
    "reason.moved_away": ("現状値から目指す方向と逆に変化", "moved away from the baseline"),
    "reason.ceiling_or_floor": (
        "上限・下限の目標: 達成か否かのみ(達成率なし)",
        "a ceiling/floor target: met or not, no rate",
    ),
    "reason.no_baseline_for_decrease": (
        "減少を目指す指標で比較できる現状値がない",
        "no usable baseline for a decreasing target",
    ),
    "reason.level_not_held": ("維持すべき水準を下回る", "a level to hold, not held"),
    "reason.needs_figure": ("目標は数値", "the target is a figure"),
    "reason.needs_change": (
        "現状値の数値がない: 変化率(30%減など)で入力",
        "no baseline figure: observe a change (30%減)",
    ),
    "reason.needs_relative": ("目標は変化率", "the target is a relative change"),
    "reason.needs_parts": ("目標は区分ごとの数値", "the target has labelled parts"),
    "reason.needs_stage": ("目標は段階", "the target is a stage"),
    "reason.rule_needs_figure": ("目標の判定には数値が必要", "the target needs a figure"),
    "reason.no_baseline_to_compare": (
        "比較する現状値の数値がない",
        "no baseline figure to compare",
    ),
    "reason.nothing_to_test": (
        "目標が{kind:kind}のため判定できない",
        "the target is {kind}: nothing to test",
    ),
    "reason.part_missing": ("区分「{part}」の実績がない", "no observed part {part}"),
    "reason.part_zero_target": ("区分「{part}」の目標が0", "part {part} has a zero target"),
    "reason.unknown_stage": ("計画にない段階 {stage}", "unknown stage {stage!r}"),
    "reason.observed_in_baseline_year": (
        "{observed_fy:ja}の実績は現状値の年度({baseline_fy:ja})と同じため、期待される進捗がまだない",
        "observed in {observed_fy:ja} ({observed_fy:en}), in the baseline year "
        "{baseline_fy:ja} ({baseline_fy:en}): nothing expected yet",
    ),
    "reason.observed_before_baseline_year": (
        "{observed_fy:ja}の実績は現状値の年度({baseline_fy:ja})より前のため、期待される進捗がまだない",
        "observed in {observed_fy:ja} ({observed_fy:en}), before the baseline year "
        "{baseline_fy:ja} ({baseline_fy:en}): nothing expected yet",
    ),
    # -- why an observation is left out of an assessment --
    "reason.year_after_as_of": (
        "年度({fiscal_year:ja})が評価日 {as_of} の年度({as_of_fy:ja})より後",
        "its fiscal year {fiscal_year:ja} ({fiscal_year:en}) is after that of the as-of date "
        "{as_of} ({as_of_fy:ja})",
    ),
    "reason.date_after_as_of": (
        "時点 {date} が評価日 {as_of} より後",
        "its as-of date {date} is after the as-of date {as_of}",
    ),
    # -- why a trajectory lacks a figure --
    "reason.not_figures": (
        "実績が数値でないため推移の線を引けない",
        "the observations are not figures: no points to draw a line through",
    ),
    "reason.no_baseline": (
        "比較できる現状値の数値がないため、実績のみで推移を見る",
        "no comparable baseline figure: the points are the observations only",
    ),
    "reason.too_few_points": (
        "{points}点のみ: 伸びの計算には2年度以上の値が必要",
        "{points} point(s): a pace needs two fiscal years or more",
    ),
    "reason.target_not_figure": (
        "目標が数値でないため、必要な伸びと見込みは出せない",
        "the target is not a figure: no required pace or course",
    ),
    "reason.latest_in_target_year": (
        "最新の実績が目標年度({target_fy:ja})以降",
        "the latest point is in the target year {target_fy:ja} or later",
    ),
    "reason.direction_unknown": (
        "目指す方向が不明なため、見込みは出せない",
        "the desired direction is unknown: no course",
    ),
    # -- why a roll-up group has no mean --
    "reason.group_no_indicators": (
        "指標が設定されていないため、達成率はない",
        "no indicator is set: no rate",
    ),
    "reason.group_indicators_pending": (
        "指標は今後設定のため、達成率はまだない",
        "its indicators are to be set later: no rate yet",
    ),
    "reason.group_not_judged": (
        "評価できた指標がない(実績なし・評価不能のみ)",
        "no indicator judged (no data or not assessable only)",
    ),
    "reason.group_nothing_to_average": (
        "平均できる達成率がない(評価した指標 {judged})",
        "no rate to average ({judged} indicator(s) judged)",
    ),
    # -- screens --
    "screen.edition": ("{edition}版", "edition {edition}"),
    "screen.plan_period": ("計画期間 {period}", "plan period {period}"),
    "screen.before_period": ("計画期間の前", "before the plan period"),
    "screen.after_period": ("計画期間の後", "after the plan period"),
    "screen.year_of_period": (
        "計画期間{total}年の{n}年目",
        "year {n} of {total} of the plan period",
    ),
    "screen.final_year": ("(最終年度)", ", the final year"),
    "screen.days_left": (
        "計画期間の残り {days} 日 ({end} まで)",
        "{days} days left in the plan period (until {end})",
    ),
    "screen.days_since": (
        "計画期間は {days} 日前に終了 ({end})",
        "the plan period ended {days} days ago ({end})",
    ),
    "screen.starting_in": ("今年度に始まる取組 {fy}", "Starting in {fy}"),
    "screen.ending_in": ("今年度で終わる取組 {fy}", "Ending in {fy}"),
    "screen.period_ends": (
        "  (計画期間は今年度で終わる)",
        "  (the plan period ends with this year)",
    ),
    "screen.and_more": (
        "  … ほか {more} 件 (fukuoka-dx summary --activities)",
        "  … and {more} more (fukuoka-dx summary --activities)",
    ),
    "screen.by_bureau": ("所管別の実行項目数", "Initiatives by bureau (所管)"),
    "screen.by_kind": ("目標の種類別の指標数", "Indicators by target kind"),
    "screen.activities_in": ("{fy}の工程", "Activities in force in {fy}"),
    "screen.from_year": ("{fy:ja}から", "from {fy:en}"),
    "screen.completes": (" (完了)", " (completes)"),
    "screen.unit_line": (
        "  単位 {unit}; 目指す方向 {direction}{extra}",
        "  unit {unit}; desired direction {direction}{extra}",
    ),
    "screen.position": ("; 位置 {position}", "; position {position}"),
    "screen.missing_cell": ("(記載なし: {note})", "(missing: {note})"),
    "screen.baseline_not_comparable": (
        "注: 現状値は目標と比較できない: ",
        "note: baseline not comparable: ",
    ),
    "screen.item_and_pillar": (
        "推進項目 {item}; 柱 {pillar}",
        "promotion item {item}; pillar {pillar}",
    ),
    "screen.bureau_and_page": ("所管 {bureau}; {page}ページ", "所管 {bureau}; page {page}"),
    "screen.reposts": ("再掲: {id} {title}", "再掲: re-posts {id} {title}"),
    "screen.schedule": ("工程", "工程 (schedule)"),
    "screen.indicators": ("指標: {status}", "指標 (indicators): {status}"),
    "screen.repaired": (
        "修正 {field}: {extracted!r} → {repaired!r} "
        "(根拠は英語: fukuoka-dx export repairs){evidence:omit}",
        "repaired {field}: {extracted!r} → {repaired!r} ({evidence})",
    ),
    "screen.row_note": (
        "行{row}の読み方に注記あり (英語: fukuoka-dx export schedule){note:omit}",
        "row {row}: {note}",
    ),
    "screen.ambiguity": (
        "読み取りの注記 (原文{line}行目){resolved:resolved}: 記録は英語 "
        "(fukuoka-dx export ambiguities){field:omit}{reading:omit}{alternative:omit}",
        "reading of {field} (source line {line}){resolved:resolved}: taken {reading!r}, not "
        "{alternative!r}",
    ),
    "resolved.true": (" [原文で確定]", " [settled by the document]"),
    "resolved.false": (" [未確定]", " [open]"),
    "screen.pillar": ("柱 {id}  {title}", "pillar {id}  {title}"),
    "screen.promotion_item": (
        "推進項目 {id}  {title} ({page}ページ)",
        "promotion item {id}  {title} (p.{page})",
    ),
    "screen.item_line": ("{id}  {title} ({page}ページ)", "{id}  {title} (p.{page})"),
    "screen.initiative": ("実行項目 {id}  {title}", "initiative {id}  {title}"),
    "screen.search_count": (
        "{n} 件の実行項目が {text!r} に一致",
        "{n} initiative(s) match {text!r}",
    ),
    "screen.schedule_head": (
        "{fy:ja} ({fy:en}, {start} – {end})",
        "{fy:ja} ({fy:en}, {start} – {end})",
    ),
    "screen.progress_as_of": (
        "{as_of} 時点 ({fy:ja}); 目標: {targets}",
        "as of {as_of} ({fy:ja}); target: {targets}",
    ),
    "screen.progress_counts": ("指標 {total}: {counts}", "{total} indicators: {counts}"),
    "screen.progress_mean": (
        "平均達成率 {mean} (上限100%、{averaged}指標の平均: 達成率のある指標と、率なしで達成した"
        "指標を100%として); 評価対象 {assessable}指標 (達成から悪化までの判定のある指標)",
        "mean achievement {mean} (capped at 100%, over {averaged} indicator(s): those with a "
        "rate, and those achieved without one as 100%); assessable {assessable} (judged "
        "from achieved to deterioration)",
    ),
    "screen.progress_unrated": (
        "率のない判定で未達の {n} 指標は平均に含まない",
        "{n} judged without a rate and not achieved are not in the mean",
    ),
    "screen.columns_left_out": (
        "(幅が足りないため省略した列: {columns}。端末を広げるか --format csv で全列を表示)",
        "(left out for want of room: {columns}; a wider terminal or --format csv shows them)",
    ),
    "screen.rollup_legend": (
        "評価対象は判定のある指標(達成〜悪化)、平均達成率は達成率(上限100%)のある指標と率なしで"
        "達成した指標(100%)の平均。指標のない区分は理由を示す。",
        "Assessable: indicators judged (achieved to deterioration); mean achievement: over "
        "those with a rate (capped at 100%) and those achieved without one (as 100%). A "
        "group without a mean says why.",
    ),
    "screen.progress_grades": ("評価 ({scheme}): {grades}", "grades ({scheme}): {grades}"),
    "screen.progress_hidden": (
        "(実績のない指標は省略; --all で表示)",
        "(indicators with no data are hidden; --all shows them)",
    ),
    "screen.trend_target": (
        "{column:target} {text}{unit} ({target_fy:ja}); {as_of} 時点; {status}",
        "target: {column} {text}{unit} in {target_fy:ja} ({target_fy:en}); as of {as_of}; "
        "status {status}",
    ),
    "screen.trend_base": ("現状値", "baseline"),
    "screen.trend_change": ("増減", "change"),
    "screen.trend_pace": (
        "年平均の伸び: {pace}{unit} (最小二乗法、{points}点)",
        "pace: {pace}{unit} per year (least squares over {points} points)",
    ),
    "screen.trend_projected": (
        "{target_fy:ja}の見込み: {projected}{unit} (目標 {target})",
        "projected in {target_fy:ja}: {projected}{unit} (target {target})",
    ),
    "screen.trend_course": ("達成見込み: {course}", "on course: {course}"),
    "screen.trend_required": (
        "最新値から目標までに必要な伸び: {required}{unit}/年",
        "required pace from the latest point: {required}{unit} per year",
    ),
    "screen.schedule_progress": (
        "{fy:ja}の工程の進捗 (実行項目 {total}): {counts}",
        "schedule of {fy:en}, {total} initiatives: {counts}",
    ),
    "screen.figure_accounts": (
        "{fy:ja}の実績に関する所管の記述",
        "the bureaus' words on the figures of {fy:en}",
    ),
    "screen.tracker_head": ("{fy:ja}の回答状況: {counts}", "returns for {fy:en}: {counts}"),
    "screen.missing_head": ("未報告の指標・実行項目:", "still missing:"),
    "screen.unattributed": (
        "どの所管のものか分からない不備 {n} 件 (標準エラー出力に一覧)",
        "{n} refusal(s) of no known bureau (listed on standard error)",
    ),
    # -- the command line's notes on stderr --
    "cli.read_as": (
        "{file} を {encoding} として読み込みました",
        "read {file} as {encoding}",
    ),
    "cli.progress": ("{what} を読み込み中: {done}{of} 行", "reading {what}: {done}{of} rows"),
    "cli.progress_of": (" / {total}", " / {total}"),
    "cli.rejected": ("読み取れなかった行: {problem}", "rejected: {problem}"),
    "cli.skipped": ("値のない {n} 行を読み飛ばしました", "{n} row(s) without a value were skipped"),
    "cli.left_out": (
        "評価から除外 {id} {fy:ja} ({value}): {reason}",
        "left out {id} {fy:ja} ({value}): {reason}",
    ),
    "cli.wrote": ("{path} に書き出しました", "wrote {path}"),
    "cli.wrote_files": (
        "{path} に {n} 個のファイルを書き出しました",
        "wrote {n} file(s) in {path}",
    ),
    "cli.previous_not_shown": (
        "{file} の {fy:ja} 以降の実績 {n} 件は前年度までの実績ではないため表示しません",
        "{n} figure(s) of {fy:en} or later in {file} are not shown (they are not of earlier years)",
    ),
    "cli.ignored": ("読み込まないファイル: {problem}", "not read: {problem}"),
    "cli.collected": (
        "{files} 個のファイルから取りまとめ: 実績 {observations} 件、工程 {activities} 件、"
        "記述 {narratives} 件、不備 {refused} 件",
        "collected from {files} file(s): {observations} figure(s), {activities} activity "
        "report(s), {narratives} account(s), {refused} refused",
    ),
    "cli.chart_written": ("グラフを {path} に書き出しました", "chart written to {path}"),
    "cli.template_alias": (
        "progress --template は template の別名です (次の版で廃止): "
        "fukuoka-dx template を使ってください",
        "progress --template is an alias of the template command (to be removed in the next "
        "release): use fukuoka-dx template",
    ),
    # -- the HTML report --
    "html.report": ("進捗状況報告", "Progress report"),
    "html.sheets": ("個票", "Sheets per initiative"),
    "html.created": ("作成日", "made on"),
    "html.figures_from": ("実績の出典", "figures from"),
    "html.figures_n": ("{n}件", "{n} figure(s)"),
    "html.not_given": ("記載なし", "not given"),
    "html.illustrative_warning": (
        "この報告の実績のうち {n} 件は例示の数値であり、実際の実績ではありません。",
        "{n} of the figures in this report are illustrative, not real results.",
    ),
    "html.provisional_notice": (
        "この報告の実績のうち {n} 件は速報値です。",
        "{n} of the figures in this report are provisional.",
    ),
    "html.running_head": ("{title} 進捗状況 ({as_of} 時点)", "{title} progress as of {as_of}"),
    "html.filter": ("絞り込み", "Filter"),
    "html.all_of": ("すべて", "all"),
    "html.filter_reset": ("解除", "Clear"),
    "html.filter_count": ("表示中の指標: {n} / {total}", "indicators shown: {n} of {total}"),
    "html.by_bureau": ("所管ごとの進捗状況", "Status by bureau"),
    "html.behind": ("予定より遅れている指標", "Indicators behind schedule"),
    "html.behind_intro": (
        "進捗状況が「やや遅れ」「遅れ」「悪化」の指標です(悪化、遅れの順、同じ状況では進捗比の低い順)。",
        "The indicators that need acceleration, show limited progress or deteriorate "
        "(deterioration first, then by progress ratio, lowest first).",
    ),
    "html.behind_caption": ("遅れている指標の一覧", "Indicators behind schedule"),
    "html.mean_counts": (
        "平均達成率 {mean}: 達成率のある指標と、率なしで達成した指標(100%として)の計 "
        "{averaged} 指標の平均(各指標の達成率は上限100%)。評価対象 {assessable} 指標のうち、"
        "率のない判定で未達の {unrated} 指標は平均に含みません。",
        "Mean achievement {mean}: over {averaged} indicator(s), those with a rate and those "
        "achieved without one (as 100%), each capped at 100%. Of the {assessable} indicator(s) "
        "judged, {unrated} judged by a rule without a rate and not achieved are not in the mean.",
    ),
    "html.grades_by_pillar": ("柱ごとの評価 ({scheme})", "Grades by pillar ({scheme})"),
    "html.grade_legend": ("評価 ({scheme}) の定義", "What the grades ({scheme}) mean"),
    "html.ratio_is": (
        "進捗比 d = 達成率 ÷ 期待進捗(現状値の年度から目標年度までの経過の割合)。",
        "Progress ratio d = achievement ÷ expected share (the share of the years from the "
        "baseline to the target that have passed).",
    ),
    "html.band_from": ("進捗比 {low} 以上", "progress ratio {low} or more"),
    "html.band_between": (
        "進捗比 {low} 以上 {high} 未満",
        "progress ratio from {low} to below {high}",
    ),
    "html.band_below": ("進捗比 {high} 未満", "progress ratio below {high}"),
    "html.band_no_rate": ("。率のない判定では: {statuses}", "; without a rate: {statuses}"),
    "html.grade_other": ("率のない判定: {statuses}", "without a rate: {statuses}"),
    "html.grade_baseline.S": ("目標を達成", "the target is met"),
    "html.grade_baseline.A": (
        "現状値より目指す方向に改善",
        "better than the baseline in the desired direction",
    ),
    "html.grade_baseline.B": (
        "現状値と同じか、悪化が現状値の10%以内",
        "level with the baseline, or worse by at most 10% of it",
    ),
    "html.grade_baseline.C": (
        "現状値の10%を超えて悪化",
        "worse than the baseline by more than 10%",
    ),
    "html.grade_baseline.none": (
        "評価できない(比較できる現状値、実績または判定のルールがない)",
        "not graded (no comparable baseline, observation or rule)",
    ),
    "html.means.achieved": (
        "目標を達成(目指す方向で目標値に到達、または増加・維持・範囲の目標を満たす)",
        "the target is met (reached in the desired direction, or a rule such as 増加, a "
        "level to keep or a range met)",
    ),
    "html.means.on_track": (
        "進捗比 {on_track} 以上",
        "progress ratio {on_track} or more",
    ),
    "html.means.needs_acceleration": (
        "進捗比 {needs_acceleration} 以上 {on_track} 未満",
        "progress ratio from {needs_acceleration} to below {on_track}",
    ),
    "html.means.limited_progress": (
        "進捗比 0 以上 {needs_acceleration} 未満(率のない判定では現状値と同じ、または範囲外)",
        "progress ratio from 0 to below {needs_acceleration} (without a rate: level with "
        "the baseline, or outside the range)",
    ),
    "html.means.deterioration": (
        "現状値から目指す方向と逆に変化(進捗比が負、または率のない判定で後退)",
        "moved away from the target (a negative progress ratio, or a rule not met by moving back)",
    ),
    "html.means.not_assessable": (
        "目標が数値・判定のルールでない、または達成率を計算できない",
        "the target has no figure or rule to test, or the rate is undefined",
    ),
    "html.means.no_data": ("時点までの実績がない", "no observation up to the as-of date"),
    "html.legend_chart": (
        "各指標の図: ○ 現状値(中抜き)、● 実績、★ 目標(赤の点線はその水準)、"
        "破線は最小二乗法による見込み。",
        "Each indicator's chart: ○ baseline (hollow), ● observations, ★ target (the red "
        "dotted line is its level), the dashed line the least-squares projection.",
    ),
    "html.chart_of": ("{id} の推移", "Trajectory of {id}"),
    "html.chart_baseline": ("現状値 {figure}", "baseline {figure}"),
    "html.chart_target": ("目標 {figure} ({fy})", "target {figure} ({fy})"),
    "html.chart_projection": ("{fy}の見込み {figure}", "projected {figure} in {fy}"),
    "html.chart_caption": (
        "○ 現状値 ● 実績 ★ 目標 破線: 見込み",
        "○ baseline ● observed ★ target; dashed: projection",
    ),
    "html.chart_of_pillar": ("柱{id} {title}の指標数", "Indicators of pillar {id} {title}"),
    "html.no_chart": ("推移の図なし(数値の実績がない)", "no chart (no figures to draw)"),
    "html.figure_of_year": ("実績", "observed"),
    "html.figures_of": (
        "{id} の現状値、各年度の実績、中間目標と最終目標",
        "{id}: baseline, each year's figure, mid-term and final targets",
    ),
    "html.sources_of": ("{id} の実績の出典と備考", "Sources and notes of {id}'s figures"),
    "html.as_of_date": ("{date} 時点", "as of {date}"),
    "html.judged_against": ("評価に用いた目標", "judged against"),
    "html.borrowed_label": ("実績の元", "figure from"),
    "html.projected_in": ("{fy}に {figure}", "{figure} in {fy}"),
    "html.missing_cell": ("(記載なし)", "(not in the plan)"),
    "html.no_data_caption": ("実績のない指標", "Indicators without data"),
    "html.schedule": ("工程", "Schedule (工程)"),
    "html.publisher": ("発行", "publisher"),
    "html.edition": ("版", "edition"),
    "html.digest": ("ダイジェスト (SHA-256)", "digest (SHA-256)"),
    "html.as_of": ("時点", "as of"),
    "html.scheme": ("評価方式", "evaluation scheme"),
    "html.targets": ("評価に用いる目標", "targets used"),
    "html.targets_by_date": (
        "時点による(中間目標年度の末日までは中間目標、その後は最終目標)",
        "chosen by the as-of date (the mid-term target until the end of its fiscal year, "
        "the final target after)",
    ),
    "html.contents": ("目次", "Contents"),
    "html.summary": ("概要", "Summary"),
    "html.overall": ("全体の進捗状況", "Status of all indicators"),
    "html.by_pillar": ("柱ごとの進捗状況", "Status by pillar"),
    "html.charts": ("柱ごとの指標数(進捗状況別)", "Indicators per status, by pillar"),
    "html.all": ("全体", "All"),
    "html.pillar": ("柱", "Pillar"),
    "html.bureau": ("所管", "bureau"),
    "html.reposts": ("再掲", "re-post of"),
    "html.pending": ("指標は今後設定", "Indicators to be set"),
    "html.absent": ("指標なし", "No indicators"),
    "html.left_out": ("評価から除いた実績", "Observations left out"),
    "html.left_out_intro": (
        "時点より後の実績と、読み取れなかった行です。",
        "Observations dated after the as-of date, and rows that could not be read.",
    ),
    "html.after_as_of": ("時点より後の実績", "Dated after the as-of date"),
    "html.unread": ("読み取れなかった行", "Rows that could not be read"),
    "html.none": ("なし", "None."),
    "html.location": ("場所", "location"),
    "html.column": ("列", "column"),
    "html.text": ("内容", "text"),
    "html.problem": ("問題", "problem"),
    "html.generated": ("fukuoka-dx {version} で作成", "Generated by fukuoka-dx {version}"),
    "html.legend": ("凡例", "Legend"),
    "html.borrowed": ("{id} の実績による(再掲)", "from the observation of {id} (re-post)"),
    "html.round": ("報告の取りまとめ", "The reporting round"),
    "html.round_fy": ("報告年度", "round's fiscal year"),
    "html.returns": ("回答状況", "returns"),
    "html.schedule_by_pillar": ("柱ごとの工程の進捗", "Schedule status by pillar"),
    "html.returns_by_bureau": ("所管ごとの回答状況", "Returns by bureau"),
    "html.schedule_status": ("工程の進捗", "schedule status"),
    "html.scheduled": ("今年度の工程", "scheduled this year"),
    "html.done": ("取組実績", "what was done"),
    "html.factors": ("要因分析", "factors"),
    "html.issues": ("課題", "issues"),
    "html.next_step": ("今後の方向性", "next step"),
    "html.provisional_mark": ("速報値", "provisional"),
    "html.evidence": ("根拠資料", "evidence"),
    "html.not_reported": ("報告なし", "not reported"),
    "html.initiatives_total": ("実行項目数", "initiatives"),
    "html.reported_by": ("{id} の報告による(再掲)", "from the report of {id} (re-post)"),
    "html.indicators_reported": ("指標(報告済)", "indicators reported"),
    "html.initiatives_reported": ("実行項目(報告済)", "initiatives reported"),
    "html.refused": ("不備", "refused"),
    "html.round_intro": (
        "所管から回答された実績・工程の進捗・記述を取りまとめたものです。",
        "What the bureaus returned: figures, how the schedule went, and their own words.",
    ),
    "html.list_separator": ("、", "; "),
    "html.count_separator": ("、", ", "),
    # -- charts --
    "chart.title": (
        "{title} ({edition}版) {as_of} 時点",
        "Fukuoka City DX strategy ({edition}) as of {as_of}{title:omit}",
    ),
    "chart.no_rate": ("率なし", "no rate"),
    "chart.expected_tick": ("縦線: 期待進捗", "tick: expected share"),
    "chart.achievement_axis": (
        "達成率 ({cap}で打ち切り)",
        "achievement (bars cut at {cap})",
    ),
    "chart.nothing_judged": ("評価できた指標がない", "no indicator judged"),
    "chart.indicators_axis": ("指標数", "indicators"),
    "chart.by.pillar": ("柱ごとの進捗状況", "status by pillar"),
    "chart.by.promotion-item": ("推進項目ごとの進捗状況", "status by promotion item"),
    "chart.by.bureau": ("所管ごとの進捗状況", "status by bureau"),
    "chart.observed": ("実績", "observed"),
    "chart.baseline": ("現状値", "baseline"),
    "chart.projection": (
        "見込み (年平均の伸び {pace} {unit})",
        "projection (pace {pace} {unit} per year)",
    ),
    "chart.target": ("目標 {target} ({fy:ja})", "target {target} ({fy:en})"),
    "chart.fiscal_year": ("年度", "fiscal year"),
    # -- workbooks --
    "excel.sheet.observations": ("実績", "observations"),
    "excel.sheet.lists": ("選択肢", "lists"),
    "excel.sheet.about": ("概要", "about"),
    "excel.sheet.indicators": ("指標", "indicators"),
    "excel.sheet.promotion-item": ("推進項目", "promotion items"),
    "excel.sheet.pillar": ("柱", "pillars"),
    "excel.sheet.bureau": ("所管", "bureaus"),
    "excel.sheet.schedule": ("工程", "schedule"),
    "excel.sheet.words": ("所管の記述", "bureaus' words"),
    "excel.sheet.returns": ("回答状況", "returns"),
    "excel.about.key": ("項目", "key"),
    "excel.about.item": ("内容", "item"),
    "excel.about.value": ("値", "value"),
    "excel.about.edition": ("版", "edition"),
    "excel.about.title": ("計画", "plan"),
    "excel.about.digest": ("データの指紋 (SHA-256)", "digest (SHA-256)"),
    "excel.about.fiscal_year": ("年度", "fiscal year"),
    "excel.about.target": ("目標", "target"),
    "excel.about.indicators": ("指標数", "indicators"),
    "excel.about.generator": ("作成", "written by"),
    "excel.about.how_to": ("使い方", "how to use"),
    "excel.about.as_of": ("評価日", "as of"),
    "excel.about.as_of_fy": ("評価年度", "fiscal year"),
    "excel.about.scheme": ("評価方式", "scheme"),
    "excel.about.excluded": ("除外した実績", "observations left out"),
    "excel.about.counted": ("数え方", "what is counted"),
    "excel.baseline_fy": ("現状値の年度", "baseline FY"),
    "excel.marks": ("速報値・例示", "provisional or illustrative"),
    "excel.target_at_year_end": ("年度末に有効な目標", "the target in force at the year's end"),
    "excel.target_on_as_of": ("評価日に有効な目標", "the target in force on the as-of date"),
    "excel.how_to": (
        "「{sheet}」シートの黄色のセルに入力し、fukuoka-dx progress ファイル名.xlsx で評価します。"
        "空欄の行は読み飛ばします。",
        "Fill in the yellow cells of the sheet {sheet!r}, then assess with "
        "fukuoka-dx progress FILE.xlsx. Rows left empty are skipped.",
    ),
    "excel.what_to_enter": ("入力方法", "what to enter"),
    "excel.not_accepted": ("入力できない値です: {hint}", "not accepted: {hint}"),
    "excel.hint.stage": ("到達した段階を選択", "the stage reached, from the list"),
    "excel.hint.parts": ("項目ごとの値 (例: {example})", "labelled parts (e.g. {example})"),
    "excel.hint.change": (
        "数値、または現状値からの増減 (例: 30%減)",
        "a figure, or a change such as 30%減",
    ),
    "excel.hint.percent": (
        "0〜100 の数値 (12.5% は 12.5 と入力。% 書式は使わない)",
        "a number from 0 to 100 (type 12.5% as 12.5, without the % format)",
    ),
    "excel.hint.non_negative": ("0 以上の数値{unit}", "a number, 0 or more{unit}"),
    "excel.hint.figure": ("数値{unit}", "a number{unit}"),
    "excel.date_prompt": ("{start} 以降の日付 (例: {end})", "a date from {start} on (e.g. {end})"),
    "excel.date_error": ("{start} 以降の日付を入力してください", "a date from {start} on"),
    # -- plan diffs (report.diff) --
    "diff.level.plan": ("計画", "plan"),
    "diff.level.pillar": ("柱", "pillar"),
    "diff.level.promotion_item": ("推進項目", "promotion item"),
    "diff.level.initiative": ("実行項目", "initiative"),
    "diff.level.indicator": ("指標", "indicator"),
    "diff.levels.pillar": ("柱", "pillars"),
    "diff.levels.promotion_item": ("推進項目", "promotion items"),
    "diff.levels.initiative": ("実行項目", "initiatives"),
    "diff.levels.indicator": ("指標", "indicators"),
    "diff.change.added": ("新規", "new"),
    "diff.change.removed": ("削除", "removed"),
    "diff.change.renamed": ("番号変更", "renumbered"),
    "diff.change.changed": ("変更", "changed"),
    "diff.change.split": ("分割", "split"),
    "diff.change.merged": ("統合", "merged"),
    "diff.change.retired": ("廃止", "retired"),
    "diff.tally.added": ("新規", "new"),
    "diff.tally.changed": ("変更", "changed"),
    "diff.tally.removed": ("削除", "removed"),
    "diff.field.title": ("名称", "title"),
    "diff.field.title_en": ("英語の名称", "English title"),
    "diff.field.name": ("指標名", "name"),
    "diff.field.name_en": ("英語の指標名", "English name"),
    "diff.field.page": ("ページ", "page"),
    "diff.field.own_block": ("推進項目自体の取組", "block of its own"),
    "diff.field.repairs": ("抽出の修復", "repairs"),
    "diff.field.bureau": ("所管", "bureau"),
    "diff.field.description": ("内容", "description"),
    "diff.field.notes": ("注記(※)", "notes (※)"),
    "diff.field.note": ("注記", "note"),
    "diff.field.schedule": ("工程", "schedule"),
    "diff.field.years": ("年度", "years"),
    "diff.field.indicator_status": ("指標の有無", "indicators"),
    "diff.field.indicator_note": ("指標についての記載", "note on the indicators"),
    "diff.field.indicators": ("指標", "indicators"),
    "diff.field.reposts": ("再掲元", "re-posts"),
    "diff.field.unit": ("単位", "unit"),
    "diff.field.unit_en": ("英語の単位", "English unit"),
    "diff.field.qualifiers": ("限定語", "qualifiers"),
    "diff.field.direction": ("目指す方向", "desired direction"),
    "diff.field.baseline_fy": ("現状値の年度", "baseline year"),
    "diff.field.baseline": ("現状値", "baseline"),
    "diff.field.midterm_fy": ("中間目標の年度", "mid-term year"),
    "diff.field.midterm": ("中間目標", "mid-term target"),
    "diff.field.final_fy": ("最終目標の年度", "final year"),
    "diff.field.final": ("最終目標", "final target"),
    "diff.field.position": ("上段・下段", "upper or lower"),
    "diff.field.baseline_comparable": ("現状値の比較可否", "baseline comparable"),
    "diff.field.baseline_note": ("現状値についての注", "note on the baseline"),
    "diff.field.publisher": ("発行者", "publisher"),
    "diff.field.first_year": ("計画期間の初年度", "first year"),
    "diff.field.last_year": ("計画期間の最終年度", "last year"),
    "diff.field.revisions": ("改訂履歴", "revisions"),
    "diff.field.translation_note": ("英訳についての注", "note on the translation"),
    "diff.word.no_change": ("変更なし", "no change"),
    "diff.word.summary": ("件数", "summary"),
    "diff.word.changes": ("変更の一覧", "changes"),
    "diff.word.crosswalk": ("番号の対応表", "crosswalk"),
    "diff.word.digest": ("ダイジェスト", "digest"),
    "diff.word.level": ("区分", "level"),
    "diff.word.change": ("種別", "change"),
    "diff.word.id": ("番号", "id"),
    "diff.word.name": ("名称", "name"),
    "diff.word.field": ("項目", "field"),
    "diff.word.old": ("変更前", "before"),
    "diff.word.new": ("変更後", "after"),
    "diff.word.note": ("注記", "note"),
    "diff.word.title": ("計画の差分", "Plan diff"),
    "diff.word.none": ("なし", "none"),
    "diff.word.missing": ("記載なし{note:omit}", "missing ({note})"),
    "diff.word.entries_one": ("{n}件", "{n} entry"),
    "diff.word.entries_many": ("{n}件", "{n} entries"),
    "diff.word.yes": ("はい", "yes"),
    "diff.word.no": ("いいえ", "no"),
    "diff.word.row": ("{n}行目", "row {n}"),
    # -- the packets of a reporting round --
    "packet.figure_of": ("{fy:ja}の実績", "figure of {fy:en}"),
    "packet.provisional_prompt": (
        "速報値(今後変わりうる値)か確定値かを選択",
        "provisional (may still change) or final, from the list",
    ),
    "packet.list_prompt": ("一覧から選択", "choose from the list"),
    "packet.status_prompt": (
        "今年度の工程の進み具合を一覧から選択",
        "how this year's schedule went, from the list",
    ),
    "packet.repost_hint": (
        "再掲: 空欄のときは {id} の実績を用います",
        "a re-post: left empty, the figure of {id} is used",
    ),
    "packet.reposts": ("再掲 {id}", "re-post of {id}"),
    "packet.nothing_scheduled": ("(今年度の工程なし)", "(nothing scheduled this year)"),
    "packet.how_to": (
        "「{indicators}」シートと「{schedule}」シートの黄色のセルに入力して返送してください。"
        "入力しない行は空欄のままにします。取りまとめは fukuoka-dx collect で行います。",
        "Fill in the yellow cells of the sheets {indicators!r} and {schedule!r} and return "
        "the file; leave a row empty when there is nothing to report. The returns are "
        "collected with fukuoka-dx collect.",
    ),
}

_FORMATTER: Final = string.Formatter()


def placeholders(text: str) -> frozenset[str]:
    """The parameter names a catalogue text takes (``{fy:ja}`` takes ``fy``)."""
    return frozenset(name for _, name, _, _ in _FORMATTER.parse(text) if name)


class _CodeWord(str):
    """A text parameter that a format spec may word from the catalogue: ``{kind:kind}`` is
    the words of ``kind.<value>`` (a code worded for people), ``{kind}`` the text itself, and
    ``{note:omit}`` nothing (a text recorded in one language only, left out of the other)."""

    __slots__ = ("lang",)
    lang: Lang

    def __format__(self, spec: str) -> str:
        if spec == "omit":
            return ""
        if spec and f"{spec}.{self}" in CATALOGUE:
            return say(f"{spec}.{self}", self.lang)
        return format(str(self), spec)


def _param(value: object, lang: Lang) -> object:
    if isinstance(value, FiscalYear):
        return _FiscalYearWord(value, lang)
    if isinstance(value, str):
        word = _CodeWord(value)
        word.lang = lang
        return word
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def say(key: str, lang: Lang | str, /, **params: object) -> str:
    """The words of ``key`` in ``lang`` with its parameters filled in; fiscal years are
    written in the language's form (``{fy:ja}``, ``{fy:en}``, ``{fy:both}`` choose one)."""
    lang = as_lang(lang)
    try:
        pair = CATALOGUE[key]
    except KeyError:
        raise NotFoundError.for_key("word", key, list(CATALOGUE)) from None
    text = pair[0] if lang is Lang.JA else pair[1]
    return text.format(**{k: _param(v, lang) for k, v in params.items()})
