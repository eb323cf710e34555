"""Observation files: CSV and JSON readers, and the writers.

CSV has the header ``indicator_id,fiscal_year,value`` then the optional
``as_of,source,note``; other columns, such as a template's ``# name``, are ignored. JSON is an
array of objects with the same keys (what ``to_json`` of a list of observations writes). A
file is UTF-8, with or without a BOM, or Shift_JIS (cp932) as Excel saves 「CSV (カンマ区切り)」,
or EUC-JP; the encoding is detected unless given, and a file whose encoding cannot be told
(EUC-JP or Shift_JIS, lines of UTF-8 and of Shift_JIS mixed) is refused, never guessed. A
workbook, UTF-16 text and other files that are not text are recognised by their bytes. Full-
width characters in ids, years, figures and dates are read as their half-width forms.

Reading is strict and never changes a value: a row whose field count differs from the
header's, an unclosed quote, a value that could be read only by dropping characters, a
thousands or decimal comma that spills into the next column are each an error naming the
file (and the encoding it was read in, when not UTF-8), the line and the column, quoting the
cell as written. Every row then goes through the same checks as observations given in Python
(:mod:`fukuoka_dx.observations.checks`).

``read_*`` take a file (a path, or a file open in text or in binary mode); ``parse_*`` take
the text itself; each takes a ``progress`` hook for long files. All return a
:class:`~fukuoka_dx.observations.rows.ReadResult`.

>>> from fukuoka_dx import load_plan
>>> result = parse_observations_csv(
...     "indicator_id,fiscal_year,value\\n1-1-3.1,R5,\\"12,000\\"\\n", load_plan())
>>> obs, = result.observations
>>> obs.indicator_id, obs.fiscal_year, obs.value
('1-1-3.1', FiscalYear(2023), Figure(value=12000.0))
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Final, NoReturn, TextIO, cast

import attrs

from fukuoka_dx.errors import (
    InputProblem,
    InputTypeError,
    ObservationsError,
)
from fukuoka_dx.model import Plan
from fukuoka_dx.observations.round_json import is_round_text, read_round_result
from fukuoka_dx.observations.rows import ReadProgress, ReadResult, SourceRow, read_rows
from fukuoka_dx.observations.spreadsheet import (
    column_of_header,
    not_text,
    read_observations_xlsx,
)
from fukuoka_dx.observations.values import (
    EDITION_COLUMNS,
    OBSERVATION_COLUMNS,
    Observation,
    value_text,
)

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
#: (case, ``-`` and ``_`` aside): UTF-8 (a BOM is allowed), Shift_JIS as Windows and Excel
#: write it (cp932), and EUC-JP, each with the codec that reads it.
ENCODINGS: Final = {
    "utf-8": "utf-8-sig",
    "cp932": "cp932",
    "shift_jis": "cp932",
    "euc-jp": "euc_jp",
}


def _codec(encoding: str) -> str | None:
    def key(name: str) -> str:
        return name.lower().replace("-", "").replace("_", "")

    return next((codec for name, codec in ENCODINGS.items() if key(name) == key(encoding)), None)


#: A file to read: a path, or a file open for reading, in text mode or in binary mode (its
#: encoding is then detected, as a path's is).
File = str | os.PathLike[str] | TextIO | IO[bytes]


# -- CSV --------------------------------------------------------------------------------------

_THOUSANDS: Final = re.compile(r"^[+-]?\d{1,3}$")
_GROUP: Final = re.compile(r"^\d{3}(?:\.\d+)?$")
_WHOLE: Final = re.compile(r"^[+-]?\d+$")
_DIGITS: Final = re.compile(r"^\d+$")


def _split_thousands(fields: list[str], at: int, extra: int) -> str | None:
    """``1,234`` written unquoted in the value column, if that explains ``extra`` fields."""
    parts = [unicodedata.normalize("NFKC", f).strip() for f in fields[at : at + extra + 1]]
    explained = len(parts) == extra + 1 and _THOUSANDS.match(parts[0])
    if explained and all(_GROUP.match(p) for p in parts[1:]):
        return ",".join(parts)
    return None


def _split_decimal(fields: list[str], at: int, columns: list[str]) -> str | None:
    """``55,5`` written with a decimal comma, unquoted, so that the value column holds 55 and
    the next field 5 (not a group of three: that is a thousands separator)."""
    if at + 1 >= len(fields):
        return None
    whole, rest = (unicodedata.normalize("NFKC", f).strip() for f in fields[at : at + 2])
    if not (_WHOLE.match(whole) and _DIGITS.match(rest)) or len(rest) == 3:
        return None
    if at + 1 < len(columns) and columns[at + 1] == "as_of" and len(rest) == 8:
        return None  # 20260331: a date in the as-of column
    return f"{whole},{rest}"


def _decimal_comma(joined: str, next_column: str | None) -> str:
    whole, rest = joined.split(",")
    where = f"the next column ({next_column})" if next_column else "the next field"
    return (
        f"the value reads {whole} and {where} {rest}: a decimal is written with a point "
        f"({whole}.{rest}), not a comma; if {rest} belongs in {next_column or 'that column'}, "
        f"write it so that it cannot be taken for decimals (such as {rest}件)"
    )


def _header_hint(header: list[str]) -> str:
    """A hint for a header that names no column: a file separated by tabs or semicolons."""
    if len(header) == 1:
        for sep, what in (("\t", "tabs"), (";", "semicolons")):
            if sep in header[0]:
                return f"; the columns are separated by {what}: save the file as CSV (commas)"
    return ""


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
                f"{','.join(_REQUIRED)} (then optional as_of,source,note)" + _header_hint(header)
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
    written = ",".join(fields[at : at + 2])
    joined = _split_thousands(fields, at, 1)
    if joined is None:
        decimal = _split_decimal(fields, at, columns)
        if decimal is None:
            return None
        return InputProblem("", "value", written, _decimal_comma(decimal, columns[at + 1]))
    return InputProblem(
        "",
        "value",
        written,
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
        written = ",".join(fields[at : at + n - m + 1])
        joined = _split_thousands(fields, at, n - m)
        if joined is not None:
            return InputProblem(
                location,
                "value",
                written,
                f"the row has {n} fields for {m} columns: a figure with a thousands separator "
                f'must be quoted ("{joined}") or written without it '
                f"({joined.replace(',', '')})",
            )
        decimal = _split_decimal(fields, at, columns) if n == m + 1 else None
        if decimal is not None:
            whole, rest = decimal.split(",")
            return InputProblem(
                location,
                "value",
                written,
                f"the row has {n} fields for {m} columns: the value reads {whole} and the next "
                f"field {rest}; a decimal is written with a point ({whole}.{rest}), not a comma",
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


def _text_given(text: object, reader: str) -> str:
    """``text`` if it is text; anything else (bytes, a path, an open file) is refused saying
    which reader takes it."""
    if isinstance(text, str):
        return text
    what = type(text).__name__
    if isinstance(text, bytes | bytearray):
        hint = f"decode it, or give the file to read_{reader} (which detects its encoding)"
    else:
        hint = f"give a path or an open file to read_{reader}"
    raise InputTypeError(f"parse_{reader} takes the text itself (str), got {what}: {hint}")


def parse_observations_csv(
    text: str,
    plan: Plan,
    *,
    keep_valid: bool = False,
    skip_empty: bool = False,
    name: str = "<text>",
    progress: ReadProgress | None = None,
) -> ReadResult:
    """Read observations from CSV text, checked against ``plan``; ``name`` labels problems.

    With problems, raises :class:`~fukuoka_dx.errors.ObservationsError` listing all of them,
    unless ``keep_valid``: then the result lists them in ``rejected``. ``progress`` is called
    as the rows are read (:data:`~fukuoka_dx.observations.rows.ReadProgress`).
    """
    read = list(_csv_rows(_text_given(text, "observations_csv"), name))
    rows = [r for r in read if isinstance(r, SourceRow)]
    problems = [p for p in read if isinstance(p, InputProblem)]
    return read_rows(
        rows,
        plan,
        keep_valid=keep_valid,
        skip_empty=skip_empty,
        problems=problems,
        progress=progress,
    )


# -- JSON -------------------------------------------------------------------------------------


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    if repeated:
        raise ValueError(f"key(s) {', '.join(repeated)} given twice in one object")
    return dict(pairs)


def _json_constant(name: str) -> None:
    raise ValueError(f"{name} is not a figure")


class _JSONNumber(Decimal):
    """A number of a JSON file, exactly as written: its value a decimal (never a float
    rounded on the way in), its text the digits of the file (``1e400``, quoted so)."""

    _text: str

    def __new__(cls, text: str) -> _JSONNumber:
        number = super().__new__(cls, text)
        number._text = text
        return number

    def __str__(self) -> str:
        return self._text


def _json_year(value: object) -> object:
    """A JSON number written as a whole number (``2025``) as an int; any other value as it is,
    for the fiscal year reader to read or refuse."""
    if isinstance(value, Decimal) and value.as_tuple().exponent == 0 and len(str(value)) < 8:
        return int(value)
    return value


def parse_observations_json(
    text: str,
    plan: Plan,
    *,
    keep_valid: bool = False,
    skip_empty: bool = False,
    name: str = "<text>",
    progress: ReadProgress | None = None,
) -> ReadResult:
    """Read observations from JSON text: an array of objects with the CSV's columns as keys
    (the form ``to_json`` writes for observations). Each object must have the keys
    ``indicator_id``, ``fiscal_year`` and ``value``; ``value`` may be ``null`` in an unfilled
    entry, left out with ``skip_empty``. Numbers are read exactly as written: one a figure
    cannot hold exactly (hundreds of digits, ``1e400``) is a problem of its row."""
    try:
        data = json.loads(
            _text_given(text, "observations_json").removeprefix("\ufeff"),
            object_pairs_hook=_json_object,
            parse_constant=_json_constant,
            parse_float=_JSONNumber,
            parse_int=_JSONNumber,
        )
    except json.JSONDecodeError as exc:
        raise ObservationsError(
            [InputProblem(f"{name}, line {exc.lineno}", None, "", f"not JSON: {exc.msg}")]
        ) from None
    except RecursionError:
        why = "nested too deeply: expected a JSON array of observation objects"
        raise ObservationsError([InputProblem(name, None, "", why)]) from None
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
        unknown = sorted(set(item) - {*OBSERVATION_COLUMNS, *EDITION_COLUMNS})
        if unknown:
            problems.append(InputProblem(loc, None, "", f"unknown key(s) {', '.join(unknown)}"))
            continue
        missing = [k for k in _REQUIRED if k not in item]
        if missing:
            why = f"missing key(s) {', '.join(missing)}: an observation has {', '.join(_REQUIRED)}"
            problems.append(InputProblem(loc, missing[0], "", why))
            continue
        for key in ("indicator_id", "as_of", "source", "note", *EDITION_COLUMNS):
            if item.get(key) is not None and not isinstance(item[key], str):
                problems.append(InputProblem(loc, key, str(item[key]), "expected text"))
        rows.append(SourceRow(loc, {**item, "fiscal_year": _json_year(item["fiscal_year"])}))
    return read_rows(
        rows,
        plan,
        keep_valid=keep_valid,
        skip_empty=skip_empty,
        problems=problems,
        progress=progress,
    )


# -- files ------------------------------------------------------------------------------------


def _refuse(location: str, why: str, text: str = "") -> NoReturn:
    raise ObservationsError([InputProblem(location, None, text, why)])


def _line_of(data: bytes, at: int) -> int:
    return data.count(b"\n", 0, at) + 1


def _is_japanese(ch: str) -> bool:
    """A character that UTF-8 writes in three bytes or more (kana, kanji, full-width forms):
    bytes of Shift_JIS text seldom happen to form one."""
    return ord(ch) >= 0x800


def _mixed(data: bytes) -> tuple[int, int] | None:
    """The first line of UTF-8 text and the first line that is not UTF-8, where a file holds
    both (lines pasted from another file); ``None`` otherwise."""
    utf8 = other = None
    if data.startswith(b"\xef\xbb\xbf"):
        utf8 = 1  # the byte-order mark says UTF-8
    for n, line in enumerate(data.split(b"\n"), 1):
        if line.isascii():
            continue
        try:
            decoded = line.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError:
            other = other or n
        else:
            if any(_is_japanese(ch) for ch in decoded):
                utf8 = utf8 or n
        if utf8 and other:
            return utf8, other
    return None


def _first_difference(one: str, two: str) -> tuple[str, str]:
    """The first line where two decodings of a file differ, as each reads it (shortened)."""
    for a, b in zip(one.splitlines(), two.splitlines(), strict=False):
        if a != b:
            return a[:40], b[:40]
    return one[:40], two[:40]


def _detect(data: bytes, name: str) -> tuple[str, str]:
    """The text of a file's bytes and its encoding, where it can be told: UTF-8, else
    Shift_JIS (cp932) or EUC-JP where only one of them reads it. Two that read it (they
    give different text) and lines of UTF-8 among others are refused, never guessed."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        failure = exc
    mixed = _mixed(data)
    if mixed is not None:
        utf8, other = mixed
        _refuse(
            f"{name}, line {other}",
            f"the file mixes encodings: line {utf8} is UTF-8 and line {other} is not (lines "
            f"pasted from a file saved otherwise?): save the whole file in one encoding, as "
            f"UTF-8",
        )
    decoded: dict[str, str] = {}
    for candidate in ("cp932", "euc-jp"):
        with contextlib.suppress(UnicodeDecodeError):
            decoded[candidate] = data.decode(ENCODINGS[candidate])
    if len(decoded) == 2:
        sjis, euc = _first_difference(decoded["cp932"], decoded["euc-jp"])
        _refuse(
            name,
            f"the encoding cannot be told: the file reads as Shift_JIS (cp932) and as EUC-JP, "
            f"which give different text ({sjis!r} or {euc!r}): save the file as UTF-8, or "
            f"give its encoding (cp932 or euc-jp)",
        )
    for used, text in decoded.items():
        return text, used
    _refuse(
        f"{name}, line {_line_of(data, failure.start)}",
        f"cannot be read as UTF-8, Shift_JIS (cp932) or EUC-JP: byte "
        f"{data[failure.start]:#04x} (save the file as UTF-8, or give its encoding)",
    )


def _decode(data: bytes, name: str, encoding: str | None) -> tuple[str, str]:
    """The text of a file's bytes and the encoding it was read in: ``encoding`` where given,
    else the one detected (:func:`_detect`). Bytes that are no text (a workbook, UTF-16) are
    refused saying what they are."""
    if (what := not_text(data)) is not None:
        _refuse(name, what)
    if encoding is None:
        return _detect(data, name)
    codec = _codec(encoding)
    if codec is None:
        _refuse(name, f"unknown encoding: expected one of {', '.join(ENCODINGS)}", encoding)
    try:
        return data.decode(codec), next(n for n, c in ENCODINGS.items() if c == codec)
    except UnicodeDecodeError as exc:
        _refuse(
            f"{name}, line {_line_of(data, exc.start)}",
            f"cannot be read as {encoding}: byte {data[exc.start]:#04x} "
            f"(save the file as UTF-8, or give its encoding)",
        )


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        _refuse(str(path), f"cannot read the file: {exc.strerror}")


def _path_given(file: object, reader: str) -> Path | None:
    """The path ``file`` names, ``None`` for an open file; refused when it is neither."""
    if isinstance(file, str):
        if "\n" in file:
            raise InputTypeError(
                f"{reader} takes a path or an open file, and this text holds a line break: to "
                f"read the text itself, use parse_{reader.removeprefix('read_')}"
            )
        return Path(file)
    if isinstance(file, os.PathLike):
        return Path(file)
    if callable(getattr(file, "read", None)):
        return None
    raise InputTypeError(
        f"{reader} takes a path or an open file, got {type(file).__name__}"
        + (": to read bytes, open them as io.BytesIO(data)" if isinstance(file, bytes) else "")
    )


def _read_text(file: File, encoding: str | None, reader: str) -> tuple[str, str, str | None]:
    """The text of a file, the name to give it in messages, and the encoding it was read in
    (``None`` for an open text file, which is decoded already)."""
    path = _path_given(file, reader)
    if path is not None:
        text, used = _decode(_read_bytes(path), str(path), encoding)
        return text, str(path), used
    name = str(getattr(file, "name", "<stream>"))
    content = cast(IO[Any], file).read()
    if isinstance(content, bytes | bytearray):  # a file opened in binary mode
        text, used = _decode(bytes(content), name, encoding)
        return text, name, used
    if not isinstance(content, str):
        raise InputTypeError(f"{reader}: the file gave {type(content).__name__}, not text")
    return content, name, None


def _named(name: str, encoding: str | None) -> str:
    """A file's name as problems give it: with the encoding it was read in, unless UTF-8."""
    return name if encoding in (None, "utf-8") else f"{name} (read as {encoding})"


def _read_file(
    parse: Callable[..., ReadResult],
    file: File,
    plan: Plan,
    keep_valid: bool,
    skip_empty: bool,
    encoding: str | None,
    progress: ReadProgress | None,
) -> ReadResult:
    """``parse`` the text of ``file``, named in problems by its path (and the encoding it was
    read in, unless UTF-8), and record that encoding."""
    reader = "read_observations_" + parse.__name__.removeprefix("parse_observations_")
    text, name, used = _read_text(file, encoding, reader)
    result = parse(
        text,
        plan,
        keep_valid=keep_valid,
        skip_empty=skip_empty,
        name=_named(name, used),
        progress=progress,
    )
    return attrs.evolve(result, encoding=used)


def read_observations_csv(
    file: File,
    plan: Plan,
    *,
    keep_valid: bool = False,
    skip_empty: bool = False,
    encoding: str | None = None,
    progress: ReadProgress | None = None,
) -> ReadResult:
    """Read a CSV observations file (a path, an open text file, or an open binary file whose
    encoding is detected as a path's is); see :func:`parse_observations_csv`. ``encoding``
    (one of :data:`ENCODINGS`) forces one."""
    return _read_file(
        parse_observations_csv, file, plan, keep_valid, skip_empty, encoding, progress
    )


def read_observations_json(
    file: File,
    plan: Plan,
    *,
    keep_valid: bool = False,
    skip_empty: bool = False,
    encoding: str | None = None,
    progress: ReadProgress | None = None,
) -> ReadResult:
    """Read a JSON observations file (a path, an open text file or an open binary file); see
    :func:`parse_observations_json`."""
    return _read_file(
        parse_observations_json, file, plan, keep_valid, skip_empty, encoding, progress
    )


#: The first bytes of an Excel workbook (.xlsx, a zip archive).
_WORKBOOK: Final = b"PK\x03\x04"


def read_observations(
    path: str | os.PathLike[str],
    plan: Plan,
    *,
    keep_valid: bool = False,
    skip_empty: bool = False,
    encoding: str | None = None,
    progress: ReadProgress | None = None,
) -> ReadResult:
    """Read a ``.csv``, ``.json`` or ``.xlsx`` observations file, by its suffix (a workbook
    needs the ``excel`` extra, and has no text encoding to give). A workbook is known by its
    bytes too: one saved with a ``.csv`` or ``.txt`` name is read as the workbook it is. A
    ``.json`` file that holds a reporting round (``fukuoka-dx collect`` writes one) is read as
    a round: the result holds its observations and the round itself
    (:attr:`~fukuoka_dx.observations.rows.ReadResult.round`)."""
    if not isinstance(path, str | os.PathLike):
        raise InputTypeError(
            f"read_observations takes a path, got {type(path).__name__}: for an open file, "
            f"use read_observations_csv, read_observations_json or read_observations_xlsx"
        )
    p = Path(path)
    options: dict[str, Any] = {
        "keep_valid": keep_valid,
        "skip_empty": skip_empty,
        "encoding": encoding,
        "progress": progress,
    }
    suffix = p.suffix.lower()
    if suffix in (".csv", ".txt", "") and _starts_with(p, _WORKBOOK):
        suffix = ".xlsx"  # a workbook saved under a text name
    if suffix == ".xlsx":
        if encoding is not None:
            why = "an Excel workbook is not text: an encoding does not apply"
            raise ObservationsError([InputProblem(str(p), None, encoding, why)])
        return read_observations_xlsx(
            p, plan, keep_valid=keep_valid, skip_empty=skip_empty, progress=progress
        )
    if suffix == ".json":
        if _holds_round(p):  # a round, as ``fukuoka-dx collect`` writes it
            return read_round_result(p, plan, encoding=encoding)
        return read_observations_json(p, plan, **options)
    if suffix in (".csv", ".txt", ""):
        return read_observations_csv(p, plan, **options)
    raise ObservationsError(
        [InputProblem(str(p), None, "", "expected a .csv, .json or .xlsx observations file")]
    )


def _starts_with(path: Path, magic: bytes) -> bool:
    """Whether the file at ``path`` starts with ``magic`` (``False`` where it cannot be
    read: reading it then says why)."""
    try:
        with path.open("rb") as f:
            return f.read(len(magic)) == magic
    except OSError:
        return False


def _holds_round(path: Path) -> bool:
    """Whether a ``.json`` file holds a round (an object) rather than observations."""
    try:
        with path.open("rb") as f:
            head = f.read(64)
    except OSError:
        return False  # the observations reader says why it cannot be read
    return is_round_text(head.decode("utf-8", errors="replace"))


def write_observations_csv(observations: Iterable[Observation]) -> str:
    """CSV text that :func:`parse_observations_csv` reads back to the same observations; the
    columns ``edition`` and ``digest`` follow when an observation records them."""
    given = list(observations)
    recorded = [c for c in EDITION_COLUMNS if any(getattr(o, c) is not None for o in given)]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*OBSERVATION_COLUMNS, *recorded])
    for o in given:
        writer.writerow(
            [
                o.indicator_id,
                o.fiscal_year.year,
                value_text(o.value),
                o.as_of.isoformat() if o.as_of else "",
                o.source or "",
                o.note or "",
                *(getattr(o, c) or "" for c in recorded),
            ]
        )
    return out.getvalue()


def write_observations_json(observations: Iterable[Observation]) -> str:
    """JSON text that :func:`parse_observations_json` reads back to the same observations:
    the same form as ``to_json`` of a list of observations."""
    data = [o.json_form() for o in observations]
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
