"""Hypothesis strategies that build valid values of every model type.

For downstream projects that property-test their own code against the model (needs the
``hypothesis`` extra: ``pip install 'fukuoka-dx[hypothesis]'``)::

    from hypothesis import given
    from fukuoka_dx import strategies as fst

    @given(fst.plans())
    def test_my_report(plan): ...
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import attrs

from fukuoka_dx._optional import missing_extra

try:
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - exercised in a process without hypothesis
    raise missing_extra("hypothesis", "hypothesis", "fukuoka_dx.strategies") from None

from fukuoka_dx.fiscal_calendar import FiscalYear, YearMonth
from fukuoka_dx.model import (
    Ambiguity,
    BlockField,
    Bureau,
    BureauKind,
    Indicator,
    IndicatorStatus,
    Initiative,
    Pillar,
    Plan,
    Position,
    PromotionItem,
    Qualifier,
    Repair,
    Revision,
)
from fukuoka_dx.observations.values import (
    CompositeValue,
    Figure,
    Observation,
    ObservedValue,
    RelativeChange,
    Stage,
)
from fukuoka_dx.schedule import (
    ActivityCell,
    CarryCell,
    EmptyCell,
    Marker,
    MarkerCell,
    MissingCell,
    QuantityCell,
    Schedule,
    ScheduleCell,
    ScheduleRow,
)
from fukuoka_dx.targets import (
    CarryForwardTarget,
    CompositePart,
    CompositeTarget,
    Direction,
    DirectionTarget,
    MaintainTarget,
    MilestoneTarget,
    MissingTarget,
    NoTarget,
    NumberTarget,
    PendingTarget,
    QualitativeTarget,
    RangeTarget,
    RelativeTarget,
    SameAsPreviousTarget,
    Target,
)

__all__ = [
    "bureaus",
    "dates",
    "figures",
    "fiscal_years",
    "indicators",
    "initiatives",
    "observations",
    "observed_values",
    "plan_years",
    "plans",
    "schedule_cells",
    "schedules",
    "targets",
    "texts",
]


def texts() -> st.SearchStrategy[str]:
    """Short non-empty Japanese/ASCII text without surrounding spaces."""
    alphabet = st.sampled_from("デジタル化推進市民オンライン申請手続きABCxyz・")
    return st.text(alphabet, min_size=1, max_size=12)


def fiscal_years(min_year: int = 1869, max_year: int = 9998) -> st.SearchStrategy[FiscalYear]:
    return st.integers(min_year, max_year).map(FiscalYear)


def plan_years(
    min_year: int = 2000, max_year: int = 2100
) -> st.SearchStrategy[tuple[FiscalYear, ...]]:
    """A plan period: one to five consecutive fiscal years."""
    return st.tuples(st.integers(min_year, max_year), st.integers(1, 5)).map(
        lambda fl: FiscalYear.span(FiscalYear(fl[0]), FiscalYear(fl[0] + fl[1] - 1))
    )


def dates(
    min_value: _dt.date = _dt.date(1869, 4, 1), max_value: _dt.date = _dt.date(9999, 3, 31)
) -> st.SearchStrategy[_dt.date]:
    return st.dates(min_value, max_value)


def figures(min_value: float = 0, max_value: float = 1e7) -> st.SearchStrategy[float]:
    """Figures as the plan writes them: integers or one or two decimals."""
    return st.one_of(
        st.integers(int(min_value), int(max_value)).map(float),
        st.integers(int(min_value * 100), int(max_value * 100)).map(lambda n: n / 100),
    )


def _number_targets() -> st.SearchStrategy[NumberTarget]:
    def build(value: float, note: str | None, as_of: bool, estimate: bool) -> NumberTarget:
        text = f"{value:,g}" + (f" ({note})" if note else "")
        return NumberTarget(text, value, note, as_of and bool(note), estimate and bool(note))

    notes = st.one_of(st.none(), st.sampled_from(["R4.12月末時点", "見込み件数", "R4.11月末"]))
    return st.builds(build, figures(), notes, st.booleans(), st.booleans())


def _ranges() -> st.SearchStrategy[RangeTarget]:
    return st.tuples(figures(), figures()).map(
        lambda lh: RangeTarget(f"{min(lh):g}~{max(lh):g}", min(lh), max(lh))
    )


def _composites() -> st.SearchStrategy[CompositeTarget]:
    labels = st.lists(
        st.sampled_from(["対面", "オンライン", "会場", "配信"]), min_size=2, max_size=3, unique=True
    )
    return labels.flatmap(
        lambda ls: st.lists(figures(0, 1000), min_size=len(ls), max_size=len(ls)).map(
            lambda vs: CompositeTarget(
                " ".join(f"{label}{v:g}" for label, v in zip(ls, vs, strict=True)),
                tuple(CompositePart(label, v) for label, v in zip(ls, vs, strict=True)),
            )
        )
    )


def targets() -> st.SearchStrategy[Target]:
    """Any target kind, with text consistent with its value."""
    return st.one_of(
        _number_targets(),
        st.integers(1, 90).map(lambda p: RelativeTarget(f"{p}%減", -float(p))),
        st.sampled_from(
            [
                DirectionTarget("増加", Direction.INCREASE),
                DirectionTarget("減少", Direction.DECREASE),
            ]
        ),
        st.just(MaintainTarget("継続")),
        st.just(SameAsPreviousTarget("同左")),
        st.just(CarryForwardTarget("→")),
        st.sampled_from(["※", "調査後設定※", "R5年度以降設定※"]).map(PendingTarget),
        _ranges(),
        _composites(),
        texts().map(MilestoneTarget),
        texts().map(QualitativeTarget),
        st.just(NoTarget("-")),
        texts().map(MissingTarget),
    )


def schedule_cells() -> st.SearchStrategy[ScheduleCell]:
    return st.one_of(
        texts().map(ActivityCell),
        st.just(CarryCell()),
        st.sampled_from(["", "-"]).map(EmptyCell),
        st.sampled_from(list(Marker)).map(lambda m: MarkerCell(f"({m.value})", m)),
        st.integers(1, 99).map(lambda n: QuantityCell(f"約{n}km", n, "km", True)),
        texts().map(MissingCell),
    )


def _rows(n: int) -> st.SearchStrategy[ScheduleRow]:
    first = schedule_cells().filter(lambda c: not isinstance(c, CarryCell))
    return st.tuples(
        first,
        st.lists(schedule_cells(), min_size=n - 1, max_size=n - 1),
        st.one_of(st.none(), texts()),
    ).map(lambda fr: ScheduleRow((fr[0], *fr[1]), fr[2]))


def schedules(years: tuple[FiscalYear, ...] | None = None) -> st.SearchStrategy[Schedule]:
    """Schedules over ``years`` (default: a drawn plan period)."""
    if years is None:
        return plan_years().flatmap(schedules)
    return st.lists(_rows(len(years)), min_size=0, max_size=3).map(
        lambda rows: Schedule(years, tuple(rows))
    )


def bureaus() -> st.SearchStrategy[Bureau]:
    wards = st.sampled_from([("東区", "Higashi"), ("西区", "Nishi"), ("南区", "Minami")])
    return st.one_of(
        st.sampled_from(
            [
                Bureau("総務企画局", "General Affairs and Planning Bureau", BureauKind.BUREAU),
                Bureau("教育委員会", "Board of Education", BureauKind.BOARD_OF_EDUCATION),
                Bureau("市長室", "Mayor's Office", BureauKind.MAYORS_OFFICE),
            ]
        ),
        wards.map(
            lambda w: Bureau(f"区役所({w[0]})", f"{w[1]} Ward Office", BureauKind.WARD_OFFICE, w[0])
        ),
    )


def _baselines() -> st.SearchStrategy[Target]:
    return targets().filter(lambda t: not isinstance(t, SameAsPreviousTarget))


def indicators(
    indicator_id: str = "1-1-1.1", years: tuple[FiscalYear, ...] | None = None
) -> st.SearchStrategy[Indicator]:
    """Indicators of a plan over ``years`` (default: a drawn plan period): the baseline one
    or two years before it, the mid-term target within it, the final one at its end."""
    if years is None:
        return plan_years().flatmap(lambda ys: indicators(indicator_id, ys))
    return st.builds(
        Indicator,
        id=st.just(indicator_id),
        name=texts(),
        unit=st.one_of(st.none(), st.sampled_from(["%", "件", "人", "km"])),
        qualifiers=st.lists(st.sampled_from(list(Qualifier)), unique=True, max_size=2).map(tuple),
        direction=st.sampled_from(list(Direction)),
        baseline_fy=st.sampled_from([years[0] - 2, years[0] - 1]),
        baseline=_baselines(),
        midterm_fy=st.sampled_from(years),
        midterm=targets(),
        final_fy=st.just(years[-1]),
        final=targets(),
        position=st.one_of(st.none(), st.sampled_from(list(Position))),
    )


def initiatives(
    initiative_id: str = "1-1-1",
    bureau: Bureau | None = None,
    years: tuple[FiscalYear, ...] | None = None,
) -> st.SearchStrategy[Initiative]:
    """Initiatives of a plan over ``years`` (default: a drawn plan period)."""
    if years is None:
        return plan_years().flatmap(lambda ys: initiatives(initiative_id, bureau, ys))

    def build(
        title: str,
        page: int,
        b: Bureau,
        description: list[str],
        notes: list[str],
        schedule: Schedule,
        n: int,
        data: Any,
        reposts: str | None,
    ) -> Initiative:
        inds = tuple(data.draw(indicators(f"{initiative_id}.{k}", years)) for k in range(1, n + 1))
        status = (
            IndicatorStatus.PRESENT
            if inds
            else data.draw(st.sampled_from([IndicatorStatus.PENDING, IndicatorStatus.ABSENT]))
        )
        return Initiative(
            id=initiative_id,
            title=title,
            page=page,
            bureau=b,
            description=tuple(description),
            notes=tuple(notes),
            schedule=schedule,
            indicator_status=status,
            indicators=inds,
            reposts=reposts,
            repairs=tuple(data.draw(st.lists(_repairs(), max_size=1))),
            ambiguities=tuple(data.draw(st.lists(_ambiguities(len(schedule.rows), n), max_size=2))),
        )

    return st.builds(
        build,
        texts(),
        st.integers(1, 80),
        st.just(bureau) if bureau is not None else bureaus(),
        st.lists(texts(), max_size=2),
        st.lists(texts(), max_size=1),
        schedules(years),
        st.integers(0, 2),
        st.data(),
        st.none(),
    )


def _repairs() -> st.SearchStrategy[Repair]:
    return st.builds(Repair, st.just("title"), texts(), texts(), texts(), st.integers(1, 2000))


def _ambiguities(schedule_rows: int, indicator_rows: int) -> st.SearchStrategy[Ambiguity]:
    """Ambiguities of a block with that many schedule rows and indicators."""
    rows = {BlockField.SCHEDULE: schedule_rows, BlockField.INDICATORS: indicator_rows}
    fields = [f for f in BlockField if rows.get(f, 1) > 0]

    def build(field: BlockField, data: Any) -> Ambiguity:
        row = data.draw(st.integers(1, rows[field])) if field in rows else None
        return Ambiguity(
            field,
            data.draw(st.integers(1, 2000)),
            data.draw(texts()),
            data.draw(texts()),
            data.draw(texts()),
            data.draw(texts()),
            data.draw(st.booleans()),
            row,
        )

    return st.builds(build, st.sampled_from(fields), st.data())


def plans() -> st.SearchStrategy[Plan]:
    """Small valid plans: one or two pillars, items, initiatives, a re-post sometimes, over a
    drawn plan period, adopted in a drawn month of the calendar year in which it begins."""

    @st.composite
    def build(draw: st.DrawFn) -> Plan:
        years = draw(plan_years())
        adopted = YearMonth(years[0].year, draw(st.integers(1, 12)))
        bureau_list = draw(
            st.lists(bureaus(), min_size=1, max_size=3, unique_by=lambda b: b.name_ja)
        )
        n_pillars = draw(st.integers(1, 2))
        pillars = tuple(
            Pillar(str(p), draw(texts()), draw(texts())) for p in range(1, n_pillars + 1)
        )
        items: list[PromotionItem] = []
        inits: list[Initiative] = []
        for p in pillars:
            for n in range(1, draw(st.integers(1, 2)) + 1):
                item_id = f"{p.id}-{n}"
                own = draw(st.booleans())
                subs = draw(st.integers(0 if own else 1, 2))
                items.append(PromotionItem(item_id, draw(texts()), draw(st.integers(1, 80)), own))
                ids = ([item_id] if own else []) + [f"{item_id}-{m}" for m in range(1, subs + 1)]
                for i in ids:
                    inits.append(draw(initiatives(i, draw(st.sampled_from(bureau_list)), years)))
        if len(inits) >= 2 and draw(st.booleans()):
            inits[-1] = attrs.evolve(inits[-1], reposts=inits[0].id)
        used = {i.bureau.name_ja: i.bureau for i in inits}
        return Plan(
            edition=f"{adopted.year:04d}-{adopted.month:02d}",
            title=draw(texts()),
            publisher="福岡市",
            first_year=years[0],
            last_year=years[-1],
            revisions=(Revision(adopted, "策定"),),
            pillars=pillars,
            promotion_items=tuple(items),
            bureaus=tuple(used.values()),
            initiatives=tuple(inits),
        )

    return build()


def observed_values() -> st.SearchStrategy[ObservedValue]:
    return st.one_of(
        figures().map(Figure),
        st.integers(-90, 90).filter(bool).map(lambda p: RelativeChange(float(p))),
        texts().map(Stage),
        _composites().map(lambda c: CompositeValue(c.parts)),
    )


def observations(indicator_ids: list[str] | None = None) -> st.SearchStrategy[Observation]:
    ids = st.sampled_from(indicator_ids) if indicator_ids else st.just("1-1-1.1")
    return st.builds(
        Observation,
        indicator_id=ids,
        fiscal_year=fiscal_years(2019, 2030),
        value=observed_values(),
        as_of=st.one_of(st.none(), dates(_dt.date(2019, 4, 1), _dt.date(2031, 3, 31))),
        source=st.one_of(st.none(), texts()),
        note=st.one_of(st.none(), texts()),
    )
