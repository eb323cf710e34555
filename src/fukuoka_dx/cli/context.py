"""What every command is given: its output, the plan edition asked for, the screen width."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path

import attrs

from fukuoka_dx.cli.output import Output
from fukuoka_dx.errors import UnknownEditionError, UsageError
from fukuoka_dx.fiscal_calendar import FiscalYear
from fukuoka_dx.loading import load_plan, load_plan_file
from fukuoka_dx.model import Plan
from fukuoka_dx.words import Lang

__all__ = ["Command", "Context", "outside_plan", "plan_of"]


@attrs.frozen
class Context:
    """A command's surroundings: where its output goes, which edition, how wide a screen."""

    out: Output
    edition: str | None = None
    width: int = 80

    @property
    def lang(self) -> Lang:
        return self.out.lang

    def plan(self) -> Plan:
        """The plan edition asked for (``--edition``: a packaged edition's id, or a JSON
        file of one's own), or the latest."""
        return plan_of(self.edition)

    def in_plan(self, plan: Plan, fy: FiscalYear, flag: str = "") -> FiscalYear:
        """``fy``, refused when it is outside the plan period."""
        if not plan.first_year <= fy <= plan.last_year:
            prefix = f"{flag}: " if flag else ""
            raise UsageError(prefix + outside_plan(plan, fy))
        return fy


def plan_of(given: str | None) -> Plan:
    """A plan as a user names it: a packaged edition's id (the latest for ``None``) or a JSON
    file of one's own (:func:`~fukuoka_dx.loading.load_plan_file`: its problems are reported
    each with its JSON path)."""
    if given is not None and _names_a_file(given):
        return load_plan_file(given)
    try:
        return load_plan(given)
    except UnknownEditionError as exc:
        raise UsageError(f"{exc} (a plan of one's own is a .json file)") from None


def _names_a_file(given: str) -> bool:
    return given.lower().endswith(".json") or os.sep in given or Path(given).is_file()


def outside_plan(plan: Plan, fy: FiscalYear) -> str:
    return (
        f"{fy.label_ja} ({fy}) is outside the plan period "
        f"{plan.first_year.label_ja}–{plan.last_year.label_ja}"
    )


#: A command as the parser calls it: the parsed arguments, unpacked into typed values by
#: the command's own module, and the context.
Command = Callable[[argparse.Namespace, Context], int]
