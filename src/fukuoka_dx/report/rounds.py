"""A reporting round as rows people and programs read: each initiative's schedule status
with the bureau's words, each figure's account, and each bureau's return, which every view
of a round (the screens, the workbook, the HTML report, the open data) draws.

>>> from fukuoka_dx import load_plan
>>> from fukuoka_dx.observations.reports import ActivityReport
>>> from fukuoka_dx.observations.round import Provenance, ReportingRound
>>> from fukuoka_dx.progress import assess_round
>>> plan = load_plan()
>>> round_ = ReportingRound(
...     plan.edition, plan.digest, "R7", "2026-03-31",
...     activity_reports=(ActivityReport("1-1-3", "R7", "partly_delayed", "周知を実施"),),
...     provenance=(Provenance("activity", "1-1-3", "R7", "市民局.xlsx", "工程", 4),),
... )
>>> row = next(r for r in schedule_table(assess_round(plan, round_)) if r.id == "1-1-3")
>>> people = row.for_people("ja")
>>> people["status"], people["done"]
('一部遅れ', '周知を実施')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import attrs

from fukuoka_dx.model import Initiative
from fukuoka_dx.observations.reports import (
    ActivityStatus,
    IndicatorNarrative,
    InitiativeNarrative,
    NextStep,
)
from fukuoka_dx.observations.round import RecordKind, ReportingRound
from fukuoka_dx.observations.tracker import (
    BureauReturn,
    ItemKind,
    ItemReturn,
    ItemStatus,
    ReturnStatus,
    Tracker,
)
from fukuoka_dx.progress.activities import ActivityProgress, ScheduleRollUp
from fukuoka_dx.progress.rounds import RoundProgress
from fukuoka_dx.report.export import Row
from fukuoka_dx.report.labels import bureau_label, name_of
from fukuoka_dx.report.overview import entry_text
from fukuoka_dx.report.results import RESULT_COLUMNS, ROLLUP_COLUMNS, Level
from fukuoka_dx.words import Lang, as_lang, say

__all__ = [
    "ACTIVITY_COLUMNS",
    "ACTIVITY_SYMBOLS",
    "NARRATIVE_COLUMNS",
    "RETURN_SYMBOLS",
    "ROUND_RESULT_COLUMNS",
    "ActivityRow",
    "FigureWords",
    "activity_label",
    "figure_words",
    "item_label",
    "missing_items",
    "next_step_label",
    "return_label",
    "round_result_rows",
    "round_rollup_columns",
    "round_rollup_rows",
    "schedule_rollup_counts",
    "schedule_table",
    "scheduled_text",
    "tracker_people_rows",
]

#: A symbol for each schedule status (and for none reported), beside its words.
ACTIVITY_SYMBOLS: Final[Mapping[ActivityStatus | None, str]] = {
    ActivityStatus.AS_PLANNED: "○",
    ActivityStatus.AHEAD: "◎",
    ActivityStatus.PARTLY_DELAYED: "△",
    ActivityStatus.DELAYED: "▽",
    ActivityStatus.NOT_STARTED: "✕",
    ActivityStatus.REVISED: "◇",
    ActivityStatus.DISCONTINUED: "■",
    None: "－",
}

#: A symbol for each return status of a bureau.
RETURN_SYMBOLS: Final[Mapping[ReturnStatus, str]] = {
    ReturnStatus.RETURNED: "○",
    ReturnStatus.WITH_PROBLEMS: "△",
    ReturnStatus.NOT_RETURNED: "✕",
}


def activity_label(status: ActivityStatus | str | None, lang: Lang | str) -> str:
    """A schedule status for people (``計画どおり``; ``報告なし`` for none)."""
    if status is None:
        return say("activity.not_reported", lang)
    return say(f"activity.{ActivityStatus(status).value}", lang)


def next_step_label(step: NextStep | str | None, lang: Lang | str) -> str:
    """A next step (今後の方向性) for people; empty for none."""
    return "" if step is None else say(f"next_step.{NextStep(step).value}", lang)


def return_label(status: ReturnStatus | str, lang: Lang | str) -> str:
    """A bureau's return status for people (``回答済み``, ``回答に不備あり``, ``未回答``)."""
    return say(f"return.{ReturnStatus(status).value}", lang)


def item_label(status: ItemStatus | str, lang: Lang | str) -> str:
    """An item's status in the tracker for people (``報告済み``, ``未報告``, …)."""
    return say(f"item.{ItemStatus(status).value}", lang)


def scheduled_text(result: ActivityProgress, lang: Lang | str) -> str:
    """What the schedule has in force in the year, one activity a line (continuations and
    completions marked); empty where it has none."""
    return "\n".join(entry_text(e, lang) for e in result.scheduled)


#: The machine columns of an initiative's schedule row in a round.
ACTIVITY_COLUMNS: Final = (
    "initiative_id",
    "fiscal_year",
    "bureau",
    "scheduled",
    "status",
    "done",
    "factors",
    "issues",
    "next_step",
    "reported_by",
)

#: The machine columns of a narrative in a round's tables.
NARRATIVE_COLUMNS: Final = (
    "kind",
    "id",
    "fiscal_year",
    "provisional",
    "evidence",
    "factors",
    "issues",
    "next_step",
)


@attrs.frozen
class ActivityRow:
    """An initiative in a round: its schedule result, the initiative, and the bureau's
    words on it (``None``: none given)."""

    result: ActivityProgress
    initiative: Initiative
    narrative: InitiativeNarrative | None

    @property
    def id(self) -> str:
        return self.initiative.id

    def machine(self) -> Row:
        """The row of :data:`ACTIVITY_COLUMNS` (absent values are ``None``)."""
        r, n = self.result, self.narrative
        report = r.report
        return {
            "initiative_id": self.initiative.id,
            "fiscal_year": r.fiscal_year.year,
            "bureau": self.initiative.bureau.name_ja,
            "scheduled": "\n".join(e.activity for e in r.scheduled) or None,
            "status": r.status.value if r.status else None,
            "done": report.done if report else None,
            "factors": n.factors if n else None,
            "issues": n.issues if n else None,
            "next_step": n.next_step.value if n and n.next_step else None,
            "reported_by": r.borrowed_from,
        }

    def for_people(self, lang: Lang | str) -> dict[str, str]:
        """The row in words: the title and bureau, the schedule of the year, the status and
        the bureau's words (empty where none)."""
        lang = as_lang(lang)
        r, n = self.result, self.narrative
        return {
            "initiative_id": self.initiative.id,
            "title": name_of(self.initiative, lang),
            "bureau": bureau_label(self.initiative.bureau, lang),
            "scheduled": scheduled_text(r, lang),
            "status": activity_label(r.status, lang),
            "symbol": ACTIVITY_SYMBOLS[r.status],
            "done": (r.report.done or "") if r.report else "",
            "factors": (n.factors or "") if n else "",
            "issues": (n.issues or "") if n else "",
            "next_step": next_step_label(n.next_step, lang) if n else "",
            "reported_by": r.borrowed_from or "",
        }


def schedule_table(progress: RoundProgress) -> tuple[ActivityRow, ...]:
    """The typed rows of a round's schedule, one per initiative in the plan's order."""
    plan = progress.assessment.plan
    round_ = progress.round
    return tuple(
        ActivityRow(r, ini, round_.initiative_narrative(ini.id))
        for r, ini in zip(progress.schedule.results, plan.initiatives, strict=True)
    )


@attrs.frozen
class FigureWords:
    """A figure's account in words for people: provisional (速報値) or not, the evidence,
    the analysis, the problems, the next step, and where the figure was given."""

    provisional: str
    evidence: str
    factors: str
    issues: str
    next_step: str
    places: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not any((self.provisional, self.evidence, self.factors, self.issues, self.next_step))


def figure_words(round_: ReportingRound, indicator_id: str, lang: Lang | str) -> FigureWords:
    """The account of an indicator's figure in a round, in words (empty where none)."""
    n: IndicatorNarrative | None = round_.indicator_narrative(indicator_id)
    places = tuple(p.where() for p in round_.places(RecordKind.OBSERVATION, indicator_id))
    if n is None:
        return FigureWords("", "", "", "", "", places)
    return FigureWords(
        say("provisional.true", lang) if n.provisional else "",
        n.evidence or "",
        n.factors or "",
        n.issues or "",
        next_step_label(n.next_step, lang),
        places,
    )


def schedule_rollup_counts(rollup: ScheduleRollUp, lang: Lang | str) -> str:
    """A schedule roll-up in a line: ``計画どおり 3、一部遅れ 1、報告なし 5``."""
    sep = say("html.count_separator", lang)
    parts = [f"{activity_label(s, lang)} {n}" for s, n in rollup.counts if n]
    if rollup.not_reported:
        parts.append(f"{activity_label(None, lang)} {rollup.not_reported}")
    return sep.join(parts)


def tracker_people_rows(tracker: Tracker, lang: Lang | str) -> list[dict[str, str]]:
    """Each bureau's return in words: the bureau, its status (with a symbol), the files, how
    many indicators and initiatives of its own were reported, and how many refusals."""
    lang = as_lang(lang)
    return [_tracker_row(b, lang) for b in tracker.bureaus]


def _tracker_row(b: BureauReturn, lang: Lang) -> dict[str, str]:
    return {
        "bureau": bureau_label(b.bureau, lang),
        "return_status": f"{RETURN_SYMBOLS[b.status]} {return_label(b.status, lang)}",
        "files": "\n".join(b.files),
        "indicators_reported": f"{b.indicators_reported}/{b.indicators}",
        "initiatives_reported": f"{b.initiatives_reported}/{b.initiatives}",
        "refused": str(b.refused) if b.refused else "",
    }


def missing_items(tracker: Tracker) -> dict[str, tuple[ItemReturn, ...]]:
    """The items still missing, by bureau (Japanese name), indicators then initiatives."""
    out: dict[str, list[ItemReturn]] = {}
    for kind in (ItemKind.INDICATOR, ItemKind.INITIATIVE):
        for item in tracker.missing(kind):
            out.setdefault(item.bureau.name_ja, []).append(item)
    return {b: tuple(items) for b, items in out.items()}


#: The columns ``progress ROUND --format csv`` appends to each indicator's results: its
#: initiative's schedule status, and the account of its figure.
ROUND_RESULT_COLUMNS: Final = (
    "activity_status",
    "provisional",
    "evidence",
    "factors",
    "issues",
    "next_step",
)


def round_result_rows(
    progress: RoundProgress, rows: list[Row]
) -> tuple[tuple[str, ...], list[Row]]:
    """The results' rows (:data:`~fukuoka_dx.report.results.RESULT_COLUMNS`) of a round,
    each with :data:`ROUND_RESULT_COLUMNS` after them."""
    round_ = progress.round
    plan = progress.assessment.plan
    initiative_of = {ind.id: ini.id for ini in plan.initiatives for ind in ini.indicators}
    out = []
    for row in rows:
        ident = str(row["indicator_id"])
        status = progress.schedule.result(initiative_of[ident]).status
        n = round_.indicator_narrative(ident)
        out.append(
            {
                **row,
                "activity_status": status.value if status else None,
                "provisional": (str(n.provisional).lower() if n else None),
                "evidence": n.evidence if n else None,
                "factors": n.factors if n else None,
                "issues": n.issues if n else None,
                "next_step": n.next_step.value if n and n.next_step else None,
            }
        )
    return (*RESULT_COLUMNS, *ROUND_RESULT_COLUMNS), out


def round_rollup_columns(level: str) -> tuple[str, ...]:
    """The columns of a round's roll-up of ``level`` (a
    :class:`~fukuoka_dx.report.results.Level` or its value): the indicators' counts
    (:data:`~fukuoka_dx.report.results.ROLLUP_COLUMNS`), the initiatives' per schedule
    status (``activity_<status>``, ``activity_not_reported``), and for bureaus the return
    status."""
    extra = (*(f"activity_{s.value}" for s in ActivityStatus), "activity_not_reported")
    if Level(level) is Level.BUREAU:
        extra = (*extra, "return_status")
    return (*ROLLUP_COLUMNS, *extra)


def round_rollup_rows(
    progress: RoundProgress, level: str, rows: list[Row]
) -> tuple[tuple[str, ...], list[Row]]:
    """The roll-up rows of one level of a round (a
    :class:`~fukuoka_dx.report.results.Level` or its value), with
    :func:`round_rollup_columns`."""
    chosen = Level(level)
    schedule = {
        Level.PILLAR: progress.schedule.by_pillar,
        Level.PROMOTION_ITEM: progress.schedule.by_promotion_item,
        Level.BUREAU: progress.schedule.by_bureau,
    }[chosen]
    of_key = {g.key: g for g in schedule}
    returns = {b.bureau.name_ja: b.status.value for b in progress.tracker.bureaus}
    out = []
    for row in rows:
        g = of_key.get(str(row["key"]))
        extra: Row = {f"activity_{s.value}": g.count(s) if g else None for s in ActivityStatus}
        extra["activity_not_reported"] = g.not_reported if g else None
        if chosen is Level.BUREAU:
            extra["return_status"] = returns.get(str(row["key"]))
        out.append({**row, **extra})
    return round_rollup_columns(level), out
