"""Plan editions: the packaged ones, read from inside the package on first use and cached, and
those a user supplies as a file; crosswalk files.

>>> plan = load_plan()
>>> plan.edition, len(plan.pillars), len(plan.promotion_items)
('2023-09', 5, 54)
>>> load_plan() is plan
True

Several editions can be loaded at once; each is cached by its id. A user's own edition
(:func:`load_plan_file`) is never cached and never stands in for a packaged one.
"""

from __future__ import annotations

import functools
import json
import os
import re
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from fukuoka_dx import _plan_reader
from fukuoka_dx.crosswalk import Crosswalk
from fukuoka_dx.errors import InvalidValueError, JSONFormatError, UnknownEditionError
from fukuoka_dx.model import Plan
from fukuoka_dx.schedule import MissingCell, parse_cell
from fukuoka_dx.targets import MissingTarget, parse_target

__all__ = [
    "PackagedEdition",
    "editions",
    "latest_edition",
    "load_plan",
    "load_plan_file",
    "read_crosswalk",
    "read_plan_bytes",
    "reading_problems",
]

if TYPE_CHECKING:
    from pathlib import Path

_T = TypeVar("_T")
_FILE: Final = re.compile(r"^plan-(?P<edition>\d{4}-\d{2})\.json$")


@attrs.frozen
class PackagedEdition:
    """A plan edition shipped in the package: its id and the digest of its data (what
    :attr:`Plan.digest <fukuoka_dx.model.Plan.digest>` of :func:`load_plan` gives)."""

    edition: str
    digest: str


#: The packaged data, where the package is installed as files (the usual case).
_DATA: Final = os.path.join(os.path.dirname(__file__), "data")


def _data_names() -> list[str]:
    """The names of the packaged data files. Read with :mod:`os` where the package is files:
    importing :mod:`importlib.resources` costs a fresh process more than the plan's reading."""
    if os.path.isdir(_DATA):
        return os.listdir(_DATA)
    from importlib import resources  # a package in a zip file, or the like

    return [entry.name for entry in resources.files("fukuoka_dx").joinpath("data").iterdir()]


def _data_bytes(name: str) -> bytes:
    """A packaged data file's bytes (as :func:`_data_names` finds them)."""
    if os.path.isdir(_DATA):
        with open(os.path.join(_DATA, name), "rb") as file:
            return file.read()
    from importlib import resources

    return resources.files("fukuoka_dx").joinpath("data", name).read_bytes()


@functools.cache
def _edition_ids() -> tuple[str, ...]:
    return tuple(sorted(m["edition"] for name in _data_names() if (m := _FILE.match(name))))


@functools.cache
def editions() -> tuple[PackagedEdition, ...]:
    """The plan editions shipped in the package, oldest first, each with its digest. The
    digest is read from the file (the SHA-256 of its canonical JSON), without loading it."""
    import hashlib  # on first use: loading a plan does not need it

    return tuple(
        PackagedEdition(e, hashlib.sha256(read_plan_bytes(e).removesuffix(b"\n")).hexdigest())
        for e in _edition_ids()
    )


def latest_edition() -> str:
    """The newest edition shipped in the package (``'2023-09'``)."""
    return _edition_ids()[-1]


def read_plan_bytes(edition: str | None = None) -> bytes:
    """The packaged JSON of an edition (default: the latest), as stored."""
    return _edition_bytes(edition or latest_edition())


def _edition_bytes(edition: str) -> bytes:
    if edition not in _edition_ids():
        available = ", ".join(_edition_ids())
        raise UnknownEditionError(
            f"no plan edition {edition!r} in this package; available: {available}"
        )
    return _data_bytes(f"plan-{edition}.json")


def _load(edition: str) -> Plan:
    """Build an edition from its packaged JSON (uncached: :func:`load_plan` keeps it).

    The packaged data is read by code made from the model at build time
    (:mod:`fukuoka_dx._plan_reader`), which spares a fresh process the general reader's
    import and set-up; should it fail, the general reader reads it and says why."""
    data = json.loads(_edition_bytes(edition))
    try:
        return _plan_reader.read_plan(data)
    except Exception:  # not reached for packaged data the build checked
        return _structure(data, Plan, what=f"packaged plan edition {edition}")


#: Held while an edition is first built, so that threads asking at once get one plan object.
_BUILDING: Final = threading.Lock()
#: The editions built so far (the fast path of :func:`load_plan`, read without the lock).
_built: dict[str, Plan] = {}


def load_plan(edition: str | None = None) -> Plan:
    """A packaged plan edition (``"2023-09"``); the latest when ``edition`` is omitted.
    Cached: every call, from any thread, gets the same object (the first calls, made at once
    from several threads, build it once). A file of one's own is :func:`load_plan_file`'s."""
    key = latest_edition() if edition is None else edition
    plan = _built.get(key)
    if plan is not None:
        return plan
    with _BUILDING:
        if key not in _built:  # another thread may have built it while this one waited
            _built[key] = _load(key)
        return _built[key]


# -- files of one's own -----------------------------------------------------------------------

File = str | os.PathLike[str]


def load_plan_file(path: File, *, override: bool = False) -> Plan:
    """A plan edition from a JSON file in the published form: what ``to_json(plan)`` writes,
    described by :func:`~fukuoka_dx.report.opendata.plan_json_schema`.

    The file goes through the checks the packaged data passes (every field, id and rule of
    the model, and every cell's text read again as the plan's cells are read), and each
    problem is reported with its JSON path (``$.initiatives[3].title``) in one
    :class:`~fukuoka_dx.errors.JSONFormatError`. A key given twice and ``NaN`` are refused,
    never read as one of the values.

    The plan has its own digest. A file whose edition id is one the package ships, with other
    data, is refused: a user edition never stands in for a packaged one silently. With
    ``override=True`` it is read all the same; :func:`load_plan` still gives the packaged one.
    """
    from pathlib import Path

    p = Path(path)
    what = f"plan edition {p}"
    plan = _structure(_read_json(p, what), Plan, what=what)
    problems = reading_problems(plan)
    if problems:
        raise JSONFormatError(f"cannot read {what}", [f"{m} @ $.{at}" for at, m in problems])
    if plan.edition in _edition_ids() and not override:
        packaged = load_plan(plan.edition)
        if packaged.digest != plan.digest:
            raise InvalidValueError(
                f"{p}: edition {plan.edition} is one this package ships, with other data "
                f"(digest {plan.digest[:12]}…, the packaged one {packaged.digest[:12]}…): "
                "give the file an edition id of its own, or read it with override=True "
                f"(load_plan({plan.edition!r}) still gives the packaged one)"
            )
    return plan


def read_crosswalk(path: File) -> Crosswalk:
    """A crosswalk from its JSON file (see :mod:`fukuoka_dx.crosswalk` for the form); each
    problem is reported with its JSON path."""
    from pathlib import Path

    p = Path(path)
    what = f"crosswalk {p}"
    return _structure(_read_json(p, what), Crosswalk, what=what)


def reading_problems(plan: Plan) -> list[tuple[str, str]]:
    """Every cell whose published text does not read as the cell it is given as, each at
    its path in the plan's JSON (``initiatives[3].indicators[0].midterm``): a figure whose
    text says another figure, a kind its text cannot have, a schedule cell of another kind.
    The packaged data is read from the texts, so it has none; a file of one's own is held to
    the same."""
    return list(_reading_problems(plan))


def _reading_problems(plan: Plan) -> Iterator[tuple[str, str]]:
    for i, ini in enumerate(plan.initiatives):
        for k, ind in enumerate(ini.indicators):
            for column in ("baseline", "midterm", "final"):
                cell = getattr(ind, column)
                if isinstance(cell, MissingTarget):
                    continue
                at = f"initiatives[{i}].indicators[{k}].{column}"
                try:
                    read: object = parse_target(cell.text, cell.kind)
                except ValueError as exc:
                    yield at, f"{ind.id} {column}: {exc}"
                    continue
                if read != cell:
                    yield at, f"{ind.id} {column}: {_disagreement(cell, read)}"
        for r, row in enumerate(ini.schedule.rows):
            for c, sc in enumerate(row.cells):
                if isinstance(sc, MissingCell):
                    continue
                read = parse_cell(sc.text)
                if read != sc:
                    at = f"initiatives[{i}].schedule.rows[{r}].cells[{c}]"
                    yield at, f"{ini.id} schedule row {r + 1}: {_disagreement(sc, read)}"


def _disagreement(given: Any, read: Any) -> str:
    """What a cell gives that its text does not say."""
    if type(given) is not type(read):
        return f"the text {given.text!r} reads as {read.kind.value}, not {given.kind.value}"
    fields = [
        f.name for f in attrs.fields(type(given)) if getattr(given, f.name) != getattr(read, f.name)
    ]
    said = ", ".join(f"{n} {getattr(read, n)!r}" for n in fields)
    gave = ", ".join(f"{n} {getattr(given, n)!r}" for n in fields)
    return f"the text {given.text!r} reads as {said}, but the cell gives {gave}"


def _structure(data: object, cls: type[_T], *, what: str) -> _T:
    """The general reader (cattrs), imported on first use: a packaged plan does not need it."""
    from fukuoka_dx.serialization import structure

    return structure(data, cls, what=what)


# -- strict JSON ------------------------------------------------------------------------------


class _Repeats(dict[str, Any]):
    """An object of the file that gives a key more than once (kept to be reported)."""

    repeated: tuple[str, ...] = ()


@attrs.frozen
class _Constant:
    """``NaN`` or ``Infinity`` in the file (kept to be reported)."""

    name: str


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    repeated = tuple(sorted({k for k in keys if keys.count(k) > 1}))
    if not repeated:
        return dict(pairs)
    out = _Repeats(pairs)
    out.repeated = repeated
    return out


def _read_json(path: Path, what: str) -> Any:
    """The JSON of a file, with every key given twice and every ``NaN`` reported at its
    path rather than read."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise JSONFormatError(
            f"cannot read {what}", [f"cannot read the file: {exc.strerror}"]
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise JSONFormatError(
            f"cannot read {what}", [f"not UTF-8: byte {raw[exc.start]:#04x} at offset {exc.start}"]
        ) from None
    try:
        data = json.loads(text, object_pairs_hook=_object, parse_constant=_Constant)
    except json.JSONDecodeError as exc:
        raise JSONFormatError(
            f"cannot read {what}", [f"not JSON: line {exc.lineno} column {exc.colno}: {exc.msg}"]
        ) from None
    problems = list(_strict_problems(data, "$"))
    if problems:
        raise JSONFormatError(f"cannot read {what}", problems)
    return data


def _strict_problems(value: Any, path: str) -> Iterator[str]:
    if isinstance(value, _Constant):
        yield f"{value.name} is not a number JSON allows @ {path}"
    elif isinstance(value, dict):
        if isinstance(value, _Repeats):
            yield f"key(s) {', '.join(value.repeated)} given twice in one object @ {path}"
        for key, item in value.items():
            yield from _strict_problems(item, f"{path}.{key}")
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _strict_problems(item, f"{path}[{n}]")
