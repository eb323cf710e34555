"""Observation files: CSV and JSON readers, and the writers.

CSV has the header ``indicator_id,fiscal_year,value`` then the optional
``as_of,source,note``; other columns, such as a template's ``# name``, are ignored. JSON is an
array of objects with the same keys (what ``to_json`` of a list of observations writes). A
file is UTF-8, with or without a BOM, or Shift_JIS (cp932) as Excel saves 「CSV (カンマ区切り)」;
the encoding is detected unless given. Full-width characters in ids, years, figures and dates
are read as their half-width forms.

Reading is strict and never changes a value: a row whose field count differs from the
header's, an unclosed quote, a value that could be read only by dropping characters are each
an error naming the file, the line and the column. Every row then goes through the same
checks as observations given in Python (:mod:`fukuoka_dx.observations.checks`).

``read_*`` take a file (a path or an open text file); ``parse_*`` take the text itself. All
return a :class:`~fukuoka_dx.observations.rows.ReadResult`.

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
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Final, TextIO

import attrs

from fukuoka_dx.errors import (
    InputProblem,
    ObservationsError,
)
from fukuoka_dx.model import Plan
from fukuoka_dx.observations.rows import ReadResult, SourceRow, read_rows
from fukuoka_dx.observations.spreadsheet import column_of_header, read_observations_xlsx
from fukuoka_dx.observations.values import OBSERVATION_COLUMNS, Observation, value_text

__all__ = [
    "ENCODINGS",
    "OBSERVATION_COLUMNS",
    "ReadResult",
    "SourceRow",
    "parse_observations_csv",
    "parse_observations_json",
    "read_observations",
    "read_observations_csv",
    "read_observations_json",
    "read_rows",
    "write_observations_csv",
    "write_observations_json",
]

_REQUIRED: Final = OBSERVATION_COLUMNS[:3]

#: The encodings a file may be read in, by the names ``encoding=`` and ``--encoding`` take
#: (case, ``-`` and ``_`` aside): UTF-8 (a BOM is allowed) and Shift_JIS as Windows and Excel
#: write it (cp932), each with the codec that reads it.
ENCODINGS: Final = {"utf-8": "utf-8-sig", "cp932": "cp932", "shift_jis": "cp932"}


def _codec(encoding: str) -> str | None:
    def key(name: str) -> str:
        return name.lower().replace("-", "").replace("_", "")

    return next((codec for name, codec in ENCODINGS.items() if key(name) == key(encoding)), None)


#: A file to read: a path, or a text file open for reading.
File = str | os.PathLike[str] | TextIO


# -- CSV --------------------------------------------------------------------------------------

_THOUSANDS: Final = re.compile(r"^[+-]?\d{1,3}$")
_GROUP: Final = re.compile(r"^\d{3}(?:\.\d+)?$")


def _split_thousands(fields: list[str], at: int, extra: int) -> str | None:
    """``1,234`` written unquoted in the value column, if that explains ``extra`` fields."""
    parts = [unicodedata.normalize("NFKC", f).strip() for f in fields[at : at + extra + 1]]
    explained = len(parts) == extra + 1 and _THOUSANDS.match(parts[0])
    if explained and all(_GROUP.match(p) for p in parts[1:]):
        return ",".join(parts)
    return None


def _csv_rows(text: str, name: str) -> Iterator[SourceRow | InputProblem]:
    """The data rows of CSV text, each with its line; a row whose field count is not the
    header's comes as its problem. Text that is not CSV raises (nothing after it is sure)."""
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
    line = 1
    try:
        header = next(reader, None)
        if header is None:
            raise ObservationsError(
                [InputProblem(f"{name}, line 1", None, "", "the file is empty")]
            )
        columns = [column_of_header(h) for h in header]
        missing = [c for c in _REQUIRED if c not in columns]
        repeated = sorted({c for c in columns if c and columns.count(c) > 1})
        if missing or repeated:
            why = (
                f"missing column(s) {', '.join(missing)}: the header must start "
                f"{','.join(_REQUIRED)} (then optional as_of,source,note)"
                if missing
                else f"column(s) {', '.join(repeated)} given twice"
            )
            raise ObservationsError([InputProblem(f"{name}, line 1", None, ",".join(header), why)])
        line = reader.line_num + 1
        for fields in reader:
            location = f"{name}, line {line}"
            line = reader.line_num + 1
            if not any(f.strip() for f in fields):
                continue  # a blank line
            if len(fields) != len(columns):
                yield _shape_problem(location, fields, columns)
            elif (split := _split_value(fields, columns)) is not None:
                yield attrs.evolve(split, location=location)  # `21,000` unquoted
            else:
                yield SourceRow(location, dict(zip(columns, fields, strict=True)))
    except csv.Error as exc:
        raise ObservationsError(
            [InputProblem(f"{name}, line {line}", None, "", _csv_error(str(exc)))]
        ) from None


def _split_value(fields: list[str], columns: list[str]) -> InputProblem | None:
    """A figure written ``21,000`` without quotes where an optional column follows the value:
    the field count fits, but the value is ``21`` and ``000`` sits in the next column. Such a
    row is refused, never read as 21."""
    at = columns.index("value")
    if at + 1 >= len(fields):
        return None
    joined = _split_thousands(fields, at, 1)
    if joined is None:
        return None
    return InputProblem(
        "",
        "value",
        joined,
        f"the value reads {fields[at].strip()} and the next column {fields[at + 1].strip()}: "
        f'a figure with a thousands separator must be quoted ("{joined}") or written '
        f"without it ({joined.replace(',', '')})",
    )


def _csv_error(message: str) -> str:
    if "unexpected end of data" in message or "EOF inside string" in message:
        return 'a quoted value is not closed: a " opens it and no " closes it'
    return f"not valid CSV: {message}"


def _shape_problem(location: str, fields: list[str], columns: list[str]) -> InputProblem:
    n, m = len(fields), len(columns)
    if n > m:
        at = columns.index("value")
        joined = _split_thousands(fields, at, n - m)
        if joined is not None:
            return InputProblem(
                location,
                "value",
                joined,
                f"the row has {n} fields for {m} columns: a figure with a thousands separator "
                f'must be quoted ("{joined}") or written without it '
                f"({joined.replace(',', '')})",
            )
        return InputProblem(
            location,
            None,
            ",".join(fields),
            f"the row has {n} fields for {m} columns: quote a value that holds a comma",
        )
    return InputProblem(
        location,
        columns[n] if n < m else None,
        ",".join(fields),
        f"the row has {n} fields for {m} columns (the header is {','.join(columns)})",
    )


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
    read = list(_csv_rows(text, name))
    rows = [r for r in read if isinstance(r, SourceRow)]
    problems = [p for p in read if isinstance(p, InputProblem)]
    return read_rows(rows, plan, keep_valid=keep_valid, skip_empty=skip_empty, problems=problems)


# -- JSON -------------------------------------------------------------------------------------


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    if repeated:
        raise ValueError(f"key(s) {', '.join(repeated)} given twice in one object")
    return dict(pairs)


def _json_constant(name: str) -> None:
    raise ValueError(f"{name} is not a figure")


def parse_observations_json(
    text: str,
    plan: Plan,
    *,
    keep_valid: bool = False,
    skip_empty: bool = False,
    name: str = "<text>",
) -> ReadResult:
    """Read observations from JSON text: an array of objects with the CSV's columns as keys
    (the form ``to_json`` writes for observations)."""
    try:
        data = json.loads(
            text.removeprefix("\ufeff"),
            object_pairs_hook=_json_object,
            parse_constant=_json_constant,
        )
    except json.JSONDecodeError as exc:
        raise ObservationsError(
            [InputProblem(f"{name}, line {exc.lineno}", None, "", f"not JSON: {exc.msg}")]
        ) from None
    except ValueError as exc:
        raise ObservationsError([InputProblem(name, None, "", str(exc))]) from None
    if not isinstance(data, list):
        raise ObservationsError(
            [InputProblem(name, None, "", "expected a JSON array of observation objects")]
        )
    rows: list[SourceRow] = []
    problems: list[InputProblem] = []
    for i, item in enumerate(data):
        loc = f"{name}, [{i}]"
        if not isinstance(item, dict):
            problems.append(InputProblem(loc, None, "", "expected an object"))
            continue
        unknown = sorted(set(item) - set(OBSERVATION_COLUMNS))
        if unknown:
            problems.append(InputProblem(loc, None, "", f"unknown key(s) {', '.join(unknown)}"))
            continue
        for key in ("indicator_id", "as_of", "source", "note"):
            if item.get(key) is not None and not isinstance(item[key], str):
                problems.append(InputProblem(loc, key, str(item[key]), "expected text"))
        rows.append(SourceRow(loc, item))
    return read_rows(rows, plan, keep_valid=keep_valid, skip_empty=skip_empty, problems=problems)


# -- files ------------------------------------------------------------------------------------


def _decode(data: bytes, name: str, encoding: str | None) -> tuple[str, str]:
    """The text of a file's bytes, in ``encoding`` or else UTF-8 or, failing that, cp932."""
    candidates = [encoding] if encoding else ["utf-8", "cp932"]
    for candidate in candidates:
        codec = _codec(candidate)
        if codec is None:
            why = f"unknown encoding: expected one of {', '.join(ENCODINGS)}"
            raise ObservationsError([InputProblem(name, None, candidate, why)])
        try:
            return data.decode(codec), candidate
        except UnicodeDecodeError as exc:
            failure = exc
    line = data.count(b"\n", 0, failure.start) + 1
    said = f"as {encoding}" if encoding else "as UTF-8 or as Shift_JIS (cp932)"
    raise ObservationsError(
        [
            InputProblem(
                f"{name}, line {line}",
                None,
                "",
                f"cannot be read {said}: byte {data[failure.start]:#04x} "
                f"(save the file as UTF-8, or give its encoding)",
            )
        ]
    )


def _read_text(file: File, encoding: str | None) -> tuple[str, str, str | None]:
    """The text of a file, the name to give it in messages, and the encoding it was read in."""
    if isinstance(file, str | os.PathLike):
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ObservationsError(
                [InputProblem(str(path), None, "", f"cannot read the file: {exc.strerror}")]
            ) from None
        text, used = _decode(data, str(path), encoding)
        return text, str(path), used
    return file.read(), str(getattr(file, "name", "<stream>")), None


def _read_file(
    parse: Callable[..., ReadResult],
    file: File,
    plan: Plan,
    keep_valid: bool,
    skip_empty: bool,
    encoding: str | None,
) -> ReadResult:
    """``parse`` the text of ``file``, named in problems by its path, and record the encoding
    it was read in."""
    text, name, used = _read_text(file, encoding)
    result = parse(text, plan, keep_valid=keep_valid, skip_empty=skip_empty, name=name)
    return attrs.evolve(result, encoding=used)


def read_observations_csv(
    file: File,
    plan: Plan,
    *,
    keep_valid: bool = False,
    skip_empty: bool = False,
    encoding: str | None = None,
) -> ReadResult:
    """Read a CSV observations file (a path or an open text file); see
    :func:`parse_observations_csv`. ``encoding`` (``utf-8`` or ``cp932``) forces one."""
    return _read_file(parse_observations_csv, file, plan, keep_valid, skip_empty, encoding)


def read_observations_json(
    file: File,
    plan: Plan,
    *,
    keep_valid: bool = False,
    skip_empty: bool = False,
    encoding: str | None = None,
) -> ReadResult:
    """Read a JSON observations file (a path or an open text file); see
    :func:`parse_observations_json`."""
    return _read_file(parse_observations_json, file, plan, keep_valid, skip_empty, encoding)


def read_observations(
    path: str | os.PathLike[str],
    plan: Plan,
    *,
    keep_valid: bool = False,
    skip_empty: bool = False,
    encoding: str | None = None,
) -> ReadResult:
    """Read a ``.csv``, ``.json`` or ``.xlsx`` observations file, by its suffix (a workbook
    needs the ``excel`` extra, and has no text encoding to give)."""
    p = Path(path)
    options: dict[str, Any] = {
        "keep_valid": keep_valid,
        "skip_empty": skip_empty,
        "encoding": encoding,
    }
    if p.suffix.lower() == ".xlsx":
        if encoding is not None:
            why = "an Excel workbook is not text: an encoding does not apply"
            raise ObservationsError([InputProblem(str(p), None, encoding, why)])
        return read_observations_xlsx(p, plan, keep_valid=keep_valid, skip_empty=skip_empty)
    if p.suffix.lower() == ".json":
        return read_observations_json(p, plan, **options)
    if p.suffix.lower() in (".csv", ".txt", ""):
        return read_observations_csv(p, plan, **options)
    raise ObservationsError(
        [InputProblem(str(p), None, "", "expected a .csv, .json or .xlsx observations file")]
    )


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


def write_observations_json(observations: Iterable[Observation]) -> str:
    """JSON text that :func:`parse_observations_json` reads back to the same observations:
    the same form as ``to_json`` of a list of observations."""
    data = [o.json_form() for o in observations]
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
