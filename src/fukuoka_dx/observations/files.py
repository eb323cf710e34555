"""Observation files: CSV and JSON readers, and the CSV writer.

CSV is UTF-8 (a BOM is allowed) with the header ``indicator_id,fiscal_year,value`` then the
optional ``as_of,source,note``; other columns, such as a template's comments, are ignored.
JSON is an array of objects with the same keys. Every row is checked against the plan;
reading never executes anything.

``read_*`` take a file (a path or an open text file); ``parse_*`` take the text itself.
All return a :class:`ReadResult`.

>>> from fukuoka_dx import load_plan
>>> result = parse_observations_csv(
...     "indicator_id,fiscal_year,value\\n1-1-3.1,R5,\\"12,000\\"\\n", load_plan())
>>> obs, = result.observations
>>> obs.indicator_id, obs.fiscal_year, obs.value
('1-1-3.1', FiscalYear(2023), Figure(value=12000.0))
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Final, TextIO

import attrs
import pendulum

from fukuoka_dx.errors import (
    FiscalYearParseError,
    InputProblem,
    NotFoundError,
    ObservationsError,
)
from fukuoka_dx.fiscal_calendar import FiscalYear, as_date, as_fiscal_year
from fukuoka_dx.model import Plan
from fukuoka_dx.observations.values import Observation, parse_value, value_text

__all__ = [
    "OBSERVATION_COLUMNS",
    "ReadResult",
    "parse_observations_csv",
    "parse_observations_json",
    "read_observations",
    "read_observations_csv",
    "read_observations_json",
    "write_observations_csv",
]

#: The columns of an observations file, in order; the first three are required.
OBSERVATION_COLUMNS: Final = ("indicator_id", "fiscal_year", "value", "as_of", "source", "note")
_REQUIRED: Final = OBSERVATION_COLUMNS[:3]

#: A file to read: a path, or a text file open for reading.
File = str | os.PathLike[str] | TextIO


@attrs.frozen
class ReadResult:
    """What a reader read: the valid observations and the rows left out, each with why.

    ``rejected`` lists rows with problems (only with ``keep_valid=True``: otherwise they
    raise :class:`~fukuoka_dx.errors.ObservationsError`); ``skipped`` the rows left out with
    ``skip_empty=True`` because their value was empty (an unfilled row of a template).
    """

    observations: tuple[Observation, ...]
    rejected: tuple[InputProblem, ...] = ()
    skipped: tuple[str, ...] = ()


# -- readers ----------------------------------------------------------------------------------


def _row_observation(
    row: Mapping[str, object], plan: Plan, location: str, errors: list[InputProblem]
) -> Observation | None:
    def text(key: str) -> str:
        v = row.get(key)
        return "" if v is None else str(v).strip()

    before = len(errors)
    ind_id = text("indicator_id")
    indicator = None
    if not ind_id:
        errors.append(InputProblem(location, "indicator_id", "", "the indicator id is empty"))
    else:
        try:
            indicator = plan.indicator(ind_id)
        except NotFoundError as exc:
            errors.append(InputProblem(location, "indicator_id", ind_id, str(exc)))
    fy = None
    raw_fy = row.get("fiscal_year")
    try:
        fy = as_fiscal_year(raw_fy if isinstance(raw_fy, int) else text("fiscal_year"))
    except (FiscalYearParseError, ValueError, TypeError) as exc:
        errors.append(InputProblem(location, "fiscal_year", text("fiscal_year"), str(exc)))
    value = None
    raw_value = row.get("value")
    if indicator is not None:
        try:
            if raw_value is None or (isinstance(raw_value, str) and not raw_value.strip()):
                raise ValueError("the value is empty")
            if not isinstance(raw_value, str | int | float):
                raise ValueError(f"expected text or a number, got {type(raw_value).__name__}")
            value = parse_value(raw_value, indicator)
        except ValueError as exc:
            errors.append(InputProblem(location, "value", text("value"), str(exc)))
    as_of = None
    if text("as_of"):
        try:
            as_of = as_date(text("as_of"))
        except FiscalYearParseError:
            errors.append(
                InputProblem(location, "as_of", text("as_of"), "expected a date such as 2024-03-31")
            )
        if as_of is not None and fy is not None and as_of < fy.start:
            errors.append(
                InputProblem(
                    location,
                    "as_of",
                    text("as_of"),
                    f"the as-of date is before {fy} ({fy.label_ja}) begins",
                )
            )
    if len(errors) > before or indicator is None or fy is None or value is None:
        return None
    return Observation(indicator.id, fy, value, as_of, text("source") or None, text("note") or None)


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _collect(
    rows: Iterable[tuple[str, Mapping[str, object]]],
    plan: Plan,
    keep_valid: bool,
    skip_empty: bool = False,
) -> ReadResult:
    skipped: list[str] = []
    if skip_empty:
        kept = []
        for location, row in rows:
            if _is_empty(row.get("value")):
                skipped.append(location)
            else:
                kept.append((location, row))
        rows = kept
    errors: list[InputProblem] = []
    seen: dict[tuple[str, FiscalYear, pendulum.Date | None], tuple[str, Observation]] = {}
    observations: list[Observation] = []
    for location, row in rows:
        before = len(errors)
        obs = _row_observation(row, plan, location, errors)
        if obs is None or len(errors) > before:
            continue
        key = (obs.indicator_id, obs.fiscal_year, obs.as_of)
        if key in seen:
            where, other = seen[key]
            if other.value != obs.value:
                errors.append(
                    InputProblem(
                        location,
                        "value",
                        str(row.get("value", "")),
                        f"{where} gives a different value for {obs.indicator_id} in "
                        f"{obs.fiscal_year}" + (f" as of {obs.as_of}" if obs.as_of else ""),
                    )
                )
            continue
        seen[key] = (location, obs)
        observations.append(obs)
    if keep_valid:
        bad = {e.location for e in errors}
        valid = tuple(o for o in observations if _location_of(seen, o) not in bad)
        return ReadResult(valid, tuple(errors), tuple(skipped))
    if errors:
        raise ObservationsError(errors)
    return ReadResult(tuple(observations), (), tuple(skipped))


def _location_of(
    seen: Mapping[tuple[str, FiscalYear, pendulum.Date | None], tuple[str, Observation]],
    obs: Observation,
) -> str:
    return seen[(obs.indicator_id, obs.fiscal_year, obs.as_of)][0]


def _csv_rows(text: str, name: str) -> Iterable[tuple[str, Mapping[str, object]]]:
    text = text.removeprefix("\ufeff")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in _REQUIRED if c not in header]
    if missing:
        raise ObservationsError(
            [
                InputProblem(
                    f"{name}, header",
                    None,
                    ",".join(header),
                    f"missing column(s) {', '.join(missing)}: the header must start "
                    f"{','.join(_REQUIRED)} (then optional as_of,source,note)",
                )
            ]
        )
    reader.fieldnames = header
    for row in reader:
        if not any((v or "").strip() for k, v in row.items() if k in _REQUIRED):
            continue  # a blank line
        yield f"{name}, row {reader.line_num}", row


def parse_observations_csv(
    text: str,
    plan: Plan,
    *,
    keep_valid: bool = False,
    skip_empty: bool = False,
    name: str = "<text>",
) -> ReadResult:
    """Read observations from CSV text, checked against ``plan``; ``name`` labels problems.

    With problems, raises :class:`~fukuoka_dx.errors.ObservationsError` listing all of them,
    unless ``keep_valid``: then the result lists them in ``rejected``.
    """
    rows: list[tuple[str, Mapping[str, object]]] = []
    parsed = _csv_rows(text, name)
    try:
        rows.extend(parsed)
    except csv.Error as exc:
        at = f"{name}, row {len(rows) + 2}"
        raise ObservationsError([InputProblem(at, None, "", f"not valid CSV: {exc}")]) from None
    return _collect(rows, plan, keep_valid, skip_empty)


def parse_observations_json(
    text: str,
    plan: Plan,
    *,
    keep_valid: bool = False,
    skip_empty: bool = False,
    name: str = "<text>",
) -> ReadResult:
    """Read observations from JSON text: an array of objects with the CSV's columns as keys."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ObservationsError(
            [InputProblem(f"{name}, line {exc.lineno}", None, "", f"not JSON: {exc.msg}")]
        ) from None
    if not isinstance(data, list):
        raise ObservationsError(
            [InputProblem(name, None, "", "expected a JSON array of observation objects")]
        )
    rows: list[tuple[str, Mapping[str, object]]] = []
    errors: list[InputProblem] = []
    for i, item in enumerate(data):
        loc = f"{name}, [{i}]"
        if not isinstance(item, dict):
            errors.append(InputProblem(loc, None, "", "expected an object"))
            continue
        unknown = sorted(set(item) - set(OBSERVATION_COLUMNS))
        if unknown:
            errors.append(InputProblem(loc, None, "", f"unknown key(s) {', '.join(unknown)}"))
            continue
        rows.append((loc, item))
    if errors and not keep_valid:
        # report the shape errors together with the row errors
        try:
            _collect(rows, plan, False, skip_empty)
        except ObservationsError as exc:
            errors.extend(exc.problems)
        raise ObservationsError(errors)
    result = _collect(rows, plan, keep_valid, skip_empty)
    return attrs.evolve(result, rejected=tuple(errors) + result.rejected)


def read_observations_csv(
    file: File, plan: Plan, *, keep_valid: bool = False, skip_empty: bool = False
) -> ReadResult:
    """Read a CSV observations file (a path or an open text file); see
    :func:`parse_observations_csv`."""
    text, name = _read_text(file)
    return parse_observations_csv(
        text, plan, keep_valid=keep_valid, skip_empty=skip_empty, name=name
    )


def read_observations_json(
    file: File, plan: Plan, *, keep_valid: bool = False, skip_empty: bool = False
) -> ReadResult:
    """Read a JSON observations file (a path or an open text file); see
    :func:`parse_observations_json`."""
    text, name = _read_text(file)
    return parse_observations_json(
        text, plan, keep_valid=keep_valid, skip_empty=skip_empty, name=name
    )


def read_observations(
    path: str | os.PathLike[str], plan: Plan, *, keep_valid: bool = False, skip_empty: bool = False
) -> ReadResult:
    """Read a ``.csv`` or ``.json`` observations file, by its suffix."""
    p = Path(path)
    if p.suffix.lower() == ".json":
        return read_observations_json(p, plan, keep_valid=keep_valid, skip_empty=skip_empty)
    if p.suffix.lower() in (".csv", ".txt", ""):
        return read_observations_csv(p, plan, keep_valid=keep_valid, skip_empty=skip_empty)
    raise ObservationsError(
        [InputProblem(str(p), None, "", "expected a .csv or .json observations file")]
    )


def _read_text(file: File) -> tuple[str, str]:
    """The text of a file and the name to give it in messages."""
    if isinstance(file, str | os.PathLike):
        path = Path(file)
        try:
            return path.read_text("utf-8-sig"), str(path)
        except UnicodeDecodeError as exc:
            raise ObservationsError(
                [InputProblem(str(path), None, "", f"not UTF-8 text: {exc.reason}")]
            ) from None
        except OSError as exc:
            raise ObservationsError(
                [InputProblem(str(path), None, "", f"cannot read the file: {exc.strerror}")]
            ) from None
    return file.read(), str(getattr(file, "name", "<stream>"))


def write_observations_csv(observations: Iterable[Observation]) -> str:
    """CSV text that :func:`parse_observations_csv` reads back to the same observations."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(OBSERVATION_COLUMNS)
    for o in observations:
        writer.writerow(
            [
                o.indicator_id,
                o.fiscal_year.year,
                value_text(o.value),
                o.as_of.isoformat() if o.as_of else "",
                o.source or "",
                o.note or "",
            ]
        )
    return out.getvalue()
