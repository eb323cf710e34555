"""What the terminal shows people: the summary, an initiative, an indicator, a year's schedule.

Each screen is a list of lines in Japanese or English. Long texts wrap to the terminal's
width instead of being cut; schedule cells carried on by an arrow say which year's activity
they continue, so nothing reads as new work of a later year.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from fukuoka_dx.fiscal_calendar import FiscalYear
from fukuoka_dx.model import Indicator, Initiative, Plan, TargetColumn
from fukuoka_dx.observations.tracker import ItemKind, ReturnStatus, Tracker
from fukuoka_dx.progress import Assessment, RoundProgress, Status
from fukuoka_dx.report import text as _text
from fukuoka_dx.report.labels import (
    bureau_label,
    column_label,
    fy_label,
    kind_label,
    name_of,
    name_with_japanese,
    reason_label,
    status_label,
    target_label,
    word_label,
)
from fukuoka_dx.report.overview import (
    PillarCount,
    bureau_counts,
    entry_text,
    pillar_counts,
    schedule_cells,
)
from fukuoka_dx.report.results import Level, people_rows, percent, rollups, rounded
from fukuoka_dx.report.rounds import (
    figure_words,
    missing_items,
    return_label,
    schedule_rollup_counts,
    schedule_table,
    tracker_people_rows,
)
from fukuoka_dx.targets import TargetKind, number_text
from fukuoka_dx.words import Lang, as_lang, say

if TYPE_CHECKING:
    import pendulum

    from fukuoka_dx.progress import IndicatorProgress
    from fukuoka_dx.progress.assessment import RollUp

__all__ = [
    "entry_text",
    "indicator_lines",
    "initiative_lines",
    "progress_lines",
    "rollup_lines",
    "round_lines",
    "schedule_cells",
    "schedule_lines",
    "search_lines",
    "show_lines",
    "summary_lines",
    "tracker_lines",
    "trend_lines",
]

#: How many starting or ending activities the summary names before it counts the rest.
SUMMARY_ITEMS: Final = 6


def _fy(fy: FiscalYear, lang: Lang) -> str:
    return fy_label(fy, lang, both=True)


def _position(plan: Plan, fy: FiscalYear, lang: Lang) -> str:
    if fy < plan.first_year:
        return say("screen.before_period", lang)
    if fy > plan.last_year:
        return say("screen.after_period", lang)
    n, total = fy.year - plan.first_year.year + 1, len(plan.years)
    final = say("screen.final_year", lang) if fy == plan.last_year else ""
    return say("screen.year_of_period", lang, n=n, total=total) + final


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


def _header(lang: Lang, *columns: str) -> list[str]:
    return [column_label(c, lang) for c in columns]


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
    fy = FiscalYear.from_date(day)
    end = plan.last_year.end
    period = f"{_fy(plan.first_year, lang)}–{_fy(plan.last_year, lang)}"
    lines = [
        f"{plan.title} ({plan.publisher}) " + say("screen.edition", lang, edition=plan.edition),
        f"digest sha256:{plan.digest}",
        say("screen.plan_period", lang, period=period),
        "",
        f"{day}: {_fy(fy, lang)}, {_position(plan, fy, lang)}",
    ]
    days = (end - day).days
    if days >= 0:
        lines.append(say("screen.days_left", lang, days=days, end=end))
    else:
        lines.append(say("screen.days_since", lang, days=-days, end=end))
    header = _header(lang, "pillar_id", "title", "promotion_items", "initiatives", "indicators")
    lines += ["", _text.table(header, [_pillar_row(c, lang) for c in pillar_counts(plan)])]
    if plan.first_year <= fy <= plan.last_year:
        starts, ends = _starts_and_ends(plan, fy)
        for key, items in (("screen.starting_in", starts), ("screen.ending_in", ends)):
            lines += ["", f"{say(key, lang, fy=_fy(fy, lang))}: {len(items)}"]
            if items is ends and fy == plan.last_year:
                lines.append(say("screen.period_ends", lang))
            for ini_id, activity in items[:SUMMARY_ITEMS]:
                lines.append(_text.wrap(f"  {ini_id}  {activity}", width)[0])
            if len(items) > SUMMARY_ITEMS:
                lines.append(say("screen.and_more", lang, more=len(items) - SUMMARY_ITEMS))
    if bureaus:
        lines += ["", say("screen.by_bureau", lang)]
        lines.append(
            _text.table(
                _header(lang, "bureau", "name_en", "initiatives"),
                [(c.bureau.name_ja, c.bureau.name_en, c.initiatives) for c in bureau_counts(plan)],
            )
        )
    if kinds:
        lines += ["", say("screen.by_kind", lang)]
        counts = {c: Counter(ind.cell(c).kind for ind in plan.indicators) for c in TargetColumn}
        lines.append(
            _text.table(
                [column_label("kind", lang), *(target_label(c, lang) for c in TargetColumn)],
                [
                    (_kind(k, lang), *(counts[c][k] for c in TargetColumn))
                    for k in TargetKind
                    if any(counts[c][k] for c in TargetColumn)
                ],
            )
        )
    if activities and plan.first_year <= fy <= plan.last_year:
        lines += ["", say("screen.activities_in", lang, fy=_fy(fy, lang))]
        rows = [
            (
                ini.id,
                name_of(ini, lang),
                " / ".join(entry_text(e, lang) for e in ini.schedule.entries(fy)),
            )
            for ini in plan.initiatives
            if ini.schedule.entries(fy)
        ]
        header = _header(lang, "initiative_id", "title", "activities")
        lines.append(_text.table(header, rows, max_width=max(24, (width - 20) // 2)))
    return lines


def _kind(kind: TargetKind, lang: Lang) -> str:
    """A target kind on a screen: the code in English (as the data has it), the word in
    Japanese."""
    return kind.value if lang is Lang.EN else kind_label(kind, lang)


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
    quals = ", ".join(say(f"qualifier.{q.value}", lang) for q in ind.qualifiers)
    extra = f" [{quals}]" if quals else ""
    if ind.position:
        extra += say("screen.position", lang, position=say(f"position.{ind.position.value}", lang))
    lines = [f"{ind.id}  {name_of(ind, lang)}"]
    if name_of(ind, lang) != ind.name:
        lines.append(f"  {ind.name}")
    if ja:
        unit = ind.unit or word_label("none", lang)
        direction = word_label(ind.direction.value, lang)
    else:
        unit = ind.unit or "-"
        if ind.unit_en and ind.unit_en != ind.unit:
            unit = f"{ind.unit_en} ({ind.unit})"
        direction = ind.direction.value
    lines.append(say("screen.unit_line", lang, unit=unit, direction=direction, extra=extra))
    for column in TargetColumn:
        cell = ind.cell(column)
        fy = ind.fiscal_year(column)
        text = cell.text or say("screen.missing_cell", lang, note=getattr(cell, "note", ""))
        label = target_label(column, lang)
        head = f"  {_text.pad(label, 16 if not ja else 8)} {_text.pad(fy.label_ja, 9)} "
        head += f"{_text.pad(_kind(cell.kind, lang), 16)} "
        wrapped = _text.wrap(text, max(20, width - _text.width(head)))
        lines.append(head + wrapped[0])
        lines += [" " * _text.width(head) + more for more in wrapped[1:]]
    if not ind.baseline_comparable:
        lines.append(f"  {say('screen.baseline_not_comparable', lang)}{ind.baseline_note}")
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
        item_text, pillar_text, bureau = f"{item.id} {item.title}", pillar.title, ini.bureau.name_ja
    else:
        item_text = f"{item.id} {name_with_japanese(item, lang)}"
        pillar_text = name_with_japanese(pillar, lang)
        bureau = f"{ini.bureau.name_ja} ({ini.bureau.name_en})"
    where = say("screen.item_and_pillar", lang, item=item_text, pillar=pillar_text)
    lines += [f"  {w}" for w in _text.wrap(where, max(20, width - 2))]
    lines.append("  " + say("screen.bureau_and_page", lang, bureau=bureau, page=ini.page))
    if ini.reposts:
        original = plan.initiative(ini.reposts)
        title = original.title if ja else name_with_japanese(original, lang)
        lines.append("  " + say("screen.reposts", lang, id=ini.reposts, title=title))
    for d in ini.description:
        lines += para("●", d)
    for n in ini.notes:
        lines += para("※", n)
    lines += ["", "  " + say("screen.schedule", lang)]
    years = ini.schedule.years
    header = [column_label("row", lang), *(fy.label_ja for fy in years)]
    cell_width = max(12, (width - 8) // len(years) - 2)
    grid = _text.table(header, schedule_cells(ini.schedule, lang), max_width=cell_width)
    lines += ["  " + line for line in grid.splitlines()]
    for k, row in enumerate(ini.schedule.rows, 1):
        if row.note:
            lines += para("※", say("screen.row_note", lang, row=k, note=row.note))
    status = word_label(ini.indicator_status.value, lang) if ja else ini.indicator_status.value
    lines += ["", "  " + say("screen.indicators", lang, status=status)]
    if ini.indicator_note:
        lines += para("", ini.indicator_note)
    for ind in ini.indicators:
        lines += ["  " + line for line in indicator_lines(ind, lang, width - 2)]
    for a in ini.ambiguities:
        said = say(
            "screen.ambiguity",
            lang,
            field=a.field.value,
            line=a.line,
            resolved="true" if a.resolved else "false",
            reading=a.reading,
            alternative=a.alternative,
        )
        lines += para("?", said)
    for r in ini.repairs:
        said = say(
            "screen.repaired",
            lang,
            field=r.field,
            extracted=r.extracted,
            repaired=r.repaired,
            evidence=r.evidence,
        )
        lines.append(f"  {said}")
    return lines


def show_lines(plan: Plan, key: str, lang: Lang | str, width: int = 100) -> list[str]:
    """What ``show`` prints for a pillar, promotion item, initiative or indicator id."""
    from fukuoka_dx.model import RE_INDICATOR, RE_PILLAR, RE_PROMOTION_ITEM

    lang = as_lang(lang)
    lines: list[str] = []
    if RE_PILLAR.match(key):
        p = plan.pillar(key)
        title = p.title if lang is Lang.JA else f"{p.title} ({p.title_en})"
        lines.append(say("screen.pillar", lang, id=p.id, title=title))
        for item in plan.promotion_items:
            if item.pillar_id == p.id:
                said = say(
                    "screen.item_line",
                    lang,
                    id=item.id,
                    title=name_with_japanese(item, lang),
                    page=item.page,
                )
                lines.append(f"  {said}")
                lines += [
                    f"    {i.id}  {name_with_japanese(i, lang)}" for i in plan.children(item.id)
                ]
    elif RE_INDICATOR.match(key):
        ind = plan.indicator(key)
        ini = plan.initiative(ind.initiative_id)
        lines.append(say("screen.initiative", lang, id=ini.id, title=name_with_japanese(ini, lang)))
        lines += indicator_lines(ind, lang, width)
    elif RE_PROMOTION_ITEM.match(key):
        item = plan.promotion_item(key)
        title = name_with_japanese(item, lang)
        lines.append(say("screen.promotion_item", lang, id=item.id, title=title, page=item.page))
        for ini in plan.children(item.id):
            lines += ["", *initiative_lines(plan, ini, lang, width)]
    else:
        lines += initiative_lines(plan, plan.initiative(key), lang, width)
    return lines


def search_lines(
    plan: Plan, hits: Sequence[Initiative], text: str, lang: Lang | str, width: int = 100
) -> list[str]:
    """The initiatives ``search`` found, as a table for people, and their count."""
    lang = as_lang(lang)
    rows = [
        (
            i.id,
            name_with_japanese(i, lang),
            i.bureau.name_ja if lang is Lang.JA else i.bureau.name_en,
            len(i.indicators),
        )
        for i in hits
    ]
    header = _header(lang, "initiative_id", "title", "bureau", "indicator_count")
    if lang is Lang.EN:
        header = ["id", "title", "bureau", "indicators"]
    return [
        _text.table(header, rows, max_width=max(30, width // 2)),
        say("screen.search_count", lang, n=len(hits), text=text),
    ]


def schedule_lines(plan: Plan, fy: FiscalYear, lang: Lang | str, width: int = 100) -> list[str]:
    """Every initiative's activities in force in ``fy``, as a table for people."""
    lang = as_lang(lang)
    shown = [
        (
            ini.id,
            name_of(ini, lang),
            " / ".join(entry_text(e, lang) for e in ini.schedule.entries(fy)),
        )
        for ini in plan.initiatives
    ]
    header = _header(lang, "initiative_id", "title", "activities")
    if lang is Lang.EN:
        header = ["id", "title", "activities"]
    return [
        say("screen.schedule_head", lang, fy=fy, start=fy.start, end=fy.end),
        _text.table(header, shown, max_width=max(30, (width - 12) // 2)),
    ]


def _targets_used(assessment: Assessment, lang: Lang) -> str:
    """The target column(s) the results were judged against, in column order."""
    used = {r.target for r in assessment.results}
    return ", ".join(target_label(c, lang) for c in TargetColumn if c in used)


def progress_lines(
    assessment: Assessment, lang: Lang | str, *, no_data: bool = False, width: int = 100
) -> list[str]:
    """The progress table for people, in ``lang``, and its summary lines (counts, the mean
    achievement, the grades under a scheme that grades)."""
    from fukuoka_dx.report.results import PEOPLE_COLUMNS

    lang = as_lang(lang)
    graded = assessment.scheme.graded
    rows = people_rows(assessment, lang=lang, no_data=no_data)
    columns = [c for c in PEOPLE_COLUMNS if c not in ("unit",)]
    if graded:
        grades = {r.indicator_id: r.grade for r in assessment.results}
        for row in rows:
            row["grade"] = grades[row["indicator_id"]] or ""
        columns.append("grade")
    table = _text.table(
        [column_label(c, lang) for c in columns],
        [[row[c] for c in columns] for row in rows],
        max_width=max(16, width // 5),
    )
    counts = ", ".join(f"{status_label(s, lang)} {n}" for s, n in assessment.overall.counts if n)
    fy = FiscalYear.from_date(assessment.as_of)
    tail = [
        say(
            "screen.progress_as_of",
            lang,
            as_of=assessment.as_of,
            fy=fy,
            targets=_targets_used(assessment, lang),
        ),
        say("screen.progress_counts", lang, total=len(assessment.results), counts=counts),
        say("screen.progress_mean", lang, mean=percent(assessment.overall.mean_achievement)),
    ]
    if graded:
        grades_text = ", ".join(f"{g} {n}" for g, n in assessment.overall.grades if n)
        tail.append(
            say("screen.progress_grades", lang, scheme=assessment.scheme, grades=grades_text)
        )
    if not no_data:
        tail.append(say("screen.progress_hidden", lang))
    return [table, "", *tail]


def _rollup_label(plan: Plan, level: Level, group: RollUp, lang: Lang) -> str:
    """A roll-up group's name in ``lang`` (the Japanese beside the English)."""
    if level is Level.PILLAR:
        return name_with_japanese(plan.pillar(group.key), lang)
    if level is Level.PROMOTION_ITEM:
        return name_with_japanese(plan.promotion_item(group.key), lang)
    return bureau_label(plan.bureau(group.key), lang)


def rollup_lines(
    assessment: Assessment,
    level: Level | str,
    lang: Lang | str,
    progress: RoundProgress | None = None,
) -> list[str]:
    """The roll-up of one level as a table for people; of a round (``progress``), with the
    schedule's progress of each group beside, and each bureau's return status."""
    lang, level = as_lang(lang), Level(level)
    plan = assessment.plan
    header = [column_label(c, lang) for c in ("key", "label", "total")]
    header += [status_label(s, lang) for s in Status]
    header += [column_label(c, lang) for c in ("assessable", "mean_achievement")]
    rows = [
        [
            g.key,
            _rollup_label(plan, level, g, lang),
            g.total,
            *(g.count(s) for s in Status),
            g.assessable,
            percent(g.mean_achievement),
        ]
        for g in rollups(assessment, level)
    ]
    if progress is not None:
        _round_columns(progress, level, lang, header, rows)
    return [_text.table(header, rows, max_width=30)]


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
    if t.on_course is None:
        course = "-"
    else:
        course = word_label("yes_course" if t.on_course else "no_course", lang)
    target_text = indicator.target(column).text or "-"
    head = [f"{indicator.id}  {name_of(indicator, lang)}"]
    if not ja and indicator.name_en:
        head.append(f"  {indicator.name}")
    said = say(
        "screen.trend_target",
        lang,
        column=column.value,
        text=target_text,
        unit=unit,
        target_fy=target_fy,
        as_of=day,
        status=status_label(result.status, lang) if ja else result.status.value,
    )
    head.append(f"  {said}")
    columns = [
        column_label("fiscal_year", lang),
        column_label("observed_value", lang) if ja else "value",
        say("screen.trend_change", lang),
        "",
    ]
    base = say("screen.trend_base", lang)
    tail = [
        say("screen.trend_pace", lang, pace=_number(t.pace), unit=unit, points=len(t.points)),
        say(
            "screen.trend_projected",
            lang,
            target_fy=t.target_fy,
            projected=_number(t.projected),
            unit=unit,
            target=_number(t.target),
        ),
        say("screen.trend_course", lang, course=course),
        say("screen.trend_required", lang, required=_number(t.required_pace), unit=unit),
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
    lines += [f"  ({reason_label(reason, lang)})" for reason in t.reasons]
    return lines


# -- a reporting round ------------------------------------------------------------------------


def _round_columns(
    progress: RoundProgress,
    level: Level,
    lang: Lang,
    header: list[str],
    rows: list[list[object]],
) -> None:
    """The schedule's progress of each group (and each bureau's return) after its counts."""
    schedule = {
        Level.PILLAR: progress.schedule.by_pillar,
        Level.PROMOTION_ITEM: progress.schedule.by_promotion_item,
        Level.BUREAU: progress.schedule.by_bureau,
    }[level]
    counts = {g.key: schedule_rollup_counts(g, lang) for g in schedule}
    header.append(column_label("activity_status", lang))
    returns = {b.bureau.name_ja: b for b in progress.tracker.bureaus}
    if level is Level.BUREAU:
        header.append(column_label("return_status", lang))
    for row in rows:
        key = str(row[0])
        row.append(counts.get(key, "-"))
        if level is Level.BUREAU:
            b = returns.get(key)
            row.append(return_label(b.status, lang) if b else "-")


def round_lines(progress: RoundProgress, lang: Lang | str, *, width: int = 100) -> list[str]:
    """What a round adds to the progress table: the schedule's progress of the year (each
    initiative reported, with its status and the bureau's words), the accounts given of the
    figures, and who has returned."""
    lang = as_lang(lang)
    round_ = progress.round
    fy = round_.fiscal_year
    lines = [
        "",
        say(
            "screen.schedule_progress",
            lang,
            fy=fy,
            total=progress.schedule.overall.total,
            counts=schedule_rollup_counts(progress.schedule.overall, lang),
        ),
    ]
    wide = max(16, width // 4)
    reported = [r.for_people(lang) for r in schedule_table(progress) if r.result.report]
    if reported:
        shown = ("initiative_id", "title", "status", "done", "next_step")
        lines.append(
            _text.table(
                [column_label(c, lang) for c in shown],
                [[row[c] for c in shown] for row in reported],
                max_width=wide,
            )
        )
    words = []
    for ind in progress.assessment.plan.indicators:
        w = figure_words(round_, ind.id, lang)
        if not w.empty:
            words.append([ind.id, w.provisional, w.factors, w.issues, w.next_step, w.evidence])
    if words:
        columns = ("indicator_id", "provisional", "factors", "issues", "next_step", "evidence")
        lines += [
            "",
            say("screen.figure_accounts", lang, fy=fy),
            _text.table([column_label(c, lang) for c in columns], words, max_width=wide),
        ]
    t = progress.tracker
    lines += ["", _tracker_summary(t, lang)]
    return lines


def _tracker_summary(tracker: Tracker, lang: Lang) -> str:
    sep = say("html.count_separator", lang)
    counts = sep.join(
        f"{return_label(s, lang)} {tracker.count(s)}" for s in ReturnStatus if tracker.count(s)
    )
    return say("screen.tracker_head", lang, fy=tracker.fiscal_year, counts=counts)


def tracker_lines(tracker: Tracker, lang: Lang | str, *, width: int = 100) -> list[str]:
    """A round's tracker for people: a line of counts, a row per bureau (its return status,
    how many of its indicators and initiatives were reported, refusals, the files), and the
    items still missing, bureau by bureau."""
    lang = as_lang(lang)
    columns = (
        "bureau",
        "return_status",
        "indicators_reported",
        "initiatives_reported",
        "refused",
        "files",
    )
    rows = tracker_people_rows(tracker, lang)
    for row, b in zip(rows, tracker.bureaus, strict=True):
        row["return_status"] = return_label(b.status, lang)  # a terminal's widths: no symbol
    lines = [
        _tracker_summary(tracker, lang),
        "",
        _text.table(
            [column_label(c, lang) for c in columns],
            [[row[c] for c in columns] for row in rows],
            max_width=max(24, width // 3),
        ),
    ]
    missing = missing_items(tracker)
    if missing:
        lines += ["", say("screen.missing_head", lang)]
        for b in tracker.bureaus:
            items = missing.get(b.bureau.name_ja)
            if not items:
                continue
            said = []
            for kind in (ItemKind.INDICATOR, ItemKind.INITIATIVE):
                ids = [i.id for i in items if i.kind is kind]
                if ids:
                    said.append(f"{column_label(f'{kind.value}s', lang)} {', '.join(ids)}")
            text = f"{bureau_label(b.bureau, lang)}: {' / '.join(said)}"
            wrapped = _text.wrap(text, max(30, width - 6))
            lines += [f"  {wrapped[0]}", *(f"    {line}" for line in wrapped[1:])]
    if tracker.unattributed:
        lines += ["", say("screen.unattributed", lang, n=len(tracker.unattributed))]
    return lines
