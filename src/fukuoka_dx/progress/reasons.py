"""Why a rule judged as it did, as data: a code and its parameters, worded for people by the
catalogue of words (:mod:`fukuoka_dx.words`), never parsed back from a sentence.

>>> from fukuoka_dx.fiscal_calendar import FiscalYear
>>> r = Reason.of(ReasonCode.LATEST_IN_TARGET_YEAR, target_fy=FiscalYear(2026))
>>> r.code.value, r.param("target_fy")
('latest_in_target_year', FiscalYear(2026))
>>> str(r)
'the latest point is in the target year 令和8年度 or later'
>>> r.text("ja")
'最新の実績が目標年度(令和8年度)以降'
>>> Reason.from_json_form(r.json_form()) == r
True
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from fukuoka_dx.errors import InvalidValueError
from fukuoka_dx.fiscal_calendar import FiscalYear
from fukuoka_dx.words import CATALOGUE, Lang, placeholders, say

__all__ = ["Reason", "ReasonCode"]


class ReasonCode(enum.StrEnum):
    """Every reason the rules give: why a status, an exclusion, a missing trajectory figure."""

    NO_OBSERVATION = "no_observation"
    TARGET_MET = "target_met"
    RATE_UNDEFINED = "rate_undefined"
    WITHIN_RANGE = "within_range"
    OUTSIDE_RANGE = "outside_range"
    BASELINE_KEPT = "baseline_kept"
    BELOW_BASELINE = "below_baseline"
    EQUAL_TO_BASELINE = "equal_to_baseline"
    MOVED_DESIRED_WAY = "moved_desired_way"
    MOVED_AWAY = "moved_away"
    CEILING_OR_FLOOR = "ceiling_or_floor"
    NO_BASELINE_FOR_DECREASE = "no_baseline_for_decrease"
    LEVEL_NOT_HELD = "level_not_held"
    NEEDS_FIGURE = "needs_figure"
    NEEDS_CHANGE = "needs_change"
    NEEDS_RELATIVE = "needs_relative"
    NEEDS_PARTS = "needs_parts"
    NEEDS_STAGE = "needs_stage"
    RULE_NEEDS_FIGURE = "rule_needs_figure"
    NO_BASELINE_TO_COMPARE = "no_baseline_to_compare"
    NOTHING_TO_TEST = "nothing_to_test"
    PART_MISSING = "part_missing"
    PART_ZERO_TARGET = "part_zero_target"
    UNKNOWN_STAGE = "unknown_stage"
    OBSERVED_IN_BASELINE_YEAR = "observed_in_baseline_year"
    OBSERVED_BEFORE_BASELINE_YEAR = "observed_before_baseline_year"
    YEAR_AFTER_AS_OF = "year_after_as_of"
    DATE_AFTER_AS_OF = "date_after_as_of"
    NOT_FIGURES = "not_figures"
    NO_BASELINE = "no_baseline"
    TOO_FEW_POINTS = "too_few_points"
    TARGET_NOT_FIGURE = "target_not_figure"
    LATEST_IN_TARGET_YEAR = "latest_in_target_year"
    DIRECTION_UNKNOWN = "direction_unknown"
    GROUP_NO_INDICATORS = "group_no_indicators"
    GROUP_INDICATORS_PENDING = "group_indicators_pending"
    GROUP_NOT_JUDGED = "group_not_judged"
    GROUP_NOTHING_TO_AVERAGE = "group_nothing_to_average"

    @property
    def key(self) -> str:
        """The key of its words in the catalogue."""
        return f"reason.{self.value}"


#: A parameter's value: a text, a count, or a fiscal year (written per language).
ParamValue = str | int | FiscalYear


def _check_params(instance: Reason, _attribute: object, value: tuple[Any, ...]) -> None:
    wanted = placeholders(CATALOGUE[instance.code.key][1])
    names = {name for name, _ in value}
    if names != wanted:
        raise InvalidValueError(
            f"reason {instance.code.value} takes {sorted(wanted)}, given {sorted(names)}"
        )
    for name, v in value:
        if isinstance(v, bool) or not isinstance(v, str | int | FiscalYear):
            raise TypeError(f"reason parameter {name}: expected str, int or FiscalYear, got {v!r}")


def _sorted_params(
    params: tuple[tuple[str, ParamValue], ...] | list[tuple[str, ParamValue]],
) -> tuple[tuple[str, ParamValue], ...]:
    return tuple(sorted(params, key=lambda p: p[0]))


@attrs.frozen
class Reason:
    """A reason: its code and the parameters its words take (sorted by name)."""

    code: ReasonCode = attrs.field(converter=ReasonCode)
    params: tuple[tuple[str, ParamValue], ...] = attrs.field(
        default=(), converter=_sorted_params, validator=_check_params
    )

    @classmethod
    def of(cls, code: ReasonCode | str, **params: ParamValue) -> Reason:
        return cls(ReasonCode(code), tuple(params.items()))

    def param(self, name: str) -> ParamValue:
        return dict(self.params)[name]

    def text(self, lang: Lang | str) -> str:
        """The reason in words for people."""
        return say(self.code.key, lang, **dict(self.params))

    def __str__(self) -> str:
        """The reason in English, as the machine formats (CSV) write it."""
        return self.text(Lang.EN)

    def json_form(self) -> dict[str, object]:
        """``{"code": ..., "params": {...}}``; fiscal years as their starting year."""
        params = {k: v.year if isinstance(v, FiscalYear) else v for k, v in self.params}
        return {"code": self.code.value, "params": params}

    @classmethod
    def from_json_form(cls, data: object) -> Reason:
        if not isinstance(data, dict) or set(data) != {"code", "params"}:
            raise InvalidValueError(f"a reason is {{code, params}}, got {data!r}")
        params = data["params"]
        if not isinstance(params, dict):
            raise InvalidValueError(f"a reason's params are an object, got {params!r}")
        typed = {
            k: FiscalYear(v) if k.endswith("fy") or k == "fiscal_year" else v
            for k, v in params.items()
        }
        return cls(ReasonCode(data["code"]), tuple(typed.items()))
