"""Write ``src/fukuoka_dx/_plan_reader.py``: plain Python that builds a packaged plan from its
JSON, made from the model's attrs fields (``make data`` writes it, ``make data``'s check and
the tests compare it with what this makes now).

Why: the general reader (cattrs, in :mod:`fukuoka_dx.serialization`) costs its import and
the making of its hooks in every fresh process, before the first answer. The packaged data
is written by the build from the model and checked there, so it can be read by code that
only calls the constructors (each class's validators still run). A file of one's own still
goes through the general reader, which names the JSON path of each problem.
"""

from __future__ import annotations

import enum
import sys
import types
import typing
from pathlib import Path
from typing import Any

import attrs

from fukuoka_dx.fiscal_calendar import FiscalYear, YearMonth
from fukuoka_dx.model import Plan
from fukuoka_dx.serialization import has_own_form, is_tagged

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "src" / "fukuoka_dx" / "_plan_reader.py"

_HEAD = '''\
"""Build a packaged plan from its JSON without the general reader (made by
``tools/gen_plan_reader.py`` from the model's fields: do not edit; ``make data`` writes it).

Only the packaged data, which the build writes and checks, is read here; every class's own
validators still run. Anything else, or anything this cannot read, goes to the general reader.
"""

from __future__ import annotations

import threading
from typing import Any

'''


#: Classes of which a plan holds many equal values (a bureau per initiative, the same cell
#: text in many rows): read once per plan and shared, as frozen values can be.
_SHARED = frozenset({"Bureau", "ActivityCell", "CarryCell", "EmptyCell", "MarkerCell"})


#: An enum's members by value (what ``Enum(value)`` looks up, without the call).
_BY_VALUE = "_value2member_map_"


class _Writer:
    """The functions of the module, one per class or union met, in the order first met."""

    def __init__(self) -> None:
        self.imports: dict[str, set[str]] = {}
        self.functions: dict[Any, tuple[str, list[str]]] = {}
        self.enums: set[str] = set()

    def name_of(self, cls: type) -> str:
        self.imports.setdefault(cls.__module__, set()).add(cls.__name__)
        return cls.__name__

    def expr(self, type_: Any, src: str) -> str:
        """An expression that reads ``src`` (JSON) as a ``type_``."""
        origin, args = typing.get_origin(type_), typing.get_args(type_)
        if type_ in (str, int, bool):
            return src
        if type_ is float:
            return f"float({src})"
        if type_ is FiscalYear:
            self.name_of(FiscalYear)
            return f"_fiscal_year({src})"
        if type_ is YearMonth:
            self.name_of(YearMonth)
            return f"_month({src})"
        if origin in (typing.Union, types.UnionType):
            members = [a for a in args if a is not type(None)]
            if len(members) < len(args):  # X | None
                inner = members[0] if len(members) == 1 else typing.Union[tuple(members)]  # noqa: UP007
                if inner in (str, int, bool):
                    return src
                return f"(None if {src} is None else {self.expr(inner, src)})"
            return f"{self.function(type_)}({src})"
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            if args[0] in (str, int, bool):
                return f"tuple({src})"
            return f"tuple([{self.expr(args[0], '_e')} for _e in {src}])"
        if isinstance(type_, type) and issubclass(type_, enum.Enum):
            name = self.name_of(type_)
            self.enums.add(name)
            return f"_{name.upper()}[{src}]"
        if isinstance(type_, type) and (attrs.has(type_) or has_own_form(type_)):
            return f"{self.function(type_)}({src})"
        raise TypeError(f"no reading for {type_!r}")

    def function(self, type_: Any) -> str:
        """The name of the function that reads a class or a union of tagged classes."""
        if type_ in self.functions:
            return self.functions[type_][0]
        if typing.get_origin(type_) in (typing.Union, types.UnionType):
            members = typing.get_args(type_)
            assert all(is_tagged(m) for m in members), type_
            name = "_" + "_or_".join(m.__name__ for m in members[:2]) + f"_{len(members)}"
            self.functions[type_] = (name, [])
            table = ", ".join(f"{str(m.kind.value)!r}: {self.function(m)}" for m in members)
            body = [f"{name.upper()}_KINDS: dict[str, Any] = {{{table}}}", "", ""]
            body += [
                f"def {name}(d: Any) -> Any:",
                f"    return {name.upper()}_KINDS[d['kind']](d)",
            ]
            self.functions[type_] = (name, body)
            return name
        cls: type = type_
        name = f"_{cls.__name__}"
        self.functions[type_] = (name, [])
        cname = self.name_of(cls)
        if has_own_form(cls) and not attrs.has(cls):
            body = [f"def {name}(d: Any) -> Any:", f"    return {cname}.from_json_form(d)"]
            self.functions[type_] = (name, body)
            return name
        hints = typing.get_type_hints(cls)
        args = []
        for f in attrs.fields(cls):
            if not f.init or f.metadata.get("json") is False:
                continue
            args.append(f"{f.alias}={self.expr(hints[f.name], f'd[{f.name!r}]')}")
        made = f"{cname}({', '.join(args)})"
        body = [f"def {name}(d: Any) -> Any:"]
        if cls.__name__ in _SHARED:  # many equal values: one object for each, in one plan
            keys = ", ".join(f"d[{f.name!r}]" for f in attrs.fields(cls) if f.init)
            body += [
                f"    key = ({cname!r}, {keys})",
                f"    return _SEEN.get(key) or _seen(key, {made})",
            ]
        else:
            body += [f"    return {made}"]
        self.functions[type_] = (name, body)
        return name


def generate() -> str:
    """The text of the module."""
    w = _Writer()
    w.function(Plan)
    lines = [_HEAD]
    for module in sorted(w.imports):
        lines.append(f"from {module} import {', '.join(sorted(w.imports[module]))}")
    lines += [
        "",
        '__all__ = ["read_plan"]',
        "",
        "#: The values read so far in the plan being read, shared (emptied after each plan).",
        "_SEEN: dict[Any, Any] = {}",
        "_READING = threading.Lock()",
        *(
            f"_{e.upper()}: dict[Any, {e}] = {e}.{_BY_VALUE}  # type: ignore[assignment]"
            for e in sorted(w.enums)
        ),
        "",
        "",
        "def _seen(key: Any, value: Any) -> Any:",
        "    _SEEN[key] = value",
        "    return value",
        "",
        "",
        "def _fiscal_year(v: int) -> FiscalYear:",
        "    # one object per year: the plan holds a thousand, of a handful of years",
        "    key = ('FiscalYear', v)",
        "    fy: FiscalYear = _SEEN.get(key) or _seen(key, FiscalYear(v))",
        "    return fy",
        "",
        "",
        "def _month(v: str) -> YearMonth:",
        "    head, end, _ = v.partition('-end')",
        "    year, month = head.split('-')",
        "    return YearMonth(int(year), int(month), end_of_month=bool(end))",
    ]
    for _type, (_name, body) in reversed(list(w.functions.items())):
        lines += ["", "", *body]
    lines += ["", "", "def read_plan(data: Any) -> Plan:"]
    lines += ['    """A packaged plan from its JSON."""', "    with _READING:"]
    lines += ["        try:", "            plan: Plan = _Plan(data)", "        finally:"]
    lines += ["            _SEEN.clear()", "    return plan", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    check = (argv if argv is not None else sys.argv[1:]) == ["--check"]
    text = generate()
    current = OUTPUT.read_text("utf-8") if OUTPUT.exists() else ""
    if check:
        if current != text:
            print(f"{OUTPUT} is out of date: run `make data`", file=sys.stderr)
            return 1
        print(f"{OUTPUT.name} is up to date")
        return 0
    OUTPUT.write_text(text, "utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
