"""fukuoka-dx: Fukuoka City's DX strategy (福岡市DX戦略 実行項目集) as typed data.

>>> import fukuoka_dx
>>> plan = fukuoka_dx.load_plan()
>>> plan.initiative("1-1-3").title
'引越しに係る行政手続きのオンラインサービス'
>>> fukuoka_dx.FiscalYear.parse("令和8年度") == plan.last_year
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from fukuoka_dx._version import __version__

# Submodules are imported on first use of a name (PEP 562): ``import fukuoka_dx`` stays cheap
# and reads no data; ``from fukuoka_dx import load_plan`` imports what it needs.
_EXPORTS: dict[str, str] = {
    "AmbiguousEraError": "fukuoka_dx.fiscal_calendar",
    "Assessment": "fukuoka_dx.progress",
    "Bureau": "fukuoka_dx.model",
    "BureauKind": "fukuoka_dx.model",
    "CompositeValue": "fukuoka_dx.observations",
    "Direction": "fukuoka_dx.targets",
    "Era": "fukuoka_dx.fiscal_calendar",
    "EraYear": "fukuoka_dx.fiscal_calendar",
    "Figure": "fukuoka_dx.observations",
    "FiscalYear": "fukuoka_dx.fiscal_calendar",
    "FiscalYearParseError": "fukuoka_dx.fiscal_calendar",
    "INDICATOR_COLUMNS": "fukuoka_dx.export",
    "INITIATIVE_COLUMNS": "fukuoka_dx.export",
    "Indicator": "fukuoka_dx.model",
    "IndicatorProgress": "fukuoka_dx.progress",
    "IndicatorStatus": "fukuoka_dx.model",
    "Initiative": "fukuoka_dx.model",
    "JSONFormatError": "fukuoka_dx.serialization",
    "MissingExtraError": "fukuoka_dx._optional",
    "NotFoundError": "fukuoka_dx.model",
    "Observation": "fukuoka_dx.observations",
    "ObservationError": "fukuoka_dx.observations",
    "ObservationsError": "fukuoka_dx.observations",
    "Pillar": "fukuoka_dx.model",
    "Plan": "fukuoka_dx.model",
    "Position": "fukuoka_dx.model",
    "PromotionItem": "fukuoka_dx.model",
    "Qualifier": "fukuoka_dx.model",
    "ReadResult": "fukuoka_dx.observations",
    "RelativeChange": "fukuoka_dx.observations",
    "Repair": "fukuoka_dx.model",
    "Revision": "fukuoka_dx.model",
    "RollUp": "fukuoka_dx.progress",
    "SCHEDULE_COLUMNS": "fukuoka_dx.export",
    "Schedule": "fukuoka_dx.schedule",
    "ScheduleRow": "fukuoka_dx.schedule",
    "Stage": "fukuoka_dx.observations",
    "Status": "fukuoka_dx.progress",
    "Table": "fukuoka_dx.export",
    "TargetParseError": "fukuoka_dx.targets",
    "CompositePart": "fukuoka_dx.targets",
    "parse_value": "fukuoka_dx.observations",
    "Target": "fukuoka_dx.targets",
    "TargetColumn": "fukuoka_dx.model",
    "TargetKind": "fukuoka_dx.targets",
    "Thresholds": "fukuoka_dx.progress",
    "UnknownEditionError": "fukuoka_dx.loading",
    "YearMonth": "fukuoka_dx.fiscal_calendar",
    "assess": "fukuoka_dx.progress",
    "converter": "fukuoka_dx.serialization",
    "editions": "fukuoka_dx.loading",
    "era_year": "fukuoka_dx.fiscal_calendar",
    "evaluate": "fukuoka_dx.progress",
    "from_json": "fukuoka_dx.serialization",
    "indicator_rows": "fukuoka_dx.export",
    "initiative_rows": "fukuoka_dx.export",
    "load_plan": "fukuoka_dx.loading",
    "parse_target": "fukuoka_dx.targets",
    "read_observations": "fukuoka_dx.observations",
    "read_observations_csv": "fukuoka_dx.observations",
    "read_observations_json": "fukuoka_dx.observations",
    "schedule_rows": "fukuoka_dx.export",
    "to_json": "fukuoka_dx.serialization",
    "write_observations_csv": "fukuoka_dx.observations",
}

if TYPE_CHECKING:
    from fukuoka_dx._optional import (
        MissingExtraError,
    )
    from fukuoka_dx.export import (
        INDICATOR_COLUMNS,
        INITIATIVE_COLUMNS,
        SCHEDULE_COLUMNS,
        Table,
        indicator_rows,
        initiative_rows,
        schedule_rows,
    )
    from fukuoka_dx.fiscal_calendar import (
        AmbiguousEraError,
        Era,
        EraYear,
        FiscalYear,
        FiscalYearParseError,
        YearMonth,
        era_year,
    )
    from fukuoka_dx.loading import (
        UnknownEditionError,
        editions,
        load_plan,
    )
    from fukuoka_dx.model import (
        Bureau,
        BureauKind,
        Indicator,
        IndicatorStatus,
        Initiative,
        NotFoundError,
        Pillar,
        Plan,
        Position,
        PromotionItem,
        Qualifier,
        Repair,
        Revision,
        TargetColumn,
    )
    from fukuoka_dx.observations import (
        CompositeValue,
        Figure,
        Observation,
        ObservationError,
        ObservationsError,
        ReadResult,
        RelativeChange,
        Stage,
        parse_value,
        read_observations,
        read_observations_csv,
        read_observations_json,
        write_observations_csv,
    )
    from fukuoka_dx.progress import (
        Assessment,
        IndicatorProgress,
        RollUp,
        Status,
        Thresholds,
        assess,
        evaluate,
    )
    from fukuoka_dx.schedule import (
        Schedule,
        ScheduleRow,
    )
    from fukuoka_dx.serialization import (
        JSONFormatError,
        converter,
        from_json,
        to_json,
    )
    from fukuoka_dx.targets import (
        CompositePart,
        Direction,
        Target,
        TargetKind,
        TargetParseError,
        parse_target,
    )

__all__ = [
    "INDICATOR_COLUMNS",
    "INITIATIVE_COLUMNS",
    "SCHEDULE_COLUMNS",
    "AmbiguousEraError",
    "Assessment",
    "Bureau",
    "BureauKind",
    "CompositePart",
    "CompositeValue",
    "Direction",
    "Era",
    "EraYear",
    "Figure",
    "FiscalYear",
    "FiscalYearParseError",
    "Indicator",
    "IndicatorProgress",
    "IndicatorStatus",
    "Initiative",
    "JSONFormatError",
    "MissingExtraError",
    "NotFoundError",
    "Observation",
    "ObservationError",
    "ObservationsError",
    "Pillar",
    "Plan",
    "Position",
    "PromotionItem",
    "Qualifier",
    "ReadResult",
    "RelativeChange",
    "Repair",
    "Revision",
    "RollUp",
    "Schedule",
    "ScheduleRow",
    "Stage",
    "Status",
    "Table",
    "Target",
    "TargetColumn",
    "TargetKind",
    "TargetParseError",
    "Thresholds",
    "UnknownEditionError",
    "YearMonth",
    "__version__",
    "assess",
    "converter",
    "editions",
    "era_year",
    "evaluate",
    "from_json",
    "indicator_rows",
    "initiative_rows",
    "load_plan",
    "parse_target",
    "parse_value",
    "read_observations",
    "read_observations_csv",
    "read_observations_json",
    "schedule_rows",
    "to_json",
    "write_observations_csv",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'fukuoka_dx' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
