"""Benchmark: assessing a full reporting round in a warm process (``make bench`` calls
:func:`round_assess_time`; ``python benchmarks/round_assess.py`` runs it alone, with a
profile under ``--profile``).

A round holds one fiscal year (its records are all of the round's year), so a full round is
measured as the two assessments ``fukuoka-dx progress`` makes of a year's returns and of
their history: the round of 令和8年度 (the plan's last year) as collected from every
bureau's packet (a figure for every indicator, a status and words for every initiative, an
account of every figure), assessed by ``assess_round``; and the figures of all six years an
observation may have (令和3年度, the earliest baseline year, to 令和8年度), 160 indicators
each, assessed by ``assess``. The time is the best of a few runs of both together.
"""

from __future__ import annotations

import datetime as dt
import sys
import timeit
from collections.abc import Callable, Sequence

import fukuoka_dx
from fukuoka_dx import FiscalYear, Plan
from fukuoka_dx.observations import Observation
from fukuoka_dx.observations.checks import observation_years
from fukuoka_dx.observations.reports import (
    ActivityReport,
    ActivityStatus,
    IndicatorNarrative,
    InitiativeNarrative,
    Narrative,
    NextStep,
)
from fukuoka_dx.observations.round import Provenance, ReportingRound, ReturnedFile
from fukuoka_dx.observations.values import (
    CompositeValue,
    Figure,
    ObservedValue,
    Stage,
    ValueRuleKind,
    value_rule,
)
from fukuoka_dx.targets import CompositePart

#: The statuses the activity reports take, in turn.
_STATUSES = tuple(ActivityStatus)


def _value(ind: fukuoka_dx.Indicator, k: int) -> ObservedValue:
    """A valid value of ``ind`` (its value rule), varying with ``k``."""
    rule = value_rule(ind)
    if rule.kind is ValueRuleKind.STAGE:
        return Stage(rule.stages[k % len(rule.stages)])
    if rule.kind is ValueRuleKind.PARTS:
        return CompositeValue(tuple(CompositePart(label, float(k + 1)) for label in rule.parts))
    return Figure(float(10 + 7 * k % 81))  # 10 to 90: in every range (percent, count)


def _figures(plan: Plan, years: Sequence[FiscalYear]) -> list[Observation]:
    """One valid figure of every indicator in each of ``years``, dated within its year."""
    return [
        Observation(ind.id, fy, _value(ind, n), as_of=fy.end - dt.timedelta(days=n % 30))
        for fy in years
        for n, ind in enumerate(plan.indicators)
    ]


def full_round(plan: Plan, fy: FiscalYear) -> ReportingRound:
    """The round of ``fy`` with every record a packet has to fill: a figure and an account of
    every indicator, a status and words of every initiative, each from its bureau's packet."""
    observations = _figures(plan, [fy])
    reports = [
        ActivityReport(ini.id, fy, _STATUSES[n % len(_STATUSES)], done="実施")
        for n, ini in enumerate(plan.initiatives)
    ]
    narratives: list[Narrative] = [
        *(
            IndicatorNarrative(
                ind.id, fy, "要因の分析\n二行目", "課題", NextStep.CONTINUE, n % 3 == 0, "集計表"
            )
            for n, ind in enumerate(plan.indicators)
        ),
        *(InitiativeNarrative(ini.id, fy, "要因", "課題") for ini in plan.initiatives),
    ]
    packet = {ini.id: f"{ini.bureau.name_ja}.xlsx" for ini in plan.initiatives}
    of_indicator = {ind.id: packet[ini.id] for ini in plan.initiatives for ind in ini.indicators}
    provenance = [
        *(
            Provenance("observation", o.indicator_id, fy, of_indicator[o.indicator_id], "指標", n)
            for n, o in enumerate(observations, 2)
        ),
        *(
            Provenance(
                "indicator_narrative", o.indicator_id, fy, of_indicator[o.indicator_id], "指標", n
            )
            for n, o in enumerate(observations, 2)
        ),
        *(
            Provenance("activity", a.initiative_id, fy, packet[a.initiative_id], "工程", n)
            for n, a in enumerate(reports, 2)
        ),
        *(
            Provenance(
                "initiative_narrative", a.initiative_id, fy, packet[a.initiative_id], "工程", n
            )
            for n, a in enumerate(reports, 2)
        ),
    ]
    files = [
        ReturnedFile(f"{b.name_ja}.xlsx", b.name_ja, (b.name_ja,), rows=10) for b in plan.bureaus
    ]
    return ReportingRound(
        plan.edition,
        plan.digest,
        fy,
        fy.end,
        observations=tuple(observations),
        activity_reports=tuple(reports),
        narratives=tuple(narratives),
        provenance=tuple(provenance),
        files=tuple(files),
    )


def round_work(plan: Plan) -> tuple[Callable[[], object], int]:
    """The work measured (see the module) and the number of records it assesses."""
    first, last = observation_years(plan)
    years = [FiscalYear(y) for y in range(first.year, last.year + 1)]
    round_ = full_round(plan, last)
    history = _figures(plan, years)
    day = last.end

    def work() -> object:
        return (
            fukuoka_dx.assess_round(plan, round_),
            fukuoka_dx.assess(plan, history, as_of=day),
        )

    records = len(history) + len(round_.activity_reports) + len(round_.narratives)
    return work, records


def round_assess_time() -> tuple[float, int]:
    """The best time, in seconds, of assessing a full round in a warm process (see the
    module), and the number of records assessed."""
    plan = fukuoka_dx.load_plan()
    work, records = round_work(plan)
    work()  # warm: the modules imported on first use, the plan's look-ups
    return min(timeit.repeat(work, repeat=7, number=1)), records


def main() -> None:
    if sys.argv[1:] == ["--profile"]:
        import cProfile
        import pstats

        work, _ = round_work(fukuoka_dx.load_plan())
        work()
        profile = cProfile.Profile()
        profile.runcall(work)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
        return
    seconds, records = round_assess_time()
    print(f"assessing a full round ({records} records): {seconds * 1e3:8.2f} ms")


if __name__ == "__main__":
    main()
