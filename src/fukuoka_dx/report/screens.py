"""What the terminal shows people: the summary, an initiative, an indicator, a year's schedule.

Each screen is a list of lines in Japanese or English. Long texts wrap to the terminal's
width instead of being cut; schedule cells carried on by an arrow say which year's activity
they continue, so nothing reads as new work of a later year.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Final

from fukuoka_dx.fiscal_calendar import FiscalYear
from fukuoka_dx.model import Indicator, Initiative, Plan, TargetColumn
from fukuoka_dx.report import text as _text
from fukuoka_dx.report.labels import (
    Lang,
    as_lang,
    name_of,
    name_with_japanese,
    status_label,
    target_label,
    word_label,
)
from fukuoka_dx.report.overview import PillarCount, bureau_counts, pillar_counts
from fukuoka_dx.report.results import rounded
from fukuoka_dx.schedule import CarryCell, Schedule, ScheduleEntry
from fukuoka_dx.targets import TargetKind, number_text

if TYPE_CHECKING:
    import pendulum

    from fukuoka_dx.progress import IndicatorProgress

__all__ = [
    "entry_text",
    "indicator_lines",
    "initiative_lines",
    "schedule_cells",
    "summary_lines",
    "trend_lines",
]

#: How many starting or ending activities the summary names before it counts the rest.
SUMMARY_ITEMS: Final = 6


def _fy(fy: FiscalYear, lang: Lang) -> str:
    return f"{fy.label_ja} ({fy})" if lang is Lang.JA else f"{fy} ({fy.label_ja})"


def entry_text(entry: ScheduleEntry, lang: Lang | str) -> str:
    """An activity in force, marked when an arrow carries it on from an earlier year and when
    it completes: ``→ 7月導入予定 (令和5年度から)``."""
    lang = as_lang(lang)
    text = entry.activity
    if entry.continues_from is not None:
        began = entry.continues_from
        since = f"{began.label_ja}から" if lang is Lang.JA else f"from {began}"
        text = f"→ {text} ({since})"
    if entry.remark:
        text += f" {entry.remark}"
    if entry.completes:
        text += " (完了)" if lang is Lang.JA else " (completes)"
    return text


def schedule_cells(schedule: Schedule, lang: Lang | str) -> list[tuple[object, ...]]:
    """A schedule as rows of cells for people: arrows and ``(完了)`` as continuations."""
    lang = as_lang(lang)
    rows: list[tuple[object, ...]] = []
    for n, row in enumerate(schedule.rows, 1):
        cells: list[object] = [n]
        for i, cell in enumerate(row.cells):
            began = row.continues_from(i)
            if began is None:
                cells.append(cell.text)
                continue
            remark = cell.remark if isinstance(cell, CarryCell) else None
            entry = ScheduleEntry(
                row.cells[began].text, schedule.years[began], row.completes_at(i), remark
            )
            cells.append(entry_text(entry, lang))
        rows.append(tuple(cells))
    return rows


def _position(plan: Plan, fy: FiscalYear, lang: Lang) -> str:
    if fy < plan.first_year:
        return "計画期間の前" if lang is Lang.JA else "before the plan period"
    if fy > plan.last_year:
        return "計画期間の後" if lang is Lang.JA else "after the plan period"
    n, total = fy.year - plan.first_year.year + 1, len(plan.years)
    final = fy == plan.last_year
    if lang is Lang.JA:
        return f"計画期間{total}年の{n}年目" + ("(最終年度)" if final else "")
    return f"year {n} of {total} of the plan period" + (", the final year" if final else "")


def _starts_and_ends(plan: Plan, fy: FiscalYear) -> tuple[list[tuple[str, str]], ...]:
    """The activities that begin in ``fy`` and those that end in it (id, activity)."""
    starts, ends = [], []
    years = plan.years
    i = years.index(fy)
    for ini in plan.initiatives:
        for row in ini.schedule.rows:
            source = row.source_at(i)
            if source is None:
                continue
            activity = row.cells[source].text
            if source == i:
                starts.append((ini.id, activity))
            nxt = row.source_at(i + 1) if i + 1 < len(years) else None
            if row.completes_at(i) or (i + 1 < len(years) and nxt != source):
                ends.append((ini.id, activity))
    return starts, ends


def summary_lines(
    plan: Plan,
    day: pendulum.Date,
    lang: Lang | str,
    *,
    bureaus: bool = False,
    kinds: bool = False,
    activities: bool = False,
    width: int = 100,
) -> list[str]:
    """The first screen: the edition and its digest, today's fiscal year and the days left,
    the counts per pillar, and what starts or ends this year (at most 40 lines); the
    bureaus, the target kinds and every activity in force behind the flags."""
    lang = as_lang(lang)
    ja = lang is Lang.JA
    fy = FiscalYear.from_date(day)
    end = plan.last_year.end
    period = f"{_fy(plan.first_year, lang)}–{_fy(plan.last_year, lang)}"
    lines = [
        f"{plan.title} ({plan.publisher}) "
        + (f"{plan.edition}版" if ja else f"edition {plan.edition}"),
        f"digest sha256:{plan.digest}",
        ("計画期間 " if ja else "plan period ") + period,
        "",
        f"{day}: {_fy(fy, lang)}, {_position(plan, fy, lang)}",
    ]
    days = (end - day).days
    if days >= 0:
        lines.append(
            f"計画期間の残り {days} 日 ({end} まで)"
            if ja
            else f"{days} days left in the plan period (until {end})"
        )
    else:
        lines.append(
            f"計画期間は {-days} 日前に終了 ({end})"
            if ja
            else f"the plan period ended {-days} days ago ({end})"
        )
    header = (
        ["柱", "名称", "推進項目", "実行項目", "指標"]
        if ja
        else ["pillar", "title", "promotion items", "initiatives", "indicators"]
    )
    lines += ["", _text.table(header, [_pillar_row(c, lang) for c in pillar_counts(plan)])]
    if plan.first_year <= fy <= plan.last_year:
        starts, ends = _starts_and_ends(plan, fy)
        for label, items in (
            (("今年度に始まる取組" if ja else "Starting in") + f" {_fy(fy, lang)}", starts),
            (("今年度で終わる取組" if ja else "Ending in") + f" {_fy(fy, lang)}", ends),
        ):
            lines += ["", f"{label}: {len(items)}"]
            if items is ends and fy == plan.last_year:
                lines.append(
                    "  (計画期間は今年度で終わる)"
                    if ja
                    else "  (the plan period ends with this year)"
                )
            for ini_id, activity in items[:SUMMARY_ITEMS]:
                lines.append(_text.wrap(f"  {ini_id}  {activity}", width)[0])
            if len(items) > SUMMARY_ITEMS:
                more = len(items) - SUMMARY_ITEMS
                lines.append(
                    f"  … ほか {more} 件 (fukuoka-dx summary --activities)"
                    if ja
                    else f"  … and {more} more (fukuoka-dx summary --activities)"
                )
    if bureaus:
        lines += ["", "所管別の実行項目数" if ja else "Initiatives by bureau (所管)"]
        lines.append(
            _text.table(
                ["所管", "英語名", "実行項目"] if ja else ["bureau", "name", "initiatives"],
                [(c.bureau.name_ja, c.bureau.name_en, c.initiatives) for c in bureau_counts(plan)],
            )
        )
    if kinds:
        lines += ["", "目標の種類別の指標数" if ja else "Indicators by target kind"]
        counts = {c: Counter(ind.cell(c).kind for ind in plan.indicators) for c in TargetColumn}
        lines.append(
            _text.table(
                ["kind", *(target_label(c, lang) for c in TargetColumn)],
                [
                    (k.value, *(counts[c][k] for c in TargetColumn))
                    for k in TargetKind
                    if any(counts[c][k] for c in TargetColumn)
                ],
            )
        )
    if activities and plan.first_year <= fy <= plan.last_year:
        lines += ["", f"{_fy(fy, lang)}の工程" if ja else f"Activities in force in {_fy(fy, lang)}"]
        rows = [
            (
                ini.id,
                name_of(ini, lang),
                " / ".join(entry_text(e, lang) for e in ini.schedule.entries(fy)),
            )
            for ini in plan.initiatives
            if ini.schedule.entries(fy)
        ]
        header = ["実行項目", "名称", "工程"] if ja else ["initiative", "title", "activities"]
        lines.append(_text.table(header, rows, max_width=max(24, (width - 20) // 2)))
    return lines


def _pillar_row(c: PillarCount, lang: Lang) -> tuple[object, ...]:
    return (
        c.pillar.id,
        name_with_japanese(c.pillar, lang),
        c.promotion_items,
        c.initiatives,
        c.indicators,
    )


def indicator_lines(ind: Indicator, lang: Lang | str, width: int = 100) -> list[str]:
    """An indicator: its name, unit and direction, then its three cells."""
    lang = as_lang(lang)
    ja = lang is Lang.JA
    quals = f" [{', '.join(q.value for q in ind.qualifiers)}]" if ind.qualifiers else ""
    position = f"; position {ind.position.value}" if ind.position else ""
    lines = [f"{ind.id}  {name_of(ind, lang)}"]
    if name_of(ind, lang) != ind.name:
        lines.append(f"  {ind.name}")
    if ja:
        lines.append(
            f"  単位 {ind.unit or 'なし'}; 目指す方向 {word_label(ind.direction.value, lang)}"
            f"{quals}{position}"
        )
    else:
        unit = ind.unit or "-"
        if ind.unit_en and ind.unit_en != ind.unit:
            unit = f"{ind.unit_en} ({ind.unit})"
        lines.append(f"  unit {unit}; desired direction {ind.direction.value}{quals}{position}")
    for column in TargetColumn:
        cell = ind.cell(column)
        fy = ind.fiscal_year(column)
        text = cell.text or f"(missing: {getattr(cell, 'note', '')})"
        label = target_label(column, lang)
        head = f"  {_text.pad(label, 16 if not ja else 8)} {_text.pad(fy.label_ja, 9)} "
        head += f"{cell.kind.value:<16} "
        wrapped = _text.wrap(text, max(20, width - _text.width(head)))
        lines.append(head + wrapped[0])
        lines += [" " * _text.width(head) + more for more in wrapped[1:]]
    if not ind.baseline_comparable:
        note = "注: 現状値は目標と比較できない: " if ja else "note: baseline not comparable: "
        lines.append(f"  {note}{ind.baseline_note}")
    return lines


def initiative_lines(plan: Plan, ini: Initiative, lang: Lang | str, width: int = 100) -> list[str]:
    """An initiative in full: where it sits, its bureau, its description wrapped, its
    schedule with continuations, its indicators and the repairs of its text."""
    lang = as_lang(lang)
    ja = lang is Lang.JA
    item = plan.promotion_item(ini.promotion_item_id)
    pillar = plan.pillar(ini.pillar_id)

    def para(mark: str, text: str) -> list[str]:
        wrapped = _text.wrap(text, max(20, width - 4))
        return [f"  {mark} {wrapped[0]}", *(f"    {w}" for w in wrapped[1:])]

    lines = [f"{ini.id}  {name_of(ini, lang)}"]
    if name_of(ini, lang) != ini.title:
        lines.append(f"  {ini.title}")
    if ja:
        lines += [
            f"  推進項目 {item.id} {item.title}; 柱 {pillar.title}",
            f"  所管 {ini.bureau.name_ja}; {ini.page}ページ",
        ]
    else:
        where = (
            f"promotion item {item.id} {name_with_japanese(item, lang)}; "
            f"pillar {name_with_japanese(pillar, lang)}"
        )
        lines += [f"  {w}" for w in _text.wrap(where, max(20, width - 2))]
        lines.append(f"  所管 {ini.bureau.name_ja} ({ini.bureau.name_en}); page {ini.page}")
    if ini.reposts:
        original = plan.initiative(ini.reposts)
        lines.append(
            f"  再掲: {ini.reposts} {original.title}"
            if ja
            else f"  再掲: re-posts {ini.reposts} {name_with_japanese(original, lang)}"
        )
    for d in ini.description:
        lines += para("●", d)
    for n in ini.notes:
        lines += para("※", n)
    lines += ["", "  工程" if ja else "  工程 (schedule)"]
    years = ini.schedule.years
    header = ["行" if ja else "row", *(fy.label_ja for fy in years)]
    cell_width = max(12, (width - 8) // len(years) - 2)
    grid = _text.table(header, schedule_cells(ini.schedule, lang), max_width=cell_width)
    lines += ["  " + line for line in grid.splitlines()]
    status = word_label(ini.indicator_status.value, lang) if ja else ini.indicator_status.value
    lines += ["", f"  指標: {status}" if ja else f"  指標 (indicators): {status}"]
    if ini.indicator_note:
        lines += para("", ini.indicator_note)
    for ind in ini.indicators:
        lines += ["  " + line for line in indicator_lines(ind, lang, width - 2)]
    for r in ini.repairs:
        lines.append(f"  repaired {r.field}: {r.extracted!r} → {r.repaired!r} ({r.evidence})")
    return lines


def _number(value: float | None) -> str:
    return "-" if value is None else number_text(rounded(value))


def trend_lines(
    indicator: Indicator, result: IndicatorProgress, day: pendulum.Date, lang: Lang | str
) -> list[str]:
    """An indicator's trajectory for people: its points with the change from each to the
    next, the yearly pace, the projection to the target year and the pace still needed."""
    lang = as_lang(lang)
    t = result.trajectory
    assert t is not None  # assess sets one for every indicator
    column, target_fy = result.target, result.target_fy
    ja = lang is Lang.JA
    unit = f" {indicator.unit}" if indicator.unit else ""
    course = "-" if t.on_course is None else ("yes" if t.on_course else "no")
    target_text = indicator.target(column).text or "-"
    if ja:
        course = "-" if t.on_course is None else ("見込みあり" if t.on_course else "見込みなし")
        head = [
            f"{indicator.id}  {indicator.name}",
            f"  {target_label(column, Lang.JA)} {target_text}{unit} ({target_fy.label_ja}); "
            f"{day} 時点; {status_label(result.status, Lang.JA)}",
        ]
        columns = ["年度", "実績値", "増減", ""]
        base = "現状値"
        tail = [
            f"年平均の伸び: {_number(t.pace)}{unit} (最小二乗法、{len(t.points)}点)",
            f"{t.target_fy.label_ja}の見込み: {_number(t.projected)}{unit} "
            f"(目標 {_number(t.target)})",
            f"達成見込み: {course}",
            f"最新値から目標までに必要な伸び: {_number(t.required_pace)}{unit}/年",
        ]
    else:
        head = [
            f"{indicator.id}  {name_of(indicator, Lang.EN)}",
            *([f"  {indicator.name}"] if indicator.name_en else []),
            f"  target: {column.value} {target_text}{unit} in "
            f"{target_fy.label_ja} ({target_fy}); as of {day}; status {result.status.value}",
        ]
        columns = ["fiscal year", "value", "change", ""]
        base = "baseline"
        tail = [
            f"pace: {_number(t.pace)}{unit} per year (least squares over {len(t.points)} points)",
            f"projected in {t.target_fy.label_ja}: {_number(t.projected)}{unit} "
            f"(target {_number(t.target)})",
            f"on course: {course}",
            f"required pace from the latest point: {_number(t.required_pace)}{unit} per year",
        ]
    lines = [
        *head,
        "",
        _text.table(
            columns,
            [
                (
                    f"{p.fiscal_year.label_ja} ({p.fiscal_year})",
                    _number(p.value),
                    _number(p.change),
                    base if p.baseline else "",
                )
                for p in t.points
            ],
        ),
        "",
        *tail,
    ]
    lines += [f"  ({reason})" for reason in t.reasons]
    return lines
