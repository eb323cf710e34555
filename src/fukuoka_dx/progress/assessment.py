"""A whole plan assessed as of a date: every indicator's result, roll-ups, what was left out."""

from __future__ import annotations

import datetime as _dt
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final

import attrs
import pendulum

from fukuoka_dx import _presentation
from fukuoka_dx._optional import require_pandas
from fukuoka_dx.crosswalk import Crosswalk
from fukuoka_dx.errors import InvalidValueError, NotFoundError, UnknownEditionError
from fukuoka_dx.fiscal_calendar import FiscalYear, as_date, today
from fukuoka_dx.loading import load_plan
from fukuoka_dx.model import Indicator, IndicatorStatus, Initiative, Plan, TargetColumn
from fukuoka_dx.observations.carry import carry_over
from fukuoka_dx.observations.checks import ObservationChecker, check_observations
from fukuoka_dx.observations.values import Observation, value_text
from fukuoka_dx.progress.reasons import Reason
from fukuoka_dx.progress.reasons import ReasonCode as C
from fukuoka_dx.progress.rules import (
    IndicatorProgress,
    Status,
    Thresholds,
    default_column,
    desired_sense,
    evaluate,
    evaluate_checked,
    numeric_baseline,
)
from fukuoka_dx.progress.schemes import STANDARD, Scheme
from fukuoka_dx.progress.schemes import scheme as as_scheme
from fukuoka_dx.progress.trajectory import Trajectory, trajectory
from fukuoka_dx.targets import Direction, NumberTarget

#: The thresholds ``assess`` uses unless given others (0.95 and 0.6).
DEFAULT_THRESHOLDS: Final = Thresholds()

__all__ = ["JUDGED", "Assessment", "Exclusion", "RollUp", "assess"]


#: The statuses of an indicator that was judged (the others: not assessable, no data).
JUDGED: Final = (
    Status.ACHIEVED,
    Status.ON_TRACK,
    Status.NEEDS_ACCELERATION,
    Status.LIMITED_PROGRESS,
    Status.DETERIORATION,
)


@attrs.frozen
class RollUp:
    """Counts per status of a group's indicators, and their mean achievement.

    ``assessable`` counts the indicators judged (a status from ``achieved`` to
    ``deterioration``, with or without a rate). ``mean_achievement`` is the mean of the
    rates (each capped at 1) of ``averaged`` of them: those with a rate, and those achieved
    without one (a target met by a rule, such as 増加 or a range), counted as 1. Judged
    without a rate and not achieved (a rule not met) they are in ``assessable`` but not in
    the mean. ``note`` says why a group has no mean (no indicator, or none to average).
    """

    key: str
    label: str
    counts: tuple[tuple[Status, int], ...]
    mean_achievement: float | None
    assessable: int
    grades: tuple[tuple[str, int], ...] = ()
    """Counts per grade of the assessment's scheme, in the scheme's order (best first)."""
    averaged: int = 0
    """How many indicators the mean is over (see the class)."""
    note: Reason | None = None
    """Why there is no mean: the group has no indicator, or none with a rate."""

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)

    @property
    def unrated(self) -> int:
        """Indicators judged without a rate and not achieved: in ``assessable``, not in the
        mean."""
        return self.assessable - self.averaged

    def count(self, status: Status) -> int:
        return dict(self.counts).get(status, 0)

    def grade_count(self, grade: str) -> int:
        return dict(self.grades).get(grade, 0)

    def row(self) -> dict[str, Any]:
        row: dict[str, Any] = {"key": self.key, "label": self.label, "total": self.total}
        row.update({s.value: self.count(s) for s in Status})
        row["assessable"] = self.assessable
        row["mean_achievement"] = self.mean_achievement
        row["averaged"] = self.averaged
        row["note"] = str(self.note) if self.note else None
        return row


@attrs.frozen
class Exclusion:
    """An observation an assessment left out, and why: its fiscal year or its as-of date is
    after the assessment's as-of date. Nothing is left out without one."""

    observation: Observation
    reason: Reason


@attrs.frozen
class Assessment:
    """A whole plan assessed as of a date, with roll-ups by promotion item, pillar, bureau."""

    edition: str
    digest: str
    as_of: pendulum.Date
    target: TargetColumn | None
    """The target the caller named, or ``None`` when chosen by the as-of date."""
    results: tuple[IndicatorProgress, ...]
    by_promotion_item: tuple[RollUp, ...]
    by_pillar: tuple[RollUp, ...]
    by_bureau: tuple[RollUp, ...]
    overall: RollUp
    excluded: tuple[Exclusion, ...] = ()
    """Observations left out because they are dated after :attr:`as_of`, each with why."""
    scheme: Scheme = STANDARD
    """The evaluation scheme that graded the results (``standard``: the statuses)."""
    thresholds: Thresholds = DEFAULT_THRESHOLDS
    """The bands on the progress ratio that set the statuses."""
    _plan: Plan | None = attrs.field(
        default=None, eq=False, repr=False, metadata={"json": False}, alias="plan"
    )

    @property
    def plan(self) -> Plan:
        """The plan this assessment was made from; every view of it draws on this plan. An
        assessment read back from JSON finds its packaged edition, checked by digest."""
        if self._plan is not None:
            return self._plan
        from fukuoka_dx.loading import load_plan

        plan = load_plan(self.edition)
        if plan.digest != self.digest:
            raise InvalidValueError(
                f"the assessment is of edition {self.edition} with digest {self.digest[:12]}, "
                f"not the packaged one ({plan.digest[:12]}): pass the plan it was made from"
            )
        return plan

    def result(self, indicator_id: str) -> IndicatorProgress:
        """The result for one indicator, its id read as the plan's look-ups read it
        (full-width forms as half-width); an unknown id names close matches."""
        key = unicodedata.normalize("NFKC", str(indicator_id)).strip()
        for r in self.results:
            if r.indicator_id == key:
                return r
        raise NotFoundError.for_key(
            "indicator", indicator_id, [r.indicator_id for r in self.results]
        )

    def rows(self) -> list[dict[str, Any]]:
        """One plain row per indicator (:data:`~fukuoka_dx.progress.rules.PROGRESS_COLUMNS`)."""
        return [r.row() for r in self.results]

    def to_pandas(self) -> Any:
        """The results as a pandas DataFrame, with the columns of ``fukuoka-dx progress
        --format csv`` (the eight fixed ones, then name, unit, reason, trajectory and grade;
        years as nullable integers, rates at full precision). Needs the ``pandas`` extra."""
        require_pandas()
        return _presentation.frame(self, "results")

    def __repr__(self) -> str:
        counts = ", ".join(f"{s.value}={n}" for s, n in self.overall.counts if n)
        return f"<Assessment {self.edition} as of {self.as_of}: {counts}>"

    def _repr_html_(self) -> str:
        return _presentation.html(self)

    def to_html(self, lang: str | None = None) -> str:
        """The one-file HTML progress report of this assessment, in ``lang`` (``ja`` or
        ``en``; default: by the locale). Needs the ``report`` extra."""
        return _presentation.document(self, lang)


# -- the rules ------------------------------------------------------------------------------


def _latest_observation(observations: Sequence[Observation]) -> Observation | None:
    """The latest observation: latest fiscal year, then latest date (its as-of date, or the
    end of its fiscal year). Equal keys with different values were refused by the checks, so
    which of two equal ones is taken does not matter; the value's text breaks the tie so that
    the order given does not either."""
    if not observations:
        return None
    latest = max(observations, key=_when)
    when = _when(latest)
    tied = [o for o in observations if _when(o) == when]
    if len(tied) == 1:
        return latest
    return max(tied, key=lambda o: value_text(o.value))  # the first of equal keys, as max


def _when(o: Observation) -> tuple[int, pendulum.Date]:
    return (o.fiscal_year.year, o.date)


def _rollup(
    key: str,
    label: str,
    results: Iterable[IndicatorProgress],
    scheme: Scheme,
    empty: Reason | None = None,
) -> RollUp:
    """The roll-up of one group; ``empty`` says why a group without results has none."""
    rs = list(results)
    counter = Counter(r.status for r in rs)
    graded = Counter(r.grade for r in rs)
    rates = [_capped_rate(r) for r in rs]
    averaged = [rate for rate in rates if rate is not None]
    mean = sum(averaged) / len(averaged) if averaged else None
    counts = tuple((s, counter.get(s, 0)) for s in Status)
    grades = tuple((g, graded.get(g, 0)) for g in scheme.labels)
    judged = sum(counter.get(s, 0) for s in JUDGED)
    note = None
    if not rs:
        note = empty or Reason.of(C.GROUP_NO_INDICATORS)
    elif judged == 0:
        note = Reason.of(C.GROUP_NOT_JUDGED)
    elif mean is None:
        note = Reason.of(C.GROUP_NOTHING_TO_AVERAGE, judged=judged)
    return RollUp(key, label, counts, mean, judged, grades, len(averaged), note)


def _capped_rate(r: IndicatorProgress) -> float | None:
    """An indicator's part in a mean: its rate capped at 1; 1 for a target met without a
    rate; ``None`` (not in the mean) when not judged, or judged by a rule not met."""
    if r.status not in JUDGED:
        return None
    if r.achievement is not None:
        return min(1.0, r.achievement)
    return 1.0 if r.status is Status.ACHIEVED else None


def assess(
    plan: Plan,
    observations: Iterable[Observation],
    *,
    as_of: _dt.date | str | None = None,
    target: TargetColumn | str | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    scheme: Scheme | str = STANDARD,
    crosswalk: Crosswalk | None = None,
) -> Assessment:
    """Assess every indicator of ``plan`` as of a date (default: today in Asia/Tokyo).

    The observations are checked against the plan first, as a file would be (an unknown
    indicator, a fiscal year outside the plan, a value the indicator does not take, two
    values for one year: :class:`~fukuoka_dx.errors.ObservationsError`). Those whose fiscal
    year or as-of date is after ``as_of`` are left out and listed in
    :attr:`Assessment.excluded`. Each indicator is judged against ``target`` or, by default,
    the target in force on ``as_of``
    (:func:`~fukuoka_dx.progress.rules.default_column`), from its latest observation.
    An indicator of a re-post (再掲) with no observation of its own uses those of the block
    it re-posts.

    Each result also carries the indicator's :class:`~fukuoka_dx.progress.trajectory.Trajectory`
    (its points up to ``as_of``, pace and projection towards the target judged) and its grade
    in ``scheme`` (``standard``, ``abcd``, ``baseline`` or a
    :class:`~fukuoka_dx.progress.schemes.Scheme` of one's own).

    An observation that records the edition it was made against must be of ``plan``'s
    edition (and digest, if it records one). With a ``crosswalk`` from a packaged edition to
    ``plan``'s, those of the older edition (and those recording none) are first carried over
    to ``plan`` (:func:`~fukuoka_dx.observations.carry.carry_over`): what cannot be carried is
    refused with why. For an older edition of one's own, carry them over first.
    """
    chosen_scheme = as_scheme(scheme)
    if crosswalk is not None:
        observations = _carried(plan, tuple(observations), crosswalk)
    day = today() if as_of is None else as_date(as_of)
    fy = FiscalYear.from_date(day)
    column = TargetColumn(target) if target is not None else None
    by_indicator: dict[str, list[Observation]] = {}
    excluded = []
    for o in check_observations(plan, observations, ObservationChecker(plan)):
        if o.fiscal_year > fy or (o.as_of is not None and o.as_of > day):
            excluded.append(Exclusion(o, _exclusion_reason(o, day)))
        else:
            by_indicator.setdefault(o.indicator_id, []).append(o)
    results = []
    for ini in plan.initiatives:
        for ind in ini.indicators:
            obs = by_indicator.get(ind.id, [])
            borrowed = None
            if not obs and ini.reposts:
                borrowed = f"{ini.reposts}.{ind.number}"
                obs = [attrs.evolve(o, indicator_id=ind.id) for o in by_indicator.get(borrowed, [])]
            chosen = column or default_column(ind, day)
            latest = _latest_observation(obs)
            if latest is None or borrowed:  # a borrowed figure is checked against this one
                result = evaluate(ind, latest, chosen, thresholds)
            else:  # checked once, above
                result = evaluate_checked(ind, latest, chosen, thresholds)
            if borrowed and result.observation is not None:
                result = attrs.evolve(result, borrowed_from=borrowed)
            result = attrs.evolve(
                result,
                trajectory=_trajectory(ind, obs, result),
                grade=chosen_scheme.grade(result, ind),
                history=_history(obs),
            )
            results.append(result)
    assessment = _assessment(plan, day, column, tuple(results), chosen_scheme)
    return attrs.evolve(assessment, excluded=tuple(excluded), thresholds=thresholds)


def _history(observations: Sequence[Observation]) -> tuple[Observation, ...]:
    """One observation per fiscal year, the latest of each (as :func:`_latest_observation`
    chooses), oldest year first."""
    by_year: dict[FiscalYear, list[Observation]] = {}
    for o in observations:
        by_year.setdefault(o.fiscal_year, []).append(o)
    chosen = (_latest_observation(by_year[fy]) for fy in sorted(by_year))
    return tuple(o for o in chosen if o is not None)


def _carried(
    plan: Plan, observations: Sequence[Observation], crosswalk: Crosswalk
) -> tuple[Observation, ...]:
    """The observations with those not recorded against ``plan`` carried over through
    ``crosswalk`` from its old edition, a packaged one, in the order given."""
    if crosswalk.new_edition != plan.edition:
        raise InvalidValueError(
            f"the crosswalk maps {crosswalk.old_edition} to {crosswalk.new_edition}, not to "
            f"the edition assessed, {plan.edition}"
        )
    try:
        old = load_plan(crosswalk.old_edition)
    except UnknownEditionError as exc:
        raise UnknownEditionError(
            f"{exc}: to assess observations of an edition of one's own under {plan.edition}, "
            "carry them over with carry_over(observations, crosswalk, old_plan, plan) first"
        ) from None
    theirs = [o for o in observations if o.edition != plan.edition]
    carried = iter(carry_over(theirs, crosswalk, old, plan).observations)
    return tuple(o if o.edition == plan.edition else next(carried) for o in observations)


def _trajectory(
    ind: Indicator, observations: Sequence[Observation], result: IndicatorProgress
) -> Trajectory:
    """The indicator's trajectory towards the target its result was judged against."""
    target = ind.target(result.target)
    t = target.value if isinstance(target, NumberTarget) else None
    b = numeric_baseline(ind)
    if t is not None:
        increasing: bool | None = desired_sense(ind, t, b) is Direction.INCREASE
    elif ind.direction in (Direction.INCREASE, Direction.DECREASE):
        increasing = ind.direction is Direction.INCREASE
    else:
        increasing = None
    return trajectory(
        ind, observations, target_fy=result.target_fy, target=t, increasing=increasing, baseline=b
    )


def _exclusion_reason(o: Observation, day: pendulum.Date) -> Reason:
    as_of_fy = FiscalYear.from_date(day)
    if o.fiscal_year > as_of_fy:
        return Reason.of(
            C.YEAR_AFTER_AS_OF, fiscal_year=o.fiscal_year, as_of=day.isoformat(), as_of_fy=as_of_fy
        )
    assert o.as_of is not None
    return Reason.of(C.DATE_AFTER_AS_OF, date=o.as_of.isoformat(), as_of=day.isoformat())


def _group(
    results: Sequence[IndicatorProgress],
    key: Mapping[str, str],
    groups: Sequence[tuple[str, str]],
    initiatives: Callable[[str], Sequence[Initiative]],
    scheme: Scheme,
) -> tuple[RollUp, ...]:
    """A roll-up for every group, in the order given; an empty one says why it is empty
    from its ``initiatives``."""
    members: dict[str, list[IndicatorProgress]] = {k: [] for k, _ in groups}
    for r in results:
        members[key[r.indicator_id]].append(r)
    return tuple(
        _rollup(k, label, members[k], scheme, None if members[k] else _why_empty(initiatives(k)))
        for k, label in groups
    )


def _why_empty(initiatives: Sequence[Initiative]) -> Reason:
    """Why a group has no indicator: its initiatives' indicators are to be set, or none."""
    if any(i.indicator_status is IndicatorStatus.PENDING for i in initiatives):
        return Reason.of(C.GROUP_INDICATORS_PENDING)
    return Reason.of(C.GROUP_NO_INDICATORS)


def _assessment(
    plan: Plan,
    day: pendulum.Date,
    column: TargetColumn | None,
    results: tuple[IndicatorProgress, ...],
    scheme: Scheme,
) -> Assessment:
    item_key, pillar_key, bureau_key = {}, {}, {}
    for ini in plan.initiatives:
        for ind in ini.indicators:
            item_key[ind.id] = ini.promotion_item_id
            pillar_key[ind.id] = ini.pillar_id
            bureau_key[ind.id] = ini.bureau.name_ja
    # bureaus in the order their first indicator comes in the plan, then those without one
    order = list(dict.fromkeys(bureau_key.values()))
    order += [b.name_ja for b in plan.bureaus if b.name_ja not in order]
    items = [(p.id, p.title) for p in plan.promotion_items]
    pillars = [(p.id, p.title) for p in plan.pillars]
    bureaus = [(name, name) for name in order]
    return Assessment(
        edition=plan.edition,
        digest=plan.digest,
        as_of=day,
        target=column,
        results=results,
        by_promotion_item=_group(results, item_key, items, plan.children, scheme),
        by_pillar=_group(
            results, pillar_key, pillars, lambda k: plan.initiatives_of(pillar=k), scheme
        ),
        by_bureau=_group(
            results, bureau_key, bureaus, lambda k: plan.initiatives_of(bureau=k), scheme
        ),
        overall=_rollup("all", plan.title, results, scheme),
        scheme=scheme,
        plan=plan,
    )
