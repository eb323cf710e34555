"""Observations against the plan: the one set of checks every way in goes through.

The readers (CSV, JSON, spreadsheets) and ``assess`` (Python objects) all call
:func:`observation_problems` for each observation and :func:`conflicts` across them, so a
figure that is refused is refused with the same message whichever way it came in.

>>> from fukuoka_dx import load_plan
>>> from fukuoka_dx.observations import Observation
>>> check_observations(load_plan(), [Observation("1-1-3.1", "R9", 100)])
Traceback (most recent call last):
...
fukuoka_dx.errors.ObservationsError: 1 problem(s) in the observations:
  - observation 1 (1-1-3.1, 令和9年度), column fiscal_year ('R9'): 令和9年度 (FY2027) is
    outside the plan: observations run from 令和3年度 (the earliest baseline year) to 令和8年度
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Final

import pendulum

from fukuoka_dx.errors import (
    InputProblem,
    InputTypeError,
    InvalidValueError,
    NotFoundError,
    ObservationsError,
)
from fukuoka_dx.fiscal_calendar import FiscalYear
from fukuoka_dx.model import Indicator, Plan
from fukuoka_dx.observations.values import (
    Observation,
    ValueRule,
    check_value_by_rule,
    value_rule,
    value_text,
)

__all__ = [
    "AS_OF_GRACE_YEARS",
    "ObservationChecker",
    "as_of_problem",
    "check_observations",
    "conflicts",
    "edition_problems",
    "observation_problems",
    "observation_years",
]


def observation_years(plan: Plan) -> tuple[FiscalYear, FiscalYear]:
    """The fiscal years an observation may have: from the earliest baseline year of the
    plan's indicators to the plan's last year."""
    first = min((ind.baseline_fy for ind in plan.indicators), default=plan.first_year)
    return min(first, plan.first_year), plan.last_year


#: How long after its fiscal year an observation's as-of date may lie: figures are often
#: confirmed in the months after a year ends, but not years later.
AS_OF_GRACE_YEARS: Final = 1


def as_of_problem(observation: Observation) -> str | None:
    """Why the as-of date of ``observation`` contradicts its fiscal year, or ``None``: a date
    before the year begins, or after the end of the fiscal year that follows it."""
    o = observation
    if o.as_of is None:
        return None
    fy = o.fiscal_year
    if o.as_of < fy.start:
        return f"the as-of date is before {fy} ({fy.label_ja}) begins"
    latest = fy + AS_OF_GRACE_YEARS
    if o.as_of > latest.end:
        return (
            f"the as-of date is more than a year after {fy} ({fy.label_ja}) ends: a figure "
            f"for {fy.label_ja} stands on a day up to {latest.end} (the end of "
            f"{latest.label_ja}); check the fiscal year or the date"
        )
    return None


def observation_problems(
    plan: Plan,
    observation: Observation,
    location: str,
    years: tuple[FiscalYear, FiscalYear] | None = None,
    written: Mapping[str, str] | None = None,
) -> list[InputProblem]:
    """Every way ``observation`` does not fit ``plan``: recorded against another edition (or
    other data of this one), an unknown indicator, a fiscal year outside the plan, an as-of
    date before its fiscal year or more than a year after it, a value the indicator does not
    take. Each problem names ``location`` and the column, and quotes the cell as ``written``
    (by column, as a file holds it) where given, else the observation's own text. ``years``
    are :func:`observation_years` of the plan, where the caller has them already."""
    o = observation
    shown = written or {}
    problems = edition_problems(plan, o.edition, o.digest, location)
    if problems:
        return problems  # its id is an id of another edition: nothing else can be said
    try:
        indicator = plan.indicator(o.indicator_id)
    except NotFoundError as exc:
        text = shown.get("indicator_id", o.indicator_id)
        problems.append(InputProblem(location, "indicator_id", text, str(exc)))
        indicator = None
    first, last = years or observation_years(plan)
    if not first <= o.fiscal_year <= last:
        problems.append(
            InputProblem(
                location,
                "fiscal_year",
                shown.get("fiscal_year", o.fiscal_year.short),
                f"{o.fiscal_year.label_ja} ({o.fiscal_year}) is outside the plan: observations "
                f"run from {first.label_ja} (the earliest baseline year) to {last.label_ja}",
            )
        )
    if o.as_of is not None and (why := as_of_problem(o)) is not None:
        text = shown.get("as_of", o.as_of.isoformat())
        problems.append(InputProblem(location, "as_of", text, why))
    if indicator is not None:
        try:
            check_value_by_rule(o.value, indicator, value_rule(indicator))
        except InvalidValueError as exc:
            text = shown.get("value", value_text(o.value))
            problems.append(InputProblem(location, "value", text, str(exc)))
    return problems


def edition_problems(
    plan: Plan, edition: str | None, digest: str | None, location: str
) -> list[InputProblem]:
    """An observation recorded against another edition than ``plan``'s, or against other data
    of it (another digest): its ids may mean other things here, so it is refused, never read
    as if it were of this edition (a crosswalk carries it over:
    :func:`~fukuoka_dx.observations.carry.carry_over`)."""
    if edition is not None and edition != plan.edition:
        return [
            InputProblem(
                location,
                "edition",
                edition,
                f"recorded against edition {edition}, not {plan.edition}: assess it with that "
                f"edition, or carry it over with a crosswalk from {edition} to {plan.edition}",
            )
        ]
    if digest is not None and digest != plan.digest:
        return [
            InputProblem(
                location,
                "digest",
                digest,
                f"recorded against other data of edition {plan.edition} (digest "
                f"{digest[:12]}…, this plan's {plan.digest[:12]}…): see the Data section of "
                "the changelog, then record the new digest (or none)",
            )
        ]
    return []


def conflicts(
    observations: Sequence[Observation],
    locations: Sequence[str],
    written: Sequence[str] | None = None,
) -> list[InputProblem]:
    """Two different values for one indicator, fiscal year and date (the as-of date, or the
    end of the fiscal year): which is right cannot be told, so each later one is a problem
    naming the other, and the first is one too (neither can be taken). Repeats of one value
    are not problems. Each value is quoted as ``written`` (one text per observation, as its
    file holds it) where given, else as :func:`~fukuoka_dx.observations.values.value_text`
    writes it."""
    texts = written if written is not None else [value_text(o.value) for o in observations]
    seen: dict[tuple[str, FiscalYear, object], tuple[str, Observation, str]] = {}
    flagged: set[str] = set()
    problems = []
    for location, o, text in zip(locations, observations, texts, strict=True):
        key = (o.indicator_id, o.fiscal_year, o.date)  # no as-of date: the year's end
        if key not in seen:
            seen[key] = (location, o, text)
            continue
        where, first, first_text = seen[key]
        if first.value != o.value:
            when = f" as of {o.as_of}" if o.as_of else ""
            what = f"{o.indicator_id} in {o.fiscal_year.label_ja}{when}"
            problems.append(
                InputProblem(
                    location,
                    "value",
                    text,
                    f"{where} gives a different value ({first_text}) for {what}",
                )
            )
            if where not in flagged:  # neither can be taken: the first is left out too
                flagged.add(where)
                problems.append(
                    InputProblem(
                        where,
                        "value",
                        first_text,
                        f"{location} gives a different value ({text}) for {what}",
                    )
                )
    return problems


def _location(n: int, o: Observation) -> str:
    return f"observation {n} ({o.indicator_id}, {o.fiscal_year.label_ja})"


class ObservationChecker:
    """The checks of :func:`observation_problems` and :func:`conflicts` for many observations
    of one plan, with what they look up worked out once: the indicators by id, their value
    rules, the years observations may have and the days each year's as-of dates may take.

    :meth:`fits` says whether an observation has no problem at all (the same answer as
    ``not observation_problems(...)``); where it has one, the problems are said by
    :func:`observation_problems` itself, so that they read the same whichever way in."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.years = observation_years(plan)
        self._rules: dict[str, ValueRule] = {}
        self._days: dict[FiscalYear, tuple[pendulum.Date, pendulum.Date]] = {}

    def rule(self, indicator: Indicator) -> ValueRule:
        """The value rule of one of the plan's indicators, worked out once."""
        rule = self._rules.get(indicator.id)
        if rule is None:
            rule = self._rules[indicator.id] = value_rule(indicator)
        return rule

    def fits(self, observation: Observation) -> bool:
        """Whether ``observation`` fits the plan: :func:`observation_problems` finds nothing."""
        o, plan = observation, self.plan
        if (o.edition is not None and o.edition != plan.edition) or (
            o.digest is not None and o.digest != plan.digest
        ):
            return False
        try:
            indicator = plan.indicator(o.indicator_id)
        except NotFoundError:
            return False
        fy = o.fiscal_year
        first, last = self.years
        if not first <= fy <= last:
            return False
        if o.as_of is not None:
            days = self._days.get(fy)
            if days is None:
                days = self._days[fy] = (fy.start, (fy + AS_OF_GRACE_YEARS).end)
            start, end = days
            if not start <= o.as_of <= end:
                return False
        try:
            check_value_by_rule(o.value, indicator, self.rule(indicator))
        except InvalidValueError:
            return False
        return True


def _any_conflict(observations: Sequence[Observation]) -> bool:
    """Whether :func:`conflicts` would find any: two different values for one key, the
    later one against the first one given."""
    seen: dict[tuple[str, FiscalYear, object], Observation] = {}
    for o in observations:
        key = (o.indicator_id, o.fiscal_year, o.date)
        first = seen.setdefault(key, o)
        if first is not o and first.value != o.value:
            return True
    return False


def check_observations(
    plan: Plan, observations: Iterable[Observation], checker: ObservationChecker | None = None
) -> tuple[Observation, ...]:
    """The observations, checked against ``plan`` as a file would be; with problems, raises
    :class:`~fukuoka_dx.errors.ObservationsError` listing every one (numbered from 1).

    Each observation is checked once (by ``checker``, the plan's, where the caller has it);
    where any has a problem, the problems are listed as :func:`observation_problems` and
    :func:`conflicts` word them."""
    given = tuple(observations)
    for o in given:
        if not isinstance(o, Observation):
            raise InputTypeError(f"expected Observation values, got {type(o).__name__}: {o!r}")
    checker = checker or ObservationChecker(plan)
    fits = checker.fits
    if all(fits(o) for o in given) and not _any_conflict(given):
        return given
    locations = [_location(n, o) for n, o in enumerate(given, 1)]
    years = checker.years
    problems = [
        p
        for loc, o in zip(locations, given, strict=True)
        for p in observation_problems(plan, o, loc, years)
    ]
    problems += conflicts(given, locations)
    if problems:
        raise ObservationsError(problems)
    return given
