"""What every command is given: its output, the plan edition asked for, the screen width."""

from __future__ import annotations

import argparse
from collections.abc import Callable

import attrs

from fukuoka_dx.cli.output import Output
from fukuoka_dx.errors import FukuokaDXError, UsageError
from fukuoka_dx.fiscal_calendar import FiscalYear
from fukuoka_dx.loading import load_plan
from fukuoka_dx.model import Plan
from fukuoka_dx.words import Lang

__all__ = ["Command", "Context", "outside_plan"]


@attrs.frozen
class Context:
    """A command's surroundings: where its output goes, which edition, how wide a screen."""

    out: Output
    edition: str | None = None
    width: int = 100

    @property
    def lang(self) -> Lang:
        return self.out.lang

    def plan(self) -> Plan:
        """The plan edition asked for (``--edition``), or the latest."""
        try:
            return load_plan(self.edition)
        except FukuokaDXError as exc:
            raise UsageError(str(exc)) from None

    def in_plan(self, plan: Plan, fy: FiscalYear, flag: str = "") -> FiscalYear:
        """``fy``, refused when it is outside the plan period."""
        if not plan.first_year <= fy <= plan.last_year:
            prefix = f"{flag}: " if flag else ""
            raise UsageError(prefix + outside_plan(plan, fy))
        return fy


def outside_plan(plan: Plan, fy: FiscalYear) -> str:
    return (
        f"{fy.label_ja} ({fy}) is outside the plan period "
        f"{plan.first_year.label_ja}–{plan.last_year.label_ja}"
    )


#: A command as the parser calls it: the parsed arguments, unpacked into typed values by
#: the command's own module, and the context.
Command = Callable[[argparse.Namespace, Context], int]
