"""Progress on the schedule (工程): each initiative's status in a fiscal year, as its bureau
reported it, rolled up by pillar, promotion item and bureau beside the indicators' progress.

The statuses are the bureaus' own (:class:`~fukuoka_dx.observations.reports.ActivityStatus`);
nothing here judges them. An initiative without a report of the year is *not reported*; a
re-post (再掲) without its own takes the report of the block it re-posts.

>>> from fukuoka_dx import load_plan
>>> from fukuoka_dx.observations.reports import ActivityReport
>>> plan = load_plan()
>>> schedule = assess_schedule(plan, [ActivityReport("1-1-3", "R7", "as_planned")], "R7")
>>> schedule.result("1-1-3").status.value, schedule.result("1-1-1").status
('as_planned', None)
>>> schedule.overall.count("as_planned"), schedule.overall.not_reported
(1, 159)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from fukuoka_dx.errors import NotFoundError
from fukuoka_dx.fiscal_calendar import FiscalYear, as_fiscal_year
from fukuoka_dx.model import Initiative, Plan
from fukuoka_dx.observations.report_checks import check_reports
from fukuoka_dx.observations.reports import ActivityReport, ActivityStatus
from fukuoka_dx.schedule import ScheduleEntry

__all__ = ["ActivityProgress", "ScheduleProgress", "ScheduleRollUp", "assess_schedule"]


@attrs.frozen
class ActivityProgress:
    """An initiative in a fiscal year: what its schedule has in force (``scheduled``), and
    its status as reported (``None``: not reported); ``borrowed_from`` names the block a
    re-post took its report from."""

    initiative_id: str
    fiscal_year: FiscalYear
    scheduled: tuple[ScheduleEntry, ...]
    report: ActivityReport | None
    borrowed_from: str | None = None

    @property
    def status(self) -> ActivityStatus | None:
        return self.report.status if self.report is not None else None


@attrs.frozen
class ScheduleRollUp:
    """Counts per status of the initiatives of a group, and how many were not reported."""

    key: str
    label: str
    counts: tuple[tuple[ActivityStatus, int], ...]
    not_reported: int

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts) + self.not_reported

    @property
    def reported(self) -> int:
        return self.total - self.not_reported

    def count(self, status: ActivityStatus | str) -> int:
        return dict(self.counts).get(ActivityStatus(status), 0)

    def row(self) -> dict[str, Any]:
        """The machine row: key, label, total, a count per status, not_reported."""
        row: dict[str, Any] = {"key": self.key, "label": self.label, "total": self.total}
        row.update({s.value: self.count(s) for s in ActivityStatus})
        row["not_reported"] = self.not_reported
        return row


@attrs.frozen
class ScheduleProgress:
    """The schedule's progress of a fiscal year: a result per initiative (in the plan's
    order) and the roll-ups by promotion item, pillar and bureau."""

    fiscal_year: FiscalYear
    results: tuple[ActivityProgress, ...]
    by_promotion_item: tuple[ScheduleRollUp, ...]
    by_pillar: tuple[ScheduleRollUp, ...]
    by_bureau: tuple[ScheduleRollUp, ...]
    overall: ScheduleRollUp

    def result(self, initiative_id: str) -> ActivityProgress:
        """The result of one initiative; an unknown id names close matches."""
        for r in self.results:
            if r.initiative_id == initiative_id:
                return r
        raise NotFoundError.for_key(
            "initiative", initiative_id, [r.initiative_id for r in self.results]
        )


def _rollup(key: str, label: str, results: Iterable[ActivityProgress]) -> ScheduleRollUp:
    rs = list(results)
    counter = Counter(r.status for r in rs if r.status is not None)
    counts = tuple((s, counter.get(s, 0)) for s in ActivityStatus)
    return ScheduleRollUp(key, label, counts, sum(1 for r in rs if r.status is None))


def _group(
    results: Sequence[ActivityProgress], key: Mapping[str, tuple[str, str]]
) -> tuple[ScheduleRollUp, ...]:
    groups: dict[tuple[str, str], list[ActivityProgress]] = {}
    for r in results:
        groups.setdefault(key[r.initiative_id], []).append(r)
    return tuple(_rollup(k, label, rs) for (k, label), rs in groups.items())


def _result(
    ini: Initiative, fy: FiscalYear, reports: Mapping[str, ActivityReport]
) -> ActivityProgress:
    scheduled = ini.schedule.entries(fy)
    own = reports.get(ini.id)
    if own is None and ini.reposts and ini.reposts in reports:
        return ActivityProgress(ini.id, fy, scheduled, reports[ini.reposts], ini.reposts)
    return ActivityProgress(ini.id, fy, scheduled, own)


def assess_schedule(
    plan: Plan, reports: Iterable[ActivityReport], fiscal_year: FiscalYear | int | str
) -> ScheduleProgress:
    """The schedule's progress in ``fiscal_year``: each initiative of ``plan`` with what its
    schedule has in force and the status its bureau reported, and the roll-ups.

    The reports are checked against the plan first, as a file's would be (an unknown
    initiative, a year outside the plan, two different reports of one initiative and year:
    :class:`~fukuoka_dx.errors.ObservationsError`); those of other years are not counted.
    """
    fy = as_fiscal_year(fiscal_year)
    checked = check_reports(plan, reports)
    of_year = {
        r.initiative_id: r for r in checked if isinstance(r, ActivityReport) and r.fiscal_year == fy
    }
    results = tuple(_result(ini, fy, of_year) for ini in plan.initiatives)
    items = {p.id: p.title for p in plan.promotion_items}
    pillars = {p.id: p.title for p in plan.pillars}
    item_key = {i.id: (i.promotion_item_id, items[i.promotion_item_id]) for i in plan.initiatives}
    pillar_key = {i.id: (i.pillar_id, pillars[i.pillar_id]) for i in plan.initiatives}
    bureau_key = {i.id: (i.bureau.name_ja, i.bureau.name_en) for i in plan.initiatives}
    return ScheduleProgress(
        fy,
        results,
        _group(results, item_key),
        _group(results, pillar_key),
        _group(results, bureau_key),
        _rollup("all", plan.title, results),
    )
