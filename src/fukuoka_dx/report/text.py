"""Terminal text: column widths that count Japanese (East Asian wide) characters as two."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Final


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


#: Punctuation that does not begin a line (禁則): it stays at the end of the line before.
_NO_LINE_START: Final = frozenset("、。，．,.）」』】〕)!?！？ー・：:;；")


def wrap(text: str, size: int) -> list[str]:
    """``text`` in lines of at most ``size`` display columns (closing punctuation may hang
    one character beyond), broken between characters (Japanese has no spaces to break at)
    or at spaces; nothing is cut off."""
    size = max(size, 2)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0
        for ch in paragraph:
            w = width(ch)
            if used + w > size and line and ch not in _NO_LINE_START:
                cut = line.rfind(" ")
                if cut > 0 and ch != " ":  # break English at a space, never inside a word
                    lines.append(line[:cut])
                    line = line[cut + 1 :]
                    used = width(line)
                else:
                    lines.append(line.rstrip())
                    line, used = "", 0
                if ch == " ":
                    continue
            line += ch
            used += w
        lines.append(line)
    return lines


def table(header: Sequence[str], rows: Sequence[Sequence[object]], max_width: int = 60) -> str:
    """An aligned plain-text table; a cell wider than ``max_width`` columns wraps onto more
    lines of its row instead of being cut."""
    cells = [[wrap("" if v is None else str(v), max_width) for v in r] for r in rows]
    head = [str(h) for h in header]
    widths = [
        max([width(h)] + [width(line) for r in cells for line in r[i]]) for i, h in enumerate(head)
    ]
    lines = ["  ".join(pad(h, w) for h, w in zip(head, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for r in cells:
        for k in range(max(len(c) for c in r) if r else 0):
            parts = [c[k] if k < len(c) else "" for c in r]
            lines.append("  ".join(pad(p, w) for p, w in zip(parts, widths, strict=True)).rstrip())
    return "\n".join(lines)


def terminal_width(default: int = 100) -> int:
    """The terminal's width in columns (``default`` when output is not a terminal)."""
    import shutil

    return shutil.get_terminal_size((default, 40)).columns
