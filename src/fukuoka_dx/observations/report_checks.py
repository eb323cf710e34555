"""Activity reports and narratives against the plan: the checks every way in goes through,
as :mod:`~fukuoka_dx.observations.checks` is for observations.

An activity report or an initiative's narrative names an initiative of the plan and a fiscal
year of the plan period; an indicator's narrative names an indicator and a year in which it
may be observed. Two different reports (or narratives) of one item and year cannot both be
right: each is refused, naming the other. The same one twice is one.

>>> from fukuoka_dx import load_plan
>>> from fukuoka_dx.observations.reports import ActivityReport
>>> check_reports(load_plan(), [ActivityReport("1-1-99", "R7", "as_planned")])
Traceback (most recent call last):
...
fukuoka_dx.errors.ObservationsError: 1 problem(s) in the observations:
  - report 1 (1-1-99, 令和7年度), column initiative_id ('1-1-99'): no initiative '1-1-99' in
    the plan; did you mean 1-1-9, 1-1-8, 1-1-7?
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from fukuoka_dx.errors import InputProblem, NotFoundError, ObservationsError
from fukuoka_dx.fiscal_calendar import FiscalYear
from fukuoka_dx.model import Plan
from fukuoka_dx.observations.checks import observation_years
from fukuoka_dx.observations.reports import (
    ActivityReport,
    IndicatorNarrative,
    InitiativeNarrative,
)

__all__ = ["Report", "check_reports", "report_conflicts", "report_problems", "report_text"]

#: What the bureaus report besides figures.
Report = ActivityReport | IndicatorNarrative | InitiativeNarrative


def report_text(report: Report) -> str:
    """A report in a few words, as a problem quotes it: the status and the start of the
    words."""
    if isinstance(report, ActivityReport):
        said = [report.status.value, report.done]
    else:
        said = [
            report.next_step.value if report.next_step else None,
            report.factors,
            report.issues,
        ]
        if isinstance(report, IndicatorNarrative):
            said += ["provisional" if report.provisional else None, report.evidence]
    text = " / ".join(s for s in said if s)
    text = " ".join(text.split())
    return text if len(text) <= 40 else f"{text[:39]}…"


def _years_problem(
    location: str, fy: FiscalYear, first: FiscalYear, last: FiscalYear, what: str
) -> InputProblem:
    return InputProblem(
        location,
        "fiscal_year",
        fy.short,
        f"{fy.label_ja} ({fy}) is outside the plan: {what} run from {first.label_ja} to "
        f"{last.label_ja}",
    )


def report_problems(
    plan: Plan,
    report: Report,
    location: str,
    years: tuple[FiscalYear, FiscalYear] | None = None,
) -> list[InputProblem]:
    """Every way ``report`` does not fit ``plan``: an initiative or indicator it does not
    have, a fiscal year outside the plan period (for an indicator, outside the years it may
    be observed: :func:`~fukuoka_dx.observations.checks.observation_years`, which ``years``
    gives where the caller has them). Each problem names ``location`` and the column."""
    problems = []
    if isinstance(report, IndicatorNarrative):
        try:
            plan.indicator(report.indicator_id)
        except NotFoundError as exc:
            problems.append(InputProblem(location, "indicator_id", report.indicator_id, str(exc)))
        first, last = years or observation_years(plan)
        if not first <= report.fiscal_year <= last:
            problems.append(
                _years_problem(location, report.fiscal_year, first, last, "figures' accounts")
            )
        return problems
    try:
        plan.initiative(report.initiative_id)
    except NotFoundError as exc:
        problems.append(InputProblem(location, "initiative_id", report.initiative_id, str(exc)))
    if not plan.first_year <= report.fiscal_year <= plan.last_year:
        what = "activity reports" if isinstance(report, ActivityReport) else "accounts"
        problems.append(
            _years_problem(location, report.fiscal_year, plan.first_year, plan.last_year, what)
        )
    return problems


def _what(report: Report) -> str:
    if isinstance(report, ActivityReport):
        return f"a different activity report for {report.initiative_id}"
    return f"a different account of {_subject(report)}"


def _column(report: Report) -> str:
    return "status" if isinstance(report, ActivityReport) else "factors"


def report_conflicts(reports: Sequence[Report], locations: Sequence[str]) -> list[InputProblem]:
    """Two different reports of one kind for one item and fiscal year: which is right
    cannot be told, so each later one is a problem naming the first, and the first one
    naming it. The same report twice is not a problem."""
    seen: dict[object, tuple[str, Report]] = {}
    flagged: set[str] = set()
    problems = []
    for location, report in zip(locations, reports, strict=True):
        key = (type(report), report.key)
        if key not in seen:
            seen[key] = (location, report)
            continue
        where, first = seen[key]
        if first == report:
            continue
        when = f" in {report.fiscal_year.label_ja}"
        problems.append(
            InputProblem(
                location,
                _column(report),
                report_text(report),
                f"{where} gives {_what(report)}{when} ({report_text(first)})",
            )
        )
        if where not in flagged:
            flagged.add(where)
            problems.append(
                InputProblem(
                    where,
                    _column(first),
                    report_text(first),
                    f"{location} gives {_what(first)}{when} ({report_text(report)})",
                )
            )
    return problems


def _any_conflict(reports: Sequence[Report]) -> bool:
    """Whether :func:`report_conflicts` would find any: a report of one kind, item and year
    different from the first one given."""
    seen: dict[object, Report] = {}
    for report in reports:
        first = seen.setdefault((type(report), report.key), report)
        if first is not report and first != report:
            return True
    return False


def _subject(report: Report) -> str:
    return report.initiative_id if isinstance(report, ActivityReport) else report.subject_id


def _location(n: int, report: Report) -> str:
    return f"report {n} ({_subject(report)}, {report.fiscal_year.label_ja})"


def check_reports(plan: Plan, reports: Iterable[Report]) -> tuple[Report, ...]:
    """Activity reports and narratives checked against ``plan`` as a file's would be; with
    problems, raises :class:`~fukuoka_dx.errors.ObservationsError` listing every one
    (numbered from 1)."""
    given = tuple(reports)
    for r in given:
        if not isinstance(r, ActivityReport | IndicatorNarrative | InitiativeNarrative):
            raise TypeError(
                f"expected ActivityReport or narrative values, got {type(r).__name__}: {r!r}"
            )
    years = observation_years(plan)
    # each report checked once; the places are written out only for problems to list
    if not any(report_problems(plan, r, "", years) for r in given) and not _any_conflict(given):
        return given
    locations = [_location(n, r) for n, r in enumerate(given, 1)]
    problems = [
        p
        for loc, r in zip(locations, given, strict=True)
        for p in report_problems(plan, r, loc, years)
    ]
    problems += report_conflicts(given, locations)
    if problems:
        raise ObservationsError(problems)
    return given
