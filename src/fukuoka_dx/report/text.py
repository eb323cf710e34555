"""Terminal text: widths that count Japanese (East Asian wide) characters as two, wrapping
that keeps every character, cutting that says so (``…``), and tables that fit a width.

>>> for line in fit(["id", "name"], [["1-1-3.1", "引越しに係る行政手続きのオンライン"]], 28).lines:
...     print(line)
id       name
-------  -------------------
1-1-3.1  引越しに係る行政手
         続きのオンライン
>>> clip("引越しに係る行政手続き", 12)
'引越しに係…'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Final

import attrs

__all__ = [
    "ELLIPSIS",
    "Fitted",
    "clip",
    "fit",
    "fits",
    "pad",
    "table",
    "terminal_width",
    "width",
    "wrap",
    "wrap_lines",
]

#: The mark of text cut short.
ELLIPSIS: Final = "…"

#: The width a screen has when it is not a terminal (a pipe, a file).
DEFAULT_WIDTH: Final = 80


def width(text: str) -> int:
    """Display width in a terminal: wide and full-width characters count 2, combining 0."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def pad(text: str, size: int) -> str:
    """``text`` left-aligned in ``size`` display columns."""
    return text + " " * max(0, size - width(text))


def clip(text: str, size: int) -> str:
    """``text`` in at most ``size`` display columns: cut, and marked with ``…``, when longer
    (the mark is given two columns, as a Japanese terminal may draw it wide)."""
    if width(text) <= size:
        return text
    out, used = "", 0
    for ch in text:
        w = width(ch)
        if used + w > size - 2:
            break
        out += ch
        used += w
    return out.rstrip() + ELLIPSIS


#: What does not begin a line (禁則: closing brackets and punctuation, the long vowel mark)
#: and what does not end one (opening brackets): each stays with the character beside it.
_CLOSING: Final = ")]}）」』】〕、。，．！？ー・：；,.;:!?"
_OPENING: Final = "([{（「『【〔"
#: The units a line is made of: spaces, a short bracketed word, or a run of ASCII (a word,
#: a number, an id) or one other character, with the opening brackets before it and the
#: closing ones after it.
_SMALL_UNIT: Final = re.compile(
    rf" +|[{re.escape(_OPENING)}]*(?:[!-~]+|[^ ])[{re.escape(_CLOSING)}]*"
)
_UNIT: Final = re.compile(
    rf"[(（][^ ()（）]{{1,10}}[)）][{re.escape(_CLOSING)}]*|{_SMALL_UNIT.pattern}"
)
"""A short bracketed word (``(市民局)``, ``(令和8年度)``) is one unit, broken like other
text only when it does not fit a line."""


def wrap(text: str, size: int) -> list[str]:
    """``text`` in lines of at most ``size`` display columns, broken at spaces or between
    Japanese characters, never inside an English word, a number or an id that fits a line,
    and never before closing punctuation (禁則). Only the spaces where a line breaks are
    dropped: every other character is kept, in order."""
    size = max(size, 2)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0
        units = _UNIT.findall(paragraph)
        units.reverse()
        while units:
            unit = units.pop()
            w = width(unit)
            if w > size and unit[0] in "(（":  # a bracketed word too long: its own units
                parts = _SMALL_UNIT.findall(unit)
                if len(parts) > 1:
                    units.extend(reversed(parts))
                    continue
            if unit.startswith(" "):
                if used + w > size:
                    lines.append(line.rstrip())
                    line, used = "", 0
                elif line:
                    line, used = line + unit, used + w
                continue
            if used + w > size and line.strip():
                lines.append(line.rstrip())
                line, used = "", 0
            while w > size:  # longer than a whole line: broken where the line ends
                head, taken = "", 0
                for ch in unit:
                    if taken + width(ch) > size - used:
                        break
                    head += ch
                    taken += width(ch)
                if not head:
                    lines.append(line.rstrip())
                    line, used = "", 0
                    continue
                lines.append((line + head).rstrip())
                line, used = "", 0
                unit = unit[len(head) :]
                w = width(unit)
            line, used = line + unit, used + w
        lines.append(line.rstrip())
    return lines


def wrap_lines(text: str, size: int, indent: str = "", hanging: str | None = None) -> list[str]:
    """``text`` wrapped within ``size`` columns as lines starting with ``indent`` (the
    first) and ``hanging`` (the others; default: as wide as ``indent``, in spaces)."""
    rest = " " * width(indent) if hanging is None else hanging
    inner = size - max(width(indent), width(rest))
    parts = wrap(text, inner)
    return [indent + parts[0], *(rest + part for part in parts[1:])]


# -- tables ---------------------------------------------------------------------------------

#: The columns between two cells.
_GAP: Final = 2
#: A column is not made narrower than this (or its content, when narrower).
_MIN_COLUMN: Final = 6
#: Runs that are never broken when a column can hold them: words, numbers, ids, percentages.
_TOKEN: Final = re.compile(r"[0-9A-Za-z.,%+\-−/()'\"_:]+")
#: The narrowest a column of names or reasons is kept in a table (else it goes below).
_READABLE: Final = 16
#: A token longer than this may be broken (a column is not widened past it for one word).
_LONGEST_TOKEN: Final = 14


@attrs.frozen
class Fitted:
    """A table fitted to a width: its lines, and the headers of the columns left out for
    want of room (the caller says so)."""

    lines: tuple[str, ...]
    dropped: tuple[str, ...] = ()

    def text(self) -> str:
        return "\n".join(self.lines)


def _least(header: str, cells: Sequence[str]) -> int:
    """The narrowest a column should be: its longest unbreakable run (a word, a number, an
    id; up to :data:`_LONGEST_TOKEN`), at least :data:`_MIN_COLUMN` where the text is that
    wide, and its header on one line where the header is short (a Japanese header is not
    broken inside a word such as 達成率)."""
    lines = [line for t in (header, *cells) for line in t.split("\n")]
    natural = max((width(t) for t in lines), default=0)
    tokens = [width(m) for t in lines for m in _TOKEN.findall(t)]
    longest = min(max(tokens, default=0), _LONGEST_TOKEN)
    head = width(header) if width(header) <= _LONGEST_TOKEN else 0
    return min(natural, max(_MIN_COLUMN, longest, head))


def _share(out: list[int], natural: Sequence[int], spare: int, among: Sequence[int]) -> int:
    """Give ``spare`` columns to the ``among`` columns of ``out`` up to their natural widths,
    the narrowest first: each is raised to a common level (the widest columns give up the
    room, so that a short name stays whole beside a long reason); returns what is left."""
    base = {i: out[i] for i in among}
    top = max((natural[i] for i in among), default=0)
    level, low = 0, 0
    high = top
    while low <= high:  # the highest level whose widths fit the room
        mid = (low + high) // 2
        need = sum(max(base[i], min(natural[i], mid)) - base[i] for i in among)
        if need <= spare:
            level, low = mid, mid + 1
        else:
            high = mid - 1
    for i in among:
        grown = max(base[i], min(natural[i], level))
        spare -= grown - out[i]
        out[i] = grown
    for i in among:  # what is left over, one column at a time
        if spare <= 0:
            break
        if out[i] < natural[i]:
            out[i] += 1
            spare -= 1
    return spare


def _widths(
    natural: Sequence[int], least: Sequence[int], room: int, wrappable: Sequence[int]
) -> list[int] | None:
    """Column widths within ``room`` (the gaps already taken), or ``None`` when the least
    widths do not fit. The ``wrappable`` columns give up room first: the others keep their
    natural widths where the wrappable ones can shrink enough, else every column shares."""
    if sum(least) > room:
        return None
    if sum(natural) <= room:
        return list(natural)
    columns = range(len(natural))
    loose = [i for i in columns if i in wrappable]
    fixed = sum(natural[i] for i in columns if i not in loose)
    if loose and fixed + sum(least[i] for i in loose) <= room:
        out = [least[i] if i in loose else natural[i] for i in columns]
        _share(out, natural, room - sum(out), loose)
        return out
    out = list(least)
    _share(out, natural, room - sum(out), list(columns))
    return out


def _measure(
    head: Sequence[str], body: Sequence[Sequence[str]], shown: Sequence[int]
) -> tuple[list[int], list[int]]:
    """The natural and the least width of each shown column."""
    natural, least = [], []
    for i in shown:
        cells = [r[i] for r in body]
        lines = [line for t in (head[i], *cells) for line in t.split("\n")]
        natural.append(max(width(t) for t in lines))
        least.append(_least(head[i], cells))
    return natural, least


def fit(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    size: int = DEFAULT_WIDTH,
    *,
    wrappable: Sequence[int] = (),
    below: Sequence[int] = (),
    optional: Sequence[int] = (),
) -> Fitted:
    """An aligned plain-text table in at most ``size`` columns.

    Each cell keeps all its text: a column too narrow for a cell wraps it onto more lines
    of its row (whole cells, at spaces or between Japanese characters, never inside an id
    or a number); the ``wrappable`` columns (by index, such as names) give up room first.
    Where the table does not fit with only those wrapped, the ``below`` columns leave the
    grid and are written under each row (``header: text``, indented). When even the
    narrowest columns do not fit, the ``optional`` columns (the first given left out
    first) are left out and named in :attr:`Fitted.dropped`. Wide characters count two
    columns; a line break in a cell begins a new line within it."""
    head = [str(h) for h in header]
    body = [["" if v is None else str(v) for v in r] for r in rows]
    shown = list(range(len(head)))
    under: list[int] = []
    for i in below:  # one at a time, until the rest fits
        if i not in shown or _fits(head, body, shown, size, wrappable):
            break
        under.append(i)
        shown.remove(i)
    dropped: list[str] = []
    queue = [i for i in optional if i in shown]
    while True:
        natural, least = _measure(head, body, shown)
        room = size - _GAP * (len(shown) - 1)
        loose = [k for k, i in enumerate(shown) if i in wrappable]
        widths = _widths(natural, least, room, loose)
        if widths is not None or not queue:
            break
        gone = queue.pop(0)
        shown.remove(gone)
        dropped.append(head[gone])
    if widths is None:  # nothing more to leave out: share the room, breaking what must break
        each = max(2, room // max(1, len(shown)))
        widths = [min(n, each) for n in natural]
    lines = _row_lines([head[i] for i in shown], widths)
    lines.append("  ".join("-" * w for w in widths))
    indent = " " * (widths[0] + _GAP) if len(widths) > 1 else "  "
    for r in body:
        lines += _row_lines([r[i] for i in shown], widths)
        for i in sorted(under):
            if r[i]:
                lines += wrap_lines(f"{head[i]}: {r[i]}", size, indent)
    return Fitted(tuple(lines), tuple(dropped))


def fits(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    size: int,
    *,
    wrappable: Sequence[int] = (),
) -> bool:
    """Whether a table fits ``size`` columns with every column at its full width except
    the ``wrappable`` ones (by index), which may wrap down to a readable width
    (16 columns, or less where their text is narrower)."""
    head = [str(h) for h in header]
    body = [["" if v is None else str(v) for v in r] for r in rows]
    return _fits(head, body, range(len(head)), size, wrappable)


def _fits(
    head: Sequence[str],
    body: Sequence[Sequence[str]],
    shown: Sequence[int],
    size: int,
    wrappable: Sequence[int],
) -> bool:
    natural, least = _measure(head, body, shown)
    total = _GAP * (len(shown) - 1)
    for k, i in enumerate(shown):
        readable = max(least[k], min(natural[k], _READABLE))
        total += readable if i in wrappable else natural[k]
    return total <= size


def _row_lines(cells: Sequence[str], widths: Sequence[int]) -> list[str]:
    wrapped = [wrap(c, w) for c, w in zip(cells, widths, strict=True)]
    height = max((len(c) for c in wrapped), default=0)
    out = []
    for k in range(height):
        parts = [c[k] if k < len(c) else "" for c in wrapped]
        out.append("  ".join(pad(p, w) for p, w in zip(parts, widths, strict=True)).rstrip())
    return out


def table(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    size: int = DEFAULT_WIDTH,
    **how: Sequence[int],
) -> str:
    """:func:`fit` as one text (the lines joined)."""
    return fit(header, rows, size, **how).text()


def terminal_width(default: int = DEFAULT_WIDTH) -> int:
    """The terminal's width in columns (``COLUMNS`` when set; ``default`` when the output is
    not a terminal)."""
    import shutil

    return shutil.get_terminal_size((default, 40)).columns
