"""A round's JSON file: writing it, and reading it back against the plan.

:func:`write_round_json` writes a :class:`~fukuoka_dx.observations.round.ReportingRound` as JSON
(``"kind": "reporting_round"`` and its fields); :func:`read_round` reads it back to the
same value, checked as every way in is: the plan's edition and digest, then every
observation, activity report and narrative against the plan, with the problems of each
located in the file (``round.json, observations[3]``). An observations reader given a round
(:func:`~fukuoka_dx.observations.files.read_observations`) reads it here, so that
``progress``, ``trend`` and ``report`` take a round wherever they take observations.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from fukuoka_dx.errors import InputProblem, JSONFormatError, ObservationsError
from fukuoka_dx.model import Plan
from fukuoka_dx.observations.checks import observation_problems, observation_years
from fukuoka_dx.observations.report_checks import report_problems
from fukuoka_dx.observations.round import ReportingRound, RoundKind
from fukuoka_dx.observations.rows import ReadResult
from fukuoka_dx.serialization import structure, unstructure

__all__ = [
    "check_round",
    "is_round_text",
    "parse_round_json",
    "read_round",
    "read_round_result",
    "write_round_json",
]


def write_round_json(round_: ReportingRound) -> str:
    """A round as JSON text (UTF-8 characters kept), which :func:`read_round` reads back to
    the same round."""
    return json.dumps(unstructure(round_), ensure_ascii=False, indent=1) + "\n"


def is_round_text(text: str) -> bool:
    """Whether JSON text holds an object (a round) rather than an array (observations)."""
    return text.removeprefix("\ufeff").lstrip().startswith("{")


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    if repeated:
        raise ValueError(f"key(s) {', '.join(repeated)} given twice in one object")
    return dict(pairs)


def _constant(name: str) -> None:
    raise ValueError(f"{name} is not a figure")


def check_round(plan: Plan, round_: ReportingRound, name: str = "round") -> ReportingRound:
    """``round_``, checked against ``plan``: made from its edition and data (the digest),
    every record fitting the plan. Raises :class:`~fukuoka_dx.errors.ObservationsError`
    listing every problem, each located in the round (``round.json, observations[3]``)."""
    problems: list[InputProblem] = []
    if round_.edition != plan.edition or round_.digest != plan.digest:
        problems.append(
            InputProblem(
                name,
                "digest",
                round_.digest[:12],
                f"the round was collected against edition {round_.edition} (digest "
                f"{round_.digest[:12]}…), not this plan's {plan.edition} "
                f"({plan.digest[:12]}…): read it with the plan it was collected against",
            )
        )
        raise ObservationsError(problems)
    years = observation_years(plan)
    for i, o in enumerate(round_.observations):
        problems += observation_problems(plan, o, f"{name}, observations[{i}]", years)
    for i, a in enumerate(round_.activity_reports):
        problems += report_problems(plan, a, f"{name}, activity_reports[{i}]", years)
    for i, n in enumerate(round_.narratives):
        problems += report_problems(plan, n, f"{name}, narratives[{i}]", years)
    if problems:
        raise ObservationsError(problems)
    return round_


def parse_round_json(text: str, plan: Plan, *, name: str = "<text>") -> ReportingRound:
    """Read a round from its JSON text, checked against ``plan`` (:func:`check_round`);
    ``name`` labels problems."""
    try:
        data = json.loads(
            text.removeprefix("\ufeff"), object_pairs_hook=_object, parse_constant=_constant
        )
    except json.JSONDecodeError as exc:
        raise ObservationsError(
            [InputProblem(f"{name}, line {exc.lineno}", None, "", f"not JSON: {exc.msg}")]
        ) from None
    except ValueError as exc:
        raise ObservationsError([InputProblem(name, None, "", str(exc))]) from None
    if not isinstance(data, dict) or data.get("kind") != RoundKind.ROUND.value:
        why = (
            f'expected a round (a JSON object with "kind": "{RoundKind.ROUND.value}", as '
            "fukuoka-dx collect writes it) or an array of observations"
        )
        raise ObservationsError([InputProblem(name, None, "", why)])
    try:
        round_ = structure(data, ReportingRound, what="a round")
    except JSONFormatError as exc:
        raise ObservationsError(
            [InputProblem(name, None, "", problem) for problem in exc.problems]
        ) from None
    return check_round(plan, round_, name)


def read_round(file: str | os.PathLike[str], plan: Plan) -> ReportingRound:
    """Read a round's JSON file (UTF-8, as ``fukuoka-dx collect`` writes it), checked
    against ``plan``; the same round that was written."""
    path = Path(file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ObservationsError(
            [InputProblem(str(path), None, "", f"cannot read the file: {exc.strerror}")]
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ObservationsError(
            [InputProblem(f"{path}, line {line}", None, "", "a round is UTF-8: this is not")]
        ) from None
    return parse_round_json(text, plan, name=str(path))


def read_round_result(
    file: str | os.PathLike[str], plan: Plan, *, encoding: str | None = None
) -> ReadResult:
    """A round read as an observations reader reads a file: its observations, and the round
    itself (:attr:`~fukuoka_dx.observations.rows.ReadResult.round`). A round is UTF-8: an
    ``encoding`` other than that is refused."""
    if encoding is not None and encoding.lower().replace("_", "-") not in ("utf-8", "utf8"):
        why = "a round is UTF-8, as fukuoka-dx collect writes it: another encoding does not apply"
        raise ObservationsError([InputProblem(str(file), None, encoding, why)])
    round_ = read_round(file, plan)
    return ReadResult(round_.observations, encoding="utf-8", round=round_)
