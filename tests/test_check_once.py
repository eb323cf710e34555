"""Properties of checking each observation once: the plan's checker says an observation fits
exactly where the full checks find no problem, a set of observations is refused with the same
problems as the full checks list, and the latest observation is the one the plain rule
(latest year, then date, then value text) chooses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from fukuoka_dx import FiscalYear, ObservationsError, load_plan
from fukuoka_dx.observations import Observation
from fukuoka_dx.observations.checks import (
    ObservationChecker,
    check_observations,
    conflicts,
    observation_problems,
    observation_years,
)
from fukuoka_dx.observations.values import (
    CompositeValue,
    Figure,
    ObservedValue,
    RelativeChange,
    Stage,
    check_value,
    check_value_by_rule,
    value_rule,
    value_text,
)
from fukuoka_dx.progress.assessment import _latest_observation
from fukuoka_dx.targets import CompositePart

PLAN = load_plan()
IDS = [ind.id for ind in PLAN.indicators]
#: Every kind of value rule, and ids the plan does not have.
SOME_IDS = [*IDS[::7], "1-1-3.1", "3-2-13.1", "9-9-9.1", "1-1-3.9"]
SOME_IDS += [ind.id for ind in PLAN.indicators if value_rule(ind).kind.value in ("stage", "parts")]
STAGES = [*sorted({s for ind in PLAN.indicators for s in ind.stages}), "なし"]
LABELS = [*sorted({p for ind in PLAN.indicators for p in value_rule(ind).parts}), "他"]

values: st.SearchStrategy[ObservedValue] = st.one_of(
    st.builds(Figure, st.sampled_from([-5.0, 0.0, 12.5, 100.0, 150.0, 19200.0])),
    st.builds(RelativeChange, st.sampled_from([-130.0, -30.0, 0.0, 15.0])),
    st.builds(Stage, st.sampled_from(STAGES)),
    st.builds(
        CompositeValue,
        st.lists(
            st.builds(CompositePart, st.sampled_from(LABELS), st.sampled_from([-1.0, 3.0, 120.0])),
            min_size=1,
            max_size=3,
        ).map(tuple),
    ),
)


@st.composite
def observations(draw: st.DrawFn) -> Observation:
    fy = FiscalYear(draw(st.integers(2019, 2028)))
    as_of = draw(
        st.none()
        | st.dates(dt.date(2019, 1, 1), dt.date(2030, 12, 31))
        | st.sampled_from([fy.start, fy.end, (fy + 1).end, (fy + 1).end + dt.timedelta(days=1)])
    )
    return Observation(
        draw(st.sampled_from(SOME_IDS)),
        fy,
        draw(values),
        as_of=as_of,
        edition=draw(st.sampled_from([None, None, PLAN.edition, "1999-01"])),
        digest=draw(st.sampled_from([None, None, PLAN.digest, "abc"])),
    )


@settings(max_examples=400)
@given(observations())
def test_the_checker_fits_where_the_full_checks_find_nothing(o: Observation) -> None:
    checker = ObservationChecker(PLAN)
    assert checker.fits(o) == (not observation_problems(PLAN, o, "here"))


@settings(max_examples=300)
@given(observations(), st.sampled_from(IDS))
def test_the_rule_checks_a_value_as_the_indicator_does(o: Observation, ident: str) -> None:
    ind = PLAN.indicator(ident)

    def said(check: Callable[[], None]) -> str | None:
        try:
            check()
        except Exception as exc:
            return f"{type(exc).__name__}: {exc}"
        return None

    assert said(lambda: check_value(o.value, ind)) == said(
        lambda: check_value_by_rule(o.value, ind, value_rule(ind))
    )


def _reference(given: list[Observation]) -> tuple[Observation, ...] | list[str]:
    """The checks written out plainly: every observation's problems, then the conflicts."""
    locations = [
        f"observation {n} ({o.indicator_id}, {o.fiscal_year.label_ja})"
        for n, o in enumerate(given, 1)
    ]
    years = observation_years(PLAN)
    problems = [
        p
        for loc, o in zip(locations, given, strict=True)
        for p in observation_problems(PLAN, o, loc, years)
    ]
    problems += conflicts(given, locations)
    return [str(p) for p in problems] if problems else tuple(given)


@settings(max_examples=200)
@given(st.lists(observations(), max_size=6))
def test_checking_once_refuses_what_the_full_checks_refuse(given: list[Observation]) -> None:
    try:
        got: tuple[Observation, ...] | list[str] = check_observations(PLAN, given)
    except ObservationsError as exc:
        got = [str(p) for p in exc.problems]
    assert got == _reference(given)


@given(
    st.lists(
        st.builds(
            Observation,
            st.just("1-1-3.1"),
            st.sampled_from([2023, 2024]),
            st.sampled_from([1.0, 2.0, 10.0]),
            as_of=st.none() | st.sampled_from([dt.date(2024, 5, 1), dt.date(2024, 6, 1)]),
            source=st.none() | st.sampled_from(["a", "b"]),
        ),
        max_size=6,
    )
)
def test_the_latest_observation_is_the_plain_rules(given: list[Observation]) -> None:
    want = max(given, key=lambda o: (o.fiscal_year, o.date, value_text(o.value))) if given else None
    assert _latest_observation(given) is want
