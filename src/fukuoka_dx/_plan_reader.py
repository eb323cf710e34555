"""Build a packaged plan from its JSON without the general reader (made by
``tools/gen_plan_reader.py`` from the model's fields: do not edit; ``make data`` writes it).

Only the packaged data, which the build writes and checks, is read here; every class's own
validators still run. Anything else, or anything this cannot read, goes to the general reader.
"""

from __future__ import annotations

import threading
from typing import Any


from fukuoka_dx.crosswalk import Crosswalk, Merged, OneToOne, Retired, Split
from fukuoka_dx.fiscal_calendar import FiscalYear, YearMonth
from fukuoka_dx.model import Ambiguity, BlockField, Bureau, BureauKind, Indicator, IndicatorStatus, Initiative, Pillar, Plan, Position, PromotionItem, Qualifier, Repair, Revision
from fukuoka_dx.schedule import ActivityCell, CarryCell, EmptyCell, Marker, MarkerCell, MissingCell, QuantityCell, Schedule, ScheduleRow
from fukuoka_dx.targets import CarryForwardTarget, CompositePart, CompositeTarget, Direction, DirectionTarget, MaintainTarget, MilestoneTarget, MissingTarget, NoTarget, NumberTarget, PendingTarget, QualitativeTarget, RangeTarget, RelativeTarget, SameAsPreviousTarget

__all__ = ["read_plan"]

#: The values read so far in the plan being read, shared (emptied after each plan).
_SEEN: dict[Any, Any] = {}
_READING = threading.Lock()
_BLOCKFIELD: dict[Any, BlockField] = BlockField._value2member_map_  # type: ignore[assignment]
_BUREAUKIND: dict[Any, BureauKind] = BureauKind._value2member_map_  # type: ignore[assignment]
_DIRECTION: dict[Any, Direction] = Direction._value2member_map_  # type: ignore[assignment]
_INDICATORSTATUS: dict[Any, IndicatorStatus] = IndicatorStatus._value2member_map_  # type: ignore[assignment]
_MARKER: dict[Any, Marker] = Marker._value2member_map_  # type: ignore[assignment]
_POSITION: dict[Any, Position] = Position._value2member_map_  # type: ignore[assignment]
_QUALIFIER: dict[Any, Qualifier] = Qualifier._value2member_map_  # type: ignore[assignment]


def _seen(key: Any, value: Any) -> Any:
    _SEEN[key] = value
    return value


def _fiscal_year(v: int) -> FiscalYear:
    # one object per year: the plan holds a thousand, of a handful of years
    key = ('FiscalYear', v)
    fy: FiscalYear = _SEEN.get(key) or _seen(key, FiscalYear(v))
    return fy


def _month(v: str) -> YearMonth:
    head, end, _ = v.partition('-end')
    year, month = head.split('-')
    return YearMonth(int(year), int(month), end_of_month=bool(end))


def _Retired(d: Any) -> Any:
    return Retired(old=d['old'], note=d['note'])


def _Merged(d: Any) -> Any:
    return Merged(old=tuple(d['old']), new=d['new'], note=d['note'])


def _Split(d: Any) -> Any:
    return Split(old=d['old'], new=tuple(d['new']), note=d['note'])


def _OneToOne(d: Any) -> Any:
    return OneToOne(old=d['old'], new=d['new'], note=d['note'])


_ONETOONE_OR_SPLIT_4_KINDS: dict[str, Any] = {'one_to_one': _OneToOne, 'split': _Split, 'merged': _Merged, 'retired': _Retired}


def _OneToOne_or_Split_4(d: Any) -> Any:
    return _ONETOONE_OR_SPLIT_4_KINDS[d['kind']](d)


def _Crosswalk(d: Any) -> Any:
    return Crosswalk(old_edition=d['old_edition'], new_edition=d['new_edition'], entries=tuple([_OneToOne_or_Split_4(_e) for _e in d['entries']]), old_digest=d['old_digest'], new_digest=d['new_digest'], note=d['note'])


def _Ambiguity(d: Any) -> Any:
    return Ambiguity(field=_BLOCKFIELD[d['field']], line=d['line'], cited=d['cited'], reading=d['reading'], alternative=d['alternative'], evidence=d['evidence'], resolved=d['resolved'], row=d['row'])


def _MissingTarget(d: Any) -> Any:
    return MissingTarget(note=d['note'], text=d['text'])


def _NoTarget(d: Any) -> Any:
    return NoTarget(text=d['text'])


def _QualitativeTarget(d: Any) -> Any:
    return QualitativeTarget(text=d['text'])


def _MilestoneTarget(d: Any) -> Any:
    return MilestoneTarget(text=d['text'])


def _CompositePart(d: Any) -> Any:
    return CompositePart(label=d['label'], value=float(d['value']))


def _CompositeTarget(d: Any) -> Any:
    return CompositeTarget(text=d['text'], parts=tuple([_CompositePart(_e) for _e in d['parts']]))


def _RangeTarget(d: Any) -> Any:
    return RangeTarget(text=d['text'], low=float(d['low']), high=float(d['high']))


def _PendingTarget(d: Any) -> Any:
    return PendingTarget(text=d['text'])


def _CarryForwardTarget(d: Any) -> Any:
    return CarryForwardTarget(text=d['text'])


def _SameAsPreviousTarget(d: Any) -> Any:
    return SameAsPreviousTarget(text=d['text'])


def _MaintainTarget(d: Any) -> Any:
    return MaintainTarget(text=d['text'])


def _DirectionTarget(d: Any) -> Any:
    return DirectionTarget(text=d['text'], direction=_DIRECTION[d['direction']])


def _RelativeTarget(d: Any) -> Any:
    return RelativeTarget(text=d['text'], percent=float(d['percent']))


def _NumberTarget(d: Any) -> Any:
    return NumberTarget(text=d['text'], value=float(d['value']), note=d['note'], as_of=d['as_of'], estimate=d['estimate'])


_NUMBERTARGET_OR_RELATIVETARGET_13_KINDS: dict[str, Any] = {'number': _NumberTarget, 'relative': _RelativeTarget, 'direction': _DirectionTarget, 'maintain': _MaintainTarget, 'same_as_previous': _SameAsPreviousTarget, 'carry_forward': _CarryForwardTarget, 'pending': _PendingTarget, 'range': _RangeTarget, 'composite': _CompositeTarget, 'milestone': _MilestoneTarget, 'qualitative': _QualitativeTarget, 'none': _NoTarget, 'missing': _MissingTarget}


def _NumberTarget_or_RelativeTarget_13(d: Any) -> Any:
    return _NUMBERTARGET_OR_RELATIVETARGET_13_KINDS[d['kind']](d)


def _Indicator(d: Any) -> Any:
    return Indicator(id=d['id'], name=d['name'], unit=d['unit'], qualifiers=tuple([_QUALIFIER[_e] for _e in d['qualifiers']]), direction=_DIRECTION[d['direction']], baseline_fy=_fiscal_year(d['baseline_fy']), baseline=_NumberTarget_or_RelativeTarget_13(d['baseline']), midterm_fy=_fiscal_year(d['midterm_fy']), midterm=_NumberTarget_or_RelativeTarget_13(d['midterm']), final_fy=_fiscal_year(d['final_fy']), final=_NumberTarget_or_RelativeTarget_13(d['final']), position=(None if d['position'] is None else _POSITION[d['position']]), baseline_comparable=d['baseline_comparable'], baseline_note=d['baseline_note'], name_en=d['name_en'], unit_en=d['unit_en'])


def _MissingCell(d: Any) -> Any:
    return MissingCell(note=d['note'], text=d['text'])


def _QuantityCell(d: Any) -> Any:
    return QuantityCell(text=d['text'], value=float(d['value']), unit=d['unit'], approximate=d['approximate'])


def _MarkerCell(d: Any) -> Any:
    key = ('MarkerCell', d['text'], d['marker'])
    return _SEEN.get(key) or _seen(key, MarkerCell(text=d['text'], marker=_MARKER[d['marker']]))


def _EmptyCell(d: Any) -> Any:
    key = ('EmptyCell', d['text'])
    return _SEEN.get(key) or _seen(key, EmptyCell(text=d['text']))


def _CarryCell(d: Any) -> Any:
    key = ('CarryCell', d['text'])
    return _SEEN.get(key) or _seen(key, CarryCell(text=d['text']))


def _ActivityCell(d: Any) -> Any:
    key = ('ActivityCell', d['text'])
    return _SEEN.get(key) or _seen(key, ActivityCell(text=d['text']))


_ACTIVITYCELL_OR_CARRYCELL_6_KINDS: dict[str, Any] = {'activity': _ActivityCell, 'carry': _CarryCell, 'empty': _EmptyCell, 'marker': _MarkerCell, 'quantity': _QuantityCell, 'missing': _MissingCell}


def _ActivityCell_or_CarryCell_6(d: Any) -> Any:
    return _ACTIVITYCELL_OR_CARRYCELL_6_KINDS[d['kind']](d)


def _ScheduleRow(d: Any) -> Any:
    return ScheduleRow(cells=tuple([_ActivityCell_or_CarryCell_6(_e) for _e in d['cells']]), note=d['note'])


def _Schedule(d: Any) -> Any:
    return Schedule(years=tuple([_fiscal_year(_e) for _e in d['years']]), rows=tuple([_ScheduleRow(_e) for _e in d['rows']]))


def _Initiative(d: Any) -> Any:
    return Initiative(id=d['id'], title=d['title'], page=d['page'], bureau=_Bureau(d['bureau']), description=tuple(d['description']), notes=tuple(d['notes']), schedule=_Schedule(d['schedule']), indicator_status=_INDICATORSTATUS[d['indicator_status']], indicators=tuple([_Indicator(_e) for _e in d['indicators']]), indicator_note=d['indicator_note'], reposts=d['reposts'], repairs=tuple([_Repair(_e) for _e in d['repairs']]), title_en=d['title_en'], ambiguities=tuple([_Ambiguity(_e) for _e in d['ambiguities']]))


def _Bureau(d: Any) -> Any:
    key = ('Bureau', d['name_ja'], d['name_en'], d['kind'], d['ward'])
    return _SEEN.get(key) or _seen(key, Bureau(name_ja=d['name_ja'], name_en=d['name_en'], kind=_BUREAUKIND[d['kind']], ward=d['ward']))


def _Repair(d: Any) -> Any:
    return Repair(field=d['field'], extracted=d['extracted'], repaired=d['repaired'], evidence=d['evidence'], line=d['line'])


def _PromotionItem(d: Any) -> Any:
    return PromotionItem(id=d['id'], title=d['title'], page=d['page'], own_block=d['own_block'], repairs=tuple([_Repair(_e) for _e in d['repairs']]), title_en=d['title_en'])


def _Pillar(d: Any) -> Any:
    return Pillar(id=d['id'], title=d['title'], title_en=d['title_en'])


def _Revision(d: Any) -> Any:
    return Revision(month=_month(d['month']), event=d['event'])


def _Plan(d: Any) -> Any:
    return Plan(edition=d['edition'], title=d['title'], publisher=d['publisher'], first_year=_fiscal_year(d['first_year']), last_year=_fiscal_year(d['last_year']), revisions=tuple([_Revision(_e) for _e in d['revisions']]), pillars=tuple([_Pillar(_e) for _e in d['pillars']]), promotion_items=tuple([_PromotionItem(_e) for _e in d['promotion_items']]), bureaus=tuple([_Bureau(_e) for _e in d['bureaus']]), initiatives=tuple([_Initiative(_e) for _e in d['initiatives']]), translation_note=d['translation_note'], crosswalk=(None if d['crosswalk'] is None else _Crosswalk(d['crosswalk'])))


def read_plan(data: Any) -> Plan:
    """A packaged plan from its JSON."""
    with _READING:
        try:
            plan: Plan = _Plan(data)
        finally:
            _SEEN.clear()
    return plan
