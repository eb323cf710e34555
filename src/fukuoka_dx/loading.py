"""The packaged plan editions, read from inside the package on first use and cached.

>>> plan = load_plan()
>>> plan.edition, len(plan.pillars), len(plan.promotion_items)
('2023-09', 5, 54)
>>> load_plan() is plan
True
"""

from __future__ import annotations

import functools
import json
import re
import threading
from importlib import resources
from typing import Final

from fukuoka_dx.errors import UnknownEditionError
from fukuoka_dx.model import Plan
from fukuoka_dx.serialization import structure

__all__ = ["editions", "latest_edition", "load_plan", "read_plan_bytes"]

_FILE: Final = re.compile(r"^plan-(?P<edition>\d{4}-\d{2})\.json$")


@functools.cache
def editions() -> tuple[str, ...]:
    """The plan editions shipped in the package, oldest first (``('2023-09',)``)."""
    found = (
        m["edition"]
        for entry in resources.files("fukuoka_dx").joinpath("data").iterdir()
        if (m := _FILE.match(entry.name))
    )
    return tuple(sorted(found))


def latest_edition() -> str:
    """The newest edition shipped in the package (``'2023-09'``)."""
    return editions()[-1]


def read_plan_bytes(edition: str | None = None) -> bytes:
    """The packaged JSON of an edition (default: the latest), as stored."""
    return _resource(edition or latest_edition()).read_bytes()


def _resource(edition: str) -> resources.abc.Traversable:
    if edition not in editions():
        raise UnknownEditionError(
            f"no plan edition {edition!r} in this package; available: {', '.join(editions())}"
        )
    return resources.files("fukuoka_dx").joinpath("data", f"plan-{edition}.json")


def _load(edition: str) -> Plan:
    """Build an edition from its packaged JSON (uncached: :func:`load_plan` keeps it)."""
    data = json.loads(_resource(edition).read_bytes())
    return structure(data, Plan, what=f"packaged plan edition {edition}")


#: Held while an edition is first built, so that threads asking at once get one plan object.
_BUILDING: Final = threading.Lock()
#: The editions built so far (the fast path of :func:`load_plan`, read without the lock).
_built: dict[str, Plan] = {}


def load_plan(edition: str | None = None) -> Plan:
    """A plan edition (``"2023-09"``); the latest when ``edition`` is omitted. Cached: every
    call, from any thread, gets the same object (the first calls, made at once from several
    threads, build it once)."""
    key = latest_edition() if edition is None else edition
    plan = _built.get(key)
    if plan is not None:
        return plan
    with _BUILDING:
        if key not in _built:  # another thread may have built it while this one waited
            _built[key] = _load(key)
        return _built[key]
