"""What the terminal shows people: the summary, an initiative, an indicator, a year's schedule,
progress, roll-ups and a trend.

Each screen is a list of lines in Japanese or English, none wider than the width given (the
terminal's; 80 columns when the output is not a terminal; wide characters count two). Long
texts wrap instead of being cut; a table chooses its columns and wraps whole cells to fit,
and says which columns it left out; what is cut short (the summary's lists) ends in ``…``.
Schedule cells carried on by an arrow say which year's activity they continue, so nothing
reads as new work of a later year.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Final

from fukuoka_dx.fiscal_calendar import FiscalYear
from fukuoka_dx.model import Indicator, Initiative, Plan, TargetColumn
from fukuoka_dx.observations.tracker import ItemKind, ReturnStatus, Tracker
from fukuoka_dx.progress import Assessment, RoundProgress, Status
from fukuoka_dx.report import text as _text
from fukuoka_dx.report.labels import (
    bureau_label,
    change_unit_label,
    column_label,
    figure_label,
    fy_label,
    kind_label,
    name_of,
    name_with_japanese,
    reason_label,
    status_label,
    target_label,
    unit_label,
    word_label,
)
from fukuoka_dx.report.overview import (
    PillarCount,
    bureau_counts,
    entry_text,
    pillar_counts,
    schedule_cells,
)
from fukuoka_dx.report.results import Level, people_rows, percent, rollups
from fukuoka_dx.report.rounds import (
    figure_words,
    missing_items,
    return_label,
    schedule_rollup_counts,
    schedule_table,
    tracker_people_rows,
)
from fukuoka_dx.report.text import DEFAULT_WIDTH, clip, fit, fits, wrap_lines
from fukuoka_dx.targets import TargetKind
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


def _table(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    width: int,
    lang: Lang,
    *,
    indent: str = "",
    wrappable: Sequence[int] = (),
    below: Sequence[int] = (),
    optional: Sequence[int] = (),
) -> list[str]:
    """A table fitted to ``width`` (with ``indent`` before each line; see
    :func:`~fukuoka_dx.report.text.fit`), and a line naming the columns it left out for
    want of room, if any."""
    fitted = fit(
        header, rows, width - len(indent), wrappable=wrappable, below=below, optional=optional
    )
    lines = [(indent + line).rstrip() for line in fitted.lines]
    if fitted.dropped:
        sep = say("html.count_separator", lang)
        said = say("screen.columns_left_out", lang, columns=sep.join(fitted.dropped))
        lines += wrap_lines(said, width, indent)
    return lines


def summary_lines(
    plan: Plan,
    day: pendulum.Date,
    lang: Lang | str,
    *,
    bureaus: bool = False,
    kinds: bool = False,
    activities: bool = False,
    width: int = DEFAULT_WIDTH,
) -> list[str]:
    """The first screen: the edition and its digest, today's fiscal year and the days left,
    the counts per pillar, and what starts or ends this year (at most 40 lines); the
    bureaus, the target kinds and every activity in force behind the flags."""
    lang = as_lang(lang)
    fy = FiscalYear.from_date(day)
    end = plan.last_year.end
    period = f"{_fy(plan.first_year, lang)}–{_fy(plan.last_year, lang)}"
    title = f"{plan.title} ({plan.publisher}) " + say("screen.edition", lang, edition=plan.edition)
    lines = [
        *wrap_lines(title, width),
        *wrap_lines(f"digest sha256:{plan.digest}", width),
        *wrap_lines(say("screen.plan_period", lang, period=period), width),
        "",
        *wrap_lines(f"{day}: {_fy(fy, lang)}, {_position(plan, fy, lang)}", width),
    ]
    days = (end - day).days
    if days >= 0:
        lines += wrap_lines(say("screen.days_left", lang, days=days, end=end), width)
    else:
        lines += wrap_lines(say("screen.days_since", lang, days=-days, end=end), width)
    header = _header(lang, "pillar_id", "title", "promotion_items", "initiatives", "indicators")
    lines += ["", *_table(header, [_pillar_row(c, lang) for c in pillar_counts(plan)], width, lang)]
    if plan.first_year <= fy <= plan.last_year:
        starts, ends = _starts_and_ends(plan, fy)
        for key, items in (("screen.starting_in", starts), ("screen.ending_in", ends)):
            lines += ["", *wrap_lines(f"{say(key, lang, fy=_fy(fy, lang))}: {len(items)}", width)]
            if items is ends and fy == plan.last_year:
                lines += wrap_lines(say("screen.period_ends", lang).strip(), width, "  ")
            for ini_id, activity in items[:SUMMARY_ITEMS]:
                lines.append(clip(f"  {ini_id}  {activity}", width))
            if len(items) > SUMMARY_ITEMS:
                more = say("screen.and_more", lang, more=len(items) - SUMMARY_ITEMS)
                lines += wrap_lines(more.strip(), width, "  ", "    ")
    if bureaus:
        lines += ["", *wrap_lines(say("screen.by_bureau", lang), width)]
        lines += _table(
            _header(lang, "bureau", "name_en", "initiatives"),
            [(c.bureau.name_ja, c.bureau.name_en, c.initiatives) for c in bureau_counts(plan)],
            width,
            lang,
        )
    if kinds:
        lines += ["", *wrap_lines(say("screen.by_kind", lang), width)]
        counts = {c: Counter(ind.cell(c).kind for ind in plan.indicators) for c in TargetColumn}
        lines += _table(
            [column_label("kind", lang), *(target_label(c, lang) for c in TargetColumn)],
            [
                (_kind(k, lang), *(counts[c][k] for c in TargetColumn))
                for k in TargetKind
                if any(counts[c][k] for c in TargetColumn)
            ],
            width,
            lang,
        )
    if activities and plan.first_year <= fy <= plan.last_year:
        lines += ["", *wrap_lines(say("screen.activities_in", lang, fy=_fy(fy, lang)), width)]
        rows = [
            (
                ini.id,
                name_of(ini, lang),
                " / ".join(entry_text(e, lang) for e in ini.schedule.entries(fy)),
            )
            for ini in plan.initiatives
            if ini.schedule.entries(fy)
        ]
        lines += _table(_header(lang, "initiative_id", "title", "activities"), rows, width, lang)
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


def indicator_lines(ind: Indicator, lang: Lang | str, width: int = DEFAULT_WIDTH) -> list[str]:
    """An indicator: its name, unit and direction, then its three cells."""
    lang = as_lang(lang)
    ja = lang is Lang.JA
    quals = ", ".join(say(f"qualifier.{q.value}", lang) for q in ind.qualifiers)
    extra = f" [{quals}]" if quals else ""
    if ind.position:
        extra += say("screen.position", lang, position=say(f"position.{ind.position.value}", lang))
    lines = wrap_lines(f"{ind.id}  {name_of(ind, lang)}", width, "", " " * (len(ind.id) + 2))
    if name_of(ind, lang) != ind.name:
        lines += wrap_lines(ind.name, width, "  ")
    if ja:
        unit = ind.unit or word_label("none", lang)
        direction = word_label(ind.direction.value, lang)
    else:
        unit = ind.unit or "-"
        if ind.unit_en and ind.unit_en != ind.unit:
            unit = f"{ind.unit_en} ({ind.unit})"
        direction = ind.direction.value
    said = say("screen.unit_line", lang, unit=unit, direction=direction, extra=extra)
    lines += wrap_lines(said.strip(), width, "  ")
    label_width = 8 if ja else 16
    for column in TargetColumn:
        cell = ind.cell(column)
        fy = ind.fiscal_year(column)
        text = cell.text or say("screen.missing_cell", lang, note=getattr(cell, "note", ""))
        label = target_label(column, lang)
        head = f"  {_text.pad(label, label_width)} {_text.pad(fy.label_ja, 9)} "
        kind = _kind(cell.kind, lang)
        if _text.width(head) + 16 + 1 + 12 <= width:
            head += f"{_text.pad(kind, 16)} "
        else:  # narrow: the kind after the text
            text = f"{text} ({kind})"
        lines += wrap_lines(text, width, head)
    if not ind.baseline_comparable:
        said = f"{say('screen.baseline_not_comparable', lang)}{ind.baseline_note}"
        lines += wrap_lines(said, width, "  ")
    return lines


def initiative_lines(
    plan: Plan, ini: Initiative, lang: Lang | str, width: int = DEFAULT_WIDTH
) -> list[str]:
    """An initiative in full: where it sits, its bureau, its description wrapped, its
    schedule with continuations, its indicators and the repairs of its text."""
    lang = as_lang(lang)
    ja = lang is Lang.JA
    item = plan.promotion_item(ini.promotion_item_id)
    pillar = plan.pillar(ini.pillar_id)

    def para(mark: str, text: str) -> list[str]:
        return wrap_lines(text, width, f"  {mark} " if mark else "  ", "    ")

    lines = wrap_lines(f"{ini.id}  {name_of(ini, lang)}", width, "", " " * (len(ini.id) + 2))
    if name_of(ini, lang) != ini.title:
        lines += wrap_lines(ini.title, width, "  ")
    if ja:
        item_text, pillar_text, bureau = f"{item.id} {item.title}", pillar.title, ini.bureau.name_ja
    else:
        item_text = f"{item.id} {name_with_japanese(item, lang)}"
        pillar_text = name_with_japanese(pillar, lang)
        bureau = f"{ini.bureau.name_ja} ({ini.bureau.name_en})"
    where = say("screen.item_and_pillar", lang, item=item_text, pillar=pillar_text)
    lines += wrap_lines(where, width, "  ")
    lines += wrap_lines(
        say("screen.bureau_and_page", lang, bureau=bureau, page=ini.page), width, "  "
    )
    if ini.reposts:
        original = plan.initiative(ini.reposts)
        title = original.title if ja else name_with_japanese(original, lang)
        lines += wrap_lines(say("screen.reposts", lang, id=ini.reposts, title=title), width, "  ")
    for d in ini.description:
        lines += para("●", d)
    for n in ini.notes:
        lines += para("※", n)
    lines += ["", "  " + say("screen.schedule", lang)]
    years = ini.schedule.years
    header = [column_label("row", lang), *(fy.label_ja for fy in years)]
    lines += _table(header, schedule_cells(ini.schedule, lang), width, lang, indent="  ")
    for k, row in enumerate(ini.schedule.rows, 1):
        if row.note:
            lines += para("※", say("screen.row_note", lang, row=k, note=row.note))
    status = word_label(ini.indicator_status.value, lang) if ja else ini.indicator_status.value
    lines += ["", *wrap_lines(say("screen.indicators", lang, status=status), width, "  ")]
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
        lines += wrap_lines(said, width, "  ", "    ")
    return lines


def show_lines(plan: Plan, key: str, lang: Lang | str, width: int = DEFAULT_WIDTH) -> list[str]:
    """What ``show`` prints for a pillar, promotion item, initiative or indicator id."""
    from fukuoka_dx.model import RE_INDICATOR, RE_PILLAR, RE_PROMOTION_ITEM

    lang = as_lang(lang)
    lines: list[str] = []
    if RE_PILLAR.match(key):
        p = plan.pillar(key)
        title = p.title if lang is Lang.JA else f"{p.title} ({p.title_en})"
        lines += wrap_lines(say("screen.pillar", lang, id=p.id, title=title), width)
        for item in plan.promotion_items:
            if item.pillar_id == p.id:
                said = say(
                    "screen.item_line",
                    lang,
                    id=item.id,
                    title=name_with_japanese(item, lang),
                    page=item.page,
                )
                lines += wrap_lines(said, width, "  ", " " * (len(item.id) + 4))
                for i in plan.children(item.id):
                    text = f"{i.id}  {name_with_japanese(i, lang)}"
                    lines += wrap_lines(text, width, "    ", " " * (len(i.id) + 6))
    elif RE_INDICATOR.match(key):
        ind = plan.indicator(key)
        ini = plan.initiative(ind.initiative_id)
        said = say("screen.initiative", lang, id=ini.id, title=name_with_japanese(ini, lang))
        lines += wrap_lines(said, width, "", "  ")
        lines += indicator_lines(ind, lang, width)
    elif RE_PROMOTION_ITEM.match(key):
        item = plan.promotion_item(key)
        title = name_with_japanese(item, lang)
        said = say("screen.promotion_item", lang, id=item.id, title=title, page=item.page)
        lines += wrap_lines(said, width, "", "  ")
        for ini in plan.children(item.id):
            lines += ["", *initiative_lines(plan, ini, lang, width)]
    else:
        lines += initiative_lines(plan, plan.initiative(key), lang, width)
    return lines


def search_lines(
    plan: Plan,
    hits: Sequence[Initiative],
    text: str,
    lang: Lang | str,
    width: int = DEFAULT_WIDTH,
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
        *_table(header, rows, width, lang),
        *wrap_lines(say("screen.search_count", lang, n=len(hits), text=text), width),
    ]


def schedule_lines(
    plan: Plan, fy: FiscalYear, lang: Lang | str, width: int = DEFAULT_WIDTH
) -> list[str]:
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
        *wrap_lines(say("screen.schedule_head", lang, fy=fy, start=fy.start, end=fy.end), width),
        *_table(header, shown, width, lang),
    ]


def _targets_used(assessment: Assessment, lang: Lang) -> str:
    """The target column(s) the results were judged against, in column order."""
    used = {r.target for r in assessment.results}
    return ", ".join(target_label(c, lang) for c in TargetColumn if c in used)


def mean_lines(group: RollUp, lang: Lang | str, width: int = DEFAULT_WIDTH) -> list[str]:
    """What a mean achievement counts, for people: the mean, over how many indicators, and
    the judged ones it leaves out (a rule not met has no rate)."""
    lang = as_lang(lang)
    said = say(
        "screen.progress_mean",
        lang,
        mean=percent(group.mean_achievement),
        averaged=group.averaged,
        assessable=group.assessable,
    )
    lines = wrap_lines(said, width, "", "  ")
    if group.unrated:
        lines += wrap_lines(say("screen.progress_unrated", lang, n=group.unrated), width, "  ")
    if group.note is not None and group.mean_achievement is None:
        lines += wrap_lines(f"({reason_label(group.note, lang)})", width, "  ")
    return lines


def progress_lines(
    assessment: Assessment,
    lang: Lang | str,
    *,
    no_data: bool = False,
    width: int = DEFAULT_WIDTH,
) -> list[str]:
    """The progress table for people, in ``lang``, fitted to ``width``, and its summary
    lines (counts, the mean achievement and what it counts, the grades under a scheme that
    grades)."""
    lang = as_lang(lang)
    graded = assessment.scheme.graded
    rows = people_rows(assessment, lang=lang, no_data=no_data)
    grades = {r.indicator_id: r.grade for r in assessment.results}
    header = [
        column_label(c, lang)
        for c in (
            "indicator_id",
            "name",
            "target",
            "observed_value",
            "achievement",
            "expected",
            "status",
        )
    ]
    if graded:
        header.append(column_label("grade", lang))
    header.append(column_label("reason", lang))
    table_rows = []
    for row in rows:
        observed = row["observed_value"]
        if observed:
            observed = f"{observed}\n{row['observed_fy']}"
        cells = [
            row["indicator_id"],
            row["name"],
            f"{row['target']}\n{row['target_fy']}",
            observed,
            row["achievement"],
            row["expected"],
            row["status"],
        ]
        if graded:
            cells.append(grades[row["indicator_id"]] or "")
        cells.append(row["reason"])
        table_rows.append(cells)
    reason = len(header) - 1
    lines = _table(
        header,
        table_rows,
        width,
        lang,
        wrappable=(1, reason),
        below=(reason, 1),
        optional=(5,),  # the expected share goes first when there is no room
    )
    overall = assessment.overall
    counts = ", ".join(f"{status_label(s, lang)} {n}" for s, n in overall.counts if n)
    fy = FiscalYear.from_date(assessment.as_of)
    tail = [
        *wrap_lines(
            say(
                "screen.progress_as_of",
                lang,
                as_of=assessment.as_of,
                fy=fy,
                targets=_targets_used(assessment, lang),
            ),
            width,
        ),
        *wrap_lines(
            say("screen.progress_counts", lang, total=len(assessment.results), counts=counts),
            width,
            "",
            "  ",
        ),
        *mean_lines(overall, lang, width),
    ]
    if graded:
        grades_text = ", ".join(f"{g} {n}" for g, n in overall.grades if n)
        said = say("screen.progress_grades", lang, scheme=assessment.scheme, grades=grades_text)
        tail += wrap_lines(said, width, "", "  ")
    if not no_data:
        tail += wrap_lines(say("screen.progress_hidden", lang), width)
    return [*lines, "", *tail]


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
    *,
    width: int = DEFAULT_WIDTH,
) -> list[str]:
    """The roll-up of one level as a table for people, every group of the plan included
    (one without a mean says why): a column per status where the width allows, else the
    counts in one column; then what the counts and the mean count. Of a round
    (``progress``), with the schedule's progress of each group beside, and each bureau's
    return status."""
    lang, level = as_lang(lang), Level(level)
    plan = assessment.plan
    groups = rollups(assessment, level)
    # a bureau is named once (its key is its Japanese name); the other levels by id and name
    named = ["label"] if level is Level.BUREAU else ["key", "label"]
    head = [column_label("bureau" if level is Level.BUREAU else c, lang) for c in named]

    def names(g: RollUp) -> list[object]:
        label = _rollup_label(plan, level, g, lang)
        return [label] if level is Level.BUREAU else [g.key, label]

    extra_header, extra = _round_columns(progress, level, lang)

    def tail(g: RollUp) -> list[object]:
        note = reason_label(g.note, lang) if g.mean_achievement is None else ""
        return [g.assessable, percent(g.mean_achievement), *extra(g.key), note]

    end = [column_label(c, lang) for c in ("assessable", "mean_achievement")]
    end += [*extra_header, column_label("reason", lang)]
    full_header = [*head, column_label("total", lang), *(status_label(s, lang) for s in Status)]
    full_header += end
    full_rows = [[*names(g), g.total, *(g.count(s) for s in Status), *tail(g)] for g in groups]
    # the name, the round's words and the reason may wrap
    loose = (len(head) - 1, *range(len(full_header) - 1 - len(extra_header), len(full_header)))
    if fits(full_header, full_rows, width, wrappable=loose):
        lines = list(fit(full_header, full_rows, width, wrappable=loose).lines)
    else:  # the counts in one column, as words
        sep = say("html.count_separator", lang)

        def breakdown(g: RollUp) -> str:
            return sep.join(f"{status_label(s, lang)} {n}" for s, n in g.counts if n) or "-"

        header = [*head, column_label("total", lang), column_label("counts", lang), *end]
        name, counts, reason = len(head) - 1, len(head) + 1, len(header) - 1
        words = tuple(range(reason - len(extra_header), reason))
        lines = _table(
            header,
            [[*names(g), g.total, breakdown(g), *tail(g)] for g in groups],
            width,
            lang,
            wrappable=(name, counts, *words, reason),
            below=(reason, *words) if level is Level.BUREAU else (reason, *words, name),
        )
    return [*lines, "", *wrap_lines(say("screen.rollup_legend", lang), width)]


def _number(value: float | None) -> str:
    return figure_label(value)


def trend_lines(
    indicator: Indicator,
    result: IndicatorProgress,
    day: pendulum.Date,
    lang: Lang | str,
    width: int = DEFAULT_WIDTH,
) -> list[str]:
    """An indicator's trajectory for people: its points with the change from each to the
    next, the yearly pace, the projection to the target year and the pace still needed.
    Figures have thousands separators; changes of a percentage are in points."""
    lang = as_lang(lang)
    t = result.trajectory
    assert t is not None  # assess sets one for every indicator
    column, target_fy = result.target, result.target_fy
    ja = lang is Lang.JA
    unit_text = unit_label(indicator, lang)
    unit = f" {unit_text}" if unit_text else ""
    change_text = change_unit_label(indicator, lang)
    change_unit = f" {change_text}" if change_text else ""
    if t.on_course is None:
        course = "-"
    else:
        course = word_label("yes_course" if t.on_course else "no_course", lang)
    target_text = indicator.target(column).text or "-"
    head = wrap_lines(f"{indicator.id}  {name_of(indicator, lang)}", width, "", "  ")
    if not ja and indicator.name_en:
        head += wrap_lines(indicator.name, width, "  ")
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
    head += wrap_lines(said, width, "  ")
    columns = [
        column_label("fiscal_year", lang),
        column_label("observed_value", lang) if ja else "value",
        say("screen.trend_change", lang),
        "",
    ]
    base = say("screen.trend_base", lang)
    tail = [
        say(
            "screen.trend_pace",
            lang,
            pace=_number(t.pace),
            unit=change_unit,
            points=len(t.points),
        ),
        say(
            "screen.trend_projected",
            lang,
            target_fy=t.target_fy,
            projected=_number(t.projected),
            unit=unit,
            target=_number(t.target),
        ),
        say("screen.trend_course", lang, course=course),
        say("screen.trend_required", lang, required=_number(t.required_pace), unit=change_unit),
    ]
    rows = [
        (
            f"{p.fiscal_year.label_ja} ({p.fiscal_year})",
            _number(p.value),
            _signed(p.change),
            base if p.baseline else "",
        )
        for p in t.points
    ]
    lines = [*head, "", *_table(columns, rows, width, lang), ""]
    for line in tail:
        lines += wrap_lines(line, width, "", "  ")
    for reason in t.reasons:
        lines += wrap_lines(f"({reason_label(reason, lang)})", width, "  ", "   ")
    return lines


# -- a reporting round ------------------------------------------------------------------------


def _round_columns(
    progress: RoundProgress | None, level: Level, lang: Lang
) -> tuple[list[str], Callable[[str], list[object]]]:
    """The headers and, by group key, the cells a round adds to a roll-up: the schedule's
    progress of each group (and each bureau's return); none without a round."""
    if progress is None:
        return [], lambda _key: []
    schedule = {
        Level.PILLAR: progress.schedule.by_pillar,
        Level.PROMOTION_ITEM: progress.schedule.by_promotion_item,
        Level.BUREAU: progress.schedule.by_bureau,
    }[level]
    counts = {g.key: schedule_rollup_counts(g, lang) for g in schedule}
    header = [column_label("activity_status", lang)]
    returns = {b.bureau.name_ja: b for b in progress.tracker.bureaus}
    if level is Level.BUREAU:
        header.append(column_label("return_status", lang))

    def cells(key: str) -> list[object]:
        out: list[object] = [counts.get(key) or "-"]
        if level is Level.BUREAU:
            b = returns.get(key)
            out.append(return_label(b.status, lang) if b else "-")
        return out

    return header, cells


def round_lines(
    progress: RoundProgress, lang: Lang | str, *, width: int = DEFAULT_WIDTH
) -> list[str]:
    """What a round adds to the progress table: the schedule's progress of the year (each
    initiative reported, with its status and the bureau's words), the accounts given of the
    figures, and who has returned."""
    lang = as_lang(lang)
    round_ = progress.round
    fy = round_.fiscal_year
    said = say(
        "screen.schedule_progress",
        lang,
        fy=fy,
        total=progress.schedule.overall.total,
        counts=schedule_rollup_counts(progress.schedule.overall, lang),
    )
    lines = ["", *wrap_lines(said, width, "", "  ")]
    reported = [r.for_people(lang) for r in schedule_table(progress) if r.result.report]
    if reported:
        shown = ("initiative_id", "title", "status", "done", "next_step")
        lines += _table(
            [column_label(c, lang) for c in shown],
            [[row[c] for c in shown] for row in reported],
            width,
            lang,
            wrappable=(1, 3),
            below=(3, 1),
        )
    words = []
    for ind in progress.assessment.plan.indicators:
        w = figure_words(round_, ind.id, lang)
        if not w.empty:
            words.append([ind.id, w.provisional, w.factors, w.issues, w.next_step, w.evidence])
    if words:
        columns = ("indicator_id", "provisional", "factors", "issues", "next_step", "evidence")
        lines += ["", *wrap_lines(say("screen.figure_accounts", lang, fy=fy), width)]
        lines += _table(
            [column_label(c, lang) for c in columns],
            words,
            width,
            lang,
            wrappable=(2, 3, 5),
            below=(5, 3, 2),
        )
    t = progress.tracker
    lines += ["", *wrap_lines(_tracker_summary(t, lang), width, "", "  ")]
    return lines


def _tracker_summary(tracker: Tracker, lang: Lang) -> str:
    sep = say("html.count_separator", lang)
    counts = sep.join(
        f"{return_label(s, lang)} {tracker.count(s)}" for s in ReturnStatus if tracker.count(s)
    )
    return say("screen.tracker_head", lang, fy=tracker.fiscal_year, counts=counts)


def tracker_lines(tracker: Tracker, lang: Lang | str, *, width: int = DEFAULT_WIDTH) -> list[str]:
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
        *wrap_lines(_tracker_summary(tracker, lang), width, "", "  "),
        "",
        *_table(
            [column_label(c, lang) for c in columns],
            [[row[c] for c in columns] for row in rows],
            width,
            lang,
            wrappable=(0, 5),
            below=(5,),
        ),
    ]
    missing = missing_items(tracker)
    if missing:
        lines += ["", *wrap_lines(say("screen.missing_head", lang), width)]
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
            lines += wrap_lines(text, width, "  ", "    ")
    if tracker.unattributed:
        unattributed = say("screen.unattributed", lang, n=len(tracker.unattributed))
        lines += ["", *wrap_lines(unattributed, width)]
    return lines


def _signed(change: float | None) -> str:
    """A change for people: with its sign (``+4,261``, ``-0.2``), ``-`` for none."""
    if change is None:
        return "-"
    text = figure_label(change)
    return f"+{text}" if change > 0 and text != "0" else text
