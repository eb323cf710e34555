"""Observations carried over from one plan edition to the next through a crosswalk.

An observation recorded against the old edition keeps its figure and takes its indicator's id
in the new edition: the same id, or the one a one-to-one entry (of the indicator, or of an id
it nests in) gives. What cannot be carried is refused, each with why, never guessed: an
indicator retired, split or merged (a figure of one is not a figure of the others), one the
new edition lacks without the crosswalk saying where it went, one whose unit changed, a value
the new indicator does not take.

>>> from fukuoka_dx import load_plan
>>> from fukuoka_dx.crosswalk import Crosswalk
>>> plan = load_plan()
>>> same = Crosswalk(plan.edition, plan.edition)  # nothing moved: a crosswalk of no entries
>>> carried = carry_over([Observation("1-1-3.1", 2024, 12000)], same, plan, plan)
>>> [(o.indicator_id, o.value, o.edition) for o in carried.observations]
[('1-1-3.1', Figure(value=12000.0), '2023-09')]
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from fukuoka_dx.crosswalk import Crosswalk, EditionIds, FateKind, Level
from fukuoka_dx.errors import InputProblem, NotFoundError, ObservationsError
from fukuoka_dx.model import Plan
from fukuoka_dx.observations.checks import (
    conflicts,
    edition_problems,
    observation_problems,
    observation_years,
)
from fukuoka_dx.observations.values import Observation

__all__ = ["Carried", "carry_over"]


@attrs.frozen
class Carried:
    """What :func:`carry_over` carried: the observations with their ids in the new edition
    (in the order given), the ids that changed (old, new), and, with ``keep_valid``, those it
    refused, each with why."""

    observations: tuple[Observation, ...]
    renamed: tuple[tuple[str, str], ...] = ()
    refused: tuple[InputProblem, ...] = ()


def _location(n: int, o: Observation) -> str:
    return f"observation {n} ({o.indicator_id}, {o.fiscal_year.label_ja})"


def carry_over(
    observations: Iterable[Observation],
    crosswalk: Crosswalk,
    old: Plan,
    new: Plan,
    *,
    keep_valid: bool = False,
) -> Carried:
    """Carry observations recorded against ``old`` over to ``new`` through ``crosswalk``.

    The crosswalk must map from ``old`` to ``new`` and fit their ids
    (:class:`~fukuoka_dx.errors.InvalidValueError` otherwise). Each observation must be one of
    ``old`` (recorded against it, or recording no edition); carried, it records ``new``'s
    edition (and digest, if it recorded one) and is checked against ``new`` as any
    observation is. With problems, raises :class:`~fukuoka_dx.errors.ObservationsError`
    listing every one, unless ``keep_valid``: then :attr:`Carried.refused` lists them.
    """
    crosswalk.check(
        EditionIds(old.edition, old.digest, old.ids()),
        EditionIds(new.edition, new.digest, new.ids()),
    )
    given = tuple(observations)
    years = observation_years(new)
    problems: list[InputProblem] = []
    carried: list[tuple[str, Observation]] = []
    renamed: list[tuple[str, str]] = []
    for n, o in enumerate(given, 1):
        if not isinstance(o, Observation):
            raise TypeError(f"expected Observation values, got {type(o).__name__}: {o!r}")
        location = _location(n, o)
        found = _problems(o, crosswalk, old, new, location)
        if isinstance(found, InputProblem):
            problems.append(found)
            continue
        moved = attrs.evolve(
            o,
            indicator_id=found,
            edition=new.edition,
            digest=new.digest if o.digest is not None else None,
        )
        if found != o.indicator_id:
            location = f"{location}, {found} in {new.edition}"
            renamed.append((o.indicator_id, found))
        later = observation_problems(new, moved, location, years)
        if later:
            problems += later
            continue
        carried.append((location, moved))
    problems += conflicts([o for _, o in carried], [loc for loc, _ in carried])
    if problems and not keep_valid:
        raise ObservationsError(problems)
    bad = {p.location for p in problems}
    kept = tuple(o for loc, o in carried if loc not in bad)
    return Carried(kept, tuple(dict.fromkeys(renamed)), tuple(problems))


def _problems(
    o: Observation, crosswalk: Crosswalk, old: Plan, new: Plan, location: str
) -> str | InputProblem:
    """The id ``o`` takes in ``new``, or why it cannot be carried."""
    recorded = edition_problems(old, o.edition, o.digest, location)
    if recorded:
        return recorded[0]
    try:
        before = old.indicator(o.indicator_id)
    except NotFoundError as exc:
        return InputProblem(location, "indicator_id", o.indicator_id, str(exc))
    fate = crosswalk.resolve(before.id, Level.INDICATOR)
    if fate.kind not in (FateKind.UNCHANGED, FateKind.RENAMED):
        return InputProblem(
            location,
            "indicator_id",
            o.indicator_id,
            f"in edition {new.edition}, {fate.describe()}: its figures cannot be carried over",
        )
    target = fate.new[0]
    if target not in new.ids()[Level.INDICATOR]:
        said = "" if fate.kind is FateKind.UNCHANGED else f" ({fate.describe()})"
        return InputProblem(
            location,
            "indicator_id",
            o.indicator_id,
            f"edition {new.edition} has no indicator {target}{said}, and the crosswalk does not "
            "say where it went",
        )
    after = new.indicator(target)
    if before.unit != after.unit:
        return InputProblem(
            location,
            "value",
            o.indicator_id,
            f"the unit of {before.id} is {before.unit or 'none'} in {old.edition} and "
            f"{after.unit or 'none'} for {after.id} in {new.edition}: a figure of one is not a "
            "figure of the other",
        )
    return target
