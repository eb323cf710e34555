"""fukuoka-dx: Fukuoka City's DX strategy (福岡市DX戦略 実行項目集) as typed data."""

from fukuoka_dx._version import __version__
from fukuoka_dx.fiscal_calendar import (
    AmbiguousEraError,
    Era,
    EraYear,
    FiscalYear,
    FiscalYearParseError,
    YearMonth,
    era_year,
)

__all__ = [
    "AmbiguousEraError",
    "Era",
    "EraYear",
    "FiscalYear",
    "FiscalYearParseError",
    "YearMonth",
    "__version__",
    "era_year",
]
