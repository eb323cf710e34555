"""fukuoka-dx: Fukuoka City's DX strategy (福岡市DX戦略 実行項目集) as typed data.

>>> import fukuoka_dx
>>> plan = fukuoka_dx.load_plan()
>>> plan.initiative("1-1-3").title
'引越しに係る行政手続きのオンラインサービス'
>>> fukuoka_dx.FiscalYear.parse("令和8年度") == plan.last_year
True
"""

from fukuoka_dx._optional import MissingExtraError
from fukuoka_dx._version import __version__
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
from fukuoka_dx.loading import UnknownEditionError, editions, load_plan
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
from fukuoka_dx.schedule import Schedule, ScheduleRow
from fukuoka_dx.serialization import JSONFormatError, converter, from_json, to_json
from fukuoka_dx.targets import Direction, Target, TargetKind, parse_target

__all__ = [
    "INDICATOR_COLUMNS",
    "INITIATIVE_COLUMNS",
    "SCHEDULE_COLUMNS",
    "AmbiguousEraError",
    "Assessment",
    "Bureau",
    "BureauKind",
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
    "read_observations",
    "read_observations_csv",
    "read_observations_json",
    "schedule_rows",
    "to_json",
    "write_observations_csv",
]
