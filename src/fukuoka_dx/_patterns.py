"""Regular expressions compiled on first use: loading a plan reads none of them, so an
import does not pay for compiling the readers of text (fiscal years, cells, dates)."""

from __future__ import annotations

import re

__all__ = ["LazyPattern"]


class LazyPattern:
    """A regular expression that is compiled the first time it matches anything."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled expression."""
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def match(self, text: str) -> re.Match[str] | None:
        return self.pattern.match(text)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.pattern.fullmatch(text)
