"""A plain counter on standard error while a long file is read: shown once reading has taken
more than a couple of seconds, on a terminal (or when asked with ``--progress always``), and
never when it is not wanted, so that logs and pipes stay clean."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from fukuoka_dx.words import Lang, say

__all__ = ["DELAY", "ProgressMode", "reading_progress"]

#: Seconds of reading before the counter is first shown.
DELAY = 2.0

#: ``auto`` (on a terminal), ``always`` or ``never``.
ProgressMode = str


def reading_progress(
    stream: TextIO,
    lang: Lang,
    what: str,
    mode: ProgressMode = "auto",
    *,
    clock: Callable[[], float] = time.monotonic,
    delay: float = DELAY,
) -> Callable[[int, int | None], None] | None:
    """A hook for the readers' ``progress`` (rows done, rows in all or ``None``) that writes
    ``fukuoka-dx: reading FILE: 12,000 / 200,000 rows`` over itself; ``None`` when not shown."""
    if mode == "never" or (mode == "auto" and not _is_terminal(stream)):
        return None
    start = clock()
    shown = [False]

    def hook(done: int, total: int | None) -> None:
        if not shown[0] and clock() - start < delay:
            return
        shown[0] = True
        of = say("cli.progress_of", lang, total=f"{total:,}") if total is not None else ""
        line = say("cli.progress", lang, what=what, done=f"{done:,}", of=of)
        end = "\n" if total is not None and done >= total else ""
        stream.write(f"\rfukuoka-dx: {line}{end}")
        stream.flush()

    return hook


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
