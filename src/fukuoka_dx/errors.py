"""Every error fukuoka-dx raises on purpose, as one family under :class:`FukuokaDXError`.

Each error also keeps the builtin base that callers already catch: a lookup that finds
nothing is a :class:`KeyError`, a value that breaks a rule is a :class:`ValueError`, a
value of the wrong Python type handed to a reader or a value type a :class:`TypeError`, a
missing optional dependency an :class:`ImportError`.

>>> from fukuoka_dx import load_plan
>>> try:
...     load_plan().initiative("1-1-99")
... except FukuokaDXError as exc:
...     print(type(exc).__name__, isinstance(exc, KeyError), exc)
NotFoundError True no initiative '1-1-99' in the plan; did you mean 1-1-9, 1-1-8, 1-1-7?
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

__all__ = [
    "AmbiguousEraError",
    "FiscalYearParseError",
    "FukuokaDXError",
    "InputProblem",
    "InputTypeError",
    "InvalidValueError",
    "JSONFormatError",
    "MissingExtraError",
    "NotFoundError",
    "ObservationsError",
    "TargetParseError",
    "UnknownEditionError",
    "UsageError",
]


class FukuokaDXError(Exception):
    """The base of every error fukuoka-dx raises on purpose."""


class InvalidValueError(FukuokaDXError, ValueError):
    """A value that breaks a rule of the model (a field out of range, a plan at odds with
    itself, a threshold below zero); the message names the field and the rule.

    ``located`` lists, where the value knows them, each problem with its place in the value
    (``initiatives[12].id``): the JSON reader reports each at its JSON path.
    """

    located: tuple[tuple[str, str], ...] = ()

    @classmethod
    def at(cls, problems: Sequence[tuple[str, str]]) -> InvalidValueError:
        """The error for ``problems``, each a place in the value and what is wrong there."""
        if len(problems) == 1:
            message = problems[0][1]
        else:
            lines = "\n".join(f"  - {m} (at {place})" for place, m in problems)
            message = f"{len(problems)} problem(s):\n{lines}"
        error = cls(message)
        error.located = tuple(problems)
        return error


class InputTypeError(FukuokaDXError, TypeError):
    """A value of the wrong Python type where an input is read (``Figure(True)``, bytes given
    to a reader of text, ``Observation(source=5)``); the message names the type expected."""


class NotFoundError(FukuokaDXError, KeyError):
    """An id or name that is not there; the message names close matches."""

    def __str__(self) -> str:
        return str(self.args[0])

    @classmethod
    def for_key(
        cls, what: str, key: str, known: Iterable[str], where: str = "in the plan"
    ) -> NotFoundError:
        """The error for ``key`` missing among ``known``, with up to three close matches."""
        import difflib  # on first use: only a failed lookup needs it

        close = difflib.get_close_matches(key, list(known), n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        return cls(f"no {what} {key!r} {where}{hint}")


class UnknownEditionError(NotFoundError):
    """A plan edition that does not ship with this version; the message lists those that do."""


class FiscalYearParseError(FukuokaDXError, ValueError):
    """Text that does not name a fiscal year, a month or a date; the message quotes it."""


class AmbiguousEraError(FiscalYearParseError):
    """A year such as ``5年度`` written without its era, where no era was given."""


class TargetParseError(FukuokaDXError, ValueError):
    """A cell text that does not fit the kind asked for; the message quotes the text."""


class JSONFormatError(FukuokaDXError, ValueError):
    """JSON that does not describe a model value; ``problems`` lists each with its path."""

    def __init__(self, what: str, problems: Sequence[str]) -> None:
        self.what = what
        self.problems = tuple(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{what}: {len(self.problems)} problem(s):\n{lines}")


@attrs.frozen
class InputProblem:
    """One problem of an input: where it is (file and row), the column, what it says, why."""

    location: str
    column: str | None
    text: str
    reason: str

    def __str__(self) -> str:
        col = f", column {self.column}" if self.column else ""
        quoted = f" ({self.text!r})" if self.text else ""
        return f"{self.location}{col}{quoted}: {self.reason}"


class ObservationsError(FukuokaDXError, ValueError):
    """Observations with problems; ``problems`` lists every one (file, row, column, why)."""

    def __init__(self, problems: Sequence[InputProblem]) -> None:
        self.problems = tuple(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the observations:\n{lines}")


class UsageError(FukuokaDXError, ValueError):
    """A bad command-line argument or a combination of options that does not apply; the
    command reports it in one line with exit code 2."""


class MissingExtraError(FukuokaDXError, ImportError):
    """An optional feature whose extra is not installed; the message names the extra."""
